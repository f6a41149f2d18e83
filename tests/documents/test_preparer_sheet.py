"""audit41 F1, F2, F15, F16 (D161): the PDF is the print version, signed as printed. For every document of every
pilot municipality (the documents build's PDFs, rendered once per session): no page of the act carries an
instruction to the preparer – they are on a separate sheet after the act, titled as not part of it, with its own
page numbering, each naming its place; every marked blank keeps its footnote in the act; the names' blanks keep
their explanatory note, which says the signing day, not the build day; the footer names the form, not the
catalogue version (that is in the PDF's properties)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.htmltree import parse
from generator.documents.paths import documents_dir
from generator.documents.pdf_writer import SHEET_TITLE, split_instructions
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise, pdf_pages

pytestmark = pytest.mark.xdist_group("documents-build")

# written out (not imported): the test reads the same on a tree without them
LABEL = "Piezīme sagatavotājam"
SHEET = "Norādījumi sagatavotājam – nav dokumenta daļa"
MARK = re.compile(r"_{3,}([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


def _pages(path: Path) -> tuple[list[str], list[str]]:
    """(the act's pages, the sheet's pages) of a PDF, each normalised; a sheet page is told by its title."""
    pages = [normalise(p) for p in pdf_pages(path)]
    act = [p for p in pages if SHEET not in p]
    sheet = [p for p in pages if SHEET in p]
    assert pages == act + sheet, f"{path.name}: norādījumu lapas nav aiz akta"
    return act, sheet


def _instructions(catalogue: Catalogue, municipality_id: str, build_date: dt.date) -> dict[str, list[str]]:
    """Each document's preparer instructions (their text, normalised), from the HTML the build rendered."""
    from generator.documents.build_step import render_municipality

    m = next(x for x in catalogue.pilot_municipalities() if x.id == municipality_id)
    return {d.spec.id: [normalise(parse(f"<p>{i.html}</p>").text()) for i in split_instructions(d.html)[1]]
            for d in render_municipality(catalogue, m, build_date=build_date)}


def test_no_act_page_carries_a_preparer_instruction(built: Path, built_municipalities: list[Municipality],
                                                    built_day: dt.date, catalogue: Catalogue) -> None:
    build_day = lvformat.date(built_day)
    seen_sheets = 0
    for m in built_municipalities:
        instructions = _instructions(catalogue, m.id, built_day)
        for spec in DOCUMENTS:
            where = f"{m.id}/{spec.id}.pdf"
            act, sheet = _pages(documents_dir(built, m.id) / f"{spec.id}.pdf")
            text = " ".join(act)
            # F1: no note labelled for deletion, F2: no instruction in the imperative, F16: no build day as the
            # names' date in the act
            assert LABEL not in text, where
            assert not re.search(r"\b(ierakstiet|izdzēsiet|dzēsiet)\b", text, re.I), where
            assert f"spēkā {build_day}" not in text, where
            # the act's pages are numbered on their own: "Lapa N no <act's pages>" on each
            for number, page in enumerate(act, 1):
                assert f"Lapa {number} no {len(act)}" in page, f"{where} lapa {number}"
            wanted = instructions[spec.id]
            if spec.id[:2] in ("01", "08"):  # at least the round's name, a blank after the pilot (F1, F2)
                assert wanted, f"{where}: dokumentam nav neviena norādījuma sagatavotājam"
            if not wanted:
                assert not sheet, where
                continue
            sheet_text = " ".join(sheet)
            for instruction in wanted:
                head = instruction[:70]
                assert head not in text, f"{where}: norādījums akta lapā: „{head}”"
                assert head in sheet_text, f"{where}: norādījuma nav norādījumu lapā: „{head}”"
            # the sheet: its own numbering, names the act's page count and each instruction's page
            assert sheet, where
            seen_sheets += 1
            # the act's pages as the sheet names them: its only page, or its first and last (audit43 F10)
            pages = "„Lapa 1 no 1”" if len(act) == 1 else f"„Lapa 1 no {len(act)}” – „Lapa {len(act)} no {len(act)}”"
            for number, page in enumerate(sheet, 1):
                assert f"Norādījumu lapa {number} no {len(sheet)}" in page, where
                assert not re.search(r"(?<!Norādījumu )Lapa \d+ no \d+(?! ”)", page.replace(pages, "")), where
            assert f"ir {len(act)} lap" in sheet[0], where
            assert len(re.findall(r"\d+\. lapā", sheet_text)) == len(wanted), where
    assert seen_sheets >= 2 * len(built_municipalities)


def test_every_marked_blank_keeps_its_footnote_in_the_act(built: Path, built_municipalities: list[Municipality],
                                                          catalogue: Catalogue) -> None:
    """A blank marked "______¹" has its note "¹ Ieraksta …" on the act's pages (it stays in the signed paper);
    the names' blanks keep the note where the names come from, on the signing day."""
    for m in built_municipalities:
        for spec in DOCUMENTS:
            where = f"{m.id}/{spec.id}.pdf"
            act, _sheet = _pages(documents_dir(built, m.id) / f"{spec.id}.pdf")
            text = " ".join(act)
            for mark in set(MARK.findall(text)):
                # a norm's note, or a blank's own (numbered at its blank, D369)
                assert re.search(rf"(?:^|\s){mark} (?:Ieraksta|Norāda|Tukš|Projekta|Iesniegšanas)", text), \
                    f"{where}: {mark}"
            if "(sociālā dienesta nosaukums" in text:
                assert "Tukšajās vietās ieraksta" in text and "dokumenta parakstīšanas dienā" in text, where


def test_the_footer_names_the_form_and_the_properties_the_catalogue_version(built: Path,
                                                                            built_municipalities: list[Municipality],
                                                                            built_day: dt.date,
                                                                           catalogue: Catalogue) -> None:
    """F15: "Veidlapa 08 (redakcija DD.MM.GGGG)" on every act page (D345: no tool's name), no "kataloga versija" in a
    document's text; the catalogue version is in the PDF's properties (Creator)."""
    m = built_municipalities[0]
    day = lvformat.date(built_day)
    for spec in DOCUMENTS:
        path = documents_dir(built, m.id) / f"{spec.id}.pdf"
        act, sheet = _pages(path)
        for page in act:
            assert f"Veidlapa {spec.id[:2]} (redakcija {day})" in page and "rīkkopa" not in page, spec.id
        assert "kataloga versija" not in " ".join(act + sheet), spec.id
        assert catalogue.version in (PdfReader(path).metadata.creator or ""), spec.id
    assert SHEET_TITLE in SHEET
