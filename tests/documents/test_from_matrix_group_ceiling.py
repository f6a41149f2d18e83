"""`ibm documents --from-matrix` with a group session while the group ceiling is not confirmed (audit10 F3, D22): the
ceiling is the DI unit cost minus the client transport part, which the catalogue still has as "jāprecizē", so the
line's price cannot be checked against it – the worker reads so on the console and in parskats.txt under „Pirms
parakstīšanas pārbaudiet:”, and the matrix counts the same warning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.run import run
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_text, write_matrices
from tests.ministry.factory import Child, params

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]
GROUP, INDIVIDUAL = "3.1.1g", "3.1.2i"
PEOPLE = People(child_name="Anna Paraugs", child_code="140512-20001", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={GROUP: "SIA Kustību Paraugs", INDIVIDUAL: "SIA Ergo Paraugs"})
HEADING = "Pirms parakstīšanas pārbaudiet:"


def test_a_group_session_under_an_unconfirmed_group_ceiling_is_a_warning_before_signing(
        catalogue: Catalogue, tmp_path: Path) -> None:
    day = template_date(catalogue)
    ceiling, status = catalogue.group_ceiling(day)
    assert ceiling is not None and status is not PriceStatus.confirmed  # the client transport part is "jāprecizē"
    offers = {o.id: o for o in catalogue.offers(day)}
    start = params(catalogue).reporting_periods[0].start
    lines = (line_from_offer(offers[GROUP], 4, unit_price=ceiling, planned_units=(2, 2)),
             line_from_offer(offers[INDIVIDUAL], 4, unit_price=Decimal(20), planned_units=(2, 2)))
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                            special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))
    child = Child(0, "ogre", PEOPLE, inputs)
    result = child.result(catalogue)
    # B typed as the catalogue's unconfirmed B is a warning of its own (audit33b F2, D257)
    assert result.errors == 0 and [f.code for f in result.findings] == ["base_differs", "ceiling_unconfirmed"]
    matrix = write_matrices(catalogue, tmp_path, [child])[0].path
    said: list[str] = []
    summary = run(matrix, tmp_path / "out", catalogue, None, draft=False, echo=said.append, err=said.append,
                  pdf=False, today=dt.date(2018, 1, 1))
    assert summary.made == 1, said  # a warning: the papers are made, the worker checks the price
    label = offers[GROUP].label
    # the matrix's warning (the price at the ceiling itself has a line of its own too, D275: the next test)
    warned = [normalise(line) for line in said if "pārbaudiet pirms parakstīšanas" in line and label in line
              and "augstākā cena pirms klienta transporta daļas" not in line]
    assert len(warned) == 1 and "cenas griesti nav apstiprināti" in warned[0], said
    # D358: the group parameter that is „jāprecizē” – not a regulated or contract price the session has not
    assert "(katalogā vēl jāprecizē klienta transporta daļa, ko atskaita no grupu nodarbības augstākās cenas)" \
        in warned[0] and "normatīvajā aktā vai līgumā" not in warned[0], warned[0]
    # the note is part of the sentence, before its full stop – no bracket after it (audit12)
    # … and where it is seen: 6.8's price cell of the item and 6.11's row of the check (places.py)
    line = (f"1. rinda ({label}): cenas griesti nav apstiprināti (katalogā vēl jāprecizē klienta transporta daļa, ko "
            "atskaita no grupu nodarbības augstākās cenas); "
            "pārbaudiet, vai sniedzēja cena tos nepārsniedz (6.8. tabula, ")
    # nothing in the matrix approves an unconfirmed ceiling: no "(matricā nav apstiprināts)" (audit19 F27)
    assert "matricā nav apstiprināts" not in warned[0]
    assert f"pārbaudiet pirms parakstīšanas: {line}" in warned[0], warned[0]
    assert f"„Sniedzēja cena, EUR par vienību”, pakalpojums „{label}”; 6.11. tabulas " in warned[0], warned[0]
    assert warned[0].endswith(". rinda)."), warned[0]
    line = warned[0].split("pārbaudiet pirms parakstīšanas: ", 1)[1]
    assert not any(offers[INDIVIDUAL].label in line and "griesti" in line for line in said)
    report = (summary.folders[0] / "parskats.txt").read_text(encoding="utf-8")
    section = report.split(HEADING, 1)[1]
    assert f"\n  - {line}\n" in section


BINDS = ("Katras 2.2. punktā norādītās grupu nodarbības cena par vienību ir {how} tikai tiktāl, ciktāl tā nepārsniedz "
         "grupu nodarbību augstāko cenu – {base}, atskaitot klienta transporta daļu, kas vēl nav apstiprināta (pielikums "
         "„Augstākās pieļaujamās cenas”). Ja pēc šīs daļas apstiprināšanas cena pārsniedz grupu nodarbību augstāko "
         "cenu, atskaitot apstiprināto transporta daļu, Dienests par vienību maksā ne vairāk kā šo augstāko cenu, "
         "atskaitot apstiprināto transporta daļu, kas ir spēkā pakalpojuma sniegšanas dienā")


@pytest.mark.parametrize("below", [Decimal(0), Decimal("0.01")])
def test_a_group_price_at_the_undeducted_ceiling_is_bound_to_it_and_named(catalogue: Catalogue, tmp_path: Path,
                                                                          below: Decimal) -> None:
    """audit33b F3, D275: a group price equal to the group ceiling before the client transport part is taken off,
    while that part is „jāprecizē”, was contracted in 02 (and 03) as a firm price although their annex caps it at the
    ceiling less the part. Both papers now say the price binds only up to that ceiling (the confirmed figure, never
    the part as one) and is paid no higher once the part is set; the checklist (console and parskats.txt) names the
    line and the papers when the price is the ceiling itself – a price below it gets the papers' words alone."""
    day = template_date(catalogue)
    base = catalogue.price_by_id["grupu-nodarbibu-griesti"].at(day)
    part = catalogue.price_by_id["grupu-nodarbibu-transporta-samazinajums"].at(day)
    assert base.status is PriceStatus.confirmed and part.status is not PriceStatus.confirmed
    offers = {o.id: o for o in catalogue.offers(day)}
    start = params(catalogue).reporting_periods[0].start
    lines = (line_from_offer(offers[GROUP], 4, unit_price=base.amount - below, planned_units=(2, 2)),
             line_from_offer(offers[INDIVIDUAL], 4, unit_price=Decimal(20), planned_units=(2, 2)))
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                            special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))
    matrix = write_matrices(catalogue, tmp_path, [Child(0, "ogre", PEOPLE, inputs)])[0].path
    said: list[str] = []
    summary = run(matrix, tmp_path / "out", catalogue, None, draft=False, echo=said.append, err=said.append,
                  pdf=False, today=dt.date(2018, 1, 1))
    assert summary.made == 1, said
    folder = summary.folders[0]
    group_papers = [p for p in sorted(folder.glob("0[23]-*.docx")) if offers[GROUP].label in docx_text(p)]
    assert [p.name[:2] for p in group_papers] == ["02", "03"], sorted(p.name for p in folder.iterdir())
    figure = f"{base.amount:.2f}".replace(".", ",") + "\u00a0EUR"
    for paper in group_papers:
        text = normalise(docx_text(paper))
        how = "saistoša" if paper.name.startswith("02") else "garantēta"
        assert normalise(BINDS.format(how=how, base=figure)) in text, (paper.name, text[:3000])
    for paper in set(folder.glob("0[23]-*.docx")) - set(group_papers):  # the individual line's provider: no words
        assert "grupu nodarbības cena par vienību ir" not in docx_text(paper), paper.name
    report = (folder / "parskats.txt").read_text(encoding="utf-8").split(HEADING, 1)[1]
    named = [normalise(line) for line in said if "grupu nodarbību augstākā cena pirms klienta transporta daļas" in line]
    if below:
        assert named == [] and "grupu nodarbību augstākā cena pirms" not in report, named
        return
    stems = " un ".join(p.stem for p in group_papers)
    binds = "saistoša (vēstulē – garantēta)" if any(p.stem.startswith("03-") for p in group_papers) else "saistoša"
    words = (f"6.3. tabulas 1. rinda ({offers[GROUP].label}): cena {normalise(figure)} ir grupu nodarbību augstākā cena pirms klienta "
             "transporta daļas atskaitīšanas, bet šī daļa vēl nav apstiprināta – ja apstiprinātā daļa nebūs nulle, "
             f"nolīgtā cena pārsniegs pieļaujamo; failos {stems} cena ir {binds} tikai līdz {normalise(figure)}, "
             "atskaitot šo daļu, – pārrunājiet to ar sniedzēju pirms parakstīšanas vai vienojieties par zemāku cenu")
    assert len(named) == 1 and named[0].endswith(f"pārbaudiet pirms parakstīšanas: {words}"), named
    assert normalise(words[:1].upper() + words[1:]) in normalise(report), report
