"""The built site's generated pages say exactly what the catalogue says."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import unquote

from generator import lvformat
from generator.catalogue.models import PriceKind, PriceStatus, PriceValue
from generator.site import labels
from generator.site.context import site_date
from generator.site.htmlcheck import page_facts
from generator.site.price_pages import price_anchor
from generator.site.source_refs import SourceRefs
from generator.workbook.version import template_version
from tests.site.conftest import DOWNLOADS, BuiltSite, amounts
from tests.site.htmltables import squash, tables, text_of, without_glosses


def _expected_amounts(value: PriceValue) -> list:
    if labels.unknown_amount(value):  # an unconfirmed 0,00 placeholder is "nav zināma", no amount (D106)
        return []
    if value.amount is not None:
        return [value.amount]
    bounds = [v for v in (value.min, value.max) if v is not None]
    return bounds[:1] if len(set(bounds)) == 1 else bounds  # a range with equal ends is one amount


def _source_text(built_site: BuiltSite, source: str) -> str:
    """What a reader sees of a catalogue source: chapters instead of line numbers (generator/site/source_refs)."""
    pages = {p.name for p in built_site.catalogue.root.joinpath("metodika").glob("*.md")}
    rendered = SourceRefs.for_catalogue(built_site.catalogue.root, pages).source_md(source, "cenas.md")
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"<[^>]+>", "", rendered))
    return _norm(plain.replace("\\", ""))


def _norm(text: str) -> str:
    """Catalogue text as the site writes it: spaces squashed, "Nr.313" as "Nr. 313"."""
    return squash(lvformat.spaced_number_sign(text))


def test_every_catalogue_item_has_its_page_with_all_description_fields(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    assert len(cat.services) > 0
    for s in cat.services:
        page = built_site.site / "katalogs" / f"{s.id}.html"
        assert page.is_file(), f"nav lapas pakalpojumam {s.id}"
        html = page.read_text(encoding="utf-8")
        text = without_glosses(text_of(html))
        assert f"{s.id} {_norm(s.name_lv)}" in text
        for key, title in labels.DESCRIPTION_FIELDS.items():
            field = getattr(s.description, key)
            assert title in text, (s.id, title)
            assert without_glosses(_norm(field.teksts)) in text, (s.id, key)
            if field.avots.value == "rekonstruēts":
                assert labels.RECONSTRUCTED in text
        assert labels.unit_name(cat, s.unit) in text
        assert cat.enums.regimes[s.regime] in text
        assert labels.impairment_names(cat, s.impairments) in text


def test_catalogue_index_lists_every_item_with_its_filter_data(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    html = built_site.html("katalogs/index.html")
    rows = {}
    for table in tables(html):
        for cells, attrs in zip(table.rows, table.row_attrs, strict=True):
            rows[cells[0]] = attrs
    assert set(rows) == {s.id for s in cat.services}
    for s in cat.services:
        assert rows[s.id]["data-sanemejs"] == s.recipient.value
        assert rows[s.id]["data-traucejumi"] == "|".join(i.value for i in s.impairments)
    # the filter offers every recipient and impairment type of the catalogue
    for key in cat.enums.recipients:
        assert f'<option value="{key.value}">' in html
    for imp in cat.enums.impairments:
        assert f'<option value="{imp.id.value}">' in html


def test_catalogue_index_area_line_names_the_recipients_its_rows_have(built_site: BuiltSite) -> None:
    """audit40b F5: an area's line under its heading names the recipients of its items (from the data, in the rows'
    order), not the area's one recipient that some rows contradict; its table's caption repeats the heading for a
    screen reader only (F6)."""
    cat = built_site.catalogue
    html = built_site.html("katalogs/index.html")
    mixed = 0
    for area in cat.enums.support_areas:
        services = [s for s in cat.sorted_services() if s.area == area.number]
        if not services:
            continue
        names = list(dict.fromkeys(cat.enums.recipients[s.recipient] for s in services))
        mixed += len(names) > 1
        said = (f"Saņēmējs: {names[0]}." if len(names) == 1 else f"Saņēmēji: {', '.join(names)}.")
        assert f"{said} Pakalpojumu vienības: {len(services)}." in html, (area.number, said)
        assert f'<caption class="ibm-tikai-lasitajam">{area.number}. joma: ' in html, area.number
    assert mixed, "no area has items for several recipients: the check above tells one recipient only"


def test_every_price_on_the_price_page_equals_the_catalogue(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    day = site_date(cat)
    current = tables(built_site.html("cenas.html"))[0]
    assert current.header[:3] == ["Kods", "Pakalpojums", "Cena vai griesti par vienību"]
    by_code = {row[0]: row for row in current.rows}
    assert set(by_code) == {s.id for s in cat.services}
    checked = 0
    for s in cat.services:
        row = by_code[s.id]
        price = cat.price_by_service.get(s.id)
        if price is None:
            assert amounts(row[2]) == [] and cat.enums.regimes[s.regime] in row[2]
            continue
        value = price.at(day)
        assert value is not None
        # a market reference figure is a comparison, only on the history page (D107)
        assert amounts(row[2]) == ([] if value.kind is PriceKind.reference else _expected_amounts(value)), s.id
        assert row[3] == cat.enums.regimes[price.regime]
        assert row[4] == value.status.value  # "jāprecizē" said plainly
        flag = " · datums jāprecizē" if value.effective_from_status is PriceStatus.to_verify else ""  # audit40 F9
        assert row[5] == lvformat.date(value.effective_from) + flag
        assert without_glosses(row[6]) == _source_text(built_site, value.source)
        checked += 1
    assert checked > 0


def test_every_price_history_on_its_area_page_equals_the_catalogue(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    history = sorted((built_site.site / "cenas").glob("*.html"))
    assert [p.name for p in history] == sorted([f"joma-{a.number}.html" for a in cat.enums.support_areas]
                                               + ["parametri.html"])
    by_anchor = {t.before_id: t for page in history for t in tables(page.read_text(encoding="utf-8"))}
    for price in cat.prices:
        table = by_anchor.get(f"cena-{'-'.join(price.id.replace('.', '-').split('-'))}".lower())
        assert table is not None, f"nav vēstures tabulas cenai {price.id}"
        assert len(table.rows) == len(price.values)
        # in force from its day until the day before the next value; the last one "no …" (from its day on)
        days = [f"{lvformat.date(v.effective_from)}–{lvformat.date(n.effective_from - dt.timedelta(days=1))}"
                for v, n in zip(price.values, price.values[1:], strict=False)]
        days.append(f"no {lvformat.date(price.values[-1].effective_from)}")
        for row, value, day in zip(table.rows, price.values, days, strict=True):
            flag = " · datums jāprecizē" if value.effective_from_status is PriceStatus.to_verify else ""
            assert row[0] == day + flag, (price.id, row)
            assert amounts(row[2]) == _expected_amounts(value), (price.id, row)
            assert row[3] == value.status.value
            assert without_glosses(row[4]) == _source_text(built_site, value.source)
        service = cat.service_by_id.get(price.service or "")
        page = f"joma-{service.area}.html" if service else "parametri.html"
        assert f'id="{price_anchor(price)}"' in (built_site.site / "cenas" / page).read_text(encoding="utf-8")


def test_a_service_price_history_is_one_click_from_the_price_page(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    prices = built_site.html("cenas.html")
    for service_id, price in cat.price_by_service.items():
        area = cat.service_by_id[service_id].area
        assert f'href="cenas/joma-{area}.html#{price_anchor(price)}"' in prices, service_id
        service_page = built_site.html(f"katalogs/{service_id}.html")
        assert f'href="../cenas/joma-{area}.html#{price_anchor(price)}"' in service_page, service_id


def test_group_ceiling_on_the_price_page_is_the_catalogue_ceiling(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    ceiling, _ = cat.group_ceiling(site_date(cat))
    table = next(t for t in tables(built_site.html("cenas.html")) if t.before_id == "grupu-griesti")
    total = table.rows[-1]
    assert amounts(total[1]) == ([ceiling] if ceiling is not None else [])


def test_changes_page_lists_every_dated_change(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    expected = sum(len(p.values) - 1 for p in cat.prices)
    expected += sum(len(getattr(cat.programme, n).values) - 1 for n in type(cat.programme).model_fields)
    changes = tables(built_site.html("izmainas.html"))
    if expected:
        assert len(changes[0].rows) == expected
    parameters = changes[-1]
    assert len(parameters.rows) == len(type(cat.programme).model_fields)


def test_download_links_point_to_copied_files(built_site: BuiltSite) -> None:
    html = built_site.html("lejupielades.html")
    facts = page_facts(built_site.site / "lejupielades.html")
    links = [link.url for link in facts.links if link.url.startswith(("lejupielades/", "atvertie-dati/"))]
    expected = {p.relative_to(built_site.build_dir).as_posix() for folder in ("lejupielades", "atvertie-dati")
                for p in (built_site.build_dir / folder).rglob("*") if p.is_file()}
    assert {unquote(u) for u in links} == expected
    for url in links:
        assert (built_site.site / unquote(url)).is_file()
    text = text_of(html)
    for title in DOWNLOADS.values():
        assert title in text  # the documents' own titles, read from DOCX, XLSX and PDF
    assert "Jelgavas pilsētas pašvaldība" in text and "Daugavpils novada pašvaldība" in text


def test_downloads_show_versions_as_a_person_reads_them(built_site: BuiltSite) -> None:
    """The version column reads "d382f2bc.3 (katalogs 01.04.2023)" (a matrix: the template version, the rest: the
    catalogue's; the open data's column is headed "Kataloga versija"); the raw id is only in the machine-readable
    <code> of "Par datnēm"."""
    catalogue = built_site.catalogue
    html = built_site.html("lejupielades.html")
    shown = {lvformat.version(catalogue.version), lvformat.version(template_version(catalogue))}
    seen = set()
    for table in tables(html):
        column = next(table.header.index(h) for h in ("Veidnes versija", "Kataloga versija") if h in table.header)
        seen |= {row[column] for row in table.rows}
    assert seen == shown
    text = text_of(html)
    # the id only: the catalogue's date follows once, not twice (audit30 F8)
    assert (f"kataloga versijas {lvformat.version_id(catalogue.version)} ar cenām un noteikumiem, kas spēkā "
            f"{lvformat.date(catalogue.latest_date)}") in text
    assert text.count(catalogue.version) == 1 and f"<code>{catalogue.version}</code>" in html


def test_every_page_has_lang_lv_one_h1_table_headers_and_image_alt(built_site: BuiltSite) -> None:
    pages = built_site.page_facts()
    assert len(pages) > len(built_site.catalogue.services)
    for page, facts in pages.items():
        assert facts.lang == "lv", page
        assert facts.h1 == 1, page
        assert all(facts.tables), page
        assert facts.images_without_alt == [], page


def test_no_page_loads_anything_from_outside_the_site(built_site: BuiltSite) -> None:
    for page, facts in built_site.page_facts().items():
        for link in facts.links:
            if link.tag != "a":
                assert not link.url.startswith(("http:", "https:", "//")), (page, link.url)


def test_diagram_pages_load_the_vendored_mermaid(built_site: BuiltSite) -> None:
    diagram_pages = [p.relative_to(built_site.site).as_posix() for p in built_site.site.rglob("*.html")
                     if 'class="mermaid"' in p.read_text("utf-8")]
    assert diagram_pages, "metodikā nav nevienas diagrammas"
    for page in diagram_pages:
        scripts = [link.url for link in built_site.page_facts()[page].links if link.tag == "script"]
        assert any(u.endswith("assets/javascripts/mermaid.min.js") for u in scripts), page
    assert (built_site.site / "assets/javascripts/mermaid.min.js").stat().st_size > 1_000_000
    plain = built_site.site / "cenas.html"
    assert "mermaid.min.js" not in plain.read_text("utf-8")


def test_search_index_is_latvian_and_keeps_the_written_words(built_site: BuiltSite) -> None:
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["lv"]  # the worker loads assets/javascripts/lunr/min/lunr.lv.min.js
    assert index["config"]["pipeline"] == ["stemmer"]  # no ASCII trimmer, no English stop words
    assert (built_site.site / "assets/javascripts/lunr/min/lunr.lv.min.js").is_file()
    words = " ".join(d["text"] + " " + d["title"] for d in index["docs"]).lower()
    assert "ģimenes" in words  # the index text stays as written; the worker normalises it
    pages = {d["location"]: d for d in index["docs"]}
    assert pages["katalogs/3.1.3.html"]["nosaukums"][0] == ["logoped"]  # navigation title, then heading
    assert pages["katalogs/1.3.html"]["nosaukums"] == [["gimen", "asistent"], ["gimen", "asistent", "pakalpojum"]]
    assert pages["cenas.html"]["nosaukums"][-1] == ["cen"]
    assert all("nosaukums" not in d for d in index["docs"] if "#" in d["location"])


def test_abbreviations_are_explained_on_every_page(built_site: BuiltSite) -> None:
    abbreviations = built_site.catalogue.root / "metodika" / "saisinajumi.md"
    assert abbreviations.is_file()
    html = built_site.html("index.html")
    assert '<abbr title="' in html
    for page in ("katalogs/index.html", "cenas.html", "par-vietni.html"):
        assert "<abbr" in built_site.html(page), page


def test_about_page_states_version_date_and_how_to_report(built_site: BuiltSite) -> None:
    text = text_of(built_site.html("par-vietni.html"))
    cat = built_site.catalogue
    shown = lvformat.version(cat.version)
    assert f"Kataloga versija {shown} Kataloga versija mašīnlasāmā formā {cat.version} " in text
    assert f"kataloga versiju {shown};" in text
    assert text.count(cat.version) == 1  # the footer, too, shows the readable form
    assert f"Kataloga versija {shown} · Labklājības ministrija" in text
    assert lvformat.date(cat.latest_date) in text
    assert "Kā ziņot par kļūdu" in text
    assert f"{len(cat.services)}" in text


def test_changes_page_shows_parameter_codes_in_latvian(built_site: BuiltSite) -> None:
    parameters = tables(built_site.html("izmainas.html"))[-1]
    values = [row[1] for row in parameters.rows]
    assert "needed" not in values and "gap" not in values
    key = built_site.catalogue.programme.redistribution_key.at(site_date(built_site.catalogue)).value
    assert labels.CODE_VALUES[key] in values
