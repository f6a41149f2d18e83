"""D358: a ceiling warning gives the reason that applies to its line – a regulated or contract item's own price, or
a group session's unconfirmed group parameter – never both clauses at once (rules.unconfirmed_why)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.reference.ceilings_on_day import named_withdrawn_by_day
from generator.reference.lines import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, PlanLine
from generator.reference.rules import (
    CEILING_OPEN_CASES,
    UNCONFIRMED_WHYS,
    check_unconfirmed_ceilings,
    unconfirmed_why,
    withdrawn_by_why,
)

OWN = "normatīvajā aktā vai līgumā noteiktā cena"
GROUP = "grupu nodarbīb"


def _line(offer_id: str, ceiling_open: tuple[str, ...] = ()) -> PlanLine:
    return PlanLine(offer_id=offer_id, label=f"{offer_id} Fiktīvs pakalpojums", units=Decimal(2),
                    unit_price=Decimal(10), ceiling_unconfirmed=True, ceiling_open=ceiling_open)


def test_each_line_names_its_own_reason() -> None:
    regulated, group = _line("2.1"), _line("3.1.2g", (GROUP_TRANSPORT_REDUCTION_ID,))
    own, transport = check_unconfirmed_ceilings([regulated, group])
    assert own.message == ("1. rinda (2.1 Fiktīvs pakalpojums): cenas griesti nav apstiprināti (katalogā vēl jāprecizē "
                           f"{OWN}); pārbaudiet, vai sniedzēja cena tos nepārsniedz."), own.message
    assert GROUP not in own.message and "transporta daļa" not in own.message
    assert transport.message == ("2. rinda (3.1.2g Fiktīvs pakalpojums): cenas griesti nav apstiprināti (katalogā vēl "
                                 "jāprecizē klienta transporta daļa, ko atskaita no grupu nodarbības augstākās "
                                 "cenas); pārbaudiet, vai sniedzēja cena tos nepārsniedz."), transport.message
    assert OWN not in transport.message


def test_the_group_parameters_are_named_as_they_are_open() -> None:
    assert unconfirmed_why() == f"(katalogā vēl jāprecizē {OWN})"
    assert unconfirmed_why((GROUP_CEILING_ID,)) == "(katalogā vēl jāprecizē grupu nodarbības augstākā cena)"
    both = unconfirmed_why((GROUP_TRANSPORT_REDUCTION_ID, GROUP_CEILING_ID))
    assert both == ("(katalogā vēl jāprecizē grupu nodarbības augstākā cena un klienta transporta daļa, ko no tās "
                    "atskaita)")
    assert len(set(UNCONFIRMED_WHYS)) == len(CEILING_OPEN_CASES) == 4
    assert all((OWN in why) != (GROUP in why) for why in UNCONFIRMED_WHYS)  # one clause, never the other's


def test_a_withdrawn_group_ceiling_replaces_the_group_reason() -> None:
    """D342 for a group session: the reason of its own (D358) gives way to the withdrawal's, as a regulated one's does."""
    since = dt.date(2027, 2, 15)
    lines = [_line("2.1"), _line("3.1.2g", (GROUP_TRANSPORT_REDUCTION_ID,))]
    renamed = named_withdrawn_by_day(check_unconfirmed_ceilings(lines), lines, {"2.1": since, "3.1.2g": since})
    for f in renamed:
        assert f.withdrawn_from == since and withdrawn_by_why(since) in f.message, f.message
        assert "vēl jāprecizē" not in f.message, f.message
