"""Fixtures for the document tests: one build of every document for the sampled pilot municipalities (every one
with IBM_FULL=1, D292) per test session (the tests that use it share one xdist group, so it is built once), and text extraction."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.catalogue.models import Municipality, Pilot
from generator.documents.build_step import render_documents
from tests.documents.municipality_sample import municipality_sample

NBSP = "\u00a0"
# the title of the preparer's sheet after an act (D161): its pages are not the act's, written out as a reader sees it
PREPARER_SHEET = "Norādījumi sagatavotājam – nav dokumenta daļa"


def normalise(text: str) -> str:
    """One space between words: PDF and DOCX wrap lines differently; no-break spaces count as spaces, and the
    word joiners that keep an identifier on one line (html.unbroken) are not text."""
    return re.sub(r"\s+", " ", text.replace(NBSP, " ").replace("\u2060", "")).strip()


_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def unnumbered(html: str) -> str:
    """A paper's HTML with each numbered note read as an unnumbered one – „Piezīme. …” – and its blanks without their
    marks: the wording of a blank's note (numbered at its blank since D369) and of the text round a marked blank, for
    tests about words; where the notes are and how they are numbered is proven in test_blank_notes.py and
    test_pdf_footnotes.py."""
    html = re.sub(f'(<p class="note">)\\s*[{_MARKS}]+ ', r"\1Piezīme. ", html)
    return re.sub(f"(_(?:[ \u00a0]EUR)?)[{_MARKS}]+", r"\1", html)


def unmarked(text: str) -> str:
    """A PDF's or DOCX's text with its blanks' marks left out („______³” reads „______”, D369): for tests about the
    words round a blank."""
    return re.sub(f"(?<=_)[{_MARKS}]+|(?<=_[ \u00a0]EUR)[{_MARKS}]+", "", text)


def without_footer(page: str, title: str, version: str) -> str:
    """A normalised PDF page's text without its footer: "Lapa N no M", the form reference line ("Veidlapa 08
    (redakcija DD.MM.GGGG)", audit41 F15, D345; an older "kataloga versija …" too) and the title's last occurrence
    (the footer's title line; the two lines may come in either order around the page number)."""
    rest = re.sub(r"Lapa \d+ no \d+", " ", page).replace(normalise(f"kataloga versija {lvformat.version_id(version)}"), " ")
    rest = re.sub(r"Veidlapa \d+ \(redakcija \d\d\.\d\d\.\d{4}\)", " ", rest)
    head, found, tail = rest.rpartition(normalise(title))
    return normalise(f"{head} {tail}" if found else rest)


def act_pages(pages: list[str]) -> list[str]:
    """A PDF's pages without the preparer's sheet that follows the act (D161)."""
    return [page for page in pages if PREPARER_SHEET not in normalise(page)]


@pytest.fixture(autouse=True)
def machine_day_is_the_build_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI tests of --from-matrix run pilot-period matrices on a `--day` inside their plan, as if the machine's
    date were that day: the real date (system_day, D136) then never refuses them for having ended since. The test of
    D136 itself sets system_day to a day of its own."""
    from generator.documents.from_matrix import command

    monkeypatch.setattr(command, "system_day", lambda: dt.date.min)


@pytest.fixture(scope="session")
def built_day(catalogue: Catalogue) -> dt.date:
    """The day the documents build is made on: the first service day of the children's pilot, so that the papers
    are the full set a municipality signed while the round ran (its project, procedures and ESF questionnaire).
    Papers made after the round ended leave those out (D135; tests/documents/test_ended_round_papers.py)."""
    return catalogue.rounds_of(Pilot.children)[0].services_start


@pytest.fixture(scope="session")
def built_municipalities(catalogue: Catalogue) -> list[Municipality]:
    """The pilot municipalities whose papers the documents build ``built`` makes (D292): by default those that show
    every kind of municipality data as the templates see it (tests/documents/municipality_sample.py, D223), every
    pilot municipality with IBM_FULL=1. The first pilot municipality is always among them (the checks of a single
    municipality's papers take it: tests/documents/scanned_texts.py)."""
    sample = municipality_sample(catalogue)
    first = catalogue.pilot_municipalities()[0]
    return sample if first in sample else [first, *sample]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, built_day: dt.date,
          built_municipalities: list[Municipality]) -> Path:
    """`ibm build`'s documents step on ``built_day`` for ``built_municipalities``: one run, as for every pilot
    municipality (one render memo over all of them), with only the municipalities it takes changed."""
    from generator.documents import build_step

    out = tmp_path_factory.mktemp("documents-build")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_step, "selected_municipalities", lambda *_args: built_municipalities)
        render_documents(catalogue, out, progress=lambda _line: None, build_date=built_day)
    return out


@pytest.fixture
def quick_papers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The municipal set's PDF and DOCX as small stand-ins (their HTML), for tests of `ibm documents` that look at
    which files are made, the console or the report workbooks, not inside the papers (the documents build renders
    them for real)."""
    from generator.documents import build_step

    def stand_in(html: str, target: Path, *_args: object, **_kwargs: object) -> Path:
        target.write_text(html, encoding="utf-8")
        return target

    monkeypatch.setattr(build_step, "write_pdf", stand_in)
    monkeypatch.setattr(build_step, "write_docx", stand_in)


PDF_STAND_IN = b"%IBM-test: HTML in place of a PDF\n"


@pytest.fixture
def pdf_stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    """`ibm documents --from-matrix` writes each document's PDF as a stand-in (a marker and the document's HTML)
    instead of WeasyPrint's rendering, for tests that look only at which PDFs are made, not inside them: the
    rendering is most of a run's time. The same documents are rendered for real by the documents build and by the
    --from-matrix tests that read PDFs (--draft marks, a second run's equal text, the archive mark)."""
    from generator.documents.from_matrix import writing

    def stand_in(html: str, target: Path) -> Path:
        target.write_bytes(PDF_STAND_IN + html.encode("utf-8"))
        return target

    monkeypatch.setattr(writing, "write_pdf", stand_in)


@pytest.fixture(scope="session")
def pdf_text():
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext nav instalēts (poppler-utils)")

    seen: dict[tuple[Path, int, int], str] = {}

    def extract(path: Path) -> str:
        """The text of a PDF, pages separated by form feeds; a file already read (same size and time) is not
        read again: several tests look at every PDF of the documents build."""
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
        if key not in seen:
            done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                                  check=True)
            seen[key] = done.stdout
        return seen[key]

    return extract


def pdf_pages(pdf: bytes | Path) -> list[str]:
    """Each page's text of a PDF (its bytes or its file) by poppler's pdftotext in content-stream order (``-raw``),
    the pages split at its form feeds: for our documents the pages and the order of their words that pypdf's
    ``extract_text`` gives, ~15 times faster (pypdf parses every content stream in Python; bench/pdf_text_speed.py
    compares the two)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext nav instalēts (poppler-utils)")
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    key = hashlib.blake2b(data, digest_size=20).digest()
    if key not in _PAGES:  # the same PDF is read by several tests (the documents build's 320 by three files)
        done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True,
                              check=True)
        _PAGES[key] = tuple(done.stdout.decode("utf-8").split("\f")[:-1])  # every page ends with a form feed
    return list(_PAGES[key])


# pdf_pages' result by the PDF's bytes (their digest), for the rest of the process: pdftotext gives the same text for
# the same bytes, and a test gets a list of its own
_PAGES: dict[bytes, tuple[str, ...]] = {}


@dataclass
class PastedReports:
    """The report paste cases of test_report_input_checks and test_report_pasted_formulas (D140, D267), each its
    pasted source and its workbook as LibreOffice recalculated it – all in one run; ``pending``: the catalogue with
    their `jāprecizē` parameters."""

    pending: Catalogue
    by_test: dict[str, tuple[dict[str, Path], dict[str, object]]]

    def cases(self, test: str) -> tuple[dict[str, Path], dict[str, object]]:
        """One test's sources and recalculated workbooks by case."""
        return self.by_test[test]


# the report paste tests by the name ``PastedReports.cases`` takes, with their files
PASTE_TESTS = {"input_checks": "test_report_input_checks.py", "pasted_formulas": "test_report_pasted_formulas.py"}


@pytest.fixture(scope="session")
def pasted_reports(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                   catalogue: Catalogue) -> PastedReports:
    """Both report paste tests' cases recalculated in one LibreOffice run: the two tests set up alike (the same
    `jāprecizē` catalogue, register and settlement workbooks) and each paid a LibreOffice start and its profile
    (docs/benchmarks.md); they stay in one xdist group („documents-lo”), so one worker runs this once. Only the
    cases of the tests selected in this session: one file run alone does not recalculate the other's."""
    from generator.recalc import make_profile, soffice
    from tests.documents.pending_parameters import mark_pending
    from tests.documents.test_report_input_checks import PENDING_KEYS, _paste, wrong_value_cases
    from tests.documents.test_report_pasted_formulas import pasted_formula_cases
    from tests.documents.workbook_values import recalculated_books

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    root = tmp_path_factory.mktemp("ielimetas-vertibas")
    shutil.copytree(DEFAULT_CATALOGUE, root / "catalogue")
    pending = mark_pending(root / "catalogue", PENDING_KEYS)
    asking = {item.path.name for item in request.session.items if "pasted_reports" in getattr(item, "fixturenames", ())}
    builders = {test: build for test, build in (("input_checks", wrong_value_cases),
                                                ("pasted_formulas", pasted_formula_cases))
                if PASTE_TESTS[test] in asking}
    sources = {test: {case: _paste(src, root / test / "in" / f"{case}.xlsx", values)
                      for case, (src, values) in build(root / test / "src", catalogue, pending).items()}
               for test, build in builders.items()}
    flat = [(test, case, path) for test, by_case in sources.items() for case, path in by_case.items()]
    books = recalculated_books([path for _, _, path in flat], make_profile(root / "profile"))
    outputs: dict[str, dict[str, object]] = {test: {} for test in builders}
    for (test, case, _), book in zip(flat, books, strict=True):
        outputs[test][case] = book
    return PastedReports(pending, {test: (sources[test], outputs[test]) for test in builders})
