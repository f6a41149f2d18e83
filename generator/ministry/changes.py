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
by a version without a column read here, a damaged file) is said in one line; the collection goes on."""

from __future__ import annotations

import datetime as dt
import re
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
    SHEET_CHILDREN,
    SHEET_SUMMARY,
    SummaryBook,
    group_page_breaks,
    name_width,
)
from generator.ministry.summary_children import CHILD_COLUMNS
from generator.ministry.summary_front import ENVELOPE_LABEL
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


@dataclass(frozen=True)
class Earlier:
    """The replaced result: its children by pseudonym, its period, funding and the day it was prepared."""

    children: dict[str, ChildRow]
    period: str
    envelope: Decimal | None
    day: dt.date | None


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
        book = read_xlsx(summary, [SHEET_CHILDREN, SHEET_SUMMARY])
    except (OSError, XlsxReadError):
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
            children[str(code)] = ChildRow(str(code), str(_value(children_cells, row, col["muni"]) or ""),
                                           amounts, str(_value(children_cells, row, col["status"]) or ""))  # type: ignore[arg-type]
            row += 1
    except (ArithmeticError, ValueError, TypeError):
        return f"iepriekšējā kopsavilkuma {summary.name} lapas „{SHEET_CHILDREN}” {row}. rindā nav skaitļa"
    title = str(_value(front, 1, 1) or "")
    period = match.group(1) if (match := _PERIOD.search(title)) else ""
    day = None
    if match := _DAY.search(str(_value(front, 2, 1) or "")):
        try:
            day = dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            day = None
    envelope = None
    for (r, c), cell in front.items():
        if c == 1 and cell.value == ENVELOPE_LABEL:
            value = _value(front, r, 2)
            envelope = cents(to_decimal(value)) if isinstance(value, int | float) else None
            break
    return Earlier(children, period, envelope, day)


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
                             collection.status(r))
            for r in collection.records}


def compare(earlier: Earlier | str, now: dict[str, ChildRow], period: str, envelope: Decimal) -> Changes:
    """The new result against the replaced one, per municipality (by the municipality's name as the sheets show it);
    only municipalities where a child was added, removed or changed are listed."""
    if isinstance(earlier, str):
        return Changes(problem=earlier)
    if earlier.period and earlier.period != period:
        return Changes(day=earlier.day, other_period=earlier.period)
    if earlier.children and now and not set(earlier.children) & set(now):  # another key: no child by child
        return Changes(day=earlier.day, other_key=True, final=(
            sum((row.amounts[3] for row in earlier.children.values()), Decimal(0)),
            sum((row.amounts[3] for row in now.values()), Decimal(0))))
    totals: dict[str, list[list[Decimal]]] = defaultdict(lambda: [[Decimal(0)] * 4, [Decimal(0)] * 4])
    for side, rows in ((0, earlier.children), (1, now)):
        for row in rows.values():
            for i, amount in enumerate(row.amounts):
                totals[row.municipality][side][i] += amount
    found: dict[str, MunicipalityChanges] = {}
    for code in sorted(set(earlier.children) | set(now)):
        before, after = earlier.children.get(code), now.get(code)
        if before is None:
            change = ChildChange(ADDED, None, after)
        elif after is None:
            change = ChildChange(REMOVED, before, None)
        else:
            what = tuple(name for name, a, b in zip(AMOUNTS, before.amounts, after.amounts, strict=True) if a != b)
            what += (STATUS,) if before.status != after.status else ()
            what += (MUNICIPALITY,) if before.municipality != after.municipality else ()
            if not what:
                continue
            change = ChildChange(CHANGED, before, after, what)
        muni = change.municipality
        found.setdefault(muni, MunicipalityChanges(muni, before=tuple(totals[muni][0]), after=tuple(totals[muni][1])))
        found[muni].children.append(change)
    # a child now in another municipality is listed under both: the one it left changed too
    for c in [c for m in list(found.values()) for c in m.children if MUNICIPALITY in c.what]:
        old = c.before.municipality  # type: ignore[union-attr]
        found.setdefault(old, MunicipalityChanges(old, before=tuple(totals[old][0]), after=tuple(totals[old][1])))
        found[old].children.append(c)
        found[old].children.sort(key=lambda x: x.code)
    before, after = (tuple(sum((side[s][i] for side in totals.values()), Decimal(0)) for i in range(4))
                     for s in (0, 1))
    return Changes(day=earlier.day, municipalities=[found[m] for m in sorted(found)],
                   envelope=(earlier.envelope, cents(envelope)), final=(before[3], after[3]), totals=(before, after))


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


def console_lines(changes: Changes) -> list[str]:
    """A line on the whole comparison and a short line per municipality that changed (D362)."""
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
        return [f"Salīdzinājumā ar {replaced_from(changes)} nekas nav mainījies: {same}."]
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
# F, its change and status first: the page a printed sheet starts with holds what the CSV sends; P, N and A follow
COLUMNS = [("Pašvaldība", 12.0), ("Bērna kods (pseidonīms)", 17.0), ("Izmaiņa", 16.0),
           ("F iepriekš EUR", 11.0), ("F tagad EUR", 11.0), ("F izmaiņa EUR", 11.0), ("F statuss iepriekš", 15.0),
           ("F statuss tagad", 15.0),
           *[(f"{name} {when} EUR", 11.0) for name in AMOUNTS[:3] for when in ("iepriekš", "tagad")]]
GROUPS = [2, 3, 6, 8, 10, 12]  # the column groups a printed page never splits (after the key columns)
TOTAL = "kopā"
ALL = "Visas pašvaldības"
FUNDING = "finansējums"


def sheet_note(changes: Changes) -> str:
    n = changes.count
    before_env, after_env = changes.envelope or (None, None)
    funding = (f"Programmas kārtas finansējums periodam: {moved(before_env, after_env)} (rinda „{FUNDING}”, ailēs "
               "F). " if before_env is not None and after_env is not None else "")
    day = f" (sagatavots {lv_date(changes.day)})" if changes.day else ""
    return (f"Šis rezultāts aizstāja iepriekšējo{day}; te katrs "
            f"bērns (pēc pseidonīma), kas pievienots, izņemts vai kura P, N, A, F, F statuss vai pašvaldība mainīts: "
            f"{children_counts(n[ADDED], n[REMOVED], n[CHANGED])}. Rinda „{TOTAL}” – visu pašvaldības bērnu summas "
            f"iepriekš un tagad, rinda „{ALL}” – visu bērnu summas. {funding}Σ F visām pašvaldībām: {moved(*changes.final)}. Salīdzināts ar iepriekšējā "
            "kopsavilkuma lapu „Bērni” (lēmums D362).")


def changes_sheet(book: SummaryBook, ws: Worksheet, changes: Changes) -> None:
    """„Izmaiņas pret iepriekšējo”: a row per added, removed or changed child, the municipality's totals before and
    after, the totals of all municipalities and the funding (values: the replaced result is no sheet of this book)."""
    names = [m.name for m in changes.municipalities] + [ALL]
    columns = [(t, name_width(names, bold=True) if i == 0 else w) for i, (t, w) in enumerate(COLUMNS)]
    widths = book.header(ws, "Izmaiņas pret iepriekšējo savākšanu", sheet_note(changes), columns, key_cols=2)
    # whole column groups (GROUPS) beside the two key columns; each printed column adds some 0,7 units of padding
    # (as summary_children.lines_sheet)
    group_page_breaks(ws, widths, list(GROUPS), keys=2, padding=0.7)
    row = DATA_FIRST

    def write(muni: str, code: str, label: str, before: tuple | None, after: tuple | None,
              status: tuple[str, str], bold: bool = False) -> None:
        nonlocal row
        text, money = (book.f_sum_wrap, book.f_sum_money) if bold else (book.f_wrap, book.f_money)
        diff = (after[3] if after else Decimal(0)) - (before[3] if before else Decimal(0))
        cells = [(muni, text), (code, text), (label, text),
                 (None if before is None else before[3], money), (None if after is None else after[3], money),
                 (diff, money), (status[0], text), (status[1], text)]
        for i in range(3):
            cells += [(None if before is None else before[i], money), (None if after is None else after[i], money)]
        for col, (value, fmt) in enumerate(cells):
            book.value(ws, row, col, value, fmt)
        book.fit_row(ws, row, [(muni, widths[0], bold), (label, widths[2], bold), (status[0], widths[6], bold),
                               (status[1], widths[7], bold)])
        row += 1

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

