"""tests/workbook/kept_book.py: the template opened once per process is handed out again as loaded."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font

from generator.catalogue.catalogue import Catalogue
from generator.workbook.inputs import fill
from generator.workbook.names import read
from generator.workbook.render import pilot_ids
from tests.workbook import kept_book as kept
from tests.workbook.conftest import clean_plans, recipient_labels, write_notes
from tests.workbook.plans import SEED


def _own_copy(templates, tmp_path: Path, name: str) -> Path:  # noqa: ANN001
    """A template with bytes no other test keeps (its own kept workbook): the generic one, one cell of its
    docProps changed."""
    import zipfile

    target = tmp_path / name
    with zipfile.ZipFile(templates[None]) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = data.replace(b"</cp:coreProperties>", f"<!-- {name} --></cp:coreProperties>".encode())
            out.writestr(item, data)
    return target


def test_a_filled_and_changed_book_is_given_back_as_loaded(catalogue: Catalogue, params, templates,  # noqa: ANN001
                                                           tmp_path: Path) -> None:
    path = _own_copy(templates, tmp_path, "put-back.xlsx")
    wb = kept.kept_book(path)
    loads = kept.loads
    fresh = kept.state(load_workbook(path))
    assert kept.state(wb) == fresh
    plan = clean_plans(catalogue.offers(params.day), params, 1, SEED + 31_000)[0]
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    write_notes(wb)
    ws = wb["6.4"]
    formula = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("="))
    formula.value = 12345  # typed over a formula
    ws.cell(ws.max_row + 5, ws.max_column + 3).value = "jauna šūna"  # a cell the template did not have
    other = next(c for row in ws.iter_rows() for c in row
                 if type(c) is type(formula) and tuple(c._style) != tuple(formula._style))
    other._style = copy.copy(formula._style)  # another (existing) style
    wb["6.3"].row_dimensions[60].hidden = True
    wb["6.3"].column_dimensions["B"].width = 3
    assert kept.state(wb) != fresh  # the changes are seen
    again = kept.kept_book(path)
    assert again is wb and kept.loads == loads  # put back, not loaded again
    assert kept.state(again) == fresh
    # the files a test saves from it are the template's: the same save as from a freshly opened template
    twice = load_workbook(path)
    twice.save(tmp_path / "a.xlsx")
    again.save(tmp_path / "b.xlsx")  # a kept book's first save too
    assert _parts(tmp_path / "a.xlsx") == _parts(tmp_path / "b.xlsx")


def _parts(path: Path) -> dict[str, bytes]:
    """A zip's members, without the times of the save (the zip's own and docProps/core.xml's modified)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {name: re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>", b"", z.read(name))
                for name in z.namelist()}


def test_what_cannot_be_put_back_is_loaded_again(templates, tmp_path: Path) -> None:  # noqa: ANN001
    path = _own_copy(templates, tmp_path, "reload.xlsx")
    fresh = kept.state(load_workbook(path))
    for change in (lambda wb: wb["6.4"].merge_cells("D60:F61"),
                   lambda wb: setattr(wb["6.4"]["A1"], "font", Font(name="Comic Sans MS")),  # a new font
                   lambda wb: setattr(wb["6.4"], "title", "cits"),
                   lambda wb: wb.create_sheet("papildu"),
                   lambda wb: setattr(wb["6.4"].page_setup, "orientation", "portrait"
                                      if wb["6.4"].page_setup.orientation != "portrait" else "landscape")):
        wb = kept.kept_book(path)
        loads = kept.loads
        change(wb)
        assert kept.state(wb) != fresh
        again = kept.kept_book(path)
        assert again is not wb and kept.loads == loads + 1
        assert kept.state(again) == fresh


def test_other_bytes_get_their_own_book(templates, tmp_path: Path) -> None:  # noqa: ANN001
    one = _own_copy(templates, tmp_path, "one.xlsx")
    other = _own_copy(templates, tmp_path, "other.xlsx")
    same = tmp_path / "same-bytes.xlsx"
    shutil.copy(one, same)
    assert kept.kept_book(one) is not kept.kept_book(other)
    assert kept.kept_book(same) is kept.kept_book(one)
