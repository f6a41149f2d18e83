"""The price annex of the provider contract (02) and the guarantee letter (03) lists every regulated or delegated
ceiling in force during the contract's term, each with its „spēkā no … līdz …” days from the catalogue, and keeps
one line without days when one price holds the whole term (D218). A catalogue copy adds dated changes inside
and after the pilot round's term."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
import yaml

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import Pilot
from generator.documents import figures, terms
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from generator.reference.rounds import add_months
from tests.documents.conftest import normalise
from tests.lm_document import LM_DOCUMENT

PAPERS = ("02-ligums-ar-sniedzeju", "03-garantijas-vestule")
ANNEX = "Pielikums. Augstākās pieļaujamās cenas"
SERVICE = "1.4.1"
REDUCTION = "grupu-nodarbibu-transporta-samazinajums"


def _edit(path: Path, change) -> None:  # noqa: ANN001
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _pilot(catalogue: Catalogue):  # noqa: ANN202
    return catalogue.rounds_of(Pilot.children)[0]


def _dated_changes(catalogue_copy: Path, pilot) -> Catalogue:  # noqa: ANN001
    """1.4.1 confirmed from its first day, raised inside the pilot round, then an unconfirmed redaction still inside
    it and one more after the round's end; the group ceiling's transport reduction changed inside the round."""
    inside, later, after = (pilot.services_start + dt.timedelta(days=120), pilot.end - dt.timedelta(days=60),
                            pilot.end + dt.timedelta(days=1))

    def service(data: dict) -> None:
        first = data["values"][0]
        first.update(amount=30.0, status="apstiprināts")
        source = first["source"]
        data["values"] += [
            {**first, "effective_from": inside, "amount": 32.5, "source": f"{source} (grozījumi A)"},
            {**first, "effective_from": later, "amount": None, "status": "jāprecizē", "source": f"{source} (grozījumi B)"},
            {**first, "effective_from": after, "amount": 40.0, "source": f"{source} (grozījumi C)"},
        ]

    def reduction(data: dict) -> None:
        value = data["values"][-1]
        value["status"] = "apstiprināts"
        data["values"].append({**value, "effective_from": inside, "amount": float(value["amount"]) + 1.0})

    _edit(catalogue_copy / f"prices/{SERVICE}.yaml", service)
    _edit(catalogue_copy / f"prices/{REDUCTION}.yaml", reduction)
    return load_or_raise(catalogue_copy)


def _annex_rows(html: str) -> list[list[str]]:
    """The annex table's body rows as cell texts."""
    tree = parse(html)
    tables = [t for t in _walk(tree) if t.tag == "table" and "Augstākā cena" in normalise(t.text())]
    assert len(tables) == 1
    return [[normalise(td.text()) for td in tr.elements()] for tr in _walk(tables[0])
            if tr.tag == "tr" and all(c.tag == "td" for c in tr.elements())]


def _walk(node):  # noqa: ANN001, ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


@pytest.fixture
def changed(catalogue: Catalogue, catalogue_copy: Path) -> Catalogue:
    return _dated_changes(catalogue_copy, _pilot(catalogue))


def test_each_price_in_force_within_the_term_has_its_row_and_days(catalogue: Catalogue, changed: Catalogue) -> None:
    pilot = _pilot(catalogue)
    inside, later = pilot.services_start + dt.timedelta(days=120), pilot.end - dt.timedelta(days=60)
    municipality = changed.pilot_municipalities()[0]
    for document in render_municipality(changed, municipality, [by_id(p) for p in PAPERS],
                                        build_date=pilot.services_start):
        rows = [r for r in _annex_rows(document.body) if r[0].startswith(f"{SERVICE} ")]
        first = changed.price_by_service[SERVICE].values[0].effective_from
        assert [r[0].rpartition("cena ")[2] for r in rows] == [
            f"spēkā no {_date(first)} līdz {_date(inside - dt.timedelta(days=1))}",
            f"spēkā no {_date(inside)} līdz {_date(later - dt.timedelta(days=1))}",
            f"spēkā no {_date(later)}"], document.spec.id
        # the figure of each price; the unconfirmed one a blank; each with its own source; the change after the
        # round's end is not in the annex
        assert [r[-1] for r in rows] == ["30,00 EUR", "32,50 EUR", figures.BLANK_EUR]
        assert [r[3].rpartition("(")[2] for r in rows][1:] == ["grozījumi A)", "grozījumi B)"]
        assert "40,00 EUR" not in document.body and "grozījumi C" not in document.body
        text = normalise(parse(document.body).text())
        assert "pakalpojumam ir rinda katrai cenai ar laiku, kurā tā ir spēkā" in text
        whose = "vēstules darbības laikā" if document.spec.id.startswith("03") else "līguma termiņā"
        assert f"(cenas uz {_date(pilot.services_start)} un to izmaiņas {whose}):" in text, document.spec.id
        assert f"Tukšā vieta „{figures.BLANK_EUR}”" in text
        # the group ceiling changes with its transport reduction: two rows with their days
        group = [r for r in _annex_rows(document.body) if r[0].startswith("Grupu nodarbība")]
        assert len(group) == 2 and group[1][0].endswith(f"cena spēkā no {_date(inside)}"), document.spec.id
        assert group[0][-1] != group[1][-1]


def test_docx_annex_has_the_rows_and_their_days(catalogue: Catalogue, changed: Catalogue) -> None:
    pilot = _pilot(catalogue)
    inside = pilot.services_start + dt.timedelta(days=120)
    document = render_municipality(changed, changed.pilot_municipalities()[0], [by_id(PAPERS[0])],
                                   build_date=pilot.services_start)[0]
    word = docx.Document(io.BytesIO(html_to_docx(document.html, document.spec.title, document.version,
                                                 document.created)))
    [table] = [t for t in word.tables if t.rows and t.rows[0].cells[-1].text.strip() == "Augstākā cena"]
    cells = [normalise(row.cells[0].text) for row in table.rows if row.cells[0].text.startswith(f"{SERVICE} ")]
    assert len(cells) == 3 and cells[1].endswith(f"spēkā no {_date(inside)} līdz "
                                                 f"{_date(pilot.end - dt.timedelta(days=61))}")


def test_one_price_for_the_whole_term_is_one_row_as_before(catalogue: Catalogue, catalogue_copy: Path) -> None:
    """Without a change inside the term (the catalogue as it is, on the pilot's, a later round's and today's
    papers) every service has one row without days; a change after the term's end changes nothing."""
    for day in (_pilot(catalogue).services_start, catalogue.rounds_of(Pilot.children)[-1].services_start,
                dt.date.today()):
        until = terms.prices_until(catalogue, terms.current_round(catalogue, day), day, day)
        assert figures.regulated_prices(catalogue, day, until) == figures.regulated_prices(catalogue, day)
    pilot = _pilot(catalogue)

    def after_the_term(data: dict) -> None:
        data["values"].append({**data["values"][-1], "effective_from": pilot.end + dt.timedelta(days=1),
                               "amount": 40.0, "status": "apstiprināts"})

    _edit(catalogue_copy / f"prices/{SERVICE}.yaml", after_the_term)
    later = load_or_raise(catalogue_copy)
    municipality = catalogue.pilot_municipalities()[0]
    for before, after in zip(render_municipality(catalogue, municipality, [by_id(p) for p in PAPERS],
                                                 build_date=pilot.services_start),
                             render_municipality(later, municipality, [by_id(p) for p in PAPERS],
                                                 build_date=pilot.services_start), strict=True):
        assert _annex_rows(before.body) == _annex_rows(after.body)
        assert "cena spēkā no" not in before.body


def test_the_term_is_the_round_while_it_runs_else_a_contract_term(catalogue: Catalogue) -> None:
    pilot = _pilot(catalogue)
    running = terms.current_round(catalogue, pilot.services_start)
    assert terms.prices_until(catalogue, running, pilot.services_start, pilot.services_start) == pilot.end
    # after the round (none running): a contract's longest term from the prices day, its last day the day before
    day = dt.date(2022, 6, 1)
    months = int(catalogue.programme.contract_term_months.at(day).value)
    assert terms.prices_until(catalogue, None, day, day) == add_months(day, months) - dt.timedelta(days=1)



def test_a_childs_provider_papers_cover_the_plan_period_not_the_round(catalogue_copy: Path) -> None:
    """A child's 02 and 03 run to the plan's last day (ChildContext.end_day), and a plan never spans a price change
    (the matrix refuses it, D61): a change after the plan, still inside the round, is not in the child's annex,
    while the municipality's blank papers of the same day, whose term is the round, list both prices."""
    from generator.catalogue.models import Form
    from generator.documents.from_matrix.context import build
    from generator.documents.from_matrix.writing import render_child
    from generator.workbook.writer import template_date
    from tests.documents.from_matrix_helpers import plan_reading

    plan_start, months = dt.date(2018, 10, 1), 2  # plan_reading's plan: 01.10.2018–30.11.2018
    after = dt.date(2018, 12, 1)

    def service(data: dict) -> None:
        first = data["values"][0]
        first.update(amount=30.0, status="apstiprināts")
        data["values"].append({**first, "effective_from": after, "amount": 40.0})

    _edit(catalogue_copy / f"prices/{SERVICE}.yaml", service)
    changed = load_or_raise(catalogue_copy)
    offer = next(o for o in changed.offers(template_date(changed))
                 if o.service.id == SERVICE and o.form is Form.individual)
    reading = plan_reading(changed, "ogre", ((offer.id, 2, offer.prefill_price, (1, 1), "SIA Norma"),), months=months)
    build_day = plan_start + dt.timedelta(days=5)
    child = build(reading, changed, pseudonymous=False, day=build_day)
    assert child.end_day == dt.date(2018, 11, 30)
    documents = render_child(changed, changed.municipality("ogre"), child, reading.data.params_day, False,
                             build_day=build_day)
    papers = [d for d in documents if d.spec.id.startswith(PAPERS)]
    assert len(papers) == 2
    for document in papers:
        rows = [r for r in _annex_rows(document.html) if r[0].startswith(f"{SERVICE} ")]
        assert [r[-1] for r in rows] == ["30,00 EUR"] and "cena spēkā no" not in rows[0][0], document.spec.id
    blank = render_municipality(changed, changed.municipality("ogre"), [by_id(PAPERS[0])], build_date=build_day)[0]
    rows = [r for r in _annex_rows(blank.body) if r[0].startswith(f"{SERVICE} ")]
    assert [r[-1] for r in rows] == ["30,00 EUR", "40,00 EUR"]


def test_a_ceiling_confirmed_at_the_same_number_by_the_papers_day_is_one_row(catalogue_copy: Path) -> None:
    """D291, D301: a ceiling „jāprecizē” from the term's first day and confirmed at the same number inside it is no
    change for papers made on or after the confirmation: one row with the figure for the whole term (the contract's
    body pays it for every day); papers made before it keep the blank row and the confirmed row from its day."""
    start, until, confirmed = dt.date(2018, 10, 1), dt.date(2019, 3, 31), dt.date(2018, 12, 15)

    def service(data: dict) -> None:
        first = data["values"][0]
        first.update(amount=30.0, status="jāprecizē", source="Testa dati: izdomāta cena (avots jāprecizē)")
        data["values"][1:] = [{**first, "effective_from": confirmed, "status": "apstiprināts", "source": LM_DOCUMENT}]

    _edit(catalogue_copy / f"prices/{SERVICE}.yaml", service)
    changed = load_or_raise(catalogue_copy)

    def rows(papers_day: dt.date) -> list[tuple[str, str, str]]:
        return [(r.price.text, r.source, r.in_force) for r in figures.regulated_prices(
            changed, start, until, papers_day=papers_day) if r.label.startswith(f"{SERVICE} ")]

    before = rows(confirmed - dt.timedelta(days=1))
    assert [r[0] for r in before] == [figures.BLANK_EUR, "30,00\u00a0EUR"], before
    assert rows(confirmed) == rows(until) == [("30,00\u00a0EUR", LM_DOCUMENT, "")]


def test_a_group_ceiling_part_confirmed_at_the_same_number_is_one_row(catalogue_copy: Path) -> None:
    """D301 for the group ceiling: its client transport part „jāprecizē” and confirmed at the same number inside the
    term – papers made on or after that day print one row with the whole ceiling; earlier papers keep two rows, the
    first with the part as a blank."""
    start, until, confirmed = dt.date(2018, 10, 1), dt.date(2019, 3, 31), dt.date(2018, 12, 15)

    def reduction(data: dict) -> None:
        first = data["values"][-1]
        assert first["status"] == "jāprecizē"
        data["values"].append({**first, "effective_from": confirmed, "status": "apstiprināts", "source": LM_DOCUMENT})

    _edit(catalogue_copy / f"prices/{REDUCTION}.yaml", reduction)
    changed = load_or_raise(catalogue_copy)
    ceiling, status = changed.group_ceiling(confirmed)
    assert ceiling is not None and status.value == "apstiprināts"

    def rows(papers_day: dt.date) -> list[tuple[str, str]]:
        return [(r.price.text, r.in_force) for r in figures.regulated_prices(changed, start, until,
                                                                             papers_day=papers_day) if r.group]

    before = rows(confirmed - dt.timedelta(days=1))
    assert len(before) == 2 and figures.DEDUCTION_BLANK in before[0][0] and before[1][0] == lvformat.eur(ceiling)
    assert rows(confirmed) == rows(until) == [(lvformat.eur(ceiling), "")]


def test_a_ceiling_withdrawn_at_the_same_number_cites_the_withdrawing_entry(catalogue_copy: Path) -> None:
    """D318 (D296, D301): a ceiling „apstiprināts” on the term's first day that the catalogue puts back to „jāprecizē”
    at the same number inside the term is, in papers made on or after that day, one blank row citing the entry in
    force – the withdrawing one's source –, never the withdrawn confirmation's document to take the price from;
    papers made before it print the confirmed figure with that document."""
    start, until, withdrawn = dt.date(2018, 10, 1), dt.date(2019, 3, 31), dt.date(2018, 12, 15)
    again = "Testa dati: tā pati cena atkal jāprecizē"

    def service(data: dict) -> None:
        first = data["values"][0]
        first.update(amount=30.0, status="apstiprināts", source=LM_DOCUMENT)
        data["values"][1:] = [{**first, "effective_from": withdrawn, "status": "jāprecizē", "source": again}]

    _edit(catalogue_copy / f"prices/{SERVICE}.yaml", service)
    changed = load_or_raise(catalogue_copy)

    def rows(papers_day: dt.date) -> list[tuple[str, str]]:
        return [(r.price.text, r.source) for r in figures.regulated_prices(
            changed, start, until, papers_day=papers_day) if r.label.startswith(f"{SERVICE} ")]

    before = rows(withdrawn - dt.timedelta(days=1))
    assert before[0] == ("30,00\u00a0EUR", LM_DOCUMENT), before
    assert rows(withdrawn) == rows(until) == [(figures.BLANK_EUR, again)]


def test_a_group_ceiling_part_withdrawn_cites_the_withdrawing_entry(tmp_path: Path) -> None:
    """D318 for the group ceiling: its client transport part confirmed on the prices day and „jāprecizē” again at the
    same number by the papers' day is a blank part citing the withdrawing entry, not the confirming document."""
    from tests.plan_changes_catalogue import CEILING_CONFIRMED, CEILING_WITHDRAWN, ceiling_withdrawn_catalogue

    changed = ceiling_withdrawn_catalogue(tmp_path / "catalogue")

    def row(papers_day: dt.date) -> figures.PriceRow:
        return next(r for r in figures.regulated_prices(changed, CEILING_CONFIRMED, papers_day=papers_day) if r.group)

    before, after = row(CEILING_WITHDRAWN - dt.timedelta(days=1)), row(CEILING_WITHDRAWN)
    assert LM_DOCUMENT in before.source and figures.DEDUCTION_BLANK not in before.price.text, before
    assert LM_DOCUMENT not in after.source and "atkal jāprecizē" in after.source, after.source
    assert figures.DEDUCTION_BLANK in after.price.text, after.price.text
