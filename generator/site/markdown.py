"""Writing catalogue text safely into Markdown and into the raw HTML blocks of generated pages."""

from __future__ import annotations

import re

from markupsafe import escape

from generator.lvformat import spaced_number_sign

_SPACES = re.compile(r"[ \t\r\n]+")  # collapses line breaks but keeps no-break spaces (1 234,56 EUR)
_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]|"} | {"<": "&lt;", ">": "&gt;"})


def md(value: object) -> str:
    """Catalogue text as literal Markdown: no emphasis, link or table syntax is triggered by it; "Nr.313" is written
    "Nr. 313" as in Latvian typography (and in the documents: lvformat.spaced_number_sign)."""
    return spaced_number_sign(_SPACES.sub(" ", str(value)).strip()).translate(_MD_SPECIAL)


def html(value: object) -> str:
    """Catalogue text escaped for HTML, "Nr.313" spaced as in ``md``."""
    return str(escape(spaced_number_sign(str(value))))


def anchor_id(prefix: str, key: str) -> str:
    """A stable HTML id: anchor_id('cena', '3.1.2') -> 'cena-3-1-2'."""
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in key.lower())
    return f"{prefix}-{cleaned.strip('-')}"
