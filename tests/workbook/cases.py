"""The reference's case files (tests/cases/*.yaml) as workbook inputs.

A case line names an item and the attributes the rules look at (area, transport, day service,
recipient, impairment restriction, incompatibilities, ceiling). A workbook takes those attributes
from its 6.8 catalogue rows, so each case item is mapped to a catalogue offer that behaves the same
for this case; a case whose items have no such offer is reported as not enterable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.catalogue.catalogue import Offer
from generator.catalogue.models import Recipient
from generator.money import to_decimal
from generator.reference.lines import ACTUAL_COST_UNIT, PlanLine, line_from_offer
from generator.reference.workbook import WorkbookInputs
from tests.reference.caserunner import CASES_DIR, Case, load_file
from tests.workbook.plans import whole_units

WORKBOOK_FIELDS = (
    "Vecums", "Provizoriska_Likme", "IB_Provizoriskais", "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais",
    "Transporta_Dala", "Plans_Cena", "Plans_Summa", "Plans_Prioritate", "Plans_NoIB", "Men_Summa", "Fakt_Kopa",
    "Kludas", "Bridinajumi",
)
FAMILY = Recipient.family.value


@dataclass(frozen=True)
class WorkbookCase:
    case: Case
    inputs: WorkbookInputs
    mapping: dict[str, str]  # case item -> catalogue offer id

    @property
    def id(self) -> str:
        return self.case.id


def _raw_lines(case: Case) -> list[dict[str, Any]]:
    return [raw or {} for raw in case.input.get("lines", [])]


def _fits(offer: Offer, raw: dict[str, Any], impairment: str | None) -> bool:
    """Does ``offer`` give this case line the same rule outcomes as the line's own attributes?"""
    service = offer.service
    if service.area != raw.get("area", 3) or service.transport != bool(raw.get("transport", False)):
        return False
    if bool(service.day_service) != bool(raw.get("day_service")):
        return False
    if offer.ceiling_unconfirmed != bool(raw.get("ceiling_unconfirmed", False)):
        return False
    quantities = [raw.get("units", 0), *raw.get("planned", ()), *raw.get("delivered", ())]
    if str(service.unit) in whole_units() and any(to_decimal(q) != to_decimal(q).to_integral_value() for q in quantities):
        return False  # half a session is an invalid input (D256): a case's half units need a unit that can be halved
    price = to_decimal(raw.get("price", 0))
    if (str(service.unit) == ACTUAL_COST_UNIT) != bool(raw.get("actual_cost", False)) and price != 1:
        return False  # the euro at actual cost: a price other than 1,00 is an error (D70)
    ceiling = raw.get("ceiling")
    if (ceiling is not None and price > to_decimal(ceiling)) != (offer.ceiling is not None and price > offer.ceiling):
        return False
    limits = {i.value for i in service.impairments}
    raw_limits = set(raw.get("impairments", ()))
    if impairment and (bool(limits) != bool(raw_limits) or (impairment in limits) != (impairment in raw_limits)):
        return False
    recipient = raw.get("recipient")
    if recipient is not None:
        own = service.recipient.value
        theirs = raw.get("service_recipient", "child")
        if (own in (FAMILY, recipient)) != (theirs in (FAMILY, recipient)):
            return False
    return True


def _map_items(case: Case, offers: list[Offer]) -> dict[str, str] | None:
    impairment = case.input.get("impairment")
    referenced = {str(s) for raw in _raw_lines(case) for key in ("incompatible_with", "includes_sessions_of")
                  for s in raw.get(key, ())}
    mapping: dict[str, str] = {}
    for raw in _raw_lines(case):
        item = raw.get("item")
        if item is None or str(item) in mapping:
            continue
        item = str(item)
        # an item in an incompatibility must keep its service id, the others may use any equivalent offer
        strict = bool(raw.get("incompatible_with") or raw.get("includes_sessions_of")) or item in referenced
        used = set(mapping.values())
        candidates = [
            o for o in offers
            if o.id not in used and _fits(o, raw, impairment) and (not strict or o.service.id == item)
        ]
        candidates.sort(key=lambda o: (o.id != item, o.service.id != item, o.id))
        if not candidates:
            return None
        mapping[item] = candidates[0].id
    return mapping if _same_pairs(case, mapping, {o.id: o for o in offers}) else None


def _same_pairs(case: Case, mapping: dict[str, str], by_id: dict[str, Offer]) -> bool:
    """The mapped offers make exactly the case's incompatible pairs (D10) and day-care session pairs (L1713)."""
    items = sorted(mapping)
    for key in ("incompatible_with", "includes_sessions_of"):
        raw_pairs: dict[str, set[str]] = {}
        for raw in _raw_lines(case):
            if raw.get("item"):
                raw_pairs.setdefault(str(raw["item"]), set()).update(str(s) for s in raw.get(key, ()))
        for a in items:
            for b in items:
                theirs = b in raw_pairs.get(a, set()) or a in raw_pairs.get(b, set())
                sa, sb = by_id[mapping[a]].service, by_id[mapping[b]].service
                ours = sb.id in getattr(sa, key) or sa.id in getattr(sb, key)
                if a != b and theirs != ours:
                    return False
    return True


def _line(raw: dict[str, Any], mapping: dict[str, str], by_id: dict[str, Offer]) -> PlanLine:
    if not raw.get("item"):
        return PlanLine(
            offer_id=None,
            units=to_decimal(raw.get("units", 0)),
            planned_units=tuple(raw.get("planned", ())),
            delivered_units=tuple(raw.get("delivered", ())),
            paid=tuple(raw.get("paid", ())),
        )
    return line_from_offer(
        by_id[mapping[str(raw["item"])]],
        raw.get("units", 0),
        unit_price=raw.get("price", 0),
        expert_rank=raw.get("expert"),
        parent_rank=raw.get("parent"),
        recipient=raw.get("recipient"),
        planned_units=raw.get("planned", ()),
        delivered_units=raw.get("delivered", ()),
        paid=raw.get("paid", ()),
    )


def workbook_cases(offers: list[Offer], base: Decimal) -> tuple[list[WorkbookCase], list[str]]:
    """The rule and whole-workbook cases as workbook inputs, and the ids of those not enterable.

    ``base`` is the catalogue's base amount (a case's ``base_amount`` parameter, when given, is
    entered as Bazes_Apmers).
    """
    by_id = {o.id: o for o in offers}
    result: list[WorkbookCase] = []
    skipped: list[str] = []
    for name in ("rules.yaml", "workbook.yaml"):
        for case in load_file(Path(CASES_DIR) / name):
            if case.error is not None:
                skipped.append(case.id)
                continue
            mapping = _map_items(case, offers)
            if mapping is None:
                skipped.append(case.id)
                continue
            inp = case.input
            case_base = case.params.get("base_amount")
            result.append(
                WorkbookCase(
                    case=case,
                    mapping=mapping,
                    inputs=WorkbookInputs(
                        birth_date=inp["birth_date"],
                        period_start=inp["period_start"],
                        months=inp["months"],
                        special_care=bool(inp.get("special_care", False)),
                        impairment=inp.get("impairment"),
                        lines=tuple(_line(raw, mapping, by_id) for raw in _raw_lines(case)),
                        base=to_decimal(inp["base"]) if "base" in inp else (
                            to_decimal(case_base) if case_base is not None else base),
                        final=to_decimal(inp["final"]) if inp.get("final") is not None else None,
                        benefits=to_decimal(inp.get("benefits", 0)),
                        services=to_decimal(inp.get("services", 0)),
                        other=to_decimal(inp.get("other", 0)),
                        transport_override=inp.get("transport_override"),
                    ),
                )
            )
    return result, skipped


@dataclass(frozen=True)
class Example:
    """One of the twelve worked examples of 10.pielikums (tests/cases/financing_variants.yaml)."""

    case: Case
    inputs: WorkbookInputs


def financing_examples(offer: Offer, start: dt.date) -> list[Example]:
    """Each example of the file (the twelve of 10.pielikums and the derived ones) as a one-line plan:
    N = the example's needed amount (price 10 × N/10 units), P = the example's available amount (a
    5-year-old, rate 1, B = available), the other sources as given."""
    examples = []
    for case in load_file(Path(CASES_DIR) / "financing_variants.yaml"):
        inp = case.input
        needed, available = to_decimal(inp["needed"]), to_decimal(inp["available"])
        units = needed / 10
        line = line_from_offer(offer, units, unit_price=10, expert_rank=1, planned_units=[units])
        examples.append(
            Example(
                case=case,
                inputs=WorkbookInputs(
                    birth_date=start.replace(year=start.year - 5),
                    period_start=start,
                    months=1,
                    special_care=False,
                    impairment=None,
                    lines=(line,),
                    base=available,
                    benefits=to_decimal(inp.get("benefits", 0)),
                    services=to_decimal(inp.get("services", 0)),
                    other=to_decimal(inp.get("other", 0)),
                ),
            )
        )
    return examples
