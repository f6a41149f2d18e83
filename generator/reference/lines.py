"""Plan lines as plain data: what the workbook's sheets 6.3, 6.6, 6.8 and 6.10 hold for one line.

Core functions never see catalogue objects; ``line_from_offer`` builds a ``PlanLine`` from a
catalogue Offer (a 6.8 row) plus the values the social worker entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from generator.lvformat import entered
from generator.money import to_decimal
from generator.reference.errors import ReferenceInputError

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Offer

DAY_SERVICES = ("day_care", "workshop")
RECIPIENTS = ("child", "parent", "family")
PAYEES = ("provider", "parent")  # the catalogue's Payee: whom the social service pays for the line
ACTUAL_COST_UNIT = "euro"  # catalogue/enums.yaml units: "euro (faktiskās izmaksas)", one unit is one euro
ACTUAL_COST_PRICE = Decimal(1)  # D70: the price of one unit of ACTUAL_COST_UNIT (its quantity is the sum in euro)
# The plan lines an IBM matrix holds (6.3's rows, every plan sheet's): a plan of more lines cannot be filled in, so the
# rules refuse it (rules.check_line_count, D293) and the workbook's layout has exactly these rows (layout.PLAN_ROWS).
PLAN_LINES = 40


def fixed_unit_price(unit: object) -> Decimal | None:
    """The price a unit fixes by itself (D70): 1,00 EUR for the euro at actual cost, else None (the provider's)."""
    return ACTUAL_COST_PRICE if str(unit) == ACTUAL_COST_UNIT else None


def _decimals(values: Sequence[object]) -> tuple[Decimal, ...]:
    return tuple(to_decimal(v) for v in values)


# The price parameters of the group-session ceiling (catalogue/prices/<id>.yaml, L1695): the highest price of a group
# session and the client transport part taken off it (catalogue.Catalogue.group_ceiling)
GROUP_CEILING_ID = "grupu-nodarbibu-griesti"
GROUP_TRANSPORT_REDUCTION_ID = "grupu-nodarbibu-transporta-samazinajums"


@dataclass(frozen=True)
class PlanLine:
    """One plan line (6.3 row) with its 6.8 price and its 6.6 / 6.10 months.

    - ``offer_id``: the 6.8 item (e.g. "3.1.2i"); None for an empty line.
    - ``service_id``: the catalogue service (e.g. "3.1.2"), used by ``incompatible_with``.
    - ``area``: support area 1–3; ``transport``: a transport or specialised-transport item;
      ``day_service``: "day_care", "workshop" or None (D11).
    - ``service_recipient``: who the catalogue item is for (child, parent, family);
      ``recipient``: who this line is for as entered (None: as the catalogue says).
    - ``payee``: whom the social service pays for the line (the catalogue service's payee): "provider" (a
      contract or guarantee letter with the provider) or "parent" (repaid on the parent's expense documents).
    - ``impairments``: impairment types the item is restricted to (empty: every type).
    - ``incompatible_with``: service ids that must not be in the same period (D10).
    - ``includes_sessions_of``: service ids whose specialists' or group sessions this service
      already includes (the day-care centre, L1713): the same sessions elsewhere need a confirmation.
    - ``ceiling_unconfirmed``: a regulated or delegated-contract item, or a group session under the group ceiling,
      whose ceiling is not confirmed (status jāprecizē or no amount, D22): the line gets a warning instead of
      passing unchecked.
    - ``ceiling_open``: of such a line under the group ceiling, the group parameters (GROUP_CEILING_ID,
      GROUP_TRANSPORT_REDUCTION_ID) not confirmed; empty: the line's own regulated or contract price is
      (rules.unconfirmed_why names which, D358).
    - ``actual_cost``: the item's unit is the euro at actual cost ("euro (faktiskās izmaksas)"): its units are
      euros, so its price is 1,00 EUR a unit (D70).
    - ``unit``: the catalogue unit's id (``darba-diena``, ``diennakts``, ``stunda``, ``reize``, ``kurss``, ``euro``;
      empty: not known): what the period's units may not exceed (D147, rules.check_unit_limits).
    - ``units``: units in the period; ``expert_rank`` (within the area) and ``parent_rank``
      (over all lines), None when empty; ``unit_price``: the chosen provider's price;
      ``ceiling``: the regulated, contract or group-session ceiling, None when there is none.
    - ``planned_units`` (6.6), ``delivered_units`` and ``paid`` (6.10): one value per period
      month, month 1 first; missing trailing months count as 0.
    """

    offer_id: str | None
    service_id: str = ""
    area: int = 3
    units: Decimal = Decimal(0)
    unit_price: Decimal = Decimal(0)
    expert_rank: int | None = None
    parent_rank: int | None = None
    transport: bool = False
    day_service: str | None = None
    service_recipient: str = "child"
    recipient: str | None = None
    payee: str = "provider"
    impairments: tuple[str, ...] = ()
    incompatible_with: tuple[str, ...] = ()
    includes_sessions_of: tuple[str, ...] = ()
    ceiling: Decimal | None = None
    ceiling_unconfirmed: bool = False
    ceiling_open: tuple[str, ...] = ()
    actual_cost: bool = False
    unit: str = ""
    label: str = ""
    planned_units: tuple[Decimal, ...] = ()
    delivered_units: tuple[Decimal, ...] = ()
    paid: tuple[Decimal, ...] = ()

    def __post_init__(self) -> None:
        name = self.label or self.offer_id or "tukša rinda"
        if self.area not in (1, 2, 3):
            raise ReferenceInputError(f"rinda „{name}”: atbalsta joma {entered(self.area)} (gaidīts: 1, 2 vai 3)")
        if self.day_service not in (None, *DAY_SERVICES):
            raise ReferenceInputError(
                f"rinda „{name}”: day_service „{self.day_service}” (gaidīts: day_care, workshop vai tukšs)"
            )
        for attr in ("service_recipient", "recipient"):
            value = getattr(self, attr)
            if value is not None and value not in RECIPIENTS:
                raise ReferenceInputError(
                    f"rinda „{name}”: {attr} „{value}” (gaidīts: child, parent vai family)"
                )
        if self.payee not in PAYEES:
            raise ReferenceInputError(f"rinda „{name}”: payee „{self.payee}” (gaidīts: provider vai parent)")
        for attr in ("units", "unit_price"):
            value = to_decimal(getattr(self, attr))
            object.__setattr__(self, attr, value)
            if value < 0:
                raise ReferenceInputError(f"rinda „{name}”: {attr} ir negatīvs ({value}; gaidīts: ≥ 0)")
        if self.ceiling is not None:
            object.__setattr__(self, "ceiling", to_decimal(self.ceiling))
        for attr in ("expert_rank", "parent_rank"):
            value = getattr(self, attr)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise ReferenceInputError(f"rinda „{name}”: {attr} {entered(value)} (gaidīts: vesels skaitlis ≥ 1)")
        for attr in ("planned_units", "delivered_units", "paid"):
            values = _decimals(getattr(self, attr))
            object.__setattr__(self, attr, values)
            if any(v < 0 for v in values):
                raise ReferenceInputError(f"rinda „{name}”: {attr} satur negatīvu vērtību (gaidīts: ≥ 0)")
        object.__setattr__(self, "impairments", tuple(self.impairments))
        object.__setattr__(self, "incompatible_with", tuple(self.incompatible_with))
        object.__setattr__(self, "includes_sessions_of", tuple(self.includes_sessions_of))
        object.__setattr__(self, "ceiling_open", tuple(self.ceiling_open))

    @property
    def repaid_to_parent(self) -> bool:
        """The social service repays the parent for this line (L2199): no provider contract or guarantee letter."""
        return self.payee == "parent"

    @property
    def counted(self) -> bool:
        """A line counts when it has an item and units > 0; every other line is ignored."""
        return bool(self.offer_id) and self.units > 0

    def month_value(self, attr: str, month: int) -> Decimal:
        """The value of ``planned_units``/``delivered_units``/``paid`` in period month ``month`` (1-based)."""
        values: tuple[Decimal, ...] = getattr(self, attr)
        return values[month - 1] if 0 < month <= len(values) else Decimal(0)


def line_from_offer(
    offer: Offer,
    units: object,
    *,
    unit_price: object | None = None,
    expert_rank: int | None = None,
    parent_rank: int | None = None,
    recipient: str | None = None,
    planned_units: Sequence[object] = (),
    delivered_units: Sequence[object] = (),
    paid: Sequence[object] = (),
) -> PlanLine:
    """A PlanLine from a catalogue Offer (a 6.8 row) and the values the social worker entered.

    ``unit_price`` defaults to the offer's prefilled price (regulated, or the euro's 1,00 EUR, D70); a market
    item without an entered price is an error, because N needs the chosen provider's actual price (L1381).
    """
    price = unit_price if unit_price is not None else offer.prefill_price
    if price is None:
        raise ReferenceInputError(
            f"pakalpojumam „{offer.label}” nav norādīta sniedzēja cena (gaidīts: cena EUR par vienību, 6.8. tabula)"
        )
    service = offer.service
    return PlanLine(
        offer_id=offer.id,
        service_id=service.id,
        area=service.area,
        units=to_decimal(units),
        unit_price=to_decimal(price),
        expert_rank=expert_rank,
        parent_rank=parent_rank,
        transport=service.transport,
        day_service=service.day_service,
        service_recipient=str(service.recipient),
        recipient=recipient,
        payee=str(service.payee),
        impairments=tuple(str(i) for i in service.impairments),
        incompatible_with=tuple(service.incompatible_with),
        includes_sessions_of=tuple(service.includes_sessions_of),
        ceiling=offer.ceiling,
        ceiling_unconfirmed=offer.ceiling_unconfirmed,
        ceiling_open=offer.ceiling_open,
        actual_cost=fixed_unit_price(service.unit) is not None,
        unit=str(service.unit),
        label=offer.label,
        planned_units=_decimals(planned_units),
        delivered_units=_decimals(delivered_units),
        paid=_decimals(paid),
    )
