"""The terms of a child's provider papers (02 contract, 03 guarantee letter) as a lawyer signs them (audit8):
the period whose services they pay is the plan's, from its first day (F2, F5); the letter has its own term, is
an alternative to the contract, and the provider's signature accepts its terms (F3); an unfunded rest is never
said to be paid by the parent unless the plan has another source (F4); the frequency column is filled (F11);
the monthly table keeps its heading and numbers its own rows (F18, F19). Municipality forms keep blanks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.context import ChildContext, build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.documents.registry import DOCUMENTS
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise

PLAN_START = dt.date(2018, 10, 1)
CONTRACT, LETTER = "02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"
MONTHLY = "No individuālā budžeta apmaksātais apjoms pa mēnešiem:"


def _session_offers(catalogue: Catalogue) -> list[str]:
    """Market-priced services counted in sessions ("reize"), so the frequency reads "N reizes mēnesī"."""
    offers = catalogue.offers(template_date(catalogue))
    return [o.id for o in offers if o.prefill_price is None and o.service.unit == "reize"]


def _reading(catalogue: Catalogue, rows: list[tuple[str, Decimal, str, tuple[int, ...]]],
             **inputs: object) -> MatrixReading:
    """rows: (offer id, unit price, provider, planned units per month) in the parents' order of ranks; a
    fictional child with a plan of len(months) months from 01.10.2018; ``inputs``: more 6.4/6.5 inputs."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    lines = tuple(line_from_offer(offers[oid], sum(months), unit_price=price, expert_rank=rank, parent_rank=rank,
                                  planned_units=months)
                  for rank, (oid, price, _, months) in enumerate(rows, 1))
    data_inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=PLAN_START, months=len(rows[0][3]),
                                 special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))
    data_inputs = dataclasses.replace(data_inputs, **inputs)
    params = Params.from_catalogue(catalogue, day)
    data = ChildData("ogre", "Anna Paraugs", "010512-20000", "multipli", day, data_inputs)
    return MatrixReading(Path("paraugs.xlsx"), "paraugs", data=data, params=params,
                         outcome=evaluate_workbook(data_inputs, params), parent_name="Pēteris Paraugs",
                         providers={line.label: row[2] for line, row in zip(lines, rows, strict=True)})


def _docs(catalogue: Catalogue, reading: MatrixReading) -> tuple[ChildContext, dict[str, str]]:
    child = build(reading, catalogue, pseudonymous=False, day=dt.date(2018, 11, 5))
    documents = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False,
                             build_day=dt.date(2018, 11, 5))
    return child, {d.spec.id: d.html for d in documents}


def _text(html: str) -> str:
    return normalise(re.sub(r"<[^>]+>", " ", html))


def _partial(catalogue: Catalogue, **inputs: object) -> tuple[ChildContext, dict[str, str]]:
    """SIA Viens: a line the IB pays in full (3 sessions a month) and, after SIA Divi's line, one it pays in part
    (priorities follow the ranks)."""
    first, second, third = _session_offers(catalogue)[:3]
    reading = _reading(catalogue, [(first, Decimal("20"), "SIA Viens", (3, 3)),
                                   (second, Decimal("10"), "SIA Divi", (2, 2)),
                                   (third, Decimal("400"), "SIA Viens", (5, 5))], **inputs)
    plan = reading.outcome.plan
    assert plan.lines[0].ib == plan.lines[0].cost and 0 < plan.lines[2].ib < plan.lines[2].cost
    return _docs(catalogue, reading)


@pytest.fixture(scope="module")
def partial(catalogue: Catalogue) -> tuple[ChildContext, dict[str, str]]:
    return _partial(catalogue)


@pytest.fixture(scope="module")
def municipal(catalogue: Catalogue) -> dict[str, str]:
    specs = [s for s in DOCUMENTS if s.id in ("02-ligums-ar-sniedzeju", "03-garantijas-vestule")]
    return {d.spec.id: _text(d.html) for d in render_municipality(catalogue, catalogue.municipality("ogre"), specs)}


def test_provider_papers_pay_the_plan_period_from_its_first_day(catalogue: Catalogue, partial) -> None:  # noqa: ANN001
    """F2, F5: the plan period (01.10.2018–30.11.2018), not the round's window, also before signing."""
    child, docs = partial
    window = catalogue.rounds_of(Pilot.children)[0]
    round_paid = f"no {lvformat.date(window.services_start)} līdz {lvformat.date(window.services_end)}"
    assert (child.start, child.end) == ("01.10.2018", "30.11.2018")
    contract, letter = _text(docs[CONTRACT]), _text(docs[LETTER])
    assert round_paid not in contract and round_paid not in letter
    # the round ends after the plan: its end would be a void limit (audit18 F15)
    assert "spēkā no parakstīšanas dienas līdz atbalsta plāna perioda beigām (30.11.2018)." in contract
    assert "bet ne ilgāk kā" not in contract[:contract.index("Līguma noteikumi attiecas")]
    # the provider gives the services it is paid for, as in the guarantee letter (audit18 F15)
    assert ("Līguma noteikumi attiecas uz pakalpojumiem, kas sniegti atbalsta plāna periodā no 01.10.2018 līdz "
            "30.11.2018, arī pirms līguma parakstīšanas") in contract
    assert "kas saņemti bērna atbalsta plāna periodā no 01.10.2018 līdz 30.11.2018" in letter
    assert ("Garantija attiecas uz pakalpojumiem, kas sniegti no 01.10.2018 līdz 30.11.2018 (bērna atbalsta plāna "
            "periods), arī pirms šīs vēstules datuma") in letter


def test_municipality_forms_keep_the_rounds_window_and_name_the_plans_first_day(municipal) -> None:  # noqa: ANN001
    contract, letter = municipal["02-ligums-ar-sniedzeju"], municipal["03-garantijas-vestule"]
    for text in (contract, letter):
        assert "No individuālā budžeta apmaksā tikai tos pakalpojumus, kas saņemti no" in text
    assert "attiecas arī uz pakalpojumiem, kas sniegti no atbalsta plāna perioda pirmās dienas" in contract
    assert "bet ne ilgāk kā līdz kārtas beigām" in contract  # made today, after the pilot: neutral (D129)
    assert "Garantija attiecas uz pakalpojumiem, kas sniegti tālāk norādītajā bērna atbalsta plāna periodā" in letter


def test_the_letter_is_the_alternative_to_a_contract_and_its_signature_accepts_it(partial, municipal) -> None:  # noqa: ANN001
    """F3: one payment basis per service, and the provider's signature records acceptance, not receipt only."""
    for letter in (_text(partial[1][LETTER]), municipal["03-garantijas-vestule"]):
        assert "Vēstuli izsniedz tikai tad, ja ar Jums nav noslēgts līgums par šo pakalpojumu sniegšanu" in letter
        assert "vai nu pēc līguma, vai pēc garantijas vēstules, ne pēc abiem" in letter
        assert "Adresāts (piekrīt vēstules noteikumiem)" in letter
        assert "Parakstot vēstuli, Jūs apliecināt, ka to esat saņēmuši un piekrītat tās noteikumiem" in letter
        assert "apliecina, ka vēstuli saņēmis" not in letter


def test_the_unfunded_rest_is_not_put_on_the_parent(partial) -> None:  # noqa: ANN001
    """F4: no other source in the plan, N > P and no F yet: the rest waits for F or a changed plan."""
    child, docs = partial
    provider = next(p for p in child.providers if p.name == "SIA Viens")
    assert provider.partial and child.final_pending and child.plan_sources == []
    for doc_id in (CONTRACT, LETTER):
        text = _text(docs[doc_id])
        assert f"({normalise(provider.rest)}) no individuālā budžeta nemaksā" in text, doc_id
        assert "Vecāks vai cits finansējums" not in text and "to apmaksā Vecāks" not in text, doc_id
        assert ("Atbalsta plānā tam nav paredzēts cits finansējuma avots: to nefinansē, līdz Labklājības ministrija "
                "nosaka IB galīgo apmēru vai atbalsta plānu groza.") in text, doc_id
    assert "Sniedzējs pēc šā līguma sniedz tikai šo apjomu" in _text(docs[CONTRACT])
    assert "pēc šīs vēstules Jūs sniedzat tikai šo apjomu" in _text(docs[LETTER])


def test_the_rest_names_the_plans_other_sources_and_an_f_leaves_only_a_plan_change(catalogue: Catalogue) -> None:
    first = _session_offers(catalogue)[0]
    provisional = _reading(catalogue, [(first, Decimal("20"), "SIA Viens", (3, 3))]).outcome.provisional
    final = provisional + Decimal("100.00")  # above P, far below N: A = F, still not the whole plan
    child, docs = _partial(catalogue, other=Decimal("50.00"), final=final)
    assert not child.final_pending and child.plan_sources == ["citi finanšu avoti"]
    contract = _text(docs[CONTRACT])
    assert "Atbalsta plānā tā finansēšanai var izmantot šādus avotus: citi finanšu avoti" in contract
    assert "Dienests ar šo līgumu par to apmaksu neatbild" in contract
    assert "to nefinansē, līdz atbalsta plānu groza" in contract and "Labklājības ministrija nosaka" not in contract
    assert "Vecāks" not in contract.split("no individuālā budžeta nemaksā", 1)[1].split("Lielāku apjomu", 1)[0]


def _row(html: str, label: str) -> list[str]:
    table = html.split("Biežums" if "Biežums" in html else "Intensitāte (biežums)", 1)[1].split("</table>", 1)[0]
    row = table.split(f"<td>{label}</td>", 1)[1].split("</tr>", 1)[0]
    return [re.sub(r"<[^>]+>", "", c).replace("\u00a0", " ") for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_the_frequency_column_says_how_often(partial) -> None:  # noqa: ANN001
    """F11: 3 funded sessions in each month -> "3 reizes mēnesī"; a part funded unevenly -> "pēc grafika"."""
    child, docs = partial
    full, part = child.lines[0], child.lines[2]
    assert [full.frequency.replace("\u00a0", " "), part.frequency] == ["3 reizes mēnesī", "pēc grafika"]
    # the cells after the service: 02 unit, units, frequency, …; 03 recipient, units, frequency, …
    assert _row(docs[CONTRACT], full.label)[2] == "3 reizes mēnesī"
    assert _row(docs[CONTRACT], part.label)[2] == "pēc grafika"
    assert _row(docs[LETTER], full.label)[2] == "3 reizes mēnesī"
    assert _row(docs[LETTER], part.label)[2] == "pēc grafika"
    for doc_id in (CONTRACT, LETTER):
        assert "citādi „pēc grafika”" in _text(docs[doc_id]), doc_id


def test_municipality_forms_explain_the_empty_frequency_column(municipal) -> None:  # noqa: ANN001
    assert "Ailē „Biežums” ieraksta, cik vienību mēnesī apmaksā no IB" in municipal["02-ligums-ar-sniedzeju"]
    assert "Ailē „Intensitāte (biežums)” ieraksta" in municipal["03-garantijas-vestule"]


def test_the_monthly_table_numbers_its_own_rows_and_keeps_its_heading(partial, tmp_path: Path) -> None:  # noqa: ANN001
    """F19: the provider's rows are 1, 2 (not the plan's 1, 3); F18: the heading stays with the table."""
    child, docs = partial
    assert [line.number for line in child.lines if line.provider == "SIA Viens"] == [1, 3]
    for doc_id in (CONTRACT, LETTER):
        table = docs[doc_id].split(MONTHLY, 1)[1].split("</table>", 1)[0]
        numbers = [re.sub(r"<[^>]+>", "", r.split("</td>", 1)[0]) for r in table.split("<tr><td>")[1:]]
        assert numbers == ["1.", "2."], doc_id
        assert f'<p class="clause lead">{MONTHLY}</p>' in docs[doc_id]
        path = write_docx(docs[doc_id], tmp_path / f"{doc_id}.docx", "Paraugs", "2023-04-01+00000000",
                            dt.date(2018, 11, 5))
        heading = next(p for p in Document(str(path)).paragraphs if p.text.strip() == MONTHLY)
        assert heading.paragraph_format.keep_with_next, doc_id


def test_the_round_limits_the_term_only_when_it_ends_before_the_plan(catalogue: Catalogue) -> None:
    """The provider contract's "bet ne ilgāk kā līdz … kārtas beigām" follows a date comparison made in Python
    (ChildContext.round_limits_term, review1 F15), not in the template."""
    from tests.documents.child_render import child_html, text

    child, _ = child_html(catalogue, 8)  # a plan 01.10.2018–30.11.2018 in the pilot round (ends 31.10.2019)
    assert child.round_end_day == catalogue.round_by_id["berni-2018"].end and not child.round_limits_term
    plan_last = dt.date(2018, 11, 30)
    assert not dataclasses.replace(child, round_end_day=plan_last).round_limits_term  # the same day: no limit
    assert dataclasses.replace(child, round_end_day=plan_last - dt.timedelta(days=1)).round_limits_term
    assert dataclasses.replace(child, round_end_day=None).round_limits_term
    short = dataclasses.replace(child, round_end_day=plan_last - dt.timedelta(days=1))
    day = dt.date(2018, 9, 20)
    [contract] = [d for d in render_child(catalogue, catalogue.municipality("madona"), short, day, False,
                                          build_day=day) if d.spec.id.startswith("02-")]
    assert "bet ne ilgāk kā līdz izmēģinājumprojekta kārtas beigām (31.10.2019)" in text(contract.html)
