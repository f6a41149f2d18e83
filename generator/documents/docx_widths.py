"""DOCX column widths that fit every column's longest word, as the PDF's table layout does.

WeasyPrint widens a column whose longest word does not fit (CSS auto table layout); Word and Writer keep a
DOCX table's fixed widths and break the word inside it ("10.201" / "8" in a month header). Here a column
narrower than its longest word takes the missing width from the columns that have room to spare, in proportion
to that room. Words are measured with the PDF's font (Carlito, Calibri's metric twin) at each cell's size.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from generator.documents.docx_format import BLOCK_TAGS, BODY_PT, TABLE_PT
from generator.documents.htmltree import Node

FONT_FILES = {False: "Carlito-Regular.ttf", True: "Carlito-Bold.ttf"}
FONT_DIRS = (Path("/usr/share/fonts/truetype/crosextra"), Path("/usr/share/fonts/truetype/carlito"))
AVERAGE_EM = 0.56  # a character's width in em when the font file is missing (Carlito's widest digits 0.507)
TWIPS_PER_PT = 20
SLACK_PT = 1.5  # room left beside the word: Writer broke a word that fitted to 0.2 pt
# Where Word and Writer may break a line: spaces, a tab, a line break, and after a hyphen or a dash.
_BREAKS = re.compile(r"[ \t\n\r]+|(?<=[-\u2013\u2014/])")


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, int], int] | None:
    """The font's advance widths by code point, and its units per em; None without the font file."""
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[bold]
        if path.is_file():
            from fontTools.ttLib import TTFont

            quiet = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")  # Carlito's "created" stamp is 0
            level = quiet.level
            quiet.setLevel(logging.ERROR)
            try:
                font = TTFont(str(path), lazy=True)
                metrics = font["hmtx"].metrics
                widths = {code: metrics[name][0] for code, name in font.getBestCmap().items()}
                return widths, font["head"].unitsPerEm
            finally:
                quiet.setLevel(level)
    return None


def word_width(word: str, size_pt: float, bold: bool) -> float:
    """The printed width of ``word`` in points (a character the font lacks counts as an average one)."""
    found = _advances(bold)
    if found is None:
        return len(word) * AVERAGE_EM * size_pt
    widths, per_em = found
    average = AVERAGE_EM * per_em
    return sum(widths.get(ord(ch), 0 if ch in "\u2060\u200b" else average) for ch in word) * size_pt / per_em


def longest_word(text: str, size_pt: float, bold: bool) -> float:
    return max((word_width(w, size_pt, bold) for w in _BREAKS.split(text) if w), default=0.0)


def fit_longest_words(widths: list[int], needs_pt: list[float], padding_twips: int) -> list[int]:
    """``widths`` (EMU, as python-docx's Length) changed so that each column holds ``needs_pt`` (its longest
    word) plus the cell padding; the width comes from columns with room to spare. Widths that already fit, or
    a table with too little room in all, stay as they are."""
    emu_per_pt = 12700
    need = [int((n + SLACK_PT) * emu_per_pt + 2 * padding_twips * emu_per_pt / TWIPS_PER_PT) if n else 0
            for n in needs_pt]
    short = sum(max(n - w, 0) for w, n in zip(widths, need, strict=True))
    if not short:
        return widths
    spare = [max(w - n, 0) for w, n in zip(widths, need, strict=True)]
    room = sum(spare)
    if room < short:
        return widths
    out = []
    for w, n, s in zip(widths, need, spare, strict=True):
        if w < n:
            out.append(n)
        else:
            out.append(w - int(short * s / room))
    out[out.index(max(out))] += sum(widths) - sum(out)  # the rounding goes to the widest column
    return out


def longest_words(rows: list[Node], ncols: int, small: bool) -> list[float]:
    """Per column, the width in points of the longest word in its single cells (a cell holding blocks, e.g. a
    nested table, is laid out on its own and not measured)."""
    needs = [0.0] * ncols
    for row in rows:
        column = 0
        for cell_node in (x for x in row.elements() if x.tag in ("td", "th")):
            span = int(cell_node.attrs.get("colspan", "1"))
            blocks = any(isinstance(x, Node) and x.tag in BLOCK_TAGS for x in cell_node.children)
            if span == 1 and column < ncols and not blocks:
                header = cell_node.tag == "th"
                bold = header or any(n.tag in ("strong", "b") for n in cell_node.elements())
                size = TABLE_PT if header or small else BODY_PT
                needs[column] = max(needs[column], longest_word(broken_text(cell_node), size, bold))
            column += span
    return needs


def broken_text(node: Node) -> str:
    """A node's text with a line break for each br (Node.text() joins the words around it)."""
    return "".join(c if isinstance(c, str) else ("\n" if c.tag == "br" else broken_text(c))
                   for c in node.children)


def column_widths(first_row: Node, ncols: int, width) -> list:  # noqa: ANN001
    shares: list[float | None] = []
    for cell in first_row.elements():
        if cell.tag not in ("td", "th"):
            continue
        span = int(cell.attrs.get("colspan", "1"))
        given = cell.attrs.get("data-w")
        for _ in range(span):
            shares.append(float(given) / span if given else None)
    shares = (shares + [None] * ncols)[:ncols]
    known = sum(s for s in shares if s is not None)
    if known > 100:
        # shares that add up to more than the text width (19's "5, 35, 25, 15, 25"): the PDF's table is as wide as
        # the text and its columns in those proportions, so are the DOCX's (audit33 F8)
        shares = [s * 100 / known if s is not None else None for s in shares]
        known = 100.0
    unknown = sum(1 for s in shares if s is None)
    rest = max(100.0 - known, 0.0) / unknown if unknown else 0.0
    return [int(width * (s if s is not None else rest) / 100) for s in shares]
