"""The pilot page names each children's pilot municipality's social service as catalogue/municipality-names.yaml
dates it on the pilot's first service day, with its status: a name the sources do not confirm is „jāprecizē”
there as everywhere else (D43), not a plain fact taken from municipalities.yaml."""

from __future__ import annotations

import pytest

from generator.catalogue.models import Pilot
from generator.site.context import template_context
from generator.site.methodology import render_methodology

PAGE = "izmeginajumprojekti.md"


@pytest.fixture(scope="module")
def page(catalogue) -> str:
    return render_methodology(catalogue.root, template_context(catalogue)).pages[PAGE]


def test_each_pilot_social_service_is_the_dated_name_with_its_status(catalogue, page: str) -> None:
    pilot = next(p for p in catalogue.municipalities.pilots if p.id == Pilot.children)
    municipalities = catalogue.pilot_round_municipalities(Pilot.children)
    assert municipalities
    unconfirmed = 0
    for m in municipalities:
        name = catalogue.municipality_names.in_force(m.id, "social_service", pilot.services_start)
        assert name is not None, m.id
        row = next(line for line in page.splitlines() if line.startswith(f"| {m.name_lv} |"))
        cell = row.split(" | ")[2]
        assert cell.startswith(name.name), (m.id, row)
        assert ("jāprecizē" in cell) is (not name.confirmed), (m.id, row)
        unconfirmed += not name.confirmed
    assert ("avotos nav apstiprināti" in page) is (unconfirmed > 0)
