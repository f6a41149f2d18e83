"""Smaller things a ministry or municipal reader meets on the site (audit30 F12, F13, F15, F16, F18)."""

from __future__ import annotations

import re
from collections import Counter

from generator.site import labels
from tests.site.conftest import BuiltSite
from tests.site.htmltables import tables, text_of

TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.S)


def test_every_data_table_has_a_caption(built_site: BuiltSite) -> None:
    pages = ["cenas.html", "izmainas.html", "lejupielades.html", "metodika/ib-apmeri-un-posmi.html",
             "metodika/terminu-vardnica.html", "piemeri.html", "cenas/joma-3.html"]
    for page in pages:
        found = TABLE.findall(built_site.html(page))
        assert found, page
        for table in found:
            caption = re.match(r"\s*<caption[^>]*>([^<]+)</caption>", table)
            assert caption and caption.group(1).strip(), (page, table[:200])
    prices = built_site.html("cenas.html")
    assert '<caption class="ibm-tikai-lasitajam">Spēkā esošās cenas</caption>' in prices


def test_download_links_name_their_municipality_for_a_screen_reader(built_site: BuiltSite) -> None:
    html = built_site.html("lejupielades.html")
    links = re.findall(r'<a (?:aria-label="([^"]*)" )?(?:download="[^"]*" )?href="(lejupielades/[^"]+)"[^>]*>([^<]*)</a>',
                       html)
    assert links
    names = Counter(label or text for label, _, text in links)
    repeated = [(name, n) for name, n in names.items() if n > 1]
    assert not repeated, repeated[:5]
    # a file is labelled with the name in force on its day (D189): the pilot-time name or a dated one
    names = built_site.catalogue.municipality_names
    municipalities = {m.name_lv for m in built_site.catalogue.municipalities.municipalities} | {
        n.name for entry in (names.names.values() if names else []) for n in entry.municipality}
    labelled = [(label, text) for label, _, text in links if label]
    assert labelled
    for label, text in labelled:
        assert label.startswith(text), (label, text)  # the visible text first (WCAG „label in name”)
        assert label.split("), ")[-1] in municipalities | {"Visām pašvaldībām"}, label
    saved = re.findall(r'download="([^"]+)" href="(?:lejupielades|atvertie-dati)/', html)  # audit40 F13
    assert len(saved) >= len(links) and len(set(saved)) == len(saved)  # every file its own name when saved


def test_rounds_are_named_and_no_catalogue_file_is_named_to_a_municipal_reader(built_site: BuiltSite) -> None:
    text = text_of(built_site.html("lejupielades.html"))
    for r in built_site.catalogue.rounds_of("bērni"):
        assert f"Kārta {r.id}" not in text
    assert "rounds.yaml" not in text


def test_history_and_change_pages_say_why_their_order_differs(built_site: BuiltSite) -> None:
    history = text_of(built_site.html("cenas/joma-1.html"))
    assert "Tabula ir laika secībā, tāpēc jaunākā vērtība ir apakšā" in history
    changes = text_of(built_site.html("izmainas.html"))
    assert "jaunākās augšā, jo šeit svarīgākais ir pēdējais" in changes


def test_a_reconstructed_description_source_has_one_colon(built_site: BuiltSite) -> None:
    reconstructed = [s for s in built_site.catalogue.services
                     if any(getattr(s.description, k).avots.value == "rekonstruēts" for k in labels.DESCRIPTION_FIELDS)]
    assert reconstructed
    for s in reconstructed:
        text = text_of(built_site.html(f"katalogs/{s.id}.html"))
        assert "(rekonstruēts, avotā nav dots)" in text or "Avots: rekonstruēts, avotā nav dots." in text, s.id
        assert not re.search(r"Avots: [^.]*: [^.]*:", text), s.id
        assert "rekonstruēts: avotā" not in text


def test_about_page_says_why_prices_and_items_differ_in_number(built_site: BuiltSite) -> None:  # audit30 F20
    cat = built_site.catalogue
    about = tables(built_site.html("par-vietni.html"))[0]
    row = next(r for r in about.rows if r[0] == "Cenas ar vēsturi")
    without = [s.id for s in cat.services if s.id not in cat.price_by_service]
    assert without and all(cat.service_by_id[i].transport for i in without)
    assert row[1].startswith(f"{len(cat.prices)}; pakalpojumiem {', '.join(without)} cenas nav, jo transportam maksā "
                             "faktiskās izmaksas; 2 no tām nav viena pakalpojuma cenas, bet grupu nodarbību griestu daļas")
