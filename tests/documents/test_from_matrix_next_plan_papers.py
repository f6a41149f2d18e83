"""A plan that may be the child's next in its round (D151, D315): the grant decision (08) states both cases – the
IB granted for the first time with a new contract, or for the next plan period under the contract already signed,
with blanks for that contract's and the earlier decision's number and date – and the new plan's annexes are made
for the existing contract too (01-pielikumi-esosajam-ligumam). A plan that can only be the child's first has
neither."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from tests.documents.child_render import child_html, text

NEXT = "01-pielikumi-esosajam-ligumam"


def test_a_possible_next_plan_gets_both_cases_in_08_and_the_annexes_for_the_existing_contract(
        catalogue: Catalogue) -> None:
    """Fails on the old code: 08 read as a first admission and only the whole new contract 01 was made."""
    child, html = child_html(catalogue, 4, start=dt.date(2019, 4, 1))  # after the pilot round's first period
    assert child.maybe_next and not child.first_in_round
    decision = text(html["08-lemums-par-pieskirsanu"])
    assert "☐ bērnam individuālo budžetu" in decision and "piešķir pirmo reizi" in decision, decision
    assert ("jau piedalās: ar Vecāku ir noslēgts līgums par bērna dalību" in decision
            and "Nr. ______, kas noslēgts __.__.______, un individuālais budžets iepriekšējam atbalsta plāna periodam "
                "piešķirts ar Dienesta lēmumu Nr. ______, kas pieņemts __.__.______; ar šo lēmumu individuālo budžetu "
                "piešķir nākamajam atbalsta plāna periodam" in decision), decision
    assert "punktā minēto līgumu ar Vecāku" in decision and "ko Dienests slēdz ar Vecāku" not in decision
    annexes = text(html[NEXT])
    assert "Atbalsta plāns nākamajam periodam – pielikumi līgumam ar Vecāku" in annexes
    assert "Nr. ______, kas noslēgts __.__.______ (turpmāk – Līgums), pievieno bērna atbalsta plānu nākamajam" in annexes
    assert "Citi Līguma noteikumi nemainās, arī tā termiņš: Līgums ir spēkā ne ilgāk kā līdz" in annexes
    for number in (1, 2, 3):  # the same three annexes, headed for the contract's number and date
        assert f"Līguma Nr. ______, kas noslēgts __.__.______, {number}. pielikums" in annexes
    assert "01-pielikumi-esosajam-ligumam" in text(html["01-ligums-ar-vecaku"])  # the contract's preparer note


def test_a_plan_that_can_only_be_the_first_gets_neither(catalogue: Catalogue) -> None:
    child, html = child_html(catalogue, 4)  # from the pilot round's first service day
    assert child.first_in_round and not child.maybe_next
    assert NEXT not in html
    decision = text(html["08-lemums-par-pieskirsanu"])
    assert "piešķir pirmo reizi" not in decision and "ko Dienests slēdz ar Vecāku" in decision
