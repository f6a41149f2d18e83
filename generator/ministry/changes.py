"""What a collection changed against the result it replaces (D362).

A second `ibm collect` into the same --out replaces the earlier summary and CSVs. The analyst must see what the new
result changes before sending it on: a child removed from the input drops out of the municipality's CSV, a child's N,
A or F moves, the default funding and Σ F move with the children. The earlier result is read from the summary
workbook collect itself wrote there (its manifest names it with its SHA-256, output.check_ownership): the sheet
„Bērni” (each child's code, municipality, P, N, A, F and F status) and the sheet „Kopsavilkums” (the period, the day it
was prepared and the funding). Children are compared by pseudonym only – never by name.

A result none of whose pseudonyms is among the new ones (both with children) is not compared child by child either:
the pseudonymisation key most likely changed, and a list of removed and added children side by side would link the
old pseudonyms to the new ones, undoing a deliberate key change; one line says so with Σ F before and after.

A first collection compares nothing and says nothing. An earlier result that cannot be read (its summary gone, written
by a version without a column read here, a damaged file) is said in one line; the collection goes on.

D368: the replaced summary's period, day and municipality codes are read from its custom document properties
(summary_meta, written by collect; a summary written before them: its title's period and day by the regexes below, the
municipalities by name). Children's municipalities are matched by catalogue code, so a municipality renamed in the
catalogue is one note, not „mainīts: pašvaldība” for each child. Whenever a result is replaced the new summary has the
sheet „Izmaiņas pret iepriekšējo” – with only a note when nothing is compared child by child (nothing changed, another
period, another key, an unreadable summary). When nothing changed, the rows of changes the replaced summary listed
hold for the new result as well (it is the same), so they are carried over with the day of the result they are
against: a re-run does not lose the list the analyst may not have read yet."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from xlsxwriter.worksheet import Worksheet

from generator.lvformat import agree, eur
from generator.lvformat import date as lv_date
from generator.ministry.collection import Collection
from generator.ministry.reading import file_digest
from generator.ministry.summary_book import (
    DATA_FIRST,
    LINE_HEIGHT,
    SHEET_CHILDREN,
    SHEET_SUMMARY,
    SummaryBook,
    header_width,
    money_width,
    name_width,
    wrapped_lines,
)
from generator.ministry.summary_children import CHILD_COLUMNS
from generator.ministry.summary_front import ENVELOPE_LABEL
from generator.ministry.summary_meta import SummaryMeta, read_meta
from generator.ministry.xlsxread import XlsxReadError, read_xlsx
from generator.money import cents, to_decimal

SHEET_CHANGES = "Izmaiņas pret iepriekšējo"
# the amounts compared, by their short names as the sheets' headers end („IB galīgais EUR (F)”)
AMOUNTS = ("P", "N", "A", "F")
STATUS = "statuss"
MUNICIPALITY = "pašvaldība"
ADDED, REMOVED, CHANGED = "pievienots", "izņemts", "mainīts"
MINUS = "\u2212"


@dataclass(frozen=True)
class ChildRow:
    """One child of a result as the sheet „Bērni” shows it: amounts in cents, the municipality by its short name."""

    code: str
    municipality: str
    amounts: tuple[Decimal, Decimal, Decimal, Decimal]  # P, N, A, F
    status: str
    muni_code: str = ""  # the municipality's catalogue code ("": a summary written before D368 – matched by name)


@dataclass(frozen=True)
class Carried:
    """The rows of changes a replaced summary listed (its sheet „Izmaiņas pret iepriekšējo”, values as written) and the
    day of the result they are against (None: not known)."""

    against: dt.date | None
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class Earlier:
    """The replaced result: its children by pseudonym, its period, funding and the day it was prepared."""

    children: dict[str, ChildRow]
    period: str
    envelope: Decimal | None
    day: dt.date | None
    carried: Carried | None = None  # the replaced summary's own rows of changes (D368)


@dataclass(frozen=True)
class ChildChange:
    kind: str  # ADDED, REMOVED or CHANGED
    before: ChildRow | None
    after: ChildRow | None
    what: tuple[str, ...] = ()  # for CHANGED: the amounts (P, N, A, F), „statuss”, „pašvaldība” that changed

    @property
    def code(self) -> str:
        return (self.after or self.before).code  # type: ignore[union-attr]

    @property
    def municipality(self) -> str:
        return (self.after or self.before).municipality  # type: ignore[union-attr]

    @property
    def label(self) -> str:
        return f"{CHANGED}: {', '.join(self.what)}" if self.kind == CHANGED else self.kind


@dataclass
class MunicipalityChanges:
    name: str
    children: list[ChildChange] = field(default_factory=list)
    before: tuple[Decimal, ...] = (Decimal(0),) * 4  # Σ P, N, A, F of the whole municipality
    after: tuple[Decimal, ...] = (Decimal(0),) * 4

    def count(self, kind: str) -> int:
        return sum(1 for c in self.children if c.kind == kind)


@dataclass
class Changes:
    """The comparison with the replaced result; ``problem``: why it could not be made (one line), else None."""

    problem: str | None = None
    day: dt.date | None = None
    other_period: str | None = None  # the replaced result's period when it was another one (nothing compared)
    other_key: bool = False  # no pseudonym of the replaced result is among the new ones (nothing compared)
    municipalities: list[MunicipalityChanges] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (code, name before, name now), D368
    carried: Carried | None = None  # nothing changed: the replaced summary's rows of changes, still true (D368)
    envelope: tuple[Decimal | None, Decimal] | None = None
    final: tuple[Decimal, Decimal] = (Decimal(0), Decimal(0))  # Σ F before, after
    totals: tuple[tuple[Decimal, ...], tuple[Decimal, ...]] = ((Decimal(0),) * 4, (Decimal(0),) * 4)  # Σ P, N, A, F

    @property
    def any(self) -> bool:
        """Something differs: a child, an amount, a status or the funding."""
        moved = self.envelope is not None and self.envelope[0] is not None and self.envelope[0] != self.envelope[1]
        return bool(self.municipalities) or moved

    @property
    def count(self) -> dict[str, int]:
        # by child: one that moved to another municipality is listed under both
        return {kind: len({c.code for m in self.municipalities for c in m.children if c.kind == kind})
                for kind in (ADDED, REMOVED, CHANGED)}


# --- reading the replaced result ------------------------------------------------------------------------------
_HEADERS = {key: text for key, text, _ in CHILD_COLUMNS}
_NEEDED = ("kods", "muni", "P", "N", "A", "F", "status")
# a summary written before D368 has no custom properties: its period and day are read from its title and row 2
_PERIOD = re.compile(r"pārskata periods (\S+)\s*$")
_DAY = re.compile(r"Sagatavots (\d{2})\.(\d{2})\.(\d{4})")


def read_earlier(summary: Path, digest: str | None) -> Earlier | str:
    """The result of the summary workbook ``summary`` that an earlier `ibm collect` wrote (``digest``: its SHA-256 as
    the manifest records it), or why it cannot be read (a Latvian phrase)."""
    if not summary.is_file():
        return f"iepriekšējā kopsavilkuma {summary.name} vairs nav"
    try:
        if digest is not None and file_digest(summary) != digest:
            return f"iepriekšējais kopsavilkums {summary.name} mainīts pēc izveides"
        meta = read_meta(summary)
        book = read_xlsx(summary, [SHEET_CHILDREN, SHEET_SUMMARY, SHEET_CHANGES])
    except (OSError, XlsxReadError, zipfile.BadZipFile):
        return f"iepriekšējo kopsavilkumu {summary.name} nevar nolasīt"
    children_cells = book.cells.get(SHEET_CHILDREN)
    front = book.cells.get(SHEET_SUMMARY)
    if children_cells is None or front is None:
        return f"iepriekšējā kopsavilkumā {summary.name} nav lapas „{SHEET_CHILDREN}” vai „{SHEET_SUMMARY}”"
    head = DATA_FIRST - 1
    columns = {cell.value: col for (row, col), cell in children_cells.items() if row == head and cell.value}
    missing = [_HEADERS[k] for k in _NEEDED if _HEADERS[k] not in columns]
    if missing:
        return (f"iepriekšējā kopsavilkuma {summary.name} lapā „{SHEET_CHILDREN}” nav kolonnas „{missing[0]}” (to "
                "uzrakstīja cita rīkkopas versija)")
    col = {k: columns[_HEADERS[k]] for k in _NEEDED}
    children: dict[str, ChildRow] = {}
    row = DATA_FIRST
    try:
        while (code := _value(children_cells, row, col["kods"])) not in (None, ""):
            amounts = tuple(cents(to_decimal(_value(children_cells, row, col[k]) or 0)) for k in AMOUNTS)
            muni = str(_value(children_cells, row, col["muni"]) or "")
            children[str(code)] = ChildRow(str(code), muni, amounts,  # type: ignore[arg-type]
                                           str(_value(children_cells, row, col["status"]) or ""),
                                           meta.municipalities.get(muni, ""))
            row += 1
    except (ArithmeticError, ValueError, TypeError):
        return f"iepriekšējā kopsavilkuma {summary.name} lapas „{SHEET_CHILDREN}” {row}. rindā nav skaitļa"
    period, day = (meta.period or "", meta.prepared) if meta.found else _from_title(front)
    carried = _carried(book.cells.get(SHEET_CHANGES), meta)
    envelope = None
    for (r, c), cell in front.items():
        if c == 1 and cell.value == ENVELOPE_LABEL:
            value = _value(front, r, 2)
            envelope = cents(to_decimal(value)) if isinstance(value, int | float) else None
            break
    return Earlier(children, period, envelope, day, carried)


def _from_title(front: dict) -> tuple[str, dt.date | None]:
    """The period and day of a summary written before D368, from its title and „Sagatavots” line."""
    title = str(_value(front, 1, 1) or "")
    period = match.group(1) if (match := _PERIOD.search(title)) else ""
    day = None
    if match := _DAY.search(str(_value(front, 2, 1) or "")):
        try:
            day = dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            day = None
    return period, day


def _carried(cells: dict | None, meta: SummaryMeta) -> Carried | None:
    """The rows of changes the replaced summary lists (its properties name the day they are against), as written."""
    if cells is None or meta.changes_against is None:
        return None
    rows = []
    row = DATA_FIRST
    while _value(cells, row, 1) not in (None, ""):  # 1-based columns
        rows.append(tuple(_value(cells, row, c + 1) for c in range(len(COLUMNS))))
        row += 1
    return Carried(meta.changes_against, tuple(rows)) if rows else None


def _value(cells: dict, row: int, col: int) -> object:
    cell = cells.get((row, col))
    return None if cell is None else cell.value


# --- comparing ------------------------------------------------------------------------------------------------
def current_rows(collection: Collection, names: dict[str, str]) -> dict[str, ChildRow]:
    """The new result's children as its sheet „Bērni” shows them (summary_children.children_sheet)."""
    finals = collection.finals.by_id()
    return {r.code: ChildRow(r.code, names.get(r.municipality, r.municipality),
                             tuple(cents(v) for v in (r.result.provisional, r.result.needed, r.result.available,  # type: ignore[misc]
                                                      finals[r.code].final)),
                             collection.status(r), r.municipality)
            for r in collection.records}


def compare(earlier: Earlier | str, now: dict[str, ChildRow], period: str, envelope: Decimal) -> Changes:
    """The new result against the replaced one, per municipality (by its catalogue code, D368; by the name the sheets
    show for a replaced summary without codes); only municipalities where a child was added, removed or changed are
    listed, each under its name now, and a municipality whose name changed is one ``renamed`` entry."""
    if isinstance(earlier, str):
        return Changes(problem=earlier)
    if earlier.period and earlier.period != period:
        return Changes(day=earlier.day, other_period=earlier.period)
    if earlier.children and now and not set(earlier.children) & set(now):  # another key: no child by child
        return Changes(day=earlier.day, other_key=True, final=(
            sum((row.amounts[3] for row in earlier.children.values()), Decimal(0)),
            sum((row.amounts[3] for row in now.values()), Decimal(0))))
    by_name = {row.municipality: row.muni_code for row in now.values() if row.muni_code}

    def key(row: ChildRow) -> str:
        return row.muni_code or by_name.get(row.municipality, row.municipality)

    shown: dict[str, str] = {}  # key → the name shown: now's, else the replaced summary's
    old_names: dict[str, str] = {}
    for row in earlier.children.values():
        shown.setdefault(key(row), row.municipality)
        old_names.setdefault(key(row), row.municipality)
    for row in now.values():
        shown[key(row)] = row.municipality
    renamed = sorted((k, old_names[k], shown[k]) for k in old_names if old_names[k] != shown[k])
    totals: dict[str, list[list[Decimal]]] = defaultdict(lambda: [[Decimal(0)] * 4, [Decimal(0)] * 4])
    for side, rows in ((0, earlier.children), (1, now)):
        for row in rows.values():
            for i, amount in enumerate(row.amounts):
                totals[key(row)][side][i] += amount
    found: dict[str, MunicipalityChanges] = {}

    def listed(k: str) -> MunicipalityChanges:
        return found.setdefault(k, MunicipalityChanges(shown[k], before=tuple(totals[k][0]),
                                                       after=tuple(totals[k][1])))

    for code in sorted(set(earlier.children) | set(now)):
        before, after = earlier.children.get(code), now.get(code)
        if before is None:
            change = ChildChange(ADDED, None, after)
        elif after is None:
            change = ChildChange(REMOVED, before, None)
        else:
            what = tuple(name for name, a, b in zip(AMOUNTS, before.amounts, after.amounts, strict=True) if a != b)
            what += (STATUS,) if before.status != after.status else ()
            what += (MUNICIPALITY,) if key(before) != key(after) else ()
            if not what:
                continue
            change = ChildChange(CHANGED, before, after, what)
        listed(key(change.after or change.before)).children.append(change)  # type: ignore[arg-type]
        if MUNICIPALITY in change.what:  # a child now in another municipality is listed under both
            listed(key(change.before)).children.append(change)  # type: ignore[arg-type]
    before, after = (tuple(sum((side[s][i] for side in totals.values()), Decimal(0)) for i in range(4))
                     for s in (0, 1))
    result = Changes(day=earlier.day, municipalities=sorted(found.values(), key=lambda m: m.name), renamed=renamed,
                     envelope=(earlier.envelope, cents(envelope)), final=(before[3], after[3]), totals=(before, after))
    if not result.any and earlier.carried is not None:  # the same result: the replaced one's rows still hold
        result.carried = earlier.carried
    return result


# --- saying it --------------------------------------------------------------------------------------------------
def signed(amount: Decimal) -> str:
    """A difference with its sign: „+171,00 EUR”, „−419,00 EUR” (the true minus), „0,00 EUR”."""
    if amount == 0:
        return eur(amount)
    return ("+" if amount > 0 else MINUS) + eur(abs(amount))


def moved(before: Decimal, after: Decimal) -> str:
    """„2 333,00 EUR → 1 914,00 EUR (−419,00 EUR)”, or „1 914,00 EUR (nemainīgs)”."""
    if before == after:
        return f"{eur(after)} (nemainīgs)"
    return f"{eur(before)} → {eur(after)} ({signed(after - before)})"


def children_counts(added: int, removed: int, changed: int) -> str:
    """„1 bērns pievienots, 2 izņemti, 3 mainīti” (only the kinds there are)."""
    parts = []
    for n, one, many in ((added, "pievienots", "pievienoti"), (removed, "izņemts", "izņemti"),
                         (changed, "mainīts", "mainīti")):
        if n:
            parts.append(f"{n} {agree(n, one, many)}")
    if not parts:
        return "bērni nav mainīti"
    first = parts[0].split(" ", 1)
    n = int(first[0])
    parts[0] = f"{n} {agree(n, 'bērns', 'bērni')} {first[1]}"
    return ", ".join(parts)


def replaced_from(changes: Changes) -> str:
    """„aizstāto rezultātu (kopsavilkums sagatavots 05.12.2026)”."""
    return "aizstāto rezultātu" + (f" (kopsavilkums sagatavots {lv_date(changes.day)})" if changes.day else "")


def renamed_lines(changes: Changes) -> list[str]:
    """One note per municipality whose name in the catalogue changed, its code the same (D368)."""
    return [f"Piezīme: pašvaldības „{old}” nosaukums katalogā tagad ir „{new}” (kods {code}); tās bērni salīdzināti pēc "
            "koda." for code, old, new in changes.renamed]


def carried_clause(changes: Changes) -> str:
    """Of a nothing-changed comparison: the replaced result's rows of changes the sheet keeps (D368)."""
    if changes.carried is None:
        return ""
    against = (f" pret rezultātu, kas sagatavots {lv_date(changes.carried.against)}" if changes.carried.against
               else "")
    return (f"; lapā „{SHEET_CHANGES}” paliek aizstātā rezultāta izmaiņas{against} – tās attiecas arī uz šo "
            "rezultātu")


def console_lines(changes: Changes) -> list[str]:
    """A line on the whole comparison, a short line per municipality that changed (D362) and a note per municipality
    renamed in the catalogue (D368)."""
    return _lines(changes) + renamed_lines(changes)


def _lines(changes: Changes) -> list[str]:
    if changes.problem:
        return [f"Piezīme: jauno rezultātu nevar salīdzināt ar aizstāto – {changes.problem}; izmaiņas nav parādītas."]
    if changes.other_period:
        return [f"Piezīme: aizstātais rezultāts bija par citu pārskata periodu ({changes.other_period}); bērnu apmēri "
                "ar to nav salīdzināti."]
    if changes.other_key:
        day = f" (kopsavilkums sagatavots {lv_date(changes.day)})" if changes.day else ""
        return [f"Piezīme: neviens bērna pseidonīms aizstātajā rezultātā{day} nesakrīt ar jaunajiem – visticamāk, "
                "mainīta pseidonimizācijas atslēga; bērnu apmēri ar to nav salīdzināti; Σ F iepriekš un tagad: "
                f"{moved(*changes.final)}."]
    if not changes.any:
        same = ("tie paši bērni, apmēri, statusi un finansējums" if changes.envelope and changes.envelope[0] is not None
                else "tie paši bērni, apmēri un statusi")
        return [f"Salīdzinājumā ar {replaced_from(changes)} nekas nav mainījies: {same}{carried_clause(changes)}."]
    n = changes.count
    parts = []
    before_env, after_env = changes.envelope or (None, None)
    if before_env is not None and after_env is not None:
        parts.append(f"finansējums {moved(before_env, after_env)}")
    parts.append(f"Σ F {moved(*changes.final)}")
    parts.append(children_counts(n[ADDED], n[REMOVED], n[CHANGED]))
    lines = [f"Izmaiņas salīdzinājumā ar {replaced_from(changes)}: " + "; ".join(parts)
             + (f" – katrs bērns ar apmēriem lapā „{SHEET_CHANGES}”." if changes.municipalities else ".")]
    for m in changes.municipalities:
        lines.append(f"  {m.name}: {children_counts(m.count(ADDED), m.count(REMOVED), m.count(CHANGED))}; "
                     f"Σ F {moved(m.before[3], m.after[3])}.")
    return lines


# --- the sheet ------------------------------------------------------------------------------------------------------
# Two rows a child (the replaced result, then the new one) – P, N, A, F and the status once each: the table prints on
# one page across at 9 pt (D368; side by side, before and after took 14 columns and two pages)
BEFORE, AFTER = "iepriekš", "tagad"
COLUMNS = [("Pašvaldība", 12.0), ("Bērna kods (pseidonīms)", 16.0), ("Izmaiņa", 15.0), ("Rezultāts", 9.0),
           ("F EUR", 11.0), ("F izmaiņa EUR", 11.0), ("F statuss", 14.0),
           *[(f"{name} EUR", 11.0) for name in AMOUNTS[:3]]]
TOTAL = "kopā"
ALL = "Visas pašvaldības"
FUNDING = "finansējums"
SHEET_TITLE = "Izmaiņas pret iepriekšējo savākšanu"


def listed(changes: Changes) -> bool:
    """The sheet has a table: rows of changes now, or the replaced summary's carried over (D368)."""
    return changes.problem is None and (changes.any or changes.carried is not None)


def against_day(changes: Changes) -> dt.date | None:
    """The day of the result the sheet's rows are against (summary_meta.CHANGES_AGAINST): the replaced one's, or for
    rows carried over the day they were against."""
    if changes.carried is not None:
        return changes.carried.against
    return changes.day if listed(changes) else None


def sheet_note(changes: Changes) -> str:
    renamed = " ".join(line.removeprefix("Piezīme: ") for line in renamed_lines(changes))
    renamed = f" {renamed}" if renamed else ""
    if not listed(changes):  # one note: nothing compared child by child, or nothing changed (D368)
        said = " ".join(line.removeprefix("Piezīme: ") for line in _lines(changes))
        return f"{said[:1].upper()}{said[1:]}{renamed} (lēmumi D362, D368)"
    if changes.carried is not None:
        return (f"{_lines(changes)[0]}{renamed} Tālāk – rindas, kādas tās bija aizstātajā kopsavilkumā: katram bērnam "
                f"rinda „{BEFORE}” un rinda „{AFTER}” (lēmumi D362, D368).")
    n = changes.count
    before_env, after_env = changes.envelope or (None, None)
    funding = (f"Programmas kārtas finansējums periodam: {moved(before_env, after_env)} (rinda „{FUNDING}”, aile "
               "F). " if before_env is not None and after_env is not None else "")
    day = f" (sagatavots {lv_date(changes.day)})" if changes.day else ""
    return (f"Šis rezultāts aizstāja iepriekšējo{day}; te katrs "
            f"bērns (pēc pseidonīma), kas pievienots, izņemts vai kura P, N, A, F, F statuss vai pašvaldība mainīts: "
            f"{children_counts(n[ADDED], n[REMOVED], n[CHANGED])} – katram rinda „{BEFORE}” un rinda „{AFTER}”. Rinda "
            f"„{TOTAL}” – visu pašvaldības bērnu summas iepriekš un tagad, rinda „{ALL}” – visu bērnu summas. {funding}Σ F "
            f"visām pašvaldībām: {moved(*changes.final)}.{renamed} Salīdzināts ar iepriekšējā kopsavilkuma lapu „Bērni”, "
            "pašvaldības – pēc kataloga koda (lēmumi D362, D368).")


def changes_sheet(book: SummaryBook, ws: Worksheet, changes: Changes) -> None:
    """„Izmaiņas pret iepriekšējo”: for each added, removed or changed child, its row before and its row now; the
    municipality's totals before and after, the totals of all municipalities and the funding (values: the replaced
    result is no sheet of this book). Only a note when nothing is listed (D368). Printed: A4 landscape, the whole
    table on one page across (≥ 8 pt), its column headers repeated on every page, the summary's title and period and
    the sheet's title in the page header, the page number in the footer (SummaryBook.print_setup)."""
    if not listed(changes):
        ws.write_string(0, 0, SHEET_TITLE, book.f_title)
        note = sheet_note(changes)
        ws.set_column(0, 0, 120)
        ws.write_string(1, 0, note, book.f_note_wrap)
        ws.set_row(1, wrapped_lines(note, 120) * LINE_HEIGHT)
        book.notes[ws.get_name()] = (SHEET_TITLE, note)
        book.print_setup(ws, 0, SHEET_TITLE)
        return
    rows = _rows(changes)
    widths = book.header(ws, SHEET_TITLE, sheet_note(changes), _columns(rows), key_cols=2)
    # at 100 % the columns fit one page across (never scaled: the 8 pt page header would shrink below 8 pt; the
    # LibreOffice print test measures it)
    heights = []
    for row, (cells, bold) in enumerate(rows, start=DATA_FIRST):
        text, money = (book.f_sum_wrap, book.f_sum_money) if bold else (book.f_wrap, book.f_money)
        for col, value in enumerate(cells):
            book.value(ws, row, col, value, money if col in MONEY_COLUMNS else text)
        lines = max(wrapped_lines(str(cells[c] or ""), widths[c], bold) for c in (0, 1, 2, 6))
        book.fit_row(ws, row, [(str(cells[c] or ""), widths[c], bold) for c in (0, 1, 2, 6)])
        heights.append(lines * LINE_HEIGHT if lines > 1 else DEFAULT_ROW)
    header = max([3] + [wrapped_lines(t, w, bold=True) for (t, _), w in zip(COLUMNS, widths, strict=True)]) * LINE_HEIGHT
    breaks = pair_breaks(heights, header)
    if breaks:
        ws.set_h_pagebreaks([DATA_FIRST - 1 + i for i in breaks])


MONEY_COLUMNS = (4, 5, 7, 8, 9)
DEFAULT_ROW = 15.0  # pt: a row without a height of its own (xlsxwriter's default; LibreOffice prints 9 pt lower)
# pt of a landscape A4 page's body between the margins of SummaryBook.print_setup (0,8" and 0,6"), less 5 % as the
# row heights are estimates: a page break computed here must come before the one LibreOffice or Excel would make
PAGE_BODY = (595.3 - (0.8 + 0.6) * 72) * 0.95


def pair_breaks(heights: list[float], header: float) -> list[int]:
    """Where a page must start (indices into ``heights``, the table's rows) so that a child's or a total's row
    „iepriekš” and row „tagad” print on one page (D373): each page holds the repeated column headers (``header`` pt
    high) and whole pairs of rows. Manual row breaks – Excel and LibreOffice both print them."""
    room = PAGE_BODY - header
    breaks, used = [], 0.0
    for i in range(0, len(heights), 2):
        need = sum(heights[i:i + 2])
        if used and used + need > room:
            breaks.append(i)
            used = 0.0
        used += need
    return breaks


def _columns(rows: list[tuple[tuple, bool]]) -> list[tuple[str, float]]:
    """The columns' widths (D373): each money column as wide as its longest amount (a national total of seven digits
    printed „###” in 11 units); the rest of one page across to the municipality's name (a longer one – a renamed
    municipality, „Daugavpils novads (daugavpils-novads)” – took a second page across), the change and the status,
    which wrap in rows as high as their lines: first „F statuss”, then „Izmaiņa”, then the name give way down to
    their longest word (the name: its header's)."""
    widths = [header_width(title, w) for title, w in COLUMNS]
    for col in MONEY_COLUMNS:
        widths[col] = max(money_width([cells[col] for cells, bold in rows if not bold], widths[col]),
                          money_width([cells[col] for cells, bold in rows if bold], widths[col], bold=True))
    widths[0] = max(widths[0], name_width([str(cells[0] or "") for cells, _ in rows], bold=True))
    for col in (6, 2, 0):
        over = sum(widths) - ACROSS
        if over > 0:  # never narrower than its header's or (the change, the status) its cells' longest word
            words = [len(w) * (0.95 if bold else 0.85) + 1.5 for cells, bold in rows for w in str(cells[col] or "").split()]
            longest = min(max(words, default=0.0), 20.0) if col else 0.0  # „(daugavpils-novads)” breaks at its hyphen
            widths[col] = max(header_width(COLUMNS[col][0], 0), longest, widths[col] - over)
    return [(title, w) for (title, _), w in zip(COLUMNS, widths, strict=True)]


# column units of the table's ten columns on one landscape A4 page at 100 % (LibreOffice 7.4 printed 134 on one page,
# 135 on two; Excel prints a column 7 px a unit + 5 px of the 96-dpi page, 1 045 px across): 2 units to spare
ACROSS = 132.0


def _rows(changes: Changes) -> list[tuple[tuple, bool]]:
    """The table's rows (cells, bold): for each child its row before and its row now, then the municipality's
    totals; the totals of all municipalities and the funding; or the replaced summary's rows carried over."""
    if changes.carried is not None:
        return [(tuple(cells) + (None,) * (len(COLUMNS) - len(cells)), str(cells[1]) in (TOTAL, FUNDING))
                for cells in changes.carried.rows]
    rows: list[tuple[tuple, bool]] = []

    def write(muni: str, code: str, label: str, before: tuple | None, after: tuple | None,
              status: tuple[str, str], bold: bool = False) -> None:
        diff = (after[3] if after else Decimal(0)) - (before[3] if before else Decimal(0))
        for when, amounts, state, change in ((BEFORE, before, status[0], None), (AFTER, after, status[1], diff)):
            rows.append(((muni, code, label, when, None if amounts is None else amounts[3], change, state or None,
                          *(None if amounts is None else amounts[i] for i in range(3))), bold))

    for m in changes.municipalities:
        for c in m.children:
            write(m.name, c.code, c.label, c.before.amounts if c.before else None,
                  c.after.amounts if c.after else None,
                  (c.before.status if c.before else "", c.after.status if c.after else ""))
        write(m.name, TOTAL, children_counts(m.count(ADDED), m.count(REMOVED), m.count(CHANGED)), m.before, m.after,
              ("", ""), bold=True)
    n = changes.count
    write(ALL, TOTAL, children_counts(n[ADDED], n[REMOVED], n[CHANGED]), *changes.totals, ("", ""), bold=True)
    before_env, after_env = changes.envelope or (None, None)
    if before_env is not None and after_env is not None:
        none = (None, None, None)
        write(ALL, FUNDING, "programmas kārtas finansējums periodam", (*none, before_env), (*none, after_env),
              ("", ""), bold=True)
    return rows
