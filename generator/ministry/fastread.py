"""The collection's fast path: one matrix read with one regular expression per sheet instead of an XML
tree, and its template check done with per-sheet digests instead of a cell-by-cell comparison.

Each sheet's raw XML is scanned once at C speed for every non-empty cell (address, attributes, the raw
``<f>`` element, ``<v>`` or ``<is>`` content). The scan is used only when it provably saw every such
cell: the number of ``</c>`` in the part must equal what the pattern matched; anything else (prefixed
XML, unusual layout) returns None and the caller reads the file with the full reader (xlsxread.py).
Only the cells of the file's defined names are decoded into values (the inputs and the outputs); the
rest stay raw bytes for the template check.

The template check then needs no parsed formula: the SHA-256 of the sheet's formula cells (address,
``<f>`` element) must be one the run already accepts for that sheet – the template's own, or one
learned from a file of the same template that passed the full cell-by-cell comparison (the same bytes
of formula XML give the same formulas) – and the fixed (non-input) values must equal the template's:
compared by a digest of their raw bytes (with shared strings resolved and the date styles) that an
earlier file proved equal, otherwise decoded and compared value by value (templates.Expected.fast_ok).
A mismatch is never a refusal here: the caller falls back to the full comparison, which names the cell.

Most files of a run differ from one another only in their input cells. So before the per-cell scan, each
sheet is cut (one C-level ``re.split``) into its input cells (unlocked style, a plain value or nothing,
no formula) and the rest, the sheet's *skeleton*. A skeleton byte-identical to one of an earlier file of
this run that passed the template check (with the same workbook part, styles part and date system) is
that file's content except for the inputs: the formulas, fixed values, styles and cached values are
the same bytes, so the same template check result and the same decoded named cells. Only the input
cells are then decoded, and the template check (templates.Expected.fast_ok) asks just whether that
expectation proved the skeleton and whether every cut cell is one of its inputs. Any other difference,
however small, leaves the skeleton unknown and the sheet takes the per-cell path.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.ministry.integrity import normalise_value
from generator.ministry.xlsxread import (
    Cell,
    CellError,
    CellValue,
    Coord,
    XlsxBook,
    _number,
    _read_strings,
    _read_workbook,
    _Styles,
    _unescape,
    _workbook_part,
    a1,
    check_limits,
    open_zip,
    parse_area,
    parse_cell,
    serial_day,
)

try:  # ISA-L inflates and checks the CRC about 2.5x faster than zlib; same deflate format, same bytes
    from isal import isal_zlib as _inflate_lib

    _INFLATE_ERRORS: tuple[type[BaseException], ...] = (_inflate_lib.error,)
except ImportError:  # pragma: no cover - the pinned dependency is missing: zlib reads the same
    _inflate_lib = zlib
    _INFLATE_ERRORS = ()

# What a scan of damaged or unusual XML raises: the scan cannot vouch for the part, the full reader decides.
SCAN_ERRORS = (ValueError, IndexError, OverflowError, UnicodeError)

# Every non-empty cell: address, attributes, the whole <f> element (empty when none), <v> text, <is> content.
_CELL_RE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]++)"([^>/]*+)>(<f[^>]*+(?:/>|>[^<]*+</f>))?+'
    rb'(?:<v>([^<]*+)</v>|<v/>|<is>((?:[^<]++|<(?!/is>))*+)</is>)?+</c>')  # possessive: no backtracking
_T_RE = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>|<t/>")
_TYPE_RE = re.compile(rb' t="([a-zA-Z]+)"')
_STYLE_RE = re.compile(rb' s="([0-9]+)"')
_F_TEXT_RE = re.compile(rb"<f[^>]*>([^<]*)</f>")
_SHARED = b' t="s"'
# The attributes the locked-content key vouches for: a style and a type, nothing else (anything else could
# hide a second style the full reader would read differently, so such a sheet takes the full path).
_PLAIN_ATTRS_RE = re.compile(rb'(?: s="[0-9]+")?(?: t="[a-zA-Z]+")?|(?: t="[a-zA-Z]+") s="[0-9]+"')

Raw = tuple[bytes, bytes, bytes, bytes, bytes]  # address, attributes, <f> element, <v> text, <is> content


# A closing cell tag with white space before ">" (legal XML): neither the pattern nor the count sees it.
_LOOSE_END_RE = re.compile(rb"</c\s")


def scan(raw: bytes) -> list[Raw] | None:
    """Every non-empty cell of a sheet part, or None when the pattern did not see each one whole."""
    if b":c " in raw or b":c>" in raw:
        return None  # a namespace-prefixed cell (<x:c>): neither the pattern nor the count below sees it
    if _LOOSE_END_RE.search(raw):
        return None
    found = _CELL_RE.findall(raw)
    if len(found) != raw.count(b"</c>"):
        return None
    return found


def digest_of(found: list[Raw]) -> str:
    """The SHA-256 of a sheet's formula cells: each address followed by its raw ``<f>`` element, in
    document order (an address is [A-Z0-9] and an element starts with "<f", so the joined text is
    unambiguous)."""
    return hashlib.sha256(b"".join([t[0] + t[2] for t in found if t[2]])).hexdigest()


def formula_digest(raw: bytes) -> str | None:
    """The formula digest of a sheet part (None when the scan cannot vouch for every cell)."""
    found = scan(raw)
    return None if found is None else digest_of(found)


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
    if kind == b"e":
        return CellError(_text(raw))
    if kind == b"str":
        return _text(raw)
    if kind == b"d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(raw.decode("ascii"))
    value = _number(raw.decode("ascii"))
    return from_excel(value, epoch) if is_date else value


class _StyleCache:
    """Date styles by the styles part's content (SHA-256): files of one template share them, and each
    keeps the decoded values of its cells (``values``), which depend on those styles."""

    def __init__(self) -> None:
        self._by_digest: dict[str, _Styles] = {}

    def get(self, zf: zipfile.ZipFile, path: str | None) -> tuple[_Styles, str]:
        if path is None:
            return _Styles(zf, None), ""
        key = hashlib.sha256(zf.read(path)).hexdigest()
        styles = self._by_digest.get(key)
        if styles is None:
            if len(self._by_digest) > 16:
                self._by_digest.clear()
            styles = self._by_digest[key] = _Styles(zf, path)
            styles.values = {}  # type: ignore[attr-defined]
        return styles, key


STYLES = _StyleCache()


@dataclass
class Skeleton:
    """A sheet's bytes without its input cells, from a file of this run that passed a template check."""

    norm: bytes
    cells: dict[Coord, Cell]  # the decoded named cells outside the cut input cells (same bytes: same values)
    proven: set[str] = field(default_factory=set)  # tokens of the expectations (templates.Expected) it passed


# Skeletons by (workbook part key, sheet, styles part key, date system, length): one module-level store,
# so every file of a worker process after the first of its kind takes the short path.
_SKELETONS: dict[tuple, list[Skeleton]] = {}
_SKELETONS_PER_KEY = 4
_SKELETON_KEYS = 256


@dataclass
class FastSheet:
    digest: str  # SHA-256 of the formula cells' address and <f> element ("" when ``skeleton`` is known)
    cells: list[Raw]  # every non-empty cell, raw (the template check takes the fixed ones); [] with ``skeleton``
    skeleton: Skeleton | None = None  # a known skeleton: only the cut input cells were read
    cut: frozenset[bytes] = frozenset()  # the addresses of the cut input cells
    pending: tuple | None = None  # a new skeleton to remember if the file passes: (key, Skeleton)
    raw: bytes | None = field(default=None, repr=False)  # the part, kept with ``skeleton`` for ``rescan``

    def rescan(self) -> bool:
        """The per-cell scan of a sheet whose skeleton is known but not proven for the expectation at hand
        (False when the scan cannot vouch for every cell)."""
        if self.raw is not None:
            found = scan(self.raw)
            if found is None:
                return False
            self.cells, self.digest, self.raw = found, digest_of(found), None
        return True

    def proven_for(self, token: str) -> bool:
        """Is the sheet's known skeleton proven for the expectation ``token`` (only its cut cells to check)?"""
        return self.skeleton is not None and token in self.skeleton.proven

    def remember(self, token: str) -> None:
        """The file passed the template check of the expectation ``token``: so does this sheet's skeleton."""
        if self.skeleton is not None:
            self.skeleton.proven.add(token)
            return
        if self.pending is None:
            return
        key, new = self.pending
        known = _SKELETONS.get(key)
        if known is None:
            if len(_SKELETONS) >= _SKELETON_KEYS:  # the least recently used goes (e.g. an Excel-saved file's
                del _SKELETONS[next(iter(_SKELETONS))]  # skeleton, unique to it, never reused)
            known = _SKELETONS[key] = []
        for old in known:
            if old.norm == new.norm:
                old.proven.add(token)
                return
        if len(known) < _SKELETONS_PER_KEY:
            new.proven.add(token)
            known.append(new)


@dataclass
class FastBook:
    book: XlsxBook
    sheets: dict[str, FastSheet] = field(default_factory=dict)
    strings: list[str] = field(default_factory=list, repr=False)
    styles: _Styles | None = field(default=None, repr=False)
    styles_key: str = ""

    def fixed_key(self, cells: list[Raw]) -> str:
        """A digest that fixes the decoded values of these cells: their raw bytes, the text of their shared
        strings (whose indices differ from file to file), the styles part and the date system."""
        plain = [t for t in cells if _SHARED not in t[1]] if self.strings else cells  # no table: no shared text
        digest = hashlib.sha256(f"{self.styles_key}\0{int(self.book.date1904)}\0".encode())
        digest.update(b"\x1f".join(itertools.chain.from_iterable(plain)))
        if len(plain) != len(cells):
            shared = [(t[0], t[1], self._shared(t[3])) for t in cells if _SHARED in t[1]]
            digest.update(b"\x1e" + repr(shared).encode())
        return digest.hexdigest()

    def locked_key(self, scanned: FastSheet) -> str | None:
        """A digest that fixes what the registry's row hashes cover (integrity.content of the file's own
        locked cells): every formula cell (its address and ``<f>`` element, as ``digest_of``), which of them
        are unlocked, and the raw locked value cells (``fixed_key``, which also fixes the styles part, so the
        same style indices are the same locked/unlocked styles). None when a cell's attributes are not plain.
        Two sheets with the same key have the same content, so the same row hashes."""
        assert self.styles is not None
        unlocked_styles = self.styles.unlocked_styles
        unlocked_by_attrs: dict[bytes, bool] = {}  # a file has few distinct attribute strings
        unlocked_formulas: list[bytes] = []
        locked_values: list[Raw] = []
        for t in scanned.cells:
            attrs = t[1]
            unlocked = unlocked_by_attrs.get(attrs)
            if unlocked is None:
                if not _PLAIN_ATTRS_RE.fullmatch(attrs):
                    return None
                style = _STYLE_RE.search(attrs)
                unlocked = unlocked_by_attrs[attrs] = (int(style.group(1)) if style else 0) in unlocked_styles
            if t[2]:
                if unlocked:
                    unlocked_formulas.append(t[0])
            elif not unlocked:
                locked_values.append(t)
        digest = hashlib.sha256(scanned.digest.encode("ascii") + b"\0" + b",".join(unlocked_formulas) + b"\0")
        digest.update(self.fixed_key(locked_values).encode("ascii"))
        return digest.hexdigest()

    def _shared(self, raw: bytes) -> str | None:
        if not raw:
            return None
        index = int(raw)
        if index < 0:
            raise IndexError(index)
        return self.strings[index]

    def decode(self, cells: list[Raw]) -> dict[Coord, str]:
        """The cells' values normalised as integrity.content does ('v:' + value), empty ones left out."""
        decoder = _Decoder(self)
        out: dict[Coord, str] = {}
        for ref, attrs, _, v, inline in cells:
            hit = decoder.value(attrs, v, inline)
            if hit is not None and hit[1]:
                out[parse_cell(ref.decode("ascii"))] = hit[1]
        return out


class _Decoder:
    """Cell values of one file, with the decoded values shared by files of the same styles part."""

    def __init__(self, fast: FastBook) -> None:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.strings = fast.strings
        styles = fast.styles
        assert styles is not None
        self.date_styles = styles.date_styles
        self.epoch = CALENDAR_MAC_1904 if fast.book.date1904 else CALENDAR_WINDOWS_1900
        self.from_excel = serial_day  # as the full reader reads a day serial
        known = getattr(styles, "values", None)
        if known is None:
            known = styles.values = {}  # type: ignore[attr-defined]
        if len(known) > 200_000:
            known.clear()
        self.known: dict = known
        self.date1904 = fast.book.date1904

    def value(self, attrs: bytes, v: bytes, inline: bytes) -> tuple[Cell, str] | None:
        """(the cell, its normalised text or "") or None for an empty cell."""
        key = (attrs, v, inline, self.date1904)
        hit = self.known.get(key, False)
        if hit is not False:
            return hit
        kind_m = _TYPE_RE.search(attrs)
        kind = kind_m.group(1) if kind_m else b"n"
        hit = None
        if inline if kind == b"inlineStr" else v:
            style = _STYLE_RE.search(attrs)
            is_date = style is not None and int(style.group(1)) in self.date_styles
            value = _decode(kind, v, inline, self.strings, is_date, self.epoch, self.from_excel)
            if value is not None:
                hit = (Cell(value, None), "v:" + normalise_value(value) if value != "" else "")
        if kind != b"s":  # a shared string's text depends on the file's own table
            self.known[key] = hit
        return hit

    def cached(self, attrs: bytes, v: bytes) -> CellValue:
        """The cached value of a formula cell."""
        kind_m = _TYPE_RE.search(attrs)
        style = _STYLE_RE.search(attrs)
        is_date = style is not None and int(style.group(1)) in self.date_styles
        return _decode(kind_m.group(1) if kind_m else b"n", v, None, self.strings, is_date, self.epoch,
                       self.from_excel)


@lru_cache(maxsize=64)
def _named_refs(names: tuple[tuple[str, str], ...]) -> dict[str, dict[bytes, Coord]]:
    """The cells of every defined name, per sheet, by their address as written in the sheet XML."""
    keep: dict[str, dict[bytes, Coord]] = {}
    for _, text in names:
        ref = parse_area(text)
        if ref is None:
            continue
        cells = keep.setdefault(ref.sheet, {})
        for row in ref.coords():
            for coord in row:
                cells[a1(coord).encode("ascii")] = coord
    return keep


def _keep_refs(keep: dict[str, set[Coord]]) -> dict[str, dict[bytes, Coord]]:
    return {sheet: {a1(c).encode("ascii"): c for c in coords} for sheet, coords in keep.items()}


def _member(zf: zipfile.ZipFile, name: str, data: bytes | None) -> bytes:
    """A part's bytes; from the file's bytes already in memory, one zlib call with the CRC checked (what
    zipfile does in many small reads), when the part is plainly stored or deflated."""
    info = zf.getinfo(name)
    if data is None or info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return zf.read(name)
    offset = info.header_offset
    header = data[offset:offset + 30]
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        return zf.read(name)  # zipfile names the damage
    start = offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    packed = data[start:start + info.compress_size]
    if info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            out = _inflate_lib.decompress(packed, -15, info.file_size)
        except _INFLATE_ERRORS as exc:
            raise zlib.error(str(exc)) from None  # read_failure names a damaged deflate stream
    else:
        out = packed
    if len(out) != info.file_size or _inflate_lib.crc32(out) != info.CRC:
        raise zipfile.BadZipFile(f"bad CRC or size in {name}")
    return out


_WORKBOOKS: dict[tuple, tuple] = {}
_WB_PATHS: dict[tuple, str] = {}


def _workbook(zf: zipfile.ZipFile, path: Path):  # noqa: ANN202 - as xlsxread._read_workbook
    """The workbook part read as xlsxread does, looked up by the bytes of the parts it comes from (the
    files of one template share them): the names, sheets and the paths of their parts."""
    members = zf.namelist()
    member_set = set(members)
    root = zf.read("_rels/.rels") if "_rels/.rels" in member_set else b""
    wb_path = _WB_PATHS.get((root, tuple(members)))
    if wb_path is None:
        wb_path = _workbook_part(zf, member_set)
        if len(_WB_PATHS) > 16:
            _WB_PATHS.clear()
        _WB_PATHS[(root, tuple(members))] = wb_path
    rels_path = posixpath.join(posixpath.dirname(wb_path), "_rels", posixpath.basename(wb_path) + ".rels")
    digest = hashlib.sha256(root)
    for part in (rels_path, wb_path):
        digest.update(b"\0" + part.encode() + b"\0" + zf.read(part))
    key = (digest.digest(), wb_path, tuple(sorted(members)))
    found = _WORKBOOKS.get(key)
    if found is None:
        book, sheet_paths, strings_path, styles_path = _read_workbook(zf, wb_path, member_set, path)
        found = (tuple(book.sheet_names), dict(book.defined_names), book.date1904, sheet_paths, strings_path,
                 styles_path)
        if len(_WORKBOOKS) > 16:
            _WORKBOOKS.clear()
        _WORKBOOKS[key] = found
    sheet_names, names, date1904, sheet_paths, strings_path, styles_path = found
    book = XlsxBook(path=path, sheet_names=list(sheet_names), defined_names=dict(names), date1904=date1904)
    return book, dict(sheet_paths), strings_path, styles_path, key


@lru_cache(maxsize=32)
def _input_re(unlocked: frozenset[int]) -> re.Pattern[bytes] | None:
    """Input cells: an unlocked style, a plain value (or none) and no formula; groups address, attributes,
    <v> text, <is> content. None when style 0 (a cell without ``s``) is unlocked."""
    if not unlocked or 0 in unlocked:
        return None
    styles = b"|".join(str(s).encode("ascii") for s in sorted(unlocked))
    return re.compile(rb'<c r="([A-Z]{1,3}[0-9]++)"( s="(?:' + styles + rb')"(?: t="[a-zA-Z]+")?+)'
                      rb'(?:/>|>(?:<v>([^<]*+)</v>|<v/>|<is>((?:[^<]++|<(?!/is>))*+)</is>)?+</c>)')


def _cut(pattern: re.Pattern[bytes], raw: bytes) -> tuple[bytes, list[bytes], list[Raw]]:
    """The sheet without the cells ``pattern`` matches (the skeleton), the addresses of those cells, and
    the ones holding something as (address, attributes, b"", <v> text, <is> content)."""
    parts = pattern.split(raw)
    refs = parts[1::5]
    filled = [(parts[k - 2], parts[k - 1], b"", parts[k] or b"", parts[k + 1] or b"")
              for k in range(3, len(parts), 5) if parts[k] or parts[k + 1]]
    return b"".join(parts[::5]), refs, filled


def _known(key: tuple, norm: bytes) -> Skeleton | None:
    for known in _SKELETONS.get(key, ()):
        if known.norm == norm:
            _SKELETONS[key] = _SKELETONS.pop(key)  # used: the last to go
            return known
    return None


def _decode_wanted(decoder: _Decoder, found: Iterable[Raw], wanted: dict[bytes, Coord], cells: dict[Coord, Cell]) -> None:
    """The values of the named cells among ``found`` (formula cells with their cached value) into ``cells``."""
    for ref, attrs, f, v, inline in found:
        coord = wanted.get(ref)
        if coord is None:
            continue
        if f:
            if not v:
                continue  # nothing cached: the full reader keeps no value here either
            text = _F_TEXT_RE.match(f)
            cells[coord] = Cell(decoder.cached(attrs, v), _text(text.group(1)) if text else "")
        elif v or inline:
            hit = decoder.value(attrs, v, inline)
            if hit is not None:
                cells[coord] = hit[0]


def read_fast(path: Path, keep: dict[str, set[Coord]] | None = None, *, data: bytes | None = None) -> FastBook | None:
    """The values of the cells of the file's defined names (or of ``keep``, {sheet: coords}), with the
    formula text and cached value of the formula cells among them; the other cells stay raw for the
    template check. None when the scan cannot vouch for having seen every cell. ``data``: the file's bytes
    when already read.

    Raises what reading the zip raises (XlsxReadError for the limits, zlib/zip errors), like read_xlsx."""
    try:
        return _read_fast(path, keep, data)
    except SCAN_ERRORS:
        return None  # the full reader names the cell


def _open_book(zf: zipfile.ZipFile, path: Path):  # noqa: ANN202 - (FastBook, sheet part paths, workbook key)
    """The workbook, its shared strings and styles read for a scan (no cells yet), or None when the workbook part
    does not list exactly the sheets it has parts for."""
    check_limits(zf)
    book, sheet_paths, strings_path, styles_path, wb_key = _workbook(zf, path)
    if set(sheet_paths) != set(book.sheet_names):
        return None
    strings = _read_strings(zf, strings_path) if strings_path else []
    styles, styles_key = STYLES.get(zf, styles_path)
    return FastBook(book, strings=strings, styles=styles, styles_key=styles_key), sheet_paths, wb_key


def _read_fast(path: Path, keep: dict[str, set[Coord]] | None, data: bytes | None) -> FastBook | None:
    with open_zip(path) if data is None else open_zip(path, io.BytesIO(data)) as zf:
        opened = _open_book(zf, path)
        if opened is None:
            return None
        result, sheet_paths, wb_key = opened
        book, styles, styles_key = result.book, result.styles, result.styles_key
        decoder = _Decoder(result)
        wanted_by_sheet = (_named_refs(tuple(sorted(book.defined_names.items()))) if keep is None
                           else _keep_refs(keep))
        inputs_re = _input_re(frozenset(styles.unlocked_styles)) if keep is None else None
        for name in book.sheet_names:
            raw = _member(zf, sheet_paths[name], data)
            wanted = wanted_by_sheet.get(name, {})
            cells: dict[Coord, Cell] = {}
            sheet = None
            if inputs_re is not None:
                norm, cut_refs, filled = _cut(inputs_re, raw)
                refs = frozenset(cut_refs)
                key = (wb_key, name, styles_key, book.date1904, len(norm))
                known = _known(key, norm) if len(refs) == len(cut_refs) else None
                if known is not None:
                    cells.update(known.cells)
                    _decode_wanted(decoder, filled, wanted, cells)
                    sheet = FastSheet("", [], skeleton=known, cut=refs, raw=raw)
            if sheet is None:
                found = scan(raw)
                if found is None:
                    return None
                _decode_wanted(decoder, found, wanted, cells)
                sheet = FastSheet(digest_of(found), found)
                if (inputs_re is not None and len(refs) == len(cut_refs) and _SHARED not in norm
                        and len({t[0] for t in found}) == len(found)):
                    # a skeleton with shared-string cells would depend on the file's own string table
                    outside = {c: cell for c, cell in cells.items() if a1(c).encode("ascii") not in refs}
                    sheet.pending = (key, Skeleton(norm, outside))
                    sheet.cut = refs
            book.cells[name] = cells
            book.unlocked[name] = set()
            result.sheets[name] = sheet
    return result


def read_all(path: Path) -> XlsxBook | None:
    """Every sheet's non-empty cells (a formula cell: its cached value and formula text), found with the same
    scan; None when the scan cannot vouch for a sheet or a value (then read the file with read_xlsx or
    openpyxl). Each call opens the file afresh (the file may have changed since an earlier read)."""
    try:
        with zipfile.ZipFile(path) as zf:
            opened = _open_book(zf, path)
            if opened is None:
                return None
            fast, sheet_paths, _ = opened
            book, decoder = fast.book, _Decoder(fast)
            for name in book.sheet_names:
                found = scan(zf.read(sheet_paths[name]))
                if found is None:
                    return None
                cells: dict[Coord, Cell] = {}
                _decode_wanted(decoder, found, {t[0]: parse_cell(t[0].decode("ascii")) for t in found}, cells)
                book.cells[name] = cells
    except SCAN_ERRORS:
        return None
    return book
