"""The pages `make test` audits with axe-core: the fewest pages of the site that show every kind of element the
whole site shows (docs/benchmarks.md, "Nejaušo gadījumu izlase"); IBM_FULL=1 audits every page.

axe-core judges elements by what they are and where they stand: the tag, its classes (and so its colours and
layout), its role and ARIA attributes, the attributes it has, its parent, an inline style, whether it holds text
(an empty link, button, heading or header cell), an image's alt; on the page, duplicate ids, ARIA references to
ids the page lacks, and the tables' widths (columns). Each of these is a case here; the pages built from one
template (the 75 service pages) mostly repeat the same cases with other words. A greedy set cover keeps the page
adding the most cases not yet kept (the first in sorted order on a tie) until every case of the site is kept.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

FULL = os.environ.get("IBM_FULL", "") not in ("", "0")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# attributes whose value differs from page to page without changing what the element is (names are kept)
VALUE_FREE = {"href", "id", "src", "class", "title", "alt", "content", "value", "for", "name", "datetime",
              "aria-label", "aria-labelledby", "aria-describedby", "aria-controls", "style"}
NEEDS_TEXT = {"a", "button", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "li", "label", "caption", "summary"}
REFERENCES = ("aria-controls", "aria-labelledby", "aria-describedby")


class _Cases(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.cases: set[tuple] = set()
        self.ids: list[str] = []
        self.refs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = tuple(sorted(a.get("class", "").split()))
        parent = (self.stack[-1]["tag"], self.stack[-1]["classes"]) if self.stack else None
        self.cases.add(("element", tag, classes, a.get("role"), tuple(sorted(a)),
                        tuple(sorted((k, v) for k, v in a.items() if k not in VALUE_FREE and k.startswith("aria-"))),
                        parent, bool(a.get("alt")), bool(a.get("title"))))
        if a.get("style"):
            self.cases.add(("style", tag, a["style"]))
        if "id" in a:
            self.ids.append(a["id"])
        for ref in REFERENCES:
            self.refs |= set(a.get(ref, "").split())
        if self.stack and tag in ("td", "th"):
            row = next((e for e in reversed(self.stack) if e["tag"] == "tr"), None)
            if row is not None:
                row["cells"] += 1
        if tag not in VOID:
            self.stack.append({"tag": tag, "classes": classes, "text": False, "named": "aria-label" in a or "title" in a,
                               "cells": 0, "columns": 0})

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            element = self.stack.pop()
            if element["tag"] in NEEDS_TEXT and not element["text"]:
                self.cases.add(("no text", element["tag"], element["classes"], element["named"]))
            if element["tag"] == "tr":
                table = next((e for e in reversed(self.stack) if e["tag"] == "table"), None)
                if table is not None:
                    table["columns"] = max(table["columns"], element["cells"])
            if element["tag"] == "table":
                self.cases.add(("table columns", element["classes"], element["columns"]))
            if element["text"] and self.stack:
                self.stack[-1]["text"] = True
            if element["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack:
            self.stack[-1]["text"] = True


def page_cases(html: str) -> set[tuple]:
    """Every case (see the module's text) one page shows."""
    parser = _Cases()
    parser.feed(html)
    parser.close()
    return parser.cases | {("duplicate ids", len(parser.ids) != len(set(parser.ids))),
                           ("missing referenced id", bool(parser.refs - set(parser.ids)))}


def site_cases(site: Path, pages: list[str]) -> list[set[tuple]]:
    return [page_cases((site / page).read_text(encoding="utf-8")) for page in pages]


def covering_pages(pages: list[str], cases: list[set[tuple]]) -> list[str]:
    """The fewest pages a greedy set cover finds that together show every case of all ``pages``."""
    wanted = set().union(*cases)
    seen: set[tuple] = set()
    kept: list[int] = []
    while not wanted <= seen:
        best = max(range(len(pages)), key=lambda i: len(cases[i] - seen))
        kept.append(best)
        seen |= cases[best]
    return sorted(pages[i] for i in kept)


def audited_pages(site: Path, pages: list[str]) -> list[str]:
    """Every page with IBM_FULL=1, else the pages that show every case of the site."""
    return list(pages) if FULL else covering_pages(pages, site_cases(site, pages))
