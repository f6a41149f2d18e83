"""A price annex's source blank (Citations.source, generator/documents/legal.py): its mark belongs to the note and the
set of sources the catalogue names for the blanked rows, so two sets in one document sharing the note keep a mark and
an instruction each – the preparer reads both lists of sources (D337, D341)."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.documents import legal

NOTE = "Tukšā vieta ailē „Avots”: ieraksta dokumentu, kas pakalpojuma sniegšanas dienā nosaka tā augstāko cenu."
# obviously fictional sources: only their being different matters
FIRST = ["Parauga noteikumi Nr. 1"]
SECOND = ["Parauga deleģēšanas līgums Nr. 2", "Parauga noteikumi Nr. 1"]


def _instruction(sources: list[str]) -> str:
    return f"Katalogā minētie avoti: {'; '.join(sources)}. Pirms parakstīšanas ierakstiet spēkā esošo."


def test_two_sets_of_sources_under_one_note_keep_a_mark_and_an_instruction_each(catalogue: Catalogue) -> None:
    cited = legal.citations(catalogue, dt.date(2026, 12, 1))
    first = cited.source(NOTE, _instruction(FIRST), FIRST)
    again = cited.source(NOTE, _instruction(FIRST), FIRST)  # another row of the same annex: the same mark
    second = cited.source(NOTE, _instruction(SECOND), SECOND)
    # the same set named in another order is the same set
    same = cited.source(NOTE, _instruction(SECOND[::-1]), SECOND[::-1])
    assert (first, again, second, same) == ("______¹", "______¹", "______²", "______²")
    notes = cited.notes()
    assert notes == [f"¹ {NOTE}", f"² {NOTE}"]
    assert notes[0].instruction == f"Tukšā vieta ar piezīmi Nr. 1. {_instruction(FIRST)}"
    assert notes[1].instruction == f"Tukšā vieta ar piezīmi Nr. 2. {_instruction(SECOND)}"
