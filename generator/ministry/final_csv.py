"""The per-municipality CSV of final amounts sent back by the ministry: kods;P;N;F;statuss;iemesls, as Latvian Excel
opens it.

The status column says in every row whether F is provisional (the base amount B is unconfirmed, D117; rule errors in
some matrix or an unconfirmed ceiling, D268, D269), invalid (the child's matrix has rule errors: no F) or final: a
file copied or renamed loses the ``_provizoriski`` of its name, the rows keep it (audit35 F13). „iemesls” says why F is
not final („” when it is), in the words of the summary's Σ F row (D320): a status alone, „provizorisks”, did not say
whether B or another child's matrix was the cause. The first five columns and their values stay as they were (D116),
so a reader that takes them by name reads the file as before; the reason is a column of its own at the end."""

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


def write_final_amounts(path: Path, rows: Iterable[tuple[str, Decimal, Decimal, Decimal | None, str, str]]) -> Path:
    """Write ``kods;P;N;F;statuss;iemesls`` rows: UTF-8 with BOM, semicolon-separated, decimal comma; ``statuss`` is
    each row's own (final_status: „galīgs”, „provizorisks”, „provizorisks – griesti nav apstiprināti” or „matricā
    kļūdas”, whose F is None and written empty, D268), ``iemesls`` why it is not final (final_status.child_reason)."""
    return write_csv(path, ["kods", "P", "N", "F", "statuss", "iemesls"], list(rows), delimiter=";", bom=True,
                     cell=lambda v: decimal_comma(v) if isinstance(v, Decimal) or v is None else str(v))
