"""A provider's short table of services (at most three rows and the total) in the contract (02 §2.2) and the guarantee
letter (03 §2.2), and its monthly table, stay whole on one page, never a first row alone at a page's foot (audit28
F6); a longer table still breaks, its header repeated. Read from the PDF, page by page; DOCX: rows that cannot
split, each but the last kept with the next."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.documents.docx_writer import html_to_docx
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.html import RenderedDocument
from generator.documents.pdf_writer import html_to_pdf
from tests.documents.conftest import normalise, pdf_pages
from tests.documents.from_matrix_helpers import plan_reading

DAY = dt.date(2018, 9, 20)
SIX = (1, 1, 1, 1, 1, 1)
TOTALS = {"02-ligums-ar-sniedzeju-2": "Kopā no IB", "03-garantijas-vestule-2": "Kopā no individuālā budžeta"}
# the provider's name fills its lines above §2.2: a longer one moves the table down the first page
PADDING = ("", " Ziemeļvidzemes", " Ziemeļvidzemes Jātnieku un Zirgkopības", " Ziemeļvidzemes Jātnieku un "
           "Zirgkopības Atbalsta Kopiena", " Ziemeļvidzemes Jātnieku un Zirgkopības Atbalsta Kopiena Bērniem un "
           "Ģimenēm Valmierā")


def _papers(catalogue: Catalogue, padding: str) -> list[RenderedDocument]:
    """A six-month plan in Valmiera (as audit28 made it): provider 1 gives speech and occupational therapy,
    provider 2 riding therapy and the respite at home, the parent is repaid the transport; 02-2 and 03-2."""
    reading = plan_reading(catalogue, "valmiera", (
        ("3.1.3i", 24, Decimal("25.00"), (4,) * 6, "SIA Izdomātā Terapija"),
        ("3.1.2i", 12, Decimal("27.50"), (2,) * 6, "SIA Izdomātā Terapija"),
        ("3.9", 6, Decimal("35.00"), SIX, f"Biedrība Zirgu Pasaka{padding}"),
        ("1.4.2", 20, Decimal("6.40"), (4, 4, 3, 3, 3, 3), f"Biedrība Zirgu Pasaka{padding}"),
        ("2.4", 180, None, (30,) * 6, ""),
    ), months=6, transport_override="Dzīvesvieta 38 km no pakalpojumu vietām")
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, reading.data.params_day, False,
                             build_day=DAY)
    return [d for d in documents if d.spec.id in TOTALS]


def _page_of(pages: list[str], text: str, after: int = 0) -> int:
    return next(i for i, page in enumerate(pages) if i >= after and text in page)


@pytest.mark.parametrize("padding", PADDING)
def test_a_short_service_table_is_on_one_page(catalogue: Catalogue, padding: str) -> None:
    papers = _papers(catalogue, padding)
    assert len(papers) == 2
    for document in papers:
        pages = [normalise(p) for p in pdf_pages(html_to_pdf(document.html))]
        head = _page_of(pages, "2.2. ")  # the clause that introduces the table of services
        first = _page_of(pages, "3.9 Reitterapija", head)
        second = _page_of(pages, "1.4.2 Atelpas brīdis", head)
        total = _page_of(pages, TOTALS[document.spec.id], head)
        assert first == second == total, (document.spec.id, padding, first + 1, second + 1, total + 1)
        # the monthly table below it: both rows on one page with its header
        months = _page_of(pages, "No individuālā budžeta apmaksātais apjoms pa mēnešiem", head)
        rows = [_page_of(pages, f"{n}. {label}", months) for n, label in ((1, "3.9"), (2, "1.4.2"))]
        assert rows == [months, months], (document.spec.id, padding)


def test_docx_short_tables_keep_their_rows_together(catalogue: Catalogue) -> None:
    for document in _papers(catalogue, ""):
        data = html_to_docx(document.html, document.spec.title, document.version, document.created)
        tables = Document(io.BytesIO(data)).tables
        total = TOTALS[document.spec.id]
        services = next(t for t in tables if total in "".join(t._tbl.itertext()))
        rows = services._tbl.findall(qn("w:tr"))
        assert len(rows) == 4  # header, two services, the total
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
        for row in rows[:-1]:
            assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in row.iter(qn("w:p")))


def test_a_long_table_still_breaks_with_its_header_repeated(catalogue: Catalogue) -> None:
    """Five services of one provider are no short table: the PDF may break it, the header repeats."""
    offers = ("3.1.3i", "3.1.2i", "3.9", "1.4.2", "3.1.1i")
    reading = plan_reading(catalogue, "valmiera", tuple(
        (offer, 6, Decimal("20.00") if offer != "1.4.2" else Decimal("6.40"), SIX, "SIA Viss Vienuviet")
        for offer in offers), months=6)
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    [provider] = child.providers
    assert not provider.short_table
    html = next(d.html for d in render_child(catalogue, catalogue.municipality("valmiera"), child,
                                             reading.data.params_day, False, build_day=DAY)
                if d.spec.id == "02-ligums-ar-sniedzeju-1")
    assert 'class="grid small whole"' not in html
