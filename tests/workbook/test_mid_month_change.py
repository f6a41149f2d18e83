"""D351, recalculated by LibreOffice: a price changing mid-month (2.1 on the 15th) – the matrix's 6.1 message advises
what the reference does: ending the period on the last month's end before the change (a period ends on a month's
last day, D93), never on the day before it; and for a plan starting in the change's month before it, that such a
plan cannot start then – only the change day with its matrix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.loader import load_or_raise
from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook, shorten_advice
from generator.workbook.inputs import fill
from generator.workbook.recalculated import recalculated_values
from generator.workbook.writer import write_workbook
from tests.plan_changes_catalogue import (
    COMPANION_CHANGE,
    MUNICIPALITIES,
    changes_catalogue,
)
from tests.workbook.conftest import recipient_labels, require_soffice, require_uno

pytestmark = pytest.mark.libreoffice

MID_MONTH = dt.date(2027, 3, 15)  # 2.1's price changes again, mid-month


def test_a_mid_month_change_is_advised_a_months_end(tmp_path: Path) -> None:
    require_uno()
    require_soffice()
    changed = changes_catalogue(tmp_path / "catalogue")
    prices = changed.root / "prices" / "2.1.yaml"
    prices.write_text(prices.read_text("utf-8") + f"  - effective_from: {MID_MONTH.isoformat()}\n    kind: ceiling\n"
                      "    amount: 5.80\n    source: \"Testa dati: izdomāta maiņa\"\n    status: apstiprināts\n", "utf-8")
    changed = load_or_raise(changed.root)
    template = write_workbook(changed, tmp_path / "veidne.xlsx", None, COMPANION_CHANGE)
    offers = {o.id: o for o in changed.offers(COMPANION_CHANGE)}

    def plan(start: dt.date, months: int) -> WorkbookInputs:  # an individual session and 2.1, once a month
        lines = tuple(line_from_offer(offers[item], months, unit_price=offers[item].prefill_price or Decimal("1.00"),
                                      expert_rank=1, parent_rank=i + 1, planned_units=[1] * months)
                      for i, item in enumerate(("3.1.2i", "2.1")))
        return WorkbookInputs(dt.date(2015, 5, 17), start, months, False, "kustību", lines)

    plans = {"saisina": plan(COMPANION_CHANGE, 3), "menesi": plan(dt.date(2027, 3, 5), 1)}
    paths = []
    for name, inputs in plans.items():
        wb = load_workbook(template)
        fill(wb, inputs, recipient_labels(changed), municipality=MUNICIPALITIES[0])
        paths.append(tmp_path / f"{name}.xlsx")
        wb.save(paths[-1])
    values = dict(zip(plans, recalculated_values(paths, profile=make_profile(tmp_path / "profile")), strict=True))
    params = Params.from_catalogue(changed, COMPANION_CHANGE)
    for name, inputs in plans.items():
        expected = evaluate_workbook(inputs, params)
        (refused,) = [f.message for f in expected.findings if f.severity.value == "kļūda"]  # the only error
        assert values[name]["Kludas"] == expected.errors, (name, values[name]["Kludas"], expected.errors)
        status = str(values[name]["Statuss_Tiesibas"])
        advice = shorten_advice(inputs.period_start, MID_MONTH)
        assert f"): {advice} sāciet to 15.03.2027 un " in status and advice in refused, (name, status, refused)
        assert "saīsiniet periodu līdz 14.03.2027" not in status, status
    assert "saīsiniet periodu līdz 28.02.2027 vai" in str(values["saisina"]["Statuss_Tiesibas"])
    assert "nevar sākties no 01.03.2027 līdz 14.03.2027 –" in str(values["menesi"]["Statuss_Tiesibas"])
