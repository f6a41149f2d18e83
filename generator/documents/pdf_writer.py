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

from generator.documents.paths import TEMPLATE_DIR

SHEET_TITLE = "Norādījumi sagatavotājam"
SHEET_NOT_PART = "nav dokumenta daļa, to neparaksta un nepievieno"
_PREPARER = re.compile(r'<p class="note preparer">(?:\s*<strong>[^<]*</strong>)?\s*(.*?)</p>', re.S)
_CLAUSE = re.compile(r'<span class="nr" data-level="(\d+)">([^<]+)</span>')
_HEADING = re.compile(r"<h1>(.*?)</h1>", re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_ANCHOR = "sagatavotajam-{}"


@lru_cache(maxsize=1)
def _font_config():  # noqa: ANN202 - weasyprint type, imported lazily (heavy)
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@dataclass(frozen=True)
class Instruction:
    """A preparer's instruction taken out of the act: its text (HTML) and the clause it follows."""

    html: str
    clause: str | None  # "1.2." (a clause) or "2." (a chapter's heading) before it; None: the document's head
    chapter: bool


def split_instructions(html: str) -> tuple[str, list[Instruction]]:
    """The act's HTML without its preparer's instructions (an empty anchor stays at each one's place, so the sheet
    can name its page) and the instructions in the order of the text."""
    found: list[Instruction] = []

    def take(match: re.Match[str]) -> str:
        before = list(_CLAUSE.finditer(html, 0, match.start()))
        last = before[-1] if before else None
        found.append(Instruction(match.group(1).strip(), last.group(2) if last else None,
                                 last is not None and last.group(1) == "0"))
        return f'<p class="anchor" id="{_ANCHOR.format(len(found))}"></p>'

    return _PREPARER.sub(take, html), found


def _place(instruction: Instruction, page: int | None) -> str:
    where = [f"{page}. lapā"] if page else []
    if instruction.clause is None:
        where.append("dokumenta sākumā (galvā, pirms pirmās nodaļas)")
    elif instruction.chapter:
        where.append(f"{instruction.clause} nodaļas sākumā")
    else:
        where.append(f"aiz {instruction.clause} punkta")
    return ", ".join(where)


def sheet_html(html: str, instructions: list[Instruction], pages: dict[int, int], act_pages: int) -> str:
    """The sheet after the act: its title says it is not the document's part, each instruction names its place."""
    style = _STYLE.search(html)
    title = _TITLE.search(html)
    heading = _HEADING.search(html)
    name = heading.group(1) if heading else (title.group(1) if title else "")
    doc_title = title.group(1) if title else name
    footer = html_lib.unescape(f"{SHEET_TITLE} – {SHEET_NOT_PART}\n{doc_title}").replace("\\", "\\\\") \
        .replace('"', '\\"').replace("\n", "\\A ")
    items = "\n".join(
        f'<tr><td data-w="25" style="width:25%">{_place(item, pages.get(number))}</td>'
        f'<td data-w="75" style="width:75%">{item.html}</td></tr>'
        for number, item in enumerate(instructions, 1))
    count = "lapa" if act_pages % 10 == 1 and act_pages % 100 != 11 else "lapas"
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
<p>Dokuments „{name}” ir {act_pages} {count} („Lapa 1 no {act_pages}” – „Lapa {act_pages} no {act_pages}”).
Šīs lapas nav tā daļa: tās ir tikai dokumenta sagatavotājam, tās neparaksta, nepievieno un adresātam nesūta.
Katrs norādījums nosauc vietu, uz kuru tas attiecas. Rediģējamajā versijā (DOCX) tie paši norādījumi ir pie šīm
vietām ar uzrakstu „Piezīme sagatavotājam – pirms parakstīšanas dzēst.”</p>
<table class="grid small">
<thead><tr><th data-w="25" style="width:25%">Vieta dokumentā</th><th data-w="75" style="width:75%">Norādījums</th></tr></thead>
{items}
</table>
</main></body></html>
"""


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    act_html, instructions = split_instructions(html)
    act = HTML(string=act_html, base_url=str(TEMPLATE_DIR)).render(font_config=_font_config())
    if not instructions:
        return act.write_pdf(pdf_identifier=identifier)
    pages: dict[int, int] = {}
    for number, page in enumerate(act.pages, 1):
        for anchor in page.anchors:
            if anchor.startswith("sagatavotajam-"):
                pages.setdefault(int(anchor.rsplit("-", 1)[1]), number)
    sheet = HTML(string=sheet_html(html, instructions, pages, len(act.pages)),
                 base_url=str(TEMPLATE_DIR)).render(font_config=_font_config())
    return act.copy([*act.pages, *sheet.pages]).write_pdf(pdf_identifier=identifier)


def write_pdf(html: str, target: Path) -> Path:
    target.write_bytes(html_to_pdf(html))
    return target
