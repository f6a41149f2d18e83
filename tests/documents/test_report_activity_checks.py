"""The social worker's activity report (31) checks what is pasted, as the register's reports do (audit29 F3):
counts are whole numbers, 0 or more; month headings are first days of the round's months, each later than those on
its left; while any is wrong, the column „Pārbaude” names the cell, the line above the months counts the rows
with a message and shows the first, and every total shows "______". LibreOffice recalculates all cases at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.activity import (
    ACTIVITIES,
    ERRORS,
    FIRST_MONTH_COL,
    FIRST_ROW,
    SHEET,
    write_activity_report,
)
from generator.documents.reports.parameters import PENDING
from generator.recalc import make_profile, soffice
from tests.documents.workbook_values import named, recalculated_books

LINE = f"B{FIRST_ROW - 1}"  # the errors line above the months
ROW = FIRST_ROW + 1  # 1-based row of the first activity
HEAD = FIRST_ROW  # 1-based row of the month headings
OCT, NOV = dt.datetime(2018, 10, 1), dt.datetime(2018, 11, 1)
# undated template (made after the round): case → (pasted values, [(cell, words of the message)])
UNDATED = {
    "labs": ({f"C{HEAD}": OCT, f"D{HEAD}": NOV, f"C{ROW}": 3, f"D{ROW}": 4, f"C{ROW + 1}": 0}, []),
    "teksts": ({f"C{HEAD}": OCT, f"C{ROW}": "3"}, [(f"C{ROW}", "veselam skaitlim")]),
    "negativs": ({f"C{HEAD}": OCT, f"C{ROW + 1}": -2}, [(f"C{ROW + 1}", "0 vai vairāk")]),
    "dala": ({f"C{HEAD}": OCT, f"C{ROW + 2}": 2.5}, [(f"C{ROW + 2}", "veselam skaitlim")]),
    "menesis-2030": ({f"C{HEAD}": OCT, f"D{HEAD}": NOV, f"E{HEAD}": dt.datetime(2030, 1, 1)},
                     [(f"E{HEAD}", "mēnešiem no pirmās")]),
    "menesis-vidu": ({f"C{HEAD}": dt.datetime(2018, 10, 15)}, [(f"C{HEAD}", "mēneša 1. datumam")]),
    "menesis-atkartots": ({f"C{HEAD}": OCT, f"D{HEAD}": OCT}, [(f"D{HEAD}", "vēlākam par mēnešiem pa kreisi")]),
    "bez-meneša": ({f"C{HEAD}": OCT, f"D{ROW}": 2}, [(f"D{HEAD}", "jābūt mēnesim")]),
    # TRUE (a bool cell; LibreOffice's =TRUE() with the value 1) counted as 1 (audit32a F1)
    "patiess": ({f"C{HEAD}": OCT, f"C{ROW}": True}, [(f"C{ROW}", "jābūt skaitlim, nevis loģiskajai vērtībai")]),
    # three rows wrong: the line counts rows and points to the others
    "vairakas": ({f"C{HEAD}": OCT, f"C{ROW}": "3", f"C{ROW + 1}": -2, f"C{ROW + 2}": 2.5},
                 [(f"C{ROW}", ""), (f"C{ROW + 1}", ""), (f"C{ROW + 2}", "")]),
}
# dated template (the round running): its locked month headings are checked too
DATED = {
    "d-labs": ({f"C{ROW}": 5, f"D{ROW}": 2}, []),
    "d-menesis": ({f"E{HEAD}": dt.datetime(2030, 1, 1), f"C{ROW}": 5}, [(f"E{HEAD}", "kārtas mēnesim {E}")]),
}


def _paste(source: Path, target: Path, values: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(source)
    for ref, value in values.items():
        wb[SHEET][ref] = value
    wb.save(target)
    return target


@pytest.mark.libreoffice
@pytest.mark.xdist_group("documents-lo")
def test_pasted_wrong_counts_and_months_stop_the_totals_and_name_their_cell(tmp_path: Path,
                                                                           catalogue: Catalogue) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    municipality = catalogue.pilot_municipalities()[0]
    undated = write_activity_report(catalogue, municipality, tmp_path / "a.xlsx", build_date=dt.date(2031, 1, 1))
    dated = write_activity_report(catalogue, municipality, tmp_path / "d.xlsx", build_date=dt.date(2018, 11, 15))
    third = openpyxl.load_workbook(dated)[SHEET][f"E{HEAD}"].value  # the round's month the template prints
    dated_cases = {k: (values, [(cell, words.format(E=f"{third:%m.%Y}")) for cell, words in wrong])
                   for k, (values, wrong) in DATED.items()}
    cases = {k: (undated, v) for k, v in UNDATED.items()} | {k: (dated, v) for k, v in dated_cases.items()}
    sources = {k: _paste(src, tmp_path / f"{k}.xlsx", values) for k, (src, (values, _)) in cases.items()}
    outputs = dict(zip(sources, recalculated_books(list(sources.values()), make_profile(tmp_path / "profile")),
                       strict=True))
    for case, (_, (values, wrong)) in cases.items():
        wb = outputs[case]
        ws = wb[SHEET]
        totals = named(wb, "SD_Kopa")
        line = ws[LINE].value
        if not wrong:
            assert named(wb, ERRORS) == [0] and "Kļūda" not in (line or ""), f"{case}: {line!r}"
            typed = {ref: v for ref, v in values.items() if ref[1:] != str(HEAD)}
            assert totals[0] == sum(v for ref, v in typed.items() if ref[1:] == str(ROW)), case
            continue
        assert set(totals) == {PENDING}, f"{case}: {totals}"
        assert named(wb, ERRORS) == [len(wrong)], case
        count = "1 rindā vai šūnā" if len(wrong) == 1 else f"{len(wrong)} rindās vai šūnās"
        assert line.startswith(f"Ievades kļūdas {count} "), f"{case}: {line!r}"
        assert ("Pārējās – ailē „Pārbaude”" in line) == (len(wrong) > 1), f"{case}: {line!r}"
        where, words = wrong[0]
        assert f"Kļūda: '{SHEET}'!{where} – " in line and words in line, f"{case}: {line!r}"
        messages = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                    and c.value.startswith("Kļūda:")]
        for where, words in wrong:
            assert any(f"'{SHEET}'!{where} – " in m and words in m for m in messages), f"{case}: {where} {messages}"


def test_the_check_column_and_the_errors_line_sit_beside_and_above_the_printed_table(tmp_path: Path,
                                                                                   catalogue: Catalogue) -> None:
    """The errors line prints (inside the print area, wrapped across the activities and months, in the row of the
    note about blank months, which it replaces while an input is wrong); the check column „Pārbaude” is right of the
    printed total, its helper hidden; months typed as first days (the note says so)."""
    municipality = catalogue.pilot_municipalities()[0]
    wb = openpyxl.load_workbook(write_activity_report(catalogue, municipality, tmp_path / "a.xlsx",
                                                      build_date=dt.date(2031, 1, 1)))
    ws = wb[SHEET]
    months = len([c for c in ws[HEAD][FIRST_MONTH_COL:] if c.protection.locked is False])
    total = FIRST_MONTH_COL + months  # 0-based column of the total
    area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
    last_col = openpyxl.utils.column_index_from_string("".join(c for c in area.split(":")[1] if c.isalpha()))
    assert last_col == total + 1
    line = next(str(r) for r in ws.merged_cells.ranges if str(r).startswith(LINE))
    assert line.endswith(f"{openpyxl.utils.get_column_letter(total + 1)}{LINE[1:]}")
    assert ws[LINE].alignment.wrap_text and ws.row_dimensions[int(LINE[1:])].height >= 26
    assert "SD_Kludas=0" in ws.cell(ROW, total + 1).value
    check = openpyxl.utils.get_column_letter(total + 3)
    assert ws[f"{check}{HEAD}"].value == "Pārbaude"  # in the table's header row
    # the months' check: the date conditions themselves (a long round's row stays within Excel's 8 192 characters
    # without the pasted-value helpers, D267)
    assert ws[f"{check}{ROW + len(ACTIVITIES)}"].value.startswith("=TRIM(IF(IF(ISNUMBER(C7),AND(C7=DATE(YEAR(C7)")
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(total + 2)].hidden
    assert "1. datumu" in ws[LINE].value and ws[LINE].value.startswith('=IF(SD_Kludas>0,IF(SD_Kludas=0,"",')
