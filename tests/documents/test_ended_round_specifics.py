"""Papers made after the children's pilot round ended state none of its specifics (D127, D135, audit43): no first-plan
length and no count of its periods in the parent contract, the round's project (not the pilot's) on the invoices
with a note to strike it, a note for the age criterion's blank date, preparer's lines that name what an earlier
round set instead of "citas kārtas …", the methodology's annex 8 named as such, and a note on a price source act
the catalogue does not know in force. The pilot's own papers (made while it ran) keep its wording."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import Pilot
from generator.documents import figures
from generator.documents.build_step import render_municipality
from generator.documents.context import shared_context
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise, unnumbered

IDS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "04-iesniegums-par-dalibu",
       "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "14-patapinajuma-ligums", "17-lemums-par-atteikumu",
       "18-vestule-par-neatbilstibu", "29-vestule-neatlasitajiem")
AGE_DOCUMENTS = ("08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu", "18-vestule-par-neatbilstibu")
CRITERIA_DOCUMENTS = ("04-iesniegums-par-dalibu", *AGE_DOCUMENTS)
INVOICES = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule")
PREPARER = re.compile(r'<p class="note preparer">(.*?)</p>', re.S)
FIRST_PLAN = "pirmais atbalsta plāns"
AGE_NOTE = "Tukšā vieta „__.__.______” kritērijā par bērna vecumu:"
AGE_INSTRUCTION = "Kārtas pēdējo dienu ieraksta tās kārtas, kurā iesniegums iesniegts"
STRIKE = "Ja kārta, kurai dokumentu paraksta, nenotiek projektā, šajā punktā svītro vārdus „projekta numuru ______"


class Papers:
    """One municipality's papers made on one day: each act's text and its preparer's instructions."""

    def __init__(self, catalogue: Catalogue, day: dt.date, municipality: str | None = None) -> None:
        pilot = catalogue.rounds_of(Pilot.children)[0]
        place = catalogue.municipality(municipality or pilot.municipalities[0])
        documents = render_municipality(catalogue, place, [by_id(d) for d in IDS], build_date=day)
        # the words: a blank's note read unnumbered, a blank without its mark (D369)
        self.text = {d.spec.id: normalise(parse(unnumbered(PREPARER.sub("", d.body))).text()) for d in documents}
        self.notes = {d.spec.id: [normalise(parse(f"<p>{n}</p>").text()) for n in PREPARER.findall(d.body)]
                      for d in documents}

    def noted(self, doc_id: str, words: str) -> bool:
        return any(words in note for note in self.notes[doc_id])


def _pilot(catalogue: Catalogue):  # noqa: ANN202
    return catalogue.rounds_of(Pilot.children)[0]


@pytest.fixture(scope="module")
def ended_day(catalogue: Catalogue) -> dt.date:
    """The day after the pilot ended, when no later children's round runs (the papers are for no round)."""
    day = _pilot(catalogue).end + dt.timedelta(days=1)
    if any(r.start <= day <= r.end for r in catalogue.rounds_of(Pilot.children)[1:]):
        pytest.skip("a later children's round runs the day after the pilot")
    return day


@pytest.fixture(scope="module")
def ended(catalogue: Catalogue, ended_day: dt.date) -> Papers:
    return Papers(catalogue, ended_day)


@pytest.fixture(scope="module")
def running(catalogue: Catalogue, built_day: dt.date) -> Papers:
    """The papers made on the first service day of the pilot, while it runs."""
    return Papers(catalogue, built_day)


def test_the_ended_pilots_first_plan_length_is_not_in_the_contract(catalogue: Catalogue, ended: Papers,
                                                                   running: Papers, ended_day: dt.date,
                                                                   built_day: dt.date) -> None:
    """F1: 4.5's "(izmēģinājumprojekta pirmais atbalsta plāns – 5 mēneši)" only while the pilot runs."""
    assert FIRST_PLAN in running.text["01-ligums-ar-vecaku"]
    for doc_id in IDS:
        assert FIRST_PLAN not in ended.text[doc_id], doc_id
        assert not any(FIRST_PLAN in note for note in ended.notes[doc_id]), doc_id
    assert shared_context(catalogue, ended_day)["karta"]["first"] is False
    assert shared_context(catalogue, built_day)["karta"]["first"] is True


def test_the_plan_table_has_as_many_rows_as_a_contract_holds_plans_not_the_ended_rounds_periods(
        tmp_path: Path, catalogue: Catalogue, ended_day: dt.date) -> None:
    """F1: a pilot of 3-month reporting periods (4 of them) still prints 4 rows while it runs; after it ended the
    rows are the plans a contract of contract_term_months can hold (12 / 6 = 2), not its 4 periods."""
    target = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds = target / "rounds.yaml"
    text = rounds.read_text("utf-8")
    assert "    reporting_period_months: 6\n" in text
    rounds.write_text(text.replace("    reporting_period_months: 6\n", "    reporting_period_months: 3\n", 1), "utf-8")
    quarterly = load_or_raise(target)
    start = _pilot(quarterly).services_start
    assert len(quarterly.round_periods(_pilot(quarterly))) == 4
    day = catalogue.latest_date
    term = int(catalogue.programme.contract_term_months.at(day).value)
    longest = int(catalogue.programme.period_months_max.at(day).value)
    rows = -(-term // longest)
    assert rows != 4
    during = Papers(quarterly, start).text["01-ligums-ar-vecaku"]
    after = Papers(quarterly, ended_day).text["01-ligums-ar-vecaku"]
    assert "4. periods" in during and "5. periods" not in during
    assert f"{rows}. periods" in after and f"{rows + 1}. periods" not in after


def test_an_ended_rounds_age_criterion_blank_has_a_note_and_an_instruction(ended: Papers, running: Papers) -> None:
    """F3: 08, 17, 18 print „kārtas pēdējā dienā (__.__.______)” with a note naming where the date comes from and the
    preparer's instruction, as 01/02/03/14 do for the round's dates (D161); with the date printed, none."""
    for doc_id in AGE_DOCUMENTS:
        assert "pēdējā dienā (__.__.______)" in ended.text[doc_id], doc_id
        assert AGE_NOTE in ended.text[doc_id], doc_id
        assert "pēdējo dienu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu, kurā iesniegums iesniegts" in \
            ended.text[doc_id], doc_id
        assert ended.noted(doc_id, AGE_INSTRUCTION), doc_id
        assert AGE_NOTE not in running.text[doc_id], doc_id
        assert not running.noted(doc_id, AGE_INSTRUCTION), doc_id
    assert ended.noted("04-iesniegums-par-dalibu", "Kārtas pēdējo dienu ieraksta tās kārtas, kurai iesniegumu pieņem")


def test_the_preparers_lines_name_what_an_earlier_round_set(catalogue: Catalogue, ended: Papers,
                                                             running: Papers) -> None:
    """F4: no "citas kārtas …" that names nothing; the ended round's project name, criterion and selection rules from
    rounds.yaml, never in the act itself; none of these lines while the pilot runs (its values are printed)."""
    pilot = _pilot(catalogue)
    assert pilot.project is not None and pilot.selection is not None
    criterion = normalise(pilot.selection.criterion_met)
    for doc_id in IDS:
        assert not any("citas kārtas" in note.lower() for note in ended.notes[doc_id]), doc_id
        assert ended.noted(doc_id, f"Agrākas kārtas projekta („{pilot.project.name_lv}”) numuru"), doc_id
        assert not running.noted(doc_id, "Agrākas kārtas"), doc_id
    for doc_id in CRITERIA_DOCUMENTS:
        assert criterion not in ended.text[doc_id], doc_id
    for doc_id in ("04-iesniegums-par-dalibu", "08-lemums-par-pieskirsanu", "17-lemums-par-atteikumu"):
        assert ended.noted(doc_id, f"agrākas kārtas kritēriju „{criterion}” raksta tikai tad"), doc_id
    assert ended.noted("29-vestule-neatlasitajiem", "Agrākas kārtas atlases nosacījumus („")


def test_no_preparers_line_about_a_criterion_no_round_had(tmp_path: Path, ended_day: dt.date) -> None:
    """F4: where no earlier (or the ended) round has confirmed selection rules, nothing was dropped: no line."""
    target = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds = target / "rounds.yaml"
    text = rounds.read_text("utf-8")
    marker = "    selection:\n      status: apstiprināts\n"
    assert text.count(marker) == 1
    rounds.write_text(text.replace(marker, "    selection:\n      status: jāprecizē\n"), "utf-8")
    papers = Papers(load_or_raise(target), ended_day)
    for doc_id in (*CRITERIA_DOCUMENTS, "29-vestule-neatlasitajiem"):
        assert not papers.noted(doc_id, "agrākas kārtas kritēriju"), doc_id
        assert not papers.noted(doc_id, "Agrākas kārtas atlases nosacījumus"), doc_id
        assert papers.noted(doc_id, "Agrākas kārtas projekta"), doc_id  # the project was still dropped


def test_annex_8_is_the_methodologys(ended: Papers, running: Papers) -> None:
    """F5: the base amount's note names „metodikas 8. pielikums” (D194), not a bare „8. pielikums”."""
    for papers in (ended, running):
        for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
            assert "(IB provizoriskā apmēra aprēķins, metodikas 8. pielikums)" in papers.text[doc_id], doc_id
            assert "aprēķins, 8. pielikums" not in papers.text[doc_id], doc_id


def test_invoices_name_the_rounds_project_after_the_pilot_ended(catalogue: Catalogue, ended: Papers,
                                                                running: Papers) -> None:
    """F6: the pilot's papers ask for the pilot's project number; papers made after it ended for the round's
    project (a blank), with an instruction to strike it when the round has none."""
    number = _pilot(catalogue).project.number
    for doc_id in INVOICES:
        assert "norāda projekta numuru ______ „______” vai" in ended.text[doc_id], doc_id
        assert "izmēģinājumprojekta numuru" not in ended.text[doc_id], doc_id
        assert ended.noted(doc_id, STRIKE), doc_id
        assert f"norāda izmēģinājumprojekta numuru {number} „" in running.text[doc_id], doc_id
        assert not running.noted(doc_id, STRIKE), doc_id
    assert "Programmā (projekts Nr. ______) bērns" in ended.text["03-garantijas-vestule"]  # neutral (D129)
    assert ended.noted("03-garantijas-vestule", "šajā punktā svītro „(projekts Nr. ______)”")
    assert f"Izmēģinājumprojektā (Nr. {number}) bērns" in running.text["03-garantijas-vestule"]
    for doc_id in IDS:
        assert ended.noted(doc_id, "Ja kārta, kurai dokumentu paraksta, nenotiek projektā, rindu „Projekts Nr."), doc_id


def test_a_price_source_act_not_known_in_force_has_a_note_after_the_round_ended(
        catalogue: Catalogue, ended: Papers, running: Papers, ended_day: dt.date) -> None:
    """F9: the price annex cites MK Nr. 313 (the pilot's DI measure rules); papers made after the round ended tell the
    preparer that, if it no longer applies to the round, the price comes from what the ministry set for it. The act
    is named as tiesibu-akti.yaml does, only because the catalogue does not know it in force on the prices day."""
    act = catalogue.legal_acts.act("mk-313")
    assert not act.known_in_force_on(ended_day)
    short = figures.regulation_name(act.adopted, "313")
    for doc_id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
        assert ended.noted(doc_id, f"ir norādīts akts, kura spēkā esamību cenu dienā ({lvformat.date(ended_day)}) "
                                   f"rīkkopa nav pārbaudījusi: {short}."), doc_id
        assert not ended.noted(doc_id, "nav pierādīts"), doc_id  # audit44 N6: no doubt about the act itself
        # audit44 N6: the act's title blank: the annex's note says what to write, the preparer's line only why
        # D337: the row's source is a blank with a note, so the title's blank is the preparer's only
        assert "Tukšā vieta akta nosaukumā ailē „Avots”" not in ended.text[doc_id], doc_id
        assert "jāprecizē" not in ended.text[doc_id], doc_id
        # audit45 F10: the line names the act whose title the catalogue lacks, and the column by its name
        assert any(UNTITLED.search(note) for note in ended.notes[doc_id]), ended.notes[doc_id]
        assert not any("ieraksta" in note for note in ended.notes[doc_id] if "nosaukums rīkkopai" in note), doc_id
        assert ended.noted(doc_id, "augstāko cenu un avotu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu."), \
            doc_id
        assert not running.noted(doc_id, short), doc_id  # the pilot's rules (its methodology) name this source


def test_letter_18_quotes_the_dropped_criterion_as_its_rows_read(catalogue: Catalogue, ended: Papers) -> None:
    """audit44 N1: 18's rows are the criteria the child fails, so its preparer's line quotes the dropped criterion in
    that negated form (rounds.yaml criterion_unmet, as the pilot's row printed it), never the positive one whose copy
    would state the opposite."""
    rules = _pilot(catalogue).selection
    unmet, met = normalise(rules.criterion_unmet), normalise(rules.criterion_met)
    assert unmet != met
    letter = "18-vestule-par-neatbilstibu"
    assert ended.noted(letter, f"agrākas kārtas kritēriju „{unmet}” raksta tikai tad"), ended.notes[letter]
    assert not ended.noted(letter, met)
    assert unmet not in ended.text[letter]


UNTITLED = re.compile(r"Ministru kabineta \d{4}\. gada \d{1,2}\. \w+ noteikumu Nr\. \d+ nosaukums rīkkopai nav zināms, "
                      r"tāpēc katalogā minētajā avotā tā vietā ir tukšā vieta")
SELECTION_LINE = re.compile(r"Agrākas kārtas atlases nosacījumus \(„(.+?)”\)")


def test_letter_29_quotes_the_earlier_rules_as_the_words_for_its_blank(catalogue: Catalogue, ended: Papers) -> None:
    """audit44 N2: 29's blank follows „ievērojot šādus … atlases nosacījumus:” (audit45 F1), so the quoted rules are the words
    for it: not a second „ievērojot”, and not the pilot's methodology as their source (D135) – the rest of the
    catalogue's text as it stands."""
    letter = "29-vestule-neatlasitajiem"
    assert "ievērojot šādus Labklājības ministrijas noteikumos par kārtu paredzētos atlases nosacījumus: ______" in ended.text[letter]
    quoted = [m.group(1) for note in ended.notes[letter] for m in [SELECTION_LINE.search(note)] if m]
    assert len(quoted) == 1, ended.notes[letter]
    rules = normalise(_pilot(catalogue).selection.ministry_selection)
    assert rules.startswith("ievērojot ") and "metodikā" in rules  # what the catalogue says (the pilot's letter)
    assert not quoted[0].startswith("ievērojot"), quoted[0]
    assert "metodik" not in quoted[0], quoted[0]
    assert rules.endswith(quoted[0][-60:]) and len(quoted[0]) > 60


def test_letter_29_reason_line_uses_the_letters_own_words(ended: Papers, running: Papers) -> None:
    """audit44 N3: the reason's example names what the letter says the selection followed – the pilot's „atlases
    nosacījumi” in both (audit45 F1: „atlases noteikumi” was a second name of the ministry's rules) – never „noteikumos minētās
    pazīmes” of a letter that names no rules."""
    letter = "29-vestule-neatlasitajiem"
    assert running.noted(letter, "priekšroka bija citiem iesniegumiem pēc iepriekš minētajiem atlases nosacījumiem.")
    assert ended.noted(letter, "priekšroka bija citiem iesniegumiem pēc iepriekš minētajiem atlases nosacījumiem.")
    for papers in (running, ended):
        assert not papers.noted(letter, "noteikumos minētajām"), papers.notes[letter]


def test_a_papers_only_round_date_is_named_as_its_end_day(ended: Papers) -> None:
    """audit44 N4: 14 leaves only the round's end blank („kārtas beigām (__.__.______)”, its note „beigu dienu”), so
    its preparer's line says „Kārtas beigu dienu …”, not „Kārtas dienas …”; 03 (start and end) keeps the plural."""
    loan = "14-patapinajuma-ligums"
    assert "beigu dienu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu" in ended.text[loan]
    assert "sākuma un beigu dienu" not in ended.text[loan]
    assert ended.noted(loan, "Kārtas beigu dienu ieraksta tās kārtas, kurai dokumentu paraksta")
    assert not ended.noted(loan, "Kārtas dienas")
    assert ended.noted("03-garantijas-vestule", "Kārtas dienas ieraksta tās kārtas, kurai dokumentu paraksta")


def test_decision_17_offers_the_rounds_places_after_the_pilot_ended(ended: Papers, running: Papers) -> None:
    """audit44 N10: 17's re-application clause names free places „kārtā” in a paper made after the pilot ended (the
    round the new application is for), „izmēģinājumprojektā” only while the pilot runs."""
    decision = "17-lemums-par-atteikumu"
    assert re.search(r"jaunu iesniegumu līdz iesniegšanas termiņam \(__\.__\.______\), kamēr kārtā ir brīvas vietas\.",
                     ended.text[decision]), ended.text[decision]
    assert "kamēr izmēģinājumprojektā ir brīvas vietas" not in ended.text[decision]
    assert "kamēr izmēģinājumprojektā ir brīvas vietas" in running.text[decision]


def test_the_round_names_blank_says_it_is_a_childrens_rounds(catalogue: Catalogue, ended: Papers,
                                                              running: Papers) -> None:
    """audit31e F3 (D254): the municipality's last round can be the adults' one, so the note under the round's blank
    and the preparer's line name the children's programme – in words, not by the ended pilot's name (D128); with
    the round's name printed, neither."""
    # after the pilot the papers call it neutrally „kārta” (D129, D135)
    blank = (f"Tukšā vieta „{figures.BLANK}” kārtas nosaukuma vietā: bērnu programmas kārtas "
             "nosaukumu ieraksta pēc ")
    whose = "Šie dokumenti ir bērnu programmai, nevis pieaugušo programmai."
    noted = [doc_id for doc_id in IDS if blank in ended.text[doc_id]]
    assert {"01-ligums-ar-vecaku", "04-iesniegums-par-dalibu"} <= set(noted), noted
    for doc_id in noted:
        assert whose in ended.text[doc_id], doc_id
        assert ended.noted(doc_id, "Kārtas nosaukumu ieraksta tās bērnu programmas kārtas, kurai dokumentu paraksta"), \
            doc_id
        assert blank not in running.text[doc_id] and whose not in running.text[doc_id], doc_id
        assert _pilot(catalogue).name_lv not in ended.text[doc_id], doc_id
