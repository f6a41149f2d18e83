"""6.11's checks table on paper: the rules shared over the fewest pages, as evenly as those pages allow (D84)."""

from __future__ import annotations

import itertools

from generator.workbook.sheets.technical import (
    FIRST_ROOM,
    INVALID_BLOCK_HEIGHT,
    NEXT_ROOM,
    RULE_COUNT,
    RULE_HEIGHTS,
    RULES_FIRST,
    RULES_HEADING_COPIES,
    TOTALS_HEIGHT,
    page_starts,
    rule_row,
)


def _sizes(starts: tuple[int, ...], count: int) -> list[int]:
    return [b - a for a, b in itertools.pairwise((*starts, count))]


def test_the_checks_print_thirteen_and_twelve() -> None:
    """25 checks (with D147's, D148's, D154's two), each row as high as its text: two pages of 13 and 12 (22 printed
    10, 11 and a lone one), the second with the totals and the first rows of the list of invalid inputs (audit9 F10:
    that list printed alone on a fourth)."""
    assert RULE_COUNT == 25
    assert page_starts(RULE_HEIGHTS) == (0, 13)
    assert sum(RULE_HEIGHTS[:13]) <= FIRST_ROOM
    assert sum(RULE_HEIGHTS[13:]) <= NEXT_ROOM - TOTALS_HEIGHT - INVALID_BLOCK_HEIGHT


def test_rows_of_the_rules_leave_room_for_the_heading_copy() -> None:
    rows = [rule_row(i) for i in range(RULE_COUNT)]
    assert rows[0] == RULES_FIRST and rows == sorted(set(rows))
    assert RULES_HEADING_COPIES == (rule_row(page_starts(RULE_HEIGHTS)[1]) - 1,) and RULES_HEADING_COPIES[0] not in rows


def test_pages_are_shared_evenly() -> None:
    """Two-line rules (26 pt): 20 fit two pages of 10 (the second also holds the totals and the list of invalid
    inputs); 31 need three, of 10 or 11 each, never one left alone."""
    assert _sizes(page_starts((26,) * 20), 20) == [10, 10]
    sizes = _sizes(page_starts((26,) * 31), 31)
    assert len(sizes) == 3 and max(sizes) - min(sizes) <= 1, sizes
    # a tall first rule: the pages still take what fits, the totals on the last
    starts = page_starts((200, *(26,) * 14))
    assert len(starts) == 2 and min(_sizes(starts, 15)) >= 7, starts
