"""The pilot's procedures are round data (rounds.yaml `procedures`, D135, audit19): the pilot's papers state them
as before; a later round whose procedures are not confirmed states none of them as fact – a blank with a note, a
neutral sentence, or no clause (no ESF questionnaire); a later round that confirms them prints them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from tests.documents.conftest import normalise, unnumbered
from tests.documents.party_helpers import PILOT_DAY
from tests.round_yaml import catalogue_with_round, children_round_entry

TODAY = dt.date(2026, 12, 1)
IDS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "04-iesniegums-par-dalibu", "07-klienta-lietas-titullapa",
       "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "14-patapinajuma-ligums", "17-lemums-par-atteikumu",
       "18-vestule-par-neatbilstibu", "20-pakalpojuma-apraksta-veidlapa", "21-esf-dalibnieka-anketa",
       "22-sifresanas-instrukcija", "24-risku-plans", "29-vestule-neatlasitajiem")
SPECS = [spec for spec in DOCUMENTS if spec.id in IDS]
# each finding's pilot wording: (paper, text)
PILOT_TEXTS = (
    ("08-lemums-par-pieskirsanu", "Labklājības ministrijas projekta komanda bērnu ir atlasījusi dalībai"),  # F3
    ("17-lemums-par-atteikumu", "Labklājības ministrijas projekta komanda bērnu ir atlasījusi dalībai"),
    ("01-ligums-ar-vecaku", "kā arī ESF projekta dalībnieka anketu beigās"),  # F9
    ("01-ligums-ar-vecaku", "skenētās kopijas – projekta serverī"),  # F10; one term (review31 F5, D259)
    ("01-ligums-ar-vecaku", "izņemot Labklājības ministrijas projekta komandu"),
    ("14-patapinajuma-ligums", "skenētās kopijas – projekta serverī"),
    ("04-iesniegums-par-dalibu", "Datu saņēmēji: Labklājības ministrijas projekta komanda"),
    ("01-ligums-ar-vecaku", "izmēģinājumprojekta metodikā noteiktajā kārtībā"),  # F13
    ("09-lemums-par-izbeigsanu", "metodiku (projekts Nr."),  # F17
    ("01-ligums-ar-vecaku", "informē Labklājības ministrijas projekta komandu, kas izmēģinājumprojektā var"),  # F16
    ("09-lemums-par-izbeigsanu", "Labklājības ministrijas projekta komandu, kas var iekļaut"),
    ("18-vestule-par-neatbilstibu", "atlases 1. posmā iesniegumu nevar atbalstīt"),  # F19 (reasons, audit29 F6)
    ("18-vestule-par-neatbilstibu", "Labklājības ministrijas projekta komandai bērnu atlasei nenosūta"),
    ("01-ligums-ar-vecaku", "ne vairāk kā 10 % no plānam pieejamā IB apmēra"),  # F25
    ("04-iesniegums-par-dalibu", "Iesniegšanas laiku reģistrē līdz minūtei."),  # F33
    ("04-iesniegums-par-dalibu", "Atbilstība atlases 1. posma kritērijiem"),
    ("04-iesniegums-par-dalibu", "3 darba dienu laikā pēc iesniegšanas termiņa"),
    ("07-klienta-lietas-titullapa", "projekta serverī mapē „Bērnu lietas”"),  # F37
    ("07-klienta-lietas-titullapa", "ESF projekta dalībnieka anketa"),  # F30
    ("01-ligums-ar-vecaku", "Metodikas 19. pielikums"),  # F28
    ("04-iesniegums-par-dalibu", "Metodikas 5. pielikums"),
    ("22-sifresanas-instrukcija", "ievieto projekta serverī vai"),
    ("29-vestule-neatlasitajiem", "tāpēc iesniegums tika nosūtīts Labklājības ministrijas projekta komandai"),
    ("20-pakalpojuma-apraksta-veidlapa", "Apstiprināja (LM projekta komanda)"),  # roundleft2
    ("20-pakalpojuma-apraksta-veidlapa", "to apstiprina Labklājības ministrijas (LM) projekta komanda"),
    ("24-risku-plans", "rīkojas pēc šī plāna un informē Labklājības ministrijas projekta komandu."),
    ("29-vestule-neatlasitajiem", "Jūsu bērns paliek rezervē. Ja kāds no atlasītajiem bērniem izmēģinājumprojektā "
                                  "nepiedalīsies, sociālais darbinieks ar Jums sazināsies un piedāvās dalību."),  # N9
    ("24-risku-plans", "avanss izmēģinājumprojekta pirmajā mēnesī; rēķinu pārbaude"),  # N10
    ("24-risku-plans", "bērnu pārdale starp pašvaldībām plānošanas reģionā; norēķinu pārskatīšana"),
    ("24-risku-plans", "tikšanās par līguma izpildi; rindā esošu bērnu iekļaušana"),
)
# what no paper of a later round without confirmed procedures may state
LATER_NEVER = ("projekta komand", "FTP", "projekta serv", "ESF", "līdz minūtei", "1. posma", "darba dienu laikā pēc iesniegšanas",
               "metodikā noteiktajā", "metodiku (projekts", "Metodikas 19. pielikums", "Metodikas 5. pielikums",
               "ne vairāk kā 10 %", "IBM metodika, 159.", "30.09.2018", "IBM metodikas 16.9. pielikums",
               "rezervē", "piedāvās dalību", "pirmajā mēnesī", "pārdale starp pašvaldībām", "rindā esošu")
# the notes that say where the blanks come from
LATER_NOTES = (
    ("08-lemums-par-pieskirsanu", "Bērnu dalībai kārtā ir atlasījis ______"),
    ("08-lemums-par-pieskirsanu", "kas atlasa kārtas dalībniekus, ieraksta pēc Labklājības ministrijas noteikumiem"),
    ("01-ligums-ar-vecaku", "ne vairāk kā ______ % no plānam pieejamā IB apmēra"),
    ("01-ligums-ar-vecaku", "transporta izdevumu lielāko pieļaujamo daļu (procentos) ieraksta pēc Labklājības ministrijas noteikumiem"),
    ("01-ligums-ar-vecaku", "Dienesta noteiktajā elektroniskajā glabātavā"),
    ("04-iesniegums-par-dalibu", "Dienests iesniegumu nosūta ______ līdz __.__.______"),
    ("04-iesniegums-par-dalibu", "kam un līdz kurai dienai Dienests nosūta kritērijiem atbilstošos iesniegumus"),
    ("09-lemums-par-izbeigsanu", "Labklājības ministrijas noteikumus par kārtu (dokumenta datums un Nr. ______)"),
    ("08-lemums-par-pieskirsanu", "Spēkā esošo normu nosaka pašvaldības jurists"),
    ("29-vestule-neatlasitajiem", "Dalībniekus atlasīja ______"),
    ("29-vestule-neatlasitajiem", "Dalībniekus atlasīja ______"),
    ("14-patapinajuma-ligums", "paziņošanas termiņu dienās puses ieraksta, vienojoties"),
    ("20-pakalpojuma-apraksta-veidlapa", "to apstiprina ______, un pēc apstiprināšanas"),
    ("20-pakalpojuma-apraksta-veidlapa", "kas apraksta veidlapu apstiprina, ieraksta pēc Labklājības ministrijas"),
    ("24-risku-plans", "rīkojas pēc šī plāna un informē ______."),
    ("24-risku-plans", "kas kārtā atbild ministrijas pusē, ieraksta pēc Labklājības ministrijas noteikumiem"),
    # audit45 F8: the letter answers with one of two sentences, the preparer strikes the other
    ("29-vestule-neatlasitajiem", "Vēlāka bērna iekļaušana kārtā nav paredzēta."),
    ("29-vestule-neatlasitajiem", "No abām iepriekšējām rindkopām atstāj vienu: „Jūsu bērns paliek rezervē …”, ja "
                                  "Labklājības ministrijas noteikumi par kārtu paredz neatlasīto bērnu rezervi"),
    ("24-risku-plans", "apmaksa noteiktajā termiņā; avanss pakalpojumu apmaksai, ja to paredz Labklājības "
                       "ministrijas noteikumi par kārtu"),  # N10
    ("24-risku-plans", "norēķinu pārskatīšana pēc Labklājības ministrijas noteikumiem par kārtu"),
    ("24-risku-plans", "cita bērna iekļaušana, ja to paredz Labklājības ministrijas noteikumi par kārtu"),
)
CONFIRMED = """    procedures:
      status: apstiprināts
      source: "Testa dati"
      ministry_team: true
      registration_to_minute: true
      forward_working_days: true
      esf_questionnaire: true
      ftp_server: true
      transport_share: true
      methodology_rules: true
      reserve_list: true
      advance_payment: true
      child_reallocation: true
"""


def _later(target: Path, procedures: bool) -> Catalogue:
    entry = children_round_entry("berni-2026", "IBM ieviešana bērniem (izdomāta otrā kārta)", dt.date(2026, 9, 1),
                                 dt.date(2027, 12, 31), services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)),
                                 municipalities=("cesis", "madona"), procedures=CONFIRMED if procedures else "")
    return catalogue_with_round(target, entry)


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return _later(tmp_path_factory.mktemp("later") / "catalogue", procedures=False)


@pytest.fixture(scope="module")
def later_confirmed(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return _later(tmp_path_factory.mktemp("later-confirmed") / "catalogue", procedures=True)


def _texts(catalogue: Catalogue, municipality: str, day: dt.date) -> dict[str, str]:
    documents = render_municipality(catalogue, catalogue.municipality(municipality), SPECS, build_date=day)
    return {d.spec.id: normalise(parse(unnumbered(d.body)).text()) for d in documents}  # the words (D369)


def test_the_pilots_papers_keep_its_procedures(catalogue: Catalogue) -> None:
    texts = _texts(catalogue, "jelgava", PILOT_DAY)
    assert "21-esf-dalibnieka-anketa" in texts
    for doc_id, text in PILOT_TEXTS:
        assert normalise(text) in texts[doc_id], (doc_id, text)
    for doc_id, text in LATER_NOTES[:8]:
        assert normalise(text) not in texts[doc_id], (doc_id, text)
    assert "IBM metodika, 159. zemsvītras piezīme" in texts["08-lemums-par-pieskirsanu"]  # F11: the pilot's source
    # one server term in what users get: „projekta serveris”, as the report workbooks say it (review31 F5, D259)
    assert not [doc_id for doc_id, text in texts.items() if "FTP" in text]


def test_a_later_round_states_none_of_the_pilots_procedures(later: Catalogue) -> None:
    texts = _texts(later, "cesis", TODAY)
    assert "21-esf-dalibnieka-anketa" not in texts  # F30: no ESF project in the round's data
    for doc_id, text in texts.items():
        # 29's reserve is one of two alternatives the preparer chooses between by the round's rules (audit45 F8)
        never = [w for w in LATER_NEVER if doc_id != "29-vestule-neatlasitajiem" or w not in ("rezervē", "piedāvās dalību")]
        found = [word for word in never if word in text]
        assert not found, (doc_id, found)
    for doc_id, text in LATER_NOTES:
        assert normalise(text) in texts[doc_id], (doc_id, text)


def test_a_later_round_that_confirms_the_procedures_prints_them(later_confirmed: Catalogue) -> None:
    texts = _texts(later_confirmed, "cesis", TODAY)
    assert "21-esf-dalibnieka-anketa" in texts
    assert "Iesniegšanas laiku reģistrē līdz minūtei." in texts["04-iesniegums-par-dalibu"]
    assert "3 darba dienu laikā pēc iesniegšanas termiņa" in texts["04-iesniegums-par-dalibu"]
    assert "ne vairāk kā 10 % no plānam pieejamā IB apmēra" in texts["01-ligums-ar-vecaku"]
    assert "projekta serverī" in texts["01-ligums-ar-vecaku"] and "izmēģinājumprojekt" not in texts["01-ligums-ar-vecaku"]
    assert "Labklājības ministrijas projekta komanda bērnu ir atlasījusi" in texts["08-lemums-par-pieskirsanu"]
    assert "Jūsu bērns paliek rezervē." in texts["29-vestule-neatlasitajiem"]  # N9, N10: the round's own procedures
    assert "avanss kārtas pirmajā mēnesī" in texts["24-risku-plans"]
    assert "bērnu pārdale starp pašvaldībām" in texts["24-risku-plans"]


def test_the_criteria_come_in_one_order(catalogue: Catalogue) -> None:
    """F20: disability, age, the round's criterion – in the application, the decisions and the letter alike, so the
    social worker ticks line for line."""
    texts = _texts(catalogue, "jelgava", PILOT_DAY)
    for doc_id in ("04-iesniegums-par-dalibu", "08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu",
                   "18-vestule-par-neatbilstibu"):
        text = texts[doc_id]
        disability, age = text.index("invaliditāti"), text.index("pēdējā dienā (")
        criterion = text.index("izvērtētas deinstitucionalizācijas projektā")
        assert disability < age < criterion, doc_id


def test_the_provider_contracts_notice_period_is_a_blank_with_a_note(catalogue: Catalogue, later: Catalogue) -> None:
    """audit19 F32 in 02 as in 14: „______ dienu iepriekš” (genitive plural fits any number) and a note saying
    who fills it in, in every round's papers."""
    for texts in (_texts(catalogue, "jelgava", PILOT_DAY), _texts(later, "cesis", TODAY)):
        text = texts["02-ligums-ar-sniedzeju"]
        assert "ne vēlāk kā ______ dienu iepriekš" in text and "dienas iepriekš" not in text
        assert "brīdināšanas termiņu dienās puses ieraksta, vienojoties pirms līguma parakstīšanas" in text


def _settlement_words(catalogue: Catalogue, municipality: str, day: dt.date, target: Path) -> str:
    book = openpyxl.load_workbook(write_settlement_workbook(catalogue, catalogue.municipality(municipality), target,
                                                            build_date=day))
    cells = [c for row in book.active.iter_rows() for c in row]
    return " ".join([str(c.value) for c in cells if isinstance(c.value, str)]
                    + [c.comment.text for c in cells if c.comment is not None])


def test_the_settlement_names_an_advance_only_where_the_round_has_one(catalogue: Catalogue, later: Catalogue,
                                                                      later_confirmed: Catalogue,
                                                                      tmp_path: Path) -> None:
    """N10 (27): the advance in the round's first month is the pilot's procedure; a later round's settlement
    template names what came from the ministry and the settlement, not an advance, until its rules confirm one."""
    pilot = _settlement_words(catalogue, "jelgava", PILOT_DAY, tmp_path / "pilot.xlsx")
    assert "Saņemts no LM (1. mēnesī – avanss), EUR" in pilot and "Avansa norēķins" in pilot
    assert "avansu norēķina beigās" in pilot
    plain = _settlement_words(later, "cesis", TODAY, tmp_path / "later.xlsx")
    assert "avans" not in plain.lower()
    assert "Saņemts no LM, EUR" in plain and "Norēķins kārtas beigās" in plain
    confirmed = _settlement_words(later_confirmed, "cesis", TODAY, tmp_path / "confirmed.xlsx")
    assert "Saņemts no LM (1. mēnesī – avanss), EUR" in confirmed and "Avansa norēķins" in confirmed
