"""The readers' row map per template version (D288): each layout revision's spacer lines stay as issued."""

from __future__ import annotations

from generator.workbook.layout import SPACER_LINES, SPACERS_BY_REVISION, spacers_of_revision
from generator.workbook.version import LAYOUT_REVISION

# Revision 11's templates (interface version 1), revision 12's (interface version 2, D290: the same spacer rows, only
# IBM_Saskarne changed) and revision 13's (D295: page counts and marks, the same rows) are in use with spacer rows
# before these plan lines (0-based): a reader of such a file must keep finding its lines there, whatever later
# revisions do.
ISSUED = {11: (5, 10, 15, 20, 30, 35), 12: (5, 10, 15, 20, 30, 35), 13: (5, 10, 15, 20, 30, 35), 14: (5, 10, 15, 20, 30, 35),
          15: (5, 10, 15, 20, 30, 35), 16: (5, 10, 15, 20, 30, 35),
          17: (5, 10, 15, 20, 30, 35), 18: (5, 10, 15, 20, 30, 35),
          19: (5, 10, 15, 20, 30, 35),
          20: (5, 10, 15, 20, 30, 35),
          21: (5, 10, 15, 20, 30, 35)}


def test_issued_revisions_keep_their_spacer_lines():
    for revision, lines in ISSUED.items():
        assert spacers_of_revision(revision) == lines


def test_revisions_before_the_spacers_have_none():
    assert spacers_of_revision(SPACERS_BY_REVISION[0][0] - 1) == ()
    assert spacers_of_revision(0) == ()


def test_the_current_template_uses_the_entry_of_its_revision():
    assert spacers_of_revision(LAYOUT_REVISION) == SPACER_LINES


def test_entries_are_in_revision_order_and_each_changes_the_lines():
    revisions = [r for r, _ in SPACERS_BY_REVISION]
    assert revisions == sorted(set(revisions))
    lines = [lines for _, lines in SPACERS_BY_REVISION]
    assert all(a != b for a, b in zip(lines, lines[1:], strict=False))


def test_no_conditional_format_greys_a_spacer_row(templates):
    """A month after the period greys the plan lines, never a spacer row: a tall spacer greyed prints as a grey bar
    on the page the parent signs."""
    import openpyxl

    from generator.workbook.layout import PLAN_ROWS, SPACED_SHEETS, Layout, line_offsets

    wb = openpyxl.load_workbook(templates[None])
    first = Layout.plan_first
    offsets = line_offsets()
    spacer_rows = {first + offsets[s] - 1 for s in SPACER_LINES}
    assert len(spacer_rows) == len(SPACER_LINES) and not spacer_rows & {first + o for o in offsets[:PLAN_ROWS]}
    greyed = 0
    for name in SPACED_SHEETS:
        for cf in wb[name].conditional_formatting:
            if not any("h_Menesi>0" in f for rule in cf.rules for f in rule.formula):
                continue
            greyed += 1
            for cell_range in cf.sqref.ranges:
                rows = set(range(cell_range.min_row, cell_range.max_row + 1))
                assert not rows & spacer_rows, f"{name}!{cell_range.coord}"
    assert greyed >= 3  # 6.6, 6.7 and 6.10 grey their months after the period
