"""read_pages parses a printed PDF once per file and its bytes: the tests that look at one printed sheet again (its
text, its smallest font) share one pypdf parse, and a PDF written anew at the same path is read anew."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.workbook import pdf_pages
from tests.workbook.pdf_pages import read_pages
from tests.workbook.test_pdf_clip import SIZE, _pdf


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    real = pdf_pages.PdfReader

    def reader(path):  # noqa: ANN001, ANN202 - pypdf's PdfReader, counted
        opened.append(path)
        return real(path)

    monkeypatch.setattr(pdf_pages, "PdfReader", reader)
    return opened


def test_one_parse_per_file_and_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _counting(monkeypatch)
    pdf = _pdf(tmp_path / "a.pdf", f"BT 20 150 Td /F1 {SIZE} Tf (pirmais) Tj ET")
    first = read_pages(pdf)
    assert [(p.number, p.text.strip(), p.min_font, p.size) for p in first] == [(1, "pirmais", SIZE, (300.0, 200.0))]
    assert read_pages(pdf) == first and read_pages(Path(str(pdf))) == first
    assert len(opened) == 1, "the same PDF parsed again"
    stat = pdf.stat()
    _pdf(pdf, f"BT 20 150 Td /F1 {SIZE / 2} Tf (otrs garaks) Tj ET")  # new bytes at the same path
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    again = read_pages(pdf)
    assert [(p.text.strip(), p.min_font) for p in again] == [("otrs garaks", SIZE / 2)]
    assert len(opened) == 2
