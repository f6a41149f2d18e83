"""What the site's IB calculator must return for a plan, computed by generator/reference.

The calculator takes the child, the period, the plan lines (item, units, price, ranks), F and the other
sources (an item in euro at actual cost takes its unit's price when none is given, D70); it has no monthly plan or execution (6.6, 6.10), no impairment type, no line recipient and no
transport override. ``calculator_plan`` turns workbook inputs into those inputs (and the matching API
object); ``expected`` evaluates the reference on them and keeps every finding except those of the rules
that need data the calculator does not ask for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.lvformat import date as lv_date
from generator.reference.inputs import CENTS_TEXT, UNITS_LABEL, UNITS_TABLE
from generator.reference.lines import ACTUAL_COST_PRICE, PlanLine, line_from_offer
from generator.reference.params import Params, unconfirmed_base
from generator.reference.plan import financing
from generator.reference.rules import PRICE_PLACE, UNITS_PLACE
from generator.reference.workbook import (
    FINAL_CELL,
    PRICES_ADVICE,
    SOURCE_CELLS,
    WorkbookInputs,
    evaluate_workbook,
    prices_advice,
)
from generator.site.calculator import (
    AMOUNT_FIELD_PLACE,
    FINAL_FIELD,
    PRICE_FIELD_PLACE,
    SOURCE_FIELDS,
    UNITS_FIELD_PLACE,
    adults_day_text,
    children_rounds_words,
    in_calculator_places,
)

# Rules whose input the calculator does not have (they stay in the matrix).
NOT_IN_CALCULATOR = frozenset({
    "day_services", "monthly_units", "outside_period", "delivered_above_plan", "paid_above_delivered",
    "impairment", "recipient", "ignored_line_data",
})
# D286 (a day's serial in a number input) is the spreadsheet's problem: LibreOffice turns „18.5” typed into a matrix
# cell into a date. A calculator field reads „18.5” and „18,5” alike as 18,5 (ibm-kalkulators.js, parseNumber), so a
# whole number there is what was typed: the calculator does not apply D286, and the reference it is proven against
# does not either (calculator_params). Not a NOT_IN_CALCULATOR code: with D286 the reference also leaves F and B
# holding a serial unchecked further, which the calculator does check.


def calculator_params(params: Params) -> Params:
    """``params`` as the calculator's reference applies them: no day serials (D286)."""
    return params.replace(date_serials=None)


# The reference's labels of the money it checks for whole cents (D87) and the calculator's fields for them.
CENTS_FIELDS = {"Bāzes apmēram B": "bazesApmers", "IB galīgajam apmēram F": "galigais", "Pabalstu summai": "pabalsti",
                "Valsts un pašvaldību pakalpojumu summai": "pakalpojumi", "Citu finanšu avotu summai": "citi"}
# The result of a refused input: no amounts (D98)
REFUSED_NONE = ("Vecums", "Provizoriska_Likme", "IB_Provizoriskais", "Bazes_Apmers_Provizorisks", "IB_Nepieciesamais",
                "IB_Pieejamais", "IB_Kopejais", "Transporta_Dala")
SHARE_PLACES = Decimal("1e-12")
# D186: the calculator's advice for a prices day it has no matrix of (the reference's words without the command)
NO_MATRIX = f"{PRICES_ADVICE} (to izsniedz ministrija)"


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def calculator_line(line: PlanLine, offers: dict[str, Offer]) -> PlanLine:
    """The line as the calculator sees it: item, units, price and ranks only."""
    if line.offer_id is None:
        return PlanLine(offer_id=None)
    return line_from_offer(offers[line.offer_id], line.units, unit_price=line.unit_price,
                           expert_rank=line.expert_rank, parent_rank=line.parent_rank)


def calculator_inputs(inputs: WorkbookInputs, offers: dict[str, Offer]) -> WorkbookInputs:
    return dataclasses.replace(inputs, impairment=None, transport_override=None,
                               lines=tuple(calculator_line(line, offers) for line in inputs.lines))


def whole_cents(inputs: WorkbookInputs) -> WorkbookInputs:
    """The plan with every price rounded to cents (the random plans type four decimals now and then, D87)."""
    cent = Decimal("0.01")
    return dataclasses.replace(inputs, lines=tuple(
        line if line.offer_id is None else dataclasses.replace(line, unit_price=line.unit_price.quantize(
            cent, rounding=ROUND_HALF_UP)) for line in inputs.lines))


def _unit_priced(line: PlanLine) -> bool:
    """A line in euro at actual cost at the price its unit fixes (D70)."""
    return line.actual_cost and line.unit_price == ACTUAL_COST_PRICE


def api_input(inputs: WorkbookInputs, variants: bool = True) -> dict[str, Any]:
    """The object passed to window.ibmKalkulators.aprekins (numbers as strings, half with a comma)."""
    def comma(value: Decimal, index: int) -> str:
        text = format(value, "f")
        return text.replace(".", ",") if index % 2 else text

    return {
        "dzimsanasDatums": inputs.birth_date.isoformat(),
        "periodaSakums": inputs.period_start.isoformat(),
        "menesi": inputs.months,
        "atzinums": inputs.special_care,
        "galigais": _text(inputs.final),
        "pabalsti": _text(inputs.benefits),
        "pakalpojumi": _text(inputs.services),
        "citi": _text(inputs.other),
        "bazesApmers": _text(inputs.base),
        "varianti": variants,
        "rindas": [
            {"kods": ""} if line.offer_id is None else {
                "kods": line.offer_id,
                "daudzums": comma(line.units, i),
                # every other line at its unit's own price (D70) leaves the price out, as the form's fixed field
                "cena": "" if _unit_priced(line) and i % 2 else comma(line.unit_price, i + 1),
                "ekspertuRangs": line.expert_rank,
                "vecakuRangs": "" if line.parent_rank is None else str(line.parent_rank),
            }
            for i, line in enumerate(inputs.lines)
        ],
    }


def refused_fields(inputs: WorkbookInputs, findings: Any) -> set[tuple[str, str | None]]:
    """The (calculator field, 6.8 item of a price) of the reference's ``money_cents`` errors (D87) and prices above the
    plausible highest (``money_above_max``, D340)."""
    fields: set[tuple[str, str | None]] = set()
    for f in findings:
        if f.code not in ("money_cents", "money_above_max"):  # D340: a price above the highest, as one in cents
            continue
        if f.lines:
            fields.add(("cena", inputs.lines[f.lines[0]].offer_id))
        else:
            fields.add((next(v for k, v in CENTS_FIELDS.items() if f.message.startswith(k)), None))
    return fields


def matrix_texts(data: dict[str, Any]) -> dict[str, str]:
    """The calculator data's matrix advice by prices day (ISO): each round's first prices day and later ones."""
    return {s["cenuDiena"]: s["matrica"] for k in data["kartas"] if k["cenuDiena"]
            for s in [k, *k["cenuMainas"]]}


def _prices_words(message: str, params: Params, start: dt.date, matrices: dict[str, str]) -> str:
    """D186: where the reference names the command issuing a matrix (prices_advice), the calculator names the matrix
    download of that prices day (``matrices``, by ISO day; the ministry for a day it has no prices of); a plan
    spanning a change gets the matrix of each side."""
    def advice(day: dt.date) -> str:
        return matrices.get(day.isoformat(), NO_MATRIX)

    # a change inside the plan (D61: of something it uses, whichever it is): the matrix on each side of it
    days = ([c.day for c in params.plan_changes] if params.plan_changes is not None
            else [params.prices_until + dt.timedelta(days=1)] if params.prices_until is not None else [])
    for change in days:
        spanning = f" vai sāciet to {lv_date(change)} un {prices_advice(change)}"
        if params.day <= start < change and spanning in message:
            return message.replace(spanning, f" un {advice(params.day)} vai sāciet to {lv_date(change)} un "
                                             f"{advice(change)}")
        cannot = f" – sāciet to {lv_date(change)} un {prices_advice(change)}"  # D351: starts in the change's month
        if params.day <= start < change and cannot in message:
            return message.replace(cannot, f" – sāciet to {lv_date(change)} un {advice(change)}")
    assert prices_advice(start) in message, message
    return message.replace(prices_advice(start), advice(start))


@functools.cache
def _default_catalogue() -> Catalogue:
    """The catalogue whose adults' rounds the calculator names (the tests' several-rounds catalogue keeps them)."""
    return load_or_raise(DEFAULT_CATALOGUE)


def _calculator_words(finding: Any, inputs: WorkbookInputs, params: Params, matrices: dict[str, str]) -> str:
    """The reference's message as the calculator says it: the units above the period and a line above P (D148) name
    the calculator's units and price fields, not the matrix's tables 6.3 and 6.8 (audit36 F5), and so do a fraction of
    a unit counted whole (D256) and a price
    of the euro at actual cost; F above N and a source above N start with the calculator's field, not the matrix's
    6.4 cell; the prices errors name matrix downloads, not a command (D186); every other message word for word."""
    if finding.code == "prices_not_in_force":
        return in_calculator_places(_prices_words(finding.message, params, inputs.period_start, matrices))
    if finding.code == "transport_share":
        return in_calculator_places(finding.message)
    if finding.code == "outside_reporting_period":  # audit32b F1: the children's rounds, and an adults' round named
        adults = adults_day_text(_default_catalogue(), inputs.period_start)
        return children_rounds_words(finding.message) + (f" {adults}" if adults else "")
    if finding.code == "actual_cost_price":
        matrix = (f"cenai {PRICE_PLACE} jābūt", f"daudzumu {UNITS_PLACE}.")
        assert all(words in finding.message for words in matrix), finding.message
        return finding.message.replace(matrix[0], f"cenai {PRICE_FIELD_PLACE} jābūt").replace(
            matrix[1], f"daudzumu {UNITS_FIELD_PLACE}.")
    if finding.code == "no_provider_price":  # D364: the calculator's price field, not the matrix's 6.8
        assert finding.message.count(PRICE_PLACE) == 2, finding.message
        return finding.message.replace(PRICE_PLACE, PRICE_FIELD_PLACE)
    if finding.code == "price_implausible":  # D370: the same
        assert finding.message.count(PRICE_PLACE) == 1, finding.message
        return finding.message.replace(PRICE_PLACE, PRICE_FIELD_PLACE)
    if finding.code == "final_above_needed":
        assert finding.message.startswith(f"{FINAL_CELL}: "), finding.message
        return f"Lauks „{FINAL_FIELD}”: " + finding.message.removeprefix(f"{FINAL_CELL}: ")
    if finding.code == "source_above_needed":
        attr, cell = next((a, c) for a, c, _ in SOURCE_CELLS if finding.message.startswith(f"{c}: "))
        return f"Lauks „{SOURCE_FIELDS[attr]}”: " + finding.message.removeprefix(f"{cell}: ")
    if finding.code == "base_differs":  # D257: the API's B field, not the matrix's 6.11 cell
        from generator.reference.workbook import BASE_CELL
        from generator.site.calculator import BASE_FIELD

        assert finding.message.startswith(f"{BASE_CELL}: "), finding.message
        return f"Lauks „{BASE_FIELD}”: " + finding.message.removeprefix(f"{BASE_CELL}: ")
    if finding.code == "whole_units":  # D256: the calculator's units field, not the matrix's table 6.3
        matrix = f"{UNITS_LABEL} {UNITS_TABLE} "
        assert matrix in finding.message, finding.message
        return finding.message.replace(matrix, f"{UNITS_FIELD_PLACE} ")  # the field alone: its label says what
    if finding.code == "units_above_period":
        matrix = f"pārbaudiet daudzumu {UNITS_PLACE}."
        assert finding.message.endswith(matrix), finding.message
        return finding.message.removesuffix(matrix) + f"pārbaudiet daudzumu {UNITS_FIELD_PLACE}."
    if finding.code == "line_above_provisional":
        matrix = f") {UNITS_PLACE} un cena {PRICE_PLACE} ir pareizi."
        assert finding.message.endswith(matrix), finding.message
        if inputs.lines[finding.lines[0]].actual_cost:  # D338: a euro line has its amount's field, no price to type
            return finding.message.split("; pārbaudiet, ")[0] + f"; pārbaudiet, vai summa {AMOUNT_FIELD_PLACE} ir pareiza."
        return finding.message.removesuffix(matrix) + f") {UNITS_FIELD_PLACE} un cena {PRICE_FIELD_PLACE} ir pareizi."
    return finding.message


def expected(inputs: WorkbookInputs, params: Params, matrices: dict[str, str] | None = None) -> dict[str, Any]:
    """The reference's values under the calculator's result names (money as Decimal). Money that is not in whole
    cents (the reference's ``money_cents``, D87) is an input the calculator refuses (D98): no amounts, and the
    fields it names (``Refused``, with each price's 6.8 item) are the reference's. ``matrices``: the calculator
    data's matrix advice by prices day (matrix_texts), for the prices errors (D186)."""
    matrices = matrices or {}
    params = calculator_params(params)
    result = evaluate_workbook(inputs, params, round_prices=True)  # D383: the prices are the plan's round's
    refused = refused_fields(inputs, result.findings)
    if refused:
        return {"Derigs": False, **dict.fromkeys(REFUSED_NONE), "Refused": refused}
    found = [f for f in result.findings if f.code not in NOT_IN_CALCULATOR]
    plan = result.plan
    variants = {}
    for v in (1, 2, 3):
        fin = financing(plan.needed, plan.available, inputs.benefits, inputs.services, inputs.other, variant=v,
                        ib_funded=plan.ib_funded)
        variants[str(v)] = {"IB": fin.ib, "Pabalsti": fin.benefits, "Pakalpojumi": fin.services, "Citi": fin.other,
                            "IB_Kopejais": fin.total}
    return {
        "Derigs": True,
        "Parbaudes_Datums": None if result.check_date is None else result.check_date.isoformat(),
        "Vecums": result.age,
        "Provizoriska_Likme": result.rate,
        "IB_Provizoriskais": result.provisional,
        # D257: P rests on the catalogue's unconfirmed B (none given, or that very B given) – provisional
        "Bazes_Apmers_Provizorisks": unconfirmed_base(inputs.base, params.base_amount, params.base_confirmed),
        "Plans_Cena": list(result.line_price),
        "Plans_Summa": list(result.line_cost),
        "Plans_Prioritate": list(result.line_priority),
        "Plans_NoIB": list(result.line_ib),
        "IB_Nepieciesamais": result.needed,
        "IB_Pieejamais": result.available,
        "IB_Kopejais": result.total,
        "Transporta_Dala": result.transport_share.quantize(SHARE_PLACES, rounding=ROUND_HALF_UP),
        "Kludas": sum(1 for f in found if f.severity.value == "kļūda" and f.counts),
        "Bridinajumi": sum(1 for f in found if f.severity.value == "brīdinājums" and f.counts),
        "messages": [(f.code, f.severity.value, _calculator_words(f, inputs, params, matrices), list(f.lines)) for f in found],
        "Varianti": variants,
    }


def _dec(value: Any) -> Any:
    if isinstance(value, list):
        return [_dec(v) for v in value]
    if isinstance(value, dict):
        return {k: _dec(v) for k, v in value.items()}
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    return value


def returned(js: dict[str, Any]) -> dict[str, Any]:
    """The calculator's result in the shape of ``expected`` (money strings as Decimal)."""
    out = {name: js.get(name) for name in (
        "Derigs", "Parbaudes_Datums", "Vecums", "Kludas", "Bridinajumi", "Plans_Prioritate", "Bazes_Apmers_Provizorisks")}
    for name in ("Provizoriska_Likme", "IB_Provizoriskais", "Plans_Cena", "Plans_Summa", "Plans_NoIB",
                 "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais", "Transporta_Dala"):
        out[name] = _dec(js.get(name))
    out["messages"] = [(m["kods"], m["smagums"], m["teksts"], m["rindas"]) for m in js.get("messages", [])]
    out["Varianti"] = {k: {n: Decimal(x) for n, x in v.items() if n != "variants"}
                       for k, v in (js.get("Varianti") or {}).items()}
    return out


def refused(js: dict[str, Any], lines: list[dict[str, Any]]) -> set[tuple[str, str | None]]:
    """The calculator's fields refused for money not in whole cents (its messages in the reference's words)."""
    return {(m["lauks"], lines[m["rindas"][0]]["kods"] if m["rindas"] else None)
            for m in js.get("messages", []) if m["kods"] == "ievade" and CENTS_TEXT in m["teksts"]}


def differences(js: dict[str, Any], want: dict[str, Any], lines: list[dict[str, Any]] | None = None) -> list[str]:
    """What differs between the calculator's result ``js`` and the reference's ``want``; ``lines``: the API input's
    rows (the items of refused prices)."""
    if "Refused" in want:
        got_fields = refused(js, lines or [])
        diff = [f"{name}: kalkulators {js.get(name)!r}, atsauce None" for name in REFUSED_NONE if js.get(name) is not None]
        if js.get("Derigs") is not False:
            diff.append("Derigs: kalkulators aprēķina, atsaucē nauda nav veselos centos")
        if got_fields != want["Refused"]:
            diff.append(f"nederīgā nauda: kalkulators {sorted(got_fields, key=str)}, atsauce {sorted(want['Refused'], key=str)}")
        if any(m["kods"] != "ievade" for m in js.get("messages", [])):
            diff.append(f"ziņojumi: {js.get('messages')}")
        return diff
    got = returned(js)
    return [f"{name}: kalkulators {got.get(name)!r}, atsauce {value!r}"
            for name, value in want.items() if got.get(name) != value]


def in_reporting_period(inputs: WorkbookInputs, params: Params, seed: int) -> WorkbookInputs:
    """Most random plans moved into a reporting period of the catalogue's rounds (the generator draws
    starts from 2018–2023): the plan start goes to a day of a period, and the birth date moves with the
    period's first day, so the generator's age boundaries fall on the check date."""
    periods = params.reporting_periods
    if seed % 5 == 0 or not periods:
        return inputs
    period = periods[seed % len(periods)]
    days = (period.end - period.start).days
    offset = [0, 0, 31, seed % (days + 1)][seed % 4]
    start = period.start + dt.timedelta(days=offset)
    birth = inputs.birth_date + (period.start - inputs.period_start)
    return dataclasses.replace(inputs, period_start=start, birth_date=birth)
