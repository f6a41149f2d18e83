"""D27: the site writes ordinals with a space ("19. pielikums", "2. posms"): the Markdown of every page and
the text of every built HTML page (scripts and styles aside)."""

from __future__ import annotations

import pytest

from tests.htmltext import html_text
from tests.ordinal_spacing import report
from tests.site.conftest import BuiltSite

pytestmark = pytest.mark.xdist_group("site")


def test_site_pages_write_ordinals_with_a_space(built_site: BuiltSite) -> None:
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 20
    found = report((str(p.relative_to(built_site.site)), html_text(p.read_text(encoding="utf-8"))) for p in pages)
    found += report((f"docs/{path}", text) for path, text in built_site.sources.pages.items())
    assert not found, "\n".join(found)
