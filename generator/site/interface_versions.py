"""What the workbook page says about the interface versions (IBM_Saskarne, D290): which names changed shape in the
current version, where each plan line sits inside them, and how a tool reads a file of the older version.

Every number comes from the workbook layout (layout.line_offsets, block_rows, spacers_of_revision,
INTERFACE_FROM_REVISION), never typed, so the page is the record of what the templates do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import lvformat
from generator.workbook.layout import (
    INTERFACE_FROM_REVISION,
    INTERFACE_VERSION,
    PLAN_LINE_NAMES,
    PLAN_ROWS,
    SPACED_SHEETS,
    SPACER_LINES,
    SPACERS_FROM_REVISION,
    block_rows,
    line_offsets,
    spacers_of_revision,
)


@dataclass(frozen=True)
class Run:
    """Plan lines with no spacer row between them, and where they sit in a spaced plan name."""

    lines: str  # "6.–10." (1-based plan lines)
    rows: str  # "7.–11." (1-based rows of the name's range, as INDEX counts them)
    offsets: str  # "6–10" (from the name's first row, as OFFSET counts them)


def _span(first: int, last: int, dot: str = ".") -> str:
    return f"{first}{dot}" if first == last else f"{first}{dot}–{last}{dot}"


def runs(spacers: tuple[int, ...] = SPACER_LINES, lines: int = PLAN_ROWS) -> list[Run]:
    """The runs of consecutive plan lines of a spaced name, with their rows and offsets in it."""
    offsets = line_offsets(spacers, lines)
    found: list[Run] = []
    start = 0
    for i in range(1, lines + 1):
        if i == lines or offsets[i] != offsets[i - 1] + 1:
            found.append(Run(_span(start + 1, i), _span(offsets[start] + 1, offsets[i - 1] + 1),
                             _span(offsets[start], offsets[i - 1], "")))
            start = i
    return found


def _names(names: list[str]) -> str:
    return lvformat.listed([f"`{n}`" for n in names])


def context(sheet_of: dict[str, str]) -> dict[str, Any]:
    """The page's context: ``sheet_of`` gives each interface name's sheet (workbook_names.MEANINGS)."""
    versions = list(INTERFACE_FROM_REVISION)
    older = versions[:-1]
    last_older_revision = INTERFACE_FROM_REVISION[INTERFACE_VERSION] - 1
    older_spacers = spacers_of_revision(last_older_revision)
    spaced = [n for n in PLAN_LINE_NAMES if sheet_of[n] in SPACED_SHEETS]
    unspaced = [n for n in PLAN_LINE_NAMES if sheet_of[n] not in SPACED_SHEETS]
    offsets = line_offsets()
    return {
        "versija": INTERFACE_VERSION,
        "vecakas": lvformat.listed(older),
        "no_redakcijas": INTERFACE_FROM_REVISION[INTERFACE_VERSION],
        # the sheets of those names (the spaced sheets 6.5 and 6.9 have no interface names)
        "lapas": lvformat.listed([f"{s}." for s in SPACED_SHEETS if any(sheet_of[n] == s for n in spaced)]),
        "nosaukumi": _names(spaced),
        "bez_atstarpem": _names(unspaced),
        "bez_atstarpem_lapas": lvformat.listed(sorted({f"{sheet_of[n]}." for n in unspaced})),
        "kataloga_lapa": f"{sheet_of['Pak_Id']}.",
        "bloks": block_rows(),
        "rindas": PLAN_ROWS,
        "atstarpju_skaits": len(SPACER_LINES),
        "atstarpes": lvformat.listed([f"{s + 1}." for s in SPACER_LINES]),
        # the spacer rows' own places in the name (1-based), right above the lines they open
        "atstarpju_rindas": lvformat.listed([f"{offsets[s]}." for s in SPACER_LINES]),
        "posmi": runs(),
        # the older interface: its last revision, the first with spacer rows and that revision's spacer lines
        "vecaka_lidz": last_older_revision,
        "atstarpju_redakcijas": _span(SPACERS_FROM_REVISION, last_older_revision, ""),
        "vecakas_atstarpes": lvformat.listed([f"{s + 1}." for s in older_spacers]),
        "vecakas_tadas_pasas": older_spacers == SPACER_LINES,
    }
