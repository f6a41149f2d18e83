"""The random expense registers (28) that the LibreOffice proof recalculates: a seeded pool of POOL registers, and by
default the fewest of them that still show every kind of case the whole pool shows (all of them with IBM_FULL=1).

A register's kinds (register_kinds): each month's number of children at and around the pay thresholds (0, 1, 9–11,
19–21, more than the full-pay count), with and without an employment contract, with and without receipts, the month's
closing balance below, at or above zero; each kind of row (pay, transport, SBS), a pay row in odd cents (a half-cent
pay share), a correction of the whole amount and of a part of it, a register without rows, a month without costs and
the period's closing balance below or above zero; a month whose pay share or indirect costs are half a cent before
ROUND. The greedy set cover of the matrix proof's plans (tests/workbook/plan_sample.py ``covering``) keeps the
register that adds the most kinds not yet kept (the first such in the pool's order) until every kind of the pool is in
the sample (tests/documents/test_register_sample.py proves it for several seeds)."""

from __future__ import annotations

import random
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.money import cents
from generator.reference.params import Params
from generator.reference.settlement import BIP_PAY, BIP_SBS, BIP_TRANSPORT
from tests.workbook.plan_sample import FULL, covering

POOL = 60
MIN_SAMPLE = 10  # the cover (2–4 registers for seeds 0–19) and then the pool's first ones: more random amounts
CHILDREN = (0, 1, 9, 10, 11, 19, 20, 21)  # around the full-pay count n = 20 and its half


def random_register(rng: random.Random, catalogue: Catalogue) -> reg.RegisterData:
    months = reg.pilot_months(catalogue)
    labels = [o.label for o in catalogue.offers(catalogue.latest_date)]
    month_inputs = tuple(
        reg.MonthInput(
            month=m,
            children=rng.choice([*CHILDREN, rng.randrange(0, 30)]),
            receipts=Decimal(rng.choice([0, 0, rng.randrange(0, 2_000_000)])) / 100,
            employment_contract=rng.random() < 0.85,
        )
        for m in months
    )
    rows = []
    for _ in range(rng.randrange(0, 45)):
        bip = rng.choice([BIP_PAY, BIP_TRANSPORT, BIP_SBS, BIP_SBS])
        month = rng.choice(months)
        amount = Decimal(rng.randrange(0, 300_000)) / 100
        if bip == BIP_PAY and rng.random() < 0.5:
            amount = Decimal(rng.randrange(50_000, 200_000) * 2 + 1) / 100  # odd cents: half-cent pay shares
        # the draws in the order they always had (the pool of SEED stays the same registers)
        day = rng.randrange(1, 29)
        child_code = f"B{rng.randrange(1, 11):02d}" if bip == BIP_SBS else ""
        service = rng.choice(labels) if bip == BIP_SBS and labels else ""
        units = Decimal(rng.randrange(1, 20)) if bip == BIP_SBS else None
        route, doc_type = rng.choice(reg.PAYMENT_ROUTES), rng.choice(reg.DOCUMENT_TYPES)
        # a correction lowers the costs only (D245): one drawn for a cost is recorded as its invoice
        doc_type = "rēķins" if reg.is_correction(doc_type) else doc_type
        rows.append(reg.RegisterRow(
            bip=bip, month=month.replace(day=day), amount=amount, child_code=child_code, service=service,
            units=units, route=route, doc_type=doc_type,
            doc_number=f"Nr. {rng.randrange(1, 999)}", payee="SIA Paraugs", doc_date=month.replace(day=day),
        ))
    # Corrections: a refund or a cancelled invoice, negative, in the month of the cost it corrects.
    for original in [r for r in rows if r.amount > 0 and rng.random() < 0.2]:
        part = (original.amount * Decimal(rng.choice([1, rng.randrange(1, 100)])) / 100).quantize(Decimal("0.01"))
        part = max(part, Decimal("0.01"))  # a part of a few cents rounds to 0,00, which is no correction (D245)
        rows.append(reg.RegisterRow(bip=original.bip, month=original.month, amount=-part,
                                    child_code=original.child_code, service=original.service,
                                    doc_type=reg.CORRECTION, doc_number=f"K-{original.doc_number}", route=original.route,
                                    payee=original.payee, doc_date=original.month))
    return reg.RegisterData(months=month_inputs, rows=tuple(rows),
                            opening_balance=Decimal(rng.randrange(0, 1_000_000)) / 100)


def _sign(value: Decimal) -> str:
    return "<0" if value < 0 else "=0" if value == 0 else ">0"


def register_kinds(data: reg.RegisterData, params: Params) -> frozenset[str]:
    """The kinds of case one register shows (the module's docstring), from its inputs and its reference settlement."""
    kinds: set[str] = set()
    for m in data.months:
        kinds.add(f"bērni {m.children}" if m.children in CHILDREN else
                  f"bērni {'>' if m.children > CHILDREN[-1] else 'citi ≤'} {CHILDREN[-1]}")
        kinds.add("darba līgums" if m.employment_contract else "bez darba līguma")
        kinds.add("ieņēmumi" if m.receipts else "bez ieņēmumiem")
    positive = {(r.bip, r.month, r.doc_number, r.amount) for r in data.rows if r.amount > 0}
    for r in data.rows:
        kinds.add(f"rinda {r.bip}")
        if r.bip == BIP_PAY and (r.amount * 100) % 2 == 1:
            kinds.add("atlīdzība nepāra centos")
        if r.amount < 0:  # a correction (random_register): of its cost's whole amount or of a part
            whole = (r.bip, r.month, r.doc_number.removeprefix("K-"), -r.amount) in positive
            kinds.add("korekcija visai summai" if whole else "korekcija daļai")
    if not data.rows:
        kinds.add("reģistrs bez rindām")
    n = params.social_worker_children
    for m in reg.settlement_inputs(data):  # where ROUND meets half a cent: the pay share, the indirect costs
        share = m.sw_gross_pay * min(m.children, n) * 100 / n
        if share % 1 == Decimal("0.5"):
            kinds.add("atlīdzības daļa pusē centa")
        if m.employment_contract and (cents(share / 100) * params.indirect_cost_rate * 100) % 1 == Decimal("0.5"):
            kinds.add("netiešās izmaksas pusē centa")
    settlement = reg.settlement(data, params)
    for month in settlement.months:
        kinds.add(f"mēneša atlikums {_sign(month.closing_balance)}")
        if not month.amounts.total:
            kinds.add("mēnesis bez izmaksām")
    kinds.add(f"perioda atlikums {_sign(settlement.closing_balance)}")
    return frozenset(kinds)


def register_pool(seed: int, catalogue: Catalogue) -> list[reg.RegisterData]:
    rng = random.Random(seed)
    return [random_register(rng, catalogue) for _ in range(POOL)]


def register_sample(seed: int, catalogue: Catalogue, params: Params,
                    full: bool = FULL) -> list[tuple[int, reg.RegisterData]]:
    """(index in the pool, register): the whole pool with IBM_FULL=1, else the greedy cover of its kinds and the
    pool's first registers up to MIN_SAMPLE."""
    pool = register_pool(seed, catalogue)
    if full:
        return list(enumerate(pool))
    chosen = covering(range(POOL), [register_kinds(d, params) for d in pool])
    chosen += [i for i in range(POOL) if i not in chosen][:max(0, MIN_SAMPLE - len(chosen))]
    return [(i, pool[i]) for i in sorted(chosen)]
