"""Shared fixtures of the site tests: a build folder with downloads, and the site built once."""

from __future__ import annotations

import functools
import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.opendata.export import render_open_data
from generator.reference.params import Params
from generator.site.htmlcheck import PageFacts, page_facts
from generator.site.sources import SiteSources
from generator.site.step import build_into
from generator.workbook.writer import template_date
from tests.shared_session import shared

DATA = Path(__file__).resolve().parent / "data"
FIXTURE_METHODOLOGY = DATA / "metodika"


def write_docx(path: Path, title: str) -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.title = title
    doc.add_paragraph(title)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def write_xlsx(path: Path, title: str) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.title = title
    wb.active["A1"] = title
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))


def write_pdf(path: Path, title: str) -> None:
    """A minimal one-page PDF whose /Title is UTF-16 hex, as PDF writers store non-ASCII titles."""
    hex_title = (b"\xfe\xff" + title.encode("utf-16-be")).hex().upper()
    body = (
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        f"4 0 obj << /Title <{hex_title}> >> endobj\n"
        "trailer << /Root 1 0 R /Info 4 0 R >>\n%%EOF\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body.encode("ascii"))


# Synthetic downloads in the places the workbook and document steps write to.
DOWNLOADS = {
    "lejupielades/matrica/ibm-matrica.xlsx": "IBM matrica (vispārīgā)",
    "lejupielades/matrica/ibm-matrica-jelgava.xlsx": "IBM matrica – Jelgavas pilsētas pašvaldība",
    "lejupielades/dokumenti/jelgava/ligums-ar-vecaku.docx": "Līgums ar vecāku par individuālā budžeta saņemšanu",
    "lejupielades/dokumenti/jelgava/ligums-ar-vecaku.pdf": "Līgums ar vecāku par individuālā budžeta saņemšanu",
    "lejupielades/dokumenti/jelgava/lemums-par-pieskirsanu.pdf": "Lēmums par individuālā budžeta piešķiršanu",
    "lejupielades/dokumenti/daugavpils-novads/iesniegums.pdf": "Iesniegums par dalību",
}


def make_build_dir(folder: Path, catalogue: Catalogue) -> Path:
    """A build staging folder as the earlier steps leave it: open data plus some downloads."""
    folder.mkdir(parents=True, exist_ok=True)
    render_open_data(catalogue, folder, lambda _m: None)
    for rel, title in DOWNLOADS.items():
        path = folder / rel
        {"xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf}[path.suffix[1:]](path, title)
    return folder


@dataclass(frozen=True)
class BuiltSite:
    site: Path
    build_dir: Path
    sources: SiteSources
    catalogue: Catalogue

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")

    def page_texts(self) -> list[tuple[str, str]]:
        """(page, its text as tests/htmltext.py reads it) for every HTML page, sorted: read once for the tests
        that scan every page's words (ordinal spacing, sheet names)."""
        return _page_texts(self.site)

    def page_facts(self) -> dict[str, PageFacts]:
        """Every HTML page's facts (generator/site/htmlcheck.py) by its path in the site: parsed once for the tests
        that read every page's tags (lang, h1, table headers, alt texts, links, scripts)."""
        return _page_facts(self.site)


@functools.lru_cache(maxsize=4)
def _page_texts(site: Path) -> list[tuple[str, str]]:
    from tests.htmltext import html_text

    return [(str(p.relative_to(site)), html_text(p.read_text(encoding="utf-8"))) for p in sorted(site.rglob("*.html"))]


@functools.lru_cache(maxsize=4)
def _page_facts(site: Path) -> dict[str, PageFacts]:
    return {p.relative_to(site).as_posix(): page_facts(p) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str, catalogue: Catalogue) -> BuiltSite:
    """The real catalogue and methodology, built once per test session: with xdist the first worker that
    needs it builds it and the other one reads the same folder (the tests only read the site)."""

    def make(root: Path) -> tuple[Path, Path, SiteSources]:
        build_dir = make_build_dir(root / "build", catalogue)
        site = build_dir / "vietne"
        return site, build_dir, build_into(catalogue, site, build_dir, lambda _m: None)

    site, build_dir, sources = shared(tmp_path_factory, worker_id, "vietne", make)
    return BuiltSite(site, build_dir, sources, catalogue)


@pytest.fixture
def catalogue_with_fixture_methodology(tmp_path: Path) -> Path:
    """A copy of the catalogue whose catalogue/metodika/ is the small test fixture."""
    target = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target, ignore=shutil.ignore_patterns("metodika"))
    shutil.copytree(FIXTURE_METHODOLOGY, target / "metodika")
    return target


AMOUNT = re.compile(r"(-?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?)\u00a0EUR")


def amounts(text: str) -> list[Decimal]:
    """Every 'N NNN,NN EUR' in ``text`` as a Decimal."""
    return [Decimal(m.replace("\u00a0", "").replace(",", ".")) for m in AMOUNT.findall(text)]


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    """The reference's parameters on the matrix's prices day (the calculator's tests)."""
    return Params.from_catalogue(catalogue, template_date(catalogue))


@pytest.fixture(scope="module")
def offers(catalogue: Catalogue) -> dict:
    """The catalogue's offers on the matrix's prices day, by id (the calculator's tests)."""
    return {o.id: o for o in catalogue.offers(template_date(catalogue))}


# The browser fixtures (server, browser, visit, small_index_visit) for every test module of tests/site/.
from tests.site.browsing import browser, server, small_index_visit, visit  # noqa: E402, F401
