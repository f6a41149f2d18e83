"""`ibm migrate` and a date where a number belongs, or a date input holding its serial number (D284): the worker's
file, said in Latvian with the cell – never an internal error; the same day without its date format is carried."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from generator.ministry.matrix import DATE_FORMAT_ADVICE, Matrix
from generator.ministry.xlsxpatch import excel_serial


def _run(*args: object):  # noqa: ANN202
    return CliRunner().invoke(main, ["migrate", *map(str, args)])


def _cell(wb, name: str):  # noqa: ANN001, ANN202 - an openpyxl Workbook and its cell
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    return wb[sheet][ref.replace("$", "").split(":")[0]]


def _edited(source: Path, target: Path, name: str, value: object, number_format: str) -> Path:
    """``source`` with the cell of ``name`` set as the worker's program would leave it (a built-in format: openpyxl
    gives a new custom format an id the template already uses)."""
    wb = load_workbook(source)
    cell = _cell(wb, name)
    cell.value = value
    cell.number_format = number_format
    wb.save(target)
    return target


def test_a_date_in_a_number_input_is_refused_naming_the_cell(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    old = _edited(children[0].path, tmp_path / "veca.xlsx", "Bazes_Apmers", dt.datetime(1908, 6, 27), "mm-dd-yy")
    out = tmp_path / "jauna.xlsx"
    result = _run(old, "--out", out)
    assert result.exit_code == 1, result.output
    assert "iekšēja kļūda" not in result.output and "Traceback" not in result.output
    # the cell as collect and documents name it, with its label in the matrix's words, not „6.11!B21 (Bazes_Apmers)”;
    # the advice once, and no stray „.;” before the end (audit36a F8)
    said = "„Bāzes apmērs šai matricai (B)"
    output = " ".join(result.output.split())
    assert said in output and "(Bazes_Apmers)" not in output, output
    assert (": bāzes apmēram B jābūt skaitlim, nevis datumam, ievadīts datums 27.06.1908. " + DATE_FORMAT_ADVICE
            + " Kad vecajā matricā tas izlabots, pārnesiet matricu vēlreiz; nekas netika uzrakstīts") in output, output
    assert not out.exists() and not (tmp_path / "jauna-parnesana.txt").exists()


def test_a_date_input_holding_its_serial_number_is_carried_as_that_date(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    start = Matrix.open(children[0].path).scalar("Perioda_Sakums")
    assert isinstance(start, dt.datetime)
    serial = excel_serial(start)
    old = _edited(children[0].path, tmp_path / "veca.xlsx", "Perioda_Sakums", serial, "General")
    assert Matrix.open(old).scalar("Perioda_Sakums") == serial  # a plain number in the old file
    out = tmp_path / "jauna.xlsx"
    result = _run(old, "--out", out)
    assert result.exit_code == 0, result.output
    assert Matrix.open(out).scalar("Perioda_Sakums") == start  # the same day, a date again
    report = (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8")
    day = start.strftime("%d.%m.%Y")
    assert f"bez datuma formāta (fails, iespējams, saglabāts ar citu programmu); jaunajā matricā tas ir tas pats " \
           f"datums {day}" in report
    assert "iekšēja kļūda" not in report


def test_a_file_whose_dates_lost_their_format_is_migrated(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """Another program re-saved the matrix and every date cell – the worker's and the template's – is a plain number:
    the worker's dates are carried as the same dates, each named; the template's are said once, not cell by cell."""
    _, children = small_folder
    wb = load_workbook(children[0].path)
    dated = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if getattr(cell, "is_date", False) and cell.value is not None:
                    cell.value, cell.number_format = excel_serial(cell.value), "General"
                    dated += 1
    old = tmp_path / "parsaglabata.xlsx"
    wb.save(old)
    out = tmp_path / "jauna.xlsx"
    result = _run(old, "--out", out)
    assert result.exit_code == 0, result.output
    report = (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8")
    assert "iekšēja kļūda" not in report
    carried = report.count("vecajā matricā datums bija skaitlis")
    assert carried >= 1  # at least the period's first day
    template = [line for line in report.splitlines() if "veidnes datuma šūn" in line]
    assert len(template) == 1 and "vecajā matricā veidnes datums saglabāts kā skaitlis bez datuma formāta" in template[0] \
        and "no veidnes, nekas nav zaudēts" in template[0], report
    assert dated > carried
    assert isinstance(Matrix.open(out).scalar("Perioda_Sakums"), dt.datetime)
