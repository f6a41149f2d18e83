"""Papers made after their round has ended state none of its procedures or its project as fact (D135, the
lawyer's review): a contract signed in 2026 must not require the 2014–2020 ESF project's number on every invoice
or copies on its FTP server. While the round runs, the same papers state them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.registry import by_id

DOCUMENTS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "09-lemums-par-izbeigsanu")


def _texts(catalogue: Catalogue, build_date: dt.date) -> dict[str, str]:
    pilot = catalogue.rounds_of(Pilot.children)[0]
    municipality = catalogue.municipality(pilot.municipalities[0])
    docs = render_municipality(catalogue, municipality, [by_id(d) for d in DOCUMENTS], build_date=build_date)
    return {d.spec.id: re.sub(r"<[^>]+>", "", d.body).replace("\u2060", "") for d in docs}


@pytest.fixture(scope="module")
def pilot(catalogue: Catalogue):  # noqa: ANN201
    first = catalogue.rounds_of(Pilot.children)[0]
    assert first.project is not None and first.project.number
    return first


def test_papers_made_while_the_pilot_runs_state_its_project_and_procedures(catalogue: Catalogue, pilot) -> None:  # noqa: ANN001
    texts = _texts(catalogue, pilot.start)
    number = pilot.project.number
    assert number in texts["01-ligums-ar-vecaku"]
    assert "projekta serverī" in texts["01-ligums-ar-vecaku"]
    assert f"Projekts Nr. {number}" in texts["02-ligums-ar-sniedzeju"]
    assert "Izmēģinājumprojekts Nr." not in "".join(texts.values())  # the number is the ESF project's


def test_papers_made_after_the_round_ended_state_neither(catalogue: Catalogue, pilot) -> None:  # noqa: ANN001
    later = [r for r in catalogue.rounds_of(Pilot.children) if r.end > pilot.end]
    day = pilot.end + dt.timedelta(days=1)
    if any(r.start <= day <= r.end for r in later):
        pytest.skip("a later children's round runs the day after the pilot")
    texts = _texts(catalogue, day)
    for doc_id, text in texts.items():
        assert pilot.project.number not in text, doc_id
        assert "projekta serverī" not in text, doc_id
        assert "ESF projekta dalībnieka anketu" not in text, doc_id
    assert "Projekts Nr. ______" in texts["02-ligums-ar-sniedzeju"].replace("\u00a0", " ")
