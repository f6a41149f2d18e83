"""The workbook page lists exactly the workbook's defined names, with sheet, kind and meaning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import lvformat
from generator.site import workbook_names
from generator.workbook import withdrawn_base, withdrawn_ceilings
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
    # D317: the inputs outside the interface that the papers print, each with its sheet and meaning
    outside = found["Nosaukums ārpus saskarnes"]
    assert [row[0] for row in outside.rows] == list(workbook_names.DOCUMENT_NAMES)
    assert [row[1:] for row in outside.rows] == [[f"{sheet}.", meaning]
                                                 for sheet, meaning in workbook_names.DOCUMENT_NAMES.values()]
    assert not set(workbook_names.DOCUMENT_NAMES) & set(INTERFACE_NAMES)
    # D318, D319: the hidden marks the tools read, each with its sheet and meaning, defined where the page says
    marks = found["Slēptā atzīme"]
    assert [row[0] for row in marks.rows] == list(workbook_names.MARK_NAMES)
    assert [row[1:] for row in marks.rows] == [[f"{sheet}.", meaning]
                                               for sheet, meaning in workbook_names.MARK_NAMES.values()]
    assert (withdrawn_base.NAME, withdrawn_base.SHEET) in [(n, s) for n, (s, _) in workbook_names.MARK_NAMES.items()]
    assert (withdrawn_ceilings.NAME, withdrawn_ceilings.SHEET) in [(n, s)
                                                                   for n, (s, _) in workbook_names.MARK_NAMES.items()]


def test_a_name_without_meaning_stops_the_build(monkeypatch) -> None:
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


# The menu path to the defined names in the Latvian LibreOffice 7.4 (audit30 F17): the sheet menu, its named-ranges
# submenu and the manage item as the submenu shows it (the command's ContextLabel); written without the accelerator
# („~”) and the trailing dots (the translation puts them even on the submenu), as a menu path is written.
LO_MENU = ((".uno:SheetMenu", "Label"), (".uno:NamesMenu", "Label"), (".uno:DefineName", "ContextLabel"))
LO_LV = Path("/usr/lib/libreoffice/share/registry/res/registry_lv.xcd")
LO_MENUBAR = Path("/usr/lib/libreoffice/share/config/soffice.cfg/modules/scalc/menubar/menubar.xml")


def _site_lo_path(built_site: BuiltSite) -> list[str]:
    from tests.htmltext import html_text

    text = " ".join(html_text(built_site.html("matrica.html")).split())
    found = re.findall(r"latviskajā LibreOffice 7\.4 tas ir izvēlnē (.+?)[,;)]", text)
    assert len(found) == 1, text[text.find("Definētie nosaukumi"):][:600]
    return [part.strip() for part in found[0].split("→")]


def test_page_names_the_latvian_libreoffice_menu(built_site: BuiltSite) -> None:
    """The path to the defined names as the Latvian LibreOffice 7.4 labels it (the page said „Lapa → Nosaukumi”,
    which is in no Latvian LibreOffice menu), and the shortcut that works in both programs."""
    assert _site_lo_path(built_site) == ["Loksne", "Nosauktie diapazoni vai izteiksmes", "Pārvaldīt"]
    from tests.htmltext import html_text

    assert "To sarakstu atver ar Ctrl+F3" in " ".join(html_text(built_site.html("matrica.html")).split())


@pytest.mark.skipif(not LO_LV.exists(), reason="the Latvian LibreOffice interface (libreoffice-l10n-lv) is not installed")
def test_latvian_libreoffice_labels_are_the_installed_ones(built_site: BuiltSite) -> None:
    """The page's path against the installed translation: each label and the menu nesting of the Calc menu bar."""
    import html
    import xml.etree.ElementTree as ET

    registry = LO_LV.read_text(encoding="utf-8")
    labels = []
    for command, prop in LO_MENU:
        node = registry[registry.index(f'oor:name="{command}"'):]
        node = node[:node.index("</node>")]
        value = re.search(rf'oor:name="{prop}".*?<value xml:lang="lv">(.*?)</value>', node, re.S)
        assert value, (command, prop)
        labels.append(html.unescape(value.group(1)).replace("~", "").removesuffix("..."))
    assert _site_lo_path(built_site) == labels
    menu = "{http://openoffice.org/2001/menu}"
    bar = ET.parse(LO_MENUBAR).getroot()
    sheet = next(m for m in bar.iter(f"{menu}menu") if m.get(f"{menu}id") == LO_MENU[0][0])
    names = next(m for m in sheet.iter(f"{menu}menu") if m.get(f"{menu}id") == LO_MENU[1][0])
    assert LO_MENU[2][0] in [item.get(f"{menu}id") for item in names.iter(f"{menu}menuitem")]
