"""D291: papers made from a matrix whose B was „jāprecizē” on its prices day print B as a confirmed figure once the
catalogue has confirmed the same B by the papers' day (the money is the same; the signer then has the confirmed
figure); papers made before that day keep the blanks and the note, as the matrix prints them, and so do papers made
after a later entry puts B back to „jāprecizē” (D296: the status in force on the papers' day counts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.context import build
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import plan_reading
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_WITHDRAWN,
    MATRIX_DAY,
    changed_base_value,
    changes_catalogue,
    withdrawn_catalogue,
)

LINES = (("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"),)


def test_b_confirmed_by_the_papers_day_is_a_figure(catalogue_copy: Path) -> None:
    programme = catalogue_copy / "programme.yaml"
    text = programme.read_text("utf-8")
    day = dt.date(2018, 11, 1)  # inside the plan of plan_reading (from 01.10.2018, two months)
    programme.write_text(text.replace("rate_full:\n", f"    - effective_from: {day.isoformat()}\n      value: "
                                      f"{changed_base_value(text)}\n      source: Tests\n      status: apstiprināts\n"
                                      "rate_full:\n", 1), "utf-8")
    changed = load_or_raise(catalogue_copy)
    assert changed.programme.base_amount.at(template_date(changed)).status is PriceStatus.to_verify
    reading = plan_reading(changed, "valmiera", LINES, base=None)  # no B typed in 6.11: the catalogue's
    assert not [f for f in reading.outcome.findings if f.code == "prices_not_in_force"]  # no change (D291)
    before = build(reading, changed, pseudonymous=False, day=day - dt.timedelta(days=1))
    assert not before.base_confirmed and before.base_note
    after = build(reading, changed, pseudonymous=False, day=day)
    assert after.base_confirmed and not after.base_note
    assert "_" in before.provisional and "_" not in after.provisional, (before.provisional, after.provisional)


def test_a_withdrawn_confirmation_prints_the_blank_again(tmp_path: Path) -> None:
    """D296 (review37's catalogue): B confirmed at the same amount and later put back to „jāprecizē” at it – the
    papers made while the confirmation is in force print the figure, those made from the withdrawal on the blanks and
    the note again, as the catalogue's B is „jāprecizē” on their day."""
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    assert changed.programme.base_amount.at(MATRIX_DAY).status is PriceStatus.to_verify
    reading = plan_reading(changed, "valmiera", LINES, start=MATRIX_DAY, base=None)
    confirmed = build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN - dt.timedelta(days=1))
    assert confirmed.base_confirmed and not confirmed.base_note and "_" not in confirmed.provisional
    withdrawn = build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN)
    assert not withdrawn.base_confirmed and withdrawn.base_note and "_" in withdrawn.provisional
    # after B's other amount (a new value for later plans) the withdrawal still holds: the blank
    later = build(reading, changed, pseudonymous=False, day=BASE_CHANGE)
    assert not later.base_confirmed and later.base_note and "_" in later.provisional


def test_another_amount_later_keeps_the_figure(tmp_path: Path) -> None:
    """D296 (review38's case): B confirmed at the matrix's amount and the next period's B of another amount entered –
    papers made on or after that entry (e.g. an archive copy of a plan that ended before it) still print the plan's
    B as the confirmed figure."""
    changed = changes_catalogue(tmp_path / "catalogue")
    reading = plan_reading(changed, "valmiera", LINES, start=MATRIX_DAY, base=None)
    for day in (BASE_CHANGE - dt.timedelta(days=1), BASE_CHANGE):
        papers = build(reading, changed, pseudonymous=False, day=day)
        assert papers.base_confirmed and not papers.base_note and "_" not in papers.provisional, day
