"""Faster formula writing with xlsxwriter (pinned): its ``_prepare_formula`` tries some 30 regular
expression substitutions (Excel 365 dynamic-array functions) on every formula it writes. Our workbooks use
none of those functions (Excel 2010 / LibreOffice 7.4 formulas only), so one search decides whether the
substitutions are needed at all; a formula that might need them goes the original way. The written
workbook is byte-for-byte the same."""

from __future__ import annotations

import re

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


def dynamic(formula: str) -> bool:
    """Whether _DYNAMIC finds something in ``formula`` (the same answer, mostly without running it)."""
    if "\u0130" not in formula and "\u212a" not in formula and _NAMES.search(formula.upper()) is None:
        return False
    return _DYNAMIC.search(formula) is not None


def quick_formulas(ws: Worksheet) -> Worksheet:
    """Let ``ws`` skip xlsxwriter's substitutions for formulas that contain none of those functions."""
    original = ws._prepare_formula

    def prepare(formula: str, expand_future_functions: bool = False) -> str:
        if (ws.use_future_functions or expand_future_functions or formula.startswith("{")
                or formula.endswith("}") or dynamic(formula)):
            return original(formula, expand_future_functions)
        return formula[1:] if formula.startswith("=") else formula

    ws._prepare_formula = prepare  # type: ignore[method-assign]
    return ws
