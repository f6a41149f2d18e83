"""The ministry tests' factory (tests/ministry/factory.py write_children) saves a filled matrix in two forms – re-saved
by openpyxl, or the template's bytes with the inputs patched – that hold the same values, and a template workbook
kept open between calls is handed out as the template: nothing of an earlier call's children stays in it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.xlsxread import XlsxBook, read_xlsx
from tests.ministry import factory
from tests.ministry.factory import make_children, same_value, saved_form, write_children
from tests.workbook.plans import PARTIES


def input_values(book: XlsxBook) -> dict[tuple[str, tuple[int, int]], object]:
    """Every input (unlocked) cell's value that is not empty."""
    values = {}
    for sheet, coords in book.unlocked.items():
        for coord in coords:
            cell = book.cell(sheet, coord)
            if cell is not None and cell.value not in (None, ""):
                values[(sheet, coord)] = cell.value
    return values


def same_inputs(a: Path, b: Path) -> list[str]:
    first, second = read_xlsx(a), read_xlsx(b)
    x, y = input_values(first), input_values(second)
    wrong = [f"{s}!{c}: {x.get((s, c))!r} / {y.get((s, c))!r}" for s, c in sorted(x.keys() | y.keys())
             if not same_value(x.get((s, c)), y.get((s, c)))]
    wrong += [f"{s}: hidden rows" for s in first.sheet_names if first.hidden_rows.get(s) != second.hidden_rows.get(s)]
    return wrong


def test_both_forms_hold_the_same_inputs_and_read_as_the_same_child(
        catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    children = make_children(catalogue, 2, seed=6060)
    saved = {form: write_children(catalogue, template, children, tmp_path / form, saved_by=form, free_cells=True)
             for form in ("openpyxl", "xlsxpatch")}
    for a, b in zip(saved["openpyxl"], saved["xlsxpatch"], strict=True):
        assert (saved_form(a.path), saved_form(b.path)) == ("openpyxl", "xlsxpatch")
        assert same_inputs(a.path, b.path) == []
        assert len(input_values(read_xlsx(a.path))) > 40  # the plan, the person and the free cells
        assert read_child(Matrix.open(a.path), catalogue) == read_child(Matrix.open(b.path), catalogue)
        assert read_child(Matrix.open(a.path), catalogue)[0] is not None


def test_a_kept_template_carries_nothing_of_an_earlier_call(
        catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    factory._OPENED.clear()  # the first call opens the template anew
    first, other = make_children(catalogue, 2, seed=6161)
    # the other child with 6.1's contract fields, which fill() writes only when a plan has them
    parties = dataclasses.replace(PARTIES, municipality=other.municipality)
    other = dataclasses.replace(other, inputs=dataclasses.replace(other.inputs, parties=parties))
    for form in ("openpyxl", "xlsxpatch"):
        [fresh] = write_children(catalogue, template, [first], tmp_path / form / "svaiga", saved_by=form)
        write_children(catalogue, template, [other], tmp_path / form / "cita", saved_by=form, free_cells=True)
        [again] = write_children(catalogue, template, [first], tmp_path / form / "atkal", saved_by=form)
        assert same_inputs(fresh.path, again.path) == [], form
