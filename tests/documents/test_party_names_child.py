"""A child's documents name the parties by the build day (`--day`, D43): a day of the pilot round prints the
pilot-time municipality name; an archive copy made on 01.12.2026 prints the names in force on the day before
the plan began (D69)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.run import run
from tests.documents.from_matrix_helpers import docx_text, funded_child
from tests.documents.party_helpers import NOTE_START
from tests.ministry.factory import Child

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def child(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Child:
    return funded_child(catalogue, tmp_path_factory.mktemp("party-names"))


def _texts(folder: Path) -> dict[str, str]:
    return {p.stem: docx_text(p) for p in sorted(folder.glob("*.docx"))}


def test_child_documents_take_the_names_of_the_build_day(child: Child, catalogue: Catalogue, tmp_path: Path) -> None:
    said: list[str] = []
    names = catalogue.municipality_names
    pilot = names.confirmed_on(child.municipality, "municipality", child.inputs.period_start)
    assert pilot is not None
    made = run(child.path, tmp_path / "pilot", catalogue, None, draft=False, echo=said.append, err=said.append,
               pdf=False, today=child.inputs.period_start)
    assert made.made == 1, said
    texts = _texts(tmp_path / "pilot" / child.path.stem)
    assert len(texts) >= 5
    for name, text in texts.items():
        assert pilot.name in text, name
    assert pilot.forms.genitive in texts["08-lemums-par-pieskirsanu"]

    later = dt.date(2026, 12, 1)
    assert names.confirmed_on(child.municipality, "municipality", later) is None
    copy = run(child.path, tmp_path / "later", catalogue, None, draft=False, echo=said.append, err=said.append,
               pdf=False, today=later, archive=True)
    assert copy.archived == 1, said
    [folder] = (tmp_path / "later").iterdir()
    # an archive copy shows the papers as they were signed: the names of the day before the plan began, and a
    # note (for a name unconfirmed even then) names that day, not the build day (F23, D69)
    start = f"{child.inputs.period_start - dt.timedelta(days=1):%d.%m.%Y}"
    for name, text in _texts(folder).items():
        assert pilot.name in text, name
        assert "spēkā 01.12.2026" not in text and "izveidoja 01.12.2026" in text, name
        assert NOTE_START not in text or f"spēkā {start}" in text, name
