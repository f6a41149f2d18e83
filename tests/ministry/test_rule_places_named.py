"""Where `ibm collect` says a refused plan's rule error is fixed (reading.MatrixPlaces, audit27 F2): a valid period
start outside every reporting period, a child not eligible, or a chosen 6.8 item without a provider's price is a rule
error the matrix counts in that rule's own 6.11 row, not in the row of invalid input cells (which is 0 for such a
file): collect names the rule's row and the cells `ibm documents --from-matrix` names."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.places import CHECKS_SHEET, INVALID_INPUT, check_row, input_place
from generator.ministry.matrix import MISSING_PRICE, Matrix
from generator.reference.rounds import period_holding
from tests.ministry.factory import make_children, params, personal_code, write_children
from tests.workbook.invalid import _cell


def _outside_start(catalogue: Catalogue) -> dt.date:
    """The first day after a reporting period that no reporting period holds (between rounds or after the last)."""
    periods = params(catalogue).reporting_periods
    return min(day for p in periods if period_holding(periods, day := p.end + dt.timedelta(days=1)) is None)


def _rule_text(m: Matrix, row: int) -> str:
    """The description 6.11 shows in its row ``row`` (column A)."""
    cell = m.book.cell(CHECKS_SHEET, (row, 1))
    return " ".join(str(cell.value).split()) if cell is not None else ""


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_collect_names_the_rule_row_not_the_invalid_input_row(catalogue: Catalogue, template: Path, tmp_path: Path,
                                                              key_env: bytes) -> None:
    usable = make_children(catalogue, 3, seed=227, one_period=True)
    start = _outside_start(catalogue)
    outside = dataclasses.replace(usable[0], inputs=dataclasses.replace(usable[0].inputs, period_start=start))
    birth = usable[1].inputs.period_start.replace(year=usable[1].inputs.period_start.year - 20)  # of age long since, born after the matrix's earliest date (D331)
    code = personal_code(random.Random(227), birth, set())
    adult = dataclasses.replace(usable[1], municipality=usable[0].municipality,
                                people=dataclasses.replace(usable[1].people, child_code=code),
                                inputs=dataclasses.replace(usable[1].inputs, birth_date=birth))
    priced = dataclasses.replace(usable[2], municipality=usable[0].municipality)
    written = write_children(catalogue, template, [outside, adult, priced], tmp_path / "matricas",
                             saved_by="xlsxpatch")
    m = Matrix.open(written[2].path)  # the third: the price of its first chosen item emptied
    chosen = next(str(v).strip() for v in m.column("Plans_Pakalpojums") if v)
    item = [str(v).strip() for v in m.column("Pak_Id")].index(chosen)
    wb = load_workbook(written[2].path)
    _cell(wb, "Pak_Cena", item)[2].value = None
    wb.save(written[2].path)
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "k.xlsx"),
                                       "--jobs", "1", "--no-cache"])
    lines = result.output.splitlines()
    for child, code_, message, words in ((written[0], "outside_reporting_period", "IB nevar aprēķināt:",
                                          "Plāna pirmā diena nav nevienā programmas kārtas pārskata periodā"),
                                         (written[1], "not_eligible", "Bērns nav tiesīgs saņemt IB",
                                          "Bērns nav tiesīgs saņemt IB"),
                                         (written[2], MISSING_PRICE, "plānā izvēlētajam pakalpojumam",
                                          "Plānā izvēlētajam pakalpojumam 6.8. tabulā nav norādīta sniedzēja cena")):
        m = Matrix.open(child.path)
        said = [line for line in lines if f"{child.path.name}: " in line]  # the price: once per plan line of it
        assert said and all(message in line for line in said), result.output
        row, _ = check_row(m, code_)
        invalid, _ = check_row(m, INVALID_INPUT)
        assert _rule_text(m, row).startswith(words), _rule_text(m, row)  # the row that counts this rule
        assert all(f"(6.11. tabulas {row}. rinda): {message}" in line for line in said), said
        assert all(f"6.11. tabulas {invalid}. rinda" not in line for line in said), said
    # the cells as documents name them: the period's first day; the birth date and the period's first day; the price
    period_cell = input_place(Matrix.open(written[0].path), "Perioda_Sakums").split(" (")[0]
    birth_cell = input_place(Matrix.open(written[1].path), "Berns_DzimsanasDatums").split(" (")[0]
    assert f"{written[0].path.name}: {period_cell} (6.11." in result.output, result.output
    assert f"{written[1].path.name}: {birth_cell}, " in result.output, result.output
    price_cell = input_place(Matrix.open(written[2].path), "Pak_Cena", item).split(" (6.11.")[0]
    assert f"{written[2].path.name}: {price_cell} (6.11." in result.output, result.output
