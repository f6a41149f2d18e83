"""6.11's checks table on paper: the rules shared over the fewest pages, as evenly as those pages allow (D84)."""

from __future__ import annotations

import itertools

from generator.workbook.sheets.technical import (
    FIRST_ROOM,
    HEADING_HEIGHT,
    INVALID_BLOCK_HEIGHT,
    INVALID_SHOWN,
    LAST_PAGE_SPARE,
    LIST_ROW_HEIGHT,
    NEXT_ROOM,
    PAGE_BODY,
    PAGE_SLACK,
    REPEATED_HEIGHT,
    RULE_COUNT,
    RULE_HEIGHTS,
    RULES_FIRST,
    RULES_HEADING_COPIES,
    SECTION_HEIGHT,
    TOTALS_HEIGHT,
    page_starts,
    rule_row,
)


def _sizes(starts: tuple[int, ...], count: int) -> list[int]:
    return [b - a for a, b in itertools.pairwise((*starts, count))]


def test_the_checks_and_the_whole_list_print_on_two_pages() -> None:
    """29 checks (with D147's two – the period's and the month's –, D148's, D154's two, D257's, D364's, D370's), each row
    as high as its 8 pt text: two pages of 25 and 4 (22 printed 10, 11 and a lone one), the second with the totals and the
    whole list of errors, all INVALID_SHOWN rows (D198: the list's last rows printed on a fourth page of 6.11, empty
    when there were no errors; D205: 22 and 3 left that page 2 pt beyond the slack; D364's row fits there with the
    invalid input's description in two lines; D370's row in one line, and so the invalid input's)."""
    assert RULE_COUNT == 29
    assert page_starts(RULE_HEIGHTS) == (0, 25)
    assert sum(RULE_HEIGHTS[:25]) <= FIRST_ROOM
    assert sum(RULE_HEIGHTS[25:]) <= NEXT_ROOM - TOTALS_HEIGHT - INVALID_BLOCK_HEIGHT - LAST_PAGE_SPARE
    assert INVALID_BLOCK_HEIGHT >= INVALID_SHOWN * LIST_ROW_HEIGHT


def test_last_checks_page_keeps_room_for_excel() -> None:
    """D205 (matrixprint, D198's open point): the last checks page holds the repeated child's row, the headings, its
    checks, the totals and the whole list (INVALID_BLOCK_HEIGHT) with at least 40 pt of the page body free, as
    LibreOffice prints the heights as set (it kept 22 pt: the list's last row at 515,5 pt of 537,7), so that a page
    body a few lines shorter in Excel 2010 still holds it; no page of checks is fuller than PAGE_BODY less the slack."""
    starts = (*page_starts(RULE_HEIGHTS), RULE_COUNT)
    used = [REPEATED_HEIGHT + HEADING_HEIGHT + sum(RULE_HEIGHTS[a:b]) for a, b in itertools.pairwise(starts)]
    used[0] += SECTION_HEIGHT
    used[-1] += TOTALS_HEIGHT + INVALID_BLOCK_HEIGHT
    assert PAGE_BODY - used[-1] >= 40, used
    assert all(PAGE_BODY - u >= PAGE_SLACK for u in used), used


def test_rows_of_the_rules_leave_room_for_the_heading_copy() -> None:
    rows = [rule_row(i) for i in range(RULE_COUNT)]
    assert rows[0] == RULES_FIRST and rows == sorted(set(rows))
    assert RULES_HEADING_COPIES == (rule_row(page_starts(RULE_HEIGHTS)[1]) - 1,) and RULES_HEADING_COPIES[0] not in rows


def test_pages_are_shared_evenly() -> None:
    """Two-line rules (22 pt): 20 fit two pages, the second holding only two of them with the totals and the whole
    list of errors (three before its status row got 4 pt taller, matrixpolish); 31 need three, the first two of 14
    each, never one left alone."""
    assert _sizes(page_starts((22,) * 20), 20) == [18, 2]
    sizes = _sizes(page_starts((22,) * 31), 31)
    assert len(sizes) == 3 and abs(sizes[0] - sizes[1]) <= 1 and min(sizes) >= 2, sizes
    # a tall first rule: the pages still take what fits, the totals on the last
    starts = page_starts((200, *(22,) * 13))
    assert len(starts) == 2 and min(_sizes(starts, 14)) >= 2, starts
