"""PDF from the rendered HTML with WeasyPrint (A4, fonts embedded: Carlito, DejaVu Sans for the symbols it lacks; reproducible metadata).

The PDF is the print version: its act's pages carry no instruction to the preparer (audit41 F1, F2, D161). Each
``p.note.preparer`` of the HTML is taken out of the act and printed on a separate sheet after it – titled as not
part of the document, with its own page numbering, each instruction naming the page and clause it is about – so
the act keeps its pages ("Lapa 1 no N") and is signed as printed. The DOCX keeps the same notes beside their
places (docx_writer)."""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.documents.html_spans import outermost
from generator.documents.paths import TEMPLATE_DIR
from generator.documents.pdf_footnotes import MARKED_BLANK, UNPLACED, footnoted, laid_out
from generator.documents.render_memo import ACT_ENTRIES, SHEET_ENTRIES, LayoutMemo
from generator.lvformat import agree
from generator.superscript import TO_PLAIN, TO_SUPERSCRIPT

SHEET_TITLE = "Norādījumi sagatavotājam"
SHEET_NOT_PART = "nav dokumenta daļa, to neparaksta un nepievieno"
_PREPARER = re.compile(r'<p class="note preparer">(?:\s*<strong>[^<]*</strong>)?\s*(.*?)</p>', re.S)
_HEADING = re.compile(r"<h1>(.*?)</h1>", re.S)
_DRAFT = re.compile(r'<h1 class="draft">(.*?)</h1>', re.S)  # a draft's cover (melnraksts.html.j2), not the title
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_ANCHOR = "sagatavotajam-{}"
_PLACE_ID = "vieta-{}"  # a landmark of the act (a clause, a table, a heading …) or a note's marked blank
# a preparer's instruction on a marked blank (legal.Citations): it is about the blank "______¹" in the text, not
# about the place of the note under which the HTML writes it
_ON_MARK = re.compile(r"Tukšā vieta ar piezīmi Nr\. (\d+)\.")
_TABLE_TAG = re.compile(r"<table\b[^>]*>|</table>")
_LIST_TAG = re.compile(r"<ul\b[^>]*>|</ul>")
_NOTE = re.compile(r'<p class="note[^"]*">.*?</p>', re.S)
_LANDMARK = re.compile(
    r'<h1>(?P<title>.*?)</h1>'
    r'|<h(?P<hl>[23])>(?P<heading>.*?)</h(?P=hl)>'
    r'|<p class="clause[^"]*">(?P<clause>.*?)</p>'
    r'|<p class="field[^"]*"><span class="label">(?P<field>[^<]+)</span>', re.S)
_NUMBER = re.compile(r'^\s*<span class="nr" data-level="(\d+)">([^<]+)</span>\s*')
_TAG = re.compile(r"<[^>]+>")
_QUOTE_WORDS = 6


@lru_cache(maxsize=1)
def _font_config():  # noqa: ANN202 - weasyprint type, imported lazily (heavy)
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


# each part laid out once per process for the same HTML (render_memo.py): the sheets (one page, ~0.4 MB laid out; the
# same sheet follows every municipality's copy of a document, 31 documents apart in a build) and the acts (~1.6 MB,
# up to ~4 MB for six pages; the same act comes again only with the same document)
SHEETS = LayoutMemo(SHEET_ENTRIES)
ACTS = LayoutMemo(ACT_ENTRIES)


def _laid_out(html: str, memo: LayoutMemo):  # noqa: ANN202 - weasyprint.Document, imported lazily (heavy)
    """WeasyPrint's document of one part (the act, the preparer's sheet): laid out once for the same HTML."""
    base_url = str(TEMPLATE_DIR)
    return memo.part(html, base_url, lambda: laid_out(html, base_url, _font_config()))


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub("", fragment)).replace("\u2060", "").split())


def _quote(text: str) -> str:
    """A paragraph named by its first words: „Lēmumu viena mēneša laikā no tā …”, or its short first sentence."""
    words = text.split()
    if len(words) <= _QUOTE_WORDS:
        return " ".join(words)
    sentence = next((k for k, word in enumerate(words[:_QUOTE_WORDS + 2], 1) if word.endswith((".", ":"))), None)
    if sentence is not None and sentence >= 3:
        return " ".join(words[:sentence])  # its first sentence, when short: „Bērns atbilda … kritērijiem.”
    return " ".join(words[:_QUOTE_WORDS]) + " …"


@dataclass(frozen=True)
class Landmark:
    """A place of the act a reader finds on a printed page: a numbered clause, a chapter's or a section's (an
    annex's) heading, a table, a form field, an unnumbered paragraph (a letter's), the document's title.
    ``name``: the clause's number, the heading's or field's text, the paragraph's first words, the table's widest
    column; ``context``: a table's clause or section when it starts on the same page (set after rendering)."""

    kind: str  # "title", "chapter", "section", "clause", "table", "field", "paragraph"
    name: str
    ident: str
    start: int
    end: int
    heading: str = ""  # a chapter's title after its number
    lead: Landmark | None = None  # a table's clause or section heading before it (no other table between)


@dataclass(frozen=True)
class Instruction:
    """A preparer's instruction taken out of the act: its text (HTML) and what it is about – the landmark before
    its marked blank (``mark``: the blank's anchor) or, for any other instruction, before its own place."""

    html: str
    landmark: Landmark | None  # None: the document's head (before its title)
    mark: str | None = None  # the anchor id of the marked blank the instruction is about
    in_list: bool = False  # the marked blank is in a list (the legal basis' items) after the landmark
    within: bool = False  # the marked blank is inside the landmark (a clause's text, a table's cell)


def _inside(offset: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((span for span in spans if span[0] < offset < span[1]), None)


def _table_name(table: str) -> str:
    """A table named by its widest header cell (the column a reader recognises it by: „Kritērijs, kuram bērns
    neatbilst”); a table without a header by its first cell."""
    headers = re.findall(r"<th\b([^>]*)>(.*?)</th>", table, re.S)
    if headers:
        def width(attributes: str) -> int:
            found = re.search(r'data-w="(\d+)"', attributes)
            return int(found.group(1)) if found else 0

        return _text(max(headers, key=lambda h: width(h[0]))[1])
    cell = re.search(r"<td\b[^>]*>(.*?)</td>", table, re.S)
    return _quote(_text(cell.group(1))) if cell else ""


def _landmarks(html: str, tables: list[tuple[int, int]], notes: list[tuple[int, int]]) -> list[Landmark]:
    """The act's landmarks in the order of the text; what is inside a table belongs to the table."""
    found: list[Landmark] = []
    for match in _LANDMARK.finditer(html):
        if _inside(match.start(), tables) or _inside(match.start(), notes):
            continue
        ident = _PLACE_ID.format(f"l{len(found)}")
        if match.group("title") is not None:
            found.append(Landmark("title", _text(match.group("title")), ident, match.start(), match.end()))
        elif match.group("heading") is not None:
            number = _NUMBER.match(match.group("heading"))
            if number and number.group(1) == "0":
                found.append(Landmark("chapter", number.group(2).strip(), ident, match.start(), match.end(),
                                      heading=_text(match.group("heading")[number.end():])))
            else:
                found.append(Landmark("section", _text(match.group("heading")), ident, match.start(), match.end()))
        elif match.group("clause") is not None:
            number = _NUMBER.match(match.group("clause"))
            if number:
                found.append(Landmark("clause", number.group(2).strip(), ident, match.start(), match.end()))
            elif _text(match.group("clause")):
                found.append(Landmark("paragraph", _quote(_text(match.group("clause"))), ident, match.start(),
                                      match.end()))
        elif _text(match.group("field")):
            found.append(Landmark("field", _text(match.group("field")), ident, match.start(), match.end()))
    for start, end in tables:
        if "signatures" in html[start:html.index(">", start)]:
            continue  # a signature block: no instruction is about it
        found.append(Landmark("table", _table_name(html[start:end]), _PLACE_ID.format(f"l{len(found)}"), start, end))
    found.sort(key=lambda landmark: landmark.start)
    # an unnumbered paragraph or a field under a numbered clause is that clause's part (its fields, its second
    # paragraph): the reader finds it by the clause's number
    owner: Landmark | None = None
    with_leads: list[Landmark] = []
    for landmark in found:
        if landmark.kind in ("paragraph", "field") and owner is not None and owner.kind == "clause":
            continue
        if landmark.kind not in ("paragraph", "field"):
            owner = landmark
        if landmark.kind == "table":
            lead = next((x for x in reversed(with_leads) if x.kind in ("clause", "chapter", "section", "table", "title")),
                        None)
            if lead is not None and lead.kind in ("clause", "section"):
                landmark = Landmark(**{**landmark.__dict__, "lead": lead})
        with_leads.append(landmark)
    return with_leads


def split_instructions(html: str) -> tuple[str, list[Instruction]]:
    """The act's HTML without its preparer's instructions (an empty anchor stays at each one's place) and the
    instructions in the order of the text, each with the landmark it is about. The landmarks and the marked blanks
    the instructions are about get an id, so that the sheet can name the page WeasyPrint put them on."""
    notes = [(m.start(), m.end()) for m in _NOTE.finditer(html)]
    tables = outermost(html, _TABLE_TAG)
    lists = outermost(html, _LIST_TAG)
    landmarks = _landmarks(html, tables, notes)
    title = next((x for x in landmarks if x.kind == "title"), None)
    marks: dict[str, tuple[int, int]] = {}  # a mark -> its first marked blank (start, end)
    for match in MARKED_BLANK.finditer(html):
        if not _inside(match.start(), notes):
            marks.setdefault(match.group(1), (match.start(), match.end()))

    def before(offset: int) -> Landmark | None:
        if title is None or offset < title.start:
            return None  # the head: the letterhead, the project, place and date above the title
        return next(x for x in reversed(landmarks) if x.start < offset)

    found: list[Instruction] = []
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) on the original HTML
    marked: set[str] = set()
    for match in _PREPARER.finditer(html):
        text = match.group(1).strip()
        on_mark = _ON_MARK.match(_text(text))
        mark = on_mark.group(1).translate(TO_SUPERSCRIPT) if on_mark else None
        if mark is not None and mark in marks:
            start = marks[mark][0]
            marked.add(mark)
            landmark = before(start)
            found.append(Instruction(text, landmark, _PLACE_ID.format(f"m{on_mark.group(1)}"),
                                     _inside(start, lists) is not None,
                                     landmark is not None and landmark.start < start < landmark.end))
        else:
            found.append(Instruction(text, before(match.start())))
        edits.append((match.start(), match.end(), f'<p class="anchor" id="{_ANCHOR.format(len(found))}"></p>'))
    used = {i.landmark for i in found if i.landmark is not None}
    used |= {i.landmark.lead for i in found if i.landmark is not None and i.landmark.lead is not None}
    for landmark in used:
        tag_end = landmark.start + len(re.match(r"<\w+", html[landmark.start:]).group(0))
        edits.append((tag_end, tag_end, f' id="{landmark.ident}"'))
    for mark in marked:
        start, end = marks[mark]
        edits.append((end, end, "</span>"))
        edits.append((start, start, f'<span id="{_PLACE_ID.format("m" + mark.translate(TO_PLAIN))}">'))
    act = html
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        act = act[:start] + replacement + act[end:]
    return act, found


_ANNEX = re.compile(r"^(?:\d+\. )?[Pp]ielikums\.?\s*")
Pages = dict[str, tuple[int, int]]  # an anchor id -> the first and the last page of the act it is on


def _pages(first: int, last: int) -> str:
    return f"{first}. lapā" if last <= first else f"{first}.–{last}. lapā"


def _section(landmark: Landmark, case: str) -> str:
    """A section's heading in a case: an annex as „pielikumā „Augstākās pieļaujamās cenas”” (gen/loc)."""
    annex = _ANNEX.match(landmark.name)
    if annex and landmark.name[annex.end():]:
        return f"{'pielikuma' if case == 'gen' else 'pielikumā'} „{landmark.name[annex.end():]}”"
    return f"{'sadaļas' if case == 'gen' else 'sadaļā'} „{landmark.name}”"


def _table(landmark: Landmark, pages: Pages, continued: bool) -> str:
    """A table by the clause or section it belongs to, when that starts on the table's first page; otherwise (and
    on a page the table continues on, where its header row is repeated) by its widest column's header."""
    first = pages.get(landmark.ident, (0, 0))[0]
    lead = landmark.lead
    if lead is not None and not continued and pages.get(lead.ident, (-1, -1))[0] == first:
        return f"{lead.name} punkta tabulā" if lead.kind == "clause" else f"{_section(lead, 'gen')} tabulā"
    if continued:
        return f"tabulas ar aili „{landmark.name}” turpinājumā"
    return f"tabulā ar aili „{landmark.name}”"


def _where(item: Instruction, landmark: Landmark, pages: Pages, continued: bool) -> str:
    """Where on its page an instruction's place is, by the landmark before it (D196): inside it („2.1. punktā”,
    a marked blank in the clause's text or list), after it („aiz 1.3. punkta”, an instruction on what the landmark
    says), or – when the landmark began on an earlier page – in its continuation („5.5. punkta turpinājumā”)."""
    inside = item.mark is not None and (item.within or landmark.kind in ("clause", "chapter", "section"))
    kind, name = landmark.kind, landmark.name
    if kind == "table":
        return _table(landmark, pages, continued)
    if kind == "title":
        return f"zem virsraksta „{name}”"
    if kind == "chapter":
        place = "turpinājumā" if continued else ("nodaļā" if inside else "sākumā")
        return f"{name} nodaļā „{landmark.heading}”" if place == "nodaļā" else \
            f"{name} nodaļas „{landmark.heading}” {place}"
    if kind == "section":
        if continued:
            return f"{_section(landmark, 'gen')} turpinājumā"
        return _section(landmark, "loc") if inside else f"{_section(landmark, 'gen')} sākumā"
    if continued:
        return {"clause": f"{name} punkta turpinājumā", "field": f"lauka „{name}” turpinājumā",
                "paragraph": f"rindkopas „{name}” turpinājumā"}[kind]
    if kind == "clause":
        return f"{name} punktā" if inside else f"aiz {name} punkta"
    if kind == "field":
        return f"laukā „{name}”" if inside else f"aiz lauka „{name}”"
    if item.within:
        return f"rindkopā „{name}”"
    return f"uzskaitījumā aiz rindkopas „{name}”" if item.in_list else f"aiz rindkopas „{name}”"


def _place(item: Instruction, number: int, pages: Pages) -> str:
    """The page (or pages) and the place an instruction is about, as a reader finds it in the printed act: the page
    of its marked blank, or from its landmark's first page to its own place (an instruction under a table that
    runs over two pages: both); the head only when it is above the title."""
    own = pages.get(_ANCHOR.format(number))
    landmark = item.landmark
    if landmark is None:
        return f"{own[0]}. lapā, dokumenta galvā" if own else "dokumenta galvā"
    first, last = pages.get(landmark.ident, own or (0, 0))
    if item.mark is not None and item.mark in pages:
        page = pages[item.mark][0]
        return f"{page}. lapā, {_where(item, landmark, pages, continued=first < page)}"
    end = max(own[0] if own else first, last if landmark.kind == "table" else first)
    return f"{_pages(first, end)}, {_where(item, landmark, pages, continued=False)}" if first else \
        _where(item, landmark, pages, continued=False)


def sheet_html(html: str, instructions: list[Instruction], pages: Pages, act_pages: int, sheet_pages: int = 1) -> str:
    """The sheet after the act: its title says it is not the document's part, each instruction names its place.
    ``sheet_pages``: how many pages the sheet itself takes – one page is „Šī lapa”, more „Šīs lapas” (audit44 N5)."""
    style = _STYLE.search(html)
    title = _TITLE.search(html)
    heading = _HEADING.search(html)
    name = heading.group(1) if heading else (title.group(1) if title else "")
    doc_title = title.group(1) if title else name
    # a draft's sheet names the document and says it is a draft (audit28 F1: it named the cover's heading instead)
    draft = _DRAFT.search(html)
    named = f"„{name}”" + (f" ({draft.group(1)})" if draft else "")
    footer = html_lib.unescape(f"{SHEET_TITLE} – {SHEET_NOT_PART}\n{doc_title}").replace("\\", "\\\\") \
        .replace('"', '\\"').replace("\n", "\\A ")
    items = "\n".join(
        f'<tr><td data-w="25" style="width:25%">{html_lib.escape(_place(item, number, pages), quote=False)}</td>'
        f'<td data-w="75" style="width:75%">{item.html}</td></tr>'
        for number, item in enumerate(instructions, 1))
    # a one-page act: its only page, not a range from it to itself (audit43 F10)
    count = ("1 lapa („Lapa 1 no 1”)" if act_pages == 1 else
             f"{act_pages} {agree(act_pages, 'lapa', 'lapas')} "
             f"(„Lapa 1 no {act_pages}” – „Lapa {act_pages} no {act_pages}”)")
    own = ("Šī lapa nav tā daļa: tā ir tikai dokumenta sagatavotājam, to neparaksta, nepievieno un adresātam nesūta."
           if sheet_pages == 1 else
           "Šīs lapas nav tā daļa: tās ir tikai dokumenta sagatavotājam, tās neparaksta, nepievieno un adresātam "
           "nesūta.")
    return f"""<!DOCTYPE html>
<html lang="lv"><head><meta charset="utf-8"><title>{SHEET_TITLE}</title>
<style>
{style.group(1) if style else ""}
@page {{
  @top-center {{ content: none; }}
  @bottom-left {{ content: "{footer}"; }}
  @bottom-right {{ content: "Norādījumu lapa " counter(page) " no " counter(pages); }}
}}
</style></head>
<body><main>
<h2 class="sheet">{SHEET_TITLE} – {SHEET_NOT_PART}</h2>
<p>Dokuments {named} ir {count}.
{own}
Katrs norādījums nosauc vietu, uz kuru tas attiecas. Rediģējamajā versijā (DOCX) tie paši norādījumi ir pie šīm
vietām ar uzrakstu „Piezīme sagatavotājam – pirms parakstīšanas dzēst.”</p>
<table class="grid small">
<thead><tr><th data-w="25" style="width:25%">Vieta dokumentā</th><th data-w="75" style="width:75%">Norādījums</th></tr></thead>
{items}
</table>
</main></body></html>
"""


# the marks of the numbered notes a PDF written in this process prints off their marks' pages (D349), by the PDF's
# identifier (a digest of its HTML); only PDFs with such a note are here
_UNPLACED: dict[bytes, tuple[str, ...]] = {}


def _identifier(html: str) -> bytes:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")


def unplaced_notes(html: str) -> tuple[str, ...]:
    """The marks („²”) of the numbered notes that the PDF of ``html``, written in this process, prints on another
    page than their marks' – the footnotes the layout could not keep with their marks (pdf_footnotes.laid_out) –
    for the run to name (D349); () when every note is in its place."""
    return _UNPLACED.get(_identifier(html), ())


def html_to_pdf(html: str) -> bytes:
    identifier = _identifier(html)
    act_html, instructions = split_instructions(html)
    act = _laid_out(footnoted(act_html), ACTS)  # its numbered notes at the foot of their marks' pages (D345)
    if getattr(act, UNPLACED, ()):  # said by the run, not left silently (D349)
        _UNPLACED[identifier] = getattr(act, UNPLACED)
    if not instructions:
        return act.write_pdf(pdf_identifier=identifier)
    pages: Pages = {}
    for number, page in enumerate(act.pages, 1):
        for anchor in page.anchors:
            first, _last = pages.get(anchor, (number, number))
            pages[anchor] = (first, number)
    sheet = _laid_out(sheet_html(html, instructions, pages, len(act.pages)), SHEETS)
    if len(sheet.pages) > 1:  # the plural wording is no longer than the singular: the count stays
        sheet = _laid_out(sheet_html(html, instructions, pages, len(act.pages), len(sheet.pages)), SHEETS)
    return act.copy([*act.pages, *sheet.pages]).write_pdf(pdf_identifier=identifier)


def write_pdf(html: str, target: Path) -> Path:
    target.write_bytes(html_to_pdf(html))
    return target
