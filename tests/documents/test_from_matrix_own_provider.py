"""A provider named in the matrix (6.8) that is the case's own social service or municipality gets no provider
contract (02) and no guarantee letter (03): the Dienests cannot contract with or guarantee payment to itself
(D50). Every recorded form of the names counts, pilot-time or candidate, confirmed or not, in any letter case and
spacing; another municipality's social service is an ordinary provider."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.own_service import MUNICIPALITY, SOCIAL_SERVICE, own_kind, own_names
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.run import no_provider_papers
from generator.documents.from_matrix.writing import render_child
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import plan_reading

ESCORT = "2.1"  # commonly provided by the municipality's own social service
MARKET = "3.1.2i"
CASE = "valmiera"


def _reading(catalogue: Catalogue, escort_provider: str) -> MatrixReading:
    return plan_reading(catalogue, CASE, ((ESCORT, 10, Decimal("5.00"), (5, 5), escort_provider),
                                          (MARKET, 10, Decimal(20), (5, 5), "SIA Ergo Paraugs")))


def _made(catalogue: Catalogue, escort_provider: str) -> tuple[list[str], list[str], str]:
    """The 02/03 documents made, the console's notes and the parent contract's HTML."""
    reading = _reading(catalogue, escort_provider)
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality(CASE), child, reading.data.params_day, False)
    made = sorted(d.spec.id for d in docs if d.spec.id.startswith(("02-", "03-")))
    contract = next(d.html for d in docs if d.spec.id == "01-ligums-ar-vecaku")
    return made, no_provider_papers(child), contract


def _label(catalogue: Catalogue, offer_id: str) -> str:
    return {o.id: o.label for o in catalogue.offers(template_date(catalogue))}[offer_id]


def test_every_recorded_form_of_the_own_names_is_known(catalogue: Catalogue) -> None:
    names = own_names(catalogue, CASE)
    # the pilot-time names of municipalities.yaml with their case forms
    assert own_kind("Valmieras sociālais dienests", names) == SOCIAL_SERVICE
    assert own_kind("Valmieras sociālajam dienestam", names) == SOCIAL_SERVICE
    assert own_kind("Valmieras pilsētas pašvaldība", names) == MUNICIPALITY
    # a candidate name after the reform, still "jāprecizē": a social worker may well type it
    assert own_kind("Valmieras novada pašvaldība", names) == MUNICIPALITY
    # letter case and spacing do not matter
    assert own_kind("  VALMIERAS   sociālais\tdienests ", names) == SOCIAL_SERVICE
    # another municipality's social service, a private provider, nothing typed: ordinary providers
    assert own_kind("Liepājas sociālais dienests", names) == ""
    assert own_kind("SIA Valmieras sociālais dienests un partneri", names) == ""
    assert own_kind("", names) == ""
    assert own_names(catalogue, "nav-tadas") == {}


@pytest.mark.parametrize(("typed", "who"), [("valmieras  Sociālais dienests", "sniedz pats Dienests"),
                                            ("Valmieras novada pašvaldība", "sniedz pati Pašvaldība")])
def test_no_contract_or_guarantee_with_itself(catalogue: Catalogue, typed: str, who: str) -> None:
    made, notes, contract = _made(catalogue, typed)
    assert made == ["02-ligums-ar-sniedzeju-2", "03-garantijas-vestule-2"]
    escort = _label(catalogue, ESCORT)
    own = [n for n in notes if n.startswith(f"{escort} – {who}")]
    assert own == [f"{escort} – {own[0].split(' – ', 1)[1]}"] and f"({typed})" in own[0], notes
    assert "līgumu ar sniedzēju un garantijas vēstuli iestāde nevar slēgt pati ar sevi" in own[0]
    assert _label(catalogue, MARKET) not in " ".join(notes)
    # the parent contract says who provides the line and why there is no provider contract for it
    # the municipality by the parties' clause that names it, not by a term the contract never defines (audit12 F5)
    text = normalise(re.sub(r"<[^>]+>", " ", contract))
    assert (f"pakalpojumu „{escort}” sniedz pats Dienests vai 1.1. punktā minētā pašvaldība: par to līgumu ar "
            "sniedzēju neslēdz") in text
    # (the field "Pašvaldības nosaukums" of the parties' clause is a label, not the term, D103)
    assert "Pašvaldīb" not in text.replace("Pašvaldības nosaukums", "")


def test_another_municipalitys_service_is_an_ordinary_provider(catalogue: Catalogue) -> None:
    made, notes, contract = _made(catalogue, "Liepājas sociālais dienests")
    assert made == ["02-ligums-ar-sniedzeju-1",
                    "02-ligums-ar-sniedzeju-2",
                    "03-garantijas-vestule-1",
                    "03-garantijas-vestule-2"]
    assert notes == [] and "sniedz pats Dienests" not in contract
