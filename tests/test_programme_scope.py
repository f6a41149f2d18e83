"""What the toolkit says to a worker of the adults' programme (audit31e F1, F2, F11, D254): the refusals' notes name
the adults' round from rounds.yaml, and one sentence in README's „Kam”, on the site's home and downloads pages says
the adults' pilot is recorded but nothing is made for it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.programme_scope import (
    CHILDREN_ONLY,
    adults_day_note,
    adults_municipality_note,
    adults_pilot_sentence,
)
from generator.site.context import template_context
from generator.site.nav import NavPage
from generator.site.other_pages import render_downloads, render_hand_pages

README = Path(__file__).resolve().parents[1] / "README.md"


def test_only_an_adults_only_municipality_and_an_adults_day_get_the_note(catalogue: Catalogue) -> None:
    adults = catalogue.rounds_of(Pilot.adults)[0]
    children = catalogue.rounds_of(Pilot.children)[0]
    both = next(m for m in adults.municipalities if m in children.municipalities)
    only = next(m for m in adults.municipalities if m not in children.municipalities)
    assert adults_municipality_note(catalogue, both) is None
    assert adults_municipality_note(catalogue, "nekas") is None
    assert adults_municipality_note(catalogue, only) == (
        f"ir tikai pieaugušo programmas kārtas „{adults.id}” („{adults.name_lv}”) pašvaldība, bet {CHILDREN_ONLY}")
    assert adults_day_note(catalogue, adults.services_start - dt.timedelta(days=1)) is None
    assert adults_day_note(catalogue, adults.services_end + dt.timedelta(days=1)) is None
    note = adults_day_note(catalogue, adults.services_end) or ""
    assert note.startswith(f"tā ir pieaugušo programmas kārtas „{adults.id}” („{adults.name_lv}”) pakalpojumu laikā (")
    assert note.endswith(f"), bet {CHILDREN_ONLY}")


def test_the_scope_sentence_is_on_the_home_and_downloads_pages_and_in_readme(catalogue: Catalogue) -> None:
    sentence = adults_pilot_sentence(catalogue)
    pilot = catalogue.pilot_round(Pilot.adults)
    assert sentence is not None and pilot is not None and f"„{pilot.name_lv}”" in sentence
    # the pilot's own name says „izmēģinājumprojekts”: the sentence does not say it twice (audit48a)
    assert sentence.count("izmēģinājumprojekt") == pilot.name_lv.count("izmēģinājumprojekt")
    assert "IBM matricas, dokumenti un atskaišu veidnes ir tikai bērnu programmai" in sentence
    page = NavPage("izmeginajumprojekti.md", "Izmēģinājumprojekti")
    home = render_hand_pages({**template_context(catalogue), "metodikas_lapas": [page], "ir_piemeri": False})
    assert f"{sentence} Par abiem izmēģinājumprojektiem – lapā [Izmēģinājumprojekti](metodika/izmeginajumprojekti.md)." \
        in " ".join(home["index.md"].split())
    assert sentence in render_downloads(catalogue, [])
    readme = " ".join(README.read_text("utf-8").split())
    assert ("Katalogā ir arī pieaugušo programmas (pilngadīgām personām ar garīga rakstura traucējumiem) "
            "izmēģinājumprojekta fakti") in readme
    assert "bet IBM matricas, dokumenti un atskaišu veidnes ir tikai bērnu programmai" in readme


def test_without_an_adults_round_nothing_is_said(catalogue: Catalogue) -> None:
    children_only = dataclasses.replace(catalogue, rounds=catalogue.rounds_of(Pilot.children))
    assert adults_pilot_sentence(children_only) is None
    assert "Katalogā ir arī pieaugušo programmas" not in render_downloads(children_only, [])
