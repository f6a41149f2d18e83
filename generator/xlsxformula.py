"""Faster formula writing with xlsxwriter (pinned): its ``_prepare_formula`` tries some 30 regular
expression substitutions (Excel 365 dynamic-array functions) on every formula it writes. Our workbooks use
none of those functions (Excel 2010 / LibreOffice 7.4 formulas only), so one search decides whether the
substitutions are needed at all; a formula that might need them goes the original way. The written
workbook is byte-for-byte the same.

Before that, xlsxwriter's ``_write_formula`` searches every formula with its ``re_dynamic_function`` (a word-start ``NAME(``
for 29 names, case-sensitive) to hand dynamic-array formulas elsewhere: a quarter of a matrix's writing time.
``quick_formulas`` puts a search in its place that first looks for the names as plain text (``NAME(``, which every
match contains) and runs the pattern only on a formula that has one: the same answer.

Both answers depend on nothing but the formula (and the two future-function flags), and a matrix's formulas recur in
every matrix written after it (the same layout: `ibm build` writes 11 per prices day, a test process hundreds), so
each answer is kept by its formula (``_KEPT`` answers at most, then forgotten all at once): a formula seen before
costs one dictionary look-up."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from xlsxwriter.worksheet import Worksheet

# The names xlsxwriter rewrites when future functions are off (plus its "\SINGLE\(" pattern as it is).
_DYNAMIC = re.compile(r"\b(?:ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA|"
                      r"MAKEARRAY|MAP|RANDARRAY|REDUCE|SCAN|SEQUENCE|SORT|SORTBY|SWITCH|TAKE|TEXTSPLIT|TOCOL|"
                      r"TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP)\(|\SINGLE\(|_xlfn\.", re.I)
# The same names as plain text in the upper-cased formula (no IGNORECASE, no "\b": about five times faster): every
# formula _DYNAMIC matches contains one of them ("INGLE(" for "\SINGLE\("), so a formula without any needs no
# further look. Upper-casing maps each character IGNORECASE takes for an ASCII letter onto that letter, except
# "İ" and the Kelvin sign: a formula with either is searched with _DYNAMIC itself.
_NAMES = re.compile("|".join(re.escape(name) for name in (
    *(f"{n}(" for n in ("ANCHORARRAY", "BYCOL", "BYROW", "CHOOSECOLS", "CHOOSEROWS", "DROP", "EXPAND", "FILTER",
                        "HSTACK", "LAMBDA", "MAKEARRAY", "MAP", "RANDARRAY", "REDUCE", "SCAN", "SEQUENCE", "SORT",
                        "SORTBY", "SWITCH", "TAKE", "TEXTSPLIT", "TOCOL", "TOROW", "UNIQUE", "VSTACK", "WRAPCOLS",
                        "WRAPROWS", "XLOOKUP")), "INGLE(", "_XLFN.")))


_KEPT = 1 << 16  # answers kept per kind (a matrix has ~11 000 formulas; ~200 bytes each)
_PREPARED: dict[tuple[str, bool, bool], str] = {}  # quick_formulas' prepared formulas
T = TypeVar("T")


def _kept(answers: dict, key: object, answer: Callable[[], T]) -> T:
    """``answers[key]``, computed by ``answer()`` the first time."""
    try:
        return answers[key]
    except KeyError:
        if len(answers) >= _KEPT:
            answers.clear()
        found = answers[key] = answer()
        return found


def forget() -> None:
    """Forget every kept answer (a test that sees every formula's search)."""
    import xlsxwriter.worksheet as worksheet

    _PREPARED.clear()
    if isinstance(worksheet.re_dynamic_function, _QuickSearch):
        worksheet.re_dynamic_function.found.clear()


def dynamic(formula: str) -> bool:
    """Whether _DYNAMIC finds something in ``formula`` (the same answer, mostly without running it)."""
    if "\u0130" not in formula and "\u212a" not in formula and _NAMES.search(formula.upper()) is None:
        return False
    return _DYNAMIC.search(formula) is not None


class _QuickSearch:
    """xlsxwriter's ``re_dynamic_function`` with a plain-text look first: ``search`` gives what the pattern's own
    ``search`` gives (None whenever no ``NAME(`` of the pattern occurs, since every match ends with one). A pattern
    of another form (a later xlsxwriter) is searched as it is."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        alternatives = ["".join(a.split()) for a in pattern.pattern.split("|")] if pattern.flags & re.VERBOSE \
            else pattern.pattern.split("|")
        names = [m.group(1) for a in alternatives if (m := re.fullmatch(r"\\b([A-Z]+)\\\(", a))]
        self.plain = (re.compile("|".join(re.escape(f"{name}(") for name in names))
                      if names and len(names) == len(alternatives) and not pattern.flags & re.IGNORECASE else None)
        self.found: dict[str, re.Match[str] | None] = {}  # the answers by formula (``_KEPT`` at most)

    def search(self, formula: str) -> re.Match[str] | None:
        return _kept(self.found, formula, lambda: self._search(formula))

    def _search(self, formula: str) -> re.Match[str] | None:
        if self.plain is not None and self.plain.search(formula) is None:
            return None
        return self.pattern.search(formula)


def _quick_dynamic_search() -> None:
    """Put ``_QuickSearch`` in place of xlsxwriter.worksheet.re_dynamic_function (once per process)."""
    import xlsxwriter.worksheet as worksheet

    if not isinstance(worksheet.re_dynamic_function, _QuickSearch):
        worksheet.re_dynamic_function = _QuickSearch(worksheet.re_dynamic_function)


def quick_formulas(ws: Worksheet) -> Worksheet:
    """Let ``ws`` skip xlsxwriter's substitutions for formulas that contain none of those functions (and every
    worksheet its dynamic-array search, ``_QuickSearch``)."""
    _quick_dynamic_search()
    original = ws._prepare_formula

    def prepared(formula: str, expand_future_functions: bool) -> str:
        if (ws.use_future_functions or expand_future_functions or formula.startswith("{")
                or formula.endswith("}") or dynamic(formula)):
            return original(formula, expand_future_functions)
        return formula[1:] if formula.startswith("=") else formula

    def prepare(formula: str, expand_future_functions: bool = False) -> str:
        # xlsxwriter's _prepare_formula reads nothing of the sheet but use_future_functions
        key = (formula, bool(expand_future_functions), bool(ws.use_future_functions))
        return _kept(_PREPARED, key, lambda: prepared(formula, expand_future_functions))

    ws._prepare_formula = prepare  # type: ignore[method-assign]
    return ws
