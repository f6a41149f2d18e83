"""Opening the collapsed plan-row groups of a written xlsx file at the XML level (rows' ``hidden`` and
``collapsed`` attributes), the way generator/workbook/outline.py does it for openpyxl: used by
`ibm migrate`, which writes the new matrix by patching the template's XML (open_groups is applied to
each sheet as it is written).

A plan sheet's rows 6–40 sit in nested outline groups of five (generator/workbook/sheets/plan_rows.py). The
groups are opened on every sheet to the same level: the deepest level that holds an entered value
on any sheet, so that the filled rows print on every annex (6.5 and 6.9 hold formulas only).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.ministry.xlsxread import sheet_parts

_ROW_TAG = re.compile(r"<row\b([^>]*?)(/?)>")
_ATTR = re.compile(r'\s(\w+)="([^"]*)"')


def _levels(xml: str) -> dict[int, int]:
    """Row number -> outline level of every row element in the sheet XML."""
    levels = {}
    for match in _ROW_TAG.finditer(xml):
        attrs = dict(_ATTR.findall(" " + match.group(1)))
        levels[int(attrs["r"])] = int(attrs.get("outlineLevel", "0"))
    return levels


def filled_level(xml: str, rows: Iterable[int]) -> int:
    """The deepest outline level among ``rows`` (rows holding an entered value) of one sheet."""
    levels = _levels(xml)
    return max((levels.get(r, 0) for r in rows), default=0)


def open_groups(xml: str, shown: int) -> str:
    """The sheet XML with rows of outline level > ``shown`` hidden and the others shown; a row just above a
    group is marked collapsed when that group stays closed. Sheets without groups come back unchanged."""
    levels = _levels(xml)
    if not any(levels.values()):
        return xml

    def row(match: re.Match[str]) -> str:
        attrs = dict(_ATTR.findall(" " + match.group(1)))
        number = int(attrs["r"])
        level = levels[number]
        below = levels.get(number + 1, 0)
        attrs.pop("hidden", None)
        attrs.pop("collapsed", None)
        if level > shown:
            attrs["hidden"] = "1"
        if below > level and below > shown:
            attrs["collapsed"] = "1"
        text = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return f"<row{text}{match.group(2)}>"

    return _ROW_TAG.sub(row, xml)


def filled_groups_level(path: Path, filled: Mapping[str, Iterable[int]]) -> int:
    """The outline level to open on every sheet of a workbook built from ``path`` so that the rows of
    ``filled`` ({sheet name: row numbers with an entered value}) show: the deepest among them."""
    with zipfile.ZipFile(path) as zin:
        sheets = sheet_parts(zin)
        return max((filled_level(zin.read(sheets[s]).decode("utf-8"), rows) for s, rows in filled.items()
                    if s in sheets), default=0)
