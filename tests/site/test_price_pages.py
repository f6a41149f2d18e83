"""The price page's Markdown (generator/site/price_pages.py) as the catalogue makes it, without building the site:
the transport limit's base, date and source (audit11 F1), an unknown deduction (F2, D106), the status beside the
price and comparison figures kept off the price column (F9, D107), "Nr. 313" (F13)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import PriceKind, PriceStatus
from generator.site import labels, paths, text
from generator.site.catalogue_pages import render_catalogue_pages
from generator.site.context import site_date
from generator.site.markdown import html, md
from generator.site.price_pages import render_prices
from generator.site.source_refs import SourceRefs
from tests.site.catalogue_edit import set_price_amount
from tests.site.conftest import amounts

COLUMNS = ["Kods", "Pakalpojums", "Cena vai griesti par vienību", "Cenu režīms", "Statuss", "Spēkā no",
           "Tiesiskais avots"]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def _plain(markdown: str) -> str:
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"<[^>]+>", "", markdown)).replace("*", "").replace("\\", "")


def _table(page: str, heading_anchor: str) -> tuple[list[str], list[list[str]]]:
    """The first Markdown table after the heading with ``{ #heading_anchor }``: header and rows as plain text."""
    after = page.split(f"{{ #{heading_anchor} }}", 1)[1]
    lines = [line for line in after.splitlines() if line.startswith("|")]
    block = []
    for line in after.splitlines()[after.splitlines().index(lines[0]):]:
        if not line.startswith("|"):
            break
        block.append(line)
    header, rows = _cells(block[0]), [_cells(line) for line in block[2:]]
    return [_plain(c) for c in header], [[_plain(c) for c in row] for row in rows]


def _md_source(catalogue: Catalogue, source: str, page: str) -> str:
    return SourceRefs([], decisions_page=False).source_md(source, page)


def _prices_in_force(catalogue: Catalogue) -> dict[str, list[str]]:
    header, rows = _table(render_prices(catalogue)[paths.PRICES], "speka-esosas-cenas")
    assert header == COLUMNS
    return {row[0]: row for row in rows}


def _price_cells(catalogue: Catalogue, kind: PriceKind) -> list[tuple[str, object, str]]:
    """(service id, price value in force, its cell in the prices-in-force table) of each service priced by ``kind``."""
    rows = _prices_in_force(catalogue)
    day = site_date(catalogue)
    values = ((service_id, price.at(day)) for service_id, price in catalogue.price_by_service.items())
    return [(service_id, value, rows[service_id][2]) for service_id, value in values
            if value is not None and value.kind is kind]


def test_transport_items_state_the_limit_on_a_with_its_date_and_source(catalogue: Catalogue) -> None:
    rows = _prices_in_force(catalogue)
    limit = catalogue.programme.transport_share_max.at(site_date(catalogue))
    transport = [s.id for s in catalogue.sorted_services() if s.transport and s.id not in catalogue.price_by_service]
    assert len(transport) >= 3  # 1.6, 2.4, 2.5
    for service_id in transport:
        row = rows[service_id]
        assert "no plānam pieejamā IB apmēra A" in row[2], row
        assert "nepieciešam" not in row[2]
        assert text.percent(limit.value) in row[2]
        assert row[4] == labels.status_text(limit.status)
        assert row[5] == text.date(limit.effective_from)
        assert "lēmums D9" in row[6]  # the parameter's source ("Metodika L1714; D9"), not "–"
    assert "no plānam pieejamā IB apmēra A" in labels.regime_without_price(catalogue, catalogue.service_by_id["2.4"],
                                                                         site_date(catalogue))
    service_page = render_catalogue_pages(catalogue)[paths.service_page(transport[0])]
    assert "no plānam pieejamā IB apmēra A" in service_page
    assert f"Transporta daļas augšējās robežas avots | {_md_source(catalogue, limit.source, paths.service_page(transport[0]))}; " \
        f"spēkā no {text.date(limit.effective_from)} |" in service_page


def test_an_unconfirmed_price_says_japrecize_in_the_price_cell(catalogue: Catalogue) -> None:
    checked = 0
    for _, value, cell in _price_cells(catalogue, PriceKind.ceiling):
        assert cell.endswith("· jāprecizē") == (value.status is PriceStatus.to_verify), cell
        if value.amount is not None:
            assert amounts(cell) == [value.amount]
        checked += value.status is PriceStatus.to_verify
    assert checked > 0  # 2.1: "5,11 EUR / stunda (augstākā pieļaujamā cena) · jāprecizē"


def test_comparison_figures_are_not_in_the_price_column(catalogue: Catalogue) -> None:
    pages = render_prices(catalogue)
    with_figures = 0
    for service_id, value, cell in _price_cells(catalogue, PriceKind.reference):
        assert amounts(cell) == [], cell
        assert cell.startswith(labels.ACTUAL_PRICE)
        if value.min is not None or value.max is not None or value.amount is not None:
            with_figures += 1
            assert "salīdzinājuma skaitlis (jāprecizē) – cenu vēsturē" in cell
            history = pages[paths.area_history_page(catalogue.service_by_id[service_id].area)]
            assert text.eur(value.min if value.min is not None else value.amount) in history
    assert with_figures >= 3  # 1.3, 2.3, 3.5: one municipality's price list


def test_an_unknown_deduction_is_not_printed_as_zero(catalogue: Catalogue) -> None:
    day = site_date(catalogue)
    reduction = catalogue.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(day)
    assert reduction is not None and reduction.amount == 0 and reduction.status is PriceStatus.to_verify
    assert labels.unknown_amount(reduction)
    pages = render_prices(catalogue)
    header, rows = _table(pages[paths.PRICES], "grupu-griesti")
    assert header == ["Daļa", "Summa", "Statuss", "Spēkā no", "Avots"]
    by_part = {row[0]: row for row in rows}
    deduction = by_part["Atskaitāmā klienta transporta daļa"]
    assert deduction[1] == "nav zināma" and deduction[2] == "jāprecizē"
    assert deduction[3] == text.date(reduction.effective_from)
    ceiling, _ = catalogue.group_ceiling(day)
    assert by_part["Griesti grupu nodarbībai"][1] == (
        f"ne vairāk kā {text.eur(ceiling)} (kamēr atskaitāmā transporta daļa nav zināma; jāprecizē)")
    assert "0,00\u00a0EUR" not in pages[paths.PRICES]
    # the history page neither prints 0,00 nor calls an amount subtracted from a ceiling a ceiling
    history = pages[paths.PARAMETER_HISTORY].split("{ #cena-grupu-nodarbibu-transporta-samazinajums }", 1)[1]
    row = next(line for line in history.splitlines() if line.startswith("| no "))
    assert _cells(row)[1:3] == ["atskaita no grupu nodarbības maksimālās cenas", "nav zināma"]


def test_a_known_deduction_is_printed(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, root, ignore=shutil.ignore_patterns("metodika"))
    set_price_amount(root, GROUP_TRANSPORT_REDUCTION_ID, "2.50")
    catalogue = load_or_raise(root)
    _, rows = _table(render_prices(catalogue)[paths.PRICES], "grupu-griesti")
    by_part = {row[0]: row for row in rows}
    assert amounts(by_part["Atskaitāmā klienta transporta daļa"][1]) == [Decimal("2.50")]
    ceiling, _ = catalogue.group_ceiling(site_date(catalogue))
    assert by_part["Griesti grupu nodarbībai"][1] == f"{text.eur(ceiling)} (jāprecizē)"


@pytest.mark.parametrize(("written", "shown"), [
    ("MK 16.06.2015 noteikumi Nr.313, 25.5. apakšpunkts", "MK 16.06.2015 noteikumi Nr. 313, 25.5. apakšpunkts"),
    ("līgums Nr.LM2017/-24-1-04/02", "līgums Nr. LM2017/-24-1-04/02"),
    ("noteikumi Nr. 942", "noteikumi Nr. 942"),
])
def test_number_sign_is_spaced(written: str, shown: str) -> None:
    assert md(written) == shown
    assert html(written) == shown


def test_no_generated_price_or_catalogue_page_glues_nr_to_its_number(catalogue: Catalogue) -> None:
    pages = {**render_prices(catalogue), **render_catalogue_pages(catalogue)}
    glued = {path: re.findall(r".{20}Nr\.\d+", page) for path, page in pages.items() if re.search(r"Nr\.\d", page)}
    assert glued == {}
    assert any("Nr. 313" in page for page in pages.values())


def test_service_property_table_is_kept_out_of_the_search_index(catalogue: Catalogue) -> None:
    page = render_catalogue_pages(catalogue)[paths.service_page("3.6")]
    summary, rest = page.split("<div", 1)
    assert "Dienas aprūpes centrs – " in summary  # the summary sentence stays the result's excerpt
    opening, table = rest.split(">", 1)
    assert "data-search-exclude" in opening and "markdown" in opening
    assert table.lstrip().startswith("| Īpašība | Vērtība |")
    assert "</div>" in table


def test_price_history_tables_are_indexed_the_generic_way(catalogue: Catalogue) -> None:
    """review2 F12: the history pages no longer keep their tables out of the index with their own hidden summary
    (a second copy of the date-range expression); table_sentences indexes them like every other table."""
    from markdown import markdown

    from generator.site.table_sentences import search_html

    pages = {k: v for k, v in render_prices(catalogue).items() if k != paths.PRICES}
    assert pages
    for name, page in pages.items():
        assert "data-search-exclude" not in page and "<div hidden" not in page and "Vērtības:" not in page, name
    page = next(v for v in pages.values() if "2.3 " in v)
    index = search_html(markdown(page, extensions=["tables", "attr_list", "md_in_html"]))  # as mkdocs.yml
    assert re.search(r"<p>Spēkā: no \d\d\.\d\d\.\d{4}(?: · datums jāprecizē)?; Nozīme: [^<]*; Summa: 3,14\xa0EUR; Statuss: jāprecizē", index)


def test_a_price_whose_start_date_is_unknown_says_so_on_the_price_pages(catalogue: Catalogue) -> None:
    """audit40 F9: a value whose source gives no date (effective_from_status „jāprecizē”: the programme's start was
    written) is flagged beside its date on the price list and on its history page, with a note saying what the date
    is – as the open data's speka_no_statuss says; a value with its source's date is not flagged."""
    unknown = {p.id: p for p in catalogue.prices
               if any(v.effective_from_status is PriceStatus.to_verify for v in p.values)}
    assert unknown, "the catalogue has no value of unknown start date: this test checks nothing"
    pages = render_prices(catalogue)
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| \[([\d.]+)\]\(cenas/joma-.*$", pages[paths.PRICES],
                                                         re.MULTILINE)}
    flag = "· **datums jāprecizē**"
    for price in catalogue.prices:
        if price.service not in rows:
            continue
        current = price.at(site_date(catalogue))
        if current is None:
            continue
        flagged = current.effective_from_status is PriceStatus.to_verify
        assert (f"| {current.effective_from:%d.%m.%Y} {flag} |" in rows[price.service]) is flagged, rows[price.service]
        assert (flag in rows[price.service]) is flagged, rows[price.service]
    assert any(p.service in rows for p in unknown.values())
    for price in unknown.values():
        anchor = f"{{ #cena-{price.id.replace('.', '-')} }}"
        page = next(text for path, text in pages.items() if path != paths.PRICES and anchor in text)
        history = page.split(anchor, 1)[1].split("\n## ", 1)[0]
        for value in price.values:
            said = f"{value.effective_from:%d.%m.%Y}"
            row = next(line for line in history.splitlines() if line.startswith("| ") and said in line.split(" | ")[0])
            assert (flag in row.split(" | ")[0]) is (value.effective_from_status is PriceStatus.to_verify), row
        day = min(v.effective_from for v in price.values if v.effective_from_status is PriceStatus.to_verify)
        others = [p for p in catalogue.prices if p.id not in unknown and f"{{ #cena-{p.id.replace('.', '-')} }}" in page]
        for other in others:  # a price whose dates are known gets no note
            section = page.split(f"{{ #cena-{other.id.replace('.', '-')} }}", 1)[1].split("\n## ", 1)[0]
            assert "programmas sākums" not in section, other.id
        assert f"katalogā ierakstīts programmas sākums ({day:%d.%m.%Y})" in history  # under the price's own table
    assert "katalogā ierakstīts programmas sākums" in pages[paths.PRICES]
