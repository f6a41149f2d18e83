"""The lawyer's audit of the documents (issue 11, /work/briefs/lawaudit-report.md items 1–33), proven on the
rendered HTML of every document of every pilot municipality and of one child's papers (fast, no PDF): prices
valid on the document's day, one status of the providers' request, the child identified as in the other papers,
the provider contract's sums and payment term, the period whose services the IB pays, no toolkit words in the
parties' texts, no reconstruction notes on forms, and the wording the audit asked for. PDF and DOCX:
test_lawaudit_outputs.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents import figures, terms
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import ChildContext, build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.documents.html import PREPARER_LABEL, RenderedDocument
from generator.documents.htmltree import parse
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise, unmarked

CONTRACTS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "14-patapinajuma-ligums")
# The forms whose content the toolkit reconstructed (the methodology names only their purpose).
FORMS = ("19-", "21-", "22-", "23-", "24-", "25-", "26-", "27-", "28-", "30-", "31-", "32-")
PLAN_START = dt.date(2019, 7, 1)  # a plan inside the children's first round, as in the audit
BUILD_DAY = dt.date(2019, 2, 15)
VDEAVK = "Veselības un darbspēju ekspertīzes ārstu valsts komisij"
# the decisions' files belong to another task (decisions 08, 09, 17)
OWN_DECISIONS = ("08-", "09-", "17-")
GLUED = re.compile(r"\bNr\.(?:\d|[A-ZĀČĒĢĪĶĻŅŠŪŽ]{2})\S*")  # not a header cell's "Nr." before "Datums"
CATALOGUE = re.compile(r".{0,60}[Kk]atalog.{0,40}")
# a preparer's instruction (D161): a paragraph of its own, deleted before signing
PREPARER_NOTE = re.compile(r'<p class="note preparer">.*?</p>', re.S)


def _text(document: RenderedDocument) -> str:
    return normalise(parse(document.body).text())


def _signed_text(document: RenderedDocument) -> str:
    """The text the parties sign: without the preparer's instructions."""
    signed = PREPARER_NOTE.sub("", document.body)
    assert PREPARER_LABEL not in normalise(parse(signed).text())
    return normalise(parse(signed).text())


@pytest.fixture(scope="module")
def municipal_documents(catalogue: Catalogue) -> dict[str, list[RenderedDocument]]:
    """Every document of every pilot municipality, built today."""
    return {m.id: render_municipality(catalogue, m) for m in catalogue.pilot_municipalities()}


@pytest.fixture(scope="module")
def municipal(municipal_documents: dict[str, list[RenderedDocument]]) -> dict[str, dict[str, str]]:
    """Every document's text of every pilot municipality, built today."""
    return {m: {d.spec.id: _text(d) for d in docs} for m, docs in municipal_documents.items()}


def child_reading(catalogue: Catalogue, *, reverse_priority: bool = True) -> MatrixReading:
    """A child of the first round: a personal assistant (no recipient written in 6.3), a market-price
    psychologist and a companion, with two providers; the expert ranks put the last line first."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    market = next(o.id for o in catalogue.offers(day) if o.prefill_price is None and o.service.area == 1)
    chosen = [("2.2", Decimal("9")), (market, Decimal("20")), ("2.1", Decimal("5"))]
    lines = [line_from_offer(offers[oid], 10, unit_price=unit_price, planned_units=(10,),
                             expert_rank=(len(chosen) - k if reverse_priority else k + 1), parent_rank=None)
             for k, (oid, unit_price) in enumerate(chosen)]
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=PLAN_START, months=1,
                            special_care=False, impairment="multipli", lines=tuple(lines), base=Decimal("3100.00"))
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    data = ChildData("valmiera", "Anna Paraugs", "010512-20000", "multipli", day, inputs)
    providers = {lines[0].label: "SIA Sniedzējs", lines[1].label: "SIA Sniedzējs", lines[2].label: "SIA Pavadoņi"}
    return MatrixReading(Path("matrica-016.xlsx"), "matrica-016", data=data, params=params, outcome=outcome,
                         parent_name="Pēteris Paraugs", providers=providers)


def child_documents(catalogue: Catalogue, pseudonymous: bool = False) -> tuple[ChildContext, list[RenderedDocument]]:
    reading = child_reading(catalogue)
    child = build(reading, catalogue, pseudonymous=pseudonymous)
    assert reading.data is not None
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, reading.data.params_day, False,
                             build_day=BUILD_DAY)
    return child, documents


@pytest.fixture(scope="module")
def child(catalogue: Catalogue) -> tuple[ChildContext, dict[str, str]]:
    context, documents = child_documents(catalogue)
    texts: dict[str, str] = {}
    for d in documents:
        key = d.spec.id
        while key in texts:
            key += "+"
        texts[key] = _text(d)
    return context, texts


def _all_texts(municipal: dict[str, dict[str, str]], child) -> list[tuple[str, str]]:  # noqa: ANN001
    found = [(f"{m}/{doc}", text) for m, docs in municipal.items() for doc, text in docs.items()]
    return found + [(f"bērns/{doc}", text) for doc, text in child[1].items()]


def _docs(texts: dict[str, str], prefix: str) -> list[str]:
    found = [text for doc, text in texts.items() if doc.startswith(prefix)]
    assert found, prefix
    return found


# --- 1 prices valid on the document's day ----------------------------------------------------------------


def test_a_childs_price_annex_holds_the_prices_of_the_plans_first_day(catalogue: Catalogue, child) -> None:
    _, texts = child
    rows = figures.regulated_prices(catalogue, PLAN_START)
    latest = figures.regulated_prices(catalogue, catalogue.latest_date)
    differs = [(a.source, b.source) for a, b in zip(rows, latest, strict=True) if a.source != b.source]
    assert differs, "vajag cenu, kuras avots mainījies pēc plāna sākuma"
    # only a provider of a service with a regulated price (the companion 2.1) has the annex (D102)
    annexed = [text for text in _docs(texts, "02-") + _docs(texts, "03-") if "Pielikums. Augstākās" in text]
    assert len(annexed) == 2
    for text in annexed:
        assert f"(cenu avoti uz {lvformat.date(PLAN_START)})" in text  # its one price is a blank (audit45 F4)
        annex = unmarked(text.split("Augstākās pieļaujamās cenas", 2)[-1])  # a source's blank has its note's mark (D369)
        for then, now in differs:
            assert normalise(then) in annex and normalise(now) not in annex


def test_municipal_price_annexes_hold_the_prices_of_the_day_they_are_made_for(catalogue: Catalogue) -> None:
    programme_round = terms.current_round(catalogue, dt.date(2018, 1, 1))
    assert programme_round is not None and programme_round.services_start > dt.date(2018, 1, 1)
    # before the round's services begin: their first day; during them and after the round: the build day
    assert terms.prices_day(programme_round, dt.date(2018, 1, 1)) == programme_round.services_start
    assert terms.prices_day(programme_round, dt.date(2019, 3, 4)) == dt.date(2019, 3, 4)
    assert terms.prices_day(programme_round, dt.date(2026, 3, 4)) == dt.date(2026, 3, 4)
    day = dt.date(2026, 3, 4)
    documents = render_municipality(catalogue, catalogue.municipality("valmiera"), build_date=day)
    for d in documents:
        if d.spec.id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
            # every price a blank (audit45 F4) after the round ended: no source is dated (audit35a F5)
            assert "(cenu avoti):" in _text(d), d.spec.id
    # a build that prints another day's prices is another build (incremental builds redo the documents)
    assert terms.state_key(catalogue, day) != terms.state_key(catalogue, day + dt.timedelta(days=1))


# --- 6, 7 the providers' request is the contract's annex everywhere; the child is identified as in the other papers


def test_the_providers_request_is_everywhere_the_contracts_annex(municipal, child) -> None:  # noqa: ANN001
    """The methodology makes 6.9 an annex of the contract with the parent (L1047, L1057): 01 and 05 say so,
    and no document says otherwise."""
    for where, text in _all_texts(municipal, child):
        assert "nav līguma pielikums" not in text and "nav šā līguma pielikums" not in text, where
        if where.endswith("05-iesniegums-par-sniedzejiem"):
            # the programme in the words of the papers' round: the pilot's while it runs, else neutral (D129)
            assert re.search("Pielikums līgumam par dalību (izmēģinājumprojektā|programmā) un individuālā budžeta "
                             "saņemšanu", text), where
        if where.endswith("01-ligums-ar-vecaku"):
            assert "Arī Vecāka iesniegums par pakalpojumu sniedzēju izvēli (veidlapa 05; IBM matricas 6.9. tabula), kurā Vecāks norāda sniedzējus, ir līguma pielikums" in text, where


def test_contract_annex_captions_identify_the_child_as_the_other_papers_do(catalogue: Catalogue, child) -> None:
    context, texts = child
    captions = re.findall(r"pielikums\. Atbalsta plāna [IV]+ daļa[^·]*· ([^:]+): (\S+)", texts["01-ligums-ar-vecaku"])
    assert len(captions) >= 3
    assert all(label == "Bērna identifikācijas kods" and value == "______" for label, value in captions)
    assert "matrica-016" not in texts["01-ligums-ar-vecaku"]  # the file name is no code
    coded, documents = child_documents(catalogue, pseudonymous=True)
    contract = _text(next(d for d in documents if d.spec.id == "01-ligums-ar-vecaku"))
    assert f"Bērna identifikācijas kods: {coded.identification}" in contract and coded.identification


# --- 8, 9, 10 the provider contract's sums, payment term and annexes; the period the IB pays ---------------


def test_provider_contract_has_the_ib_sums_a_payment_term_and_lists_only_attached_annexes(child) -> None:
    context, texts = child
    for provider in [p for p in context.providers if p.funded]:
        text = next(t for doc, t in texts.items() if doc.startswith("02-") and provider.name in t)
        assert "Summa no IB, EUR" in text
        cells = text.replace(" ", "")  # the text of a table row runs its cells together
        # the headers „Cena par vienību, EUR” and „Summa no IB, EUR” name the unit: the cells hold the figures alone
        assert f"KopānoIB{normalise(provider.ib_figure)}".replace(" ", "") in cells
        for line in [ln for ln in provider.lines if ln.funded]:
            assert f"{normalise(line.price_figure)}{normalise(line.ib_figure)}".replace(" ", "") in cells
        assert "Samaksas termiņš (darba dienas pēc rēķina saņemšanas)" in text
        assert "Dienesta noteiktajā kārtībā" not in text
        assert "izraksts no bērna atbalsta plāna (pakalpojumi" not in text
        # the price annex only for a provider of a service with a capped price (the companion 2.1, D102)
        if any(line.label.startswith("2.1 ") for line in provider.lines):
            assert "Līgumam ir pielikums „Augstākās pieļaujamās cenas”" in text
        else:
            assert "citu pielikumu līgumam nav" in text and "Augstākās pieļaujamās cenas" not in text


def test_contracts_and_the_letter_name_the_period_whose_services_the_ib_pays(catalogue: Catalogue, municipal,  # noqa: ANN001
                                                                            child) -> None:
    first = catalogue.rounds_of(Pilot.children)[0]
    paid = (f"apmaksā tikai tos pakalpojumus, kas saņemti no {lvformat.date(first.services_start)} līdz "
            f"{lvformat.date(first.services_end)}")
    context, texts = child
    for text in _docs(texts, "01-ligums"):
        assert paid in text
        assert "pēc kārtas beigām sniegtos pakalpojumus" not in text
    # the provider's papers from a matrix pay the plan period's services, not the round's (audit8 F2)
    for prefix in ("02-", "03-"):
        for text in _docs(texts, prefix):
            assert paid not in text, prefix
            assert f"atbalsta plāna periodā no {context.start} līdz {context.end}" in text, prefix
    blank = f"kas saņemti no {terms.BLANK_DATE} līdz {terms.BLANK_DATE}"  # the round has ended by today
    for docs in municipal.values():
        for doc in ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule"):
            assert blank in docs[doc] and "laiku, kurā saņemtos pakalpojumus apmaksā" in docs[doc], doc


# --- 11, 12 no toolkit words in the parties' texts; no unexplained "available" amounts --------------------


def test_no_catalogue_in_contract_texts(municipal_documents, catalogue: Catalogue) -> None:  # noqa: ANN001
    """What the parties sign never names the catalogue; an instruction to the preparer, deleted before signing (D161),
    may say which sources the catalogue names for a blank (D337) – it is taken out with the instruction."""
    _, child_docs = child_documents(catalogue)
    documents = [(f"{m}/{d.spec.id}", d) for m, docs in municipal_documents.items() for d in docs]
    documents += [(f"bērns/{d.spec.id}", d) for d in child_docs]
    checked = 0
    for where, document in documents:
        if where.split("/")[1].startswith(CONTRACTS):
            signed = _signed_text(document)
            assert not CATALOGUE.search(signed), f"{where}: {CATALOGUE.findall(signed)}"
            checked += 1
    assert checked > len(municipal_documents)


def test_other_sources_say_what_their_amount_is(catalogue: Catalogue) -> None:
    reading = child_reading(catalogue)
    assert reading.data is not None
    inputs = dataclasses.replace(reading.data.inputs, benefits=Decimal("43.29"))
    reading.data = dataclasses.replace(reading.data, inputs=inputs)
    reading.outcome = evaluate_workbook(inputs, reading.params)
    child = build(reading, catalogue, pseudonymous=False)
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, reading.data.params_day, False,
                             build_day=BUILD_DAY)
    text = _text(next(d for d in documents if d.spec.id == "01-ligums-ar-vecaku"))
    assert "pieejami" not in text
    assert "Valsts un pašvaldības pabalsti, izmantotā daļa (plānā varēja izmantot līdz 43,29 EUR)" in text
    assert "Valsts un pašvaldības nodrošinātie pakalpojumi (plānā" not in text  # nothing to give: no label
    assert "Iekavās – summa, ko no šī avota" in text


# --- 15, 16, 17, 18, 19 ----------------------------------------------------------------------------------


def test_forms_carry_no_reconstruction_note(municipal) -> None:  # noqa: ANN001
    for m, docs in municipal.items():
        for doc, text in docs.items():
            assert "Rekonstrukcija" not in text and "rekonstrukcija" not in text, f"{m}/{doc}"
            if doc.startswith(FORMS):
                assert "Veidlapas paraugs; ja Labklājības ministrija izsniedz savu veidlapu, lieto to." in text, doc


def test_a_line_without_a_recipient_gets_the_services_recipient_from_the_catalogue(catalogue: Catalogue,
                                                                                   child) -> None:
    context, texts = child
    services = {s.id: s for s in catalogue.services}
    names = catalogue.enums.recipients
    for line in context.lines:
        service = services[line.label.split(" ")[0].rstrip("igb")] if line.label.split(" ")[0] in services else None
        if service is not None:
            expected = str(names[service.recipient])
            assert line.recipient.lower() == expected.lower(), line.label
    assert all(line.recipient for line in context.lines)


def test_older_is_never_written_with_the_defined_parent(municipal, child) -> None:  # noqa: ANN001
    for where, text in _all_texts(municipal, child):
        assert not re.search(r"\bvecāk(?:am|ais|ajam) bērn|\bnav vecāks par\b", text), where


def test_free_public_transport_is_not_stated_as_an_unsourced_rule(municipal) -> None:  # noqa: ANN001
    for m, docs in municipal.items():
        for doc in ("06-izdevumu-atmaksas-pieprasijums", "16-sabiedriska-transporta-atskaite"):
            text = docs[doc]
            assert "sabiedriskajā transportā brauc bez maksas" not in text, f"{m}/{doc}"
            assert "saskaņā ar normatīvajiem aktiem par braukšanas maksas atvieglojumiem" in text, f"{m}/{doc}"


def test_loan_contract_keeps_the_dienests_liability_for_its_own_fault(municipal) -> None:  # noqa: ANN001
    for m, docs in municipal.items():
        assert "ja vien bojājums vai izdevumi nav radušies Dienesta vainas dēļ" in docs["14-patapinajuma-ligums"], m


# --- 22, 23, 25, 27 --------------------------------------------------------------------------------------


def test_no_number_is_glued_to_nr(municipal, child) -> None:  # noqa: ANN001
    for where, text in _all_texts(municipal, child):
        assert not GLUED.search(text), f"{where}: {GLUED.findall(text)}"


def test_every_catalogue_price_source_is_cited_with_a_spaced_nr(catalogue: Catalogue) -> None:
    """The catalogue may write „Nr.942” or „Nr.LM2017/…”: every source, as a document cites it, has the space."""
    sources = {v.source for price in catalogue.price_by_service.values() for v in price.values if v.source}
    # the catalogue itself now writes them spaced (audit22 F7, tests/catalogue/test_catalogue_typography.py)
    sources |= {"LM deleģēšanas līgums Nr.LM2017/-24-1-04/02 (10.01.2017)", "MK 18.12.2012 noteikumi Nr.942"}
    for source in sources:
        assert not re.search(r"\bNr\.\S", figures.citation(source)), source


def test_methodology_annex_numbers_are_not_read_as_the_documents_own(municipal, child) -> None:  # noqa: ANN001
    for where, text in _all_texts(municipal, child):
        head = text.split("Projekts Nr.", 1)[0]
        assert not re.match(r"\d", head.strip()), f"{where}: {head}"
    for docs in municipal.values():
        # the methodology's annex number only in a round whose rules it is (D135): the pilot has ended today
        assert docs["01-ligums-ar-vecaku"].startswith("Projekts Nr.")
        # the form names the matrix in full with its methodology annex: nothing on it defines "IBM" (D344)
        assert docs["05-iesniegums-par-sniedzejiem"].startswith(
            "Individuālā budžeta modeļa matricas (metodikas 6. pielikums) 6.9. tabula")
        # audit41 F18 (D194): the reference names the form in the set (06) as well as the methodology's annex
        assert "(„Vecāka pieprasījums izdevumu atmaksai” – veidlapa 06, metodikas 45. pielikums)" in docs[
            "01-ligums-ar-vecaku"]
        assert "(45. pielikums)" not in docs["01-ligums-ar-vecaku"]


def test_contract_annex_2_lists_the_lines_by_priority_as_signed_sheet_6_5(child) -> None:  # noqa: ANN001
    context, texts = child
    assert [line.priority for line in context.lines] != sorted(line.priority for line in context.lines)
    annex = texts["01-ligums-ar-vecaku"].split("2. pielikums. Atbalsta plāna II daļa", 2)[-1].replace(" ", "")
    positions = [annex.index(f"{line.number}.{line.label}".replace(" ", "")) for line in context.by_priority]
    assert positions == sorted(positions)


def test_guarantee_letter_has_lines_for_the_addressees_registration_number_and_address(municipal,  # noqa: ANN001
                                                                                      child) -> None:
    for where, text in _all_texts(municipal, child):
        if "03-garantijas-vestule" in where:
            head = text.split("Garantijas vēstule par sociālo pakalpojumu apmaksu", 1)[0]
            assert "Reģistrācijas Nr." in head and "Juridiskā adrese" in head, where


# --- 29–32 wording ---------------------------------------------------------------------------------------


def test_audit_wording(municipal) -> None:  # noqa: ANN001
    for m, docs in municipal.items():
        provider = docs["02-ligums-ar-sniedzeju"]
        assert "pēc tam, kad parakstīts līgums ar Vecāku par individuālā budžeta saņemšanu" in provider, m
        assert "aptauju var pārtraukt" not in provider and "aptauju var pārtraukt" in docs["01-ligums-ar-vecaku"]
        letter = docs["03-garantijas-vestule"]
        assert "ar bankas pārskaitījumu" not in letter and "pārskaita uz rēķinā norādīto Jūsu kontu" in letter
        assert "sniedzējs apņemas" not in letter and "Jūs apņematies" in letter
        survey = docs["26-kvalitates-anketa-vecakam"]
        assert "aprēķinās" not in survey


def test_vdeavk_is_spelled_out_at_its_first_use(municipal, child) -> None:  # noqa: ANN001
    checked = 0
    for where, text in _all_texts(municipal, child):
        if where.split("/")[1].startswith(OWN_DECISIONS) or "VDEĀVK" not in text:
            continue
        first = text.index("VDEĀVK")
        assert VDEAVK in text[:first], where
        checked += 1
    assert checked >= 4
