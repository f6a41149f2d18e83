"""D370: a provider's price above its unit's plausible highest (9999 for a day-care centre's 18,50, 2500 for a speech
therapist's 25,00) on a line with no ceiling figure is a counted warning of the recalculated matrix equal to the
reference's, and 6.11's row names the first such line's 6.8 price cell, its plan line and its unit's bound from the
catalogue (6.8's h_Pak_CenaTicama); without one it shows the plain description. The rule cases of
tests/cases/rules.yaml are in the LibreOffice batch (conftest.lo_batch)."""

from __future__ import annotations

import pytest

from generator.lvformat import eur
from generator.reference.rules import IMPLAUSIBLE_TEXT
from generator.reference.workbook import evaluate_workbook
from generator.workbook.sheets.technical import IMPLAUSIBLE_PLAIN, IMPLAUSIBLE_TAIL, rule_row, rules

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]


def test_the_warning_is_counted_and_names_its_first_cell(lo_batch, params) -> None:
    index = [code for code, *_ in rules("multipli")].index("price_implausible")
    row = rule_row(index)
    named = plain = 0
    for wc, path in [*lo_batch.cases, *lo_batch.plans]:
        inputs = wc.inputs
        result = evaluate_workbook(inputs, params)
        found = [f for f in result.findings if f.code == "price_implausible"]
        values = lo_batch.read(path)
        sheet = {rc: value for name, rc, value in values.all_values() if name == "6.11"}
        shown, count = sheet[(row, 1)], sheet[(row, 5)]
        assert count == len(found), (path.name, count, found)
        if found:
            first = inputs.lines[found[0].lines[0]]
            cell_row = next(r for name, (r, c), v in values.all_values()
                            if name == "6.8" and c == 1 and isinstance(v, str) and v.startswith(f"{first.offer_id} "))
            bound = params.plausible_prices[first.unit]
            more = " un citas" if len(found) > 1 else ""
            assert shown == (f"6.8.\u00a0tabulas I{cell_row} ({found[0].lines[0] + 1}.\u00a0plāna rinda{more}): cena "
                             f"{IMPLAUSIBLE_TEXT} {eur(bound)}{IMPLAUSIBLE_TAIL}"), (path.name, shown)
            named += 1
        else:
            assert shown == IMPLAUSIBLE_PLAIN, (path.name, shown)
            plain += 1
    assert named >= 2 and plain, (named, plain)
