"""The filling guide (catalogue/metodika/matricas-aizpildisana.md) says what a social worker meets in the matrix: the
units counted whole (D256) and the warning on a typed B (D257), each linked to the decisions page; the places it names
as an example of the tools' messages (a cell, 6.11's row of invalid inputs) come from the matrix's layout in code and
are the ones a real template has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.places import INVALID_INPUT, cell, check_row, input_place
from generator.ministry.matrix import Matrix
from generator.site.context import matrix_places, template_context
from generator.site.methodology import render_methodology
from tests.ministry.factory import generic_template

GUIDE = "matricas-aizpildisana.md"
DECISIONS_LINK = "[Rekonstrukcijas un lēmumi](rekonstrukcijas-un-lemumi.md)"


@pytest.fixture(scope="module")
def guide(catalogue: Catalogue) -> str:
    return " ".join(render_methodology(catalogue.root, template_context(catalogue)).pages[GUIDE].split())


def test_the_guide_tells_of_whole_units_and_their_units_from_the_catalogue(guide: str, catalogue: Catalogue) -> None:
    assert f"lēmumā D256 (sk. {DECISIONS_LINK})" in guide
    whole = [u.name_lv for u in catalogue.enums.units if u.whole]
    other = [u.name_lv for u in catalogue.enums.units if not u.whole]
    assert whole and other
    assert f"tikai veselās vienībās – {', '.join(whole)}:" in guide, guide
    assert f"vienības daļa ir atļauta: {', '.join(other)}." in guide
    assert "6.3. tabulā, plānotajās vienībās 6.6. tabulā vai saņemtajās vienībās 6.10. tabulā ir kļūda" in guide
    assert "| Vienības daļa mērvienībā, ko skaita tikai veselās vienībās (6.3., 6.6., 6.10.) | kļūda |" in guide


def test_the_guide_tells_of_the_warning_on_a_typed_base(guide: str) -> None:
    assert f"atstāj provizoriskus (lēmums D257, sk. {DECISIONS_LINK})" in guide
    assert ("Ja ierakstītais B ir 0, atšķiras no kataloga B vai ir tieši kataloga B, kas vēl ir „jāprecizē”, matrica to "
            "skaita brīdinājumos") in guide
    assert ("| Ierakstītais bāzes apmērs B ir 0, atšķiras no kataloga B vai ir kataloga neapstiprinātā vērtība | "
            "brīdinājums |") in guide


def test_the_guides_example_places_are_the_templates(guide: str, catalogue: Catalogue, tmp_path: Path) -> None:
    """The cell and 6.11's row the guide names as an example are those `ibm documents` names in a real template."""
    places = matrix_places()
    m = Matrix.open(generic_template(catalogue, tmp_path))
    sheet, text = cell(m, "Perioda_Sakums", 0, 0) or ("", "")
    assert places["perioda_sakums"] == f"{sheet}. tabula, {text}", (places, sheet, text)
    row = check_row(m, INVALID_INPUT)
    assert row is not None and places["ievades_rinda"] == row[0], (places, row)
    assert input_place(m, "Perioda_Sakums") == f"{places['perioda_sakums']} (6.11. tabulas {row[0]}. rinda)"
    assert f"(piemēram: {places['perioda_sakums']}, 6.11. tabulas {row[0]}. rinda)" in guide
    assert len(re.findall(r"6\.11\. tabulas \d+\. rinda", guide)) == 1, "a row typed by hand elsewhere in the guide"
