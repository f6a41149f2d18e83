"""Text of the generated pages that once was typed in a template: the calculator's reporting period
length and the examples' birthday age now come from the catalogue."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.site.calculator import period_length_text
from tests.site.conftest import BuiltSite


def _text(built_site: BuiltSite, page: str) -> str:
    body = re.sub(r"<[^>]+>", " ", built_site.html(page))
    return re.sub(r"\s+", " ", html.unescape(body).replace("\u00a0", " "))


class _Rounds:
    def __init__(self, *months: int) -> None:
        self.months = months

    def rounds_of(self, programme: Pilot) -> list[SimpleNamespace]:
        assert programme == Pilot.children
        return [SimpleNamespace(reporting_period_months=m) for m in self.months]


@pytest.mark.parametrize("months, expected", [
    ((6,), "pa 6 mēnešiem"),
    ((1,), "pa 1 mēnesim"),
    ((11,), "pa 11 mēnešiem"),
    ((12, 6, 6), "pa 6 mēnešiem vai 12 mēnešiem"),
])
def test_period_length_follows_the_rounds(months: tuple[int, ...], expected: str) -> None:
    assert period_length_text(_Rounds(*months)).replace("\u00a0", " ") == expected  # type: ignore[arg-type]


def test_calculator_names_the_catalogues_period_length(built_site: BuiltSite, catalogue: Catalogue) -> None:
    text = _text(built_site, "kalkulators.html")
    assert "seši mēneši" not in text
    lengths = {r.reporting_period_months for r in catalogue.rounds_of(Pilot.children)}
    assert lengths
    phrase = "sadalīts posmos " + period_length_text(catalogue).replace("\u00a0", " ")
    assert phrase in text
    assert all(f"{m} mēneš" in phrase or f"{m} mēnes" in phrase for m in lengths)


def test_examples_birthday_age_is_the_full_rate_limit(built_site: BuiltSite, catalogue: Catalogue) -> None:
    from generator.reference.params import Params

    limit = Params.from_catalogue(catalogue, catalogue.rounds_of(Pilot.children)[-1].services_start).full_rate_max_age
    text = _text(built_site, "piemeri.html")
    assert f"paliek {limit + 1} gadi" in text


@pytest.mark.parametrize("n, word", [(1, "vienā"), (3, "trijās"), (9, "deviņās"), (12, "12")])
def test_feminine_locative(n: int, word: str) -> None:
    from generator.site.text import feminine_locative

    assert feminine_locative(n) == word


@pytest.mark.parametrize("page", ["index.html", "katalogs/index.html"])
def test_number_of_support_areas_comes_from_the_catalogue(built_site: BuiltSite, catalogue: Catalogue,
                                                          page: str) -> None:
    from generator.site.text import feminine_locative

    areas = len(catalogue.enums.support_areas)
    text = _text(built_site, page)
    assert f"{len(catalogue.services)} pakalpojumu vienības {feminine_locative(areas)} atbalsta jomās" in text


def test_about_page_reads_well(built_site: BuiltSite) -> None:
    text = _text(built_site, "par-vietni.html")
    assert "atsauces aprēķinu – to pašu, ar ko pārbauda" in text
    assert "pirmo atrod" not in text
    assert "uzbīdot peli" not in text


def test_catalogue_index_follows_a_fourth_support_area(catalogue: Catalogue) -> None:
    import dataclasses

    from generator.site import paths
    from generator.site.catalogue_pages import render_catalogue_pages

    last = catalogue.enums.support_areas[-1]
    fourth = last.model_copy(update={"number": last.number + 1})
    changed = dataclasses.replace(
        catalogue, enums=catalogue.enums.model_copy(update={"support_areas": [*catalogue.enums.support_areas, fourth]}))
    page = render_catalogue_pages(changed)[paths.CATALOGUE_INDEX]
    assert f"pakalpojumu vienības {len(changed.enums.support_areas)} atbalsta" not in page
    assert "četrās atbalsta jomās" in page


SAME_ENDS = re.compile(r"(\d[\d ]*,\d+ EUR) – \1")


@pytest.mark.parametrize("page", ["izmainas.html", "cenas.html", "cenas/joma-3.html"])
def test_a_range_with_equal_ends_is_one_amount(built_site: BuiltSite, catalogue: Catalogue, page: str) -> None:
    equal = [v for p in catalogue.prices for v in p.values
             if v.min is not None and v.min == v.max]
    assert equal, "katalogā vairs nav diapazona ar vienādiem galiem: tests jāpārskata"
    assert SAME_ENDS.findall(_text(built_site, page)) == []


def test_web_addresses_in_sources_may_break_after_a_slash(built_site: BuiltSite, catalogue: Catalogue) -> None:
    from generator.site.source_refs import breakable_urls

    assert breakable_urls("LM (https://www.lm.gov.lv/lv/pakalpojums), 1/2") == \
        "LM (https://www.lm.gov.lv/<wbr>lv/<wbr>pakalpojums), 1/2"
    with_url = [v for p in catalogue.prices for v in p.values if v.source and "https://" in v.source]
    assert with_url, "katalogā vairs nav avota ar tīmekļa adresi: tests jāpārskata"
    page = built_site.html("cenas/joma-3.html") + built_site.html("cenas/joma-2.html") + built_site.html("cenas/joma-1.html")
    assert "https://<wbr>" not in page
    # the sources link their name to the address (test_source_links.py): an address shows only inside a link
    assert re.search(r'href="https://[^"]+"', page)
    assert not re.search(r'>[^<]*https://', page)


def test_catalogue_filter_count_needs_no_number_agreement(built_site: BuiltSite, catalogue: Catalogue) -> None:
    """'Rādīti visi 61 pakalpojumi' would be wrong Latvian; 'Rādīti visi pakalpojumi: 61.' is right for any count."""
    text = _text(built_site, "katalogs/index.html")
    assert f"Rādīti visi pakalpojumi: {len(catalogue.services)}." in text
    script = (built_site.site / "assets/javascripts/katalogs-filtri.js").read_text(encoding="utf-8")
    assert '"Rādīti pakalpojumi: " + shown + " no " + total' in script


def test_project_funding_comes_from_the_figures_file(built_site: BuiltSite, catalogue: Catalogue) -> None:
    """In whole euros, as the rounds' costs in the same page's table (rounds.yaml notes, audit31e F10)."""
    import yaml

    from generator.lvformat import number

    figures = yaml.safe_load((catalogue.root / "metodika" / "skaitli.yaml").read_text(encoding="utf-8"))["skaitli"]
    amount = figures["esf_projekta_finansejums"]["vertiba"]
    text = _text(built_site, "metodika/izmeginajumprojekti.html")
    assert f"kopējais finansējums bija {number(amount, 0)} EUR".replace("\u00a0", " ") in text
    source = (catalogue.root / "metodika" / "izmeginajumprojekti.md").read_text(encoding="utf-8")
    assert "skaitli.esf_projekta_finansejums" in source


def test_procurement_threshold_comes_from_the_figures_file(built_site: BuiltSite, catalogue: Catalogue) -> None:
    import yaml

    from generator.lvformat import eur

    figures = yaml.safe_load((catalogue.root / "metodika" / "skaitli.yaml").read_text(encoding="utf-8"))["skaitli"]
    amount = figures["iepirkuma_robeza_sbs"]["vertiba"]
    text = _text(built_site, "metodika/pakalpojumu-sniedzeji.html")
    assert f"mazāka par {eur(amount)} bez PVN".replace("\u00a0", " ") in text
    assert " euro bez PVN" not in text
