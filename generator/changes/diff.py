"""What changed between two catalogues: prices, programme parameters, services, municipalities, programme
rounds, public holidays and the legal acts documents cite.

The result is plain data that the Latvian report (report.py) and the site's history page show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.confirmation import value_confirms, value_withdraws
from generator.catalogue.models import PriceValue
from generator.changes.calendar import HolidayChange, RoundChange, holiday_changes, round_changes
from generator.changes.municipalities import MunicipalityChange, municipality_changes
from generator.changes.service_rules import ServiceRuleChange, descriptive_edits, service_rule_changes
from generator.lvformat import eur, number, percent


@dataclass(frozen=True)
class ValueChange:
    """One dated value that was added, removed or edited."""

    kind: str  # "cena" or "parametrs"
    id: str
    name_lv: str
    effective_from: dt.date
    old: str | None  # None: the value is new
    new: str | None  # None: the value was removed
    source: str
    status: str
    # the catalogue items (sheet 6.8 rows: 1.1.1g, 3.6) whose price or ceiling the value sets (audit24 F10)
    items: tuple[str, ...] = ()
    # the value, kind and status are the same; only its source (or note) text was corrected (review5 F5)
    text_only: bool = False
    corrected: tuple[str, str] | None = None  # (was, is) of the corrected text when ``text_only``
    # the same number, its status „jāprecizē” → „apstiprināts”: it refuses no plan (D291, plan_changes.confirms)
    confirms: bool = False
    # the same number, its status „apstiprināts” → „jāprecizē”: a change for a matrix of the confirmed value, none for
    # one of the earlier „jāprecizē” value; the papers print that one as a blank again (D296)
    withdraws: bool = False


@dataclass
class CatalogueDiff:
    old_version: str
    new_version: str
    values: list[ValueChange] = field(default_factory=list)
    services_added: list[str] = field(default_factory=list)
    services_removed: list[str] = field(default_factory=list)
    services_edited: list[str] = field(default_factory=list)  # names or description (service_rules.py)
    service_rules: list[ServiceRuleChange] = field(default_factory=list)  # a rule field, old → new (audit27 F2)
    municipalities_changed: list[str] = field(default_factory=list)
    # each municipality added, removed, renamed or with a new dated name, in words (audit39 F2)
    municipalities: list[MunicipalityChange] = field(default_factory=list)
    rounds: list[RoundChange] = field(default_factory=list)
    holidays: list[HolidayChange] = field(default_factory=list)
    holiday_notes: list[str] = field(default_factory=list)
    # (what, act id, the act's name): "pievienots", "izņemts" or "mainīts" (tiesibu-akti.yaml, D42)
    legal_acts: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.values or self.services_added or self.services_removed or self.services_edited
                    or self.service_rules
                    or self.municipalities_changed or self.municipalities or self.rounds or self.holidays or self.holiday_notes
                    or self.legal_acts)


def describe_price(value: PriceValue, with_status: bool = True) -> str:
    """A price value as one short Latvian text (amount, range or 'nav zināma'), with its status in brackets
    unless ``with_status`` is False (the report's column „Statuss” says it once, audit24 F9)."""
    if value.amount is not None:
        text = eur(value.amount)
    elif value.min is not None and value.min == value.max:
        text = eur(value.min)  # a range of one amount: "16,10 EUR", not "16,10–16,10 EUR"
    elif value.min is not None or value.max is not None:
        low = number(value.min) if value.min is not None else "…"
        high = number(value.max) if value.max is not None else "…"
        text = f"{low}–{high} EUR"
    else:
        text = "nav zināma"
    return f"{text} ({value.status.value})" if with_status else text


def _plain_places(value: Decimal) -> int:
    """The decimals a value needs to be shown exactly (0.125 -> 3, 10 -> 0)."""
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def describe_param(value: Any, unit: str | None) -> str:
    """A programme parameter's value as a person reads it: a share as a percentage (0.15 -> '15 %'), money in
    euro ('3 000,00 EUR'), other numbers with a decimal comma (audit21 F1)."""
    if hasattr(value, "model_dump"):
        return str(value.model_dump(mode="json"))
    if isinstance(value, Decimal):
        if unit == "daļa":
            return percent(value, _plain_places(value * 100))
        if unit == "EUR":
            return eur(value)
        return number(value, _plain_places(value))
    return str(value)


def _series_changes(before: list, after: list) -> list[tuple[dt.date, Any, Any, Any, Any]]:
    """(date, previous value, new value or None, the value that carries source and status, the value in force from
    that date in ``after``) for every dated value that differs between two series; a new date is compared with the
    value in force before it. A removed date's value in force is the new series' value before it (None: none): a
    removed confirmation leaves the earlier „jāprecizē” value of the same amount in force – a status alone (D302)."""
    old_by_day = {v.effective_from: v for v in before}
    new_by_day = {v.effective_from: v for v in after}
    result = []
    for day in sorted(set(old_by_day) | set(new_by_day)):
        a, b = old_by_day.get(day), new_by_day.get(day)
        if a == b:
            continue
        previous = a
        if previous is None:
            previous = _prior(old_by_day, new_by_day, day)
        in_force = b
        if in_force is None:
            earlier = [v for d, v in new_by_day.items() if d < day]
            in_force = earlier[-1] if earlier else None
        result.append((day, previous, b, b or a, in_force))
    return result


def _prior(old_by_day: dict, new_by_day: dict, day: dt.date) -> Any:
    """The value a new date ``day`` follows: the new series' own entry before it when that is as recent as the old
    series' (an entry added or edited in the same step – a withdrawal the new date confirms again at the same figure
    is the status it changes, D330), else the old series' (an entry removed between: what the old matrices hold)."""
    old_days = sorted(d for d in old_by_day if d < day)
    new_days = sorted(d for d in new_by_day if d < day)
    if new_days and (not old_days or new_days[-1] >= old_days[-1]):
        return new_by_day[new_days[-1]]
    return old_by_day[old_days[-1]] if old_days else None


TEXT_FIELDS = {"source", "note"}
# whether a price's first day is confirmed (PriceValue.effective_from_status): the amount, the day and the value's own
# status stay, so plans and matrices need no review – the report lists it with the corrected texts (audit27b F6)
DAY_STATUS = "effective_from_status"


def _withdraws(previous: Any, value: Any) -> bool:
    """Whether ``value`` withdraws the confirmation of ``previous`` (D296): the same number(s), „apstiprināts” →
    „jāprecizē”."""
    return value_withdraws(previous, value)


def _removed(in_force: str) -> str:
    """„Tagad” of a removed dated entry: the earlier value that holds from its day again."""
    return f"{in_force} (ieraksts izņemts, atkal spēkā iepriekšējā vērtība)"


def _text_only(previous: Any, value: Any) -> bool:
    """Whether two values of one date differ only in their source or note text (e.g. "Nr.316" -> "Nr. 316")."""
    return (previous is not None and value is not None and previous.effective_from == value.effective_from
            and previous.model_dump(exclude=TEXT_FIELDS | {DAY_STATUS})
            == value.model_dump(exclude=TEXT_FIELDS | {DAY_STATUS}))


def _corrected(previous: Any, value: Any) -> tuple[str, str] | None:
    """(was, is) of the corrected text: the source, or the note when only the note changed."""
    if not _text_only(previous, value):
        return None
    was_day, is_day = getattr(previous, DAY_STATUS, None), getattr(value, DAY_STATUS, None)
    if was_day != is_day:
        return f"spēkā stāšanās datums: {was_day.value}", f"spēkā stāšanās datums: {is_day.value}"
    if previous.source != value.source:
        return previous.source, value.source
    return (f"piezīme: {getattr(previous, 'note', None) or '—'}", f"piezīme: {getattr(value, 'note', None) or '—'}")


def _price_changes(old: Catalogue, new: Catalogue) -> list[ValueChange]:
    changes: list[ValueChange] = []
    for price_id in sorted(set(old.price_by_id) | set(new.price_by_id)):
        cat = new if price_id in new.price_by_id else old
        price = cat.price_by_id[price_id]
        before = old.price_by_id[price_id].values if price_id in old.price_by_id else []
        after = new.price_by_id[price_id].values if price_id in new.price_by_id else []
        for day, previous, value, current, in_force in _series_changes(before, after):
            # a removed entry: the value now in force from its day, its status in „Statuss” (H2: not „→ nav”)
            shown = value or in_force
            status = shown.status if shown is not None else current.status
            changes.append(ValueChange(
                kind="cena", id=price_id, name_lv=price.name_lv, effective_from=day,
                # the status once, in „Statuss”; the previous value's only where it differs from that
                old=describe_price(previous, previous.status != status) if previous else None,
                new=(describe_price(value, False) if value else
                     _removed(describe_price(in_force, False)) if in_force else None),
                source=current.source, status=status.value,
                items=cat.price_items(price),
                text_only=_text_only(previous, value), corrected=_corrected(previous, value),
                confirms=value_confirms(previous, shown), withdraws=_withdraws(previous, shown),
            ))
    return changes


def _parameter_changes(old: Catalogue, new: Catalogue) -> list[ValueChange]:
    changes: list[ValueChange] = []
    for name in type(new.programme).model_fields:
        param = getattr(new.programme, name)
        for day, previous, value, current, in_force in _series_changes(getattr(old.programme, name).values,
                                                                       param.values):
            shown = value or in_force  # a removed entry: the value now in force from its day
            status = shown.status if shown is not None else current.status
            changes.append(ValueChange(
                kind="parametrs", id=name, name_lv=param.name_lv, effective_from=day,
                # the previous status beside its value where it differs, as a price's (a confirmation reads as one)
                old=(describe_param(previous.value, param.unit)
                     + (f" ({previous.status.value})" if previous.status != status else "")) if previous else None,
                new=(describe_param(value.value, param.unit) if value else
                     _removed(describe_param(in_force.value, param.unit)) if in_force else None),
                source=current.source, status=status.value,
                text_only=_text_only(previous, value), corrected=_corrected(previous, value),
                confirms=value_confirms(previous, shown), withdraws=_withdraws(previous, shown),
            ))
    return changes


def legal_act_changes(old: Catalogue, new: Catalogue) -> list[tuple[str, str, str]]:
    """Acts added, removed or changed (names, validity, norms): each changes what decisions cite (D42)."""
    before = {a.id: a for a in old.legal_acts.acts} if old.legal_acts else {}
    after = {a.id: a for a in new.legal_acts.acts} if new.legal_acts else {}
    changes = []
    for act_id in sorted(set(before) | set(after)):
        a, b = before.get(act_id), after.get(act_id)
        if a == b:
            continue
        what = "pievienots" if a is None else "izņemts" if b is None else "mainīts"
        changes.append((what, act_id, (b or a).forms.nominative))
    return changes


def diff_catalogues(old: Catalogue, new: Catalogue) -> CatalogueDiff:
    """Every difference that matters to a user between catalogue ``old`` and ``new``."""
    result = CatalogueDiff(old.version, new.version)
    result.values = sorted(_price_changes(old, new) + _parameter_changes(old, new),
                           key=lambda c: (c.effective_from, c.kind, c.id), reverse=True)
    old_s, new_s = old.service_by_id, new.service_by_id
    result.services_added = sorted(set(new_s) - set(old_s))
    result.services_removed = sorted(set(old_s) - set(new_s))
    result.services_edited = descriptive_edits(old, new)
    result.service_rules = service_rule_changes(old, new)
    # what municipalities.yaml says, not the programmes derived from the rounds (attach_rounds): a municipality that
    # only joins a round is told in the round's row, for every municipality alike (D309)
    old_m = {m.id: m.model_dump() for m in old.municipalities.municipalities}
    new_m = {m.id: m.model_dump() for m in new.municipalities.municipalities}
    result.municipalities_changed = sorted(m for m in set(old_m) | set(new_m) if old_m.get(m) != new_m.get(m))
    result.municipalities = municipality_changes(old, new)
    result.rounds = round_changes(old, new)
    result.holidays, result.holiday_notes = holiday_changes(old, new)
    result.legal_acts = legal_act_changes(old, new)
    return result
