"""The PDF's numbered notes as page-bottom footnotes (D345), as the DOCX's Word footnotes (D171).

A marked blank's note („¹ Ieraksta normu …”, legal.Citations) is written by the templates as a ``p.note`` after the
block that cites it; printed there it could fall on the next page, away from its mark. Before WeasyPrint lays out
the act, each such note is moved to its mark's first use in the text as a CSS footnote (``float: footnote``, in
the page's ``@footnote`` area): it prints at the foot of the page of that mark, and ``footnote-policy: line`` moves
the mark's line to the next page rather than the note alone. The mark stays the text's own superscript („______¹”)
and the note keeps its mark, so the numbers are the ones the text, the preparer's sheet and the DOCX use; a mark
used again is the same number in the text, with no second note. A note in a table cell, or one whose mark the text
does not use, stays where it is, as the DOCX leaves it.

WeasyPrint 70 may still move a footnote to the next page, away from its call, whatever the policy: when a paragraph
at the page's foot would otherwise leave fewer lines than its ``orphans`` there, it reports the page's footnotes to
make room for that paragraph's next line (and keeps it reported even when the paragraph then moves on whole with the
block that keeps it together). ``laid_out`` checks every page after the layout and, where a footnote has left its
call's page, lays the act out again with the paragraph that may have pushed it off kept whole (it moves to the next
page, the footnote stays with its mark); a document whose footnotes all stay is laid out once. The layout names
that paragraph itself: while it runs, WeasyPrint's report of a footnote for a paragraph's line is watched
(``_reporters``), so the paragraph it reported for is tried first, not after the ones before it on the page (each try
lays the whole act out again: 09 on the round's first day took five layouts, now two; the PDFs are the same). Should
WeasyPrint's code read otherwise, nothing is watched and the paragraphs are tried in their order, as before. A
footnote still apart after the tries is named by the run that writes the PDF (D349)."""

from __future__ import annotations

import linecache
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from generator.documents.html_spans import outermost
from generator.superscript import DIGITS as MARK_DIGITS

# a marked blank: "______¹", "______ EUR²" (legal.Citations; pdf_writer finds the blanks by it too)
MARKED_BLANK = re.compile(f"_{{3,}}(?:[ \u00a0]EUR)?([{MARK_DIGITS}]+)")
_NOTE = re.compile(r'<p class="note[^"]*">.*?</p>', re.S)
_MARKED_NOTE = re.compile(f'<p class="note">\\s*([{MARK_DIGITS}]+) (.*?)</p>\n?', re.S)
_TABLE_TAG = re.compile(r"<table\b[^>]*>|</table>")
_MAIN = re.compile(r"<main>(.*)</main>", re.S)
# a footnote's own look (a note's: small, italic; never bold, also at a bold mark – the letterhead's name, D369;
# wrapped, also when its mark stands in a cell that never wraps – a price annex's amount, td.num)
# and its area above the footer, set off by a short rule; the mark
# is the text's own, so neither the call nor the marker prints WeasyPrint's counter. The rule is the area's
# background, not a border: WeasyPrint takes an @footnote area with a border or padding for overflowing whatever
# it holds and moves every footnote to the next page.
STYLE = """
span.footnote { float: footnote; footnote-policy: line; padding-top: 3pt; font-size: 8pt; font-style: italic;
  font-weight: normal; text-align: left; white-space: normal; }
span.footnote::footnote-call { content: none; }
span.footnote::footnote-marker { content: none; }
@page { @footnote { margin-top: 6pt; max-height: 50%; background-repeat: no-repeat; background-position: 0 0;
  background-size: 50mm 0.5pt; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='1'%3E%3Crect width='10' height='1' fill='%23999'/%3E%3C/svg%3E"); } }
"""


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in spans)


def footnoted(html: str) -> str:
    """The act's HTML with each marked note moved to its mark's first use as a footnote, and the footnotes' style;
    HTML without such a note is returned unchanged."""
    main = _MAIN.search(html)
    if main is None:
        return html
    body, offset = main.group(1), main.start(1)
    notes = [(m.start(), m.end()) for m in _NOTE.finditer(body)]
    tables = outermost(body, _TABLE_TAG)
    first: dict[str, int] = {}  # a mark -> the end of its first marked blank outside the notes
    for match in MARKED_BLANK.finditer(body):
        if not _inside(match.start(), notes):
            first.setdefault(match.group(1), match.end())
    edits: list[tuple[int, int, str]] = []
    for note in _MARKED_NOTE.finditer(body):
        mark = note.group(1)
        if mark not in first or _inside(note.start(), tables):
            continue
        edits.append((note.start(), note.end(), ""))
        at = first.pop(mark)
        edits.append((at, at, f'<span class="footnote">{mark} {note.group(2).strip()}</span>'))
    if not edits:
        return html
    for start, end, replacement in sorted(edits, reverse=True):
        body = body[:start] + replacement + body[end:]
    html = html[:offset] + body + html[main.end(1):]
    # the footnotes' style goes with the act's own (a page without it would print the notes inline)
    if "</style>" in html:
        return html.replace("</style>", f"{STYLE}</style>", 1)
    return html.replace("</head>", f"<style>{STYLE}</style></head>", 1)


_TRIES = 8  # layouts after the first one, only for a document whose footnote left its call's page
_WHOLE = "orphans: 999"  # more lines than any paragraph: WeasyPrint moves the paragraph rather than split it
_PARAGRAPHS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4"}  # never a container whose children would inherit it
UNPLACED = "ibm_unplaced_notes"  # laid_out's document: the marks of its footnotes still off their calls' pages
_NEXT_PAGE = 6  # how many of the next page's first paragraphs may be the one WeasyPrint made room for


def _boxes(box: object) -> Iterator[object]:
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from _boxes(child)


def _paragraphs(body: object) -> list[object]:
    """The elements of a page's boxes of lines (paragraphs, list items, cells), in order, each once."""
    found: dict[int, object] = {}
    for box in _boxes(body):
        children = getattr(box, "children", None) or ()
        element = getattr(box, "element", None)
        if element is not None and element.tag in _PARAGRAPHS and any(type(c).__name__ == "LineBox" for c in children):
            found.setdefault(id(element), element)
    return list(found.values())


def _apart_on(page: object) -> list[object]:
    """The elements of a page's footnote calls whose footnote is not at this page's foot, in order."""
    body, *rest = page._page_box.children
    notes = {id(note.element) for area in rest if type(area).__name__ == "FootnoteAreaBox" for note in area.children}
    calls = {id(box.element): box.element for box in _boxes(body) if getattr(box, "footnote", None) is not None}
    return [element for key, element in calls.items() if key not in notes]


def apart(document: object) -> int | None:
    """The index of the first page that has a footnote call whose footnote is on another page, if any."""
    return next((index for index, page in enumerate(document.pages) if _apart_on(page)), None)


def unplaced(document: object) -> tuple[str, ...]:
    """The marks („²”) of the footnotes on another page than their calls, in the text's order; () when all stay."""
    marks = ("".join(element.itertext()).split(" ", 1)[0] for page in document.pages for element in _apart_on(page))
    return tuple(dict.fromkeys(marks))


def _suspects(document: object, index: int) -> list[object]:
    """The paragraphs that may be the one WeasyPrint reported the footnote for: the page's last one (it split at the
    page's foot), then the next page's first ones (the page's foot was tried for it before it moved on whole, with
    the block that keeps it together)."""
    here = _paragraphs(document.pages[index]._page_box.children[0])
    after = (_paragraphs(document.pages[index + 1]._page_box.children[0])[:_NEXT_PAGE]
             if index + 1 < len(document.pages) else [])
    return here[-1:] + after


# the source line of WeasyPrint's block layout that reports a page's last footnote to make room for a paragraph's next
# line (layout/block.py ``_linebox_layout``: the paragraph would otherwise leave fewer lines than its orphans)
_ORPHANS_REPORT = "report_footnote(context.current_page_footnotes[-1])"


@contextmanager
def _reporters() -> Iterator[list[object]]:
    """While WeasyPrint lays out within it: the elements of the paragraphs it reported a page's footnote for
    (_ORPHANS_REPORT), in order – the paragraph that pushed a footnote off its call's page, named by the layout
    itself rather than guessed. Only that call of ``report_footnote`` is watched, and only while it lasts."""
    from weasyprint.layout import LayoutContext

    real = LayoutContext.report_footnote
    found: list[object] = []

    def report(context: object, footnote: object) -> None:
        caller = sys._getframe(1)
        if _ORPHANS_REPORT in linecache.getline(caller.f_code.co_filename, caller.f_lineno):
            element = getattr(caller.f_locals.get("box"), "element", None)
            if element is not None:
                found.append(element)
        real(context, footnote)

    LayoutContext.report_footnote = report
    try:
        yield found
    finally:
        LayoutContext.report_footnote = real


def laid_out(html: str, base_url: str, font_config: object) -> object:
    """WeasyPrint's document of ``html`` in which every footnote is on its call's page (see the module's note): where
    one is not, the paragraphs that may have pushed it off are kept whole one at a time, each kept only if the
    footnote then stays; a document whose footnotes all stay is laid out once. A footnote still apart after the
    tries is not left silently: the document's ``UNPLACED`` attribute names its mark (pdf_writer.unplaced_notes,
    D349)."""
    from weasyprint import HTML

    source = HTML(string=html, base_url=base_url)
    if "float: footnote" not in html:
        document = source.render(font_config=font_config)
        setattr(document, UNPLACED, ())
        return document
    with _reporters() as reported:
        document = source.render(font_config=font_config)
    tried: set[int] = set()
    for _ in range(_TRIES):
        index = apart(document)
        if index is None:
            break
        suspects = [e for e in _suspects(document, index) if id(e) not in tried]
        # the paragraph the layout reported the footnote for first, then the others in their order
        named = {id(e) for e in reported}
        suspects.sort(key=lambda e: id(e) not in named)
        if not suspects:
            break
        suspect = suspects[0]
        tried.add(id(suspect))
        before = suspect.get("style")
        suspect.set("style", f"{before};{_WHOLE}" if before else _WHOLE)
        with _reporters() as reported_again:
            again = source.render(font_config=font_config)
        moved = apart(again)
        if moved is None or moved > index:
            document, reported = again, reported_again
        elif before is None:
            del suspect.attrib["style"]
        else:
            suspect.set("style", before)
    setattr(document, UNPLACED, unplaced(document))
    return document
