"""The short path of the collection: a sheet equal to a proven one except for its input cells (its
skeleton) is not scanned cell by cell. Whatever the cut could hide must still be refused."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.fastread import read_fast
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxread import a1, sheet_parts
from generator.workbook.sheets.plan_rows import shown_level
from tests.ministry.conftest import KEY
from tests.ministry.test_fastread import rewrite

SHEET = "6.1"


def learned(small_folder, catalogue: Catalogue) -> TemplateSource:  # noqa: ANN001
    folder, children = small_folder
    templates = TemplateSource(catalogue)
    first = [read_matrix(c.path, folder, catalogue, templates, KEY) for c in children[:2]]
    assert all(r.record is not None for r in first)
    return templates


def input_row(path: Path, templates: TemplateSource) -> tuple[int, bytes]:
    """A row of the sheet whose last cell is a template input: (row number, that cell's style attribute)."""
    inputs = {a1(c) for c in templates.current().inputs[SHEET]}
    with zipfile.ZipFile(path) as zf:
        raw = zf.read(sheet_parts(zf)[SHEET])
    for row in re.finditer(rb'<row r="([0-9]+)"[^>]*>(.*?)</row>', raw):
        last = re.findall(rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")', row.group(2))
        if last and last[-1][0].decode() in inputs:
            return int(row.group(1)), last[-1][1]
    raise AssertionError("no row ends with an input cell")


def test_later_files_take_the_short_path_with_the_full_readers_results(small_folder, catalogue: Catalogue) -> None:
    folder, children = small_folder
    templates = learned(small_folder, catalogue)
    expected = templates.current()
    # The plan rows' groups a program opens are part of the skeleton (rows hidden or not, D23): a later file
    # takes the short path when an earlier one had the same groups open (here: as many plan rows shown).
    learned_levels = {shown_level(len(c.inputs.lines)) for c in children[:2]}
    later = [c for c in children[2:] if shown_level(len(c.inputs.lines)) in learned_levels][:3]
    assert len(later) == 3
    for child in later:
        fast = read_fast(child.path)
        assert fast is not None
        assert all(s.skeleton is not None and expected.token in s.skeleton.proven for s in fast.sheets.values())
        assert expected.fast_ok(fast)
        result = read_matrix(child.path, folder, catalogue, templates, KEY)
        assert result.record is not None and not result.full_read
    # the records equal the full reader's: tests/ministry/test_fastread.py reads all twelve both ways


def test_a_value_in_an_unlocked_cell_outside_the_inputs_is_refused(small_folder, catalogue: Catalogue,
                                                                    tmp_path: Path) -> None:
    """A cell with an input's (unlocked) style is cut from the skeleton; one the template does not have as an
    input, holding a value, leaves the skeleton equal, so the cut cells' addresses must be checked."""
    _, children = small_folder
    templates = learned(small_folder, catalogue)
    row, style = input_row(children[3].path, templates)
    extra = f'<c r="Z{row}"'.encode() + style + b"><v>7</v></c>"
    target = tmp_path / "m" / "x.xlsx"
    target.parent.mkdir()

    def add(data: bytes) -> bytes:
        start = data.index(f'<row r="{row}"'.encode())
        end = data.index(b"</row>", start)
        return data[:end] + extra + data[end:]

    rewrite(children[3].path, target, SHEET, add)
    fast = read_fast(target)
    assert fast is not None and fast.sheets[SHEET].skeleton is not None, "the extra cell was cut: same skeleton"
    result = read_matrix(target, tmp_path, catalogue, templates, KEY)
    assert result.refusal is not None, "a value outside the inputs was used"
    assert any(r.startswith(f"{SHEET}. tabula, Z{row}") for r in result.refusal.reasons), result.refusal.reasons  # F2


def test_a_fixed_cell_given_an_input_style_is_refused(small_folder, catalogue: Catalogue, tmp_path: Path) -> None:
    """A label rewritten as an unlocked cell with other text is cut too, so the skeleton lacks the label:
    the per-cell check names it."""
    _, children = small_folder
    templates = learned(small_folder, catalogue)
    row, style = input_row(children[3].path, templates)
    target = tmp_path / "m" / "x.xlsx"
    target.parent.mkdir()

    def relabel(data: bytes) -> bytes:
        changed, n = re.subn(rf'<c r="A{row}"[^>]*>.*?</c>'.encode(),
                             f'<c r="A{row}"'.encode() + style + b' t="inlineStr"><is><t>Cits teksts</t></is></c>',
                             data, count=1)
        assert n == 1
        return changed

    rewrite(children[3].path, target, SHEET, relabel)
    fast = read_fast(target)
    assert fast is not None and fast.sheets[SHEET].skeleton is None
    result = read_matrix(target, tmp_path, catalogue, templates, KEY)
    assert result.refusal is not None, "a changed label was used"
    assert any(r.startswith(f"{SHEET}. tabula, A{row}") for r in result.refusal.reasons), result.refusal.reasons  # F2


def test_a_skeleton_is_trusted_only_by_the_expectation_that_proved_it(small_folder, catalogue: Catalogue) -> None:
    """Another expectation (a new run's template) sees a known skeleton it did not prove: the sheet is
    scanned and checked per cell again, and the file still passes."""
    folder, children = small_folder
    learned(small_folder, catalogue)
    other = TemplateSource(catalogue)
    fast = read_fast(children[5].path)
    assert fast is not None and all(s.skeleton is not None for s in fast.sheets.values())
    assert not any(other.current().token in s.skeleton.proven for s in fast.sheets.values() if s.skeleton)
    result = read_matrix(children[5].path, folder, catalogue, other, KEY)
    assert result.record is not None and result.full_read  # checked per cell and in full, not trusted
    again = read_fast(children[6].path)
    assert again is not None and other.current().fast_ok(again)


def test_a_duplicated_input_cell_takes_the_per_cell_path(small_folder, catalogue: Catalogue,
                                                         tmp_path: Path) -> None:
    """Two cells at one input address (the full reader keeps the last): the cut sees a repeated address, so
    the skeleton is not used and the per-cell path reads what the full reader reads."""
    from generator.ministry import reading

    folder, children = small_folder
    templates = learned(small_folder, catalogue)
    row, style = input_row(children[3].path, templates)
    target = tmp_path / "m" / "x.xlsx"
    target.parent.mkdir()

    def duplicate(data: bytes) -> bytes:
        start = data.index(f'<row r="{row}"'.encode())
        end = data.index(b"</row>", start)
        last = data.rindex(b'<c r="', start, end)
        address = re.match(rb'<c r="([A-Z]+[0-9]+)"', data[last:]).group(1)
        second = b'<c r="' + address + b'"' + style + b' t="inlineStr"><is><t>Otrs ieraksts</t></is></c>'
        return data[:end] + second + data[end:]

    rewrite(children[3].path, target, SHEET, duplicate)
    fast = read_fast(target)
    assert fast is not None and fast.sheets[SHEET].skeleton is None
    got = read_matrix(target, tmp_path, catalogue, templates, KEY)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reading, "read_fast", lambda path, keep=None, data=None: None)
        want = read_matrix(target, tmp_path, catalogue, TemplateSource(catalogue), KEY)
    assert (got.record, got.refusal, got.stale) == (want.record, want.refusal, want.stale)


def test_skeletons_never_reused_make_room_for_the_used_ones(monkeypatch) -> None:  # noqa: ANN001
    """Files whose skeleton is their own (e.g. saved by Excel with their cached values) must not push out the
    skeletons every other file uses: the least recently used key goes first."""
    from generator.ministry import fastread
    from generator.ministry.fastread import FastSheet, Skeleton

    monkeypatch.setattr(fastread, "_SKELETONS", {})
    monkeypatch.setattr(fastread, "_SKELETON_KEYS", 3)
    used = ("wb", "6.1", "st", False, 5)
    FastSheet("", [], pending=(used, Skeleton(b"12345", {}))).remember("t")
    for n in range(6):
        FastSheet("", [], pending=((f"own{n}",), Skeleton(b"x", {}))).remember("t")
        assert fastread._known(used, b"12345") is not None, n
    assert len(fastread._SKELETONS) == 3
