"""The PDF's numbered notes are footnotes at the foot of their marks' page (D345), as the DOCX's Word footnotes: a
marked blank's note („² Ieraksta normu …”) printed after its block fell on the next page, away from the mark in the
legal basis' list (17 and 18 on the round's first day). The numbers stay the text's; a mark used again has no
second note; a note in a table cell stays where it is, as in the DOCX."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.pdf_footnotes import footnoted
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id
from tests.documents.conftest import PREPARER_SHEET, normalise, pdf_pages

MARKS = "¹²³⁴⁵⁶⁷⁸⁹"
MARK = re.compile(f"_(?: EUR)?([{MARKS}]+)")
# a note at a page's foot: its mark, then its text (a norm's „Ieraksta …”, a blank's own note, D369)
NOTE = re.compile(f"(?m)^([{MARKS}]+) (?:Ieraksta|Tukš|Projekta|Iesniegšanas)")


@pytest.fixture(scope="module")
def act_pages(catalogue: Catalogue) -> dict[str, list[str]]:
    """The act pages of 17, 18 (their ² note fell on page 2), 01 and 09 on the pilot round's first day, when the
    norms and B are blanks with notes. WeasyPrint moves 01's footnote off its mark's page to keep a later paragraph's
    orphans at the page's foot, and 09's for the appeal clause, which then moves on whole with its signatures: both
    are laid out again."""
    day = dt.date(2018, 10, 1)
    ids = ["17-lemums-par-atteikumu", "18-vestule-par-neatbilstibu", "01-ligums-ar-vecaku", "09-lemums-par-izbeigsanu"]
    documents = render_municipality(catalogue, catalogue.municipality("jelgava"), [by_id(i) for i in ids],
                                    build_date=day)
    return {d.spec.id: [p for p in pdf_pages(html_to_pdf(d.html)) if PREPARER_SHEET not in normalise(p)]
            for d in documents}


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_each_note_prints_once_at_the_foot_of_its_marks_first_page(act_pages: dict[str, list[str]]) -> None:
    for doc_id, pages in act_pages.items():
        seen: set[str] = set()
        for number, page in enumerate(pages, 1):
            new = [m for m in dict.fromkeys(MARK.findall(page)) if m not in seen]
            notes = NOTE.findall(page)
            assert sorted(notes) == sorted(new), f"{doc_id} lapa {number}: zīmes {new}, piezīmes {notes}"
            for mark in new:  # under the text that cites it
                assert re.search(f"_(?: EUR)?{mark}", page).start() < page.index(f"\n{mark} "), doc_id
            seen.update(new)
        assert seen, doc_id  # the day's blanks are marked


def test_17_keeps_the_second_notes_mark_and_note_on_the_first_page(act_pages: dict[str, list[str]]) -> None:
    """The norm on the decision's term (its ² before the blanks' notes were numbered too, D369)."""
    first = act_pages["17-lemums-par-atteikumu"][0]
    mark = re.search(f"______([{MARKS}]+) \\(lēmumu pieņem", first).group(1)
    assert f"\n{mark} Ieraksta normu" in first


def test_a_mark_used_again_has_one_footnote_and_a_cells_note_stays() -> None:
    html = ('<html><head><style></style></head><body><main>'
            '<p class="clause">Avots ______¹ un vēlreiz ______¹, summa ______ EUR²</p>'
            '<p class="note">¹ Tukšā vieta ailē „Avots”: ieraksta avotu.</p>'
            '<table><tr><td>______³<p class="note">³ Ieraksta normu.</p></td></tr></table>'
            '<p class="note">² Tukšā vieta „______ EUR”: ieraksta summu.</p>'
            '<p class="note">Piezīme. Bez zīmes.</p>'
            '</main></body></html>')
    out = footnoted(html)
    assert out.count('class="footnote"') == 2
    assert ('______¹<span class="footnote">¹ Tukšā vieta ailē „Avots”: ieraksta avotu.</span> un vēlreiz ______¹,'
            in out)
    assert '______ EUR²<span class="footnote">² Tukšā vieta „______ EUR”: ieraksta summu.</span>' in out
    assert '<p class="note">¹' not in out and '<p class="note">²' not in out
    assert '<td>______³<p class="note">³ Ieraksta normu.</p></td>' in out  # in a cell: as the DOCX leaves it
    assert '<p class="note">Piezīme. Bez zīmes.</p>' in out
    assert "float: footnote" in out


def _line(paper: str, mark: str) -> str:
    return (f"Brīdinājums: {paper}: PDF piezīme {mark} nav nodrukāta lapā, kurā ir tās atzīme; pirms parakstīšanas "
            "pārbaudiet izdruku vai drukājiet no DOCX, kurā piezīmes ir savās vietās.")


@pytest.mark.parametrize("tries, watched", [(0, True), (0, False)])
def test_a_note_the_layout_leaves_apart_is_named_not_left_silently(tries: int, watched: bool, catalogue: Catalogue,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """D349: 01 on the round's first day needs a second layout to keep its ² with its mark (act_pages above); with
    no tries – whether or not the paragraph WeasyPrint reported it for is seen – the writer says which note it left
    apart, the note the PDF's text shows apart too (09 needed more layouts before its blanks' notes were numbered at
    their blanks, D369; since then 01 is the paper whose first layout leaves a note apart)."""
    from generator.documents import pdf_footnotes, pdf_writer
    from generator.documents.note_warning import unplaced_lines
    from tests.documents.footnote_pages import note_pages

    monkeypatch.setattr(pdf_footnotes, "_TRIES", tries)
    if not watched:
        monkeypatch.setattr(pdf_footnotes, "_ORPHANS_REPORT", "a line WeasyPrint does not have")
    monkeypatch.setattr(pdf_writer, "_UNPLACED", {})  # this test's record only, none left for the session
    monkeypatch.setattr(pdf_writer.ACTS, "enabled", False)  # laid out with these tries, not taken from the memo
    [document] = render_municipality(catalogue, catalogue.municipality("jelgava"),
                                     [by_id("01-ligums-ar-vecaku")], build_date=dt.date(2018, 10, 1))
    pdf = getattr(pdf_writer.html_to_pdf, "real", pdf_writer.html_to_pdf)(document.html)  # not a kept render
    apart = [line.split(" ")[0] for line in note_pages(pdf).apart()]
    assert apart and pdf_writer.unplaced_notes(document.html) == tuple(apart)
    assert unplaced_lines([document], "jelgava") == [_line("jelgava/01-ligums-ar-vecaku.pdf", apart[0])]
    assert pdf_writer.unplaced_notes(document.html.replace("<main>", "<main> ", 1)) == ()  # another HTML: none


def test_the_run_names_the_paper_and_its_note_and_goes_on(tmp_path, quick_papers: None,  # noqa: ANN001
                                                          catalogue: Catalogue,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """D349: `ibm documents` says the line after the municipality's own, and its exit status stays 0 (a warning, as
    the passed deadline's); `--from-matrix` writes it into the child's parskats.txt and on the screen."""
    from click.testing import CliRunner

    from generator.cli import main
    from generator.documents import note_warning
    from generator.documents.from_matrix import writing

    title = by_id("09-lemums-par-izbeigsanu").title
    monkeypatch.setattr(note_warning, "unplaced_notes", lambda html: ("²",) if f"<title>{title}" in html else ())
    result = CliRunner().invoke(main, ["documents", "--municipality", "jelgava", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    said = [i for i, line in enumerate(lines) if line.startswith("  Brīdinājums:")]
    assert [lines[i] for i in said] == [f"  {_line('jelgava/09-lemums-par-izbeigsanu.pdf', '²')}"], result.output
    assert lines[said[0] - 1].startswith("  bērnu programmas dokumenti 1/1:")

    def stand_in(_html: str, target: Path) -> Path:
        target.write_bytes(b"%PDF-stand-in")
        return target

    monkeypatch.setattr(writing, "write_pdf", stand_in)
    documents = render_municipality(catalogue, catalogue.municipality("jelgava"),
                                    [by_id("09-lemums-par-izbeigsanu"), by_id("17-lemums-par-atteikumu")])
    told: list[str] = []
    writing.write_child(documents, tmp_path / "berni" / "KODS1", draft=False, report="Statuss: izveidoti\n",
                        say=told.append)
    line = _line("KODS1/09-lemums-par-izbeigsanu.pdf", "²")
    assert told == [line]
    assert (tmp_path / "berni" / "KODS1" / "parskats.txt").read_text(encoding="utf-8").endswith(f"\n{line}\n")


def test_the_layout_names_the_paragraph_that_pushed_the_note_off(catalogue: Catalogue,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """01 on the round's first day: the paragraph WeasyPrint reported ² for is kept whole at the first try – two
    layouts, not one for each paragraph before it; where the report is not seen (WeasyPrint's code reads otherwise),
    the paragraphs tried in their order place the note too (for 01 the reported paragraph is also the first tried;
    09, which needed five layouts so, no longer leaves a note apart since its blanks' notes are numbered, D369)."""
    from generator.documents import pdf_footnotes, pdf_writer
    from generator.documents.paths import TEMPLATE_DIR

    [document] = render_municipality(catalogue, catalogue.municipality("jelgava"),
                                     [by_id("01-ligums-ar-vecaku")], build_date=dt.date(2018, 10, 1))
    html = footnoted(pdf_writer.split_instructions(document.html)[0])
    layouts: list[int] = []
    watch = pdf_footnotes._reporters

    def counted():  # noqa: ANN202 - the context manager
        layouts.append(1)
        return watch()

    monkeypatch.setattr(pdf_footnotes, "_reporters", counted)
    laid = pdf_footnotes.laid_out(html, str(TEMPLATE_DIR), pdf_writer._font_config())
    assert pdf_footnotes.apart(laid) is None and len(layouts) == 2
    layouts.clear()
    monkeypatch.setattr(pdf_footnotes, "_ORPHANS_REPORT", "a line WeasyPrint does not have")
    laid = pdf_footnotes.laid_out(html, str(TEMPLATE_DIR), pdf_writer._font_config())
    assert pdf_footnotes.apart(laid) is None and len(layouts) >= 2


def test_several_notes_apart_are_named_in_the_plural() -> None:
    from generator.documents.note_warning import unplaced_line

    assert unplaced_line("ogre/09.pdf", ("¹", "²")) == (
        "Brīdinājums: ogre/09.pdf: PDF piezīmes ¹, ² nav nodrukātas lapās, kurās ir to atzīmes; pirms parakstīšanas "
        "pārbaudiet izdruku vai drukājiet no DOCX, kurā piezīmes ir savās vietās.")
