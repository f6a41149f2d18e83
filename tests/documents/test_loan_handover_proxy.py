"""The loan contract (14) lets the Patapinātājs or a person he authorised sign each part of the handover record
(2.4): the record's signature block on his side has the line of the authorisation, as the Dienests' side does,
without a position a private person does not hold (lawyertrial2 F3, D219); its label stays one line. The contract's own
signature block is signed by the Patapinātājs himself and stays as it was."""

from __future__ import annotations

import io
import re

import docx
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise

LOAN = "14-patapinajuma-ligums"
ANNEX = "Pielikums. Transportlīdzekļa nodošanas-pieņemšanas akts"
PART_II = "II daļa. Transportlīdzekļa atdošana Patapinātājam"
OWNER = "Patapinātājs"
PROXY = "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)"


@pytest.fixture(scope="module")
def loan(catalogue: Catalogue):  # noqa: ANN201
    return render_municipality(catalogue, catalogue.pilot_municipalities()[0], [by_id(LOAN)])[0]


def _blocks(text: str, giver: str, receiver: str) -> tuple[str, str]:
    """The giver's and the receiver's signature lines of one part (the two columns read one after the other)."""
    start = text.index(f"Nodeva – {giver}")
    block = text[start:]
    return block[:block.index(f"Pieņēma – {receiver}")], block[block.index(f"Pieņēma – {receiver}"):]


def test_each_part_lets_an_authorised_person_sign_for_the_owner(loan) -> None:  # noqa: ANN001
    text = normalise(parse(loan.body).text())
    contract, _, annex = text.partition(ANNEX)
    first, _, second = annex.partition(PART_II)
    owner, service = _blocks(first, OWNER, "Dienesta vārdā")
    assert PROXY in owner and "Amats" not in owner, owner
    assert PROXY in service and "Amats" in service, service
    service, owner = _blocks(second, "Dienesta vārdā", OWNER)
    assert PROXY in owner and "Amats" not in owner, owner
    assert PROXY in service and "Amats" in service, service
    # the clause the record's blocks follow, and the contract's own signatures: the owner signs it himself
    assert "Patapinātājs vai viņa pilnvarota persona un Dienesta vārdā" in contract
    assert re.search(r"Patapinātājs Vārds, uzvārds Paraksts Datums ?Dienesta vārdā", contract)  # no authorisation line
    assert contract.count(PROXY) == 1  # only the Dienests' side of the contract


def test_docx_record_has_the_authorisation_line_on_both_sides(loan) -> None:  # noqa: ANN001
    word = docx.Document(io.BytesIO(html_to_docx(loan.html, loan.spec.title, loan.version, loan.created)))
    signatures = [t for t in word.tables if t.rows and "Nodeva –" in t.rows[0].cells[0].text]
    assert len(signatures) == 2
    for table in signatures:
        cells = [normalise(c.text) for c in table.rows[0].cells]
        assert all(PROXY in cell for cell in cells), cells
        assert sum(cell.startswith(("Nodeva – Patapinātājs", "Pieņēma – Patapinātājs")) for cell in cells) == 1, cells
