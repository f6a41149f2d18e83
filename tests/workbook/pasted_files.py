"""Matrices with one value pasted into one input cell each, recalculated by LibreOffice in one batch: the fixtures of
the one-pasted-value-is-one-error proofs (D298 for 6.6's months, D304 for 6.10's deliveries and payments). LibreOffice
reads each recalculated file over UNO without saving it (generator/workbook/recalculated.py: the values of the xlsx
it would save, tests/workbook/test_recalculated_reading.py); only the files whose saved copy a test reads are also
saved, from the same load (docs/benchmarks.md, fix49g)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import print_sheets
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, WorkbookResult, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import named_values
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import recipient_labels
from tests.workbook.invalid import _cell

# name -> (the inputs filled, the named range, the value pasted into its first column at the offset or None, offset)
Variants = dict[str, tuple[WorkbookInputs, str, object, int]]
# name -> (the inputs, LibreOffice's recalculated values, the filled file, the pasted cell as „sheet!cell”)
Files = dict[str, tuple[WorkbookInputs, NamedValues, Path, str]]


def pasted_files(catalogue: Catalogue, template: Path, folder: Path, profile: Path, variants: Variants,
                 together: dict[str, tuple[str, ...]] | None = None, saved: tuple[str, ...] = ()) -> Files:
    """Each variant filled into ``template`` with the value pasted over the filled one, saved under ``folder`` and
    recalculated by LibreOffice (one call for all). ``together`` (a file's name: its variants) pastes several
    variants of the same inputs into one file, each into its own cell: each of them is then that file's values and
    path with its own pasted cell (the caller proves the file's count is one error for each, one_error_each).
    ``saved``: the variants whose file LibreOffice also saves as xlsx (in ``folder``/lo, from the load it is read
    from); their values' path is that saved copy, for a test that reads it."""
    labels = recipient_labels(catalogue)
    together = together or {}
    grouped = [name for names in together.values() for name in names]
    assert len(grouped) == len(set(grouped)) and set(grouped) <= set(variants), together
    files = {name: (name,) for name in variants if name not in grouped} | together
    cells: dict[str, str] = {}
    paths = []
    for file, names in files.items():
        inputs = variants[names[0]][0]
        assert all(variants[name][0] is inputs for name in names), f"{file}: one plan for the pastes of one file"
        wb = load_workbook(template)
        fill(wb, inputs, labels, municipality=pilot_ids(catalogue)[0], template_prices=read(wb, "Pak_Cena"))
        for name in names:
            _, name_range, value, offset = variants[name]
            sheet, cell, c = _cell(wb, name_range, offset, 0)
            assert f"{sheet}!{cell}" not in [cells.get(other) for other in names if other != name], (file, name)
            if value is not None:
                c.value = value
            cells[name] = f"{sheet}!{cell}"
        path = folder / f"{file}.xlsx"
        wb.save(path)
        paths.append(path)
    assert set(saved) <= set(variants), saved
    stored = {folder / f"{file}.xlsx": folder / "lo" / f"{file}.xlsx" for file, names in files.items()
              if set(names) & set(saved)}
    records = print_sheets({p: [(None, out)] for p, out in stored.items()}, read=paths, profile=profile)
    for record, p in zip(records, paths, strict=True):
        record["path"] = str(stored.get(p, p))  # the values of a saved file are its saved copy's (values.path)
    read_back = {file: (named_values(r), p) for file, p, r in zip(files, paths, records, strict=True)}
    return {name: (variants[name][0], *read_back[file], cells[name]) for file, names in files.items() for name in names}


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


def one_error_each(files: Files, name: str, params: Params, given: bool, pasted: int = 1,
                   ) -> tuple[WorkbookResult, NamedValues, Path, str]:
    """The matrix's count for variant ``name`` against the clean file „tira”: one invalid input and one error – the
    reference's own count when it is ``given`` the pasted value, else the clean plan's count plus that one input.
    ``pasted``: the number of values pasted into independent cells of the variant's file (pasted_files' together):
    that many invalid inputs and errors, and the variant's own cell named once in 6.11's list – so each paste is one.
    Returns the reference's result, LibreOffice's values, the file and the pasted cell, for the reader's check."""
    clean = files["tira"][1]
    assert clean["Kludas"] == 0 and clean["h_NederigasIevades"] == 0, listed_checks(clean)
    inputs, values, path, cell = files[name]
    listed = listed_checks(values)
    assert values["h_NederigasIevades"] == pasted, listed
    if pasted > 1:  # the others' lists are their callers' to check
        sheet, a1 = cell.split("!")
        assert len([t for t in listed if f" {sheet} {a1}: " in t]) == 1, (name, listed)
    reference = evaluate_workbook(inputs, params)
    assert not (given and pasted > 1), "the reference is given one pasted value"
    expected = reference.errors if given else evaluate_workbook(files["tira"][0], params).errors + pasted
    assert values["Kludas"] == expected == pasted, (name, values["Kludas"], listed, reference.findings)
    return reference, values, path, cell
