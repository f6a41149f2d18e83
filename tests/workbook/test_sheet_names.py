"""D59: the IBM matrix names its sheets "6.1. tabula" … "6.11. tabula" in every text a person reads: cells,
formulas' messages, validation prompts, page headers and footers, properties. The tab names ("6.1" … "6.11",
listed in docProps/app.xml) and the cell addresses in formulas and messages are its interface and stay. The
generic matrix and one municipality's (the others differ from it only in the municipality's data)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.workbook.layout import SHEETS
from tests.ordinal_spacing import office_texts
from tests.sheet_names import report

TAB_NAMES = "docProps/app.xml"


def test_matrices_name_their_sheets_as_tables(templates: dict[str | None, Path]) -> None:
    paths = list(templates.values())[:2]
    assert templates[None] in paths and len(paths) == 2
    found = report(place for path in paths for place in office_texts(path) if not place[0].endswith(TAB_NAMES))
    assert not found, "\n".join(found)


def test_page_headers_name_the_table(templates: dict[str | None, Path]) -> None:
    """Each sheet's page header: "IBM matrica – 6.N. tabula (…)"."""
    with zipfile.ZipFile(templates[None]) as archive:
        sheets = sorted((n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")),
                        key=lambda n: int(n.removeprefix("xl/worksheets/sheet").removesuffix(".xml")))
        headers = [archive.read(n).decode("utf-8").split("<oddHeader>")[1].split("</oddHeader>")[0] for n in sheets]
    assert len(headers) == len(SHEETS)
    for sheet, header in zip(SHEETS, headers, strict=True):
        assert f"IBM matrica – {sheet}. tabula (" in header, header
