"""The site's price and service pages say which prices each children's round's matrix carries (D61): the price in
force on the round's first service day, never the catalogue's latest price presented as the matrix's; the price
histories give each value's days ("spēkā no … līdz …")."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.site.catalogue_pages import render_catalogue_pages
from generator.site.price_pages import render_prices
from generator.site.round_prices import children_round_prices

FOUR_50 = lvformat.eur(Decimal("4.50"))
COMPANION = "2.1"  # catalogue/prices/2.1.yaml: no amount in the pilot, 4,50 EUR from 01.07.2021, 5,11 EUR from 01.04.2023


def _section(page: str, heading: str) -> str:
    start = page.index(heading)
    following = page.find("\n## ", start + len(heading))
    return page[start:] if following < 0 else page[start:following]


def _matrix_tables(page: str) -> dict[str, str]:
    """The service page's matrix tables, keyed by their round's prices day (DD.MM.GGGG)."""
    rows = _section(page, "## Rindas IBM matricā")
    parts = re.split(r"matrica: cenas uz (\d\d\.\d\d\.\d{4})", rows)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_service_page_shows_each_rounds_matrix_price(later_catalogue: Catalogue) -> None:
    """Two children's rounds (the pilot and a test round from 01.07.2021): the companion's page has one matrix table
    per round with that round's ceiling – none known in the pilot, 4,50 EUR in 2021 – and the catalogue's latest
    5,11 EUR only in the dated price rows above, never in a matrix table."""
    rounds = children_round_prices(later_catalogue)
    assert [r.day for r in rounds] == [dt.date(2018, 10, 1), dt.date(2021, 7, 1)]
    page = render_catalogue_pages(later_catalogue)[f"katalogs/{COMPANION}.md"]
    tables = _matrix_tables(page)
    assert list(tables) == ["01.10.2018", "01.07.2021"]
    assert "| nav zināmi | jāprecizē |" in tables["01.10.2018"] and "EUR" not in tables["01.10.2018"]
    assert f"| {FOUR_50} | jāprecizē |" in tables["01.07.2021"]
    assert all("5,11" not in t for t in tables.values())
    assert lvformat.eur(Decimal("5.11")) in page.split("## Rindas IBM matricā")[0]  # the latest price, dated 01.04.2023
    assert "spēkā līdz 30.06.2021" in page and "spēkā līdz 31.12.2022" in page
    # the rows sentence speaks of the newest round's matrix: a ceiling, not the provider's price
    assert "tai ir cenas griesti" in _section(page, "## Rindas IBM matricā")


def test_price_page_lists_each_rounds_matrix_prices(later_catalogue: Catalogue) -> None:
    page = render_prices(later_catalogue)["cenas.md"]
    matrices = _section(page, "## Cenas programmas kārtu matricās")
    header = next(line for line in matrices.splitlines() if line.startswith("| Kods |"))
    assert header.endswith("| Matricā: cenas uz 01.10.2018 | Matricā: cenas uz 01.07.2021 |")
    companion = next(line for line in matrices.splitlines() if line.startswith(f"| {COMPANION} |"))
    assert companion.endswith(f"| griesti nav noteikti (jāprecizē) | {FOUR_50} (jāprecizē) |"), companion
    assert "5,11" not in matrices
    assert "cenas uz 01.10.2018, spēkā līdz 30.06.2021" in matrices
    assert "cenas uz 01.07.2021, spēkā līdz 31.12.2022" in matrices
    # the prices in force on the catalogue's latest date stay, said to be that day's, with a pointer to the matrices'
    assert "5,11" in _section(page, "## Spēkā esošās cenas")
    assert "(#matricu-cenas)" in page.split("## Spēkā esošās cenas")[0]


def test_price_history_gives_each_values_last_day(catalogue: Catalogue) -> None:
    pages = render_prices(catalogue)
    history = _section(pages["cenas/joma-2.md"], "## 2.1 ")
    days = re.compile(r"\| (?:no (\d\d\.\d\d\.\d{4})|(\d\d\.\d\d\.\d{4})–(\d\d\.\d\d\.\d{4})) \|")
    rows = [(m[1], "–") if m[1] else (m[2], m[3]) for line in history.splitlines() if (m := days.match(line))]
    price = catalogue.price_by_id[COMPANION]
    expected = [(lvformat.date(v.effective_from),
                 lvformat.date(n.effective_from - dt.timedelta(days=1)) if n else "–")
                for v, n in zip(price.values, [*price.values[1:], None], strict=True)]
    assert rows == expected
    assert expected[0] == ("01.08.2018", "30.06.2021") and expected[-1] == ("01.04.2023", "–")
