"""The DOCX as LibreOffice Writer prints it (every paper of one municipality, and the signed decisions and letters
of every other one, all in one soffice call): no page holds only a signature block and no page is empty (a trailing
paragraph spilled over), the footer's "Lapa X no Y" counts the printed pages.
Needs Writer (libreoffice-writer-nogui, which `make test` installs); without it the test is skipped."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import write_docx
from generator.documents.htmltree import Node, parse
from generator.documents.registry import DECISIONS, DOCUMENTS
from generator.recalc import convert, soffice
from tests.documents.conftest import normalise, without_footer
from tests.documents.test_layout_for_signing import SIGNATURE_LABELS

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

# the acts that close with a writing box and the official's block (position, basis of an authorisation): Writer
# printed 09's signatures alone on its last page in seven municipalities (issue 11 item 7)
EVERY_MUNICIPALITY = (*DECISIONS, "18-vestule-par-neatbilstibu")


def _writer_installed() -> bool:
    exe = soffice()
    if exe is None:
        return False
    program = Path(exe).resolve().parent
    return any(program.glob("libswlo.so*")) or any(program.glob("swriter*"))


@pytest.fixture(scope="module")
def printed(calibri_metrics: None, tmp_path_factory: pytest.TempPathFactory,
            catalogue: Catalogue) -> dict[str, list[str]]:
    if not _writer_installed() or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice Writer (libreoffice-writer-nogui) vai pdftotext nav instalēts: DOCX drukas "
                    "tests izlaists")
    folder = tmp_path_factory.mktemp("docx-print")
    municipalities = catalogue.pilot_municipalities()
    files = []
    titles = {}
    signers: set[str] = set()
    for m in municipalities:
        specs = DOCUMENTS if m is municipalities[2] else [d for d in DOCUMENTS if d.id in EVERY_MUNICIPALITY]
        for document in render_municipality(catalogue, m, specs):
            spec = document.spec
            name = spec.id if m is municipalities[2] else f"{m.id}-{spec.id}"
            titles[name] = spec.title
            for table in (n for n in _walk(parse(document.body)) if n.tag == "table" and "signatures" in n.classes):
                signers |= {normalise(n.text()) for n in _walk(table) if n.tag == "strong"}
            files.append(write_docx(document.html, folder / f"{name}.docx", spec.title, document.version,
                                    document.created, landscape="A4 landscape" in document.html))
    pdfs = convert(files, folder / "pdf", to="pdf")
    pages = {}
    fonts = {}
    for pdf in pdfs:
        listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        fonts[pdf.stem] = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages[pdf.stem] = [normalise(p) for p in text.split("\f")[:-1]]
    return {"pages": pages, "titles": titles, "version": catalogue.version, "signers": signers, "fonts": fonts}


def _walk(node: Node):  # noqa: ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def test_writer_prints_no_empty_page_and_no_page_of_only_signatures(printed) -> None:
    assert len(printed["pages"]) >= 30
    for doc_id, pages in printed["pages"].items():
        for number, page in enumerate(pages, 1):
            assert f"Lapa {number} no {len(pages)}" in page, f"{doc_id} lapa {number}"
            # the footer in two lines as the PDF's (audit14 F17): the title, then the version
            rest = without_footer(page, printed["titles"][doc_id], printed["version"])
            if "Paraksts" in page:
                for text in (*sorted(printed["signers"], key=len, reverse=True), *SIGNATURE_LABELS):
                    rest = rest.replace(text, "")
                assert len(re.sub(r"[\W_]", "", rest)) >= 40, f"{doc_id} lapa {number}: tikai paraksti"
            assert len(re.sub(r"[\W_]", "", rest)) >= 20, f"{doc_id} lapa {number}: tukša lapa"


def test_writer_prints_every_heading_and_text_in_the_pdf_font(printed) -> None:
    """A theme font in the DOCX made Writer print the headings in another font than the PDF's. The DOCX names
    Calibri, which Writer prints with Carlito, the PDF's font (D68); DejaVu Sans only for a ☐ Carlito lacks."""
    assert len(printed["fonts"]) >= 30
    for doc_id, fonts in printed["fonts"].items():
        assert any(font.startswith("Carlito") for font in fonts), (doc_id, sorted(fonts))
        assert all(font.startswith(("Carlito", "DejaVu")) for font in fonts), (doc_id, sorted(fonts))
