"""A catalogue ``source`` as a municipality reads it on a report sheet: the methodology's chapter by number and
title (from catalogue/metodika/seed-toc.yaml) instead of the seed's line numbers, which mean nothing on paper
(audit19 F23). "Metodika L2155, L2174" -> "metodikas nodaļa „III.1 IBM ieviešanas nosacījumi”"; a decision
"D9" -> "lēmums D9"; any other part (an order of the ministry, a law) stays as written."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.site.source_refs import (
    DECISION,
    LINES,
    METHODOLOGY_WORD,
    SEED_CODE,
    Chapter,
    SourceRefs,
    read_chapters,
)


@cache
def _chapters(methodology_dir: Path) -> tuple[Chapter, ...]:
    return tuple(read_chapters(methodology_dir, set()))


def _lines(text: str) -> list[int]:
    return [int(n) for m in LINES.finditer(text) for n in m.groups() if n]


def readable_source(catalogue: Catalogue, source: str) -> str:
    """``source`` without methodology line numbers (see the module docstring)."""
    refs = SourceRefs(list(_chapters(catalogue.root / "metodika")), decisions_page=False)
    parts = []
    for part in (p.strip() for p in SEED_CODE.sub("", source).split(";")):
        if not part:
            continue
        if DECISION.fullmatch(part):
            parts.append(f"lēmums {part}")
            continue
        lines = _lines(part)
        if lines and METHODOLOGY_WORD.match(part):
            found = []
            for line in lines:
                chapter = refs.chapter_of(line)
                if chapter is not None and chapter.label not in found:
                    found.append(chapter.label)
            rest = re.sub(r"\s+", " ", LINES.sub("", METHODOLOGY_WORD.sub("", part))).strip(" ,()")
            named = ", ".join(f"„{label}”" for label in found)
            text = ("metodika" if not found else
                    f"metodikas nodaļa {named}" if len(found) == 1 else f"metodikas nodaļas {named}")
            parts.append(f"{text} ({rest})" if re.search(r"\w", rest) else text)
            continue
        parts.append(part)
    return "; ".join(parts) or source
