"""The LibreOffice batch's filled workbooks (tests/workbook/conftest.py InputCells): the generated template
patched in its input cells carries every entered value and the opened plan-row groups that openpyxl's own save
of the same filled workbook carries (byte for byte the file patched from the template itself, though made from a
template stripped once), and refuses a directly written cell that is not an input."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.ministry.xlsxread import read_xlsx, sheet_parts
from generator.workbook.inputs import fill
from generator.workbook.names import read
from generator.workbook.outline import opened_by_program
from tests.workbook.conftest import InputCells, clean_plans, paste, recipient_labels, write_notes
from tests.workbook.invalid import BadCell, spread
from tests.workbook.plans import SEED, random_plans

HIDDEN = re.compile(r'<row r="(\d+)"[^>]*? hidden="1"')


def hidden_rows(path: Path) -> dict[str, set[int]]:
    with zipfile.ZipFile(path) as zf:
        return {sheet: {int(r) for r in HIDDEN.findall(zf.read(part).decode("utf-8"))}
                for sheet, part in sheet_parts(zf).items()}


def input_values(path: Path, cells: dict[str, list[tuple[int, int]]]) -> dict[str, dict]:
    book = read_xlsx(path)
    return {sheet: {rc: book.cells[sheet][rc].value if rc in book.cells[sheet] else None for rc in coords}
            for sheet, coords in cells.items()}


def test_patched_template_carries_what_openpyxl_saves(catalogue, params, day, templates, tmp_path: Path) -> None:
    wb = load_workbook(templates[None])
    prices, labels = read(wb, "Pak_Cena"), recipient_labels(catalogue)
    into_template = InputCells(templates[None], wb)
    offers = catalogue.offers(day)
    plans = random_plans(6, offers, params.full_rate_max_age, params.eligibility_age_limit, params.period_months_max,
                         periods=params.reporting_periods)
    plans += clean_plans(offers, params, 2, SEED + 10_000)
    assert any(len(p.inputs.lines) > 10 for p in plans) and any(len(p.inputs.lines) <= 10 for p in plans)
    bad = spread(50, 4, SEED)  # the batch's spread; two of its workbooks here
    for i, plan in enumerate(plans):
        fill(wb, plan.inputs, labels, template_prices=prices)
        write_notes(wb)
        pasted = paste(wb, plan, bad[i - 6], params) if i >= 6 else []
        saved, patched = tmp_path / f"saved-{i}.xlsx", tmp_path / f"patched-{i}.xlsx"
        wb.save(saved)
        into_template.save(wb, patched, len(plan.inputs.lines), pasted)
        # from the template stripped once, the same bytes as patched (and stripped) from the template itself
        into_template.save_from_template(wb, direct := tmp_path / f"direct-{i}.xlsx", len(plan.inputs.lines), pasted)
        assert patched.read_bytes() == direct.read_bytes(), i
        assert input_values(patched, into_template.cells) == input_values(saved, into_template.cells), i
        assert hidden_rows(patched) == hidden_rows(saved), i
        # plan rows: hidden only while the plan fits the first 10 rows; 6.11's list stays closed for a person
        by_program = [rows for sheet, rows in hidden_rows(patched).items() if opened_by_program(sheet)]
        assert any(by_program) == (len(plan.inputs.lines) <= 10), i


def test_a_directly_written_locked_cell_is_refused(templates, tmp_path: Path) -> None:
    wb = load_workbook(templates[None])
    into_template = InputCells(templates[None], wb)
    with pytest.raises(AssertionError, match="nav ievades šūna"):
        into_template.save(wb, tmp_path / "x.xlsx", 1, [("6.4", "A1")])
    with pytest.raises(AssertionError, match="nav ievades šūna"):
        into_template.save(wb, tmp_path / "y.xlsx", 1, [BadCell("Kludas", "6.11", "A1", "teksts", "x")])
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "y.xlsx").exists()
