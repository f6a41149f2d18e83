"""Reading a workbook printed to PDF: the text and the smallest font size of each page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Page:
    number: int  # 1-based, across the PDF
    text: str
    min_font: float  # pt, as printed (font size × text matrix × current matrix scale)
    size: tuple[float, float]


def _scale(matrix: list[float]) -> float:
    a, b, c, d = matrix[:4]
    return abs(a * d - b * c) ** 0.5


def read_pages(pdf: Path) -> list[Page]:
    """The PDF's pages, parsed once per file and its bytes (several tests read the same printed sheet; pypdf's text
    extraction costs ~0,07 s CPU a page): a file written anew at the same path is parsed again."""
    stat = Path(pdf).stat()
    return list(_parsed(Path(pdf).resolve(), stat.st_mtime_ns, stat.st_size))


@cache
def _parsed(pdf: Path, mtime_ns: int, size: int) -> tuple[Page, ...]:  # noqa: ARG001 - the key of the file's bytes
    pages = []
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        sizes: list[float] = []

        def visit(text, cm, tm, font, size, sizes=sizes):  # noqa: ANN001 - pypdf's visitor signature
            if text.strip() and size:
                sizes.append(size * _scale(tm) * _scale(cm))

        text = page.extract_text(visitor_text=visit) or ""
        pages.append(Page(number, text, min(sizes, default=0.0),
                          (float(page.mediabox.width), float(page.mediabox.height))))
    return tuple(pages)


def sheet_names(xlsx: Path) -> list[str]:
    """The names of the workbook's sheets, in its order."""
    import re
    import zipfile

    with zipfile.ZipFile(xlsx) as z:
        return re.findall(r'<sheet [^>]*name="([^"]+)"', z.read("xl/workbook.xml").decode("utf-8"))


def one_sheet_copies(xlsx: Path, out_dir: Path) -> dict[str, Path]:
    """A copy of ``xlsx`` per sheet with every other sheet hidden (LibreOffice prints visible sheets
    only), named STEM--SHEET.xlsx: how a person prints one annex at a time."""
    import re
    import zipfile

    with zipfile.ZipFile(xlsx) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    book = parts["xl/workbook.xml"].decode("utf-8")
    names = re.findall(r'<sheet [^>]*name="([^"]+)"', book)
    copies = {}
    for index, target in enumerate(names):
        def state(m: re.Match[str], target: str = target) -> str:
            tag = re.sub(r' state="\w+"', "", m.group(0))
            return tag if f'name="{target}"' in tag else tag.replace("<sheet ", '<sheet state="hidden" ', 1)

        text = re.sub(r"<sheet [^>]*/>", state, book)
        text = re.sub(r'activeTab="\d+"', f'activeTab="{index}"', text)
        # LibreOffice prints a hidden sheet's print area all the same: other sheets keep none
        text = re.sub(r'<definedName name="_xlnm\.Print_(Area|Titles)" localSheetId="(\d+)"[^>]*>[^<]*</definedName>',
                      lambda m, index=index: m.group(0) if int(m.group(2)) == index else "", text)
        if "activeTab=" not in text:
            text = text.replace("<workbookView ", f'<workbookView activeTab="{index}" ', 1)
        path = out_dir / f"{xlsx.stem}--{target}.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, text.encode("utf-8") if name == "xl/workbook.xml" else data)
        copies[target] = path
    return copies


def print_sheets_apart(files: dict[Path, tuple[str, ...]], out_dir: Path, profile: Path) -> dict[tuple[str, str], Path]:
    """(file stem, sheet) -> the PDF of that sheet printed on its own, for each file and each of its sheets asked
    for: what ``convert`` gives for ``one_sheet_copies``, with each file loaded and recalculated once in one
    running LibreOffice (generator/recalc.py ``print_sheets``) instead of once per sheet."""
    from generator.recalc import print_sheets

    wanted = {path: [(sheet, out_dir / f"{path.stem}--{sheet}.pdf") for sheet in sheet_names(path) if sheet in sheets]
              for path, sheets in files.items()}  # in the workbook's order, as one_sheet_copies gives them
    print_sheets(wanted, profile=profile)
    return {(path.stem, sheet): pdf for path, asked in wanted.items() for sheet, pdf in asked}
