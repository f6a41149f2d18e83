"""A month cell of 6.6 and 6.10 is named with its label and its line's service, as a person finds it on the sheet
(audit33a F8): „H9 „4. mēnesis (01.2019)”, 1. rinda, pakalpojums „3.1.6i …””, not a bare „H9, 1. rinda”. A saved
matrix (Excel, LibreOffice) keeps each month's first day under its number: the label reads both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.places import cell, input_place
from generator.ministry.matrix import Matrix
from tests.ministry.factory import make_children, write_children


def test_a_month_cell_is_named_with_its_month_and_service(catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    child = make_children(catalogue, 1, seed=331, one_period=True)[0]
    written = write_children(catalogue, template, [child], tmp_path)[0]
    m = Matrix.open(written.path)
    months = m.refs["Men_Daudzums"]
    first_row, first_col = months.first
    wb = load_workbook(written.path)  # the month's first day and the line's service as a saved file holds them
    start = child.inputs.period_start.replace(day=1)
    for sheet, ref in (("6.6", months), ("6.10", m.refs["Fakt_Daudzums"])):
        ws = wb[sheet]
        for i in range(ref.cols):
            year, month = divmod(start.month - 1 + i, 12)
            ws.cell(ref.first[0] - 1, ref.first[1] + i).value = dt.datetime(start.year + year, month + 1, 1)
        ws.cell(ref.first[0], 2).value = "3.1.6i Psihologs, individuāli"
    wb.save(written.path)
    m = Matrix.open(written.path)
    fourth = start.replace(year=start.year + (start.month + 2) // 12, month=(start.month + 2) % 12 + 1)
    month = f"4. mēnesis ({fourth:%m.%Y})"
    at = f"{chr(ord('A') + first_col - 1 + 3)}{first_row}"
    assert cell(m, "Men_Daudzums", 0, 3) == (
        "6.6", f"{at} „{month}”, 1. rinda, pakalpojums „3.1.6i Psihologs, individuāli”")
    assert input_place(m, "Men_Daudzums", 0, 3).startswith(f"6.6. tabula, {at} „{month}”, 1. rinda, pakalpojums „3.1.6i")
    # 6.10's months: the group's heading too, as before
    received = cell(m, "Fakt_Daudzums", 0, 0)[1]
    assert f"„Saņemts, vienības, 1. mēnesis ({start:%m.%Y})”, 1. rinda, pakalpojums „3.1.6i" in received, received


def test_a_month_after_the_plans_end_says_so(catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    child = make_children(catalogue, 1, seed=332, one_period=True)[0]
    written = write_children(catalogue, template, [child], tmp_path)[0]
    m = Matrix.open(written.path)
    ref = m.refs["Men_Daudzums"]
    wb = load_workbook(written.path)
    wb["6.6"].cell(ref.first[0] - 1, ref.first[1] + ref.cols - 1).value = "ārpus perioda"
    wb.save(written.path)
    label = cell(Matrix.open(written.path), "Men_Daudzums", 0, ref.cols - 1)[1]
    assert f"„{ref.cols}. mēnesis (ārpus perioda)”" in label, label


def test_a_month_whose_date_is_an_error_value_is_named_by_its_number(catalogue: Catalogue, template: Path,
                                                                    tmp_path: Path) -> None:
    """A start date typed as text leaves each month's first day an error value („#VALUE!” in Excel, „Err:502” in
    LibreOffice): the month is „1. mēnesis”, not „1. mēnesis (#VALUE!)”."""
    child = make_children(catalogue, 1, seed=333, one_period=True)[0]
    written = write_children(catalogue, template, [child], tmp_path)[0]
    ref = Matrix.open(written.path).refs["Men_Daudzums"]
    wb = load_workbook(written.path)
    wb["6.6"].cell(ref.first[0] - 1, ref.first[1]).value = "#VALUE!"
    wb["6.6"].cell(ref.first[0] - 1, ref.first[1] + 1).value = "Err:502"
    wb.save(written.path)
    m = Matrix.open(written.path)
    for col, month in ((0, "1. mēnesis"), (1, "2. mēnesis")):
        label = cell(m, "Men_Daudzums", 0, col)[1]
        assert f"„{month}”, 1. rinda" in label and "VALUE" not in label and "Err:" not in label, label
