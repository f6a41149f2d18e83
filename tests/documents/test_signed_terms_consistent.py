"""Terms on signed pages (D337, D341), from the rendered act text (notes of the preparer left out):

- the parent contract (01) names the child it is made for by its defined term „Bērns” after defining it, its annexes
  too; a general rule about children stays lower case, and the grant decision (08) keeps the plain word;
- the guarantee letter (03) defines the recipient „ģimene” its column names, and the provider signs, and has its
  obligations, under the letter's name for it in its head („Adresāts”);
- 02 names the Dienests with the registration number and address from municipalities.yaml (blanks while unknown);
- a contract's date and number in one order („datums un Nr.”); 07's second page does not repeat the parent's name and
  contacts from its first page.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.child_render import child_html
from tests.documents.conftest import normalise
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy

DAY = dt.date(2026, 12, 3)  # after the pilot: no round's names confirmed
IDS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "05-iesniegums-par-sniedzejiem",
       "07-klienta-lietas-titullapa")
PREPARER = re.compile(r'<p class="note preparer">.*?</p>', re.S)
CHILD = re.compile(r"(?<![\w„])bērn(?:s|a|am|u)\b")
# a rule about children in general, or another child, not the child of this contract
GENERAL = ("bērnam, kuram", "citu bērnu")


def _loose(text: str) -> list[str]:
    """Each lower-case mention of the child in ``text`` that is not a rule about children in general."""
    return [text[max(0, m.start() - 40):m.end() + 20] for m in CHILD.finditer(text)
            if not any(g in text[max(0, m.start() - 5):m.end() + 15] for g in GENERAL)]


def _texts(catalogue: Catalogue, place: str, day: dt.date, ids: tuple[str, ...] = IDS) -> dict[str, str]:
    return {d.spec.id: normalise(parse(PREPARER.sub("", d.body)).text())
            for d in render_municipality(catalogue, catalogue.municipality(place), [by_id(i) for i in ids],
                                         build_date=day)}


@pytest.fixture(scope="module")
def texts(catalogue: Catalogue) -> dict[str, str]:
    return _texts(catalogue, "valmiera", DAY)


def test_the_parent_contract_names_its_child_by_the_defined_term(texts: dict[str, str]) -> None:
    contract = texts["01-ligums-ar-vecaku"]
    after = contract[contract.index("(turpmāk – Bērns)") + len("(turpmāk – Bērns)"):]
    loose = _loose(after)
    assert not loose, loose
    for words in ("ierakstīts Bērna atbalsta plānā", "Ja Bērns tiek izņemts no audžuģimenes",
                  "ko Bērns vai Vecāks faktiski", "informāciju par Bērnu nodod", "Vecāka un Bērna personas datu"):
        assert words in after, words
    assert "bērnam, kuram pārbaudes datumā" in after  # the rule of the IB's rate is about any child


def test_the_parent_contracts_annexes_name_the_child_by_its_term(catalogue: Catalogue) -> None:
    """A child's 01 with its annexes (plans.html.j2): the annexes are the contract's, so their captions and notes say
    „Bērna”, „Bērnam” as the contract defines the term; the grant decision (08), which shares the plan's amounts
    block and defines no term for the child, keeps the plain word (D341)."""
    _, html = child_html(catalogue, 12)
    contract, decision = (normalise(parse(PREPARER.sub("", html[i])).text())
                          for i in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"))
    after = contract[contract.index("(turpmāk – Bērns)") + len("(turpmāk – Bērns)"):]
    annexes = after[after.index("1. pielikums. Atbalsta plāna I daļa"):]
    loose = _loose(after)
    assert not loose, loose
    assert annexes.count("· Bērna identifikācijas kods: ______") == 3, annexes
    assert "Bērna identifikācijas kodu – kad Dienests to Bērnam piešķīris" in annexes
    # the parent signs each annex by the contract's defined term, not the three statuses the term already covers
    assert "aizbildnis vai audžuģimene" not in annexes
    assert annexes.count("DatumsVecāks Vārds, uzvārds") == 3, annexes  # the two columns run together
    assert "izmanto bērna atbalsta plānā (IBM matricas 6.5. tabula)" in decision


def test_the_guarantee_letter_defines_its_recipient_and_signer(texts: dict[str, str]) -> None:
    letter = texts["03-garantijas-vestule"]
    assert "Saņēmējs (bērns, Vecāks vai ģimene)" in letter
    assert "pakalpojuma saņēmējs „ģimene” ir bērns kopā ar Vecāku." in letter
    assert letter.index("„ģimene” ir bērns") < letter.index("Saņēmējs (bērns")
    caption = "Adresāts (piekrīt vēstules noteikumiem)"
    assert letter.count(caption) == 2  # the letter and its price annex
    assert "Sniedzējs (piekrīt" not in letter
    # its obligations are the Adresāts's: „Sniedzējs” is the provider contract's term, not defined here (D341)
    assert "Adresāta pienākumi" in letter and not re.search(r"Sniedzēj\w*", letter), letter


def test_the_provider_contract_gives_the_dienests_requisites(texts: dict[str, str], tmp_path: Path,
                                                              catalogue: Catalogue) -> None:
    # names not confirmed: the fields for the names and the requisites
    assert "Sociālā dienesta reģistrācijas Nr. Sociālā dienesta adrese" in texts["02-ligums-ar-sniedzeju"]

    def known(text: str) -> str:  # Jelgava's social service's requisites known, its municipality's not
        return re.sub(r"(- id: jelgava\n(?:.*\n)*?      social_service: )\{registration_number: null, address: null,",
                      r"\1{registration_number: '90000000009', address: 'Parauga iela 9, Jelgava, LV-3001',",
                      text, count=1)

    copy = confirmed_pilot_copy(tmp_path, catalogue, edit=known)
    contract = _texts(copy, "jelgava", PILOT_DAY, ("02-ligums-ar-sniedzeju",))["02-ligums-ar-sniedzeju"]
    assert re.search(r"\(Jelgavas [^;()]+; reģistrācijas Nr\. 90000000009, adrese Parauga iela 9, Jelgava, LV-3001; "
                     r"turpmāk – Dienests\)", contract), contract[:800]
    blank = _texts(confirmed_pilot_copy(tmp_path / "b", catalogue), "jelgava", PILOT_DAY,
                   ("02-ligums-ar-sniedzeju",))["02-ligums-ar-sniedzeju"]
    assert re.search(r"; reģistrācijas Nr\. _{11}, adrese _{24}; turpmāk – Dienests\)", blank), blank[:800]


def test_one_order_for_a_contracts_date_and_number(texts: dict[str, str]) -> None:
    for doc_id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
        assert "Līgums ar Vecāku par individuālā budžeta saņemšanu: datums un Nr." in texts[doc_id], doc_id
    assert "Līguma datums un Nr." in texts["05-iesniegums-par-sniedzejiem"]
    for doc_id, text in texts.items():
        assert "Nr. un datums" not in text, doc_id


def test_the_case_cover_names_the_parent_once(texts: dict[str, str]) -> None:
    cover = texts["07-klienta-lietas-titullapa"]
    second = cover[cover.index("Pamatinformācija"):]
    parent = second[second.index("Vecāks"):second.index("Iesaistītie speciālisti")]
    assert "Nodarbošanās" in parent and "Radniecība ar bērnu" in parent
    assert "Vārds, uzvārds" not in parent and "Tālrunis" not in parent and "Personas kods" not in parent
    first = cover[:cover.index("Pamatinformācija")]
    assert first.count("Personas kods") == 2  # the child's and the parent's
