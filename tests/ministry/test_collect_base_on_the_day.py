"""D296: the ministry's final amounts rest on the B in force on the collection's day. Matrices whose B was
„jāprecizē” on their prices day give final amounts once the catalogue's B in force on the collection's day confirms the
same amount – the summary and the console say from which day; before that day, or after a later entry puts B back to
„jāprecizē” at the same amount, they stay provisional, as the papers made then print B as a blank (review37's
catalogue, tests/plan_changes_catalogue.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.lvformat import date as lv_date
from generator.ministry.collect import Options, collect
from generator.ministry.final_status import STATUS_FINAL, STATUS_PROVISIONAL
from generator.ministry.output import FINAL_DIR, write_outputs
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_WITHDRAWN,
    MATRIX_DAY,
    MUNICIPALITIES,
    changes_catalogue,
    withdrawn_catalogue,
)

KEY = b"d296-collect-test-key-0123456789abcdef"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """Three matrices of the round's matrix (MATRIX_DAY, B „jāprecizē”, none typed in 6.11) in two municipalities,
    each plan two months from the round's first service day (before any change it uses); B's confirmation is
    withdrawn later."""
    return _folder(tmp_path_factory.mktemp("d296"), withdrawn_catalogue)


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Path]:
    """The same matrices in the catalogue where B's confirmation holds and the next period's B has another amount."""
    return _folder(tmp_path_factory.mktemp("d296-kept"), changes_catalogue)


def _folder(root: Path, make: Callable[[Path], Catalogue]) -> tuple[Catalogue, Path]:
    changed = make(root / "catalogue")
    template = write_workbook(changed, root / "veidne.xlsx", None, MATRIX_DAY)
    offers = {o.id: o for o in changed.offers(MATRIX_DAY)}
    children = []
    for i, municipality in enumerate((*MUNICIPALITIES, MUNICIPALITIES[0])):
        lines = tuple(line_from_offer(offers[item], 10, unit_price=Decimal(20 + i), planned_units=(5, 5))
                      for item in ("3.1.3i", "3.1.2i"))
        inputs = WorkbookInputs(birth_date=dt.date(2019, 5, 1 + i), period_start=MATRIX_DAY, months=2,
                                special_care=False, impairment="multipli", lines=lines, base=None)
        people = People(child_name=f"Anna Paraugs {i + 1}", child_code=f"010519-2{i:04d}",
                        parent_name=f"Pēteris Paraugs {i + 1}", social_worker="Līga Piemēra",
                        providers={"3.1.3i": "SIA Sniedzējs 1", "3.1.2i": "SIA Sniedzējs 2"})
        children.append(Child(i, municipality, people, inputs))
    write_children(changed, template, children, root / "in")
    return changed, root / "in"


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_later_b_of_another_amount_leaves_the_amounts_final(kept: tuple[Catalogue, Path],
                                                                folder: tuple[Catalogue, Path]) -> None:
    """review38's case: a finished period collected after the next period's B (another amount) is in the catalogue –
    final, from the confirmation's day (the other amount is a new value for later plans); after a withdrawal at the
    same amount it stays provisional, also once the other amount follows."""
    changed, matrices = kept
    for day in (BASE_CHANGE, BASE_CHANGE + dt.timedelta(days=31)):
        collection = collect(matrices, changed, KEY, Options(jobs=1, day=day))
        assert len(collection.records) == 3 and not collection.refused, collection.refused
        assert collection.provisional is None and collection.final_provisional is None, collection.provisional
        assert {collection.status(r) for r in collection.records} == {STATUS_FINAL}
        assert collection.base_confirmed is not None and f"apstiprināts no {lv_date(BASE_CONFIRMED)}" in \
            collection.base_confirmed
    withdrawn, matrices = folder
    collection = collect(matrices, withdrawn, KEY, Options(jobs=1, day=BASE_CHANGE))
    assert collection.base_confirmed is None and {collection.status(r) for r in collection.records} == \
        {STATUS_PROVISIONAL}


def test_b_confirmed_by_the_collection_day_gives_final_amounts(folder: tuple[Catalogue, Path]) -> None:
    changed, matrices = folder
    assert changed.programme.base_amount.at(MATRIX_DAY).status is PriceStatus.to_verify
    result = {day: collect(matrices, changed, KEY, Options(jobs=1, day=day))
              for day in (BASE_CONFIRMED - dt.timedelta(days=1), BASE_CONFIRMED, BASE_WITHDRAWN)}
    before, confirmed, withdrawn = result.values()
    assert len(confirmed.records) == 3 and not confirmed.refused, confirmed.refused
    # on the confirmation's day: final, and the summary says from when
    assert confirmed.provisional is None and confirmed.final_provisional is None, confirmed.provisional
    assert {confirmed.status(r) for r in confirmed.records} == {STATUS_FINAL}
    assert confirmed.base_confirmed is not None and f"apstiprināts no {lv_date(BASE_CONFIRMED)}" in \
        confirmed.base_confirmed and f"(noteicošais ir pēdējais šā apmēra ieraksts katalogā līdz savākšanas dienai " \
        f"{lv_date(BASE_CONFIRMED)}; vēlākiem plāniem tajā dienā spēkā var būt jau cits apmērs)" in \
        confirmed.base_confirmed and "spēkā savākšanas dienā" not in confirmed.base_confirmed, confirmed.base_confirmed
    # the day before, and from the withdrawal on: provisional, saying B is not confirmed on the collection's day
    for day, provisional in ((BASE_CONFIRMED - dt.timedelta(days=1), before), (BASE_WITHDRAWN, withdrawn)):
        assert provisional.base_confirmed is None
        assert provisional.provisional is not None and \
            f"arī savākšanas dienā {lv_date(day)} katalogā tas pats B nav apstiprināts" in provisional.provisional
        assert {provisional.status(r) for r in provisional.records} == {STATUS_PROVISIONAL}
    # the money is the same: only the statuses differ
    assert before.finals == confirmed.finals == withdrawn.finals


def test_the_summary_says_from_which_day_b_is_confirmed(folder: tuple[Catalogue, Path], tmp_path: Path) -> None:
    changed, matrices = folder
    collection = collect(matrices, changed, KEY, Options(jobs=1, day=BASE_CONFIRMED))
    out = tmp_path / "out" / "kopsavilkums.xlsx"
    write_outputs(out, collection, changed, list(MUNICIPALITIES), today=BASE_CONFIRMED)
    summary = load_workbook(out)["Kopsavilkums"]
    assert ", provizoriski" not in summary["A1"].value, summary["A1"].value
    notes = {summary.cell(r, 1).value: summary.cell(r, 3).value for r in range(4, summary.max_row + 1)}
    assert not notes["Σ IB galīgais (F), EUR"].startswith("PROVIZORISKI"), notes["Σ IB galīgais (F), EUR"]
    assert f"apstiprināts no {lv_date(BASE_CONFIRMED)}" in notes["Σ IB galīgais (F), EUR"], notes
    assert not any("_provizoriski" in p.name for p in (out.parent / FINAL_DIR).glob("*.csv"))
