"""Rule checks of a plan (DECISIONS.md D9–D13, L1695–L1716): each returns a list of Findings.

Counting (the workbook's Kludas and Bridinajumi count the same instances):
- too_many_lines (error, D293): 1 when the plan has more lines than the IBM matrix has plan rows (lines.PLAN_LINES);
  it concerns the lines past them. A matrix cannot have it (it has no such rows); a plan typed elsewhere (the site's
  calculator) can.
- transport_share (error, D9, D71, D371): 1 when the IB-funded transport share of A is above ``transport_share_max``
  without a stated reason – the parent contract allows more only with the social worker's written reason, so the
  matrix, the documents, collect and the calculator all count it as an error; with a stated override reason it is a
  warning recorded as overridden and not counted. Only where the round confirms the limit (D287): otherwise nothing.
  ``workbook.evaluate_workbook`` checks it only while no plan line is void (D378): N then leaves that line out, so
  the share would be the smaller plan's, and the invalid input is the one error.
- incompatible (warning, D10): 1 per pair of counted lines where one line's service is in the
  other's ``incompatible_with``.
- day_care_sessions (warning, L1713): 1 per pair of counted lines where one line's service (the
  day-care centre) includes the other's sessions (``includes_sessions_of``, catalogue data).
- day_services (error, D11): 1 per period month where the planned units (6.6) of the day-care
  centre and specialised-workshop lines together exceed the working days of that calendar month inside
  the plan period (Mon–Fri without the public holidays of catalogue/holidays.yaml; a plan starting on
  12.06.2019 has 12 in June, D93); a month of a year the list does not
  cover is not checked (no working-day count, D62).
- price_above_ceiling (error, D12): 1 per counted line whose unit price is above its ceiling.
- actual_cost_price (error, D70): 1 per counted line whose unit is the euro at actual cost
  ("euro (faktiskās izmaksas)") and whose unit price is not 1,00 EUR.
- monthly_units (error, 6.6 ≠ 6.3): 1 per counted line whose planned units in months 1..M do not
  add up to its period units.
- outside_period (error): 1 per counted line with a non-zero 6.6/6.10 value after the period's last month.
- delivered_above_plan (error, D13): 1 per counted line where, after some month, cumulative
  delivered units exceed cumulative planned units, or Σ delivered exceeds the period units.
- paid_above_delivered (error, D13, L1715): 1 per counted line where, after some month, cumulative
  paid exceeds ROUND(cumulative delivered × price, 2), or Σ paid exceeds the line cost.
- no_provider_price (warning, D364): 1 per counted line whose unit price is 0,00 and whose unit does not fix its price
  (the euro at actual cost has actual_cost_price): no provider's price is typed yet, so the line adds nothing to N.
- price_implausible (warning, D370): 1 per counted line whose unit price is above its unit's plausible highest
  (Params.plausible_prices) while its item has no ceiling figure (a ceiling gives price_above_ceiling instead).
- ceiling_unconfirmed (warning, D22): 1 per counted line of a regulated or delegated-contract item, or of a
  group session under the group ceiling, whose ceiling is not confirmed.
- impairment (error; warning for a child with multiple impairments): 1 per counted line whose item
  is restricted to impairment types the child does not have.
- recipient (error): 1 per counted line whose entered recipient does not match the item's
  (an item for the family fits either).
- ignored_line_data (error): 1 per line that is not counted (no item or units ≤ 0) but has
  non-zero 6.6 or 6.10 values.
- units_above_period (error, D147): 1 per counted line whose period units (6.3) are more than its unit can hold in
  the plan period: ``diennakts`` its calendar days, ``darba-diena`` its working days (the D11 count; not checked
  when the holiday list lacks a year of the period, D62), ``stunda`` 24 hours a calendar day.
- units_above_month (error, D147 per month): 1 per counted line and period month whose planned units (6.6) are
  more than the month holds inside the plan period: ``diennakts`` its calendar days there (a first month from the
  period's first day, D93), ``stunda`` 24 hours each of them.
- line_above_provisional (warning, D148): 1 per counted line of a unit with no such limit (``reize``, ``kurss``,
  ``euro``) whose amount alone is above the child's provisional IB amount P (P > 0).
Only counted lines (an item and units > 0) are checked, except ``ignored_line_data``.
``workbook.evaluate_workbook`` adds one more error, ``not_eligible`` (D1), when the child is 18 or
older on the period's first day or born after it, or turns 18 by the last day of the plan's round (D110), ``prices_not_in_force`` (D61) when the plan
period is not inside the days the matrix's prices hold, and ``final_above_needed`` (D7) when the
ministry's final amount F is applied (N > P) and is above N – only while P is a figure: an invalid B leaves P a blank
in the matrix and whether F applies unknown, so the one invalid input is the one error (D356).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from generator.lvformat import MONTHS_IN, agree, eur, percent
from generator.lvformat import date as lv_date
from generator.lvformat import number as lv_number
from generator.money import cents
from generator.reference.date_serials import DateSerials
from generator.reference.findings import Finding, Severity
from generator.reference.inputs import AFTER_PERIOD_CLEAR, line_name
from generator.reference.lines import (
    ACTUAL_COST_PRICE,
    ACTUAL_COST_UNIT,
    GROUP_CEILING_ID,
    GROUP_TRANSPORT_REDUCTION_ID,
    PLAN_LINES,
    PlanLine,
)
from generator.reference.monthly import calendar_month, period_month_span, working_days_between
from generator.reference.params import Params
from generator.reference.plan import line_cost, transport_share
from generator.reference.rounds import plan_end
from generator.withdrawn_wording import CEILINGS, PRICE, again_open, was_confirmed

ZERO = Decimal(0)
ONE_EURO = ACTUAL_COST_PRICE  # D70, the unit's own price (generator/reference/lines.py)
APPROVED = " Sociālais darbinieks to apstiprinājis: "  # before the worker's reason in the transport warning (D9)
MONTH_ATTRS = ("planned_units", "delivered_units", "paid")
RECIPIENT_LV = {"child": "bērnam", "parent": "vecākam", "family": "ģimenei"}
# Where the reader fixes a line's units and its price: the matrix's tables by default; the calculator names its own
# fields (generator/site/calculator.py).
UNITS_PLACE = "6.3. tabulā"
PRICE_PLACE = "6.8. tabulā"
# D147: the catalogue's units that the plan period itself limits (catalogue/enums.yaml ids), and D148: those it
# does not, whose line is measured against P
CALENDAR_DAY, WORKING_DAY, HOUR = "diennakts", "darba-diena", "stunda"
PERIOD_LIMITED_UNITS = (CALENDAR_DAY, WORKING_DAY, HOUR)
HOURS_A_DAY = 24
# a month (``menesis``) is measured against P too: no catalogue service is priced by the month, so a limit of the
# plan's months would be a rule nothing exercises; D147 says so (every catalogue unit is in exactly one list)
UNBOUNDED_UNITS = ("reize", "kurss", "menesis", ACTUAL_COST_UNIT)


Invalid = Collection[tuple[int, int]]  # (line index, period month) of planned units that are an invalid input


def invalid_planned(lines: Sequence[PlanLine], whole_units: Collection[str],
                    serials: DateSerials | None, maximum: Decimal | None = None) -> frozenset[tuple[int, int]]:
    """(line index, month) of each planned month (6.6) that the matrix counts as an invalid input of its own and the
    reference can see: a day's serial (D286), a fraction of a unit counted whole (D256) or units above the plausible
    highest ``maximum`` (Params.amount_max, D377). One paste, one error (D140,
    D298): the rules such a cell feeds skip it – a line with one is not checked for its months' sum or for delivered
    units above the plan so far, and the cell is not counted in a month's limit, the day-care days, the values after
    the period or an ignored line's data. A date or a text in the cell never reaches the reference (the readers refuse
    it), and the matrix skips the same rules for it. ``whole_units``: the ids of the units counted whole
    (Params.whole_units); ``serials``: Params.date_serials."""
    found = set()
    for i, line in enumerate(lines):
        whole = bool(line.offer_id) and line.unit in whole_units
        for m, value in enumerate(line.planned_units, start=1):
            if (serials is not None and serials.day(value) is not None) or (
                    whole and value != value.to_integral_value()) or (maximum is not None and value > maximum):
                found.add((i, m))
    return frozenset(found)


ExecutionInvalid = Collection[tuple[str, int, int]]  # (attribute, line index, period month) of 6.10's invalid inputs


def invalid_execution(lines: Sequence[PlanLine], whole_units: Collection[str],
                      serials: DateSerials | None, maximum: Decimal | None = None) -> frozenset[tuple[str, int, int]]:
    """(attribute, line index, month) of each 6.10 value the matrix counts as an invalid input of its own and the
    reference can see: a day's serial (D286) in a month's delivered units or payment, a fraction of a unit counted whole
    (D256) in delivered units, a payment with more than two decimals (D87), either above the plausible highest
    ``maximum`` (Params.amount_max, D365). One paste, one error (D298, D304): a line
    with a delivered one is not checked for its delivered units or its payments (they are measured against the
    delivered units), one with such a payment not for its payments, and the cell is no value after the period nor an
    ignored line's data. A date, a text or a negative number never reaches the reference (the readers refuse it), and
    the matrix skips the same rules for it."""
    found = set()
    for i, line in enumerate(lines):
        whole = bool(line.offer_id) and line.unit in whole_units
        for m, value in enumerate(line.delivered_units, start=1):
            if (serials is not None and serials.day(value) is not None) or (
                    whole and value != value.to_integral_value()) or (maximum is not None and value > maximum):
                found.add(("delivered_units", i, m))
        for m, value in enumerate(line.paid, start=1):
            if (serials is not None and serials.day(value) is not None) or value != cents(value) or (
                    maximum is not None and value > maximum):
                found.add(("paid", i, m))
    return frozenset(found)


def _has_invalid_value(invalid: ExecutionInvalid, attrs: Collection[str], i: int) -> bool:
    return any(line == i and attr in attrs for attr, line, _ in invalid)


def _has_invalid(invalid: Invalid, i: int) -> bool:
    return any(line == i for line, _ in invalid)


def _counted(lines: Sequence[PlanLine]) -> list[tuple[int, PlanLine]]:
    return [(i, line) for i, line in enumerate(lines) if line.counted]


def line_count_text(count: int, limit: int = PLAN_LINES) -> str:
    """The words of ``too_many_lines`` (D293): how many lines the plan has and how many the matrix holds."""
    return (f"Plāna rindu skaits ir {count}, bet IBM matricā ir tikai {limit} {agree(limit, 'plāna rinda', 'plāna rindas')} "
            f"– plānu ar vairāk rindām matricā ierakstīt nevar; apvienojiet vai izņemiet rindas, lai to būtu ne vairāk "
            f"kā {limit}.")


def check_line_count(lines: Sequence[PlanLine], limit: int = PLAN_LINES) -> list[Finding]:
    """A plan of more lines than the IBM matrix has plan rows (``limit``, lines.PLAN_LINES) is one error (D293): the
    matrix, and so the decision made with it, cannot hold the lines past them, which the finding names. Every line
    given counts, an empty one too: its place is a matrix row."""
    if len(lines) <= limit:
        return []
    return [Finding("too_many_lines", Severity.error, line_count_text(len(lines), limit),
                    tuple(range(limit, len(lines))))]


def check_transport_share(
    lines: Sequence[PlanLine], params: Params, available: object, override_reason: str | None = None
) -> list[Finding]:
    """The IB-funded cost of transport and specialised transport together above
    ``transport_share_max`` of the IB amount A: an error until the social worker states a reason (D9, L1714; the
    parent contract allows it only so, D71, D371), then a warning kept for the record and not counted – only where
    the round confirms the limit (``transport_limit_applies``, D287): otherwise the round's limit is yet to be checked
    in the ministry's rules and nothing is counted."""
    if not params.transport_limit_applies:
        return []
    share = transport_share(lines, available, params)
    if share <= params.transport_share_max:
        return []
    concerned = tuple(i for i, line in _counted(lines) if line.transport)
    reason = (override_reason or "").strip()
    message = (
        f"Transporta pakalpojumiem no IB paredzēti {percent(share, 1)} no bērnam pieejamā IB apmēra "
        f"(bez sociālā darbinieka rakstiska pamatojuma atļauts ne vairāk kā {percent(params.transport_share_max)})."
    )
    message += f"{APPROVED}{reason}" if reason else " Norādiet pamatojumu."
    severity = Severity.warning if reason else Severity.error
    return [Finding("transport_share", severity, message, concerned, overridden=bool(reason))]


def check_incompatible(lines: Sequence[PlanLine]) -> list[Finding]:
    """Services that may not be received at the same time (home care with nanny or assistant,
    assistant with companion or nanny) in one period: a warning per pair asking the worker to
    confirm that the times do not overlap (D10, L1710–L1711)."""
    counted = _counted(lines)
    found: list[Finding] = []
    for pos, (i, a) in enumerate(counted):
        for j, b in counted[pos + 1 :]:
            if b.service_id in a.incompatible_with or a.service_id in b.incompatible_with:
                found.append(
                    Finding(
                        "incompatible",
                        Severity.warning,
                        f"{line_name(i, a)} un {line_name(j, b)} nedrīkst saņemt vienlaikus; "
                        "pārliecinieties, ka pakalpojumu laiki nepārklājas.",
                        (i, j),
                    )
                )
    return found


def check_day_care_sessions(lines: Sequence[PlanLine]) -> list[Finding]:
    """The day-care centre's own specialists' and group sessions may not be paid again elsewhere
    (L1713): a warning per pair naming both lines; the social worker who draws up the plan attests that
    the other line is a different specialist or group (the message says who, not "confirm it" where
    there is nothing to confirm, audit11)."""
    counted = _counted(lines)
    found: list[Finding] = []
    pairs: set[tuple[int, int]] = set()
    for i, a in counted:
        for j, b in counted:
            pair = (min(i, j), max(i, j))
            if i != j and b.service_id in a.includes_sessions_of and pair not in pairs:
                pairs.add(pair)
                found.append(
                    Finding(
                        "day_care_sessions",
                        Severity.warning,
                        f"{line_name(i, a)} jau ietver speciālistu un grupu nodarbības; pārliecinieties, ka "
                        f"{line_name(j, b)} ir cita speciālista vai citas grupas nodarbības, nevis tās pašas, "
                        "ko bērns saņem dienas aprūpes centrā; to apliecina sociālais darbinieks, sastādot "
                        "atbalsta plānu.",
                        pair,
                    )
                )
    return found


CEILING_CHECK = ": cenas griesti nav apstiprināti"  # check_unconfirmed_ceilings: what follows the line's name
CHECK_PRICE = "pārbaudiet, vai sniedzēja cena tos nepārsniedz"  # its advice, the last words before a place or the stop
# Said instead of CEILING_CHECK and its advice of a line that keeps the catalogue's own „jāprecizē" price
# (open_prices.open_price): there is no provider's price to check against the ceiling (D294); the papers and the
# collection each add what follows from it for them.
OWN_OPEN_PRICE = (": cena ir kataloga vēl neapstiprinātā (jāprecizē) normatīvajā aktā vai līgumā noteiktā cena, "
                  "nevis sniedzēja cena")


def own_price_words(withdrawn_from: dt.date | None, by_matrix_day: bool = False) -> str:
    """OWN_OPEN_PRICE for the line of a ceiling warning; of check_withdrawn_ceilings' warning (``withdrawn_from``, its
    Finding's day) – the price was confirmed on the matrix's prices day and is „jāprecizē” again at the same amount
    from a later day (D302) – not „vēl neapstiprinātā” but that and the day, as the warning said it (D325);
    ``by_matrix_day``: withdrawn on or before the matrix's prices day (withdrawn_by_why, D342) – confirmed once, and
    „jāprecizē” again on the matrix's own day already."""
    if withdrawn_from is None:
        return OWN_OPEN_PRICE
    if by_matrix_day:
        return (f": cena ir kataloga normatīvajā aktā vai līgumā noteiktā cena ({was_confirmed(PRICE)}, bet katalogā "
                f"{again_open(since=withdrawn_from)}, {ON_MATRIX_DAY}), nevis sniedzēja cena")
    return (": cena ir kataloga normatīvajā aktā vai līgumā noteiktā cena (matricas cenu dienā "
            f"{was_confirmed(PRICE)}, bet katalogā {again_open(since=withdrawn_from)}), nevis sniedzēja cena")


# What a ceiling warning (check_unconfirmed_ceilings) says is still „jāprecizē” in the catalogue (D358): of a line whose
# ceiling is its own regulated or contract price, that price; of a group session under the group ceiling, the group
# parameters that are not confirmed – never the other case's clause. A ceiling withdrawn by the matrix's prices day
# replaces the reason with withdrawn_by_why (D342).
OWN_PRICE_OPEN = "normatīvajā aktā vai līgumā noteiktā cena"
GROUP_BASE_OPEN = "grupu nodarbības augstākā cena"
GROUP_TRANSPORT_OPEN = "klienta transporta daļa, ko atskaita no grupu nodarbības augstākās cenas"
GROUP_PART_OPEN = "klienta transporta daļa, ko no tās atskaita"  # after GROUP_BASE_OPEN (here and the matrix's 6.11)
GROUP_BOTH_OPEN = f"{GROUP_BASE_OPEN} un {GROUP_PART_OPEN}"
# every combination of a line's ceiling_open the reason knows, the line's own price first
CEILING_OPEN_CASES: tuple[tuple[str, ...], ...] = (
    (), (GROUP_CEILING_ID,), (GROUP_TRANSPORT_REDUCTION_ID,), (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID))


def unconfirmed_why(ceiling_open: Collection[str] = ()) -> str:
    """The reason, in brackets, of a ceiling warning of a line whose unconfirmed group parameters are ``ceiling_open``
    (PlanLine.ceiling_open; empty: the line's own regulated or contract price, D358) – the one place its words come
    from, for the reference, the matrix's 6.11 and the calculator."""
    group = {GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID} & set(ceiling_open)
    if not group:
        what = OWN_PRICE_OPEN
    elif group == {GROUP_CEILING_ID}:
        what = GROUP_BASE_OPEN
    elif group == {GROUP_TRANSPORT_REDUCTION_ID}:
        what = GROUP_TRANSPORT_OPEN
    else:
        what = GROUP_BOTH_OPEN
    return f"(katalogā vēl jāprecizē {what})"


# every reason a plain ceiling warning can give (ceilings_on_day rewrites any of them, D342)
UNCONFIRMED_WHYS = tuple(unconfirmed_why(case) for case in CEILING_OPEN_CASES)
ON_MATRIX_DAY = "arī matricas cenu dienā"


def withdrawn_by_why(since: dt.date) -> str:
    """The reason of a ceiling warning whose 6.8 row was „apstiprināts” and is „jāprecizē” again at the same amount
    from ``since``, on or before the matrix's prices day (plan_changes.items_withdrawn_by, D342): not „vēl jāprecizē”
    – it was confirmed once –, with the day, and that it holds on the matrix's own day."""
    return f"({was_confirmed(CEILINGS)}, bet katalogā {again_open(since=since)}, {ON_MATRIX_DAY})"


def withdrawn_why(since: dt.date, by_matrix_day: bool = False) -> str:
    """The reason of a warning of a ceiling withdrawn at the same amount from ``since``: after the matrix's prices day
    (check_withdrawn_ceilings, D302) confirmed on that day and „jāprecizē” again since; on or before it
    (``by_matrix_day``, D342) withdrawn_by_why."""
    if by_matrix_day:
        return withdrawn_by_why(since)
    return f"(matricas cenu dienā {was_confirmed(CEILINGS)}, bet katalogā {again_open(since=since)})"


def withdrawn_by_matrix_day(finding: Finding, params_day: dt.date) -> bool:
    """The ceiling warning is of a withdrawal on or before the matrix's prices day ``params_day`` (D342): its
    ``withdrawn_from`` is not after that day – the row was „jāprecizē” again on the matrix's own day already."""
    return finding.withdrawn_from is not None and finding.withdrawn_from <= params_day


def check_unconfirmed_ceilings(lines: Sequence[PlanLine]) -> list[Finding]:
    """A regulated or delegated-contract item, or a group session, whose ceiling is not confirmed (D22): the price
    cannot be checked against it, so the line gets a warning instead of passing unchecked, with the reason that
    applies to the line (unconfirmed_why, D358)."""
    return [
        Finding(
            "ceiling_unconfirmed",
            Severity.warning,
            f"{line_name(i, line)}{CEILING_CHECK} {unconfirmed_why(line.ceiling_open)}; {CHECK_PRICE}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.ceiling_unconfirmed
    ]


def check_withdrawn_ceilings(lines: Sequence[PlanLine], withdrawn: Mapping[str, dt.date]) -> list[Finding]:
    """A counted line whose 6.8 ceiling was confirmed on the matrix's prices day and is „jāprecizē” again at the same
    amount on the papers' or the collection's day (``withdrawn``: item → the day, plan_changes.withdrawn_ceilings,
    D302): the same warning as check_unconfirmed_ceilings (D22), naming the day – the matrix itself, recomputed on
    its own day, cannot know it. A matrix made on or after that day marks its row (D319) and warns of it itself: its
    plain warning gives way to this one (ceilings_on_day.py), so the line is warned of once."""
    return [
        Finding(
            "ceiling_unconfirmed",
            Severity.warning,
            f"{line_name(i, line)}{CEILING_CHECK} {withdrawn_why(withdrawn[line.offer_id])}; {CHECK_PRICE}.",
            (i,),
            withdrawn_from=withdrawn[line.offer_id],
        )
        for i, line in _counted(lines)
        if line.offer_id in withdrawn
    ]


def check_day_services(
    lines: Sequence[PlanLine], period_start: dt.date, months: int, holidays: Collection[dt.date] = (),
    holiday_years: Collection[int] | None = None, invalid: Invalid = (),
) -> list[Finding]:
    """Day-care centre and specialised workshop days together in a calendar month may not exceed
    the working days of that month inside the plan period, Monday to Friday without the public holidays
    (D11, L1712; a first month that begins after its 1st counts from the period's first day, D93): an error
    per month. Only a plan with a day-care or workshop line is checked. A month of a year that
    ``holiday_years`` (the years the holiday list covers; None: all) lacks has no working-day count
    and is not checked (D62). A month's cell in ``invalid`` (invalid_planned) is not counted."""
    day_lines = [(i, line) for i, line in _counted(lines) if line.day_service]
    found: list[Finding] = []
    for m in range(1, months + 1):
        total = sum((line.month_value("planned_units", m) for i, line in day_lines if (i, m) not in invalid), ZERO)
        year, month = calendar_month(period_start, m)
        if holiday_years is not None and year not in holiday_years:
            continue  # no holiday list for the year: no working-day count, the matrix shows a blank (D62)
        first, last = period_month_span(period_start, months, m)
        limit = working_days_between(first, last, holidays)
        if total > limit:
            concerned = tuple(i for i, line in day_lines
                              if line.month_value("planned_units", m) > 0 and (i, m) not in invalid)
            whole = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
            where = "mēnesī" if whole else f"plāna periodā šajā mēnesī ({lv_date(first)}–{lv_date(last)})"
            found.append(
                Finding(
                    "day_services",
                    Severity.error,
                    f"{year}. gada {MONTHS_IN[month - 1]} dienas aprūpes centrā un specializētajā darbnīcā "
                    f"{_planned_days(total)}, bet {where} ir tikai {limit} darba "
                    f"{_one(limit, 'diena', 'dienas')} (svētku dienas neskaitot).",
                    concerned,
                    month=m,
                )
            )
    return found


def _one(n: int, singular: str, plural: str) -> str:
    """Latvian agreement with a whole number: 1, 21, 31… (not 11) take the singular."""
    return agree(n, singular, plural)


def _planned_days(total: Decimal) -> str:
    """'plānota 21 diena', 'plānotas 22 dienas', 'plānotas 21,5 dienas'."""
    if total == total.to_integral():
        n = int(total)
        return f"{_one(n, 'plānota', 'plānotas')} {lv_number(total, 0)} {_one(n, 'diena', 'dienas')}"
    return f"plānotas {lv_number(total, 2)} dienas"


# After the price and the amount it is above, of a line whose ceiling is not confirmed (D22: a group session's highest
# price while its client transport part is „jāprecizē”): the amount is no confirmed ceiling, and the real one is not
# higher; the reason in brackets is the line's own (unconfirmed_why, D358, D383).
def above_unconfirmed(ceiling_open: Collection[str] = (), why: str | None = None) -> str:
    """``why``: the reason as of a later day (ceilings_on_day.py, the warning's own); default the line's own."""
    return (f" par vienību; cenas griesti nav apstiprināti {why or unconfirmed_why(ceiling_open)}, bet tie "
            f"{ABOVE_UNCONFIRMED_END}")


ABOVE_UNCONFIRMED_END = "nebūs augstāki par šo summu."
ABOVE = " pārsniedz "  # between a price_above_ceiling error's price and the ceiling it is above


def above_ceiling(ceiling: Decimal, ceiling_open: Collection[str] = (), why: str | None = None,
                  confirmed: bool = True) -> str:
    """What a price is above in a price_above_ceiling error: a ``confirmed`` ceiling's amount, or an unconfirmed
    one's with the reason (above_unconfirmed) – the matrix's own day's and a later day's (ceilings_on_day.py) words."""
    if confirmed:
        return f"pieļaujamo {eur(ceiling)} par vienību."
    return f"{eur(ceiling)}{above_unconfirmed(ceiling_open, why)}"


# the checks of a line's price against its item's ceiling: a plan whose prices are its round's (the calculator) and that
# is outside every round has no ceiling that applies to it, so it gets none of them (D358, D383)
CEILING_CODES = frozenset({"price_above_ceiling", "ceiling_unconfirmed"})


def check_prices(lines: Sequence[PlanLine]) -> list[Finding]:
    """A provider price above the item's regulated, contract or group-session ceiling is an error
    (D12, L1695, L1703–L1706); above a ceiling still „jāprecizē” it says so in D22's words, with the line's own reason
    (D383)."""
    return [
        Finding(
            "price_above_ceiling",
            Severity.error,
            f"{line_name(i, line)}: sniedzēja cena {eur(line.unit_price)}{ABOVE}"
            + above_ceiling(line.ceiling, line.ceiling_open, confirmed=not line.ceiling_unconfirmed),
            (i,),
        )
        for i, line in _counted(lines)
        if line.ceiling is not None and line.unit_price > line.ceiling
    ]


def check_actual_cost_prices(lines: Sequence[PlanLine], units_place: str = UNITS_PLACE,
                             price_place: str = PRICE_PLACE) -> list[Finding]:
    """A line whose unit is the euro at actual cost counts euros: its price is 1,00 EUR a unit, any other
    price multiplies the amount (D70). ``units_place``, ``price_place``: where the units and the price are typed
    (the matrix's tables 6.3 and 6.8; the calculator's fields)."""
    return [
        Finding(
            "actual_cost_price",
            Severity.error,
            f"{line_name(i, line)}: mērvienība ir „euro (faktiskās izmaksas)”, tāpēc cenai {price_place} jābūt "
            f"{eur(ONE_EURO)} par vienību (ievadīts {eur(line.unit_price)}); summu ierakstiet kā daudzumu "
            f"{units_place}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.actual_cost and line.unit_price != ONE_EURO
    ]


# D364: a price of 0,00 is no provider's price (D313): the child's papers say it in these words (documents/from_matrix/
# price_notes), the matrix's 6.5 and 6.9 too (workbook/texts.py)
NO_PRICE_WORDS = "nav sniedzēja cenas"


def check_missing_prices(lines: Sequence[PlanLine], price_place: str = PRICE_PLACE) -> list[Finding]:
    """A counted line whose provider's price is 0,00 (D364): no price is typed yet (D313), so its sum and N leave it
    out until it is; a unit that fixes its own price (the euro at actual cost, D70) has actual_cost_price instead.
    ``price_place``: where the price is typed (the matrix's table 6.8; the calculator's field)."""
    return [
        Finding(
            "no_provider_price",
            Severity.warning,
            f"{line_name(i, line)}: {NO_PRICE_WORDS} – cena {price_place} ir {eur(ZERO)}, tāpēc rindas summa un N to "
            f"neietver; ierakstiet sniedzēja cenu {price_place}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.unit_price == 0 and not line.actual_cost
    ]


# D370: the words of a price above its unit's plausible highest (the matrix's 6.11 and 6.4 say the same)
IMPLAUSIBLE_TEXT = "pārsniedz ticamo"
IMPLAUSIBLE_CHECK = "pārbaudiet, vai tā ierakstīta pareizi (nav, piemēram, 100 reizes lielāka)"


def check_implausible_prices(lines: Sequence[PlanLine], plausible: Mapping[str, Decimal],
                             price_max: Decimal | None = None, price_place: str = PRICE_PLACE) -> list[Finding]:
    """D370: a counted line whose provider's price is above the plausible highest of its unit (``plausible``,
    Params.plausible_prices; a unit without one is not checked, nor the euro at actual cost, D70) while its item has no
    ceiling figure – a ceiling, confirmed or not, bounds it already (price_above_ceiling). A warning: a real price may
    be high. A price above ``price_max`` is an invalid input instead (D340), its line void (D332)."""
    return [
        Finding(
            "price_implausible",
            Severity.warning,
            f"{line_name(i, line)}: sniedzēja cena {price_place} {eur(line.unit_price)} par vienību {IMPLAUSIBLE_TEXT} "
            f"{eur(plausible[line.unit])}, un pakalpojumam nav zināmu cenas griestu – {IMPLAUSIBLE_CHECK}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.unit in plausible and not line.actual_cost and line.ceiling is None
        and line.unit_price > plausible[line.unit] and not (price_max is not None and line.unit_price > price_max)
    ]


def check_monthly_units(lines: Sequence[PlanLine], months: int, invalid: Invalid = (),
                        execution_invalid: ExecutionInvalid = ()) -> list[Finding]:
    """The monthly units of a line (6.6) must add up to its units in the period (6.3), and no
    6.6/6.10 value may fall after the period's last month (ib-calculation.md §7.2). A line with a planned month in
    ``invalid`` (invalid_planned) is not checked for the sum, and that month is no value after the period, nor is a
    6.10 value in ``execution_invalid`` (invalid_execution)."""
    found: list[Finding] = []
    for i, line in enumerate(lines):
        if line.counted and not _has_invalid(invalid, i):
            planned = sum((line.month_value("planned_units", m) for m in range(1, months + 1)), ZERO)
            if planned != line.units:
                found.append(
                    Finding(
                        "monthly_units",
                        Severity.error,
                        f"{line_name(i, line)}: pa mēnešiem plānotas {lv_number(planned)} vienības, "
                        f"bet periodā – {lv_number(line.units)} (6.6. tabulā jāsakrīt ar 6.3. tabulu).",
                        (i,),
                    )
                )
        if line.counted and any(v != 0 for _, m, v in _month_values(line, invalid, i, execution_invalid)
                                if m > months):
            found.append(
                Finding(
                    "outside_period",
                    Severity.error,
                    f"{i + 1}. rindā ir vērtības pēc perioda {months}. mēneša{AFTER_PERIOD_CLEAR}.",
                    (i,),
                )
            )
    return found


def check_execution(lines: Sequence[PlanLine], months: int, invalid: Invalid = (),
                    execution_invalid: ExecutionInvalid = ()) -> list[Finding]:
    """Delivered units may exceed the month's plan only by units missed earlier in the same period,
    and never the period's plan (D13, L1716); payment only for delivered units (L1715). A line with a planned month
    in ``invalid`` (invalid_planned) or a delivered month in ``execution_invalid`` (invalid_execution) is not checked
    for its delivered units, one with a delivered month or a payment there not for its payments (D304)."""
    found: list[Finding] = []
    for i, line in _counted(lines):
        cum_p = cum_d = cum_paid = ZERO
        over_units = over_paid = False
        for m in range(1, months + 1):
            cum_p += line.month_value("planned_units", m)
            cum_d += line.month_value("delivered_units", m)
            cum_paid += line.month_value("paid", m)
            over_units = over_units or cum_d > cum_p
            over_paid = over_paid or cum_paid > cents(cum_d * line.unit_price)
        delivered_invalid = _has_invalid_value(execution_invalid, ("delivered_units",), i)
        over_units = (over_units or cum_d > line.units) and not _has_invalid(invalid, i) and not delivered_invalid
        over_paid = (over_paid or cum_paid > line_cost(line)) and not _has_invalid_value(
            execution_invalid, ("delivered_units", "paid"), i)
        if over_units:
            found.append(
                Finding(
                    "delivered_above_plan",
                    Severity.error,
                    f"{line_name(i, line)}: saņemts vairāk vienību, nekā līdz šim plānots "
                    "(nesaņemto drīkst saņemt vēlāk tajā pašā periodā, bet ne vairāk par plānu).",
                    (i,),
                )
            )
        if over_paid:
            found.append(
                Finding(
                    "paid_above_delivered",
                    Severity.error,
                    f"{line_name(i, line)}: samaksāts vairāk, nekā maksā faktiski saņemtās vienības "
                    "vai plānotais apjoms.",
                    (i,),
                )
            )
    return found


def check_impairments(lines: Sequence[PlanLine], impairment: str | None) -> list[Finding]:
    """An item restricted to some impairment types (e.g. the delegated services for vision or
    hearing, L1697) does not fit a child with another type: an error; for a child with multiple
    impairments a warning asking to confirm the type (L1570)."""
    if not impairment:
        return []
    found: list[Finding] = []
    for i, line in _counted(lines):
        if line.impairments and impairment not in line.impairments:
            allowed = ", ".join(line.impairments)
            if impairment == "multipli":
                found.append(
                    Finding(
                        "impairment",
                        Severity.warning,
                        f"{line_name(i, line)} paredzēts bērniem ar šādiem traucējumiem: {allowed}; "
                        "pārliecinieties, ka tie ir starp bērna multiplajiem traucējumiem.",
                        (i,),
                    )
                )
            else:
                found.append(
                    Finding(
                        "impairment",
                        Severity.error,
                        f"{line_name(i, line)} paredzēts tikai bērniem ar šādiem traucējumiem: {allowed} "
                        f"(bērnam: {impairment}).",
                        (i,),
                    )
                )
    return found


def check_recipients(lines: Sequence[PlanLine]) -> list[Finding]:
    """A line's recipient must be the item's recipient; an item for the family fits the child and
    the parent (L1368, L1497–L1521)."""
    return [
        Finding(
            "recipient",
            Severity.error,
            f"{line_name(i, line)}: pakalpojums paredzēts {RECIPIENT_LV[line.service_recipient]}, "
            f"bet rindā norādīts saņēmējs – {RECIPIENT_LV[line.recipient]}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.recipient is not None
        and line.service_recipient != "family"
        and line.recipient != line.service_recipient
    ]


def _month_values(line: PlanLine, invalid: Invalid, i: int,
                  execution_invalid: ExecutionInvalid = ()) -> list[tuple[str, int, Decimal]]:
    """(attribute, month, value) of each 6.6/6.10 value of line ``i``, without the planned months in ``invalid`` and
    the 6.10 values in ``execution_invalid``."""
    return [(attr, m, v) for attr in MONTH_ATTRS for m, v in enumerate(getattr(line, attr), start=1)
            if not (attr == "planned_units" and (i, m) in invalid) and (attr, i, m) not in execution_invalid]


def check_ignored_lines(lines: Sequence[PlanLine], invalid: Invalid = (),
                        execution_invalid: ExecutionInvalid = ()) -> list[Finding]:
    """A line without an item or with no units must not carry monthly plan or execution values (a planned month in
    ``invalid``, invalid_planned, or a 6.10 value in ``execution_invalid``, invalid_execution, is an error of its
    own)."""
    return [
        Finding(
            "ignored_line_data",
            Severity.error,
            f"{i + 1}. rindā nav pakalpojuma vai daudzuma, bet ir mēnešu dati (6.6. vai 6.10. tabulā).",
            (i,),
        )
        for i, line in enumerate(lines)
        if not line.counted and any(v != 0 for _, _, v in _month_values(line, invalid, i, execution_invalid))
    ]


def units_text(units: Decimal) -> str:
    """A number of units as typed, in Latvian: '99 999', '21,5' (trailing zeros of the fraction dropped)."""
    exponent = units.normalize().as_tuple().exponent
    return lv_number(units, max(0, -int(exponent)))


def period_unit_limits(
    period_start: dt.date, months: int, holidays: Collection[dt.date] = (), holiday_years: Collection[int] | None = None
) -> dict[str, int]:
    """How many units of each period-limited unit the plan period holds (D147): ``diennakts`` its calendar days,
    ``stunda`` 24 hours each of them, ``darba-diena`` its working days (Monday to Friday without the public holidays,
    as D11 counts them) – left out when the holiday list lacks a year of the period (D62)."""
    last = plan_end(period_start, months)
    days = (last - period_start).days + 1
    limits = {CALENDAR_DAY: days, HOUR: HOURS_A_DAY * days}
    if holiday_years is None or all(y in holiday_years for y in range(period_start.year, last.year + 1)):
        limits[WORKING_DAY] = working_days_between(period_start, last, holidays)
    return limits


LIMIT_WORDS = {
    CALENDAR_DAY: "kalendāra dienu skaits",
    WORKING_DAY: "darba dienu skaits (bez sestdienām, svētdienām un svētku dienām)",
    HOUR: f"stundu skaits ({HOURS_A_DAY} stundas katrā dienā)",
}



def check_unit_limits(
    lines: Sequence[PlanLine], period_start: dt.date, months: int, holidays: Collection[dt.date] = (),
    holiday_years: Collection[int] | None = None, units_place: str = UNITS_PLACE,
) -> list[Finding]:
    """A line cannot plan more days, working days or hours than the plan period has (D147): an error per line,
    naming it and the period's count. The limits come from the period and the holiday list only; units that the
    period does not limit (a session, a course, euro) are left to ``check_line_above_provisional``.
    ``units_place``: where the units are typed ("6.3. tabulā" in the matrix)."""
    limits = period_unit_limits(period_start, months, holidays, holiday_years)
    last = plan_end(period_start, months)
    return [
        Finding(
            "units_above_period",
            Severity.error,
            f"{line_name(i, line)}: daudzums periodā {units_text(line.units)} pārsniedz to, kas plāna periodā "
            f"({lv_date(period_start)}–{lv_date(last)}) iespējams: {LIMIT_WORDS[line.unit]} ir "
            f"{lv_number(limits[line.unit], 0)}; pārbaudiet daudzumu {units_place}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.unit in limits and line.units > limits[line.unit]
    ]


def month_unit_limits(period_start: dt.date, months: int, month: int) -> dict[str, int]:
    """How many nights and hours period month ``month`` holds inside the plan period (D147, per month): ``diennakts``
    its calendar days from the period's first day (a first month may begin after its 1st, D93) to its last day or the
    period's, ``stunda`` 24 hours each of them."""
    first, last = period_month_span(period_start, months, month)
    days = (last - first).days + 1
    return {CALENDAR_DAY: days, HOUR: HOURS_A_DAY * days}


MONTH_PLACE = "6.6. tabulā"  # where a month's planned units are typed


def check_month_unit_limits(
    lines: Sequence[PlanLine], period_start: dt.date, months: int, month_place: str = MONTH_PLACE,
    invalid: Invalid = (),
) -> list[Finding]:
    """No month can hold more nights or hours than its days inside the plan period (D147, per month): an error per
    counted line and month whose planned units (6.6) of a ``diennakts`` line are above those calendar days, or of a
    ``stunda`` line above 24 hours each of them, naming the line, the month and its count. The period's own limit
    (check_unit_limits) does not see 30 nights planned in a February of a longer period; the provider is paid by the
    month. Working days per month are D11's (day-care centre and workshop lines together). A month's cell in
    ``invalid`` (invalid_planned: a date's serial is no number of hours) is not checked."""
    found: list[Finding] = []
    # in plan line order, each line's months in order (D375): the first finding is the cell 6.11's „Kur redzams”
    # names first, as the matrix's row-by-row search of 6.6 finds it
    for i, line in _counted(lines):
        for m in range(1, months + 1):
            limits = month_unit_limits(period_start, months, m)
            first, last = period_month_span(period_start, months, m)
            whole = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
            where = "šajā mēnesī" if whole else f"plāna periodā šajā mēnesī ({lv_date(first)}–{lv_date(last)})"
            year, number = calendar_month(period_start, m)
            planned = line.month_value("planned_units", m)
            if line.unit in limits and planned > limits[line.unit] and (i, m) not in invalid:
                found.append(Finding(
                    "units_above_month",
                    Severity.error,
                    f"{line_name(i, line)}: {m}. mēnesī ({number:02d}.{year}) plānotais daudzums {units_text(planned)} "
                    f"pārsniedz to, kas {where} iespējams: {LIMIT_WORDS[line.unit]} ir "
                    f"{lv_number(limits[line.unit], 0)}; pārbaudiet daudzumu {month_place}.",
                    (i,),
                    month=m,
                ))
    return found


def check_line_above_provisional(
    lines: Sequence[PlanLine], provisional: Decimal, units_place: str = UNITS_PLACE, price_place: str = PRICE_PLACE,
    amount_place: str | None = None,
) -> list[Finding]:
    """A line of a unit the period does not limit (a session, a course, euro at actual cost) whose amount alone is
    above the child's provisional IB amount P is a warning naming the line (D148): it is possible, but far more
    often a mistyped or pasted quantity. No warning while P is 0 (the child has no P: its error says why).
    ``units_place``, ``price_place``: where the units and the price are typed (the matrix's tables 6.3 and 6.8);
    ``amount_place``: where a line in euro at actual cost is given its amount when it has no price of its own to type
    (the calculator's field, D338; None: its units and price are typed as any line's)."""
    if provisional <= 0:
        return []

    def check(line: PlanLine) -> str:
        if amount_place is not None and line.actual_cost:
            return f"vai summa {amount_place} ir pareiza"
        return f"vai daudzums ({units_text(line.units)}) {units_place} un cena {price_place} ir pareizi"

    return [
        Finding(
            "line_above_provisional",
            Severity.warning,
            f"{line_name(i, line)}: rindas summa {eur(line_cost(line))} viena pati pārsniedz bērna IB provizorisko "
            f"apmēru P {eur(provisional)}; pārbaudiet, {check(line)}.",
            (i,),
        )
        for i, line in _counted(lines)
        if line.unit in UNBOUNDED_UNITS and line_cost(line) > provisional
    ]


def check_plan(
    lines: Sequence[PlanLine],
    params: Params,
    *,
    period_start: dt.date,
    months: int,
    available: object,
    impairment: str | None = None,
    transport_override: str | None = None,
    provisional: Decimal = ZERO,
) -> list[Finding]:
    """Every rule check of one plan, in a fixed order (see the module docstring for the counts);
    ``available`` is the plan's IB amount A (D5), against which transport is measured (D9); ``provisional`` the
    child's P, against which one line's amount is measured (D148; 0: not checked)."""
    invalid = invalid_planned(lines, params.whole_units, params.date_serials, params.amount_max)
    executed = invalid_execution(lines, params.whole_units, params.date_serials, params.amount_max)
    return [
        *check_line_count(lines),
        *check_transport_share(lines, params, available, transport_override),
        *check_incompatible(lines),
        *check_day_care_sessions(lines),
        *check_day_services(lines, period_start, months, params.holidays, params.holiday_years, invalid),
        *check_prices(lines),
        *check_actual_cost_prices(lines),
        *check_missing_prices(lines),
        *check_implausible_prices(lines, params.plausible_prices, params.price_max),
        *check_unconfirmed_ceilings(lines),
        *check_monthly_units(lines, months, invalid, executed),
        *check_execution(lines, months, invalid, executed),
        *check_impairments(lines, impairment),
        *check_recipients(lines),
        *check_ignored_lines(lines, invalid, executed),
        *check_unit_limits(lines, period_start, months, params.holidays, params.holiday_years),
        *check_month_unit_limits(lines, period_start, months, invalid=invalid),
        *check_line_above_provisional(lines, provisional),
    ]
