"""Writing input values into an existing xlsx (a generated template) without touching anything else.

Only the <c> elements of the given cells change; styles, formulas, names, validations, protection and
every other part are copied byte for byte. Cached values of formula cells can be dropped (they belong
to the empty template), so that Excel and LibreOffice recalculate and no reader sees a stale number;
the file keeps ``fullCalcOnLoad``. Used by ``ibm migrate`` and by the tests' fast filling; openpyxl
would take far longer per file and re-serialise every part.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from generator.ministry.xlsxread import Coord, a1, col_index, read_xlsx, sheet_parts
from generator.replace_file import write_replacing

CellInput = str | int | float | bool | Decimal | dt.date | dt.datetime | None

_ROW_RE = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_ROW_START_RE = re.compile(r"<row\b")
_CELL_RE = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR_RE = re.compile(r'([\w:]+)="([^"]*)"')
_REF_RE = re.compile(r"([A-Z]+)(\d+)")
_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EPOCH = dt.datetime(1899, 12, 30)


class PatchError(Exception):
    pass


def excel_serial(value: dt.date | dt.datetime) -> float | int:
    if isinstance(value, dt.datetime):
        delta = value - _EPOCH
        return delta.days + delta.seconds / 86400
    return (value - _EPOCH.date()).days


_XESCAPE_RE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _text(value: str) -> str:
    """XML text; control characters that XML 1.0 cannot hold are dropped, and a literal ``_xHHHH_`` in the
    text is escaped as ``_x005F_xHHHH_`` so that Excel, LibreOffice and readers do not decode it."""
    return escape(_XESCAPE_RE.sub(r"_x005F_\1", _CTRL_RE.sub("", value)))


def _number(value: int | float | Decimal) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def cell_xml(ref: str, attrs: dict[str, str], value: CellInput) -> str:
    """The <c> element for ``value`` keeping the cell's other attributes (its style)."""
    keep = {k: v for k, v in attrs.items() if k not in ("r", "t")}
    extra = "".join(f' {k}="{v}"' for k, v in keep.items())
    if value is None:
        return f'<c r="{ref}"{extra}/>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{extra} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}"{extra}><v>{_number(excel_serial(value))}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{ref}"{extra}><v>{_number(value)}</v></c>'
    text = str(value)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{extra} t="inlineStr"><is><t{space}>{_text(text)}</t></is></c>'


def _strip_cached(body: str | None, attrs: dict[str, str], ref: str) -> str | None:
    """A formula cell without its cached value (None when the cell is not a formula)."""
    if not body or "<f" not in body:
        return None
    body = re.sub(r"<v>.*?</v>|<v/>", "", body, flags=re.S)
    keep = {k: v for k, v in attrs.items() if k not in ("r", "t")}
    extra = "".join(f' {k}="{v}"' for k, v in keep.items())
    return f'<c r="{ref}"{extra}>{body}</c>'


def _rows(data: str) -> Iterator[tuple[str, str, str | None]]:
    """(the row's whole text, its attributes' text, its body or None when self-closing) of each ``<row>`` in
    ``data``, exactly as ``_ROW_RE.finditer`` matches them, found with ``str.find`` (the lazy ``.*?`` of the
    regular expression walks every character of a row: ~3/4 of a sheet's patch time). Anything the quick
    search does not recognise – a row without its ``>`` or ``</row>`` – goes to the regular expression from there
    on (tests/ministry/test_xlsxpatch.py compares both on every template sheet and on odd rows)."""
    pos = 0
    while (start := _ROW_START_RE.search(data, pos)) is not None:
        at = start.start()
        gt = data.find(">", at + 4)
        if gt < 0:
            break
        if data[gt - 1] == "/" and gt - 1 >= at + 4:  # <row .../>: the first ">" closes the tag
            yield data[at:gt + 1], data[at + 4:gt - 1], None
            pos = gt + 1
            continue
        close = data.find("</row>", gt + 1)
        if close < 0:
            break
        yield data[at:close + 6], data[at + 4:gt], data[gt + 1:close]
        pos = close + 6
    else:
        return
    for match in _ROW_RE.finditer(data, at):
        yield match.group(0), match.group(1), match.group(2)


def patch_sheet_xml(xml: str, values: Mapping[Coord, CellInput], *, strip_cached: bool) -> str:
    """The sheet XML with ``values`` written into their cells (cells and rows are added when missing)."""
    start = xml.find("<sheetData")
    if start < 0:
        raise PatchError("lapā nav <sheetData>")
    open_end = xml.index(">", start)
    if xml[open_end - 1] == "/":
        head, data, tail = xml[:start] + "<sheetData>", "", "</sheetData>" + xml[open_end + 1:]
    else:
        close = xml.index("</sheetData>", open_end)
        head, data, tail = xml[: open_end + 1], xml[open_end + 1: close], xml[close:]
    by_row: dict[int, dict[int, CellInput]] = {}
    for (row, col), value in values.items():
        by_row.setdefault(row, {})[col] = value
    rows: list[tuple[int, str]] = []
    for whole, raw_attrs, body in _rows(data):
        attrs = dict(_ATTR_RE.findall(raw_attrs))
        row_no = int(attrs["r"])
        wanted = by_row.pop(row_no, None)
        if wanted is None and not strip_cached:
            rows.append((row_no, whole))
            continue
        rows.append((row_no, _patch_row(row_no, attrs, body or "", wanted or {}, strip_cached)))
    for row_no, wanted in by_row.items():
        rows.append((row_no, _patch_row(row_no, {"r": str(row_no)}, "", wanted, strip_cached)))
    rows.sort(key=lambda item: item[0])
    return head + "".join(text for _, text in rows) + tail


def _patch_row(row_no: int, attrs: dict[str, str], body: str, wanted: dict[int, CellInput],
               strip_cached: bool) -> str:
    cells: list[tuple[int, str]] = []
    for match in _CELL_RE.finditer(body):
        cattrs = dict(_ATTR_RE.findall(match.group(1)))
        ref = cattrs.get("r")
        if ref is None:
            raise PatchError(f"rindā {row_no} ir šūna bez adreses")
        col = col_index(_REF_RE.match(ref).group(1))  # type: ignore[union-attr]
        if col in wanted:
            cells.append((col, cell_xml(ref, cattrs, wanted.pop(col))))
        elif strip_cached:
            cells.append((col, _strip_cached(match.group(2), cattrs, ref) or match.group(0)))
        else:
            cells.append((col, match.group(0)))
    for col, value in wanted.items():
        cells.append((col, cell_xml(a1((row_no, col)), {}, value)))
    cells.sort(key=lambda item: item[0])
    attrs = {k: v for k, v in attrs.items() if k != "spans"}
    head = "<row" + "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"{head}>{''.join(text for _, text in cells)}</row>" if cells else f"{head}/>"


def patch_xlsx(src: Path, dst: Path, values: Mapping[str, Mapping[Coord, CellInput]], *,
               strip_cached: bool = True, finish_sheet: Callable[[str, str], str] | None = None,
               compresslevel: int | None = None) -> Path:
    """Copy ``src`` to ``dst`` with ``values`` ({sheet: {(row, col): value}}) written in; ``finish_sheet``,
    if given, rewrites each patched sheet's XML once more (called with the sheet's name and XML; e.g. opening
    row groups). ``compresslevel``: zlib's level for every part (None: zlib's default, as ``ibm migrate`` writes;
    the tests' many throwaway matrices take 1 – ~3.5 times less compression time, the same content).

    ``dst`` appears only when complete (written to a temporary file beside it, then renamed).
    """
    with zipfile.ZipFile(src) as zin:
        parts = sheet_parts(zin)
        unknown = [s for s in values if s not in parts]
        if unknown:
            raise PatchError(f"darbgrāmatā nav lapas {', '.join(unknown)}")
        targets = {parts[s]: s for s in (parts if strip_cached else values)}

        def write(tmp: Path) -> None:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    data = zin.read(info.filename)
                    if info.filename in targets:
                        sheet = targets[info.filename]
                        xml = data.decode("utf-8")
                        xml = patch_sheet_xml(xml, values.get(sheet, {}), strip_cached=strip_cached)
                        data = (finish_sheet(sheet, xml) if finish_sheet else xml).encode("utf-8")
                    elif info.filename == "xl/calcChain.xml":
                        continue
                    elif info.filename == "xl/workbook.xml":
                        data = _full_calc(data.decode("utf-8")).encode("utf-8")
                    elif info.filename == "[Content_Types].xml":
                        data = data.replace(b'<Override PartName="/xl/calcChain.xml" ContentType="application/'
                                            b'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>', b"")
                    zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=compresslevel)

        write_replacing(dst, write, suffix=".xlsx.tmp")
    return dst


def _full_calc(xml: str) -> str:
    """Make sure Excel and LibreOffice recalculate every formula when the file is opened."""
    match = re.search(r"<calcPr\b([^>]*?)(/?)>", xml)
    if match is None:
        return xml.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>')
    attrs = match.group(1)
    if "fullCalcOnLoad" in attrs:
        attrs = re.sub(r'fullCalcOnLoad="[^"]*"', 'fullCalcOnLoad="1"', attrs)
    else:
        attrs += ' fullCalcOnLoad="1"'
    return xml[: match.start()] + f"<calcPr{attrs}{match.group(2)}>" + xml[match.end():]


def fill_by_names(src: Path, dst: Path, named: Mapping[str, object], *, strip_cached: bool = True) -> Path:
    """Write values by defined name: a scalar for a one-cell name, a list for a column, a list of rows
    for a grid (shorter lists leave the remaining cells as they are)."""
    from generator.ministry.matrix import Matrix

    book = read_xlsx(src, sheets=("6.11",))  # the version (IBM_Versija): a plan name's spacer rows (D288)
    matrix = Matrix.from_book(book, partial=True)
    values: dict[str, dict[Coord, CellInput]] = {}
    for name, value in named.items():
        ref = book.name_ref(name)
        if ref is None:
            raise PatchError(f"darbgrāmatā nav definētā nosaukuma {name}")
        target = values.setdefault(ref.sheet, {})
        coords = ref.coords()
        offsets = matrix.offsets(name)
        if offsets is not None:  # a plan name: one list item per line, the spacer rows skipped
            coords = [coords[k] for k in offsets]
            ref = replace(ref, last=(ref.first[0] + len(coords) - 1, ref.last[1]))
        if ref.is_cell and not isinstance(value, list | tuple):
            target[ref.first] = value  # type: ignore[assignment]
            continue
        rows = list(value) if isinstance(value, list | tuple) else [value]
        if ref.cols == 1 and rows and not isinstance(rows[0], list | tuple):
            rows = [[v] for v in rows]
        if len(rows) > ref.rows or any(len(r) > ref.cols for r in rows):
            raise PatchError(f"{name}: vērtību vairāk nekā šūnu ({ref.text()})")
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                target[coords[i][j]] = v
    return patch_xlsx(src, dst, values, strip_cached=strip_cached)
