"""The ministry's summary workbook (`ibm collect --out KOPSAVILKUMS.xlsx`).

Data sheets hold the recomputed values per child, plan line and month (from the reference
implementation); the summary sheets compute every total with formulas (COUNTIFS, SUMIFS, SUM,
MIN, MAX), each written with its cached value. ``SummaryBook.expected`` keeps every formula cell's
expected value, so that tests recalculate the file in LibreOffice and compare them all.
Children appear by pseudonym only.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import PriceStatus
from generator.lvformat import agree, version_id
from generator.lvformat import date as lv_date
from generator.ministry.aggregate import Aggregates, period_months, quarter_label
from generator.ministry.collect import FINAL_NAME, SPREADSHEET_SUFFIXES
from generator.ministry.collection import Collection
from generator.ministry.reading import MONEY_NAMES
from generator.ministry.records import ChildRecord, Refusal
from generator.ministry.rule_names import rule_name
from generator.ministry.sheet_rows import BulkRows
from generator.ministry.template_checks import VALUE_LABELS as NAME_LABELS
from generator.ministry.template_checks import shown_place
from generator.reference.findings import Finding, Severity
from generator.reference.paid_totals import paid_total
from generator.workbook import styles
from generator.xlsxformula import quick_formulas

FONT = "DejaVu Sans"
# Latvian separators whatever the reader's locale ("15 000,00", "100 %"), as the matrix and the report forms (audit13 F3)
# a negative amount (an underspend, a difference) with the true minus sign "−58,93", as the report workbooks print it,
# not a hyphen (audit35 F10)
MONEY = styles.MONEY_MINUS
YES, NO = "Jā", "Nē"

SHEET_SUMMARY = "Kopsavilkums"
SHEET_MUNI = "Pašvaldības"
SHEET_CHILDREN = "Bērni"
SHEET_GROUPS = "Grupas"
SHEET_SERVICES = "Pakalpojumi"
SHEET_CASH = "Naudas plūsma"
SHEET_QUARTERS = "Ceturkšņi"
SHEET_LINES = "Plāna rindas"
SHEET_MONTHS = "Mēnešu dati"
SHEET_FINDINGS = "Noteikumu kļūdas"
SHEET_WARNINGS = "Brīdinājumi"
SHEET_REFUSED = "Neizmantotās matricas"
SHEET_NOTES = "Piezīmes par failiem"  # notes on used files, not under "unused" (audit24 F26)
SHEET_STALE = "Atšķirības"

SHEETS = (SHEET_SUMMARY, SHEET_MUNI, SHEET_CHILDREN, SHEET_GROUPS, SHEET_SERVICES, SHEET_CASH, SHEET_QUARTERS,
          SHEET_LINES, SHEET_MONTHS, SHEET_FINDINGS, SHEET_WARNINGS, SHEET_REFUSED, SHEET_NOTES, SHEET_STALE)

# A, K and the lines' "No IB" use the F this collection sets, not the one typed in the matrix (D174)
WITH_F = "aprēķināts ar šajā savākšanā noteikto F, ne matricā ierakstīto (lēmums D174)"

DATA_FIRST = 4  # first data row (1-based) of every table sheet: title, note, header


def q(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


@dataclass
class Column:
    letter: str
    first: int
    last: int

    def range(self, sheet: str) -> str:
        last = max(self.last, self.first)
        return f"{q(sheet)}!${self.letter}${self.first}:${self.letter}${last}"


@dataclass
class SummaryBook:
    """Writes the workbook; ``expected`` maps (sheet, A1) of each formula to its value."""

    path: Path
    expected: dict[tuple[str, str], Any] = field(default_factory=dict)
    page_title: str = ""  # the page header of every sheet: the summary's title, period and status
    version: str = ""  # the footer's "kataloga versija e3369c26"
    # the sheets that continue to the right print from their column headers; their titles and notes, in order
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    print_from: dict[str, int] = field(default_factory=dict)  # the first printed row (0-based) where not row 1

    def __post_init__(self) -> None:
        # Cells stay in memory until close (shared strings, ~2× faster than constant_memory's inline strings);
        # with slim records a national summary keeps the main process near 200 MB (docs/benchmarks.md).
        self.wb = xlsxwriter.Workbook(str(self.path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                                       "tmpdir": str(self.path.parent)})
        base = {"font_name": FONT, "font_size": 9, "valign": "top"}
        self.f_title = self.wb.add_format({**base, "bold": True, "font_size": 12})
        self.f_note = self.wb.add_format({**base, "italic": True, "font_color": "#595959"})
        self.f_note_wrap = self.wb.add_format({**base, "italic": True, "font_color": "#595959", "text_wrap": True})
        self.f_head = self.wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
        self.f_text = self.wb.add_format({**base, "border": 1})
        self.f_wrap = self.wb.add_format({**base, "border": 1, "text_wrap": True})  # names, labels, notes: never cut
        self.f_money = self.wb.add_format({**base, "border": 1, "num_format": MONEY})
        self.f_whole = self.wb.add_format({**base, "border": 1, "num_format": "0"})
        self.f_rate = self.wb.add_format({**base, "border": 1, "num_format": styles.RATE})
        self.f_units = self.wb.add_format({**base, "border": 1, "num_format": styles.UNITS})
        self.f_date = self.wb.add_format({**base, "border": 1, "num_format": "dd.mm.yyyy"})
        self.f_month = self.wb.add_format({**base, "border": 1, "num_format": "mm.yyyy"})
        self.f_sum_money = self.wb.add_format({**base, "border": 1, "bold": True, "num_format": MONEY})
        self.f_sum_whole = self.wb.add_format({**base, "border": 1, "bold": True, "num_format": "0"})
        self.f_sum_text = self.wb.add_format({**base, "border": 1, "bold": True})
        self.f_sum_wrap = self.wb.add_format({**base, "border": 1, "bold": True, "text_wrap": True})

    # --- cells ------------------------------------------------------------------------------------
    def value(self, ws: Worksheet, row: int, col: int, value: object, fmt=None) -> None:
        fmt = fmt or self.f_text
        if value is None:
            ws.write_blank(row - 1, col, None, fmt)
        elif isinstance(value, bool):
            ws.write_string(row - 1, col, YES if value else NO, fmt)
        elif isinstance(value, dt.date):
            ws.write_datetime(row - 1, col, dt.datetime.combine(value, dt.time()), fmt)
        elif isinstance(value, Decimal | int | float):
            ws.write_number(row - 1, col, float(value), fmt)
        else:
            ws.write_string(row - 1, col, str(value), fmt)

    def formula(self, ws: Worksheet, row: int, col: int, formula: str, value: object, fmt=None) -> str:
        cached = float(value) if isinstance(value, Decimal) else value
        ws.write_formula(row - 1, col, "=" + formula, fmt or self.f_money, cached)
        cell = xl_rowcol_to_cell(row - 1, col)
        self.expected[(ws.get_name(), cell)] = value
        return cell

    def header(self, ws: Worksheet, title: str, note: str, columns: list[tuple[str, float]],
               key_cols: int = 1) -> list[float]:
        """Title, note and column headers; ``key_cols``: the leading columns that say whose a row is (code,
        municipality, month), repeated on the pages that continue a wide sheet to the right. Returns the
        columns' widths (a header's longest word may widen its column)."""
        ws.write_string(0, 0, title, self.f_title)
        widths = [header_width(text, width) for text, width in columns]
        for c, (text, _) in enumerate(columns):
            ws.write_string(DATA_FIRST - 2, c, text, self.f_head)
            ws.set_column(c, c, widths[c])
        # The note wraps within the columns of the first printed page (run on, it was cut at the print area)
        last, room = 0, widths[0]
        while last + 1 < len(widths) and room + widths[last + 1] <= PAGE_WIDTH:
            last += 1
            room += widths[last]
        if last:
            ws.merge_range(1, 0, 1, last, note, self.f_note_wrap)
        else:
            ws.write_string(1, 0, note, self.f_note)
        if wrapped_lines(note, room) > 1:
            ws.set_row(1, wrapped_lines(note, room) * LINE_HEIGHT)
        # as high as its longest header wraps (names with "plānots (viss plāns)" take five lines)
        lines = max([3] + [wrapped_lines(text, widths[c], bold=True) for c, (text, _) in enumerate(columns)])
        ws.set_row(DATA_FIRST - 2, lines * LINE_HEIGHT)
        ws.freeze_panes(DATA_FIRST - 1, key_cols)
        # the guide on the front pages names every sheet (audit35 F6); a sheet with key columns prints its note there
        self.notes[ws.get_name()] = (title, note)
        self.print_setup(ws, key_cols, title)
        return widths

    def print_setup(self, ws: Worksheet, key_cols: int = 0, title: str = "") -> None:
        """A4 landscape at 100 % (the 9 pt text prints at 9 pt, never shrunk; audit13 F2): a wider sheet continues
        on the next page with its key columns and column headers repeated. The page header names the summary and
        its period; the footer the catalogue version and the sheet's own page ("Bērni, 2. lapa", no total: D58).

        A sheet with key columns may continue to the right, where only the key columns of its title and note rows
        would print, cutting their text: it prints from its column headers, its title is the page header's second
        line, and its note is printed on the sheet „Kopsavilkums” (the note row stays on screen)."""
        ws.set_paper(9)
        ws.set_landscape()
        ws.set_print_scale(100)
        ws.set_margins(left=0.4, right=0.4, top=0.8 if key_cols else 0.6, bottom=0.6)
        ws.print_across()  # the pages of a row block follow each other: a child's row is read across
        header = f"&L&8 {_escaped(self.page_title)}"
        if key_cols:
            ws.repeat_columns(0, key_cols - 1)
            ws.repeat_rows(DATA_FIRST - 2, DATA_FIRST - 2)
            self.print_from[ws.get_name()] = DATA_FIRST - 2
            header += f"\n&10&B {_escaped(title)}&B"
        else:
            ws.repeat_rows(0, DATA_FIRST - 2)
        ws.set_start_page(1)
        ws.set_header(header, {"margin": 0.3})
        ws.set_footer(f"&L&8 {_escaped(self.version)}&R&8 {_escaped(ws.get_name())}, &P. lapa")

    def fit_row(self, ws: Worksheet, row: int, cells: list[tuple[str, float, bool]]) -> None:
        """Row ``row`` (1-based) as high as its tallest wrapped cell: (text, column width, bold) each."""
        lines = max(wrapped_lines(text, width, bold) for text, width, bold in cells)
        if lines > 1:
            ws.set_row(row - 1, lines * LINE_HEIGHT)

    def finish(self) -> None:
        """Every sheet's print area: the cells it holds (the fast data rows widen its dimensions)."""
        for ws in self.wb.worksheets():
            if ws.dim_rowmax is not None and ws.dim_colmax is not None:
                first = self.print_from.get(ws.get_name(), 0)
                ws.print_area(first, 0, max(ws.dim_rowmax, first), ws.dim_colmax)

    def close(self) -> None:
        """Write the file. Its parts are deflated at level 1 (a national summary's ~25 MB of sheet XML:
        ~3× faster than the default level 6, the file ~30 % larger; the content is the same)."""
        import xlsxwriter.workbook as packaging

        packaging.ZipFile = _FastZipFile  # type: ignore[misc]
        try:
            self.wb.close()
        finally:
            packaging.ZipFile = zipfile.ZipFile  # type: ignore[misc]


class _FastZipFile(zipfile.ZipFile):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", 1)
        super().__init__(*args, **kwargs)


def _col(index: int) -> str:
    return xl_col_to_name(index)


def _escaped(text: str) -> str:
    """Text for a page header or footer, where "&" starts a control code."""
    return text.replace("&", "&&")


def header_width(text: str, width: float) -> float:
    """A column at least as wide as the longest word of its bold header: a header wraps between words, never
    inside one ("IB nepieciešamai / s (N)"; audit13 F6)."""
    return max(width, max((len(w) for w in text.split()), default=0) * 1.1 + 1.5)


LINE_HEIGHT = 12  # pt, one line of the 9 pt text
PAGE_WIDTH = 140  # column units of a landscape A4 page at 100 % with the margins of print_setup
PAGE_SLACK = 4  # what a page's packed groups leave unused: the column units are an estimate of the printed width


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width`` wide when wrapped between words: the row's height
    is set from it (neither Excel nor the PDF conversion grows a row to its wrapped text by itself)."""
    room = max(1, int(width * (0.95 if bold else 1.1)))
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need > room and used:
            lines += 1 + (len(word) - 1) // room
            used = len(word) % room or room
        else:
            used = need
    return lines


def fit_width(texts: list[str], width: float, most: float = 60) -> float:
    """A column wide enough for its longest text (names, labels: never cut), at least ``width``, at most ``most``."""
    return min(most, max([width] + [len(t) * 1.0 + 1 for t in texts]))


def age_group_label(group: str | None) -> str:
    """An age group as a range is written: "0–2" with an en dash (the catalogue's ids are "0-2")."""
    return (group or "").replace("-", "\u2013")


def write_summary(path: Path, collection: Collection, agg: Aggregates, catalogue: Catalogue,
                  today: dt.date, progress: Callable[[str], None] | None = None) -> SummaryBook:
    """Write the summary workbook to ``path``; returns the book with its expected formula values.
    ``progress`` is told (in Latvian) which sheet is being written."""
    say = progress or (lambda _: None)
    book = SummaryBook(path)
    provisional = " – provizoriski" if collection.provisional else ""
    book.page_title = f"IBM galīgo apmēru kopsavilkums – pārskata periods {collection.period}{provisional}"
    book.version = f"kataloga versija {version_id(collection.catalogue_version)}"
    wb = book.wb
    # created = modified = the run day at 00:00 (the day "Sagatavots" names), as the matrix writer fixes it: a
    # same-day re-run on the same input writes the same bytes, so the manifest's checksums stay (audit24 F1)
    wb.set_properties({"created": dt.datetime.combine(today, dt.time())})
    sheets = {name: wb.add_worksheet(name) for name in SHEETS}
    for ws in sheets.values():
        quick_formulas(ws)
    names = municipality_names(catalogue, [r.municipality for r in collection.records + collection.previous_records])
    step = {"n": 0}

    def sheet(name: str) -> Worksheet:
        step["n"] += 1
        say(f"Raksta kopsavilkumu: lapa {step['n']}/{len(sheets)} „{name}”")
        return sheets[name]

    children_cols = _children_sheet(book, sheet(SHEET_CHILDREN), collection, names, catalogue)
    line_cols = _lines_sheet(book, sheet(SHEET_LINES), agg, names)
    month_cols = _months_sheet(book, sheet(SHEET_MONTHS), agg, names)
    muni_total_row = _municipality_sheet(book, sheet(SHEET_MUNI), agg, names, children_cols)
    _groups_sheet(book, sheet(SHEET_GROUPS), collection, agg, catalogue, children_cols, names)
    first_day = min((r.period_start for r in collection.records), default=today)
    # the municipalities whose matrices were collected in this period (D138), the same on all three sheets: the
    # aggregates hold this period's plans only, so a municipality with --previous matrices alone is all zeros
    sent = {r.municipality for r in collection.records}
    _services_sheet(book, sheet(SHEET_SERVICES), agg, catalogue, line_cols, catalogue.offers(first_day), names,
                    sent=sent)
    period = (collection.period_start, collection.period_end) if collection.period_start and collection.period_end \
        else None
    for name, quarterly in ((SHEET_CASH, False), (SHEET_QUARTERS, True)):
        _cash_sheet(book, sheet(name), agg, names, month_cols, line_cols, quarterly=quarterly, sent=sent,
                    period=period)
    _findings_sheet(book, sheet(SHEET_FINDINGS), collection, names)
    _warnings_sheet(book, sheet(SHEET_WARNINGS), collection, names)
    _refused_sheet(book, sheet(SHEET_REFUSED), collection)
    _notes_sheet(book, sheet(SHEET_NOTES), collection)
    _stale_sheet(book, sheet(SHEET_STALE), collection)
    _summary_sheet(book, sheet(SHEET_SUMMARY), collection, agg, muni_total_row, children_cols, line_cols, today)
    say("Raksta kopsavilkumu: saglabā failu")
    book.finish()
    book.close()
    return book


def municipality_names(catalogue: Catalogue, ids: list[str]) -> dict[str, str]:
    """Each municipality's short Latvian name in the catalogue ("Bauskas novads", "Jelgava"; D179), as the sheets'
    narrow "Pašvaldība" columns and headers show it and their formulas match it (audit35 F9: not the id "liepaja");
    a name two ids share, or an id the catalogue lacks, keeps its id."""
    names = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    for i in ids:
        names.setdefault(i, i)
    shared = {n for n, k in Counter(names.values()).items() if k > 1}
    return {i: f"{n} ({i})" if n in shared else n for i, n in names.items()}


def name_width(texts: list[str], bold: bool = False) -> float:
    """A column wide enough for the municipalities' names in it, never cut: a name at 9 pt takes ~0,8 column units
    a character (``fit_width``'s 1,0 would take some 6 units more on every page), a bold one ~0,95."""
    return min(30.0, max([12.0] + [len(t) * (0.95 if bold else 0.85) + 1.5 for t in texts]))


def _crit(text: str) -> str:
    """A text as a formula's string criterion: quoted, its quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


# --- Bērni ----------------------------------------------------------------------------------------
CHILD_COLUMNS = [
    ("kods", "Bērna kods (pseidonīms)", 17), ("muni", "Pašvaldība", 12),
    ("start", "Perioda sākums", 11), ("months", "Mēnešu skaits", 7), ("age", "Vecums (gadi)", 7), ("group", "Vecuma grupa", 8),
    ("impairment", "Traucējumu veids", 14), ("opinion", "Īpašās kopšanas atzinums", 10), ("rate", "Likme", 7),
    ("base", "Bāzes apmērs B EUR", 11), ("base_from", "B avots", 21),
    ("P", "IB provizoriskais EUR (P)", 12), ("N", "IB nepieciešamais EUR (N)", 12), ("A", "IB pieejamais EUR (A)", 12),
    ("K", "IB kopējais EUR (K)", 12), ("stage2", "2. posma apmērs EUR (min(N; P))", 12),
    ("eligible", "Pārdalē (N > P)", 9), ("top_up", "Papildinājums no pārdales EUR", 12),
    ("F", "IB galīgais EUR (F)", 12), ("capped", "Sasniegts N", 8),
    ("planned", "Plānots EUR (6.7. tabula)", 12), ("paid", "Samaksāts EUR (6.10. tabula)", 12), ("errors", "Kļūdu skaits", 7),
    ("warnings", "Brīdinājumu skaits", 9),
]


# „B avots” is 21 wide: „matrica (6.11. tabula)” and „katalogs (jāprecizē)” print whole (13 cut them)
BASE_FROM_MATRIX = "matrica (6.11. tabula)"
BASE_FROM_CATALOGUE = "katalogs"


def child_base(rec: ChildRecord, catalogue: Catalogue) -> tuple[Decimal, str]:
    """The base amount B the child's P rests on and where it comes from (audit27b F5): the ministry's B typed in the
    matrix's 6.11, else the catalogue's on the matrix's parameters day – said to be unconfirmed when it is (D117)."""
    if rec.inputs.base is not None:
        return rec.inputs.base, BASE_FROM_MATRIX
    unconfirmed = catalogue.programme.base_amount.at(rec.params_day).status is not PriceStatus.confirmed
    return rec.catalogue_base, BASE_FROM_CATALOGUE + (" (jāprecizē)" if unconfirmed else "")


def _children_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str],
                    catalogue: Catalogue) -> dict[str, Column]:
    used_names = [names.get(m, m) for m in {r.municipality for r in c.records}]
    columns = [(t, name_width(used_names) if key == "muni" else w) for key, t, w in CHILD_COLUMNS]
    book.header(ws, "Bērni (pēc pseidonīma)",
                "Katrs skaitlis pārrēķināts ar atsauces aprēķinu no matricas ievaddatiem; vārdi un personas kodi "
                f"kopsavilkumā netiek iekļauti. A un K {WITH_F.replace('aprēķināts', 'aprēķināti', 1)}; matricā "
                f"ierakstītais F – lapā „{SHEET_STALE}”.", columns, key_cols=2)
    idx = {key: i for i, (key, _, _) in enumerate(CHILD_COLUMNS)}
    finals = c.finals.by_id()
    records = sorted(c.records, key=lambda r: (r.municipality, r.code))
    p_col, n_col, stage2_col, top_up_col = (_col(idx[k]) for k in ("P", "N", "stage2", "top_up"))
    kinds = {"kods": ("s", book.f_text), "muni": ("s", book.f_text),
             "start": ("d", book.f_date), "months": ("n", book.f_whole), "age": ("n", book.f_whole),
             "group": ("s", book.f_text), "impairment": ("s", book.f_text), "opinion": ("b", book.f_text),
             "rate": ("n", book.f_rate), "base": ("n", book.f_money), "base_from": ("s", book.f_text),
             "P": ("n", book.f_money), "N": ("n", book.f_money),
             "A": ("n", book.f_money), "K": ("n", book.f_money),
             "stage2": ("f", book.f_money, f"MIN({n_col}{{0}},{p_col}{{0}})"), "eligible": ("b", book.f_text),
             "top_up": ("n", book.f_money), "F": ("f", book.f_money, f"{stage2_col}{{0}}+{top_up_col}{{0}}"),
             "capped": ("b", book.f_text), "planned": ("n", book.f_money), "paid": ("n", book.f_money),
             "errors": ("n", book.f_whole), "warnings": ("n", book.f_whole)}
    write = BulkRows(ws).writer([kinds[key] for key, _, _ in CHILD_COLUMNS])
    sheet_name = ws.get_name()
    stage2_letter, final_letter = _col(idx["stage2"]), _col(idx["F"])
    row = DATA_FIRST
    for rec in records:
        r, f = rec.result, finals[rec.code]
        stage2 = f.final - f.top_up
        write(row, (rec.code, names[rec.municipality], rec.period_start,
                    rec.months, rec.age, age_group_label(rec.age_group), rec.impairment, rec.special_care, r.rate,
                    *child_base(rec, catalogue), r.provisional, r.needed, r.available, r.total, stage2, f.eligible,
                    f.top_up, f.final, f.capped,
                    r.execution.planned_total, paid_total(r.execution), r.errors, r.warnings))
        book.expected[(sheet_name, f"{stage2_letter}{row}")] = stage2
        book.expected[(sheet_name, f"{final_letter}{row}")] = f.final
        row += 1
    ws.autofilter(DATA_FIRST - 2, 0, max(row - 2, DATA_FIRST - 2), len(CHILD_COLUMNS) - 1)
    return {key: Column(_col(i), DATA_FIRST, row - 1) for key, i in idx.items()}


# --- Plāna rindas, Mēnešu dati --------------------------------------------------------------------
def _lines_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str]) -> dict[str, Column]:
    """A plan line prints on one page width, the service's name beside its amounts (audit35 F8): the service's name
    (its code first, as the matrix writes it) wraps in the room the other columns leave, and the code the sheet
    „Pakalpojumi” sums by is a hidden last column, not printed twice."""
    muni_width = name_width([names[m] for m in {p.municipality for p in agg.plan_rows}])
    cols: list[tuple[str, str, float]] = [
        ("kods", "Bērna kods", 17), ("muni", "Pašvaldība", muni_width), ("area", "Atbalsta joma", 8),
        ("label", "Pakalpojums", 30), ("units", "Vienības periodā", 10), ("price", "Cena EUR", 10),
        ("cost", "Summa EUR (N daļa)", 12), ("ib", "No IB EUR", 12), ("item", "Pakalpojuma kods", 10)]
    label = 3
    others = sum(header_width(t, w) for i, (_, t, w) in enumerate(cols[:-1]) if i != label)
    # each printed column adds ~0,7 units of padding to its width (the file's widths): the row fits one page
    room = PAGE_WIDTH - PAGE_SLACK - others - 0.7 * (len(cols) - 1)
    label_width = max(26.0, min(fit_width([p.label for p in agg.plan_rows], 26, most=70), room))
    cols[label] = ("label", "Pakalpojums", label_width)
    widths = book.header(ws, "Plāna rindas", f"Katra plāna rinda ar daudzumu un cenu (atsauces aprēķins); „No IB” "
                         f"{WITH_F}. Pakalpojuma kods ir pakalpojuma nosaukuma sākumā (lapas „{SHEET_SERVICES}” "
                         "formulām tas ir arī slēptajā pēdējā kolonnā).", [(t, w) for _, t, w in cols], key_cols=2)
    item = len(cols) - 1
    ws.set_column(item, item, widths[item], None, {"hidden": True})
    text, money = book.f_text, book.f_money
    write = BulkRows(ws).writer([("s", text), ("s", text), ("n", book.f_whole), ("s", book.f_wrap),
                                 ("n", book.f_units), ("n", money), ("n", money), ("n", money), ("s", text)])
    row = DATA_FIRST
    heights: dict[str, float | None] = {}
    for p in sorted(agg.plan_rows, key=lambda p: (p.municipality, p.code)):
        if p.label not in heights:
            lines = wrapped_lines(p.label, widths[label])
            heights[p.label] = lines * LINE_HEIGHT if lines > 1 else None
        write(row, (p.code, names[p.municipality], p.area, p.label, p.units, p.price, p.cost, p.ib, p.item),
              heights[p.label])
        row += 1
    return {key: Column(_col(i), DATA_FIRST, row - 1) for i, (key, _, _) in enumerate(cols)}


def _months_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str]) -> dict[str, Column]:
    muni_width = name_width([names[m] for m in {m.municipality for m in agg.month_rows}])
    cols = [("kods", "Bērna kods", 17), ("muni", "Pašvaldība", muni_width), ("month", "Mēnesis", 10),
            ("quarter", "Ceturksnis", 20), ("planned", "Plānots EUR (6.7. tabula)", 12),
            ("planned_ib", "Plānots no IB EUR (novērtējums)", 12), ("paid", "Samaksāts EUR (6.10. tabula)", 12)]
    book.header(ws, "Mēnešu dati", "Plānotais un samaksātais katra bērna katrā perioda mēnesī; plānots no IB – "
                "plāna IB daļa (6.4. tabulas „No IB”), sadalīta pa mēnešiem proporcionāli plānotajam (novērtējums).",
                [(t, w) for _, t, w in cols], key_cols=2)
    text, money = book.f_text, book.f_money
    write = BulkRows(ws).writer([("s", text), ("s", text), ("d", book.f_month), ("s", text), ("n", money),
                                 ("n", money), ("n", money)])
    row = DATA_FIRST
    for m in sorted(agg.month_rows, key=lambda m: (m.municipality, m.code, m.month)):
        write(row, (m.code, names[m.municipality], m.month, m.quarter, m.planned, m.planned_ib, m.paid))
        row += 1
    return {key: Column(_col(i), DATA_FIRST, row - 1) for i, (key, _, _) in enumerate(cols)}


# --- Pašvaldības ----------------------------------------------------------------------------------
MUNI_MEASURES = [("P", "provisional", "IB provizoriskais EUR (P)"), ("N", "needed", "IB nepieciešamais EUR (N)"),
                 ("A", "available", "IB pieejamais EUR (A)"), ("K", "total", "IB kopējais EUR (K)"),
                 ("stage2", "stage2", "2. posma apmērs EUR"), ("top_up", "top_up", "Papildinājums no pārdales EUR"),
                 ("F", "final", "IB galīgais EUR (F)"), ("planned", "planned", "Plānots EUR (6.7. tabula)"),
                 ("paid", "paid", "Samaksāts EUR (6.10. tabula)")]


MUNI_TOTAL = "Kopā izmēģinājumprojektā"


def _municipality_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str],
                        ch: dict[str, Column]) -> int:
    # the name, as the other sheets show and match it (audit35 F9); the id names the municipality's CSV file
    # the column is as wide as the short names (D179) and the bold total's label under them
    columns = [("Pašvaldība", name_width([names.get(m, m) for m in agg.municipalities] + [MUNI_TOTAL], bold=True)),
               ("Kods (CSV faila nosaukumā)", 12), ("Bērnu skaits", 7), ("Bērnu skaits pārdalē (N > P)", 9)]
    columns += [(title, 13) for _, _, title in MUNI_MEASURES]
    book.header(ws, "Pašvaldības", "Summas pa pašvaldībām no lapas „Bērni” (formulas).", columns, key_cols=2)
    row = DATA_FIRST
    muni_range = ch["muni"].range(SHEET_CHILDREN)
    for m in agg.municipalities:
        t = agg.by_municipality[m]
        book.value(ws, row, 0, names.get(m, m))
        book.value(ws, row, 1, m)
        book.formula(ws, row, 2, f"COUNTIF({muni_range},$A{row})", t.children, book.f_whole)
        book.formula(ws, row, 3, f'COUNTIFS({muni_range},$A{row},{ch["eligible"].range(SHEET_CHILDREN)},"{YES}")',
                     t.eligible, book.f_whole)
        for i, (key, attr, _) in enumerate(MUNI_MEASURES, start=4):
            book.formula(ws, row, i, f"SUMIF({muni_range},$A{row},{ch[key].range(SHEET_CHILDREN)})",
                         getattr(t, attr))
        row += 1
    total_row = row
    book.value(ws, total_row, 0, MUNI_TOTAL, book.f_sum_text)
    book.value(ws, total_row, 1, None, book.f_sum_text)
    last = max(total_row - 1, DATA_FIRST)
    for i, attr in [(2, "children"), (3, "eligible")] + [(i, a) for i, (_, a, _) in enumerate(MUNI_MEASURES, start=4)]:
        letter = _col(i)
        fmt = book.f_sum_whole if attr in ("children", "eligible") else book.f_sum_money
        book.formula(ws, total_row, i, f"SUM({letter}{DATA_FIRST}:{letter}{last})" if agg.municipalities else "0",
                     getattr(agg.pilot, attr), fmt)
    return total_row


# --- Grupas -------------------------------------------------------------------------------------
def _groups_sheet(book: SummaryBook, ws: Worksheet, c: Collection, agg: Aggregates, catalogue: Catalogue,
                  ch: dict[str, Column], names: dict[str, str]) -> None:
    munis = agg.municipalities
    book.header(ws, "Bērni pa vecuma grupām, traucējumu veidiem un likmēm",
                "Bērnu skaits (formulas COUNTIFS no lapas „Bērni”).",
                [("Grupa", 28)] + [(names.get(m, m), 10) for m in munis] + [("Kopā", 9)])
    muni_range = ch["muni"].range(SHEET_CHILDREN)
    row = DATA_FIRST
    groups: list[tuple[str, str, list[tuple[str, object]]]] = [
        ("Vecuma grupa (gadi)", "group", [(age_group_label(g.id),) * 2 for g in catalogue.enums.age_groups]),
        ("Traucējumu veids", "impairment", [(i.name_lv, str(i.id)) for i in catalogue.enums.impairments]),
        ("Likme", "rate", [(f"{int(r * 100)} %", r) for r in sorted({rec.result.rate for rec in c.records},
                                                                      reverse=True)]),
    ]
    counts: Counter[tuple[str | None, str, object]] = Counter()  # (municipality or None: all, key, value)
    for r in c.records:
        for key, value in (("group", age_group_label(r.age_group)), ("impairment", r.impairment),
                           ("rate", r.result.rate)):
            counts[(r.municipality, key, value)] += 1
            counts[(None, key, value)] += 1
    for title, key, items in groups:
        book.value(ws, row, 0, title, book.f_sum_text)
        row += 1
        for label, match in items:
            book.value(ws, row, 0, label)
            crit = f'"{match}"' if isinstance(match, str) else str(float(match))
            for j, m in enumerate(munis, start=1):
                book.formula(ws, row, j, f'COUNTIFS({muni_range},{_crit(names[m])},{ch[key].range(SHEET_CHILDREN)},{crit})',
                             counts[(m, key, match)], book.f_whole)
            total = counts[(None, key, match)]
            first, last = _col(1), _col(len(munis))
            book.formula(ws, row, len(munis) + 1, f"SUM({first}{row}:{last}{row})" if munis else "0", total,
                         book.f_sum_whole)
            row += 1
        row += 1


# D138: the sheets by municipality and item or month show only the municipalities that sent matrices
NOT_SENT = (f"Pašvaldības, no kurām matricas nav savāktas, šajā lapā nav (lēmums D138); visas ir lapā „{SHEET_MUNI}”.")


# --- Pakalpojumi ----------------------------------------------------------------------------------
def _services_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, catalogue: Catalogue,
                    lines: dict[str, Column], offers: list[Offer], names: dict[str, str], *, sent: set[str]) -> None:
    # only the municipalities whose matrices were collected: a column of zeros for each of the others spread the
    # real figures over twice the pages (audit24 F21, D138); the totals sum every plan line all the same
    munis = [m for m in agg.municipalities if m in sent]
    widths = book.header(ws, "IB finansējums pa atbalsta jomām un pakalpojumiem",
                f"EUR no IB (6.4. tabulas „No IB”, {WITH_F}) pa pašvaldībām; pēdējā kolonna – plāna rindu summa "
                "(N daļa). "
                f"{NOT_SENT}",
                [("Atbalsta joma / pakalpojums", 40)] + [(f"{names.get(m, m)}: no IB EUR", 11) for m in munis]
                + [("Kopā no IB EUR", 12), ("Kopā plānā EUR (N)", 12)])
    _group_page_breaks(ws, widths, [*range(1, len(munis) + 2)])  # the two totals print side by side
    muni_r, area_r, item_r = (lines[k].range(SHEET_LINES) for k in ("muni", "area", "item"))
    ib_r, cost_r = lines["ib"].range(SHEET_LINES), lines["cost"].range(SHEET_LINES)
    labels = {p.item: p.label for p in agg.plan_rows}
    items_by_area: dict[int, list[str]] = {}
    for o in offers:
        items_by_area.setdefault(o.area, []).append(o.id)
        labels.setdefault(o.id, o.label)
    seen = {o.id for o in offers}
    for p in agg.plan_rows:
        if p.item not in seen:
            items_by_area.setdefault(p.area, []).append(p.item)
            seen.add(p.item)
    area_names = {a.number: a.name_lv for a in catalogue.enums.support_areas}
    row = DATA_FIRST
    n = len(munis)
    for area in sorted(set(area_names) | set(items_by_area)):
        area_label = f"{area}. joma: {area_names.get(area, '')}"
        book.value(ws, row, 0, area_label, book.f_sum_wrap)
        book.fit_row(ws, row, [(area_label, 40, True)])
        for j, m in enumerate(munis, start=1):
            book.formula(ws, row, j, f'SUMIFS({ib_r},{muni_r},{_crit(names[m])},{area_r},{area})',
                         agg.funding(m, area=area), book.f_sum_money)
        book.formula(ws, row, n + 1, f"SUMIFS({ib_r},{area_r},{area})", agg.funding(None, area=area),
                     book.f_sum_money)
        book.formula(ws, row, n + 2, f"SUMIFS({cost_r},{area_r},{area})", agg.funding(None, area=area, what="cost"),
                     book.f_sum_money)
        row += 1
        for item in items_by_area.get(area, []):
            book.value(ws, row, 0, labels.get(item, item), book.f_wrap)
            book.fit_row(ws, row, [(labels.get(item, item), 40, False)])
            for j, m in enumerate(munis, start=1):
                book.formula(ws, row, j, f'SUMIFS({ib_r},{muni_r},{_crit(names[m])},{item_r},"{item}")',
                             agg.funding(m, item=item))
            book.formula(ws, row, n + 1, f'SUMIFS({ib_r},{item_r},"{item}")', agg.funding(None, item=item))
            book.formula(ws, row, n + 2, f'SUMIFS({cost_r},{item_r},"{item}")',
                         agg.funding(None, item=item, what="cost"))
            row += 1
    book.value(ws, row, 0, "Kopā", book.f_sum_text)
    for j, m in enumerate(munis, start=1):
        book.formula(ws, row, j, f'SUMIFS({ib_r},{muni_r},{_crit(names[m])})', agg.funding(m), book.f_sum_money)
    book.formula(ws, row, n + 1, f"SUM({ib_r})", agg.funding(None), book.f_sum_money)
    book.formula(ws, row, n + 2, f"SUM({cost_r})", agg.funding(None, what="cost"), book.f_sum_money)


# --- Naudas plūsma, Ceturkšņi ---------------------------------------------------------------------
CASH_NOTE = ("Plānots – viss plāna apjoms pēc 6.7. tabulas, arī daļa, ko IB nesedz. Plānots no IB – plāna IB daļa "
             "(6.4. tabulas „No IB”, ar šajā savākšanā noteikto F), sadalīta pa mēnešiem proporcionāli katra mēneša plānotajam; tas ir novērtējums, "
             "jo metodika nenosaka, kuru mēnešu pakalpojumus IB apmaksā vispirms (lēmums D123). Samaksāts – pēc 6.10. tabulas. "
             f"Formulas SUMIFS no lapas „Mēnešu dati”. {NOT_SENT}")
# not "nesadalīts": that word is the redistribution fund's remainder nobody can receive (audit24 F3)
UNSPREAD_LABEL = "IB daļa bez mēneša"
UNSPREAD_NOTE = (f" Rindā „{UNSPREAD_LABEL}” – plāna IB daļa, ko mēnešos nevar iekļaut, jo bērna plānā mēnešos kopā "
                 "plānots mazāk (6.6. tabulas sadalījums pa mēnešiem nepilnīgs); tā ir iekļauta rindā „Kopā”, tāpēc "
                 "„Kopā plānots no IB EUR” sakrīt ar IB finansējumu lapā „Pakalpojumi”, un komanda „ibm collect” šos "
                 "bērnus nosauc ekrānā.")


OUTSIDE_LABEL = "Ārpus pārskata perioda"


def outside_note(quarterly: bool) -> str:
    """The note on the period's rows and the out-of-period row: months, or quarters counting their months in the
    period only (D143); the planned and the paid sum are „tie”."""
    rows = ("ceturkšņi (arī tie, kuros nekas nav plānots); ceturkšņa rindā ir tikai tie tā mēneši, kas ir "
            "pārskata periodā" if quarterly else "mēneši (arī tie, kuros nekas nav plānots)")
    return (f" Rindas ir tieši pārskata perioda {rows}; rindā „{OUTSIDE_LABEL}” – plānotais un samaksātais mēnešos "
            "ārpus pārskata perioda (plāna periods ir par garu – tā ir noteikuma kļūda, sk. lapu "
            f"„{SHEET_FINDINGS}”); tie ir iekļauti rindā „Kopā”, tāpēc kopsummas sakrīt ar lapām „{SHEET_MUNI}” un "
            "„Bērni” (lēmums D143).")


def _cash_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str],
                months: dict[str, Column], lines: dict[str, Column], *, quarterly: bool, sent: set[str],
                period: tuple[dt.date, dt.date] | None = None) -> None:
    """The cash flow by month or quarter of ``period`` (its first and last day): a row for each of its months or
    quarters, zeros shown, and one row for the plan months outside it (D143); without a period, the months the
    plans name."""
    # only the municipalities whose matrices were collected (``sent``): three columns of zeros for each of the
    # others filled most printed pages (audit21 F15, D138); the sheet „Pašvaldības” still lists every one
    munis = [m for m in agg.municipalities if m in sent]
    # "Plānots" is the whole plan (N); "plānots no IB" its IB-funded part by month, an estimate (audit13 F15, D123)
    title = ("Plānotais (viss plāns un IB daļa) un samaksātais pa ceturkšņiem un pašvaldībām" if quarterly
             else "Plānotais (viss plāns un IB daļa) un samaksātais pa mēnešiem un pašvaldībām")
    measures = (("planned", "plānots EUR (viss plāns)"), ("planned_ib", "plānots no IB EUR"), ("paid", "samaksāts EUR"))
    ib_k = 1  # the "plānots no IB" column of each group
    unspread = agg.unspread_total(None) > 0
    shown = period_months(*period) if period else agg.months()
    groups: dict[Any, list[dt.date]] = {}
    for month in shown:
        groups.setdefault(quarter_label(month) if quarterly else month, []).append(month)
    keys = list(groups)
    key_width = 20 if quarterly else 10
    cols: list[tuple[str, float]] = [("Ceturksnis" if quarterly else "Mēnesis", key_width)]
    for m in munis:
        cols += [(f"{names.get(m, m)}: {label}", 12) for _, label in measures]
    cols += [(f"Kopā {label}", 13) for _, label in measures] + [("Neapgūts EUR (plānots − samaksāts)", 13)]
    note = CASH_NOTE + (outside_note(quarterly) if period else "") + (UNSPREAD_NOTE if unspread else "")
    widths = book.header(ws, title, note, cols)
    width = len(measures)
    _group_page_breaks(ws, widths, [1 + width * j for j in range(len(munis) + 1)])  # the totals: one group
    muni_r, month_r = months["muni"].range(SHEET_MONTHS), months["month"].range(SHEET_MONTHS)
    key_r = months["quarter" if quarterly else "month"].range(SHEET_MONTHS)
    ranges = [months[key].range(SHEET_MONTHS) for key, _ in measures]
    first, last_month = (shown[0], shown[-1]) if shown else (None, None)
    # a quarter's row takes only its months inside the period (a period may start or end within a quarter)
    within = (f',{month_r},">="&{_date(first)},{month_r},"<="&{_date(last_month)}'
              if quarterly and period and shown else "")

    def total(muni: str | None) -> list[Decimal]:
        planned, paid = agg.planned_paid(muni)
        return [planned, agg.planned_ib(muni), paid]

    def values(muni: str | None, key: Any) -> list[Decimal]:
        return agg.cash_in(muni, groups[key])

    def outside(muni: str | None) -> list[Decimal]:
        return [t - i for t, i in zip(total(muni), agg.cash_in(muni, shown), strict=True)]

    def cash_row(row: int, value_of: Callable[[str | None], list[Decimal]],
                 sumifs: Callable[[str, str], str]) -> None:
        """One row: each municipality's three sums, the totals and the underspend; ``sumifs(range, muni)``
        writes a sum's formula (``muni`` "" for the totals)."""
        for j, m in enumerate(munis):
            for k, value in enumerate(value_of(m)):
                book.formula(ws, row, 1 + width * j + k, sumifs(ranges[k], f'{muni_r},{_crit(names[m])},'), value)
        totals = value_of(None)
        cells = [book.formula(ws, row, 1 + width * n + k, sumifs(ranges[k], ""), value, book.f_sum_money)
                 for k, value in enumerate(totals)]
        book.formula(ws, row, 1 + width * n + width, f"{cells[0]}-{cells[2]}", totals[0] - totals[2],
                     book.f_sum_money)

    row = DATA_FIRST
    n = len(munis)
    for key in keys:
        if quarterly:
            book.value(ws, row, 0, key)
        else:
            book.value(ws, row, 0, key, book.f_month)
        crit = f"$A{row}"
        cash_row(row, lambda m, key=key: values(m, key),
                 lambda rng, muni, crit=crit: f"SUMIFS({rng},{muni}{key_r},{crit}{within})")
        row += 1
    if period and shown:  # the plan months outside the period: one row, never dropped (D143)
        book.value(ws, row, 0, OUTSIDE_LABEL, book.f_wrap)  # wraps in the narrow month column, never cut
        book.fit_row(ws, row, [(OUTSIDE_LABEL, key_width, False)])
        before, after = _date(first), _date(last_month)
        cash_row(row, outside, lambda rng, muni: f'SUMIFS({rng},{muni}{month_r},"<"&{before})'
                                                 f'+SUMIFS({rng},{muni}{month_r},">"&{after})')
        row += 1
    if unspread:  # the IB part no month takes (D123): shown apart, so that "Kopā" keeps every IB euro
        book.value(ws, row, 0, UNSPREAD_LABEL, book.f_wrap)  # wraps in the narrow month column, never cut
        book.fit_row(ws, row, [(UNSPREAD_LABEL, key_width, False)])
        for j in range(1, len(cols)):  # framed like the month rows; only the "plānots no IB" cells hold a sum
            book.value(ws, row, j, None, book.f_money)
        line_muni_r, line_ib_r = lines["muni"].range(SHEET_LINES), lines["ib"].range(SHEET_LINES)
        for j, m in enumerate(munis):
            book.formula(ws, row, 1 + width * j + ib_k, f'SUMIFS({line_ib_r},{line_muni_r},{_crit(names[m])})'
                         f'-SUMIFS({ranges[ib_k]},{muni_r},{_crit(names[m])})', agg.unspread_total(m))
        book.formula(ws, row, 1 + width * n + ib_k, f"SUM({line_ib_r})-SUM({ranges[ib_k]})", agg.unspread_total(None),
                     book.f_sum_money)
        row += 1
    book.value(ws, row, 0, "Kopā", book.f_sum_text)
    last = max(row - 1, DATA_FIRST)
    sums = [v for m in munis for v in total(m)] + total(None)
    for j, m in enumerate([*munis, None]):  # "Kopā plānots no IB" = the IB part, with what no month takes
        sums[width * j + ib_k] += agg.unspread_total(m)
    sums.append(sums[-3] - sums[-1])
    for j, value in enumerate(sums):
        letter = _col(1 + j)
        book.formula(ws, row, 1 + j, f"SUM({letter}{DATA_FIRST}:{letter}{last})" if row > DATA_FIRST else "0",
                     value, book.f_sum_money)


def _date(day: dt.date | None) -> str:
    """A date in a formula's criterion, "DATE(2018,10,1)" (Excel 2010 and LibreOffice alike)."""
    assert day is not None
    return f"DATE({day.year},{day.month},{day.day})"


def _group_page_breaks(ws: Worksheet, widths: list[float], starts: list[int]) -> None:
    """Printed, a page holds whole column groups (a municipality's three columns, the totals; ``starts``: each
    group's first column, after the key column): a manual column break before the group that would not fit
    beside the ones on the page, so that no group is split between two pages (audit24 F15). The key column
    repeats on every page."""
    room = PAGE_WIDTH - widths[0] - PAGE_SLACK
    breaks, used = [], 0.0
    for start, end in zip(starts, [*starts[1:], len(widths)], strict=True):
        need = sum(widths[start:end])
        if used and used + need > room:
            breaks.append(start)
            used = 0.0
        used += need
    if breaks:
        ws.set_v_pagebreaks(breaks)


# --- Noteikumu kļūdas -----------------------------------------------------------------------------
def _findings_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str]) -> None:
    """Which rules each used child's plan breaks, as the matrix's 6.11 list names them (audit21 F12): the
    counts on „Bērni” alone did not let the analyst judge a child whose amounts take part in the redistribution.
    The file and the municipality's name as on „Atšķirības” and the other sheets (audit24 F22). The rule by its
    Latvian name, its code in a narrow column of its own in 8,5 pt, for a search (audit24 F18)."""
    rows = []
    for rec in sorted(c.records, key=lambda r: (r.municipality, r.code)):
        muni = names.get(rec.municipality, rec.municipality)
        shown = c.shown.get(rec.code, rec.source)
        rows += [(rec.code, muni, shown, rule_name(f.code), f.code, f.message) for f in rec.result.findings
                 if f.counts and f.severity is Severity.error]
    # the columns fill one page width (PAGE_WIDTH): the code's column as wide as its longest code at 8,5 pt (above the
    # smallest printed size 8 pt, audit13 F2)
    code_width = max([6.0] + [len(r[4]) * 0.9 + 1 for r in rows])
    widths = [17, 14, 20, 19, code_width]
    widths.append(max(40, PAGE_WIDTH - PAGE_SLACK - sum(widths)))
    book.header(ws, "Noteikumu kļūdas izmantotajās matricās",
                "Matricas ar noteikumu kļūdām aprēķinā izmantotas ar to, kas matricā ievadīts; šeit katra kļūda ar "
                "vietu matricā, kur tā zināma (tāpat kā matricas 6.11. tabulā), lai varētu izvērtēt, vai bērna "
                "apmēri ir derīgi. Noteikums – kļūdas veids; kods – tā apzīmējums atsauces aprēķinā (meklēšanai). "
                f"Brīdinājumi – skaits lapā „Bērni”, tie, kas maina N, – lapā „{SHEET_WARNINGS}”. {SHOWN_NAMES}",
                list(zip(("Bērna kods", "Pašvaldība", "Fails", "Noteikums", "Kods", "Apraksts"), widths, strict=True)),
                key_cols=1)
    f_code = book.wb.add_format({"font_name": FONT, "font_size": 8.5, "valign": "top", "border": 1,
                                 "font_color": "#595959"})
    for row, values in enumerate(rows, start=DATA_FIRST):
        for i, value in enumerate(values):
            book.value(ws, row, i, value, f_code if i == 4 else book.f_wrap)
        book.fit_row(ws, row, [(text, widths[i], False) for i, text in enumerate(values) if i in (1, 2, 3, 5)])


def listed_warnings(rec: ChildRecord) -> list[Finding]:
    """The warnings of one used matrix the sheet „Brīdinājumi” lists (the record keeps only those, LISTED_WARNINGS):
    one list for the sheet, its count on „Kopsavilkums” and the console line, so the three agree."""
    return [f for f in rec.result.findings if f.counts and f.severity is Severity.warning]


def _warnings_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str]) -> None:
    """The warnings of a plan line whose amount is in N although it is most likely mistyped (D148, audit31 F4): N
    decides whether the child takes part in the redistribution and its share (D7), so the analyst sees the file,
    the line, its amount and P, and the child's N beside them."""
    rows = []
    for rec in sorted(c.records, key=lambda r: (r.municipality, r.code)):
        muni = names.get(rec.municipality, rec.municipality)
        shown = c.shown.get(rec.code, rec.source)
        rows += [(rec.code, muni, shown, rule_name(f.code), rec.result.provisional, rec.result.needed, f.message)
                 for f in listed_warnings(rec)]
    widths = [17, 14, 20, 17, 17, 17]  # P and N as wide as their headers' longest word
    widths.append(PAGE_WIDTH - PAGE_SLACK - sum(widths))
    book.header(ws, "Brīdinājumi, kas maina N",
                "Brīdinājums par plāna rindu, kuras summa viena pati pārsniedz bērna IB provizorisko apmēru P: "
                "tā ir iespējama, bet biežāk tas ir kļūdaini ievadīts daudzums. Rindas summa ir bērna N, un N nosaka, "
                "vai bērns piedalās pārdalē un cik saņem, tāpēc pirms pārdales pārbaudiet šīs rindas matricā. Citi "
                f"brīdinājumi – tikai skaits lapā „{SHEET_CHILDREN}”. {SHOWN_NAMES}",
                list(zip(("Bērna kods", "Pašvaldība", "Fails", "Brīdinājums", "IB provizoriskais EUR (P)",
                          "IB nepieciešamais EUR (N)", "Apraksts"), widths, strict=True)), key_cols=1)
    for row, values in enumerate(rows, start=DATA_FIRST):
        for i, value in enumerate(values):
            book.value(ws, row, i, value, book.f_money if isinstance(value, Decimal) else book.f_wrap)
        book.fit_row(ws, row, [(str(text), widths[i], False) for i, text in enumerate(values) if i in (1, 2, 3, 6)])
    if not rows:
        ws.write_string(DATA_FIRST - 1, 0, "Šādu brīdinājumu nav.")


# --- Neizmantotās matricas, Atšķirības ------------------------------------------------------------
SHOWN_NAMES = ("Faila nosaukumu, kurā redzams bērna vārds vai personas kods, rāda kā matrica-<SHA-256 sākums>.xlsx "
               "(atrodams ar komandu sha256sum), tāpat kā komandas izvadā.")
# Latvian labels of the interface names a stale value or a typed F is found in (audit21 F7).
VALUE_LABELS = {FINAL_NAME: "IB galīgais apmērs (F)", **NAME_LABELS}


# A refused file may not have been read, so its name cannot be checked for the child's name: the summary, which
# leaves the ministry's desk, names it by its content hash in the README's form; the console names it in full.
REFUSED_NAMES = ("Neizmantotu failu rāda kā matrica-<SHA-256 sākums> ar faila paplašinājumu, piem. .xlsx vai .xls "
                 "(atrodams ar komandu sha256sum): "
                 "nenolasītam failam nevar pārbaudīt, vai tā nosaukumā nav bērna vārda; komandas izvadā tas nosaukts "
                 "pilnā nosaukumā.")


def _hashed_name(refusal: Refusal) -> str:
    """A refused file's name in the summary: ``matrica-<SHA-256 sākums>`` with the file's own spreadsheet suffix
    (an .xls is not shown as an .xlsx the analyst would look for in vain, audit27b F3); ``source`` is the hash's
    start. Only a spreadsheet suffix is shown: any other text after a dot could be part of a child's name."""
    suffix = PurePosixPath(refusal.path).suffix
    return f"matrica-{refusal.source.rpartition('/')[2]}{suffix if suffix.lower() in SPREADSHEET_SUFFIXES else ''}"


def _refused_sheet(book: SummaryBook, ws: Worksheet, c: Collection) -> None:
    book.header(ws, "Neizmantotās matricas",
                "Šīs matricas aprēķinā nav izmantotas; piezīmes par izmantotajiem failiem (identiska kopija, vecāka "
                f"veidne) – lapā „{SHEET_NOTES}”, lai failu skaits mapē saskan ar kopsavilkumu. {REFUSED_NAMES}",
                [("Periods", 20), ("Pašvaldības mape", 16), ("Fails", 24), ("Iemesls", 72)], key_cols=0)
    row = DATA_FIRST
    # the period as a person reads it on paper, not a bare "šis" (audit21 F5)
    for period, refused in ((c.period or "šis pārskata periods", c.refused),
                            ("iepriekšējais pārskata periods", c.previous_refused)):
        for r in refused:
            name = _hashed_name(r)
            for reason in r.reasons:
                for i, value in enumerate([period, r.municipality_folder, name, reason]):
                    book.value(ws, row, i, value, book.f_wrap)
                book.fit_row(ws, row, [(period, 20, False), (name, 24, False), (reason, 72, False)])
                row += 1
    if row == DATA_FIRST:  # one line, not an empty table row (audit24 F13)
        ws.write_string(DATA_FIRST - 1, 0, "Neizmantotu matricu nav.")


def _notes_sheet(book: SummaryBook, ws: Worksheet, c: Collection) -> None:
    book.header(ws, "Piezīmes par izmantotajiem failiem",
                "Šie faili aprēķinā izmantoti; piezīme saka, kas par tiem jāzina (identiska kopija izmantota vienreiz, "
                "matrica vecākā veidnē, fails vēl atvērts citā programmā, fails citas pašvaldības mapē). Komandas izvadā "
                "tās pašas piezīmes un brīdinājumi.", [("Nr.", 5), ("Piezīme", 123)],
                key_cols=0)  # two columns: the note above wraps within them
    # a matrix in another municipality's folder: the console's warning, here too (audit27b F4)
    notes = c.notes + [f"Brīdinājums: {w}" for w in c.file_warnings]
    for i, note in enumerate(notes):
        book.value(ws, DATA_FIRST + i, 0, i + 1, book.f_whole)
        book.value(ws, DATA_FIRST + i, 1, note, book.f_wrap)
        book.fit_row(ws, DATA_FIRST + i, [(note, 123, False)])
    if not notes:
        ws.write_string(DATA_FIRST - 1, 0, "Piezīmju nav.")


def _stale_sheet(book: SummaryBook, ws: Worksheet, c: Collection) -> None:
    final = VALUE_LABELS[FINAL_NAME]
    book.header(ws, "Atšķirības starp failā saglabātajām un pārrēķinātajām vērtībām",
                "Novecojis vai labots fails vai veidne, kurā kādas pārbaudes vēl nebija (sk. kolonnu „Iemesls”): aprēķinā "
                "izmantota pārrēķinātā vērtība, ne failā saglabātā. "
                f"{final}: matricā ierakstītais galīgais apmērs F atšķiras no šajā savākšanā aprēķinātā – "
                f"LM lēmums par šī bērna F jāatjauno. {SHOWN_NAMES}",
                [("Bērna kods", 16), ("Fails", 26), ("Rādītājs", 18), ("Vieta matricā", 20), ("Failā", 11),
                 ("Pārrēķināts", 11), ("Iemesls", 28)], key_cols=0)
    row = DATA_FIRST
    for s in c.final_differences + c.stale:
        shown = c.shown.get(s.code, s.source)
        label = VALUE_LABELS.get(s.name, s.name)
        reason = f"{s.reason}; sk. lapu „{SHEET_FINDINGS}”" if s.reason else ("LM lēmums par F jāatjauno" if s.name == FINAL_NAME else "novecojis vai labots fails")
        money = s.name in MONEY_NAMES or s.name == FINAL_NAME
        if money:  # the columns „Failā” and „Pārrēķināts” hold counts and ages too: a sum's row says its unit
            label = f"{label}, EUR"
        place = shown_place(s.cell)
        for i, value in enumerate([s.code, shown, label, place, _shown(s.cached), _shown(s.recomputed), reason]):
            is_amount = isinstance(value, Decimal) or (money and isinstance(value, int | float))
            book.value(ws, row, i, value, book.f_money if is_amount else book.f_wrap)
        book.fit_row(ws, row, [(shown, 26, False), (label, 18, False), (place, 20, False), (reason, 28, False)])
        row += 1



def _shown(value: object) -> object:
    if value is None:
        return "(tukšs)"
    if isinstance(value, dt.datetime):
        return lv_date(value.date())
    return value


# --- Kopsavilkums ---------------------------------------------------------------------------------
def _summary_sheet(book: SummaryBook, ws: Worksheet, c: Collection, agg: Aggregates, total_row: int,
                   ch: dict[str, Column], lines: dict[str, Column], today: dt.date) -> None:
    fa = c.finals
    ws.set_column(0, 0, 52)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 60)
    book.print_setup(ws)
    provisional = ", provizoriski" if c.provisional else ""  # one pair of brackets (audit24 F20)
    ws.write_string(0, 0, f"IBM galīgo apmēru aprēķins (3. posms{provisional}) – pārskata periods {c.period}",
                    book.f_title)
    key_lv = {"needed": "proporcionāli IB nepieciešamajam apmēram (N)",
              "gap": "proporcionāli iztrūkumam (N − P)"}.get(fa.key, fa.key)
    ws.write_string(1, 0, f"Sagatavots {lv_date(today)}; kataloga versija {version_id(c.catalogue_version)}; "
                          f"pārdales atslēga: {key_lv}.", book.f_note)
    muni = f"{q(SHEET_MUNI)}!"
    rows: list[tuple[str, str | None, object, Any, str]] = []
    # (label, formula or None, value, format, explanation); the column „Vērtība” holds counts and sums: a sum's label
    # ends in „, EUR” as the other sheets' headers, a count's label says what it counts („… skaits”)
    rows.append(("Izmantoto matricu (bērnu) skaits", f"{muni}C{total_row}", agg.pilot.children, book.f_whole, ""))
    rows.append(("Neizmantoto matricu skaits", None, len(c.refused), book.f_whole, f"sk. lapu „{SHEET_REFUSED}”"))
    # every file of the folder is on paper: a byte-identical copy is used once, not lost (audit21 F8)
    rows.append(("Identisku kopiju skaits (izmantotas vienreiz)", None, c.duplicates, book.f_whole,
                 f"piezīmes lapā „{SHEET_NOTES}”"))
    rows.append(("Matricu skaits vecākā veidnē (ieteicams „ibm migrate”)", None, c.old_template, book.f_whole,
                 f"piezīmes lapā „{SHEET_NOTES}”"))
    # what the sheets behind the page hold and an LM reader must know of (audit24 F4)
    errors = {r.code: sum(1 for f in r.result.findings if f.counts and f.severity is Severity.error)
              for r in c.records}
    with_errors = sum(1 for n in errors.values() if n)
    rows.append(("Noteikumu kļūdu skaits izmantotajās matricās", None, sum(errors.values()), book.f_whole,
                 f"{with_errors} {agree(with_errors, 'matricā', 'matricās')}; katra kļūda lapā „{SHEET_FINDINGS}”"))
    # the D148 lines listed on „Brīdinājumi” change N and so the pool split: counted here like the errors (D148)
    warnings = {r.code: len(listed_warnings(r)) for r in c.records}
    with_warnings = sum(1 for n in warnings.values() if n)
    rows.append(("To brīdinājumu skaits, kas maina N", None, sum(warnings.values()), book.f_whole,
                 f"{with_warnings} {agree(with_warnings, 'matricā', 'matricās')}; plāna rindas summa viena pati "
                 f"pārsniedz P un ir ieskaitīta N; katra rinda lapā „{SHEET_WARNINGS}”"))
    # the F typed in a matrix that differs from the one set now, and other stale values: on the front page, not only
    # on the last sheet (audit35 F6)
    differ = len({d.code for d in c.final_differences})
    rows.append(("Bērnu skaits, kuru matricā ierakstītais F atšķiras", None, differ, book.f_whole,
                 (f"{differ} {agree(differ, 'bērnam', 'bērniem')}: matricā ierakstītais galīgais apmērs F atšķiras no "
                  f"šajā savākšanā aprēķinātā, LM lēmums par F jāatjauno; sk. lapu „{SHEET_STALE}”") if differ else
                 "nevienā matricā ierakstītais F neatšķiras no aprēķinātā"))
    # a B the ministry typed in a matrix's 6.11 that is not the catalogue's: the child's P rests on it (audit27b F5)
    other_base = sum(1 for r in c.records if r.inputs.base is not None and r.inputs.base != r.catalogue_base)
    rows.append(("Bērnu skaits, kuru matricā ierakstītais B atšķiras no kataloga B", None, other_base, book.f_whole,
                 (f"{other_base} {agree(other_base, 'bērnam', 'bērniem')} P aprēķināts no matricas 6.11. tabulā "
                  "ierakstītā bāzes apmēra B, ne no kataloga B; "
                  # the default funding is the catalogue's B × children; one given on the command line is not (review28 F5)
                  + ("" if c.envelope_given else "finansējuma noklusējums rēķināts ar kataloga B; ")
                  + f"sk. lapas „{SHEET_CHILDREN}” kolonnas „Bāzes apmērs B EUR” un „B avots”") if other_base else
                 "nevienā matricā nav ierakstīts B, kas atšķiras no kataloga B"))
    stale_files = len({s.source for s in c.stale})
    rows.append(("To citu failā saglabāto vērtību skaits, kas atšķiras", None, len(c.stale), book.f_whole,
                 f"{stale_files} {agree(stale_files, 'failā', 'failos')} (novecojis vai labots fails); aprēķinā "
                 f"izmantota pārrēķinātā vērtība; sk. lapu „{SHEET_STALE}”" if c.stale else "tādu nav"))
    unspread_children = len({u.code for u in agg.unspread})
    rows.append((f"Plāna IB daļa „{UNSPREAD_LABEL}”, EUR", None, agg.unspread_total(None), book.f_money,
                 f"{unspread_children} {agree(unspread_children, 'bērna plānā', 'bērnu plānos')} 6.6. tabulas "
                 f"sadalījums pa mēnešiem nepilnīgs; sk. lapu „{SHEET_CASH}”" if unspread_children else
                 "visu plānu IB daļa iekļauta mēnešos"))
    rows.append(("Σ IB provizoriskais (P), EUR", f"{muni}E{total_row}", agg.pilot.provisional, book.f_money, ""))
    rows.append(("Σ IB nepieciešamais (N), EUR", f"{muni}F{total_row}", agg.pilot.needed, book.f_money, ""))
    rows.append(("Σ IB pieejamais (A), EUR", f"{muni}G{total_row}", agg.pilot.available, book.f_money, WITH_F))
    rows.append(("Σ IB kopējais (K), EUR", f"{muni}H{total_row}", agg.pilot.total, book.f_money, WITH_F))
    first = len(rows) + DATA_FIRST
    r_env, r_stage2, r_rest, r_plan, r_paid, r_under, r_pool, r_dist = range(first, first + 8)
    envelope_note = c.envelope_note + (f"; PROVIZORISKS: {c.provisional}" if c.provisional else "")
    rows.append(("Izmēģinājumprojekta finansējums periodam, EUR", None, fa.envelope, book.f_money, envelope_note))
    rows.append(("Σ 2. posma apmērs min(N; P), EUR", f"SUM({ch['stage2'].range(SHEET_CHILDREN)})", fa.stage2_total,
                 book.f_money, "katram bērnam mazākais no N un P"))
    rows.append(("Atlikums pēc 2. posma, EUR", f"B{r_env}-B{r_stage2}", fa.envelope_rest, book.f_money,
                 "finansējums − Σ min(N; P)"))
    rows.append(("Iepriekšējā perioda plānotais no IB, EUR", None, fa.previous_planned, book.f_money,
                 (c.previous_folder and f"no mapes „{c.previous_folder}”; " or "iepriekšējais periods nav norādīts; ")
                 + "plāna IB daļa (6.4. tabulas „No IB”, ne vairāk par 6.7. tabulas plānoto), bez daļas, ko IB nesedz"))
    rows.append(("Iepriekšējā perioda samaksātais (6.10. tabula), EUR", None, fa.previous_actual, book.f_money, ""))
    rows.append(("Iepriekšējā perioda neapgūtais, EUR", f"B{r_plan}-B{r_paid}", fa.underspend, book.f_money,
                 "plānotais no IB − samaksātais"))
    rows.append(("Pārdales fonds R, EUR", f"MAX(0,B{r_rest}+B{r_under})", fa.pool, book.f_money,
                 "atlikums + neapgūtais, ne mazāk par 0"))
    rows.append(("Sadalīts bērniem ar N > P, EUR", f"SUM({ch['top_up'].range(SHEET_CHILDREN)})", fa.distributed,
                 book.f_money, "katram ne vairāk par N − P"))
    rows.append(("Nesadalītais atlikums, EUR", f"B{r_pool}-B{r_dist}", fa.unallocated, book.f_money,
                 "ko neviens nevar saņemt, jo visi sasnieguši N"))
    rows.append(("Bērnu skaits pārdalē (N > P)", f"{muni}D{total_row}", agg.pilot.eligible, book.f_whole, ""))
    rows.append(("Σ IB galīgais (F), EUR", f"{muni}K{total_row}", agg.pilot.final, book.f_money,
                 ("PROVIZORISKI (bāzes apmērs B nav apstiprināts); " if c.provisional else "")
                 + "galīgie apmēri pa pašvaldībām: mape galigie-apmeri/"))
    # Σ F reconciled with the IB the plan lines take (D174): A = F funds whole units only
    r_final = DATA_FIRST + len(rows) - 1
    lines_ib = agg.funding(None)
    rows.append(("Σ no IB plāna rindās, EUR", f"SUM({lines['ib'].range(SHEET_LINES)})", lines_ib, book.f_money,
                 f"lapā „{SHEET_SERVICES}” – „Kopā no IB EUR”, lapā „{SHEET_CASH}” – „Kopā plānots no IB EUR”; aprēķināts "
                 "ar šo F"))
    rows.append(("F daļa, ko plāna rindas neizmanto, EUR", f"B{r_final}-B{r_final + 1}", agg.final_unused(),
                 book.f_money, "Σ F − Σ no IB plāna rindās: pakalpojumu, kura vienība vairs neietilpst atlikumā, "
                 "no IB finansē tikai veselās vienībās (lēmums D4)"))
    for text, col in (("Rādītājs", 0), ("Vērtība", 1), ("Paskaidrojums", 2)):
        ws.write_string(DATA_FIRST - 2, col, text, book.f_head)
    for i, (label, formula, value, fmt, note) in enumerate(rows):
        row = DATA_FIRST + i
        book.value(ws, row, 0, label, book.f_wrap)  # a long label wraps, never cut
        if formula is None:
            book.value(ws, row, 1, value, fmt)
        else:
            book.formula(ws, row, 1, formula, value, fmt)
        book.value(ws, row, 2, note or "", book.f_wrap)
        book.fit_row(ws, row, [(label, 52, False), (note or "", 60, False)])
    _sheet_notes(book, ws, DATA_FIRST + len(rows) + 1)
    ws.activate()


def _sheet_notes(book: SummaryBook, ws: Worksheet, row: int) -> None:
    """What each sheet shows, on a page of its own: the title and note rows of the wide sheets are not printed
    with them (``print_setup``), and the narrow ones („Atšķirības”, „Neizmantotās matricas”, „Piezīmes par failiem”)
    are named too, so that the front pages say where everything is (audit35 F6). Only the summary's title and note
    repeat above it, not the figures' headers."""
    ws.repeat_rows(0, DATA_FIRST - 3)
    ws.set_h_pagebreaks([row - 1])
    ws.write_string(row - 1, 0, "Lapa", book.f_head)
    ws.merge_range(row - 1, 1, row - 1, 2, "Ko lapa rāda", book.f_head)
    for name, (title, note) in book.notes.items():
        row += 1
        text = f"{title}. {note}"
        book.value(ws, row, 0, f"„{name}”", book.f_wrap)  # quoted: not read as the figure of the same name above
        ws.merge_range(row - 1, 1, row - 1, 2, text, book.f_wrap)
        book.fit_row(ws, row, [(text, 76, False)])
