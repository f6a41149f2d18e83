"""The search index's text of a page's tables: one sentence a row instead of run-together cells (audit16 F10).

mkdocs-material's search indexes a table as its cells' words one after another, so a section whose text is
a table showed a snippet of column headers and figures run together ("Kods Pakalpojums Cena … 1.1.1 …").
``search_html`` gives the search plugin a copy of the page in which every table outside an element already
marked ``data-search-exclude`` is itself marked so, and is followed by one paragraph a body row:
"Header: cell; Header: cell." A table's caption comes first as its own sentence; a table nested in a cell is
text of that cell; words on either side of a <br> or a block inside a cell stay apart. Every figure and code of the table stays in the section's text (searching
"3.1.3" or "4,79" finds it); the page a person sees is not changed (generator/site/search_index.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

EXCLUDE = "data-search-exclude"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
EMPTY_CELLS = {"", "–", "-", "—"}
BREAKS = {"br", "p", "li", "div", "ul", "ol", "dd", "dt", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
CELLS = {"tr", "td", "th", "caption"}


def row_sentence(headers: list[str], cells: list[str]) -> str:
    """One row as a sentence: each non-empty cell after its column's header."""
    parts = []
    for i, cell in enumerate(cells):
        cell = cell.strip()  # also a no-break space: a cell of "&nbsp;" is empty
        if cell in EMPTY_CELLS:
            continue
        header = headers[i] if i < len(headers) else ""
        if not header or header == cell:
            parts.append(cell)
        else:
            parts.append(f"{header} {cell}" if header.endswith(".") else f"{header}: {cell}")
    if not parts:
        return ""
    sentence = "; ".join(parts)
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


@dataclass
class _Record:
    """One outermost table being read: where its start tag ends, its caption, header row and body rows."""

    start: int
    caption: str = ""
    head: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    depth: int = 1  # open <table>s inside the record, its own included: a nested table is text of its cell


@dataclass(frozen=True)
class Found:
    start: int  # just after the start tag's ">"
    end: int  # just after "</table>"
    caption: str
    head: list[str]
    rows: list[list[str]]


def _clean(parts: list[str]) -> str:
    return re.sub(r"[ \t\r\n\f\v]+", " ", "".join(parts)).strip()


class _Tables(HTMLParser):
    """Finds the tables to be summarised (outermost tables outside an excluded element)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._stack: list[tuple[str, bool]] = []  # (tag, inside an excluded element)
        self.tables: list[Found] = []
        self._table: _Record | None = None
        self._text: list[str] | None = None  # the open cell's or caption's text
        self._in_caption = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _excluded(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._text is not None and (tag in BREAKS or (self._table and self._table.depth > 1 and tag in CELLS)):
            self._text.append(" ")  # words on either side of a line break, a block or a nested cell stay apart
        if tag in VOID:
            return
        excluded = self._excluded() or any(name == EXCLUDE for name, _ in attrs)
        self._stack.append((tag, excluded))
        table = self._table
        if tag == "table":
            if table is not None:
                table.depth += 1
            elif not excluded:
                self._table = _Record(start=self._offset() + len(self.get_starttag_text() or ""))
            return
        if table is None or table.depth > 1:
            return
        if tag == "tr":
            table.row = []
        elif tag in ("td", "th"):
            self._text = []
        elif tag == "caption":
            self._text, self._in_caption = [], True

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(t == tag for t, _ in self._stack):
            return
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        table = self._table
        if table is None:
            return
        if tag == "table":
            table.depth -= 1
            if table.depth == 0:
                end = self._offset() + len("</table>")
                self.tables.append(Found(table.start, end, table.caption, table.head, table.rows))
                self._table = None
            elif self._text is not None:
                self._text.append(" ")
            return
        if table.depth > 1:
            return
        if tag in ("td", "th") and self._text is not None and table.row is not None and not self._in_caption:
            table.row.append(_clean(self._text))
            self._text = None
        elif tag == "caption" and self._in_caption:
            table.caption = _clean(self._text or [])
            self._text, self._in_caption = None, False
        elif tag == "tr" and table.row is not None:
            if any(t == "thead" for t, _ in self._stack):
                table.head = table.row
            else:
                table.rows.append(table.row)
            table.row = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def search_html(html: str) -> str:
    """The page's HTML as the search plugin should index it (see the module docstring)."""
    if "<table" not in html:
        return html
    parser = _Tables(html)
    parser.feed(html)
    parser.close()
    out, last = [], 0
    for table in parser.tables:
        sentences = [_sentence(table.caption)] if table.caption else []  # which rows these are, e.g. a variant
        sentences += [s for s in (row_sentence(table.head, row) for row in table.rows) if s]
        out.append(html[last:table.start - 1])  # up to the start tag's ">"
        out.append(f' {EXCLUDE}="1">')
        out.append(html[table.start:table.end])
        out.append("".join(f"<p>{escape(s, quote=False)}</p>" for s in sentences))
        last = table.end
    out.append(html[last:])
    return "".join(out)
