"""audit44 N7: in the blank decision 08 (made after the pilot round ended, with the age criterion's note on page 1)
clause 1.3 „… (aizpilda, ja tas noteikts):” ended page 1 and its field „Dokumenta datums un Nr.” opened page 2; the
clause now stays with its field, and the preparer's sheet names one page for it."""

from __future__ import annotations

import datetime as dt
import re

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id
from tests.documents.conftest import normalise, pdf_pages

SHEET = "Norādījumi sagatavotājam – nav dokumenta daļa"
CLAUSE = re.compile(r"(\d+\.\d+\.) Labklājības ministrija pēc neizlietotā finansējuma pārdales ar šādu dokumentu")
FIELD = "Dokumenta datums un Nr."


def test_the_final_amounts_clause_stays_with_its_field(catalogue: Catalogue) -> None:
    pilot = catalogue.rounds_of(Pilot.children)[0]
    checked = 0
    for day in (pilot.end + dt.timedelta(days=1), dt.date(2026, 12, 3)):
        for name in pilot.municipalities[:2]:
            (paper,) = render_municipality(catalogue, catalogue.municipality(name), [by_id("08-lemums-par-pieskirsanu")],
                                           build_date=day)
            pages = [normalise(p) for p in pdf_pages(html_to_pdf(paper.html))]
            act = [p for p in pages if SHEET not in p]
            sheet = " ".join(p for p in pages if SHEET in p)
            where = [(i, m.group(1)) for i, p in enumerate(act, 1) for m in [CLAUSE.search(p)] if m]
            assert len(where) == 1, (day, name, where)
            page, number = where[0]
            tail = act[page - 1][act[page - 1].find(number + " Labklājības ministrija pēc"):]
            assert FIELD in tail, f"{day} {name}: {number} punkta lauks nav {page}. lapā"
            assert re.search(rf"{page}\. lapā, aiz {re.escape(number)} punkta", sheet), (day, name, sheet[:600])
            assert not re.search(rf"\d+\.–\d+\. lapā, aiz {re.escape(number)} punkta", sheet), (day, name)
            checked += 1
    assert checked == 4


def test_the_applications_part_1_age_date_has_its_note_and_place(catalogue: Catalogue) -> None:
    """audit44 N9: in the application form (04) made after the round ended, part 1's sentence the parent signs under
    („… kārtas pēdējā dienā (__.__.______) jau būs 18 gadi”) has the age date's note on its own page (as 08/17/18,
    D195) and the preparer's sheet names that page and sentence, besides part 2's criteria table."""
    pilot = catalogue.rounds_of(Pilot.children)[0]
    (paper,) = render_municipality(catalogue, catalogue.municipality(pilot.municipalities[0]),
                                   [by_id("04-iesniegums-par-dalibu")], build_date=pilot.end + dt.timedelta(days=1))
    pages = [normalise(p) for p in pdf_pages(html_to_pdf(paper.html))]
    act = [p for p in pages if SHEET not in p]
    sheet = " ".join(p for p in pages if SHEET in p)
    sentence = [i for i, p in enumerate(act, 1) if re.search(r"pēdējā dienā \(__\.__\.______[¹²³⁴⁵⁶⁷⁸⁹]+\) jau būs \d+ gadi", p)]
    assert len(sentence) == 1, sentence
    page = act[sentence[0] - 1]
    # the note is the footnote of the date's mark, at the foot of the sentence's page (D369)
    mark = re.search(r"pēdējā dienā \(__\.__\.______([¹²³⁴⁵⁶⁷⁸⁹]+)\) jau būs", page).group(1)
    assert f"{mark} Tukšā vieta „__.__.______” teikumā par bērna vecumu:" in page
    assert "pēdējo dienu ieraksta pēc Labklājības ministrijas noteikumiem par kārtu, kurai iesniegumu pieņem" in page
    assert f"{sentence[0]}. lapā, aiz rindkopas „Esmu informēts/informēta" in sheet, sheet[:800]
    assert sheet.count("Kārtas pēdējo dienu ieraksta tās kārtas, kurai iesniegumu pieņem") == 2


def test_letter_18s_contact_fields_follow_the_sentence_that_asks_for_contact(catalogue: Catalogue) -> None:
    """audit44 N8: „… lūdzu, sazinieties ar sociālo darbinieku: … – jaunu iesniegumu.” and the field „Sociālā
    darbinieka tālrunis” it points to are on one page; the field no longer opens the page of the closing block."""
    pilot = catalogue.rounds_of(Pilot.children)[0]
    for day in (pilot.end + dt.timedelta(days=1), dt.date(2026, 12, 3), pilot.services_start):
        (paper,) = render_municipality(catalogue, catalogue.municipality(pilot.municipalities[0]),
                                       [by_id("18-vestule-par-neatbilstibu")], build_date=day)
        act = [p for p in (normalise(x) for x in pdf_pages(html_to_pdf(paper.html))) if SHEET not in p]
        asked = [i for i, p in enumerate(act) if "lūdzu, sazinieties ar sociālo darbinieku" in p]
        field = [i for i, p in enumerate(act) if "Sociālā darbinieka tālrunis" in p]
        assert len(asked) == 1 and field == asked, (day, asked, field)
        page = act[asked[0]]
        assert page.find("jaunu iesniegumu.") < page.find("Sociālā darbinieka tālrunis"), day
