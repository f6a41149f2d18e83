"""Re-collection: results of unchanged files come from the cache next to the outputs, verified by
content hash (never by name or time); a changed file, another key or foreign cache file are handled."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ministry import collect as collect_module
from generator.ministry.cache import CACHE_NAME
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY
from generator.ministry.xlsxpatch import fill_by_names
from tests.ministry.conftest import KEY
from tests.ministry.factory import copy_into_folders

ENV = {ENV_KEY: KEY.decode()}


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["collect", *args, "--jobs", "1"], env=env or ENV, catch_exceptions=False)


def csvs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / FINAL_DIR).glob("*.csv"))}


@pytest.fixture
def four(tmp_path: Path, small_folder) -> Path:
    _, children = small_folder
    return copy_into_folders(children[:4], tmp_path / "in")


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files actually read (not taken from the cache)."""
    read: list[Path] = []
    real = collect_module.read_matrix

    def reading(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        read.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(collect_module, "read_matrix", reading)
    return read


def test_only_the_changed_file_is_read_again(four: Path, tmp_path: Path, spy: list[Path]) -> None:
    out = tmp_path / "out" / "k.xlsx"
    first = run(str(four), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert len(spy) == 4 and (out.parent / CACHE_NAME).is_file()
    files = sorted(four.rglob("*.xlsx"))
    changed = files[1]
    fill_by_names(changed, changed, {"Fin_Citi": 12.5}, strip_cached=False)
    os.utime(files[2], (1, 1))  # another file only touched: its time does not matter
    spy.clear()
    second = run(str(four), "--out", str(out))
    assert second.exit_code == 0, second.output
    assert spy == [changed]
    assert "No kešatmiņas (.ibm-collect-cache.sqlite): 3 nemainīti faili; nolasīti no jauna: 1." in second.output
    cached = csvs(out.parent)
    spy.clear()
    fresh = tmp_path / "bez" / "k.xlsx"
    assert run(str(four), "--out", str(fresh), "--no-cache").exit_code == 0
    assert len(spy) == 4 and not (fresh.parent / CACHE_NAME).exists()
    assert csvs(fresh.parent) == cached  # the cache gives exactly what reading gives


def test_a_renamed_file_is_found_by_content_and_another_key_reads_everything(four: Path, tmp_path: Path,
                                                                              spy: list[Path]) -> None:
    out = tmp_path / "out" / "k.xlsx"
    assert run(str(four), "--out", str(out)).exit_code == 0
    path = sorted(four.rglob("*.xlsx"))[0]
    path.rename(path.with_name("parsaukts.xlsx"))
    spy.clear()
    result = run(str(four), "--out", str(out))
    assert result.exit_code == 0 and spy == [], result.output
    other = {ENV_KEY: "cita-atslega-0123456789-abcdefghijklmnop"}
    result = run(str(four), "--out", str(out), env=other)
    assert result.exit_code == 0 and len(spy) == 4, result.output  # results made with another key are not used


def test_a_foreign_file_of_the_cache_name_is_left_alone(four: Path, tmp_path: Path, spy: list[Path]) -> None:
    out = tmp_path / "out" / "k.xlsx"
    out.parent.mkdir()
    (out.parent / CACHE_NAME).write_bytes(b"mans fails")
    result = run(str(four), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "nav šīs rīkkopas kešatmiņa" in result.output
    assert (out.parent / CACHE_NAME).read_bytes() == b"mans fails"
    assert len(spy) == 4


def test_a_failed_run_writes_no_cache(four: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "k.xlsx"
    (out.parent / FINAL_DIR).mkdir(parents=True)
    (out.parent / FINAL_DIR / "svesais.csv").write_text("x", encoding="utf-8")
    assert run(str(four), "--out", str(out)).exit_code == 1
    assert not (out.parent / CACHE_NAME).exists()


def test_a_file_changed_with_the_same_size_and_time_is_read_again(four: Path, tmp_path: Path, spy: list[Path],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is found by the bytes' SHA-256 only; a first run (nothing cached) hashes no file itself:
    each file's digest comes from the reader that parsed those bytes."""
    hashed: list[int] = []
    real = collect_module._digests

    def digests(files, jobs):  # noqa: ANN001, ANN202
        hashed.append(len(files))
        return real(files, jobs)

    monkeypatch.setattr(collect_module, "_digests", digests)
    out = tmp_path / "out" / "k.xlsx"
    assert run(str(four), "--out", str(out)).exit_code == 0
    assert hashed == [] and len(spy) == 4
    changed = sorted(four.rglob("*.xlsx"))[2]
    before = changed.stat()
    data = bytearray(changed.read_bytes())
    with zipfile.ZipFile(changed) as zf:  # one byte of a sheet's compressed data: same size, other content
        info = max(zf.infolist(), key=lambda i: i.compress_size)
    middle = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    data[middle] ^= 0x01
    changed.write_bytes(bytes(data))
    os.utime(changed, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = changed.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    spy.clear()
    second = run(str(four), "--out", str(out))
    assert hashed == [4]
    assert spy == [changed], "only the file whose bytes changed is read again"
    assert second.exit_code == 3, second.output  # its damaged part is refused, not taken from the cache
    assert "No kešatmiņas (.ibm-collect-cache.sqlite): 3 nemainīti faili; nolasīti no jauna: 1." in second.output


def test_the_cache_holds_no_names_or_personal_codes(tmp_path: Path, small_folder) -> None:  # noqa: ANN001
    """audit15 F5, D120: the cache travels with the outputs; it keeps pseudonymous records only."""
    _, children = small_folder
    four = copy_into_folders(children[:4], tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    assert run(str(four), "--out", str(out)).exit_code == 0
    data = (out.parent / CACHE_NAME).read_bytes()
    for child in children[:4]:
        people = child.people
        for text in (people.child_name, people.child_code, people.parent_name, people.social_worker,
                     people.child_code.replace("-", "")):
            assert text.encode("utf-8") not in data, text
