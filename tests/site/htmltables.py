"""A small HTML reader for the tests: tables as rows of cell texts, and elements by id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SPACES = re.compile(r"[ \t\r\n]+")


def squash(text: str) -> str:
    """Collapse ordinary white space (no-break spaces stay: they are part of 1 234,56 EUR)."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Table:
    before_id: str | None  # id of the last element with an id before the table (e.g. its heading)
    rows: list[list[str]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    row_attrs: list[dict[str, str]] = field(default_factory=list)


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.last_id: str | None = None
        self._stack: list[Table] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._row_is_header = False
        self._row_attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a and not self._stack:
            self.last_id = a["id"]
        if tag == "table":
            self._stack.append(Table(self.last_id))
        elif tag == "tr" and self._stack:
            self._row, self._row_is_header, self._row_attrs = [], False, a
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            if tag == "th":
                self._row_is_header = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(squash("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._stack:
            table = self._stack[-1]
            if self._row_is_header and not table.rows and not table.header:
                table.header = self._row
            else:
                table.rows.append(self._row)
                table.row_attrs.append(self._row_attrs)
            self._row = None
        elif tag == "table" and self._stack:
            self.tables.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> list[Table]:
    parser = _TableParser()
    parser.feed(html)
    return parser.tables


BLOCKS = {"p", "div", "td", "th", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table",
          "section", "article", "nav", "header", "footer", "label", "option", "select", "dd", "dt", "caption"}


def text_of(html: str) -> str:
    """The visible text of a page, whitespace normalised (tags removed)."""

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self._skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "style"):
                self._skip += 1
            if tag in BLOCKS:
                self.parts.append(" ")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style") and self._skip:
                self._skip -= 1
            if tag in BLOCKS:
                self.parts.append(" ")

        def handle_data(self, data: str) -> None:
            if not self._skip:
                self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    return squash("".join(parser.parts))
