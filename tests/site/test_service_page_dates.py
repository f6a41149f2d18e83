"""The catalogue's service pages (katalogs/<id>.md) say a value's day as the price pages do: a start date the source
does not give carries „datums jāprecizē” with the note what the date is (audit40 F9), and a price or transport limit
the catalogue dates after the site's date is announced with its day, status and source, never shown as in force
(D185) – the price page's „Izziņotās izmaiņas”."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import PriceStatus
from generator.site import labels, paths, text
from generator.site.catalogue_pages import render_catalogue_pages
from generator.site.context import site_date
from generator.site.price_pages import render_prices
from generator.workbook import render

BETWEEN = dt.date(2022, 6, 1)  # after the catalogue's 01.07.2021 change, before its 2023 ones
# written out (not imported): the test reads the same on a tree without them
FLAG = "· **datums jāprecizē**"
NOTE = "„datums jāprecizē” – avotā (piemēram, pašvaldības cenrādī) nav dots datums"


def _rows(page: str) -> dict[str, str]:
    """The property table's rows: the first cell (its label) to the rest of the row."""
    rows = {}
    for line in page.split('<div class="ibm-ipasibas"', 1)[1].split("</div>", 1)[0].splitlines():
        cells = re.match(r"^\| (.+?) \| (.*) \|$", line)
        if cells:
            rows[cells.group(1)] = cells.group(2)
    return rows


def test_a_price_of_unknown_start_date_is_flagged_on_its_service_page(catalogue: Catalogue) -> None:
    day = site_date(catalogue)
    pages = render_catalogue_pages(catalogue)
    flagged = 0
    for service_id, price in catalogue.price_by_service.items():
        value = price.at(day)
        if value is None:
            continue
        page = pages[paths.service_page(service_id)]
        unknown = value.effective_from_status is PriceStatus.to_verify
        assert _rows(page)["Spēkā no"] == f"{text.date(value.effective_from)}" + (f" {FLAG}" if unknown else ""), \
            service_id
        assert (NOTE in page) is unknown, service_id
        flagged += unknown
    assert flagged, "the catalogue has no price in force of unknown start date: this test checks nothing"


def test_a_later_price_is_announced_with_its_day_on_its_service_page(catalogue: Catalogue, monkeypatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BETWEEN)
    day = site_date(catalogue)
    changing = {p.service: [v for v in p.values if v.effective_from > day] for p in catalogue.prices if p.service}
    changing = {k: v for k, v in changing.items() if v}
    assert changing, "the catalogue has no change after the test day: choose another BETWEEN"
    pages = render_catalogue_pages(catalogue)
    for service_id, later in changing.items():
        page = pages[paths.service_page(service_id)]
        rows = _rows(page)
        now = catalogue.price_by_service[service_id].at(day)
        assert rows[f"Cena vai griesti ({text.date(day)})"] == labels.price_per_unit(now), service_id
        for value in later:
            row = rows[f"Izziņotā cena no {text.date(value.effective_from)}"]
            assert row.startswith(f"{labels.price_per_unit(value)}; statuss: "
                                  f"{labels.status_text(value.status)}; avots: "), row
            # its day nowhere among the values in force
            assert all(text.date(value.effective_from) not in rows[k] for k in rows if not k.startswith("Izziņot"))
        assert "(lēmums D185)" in page and "(../cenas.md#izzinotas-izmainas)" in page, service_id
    unchanged = next(s.id for s in catalogue.sorted_services() if s.id not in changing)
    assert "Izziņot" not in pages[paths.service_page(unchanged)]


@pytest.fixture
def later_limit(catalogue_copy: Path) -> Catalogue:
    """The catalogue with the transport limit raised to 15 % of A from 01.07.2027, after every other change."""
    path = catalogue_copy / "programme.yaml"
    source = path.read_text(encoding="utf-8")
    head, tail = source.split("transport_share_max:", 1)
    first = re.search(r"\n    - \{effective_from: [^\n]*\}", tail)
    assert first, "programme.yaml: transport_share_max has no value line"
    tail = (tail[:first.end()] + '\n    - {effective_from: 2027-07-01, value: 0.15, source: "testa avots"}'
            + tail[first.end():])
    path.write_text(head + "transport_share_max:" + tail, encoding="utf-8")
    return load_or_raise(catalogue_copy)


def test_a_later_transport_limit_is_announced_not_shown_in_force(later_limit: Catalogue, monkeypatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: dt.date(2026, 12, 2))
    day = site_date(later_limit)
    assert day < dt.date(2027, 7, 1)
    now = later_limit.programme.transport_share_max.at(day).value
    later = text.percent(later_limit.programme.transport_share_max.values[-1].value)  # „15 %”
    transport = [s.id for s in later_limit.sorted_services() if s.transport and s.id not in later_limit.price_by_service]
    assert transport
    pages = render_catalogue_pages(later_limit)
    for service_id in transport:
        rows = _rows(pages[paths.service_page(service_id)])
        assert text.percent(now) in rows[f"Cena ({text.date(day)})"], rows
        assert later not in rows[f"Cena ({text.date(day)})"], rows
        announced = rows["Izziņotā transporta daļas augšējā robeža no 01.07.2027"]
        assert announced.startswith(labels.transport_limit(later_limit.programme.transport_share_max.values[-1].value))
        assert later in announced and "avots: testa avots" in announced, announced
    # the price page's transport rows show the limit in force too, not the later one
    prices = render_prices(later_limit)[paths.PRICES].split("{ #speka-esosas-cenas }", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in prices.splitlines() if any(line.startswith(f"| {s} |") for s in transport)]
    assert len(rows) == len(transport)
    assert all(text.percent(now) in row and later not in row for row in rows), rows


def test_the_price_page_announces_a_later_transport_limit_with_its_day(later_limit: Catalogue, monkeypatch) -> None:
    """The price page's „Izziņotās izmaiņas” lists the later transport limit too: one row per item paid at actual
    cost, with its day, status and source – the values its service page announces (ServiceRow.later_rules)."""
    monkeypatch.setattr(render, "build_day", lambda: dt.date(2026, 12, 2))
    value = later_limit.programme.transport_share_max.values[-1]
    transport = [s.id for s in later_limit.sorted_services() if s.transport and s.id not in later_limit.price_by_service]
    page = render_prices(later_limit)[paths.PRICES]
    assert "{ #izzinotas-izmainas }" in page, "no announced section on the price page"
    section = page.split("{ #izzinotas-izmainas }", 1)[1].split("\n## ", 1)[0]
    assert "transporta daļas augšējā robeža" in section.split("\n|---", 1)[0]  # the intro and the header say so
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| 01.07.2027 |")]
    limits = {cells[1]: cells for cells in rows if labels.transport_limit(value.value) in cells[3]}
    assert sorted(limits) == sorted(transport), rows
    for service_id, cells in limits.items():
        assert f"(katalogs/{service_id}.md)" in cells[2], cells
        assert cells[4] == labels.status_text(value.status) and "testa avots" in cells[5], cells
    # by date: no row of an earlier day after the limit's rows
    days = [dt.datetime.strptime(line[2:12], "%d.%m.%Y").date() for line in section.splitlines()
            if re.match(r"^\| \d\d\.\d\d\.\d{4} \|", line)]
    assert days == sorted(days), days


def test_a_price_cell_says_per_unit_only_after_a_figure(catalogue: Catalogue) -> None:
    """audit32b F13: „griesti nav noteikti par vienību” on 12 service pages – a ceiling that is not set is not set
    „per unit”; a figure keeps „par vienību”."""
    pages = render_catalogue_pages(catalogue)
    day = site_date(catalogue)
    cells = {}
    for service in catalogue.sorted_services():
        rows = _rows(pages[paths.service_page(service.id)])
        if (cell := rows.get(f"Cena vai griesti ({text.date(day)})")) is not None:
            cells[service.id] = cell
    unset = {k: v for k, v in cells.items() if v.startswith("griesti nav noteikti")}
    with_figure = {k: v for k, v in cells.items() if " EUR" in v.replace("\u00a0", " ")}
    assert unset and with_figure, cells  # both kinds are in the catalogue
    assert all(v == "griesti nav noteikti" for v in unset.values()), unset
    assert all(v.endswith(" par vienību") for v in with_figure.values()), with_figure
