"""A fast, read-only xlsx reader for the ministry's tools: only the XML parts that are needed.

Collecting some 4,000 filled workbooks with openpyxl's full load would take far too long (see
docs/benchmarks.md), so this reader opens the zip, resolves the defined names from
xl/workbook.xml, reads the shared strings and the cell styles (to tell dates from numbers) and
streams each requested sheet with ``iterparse``. For every cell it keeps the value as openpyxl
would give it (str, int, float, bool, datetime or None; a day before 01.03.1900 as serial_day says) and the
formula text without "=";
cells of a shared formula get their own translated text. tests/ministry/test_xlsxread.py proves
it reads the same values and formulas as openpyxl on the same files.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError, iterparse

from generator.cli_errors import os_reason_without_path
from generator.reference.date_serials import SHEET_DAYS_END

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
M = f"{{{NS_MAIN}}}"

CellValue = str | int | float | bool | None


class CellError(str):
    """An error value a cell holds (t="e"): its code as the file keeps it, „#N/A”, „#VALUE!” – a text to every other
    reader, told apart where a pasted error value is said as what it is (D346)."""

    __slots__ = ()
Coord = tuple[int, int]  # (row, column), both 1-based

_CELL_RE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_REFS: dict[str, tuple[int, int]] = {}
_AREA_RE = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?$")


def serial_day(value: float, epoch=None):  # noqa: ANN001, ANN201 - openpyxl's epoch (None: 1900's); a datetime or time
    """The day (and time) of a date-formatted cell's serial number, as openpyxl's from_excel reads it – except serials
    1–59, the days before 01.03.1900. There the file format and Excel count a 29.02.1900 that never was (serial 60) and
    LibreOffice does not, so the two programs show such a serial one day apart (4: Excel 04.01.1900, LibreOffice
    03.01.1900), and openpyxl gives 59 and 60 the same day. Our files take LibreOffice's, the calendar's, count from
    30.12.1899: the one our writer uses (xlsxpatch.excel_serial), so a day read and written back keeps its serial, and
    the one the matrix is proven in. No plan date, price or B is such a day, and Excel's matrix names it one day later:
    where a message would name it, the matrix and the reader name the number instead (input_checks Kind.shown,
    matrix.date_in_number), which every program says alike."""
    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel

    epoch = CALENDAR_WINDOWS_1900 if epoch is None else epoch
    day = from_excel(value, epoch)
    if epoch == CALENDAR_WINDOWS_1900 and 1 <= value < 60:
        return day - dt.timedelta(days=1)
    return day


class XlsxReadError(Exception):
    """The file is not a readable xlsx workbook; the message is Latvian and names the part."""


# Limits checked on the zip directory before any part is decompressed (a filled matrix has ~1 MB of XML
# with parts compressed about 10:1): larger or more compressed parts are refused, never read.
MAX_PART_BYTES = 64 << 20
MAX_TOTAL_BYTES = 256 << 20
MAX_RATIO = 100  # uncompressed : compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1 << 20
MAX_MEMBERS = 10_000


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f}".replace(".", ",") + " MB"


def check_limits(zf: zipfile.ZipFile) -> None:
    """Refuse a zip whose parts would decompress to more than the limits (a zip bomb) before reading."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise XlsxReadError(f"ZIP arhīvā ir {len(infos)} daļas (atļauts līdz {MAX_MEMBERS}); fails netika atvērts")
    total = 0
    for info in infos:
        size, packed = info.file_size, max(info.compress_size, 1)
        total += size
        if size > MAX_PART_BYTES or (size > RATIO_FLOOR and size / packed > MAX_RATIO):
            raise XlsxReadError(
                f"ZIP daļa {info.filename} atspiesta būtu {_mb(size)} (saspiesta {_mb(packed)}, attiecība "
                f"{size // packed}:1; atļauts līdz {_mb(MAX_PART_BYTES)} un {MAX_RATIO}:1) – iespējama „ZIP bumba”; "
                "fails netika atspiests")
    if total > MAX_TOTAL_BYTES:
        raise XlsxReadError(f"ZIP arhīva daļas kopā atspiestas būtu {_mb(total)} (atļauts līdz "
                            f"{_mb(MAX_TOTAL_BYTES)}); fails netika atspiests")


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(index: int) -> str:
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def parse_cell(ref: str) -> Coord:
    coord = _REFS.get(ref)
    if coord is None:
        m = _CELL_RE.match(ref)
        if not m:
            raise ValueError(ref)
        coord = (int(m.group(2)), col_index(m.group(1)))
        if len(_REFS) < 1 << 20:
            _REFS[ref] = coord
    return coord


def a1(coord: Coord) -> str:
    return f"{col_letters(coord[1])}{coord[0]}"


@dataclass(frozen=True)
class NameRef:
    """Where a defined name points: one sheet, a rectangle of cells (1-based, inclusive)."""

    sheet: str
    first: Coord
    last: Coord

    @property
    def rows(self) -> int:
        return self.last[0] - self.first[0] + 1

    @property
    def cols(self) -> int:
        return self.last[1] - self.first[1] + 1

    @property
    def is_cell(self) -> bool:
        return self.first == self.last

    def coords(self) -> list[list[Coord]]:
        return [
            [(r, c) for c in range(self.first[1], self.last[1] + 1)]
            for r in range(self.first[0], self.last[0] + 1)
        ]

    def text(self) -> str:
        ref = a1(self.first) if self.is_cell else f"{a1(self.first)}:{a1(self.last)}"
        return f"{self.sheet}!{ref}"


@lru_cache(maxsize=4096)
def parse_area(text: str) -> NameRef | None:
    """'6.3'!$C$9:$C$48 -> NameRef; None for anything else (constants, several areas, #REF!)."""
    m = _AREA_RE.match(text.strip().lstrip("="))
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") if m.group(1) is not None else m.group(2)
    first = parse_cell(m.group(3))
    last = parse_cell(m.group(4)) if m.group(4) else first
    return NameRef(sheet, (min(first[0], last[0]), min(first[1], last[1])),
                   (max(first[0], last[0]), max(first[1], last[1])))


@dataclass
class Cell:
    value: CellValue = None
    formula: str | None = None  # text without the leading "="


@dataclass
class XlsxBook:
    """What was read from one file: sheet order, defined names and the cells of the read sheets."""

    path: Path
    sheet_names: list[str]
    defined_names: dict[str, str]  # workbook-scope names -> their text
    cells: dict[str, dict[Coord, Cell]] = field(default_factory=dict)
    date1904: bool = False
    unlocked: dict[str, set[Coord]] = field(default_factory=dict)  # cells whose style is not locked
    # rows whose ``hidden`` attribute is set (a closed outline group or a hidden row; D191), of the sheets read fully
    hidden_rows: dict[str, set[int]] = field(default_factory=dict)

    def name_ref(self, name: str) -> NameRef | None:
        text = self.defined_names.get(name)
        return parse_area(text) if text is not None else None

    def cell(self, sheet: str, coord: Coord) -> Cell | None:
        return self.cells.get(sheet, {}).get(coord)

    def values(self, ref: NameRef) -> list[list[CellValue]]:
        sheet = self.cells.get(ref.sheet, {})
        return [[(sheet.get(c) or _EMPTY).value for c in row] for row in _coords(ref)]


_EMPTY = Cell()


@lru_cache(maxsize=4096)
def _coords(ref: NameRef) -> tuple[tuple[Coord, ...], ...]:
    """The cells of a name's rectangle, row by row (made once per place: files of a template share them)."""
    return tuple(tuple(row) for row in ref.coords())


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _text_of(elem) -> str:
    """The text of a shared or inline string: its <t> runs, without phonetic (<rPh>) runs."""
    if elem.tag == f"{M}t":
        return elem.text or ""
    parts = []
    for child in elem:
        if child.tag == f"{M}t":
            parts.append(child.text or "")
        elif child.tag == f"{M}r":
            for t in child.iter(f"{M}t"):
                parts.append(t.text or "")
    return "".join(parts)


_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class _Styles:
    """Which cell style indices carry a date number format (as openpyxl decides)."""

    def __init__(self, zf: zipfile.ZipFile, path: str | None) -> None:
        self.date_styles: set[int] = set()
        self.unlocked_styles: set[int] = set()
        if path is None or path not in zf.namelist():
            return
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        custom: dict[int, str] = {}
        xf_formats: list[int] = []
        in_cellxfs = False
        with zf.open(path) as fh:
            for event, elem in iterparse(fh, events=("start", "end")):
                if event == "start":
                    if elem.tag == f"{M}cellXfs":
                        in_cellxfs = True
                    elif elem.tag == f"{M}xf" and in_cellxfs:
                        xf_formats.append(int(elem.get("numFmtId", "0")))
                    elif elem.tag == f"{M}protection" and in_cellxfs:
                        if elem.get("locked", "1") in ("0", "false"):
                            self.unlocked_styles.add(len(xf_formats) - 1)
                    continue
                if elem.tag == f"{M}numFmt":
                    custom[int(elem.get("numFmtId", "0"))] = elem.get("formatCode", "")
                elif elem.tag == f"{M}cellXfs":
                    in_cellxfs = False
        for index, fmt_id in enumerate(xf_formats):
            code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, "General"))
            if is_date_format(code):
                self.date_styles.add(index)


def open_zip(path: Path, content: IO[bytes] | None = None) -> zipfile.ZipFile:
    """The file (or its ``content`` already read) as a zip archive, or XlsxReadError (Latvian) when it is
    not one or cannot be opened."""
    if _empty(path, content):  # said as it is, not „nav ZIP arhīvs” (audit35b F9e)
        raise XlsxReadError(EMPTY_TEXT)
    try:
        return zipfile.ZipFile(path if content is None else content)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, OSError):
            raise XlsxReadError(f"failu nevar atvērt: {os_reason_without_path(exc)}") from None
        if _starts_with(path, content, OLE_SIGNATURE):
            raise XlsxReadError(OLE_TEXT) from None
        raise XlsxReadError(NOT_ZIP_TEXT) from None


# what a damaged, truncated or empty file's refusal advises, whichever way it is damaged (audit35b F9e)
RESEND = "lūdziet to nosūtīt vēlreiz vai saglabājiet no jauna kā „Excel darbgrāmata (.xlsx)”"
NOT_ZIP_TEXT = ("nav xlsx darbgrāmata: fails bojāts vai nepilnīgi nokopēts (nav ZIP arhīvs; gaidīts: .xlsx "
                f"darbgrāmata) – {RESEND}")
EMPTY_TEXT = f"nav xlsx darbgrāmata: fails ir tukšs (0 baitu) – {RESEND}"
NO_WORKBOOK_TEXT = (f"nav xlsx darbgrāmata: fails bojāts vai nepilnīgi nokopēts (ZIP arhīvā nav darbgrāmatas "
                    f"xl/workbook.xml) – {RESEND}")


def _empty(path: Path, content: IO[bytes] | None) -> bool:
    try:
        if content is not None:
            content.seek(0, 2)
            size = content.tell()
            content.seek(0)
            return size == 0
        return path.stat().st_size == 0 and path.is_file()
    except (OSError, ValueError):
        return False
# An Office file in the old compound format (D0 CF 11 E0): a password-protected xlsx is stored so, as is an .xls.
OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
OLE_TEXT = ("nav xlsx darbgrāmata: fails, iespējams, aizsargāts ar paroli vai saglabāts vecā Excel formātā (.xls) "
            "(gaidīts: .xlsx bez paroles – noņemiet paroli vai atveriet failu un saglabājiet kā „Excel darbgrāmata "
            "(.xlsx)”)")


def _starts_with(path: Path, content: IO[bytes] | None, signature: bytes) -> bool:
    try:
        if content is not None:
            content.seek(0)
            return content.read(len(signature)) == signature
        with open(path, "rb") as f:
            return f.read(len(signature)) == signature
    except (OSError, ValueError):
        return False


def read_xlsx(path: Path, sheets: Iterable[str] | None = None) -> XlsxBook:
    """Read the names and the cells of ``sheets`` (every sheet when None) of one xlsx file.

    Raises XlsxReadError (Latvian message) when the file is not a zip, lacks the workbook part
    or has XML that cannot be parsed.
    """
    with open_zip(path) as zf:
        check_limits(zf)
        members = set(zf.namelist())
        try:
            wb_path = _workbook_part(zf, members)
            book, sheet_paths, strings_path, styles_path = _read_workbook(zf, wb_path, members, path)
            wanted = book.sheet_names if sheets is None else [s for s in sheets if s in sheet_paths]
            strings = _read_strings(zf, strings_path) if strings_path else []
            styles = _Styles(zf, styles_path)
            for name in wanted:
                book.cells[name], book.unlocked[name], book.hidden_rows[name] = _read_sheet(
                    zf, sheet_paths[name], strings, styles, book.date1904)
        except (ParseError, KeyError, zlib.error, zipfile.BadZipFile, EOFError) as exc:
            raise _read_error(exc) from None
    return book


def _read_error(exc: Exception) -> XlsxReadError:
    """The Latvian message of a part that cannot be read."""
    # the libraries' own English words are not shown (audit33c): the part's name and the place are what can be said
    if isinstance(exc, ParseError):
        line, column = getattr(exc, "position", (0, 0))
        where = f" ({line}. rindā, {column + 1}. zīmē)" if line else ""
        return XlsxReadError(f"bojāts XML darbgrāmatas iekšienē{where}; saglabājiet matricu vēlreiz")
    if isinstance(exc, KeyError):
        said = str(exc.args[0]) if exc.args else ""  # a part's name, or zipfile's sentence that quotes it
        named = re.search(r"named '([^']+)'", said)
        name = named.group(1) if named else said
        part = f" „{name}”" if re.fullmatch(r"[^\n\"„”]{1,120}", name) else ""
        return XlsxReadError(f"darbgrāmatā trūkst daļas{part}; saglabājiet matricu vēlreiz")
    return XlsxReadError("bojāts saspiestais saturs (saspiestie dati nav nolasāmi); saglabājiet matricu vēlreiz")


class _LazySheets(dict):
    """The cells (or unlocked cells, or hidden rows) of a book read by ``read_xlsx_lazily``: a sheet is read on its
    first use – by key, ``get`` or ``in`` – and every sheet before any iteration, so what the book answers is what
    ``read_xlsx`` of every sheet answers."""

    def __init__(self, load) -> None:  # noqa: ANN001 - the book's loader (one per book)
        super().__init__()
        self._load = load

    def __getitem__(self, sheet: str):  # noqa: ANN204
        self._load(sheet)
        return super().__getitem__(sheet)

    def get(self, sheet: str, default=None):  # noqa: ANN001, ANN201
        self._load(sheet)
        return super().get(sheet, default)

    def __contains__(self, sheet: object) -> bool:
        self._load(sheet)
        return super().__contains__(sheet)

    def __iter__(self):  # noqa: ANN204
        self._load(None)
        return super().__iter__()

    def __len__(self) -> int:
        self._load(None)
        return super().__len__()

    def keys(self):  # noqa: ANN201
        self._load(None)
        return super().keys()

    def values(self):  # noqa: ANN201
        self._load(None)
        return super().values()

    def items(self):  # noqa: ANN201
        self._load(None)
        return super().items()


def read_xlsx_lazily(path: Path) -> XlsxBook:
    """``read_xlsx`` of every sheet, with each sheet read only when first asked for (``_LazySheets``): for a caller
    that looks at a few sheets of a file (where a problem is fixed: reading.MatrixPlaces), about a third of the
    work. Names, sheet order and the zip's limits are read at once; a sheet that cannot be read raises
    XlsxReadError when it is asked for."""
    book = read_xlsx(path, sheets=())
    state: dict[str, object] = {}
    tried: set[str] = set()

    def read(zf: zipfile.ZipFile, names: list[str]) -> None:
        if "paths" not in state:
            _, state["paths"], strings_path, styles_path = _read_workbook(zf, _workbook_part(zf, set(zf.namelist())),
                                                                         set(zf.namelist()), path)
            state["strings"] = _read_strings(zf, strings_path) if strings_path else []
            state["styles"] = _Styles(zf, styles_path)
        paths = state["paths"]
        for name in names:
            if name in paths:
                cells, unlocked, hidden = _read_sheet(zf, paths[name], state["strings"], state["styles"],
                                                      book.date1904)
                dict.__setitem__(book.cells, name, cells)
                dict.__setitem__(book.unlocked, name, unlocked)
                dict.__setitem__(book.hidden_rows, name, hidden)
            tried.add(name)  # only once read: a sheet that failed is tried again (and fails again) when asked for

    def load(sheet: object) -> None:
        names = [s for s in book.sheet_names if s not in tried] if sheet is None else \
            [sheet] if isinstance(sheet, str) and sheet not in tried else []
        if not names:
            return
        with open_zip(path) as zf:
            try:
                read(zf, names)
            except (ParseError, KeyError, zlib.error, zipfile.BadZipFile, EOFError) as exc:
                raise _read_error(exc) from None

    book.cells, book.unlocked, book.hidden_rows = _LazySheets(load), _LazySheets(load), _LazySheets(load)
    return book


def _workbook_part(zf: zipfile.ZipFile, members: set[str]) -> str:
    if "_rels/.rels" in members:
        with zf.open("_rels/.rels") as fh:
            for _, elem in iterparse(fh):
                if elem.tag == f"{{{NS_PKG_REL}}}Relationship" and elem.get("Type", "").endswith("/officeDocument"):
                    target = _resolve("", elem.get("Target", ""))
                    if target in members:
                        return target
    if "xl/workbook.xml" in members:
        return "xl/workbook.xml"
    raise XlsxReadError(NO_WORKBOOK_TEXT)


def _read_workbook(zf: zipfile.ZipFile, wb_path: str, members: set[str], path: Path):
    rels_path = posixpath.join(posixpath.dirname(wb_path), "_rels", posixpath.basename(wb_path) + ".rels")
    targets: dict[str, str] = {}
    strings_path = styles_path = None
    with zf.open(rels_path) as fh:
        for _, elem in iterparse(fh):
            if elem.tag == f"{{{NS_PKG_REL}}}Relationship":
                target = _resolve(wb_path, elem.get("Target", ""))
                kind = elem.get("Type", "").rsplit("/", 1)[-1]
                targets[elem.get("Id", "")] = target
                if kind == "sharedStrings":
                    strings_path = target
                elif kind == "styles":
                    styles_path = target
    sheet_names: list[str] = []
    sheet_paths: dict[str, str] = {}
    names: dict[str, str] = {}
    date1904 = False
    with zf.open(wb_path) as fh:
        for _, elem in iterparse(fh):
            if elem.tag == f"{M}sheet":
                name = elem.get("name", "")
                sheet_names.append(name)
                target = targets.get(elem.get(f"{{{NS_REL}}}id", ""), "")
                if target in members:
                    sheet_paths[name] = target
            elif elem.tag == f"{M}definedName":
                name = elem.get("name", "")
                if elem.get("localSheetId") is None and not name.startswith("_xlnm."):
                    names[name] = elem.text or ""
            elif elem.tag == f"{M}workbookPr":
                date1904 = elem.get("date1904", "0") in ("1", "true")
    book = XlsxBook(path=path, sheet_names=sheet_names, defined_names=names, date1904=date1904)
    return book, sheet_paths, strings_path if strings_path in members else None, styles_path


def _read_strings(zf: zipfile.ZipFile, path: str) -> list[str]:
    strings: list[str] = []
    with zf.open(path) as fh:
        for _, elem in iterparse(fh):
            if elem.tag == f"{M}si":
                strings.append(_unescape(_text_of(elem)))
                elem.clear()
    return strings


def _read_sheet(zf: zipfile.ZipFile, path: str, strings: list[str], styles: _Styles, date1904: bool):
    """The cells of one sheet, streamed row by row with ``iterparse`` (each row is cleared once read)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    cells: dict[Coord, Cell] = {}
    unlocked: set[Coord] = set()
    hidden: set[int] = set()
    unlocked_styles = styles.unlocked_styles
    date_styles = styles.date_styles
    shared: dict[str, tuple[str, str]] = {}  # si -> (master cell, master formula)
    tag_row, tag_c, tag_v, tag_f, tag_is = f"{M}row", f"{M}c", f"{M}v", f"{M}f", f"{M}is"
    row_no = 0
    with zf.open(path) as fh:
        for _, row in iterparse(fh):
            if row.tag != tag_row:
                continue
            r = row.get("r")
            row_no = int(r) if r else row_no + 1
            if row.get("hidden") in ("1", "true"):
                hidden.add(row_no)
            col_no = 0
            for elem in row:
                if elem.tag != tag_c:
                    continue
                ref = elem.get("r")
                if ref:
                    try:
                        row_no, col_no = parse_cell(ref)
                    except ValueError:
                        raise XlsxReadError(f"bojāta šūnas adrese „{ref[:20]}” faila iekšējā daļā {path}") from None
                else:
                    col_no += 1
                coord = (row_no, col_no)
                style = int(elem.get("s", "0")) if elem.get("s", "0").isdigit() else 0
                if style in unlocked_styles:
                    unlocked.add(coord)
                if not len(elem):
                    continue
                kind = elem.get("t", "n")
                formula: str | None = None
                raw: str | None = None
                inline = None
                for child in elem:
                    ctag = child.tag
                    if ctag == tag_v:
                        raw = child.text
                    elif ctag == tag_f:
                        formula = _formula(child, coord, shared)
                    elif ctag == tag_is:
                        inline = child
                try:
                    value = _value(kind, raw, inline, strings, style in date_styles, epoch, serial_day)
                except (IndexError, ValueError, OverflowError):
                    raise XlsxReadError(f"{a1(coord)} faila iekšējā daļā {path}: vērtība „{(raw or '')[:20]}” nav "
                                        "nolasāma (bojāta atsauce uz kopīgo tekstu vai skaitlis)") from None
                if value is not None or formula is not None:
                    cells[coord] = Cell(value, formula)
            row.clear()
    return cells, unlocked, hidden


def _value(kind: str, raw: str | None, inline, strings: list[str], is_date: bool, epoch, from_excel) -> CellValue:  # noqa: ANN001
    if kind == "inlineStr":
        return _unescape(_text_of(inline)) if inline is not None else None
    if raw is None:
        return None
    if kind == "s":
        index = int(raw)
        if index < 0:
            raise IndexError(index)
        return strings[index]
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "e":
        return CellError(_unescape(raw))
    if kind == "str":
        return _unescape(raw)
    if kind == "d":  # ISO 8601 date (strict OOXML, some Excel versions)
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(raw)
    value = _number(raw)
    if is_date and value >= SHEET_DAYS_END:  # no day of the calendar (a number pasted into a date cell): the number
        return value
    return from_excel(value, epoch) if is_date else value


def _formula(elem, coord: Coord, shared: dict[str, tuple[str, str]]) -> str | None:
    text = elem.text
    ftype = elem.get("t")
    if ftype == "shared":
        si = elem.get("si", "")
        if text:
            shared[si] = (a1(coord), text)
            return text
        if si in shared:
            from openpyxl.formula.translate import Translator

            master_cell, master = shared[si]
            return Translator("=" + master, origin=master_cell).translate_formula(a1(coord))[1:]
        return None
    return text if text is not None else ("" if ftype == "array" else None)


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member holding that sheet's XML."""
    members = set(zf.namelist())
    wb_path = _workbook_part(zf, members)
    _, paths, _, _ = _read_workbook(zf, wb_path, members, Path(zf.filename or ""))
    return paths
