"""The generic document set read as a municipal lawyer read it (audit14): the blank guarantee letter has a total
row, sentences after a blank service name use verb forms without gender, the coded questionnaire asks for no name,
a parent is addressed as "Jūs" everywhere. Proven on the rendered HTML of every document."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise, unmarked
from tests.documents.party_helpers import PILOT_DAY

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def bodies(catalogue: Catalogue) -> dict[str, str]:
    """Every generic document's body HTML for a municipality whose names are blanks on ``TODAY``."""
    return {d.spec.id: d.body for d in render_municipality(catalogue, catalogue.municipality("jelgava"),
                                                           build_date=TODAY)}


def _text(html: str) -> str:
    return normalise(parse(html).text())


def test_the_blank_guarantee_letter_has_a_total_row(bodies: dict[str, str]) -> None:
    letter = bodies["03-garantijas-vestule"]
    table = letter[letter.index("Pakalpojumi, to apjoms un intensitāte"):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr[^>]*>.*?</tr>", table, re.S)
    assert 'class="total"' in rows[-1] and "Kopā no individuālā budžeta" in _text(rows[-1])
    assert sum('class="blank"' in r for r in rows) == 4


def test_a_blank_service_name_is_followed_by_verbs_without_gender(bodies: dict[str, str]) -> None:
    """"______ (sociālā dienesta nosaukums) … ir saņēmis" is wrong for a "pārvalde"; the past tense has no gender."""
    letter, decision = _text(bodies["18-vestule-par-neatbilstibu"]), _text(bodies["09-lemums-par-izbeigsanu"])
    assert "turpmāk – Dienests) saņēma un izvērtēja Jūsu iesniegumu" in letter
    assert "turpmāk – Dienests) noslēdza līgumu" in decision
    for text in (letter, decision):
        assert not re.search(r"nosaukums\) \(turpmāk – \w+\)[^.]*? ir \w+(is|usi)\b", text), text[:400]


def test_the_coded_questionnaire_asks_for_no_participants_name_or_signature(catalogue: Catalogue) -> None:
    # the ESF questionnaire is made only while the pilot runs (D135)
    [form] = [d.body for d in render_municipality(catalogue, catalogue.municipality("jelgava"),
                                                  [by_id("21-esf-dalibnieka-anketa")], build_date=PILOT_DAY)]
    text = _text(form)
    assert "vārdu un uzvārdu neraksta" in text  # the promise …
    signatures = re.findall(r'<table class="plain signatures">.*?</table>', form, re.S)
    assert len(signatures) == 1
    block = _text(signatures[0])
    # … kept: the only signature is the worker's who registered the coded form
    assert block.startswith("Anketu reģistrēja (sociālais darbinieks)")
    assert "Dalībnieks" not in block and "likumiskais pārstāvis" not in text
    # a child participant is neither a man nor a woman
    assert "Dzimums: ☐ vīriešu ☐ sieviešu" in text and "vīrietis" not in text


def test_every_document_writes_the_polite_you_with_a_capital(bodies: dict[str, str]) -> None:
    for doc_id, html in bodies.items():
        lower = re.findall(r"(?<!\w)(jūs|jums|jūsu|jūsējais)(?!\w)", _text(html))
        assert not lower, (doc_id, lower)


def test_the_worker_instructions_are_a_note_and_the_act_lists_its_attachments(bodies: dict[str, str]) -> None:
    """The act served on the parent holds no "pievienojiet …" / "atzīmējiet …" (audit14 F11)."""
    decision = bodies["09-lemums-par-izbeigsanu"]
    notes = " ".join(_text(n) for n in re.findall(r'<p class="note[^"]*">.*?</p>', decision, re.S))
    act = _text(re.sub(r'<p class="note[^"]*">.*?</p>', " ", decision, flags=re.S))
    for instruction in ("pievienojiet", "atzīmējiet"):
        assert instruction not in act, instruction
    assert "Ja Vecāks atsakās no IB, lēmumam pievieno Vecāka iesniegumu" in notes
    assert "uzaicinājuma vēstuli un tikšanās protokolu vai ziņas par neierašanos" in notes
    # the attachments are listed in the act, in the block kept with the signatures
    keep = decision[decision.rindex('<div class="keep">'):]
    assert "Pielikumā (pievienotie dokumenti)" in _text(keep)


def test_a_decision_that_hears_the_parent_cites_the_hearing_norm(bodies: dict[str, str]) -> None:
    """09 and 17 record the parent's view; APL 62 (hearing the addressee) is in their basis, not in 08's."""
    hearing = "Administratīvā procesa likuma 62. pantu (adresāta viedokļa noskaidrošana"
    for doc_id in ("09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu"):
        text = _text(bodies[doc_id])
        assert "Vecāka viedoklis vai paskaidrojumi" in text, doc_id
        basis = text[text.index("Tiesiskais pamats"):text.index("Pamatojums", text.index("Tiesiskais pamats"))]
        assert hearing in basis, doc_id
    assert hearing not in _text(bodies["08-lemums-par-pieskirsanu"])


def test_the_head_of_the_service_signs_or_an_authorised_person(bodies: dict[str, str]) -> None:
    """As in the decisions and letters: the head of the service or an authorised person signs (audit14 F13) – said in
    the label ("Dienesta vadītājs vai pilnvarotā persona") or, where the label would wrap in its half-page column
    (04 "Apstiprināja …", 13 "Saskaņoja …"), by the official block's "Amats" and "Pilnvarojuma pamats" fields."""
    authorised = "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)"
    for doc_id, html in bodies.items():
        for block in re.findall(r'<table class="plain signatures">.*?</table>', html, re.S):
            text = _text(block)
            if "Dienesta vadītājs" in text:
                assert "Dienesta vadītājs vai pilnvarotā persona" in text or authorised in text, (doc_id, text)
    for doc_id, label in (("04-iesniegums-par-dalibu", "Apstiprināja (Dienesta vadītājs)"),
                          ("13-dienesta-zinojums", "Saskaņoja (Dienesta vadītājs)")):
        block = re.findall(r'<table class="plain signatures">.*?</table>', bodies[doc_id], re.S)[-1]
        assert label in _text(block) and authorised in _text(block), doc_id


def test_the_file_name_examples_carry_the_documents_date(bodies: dict[str, str], catalogue: Catalogue) -> None:
    """Not the catalogue's date (01.04.2023) in a document made on another day (audit14 F16)."""
    text = _text(bodies["23-nosaukumu-instrukcija"])
    assert f"{TODAY.isoformat()}_jelgava-b03_ibm-matrica_v1.xlsx" in text
    assert f"{TODAY.isoformat()}_naudas-plusma_v2.xlsx" in text
    assert catalogue.latest_date.isoformat() not in text


def test_a_party_ends_a_contract_after_a_notice_period_the_parties_write_in(bodies: dict[str, str]) -> None:
    """No notice period typed in, none missing: a blank the parties fill (audit14 F12, D115); "dienu" for any number written in (audit19 F32, audit25 N7)."""
    # the blank carries its note's mark (D369): the words round it without the mark
    provider, loan = unmarked(_text(bodies["02-ligums-ar-sniedzeju"])), unmarked(_text(bodies["14-patapinajuma-ligums"]))
    assert "rakstiski brīdinot otru pusi ne vēlāk kā ______ dienu iepriekš" in provider
    assert "rakstiski paziņojot otrai pusei ne vēlāk kā ______ dienu iepriekš" in loan


def test_the_price_note_allows_for_a_replaced_delegation_contract(bodies: dict[str, str]) -> None:
    """A 2017 delegation contract may have been replaced by the day of the service (audit14 F15)."""
    for doc_id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
        assert ("pēc ailē „Avots” norādītā dokumenta vai tā vietā noslēgtā deleģēšanas līguma redakcijas, kas ir "
                "spēkā pakalpojuma sniegšanas dienā") in _text(bodies[doc_id]), doc_id


def test_the_parents_questionnaire_informs_and_asks_no_consent(bodies: dict[str, str]) -> None:
    """The data are processed on a legal basis, not on consent (01, 04): "esmu informēts", not "piekrītu" (F20)."""
    text = _text(bodies["19-vecaku-aptaujas-anketa"])
    assert "piekrītu" not in text
    assert ("un esmu informēts/informēta, ka tās izmanto bērna izvērtēšanā un atbalsta plāna sastādīšanā (par "
            "personas datu apstrādi sk. iesniegumu par dalību programmā)") in text  # no running round: neutral (D129)
