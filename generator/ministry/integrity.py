"""Is a filled matrix still the template it was made from? Formulas and fixed cells are compared.

Every cell that is not an input (the template's unlocked cells) is part of the template: a formula
(compared as normalised text) or a fixed value (labels, the 6.8 catalogue, the 6.11 parameters).
For the current template version the file is compared cell by cell with a freshly generated
template; for an older version with the fingerprint of that version in the registry (a short hash
per sheet row, see registry.py), which names the row.

Normalisation absorbs what Excel and LibreOffice change when they save a file: "=" and spaces,
letter case outside strings, ``_xlfn.`` prefixes, TRUE()/FALSE() and number spelling.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from generator.lvformat import agree, number
from generator.lvformat import date as lv_date
from generator.ministry.matrix import PERSONAL_LOOKING, SHOWN_TEXT_CHARS
from generator.ministry.xlsxpatch import excel_serial
from generator.ministry.xlsxread import Coord, XlsxBook, a1
from generator.money import to_decimal
from generator.workbook.build_note import is_note
from generator.workbook.withdrawn_base import is_mark
from generator.workbook.withdrawn_ceilings import is_mark as is_ceiling_mark
from generator.workbook.withdrawn_ceilings import read_rows

Content = dict[str, dict[Coord, str]]

_STRING_RE = re.compile(r'"(?:[^"]|"")*"')
_FUNC_PREFIX_RE = re.compile(r"_xlfn\.|_xlws\.", re.I)
_BOOL_CALL_RE = re.compile(r"\b(TRUE|FALSE)\(\)")


# how a template date is named whose file holds the same day as a plain number (migrate finds its notes by it)
SAME_DAY_UNFORMATTED = "(veidnes datums, saglabāts kā skaitlis bez datuma formāta)"


@lru_cache(maxsize=1 << 17)
def normalise_formula(text: str) -> str:
    text = text.strip().lstrip("=")
    out: list[str] = []
    pos = 0
    for match in _STRING_RE.finditer(text):
        out.append(_normalise_code(text[pos:match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(_normalise_code(text[pos:]))
    return "".join(out)


def _normalise_code(code: str) -> str:
    # Sheet names in quotes keep their case; everything else is case-insensitive in formulas.
    parts = re.split(r"('(?:[^']|'')*')", code)
    result = []
    for part in parts:
        if part.startswith("'"):
            result.append(part)
            continue
        part = _FUNC_PREFIX_RE.sub("", part)
        part = re.sub(r"\s+", "", part).upper()
        part = _BOOL_CALL_RE.sub(r"\1", part)
        result.append(part)
    return "".join(result)


def normalise_value(value: object) -> str:
    if isinstance(value, bool):
        return "b:" + ("1" if value else "0")
    if isinstance(value, dt.datetime):
        return "d:" + value.isoformat()
    if isinstance(value, int | float):
        return "n:" + format(float(value), ".15g")
    return "s:" + str(value)


def content(book: XlsxBook, inputs: Mapping[str, set[Coord]] | None = None) -> Content:
    """Every non-input cell of every sheet: 'f:' + normalised formula or the normalised fixed value; not 6.1's
    note that the matrix was made after its round had ended (workbook/build_note.py): the template has none.

    ``inputs``: the template's input cells per sheet (None: the file's own unlocked cells).
    """
    result: Content = {}
    for sheet in book.sheet_names:
        cells = book.cells.get(sheet, {})
        skip = (inputs.get(sheet, set()) if inputs is not None else book.unlocked.get(sheet, set()))
        sheet_content: dict[Coord, str] = {}
        # the 6.8 rows whose formulas read a mark of a withdrawn ceiling (D319): only there is a day a mark
        marked_rows = read_rows(sheet, ((c, cell.formula) for c, cell in cells.items()
                                        if cell.formula is not None and c not in skip))
        for coord, cell in cells.items():
            if coord in skip:
                continue
            if cell.formula is not None:
                sheet_content[coord] = "f:" + normalise_formula(cell.formula)
            elif cell.value is not None and cell.value != "":
                text = "v:" + normalise_value(cell.value)
                # the note of a matrix made after its round (D277), the mark of a B (D318) or of a 6.8 ceiling (D319)
                # withdrawn by then
                if not (is_note(sheet, coord, text) or is_mark(sheet, coord, text)
                        or is_ceiling_mark(sheet, coord, text, marked_rows)):
                    sheet_content[coord] = text
        result[sheet] = sheet_content
    return result


def row_hashes(cont: Content) -> dict[str, dict[int, str]]:
    """A 12-hex-digit hash of each sheet row's non-input cells."""
    result: dict[str, dict[int, str]] = {}
    for sheet, cells in cont.items():
        rows: dict[int, list[str]] = {}
        for (r, c), text in sorted(cells.items()):
            rows.setdefault(r, []).append(f"{c}\x1f{text}")
        result[sheet] = {r: hashlib.sha256("\x1e".join(v).encode("utf-8")).hexdigest()[:12] for r, v in rows.items()}
    return result


# a changed cell's value is quoted as D221 quotes a pasted text: not when it may hold personal data (a word of
# three or more letters, six digits in a row); the template's own values come from the catalogue and are quoted
HIDDEN_VALUE = "(tā saturu nerāda, jo tajā var būt personas dati – skatiet šūnu matricā)"


def _as_date(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _value(text: str, *, own: bool = False, template: str | None = None) -> str:
    """A cell's fixed value ('v:' + normalise_value) in words, "skaitlis 43 374", "datums 01.10.2018",
    "teksts „EUR”" (audit27b F11: not a bare "vērtība"); ``own``: the template's value, always quoted. A number in
    the file where the template has a date is said to be that date when it is its serial number (a date format lost
    in a re-save)."""
    kind, _, raw = text[2:].partition(":")
    if kind == "n":
        amount = to_decimal(raw)
        places = max(0, -amount.normalize().as_tuple().exponent)  # type: ignore[operator]
        if not own and PERSONAL_LOOKING.search(raw):
            return f"skaitlis {HIDDEN_VALUE}"
        shown = f"skaitlis {number(amount, places)}"
        day = _as_date(template[4:]) if template is not None and template.startswith("v:d:") else None
        if day is not None and amount == excel_serial(day):
            shown += f" {SAME_DAY_UNFORMATTED}"
        return shown
    if kind == "d":
        day = _as_date(raw)
        return f"datums {lv_date(day)}" if day is not None else f"datums „{raw}”"
    if kind == "b":
        return f"loģiskā vērtība {'PATIESS' if raw == '1' else 'APLAMS'}"
    if not own and PERSONAL_LOOKING.search(raw):
        return f"teksts {HIDDEN_VALUE}"
    return f"teksts „{raw if len(raw) <= SHOWN_TEXT_CHARS else raw[:SHOWN_TEXT_CHARS] + '…'}”"


def _changed(t: str | None, f: str | None) -> str:
    """What a file holds instead of the template's fixed value (or in a cell the template leaves empty)."""
    if t is None:
        return f"šūnā, kas veidnē ir tukša, ierakstīta vērtība: {_value(f)}" if f is not None else ""
    if f is None:
        return f"veidnes vērtība ({_value(t, own=True)}) izdzēsta – šūna failā tukša"
    if f.startswith("f:"):
        return f"veidnes vērtības ({_value(t, own=True)}) vietā failā formula"
    return f"veidnes vērtība mainīta: veidnē {_value(t, own=True)}, failā {_value(f, template=t)}"


def differing_cells(found: Content, template: Content) -> list[tuple[str, Coord, str]]:
    """Each cell of the template's sheets where the file differs from the template: (sheet, cell, what)."""
    differing: list[tuple[str, Coord, str]] = []
    for sheet, tcells in template.items():
        fcells = found.get(sheet)
        if fcells is None:
            continue
        for coord in sorted(set(tcells) | set(fcells)):
            t, f = tcells.get(coord), fcells.get(coord)
            if t == f:
                continue
            if t is not None and t.startswith("f:"):
                what = "formula aizstāta ar vērtību" if f and f.startswith("v:") else (
                    "formula izdzēsta" if f is None else "formula mainīta")
            elif f is not None and f.startswith("f:") and t is None:
                what = "ierakstīta formula šūnā, kas veidnē ir tukša"
            else:
                what = _changed(t, f)
            differing.append((sheet, coord, what))
    return differing


def compare_cells(found: Content, template: Content, *, limit: int = 10,
                  where: Callable[[str, Coord], str] | None = None) -> list[str]:
    """Cells where the file differs from the template, named (at most ``limit``, then a count). ``where``: how a
    cell is named (default "6.4!E58"; papers from a matrix name it with its label, places.changed_cell)."""
    problems: list[str] = []
    for sheet in template:
        if sheet not in found:
            problems.append(f"trūkst lapas {sheet}")
    extra = [s for s in found if s not in template]
    if extra:
        problems.append(f"pievienotas lapas {', '.join(extra)} (veidnē tādu nav)")
    def named(sheet: str, coord: Coord) -> str:
        return where(sheet, coord) if where is not None else f"{sheet}!{a1(coord)}"

    differing = [f"{named(sheet, coord)}: {what}" for sheet, coord, what in differing_cells(found, template)]
    problems.extend(differing[:limit])
    if len(differing) > limit:
        rest = len(differing) - limit
        problems.append(f"… un vēl {rest} {agree(rest, 'mainīta šūna', 'mainītas šūnas')}")
    return problems


def compare_rows(found: Content, expected: Mapping[str, Mapping[str, str]], *, limit: int = 10) -> list[str]:
    """Rows whose hash differs from the registered fingerprint of the template version."""
    hashes = row_hashes({s: found.get(s, {}) for s in expected})
    problems: list[str] = [f"trūkst lapas {s}" for s in expected if s not in found]
    extra = [s for s in found if s not in expected]
    if extra:
        problems.append(f"pievienotas lapas {', '.join(extra)} (veidnē tādu nav)")
    differing = []
    for sheet, rows in expected.items():
        if sheet not in found:
            continue
        got = {str(r): h for r, h in hashes[sheet].items()}
        for r in sorted(set(rows) | set(got), key=int):
            if rows.get(r) != got.get(r):
                differing.append(f"{sheet}, {r}. rinda: formulas vai veidnes vērtības mainītas")
    problems.extend(differing[:limit])
    if len(differing) > limit:
        rest = len(differing) - limit
        problems.append(f"… un vēl {rest} {agree(rest, 'mainīta rinda', 'mainītas rindas')}")
    return problems
