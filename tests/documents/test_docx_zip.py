"""The DOCX zip writes the shared styles part (~22 kB, the same in every document) deflated once per process, and the
documents' bytes are those zipfile's own writestr gives (generator/documents/docx_package.py write_shared)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import docx_package, docx_writer
from generator.documents.build_step import render_municipality
from generator.documents.registry import by_id

PAPERS = ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "15-marsruta-lapa")  # portrait and landscape


def _docx(catalogue: Catalogue) -> list[bytes]:
    """The papers' DOCX from the writer itself (not a file the test session keeps, tests/kept_renders.py)."""
    write = getattr(docx_writer.html_to_docx, "real", docx_writer.html_to_docx)
    documents = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id(p) for p in PAPERS])
    return [write(d.html, d.spec.title, d.version, dt.date(2018, 11, 5), "A4 landscape" in d.html)
            for d in documents]


def test_the_shared_styles_are_written_as_zipfiles_writestr_writes_them(catalogue: Catalogue,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _docx(catalogue)
    again = _docx(catalogue)  # now from the deflated bytes kept by the first
    monkeypatch.setattr(docx_package, "write_shared", lambda target, info, content: target.writestr(info, content))
    plain = _docx(catalogue)
    assert fast == plain and again == plain
    for data in plain:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert package.testzip() is None
            assert len(package.read("word/styles.xml")) > 10_000  # ~22 kB: the styles the writer uses (audit29 F11)


def test_the_shared_styles_are_deflated_once(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    _docx(catalogue)  # the styles prepared (and deflated) in this process
    styles = zipfile.ZipFile(io.BytesIO(_docx(catalogue)[0])).read("word/styles.xml")
    given: list[int] = []
    real = zlib.compressobj

    class Counted:
        def __init__(self, *args: object) -> None:
            self._real = real(*args)

        def compress(self, data: bytes) -> bytes:
            given.append(len(data))
            return self._real.compress(data)

        def flush(self, *args: object) -> bytes:
            return self._real.flush(*args)

    monkeypatch.setattr(zlib, "compressobj", Counted)
    papers = _docx(catalogue)
    assert len(papers) == len(PAPERS)
    assert given and len(styles) not in given  # every other member deflated, the styles never again
