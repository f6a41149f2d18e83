"""Jinja2 rendering of a document template to semantic HTML (the single intermediate of PDF and DOCX)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined, select_autoescape
from markupsafe import Markup

from generator import lvformat
from generator.documents.blank_notes import footnoted_blanks
from generator.documents.numbering import MarkedNumbering
from generator.documents.paths import TEMPLATE_DIR
from generator.documents.registry import (
    MATRIX_OF,
    MATRIX_OF_DEFINED,
    DocumentSpec,
    form_of_table,
    form_reference,
)
from generator.documents.terms import CHILD, ROUND_RULES

_MAIN = re.compile(r"<main>(.*)</main>", re.S)
_HYPHEN_DASH = re.compile(r"(?<=\w) - (?=\w)")


def typography(value: object) -> object:
    """Data printed in a document (catalogue citations, names typed in a matrix) in Latvian typography: a
    hyphen standing between words as a dash is an en dash, "Nr.313" is "Nr. 313" ("Nr.LM2017/…" is "Nr. LM2017/…"),
    and a pair of straight quotes typed in the matrix ('SIA "Paraugs"') is „…” (lvformat.latvian_quotes; the
    console and parskats.txt print a name the same way, D79). Markup (a macro's output) is left as it is: the values inside
    it passed through here already."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return lvformat.latvian_quotes(lvformat.spaced_number_sign(_HYPHEN_DASH.sub(" \u2013 ", value)))
    return value


WORD_JOINER = "\u2060"


def unbroken(value: object) -> str:
    """An identifier that must never break across lines (the project number "9.2.2.2./16/I/001"): a word joiner
    between its characters, which WeasyPrint, Word and LibreOffice all honour (no markup: the identifier stays
    one word with the text around it, e.g. its closing bracket)."""
    return WORD_JOINER.join(str(value))


def css_string(value: object) -> str:
    """A value as the inside of a CSS double-quoted string."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


PREPARER_LABEL = "Piezīme sagatavotājam – pirms parakstīšanas dzēst."
_PREPARER_START = re.compile(r'<p class="note preparer">(?:\s*Piezīme\.\s*)?')


def preparer_notes(body: str, marked: bool) -> object:
    """Two kinds of notes (D161, audit41 F1, F2): a ``p.note`` explains the signed paper (where a blank's value
    comes from, what a column holds) and stays in it; a ``p.note.preparer`` is an instruction to the preparer.
    Marked (every paper but an archive copy): each instruction starts with the bold label PREPARER_LABEL – the
    DOCX keeps it beside its place, to be deleted while editing, and the PDF prints it on a separate sheet after
    the act (pdf_writer). An archive copy is neither signed nor sent (D31): its instructions are plain notes."""
    if not marked:
        return Markup(_PREPARER_START.sub('<p class="note">Piezīme. ', str(body)))
    return Markup(_PREPARER_START.sub(f'<p class="note preparer"><strong>{PREPARER_LABEL}</strong> ', str(body)))


def footer_line(doc: Any, created: Any) -> str:
    """The footer's second line in every document (audit41 F15): the form's number and its edition – the day its
    text was made for, „Veidlapa 08 (redakcija 01.10.2018)” – words a lawyer reads in a signed paper as the form's,
    not the act's date; no tool's name on a signed act (D345). The catalogue version it was made from is in the
    PDF's and DOCX's properties (the "generator" metadata), not in the act."""
    if isinstance(created, Undefined):
        created._fail_with_undefined_error()  # a missing layout variable fails loudly, naming it
    return f"Veidlapa {doc.id.split('-', 1)[0]} (redakcija {lvformat.date(created)})"


@lru_cache(maxsize=8)
def environment(template_dir: Path = TEMPLATE_DIR) -> Environment:
    """The Jinja environment of a template folder, one per process: it compiles each template once and keeps it
    (a new environment for every municipality or child compiled all templates again, ~0.23 s each time;
    bench/render_speed.py). Jinja checks a template file's time on each use, so an edited template is compiled
    again. Shared: callers render with it and must not change its filters or globals."""
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=typography,
    )
    env.filters["eur"] = lvformat.eur
    env.filters["lvdate"] = lvformat.date
    env.filters["percent"] = lvformat.percent
    env.filters["css"] = css_string
    env.filters["versija"] = lvformat.version
    env.filters["versijas_id"] = lvformat.version_id
    env.filters["preparer_notes"] = preparer_notes
    env.globals["footer_line"] = footer_line
    env.globals["veidlapa"] = form_reference  # a cross-reference names the form in the set too (D194)
    env.globals["ibm_matricas"] = {"def": MATRIX_OF_DEFINED, "gen": MATRIX_OF}  # the matrix named at first use (D344)
    env.globals["veidlapa_tabulai"] = form_of_table  # the form that prints a matrix table, by its own title (F15)
    env.globals["noteikumi"] = ROUND_RULES  # the ministry's document for the round, one name by case (D202)
    env.globals["berns"] = CHILD  # the child by case: the plain word or a paper's defined term „Bērns” (D341)
    return env


@dataclass(frozen=True)
class RenderedDocument:
    spec: DocumentSpec
    municipality_id: str
    html: str
    version: str
    created: Any  # datetime.date

    @property
    def body(self) -> str:
        """The document's own content (inside <main>): what changes when a catalogue value it shows changes."""
        match = _MAIN.search(self.html)
        if match is None:
            raise ValueError(f"{self.spec.template}: veidnē nav <main> elementa")
        return match.group(1)

    @property
    def fingerprint(self) -> bytes:
        return hashlib.sha256(self.html.encode("utf-8")).digest()[:16]


def render(env: Environment, spec: DocumentSpec, context: dict[str, Any]) -> RenderedDocument:
    """Render one document; a missing variable raises jinja2.UndefinedError naming it."""
    from generator.documents.round_rules import kind_title  # round_rules imports this module

    template = env.get_template(spec.template)
    titled = kind_title(spec.title, context.get("veids"))
    spec = replace(spec, title=titled) if titled != spec.title else spec  # footer, metadata (D129)
    fresh = {"tiesibas": context["tiesibas"].fresh()} if "tiesibas" in context else {}  # marks count per document
    html = template.render({**context, "doc": spec, "n": MarkedNumbering(), **fresh})
    if not context.get("archive"):
        # a blank's note is numbered at its blank, never a paragraph between the signed clauses (D369)
        html = footnoted_blanks(html, f"<strong>{PREPARER_LABEL}</strong> ")
    return RenderedDocument(spec, context["pasvaldiba"]["id"], html, context["version"], context["created"])
