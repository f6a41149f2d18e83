"""The municipal lawyer's audit41 (/tmp/audit41/findings.md), clause by clause, on the rendered HTML of every pilot
municipality's documents: the decisions' record of notification kept with the signatures (F9, D193); the service's
signer in the contracts has position and authorisation lines (F12); the contracts' ending and disputes clauses
(F13); the same GDPR art. 13 content in every personal data clause (F11); one appeal sentence with the court
after it (F5, D193); wording and cross-references to the set's form numbers (F17, F18, D194)."""

from __future__ import annotations

import datetime as dt
import re

from generator.catalogue.catalogue import Catalogue
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import unmarked
from tests.documents.pilot_bodies import body_text as _text
from tests.documents.pilot_bodies import pilot_bodies  # noqa: F401 (the module's fixture „bodies”)

ACTS = ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
        "18-vestule-par-neatbilstibu")
CONTRACTS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "14-patapinajuma-ligums")
SIGNATURES = re.compile(r'<table class="plain signatures">.*?</table>', re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)



def _keep_blocks(body: str) -> list[str]:
    """The top-level <div class="keep"> blocks of a body, each with its nested divs."""
    blocks, pos = [], 0
    while (start := body.find('<div class="keep">', pos)) != -1:
        depth, i = 0, start
        for m in re.finditer(r"<div\b|</div>", body[start:]):
            depth += 1 if m.group(0) == "<div" else -1
            if depth == 0:
                i = start + m.end()
                break
        blocks.append(body[start:i])
        pos = i
    return blocks


def test_an_act_records_its_notification_after_the_signatures_in_one_block(bodies: dict[str, dict[str, str]]) -> None:
    """F9: the act takes effect when notified (APL 70(1)); the form records how and when, with the addressee's
    signature for a personal handover, after the signatures and in their unbreakable block."""
    for papers in bodies.values():
        for doc_id in ACTS:
            blocks = [b for b in _keep_blocks(papers[doc_id]) if "Atzīme par paziņošanu adresātam" in b]
            assert len(blocks) == 1, doc_id
            block = blocks[0]
            assert block.index("signatures") < block.index("Atzīme par paziņošanu adresātam"), doc_id
            text = _text(block)
            for option in ("☐ personīgi (izsniegts adresātam pret parakstu)", "Adresāta paraksts",
                           "☐ ar pasta starpniecību", "☐ elektroniski", "Nosūtīšanas datums",
                           "Paziņošanas likuma 3. panta pirmā daļa"):
                assert option.replace(" ", " ") in text.replace(" ", " "), (doc_id, option)
        # a contract or a letter that is no act has no such record
        for doc_id in (*CONTRACTS, "29-vestule-neatlasitajiem", "10-uzaicinajuma-vestule"):
            assert "Atzīme par paziņošanu" not in papers[doc_id], doc_id


def _tables(body: str) -> list[list[str]]:
    return [[_text(cell) for cell in CELL.findall(table)] for table in SIGNATURES.findall(body)]


def test_the_service_signs_a_contract_with_position_and_authorisation(bodies: dict[str, dict[str, str]]) -> None:
    """F12: the service's signer in 01, 02, 03, 14 (and their price annex) has the decisions' lines; the other
    party has not."""
    for papers in bodies.values():
        for doc_id in CONTRACTS:
            tables = [t for t in _tables(papers[doc_id]) if any(s.startswith("Dienesta vārdā") for s in t)]
            assert tables, doc_id
            for sides in tables:
                service = [s for s in sides if s.startswith("Dienesta vārdā")]
                other = [s for s in sides if not s.startswith("Dienesta vārdā")]
                assert len(service) == 1 and len(other) == 1, (doc_id, sides)
                assert "Amats" in service[0], (doc_id, service)
                assert "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)" in service[0], (doc_id, service)
                assert "Amats" not in other[0] and "Pilnvarojuma" not in other[0], doc_id


def test_contracts_end_by_decision_or_notice_and_have_a_disputes_clause(bodies: dict[str, dict[str, str]]) -> None:
    """F13: 01 ends by the service's decision (no automatic loss of force), 02 from the written notice to the
    provider, and 14 has a disputes clause like the others."""
    for papers in bodies.values():
        parent = _text(papers["01-ligums-ar-vecaku"])
        assert "zaudē spēku" not in parent
        assert "Dienests var ar lēmumu izbeigt IB saņemšanu un līdz ar to šo līgumu šīs nodaļas turpmākajos " \
               "punktos noteiktajā kārtībā, ja:" in parent
        assert "Vecāks izvēlas citu sniedzēju, – no dienas, kad Dienests to rakstiski paziņojis Sniedzējam." \
            in _text(papers["02-ligums-ar-sniedzeju"])
        for doc_id in ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "14-patapinajuma-ligums"):
            assert re.search(r"Domstarpības puses (?:vispirms )?risina sarunās", _text(papers[doc_id])), doc_id


def test_every_personal_data_clause_has_the_storage_term_and_the_complaint(bodies: dict[str, dict[str, str]]) -> None:
    """F11: the contracts say what 04 says – the storage term (a blank with where to take it) and the right to
    complain to the supervisory authority – once each."""
    storage = "Datus glabā ______ (glabāšanas termiņu ieraksta pēc Dienesta lietu nomenklatūras)."
    for papers in bodies.values():
        for doc_id in (*CONTRACTS, "04-iesniegums-par-dalibu"):
            text = _text(papers[doc_id])
            assert text.count(storage) == 1, doc_id
            assert text.count("tiesības iesniegt sūdzību Datu valsts inspekcijā") == 1, doc_id
            assert "piekļuvi saviem" in text and "apstrādes ierobežošanu" in text, doc_id


APPEAL = re.compile(r"(?:Lēmumu|Šo lēmumu) (viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt .*? "
                    r"\(adrese: [^)]*\)\.)")
COURT = ("Lēmumu, kas pieņemts par apstrīdēšanas iesniegumu, var pārsūdzēt Administratīvajā rajona tiesā "
         "Administratīvā procesa likumā noteiktajā kārtībā.")


def test_one_appeal_sentence_names_an_institution_and_the_court(bodies: dict[str, dict[str, str]]) -> None:
    """F5: 08, 09, 17, 18 and letter 29 contest the act in one wording (before: "Pašvaldībā" in three, the name's
    blank in two), and the acts add the court appeal after the contesting."""
    for m, papers in bodies.items():
        # one wording: each paper numbers the institution's blank's note in its own order (D369), so without the marks
        sentences = {doc_id: APPEAL.findall(unmarked(_text(papers[doc_id])))
                     for doc_id in (*ACTS, "29-vestule-neatlasitajiem")}
        assert all(len(found) == 1 for found in sentences.values()), (m, sentences)
        assert len({found[0] for found in sentences.values()}) == 1, (m, sentences)
        assert "apstrīdēt Pašvaldībā" not in next(iter(sentences.values()))[0]
        for doc_id in ACTS:
            assert COURT in _text(papers[doc_id]), (m, doc_id)


def test_wording_and_personal_code_labels(bodies: dict[str, dict[str, str]]) -> None:
    """F17: state information systems, not "available databases"; 01 and 14 ask for the personal code as 04."""
    for papers in bodies.values():
        for doc_id, body in papers.items():
            assert "datubāz" not in _text(body), doc_id
        assert "pēc valsts informācijas sistēmu datiem" in _text(papers["08-lemums-par-pieskirsanu"])
        for doc_id in ("01-ligums-ar-vecaku", "04-iesniegums-par-dalibu", "14-patapinajuma-ligums"):
            labels = re.findall(r"Personas kods[^<]*", papers[doc_id])
            assert labels and set(labels) == {"Personas kods vai identifikācijas Nr."}, (doc_id, labels)


def test_a_reference_to_a_methodology_annex_names_the_form_in_the_set(bodies: dict[str, dict[str, str]]) -> None:
    """F18 (D194): the user holds files 01–32; a reference names the file's number next to the annex's."""
    from generator.documents.registry import form_reference  # here: the other tests run on a tree without it

    assert form_reference(45) == "veidlapa 06 (metodikas 45. pielikums)"
    assert form_reference(41, 42) == "veidlapa 16 (metodikas 41. vai 42. pielikums)"
    assert form_reference(43, nested=True) == "veidlapa 15, metodikas 43. pielikums"
    assert form_reference(24) == "metodikas 24. pielikums"  # no form in the set stands for it
    # the numbers come from the registry: a form's number follows its file
    assert [s.id[:2] for s in DOCUMENTS if s.annex == "45. pielikums"] == ["06"]
    for papers in bodies.values():
        assert "(„Vecāka pieprasījums izdevumu atmaksai” – veidlapa 06, metodikas 45. pielikums)" \
            in _text(papers["01-ligums-ar-vecaku"])
        for doc_id in ("06-izdevumu-atmaksas-pieprasijums", "13-dienesta-zinojums", "14-patapinajuma-ligums"):
            text = _text(papers[doc_id])
            for m in re.finditer(r"\(([^()]*)metodikas (4[1-5])\.", text):
                assert "veidlapa" in m.group(1), (doc_id, m.group(0))
        assert "maršruta lapā (veidlapa 15, metodikas 43. pielikums)" in _text(papers["14-patapinajuma-ligums"])


def test_the_notification_law_is_in_force_on_the_build_day(catalogue: Catalogue) -> None:
    """D193: the act the record cites is in the catalogue with its source, in force on any day since 2012."""
    act = next(a for a in catalogue.legal_acts.acts if a.id == "pazl")
    assert act.known_in_force_on(dt.date(2026, 12, 2)) and act.known_in_force_on(dt.date(2018, 8, 1))
    assert "likumi.lv/ta/id/212499" in act.source
