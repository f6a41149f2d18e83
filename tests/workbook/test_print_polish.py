"""The matrix print's small findings (matrixprint F5–F7), read from the written template:

- F5: 6.11's list of errors prints 30 rows (D198) – an empty one must print empty, not as a grey bordered box: the
  rows have no border or fill of their own, a conditional format (Excel 2010 and LibreOffice apply it) gives them to a
  row holding an entry, across the whole row A:F.
- F6: 6.5's totals print "______" while unconfirmed; in a new template that is a text ("" under the blank format),
  which Excel and LibreOffice align left, a number right: the totals are right-aligned either way.
- F7: 6.8 named the template and its prices day twice on its first page (page header and row 2): only the page header
  names it now, as on every sheet.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.workbook.sheets import annex, technical
from generator.workbook.sheets.common import header_version
from generator.workbook.version import template_version
from generator.workbook.writer import template_date


def _rules_over(ws, cells: str) -> list:  # noqa: ANN001 - an openpyxl worksheet
    return [rule for ranges, rules in ws.conditional_formatting._cf_rules.items()
            if str(ranges.sqref) == cells for rule in rules]


def test_611_empty_list_rows_print_empty(templates: dict[str | None, Path]) -> None:
    ws = load_workbook(templates["liepaja"])[technical.SHEET]
    first, last = technical.INVALID_FIRST, technical.INVALID_LAST
    for row in range(first, last + 1):
        for col in "ABCDEF":
            cell = ws[f"{col}{row}"]
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert not any(side.style for side in sides), f"{cell.coordinate}: apmale bez ieraksta"
            assert cell.fill.fill_type in (None, "none"), f"{cell.coordinate}: fons bez ieraksta"
    rules = _rules_over(ws, f"A{first}:F{last}")
    assert len(rules) == 1, rules
    rule = rules[0]
    assert rule.formula == [f'$A{first}<>""'], rule.formula
    border = rule.dxf.border
    assert all(side.style == "thin" for side in (border.left, border.right, border.top, border.bottom)), border
    assert rule.dxf.fill is not None and rule.dxf.fill.bgColor.rgb, rule.dxf.fill


def test_65_totals_align_right_also_as_blanks(templates: dict[str | None, Path]) -> None:
    for key in (None, "liepaja"):
        ws = load_workbook(templates[key])[annex.SHEET]
        formulas = {f'=IF(ISNUMBER({ref}),{ref},"")' for _, ref in annex.TOTALS}
        totals = [c for row in ws.iter_rows() for c in row if c.value in formulas]
        assert len(totals) == len(annex.TOTALS), [c.coordinate for c in totals]
        blanked = [c for c in totals if any(f"ISNUMBER({ref})," in c.value for ref in annex.BLANK_WHEN)]
        assert blanked, "no total that prints a blank"
        left = [c.coordinate for c in totals if c.alignment.horizontal != "right"]
        assert not left, f"{key}: {left}"


def test_68_names_the_template_in_its_page_header_only(templates: dict[str | None, Path], catalogue) -> None:  # noqa: ANN001
    shown = f"Veidne {header_version(template_version(catalogue), template_date(catalogue))}"
    for key in (None, "liepaja"):
        ws = load_workbook(templates[key])["6.8"]
        assert shown in ws.oddHeader.right.text, ws.oddHeader.right.text
        twice = [c.coordinate for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str) and ("Veidne" in c.value or "cenas uz" in c.value)]
        assert not twice, twice


def test_611_status_line_keeps_room_under_the_section_rule(templates: dict[str | None, Path]) -> None:
    """F7 on 6.11: the status line right under the list's section title (whose rule is the title cell's bottom
    border) is centred in a row 4 pt taller than its two lines of 9 pt, so its text never touches the rule."""
    ws = load_workbook(templates["liepaja"])[technical.SHEET]
    title, status = ws[f"A{technical.INVALID_SECTION}"], ws[f"A{technical.INVALID_STATUS}"]
    assert title.border.bottom.style, "the section title has no rule"
    assert status.alignment.vertical == "center", status.alignment.vertical
    assert ws.row_dimensions[technical.INVALID_STATUS].height >= 2 * 13 + 4
