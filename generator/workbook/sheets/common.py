"""Parts shared by the plan sheets: the header block with the parties' names, signature lines,
A4 print settings and sheet protection."""

from __future__ import annotations

from generator.workbook.layout import col
from generator.workbook.sheetio import Sheet

# Internal names (on 6.11) of the header texts every plan sheet repeats on each printed page.
HEADER_LEFT = ("Galva_Berns", "Galva_Vecaks", "Galva_Periods")
HEADER_RIGHT = ("Galva_Pasvaldiba", "Galva_Dienests", "Galva_Darbinieks")


def lv_date_formula(ref: str) -> str:
    """DD.MM.YYYY as text, independent of the spreadsheet's locale (TEXT() is not)."""
    return f'RIGHT("0"&DAY({ref}),2)&"."&RIGHT("0"&MONTH({ref}),2)&"."&YEAR({ref})'


def header_block(sh: Sheet, title: str, subtitle: str, last_col: str, split_col: str) -> None:
    """Rows 1–6: title, subtitle, and the child, parent, period, municipality, service and worker."""
    st = sh.st
    sh.merge_text(f"A1:{last_col}1", title, st.title)
    sh.row_height(1, 20)
    sh.merge_text(f"A2:{last_col}2", subtitle, st.subtitle)
    sh.row_height(2, 24)
    cache = sh.book.cache
    right_first = col(split_col, 1)
    for row, (left, right) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT, strict=True), start=3):
        for first, last, name in ((f"A{row}", f"{split_col}{row}", left), (f"{right_first}{row}", f"{last_col}{row}", right)):
            r1, c1 = sh._rc(first)
            r2, c2 = sh._rc(last)
            if (r1, c1) != (r2, c2):
                sh.ws.merge_range(r1, c1, r2, c2, "", st.label_bold)
            sh.formula(first, name, st.label_bold, cache.header(name))


def signature_block(sh: Sheet, row: int, parties: tuple[str, ...], cols: tuple[str, str, str, str]) -> int:
    """Signature and date lines for each party (e.g. the social worker and the parent).

    ``cols`` = (first label column, last label column, signature column, date column). The name of each
    party is filled from 6.1. Returns the row after the block.
    """
    st = sh.st
    label_first, label_last, sign_col, date_col = cols
    cache = sh.book.cache
    for party in parties:
        title, name_ref = {
            "worker": ("Sociālais darbinieks", "Socialais_Darbinieks"),
            "parent": ("Vecāks (likumiskais pārstāvis)", "Vecaks_VardsUzvards"),
        }[party]
        r1, c1 = sh._rc(f"{label_first}{row}")
        _, c2 = sh._rc(f"{label_last}{row}")
        if c2 > c1:
            sh.ws.merge_range(r1, c1, r1, c2, "", st.label_bold)
        sh.formula(
            f"{label_first}{row}",
            f'"{title}: "&IF({name_ref}="","",{name_ref})',
            st.label_bold,
            f"{title}: {cache.text(name_ref)}",
        )
        sh.blank(f"{sign_col}{row}", None)
        sh.text(f"{sign_col}{row + 1}", "(paraksts)", st.signature)
        sh.text(f"{date_col}{row + 1}", "(datums)", st.signature)
        sh.row_height(row, 28)
        row += 3
    return row


def print_setup(
    sh: Sheet,
    last_col: str,
    last_row: int,
    *,
    landscape: bool = True,
    repeat_to: int = 8,
    annex: str,
) -> None:
    """A4, fit to the page width, header rows repeated on each page, page numbers in the footer."""
    ws = sh.ws
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.repeat_rows(0, repeat_to - 1)
    ws.print_area(f"A1:{last_col}{last_row}")
    # "&8" sets the font size, so the text after it must not start with a digit
    ws.set_header(f"&L&8IBM matrica – {annex}&R&8Katalogs {sh.book.cache.version}")
    ws.set_footer("&C&8&P. lapa no &N")
    ws.hide_gridlines(2)


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


def plan_row_lead(sh: Sheet, row: int, r: int, active_col: str) -> str:
    """The first three cells of a per-line row that mirrors 6.4 (Nr., service, price).

    ``row`` is the row on this sheet, ``r`` the same line's row on 6.4; returns the formula text
    that is true when the line counts (6.4's hidden active column is 1).
    """
    st = sh.st
    sh.number(f"A{row}", row - sh.book.layout.plan_first + 1, st.out_whole)
    sh.formula(f"B{row}", f"'6.4'!$B{r}&\"\"", st.out_text, "")
    sh.formula(f"C{row}", f"IF(ISNUMBER('6.4'!$F{r}),'6.4'!$F{r},\"\")", st.out_price, "")
    return f"'6.4'!${active_col}{r}=1"

