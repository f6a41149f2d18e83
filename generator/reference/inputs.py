"""Input checks of the reference that the matrix also counts as invalid inputs (6.11 „Ievades šūnā ir nederīga
vērtība”, one per cell): money in whole cents (D87), units counted whole without a fraction (D256) and, once the plan
has a service, the fields a signed annex and a contract name (D88), and a municipality outside the children's
programme rounds or outside the round of the plan's first day (D104, D113). Text where a number belongs cannot reach the reference (its inputs are typed values), so
only these are checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.lvformat import date as lv_date
from generator.lvformat import eur
from generator.lvformat import number as lv_number
from generator.reference.findings import Finding, Severity
from generator.reference.lines import PlanLine

CENT_EXPONENT = -2
CENTS_TEXT = "jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata"
# D340: money above the plausible highest of the catalogue (Params.amount_max for B, F and the other sources,
# Params.price_max for a 6.8 price): a pasted 1e12 or 31000000 for 3100; the matrix says the same with its 6.11 cell
ABOVE_MAX_BEFORE, ABOVE_MAX_AFTER = "jābūt skaitlim līdz ", " (lielāks nav ticams)"
REQUIRED_TEXT = "jābūt aizpildītam, jo plānā ir pakalpojumi"
LIST_TEXT = "jābūt vienai no saraksta vērtībām (burts burtā)"
# D256: a fraction of a unit counted whole (a session, a day and night, a working day) cannot be delivered or paid
WHOLE_TEXT = "jābūt veselam skaitlim"
# D304, D313: a month cell after the plan's last month (6.6, 6.10) must stay empty. Whatever invalid value it holds (a
# text, a date, a day's serial, a negative number, a fraction of a whole unit, a sum with a cent's fraction), the
# matrix's list line ends with this, not with advice to type the value again (one line of 8 pt: no longer than
# date_serials.SERIAL_HINT); the readers say it as ministry.matrix.AFTER_PERIOD_ADVICE
AFTER_PERIOD_HINT = "; pēc perioda: izdzēsiet šūnas saturu"
# the same said of a line's numbers after the period (the rule outside_period, one per line): after its sentence
AFTER_PERIOD_CLEAR = ": šūnām pēc plāna perioda jābūt tukšām – izdzēsiet to saturu"


def after_period_hint(month: int | None, months: int | None) -> str:
    """AFTER_PERIOD_HINT for a value of ``month`` (1-based) after a plan of ``months`` months, else ""."""
    return AFTER_PERIOD_HINT if month is not None and months is not None and month > months else ""
# the matrix's labels of the units it checks (generator/workbook/input_checks.py): 6.3's period units, a month's
# planned (6.6) and delivered (6.10) units, each with its table
UNITS_LABEL, PLANNED_LABEL, DELIVERED_LABEL = "daudzumam periodā", "plānotajām vienībām", "saņemtajām vienībām"
UNITS_TABLE, PLANNED_TABLE, DELIVERED_TABLE = "6.3. tabulā", "6.6. tabulā", "6.10. tabulā"


@dataclass(frozen=True)
class Party:
    """One field a contract needs (D88): its attribute of ``Parties``, the matrix's defined name, where it is
    and its Latvian label in the dative (as the matrix's messages)."""

    attr: str
    name: str
    where: str
    label: str


# The one list of the fields the matrix requires once a plan line has a service, and that `ibm documents
# --from-matrix` needs before it writes a contract (generator/workbook/input_checks.py, documents/from_matrix).
REQUIRED_PARTIES: tuple[Party, ...] = (
    Party("municipality", "Pasvaldiba", "6.1 B5", "pašvaldības kodam"),
    Party("social_worker", "Socialais_Darbinieks", "6.1 B8", "sociālā darbinieka vārdam un uzvārdam"),
    Party("child_name", "Berns_VardsUzvards", "6.1 B13", "bērna vārdam un uzvārdam"),
    Party("child_code", "Berns_PersonasKods", "6.1 B14", "bērna personas kodam"),
    Party("parent_name", "Vecaks_VardsUzvards", "6.1 B27", "vecāka (likumiskā pārstāvja) vārdam un uzvārdam"),
)


@dataclass(frozen=True)
class Parties:
    """The free-text fields of 6.1 a contract needs, as typed (None or blank: empty)."""

    municipality: str | None = None
    social_worker: str | None = None
    child_name: str | None = None
    child_code: str | None = None
    parent_name: str | None = None


# A Latvian personal code: six digits, a hyphen, five digits (6.1's hint „teksts formā 000000-00000”). Typed without
# the hyphen it is the same code: the tools read it in the one written form, with the hyphen, so that a contract and a
# decision print it as the register writes it (and the child's pseudonym, made without the hyphen, is the same).
PERSONAL_CODE = re.compile(r"^([0-9]{6})-?([0-9]{5})$")  # ASCII digits only, as the matrix's check


def written_personal_code(typed: str) -> str | None:
    """The personal code in its written form „010519-20019” (typed with or without the hyphen, spaces around it
    dropped); None when it is not 11 digits in that form."""
    found = PERSONAL_CODE.match(typed.strip())
    return f"{found.group(1)}-{found.group(2)}" if found else None


def has_services(lines: Iterable[PlanLine]) -> bool:
    """True once a plan line has a service chosen (the matrix: COUNTA(Plans_Pakalpojums)>0)."""
    return any(line.offer_id for line in lines)


@dataclass(frozen=True)
class PlanRound:
    """The round of the plan's first day (D113) as the municipality check names it: its name, its municipalities and
    the plan's first day."""

    name: str
    municipalities: tuple[str, ...]
    start: dt.date


# what a municipality outside the plan's round is told (documents' summary counts it by these words)
NOT_IN_ROUND = "nepiedalās programmas kārtā"
CASE_OR_SPACES = "atšķiras ar atstarpi vai burtu lielumu"  # the other list fields' words (ministry.matrix.list_message)


def _members(municipalities: Sequence[str], plan_round: PlanRound | None) -> str:
    """Who takes part: the plan's round and its municipalities, or – with no round of the plan's first day – every
    children's round's."""
    if plan_round is None:
        return f"bērnu programmas kārtās piedalās: {', '.join(municipalities)}"
    return (f"programmas kārtā „{plan_round.name}”, kurā ir plāna pirmā diena {lv_date(plan_round.start)}, "
            f"piedalās: {', '.join(plan_round.municipalities)}")


def municipality_findings(typed: str | None, municipalities: Sequence[str] | None,
                          plan_round: PlanRound | None = None) -> list[Finding]:
    """The one rule of 6.1 B5 (D104, D113), with or without services: a municipality typed must be, letter for letter,
    one of ``municipalities`` (the children's rounds' list, 6.1 B5's choice; None: not checked) –
    ``municipality_not_listed`` – and one of the round of the plan's first day (``plan_round``; None: no such round,
    whose own error says so) – ``municipality_not_in_round``: a municipality outside that round has no agreement with
    the ministry to sign the plan's papers on, and gets no final amount. A value that differs from one of the round's
    only by spaces or letter case says which to type, as the other list fields do."""
    if municipalities is None or typed is None or not typed.strip():
        return []
    party = REQUIRED_PARTIES[0]
    if typed not in municipalities:
        allowed = plan_round.municipalities if plan_round is not None else municipalities
        meant = next((m for m in allowed if m.casefold() == typed.strip().casefold()), None)
        fix = f"{CASE_OR_SPACES} – ierakstiet „{meant}”; " if meant is not None else ""
        return [Finding("municipality_not_listed", Severity.error,
                        f"{party.where}: {party.label} {LIST_TEXT}, ievadīts „{typed}” "
                        f"({fix}{_members(municipalities, plan_round)}).")]
    if plan_round is None or typed in plan_round.municipalities:
        return []
    return [Finding("municipality_not_in_round", Severity.error,
                    f"{party.where}: pašvaldība „{typed}” {NOT_IN_ROUND} „{plan_round.name}”, kurā ir plāna pirmā "
                    f"diena {lv_date(plan_round.start)} (šajā kārtā piedalās: "
                    f"{', '.join(plan_round.municipalities)}): tai nav līguma ar ministriju, uz kura pamata parakstīt "
                    "šā plāna dokumentus un noteikt IB galīgo apmēru.")]


def check_parties(parties: Parties, lines: Iterable[PlanLine],
                  municipalities: Sequence[str] | None = None, plan_round: PlanRound | None = None) -> list[Finding]:
    """One ``required_field`` error per empty field of REQUIRED_PARTIES once the plan has a service (D88): a
    signed annex or contract must say whose plan it is, who signs it and which municipality pays; and the municipality
    rule of 6.1 B5 (municipality_findings), with or without services, as in the matrix."""
    found = municipality_findings(parties.municipality, municipalities, plan_round)
    if not has_services(lines):
        return found
    return found + [Finding("required_field", Severity.error, f"{p.where}: {p.label} {REQUIRED_TEXT}.")
                    for p in REQUIRED_PARTIES if not (getattr(parties, p.attr) or "").strip()]


def whole_units_message(label: str, unit: str, value: str) -> str:
    """The words on a fraction of a whole unit (D256), the matrix's (6.11) and the readers': "daudzumam periodā jābūt
    veselam skaitlim (mērvienība „reize”), ievadīts 29,5"."""
    return f"{label} {WHOLE_TEXT} (mērvienība „{unit}”), ievadīts {value}"


def units_shown(value: Decimal) -> str:
    """Units as the matrix quotes them: no trailing zeros, the Latvian decimal comma, no thousands spaces ("29,5")."""
    return format(value.normalize(), "f").replace(".", ",")


def check_whole_units(lines: Iterable[PlanLine], whole_units: Mapping[str, str],
                      units_place: str = f"{UNITS_LABEL} {UNITS_TABLE}", months: int | None = None,
                      units_max: Decimal | None = None) -> list[Finding]:
    """One ``whole_units`` error per fraction of a unit counted whole (``whole_units``: such units by id with their
    names, Params.whole_units; D256) in a plan line's period units, a month's planned or delivered units: the
    matrix's invalid input of that cell, one per cell, in its words. Only a line with a service has a unit.
    ``units_place``: what and where the period units are ("daudzumam periodā 6.3. tabulā"); the calculator names its
    field alone ("laukā „Vienības periodā”"), whose label already says what it holds. A month after the plan's
    ``months`` ends with AFTER_PERIOD_HINT, as the matrix's list line (D313). A value above ``units_max`` is
    check_execution_max's or check_units_max's error instead (D365, D377: the matrix checks the highest first)."""
    found: list[Finding] = []
    for i, line in enumerate(lines):
        unit = whole_units.get(line.unit) if line.offer_id else None
        if unit is None:
            continue
        name = f"{i + 1}. rinda ({line.label or line.offer_id})"
        cells = [(None, units_place, line.units)]
        cells += [(m, f"{m}. mēneša {PLANNED_LABEL} {PLANNED_TABLE}", v) for m, v in enumerate(line.planned_units, 1)]
        cells += [(m, f"{m}. mēneša {DELIVERED_LABEL} {DELIVERED_TABLE}", v)
                  for m, v in enumerate(line.delivered_units, 1)]
        found += [Finding("whole_units", Severity.error,
                          f"{name}: {whole_units_message(label, unit, units_shown(value))}"
                          f"{after_period_hint(month, months)}.", (i,), month=month)
                  for month, label, value in cells
                  if value != value.to_integral_value() and not above_max(value, units_max)]
    return found


def above_max_text(maximum: Decimal) -> str:
    """„jābūt skaitlim līdz 100 000,00 EUR (lielāks nav ticams)” (D340)."""
    return f"{ABOVE_MAX_BEFORE}{eur(maximum)}{ABOVE_MAX_AFTER}"


def above_max_units_text(maximum: Decimal) -> str:
    """„jābūt skaitlim līdz 100 000 (lielāks nav ticams)”: delivered units above the plausible highest (D365)."""
    return f"{ABOVE_MAX_BEFORE}{lv_number(maximum, 0)}{ABOVE_MAX_AFTER}"


def line_name(i: int, line: PlanLine) -> str:
    """„2. rinda (Logopēds)”; a line without a service by its number alone (rules name only lines with one)."""
    return f"{i + 1}. rinda ({line.label or line.offer_id})" if line.offer_id else f"{i + 1}. rinda"


def check_units_max(lines: Iterable[PlanLine], maximum: Decimal | None,
                    serial: Callable[[Decimal], bool] | None = None, months: int | None = None,
                    units_place: str = f"{UNITS_LABEL} ({UNITS_TABLE})") -> list[Finding]:
    """D377: one error per plan line's period units (6.3) – ``units_above_max``, the line void (D332) – and per
    month's planned units (6.6) – ``planned_above_max`` – above the plausible highest ``maximum`` (Params.amount_max,
    as 6.10's delivered units, D365), as the matrix checks them before a fraction (a pasted 99999999999 reize at
    30 EUR was N 2 999 999 999 970,00 EUR, shown only by D148's warning) – unless the value is a day's serial
    (``serial``, D286), which is that error. ``units_place``: what and where the period units are; the calculator
    names its field. A month after the plan's ``months`` ends with AFTER_PERIOD_HINT (D313)."""
    if maximum is None:
        return []
    found: list[Finding] = []
    text = above_max_units_text(maximum)

    def above(value: Decimal) -> bool:
        return above_max(value, maximum) and not (serial and serial(value))

    for i, line in enumerate(lines):
        if above(line.units):
            found.append(Finding("units_above_max", Severity.error,
                                 f"{line_name(i, line)}: {units_place} "
                                 f"{text}, ievadīts {units_shown(line.units)}.", (i,)))
        for m, value in enumerate(line.planned_units, start=1):
            if above(value):
                found.append(Finding("planned_above_max", Severity.error,
                                     f"{i + 1}. rinda: {m}. mēneša {PLANNED_LABEL} ({PLANNED_TABLE}) {text}, "
                                     f"ievadīts {units_shown(value)}{after_period_hint(m, months)}.", (i,), month=m))
    return found


def check_execution_max(lines: Iterable[PlanLine], maximum: Decimal | None,
                        serial: Callable[[Decimal], bool] | None = None, months: int | None = None) -> list[Finding]:
    """D365: one error per 6.10 month cell above the plausible highest ``maximum`` (Params.amount_max, the B, F and
    other sources' of D340): ``delivered_above_max`` for delivered units, ``paid_above_max`` for a payment, as the
    matrix checks them before a fraction or the cents – unless the value is a day's serial (``serial``, D286), which
    is that error. A month after the plan's ``months`` ends with AFTER_PERIOD_HINT (D313)."""
    if maximum is None:
        return []
    found: list[Finding] = []
    units_text, paid_text = above_max_units_text(maximum), above_max_text(maximum)
    for i, line in enumerate(lines):
        for m, value in enumerate(line.delivered_units, start=1):
            if above_max(value, maximum) and not (serial and serial(value)):
                found.append(Finding("delivered_above_max", Severity.error,
                                     f"{i + 1}. rinda: {m}. mēneša {DELIVERED_LABEL} ({DELIVERED_TABLE}) {units_text}, "
                                     f"ievadīts {shown_amount(value)}{after_period_hint(m, months)}.", (i,), month=m))
        for m, value in enumerate(line.paid, start=1):
            if above_max(value, maximum) and not (serial and serial(value)):
                found.append(Finding("paid_above_max", Severity.error,
                                     f"{i + 1}. rinda: {m}. mēneša maksājumam ({DELIVERED_TABLE}) {paid_text}, ievadīts "
                                     f"{shown_amount(value)} EUR{after_period_hint(m, months)}.", (i,), month=m))
    return found


def above_max(value: Decimal | None, maximum: Decimal | None) -> bool:
    """True for money above its plausible highest (D340); never without one (a test's own Params)."""
    return value is not None and maximum is not None and value > maximum


def _lv(value: Decimal | None) -> str:
    """The amount as typed, with the Latvian decimal comma (42,6712)."""
    return str(value).replace(".", ",")


def subcent(value: Decimal | None) -> bool:
    """True for an amount with more than two decimals (42,6712), which no invoice or contract can carry."""
    return value is not None and value != value.quantize(Decimal(1).scaleb(CENT_EXPONENT))


def shown_amount(value: Decimal) -> str:
    """An amount as typed, every digit written out, with the Latvian decimal comma (1000000000000, 42,6712)."""
    return format(value, "f").replace(".", ",")


def check_cents(lines: Iterable[PlanLine], amounts: dict[str, Decimal | None], months: int | None = None,
                price_max: Decimal | None = None, serial: Callable[[Decimal], bool] | None = None,
                amount_max: Decimal | None = None) -> list[Finding]:
    """One ``money_cents`` error per money input with more than two decimals (D87): each 6.8 price (one per item,
    whichever lines share it), each 6.10 payment (one after the plan's ``months`` ends with AFTER_PERIOD_HINT, D313),
    and ``amounts`` (B, F and the other sources, by label). A 6.8 price above ``price_max`` (D340) is one
    ``money_above_max`` error instead, as the matrix checks it before the cents – unless it is a day's serial
    (``serial``, D286), which is that error."""
    found: list[Finding] = []
    prices: dict[str, Decimal] = {}
    for i, line in enumerate(lines):
        if line.offer_id and line.offer_id not in prices:
            prices[line.offer_id] = line.unit_price
            if above_max(line.unit_price, price_max) and not (serial and serial(line.unit_price)):
                assert price_max is not None
                found.append(Finding("money_above_max", Severity.error,
                                     f"{line.offer_id}: sniedzēja cenai (6.8. tabulā) {above_max_text(price_max)}, "
                                     f"ievadīts {shown_amount(line.unit_price)} EUR.", (i,)))
            elif subcent(line.unit_price):
                found.append(Finding("money_cents", Severity.error,
                                     f"{line.offer_id}: sniedzēja cenai (6.8. tabulā) {CENTS_TEXT}, ievadīts "
                                     f"{_lv(line.unit_price)} EUR.", (i,)))
        for m, paid in enumerate(line.paid, start=1):
            if subcent(paid) and not above_max(paid, amount_max):  # D365: that error instead
                found.append(Finding("money_cents", Severity.error,
                                     f"{i + 1}. rinda: {m}. mēneša maksājumam (6.10. tabulā) {CENTS_TEXT}, ievadīts "
                                     f"{_lv(paid)} EUR{after_period_hint(m, months)}.", (i,), month=m))
    for label, amount in amounts.items():
        if subcent(amount):
            found.append(Finding("money_cents", Severity.error,
                                 f"{label[0].upper()}{label[1:]} {CENTS_TEXT}, ievadīts {_lv(amount)} EUR."))
    return found
