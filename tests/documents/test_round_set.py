"""A municipality's set for a chosen children's round (generator/documents/round_set.py, D125): the choice overrides
the round D113 would take on the build day, a round that does not list the municipality is refused, a running
(or later) round's papers carry its name and term, an ended round gets report templates only, and `--day` gives
the price lists that day's prices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import terms
from generator.documents.build_step import made_phrase, render_municipality
from generator.documents.context import shared_context
from generator.documents.htmltree import parse
from generator.documents.paths import DOCUMENTS, DOWNLOADS, REPORTS
from generator.documents.registry import DOCUMENTS as SPECS
from generator.documents.reports.register import report_periods
from generator.documents.round_set import RoundChoiceError, choose_round, render_round_set
from tests.documents.conftest import normalise
from tests.documents.workbook_values import named
from tests.round_yaml import catalogue_with_round, children_round_entry

SECOND = "IBM ieviešana bērniem ar funkcionāliem traucējumiem (izdomāta otrā kārta)"
ROUND = children_round_entry("berni-2026", SECOND, dt.date(2026, 9, 1), dt.date(2027, 12, 31),
                             services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)), municipalities=("cesis", "madona"))
BEFORE = dt.date(2018, 9, 1)  # the pilot round runs: by D113 madona's papers would be the pilot's
DURING = dt.date(2026, 12, 1)  # the second round runs, the pilot has ended


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    target = tmp_path_factory.mktemp("two-rounds") / "catalogue"
    return catalogue_with_round(Path(target), ROUND)



def test_a_round_that_does_not_list_the_municipality_is_refused(two_rounds: Catalogue) -> None:
    with pytest.raises(RoundChoiceError, match="--round: kārtā „berni-2026” nav pašvaldības „valmiera” "
                                               r"\(rounds.yaml; kārtas pašvaldības: cesis, madona\)"):
        choose_round(two_rounds, "berni-2026", None, "valmiera")
    with pytest.raises(RoundChoiceError, match="--day: „15.03.2027” ir kārtā „berni-2026”, bet tajā nav pašvaldības"):
        choose_round(two_rounds, None, dt.date(2027, 3, 15), "valmiera")
    # without --municipality: every municipality of the round (and no other)
    assert {m.id for m in choose_round(two_rounds, "berni-2026", None, None).municipalities} == {"cesis", "madona"}


def test_the_choice_overrides_the_round_of_the_build_day(two_rounds: Catalogue) -> None:
    madona = two_rounds.municipality("madona")
    assert terms.current_round(two_rounds, BEFORE, "madona").name != SECOND  # D113 alone: the pilot
    with terms.for_round(terms.Choice("berni-2026")):
        assert terms.current_round(two_rounds, BEFORE, "madona").name == SECOND
        periods = report_periods(two_rounds, BEFORE, "madona")
        contract = render_municipality(two_rounds, madona, [s for s in SPECS if s.id == "01-ligums-ar-vecaku"],
                                       build_date=BEFORE)[0]
    assert periods.dated and periods.asked and not periods.ended
    assert periods.months[0] == dt.date(2026, 9, 1) and periods.months[-1] == dt.date(2027, 12, 1)
    text = normalise(parse(contract.body).text())
    assert SECOND in text and "31.12.2027" in text
    assert terms.asked_round() is None  # the choice ends with its block


def test_a_day_gives_the_price_lists_its_prices(two_rounds: Catalogue) -> None:
    plan_day = dt.date(2027, 3, 15)
    chosen = choose_round(two_rounds, None, plan_day, "madona")
    assert chosen.round_id == "berni-2026" and chosen.prices_day == plan_day
    with terms.for_round(chosen.choice):
        assert shared_context(two_rounds, DURING, municipality="madona")["prices_day"] == "15.03.2027"
    assert shared_context(two_rounds, DURING, municipality="madona")["prices_day"] == "01.12.2026"


@pytest.mark.usefixtures("quick_papers")
def test_a_running_round_gets_papers_an_ended_one_report_templates_only(two_rounds: Catalogue,
                                                                        tmp_path: Path) -> None:
    running = render_round_set(two_rounds, choose_round(two_rounds, "berni-2026", None, "madona"), tmp_path / "a",
                               lambda _line: None, build_date=DURING)
    papers = tmp_path / "a" / DOWNLOADS / DOCUMENTS / "madona-berni-2026"
    # a paper of a pilot procedure the round does not confirm (the ESF questionnaire, D135) is not made
    assert sorted(p.name for p in papers.iterdir()) == sorted(f"{s.id}.{ext}" for s in SPECS if s.procedure is None
                                                              for ext in ("pdf", "docx"))
    assert SECOND in (papers / "01-ligums-ar-vecaku.pdf").read_text("utf-8")
    assert all(p.is_file() for p in running)
    lines: list[str] = []
    render_round_set(two_rounds, choose_round(two_rounds, "berni-2018", None, "madona"), tmp_path / "b",
                     lines.append, build_date=DURING)
    assert not (tmp_path / "b" / DOWNLOADS / DOCUMENTS).exists()
    reports = tmp_path / "b" / DOWNLOADS / REPORTS / "madona-berni-2018"
    months = named(openpyxl.load_workbook(reports / "izdevumu-registrs-un-parskati.xlsx"), "NP_Menesis")
    assert months[0].date() == dt.date(2018, 8, 1) and months[-1].date() == dt.date(2019, 10, 1)
    assert "tikai atskaišu veidnes" in lines[0]


def test_the_choice_ends_also_when_rendering_fails() -> None:
    """An error inside the block (the command reports it and goes on in-process) leaves no round behind (review1
    F10)."""
    with pytest.raises(RuntimeError), terms.for_round(terms.Choice("berni-2026")):
        assert terms.asked_round() == terms.Choice("berni-2026")
        raise RuntimeError
    assert terms.asked_round() is None


@pytest.mark.parametrize(("papers", "says"), [
    (0, "tikai atskaišu veidnes"), (1, "1 dokuments (PDF un DOCX) un atskaišu veidnes"),
    (11, "11 dokumenti (PDF un DOCX) un atskaišu veidnes"), (21, "21 dokuments (PDF un DOCX) un atskaišu veidnes"),
    (32, "32 dokumenti (PDF un DOCX) un atskaišu veidnes")])
def test_the_progress_line_agrees_with_the_count(papers: int, says: str) -> None:
    assert made_phrase(papers) == says  # review1 F13 (the default set's line and the round set's)
