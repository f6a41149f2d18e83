"""Markdown pitfalls in the methodology text: a line that starts with a year and a dot ("2018. gadā …")
becomes a numbered list starting at 2018, and the year disappears from the page. Such a line must escape
the dot ("2018\\. gadā")."""

from __future__ import annotations

import re

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site.context import template_context
from generator.site.methodology import render_methodology

YEAR_AT_LINE_START = re.compile(r"^\s*(?:[-*+]\s+)?\d{3,4}\.\s")


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    return render_methodology(catalogue.root, template_context(catalogue)).pages


def test_the_check_sees_the_pitfall() -> None:
    assert YEAR_AT_LINE_START.match("2018. gada maijā notika tikšanās")
    assert YEAR_AT_LINE_START.match("- 1995. gadā IB kļuva pastāvīgs")
    assert YEAR_AT_LINE_START.match("  2003. gadā vienkāršoja kontroli")
    assert not YEAR_AT_LINE_START.match("2018\\. gada maijā notika tikšanās")
    assert not YEAR_AT_LINE_START.match("1. solis – bērna dati")


def test_no_line_of_a_page_starts_with_a_year_and_a_dot(rendered: dict[str, str]) -> None:
    found = [f"{name}:{no}: {line.strip()}" for name, text in sorted(rendered.items())
             for no, line in enumerate(text.splitlines(), 1)
             if YEAR_AT_LINE_START.match(line) and not line.lstrip().startswith("|")]
    assert found == [], "Markdown to pārvērstu numurētā sarakstā:\n" + "\n".join(found)
