"""The annex register page (pielikumi.html) and the links from the methodology's "N.pielikums" mentions
to its rows, both from catalogue/annexes.yaml (issue 16).

Every row is one annex: its number (the row's id is p-<number>, e.g. p-16-1), its title and where it
lives: the generated files (a sample municipality's PDF/DOCX/XLSX when the build has them, and the
downloads page for the others), a part of the IBM matrix, a site page, or the reason it is not generated.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from generator.catalogue.annexes import Annex, annex_sort_key
from generator.catalogue.catalogue import Catalogue
from generator.documents.outputs import REPORT_WORKBOOKS, output_files, output_folder
from generator.documents.paths import DOWNLOADS
from generator.documents.registry import by_id
from generator.site import paths
from generator.site.downloads import Download
from generator.site.markdown import md
from generator.site.nav import markdown_title

PAGE = paths.ANNEX_REGISTER
NAV_TITLE = "Pielikumi"
# Titles of the generated pages an annex row may point at.
PAGE_TITLES = {"katalogs/index.md": "Pakalpojumu katalogs", "cenas.md": "Cenas", "izmainas.md": "Izmaiņas",
               "matrica.md": "IBM matrica", "lejupielades.md": "Lejupielādes", "piemeri.md": "Aprēķinu piemēri"}
FORMAT_NAMES = {".pdf": "PDF", ".docx": "DOCX", ".xlsx": "XLSX"}
NOT_BUILT = "datnes šajā vietnes versijā nav (tās izveido `ibm documents`)"


def output_title(output_id: str) -> str:
    return REPORT_WORKBOOKS.get(output_id) or by_id(output_id).title


def _outputs_cell(annex_outputs: list[str], available: set[str], sample: str, sample_name: str) -> str:
    parts = []
    for output in annex_outputs:
        files = [f"{DOWNLOADS}/{output_folder(output)}/{sample}/{name}" for name in output_files(output)]
        links = [f"[{md(output_title(output))} ({FORMAT_NAMES[posixpath.splitext(f)[1]]})]({quote(f)})"
                 for f in files if f in available]
        if links:
            parts.append(", ".join(links))
        else:
            parts.append(f"{md(output_title(output))} – {NOT_BUILT}")
    if any(f"{DOWNLOADS}/{output_folder(o)}/{sample}/{output_files(o)[0]}" in available for o in annex_outputs):
        parts.append(f"{md(sample_name)} datnes; citām pašvaldībām – [Lejupielādes](lejupielades.md)")
    return "; ".join(parts)


def _where(annex_outputs: list[str], matrix: str | None, page: str | None, reason: str | None,
           reconstruction: bool, context: dict) -> str:
    parts = []
    if annex_outputs:
        parts.append(_outputs_cell(annex_outputs, context["available"], context["sample"], context["sample_name"]))
    if matrix:
        part = "visas tabulas" if matrix == "6" else f"{matrix}. tabula"
        parts.append(f"[IBM matrica](matrica.md), {part}")
    if page and page not in context["pages"]:
        parts.append(f"vietnes lapa {md(page)} šajā vietnes versijā nav")
    elif page:
        title = PAGE_TITLES.get(page) or markdown_title(context["pages"][page]) or page
        parts.append(f"vietnes lapa [{md(title)}]({page})")
    if reason:
        parts.append(f"netiek veidots: {md(reason)}")
    if reconstruction:
        parts.append("*rekonstrukcija: metodikā dots tikai mērķis*")
    return "<br>".join(parts)


def render_page(catalogue: Catalogue, pages: dict[str, str], downloads: list[Download]) -> str:
    register = catalogue.annexes
    if register is None:
        raise LookupError("katalogā nav pielikumu reģistra (catalogue/annexes.yaml)")
    sample = catalogue.pilot_municipalities()[0]
    context = {"available": {d.path for d in downloads}, "sample": sample.id,
               "sample_name": sample.name_forms.genitive,
               "pages": pages}
    whole = max(int(a.number) for a in register.annexes if "." not in a.number)
    sub = sorted((a.number for a in register.annexes if "." in a.number), key=annex_sort_key)
    lines = [
        "# Metodikas pielikumi",
        "",
        f"Metodika atsaucas uz {whole} numurētiem pielikumiem (arī {' un '.join(sub)}). Šeit katram pielikumam ir "
        "norādīts, kur",
        "to atrast: rīkkopas izveidotās datnes (katrai bērnu programmas kārtu pašvaldībai), IBM matricas daļa, vietnes",
        "lapa vai iemesls, kāpēc pielikums netiek veidots. Metodikas avotam pielikumi nav pievienoti; ja dots tikai",
        "pielikuma mērķis, tā saturs ir rīkkopas rekonstrukcija.",
        "",
        "| Nr. | Pielikums | Kur atrodams |",
        "|---|---|---|",
    ]
    for annex in sorted(register.annexes, key=lambda a: annex_sort_key(a.number)):
        where = _where(annex.outputs, annex.matrix, annex.page, annex.reason_lv, annex.reconstruction, context)
        lines.append(f'| <span id="{annex.anchor}"></span>{annex.number}. | {md(annex.title_lv)} | {where} |')
    if register.unnumbered:
        lines += ["", "## Veidlapas bez pielikuma numura", "",
                  "Šīs veidlapas metodika prasa, bet numuru tām nedod.", "",
                  "| Veidlapa | Kāpēc vajadzīga | Kur atrodama |", "|---|---|---|"]
        for form in register.unnumbered:
            where = _where(form.outputs, None, None, None, form.reconstruction, context)
            lines.append(f"| {md(form.title_lv)} | {md(form.basis_lv)} | {where} |")
    # The reasons mention other annexes ("22.pielikums"): they link to their rows on this page too.
    return link_mentions("\n".join(lines) + "\n", PAGE, register.by_number())


# "17.pielikums", "16.1.pielikumā", "34. pielikumu" – not a law's annex ("… likuma 2. pielikuma"); also a
# list or range of them ("41. un 42.pielikuma", "41., 42. vai 43.pielikums", "35.–38. pielikums"), where
# every number that is written links to its own row.
_NUM = r"[1-9]\d?(?:\.\d{1,2})?"
MENTION = re.compile(rf"(?<![\d.])(?<![lL]ikuma )(?P<list>(?:{_NUM}\.(?:\s*,\s*|\s+un\s+|\s+vai\s+|\s*[–-]\s*))*)"
                     rf"(?P<num>{_NUM})\.\s?pielikum(?P<end>[a-zāēīū]*)")
LISTED = re.compile(rf"(?P<num>{_NUM})\.")
# The tail of a law's annex list before a match ("likuma 1. un " before "2. pielikums").
LAW_LIST = re.compile(rf"[lL]ikuma\s+(?:{_NUM}\.(?:\s*,\s*|\s+un\s+|\s+vai\s+|\s*[–-]\s*))+$")
# Parts of a line that must stay as they are: links, inline code, HTML tags.
PROTECTED = re.compile(r"(\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>)")


def link_mentions(markdown: str, page_path: str, numbers: dict[str, Annex]) -> str:
    """Link every "N.pielikums" of a page's Markdown to the register row of annex N; headings, code,
    abbreviation definitions and existing links are left alone."""
    target = posixpath.relpath(PAGE, posixpath.dirname(page_path) or ".")
    out = []
    fenced = False
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or stripped.startswith(("#", "*[")) or "pielikum" not in line:
            out.append(line)
            continue
        pieces = PROTECTED.split(line)
        for i in range(0, len(pieces), 2):
            pieces[i] = MENTION.sub(lambda m: _link(m, numbers, target), pieces[i])
        out.append("".join(pieces))
    return "\n".join(out)


def _link(match: re.Match[str], numbers: dict[str, Annex], target: str) -> str:
    if LAW_LIST.search(match.string[max(0, match.start() - 40):match.start()]):
        return match.group(0)
    def one(text: str, number: str) -> str:
        annex = numbers.get(number)
        return text if annex is None else f"[{text}]({target}#{annex.anchor})"

    listed = LISTED.sub(lambda m: one(m.group(0), m.group("num")), match.group("list"))
    last = match.group(0)[len(match.group("list")):]
    return listed + one(last, match.group("num"))


def extend_pages(catalogue: Catalogue, rendered: dict[str, str], downloads: list[Download],
                 methodology_prefix: str) -> None:
    """Add pielikumi.md to the rendered pages and link the methodology pages' annex mentions to it."""
    rendered[PAGE] = render_page(catalogue, rendered, downloads)
    numbers = catalogue.annexes.by_number()  # type: ignore[union-attr]
    for path in list(rendered):
        if path.startswith(methodology_prefix + "/"):
            rendered[path] = link_mentions(rendered[path], path, numbers)
