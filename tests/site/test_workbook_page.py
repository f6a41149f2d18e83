"""The workbook page lists exactly the workbook's defined names, with sheet, kind and meaning."""

from __future__ import annotations

from generator import lvformat
from generator.site import workbook_names
from tests.site.conftest import BuiltSite
from tests.site.htmltables import tables


def test_spec_table_agrees_with_the_workbook_package() -> None:
    from generator.workbook.layout import INTERFACE_KIND, INTERFACE_NAMES, SHEETS

    names, kinds, sheets = workbook_names.spec_interface()
    assert names == tuple(INTERFACE_NAMES)
    assert kinds == dict(INTERFACE_KIND)
    assert sheets == tuple(SHEETS)


def test_page_lists_every_name_and_sheet(built_site: BuiltSite) -> None:
    from generator.workbook.layout import INTERFACE_KIND, INTERFACE_NAMES, SHEETS

    found = {t.header[0]: t for t in tables(built_site.html("matrica.html"))}
    sheet_table, names_table = found["Tabula"], found["Nosaukums"]
    # the tables as a person reads them (D59): "6.1." … "6.11."
    assert [row[0] for row in sheet_table.rows] == [f"{sheet}." for sheet in SHEETS]
    assert [row[0] for row in names_table.rows] == list(INTERFACE_NAMES)
    for row in names_table.rows:
        assert row[2] == workbook_names.KINDS[INTERFACE_KIND[row[0]]]
        assert row[1] == f"{workbook_names.MEANINGS[row[0]][0]}."
        assert row[3]


def test_a_name_without_meaning_stops_the_build(monkeypatch) -> None:
    import pytest

    from generator.site.errors import SiteError

    monkeypatch.delitem(workbook_names.MEANINGS, "Kludas")
    with pytest.raises(SiteError, match="Kludas"):
        workbook_names.name_rows()


def test_downloads_show_a_matrix_with_its_template_version(built_site: BuiltSite) -> None:
    """A matrix download names the version written in its IBM_Versija; documents keep the catalogue's."""
    from generator.workbook.version import template_version

    cat = built_site.catalogue
    rows = [row for table in tables(built_site.html("lejupielades.html")) for row in table.rows]
    matrices = [row for row in rows if any("IBM matrica" in cell for cell in row)]
    others = [row for row in rows if row not in matrices]
    assert matrices and others
    matrix_version, catalogue_version = lvformat.version(template_version(cat)), lvformat.version(cat.version)
    assert all(matrix_version in row for row in matrices), matrices[:2]
    assert all(catalogue_version in row and matrix_version not in row for row in others), others[:2]
