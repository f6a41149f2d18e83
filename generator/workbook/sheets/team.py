"""Sheet 6.2, the assessment team: the experts who assess the child and family, and the parent."""

from __future__ import annotations

import datetime as dt

from generator.workbook.sheetio import Sheet
from generator.workbook.sheets.common import HEADER_TWO_LINE_HEIGHT, header_block, page_setup, protect

SHEET = "6.2"
ROW_HEIGHT = 23  # two lines of 9 pt (30 px in Excel, 21,7 pt in LibreOffice)
ROWS = 12
FIRST = 9
# audit42 F8: the texts wrap in their cells, two lines of 9 pt in rows of ROW_HEIGHT: "Iestāde, amats" of 64
# characters ("… sociālo pakalpojumu centrs, vadītāja vietniece") printed cut at the next column in one line of 16. The
# columns use the landscape page's width (the table took about half of it).
COLUMNS = (
    ("A", "Nr.", 4, None),
    ("B", "Vārds, uzvārds", 22, "text"),
    ("C", "Specialitāte (piem., rehabilitologs, psihologs, fizioterapeits)", 22, "text"),
    ("D", "Iestāde, amats", 40, "text"),
    ("E", "Tālrunis", 11, "text"),
    ("F", "E-pasts", 15, "text"),
    ("G", "Izvērtēšana", 10, "round"),
    ("H", "Atzinuma datums", 11, "date"),
)


def write(sh: Sheet) -> None:
    st = sh.st
    header_block(
        sh,
        "6.2. Izvērtēšanas komandas ekspertu saraksts",
        "Eksperti, kas izvērtē bērnu un ģimeni, un vecāks, kas piedalās izvērtēšanā. Komandu vada rehabilitologs "
        "kopā ar sociālo darbinieku.",
        "H",
        "D",
        code_line=True,  # the personal code under the child's name, as on the other sheets
    )
    # D170: the parent's (row 4, A:D) and the worker's (row 5, E:H) lines in two lines of 9 pt: with one, a name of
    # input_checks.NAME_CHARS capitals lost its last word (printed from 45 in LibreOffice, from 40 at Excel's widths)
    for row in (4, 5):
        sh.row_height(row, HEADER_TWO_LINE_HEIGHT)
    sh.widths({c: w for c, _, w, _ in COLUMNS})
    for c, head, _, _ in COLUMNS:
        sh.merge_text(f"{c}7:{c}8", head, st.header)
    for i in range(ROWS):
        row = FIRST + i
        sh.number(f"A{row}", i + 1, st.out_whole)
        for c, _, _, kind in COLUMNS[1:]:
            if kind == "date":
                sh.blank(f"{c}{row}", st.input_date)
            else:
                sh.blank(f"{c}{row}", st.input_wrap)
        sh.row_height(row, ROW_HEIGHT)
    last = FIRST + ROWS - 1
    sh.ws.data_validation(f"G{FIRST}:G{last}", {"validate": "list", "source": "=Saraksts_Karta"})
    sh.ws.data_validation(
        f"H{FIRST}:H{last}",
        {"validate": "date", "criteria": "between", "minimum": dt.datetime(2000, 1, 1),
         "maximum": dt.datetime(2100, 12, 31), "error_message": "Ievadiet datumu formā DD.MM.GGGG."},
    )
    row = last + 2
    # in A:C, so that the section's rule runs under the whole title (matrixprint F1: in the narrow column A it printed a
    # stroke under "Vecā" alone)
    sh.merge_text(f"A{row}:C{row}", "Vecāks, kas piedalās izvērtēšanā", st.section)
    sh.formula(f"D{row}", 'IF(Vecaks_VardsUzvards="","",Vecaks_VardsUzvards)', st.out_text, "")
    sh.ws.freeze_panes(8, 0)
    protect(sh)
    page_setup(sh, annex="6.2. tabula (izvērtēšanas komanda)", repeat_to=8, repeat_cols="A:B")
