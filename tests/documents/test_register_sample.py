"""The expense registers the LibreOffice proof recalculates by default (tests/documents/register_sample.py) show every
kind of case the whole random pool shows, and the kinds are read right from a register made by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.reference.params import Params
from generator.reference.settlement import BIP_PAY, BIP_SBS
from tests.documents.register_sample import (
    MIN_SAMPLE,
    POOL,
    register_kinds,
    register_pool,
    register_sample,
)
from tests.documents.test_report_workbooks import SEED


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, catalogue.latest_date)


# Fixed seeds, and this run's (IBM_TEST_SEED or a random one) as the last: a parameter of its own would differ between
# xdist workers, whose collections must be the same.
@pytest.mark.parametrize("seed", [0, 1, 7, 2024, None], ids=["0", "1", "7", "2024", "sis-palaidiens"])
def test_the_sample_shows_every_kind_of_the_pool(catalogue: Catalogue, params: Params, seed: int | None) -> None:
    seed = SEED if seed is None else seed
    pool = register_pool(seed, catalogue)
    sample = register_sample(seed, catalogue, params, full=False)
    indexes = [i for i, _ in sample]
    assert indexes == sorted(set(indexes)) and MIN_SAMPLE <= len(sample) < POOL, indexes
    assert all(pool[i] == data for i, data in sample)
    every = set().union(*(register_kinds(d, params) for d in pool))
    shown = set().union(*(register_kinds(d, params) for _, d in sample))
    assert shown == every, f"IBM_TEST_SEED={seed}: izlasē trūkst {sorted(every - shown)}"
    assert len(every) >= 20, sorted(every)  # the thresholds, balances, rows and rounding kinds all seen
    assert [i for i, _ in register_sample(seed, catalogue, params, full=True)] == list(range(POOL))


def test_kinds_of_a_register_made_by_hand(catalogue: Catalogue, params: Params) -> None:
    """Ten children of a full-pay count of 20 share half of 1 000,01 EUR: 500,005 before ROUND (half a cent); the
    second month has no costs and no contract; a part of the SBS cost is corrected."""
    assert params.social_worker_children == 20
    first, second, *rest = reg.pilot_months(catalogue)
    months = (reg.MonthInput(month=first, children=10, receipts=Decimal("600"), employment_contract=True),
              reg.MonthInput(month=second, children=25, receipts=Decimal(0), employment_contract=False),
              *(reg.MonthInput(month=m, children=3, receipts=Decimal(0), employment_contract=True) for m in rest))
    rows = (reg.RegisterRow(bip=BIP_PAY, month=first.replace(day=5), amount=Decimal("1000.01"), doc_number="Nr. 1"),
            reg.RegisterRow(bip=BIP_SBS, month=first.replace(day=6), amount=Decimal("80.00"), doc_number="Nr. 2",
                            child_code="B01", units=Decimal(2)),
            reg.RegisterRow(bip=BIP_SBS, month=first.replace(day=6), amount=Decimal("-20.00"),
                            doc_type=reg.CORRECTION, doc_number="K-Nr. 2", child_code="B01"))
    kinds = register_kinds(reg.RegisterData(months=months, rows=rows, opening_balance=Decimal(0)), params)
    expected = {"bērni 10", "bērni > 21", "bērni citi ≤ 21", "darba līgums", "bez darba līguma", "ieņēmumi",
                "bez ieņēmumiem", "rinda 1.1", "rinda 1.3", "atlīdzība nepāra centos", "atlīdzības daļa pusē centa",
                "korekcija daļai", "mēnesis bez izmaksām"}
    assert expected <= kinds, sorted(expected - kinds)
    assert "reģistrs bez rindām" not in kinds and "korekcija visai summai" not in kinds
    assert "reģistrs bez rindām" in register_kinds(reg.RegisterData(months=months, rows=()), params)
