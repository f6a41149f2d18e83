"""The DOCX core property "Subject" names the kind of the document's round (D129): the pilot's papers are the
pilot's ("IBM izmēģinājumprojekts"); a later round's papers are no pilot's ("IBM programmas kārta")."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.registry import by_id
from tests.documents.party_helpers import PILOT_DAY
from tests.round_yaml import catalogue_with_round, children_round_entry

SPEC_IDS = ("05-iesniegums-par-sniedzejiem", "24-risku-plans")


def _subjects(catalogue: Catalogue, municipality: str, day: dt.date) -> set[str]:
    documents = render_municipality(catalogue, catalogue.municipality(municipality),
                                    [by_id(spec_id) for spec_id in SPEC_IDS], build_date=day)
    assert len(documents) == len(SPEC_IDS)
    return {Document(io.BytesIO(html_to_docx(d.html, d.spec.title, d.version, d.created))).core_properties.subject
            for d in documents}


def test_the_pilots_papers_name_the_pilot(catalogue: Catalogue) -> None:
    assert _subjects(catalogue, "jelgava", PILOT_DAY) == {"IBM izmēģinājumprojekts"}


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    entry = children_round_entry("berni-2026", "IBM ieviešana bērniem (izdomāta otrā kārta)", dt.date(2026, 9, 1),
                                 dt.date(2027, 12, 31), services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)),
                                 municipalities=("cesis", "madona"))
    return catalogue_with_round(tmp_path_factory.mktemp("later") / "catalogue", entry)


def test_a_later_rounds_papers_name_no_pilot(later: Catalogue) -> None:
    assert _subjects(later, "cesis", dt.date(2026, 12, 1)) == {"IBM programmas kārta"}
