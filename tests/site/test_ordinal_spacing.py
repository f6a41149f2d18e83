"""D27: the site writes ordinals with a space ("19. pielikums", "2. posms"): the Markdown of every page and
the text of every built HTML page (scripts and styles aside)."""

from __future__ import annotations

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
