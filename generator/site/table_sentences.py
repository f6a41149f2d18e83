"""The search index's text of a page's tables: one sentence a row instead of run-together cells (audit16 F10).

mkdocs-material's search indexes a table as its cells' words one after another, so a section whose text is
a table showed a snippet of column headers and figures run together ("Kods Pakalpojums Cena … 1.1.1 …").
``search_html`` gives the search plugin a copy of the page in which every table outside an element already
marked ``data-search-exclude`` is itself marked so, and is followed by one paragraph a body row:
"Header: cell; Header: cell." Every figure and code of the table stays in the section's text (searching
"3.1.3" or "4,79" finds it); the page a person sees is not changed (generator/site/search_index.py).
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

EXCLUDE = "data-search-exclude"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
EMPTY_CELLS = {"", "–", "-", "—"}


def row_sentence(headers: list[str], cells: list[str]) -> str:
    """One row as a sentence: each non-empty cell after its column's header."""
    parts = []
    for i, cell in enumerate(cells):
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


class _Tables(HTMLParser):
    """Finds the tables to be summarised: their start tag's end offset, end offset, headers and rows."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._stack: list[tuple[str, bool]] = []  # (tag, inside an excluded element)
        self.tables: list[tuple[int, int, list[str], list[list[str]]]] = []
        self._table: dict | None = None
        self._cell: list[str] | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _excluded(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        excluded = self._excluded() or any(name == EXCLUDE for name, _ in attrs)
        if tag in VOID:
            return
        self._stack.append((tag, excluded))
        if tag == "table" and not excluded and self._table is None:
            text = self.get_starttag_text() or ""
            self._table = {"start": self._offset() + len(text), "head": [], "rows": [], "row": None}
        elif self._table is not None:
            if tag == "tr":
                self._table["row"] = []
            elif tag in ("td", "th"):
                self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(t == tag for t, _ in self._stack):
            return
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        table = self._table
        if table is None:
            return
        if tag in ("td", "th") and self._cell is not None and table["row"] is not None:
            table["row"].append(re.sub(r"[ \t\r\n\f\v]+", " ", "".join(self._cell)).strip(" "))
            self._cell = None
        elif tag == "tr" and table["row"] is not None:
            in_head = any(t == "thead" for t, _ in self._stack)
            if in_head:
                table["head"] = table["row"]
            else:
                table["rows"].append(table["row"])
            table["row"] = None
        elif tag == "table":
            end = self._offset() + len("</table>")
            self.tables.append((table["start"], end, table["head"], table["rows"]))
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def search_html(html: str) -> str:
    """The page's HTML as the search plugin should index it (see the module docstring)."""
    if "<table" not in html:
        return html
    parser = _Tables(html)
    parser.feed(html)
    parser.close()
    out, last = [], 0
    for start, end, head, rows in parser.tables:
        sentences = [s for s in (row_sentence(head, row) for row in rows) if s]
        out.append(html[last:start - 1])  # up to the start tag's ">"
        out.append(f' {EXCLUDE}="1">')
        out.append(html[start:end])
        out.append("".join(f"<p>{escape(s, quote=False)}</p>" for s in sentences))
        last = end
    out.append(html[last:])
    return "".join(out)
