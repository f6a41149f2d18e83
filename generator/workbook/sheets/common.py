"""Parts shared by the plan sheets: the header block with the parties' names, signature lines,
A4 print settings and sheet protection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xlsxwriter.format import Format

from generator import lvformat
from generator.lvformat import NBSP
from generator.workbook.layout import col
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import party_names
from generator.workbook.texts import (
    BLANK,
    NOT_SIGNABLE,
    NOT_SIGNABLE_BROKEN,
    NOT_SIGNABLE_BROKEN_SHORT,
    NOT_SIGNABLE_SHORT,
    SIGNED_NO_ROWS,
    SIGNED_WHAT,
)

PAPER_A4 = 9
# The plan rows of the signed annexes (6.3, 6.5, 6.6, 6.9) hold two lines of 9 pt text: the service and
# provider names wrap in their cells instead of being cut (the catalogue's longest service name takes two
# lines of the name columns). Each signed annex prints one page wide (6.9 in portrait, the wider 6.3, 6.5
# and 6.6 in landscape), so its pages follow each other downwards and the last one holds the last plan
# rows, what follows them and the signatures, whatever number of rows is open (10, 20, 30 or 40; see
# plan_rows.py). tests/workbook/test_print.py proves it for each count. 6.5's rows are higher (D197:
# annex.PLAN_ROW_HEIGHT_65).
PLAN_ROW_HEIGHT = 22
# Margins of the signed annexes (inches): landscape -> (left and right, top and bottom, header and footer). The
# landscape sides leave about 1 020 px of Excel's column widths as LibreOffice prints them (it counts a digit of
# Carlito 11 as about 7.44 px, Excel 7 px); the portrait page about 690 px.
SIGNED_MARGINS = {True: (0.2, 0.3, 0.12), False: (0.3, 0.3, 0.12)}
# The signed annexes repeat rows 3–8 on each page down (the child, parent, period and the table header): the page
# header names the annex, so the title rows 1–2 print on the first page only, leaving room for two more plan rows.
SIGNED_REPEAT_FROM = 3
TITLE_ROW_HEIGHT = 17  # 12 pt bold
SUBTITLE_ROW_HEIGHT = 22  # two lines of 8 pt italic
HEADER_ROW_HEIGHT = 12  # rows 3–5: one line of 9 pt bold text
# Rows 3–5 of the signed annexes: two lines of 9 pt bold text, so that the longest municipality and
# social service names in the catalogue (e.g. "Sociālais dienests: Rēzeknes pilsētas sociālais dienests") and the
# child's line in the narrow repeated label columns wrap instead of being cut.
HEADER_TWO_LINE_HEIGHT = 22  # 29 px = 21,75 pt: two 9 pt Calibri lines (10,85 pt each in LibreOffice)
# Row 3 of the signed annexes: three lines, the child's name in up to two (two given names and a double surname,
# up to input_checks.NAME_CHARS characters, D170, in the narrowest label columns) and the personal code on the third.
# 45 px: Excel draws a line of 9 pt Calibri in 15 px (32 pt, 43 px, showed two lines and a cut third; D180).
HEADER_CHILD_HEIGHT = 34
# Rows 1–2 of the signed annexes: three lines of 11 pt bold title in the label columns (6.9's short title: two).
TITLE_HEIGHT = 40
TITLE_HEIGHT_69 = 32
HEADER_GAP_HEIGHT = 3  # row 6, between the header block and the table header
SIGN_ROW_HEIGHT = 18  # room to sign above the line
CAPTION_ROW_HEIGHT = 11  # "(paraksts)" and "(datums)" under the line
GAP_ROW_HEIGHT = 6  # between two parties' signature lines

# Internal names (on 6.11) of the header texts every plan sheet repeats on each printed page.
HEADER_LEFT = ("Galva_Berns", "Galva_Vecaks", "Galva_Periods")
HEADER_RIGHT = ("Galva_Pasvaldiba", "Galva_Dienests", "Galva_Darbinieks")
# What each header cell shows, named by the cross-check of a value typed over it (cross_checks.py, D153); the header
# texts are built from 6.1's inputs.
HEADER_WATCHED = {
    "Galva_Berns": "bērna vārds, uzvārds un personas kods",
    "Galva_Vecaks": "vecāka vārds un uzvārds",
    "Galva_Periods": "plāna periods",
    "Galva_Pasvaldiba": "pašvaldība",
    "Galva_Dienests": "sociālais dienests",
    "Galva_Darbinieks": "sociālais darbinieks",
}
PERSONAL_SOURCE = "6.1. tabulai"
# Between the child's name and personal code in Galva_Berns (see technical.py).
CODE_LABEL = "   personas kods: "


# The row under a section title's rule (st.section: a bottom border) on 6.1 and 6.11: xlsx has no vertical padding,
# so a top-aligned text there touched the rule on paper (matrixfix); the row is RULE_GAP pt taller, its texts centred.
RULE_GAP = 4
SHEET_ROW_HEIGHT = 15  # a row whose height the sheet does not set (Calibri 11)


def clear_of_rule(sh: Sheet, title_row: int) -> None:
    """The row under the section title in ``title_row``: RULE_GAP pt taller, its texts (written by now) centred."""
    row = title_row + 1
    pixels = (sh.ws.row_sizes.get(row - 1) or [None])[0]  # xlsxwriter keeps a set height in pixels (0,75 pt)
    sh.row_height(row, (pixels * 0.75 if pixels else SHEET_ROW_HEIGHT) + RULE_GAP)
    sh.centre_row(row)


# The plan rows' unit column of 6.3, 6.4, 6.5, 6.6 and 6.9: each sheet finds its letter by this heading (unit_column), and
# the writer's euro-quantity rule reads it from there (writer.EURO_UNIT_COLUMNS, matrixprint F3).
UNIT_HEADING = "Mērvienība"


def unit_column(columns: tuple[tuple, ...]) -> str:
    """The letter of the column headed UNIT_HEADING in a sheet's ``columns`` (letter, heading, …)."""
    letter, = (c[0] for c in columns if c[1] == UNIT_HEADING)
    return letter


def lv_date_formula(ref: str) -> str:
    """DD.MM.YYYY as text, independent of the spreadsheet's locale (TEXT() is not)."""
    return f'RIGHT("0"&DAY({ref}),2)&"."&RIGHT("0"&MONTH({ref}),2)&"."&YEAR({ref})'


def lv_template_formula(ref: str) -> str:
    """The template's code in the version in ``ref`` (GGGG-MM-DD+hash.revision, for another prices day
    …@GGGG-MM-DD, D63) as header_version shows it: "7ca2ab6d.3", without the catalogue's day (D80, D91)."""
    return f'MID({ref},12,IFERROR(FIND("@",{ref}),LEN({ref})+1)-12)'


def child_line(sh: Sheet, a1: str) -> None:
    """The child's name and personal code (Galva_Berns) in a row the sheet repeats on every printed page: the code
    on a line of its own under the name, the row three lines high (the name may take two: from 45 capitals it did
    in 6.8's column A, and the code was cut, D170), so that a long name (two given names and a double surname) never
    pushes the code into the row below, where it printed over that row's text."""
    child_cell(sh, a1)
    sh.row_height(int(a1.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), HEADER_CHILD_HEIGHT)


def child_cell(sh: Sheet, a1: str) -> None:
    """The formula of the child's line in ``a1``: the name, and the personal code on a line of its own."""
    sh.formula(a1, code_under_name("Galva_Berns"), sh.st.label_bold,
               sh.book.cache.header("Galva_Berns").replace(CODE_LABEL, "\n" + CODE_LABEL.lstrip()))


def code_under_name(name: str) -> str:
    """Formula: the child's line ``name`` with the personal code on a line of its own (never split at its "-")."""
    return f'SUBSTITUTE({name},"{CODE_LABEL}",CHAR(10)&"{CODE_LABEL.lstrip()}")'


def header_block(sh: Sheet, title: str, subtitle: str, last_col: str, split_col: str,
                 title_to: str | None = None, two_lines: bool = False, title_height: int | None = None,
                 title_cols_to: str | None = None, subtitle_height: int | None = None,
                 child_to: str | None = None, code_line: bool = False, signed: bool = False,
                 rows_12: bool = True, count_from: str | None = None) -> None:
    """Rows 1–6: title, subtitle, and the child, parent, period, municipality, service and worker.

    ``title_to``: the last column of the first printed page of a sheet wider than it (portrait), where the
    title (shrunk to fit if needed), the wrapped subtitle and the right-hand block end: the page edge cuts
    none of them, and nothing of them lies on the next page across, where it would print over the repeated
    label columns.

    ``two_lines`` (the signed annexes): rows 3–5 hold two lines of wrapped text and row 6 is a thin gap, so no
    municipality or social service name of the catalogue is cut in the narrow label columns; the child's line
    puts the personal code on a line of its own under the name, which may take two (row 3: HEADER_CHILD_HEIGHT).
    ``child_to`` (a signed annex that prints one page wide, short of height): the child's line spans A..``child_to``,
    where a name of input_checks.NAME_CHARS characters fits one line, so row 3 keeps two lines; the municipality's line
    starts after it, and the service's and the worker's lines under it too (one left edge for the right-hand block; the
    parent's and the period's lines keep to A..``split_col``, the columns between them stay empty).

    ``code_line`` (a sheet with one-line header rows whose label columns repeat on the pages across, 6.4): the
    child's personal code on a line of its own under the name (row 3 two lines high), so that the repeated label
    columns print it whole on every page.

    ``title_height`` (the signed annexes, whose ``split_col`` is the last repeated label column): rows
    1–2 together are that many points high; the title wraps in the label columns A..``split_col`` and the
    subtitle stands beside it up to ``head_to``. A page across then repeats the whole title, never a piece of a
    title or subtitle merged across the page edge. ``title_cols_to`` (default ``split_col``): the last column of
    that title, where the repeated label columns end before ``split_col``. ``subtitle_height``: the subtitle
    keeps to row 1 (that many points high), leaving row 2 beside the title to the sheet (6.5's warning).
    ``rows_12`` False: the sheet writes rows 1–2 itself (6.3: the title and the goals, D96).
    ``signed`` (6.3, 6.5, 6.6, 6.9): the subtitle says "NAV PARAKSTĀMS" while the workbook has errors, and the
    municipality's or social service's line that prints the blank adds where the name comes from (D227).
    ``count_from`` (the signed annexes, D295): the worker's line (row 5) ends before this column, and
    ``count_from``..``head_to`` (or ..``last_col`` where it lies right of ``head_to``) of row 5 is kept for the annex's
    page count (page_count.py writes it once the sheet's
    row heights are known), so that every printed page says how many pages the annex has.
    """
    st = sh.st
    head_to = title_to or last_col
    if not rows_12:
        pass
    elif title_height:  # the title wrapped in the repeated label columns, the subtitle beside it
        title_last = title_cols_to or split_col
        sh.merge_text(f"A1:{title_last}2", title, st.title_wrap)
        sub = f"{col(title_last, 1)}1"
        sh.merge_text(f"{sub}:{head_to}{1 if subtitle_height else 2}", subtitle, st.subtitle)
        if signed:
            not_signable(sh, sub, subtitle, NOT_SIGNABLE_SHORT)
        first = subtitle_height or TITLE_ROW_HEIGHT
        sh.row_height(1, first)
        sh.row_height(2, title_height - first)
    else:
        sh.merge_text(f"A1:{head_to}1", title, st.title)
        sh.row_height(1, TITLE_ROW_HEIGHT)
        sh.merge_text(f"A2:{head_to}2", subtitle, st.subtitle)
        sh.row_height(2, SUBTITLE_ROW_HEIGHT)
    cache = sh.book.cache
    right_first = col(split_col, 1)
    # the page count inside the right-hand block (its row 5 ends before it), or right of a block that ends before
    # ``last_col`` (6.9: the block keeps to the first page's D, the count takes E:F)
    count_in_block = bool(count_from) and sh._rc(f"{count_from}1")[1] <= sh._rc(f"{head_to}1")[1]
    for row, (left, right) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT, strict=True), start=3):
        # with child_to every row's right-hand line starts after it, so that the municipality's, the service's and the
        # worker's lines start at one edge (6.3 printed "Pašvaldība:" further right than the lines under it)
        # while the parent's and the period's lines stay in the repeated label columns (test_print_titles)
        left_to = child_to if child_to and row == 3 else split_col
        right_from = col(child_to, 1) if child_to else right_first
        right_to = col(count_from, -1) if count_in_block and right == HEADER_RIGHT[-1] else head_to
        for first, last, name in ((f"A{row}", f"{left_to}{row}", left), (f"{right_from}{row}", f"{right_to}{row}", right)):
            r1, c1 = sh._rc(first)
            r2, c2 = sh._rc(last)
            if (r1, c1) != (r2, c2):
                sh.ws.merge_range(r1, c1, r2, c2, "", st.label_bold)
            if (two_lines or code_line) and name == "Galva_Berns":  # the personal code on a line of its own: never split at its "-"
                child_cell(sh, first)
                sh.watch(first, code_under_name(name), HEADER_WATCHED[name], PERSONAL_SOURCE)
            elif signed:  # a party's name printed as the blank says where the name comes from (D227)
                formula = party_names.signed_header_formula(name)
                shown = cache.text(party_names.HEADER_KINDS[name].output) if name in party_names.HEADER_KINDS else ""
                sh.formula(first, formula, st.label_bold, party_names.signed_header_text(name, cache.header(name), shown))
                sh.watch(first, formula, HEADER_WATCHED[name], PERSONAL_SOURCE)
            else:
                sh.formula(first, name, st.label_bold, cache.header(name))
                sh.watch(first, name, HEADER_WATCHED[name], PERSONAL_SOURCE)
        if two_lines:
            height = HEADER_CHILD_HEIGHT if row == 3 and not child_to else HEADER_TWO_LINE_HEIGHT
        else:
            height = HEADER_TWO_LINE_HEIGHT if row == 3 and code_line else HEADER_ROW_HEIGHT
        sh.row_height(row, height)
    if two_lines:
        sh.row_height(3 + len(HEADER_LEFT), HEADER_GAP_HEIGHT)
    if count_from:
        row = 2 + len(HEADER_RIGHT)
        count_to = head_to if count_in_block else last_col
        if count_to != count_from:
            sh.ws.merge_range(f"{count_from}{row}:{count_to}{row}", "", st.page_count)
        sh.book.page_count_cells[sh.title] = f"{count_from}{row}"


# The workbook has errors, or its error count is itself an error value (rows or columns inserted or deleted in an
# unprotected sheet: Err:502, #REF!): a status, a mark or "NAV PARAKSTĀMS" fails closed, never open (as a condition of
# a conditional format or an IF; Excel 2010 and LibreOffice 7.4 both evaluate only the IF branch taken)
HAS_ERRORS = "IF(ISNUMBER(Kludas),Kludas>0,TRUE)"
# D366: 6.4's hidden count of the void plan lines (units or price an invalid input, left out of N; calculation.py
# void_lines_note) and whether there is one: the signed annexes then print N and what rests on it as blanks
VOID_COUNT_NAME = "h_NederigasRindas"
VOID_ANY = f"{VOID_COUNT_NAME}>0"


def counted_or_broken(counted: str, broken: str) -> str:
    """Formula: ``counted`` (a formula that reads Kludas as a number) while the error count is a number, else the
    text ``broken`` (the count is an error value: the matrix's structure was changed)."""
    return f'IF(ISNUMBER(Kludas),{counted},"{broken}")'


def not_signable_formula(otherwise: str, text: tuple[str, str] = NOT_SIGNABLE) -> str:
    """Formula: the "NAV PARAKSTĀMS" text with the workbook's error count (6.11, Kludas) while there are errors,
    else the text ``otherwise``; while the count is an error value, NAV PARAKSTĀMS with what happened (fails
    closed)."""
    before, after = text
    broken = NOT_SIGNABLE_BROKEN_SHORT if text is NOT_SIGNABLE_SHORT else NOT_SIGNABLE_BROKEN
    return counted_or_broken(f'IF(Kludas>0,"{before}"&Kludas&"{after}","{otherwise}")', broken)


def not_signable(sh: Sheet, cell: str, otherwise: str, text: tuple[str, str] = NOT_SIGNABLE) -> None:
    """``cell`` (the first of its merged range, already formatted) shows ``otherwise`` while the workbook has no
    errors; with errors, in bold red, that the annex must not be signed and where the errors are listed (F4)."""
    errors = sh.book.cache.errors
    cached = f"{text[0]}{errors}{text[1]}" if errors else otherwise
    fmt = sh.st.subtitle if text is NOT_SIGNABLE_SHORT else sh.st.label
    sh.formula(cell, not_signable_formula(otherwise, text), fmt, cached)
    sh.ws.conditional_format(cell, {"type": "formula", "criteria": f"={HAS_ERRORS}",
                                    "format": sh.st.not_signable_mark})


STATEMENT_ROW_HEIGHT = 12  # one line of 9 pt text across the signed annex's page


def statement_line(sh: Sheet, row: int, last_col: str, statement: str = "",
                   height: float = STATEMENT_ROW_HEIGHT) -> None:
    """Above the signatures of a signed annex, across A..``last_col``: the parent's statement (what the signature
    means; none on 6.9, the parent's own request), or, while the workbook has errors, that the annex must not be
    signed (in bold red)."""
    statement_cells(sh, f"A{row}:{last_col}{row}", statement)
    sh.row_height(row, height)


def signed_rows_formula(numbers: str, annex: str, figures: str = "") -> str:
    """Formula of the line that names what the signatures of a signed annex approve (D272): SIGNED_WHAT of the
    ``annex`` ("6.3"), the count of the used plan rows (``numbers``: the annex's Nr. column, e.g. "A9:A48"; an unused
    row prints EMPTY_MARK, no number) and their first and last numbers, then ``figures`` (a formula giving
    ", label – value", or ""); SIGNED_NO_ROWS without a used row."""
    count, first, last = f"COUNT({numbers})", f"MIN({numbers})", f"MAX({numbers})"
    span = f'IF({first}={last},{first}&". rinda",{first}&".–"&{last}&". rinda")'
    return (f'IF({count}=0,"{SIGNED_NO_ROWS}",'
            f'"{SIGNED_WHAT[annex]} – "&{count}&" ("&{span}&")"{"&" + figures if figures else ""}&".")')


def signed_rows_cells(sh: Sheet, cells: str, formula: str, fmt: Format | None = None) -> None:
    """signed_rows_formula in the merged range ``cells`` (locked, as every formula of the sheet): the signature
    page never stands without the plan's identity, also when the plan's rows print on the page before (audit33b F1).
    A generated workbook holds no plan row: its cached text is SIGNED_NO_ROWS."""
    fmt = fmt or sh.st.label
    first = cells.split(":", 1)[0]
    sh.ws.merge_range(cells, "", fmt)
    sh.formula(first, formula, fmt, SIGNED_NO_ROWS)
    sh.watch(first, formula, "parakstu rindas apraksts")


def signed_rows_line(sh: Sheet, row: int, last_col: str, formula: str,
                     height: float = STATEMENT_ROW_HEIGHT) -> None:
    """signed_rows_cells in a row of its own right above the signatures, across A..``last_col``."""
    signed_rows_cells(sh, f"A{row}:{last_col}{row}", formula)
    sh.row_height(row, height)


def money_figure(label: str, ref: str, blank_when: str) -> str:
    """Formula: ", ``label`` – 1 234,56 EUR" for signed_rows_line, the amount ``ref`` printed as the blank to fill
    (BLANK, D22) where the annex prints it so (``blank_when``) or it is not a number."""
    from generator.workbook.sheets.technical import eur_formula  # technical builds on this module

    return (f'", {label} – "&IF(OR(NOT(ISNUMBER({ref})),{blank_when}),"{BLANK}{NBSP}EUR",'
            f'{eur_formula(ref)})')


def statement_with_rows_line(sh: Sheet, row: int, last_col: str, statement: str, rows_formula: str) -> None:
    """statement_line whose statement ends with signed_rows_formula's sentence (``rows_formula``): where the block
    after the plan rows has no room for a row of its own (6.6, D197), the line right above the signatures names
    what they approve (D272). While the workbook has errors, only that the annex must not be signed. Not watched
    (cross_checks.py): the check of a typed-over cell counts in Kludas, which this formula reads (a circular
    reference, Err:522), as the statements are not."""
    cells = f"A{row}:{last_col}{row}"
    sh.ws.merge_range(cells, "", sh.st.label)
    before, after = NOT_SIGNABLE
    formula = counted_or_broken(f'IF(Kludas>0,"{before}"&Kludas&"{after}","{statement} "&{rows_formula})',
                                NOT_SIGNABLE_BROKEN)
    errors = sh.book.cache.errors
    cached = f"{before}{errors}{after}" if errors else f"{statement} {SIGNED_NO_ROWS}"
    sh.formula(f"A{row}", formula, sh.st.label, cached)
    sh.ws.conditional_format(f"A{row}", {"type": "formula", "criteria": f"={HAS_ERRORS}",
                                         "format": sh.st.not_signable_mark})
    sh.row_height(row, STATEMENT_ROW_HEIGHT)


def statement_cells(sh: Sheet, cells: str, statement: str) -> None:
    """statement_line in the merged range ``cells``."""
    sh.ws.merge_range(cells, "", sh.st.label)
    not_signable(sh, cells.split(":", 1)[0], statement)


SIGNER_WATCHED = {"worker": "sociālā darbinieka vārds un uzvārds pie paraksta",
                  "parent": "vecāka vārds un uzvārds pie paraksta"}


def signature_block(sh: Sheet, row: int, parties: tuple[str, ...], cols: tuple[str, str, str, str],
                    sign_height: float = SIGN_ROW_HEIGHT, gap_height: float = GAP_ROW_HEIGHT) -> int:
    """Signature and date lines for each party (e.g. the social worker and the parent).

    ``cols`` = (first label column, last label column, signature column or columns ("D:E"), date column),
    all on the sheet's one page width (the signed annexes print one page wide). The party's title ("Vecāks", the
    contract's defined term: a legal representative or a foster family, D199) is on the signature row and the name,
    filled from 6.1, under it beside "(paraksts)", both in the label columns, which are (or lie inside) the sheet's repeated columns: a long name
    does not make the line too long for them, and each page across repeats both whole, never a piece of them.
    Returns the row after the block; the last party's "(paraksts)" line, the last row to print, is two rows above it.
    """
    st = sh.st
    label_first, label_last, sign_col, date_col = cols
    cache = sh.book.cache
    for party in parties:
        title, name_ref = {
            "worker": ("Sociālais darbinieks", "Socialais_Darbinieks"),
            "parent": ("Vecāks", "Vecaks_VardsUzvards"),
        }[party]
        r1, c1 = sh._rc(f"{label_first}{row}")
        _, c2 = sh._rc(f"{label_last}{row}")
        # the name in 8 pt: a name of input_checks.NAME_CHARS capitals fits the one line of 6.6's narrow A:B (D170)
        if c2 > c1:
            sh.merge_text(f"{label_first}{row}:{label_last}{row}", f"{title}:", st.label_bold)
            sh.ws.merge_range(r1 + 1, c1, r1 + 1, c2, "", st.signer)
        else:
            sh.text(f"{label_first}{row}", f"{title}:", st.label_bold)
        sh.formula(f"{label_first}{row + 1}", f'IF({name_ref}="","",{name_ref})', st.signer, cache.text(name_ref))
        sh.watch(f"{label_first}{row + 1}", f'IF({name_ref}="","",{name_ref})', SIGNER_WATCHED[party], PERSONAL_SOURCE)
        sign_first, _, sign_last = sign_col.partition(":")
        if sign_last:
            sh.merge_text(f"{sign_first}{row + 1}:{sign_last}{row + 1}", "(paraksts)", st.signature)
        else:
            sh.text(f"{sign_first}{row + 1}", "(paraksts)", st.signature)
        sh.text(f"{date_col}{row + 1}", "(datums)", st.signature)
        sh.row_height(row, sign_height)
        sh.row_height(row + 1, CAPTION_ROW_HEIGHT)
        sh.row_height(row + 2, gap_height)
        row += 3
    return row


def print_setup(
    sh: Sheet,
    last_col: str,
    last_row: int,
    *,
    landscape: bool = True,
    repeat_to: int = 8,
    repeat_cols: str | None = "A:B",
    annex: str,
    signed: bool = False,
) -> None:
    """A plan sheet on A4: the header block and table header repeated on each page, see page_setup. A signed
    annex repeats rows SIGNED_REPEAT_FROM..``repeat_to`` only (the page header names the annex)."""
    page_setup(sh, annex=annex, landscape=landscape, area=f"A1:{last_col}{last_row}", repeat_to=repeat_to,
               repeat_cols=repeat_cols, repeat_from=SIGNED_REPEAT_FROM if signed else 1, signed=signed)


def page_setup(
    sh: Sheet,
    *,
    annex: str,
    landscape: bool = True,
    area: str | None = None,
    repeat_to: int | None = None,
    repeat_cols: str | None = None,
    repeat_from: int = 1,
    signed: bool = False,
) -> None:
    """A4 at 100 %: never shrunk to fit (the smallest cell text is 8 pt and must stay 8 pt on paper).

    A sheet wider than the page continues on the next page with its label columns (``repeat_cols``)
    and header rows (rows ``repeat_from``..``repeat_to``) repeated. The page header names the annex; the child's
    name and code are in the repeated header rows. The footer names the table and its page on this sheet, no
    total (footer_text, D23 as D58 for the report forms): &P restarts on every sheet (set_start_page), but Excel
    and LibreOffice fill &N with the pages of the whole print job, so a one-page annex of a workbook printed
    whole read "Lapa 1 no 26" (measured: tests/workbook/test_whole_workbook_pdf.py). A signed annex ends with its
    signatures, printed on its last page only, and states its own page count in its repeated header rows (D295,
    page_count.py).
    ``signed``: narrower margins (SIGNED_MARGINS), so that a signed annex prints one page wide and its rows and
    signatures need fewer pages.
    """
    ws = sh.ws
    ws.set_paper(PAPER_A4)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_print_scale(100)
    ws.set_start_page(1)  # "6.3. tabula, 1. lapa" on each sheet, also when several sheets print at once
    if signed:
        side, top, header_margin = SIGNED_MARGINS[landscape]
        ws.set_margins(left=side, right=side, top=top, bottom=top)
    elif landscape:
        ws.set_margins(left=0.3, right=0.3, top=0.4, bottom=0.4)
        header_margin = 0.2  # the header's 9 pt line ends above the body (top margin 0.4)
    else:
        ws.set_margins(left=0.3, right=0.3, top=0.3, bottom=0.3)
        header_margin = 0.12
    ws.print_across()  # a row block's pages follow each other: the rows and their signatures stay together
    if repeat_to:
        ws.repeat_rows(repeat_from - 1, repeat_to - 1)
    if repeat_cols:
        ws.repeat_columns(repeat_cols)
    if area:
        ws.print_area(area)
    # "&9" sets the font size, so the text after it must not start with a digit
    version = header_version(sh.book.cache.version, None if signed else sh.book.day)
    ws.set_header(f"&L&9IBM matrica – {annex}&R&9Veidne {version}", {"margin": header_margin})
    # a space after the size code: "&9" followed by "6.3. tabula" would read as size 96
    ws.set_footer(f"&C&9 {footer_text(annex)}", {"margin": header_margin})
    ws.hide_gridlines(2)


def header_version(version: str, day: dt.date | None) -> str:
    """The template in the page header with the day of the prices it carries, as the documents name theirs (D45):
    "214ae134.10, cenas uz 01.10.2018". The catalogue's own day ("katalogs 01.04.2023") read as the price list
    that applies to the plan (audit9 F9); 6.11 keeps the whole version (IBM_Versija). ``day`` None (a signed annex,
    D320): "214ae134.10, cenas uz plāna pirmo dienu" – the day whose prices the papers' price annexes print
    and the plan uses (a plan whose prices are not in force then is an error of the matrix, D61), named by the
    period the annex's header rows print; a page header cannot read a cell, and the matrix's own prices day was the
    first period's on a later period's plan."""
    ident = lvformat.version(version).split(" (", 1)[0]
    return f"{ident}, cenas uz {PLAN_PRICES_DAY if day is None else lvformat.date(day)}"


PLAN_PRICES_DAY = "plāna pirmo dienu"  # a signed annex's page header (header_version)


def footer_text(annex: str) -> str:
    """The page footer: the table (the annex without its description) and the page on this sheet, e.g.
    "6.3. tabula, &P. lapa"; no "no &N", which counts the whole print job."""
    return f"{annex.split(' (', 1)[0]}, &P. lapa"


def protect(sh: Sheet) -> None:
    """Sheet protection without a password: formulas locked, input cells (unlocked format) editable."""
    sh.ws.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
        },
    )


def plan_row_lead(sh: Sheet, line: int, r: int, active_col: str, wrap: bool = False) -> str:
    """The first three cells of a per-line row that mirrors 6.4 (Nr., service, price).

    ``line`` is the plan line (0-based; its row on this sheet Layout.plan_row), ``r`` the same line's row on 6.4;
    returns the formula text
    that is true when the line counts (6.4's hidden active column is 1). ``wrap``: the service's name wraps in
    its cell (a two-line row) instead of being cut at its edge.
    """
    st = sh.st
    row = sh.book.layout.plan_row(line)
    sh.number(f"A{row}", line + 1, st.out_whole)
    for c, formula, fmt, label, places in (
            ("B", f"'6.4'!$B{r}&\"\"", st.out_text_wrap if wrap else st.out_text, "SBS pakalpojums", 6),
            ("C", f"IF(ISNUMBER('6.4'!$F{r}),'6.4'!$F{r},\"\")", st.out_price, "cena", 2)):
        sh.formula(f"{c}{row}", formula, fmt, "")
        sh.watch(f"{c}{row}", formula, label, "6.4. tabulai", places, line=line)  # checked on 6.11 (D153)
    return f"'6.4'!${active_col}{r}=1"


def input_amount_max(sh: Sheet) -> Decimal:
    """The catalogue's input_amount_max on the template's day: 6.11's AMOUNT_MAX, the highest figure an amount or a
    count of units may be (D340, D365, D377), as the data validation messages state it (D380)."""
    return sh.book.catalogue.programme.input_amount_max.at(sh.book.day).value


def units_max_text(sh: Sheet) -> str:
    """input_amount_max as a count of units ("100 000"): the highest of a plan line's units (6.3), a month's planned
    units (6.6) and its delivered units (6.10), which their data validation says (D380)."""
    return lvformat.number(input_amount_max(sh), 0)
