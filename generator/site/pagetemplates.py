"""The Jinja2 templates of the generated pages (generator/site/templates/*.md.j2)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from generator.site import text
from generator.site.context import environment
from generator.site.markdown import html, md
from generator.site.source_refs import note_md

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _env() -> jinja2.Environment:
    env = environment(jinja2.FileSystemLoader(str(TEMPLATES)))
    env.filters["md"] = md
    env.filters["html"] = html
    env.filters["piezime"] = note_md  # a note's web address as a named link (audit30 F14)
    env.filters["izmers"] = text.size
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env


def render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)
