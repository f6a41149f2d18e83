"""Another funding source above the plan's cost N is a warning (D154, audit29 F2): one for each such source, naming
its cell on 6.4; not an error, because the methodology's example 2.4 has one (900 EUR against N = 500 EUR); a
sub-cent amount or a day's serial (already an invalid input) is not counted again (D386)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import SOURCE_CELLS, WorkbookInputs, evaluate_workbook
from generator.workbook.version import template_version

D = Decimal
REGISTRY = Path(__file__).resolve().parents[2] / "generator" / "ministry" / "template_registry.json"
START = dt.date(2018, 10, 1)
NAMES = {"benefits": "Fin_Pabalsti", "services": "Fin_Pakalpojumi", "other": "Fin_Citi"}


def _inputs(catalogue: Catalogue, **sources: Decimal) -> WorkbookInputs:
    offer = next(o for o in catalogue.offers(START)
                 if o.service.regime.value == "market" and o.ceiling is None and not o.transport)
    line = line_from_offer(offer, 100, unit_price=30, expert_rank=1, planned_units=[100])
    return WorkbookInputs(birth_date=dt.date(2006, 5, 5), period_start=START, months=1, special_care=False,
                          impairment=None, lines=(line,), base=D(1000), **sources)


def test_a_source_above_n_is_one_warning_each(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    at_n = evaluate_workbook(_inputs(catalogue, benefits=D("3000.00"), services=D("3000.00"), other=D(0)), params)
    # the one line of 3 000,00 EUR is above P (700,00): D148's warning, and B 1 000,00 EUR is not the catalogue's
    # (D257): the only ones here
    assert at_n.needed == D("3000.00") and at_n.errors == 0
    assert [f.code for f in at_n.findings if f.severity is Severity.warning] == ["base_differs",
                                                                                 "line_above_provisional"]
    huge = D("99999.50")  # far above N, not above the highest (D340)
    over = evaluate_workbook(_inputs(catalogue, benefits=huge, services=D("3000.01"), other=D(5)), params)
    found = [f for f in over.findings if f.code == "source_above_needed"]
    assert over.errors == 0 and over.warnings == 2 + at_n.warnings and over.total == D("3000.00")
    assert len(found) == 2 and all(f.severity is Severity.warning and f.counts for f in found)
    assert found[0].message.startswith(SOURCE_CELLS[0][1]) and found[1].message.startswith(SOURCE_CELLS[1][1])
    assert "3\u00a0000,00\u00a0EUR" in found[0].message  # N, the limit it is over
    # a sub-cent amount above N is one error (money_cents) and no warning, as in the matrix
    subcent = evaluate_workbook(_inputs(catalogue, other=D("3000.005")), params)
    assert [f.code for f in subcent.findings if f.code not in ("line_above_provisional", "base_differs")
            ] == ["money_cents"]


def test_a_source_that_is_a_days_serial_is_its_error_only(catalogue: Catalogue) -> None:
    """D386: a whole number pasted as a day's serial (D286) into another source is an invalid input – its error – and
    the warning that it is above N waits until it is corrected, as the matrix's rule waits while the source's check
    code is above 0; before, the one paste was an error and a counted warning. A valid amount as large is warned of."""
    params = Params.from_catalogue(catalogue, START)
    assert params.date_serials is not None
    serial = D(params.date_serials.first + 100)
    pasted = evaluate_workbook(_inputs(catalogue, other=serial), params)
    assert [f.code for f in pasted.findings if f.counts and f.severity is Severity.error] == ["date_serial"]
    assert not [f for f in pasted.findings if f.code == "source_above_needed"]
    typed = evaluate_workbook(_inputs(catalogue, other=serial + D("0.5")), params)  # a fraction is no serial
    assert typed.errors == 0 and [f.code for f in typed.findings if f.code == "source_above_needed"] == [
        "source_above_needed"]


def test_the_messages_name_the_templates_cells(catalogue: Catalogue) -> None:
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    names = registry["versions"][template_version(catalogue)]["names"]
    for attr, cell, _ in SOURCE_CELLS:
        sheet, where = names[NAMES[attr]].split("!")
        assert cell.startswith(f"{sheet}. tabulas šūna {where} "), (cell, names[NAMES[attr]])
