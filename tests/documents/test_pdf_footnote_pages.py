"""Every numbered note of every paper the documents build makes prints on the page of its mark (D345): each PDF of
the build's municipalities (D292), the base set on the round's first day and every later prices day's folder, read
from the PDFs the build already wrote (tests/documents/footnote_pages.py). The other samples of papers with notes
are checked where they are rendered: test_legal_basis.py (Valmiera's decisions on the pilot's and a late day),
test_signed_acts.py (its acts on a proven and an unproven day), test_decisions.py (the blank and the child's
decisions) and test_pdf_footnotes.py (Jelgava's 01, 09, 17 and 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.models import Municipality
from generator.documents.paths import documents_dir
from tests.documents.footnote_pages import note_pages, notes_apart

pytestmark = pytest.mark.xdist_group("documents-build")

# the papers with numbered notes on the round's first day (marked citations, the blank B): the check must read them
NOTED = {"01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
         "18-vestule-par-neatbilstibu"}


def test_every_note_of_the_build_is_on_its_marks_page(built: Path, built_municipalities: list[Municipality]) -> None:
    pdfs = sorted(p for m in built_municipalities for p in documents_dir(built, m.id).rglob("*.pdf"))
    apart, noted = notes_apart(pdfs)
    assert not apart, "\n".join(apart)
    with_notes = {p.stem for p in pdfs if note_pages(p).first}
    assert NOTED <= with_notes, sorted(NOTED - with_notes)
    assert noted >= 14 * len(built_municipalities)  # 1 + 4 + 3 + 3 + 3 in each municipality's base set
