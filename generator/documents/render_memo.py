"""One run of the documents step renders each distinct PDF and DOCX input once (in memory, for that run only).

Many documents of the municipal set are the same for every municipality (a form that names no municipality): 320
documents, 140 distinct. Both writers are deterministic functions of what they are given, so a later document with
the same input gets the bytes the first render wrote:

- PDF (``pdf_writer.write_pdf``): the HTML alone – its CSS, title and metadata are inside it, the PDF identifier is
  a digest of it, the base URL (the templates folder) and the font configuration are the same for the whole run,
  and the file name is not in the PDF.
- DOCX (``docx_writer.write_docx``): every argument but the target – HTML, title, catalogue version, date,
  orientation and mark; the file name is not in the DOCX.

The key is the input itself (the whole HTML string, not a digest of it), so two inputs share bytes only if they are
equal. Nothing is kept on disk or between runs."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path


class RenderMemo:
    """The bytes of each input written so far in this run, by its key."""

    def __init__(self) -> None:
        self._written: dict[Hashable, bytes] = {}
        self.rendered = 0  # files the writers made
        self.reused = 0  # files given the bytes of an earlier equal input

    def write(self, key: Hashable, target: Path, render: Callable[[], Path]) -> Path:
        """``render()`` (which writes ``target``) the first time ``key`` is seen; later, the same bytes to
        ``target``."""
        data = self._written.get(key)
        if data is None:
            path = render()
            self._written[key] = path.read_bytes()
            self.rendered += 1
            return path
        target.write_bytes(data)
        self.reused += 1
        return target


def pdf_key(html: str) -> tuple[str, str]:
    return ("pdf", html)


def docx_key(html: str, title: str, version: str, created: object, landscape: bool,
             mark: str | None) -> tuple[object, ...]:
    return ("docx", html, title, version, created, bool(landscape), mark)
