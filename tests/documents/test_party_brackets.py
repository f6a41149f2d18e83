"""A party's name never stands in two brackets (audit12 F7, D103): no "______ (sociālā dienesta nosaukums)
(turpmāk – Dienests)" side by side and no "(______ (pašvaldības nosaukums), Madona; …)" nested, in any document of
any municipality – with both names blank (after the pilot), with the municipality's name confirmed and the
service's blank (the pilot's day), and with both confirmed (a catalogue copy)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from tests.documents.conftest import normalise
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy

AFTER_PILOT = dt.date(2026, 12, 1)
# what marks a bracket as being about a party's name: a blank's label or the term the name defines
PARTY = re.compile(r"dienesta nosaukums|pašvaldības nosaukums|turpmāk – (Dienests|Pašvaldība)")
SIDE_BY_SIDE = re.compile(r"\(([^()]*)\)\s*\(([^()]*)\)")
NESTED = re.compile(r"\([^()]*\(([^()]*)\)[^()]*\)")


def stacked(text: str) -> list[str]:
    """The brackets about a party's name that stand beside another bracket or inside one."""
    found = [m.group(0) for m in SIDE_BY_SIDE.finditer(text) if PARTY.search(m.group(0))]
    return found + [m.group(0) for m in NESTED.finditer(text) if PARTY.search(m.group(0))]


def _check(catalogue: Catalogue, day: dt.date) -> dict[str, dict[str, str]]:
    texts = {}
    for municipality in catalogue.municipalities.municipalities:
        texts[municipality.id] = {d.spec.id: normalise(parse(d.body).text())
                                  for d in render_municipality(catalogue, municipality, build_date=day)}
        for doc_id, text in texts[municipality.id].items():
            assert not stacked(text), f"{municipality.id}/{doc_id}: {stacked(text)}"
    return texts


def test_blank_names_stand_in_one_bracket(catalogue: Catalogue) -> None:
    texts = _check(catalogue, AFTER_PILOT)["valmiera"]
    assert "1.1. Sociālais dienests (turpmāk – Dienests), kura vārdā līgumu paraksta Dienesta vadītājs vai " \
           "pilnvarotā persona: Sociālā dienesta nosaukums Pašvaldības nosaukums Sociālā dienesta reģistrācijas Nr. " \
           "Sociālā dienesta adrese Vārds, uzvārds" \
           in texts["01-ligums-ar-vecaku"]
    assert "1.2. Patapinājuma ņēmējs – sociālais dienests (turpmāk – Dienests), kura vārdā līgumu paraksta: " \
           "Sociālā dienesta nosaukums Pašvaldības nosaukums" in texts["14-patapinajuma-ligums"]
    assert "Vecāks) – ______________________________ (sociālā dienesta nosaukums datīvā; turpmāk – Dienests) ir " \
           "iesniedzis" in texts["08-lemums-par-pieskirsanu"]


def test_a_confirmed_municipality_beside_a_blank_service(catalogue: Catalogue) -> None:
    texts = _check(catalogue, PILOT_DAY)["valmiera"]
    assert "Sociālā dienesta nosaukums Pašvaldības nosaukums: Valmieras pilsētas pašvaldība" \
           in texts["02-ligums-ar-sniedzeju"]


def test_confirmed_names(tmp_path: Path, catalogue: Catalogue) -> None:
    texts = _check(confirmed_pilot_copy(tmp_path, catalogue), PILOT_DAY)
    # its registration number and address from municipalities.yaml: blanks while not known (D337)
    assert "1.1. Jelgavas sociālo lietu pārvalde (Jelgavas pilsētas pašvaldība; reģistrācijas Nr. ___________, " \
           "adrese ________________________; turpmāk – Dienests), kuras vārdā" in texts["jelgava"]["01-ligums-ar-vecaku"]


def test_the_check_finds_stacked_and_nested_brackets() -> None:
    assert stacked("1.1. ____ (sociālā dienesta nosaukums) (Cēsu novada pašvaldība, Cēsis; turpmāk – Dienests)")
    assert stacked("1.1. Dienests (____ (pašvaldības nosaukums), Cēsis; turpmāk – Dienests)")
    assert stacked("Iesniedzu ____ (sociālā dienesta nosaukums datīvā) (turpmāk – Dienests)")
    assert not stacked("Iesniedzu ____ (sociālā dienesta nosaukums datīvā; turpmāk – Dienests)")
    assert not stacked("IB galīgo apmēru (F) (aizpilda, ja tas noteikts)")
