"""D347: an amount that rests on an invalid B, F or other source is a blank in the matrix, not a figure computed from
the pasted value. LibreOffice 7.4 recalculates matrices with B = -5, B = 31000000 (above the plausible highest, D340)
and F = "abc" where F applies (N > P): P (for B), A, the lines' IB shares, K, the sources' shares of K and the
transport share are blank, each cell is one invalid input, and the status says why. The reference computes no amount
from such a B (ReferenceInputError, as the calculator's refusal), and for the invalid values it can be given (money in
fractions of a cent, D87) its named values are the matrix's blanks; the ministry's reader refuses each matrix in its
words."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import convert, make_profile
from generator.reference.errors import ReferenceInputError
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read, write
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.calculation import BASE_INVALID_STATUS, FINAL_INVALID_STATUS
from tests.workbook.compare import differences
from tests.workbook.conftest import clean_plans, recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

D = Decimal
# what rests on A (and so on B, and on F where it applies)
ON_A = ("IB_Pieejamais", "Fin_NoIB", "Fin_Pabalsti_Izmantots", "Fin_Pakalpojumi_Izmantots", "Fin_Citi_Izmantots",
        "IB_Kopejais", "Transporta_Dala")
# (name, value pasted after the plan is filled, the input's name); None: the plan's own values only
PASTED: dict[str, tuple[str, Any] | None] = {
    "tira": None,
    "b-negativs": ("Bazes_Apmers", -5),
    "b-liels": ("Bazes_Apmers", 31000000),
    "f-teksts": ("IB_Galigais", "abc"),
    "b-centi": None,
    "avots-centi": None,
    "f-centi": None,
    # D356: the plan with N <= P and an F typed above N (not applied, no error), then B invalid
    "b-f-neattiecas": ("Bazes_Apmers", -5),
    "b-centi-f-neattiecas": None,
}


def _blank(value: object) -> bool:
    return value is None or value == ""


@pytest.fixture(scope="module")
def plan(catalogue: Catalogue, params: Params, day) -> WorkbookInputs:  # noqa: ANN001
    """An error-free plan whose N is above P (F applies): its B made small enough where needed."""
    inputs = clean_plans(catalogue.offers(day), params, 1, SEED + 63_000)[0].inputs
    result = evaluate_workbook(inputs, params)
    if result.needed <= result.provisional:
        inputs = dataclasses.replace(inputs, base=D(1))
    result = evaluate_workbook(inputs, params)
    assert result.needed > result.provisional > 0 and result.errors == 0, result.findings
    return inputs


def _f_not_applied(plan: WorkbookInputs, params: Params) -> WorkbookInputs:
    """``plan`` with a B large enough that N <= P, and an F typed above N: not applied (A = N), no error."""
    result = evaluate_workbook(plan, params)
    base = (result.needed / result.rate).to_integral_value() + 10
    inputs = dataclasses.replace(plan, base=base, final=result.needed + 100)
    result = evaluate_workbook(inputs, params)
    assert result.needed <= result.provisional and result.errors == 0, result.findings
    return inputs


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, plan: WorkbookInputs, templates,  # noqa: ANN001
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[WorkbookInputs, NamedValues, Path, str]]:
    result = evaluate_workbook(plan, params)
    inputs = {name: plan for name in PASTED}
    inputs["b-centi"] = dataclasses.replace(plan, base=(plan.base or params.base_amount) + D("0.005"))
    inputs["avots-centi"] = dataclasses.replace(plan, benefits=D("10.005"))
    inputs["f-centi"] = dataclasses.replace(plan, final=(result.needed - D(1)) + D("0.005"))
    inputs["b-f-neattiecas"] = _f_not_applied(plan, params)
    inputs["b-centi-f-neattiecas"] = dataclasses.replace(inputs["b-f-neattiecas"],
                                                         base=inputs["b-f-neattiecas"].base + D("0.005"))
    folder = tmp_path_factory.mktemp("nederigas-summas")
    labels = recipient_labels(catalogue)
    paths, cells = [], {}
    for name, pasted in PASTED.items():
        wb = load_workbook(templates[None])
        fill(wb, inputs[name], labels, municipality=pilot_ids(catalogue)[0], template_prices=read(wb, "Pak_Cena"))
        cells[name] = ""
        if pasted is not None:
            write(wb, pasted[0], pasted[1])
            cells[name] = " ".join(_cell(wb, pasted[0])[:2])
        path = folder / f"{name}.xlsx"
        wb.save(path)
        paths.append(path)
    out = convert(paths, folder / "lo", profile=make_profile(tmp_path_factory.mktemp("lo-profile-nederigas")))
    return {name: (inputs[name], NamedValues(o, all_sheets=True), o, cells[name])
            for name, o in zip(PASTED, out, strict=True)}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def test_the_clean_plan_has_every_amount(files, params: Params) -> None:
    inputs, values, _, _ = files["tira"]
    assert values["Kludas"] == 0
    assert all(not _blank(values[name]) for name in ("B_Efektivais", "IB_Provizoriskais", *ON_A))
    assert differences(evaluate_workbook(inputs, params).named_values(), values) == []


@pytest.mark.parametrize("name", ["b-negativs", "b-liels"])
def test_an_invalid_b_leaves_p_a_and_k_blank(files, params: Params, name: str) -> None:
    inputs, values, _, where = files[name]
    assert values["h_NederigasIevades"] == 1 and any(line.split(". ", 1)[1].startswith(where)
                                                     for line in _listed(values)), _listed(values)
    for blank in ("B_Efektivais", "IB_Provizoriskais", *ON_A):
        assert _blank(values[blank]), (blank, values[blank])
    assert all(_blank(v) for v in values["Plans_NoIB"])
    assert not _blank(values["IB_Nepieciesamais"])  # N rests on the plan lines only
    assert BASE_INVALID_STATUS in values["Statuss_Aprekins"]
    # the reference computes no amount from it either: it refuses the value (no P, A or K)
    with pytest.raises(ReferenceInputError):
        evaluate_workbook(dataclasses.replace(inputs, base=D(PASTED[name][1])), params)  # type: ignore[index]


def test_an_invalid_f_that_applies_leaves_a_and_k_blank(files, params: Params) -> None:
    inputs, values, _, where = files["f-teksts"]
    result = evaluate_workbook(inputs, params)
    assert values["h_NederigasIevades"] == 1 and any(line.split(". ", 1)[1].startswith(where)
                                                     for line in _listed(values)), _listed(values)
    assert not _blank(values["IB_Provizoriskais"]) and values["IB_Nepieciesamais"] > values["IB_Provizoriskais"]
    for blank in ON_A:
        assert _blank(values[blank]), (blank, values[blank])
    assert all(_blank(v) for v in values["Plans_NoIB"])
    assert FINAL_INVALID_STATUS in values["Statuss_Aprekins"]
    # where F does not apply (N <= P) A is N whatever F holds: the reference's A of the plan without F is the same N
    assert result.needed > result.provisional


@pytest.mark.parametrize("name", ["b-centi", "avots-centi", "f-centi"])
def test_the_reference_leaves_the_same_amounts_blank(files, params: Params, name: str) -> None:
    """Money in fractions of a cent is an invalid input the reference sees: its named values are None where the
    matrix is blank, and every other amount and both counts are the matrix's."""
    inputs, values, _, _ = files[name]
    expected = evaluate_workbook(inputs, params).named_values()
    assert values["h_NederigasIevades"] == 1, _listed(values)
    assert expected["IB_Kopejais"] is None and _blank(values["IB_Kopejais"])
    if name != "avots-centi":
        assert expected["IB_Pieejamais"] is None and _blank(values["IB_Pieejamais"])
        assert all(v is None for v in expected["Plans_NoIB"])  # type: ignore[union-attr]
    else:
        assert not _blank(values["IB_Pieejamais"]) and _blank(values["Fin_Pabalsti_Izmantots"])
    assert (expected["IB_Provizoriskais"] is None) is (name == "b-centi")
    assert differences(expected, values) == [], name


@pytest.mark.parametrize("name", ["b-f-neattiecas", "b-centi-f-neattiecas"])
def test_an_invalid_b_is_one_error_though_f_is_above_n(files, params: Params, name: str) -> None:
    """D356: F is typed above N while N <= P (not applied). An invalid B leaves P a blank, so whether F applies is
    unknown: the matrix counts the B cell alone (not also „F above N”, naming F, a cell the worker never touched), and
    the reference, for the B it sees, alike."""
    inputs, values, _, _ = files[name]
    assert _blank(values["IB_Provizoriskais"]) and not _blank(values["IB_Nepieciesamais"])
    assert values["Kludas"] == 1 and values["h_NederigasIevades"] == 1, _listed(values)
    where = files["b-f-neattiecas"][3]  # the B cell pasted into (the sub-cent B is filled into the same)
    assert where.startswith("6.11 B") and [line.split(". ", 1)[1].split(":")[0] for line in _listed(values)] == [where]
    if name == "b-centi-f-neattiecas":
        result = evaluate_workbook(inputs, params)
        assert result.errors == 1, [f.message for f in result.findings]
        assert differences(result.named_values(), values) == []


def test_the_reader_refuses_each_in_the_matrix_words(files, catalogue: Catalogue) -> None:
    for name in ("b-negativs", "b-liels", "f-teksts", "b-f-neattiecas"):
        _, values, path, where = files[name]
        child, problems = read_child(Matrix.open(path), catalogue, strict=False)
        assert child is None, name
        said = {p.split(" ", 1)[0].replace("!", " "): p for p in problems}
        assert where in said, (where, problems)
        if name == "b-f-neattiecas":  # the B cell alone, as the matrix's one error (D356)
            assert list(said) == [where], problems
        # the reader does not quote a text (it may hold personal data): the words up to the value are the matrix's
        words = said[where].split(": ", 1)[1].split(" (gaidīts:")[0].split(", ievadīts")[0]
        assert any(f"{where}: {words}" in line for line in _listed(values)), (words, _listed(values))
