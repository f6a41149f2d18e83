"""The IBM matrix (generic and a municipality's) is Office Open XML that Excel opens without repair: every
part valid against the ECMA-376 transitional schemas and Excel's own rules (tests/ooxml/)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.workbook.render import pilot_ids
from tests.ooxml.assertions import assert_opens_without_repair

PARTS = ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
         "xl/worksheets/sheet1.xml", "xl/worksheets/sheet11.xml", "xl/theme/theme1.xml", "docProps/app.xml",
         "docProps/custom.xml")


def _which(catalogue: Catalogue) -> list[str | None]:
    return [None, pilot_ids(catalogue)[0]]


@pytest.mark.parametrize("index", [0, 1], ids=["visparija", "pasvaldibas"])
def test_matrix_template_opens_without_repair(templates: dict[str | None, Path], catalogue: Catalogue,
                                              index: int) -> None:
    path = templates[_which(catalogue)[index]]
    assert_opens_without_repair(path, PARTS)
    with zipfile.ZipFile(path) as zf:  # the checks looked at print names, validations and merges
        workbook = zf.read("xl/workbook.xml").decode()
        sheets = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert 'name="_xlnm.Print_Area"' in workbook
    assert 'name="_xlnm.Print_Titles"' in workbook
    assert "<dataValidation " in sheets and "<mergeCell " in sheets and "<headerFooter" in sheets
