"""A child's papers made before the plan's round begins name the parties as of the day their legal citations are
of – the round's start (D42, D43; review1 F5) – not of the build day: one paper, one day."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents import terms
from generator.documents.from_matrix.writing import names_day, render_child
from tests.documents.child_render import child_html, text
from tests.round_yaml import catalogue_with_round, children_round_entry

START = dt.date(2026, 9, 1)  # the later round begins
BUILD = dt.date(2026, 8, 20)  # the papers are made before it
NEW_NAME = "Madonas izdomātā novada pašvaldība"  # fictional, confirmed from the round's start only
OLD_ENTRY = """      - name: Madonas novada pašvaldība
        forms: {genitive: Madonas novada pašvaldības, dative: Madonas novada pašvaldībai, locative: Madonas novada pašvaldībā, gender: sieviešu}
        valid_from: 2021-07-01
        status: jāprecizē
"""
NEW_ENTRY = f"""      - name: {NEW_NAME}
        forms: {{genitive: Madonas izdomātā novada pašvaldības, dative: Madonas izdomātā novada pašvaldībai, locative: Madonas izdomātā novada pašvaldībā, gender: sieviešu}}
        valid_from: {START.isoformat()}
        status: apstiprināts
"""


def test_a_later_rounds_papers_name_the_parties_of_the_rounds_first_day(catalogue: Catalogue, tmp_path: Path) -> None:
    entry = children_round_entry("berni-2026", "IBM ieviešana bērniem (izdomāta otrā kārta)", START,
                                 dt.date(2027, 12, 31), services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)),
                                 municipalities=("madona",))
    catalogue_with_round(tmp_path / "katalogs", entry)
    names = tmp_path / "katalogs" / "municipality-names.yaml"
    assert OLD_ENTRY in names.read_text("utf-8")
    names.write_text(names.read_text("utf-8").replace(OLD_ENTRY, NEW_ENTRY, 1), "utf-8")
    pilot_child, _ = child_html(catalogue, 8)  # a pilot plan (the default catalogue), then moved to the later round
    catalogue = load_or_raise(tmp_path / "katalogs")
    assert catalogue.municipality_names.confirmed_on("madona", "municipality", BUILD) is None
    assert catalogue.municipality_names.confirmed_on("madona", "municipality", START).name == NEW_NAME
    child = dataclasses.replace(pilot_child, round_id="berni-2026")  # the plan is in the later round
    assert terms.document_day(terms.plan_round(catalogue, "berni-2026"), BUILD) == START  # the citations' day
    assert names_day(catalogue, child, BUILD, archive=False) == START
    assert names_day(catalogue, child, BUILD, archive=True) == BUILD  # an archive copy keeps its own day
    documents = render_child(catalogue, catalogue.municipality("madona"), child, BUILD, False, build_day=BUILD)
    contract = next(d for d in documents if d.spec.id == "01-ligums-ar-vecaku")
    assert NEW_NAME in text(contract.html)
