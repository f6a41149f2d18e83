"""The search index hook (generator/site/search_index.py): every page's own entry carries its weight for the
reranking on the page (audit16 F2–F4: methodology first, the decisions page last); sections carry none."""

from __future__ import annotations

from generator.site.search_index import DECISIONS_PAGE, WEIGHT, latvian_index, page_weight


def test_pages_get_their_weight_and_sections_none() -> None:
    docs = [{"location": "", "title": "Sākums", "text": ""},
            {"location": "metodika/ib-pieskirsana.html", "title": "IB piešķiršana", "text": ""},
            {"location": "metodika/ib-pieskirsana.html#vispareja-kartiba", "title": "Vispārējā kārtība", "text": ""},
            {"location": DECISIONS_PAGE, "title": "Rekonstrukcijas un lēmumi", "text": ""},
            {"location": "pielikumi.html", "title": "Metodikas pielikumi", "text": ""},
            {"location": "katalogs/2.3.html", "title": "2.3 Aprūpe mājās", "text": ""},
            {"location": "cenas/joma-2.html", "title": "Cenu vēsture", "text": ""}]
    out = latvian_index({"config": {}, "docs": docs}, {})["docs"]
    weights = {d["location"]: d.get(WEIGHT) for d in out}
    assert weights == {"": 1, "metodika/ib-pieskirsana.html": 2, "metodika/ib-pieskirsana.html#vispareja-kartiba": None,
                       DECISIONS_PAGE: 0, "pielikumi.html": 2, "katalogs/2.3.html": 1, "cenas/joma-2.html": 1}
    assert page_weight("metodika/matricas-aizpildisana.html") > page_weight("katalogs/1.1.1.html") > \
        page_weight(DECISIONS_PAGE)
