"""The signed annexes (6.3, 6.5, 6.6, 6.9) print on A4 with all their columns: a filled workbook
converted to PDF by LibreOffice, read with pypdf, one page image of each rendered with pdftoppm."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People, fill
from generator.workbook.names import write
from tests.workbook.conftest import recipient_labels, require_soffice

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

A4 = (595.3, 841.9)
# sheet -> (title on every page of the annex, header of its last column, parties that sign)
ANNEXES = {
    "6.3": ("6.3. Atbalsta plāns / I daļa", "Piezīmes", ("Sociālais darbinieks", "Vecāks")),
    "6.5": ("6.5. Atbalsta plāns / II daļa", "Finansējums no IB", ("Sociālais darbinieks", "Vecāks")),
    "6.6": ("6.6. Atbalsta plāns / III daļa", "Piezīmes", ("Sociālais darbinieks", "Vecāks")),
    "6.9": ("6.9. Iesniegums", "Cena, EUR", ("Vecāks",)),
}
PEOPLE = People(
    child_name="Anna Paraugs",
    child_code="000000-00000",
    parent_name="Pēteris Paraugs",
    social_worker="Līga Piemēra",
    providers={"3.1.2i": "SIA “Paraugs un partneri”", "3.1.3i": "Logopēdijas centrs “Piemērs”",
               "2.1": "Liepājas sociālais dienests", "2.4": "Vecāki (kompensācija)",
               "3.4.1g": "Biedrība “Mūzika visiem”", "1.1.1i": "Ģimenes psihologs A. Paraudziņa"},
)


def showcase(catalogue: Catalogue) -> WorkbookInputs:
    """A six-month plan of a fictional child, long enough to show every column in use."""
    offers = {o.id: o for o in catalogue.offers(catalogue.latest_date)}
    plan = [
        ("3.1.2i", 24, "32.00", 1, 2, [4, 4, 4, 4, 4, 4]),
        ("3.1.3i", 18, "28.50", 2, 1, [3, 3, 3, 3, 3, 3]),
        ("2.1", 120, None, 1, 3, [20, 20, 20, 20, 20, 20]),
        ("2.4", 180, "1", 2, 5, [30, 30, 30, 30, 30, 30]),
        ("3.4.1g", 12, "18.00", 3, 4, [2, 2, 2, 2, 2, 2]),
        ("1.1.1i", 6, "40.00", 1, 6, [1, 1, 1, 1, 1, 1]),
    ]
    lines = [
        line_from_offer(offers[oid], units, unit_price=price, expert_rank=rank, parent_rank=parent,
                        planned_units=months, delivered_units=months[:2], paid=[])
        for oid, units, price, rank, parent, months in plan
        if oid in offers
    ]
    return WorkbookInputs(
        birth_date=dt.date(2011, 5, 17), period_start=dt.date(2019, 3, 1), months=6, special_care=False,
        impairment="kustību", lines=tuple(lines), benefits=Decimal("150.00"), services=Decimal("300.00"),
    )


@pytest.fixture(scope="module")
def annex_pdf(catalogue: Catalogue, templates, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_soffice()
    folder = tmp_path_factory.mktemp("print")
    wb = load_workbook(templates["liepaja"])
    fill(wb, showcase(catalogue), recipient_labels(catalogue), PEOPLE)
    write(wb, "Merki_Ilgtermina", "Anna pati ģērbjas un ēd; runā teikumos, ko saprot arī sveši cilvēki.")
    write(wb, "Merki_Istermina", "Sešos mēnešos apgūt pogāšanu un 50 jaunus vārdus; divreiz nedēļā pastaigas ar "
                                 "pavadoni.")
    write(wb, "Merki_Vecaka", "Mācīties vingrinājumus, ko turpināt mājās.")
    path = folder / "paraugs.xlsx"
    wb.save(path)
    return convert([path], folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))[0]


def _pages(pdf: Path) -> list[tuple[str, tuple[float, float]]]:
    reader = PdfReader(str(pdf))
    return [(page.extract_text() or "", (float(page.mediabox.width), float(page.mediabox.height)))
            for page in reader.pages]


def _annex_pages(pages, title: str) -> list[int]:
    return [i for i, (text, _) in enumerate(pages) if title in text]


@pytest.mark.parametrize("sheet", sorted(ANNEXES))
def test_annex_fits_a4_with_all_columns(annex_pdf: Path, sheet: str) -> None:
    title, last_header, parties = ANNEXES[sheet]
    pages = _pages(annex_pdf)
    found = _annex_pages(pages, title)
    assert found, f"{sheet}: PDF nav lapas ar virsrakstu {title!r}"
    first_text, size = pages[found[0]]
    assert sorted(round(x, 1) for x in size) == sorted(A4), f"{sheet}: lapas izmērs {size}"
    assert last_header in first_text, f"{sheet}: pirmajā lapā nav pēdējās kolonnas virsraksta {last_header!r}"
    assert "Anna Paraugs" in first_text and "Pēteris Paraugs" in first_text
    assert "Liepājas sociālais dienests" in first_text
    last_text = pages[found[-1]][0]
    assert "(paraksts)" in last_text and "(datums)" in last_text
    for party in parties:
        assert party in last_text, f"{sheet}: nav paraksta rindas {party}"
    if sheet == "6.9":
        assert "Sociālais darbinieks:" not in last_text.split("Cena, EUR")[-1]
    assert len(found) <= 2, f"{sheet}: {len(found)} lapas"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) nav instalēts")
def test_annex_page_images(annex_pdf: Path) -> None:
    """One PNG per annex (first page), for a person to look at; kept next to the PDF."""
    pages = _pages(annex_pdf)
    for sheet, (title, _, _) in ANNEXES.items():
        page = _annex_pages(pages, title)[0] + 1
        out = annex_pdf.parent / f"pielikums-{sheet.replace('.', '-')}"
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(annex_pdf), str(out)], check=True)
        assert Path(f"{out}.png").stat().st_size > 10_000
