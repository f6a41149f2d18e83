"""The transport limit is binding unless the social worker justifies it in writing (D9; the parent contract's
transport clause): the reference's warning, the console, parskats.txt, a draft's error list and the matrix's 6.11
all say so, and none calls it a recommendation (audit17 F7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.signing import blocking
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.sheets import technical
from generator.workbook.writer import template_date

TRANSPORT = "2.4"


def test_the_limit_is_stated_as_binding_without_a_written_reason(catalogue: Catalogue) -> None:
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    params = Params.from_catalogue(catalogue, day)
    inputs = WorkbookInputs(birth_date=dt.date(2012, 1, 9), period_start=day, months=2, special_care=False,
                            impairment="multipli", base=Decimal("3000.00"),
                            lines=(line_from_offer(offers[TRANSPORT], 600, unit_price=Decimal(1),
                                                   planned_units=(300, 300)),))
    [finding] = [f for f in evaluate_workbook(inputs, params).findings if f.code == "transport_share"]
    limit = f"{params.transport_share_max * 100:.0f}\u00a0%"
    assert f"(bez sociālā darbinieka rakstiska pamatojuma atļauts ne vairāk kā {limit})." in finding.message
    error = blocking(finding)  # the console's, parskats.txt's and the draft's text
    assert error is not None and finding.message in error
    texts = [finding.message, error, *(r[2] for r in technical.rules("multipli"))]
    assert not [t for t in texts if "ieteic" in t.lower()], texts
    [rule] = [r for r in technical.rules("multipli") if r[0] == "transport_share"]
    assert "bez rakstiska pamatojuma atļauts" in rule[2]
