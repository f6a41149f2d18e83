"""The changes page as a phone shows it: every unconfirmed figure says so in its own cell, and a comparison figure
does not read as a cancelled price (audit30 F2, F3, F7; D107)."""

from __future__ import annotations

import re

from generator import lvformat
from generator.catalogue.models import PriceKind, PriceStatus
from tests.site.conftest import BuiltSite
from tests.site.htmltables import squash, tables


def test_every_unconfirmed_value_carries_japrecize_in_its_own_cell(built_site: BuiltSite) -> None:
    found = tables(built_site.html("izmainas.html"))
    changes, parameters = found[0], found[-1]  # between them: municipalities and rounds (audit39 F2)
    assert changes.header[2:4] == ["Iepriekš", "Tagad"]
    for row in changes.rows:
        if row[5] == "jāprecizē":
            assert row[3].endswith("· jāprecizē"), row
    unconfirmed = [row for row in parameters.rows if row[3] == "jāprecizē"]
    assert unconfirmed  # B is not confirmed
    for row in parameters.rows:
        assert row[1].endswith("· jāprecizē") == (row[3] == "jāprecizē"), row
    base = next(row for row in parameters.rows if "(B)" in row[0])
    b = built_site.catalogue.programme.base_amount.at(built_site.catalogue.latest_date)
    assert base[1] == f"{lvformat.eur(b.value)} · jāprecizē"


def test_a_comparison_figure_is_labelled_in_the_change_list(built_site: BuiltSite) -> None:
    changes = tables(built_site.html("izmainas.html"))[0]
    references = [(p, old) for p in built_site.catalogue.prices for old, _ in zip(p.values, p.values[1:], strict=False)
                  if old.kind is PriceKind.reference and old.min is not None]
    assert references  # 3.21's 2015 comparison figure
    for price, old in references:
        row = next(r for r in changes.rows if r[1].startswith(f"{price.id} ") and r[0] == lvformat.date(
            price.values[price.values.index(old) + 1].effective_from))
        assert row[2].startswith(f"{lvformat.eur(old.min)} (salīdzinājuma skaitlis, nevis cena)"), row
        assert row[2].endswith("· jāprecizē") == (old.status is PriceStatus.to_verify)
        assert "nav noteikta" not in row[3], row  # a ceiling whose figure is not given is not „not set”


def test_on_a_phone_the_change_tables_are_cards_whose_lines_name_their_column(built_site: BuiltSite) -> None:
    """audit30 F7: every cell carries its column's name, which ibm.css shows before it on a narrow screen."""
    html = built_site.html("izmainas.html")
    for block in re.findall(r'<div class="ibm-kartites">(.*?)</div>', html, re.S):
        header = [squash(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<th[^>]*>(.*?)</th>", block, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", block, re.S)[1:]:
            assert re.findall(r'<td data-label="([^"]*)"', row) == header
    assert html.count('<div class="ibm-kartites">') == 3  # changes, municipalities and rounds, parameters
    css = (built_site.site / "assets/stylesheets/ibm.css").read_text(encoding="utf-8")
    assert 'content: attr(data-label) ": ";' in css


def test_rounds_and_dated_names_are_on_the_changes_page() -> None:
    """audit39 F2: a municipality finds on the page the rounds with their municipalities and funding and its new
    name from the day it takes effect, not prices only."""
    from generator.catalogue.loader import load_or_raise
    from generator.site.price_pages import render_changes

    catalogue = load_or_raise()
    page = render_changes(catalogue)
    section = page[page.index("## Pašvaldības un programmas kārtas"):page.index("## Spēkā esošie noteikumu parametri")]
    for round_ in catalogue.rounds:
        row = next(line for line in section.splitlines() if f"„{round_.name_lv}”" in line)
        assert row.startswith(f"| {lvformat.date(round_.start)} |") and "pašvaldības: " in row, row
        assert all(m.name_lv in row for m in catalogue.municipalities.municipalities if m.id in round_.municipalities)
    names = catalogue.municipality_names.names["jelgava"].municipality
    renamed = next(n for n in names[1:] if n.valid_from is not None)
    row = next(line for line in section.splitlines() if line.startswith(f"| {lvformat.date(renamed.valid_from)} |")
               and renamed.name in line)
    assert "Pašvaldības nosaukums" in row and names[names.index(renamed) - 1].name in row, row
