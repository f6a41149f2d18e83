"""Text that a printed sheet cuts at a page edge, read from the content stream of LibreOffice's PDF.

LibreOffice draws each printed block of columns (the repeated label columns, then the columns of the page
across) inside a clipping rectangle. A cell text that does not fit its block (a merged cell or an overflowing
text that goes on past the page edge or past the repeated columns' edge) is written whole into the PDF and
clipped: text extraction still finds every word, but on paper the text ends at the edge. (A text cut at a
filled neighbour cell is different: LibreOffice shortens the string itself, so it is not seen here.)

``cut_runs`` replays the page's drawing operators (q/Q, re W n, BT/Td/Tm/Tf/Tj/TJ; LibreOffice 7.4 uses no other
text or matrix operators, and its text matrices are unscaled), measures each text run with its font's glyph widths
and returns the runs that reach beyond their clipping rectangle at its left or right edge (a page edge is a vertical
line); with ``below=True`` also the lines of a wrapped text that its row's height hides (drawn below the rectangle).
``text_runs`` gives every run with its rectangle (``Run.whole``: every letter of it prints).

LibreOffice ends a text run at a no-break space (the matrix puts one after an ordinal, "6.1.\u00a0tabula":
generator/workbook/ordinals.py): it draws the space alone, marked ``/Span <</ActualText (\u00a0)>>``, each piece
placed with Tm. ``text_runs`` joins the pieces of one line back into one run whose text has the no-break space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

# LibreOffice's clipping rectangles run a hair inside the cell borders, and glyph advances overstate the ink
# of the last letter a little: half a point is far less than a letter of 8 pt text.
TOLERANCE = 0.5


@dataclass(frozen=True)
class Cut:
    page: int  # 1-based
    text: str
    below: bool  # a line hidden under the rectangle's bottom, not cut at its side
    x0: float
    x1: float
    y: float
    clip: tuple[float, float, float, float]  # x0, y0, x1, y1

    def __str__(self) -> str:
        if self.below:
            return f"{self.page}. lapa: „{self.text}” (y {self.y:.0f} pt) paslēpts zem šūnas apakšas {self.clip[1]:.0f} pt"
        return (f"{self.page}. lapa: „{self.text}” ({self.x0:.0f}–{self.x1:.0f} pt) nogriezts pie "
                f"{self.clip[0]:.0f}–{self.clip[2]:.0f} pt")


@dataclass(frozen=True)
class Run:
    """One text run as drawn: its page (1-based), text, horizontal extent to its last letter, baseline, and the
    clipping rectangle it is drawn in (x0, y0, x1, y1; the page box where nothing clips)."""

    page: int
    text: str
    x0: float
    x1: float
    y: float
    clip: tuple[float, float, float, float]
    box: tuple[float, float, float, float]
    size: float = 0.0  # the font size (pt; LibreOffice draws at scale 1)

    def overlaps(self, other: Run) -> bool:
        """Drawn over ``other``: their letters share some width and their baselines are closer than a line."""
        return (self.page == other.page and min(self.x1, other.x1) - max(self.x0, other.x0) > TOLERANCE
                and abs(self.y - other.y) < 0.8 * min(self.size, other.size))

    @property
    def whole(self) -> bool:
        """Drawn wholly inside its clipping rectangle: every letter of it prints."""
        return (self.clip[0] - TOLERANCE <= self.x0 and self.x1 <= self.clip[2] + TOLERANCE
                and self.clip[1] - TOLERANCE <= self.y <= self.clip[3] + TOLERANCE)


@dataclass
class _Font:
    widths: dict[int, float]  # code -> advance in 1/1000 em
    chars: dict[int, str]

    @classmethod
    def read(cls, font) -> _Font:  # noqa: ANN001 - a pypdf dictionary
        first = int(font.get("/FirstChar", 0))
        widths = {first + i: float(w) for i, w in enumerate(font.get("/Widths", []))}
        chars: dict[int, str] = {}
        if "/ToUnicode" in font:
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    chars[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
                for lo, hi, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    for k in range(int(lo, 16), int(hi, 16) + 1):
                        chars[k] = chr(int(uni, 16) + k - int(lo, 16))
        return cls(widths, chars)


def _intersect(a: tuple[float, float, float, float], b: tuple[float, float, float, float]
               ) -> tuple[float, float, float, float]:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def cut_runs(pdf: Path, below: bool = False) -> list[Cut]:
    """Every text run of ``pdf`` that is drawn partly outside its clipping rectangle (horizontally) and, with
    ``below``, every run whose baseline lies under the rectangle's bottom within its width (a hidden line)."""
    cuts: list[Cut] = []
    for run in text_runs(pdf):
        x, clip = run.x0, run.clip
        # a run wholly outside its rectangle is not on this part of the page (e.g. the rest of a merged
        # cell beside the repeated columns): only a run partly inside is cut
        visible = x < clip[2] and run.x1 > clip[0]
        outside = x < clip[0] - TOLERANCE or run.x1 > clip[2] + TOLERANCE
        if visible and outside:
            cuts.append(Cut(run.page, run.text, False, x, run.x1, run.y, clip))
        elif below and clip[0] - TOLERANCE <= x < clip[2] and run.y < clip[1] - TOLERANCE and clip != run.box:
            cuts.append(Cut(run.page, run.text, True, x, run.x1, run.y, clip))
    return cuts


NBSP = "\u00a0"


@dataclass(frozen=True)
class _Space:
    """A no-break space drawn alone: where the run before it ended, and where the run after it must start."""

    page: int
    y: float
    clip: tuple[float, float, float, float]
    x0: float
    x1: float


def _adjacent(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def _join(runs: list[Run], ends: list[float], space: _Space | None, run: Run, end: float) -> None:
    """Append ``run`` (its advance ending at ``end``) to ``runs``, or join it to the last run when a no-break
    space drawn alone (``space``) lies between the two on one line, right after the one and right before the other."""
    last = runs[-1] if runs else None
    if (last is not None and space is not None and space.page == run.page == last.page and last.clip == run.clip
            == space.clip and abs(last.y - run.y) < TOLERANCE and abs(space.y - run.y) < TOLERANCE
            and _adjacent(ends[-1], space.x0) and _adjacent(space.x1, run.x0)):
        runs[-1] = Run(last.page, f"{last.text}{NBSP}{run.text}", last.x0, run.x1, last.y, last.clip, last.box,
                       last.size)
        ends[-1] = end
        return
    runs.append(run)
    ends.append(end)


@cache
def text_runs(pdf: Path) -> tuple[Run, ...]:
    """Every text run of ``pdf`` that is not only spaces, with the clipping rectangle it is drawn in (read once per
    file: several tests look at the same printed sheets); the pieces of a line split at a no-break space joined."""
    reader = PdfReader(str(pdf))
    runs: list[Run] = []
    ends: list[float] = []  # where each run's advance ends (its trailing spaces included)
    for number, page in enumerate(reader.pages, start=1):
        box = tuple(float(v) for v in page.mediabox)
        fonts = {name: _Font.read(ref.get_object()) for name, ref in page["/Resources"].get("/Font", {}).items()}
        clip = box
        stack: list[tuple[float, float, float, float]] = []
        path: tuple[float, float, float, float] | None = None
        clipping = False
        font, size, x, y = None, 0.0, 0.0, 0.0
        in_nbsp = False  # inside a /Span whose ActualText is a no-break space
        space: _Space | None = None  # the no-break space drawn last, until the next run
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                stack.append(clip)
            elif op == b"Q":
                clip = stack.pop() if stack else box
            elif op == b"re":
                x0, y0, w, h = (float(v) for v in operands)
                path = (min(x0, x0 + w), min(y0, y0 + h), max(x0, x0 + w), max(y0, y0 + h))
            elif op in (b"W", b"W*"):
                clipping = True
            elif op in (b"n", b"f", b"f*", b"S", b"B", b"b"):
                if clipping and path is not None:
                    clip = _intersect(clip, path)
                clipping, path = False, None
            elif op == b"BT":
                x = y = 0.0
            elif op == b"Td":
                x, y = x + float(operands[0]), y + float(operands[1])
            elif op == b"Tm":  # unscaled (LibreOffice): the matrix only places the text
                x, y = float(operands[4]), float(operands[5])
            elif op == b"BDC":
                props = operands[1] if len(operands) > 1 else {}
                in_nbsp = hasattr(props, "get") and props.get("/ActualText") == NBSP
            elif op == b"EMC":
                in_nbsp = False
            elif op == b"Tf":
                font, size = fonts.get(operands[0]), float(operands[1])
            elif op in (b"Tj", b"TJ") and font is not None:
                parts = operands[0] if op == b"TJ" else [operands[0]]
                advance, inked, text = 0.0, 0.0, []  # inked: the advance up to the last letter that is not a space
                for part in parts:
                    if isinstance(part, (int, float)) or hasattr(part, "as_numeric"):
                        advance -= float(part) / 1000 * size
                        continue
                    for code in bytes(part.original_bytes if hasattr(part, "original_bytes") else part):
                        advance += font.widths.get(code, 0.0) / 1000 * size
                        text.append(font.chars.get(code, "?"))
                        if not text[-1].isspace():
                            inked = advance
                run = "".join(text)
                if in_nbsp and not run.strip():
                    space = _Space(number, y, clip, x, x + advance)
                elif run.strip():
                    _join(runs, ends, space, Run(number, run.rstrip(), x, x + inked, y, clip, box, size), x + advance)
                    space = None
    return tuple(runs)
