"""The text of an HTML page as a browser shows it, for the tests that read pages (ordinal spacing, page
contents): no scripts, styles or templates; a line break around every element that is not inline (table
cells and paragraphs stay apart); optionally the attributes a reader sees (tooltips, alternative texts)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Attributes a reader sees: HTML tooltips and alternative texts, a workbook's validation messages.
SHOWN_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder", "prompt", "error", "promptTitle",
                              "errorTitle"})
HIDDEN = frozenset({"script", "style", "template"})
INLINE = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
                    "strong", "sub", "sup", "u", "var"})

_SPACES = re.compile(r"[ \t\r\n]+")


def squash(text: str) -> str:
    """Collapse ordinary white space (no-break spaces stay: they are part of 1 234,56 EUR)."""
    return _SPACES.sub(" ", text).strip()


class _VisibleText(HTMLParser):
    def __init__(self, attributes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._attributes = attributes
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        if tag not in INLINE:
            self.parts.append("\n")
        if self._attributes:
            self.parts.extend(f"\n{value}\n" for name, value in attrs if name in SHOWN_ATTRIBUTES and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1
        if tag not in INLINE:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(html: str, *, attributes: bool = True) -> str:
    """The page's visible text with its line breaks (and, with ``attributes``, the shown attributes as
    separate lines)."""
    parser = _VisibleText(attributes)
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def text_of(html: str) -> str:
    """The visible text of a page on one line, white space collapsed, without attributes."""
    return squash(html_text(html, attributes=False))
