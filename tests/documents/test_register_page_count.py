"""The register 28 on paper with its page count and its hidden-rows warning (D376), as LibreOffice prints it: every
page says on how many pages the sheet prints (a formula over the rows its open groups show, which LibreOffice
computes on load) – empty, with 30 rows written by the program (their groups open) and with 30 rows typed by another
program into the collapsed groups (rows 21–30 hidden: the warning prints beside the total and the signatures on the
page across, not only on page 1); the longest „Samaksas veids” of its list prints whole on its one-line row."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports import text_fit
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.documents.reports.register_layout import REG_FIRST, REGISTER_TOTAL, S_REG
from generator.documents.reports.register_sheet import route_width
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.row_groups import SHOWN, WARNING
from generator.recalc import make_profile, print_sheets
from tests.workbook.pdf_pages import Page, read_pages

LONGEST = max(reg.PAYMENT_ROUTES, key=len)
ROWS = 30


def _flat(page: Page) -> str:
    return " ".join(page.text.replace("\u00a0", " ").split())


def _data(catalogue: Catalogue) -> reg.RegisterData:
    base = reg.empty_register(catalogue)
    month = base.months[0].month
    rows = tuple(reg.RegisterRow(bip="1.3", month=month, amount=Decimal("10.00"), doc_type="rēķins",
                                 doc_number=f"R-{i:03d}", doc_date=month, paid_on=month, payee="Biedrība Paraugs",
                                 route=reg.PAYMENT_ROUTES[i % len(reg.PAYMENT_ROUTES)], units=Decimal(1))
                 for i in range(ROWS))
    return reg.RegisterData(months=base.months, rows=rows)


def _typed_into_hidden_rows(source: Path, target: Path) -> Path:
    """ROWS rows typed (openpyxl, as another program would) into the empty register: rows past SHOWN stay hidden."""
    wb = openpyxl.load_workbook(source)
    ws = wb[S_REG]
    for i in range(ROWS):
        values = ("rēķins", f"R-{200 + i}", dt.datetime(2018, 10, 31), dt.datetime(2018, 11, 5), "SIA Sniedzējs",
                  None, "B002", None, dt.datetime(2018, 10, 1), 1, 10.0, LONGEST, "Jā")
        for j, value in enumerate(values):
            if value is not None:
                ws.cell(REG_FIRST + 1 + i, 2 + j, value)
    wb.save(target)
    return target


@pytest.fixture(scope="module")
def printed(calibri_metrics: None, catalogue: Catalogue,
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    folder = tmp_path_factory.mktemp("registra-lapas")
    municipality = catalogue.municipality("liepaja")
    empty = write_register_workbook(catalogue, municipality, folder / "tukss.xlsx")
    written = write_register_workbook(catalogue, municipality, folder / "30.xlsx", data=_data(catalogue))
    typed = _typed_into_hidden_rows(empty, folder / "30-paslepti.xlsx")
    files = {empty: "tukss", written: "30", typed: "30-paslepti"}
    print_sheets({f: [(S_REG, folder / f"{name}.pdf")] for f, name in files.items()},
                 profile=make_profile(folder / "profile"))
    return {name: read_pages(folder / f"{name}.pdf") for name in files.values()}


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ("tukss", "30", "30-paslepti"))
def test_every_page_says_the_pages_libreoffice_prints(printed: dict[str, list[Page]], name: str) -> None:
    pages = printed[name]
    assert len(pages) >= 2
    counts = [re.findall(r"28\. pielikums (\d+) lapās", _flat(p)) for p in pages]
    assert counts == [[str(len(pages))]] * len(pages), f"{name}: {counts}, izdrukātas {len(pages)} lapas"
    if name == "30":  # the program opens the groups its 30 rows need: more pages than the empty register's
        assert len(pages) > len(printed["tukss"])


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_hidden_rows_warning_prints_with_the_total_and_the_signatures(printed: dict[str, list[Page]]) -> None:
    for name, pages in printed.items():
        for page in pages:
            text = _flat(page)
            signed = all(label in text for label in SIGNATURE_LABELS) and REGISTER_TOTAL[:25] in text
            warned = WARNING[:40] in text
            # typed into hidden rows: every page warns, the pages with the total and signatures among them
            assert warned == (name == "30-paslepti"), f"{name}, {page.number}. lapa: brīdinājums {warned}"
            if signed and name == "30-paslepti":  # the page across: only the copy beside the total prints there
                assert text.count(WARNING[:40]) == 1, text
        assert any(all(label in _flat(p) for label in SIGNATURE_LABELS) for p in pages), name
    hidden = printed["30-paslepti"]
    assert f"{SHOWN}" in _flat(hidden[0]) and f"R-{200 + SHOWN}" not in " ".join(_flat(p) for p in hidden)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_longest_payment_route_prints_whole(printed: dict[str, list[Page]]) -> None:
    for name in ("30", "30-paslepti"):
        text = " ".join(_flat(p) for p in printed[name])
        assert LONGEST in text, f"{name}: „{LONGEST}” nav izdrukāts vienā rindā"


def test_the_payment_route_column_holds_the_longest_list_value_on_one_line() -> None:
    width = route_width(reg.PAYMENT_ROUTES)
    for route in reg.PAYMENT_ROUTES:
        assert text_fit.lines_in(route, text_fit.excel_points(width)) == 1
        assert text_fit.lines_in(route, text_fit.calc_points(width)) == 1
    # computed from the list: a longer value widens the column
    assert route_width((*reg.PAYMENT_ROUTES, LONGEST + " un vēl citi")) > width
    assert route_width(("īss",)) == 17


def test_the_register_writes_its_page_count_formula(catalogue: Catalogue, tmp_path: Path) -> None:
    path = write_register_workbook(catalogue, catalogue.municipality("liepaja"), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(path)[S_REG]
    for cell in ("G3", "O2"):
        formula = str(ws[cell].value)
        assert formula.startswith('="28. pielikums "&2*MATCH(MAX(1,SUBTOTAL(103,$A$6:$A$'), (cell, formula)
        assert formula.endswith('&" lapās"'), formula
    width = ws.column_dimensions["M"].width
    assert width >= route_width(reg.PAYMENT_ROUTES)
