"""What a municipal reader sees carries no internal working labels (audit36 F3, F8): no audit reference
("audit28 F9") on any page, in the search index or in a user-facing string of the catalogue, and the theme's search
counts in correct Latvian."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.site.conftest import BuiltSite

AUDIT = re.compile(r"\b(?:audit|review|lawaudit)\d+", re.I)  # the working labels of audits and reviews
CATALOGUE = Path(__file__).resolve().parents[2] / "catalogue"


def test_no_page_and_no_search_entry_names_an_audit(built_site: BuiltSite) -> None:
    found = [(page, m.group(0), text[max(m.start() - 60, 0):m.end() + 20])
             for page, text in built_site.page_texts() for m in AUDIT.finditer(text)]
    assert found == []
    index = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert AUDIT.findall(index) == []


def _strings(value: object, where: str) -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, f"{where}/{k}")]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _strings(v, f"{where}[{i}]")]
    return []


def test_no_catalogue_text_names_an_audit() -> None:
    """Every string value of the catalogue's YAML (comments are for the maintainers) and the methodology's text."""
    found = []
    for path in sorted(CATALOGUE.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(w, t) for w, t in _strings(data, str(path.relative_to(CATALOGUE))) if AUDIT.search(t)]
    for path in sorted(CATALOGUE.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += [(str(path.relative_to(CATALOGUE)), text[max(m.start() - 60, 0):m.end()]) for m in AUDIT.finditer(text)]
    assert found == []


def test_search_counts_in_latvian(built_site: BuiltSite) -> None:
    """The theme's Latvian says "7 un vairāk šajā lapā" for seven more results on a page: the site says "vēl 7"."""
    html = built_site.html("index.html")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert config, "the theme's configuration"
    translations = json.loads(config.group(1))["translations"]
    assert translations["search.result.more.other"] == "vēl # šajā lapā"
    assert translations["search.result.more.one"] == "vēl 1 šajā lapā"
    assert "un vairāk" not in json.dumps(translations, ensure_ascii=False)
