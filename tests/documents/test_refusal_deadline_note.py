"""Decision 17's re-application clause (4.2: a new application „līdz iesniegšanas termiņam (__.__.______)”): its
blank date has, as every blank date of a signed paper (D161, D195), a note right under the clause saying where the
date comes from, and a preparer's instruction saying what goes there – the criteria table's deadline – which the
preparer's sheet lists at the page of the clause. A round whose deadline is confirmed prints the date and neither.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import parse
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id
from tests.documents.conftest import normalise, pdf_pages
from tests.round_yaml import catalogue_with_round, children_round_entry

DECISION = "17-lemums-par-atteikumu"
PREPARER = re.compile(r'<p class="note preparer">(?:\s*<strong>[^<]*</strong>)?(.*?)</p>', re.S)
CLAUSE = re.compile(r"(\d+\.\d+\.) Ja apstākļi mainās .*? jaunu iesniegumu līdz iesniegšanas termiņam \((.+?)\), kamēr")
# written out (not imported): the test reads the same on a tree without them
# the blank's note, numbered at it (D369): its mark, then the text
NOTE = "{} Tukšā vieta „__.__.______” {}. punktā: iesniegšanas termiņu ieraksta pēc Labklājības ministrijas"
INSTRUCTION = "Iesniegšanas termiņa tukšajā vietā ieraksta to pašu datumu, kas kritēriju tabulas rindā „Iesniegums " \
              "iesniegts līdz”"
SHEET = "Norādījumi sagatavotājam – nav dokumenta daļa"


def _decision(catalogue: Catalogue, municipality: str, day: dt.date) -> tuple[str, str, list[str]]:
    """17's HTML, its act's text (without the preparer's instructions) and its instructions, made on ``day``."""
    [document] = render_municipality(catalogue, catalogue.municipality(municipality), [by_id(DECISION)],
                                     build_date=day)
    act = normalise(parse(PREPARER.sub("", document.body)).text())
    return document.html, act, [normalise(parse(f"<p>{i}</p>").text()) for i in PREPARER.findall(document.body)]


def _days(catalogue: Catalogue) -> list[tuple[str, dt.date]]:
    """The pilot's first service day (its deadline is `jāprecizē`) and the day after it ended (no round)."""
    pilot = catalogue.rounds_of(Pilot.children)[0]
    return [("running", pilot.services_start), ("ended", pilot.end + dt.timedelta(days=1))]


def test_the_deadlines_blank_has_its_note_under_the_clause_and_an_instruction(catalogue: Catalogue) -> None:
    municipality = catalogue.rounds_of(Pilot.children)[0].municipalities[0]
    for label, day in _days(catalogue):
        _html, act, instructions = _decision(catalogue, municipality, day)
        clause = CLAUSE.search(act)
        assert clause and re.fullmatch("__.__.______[¹²³⁴⁵⁶⁷⁸⁹]+", clause.group(2)), (label, act[-1500:])
        number, mark = clause.group(1).rstrip("."), clause.group(2).removeprefix("__.__.______")
        # the note follows the clause, before the next section's heading
        after = act[clause.end():act.index("Spēkā stāšanās un apstrīdēšana", clause.end())]
        assert NOTE.format(mark, number) in after, (label, after)
        [instruction] = [i for i in instructions if i.startswith(INSTRUCTION)]
        assert f"{number}. punktu svītro" in instruction, (label, instruction)


def test_the_preparers_sheet_lists_the_instruction_at_the_clauses_page(catalogue: Catalogue) -> None:
    municipality = catalogue.rounds_of(Pilot.children)[0].municipalities[0]
    _label, day = _days(catalogue)[1]
    html, act, _instructions = _decision(catalogue, municipality, day)
    number = CLAUSE.search(act).group(1)
    pages = [normalise(p) for p in pdf_pages(html_to_pdf(html))]
    act_pages = [p for p in pages if SHEET not in p]
    sheet = " ".join(p for p in pages if SHEET in p)
    [page] = [i for i, p in enumerate(act_pages, start=1) if f"{number} Ja apstākļi mainās" in p]
    assert re.search(rf"{page}\. lapā, (?:aiz {re.escape(number)} punkta|{re.escape(number)} punktā) "
                     rf"{re.escape(INSTRUCTION)}", sheet), sheet


@pytest.fixture(scope="module")
def ruled_round(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """A made-up second children's round for Cēsis with a confirmed application deadline of 15.09.2026."""
    entry = children_round_entry("berni-2026", "IBM ieviešana bērniem (izdomāta otrā kārta)", dt.date(2026, 9, 1),
                                 dt.date(2027, 12, 31), services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)),
                                 municipalities=("cesis",), deadline=dt.date(2026, 9, 15), rules=True)
    return catalogue_with_round(Path(tmp_path_factory.mktemp("ruled-round")) / "catalogue", entry)


def test_a_confirmed_deadline_is_printed_without_note_or_instruction(ruled_round: Catalogue) -> None:
    _html, act, instructions = _decision(ruled_round, "cesis", dt.date(2026, 9, 10))
    clause = CLAUSE.search(act)
    assert clause and clause.group(2) == "15.09.2026", act[-1500:]
    assert "Tukšā vieta „__.__.______”" not in act
    assert not [i for i in instructions if i.startswith(INSTRUCTION)]


def test_a_confirmed_deadline_past_on_the_build_day_has_the_instruction_to_strike(ruled_round: Catalogue) -> None:
    """The same choice when the round's confirmed deadline (15.09.2026) has passed on the day the papers are made
    (as form 04's line, audit18 F4): the clause prints the date, the preparer's line says when to strike it."""
    _html, act, instructions = _decision(ruled_round, "cesis", dt.date(2026, 12, 1))
    clause = CLAUSE.search(act)
    assert clause and clause.group(2) == "15.09.2026", act[-1500:]
    [line] = [i for i in instructions if i.startswith("Iesniegšanas termiņš (15.09.2026)")]
    assert f"{clause.group(1)} punktu svītro" in line, line
    _html, _act, before = _decision(ruled_round, "cesis", dt.date(2026, 9, 10))
    assert not [i for i in before if i.startswith("Iesniegšanas termiņš")]
