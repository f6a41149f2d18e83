"""Matrices of an older registered template version (known only by the registry's row hashes) take the fast
path once a file of this run passed the full row comparison, give the same results as the full path, and a
changed fixed cell or formula is still caught and its row named; the version note is one line per folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.ministry import reading
from generator.ministry.collect import Options, collect
from generator.ministry.integrity import content
from generator.ministry.reading import read_matrix, template_mismatch
from generator.ministry.templates import TemplateSource, register_current
from generator.ministry.xlsxread import a1, read_xlsx
from generator.workbook.version import template_version
from tests.ministry.conftest import KEY
from tests.ministry.factory import changed_catalogue
from tests.ministry.test_fastread import bump_value, rewrite


@pytest.fixture(scope="module")
def older(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> tuple[Catalogue, Path]:
    """A newer catalogue and a registry holding the fixture catalogue's template: the small folder's
    matrices are then of an older registered version."""
    root = tmp_path_factory.mktemp("vecaka")
    newer = changed_catalogue(DEFAULT_CATALOGUE, root / "catalogue")
    assert newer.version != catalogue.version
    registry = root / "registrs.json"
    register_current(catalogue, registry)
    return newer, registry


def _read_all(paths: list[Path], root: Path, newer: Catalogue, templates: TemplateSource) -> list:
    return [read_matrix(p, root, newer, templates, KEY) for p in paths]


def test_older_version_takes_the_fast_path_with_the_same_results(small_folder, older, catalogue: Catalogue,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder, children = small_folder
    newer, registry = older
    templates = TemplateSource(newer, registry)
    fast = _read_all([c.path for c in children], folder, newer, templates)
    assert all(r.record is not None for r in fast), [r.refusal for r in fast]
    assert [r.full_read for r in fast] == [True] + [False] * (len(children) - 1)
    assert all(r.old_version == template_version(catalogue) for r in fast)
    assert templates.expected(template_version(catalogue)).row_keys, "the first file taught the locked-content keys"
    monkeypatch.setattr(reading, "read_fast", lambda path, keep=None, data=None: None)
    full = _read_all([c.path for c in children], folder, newer, TemplateSource(newer, registry))
    assert all(r.full_read for r in full)
    for a, b in zip(fast, full, strict=True):
        assert (a.record, a.refusal, a.stale, a.notes, a.old_version) == (
            b.record, b.refusal, b.stale, b.notes, b.old_version)


def _locked_number(path: Path) -> tuple[str, str]:
    """A sheet and address of a locked fixed number (part of the registry's row hashes)."""
    book = read_xlsx(path)
    cells = content(book)
    return next((s, a1(c)) for s in book.sheet_names for c, text in sorted(cells[s].items())
                if text.startswith("v:n:") and c[1] <= 26)


def _locked_formula(path: Path) -> tuple[str, str]:
    book = read_xlsx(path)
    cells = content(book)
    return next((s, a1(c)) for s in book.sheet_names for c, text in sorted(cells[s].items())
                if text.startswith("f:") and re.fullmatch(r"[A-Z][0-9]+", a1(c)))


@pytest.mark.parametrize("what", ["value", "formula"])
def test_a_changed_fixed_cell_of_an_older_version_is_caught_after_learning(
        small_folder, older, catalogue: Catalogue, tmp_path: Path, what: str) -> None:
    folder, children = small_folder
    newer, registry = older
    templates = TemplateSource(newer, registry)
    first = _read_all([c.path for c in children[:3]], folder, newer, templates)
    assert all(r.record is not None for r in first) and [r.full_read for r in first] == [True, False, False]
    sheet, ref = (_locked_number if what == "value" else _locked_formula)(children[3].path)
    row = re.sub(r"[A-Z]+", "", ref)

    def extend_formula(data: bytes) -> bytes:
        changed, n = re.subn(rf'(<c r="{ref}"[^>]*><f>)([^<]*)(</f>)'.encode(),
                             lambda m: m.group(1) + m.group(2) + b"+1" + m.group(3), data, count=1)
        assert n == 1, (sheet, ref)
        return changed

    change = bump_value(ref) if what == "value" else extend_formula

    target = tmp_path / "m" / "x.xlsx"
    target.parent.mkdir()
    rewrite(children[3].path, target, sheet, change)
    result = read_matrix(target, tmp_path, newer, templates, KEY)
    assert result.refusal is not None, f"{sheet}!{ref} changed but the file was used"
    assert result.refusal.reasons == (template_mismatch(template_version(catalogue)),
                                      f"{sheet}, {row}. rinda: formulas vai veidnes vērtības mainītas")
    good = read_matrix(children[4].path, folder, newer, templates, KEY)
    assert good.record is not None and good.full_read is False


def test_the_version_note_is_one_line_per_folder(small_folder, older, catalogue: Catalogue, tmp_path: Path) -> None:
    """Several used files of an older version in a folder: one counted line; a single one: named."""
    folder, children = small_folder
    newer, registry = older
    root = tmp_path / "m"
    shutil.copytree(folder, root)
    (root / "viens").mkdir()
    shutil.move(str(root / children[0].path.relative_to(folder)), root / "viens" / "viena.xlsx")
    files: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.xlsx")):
        files.setdefault(path.parent.name, []).append(path.relative_to(root).as_posix())
    assert any(len(v) > 1 for v in files.values())
    result = collect(root, newer, KEY, Options(jobs=1), templates=TemplateSource(newer, registry))
    assert len(result.records) == len(children)
    version_notes = [n for n in result.notes if "nav pašreizējā" in n]
    old_shown, new_shown = lvformat.version(template_version(catalogue)), lvformat.version(template_version(newer))
    # the same catalogue day on both: what differs is said (audit37 F9)
    new_shown += " – tā paša datuma katalogs, bet mainīts tā saturs (cenas, pakalpojumi vai parametri)"
    # both versions in one form, no nested brackets, no Markdown backticks in a summary cell (audit24 F11)
    one = (f"veidnes versija {old_shown} nav pašreizējā {new_shown}; pārbaudīta pēc saglabātās "
           "veidnes – cenas var būt novecojušas, apsveriet komandu „ibm migrate”")
    many = (f"matricas ir veidnes versijas {old_shown}, kas nav pašreizējā {new_shown}; pārbaudītas "
            "pēc saglabātās veidnes – cenas var būt novecojušas, apsveriet komandu „ibm migrate”")
    expected = [f"{name}: {len(rels)} {many}" if len(rels) > 1 else f"{rels[0]}: {one}"
                for name, rels in files.items()]
    assert sorted(version_notes) == sorted(expected)
    assert result.old_template == len(children)  # counted on the summary page (audit24 F26)


def test_the_count_agrees_in_latvian() -> None:
    from generator.ministry.reading import old_version_note

    old, current = "2023-04-01+1111aaaa.2", "2024-01-01+2222bbbb.3"
    assert old_version_note(old, current, 21).startswith(
        "21 matrica ir veidnes versijas 1111aaaa.2 (katalogs 01.04.2023), kas nav pašreizējā 2222bbbb.3 (katalogs "
        "01.01.2024);") and "pārbaudīta pēc" in old_version_note(old, current, 21)
    assert old_version_note(old, current, 11).startswith("11 matricas ir") and "pārbaudītas" in (
        old_version_note(old, current, 11))


def test_a_prefixed_cell_the_pattern_cannot_see_sends_the_file_to_the_full_reader(small_folder, tmp_path: Path) -> None:
    """A cell written with a namespace prefix is read by the full reader but matched neither by the pattern
    nor by the count of ``</c>``: the scan must not vouch for such a sheet."""
    from generator.ministry.fastread import read_fast

    _, children = small_folder
    path = children[0].path
    hidden = (b'<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="Z999">'
              b"<x:v>7</x:v></x:c>")
    odd = rewrite(path, tmp_path / "odd.xlsx", "6.1", lambda data: data.replace(b"</row>", hidden + b"</row>", 1))
    assert read_xlsx(odd).cells["6.1"][(999, 26)].value == 7  # the full reader sees it
    assert read_fast(odd, {}) is None
    assert read_fast(path, {}) is not None


def test_a_formula_typed_over_in_an_older_version_is_named_by_its_cell(
        small_folder, older, catalogue: Catalogue, tmp_path: Path) -> None:
    """A formula replaced by its value in a matrix of an older registered version (row hashes only): collect names the
    cell as `ibm migrate` does („6.4. tabula, E57 „…”: formula aizstāta ar vērtību …”), not only its row."""
    folder, children = small_folder
    newer, registry = older
    templates = TemplateSource(newer, registry)
    book = read_xlsx(children[3].path)
    # the last formula of 6.4 (its amounts: P, N, A, K), typed over with a number as a worker would
    sheet, ref = "6.4", [a1(c) for c, text in sorted(content(book)["6.4"].items())
                         if text.startswith("f:") and re.fullmatch(r"[A-Z][0-9]+", a1(c))][-1]

    def drop_formula(data: bytes) -> bytes:
        changed, n = re.subn(rf'(<c r="{ref}")([^>]*)>(?:<f>[^<]*</f>)(?:<v>[^<]*</v>)?</c>'.encode(),
                             lambda m: m.group(1) + re.sub(rb' t="[^"]*"', b"", m.group(2)) + b"><v>2900</v></c>",
                             data, count=1)
        assert n == 1, (sheet, ref)
        return changed

    target = tmp_path / "m" / "x.xlsx"
    target.parent.mkdir()
    rewrite(children[3].path, target, sheet, drop_formula)
    result = read_matrix(target, tmp_path, newer, templates, KEY)
    assert result.refusal is not None, f"{sheet}!{ref} typed over but the file was used"
    reasons = result.refusal.reasons
    assert reasons[0] == template_mismatch(template_version(catalogue)) and len(reasons) == 2, reasons
    assert f", {ref}" in reasons[1] and ": formula aizstāta ar vērtību " in reasons[1], reasons
    assert "rinda: formulas vai veidnes vērtības mainītas" not in reasons[1], reasons
