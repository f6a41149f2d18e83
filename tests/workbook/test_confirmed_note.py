"""D291: what the catalogue later confirms at the same number is no change of the matrix's – its own days (6.11's
hidden parameter day) stay those of the next real change – and 6.11 says, beside the prices' last day, that it is
confirmed and which matrix and papers print it; a catalogue that confirms nothing leaves that cell (and the template)
as it was. The recalculated matrix: tests/workbook/test_recalculated.py (test_a_change_refuses_only_the_plans_…)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import date as lv_date
from generator.workbook.writer import write_workbook
from tests.plan_changes_catalogue import BASE_CHANGE, BASE_CONFIRMED, MATRIX_DAY, changes_catalogue

EPOCH = dt.datetime(1899, 12, 30)


def _day(value: object) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else (EPOCH + dt.timedelta(days=float(value))).date()


def test_the_matrix_names_a_later_confirmation_and_keeps_its_days(tmp_path: Path, templates) -> None:  # noqa: ANN001
    changed = changes_catalogue(tmp_path / "catalogue")
    path = write_workbook(changed, tmp_path / "m.xlsx", "liepaja", MATRIX_DAY)
    ws = load_workbook(path)["6.11"]
    note = ws["C8"].value
    name = changed.programme.base_amount.name_lv
    assert f"Katalogā no {lv_date(BASE_CONFIRMED)} apstiprināta tā pati vērtība: programmas parametrs „{name}”." \
        in note, note
    assert f"ibm matrix --day {lv_date(BASE_CONFIRMED)}" in note and "drukā kā neapstiprinātu" in note, note
    assert ws.row_dimensions[8].height and ws.row_dimensions[8].height > 30  # the note's lines, not cut
    # the parameters' last day (hidden) is the day before B's other number, not before the confirmation
    (target,) = load_workbook(path).defined_names["h_ParamLidz"].destinations
    assert _day(load_workbook(path)[target[0]][target[1].replace("$", "")].value) == BASE_CHANGE - dt.timedelta(1)
    # the catalogue confirms nothing: no note
    assert load_workbook(templates[None])["6.11"]["C8"].value is None


def test_no_note_on_the_confirmation_days_own_matrix(tmp_path: Path) -> None:
    changed: Catalogue = changes_catalogue(tmp_path / "catalogue")
    path = write_workbook(changed, tmp_path / "m.xlsx", "liepaja", BASE_CONFIRMED)
    assert load_workbook(path)["6.11"]["C8"].value is None
