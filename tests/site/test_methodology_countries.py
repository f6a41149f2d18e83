"""The country pages of the methodology (seed part I.1: catalogue/metodika/valsts-*.md,
valstis-igaunija-un-lietuva.md and the comparison data valstis.yaml) state the seed's facts: checked on the
rendered pages and the data file, each against the seed line it comes from (Metodika L…)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site.context import template_context
from generator.site.methodology import render_methodology
from generator.site.methodology_data import load_methodology_data
from tests.site.seed_text import runs, seed_texts, seeds_folder, words

METODIKA = DEFAULT_CATALOGUE / "metodika"
PAGES = ["valstis-igaunija-un-lietuva.md", "valsts-danija.md", "valsts-kanada.md", "valsts-lielbritanija.md",
         "valsts-niderlande.md", "valsts-somija.md", "valsts-zviedrija.md"]
PHRASE = 8  # words in a row that would be a copied phrase rather than a shared term or title


@pytest.fixture(scope="module")
def context():
    return template_context(load_or_raise(DEFAULT_CATALOGUE))


@pytest.fixture(scope="module")
def pages(context) -> dict[str, str]:
    rendered = render_methodology(DEFAULT_CATALOGUE, context).pages
    return {name: rendered[name] for name in PAGES}


@pytest.fixture(scope="module")
def data() -> dict:
    names = [p.name for p in METODIKA.glob("*.md")]
    return load_methodology_data(METODIKA, names, set(names))


@pytest.fixture(scope="module")
def country(data):
    return data["valsts"]


def sentences(text: str) -> list[str]:
    """The text's sentences (and table cells), one line each."""
    flat = re.sub(r"\s+", " ", text.replace("|", "\n"))
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ*])", flat) if s.strip()]


def test_the_swedish_acts_were_adopted_in_1993_and_took_effect_in_1994(pages, country) -> None:
    # L275: the assistant entered the law in 1994 (source: „The Swedish Personal Assistance Act of 1994”, L341)
    said = [s for s in sentences(pages["valsts-zviedrija.md"]) if "spēkā" in s]
    assert said and all("1993" not in s or "1994" in s for s in said), said
    assert any("1994" in s for s in said)
    assert "1994" in country["zviedrija"].ieviests


def test_only_the_dutch_health_insurers_budget_excludes_care_in_institutions(pages) -> None:
    # L446, L452: IB buys long-term care in an institution; L557: excluded only under the health insurance act
    page = pages["valsts-niderlande.md"]
    assert "ilgtermiņa aprūpi iestādē" in page
    excluding = [s for s in sentences(page) if re.search(r"neapmaksā|nesedz", s) and "aprūpi iestādēs" in s]
    assert excluding and all("apdrošināt" in s for s in excluding), excluding


def test_the_finnish_freedom_of_choice_act_is_called_a_bill(pages) -> None:
    # L632–633: in March 2018 the reform and its act were a draft submitted to parliament
    page = pages["valsts-somija.md"]
    assert "likumprojekt" in page
    assert not re.search(r"\blikums par klienta izvēles brīvību|## Izvēles brīvības likums\b", page)


def test_danish_ib_is_not_said_to_be_only_personal_assistance(pages, country) -> None:
    # L598: mainly the client-led personal assistant, in rare cases home care from a provider of one's choice
    assert not re.search(r"IB pastāv tikai", pages["valsts-danija.md"])
    buys = country["danija"].ko_var_pirkt
    assert not buys.startswith("Tikai") and "aprūpi mājās" in buys


def test_the_canadian_agent_is_required_only_in_some_provinces(pages, country) -> None:
    # L392: „Ir provinces, kur …” – the agent above the yearly threshold is not a rule of every province
    texts = sentences(pages["valsts-kanada.md"]) + [getattr(country["kanada"], f) for f in
                                                    ("kas_lemj", "apmers", "ko_var_pirkt", "kontrole")]
    agent = [t for t in texts if re.search(r"aģent(?!ūr)", t)]
    assert agent and all(re.search(r"dažās provincēs", t, re.I) for t in agent), agent


def test_lithuanians_pay_for_social_services_not_only_in_severe_cases(pages) -> None:
    # L701–702: the state pays some services, especially for severe impairments; people also pay themselves
    clauses = [c for s in sentences(pages["valstis-igaunija-un-lietuva.md"]) for c in s.split(";")]
    paying = [c for c in clauses if re.search(r"\bpaši\b", c) and "maksā" in c]
    assert paying and not any(re.search(r"smag", c, re.I) for c in paying), paying


def test_estonian_and_english_names_are_the_seeds(pages) -> None:
    estonia, england = pages["valstis-igaunija-un-lietuva.md"], pages["valsts-lielbritanija.md"]
    assert "speciālās aprūpes un labklājības plāns" in estonia  # L644
    assert "Īstraiding" in england and "Austrumjorkšīr" not in england  # L259: East Riding of Yorkshire


def test_sweden_gives_ib_to_people_with_severe_not_very_severe_disability(pages) -> None:
    assert "ļoti smagu invaliditāti" not in pages["valsts-zviedrija.md"]  # L282: „ar smagu invaliditāti”


def test_swedish_decisions_of_both_the_municipality_and_the_agency_can_be_appealed(pages) -> None:
    # L312: the municipality's or the agency's decision may be taken to court
    appeal = [s for s in sentences(pages["valsts-zviedrija.md"]) if "pārsūdz" in s]
    assert appeal and all("pašvaldības" in s and "aģentūras" in s for s in appeal), appeal


def test_the_dutch_ministry_is_named_in_full(pages, country) -> None:
    # L460, L472: Veselības, labklājības un sporta ministrija
    texts = sentences(pages["valsts-niderlande.md"]) + [country["niderlande"].kas_lemj]
    ministry = [t for t in texts if "ministrij" in t.lower()]
    assert ministry and all("Veselības, labklājības un sporta ministrij" in t for t in ministry), ministry


def test_figures_typed_in_the_comparison_data_equal_the_catalogues(data) -> None:
    # valstis.yaml is shown as text (no placeholders), so its figures must agree with skaitli.yaml
    figures, country = data["skaitli"], data["valsts"]
    assert re.findall(r"līdz (\d+) gadu vecumam", country["lielbritanija"].berni) == [str(figures["uk_vecums_lidz"])]
    hours = re.findall(r"(?:līdz|par) (\d+) stundām", country["zviedrija"].kas_lemj)
    assert hours and set(hours) == {str(figures["se_stundu_robeza"])}


def test_no_country_page_copies_a_phrase_of_the_seed() -> None:
    folder = seeds_folder()
    if folder is None:
        pytest.skip("the seed documents are not on this machine")
    seed = {run for text in seed_texts(folder) for run in runs(words(text), PHRASE)}
    files = [METODIKA / name for name in PAGES] + [METODIKA / "valstis.yaml"]
    copied = {p.name: [r for r in runs(words(Path(p).read_text(encoding="utf-8")), PHRASE) if r in seed]
              for p in files}
    assert {name: found for name, found in copied.items() if found} == {}
