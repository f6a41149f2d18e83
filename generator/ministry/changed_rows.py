"""A row of an older registered template (known by its rows' fingerprints only) that differs in a matrix: the cells
of it that hold a value where the current template has a formula, named as `ibm migrate` names them („6.4. tabula,
E57 „…”: formula aizstāta ar vērtību …”), so `ibm collect` and `ibm migrate` say the same of one file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from generator.lvformat import date as lv_date
from generator.lvformat import number
from generator.ministry.integrity import Content
from generator.ministry.xlsxread import CellValue, Coord
from generator.money import to_decimal

CHANGED_ROW = re.compile(r"(.+), (\d+)\. rinda: formulas vai veidnes vērtības mainītas")


def typed_over(found: Content, now: Content, problem: str, named: Callable[[str, Coord], str],
               shown: Callable[[str, Coord], str]) -> list[str]:
    """The cells of ``problem``'s row (a compare_rows line) whose file content ``found`` is a value where the current
    template's ``now`` has a formula, each as „<named>: formula aizstāta ar vērtību <shown>”; [] when none is found
    so (the row is then named as a whole)."""
    hit = CHANGED_ROW.fullmatch(problem)
    if hit is None:
        return []
    sheet, row = hit[1], int(hit[2])
    return [f"{named(sheet, coord)}: formula aizstāta ar vērtību {shown(sheet, coord)}"
            for coord, text in sorted(found.get(sheet, {}).items())
            if coord[0] == row and not text.startswith("f:") and now.get(sheet, {}).get(coord, "").startswith("f:")]


def shown_value(value: CellValue) -> str:
    """A cell's value as a message quotes it: a number with its own decimals, a date DD.MM.YYYY, a text in quotes."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value, max(0, -to_decimal(value).normalize().as_tuple().exponent))  # type: ignore[operator]
    if isinstance(value, dt.datetime | dt.date):
        return lv_date(value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else value.date())
    return f"„{value}”" if value not in (None, "") else "(tukša)"
