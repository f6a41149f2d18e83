"""`ibm migrate` across a change of a programme rule (transport_share_max): the report names the changed parameter with
its old and new value, and its error counts agree with its lists of new and gone findings – both come from the old
matrix evaluated as it showed itself (its own 6.11 parameters and the last day of its prices) and the new one."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes.diff import describe_param
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import MigrationReport, Migrator
from generator.ministry.xlsxpatch import patch_xlsx
from generator.ministry.xlsxread import read_xlsx
from tests.programme_yaml import add_programme_value

NEW_SHARE = "0.15"  # a made-up rule change, the test's own input


def _with_share_from(day: dt.date, target: Path) -> Catalogue:
    shutil.copytree(DEFAULT_CATALOGUE, target)
    add_programme_value(target, "transport_share_max", day, NEW_SHARE)
    return load_or_raise(target)


NEW_RATE = "0.65"  # a made-up change of a parameter every plan uses (D61), the test's own input


def _with_rate_from(day: dt.date, target: Path) -> Catalogue:
    """A catalogue whose reduced rate (a parameter of every plan's P, D61) changes on ``day``: a plan across it is
    refused, whatever it plans (the transport limit would refuse only a plan with transport)."""
    shutil.copytree(DEFAULT_CATALOGUE, target)
    add_programme_value(target, "rate_reduced", day, NEW_RATE)
    return load_or_raise(target)


CHANGED = "šīs matricas vērtība ir spēkā līdz"  # the prices_not_in_force error of a change inside the plan (D61)


def _first_of_next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _plan(small_folder) -> tuple[Path, dt.date]:  # noqa: ANN001
    """A matrix whose plan runs at least two months, from the first of a month, and its first day."""
    _, children = small_folder
    for child in children:
        m = Matrix.open(child.path)
        start, months = m.scalar("Perioda_Sakums"), m.scalar("Perioda_Menesi")
        if isinstance(start, dt.datetime) and start.day == 1 and isinstance(months, int | float) and months >= 2:
            return child.path, start.date()
    pytest.skip("no plan of two months from the first of a month")


def _agree(report: MigrationReport) -> None:
    assert report.before is not None and report.after is not None, report.text()
    new = sum(1 for f in report.new_findings if f.startswith("Kļūda"))
    gone = sum(1 for f in report.gone_findings if f.startswith("Kļūda"))
    assert report.after.errors - report.before.errors == new - gone, report.text()
    new_w = sum(1 for f in report.new_findings if f.startswith("Brīdinājums"))
    gone_w = sum(1 for f in report.gone_findings if f.startswith("Brīdinājums"))
    assert report.after.warnings - report.before.warnings == new_w - gone_w, report.text()


def test_a_rule_change_inside_the_plan_is_a_named_new_error(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, start = _plan(small_folder)
    catalogue = _with_rate_from(_first_of_next_month(start), tmp_path / "katalogs")
    with Migrator(catalogue) as migrator:
        report = migrator.migrate(path, tmp_path / "jauna.xlsx")
    _agree(report)
    assert any(CHANGED in f and "mainās programmas parametrs" in f for f in report.new_findings), report.text()
    assert not any(CHANGED in f for f in report.gone_findings)


def test_a_file_with_stored_counts_agrees_with_the_lists(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """The counts the old file stored (as LibreOffice computed them) and the lists: the change inside the plan is an
    error the old matrix did not show, so it is new, not already there."""
    path, start = _plan(small_folder)
    catalogue = _with_rate_from(_first_of_next_month(start), tmp_path / "katalogs")
    with Migrator(catalogue) as migrator:
        plain = migrator.migrate(path, tmp_path / "parrekinata.xlsx")
        assert plain.before is not None
        book = read_xlsx(path)
        cells: dict = {}
        for name, count in (("Kludas", plain.before.errors), ("Bridinajumi", plain.before.warnings)):
            ref = book.name_ref(name)
            assert ref is not None
            cells.setdefault(ref.sheet, {})[ref.first] = count
        shown = tmp_path / "ar-skaitiem.xlsx"
        patch_xlsx(path, shown, cells)
        report = migrator.migrate(shown, tmp_path / "jauna.xlsx")
    assert report.before is not None and report.before.stored
    _agree(report)
    assert any(CHANGED in f for f in report.new_findings), report.text()


def test_a_changed_rule_is_named_with_its_old_and_new_value(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, start = _plan(small_folder)
    catalogue = _with_share_from(start, tmp_path / "katalogs")
    with Migrator(catalogue) as migrator:
        report = migrator.migrate(path, tmp_path / "jauna.xlsx")
    share = catalogue.programme.transport_share_max
    old, new = (describe_param(share.at(day).value, share.unit) for day in (start - dt.timedelta(days=1), start))
    assert old != new
    assert f"\n  {share.name_lv}: {old} → {new}\n" in report.text(), report.text()
    assert "Mainītie programmas noteikumu parametri 6.11. tabulā (vecā vērtība → jaunā; jaunajā matricā ir jaunā):" in report.text()
    _agree(report)


@pytest.mark.parametrize("form", ["date", "serial"])
def test_an_own_prices_end_day_without_its_date_format_is_that_day(small_folder, tmp_path: Path, form: str) -> None:  # noqa: ANN001
    """The old matrix's catalogue knew a change inside the plan (its 6.11 h_ParamLidz, the last day of the parameters
    every plan uses, D61, a day in the plan), and the file was re-saved by another program so the day is a plain serial number (D284): the old matrix showed the error
    (its formulas compute with the number as that day), the new catalogue knows no change, so the error is gone – named
    in the list whether the day kept its date format or not (review34 §6: a serial fell back to the new catalogue)."""
    from openpyxl import load_workbook

    from generator.ministry.xlsxpatch import excel_serial

    path, start = _plan(small_folder)
    until = _first_of_next_month(start) - dt.timedelta(days=1)  # the plan's first month's last day
    wb = load_workbook(path)
    sheet, ref = next(iter(wb.defined_names["h_ParamLidz"].destinations))
    cell = wb[sheet][ref.replace("$", "").split(":")[0]]
    if form == "date":
        cell.value, cell.number_format = dt.datetime.combine(until, dt.time()), "mm-dd-yy"
    else:
        cell.value, cell.number_format = excel_serial(until), "General"
    old = tmp_path / "veca.xlsx"
    wb.save(old)
    assert isinstance(Matrix.open(old).scalar("h_ParamLidz"), dt.datetime if form == "date" else int | float)
    with Migrator(load_or_raise(DEFAULT_CATALOGUE)) as migrator:
        report = migrator.migrate(old, tmp_path / "jauna.xlsx")
    _agree(report)
    assert any(CHANGED in f for f in report.gone_findings), report.text()
    assert not any(CHANGED in f for f in report.new_findings), report.text()
