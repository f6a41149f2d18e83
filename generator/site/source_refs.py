"""Source references written for readers: a catalogue source such as "Metodika L996–L1013; D17" or a
description field's line list becomes the methodology chapter's number and title, linked to the site
page that explains it, and decision codes (D1 … D999) link to their row on the decisions page. The line numbers stay
only in a machine-readable ``data-metodikas-rindas`` attribute; seed document codes such as "(S000)"
are dropped.

Chapters come from catalogue/metodika/seed-toc.yaml (the methodology's table of contents: ``nodalas``
with ``nr``, ``virsraksts``, ``sakums``, ``beigas`` and ``lapa``); without that file, or for a line
outside every chapter, the reference says "metodika" without a chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from markupsafe import escape

from generator.site import paths
from generator.site.decision_links import DECISIONS_FILE, anchor
from generator.site.markdown import html, md

SEED_TOC = "seed-toc.yaml"
DECISIONS_PAGE = DECISIONS_FILE
LINES = re.compile(r"\bL(\d+)(?:\s*[–-]\s*L(\d+))?")
DECISION = re.compile(r"\bD(\d{1,3})\b")
SEED_CODE = re.compile(r"\s*\(S\d{3}\)")
METHODOLOGY_WORD = re.compile(r"^\s*metodika\b[\s,:]*", re.IGNORECASE)


@dataclass(frozen=True)
class Chapter:
    number: str
    title: str
    first: int
    last: int
    page: str | None  # file in catalogue/metodika/ that is on the site, or None

    @property
    def label(self) -> str:
        return self.title if self.number in ("", "—", "-") else f"{self.number} {self.title}"


def read_chapters(methodology_dir: Path, site_pages: set[str]) -> list[Chapter]:
    """The chapters of catalogue/metodika/seed-toc.yaml ([] when there is none or it cannot be read:
    the methodology's own checks report a broken file)."""
    path = methodology_dir / SEED_TOC
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return []
    chapters = []
    for entry in data.get("nodalas", []) if isinstance(data, dict) else []:
        try:
            page = entry.get("lapa")
            chapters.append(Chapter(str(entry.get("nr", "")).strip(), str(entry["virsraksts"]).strip(),
                                    int(entry["sakums"]), int(entry["beigas"]),
                                    page if page in site_pages else None))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return chapters


class SourceRefs:
    """Readable source references for the generated pages."""

    def __init__(self, chapters: list[Chapter], decisions_page: bool) -> None:
        self.chapters = chapters
        self.decisions_page = decisions_page

    @classmethod
    def for_catalogue(cls, catalogue_root: Path, site_pages: set[str]) -> SourceRefs:
        folder = paths.methodology_dir(catalogue_root)
        return cls(read_chapters(folder, site_pages), DECISIONS_PAGE in site_pages)

    def chapter_of(self, line: int) -> Chapter | None:
        # the innermost chapter (the last one that starts at or before the line and still holds it)
        found = None
        for chapter in self.chapters:
            if chapter.first <= line <= chapter.last:
                found = chapter
        return found

    def _chapters(self, lines: list[int]) -> list[Chapter | None]:
        result: list[Chapter | None] = []
        for line in lines:
            chapter = self.chapter_of(line)
            if chapter not in result:
                result.append(chapter)
        return result

    def _chapter_link(self, chapter: Chapter, from_page: str) -> str:
        if chapter.page is None:
            return md(chapter.label)
        return f"[{md(chapter.label)}]({_relative(from_page)}{paths.METHODOLOGY}/{chapter.page})"

    def _chapters_md(self, lines: list[int], from_page: str) -> str:
        """'metodikas nodaļa [II.6.3 SBS apraksti](…)' or '… nodaļas A, B'; 'metodika' when none is known."""
        chapters = [c for c in self._chapters(lines) if c is not None]
        if not chapters:
            return "metodika"
        links = ", ".join(self._chapter_link(c, from_page) for c in chapters)
        return f"metodikas nodaļa {links}" if len(chapters) == 1 else f"metodikas nodaļas {links}"

    def _decision_md(self, number: str, from_page: str) -> str:
        if not self.decisions_page:
            return f"lēmums D{number}"
        return f"[lēmums D{number}]({_relative(from_page)}{paths.METHODOLOGY}/{DECISIONS_PAGE}#{anchor(number)})"

    def lines_md(self, label: str, refs: list[str], from_page: str) -> str:
        """A description field's source: its kind (``label``, e.g. 'metodika') and, from its methodology
        line references ('L1507', 'L1508'), the chapters; the lines only in the span's data attribute."""
        lines = _line_numbers(" ".join(refs))
        chapters = self._chapters_md(lines, from_page) if lines else "metodika"
        if chapters == "metodika":
            text = md(label)
        elif label.endswith("metodika"):  # "metodikas nodaļa …", not "metodika – metodikas nodaļa …" (audit22 F39)
            prefix = label.removesuffix("metodika").strip()
            text = f"{md(prefix)} {chapters}" if prefix else chapters
        else:  # "metodikas nodaļa … (rekonstruēts, avotā nav dots)": the chapter first, then what kind (audit30 F13)
            text = f"{chapters} ({md(label)})"
        if not refs:
            return text
        return f'<span data-metodikas-rindas="{html(" ".join(refs))}">{text}</span>'

    def source_md(self, source: str, from_page: str) -> str:
        """A catalogue ``source`` string as readable Markdown (see the module docstring)."""
        parts = []
        for part in (p.strip() for p in SEED_CODE.sub("", source).split(";")):
            if not part:
                continue
            decisions = DECISION.fullmatch(part)
            if decisions:
                parts.append(self._decision_md(decisions.group(1), from_page))
                continue
            lines = _line_numbers(part)
            if lines and METHODOLOGY_WORD.match(part):
                rest = LINES.sub("", METHODOLOGY_WORD.sub("", part))
                note = re.sub(r"\s+", " ", rest).strip(" ,()") if re.search(r"\w", rest) else ""
                chapters = self._chapters_md(lines, from_page)
                raw = " ".join(f"L{n}" for n in lines)
                text = f'<span data-metodikas-rindas="{raw}">{chapters}</span>'
                parts.append(text + (f" ({md(note)})" if note else ""))
                continue
            named = NAMED_URL.fullmatch(part)
            if named:  # "Cenrādis (https://…), datums …": the document's name is the link (audit30 F14)
                lead, rest = named["lead"], named["rest"]
                parts.append((f"{md(lead)} " if lead else "") + web_link(named["url"], md(named["name"]))
                             + (" " if rest[:1].isspace() else "") + md(rest))
                continue
            parts.append(DECISION.sub(lambda m: self._decision_md(m.group(1), from_page), md(part)))
        return breakable_urls("; ".join(parts) if parts else md(source))

    def for_page(self, from_page: str) -> dict[str, Any]:
        """Template helpers for one docs page: ``avots(text)`` and ``rindu_avots(list)``."""
        return {"avots": lambda text: self.source_md(str(text), from_page),
                "rindu_avots": lambda label, refs: self.lines_md(str(label), list(refs or []), from_page)}


URL = re.compile(r"(?<!href=\")https?://[^\s)<>\"]+")
# a source part "[Author: ]Name (https://…)[, more]": the name of the document the address holds (audit30 F14)
NAMED_URL = re.compile(r"(?P<lead>[^():]+:\s+)?(?P<name>[^()]*[^\s()])\s*\((?P<url>https?://[^\s()<>\"]+)\)"
                       r"(?P<rest>[^()]*)")
BRACKETED_URL = re.compile(r"\((https?://[^\s()<>\"]+)\)")
LINK_CLASS = "ibm-adrese"  # printed with its address after it (site/assets/stylesheets/ibm.css)
SITE_LINK_CLASS = "ibm-adrese-vietne"  # a link named by its site, already in brackets: printed "(site: address)"


def web_link(url: str, text_md: str, css: str = LINK_CLASS) -> str:
    """A link to a web page whose visible text is ``text_md`` (a name, already Markdown-safe), the address only in
    the link: a ministry reader sees what the page is, and a printed page adds the address (LINK_CLASS)."""
    return f'<a class="{css}" href="{escape(url)}">{text_md}</a>'


def note_md(text: object) -> str:
    """Free catalogue text (a price's note) as literal Markdown, an address in brackets written as a link named by
    its site ("(aizkraukle.lv)"): the sentence before it already says which document it is (audit30 F14)."""
    urls: list[str] = []

    def hold(m: re.Match[str]) -> str:
        urls.append(m.group(1))
        return f"\x00{len(urls) - 1}\x00"

    def link(m: re.Match[str]) -> str:
        url = urls[int(m.group(1))]
        return f"({web_link(url, md((urlsplit(url).hostname or url).removeprefix('www.')), SITE_LINK_CLASS)})"

    return re.sub(r"\x00(\d+)\x00", link, md(BRACKETED_URL.sub(hold, str(text))))


def breakable_urls(text: str) -> str:
    """A web address may break after each '/' (an empty <wbr> element): a long address in a table cell
    would otherwise set the column's width and push the table past the page. Not inside a link's href."""
    return URL.sub(lambda m: re.sub(r"(?<=[^/:])/(?=.)", "/<wbr>", m.group(0)), text)


def _line_numbers(text: str) -> list[int]:
    numbers: list[int] = []
    for m in LINES.finditer(text):
        first = int(m.group(1))
        numbers.append(first)
        if m.group(2):
            numbers.append(int(m.group(2)))
    return numbers


def _relative(from_page: str) -> str:
    return "../" * from_page.count("/")
