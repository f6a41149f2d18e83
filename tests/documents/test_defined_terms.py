"""A defined term is defined once, before its first use (audit8 F25), and only where the text uses it (audit12 F5,
docleft): a document that defines "Dienests" in its own text does not define it again in the letterhead note, no
sentence says "Dienest…" before the definition, and no form defines a term it never uses – for every document of
every municipality with the names blank (after the pilot) and with the pilot's confirmed names. Proven on the
rendered HTML."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from tests.documents.conftest import normalise
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy

DEFINITION = "turpmāk – Dienests"
# "Dienesta ziņojums" is a kind of document (13's title), not the defined term.
NOT_THE_TERM = re.compile(r"Dienesta ziņojum\w*")
# The municipality's term: used only where a template names it (audit12 F5), defined where it is used.
# "Dienest" without a word boundary: the text of a signature table runs its cells together ("DatumsDienesta
# vadītājs"), and a capital D inside a word is no other word. Each term is defined only where it is used.
TERMS = {"turpmāk – Dienests": r"Dienest\w*", "turpmāk – Pašvaldība": r"\bPašvaldīb\w*"}
# a label, not the term: the form's field "Pašvaldība:" and the header's "Pašvaldības nolikums"
NOT_THE_MUNICIPALITY = re.compile(r"Pašvaldība:|Pašvaldības nosaukum\w*")


# "IB" (individuālais budžets): defined before its first use, or written in full (audit14 F5, F6)
IB = {"turpmāk – IB": r"\bIB\b"}


def _check(texts: dict[str, str], terms: dict[str, str] = TERMS) -> None:
    for doc_id, text in texts.items():
        text = NOT_THE_MUNICIPALITY.sub(" ", NOT_THE_TERM.sub(" ", text))
        for definition, word in terms.items():
            uses = [m.start() for m in re.finditer(word, text)]
            if not uses:
                continue
            # a whole word: "turpmāk – IBM matrica" (D344) is another term, not a second "turpmāk – IB"
            found = [m.start() for m in re.finditer(re.escape(definition) + r"\b", text)]
            assert len(found) == 1, f"{doc_id}: {len(found)} definīcijas „{definition}”"
            defined_at = found[0]
            first = uses[0]
            # the first use is the definition's own word, and the term is used after it
            assert defined_at < first < defined_at + len(definition), \
                f"{doc_id}: „{text[max(0, first - 80):first + 20]}”"
        for definition, word in TERMS.items():
            if definition in text:
                assert len(re.findall(word, text)) > 1, f"{doc_id}: „{definition}” definēts, bet nav lietots"


def _texts(catalogue: Catalogue, municipality: str, **kw) -> dict[str, str]:  # noqa: ANN003
    return {d.spec.id: normalise(parse(d.body).text())
            for d in render_municipality(catalogue, catalogue.municipality(municipality), **kw)}


def test_dienests_is_defined_once_before_its_first_use(catalogue: Catalogue) -> None:
    for municipality in catalogue.municipalities.municipalities:
        _check(_texts(catalogue, municipality.id))


def test_with_the_pilots_confirmed_names_too(tmp_path: Path, catalogue: Catalogue) -> None:
    copy = confirmed_pilot_copy(tmp_path, catalogue)
    for municipality in copy.municipalities.municipalities:
        _check(_texts(copy, municipality.id, build_date=PILOT_DAY))
    texts = _texts(copy, "jelgava", build_date=PILOT_DAY)
    decision = texts["08-lemums-par-pieskirsanu"]
    assert "Vecāks) – Jelgavas sociālo lietu pārvaldei (turpmāk – Dienests) ir iesniedzis" in decision
    assert "Dienests pēc valsts informācijas sistēmu datiem un iesniegtajiem dokumentiem ir konstatējis" in decision


def test_the_check_finds_a_use_before_the_definition() -> None:
    late = {"x": "1.1. Vecāks Dienestam ir iesniedzis. 1.2. Dienests (turpmāk – Dienests) pārbaudīja."}
    twice = {"x": "Tekstā: sociālais dienests (turpmāk – Dienests). 1.2. Dienests (turpmāk – Dienests) pārbaudīja."}
    unused = {"x": "Tekstā: pašvaldība (turpmāk – Pašvaldība). 1.2. Dienests (turpmāk – Dienests) pārbaudīja."}
    unused_service = {"x": "1.1. Sociālais dienests (turpmāk – Dienests) pārbaudīja."}
    undefined = {"x": "1.1. Dienests (turpmāk – Dienests) un Pašvaldība pārbaudīja."}
    for texts in (late, twice, unused, unused_service, undefined):
        try:
            _check(texts)
        except AssertionError:
            continue
        raise AssertionError(f"nav atrasts: {texts}")


def test_ib_is_defined_before_its_first_use_or_written_in_full(catalogue: Catalogue) -> None:
    _check(_texts(catalogue, "valmiera"), IB)
    for texts in ({"x": "1.3. bērna IB galīgo apmēru. 3.1. individuālo budžetu (turpmāk – IB)."},
                  {"x": "Nedrīkst pārsniegt 10 % no plānam pieejamā IB apmēra."}):
        try:
            _check(texts, IB)
        except AssertionError:
            continue
        raise AssertionError(f"nav atrasts: {texts}")
