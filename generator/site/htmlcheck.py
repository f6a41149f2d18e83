"""Checks of the built HTML: internal links, anchors and downloads resolve; no external assets;
accessibility basics (lang="lv", one h1, table headers, image alt text, link text that says where
the link goes). Used by the build step (any problem fails the build) and by the tests."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL_SCHEMES = ("http", "https", "ftp", "//")
IGNORED_SCHEMES = ("mailto", "tel", "data", "javascript", "blob")
# Link texts that do not say where a link goes.
VAGUE_LINK_TEXT = {"šeit", "te", "saite", "spied šeit", "spiediet šeit", "klikšķini šeit", "vairāk", "lasīt vairāk",
                   "here", "click here", "link", "more", "read more"}


@dataclass
class _Link:
    tag: str
    attr: str
    url: str
    text: str = ""
    label: str = ""


@dataclass
class PageFacts:
    """What a page contains, as far as the checks need."""

    lang: str | None = None
    h1: int = 0
    ids: set[str] = field(default_factory=set)
    links: list[_Link] = field(default_factory=list)
    tables: list[bool] = field(default_factory=list)  # per table: has a header cell
    images_without_alt: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._open_links: list[_Link] = []
        self._tables: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.facts.lang = a.get("lang")
        if "id" in a:
            self.facts.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.facts.ids.add(a["name"])
        if tag == "h1":
            self.facts.h1 += 1
        if tag == "table":
            self._tables.append(False)
        if tag == "th" and self._tables:
            self._tables[-1] = True
        if tag == "img":
            if "alt" not in a:
                self.facts.images_without_alt.append(a.get("src", "?"))
            if a.get("src"):
                self.facts.links.append(_Link("img", "src", a["src"]))
        if tag == "a" and "href" in a:
            link = _Link("a", "href", a["href"], label=(a.get("aria-label") or a.get("title") or "").strip())
            self.facts.links.append(link)
            self._open_links.append(link)
        if tag == "link" and a.get("href"):
            self.facts.links.append(_Link("link", "href", a["href"]))
        if tag in ("script", "iframe", "source", "video", "audio") and a.get("src"):
            self.facts.links.append(_Link(tag, "src", a["src"]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open_links:
            self._open_links.pop()
        if tag == "table" and self._tables:
            self.facts.tables.append(self._tables.pop())

    def handle_data(self, data: str) -> None:
        for link in self._open_links:
            link.text += data


def page_facts(path: Path) -> PageFacts:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.facts


@dataclass(frozen=True)
class Problem:
    page: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


def _target(site: Path, page: str, url: str) -> tuple[str | None, str]:
    """The site-relative file a relative URL points to (None if it leaves the site) and its fragment."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/"):
        joined = posixpath.join(joined, "index.html")
    if joined.startswith("../") or joined == "..":
        return None, ""
    return joined.lstrip("/"), unquote(parts.fragment)


def check_site(site: Path) -> list[Problem]:
    """Every problem of the built site in ``site`` (empty when all is well)."""
    pages = {p.relative_to(site).as_posix(): page_facts(p) for p in sorted(site.rglob("*.html"))}
    problems: list[Problem] = []
    for page, facts in pages.items():
        if facts.lang != "lv":
            problems.append(Problem(page, f'<html lang="{facts.lang}"> (gaidīts: lang="lv")'))
        if facts.h1 != 1:
            problems.append(Problem(page, f"lapā ir {facts.h1} h1 virsraksti (gaidīts: tieši viens)"))
        for i, has_header in enumerate(facts.tables, 1):
            if not has_header:
                problems.append(Problem(page, f"{i}. tabulai nav galvenes šūnu <th>"))
        for src in facts.images_without_alt:
            problems.append(Problem(page, f"attēlam {src} nav alt teksta"))
        for link in facts.links:
            problems.extend(_check_link(site, pages, page, link))
    return problems


def _check_link(site: Path, pages: dict[str, PageFacts], page: str, link: _Link) -> list[Problem]:
    url = link.url.strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return []
    problems = []
    if link.tag == "a":
        text = " ".join(link.text.split())
        if not text and not link.label:
            problems.append(Problem(page, f"saitei uz {url} nav teksta (gaidīts: teksts vai aria-label)"))
        elif text.lower().strip(".!:") in VAGUE_LINK_TEXT:
            problems.append(Problem(page, f"saites teksts „{text}” nepasaka, kur tā ved ({url})"))
    if scheme in EXTERNAL_SCHEMES or url.startswith("//"):
        if link.tag != "a":
            problems.append(Problem(page, f"ārējs resurss <{link.tag} {link.attr}=\"{url}\"> (gaidīts: vietnes datne)"))
        return problems
    target, fragment = _target(site, page, url)
    if target is None:
        return [*problems, Problem(page, f"saite {url} ved ārpus vietnes mapes")]
    if not (site / target).is_file():
        return [*problems, Problem(page, f"saite {url}: datne {target} nav atrasta")]
    if fragment and target in pages and fragment not in pages[target].ids:
        problems.append(Problem(page, f"saite {url}: lapā {target} nav enkura #{fragment}"))
    return problems
