"""The requisites the catalogue does not give yet (municipalities.yaml ``requisites``: null) are blanks with a note
saying where they come from (audit29 F3): under the letterhead (registration number, address, phone, e-mail of the
municipality and the social service) and under the appeal clause ("(adrese: ______)"), one wording for both
(party_names.REQUISITES_SOURCE). They are the preparer's instructions (D161): the institution's own data, which the
signed paper need not explain, and the PDF's act keeps its pages. With the requisites in the catalogue there is no
blank and no note."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents import party_names
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from tests.documents.conftest import normalise
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy

LETTERHEAD_BLANK = "Reģ. Nr. ___________, adrese"
LETTERHEAD_NOTE = ("galvenē: pašvaldības un sociālā dienesta reģistrācijas numurus, adreses, tālruņus un e-pasta adreses "
                   "ieraksta")  # two institutions: plural objects (audit29b)
ADDRESS_BLANK = "(adrese: ________________________)"
ADDRESS_NOTE = "Tukšā vieta „(adrese: ______)”: sociālā dienesta adresi ieraksta"
SOURCE = "oficiāli publicētajiem rekvizītiem"
EMPTY = "{registration_number: null, address: null, phone: null, email: null}"


def _texts(catalogue: Catalogue, municipality: str, **kw) -> dict[str, str]:  # noqa: ANN003
    return {d.spec.id: normalise(parse(d.body).text())
            for d in render_municipality(catalogue, catalogue.municipality(municipality), **kw)}


def test_every_blank_requisite_has_its_note(catalogue: Catalogue) -> None:
    documents = render_municipality(catalogue, catalogue.municipality("jelgava"))
    texts = {d.spec.id: normalise(parse(d.body).text()) for d in documents}
    # under the letterhead: before the document's title (h1)
    heads = {d.spec.id: normalise(parse(d.body.split("<h1", 1)[0]).text()) for d in documents}
    appeal = [doc_id for doc_id, text in texts.items() if ADDRESS_BLANK in text]
    assert {"08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
            "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem"} <= set(appeal)
    for doc_id, text in texts.items():
        assert text.count(LETTERHEAD_NOTE) == (1 if LETTERHEAD_BLANK in text else 0), doc_id
        assert text.count(ADDRESS_NOTE) == (1 if ADDRESS_BLANK in text else 0), doc_id
        if LETTERHEAD_BLANK in text:
            assert LETTERHEAD_BLANK in heads[doc_id] and LETTERHEAD_NOTE in heads[doc_id], doc_id
            assert SOURCE in text[text.index(LETTERHEAD_NOTE):], doc_id
    assert all(LETTERHEAD_BLANK in text for text in texts.values())
    body = next(d.body for d in documents if d.spec.id == "09-lemums-par-izbeigsanu")
    for note in ("Tukšās vietas galvenē", ADDRESS_NOTE):
        assert f'<p class="note preparer"><strong>Piezīme sagatavotājam – pirms parakstīšanas dzēst.</strong> {note}' in body


def test_requisites_in_the_catalogue_leave_no_blank_and_no_note(tmp_path: Path, catalogue: Catalogue) -> None:
    def fill(text: str) -> str:
        first = text.index(EMPTY)  # jelgava, the first municipality: both its lines
        filled = ("{registration_number: '90000000001', address: 'Testa iela 1, Jelgava, LV-3001', "
                  "phone: '+371 60000001', email: pasts@pasvaldiba.example.lv}")
        return text[:first] + text[first:].replace(EMPTY, filled, 2)

    copy = confirmed_pilot_copy(tmp_path, catalogue, edit=fill)
    texts = _texts(copy, "jelgava", build_date=PILOT_DAY)
    for doc_id, text in texts.items():
        assert LETTERHEAD_BLANK not in text and ADDRESS_BLANK not in text, doc_id
        assert "Testa iela 1, Jelgava" in text, doc_id
        assert "galvenē:" not in text and ADDRESS_NOTE not in text, doc_id


def test_the_note_names_only_the_blank_requisites() -> None:
    full = {"registration_number": "1", "address": "a", "phone": "p", "email": "e"}
    notes = party_names.requisites_notes({**full, "phone": None}, full)
    assert notes["letterhead"].startswith("Tukšā vieta galvenē: pašvaldības tālruni ieraksta pēc tās ")
    assert notes["address"] is None
    notes = party_names.requisites_notes(full, {**full, "address": None, "email": None})
    assert notes["letterhead"].startswith("Tukšās vietas galvenē: sociālā dienesta adresi un e-pastu ieraksta pēc tā ")
    assert notes["address"].startswith("Tukšā vieta „(adrese: ______)”")
    assert party_names.requisites_notes(full, full) == {"letterhead": None, "address": None}
    # different blanks of the two: one verb's objects joined by „kā arī”, no semicolon (audit29b)
    notes = party_names.requisites_notes({**full, "phone": None}, {**full, "phone": None, "email": None})
    assert notes["letterhead"].startswith("Tukšās vietas galvenē: pašvaldības tālruni, kā arī sociālā dienesta "
                                          "tālruni un e-pastu ieraksta pēc to ")
    both = party_names.requisites_notes({**full, "phone": None}, {**full, "phone": None})
    assert both["letterhead"].startswith("Tukšās vietas galvenē: pašvaldības un sociālā dienesta tālruņus ieraksta ")


def test_an_archive_copy_has_no_requisite_note(catalogue: Catalogue) -> None:
    """An archive copy is neither filled in nor signed (D31): neither the letterhead's nor the appeal clause's note
    asks for the requisites there (review29 F1); the paper made in the period has both."""
    import datetime as dt
    from decimal import Decimal

    from generator.documents.from_matrix.context import build
    from generator.documents.from_matrix.writing import render_child
    from tests.documents.from_matrix_helpers import plan_reading

    reading = plan_reading(catalogue, "jelgava", (("3.1.2i", 10, Decimal(20), (5, 5), "SIA Testa Sniedzējs"),))
    seen = {}
    for archive, day in ((False, dt.date(2018, 9, 20)), (True, dt.date(2026, 12, 1))):
        child = build(reading, catalogue, pseudonymous=False, day=day)
        papers = render_child(catalogue, catalogue.municipality("jelgava"), child, reading.data.params_day, False,
                              build_day=day, archive=archive)
        texts = {d.spec.id: normalise(parse(d.body).text()) for d in papers}
        assert "08-lemums-par-pieskirsanu" in texts and ADDRESS_BLANK in texts["08-lemums-par-pieskirsanu"]
        seen[archive] = [doc_id for doc_id, text in texts.items() if ADDRESS_NOTE in text or LETTERHEAD_NOTE in text]
    assert "08-lemums-par-pieskirsanu" in seen[False]
    assert seen[True] == []
