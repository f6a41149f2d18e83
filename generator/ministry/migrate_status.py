"""What `ibm migrate`'s report says of a value whose status alone changed between the old matrix's prices day and
the new one's – B or a 6.8 ceiling at the same number, „apstiprināts” → „jāprecizē” (a withdrawal, D302) or back (a
confirmation, D291). The plan's money stays, so no price or rule change lists it; but the new matrix shows the value
otherwise (B unconfirmed: its warning and blank P, A and K; a ceiling unconfirmed: blanks in the papers), and the
report says why. One rule with the catalogue and `ibm changes` (generator/catalogue/confirmation.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.confirmation import confirms, value_confirms, value_withdraws, withdraws
from generator.catalogue.models import Dated, Money, PriceStatus
from generator.lvformat import agree, eur
from generator.reference.params import ministry_base
from generator.reference.plan_changes import item_row

CONFIRMED, OPEN = PriceStatus.confirmed.value, PriceStatus.to_verify.value


@dataclass(frozen=True)
class StatusChange:
    label: str  # B's name, or the 6.8 item's label and its ceiling
    old: str  # the status word in the old matrix
    new: str  # and in the new one
    in_plan: bool  # B always; a ceiling when the plan uses its item
    base: bool = False
    typed: Decimal | None = None  # B: the ministry's own B the new matrix's 6.11 holds (carried, ministry_base)


@dataclass(frozen=True)
class OldBase:
    """B as the old matrix's 6.11 showed it: the catalogue's B and its status word (Param_Bazes, Param_BazesStatuss),
    and the B typed in 6.11 that the new matrix carries (Bazes_Apmers)."""
    value: Decimal | None
    status: str | None
    typed: Decimal | None


def status_changes(catalogue: Catalogue, old_day: dt.date | None, new_day: dt.date,
                   items: set[str], old_base: OldBase | None = None,
                   old_withdrawn: frozenset[str] = frozenset(), *, new_withdrawn: frozenset[str] = frozenset(),
                   new_base_marked: bool = False, old_base_marked: bool = False) -> list[StatusChange]:
    """B's and each 6.8 ceiling's status change at the same number from the old matrix to the new one (prices day
    ``new_day``). B's old status is what the old matrix's 6.11 showed (``old_base``; a later backdated withdrawal
    does not rewrite it), else the catalogue's on ``old_day`` (its prices day) – „jāprecizē” where the old matrix
    holds the mark of B's withdrawal by the day it was made (``old_base_marked``, D318: a file saved without the
    values of its formulas has no 6.11 status to read, D342); a ceiling's is the catalogue's on
    ``old_day`` – „jāprecizē” where the old matrix's 6.8 row holds the mark of its withdrawal by the day it was made
    (``old_withdrawn``, withdrawn_ceilings.py, D319) –, none when that is unknown or the same. ``items``: the plan's
    6.8 items. The new matrix's status is the catalogue's on ``new_day`` – „jāprecizē” where the new matrix holds the
    mark of a withdrawal by the day it is made (``new_withdrawn``: 6.8 items, ``new_base_marked``: B, D318, D319) –, so
    the same prices day may change status too (D330)."""
    found: list[StatusChange] = []
    base = catalogue.programme.base_amount
    after = _base_at(catalogue, new_day)
    if after is not None and new_base_marked:
        after = after.model_copy(update={"status": PriceStatus.to_verify})
    # the B typed in 6.11 that is the ministry's own (not the catalogue's unconfirmed B copied in, D257)
    typed = (ministry_base(old_base.typed, Decimal(after.value), after.status.value == CONFIRMED)
             if old_base is not None and after is not None else None)
    if old_base is not None and old_base.value is not None and old_base.status in (CONFIRMED, OPEN):
        if (after is not None and Decimal(after.value) == old_base.value and old_base.status != after.status.value):
            found.append(StatusChange(f"{base.name_lv} {eur(Decimal(after.value))}", old_base.status,
                                      after.status.value, True, base=True, typed=typed))
    elif old_day is not None and (old_day != new_day or new_base_marked != old_base_marked):
        before = _base_at(catalogue, old_day)
        if before is not None and old_base_marked:  # the old matrix showed B „jāprecizē” (D318)
            before = before.model_copy(update={"status": PriceStatus.to_verify})
        if before is not None and after is not None and (value_withdraws(before, after)
                                                         or value_confirms(before, after)):
            found.append(StatusChange(f"{base.name_lv} {eur(Decimal(after.value))}", before.status.value,
                                      after.status.value, True, base=True, typed=typed))
    if old_day is None or (old_day == new_day and old_withdrawn == new_withdrawn):
        return found
    old_offers = {o.id: o for o in catalogue.offers(old_day)}
    for offer in catalogue.offers(new_day):
        was = old_offers.get(offer.id)
        if was is None or offer.ceiling is None or was.ceiling_status is None or offer.ceiling_status is None:
            continue
        if offer.id in old_withdrawn:  # the old matrix showed it „jāprecizē” (D319)
            was = replace(was, ceiling_status=PriceStatus.to_verify)
        if offer.id in new_withdrawn:  # the new matrix shows it „jāprecizē” (D319, D330)
            offer = replace(offer, ceiling_status=PriceStatus.to_verify)
        then, now = item_row(was), item_row(offer)
        if withdraws(then, now) or confirms(then, now):
            found.append(StatusChange(f"{offer.label}: griesti {eur(offer.ceiling)}", was.ceiling_status.value,
                                      offer.ceiling_status.value, offer.id in items))
    return found


def _base_at(catalogue: Catalogue, day: dt.date) -> Dated[Money] | None:
    """B's catalogue entry on ``day``; None for a day before its first entry (an old matrix's prices day may be
    any day typed in 6.11: no status to compare then, as _amounts compares no amounts)."""
    try:
        return catalogue.programme.base_amount.at(day)
    except LookupError:
        return None


def status_lines(changes: list[StatusChange]) -> list[str]:
    """The report's lines: B and the plan's ceilings each with its old and new status, and how many other items'
    ceilings changed so."""
    if not changes:
        return []
    shown = [c for c in changes if c.in_plan]
    others = len(changes) - len(shown)
    lines = ["Mainījies tikai statuss ar to pašu vērtību (vecā matrica → jaunā; plāna summas paliek tās pašas, D291, D302):"]
    for c in shown:
        if c.base and c.new == OPEN and c.typed is not None:
            # the ministry's own B typed in 6.11 is carried over: P, A and K and the papers rest on it (D72)
            meaning = (f"jaunajā matricā kataloga B nav apstiprināts, bet 6.11. tabulā ierakstītais Labklājības "
                       f"ministrijas B {eur(c.typed)} paliek spēkā: no tā aprēķina 6.5. tabulas summas, un dokumenti "
                       "to drukā")
        elif c.base:
            meaning = ("jaunajā matricā B nav apstiprināts: 6.5. tabulā no tā atkarīgās summas ir tukšas un "
                       "dokumentos B vietā ir tukša vieta, līdz Labklājības ministrija B atkal apstiprina"
                       if c.new == OPEN else "jaunajā matricā B ir apstiprināts")
        else:
            meaning = ("dokumentos šo griestu vietā ir tukša vieta, līdz tos atkal apstiprina" if c.new == OPEN
                       else "dokumentos tie ir apstiprināti")
        lines.append(f"  {c.label}: „{c.old}” → „{c.new}” ({meaning})")
    if others:
        lines.append(f"  (griestu statuss mainījies vēl {others} "
                     f"{agree(others, 'pozīcijai, kas plānā nav izmantota', 'pozīcijām, kas plānā nav izmantotas')})")
    return lines


def status_amounts_lines(changes: list[StatusChange], same_sums: bool = True) -> list[str]:
    """What B's status change alone (status_lines) does to the amounts section (D334): the reference computes the same
    sums, and the matrix counts no warning for an unconfirmed B (its 6.5 note is no check), so the section's figures
    and counts stay – but the matrix that has B „jāprecizē” prints the sums resting on it as blanks. Said beside the
    counts, so that „bez izmaiņām” and „brīdinājumi: 0 → 0” do not read against the status line. None for a B the
    ministry typed in 6.11 (it stays in force) or for a ceiling (its warning is counted, so the counts show it).
    ``same_sums`` False when a price or parameter changed the sums as well: then not „Summas ir tās pašas”."""
    base = next((c for c in changes if c.base and c.typed is None and c.old != c.new), None)
    if base is None:
        return []
    blank, figures = ("jaunajā", "vecajā") if base.new == OPEN else ("vecajā", "jaunajā")
    lead = f"Summas ir tās pašas, bet {blank}" if same_sums else f"{blank.capitalize()}"  # a price changed too
    return [f"  {lead} matricā B nav apstiprināts (sk. statusa maiņu iepriekš): tur 6.5. "
            f"tabulā no tā atkarīgās summas ir tukšas vietas ar piezīmi, bet {figures} matricā tās ir skaitļi. "
            "Neapstiprinātu B matrica neskaita kā brīdinājumu, tāpēc brīdinājumu skaits tā dēļ nemainās."]
