"""The collection's fast path: one matrix read with regular expressions instead of an XML tree, and its
template check done with per-sheet digests instead of a cell-by-cell comparison.

For each sheet the raw XML is scanned twice at C speed: every formula cell (address, ``<f>`` attributes,
formula text, cached value) and every other cell (address, attributes, ``<v>`` or ``<is>`` content).
The scan is used only when it provably saw every cell: the number of ``<c`` and ``<f`` elements in the
part must equal what the two patterns matched; anything else (prefixed XML, unusual layout) returns
None and the caller reads the file with the full reader (xlsxread.py).

The template check then needs no parsed formula: the SHA-256 of the sheet's formula cells (address,
attributes, text) must be one the run already accepts for that sheet – the template's own, or one
learned from a file of the same template that passed the full cell-by-cell comparison (the same bytes
of formula XML give the same formulas) – and the fixed (non-input) values must equal the template's.
A mismatch is never a refusal here: the caller falls back to the full comparison, which names the cell.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import operator
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.ministry.integrity import normalise_value
from generator.ministry.xlsxread import (
    Cell,
    CellValue,
    Coord,
    XlsxBook,
    _number,
    _read_strings,
    _read_workbook,
    _Styles,
    _unescape,
    _workbook_part,
    check_limits,
    open_zip,
    parse_cell,
)

_FORMULA_RE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]+)"([^>]*)><f([^>]*?)(?:/>|>([^<]*)</f>)(?:<v>([^<]*)</v>|<v/>)?</c>')
_VALUE_RE = re.compile(rb'<c r="([A-Z]{1,3}[0-9]+)"([^>]*?)(?:/>|>(?:<v>([^<]*)</v>|<v/>|<is>(.*?)</is>)?</c>)', re.S)

_ELEMENTS_RE = re.compile(rb"<([cf])[\s>/]")
_T_RE = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>|<t/>")
_TYPE_RE = re.compile(rb' t="([a-zA-Z]+)"')
_STYLE_RE = re.compile(rb' s="([0-9]+)"')


def _elements(raw: bytes) -> tuple[int, int]:
    """How many <c> and <f> elements the part has, however they are written."""
    found = _ELEMENTS_RE.findall(raw)
    formulas = found.count(b"f")
    return len(found) - formulas, formulas


@dataclass
class FastSheet:
    digest: str  # SHA-256 of the formula cells' address, attributes and text
    fixed: dict[Coord, str]  # non-empty value cells (normalised as integrity.content does), inputs included


@dataclass
class FastBook:
    book: XlsxBook
    sheets: dict[str, FastSheet] = field(default_factory=dict)


def _text(raw: bytes) -> str:
    """XML character data to text: entities resolved, then the spreadsheet's ``_xHHHH_`` escapes."""
    text = raw.decode("utf-8")
    if "&" in text:
        if "&#" in text:
            text = html.unescape(text)
        else:
            text = (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
                    .replace("&amp;", "&"))
    return _unescape(text)


def _decode(kind: bytes, raw: bytes | None, inline: bytes | None, strings: list[str], is_date: bool,
            epoch, from_excel) -> CellValue:  # noqa: ANN001
    if kind == b"inlineStr":
        if not inline:
            return None
        if b"<rPh" in inline:
            raise ValueError("phonetic runs")  # leave such text to the full reader
        return "".join(_text(t) for t in _T_RE.findall(inline)) if inline else ""
    if not raw:
        return None
    if kind == b"s":
        index = int(raw)
        if index < 0:
            raise IndexError(index)
        return strings[index]
    if kind == b"b":
        return raw.strip() in (b"1", b"true")
    if kind in (b"str", b"e"):
        return _text(raw)
    if kind == b"d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(raw.decode("ascii"))
    value = _number(raw.decode("ascii"))
    return from_excel(value, epoch) if is_date else value


def formula_digest(raw: bytes) -> tuple[str, int, list[tuple[bytes, ...]]] | None:
    """The digest of a sheet's formula cells (address, ``<f>`` attributes, text), the number of other <c>
    elements and the formula matches; None when the pattern did not see every formula cell whole."""
    found = _FORMULA_RE.findall(raw)
    cells, formulas = _elements(raw)
    if len(found) != formulas:
        return None
    key = b"\x1f".join(itertools.chain.from_iterable(map(_DIGEST_PARTS, found)))
    return hashlib.sha256(key).hexdigest(), cells - formulas, found


_DIGEST_PARTS = operator.itemgetter(0, 2, 3)


class _StyleCache:
    """Date styles by the styles part's content (SHA-256): files of one template share them, and each
    keeps the decoded values of its cells (``values``), which depend on those styles."""

    def __init__(self) -> None:
        self._by_digest: dict[str, _Styles] = {}

    def get(self, zf: zipfile.ZipFile, path: str | None) -> _Styles:
        if path is None:
            return _Styles(zf, None)
        key = hashlib.sha256(zf.read(path)).hexdigest()
        styles = self._by_digest.get(key)
        if styles is None:
            if len(self._by_digest) > 16:
                self._by_digest.clear()
            styles = self._by_digest[key] = _Styles(zf, path)
            styles.values = {}  # type: ignore[attr-defined]
        return styles


STYLES = _StyleCache()


def read_fast(path: Path, keep: dict[str, set[Coord]]) -> FastBook | None:
    """Every value cell and the formula cells at ``keep`` ({sheet: coords}, e.g. the output names' cells,
    with their cached values). None when the scan cannot vouch for having seen every cell.

    Raises what reading the zip raises (XlsxReadError for the limits, zlib/zip errors), like read_xlsx."""
    try:
        return _read_fast(path, keep)
    except (ValueError, IndexError, OverflowError, UnicodeError):
        return None  # the full reader names the cell


def _read_fast(path: Path, keep: dict[str, set[Coord]]) -> FastBook | None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    with open_zip(path) as zf:
        check_limits(zf)
        members = set(zf.namelist())
        wb_path = _workbook_part(zf, members)
        book, sheet_paths, strings_path, styles_path = _read_workbook(zf, wb_path, members, path)
        if set(sheet_paths) != set(book.sheet_names):
            return None
        strings = _read_strings(zf, strings_path) if strings_path else []
        styles = STYLES.get(zf, styles_path)
        epoch = CALENDAR_MAC_1904 if book.date1904 else CALENDAR_WINDOWS_1900
        date_styles = styles.date_styles
        result = FastBook(book)
        for name in book.sheet_names:
            raw = zf.read(sheet_paths[name])
            scanned = formula_digest(raw)
            if scanned is None:
                return None
            digest, other_cells, formulas = scanned
            values = _VALUE_RE.findall(raw)
            if len(values) != other_cells:
                return None
            cells: dict[Coord, Cell] = {}
            fixed: dict[Coord, str] = {}
            known = getattr(styles, "values", None)
            if known is None:
                known = styles.values = {}  # type: ignore[attr-defined]
            if len(known) > 200_000:
                known.clear()
            for ref, attrs, v, inline in values:
                key = (attrs, v, inline)
                hit = known.get(key, False)
                if hit is False:
                    kind_m = _TYPE_RE.search(attrs)
                    kind = kind_m.group(1) if kind_m else b"n"
                    hit = None
                    if inline if kind == b"inlineStr" else v:
                        style = _STYLE_RE.search(attrs)
                        is_date = style is not None and int(style.group(1)) in date_styles
                        value = _decode(kind, v, inline, strings, is_date, epoch, from_excel)
                        if value is not None:
                            hit = (Cell(value, None), "v:" + normalise_value(value) if value != "" else "")
                    if kind != b"s":  # a shared string's text depends on the file's own table
                        known[key] = hit
                if hit is None:
                    continue
                coord = parse_cell(ref.decode("ascii"))
                cells[coord] = hit[0]
                if hit[1]:
                    fixed[coord] = hit[1]
            wanted = keep.get(name, set())
            for ref, attrs, _, text, cached in formulas:
                if not cached:
                    continue  # nothing cached: the full reader keeps no value here either
                coord = parse_cell(ref.decode("ascii"))
                if coord in wanted:
                    kind_m = _TYPE_RE.search(attrs)
                    style = _STYLE_RE.search(attrs)
                    is_date = style is not None and int(style.group(1)) in date_styles
                    value = _decode(kind_m.group(1) if kind_m else b"n", cached, None, strings, is_date, epoch,
                                    from_excel)
                    cells[coord] = Cell(value, _text(text) if text else "")
            book.cells[name] = cells
            book.unlocked[name] = set()
            result.sheets[name] = FastSheet(digest, fixed)
    return result
