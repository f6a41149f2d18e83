"""The matrix page's calculator API paragraph (kalkulators_api.md.j2) names every calculator field the calculator's
messages name where the matrix's name a table or a cell – not „tikai” one of them – and the plan line limit (D293)."""

from __future__ import annotations

import re

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site.calculator import calculator_data, message_fields
from generator.site.other_pages import api_example
from generator.site.pagetemplates import render
from generator.workbook.layout import PLAN_ROWS


def _paragraph() -> str:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    return " ".join(render("kalkulators_api.md.j2", plana_rindas={"visas": PLAN_ROWS},
                           kalkulatora_lauki=message_fields(), api_piemers=api_example(catalogue)).split())


def test_every_field_the_messages_name_is_listed(catalogue: Catalogue) -> None:
    text = _paragraph()
    assert "tikai daudzums" not in text
    fields = message_fields()
    labels = [fields["daudzums"], fields["cena"], fields["galigais"], *fields["avoti"], fields["b"], fields["pirma_diena"]]
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
