"""D59: the site names the matrix's sheets "6.1. tabula" … "6.11. tabula": the Markdown of every page and the text
of every built HTML page (scripts and styles aside), the calculator's included. Where a page quotes the
methodology's own words, the source's word stays: such pages are listed in QUOTING (none today)."""

from __future__ import annotations

import pytest

from tests.sheet_names import report
from tests.site.conftest import BuiltSite

pytestmark = pytest.mark.xdist_group("site")

QUOTING: frozenset[str] = frozenset()


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def test_site_pages_name_sheets_as_tables(built_site: BuiltSite) -> None:
    pages = [(page, text) for page, text in built_site.page_texts() if page not in QUOTING]
    assert len(pages) > 20
    found = report(pages)
    # a page's front matter is no text a person reads (the matrix page's search codes "6.1"–"6.11" are there)
    found += report((f"docs/{path}", _without_front_matter(text)) for path, text in built_site.sources.pages.items()
                    if path not in QUOTING)
    assert not found, "\n".join(found)
