"""The expense register (28) on paper with long entries, and the report forms' page header on the papers' day
(audit42 F8, F9; D192): a provider's name of 80 characters and a long budget position print whole (their columns
wrap and their rows grow), the page across repeats each row's document number and recipient next to its Nr.,
and with `--day` the page header names the municipality by its name confirmed on that day, as the documents do.
One LibreOffice call."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import papers_day
from generator.documents.reports import register as reg
from generator.documents.reports.register_layout import REG_FIRST, REGISTER_ROWS, REPEATED_HEADERS, S_REG
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.workbooks import write_report_workbooks
from generator.documents.terms import Choice, for_round
from generator.recalc import make_profile, print_sheets
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import Page, read_pages

# fictional names, 80 characters and a short one
LONG = "SIA „Rehabilitācijas un sociālās aprūpes centrs Ābeļzieds – Vidzemes filiāle” ŅĢ"
SHORT = "Biedrība Paraugs"
ROWS = 8
CORRECTION_NUMBER = "KOR-001"


def _data(catalogue: Catalogue) -> reg.RegisterData:
    base = reg.empty_register(catalogue)
    month = base.months[0].month
    service = next(o.label for o in catalogue.offers(catalogue.latest_date) if o.label.startswith("3."))
    bips = ("1.2", "1.3", "1.1")
    rows = tuple(reg.RegisterRow(bip=bips[i % 3], month=month, amount=Decimal(f"{i}3.25"), doc_type="rēķins",
                                 doc_number=f"RĒĶ-{i:03d}", doc_date=month, paid_on=month,
                                 payee=LONG if i % 2 else SHORT, route=reg.PAYMENT_ROUTES[i % len(reg.PAYMENT_ROUTES)],
                                 service=service if bips[i % 3] == "1.3" else "", units=Decimal(2))
                 for i in range(1, ROWS + 1))
    # a refund of part of row 1 (BIP 1.2, 13,25): the page across names it a correction, not only by its minus
    correction = reg.RegisterRow(bip="1.2", month=month, amount=Decimal("-3.25"), doc_type=reg.CORRECTION,
                                 doc_number=CORRECTION_NUMBER, doc_date=month, paid_on=month, payee=SHORT,
                                 route=reg.PAYMENT_ROUTES[0])
    return reg.RegisterData(months=base.months, rows=(*rows, correction))


@pytest.fixture(scope="module")
def register(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("registrs-gari")
    return write_register_workbook(catalogue, catalogue.municipality("valmiera"), folder / "gari.xlsx",
                                   _data(catalogue))


@pytest.fixture(scope="module")
def printed(calibri_metrics: None, register: Path) -> tuple[Path, list[Page]]:
    pdf = register.with_name("28.pdf")
    print_sheets({register: [(S_REG, pdf)]}, profile=make_profile(register.parent / "profile"))
    return pdf, read_pages(pdf)


def _words(page: Page) -> str:
    return " ".join(page.text.replace("\u00a0", " ").split())


@pytest.mark.libreoffice
@pytest.mark.slow
def test_long_names_and_positions_print_whole(printed: tuple[Path, list[Page]], catalogue: Catalogue) -> None:
    """Each word of the 80-character name and of the transport position is on the page (LibreOffice shortened
    the string at the next filled cell: „SIA „Rehabilitācijas un sociālās”), and no wrapped line hides under
    its row."""
    pdf, pages = printed
    first = _words(pages[0])
    for text in (LONG, reg.bip_label(catalogue, "1.2")):
        missing = [w for w in text.split() if w not in first]
        assert not missing, f"{text}: nav izdrukāts {missing}"
    hidden = [str(cut) for cut in cut_runs(pdf, below=True)]
    assert not hidden, "teksts nogriezts:\n" + "\n".join(hidden)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_page_across_names_each_rows_document_and_recipient(printed: tuple[Path, list[Page]]) -> None:
    """Page 2 (Pakalpojums … Atbalsta joma) held only Nr. to pair its rows with page 1; now each row's document
    number and recipient print there too, every page stays A4 landscape and at least 8 pt."""
    _, pages = printed
    across = [p for p in pages if "Pakalpojums" in _words(p)]
    assert across, "nav lappuses pa labi"
    text = " ".join(_words(p) for p in across)
    assert all(" ".join(h.split()) in text for h in REPEATED_HEADERS), text[:300]
    for i in range(1, ROWS + 1):
        assert f"rēķins, RĒĶ-{i:03d}" in text, f"{i}. rindas dokumenta veids un Nr. nav lappusē pa labi"
    # the correction says so on the signed page with the amounts (audit30 F5)
    assert f"{reg.CORRECTION}, {CORRECTION_NUMBER}" in text, text
    assert "Ābeļzieds" in text and SHORT in text
    assert len(pages) == 2 * len(across)  # two pages across, not three
    assert all(p.min_font >= 8 and p.size[0] > p.size[1] for p in pages)


def test_register_rows_grow_to_typed_text(register: Path) -> None:
    """A row's height is not a set one (Excel and Calc grow it when a wrapped cell gets a longer text; a set
    height stays), the text inputs wrap, the protected sheet lets rows change, and the repeats are formulas."""
    wb = openpyxl.load_workbook(register)
    ws = wb[S_REG]
    empty = REG_FIRST + ROWS + 2  # 1-based: the first empty row (after the rows and the correction)
    # openpyxl reads any row with a height as a set one: the sheet's XML says which are
    with zipfile.ZipFile(register) as z:
        xml = z.read(f"xl/worksheets/sheet{wb.sheetnames.index(S_REG) + 1}.xml").decode()
    tags = {int(m.group(1)): m.group(0) for m in re.finditer(r'<row r="(\d+)"[^>]*>', xml)}
    for row in (REG_FIRST + 1, empty, REG_FIRST + REGISTER_ROWS):
        assert 'ht="' in tags[row] and "customHeight" not in tags[row], tags[row]
    assert ws.row_dimensions[REG_FIRST + 1].ht > 30  # LONG in the first row: its lines
    for col in "BCFGIM":
        assert ws[f"{col}{empty}"].alignment.wrap_text, col
    assert ws.protection.sheet and not ws.protection.formatRows  # False: formatting rows allowed
    assert ws[f"P{empty}"].value == f'=IF(B{empty}="",IF(C{empty}="","",C{empty}),IF(C{empty}="",B{empty},' \
                                    f'B{empty}&", "&C{empty}))'
    assert ws[f"Q{empty}"].value == f'=IF(F{empty}="","",F{empty})'
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    assert area.split(":")[-1].startswith("$Q$"), area  # the repeats print, the check columns do not


def test_page_header_names_the_municipality_of_the_papers_day(catalogue: Catalogue, tmp_path: Path) -> None:
    """`--day` in the first round (the pilot-time name is confirmed) while the build day is later (the reform's
    name still jāprecizē): the headers name the municipality as the documents made with them (papers_day), not
    by the build day's blank."""
    municipality = catalogue.municipality("jelgava")
    today = dt.date.today()
    with for_round(Choice("berni-2018", prices_day=dt.date(2018, 10, 1))):
        day = papers_day(catalogue, municipality, today)
        paths = write_report_workbooks(catalogue, municipality, tmp_path, build_date=today)
    name = catalogue.name_on("jelgava", day)
    assert name == "Jelgavas pilsētas pašvaldība"
    sheets = 0
    for path in paths:
        for ws in openpyxl.load_workbook(path).worksheets:
            if ws.sheet_state != "visible":
                continue
            sheets += 1
            assert ws.oddHeader.left.text == name, (path.name, ws.title, ws.oddHeader.left.text)
            assert ws.oddHeader.right.text, (path.name, ws.title)  # the form's title stays
    assert sheets >= 10
