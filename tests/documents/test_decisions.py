"""The decisions (08 grant, 09 termination, 17 refusal) and the age texts of 04 and 18 as a lawyer reads them,
in the PDF and the DOCX that are signed: the age criterion is one rule, the round's last day, with its date (D110),
a person of age is not addressed through a legal representative and the refusal's reason is the act's own
sentence (D40), no staff instruction is part of an act (D41), the grant states the amount A that may be spent,
no unexplained "pieejami" figures, and VDEĀVK is spelled out at its first use."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality, write_document
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.checklist import before_signing
from generator.documents.from_matrix.context import BLANK_EUR, build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import by_id
from generator.documents.round_rules import LATER_KIND, PILOT_KIND
from generator.documents.terms import BLANK_DATE
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise, unmarked
from tests.documents.footnote_pages import notes_apart
from tests.documents.from_matrix_helpers import docx_in_order, docx_tables

pytestmark = pytest.mark.slow

GRANT, TERMINATION, REFUSAL = "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu", "17-lemums-par-atteikumu"
APPLICATION, LETTER = "04-iesniegums-par-dalibu", "18-vestule-par-neatbilstibu"
PERIOD_START = dt.date(2018, 10, 1)  # the first day of the children's round's first reporting period
BUILD_DAY = dt.date(2019, 2, 15)  # inside the children's round (catalogue/rounds.yaml)
VDEAVK = "Veselības un darbspēju ekspertīzes ārstu valsts komisija (turpmāk – VDEĀVK)"
STAFF_WORDS = ("ar roku", "pirms lēmuma parakstīšanas", "Lēmumu paraksta tikai", "sociālais darbinieks pārbauda")


def _limit(catalogue: Catalogue) -> int:
    return int(catalogue.programme.eligibility_age_limit.at(template_date(catalogue)).value)


def _reading(catalogue: Catalogue, birth: dt.date, prices: dict[str, Decimal | None] | None = None,
             benefits: Decimal | None = None, period_start: dt.date = PERIOD_START) -> MatrixReading:
    """A child's matrix as the documents read it: one market-price line (or ``prices``), the ministry's base."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    market = next(o.id for o in offers.values() if o.prefill_price is None)
    lines = tuple(line_from_offer(offers[i], 10, unit_price=p, planned_units=(5, 5))
                  for i, p in (prices or {market: Decimal("20")}).items())
    inputs = WorkbookInputs(birth_date=birth, period_start=period_start, months=2, special_care=False,
                            impairment="multipli", lines=lines, base=Decimal("3100.00"),
                            benefits=benefits if benefits is not None else Decimal(0))
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs", data=ChildData("ogre", "Anna Paraugs", "010512-20000",
                                                                             "multipli", day, inputs),
                            params=params, outcome=outcome, parent_name="Pēteris Paraugs",
                            providers={line.label: "SIA Viens" for line in lines})
    # as reading.py: the reference's finding (born after the check date, of age on it or by the round's end, D110)
    reading.not_eligible = next((f.message for f in outcome.findings if f.code == "not_eligible"), None)
    return reading


def _texts(folder: Path, doc_id: str) -> dict[str, str]:
    """The document's text as signed: the PDF (pdftotext) and the DOCX, both in reading order."""
    pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", str(folder / f"{doc_id}.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    # the words round a blank: without its mark (D369)
    return {"pdf": unmarked(normalise(pdf)), "docx": unmarked(docx_in_order(folder / f"{doc_id}.docx"))}


def _write(documents, folder: Path) -> Path:  # noqa: ANN001 - RenderedDocument list
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        write_pdf(document.html, folder / f"{document.spec.id}.pdf")
        write_docx(document.html, folder / f"{document.spec.id}.docx", document.spec.title, document.version,
                   document.created)
    return folder


@pytest.fixture(scope="module")
def cases(catalogue: Catalogue, later_catalogue: Catalogue,
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, Path]]:
    """Rendered PDF and DOCX: the municipality's blank decisions and forms (round ended: blanks; round running:
    its last day), an eligible child's grant, an unconfirmed price's grant, an adult's and a minor's refusal."""
    root = tmp_path_factory.mktemp("decisions")
    valmiera = catalogue.municipality("valmiera")
    specs = [by_id(i) for i in (APPLICATION, GRANT, TERMINATION, REFUSAL, LETTER)]
    result: dict[str, tuple[object, Path]] = {}
    for name, day in (("municipality", dt.date(2026, 1, 1)), ("running", BUILD_DAY)):
        folder = root / name
        for document in render_municipality(catalogue, valmiera, specs, build_date=day):
            write_document(document, folder)
        result[name] = (None, folder)
    limit = _limit(catalogue)
    children = {
        "eligible": (_reading(catalogue, dt.date(2012, 5, 1), benefits=Decimal("43.29")), BUILD_DAY),
        # 18 on the check date and on the decision day: addressed to the parent who applied
        "adult": (_reading(catalogue, dt.date(PERIOD_START.year - limit, 9, 1)), BUILD_DAY),
        # 18 on the check date, still 17 on the (earlier) decision day: the parent is the legal representative
        "minor": (_reading(catalogue, dt.date(PERIOD_START.year - limit, 10, 1)), dt.date(2018, 9, 1)),
        # 17 on the check date, 18 before the round's last day (31.10.2019): the matrix finds no error (D1), the
        # papers refuse (D110)
        "of_age_by_end": (_reading(catalogue, dt.date(PERIOD_START.year - limit + 1, 3, 15)), BUILD_DAY),
    }
    # an unconfirmed catalogue price exists only in a matrix for a round whose prices prefill one (2.1, D61)
    later_start = template_date(later_catalogue)
    offers = {o.id: o for o in later_catalogue.offers(later_start)}
    market = next(o.id for o in offers.values() if o.prefill_price is None)
    # the confirmed line alone stays below P, so 2.1's open price decides A (with N_c above P, A would be P: D294)
    children["unconfirmed"] = (_reading(later_catalogue, dt.date(2012, 5, 1), {"2.1": None, market: Decimal("40")},
                                        period_start=later_start), later_start + dt.timedelta(days=45))
    for name, (reading, day) in children.items():
        cat = later_catalogue if name == "unconfirmed" else catalogue
        child = build(reading, cat, pseudonymous=False, day=day)
        docs = [d for d in render_child(cat, cat.municipality("valmiera"), child, reading.data.params_day, False,
                                        build_day=day)
                if d.spec.id in (GRANT, REFUSAL)]
        result[name] = ((reading, child), _write(docs, root / name))
    return result


def _decision_texts(cases, name: str, doc_id: str) -> dict[str, str]:  # noqa: ANN001
    return _texts(cases[name][1], doc_id)


def test_the_age_criterion_of_the_decisions_is_the_rounds_last_day(cases, catalogue: Catalogue) -> None:
    """D110: 08 and 17 state the same age rule as 04 and 18 – no 18 years on the round's last day – ticked from
    the matrix, a blank date in the municipality's set once the round has ended; the check date (D1) is printed
    for the rate only."""
    limit = _limit(catalogue)
    end = lvformat.date(catalogue.rounds_of("bērni")[0].end)
    (reading, child), folder = cases["eligible"]
    check = lvformat.date(reading.outcome.check_date)
    assert check == "01.10.2018" and child.check_date == check and child.round_end == end == "31.10.2019"
    rule = f"Bērnam izmēģinājumprojekta kārtas pēdējā dienā ({end}) vēl nav {limit} gadu"
    for kind, text in _texts(folder, GRANT).items():
        assert rule in text, kind
        assert f"Pārbaudes datums (tā pārskata perioda pirmā diena, kurā sākas atbalsta plāns): {check}" in text, kind
        assert f"pārbaudes datumā {check}" not in text and "nesasniegs" not in text, kind
    rows = {row[0]: row[1:] for table in docx_tables(folder / f"{GRANT}.docx") for row in table if len(row) == 3}
    assert rows[rule] == ["☒", "☐"]
    for name in ("adult", "of_age_by_end"):
        folder = cases[name][1]
        rows = {row[0]: row[1:] for table in docx_tables(folder / f"{REFUSAL}.docx") for row in table
                if len(row) == 3}
        assert rows[rule] == ["☐", "☒"], name
        assert rule in _texts(folder, REFUSAL)["pdf"], name
    for doc_id in (GRANT, REFUSAL):
        for kind, text in _decision_texts(cases, "municipality", doc_id).items():
            # made after the pilot ended: the neutral words (D129, D135)
            assert f"Bērnam {LATER_KIND['karta']['gen']} pēdējā dienā ({normalise(BLANK_DATE)}) vēl nav {limit} " \
                   "gadu" in text, (doc_id, kind)
            assert "nav 18 gadu" not in text.replace(f"vēl nav {limit} gadu", ""), (doc_id, kind)


def test_a_child_who_comes_of_age_before_the_rounds_end_is_refused(cases, catalogue: Catalogue) -> None:
    """D110: 17 on the check date, 18 before the round's last day – not eligible for the reference and the matrix
    (one error, as for a child already of age on the check date), refused by the papers with the rule's own
    sentence, as letter 18 would refuse the application."""
    limit = _limit(catalogue)
    (reading, child), folder = cases["of_age_by_end"]
    found = [f for f in reading.outcome.findings if f.code == "not_eligible"]
    assert len(found) == 1 and "kārtas pēdējai dienai 31.10.2019" in found[0].message, found
    assert reading.outcome.provisional == 0 and reading.outcome.age == limit - 1
    assert child.not_eligible and child.refusal is not None and child.refusal.about_age
    assert not child.refusal.adult  # 17 on the decision day: the parent is still the legal representative
    reason = (f"Izmēģinājumprojekta kārtas pēdējā dienā 31.10.2019 personai, kuras dzimšanas datums ir "
              f"15.03.{PERIOD_START.year - limit + 1}, būs {limit} gadi, bet individuālo budžetu piešķir tikai "
              f"bērnam, kuram kārtas pēdējā dienā vēl nav {limit} gadu.")
    assert child.refusal.reason == reason
    for kind, text in _texts(folder, REFUSAL).items():
        assert reason in text, kind
    assert not (folder / f"{GRANT}.pdf").exists()


def test_the_application_and_the_letter_state_the_selection_age_rule_with_the_rounds_last_day(
        cases, catalogue: Catalogue) -> None:
    """D39, D110: selection (stage 1, L980) takes the age on the round's last day; 04 also tells the parent that the
    age on the check date (D1) chooses the rate only. The date is the round's last day while it runs, a blank with a note once it has ended."""
    limit = _limit(catalogue)
    end = lvformat.date(catalogue.rounds_of("bērni")[0].end)
    # while the pilot runs its words; the municipality's set made after it ended, the neutral ones (D129, D135)
    for name, day, round_words in (("running", end, PILOT_KIND["karta"]["gen"]),
                                   ("municipality", normalise(BLANK_DATE), LATER_KIND["karta"]["gen"])):
        folder = cases[name][1]
        for kind, text in _texts(folder, APPLICATION).items():
            assert f"Bērnam {round_words} pēdējā dienā ({day}) vēl nav {limit} gadu" in text, kind
            assert f"kuram {round_words} pēdējā dienā ({day}) jau būs {limit} gadi" in text, kind
            assert ("bērna vecums tā pārskata perioda pirmajā dienā, kurā sākas viņa atbalsta plāns, nosaka tikai "
                    "individuālā budžeta likmi") in text, kind
            assert ("Tukšā vieta" in text) == (name == "municipality"), kind
            assert "nesasniegs" not in text and "izmēģinājumprojekta laikā sasniegs" not in text, kind
        for kind, text in _texts(folder, LETTER).items():
            assert f"bērnam {round_words} pēdējā dienā ({day}) jau būs {limit} gadi" in text, kind
            assert "izmēģinājumprojekta laikā sasniegs" not in text, kind


def test_a_refusal_for_a_person_of_age_is_addressed_to_the_applicant_with_a_copy_to_the_person(
        cases, catalogue: Catalogue) -> None:
    """D40: at 18 the parent is no longer the legal representative; the reason is one sentence of the act with
    both dates, §4.2 (new application if circumstances change) is left out for an age refusal, and a child never
    admitted has no plan period."""
    limit = _limit(catalogue)
    (reading, child), folder = cases["adult"]
    assert child.refusal is not None and child.refusal.adult and child.refusal.about_age
    born, check = lvformat.date(reading.data.inputs.birth_date), lvformat.date(reading.outcome.check_date)
    reason = (f"Izmēģinājumprojekta kārtas pēdējā dienā 31.10.2019 personai, kuras dzimšanas datums ir {born}, "
              f"būs {limit + 1} gadi, bet individuālo budžetu piešķir tikai bērnam, kuram kārtas pēdējā dienā vēl "
              f"nav {limit} gadu.")
    assert check == "01.10.2018"
    for kind, text in _texts(folder, REFUSAL).items():
        head = text.split("1. Lietas apstākļi")[0] if kind == "pdf" else text.split("Lietas apstākļi")[0]
        assert "Adresāts – iesniedzējs (vecāks, kas iesniedza iesniegumu): Pēteris Paraugs" in head, kind
        assert "Kopija – personai, par kuru pieņemts lēmums (lēmuma pieņemšanas dienā pilngadīga): Anna " \
               "Paraugs" in head, kind
        assert "likumiskais pārstāvis" not in text, kind
        assert "Bērna vecāks (turpmāk – Vecāks)" in text, kind
        assert reason in text, kind
        assert "nav tiesīgs" not in text and "IB:" not in text, kind
        assert "Ja apstākļi mainās" not in text and "nosaka invaliditāti" not in text, kind
        assert "Atbalsta plāna periods" not in text and child.period not in text, kind
    # the act's reason is one sentence: no colon, no brackets, one full stop at its end
    assert ":" not in reason and "(" not in reason and reason.endswith(".")
    assert re.sub(r"\d{2}\.\d{2}\.\d{4}", "", reason).count(".") == 1
    assert child.refusal.reason == reason
    # 17 on the decision day (the plan starts later): the parent is still the legal representative
    (reading, child), folder = cases["minor"]
    assert child.refusal is not None and not child.refusal.adult
    for kind, text in _texts(folder, REFUSAL).items():
        assert "Adresāts – vecāks, aizbildnis vai audžuģimene: Pēteris Paraugs" in text, kind
        assert "Kopija" not in text and "Ja apstākļi mainās" not in text, kind
    # the municipality's blank refusal keeps the general clause on a new application
    for kind, text in _decision_texts(cases, "municipality", REFUSAL).items():
        assert "Ja apstākļi mainās (piemēram, VDEĀVK bērnam nosaka invaliditāti)" in text, kind
        assert "Adresāts – vecāks, aizbildnis vai audžuģimene" in text, kind


def test_the_grant_holds_no_staff_instruction_and_reasons_on_every_criterion(cases) -> None:
    """D41: the act states that the child meets every criterion of 1.2; what staff check before signing is in
    the child's parskats.txt, not in the act (municipality set and a child's documents alike)."""
    for name in ("municipality", "eligible"):
        for kind, text in _decision_texts(cases, name, GRANT).items():
            assert "Bērns atbilst visiem 1.2. punktā minētajiem kritērijiem, tāpēc viņam piešķir" in text, (name, kind)
            for words in STAFF_WORDS:
                assert words not in text, (name, kind, words)
    (reading, child), _ = cases["eligible"]
    checklist = "\n".join(before_signing(child))
    assert GRANT in checklist and "ar roku" in checklist and "ailē „Atbilst” atzīmēti visi kritēriji" in checklist
    assert f"kārtas pēdējā dienā {child.round_end}" in checklist and REFUSAL in checklist


def test_the_grant_states_the_amount_a_that_may_be_spent(cases) -> None:
    """08 names A next to P (table) and in the operative part; a blank while A rests on an unconfirmed price
    (D22), with the note; the municipality's set leaves it blank."""
    (reading, child), folder = cases["eligible"]
    available = lvformat.eur(reading.outcome.available)
    assert reading.outcome.available > 0 and child.available == available
    sentence = "Atbalsta plāna īstenošanai no IB izlieto ne vairāk kā {} (IB pieejamais apmērs)."
    for kind, text in _texts(folder, GRANT).items():
        assert normalise(sentence.format(available)) in text, kind
    # the unit once, in the cells („2 170,00 EUR”), not also in the child's headers (D344)
    table = next(t for t in docx_tables(folder / f"{GRANT}.docx") if "IB pieejamais apmērs plānam (A)" in t[0])
    assert table[0].index("IB pieejamais apmērs plānam (A)") == table[0].index("IB provizoriskais apmērs (P)") + 1
    assert normalise(table[1][3]) == normalise(available)
    assert normalise(table[1][2]) == normalise(lvformat.eur(reading.outcome.provisional))
    (reading, child), folder = cases["unconfirmed"]
    assert reading.outcome.needed < reading.outcome.provisional  # A = N, and N rests on the open price
    assert child.available == BLANK_EUR and reading.outcome.available > 0
    for kind, text in _texts(folder, GRANT).items():
        assert normalise(sentence.format(BLANK_EUR)) in text, kind
        assert normalise(child.unconfirmed_note) in text, kind
    for kind, text in _decision_texts(cases, "municipality", GRANT).items():
        assert normalise(sentence.format("______ EUR")) in text, kind


def test_the_grant_shows_no_unexplained_available_figures(cases) -> None:
    """The other sources' inputs are no bare „pieejami 43,29 EUR”: the act shows what the plan uses, with the limit
    labelled as in annex 2 of the contract (D41, audit34 F5)."""
    (reading, child), folder = cases["eligible"]
    assert reading.data.inputs.benefits == Decimal("43.29")
    for kind, text in _texts(folder, GRANT).items():
        assert "pieejami" not in text, kind
        assert text.count("43,29") == text.count("plānā varēja izmantot līdz 43,29 EUR") == 1, kind
        assert "Valsts un pašvaldības pabalsti, izmantotā daļa" in text, kind


@pytest.mark.parametrize("name", ["municipality", "eligible", "adult"])
def test_vdeavk_is_spelled_out_at_its_first_use_in_each_decision(cases, name: str) -> None:
    folder = cases[name][1]
    for doc_id in (GRANT, TERMINATION, REFUSAL):
        if not (folder / f"{doc_id}.pdf").exists():
            continue
        for kind, text in _texts(folder, doc_id).items():
            if "VDEĀVK" not in text:
                continue
            first = text.index("VDEĀVK")
            assert text[:first + len("VDEĀVK)")].endswith(VDEAVK), (name, doc_id, kind)
            assert text.count("Veselības un darbspēju") == 1, (name, doc_id, kind)


def test_the_refusal_reason_agrees_in_number_and_covers_a_child_born_after_the_check_date() -> None:
    from generator.documents.from_matrix.refusal import refusal, years, years_genitive

    assert [years(n) for n in (1, 11, 18, 21)] == ["1 gads", "11 gadi", "18 gadi", "21 gads"]
    assert [years_genitive(n) for n in (1, 11, 18, 21)] == ["1 gada", "11 gadu", "18 gadu", "21 gada"]
    check = dt.date(2018, 10, 1)
    old = refusal(dt.date(1997, 9, 1), check, 18, dt.date(2019, 1, 1))
    assert "bija 21 gads," in old.reason and old.adult
    late = refusal(dt.date(2018, 11, 5), check, 18, dt.date(2019, 1, 1))
    assert late.reason == ("Bērns ir dzimis 05.11.2018, tātad pēc pārbaudes datuma 01.10.2018, bet individuālo "
                           "budžetu piešķir tikai bērnam, kurš pārbaudes datumā jau ir dzimis.")
    assert not late.adult
    end = dt.date(2019, 10, 31)
    assert "31.10.2019 personai, kuras dzimšanas datums ir 01.09.1997, būs 22 gadi," in \
        refusal(dt.date(1997, 9, 1), check, 18, dt.date(2019, 1, 1), end).reason
    assert ", bija 22 gadi," in refusal(dt.date(1997, 9, 1), check, 18, dt.date(2020, 1, 1), end).reason
    assert ", ir 18 gadi," in refusal(dt.date(2001, 3, 15), check, 18, end, end).reason
    born_late = refusal(dt.date(2018, 11, 5), check, 18, dt.date(2019, 1, 1), end)
    assert born_late.reason == late.reason  # born after the check date: that is the reason, not the round


def test_the_adult_refusal_checklist_says_where_the_copy_goes(cases) -> None:
    (_, child), _ = cases["adult"]
    text = "\n".join(before_signing(child))
    assert REFUSAL in text and "kopiju nosūta personai" in text
    (_, minor), _ = cases["minor"]
    assert "kopiju" not in "\n".join(before_signing(minor))


def test_each_decisions_note_is_on_its_marks_page(cases) -> None:  # noqa: ANN001
    """D345: the blank and the children's decisions above (tests/documents/footnote_pages.py)."""
    apart, noted = notes_apart(sorted(p for _case, folder in cases.values() for p in folder.glob("*.pdf")))
    assert not apart, "\n".join(apart)
    assert noted
