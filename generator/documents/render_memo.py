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
equal. Nothing is kept on disk or between runs.

Below the whole files, ``LayoutMemo`` keeps WeasyPrint's laid-out parts of a PDF in one process: ``html_to_pdf``
lays out the act and the preparer's sheet (D161) as two documents and joins their pages. The sheet names the
document, its page count and the places of the instructions – no municipality – so the same sheet follows many acts
(every municipality's copy of a form, a document rendered again in another tree). A part is a function of its HTML,
the base URL and the process's font configuration; drawing a laid-out document into a PDF reads its pages and does
not change them, so a part taken from the memo gives the bytes a fresh layout gives (tests/documents/
test_layout_memo.py). The key is again the whole HTML string (with the base URL). Each memo keeps the parts last
used, the least recently used out first: 64 sheets and 16 acts (``SHEET_ENTRIES``, ``ACT_ENTRIES``)."""

from __future__ import annotations

from collections import OrderedDict
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


SHEET_ENTRIES = 64  # preparer's sheets: one page, ~0.4 MB laid out – ~26 MB (docs/benchmarks.md, pdfspeed)
ACT_ENTRIES = 16  # acts: ~1.6 MB laid out, a six-page one ~4 MB – ~26 MB, at most ~64 MB


class LayoutMemo:
    """The laid-out parts (WeasyPrint documents) of the last ``size`` distinct inputs used in this process."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.enabled = True  # off: every part is laid out anew (tests that check the layout itself)
        self._kept: OrderedDict[tuple[str, str], object] = OrderedDict()
        self.laid_out = 0  # parts laid out by WeasyPrint
        self.reused = 0  # parts taken from the memo

    def part(self, html: str, base_url: str, lay_out: Callable[[], object]) -> object:
        """``lay_out()`` the first time ``(html, base_url)`` is seen (or after it left the memo); later, the same
        laid-out document."""
        key = (html, base_url)
        if self.enabled:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.reused += 1
                return found
        document = lay_out()
        self.laid_out += 1
        if self.enabled and self.size > 0:
            self._kept[key] = document
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return document

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        self._kept.clear()
