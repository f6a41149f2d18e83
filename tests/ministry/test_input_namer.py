"""How collect names an input's cell (reading.input_namer, ministrycheck F3): a fast-scanned matrix is read whole
once, on the first problem named, and a failed read falls back to the defined name and is tried again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ministry import reading
from generator.ministry.fastread import read_fast
from generator.ministry.matrix import Matrix
from generator.ministry.xlsxread import XlsxBook


def _counted_open(monkeypatch: pytest.MonkeyPatch, fail_first: bool = False) -> list[Path]:
    """The calls that open the whole file (its sheets then read as the places ask for them, read_xlsx_lazily)."""
    calls: list[Path] = []
    real = reading.read_xlsx_lazily

    def counted(path: Path) -> XlsxBook:
        calls.append(path)
        if fail_first and len(calls) == 1:
            raise OSError("aizņemts")
        return real(path)
    monkeypatch.setattr(reading, "read_xlsx_lazily", counted)
    return calls


def _partial(small_folder) -> tuple[Matrix, Path]:  # noqa: ANN001
    _, children = small_folder
    path = children[0].path
    return Matrix.from_book(read_fast(path).book, partial=True), path


def test_a_fast_scanned_matrix_is_read_whole_once(small_folder, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    m, path = _partial(small_folder)
    calls = _counted_open(monkeypatch)
    where = reading.input_namer(m, path)
    assert calls == []  # nothing is read until a problem is named
    first, again = where("Perioda_Sakums"), where("Perioda_Sakums")
    assert first == again and first.startswith("6.1. tabula, ") and "„" in first, first
    assert where("Berns_DzimsanasDatums").startswith("6.1. tabula, ")
    assert calls == [path]


def test_a_failed_whole_read_names_the_cell_as_before_and_is_tried_again(
        small_folder, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    m, path = _partial(small_folder)
    calls = _counted_open(monkeypatch, fail_first=True)
    where = reading.input_namer(m, path)
    assert where("Perioda_Sakums") == m.where("Perioda_Sakums", 0, 0)
    assert where("Perioda_Sakums").startswith("6.1. tabula, ")
    assert calls == [path, path]
