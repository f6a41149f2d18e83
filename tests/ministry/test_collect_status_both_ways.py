"""D296 in both directions and for the ceilings: collect reads every record's B and 6.8 ceilings with their status on
the collection's day, by the rule the papers use (confirmed_by). A group session's ceiling „jāprecizē” on the matrix's
prices day and confirmed at the same number by the collection's day is no unconfirmed ceiling – the child is
„galīgs” and the summary says from which day; a B „apstiprināts” on the matrix's prices day and withdrawn at the same
amount by the collection's day makes the amounts provisional, the reason naming the withdrawal's day – as the papers
made that day print a blank (tests/plan_changes_catalogue.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.confirmed_warnings import papers_offers, papers_warnings
from generator.documents.from_matrix.reading import read_for_documents
from generator.lvformat import date as lv_date
from generator.ministry.collect import Options, collect
from generator.ministry.final_status import STATUS_CEILING, STATUS_FINAL, STATUS_PROVISIONAL, ceiling_warnings
from generator.ministry.migrate import PRICES_UNTIL_LABEL, Migrator
from generator.ministry.rule_names import RULE_NAMES
from generator.ministry.templates import TemplateSource
from generator.reference.lines import line_from_offer
from generator.reference.plan_changes import confirmed_by
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    MATRIX_DAY,
    MUNICIPALITIES,
    ceiling_confirmed_catalogue,
    ceiling_withdrawn_catalogue,
    withdrawn_catalogue,
)

KEY = b"d296-both-ways-test-key-0123456789abcdef"


def _folder(root: Path, make: Callable[[Path], Catalogue], day: dt.date, start: dt.date,
            items: tuple[str, ...], months: int = 2) -> tuple[Catalogue, Path]:
    """Two matrices of prices day ``day`` (no B typed in 6.11), each plan ``months`` from ``start`` with ``items``."""
    changed = make(root / "catalogue")
    template = write_workbook(changed, root / "veidne.xlsx", None, day)
    offers = {o.id: o for o in changed.offers(day)}
    children = []
    for i, municipality in enumerate(MUNICIPALITIES):
        lines = tuple(line_from_offer(offers[item], 5 * months, unit_price=Decimal(18 + i),
                                      planned_units=(5,) * months) for item in items)
        inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1 + i), period_start=start, months=months,
                                special_care=False, impairment="multipli", lines=lines, base=None)
        people = People(child_name=f"Ilze Paraugs {i + 1}", child_code=f"010619-2{i:04d}",
                        parent_name=f"Jānis Paraugs {i + 1}", social_worker="Līga Piemēra",
                        providers={item: f"SIA Sniedzējs {n + 1}" for n, item in enumerate(items)})
        children.append(Child(i, municipality, people, inputs))
    write_children(changed, template, children, root / "in")
    return changed, root / "in"


@pytest.fixture(scope="module")
def ceilings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """The round's matrix (MATRIX_DAY): a group session (its ceiling „jāprecizē”) and an individual one."""
    return _folder(tmp_path_factory.mktemp("d296-ceilings"), ceiling_confirmed_catalogue, MATRIX_DAY, MATRIX_DAY,
                   ("3.1.3g", "3.1.3i"))


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """Matrices made on B's confirmation day (B „apstiprināts” on their prices day), plans ending before the
    withdrawal (D61 refuses none)."""
    return _folder(tmp_path_factory.mktemp("d296-withdrawn"), withdrawn_catalogue, BASE_CONFIRMED,
                   dt.date(2027, 1, 1), ("3.1.3i", "3.1.2i"))


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_ceiling_confirmed_by_the_collection_day_is_no_unconfirmed_ceiling(
        ceilings: tuple[Catalogue, Path]) -> None:
    changed, matrices = ceilings
    before = collect(matrices, changed, KEY, Options(jobs=1, day=CEILING_CONFIRMED - dt.timedelta(days=1)))
    assert len(before.records) == 2 and not before.refused, before.refused
    # on the matrix's prices day the group ceiling is „jāprecizē”: one warning a child, each child's status says so
    assert [len(ceiling_warnings(r)) for r in before.records] == [1, 1]
    assert {before.status(r) for r in before.records} == {STATUS_CEILING}
    # B and the ceiling both confirmed at the same numbers by the collection's day: final, as the papers print them
    on = BASE_CONFIRMED
    assert "3.1.3g" in confirmed_by(changed, MATRIX_DAY, on)[1]
    after = collect(matrices, changed, KEY, Options(jobs=1, day=on))
    assert [ceiling_warnings(r) for r in after.records] == [[], []]
    assert after.provisional is None and after.final_provisional is None, after.provisional
    assert {after.status(r) for r in after.records} == {STATUS_FINAL}
    assert after.base_confirmed is not None and \
        f"griesti, kas matricas cenu dienā bija „jāprecizē”, katalogā ar to pašu apmēru apstiprināti no " \
        f"{lv_date(CEILING_CONFIRMED)}" in after.base_confirmed, after.base_confirmed
    assert before.finals == after.finals  # only the statuses differ


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_b_withdrawn_after_the_matrix_day_makes_the_amounts_provisional(
        withdrawn: tuple[Catalogue, Path]) -> None:
    changed, matrices = withdrawn
    assert changed.programme.base_amount.at(BASE_CONFIRMED).status is PriceStatus.confirmed
    last = BASE_WITHDRAWN - dt.timedelta(days=1)
    confirmed = collect(matrices, changed, KEY, Options(jobs=1, day=last))
    assert len(confirmed.records) == 2 and not confirmed.refused, confirmed.refused
    assert confirmed.provisional is None and {confirmed.status(r) for r in confirmed.records} == {STATUS_FINAL}
    gone = collect(matrices, changed, KEY, Options(jobs=1, day=BASE_WITHDRAWN))
    assert not gone.refused, gone.refused
    assert {gone.status(r) for r in gone.records} == {STATUS_PROVISIONAL}
    assert gone.provisional is not None and f"atkal ir „jāprecizē” no {lv_date(BASE_WITHDRAWN)}" in gone.provisional \
        and f"savākšanas dienā {lv_date(BASE_WITHDRAWN)}" in gone.provisional, gone.provisional
    assert "cenu dienā bija apstiprināts" in gone.provisional or "bija apstiprināts matricas cenu dienā" in \
        gone.provisional, gone.provisional
    # the papers agree: B confirmed on the matrix's day reads as confirmed until the withdrawal, then as a blank
    assert confirmed_by(changed, BASE_CONFIRMED, last)[0] and not confirmed_by(changed, BASE_CONFIRMED, BASE_WITHDRAWN)[0]
    assert confirmed.finals == gone.finals


@pytest.fixture(scope="module")
def withdrawn_crossing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """Matrices made on B's confirmation day, plans 01.02.–31.03.2027 (to the reporting period's end): across B's
    withdrawal at the same amount (no change, D302), before B's other amount."""
    return _folder(tmp_path_factory.mktemp("d302-crossing"), withdrawn_catalogue, BASE_CONFIRMED,
                   dt.date(2027, 2, 1), ("3.1.3i", "3.1.2i"))


@pytest.fixture(scope="module")
def ceiling_withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """Matrices made on the group ceiling's confirmation day (each group session's ceiling „apstiprināts” on their
    prices day), plans of November 2026: across its withdrawal at the same amount (D302)."""
    return _folder(tmp_path_factory.mktemp("d302-ceiling"), ceiling_withdrawn_catalogue, CEILING_CONFIRMED,
                   CEILING_CONFIRMED, ("3.1.3g", "3.1.3i"), months=1)


def test_a_plan_across_b_s_withdrawal_is_collected_with_provisional_amounts(
        withdrawn_crossing: tuple[Catalogue, Path]) -> None:
    """D302: a matrix of the confirmed B takes a plan across its withdrawal at the same amount (not refused as a D61
    change); collected on or after the withdrawal, its amounts are provisional and the reason names the day."""
    changed, matrices = withdrawn_crossing
    gone = collect(matrices, changed, KEY, Options(jobs=1, day=BASE_WITHDRAWN))
    assert len(gone.records) == 2 and not gone.refused, gone.refused
    assert {gone.status(r) for r in gone.records} == {STATUS_PROVISIONAL}
    assert gone.provisional is not None and f"atkal ir „jāprecizē” no {lv_date(BASE_WITHDRAWN)}" in gone.provisional
    before = collect(matrices, changed, KEY, Options(jobs=1, day=BASE_WITHDRAWN - dt.timedelta(days=1)))
    assert not before.refused and {before.status(r) for r in before.records} == {STATUS_FINAL}
    assert before.finals == gone.finals
    assert BASE_CHANGE > dt.date(2027, 3, 31)  # B's other amount is after the plans


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_ceiling_withdrawn_after_the_matrix_day_is_an_unconfirmed_ceiling(
        ceiling_withdrawn: tuple[Catalogue, Path]) -> None:
    """D302, the confirmed → withdrawn direction of the ceilings: a group session's ceiling confirmed on the matrix's
    prices day and „jāprecizē” again at the same amount by the collection's day is an unconfirmed ceiling – one
    warning a child naming the line, the day and the price's cell, the child „provizorisks – griesti nav
    apstiprināti” – as the papers made that day print it as a blank; the day before, none."""
    changed, matrices = ceiling_withdrawn
    before = collect(matrices, changed, KEY, Options(jobs=1, day=CEILING_WITHDRAWN - dt.timedelta(days=1)))
    assert len(before.records) == 2 and not before.refused, before.refused
    assert [ceiling_warnings(r) for r in before.records] == [[], []]
    after = collect(matrices, changed, KEY, Options(jobs=1, day=CEILING_WITHDRAWN))
    assert len(after.records) == 2 and not after.refused, after.refused
    warned = [ceiling_warnings(r) for r in after.records]
    assert [len(w) for w in warned] == [1, 1], warned
    for (finding,) in warned:
        text = finding.message
        assert text.startswith("1. rinda (3.1.3g") and finding.lines == (0,), text
        assert f"ar to pašu apmēru no {lv_date(CEILING_WITHDRAWN)} atkal ir „jāprecizē”" in text, text
        # the price's cell, read with the file – not 6.11's count, which this matrix does not have for it
        assert "(6.8. tabula, I" in text and "6.11. tabulas" not in text, text
    assert {after.status(r) for r in after.records} == {STATUS_CEILING}
    assert before.finals == after.finals  # only the statuses differ
    # the papers agree: confirmed until the withdrawal, then a blank with its warning
    assert not papers_offers(changed, CEILING_CONFIRMED, CEILING_WITHDRAWN - dt.timedelta(days=1)
                             ).offers["3.1.3g"].ceiling_unconfirmed
    assert papers_offers(changed, CEILING_CONFIRMED, CEILING_WITHDRAWN).offers["3.1.3g"].ceiling_unconfirmed


def test_migrate_keeps_a_plan_across_b_s_withdrawal(withdrawn_crossing: tuple[Catalogue, Path],
                                                     tmp_path: Path) -> None:
    """D302: `ibm migrate` of such a matrix (to the template of its plan's first day, where B is confirmed too) finds
    no price change in the plan's period – the withdrawal at the same amount is none – as collect and the papers."""
    changed, matrices = withdrawn_crossing
    old = next(matrices.rglob("*.xlsx"))
    with Migrator(changed) as migrator:
        report = migrator.migrate(old, tmp_path / "jauna.xlsx")
    said = report.text()
    assert not [n for n in report.new_findings if "mainās" in n], report.new_findings
    # D360's line on 6.11's „spēkā līdz” may name the withdrawal's day – as a day this plan does not reach
    until = [line for line in said.splitlines() if PRICES_UNTIL_LABEL in line and "→" in line]
    assert all("izmaiņa to neskar" in line for line in until), until
    said = "\n".join(line for line in said.splitlines() if line not in until)
    assert "mainās" not in said and RULE_NAMES["prices_not_in_force"] not in said, said
    assert "Kļūdas: 0 → 0" in said, said  # neither the old matrix nor the new one refuses the plan


def test_the_papers_warn_of_a_withdrawn_ceiling_with_its_cell(ceiling_withdrawn: tuple[Catalogue, Path]) -> None:
    """D302: `ibm documents --from-matrix` reads the same file as collect and, made on the withdrawal's day, lists the
    group session's „Cenas griesti nav apstiprināti” warning with the day and the price's cell – the same words as
    collect's; the day before, no such warning."""
    changed, matrices = ceiling_withdrawn
    path = next(matrices.rglob("*.xlsx"))
    reading = read_for_documents(path, changed, TemplateSource(changed), None)
    assert reading.data is not None and not reading.refused, reading.refused
    assert not [f for f in papers_warnings(reading, changed, CEILING_WITHDRAWN - dt.timedelta(days=1))
                if f.code == "ceiling_unconfirmed"]
    (warning,) = [f for f in papers_warnings(reading, changed, CEILING_WITHDRAWN) if f.code == "ceiling_unconfirmed"]
    assert f"no {lv_date(CEILING_WITHDRAWN)} atkal ir „jāprecizē”" in warning.message, warning.message
    assert "(6.8. tabula, I" in warning.message and "6.11. tabulas" not in warning.message, warning.message
    collected = collect(matrices, changed, KEY, Options(jobs=1, day=CEILING_WITHDRAWN))
    assert warning.message in [f.message for r in collected.records for f in ceiling_warnings(r)]


def test_the_ceilings_sheet_header_holds_for_a_withdrawn_ceiling(ceiling_withdrawn: tuple[Catalogue, Path],
                                                                  tmp_path: Path) -> None:
    """D302 lists a ceiling confirmed on the matrix's prices day and withdrawn since on „Neapstiprināti griesti”; its
    header said the ceilings were still („vēl”) „jāprecizē”, false for this one. It now says they are not confirmed
    on the collection's day, naming both cases, and the row's description says from which day."""
    from openpyxl import load_workbook

    from generator.ministry.collected_round import round_municipalities
    from generator.ministry.output import write_outputs
    from generator.ministry.summary_book import SHEET_CEILINGS

    changed, matrices = ceiling_withdrawn
    after = collect(matrices, changed, KEY, Options(jobs=1, day=CEILING_WITHDRAWN))
    out = tmp_path / "k.xlsx"
    write_outputs(out, after, changed, round_municipalities(changed, after.period_start), today=CEILING_WITHDRAWN)
    sheet = load_workbook(out)[SHEET_CEILINGS]
    title, note = sheet["A1"].value, sheet["A2"].value
    assert title == "Plāna rindas, kuru cenas griesti nav apstiprināti savākšanas dienā", title
    assert "vēl ir „jāprecizē”:" not in note, note
    assert ("nevar pārbaudīt pret griestiem, jo savākšanas dienā tie katalogā nav apstiprināti – vēl „jāprecizē” vai "
            "to apstiprinājums atsaukts – pēc matricas cenu dienas vai jau līdz tai (aile „Apraksts” saka, no kuras "
            "dienas)") in note and "vēl neapstiprinātā" not in note, note  # D342: withdrawn by the day too
    descriptions = [row[4] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    assert len(descriptions) == 2 and all(f"no {lv_date(CEILING_WITHDRAWN)} atkal ir „jāprecizē”" in d
                                          for d in descriptions), descriptions
