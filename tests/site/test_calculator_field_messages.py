"""The calculator's messages name the calculator's own fields, never the matrix's cells (audit36 F5, D148's way):
a price of the euro at actual cost names the line's price and units fields, F above N and a funding source above N
start with their field. The fields' labels on the page are the ones the messages name (one constant each); the rest
of every sentence is still the reference's (filled in as the calculator fills it)."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import eur
from generator.reference.lines import line_from_offer
from generator.reference.rules import check_actual_cost_prices
from generator.reference.workbook import FINAL_CELL, SOURCE_CELLS, check_final, check_sources
from generator.site import calculator
from generator.workbook.writer import template_date

# what names a place in the matrix: a table's number, "tabula", a cell address
MATRIX_WORDS = re.compile(r"\b6\.\d+\.|tabul|šūn|\b[A-Z]{1,2}\d{1,3}\b")
FIELD_IDS = {"galigais": "ibm-galigais", "avots_benefits": "ibm-pabalsti", "avots_services": "ibm-pakalpojumi-fin",
             "avots_other": "ibm-citi"}


@pytest.fixture(scope="module")
def data(catalogue: Catalogue) -> dict:
    return calculator.calculator_data(catalogue)


@pytest.fixture(scope="module")
def page(catalogue: Catalogue) -> str:
    return calculator.render_calculator(catalogue, [])[calculator.PAGE]


def _label(page: str, field_id: str) -> str:
    found = re.search(rf'<label for="{field_id}">([^<]+)</label>', page)
    assert found, field_id
    return html.unescape(found.group(1))


@pytest.mark.parametrize("code", ["actual_cost_price", "final_above_needed", "source_above_needed_benefits",
                                  "source_above_needed_services", "source_above_needed_other", "prices_before",
                                  "prices_after", "prices_after_month", "prices_after_change", "transport_share"])
def test_no_calculator_message_names_a_matrix_cell(data: dict, code: str) -> None:
    text = data["teksti"][code]
    assert not MATRIX_WORDS.search(text.replace("{", "").replace("}", "")), text


def test_the_first_day_and_the_transport_reason_are_the_calculators(data: dict) -> None:
    """audit32b F10: the prices errors name the field „Perioda pirmā diena”; F14: the transport warning asks for no
    reason the calculator has no field for – it is given in the matrix."""
    texts = data["teksti"]
    for code in ("prices_before", "prices_after", "prices_after_month", "prices_after_change"):
        # in brackets beside the dates, the field as the script's messages name one: „lauks „…””, not „laukā „…””
        assert "lauks „Perioda pirmā diena”)" in texts[code], texts[code]
        assert "laukā „Perioda pirmā diena”" not in texts[code], texts[code]
    assert "Norādiet pamatojumu" not in texts["transport_share"]
    assert texts["transport_share"].endswith("Pamatojumu norāda IBM matricā (kalkulatorā tam nav lauka)."), texts


def test_each_field_message_names_the_label_the_page_shows(data: dict, page: str) -> None:
    fields = data["lauki"]
    assert _label(page, "ibm-galigais") == f"{fields['galigais']} (ja ministrija to noteikusi)"
    for name in ("benefits", "services", "other"):
        label = _label(page, FIELD_IDS[f"avots_{name}"])
        assert label == fields[f"avots_{name}"]
        assert data["teksti"][f"source_above_needed_{name}"].startswith(f"Lauks „{label}”: "), name
    final = fields["galigais"]
    assert data["teksti"]["final_above_needed"].startswith(f"Lauks „{final}”: F {{galigais}} pārsniedz")
    actual = data["teksti"]["actual_cost_price"]
    assert f"cenai laukā „{fields['cena']}” jābūt" in actual and actual.endswith(
        f"summu ierakstiet kā daudzumu laukā „{fields['daudzums']}”."), actual


def test_the_rest_of_each_sentence_is_the_reference_s(catalogue: Catalogue, data: dict) -> None:
    texts, fields = data["teksti"], data["lauki"]
    final, needed = Decimal("1500.00"), Decimal("1200.00")
    (matrix,) = check_final(final, needed, Decimal(0))
    filled = texts["final_above_needed"].format(galigais=eur(final), nepieciesamais=eur(needed))
    assert filled == matrix.message.replace(f"{FINAL_CELL}: ", f"Lauks „{fields['galigais']}”: ")
    for attr, cell, _ in SOURCE_CELLS:
        amounts = SimpleNamespace(**{name: (final if name == attr else Decimal(0)) for name, _c, _l in SOURCE_CELLS})
        (over,) = check_sources(amounts, needed)
        filled = texts[f"source_above_needed_{attr}"].format(summa=eur(final), n=eur(needed))
        assert filled == over.message.replace(f"{cell}: ", f"Lauks „{fields[f'avots_{attr}']}”: "), attr
    transport = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "2.4")
    (actual,) = check_actual_cost_prices([line_from_offer(transport, 120, unit_price=Decimal("18.50"))])
    filled = texts["actual_cost_price"].format(rinda=f"1. rinda ({transport.label})", cena=eur(Decimal("18.50")))
    assert filled == actual.message.replace("cenai 6.8. tabulā", f"cenai laukā „{fields['cena']}”").replace(
        "daudzumu 6.3. tabulā.", f"daudzumu laukā „{fields['daudzums']}”.")


def test_the_matrix_still_names_its_cells(catalogue: Catalogue) -> None:
    """The reference's default words (the matrix, papers from it) are unchanged: the 6.4 cells, tables 6.3 and 6.8."""
    (final,) = check_final(Decimal(2), Decimal(1), Decimal(0))
    assert final.message.startswith("6.4. tabulas šūna E59 („IB galīgais apmērs F”): F 2,00"), final.message
    transport = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "2.4")
    (actual,) = check_actual_cost_prices([line_from_offer(transport, 1, unit_price=Decimal(2))])
    assert "cenai 6.8. tabulā jābūt" in actual.message and actual.message.endswith("daudzumu 6.3. tabulā."), actual


def test_a_field_in_brackets_is_named_in_one_form(data: dict) -> None:
    """A field named in brackets (no verb governs it) is „lauks „…”” in every calculator message, the script's form
    (its messages start „Lauks „…”: …”); „laukā „…”” only after a verb („pārbaudiet daudzumu laukā „…””)."""
    script = (Path(__file__).resolve().parents[2] / "site" / calculator.SCRIPT).read_text(encoding="utf-8")
    assert 'return "lauks „" + label + "”";' in script
    for code, text in data["teksti"].items():
        if isinstance(text, str):
            assert not re.search(r"[(;] laukā „|\(laukā „", text), (code, text)
