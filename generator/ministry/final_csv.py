"""The per-municipality CSV of final amounts sent back by the ministry: kods;P;N;F, as Latvian Excel opens it."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from generator.csvfiles import write_csv
from generator.money import cents


def decimal_comma(value: object) -> str:
    """Money for a Latvian spreadsheet: 1234.5 -> '1234,50' (no grouping, decimal comma)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{cents(value):.2f}".replace(".", ",")
    return str(value)


def write_final_amounts(path: Path, rows: Iterable[tuple[str, Decimal, Decimal, Decimal | None]]) -> Path:
    """Write ``kods;P;N;F`` rows: UTF-8 with BOM, semicolon-separated, decimal comma."""
    return write_csv(path, ["kods", "P", "N", "F"], rows, delimiter=";", bom=True,
                     cell=lambda v: decimal_comma(v) if isinstance(v, Decimal) or v is None else str(v))
