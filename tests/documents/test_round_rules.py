"""The selection rules and the application deadline are the round's data (rounds.yaml, audit14 F8, F9, D124): the
pilot's papers print the pilot's rules from its round; a later round whose rules are `jāprecizē` prints blanks
and notes, never the pilot's text; a later round with its own rules prints those; the deadline is the round's
date or a blank naming who sets it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import PriceStatus
from generator.documents import figures
from generator.documents.build_step import render_municipality
from generator.documents.context import shared_context
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS, DocumentSpec
from tests.documents.conftest import normalise, unnumbered
from tests.documents.party_helpers import PILOT_DAY
from tests.round_yaml import SELECTION, catalogue_with_round, children_round_entry

TODAY = dt.date(2026, 12, 1)
IDS = ("02-ligums-ar-sniedzeju", "03-garantijas-vestule", "04-iesniegums-par-dalibu", "08-lemums-par-pieskirsanu",
       "17-lemums-par-atteikumu", "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem")
SPECS = [spec for spec in DOCUMENTS if spec.id in IDS]
CRITERIA = ("04-iesniegums-par-dalibu", "08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu")
ANNEXES = ("02-ligums-ar-sniedzeju", "03-garantijas-vestule")
DEADLINE_BLANK = "iesniegts līdz __.__.______ (termiņš, ko noteikusi Labklājības ministrija)"
CRITERION_NOTE = "Tukšā vieta kritēriju tabulā: kritēriju ieraksta pēc Labklājības ministrijas noteikumiem par kārtu"
GROUP_BLANK = "______ (Labklājības ministrijas noteikumi par kārtu)"
# form 04 of a round without confirmed rules: the tie-break rule a blank after the registration sentence (which
# keeps "to the minute" only where the round's procedures do, D135)
TIE_BREAK_BLANK = "Vienādu iesniegumu secību nosaka: ______."
TIE_BREAK_NOTE = ("Tukšā vieta pie reģistrācijas: kā sarindo vienādus iesniegumus, ieraksta pēc tiem pašiem Labklājības "
                  "ministrijas noteikumiem par kārtu, kurai iesniegumu pieņem.")
# words of the pilot's rules that no other round's papers may carry (besides the catalogue's own texts); the
# application form still asks whether the child is home-schooled ("mājmācībā"): a question, not a rule
PILOT_WORDS = ("deinstitucionaliz", "mājmācību", "9.2.2.1", "DI vienas vienības", "agrāk iesniegtajam")


def _without_act_names(catalogue: Catalogue, text: str) -> str:
    """``text`` with MK Nr. 313's full name shortened: a regulated price's act is cited in full (audit28 F9), and its
    title names the DI measure – the act's name, not a rule of the pilot."""
    return text.replace(normalise(catalogue.legal_acts.act("mk-313").forms.nominative), "MK Nr. 313")


def _second_round_catalogue(target: Path, **rules: object) -> Catalogue:
    """The catalogue with a made-up second children's round for Cēsis and Madona (services 01.10.2026–30.11.2027)."""
    entry = children_round_entry("berni-2026", "IBM ieviešana bērniem (izdomāta otrā kārta)", dt.date(2026, 9, 1),
                                 dt.date(2027, 12, 31), services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)),
                                 municipalities=("cesis", "madona"), **rules)  # type: ignore[arg-type]
    return catalogue_with_round(target, entry)


@pytest.fixture(scope="module")
def blank_round(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The second round's rules and deadline are `jāprecizē` (not written)."""
    return _second_round_catalogue(tmp_path_factory.mktemp("blank-round") / "catalogue")


@pytest.fixture(scope="module")
def ruled_round(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The second round has its own (made-up) confirmed rules and an application deadline of 15.09.2026."""
    return _second_round_catalogue(tmp_path_factory.mktemp("ruled-round") / "catalogue",
                                   deadline=dt.date(2026, 9, 15), rules=True)


# a preparer's instruction (D161): not a part of the act, printed on its own sheet after it
PREPARER_NOTE = re.compile(r'<p class="note preparer">.*?</p>', re.S)


def _texts(catalogue: Catalogue, municipality: str, day: dt.date, specs: Sequence[DocumentSpec] = SPECS,
           acts_only: bool = False) -> dict[str, str]:
    """Each document's text; ``acts_only``: without the preparer's instructions, which may name what an earlier
    round set, so that it is not copied (audit43 F4)."""
    documents = render_municipality(catalogue, catalogue.municipality(municipality), specs, build_date=day)
    # the words: a blank's note read unnumbered, a blank without its mark (D369)
    return {d.spec.id: normalise(parse(unnumbered(PREPARER_NOTE.sub("", d.body) if acts_only else d.body)).text())
            for d in documents}


def _annex(text: str) -> str:
    return text[text.index("Augstākās pieļaujamās cenas"):]


def test_a_pilot_municipalitys_papers_carry_the_pilots_rules(catalogue: Catalogue) -> None:
    selection = catalogue.round_by_id["berni-2018"].selection
    assert selection is not None
    texts = _texts(catalogue, "jelgava", PILOT_DAY)
    for doc_id in CRITERIA:
        assert normalise(selection.criterion_met) in texts[doc_id], doc_id
        assert "Bērna vajadzības ir izvērtētas deinstitucionalizācijas projektā" in texts[doc_id], doc_id
        assert CRITERION_NOTE not in texts[doc_id], doc_id
    assert "bērna vajadzības nav izvērtētas deinstitucionalizācijas projektā" in texts["18-vestule-par-neatbilstibu"]
    assert CRITERION_NOTE not in texts["18-vestule-par-neatbilstibu"]
    assert f"līdz minūtei. {normalise(selection.tie_break[:1].upper() + selection.tie_break[1:])}." in \
        texts["04-iesniegums-par-dalibu"]
    assert "arī mājmācību un iesnieguma iesniegšanas laiku" in texts["29-vestule-neatlasitajiem"]
    for doc_id in ANNEXES:
        annex = _annex(texts[doc_id])
        assert "DI vienas vienības izmaksu standarta likmju metodika (ESF 9.2.2.1. pasākums" in annex, doc_id
        assert "IBM metodikas 16.9. pielikums" in annex and GROUP_BLANK not in annex, doc_id


def test_the_pilots_deadline_is_a_blank_the_seeds_give_no_date(catalogue: Catalogue) -> None:
    deadline = catalogue.round_by_id["berni-2018"].application_deadline
    assert deadline is not None and deadline.date is None
    texts = _texts(catalogue, "jelgava", PILOT_DAY)
    for doc_id in CRITERIA:
        assert DEADLINE_BLANK in texts[doc_id], doc_id
        assert "Iesniegšanas termiņu („__.__.______”) ieraksta" in texts[doc_id], doc_id
        assert "noteiktajā termiņā" not in texts[doc_id], doc_id
    # the form refers back to its criteria table instead of a second blank with its own note (audit18 F10)
    assert "pēc iesniegšanas termiņa (sk. kritēriju tabulu)" in texts["04-iesniegums-par-dalibu"]
    assert "(__.__.______)" not in texts["04-iesniegums-par-dalibu"].split("Iesniegšanas termiņu")[1]


def test_a_later_rounds_papers_never_carry_the_pilots_rules(blank_round: Catalogue) -> None:
    pilot = blank_round.round_by_id["berni-2018"].selection
    assert pilot is not None
    pilot_texts = [normalise(text) for text in (pilot.criterion_met, pilot.criterion_unmet, pilot.tie_break,
                                                pilot.ministry_selection, pilot.group_price_basis)]
    # Cēsis is only in the new round, Madona in both; Valmiera's pilot has ended (its papers are for no round)
    for municipality, day in (("cesis", TODAY), ("madona", TODAY), ("valmiera", TODAY)):
        texts = _texts(blank_round, municipality, day)
        for doc_id, text in _texts(blank_round, municipality, day, acts_only=True).items():
            for words in (*PILOT_WORDS, *pilot_texts):
                assert words not in _without_act_names(blank_round, text), (municipality, doc_id, words)
        for doc_id in (*CRITERIA, "18-vestule-par-neatbilstibu"):
            assert CRITERION_NOTE in texts[doc_id], (municipality, doc_id)
        for doc_id in CRITERIA:
            assert DEADLINE_BLANK in texts[doc_id], (municipality, doc_id)
        assert "ievērojot šādus Labklājības ministrijas noteikumos par kārtu paredzētos atlases nosacījumus: ______." in texts["29-vestule-neatlasitajiem"]
        assert "atlases nosacījumus ieraksta pēc Labklājības ministrijas noteikumiem par kārtu" in \
            texts["29-vestule-neatlasitajiem"]
        # the tie-break rule is a blank with its note, not dropped (review1 F3)
        assert TIE_BREAK_BLANK in texts["04-iesniegums-par-dalibu"], municipality
        assert TIE_BREAK_NOTE in texts["04-iesniegums-par-dalibu"], municipality
        # registration to the minute is the pilot's procedure, stated only while the pilot runs (D135): not in the
        # new round's papers, nor in Valmiera's made after its pilot ended
        assert "Iesnieguma iesniegšanas datumu un laiku reģistrē." in texts["04-iesniegums-par-dalibu"]
        assert "līdz minūtei" not in texts["04-iesniegums-par-dalibu"]
        for doc_id in ANNEXES:
            annex = _annex(texts[doc_id])
            assert GROUP_BLANK in annex, (municipality, doc_id)
            assert "pēc ailē „Avots” norādītā" in annex, (municipality, doc_id)


def test_a_later_round_with_its_own_rules_and_deadline_prints_them(ruled_round: Catalogue) -> None:
    texts = _texts(ruled_round, "cesis", TODAY)
    for doc_id in CRITERIA:
        assert SELECTION["criterion_met"] in texts[doc_id], doc_id
        assert "iesniegts līdz 15.09.2026" in texts[doc_id], doc_id
        assert DEADLINE_BLANK not in texts[doc_id] and CRITERION_NOTE not in texts[doc_id], doc_id
        assert "Iesniegšanas termiņu" not in texts[doc_id], doc_id
    # the round confirms no procedures (D135): forwarding the applications is a blank, not the pilot's 3 days
    assert "Dienests iesniegumu nosūta ______ līdz __.__.______" in texts["04-iesniegums-par-dalibu"]
    rule = SELECTION["tie_break"]  # its own sentence after the registration rule, not its reason (audit18 F5)
    assert f"laiku reģistrē. {rule[:1].upper()}{rule[1:]}." in texts["04-iesniegums-par-dalibu"]
    assert SELECTION["criterion_unmet"] in texts["18-vestule-par-neatbilstibu"]
    # who selects is the round's procedure, not confirmed here (D135): a blank before the round's own rule
    assert f"atlasīja ______, {SELECTION['ministry_selection']}." in texts["29-vestule-neatlasitajiem"]
    for doc_id in ANNEXES:
        assert SELECTION["group_price_basis"] in _annex(texts[doc_id]), doc_id
    assert TIE_BREAK_BLANK not in texts["04-iesniegums-par-dalibu"]
    assert TIE_BREAK_NOTE not in texts["04-iesniegums-par-dalibu"]
    for doc_id, text in texts.items():
        for words in PILOT_WORDS:
            assert words not in _without_act_names(ruled_round, text), (doc_id, words)


DECISIONS = ("08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu")


def test_only_the_pilots_decisions_head_their_criteria_with_its_methodology(
        catalogue: Catalogue, blank_round: Catalogue, ruled_round: Catalogue) -> None:
    pilot = _texts(catalogue, "jelgava", PILOT_DAY)
    for doc_id in DECISIONS:
        assert "Kritērijs (izmēģinājumprojekta metodika)" in pilot[doc_id], doc_id
        assert "Kritērijs (Labklājības ministrijas noteikumi par kārtu)" not in pilot[doc_id], doc_id
    # a later round's decisions cite its own rules, confirmed or still blanks (Madona is in both rounds)
    for later, municipality in ((blank_round, "cesis"), (blank_round, "madona"), (ruled_round, "cesis")):
        texts = _texts(later, municipality, TODAY)
        for doc_id in DECISIONS:
            assert "Kritērijs (Labklājības ministrijas noteikumi par kārtu)" in texts[doc_id], (municipality, doc_id)
            assert "izmēģinājumprojekta metodika" not in texts[doc_id], (municipality, doc_id)


def test_a_later_rounds_decisions_cite_its_selection_rules_not_the_pilots_methodology(
        catalogue: Catalogue, ruled_round: Catalogue) -> None:
    """audit18 F1, F2 (D128): 17 §3.1 and the legal basis of 08, 17 and 18 cite the round's selection rules with a
    blank for the ministry's document; the pilot's papers keep its methodology."""
    texts = _texts(ruled_round, "cesis", TODAY)
    basis = "Labklājības ministrijas noteikumus par kārtu (dokumenta datums un Nr. ______):"
    for doc_id in (*DECISIONS, "18-vestule-par-neatbilstibu"):
        assert basis in texts[doc_id], doc_id
        assert "metodiku (projekts Nr." not in texts[doc_id], doc_id
        assert "ieraksta Labklājības ministrijas noteikumu par kārtu datumu un numuru" in texts[doc_id], doc_id
    assert "atbilst visiem Labklājības ministrijas noteikumos par kārtu noteiktajiem kritērijiem" in texts["17-lemums-par-atteikumu"]
    pilot = _texts(catalogue, "jelgava", PILOT_DAY)
    assert "atbilst visiem izmēģinājumprojekta metodikā noteiktajiem kritērijiem" in pilot["17-lemums-par-atteikumu"]
    for doc_id in (*DECISIONS, "18-vestule-par-neatbilstibu"):
        assert "metodiku (projekts Nr." in pilot[doc_id] and basis not in pilot[doc_id], doc_id


def test_new_applications_are_bounded_by_the_deadline_and_a_passed_one_is_noted(
        catalogue: Catalogue, ruled_round: Catalogue) -> None:
    """audit18 F3, F4, F6, F7, F9: a new application only until the deadline (17, 18); form 04 made after the
    deadline says so and leaves late applications to the ministry's rules; 18 lists the residence/deadline
    criterion; 29 gives a neutral reason in a later round; one wording of the disability criterion."""
    texts = _texts(ruled_round, "cesis", TODAY)
    assert "jaunu iesniegumu līdz iesniegšanas termiņam (15.09.2026), kamēr" in texts["17-lemums-par-atteikumu"]
    assert "vai – līdz iesniegšanas termiņam (15.09.2026) – jaunu iesniegumu" in texts["18-vestule-par-neatbilstibu"]
    passed = "Iesniegšanas termiņš (15.09.2026) dokumenta sagatavošanas dienā jau ir pagājis."
    assert passed in texts["04-iesniegums-par-dalibu"]
    assert "nosaka Labklājības ministrijas noteikumi par kārtu" in texts["04-iesniegums-par-dalibu"]
    assert passed not in _texts(ruled_round, "cesis", dt.date(2026, 9, 15))["04-iesniegums-par-dalibu"]
    # residence and the deadline are two grounds, each with its box (audit34 F6)
    letter = texts["18-vestule-par-neatbilstibu"]
    # the municipality's first mention in the letter defines its term (review10)
    assert ("☐bērna deklarētā dzīvesvieta nav ______________________________ (pašvaldības nosaukums ģenitīvā; "
            "turpmāk – Pašvaldība) administratīvajā teritorijā ☐iesniegums") in letter
    assert "iesniegums iesniegts pēc 15.09.2026" in letter and "teritorijā, vai iesniegums" not in letter
    # 29's reason is the selection's result, a field to fill in any round, never a fixed text (audit34 F3, D162)
    for letter in (texts["29-vestule-neatlasitajiem"],
                   _texts(catalogue, "jelgava", PILOT_DAY)["29-vestule-neatlasitajiem"]):
        assert "netika iekļauts šāda iemesla dēļ: Iemesls" in letter
        assert "jau bija aizpildītas" not in letter.split("Piezīme")[0]
    criterion = "viņam ir noteikusi invaliditāti, kas ir spēkā"
    for doc_id in CRITERIA:
        assert criterion in texts[doc_id], doc_id
    assert "viņam nav noteikusi invaliditāti, kas ir spēkā" in texts["18-vestule-par-neatbilstibu"]


def test_an_ended_rounds_name_is_a_blank_with_one_note(catalogue: Catalogue) -> None:
    """audit18 F19, F20 (D128): after the pilot has ended its papers do not name it; one note for the name and one
    plural sentence for all date blanks; decisions say "kurā iesniegums iesniegts"."""
    name = catalogue.round_by_id["berni-2018"].name_lv
    texts = _texts(catalogue, "jelgava", TODAY)
    for doc_id, text in texts.items():
        assert name not in text, doc_id
        assert "kārtas nosaukumu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu" in text, doc_id
        assert "izmēģinājumprojektā „" not in text, doc_id
    assert ("Tukšās vietas „__.__.______”: kārtas sākuma un beigu dienu un laiku, kurā saņemtos "
            "pakalpojumus apmaksā no individuālā budžeta, ieraksta") in texts["03-garantijas-vestule"]
    assert "kārta nedrīkst būt beigusies dokumenta parakstīšanas dienā" in texts["02-ligums-ar-sniedzeju"]
    assert "Tāpat pēc šā lēmuma" not in texts["02-ligums-ar-sniedzeju"]
    assert "par kārtu, kurā iesniegums iesniegts" in texts["17-lemums-par-atteikumu"]
    running = _texts(catalogue, "jelgava", PILOT_DAY)
    assert name in running["17-lemums-par-atteikumu"]
    assert "kārtas nosaukumu ieraksta" not in running["17-lemums-par-atteikumu"]


def test_the_rate_age_names_the_check_date_first(ruled_round: Catalogue) -> None:
    """audit18 F12: the check date comes first, its definition in brackets."""
    texts = _texts(ruled_round, "cesis", TODAY)
    assert ("bērnam, kuram pārbaudes datumā (tā pārskata perioda pirmajā dienā, kurā sākas atbalsta plāns) ir ne "
            "vairāk kā") in texts["08-lemums-par-pieskirsanu"]


def test_a_later_rounds_group_price_is_a_blank_even_once_the_pilots_ceiling_is_confirmed(
        tmp_path: Path, catalogue: Catalogue) -> None:
    """review1 F2: with the client-transport reduction confirmed, the group ceiling is a figure (the pilot's DI unit
    cost less the reduction); a later round with its own rules cites its own basis and prints a blank price with a
    note naming that basis, never the pilot's figure. The pilot's papers keep it."""
    ruled = _second_round_catalogue(tmp_path / "katalogs", rules=True)
    reduction = tmp_path / "katalogs" / "prices" / "grupu-nodarbibu-transporta-samazinajums.yaml"
    reduction.write_text(reduction.read_text("utf-8").replace("status: jāprecizē", "status: apstiprināts"), "utf-8")
    ruled = load_or_raise(tmp_path / "katalogs")
    amount, status = ruled.group_ceiling(PILOT_DAY)
    assert amount is not None and status is PriceStatus.confirmed  # a figure now, not a blank

    def group_row(municipality: str, day: dt.date) -> figures.PriceRow:
        [row] = [r for r in shared_context(ruled, day, municipality=municipality)["prices"] if r.group]
        return row

    later = group_row("cesis", TODAY)
    assert later.price == figures.Figure(figures.BLANK_EUR, f"cenu ieraksta pēc šī avota: {SELECTION['group_price_basis']}")
    assert later.source.startswith(SELECTION["group_price_basis"])
    pilot = group_row("jelgava", PILOT_DAY)
    assert pilot.price.confirmed and pilot.price.text == lvformat.eur(amount)
    assert "DI vienas vienības" in pilot.source


def test_the_deadline_inside_a_sentence_is_the_date_or_a_bare_blank(blank_round: Catalogue,
                                                                     ruled_round: Catalogue) -> None:
    """`atlase.deadline_short` (review1 F15): what 17 and 18 print inside their sentence."""
    from generator.documents import terms
    from generator.documents.round_rules import rules_context

    ruled = rules_context(ruled_round, terms.plan_round(ruled_round, "berni-2026"), TODAY)
    assert (ruled["deadline_short"], ruled["deadline"]) == ("15.09.2026", "15.09.2026")
    blank = rules_context(blank_round, terms.plan_round(blank_round, "berni-2026"), TODAY)
    assert blank["deadline_short"] == terms.BLANK_DATE and blank["deadline"] != terms.BLANK_DATE
    texts = _texts(blank_round, "cesis", TODAY)
    assert f"jaunu iesniegumu līdz iesniegšanas termiņam ({terms.BLANK_DATE}), kamēr" in texts["17-lemums-par-atteikumu"]
    assert f"līdz iesniegšanas termiņam ({terms.BLANK_DATE}) – jaunu iesniegumu" in texts["18-vestule-par-neatbilstibu"]


def test_a_later_rounds_papers_do_not_call_it_the_pilot(catalogue: Catalogue, blank_round: Catalogue) -> None:
    """D129: the age criterion of 08 (and every other phrase naming the round or its programme) comes from the round's
    kind: a later round is "kārta" of the "programma", never "izmēģinājumprojekta kārta"; the pilot keeps its words."""
    documents = render_municipality(blank_round, blank_round.municipality("cesis"), DOCUMENTS, build_date=TODAY)
    later = {d.spec.id: normalise(parse(d.body).text()) for d in documents}
    # the title in the footer, the PDF's <title> and the DOCX properties says what the heading says
    titles = {d.spec.id: d.spec.title for d in documents}
    assert titles["04-iesniegums-par-dalibu"] == "Iesniegums par dalību programmā"
    assert titles["01-ligums-ar-vecaku"] == "Līgums par dalību programmā un individuālā budžeta saņemšanu"
    assert [d.spec.id for d in documents if "izmēģinājumprojekt" in d.html.lower()] == []
    grant = later["08-lemums-par-pieskirsanu"]
    assert "Bērnam kārtas pēdējā dienā (31.12.2027) vēl nav" in grant, grant
    assert "dalību kārtā „IBM ieviešana bērniem (izdomāta otrā kārta)”" in grant
    for doc_id, text in later.items():
        assert "izmēģinājumprojekt" not in text.lower(), (doc_id, text[text.lower().find("izmēģinājumprojekt") - 80:][:200])
    pilot = _texts(catalogue, "jelgava", PILOT_DAY)
    pilot_titles = {d.spec.id: d.spec.title for d in render_municipality(
        catalogue, catalogue.municipality("jelgava"), DOCUMENTS, build_date=PILOT_DAY)}
    assert pilot_titles == {spec.id: spec.title for spec in DOCUMENTS}
    assert "Bērnam izmēģinājumprojekta kārtas pēdējā dienā (31.10.2019) vēl nav" in pilot["08-lemums-par-pieskirsanu"]
    assert "dalību izmēģinājumprojekta kārtā „IBM izmēģinājumprojekts bērniem" in pilot["08-lemums-par-pieskirsanu"]


def test_a_later_rounds_papers_agree_and_keep_no_pilot_facts(catalogue: Catalogue, blank_round: Catalogue) -> None:
    """audit25: the programme's pronoun agrees with its gender (N1), every further plan period gets its plan (N6),
    the pilot's 10 % transport share (N2) and project server (N5) are not facts of a round without them (D135)."""
    later = _texts(blank_round, "cesis", TODAY, DOCUMENTS)
    pilot = _texts(catalogue, "jelgava", PILOT_DAY, DOCUMENTS)
    assert "informēt ģimeni par programmu, tās nosacījumiem" in later["01-ligums-ar-vecaku"]
    assert "informēt ģimeni par izmēģinājumprojektu, tā nosacījumiem" in pilot["01-ligums-ar-vecaku"]
    for texts in (later, pilot):
        assert "Katram nākamajam atbalsta plāna periodam līgumam pievieno jaunu atbalsta plānu." in \
            texts["01-ligums-ar-vecaku"]
    share = "Transporta izdevumi kopā nedrīkst pārsniegt"
    assert share in pilot["06-izdevumu-atmaksas-pieprasijums"]
    assert share not in later["06-izdevumu-atmaksas-pieprasijums"]
    assert "nosaka līgums par bērna dalību" in later["06-izdevumu-atmaksas-pieprasijums"]
    assert "projekta serverī" in pilot["23-nosaukumu-instrukcija"]
    assert "Dienesta noteiktajā elektroniskajā glabātavā" in later["23-nosaukumu-instrukcija"]


def test_no_template_writes_the_pilot_for_every_round() -> None:
    """D129: the word comes from `veids` (round_rules.kind_context); a template writes it only in a part printed for
    the programme's first round alone (`karta.first`)."""
    templates = Path(__file__).resolve().parents[2] / "templates" / "dokumenti"
    found = [f"{path.name}:{n}" for path in sorted(templates.rglob("*.j2"))
             for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
             if "izmēģinājumprojekt" in line.lower() and "{% if karta.first %}" not in line]
    assert found == []
