"""PDF from the rendered HTML with WeasyPrint (A4, fonts embedded: Carlito, DejaVu Sans for the symbols it lacks; reproducible metadata)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from generator.documents.paths import TEMPLATE_DIR


@lru_cache(maxsize=1)
def _font_config():  # noqa: ANN202 - weasyprint type, imported lazily (heavy)
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html, base_url=str(TEMPLATE_DIR))
    return document.write_pdf(font_config=_font_config(), pdf_identifier=identifier)


def write_pdf(html: str, target: Path) -> Path:
    target.write_bytes(html_to_pdf(html))
    return target
