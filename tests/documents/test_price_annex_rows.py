"""The price annex of a child's provider papers (02 contract, 03 guarantee letter) lists only the ceilings of
the services that provider delivers in the plan – a regulated service's own price, the group-session ceiling
for a group session – and a provider with none gets no annex and no clause pointing to one (audit10 F5, D102).
The municipality's blank contract keeps every ceiling (test_signing_rules)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Form, Regime
from generator.documents import figures
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.registry import by_id
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import plan_reading

ANNEX = "Pielikums. Augstākās pieļaujamās cenas"
DAY = dt.date(2018, 11, 5)


def _offers(catalogue: Catalogue) -> dict[str, str]:
    """One offer of each kind: a market service given individually, a market group session, a regulated one."""
    offers = catalogue.offers(template_date(catalogue))
    return {
        "market": next(o.id for o in offers if o.service.regime is Regime.market and o.form is Form.individual
                       and o.prefill_price is None),
        "group": next(o.id for o in offers if o.service.regime is Regime.market and o.form is Form.group),
        "regulated": next(o.id for o in offers if o.service.regime in figures.REGULATED),
    }


@pytest.fixture(scope="module")
def papers(catalogue: Catalogue) -> dict[str, str]:
    """SIA Tirgus: one market line; SIA Grupa: a market line and a group session; SIA Norma: a regulated line."""
    ids = _offers(catalogue)
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    regulated_price = offers[ids["regulated"]].prefill_price or Decimal("5.00")
    reading = plan_reading(catalogue, "ogre", (
        (ids["market"], 4, Decimal("20.00"), (2, 2), "SIA Tirgus"),
        (ids["group"], 2, Decimal("10.00"), (1, 1), "SIA Grupa"),
        (ids["regulated"], 2, regulated_price, (1, 1), "SIA Norma"),
    ))
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False,
                             build_day=DAY)
    return {d.spec.id: normalise(re.sub(r"<[^>]+>", " ", d.html)) for d in documents}


def _annex(text: str) -> str:
    return text[text.index(ANNEX):]


def test_a_provider_without_a_capped_service_gets_no_annex(papers: dict[str, str]) -> None:
    for doc_id in ("02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"):
        text = papers[doc_id]
        assert "Augstākās pieļaujamās cenas" not in text and "______ EUR" not in text, doc_id
        assert "(pielikumā)" not in text, doc_id
    contract = papers["02-ligums-ar-sniedzeju-1"]
    assert re.search(r"Izraksts no bērna atbalsta plāna ir šā līguma \d+\.\d+\. punktā; citu pielikumu līgumam nav\.",
                     contract)


def test_the_annex_lists_only_the_ceilings_of_the_providers_services(catalogue: Catalogue,
                                                                     papers: dict[str, str]) -> None:
    ids = _offers(catalogue)
    rows = figures.regulated_prices(catalogue, dt.date(2018, 10, 1))
    regulated = next(r for r in rows if ids["regulated"] in r.offers)
    group = next(r for r in rows if r.group)
    others = [r for r in rows if r not in (regulated, group)]
    assert len(others) >= 10
    for kind, wanted, unwanted in (("2", group, regulated), ("3", regulated, group)):
        for doc_id in (f"02-ligums-ar-sniedzeju-{kind}", f"03-garantijas-vestule-{kind}"):
            annex = _annex(papers[doc_id])
            assert normalise(wanted.label) in annex, doc_id
            assert normalise(unwanted.label) not in annex, doc_id
            assert not [r.label for r in others if normalise(r.label) in annex], doc_id
    # the regulated prices are blanks: the heading dates the sources, not prices (audit45 F4); the group ceiling's
    # confirmed base is printed, so its annex dates a price (audit29 F4)
    assert "Augstākā cena šā līguma grupu nodarbībām (cena uz 01.10.2018):" in papers["02-ligums-ar-sniedzeju-2"]
    assert ("Augstākās cenas šīs vēstules pakalpojumiem, kuru cenu nosaka normatīvie akti vai deleģēšanas līgumi "
            "(cenu avoti uz 01.10.2018):") in papers["03-garantijas-vestule-3"]
    contract = papers["02-ligums-ar-sniedzeju-3"]
    assert "ir norādītas šā līguma pielikumā „Augstākās pieļaujamās cenas”" in contract
    assert "Līgumam ir pielikums „Augstākās pieļaujamās cenas”" in contract
    assert "noteikto cenu (pielikumā)." in papers["03-garantijas-vestule-3"]


def test_price_list_keeps_rows_by_the_offers_they_cap(catalogue: Catalogue) -> None:
    rows = figures.regulated_prices(catalogue, dt.date(2018, 10, 1))
    ids = _offers(catalogue)

    class Line:
        def __init__(self, offer_id: str) -> None:
            self.offer_id = offer_id

    assert rows.for_lines([Line(ids["market"])]) == []
    assert [r.group for r in rows.for_lines([Line(ids["group"]), Line(ids["market"])])] == [True]
    assert rows.for_lines([Line(ids["regulated"]), Line(ids["group"])])[-1].group
    assert len(rows.for_lines([Line(o.id) for o in catalogue.offers(dt.date(2018, 10, 1))])) == len(rows)


GROUP_BOUND = "grupu nodarbības cena nedrīkst pārsniegt arī pielikumā norādīto grupu nodarbību augstāko cenu"


def test_the_price_clause_binds_the_group_ceiling_of_the_annex(catalogue: Catalogue, papers: dict[str, str]) -> None:
    """The group ceiling is neither a normative act's nor a delegation contract's price: the price clauses of
    02 and 03 name it, and the annex note takes a blank from the document in „Avots” (audit12 F4)."""
    for kind in ("2", "3"):
        contract, letter = papers[f"02-ligums-ar-sniedzeju-{kind}"], papers[f"03-garantijas-vestule-{kind}"]
        assert (GROUP_BOUND in contract) == (GROUP_BOUND in letter) == (kind == "2"), kind
    # the group row alone: the letter does not call it the act's or contract's price "(pielikumā)"
    assert f"deleģēšanas līgumā noteikto cenu; {GROUP_BOUND}." in papers["03-garantijas-vestule-2"]
    assert "noteikto cenu (pielikumā)" not in papers["03-garantijas-vestule-2"]
    for text in papers.values():
        assert "norādītā normatīvā akta vai deleģēšanas līguma redakcijas" not in text
    assert "pēc ailē „Avots” norādītā dokumenta vai tā vietā noslēgtā deleģēšanas līguma redakcijas" in papers["02-ligums-ar-sniedzeju-3"]
    # the group row alone: only its transport part is open, with its own note (audit29 F4)
    assert "vietā noslēgtā deleģēšanas līguma" not in papers["02-ligums-ar-sniedzeju-2"]
    assert ("Tukšā vieta „atskaitot klienta transporta daļu ______ EUR” grupu nodarbību rindā: klienta transporta daļu, "
            "ko atskaita no grupu nodarbības augstākās cenas, ieraksta pēc ailē „Avots” norādītā dokumenta") in \
        papers["02-ligums-ar-sniedzeju-2"]


def test_the_blank_contract_binds_the_group_ceiling_too(catalogue: Catalogue) -> None:
    for doc in render_municipality(catalogue, catalogue.municipality("ogre"),
                                   [by_id("02-ligums-ar-sniedzeju"), by_id("03-garantijas-vestule")]):
        text = normalise(re.sub(r"<[^>]+>", " ", doc.html))
        assert GROUP_BOUND in text, doc.spec.id


# the note stays in the signed annex; why it is a blank is the preparer's (D161, audit41 F2)
# the title blank's note, numbered at the blank (D369): its text after the mark
TITLE_NOTE = ("Tukšā vieta akta nosaukumā ailē „Avots” („______”): noteikumu nosaukumu ieraksta pēc to "
              "oficiālā teksta vietnē likumi.lv")


def test_a_blank_act_title_in_the_annex_has_its_note(catalogue: Catalogue, tmp_path) -> None:  # noqa: ANN001
    """review7 R7-2: a Cabinet regulation the catalogue does not name is cited with its title a blank „______”;
    the annex then says what the blank is and where its text comes from – in the HTML, the PDF and the DOCX. A row
    whose act the catalogue names has no blank and needs no note."""
    from pypdf import PdfReader

    from generator.documents.build_step import write_document
    from tests.documents.from_matrix_helpers import docx_text

    rows = figures.regulated_prices(catalogue, DAY)
    blank = [row for row in rows if row.title_blank]
    assert blank and all(figures.TITLE_BLANK in row.source for row in blank)
    assert any(not row.title_blank and row.source for row in rows)
    for doc in render_municipality(catalogue, catalogue.municipality("ogre"),
                                   [by_id("02-ligums-ar-sniedzeju"), by_id("03-garantijas-vestule")],
                                   build_date=DAY):
        annex = _annex(normalise(re.sub(r"<[^>]+>", " ", doc.html)))
        assert figures.TITLE_BLANK in annex and TITLE_NOTE in annex, doc.spec.id
        assert annex.count(TITLE_NOTE) == 1
        if doc.spec.id.startswith("02"):
            pdf, docx = write_document(doc, tmp_path)
            pdf_text = normalise(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
            assert TITLE_NOTE in pdf_text.replace("\n", " ")
            assert "vietnē likumi.lv atrod pēc to datuma un numura" in pdf_text.replace("\n", " ")  # the sheet
            assert TITLE_NOTE in normalise(docx_text(docx))
