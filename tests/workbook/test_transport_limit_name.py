"""The transport limit (programme.yaml transport_share_max, D9) is a ceiling and has one name wherever it is shown:
„Transporta daļas augšējā robeža” – the catalogue, the open data's field label (its column key unchanged), the
matrix (6.11's parameter row and note, 6.4's transport row) and the site's service pages. „Lielākā daļa” (its
earlier name) reads as "the majority"."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.opendata.fields import FIELDS
from generator.opendata.keys import KEYS
from generator.site import paths
from generator.site.catalogue_pages import render_catalogue_pages

NAME = "transporta daļas augšējā robeža"  # written out: the test reads the same on a tree without it


def test_the_transport_limit_has_one_name_in_catalogue_and_open_data(catalogue: Catalogue) -> None:
    name = catalogue.programme.transport_share_max.name_lv
    assert name.lower().startswith(NAME), name
    assert "lielākā" not in name.lower()
    assert KEYS["transport_share_max"] == "transporta_dala_max"  # the column key stays
    label, unit = FIELDS["transporta_dala_max"]
    assert label.startswith(NAME) and "lielākā" not in label, label


def test_the_matrix_names_the_transport_limit_as_the_catalogue_does(catalogue: Catalogue,
                                                                    templates: dict[str | None, Path]) -> None:
    book = load_workbook(templates[None])
    texts = {ws.title: [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)] for ws in book}
    name = catalogue.programme.transport_share_max.name_lv
    assert name in texts["6.11"]  # the parameter's row
    note = [t for t in texts["6.11"] if "bez rakstiska pamatojuma:" in t]  # beside the checks' title
    assert len(note) == 1 and note[0].lower().startswith(NAME), note
    assert any(t.endswith("/ augšējā robeža") for t in texts["6.4"]), texts["6.4"]
    assert not [t for sheet in texts.values() for t in sheet if "lielākā daļa" in t.lower()]


def test_the_service_page_names_the_transport_limit_as_the_catalogue_does(catalogue: Catalogue) -> None:
    transport = next(s.id for s in catalogue.sorted_services() if s.transport and s.id not in catalogue.price_by_service)
    page = render_catalogue_pages(catalogue)[paths.service_page(transport)]
    assert "| Transporta daļas augšējās robežas avots |" in page
    assert "Transporta robežas avots" not in page
