"""D371: a template whose 6.11 row counted transport above its share without a reason as a warning (revisions up to
.19) is recognised by that row's „Veids”, so its stored counts are compared as it counted them (stale_values)."""

from __future__ import annotations

from types import SimpleNamespace

from generator.ministry.template_checks import counted_as_warnings
from generator.ministry.xlsxread import col_index
from generator.workbook.sheets.technical import rule_row_of


def _matrix(kind: str) -> SimpleNamespace:
    row = rule_row_of("transport_share")
    cells = {(row, col_index("S")): SimpleNamespace(value="transport_share"),
             (row, col_index("D")): SimpleNamespace(value=kind),
             (row + 1, col_index("S")): SimpleNamespace(value="transport_share_overridden"),
             (row + 1, col_index("D")): SimpleNamespace(value="ieraksts")}
    return SimpleNamespace(book=SimpleNamespace(cells={"6.11": cells}))


def test_an_older_template_counted_it_among_the_warnings() -> None:
    assert counted_as_warnings(_matrix("brīdinājums")) == {"transport_share"}  # type: ignore[arg-type]


def test_the_current_template_counts_it_as_an_error() -> None:
    assert counted_as_warnings(_matrix("kļūda")) == frozenset()  # type: ignore[arg-type]
