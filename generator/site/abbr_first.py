"""Markdown extension (mkdocs.yml `markdown_extensions`): the first abbreviation of each kind on a page is
explained in the text, not only in the hover title (audit30 F4: a phone has no hover).

Runs after Python-Markdown's ``abbr`` tree processor. In document order, the first ``<abbr>`` of every
abbreviation outside headings and link texts gets its meaning in brackets right after it: „smagu FT
(funkcionālie traucējumi) dēļ” (in square brackets when it already stands inside round ones). The meaning is
written in the nominative as a gloss, so the sentence keeps its grammar. A heading stays short and a quoted
chapter title in a link stays as it reads, and so does a name quoted in „…” („IBM kārta bērniem 2027. gadā”), so the
next use in the text gets the gloss (review8 R8-5); an
abbreviation used only there is explained once in a line right after its heading, or after the paragraph, list
item's text or table that holds the link or quotation: „Saīsinājums: FT – funkcionālie traucējumi.” (R8-3). An abbreviation the text already explains gets nothing: one written in
brackets after its term („funkcionālie traucējumi (FT)”, in any case form) or followed by its own bracket that
says the meaning („IB (individuālais budžets)”). A bracket that says something else gets the meaning at its
start: „SD (sociālais dienests; IB …)” (R8-4). The meaning is the abbreviation list's text
(catalogue/metodika/saisinajumi.md) up to its first „ – ” or bracket.

An abbreviation that the texts put before a noun it qualifies („IBM matrica”, „ārpus IBM un …”) stands in the
genitive there, and a nominative gloss inside that phrase is no Latvian („ar IBM (individuālā budžeta modelis)
matricu”). The list may give such an abbreviation's meaning in the genitive, as a Markdown reference line the page
does not show (``[IBM ģenitīvā]: # "individuālā budžeta modeļa"``); an abbreviation followed by a word then takes it:
„ar IBM (individuālā budžeta modeļa) matricu”. One at the end of its phrase keeps the nominative gloss. The same goes
for every abbreviation the list gives a genitive, except before a word after which the abbreviation is the subject
or ends its phrase (a verb, a conjunction: the list's line ``[nominatīvā pirms]: # "ir nav un …"``), where the
nominative stays. After a preposition that governs it the list may give the form that preposition needs
(``[FT aiz ar]: # "funkcionāliem traucējumiem"``): „bērni ar FT (funkcionāliem traucējumiem)”; such a form is
used after that preposition always, and also for a second abbreviation joined to the first („ar LNB un LNS”). Where
the abbreviation after a preposition ends its phrase in some places and qualifies a noun in others („līgums par IB”,
„par IB piešķiršanu”), the list gives the form for the phrase's end only (``[IB aiz par frāzes beigās]: #
"individuālo budžetu"``): „līgums par IB (individuālo budžetu)”, but „par IB (individuālā budžeta) piešķiršanu”. The
case forms are the list's data; this module only picks which one the phrase needs.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Never glossed: the unit after every amount („1 234,56 EUR”) needs no explanation.
NOT_GLOSSED = {"EUR"}
# An abbreviation that starts an act's name („MK noteikumi Nr. 313”, „MK 16.06.2015 noteikumi”) takes no gloss inside
# it – „MK (Ministru kabinets) noteikumi” breaks the citation a lawyer copies (audit27c F3); it is explained after
# its block instead, as one in a heading, unless the text uses it again.
CITATION = re.compile(r"^\s+(?:\d{1,2}\.\d{1,2}\.\d{4}\.?\s+)?noteikum")
# A name quoted from data („IBM kārta bērniem 2027. gadā”, an act's or an institution's name) stays as written: an
# abbreviation inside „…” takes no gloss there; the next use outside quotes gets it, or a line after its block.
OPENING_QUOTE, CLOSING_QUOTES = "„", ("”", "“")


def in_quotes(before: str) -> bool:
    """The text ``before`` ends inside a „…” quotation (more opening than closing quotes)."""
    return before.count(OPENING_QUOTE) > sum(before.count(q) for q in CLOSING_QUOTES)


def abbreviation_list(path: Path) -> dict[str, str]:
    """The abbreviations of catalogue/metodika/saisinajumi.md („*[FT]: funkcionālie traucējumi”) by abbreviation."""
    if not path.is_file():
        return {}
    found = re.findall(r"^\*\[([^\]]+)\]: *(.+?) *$", path.read_text(encoding="utf-8"), re.M)
    return {abbr: meaning for abbr, meaning in found if abbr not in NOT_GLOSSED}


GENITIVE_KEY = " ģenitīvā"  # „[IBM ģenitīvā]: # "…"”: the meaning in the genitive, a reference line of the list
_GENITIVE_LINE = re.compile(r'^\[([^\]]+)' + GENITIVE_KEY + r'\]: *# +"(.+)" *$', re.M)


def genitive_list(path: Path) -> dict[str, str]:
    """The genitive meanings of catalogue/metodika/saisinajumi.md („[IBM ģenitīvā]: # "…"”) by abbreviation."""
    if not path.is_file():
        return {}
    return dict(_GENITIVE_LINE.findall(path.read_text(encoding="utf-8")))


GENITIVE = GENITIVE_KEY.strip()
AFTER = "aiz "  # „[FT aiz ar]: # "…"”: the form after the preposition „ar”
PHRASE_END = " frāzes beigās"  # „[IB aiz par frāzes beigās]: # "…"”: after „par” where the abbreviation ends its phrase
NOMINATIVE_BEFORE = "nominatīvā pirms"  # the words after which an abbreviation keeps the nominative gloss
_REFERENCE_LINE = re.compile(r'^\[([^\]]+)\]: *# +"(.+)" *$', re.M)
_NEXT_WORD = re.compile(r"^\s+([a-zāčēģīķļņšūž][\w-]*)")
_LAST_WORD = re.compile(r"(?:^|\s)(\w+)\s+$")
_COORDINATED = re.compile(r"(?:^|\s)(\w+)\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ][A-ZĀČĒĢĪĶĻŅŠŪŽ-]*\s+(?:[(\[][^)\]]*[)\]]\s+)?(?:un|vai)\s+$")
_JOINED = re.compile(r"^\s+(?:un|vai)\s+([\w-]+)\s+([a-zāčēģīķļņšūž][\w-]*)")


@dataclass(frozen=True)
class Grammar:
    """The abbreviation list's case forms (abbreviation in lower case → {"ģenitīvā" or "aiz <prievārds>": form}) and
    the words before which the nominative stays."""

    forms: dict[str, dict[str, str]]
    nominative_before: frozenset[str] = frozenset()

    @classmethod
    def from_references(cls, references: dict[str, str]) -> Grammar:
        """From the list's reference lines („[IB ģenitīvā]: # "…"”) by their lower-case ids."""
        forms: dict[str, dict[str, str]] = {}
        before: frozenset[str] = frozenset()
        for key, value in references.items():
            key = key.lower()
            if key == NOMINATIVE_BEFORE:
                before = frozenset(value.split())
                continue
            abbr, _, case = key.partition(" ")
            if case == GENITIVE or case.startswith(AFTER):
                forms.setdefault(abbr, {})[case] = value
        return cls(forms, before)

    @classmethod
    def from_genitives(cls, genitives: dict[str, str] | None) -> Grammar:
        return cls({abbr.lower(): {GENITIVE: form} for abbr, form in (genitives or {}).items()})

    def gloss(self, abbr: str, title: str, before: str, tail: str) -> str:
        """The meaning written after ``abbr`` between ``before`` and ``tail`` (the text after it): the list's form
        after the preposition before it, else its genitive before a word it qualifies, else the list's form after
        that preposition at the end of a phrase, else the nominative."""
        forms = self.forms.get(abbr.lower(), {})
        # „ar LNB (…) un LNS”: the second of two joined abbreviations stands after the first one's preposition
        preposition = _COORDINATED.search(before) or _LAST_WORD.search(before)
        after = AFTER + preposition.group(1).lower() if preposition else None
        if after in forms:
            return forms[after]
        if GENITIVE in forms and self._qualifies(tail):
            return forms[GENITIVE]
        if after and after + PHRASE_END in forms and not self._qualifies(tail):
            return forms[after + PHRASE_END]  # „līgums par IB (individuālo budžetu)”, but „par FT veidu” above
        return short_meaning(title)

    def _qualifies(self, tail: str) -> bool:
        """The abbreviation before ``tail`` qualifies the word after it: a lower-case word not named as one before
        which it keeps the nominative („IB apmērs”, not „IB ir”), or „LNB un LNS sociālās rehabilitācijas” –
        joined to a second abbreviation that qualifies a word, both qualify it."""
        word = _NEXT_WORD.match(tail)
        if word and word.group(1) not in self.nominative_before:
            return True
        joined = _JOINED.match(tail)
        return bool(joined and GENITIVE in self.forms.get(joined.group(1).lower(), {})
                    and joined.group(2) not in self.nominative_before)


def grammar_list(path: Path) -> Grammar:
    """The case forms of catalogue/metodika/saisinajumi.md (its reference lines)."""
    if not path.is_file():
        return Grammar({})
    return Grammar.from_references(dict(_REFERENCE_LINE.findall(path.read_text(encoding="utf-8"))))


def explain_in_html(text: str, abbreviations: dict[str, str], explained: set[str],
                    genitives: dict[str, str] | None = None, grammar: Grammar | None = None) -> str:
    """``text`` as HTML with its abbreviations in ``<abbr>``, the first of each kind (not yet in ``explained``)
    followed by its meaning (in the genitive before a word, ``genitives``: gloss): for the pages' own HTML tables,
    which Python-Markdown does not read."""
    if not abbreviations:
        return html.escape(text)
    grammar = grammar or Grammar.from_genitives(genitives)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)) + r")\b")
    parts, last = [], 0
    for m in pattern.finditer(text):
        abbr, title = m.group(1), abbreviations[m.group(1)]
        parts.append(html.escape(text[last:m.start()]))
        parts.append(f'<abbr title="{html.escape(title)}">{html.escape(abbr)}</abbr>')
        if abbr not in explained and not CITATION.match(text[m.end():]) and not in_quotes(text[:m.start()]):
            explained.add(abbr)
            parts.append(f" ({html.escape(grammar.gloss(abbr, title, text[:m.start()], text[m.end():]))})")
        last = m.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def short_meaning(title: str) -> str:
    """The list's explanation up to its first dash or bracket: „deinstitucionalizācija – pāreja …” → the word."""
    for stop in (" – ", " ("):
        title = title.split(stop, 1)[0]
    return title.strip()


BLOCKS = {"p", "li", "td", "th", "dd", "dt", "caption", "div", "blockquote"}


def _block_text_before(parents: dict, el: etree.Element) -> str:
    """The text of the nearest block (paragraph, list item, table cell) that comes before ``el``."""
    block = parents.get(el)
    while block is not None and block.tag not in BLOCKS and parents.get(block) is not None:
        block = parents[block]
    if block is None:
        return ""
    parts: list[str] = []

    def walk(node: etree.Element) -> bool:
        if node is el:
            return True
        parts.append(node.text or "")
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(block)
    return "".join(parts)


def _in_brackets(parents: dict, el: etree.Element) -> bool:
    before = _block_text_before(parents, el)
    return before.count("(") > before.count(")")


def _text_before(parents: dict, el: etree.Element) -> str:
    """The text right before ``el`` inside its parent (the previous sibling's tail or the parent's text)."""
    parent = parents.get(el)
    if parent is None:
        return ""
    index = list(parent).index(el)
    return (parent[index - 1].tail if index else parent.text) or ""


def _written_before(before: str, tail: str, title: str) -> bool:
    """„funkcionāliem traucējumiem (FT)”: the abbreviation in brackets right after its term (in any case form: the
    first word's stem is enough); „Surdotulks izglītībai (LNS)” is not."""
    if not (before.endswith("(") and tail.startswith(")")):
        return False
    words = short_meaning(title).lower().split()
    return bool(words) and words[0][:5] in before[-80:].lower()


def _bracket_after(parents: dict, el: etree.Element) -> str | None:
    """The text of the bracket that follows ``el`` („IB (…)”), up to its closing bracket; None without one."""
    tail = el.tail or ""
    if not tail.startswith(" ("):
        return None
    after = tail + "".join(etree.tostring(s, encoding="unicode", method="text") for s in _siblings_after(parents, el))
    return after[2:].split(")", 1)[0]


def _siblings_after(parents: dict, el: etree.Element) -> list[etree.Element]:
    parent = parents.get(el)
    if parent is None:
        return []
    children = list(parent)
    return children[children.index(el) + 1:]


def _stem_in(title: str, text: str) -> bool:
    """The meaning's first word (its stem, any case form) stands in ``text``."""
    words = short_meaning(title).lower().split()
    return bool(words) and words[0][:5] in text.lower()


# Where the line for an abbreviation used only in a link, an act's name or a quotation goes: right after the
# nearest of these blocks that holds the use (a table cell's line after its table, a definition's after its list);
# a list item (or a definition) gets it at the end of its own text, before a nested list, as a list holds only items.
NOTE_BLOCKS = {"p", "li", "dd", "table", "dl"}
NOTE_INSIDE = {"li", "dd"}
NESTED_BLOCKS = {"ul", "ol", "dl", "table", "blockquote", "div", "pre"}


def _note(glosses: list[tuple[str, str]]) -> etree.Element:
    """„Saīsinājums: FT – funkcionālie traucējumi.” for abbreviations the text below a heading never uses."""
    p = etree.Element("p", {"class": "ibm-saisinajumi"})
    p.text = "Saīsinājums: " if len(glosses) == 1 else "Saīsinājumi: "
    for i, (abbr, title) in enumerate(glosses):
        a = etree.SubElement(p, "abbr", {"title": title})
        a.text = abbr
        a.tail = f" – {short_meaning(title)}" + ("." if i == len(glosses) - 1 else "; ")
    p.tail = "\n"
    return p


class FirstAbbreviationTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        # the list's case forms: its reference lines „[IBM ģenitīvā]: # "…"” (ids are lower case)
        grammar = Grammar.from_references({key: title for key, (_url, title) in self.md.references.items() if title})
        explained: set[str] = set()
        # abbreviation → where it first stood where no gloss goes (a heading, a link's text) and its title
        unexplained: dict[str, tuple[etree.Element, str]] = {}
        for el in list(root.iter()):
            if el.tag != "abbr" or not el.text or el.text in explained or el.text in NOT_GLOSSED:
                continue
            place = self._no_gloss_place(parents, el)
            if place is not None:  # a heading stays short, a quoted title in a link or a quoted name as it reads
                unexplained.setdefault(el.text, (place, el.get("title", "")))
                continue
            explained.add(el.text)
            unexplained.pop(el.text, None)
            title = el.get("title", "")
            tail = el.tail or ""
            before = _text_before(parents, el).rstrip()
            bracket = _bracket_after(parents, el)
            if _written_before(before, tail, title) or (bracket is not None and _stem_in(title, bracket)):
                continue  # the text explains it already
            after = tail + "".join(etree.tostring(s, encoding="unicode", method="text") for s in _siblings_after(parents, el))
            meaning = grammar.gloss(el.text, title, _block_text_before(parents, el), after) if short_meaning(title) else ""
            if not meaning:
                continue
            if bracket is not None:  # its own bracket says something else: „SD (sociālais dienests; IB …)”
                el.tail = f" ({meaning}; " + tail[2:]
            else:
                # inside brackets the gloss takes square ones: „(… SD [sociālais dienests])”
                el.tail = (f" [{meaning}]" if _in_brackets(parents, el) else f" ({meaning})") + tail
        self._explain_under(root, parents, unexplained)

    @staticmethod
    def _explain_under(root: etree.Element, parents: dict, unexplained: dict) -> None:
        """An abbreviation the text never uses outside headings, links and quotations is explained once, in a line
        right after the heading (or the block with the link or quotation) where it first stands (review8 R8-3)."""
        by_place: dict[etree.Element, list[tuple[str, str]]] = {}
        for abbr, (place, title) in unexplained.items():
            if short_meaning(title):
                by_place.setdefault(place, []).append((abbr, title))
        for place, glosses in by_place.items():
            if place.tag in NOTE_INSIDE:  # a list can hold only its items: the line ends the item's own text
                nested = [i for i, child in enumerate(place) if child.tag in NESTED_BLOCKS]
                place.insert(nested[0] if nested else len(place), _note(glosses))
                continue
            parent = parents.get(place, root)
            parent.insert(list(parent).index(place) + 1, _note(glosses))

    @staticmethod
    def _no_gloss_place(parents: dict, el: etree.Element) -> etree.Element | None:
        """The heading ``el`` stands in, or for one in a link, starting an act's name (CITATION) or inside a „…”
        quotation the block that holds it (paragraph, list item, table; else its top block); None where a gloss
        may go."""
        node, top, block = parents.get(el), None, None
        link = CITATION.match(el.tail or "") is not None or in_quotes(_block_text_before(parents, el))
        while node is not None:
            if node.tag in HEADINGS:
                return node
            link = link or node.tag == "a"
            if block is None and node.tag in NOTE_BLOCKS:
                block = node
            if parents.get(node) is not None:
                top = node  # ends as the block right under the page's root
            node = parents.get(node)
        return (block if block is not None else top) if link else None


class FirstAbbreviationExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FirstAbbreviationTreeprocessor(md), "abbr_first", 6)


def makeExtension(**kwargs) -> FirstAbbreviationExtension:  # noqa: N802 (Python-Markdown's entry point)
    return FirstAbbreviationExtension(**kwargs)
