"""D293: a plan has at most as many lines as the IBM matrix has plan rows. The limit is the rules' (the reference
refuses a longer plan with one error about the lines past it) and the workbook's layout has exactly that many rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import agree
from generator.reference.lines import PLAN_LINES, PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.rules import check_line_count
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.layout import PLAN_ROWS, line_offsets
from generator.workbook.writer import template_date


def test_the_limit_is_the_matrix_plan_rows() -> None:
    assert PLAN_LINES == PLAN_ROWS == len(line_offsets())


def test_as_many_lines_as_the_matrix_has_pass_and_one_more_is_one_error() -> None:
    empty = PlanLine(offer_id=None)
    assert check_line_count([empty] * PLAN_ROWS) == []
    [finding] = check_line_count([empty] * (PLAN_ROWS + 1))
    assert (finding.code, finding.severity.value, finding.lines) == ("too_many_lines", "kļūda", (PLAN_ROWS,))
    rows = agree(PLAN_ROWS, "plāna rinda", "plāna rindas")
    assert finding.message.startswith(f"Plāna rindu skaits ir {PLAN_ROWS + 1}, bet IBM matricā ir tikai {PLAN_ROWS} "
                                      f"{rows} – ")
    [more] = check_line_count([empty] * (PLAN_ROWS + 3))
    assert more.lines == (PLAN_ROWS, PLAN_ROWS + 1, PLAN_ROWS + 2)  # every line past the matrix's rows


def test_evaluate_workbook_counts_the_error(catalogue: Catalogue) -> None:
    """A plan of PLAN_ROWS + 1 sessions: amounts as for any plan, one error more than the same plan one line shorter."""
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    period = next(p for p in params.reporting_periods if p.start >= params.day)
    offer = next(o for o in catalogue.offers(params.day) if str(o.service.unit) == "reize")
    line = line_from_offer(offer, Decimal(1), unit_price=Decimal(10), expert_rank=1, parent_rank=1,
                           planned_units=(Decimal(1),))

    def result(count: int):  # noqa: ANN202 - WorkbookResult
        inputs = WorkbookInputs(birth_date=dt.date(period.start.year - 8, 5, 5), period_start=period.start,
                                months=6, special_care=False, impairment=None, lines=(line,) * count)
        return evaluate_workbook(inputs, params)

    fits, over = result(PLAN_ROWS), result(PLAN_ROWS + 1)
    assert [f.code for f in fits.findings if f.code == "too_many_lines"] == []
    assert [(f.code, f.lines) for f in over.findings if f.code == "too_many_lines"] == [("too_many_lines", (PLAN_ROWS,))]
    assert over.errors == fits.errors + 1
    assert over.needed == fits.needed + Decimal(10)
