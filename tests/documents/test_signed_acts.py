"""What a municipal lawyer checks before signing the acts and the parent contract's annexes (audit8 F7–F9,
F13–F15, D66, D67): the official's position in every act's signature block, a full appeal clause in the letter of
ineligibility, no decision term resting on an unproven norm, room for the reasoning, annexes that name their
contract and never leave the signatures alone on a page, and clause 4.5 that never contradicts the plan."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from generator.catalogue.catalogue import Catalogue, Offer
from generator.documents.build_step import render_municipality, write_document
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.documents.legal import citations
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import by_id
from generator.ministry.matrix import ChildData
from generator.reference.lines import ACTUAL_COST_UNIT, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import act_pages, normalise, unmarked, unnumbered
from tests.documents.footnote_pages import notes_apart
from tests.documents.from_matrix_helpers import docx_in_order

pytestmark = pytest.mark.slow

GRANT, TERMINATION, REFUSAL = "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu"
LETTER, CONTRACT = "18-vestule-par-neatbilstibu", "01-ligums-ar-vecaku"
ACTS = (GRANT, TERMINATION, REFUSAL, LETTER)
# MK Nr. 288 (the decision term's norm) is proven in force only until 30.09.2018 (catalogue/tiesibu-akti.yaml)
PROVEN_DAY, UNPROVEN_DAY = dt.date(2018, 9, 15), dt.date(2026, 1, 1)
OFFICIAL = "Dienesta vadītājs vai pilnvarotā persona"
REASONING = {REFUSAL: ("Neatbilstības iemesli un dokumenti, kas to apliecina",
                       "Vecāka viedoklis vai paskaidrojumi un to izvērtējums"),
             TERMINATION: ("Apstākļu apraksts (kas, kad un kā konstatēts)",
                           "Vecāka viedoklis vai paskaidrojumi un to izvērtējums")}


def _pdf(path: Path) -> list[str]:
    """The PDF's pages as normalised text."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [normalise(page) for page in text.split("\f")[:-1]]


def _texts(folder: Path, doc_id: str) -> dict[str, str]:
    # the words round a blank: without its mark (D369)
    return {"pdf": unmarked(" ".join(_pdf(folder / f"{doc_id}.pdf"))), "docx": unmarked(docx_in_order(folder / f"{doc_id}.docx"))}


@pytest.fixture(scope="module")
def acts(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[dt.date, tuple[dict, Path]]:
    """The municipality's acts made on a day the decision term's norm is proven in force and on one it is not."""
    root = tmp_path_factory.mktemp("signed-acts")
    result = {}
    for day in (PROVEN_DAY, UNPROVEN_DAY):
        folder = root / day.isoformat()
        documents = render_municipality(catalogue, catalogue.municipality("valmiera"), [by_id(i) for i in ACTS],
                                        build_date=day)
        for document in documents:
            write_document(document, folder)
        result[day] = ({d.spec.id: d for d in documents}, folder)
    return result


def test_every_act_names_the_officials_position_and_authorisation(acts) -> None:
    """F7, D66: a written administrative act names the position of the official who issues it."""
    for doc_id in ACTS:
        for kind, text in _texts(acts[UNPROVEN_DAY][1], doc_id).items():
            block = text[text.rindex(OFFICIAL):]
            assert "Amats" in block, (doc_id, kind)
            assert "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)" in block, (doc_id, kind)


def test_the_letter_of_ineligibility_carries_the_refusals_appeal_clause(acts) -> None:
    """F13, D66: 18 refuses to forward an application, an administrative act: it says so, when it enters into force,
    and the same body, term, start and place of submission as the refusal decision 17."""
    folder = acts[UNPROVEN_DAY][1]
    refusal = _texts(folder, REFUSAL)["pdf"]
    appeal = re.search(r"Lēmumu viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt [^.]+\. [^.]+\. panta "
                       r"otrā daļa un 79\. panta pirmā daļa\.", refusal)
    assert appeal, refusal
    # the citations' marks differ: the letter cites fewer norms before its appeal clause
    unmarked = re.compile(r"______[¹²³⁴⁵]")
    clause = unmarked.sub("______", appeal.group(0))
    assert "______" in clause  # the social services law's appeal norm, to verify (D74)
    for kind, text in _texts(folder, LETTER).items():
        text = unmarked.sub("______", text)
        assert "Šī vēstule ir Dienesta lēmums par Jūsu iesniegumu (administratīvais akts)." in text, kind
        assert "Lēmums stājas spēkā ar brīdi, kad vēstule paziņota adresātam (Administratīvā procesa likuma 70. " \
               "panta pirmā daļa)." in text, kind
        assert clause in text, kind
        assert "ko var apstrīdēt" not in text, kind  # no longer only a pointer to a decision the parent must ask for


def test_the_decision_term_is_a_figure_only_while_its_norm_is_proven(acts, catalogue: Catalogue) -> None:
    """F9, D67: "lēmumu pieņem 10 darba dienu laikā" rests on MK Nr. 288, 5. punkts; where the norm is a blank,
    the term is one too, with a note."""
    assert citations(catalogue, PROVEN_DAY).in_force("mk-288-5")
    assert not citations(catalogue, UNPROVEN_DAY).in_force("mk-288-5")
    days = catalogue.programme.decision_working_days.at(catalogue.latest_date).value
    for doc_id in (GRANT, REFUSAL):
        for kind, text in _texts(acts[PROVEN_DAY][1], doc_id).items():
            assert f"(lēmumu pieņem {days} darba dienu laikā)" in text, (doc_id, kind)
            assert "termiņu ieraksta pēc tās" not in text, (doc_id, kind)
        for kind, text in _texts(acts[UNPROVEN_DAY][1], doc_id).items():
            assert "darba dienu" not in text, (doc_id, kind)
            assert "(lēmumu pieņem ______ laikā)" in text, (doc_id, kind)
            assert "Tukšā vieta „______ laikā”: lēmuma pieņemšanas termiņu nosaka tā pati norma" in text, (doc_id, kind)


def _writing_area(html: str, label: str) -> str:
    start = html.index(label)
    area = html.rindex('<div class="writing-area"', 0, start)
    return html[area:html.index("</div>", start)]


def test_refusal_and_termination_leave_room_for_the_facts_and_reasoning(acts) -> None:
    """F14: 8–10 ruled lines for each reasoning field in the PDF, a box as tall to type into in the DOCX."""
    documents, folder = acts[UNPROVEN_DAY]
    for doc_id, labels in REASONING.items():
        html = documents[doc_id].html
        body = Document(str(folder / f"{doc_id}.docx")).element.body
        for label in labels:
            lines = _writing_area(html, label).count('class="line"')
            assert 8 <= lines <= 10, (doc_id, label, lines)
            heads = [p for p in body.iterchildren(qn("w:p")) if normalise("".join(
                t.text or "" for t in p.iter(qn("w:t")))) == label]
            assert heads, (doc_id, label)
            box = heads[0].getnext()
            assert box.tag == qn("w:tbl"), (doc_id, label)
            rows = box.findall(qn("w:tr"))
            assert len(rows) == 1 and len(rows[0].findall(qn("w:tc"))) == 1, (doc_id, label)
            height = int(rows[0].find(qn("w:trPr")).find(qn("w:trHeight")).get(qn("w:val")))
            assert height >= Cm(0.6 * 8).twips, (doc_id, label, height)


def _price(offer: Offer) -> Decimal | None:
    """The catalogue's prefilled price, else 20 EUR; an item in euro at actual cost is priced 1,00 EUR (D70)."""
    if offer.prefill_price is not None:
        return None
    return Decimal("1") if str(offer.service.unit) == ACTUAL_COST_UNIT else Decimal("20")


def _child_contract(catalogue: Catalogue, lines: int, months: int = 6,  # noqa: ANN202 - RenderedDocument
                    start: dt.date = dt.date(2018, 10, 1), doc_id: str = CONTRACT):
    """The parent contract 01 (or the paper ``doc_id``) for a fictional child whose plan has ``lines`` catalogue
    lines over ``months`` from ``start`` (default: the pilot round's first service day)."""
    day = template_date(catalogue)
    offers = list(catalogue.offers(day))[:lines]
    plan = tuple(line_from_offer(o, months, unit_price=_price(o), planned_units=(1,) * months) for o in offers)
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=start, months=months,
                            special_care=False, impairment="multipli", lines=plan, base=Decimal("3100.00"),
                            benefits=Decimal(0))
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    assert not [f for f in outcome.findings if f.severity.name == "error"]
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs", data=ChildData("ogre", "Anna Paraugs", "010512-20000",
                                                                             "multipli", day, inputs),
                            params=params, outcome=outcome, parent_name="Pēteris Paraugs",
                            providers={line.label: "SIA Viens" for line in plan})
    reading.not_eligible = None
    child = build(reading, catalogue, pseudonymous=False, day=PROVEN_DAY)
    return next(d for d in render_child(catalogue, catalogue.municipality("ogre"), child, day, False,
                                        build_day=PROVEN_DAY) if d.spec.id == doc_id)


@pytest.mark.parametrize("lines", [16, 18])
def test_the_annexes_name_their_contract_and_never_leave_the_signatures_alone(
        catalogue: Catalogue, tmp_path: Path, lines: int) -> None:
    """F15: every annex page names the contract ("Līguma Nr. ______"), the first page of each annex also its date;
    the last rows of an annex's table stay with its signatures (with 16 and 18 plan lines the signatures of annex
    1 or 2 used to stand alone on a page)."""
    document = _child_contract(catalogue, lines)
    pdf = write_pdf(document.html, tmp_path / f"{CONTRACT}.pdf")
    pages = act_pages(_pdf(pdf))  # the act, not the preparer's sheet after it (D161)
    first = next(i for i, page in enumerate(pages) if "1. pielikums. Atbalsta plāna I daļa" in page
                 and "Līgumam ir šādi pielikumi" not in page)
    for number, page in enumerate(pages[first:], first + 1):
        assert not page.startswith("Sociālais darbinieks"), (lines, number, page[:200])
        assert "Līguma Nr. ______" in page, (lines, number)
    for annex in (1, 2, 3):
        # annex 1's head carries the mark of the heads' note (D369)
        assert sum(f"Līguma Nr. ______, kas noslēgts __.__.______, {annex}. pielikums" in unmarked(p) for p in pages) == 1
    docx = write_docx(document.html, tmp_path / f"{CONTRACT}.docx", document.spec.title, document.version,
                      document.created)
    assert "Līguma Nr. ______, kas noslēgts __.__.______, 2. pielikums" in docx_in_order(docx)


def _text(html: str) -> str:
    return normalise(re.sub(r"<[^>]+>", " ", unnumbered(html)))


def test_clause_4_5_states_the_rounds_first_plan_length_only_in_the_blank_form(catalogue: Catalogue) -> None:
    """D127, D344: "(izmēģinājumprojekta pirmais atbalsta plāns – 5 mēneši)" is the round's rule, printed in the
    municipality's blank contract; a child's contract names only its own plan period and month count, so a 6-month
    (or 2-month) first plan is no contradiction on the signed page – and a 5-month plan reads the same way."""
    first = catalogue.programme.first_period_months.at(catalogue.latest_date).value
    sentence = f"(izmēģinājumprojekta pirmais atbalsta plāns – {first} mēneši)"
    assert first != 6
    six = _text(_child_contract(catalogue, 3, months=6).body)
    assert "pirmais atbalsta plāns –" not in six
    # a plan from the round's first service day is certainly the child's first (D151, audit33b F6); its months are
    # calendar months (D93), whole or not (audit33b F13)
    assert ("Šā līguma pielikumos ir Bērna pirmais atbalsta plāns izmēģinājumprojekta kārtā periodam no 01.10.2018 "
            "līdz 31.03.2019 (6 kalendāra mēneši).") in six
    same = _text(_child_contract(catalogue, 3, months=first).body)
    assert sentence not in same and f"({first} kalendāra mēneši)." in same
    later = _text(_child_contract(catalogue, 3, months=3, start=dt.date(2019, 4, 15)).body)
    assert ("Šā līguma pielikumos ir atbalsta plāns periodam no 15.04.2019 līdz 30.06.2019 (3 kalendāra mēneši)."
            in later)
    municipal = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id(CONTRACT)],
                                    build_date=PROVEN_DAY)[0]
    assert sentence in _text(municipal.body)
    assert "Šā līguma pielikumos ir atbalsta plāns periodam" not in _text(municipal.body)


def test_each_acts_note_is_on_its_marks_page(acts) -> None:  # noqa: ANN001
    """D345: the acts above, on both days (tests/documents/footnote_pages.py)."""
    apart, noted = notes_apart(sorted(p for _docs, folder in acts.values() for p in folder.glob("*.pdf")))
    assert not apart, "\n".join(apart)
    assert noted
