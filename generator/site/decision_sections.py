"""The decisions page as sections a reader can scan: one heading per decision, grouped by theme.

The page's source (catalogue/metodika/rekonstrukcijas-un-lemumi.md) keeps each decision as a table row
"| D4 | question | decision |" – one line per decision, easy to review and to merge. In a three-column table a
decision of 2 000 characters is a narrow column many screens tall on a phone, so the site shows each one as
a heading "D4 – question" (anchor ``#lemums-d4``, the link target of every citation) with the decision under it,
long texts in paragraphs, and the decisions grouped by the themes of catalogue/metodika/lemumu-temas.yaml.
A decision no theme names is shown at the end under OTHER; sections of the source without decision rows
(the list of open points) stay as they are, after the themes.

On a phone the page is some 300 000 px tall: under the title a list of the themes (CONTENTS, anchor
``#lemumu-temas``) links to each theme's heading with its number of decisions; right under each theme's heading a
compact list of its decisions (DECISION_LIST: number and question, the question shortened to about SHORT characters,
the whole question the link's accessible name) links to each decision's heading, so any decision is two taps from
the top; and every section, the last one too, ends with a link back to the list of themes (D329). The theme headings keep the ids the Markdown table of contents
gives them (``slug``), so a link to one made before the list still works. A theme's list only leads to the
headings: it is left out of the search index (``data-search-exclude``) and of the print (ibm.css), where the headings
themselves carry each decision's number and question in order; so are the links back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from generator.catalogue.data_files import DecisionThemes
from generator.lvformat import agree

ROW = re.compile(r"^\|\s*D(\d{1,3})\s*\|(.*)\|\s*$")
TABLE_HEAD = re.compile(r"^\|\s*Nr\.\s*\||^\|[-:| ]+\|\s*$")
OTHER = "Citi lēmumi"
CONTENTS = "lemumu-temas"  # the id of the list of themes
BACK = f"[↑ Uz tēmu sarakstu](#{CONTENTS})\n{{: .ibm-uz-temam }}"  # ibm.css: not printed
DECISION_LIST = "ibm-temas-lemumi"  # the class of a theme's list of its decisions (ibm.css: compact, not printed)
SHORT = 80  # a question longer than this is shortened in its theme's list, at a word, with „…”
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
PARAGRAPH = 450  # a decision's text is broken into paragraphs of about this many characters, at sentence ends
LIST_OVER = 1200  # a paragraph longer than this that is one list of "; " clauses is shown as a bulleted list
# A sentence ends with ". " before a capital letter or an opening quote; not after these abbreviations.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ„])")
ABBREVIATIONS = re.compile(r"(?:\b(?:piem|sk|Nr|t\. i|u\. c|utt|t\. sk|p|pers|apm|vai tml|tml)\.|\d\.)$")


def anchor(number: str | int) -> str:
    """The id of decision D``number``'s heading (row) on the decisions page."""
    return f"lemums-d{int(number)}"


@dataclass
class _Section:
    heading: str
    intro: list[str] = field(default_factory=list)
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # (number, question, decision)
    body: list[str] = field(default_factory=list)  # every line, for a section without decision rows


def _parse(markdown: str) -> tuple[list[str], list[_Section]]:
    preamble: list[str] = []
    sections: list[_Section] = []
    for line in markdown.split("\n"):
        if line.startswith("## "):
            sections.append(_Section(line[3:].strip()))
            continue
        if not sections:
            preamble.append(line)
            continue
        section = sections[-1]
        section.body.append(line)
        row = ROW.match(line)
        if row:
            question, _, decision = row.group(2).partition("|")
            section.rows.append((int(row.group(1)), question.strip(), decision.strip()))
        elif not TABLE_HEAD.match(line):
            section.intro.append(line)
    return preamble, sections


def _depth_zero(text: str) -> bool:
    """No bracket, link or quote is open at the end of ``text``."""
    return (text.count("(") <= text.count(")") and text.count("[") <= text.count("]")
            and text.count("„") <= text.count("”") and text.count("`") % 2 == 0)


def paragraphs(text: str, size: int = PARAGRAPH) -> list[str]:
    """``text`` in paragraphs of at least ``size`` characters, broken only at a sentence's end (not after an
    abbreviation or a number such as "6.3.", not inside brackets or quotes)."""
    parts: list[str] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        before = text[start:m.start()]
        if len(before) < size or ABBREVIATIONS.search(before) or not _depth_zero(before):
            continue
        parts.append(before)
        start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _clauses(text: str) -> list[str]:
    """``text`` split at its top-level "; " (not inside brackets or quotes)."""
    parts, start = [], 0
    for m in re.finditer(r";\s+", text):
        if _depth_zero(text[start:m.start()]):
            parts.append(text[start:m.start()])
            start = m.end()
    return [*parts, text[start:]]


def block(paragraph: str) -> str:
    """A paragraph as Markdown: a very long sentence of many "; " clauses (a list of rules) as a bulleted
    list, one clause an item; anything else as it is."""
    clauses = _clauses(paragraph)
    if len(paragraph) <= LIST_OVER or len(clauses) < 3:
        return paragraph
    return "\n".join(f"- {c}{';' if i < len(clauses) - 1 else ''}" for i, c in enumerate(clauses))


def _decision(number: int, question: str, decision: str) -> list[str]:
    lines = [f"### D{number} – {question} {{ #{anchor(number)} }}", ""]
    for p in paragraphs(decision):
        lines += [block(p), ""]
    return lines


def short(question: str, size: int = SHORT) -> str:
    """``question`` as the text of a link in its theme's list: its links as plain text (a link holds no link), and
    when longer than ``size`` cut at the last space before it that is outside brackets, quotes and code, with „…”."""
    text = LINK.sub(r"\1", question)
    if len(text) <= size:
        return text
    cuts = [m.start() for m in re.finditer(" ", text[: size + 1]) if _depth_zero(text[: m.start()])]
    if not cuts:
        return text
    return text[: cuts[-1]].rstrip(" ,;:–-") + "\u00a0…"  # no „…” alone on a line


def plain(question: str) -> str:
    """``question`` as plain text: its links' texts, no code marks."""
    return LINK.sub(r"\1", question).replace("`", "")


def _item(number: int, question: str) -> str:
    """One link of a theme's list: a Markdown link (so the first abbreviation in its text is a link's, glossed in the
    page's text instead – abbr_first), whose accessible name, where the question is shortened, is the whole
    question (attr_list; a screen reader does not stop at „…")."""
    shown = short(question)
    link = f"- [D{number} – {shown}](#{anchor(number)})"
    if shown == LINK.sub(r"\1", question):
        return link
    name = re.sub(r'["{}]', "", f"D{number} – {plain(question)}")  # attr_list's quotes and braces
    return f'{link}{{ aria-label="{name}" }}'


def _decision_list(numbers: list[int], found: dict[int, tuple[str, str]]) -> list[str]:
    """A theme's decisions as a compact list of links to their headings (md_in_html: the block's class for ibm.css,
    and left out of the search index, where each decision's own heading is)."""
    items = [_item(n, found[n][0]) for n in numbers]
    return [f'<div class="{DECISION_LIST}" data-search-exclude markdown>', *items, "</div>", ""]


def slug(heading: str) -> str:
    """The id the Markdown table of contents (mkdocs.yml: toc, its default slugify) gives a heading."""
    return slugify(heading, "-")


def _contents(entries: list[tuple[str, int]]) -> list[str]:
    """The list of themes: each heading a link to its section, with its number of decisions (none for a section
    without decision rows)."""
    lines = ["Lēmumi pēc tēmām:", f"{{: #{CONTENTS} }}", ""]
    for heading, count in entries:
        counted = f" – {count} {agree(count, 'lēmums', 'lēmumi')}" if count else ""
        lines.append(f"- [{heading}](#{slug(heading)}){counted}")
    return [*lines, ""]


def sectionize(markdown: str, themes: DecisionThemes) -> str:
    """The decisions page with one heading per decision, grouped by ``themes``."""
    preamble, sections = _parse(markdown)
    found = {n: (q, d) for s in sections for n, q, d in s.rows}
    first_theme = {n: t.id for t in themes.temas for n in t.lemumi}
    intros: dict[str, list[str]] = {}
    for s in sections:  # a source section's own text goes with the theme of its first decision
        text = "\n".join(s.intro).strip()
        if s.rows and text:
            intros.setdefault(first_theme.get(s.rows[0][0], OTHER), []).append(text)
    out: list[str] = []
    contents: list[tuple[str, int]] = []
    for theme in themes.temas:
        numbers = [n for n in theme.lemumi if n in found]
        if not numbers:
            continue
        contents.append((theme.virsraksts, len(numbers)))
        out += [f"## {theme.virsraksts}", "", *_decision_list(numbers, found)]
        for text in ([theme.ievads] if theme.ievads else []) + intros.get(theme.id, []):
            out += [text, ""]
        for n in numbers:
            out += _decision(n, *found[n])
        out += [BACK, ""]
    rest = sorted(n for n in found if n not in first_theme)
    if rest:
        contents.append((OTHER, len(rest)))
        out += [f"## {OTHER}", "", *_decision_list(rest, found)]
        for text in intros.get(OTHER, []):
            out += [text, ""]
        for n in rest:
            out += _decision(n, *found[n])
        out += [BACK, ""]
    for s in sections:
        if not s.rows:
            contents.append((s.heading, 0))
            out += [f"## {s.heading}", *s.body, "", BACK, ""]  # the last section too leads back (D329)
    # the list right under the page's title, on a phone's first screen
    title = next((i for i, line in enumerate(preamble) if line.startswith("# ")), -1) + 1
    intro = "\n".join(preamble[title:]).lstrip("\n").split("\n")
    out = [*preamble[:title], "", *_contents(contents), *intro, *out]
    return "\n".join(out).rstrip("\n") + "\n"


def unthemed(markdown: str, themes: DecisionThemes) -> list[int]:
    """The decision numbers of the page that no theme names."""
    named = {n for t in themes.temas for n in t.lemumi}
    _, sections = _parse(markdown)
    return sorted({n for section in sections for n, _, _ in section.rows} - named)
