"""Fast rows for the summary's large data sheets (per child, plan line and month).

xlsxwriter spends ~60 µs per cell (a cell tuple at write time, attribute lists and escaping at close);
a national summary has ~520 000 of them. ``BulkRows`` renders each data row's ``<row>`` XML once, with
the same cell XML xlsxwriter writes (shared strings from the workbook's own table, the formats' own
style indices, numbers as ``%.16G``, dates as Excel serial numbers), and appends it after the rows
the worksheet holds itself (title, note, header) when the workbook is closed. The worksheet's
dimensions are widened to the data, so autofilter, print titles and ``<dimension>`` stay right.
Nothing else about the worksheet changes; ``tests/ministry/test_sheet_rows.py`` proves the cells
read back exactly as the same values written through xlsxwriter's own API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

YES, NO = "Jā", "Nē"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


class BulkRows:
    """Data rows of one worksheet, rendered now and written after the worksheet's own rows at close.

    Rows are 1-based and must come in order after every row written through the worksheet's API."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.parts: list[str] = []
        self.last_row = 0  # 1-based; 0 = no rows yet
        self.last_col = -1
        self._letters: list[str] = []
        self._index = ws.str_table._get_shared_string_index
        self._styles: dict[int, int] = {}
        self._keep: list[Any] = []
        self._serials: dict[dt.date, str] = {}
        original = ws._write_rows

        def write_rows() -> None:
            own_max = max((r for r, cells in ws.table.items() if cells), default=-1)
            if self.parts and own_max >= self._first:
                raise ValueError(f"lapā {ws.get_name()} rinda {own_max + 1} ierakstīta arī ātrajās rindās")
            original()
            ws.fh.write("".join(self.parts))

        ws._write_rows = write_rows  # type: ignore[method-assign]
        self._first = 0

    def _letter(self, col: int) -> str:
        while len(self._letters) <= col:
            self._letters.append(xl_col_to_name(len(self._letters)))
        return self._letters[col]

    def row(self, row: int, cells: list[tuple[Any, Any]]) -> None:
        """Row ``row`` (1-based) from column A: (value, format) pairs, written like ``SummaryBook.value``:
        None → a formatted blank, bool → Jā/Nē, date → date serial, number → number, else text."""
        self._start(row)
        self._letter(len(cells))
        letters, styles, index = self._letters, self._styles, self._index
        out = [f'<row r="{row}">']
        for col, (value, fmt) in enumerate(cells):  # the common kinds inline: this loop runs ~500 000 times
            style = styles.get(id(fmt))
            kind = type(value)
            if style is None:
                out.append(self._cell(row, col, value, fmt))
            elif kind is str and len(value) <= 16383:
                out.append(f'<c r="{letters[col]}{row}" s="{style}" t="s"><v>{index(value)}</v></c>')
            elif kind is Decimal or kind is float or kind is int:
                out.append(f'<c r="{letters[col]}{row}" s="{style}"><v>{float(value):.16G}</v></c>')
            else:
                out.append(self._cell(row, col, value, fmt))
        out.append("</row>")
        self.parts.append("".join(out))
        self._end(row, len(cells) - 1)

    def writer(self, columns: Sequence[tuple[str, Any] | tuple[str, Any, str]]) -> Callable[[int, Sequence[Any]], None]:
        """A writer of rows whose cells have fixed kinds and formats. ``columns``: (kind, format) with kind
        "s" text, "b" yes/no, "n" number, "d" date, or ("f", format, formula) with "{0}" for the row number
        in the formula (the value is its cached result). Each row is one ``str.format`` of a template made
        here; a row with a value of another kind (None, a subclass…) is written by ``row_with_formulas``, so
        the cells are always what it writes (the national summary: ~60 000 such rows)."""
        self._letter(len(columns))
        cells = []
        for col, (kind, fmt, *formula) in enumerate(columns):
            if kind not in ("s", "b", "n", "d", "f") or (kind == "f") != bool(formula):
                raise ValueError(f"nezināms šūnas veids „{kind}”")
            typed = ' t="s"' if kind in ("s", "b") else ""
            f = f"<f>{formula[0].translate(_ESCAPES)}</f>" if formula else ""
            cells.append(f'<c r="{self._letters[col]}{{0}}" s="{self._style(fmt)}"{typed}>{f}<v>{{{col + 1}}}</v></c>')
        template = ('<row r="{0}">' + "".join(cells) + "</row>").format
        kinds = [c[0] for c in columns]
        formats = [c[1] for c in columns]
        formulas = [c[2] if len(c) > 2 else None for c in columns]
        texts = [col for col, kind in enumerate(kinds) if kind in ("s", "b")]
        index, serial, parts, last = self._index, self._serial, self.parts, len(columns) - 1

        def write(row: int, values: Sequence[Any], height: float | None = None) -> None:
            """``height``: the row's height in points when its wrapped text takes more than one line."""
            args: list[Any] = []
            for kind, value in zip(kinds, values, strict=True):
                t = type(value)
                if kind == "n" and (t is Decimal or t is float or t is int):
                    args.append(f"{float(value):.16G}")
                elif kind == "s" and t is str and len(value) <= 16383:
                    args.append(value)
                elif kind == "f" and (t is Decimal or t is float or t is int):
                    args.append(f"{float(value) if t is Decimal else value}")
                elif kind == "b" and t is bool:
                    args.append(YES if value else NO)
                elif kind == "d" and t is dt.date:
                    args.append(serial(value))
                else:
                    self.row_with_formulas(row, [(v, fmt, f.format(row) if f else None) for v, fmt, f in
                                                 zip(values, formats, formulas, strict=True)], height)
                    return
            for col in texts:  # indexed only now, left to right as ``row`` does: a fallback row adds none twice
                args[col] = index(args[col])
            self._start(row)
            xml = template(row, *args)
            parts.append(xml if height is None else _with_height(xml, row, height))
            self._end(row, last)

        return write

    def row_with_formulas(self, row: int, cells: list[tuple[Any, Any, str | None]],
                          height: float | None = None) -> None:
        """Like ``row`` but each cell is (value, format, formula or None); a formula cell keeps ``value``
        as its cached result (as ``write_formula`` with a value)."""
        self._start(row)
        out = [_with_height(f'<row r="{row}">', row, height) if height else f'<row r="{row}">']
        for col, (value, fmt, formula) in enumerate(cells):
            if formula is None:
                out.append(self._cell(row, col, value, fmt))
            else:
                out.append(self._formula(row, col, formula, value, fmt))
        out.append("</row>")
        self.parts.append("".join(out))
        self._end(row, len(cells) - 1)

    def _start(self, row: int) -> None:
        if row <= self.last_row:
            raise ValueError(f"rindas jāraksta pēc kārtas: {row} pēc {self.last_row}")
        if not self.parts:
            self._first = row - 1

    def _end(self, row: int, last_col: int) -> None:
        self.last_row = row
        if last_col > self.last_col:
            self.last_col = last_col
        # widen the sheet's dimensions (the same bookkeeping as xlsxwriter's write_* calls)
        self.ws._check_dimensions(row - 1, max(last_col, 0))

    def _style(self, fmt: Any) -> int:
        style = self._styles.get(id(fmt))
        if style is None:
            style = self._styles[id(fmt)] = fmt._get_xf_index()
            self._keep.append(fmt)  # the id stays this format's while the rows live
        return style

    def _cell(self, row: int, col: int, value: Any, fmt: Any) -> str:
        ref = f"{self._letters[col] if col < len(self._letters) else self._letter(col)}{row}"
        style = self._style(fmt)
        kind = type(value)
        if kind is str:
            if len(value) > 16383:  # xlsxwriter's limit check needs UTF-16 lengths; such text is not expected
                raise ValueError(f"pārāk garš teksts šūnā {ref}")
            return f'<c r="{ref}" s="{style}" t="s"><v>{self._index(value)}</v></c>'
        if kind is Decimal or kind is float or kind is int:
            return f'<c r="{ref}" s="{style}"><v>{float(value):.16G}</v></c>'
        if value is None:
            return f'<c r="{ref}" s="{style}"/>'
        if kind is bool:
            return f'<c r="{ref}" s="{style}" t="s"><v>{self._index(YES if value else NO)}</v></c>'
        if isinstance(value, dt.date):
            return f'<c r="{ref}" s="{style}"><v>{self._serial(value)}</v></c>'
        if isinstance(value, Decimal | int | float):  # subclasses (bool is handled above)
            return f'<c r="{ref}" s="{style}"><v>{float(value):.16G}</v></c>'
        return self._cell(row, col, str(value), fmt)

    def _serial(self, value: dt.date) -> str:
        serial = self._serials.get(value)
        if serial is None:  # a national summary repeats a few hundred dates (months, period starts)
            when = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
            serial = self._serials[value] = f"{self.ws._convert_date_time(when):.16G}"
        return serial

    def _formula(self, row: int, col: int, formula: str, value: Any, fmt: Any) -> str:
        ref = f"{self._letter(col)}{row}"
        style = self._style(fmt)
        cached = float(value) if isinstance(value, Decimal) else value
        if not isinstance(cached, int | float) or isinstance(cached, bool):
            raise ValueError(f"ātrajās rindās formulai {ref} vajag skaitlisku vērtību")
        return f'<c r="{ref}" s="{style}"><f>{formula.translate(_ESCAPES)}</f><v>{cached}</v></c>'


def _with_height(xml: str, row: int, height: float) -> str:
    """A row's XML with its height set (as xlsxwriter's ``set_row`` writes it)."""
    return xml.replace(f'<row r="{row}">', f'<row r="{row}" ht="{height:g}" customHeight="1">', 1)
