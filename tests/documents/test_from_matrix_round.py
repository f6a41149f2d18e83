"""A child's papers (`ibm documents --from-matrix`) follow the round whose reporting period holds the plan (D113,
D124), not the round running on the build day: its name, dates, selection rules and application deadline. The two
differ when a plan of a later round is made while an earlier round of the municipality has not yet ended (the
earlier round is then the build day's round); a plan of the earlier round made while the later one runs was
already the build day's round."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.documents import terms
from generator.documents.from_matrix import signing
from generator.documents.from_matrix.context import ChildContext, build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.documents.htmltree import parse
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from tests.documents.conftest import normalise
from tests.ministry.factory import params
from tests.round_yaml import SELECTION, add_holiday_years, children_round_entry

EARLIER = "IBM ieviešana bērniem (izdomāta agrākā kārta)"
LATER = "IBM ieviešana bērniem (izdomāta vēlākā kārta)"
BUILD_DAY = dt.date(2026, 9, 20)  # the later round has begun (01.09.2026), the earlier one ends on 31.12.2026
CRITERION_NOTE = "Tukšā vieta kritēriju tabulā: kritēriju ieraksta pēc Labklājības ministrijas noteikumiem par kārtu"


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """Two made-up children's rounds of Madona: the earlier one's services end on 30.09.2026 but the round itself
    on 31.12.2026; the later one (services from 01.10.2026) has its own confirmed rules and deadline 15.09.2026."""
    target = tmp_path_factory.mktemp("overlapping") / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    earlier = children_round_entry("berni-2025", EARLIER, dt.date(2025, 11, 1), dt.date(2026, 12, 31),
                                   services=(dt.date(2026, 1, 1), dt.date(2026, 9, 30)), municipalities=("madona",))
    later = children_round_entry("berni-2026", LATER, dt.date(2026, 9, 1), dt.date(2027, 12, 31),
                                 services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)), municipalities=("madona",),
                                 deadline=dt.date(2026, 9, 15), rules=True)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + earlier + later, "utf-8")
    add_holiday_years(Path(target), 2025, 2026, 2027)  # the rounds' services years need their holidays
    return load_or_raise(Path(target))


def _child(catalogue: Catalogue, start: dt.date, build_day: dt.date = BUILD_DAY) -> ChildContext:
    """A made-up Madona child whose two-month plan begins on ``start``, read on ``build_day``."""
    offer = next(o for o in catalogue.offers(start) if o.prefill_price is None)
    line = line_from_offer(offer, 10, unit_price=Decimal("20"), planned_units=(5, 5))
    inputs = WorkbookInputs(birth_date=dt.date(2016, 5, 1), period_start=start, months=2, special_care=False,
                            impairment="multipli", lines=(line,), base=Decimal("500"))
    params = Params.from_catalogue(catalogue, start)
    data = ChildData("madona", "Anna Paraugs", "010516-20000", "multipli", start, inputs)
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs", data=data, params=params,
                            outcome=evaluate_workbook(inputs, params), parent_name="Pēteris Paraugs", providers={})
    return build(reading, catalogue, pseudonymous=False, day=build_day)


def _papers(catalogue: Catalogue, start: dt.date, build_day: dt.date = BUILD_DAY) -> dict[str, str]:
    """The texts of that child's papers, made on ``build_day``."""
    child = _child(catalogue, start, build_day)
    documents = render_child(catalogue, catalogue.municipality("madona"), child, start, False, build_day=build_day)
    return {d.spec.id: normalise(parse(d.body).text()) for d in documents}


def test_a_later_rounds_plan_made_while_the_earlier_round_runs_follows_its_own_round(
        overlapping: Catalogue) -> None:
    built_for = terms.current_round(overlapping, BUILD_DAY, "madona")
    assert built_for is not None and built_for.name == EARLIER  # the build day's round is not the plan's
    texts = _papers(overlapping, dt.date(2026, 10, 1))
    decision = texts["08-lemums-par-pieskirsanu"]
    assert SELECTION["criterion_met"] in decision and "iesniegts līdz 15.09.2026" in decision
    assert CRITERION_NOTE not in decision
    contract = texts["01-ligums-ar-vecaku"]
    assert LATER in contract and EARLIER not in contract
    assert "31.12.2027" in contract and "31.12.2026" not in contract


def test_an_earlier_rounds_plan_made_while_the_later_round_runs_keeps_the_earlier_round(
        overlapping: Catalogue) -> None:
    texts = _papers(overlapping, dt.date(2026, 8, 1))
    decision = texts["08-lemums-par-pieskirsanu"]
    assert CRITERION_NOTE in decision and SELECTION["criterion_met"] not in decision  # its rules are `jāprecizē`
    assert "15.09.2026" not in decision
    contract = texts["01-ligums-ar-vecaku"]
    assert EARLIER in contract and LATER not in contract and "31.12.2026" in contract


def test_the_plans_round_once_ended_is_blanks_not_the_running_rounds_dates_or_rules(overlapping: Catalogue) -> None:
    """D113's rule stays: papers of a round that has ended on the build day print blanks for its dates and rules
    (run.py refuses such a plan before; the papers alone never borrow the running later round's figures)."""
    texts = _papers(overlapping, dt.date(2026, 8, 1), build_day=dt.date(2027, 1, 15))
    contract, decision = texts["01-ligums-ar-vecaku"], texts["08-lemums-par-pieskirsanu"]
    # the ended round is not named either: its name is a blank with a note (audit18 F19, D128)
    assert EARLIER not in contract and LATER not in contract and terms.BLANK_DATE in contract
    assert "kārtas nosaukumu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu" in contract
    for date in ("31.12.2026", "31.12.2027", "15.09.2026"):
        assert date not in contract, date
    # the decision's age criterion names the plan's round's last day (D110), never the later round's deadline
    assert "kārtas pēdējā dienā (31.12.2026)" in decision
    assert "31.12.2027" not in decision and "15.09.2026" not in decision
    assert CRITERION_NOTE in decision and SELECTION["criterion_met"] not in decision


def test_only_a_round_with_a_first_plan_rule_reminds_of_it(overlapping: Catalogue) -> None:
    """The first-plan reminder (D127) comes from the plan's round: these made-up rounds are not the first children's
    round, so a two-month plan in either gets none; the pilot's does (test_from_matrix_
    first_plan.py)."""
    for start in (dt.date(2026, 8, 1), dt.date(2026, 10, 1)):
        child = _child(overlapping, start)
        assert child.round_id in {"berni-2025", "berni-2026"}
        assert signing.first_plan_line(overlapping, child, start) is None


def test_the_first_plan_reminder_says_how_long_the_first_plan_lasts(catalogue: Catalogue) -> None:
    """The pilot round's first plan "ilgst 5 mēnešus" (accusative, the verb of "plāna ilgums"), never "ir 5 mēneši"
    (audit18 F13): a two-month pilot plan gets the reminder."""
    start = params(catalogue).reporting_periods[0].start
    line = signing.first_plan_line(catalogue, _child(catalogue, start), start)
    # from the round's first reporting period: certainly the child's first plan, said so (D151, audit33b F6)
    assert line is not None and "tā ilgums ir 2 mēneši, bet kārtas pirmais atbalsta plāns ilgst 5 mēnešus" in line
    assert "ir 5 mēneši" not in line


def test_a_later_rounds_child_papers_name_the_round_not_the_pilot(catalogue: Catalogue, overlapping: Catalogue) -> None:
    """D129: the age criterion's round in the report file's checklist and in a refusal's reason is "kārta" for a plan
    of a later round, "izmēģinājumprojekta kārta" for the pilot's plan."""
    from generator.documents.from_matrix.checklist import before_signing
    from generator.documents.from_matrix.refusal import refusal

    later = _child(overlapping, dt.date(2026, 10, 1))
    assert later.round_gen == "kārtas"
    checklist = "\n".join(before_signing(later))
    assert "(bērna vecums kārtas pēdējā dienā 31.12.2027)" in checklist and "izmēģinājumprojekt" not in checklist
    papers = _papers(overlapping, dt.date(2026, 10, 1))
    assert "Bērnam kārtas pēdējā dienā (31.12.2027) vēl nav" in papers["08-lemums-par-pieskirsanu"]
    assert all("izmēģinājumprojekt" not in text.lower() for text in papers.values())
    reason = refusal(dt.date(2009, 12, 1), dt.date(2026, 10, 1), 18, BUILD_DAY, dt.date(2027, 12, 31),
                     later.round_gen).reason
    assert reason.startswith("Kārtas pēdējā dienā 31.12.2027 personai, kuras dzimšanas datums ir 01.12.2009, būs "
                             "18 gadi"), reason
    pilot = _child(catalogue, params(catalogue).reporting_periods[0].start)
    assert "(bērna vecums izmēģinājumprojekta kārtas pēdējā dienā 31.10.2019)" in "\n".join(before_signing(pilot))
    assert refusal(dt.date(2000, 1, 1), dt.date(2018, 10, 1), 18, BUILD_DAY, dt.date(2019, 10, 31),
                   pilot.round_gen).reason.startswith("Izmēģinājumprojekta kārtas pēdējā dienā 31.10.2019")
