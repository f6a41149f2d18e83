"""Runs the case files of tests/cases/ (OpenFisca style): inputs, parameter date, expected outputs.

File layout::

    function: workbook          # which reference function the cases call (see ADAPTERS)
    date: 2018-10-01            # parameters in force on this day (catalogue/programme.yaml)
    params: {base_amount: 1000} # optional overrides of Params fields, for every case
    defaults: {...}             # optional input values merged under every case's input
    cases:
      - name: unique name within the file
        source: "L1163" or "derived" (where the expected values come from)
        date / params: optional, per case
        input: {...}
        output: {...}           # only the fields given are compared
        error: NotEligible      # instead of output: the call must raise this error class

A failed comparison names the file, the case and the dotted field path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.money import to_decimal
from generator.reference import errors
from generator.reference.final_amounts import ChildAmounts, final_amounts
from generator.reference.findings import Severity
from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.reference.plan import evaluate_plan, financing, needed_amount
from generator.reference.provisional import provisional_amount
from generator.reference.rules import check_plan
from generator.reference.selection import Application, select_children
from generator.reference.settlement import SettlementMonth, settle
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
REQUIRED_CASE_KEYS = {"name", "source", "input"}
# Fields compared as a whole: a code missing from the expected mapping means "no such finding".
EXACT_FIELDS = {"findings"}
FLOAT_TOLERANCE = Decimal("1e-12")


class CaseMismatch(AssertionError):
    pass


@dataclasses.dataclass(frozen=True)
class Case:
    file: str
    function: str
    name: str
    source: str
    date: dt.date
    params: dict[str, Any]
    input: dict[str, Any]
    output: dict[str, Any] | None
    error: str | None

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


# --- loading -------------------------------------------------------------------------------------


def load_cases(folder: Path = CASES_DIR) -> list[Case]:
    """Every case of every *.yaml file in ``folder``; a malformed file raises ValueError."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yaml")):
        cases.extend(load_file(path))
    return cases


def load_file(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "cases" not in data or "function" not in data:
        raise ValueError(f"{path.name}: gaidīts saraksts 'cases' un lauks 'function'")
    function = data["function"]
    if function not in ADAPTERS:
        raise ValueError(f"{path.name}: nezināma funkcija '{function}' (gaidīts: {', '.join(ADAPTERS)})")
    names: set[str] = set()
    result = []
    for i, raw in enumerate(data["cases"], start=1):
        missing = REQUIRED_CASE_KEYS - set(raw)
        if missing:
            raise ValueError(f"{path.name}: {i}. gadījumam trūkst {', '.join(sorted(missing))}")
        if ("output" in raw) == ("error" in raw):
            raise ValueError(f"{path.name}: gadījumam '{raw['name']}' jābūt vai nu 'output', vai 'error'")
        if raw["name"] in names:
            raise ValueError(f"{path.name}: gadījuma nosaukums '{raw['name']}' atkārtojas")
        names.add(raw["name"])
        day = raw.get("date", data.get("date"))
        if not isinstance(day, dt.date):
            raise ValueError(f"{path.name}: gadījumam '{raw['name']}' nav parametru datuma (date)")
        result.append(
            Case(
                file=path.name,
                function=function,
                name=str(raw["name"]),
                source=str(raw["source"]),
                date=day,
                params={**data.get("params", {}), **raw.get("params", {})},
                input={**data.get("defaults", {}), **raw["input"]},
                output=raw.get("output"),
                error=raw.get("error"),
            )
        )
    return result


# --- parameters ----------------------------------------------------------------------------------

_CATALOGUE = None


def params_for(case: Case) -> Params:
    global _CATALOGUE
    if _CATALOGUE is None:
        _CATALOGUE = load_or_raise(DEFAULT_CATALOGUE)
    params = Params.from_catalogue(_CATALOGUE, case.date)
    changes = {}
    for name, value in case.params.items():
        current = getattr(params, name)
        if isinstance(current, Decimal):
            value = to_decimal(value)
        elif isinstance(current, dict) and any(isinstance(v, Decimal) for v in current.values()):
            value = {str(k): to_decimal(v) for k, v in value.items()}
        changes[name] = value
    return params.replace(**changes) if changes else params


# --- adapters: case input -> reference call -> flat output -----------------------------------------


def _dec(value: Any) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _line(raw: dict[str, Any] | None) -> PlanLine:
    if not raw:
        return PlanLine(offer_id=None)
    return PlanLine(
        offer_id=raw.get("item"),
        service_id=str(raw.get("service", raw.get("item", "")) or ""),
        area=raw.get("area", 3),
        units=to_decimal(raw.get("units", 0)),
        unit_price=to_decimal(raw.get("price", 0)),
        expert_rank=raw.get("expert"),
        parent_rank=raw.get("parent"),
        transport=bool(raw.get("transport", False)),
        day_service=raw.get("day_service"),
        service_recipient=raw.get("service_recipient", "child"),
        recipient=raw.get("recipient"),
        impairments=tuple(raw.get("impairments", ())),
        incompatible_with=tuple(str(s) for s in raw.get("incompatible_with", ())),
        includes_sessions_of=tuple(str(s) for s in raw.get("includes_sessions_of", ())),
        ceiling=_dec(raw.get("ceiling")),
        ceiling_unconfirmed=bool(raw.get("ceiling_unconfirmed", False)),
        actual_cost=bool(raw.get("actual_cost", False)),
        unit=str(raw.get("unit", "")),  # D370: the plausible highest price is by unit (D147 rules take it too)
        label=str(raw.get("label", "")),
        planned_units=tuple(raw.get("planned", ())),
        delivered_units=tuple(raw.get("delivered", ())),
        paid=tuple(raw.get("paid", ())),
    )


def _finding_counts(findings: Any) -> dict[str, int]:
    counter: Counter[str] = Counter(f.code for f in findings if f.counts)
    return dict(counter)


def run_provisional(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    result = provisional_amount(
        inp["birth_date"], inp["period_start"], bool(inp.get("special_care", False)), params, inp.get("base")
    )
    return {"age": result.age, "rate": result.rate, "base": result.base, "amount": result.amount}


def run_financing(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    fin = financing(
        inp["needed"],
        inp["available"],
        inp.get("benefits", 0),
        inp.get("services", 0),
        inp.get("other", 0),
        variant=inp.get("variant", 2),
    )
    return {"ib": fin.ib, "benefits": fin.benefits, "services": fin.services, "other": fin.other, "total": fin.total}


def _workbook_inputs(inp: dict[str, Any]) -> WorkbookInputs:
    return WorkbookInputs(
        birth_date=inp["birth_date"],
        period_start=inp["period_start"],
        months=inp["months"],
        special_care=bool(inp.get("special_care", False)),
        impairment=inp.get("impairment"),
        lines=tuple(_line(raw) for raw in inp.get("lines", [])),
        base=_dec(inp.get("base")),
        final=_dec(inp.get("final")),
        benefits=to_decimal(inp.get("benefits", 0)),
        services=to_decimal(inp.get("services", 0)),
        other=to_decimal(inp.get("other", 0)),
        transport_override=inp.get("transport_override"),
    )


def run_workbook(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    result = evaluate_workbook(_workbook_inputs(inp), params)
    exe = result.execution
    out = dict(result.named_values())
    out["findings"] = _finding_counts(result.findings)
    out["overridden"] = sorted(f.code for f in result.findings if f.overridden)
    out["financing"] = {
        "ib": result.plan.financing.ib,
        "benefits": result.plan.financing.benefits,
        "services": result.plan.financing.services,
        "other": result.plan.financing.other,
    }
    out["status"] = [lp.status for lp in result.plan.lines]
    out["execution"] = {
        "planned_total": exe.planned_total,
        "paid_total": exe.paid_total,
        "absorption": exe.absorption,
        "underspend": exe.underspend,
        "planned_by_month": list(exe.planned_by_month),
        "paid_by_month": list(exe.paid_by_month),
        "lines": {
            str(row.index + 1): {
                "carry_forward": list(row.carry_forward),
                "remaining_units": row.remaining_units,
                "remaining_money": row.remaining_money,
                "absorption": row.absorption,
            }
            for row in exe.lines
        },
    }
    return out


def run_rules(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    wi = _workbook_inputs(inp)
    findings = check_plan(
        wi.lines,
        params,
        period_start=wi.period_start,
        months=wi.months,
        available=to_decimal(inp["available"]) if "available" in inp else needed_amount(wi.lines),
        impairment=wi.impairment,
        transport_override=wi.transport_override,
    )
    return {
        "findings": _finding_counts(findings),
        "errors": sum(1 for f in findings if f.severity is Severity.error and f.counts),
        "warnings": sum(1 for f in findings if f.severity is Severity.warning and f.counts),
        "lines": sorted({i + 1 for f in findings for i in f.lines}),
        "overridden": sorted(f.code for f in findings if f.overridden),
    }


def run_plan(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    """The full plan path (D3–D6): line funding from A in whole units, then K by the given variant."""
    lines = tuple(_line(raw) for raw in inp.get("lines", []))
    plan = evaluate_plan(lines, to_decimal(inp["provisional"]), params, final=_dec(inp.get("final")))
    fin = financing(
        plan.needed, plan.available, inp.get("benefits", 0), inp.get("services", 0), inp.get("other", 0),
        variant=inp.get("variant", 2), ib_funded=plan.ib_funded,
    )
    return {
        "needed": plan.needed, "available": plan.available, "ib_funded": plan.ib_funded,
        "line_ib": [lp.ib for lp in plan.lines], "status": [lp.status for lp in plan.lines],
        "ib": fin.ib, "benefits": fin.benefits, "services": fin.services, "other": fin.other, "total": fin.total,
    }


def run_final_amounts(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    children = [
        ChildAmounts(
            id=str(c["id"]),
            provisional=to_decimal(c["P"]),
            needed=to_decimal(c["N"]),
            previous_planned=to_decimal(c.get("planned", 0)),
            previous_actual=to_decimal(c.get("actual", 0)),
        )
        for c in inp["children"]
    ]
    result = final_amounts(children, inp["envelope"], params, key=inp.get("key"))
    return {
        "key": result.key,
        "stage2_total": result.stage2_total,
        "envelope_rest": result.envelope_rest,
        "underspend": result.underspend,
        "pool": result.pool,
        "distributed": result.distributed,
        "unallocated": result.unallocated,
        "F": {c.id: c.final for c in result.children},
        "capped": sorted(c.id for c in result.children if c.capped),
        "eligible": sorted(c.id for c in result.children if c.eligible),
    }


def run_selection(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    apps = []
    for raw in inp["applications"]:
        submitted = raw["submitted_at"]
        if isinstance(submitted, str):
            submitted = dt.datetime.fromisoformat(submitted)
        apps.append(
            Application(
                number=str(raw["number"]),
                municipality=raw["municipality"],
                birth_date=raw["birth_date"],
                impairment=raw["impairment"],
                home_schooling=bool(raw.get("home_schooling", False)),
                submitted_at=submitted,
                disability=bool(raw.get("disability", True)),
                di_assessed=bool(raw.get("di_assessed", True)),
            )
        )
    result = select_children(apps, inp["municipalities"], inp["pilot_start"], inp["pilot_end"], params,
                             regions=inp.get("regions"))
    placements = result.by_number()
    return {
        "selected": list(result.selected),
        "reserve": {m: list(v) for m, v in result.reserve.items()},
        "targets": result.targets,
        "counts": result.counts,
        "not_eligible": sorted(p.number for p in result.placements if not p.eligible),
        "regions": {r: list(v) for r, v in result.regions.items()},
        "passes": {n: p.selection_pass for n, p in placements.items() if p.selected},
        "explanations": {n: p.explanation for n, p in placements.items()},
    }


def run_settlement(inp: dict[str, Any], params: Params) -> dict[str, Any]:
    months = [
        SettlementMonth(
            month=m["month"],
            children=m["children"],
            sw_gross_pay=to_decimal(m["sw_gross_pay"]),
            sw_transport=to_decimal(m.get("sw_transport", 0)),
            sbs_payments=to_decimal(m.get("sbs_payments", 0)),
            receipts=to_decimal(m.get("receipts", 0)),
            employment_contract=bool(m.get("employment_contract", True)),
        )
        for m in inp["months"]
    ]
    result = settle(months, params, inp.get("opening_balance", 0))

    def amounts(a: Any) -> dict[str, Any]:
        return {**a.by_bip(), "total": a.total}

    return {
        "months": {
            r.month.isoformat()[:7]: {
                **amounts(r.amounts),
                "pay_share": r.pay_share,
                "opening": r.opening_balance,
                "closing": r.closing_balance,
                "due": r.due,
            }
            for r in result.months
        },
        "quarters": {f"{q.year}Q{q.quarter}": {**amounts(q.amounts), "due": q.due} for q in result.quarters},
        "totals": amounts(result.totals),
        "closing_balance": result.closing_balance,
    }


ADAPTERS: dict[str, Callable[[dict[str, Any], Params], dict[str, Any]]] = {
    "provisional": run_provisional,
    "financing": run_financing,
    "workbook": run_workbook,
    "plan": run_plan,
    "rules": run_rules,
    "final_amounts": run_final_amounts,
    "selection": run_selection,
    "settlement": run_settlement,
}


# --- comparison ------------------------------------------------------------------------------------


def _equal(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, int | float | Decimal) and isinstance(actual, int | float | Decimal):
        if isinstance(expected, float):
            # a written-out repeating fraction (a share): equal to 12 decimals; cents stay exact
            return abs(to_decimal(expected) - to_decimal(actual)) < FLOAT_TOLERANCE
        return to_decimal(expected) == to_decimal(actual)
    if isinstance(expected, str) and isinstance(actual, Decimal):
        try:
            return Decimal(expected) == actual
        except ArithmeticError:
            return False
    return bool(expected == actual)


def compare(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Differences between the expected values and the actual ones (only expected keys count)."""
    here = path or "output"
    if isinstance(expected, dict) and (not expected or here.rsplit(".", 1)[-1] in EXACT_FIELDS):
        if not isinstance(actual, dict) or {str(k): v for k, v in actual.items()} != {
            str(k): v for k, v in expected.items()
        }:
            return [f"{here}: gaidīts {expected!r}, iegūts {actual!r}"]
        return []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{here}: gaidīts {expected!r}, iegūts {actual!r}"]
        problems = []
        for key, value in expected.items():
            sub = f"{path}.{key}" if path else str(key)
            if str(key) not in {str(k) for k in actual}:
                problems.append(f"{sub}: rezultātā šāda lauka nav")
                continue
            actual_value = next(v for k, v in actual.items() if str(k) == str(key))
            problems.extend(compare(value, actual_value, sub))
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list | tuple) or len(actual) != len(expected):
            return [f"{here}: gaidīts {expected!r}, iegūts {_show(actual)}"]
        problems = []
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            problems.extend(compare(e, a, f"{here}[{i}]"))
        return problems
    if not _equal(expected, actual):
        return [f"{here}: gaidīts {expected!r}, iegūts {_show(actual)}"]
    return []


def _show(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return repr(value)


def run_case(case: Case) -> None:
    """Run one case; raise CaseMismatch naming the case and every differing field."""
    params = params_for(case)
    adapter = ADAPTERS[case.function]
    if case.error is not None:
        error_class = getattr(errors, case.error)
        try:
            adapter(case.input, params)
        except error_class:
            return
        raise CaseMismatch(f"{case.id}: gaidīta kļūda {case.error}, bet aprēķins izdevās")
    actual = adapter(case.input, params)
    problems = compare(case.output, actual)
    if problems:
        raise CaseMismatch(f"{case.id} ({case.source}):\n  " + "\n  ".join(problems))
