"""D291: a group session's ceiling „jāprecizē” on the matrix's prices day, confirmed by the catalogue at the same number
by the papers' day, is printed in the papers as a confirmed figure – so the papers' checklist (parskats.txt, the
screen) no longer lists its „Cenas griesti nav apstiprināti” warning; papers made the day before still do."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import GROUP_TRANSPORT_REDUCTION_ID
from generator.catalogue.loader import load_or_raise
from generator.documents.from_matrix.confirmed_warnings import CEILING_WARNING, papers_warnings
from generator.reference.findings import Severity
from generator.reference.plan_changes import confirmed_by
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import plan_reading

LINES = (("3.1.3g", 10, Decimal("20.00"), (5, 5), "SIA Izdomātā Grupa"),
         ("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"))


def _confirm_the_reduction(root: Path, day: dt.date) -> None:
    """The group sessions' transport part confirmed on ``day`` at the amount it has (only its status moves)."""
    path = root / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text("utf-8")
    amount = text.split("amount: ", 1)[1].split("\n", 1)[0]  # the catalogue's own figure, not typed here
    path.write_text(text + f"  - effective_from: {day.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                           '    source: "Testa dati: apstiprināta tā pati vērtība"\n    status: apstiprināts\n', "utf-8")


def test_a_ceiling_confirmed_by_the_papers_day_has_no_warning(catalogue_copy: Path) -> None:
    day = dt.date(2018, 11, 1)  # inside the plan of plan_reading (from 01.10.2018, two months)
    _confirm_the_reduction(catalogue_copy, day)
    changed = load_or_raise(catalogue_copy)
    offer = next(o for o in changed.offers(template_date(changed)) if o.id == "3.1.3g")
    assert offer.ceiling_unconfirmed  # the matrix's prices day: the group ceiling is still „jāprecizē”
    reading = plan_reading(changed, "valmiera", LINES)
    warnings = [f for f in reading.outcome.findings if f.severity is Severity.warning]
    reading = dataclasses.replace(reading, warnings=warnings)
    assert [f.lines for f in warnings if f.code == CEILING_WARNING] == [(0,)]

    before = papers_warnings(reading, changed, day - dt.timedelta(days=1))
    assert before == warnings
    after = papers_warnings(reading, changed, day)
    assert after == [f for f in warnings if f.code != CEILING_WARNING]
    # the status the papers' offers get on each day (context.build): the same one the warning follows
    assert before != after and "3.1.3g" in confirmed_by(changed, template_date(changed), day)[1]
    assert "3.1.3g" not in confirmed_by(changed, template_date(changed), day - dt.timedelta(days=1))[1]
