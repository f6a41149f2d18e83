"""D347: an amount that rests on an invalid B, F or other source is a blank in the matrix, not a figure computed from
the pasted value. LibreOffice 7.4 recalculates matrices with B = -5, B = 31000000 (above the plausible highest, D340)
and F = "abc" where F applies (N > P): P (for B), A, the lines' IB shares, K, the sources' shares of K and the
transport share are blank, each cell is one invalid input, and the status says why. The reference computes no amount
from such a B (ReferenceInputError, as the calculator's refusal), and for the invalid values it can be given (money in
fractions of a cent, D87) its named values are the matrix's blanks; the ministry's reader refuses each matrix in its
words.

D366: the same run recalculates a plan with none, one and three void lines (a 6.8 price in fractions of a cent): 6.4
counts them as the reference does (h_NederigasRindas), says beside N that N leaves them out, and the signed 6.5 prints
N, A and K and what rests on them as blanks, not the figures of the smaller plan.

D377: and a plan whose first line's period units (6.3) are a pasted 1e11 – one invalid input naming its cell, the line
void as the reference's – and one whose first line's planned month (6.6) is: one error, that month's 6.7 amount
„nederīgs”; the reader refuses each naming the cell."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import make_profile, print_sheets
from generator.reference.errors import ReferenceInputError
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read, write
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.calculation import (
    BASE_INVALID_STATUS,
    FINAL_INVALID_STATUS,
    LOWER_BOUND_STATUS,
    void_lines_text,
)
from generator.workbook.texts import BLANK
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


FIGURE = re.compile(r"^\d{1,3}( \d{3})*,\d+( %)?$")
SHOWN = re.compile(rf"^({re.escape(BLANK)}|\d{{1,3}}( \d{{3}})*,\d+( %)?)")


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
def files(catalogue: Catalogue, params: Params, plan: WorkbookInputs, templates, day,  # noqa: ANN001
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[WorkbookInputs, NamedValues, Path, str]]:
    result = evaluate_workbook(plan, params)
    inputs = {name: plan for name in PASTED}
    inputs["b-centi"] = dataclasses.replace(plan, base=(plan.base or params.base_amount) + D("0.005"))
    inputs["avots-centi"] = dataclasses.replace(plan, benefits=D("10.005"))
    inputs["f-centi"] = dataclasses.replace(plan, final=(result.needed - D(1)) + D("0.005"))
    inputs["b-f-neattiecas"] = _f_not_applied(plan, params)
    inputs["b-centi-f-neattiecas"] = dataclasses.replace(inputs["b-f-neattiecas"],
                                                         base=inputs["b-f-neattiecas"].base + D("0.005"))
    inputs |= void_plans(catalogue, day)
    inputs |= units_plans(inputs["rindas-0"])
    folder = tmp_path_factory.mktemp("nederigas-summas")
    labels = recipient_labels(catalogue)
    requests, cells = {}, {}
    for name in inputs:
        pasted = PASTED.get(name)
        wb = load_workbook(templates[None])
        fill(wb, inputs[name], labels, municipality=pilot_ids(catalogue)[0], template_prices=read(wb, "Pak_Cena"))
        cells[name] = ""
        if pasted is not None:
            write(wb, pasted[0], pasted[1])
            cells[name] = " ".join(_cell(wb, pasted[0])[:2])
        path = folder / f"{name}.xlsx"
        wb.save(path)
        # each stored recalculated, as `soffice --convert-to xlsx`; the void-line plans' 6.5 printed from the same load
        requests[path] = [(None, folder / "lo" / path.name)] + (
            [("6.5", folder / "lo" / f"{name}-6.5.pdf")] if name in VOID_PLANS else [])
    print_sheets(requests, profile=make_profile(tmp_path_factory.mktemp("lo-profile-nederigas")))
    return {name: (inputs[name], NamedValues(folder / "lo" / f"{name}.xlsx", all_sheets=True),
                   folder / "lo" / f"{name}.xlsx", cells[name]) for name in inputs}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


# D366: a plan with a B of the ministry's (typed, not the catalogue's own, D257) and another source, then one and three
# of its lines void – a 6.8 price in fractions of a cent (D87, D332), each line a service of its own: N leaves them
# out, and the signed 6.5 prints N, A, the IB-funded sum, the used source, K and the transport share as blanks
VOID_PLANS = {"rindas-0": (), "rindas-1": (0,), "rindas-3": (0, 1, 2)}
VOID_LINES = (("3.1.3i", 20, "25.00"), ("3.1.2i", 10, "30.00"), ("3.4.1g", 6, "18.00"), ("1.1.1i", 4, "40.00"))
# 6.5's totals a void line blanks (the labels of annex.TOTALS) and one it does not
VOID_BLANKS = ("IB nepieciešamais apmērs (N)", "IB pieejamais apmērs plānam (A)", "Finansēts no IB",
               "Valsts un pašvaldību pabalsti", "IB kopējais apmērs (K)", "No IB finansētā transporta daļa no A")
VOID_KEPT = "IB provizoriskais apmērs (P)"


def void_plans(catalogue: Catalogue, day) -> dict[str, WorkbookInputs]:  # noqa: ANN001
    offers = {o.id: o for o in catalogue.offers(day)}
    plans = {}
    for name, void in VOID_PLANS.items():
        lines = tuple(line_from_offer(offers[oid], units, expert_rank=i + 1, planned_units=[units],
                                      unit_price=D(price) + (D("0.005") if i in void else 0))
                      for i, (oid, units, price) in enumerate(VOID_LINES))
        plans[name] = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=dt.date(2018, 10, 1), months=1,
                                     special_care=False, impairment="multipli", lines=lines, base=D(3100),
                                     benefits=D("200.00"))
    return plans


# D377: the void-line plan without void lines, its first line's period units or first planned month a pasted 1e11
UNITS_PLANS = {"daudzums-liels": "units", "menesis-liels": "planned_units"}
PASTED_UNITS = D("1E11")


def units_plans(clean: WorkbookInputs) -> dict[str, WorkbookInputs]:
    first = clean.lines[0]
    return {name: dataclasses.replace(clean, lines=(
        dataclasses.replace(first, **{attr: PASTED_UNITS if attr == "units" else (PASTED_UNITS,)}), *clean.lines[1:]))
        for name, attr in UNITS_PLANS.items()}


def _printed_totals(pdf: Path) -> dict[str, str]:
    """6.5's totals as printed: label -> the figure (or blank) right of it."""
    page = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page = page.replace("\u00a0", " ").replace("\u202f", " ")
    shown = {}
    for label in (*VOID_BLANKS, VOID_KEPT):
        line = next(t for t in page.splitlines() if label in t)
        found = SHOWN.match(line.split(label, 1)[1].strip())  # the right column's label may follow one space on
        shown[label] = found.group(0) if found else ""
    return shown


@pytest.mark.parametrize("name", list(VOID_PLANS))
def test_void_lines_are_counted_noted_beside_n_and_blank_the_signed_totals(files, params: Params, name: str) -> None:
    inputs, values, path, _ = files[name]
    result = evaluate_workbook(inputs, params)
    count = len(VOID_PLANS[name])
    assert values["h_NederigasRindas"] == result.void_count == count
    assert differences(result.named_values(), values) == [], name  # N, A, K, the counts: the reference's
    assert values["Kludas"] == count and values["h_BazeProviz"] == 0, _listed(values)  # B typed: no blank of B's
    note = values["Piezime_NederigasRindas"]
    assert (note == void_lines_text(count)) if count else _blank(note), note
    shown = _printed_totals(path.parent / f"{name}-6.5.pdf")
    assert shown[VOID_KEPT] == lvformat.number(result.provisional).replace("\u00a0", " ").replace("\u202f", " "), shown
    # what the signatures approve: 6.3's line with N and 6.5's with K (both blank as their totals, D272)
    lines = {sheet: next(v for s, _, v in values.all_values() if s == sheet and isinstance(v, str) and words in v)
             for sheet, words in (("6.3", "IB nepieciešamais apmērs (N) – "), ("6.5", ", K – "))}
    # 6.4's status: no „N is the final amount” while N leaves void lines out (audit47c)
    status = values["Statuss_Aprekins"]
    assert (LOWER_BOUND_STATUS in status) == bool(count), status
    assert ("N ≤ P: nepieciešamais apmērs ir arī IB galīgais apmērs" in status) == (not count), status
    if count:
        assert all(shown[label] == BLANK for label in VOID_BLANKS), shown
        assert all(f" – {BLANK}\u00a0EUR" in line for line in lines.values()), lines
        assert 0 < result.needed < evaluate_workbook(files["rindas-0"][0], params).needed  # the smaller N it hides
    else:
        assert all(FIGURE.match(shown[label]) for label in VOID_BLANKS), shown
        assert BLANK not in "".join(lines.values()), lines


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


@pytest.mark.parametrize("name", list(UNITS_PLANS))
def test_units_above_the_highest_are_one_invalid_input_as_the_reference(files, params: Params, catalogue: Catalogue,
                                                                         name: str) -> None:
    """D377: 99 999 999 999 sessions at 30 EUR were N 2 999 999 999 970,00 EUR with no error."""
    inputs, values, path, _ = files[name]
    result = evaluate_workbook(inputs, params)
    assert result.errors == 1 and values["Kludas"] == 1, (_listed(values), [f.message for f in result.findings])
    assert values["h_NederigasRindas"] == result.void_count == (1 if name == "daudzums-liels" else 0)
    assert differences(result.named_values(), values) == [], name  # N leaves the void line out, 6.7's month blank
    assert params.amount_max is not None
    words = (f"{'daudzumam periodā' if name == 'daudzums-liels' else 'plānotajām vienībām'} jābūt skaitlim līdz "
             f"{lvformat.number(params.amount_max, 0)} (lielāks nav ticams), ievadīts 100000000000")
    sheet = "6.3" if name == "daudzums-liels" else "6.6"
    (listed,) = [t for t in _listed(values) if words in t]
    where = listed.split(". ", 1)[1].split(": ", 1)[0]  # „6.3 G9”
    assert where.startswith(f"{sheet} "), listed
    child, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert child is None
    said = {p.split(" ", 1)[0].replace("!", " "): p for p in problems}
    assert list(said) == [where] and words in said[where], problems
