"""A document's PDF (WeasyPrint) and DOCX (python-docx) kept for the rest of the test session: the same input is
rendered once, not in every test and unit that makes it again. The municipal set alone has 140 distinct HTML
documents among its 320 (a form that names no municipality is the same for all ten), and the documents build,
one-price's trees, the --from-matrix runs and the print and wording tests render many of them again.

Both writers are deterministic functions of what they are given (tests/test_kept_renders.py proves it for a sample,
also in another process):

- PDF, ``generator.documents.pdf_writer.html_to_pdf`` (kept whole: the act and the preparer's sheet, D161): the HTML (the document's CSS is inside it; it refers to no
  other file), the base URL, the PDF identifier, the writer's default font configuration, the versions of WeasyPrint,
  the libraries it writes with and Pango, and the fonts fontconfig offers. Only the writer's own call is kept:
  ``HTML(string=…, base_url=…)`` then ``write_pdf(font_config=<the writer's>, pdf_identifier=…)``; any other use of
  WeasyPrint goes to it unchanged.
- DOCX, ``generator.documents.docx_writer.html_to_docx`` (``write_docx`` calls it): its arguments (HTML, title,
  catalogue version, date, orientation, mark) and the versions of python-docx and lxml.

The code of the writers and the fonts do not change within a session, and the folder is new in every session. The
kept bytes live in one folder of the session's temporary root that both xdist workers share; a file is written under
a temporary name and renamed into place, so a reader sees a whole file or none, and two workers rendering the same
input at once write the same bytes. Commands run in a subprocess render for real.

A test that checks the rendering itself (page breaks, fonts, what the writers write) is marked ``real_renders``: its
renders go to the writers, and where the session already keeps a file of the same key the fresh one must be equal to
it byte for byte. Its PDFs are laid out anew too: the PDF writer's own memos of laid-out parts (the act, the
preparer's sheet; generator/documents/render_memo.py ``LayoutMemo``) are off within it. They do not change the
bytes, so the whole-document key stays the HTML alone.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from tests.shared_session import write_whole

_PDF_LIBRARIES = ("weasyprint", "pydyf", "tinycss2", "tinyhtml5", "cssselect2", "fonttools", "pyphen")
_DOCX_LIBRARIES = ("python-docx", "lxml")
_FONTCONFIG = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT")

_state: dict[str, object] = {"folder": None, "real": False, "kept": 0, "rendered": 0}


class KeptRenderDiffers(AssertionError):
    """A fresh render of a ``real_renders`` test is not the file the session keeps for the same key."""


@lru_cache(maxsize=1)
def _libraries() -> str:
    from weasyprint.text.ffi import pango

    return "\n".join([*(f"{name} {importlib.metadata.version(name)}" for name in _PDF_LIBRARIES + _DOCX_LIBRARIES),
                      f"pango {pango.pango_version()}"])


def _digest(kind: str, *parts: bytes) -> str:
    environment = [_libraries(), *(f"{name}={os.environ.get(name, '')}" for name in _FONTCONFIG)]
    digest = hashlib.sha256("\n".join([kind, *environment]).encode("utf-8"))
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return f"{digest.hexdigest()}.{kind}"


def pdf_key(html: str, base_url: str, pdf_identifier: bytes) -> str:
    return _digest("pdf", base_url.encode("utf-8"), pdf_identifier, html.encode("utf-8"))


def pdf_document_key(html: str) -> str:
    """The key of ``pdf_writer.html_to_pdf``'s whole PDF: its act and the preparer's sheet after it (D161) are two
    WeasyPrint renders joined, not one ``write_pdf`` call; the HTML alone decides both."""
    return _digest("pdf-document", html.encode("utf-8"))


def docx_key(html: str, title: str, version: str, created: object, landscape: bool, mark: str | None) -> str:
    fields = repr((title, version, created.isoformat(), bool(landscape), mark))  # type: ignore[attr-defined]
    return _digest("docx", fields.encode("utf-8"), html.encode("utf-8"))


def _kept(key: str, make: Callable[[], bytes]) -> bytes:
    path = Path(_state["folder"]) / key  # type: ignore[arg-type]
    if not _state["real"] and path.exists():
        _state["kept"] += 1  # type: ignore[operator]
        return path.read_bytes()
    data = make()
    _state["rendered"] += 1  # type: ignore[operator]
    if path.exists():
        if path.read_bytes() != data:
            raise KeptRenderDiffers(f"{path.name}: a fresh render differs from the kept file")
        return data
    write_whole(path, data)
    return data


class _Pending:
    """``HTML(string=…, base_url=…)`` of the PDF writer, parsed only if its PDF is not kept yet."""

    def __init__(self, real: type, string: str, base_url: str) -> None:
        self._real, self._string, self._base_url = real, string, base_url
        self._parsed = None

    def _document(self):  # noqa: ANN202 - weasyprint.HTML
        """The real document, parsed once: a caller that renders it again after changing its tree (the PDF's
        footnotes laid out again, pdf_footnotes.laid_out) renders the changed tree, as with WeasyPrint's own."""
        if self._parsed is None:
            self._parsed = self._real(string=self._string, base_url=self._base_url)
        return self._parsed

    def write_pdf(self, target=None, **options):  # noqa: ANN001, ANN201 - as weasyprint.HTML.write_pdf
        from generator.documents import pdf_writer

        usual = (target is None and set(options) == {"font_config", "pdf_identifier"}
                 and options["font_config"] is pdf_writer._font_config())
        if _state["folder"] is None or not usual:
            return self._document().write_pdf(target, **options)
        return _kept(pdf_key(self._string, self._base_url, options["pdf_identifier"]),
                     lambda: self._document().write_pdf(**options))

    def __getattr__(self, name: str):  # noqa: ANN204 - anything else: the real document
        return getattr(self._document(), name)


def install(folder: Path) -> None:
    """Keep the writers' renders in ``folder`` from now on (once per process; a later call changes the folder)."""
    import weasyprint

    from generator.documents import docx_writer

    folder.mkdir(parents=True, exist_ok=True)
    _state["folder"] = folder
    if getattr(weasyprint.HTML, "real", None) is None:
        real_html = weasyprint.HTML

        def html(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - as weasyprint.HTML
            if args or set(kwargs) != {"string", "base_url"} or not isinstance(kwargs["string"], str):
                return real_html(*args, **kwargs)
            return _Pending(real_html, kwargs["string"], str(kwargs["base_url"]))

        html.real = real_html  # type: ignore[attr-defined]
        weasyprint.HTML = html
    from generator.documents import pdf_writer

    if getattr(pdf_writer.html_to_pdf, "real", None) is None:
        real_pdf = pdf_writer.html_to_pdf

        def html_to_pdf(html: str) -> bytes:
            if _state["folder"] is None:
                return real_pdf(html)
            return _kept(pdf_document_key(html), lambda: real_pdf(html))

        html_to_pdf.real = real_pdf  # type: ignore[attr-defined]
        pdf_writer.html_to_pdf = html_to_pdf
    if getattr(docx_writer.html_to_docx, "real", None) is None:
        real_docx = docx_writer.html_to_docx

        def html_to_docx(html: str, title: str, version: str, created, landscape: bool = False,  # noqa: ANN001
                         mark: str | None = None) -> bytes:
            if _state["folder"] is None:
                return real_docx(html, title, version, created, landscape, mark)
            return _kept(docx_key(html, title, version, created, landscape, mark),
                         lambda: real_docx(html, title, version, created, landscape, mark))

        html_to_docx.real = real_docx  # type: ignore[attr-defined]
        docx_writer.html_to_docx = html_to_docx


def uninstall() -> None:
    import weasyprint

    from generator.documents import docx_writer, pdf_writer

    for owner, name in ((weasyprint, "HTML"), (docx_writer, "html_to_docx"), (pdf_writer, "html_to_pdf")):
        real = getattr(getattr(owner, name), "real", None)
        if real is not None:
            setattr(owner, name, real)
    _state["folder"] = None


class real_renders:  # noqa: N801 - used as a context manager, like a function
    """Within it every render of the writers goes to WeasyPrint and python-docx (and must equal a kept file of the
    same key), every part of a PDF laid out anew."""

    def __enter__(self) -> None:
        from generator.documents import pdf_writer

        self._before = _state["real"]
        self._memos = [(memo, memo.enabled) for memo in (pdf_writer.ACTS, pdf_writer.SHEETS)]
        _state["real"] = True
        for memo, _enabled in self._memos:
            memo.enabled = False

    def __exit__(self, *_exc: object) -> None:
        _state["real"] = self._before
        for memo, enabled in self._memos:
            memo.enabled = enabled


def counts() -> tuple[int, int]:
    """(files taken from the kept ones, files the writers rendered) in this process."""
    return int(_state["kept"]), int(_state["rendered"])  # type: ignore[arg-type]
