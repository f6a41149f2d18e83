"""audit45: a municipal lawyer read the signable papers (01, 02, 03, 08, 09, 17, 18, 29). One name for the ministry's
document that sets a round (F1, D202) and notes that quote their blank (F6); one caption for the social worker's
signature (F9); the parent contract's transport share, payment conditions, survey duty, reporting period and annex
form (F3, F11, F15–F17); the price annex's heading and notes (F4, F10); the preparer's lines on the re-application
invitation (F5) and on 29's two answers (F8); the norm blanks' lines (F12)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise, unnumbered
from tests.documents.from_matrix_helpers import docx_text

TODAY = dt.date(2026, 12, 3)  # the audit's build day: the pilot has ended, every round fact is a blank
IDS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "08-lemums-par-pieskirsanu",
       "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu", "18-vestule-par-neatbilstibu",
       "29-vestule-neatlasitajiem")
ACTS = ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
        "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem")
BASIS = ("08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu",
         "18-vestule-par-neatbilstibu")
PREPARER = re.compile(r'<p class="note preparer">(.*?)</p>', re.S)
RULES = "Labklājības ministrijas noteikum"  # every case of „Labklājības ministrijas noteikumi par kārtu”
# the other names the same document had (F1)
OTHER_NAMES = re.compile(r"kārtas atlases noteikum|lēmum\w* par kārtu|(?<!Labklājības ministrijas )noteikum\w* par kārtu|"
                         r"Labklājības ministrijas kārtas|[Kk]ārtas noteikum")
CAPTION = "Sagatavoja (sociālais darbinieks)"


class Papers:
    """One municipality's papers made on one day: the act's text (with its notes), the preparer's lines, the HTML."""

    def __init__(self, catalogue: Catalogue, day: dt.date) -> None:
        pilot = catalogue.rounds_of(Pilot.children)[0]
        place = catalogue.municipality("valmiera" if "valmiera" in pilot.municipalities else pilot.municipalities[0])
        self.documents = {d.spec.id: d for d in render_municipality(catalogue, place, [by_id(i) for i in IDS],
                                                                    build_date=day)}
        # the words: a blank's note read unnumbered, a blank without its mark (D369)
        self.text = {i: normalise(parse(unnumbered(PREPARER.sub("", d.body))).text())
                     for i, d in self.documents.items()}
        self.lines = {i: [normalise(parse(f"<p>{n}</p>").text()) for n in PREPARER.findall(d.body)]
                      for i, d in self.documents.items()}

    def everything(self, doc_id: str) -> str:
        return " ".join([self.text[doc_id], *self.lines[doc_id]])


@pytest.fixture(scope="module")
def today(catalogue: Catalogue) -> Papers:
    return Papers(catalogue, TODAY)


@pytest.fixture(scope="module")
def pilot(catalogue: Catalogue) -> Papers:
    return Papers(catalogue, catalogue.rounds_of(Pilot.children)[0].services_start)


def test_the_ministrys_round_document_has_one_name(today: Papers, pilot: Papers) -> None:
    """F1 (D202): „kārtas atlases noteikumi”, „noteikumi par kārtu” and „lēmums par kārtu” were one document under three
    names; every paper, legal basis, heading and note now says „Labklājības ministrijas noteikumi par kārtu”."""
    for papers in (today, pilot):
        for doc_id in IDS:
            text = papers.everything(doc_id)
            assert not OTHER_NAMES.search(text), (doc_id, OTHER_NAMES.search(text))
    for doc_id in BASIS:
        assert "Labklājības ministrijas noteikumus par kārtu (dokumenta datums un Nr. ______)" in today.text[doc_id], \
            doc_id
    for doc_id in ("08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu"):
        assert "Kritērijs (Labklājības ministrijas noteikumi par kārtu)" in today.text[doc_id], doc_id
    assert ("ievērojot šādus Labklājības ministrijas noteikumos par kārtu paredzētos atlases nosacījumus: ______"
            in today.text["29-vestule-neatlasitajiem"])
    # the name is in every act of the set after the round ended: the one document they all rest on
    for doc_id in ACTS:
        assert RULES in today.text[doc_id], doc_id


def test_the_notes_quote_their_blank(today: Papers) -> None:
    """F6: a note under a clause with several blanks names its blank by the blank's words."""
    for doc_id in IDS:
        assert "Piezīme. Tukšā vieta:" not in today.text[doc_id], doc_id
        assert "Piezīme. Tukšā vieta tiesiskajā pamatā:" not in today.text[doc_id], doc_id
    for doc_id in BASIS:
        assert ("Piezīme. Tukšā vieta „dokumenta datums un Nr. ______” tiesiskajā pamatā: ieraksta Labklājības "
                "ministrijas noteikumu par kārtu datumu un numuru.") in today.text[doc_id], doc_id
    assert ("Piezīme. Tukšā vieta „atlases nosacījumus: ______”: atlases nosacījumus ieraksta pēc Labklājības "
            "ministrijas noteikumiem par kārtu.") in today.text["29-vestule-neatlasitajiem"]


def test_the_social_worker_signs_under_one_caption(today: Papers) -> None:
    """F9: 08, 09, 17, 18 and 29 name the social worker's signature the same way."""
    for doc_id in ACTS:
        body = today.documents[doc_id].body
        signatures = body[body.index('<table class="plain signatures">'):]
        assert CAPTION in signatures, doc_id
        assert not re.search(r">\s*Sociālais darbinieks\s*<", signatures), doc_id


def _clause(text: str, words: str) -> str:
    """The number of the clause in whose text ``words`` stand."""
    numbers = list(re.finditer(r"(?<![\d.])(\d{1,2}\.\d{1,2}\.) ", text[:text.index(words)]))
    return numbers[-1].group(1)


def test_the_transport_share_blank_has_its_unit_and_strikes_whole(today: Papers) -> None:
    """F3: „ne vairāk kā ______ %”; the note calls it the largest allowed share in per cent; striking leaves a clause
    that stands („Neattiecas”), not a second sentence about „šo daļu” with nothing before it."""
    text, lines = today.text["01-ligums-ar-vecaku"], today.lines["01-ligums-ar-vecaku"]
    assert "izmanto ne vairāk kā ______ % no plānam pieejamā IB apmēra" in text
    assert ("Piezīme. Tukšā vieta „ne vairāk kā ______ %”: transporta izdevumu lielāko pieļaujamo daļu (procentos) "
            "ieraksta pēc Labklājības ministrijas noteikumiem par kārtu.") in text
    number = _clause(text, "Transporta un specializētā transporta izdevumiem")
    assert any(f"{number} punkta tekstu svītro un punktā raksta „Neattiecas”" in line for line in lines), lines
    assert not any("pirmo teikumu" in line for line in lines), lines


def test_the_contract_pays_for_services_before_signing_as_its_term_says(today: Papers) -> None:
    """F16 (D77): 2.2 makes the contract a condition of payment, and says it covers the plan's days before signing, as
    the term chapter does."""
    text = today.text["01-ligums-ar-vecaku"]
    assert "var saņemt tikai tad" not in text
    assert "2.2. No IB apmaksā tikai tos pakalpojumus, kuriem vienlaikus ir izpildīti visi šie nosacījumi:" in text
    chapter = re.search(r"(\d+)\. nodaļa „Līguma termiņš”", text)
    assert chapter is not None
    assert f" {chapter.group(1)}. Līguma termiņš " in text
    assert "ir noslēgts šis līgums; tas attiecas arī uz pakalpojumiem, kas atbalsta plāna periodā saņemti pirms " \
           "līguma parakstīšanas dienas" in text
    assert "arī pirms līguma parakstīšanas dienas" in text  # the term chapter's clause (D77) says the same


def test_the_survey_duty_and_its_voluntary_answers_agree(today: Papers) -> None:
    """F17: the parent takes part in the survey; answering stays free, as the data chapter says (the methodology
    offers the questionnaire and lets anyone skip a question or stop)."""
    text = today.text["01-ligums-ar-vecaku"]
    assert "aizpildīt dzīves kvalitātes aptaujas anketas" not in text
    assert ("piedalīties dzīves kvalitātes aptaujā kārtas sākumā un beigās (uz jebkuru jautājumu var "
            "neatbildēt un aptauju var pārtraukt – nodaļa „Personas datu apstrāde”)") in text
    chapter = re.search(r" (\d+)\. Personas datu apstrāde ", text)
    assert chapter is not None
    free = text.index("Uz jebkuru aptaujas jautājumu var neatbildēt")
    assert re.findall(r" (\d+)\.\d+\. ", text[:free])[-1] == chapter.group(1)


@pytest.mark.parametrize("doc_id", ["01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"])
def test_the_reporting_period_is_defined_where_first_used(today: Papers, doc_id: str) -> None:
    """F11: „pārskata periods” is defined by the time a paper uses it a second time (01: in 4.1 itself; 08: after the
    check date's field on page 1)."""
    text = today.text[doc_id]
    uses = [m.start() for m in re.finditer(r"[Pp]ārskata period", text)]
    definition = text.find("Pārskata periods ir viens no secīgiem laika posmiem, kuros sadalīts")
    assert definition != -1 and len(uses) >= 2, doc_id
    assert definition <= uses[1], doc_id
    assert "atbalsta plāns vienmēr iekļaujas vienā pārskata periodā" in text[definition:definition + 400]
    assert text.count("Pārskata periods ir viens no secīgiem") == 1, doc_id


def test_the_contract_names_form_05_as_the_form_names_itself(today: Papers) -> None:
    """F15: 01's annex clause names the providers' form by its own title and its number in the set."""
    title = by_id("05-iesniegums-par-sniedzejiem").title
    assert title == "Iesniegums par pakalpojumu sniedzēju izvēli"
    assert ("Arī Vecāka iesniegums par pakalpojumu sniedzēju izvēli (veidlapa 05; IBM matricas 6.9. "
            "tabula)") in today.text["01-ligums-ar-vecaku"]


def test_the_price_annex_dates_prices_only_when_it_prints_one(today: Papers, pilot: Papers) -> None:
    """F4: with every price a blank the heading dates the sources, not prices; the note says which redaction counts
    when the source names one. F10: the preparer's line names the act whose title the catalogue lacks."""
    for papers in (today, pilot):
        for doc_id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
            text = papers.text[doc_id]
            # audit35a F5: papers after the round ended date no source the catalogue cannot show in force
            head = re.search(r"grupu nodarbību augstākā cena \((cenas uz|cenu avoti uz|cenu avoti)( \d\d\.\d\d\.\d{4})?\):",
                             text)
            assert head is not None, doc_id
            table = text[head.end():text.index("Tukšā vieta „______ EUR”", head.end())]
            priced = re.search(r"\d+,\d\d EUR", table) is not None
            assert (head.group(1) == "cenas uz") is priced, (doc_id, head.group(0))
    for doc_id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
        text = today.text[doc_id]
        assert "(cenu avoti):" in text and "jāprecizē" not in text, doc_id  # D337
        assert re.search("______[¹²³⁴⁵⁶⁷⁸⁹]+", today.documents[doc_id].body), doc_id  # its marked blanks
        # D337: the catalogue's source with its redaction is the preparer's; the note still names the redaction
        assert any("(redakcija, kas ir spēkā no " in line for line in today.lines[doc_id]), doc_id
        assert ("kas ir spēkā pakalpojuma sniegšanas dienā; ja tajā dienā ir spēkā cita redakcija nekā ailē „Avots” "
                "minētā, noteicošā ir tā.") in text, doc_id
        # D337: the source with the title blank is the preparer's (the column's source is a blank)
        assert any(("Ministru kabineta 2021. gada 18. maija noteikumu Nr. 316 nosaukums rīkkopai nav "
                                   "zināms, tāpēc katalogā minētajā avotā tā vietā ir tukšā vieta") in line
                   for line in today.lines[doc_id]), today.lines[doc_id]
        assert not any("šā pielikuma avotos" in line for line in today.lines[doc_id]), doc_id


def test_the_invitation_to_reapply_has_a_line_to_strike_it(today: Papers) -> None:
    """F5: a new application cannot meet a deadline that has passed – 17 and 18 tell the preparer to strike the
    invitation when the reason ticked is late filing or the deadline has passed on the signing day."""
    refusal = today.lines["17-lemums-par-atteikumu"]
    # the deadline blank's line (D195) carries the choice: strike the invitation once the deadline has passed
    assert any("Ja šis termiņš lēmuma parakstīšanas dienā jau ir pagājis" in line and line.endswith("punktu svītro.")
               for line in refusal), refusal
    letter = today.lines["18-vestule-par-neatbilstibu"]
    assert any("svītro vārdus „vai – līdz iesniegšanas termiņam (__.__.______) – jaunu iesniegumu”" in line
               for line in letter), letter
    assert "vai – līdz iesniegšanas termiņam (__.__.______) – jaunu iesniegumu." in \
        today.text["18-vestule-par-neatbilstibu"]


def test_letter_29_states_an_answer_with_a_line_to_choose_it(today: Papers, pilot: Papers) -> None:
    """F8: a round whose rules the papers do not know gets both answers and the preparer's line to strike one; the
    pilot (its reserve from the methodology, D135) states its reserve alone."""
    letter = "29-vestule-neatlasitajiem"
    assert "nosaka Labklājības ministrijas noteikumi par kārtu; ja tie to paredz" not in today.text[letter]
    assert "Jūsu bērns paliek rezervē." in today.text[letter]
    assert "Vēlāka bērna iekļaušana kārtā nav paredzēta." in today.text[letter]  # neutral after the pilot (D129)
    assert any("No abām iepriekšējām rindkopām atstāj vienu:" in line and line.endswith("otru svītro.")
               for line in today.lines[letter]), today.lines[letter]
    assert "Jūsu bērns paliek rezervē." in pilot.text[letter]
    assert "nav paredzēta" not in pilot.text[letter]
    assert not any("No abām iepriekšējām rindkopām" in line for line in pilot.lines[letter])


def test_the_norm_blanks_lines_read_as_sentences(today: Papers) -> None:
    """F12: „Tukšā vieta ar piezīmi Nr. 4. Katalogā minētā norma: … likuma 17.¹ pants; šīs normas numurs …” – no doubled
    colon, and „norma” (feminine) rather than „tās numurs” of a „pants”."""
    lines = [line for doc_id in BASIS for line in today.lines[doc_id] if "Tukšā vieta ar piezīmi Nr." in line]
    assert lines
    for line in lines:
        assert re.search(r"Tukšā vieta ar piezīmi Nr\. \d+\. ", line), line
        assert "Katalogā minēts:" not in line and "tās numurs" not in line, line
    assert any("Katalogā minētā norma: " in line and "šīs normas numurs un redakcija" in line for line in lines), lines


def test_the_docx_says_what_the_pdf_says(today: Papers) -> None:
    """The DOCX is made from the same HTML: the changed wording is in it too, the preparer's lines beside it."""
    wanted = {
        "01-ligums-ar-vecaku": ("ne vairāk kā ______ % no plānam", "Pārskata periods ir viens no secīgiem",
                                "piedalīties dzīves kvalitātes aptaujā", "iesniegums par pakalpojumu sniedzēju izvēli "
                                "(veidlapa 05; IBM matricas 6.9. tabula)", "No IB apmaksā tikai tos pakalpojumus"),
        "29-vestule-neatlasitajiem": ("Vēlāka bērna iekļaušana", "No abām iepriekšējām rindkopām atstāj vienu",
                                      CAPTION, "Labklājības ministrijas noteikumos par kārtu paredzētos"),
        "18-vestule-par-neatbilstibu": (CAPTION, "Labklājības ministrijas noteikumus par kārtu (dokumenta datums"),
    }
    for doc_id, words in wanted.items():
        document = today.documents[doc_id]
        text = normalise(docx_text(html_to_docx(document.html, document.spec.title, document.version,
                                                document.created)))
        text = re.sub("(?<=_)[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", text)  # a footnote's mark (D369)
        for word in words:
            assert normalise(word) in text, (doc_id, word)


def test_decision_09s_clause_of_blanks_is_not_justified(today: Papers) -> None:
    """F13: 09's 1.2 („Ar Dienesta __.__.______ lēmumu Nr. ______ (un …)”) is mostly blanks; justified, Word and
    LibreOffice spread its first line with wide gaps – it is set left like every clause that begins with blanks."""
    body = today.documents["09-lemums-par-izbeigsanu"].body
    clause = re.search(r'<p class="([^"]*)">(?:(?!</p>).)*?Ar Dienesta __\.__\.______[⁰¹²³⁴⁵⁶⁷⁸⁹]* lēmumu Nr\.', body,
                       re.S)
    assert clause is not None
    assert clause.group(1).split() == ["clause", "left"], clause.group(1)
