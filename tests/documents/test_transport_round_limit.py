"""One transport limit for the matrix, the refusal and the signed contract (D287, audit35a F1).

programme.yaml's transport_share_max (the methodology's 10 %, L1714, set for the pilot) binds a round's plans only
where the round's procedures (rounds.yaml, D135) confirm the limit: then the reference warns, `ibm documents
--from-matrix` refuses a share above it without a reason, and the parent contract's transport clause and its 2.
pielikums print that figure. A round that does not confirm it gets no warning and no refusal; its contract keeps the
blank „______ %”, and the preparer's page names the plan's share to compare with the figure written in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PROCEDURE_FIELDS
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.reference.params import Params
from generator.reference.rules import check_transport_share
from generator.workbook.writer import template_date
from tests.documents.child_render import text
from tests.documents.conftest import unmarked
from tests.documents.from_matrix_helpers import plan_reading
from tests.round_yaml import catalogue_with_round, children_round_entry

START, END = dt.date(2026, 9, 1), dt.date(2027, 12, 31)
SERVICES = (dt.date(2026, 11, 1), dt.date(2027, 10, 31))
DAY = dt.date(2026, 11, 10)  # the papers' day: the round runs
SHARE_HEAD = "Transporta daļa:"
PREPARER = "Kārtas transporta daļas robeža vēl jāprecizē"


def _procedures(transport: bool) -> str:
    flags = "".join(f"      {name}: {'true' if name == 'transport_share' and transport else 'false'}\n"
                    for name in PROCEDURE_FIELDS)
    return f"    procedures:\n      status: apstiprināts\n      source: \"Testa dati\"\n{flags}"


def _catalogue(target: Path, confirmed: bool) -> Catalogue:
    entry = children_round_entry("berni-2026", "Izdomāta bērnu kārta", START, END, services=SERVICES,
                                 municipalities=("valmiera",), rules=True,
                                 procedures=_procedures(True) if confirmed else "")
    return catalogue_with_round(target, entry)


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """A later round whose procedures say nothing of the transport limit (as every new round until LM sets them)."""
    return _catalogue(tmp_path_factory.mktemp("later") / "katalogs", confirmed=False)


@pytest.fixture(scope="module")
def confirming(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The same round with confirmed procedures that include the transport limit."""
    return _catalogue(tmp_path_factory.mktemp("confirming") / "katalogs", confirmed=True)


def _contract(catalogue: Catalogue, reason: str | None = None) -> tuple[object, str]:
    """A fictional child in Valmiera, plan from the round's first service day: 20 sessions at 25,00 EUR and parent-paid
    transport up to 100 EUR (100 / 600 = 16,7 % of A = N)."""
    values = {"transport_override": reason} if reason else {}
    reading = plan_reading(catalogue, "valmiera", (
        ("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"),
        ("2.4", 100, None, (50, 50), ""),
    ), start=SERVICES[0], **values)
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, template_date(catalogue), False,
                             build_day=DAY)
    return child, unescape(next(d.html for d in documents if d.spec.id == "01-ligums-ar-vecaku"))


def test_the_pilot_confirms_the_limit_and_a_later_round_does_not(catalogue: Catalogue, later: Catalogue,
                                                                confirming: Catalogue) -> None:
    assert catalogue.transport_limit_applies(dt.date(2018, 10, 1))  # the pilot (berni-2018): the methodology's rule
    assert not later.transport_limit_applies(SERVICES[0])
    assert confirming.transport_limit_applies(SERVICES[0])
    assert not later.transport_limit_applies(dt.date(2030, 1, 1))  # no round at all
    assert Params.from_catalogue(later, SERVICES[0]).transport_limit_applies is False


def test_the_reference_warns_only_where_the_round_confirms_the_limit(later: Catalogue, confirming: Catalogue) -> None:
    reading = plan_reading(later, "valmiera", (
        ("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"), ("2.4", 100, None, (50, 50), "")),
        start=SERVICES[0])
    lines, available = reading.data.inputs.lines, reading.outcome.available
    assert not check_transport_share(lines, Params.from_catalogue(later, SERVICES[0]), available)
    (finding,) = check_transport_share(lines, Params.from_catalogue(confirming, SERVICES[0]), available)
    assert finding.code == "transport_share" and finding.counts


def test_an_unconfirmed_limit_neither_refuses_nor_states_a_figure(later: Catalogue) -> None:
    child, html = _contract(later)
    assert not child.transport_over  # no finding: nothing for signing.blocking to refuse
    whole = text(html)
    # the contract's clause keeps its blank (with its note's mark, D369), and no paragraph of the annex states a limit
    assert "izmanto ne vairāk kā ______ % no plānam pieejamā IB apmēra" in unmarked(whole)
    assert "10 % no plānam pieejamā IB apmēra" not in whole
    assert f"{SHARE_HEAD} transporta un specializētā transporta izdevumiem no IB paredzēti 16,7 %" in whole
    assert PREPARER in whole  # on the preparer's page, with the share to compare


def test_a_confirmed_limit_is_printed_and_enforced(confirming: Catalogue) -> None:
    child, html = _contract(confirming)
    assert child.transport_over
    whole = text(html)
    assert "izmanto ne vairāk kā 10 % no plānam pieejamā IB apmēra" in whole
    assert "vairāk nekā līgumā noteiktie 10 %" in whole
    assert PREPARER not in whole
