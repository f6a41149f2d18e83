"""Source references for readers: chapters with links instead of line numbers, decisions linked, seed
codes dropped; the line numbers only in a data attribute."""

from __future__ import annotations

import re
from pathlib import Path

from generator.site.catalogue_pages import render_catalogue_pages
from generator.site.source_refs import SourceRefs, read_chapters
from tests.site.conftest import BuiltSite
from tests.site.htmltables import text_of

SEED_TOC = """\
avots: "Metodika"
nodalas:
  - {toc: 1, nr: "II.2", virsraksts: IB piešķiršanas kārtība, sakums: 946, beigas: 948, lapa: ib-pieskirsana.md}
  - {toc: 2, nr: "II.2.2", virsraksts: Mērķa grupa un atlase, sakums: 974, beigas: 1035, lapa: ib-pieskirsana.md}
  - {toc: 3, nr: "II.6.3", virsraksts: SBS apraksti, sakums: 1555, beigas: 1577, lapa: saraksts.md}
  - {toc: 4, nr: "II.7", virsraksts: Vienas vienības izmaksas, sakums: 1578, beigas: 1723, lapa: nav-vietne.md}
"""


def refs(tmp_path: Path) -> SourceRefs:
    (tmp_path / "seed-toc.yaml").write_text(SEED_TOC, encoding="utf-8")
    site_pages = {"ib-pieskirsana.md", "saraksts.md", "rekonstrukcijas-un-lemumi.md"}
    return SourceRefs(read_chapters(tmp_path, site_pages), decisions_page=True)


def test_a_price_source_names_the_chapter_and_links_the_decision(tmp_path: Path) -> None:
    r = refs(tmp_path)
    text = r.source_md("Metodika L996–L1013; D17", "cenas.md")
    assert text == ('<span data-metodikas-rindas="L996 L1013">metodikas nodaļa '
                    '[II.2.2 Mērķa grupa un atlase](metodika/ib-pieskirsana.md)</span>; '
                    '[lēmums D17](metodika/rekonstrukcijas-un-lemumi.md#lemums-d17)')
    deeper = r.source_md("MK noteikumi Nr.313; metodika L1692", "cenas/joma-1.md")
    assert deeper.endswith('metodikas nodaļa II.7 Vienas vienības izmaksas</span>')  # not on the site: no link
    assert r.source_md("LM informatīvais materiāls (S000); D4", "izmainas.md") == \
        "LM informatīvais materiāls; [lēmums D4](metodika/rekonstrukcijas-un-lemumi.md#lemums-d4)"
    assert r.source_md("16.pielikums (avotā nav dots)", "cenas.md") == "16.pielikums (avotā nav dots)"


def test_description_lines_become_chapters(tmp_path: Path) -> None:
    r = refs(tmp_path)
    text = r.lines_md("metodika", ["L1560", "L1561", "L1600"], "katalogs/3.1.md")
    assert text == ('<span data-metodikas-rindas="L1560 L1561 L1600">metodikas nodaļas '
                    '[II.6.3 SBS apraksti](../metodika/saraksts.md), II.7 Vienas vienības izmaksas</span>')
    assert r.lines_md("metodika", ["L5"], "katalogs/3.1.md") == '<span data-metodikas-rindas="L5">metodika</span>'
    assert r.lines_md("metodika", [], "katalogs/3.1.md") == "metodika"
    assert r.lines_md("avots: metodika", ["L1560"], "katalogs/3.1.md").endswith(">avots: metodikas nodaļa "
                                                                              "[II.6.3 SBS apraksti](../metodika/saraksts.md)</span>")
    assert r.lines_md("rekonstruēts, avotā nav dots", ["L1560"], "katalogs/3.1.md").endswith(
        ">metodikas nodaļa [II.6.3 SBS apraksti](../metodika/saraksts.md) (rekonstruēts, avotā nav dots)</span>")


def test_without_a_table_of_contents_the_reference_says_methodology(tmp_path: Path) -> None:
    r = SourceRefs(read_chapters(tmp_path, set()), decisions_page=False)
    assert r.source_md("Metodika L1080; D7", "cenas.md") == \
        '<span data-metodikas-rindas="L1080">metodika</span>; lēmums D7'


def test_service_pages_render_chapters_with_the_catalogues_references(built_site: BuiltSite, tmp_path: Path) -> None:
    r = refs(tmp_path)
    pages = render_catalogue_pages(built_site.catalogue, r)
    described = [text for path, text in pages.items() if "SBS apraksti" in text]
    assert described, "neviena pakalpojuma apraksts neatsaucas uz II.6.3"
    assert all("metodikas rindas" not in text for text in pages.values())


def test_no_built_page_shows_methodology_line_numbers(built_site: BuiltSite) -> None:
    visible_line = re.compile(r"\bL\d{3,4}\b")
    for page in ["cenas.html", "izmainas.html", *(f"katalogs/{s.id}.html" for s in built_site.catalogue.services),
                 *(p.relative_to(built_site.site).as_posix() for p in (built_site.site / "cenas").glob("*.html"))]:
        text = text_of(built_site.html(page))
        assert not visible_line.search(text), (page, visible_line.search(text))
        assert "(S000)" not in text and "metodikas rindas" not in text, page
    assert 'data-metodikas-rindas="' in built_site.html(f"katalogs/{built_site.catalogue.sorted_services()[0].id}.html")
