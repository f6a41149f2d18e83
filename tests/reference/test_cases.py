"""Every case file in tests/cases/ runs here; a wrong expected value fails naming case and field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from tests.reference.caserunner import CaseMismatch, load_cases, run_case

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case) -> None:
    run_case(case)


def test_case_files_cover_every_function() -> None:
    functions = {c.function for c in CASES}
    assert functions >= {"provisional", "financing", "workbook", "rules", "final_amounts", "selection", "settlement"}
    assert all(c.source.strip() for c in CASES)


def test_wrong_expected_value_fails_naming_case_and_field() -> None:
    case = next(c for c in CASES if c.function == "final_amounts" and "F" in (c.output or {}))
    child, value = next(iter(case.output["F"].items()))
    broken_output = {**case.output, "F": {**case.output["F"], child: Decimal(str(value)) + Decimal("0.01")}}
    broken = dataclasses.replace(case, output=broken_output)
    with pytest.raises(CaseMismatch) as info:
        run_case(broken)
    message = str(info.value)
    assert case.name in message and case.file in message
    assert f"F.{child}" in message


def test_wrong_expected_error_fails() -> None:
    case = next(c for c in CASES if c.error is None and c.function == "provisional")
    broken = dataclasses.replace(case, output=None, error="NotEligible")
    with pytest.raises(CaseMismatch, match="NotEligible"):
        run_case(broken)


def _perturb(value):
    """The same structure with its first leaf changed (numbers by one cent or one unit)."""
    if isinstance(value, dict):
        if not value:
            return {"extra": 1}
        key = next(iter(value))
        return {**value, key: _perturb(value[key])}
    if isinstance(value, list):
        return [_perturb(value[0]), *value[1:]] if value else [1]
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float | Decimal):
        return Decimal(str(value)) + Decimal("0.01")
    if value is None:
        return 0
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    raise TypeError(type(value))


OUTPUT_CASES = [c for c in CASES if c.output is not None]


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[c.id for c in OUTPUT_CASES])
def test_every_case_detects_a_changed_expected_value(case) -> None:
    broken = dataclasses.replace(case, output=_perturb(case.output))
    with pytest.raises(CaseMismatch) as info:
        run_case(broken)
    assert case.name in str(info.value)
