"""The report register workbook's notes (audit18 F16–F18): an ended round's note on sheets 29 and 30 says the
template is for this round's late or corrected reports (no dangling "par to"), sheet 30 names the round above its
first table as 29 does (not between the spending table and the indicators), and sheet 28 says "pārskatus 29 un 30
aprēķina no šīm rindām"."""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.documents.reports.register_layout import QUARTER_FIRST, S_CASH, S_QUARTER, S_REG
from tests.documents.test_command_round import PILOT, REPORTS

ENDED = "Kārta jau beigusies: veidne paredzēta šīs kārtas novēlotiem vai labotiem pārskatiem."


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    out = tmp_path_factory.mktemp("karta")
    result = CliRunner().invoke(main, ["documents", "--out", str(out), "--municipality", "liepaja", "--round", PILOT])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out / REPORTS / f"liepaja-{PILOT}" / "izdevumu-registrs-un-parskati.xlsx")


def _notes(ws) -> list[tuple[int, str]]:  # noqa: ANN001 - an openpyxl worksheet
    return [(c.row, c.value) for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and "Veidne izveidota" in c.value]


def test_an_ended_rounds_note_reads_whole_on_29_and_30(register: openpyxl.Workbook) -> None:
    for sheet in (S_CASH, S_QUARTER):
        [(_, note)] = _notes(register[sheet])
        assert note.endswith(ENDED) and "par to" not in note, sheet


def test_sheet_30_names_the_round_above_its_first_table(register: openpyxl.Workbook) -> None:
    ws = register[S_QUARTER]
    [(row, _)] = _notes(ws)
    assert row < QUARTER_FIRST  # above the quarters' header row (1-based row QUARTER_FIRST)
    assert ws.cell(QUARTER_FIRST, 1).value == "Gads"


def test_sheet_28_says_the_reports_are_computed_from_its_rows(register: openpyxl.Workbook) -> None:
    texts = [c.value for row in register[S_REG].iter_rows(max_row=3) for c in row if isinstance(c.value, str)]
    assert any("pārskatus 29 un 30 aprēķina no šīm rindām" in t for t in texts), texts
    assert not any("aprēķinās" in t for t in texts)
