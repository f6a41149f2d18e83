"""A legal or ordinal reference never starts a line that continues a paragraph or a list item: Markdown reads
"5. punkta …" at a line start as an ordered-list marker, eats the "5." and starts a new list item – the IB
decision step lost its "5. punkta" of MK Nr. 288 that way.

Checked where the line breaks are made: every Markdown source of catalogue/ (the methodology, the decisions
page), every multi-line string of the catalogue's YAML (service, price and other notes the site renders), and the
Markdown of every built page after its template filled it in (a "{{ … }}" at a line start can put the ordinal
there, as it did).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from tests.site.conftest import BuiltSite

CATALOGUE = Path(__file__).resolve().parents[2] / "catalogue"

# What a Markdown parser takes for an ordered-list marker (up to three spaces of indentation outside a list,
# more inside one), followed by a lower-case word of a legal or ordinal reference: "5. punkta", "3. daļa",
# "19. pielikums", "10. datumam", "2019. gada".
ORDINAL_LINE = re.compile(
    r"^\s*\d{1,9}[.)]\s+(?:apakšpunkt|punkt|pant|nodaļ|daļ|pielikum|tabul|datum|gad|mēneš|rindkop|teikum|"
    r"sadaļ|posm|kārt|lēmum|nodarbīb)\w*")


def ordinal_line_starts(text: str) -> list[str]:
    """'line N: …' for each line that starts with an ordinal reference while the line before it is not blank."""
    lines = text.splitlines()
    return [f"line {n}: {lines[n - 2].strip()[-40:]!r} / {line.strip()[:60]!r}"
            for n, line in enumerate(lines, start=1)
            if n > 1 and lines[n - 2].strip() and ORDINAL_LINE.match(line)]


def report(places: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{place} {hit}" for place, text in places for hit in ordinal_line_starts(text)]


def _yaml_strings(value: object, where: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        if "\n" in value.strip():
            yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _yaml_strings(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _yaml_strings(item, f"{where}[{index}]")


def test_the_check_finds_an_ordinal_that_a_line_break_put_at_a_line_start() -> None:
    text = ("1. Pirmais solis.\n2. Lēmumu pieņem pēc noteikumu Nr. 288\n   5. punkta; tālāk teksts.\n\n"
            "Rindkopa turpinās līdz mēneša\n10. datumam.\n")
    assert [hit.split(":")[0] for hit in ordinal_line_starts(text)] == ["line 3", "line 6"]
    # A list item after a list item, a paragraph after a blank line and a multi-level number are no break.
    assert ordinal_line_starts("1. Viens.\n2. Divi.\n\n5. punkts nosaka termiņu.\nTeksts par 6.3.\n6.3. tabulu.\n") == []


def test_no_catalogue_source_starts_a_continuing_line_with_an_ordinal() -> None:
    places = [(str(p.relative_to(CATALOGUE)), p.read_text(encoding="utf-8")) for p in sorted(CATALOGUE.rglob("*.md"))]
    for path in sorted(CATALOGUE.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        places += list(_yaml_strings(data, str(path.relative_to(CATALOGUE))))
    assert len(places) > 30
    found = report(places)
    assert not found, "\n".join(found)


def test_no_built_page_starts_a_continuing_line_with_an_ordinal(built_site: BuiltSite) -> None:
    pages = sorted(built_site.sources.pages.items())
    assert len(pages) > 50
    found = report((f"docs/{path}", text) for path, text in pages)
    assert not found, "\n".join(found)
