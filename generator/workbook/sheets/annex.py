"""Sheet 6.5, support plan part II as the signed contract annex: a read-only print form of 6.4
with the plan lines in priority order, then the void lines (D386), and the amounts (D15)."""

from __future__ import annotations

from generator.workbook import withdrawn_ceilings
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import plan_rows
from generator.workbook.sheets.calculation import (
    A_ON_BASE,
    A_OPEN,
    F_NOT_APPLIED,
    PRICES_OPEN,
    VOID_FLAG_NAME,
    base_provisional,
)
from generator.workbook.sheets.common import (
    TITLE_HEIGHT,
    UNIT_HEADING,
    VOID_ANY,
    VOID_COUNT_NAME,
    header_block,
    money_figure,
    print_setup,
    protect,
    signature_block,
    signed_rows_cells,
    signed_rows_formula,
    statement_line,
    unit_column,
)
from generator.workbook.sheets.price_marks import NO_PRICES
from generator.workbook.texts import (
    ANNEX_BASE_BLANK,
    ANNEX_BASE_BLANK_FINAL,
    ANNEX_BOTH_BLANK,
    ANNEX_NO_PRICE,
    ANNEX_NO_PRICE_MORE,
    ANNEX_PRICE_AGAIN,
    ANNEX_PRICE_BLANK,
    ANNEX_PRICES_BLANK,
    EMPTY_MARK,
    FINAL_IF_OVER,
    FINAL_LABEL,
    FINAL_NOT_APPLIED,
    PARENT_STATEMENT,
    STRUCK_ROWS,
    VOID_LINES_65,
)

SHEET = "6.5"
# One landscape page wide at Excel's column widths (LibreOffice prints them alike with Carlito): the service and
# provider names wrap in two lines of their columns, "nav IB finansējuma" in two lines of I.
COLUMNS = (
    ("A", "Prio-ritāte", 5),
    ("B", "SBS pakalpojums", 37),  # A:B hold the hidden-rows warning in one line
    ("C", "Sniedzējs", 30),
    ("D", UNIT_HEADING, 11),
    ("E", "Daudzums", 10),
    ("F", "Cena, EUR", 9),
    ("G", "Summa, EUR", 10),
    ("H", "No IB, EUR", 10),
    ("I", "Finansējums no IB", 13),
    ("J", "rinda", 4),
)
UNIT_COLUMN = unit_column(COLUMNS)  # the plan rows' unit (writer.EURO_UNIT_COLUMNS)
# what each copied column shows, named by the cross-check of a value typed over it (cross_checks.py, D153)
WATCHED = {"B": "SBS pakalpojums", "C": "sniedzējs", "D": "mērvienība", "E": "daudzums", "F": "cena", "G": "summa",
           "H": "summa no IB", "I": "finansējums no IB"}
# 6.5 column → 6.4 column shown in it
SOURCE = {"B": "B", "C": "C", "D": "D", "E": "E", "F": "F", "G": "G", "H": "I", "I": "K"}
MONEY_COLS = {"F": "out_price", "G": "out_money", "H": "out_money", "E": "out_units",
              "C": "out_text_small"}  # the text columns wrap; the provider in 8 pt (D166)

# D197: the signatures print on the page of the last open plan row for every number of open rows (5, 10, …, 40)
# by row heights alone (LibreOffice 7.4 honours a manual page break in a hidden row too, at the next printed row, so
# no break can be set in rows 6–40). What follows the rows (the totals' heading, the totals in two columns, the
# parent's statement and both signature blocks, SIGN_HEIGHT …) is 177 px high (Excel and LibreOffice draw rows in
# whole pixels, 0,75 pt each); the plan rows are 38 px (28,5 pt: PLAN_ROW_HEIGHT_65), so four of them and a page's
# slack hold it. Every page after the first holds 15 rows (rows 3–8 repeated, 124 px: GAP_ROW_HEIGHT_65) and the
# first 14 (the title rows 53 px, the five rows always shown 36 px: FIRST_ROWS_HEIGHT_65), so the last row of every
# group of five is at most the 10th of its page (5, 10 on the first; 20, 25, … the 1st, 6th or 11th of the next)
# and at least 4 rows and the page's slack (at least 31 px) lie under it: 183 px or more (LibreOffice: the page's
# body is 730 px; measured with bench/signed_pages.py, tests/workbook/test_signed_page_rows.py; the arithmetic:
# tests/workbook/test_signed_page_arithmetic.py).
PLAN_ROW_HEIGHT_65 = 28.5  # two lines of 9 pt (a provider's name in 8 pt) with room
FIRST_ROWS_HEIGHT_65 = 27
GAP_ROW_HEIGHT_65 = 5.25  # row 6, between the header block and the table header
SIGN_HEIGHT = 16  # room to sign above the line
SIGN_GAP = 2  # between the two parties' signature blocks
SECTION = "IB apmēri periodā"
# One line of 9 pt text per total.
TOTAL_ROW_HEIGHT = 10.5
SECTION_ROW_HEIGHT = 12
HEADER_ROW_HEIGHT = 11  # the table header: two rows, at most two lines of 9 pt text
# row 1: the subtitle's one line of 8 pt beside the title (C:I); row 2 (the rest of the title's height) the
# warning's two lines
SUBTITLE_HEIGHT = 11.25
# the totals in two columns of five (D197): (label cells, value cells) of each column
TOTAL_COLUMNS = (("A", "B", "C", "C"), ("D", "G", "H", "I"))
TOTALS_PER_COLUMN = 5
TOTALS = (
    ("IB provizoriskais apmērs (P)", "IB_Provizoriskais"),
    ("IB nepieciešamais apmērs (N)", "IB_Nepieciesamais"),
    (FINAL_LABEL, "IB_Galigais"),  # the label says whether F applies: final_label
    ("IB pieejamais apmērs plānam (A)", "IB_Pieejamais"),
    ("Finansēts no IB", "Fin_NoIB"),
    ("Valsts un pašvaldību pabalsti", "Fin_Pabalsti_Izmantots"),
    ("Valsts un pašvaldību pakalpojumi", "Fin_Pakalpojumi_Izmantots"),
    ("Citi finanšu avoti", "Fin_Citi_Izmantots"),
    ("IB kopējais apmērs (K)", "IB_Kopejais"),
    ("No IB finansētā transporta daļa no A", "Transporta_Dala"),
)
# D22, as the child's documents decide it (documents/from_matrix/context.py): when each figure of 6.5 rests on an
# unconfirmed value and prints "______" (its value stays: the ministry and the tests read it). A figure an
# unconfirmed price cannot change is printed (D294, reference/open_prices.py): A (A_OPEN), each line's IB share
# (6.4 h_IBNeapst) and so the IB-funded sum; a used other source with an amount, and K, also need N.
IB_OPEN = f"OR({A_ON_BASE},SUM(h_IBNeapst)>0)"  # some line's IB share, so the IB-funded sum, is a blank
SOURCES_GIVEN = "OR(N(Fin_Pabalsti)<>0,N(Fin_Pakalpojumi)<>0,N(Fin_Citi)<>0)"
# A_OPEN in a hidden cell (J beside the first total): a conditional format's formula stays short (Excel's dialog
# takes at most 255 characters)
A_BLANK = "h_ANeapst=1"
# D366: while a plan line is void (6.4 h_NederigasRindas: its units or price an invalid input, left out of N), N is
# smaller than the plan's and A, the IB-funded sum, the used sources, K and the transport share may change with it:
# they print "______" rather than a figure of a smaller plan (the matrix has errors: 6.5 says it is not to be signed)
BLANK_WHEN = {
    "IB_Provizoriskais": "h_BazeProviz=1",
    "IB_Nepieciesamais": f"OR({VOID_ANY},{PRICES_OPEN})",
    "IB_Pieejamais": f"OR({VOID_ANY},{A_BLANK})",
    "Fin_NoIB": f"OR({VOID_ANY},{IB_OPEN})",
    # another source is blank only when 6.4 gives it an amount: one the matrix gives nothing funds nothing, whatever B
    # and the prices are – its 0,00 EUR is a figure, as in the parent contract's annex 2 (audit35a F4, audit28 F5)
    "Fin_Pabalsti_Izmantots": f"AND(OR({VOID_ANY},{IB_OPEN},{PRICES_OPEN}),N(Fin_Pabalsti)<>0)",
    "Fin_Pakalpojumi_Izmantots": f"AND(OR({VOID_ANY},{IB_OPEN},{PRICES_OPEN}),N(Fin_Pakalpojumi)<>0)",
    "Fin_Citi_Izmantots": f"AND(OR({VOID_ANY},{IB_OPEN},{PRICES_OPEN}),N(Fin_Citi)<>0)",
    "IB_Kopejais": f"OR({VOID_ANY},{IB_OPEN},AND({PRICES_OPEN},{SOURCES_GIVEN}))",
    "Transporta_Dala": f"OR({VOID_ANY},{A_BLANK},SUMPRODUCT((h_Transports=1)*(h_IBNeapst=1))>0)",
}
STRUCK_COLS = ("B", "C")  # beside the priority: an unused row's service and provider print EMPTY_MARK
LINE_BLANK_WHEN = {"F": "h_CenaNeapst", "G": "h_CenaNeapst", "H": "h_IBNeapst", "I": "h_IBNeapst"}
# D386: every plan line is listed, as the draft's annex 2 lists it: the funded order (6.4's priorities), then the void
# lines (h_Nederiga: units or 6.8 price an invalid input, D332; no priority, left out of N) in plan order – the m-th
# of them the m-th smallest of their 6.4 positions, the other lines' moved past them by NOT_VOID (SUMPRODUCT
# evaluates the array without array entry, as first_cell's SUMPRODUCT(MIN(…))); a void line's priority prints blank
# and its price, sum and IB share "______"
NOT_VOID = 100000
VOID_BLANK_COLS = ("F", "G", "H", "I")


def line_index(k: int) -> str:
    """Formula: the 6.4 position of the line in 6.5's row ``k`` (1-based): the k-th in the funded order, else the
    (k − funded lines)-th void line, else 0 (an unused row)."""
    funded = "COUNT(Plans_Prioritate)"
    positions = f"(({VOID_FLAG_NAME}<>1)*{NOT_VOID}+ROW({VOID_FLAG_NAME})-ROW(INDEX({VOID_FLAG_NAME},1,1))+1)"
    void_line = (f"IF({k}-{funded}<={VOID_COUNT_NAME},SUMPRODUCT(SMALL({positions},{k}-{funded})),0)")
    return f"IFERROR(MATCH({k},Plans_Prioritate,0),IF({k}>{funded},{void_line},0))"


def warning(sh: Sheet, cells: str, name: str) -> None:
    """The warning beside the title: which figures print "______" and where the confirmed ones come from."""
    first = cells.split(":", 1)[0]
    sh.ws.merge_range(cells, "", sh.st.alert_wrap)
    # with the ministry's F applied (N > P) only P rests on B: A = F is a figure (D206, D53)
    # the open-price lines of a 6.8 row the matrix shows withdrawn (its mark, D319): all of them – „atkal”, some – the
    # words of neither (D334); h_Rinda is the line's position in 6.8's list
    withdrawn = (f"SUMPRODUCT(ISNUMBER({withdrawn_ceilings.NAME})*COUNTIFS(h_Rinda,ROW({withdrawn_ceilings.NAME})-"
                 f"{sh.book.layout.cat_first - 1},h_CenaNeapst,1))")
    price = (f'IF({withdrawn}=0,"{ANNEX_PRICE_BLANK}",IF({withdrawn}=SUM(h_CenaNeapst),"{ANNEX_PRICE_AGAIN}",'
             f'"{ANNEX_PRICES_BLANK}"))')
    formula = (f'IF(h_BazeProviz=1,IF({PRICES_OPEN},"{ANNEX_BOTH_BLANK}",'
               f'IF({A_ON_BASE},"{ANNEX_BASE_BLANK}","{ANNEX_BASE_BLANK_FINAL}")),'
               f'IF({PRICES_OPEN},{price},""))')
    # D364: a line with no provider's price is typed in 6.8, not confirmed by LM
    formula = (f'IF({NO_PRICES}=0,{formula},IF(AND(h_BazeProviz<>1,{NO_PRICES}=SUM(h_CenaNeapst)),'
               f'"{ANNEX_NO_PRICE}","{ANNEX_NO_PRICE_MORE}"))')
    sh.formula(first, formula, sh.st.alert_wrap,
               ANNEX_BASE_BLANK if base_provisional(sh) else "")  # a new workbook has no plan lines
    sh.watch(first, formula, "brīdinājums par neapstiprinātām summām")  # typed over, it would hide a blank's reason
    sh.define(name, first)


def blank_line_figures(sh: Sheet, cells: str, index_col: str, first_row: int, flag: str) -> None:
    """Conditional format: the plan line's figure in ``cells`` prints "______" while the 6.4 line it shows
    (``index_col``: its position in the 6.4 rows, 0 for none) has ``flag`` (h_CenaNeapst, h_IBNeapst) set."""
    sh.ws.conditional_format(cells, {
        "type": "formula",
        "criteria": f"=AND(${index_col}{first_row}>0,INDEX({flag},MAX(1,${index_col}{first_row}))=1)",
        "format": sh.st.blank_figure})


def final_label(sh: Sheet, cells: str, style: object) -> None:
    """F's label in the merged ``cells``: whether the ministry's F applies (N > P), does not (N <= P: A = N) or is
    not yet known (A is a blank), so that the signed 6.5 never shows two final amounts without saying which one
    holds."""
    first = cells.split(":", 1)[0]
    sh.ws.merge_range(cells, "", style)
    formula = (f'IF(ISNUMBER(IB_Galigais),IF(OR({VOID_ANY},{A_BLANK}),"{FINAL_IF_OVER}",IF({F_NOT_APPLIED},'
               f'"{FINAL_NOT_APPLIED}","{FINAL_LABEL}")),"{FINAL_LABEL}")')
    sh.formula(first, formula, style, FINAL_LABEL)
    sh.watch(first, formula, "IB galīgā apmēra (F) rindas nosaukums")


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    lay = book.layout
    cache = book.cache
    header_block(
        sh,
        "6.5. Atbalsta plāns / II daļa – IB apmēra aprēķins SBS pakalpojumu nodrošināšanai",
        "Līguma ar vecāku pielikums. Veidojas automātiski no 6.4. tabulas; pakalpojumi sakārtoti kopējās prioritātes secībā.",
        "I",
        "B",  # the left-hand block is the repeated label columns: whole on every page across
        title_to="I",  # one page wide: the subtitle in one line, the warning in two
        two_lines=True,
        title_height=TITLE_HEIGHT,
        subtitle_height=SUBTITLE_HEIGHT,
        child_to="C",  # one page wide: the child's name (up to input_checks.NAME_CHARS, D170) in one line, the code under it
        signed=True,
        count_from="H",  # the page count (D295) beside the worker's line
    )
    # beside the title on the first page (C:I): P, A and the IB-funded amounts rest on an unconfirmed B (D22); two
    # lines of 8 pt, no row of its own (D197: the first page's height)
    warning(sh, "C2:I2", "Bridinajums_Baze_65")
    sh.row_height(6, GAP_ROW_HEIGHT_65)
    sh.widths({c: w for c, _, w in COLUMNS})
    head = lay.table_header
    for c, text, _ in COLUMNS[:-1]:
        sh.merge_text(f"{c}{head}:{c}{head + 1}", text, st.header)
    sh.row_height(head, HEADER_ROW_HEIGHT)
    sh.row_height(head + 1, HEADER_ROW_HEIGHT)
    for k in range(1, lay.plan_rows + 1):
        row = lay.plan_row(k - 1)
        index = line_index(k)
        sh.formula(f"J{row}", index, st.helper, 0)
        # an unused row prints EMPTY_MARK in its priority, service and provider cells: struck (F2)
        sh.formula(f"A{row}", plan_rows.mark_unused(f"$J{row}>0", str(k)), st.out_whole, EMPTY_MARK)
        sh.watch(f"A{row}", plan_rows.mark_unused(f"$J{row}>0", str(k)), "prioritāte", "6.4. tabulai",
                 line=k - 1, index=(f"$J{row}", index))
        for c, src in SOURCE.items():
            fmt = getattr(st, MONEY_COLS.get(c, "out_text_wrap"))
            unused = EMPTY_MARK if c in STRUCK_COLS else ""
            formula = (f"IF($J{row}>0,IF(INDEX('6.4'!${src}${lay.calc_first}:${src}${lay.calc_last},$J{row})=\"\",\"\","
                       f"INDEX('6.4'!${src}${lay.calc_first}:${src}${lay.calc_last},$J{row})),\"{unused}\")")
            sh.formula(f"{c}{row}", formula, fmt, unused)
            sh.watch(f"{c}{row}", formula, WATCHED[c], "6.4. tabulai", 2 if c in ("F", "G", "H") else 6,
                     line=k - 1, index=(f"$J{row}", index))
    sh.ws.set_column("J:J", 4, None, {"hidden": True})
    for c, flag in LINE_BLANK_WHEN.items():
        blank_line_figures(sh, f"{c}{lay.plan_first}:{c}{lay.plan_last}", "J", lay.plan_first, flag)
    # D386: a void line: no priority (its number k stays in the cell: the count of the listed lines reads it), its
    # price, sum and IB share blanks, its period units a blank while they are the invalid input („nederīgs” on 6.4)
    void = f"AND($J{lay.plan_first}>0,INDEX({VOID_FLAG_NAME},MAX(1,$J{lay.plan_first}))=1)"
    sh.ws.conditional_format(f"A{lay.plan_first}:A{lay.plan_last}",
                             {"type": "formula", "criteria": f"={void}", "format": st.blank_mark})
    for c in VOID_BLANK_COLS:
        blank_line_figures(sh, f"{c}{lay.plan_first}:{c}{lay.plan_last}", "J", lay.plan_first, VOID_FLAG_NAME)
    sh.ws.conditional_format(f"E{lay.plan_first}:E{lay.plan_last}", {
        "type": "formula", "criteria": f"=AND({void},NOT(ISNUMBER($E{lay.plan_first})))", "format": st.blank_figure})
    # the totals' heading in the hidden-rows warning's row: the warning replaces it while a filled row is hidden
    plan_rows.plan_rows(sh, lay.plan_first, lay.plan_rows, PLAN_ROW_HEIGHT_65, used="=A",
                        warning_cell=f"A{lay.plan_last + 1}", hint_cell=f"K{lay.plan_first + plan_rows.VISIBLE - 1}",
                        warning_height=SECTION_ROW_HEIGHT, number_col=None, otherwise=SECTION,
                        first_height=FIRST_ROWS_HEIGHT_65)
    row = lay.plan_last + 1
    # beside the totals' heading, under the table: the unused rows that print are struck
    sh.ws.merge_range(f"C{row}:I{row}", "", st.subtitle)
    struck = plan_rows.struck_note(f"A{lay.plan_first}:A{lay.plan_last}")
    # D386: while a line is void, what its blanks mean comes first (the struck rows' note after it)
    sh.formula(f"C{row}", f'IF({VOID_ANY},TRIM("{VOID_LINES_65} "&{struck}),{struck})', st.subtitle, STRUCK_ROWS)
    plan_rows.alert_when_warned(sh, f"C{row}")
    sh.ws.conditional_format(f"C{row}", {"type": "formula", "criteria": f"={VOID_ANY}", "format": st.alert_mark})
    first_total = row + 1
    for i, (label, ref) in enumerate(TOTALS):
        label_first, label_last, value_first, value_last = TOTAL_COLUMNS[i // TOTALS_PER_COLUMN]
        row = first_total + i % TOTALS_PER_COLUMN
        labels, value = f"{label_first}{row}:{label_last}{row}", f"{value_first}{row}"
        if ref == "IB_Galigais":
            final_label(sh, labels, st.label)
        else:
            sh.merge_text(labels, label, st.label_bold if "(K)" in label or "(N)" in label else st.label)
        sh.row_height(row, TOTAL_ROW_HEIGHT)
        fmt = st.out_share_right if ref == "Transporta_Dala" else st.out_money_right  # "______" too (F6)
        if value_last != value_first:
            sh.ws.merge_range(f"{value}:{value_last}{row}", "", fmt)
        cached: object = ""
        if ref == "IB_Nepieciesamais":
            cached = cache.needed
        elif ref == "Transporta_Dala":
            cached = cache.transport_share
        sh.formula(value, f'IF(ISNUMBER({ref}),{ref},"")', fmt, cached)
        sh.watch(value, f'IF(ISNUMBER({ref}),{ref},"")', label, sh.source_of(ref),
                 6 if ref == "Transporta_Dala" else 2)
        if ref in BLANK_WHEN:
            sh.ws.conditional_format(value, {"type": "formula", "criteria": f"={BLANK_WHEN[ref]}",
                                             "format": st.blank_figure})
    # whether A is a blank (A_OPEN), hidden beside the first total: the conditional formats and F's label read it
    sh.formula(f"J{first_total}", f"IF({A_OPEN},1,0)", st.helper, 1 if base_provisional(sh) else 0)
    sh.define("h_ANeapst", f"J{first_total}")
    row = first_total + TOTALS_PER_COLUMN
    # what the parent's signature means (or, while the workbook has errors, that it is not to be signed) in one line
    # between the totals and the signatures, as on 6.3 (and the gap that keeps them apart)
    statement_line(sh, row, "I", PARENT_STATEMENT[SHEET])
    end = signature_block(sh, row + 1, ("worker", "parent"), ("A", "B", "C", "D"), SIGN_HEIGHT, SIGN_GAP)
    # what the signatures approve, the used rows and K (blank as its cell above), beside the signatures at their top:
    # a row of its own would make the block after the plan rows higher than D197's 177 px allow (D272)
    signed_rows_cells(sh, f"E{row + 1}:I{row + 1}", signed_rows_formula(
        f"A{lay.plan_first}:A{lay.plan_last}", SHEET,
        money_figure("K", "IB_Kopejais", BLANK_WHEN["IB_Kopejais"])), st.signed_rows_small)
    # beside the signatures (both parties' rows), not under them: the block after the plan rows stays 177 px (D197)
    sh.merge_text(
        f"E{row + 2}:I{end - 2}",
        "Pakalpojumus finansē no IB prioritārā secībā, kamēr pietiek IB pieejamā apmēra; pirmajai rindai, kas pilnībā "
        "neiekļaujas, piešķir tik veselu vienību, cik iekļaujas; pārējās rindas sedz citi avoti vai tās nav akceptētas "
        "finansējuma trūkuma dēļ. Pabalsti, pakalpojumi un citi avoti – plānā izmantotās summas.",
        st.note,
    )
    sh.ws.freeze_panes(lay.plan_first - 1, 0)
    print_setup(sh, "I", end - 2, annex="6.5. tabula (atbalsta plāna II daļa)", signed=True)
    protect(sh)
