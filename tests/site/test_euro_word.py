"""Every page – also those the generator writes itself, like the workbook page's tables of sheets and names –
calls the currency „euro”, never the colloquial „eiro” (tests/site/test_site_text.py checks the methodology)."""

from __future__ import annotations

import re

import pytest

from tests.site.conftest import BuiltSite

pytestmark = pytest.mark.xdist_group("site")


def test_no_page_says_eiro(built_site: BuiltSite) -> None:
    pages = built_site.page_texts()
    assert len(pages) > 20
    found = [(page, m.group(0)) for page, text in pages for m in re.finditer(r".{0,30}\beiro\b.{0,30}", text)]
    assert found == []
