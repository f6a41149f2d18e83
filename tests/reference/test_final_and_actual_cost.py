"""F never above N where it applies (D7) and the euro at actual cost priced 1,00 EUR a unit (D70)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.rules import check_actual_cost_prices
from generator.reference.workbook import FINAL_CELL, WorkbookInputs, check_final, evaluate_workbook
from generator.workbook.version import template_version

D = Decimal
REGISTRY = Path(__file__).resolve().parents[2] / "generator" / "ministry" / "template_registry.json"
START = dt.date(2018, 10, 1)


def _offers(catalogue: Catalogue) -> dict:
    return {o.id: o for o in catalogue.offers(START)}


def _market(catalogue: Catalogue):  # noqa: ANN202 - an Offer
    """An item at a market price without a ceiling: any price is allowed."""
    return next(o for o in catalogue.offers(START)
                if o.service.regime.value == "market" and o.ceiling is None and not o.transport)


def test_final_above_needed_is_an_error_naming_the_cell() -> None:
    (finding,) = check_final(D("2950.00"), D("2664.00"), D("2100.00"))
    assert finding.code == "final_above_needed" and finding.severity is Severity.error and finding.counts
    assert finding.message.startswith(FINAL_CELL)
    assert "2\u00a0950,00\u00a0EUR" in finding.message and "2\u00a0664,00\u00a0EUR" in finding.message


def test_the_message_names_the_templates_final_cell(catalogue: Catalogue) -> None:
    """FINAL_CELL is where the current template's defined name IB_Galigais lies (it moved with the 6.4 layout)."""
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    sheet, cell = registry["versions"][template_version(catalogue)]["names"]["IB_Galigais"].split("!")
    assert FINAL_CELL.startswith(f"{sheet}. tabulas šūna {cell} "), (FINAL_CELL, sheet, cell)


def test_final_equal_to_needed_or_not_applied_is_no_error() -> None:
    assert check_final(D("2664.00"), D("2664.00"), D("2100.00")) == []
    assert check_final(None, D("2664.00"), D("2100.00")) == []
    # N <= P: A = N and the typed F is not applied (its note says so)
    assert check_final(D("2950.00"), D("600.00"), D("1000.00")) == []


def test_workbook_counts_f_above_n_and_still_shows_a(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    line = line_from_offer(_market(catalogue), 100, unit_price=30, expert_rank=1, planned_units=[100])
    inputs = WorkbookInputs(birth_date=dt.date(2006, 5, 5), period_start=START, months=1, special_care=False,
                            impairment=None, lines=(line,), base=D(1000))
    assert evaluate_workbook(inputs, params).errors == 0
    over = evaluate_workbook(WorkbookInputs(**{**inputs.__dict__, "final": D("3000.01")}), params)
    assert over.needed == D("3000.00") and over.errors == 1
    assert [f.code for f in over.findings if f.severity is Severity.error] == ["final_above_needed"]


def test_f_above_n_waits_for_p_while_b_is_invalid(catalogue: Catalogue) -> None:
    """D356: F typed above N while N <= P is not applied and no error; one invalid B (a cent's fraction, a day's serial)
    leaves P a blank (D347), and whether F applies is then unknown: the B cell is the one error, F is not named."""
    params = Params.from_catalogue(catalogue, START)
    line = line_from_offer(_market(catalogue), 10, unit_price=30, expert_rank=1, planned_units=[10])
    inputs = WorkbookInputs(birth_date=dt.date(2006, 5, 5), period_start=START, months=1, special_care=False,
                            impairment=None, lines=(line,), base=D(1000), final=D("5000.00"))
    clean = evaluate_workbook(inputs, params)
    assert clean.needed <= clean.provisional and clean.errors == 0, clean.findings
    serials = params.date_serials
    assert serials is not None
    for base in (D("1000.005"), D(serials.first)):
        result = evaluate_workbook(WorkbookInputs(**{**inputs.__dict__, "base": base}), params)
        assert result.named_values()["IB_Provizoriskais"] is None, base
        errors = [f for f in result.findings if f.severity is Severity.error and f.counts]
        assert result.errors == 1 and len(errors) == 1, (base, [f.message for f in errors])
        assert errors[0].code != "final_above_needed" and "F 5" not in errors[0].message, errors[0].message
    # a valid B that makes N > P: F applies and is above N, one error
    applied = evaluate_workbook(WorkbookInputs(**{**inputs.__dict__, "base": D(100)}), params)
    assert applied.needed > applied.provisional
    assert [f.code for f in applied.findings if f.severity is Severity.error] == ["final_above_needed"]


def test_catalogue_actual_cost_items_are_euro_units(catalogue: Catalogue) -> None:
    offers = _offers(catalogue)
    euro = {o.id for o in offers.values() if line_from_offer(o, 1, unit_price=1).actual_cost}
    assert euro == {"1.6", "2.4", "2.5"}  # the catalogue's "euro (faktiskās izmaksas)" items (transport)


def test_euro_unit_priced_other_than_one_is_an_error(catalogue: Catalogue) -> None:
    offers = _offers(catalogue)
    lines = [line_from_offer(offers["2.4"], 12, unit_price=D("18.50"), planned_units=[12]),
             line_from_offer(offers["2.5"], 40, unit_price=1, planned_units=[40]),
             line_from_offer(_market(catalogue), 2, unit_price=D("18.50"), planned_units=[2])]
    (finding,) = check_actual_cost_prices(lines)
    assert finding.code == "actual_cost_price" and finding.severity is Severity.error and finding.lines == (0,)
    assert "„euro (faktiskās izmaksas)”" in finding.message and "1,00\u00a0EUR" in finding.message
    assert "18,50\u00a0EUR" in finding.message and finding.message.startswith("1. rinda (2.4 ")
