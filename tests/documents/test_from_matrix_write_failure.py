"""`ibm documents --from-matrix` names the file system's reason and the path when the output cannot be written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.run import run
from tests.ministry.factory import generic_template, make_children, write_children


def test_an_unwritable_out_gives_the_reason_and_the_path(tmp_path: Path, catalogue: Catalogue) -> None:
    template = generic_template(catalogue, tmp_path)
    [child] = write_children(catalogue, template, make_children(catalogue, 1, seed=808), tmp_path / "m")
    blocker = tmp_path / "fails"
    blocker.write_text("ne mape", encoding="utf-8")
    said: list[str] = []
    summary = run(child.path, blocker / "dokumenti", catalogue, None, draft=True, echo=said.append,
                  err=said.append, pdf=False, today=dt.date(2018, 1, 1))
    assert summary.refused == 1
    text = "\n".join(said)
    assert "dokumentus neizdevās izveidot (ceļā ir fails, kur vajag mapi" in text, text
    assert str(blocker) in text
    assert "OSError" not in text and "NotADirectoryError" not in text
