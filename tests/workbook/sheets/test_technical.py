"""6.11's checks table on paper: the rules shared over the fewest pages, as evenly as those pages allow (D84)."""

from __future__ import annotations

import itertools

from generator.workbook.sheets.technical import (
    FIRST_ROOM,
    INVALID_BLOCK_HEIGHT,
    INVALID_SHOWN,
    LIST_ROW_HEIGHT,
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


def test_the_checks_and_the_whole_list_print_on_two_pages() -> None:
    """25 checks (with D147's, D148's, D154's two), each row as high as its 8 pt text: two pages of 22 and 3 (22
    printed 10, 11 and a lone one), the second with the totals and the whole list of errors, all INVALID_SHOWN rows
    (D198: the list's last rows printed on a fourth page of 6.11, empty when there were no errors)."""
    assert RULE_COUNT == 25
    assert page_starts(RULE_HEIGHTS) == (0, 22)
    assert sum(RULE_HEIGHTS[:22]) <= FIRST_ROOM
    assert sum(RULE_HEIGHTS[22:]) <= NEXT_ROOM - TOTALS_HEIGHT - INVALID_BLOCK_HEIGHT
    assert INVALID_BLOCK_HEIGHT >= INVALID_SHOWN * LIST_ROW_HEIGHT


def test_rows_of_the_rules_leave_room_for_the_heading_copy() -> None:
    rows = [rule_row(i) for i in range(RULE_COUNT)]
    assert rows[0] == RULES_FIRST and rows == sorted(set(rows))
    assert RULES_HEADING_COPIES == (rule_row(page_starts(RULE_HEIGHTS)[1]) - 1,) and RULES_HEADING_COPIES[0] not in rows


def test_pages_are_shared_evenly() -> None:
    """Two-line rules (22 pt): 20 fit two pages, the second holding only three of them with the totals and the whole
    list of errors; 31 need three, the first two of 14 each, never one left alone."""
    assert _sizes(page_starts((22,) * 20), 20) == [17, 3]
    sizes = _sizes(page_starts((22,) * 31), 31)
    assert len(sizes) == 3 and abs(sizes[0] - sizes[1]) <= 1 and min(sizes) >= 2, sizes
    # a tall first rule: the pages still take what fits, the totals on the last
    starts = page_starts((200, *(22,) * 14))
    assert len(starts) == 2 and min(_sizes(starts, 15)) >= 3, starts
