"""`ibm collect --previous` with a previous period that has not ended on the collection's day: its 6.10 payments may
still grow, so its unspent amount and the pool may still fall. The console and „Piezīmes par failiem” warn of it and
name the period's end, the front page's „samaksātais” row says it; nothing else changes – not the amounts, not a
status, not the exit status (audit40a F2)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.lvformat import date as lv_date
from generator.ministry import command
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY
from generator.ministry.summary_front import PREVIOUS_PAID_NOTE, UNREPORTED_LABEL
from generator.reference.rounds import period_holding
from tests.documents.conftest import normalise
from tests.ministry.conftest import KEY
from tests.ministry.factory import params

PAID_ROW = "Iepriekšējā perioda samaksātais (6.10. tabula), EUR"


def _collect(monkeypatch: pytest.MonkeyPatch, day: dt.date, folder: Path, previous: Path, out: Path):  # noqa: ANN202
    class Clock(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return day

    monkeypatch.setattr(command, "dt", SimpleNamespace(date=Clock, datetime=dt.datetime, timedelta=dt.timedelta))
    run = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--previous", str(previous),
                                    "--jobs", "1", "--no-cache"], env={ENV_KEY: KEY.decode()})
    wb = load_workbook(out)
    notes = [r[1] for r in wb["Piezīmes par failiem"].iter_rows(min_row=4, values_only=True) if r[1]]
    front = {r[0]: (r[1], r[2]) for r in wb["Kopsavilkums"].iter_rows(min_row=4, values_only=True) if r[0]}
    csvs = {p.name.replace("_provizoriski", ""): list(csv.reader(p.read_text(encoding="utf-8-sig").splitlines(),
                                                                 delimiter=";"))
            for p in sorted((out.parent / FINAL_DIR).glob("*.csv"))}
    return run, normalise(run.output), notes, front, csvs


def test_a_previous_period_still_running_is_warned_of_and_changes_nothing_else(
        monkeypatch: pytest.MonkeyPatch, small_folder, later_folder, tmp_path: Path,  # noqa: ANN001
        catalogue: Catalogue) -> None:
    previous, children = small_folder
    held = period_holding(params(catalogue).reporting_periods, children[0].inputs.period_start)
    assert held is not None
    end = held.end
    running = _collect(monkeypatch, end, later_folder[0], previous, tmp_path / "vel" / "k.xlsx")
    ended = _collect(monkeypatch, end + dt.timedelta(days=1), later_folder[0], previous, tmp_path / "pec" / "k.xlsx")
    # the --previous folder named as the summary names it (its own name, no personal data)
    warning = (f"iepriekšējais pārskata periods {held.label} (--previous mapē „{previous.name}”) savākšanas dienā "
               f"{lv_date(end)} vēl nav beidzies: līdz tā beigām {lv_date(end)} tā matricu 6.10. tabulās samaksātais var pieaugt, tāpēc iepriekšējā perioda "
               "neapgūtais un pārdales fonds var vēl samazināties")
    run, said, notes, front, csvs = running
    assert run.exit_code == 0, said  # a warning: the exit status rules are unchanged
    assert f"Brīdinājums: {warning}" in said, said
    assert any(n.startswith(f"Brīdinājums: {warning}") for n in notes), notes
    assert f"līdz {lv_date(end)} samaksātais var pieaugt" in front[PAID_ROW][1], front[PAID_ROW]
    # a previous matrix with no payment yet is not said to belong to an ended period
    assert "(periods vēl nav beidzies)" in said and "lai gan periods ir beidzies" not in said, said
    assert "periods vēl nav beidzies, un 6.10. tabulā" in front[UNREPORTED_LABEL][1], front[UNREPORTED_LABEL]
    # the day after the period's end: no such warning, and the same amounts and statuses
    run2, said2, notes2, front2, csvs2 = ended
    assert run2.exit_code == 0, said2
    assert "vēl nav beidzies" not in said2 and not any("vēl nav beidzies" in n for n in notes2), said2
    assert front2[PAID_ROW][1] == PREVIOUS_PAID_NOTE, front2[PAID_ROW]  # no „var pieaugt” once the period ended
    assert "lai gan periods ir beidzies" in said2, said2
    assert "periods beidzies, bet 6.10. tabulā" in front2[UNREPORTED_LABEL][1], front2[UNREPORTED_LABEL]
    assert csvs == csvs2 and csvs
    assert {k: v[0] for k, v in front.items()} == {k: v[0] for k, v in front2.items()}
