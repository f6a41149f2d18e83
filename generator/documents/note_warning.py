"""The line a run says when a paper's PDF prints a numbered note on another page than its mark (D349): the layout
keeps each note at the foot of its mark's page (D345, pdf_footnotes.laid_out), and when its tries are not enough the
paper is named rather than left to be signed with the note apart. The run goes on and its exit status stays what it
is (a warning, like the passed application deadline's): the DOCX, whose Word footnotes Word keeps on their marks'
pages, is the copy to print from."""

from __future__ import annotations

from collections.abc import Iterable

from generator.documents.html import RenderedDocument
from generator.documents.pdf_writer import unplaced_notes


def unplaced_line(paper: str, marks: tuple[str, ...]) -> str:
    """„Brīdinājums: jelgava/09-lemums-par-izbeigsanu.pdf: piezīme ² …” for one PDF's notes off their marks' pages."""
    if len(marks) == 1:
        what = f"piezīme {marks[0]} nav nodrukāta lapā, kurā ir tās atzīme"
    else:
        what = f"piezīmes {', '.join(marks)} nav nodrukātas lapās, kurās ir to atzīmes"
    return (f"Brīdinājums: {paper}: PDF {what}; pirms parakstīšanas pārbaudiet izdruku vai drukājiet no DOCX, kurā "
            "piezīmes ir savās vietās.")


def unplaced_lines(documents: Iterable[RenderedDocument], folder: str) -> list[str]:
    """unplaced_line for each of ``documents`` whose PDF (written in this process) has a note apart, the PDF named by
    ``folder`` (as the output names it, e.g. „jelgava” or „jelgava/cenas-no-2019-01-01”) and its file name."""
    return [unplaced_line(f"{folder}/{d.spec.id}.pdf", marks) for d in documents if (marks := unplaced_notes(d.html))]
