"""What a child's papers from a matrix say about the plan period, the amounts and the day they are made on
(audit17): 01 pays only within the plan period (F4) and never leaves F an unexplained blank beside A (F12); the
price annex of 02/03 names its paper, the child's code and the provider (F9); papers made after the plan began
speak of services already given (F14); an archive copy does not claim that the papers were signed before the
plan (F3, D69)."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import figures
from generator.documents.from_matrix.context import ChildContext, build
from generator.documents.from_matrix.writing import render_child
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import plan_reading

CASE = "ogre"
BEFORE = dt.date(2018, 9, 30)  # the day before the plan (01.10.2018–30.11.2018)
FIRST = dt.date(2018, 10, 1)
LAST = dt.date(2018, 11, 30)


def _papers(catalogue: Catalogue, day: dt.date, archive: bool = False) -> tuple[ChildContext, dict[str, str]]:
    """A two-month plan of a regulated service (a capped price, so 02/03 have a price annex) by SIA Norma, made on
    ``day``; the child has a pseudonymous code."""
    offers = catalogue.offers(template_date(catalogue))
    regulated = next(o for o in offers if o.service.regime in figures.REGULATED)
    reading = plan_reading(catalogue, CASE, (
        (regulated.id, 2, regulated.prefill_price or Decimal("5.00"), (1, 1), "SIA Norma"),))
    child = build(reading, catalogue, pseudonymous=True, day=day)
    documents = render_child(catalogue, catalogue.municipality(CASE), child, reading.data.params_day, False,
                             build_day=day, archive=archive)
    return child, {d.spec.id: _text(d.html) for d in documents}


def _text(html: str) -> str:
    """The HTML's text, a space between elements (so table cells stay apart)."""
    return normalise(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


def _doc(texts: dict[str, str], prefix: str) -> str:
    found = [text for name, text in texts.items() if name.startswith(prefix)]
    assert found, f"nav dokumenta {prefix}: {sorted(texts)}"
    return found[0]


@pytest.fixture(scope="module")
def early(catalogue: Catalogue) -> tuple[ChildContext, dict[str, str]]:
    return _papers(catalogue, BEFORE)


@pytest.fixture(scope="module")
def late(catalogue: Catalogue) -> tuple[ChildContext, dict[str, str]]:
    return _papers(catalogue, LAST)


def test_the_parent_contract_pays_the_rounds_services_only_within_the_plan_period(early) -> None:  # noqa: ANN001
    """F4: the clause naming the round's services window also says that only the plan period's services are paid
    and names its dates, so days of the window before the plan are not read as payable."""
    child, texts = early
    contract = _doc(texts, "01-")
    clause = next(s for s in re.split(r"(?=\b\d+\.\d+\. )", contract)
                  if "apmaksā tikai tos pakalpojumus, kas saņemti no" in s)
    assert "izmēģinājumprojekta kārtas pakalpojumu saņemšanas laiks" in clause
    assert "tikai atbalsta plāna periodā" in clause
    assert (f"Šā atbalsta plāna periods ir no {child.start} līdz {child.end} (2. pielikums): pakalpojumus, kas "
            f"saņemti pirms {child.start} vai pēc {child.end}, pēc šā plāna no IB neapmaksā.") in clause


def test_the_final_amount_not_set_is_said_and_the_table_shows_the_available_amount(early) -> None:  # noqa: ANN001
    """F12: F left to the ministry reads „nav noteikts” with a note, and A – the amount 5.3's „IB pieejamajā
    apmērā” means – has its own column."""
    child, texts = early
    contract = _doc(texts, "01-")
    assert not child.final and child.available
    table = contract[contract.index("Atbalsta plāna periods IB provizoriskais"):]
    table = table[:table.index("„nav noteikts” –")]  # the paper's sentence under the table (not a note, D369)
    assert "IB pieejamais apmērs plānam (A)" in table  # as in 08 and the matrix (audit18 F12); EUR in the cells
    row = table[table.index(child.period):]
    cells = [child.period, child.provisional, child.needed, "nav noteikts", child.available, child.total]
    assert row.strip() == normalise(" ".join(cells))
    note = contract[contract.index("„nav noteikts” –"):]
    assert note.index("Labklājības ministrija") < note.index("IB pieejamais apmērs plānam (A) ir summa")


@pytest.mark.parametrize("letter", [False, True])
def test_the_price_annex_names_its_paper_the_child_and_the_provider(early, letter: bool) -> None:  # noqa: ANN001
    """F9: the annex is a separate page of 02/03: its head names the contract (or letter) with blanks for its number
    and date, the child's code and the provider, as the parent contract's annexes do."""
    child, texts = early
    text = _doc(texts, "03-" if letter else "02-")
    annex = text[text.rindex("Pielikums. Augstākās pieļaujamās cenas") - 300:]
    head = ("Garantijas vēstules Nr. ______ (__.__.______) pielikums" if letter
            else "Līguma Nr. ______, kas noslēgts __.__.______, pielikums")
    whom = "Adresāts – pakalpojuma sniedzējs" if letter else "Sniedzējs"
    assert (f"{head} Pielikums. Augstākās pieļaujamās cenas Bērna identifikācijas kods: {child.identification} "
            f"{whom}: SIA Norma") in annex
    assert child.identification == "paraugs"


def test_papers_made_before_the_plan_promise_services_to_come(early) -> None:  # noqa: ANN001
    _, texts = early
    letter, contract = _doc(texts, "03-"), _doc(texts, "02-")
    assert "ko Jūs sniegsiet bērnam" in letter and "sniedzāt" not in letter
    assert "pirms šīs vēstules datuma, rēķinu" not in letter
    assert "atbalsta plāna periods jau bija sācies" not in contract
    assert "Par pakalpojumiem, kas sniegti pirms līguma parakstīšanas, Sniedzējs rēķinu" not in contract


def test_papers_made_after_the_plan_began_cover_services_already_given(late) -> None:  # noqa: ANN001
    """F14: on the plan's last day (D28 still allows signable papers) the letter guarantees services „sniedzāt vai
    vēl sniegsiet”, says how to invoice those given before it, and the contract's note says it covers services
    already given and may last a single day without changing what is paid."""
    child, texts = late
    letter, contract = _doc(texts, "03-"), _doc(texts, "02-")
    assert "ko Jūs sniedzāt vai vēl sniegsiet bērnam" in letter and "ko Jūs sniegsiet" not in letter
    assert ("Par pakalpojumiem, kas sniegti pirms šīs vēstules datuma, rēķinu un pieņemšanas-nodošanas aktu vai "
            "klientu reģistrācijas lapas kopiju iesniedziet kopā ar pirmo rēķinu pēc vēstules parakstīšanas.") in letter
    assert (f"Piezīme sagatavotājam – pirms parakstīšanas dzēst. Līgums sagatavots, kad atbalsta plāna periods jau bija sācies ({child.start}): tas attiecas "
            "gan uz jau sniegtajiem, gan uz vēl sniedzamajiem šā perioda pakalpojumiem.") in contract
    assert f"({child.end}), līguma termiņš ir īss, pat viena diena" in contract
    assert "Sniedzējs rēķinu un pieņemšanas-nodošanas aktu (atskaiti) iesniedz kopā ar pirmo rēķinu" in contract
    assert "arī tad, ja rēķinu par tiem iesniedz pēc līguma termiņa beigām" in contract


def test_papers_made_on_the_plans_first_day_have_given_nothing_yet(catalogue: Catalogue) -> None:
    _, texts = _papers(catalogue, FIRST)
    assert "ko Jūs sniegsiet bērnam" in _doc(texts, "03-")
    assert "atbalsta plāna periods jau bija sācies" not in _doc(texts, "02-")


def test_an_archive_copy_does_not_claim_the_papers_were_signed_before_the_plan(catalogue: Catalogue) -> None:
    """F3, D69: the copy shows the day before the plan's names and dates, but papers may be signed until the
    plan's last day (D28): it says the signed original may differ and is what counts."""
    child, texts = _papers(catalogue, dt.date(2026, 12, 1), archive=True)
    assert texts
    for name, text in texts.items():
        assert "kad tā dokumentus varēja parakstīt" not in text, name
        assert ("kas bija spēkā 30.09.2018 – dienā pirms plāna perioda sākuma. Plāna dokumentus varēja parakstīt "
                f"arī vēlāk, līdz plāna perioda pēdējai dienai ({child.end}), tāpēc parakstītajā oriģinālā "
                "nosaukumi, normas un datumi var atšķirties no šīs kopijas: noteicošais ir parakstītais "
                "oriģināls.") in text, name
