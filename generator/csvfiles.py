"""Writing CSV files that spreadsheets open safely (no cell is taken as a formula)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """Text for one CSV cell; text starting like a formula gets a leading apostrophe.

    Numbers are written as they are (a negative number is a number, not a formula).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def quoted_text_cell(value: Any) -> Any:
    """A cell for ``quote_text``: a number stays a number (written bare), everything else is safe text (quoted)."""
    if isinstance(value, int) and not isinstance(value, bool) or type(value).__name__ == "Decimal":
        return value
    return safe_cell(value)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str = ",",
    bom: bool = False,
    cell=safe_cell,
    quote_text: bool = False,
) -> Path:
    """``quote_text``: every text cell in quotes, numbers bare (a spreadsheet that also splits at „;” keeps a
    multi-value cell whole, audit40 F1)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        quoting = csv.QUOTE_NONNUMERIC if quote_text else csv.QUOTE_MINIMAL
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n", quoting=quoting)
        writer.writerow(header)
        cell = quoted_text_cell if quote_text and cell is safe_cell else cell
        for row in rows:
            writer.writerow([cell(v) for v in row])
    return path
