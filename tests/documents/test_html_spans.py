"""generator/documents/html_spans.py: the outermost elements of a kind, a nested one inside its parent's span."""

from __future__ import annotations

import re

from generator.documents.html_spans import outermost

TABLE = re.compile(r"</?table\b[^>]*>")


def test_nested_tables_are_one_span_and_separate_ones_two() -> None:
    html = "<p>a</p><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table><p>b</p><table></table>"
    spans = outermost(html, TABLE)
    assert [html[a:b][:7] for a, b in spans] == ["<table>", "<table>"]
    assert len(spans) == 2 and html[spans[0][0]:spans[0][1]].count("<table>") == 2
    assert html[spans[0][1]:].startswith("<p>b</p>")
    assert outermost("<p>no table</p>", TABLE) == []
    assert outermost("</table><table>", TABLE) == []  # a stray closing tag and an unclosed table make no span
