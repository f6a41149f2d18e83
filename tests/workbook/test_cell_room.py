"""audit42 F8 (matrix part): texts that printed cut or over their cell's border, estimated as Excel and LibreOffice
lay out the cell (tests/workbook/cell_layout.py, D180): 6.2's "Iestāde, amats" of 64 characters printed as
„Valmieras novada sociālo” (one line of a column 16 wide, cut by "Tālrunis"), and 6.11's template version
("2023-04-01+b446bac9.10") ran over the right border of B6. On main before this both failed: 6.2's inputs did not
wrap (one line), and the version needed about 100 pt in a cell of about 80."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.workbook.cell_layout import APPS, room

# 6.2's input columns with a long, obviously fictional value of each (the audit's)
TEAM = {"B": "Dārta Ķēniņa-Šēfere", "C": "fizioterapeits, rehabilitologs",
        "D": "Valmieras novada sociālo pakalpojumu centrs, vadītāja vietniece", "E": "+371 20000000",
        "F": "darta.kenina-sefere@example.lv"}
TEAM_ROWS = (9, 20)  # the first and the last of its 12 rows


@pytest.fixture(scope="module")
def template(templates: dict[str | None, Path]) -> object:
    return load_workbook(templates[None])


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_team_inputs_wrap_whole(template, app) -> None:  # noqa: ANN001
    ws = template["6.2"]
    for row in TEAM_ROWS:
        for column, text in TEAM.items():
            cell = room(ws, f"{column}{row}", app)
            assert cell.fits(text), cell.why_not(text)


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_template_version_inside_its_cell(template, app) -> None:  # noqa: ANN001
    ws = template["6.11"]
    version = ws["B6"].value
    assert isinstance(version, str) and "+" in version, version
    longest = "2099-12-31+ffffffff.99"  # the longest version of its format: date, fingerprint, layout revision
    for text in (version, longest):
        cell = room(ws, "B6", app)
        assert cell.fits(text), cell.why_not(text)


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_longest_status_line_inside_its_cell(template, app) -> None:  # noqa: ANN001
    """6.11's status line above the list (D198) with every part and more cells than the list shows, three-digit
    counts: whole in its two lines across A:F."""
    from generator.workbook.sheets.technical import INVALID_STATUS, NO_INVALID, NO_INVALID_RULES, status_text
    from generator.workbook.texts import STRUCTURE_CHANGED

    ws = template["6.11"]
    assert ws[f"A{INVALID_STATUS}"].value.startswith("=IF(")
    longest = status_text({"h_NederigasIevades": 999, "h_Aizstatas": 999, "h_PaslRindas": 999})
    assert "zemāk pirmās" in longest and "iezīmētas arī savās lapās" in longest, longest
    cell = room(ws, f"A{INVALID_STATUS}", app)
    for text in (NO_INVALID, NO_INVALID_RULES, longest, STRUCTURE_CHANGED):  # and what the line says when the count is an error value
        assert cell.fits(text), cell.why_not(text)


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_611_transport_note_and_list_rows_hold_their_text(template, app) -> None:  # noqa: ANN001
    """6.11 on three pages (D198): the transport note beside the checks' section title is whole in its row (B:F, which
    is 24 pt high, not F alone, 36 pt), and a row of the list of errors holds its line of 8 pt text."""
    from generator.workbook.sheets.technical import INVALID_FIRST, INVALID_LAST, RULES_SECTION

    ws = template["6.11"]
    note = room(ws, f"B{RULES_SECTION}", app)
    text = ws[f"B{RULES_SECTION}"].value
    assert "Transporta daļas augšējā robeža" in text and note.size == 8, (text, note)
    assert note.fits(text), note.why_not(text)
    for row in (INVALID_FIRST, INVALID_LAST):
        cell = room(ws, f"A{row}", app)
        assert cell.size == 8 and cell.lines >= 1 and cell.height >= app.line_pt(8) - 0.75, cell


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_64_summary_labels_hold_their_text(template, app) -> None:  # noqa: ANN001
    """Every label of 6.4's summary stays in its cell: the transport row's label, lengthened to „(augšējā robeža –
    6.11. tabulā)”, wrapped to a second line in a one-line row and printed over the row below it."""
    from generator.workbook.sheets.calculation import SUMMARY_LABEL, SUMMARY_ROWS, SUMMARY_TITLE

    ws = template["6.4"]
    top, = [c.row for c in ws[SUMMARY_LABEL[0]] if c.value == SUMMARY_TITLE]
    for row, label in SUMMARY_ROWS:
        a1 = f"{SUMMARY_LABEL[0]}{top + row}"
        text = ws[a1].value  # the label as written (a no-break space after a table's number)
        if text.startswith("="):  # a label that says when its input is too long (its plain form checked here)
            assert f'"{label}"' in text, (a1, text)
            text = label
        assert text.replace("\xa0", " ") == label, (a1, text)
        cell = room(ws, a1, app)
        assert cell.fits(text), (a1, cell.why_not(text))


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_base_warnings_hold_each_of_their_texts(template, app) -> None:  # noqa: ANN001
    """6.4's warning beside B, P and N and 6.5's beside the title: each text their formula may show – among them the
    one for an F applied while B is unconfirmed (only P provisional, D206), and 6.4's pair for a catalogue that
    confirms the same B later (D296, the same cells) – is whole in its merged cells."""
    from generator.workbook.texts import (
        ANNEX_BASE_BLANK,
        ANNEX_BASE_BLANK_FINAL,
        BASE_LATER_FINAL,
        BASE_LATER_SHORT,
        BASE_PROVISIONAL_FINAL,
        BASE_PROVISIONAL_SHORT,
    )

    wanted = {"Bridinajums_Baze_64": {BASE_PROVISIONAL_SHORT, BASE_PROVISIONAL_FINAL},
              "Bridinajums_Baze_65": {ANNEX_BASE_BLANK, ANNEX_BASE_BLANK_FINAL}}
    for name, must in wanted.items():
        (sheet, a1), = template.defined_names[name].destinations
        ws = template[sheet]
        texts = {t for t in re.findall(r'"([^"]*)"', ws[a1.replace("$", "")].value) if len(t) > 20}
        assert must <= texts, (name, texts)
        cell = room(ws, a1.replace("$", ""), app)
        later = {BASE_LATER_SHORT, BASE_LATER_FINAL} if name == "Bridinajums_Baze_64" else set()
        for text in texts | later:
            assert cell.fits(text), (name, cell.why_not(text))


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_void_lines_note_beside_n_is_one_line(template, app) -> None:  # noqa: ANN001
    """D366: the note that N leaves out the void lines is whole in its one row beside N for every count a plan can
    have (1–40 lines; the longest words at 40)."""
    from generator.workbook.layout import Layout
    from generator.workbook.sheets.calculation import VOID_NOTE_NAME, void_lines_text

    (sheet, a1), = template.defined_names[VOID_NOTE_NAME].destinations
    cell = room(template[sheet], a1.replace("$", ""), app)
    assert cell.lines == 1, cell
    for n in range(1, Layout(offers=0, months=0).plan_rows + 1):
        assert cell.fits(void_lines_text(n)), cell.why_not(void_lines_text(n))
