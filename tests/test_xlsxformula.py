"""generator/xlsxformula.py: the quick test for dynamic-array names gives the answer of the full pattern."""

from __future__ import annotations

import re
from pathlib import Path

import xlsxwriter.worksheet

import generator.xlsxformula as xlsxformula
from generator.catalogue.catalogue import Catalogue
from generator.workbook.writer import write_workbook
from generator.xlsxformula import _DYNAMIC, _QuickSearch, dynamic

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
    seen: list[str] = []
    quick = xlsxformula.dynamic

    def spy(formula: str) -> bool:
        seen.append(formula)
        return quick(formula)

    monkeypatch.setattr(xlsxformula, "dynamic", spy)
    xlsxformula.forget()  # a matrix this process wrote before would be answered from the kept answers
    write_workbook(catalogue, tmp_path / "veidne.xlsx", catalogue.pilot_municipalities()[0].id)
    assert len(seen) > 1000
    assert [f for f in seen if quick(f) != (_DYNAMIC.search(f) is not None)] == []


def test_kept_answers_write_the_same_bytes(catalogue: Catalogue, tmp_path: Path) -> None:
    """A matrix written from the kept answers (a formula seen before: its prepared text and its dynamic-array search)
    is byte for byte the matrix written with every answer found afresh."""
    municipality = catalogue.pilot_municipalities()[0].id
    xlsxformula.forget()
    fresh = write_workbook(catalogue, tmp_path / "a" / "veidne.xlsx", municipality).read_bytes()
    assert len(xlsxformula._PREPARED) > 1000 and len(xlsxwriter.worksheet.re_dynamic_function.found) > 1000
    kept = write_workbook(catalogue, tmp_path / "b" / "veidne.xlsx", municipality).read_bytes()
    assert kept == fresh


def _same_match(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span())


def test_quick_dynamic_search_answers_as_xlsxwriters_pattern() -> None:
    """xlsxwriter's own search for dynamic-array functions (case-sensitive "\\bNAME\\("), made quick by a plain-text
    look first (_QuickSearch): the same match on tricky formulas, and a pattern of another form searched as it is."""
    pattern = xlsxwriter.worksheet.re_dynamic_function
    pattern = pattern.pattern if isinstance(pattern, _QuickSearch) else pattern
    quick = _QuickSearch(pattern)
    assert quick.plain is not None  # xlsxwriter 3.3.1's pattern: every alternative a "\bNAME\(" (29 names)
    formulas = [*TRICKY, "=MYSORT(A1)+SORT(B1)", "=A1&\"SORT(\"", "=XSORT(A1)", "=_xlfn.SORT(A1)", "=SORTBY(A1,B1)"]
    assert [f for f in formulas if not _same_match(quick.search(f), pattern.search(f))] == []
    assert sum(pattern.search(f) is not None for f in formulas) >= 6
    other = re.compile(r"\bSORT\(|[a-z]+LOOKUP\(")  # not only plain names: no plain-text look
    assert _QuickSearch(other).plain is None and _QuickSearch(other).search("=xLOOKUP(1)") is not None


def test_quick_dynamic_search_answers_as_the_pattern_on_every_written_formula(catalogue: Catalogue, tmp_path: Path,
                                                                             monkeypatch) -> None:  # noqa: ANN001
    """Every formula a matrix writes gets from the quick search what xlsxwriter's pattern gives it, and the matrix
    is the same file whichever of the two searches (test_structure's reproducible bytes, here with the pattern)."""
    import zipfile

    write_workbook(catalogue, tmp_path / "pirmā.xlsx", catalogue.pilot_municipalities()[0].id)  # installs it
    quick = xlsxwriter.worksheet.re_dynamic_function
    assert isinstance(quick, _QuickSearch)
    seen: list[str] = []

    class Spy:
        def search(self, formula: str) -> re.Match[str] | None:
            seen.append(formula)
            return quick.search(formula)

    monkeypatch.setattr(xlsxwriter.worksheet, "re_dynamic_function", Spy())
    monkeypatch.setattr(xlsxformula, "_quick_dynamic_search", lambda: None)  # the spy (then the pattern) stays
    write_workbook(catalogue, tmp_path / "ātrā.xlsx", catalogue.pilot_municipalities()[0].id)
    assert len(seen) > 5000
    assert [f for f in seen if not _same_match(quick.search(f), quick.pattern.search(f))] == []
    monkeypatch.setattr(xlsxwriter.worksheet, "re_dynamic_function", quick.pattern)
    write_workbook(catalogue, tmp_path / "lēnā.xlsx", catalogue.pilot_municipalities()[0].id)
    with zipfile.ZipFile(tmp_path / "ātrā.xlsx") as a, zipfile.ZipFile(tmp_path / "lēnā.xlsx") as b:
        assert a.namelist() == b.namelist()
        assert [n for n in a.namelist() if a.read(n) != b.read(n) and n != "docProps/core.xml"] == []


def test_kept_answers_are_kept_per_future_function_flag(tmp_path: Path) -> None:
    """The kept prepared formula is keyed by the formula and both future-function flags – a formula prepared
    for a sheet with future functions on is not the answer for a sheet with them off, nor for expand_future_functions."""
    import xlsxwriter

    xlsxformula.forget()
    book = xlsxwriter.Workbook(tmp_path / "a.xlsx", {"use_future_functions": True})
    future = book.add_worksheet("a")
    book_off = xlsxwriter.Workbook(tmp_path / "b.xlsx")
    plain = book_off.add_worksheet("b")
    formula = "=SORT(A1:A3)+STDEV.S(B1:B3)"
    originals = {id(ws): ws._prepare_formula for ws in (future, plain)}
    expected = [originals[id(future)](formula, False), originals[id(plain)](formula, False),
                originals[id(plain)](formula, True)]
    assert len(set(expected)) >= 2  # the flags change the answer, so a key without them would give a wrong one
    xlsxformula.quick_formulas(future)
    xlsxformula.quick_formulas(plain)
    got = [future._prepare_formula(formula, False), plain._prepare_formula(formula, False),
           plain._prepare_formula(formula, True)]
    assert got == expected
    book.close()
    book_off.close()
