"""The fast path of the collection reads exactly what the full reader reads, proves the template by
digest only when every cell was seen, and falls back to the cell-by-cell comparison otherwise."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry import reading
from generator.ministry.fastread import formula_digest, read_fast
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxpatch import fill_by_names
from generator.ministry.xlsxread import read_xlsx, sheet_parts
from tests.ministry.conftest import KEY


def all_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    book = read_xlsx(path)
    return {s: set(cells) for s, cells in book.cells.items()}


def rewrite(src: Path, dst: Path, sheet: str, change) -> Path:  # noqa: ANN001
    with zipfile.ZipFile(src) as zin:
        part = sheet_parts(zin)[sheet]
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                zout.writestr(info, change(data) if info.filename == part else data)
    return dst


def bump_value(ref: str):  # noqa: ANN201
    """A sheet-part change that adds 1 to the number stored in cell ``ref`` (exactly one such cell)."""
    def change(data: bytes) -> bytes:
        changed, n = re.subn(rf'(<c r="{ref}"[^>]*><v>)([^<]*)(</v>)'.encode(),
                             lambda m: m.group(1) + str(float(m.group(2)) + 1).encode() + m.group(3), data, count=1)
        assert n == 1, ref
        return changed
    return change


def test_fast_values_equal_the_full_readers(small_folder, template: Path, tmp_path: Path) -> None:
    """Every value cell and every cached formula value, on openpyxl-saved matrices, the xlsxwriter template
    and a matrix filled by xlsxpatch (inline strings, dates, escaped text)."""
    _, children = small_folder
    patched = fill_by_names(template, tmp_path / "p.xlsx", {"Berns_VardsUzvards": "Ā & <b> \"x\" _x0041_",
                                                            "Perioda_Menesi": 4})
    for path in [c.path for c in children] + [template, patched]:
        full = read_xlsx(path)
        fast = read_fast(path, all_cells(path))
        assert fast is not None, path
        for sheet, cells in full.cells.items():
            got = fast.book.cells[sheet]
            for coord, cell in cells.items():
                if cell.formula is None or cell.value is not None:
                    assert got[coord].value == cell.value, (path.name, sheet, coord)
                    assert type(got[coord].value) is type(cell.value), (path.name, sheet, coord)
            assert {c for c, cell in got.items()} <= set(cells)
        assert fast.book.defined_names == full.defined_names and fast.book.sheet_names == full.sheet_names


def test_fast_and_full_reading_give_the_same_records(small_folder, catalogue: Catalogue,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder, children = small_folder
    templates = TemplateSource(catalogue)
    fast = [read_matrix(c.path, folder, catalogue, templates, KEY) for c in children]
    assert sum(r.full_read for r in fast) <= 1, "after the first file the digests must be known"
    monkeypatch.setattr(reading, "read_fast", lambda path, keep=None, data=None: None)
    full = [read_matrix(c.path, folder, catalogue, TemplateSource(catalogue), KEY) for c in children]
    assert all(r.record is not None for r in full)
    for a, b in zip(fast, full, strict=True):
        assert (a.record, a.refusal, a.stale, a.notes) == (b.record, b.refusal, b.stale, b.notes)


def test_a_changed_formula_is_caught_by_the_digest_and_named_by_the_full_check(
        small_folder, catalogue: Catalogue, tmp_path: Path) -> None:
    folder, children = small_folder
    templates = TemplateSource(catalogue)
    read_matrix(children[0].path, folder, catalogue, templates, KEY)  # learn the openpyxl digests
    book = read_xlsx(children[1].path)
    ref = book.name_ref("IB_Nepieciesamais")
    assert ref is not None
    formula = book.cell(ref.sheet, ref.first).formula
    assert formula
    target = folder.parent / "labots" / "x.xlsx"
    target.parent.mkdir(exist_ok=True)
    escaped = formula.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    rewrite(children[1].path, target, ref.sheet,
            lambda data: data.replace(f"<f>{escaped}</f>".encode(), f"<f>{escaped}+1</f>".encode(), 1))
    result = read_matrix(target, target.parent.parent, catalogue, templates, KEY)
    assert result.refusal is not None and result.full_read is False
    assert any("formula mainīta" in r for r in result.refusal.reasons), result.refusal.reasons


def test_an_equivalent_spelling_is_learned_once(small_folder, catalogue: Catalogue, tmp_path: Path) -> None:
    """Formulas written in lower case (as another program may save them) differ from the template's bytes:
    the first such file is compared cell by cell and passes; its digest is then accepted for the next."""
    folder, children = small_folder
    templates = TemplateSource(catalogue)
    sheet = "6.4"

    def lower(data: bytes) -> bytes:
        import re

        return re.sub(rb"<f>([A-Z]+)\(", lambda m: b"<f>" + m.group(1).lower() + b"(", data)

    out = tmp_path / "m"
    out.mkdir()
    paths = [rewrite(c.path, out / f"{i}.xlsx", sheet, lower) for i, c in enumerate(children[:3])]
    with zipfile.ZipFile(paths[0]) as zf, zipfile.ZipFile(children[0].path) as orig:
        changed, before = zf.read(sheet_parts(zf)[sheet]), orig.read(sheet_parts(orig)[sheet])
    assert changed != before and formula_digest(changed) != formula_digest(before)
    results = [read_matrix(p, tmp_path, catalogue, templates, KEY) for p in paths]
    assert all(r.record is not None for r in results), [r.refusal for r in results]
    assert [r.full_read for r in results] == [True, False, False]


def test_hidden_cells_the_pattern_cannot_see_send_the_file_to_the_full_reader(small_folder, tmp_path: Path) -> None:
    _, children = small_folder
    path = children[0].path
    odd = rewrite(path, tmp_path / "odd.xlsx", "6.1", lambda data: data.replace(b'<c r="A1"', b'<c\n r="A1"', 1))
    assert read_fast(odd, {}) is None
    assert read_fast(path, {}) is not None
    loose = rewrite(path, tmp_path / "loose.xlsx", "6.1", lambda data: data.replace(b"</c>", b"</c >", 1))
    assert read_fast(loose, {}) is None  # a closing tag the pattern and the count do not see


def test_a_changed_fixed_value_is_caught_after_the_fixed_values_were_learned(
        small_folder, catalogue: Catalogue, tmp_path: Path) -> None:
    """The fixed (non-input) values are accepted by a raw digest an earlier file proved equal; a changed
    number in a fixed cell gives another digest, so it is decoded, compared and the full check names it."""
    folder, children = small_folder
    templates = TemplateSource(catalogue)
    first = [read_matrix(c.path, folder, catalogue, templates, KEY) for c in children[:3]]
    assert all(r.record is not None for r in first) and [r.full_read for r in first][1:] == [False, False]
    expected = templates.current()
    # a sheet whose fixed-value digest the first files taught (a sheet whose bytes, inputs cut, equal the first
    # file's is proven by its skeleton instead: which sheets those are depends on what the process read before)
    sheet, coord, ref = next((s, c, f"{chr(64 + c[1])}{c[0]}") for s, cells in expected.fixed.items()
                             if expected.fixed_keys.get(s)
                             for c, text in sorted(cells.items()) if text.startswith("v:n:") and c[1] <= 26)
    assert expected.fixed_keys.get(sheet), "the first files taught the fixed-value digest"

    target = tmp_path / "m" / "x.xlsx"
    target.parent.mkdir()
    rewrite(children[3].path, target, sheet, bump_value(ref))
    result = read_matrix(target, tmp_path, catalogue, templates, KEY)
    assert result.refusal is not None, f"{sheet}!{ref} changed but the file was used"
    # the cell named with its table (and label) as documents name it (ministrycheck F2)
    assert any(r.startswith(f"{sheet}. tabula, {ref}") and ": veidnes vērtība mainīta" in r
               for r in result.refusal.reasons), result.refusal.reasons
    good = read_matrix(children[4].path, folder, catalogue, templates, KEY)
    assert good.record is not None and good.full_read is False


def test_a_part_whose_checksum_does_not_match_is_refused_with_a_reason(small_folder, catalogue: Catalogue,
                                                                          tmp_path: Path) -> None:
    """The fast path inflates parts from the bytes in memory and checks each CRC as zipfile does."""
    from generator.ministry.collect import _init_worker, _read_one

    folder, children = small_folder
    data = bytearray(children[0].path.read_bytes())
    with zipfile.ZipFile(children[0].path) as zf:
        part = sheet_parts(zf)["6.3"]
        crc = zf.getinfo(part).CRC.to_bytes(4, "little")
    entry = data.find(b"PK\x01\x02")  # the central directory's entries
    while entry != -1:
        name_len = int.from_bytes(data[entry + 28:entry + 30], "little")
        if data[entry + 46:entry + 46 + name_len] == part.encode():
            assert data[entry + 16:entry + 20] == crc
            data[entry + 16:entry + 20] = (int.from_bytes(crc, "little") ^ 1).to_bytes(4, "little")
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    assert entry != -1
    target = tmp_path / "bojats" / "x.xlsx"
    target.parent.mkdir()
    target.write_bytes(bytes(data))
    templates = TemplateSource(catalogue)
    assert read_matrix(children[1].path, folder, catalogue, templates, KEY).record is not None  # digests learned
    _init_worker(catalogue, templates, KEY)
    result = _read_one((target, tmp_path, True, None))
    assert result.record is None and result.refusal is not None
    assert any("bojāts saspiestais saturs" in r for r in result.refusal.reasons), result.refusal.reasons
