"""The site when the catalogue dates a value after the build day (D185, audit39 F1): prices in force on the build
day are the page's prices, the later ones are announced with their date and source, never shown as in force."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.site import paths, text
from generator.site.context import site_date, template_context
from generator.site.methodology import render_methodology
from generator.site.price_pages import render_prices
from generator.workbook import render

BETWEEN = dt.date(2022, 6, 1)  # after the catalogue's 01.07.2021 change, before its 2023 ones


def _section(page: str, anchor: str) -> str:
    """The Markdown from the heading with ``{ #anchor }`` to the next level-2 heading."""
    after = page.split(f"{{ #{anchor} }}", 1)[1]
    return after.split("\n## ", 1)[0]


def _later(catalogue: Catalogue, day: dt.date) -> list[tuple[str, str, dt.date]]:
    """(the row's code column, the item's name, the day) of every value dated after ``day``."""
    return [(p.service or "–", catalogue.service_by_id[p.service].short_name_lv if p.service else p.name_lv,
             v.effective_from) for p in catalogue.prices for v in p.values if v.effective_from > day]


def test_the_site_date_is_the_latest_change_the_build_day_has_reached(catalogue: Catalogue, monkeypatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BETWEEN)
    reached = [d for d in catalogue.effective_dates() if d <= BETWEEN]
    assert site_date(catalogue) == max(reached) < catalogue.latest_date
    monkeypatch.setattr(render, "build_day", lambda: catalogue.latest_date + dt.timedelta(days=400))
    assert site_date(catalogue) == catalogue.latest_date  # between changes the site stays the same


def test_later_prices_are_announced_not_shown_in_force(catalogue: Catalogue, monkeypatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BETWEEN)
    later = _later(catalogue, BETWEEN)
    assert later, "the catalogue has no change after the test day: choose another BETWEEN"
    page = render_prices(catalogue)[paths.PRICES]
    in_force = _section(page, "speka-esosas-cenas")
    announced = _section(page, "izzinotas-izmainas")
    for code, name, day in later:
        rows = [line for line in announced.splitlines() if line.startswith(f"| {text.date(day)} | {code} |")]
        assert any(name.split()[0] in row for row in rows), f"{name} from {text.date(day)} is not announced"
    for _code, _name, day in later:
        assert text.date(day) not in in_force  # no later value's date among the prices in force
    assert "(#izzinotas-izmainas)" in page.split("{ #speka-esosas-cenas }")[0]  # the page says where they are


def test_without_later_values_the_page_has_no_announcement(catalogue: Catalogue, monkeypatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: catalogue.latest_date)
    page = render_prices(catalogue)[paths.PRICES]
    assert "izzinotas-izmainas" not in page


@pytest.fixture
def later_ceiling(catalogue_copy: Path) -> Catalogue:
    """The catalogue with the group ceiling raised to 27,50 EUR from a day after every other change."""
    path = catalogue_copy / "prices" / "grupu-nodarbibu-griesti.yaml"
    raised = dt.date(2027, 7, 1)
    path.write_text(path.read_text(encoding="utf-8") + (
        f"  - effective_from: {raised.isoformat()}\n    kind: ceiling\n    amount: 27.50\n"
        "    source: \"testa avots\"\n    status: apstiprināts\n"), encoding="utf-8")
    return load_or_raise(catalogue_copy)


def test_a_later_group_ceiling_is_named_with_its_date_where_the_ceiling_is_said(later_ceiling: Catalogue,
                                                                                  monkeypatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: dt.date(2026, 12, 2))
    day = site_date(later_ceiling)
    assert day < dt.date(2027, 7, 1)
    now, then = later_ceiling.group_ceiling(day)[0], later_ceiling.group_ceiling(dt.date(2027, 7, 1))[0]
    announced = f"no 01.07.2027 – ne vairāk kā {text.eur(then)}"  # the transport part is still unknown (D106)
    page = render_prices(later_ceiling)[paths.PRICES]
    ceiling_row = next(line for line in _section(page, "grupu-griesti").splitlines() if "Griesti grupu" in line)
    assert text.eur(now) in ceiling_row and announced in ceiling_row
    methodology = render_methodology(later_ceiling.root, template_context(later_ceiling)).pages
    said = {name: page for name, page in methodology.items() if re.search(r"[Pp]ašlaik[^.]*griesti", page)}
    assert said, "no methodology page says the ceiling „pašlaik”"
    for name, markdown in said.items():
        sentence = re.search(r"[Pp]ašlaik[^\n]*?" + re.escape(text.eur(now)) + r"[^\n]*", markdown)
        assert sentence and announced in sentence.group(0), name
