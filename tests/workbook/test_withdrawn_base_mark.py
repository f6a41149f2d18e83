"""D318: a matrix made on or after the day the catalogue puts its prices day's confirmed B back to „jāprecizē” (the
same amount) prints B as the papers made that day do (D301: the later of the two days) – 6.11's mark makes
h_BazeProviz 1, so 6.5's P, A and K are blanks with the „nav apstiprināts” note –; one made before that day, and the
template the ministry regenerates (no day of making), print it confirmed; the template comparison accepts the mark.
The recalculated matrix: tests/workbook/test_withdrawn_confirmation.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.models import PriceStatus
from generator.ministry.fastread import read_fast
from generator.ministry.integrity import content, differing_cells
from generator.ministry.migrate import Migrator
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxread import read_xlsx
from generator.workbook import withdrawn_base
from generator.workbook.sheets.technical import BASE_ROW, PARAM_FIRST
from generator.workbook.texts import ANNEX_BASE_BLANK, BASE_PROVISIONAL_SHORT
from generator.workbook.version import template_version
from generator.workbook.writer import write_workbook
from tests.plan_changes_catalogue import BASE_CONFIRMED, BASE_WITHDRAWN, withdrawn_catalogue


def _cell(wb, name: str):  # noqa: ANN001, ANN202
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    return wb[sheet][ref.replace("$", "")]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("withdrawn-base")
    changed = withdrawn_catalogue(root / "catalogue")
    days = {"veidne": None, "pirms": BASE_WITHDRAWN - dt.timedelta(days=1), "atsaukts": BASE_WITHDRAWN,
            "velak": BASE_WITHDRAWN + dt.timedelta(days=20)}
    return {name: write_workbook(changed, root / f"{name}.xlsx", None, BASE_CONFIRMED, made_on=on)
            for name, on in days.items()}


@pytest.mark.parametrize("name, withdrawn", [("veidne", False), ("pirms", False), ("atsaukts", True),
                                              ("velak", True)])
def test_the_status_is_the_papers_of_the_day_it_is_made(made: dict[str, Path], name: str, withdrawn: bool) -> None:
    values = load_workbook(made[name], data_only=True)
    formulas = load_workbook(made[name])
    mark = _cell(formulas, withdrawn_base.NAME)
    assert mark.value == (withdrawn_base.MARK if withdrawn else None), (name, mark.value)
    assert withdrawn_base.NAME in _cell(formulas, "h_BazeProviz").value
    assert _cell(values, "h_BazeProviz").value == int(withdrawn)
    # the ministry's B is not prefilled once withdrawn: it is no LM B for the papers (D257, D314)
    assert (formulas["6.11"][f"B{BASE_ROW}"].value is None) == withdrawn
    # 6.11's parameter table shows B's status of the day it is made (D319)
    assert _cell(values, "Param_BazesStatuss").value == (PriceStatus.to_verify if withdrawn
                                                         else PriceStatus.confirmed).value
    assert withdrawn_base.NAME in _cell(formulas, "Param_BazesStatuss").value
    source = values["6.11"][f"F{PARAM_FIRST}"].value  # and the withdrawing entry's source
    assert ("Testa dati: B atkal jāprecizē" in source) == withdrawn, source
    # 6.5's note and 6.4's warning as a matrix of a prices day after the withdrawal prints them
    annex = [c.value for row in values["6.5"].iter_rows() for c in row if c.value == ANNEX_BASE_BLANK]
    calc = [c.value for row in values["6.4"].iter_rows() for c in row if c.value == BASE_PROVISIONAL_SHORT]
    assert bool(annex) == withdrawn and bool(calc) == withdrawn, (name, annex, calc)


def test_the_template_comparison_accepts_the_mark(made: dict[str, Path]) -> None:
    template = content(read_xlsx(made["veidne"]))
    for name in ("pirms", "atsaukts", "velak"):
        assert differing_cells(content(read_xlsx(made[name])), template) == [], name


def test_the_same_day_makes_the_same_bytes(made: dict[str, Path], tmp_path: Path) -> None:
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    again = write_workbook(changed, tmp_path / "atkal.xlsx", None, BASE_CONFIRMED, made_on=BASE_WITHDRAWN)
    assert again.read_bytes() == made["atsaukts"].read_bytes()


@pytest.mark.parametrize("on, withdrawn", [(BASE_WITHDRAWN - dt.timedelta(days=1), False), (BASE_WITHDRAWN, True)])
def test_migrate_reads_the_status_on_its_day(made: dict[str, Path], tmp_path: Path, on: dt.date,
                                              withdrawn: bool) -> None:
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    out = tmp_path / "parnesta.xlsx"
    with Migrator(changed, made_on=on) as migrator:
        migrator.migrate(made["pirms"], out)
    formulas = load_workbook(out)  # (a migrated matrix keeps no computed values: recalculated on opening)
    assert _cell(formulas, withdrawn_base.NAME).value == (withdrawn_base.MARK if withdrawn else None)
    assert (formulas["6.11"][f"B{BASE_ROW}"].value is None) == withdrawn


def test_the_collections_fast_scan_accepts_the_mark(made: dict[str, Path], tmp_path: Path) -> None:
    """The fast scan `ibm collect` proves a file by (templates.Expected._fixed_ok) leaves the mark out too."""
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    expected = TemplateSource(changed).expected(template_version(changed, BASE_CONFIRMED))
    assert expected is not None and expected.cells is not None
    for name in ("pirms", "atsaukts"):
        fast = read_fast(made[name])
        assert fast is not None and expected.fast_ok(fast), name


def test_a_long_withdrawing_source_is_said_in_pieces(tmp_path: Path) -> None:
    """A withdrawing entry's source longer than a formula's text constant holds (technical.FORMULA_TEXT_MAX) is put
    together from pieces: 6.11's row says „jāprecizē” with the withdrawing source, never with the confirming one."""
    from generator.catalogue.loader import load_or_raise
    from generator.workbook.sheets.technical import FORMULA_TEXT_MAX

    root = tmp_path / "catalogue"
    withdrawn_catalogue(root)
    long = "Testa dati: B atkal jāprecizē – " + "; ".join(["garš „avota” apraksts"] * 20)
    assert len(long) > FORMULA_TEXT_MAX
    programme = root / "programme.yaml"
    text = programme.read_text("utf-8")
    assert '"Testa dati: B atkal jāprecizē"' in text
    programme.write_text(text.replace('"Testa dati: B atkal jāprecizē"', f"'{long}'"), "utf-8")
    changed = load_or_raise(root)
    path = write_workbook(changed, tmp_path / "atsaukts.xlsx", None, BASE_CONFIRMED, made_on=BASE_WITHDRAWN)
    formula = load_workbook(path)["6.11"][f"F{PARAM_FIRST}"].value
    assert formula.startswith("=IF(") and '"&"' in formula, formula
    source = load_workbook(path, data_only=True)["6.11"][f"F{PARAM_FIRST}"].value
    assert long in source, source
