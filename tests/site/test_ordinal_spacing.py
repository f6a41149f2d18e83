"""D27: the site writes ordinals with a space ("19. pielikums", "2. posms"): the Markdown of every page and
the text of every built HTML page (scripts and styles aside)."""

from __future__ import annotations

import re

import pytest

from tests.ordinal_spacing import report
from tests.site.conftest import BuiltSite

pytestmark = pytest.mark.xdist_group("site")


def test_site_pages_write_ordinals_with_a_space(built_site: BuiltSite) -> None:
    pages = built_site.page_texts()
    assert len(pages) > 20
    found = report(pages)
    found += report((f"docs/{path}", text) for path, text in built_site.sources.pages.items())
    assert not found, "\n".join(found)


# "10 mēneša datums" reads as a count of days: a day of the month is an ordinal, "mēneša 10. datums" (D27).
CARDINAL_DAY = re.compile(r"\b\d{1,2}\s+(?:mēneša\s+)?datum")


def test_days_of_the_month_are_ordinals(built_site: BuiltSite) -> None:
    assert CARDINAL_DAY.search("līdz 10 mēneša datums") and not CARDINAL_DAY.search("mēneša 10. datums")
    found = [(page, text[max(m.start() - 40, 0):m.end() + 20]) for page, text in built_site.page_texts()
             for m in CARDINAL_DAY.finditer(text)]
    assert found == []
