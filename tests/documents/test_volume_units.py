"""The provider's register of sessions and the parent's reimbursement request count a service in the unit it is
paid by: day care by working day and respite by day and night, not only by times and hours (lawyertrial2 F6). The
provider contract (02) and the guarantee letter (03) point to the clause whose table names each service's unit."""

from __future__ import annotations

import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise

IDS = ["02-ligums-ar-sniedzeju", "03-garantijas-vestule", "06-izdevumu-atmaksas-pieprasijums"]


@pytest.fixture(scope="module")
def texts(catalogue: Catalogue) -> dict[str, str]:
    rendered = render_municipality(catalogue, catalogue.pilot_municipalities()[0], [by_id(i) for i in IDS])
    return {doc.spec.id: normalise(parse(doc.body).text()) for doc in rendered}


def test_no_document_limits_the_volume_to_times_and_hours(texts: dict[str, str]) -> None:
    assert set(texts) == set(IDS)
    for doc_id, text in texts.items():
        assert "(reizes, stundas)" not in text, doc_id


@pytest.mark.parametrize("doc_id", IDS[:2])
def test_the_register_clause_names_the_unit_of_the_services_clause(texts: dict[str, str], doc_id: str) -> None:
    text = texts[doc_id]
    unit = re.search(r"apjomu (\d+(?:\.\d+)*)\. punktā norādītajā mērvienībā", text)
    assert unit is not None, doc_id
    limit = re.search(r"apjomā, kas nepārsniedz (\d+(?:\.\d+)*)\. punktā norādīto", text)
    assert limit is not None and limit.group(1) == unit.group(1)
    assert re.search(rf"(^|\s){re.escape(unit.group(1))}\.\s", text)  # the clause exists in the document


def test_the_request_counts_in_the_units(texts: dict[str, str]) -> None:
    assert "Apjoms (mērvienībās)" in texts["06-izdevumu-atmaksas-pieprasijums"]


@pytest.mark.parametrize("doc_id", IDS[:2])
def test_the_emotional_support_goes_to_the_parent_during_the_service(texts: dict[str, str], doc_id: str) -> None:
    """The methodology's list of the provider's duties gives psycho-emotional support to the parent while the service
    is given; the child receives the service itself (lawyertrial2, a wording left from the twenty-first session)."""
    text = texts[doc_id]
    duty = re.search(r"[^;:]*psihoemocionāl[^;]*;", text)
    assert duty is not None, doc_id
    assert "sniegšanas laikā" in duty.group(0) and "Vecākam" in duty.group(0)
    assert "bērnam" not in duty.group(0)
