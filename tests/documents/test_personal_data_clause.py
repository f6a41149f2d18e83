"""The personal data paragraph (audit8 F22, D73): a social service processes personal data under a legal obligation
and a public task, not under a contract. One shared paragraph in 01, 02, 14 and 04 names the controller (the social
service with its requisites), the GDPR basis (6(1)(c) and (e); health data 9(2)(h)), the data protection officer's
contact and the privacy notice, blanks with a note where the catalogue does not know them; the application 04 also
tells what GDPR art. 13 requires. Proven on the rendered HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise, unnumbered
from tests.documents.party_helpers import PILOT_DAY

CLAUSES = ["01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "14-patapinajuma-ligums", "04-iesniegums-par-dalibu"]
SPECS = [spec for spec in DOCUMENTS if spec.id in CLAUSES]
BASIS = "Vispārīgās datu aizsardzības regulas 6. panta 1. punkta c) un e) apakšpunkts"
HEALTH = "Vispārīgās datu aizsardzības regulas 9. panta 2. punkta h) apakšpunkts"
NOTE = "Tukšās vietas personas datu punktā"


def _texts(catalogue: Catalogue, municipality: str = "valmiera") -> dict[str, str]:
    """The papers as made while the pilot ran: its ministry team is a data recipient only then (D135)."""
    return {d.spec.id: normalise(parse(unnumbered(d.body)).text())  # the words (D369)
            for d in render_municipality(catalogue, catalogue.municipality(municipality), SPECS,
                                         build_date=PILOT_DAY)}


@pytest.fixture(scope="module")
def texts(catalogue: Catalogue) -> dict[str, str]:
    return _texts(catalogue)


def test_no_document_says_the_data_are_processed_under_the_contract(texts: dict[str, str]) -> None:
    for doc_id, text in texts.items():
        assert "pamatojoties uz šo līgumu" not in text, doc_id
        assert "Atsevišķa piekrišana" not in text, doc_id


def test_the_paragraph_names_the_controller_the_basis_the_officer_and_the_notice(texts: dict[str, str]) -> None:
    for doc_id, text in texts.items():
        # one shared paragraph: the controller is named once in each document
        assert len(re.findall(r"personas datu pārzinis ir Dienests \(reģ\. Nr\. _+, adrese: _+, e-pasts: _+\)",
                              text)) == 1, doc_id
        assert BASIS in text, doc_id
        assert "Eiropas Parlamenta un Padomes 2016. gada 27. aprīļa Regula (ES) 2016/679" in text, doc_id
        assert re.search(r"Datu aizsardzības speciālista e-pasts: _{6,}\.", text), doc_id
        assert re.search(r"Privātuma paziņojums, kurā aprakstītas datu subjekta tiesības, ir pieejams: _{6,}\.", text)
        assert NOTE in text, doc_id  # where the blanks come from
    for doc_id in ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "04-iesniegums-par-dalibu"):
        assert HEALTH in texts[doc_id], doc_id
    assert HEALTH not in texts["14-patapinajuma-ligums"]  # the loan contract holds no health data


def test_the_application_informs_as_gdpr_article_13_requires(texts: dict[str, str]) -> None:
    text = texts["04-iesniegums-par-dalibu"]
    assert "Informācija par personas datu apstrādi (Vispārīgās datu aizsardzības regulas 13. pants)" in text
    assert "Datu saņēmēji: Labklājības ministrijas projekta komanda" in text
    assert "Datus glabā ______ (glabāšanas termiņu" in text  # not in the catalogue: a blank
    assert "piekļuvi saviem un bērna datiem" in text and "iebilst pret apstrādi" in text
    assert "iesniegt sūdzību Datu valsts inspekcijā" in text
    assert "Esmu informēts/informēta par savu un bērna personas datu apstrādi, kā aprakstīts iepriekš" in text
    # the information comes before the parent signs
    assert text.index("Datu valsts inspekcijā") < text.index("Vecāks Vārds, uzvārds")


def test_known_values_are_printed_and_the_note_goes(catalogue_copy: Path) -> None:
    path = catalogue_copy / "municipalities.yaml"
    text = path.read_text("utf-8")
    start = text.index("  - id: valmiera")
    old = "    data_protection: {officer_email: null, privacy_notice: null}\n"
    at = text.index(old, start)
    new = "    data_protection: {officer_email: dati@paraugs.example.lv, privacy_notice: www.paraugs.example.lv/dati}\n"
    text = text[:at] + new + text[at + len(old):]
    old = "      social_service: {registration_number: null, address: null, phone: null, email: null}\n"
    at = text.index(old, start)
    new = ("      social_service: {registration_number: '90000000000', address: 'Parauga iela 1, Valmiera', phone: null, "
           "email: dienests@paraugs.example.lv}\n")
    path.write_text(text[:at] + new + text[at + len(old):], "utf-8")
    copy = load_or_raise(catalogue_copy)
    filled = _texts(copy)
    for doc_id, doc in filled.items():
        assert ("(reģ. Nr. 90000000000, adrese: Parauga iela 1, Valmiera, e-pasts: dienests@paraugs.example.lv)"
                in doc), doc_id
        assert "Datu aizsardzības speciālista e-pasts: dati@paraugs.example.lv." in doc, doc_id
        assert "ir pieejams: www.paraugs.example.lv/dati." in doc, doc_id
        assert NOTE not in doc, doc_id
    # another municipality still has the blanks and the note
    assert NOTE in _texts(copy, "jelgava")["01-ligums-ar-vecaku"]


def _clause(text: str, start: str) -> str:
    """The numbered clause whose text begins with ``start`` (up to the next clause number)."""
    return re.split(r" \d+\.\d+\. (?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])", text.split(start, 1)[1], maxsplit=1)[0]


def test_data_go_to_providers_with_a_contract_or_a_guarantee_letter(texts: dict[str, str]) -> None:
    """audit10 F4: a provider with a guarantee letter (03, no contract) gets the child's data too, and only what
    the service needs; the ministry's project team, which sees the scanned case files, is the one institution
    that needs no consent – named by the number of the clause that gives it access."""
    for doc_id in ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju"):
        text = texts[doc_id]
        storage = re.search(r" (\d+\.\d+\.) Elektroniski nosūtāmos dokumentus", text)
        assert storage, doc_id
        assert "kam piekļūst tikai sociālais darbinieks un Labklājības ministrijas projekta komanda" in text
        # 01 defines "Bērns" and names the child by it (D337); 02 does not define it
        child = "Bērnu" if doc_id.startswith("01-") else "bērnu"
        disclosure = f"Citām iestādēm informāciju par {child} nodod tikai ar Vecāka piekrišanu"
        clause = _clause(text, disclosure)
        assert clause.startswith(f", izņemot Labklājības ministrijas projekta komandu {storage.group(1)} punktā "
                                 "noteiktajā apjomā."), (doc_id, clause)
        assert ("Pakalpojumu sniedzējiem datus izpauž tikai tad, ja ar sniedzēju noslēgts līgums vai tam izsniegta "
                "garantijas vēstule, un tikai tik, cik vajadzīgs pakalpojuma sniegšanai.") in clause, doc_id
        assert "ar kuriem noslēgts līgums izmēģinājumprojektā" not in text, doc_id
        # the clause it names comes before it
        assert text.index(storage.group(0)) < text.index(disclosure), doc_id
    assert ("pakalpojumu sniedzēji, ar kuriem noslēgts līgums vai kuriem izsniegta garantijas vēstule, – tikai "
            "pakalpojuma sniegšanai vajadzīgās ziņas") in texts["04-iesniegums-par-dalibu"]


@pytest.fixture(scope="module")
def letter(catalogue: Catalogue) -> str:
    [spec] = [s for s in DOCUMENTS if s.id == "03-garantijas-vestule"]
    [doc] = render_municipality(catalogue, catalogue.municipality("valmiera"), [spec])
    return normalise(parse(unnumbered(doc.body)).text())


def test_the_providers_role_under_the_gdpr_is_stated(texts: dict[str, str], letter: str) -> None:
    """audit10 F7, D100: the provider is its own controller for the data of its service, gets only what the
    service needs, uses them for it only, keeps them safe, passes them on only where the law says and keeps them
    no longer than the law requires; the contract speaks of the provider, the letter to it."""
    contract = texts["02-ligums-ar-sniedzeju"]
    assert ("Bērna un Vecāka personas datus, ko Sniedzējs saņem no Dienesta vai iegūst, sniedzot pakalpojumu, tas "
            "apstrādā kā patstāvīgs pārzinis Vispārīgās datu aizsardzības regulas izpratnē un par šo apstrādi "
            "atbild pats.") in contract
    assert "Dienests Sniedzējam nodod tikai pakalpojuma sniegšanai vajadzīgās ziņas." in contract
    assert "pēc līguma beigām glabā tikai tik ilgi, cik to prasa normatīvie akti" in contract
    assert ("Bērna un Vecāka personas datus, ko saņemat no Dienesta vai iegūstat, sniedzot pakalpojumu, Jūs "
            "apstrādājat kā patstāvīgs pārzinis Vispārīgās datu aizsardzības regulas izpratnē") in letter
    assert "citām personām tās nododat tikai normatīvajos aktos noteiktajos gadījumos" in letter
    # the clause is in the contract's personal data section, and before the signatures of the letter
    assert contract.index("Personas dati un konfidencialitāte") < contract.index("patstāvīgs pārzinis")
    assert letter.index("patstāvīgs pārzinis") < letter.index("Adresāts (piekrīt vēstules noteikumiem)")
    # the parent contract and the loan contract have no provider
    assert "patstāvīgs pārzinis" not in texts["01-ligums-ar-vecaku"]
    assert "patstāvīgs pārzinis" not in texts["14-patapinajuma-ligums"]


def test_the_parent_contract_is_signed_by_the_head_or_an_authorised_person(texts: dict[str, str]) -> None:
    """audit10 F14: no "viņa" (his) before the authorised person, as in the decisions."""
    text = texts["01-ligums-ar-vecaku"]
    assert "vārdā līgumu paraksta Dienesta vadītājs vai pilnvarotā persona:" in text
    assert "viņa pilnvarotā" not in text


def test_the_provider_papers_name_the_dienests_controller_of_its_own_processing(texts: dict[str, str],
                                                                                letter: str) -> None:
    """audit12 F6: beside the provider's own controllership, 02 says the Dienests is the controller of what the
    Dienests processes (not of all the child's data), and 03 – which had no Dienests clause – says so too."""
    own = r"Dienesta veiktajā apstrādē bērna un Vecāka personas datu pārzinis ir Dienests \(reģ\. Nr\. _+"
    for doc_id, text in (("02", texts["02-ligums-ar-sniedzeju"]), ("03", letter)):
        assert len(re.findall(own, text)) == 1, doc_id
        assert "Bērna un Vecāka personas datu pārzinis ir" not in text, doc_id
        assert text.index("Dienesta veiktajā apstrādē") < text.index("patstāvīgs pārzinis"), doc_id
        assert re.search(r"Datu aizsardzības speciālista e-pasts: _{6,}\.", text), doc_id
    assert "Dienesta veiktajā apstrādē" not in texts["01-ligums-ar-vecaku"]
