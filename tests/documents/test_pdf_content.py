"""Every PDF of the documents build (D292: the sample's municipalities, every pilot municipality with IBM_FULL=1):
municipality, headings, catalogue values, Latvian diacritics, the footer (title, template version, "Lapa X no Y") and
reproducible metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.build_step import render_documents
from generator.documents.paths import documents_dir
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise, pdf_pages, unmarked
from tests.documents.expectations import ALL_DIACRITICS, expected_phrases
from tests.documents.party_helpers import issuer, party_phrase

pytestmark = pytest.mark.xdist_group("documents-build")


def test_every_document_is_built_for_every_pilot_municipality(tmp_path: Path, catalogue: Catalogue, built_day: dt.date,
                                                              quick_papers: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """`ibm build`'s documents step makes every document as PDF and DOCX for every pilot municipality. The papers are
    written as stand-ins here (their HTML, conftest ``quick_papers``) and the report workbooks not at all: the
    documents build ``built`` renders for real only the sample's papers by default (D292), every pilot municipality's
    with IBM_FULL=1, and the other tests of this file read those."""
    from generator.documents.reports import workbooks

    monkeypatch.setattr(workbooks, "write_report_workbooks", lambda *_args, **_kwargs: [])
    render_documents(catalogue, tmp_path, progress=lambda _line: None, build_date=built_day)
    municipalities = catalogue.pilot_municipalities()
    assert len(municipalities) >= 10
    for m in municipalities:
        folder = documents_dir(tmp_path, m.id)
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted([f"{d.id}.pdf" for d in DOCUMENTS] + [f"{d.id}.docx" for d in DOCUMENTS]), m.id


def test_pdf_text_names_municipality_headings_and_catalogue_values(built: Path,
                                                                   built_municipalities: list[Municipality],
                                                                   built_day: dt.date, catalogue: Catalogue,
                                                                    pdf_text) -> None:
    expected = expected_phrases(catalogue, built_day)
    assert set(expected) == {d.id for d in DOCUMENTS}
    seen_letters: set[str] = set()
    for m in built_municipalities:
        for spec in DOCUMENTS:
            path = documents_dir(built, m.id) / f"{spec.id}.pdf"
            text = normalise(pdf_text(path))
            seen_letters |= set(text.lower()) & ALL_DIACRITICS
            where = f"{m.id}/{spec.id}.pdf"
            for kind in ("social_service", "municipality"):  # the name, or the note on its blank (D43)
                assert normalise(party_phrase(catalogue, m, kind)) in text, where
            for phrase in [spec.title, *expected[spec.id]]:  # the words round a blank, without its note's mark (D369)
                assert normalise(phrase) in unmarked(text), f"{where}: trūkst „{phrase}”"
            assert "None" not in text and "Undefined" not in text, where
    assert seen_letters == ALL_DIACRITICS


def test_pdf_footer_and_metadata(built: Path, built_municipalities: list[Municipality],
                                 built_day: dt.date, catalogue: Catalogue, pdf_text) -> None:
    m = built_municipalities[0]
    for spec in DOCUMENTS:
        path = documents_dir(built, m.id) / f"{spec.id}.pdf"
        reader = PdfReader(path)
        pages = len(reader.pages)
        assert reader.metadata.title == spec.title
        assert reader.metadata.author == issuer(catalogue, m)  # the issuer, not the ministry (lawaudit 28)
        created = reader.metadata.creation_date
        assert created is not None and created.date() == built_day  # the day the documents are made
        texts = pdf_pages(path)  # pdftotext: the pages pypdf's extract_text gives, faster (bench/pdf_text_speed.py)
        assert len(texts) == pages, spec.id
        # the act's pages; the preparer's sheet after them has its own numbering (D161, test_preparer_sheet.py)
        texts = [t for t in texts if "Norādījumu lapa" not in t]
        pages = len(texts)
        for number, page in enumerate(texts, 1):
            page_text = normalise(page)
            assert f"Lapa {number} no {pages}" in page_text, f"{spec.id} lapa {number}"
            assert f"Veidlapa {spec.id[:2]} (redakcija {lvformat.date(built_day)})" in page_text, \
                f"{spec.id} lapa {number}"  # audit41 F15, D345
            assert catalogue.version in reader.metadata.creator, spec.id
            assert "(katalogs" not in page_text, f"{spec.id} lapa {number}"  # no catalogue date beside it (F25)
            assert f"versija {catalogue.version}" not in page_text, f"{spec.id} lapa {number}"  # no ISO date
        mediabox = reader.pages[0].mediabox
        size = sorted([round(float(mediabox.width)), round(float(mediabox.height))])
        assert size == [595, 842], f"{spec.id}: nav A4 ({size})"


def test_pdf_fonts_are_embedded_carlito(built: Path, built_municipalities: list[Municipality],
                                        catalogue: Catalogue) -> None:
    m = built_municipalities[0]
    reader = PdfReader(documents_dir(built, m.id) / "01-ligums-ar-vecaku.pdf")
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        for ref in resources.values():
            font = ref.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    # Carlito (Calibri's metric twin, the DOCX font, D68); DejaVu Sans only for the symbols Carlito lacks (☐, ☒)
    assert any(f.startswith("Carlito") for f in fonts), fonts
    assert all(f.startswith(("Carlito", "DejaVu")) for f in fonts), fonts


def test_build_is_reproducible(tmp_path: Path, built: Path, built_municipalities: list[Municipality],
                               built_day: dt.date, catalogue: Catalogue) -> None:
    """Four documents rendered again, as the build renders them, are byte-identical."""
    from generator.documents.build_step import render_municipality, write_document

    m = built_municipalities[-1]
    for document in render_municipality(catalogue, m, DOCUMENTS[:4], build_date=built_day):
        write_document(document, documents_dir(tmp_path, m.id))
    for spec in DOCUMENTS[:4]:
        for ext in ("pdf", "docx"):
            first = (documents_dir(built, m.id) / f"{spec.id}.{ext}").read_bytes()
            again = (documents_dir(tmp_path, m.id) / f"{spec.id}.{ext}").read_bytes()
            assert first == again, f"{spec.id}.{ext} nav atkārtojams"
