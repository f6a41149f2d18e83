"""Matrices with one value pasted into one input cell each, recalculated by LibreOffice in one batch: the fixtures of
the one-pasted-value-is-one-error proofs (D298 for 6.6's months, D304 for 6.10's deliveries and payments)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, WorkbookResult, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import recipient_labels
from tests.workbook.invalid import _cell

# name -> (the inputs filled, the named range, the value pasted into its first column at the offset or None, offset)
Variants = dict[str, tuple[WorkbookInputs, str, object, int]]
# name -> (the inputs, LibreOffice's recalculated values, the filled file, the pasted cell as „sheet!cell”)
Files = dict[str, tuple[WorkbookInputs, NamedValues, Path, str]]


def pasted_files(catalogue: Catalogue, template: Path, folder: Path, profile: Path, variants: Variants) -> Files:
    """Each variant filled into ``template`` with the value pasted over the filled one, saved under ``folder`` and
    recalculated by LibreOffice (one call for all)."""
    labels = recipient_labels(catalogue)
    cells: dict[str, str] = {}
    paths = []
    for name, (inputs, name_range, value, offset) in variants.items():
        wb = load_workbook(template)
        fill(wb, inputs, labels, municipality=pilot_ids(catalogue)[0], template_prices=read(wb, "Pak_Cena"))
        sheet, cell, c = _cell(wb, name_range, offset, 0)
        if value is not None:
            c.value = value
        cells[name] = f"{sheet}!{cell}"
        path = folder / f"{name}.xlsx"
        wb.save(path)
        paths.append(path)
    out = convert(paths, folder / "lo", profile=profile)
    return {name: (variants[name][0], NamedValues(o, all_sheets=True), p, cells[name])
            for (name, p), o in zip(zip(variants, paths, strict=True), out, strict=True)}


def listed_checks(values: NamedValues) -> list[str]:
    """6.11's numbered list of the matrix's errors („1. …”), as LibreOffice computed it."""
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def with_first_month(inputs: WorkbookInputs, line: int, attr: str, value: Decimal) -> WorkbookInputs:
    """``inputs`` with plan line ``line``'s first month of ``attr`` (planned_units, delivered_units, paid) set to
    ``value``, the way a reader would read a value pasted there."""
    lines = list(inputs.lines)
    values = getattr(lines[line], attr)
    lines[line] = dataclasses.replace(lines[line], **{attr: (value, *values[1:])})
    return dataclasses.replace(inputs, lines=tuple(lines))


def one_error_each(files: Files, name: str, params: Params, given: bool) -> tuple[WorkbookResult, NamedValues, Path, str]:
    """The matrix's count for variant ``name`` against the clean file „tira”: one invalid input and one error – the
    reference's own count when it is ``given`` the pasted value, else the clean plan's count plus that one input.
    Returns the reference's result, LibreOffice's values, the file and the pasted cell, for the reader's check."""
    clean = files["tira"][1]
    assert clean["Kludas"] == 0 and clean["h_NederigasIevades"] == 0, listed_checks(clean)
    inputs, values, path, cell = files[name]
    listed = listed_checks(values)
    assert values["h_NederigasIevades"] == 1, listed
    reference = evaluate_workbook(inputs, params)
    expected = reference.errors if given else evaluate_workbook(files["tira"][0], params).errors + 1
    assert values["Kludas"] == expected == 1, (name, values["Kludas"], listed, reference.findings)
    return reference, values, path, cell
