"""Latvian typography in every rendered document: no hyphen standing between words as a dash, no number
glued to "Nr.", letters greet a parent of either gender and write the polite "Jūs" with a capital."""

from __future__ import annotations

import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.html import environment

HYPHEN_AS_DASH = re.compile(r"\w - \w")
GLUED_NUMBER = re.compile(r"\bNr\.\d")
LETTERS = ("03-garantijas-vestule", "10-uzaicinajuma-vestule", "18-vestule-par-neatbilstibu",
           "29-vestule-neatlasitajiem")
LOWER_POLITE = re.compile(r"(?<!\w)(jūs|jums|jūsu)(?!\w)")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#34;", '"')


@pytest.fixture(scope="module")
def texts(catalogue: Catalogue) -> dict[tuple[str, str], str]:
    return {(m.id, d.spec.id): _text(d.html) for m in catalogue.pilot_municipalities()
            for d in render_municipality(catalogue, m)}


def test_no_hyphen_as_dash_and_no_glued_number(texts) -> None:
    for key, text in texts.items():
        assert not HYPHEN_AS_DASH.findall(text), (key, HYPHEN_AS_DASH.findall(text))
        assert not GLUED_NUMBER.findall(text), (key, GLUED_NUMBER.findall(text))
    # the price annexes cite the regulations, now spaced (they were "Nr.313" before)
    assert any("noteikumi Nr. 313" in text for text in texts.values())


def test_letters_greet_both_genders_and_write_the_polite_you_with_a_capital(texts) -> None:
    letters = {key: text for key, text in texts.items() if key[1] in LETTERS}
    assert len(letters) == len(LETTERS) * len({key[0] for key in texts})
    for key, text in letters.items():
        # "vecāks" is masculine: no "Godātā vecāk" (audit8 F25); both genders as "kundze / kungs"
        assert "vecāk!" not in text, key
        assert not LOWER_POLITE.findall(text), (key, LOWER_POLITE.findall(text))
        assert re.search(r"(?<!\w)J(ūs|ums|ūsu)(?!\w)", text), key
    assert sum("Godātā kundze / Godātais kungs!" in text for text in letters.values()) == 3 * len({k[0] for k in letters})


def test_data_typed_with_a_hyphen_dash_prints_an_en_dash() -> None:
    """A name typed in a matrix or a citation in the catalogue passes through the same typography."""
    template = environment().from_string("<p>{{ name }}; {{ source }}</p>")
    html = template.render(name="Biedrība Paraugs - filiāle", source="MK noteikumi Nr.313; x-y 1 -2")
    assert html == "<p>Biedrība Paraugs – filiāle; MK noteikumi Nr. 313; x-y 1 -2</p>"
