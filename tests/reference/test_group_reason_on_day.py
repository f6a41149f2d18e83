"""D368 (a D358 leftover): a group session's ceiling warning that still stands on the day papers are made or a matrix
is collected names the group parameters „jāprecizē” on that day. Before, the reason of the matrix's prices day stayed:
with both group parameters open then and the group base confirmed at the same amount later, collect and the papers
still said both were to be confirmed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents.from_matrix.confirmed_warnings import papers_warnings
from generator.reference.ceilings_on_day import group_open_on, named_open_on_day
from generator.reference.lines import GROUP_CEILING_ID, line_from_offer
from generator.reference.rules import check_unconfirmed_ceilings, unconfirmed_why
from tests.lm_document import LM_DOCUMENT
from tests.plan_changes_catalogue import changes_catalogue

OPENED = dt.date(2027, 6, 1)  # the group base: a new amount, „jāprecizē” (the transport part is „jāprecizē” throughout)
CONFIRMED = dt.date(2027, 7, 1)  # the same amount „apstiprināts”
GROUP = "3.1.1g"
BOTH, PART = unconfirmed_why((GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)), unconfirmed_why(
    (GROUP_TRANSPORT_REDUCTION_ID,))


@pytest.fixture(scope="module")
def confirmed_later(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    target = tmp_path_factory.mktemp("katalogs") / "catalogue"
    changes_catalogue(target)
    path = target / "prices" / "grupu-nodarbibu-griesti.yaml"
    path.write_text(path.read_text("utf-8") + "".join(
        f"  - effective_from: {day.isoformat()}\n    kind: ceiling\n    amount: 25.00\n"
        f'    source: "{source}"\n    status: {status}\n'
        for day, source, status in ((OPENED, "Testa dati: jauna augstākā cena", "jāprecizē"),
                                    (CONFIRMED, LM_DOCUMENT, "apstiprināts"))), "utf-8")
    return load_or_raise(target)


def _warning(catalogue: Catalogue):  # noqa: ANN202 - (lines, findings) of one group session on OPENED's prices
    offer = {o.id: o for o in catalogue.offers(OPENED)}[GROUP]
    lines = (line_from_offer(offer, 4, unit_price=Decimal(20), planned_units=(2, 2)),)
    return lines, check_unconfirmed_ceilings(lines)


def test_the_group_parameters_open_follow_the_day_of_the_check(confirmed_later: Catalogue) -> None:
    assert confirmed_later.group_ceiling_open(OPENED) == (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)
    both = {GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID}
    assert group_open_on(confirmed_later, OPENED, OPENED) == both
    assert group_open_on(confirmed_later, OPENED, CONFIRMED - dt.timedelta(days=1)) == both
    assert group_open_on(confirmed_later, OPENED, CONFIRMED) == {GROUP_TRANSPORT_REDUCTION_ID}
    lines, findings = _warning(confirmed_later)
    assert len(findings) == 1 and BOTH in findings[0].message
    on_day = named_open_on_day(findings, lines, group_open_on(confirmed_later, OPENED, CONFIRMED))
    assert PART in on_day[0].message and BOTH not in on_day[0].message, on_day[0].message
    # before the confirmation the matrix's own reason stays, the same finding
    assert named_open_on_day(findings, lines, group_open_on(confirmed_later, OPENED, OPENED)) == findings


def test_the_papers_name_the_parameters_open_on_their_day(confirmed_later: Catalogue) -> None:
    lines, findings = _warning(confirmed_later)
    reading = SimpleNamespace(data=SimpleNamespace(params_day=OPENED, inputs=SimpleNamespace(lines=lines)),
                              warnings=findings, warning_places={findings[0]: "6.8. tabula, F12"}, ceiling_places={})
    before = papers_warnings(reading, confirmed_later, OPENED)  # type: ignore[arg-type]
    assert [f.message for f in before] == [findings[0].message]
    after = papers_warnings(reading, confirmed_later, CONFIRMED)  # type: ignore[arg-type]
    assert len(after) == 1 and PART in after[0].message and BOTH not in after[0].message, after
    assert reading.warning_places[after[0]] == "6.8. tabula, F12"  # the renamed warning keeps its place
