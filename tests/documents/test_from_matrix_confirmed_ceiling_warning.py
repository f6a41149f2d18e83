"""D291: a group session's ceiling „jāprecizē” on the matrix's prices day, confirmed by the catalogue at the same number
by the papers' day, is printed in the papers as a confirmed figure – so the papers' checklist (parskats.txt, the
screen) no longer lists its „Cenas griesti nav apstiprināti” warning; papers made the day before still do, and so do
papers made after a later entry puts it back to „jāprecizē” at the same number (D296). D275's reminder about a group
price at the ceiling before the transport part reads the two statuses on the papers' day too (D296)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.confirmed_warnings import CEILING_WARNING, papers_offers, papers_warnings
from generator.documents.from_matrix.signing import PROVIDER_CONTRACT, group_price_lines
from generator.reference.findings import Severity
from generator.reference.plan_changes import confirmed_by, confirmed_prices
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import plan_reading
from tests.lm_document import LM_DOCUMENT

LINES = (("3.1.3g", 10, Decimal("20.00"), (5, 5), "SIA Izdomātā Grupa"),
         ("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"))


def _same_amount(root: Path, price: str, day: dt.date, status: PriceStatus) -> None:
    """A catalogue price given ``status`` on ``day`` at the amount it has (only its status moves)."""
    path = root / "prices" / f"{price}.yaml"
    text = path.read_text("utf-8")
    amount = text.split("amount: ", 1)[1].split("\n", 1)[0]  # the catalogue's own figure, not typed here
    path.write_text(text + f"  - effective_from: {day.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                           f'    source: "{LM_DOCUMENT}"\n    status: {status.value}\n', "utf-8")


def _confirm_the_reduction(root: Path, day: dt.date) -> None:
    """The group sessions' transport part confirmed on ``day`` at the amount it has (only its status moves)."""
    _same_amount(root, GROUP_TRANSPORT_REDUCTION_ID, day, PriceStatus.confirmed)


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


def test_a_withdrawn_ceiling_confirmation_warns_again(catalogue_copy: Path) -> None:
    day, withdrawn = dt.date(2018, 11, 1), dt.date(2018, 11, 15)  # both inside the plan of plan_reading
    _confirm_the_reduction(catalogue_copy, day)
    _same_amount(catalogue_copy, GROUP_TRANSPORT_REDUCTION_ID, withdrawn, PriceStatus.to_verify)
    changed = load_or_raise(catalogue_copy)
    reading = plan_reading(changed, "valmiera", LINES)
    warnings = [f for f in reading.outcome.findings if f.severity is Severity.warning]
    reading = dataclasses.replace(reading, warnings=warnings)
    assert papers_warnings(reading, changed, day) == [f for f in warnings if f.code != CEILING_WARNING]
    assert papers_warnings(reading, changed, withdrawn) == warnings
    assert "3.1.3g" not in confirmed_by(changed, template_date(changed), withdrawn)[1]
    assert papers_offers(changed, template_date(changed), withdrawn).offers["3.1.3g"].ceiling_unconfirmed


def test_another_ceiling_later_leaves_the_confirmation(catalogue_copy: Path) -> None:
    """D296: the transport part confirmed at the matrix's amount, then another amount – a new value for later plans:
    papers made after it still read the plan's ceiling (and D275's price) as confirmed."""
    day, other = dt.date(2018, 11, 1), dt.date(2018, 11, 15)
    _confirm_the_reduction(catalogue_copy, day)
    path = catalogue_copy / "prices" / f"{GROUP_TRANSPORT_REDUCTION_ID}.yaml"
    text = path.read_text("utf-8")
    amount = Decimal(text.split("amount: ", 1)[1].split("\n", 1)[0]) + 1  # another figure than the catalogue's
    path.write_text(text + f"  - effective_from: {other.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                           '    source: "Testa dati: cits apmērs"\n    status: apstiprināts\n', "utf-8")
    changed = load_or_raise(catalogue_copy)
    for on in (day, other):
        assert "3.1.3g" in confirmed_by(changed, template_date(changed), on)[1], on
        assert GROUP_TRANSPORT_REDUCTION_ID in confirmed_prices(changed, template_date(changed), on), on


def _group_child(offer: str, label: str) -> SimpleNamespace:
    """A child as group_price_lines reads it: one provider with one funded group line (6.3's first), with papers."""
    line = SimpleNamespace(number=1, funded=True, offer_id=offer, label=label)
    return SimpleNamespace(not_eligible=False, providers=[SimpleNamespace(file_part="grupa", lines=[line])])


def test_the_group_price_reminder_reads_the_papers_day(catalogue_copy: Path) -> None:
    """The group ceiling before the transport part „jāprecizē” on the matrix's day and confirmed at the same amount on
    ``day``, the part still „jāprecizē”: papers made from ``day`` print the line at that ceiling as a figure, so D275's
    reminder is said from then on (before, the matrix's day's status kept it silent); once the part too is confirmed
    on ``later``, it is not."""
    day, later = dt.date(2018, 11, 1), dt.date(2018, 11, 15)
    path = catalogue_copy / "prices" / f"{GROUP_CEILING_ID}.yaml"
    text = path.read_text("utf-8")
    assert text.count("status: apstiprināts") == 1
    path.write_text(text.replace("status: apstiprināts", f"status: {PriceStatus.to_verify.value}"), "utf-8")
    _same_amount(catalogue_copy, GROUP_CEILING_ID, day, PriceStatus.confirmed)
    _confirm_the_reduction(catalogue_copy, later)
    changed = load_or_raise(catalogue_copy)
    matrix_day = template_date(changed)
    base = changed.price_by_id[GROUP_CEILING_ID].at(matrix_day)
    assert base.status is PriceStatus.to_verify
    offer = next(o for o in changed.offers(matrix_day) if o.id == "3.1.3g")
    child = _group_child(offer.id, offer.label)

    def said(on: dt.date) -> list[str]:
        return group_price_lines(changed, child, matrix_day, [base.amount], [f"{PROVIDER_CONTRACT}-grupa.docx"],  # type: ignore[arg-type]
                                 papers_offers(changed, matrix_day, on).prices)

    assert said(day - dt.timedelta(days=1)) == []
    (line,) = said(day)
    assert line.startswith(f"6.3. tabulas 1. rinda ({offer.label}): cena ") and f"{PROVIDER_CONTRACT}-grupa" in line, line
    assert said(later) == []
