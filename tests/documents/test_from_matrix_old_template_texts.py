"""`ibm documents --from-matrix` on a matrix of an older template that did not check the provider name's length (D168):
the 81-character name is no refusal but a note naming the cell, and the papers print it whole (their cells wrap)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_tables, docx_text
from tests.ministry.test_migrate_old_template import old_template
from tests.ministry.test_text_limits_old_template import (
    NOTE,
    OLD_COMMIT,
    PROVIDER,
    _matrices,
    _place,
    _provider_row,
)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]  # the DOCX are read, not the PDFs
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended


def test_papers_from_an_old_matrix_print_the_long_provider_name_whole(catalogue: Catalogue, tmp_path: Path) -> None:
    (tmp_path / "veidne").mkdir()
    template = old_template(tmp_path / "veidne", OLD_COMMIT)
    [matrix] = _matrices(catalogue, template, tmp_path / "matricas", 1)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(matrix), "--out", str(out), "--day",
                                       BUILD_DAY], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 0, result.output
    assert "atteikti 0" in result.output, result.output
    # the cell as the matrix labels it (places.py): "6.8!H26 (Pak_Sniedzejs)" -> "6.8. tabula, H26 „Sniedzējs”, …"
    provider = _place(matrix, "Pak_Sniedzejs", _provider_row(matrix)).split("!")[1].split(" ")[0]
    assert f"piezīme: 6.8. tabula, {provider} „Sniedzējs”, pakalpojums „" in result.output, result.output
    assert ("”: sniedzēja nosaukumam pašreizējā veidnē atļautas ne vairāk kā 80 zīmes, ievadīta 81 zīme; šīs matricas "
            "vecākā veidne teksta garumu nepārbaudīja") in result.output, result.output
    note = _place(matrix, "Aprekins_Piezimes").split("!")[1].split(" ")[0]
    assert f"piezīme: 6.4. tabula, {note} „Piezīmes”, 1. rinda: piezīmju tekstam" in result.output, result.output
    assert NOTE not in result.output  # the text itself is never quoted
    folder = out / matrix.stem
    contracts = [p for p in sorted(folder.glob("02-ligums-ar-sniedzeju-*.docx")) if PROVIDER in normalise(docx_text(p))]
    assert len(contracts) == 1, sorted(p.name for p in folder.iterdir())
    letters = [p for p in sorted(folder.glob("03-garantijas-vestule-*.docx")) if PROVIDER in normalise(docx_text(p))]
    assert len(letters) == 1, sorted(p.name for p in folder.iterdir())
    rows = [row for table in docx_tables(folder / "05-iesniegums-par-sniedzejiem.docx") for row in table]
    assert any(PROVIDER in cell for row in rows for cell in row), rows  # the 6.9 form's provider cell: whole
