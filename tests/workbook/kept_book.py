"""A generated template opened with openpyxl once per test process and handed out again as loaded.

``load_workbook`` of a matrix costs ~0,26 s CPU, and ~50 places in tests/workbook opened the same session
template again only to look at it or to fill a copy of it (docs/benchmarks.md, testspeed7). ``kept_book`` keeps
the opened workbook by the template's bytes (SHA-256) and, each time it hands it out again, puts back what an
earlier user changed: every cell whose value, type or style differs from the loaded one, every cell created
since, every row and column dimension. Then the whole workbook is compared with the state taken when it was
loaded (cells, rows, columns, merged cells, print settings, protection, validations, conditional formats, sheet
order and states, defined names); anything else an earlier user changed – or anything not put back – makes it
load the file again. So a test always gets the template as loaded (tests/workbook/test_kept_book.py).

Where the load itself is what a test proves (openpyxl reading a file written by a program, InputCells' saves
against openpyxl's: test_input_cells.py, test_structure.py's later catalogue) the tests still load the file."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles.cell_style import StyleArray

_KEPT_BOOKS = 3  # the generic template and a municipality's one are used most; ~25 MB each
loads = 0  # files loaded by kept_book (a reload counts too): tests/workbook/test_kept_book.py


def _cells(ws) -> dict:  # noqa: ANN001 - an openpyxl worksheet
    return {rc: (type(c), c._value, c.data_type, _style(c), getattr(c, "_hyperlink", None),
                 getattr(c, "_comment", None)) for rc, c in ws._cells.items()}


def _style(cell) -> tuple | None:  # noqa: ANN001 - a cell never styled may have no style array
    return None if cell._style is None else tuple(cell._style)


def _dimensions(dims) -> dict:  # noqa: ANN001 - a sheet's row_dimensions or column_dimensions
    return {k: tuple(d) for k, d in dims.items()}


def _rest(ws) -> tuple:  # noqa: ANN001
    return (ws.title, ws.sheet_state, sorted(str(r) for r in ws.merged_cells.ranges), str(ws.print_area),
            str(ws.print_title_rows), str(ws.print_title_cols), tuple(ws.page_setup), tuple(ws.print_options),
            tuple(ws.page_margins), tuple(ws.sheet_properties.outlinePr or ()), ws.freeze_panes,
            tuple(ws.protection), [repr(tuple(v)) for v in ws.data_validations.dataValidation],
            [(str(rng.sqref), [repr(tuple(r)) for r in rules]) for rng, rules in ws.conditional_formatting._cf_rules.items()],
            ws.sheet_format.outlineLevelRow, ws.sheet_format.outlineLevelCol, ws.sheet_format.defaultRowHeight,
            [(str(k), tuple(v)) for k, v in ws.defined_names.items()], len(ws._hyperlinks), len(ws._images),
            len(ws._charts), ws.views.sheetView[0].tabSelected)


def state(wb) -> tuple:  # noqa: ANN001 - an openpyxl workbook
    """What a test may look at in ``wb``, comparable between two workbooks."""
    return ([(_cells(ws), _dimensions(ws.row_dimensions), _dimensions(ws.column_dimensions), _rest(ws))
             for ws in wb.worksheets],
            sorted((name, d.attr_text) for name, d in wb.defined_names.items()), wb.active.title,
            tuple(wb.security or ()), tuple(wb.calculation),
            # the style lists openpyxl writes whole into styles.xml: a new font or format would be saved too
            [len(styles) for styles in (wb._fonts, wb._fills, wb._borders, wb._number_formats, wb._alignments,
                                        wb._protections, wb._cell_styles, wb._named_styles)])


@dataclass
class _Kept:
    wb: object
    state: tuple
    cells: dict  # by sheet: the loaded cells' (value, type, style)
    rows: dict  # by sheet: copies of the loaded row dimensions
    columns: dict  # by sheet: copies of the loaded column dimensions


_KEPT: dict[bytes, _Kept] = {}


def _load(path: Path) -> _Kept:
    global loads
    loads += 1
    wb = load_workbook(path)
    return _Kept(wb, state(wb), {ws.title: _cells(ws) for ws in wb.worksheets},
                 {ws.title: {k: copy.copy(d) for k, d in ws.row_dimensions.items()} for ws in wb.worksheets},
                 {ws.title: {k: copy.copy(d) for k, d in ws.column_dimensions.items()} for ws in wb.worksheets})


def _put_back(kept: _Kept) -> None:
    """Cells, rows and columns back as loaded (what fill, fill_free_cells, a pasted value and a hidden row
    change); a sheet renamed, added or removed is left for the comparison to catch."""
    wb = kept.wb
    if [ws.title for ws in wb.worksheets] != list(kept.cells):
        return
    for ws in wb.worksheets:
        loaded, cells = kept.cells[ws.title], ws._cells
        for rc in [rc for rc in cells if rc not in loaded]:
            del cells[rc]
        for rc, (kind, value, data_type, style, hyperlink, comment) in loaded.items():
            cell = cells.get(rc)
            if type(cell) is not kind:
                continue  # a deleted or merged cell: the comparison reloads
            if cell._value is not value and (cell._value != value or type(cell._value) is not type(value)):
                cell._value = value
            if cell.data_type != data_type:
                cell.data_type = data_type
            if _style(cell) != style:
                cell._style = None if style is None else StyleArray(style)
            if hyperlink is not getattr(cell, "_hyperlink", None) or comment is not getattr(cell, "_comment", None):
                cell._hyperlink, cell._comment = hyperlink, comment
        for dims, loaded_dims in ((ws.row_dimensions, kept.rows[ws.title]),
                                  (ws.column_dimensions, kept.columns[ws.title])):
            for k in [k for k in dims if k not in loaded_dims]:
                del dims[k]
            for k, d in loaded_dims.items():
                if k not in dims or tuple(dims[k]) != tuple(d):
                    dims[k] = copy.copy(d)


def kept_book(path: Path):  # noqa: ANN201 - an openpyxl Workbook
    """``path`` opened with openpyxl: the same workbook object again for the same bytes while it can be put back
    to the state it was loaded in, else loaded anew. A user may change it (fill it, paste into it, hide rows);
    the next user gets it back as loaded."""
    digest = hashlib.sha256(Path(path).read_bytes()).digest()
    kept = _KEPT.pop(digest, None)
    if kept is not None:
        _put_back(kept)
        if state(kept.wb) != kept.state:
            kept = None
    if kept is None:
        kept = _load(Path(path))
        while len(_KEPT) >= _KEPT_BOOKS:
            _KEPT.pop(next(iter(_KEPT)))
    _KEPT[digest] = kept
    return kept.wb
