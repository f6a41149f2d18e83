"""Once a document has defined "(turpmāk – Dienests)", it names the social service by that term even when the name
is confirmed (audit29 F5): the full name comes again only where the addressee must know the institution – the
appeal clause ("iesniegumu iesniedzot … pārvaldē") and the personal data controller ("personas datu pārzinis ir
…"). Every municipal document with the pilot's confirmed names, on the rendered text."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents import party_names
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from tests.documents.conftest import normalise
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy

DEFINITION = "(turpmāk – Dienests)"
# the words before the name where the full name belongs after the definition
WHERE_NAMED = ("iesniegumu iesniedzot ", "personas datu pārzinis ir ")


def names_after_definition(text: str, names: set[str]) -> list[str]:
    """Each mention of one of ``names`` after the definition of "Dienests" that is not in an allowed place."""
    start = text.find(DEFINITION)
    if start < 0:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return [text[max(0, m.start() - 60):m.end()] for m in pattern.finditer(text, start + len(DEFINITION))
            if not text[:m.start()].endswith(WHERE_NAMED)]


def test_the_defined_term_stands_for_the_confirmed_name(tmp_path: Path, catalogue: Catalogue) -> None:
    copy = confirmed_pilot_copy(tmp_path, catalogue)
    municipality = copy.municipality("jelgava")
    forms = party_names.institution(copy, municipality, "social_service", PILOT_DAY)
    assert forms["confirmed"]
    names = {forms[case] for case in ("nom", "gen", "dat", "loc")}
    texts = {d.spec.id: normalise(parse(d.body).text())
             for d in render_municipality(copy, municipality, build_date=PILOT_DAY)}
    defining = [doc_id for doc_id, text in texts.items() if DEFINITION in text]
    assert {"08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu"} <= set(defining)
    found = {doc_id: hits for doc_id, text in texts.items() if (hits := names_after_definition(text, names))}
    assert not found, found
    assert "ko Dienests slēdz ar Vecāku" in texts["08-lemums-par-pieskirsanu"]
    assert "Dienests ir konstatējis šādu" in texts["09-lemums-par-izbeigsanu"]
    # the places that keep the name do keep it
    assert f"iesniegumu iesniedzot {forms['loc']}" in texts["09-lemums-par-izbeigsanu"]


def test_the_check_finds_the_name_repeated() -> None:
    names = {"Jelgavas sociālo lietu pārvalde", "Jelgavas sociālo lietu pārvaldē"}
    text = ("1.1. Jelgavas sociālo lietu pārvalde (turpmāk – Dienests) noslēdza. 1.3. Jelgavas sociālo lietu pārvalde "
            "ir konstatējusi. 5.2. iesniegumu iesniedzot Jelgavas sociālo lietu pārvaldē.")
    assert len(names_after_definition(text, names)) == 1
    assert not names_after_definition(text.replace("1.3. Jelgavas sociālo lietu pārvalde", "1.3. Dienests"), names)
