"""Every whole-number column of the summary workbook says what its figures are, as every money column names its
unit (tests/ministry/test_summary_units.py) and „Kopsavilkums” labels its counts: a count „… skaits” („Bērnu skaits
pārdalē (N > P)”, not „Bērni pārdalē (N > P)” beside „IB galīgais EUR (F)”), an age its unit („Vecums (gadi)”). A
sheet whose every figure is a count of children („Grupas”: a column per municipality) says so once, in its note
above the headers; the support area's number („Atbalsta joma” 1–6) is a code, not a count."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.output import write_outputs
from generator.ministry.summary_book import DATA_FIRST, SHEET_MUNI, SHEET_STALE, SHEET_SUMMARY
from tests.ministry.conftest import KEY

WHOLE = "0"
CODES = {"Atbalsta joma"}  # the area's number, as the area names it („3. Sociālie pakalpojumi”)
UNITS = ("skaits", "(gadi)")


@pytest.fixture(scope="module")
def summary(small_folder, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Workbook:  # noqa: ANN001
    folder, _ = small_folder
    collection = collect(folder, catalogue, KEY, Options(jobs=1))
    book, _, _ = write_outputs(tmp_path_factory.mktemp("kops") / "k.xlsx", collection, catalogue,
                               pilot_municipalities(catalogue))
    return load_workbook(book.path)


def _count_columns(ws) -> dict[int, str]:  # noqa: ANN001
    """Header by column of the columns whose figures are all whole numbers formatted "0" (counts)."""
    headers = {c.column: c.value for c in ws[DATA_FIRST - 1] if isinstance(c.value, str)}
    found = {}
    for col, header in headers.items():
        cells = [ws.cell(r, col) for r in range(DATA_FIRST, ws.max_row + 1)]
        formats = {c.number_format for c in cells if isinstance(c.value, (int, float)) or
                   (isinstance(c.value, str) and c.value.startswith("="))}
        if formats == {WHOLE}:
            found[col] = header
    return found


def test_every_count_columns_header_says_it_counts(summary: Workbook) -> None:
    counted, missing = 0, []
    for ws in summary.worksheets:
        if ws.title in (SHEET_SUMMARY, SHEET_STALE):  # a column of labelled rows: test_summary_units.py
            continue
        note = " ".join(str(c.value) for row in ws.iter_rows(max_row=DATA_FIRST - 2) for c in row if c.value)
        for header in _count_columns(ws).values():
            counted += 1
            if header in CODES:
                continue
            if not any(unit in header for unit in UNITS) and "Bērnu skaits" not in note:
                missing.append(f"{ws.title}: {header}")
            if "EUR" in header.split():
                missing.append(f"{ws.title}: {header} (EUR veselam skaitlim)")
    assert counted >= 10, counted  # the municipalities', children's, groups' and plan lines' sheets
    assert missing == [], missing


def test_the_municipalities_sheet_names_its_counts(summary: Workbook) -> None:
    counts = _count_columns(summary[SHEET_MUNI])
    assert len(counts) == 2, counts  # children, children in the redistribution
    assert sorted(counts.values()) == ["Bērnu skaits", "Bērnu skaits pārdalē (N > P)"], counts  # as „Kopsavilkums”
