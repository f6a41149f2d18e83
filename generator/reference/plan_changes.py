"""What a plan uses that the catalogue changes after the matrix's prices day (D61, D63).

A matrix carries the prices and parameters in force on its prices day. A plan is priced with them only while nothing
it USES changes: the price or ceiling of an item it plans (the item's 6.8 row: ceiling, its status and the prefilled
price – the group ceiling and its transport part reach a group session's row), a parameter that enters every plan's
amounts (PLAN_PARAMETERS: B, the rates and the age of the full one, the age limit, the two priority weights that
order the funding, the period's months – the parameters 6.11 carries), or the transport limit when the plan has
transport and the limit binds its round (D287). A change of anything else – another item's price, a report day, a
quota – does not touch the plan, and does not refuse it.

A later value that only CONFIRMS the matrix's – the same number, the status moving from „jāprecizē” to
„apstiprināts” (B confirmed by the ministry, an item's ceiling confirmed at the same amount) – is no change (D291):
the plan's money is the same, so the matrix keeps pricing it. ``catalogue_confirmations`` lists those days (and the
day a confirmation stops holding); the papers print the confirmed figure, and collect counts B as confirmed, when the
plan's value – the matrix's number – stands confirmed as the catalogue last recorded that number by their day
(``confirmation_spans``, D296: another number later is a new value for later plans), and the matrix says so. The other way
– the same number back to „jāprecizē” – is no change either (D302): no matrix refuses a plan for it, whether it has the
value „jāprecizē” or confirmed; only the papers made from that day print a blank (``catalogue_withdrawals``,
``items_withdrawn_since``, ``base_withdrawn_since``). Another number stays a change.

``catalogue_changes`` lists them from the catalogue (the matrix writes the same days into 6.8 and 6.11);
``first_change`` picks the earliest one a plan uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

# the one definition of a confirmation (D291, D300) lives with the catalogue; importable from here too
from generator.catalogue.confirmation import confirms, real_change, said, same_figures, withdraws
from generator.catalogue.models import PriceStatus

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue

# a confirmation's days: from the first, until the day before the second (None: it still holds)
Span = tuple[dt.date, dt.date | None]

# The programme parameters that enter every plan's amounts or checks (the matrix's 6.11 carries each of them):
# P = rate × B, the rate by age (full_rate_max_age) and eligibility (eligibility_age_limit), the priority score that
# orders the funding (expert_weight, parent_weight), the period's months. first_period_months only adds a reminder to
# the papers, the others (report days, quotas, the social worker's children, …) no plan amount at all.
PLAN_PARAMETERS = ("base_amount", "rate_full", "rate_reduced", "full_rate_max_age", "eligibility_age_limit",
                   "expert_weight", "parent_weight", "period_months_max")
# The transport share's limit: it binds only a plan with transport, and only in a round that confirms it (D287)
TRANSPORT_PARAMETER = "transport_share_max"


@dataclass(frozen=True)
class PlanChange:
    """One change after the matrix's prices day that a plan may use: from ``day`` the catalogue has another value.

    ``what``: Latvian, as the error names it („pakalpojuma „2.1 Pavadoņa pakalpojums (stunda)” cena”).
    ``items``: the 6.8 items (1.1.1g, 2.1) whose row changes; None for a parameter. ``transport``: the transport
    limit (a plan with transport, where the limit binds). A parameter with neither: every plan uses it.
    ``confirms``: the later value only confirms the matrix's (D291) – listed by ``catalogue_confirmations`` only;
    ``ends``: then the first day the catalogue no longer confirms it (withdrawn at the same number or changed, D296),
    None while no such day is known – the last day a plan may start on a matrix where it is confirmed; ``spans``: the
    days the papers print it (confirmation_spans: another number does not end them, a withdrawal does).
    ``corrected``: a correction dated back (D336) – the matrix holds another figure than the catalogue has from ``day``
    (on or before the plan's first day): the matrix's figure and the catalogue's, as a person reads them."""

    day: dt.date
    what: str
    items: frozenset[str] | None = None
    transport: bool = False
    confirms: bool = False
    ends: dt.date | None = None
    spans: tuple[Span, ...] = ()
    corrected: tuple[str, str] = ()

    @property
    def until(self) -> dt.date:
        """The last day the matrix's value holds."""
        return self.day - dt.timedelta(days=1)


def parameter_what(names: list[str]) -> str:
    """„programmas parametrs „…”” or „programmas parametri „…”, „…”” (their catalogue names)."""
    quoted = ", ".join(f"„{n}”" for n in names)
    return f"programmas parametrs {quoted}" if len(names) == 1 else f"programmas parametri {quoted}"


# The price of one 6.8 item, by its label: „pakalpojuma „2.1 Pavadonis” cena” (the matrix joins its label between)
ITEM_WHAT = ("pakalpojuma „", "” cena")


def item_what(label: str) -> str:
    """The price of one 6.8 item, by its label (ITEM_WHAT)."""
    return f"{ITEM_WHAT[0]}{label}{ITEM_WHAT[1]}"


def item_row(offer: Any) -> tuple[Any, ...]:
    """What 6.8 shows of an item: its ceiling, the ceiling's status, the prefilled price."""
    return offer.ceiling, offer.ceiling_status, offer.prefill_price


def _first_days(catalogue: Catalogue, day: dt.date) -> tuple[dict[str, tuple[dt.date, bool]],
                                                              dict[str, tuple[dt.date, bool]], list[Any],
                                                              dict[str, tuple[Span, ...]]]:
    """For each plan parameter and each 6.8 item of ``day``: the first later day its value differs from ``day``'s
    and whether that later value only confirms it (D291); after a confirmation, the first day it no longer holds
    ("~" + key: withdrawn or changed, D296) and the first real change ("!" + key); and each one's confirmation_spans."""
    later = sorted({d for d in catalogue.effective_dates() if d > day})
    prog = catalogue.programme

    def param(name: str, on: dt.date) -> tuple[Any, ...]:
        return said(getattr(prog, name).at(on))

    def record(found: dict[str, tuple[dt.date, bool]], key: str, on: dt.date, was: tuple, now: tuple) -> None:
        first = found.get(key)
        if first is None:
            # a status alone at the same figures is no change (D302): a confirmation is listed as one (D291), a
            # withdrawal of the matrix's own confirmed value only ends its papers' span (confirmation_spans)
            if real_change(was, now) or confirms(was, now):
                found[key] = (on, not real_change(was, now))
            return
        if not first[1]:
            return
        if not confirms(was, now):
            # the confirmation no longer holds: withdrawn at the same number („jāprecizē” again, D296) or a real change
            found.setdefault("~" + key, (on, False))
            if real_change(was, now):  # the real change after a confirmation
                found.setdefault("!" + key, (on, False))

    params: dict[str, tuple[dt.date, bool]] = {}
    items: dict[str, tuple[dt.date, bool]] = {}
    offers = catalogue.offers(day)
    base = {o.id: item_row(o) for o in offers}
    names = (*PLAN_PARAMETERS, TRANSPORT_PARAMETER)
    start = {n: param(n, day) for n in names}
    entries: dict[str, list[tuple[dt.date, tuple | None]]] = {key: [] for key in (*names, *base)}
    for on in later:
        for n in names:
            entries[n].append((on, now := param(n, on)))
            record(params, n, on, start[n], now)
        offered = {o.id: item_row(o) for o in catalogue.offers(on)}
        for key, row in base.items():
            entries[key].append((on, offered.get(key)))
            if key in offered:
                record(items, key, on, row, offered[key])
    spans = {key: confirmation_spans({**start, **base}[key], seq) for key, seq in entries.items()}
    return params, items, offers, spans


def _real(found: dict[str, tuple[dt.date, bool]], key: str) -> dt.date | None:
    """The day of ``key``'s first real change (after its confirmation, if it has one first)."""
    if key not in found:
        return None
    if not found[key][1]:
        return found[key][0]
    return found["!" + key][0] if "!" + key in found else None


def _listed(catalogue: Catalogue, day: dt.date, confirmations: bool) -> tuple[PlanChange, ...]:
    params, items, offers, spans = _first_days(catalogue, day)
    prog = catalogue.programme

    def when(key: str) -> dt.date | None:
        if confirmations:
            return found[0] if (found := params.get(key) or items.get(key)) and found[1] else None
        return _real(params if key in params else items, key)

    def ends(keys: Iterable[str]) -> dt.date | None:  # the first day one of them is no longer confirmed (D296)
        days = [found[0] for key in keys if (found := params.get("~" + key) or items.get("~" + key))]
        return min(days) if confirmations and days else None

    result: list[PlanChange] = []
    for names, transport in ((PLAN_PARAMETERS, False), ((TRANSPORT_PARAMETER,), True)):
        days = {n: d for n in names if (d := when(n)) is not None}
        if days:  # the first day, naming each parameter that changes (or is confirmed) then
            first = min(days.values())
            named = [n for n in names if days.get(n) == first]
            shown = PRINTED_PARAMETER if PRINTED_PARAMETER in named else named[0]  # the papers' blank, if named
            result.append(PlanChange(first, parameter_what([getattr(prog, n).name_lv for n in named]),
                                     transport=transport, confirms=confirmations, ends=ends(named),
                                     spans=spans[shown] if confirmations else ()))
    result.extend(PlanChange(d, item_what(o.label), items=frozenset({o.id}), confirms=confirmations,
                             ends=ends((o.id,)), spans=spans[o.id] if confirmations else ())
                  for o in offers if (d := when(o.id)) is not None)
    return tuple(result)


def catalogue_changes(catalogue: Catalogue, day: dt.date) -> tuple[PlanChange, ...]:
    """The first change after ``day`` of the plan parameters (one, naming each parameter that changes then), of the
    transport limit, and of each 6.8 item's row (in 6.8 order); none for what the catalogue does not change. A later
    value that only confirms ``day``'s (the same number, „jāprecizē” → „apstiprināts”, D291) is no change."""
    return _listed(catalogue, day, confirmations=False)


def catalogue_confirmations(catalogue: Catalogue, day: dt.date) -> tuple[PlanChange, ...]:
    """The first later day the catalogue confirms ``day``'s value of the plan parameters (one, naming each confirmed
    then), of the transport limit and of each 6.8 item's row – the same number, „jāprecizē” → „apstiprināts” (D291)
    – when that comes before any real change of it; with the first day it no longer does (``ends``, D296)."""
    return _listed(catalogue, day, confirmations=True)


# the parameter the papers print as a blank while „jāprecizē” and as a figure once confirmed (D72, D291); of the items
# each 6.8 ceiling does the same (confirmed_by)
PRINTED_PARAMETER = "base_amount"


def confirmed_parameters(catalogue: Catalogue, day: dt.date) -> dict[str, dt.date]:
    """Each plan parameter and the transport limit whose ``day`` value the catalogue later confirms at the same number
    before any real change of it (D291), with the day it does: what ``catalogue_confirmations`` names."""
    params, _, _, _ = _first_days(catalogue, day)
    return {name: found for name, (found, confirm) in params.items() if confirm and name[0] not in "!~"}


def confirmation_spans(was: tuple[Any, ...] | None,
                       later: Iterable[tuple[dt.date, tuple[Any, ...] | None]],
                       confirmed_on: dt.date | None = None) -> tuple[Span, ...]:
    """The days on which THE PLAN'S VALUE ``was`` (the matrix's, „jāprecizē”) stands confirmed, as the catalogue last
    recorded it (D296): ``later`` – the catalogue's entries after the matrix's day, in date order (``said`` tuples or
    6.8 rows, None where there is none) – is walked; an entry with the same figures updates the status (confirmed from
    its day, or withdrawn back to „jāprecizē” from its day), an entry with other figures (or none) is a new value for
    later plans and leaves the plan's value's status as it was (a running plan crossing it is refused by D61). Each
    span is (first day, first day it no longer holds – None while it holds). The one rule of the papers
    (``confirmed_by``, ``confirmed_prices``), of collect (``base_confirmed_since``) and of 6.11's note.
    ``confirmed_on``: the matrix's day when the plan's value is itself „apstiprināts” on it (the other direction,
    D296): the first span opens that day, an entry of the same figures saying exactly the same keeps or confirms it
    again, and one of the same figures with another status („jāprecizē”) withdraws it."""
    if was is None:
        return ()
    spans: list[Span] = [(confirmed_on, None)] if confirmed_on is not None else []
    for on, now in later:
        if now is None or not same_figures(was, now):
            continue
        if confirms(was, now) or (confirmed_on is not None and now == was):
            if not spans or spans[-1][1] is not None:
                spans.append((on, None))
        elif spans and spans[-1][1] is None:
            spans[-1] = (spans[-1][0], on)
    return tuple(spans)


def confirmed_since(was: tuple[Any, ...] | None, later: Iterable[tuple[dt.date, tuple[Any, ...] | None]],
                    on: dt.date, confirmed_on: dt.date | None = None) -> dt.date | None:
    """The day from which the plan's value ``was`` stands confirmed on ``on`` (confirmation_spans up to ``on``, with
    ``confirmed_on`` when it is confirmed on the matrix's day), None when it is not (still or again „jāprecizē”)."""
    spans = confirmation_spans(was, ((d, v) for d, v in later if d <= on), confirmed_on)
    return spans[-1][0] if spans and spans[-1][1] is None else None


def withdrawn_since(was: tuple[Any, ...] | None, later: Iterable[tuple[dt.date, tuple[Any, ...] | None]],
                    on: dt.date, confirmed_on: dt.date | None = None) -> dt.date | None:
    """The day from which the plan's value ``was``, confirmed once (on the matrix's day ``confirmed_on`` or later),
    stands withdrawn on ``on`` – „jāprecizē” again at the same figures (confirmation_spans up to ``on``) –, None when
    it stands confirmed or was never confirmed."""
    spans = confirmation_spans(was, ((d, v) for d, v in later if d <= on), confirmed_on)
    return spans[-1][1] if spans and spans[-1][1] is not None else None


def _own_confirmation(value: Any, day: dt.date) -> dt.date | None:
    """``day`` when the catalogue's ``value`` is itself „apstiprināts” on it (confirmation_spans' ``confirmed_on``)."""
    return day if value is not None and value.status is PriceStatus.confirmed else None


def _base_entries(catalogue: Catalogue,
                  day: dt.date) -> tuple[tuple[Any, ...], list[tuple[dt.date, tuple]], dt.date | None]:
    """B's value on ``day``, its later entries, as ``said``, and ``day`` when B is itself confirmed on it."""
    base = getattr(catalogue.programme, PRINTED_PARAMETER)
    value = base.at(day)
    return (said(value), [(v.effective_from, said(v)) for v in sorted(base.values, key=lambda v: v.effective_from)
                          if v.effective_from > day], _own_confirmation(value, day))


def confirmed_by(catalogue: Catalogue, day: dt.date, on: dt.date) -> tuple[bool, frozenset[str]]:
    """Whether ``day``'s B stands confirmed on ``on`` (base_confirmed_since: one confirmed on ``day`` too, until a
    withdrawal at the same number), and the 6.8 items whose unconfirmed ``day`` row does (items_confirmed_since,
    D291, D296): the papers made on ``on`` print them as confirmed figures. A later entry of the same number counts –
    a confirmation, or its withdrawal („jāprecizē” again: the blank) –, an entry of another number (the next period's
    B) is no entry of the plan's value and leaves it as it was."""
    return (base_confirmed_since(catalogue, day, on) is not None,
            frozenset(items_confirmed_since(catalogue, day, on)))


def items_confirmed_since(catalogue: Catalogue, day: dt.date, on: dt.date) -> dict[str, dt.date]:
    """The 6.8 items whose „jāprecizē” ``day`` row stands confirmed on ``on`` (confirmed_since, D291, D296), each with
    the day from which it does: confirmed_by's items, which the papers print as confirmed figures and whose ceiling
    collect no longer calls unconfirmed."""
    offers, rows = _item_entries(catalogue, day, on)
    return {o.id: since for o in offers if (since := confirmed_since(item_row(o), rows[o.id], on)) is not None}


def items_withdrawn_since(catalogue: Catalogue, day: dt.date, on: dt.date) -> dict[str, dt.date]:
    """The 6.8 items whose ``day`` row is itself confirmed and stands withdrawn on ``on`` – „jāprecizē” again at the
    same figures (withdrawn_since with ``day`` as its own confirmation, D296, D302) –, each with the day from which it
    does: the papers made on ``on`` print their ceilings as blanks, and collect calls them unconfirmed, as it does B
    (base_withdrawn_since). No change for the plan (the money is the same, D302)."""
    offers, rows = _item_entries(catalogue, day, on)
    return {o.id: since for o in offers if o.ceiling_status is PriceStatus.confirmed
            and (since := withdrawn_since(item_row(o), rows[o.id], on, day)) is not None}


def items_withdrawn_by(catalogue: Catalogue, day: dt.date) -> dict[str, dt.date]:
    """The 6.8 items whose ``day`` row is „jāprecizē” at the same figures as an „apstiprināts” row right before it –
    a confirmation withdrawn on or before ``day`` (D302) –, each with the first day of that withdrawal: a matrix of
    ``day`` (inside a withdrawal's gap) has them „jāprecizē” from its own day, yet they are not „vēl” unconfirmed –
    they were confirmed once and the catalogue withdrew it (D342). None for a row „jāprecizē” since it came in."""
    open_rows = {o.id: item_row(o) for o in catalogue.offers(day) if o.ceiling_status is PriceStatus.to_verify}
    since = dict.fromkeys(open_rows, day)
    found: dict[str, dt.date] = {}
    for on in sorted({d for d in catalogue.effective_dates() if d <= day}, reverse=True):
        if not open_rows:
            break
        try:
            rows = {o.id: item_row(o) for o in catalogue.offers(on)}
        except LookupError:
            break
        for item, row in list(open_rows.items()):
            earlier = rows.get(item)
            if earlier == row:  # the same row from ``on`` (at least): the run goes back
                since[item] = on
                continue
            del open_rows[item]
            if earlier is not None and withdraws(earlier, row):
                found[item] = since[item]
    return found


def catalogue_withdrawals(catalogue: Catalogue, day: dt.date) -> tuple[PlanChange, ...]:
    """The values the papers print as a figure once confirmed (B, each 6.8 item's ceiling) that are themselves
    „apstiprināts” on ``day`` and that a later entry of the same figures puts back to „jāprecizē” (D302): no change
    for the plan (``catalogue_changes`` lists none), but the papers made from that day print a blank. Each with the
    first such day and ``spans``: the days the papers print it confirmed (confirmation_spans from ``day``: a
    confirmation again reopens one). B first, then the items in 6.8 order."""
    later = sorted({d for d in catalogue.effective_dates() if d > day})
    result: list[PlanChange] = []
    was, entries, own = _base_entries(catalogue, day)
    if own is not None and (spans := confirmation_spans(was, entries, own)) and spans[0][1] is not None:
        result.append(PlanChange(spans[0][1], parameter_what([catalogue.programme.base_amount.name_lv]),
                                 spans=spans))
    _, rows = _item_entries(catalogue, day, later[-1]) if later else (None, {})
    for o in catalogue.offers(day):
        if o.ceiling_status is not PriceStatus.confirmed or not later:
            continue
        spans = confirmation_spans(item_row(o), rows[o.id], day)
        if spans and spans[0][1] is not None:
            result.append(PlanChange(spans[0][1], item_what(o.label), items=frozenset({o.id}), spans=spans))
    return tuple(result)


def withdrawn_ceilings(catalogue: Catalogue, day: dt.date, on: dt.date) -> dict[str, dt.date]:
    """Of items_withdrawn_since, the items whose price is checked against their ceiling (Offer.ceiling_unconfirmed once
    „jāprecizē”: regulated, delegated-contract or under the group ceiling): on ``on`` a plan line of one is a line of an
    unconfirmed ceiling (D22) for the papers and collect alike (D302), with the day it is withdrawn from."""
    offers = {o.id: o for o in catalogue.offers(day)}
    return {item: since for item, since in items_withdrawn_since(catalogue, day, on).items()
            if checked_against_ceiling(offers[item])}


def checked_against_ceiling(offer: Any) -> bool:
    """Whether a line of ``offer`` is a line of an unconfirmed ceiling once its ceiling is „jāprecizē”
    (Offer.ceiling_unconfirmed: regulated, delegated-contract or under the group ceiling)."""
    return replace(offer, ceiling_status=PriceStatus.to_verify).ceiling_unconfirmed


def ceilings_ever_withdrawn(catalogue: Catalogue, day: dt.date) -> frozenset[str]:
    """The items of withdrawn_ceilings on some day the catalogue knows (after ``day``): a collection reads their
    lines' places once, while the matrix is open, for the day it is withdrawn on. Kept with the catalogue for each
    ``day`` (asked once for every file collected; the catalogue does not change while it is loaded)."""
    kept: dict[dt.date, frozenset[str]] = catalogue.__dict__.setdefault("_ceilings_ever_withdrawn", {})
    if day not in kept:
        kept[day] = _ever_withdrawn(catalogue, day)
    return kept[day]


def _ever_withdrawn(catalogue: Catalogue, day: dt.date) -> frozenset[str]:
    offers = {o.id: o for o in catalogue.offers(day)}
    _, rows = _item_entries(catalogue, day, max(catalogue.effective_dates(), default=day))
    return frozenset(o.id for o in offers.values() if o.ceiling_status is PriceStatus.confirmed
                     and checked_against_ceiling(o)
                     and any(end is not None for _, end in confirmation_spans(item_row(o), rows[o.id], day)))


def _item_entries(catalogue: Catalogue, day: dt.date,
                  on: dt.date) -> tuple[list[Any], dict[str, list[tuple[dt.date, tuple | None]]]]:
    """``day``'s 6.8 offers and each one's later rows up to ``on`` (none when ``on`` is not after ``day``: the later
    of the two days counts, D301)."""
    offers = catalogue.offers(day)
    rows: dict[str, list[tuple[dt.date, tuple | None]]] = {o.id: [] for o in offers}
    if on <= day:
        return offers, rows
    for d in sorted({d for d in catalogue.effective_dates() if day < d <= on}):
        offered = {o.id: item_row(o) for o in catalogue.offers(d)}
        for key, entries in rows.items():
            entries.append((d, offered.get(key)))
    return offers, rows


def base_confirmed_since(catalogue: Catalogue, day: dt.date, on: dt.date) -> dt.date | None:
    """The day from which ``day``'s B stands confirmed on ``on``, the papers' or the collection's day (confirmed_since,
    D291, D296, D301: the later of ``on`` and ``day`` counts); None while it is „jāprecizē” (not yet, or withdrawn at
    the same amount – also one confirmed on ``day`` itself, which then holds from ``day``). A later B of another
    amount is a new value for later plans (for a plan crossing it a D61 change) and leaves the plans' B as it was."""
    was, later, own = _base_entries(catalogue, day)
    return confirmed_since(was, later, max(on, day), own)


def base_withdrawn_since(catalogue: Catalogue, day: dt.date, on: dt.date) -> dt.date | None:
    """The day from which ``day``'s B, confirmed on ``day`` or later, is „jāprecizē” again at the same amount on
    ``on`` (withdrawn_since, D296); None when it stands confirmed or was never confirmed."""
    was, later, own = _base_entries(catalogue, day)
    return withdrawn_since(was, later, max(on, day), own)


def base_withdrawn_by(catalogue: Catalogue, day: dt.date) -> dt.date | None:
    """The first day of B's withdrawal in force on ``day``: ``day``'s B is „jāprecizē” at the same amount as an
    „apstiprināts” entry right before it – a confirmation withdrawn on or before ``day`` (D302) –, as
    items_withdrawn_by says of the 6.8 rows (D342); None for a B „jāprecizē” since it came in, or confirmed."""
    base = getattr(catalogue.programme, PRINTED_PARAMETER)
    entries = [v for v in sorted(base.values, key=lambda v: v.effective_from) if v.effective_from <= day]
    if not entries or entries[-1].status is not PriceStatus.to_verify:
        return None
    now = said(entries[-1])
    run = len(entries) - 1
    while run > 0 and said(entries[run - 1]) == now:
        run -= 1
    return entries[run].effective_from if run > 0 and withdraws(said(entries[run - 1]), now) else None


def base_confirmed_again(catalogue: Catalogue, day: dt.date, on: dt.date) -> dt.date | None:
    """The first day after ``on`` (and ``day``) from which ``day``'s B stands confirmed once more (confirmation_spans):
    the day papers made from then print the figure again after a withdrawal the catalogue already knows the end of;
    None when the catalogue knows no such day."""
    was, later, own = _base_entries(catalogue, day)
    return next((start for start, _ in confirmation_spans(was, later, own)
                 if start is not None and start > max(on, day)), None)


def confirming_value(price: Any, day: dt.date, on: dt.date) -> Any | None:
    """The catalogue entry that confirms one price's „jāprecizē” ``day`` entry as the papers made on ``on`` read it –
    the last entry by ``on`` with the same kind and amounts, „apstiprināts”, while the plan's value stands confirmed
    on ``on`` (confirmed_since, D291, D296) –, else None: what those papers print for ``day``'s value (D301: the
    confirmation in force on the later of the papers' day and the value's own day counts). A later entry of other
    amounts is the next value, not this one's (it is never printed for it)."""
    if on <= day or (was := price.at(day)) is None:
        return None
    ordered = sorted(price.values, key=lambda v: v.effective_from)
    later = [(v.effective_from, said(v)) for v in ordered if v.effective_from > day]
    if confirmed_since(said(was), later, on) is None:
        return None
    return [v for v in ordered if day < v.effective_from <= on and confirms(said(was), said(v))][-1]


def withdrawing_value(price: Any, day: dt.date, on: dt.date) -> Any | None:
    """The catalogue entry that withdraws one price's „apstiprināts” ``day`` entry as the papers made on ``on`` read it
    – the last entry by ``on`` with the same kind and amounts, „jāprecizē”, while the plan's value stands withdrawn on
    ``on`` (withdrawn_since, D296, D302) –, else None: the entry in force whose blank and source those papers print for
    ``day``'s value (D318), not the withdrawn confirmation's document."""
    if on <= day or (was := price.at(day)) is None or was.status is not PriceStatus.confirmed:
        return None
    ordered = sorted(price.values, key=lambda v: v.effective_from)
    later = [(v.effective_from, said(v)) for v in ordered if v.effective_from > day]
    if withdrawn_since(said(was), later, on, day) is None:
        return None
    return [v for v in ordered if day < v.effective_from <= on and withdraws(said(was), said(v))][-1]


def confirmed_prices(catalogue: Catalogue, day: dt.date, on: dt.date) -> frozenset[str]:
    """The catalogue prices (their ids) whose ``day`` value is „jāprecizē” and stands confirmed on ``on``
    (confirming_value – the same kind and amounts, „apstiprināts”, D291, D296): what the papers made on ``on`` read as
    confirmed of a price that is not a 6.8 row of its own (the group ceiling before the transport part, and that
    part, D275)."""
    return frozenset(price.id for price in catalogue.price_by_id.values()
                     if confirming_value(price, day, on) is not None)


def next_figure(catalogue: Catalogue, day: dt.date, items: Iterable[str] | None = None) -> tuple[dt.date, bool] | None:
    """The first day after ``day`` on which B (``items`` None) or one of the 6.8 ``items``' rows takes other figures
    than on ``day`` – a real change (D61), not a status at the same figures (D291, D302) – and whether the new figures
    stand „apstiprināts” on it (every item's, for several); None when the catalogue knows no such day. After a
    withdrawal on ``day`` this is where the withdrawn figure's plans end: a matrix of that day or later has the new
    figure, with its own status (``ibm changes``, D334)."""
    params, found, _, _ = _first_days(catalogue, day)
    if items is None:
        on = _real(params, PRINTED_PARAMETER)
        return None if on is None else (on, catalogue.programme.base_amount.at(on).status is PriceStatus.confirmed)
    days = {item: d for item in items if (d := _real(found, item)) is not None}
    if not days:
        return None
    on = min(days.values())
    offers = {o.id: o for o in catalogue.offers(on)}
    return on, all(offers[i].ceiling_status is PriceStatus.confirmed for i, d in days.items() if d == on and i in offers)


def item_until(changes: Iterable[PlanChange]) -> dict[str, dt.date]:
    """The last day each changing item's 6.8 row holds (the matrix's hidden 6.8 column)."""
    return {item: c.until for c in changes if c.items for item in c.items}


def first_change(changes: Iterable[PlanChange], items: Iterable[str] | None, transport: bool) -> PlanChange | None:
    """The earliest change the plan uses: a parameter of every plan, the transport limit if ``transport`` (the plan
    has transport and the limit binds), the row of an item in ``items`` (None: every item – a caller without
    the plan's lines). On one day the first in order (parameters, transport, 6.8's order), as the matrix names it."""
    planned = None if items is None else frozenset(items)
    used = [c for c in changes
            if (c.items is None and (transport or not c.transport))
            or (c.items is not None and (planned is None or c.items & planned))]
    return min(used, key=lambda c: c.day) if used else None
