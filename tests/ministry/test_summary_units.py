"""Every money column of the summary workbook says its unit in its header, as „Plānots EUR (6.7. tabula)” always
did: „IB provizoriskais EUR (P)”, not „IB provizoriskais (P)” beside it (a reader of the printed page has no number
format to tell euros from counts).

Every whole-number column of the summary workbook says what its figures are, as every money column names its
unit and „Kopsavilkums” labels its counts: a count „… skaits” („Bērnu skaits
pārdalē (N > P)”, not „Bērni pārdalē (N > P)” beside „IB galīgais EUR (F)”), an age its unit („Vecums (gadi)”). A
sheet whose every figure is a count of children („Grupas”: a column per municipality) says so once, in its note
above the headers; the support area's number („Atbalsta joma” 1–6) is a code, not a count."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.output import write_outputs
from generator.ministry.summary_book import DATA_FIRST, MONEY, SHEET_MUNI, SHEET_STALE, SHEET_SUMMARY
from tests.ministry.conftest import KEY

WHOLE = "0"
CODES = {"Atbalsta joma"}  # the area's number, as the area names it („3. Sociālie pakalpojumi”)
# a row's ordinal number (the notes sheet numbers its notes since it can hold one per file, D385), not a count
CODES |= {"Nr."}
UNITS = ("skaits", "(gadi)")


@pytest.fixture(scope="module")
def summary(small_folder, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Workbook:  # noqa: ANN001
    folder, _ = small_folder
    collection = collect(folder, catalogue, KEY, Options(jobs=1))
    book, _, _ = write_outputs(tmp_path_factory.mktemp("kops") / "k.xlsx", collection, catalogue,
                               pilot_municipalities(catalogue))
    return load_workbook(book.path)


def test_every_money_columns_header_names_euro(summary: Workbook) -> None:
    wb = summary
    money_columns, missing = 0, []
    for ws in wb.worksheets:
        headers = {c.column: c.value for c in ws[DATA_FIRST - 1] if isinstance(c.value, str)}
        if not headers or ws.title == "Atšķirības":
            continue
        for col, header in headers.items():
            cells = [ws.cell(r, col) for r in range(DATA_FIRST, ws.max_row + 1)]
            formats = {c.number_format for c in cells if isinstance(c.value, (int, float)) or
                       (isinstance(c.value, str) and c.value.startswith("="))}
            if formats and formats <= {MONEY}:  # a column of amounts of money only
                money_columns += 1
                if "EUR" not in header.split():
                    missing.append(f"{ws.title}: {header}")
    assert money_columns > 30, money_columns  # the children's, municipalities', services', cash and warning sheets
    assert missing == [], missing
    # „Atšķirības”: „Failā” and „Pārrēķināts” hold counts and ages too; each sum's row names the unit instead
    stale = wb["Atšķirības"]
    sums = [r for r in stale.iter_rows(min_row=DATA_FIRST) if r[4].number_format == MONEY]
    assert sums, "seed 71's collection has stale sums"
    assert [r[2].value for r in sums if not str(r[2].value).endswith(", EUR")] == []


def test_every_figure_on_the_summary_page_says_its_unit(summary: Workbook) -> None:
    """„Kopsavilkums” has one column „Vērtība” of counts and sums: each sum's label ends in „, EUR” as the other
    sheets' headers, each count's label says what it counts („Neizmantoto matricu skaits”, not „Neizmantotās
    matricas” beside „Σ IB galīgais (F)”)."""
    ws = summary[SHEET_SUMMARY]
    sums, counts = [], []
    for label, value in ws.iter_rows(min_row=DATA_FIRST, max_col=2):
        if label.value is None:
            break  # the sheets' guide follows after an empty row
        if isinstance(value.value, (int, float)) or str(value.value).startswith("="):
            (sums if value.number_format == MONEY else counts).append(label.value)
    assert len(sums) >= 15 and len(counts) >= 9, (sums, counts)
    assert [s for s in sums if not s.endswith(", EUR")] == []
    assert [c for c in counts if "skaits" not in c or "EUR" in c] == []


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
