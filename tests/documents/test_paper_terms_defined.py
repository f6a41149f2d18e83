"""D344: the papers a parent signs name the matrix the way they name any term – in full with the methodology's annex
where they first name it, „IBM matrica” after that (01, 08, the next plan's annexes), or only in full (05, which
names it once); and after „(turpmāk – IB)” the contract and the grant decision write „IB”, not „individuālais
budžets”, in the clauses that used to (the documents' titles keep their full names)."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.documents.registry import MATRIX_OF, MATRIX_OF_DEFINED
from tests.documents.child_render import child_html, text

CONTRACT, GRANT, CHOICE = "01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "05-iesniegums-par-sniedzejiem"
NEXT_ANNEXES = "01-pielikumi-esosajam-ligumam"
TERM = "turpmāk – IBM matrica"
# clauses that wrote the defined IB in full (01 3.3, 5.x, 6.1, 8.1, 11.1; 08 4.1)
IB_IN_FULL = ("No individuālā budžeta apmaksā", "no individuālā budžeta neapmaksā", "saņemt individuālo budžetu",
              "uzraudzīt individuālā budžeta", "atsakās no individuālā budžeta", "no individuālā budžeta sedzamo",
              "Piešķirt bērnam individuālo budžetu")


def _check_defined_once_before_use(doc_id: str, paper: str) -> None:
    assert paper.count(TERM) == 1, (doc_id, paper.count(TERM))
    defined = paper.index(MATRIX_OF_DEFINED)
    first = paper.index("IBM matric")
    assert defined < first < defined + len(MATRIX_OF_DEFINED), (doc_id, paper[max(0, first - 80):first + 40])
    assert paper.count("IBM matric") > 1, doc_id  # used after the definition


def test_the_matrix_is_defined_where_a_signed_paper_first_names_it(catalogue: Catalogue) -> None:
    """Fails on the old code: „IBM matricas 6.5. tabula” on 01, 05 and 08 with neither term defined (audit)."""
    _, html = child_html(catalogue, 4)
    for doc_id in (CONTRACT, GRANT):
        _check_defined_once_before_use(doc_id, text(html[doc_id]))
    choice = text(html[CHOICE])
    assert "IBM matric" not in choice and f"{MATRIX_OF[:1].upper()}{MATRIX_OF[1:]} 6.9. tabula" in choice
    # a plan that may be the child's next: its annexes for the contract already signed define the term too
    _, later = child_html(catalogue, 4, start=catalogue.children_reporting_periods()[1].start)
    assert NEXT_ANNEXES in later
    _check_defined_once_before_use(NEXT_ANNEXES, text(later[NEXT_ANNEXES]))


def test_the_defined_ib_is_not_written_in_full_again(catalogue: Catalogue) -> None:
    _, html = child_html(catalogue, 4)
    for doc_id in (CONTRACT, GRANT):
        paper = text(html[doc_id])
        after = paper[paper.index("(turpmāk – IB)"):]
        assert not [words for words in IB_IN_FULL if words in after], doc_id
