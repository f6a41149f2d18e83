"""Every case file in tests/cases/ runs here; a wrong expected value fails naming case and field."""

from __future__ import annotations

import dataclasses
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
