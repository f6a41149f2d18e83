"""audit43 F7 (D194): the social service's signer has the same lines in every contract (01, 02, 14: name, position
and the authorised person's basis) and letter 29's official signs like 08/09/17/18's (position, basis of the
authorisation). F10: letter 29's note on the reason's blank names what the paragraph above it says the selection
followed – the round's selection rules, or (the pilot) what the methodology sets, which are no „kārtas atlases
noteikumi”."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.registry import by_id

CONTRACTS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "14-patapinajuma-ligums")
DECISIONS = ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
             "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem")


def _labels(html: str) -> list[str]:
    return re.findall(r'<span class="label">([^<]*)</span>', html)


@pytest.fixture(scope="module", params=["pilot", "after"])
def papers(request: pytest.FixtureRequest, catalogue: Catalogue) -> dict[str, str]:
    pilot = catalogue.rounds_of(Pilot.children)[0]
    day = pilot.services_start if request.param == "pilot" else pilot.end + dt.timedelta(days=1)
    m = catalogue.municipality(pilot.municipalities[0])
    specs = [by_id(d) for d in (*CONTRACTS, *DECISIONS)]
    return {d.spec.id: d.html for d in render_municipality(catalogue, m, specs, build_date=day)}


def test_every_contract_names_its_signers_position_and_authorisation(papers: dict[str, str]) -> None:
    for doc_id in CONTRACTS:
        assert "Vārds, uzvārds, amats, pilnvarojuma pamats" in _labels(papers[doc_id]), doc_id


def test_letter_29s_official_signs_like_the_decisions(papers: dict[str, str]) -> None:
    for doc_id in DECISIONS:
        signatures = papers[doc_id][papers[doc_id].index('<table class="plain signatures">'):]
        labels = _labels(signatures)
        assert "Amats" in labels and "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)" in labels, doc_id


def test_letter_29s_reason_note_names_what_the_selection_followed(papers: dict[str, str]) -> None:
    text = re.sub(r"<[^>]+>", "", papers["29-vestule-neatlasitajiem"])
    # a field's line, not a blank: the preparer's (D369)
    note = re.search(r"Piezīme sagatavotājam – pirms parakstīšanas dzēst\. Tukšā vieta „Iemesls”: [^\n]*", text).group(0)
    # the letter's words for what the selection followed are „atlases nosacījumi”, before the note and in it
    # (audit45 F1: „kārtas atlases noteikumi” was a second name of the ministry's rules)
    assert "atlases nosacījum" in text.split(note)[0] or "ievērojot metodikā" in text.split(note)[0], note
    assert "iepriekš minētajiem atlases nosacījumiem" in note
    assert "kārtas atlases noteikum" not in text
