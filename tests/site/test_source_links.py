"""audit30 F14: a price's or rule's source that is a web page is shown by its name, the address only in the link
(and after the name on a printed page); no catalogue, price, changes or open-data page shows a bare address."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.site.source_refs import LINK_CLASS, SITE_LINK_CLASS, SourceRefs, note_md
from tests.site.conftest import BuiltSite

SOCD = "http://www.socd.lv/ru-o-nas-socialnie-platnie-uslugi"
DAUGAVPILS = "Daugavpils pilsētas sociālā dienesta maksas pakalpojumu cenrādis"
# the pages that show the catalogue's sources and notes (katalogs/*, cenas*, izmainas, atvertie-dati/*)
SOURCE_PAGES = re.compile(r"^(katalogs/|cenas|izmainas|atvertie-dati)")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict[str, str], str]] = []
        self._open: list[tuple[dict[str, str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append(({k: v or "" for k, v in attrs}, []))

    def handle_data(self, data: str) -> None:
        for _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            attrs, text = self._open.pop()
            self.links.append((attrs, "".join(text)))


def links(page: str) -> list[tuple[dict[str, str], str]]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def test_a_named_source_links_its_name() -> None:
    refs = SourceRefs([], decisions_page=False)
    got = refs.source_md(f"{DAUGAVPILS} ({SOCD}), datums nav noskaidrots", "cenas.md")
    assert got == f'<a class="{LINK_CLASS}" href="{SOCD}">{DAUGAVPILS}</a>, datums nav noskaidrots'
    got = refs.source_md("LM: Surdotulka pakalpojums (https://www.lm.gov.lv/lv/surdotulka_x); D17", "cenas.md")
    assert got == (f'LM: <a class="{LINK_CLASS}" href="https://www.lm.gov.lv/lv/surdotulka_x">Surdotulka pakalpojums'
                   "</a>; lēmums D17")


def test_a_note_links_the_address_by_its_site() -> None:
    url = "https://www.aizkraukle.lv/lv/jaunums/apstiprina-maksas_pakalpojumu-cenradi"
    got = note_md(f"Salīdzinājumam: cenrādī 2,12 EUR *stundā*\n      ({url}).")
    assert got == (f'Salīdzinājumam: cenrādī 2,12 EUR \\*stundā\\* (<a class="{SITE_LINK_CLASS}" href="{url}">aizkraukle.lv'
                   "</a>).")
    assert note_md("bez adreses (piem., 2018)") == "bez adreses (piem., 2018)"


def test_no_source_page_shows_a_bare_address(built_site: BuiltSite) -> None:
    shown = {page: text for page, text in built_site.page_texts() if SOURCE_PAGES.match(page)}
    assert any(p.startswith("katalogs/") for p in shown) and "cenas.html" in shown and "izmainas.html" in shown
    bare = {page: re.findall(r"\S*(?:https?://|www\.)\S*", text) for page, text in shown.items()}
    assert not {page: found for page, found in bare.items() if found}


def test_the_daugavpils_price_list_is_linked_by_its_name(built_site: BuiltSite) -> None:
    for page in ("katalogs/1.3.html", "cenas.html", "cenas/joma-1.html"):
        found = [(a, text) for a, text in links(built_site.html(page)) if a.get("href") == SOCD]
        assert found, page
        assert all(a.get("class") == LINK_CLASS and " ".join(text.split()) == DAUGAVPILS for a, text in found), found
    found = links(built_site.html("cenas/joma-3.html"))
    assert "aizkraukle.lv" in [text for a, text in found if a.get("class") == SITE_LINK_CLASS], found
    assert any(text.startswith("Surdotulka pakalpojums") for a, text in found if a.get("class") == LINK_CLASS), found


def test_a_printed_page_shows_the_address_after_the_name(built_site: BuiltSite) -> None:
    css = (built_site.site / "assets/stylesheets/ibm.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print"):]
    assert re.search(rf"a\.{LINK_CLASS}::after\s*\{{\s*content: \" \(\" attr\(href\) \"\)\";", printed), printed
    assert re.search(rf"a\.{SITE_LINK_CLASS}::after\s*\{{\s*content: \": \" attr\(href\);", printed), printed
