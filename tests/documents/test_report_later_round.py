"""The report templates of a later round. The prefilled children count and employment contract (27 „Norēķini”,
29 „Naudas plūsma”) are the plan of a running round only where that round's selection rules are confirmed (audit19
F36) and the quota took effect for that round, not carried over from the pilot (D308); an ended round's templates
(also `--round`, D125) leave both blank (D37, audit21 F9). A later round is not called the pilot (audit19 F24)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.documents.reports import register as reg
from generator.documents.reports.settlement_workbook import FIRST, SHEET, write_settlement_workbook
from tests.round_yaml import add_holiday_years, add_quota, children_round_entry

LATER = "IBM ieviešana bērniem (izdomāta otrā kārta)"
LATER_START = dt.date(2026, 9, 1)
BUILD_DAY = dt.date(2026, 11, 15)  # the later round runs


def _with_round(folder: Path, rules: bool, quota_from: dt.date | None = None) -> Catalogue:
    """The catalogue with a later children's round; with ``quota_from`` a quota of its own (D308) from that day."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    later = children_round_entry("berni-2026", LATER, LATER_START, dt.date(2027, 12, 31),
                                 services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)), rules=rules)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + later, "utf-8")
    add_holiday_years(target, 2026, 2027)
    if quota_from is not None:
        add_quota(target, quota_from, 14)
    return load_or_raise(target)


@pytest.mark.parametrize(("rules", "quota_from"), [
    (False, None), (True, None), (False, LATER_START), (True, LATER_START), (True, dt.date(2025, 1, 1))],
    ids=["rules-jaaprecize", "pilot-quota", "own-quota-rules-jaaprecize", "own-quota", "own-quota-before-start"])
def test_a_later_round_gets_only_its_own_quota_once_its_rules_are_confirmed(
        tmp_path: Path, rules: bool, quota_from: dt.date | None) -> None:
    """The children count is the round's plan only with confirmed selection rules and a quota that took effect for
    it: the pilot's quota of 2018, still in force, is not a 2026 round's plan (D308) – the count and the contract
    are blank inputs, as for a `jāprecizē` quota; a quota dated after the pilot's first day, in force on the round's
    first day, is the round's own."""
    catalogue = _with_round(tmp_path, rules, quota_from)
    periods = reg.report_periods(catalogue, BUILD_DAY, "liepaja")
    assert periods.dated and periods.round_start == LATER_START
    data = reg.empty_register(catalogue, periods)
    quotas = catalogue.programme.selection_quotas.values
    own = rules and quota_from is not None
    expected = quotas[-1].value.per_municipality if own else None
    assert own is False or (quotas[-1].effective_from == quota_from and expected != quotas[0].value.per_municipality)
    assert {m.children for m in data.months} == {expected}
    assert {m.employment_contract for m in data.months} == {True if own else None}
    path = write_settlement_workbook(catalogue, catalogue.municipality("liepaja"), tmp_path / "27.xlsx",
                                     build_date=BUILD_DAY)
    ws = openpyxl.load_workbook(path)[SHEET]
    rows = range(FIRST + 1, FIRST + 1 + len(periods.months))
    assert [ws.cell(r, 2).value for r in rows] == [expected] * len(periods.months)
    assert {ws.cell(r, 4).value or None for r in rows} == {"Jā" if own else None}


def test_the_running_pilot_keeps_its_confirmed_plan(catalogue: Catalogue) -> None:
    """The pilot's own round, running on the build day, still prefills its confirmed quota and „Jā”."""
    periods = reg.report_periods(catalogue, dt.date(2018, 11, 15), "liepaja")
    assert periods.dated and not periods.ended
    data = reg.empty_register(catalogue, periods)
    quota = catalogue.programme.selection_quotas.at(dt.date(2018, 8, 1)).value.per_municipality
    assert {m.children for m in data.months} == {quota}
    assert {m.employment_contract for m in data.months} == {True}


def test_a_later_rounds_report_templates_do_not_call_it_the_pilot(tmp_path: Path) -> None:
    """audit19 F24: sheets 31 and 27 of a later round say „programma” / „kārtas beigās”, not „izmēģinājumprojekts”,
    and do not send the signed copies to the pilot's FTP server; the pilot keeps its words."""
    from generator.documents.reports.workbooks import write_report_workbooks

    later = _with_round(tmp_path, rules=False)
    paths = write_report_workbooks(later, later.municipality("liepaja"), tmp_path / "later", build_date=BUILD_DAY)
    texts = {p.name: [c.value for ws in openpyxl.load_workbook(p).worksheets for row in ws.iter_rows() for c in row
                      if isinstance(c.value, str) and not c.value.startswith("=")] for p in paths}
    activity = texts["sd-menesa-atskaite.xlsx"]
    assert "31. pielikums. Sociālā darbinieka mēneša atskaite par paveikto darbu programmā" in activity
    assert "Ģimenes informētas par programmu" in activity
    assert "Norēķins kārtas beigās" in texts["norekini-ar-pasvaldibu.xlsx"]  # no advance without the round's rules (N10)
    for name in ("sd-menesa-atskaite.xlsx", "norekini-ar-pasvaldibu.xlsx", "izdevumu-registrs-un-parskati.xlsx"):
        leaks = [t for t in texts[name] if "izmēģinājumprojekt" in t or "FTP" in t]
        assert not leaks, (name, leaks)
    # reports are agreed with the ministry: its project team is a pilot procedure (D135, audit25 N3) – also in the
    # intros of 29 and 30, which are formulas (the municipality's name from sheet 26)
    cells = [c.value for p in paths for ws in openpyxl.load_workbook(p).worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)]
    assert not [c for c in cells if "projekta komand" in c]
    assert "Saskaņots ar Labklājības ministriju (datums)" in activity
    assert sum("saskaņošanas ar Labklājības ministriju iesniedz" in c for c in cells) == 2


def test_the_pilots_report_templates_keep_its_words(catalogue: Catalogue, tmp_path: Path) -> None:
    from generator.documents.reports.workbooks import write_report_workbooks

    paths = write_report_workbooks(catalogue, catalogue.municipality("liepaja"), tmp_path, build_date=dt.date(2018, 11, 15))
    book = next(p for p in paths if p.name == "sd-menesa-atskaite.xlsx")
    texts = [c.value for ws in openpyxl.load_workbook(book).worksheets for row in ws.iter_rows() for c in row]
    assert "Ģimenes informētas par izmēģinājumprojektu" in texts
    assert any(isinstance(t, str) and "glabā Dienestā un projekta serverī." in t for t in texts)
    assert "Saskaņots ar LM projekta komandu (datums)" in texts
