"""D291: papers made from a matrix whose B was „jāprecizē” on its prices day print B as a confirmed figure once the
catalogue has confirmed the same B by the papers' day (the money is the same; the signer then has the confirmed
figure); papers made before that day keep the blanks and the note, as the matrix prints them, and so do papers made
after a later entry puts B back to „jāprecizē” (D296: the status in force on the papers' day counts)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.confirmed_warnings import papers_offers, papers_warnings
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.signing import base_line
from generator.documents.from_matrix.writing import render_child
from generator.ministry.final_status import withdrawn_by_day_text
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import plan_reading
from tests.lm_document import LM_DOCUMENT
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    MATRIX_DAY,
    ceiling_withdrawn_catalogue,
    changed_base_value,
    changes_catalogue,
    reconfirmed_catalogue,
    withdrawn_catalogue,
)

BASE_BLANK_NOTE = "bāzes apmērs vēl nav apstiprināts"
LINES = (("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"),)


def test_b_confirmed_by_the_papers_day_is_a_figure(catalogue_copy: Path) -> None:
    programme = catalogue_copy / "programme.yaml"
    text = programme.read_text("utf-8")
    day = dt.date(2018, 11, 1)  # inside the plan of plan_reading (from 01.10.2018, two months)
    programme.write_text(text.replace("rate_full:\n", f"    - effective_from: {day.isoformat()}\n      value: "
                                      f"{changed_base_value(text)}\n      source: \"{LM_DOCUMENT}\"\n      status: apstiprināts\n"
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
    first = base_line(withdrawn)  # confirmed after the matrix's day, then withdrawn: VISPIRMS says so (D302)
    assert first is not None and f"no {lvformat.date(BASE_WITHDRAWN)} tas pats B atkal ir „jāprecizē”" in first, first
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


def _clause_41(html: str) -> str:
    """The parent contract's and the grant decision's clause on the provisional amount (its B), as printed text."""
    text = re.sub(r"<[^>]+>", "", html)
    start = text.index("IB provizoriskais apmērs</") if "IB provizoriskais apmērs</" in text else \
        text.index("IB provizoriskais apmērs ir")
    return text[start:text.index("pārējiem bērniem", start)]


def _papers(catalogue, reading, day: dt.date) -> dict[str, str]:  # noqa: ANN001
    """The HTML of the parent contract (01) and the grant decision (08) made on ``day``."""
    child = build(reading, catalogue, pseudonymous=False, day=day)
    documents = render_child(catalogue, catalogue.municipality(reading.data.municipality), child,
                             reading.data.params_day, False, build_day=day)
    return {d.spec.id: d.html for d in documents if d.spec.id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu")}


def test_the_confirmed_b_is_printed_in_4_1_of_the_contract_and_the_decision(catalogue_copy: Path) -> None:
    """With no B typed, the papers made once the catalogue confirms the same B print it in the provisional amount's
    clause (01 and 08) beside P, A and K, not the blank and „bāzes apmērs vēl nav apstiprināts” (D296, D301)."""
    programme = catalogue_copy / "programme.yaml"
    text = programme.read_text("utf-8")
    day = dt.date(2018, 11, 1)
    value = changed_base_value(text)
    programme.write_text(text.replace("rate_full:\n", f"    - effective_from: {day.isoformat()}\n      value: "
                                      f"{value}\n      source: \"{LM_DOCUMENT}\"\n      status: apstiprināts\n"
                                      "rate_full:\n", 1), "utf-8")
    changed = load_or_raise(catalogue_copy)
    reading = plan_reading(changed, "valmiera", LINES, base=None)
    figure = lvformat.eur(Decimal(value))
    before = _papers(changed, reading, day - dt.timedelta(days=1))
    after = _papers(changed, reading, day)
    assert len(after) == 2
    for name, html in after.items():
        assert figure in _clause_41(html) and BASE_BLANK_NOTE not in html, name
        assert BASE_BLANK_NOTE in before[name] and figure not in _clause_41(before[name]), name


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_decision_names_the_catalogues_confirmation_of_b(catalogue_copy: Path) -> None:
    """D303: a B the papers print as confirmed from the catalogue (no B typed in 6.11, D301) rests on the ministry's
    document in the grant decision (08) as a typed B does (D101) – named with the catalogue's source and first day of
    the confirming entry (nothing typed in the template, no blank to fill) – and the legal basis cites it; the papers
    made before the confirmation name none, and 01's 4.1 prints the same figure."""
    programme = catalogue_copy / "programme.yaml"
    text = programme.read_text("utf-8")
    day = dt.date(2018, 11, 1)
    value = changed_base_value(text)
    programme.write_text(text.replace("rate_full:\n", f"    - effective_from: {day.isoformat()}\n      value: "
                                      f"{value}\n      source: \"{LM_DOCUMENT}\"\n      status: apstiprināts\n"
                                      "rate_full:\n", 1), "utf-8")
    changed = load_or_raise(catalogue_copy)
    reading = plan_reading(changed, "valmiera", LINES, base=None)
    figure = lvformat.eur(Decimal(value))
    # review39: the day is the confirmation's, not the first day B applies to (the plan may start before it)
    clause = (f"Labklājības ministrija ir apstiprinājusi bāzes apmēru (B) {figure} (apstiprinājums spēkā no "
              f"{lvformat.date(day)}; dokuments: {LM_DOCUMENT}).")
    after = _papers(changed, reading, day)
    decision = _text(after["08-lemums-par-pieskirsanu"])
    assert _text(clause) in decision, decision
    assert "(bāzes apmērs)" in decision and "Labklājības ministrijas dokumentu, kas minēts" in decision, decision
    assert "datumu un numuru ieraksta no Labklājības ministrijas" not in decision, decision  # no blank of it to fill
    assert "Dokumenta datums un Nr." not in decision, decision
    assert figure in _clause_41(after["01-ligums-ar-vecaku"])  # the same figure as 01's 4.1
    before = _text(_papers(changed, reading, day - dt.timedelta(days=1))["08-lemums-par-pieskirsanu"])
    assert LM_DOCUMENT not in before and "(bāzes apmērs)" not in before, before
    # a B typed in 6.11 keeps its own document's blank, not the catalogue's
    typed = _text(_papers(changed, plan_reading(changed, "valmiera", LINES), day)["08-lemums-par-pieskirsanu"])
    assert LM_DOCUMENT not in typed and "ar šādu dokumentu ir noteikusi bāzes apmēru (B)" in typed, typed


def test_one_rule_for_plans_before_and_after_the_confirmation(tmp_path: Path) -> None:
    """D301: on one papers' day before B's same-number confirmation, a plan of a matrix whose prices day is after it
    rests on the B the ministry has set for that day (a figure), a plan of an earlier matrix waits for B (a blank);
    papers of the earlier plan made on the confirmation day print the figure too."""
    changed = changes_catalogue(tmp_path / "catalogue")
    confirmed_b = changed.programme.base_amount.at(BASE_CONFIRMED)
    assert changed.programme.base_amount.at(MATRIX_DAY).status is PriceStatus.to_verify
    assert confirmed_b.status is PriceStatus.confirmed
    papers_day = BASE_CONFIRMED - dt.timedelta(days=9)
    early = plan_reading(changed, "valmiera", LINES, start=dt.date(2026, 11, 2), params_day=MATRIX_DAY, base=None)
    late_day = BASE_CONFIRMED + dt.timedelta(days=1)
    late = plan_reading(changed, "valmiera", LINES, start=late_day, params_day=late_day,
                        base=Decimal(confirmed_b.value))  # the matrix of a confirmed B has it in 6.11
    figure = lvformat.eur(Decimal(confirmed_b.value))
    for reading, day, confirmed in ((early, papers_day, False), (late, papers_day, True),
                                    (early, BASE_CONFIRMED, True)):
        child = build(reading, changed, pseudonymous=False, day=day)
        assert child.base_confirmed is confirmed, (reading.data.params_day, day)
        # the plan that waits is told the day from which papers print B, not to type the same B in 6.11 (D257)
        first = base_line(child)
        assert (first is None) is confirmed, first
        assert confirmed or (lvformat.date(BASE_CONFIRMED) in first and "6.11" not in first), first
        for name, html in _papers(changed, reading, day).items():
            assert (figure in _clause_41(html)) is confirmed, (name, reading.data.params_day, day)


def test_a_plan_across_the_withdrawal_of_a_confirmed_b(tmp_path: Path) -> None:
    """D302: the matrix of B's confirmation day takes a plan across B's withdrawal at the same amount (no D61 change:
    the papers are made, not refused), and its papers follow D296/D301 – the figure while the confirmation holds on
    the papers' day, the blank and the note from the withdrawal on."""
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    reading = plan_reading(changed, "valmiera", LINES, start=dt.date(2027, 2, 1), params_day=BASE_CONFIRMED,
                           base=None)  # plan_reading asserts the matrix counts no error
    assert not [f for f in reading.outcome.findings if f.code == "prices_not_in_force"]
    confirmed = build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN - dt.timedelta(days=1))
    assert confirmed.base_confirmed and not confirmed.base_note and "_" not in confirmed.provisional
    withdrawn = build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN)
    assert not withdrawn.base_confirmed and withdrawn.base_note and "_" in withdrawn.provisional
    # VISPIRMS says B was confirmed and is „jāprecizē” again from the withdrawal, and to wait for the ministry's new
    # confirmation – not to type a withdrawn B into 6.11 (D257, D302)
    assert base_line(confirmed) is None
    first = base_line(withdrawn)
    assert first is not None and f"no {lvformat.date(BASE_WITHDRAWN)} tas pats B atkal ir „jāprecizē”" in first, first
    assert "bija apstiprināts" in first and "neierakstiet" in first and "ierakstiet Labklājības" not in first, first
    assert "nogaidiet, līdz Labklājības ministrija B atkal apstiprina" in first, first
    # the provisional amount's clause of 01 and 08 follows the same printed B: not the catalogue's B of the matrix's
    # prices day, confirmed there (the CLI end to end: test_from_matrix_withdrawn_base.py)
    figure = lvformat.eur(Decimal(changed.programme.base_amount.at(BASE_CONFIRMED).value))
    for day, printed in ((BASE_WITHDRAWN - dt.timedelta(days=1), True), (BASE_WITHDRAWN, False)):
        papers = _papers(changed, reading, day)
        assert len(papers) == 2
        for name, html in papers.items():
            # after the withdrawal B is unconfirmed again, not yet: the footnote and the P note say so (D327, L1)
            withdrawn_note = f"bāzes apmērs no {lvformat.date(BASE_WITHDRAWN)} atkal nav apstiprināts"
            assert (figure in _clause_41(html)) is printed and (withdrawn_note in html) is not printed, (name, day)
            assert BASE_BLANK_NOTE not in html and "Bāzes apmērs vēl nav" not in html, (name, day)


def test_a_withdrawal_whose_end_the_catalogue_knows(tmp_path: Path) -> None:
    """D302: B confirmed on the matrix's day, withdrawn and confirmed again at the same amount – VISPIRMS of papers made
    between the two names both days and says to make the papers again from the second on; from then, no VISPIRMS."""
    changed = reconfirmed_catalogue(tmp_path / "catalogue")
    reading = plan_reading(changed, "valmiera", LINES, start=dt.date(2027, 2, 1), params_day=BASE_CONFIRMED,
                           base=None)
    first = base_line(build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN))
    assert first is not None and f"no {lvformat.date(BASE_WITHDRAWN)} tas pats B atkal ir „jāprecizē”" in first, first
    assert f"atkal ir apstiprināts no {lvformat.date(BASE_RECONFIRMED)}" in first and "nogaidiet" not in first, first
    assert base_line(build(reading, changed, pseudonymous=False, day=BASE_RECONFIRMED)) is None


def test_a_ceiling_withdrawn_after_the_matrix_day_is_a_blank_with_its_warning(tmp_path: Path) -> None:
    """D302: a group session's ceiling confirmed on the matrix's day and „jāprecizē” again at the same amount by the
    papers' day – the papers read it as unconfirmed, and list the line's „Cenas griesti nav apstiprināti” warning with
    the withdrawal's day (the matrix, recomputed on its own day, has none); the day before, neither."""
    changed = ceiling_withdrawn_catalogue(tmp_path / "catalogue")
    lines = (("3.1.3g", 5, Decimal("10.00"), (5,), "SIA Izdomātā Grupa"),)
    reading = plan_reading(changed, "valmiera", lines, start=CEILING_CONFIRMED, months=1,
                           params_day=CEILING_CONFIRMED, base=None)
    assert not [f for f in reading.warnings if f.code == "ceiling_unconfirmed"]
    before = papers_warnings(reading, changed, CEILING_WITHDRAWN - dt.timedelta(days=1))
    assert not [f for f in before if f.code == "ceiling_unconfirmed"], before
    (warning,) = [f for f in papers_warnings(reading, changed, CEILING_WITHDRAWN) if f.code == "ceiling_unconfirmed"]
    assert warning.lines == (0,) and f"no {lvformat.date(CEILING_WITHDRAWN)} atkal ir „jāprecizē”" in warning.message
    assert papers_offers(changed, CEILING_CONFIRMED, CEILING_WITHDRAWN).offers["3.1.3g"].ceiling_unconfirmed
    assert not papers_offers(changed, CEILING_CONFIRMED,
                             CEILING_WITHDRAWN - dt.timedelta(days=1)).offers["3.1.3g"].ceiling_unconfirmed


ONE_MONTH = (("3.1.3i", 10, Decimal("25.00"), (10,), "SIA Izdomātā Terapija"),)


def test_b_withdrawn_by_the_matrix_day_is_said_as_collect_says_it(tmp_path: Path) -> None:
    """D342: a matrix dated inside B's withdrawal (confirmed, „jāprecizē” again at the same amount by its prices day)
    – VISPIRMS says B was confirmed and is „jāprecizē” again, in `ibm collect`'s words (one function), and not to type
    the ministry's B into 6.11 as if B were merely unconfirmed; with the catalogue's later confirmation, from when."""
    changed = withdrawn_catalogue(tmp_path / "withdrawn")
    reading = plan_reading(changed, "valmiera", ONE_MONTH, months=1, start=BASE_WITHDRAWN, params_day=BASE_WITHDRAWN,
                           base=None)  # the round's first reporting period ends with March
    first = base_line(build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN))
    assert first is not None and withdrawn_by_day_text([BASE_WITHDRAWN]) in first, first
    assert "neierakstiet" in first and "ierakstiet Labklājības" not in first, first
    assert "nogaidiet, līdz Labklājības ministrija B atkal apstiprina" in first, first
    again = reconfirmed_catalogue(tmp_path / "reconfirmed")
    reading = plan_reading(again, "valmiera", ONE_MONTH, months=1, start=BASE_WITHDRAWN, params_day=BASE_WITHDRAWN,
                           base=None)
    first = base_line(build(reading, again, pseudonymous=False, day=BASE_WITHDRAWN))
    assert first is not None and withdrawn_by_day_text([BASE_WITHDRAWN]) in first, first
    assert f"atkal ir apstiprināts no {lvformat.date(BASE_RECONFIRMED)}" in first and "nogaidiet" not in first, first
