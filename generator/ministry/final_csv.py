"""The per-municipality CSV of final amounts sent back by the ministry: kods;P;N;F;statuss, as Latvian Excel opens it.

The status column says in every row whether F is provisional (the base amount B is unconfirmed, D117) or final: a
file copied or renamed loses the ``_provizoriski`` of its name, the rows keep it (audit35 F13). The first four columns
stay as they were (D116), so a reader that takes them by name reads the file as before."""

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


STATUS_PROVISIONAL = "provizorisks"
STATUS_FINAL = "galīgs"


def write_final_amounts(path: Path, rows: Iterable[tuple[str, Decimal, Decimal, Decimal | None]], *,
                        provisional: bool) -> Path:
    """Write ``kods;P;N;F;statuss`` rows: UTF-8 with BOM, semicolon-separated, decimal comma; ``statuss`` is
    "provizorisks" in every row when ``provisional``, else "galīgs"."""
    status = STATUS_PROVISIONAL if provisional else STATUS_FINAL
    rows = [(*row, status) for row in rows]
    return write_csv(path, ["kods", "P", "N", "F", "statuss"], rows, delimiter=";", bom=True,
                     cell=lambda v: decimal_comma(v) if isinstance(v, Decimal) or v is None else str(v))
