"""group_page_breaks: a printed page of a summary sheet holds whole column groups beside its repeated key columns
(audit24 F15) – for the sheets by municipality (one key column) and a sheet with two key columns and each printed
column's padding (the changes sheet of D362 until D368 printed it on one page across)."""

from __future__ import annotations

from generator.ministry.summary_book import PAGE_SLACK, PAGE_WIDTH, group_page_breaks


class Sheet:
    def __init__(self) -> None:
        self.breaks: list[int] | None = None

    def set_v_pagebreaks(self, breaks: list[int]) -> None:
        self.breaks = breaks


def test_a_group_that_does_not_fit_starts_the_next_page() -> None:
    room = PAGE_WIDTH - PAGE_SLACK
    widths = [10.0, (room - 10) / 2, (room - 10) / 2, 1.0]  # the key, two groups filling a page, one more
    sheet = Sheet()
    group_page_breaks(sheet, widths, [1, 2, 3])  # type: ignore[arg-type]
    assert sheet.breaks == [3]
    sheet = Sheet()
    group_page_breaks(sheet, widths[:3], [1, 2])  # type: ignore[arg-type]
    assert sheet.breaks is None  # everything on one page: no break written


def test_two_key_columns_and_padding_take_room_from_every_page() -> None:
    room = PAGE_WIDTH - PAGE_SLACK
    widths = [5.0, 5.0, room - 10 - 5, 3.0]  # fits beside one key column and no padding, not beside two with it
    plain, padded = Sheet(), Sheet()
    group_page_breaks(plain, widths, [2, 3])  # type: ignore[arg-type]
    group_page_breaks(padded, widths, [2, 3], keys=2, padding=0.7)  # type: ignore[arg-type]
    assert plain.breaks is None and padded.breaks == [3]
