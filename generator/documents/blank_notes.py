"""A blank's unnumbered note as a numbered note at its blank (D369).

A template explains a blank it leaves („Piezīme. Tukšā vieta „______ dienu iepriekš”: …”) in a ``p.note`` after the
clause. Printed there, the note stood between the clauses that the parties sign, as if it were one. Here, after the
template is rendered, each such note gets the next mark at its blank („______⁴”) and begins with that mark instead
of „Piezīme.”: it is then a numbered note like a cited norm's (legal.Citations), which the PDF prints at the foot of
the mark's page (pdf_footnotes, D345) and the DOCX makes a Word footnote (D171). The marks are numbered again in the
order the text first uses them, so that the PDF's numbers are the ones the DOCX's footnotes get; the preparer's
lines that name a blank by its number („Tukšā vieta ar piezīmi Nr. 2.”) follow.

Which blank: the one the note names – a blank the note quotes („nosūta ______ līdz …”) is found by the words round
it, the nearest before the note; ``data-at`` on the note names it by a text the blank is in or follows (the nearest
before the note), ``data-after`` by the first such text after it (the round's name: its note is in the letterhead);
otherwise it is the nearest blank before the note. A note with no blank to attach to (its
place is a line of a field, not a ``______``) goes to the preparer's notes (D161), never left as a paragraph in the
act. Only a signed paper's notes: an archive copy (D31) is neither signed nor filled in."""

from __future__ import annotations

import html as _html
import re

from generator.documents.pdf_footnotes import MARK_DIGITS  # the marks' own digits, one table
from generator.superscript import TO_PLAIN, TO_SUPERSCRIPT

_MAIN = re.compile(r"<main>(.*)</main>", re.S)
_ANY_NOTE = re.compile(r'<p class="note[^"]*"[^>]*>.*?</p>', re.S)
_BLANK_NOTE = re.compile(r'<p class="note"(?: data-(at|after)="([^"]*)")?>\s*Piezīme\.\s+(.*?)</p>', re.S)
# a blank and its mark, if any: "______", "______ EUR", "__.__.______", "______³"
_BLANK = re.compile(f"_{{3,}}(?:[ \u00a0]EUR)?([{MARK_DIGITS}]*)")
_MARKED = re.compile(f"(_{{3,}}(?:[ \u00a0]EUR)?)([{MARK_DIGITS}]+)")
_NOTE_MARK = re.compile(f'(<p class="note">\\s*)([{MARK_DIGITS}]+)(?= )')
_ON_MARK = re.compile(r"(Tukšā vieta ar piezīmi Nr\. )(\d+)(?=\.)")
_QUOTED = re.compile("„([^„”]*_{3,}[^„”]*)”")
_RUN = re.compile("_{3,}(?:[ \u00a0]EUR)?")  # a blank's own words: its unit is not the words round it
_CONTEXT = 12  # characters of the quoted words next to the blank that must match the text round it


def _mark(number: int) -> str:
    return str(number).translate(TO_SUPERSCRIPT)


def _number(mark: str) -> int:
    return int(mark.translate(TO_PLAIN))


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _open_blanks(body: str, before: int) -> list[re.Match[str]]:
    """The unmarked blanks of the text before ``before``, outside every note, in order."""
    notes = [(m.start(), m.end()) for m in _ANY_NOTE.finditer(body)]
    return [m for m in _BLANK.finditer(body, 0, before) if not m.group(1) and not _inside(m.start(), notes)]


def _text(html: str) -> str:
    return _html.unescape(re.sub(r"<[^>]+>", "", html)).replace("\u00a0", " ")


def _quoted_blank(text: str, blanks: list[re.Match[str]], body: str) -> re.Match[str] | None:
    """The nearest blank whose words round it are the ones a quote of the note („… informē ______”) gives."""
    for quote in _QUOTED.findall(_html.unescape(text)):
        run = _RUN.search(quote)
        assert run is not None
        left = quote[:run.start()].removeprefix("… ").replace("\u00a0", " ")[-_CONTEXT:]
        right = quote[run.end():].replace("\u00a0", " ")[:_CONTEXT]
        if not left.strip() and not right.strip():
            continue
        for blank in reversed(blanks):
            before = _text(body[max(0, blank.start() - 200):blank.start()])
            after = _text(body[blank.end():blank.end() + 200])
            if (left.strip() and before.endswith(left)) or (right.strip() and after.startswith(right)):
                return blank
    return None


def _renumbered(body: str) -> str:
    """The marks numbered 1, 2, … in the order the text first uses them (then the notes whose mark it does not use),
    in the text, the notes and the preparer's lines that name a number."""
    notes = [(m.start(), m.end()) for m in _ANY_NOTE.finditer(body)]
    order: list[str] = []
    for match in _MARKED.finditer(body):
        if not _inside(match.start(), notes) and match.group(2) not in order:
            order.append(match.group(2))
    for match in _NOTE_MARK.finditer(body):
        if match.group(2) not in order:
            order.append(match.group(2))
    new = {old: _mark(index) for index, old in enumerate(order, 1)}
    if all(old == mark for old, mark in new.items()):
        return body
    plain = {_number(old): _number(mark) for old, mark in new.items()}
    body = _MARKED.sub(lambda m: m.group(1) + new.get(m.group(2), m.group(2)), body)
    body = _NOTE_MARK.sub(lambda m: m.group(1) + new.get(m.group(2), m.group(2)), body)
    return _ON_MARK.sub(lambda m: m.group(1) + str(plain.get(int(m.group(2)), int(m.group(2)))), body)


def footnoted_blanks(html: str, preparer: str) -> str:
    """The document with each blank's „Piezīme.” note numbered at its blank (see the module's note); ``preparer``
    begins a note that has no blank to number (html.preparer_notes' label)."""
    main = _MAIN.search(html)
    if main is None or _BLANK_NOTE.search(main.group(1)) is None:
        return html
    body = main.group(1)
    used = [_number(m.group(2)) for m in _MARKED.finditer(body)] + [_number(m.group(2)) for m in _NOTE_MARK.finditer(body)]
    next_number = max(used, default=0) + 1
    # first the notes that name their blank (data-at, or words round it), then the others take the nearest blank
    # left before them: a price annex's „______ EUR” note never takes its deduction's blank („… daļu ______ EUR”)
    for named in (True, False):
        body, next_number = _numbered(body, next_number, named, preparer)
    body = _renumbered(body)
    return html[:main.start(1)] + body + html[main.end(1):]


def _anchor(body: str, note: re.Match[str], named: bool) -> re.Match[str] | None:
    """The blank of a note: named – the one its data-at or its quote's words name (None if neither does); otherwise
    the nearest unmarked blank before it."""
    kind, at, text = note.group(1), note.group(2), note.group(3).strip()
    blanks = _open_blanks(body, note.start())
    if not named:
        return blanks[-1] if blanks else None
    if at is not None:
        # the nearest text ``at`` before the note (else the first after it); data-after: the first after it (the
        # round's name, whose note is in the letterhead above the text)
        notes = [(m.start(), m.end()) for m in _ANY_NOTE.finditer(body)]
        found = [i.start() for i in re.finditer(re.escape(at), body) if not _inside(i.start(), notes)]
        start = None if kind == "after" else max((i for i in found if i < note.start()), default=None)
        start = start if start is not None else min((i for i in found if i > note.end()), default=None)
        return None if start is None else next((b for b in _open_blanks(body, len(body)) if b.start() >= start), None)
    return _quoted_blank(text, blanks, body)


def _numbered(body: str, next_number: int, named: bool, preparer: str) -> tuple[str, int]:
    """``body`` with its blank notes numbered at their blanks: named – only those whose blank is named."""
    offset = 0
    while (note := _BLANK_NOTE.search(body, offset)) is not None:
        text = note.group(3).strip()
        blank = _anchor(body, note, named)
        if blank is None and named:
            offset = note.end()
            continue
        if blank is None:
            # no blank to number: the note is the preparer's, on the preparer's page (D161)
            replacement = f'<p class="note preparer">{preparer}{text}</p>'
            body = body[:note.start()] + replacement + body[note.end():]
            continue
        mark = _mark(next_number)
        next_number += 1
        edits = sorted([(note.start(), note.end(), f'<p class="note">{mark} {text}</p>'),
                        (blank.end(), blank.end(), mark)], reverse=True)
        for start, end, replacement in edits:
            body = body[:start] + replacement + body[end:]
        offset = 0
    return body, next_number
