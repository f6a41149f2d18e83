"""D371: while a 6.11 rule row whose instances are cells counts one, its „Kur redzams” names the first of them
(„pirmā: 6.8. tabula, I35”, a plan line's cell with its line) – the cell the reference's first finding is fixed in,
as `ibm documents --from-matrix` names it (documents/from_matrix/places.py) – as LibreOffice recalculates the matrix;
with none, the tables it shows in. One LibreOffice batch (lo_batch): all its random plans and rule cases and the plans of
conftest.day_line_plans (D375: the day-services row names the first line whose days the first month over counts,
as the reference's finding does, not the plan's first day-service line)."""

from __future__ import annotations

import pytest

from generator.documents.from_matrix.places import after_period_cells, cell
from generator.ministry.matrix import Matrix
from generator.reference.findings import Finding, Severity
from generator.reference.workbook import evaluate_workbook
from generator.workbook.sheets import first_cell
from generator.workbook.sheets.technical import rule_row, rules, tables

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

NBSP = "\u00a0"
OUTSIDE = ("Men_Daudzums", "Fakt_Daudzums", "Fakt_Summa")


def _address(found: tuple[str, str] | None) -> str:
    assert found is not None
    sheet, text = found
    return f"{sheet}.{NBSP}tabula, {text.split(' ', 1)[0]}"


def _expected(m: Matrix, code: str, found: list[Finding], months: int) -> str:
    """The first cell of ``code``'s findings, as the reference's lines and months and the file's names give it."""
    first = found[0]
    line = first.lines[0] if first.lines else 0
    if code in ("price_above_ceiling", "actual_cost_price"):
        items = [str(v).strip() for v in m.column("Pak_Id")]
        return _address(cell(m, "Pak_Cena", items.index(str(m.column("Plans_Pakalpojums")[line]).strip())))
    if code in ("monthly_units", "units_above_period"):
        return f"{_address(cell(m, 'Plans_Daudzums', line))},{NBSP}{line + 1}.{NBSP}rinda"
    if code in ("delivered_above_plan", "paid_above_delivered"):
        name = "Fakt_Daudzums" if code == "delivered_above_plan" else "Fakt_Summa"
        start = _address(cell(m, name, line, 0))
        return f"{start}:{_address(cell(m, name, line, months - 1)).rsplit(' ', 1)[1]}"
    if code == "units_above_month":
        return _address(cell(m, "Men_Daudzums", line, first.month - 1))
    if code == "day_services":
        return f"{_address(cell(m, 'Men_Daudzums', line, first.month - 1))},{NBSP}{line + 1}.{NBSP}rinda"
    line = min(i for f in found for i in f.lines)
    for name in OUTSIDE:  # outside_period: the first line's 6.6, then its 6.10 units and payments
        cells = after_period_cells(m, name, line) or []
        if cells:
            return _address(cells[0])
    raise AssertionError(code)


def test_each_rule_row_names_its_first_cell(lo_batch, params) -> None:
    codes = [(i, code, where) for i, (code, kind, _, where, _) in enumerate(rules("multipli"))
             if code in first_cell.PLACES and kind == "kļūda"]
    seen: dict[str, int] = {}
    later = 0  # day-services rows whose first cell is not in the plan's first day-service line
    files = [(p.inputs, path) for p, path in [*lo_batch.plans, *lo_batch.day_lines]]
    files += [(c.inputs, path) for c, path in lo_batch.cases]
    for inputs, path in files:
        outcome = evaluate_workbook(inputs, params)
        shown = {rc: value for sheet, rc, value in lo_batch.read(path).all_values() if sheet == "6.11"}
        m = None
        for index, code, where in codes:
            found = [f for f in outcome.findings if f.code == code and f.counts and f.severity is Severity.error]
            said = shown[(rule_row(index), 6)]
            if not found:
                assert said == tables(where), (path.name, code, said)
                continue
            m = m or Matrix.open(path)
            assert said == f"{first_cell.FIRST}{_expected(m, code, found, inputs.months)}", (path.name, code, said)
            seen[code] = seen.get(code, 0) + 1
            if code == "day_services":  # D375: not always the plan's first day-service line (tests/cases/rules.yaml)
                day_lines = [i for i, line in enumerate(inputs.lines) if line.counted and line.day_service]
                later += found[0].lines[0] != day_lines[0]
    assert {"price_above_ceiling", "monthly_units", "units_above_period", "units_above_month",
            "day_services"} <= set(seen), seen
    assert later >= len(lo_batch.day_lines) == 2, later  # conftest.day_line_plans: a later line named
