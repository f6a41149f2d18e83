"""The municipal lawyer's trial (lawyertrial, session 19): a signed paper names a part of itself or of another paper
the way that paper does. The grant decision (08) calls its amounts table by the name and the matrix table of the
parent contract's annex 2 (6.5, the signed print form, D15), never the working table 6.4 (F1); the parent
contract's parts are chapters („nodaļa”), in its own clauses and in the notes that point into it (F2); the
loan-for-use contract (14) restricts driving to the persons its vehicle clause names, by that clause's number (F3);
the parent's choice of providers (05), an annex of 01, is an integral part of it like the numbered annexes (F4,
D210)."""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix import provider_notes, signing
from generator.documents.registry import by_id
from tests.documents.child_render import child_html, text
from tests.documents.pilot_bodies import (
    body_text,
    pilot_bodies,  # noqa: F401 (the module's fixture „bodies”)
)

CONTRACT, GRANT, LOAN = "01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "14-patapinajuma-ligums"


def _chapter(contract: str, name: str) -> str:
    """The number of the parent contract's chapter with this heading ("5.")."""
    found = re.findall(rf"(?:^|\s)(\d+\.) {re.escape(name)}(?=\s+\d+\.\d+\.)", contract)
    assert len(found) == 1, (name, found)
    return found[0]


def test_the_grant_decision_names_its_amounts_table_as_the_contracts_annex_2(catalogue: Catalogue) -> None:
    """F1: the decision's amounts table is the plan's part the parent signs as annex 2 of the contract; the act
    names it, and its matrix table, as the contract does – one table, not 6.4 above it and 6.5 below."""
    _, html = child_html(catalogue, 4)
    contract, grant = text(html[CONTRACT]), text(html[GRANT])
    [(name, table)] = re.findall(r"2\. pielikums „([^”]+)” \(IBM matricas (\d+\.\d+)\. tabula\)", contract)
    # the matrix named in full where the decision first names it (D344)
    assert (f"{name}, kas ir individuālā budžeta modeļa matricas (metodikas 6. pielikums; turpmāk – IBM matrica) "
            f"{table}. tabula:") in grant
    assert set(re.findall(r"(?:IBM matricas|turpmāk – IBM matrica\)) (\d+\.\d+)\. tabul", grant)) == {table}


def test_the_parent_contract_and_the_notes_into_it_call_its_parts_chapters(
        bodies: dict[str, dict[str, str]], catalogue: Catalogue) -> None:
    """F2: 01 refers to its parts as chapters („3. nodaļa „Līguma termiņš””); its ending clause and the from-matrix
    notes that send the reader to a part of it say „nodaļa” too, with the number and heading 01 prints."""
    for papers in bodies.values():
        contract = body_text(papers[CONTRACT])
        assert "sadaļ" not in contract
        assert "šo līgumu šīs nodaļas turpmākajos punktos noteiktajā kārtībā, ja:" in contract
    _, html = child_html(catalogue, 4)
    contract = text(html[CONTRACT])
    payments = _chapter(contract, "Norēķinu kārtība")
    _chapter(contract, "Līguma grozīšana")
    line = SimpleNamespace(label="2.4 Transports", to_parent=True, transport=True)
    repaid = provider_notes.repaid_to_parent(SimpleNamespace(not_eligible=False, lines=[line]))
    assert f"pēc līguma ar Vecāku ({payments} nodaļa „Norēķinu kārtība”)" in repaid
    assert "sadaļ" not in repaid


def test_the_next_plan_note_sends_to_the_contracts_amendment_chapter(catalogue: Catalogue) -> None:
    """F2: the reminder that a later plan is added to the existing contract names the chapter as 01 does."""
    child, html = child_html(catalogue, 4)
    second_period = catalogue.children_reporting_periods()[1]  # a next plan starts after the first period (D151)
    later = dataclasses.replace(child, start_day=second_period.start)
    note = signing.next_plan_line(catalogue, later)
    assert note is not None and "kā paredz līguma nodaļa „Līguma grozīšana”" in note
    assert "Līguma grozīšana" in text(html[CONTRACT])


def test_the_loan_contract_lets_drive_only_the_persons_of_its_vehicle_clause(
        bodies: dict[str, dict[str, str]]) -> None:
    """F3: 14's vehicle clause lists the persons entitled to use the vehicle; the liability clause names that
    clause by its number, so the restriction and the list are one and the same set of people."""
    for papers in bodies.values():
        loan = body_text(papers[LOAN])
        [vehicle] = re.findall(r"(\d+\.\d+\.) Transportlīdzekļa dati un lietošanas noteikumi:", loan)
        assert "Personas, kas tiesīgas transportlīdzekli izmantot (vārds, uzvārds)" in loan
        assert (f"Transportlīdzekli drīkst vadīt tikai tās personas, kas {vehicle} punktā norādītas kā tiesīgas to "
                "izmantot.") in loan
        assert "šajā līgumā norādītās personas" not in loan


def test_the_parent_contract_gives_the_providers_form_the_standing_of_its_other_annexes(
        bodies: dict[str, dict[str, str]]) -> None:
    """F4 (D210): 01 lists its numbered annexes as integral parts and then names the parent's choice of providers
    (05, signed by the parent alone) an annex too; it says that this one is an integral part as well, so no annex
    of the contract is left with an unclear standing."""
    title = by_id("05-iesniegums-par-sniedzejiem").title
    form = f"Vecāka {title[0].lower()}{title[1:]} (veidlapa 05; IBM matricas 6.9. tabula)"
    for papers in bodies.values():
        contract = body_text(papers[CONTRACT])
        annexes = contract.split("Līgumam ir šādi pielikumi, kas ir tā neatņemama sastāvdaļa:", 1)[1]
        sentence = annexes.split(form, 1)[1].split(";", 1)[0]
        assert sentence == ", kurā Vecāks norāda sniedzējus, ir līguma pielikums un tā neatņemama sastāvdaļa"
