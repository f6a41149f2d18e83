"""The outermost elements of one kind in an HTML text, by their tags' offsets (the PDF writer's tables and lists)."""

from __future__ import annotations

import re


def outermost(html: str, tag: re.Pattern[str]) -> list[tuple[int, int]]:
    """The outermost elements whose opening and closing tags ``tag`` matches (tables, lists) as (start, end)
    offsets: an element nested in another of its kind is inside its span."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for match in tag.finditer(html):
        if not match.group(0).startswith("</"):
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, match.end()))
    return spans
