"""The pages mark every mention of an MK regulation the sources do not give (tests/catalogue/test_unsourced_acts.py
finds them in the catalogue): each paragraph, list item or table row of a page's Markdown that names one says
„rekonstruēts” or „jāprecizē” (a price row shows its status)."""

from __future__ import annotations

import re

import pytest

from tests.catalogue.test_unsourced_acts import unsourced_act_numbers
from tests.site.conftest import BuiltSite

pytestmark = pytest.mark.xdist_group("site")


def blocks(markdown: str) -> list[str]:
    """Paragraphs and list items (lines up to a blank line or the next item), each with the „*Avots: …*” line a
    catalogue page puts under a description field; a row of a table with more than two columns; a two-column
    table (a service's facts: the price's source and its status are rows of one table) as a whole."""
    found: list[str] = []
    current: list[str] = []
    rows: list[str] = []

    def close() -> None:
        if current:
            text = " ".join(current)
            if text.startswith("*Avots:") and found:
                found[-1] += " " + text
            else:
                found.append(text)
            current.clear()
        if rows:
            found.extend(rows if rows[0].count("|") > 3 else [" ".join(rows)])
            rows.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            if current:
                close()
            rows.append(stripped)
            continue
        if not stripped or re.match(r"(?:[-*]|\d+\.)\s", stripped) or rows:
            close()
        if stripped:
            current.append(stripped)
    close()
    return found


def test_blocks() -> None:
    assert blocks("a\nb\n\n- c\n  d\n- e\n| f | g | h |\n| i | j | k |\nl\n\n*Avots: m.*\n\n| n | o |\n| p | q |\n") == [
        "a b", "- c d", "- e", "| f | g | h |", "| i | j | k |", "l *Avots: m.*", "| n | o | | p | q |"]


def test_every_mention_of_an_unsourced_act_is_marked(built_site: BuiltSite) -> None:
    numbers = unsourced_act_numbers(built_site.catalogue)
    act = re.compile(rf"Nr\. ?(?:{'|'.join(sorted(numbers))})\b")
    found = [(page, block[:160]) for page, text in sorted(built_site.sources.pages.items())
             for block in blocks(text) if act.search(block) and not re.search("rekonstruēts|jāprecizē", block)]
    assert found == [], "\n".join(map(str, found))
