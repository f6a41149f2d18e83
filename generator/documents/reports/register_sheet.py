"""Sheet 28 of the expense register workbook, the register itself (the only place amounts are typed), and
the hidden sheet of its lists."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import input_checks as checks
from generator.documents.reports import page_count, text_fit
from generator.documents.reports import register as reg
from generator.documents.reports.month_formulas import month_start
from generator.documents.reports.printing import signature_row
from generator.documents.reports.register_book import RegisterBook
from generator.documents.reports.register_checks import (
    WHOLE_SERVICES,
    amount_bound,
    corrects,
    register_check,
    whole_unit_names,
)
from generator.documents.reports.register_layout import (
    EARLIER_CORRECTION,
    ERRORS,
    FIRST_ERROR,
    REG_FIRST,
    REG_SIGNED_ROW,
    REG_TITLE,
    REG_TOTAL_ROW,
    REGISTER_CHARS_PER_UNIT,
    REGISTER_OTHERS,
    REGISTER_ROW,
    REGISTER_ROWS,
    REGISTER_TOTAL,
    REPEATED_HEADERS,
    S_LISTS,
    S_REG,
)
from generator.documents.reports.report_cells import (
    DATE_VALIDATION,
    ERRORS_LINE_HEIGHT,
    absolute_cell,
    column_range,
    excel_date,
    excel_number,
    note_height,
    wrapped_height,
    write_errors_line,
    write_intro,
    write_names_across,
)
from generator.documents.reports.row_groups import (
    WARNING,
    group_rows,
    growing_rows,
    hidden_warning,
    hint_or_warning,
)


def document_text(doc_type: str, doc_number: str) -> str:
    """What the register's column P shows for a row: its document's type and number, as document_formula."""
    return ", ".join(text for text in (doc_type, doc_number) if text)


def document_formula(x: int) -> str:
    """Column P of register row ``x`` (1-based): „korekcija, K-2018/002” – the type (B) and number (C) joined,
    either alone when the other is blank, empty when both are."""
    return f'=IF(B{x}="",IF(C{x}="","",C{x}),IF(C{x}="",B{x},B{x}&", "&C{x}))'


def register_row_height(catalogue: Catalogue, row: reg.RegisterRow, widths: Sequence[float]) -> float | None:
    """The height (pt) of a register row written with ``row``'s texts in the wrapped columns of ``widths``, or
    None (the default height) when each fits one line."""
    texts = ((row.doc_type, 1), (row.doc_number, 2), (row.payee, 5), (reg.bip_label(catalogue, row.bip), 6),
             (row.service, 8), (row.route, 12), (document_text(row.doc_type, row.doc_number), 15), (row.payee, 16))
    lines = max(len(textwrap.wrap(text, int(widths[col] * REGISTER_CHARS_PER_UNIT))) for text, col in texts if text)
    return wrapped_height(("", 1)) * lines + 2 if lines > 1 else None


# Where each page of 28 says how many pages the register prints on (D376): G:H of the warning's row on the pages of
# B:H, O:Q of the names' row on the pages across (I:Q); both rows repeat on every page.
COUNT_DOWN, COUNT_ACROSS = (6, 7), (14, 16)
PAGES_ACROSS = 2  # A:H, then A with I:Q (print_across)


def route_width(routes: Sequence[str]) -> float:
    """The least width (column units, by halves, at least 17) in which each of ``routes`` takes one line of 10 pt
    text in Excel's and LibreOffice's column alike."""
    width = 17.0
    while any(text_fit.lines_in(r, text_fit.excel_points(width)) > 1
              or text_fit.lines_in(r, text_fit.calc_points(width)) > 1 for r in routes):
        width += 0.5
    return width


def write_lists_sheet(book: RegisterBook) -> None:
    """The hidden sheet of the register's lists (services, payment routes, document types, Jā/Nē) and the
    correction's earlier label; its defined names are the lists' sources."""
    catalogue, wb, fmt, ws_lists = book.catalogue, book.wb, book.fmt, book.ws_lists
    offers = [o.label for o in catalogue.offers(catalogue.latest_date)]
    lists = {
        "Pakalpojumi": offers or ["—"],
        "Samaksas_Veidi": list(reg.PAYMENT_ROUTES),
        "Dokumentu_Veidi": list(reg.DOCUMENT_TYPES),
        "JaNe": ["Jā", "Nē"],
    }
    for col, (name, values) in enumerate(lists.items()):
        ws_lists.write(0, col, name, fmt.head)
        for i, value in enumerate(values):
            ws_lists.write(1 + i, col, value)
            if value == reg.CORRECTION:  # the document type a negative amount needs (the register's checks)
                wb.define_name("Korekcija", "=" + absolute_cell(S_LISTS, 1 + i, col))
        wb.define_name(name, "=" + column_range(S_LISTS, 1, len(values), col))
    # the correction's earlier label, still read as a correction (register.is_correction), not offered in the list
    ws_lists.write(0, len(lists), "Agrākie nosaukumi", fmt.head)
    ws_lists.write(1, len(lists), reg.CORRECTION_EARLIER)
    wb.define_name(EARLIER_CORRECTION, "=" + absolute_cell(S_LISTS, 1, len(lists)))
    # beside the services' list: 1 where the service's unit is counted whole (enums.yaml `whole`, D256), for the
    # check of the register's quantity (register_checks.whole_units_rule)
    col = len(lists) + 1
    whole = catalogue.enums.whole_units
    ws_lists.write(0, col, "Veselās vienībās", fmt.head)
    for i, offer in enumerate(catalogue.offers(catalogue.latest_date)):
        ws_lists.write_number(1 + i, col, 1 if offer.service.unit in whole else 0)
    wb.define_name(WHOLE_SERVICES, "=" + column_range(S_LISTS, 1, max(len(offers), 1), col))
    ws_lists.set_column(0, 0, 50)
    ws_lists.set_column(1, 3, 28)
    ws_lists.hide()


def write_register_sheet(book: RegisterBook) -> tuple[int, int]:
    """Sheet 28, the register: its rows (``book.data``'s, then blank inputs up to REGISTER_ROWS in collapsed
    groups), their check column (its texts and the days a reporting month may take on the list sheet),
    validation, total and signatures. Returns its last row and its number of columns (without the check column)."""
    catalogue, municipality, wb, fmt, log, data, cached = (book.catalogue, book.municipality, book.wb, book.fmt,
                                                           book.log, book.data, book.cached)
    ws_reg, ws_lists = book.ws_reg, book.ws_lists
    cache, guard = book.cache, book.guard
    last = REG_FIRST + max(REGISTER_ROWS, len(data.rows)) - 1
    # The title and notes start in column B: column A (Nr.) repeats on the page across, where a text that starts
    # in it would print cut at its edge ("28. pi"); B does not repeat, so they print on the first page only.
    ws_reg.write(0, 1, "28. pielikums. Izdevumu reģistrs (datu bāze)", fmt.title)
    # Each header's longest word fits its column (Calc breaks a longer word inside it); A:H fill the first page.
    # M holds the longest payment route whole on one line (route_width below; audit13 F9, D376), B the longest document
    # type ("pieņemšanas-nodošanas akts") on its one-line row (audit29 F8), and also the correction's earlier label
    # a register filled before may hold ("korekcija (atmaksa vai anulēts rēķins)", D155; audit35 F14): its width
    # comes from the number and date columns, which keep their longest header word
    # P and Q repeat B:C and F (the document's type and number, Saņēmējs) at the right of the page across, whose
    # rows the repeated Nr. alone paired with page 1 (audit42 F9; print titles repeat only columns from A, and A:F
    # would need a third page across): I and M are narrower for them, their texts wrap (D192). P holds
    # „korekcija, ” and a short number on a line, so the signed page says which row is a correction (audit30 F5).
    # M ("Samaksas veids") is as wide as the longest value of its list needs on one line, as Excel and LibreOffice
    # draw it (route_width; a wrapped route's second line was cut off in a row whose height was not grown, D376).
    # L, N and O give up the 5 units it took over 17 (their headers' words still fit, in as many lines as before;
    # they hold an amount, "Jā"/"Nē" and an area's digit), so the page across keeps its width; Q (a formula's text,
    # which grows no row) keeps its 18 unless the list changes.
    route = route_width(reg.PAYMENT_ROUTES)
    widths = [5, 30, 11, 10.5, 10.5, 22, 34, 14, 27, 12, 10.5, 11, route, 9, 7, 14, 18 - (route - 22)]
    write_intro(ws_reg, 1, 1, 7, municipality, "Katru maksājumu un pamatojošo dokumentu ieraksta līdz pārskata "
                "mēneša beigām; pārskatus 29 un 30 aprēķina no šīm rindām.", fmt.note_wrapped, sum(widths[1:8]))
    # The pages across (A and I:Q) repeat the names above their columns too (audit35 F5, D173).
    write_names_across(ws_reg, 1, 8, COUNT_ACROSS[0] - 1, municipality, fmt.note_wrapped)
    # Wrapped in I:K, next to the total in L, on the page that prints them (A:H fill the first page across),
    # under the signatures (REG_SIGNED_ROW).
    # The total says why it is not 29's and 30's: the register holds the social worker's full pay, the reports its
    # share and the indirect costs (audit30 F2). The row is the errors line's (3 lines), or as tall as the label.
    ws_reg.merge_range(REG_TOTAL_ROW, 8, REG_TOTAL_ROW, 10, REGISTER_TOTAL, fmt.label_wrapped_mid)
    headers = ["Nr.", f"Dokumenta veids ({reg.CORRECTION} – {reg.CORRECTION_COVERS})", "Dokumenta Nr.", "Dokumenta datums", "Maksājuma datums",
               "Saņēmējs (sniedzējs, darbinieks, vecāks)", "Budžeta izmaksu pozīcija (BIP)",
               "Bērna identifikācijas kods", "Pakalpojums", "Pārskata mēnesis (jebkurš mēneša datums)",
               "Daudzums (vienības; korekcija – ar mīnusa zīmi)", "Summa, EUR (korekcija – ar mīnusa zīmi)", "Samaksas veids",
               "Atzīmes uz dokumenta (Jā/Nē)",
               "Atbalsta joma", *REPEATED_HEADERS]
    ws_reg.write_row(REG_FIRST - 1, 0, headers, fmt.head)
    ws_reg.set_row(REG_FIRST - 1, 58)  # five lines: "Pārskata mēnesis (jebkurš mēneša datums)"
    for col, width in enumerate(widths):
        ws_reg.set_column(col, col, width)
    for i in range(last - REG_FIRST + 1):
        r = REG_FIRST + i
        row = data.rows[i] if i < len(data.rows) else None
        ws_reg.write_number(r, 0, i + 1, fmt.int)
        ws_reg.write(r, 1, row.doc_type if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 2, row.doc_number if row else "", fmt.in_text_wrapped)
        for col, value in ((3, row.doc_date if row else None), (4, row.paid_on if row else None),
                           (9, row.month if row else None)):
            if value is not None:
                ws_reg.write_datetime(r, col, excel_date(value), fmt.in_date)
            else:
                ws_reg.write_blank(r, col, None, fmt.in_date)
        ws_reg.write(r, 5, row.payee if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 6, reg.bip_label(catalogue, row.bip) if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 7, row.child_code if row else "", fmt.in_text)
        ws_reg.write(r, 8, row.service if row else "", fmt.in_text_wrapped)  # a long service name wraps
        if row and row.units is not None:
            ws_reg.write_number(r, 10, excel_number(row.units), fmt.in_number)
        else:
            ws_reg.write_blank(r, 10, None, fmt.in_number)
        if row:
            ws_reg.write_number(r, 11, excel_number(row.amount), fmt.in_money)
        else:
            ws_reg.write_blank(r, 11, None, fmt.in_money)
        ws_reg.write(r, 12, row.route if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 13, ("Jā" if row.marked else "Nē") if row else "", fmt.in_text)
        area = reg.area_of_service(row.service) if row else None
        ws_reg.write_formula(r, 14, f'=IF(I{r + 1}="","",VALUE(LEFT(I{r + 1},1)))', fmt.int,
                             (area if area is not None else "") if cached else "")
        ws_reg.write_formula(r, 15, document_formula(r + 1), fmt.text,
                             document_text(row.doc_type, row.doc_number) if row and cached else "")
        ws_reg.write_formula(r, 16, f'=IF(F{r + 1}="","",F{r + 1})', fmt.text, row.payee if row and cached else "")
    columns = {"Reg_Dokuments": 1, "Reg_BIP": 6, "Reg_Berns": 7, "Reg_Pakalpojums": 8, "Reg_Menesis": 9, "Reg_Daudzums": 10,
               "Reg_Summa": 11, "Reg_Veids": 12, "Reg_Joma": 14}
    for name, col in columns.items():
        wb.define_name(name, "=" + column_range(S_REG, REG_FIRST, last, col))
    # Empty rows stay in collapsed groups and do not print; the sums above cover every row. The warning about
    # hidden filled rows (its comment: how to open more, unprinted, D215) sits left of the total; row 3 is the line of input errors.
    # one line of 10 pt text a row (as 27's months): the first rows shown, the notes and the signatures fit one
    # page down (audit29 F9)
    # The rows' height is not a set one (growing_rows): a long name or position typed in a wrapped column
    # (B, C, F, G, I, M and their repeats) makes Excel and Calc grow its row, so it prints whole (audit42 F8);
    # a row written here with text gets the height its text needs, as neither grows a row on opening a file.
    group_rows(ws_reg, REG_FIRST, last - REG_FIRST + 1, len(data.rows), height=REGISTER_ROW,
               heights=[register_row_height(catalogue, row, widths) for row in data.rows])
    growing_rows(ws_reg, REG_FIRST, last - REG_FIRST + 1)
    ws_reg.merge_range(2, 1, 2, 5, "", fmt.note_wrapped)
    hint_or_warning(ws_reg, 2, 1, REG_FIRST + 1, last + 1, "B", "N", fmt.note_wrapped, fmt.alert)
    # The warning again beside the total (M:Q of its row), on the pages across with the total and the signatures
    # it concerns: the total counts the hidden rows too (D376).
    ws_reg.merge_range(REG_TOTAL_ROW, 12, REG_TOTAL_ROW, 16, "", fmt.note_wrapped)
    hidden_warning(ws_reg, REG_TOTAL_ROW, 12, REG_FIRST + 1, last + 1, "B", "N", fmt.note_wrapped, fmt.alert)
    warning_height = max(26, note_height(WARNING, sum(widths[1:6])))
    ws_reg.set_row(2, warning_height)
    ws_reg.write_formula(REG_TOTAL_ROW, 11, guard("SUM(Reg_Summa)"), fmt.money_total_mid,
                         cache(sum((r.amount for r in data.rows), Decimal(0))))
    texts = checks.TextCells(ws_lists, 11)
    ws_lists.write(0, 11, "Pārbaužu teksti", fmt.head)
    # The days a register row's reporting month may take: from the first report month to the end of the last
    # (sheet 29's month cells; any date from 2000 on while they are blank inputs).
    ws_lists.write(0, 12, "Pārskata laiks", fmt.head)
    ws_lists.write_formula(1, 12, f"=IF(COUNT(NP_Menesis)=0,{checks.MIN_DATE},{month_start('MIN(NP_Menesis)')})",
                           None, 0)
    ws_lists.write_formula(2, 12, f"=IF(COUNT(NP_Menesis)=0,DATE(9999,12,31),{month_start('MAX(NP_Menesis)', 1)})",
                           None, 0)
    wb.define_name("Parskata_Sakums", "=" + absolute_cell(S_LISTS, 1, 12))
    wb.define_name("Parskata_Beigas", "=" + absolute_cell(S_LISTS, 2, 12))
    bound, whole = amount_bound(catalogue, book.periods), whole_unit_names(catalogue)
    log.add_column(ws_reg, REG_FIRST, [register_check(REG_FIRST + 1 + i, texts, bound, whole)
                                       for i in range(last - REG_FIRST + 1)], len(headers), fmt.head, fmt.error)
    # B:H, the columns of the first page across (A repeats on the next): a longer line would be cut at its edge
    total_lines = text_fit.lines_in(REGISTER_TOTAL, sum(text_fit.excel_points(w) for w in widths[8:11]), bold=True)
    write_errors_line(ws_reg, 3, 1, 7, fmt.errors_line, ERRORS, FIRST_ERROR, REGISTER_OTHERS,
                      height=max(ERRORS_LINE_HEIGHT, total_lines * text_fit.LINE_PT,
                                 note_height(WARNING, sum(widths[12:17]))))

    def span(col: str) -> str:
        return f"{col}{REG_FIRST + 1}:{col}{last + 1}"

    ws_reg.data_validation(span("G"), {"validate": "list", "source": "=BIP_Saraksts"})
    ws_reg.data_validation(span("I"), {"validate": "list", "source": "=Pakalpojumi"})
    ws_reg.data_validation(span("M"), {"validate": "list", "source": "=Samaksas_Veidi"})
    ws_reg.data_validation(span("B"), {"validate": "list", "source": "=Dokumentu_Veidi"})
    ws_reg.data_validation(span("N"), {"validate": "list", "source": "=JaNe"})
    for col in ("D", "E", "J"):
        ws_reg.data_validation(span(col), DATE_VALIDATION)
    ws_reg.data_validation(span("K"), {
        "validate": "custom", "value": f'=AND(ISNUMBER(K{REG_FIRST + 1}),IF({corrects(f"B{REG_FIRST + 1}")},'
                                       f'K{REG_FIRST + 1}<=0,K{REG_FIRST + 1}>=0))',
        "error_title": "Daudzums",
        "error_message": f"Daudzums ir skaitlis ≥ 0. Korekcijā (dokumenta veids „{reg.CORRECTION}”) atceltās "
                         "vienības raksta ar mīnusa zīmi, tāpat kā summu."}),
    first = REG_FIRST + 1
    ws_reg.data_validation(span("L"), {
        "validate": "custom", "value": f'=AND(ISNUMBER(L{first}),IF({corrects(f"B{first}")},L{first}<0,L{first}>=0),'
                                       f'ROUND(L{first},2)=L{first})',
        "error_title": "Summa",
        # Excel allows at most 224 characters in a validation's error message ([MS-OI29500] §2.1.613 c;
        # tests/documents/test_ooxml.py).
        "error_message": f"Summa ir skaitlis ar ne vairāk kā diviem cipariem aiz komata, 0 vai vairāk. Dokumenta "
                         f"veidam „{reg.CORRECTION}” ({reg.CORRECTION_COVERS}) summu raksta ar mīnusa zīmi tā "
                         "mēneša pārskatā, kurā bija labojamais izdevums."})
    # Handed over on paper, the register is signed as 29, 30 and 31 are (audit29 F9). The block is one row in I:Q
    # (the page across; B:F of the row hold the hidden-rows warning) right above the total „Kopā visās reģistra
    # rindās”, among the rows every page repeats: a sheet cannot keep a row with the rows above it, and a block
    # under the last open row printed alone under an empty table header whenever the open rows, grown to what was
    # typed in them, filled their page exactly (audit28 F4, D242; before: D173). So it prints with the total it
    # signs on every page across, however many groups are open and however tall the rows are. Above the total, not
    # under it: right above the table's header the signature's line would be the header's top border.
    # The preparer's name and position wrap in J:L, two lines in the row's height (audit30 F7: J:K cut the position).
    signature_row(ws_reg, REG_SIGNED_ROW, ((8, 9, 11), (12, 13, 14), (15, 16, 16)), fmt.sign_label_wrapped,
                  fmt.sign_field_wrapped, fmt.sign_date, fmt.sign_line, fmt.sign_label_right, height=warning_height)
    write_page_counts(ws_reg, last, fmt.label_right)
    ws_reg.freeze_panes(REG_FIRST, 0)
    # "format_rows": a protected sheet's row grows to a wrapped text typed in it only where rows may change
    ws_reg.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
                        "format_rows": True, "sort": True, "autofilter": True})
    return last, len(headers)


def write_page_counts(ws: Worksheet, last: int, cell: Format) -> None:
    """„28. pielikums 2 lapās” on every page (COUNT_DOWN, COUNT_ACROSS): the pages across times the pages down of
    the register rows shown (page_count), whose heights are written by now."""
    steps = page_count.thresholds(ws, REG_FIRST - 1, REG_FIRST, last - REG_FIRST + 1)
    shown = sum(1 for r in range(REG_FIRST, last + 1) if not ws.row_sizes.get(r, (0, False))[1])
    down = sum(1 for s in steps if s <= max(1, shown))
    formula = page_count.text_formula(REG_TITLE, page_count.count_formula(
        steps, f"$A${REG_FIRST + 1}:$A${last + 1}", PAGES_ACROSS), plural_only=True)
    text = page_count.pages_text(REG_TITLE, PAGES_ACROSS * down)
    for row, (first, last_col) in ((2, COUNT_DOWN), (1, COUNT_ACROSS)):
        page_count.write_count(ws, row, first, last_col, text, cell, formula)
