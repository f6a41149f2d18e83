"""The matrix page's calculator API paragraph (kalkulators_api.md.j2) names every calculator field the calculator's
messages name where the matrix's name a table or a cell – not „tikai” one of them – and the plan line limit (D293); it
and the calculator page give the most offers a name's choices list from the calculator's constant (D328)."""

from __future__ import annotations

import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site import calculator
from generator.site.calculator import calculator_data, message_fields
from generator.site.other_pages import api_example
from generator.site.pagetemplates import render
from generator.workbook.layout import PLAN_ROWS


def _paragraph() -> str:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    return " ".join(render("kalkulators_api.md.j2", plana_rindas={"visas": PLAN_ROWS},
                           kalkulatora_lauki=message_fields(), api_piemers=api_example(catalogue),
                           kalkulatora_izvele=calculator.MOST_CHOICES).split())


def test_every_field_the_messages_name_is_listed(catalogue: Catalogue) -> None:
    text = _paragraph()
    assert "tikai daudzums" not in text
    fields = message_fields()
    labels = [fields["daudzums"], fields["cena"], fields["galigais"], *fields["avoti"], fields["b"], fields["pirma_diena"],
              fields["summa"]]
    templates = " ".join(calculator_data(catalogue)["teksti"].values())
    for label in labels:
        assert f"„{label}”" in text, label
        assert f"„{label}”" in templates, label  # a message does name it
    # the fields named in the calculator's messages are all in the paragraph
    named = set(re.findall(r"[Ll]auk[sāu] „([^”]+)”", templates))
    assert named <= set(labels), named - set(labels)


def test_the_line_limit_is_documented_with_the_layouts_number() -> None:
    text = _paragraph()
    assert f"ne vairāk rindu, nekā ir matricā ({PLAN_ROWS}; vairāk rindu ir kļūda `too_many_lines`, lēmums D293)" in text


@pytest.mark.parametrize("most", [calculator.MOST_CHOICES, 4])
def test_the_choices_limit_is_the_calculators(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, most: int) -> None:
    """D328: the API's `izvele` and the form's buttons name at most MOST_CHOICES offers – both pages say so with the
    constant's number (4: not a typed one), and the API paragraph's nulls agree with its Plans_Cena exception."""
    monkeypatch.setattr(calculator, "MOST_CHOICES", most)
    text = _paragraph()
    assert f"(ne vairāk kā {most}) vai tieši vienam, ir arī `izvele`" in text
    assert f"ja tā der vairāk nekā {most} pakalpojumiem, `izvele` nav" in text
    assert "`Plans_Summa`, `Plans_Prioritate` un `Plans_NoIB` rindai bez pakalpojuma vai bez daudzuma" in text
    assert "`Plans_Cena` ir rindas cena arī tad, ja daudzuma nav" in text
    page = " ".join(calculator.render_calculator(catalogue, [])[calculator.PAGE].split())
    assert f"bet ne vairāk kā {most}, zem lauka ir pogas" in page and f"der vairāk nekā {most}, ierakstiet" in page
    assert calculator.calculator_data(catalogue)["izveleMax"] == most  # the script's limit is the same number
