"""Everything the IBM matrix workbook shows for one child, under its defined names
(shared/spec/workbook-interface.md). The workbook's formulas mirror these definitions and the
tests compare every output name with ``WorkbookResult.named_values()`` to the cent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from generator.lvformat import date as lv_date
from generator.lvformat import eur
from generator.money import cents, to_decimal
from generator.reference.date_serials import DateSerials, check_date_serials
from generator.reference.errors import NotEligible, ReferenceInputError
from generator.reference.findings import Finding, Severity, count
from generator.reference.inputs import (
    Parties,
    PlanRound,
    above_max,
    above_max_text,
    check_cents,
    check_execution_max,
    check_parties,
    check_units_max,
    check_whole_units,
    shown_amount,
    subcent,
)
from generator.reference.lines import PlanLine
from generator.reference.monthly import Execution, check_months, execution, monthly_amounts
from generator.reference.paid_totals import paid_total
from generator.reference.params import Params
from generator.reference.plan import PlanResult, evaluate_plan
from generator.reference.plan_changes import PlanChange, first_change
from generator.reference.provisional import age_in_years, of_age_by_round_end, provisional_amount
from generator.reference.rounds import (
    OutsideReportingPeriod,
    PastReportingPeriod,
    last_end_before,
    period_holding,
    plan_end,
    reporting_period,
)
from generator.reference.rules import CEILING_CODES, check_plan, invalid_execution, invalid_planned

ZERO = Decimal(0)

# The template a matrix was filled into, as the reader found it (generator/ministry/templates.py): one the current
# catalogue and code make (its default prices day or another one, D63), an older registered or kept one, or one
# the toolkit does not know.
CURRENT, OLDER, UNKNOWN = "current", "older", "unknown"
# The command that carries a filled matrix onto the current template with the prices of the plan's first day (D63),
# in the form README and `ibm migrate --help` give it.
MIGRATE_COMMAND = "„ibm migrate VECA.xlsx --out JAUNA.xlsx”"


@dataclass(frozen=True)
class WorkbookInputs:
    """The workbook's input names: 6.1 (child, period), 6.11 base B, 6.4 F and other sources,
    6.3/6.6/6.8/6.10 as plan lines (in row order; empty rows may be included)."""

    birth_date: dt.date  # Berns_DzimsanasDatums
    period_start: dt.date  # Perioda_Sakums
    months: int  # Perioda_Menesi
    special_care: bool  # Ipasas_Kopsanas_Atzinums
    impairment: str | None  # Berns_Traucejums
    lines: tuple[PlanLine, ...]
    base: Decimal | None = None  # Bazes_Apmers (None: the catalogue's base_amount)
    final: Decimal | None = None  # IB_Galigais (None: not set yet)
    benefits: Decimal = ZERO  # Fin_Pabalsti
    services: Decimal = ZERO  # Fin_Pakalpojumi
    other: Decimal = ZERO  # Fin_Citi
    transport_override: str | None = None
    # 6.1's names and municipality (D88); None: the caller does not model them (nothing is checked)
    parties: Parties | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        for attr in ("benefits", "services", "other"):
            object.__setattr__(self, attr, to_decimal(getattr(self, attr)))
        for attr in ("base", "final"):
            if getattr(self, attr) is not None:
                object.__setattr__(self, attr, to_decimal(getattr(self, attr)))


@dataclass(frozen=True)
class WorkbookResult:
    """The workbook's output names for one child.

    Per-line lists follow the input rows; a row that is not counted (no item, or units ≤ 0) has
    None (an empty cell) in ``line_cost``, ``line_priority``, ``line_ib`` and ``monthly_amounts``;
    ``line_price`` is None only for a row without an item. A child who is not eligible has
    ``rate`` = 0 and ``provisional`` = 0 and one ``not_eligible`` error: born after the check date,
    18 on it, or 18 on or before the last day of the round that holds the plan's first day (D110).

    ``check_date`` (Parbaudes_Datums) is the first day of the reporting period that holds the plan's
    first day (D1, D21); ``age`` is taken on it. A plan that starts outside every reporting period
    has no check date (None), its age is taken on the plan's first day, P = 0 and one
    ``outside_reporting_period`` error; a plan whose months run past its period's end keeps the
    check date and P and gets one ``past_reporting_period`` error.

    A plan is priced with the prices and parameters in force on ``params.day`` (the matrix's
    Parametru_Datums); a plan inside a reporting period whose first day is before that day, or that uses a price
    or parameter the catalogue changes on a day up to its last day (plan_change), gets one ``prices_not_in_force``
    error (D61).
    """

    check_date: dt.date | None
    age: int
    rate: Decimal
    provisional: Decimal
    needed: Decimal
    available: Decimal
    total: Decimal
    transport_share: Decimal
    line_price: tuple[Decimal | None, ...]
    line_cost: tuple[Decimal | None, ...]
    line_priority: tuple[int | None, ...]
    line_ib: tuple[Decimal | None, ...]
    monthly_amounts: tuple[tuple[Decimal | None, ...] | None, ...]
    # 6.10's Fakt_Kopa: ROUND(Σ payments, 2) (paid_totals.paid_total; a line without a service or units counted too,
    # D372), None where the matrix prints „nederīgs” (an invalid payment of any line, or a void line's payments, D367:
    # ``paid_invalid``): never a sum of more decimals than cents (D331)
    paid_total: Decimal | None
    errors: int
    warnings: int
    findings: tuple[Finding, ...]
    plan: PlanResult = field(repr=False)
    execution: Execution = field(repr=False)
    # a line's payment is an invalid input the reference sees (rules.invalid_execution), or a void line has
    # payments (void_paid, D367): the matrix prints „nederīgs” for its period's paid total, Fakt_Kopa (D304), and
    # ``paid_total`` is None
    paid_invalid: bool = False
    # D347: the amounts the matrix leaves blank because an input they rest on is an invalid input the reference sees
    # (blank_amounts): their names; ``provisional`` etc. keep the figures computed from the typed value
    blank: frozenset[str] = frozenset()
    # D366: how many plan lines are void (void_lines: units or price an invalid input the reference sees), left out of
    # N; the matrix's 6.4 h_NederigasRindas, by which 6.4 notes N and the signed 6.5 blanks N, A, K and what rests on them
    void_count: int = 0

    def named_values(self) -> dict[str, object]:
        """Output values keyed by the workbook's defined names (None where the matrix shows a blank, ``blank``)."""
        def shown(name: str, value: object) -> object:
            if name not in self.blank:
                return value
            return tuple(None for _ in value) if isinstance(value, tuple) else None

        return {
            "Parbaudes_Datums": self.check_date,
            "Vecums": self.age,
            "Provizoriska_Likme": self.rate,
            "IB_Provizoriskais": shown("IB_Provizoriskais", self.provisional),
            "IB_Nepieciesamais": self.needed,
            "IB_Pieejamais": shown("IB_Pieejamais", self.available),
            "IB_Kopejais": shown("IB_Kopejais", self.total),
            "Transporta_Dala": shown("Transporta_Dala", self.transport_share),
            "Plans_Cena": self.line_price,
            "Plans_Summa": self.line_cost,
            "Plans_Prioritate": self.line_priority,
            "Plans_NoIB": shown("Plans_NoIB", self.line_ib),
            "Men_Summa": self.monthly_amounts,
            "Fakt_Kopa": self.paid_total,
            "Kludas": self.errors,
            "Bridinajumi": self.warnings,
            "h_NederigasRindas": self.void_count,
        }


def evaluate_workbook(inputs: WorkbookInputs, params: Params, template: str = CURRENT, *,
                      round_prices: bool = False) -> WorkbookResult:
    """Compute every output of the workbook for one child: the check date and P (D1, D21), N,
    priorities, A, line funding, K (D3–D6), 6.7 and 6.10 totals (D13, D14) and the rule findings
    with their counts (D9–D13). ``template``: which template the inputs were filled into (CURRENT, OLDER or
    UNKNOWN), for the advice of a ``prices_not_in_force`` error (prices_advice). B, F or another source above the
    plausible highest (Params.amount_max, D340) is refused as a negative one is (ReferenceInputError: no amount).
    ``round_prices``: ``params`` are the prices of the round that holds the plan's first day, or a stand-in's where none
    does (the calculator, D61); a plan outside every round then has no ceiling that applies to it and gets no check of
    its prices against one (rules.CEILING_CODES, D358, D383) – the matrix checks against its own 6.8 whatever the
    plan's day (False)."""
    check_months(inputs.months, params.period_months_max)
    check_amounts_max(inputs, params)
    findings: list[Finding] = []
    check_date: dt.date | None
    try:
        check_date = reporting_period(params.reporting_periods, inputs.period_start, inputs.months).start
    except OutsideReportingPeriod as exc:
        check_date = None
        findings.append(Finding("outside_reporting_period", Severity.error, f"IB nevar aprēķināt: {exc}."))
    except PastReportingPeriod as exc:
        check_date = _holding(params, inputs.period_start)
        findings.append(Finding("past_reporting_period", Severity.error, f"Plāna periods ir par garu: {exc}."))
    if check_date is not None:
        items, transport = plan_uses(inputs.lines)
        findings.extend(check_prices_in_force(inputs.period_start, inputs.months, params, template, items, transport))
    base_invalid, final_invalid, sources_invalid = invalid_amounts(inputs, params)
    if check_date is None:
        age, rate, p_amount = age_in_years(inputs.birth_date, inputs.period_start), ZERO, ZERO
    else:
        try:
            prov = provisional_amount(inputs.birth_date, check_date, inputs.special_care, params, inputs.base)
            age, rate, p_amount = prov.age, prov.rate, prov.amount
            held = period_holding(params.reporting_periods, inputs.period_start)
            why = of_age_by_round_end(inputs.birth_date, held.round_end if held else None,
                                      params.eligibility_age_limit)
            if why is not None:  # the same outcome as a child already of age on the check date (D110)
                raise NotEligible(why)
        except NotEligible as exc:
            age, rate, p_amount = age_in_years(inputs.birth_date, check_date), ZERO, ZERO
            findings.append(Finding("not_eligible", Severity.error, f"Bērns nav tiesīgs saņemt IB: {exc}"))
    void = void_lines(inputs.lines, params)
    lines = as_counted(inputs, params, void)
    plan = evaluate_plan(
        lines,
        p_amount,
        params,
        final=inputs.final,
        benefits=inputs.benefits,
        services=inputs.services,
        other=inputs.other,
    )
    findings.extend(check_input_values(inputs, params.municipalities, params.whole_units, params.date_serials,
                                       plan_round(params, inputs.period_start), params.price_max, params.amount_max))
    # D347: P is a blank in the matrix while B is invalid, A while P is or F applies and is invalid; the rules that
    # read them see 0 there (the matrix's N() of a blank): no line is above P, no transport share above its limit
    a_blank = base_invalid or (final_invalid and plan.needed > p_amount)
    rules_p, rules_a = (ZERO if base_invalid else p_amount), (ZERO if a_blank else plan.available)
    # a sub-cent F or B, or one that is a day's serial (D286), is one invalid input in the matrix, whatever N is; and
    # F above N waits for P (D356): while P is a blank, whether F applies (N > P) is unknown, so nothing is counted
    if not final_invalid and not base_invalid:
        findings.extend(check_final(inputs.final, plan.needed, rules_p))
    # D386: a source that is a day's serial (D286) is its error only (one above the highest is refused before, D340)
    findings.extend(check_sources(inputs, plan.needed, invalid=lambda amount: _serial(params, amount)))
    if not _serial(params, inputs.base):
        findings.extend(check_base(inputs.base, params.base_amount, confirmed=params.base_confirmed))
    # D378: the transport share waits while a plan line is void (D366): N, A and the share then leave that line out,
    # so a share above the limit may be the smaller plan's only – the invalid input is the one error (the matrix's
    # h_TranspParsniegts reads h_NederigasRindas); check_plan reads A for the transport share only, so 0 counts nothing
    transport_a = ZERO if void else rules_a
    findings.extend(
        check_plan(
            lines,
            params,
            period_start=inputs.period_start,
            months=inputs.months,
            available=transport_a,
            impairment=inputs.impairment,
            transport_override=inputs.transport_override,
            provisional=rules_p,
        )
    )
    if round_prices and check_date is None:  # outside every round (D383): its refusal, no stand-in round's ceilings
        findings = [f for f in findings if f.code not in CEILING_CODES]
    # the matrix sums 6.10's plan columns over its active lines only (D332), its payments over every line that is not
    # void: a line without a service or units has the error ignored_line_data, but its payments are money paid (D372)
    exe = execution(lines, inputs.months)
    invalid = invalid_planned(lines, params.whole_units, params.date_serials, params.amount_max)  # 6.7 shows no amount of an invalid planned month (D298)
    # an invalid payment of any line, counted or not: its paid sum on 6.10, its month's total and so Fakt_Kopa print
    # „nederīgs” (D304, D372)
    paid_invalid = any(attr == "paid"
                       for attr, _, _ in invalid_execution(inputs.lines, params.whole_units, params.date_serials,
                                                           params.amount_max))
    # D367: a void line's payments (D332) are money paid, a fact: while it has any, the paid total is unknown
    # („nederīgs”), not a total without them
    paid_invalid = paid_invalid or void_paid(inputs.lines, inputs.months, params, void)
    return WorkbookResult(
        check_date=check_date,
        age=age,
        rate=rate,
        provisional=p_amount,
        needed=plan.needed,
        available=plan.available,
        total=plan.total,
        transport_share=plan.transport_share,
        line_price=tuple(line.unit_price if line.offer_id and not _price_invalid(line, params) else None
                         for line in inputs.lines),  # 6.4 shows an invalid price as „nederīgs” (D332)
        line_cost=tuple(lp.cost if line.counted else None for lp, line in zip(plan.lines, lines, strict=True)),
        line_priority=tuple(lp.priority.position if lp.priority else None for lp in plan.lines),
        line_ib=tuple(lp.ib if line.counted else None for lp, line in zip(plan.lines, lines, strict=True)),
        monthly_amounts=tuple(
            _months_shown(monthly_amounts(line, inputs.months), i, invalid) if line.counted else None
            for i, line in enumerate(lines)
        ),
        paid_total=None if paid_invalid else paid_total(exe),
        errors=count(findings, Severity.error),
        warnings=count(findings, Severity.warning),
        findings=tuple(findings),
        plan=plan,
        execution=exe,
        paid_invalid=paid_invalid,
        blank=blank_amounts(base_invalid, a_blank, sources_invalid),
        void_count=len(void),
    )


def invalid_amounts(inputs: WorkbookInputs, params: Params) -> tuple[bool, bool, bool]:
    """Whether B, F and any other source is an invalid input the reference can see: money not in whole cents (D87) or
    a day's serial (D286). A negative one or one above the plausible highest is refused before (no amount, D340)."""
    def invalid(amount: Decimal | None) -> bool:
        return amount is not None and (subcent(amount) or _serial(params, amount))

    return (invalid(inputs.base), invalid(inputs.final),
            any(invalid(a) for a in (inputs.benefits, inputs.services, inputs.other)))


def blank_amounts(base_invalid: bool, a_blank: bool, sources_invalid: bool) -> frozenset[str]:
    """D347: the names of the amounts the matrix leaves blank: P while B is invalid; A, the lines' IB shares, the
    transport share and K while A is (``a_blank``: B invalid, or F invalid where it applies, N > P); K while an other
    source is invalid."""
    names = {"IB_Provizoriskais"} if base_invalid else set()
    if a_blank:
        names |= {"IB_Pieejamais", "Plans_NoIB", "Transporta_Dala", "IB_Kopejais"}
    if sources_invalid:
        names.add("IB_Kopejais")
    return frozenset(names)


def with_final(inputs: WorkbookInputs, result: WorkbookResult, params: Params,
               final: Decimal | None) -> WorkbookResult:
    """``result`` as the matrix shows it once its F (IB_Galigais) is ``final``, the F the ministry sets in stage 3
    (D174): A, the plan lines' "No IB", K and the transport share are computed again with it (A = F only where
    N > P, D5); P, N, the months, the findings and their counts stay those of the matrix as filled in."""
    if final == inputs.final or result.needed <= result.provisional:
        return result  # A does not depend on F: the same result
    plan = evaluate_plan(inputs.lines, result.provisional, params, final=final, benefits=inputs.benefits,
                         services=inputs.services, other=inputs.other)
    line_ib = tuple(lp.ib if line.counted else None for lp, line in zip(plan.lines, inputs.lines, strict=True))
    return replace(result, available=plan.available, total=plan.total, transport_share=plan.transport_share,
                   line_ib=line_ib, plan=plan if result.plan is not None else None)


def _months_shown(amounts: tuple[Decimal, ...], i: int, invalid: frozenset[tuple[int, int]],
                  ) -> tuple[Decimal | None, ...]:
    """Line ``i``'s 6.7 amounts as the matrix shows them: None (the matrix prints „nederīgs”) for a month whose planned
    units are an invalid input (rules.invalid_planned, D298)."""
    return tuple(None if (i, m) in invalid else amount for m, amount in enumerate(amounts, start=1))


def as_counted(inputs: WorkbookInputs, params: Params, void: frozenset[int] | None = None) -> tuple[PlanLine, ...]:
    """The plan lines as the matrix's amounts and rules see them (D332): a line whose period units or 6.8 price is an
    invalid input is emptied (void_lines; ``void``: those lines when the caller has them)."""
    void = void_lines(inputs.lines, params) if void is None else void
    return tuple(_emptied(line) if i in void else line for i, line in enumerate(inputs.lines))


def _price_invalid(line: PlanLine, params: Params) -> bool:
    price = line.unit_price
    return price is not None and (_serial(params, price) or subcent(price) or price < 0
                                  or above_max(price, params.price_max))


def void_lines(lines: Sequence[PlanLine], params: Params) -> frozenset[int]:
    """The plan lines whose period units or 6.8 price is an invalid input the reference can see (D332, as the matrix's
    h_Daudzums and h_Aktiva): a day's serial (D286), a fraction of a unit counted whole (D256), units above the
    plausible highest (Params.amount_max, D377), a price not in whole cents (D87), below zero or above the plausible
    highest (D340). The matrix shows no sum, priority or IB share for such a line, leaves it out of N and
    counts none of its rules again: the invalid input is its one error. A price above the plausible highest
    (Params.price_max, D340) is one too."""
    whole = params.whole_units or {}
    return frozenset(
        i for i, line in enumerate(lines) if line.offer_id and (
            _serial(params, line.units) or line.units < 0 or above_max(line.units, params.amount_max)
            or (line.unit in whole and line.units != line.units.to_integral_value())
            or _price_invalid(line, params)))


def void_paid(lines: Sequence[PlanLine], months: int, params: Params, void: frozenset[int] | None = None) -> bool:
    """D367: some void line (void_lines, or ``void`` when the caller has them) has payments in the period's months –
    their sum in cents not 0, as the matrix's h_Samaksats reads them: 6.10 prints „nederīgs” for its paid sum and for
    Fakt_Kopa."""
    void = void_lines(lines, params) if void is None else void
    return any(cents(sum((lines[i].month_value("paid", m) for m in range(1, months + 1)), Decimal(0))) != 0
               for i in void)


def _emptied(line: PlanLine) -> PlanLine:
    """``line`` as the matrix's amounts and rules see it when its units or price is invalid: no service, no units,
    no month values (its 6.6/6.10 cells are its own inputs, counted by their own checks)."""
    def zeros(values: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
        return tuple(Decimal(0) for _ in values)

    return replace(line, offer_id=None, units=Decimal(0), planned_units=zeros(line.planned_units),
                   delivered_units=zeros(line.delivered_units), paid=zeros(line.paid))


def _serial(params: Params, value: Decimal | None) -> bool:
    """Whether ``value`` is a day's serial of ``params.date_serials`` (D286): the matrix's code of that input."""
    return params.date_serials is not None and params.date_serials.day(value) is not None


def plan_round(params: Params, start: dt.date) -> PlanRound | None:
    """The round of the plan's first day (D113) with its municipalities (Params.rounds); None without one."""
    held = period_holding(params.reporting_periods, start)
    members = params.rounds.get(held.round_id) if held is not None else None
    return PlanRound(members.name, members.municipalities, start) if members is not None else None


def amount_labels(inputs: WorkbookInputs) -> dict[str, Decimal | None]:
    """B, F and the other sources by the label their messages give them (with their tables)."""
    return {"bāzes apmēram B (6.11. tabulā)": inputs.base, "IB galīgajam apmēram F (6.4. tabulā)": inputs.final,
            "pabalstu summai (6.4. tabulā)": inputs.benefits,
            "valsts un pašvaldību pakalpojumu summai (6.4. tabulā)": inputs.services,
            "citu finanšu avotu summai (6.4. tabulā)": inputs.other}


def check_amounts_max(inputs: WorkbookInputs, params: Params) -> None:
    """D340: B, F or another source above Params.amount_max (a pasted 1e12, 31000000 for 3100) is an invalid input from
    which no amount is computed, as a negative one: ReferenceInputError in the matrix's words. A day's serial is not
    said so (D286: the matrix counts it as a date, check_date_serials)."""
    for label, amount in amount_labels(inputs).items():
        if above_max(amount, params.amount_max) and not _serial(params, amount):
            assert amount is not None and params.amount_max is not None
            raise ReferenceInputError(f"{label[0].upper()}{label[1:]} {above_max_text(params.amount_max)}, "
                                      f"ievadīts {shown_amount(amount)} EUR")


def check_input_values(inputs: WorkbookInputs, municipalities: Sequence[str] | None = None,
                       whole_units: Mapping[str, str] | None = None,
                       date_serials: DateSerials | None = None, round_: PlanRound | None = None,
                       price_max: Decimal | None = None, amount_max: Decimal | None = None) -> list[Finding]:
    """The inputs the matrix counts as invalid that typed values can still get wrong: money not in whole cents (D87),
    a day's serial in a number input (``date_serials``, Params.date_serials: D286), a fraction of a unit counted
    whole (``whole_units``, Params.whole_units: D256) and, when ``inputs.parties`` is
    given, a municipality not in ``municipalities`` or not in ``round_``, the round of the plan's first day (D104,
    D113) and, once the plan has a service, an empty field a
    contract needs (D88). A rank has no upper bound (D154): a gap or a rank above the number of lines it orders only
    puts its line after the others. A 6.8 price above ``price_max`` is an invalid input too (D340), and so is a 6.10
    month's delivered units or payment above ``amount_max`` (D365), and so are a plan line's period units and a month's
    planned units above it (D377)."""
    amounts = amount_labels(inputs)

    def serial(value: Decimal) -> bool:
        return date_serials is not None and date_serials.day(value) is not None

    found = check_cents(inputs.lines, amounts, inputs.months, price_max, serial, amount_max)
    found.extend(check_date_serials(inputs.lines, amounts, date_serials, inputs.months))
    found.extend(check_whole_units(inputs.lines, whole_units or {}, months=inputs.months, units_max=amount_max))
    found.extend(check_units_max(inputs.lines, amount_max, serial, inputs.months))  # D377
    found.extend(check_execution_max(inputs.lines, amount_max, serial, inputs.months))  # D365
    if inputs.parties is not None:
        found.extend(check_parties(inputs.parties, inputs.lines, municipalities, round_))
    return found


FINAL_CELL = "6.4. tabulas šūna E59 („IB galīgais apmērs F”)"  # IB_Galigais: a test checks it against the template


def check_final(final: Decimal | None, needed: Decimal, provisional: Decimal, place: str = FINAL_CELL) -> list[Finding]:
    """One ``final_above_needed`` error when the ministry's final amount F, which applies where N > P, is above
    N: LM shares the fund to a child up to its N, so F never exceeds N (D7, L1079); A would grant more than
    the plan costs. F typed while N ≤ P is not applied (A = N) and is not checked. ``place``: where F is typed, the
    message's first words (the matrix's cell; the calculator's field)."""
    if final is None or needed <= provisional or final <= needed:
        return []
    return [Finding("final_above_needed", Severity.error,
                    f"{place}: F {eur(final)} pārsniedz nepieciešamo apmēru N {eur(needed)}; LM nosaka F ne "
                    "lielāku par N – pārbaudiet ievadīto F vai plānu.")]


# The other funding sources (Fin_Pabalsti, Fin_Pakalpojumi, Fin_Citi): a test checks the cells against the template.
SOURCE_CELLS = (
    ("benefits", "6.4. tabulas šūna E63 („Valsts un pašvaldību pabalsti”)", "pabalstu summa"),
    ("services", "6.4. tabulas šūna E64 („Valsts un pašvaldību nodrošināti vai finansēti pakalpojumi”)",
     "valsts un pašvaldību pakalpojumu summa"),
    ("other", "6.4. tabulas šūna E65 („Citi finanšu avoti”)", "citu finanšu avotu summa"),
)


def check_sources(inputs: WorkbookInputs, needed: Decimal, places: Mapping[str, str] | None = None,
                  invalid: Callable[[Decimal], bool] | None = None) -> list[Finding]:
    """One ``source_above_needed`` warning for each other funding source above the plan's cost N (D154): K takes a
    source only up to N, so a larger amount makes the plan fully funded whatever it is, and a pasted figure should be
    looked at. Not an error: the methodology's own example (annex 10, 2.4: 900 EUR of services the child already
    receives against N = 500 EUR) has one. A sub-cent amount is already an invalid input, so it is not checked.
    ``places``: where each source is typed by its field (``benefits`` …), the message's first words (default: the
    matrix's cells of SOURCE_CELLS; the calculator names its fields). ``invalid``: whether an amount is an invalid
    input otherwise (a day's serial, D286): its error is the one finding, and the warning waits until it is corrected
    (D386), as the matrix's rule waits while the source's check code is above 0."""
    found = []
    for attr, cell, label in SOURCE_CELLS:
        amount = getattr(inputs, attr)
        if amount > needed and not subcent(amount) and not (invalid and invalid(amount)):
            found.append(Finding("source_above_needed", Severity.warning,
                                 f"{(places or {}).get(attr, cell)}: {label} {eur(amount)} pārsniedz plāna izmaksas – IB nepieciešamo apmēru "
                                 f"N {eur(needed)}; kopējā apmērā K no tās izmanto tikai N – pārbaudiet, vai summa "
                                 "ievadīta pareizi."))
    return found


BASE_CELL = "6.11. tabulas šūna B21 („Bāzes apmērs šai matricai (B)”)"  # Bazes_Apmers: a test checks it against the template


def base_differs_text(base: Decimal, catalogue_base: Decimal) -> str:
    """The words of the ``base_differs`` warning (D257), the matrix's beside B on 6.11 too (technical.py). A B equal to
    the catalogue's is warned of only while that one is unconfirmed (check_base): the words say so."""
    if base == 0:
        return (f"bāzes apmērs B ir {eur(base)}, tāpēc provizoriskais apmērs P ir 0 – pārbaudiet, vai B ievadīts "
                f"pareizi (kataloga B {eur(catalogue_base)})")
    if base == catalogue_base:  # audit33b F2: the catalogue's reconstruction copied into B is not LM's B yet
        # short enough for the one printed line beside B on 6.11 (the first page across, A:F)
        return (f"bāzes apmērs B {eur(base)} ir tāds pats kā kataloga neapstiprinātais B (jāprecizē) – pārbaudiet, "
                "vai tas ir LM apstiprinātais B")
    # B is the one LM approves (D72); the catalogue's may be a reconstruction still to be confirmed (audit32c F1)
    return (f"bāzes apmērs B {eur(base)} atšķiras no kataloga B {eur(catalogue_base)} – pārbaudiet, vai ievadīts LM "
            "apstiprinātais B (pareizs B var atšķirties no kataloga)")


def check_base(base: Decimal | None, catalogue_base: Decimal, place: str = BASE_CELL,
               confirmed: bool = True) -> list[Finding]:
    """One ``base_differs`` warning when a typed B is 0 or differs from the catalogue's B for the matrix's prices day
    (D257, audit31d F5: 0, 385,98 or 385980 passed silently, P and A with them), or equals it while the catalogue's B
    is not ``confirmed`` (audit33b F2: the reconstruction copied into B then read as LM's B in the decision). Not an
    error: B is the one LM approves (D72) and may differ from the catalogue's, or be the same figure. An empty B is
    the catalogue's own (the papers then say it is provisional), a sub-cent B already an invalid input."""
    if base is None or base < 0 or subcent(base) or (base != 0 and base == catalogue_base and confirmed):
        return []
    return [Finding("base_differs", Severity.warning, f"{place}: {base_differs_text(base, catalogue_base)}.")]


PRICES_ADVICE = "izmantojiet matricu, kas izdota tam periodam"


def prices_advice(day: dt.date, template: str = CURRENT) -> str:
    """How to get a matrix whose prices hold from ``day`` (D63). A matrix of the current template: `ibm matrix --day`,
    or ask whoever issues them – the same template, only another prices day. A matrix of an older (registered) or
    unknown template: `ibm migrate` first, which carries everything typed onto the current template with the
    prices of that day; a new empty matrix would mean typing it all again."""
    issued = f"{PRICES_ADVICE} (ibm matrix --day {lv_date(day)} vai to izsniedz ministrija)"
    if template == CURRENT:
        return issued
    which = "vecākā" if template == OLDER else "nezināmā"
    return (f"pārnesiet matricu (tā aizpildīta {which} veidnē) ar komandu {MIGRATE_COMMAND}, kas visu ievadīto "
            f"pārnes uz pašreizējo veidni ar {lv_date(day)} spēkā esošajām cenām, vai {issued}")


def plan_change(params: Params, items: Iterable[str] | None = None, transport: bool = True) -> PlanChange | None:
    """The earliest change after the matrix's prices day that a plan of ``items`` (6.8 items; None: every item) uses
    (D61): a parameter of every plan, the transport limit when the plan has ``transport`` and the limit binds the
    round (D287), an item's price. A Params without its list (an older template's own 6.11): every plan uses
    the one change on the day after ``prices_until``."""
    if params.plan_changes is None:
        if params.prices_until is None:
            return None
        return PlanChange(params.prices_until + _DAY, "cenas vai parametri")
    return first_change(params.plan_changes, items, transport and params.transport_limit_applies)


def plan_uses(lines: Sequence[PlanLine]) -> tuple[frozenset[str], bool]:
    """The 6.8 items a plan's lines use (an item and units, as the matrix's h_Aktiva) and whether one is transport."""
    used = [line for line in lines if line.counted]
    return frozenset(str(line.offer_id) for line in used), any(line.transport for line in used)


def check_prices_in_force(period_start: dt.date, months: int, params: Params,
                          template: str = CURRENT, items: Iterable[str] | None = None,
                          transport: bool = True) -> list[Finding]:
    """One ``prices_not_in_force`` error when the plan period (6.1. tabulas „Perioda pirmā diena” and its months)
    starts before the matrix's prices day (6.11 „Cenas un parametri spēkā uz”) or when something the plan uses –
    the price of one of its ``items`` (6.8 items; None: any), a parameter of every plan, the transport limit if it has
    ``transport`` – changes in the catalogue on a day up to the plan's last day (D61, plan_change). Another item's
    change does not refuse it. The error names what changes and when and the matrix that fits (D63): the one for
    the plan's first day, or – when the change is inside the period – ending before it or starting on it with that
    day's matrix, never the matrix it already has; for a matrix of an older or unknown ``template``, ``ibm
    migrate`` (prices_advice)."""
    end = plan_end(period_start, months)
    if period_start < params.day:
        return [Finding("prices_not_in_force", Severity.error,
                        f"Plāna periods sākas {lv_date(period_start)} (6.1. tabulas „Perioda pirmā diena”), pirms matricas "
                        f"cenas un parametri stājušies spēkā ({lv_date(params.day)}); {prices_advice(period_start, template)}.")]
    change = plan_change(params, items, transport)
    if change is None or end < change.day:
        return []
    if change.corrected:  # the matrix's figure is not the catalogue's for the plan's first day (D336)
        held, now = change.corrected
        return [Finding("prices_not_in_force", Severity.error,
                        f"Plāna periodā ({lv_date(period_start)}–{lv_date(end)}, 6.1. tabulas „Perioda pirmā diena”) "
                        f"šajā matricā ir {change.what} {held}, bet katalogā no {lv_date(change.day)} – {now} "
                        f"(labojums ar dienu, kas nav vēlāka par plāna pirmo dienu, tāpēc matricas vērtība plāna "
                        f"periodā nav spēkā); {prices_advice(period_start, template)}.")]
    if period_start >= change.day:
        return [Finding("prices_not_in_force", Severity.error,
                        f"Plāna periods sākas {lv_date(period_start)} (6.1. tabulas „Perioda pirmā diena”), bet katalogā "
                        f"no {lv_date(change.day)} mainās {change.what} (šīs matricas vērtība ir spēkā līdz "
                        f"{lv_date(change.until)}); {prices_advice(period_start, template)}.")]
    return [Finding("prices_not_in_force", Severity.error,
                    f"Plāna periodā ({lv_date(period_start)}–{lv_date(end)}, 6.1. tabulas „Perioda pirmā diena”) "
                    f"katalogā no {lv_date(change.day)} mainās {change.what} (šīs matricas vērtība ir spēkā līdz "
                    f"{lv_date(change.until)}): {shorten_advice(period_start, change.day)} sāciet to "
                    f"{lv_date(change.day)} un {prices_advice(change.day, template)}.")]


def shorten_advice(period_start: dt.date, change: dt.date) -> str:
    """What a plan starting on ``period_start`` can do besides starting on the ``change`` day (D351): end on the last
    month's end before that day (a period ends on a month's last day, D93), or – when its first month is the
    change's own – nothing: a plan the change reaches cannot start in that month before the change. The text goes
    before „sāciet to …”."""
    shortened = last_end_before(change, period_start)
    if shortened is not None:
        return f"saīsiniet periodu līdz {lv_date(shortened)} vai"
    return (f"periods beidzas mēneša pēdējā dienā, tāpēc plāns, ko šī izmaiņa skar, nevar sākties no "
            f"{lv_date(change.replace(day=1))} līdz {lv_date(change - _DAY)} –")


_DAY = dt.timedelta(days=1)


def _holding(params: Params, day: dt.date) -> dt.date | None:
    period = period_holding(params.reporting_periods, day)
    return None if period is None else period.start
