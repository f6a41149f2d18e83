"""No orphan at a page break (audit10 F12): in the decisions (08, 17) the basis item that introduces the
municipality's contract with the ministry stays with its field „Līguma datums un Nr.”, and in the parent contract
(01) the clause listing the annexes stays whole – one block that never breaks across pages (PDF: div.keep,
break-inside: avoid; DOCX: paragraphs kept with the next)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import write_docx
from generator.documents.htmltree import Node, parse
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise

DECISIONS = ("08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu")
PARENT = "01-ligums-ar-vecaku"
ITEM = "un Labklājības ministrijas līgumu par dalību programmā:"  # made today, after the pilot: neutral (D129)
FIELD = "Līguma datums un Nr."
ANNEXES = "Līgumam ir šādi pielikumi, kas ir tā neatņemama sastāvdaļa:"


@pytest.fixture(scope="module")
def html(catalogue: Catalogue) -> dict[str, str]:
    specs = [s for s in DOCUMENTS if s.id in (*DECISIONS, PARENT)]
    return {d.spec.id: d.html for d in render_municipality(catalogue, catalogue.municipality("madona"), specs)}


def _keeps(node: Node) -> list[Node]:
    found = [node] if node.tag == "div" and "keep" in node.classes else []
    for child in node.elements():
        found.extend(_keeps(child))
    return found


def _block_with(body: str, text: str) -> str:
    """The text of the innermost kept-together block that holds ``text``."""
    blocks = [normalise(k.text()) for k in _keeps(parse(body)) if text in normalise(k.text())]
    assert blocks, f"„{text}” nav nevienā blokā, kas paliek vienā lappusē"
    return min(blocks, key=len)


def test_the_contract_item_stays_with_its_field(html: dict[str, str]) -> None:
    for doc_id in DECISIONS:
        block = _block_with(html[doc_id], ITEM)
        assert block.endswith(f"{ITEM} {FIELD}"), (doc_id, block)
        # only the last item goes along: the rest of the basis may break as text does
        assert "Administratīvā procesa likuma 55. pantu" not in block, doc_id


def test_the_annex_list_stays_whole(html: dict[str, str]) -> None:
    block = _block_with(html[PARENT], ANNEXES)
    for number in (1, 2, 3):
        assert f"{number}. pielikums „" in block


def test_the_docx_keeps_them_together(html: dict[str, str], tmp_path: Path) -> None:
    for doc_id, first, last in ((DECISIONS[0], ITEM, FIELD), (PARENT, ANNEXES, "3. pielikums „")):
        path = write_docx(html[doc_id], tmp_path / f"{doc_id}.docx", "Paraugs", "2023-04-01+00000000",
                          dt.date(2018, 9, 20))
        paragraphs = Document(str(path)).paragraphs
        start = next(i for i, p in enumerate(paragraphs) if first in normalise(p.text))
        end = next(i for i, p in enumerate(paragraphs) if i > start and last in normalise(p.text))
        # every paragraph from the first to the one before the last keeps with the next
        assert all(p.paragraph_format.keep_with_next for p in paragraphs[start:end]), doc_id
