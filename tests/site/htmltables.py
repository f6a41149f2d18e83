"""A small HTML reader for the tests: tables as rows of cell texts (the page text: tests/htmltext.py)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from tests.htmltext import squash, text_of

__all__ = ["Table", "squash", "tables", "text_of", "without_glosses"]  # one import for the tests that read pages


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


@functools.lru_cache(maxsize=1)
def _glosses() -> re.Pattern[str]:
    from generator.catalogue.loader import DEFAULT_CATALOGUE
    from generator.site.abbr_first import short_meaning

    listing = (DEFAULT_CATALOGUE / "metodika" / "saisinajumi.md").read_text(encoding="utf-8")
    meanings = sorted({short_meaning(m) for m in re.findall(r"^\*\[[^\]]+\]: (.+)$", listing, re.M)}
                      | set(re.findall(r'^\[[^\]]+ (?:ģenitīvā|aiz [^\]]+)\]: # "(.+)"$', listing, re.M)),
                      key=len, reverse=True)
    alternatives = "|".join(re.escape(m) for m in meanings)
    return re.compile(rf" (?:\((?:{alternatives})\)|\[(?:{alternatives})\])")


def without_glosses(text: str) -> str:
    """A page's text without the meanings the site writes after an abbreviation's first use on the page
    („MK (Ministru kabinets) noteikumi” → „MK noteikumi”; generator/site/abbr_first.py), for the tests that compare
    a text with the catalogue's."""
    return _glosses().sub("", text)
