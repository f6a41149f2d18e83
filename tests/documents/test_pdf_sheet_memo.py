"""generator/documents/pdf_writer.py: the preparer's sheet laid out once per process for each HTML text gives
the same PDF as a sheet laid out anew (testspeed7)."""

from __future__ import annotations

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import pdf_writer
from generator.documents.build_step import render_municipality

pytestmark = pytest.mark.slow


def test_a_kept_preparer_sheet_gives_the_same_pdf(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    real = getattr(pdf_writer.html_to_pdf, "real", pdf_writer.html_to_pdf)  # not tests/kept_renders.py's files
    first, second = catalogue.pilot_municipalities()[:2]
    monkeypatch.setattr(pdf_writer, "_SHEETS", {})
    monkeypatch.setattr(pdf_writer, "_SHEETS_KEPT", 1000)
    for document in render_municipality(catalogue, first):
        real(document.html)
    documents = [d for d in render_municipality(catalogue, second) if pdf_writer.split_instructions(d.html)[1]]
    kept_before = len(pdf_writer._SHEETS)
    with_kept = [real(d.html) for d in documents]
    reused = kept_before + len(documents) - len(pdf_writer._SHEETS)
    assert reused >= len(documents) // 2, "the second municipality's sheets are mostly the first one's"
    anew = []
    for document in documents:
        pdf_writer._SHEETS.clear()
        anew.append(real(document.html))
    assert [d.spec.id for d, a, b in zip(documents, with_kept, anew, strict=True) if a != b] == []
