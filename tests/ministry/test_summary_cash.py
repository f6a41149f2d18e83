"""The summary's cash sheets „Naudas plūsma” and „Ceturkšņi” (D143, audit24 F17, F15): a row for every month
(quarter) of the reporting period, zeros shown, one row for the plan money of months outside it, totals that
still agree with the children; printed, no municipality's column group is split between two pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.aggregate import quarter_label
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.output import write_outputs
from generator.ministry.summary_book import PAGE_WIDTH
from generator.ministry.summary_money import UNSPREAD_LABEL
from generator.ministry.xlsxread import parse_cell, read_xlsx
from generator.recalc import convert, make_profile, soffice
from generator.reference.rounds import period_holding
from tests.ministry.conftest import KEY

CASH_SHEETS = ("Naudas plūsma", "Ceturkšņi")
MEASURES = ("plānots EUR (viss plāns)", "plānots no IB EUR", "samaksāts EUR")
MEASURE_WORDS = ("(viss", "IB", "samaksāts")  # the word of each measure no other text on a cash page has
OUTSIDE_LABEL = "Ārpus pārskata perioda"


@pytest.fixture(scope="module")
def summary(small_folder, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """The twelve children of seed 71 (one period, 01.10.2018–31.03.2019): some plans run past its end."""
    folder, _ = small_folder
    collection = collect(folder, catalogue, KEY, Options(jobs=1))
    book, agg, _ = write_outputs(tmp_path_factory.mktemp("kops") / "k.xlsx", collection, catalogue,
                                 pilot_municipalities(catalogue))
    return collection, book, agg


def _labels(ws) -> list[object]:  # noqa: ANN001
    return [r[0].value for r in ws.iter_rows(min_row=4) if r[0].value is not None]


def test_cash_rows_are_the_periods_months_and_one_row_outside_it(summary, catalogue: Catalogue) -> None:  # noqa: ANN001
    collection, book, agg = summary
    period = period_holding(catalogue.children_reporting_periods(), collection.records[0].period_start)
    assert period is not None
    months = [dt.date(period.start.year + (period.start.month - 1 + i) // 12, (period.start.month - 1 + i) % 12 + 1, 1)
              for i in range(6)]
    assert months[-1] <= period.end < dt.date(months[-1].year + months[-1].month // 12, months[-1].month % 12 + 1, 1)
    assert len(months) == 6 and collection.period == "01.10.2018–31.03.2019"
    outside = [m for m in agg.month_rows if m.month not in months]
    assert outside and sum(m.planned for m in outside) > 0, "seed 71 has plans past the period"
    assert {m.month for m in agg.month_rows} != set(months), "a period month with no plan, or months outside it"
    wb = load_workbook(book.path)
    tail = [OUTSIDE_LABEL] + ([UNSPREAD_LABEL] if agg.unspread_total(None) else []) + ["Kopā"]
    cash = _labels(wb["Naudas plūsma"])
    assert [m.date() for m in cash[:-len(tail)]] == months and cash[-len(tail):] == tail, cash
    quarters = list(dict.fromkeys(quarter_label(m) for m in months))
    assert _labels(wb["Ceturkšņi"]) == quarters + tail
    for sheet in CASH_SHEETS:
        assert f"rindā „{OUTSIDE_LABEL}”" in wb[sheet]["A2"].value and "lēmums D143" in wb[sheet]["A2"].value
        headers = [c.value for c in wb[sheet][3]]
        row = 4 + _labels(wb[sheet]).index(OUTSIDE_LABEL)
        total_row = 4 + _labels(wb[sheet]).index("Kopā")
        for k, measure in enumerate(MEASURES):
            col = headers.index(f"Kopā {measure}")
            letter = wb[sheet].cell(3, col + 1).column_letter
            expected = book.expected[(sheet, f"{letter}{row}")]
            assert expected == sum((getattr(m, ("planned", "planned_ib", "paid")[k]) for m in outside), Decimal(0))
            # the sheet's rows add up to "Kopā", which still agrees with the children's planned and paid
            column = [book.expected.get((sheet, f"{letter}{r}"), Decimal(0)) for r in range(4, total_row)]
            assert sum(column) == book.expected[(sheet, f"{letter}{total_row}")]
        planned = book.expected[(sheet, f"{wb[sheet].cell(3, headers.index('Kopā plānots EUR (viss plāns)') + 1).column_letter}{total_row}")]
        assert planned == agg.pilot.planned
    assert book.expected[("Naudas plūsma", f"B{4 + cash.index(OUTSIDE_LABEL)}")] is not None


def test_cash_sheets_break_pages_between_municipality_groups(summary) -> None:  # noqa: ANN001
    """The manual column breaks fall before a municipality's first column, and each page's groups fit its width."""
    _, book, _ = summary
    wb = load_workbook(book.path)
    for sheet in CASH_SHEETS:
        ws = wb[sheet]
        breaks = sorted(b.id for b in ws.col_breaks.brk)  # the last column before each break, 1-based
        assert breaks, sheet
        headers = [c.value for c in ws[3]]
        for last in breaks:
            assert headers[last].endswith(": plānots EUR (viss plāns)") or headers[last] == "Kopā plānots EUR (viss plāns)"
        widths = [ws.column_dimensions[ws.cell(3, c + 1).column_letter].width for c in range(len(headers))]
        for start, end in zip([1, *breaks], [*breaks, len(headers)], strict=True):
            assert widths[0] + sum(widths[start:end]) <= PAGE_WIDTH, (sheet, start, end)


@pytest.mark.libreoffice
def test_printed_cash_pages_hold_whole_groups_and_recalculate(summary, tmp_path: Path) -> None:  # noqa: ANN001
    """LibreOffice prints every group's three columns on one page (audit24 F15: a page ended after „… plānots no
    IB”, its „samaksāts” on the next), and the out-of-period row's formulas give the reference value."""
    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice vai pdftotext nav instalēts")
    _, book, _ = summary
    profile = make_profile(tmp_path / "profile")
    [pdf] = convert([book.path], tmp_path / "pdf", to="pdf", profile=profile)
    [recalculated] = convert([book.path], tmp_path / "lo", profile=profile)
    cells = read_xlsx(recalculated).cells
    checked = [(s, c, v) for (s, c), v in book.expected.items() if s in CASH_SHEETS]
    wrong = [f"{s}!{c}: {v} / {got.value if got else None!r}" for s, c, v in checked
             if (got := cells[s].get(parse_cell(c))) is None
             or abs(Decimal(repr(float(got.value))) - Decimal(v)) >= Decimal("0.005")]
    assert len(checked) > 50 and wrong == []
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = {}
    for page in text.split("\f"):
        footer = re.search(r"(Naudas plūsma|Ceturkšņi), (\d+)\. lapa", page)
        if footer:
            pages[(footer.group(1), int(footer.group(2)))] = page
    # pdftotext joins side-by-side header cells with the same line breaks into one paragraph („Jelgava: Jelgava:
    # Jelgava: plānots (viss plānots no IB samaksāts plāns)”, short names, D179), so a page is read by its words: a
    # group split between pages leaves one page with more of one measure than of another
    groups_seen = {sheet: 0 for sheet in CASH_SHEETS}
    totals_seen = set()
    for (sheet, number), page in pages.items():
        # the sheet's title („Plānotais (viss plāns un IB daļa) un samaksātais …”) is not a column header
        words = [w for line in page.splitlines() if not line.startswith("Plānotais") for w in line.split()]
        counts = {measure: words.count(word) for measure, word in zip(MEASURES, MEASURE_WORDS, strict=True)}
        assert min(counts.values()) > 0 and len(set(counts.values())) == 1, (sheet, number, counts)
        groups_seen[sheet] += counts[MEASURES[0]]
        if "Kopā" in words:
            totals_seen.add(sheet)
    for sheet in CASH_SHEETS:
        assert sheet in totals_seen and groups_seen[sheet] > 3, (groups_seen, totals_seen)


def test_a_municipality_with_previous_matrices_only_has_no_cash_columns(summary, catalogue: Catalogue,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    """review5 F3 (D138): with --previous, a municipality that sent matrices only in the previous period would get
    three always-zero columns on the cash sheets; the three sheets by municipality show the same municipalities."""
    collection, _, _ = summary
    names = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    other = collection.records[0].municipality
    current = {r.municipality for r in collection.records} - {other}
    assert current, "seed 71 has children of several municipalities"
    with_previous = dataclasses.replace(
        collection, records=[r for r in collection.records if r.municipality != other],
        previous_records=[r for r in collection.records if r.municipality == other])
    book, _, _ = write_outputs(tmp_path / "k.xlsx", with_previous, catalogue, pilot_municipalities(catalogue))
    wb = load_workbook(book.path)
    shown = {}
    for sheet in ("Pakalpojumi", *CASH_SHEETS):
        headers = [str(c.value) for c in wb[sheet][3] if c.value]
        shown[sheet] = {m for m, name in names.items() if any(h == name or h.startswith(f"{name}:") for h in headers)}
    assert shown["Pakalpojumi"] == current, (shown, current)
    assert shown["Naudas plūsma"] == shown["Ceturkšņi"] == current, shown
    assert other not in shown["Naudas plūsma"]


def test_the_quarter_sheet_note_speaks_of_quarters(summary) -> None:  # noqa: ANN001
    """review5 F4: „Ceturkšņi” says its rows are quarters (counting only their months in the period), „Naudas
    plūsma” that they are months; the planned and the paid money outside the period „tie ir iekļauti”."""
    _, book, _ = summary
    wb = load_workbook(book.path)
    months, quarters = wb["Naudas plūsma"]["A2"].value, wb["Ceturkšņi"]["A2"].value
    assert "Rindas ir tieši pārskata perioda mēneši (" in months and "ceturkš" not in months
    assert "Rindas ir tieši pārskata perioda ceturkšņi (" in quarters and "perioda mēneši" not in quarters
    assert "ceturkšņa rindā ir tikai tie tā mēneši, kas ir pārskata periodā" in quarters
    for note in (months, quarters):
        assert "tie ir iekļauti rindā „Kopā”" in note and "tas ir iekļauts rindā „Kopā”, tāpēc kopsummas" not in note
