"""Every money column of the summary workbook says its unit in its header, as „Plānots EUR (6.7. tabula)” always
did: „IB provizoriskais EUR (P)”, not „IB provizoriskais (P)” beside it (a reader of the printed page has no number
format to tell euros from counts)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.output import write_outputs
from generator.ministry.summary_book import DATA_FIRST, MONEY, SHEET_SUMMARY
from tests.ministry.conftest import KEY


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
