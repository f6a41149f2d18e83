"""Party names by the document's date (D43): a round-dated document names the pilot-time municipality in every
case form; a document dated after the pilot prints no name that is not confirmed for its date (PDF and DOCX of
every document of every municipality), keeps its sentences grammatical with the defined terms, and prints a
name once a catalogue copy confirms it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.documents import party_names
from generator.documents.build_step import render_municipality
from generator.documents.html import PREPARER_LABEL
from generator.documents.htmltree import parse
from tests.documents.conftest import normalise, unnumbered
from tests.documents.party_helpers import NOTE_START, PILOT_DAY, unprintable

AFTER_PILOT = dt.date(2026, 12, 1)


def _texts(catalogue: Catalogue, municipality_id: str, day: dt.date) -> dict[str, str]:
    """Each document's text; the preparer's instructions are labelled as such (D161, proven in
    test_audit34_signing.py and test_preparer_sheet.py): here every note reads "Piezīme." alike."""
    municipality = catalogue.municipality(municipality_id)
    return {d.spec.id: normalise(parse(unnumbered(d.body)).text()).replace(PREPARER_LABEL, "Piezīme.")
            for d in render_municipality(catalogue, municipality, build_date=day)}


def test_a_round_dated_document_names_the_pilot_municipality_in_every_case(catalogue: Catalogue) -> None:
    texts = _texts(catalogue, "valmiera", PILOT_DAY)
    name = catalogue.municipality_names.confirmed_on("valmiera", "municipality", PILOT_DAY)
    assert name is not None and name.name == "Valmieras pilsētas pašvaldība"
    for doc_id, text in texts.items():
        assert "Valmieras pilsētas pašvaldība" in text, doc_id  # the letterhead
    # the service's name is a blank: the parties' clause gives both names a field (audit12 F7, D103)
    assert "Pašvaldības nosaukums: Valmieras pilsētas pašvaldība" in texts["01-ligums-ar-vecaku"]
    decision = texts["08-lemums-par-pieskirsanu"]
    assert "deklarētā dzīvesvieta ir Valmieras pilsētas pašvaldības administratīvajā teritorijā" in decision
    # the appeal body is the catalogue's, not the municipality: a blank while it names none (D200)
    assert "var apstrīdēt ______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā), iesniegumu iesniedzot Dienestā" in decision
    assert "Valmieras pilsētas pašvaldības darba mape" in texts["23-nosaukumu-instrukcija"]
    # the social service's pilot-time name is not attested by the sources: a blank and the note
    assert all(NOTE_START in text and "sociālā dienesta nosaukumu" in text for text in texts.values())


def test_after_the_pilot_no_document_of_any_municipality_names_an_unconfirmed_party(catalogue: Catalogue) -> None:
    """Dated 01.12.2026, the HTML of every document of every municipality (fast; PDF and DOCX below)."""
    for m in catalogue.pilot_municipalities():
        day = party_names.municipal_documents_day(catalogue, AFTER_PILOT)
        forbidden = unprintable(catalogue, m, day)
        assert f"{m.name_lv}" in forbidden
        for doc_id, text in _texts(catalogue, m.id, AFTER_PILOT).items():
            shown = sorted(f for f in forbidden if f in text)
            assert not shown, f"{m.id}/{doc_id}: {shown}"
            # the note that stays names the signing day; the build day is in the preparer's instruction (F16)
            assert NOTE_START in text and "dokumentu izveides dienā (01.12.2026)" in text, f"{m.id}/{doc_id}"


def test_sentences_after_the_pilot_use_the_defined_terms_grammatically(catalogue: Catalogue) -> None:
    valmiera = _texts(catalogue, "valmiera", AFTER_PILOT)
    jelgava = _texts(catalogue, "jelgava", AFTER_PILOT)
    note = ("Tukšajās vietās ieraksta pašvaldības un sociālā dienesta nosaukumus, kā pašvaldības nolikums un sociālā "
            "dienesta nolikums tos nosaka dokumenta parakstīšanas dienā, – iekavās aiz tukšās vietas norādītajā "
            "locījumā; ja locījums nav norādīts – nominatīvā (kā nolikumā). Piezīme. Veidnē pašvaldības un sociālā dienesta nosaukumi nav iespiesti, jo tie dokumentu "
            "izveides dienā (01.12.2026) nav apstiprināti.")
    # every blank says whose name goes there and in which case (audit10 F2, D103)
    blank = party_names.PARTY_BLANK
    service, municipality = f"{blank} (sociālā dienesta nosaukums", f"{blank} (pašvaldības nosaukums"
    for texts in (valmiera, jelgava):
        # the contract defines "Dienests" in its parties' clause, so the note does not define it again (F25),
        # and it never uses "Pašvaldība", so the note does not define that either (audit12 F5) …
        # (after the pilot the next note is the one on the round's blank name, D128)
        # (between them the note on the letterhead's blank requisites, audit29 F3)
        assert note + " Piezīme. Tukšās vietas galvenē: pašvaldības un sociālā dienesta reģistrācijas numuru" in \
            texts["01-ligums-ar-vecaku"]
        assert ("dokumenta parakstīšanas dienā. Piezīme. Tukšā vieta „______” kārtas nosaukuma "
                "vietā") in texts["01-ligums-ar-vecaku"]
        assert "Tekstā:" not in texts["01-ligums-ar-vecaku"]
        # … a letter to the parent defines it in its own text, not in a note deleted before signing (audit34 F4)
        assert "Tekstā:" not in texts["10-uzaicinajuma-vestule"]
        assert "(sociālā dienesta nosaukums) konstatēja, ka līgums" in texts["10-uzaicinajuma-vestule"]
        # the papers sent to the parent define no term above place and date, where a letter would open with it
        # once the preparer's notes are deleted (review10): 08, 17, 18 define "Pašvaldība" at its first use …
        for doc_id in ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
                       "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem"):
            assert "Tekstā:" not in texts[doc_id], doc_id
        for doc_id, verb in (("08-lemums-par-pieskirsanu", "ir"), ("17-lemums-par-atteikumu", "ir"),
                             ("18-vestule-par-neatbilstibu", "nav")):
            assert f"dzīvesvieta {verb} {municipality} ģenitīvā; turpmāk – Pašvaldība) administratīvajā " \
                   "teritorijā" in texts[doc_id], doc_id
        # … and 09, 29 do not name it in their text (the appeal body is a blank of its own, D200): no term
        for doc_id in ("09-lemums-par-izbeigsanu", "29-vestule-neatlasitajiem"):
            assert "var apstrīdēt ______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā), " \
                   "iesniegumu" in texts[doc_id], doc_id
            assert "Pašvaldīb" not in texts[doc_id], doc_id
        # the term is masculine whatever the service's name: "Dienests … konstatējis", "kura vārdā"
        assert "turpmāk – Dienests) noslēdza līgumu" in texts["09-lemums-par-izbeigsanu"]
        for doc_id in ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "14-patapinajuma-ligums"):
            assert "ociālais dienests (turpmāk – Dienests), kura vārdā" in texts[doc_id], doc_id
            assert "Sociālā dienesta nosaukums Pašvaldības nosaukums" in texts[doc_id], doc_id
        decision = texts["08-lemums-par-pieskirsanu"]
        assert f"Vecāks) – {service} datīvā; turpmāk – Dienests) ir iesniedzis" in decision
        assert "Dienests pēc valsts informācijas sistēmu datiem un iesniegtajiem dokumentiem ir konstatējis" in decision
        assert "Pašvaldības un Labklājības ministrijas līgumu" in decision
        # audit41 F5 (D193, D200): the appeal names the catalogue's body (here none: its blank), never the term
        assert "(apstrīdēšanas iestādes nosaukums lokatīvā), iesniegumu iesniedzot Dienestā" in decision
        assert f"{service} ģenitīvā) vadītājam" in texts["13-dienesta-zinojums"]
        assert f"Iesniedzu {service} datīvā; turpmāk – Dienests)" in texts["04-iesniegums-par-dalibu"]
        # the letterhead: the founder, then the social service, each labelled
        for doc_id, text in texts.items():
            head = text  # the first mention of each is the letterhead's
            assert head.index(f"{municipality})") < head.index(f"{service})"), doc_id


def test_confirming_a_name_in_a_catalogue_copy_makes_it_print(tmp_path: Path, catalogue: Catalogue) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(catalogue.root, root)
    path = root / "municipality-names.yaml"
    text = path.read_text(encoding="utf-8")
    candidate = re.compile(r"(- name: Valmieras novada pašvaldība\n(?:        .*\n){2})        status: jāprecizē\n"
                           r"        source: .*\n")
    text, count = candidate.subn(r'\1        status: apstiprināts\n        source: "Valmieras novada pašvaldības '
                                 r'nolikums (parauga avots testam)"\n', text)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    copy, problems = load_catalogue(root)
    assert copy is not None, problems
    texts = _texts(copy, "valmiera", AFTER_PILOT)
    for doc_id, doc in texts.items():
        assert "Valmieras novada pašvaldība" in doc, doc_id
        assert "Valmieras pilsētas" not in doc, doc_id
        assert "ieraksta sociālā dienesta nosaukumu" in doc and "Pašvaldība)" not in doc, doc_id
    decision = texts["08-lemums-par-pieskirsanu"]
    assert "deklarētā dzīvesvieta ir Valmieras novada pašvaldības administratīvajā teritorijā" in decision
    assert "var apstrīdēt ______________________________ (apstrīdēšanas iestādes nosaukums lokatīvā), iesniegumu iesniedzot Dienestā" in decision
    assert "Pašvaldības nosaukums: Valmieras novada pašvaldība" in texts["01-ligums-ar-vecaku"]
