"""tests/documents/conftest.py pdf_pages: one pdftotext run per distinct PDF in a process (several test files read
the documents build's 320 PDFs page by page), and the text of the bytes it is given, never another PDF's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.documents.pdf_writer import html_to_pdf
from tests.documents import conftest
from tests.documents.conftest import pdf_pages

PAGE = "<html><head><title>Paraugs</title></head><body><main><h1>Paraugs</h1><p>{}</p></main></body></html>"


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The pdftotext commands run from now on."""
    made: list[list[str]] = []
    real = subprocess.run

    def counted(cmd, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - as subprocess.run
        made.append(list(cmd))
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counted)
    monkeypatch.setattr(conftest, "_PAGES", {}, raising=False)  # nothing read before this test
    return made


def test_the_same_pdf_is_read_once(tmp_path: Path, runs: list[list[str]]) -> None:
    data = html_to_pdf(PAGE.format("Izdomāts teksts Nr. 1."))
    path = tmp_path / "paraugs.pdf"
    path.write_bytes(data)
    first = pdf_pages(path)
    assert any("Izdomāts teksts Nr. 1." in page for page in first)
    first.append("grozīts")  # the caller's own list
    again, copy = pdf_pages(path), pdf_pages(data)
    assert again == copy == first[:-1]
    assert [cmd[0] for cmd in runs] == ["pdftotext"]


def test_other_bytes_at_the_same_path_are_read_again(tmp_path: Path, runs: list[list[str]]) -> None:
    path = tmp_path / "paraugs.pdf"
    path.write_bytes(html_to_pdf(PAGE.format("Izdomāts teksts Nr. 1.")))
    assert any("Nr. 1." in page for page in pdf_pages(path))
    path.write_bytes(html_to_pdf(PAGE.format("Izdomāts teksts Nr. 2.")))
    second = pdf_pages(path)
    assert any("Nr. 2." in page for page in second) and not any("Nr. 1." in page for page in second)
    assert len(runs) == 2
