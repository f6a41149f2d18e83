"""A municipality's documents are made for a round that lists it (audit14 F1, F2, F7; D113): a running round it
takes no part in lends it no term, a later round's papers carry that round's name, not the pilot's, and the parent
contract's plan table has a row for each of the round's reporting periods, with the pilot's first-plan length only
in the pilot's own round."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import terms
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise
from tests.round_yaml import catalogue_with_round, children_round_entry

TODAY = dt.date(2026, 12, 1)
SECOND = "IBM ieviešana bērniem ar funkcionāliem traucējumiem (izdomāta otrā kārta)"
PILOT = "IBM izmēģinājumprojekts bērniem ar funkcionāliem traucējumiem"
IDS = ("01-ligums-ar-vecaku", "03-garantijas-vestule", "08-lemums-par-pieskirsanu")
SPECS = [spec for spec in DOCUMENTS if spec.id in IDS]
# a fictional second children's round: services 01.10.2026–30.11.2027, three six-month reporting periods
ROUND = children_round_entry("berni-2026", SECOND, dt.date(2026, 9, 1), dt.date(2027, 12, 31),
                             services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)), municipalities=("cesis", "madona"))


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    target = tmp_path_factory.mktemp("two-rounds") / "catalogue"
    return catalogue_with_round(Path(target), ROUND)


def _texts(catalogue: Catalogue, municipality: str, day: dt.date = TODAY) -> dict[str, str]:
    documents = render_municipality(catalogue, catalogue.municipality(municipality), SPECS, build_date=day)
    return {d.spec.id: normalise(parse(d.body).text()) for d in documents}


def test_a_municipality_outside_the_running_round_gets_blanks_not_its_term(two_rounds: Catalogue) -> None:
    assert terms.current_round(two_rounds, TODAY).name == SECOND  # the catalogue's running round
    chosen = terms.current_round(two_rounds, TODAY, "valmiera")
    assert chosen is not None and chosen.name == PILOT and terms.term_end(chosen, TODAY) is None
    for doc_id, text in _texts(two_rounds, "valmiera").items():
        for date in ("01.09.2026", "31.12.2027", "01.10.2026", "30.11.2027"):
            assert date not in text, (doc_id, date)
        assert SECOND not in text, doc_id
    assert terms.BLANK_DATE in _texts(two_rounds, "valmiera")["01-ligums-ar-vecaku"]


def test_a_second_rounds_papers_carry_its_name_and_its_dates(two_rounds: Catalogue) -> None:
    for municipality in ("cesis", "madona"):  # only in the new round; in both rounds
        texts = _texts(two_rounds, municipality)
        for doc_id, text in texts.items():
            assert PILOT not in text, (municipality, doc_id)
            assert SECOND in text, (municipality, doc_id)
        assert "31.12.2027" in texts["01-ligums-ar-vecaku"], municipality
        assert "01.09.2026 līdz 31.12.2027" in texts["03-garantijas-vestule"], municipality


def test_the_plan_table_has_the_rounds_periods_and_the_pilots_first_plan_only_in_the_pilot(
        two_rounds: Catalogue, catalogue: Catalogue) -> None:
    second = _texts(two_rounds, "cesis")["01-ligums-ar-vecaku"]
    assert "3. periods" in second and "4. periods" not in second
    assert "pirmais atbalsta plāns" not in second
    pilot = render_municipality(catalogue, catalogue.municipality("valmiera"), SPECS[:1],
                                build_date=dt.date(2018, 9, 1))[0]
    text = normalise(parse(pilot.body).text())
    assert "2. periods" in text and "3. periods" not in text
    assert "(izmēģinājumprojekta pirmais atbalsta plāns – 5 mēneši)" in text


def test_the_build_is_redone_when_one_municipalitys_round_changes(two_rounds: Catalogue) -> None:
    key = terms.state_key(two_rounds, TODAY)
    assert "cesis:" + SECOND in key and "valmiera:" + PILOT in key


def test_the_report_templates_follow_the_municipalitys_round(two_rounds: Catalogue) -> None:
    from generator.documents.reports.register import report_periods

    cesis = report_periods(two_rounds, TODAY, "cesis")
    assert cesis.dated and cesis.round_name == SECOND
    assert cesis.months[0] == dt.date(2026, 9, 1) and cesis.months[-1] == dt.date(2027, 12, 1)
    valmiera = report_periods(two_rounds, TODAY, "valmiera")
    assert not valmiera.dated and valmiera.round_name == PILOT
    # the documents of a municipality outside the running round are dated the build day, not its start
    assert terms.municipality_day(two_rounds, dt.date(2026, 8, 1), "valmiera") == dt.date(2026, 8, 1)
    assert terms.municipality_day(two_rounds, dt.date(2026, 8, 1), "cesis") == dt.date(2026, 9, 1)


def test_a_round_without_its_project_prints_blanks_not_the_pilots_number(two_rounds: Catalogue) -> None:
    """audit18 F11: the project in every paper's header is the papers' round's (rounds.yaml); the made-up second
    round has none, so its papers print a blank and a note, never the pilots' 9.2.2.2./16/I/001."""
    number = two_rounds.round_by_id["berni-2018"].project.number
    for doc_id, text in _texts(two_rounds, "madona").items():
        assert "Projekts Nr. ______ „______”" in text, doc_id
        assert "Projekta numuru un nosaukumu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu" in text
        assert number not in text.replace("\u2060", "") and "Izmēģinājumprojekts Nr." not in text, doc_id
    # the pilot's papers name its confirmed project while it runs; made after it ended, a blank (D135)
    pilot = two_rounds.round_by_id["berni-2018"]
    for doc_id, text in _texts(two_rounds, "valmiera", pilot.start).items():
        assert f"Projekts Nr. {number} „Sociālo pakalpojumu atbalsta sistēmas pilnveide”" in \
            text.replace("\u2060", ""), doc_id
        assert "Projekta numuru un nosaukumu ieraksta" not in text, doc_id
    for doc_id, text in _texts(two_rounds, "valmiera").items():
        assert number not in text.replace("\u2060", "") and "Projekts Nr. ______" in text, doc_id
