"""Download titles, groups and municipalities; Latvian number formats of the site."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.site import downloads, text
from tests.site.conftest import write_docx, write_pdf, write_xlsx


def test_titles_come_from_the_files(tmp_path: Path) -> None:
    write_docx(tmp_path / "a.docx", "Līgums ar vecāku – ģimenes atbalsts")
    write_xlsx(tmp_path / "b.xlsx", "IBM matrica – Ogres novada pašvaldība")
    write_pdf(tmp_path / "c.pdf", "Iesniegums par dalību (ņ, ū, ž)")
    (tmp_path / "pasvaldibas.csv").write_text("id\n", encoding="utf-8")
    (tmp_path / "lemums-par-ib.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert downloads.file_title(tmp_path / "a.docx") == "Līgums ar vecāku – ģimenes atbalsts"
    assert downloads.file_title(tmp_path / "b.xlsx") == "IBM matrica – Ogres novada pašvaldība"
    assert downloads.file_title(tmp_path / "c.pdf") == "Iesniegums par dalību (ņ, ū, ž)"
    assert downloads.file_title(tmp_path / "pasvaldibas.csv") == "Pašvaldības un izmēģinājumprojekti"
    assert downloads.file_title(tmp_path / "lemums-par-ib.pdf") == "Lemums par ib"


def test_groups_and_municipalities(tmp_path: Path, catalogue: Catalogue) -> None:
    for rel in ("lejupielades/matrica/ibm-matrica.xlsx", "lejupielades/matrica/ibm-matrica-daugavpils-novads.xlsx",
                "lejupielades/dokumenti/ogre/ligums.pdf", "lejupielades/atskaites/ogre/registrs.xlsx",
                "lejupielades/cits/piezime.txt", "atvertie-dati/cenas.json"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 2048)
    found = {d.path: d for d in downloads.collect(catalogue, tmp_path)}
    assert found["lejupielades/matrica/ibm-matrica.xlsx"].municipality == downloads.GENERIC
    assert found["lejupielades/matrica/ibm-matrica-daugavpils-novads.xlsx"].municipality == "Daugavpils novada pašvaldība"
    assert found["lejupielades/dokumenti/ogre/ligums.pdf"].municipality == "Ogres novada pašvaldība"
    assert found["lejupielades/dokumenti/ogre/ligums.pdf"].group == "Dokumenti"
    assert found["lejupielades/atskaites/ogre/registrs.xlsx"].group == "Atskaišu veidnes"
    assert found["lejupielades/cits/piezime.txt"].group == "Cits"  # a new folder gets its own section
    assert found["atvertie-dati/cenas.json"].format == "JSON"
    assert found["atvertie-dati/cenas.json"].size == 2048
    order = [d.group for d in downloads.collect(catalogue, tmp_path)]
    assert order.index("IBM matricas") < order.index("Dokumenti") < order.index("Atvērtie dati")


@pytest.mark.parametrize(
    ("func", "value", "expected"),
    [
        (text.eur, Decimal("1234.5"), "1\u00a0234,50\u00a0EUR"),
        (text.eur, Decimal("3.5714"), "3,5714\u00a0EUR"),
        (text.eur, None, "nav noteikta"),
        (text.percent, Decimal("0.10"), "10\u00a0%"),
        (text.percent, Decimal("0.125"), "12,5\u00a0%"),
        (text.number, Decimal("0.70"), "0,7"),
        (text.number, 20, "20"),
        (text.integer, 714258, "714\u00a0258"),
        (text.size, 512, "512\u00a0B"),
        (text.size, 46182, "45,1\u00a0KB"),
        (text.size, 3572661, "3,4\u00a0MB"),
    ],
)
def test_latvian_formats(func, value, expected: str) -> None:
    assert func(value) == expected


def test_integer_filter_refuses_a_fraction() -> None:
    with pytest.raises(ValueError, match="nav vesels skaitlis"):
        text.integer(Decimal("0.7"))


def test_documents_list_by_number_pdf_first_and_each_municipality_in_its_own_block(tmp_path: Path,
                                                                                   catalogue: Catalogue) -> None:
    from generator.site.other_pages import render_downloads

    for rel in ("lejupielades/dokumenti/ogre/08-lemums.pdf", "lejupielades/dokumenti/ogre/01-ligums.docx",
                "lejupielades/dokumenti/ogre/01-ligums.pdf", "lejupielades/dokumenti/balvi/01-ligums.pdf",
                "lejupielades/dokumenti/balvi/02-ligums-sniedzejs.pdf", "lejupielades/dokumenti/balvi/03-vestule.pdf",
                "atvertie-dati/cenas.json"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        title = {"08": "Lēmums", "01": "Līgums ar vecāku", "02": "Līgums ar sniedzēju", "03": "Vēstule"}
        write_pdf(path, title[path.name[:2]]) if path.suffix == ".pdf" else (
            write_docx(path, title[path.name[:2]]) if path.suffix == ".docx" else path.write_bytes(b"[]"))
    found = downloads.collect(catalogue, tmp_path)
    ogre = [d.path.rsplit("/", 1)[1] for d in found if d.municipality == "Ogres novada pašvaldība"]
    assert ogre == ["01-ligums.pdf", "01-ligums.docx", "08-lemums.pdf"]  # by number, not by title; PDF first
    assert [d.label for d in found if d.path.endswith("08-lemums.pdf")] == ["08 Lēmums"]
    page = render_downloads(catalogue, found)
    blocks = re.findall(r'^<summary>(.*)</summary>$', page, re.M)
    assert blocks == ["Balvu novada pašvaldība – 3 datnes", "Ogres novada pašvaldība – 3 datnes"]
    assert page.index("[08 Lēmums (PDF)]") > page.index("[01 Līgums ar vecāku (DOCX)]")
    assert "| Kataloga versija |" in page  # the open data are the catalogue itself
    head = page[: page.index("## ")]
    assert "Ko lejupielādēt sociālajam darbiniekam" in head and "DOCX punktu" not in head  # notes at the end
    assert page.index("## Par datnēm") > page.index("## Atvērtie dati")


def test_the_open_data_description_is_listed_and_linked_from_the_page(tmp_path: Path, catalogue: Catalogue) -> None:
    """audit22 F2/F6: the page points to LASIMANI.txt and says where the CSV files carry the version."""
    from generator.opendata.export import render_open_data
    from generator.site.other_pages import render_downloads

    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    found = downloads.collect(catalogue, tmp_path)
    listed = {d.path: d for d in found}
    assert listed["atvertie-dati/LASIMANI.txt"].title == "Atvērto datu apraksts: formāts, kolonnas un kodi"
    page = render_downloads(catalogue, found)
    assert "[LASIMANI.txt](atvertie-dati/LASIMANI.txt)" in page
    assert "CSV datņu\nkolonnā un JSON datņu laukā `kataloga_versija`" in page
    without = render_downloads(catalogue, [d for d in found if not d.path.endswith(".txt")])
    assert "LASIMANI" not in without  # no link to a file that is not there


def test_the_open_data_hint_stays_inside_the_tip_box(tmp_path: Path, catalogue: Catalogue) -> None:
    """audit22 F36: the "Ministrijai un analītiķiem" line is indented like the rest of the admonition."""
    from generator.site.other_pages import render_downloads

    for rel in ("lejupielades/dokumenti/ogre/01-ligums.pdf", "atvertie-dati/cenas.json"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(path, "Līgums") if path.suffix == ".pdf" else path.write_bytes(b"[]")
    page = render_downloads(catalogue, downloads.collect(catalogue, tmp_path))
    box = page[page.index('!!! tip "Ko lejupielādēt'):page.index("Dokumentu veidnes šeit ir tukšas")]
    line = next(x for x in box.splitlines() if "Ministrijai un analītiķiem" in x)
    assert line.startswith("    Ministrijai un analītiķiem – [Atvērtie dati](#atvertie-dati). Par datņu formātiem")
    assert all(x.startswith("    ") or not x.strip() for x in box.splitlines()[1:])


def test_the_open_data_state_their_undecided_licence_with_proposal_source_and_day(tmp_path: Path,
                                                                                   catalogue: Catalogue) -> None:
    """audit40 F2, D183: the reuse terms are in LASIMANI.txt and next to the open-data table, as „jāprecizē”, with
    the usual Latvian licence as the proposal and the source and day from the catalogue version; every new file
    (xlsx copies, JSON schemas, names history) is listed with a title."""
    from generator.opendata.export import render_open_data
    from generator.site.other_pages import render_downloads

    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    readme = (tmp_path / "atvertie-dati" / "LASIMANI.txt").read_text("utf-8-sig")
    found = downloads.collect(catalogue, tmp_path)
    page = render_downloads(catalogue, found)
    section = page.split("## Atvērtie dati", 1)[1].split("\n## ", 1)[0]
    day = f"{catalogue.latest_date:%d.%m.%Y}"
    from generator import lvformat

    # the site writes the version id, its raw form is in one place of the page only (audit30 F8)
    for said, version in ((" ".join(readme.split()), catalogue.version),
                          (" ".join(section.split()), lvformat.version_id(catalogue.version))):
        assert "Licence (jāprecizē)" in said and "CC BY 4.0" in said and "data.gov.lv" in said, said[:400]
        assert f"versija {version}”" in said and f"stāvoklim {day}" in said and "D183" in said
    assert section.index("Atkalizmantošana un licence") < section.index("| Datne |")
    titles = {d.path.rsplit("/", 1)[1]: d.title for d in found}
    assert titles["cenas.schema.json"] == "JSON shēma: Bērnu programmas cenas ar vēsturi"
    assert titles["cenas.xlsx"] == titles["cenas.csv"] == "Bērnu programmas cenas ar vēsturi"  # audit32b F15
    assert titles["programma.json"] == "Bērnu programmas noteikumu parametri"  # audit31e F4
    assert titles["pasvaldibu-nosaukumi.csv"].startswith("Pašvaldību un sociālo dienestu nosaukumi")


def _documents(root: Path, rels: tuple[str, ...]) -> None:
    for rel in rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(path, "Līgums ar vecāku") if path.suffix == ".pdf" else path.write_bytes(b"[]")


def test_a_downloaded_file_is_named_for_its_municipality(tmp_path: Path, catalogue: Catalogue) -> None:
    """audit40 F13: the same document of two municipalities is saved under two names (the link's ``download``), ASCII
    and stable; a name that already says whose it is, and a file of all municipalities, keep their names; the
    folders stay as they are."""
    from generator.site.other_pages import render_downloads

    _documents(tmp_path, ("lejupielades/dokumenti/ogre/01-ligums-ar-vecaku.pdf",
                          "lejupielades/dokumenti/daugavpils-novads/01-ligums-ar-vecaku.pdf",
                          "lejupielades/atskaites/ogre/kvalitates-anketas.xlsx",
                          "lejupielades/matrica/ibm-matrica-ogre.xlsx", "lejupielades/matrica/ibm-matrica.xlsx",
                          "atvertie-dati/cenas.csv"))
    found = {d.path: d for d in downloads.collect(catalogue, tmp_path)}
    names = {path: d.save_as for path, d in found.items()}
    assert names == {
        "lejupielades/dokumenti/ogre/01-ligums-ar-vecaku.pdf": "ogre-01-ligums-ar-vecaku.pdf",
        "lejupielades/dokumenti/daugavpils-novads/01-ligums-ar-vecaku.pdf": "daugavpils-novads-01-ligums-ar-vecaku.pdf",
        "lejupielades/atskaites/ogre/kvalitates-anketas.xlsx": "ogre-kvalitates-anketas.xlsx",
        "lejupielades/matrica/ibm-matrica-ogre.xlsx": "ibm-matrica-ogre.xlsx",
        "lejupielades/matrica/ibm-matrica.xlsx": "ibm-matrica.xlsx",
        "atvertie-dati/cenas.csv": "cenas.csv",
    }
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]{0,79}", n) for n in names.values())
    page = render_downloads(catalogue, list(found.values()))
    links = dict(re.findall(r"\]\(([^)]+)\)\{ download=\"([^\"]+)\"", page))
    assert links == names  # every file's link, the matrices' too, carries its name
    assert "(lejupielades/dokumenti/ogre/01-ligums-ar-vecaku.pdf)" in page  # the address is unchanged


def test_a_block_of_files_keeps_its_id_when_a_file_is_added(tmp_path: Path, catalogue: Catalogue) -> None:
    """audit40 F13: a bookmark to a municipality's block („#bloks-dokumenti-ogre”) survives a new document: the id
    is the group's folder and the municipality's catalogue id, not the count of its files."""
    from generator.site.other_pages import render_downloads

    files = ("lejupielades/dokumenti/ogre/01-ligums.pdf", "lejupielades/dokumenti/ogre/02-ligums.pdf",
             "lejupielades/dokumenti/ogre/03-ligums.pdf", "lejupielades/dokumenti/balvi/01-ligums.pdf",
             "lejupielades/atskaites/ogre/a.xlsx", "lejupielades/atskaites/ogre/b.xlsx",
             "lejupielades/atskaites/ogre/c.xlsx", "lejupielades/atskaites/balvi/a.xlsx")
    _documents(tmp_path, files)
    ids = re.compile(r'<details class="note" id="([^"]+)" markdown>\n<summary>([^<]+)</summary>')
    before = ids.findall(render_downloads(catalogue, downloads.collect(catalogue, tmp_path)))
    assert before == [("bloks-dokumenti-balvi", "Balvu novada pašvaldība – 1 datne"),
                      ("bloks-dokumenti-ogre", "Ogres novada pašvaldība – 3 datnes"),
                      ("bloks-atskaites-balvi", "Balvu novada pašvaldība – 1 datne"),
                      ("bloks-atskaites-ogre", "Ogres novada pašvaldība – 3 datnes")]
    _documents(tmp_path, ("lejupielades/dokumenti/ogre/04-ligums.pdf",))
    after = ids.findall(render_downloads(catalogue, downloads.collect(catalogue, tmp_path)))
    assert [i for i, _ in after] == [i for i, _ in before]
    assert after[1][1] == "Ogres novada pašvaldība – 4 datnes"


def test_an_open_data_set_has_one_label_in_every_format(tmp_path: Path, catalogue: Catalogue) -> None:
    """audit32b F15: the prices' XLSX was listed by its own title property, the table's longer heading with a second
    bracket before „(XLSX)”; its CSV and JSON by the short label. One label for the three formats."""
    folder = tmp_path / "atvertie-dati"
    folder.mkdir()
    write_xlsx(folder / "cenas.xlsx", "Bērnu programmas cenas ar vēsturi (katra cenas vērtība ar datumu)")
    for name in ("cenas.csv", "cenas.json", "cenas.schema.json"):
        (folder / name).write_text("{}\n", encoding="utf-8")
    found = {d.path: d.title for d in downloads.collect(catalogue, tmp_path)}
    label = downloads.OPEN_DATA_TITLES["cenas"]
    assert {found[f"atvertie-dati/cenas.{k}"] for k in ("xlsx", "csv", "json")} == {label}, found
    assert found["atvertie-dati/cenas.schema.json"] == f"JSON shēma: {label}"
    assert not any("esības" in t for t in downloads.OPEN_DATA_TITLES.values())
