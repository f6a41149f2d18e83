"""Stage 1: the provisional amount P (D1, L1068–L1076, ib-calculation.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.lvformat import date as lv_date
from generator.money import cents, to_decimal
from generator.reference.errors import NotEligible, ReferenceInputError
from generator.reference.params import Params


@dataclass(frozen=True)
class Provisional:
    """The provisional amount with the values it was computed from."""

    age: int
    rate: Decimal
    base: Decimal
    amount: Decimal


def age_in_years(birth_date: dt.date, day: dt.date) -> int:
    """Age in completed years on ``day`` (the spreadsheet's DATEDIF(birth; day; "y")).

    A child born on 29 February completes a year on 1 March in a common year. A date of birth
    after ``day`` gives a negative number; callers treat it as not eligible.
    """
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def of_age_by_round_end(birth_date: dt.date, round_end: dt.date | None, limit: int) -> str | None:
    """The reason a child under ``limit`` on the check date is still not eligible: ``limit`` years old on or before
    ``round_end``, the last day of the programme round the plan starts in (the methodology: the child does not come
    of age during the pilot, D110); None when the child is under ``limit`` then or the round is not known."""
    if round_end is None or age_in_years(birth_date, round_end) < limit:
        return None
    return (f"bērnam līdz kārtas pēdējai dienai {lv_date(round_end)} aprit {limit} gadi; IB "
            f"pienākas tikai bērnam, kuram kārtas pēdējā dienā vēl nav {limit} gadu")


def provisional_rate(age: int, special_care: bool, params: Params) -> Decimal:
    """The rate of the base: full up to ``full_rate_max_age`` (8) completed years, and for older
    children with the VDEĀVK special-care opinion; reduced (0.70) for the others (D1, L1071–L1072).

    An age below 0 or at or above ``eligibility_age_limit`` (18) raises NotEligible.
    """
    if age < 0:
        raise NotEligible("bērna dzimšanas datums ir pēc pārbaudes datuma; gaidīts: ne vēlāk kā pārskata perioda sākumā")
    if age >= params.eligibility_age_limit:
        raise NotEligible(
            f"bērnam pārskata perioda sākumā ir {age} gadi; IB pienākas tikai līdz "
            f"{params.eligibility_age_limit - 1} gadu vecumam (ieskaitot)"
        )
    if age <= params.full_rate_max_age or special_care:
        return params.rate_full
    return params.rate_reduced


def provisional_amount(
    birth_date: dt.date,
    check_date: dt.date,
    special_care: bool,
    params: Params,
    base: object | None = None,
) -> Provisional:
    """P = ROUND(rate × B, 2), where the age is taken in completed years on ``check_date``, the
    first day of the plan's reporting period (rounds.eligibility_date; D1, D21, L1074–L1076), and
    B is ``base`` or else the programme's ``base_amount`` (D1).

    A child aged 18 or more on that day, or born after it, raises NotEligible with a Latvian message.
    """
    if not isinstance(birth_date, dt.date) or not isinstance(check_date, dt.date):
        raise ReferenceInputError("dzimšanas datums un pārbaudes datums jānorāda kā datumi (DD.MM.GGGG)")
    amount_base = params.base_amount if base is None else to_decimal(base)
    if amount_base < 0:
        raise ReferenceInputError(f"bāzes apmērs B ir negatīvs ({amount_base}; gaidīts: ≥ 0)")
    age = age_in_years(birth_date, check_date)
    try:
        rate = provisional_rate(age, special_care, params)
    except NotEligible as exc:
        raise NotEligible(f"{exc} (dzimšanas datums {lv_date(birth_date)}, pārbaudes datums {lv_date(check_date)})") from exc
    return Provisional(age=age, rate=rate, base=amount_base, amount=cents(rate * amount_base))


def base_per_child(envelope: object, children: int) -> Decimal:
    """Base helper B1 (ib-calculation.md §2.5): B = ROUND(envelope ÷ number of children, 2)."""
    if children <= 0:
        raise ReferenceInputError("bērnu skaitam jābūt vismaz 1")
    return cents(to_decimal(envelope) / children)


def base_full_allocation(envelope: object, rates: Sequence[Decimal]) -> Decimal:
    """Base helper B2 (ib-calculation.md §2.5): B = ROUND(envelope ÷ Σ rates, 2), so the envelope
    is (up to cents) fully allocated as provisional amounts."""
    total = sum((to_decimal(r) for r in rates), Decimal(0))
    if total <= 0:
        raise ReferenceInputError("likmju summai jābūt pozitīvai")
    return cents(to_decimal(envelope) / total)
