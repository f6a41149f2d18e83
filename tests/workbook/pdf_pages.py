"""Reading a workbook printed to PDF: the text and the smallest font size of each page."""

from __future__ import annotations

from dataclasses import dataclass
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
    pages = []
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        sizes: list[float] = []

        def visit(text, cm, tm, font, size, sizes=sizes):  # noqa: ANN001 - pypdf's visitor signature
            if text.strip() and size:
                sizes.append(size * _scale(tm) * _scale(cm))

        text = page.extract_text(visitor_text=visit) or ""
        pages.append(Page(number, text, min(sizes, default=0.0),
                          (float(page.mediabox.width), float(page.mediabox.height))))
    return pages
