"""A plan that may be the child's next in its round (D151, D315): the grant decision (08) states both cases – the
IB granted for the first time with a new contract, or for the next plan period under the contract already signed,
with blanks for that contract's and the earlier decision's number and date – and the new plan's annexes are made
for the existing contract too (01-pielikumi-esosajam-ligumam). A plan that can only be the child's first has
neither."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.from_matrix.contract_term import covering_from
from generator.documents.from_matrix.signing import next_plan_line
from generator.documents.from_matrix.writing import render_child
from generator.documents.terms import contract_last_day, plan_round
from generator.reference.rounds import add_months
from generator.workbook.writer import template_date
from tests.documents.child_render import child_html, text
from tests.documents.conftest import unmarked

NEXT = "01-pielikumi-esosajam-ligumam"


def test_a_possible_next_plan_gets_both_cases_in_08_and_the_annexes_for_the_existing_contract(
        catalogue: Catalogue) -> None:
    """Fails on the old code: 08 read as a first admission and only the whole new contract 01 was made."""
    child, html = child_html(catalogue, 4, start=dt.date(2019, 4, 1))  # after the pilot round's first period
    assert child.maybe_next and not child.first_in_round
    decision = text(html["08-lemums-par-pieskirsanu"])
    assert "☐ bērnam individuālo budžetu" in decision and "piešķir pirmo reizi" in decision, decision
    assert ("jau piedalās: ar Vecāku ir noslēgts līgums par bērna dalību" in decision
            and f"Nr. ______, kas noslēgts __.__.______ un ir spēkā līdz šī atbalsta plāna perioda beigām ({child.end}), "
                "un individuālais budžets iepriekšējam atbalsta plāna periodam "
                "piešķirts ar Dienesta lēmumu Nr. ______, kas pieņemts __.__.______; ar šo lēmumu individuālo budžetu "
                "piešķir nākamajam atbalsta plāna periodam" in decision), decision
    # the box ticked in §1.4 names the one contract, not „the contract” of three boxes, and claims no term for it – a
    # new 01 signed late may not reach the plan's end (D323, D327)
    assert "IB izlieto saskaņā ar līgumu ar Vecāku, kas minēts 1.4. punktā atzīmētajā iespējā." in decision, decision
    assert "punktā minēto līgumu ar Vecāku" not in decision and "ko Dienests slēdz ar Vecāku" not in decision
    annexes = text(html[NEXT])
    assert "Atbalsta plāns nākamajam periodam – pielikumi līgumam ar Vecāku" in annexes
    assert "Nr. ______, kas noslēgts __.__.______ (turpmāk – Līgums), pievieno Bērna atbalsta plānu nākamajam" in annexes
    # the contract's terms, as the contract defines them, on the cover and in the annexes (D341)
    assert "Termini „Vecāks” un „Bērns” šajā dokumentā un tā pielikumos lietoti Līgumā noteiktajā nozīmē." in annexes
    assert "Bērna identifikācijas kods:" in annexes and "bērna identifikācijas kods" not in annexes
    # D323: the term as 01 states it – its months from signing too, not only the round's end (audit M3)
    # (the contract's own clause: the preparer's note above it says "ir spēkā līdz šī … plāna perioda beigām", D327)
    term = next(part.split(".", 1)[0] for part in text(html["01-ligums-ar-vecaku"]).split("ir spēkā ")[1:]
                if " no šīs dienas" in part.split(".", 1)[0]).split(" no šīs dienas")
    assert f"arī tā termiņš: Līgums ir spēkā {term[0]} no tā parakstīšanas dienas{term[1]}." in annexes, (term, annexes)
    assert "mēnešus" in term[0] and "vai Līgums šī dokumenta parakstīšanas dienā vēl ir spēkā" in annexes
    # the same three annexes, headed for the contract's number and date (the first header's blank carries the note on
    # the annexes' headers, D369)
    for number in (1, 2, 3):
        assert f"Līguma Nr. ______, kas noslēgts __.__.______, {number}. pielikums" in unmarked(annexes)
    assert "01-pielikumi-esosajam-ligumam" in text(html["01-ligums-ar-vecaku"])  # the contract's preparer note


def test_a_plan_that_can_only_be_the_first_gets_neither(catalogue: Catalogue) -> None:
    child, html = child_html(catalogue, 4)  # from the pilot round's first service day
    assert child.first_in_round and not child.maybe_next
    assert NEXT not in html
    decision = text(html["08-lemums-par-pieskirsanu"])
    assert "piešķir pirmo reizi" not in decision and "ko Dienests slēdz ar Vecāku" in decision


def test_a_next_plan_past_a_contracts_term_is_told_to_sign_a_new_contract(catalogue: Catalogue) -> None:
    """D323 (audit M3): with 3+ plan periods a next plan may end after the term (01 „Līguma termiņš”) of a contract
    signed early in the round: the annexes' preparer note and parskats.txt name the first signing day whose contract
    holds the plan's last day, and say that otherwise a new contract (01) is signed; a plan every contract holds gets
    only the check that the contract is still in force."""
    child, html = child_html(catalogue, 4, start=dt.date(2019, 4, 1))
    term = int(catalogue.programme.contract_term_months.at(child.start_day).value)
    programme_round = plan_round(catalogue, child.round_id or "")
    assert programme_round is not None
    start = programme_round.start
    late_end = add_months(start, term)  # the round's earliest contract holds through the day before it
    assert covering_from(catalogue, child.round_id, late_end - dt.timedelta(days=1), child.start_day) is None
    assert covering_from(catalogue, child.round_id, late_end, child.start_day) == add_months(
        late_end + dt.timedelta(days=1), -term) > start
    annexes = text(html[NEXT])
    line = next_plan_line(catalogue, child)
    assert line is not None and "vai esošais līgums tajā dienā vēl ir spēkā" in line
    assert child.contract_cover_from is None and "beidzas pirms šī" not in annexes and "beidzas pirms šī" not in line
    covered = dt.date(2019, 5, 2)
    late = dataclasses.replace(child, contract_cover_from=covered)
    line = next_plan_line(catalogue, late)
    late_annexes = text(next(d.html for d in render_child(catalogue, catalogue.municipality("madona"), late,
                                                          template_date(catalogue), False) if d.spec.id == NEXT))
    assert (f"Līgums, kas noslēgts pirms {covered:%d.%m.%Y}, beidzas pirms šī atbalsta plāna perioda beigām "
            f"({child.end}), tāpēc arī tad šo dokumentu neparaksta, bet slēdz jaunu līgumu") in late_annexes
    assert line is not None and (f"līgums, kas noslēgts pirms {covered:%d.%m.%Y}, beidzas pirms šī plāna beigām "
                                 f"{child.end}, tāpēc arī tad slēdz jaunu līgumu (01-ligums-ar-vecaku)") in line, line
    # L8: the case's title page and the providers' application in a next plan's folder are explained
    assert "klienta lietas titullapu (07-klienta-lietas-titullapa) neizmanto" in line
    assert "(05-iesniegums-par-sniedzejiem) paraksta arī nākamajam plānam" in line


def test_the_next_plan_clause_and_its_two_boxes_stay_on_one_page(catalogue: Catalogue) -> None:
    """D323 (audit L8): 08's clause on a possible next plan and its two boxes are one choice – the PDF keeps them in
    one block (div.keep: break-inside avoid), the DOCX keeps each paragraph with the next (before: split over pages
    1 and 2)."""
    import io
    import re

    from docx import Document

    from generator.documents.docx_writer import html_to_docx

    _, html = child_html(catalogue, 4, start=dt.date(2019, 4, 1))
    decision = html["08-lemums-par-pieskirsanu"]
    block = re.search(r'<div class="keep">\s*<p class="clause lead">(?:(?!</div>).)*tāpēc tas var būt bērna nākamais(?:(?!</div>).)*</div>',
                      decision, re.S)
    assert block is not None and block.group(0).count("☐") == 3, decision
    docx = Document(io.BytesIO(html_to_docx(decision, "08", "2023-04-01+12ef49f0", dt.date(2020, 1, 1))))
    texts = [p.text for p in docx.paragraphs]
    lead = next(i for i, t in enumerate(texts) if "var būt bērna nākamais" in t)
    paragraphs = docx.paragraphs[lead:lead + 4]
    assert [p.text[:1] for p in paragraphs[1:]] == ["☐", "☐", "☐"] and all(p.paragraph_format.keep_with_next for p in paragraphs[:3]), \
        [p.text[:40] for p in paragraphs]


@pytest.mark.parametrize("last_day", [dt.date(2028, 2, 28), dt.date(2028, 2, 29), dt.date(2027, 2, 28),
                                      dt.date(2028, 3, 31), dt.date(2028, 4, 30), dt.date(2028, 1, 31),
                                      dt.date(2028, 3, 1)])
def test_the_first_covering_day_is_that_of_the_contract_s_end(catalogue: Catalogue, last_day: dt.date) -> None:
    """covering_from and the contract's end (terms.contract_last_day, 01 „Līguma termiņš”) are one rule, at a
    month's end and on 29.02 too: a contract signed on the day named holds the plan's last day, one signed a day
    earlier does not (a plan ending 28.02.2028 with a 12-month term: 01.03.2027, as one signed 28.02.2027 ends
    27.02.2028)."""
    first_round = catalogue.rounds_of(Pilot.children)[0]
    term = int(catalogue.programme.contract_term_months.at(first_round.start).value)
    first = covering_from(catalogue, first_round.id, last_day, first_round.start)
    assert first is not None
    assert contract_last_day(first, term) >= last_day > contract_last_day(first - dt.timedelta(days=1), term)
    if term == 12 and last_day == dt.date(2028, 2, 28):
        assert first == dt.date(2027, 3, 1)
