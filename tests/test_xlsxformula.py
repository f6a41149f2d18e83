"""generator/xlsxformula.py: the quick test for dynamic-array names gives the answer of the full pattern."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.workbook.writer import write_workbook
from generator.xlsxformula import _DYNAMIC, dynamic

TRICKY = [
    "=SUM(A1:A3)", "=sort(B1:B3)", "=Sort (B1)", "=FILTER(A1:A9,B1:B9)", "=xlookup(1,A:A,B:B)", "=_xlfn.SINGLE(A1)",
    "=@SINGLE(A1)", "= SINGLE(A1)", "=MYSORT(A1)", "=SORTED(A1)", "=IF(A1=\"sort(\",1,0)", "=ſort(A1)", "=fıLTER(A1)",
    "=fİlter(A1)", "=xloo\u212aup(1)", "=\u212a1+SORT(A1)", "=ma\u0130p(A1)", "=\u0130F(A1,1,0)", "=MAP(A1,LAMBDA(x,x))",
    "=\"Sociālais dienests\"&TAKE(A1:A3,1)", "=_XLFN.CONCAT(A1)", "=TEXT(A1,\"DD.MM.YYYY\")", "=SEQUENCE(3)",
    "=sequence (3)", "=ROUND(A1*B1,2)", "=A1&\"INGLE(\"", "",
]


def test_quick_answer_equals_the_pattern_on_tricky_formulas() -> None:
    wrong = [f for f in TRICKY if dynamic(f) != (_DYNAMIC.search(f) is not None)]
    assert wrong == []
    assert sum(map(dynamic, TRICKY)) >= 10  # the list has matches to find, not only formulas without any


def test_quick_answer_equals_the_pattern_on_every_matrix_formula(catalogue: Catalogue, tmp_path: Path,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    import generator.xlsxformula as xlsxformula

    seen: list[str] = []
    quick = xlsxformula.dynamic

    def spy(formula: str) -> bool:
        seen.append(formula)
        return quick(formula)

    monkeypatch.setattr(xlsxformula, "dynamic", spy)
    write_workbook(catalogue, tmp_path / "veidne.xlsx", catalogue.pilot_municipalities()[0].id)
    assert len(seen) > 1000
    assert [f for f in seen if quick(f) != (_DYNAMIC.search(f) is not None)] == []
