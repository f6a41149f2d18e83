"""The search index hook (generator/site/search_index.py): every page's own entry carries its weight for the
reranking on the page (audit16 F2–F4: methodology first, the decisions page last); sections carry none; a table is
indexed as one sentence a row, not as its cells run together (audit16 F10)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from generator.site.lvsearch import normalize
from generator.site.search_index import (
    BACKGROUND_WEIGHT,
    CODES,
    DECISIONS_PAGE,
    INDEX,
    WEIGHT,
    latvian_index,
    page_codes,
    page_keywords,
    page_weight,
    with_keywords,
)
from generator.site.table_sentences import row_sentence, search_html
from tests.site.browsing import Visit, browser_test
from tests.site.test_search import first_result, results


def test_background_pages_and_keywords() -> None:
    """audit27c F5, F6: a page whose front matter lowers its search boost is a background page (weight 0, as the
    decisions page); a page's keywords are title words of its entry."""
    docs = [{"location": "metodika/valsts-somija.html", "title": "Somija", "text": "", "boost": 0.5},
            {"location": "metodika/valsts-somija.html#ka", "title": "Kā", "text": "", "boost": 0.5},
            {"location": "metodika/atbalsta-plans.html", "title": "Atbalsta plāns", "text": ""}]
    keywords = {"metodika/atbalsta-plans.html": ["plāna ilgums", "cik ilgs ir plāns"]}
    out = {d["location"]: d for d in latvian_index({"config": {}, "docs": docs}, {}, keywords)["docs"]}
    assert out["metodika/valsts-somija.html"][WEIGHT] == BACKGROUND_WEIGHT == page_weight(DECISIONS_PAGE)
    assert WEIGHT not in out["metodika/valsts-somija.html#ka"]
    assert out["metodika/atbalsta-plans.html"][WEIGHT] == page_weight("metodika/atbalsta-plans.html") > 0
    assert out["metodika/atbalsta-plans.html"]["nosaukums"] == [["atbalst", "plan"], ["plan", "ilgum"],
                                                               ["cik", "ilg", "ir", "plan"]]
    assert page_weight("metodika/valsts-somija.html", 0.5) == BACKGROUND_WEIGHT
    assert page_weight("metodika/valsts-somija.html", 1) == page_weight("metodika/atbalsta-plans.html")


def test_keywords_are_a_paragraph_of_the_pages_own_entry() -> None:
    html = '<h1 id="a">Atbalsta plāns</h1>\n<p>Ievads.</p>\n<h2 id="b">Sastādīšana</h2>\n<p>Teksts.</p>'
    out = with_keywords(html, ["plāna ilgums", "A & B"])
    assert out == ('<h1 id="a">Atbalsta plāns</h1>\n<p>Ievads.</p>\n'
                   '<p>Meklēšanas atslēgvārdi: plāna ilgums; A &amp; B.</p>\n<h2 id="b">Sastādīšana</h2>\n<p>Teksts.</p>')
    assert with_keywords("<p>Tikai teksts.</p>", ["x"]) == "<p>Tikai teksts.</p><p>Meklēšanas atslēgvārdi: x.</p>\n"
    assert with_keywords(html, []) == html
    assert page_keywords({}, "a.md") == [] and page_keywords({"atslegvardi": [" x "]}, "a.md") == ["x"]
    from mkdocs.exceptions import PluginError

    for bad in ("plāna ilgums", [""], [1], {"a": "b"}):
        with pytest.raises(PluginError, match="a.md: laukam „atslegvardi” jābūt"):
            page_keywords({"atslegvardi": bad}, "a.md")


def test_built_index_has_the_background_pages_and_keywords(built_site) -> None:  # noqa: ANN001
    docs = {d["location"]: d for d in _index(built_site.site)}
    background = sorted(loc for loc, d in docs.items() if d.get(WEIGHT) == BACKGROUND_WEIGHT)
    countries = {f"metodika/{Path(c['lapa']).with_suffix('.html')}" for c in _countries()}
    assert countries | {"metodika/arvalstu-pieredze.html", DECISIONS_PAGE} <= set(background), background
    assert not [p for p in background if p in ("metodika/atbalsta-plans.html", "metodika/pakalpojumu-sanemsana.html")]
    plan = docs["metodika/atbalsta-plans.html"]
    assert "Meklēšanas atslēgvārdi: plāna ilgums" in plan["text"] and ["plan", "ilgum"] in plan["nosaukums"]
    assert "Meklēšanas atslēgvārdi" not in built_site.html("metodika/atbalsta-plans.html")  # only in the index


def _countries() -> list[dict]:
    import yaml

    from generator.catalogue.loader import DEFAULT_CATALOGUE

    return yaml.safe_load((DEFAULT_CATALOGUE / "metodika" / "valstis.yaml").read_text(encoding="utf-8"))["valstis"]


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


def test_pages_get_the_codes_of_their_titles_and_front_matter() -> None:
    """audit34a F6: a page's own entry carries the code its navigation title or heading starts with and its front
    matter's codes (``kodi``), normalised; a code only mentioned in a title ("10 mēnešu kurss") or a section's
    heading is not the page's."""
    docs = [{"location": "katalogs/3.11.html", "title": "3.11 Sociālās rehabilitācijas 10 mēnešu kurss", "text": ""},
            {"location": "katalogs/3.11.html#apjoms", "title": "3.11 Apjoms", "text": ""},
            {"location": "matrica.html", "title": "IBM matrica", "text": ""},
            {"location": "cenas/joma-2.html", "title": "Cenu vēsture: 2. joma: Atbalsts", "text": ""}]
    out = {d["location"]: d for d in latvian_index({"config": {}, "docs": docs}, {"katalogs/3.11.html": "3.11 Kurss"},
                                                   codes={"matrica.html": ["6", "6.10", "d1"]})["docs"]}
    assert out["katalogs/3.11.html"][CODES] == ["3.11"]
    assert out["matrica.html"][CODES] == ["6", "6.10", "d1"]
    assert CODES not in out["katalogs/3.11.html#apjoms"] and CODES not in out["cenas/joma-2.html"]
    assert page_codes({"kodi": ["6", " 6.10 ", "D257"]}, "a.md") == ["6", "6.10", "d257"]
    assert page_codes({}, "a.md") == []
    from mkdocs.exceptions import PluginError

    for bad in ("6.1", [6.1], ["matrica"], [""]):  # YAML reads 6.10 written without quotes as the number 6.1
        with pytest.raises(PluginError, match="a.md: laukam „kodi” jābūt kodu sarakstam pēdiņās"):
            page_codes({"kodi": bad}, "a.md")


def test_the_matrix_page_owns_its_annex_and_tables(built_site) -> None:  # noqa: ANN001
    """The matrix page's codes come from the annex register (the annex that is the matrix) and the workbook's
    sheets: every table 6.1–6.11, typed in full ("6.10", not 6.1)."""
    from generator.site.workbook_names import sheet_rows

    docs = {d["location"]: d for d in _index(built_site.site)}
    annexes = [a.number for a in built_site.catalogue.annexes.annexes if a.matrix]
    assert docs["matrica.html"][CODES] == annexes + [sheet for sheet, _, _ in sheet_rows()]
    assert {"6", "6.10", "6.11"} <= set(docs["matrica.html"][CODES])
    assert docs["katalogs/3.1.3.html"][CODES] == ["3.1.3"]
    assert [loc for loc, d in docs.items() if CODES in d and "#" in loc] == []


def test_the_register_page_carries_the_row_of_each_of_its_annexes(built_site) -> None:  # noqa: ANN001
    """The register page's entry names the row id of each annex that lives on it (no page of its own), so that the
    search opens the row; every id is a row of the page; no other page has rows by annex."""
    from generator.site.search_index import ANCHORS

    docs = {d["location"]: d for d in _index(built_site.site)}
    register = docs["pielikumi.html"]
    own = [a for a in built_site.catalogue.annexes.annexes if not a.matrix and not a.page]
    assert own and register[ANCHORS] == {normalize(a.number): a.anchor for a in own}
    html = built_site.html("pielikumi.html")
    assert [a.anchor for a in own if f'id="{a.anchor}"' not in html] == []
    assert [loc for loc, d in docs.items() if ANCHORS in d] == ["pielikumi.html"]


# audit16 F10 (the rest): every table is indexed as one sentence a row (generator/site/table_sentences.py).
TABLE = """<h2 id="cenas">Cenas</h2>
<p>Ievads.</p>
<table>
<thead>
<tr><th>Kods</th><th>Pakalpojums</th><th>Cena</th><th>Piezīme</th></tr>
</thead>
<tbody>
<tr><td><a href="x.html">3.1.3</a></td><td>Logopēds &amp; co</td><td>4,79&nbsp;EUR</td><td>–</td></tr>
<tr><td>2.1</td><td>Pavadonis</td><td><strong>5,11</strong>&nbsp;EUR</td><td>no 01.04.2023</td></tr>
</tbody>
</table>
<div data-search-exclude><table><thead><tr><th>Īpašība</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table></div>
"""


def test_row_sentence_puts_each_cell_after_its_header() -> None:
    assert row_sentence(["Kods", "Cena", "Piezīme"], ["3.1.3", "4,79 EUR", "–"]) == "Kods: 3.1.3; Cena: 4,79 EUR."
    assert row_sentence(["Nr.", "Pielikums"], ["1.", "Citu valstu pieredze."]) == "Nr. 1.; Pielikums: Citu valstu pieredze."
    assert row_sentence([], ["a", "b"]) == "a; b."
    assert row_sentence(["A"], ["–"]) == ""


def test_search_html_marks_tables_and_adds_a_sentence_a_row() -> None:
    out = search_html(TABLE)
    assert out.count('<table data-search-exclude="1">') == 1  # the table already excluded is left alone
    assert "<table><thead><tr><th>Īpašība</th>" in out and "Īpašība:" not in out
    assert "<p>Kods: 3.1.3; Pakalpojums: Logopēds &amp; co; Cena: 4,79\u00a0EUR.</p>" in out
    assert "<p>Kods: 2.1; Pakalpojums: Pavadonis; Cena: 5,11\u00a0EUR; Piezīme: no 01.04.2023.</p>" in out
    assert out.replace(' data-search-exclude="1"', "").replace(out[out.index("</table>") + 8:out.index("<div")], "\n") \
        == TABLE  # nothing else of the page changes
    assert search_html("<p>Bez tabulas.</p>") == "<p>Bez tabulas.</p>"


def _index(site: Path) -> list[dict]:
    return json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]


def _headers(html: str) -> list[str]:
    """Each table's column headers of a built page, as the search would run them together."""
    rows = []
    for head in re.findall(r"<thead>(.*?)</thead>", html, re.S):
        cells = [re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", c))).strip()
                 for c in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
        if len(cells) >= 2:
            rows.append(" ".join(cells))
    return rows


def test_no_index_entry_is_a_table_run_together(built_site) -> None:  # noqa: ANN001
    docs = _index(built_site.site)
    runs = []
    for page, html in ((str(p.relative_to(built_site.site)), p.read_text(encoding="utf-8"))
                       for p in sorted(built_site.site.rglob("*.html"))):
        for headers in _headers(html):
            runs += [(d["location"], headers) for d in docs
                     if d["location"].split("#")[0] in (page, page.removesuffix("index.html"))
                     and headers in d["text"]]
    assert len(list(built_site.site.rglob("*.html"))) > 50
    assert runs == []


def test_table_figures_and_codes_stay_searchable_as_sentences(built_site) -> None:  # noqa: ANN001
    docs = {d["location"]: d["text"] for d in _index(built_site.site)}
    prices = docs["cenas.html#speka-esosas-cenas"]
    assert "<p>Kods: 3.1.3; Pakalpojums: Logopēds" in prices
    assert re.search(r"<p>Kods: 2\.1; Pakalpojums: [^<]*5,11\u00a0EUR", prices)
    annexes = docs["pielikumi.html"]
    assert "<p>Nr. 1.; Pielikums: Citu valstu pieredze" in annexes
    changes = docs["izmainas.html#izmainas"]
    assert "Iepriekš: 4,79\u00a0EUR · jāprecizē; Tagad: 5,11\u00a0EUR · jāprecizē" in changes
    # the page a person reads keeps its table and gets no hidden copy of it
    page = built_site.html("cenas.html")
    assert "<table>" in page and "data-search-exclude" not in page and "Kods: 3.1.3;" not in page


@browser_test
@pytest.mark.parametrize("width", [1366, 390])
def test_a_price_table_result_reads_as_sentences(browser, server: str, width: int) -> None:  # noqa: ANN001
    visit = Visit(browser, server, width=width)
    try:
        visit.open("index.html")
        if width < 960:  # the narrow layout's search field opens from its button
            visit.page.locator("label[for='__search']").first.click()
        pages, _first = results(visit, "5,11")
        assert "cenas.html" in pages, pages
        texts = visit.page.locator(".md-search-result__item a").evaluate_all(
            "links => links.filter(a => /cenas\\.html(\\?[^#]*)?#speka/.test(a.href)).map(a => a.innerText)")
        assert texts and all("Kods Pakalpojums" not in t for t in texts), texts
        assert any(re.search(r"Kods: 2\.1; Pakalpojums: .*5,11 EUR", t.replace("\u00a0", " ")) for t in texts), texts
        visit.page.wait_for_timeout(300)  # the results panel has faded in: the screenshot is for a person
        visit.shot(f"meklesana-cenu-tabula-{width}")
        assert visit.errors == []
    finally:
        visit.close()


# The search finds what a page says, not its form controls, and a block of files by its title (generator/site/
# search_blocks.py): "dzimšanas datums" is not the calculator's field label, "filtrs" finds the catalogue's prose
# about its filters, not the filter's options; "Jelgava" finds the municipality's block of documents.
def _words(text: str) -> set[str]:
    from generator.site.lvsearch import normalize

    return {normalize(w) for w in re.findall(r"\w+", re.sub(r"<[^>]+>", " ", unescape(text)))}


def test_form_controls_are_not_indexed_as_content(built_site) -> None:  # noqa: ANN001
    docs = _index(built_site.site)
    calculator = [d for d in docs if d["location"].startswith("kalkulators.html")]
    text = " ".join(d["title"] + " " + d["text"] for d in calculator)
    for label in ("Bērna dzimšanas datums", "Mēnešu skaits periodā", "Perioda pirmā diena *", "Pievienot rindu", "Drukāt (A4)",
                  "Valsts un pašvaldību pabalsti, EUR"):
        assert label not in text, label
    assert [d["location"] for d in calculator] == ["kalkulators.html", "kalkulators.html#programmatiska-lietosana"]
    assert "Šeit var aptuveni aprēķināt" in calculator[0]["text"]  # the page's own prose stays
    catalogue = next(d for d in docs if d["location"] == "katalogs/index.html")
    for control in ("visi saņēmēji", "visi traucējumu veidi", "Atlasei neatbilst", "Rādīti visi pakalpojumi"):
        assert control not in catalogue["text"], control
    assert _words("filtrs") <= _words(catalogue["text"])  # the prose about the filters is found
    assert "Sarakstu var atlasīt ar filtriem" in catalogue["text"]
    # the controls are still on the page a person sees
    page = built_site.html("katalogs/index.html")
    assert "visi saņēmēji" in page
    assert "Bērna dzimšanas datums" in built_site.html("kalkulators.html")


def test_a_block_of_downloads_is_its_own_search_section(built_site) -> None:  # noqa: ANN001
    docs = {d["location"]: d for d in _index(built_site.site)}
    blocks = {loc: d for loc, d in docs.items() if loc.startswith("lejupielades.html#bloks-")}
    titles = sorted(d["title"] for d in blocks.values())
    # each block is named by the municipality's name in force on its documents' day (D189)
    from pathlib import Path

    from generator.site.names_day import shown_name

    cat = built_site.catalogue
    named = {m: shown_name(cat, m, Path(f"lejupielades/dokumenti/{m}/x.pdf")) for m in ("daugavpils-novads", "jelgava")}
    assert titles == sorted([f"Dokumenti: {named['daugavpils-novads']} – 1 datne",
                             f"Dokumenti: {named['jelgava']} – 3 datnes"]), titles
    jelgava = next(d for d in blocks.values() if "Jelgavas" in d["title"])
    # the files' names are in the group's section, each once, not in the blocks (audit27c F6: a document's name
    # leads to "Dokumenti", not into the first municipality's block)
    group = docs["lejupielades.html#dokumenti"]["text"]
    assert "Lēmums par individuālā budžeta piešķiršanu (PDF)" in group
    assert group.count("Līgums ar vecāku par individuālā budžeta saņemšanu (PDF)") == 1  # in two blocks
    assert [d["text"] for d in blocks.values() if "Līgums" in d["text"] or "Lēmums" in d["text"]] == []
    assert named["jelgava"] not in group
    # the link of the result is the block on the page
    page = built_site.html("lejupielades.html")
    ident = next(loc for loc, d in blocks.items() if d is jelgava).split("#", 1)[1]
    assert re.search(rf'<details class="note" id="{ident}">\s*<summary>{re.escape(named["jelgava"])} – 3 datnes',
                     page), ident
    assert '<h3 id="bloks-' not in page


def test_blocks_get_ids_once_and_only_blocks_of_files() -> None:
    from generator.site.search_blocks import block_ids, block_sections

    html = ('<h2 id="a">Dokumenti<a class="headerlink" href="#a">¶</a></h2>\n'
            '<details class="note">\n<summary>Ogre – 2 datnes</summary>\n<table><tr><td>x</td></tr></table>\n</details>\n'
            '<details class="note">\n<summary>Ogre – 2 datnes</summary>\n<table><tr><td>y</td></tr></table>\n</details>\n'
            '<details class="info">\n<summary>Kā rēķina</summary>\n<p>Teksts.</p>\n</details>\n')
    own = block_ids(html)
    assert re.findall(r'<details class="\w+"[^>]*>', own) == [
        '<details class="note" id="bloks-dokumenti-ogre-2-datnes">',
        '<details class="note" id="bloks-dokumenti-ogre-2-datnes-2">', '<details class="info">']
    assert block_ids(own) == own
    search = block_sections(own)
    assert '<h3 id="bloks-dokumenti-ogre-2-datnes">Dokumenti: Ogre – 2 datnes</h3>' in search
    assert '<h3 id="bloks-dokumenti-ogre-2-datnes-2">' in search and "<summary>Kā rēķina</summary>" in search
    # the rows' first cells once, in the group's section before its first block; the blocks without them
    assert re.findall(r"<p>Pašvaldību blokos: [^<]*</p>", search) == ["<p>Pašvaldību blokos: x; y.</p>"]
    assert search.index("Pašvaldību blokos") < search.index('<h3 id="bloks-')
    assert "<td>" not in search
    assert block_sections(html) == html  # no ids, nothing to link to


def test_each_group_lists_its_own_files_once() -> None:
    from generator.site.search_blocks import block_ids, block_sections

    row = '<tr>\n<td><a href="f.pdf">{}</a></td>\n<td>PDF</td>\n</tr>'
    block = '<details class="note">\n<summary>{}</summary>\n<table><tbody>{}</tbody></table>\n</details>\n'
    html = ('<h2 id="dokumenti">Dokumenti</h2>\n<p>Ievads.</p>\n'
            + block.format("Balvi – 2 datnes", row.format("01 Līgums (PDF)") + row.format("08 Lēmums (PDF)"))
            + block.format("Ogre – 1 datne", row.format("01 Līgums (PDF)"))
            + '<h2 id="atskaites">Atskaites</h2>\n'
            + block.format("Balvi – 1 datne", row.format("28 Izdevumu reģistrs &amp; co (XLSX)")))
    search = block_sections(block_ids(html))
    assert re.findall(r"<p>Pašvaldību blokos: [^<]*</p>", search) == [
        "<p>Pašvaldību blokos: 01 Līgums (PDF); 08 Lēmums (PDF).</p>",
        "<p>Pašvaldību blokos: 28 Izdevumu reģistrs &amp; co (XLSX).</p>"]
    # each list is in its group's section: after the group's heading and before its first block
    assert search.index('id="dokumenti"') < search.index("01 Līgums") < search.index('id="bloks-dokumenti-balvi')
    assert search.index('id="atskaites"') < search.index("28 Izdevumu") < search.index('id="bloks-atskaites-balvi')


@browser_test
def test_a_download_block_result_opens_the_block(browser, server: str) -> None:  # noqa: ANN001
    """Searching a municipality's documents lists its block of files as a result of its own; following it shows the
    block opened on the downloads page."""
    visit = Visit(browser, server, width=1366)
    try:
        visit.open("index.html")
        first_result(visit, "Jelgavas dokumenti")
        links = visit.page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
        block = [k for k, href in enumerate(links)
                 if "lejupielades.html" in href and "#bloks-dokumenti-jelgava" in href]
        assert block, links
        visit.page.wait_for_timeout(300)
        visit.shot("meklesana-lejupielazu-bloks")
        visit.page.locator(".md-search-result__item a").nth(block[0]).click()
        ident = links[block[0]].split("#", 1)[1]
        visit.page.wait_for_function(f"() => document.getElementById('{ident}') && "
                                     f"document.getElementById('{ident}').open", timeout=5000)
        visit.shot("lejupielazu-bloks-atverts")
        assert visit.errors == []
    finally:
        visit.close()
