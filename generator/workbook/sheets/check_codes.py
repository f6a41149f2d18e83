"""The plan-row checks of the signed annexes 6.3 and 6.6 on paper: numbers in the row, texts under the table.

A row's "Pārbaude" cell lists the numbers of the checks that fail in it ("1, 4, 5 (3. rinda)"): every combination
fits two lines of the narrow column, where whole messages lost every line beyond two. One legend cell under the
table, beside the hidden-rows warning, gives the whole text of each check that fails in some plan row, once, with
its number (texts.CHECKS_63, texts.CHECKS_66; D35). The 6.4 message column and the 6.11 list keep the long forms.
"""

from __future__ import annotations

from generator.workbook.sheetio import Sheet
from generator.workbook.texts import CHECKS_LEGEND_LABEL

SEPARATOR = ", "


def number(checks: tuple[tuple[str, str], ...], key: str) -> int:
    """The printed number of check ``key`` (1-based, the order of ``checks``)."""
    return [k for k, _ in checks].index(key) + 1


def row_codes(parts: list[tuple[str, str]]) -> str:
    """Formula: the numbers of the failing checks of one row joined by ", ". ``parts`` = (condition, shown), e.g.
    ("'6.4'!$AN12>0", '"2"'); ``shown`` is a formula text expression."""
    joined = "&".join(f'IF({cond},"{SEPARATOR}"&{shown},"")' for cond, shown in parts)
    return f"MID({joined},{len(SEPARATOR) + 1},200)"


def legend_formula(checks: tuple[tuple[str, str], ...], counts: dict[str, str]) -> str:
    """Formula: "Pārbaude (…): 1 – text; 4 – text." for each check whose ``counts`` formula is > 0 (the
    number of plan rows where it fails), "" when none fails."""
    joined = "&".join(f'IF({counts[key]}>0,"; {number(checks, key)} – {text}","")' for key, text in checks)
    return f'IF(LEN({joined})=0,"","{CHECKS_LEGEND_LABEL} "&MID({joined},3,2000)&".")'


def legend(sh: Sheet, cells: str, checks: tuple[tuple[str, str], ...], counts: dict[str, str]) -> None:
    """The legend in the merged ``cells`` (one row; its height is the warning row's), wrapped in 8 pt bold."""
    first, _, last = cells.partition(":")
    r1, c1 = sh._rc(first)
    r2, c2 = sh._rc(last)
    sh.ws.merge_range(r1, c1, r2, c2, "", sh.st.alert_wrap)
    sh.formula(first, legend_formula(checks, counts), sh.st.alert_wrap, "")
