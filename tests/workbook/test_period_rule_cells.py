"""audit42 F7: 6.11's period rules name 6.1's cells (the plan's first day and months) as the list of invalid inputs
does ("6.1. tabula, B38"), not the sheet alone, so that a person finds the value to correct."""

from __future__ import annotations

from pathlib import Path

from generator.workbook.sheets.technical import RULE_CODE, RULES_FIRST, RULES_LAST
from tests.workbook.kept_book import kept_book


def _cell(wb, name: str) -> str:  # noqa: ANN001
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    assert sheet == "6.1"
    return ref.replace("$", "")


def test_period_rules_name_the_cells(templates: dict[str | None, Path]) -> None:
    wb = kept_book(templates[None])
    ws = wb["6.11"]
    where = {ws[f"{RULE_CODE}{r}"].value: str(ws[f"F{r}"].value).replace("\xa0", " ")  # ordinals keep their word
             for r in range(RULES_FIRST, RULES_LAST + 1)}
    start, months = _cell(wb, "Perioda_Sakums"), _cell(wb, "Perioda_Menesi")
    assert where["outside_reporting_period"] == f"6.1. tabula, {start}"
    assert where["past_reporting_period"] == where["prices_not_in_force"] == f"6.1. tabula, {start}, {months}"
    assert where["not_eligible"] == "6.1. tabula"  # the child's data and the round's day: no one cell
