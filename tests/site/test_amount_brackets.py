"""An amount and what it is for stay together: „ne vairāk kā 25,93 EUR par nodarbību (kamēr …)”, not a bracket
between „25,93 EUR” and „par nodarbību” (the group ceiling's words, generator/site/labels.py)."""

from __future__ import annotations

import re

import pytest

from tests.htmltext import text_of
from tests.site.conftest import BuiltSite

pytestmark = pytest.mark.xdist_group("site")

SPLIT = re.compile(r"\d\sEUR\s\([^()]*\)\s+par\s+\w+")


def test_no_bracket_splits_an_amount_from_its_unit(built_site: BuiltSite) -> None:
    assert SPLIT.search("ne vairāk kā 25,93\xa0EUR (kamēr daļa nav zināma; jāprecizē) par nodarbību")
    assert not SPLIT.search("ne vairāk kā 25,93\xa0EUR par nodarbību (kamēr daļa nav zināma; jāprecizē)")
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 20
    found = [(str(page.relative_to(built_site.site)), m.group(0)) for page in pages
             for m in SPLIT.finditer(text_of(page.read_text(encoding="utf-8")))]
    assert found == []
