"""audit20 F14: 6.11's check of month data in a line with no service or units names the line once there is one –
"6.3. tabulas N. rindā …" (the first such line, the reference's), "un vēl citās" when there are more – as
LibreOffice recalculates the matrix; with none, the plain description."""

from __future__ import annotations

import pytest

from generator.reference.workbook import evaluate_workbook
from generator.workbook.sheets.technical import IGNORED_TAIL, rule_row, rules

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]


def test_the_check_names_the_first_line_with_ignored_data(lo_batch, params) -> None:
    index = [code for code, *_ in rules("multipli")].index("ignored_line_data")
    row = rule_row(index)
    named = plain = 0
    for plan, path in lo_batch.plans:
        lines = sorted(i for f in evaluate_workbook(plan.inputs, params).findings if f.code == "ignored_line_data"
                       for i in f.lines)
        shown = {rc: value for sheet, rc, value in lo_batch.read(path).all_values() if sheet == "6.11"}[(row, 1)]
        if lines:
            more = " un vēl citās" if len(lines) > 1 else ""
            assert shown == f"6.3.\u00a0tabulas {lines[0] + 1}.\u00a0rindā{more}{IGNORED_TAIL}", (plan.describe(), shown)
            named += 1
        else:
            assert shown == f"Rindā{IGNORED_TAIL}", (plan.describe(), shown)
            plain += 1
    assert named and plain, (named, plain)
