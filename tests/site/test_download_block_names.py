"""The downloads page names a municipality's document and report blocks by a confirmed name, the one its matrix
table and the home page give it, never by a name the catalogue still marks „jāprecizē” (audit27c F1): tried for every
municipality of the catalogue, and on the built page."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.site.names_day import file_day, shown_name

KINDS = ("dokumenti", "atskaites")


def _unconfirmed(catalogue: Catalogue, municipality_id: str) -> set[str]:
    """The municipality's names the catalogue has only as „jāprecizē” (a text also confirmed elsewhere is not one)."""
    dated = catalogue.municipality_names.names.get(municipality_id)
    names = dated.municipality if dated else []
    confirmed = {n.name for n in names if n.confirmed} | {catalogue.municipality(municipality_id).name_lv}
    return {n.name for n in names if not n.confirmed} - confirmed


def test_every_municipality_blocks_name_is_confirmed(catalogue: Catalogue) -> None:
    renamed = []
    for m in catalogue.municipalities.municipalities:
        for kind in KINDS:
            rel = Path(f"lejupielades/{kind}/{m.id}/x.pdf")
            shown = shown_name(catalogue, m.id, rel)
            assert shown not in _unconfirmed(catalogue, m.id), (m.id, kind, shown)
            dated = catalogue.municipality_names.names.get(m.id)
            confirmed = [n for n in (dated.municipality if dated else []) if n.confirmed]
            if not any(n.covers(file_day(catalogue, m.id, rel)) for n in confirmed):
                # no confirmed name that day: the newest confirmed one before it, as the pilot-time pages name it
                assert shown == (confirmed[-1].name if confirmed else m.name_lv), (m.id, kind, shown)
            if catalogue.name_on(m.id, file_day(catalogue, m.id, rel)) != shown:
                renamed.append(m.id)
    # the case the test is about exists in the catalogue: a name in force on the documents' day is not yet confirmed
    assert "jelgava" in renamed, renamed
    jelgava = shown_name(catalogue, "jelgava", Path("lejupielades/dokumenti/jelgava/x.pdf"))
    assert jelgava == catalogue.municipality("jelgava").name_lv


def test_the_page_names_a_municipality_once(built_site) -> None:  # noqa: ANN001
    page = built_site.html("lejupielades.html")
    cat = built_site.catalogue
    blocks = re.findall(r'<details class="note" id="bloks-(dokumenti|atskaites)-([a-z-]+)">\s*<summary>([^<]+) – \d+ '
                        r"datn", page)
    assert blocks, "no municipality blocks on the downloads page"
    for _kind, municipality_id, name in blocks:
        assert name not in _unconfirmed(cat, municipality_id), (municipality_id, name)
        # the home page's name of a pilot municipality (municipalities.yaml) when no later name is confirmed
        assert name == cat.confirmed_name_on(municipality_id, file_day(
            cat, municipality_id, Path(f"lejupielades/{_kind}/{municipality_id}/x.pdf"))), name
    for name in {n for m in cat.municipalities.municipalities for n in _unconfirmed(cat, m.id)}:
        assert f"<summary>{name} –" not in page and f"<caption>{name}" not in page, name
