"""Downloads: the files earlier build steps wrote (lejupielades/**, atvertie-dati/**), copied into the
site and listed with their format, size and template version (as a person reads it, with the catalogue date).

The site step runs last and lists whatever exists, so a part of the toolkit that is not built (or not
written yet) is simply absent from the page; every listed link points to a copied file.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.site import names_day, paths

FORMATS = {
    ".pdf": "PDF",
    ".docx": "DOCX (Word)",
    ".xlsx": "XLSX (Excel)",
    ".csv": "CSV",
    ".json": "JSON",
    ".zip": "ZIP",
    ".odt": "ODT",
    ".ods": "ODS",
    ".txt": "TXT (teksts)",
}

GROUPS = {
    "lejupielades/matrica": "IBM matricas",
    "lejupielades/dokumenti": "Dokumenti",
    "lejupielades/atskaites": "Atskaišu veidnes",
    "atvertie-dati": "Atvērtie dati",
}

# Titles of the open-data files (their names have no diacritics); services, prices and parameters are the children's
# programme's (audit31e F4, D254)
OPEN_DATA_TITLES = {
    "pakalpojumi": "Bērnu programmas pakalpojumu katalogs",
    "cenas": "Bērnu programmas cenas ar vēsturi",
    "pasvaldibas": "Pašvaldības un izmēģinājumprojekti",
    "programma": "Bērnu programmas noteikumu parametri",
    "kartas": "Programmas kārtas un pārskata periodi",
    "svetku-dienas": "Svētku dienas (darba dienu skaitam)",
    "pasvaldibu-nosaukumi": "Pašvaldību un sociālo dienestu nosaukumi ar spēkā esamības laiku",
    "tiesibu-akti": "Tiesību akti, ko citē dokumenti, un to spēkā esamība",
    "LASIMANI": "Atvērto datu apraksts: formāts, kolonnas un kodi",
}

GENERIC = "Visām pašvaldībām"
OPEN_DATA = paths.DOWNLOAD_FOLDERS[1]  # atvertie-dati
MATRICES = ("lejupielades", "matrica")  # the matrices' folder (generator/workbook/render.py FOLDER)
NUMBERED = re.compile(r"(\d{2})-")  # document and report files begin with their two-digit number


@dataclass(frozen=True)
class Download:
    path: str  # relative to the site root, POSIX
    title: str
    format: str
    size: int
    group: str
    municipality: str  # its name, or GENERIC
    slug: str = ""  # the municipality's catalogue id (ASCII, stable), "" for a file of all municipalities

    @property
    def url(self) -> str:
        return quote(self.path)

    @property
    def save_as(self) -> str:
        """The name a browser saves the file under (the link's ``download`` attribute, audit40 F13): the file's own
        name, with the municipality's id in front when the name does not hold it already, so that the same
        document of two municipalities never lands in one folder as "01-ligums-ar-vecaku (1).pdf". ASCII and the
        same in every build: the folder layout (lejupielades/dokumenti/<id>/…) stays as it is."""
        name = self.path.rsplit("/", 1)[-1]
        if not self.slug or holds_id(name, self.slug):
            return name
        return f"{self.slug}-{name}"

    @property
    def number(self) -> str:
        """The document's or form's number from its file name ("01-ligums-ar-vecaku.pdf" -> "01"), else ""."""
        match = NUMBERED.match(self.path.rsplit("/", 1)[-1])
        return match.group(1) if match else ""

    @property
    def label(self) -> str:
        """The link text: the number and the title ("01 Līgums ar vecāku …"), so a list reads like the forms."""
        return f"{self.number} {self.title}" if self.number else self.title


def _ooxml_title(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            root = ElementTree.fromstring(z.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return None
    for element in root:
        if element.tag.endswith("}title") and element.text and element.text.strip():
            return element.text.strip()
    return None


_PDF_TITLE = re.compile(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)")


def _pdf_string(raw: bytes) -> str | None:
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode("ascii"))
    else:
        body = raw[1:-1]
        data = re.sub(rb"\\([\\()])", rb"\1", body)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    return data.decode("latin-1")


def _pdf_title(path: Path) -> str | None:
    try:
        match = _PDF_TITLE.search(path.read_bytes())
        title = _pdf_string(match.group(1)) if match else None
    except (OSError, ValueError):
        return None
    return title.strip() if title and title.strip() else None


def open_data_title(path: Path) -> str | None:
    """An open-data file's label, the same for its CSV, JSON and XLSX (audit32b F15: the XLSX's own title property
    is the table's longer heading); a schema's with its kind in front (audit40 F3); None for another file."""
    if path.stem in OPEN_DATA_TITLES:
        return OPEN_DATA_TITLES[path.stem]
    if path.stem.endswith(".schema") and path.stem.removesuffix(".schema") in OPEN_DATA_TITLES:
        return f"JSON shēma: {OPEN_DATA_TITLES[path.stem.removesuffix('.schema')]}"
    return None


def file_title(path: Path) -> str:
    """The document's own title (OOXML core properties, PDF info), else one made from the file name."""
    title = None
    if path.suffix.lower() in (".docx", ".xlsx"):
        title = _ooxml_title(path)
    elif path.suffix.lower() == ".pdf":
        title = _pdf_title(path) or _ooxml_title(path.with_suffix(".docx"))
    if title:
        return title
    if (known := open_data_title(path)) is not None:
        return known
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:]


def _group(rel: Path) -> str:
    posix = rel.as_posix()
    for prefix, title in GROUPS.items():
        if posix.startswith(prefix + "/"):
            return title
    if len(rel.parts) > 2 and rel.parts[0] == "lejupielades":
        return rel.parts[1].replace("-", " ").capitalize()
    return "Citas datnes"


def holds_id(name: str, municipality_id: str) -> bool:
    """Whether a file name holds the municipality's id as a whole part ("ibm-matrica-ogre-2018-10-01.xlsx")."""
    return re.search(rf"(^|[-_.]){re.escape(municipality_id)}($|[-_.])", name) is not None


def _municipality(catalogue: Catalogue, rel: Path) -> Municipality | None:
    munis = sorted(catalogue.municipalities.municipalities, key=lambda m: -len(m.id))
    for m in munis:
        if m.id in rel.parts[:-1]:
            return m
    for m in munis:
        if holds_id(rel.stem, m.id):
            return m
    return None


def _matrix_title(title: str, rel: Path, shown: str) -> str:
    """A municipality's matrix by the name its row gives it (D360): its file's title names it by the name in force on
    its prices day even while that name is „jāprecizē” (D189), but the page states only a confirmed one – the row's
    label and its link never name one municipality in two forms."""
    from generator.workbook.writer import MATRIX_TITLE, matrix_title

    if shown == GENERIC or not title.startswith(f"{MATRIX_TITLE} – ") or rel.suffix.lower() != ".xlsx":
        return title
    return matrix_title(shown)


def collect(catalogue: Catalogue, build_dir: Path) -> list[Download]:
    """Every downloadable file under the build's download folders, in a stable order."""
    found: list[Download] = []
    for folder in paths.DOWNLOAD_FOLDERS:
        root = build_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            rel = path.relative_to(build_dir)
            municipality = _municipality(catalogue, rel)
            shown = names_day.shown_name(catalogue, municipality.id, rel) if municipality else GENERIC
            found.append(
                Download(
                    path=rel.as_posix(),
                    title=_matrix_title(file_title(path), rel, shown) if rel.parts[:2] == MATRICES else
                    (open_data_title(path) if folder == OPEN_DATA else None) or file_title(path),
                    format=FORMATS.get(path.suffix.lower(), path.suffix.lstrip(".").upper() or "datne"),
                    size=path.stat().st_size,
                    group=_group(rel),
                    municipality=shown,
                    slug=municipality.id if municipality else "",
                )
            )
    order = {title: i for i, title in enumerate(GROUPS.values())}
    return sorted(found, key=lambda d: (order.get(d.group, len(order)), d.group, d.municipality != GENERIC,
                                        d.municipality, d.number or "99", d.title, d.format != "PDF", d.path))
