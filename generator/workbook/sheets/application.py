"""Sheet 6.9, the parent's application naming the provider of each planned service: a print
annex signed by the parent (L1057)."""

from __future__ import annotations

from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import party_names, plan_rows
from generator.workbook.sheets.annex import NO_PRICES, PRICES_OPEN, blank_line_figures
from generator.workbook.sheets.common import (
    HEADER_ROW_HEIGHT,
    PERSONAL_SOURCE,
    TITLE_HEIGHT_69,
    UNIT_HEADING,
    header_block,
    print_setup,
    protect,
    signature_block,
    signed_rows_formula,
    signed_rows_line,
    statement_line,
    unit_column,
)
from generator.workbook.texts import (
    APPLICATION_ADDRESSEE_BLANK,
    APPLICATION_ADDRESSEE_LABEL,
    APPLICATION_NO_PRICE,
    APPLICATION_NO_PRICE_MORE,
    APPLICATION_PRICE_BLANK,
    APPLICATION_REQUEST,
    EMPTY_MARK,
)

SHEET = "6.9"
ADDRESSEE_ROW, TEXT_ROW, HEAD_ROW, FIRST = 6, 7, 8, 9
# One portrait page wide at Excel's column widths (LibreOffice prints them alike with Carlito): the service and
# provider names wrap in two lines of B and C.
COLUMNS = (
    ("A", "Nr.", 4, None),
    ("B", "SBS pakalpojums", 31, "B"),
    ("C", "Sniedzējs", 30, "C"),
    ("D", UNIT_HEADING, 10, "D"),
    ("E", "Daudzums periodā", 10, "E"),
    ("F", "Cena, EUR", 8, "F"),
)
UNIT_COLUMN = unit_column(COLUMNS)  # the plan rows' unit (writer.EURO_UNIT_COLUMNS)
FORMATS = {"C": "out_text_small", "E": "out_units", "F": "out_price"}  # the provider in 8 pt (D166)
MONEY = ("F",)  # compared at cents by the cross-check (cross_checks.py, D153); the others at six decimals
WATCHED = {"B": "SBS pakalpojums", "C": "sniedzējs", "D": "mērvienība", "E": "daudzums periodā", "F": "cena"}
COUNT_LABEL = "Pakalpojumu skaits"
COUNT_ROW_HEIGHT = 12
TEXT_ROW_HEIGHT = 33  # three lines of 9 pt text across A:F
# 6.9's plan rows: two lines of 9 pt text with room to spare. With 22 pt rows a plan of 21–25 lines printed its
# signature on a second page with only unused "—" rows or the bare signature (the portrait page holds about 28 rows
# and the rows' block of five ended at its foot); 24 pt rows move the first page's end to row 26 or 27, so that with
# 25 open rows the whole plan, its count and the signature still fit the first page, and with 30–40 the second
# page starts with used rows (measured for 1–40 lines: bench/signed_pages.py, tests/workbook/test_signed_page_rows.py).
PLAN_ROW_HEIGHT_69 = 24
# D96: rows 1–2 one plan row higher, so that the first page holds 24 plan rows, not 25: with 25 open rows the 25th
# filled the first page and the count and the signature went to a second page without plan rows (audit42). Now the
# last open row of every group (5, 10, …, 40) is at most the 20th of the first page (four rows of room under it) or at
# most the 16th of the second, and the count and the signature always print under it.
TITLE_EXTRA_69 = PLAN_ROW_HEIGHT_69


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    lay = book.layout
    header_block(
        sh,
        "6.9. Iesniegums par SBS pakalpojumu sniedzējiem",
        "Līguma ar vecāku pielikums.",  # who signs is the signature block, not an instruction
        "F",
        "B",  # the left-hand block is the repeated label columns: whole on every page across
        title_to="D",
        two_lines=True,
        title_height=TITLE_HEIGHT_69 + TITLE_EXTRA_69,
        signed=True,
        count_from="E",  # the page count (D295) beside the worker's line
    )
    sh.widths({c: w for c, _, w, _ in COLUMNS})
    # whom the request is addressed to (F13), in the header block's gap row: the social service in the dative, a
    # blank while the catalogue's name is "jāprecizē" (D43)
    sh.merge_text(f"A{ADDRESSEE_ROW}:B{ADDRESSEE_ROW}", APPLICATION_ADDRESSEE_LABEL, st.label_bold)
    sh.ws.merge_range(f"C{ADDRESSEE_ROW}:F{ADDRESSEE_ROW}", "", st.label)
    addressee = party_names.dative_formula(party_names.BY_OUTPUT["Socialais_Dienests"], APPLICATION_ADDRESSEE_BLANK)
    sh.formula(f"C{ADDRESSEE_ROW}", addressee,
               st.label, APPLICATION_ADDRESSEE_BLANK)  # a fresh matrix has no plan day: no confirmed name yet
    sh.watch(f"C{ADDRESSEE_ROW}", addressee, "adresāts (sociālais dienests)", PERSONAL_SOURCE)
    sh.row_height(ADDRESSEE_ROW, HEADER_ROW_HEIGHT + 2)
    # across the page (6.9 prints one page wide, no page across), in three lines
    sh.ws.merge_range(f"A{TEXT_ROW}:F{TEXT_ROW}", "", st.label)
    # The child is named in row 3 ("Bērns: …"): a name typed in a cell cannot take the dative this sentence needs.
    sh.text(f"A{TEXT_ROW}", APPLICATION_REQUEST, st.label)
    sh.row_height(TEXT_ROW, TEXT_ROW_HEIGHT)
    for c, head, _, _ in COLUMNS:
        sh.text(f"{c}{HEAD_ROW}", head, st.header)
    sh.row_height(HEAD_ROW, 28)
    calc = f"${lay.calc_first}:$"
    for k in range(1, lay.plan_rows + 1):
        row = lay.plan_row(k - 1, FIRST)
        sh.row_height(row, PLAN_ROW_HEIGHT_69)
        index = f"IFERROR(MATCH({k},h_AktNr,0),0)"
        sh.formula(f"G{row}", index, st.helper, 0)
        # an unused row prints EMPTY_MARK in its Nr., service and provider cells: struck (F2)
        number = plan_rows.mark_unused(f"$G{row}>0", str(k))
        sh.formula(f"A{row}", number, st.out_whole, EMPTY_MARK)
        sh.watch(f"A{row}", number, "rindas numurs", line=k - 1, index=(f"$G{row}", index))
        for c, head, _, src in COLUMNS[1:]:
            rng = f"'6.4'!${src}{calc}{src}${lay.calc_last}"
            unused = EMPTY_MARK if c in ("B", "C") else ""
            formula = f'IF($G{row}>0,IF(INDEX({rng},$G{row})="","",INDEX({rng},$G{row})),"{unused}")'
            sh.formula(f"{c}{row}", formula, getattr(st, FORMATS.get(c, "out_text_wrap")), unused)
            sh.watch(f"{c}{row}", formula, WATCHED.get(c, head), "6.4. tabulai", 2 if c in MONEY else 6,
                     line=k - 1, index=(f"$G{row}", index))
    sh.ws.set_column("G:G", 4, None, {"hidden": True})
    # a price still "jāprecizē" prints "______" (D22); the note beside the number of services says why
    blank_line_figures(sh, f"F{FIRST}:F{lay.plan_row(lay.plan_rows - 1, FIRST)}", "G", FIRST, "h_CenaNeapst")
    last = lay.plan_row(lay.plan_rows - 1, FIRST)
    plan_rows.plan_rows(sh, FIRST, lay.plan_rows, PLAN_ROW_HEIGHT_69, used="=A", warning_cell=f"A{last + 1}",
                        hint_cell=f"H{FIRST + plan_rows.VISIBLE - 1}", number_col=None, struck=f"A{FIRST}:A{last}")
    # the number of services applied for, printed with the signature: the signed page names what it closes, also
    # when the rows above continue on the page before
    count = last + 2
    sh.merge_text(f"A{count}:B{count}", f"{COUNT_LABEL}:", st.label_bold)
    sh.formula(f"C{count}", f"COUNT(A{FIRST}:A{last})", st.out_whole, 0)
    sh.watch(f"C{count}", f"COUNT(A{FIRST}:A{last})", "pieprasīto pakalpojumu skaits")
    sh.ws.merge_range(f"D{count}:F{count}", "", st.alert_wrap)
    price_blank = (f'IF({PRICES_OPEN},IF({NO_PRICES}=0,"{APPLICATION_PRICE_BLANK}",IF({NO_PRICES}=SUM(h_CenaNeapst),'
                   f'"{APPLICATION_NO_PRICE}","{APPLICATION_NO_PRICE_MORE}")),"")')  # D364
    sh.formula(f"D{count}", price_blank, st.alert_wrap, "")
    sh.watch(f"D{count}", price_blank, "piezīme par neapstiprinātu cenu")
    sh.row_height(count, COUNT_ROW_HEIGHT)
    # no statement: the parent's own request says what the signature means; while the workbook has errors, that
    # it must not be signed
    statement_line(sh, count + 1, "F")
    # what the signature approves: the services' count and their numbers (D272)
    signed_rows_line(sh, count + 2, "F", signed_rows_formula(f"A{FIRST}:A{last}", SHEET))
    end = signature_block(sh, count + 3, ("parent",), ("A", "B", "C", "D"))
    sh.ws.freeze_panes(HEAD_ROW, 0)
    print_setup(sh, "F", end - 2, annex="6.9. tabula (iesniegums)", repeat_to=HEAD_ROW, landscape=False,
                signed=True)
    protect(sh)
