"""The lawyer's audit (lawaudit-report.md) on what is printed: every PDF and DOCX of the session's
documents build (its municipalities, D292) and one child's papers made from a matrix. No reconstruction note, no
„Nr.” glued to a number, no toolkit word in a contract, a project number that never breaks across lines, a
short table kept on one page, prices of the plan's first day, the provider contract's IB sums, and metadata
naming the social service that issues the paper, dated the day it is made."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.docx_writer import write_docx
from generator.documents.paths import documents_dir
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise, without_footer
from tests.documents.from_matrix_helpers import docx_tables, docx_text, without_caption
from tests.documents.party_helpers import issuer as party_issuer
from tests.documents.test_lawaudit_wording import BUILD_DAY, PLAN_START, child_documents

pytestmark = pytest.mark.xdist_group("documents-build")

CONTRACTS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "14-patapinajuma-ligums")
GLUED = re.compile(r"\bNr\.(?:\d|[A-ZĀČĒĢĪĶĻŅŠŪŽ]{2})\S*")
WORD_JOINER = "\u2060"


def _pages(pdf_text, path: Path, title: str, version: str) -> list[str]:  # noqa: ANN001
    return [without_footer(normalise(p), title, version) for p in pdf_text(path).split("\f") if p.strip()]


def test_every_pdf_and_docx_is_free_of_reconstruction_notes_glued_numbers_and_catalogue_words(
        built: Path, built_municipalities: list[Municipality], catalogue: Catalogue, pdf_text) -> None:  # noqa: ANN001
    for m in built_municipalities:
        folder = documents_dir(built, m.id)
        for spec in DOCUMENTS:
            where = f"{m.id}/{spec.id}"
            pdf = " ".join(_pages(pdf_text, folder / f"{spec.id}.pdf", spec.title, catalogue.version))
            word = docx_text(folder / f"{spec.id}.docx").replace(WORD_JOINER, "")
            for kind, text in (("PDF", pdf), ("DOCX", word)):
                assert "ekonstrukcija" not in text, f"{where}.{kind}"
                assert not GLUED.search(text), f"{where}.{kind}: {GLUED.findall(text)}"
                if spec.id in CONTRACTS:
                    assert not re.search(r"[Kk]atalog", text), f"{where}.{kind}"


def test_the_project_number_never_breaks_across_lines(built: Path, built_municipalities: list[Municipality],
                                                      catalogue: Catalogue, pdf_text) -> None:  # noqa: ANN001
    number = catalogue.round_by_id["berni-2018"].project.number  # the pilot round the built papers are made for
    checked = 0
    for m in built_municipalities:
        folder = documents_dir(built, m.id)
        for spec in DOCUMENTS:
            raw = pdf_text(folder / f"{spec.id}.pdf")
            whole = re.sub(r"\s+", "", raw).count(number)
            assert raw.count(number) == whole >= 1, f"{m.id}/{spec.id}.pdf: numurs pārdalīts"
            with zipfile.ZipFile(folder / f"{spec.id}.docx") as package:
                xml = package.read("word/document.xml").decode("utf-8")
            # the DOCX has the number as typed, no word joiners: Word's Find finds it (audit33 F6)
            assert number in xml and WORD_JOINER.join(number[:3]) not in xml, f"{m.id}/{spec.id}.docx"
            checked += 1
    assert checked == len(DOCUMENTS) * len(built_municipalities)


def test_the_transport_table_of_the_expense_request_stays_on_one_page(built: Path,
                                                                      built_municipalities: list[Municipality],
                                                                      catalogue: Catalogue,
                                                                      pdf_text) -> None:  # noqa: ANN001
    for m in built_municipalities:
        pages = pdf_text(documents_dir(built, m.id) / "06-izdevumu-atmaksas-pieprasijums.pdf").split("\f")
        page = next(p for p in pages if "2. Transporta izdevumi" in p)
        assert "Kopā pieprasīts, EUR" in page, m.id


# --- one child's papers ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def child_files(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("docs2-child")
    context, documents = child_documents(catalogue)
    files: dict[str, tuple[Path, Path]] = {}
    for n, d in enumerate(documents):
        if not d.spec.id.startswith(("01-", "02-", "03-")):
            continue
        name = f"{n:02d}-{d.spec.id}"
        files[name] = (write_pdf(d.html, folder / f"{name}.pdf"),
                       write_docx(d.html, folder / f"{name}.docx", d.spec.title, d.version, d.created))
    return {"child": context, "files": files}


@pytest.mark.slow
def test_a_childs_contracts_print_the_plans_prices_and_the_provider_contracts_sums(child_files, catalogue: Catalogue,
                                                                                   pdf_text) -> None:  # noqa: ANN001
    child = child_files["child"]
    providers = {p.name: p for p in child.providers if p.funded}
    seen = annexed = 0
    for name, (pdf, word) in child_files["files"].items():
        text = normalise(pdf_text(pdf))
        # not even in the footer (audit41 F15: "Veidlapa 01 (redakcija …)", D345); the preparer's sheet after
        # the act (D161) may say what the catalogue does not confirm
        act = text.split("Norādījumi sagatavotājam – nav dokumenta daļa")[0]
        assert not re.search(r"[Kk]atalog", act), name
        if "01-ligums" in name:
            assert "Bērna identifikācijas kods: ______" in text and "matrica-016" not in text
            continue
        # a provider's price annex lists only the ceilings of what it delivers (D102): where there is one, its
        # prices are the plan's first day's
        if "Augstākās pieļaujamās cenas" in text:
            # the plan's first day; a heading over prices that are all blanks names their sources' day (audit45 F4)
            assert re.search(r"\((cenas|cena|cenu avoti|cenas avots) uz 01\.07\.2019\)", text), name
            annexed += 1
        else:
            assert "cenas uz" not in text, name
        if "02-ligums" in name:
            provider = next(p for n, p in providers.items() if n in text)
            table = next(without_caption(t) for t in docx_tables(word) if "Summa no IB, EUR" in t[0])
            # the header „Summa no IB, EUR” names the unit: the cells hold the figures alone
            assert table[-1][0] == "Kopā no IB" and normalise(table[-1][-1]) == normalise(provider.ib_figure)
            assert [normalise(r[-1]) for r in table[1:-1]] == [normalise(ln.ib_figure) for ln in provider.lines
                                                               if ln.funded]
            seen += 1
    assert seen == len(providers) >= 2
    assert annexed >= 1, "no provider paper with a price annex: the plan has no regulated service left"
    assert PLAN_START.year == 2019


@pytest.mark.slow
def test_a_childs_docx_names_the_issuer_and_the_day_it_was_made(child_files, catalogue: Catalogue) -> None:  # noqa: ANN001
    issuer = party_issuer(catalogue, catalogue.municipality("valmiera"), BUILD_DAY)
    for name, (_pdf, word) in child_files["files"].items():
        props = docx.Document(str(word)).core_properties
        assert props.author == issuer and props.last_modified_by == issuer, name
        assert props.created is not None and props.created.date() == BUILD_DAY, name
        with zipfile.ZipFile(word) as package:
            core = package.read("docProps/core.xml").decode("utf-8")
            app = package.read("docProps/app.xml").decode("utf-8")
        assert "lastPrinted" not in core and f"<Company>{issuer}</Company>" in app, name
        assert "Labklājības ministrija" not in core + app, name
