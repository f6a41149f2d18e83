"""D374: `ibm documents --from-matrix --draft` on a plan with a void line – a 6.8 price in fractions of a cent (D87,
D332), the line first by its ranks and the plan's N above P. N leaves the line out (D366), so what rests on it is a
blank: N, A, the IB-funded sum and K, the line's own sum, IB share and month sums; the other lines' IB shares are the
reference's (it shares A over the lines N holds). The blanks' note is a numbered footnote at N's blank (D369) in 01's
annex 2 and in 08, and at the line's first month sum in annex 3, naming the price cell; the numbers follow the text,
in the PDF and in the DOCX alike. parskats.txt says the void line's provider waits for the corrected cell (not for a
price). Without --draft the matrix is refused. A text or a date in that price cell is refused even with --draft, and
the refusal says why (reading.UNREADABLE_LINE)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix import command
from generator.documents.from_matrix.reading import UNREADABLE_LINE
from generator.documents.pdf_footnotes import MARK_DIGITS
from generator.reference.lines import line_from_offer
from generator.reference.workbook import evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import (
    docx_tables,
    footnote_marks,
    footnote_texts,
    money,
    table_with,
    write_matrices,
)
from tests.ministry.factory import params, two_line_child

pytestmark = pytest.mark.slow
VOID, MARKET, GROUP = "3.1.3i", "3.1.2i", "3.4.1g"
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended
PRICE_CELL = "6.8. tabula, I28 „Sniedzēja cena, EUR par vienību”"
NOTE = "Tukšās vietas: matricā nederīga ievade ir atbalsta plāna 1. rindas cena ("
TOTALS_NOTE = "IB nepieciešamais apmērs (N) šo rindu neietver, tāpēc N un no tā atkarīgās summas"
MONTHS_NOTE = "tāpēc šīs rindas summas pa mēnešiem nav zināmas"
MARK = f"[{MARK_DIGITS}]+"


@pytest.fixture(scope="module")
def matrix(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The void line (rank 1, 20 × 25,005) and two valid lines (10 × 20,00, 6 × 18,00) on B 200,00: N > P."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    child = two_line_child(catalogue, 0, catalogue.pilot_municipalities()[0].id, (VOID, 20, Decimal("25.005")),
                           base=Decimal("200.00"))
    third = line_from_offer(offers[GROUP], 6, unit_price=Decimal("18.00"), planned_units=(3, 3))
    lines = tuple(dataclasses.replace(line, expert_rank=rank, parent_rank=rank)
                  for rank, line in enumerate((*child.inputs.lines, third), 1))
    child = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=lines),
                                people=dataclasses.replace(child.people, providers={
                                    **child.people.providers, GROUP: "SIA Sniedzējs 3"}))
    return write_matrices(catalogue, tmp_path_factory.mktemp("nederiga-rinda"), [child])[0].path


@pytest.fixture(scope="module")
def outcome(matrix: Path, catalogue: Catalogue):  # noqa: ANN201
    from generator.documents.from_matrix.reading import read_for_documents
    from generator.ministry.templates import TemplateSource

    reading = read_for_documents(matrix, catalogue, TemplateSource(catalogue), None)
    assert not reading.refused, reading.refused
    result = evaluate_workbook(reading.data.inputs, params(catalogue))
    assert result.void_count == 1 and result.needed > result.provisional, result
    return result


def _run(matrix: Path, out: Path, *extra: str):  # noqa: ANN202
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(command, "system_day", lambda: dt.date.min)  # as conftest's machine_day_is_the_build_day
        return CliRunner().invoke(main, ["documents", "--from-matrix", str(matrix), "--out", str(out),
                                         "--day", BUILD_DAY, *extra], env={"IBM_PSEUDONIMA_ATSLEGA": ""})


@pytest.fixture(scope="module")
def draft(matrix: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("melnraksts")
    result = _run(matrix, out, "--draft")
    assert result.exit_code == 0, result.output
    return out / matrix.stem


def _marked_text(path: Path) -> tuple[str, list[str]]:
    """The DOCX body's text in reading order with each Word footnote reference as the PDF's mark, and its footnotes."""
    document = Document(str(path))
    notes = [normalise(n) for n in footnote_texts(document)]
    footnote_marks(document.element)
    body = " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p")))
    return normalise(body), notes


def _marks_in_order(text: str) -> list[int]:
    """The footnote marks in the order the text first uses them, as numbers."""
    plain = str.maketrans(MARK_DIGITS, "0123456789")
    seen: list[int] = []
    for mark in re.findall(MARK, text):
        number = int(mark.translate(plain))
        if number not in seen:
            seen.append(number)
    return seen


def _note_mark(notes: list[str], words: str) -> str:
    """The mark of the footnote that holds ``words`` (the footnotes follow the body, each after its mark)."""
    found = [note for note in notes if words in note]
    assert len(found) == 1, notes
    mark = re.match(MARK, found[0])
    assert mark is not None, found[0]
    return mark.group(0)


@pytest.mark.parametrize("paper", ["01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"])
def test_the_blanks_note_is_a_numbered_footnote_at_ns_blank(draft: Path, paper: str, pdf_text) -> None:  # noqa: ANN001
    text, notes = _marked_text(draft / f"{paper}.docx")
    mark = _note_mark(notes, TOTALS_NOTE)
    note = next(n for n in notes if TOTALS_NOTE in n)
    assert note.startswith(f"{mark} {NOTE}{PRICE_CELL}") and "pakalpojums „3.1.3i" in note, note
    assert re.search(f"N – IB nepieciešamais apmērs ______{mark}(?![{MARK_DIGITS}])", text), text
    assert "Piezīme. Tukšās vietas: matricā" not in text  # never a paragraph between the clauses (D369)
    # the marks are numbered in the order the text first uses them, the footnotes in that order
    order = _marks_in_order(text)
    assert order == list(range(1, len(order) + 1)) and len(order) == len(notes), (order, notes)
    assert [_marks_in_order(n[:3])[0] for n in notes] == order, notes
    # the PDF prints the same note with the same mark at the page's foot
    # whole: a mark in a figure's cell (td.num, nowrap) once cut the note to its first line
    pdf = normalise(pdf_text(draft / f"{paper}.pdf"))
    assert note in pdf, pdf[-3000:]


def test_no_figure_rests_on_the_void_line(draft: Path, outcome, catalogue: Catalogue, pdf_text) -> None:  # noqa: ANN001
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    tables = docx_tables(draft / "01-ligums-ar-vecaku.docx")
    rows = {row[1]: row for row in table_with(tables, "No IB, EUR")[1:]}
    void = rows[normalise(offers[VOID].label)]
    assert void[4] == "______" and void[5] == "" and void[6] == "______", void  # its sum, priority, IB share
    # the lines N holds: the reference's shares of A (the void line takes none, N > P)
    for i, item in ((1, MARKET), (2, GROUP)):
        row = rows[normalise(offers[item].label)]
        assert money(row[6]) == outcome.plan.lines[i].ib, row
    assert outcome.plan.lines[1].ib > 0 and outcome.plan.lines[2].ib == 0  # who is funded: the reference decides
    amounts = {row[0].split(" ")[0]: row[1] for row in table_with(tables, "IB apmērs")[1:]}
    assert all(amounts[name].startswith("______") for name in ("N", "A", "K")), amounts
    # annex 3: the void line's month sums are blanks, its units are the plan's
    text, notes = _marked_text(draft / "01-ligums-ar-vecaku.docx")
    mark = _note_mark(notes, MONTHS_NOTE)
    assert next(n for n in notes if MONTHS_NOTE in n).startswith(f"{mark} {NOTE}{PRICE_CELL}"), notes
    assert f"{normalise(offers[VOID].label)} 10______ EUR{mark} 10______ EUR 2." in text, text
    assert next(n for n in notes if MONTHS_NOTE in n) in normalise(pdf_text(draft / "01-ligums-ar-vecaku.pdf"))


def test_the_void_lines_provider_waits_for_the_cell(draft: Path) -> None:
    report = (draft / "parskats.txt").read_text("utf-8")
    line = next(t for t in report.splitlines() if t.startswith("  Nr. 1 "))
    assert f"kamēr matricā nav izlabota nederīgā ievade ({PRICE_CELL}" in line, line
    assert "()" not in report and "kamēr ," not in report, report
    assert not list(draft.glob("02-ligums-ar-sniedzeju-1.*")), sorted(p.name for p in draft.iterdir())


def test_without_draft_the_matrix_is_refused(matrix: Path, tmp_path: Path) -> None:
    result = _run(matrix, tmp_path / "out")
    assert result.exit_code != 0, result.output
    assert "atteikts (ar --draft var izveidot melnrakstu):" in result.output, result.output
    assert "25,005" in result.output and not (tmp_path / "out" / matrix.stem).exists()


@pytest.mark.parametrize("value", ["25,00", dt.datetime(2018, 10, 25)], ids=["teksts", "datums"])
def test_a_text_or_date_price_is_refused_with_draft_and_says_why(matrix: Path, tmp_path: Path, value) -> None:  # noqa: ANN001
    wb = load_workbook(matrix)
    wb["6.8"]["I28"] = value
    changed = tmp_path / "matrica-teksts.xlsx"
    wb.save(changed)
    result = _run(changed, tmp_path / "out", "--draft")
    assert result.exit_code != 0, result.output
    said = normalise(result.output)
    assert normalise(UNREADABLE_LINE.format(place=f"{PRICE_CELL}, pakalpojums „3.1.3i Logopēds, individuāli”")) in said, said
    assert not (tmp_path / "out" / changed.stem).exists()
