"""The scanner of tests/sheet_names.py (D59): it finds a matrix sheet called an annex or a sheet, and a sheet
number without its ordinal point; it leaves the rule's own forms, cell addresses, formulas, dates, versions,
clause numbers and other annexes alone."""

from __future__ import annotations

import pytest

from tests.sheet_names import old_sheet_names, report


@pytest.mark.parametrize("text", [
    "IBM matrica – 6.3. pielikums (atbalsta plāna I daļa)", "IBM matrica – 6.4 (darba aprēķins)", "sk. 6.11)",
    "6.5. pielikumā", "6.1.pielikumā", "matricas 6.8. lapā", "6.4 lapa", "6.10. lapām", "no 6.3 daudzumiem",
    "Pakalpojums nav 6.8 sarakstā.", "6.1–6.11", "(6.6 un 6.10. tabula)", "6.3, 6.5 un 6.6",
])
def test_old_forms_are_found(text: str) -> None:
    assert old_sheet_names(text), text


@pytest.mark.parametrize("text", [
    "IBM matrica – 6.3. tabula (atbalsta plāna I daļa)", "6.3. tabulā", "6.3. un 6.6. tabula", "6.11. tabulas",
    "6.3., 6.4. tabula", "6.1.–6.11. tabula", "metodikas 6. pielikums", "1. pielikums – atbalsta plāna I daļa (IBM "
    "matricas 6.3. tabula)", "6.3 E9: pakalpojumam", "6.3!C12", "'6.4'!$B9", "01.06.2019", "16.1. pielikums",
    "3.1.6.5", "6.3. Vecāks apņemas", "26.5 EUR", "1,6.5", "d382f2bc.6 (katalogs 01.04.2023)",
])
def test_new_forms_and_other_numbers_pass(text: str) -> None:
    assert old_sheet_names(text) == [], text


def test_report_names_the_place() -> None:
    found = report([("a.html", "Sk. 6.4 lapu."), ("b.html", "6.4. tabula")])
    assert len(found) == 2 and all(line.startswith("a.html: …") for line in found)
