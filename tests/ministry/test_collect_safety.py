"""`ibm collect` never loses a file and survives hostile input: outputs it does not own are refused,
a failed replacement leaves the previous outputs byte-identical, a broken file refuses only itself,
and the exit status tells what happened (0 all used, 3 written with refusals, 1 nothing written)."""

from __future__ import annotations

import errno
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry import output
from generator.ministry.cache import CACHE_NAME
from generator.ministry.collect import Options, collect, pilot_municipalities
from generator.ministry.output import FINAL_DIR, MANIFEST, OutputError, write_outputs
from generator.ministry.pseudonym import ENV_KEY
from generator.ministry.summary_book import SHEETS
from generator.ministry.xlsxread import sheet_parts
from tests.ministry.conftest import KEY
from tests.ministry.factory import copy_into_folders

ENV = {ENV_KEY: KEY.decode()}
REPO = Path(__file__).resolve().parents[2]


def run(*args: str):
    return CliRunner().invoke(main, ["collect", *args, "--jobs", "1"], env=ENV, catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def three(tmp_path: Path, small_folder) -> Path:
    """Three good matrices in two municipality folders."""
    _, children = small_folder
    return copy_into_folders(children[:3], tmp_path / "in")


def rewrite_member(src: Path, dst: Path, member: str, change) -> None:  # noqa: ANN001
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == member else data)


def first_sheet(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return sheet_parts(zf)["6.1"]


def good_file(folder: Path) -> Path:
    return next(iter(sorted(folder.rglob("*.xlsx"))))


# --- outputs never overwrite inputs or foreign files ---------------------------------------------------------
def test_input_folder_named_like_the_output_folder_is_refused(three: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "darbs" / FINAL_DIR
    shutil.move(three, inputs)
    before = snapshot(inputs)
    result = run(str(inputs), "--out", str(tmp_path / "darbs" / "k.xlsx"))
    assert result.exit_code == 2, result.output  # a parameter error (audit37 F8)
    assert "pārklājas" in result.output and "nekas netika uzrakstīts" in result.output
    assert snapshot(inputs) == before
    assert not (tmp_path / "darbs" / "k.xlsx").exists()


def test_previous_folder_named_like_the_output_folder_is_refused(three: Path, tmp_path: Path) -> None:
    previous = tmp_path / "darbs" / FINAL_DIR
    shutil.copytree(three, previous)
    before = snapshot(previous)
    result = run(str(three), "--out", str(tmp_path / "darbs" / "k.xlsx"), "--previous", str(previous))
    assert result.exit_code == 2, result.output  # a parameter error (audit37 F8)
    assert "--previous" in result.output and "pārklājas" in result.output
    assert snapshot(previous) == before


def test_output_folder_linked_to_the_inputs_is_refused(three: Path, tmp_path: Path) -> None:
    (tmp_path / "darbs").mkdir()
    (tmp_path / "darbs" / FINAL_DIR).symlink_to(three, target_is_directory=True)
    before = snapshot(three)
    result = run(str(three), "--out", str(tmp_path / "darbs" / "k.xlsx"))
    assert result.exit_code == 2, result.output  # a parameter error (audit37 F8)
    assert snapshot(three) == before


def test_a_users_file_in_an_existing_output_folder_is_never_removed(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "darbs" / "k.xlsx"
    (out.parent / FINAL_DIR).mkdir(parents=True)
    mine = out.parent / FINAL_DIR / "mana-tabula.xlsx"
    mine.write_bytes(b"lietotaja dati")
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "nav izveidojis ibm collect" in result.output
    assert "komanda nepārraksta" in result.output and "nepārrakstīšu" not in result.output  # impersonal (audit35b F9d)
    assert mine.read_bytes() == b"lietotaja dati" and not out.exists()
    # the same file put into a folder the command did create
    mine.unlink()
    (out.parent / FINAL_DIR).rmdir()
    assert run(str(three), "--out", str(out)).exit_code == 0
    mine.write_bytes(b"lietotaja dati")
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 1 and "fails, ko komanda ibm collect nav rakstījusi: mana-tabula.xlsx; pārvietojiet šo failu citur" in result.output, result.output
    assert "citur vai izvēlieties --out citā mapē; nekas netika uzrakstīts" in result.output, result.output  # F8
    assert mine.read_bytes() == b"lietotaja dati"


def test_a_users_empty_folder_in_the_output_folder_is_never_removed(three: Path, tmp_path: Path) -> None:
    """D119 via generator/own_files.py: the swap replaces galigie-apmeri/ whole, so an empty folder the user made
    there (or one holding only empty folders) is named and stops the run; a second identical run into the
    command's own output is not refused by it, and writes the same bytes – the summary too, whose properties
    carry the run day, not the second it was written (audit24 F1), so the manifest's checksums stay (from the second
    re-run on: the first adds the sheet „Izmaiņas pret iepriekšējo” saying nothing changed, D368)."""
    out = tmp_path / "darbs" / "k.xlsx"
    assert run(str(three), "--out", str(out)).exit_code == 0
    assert run(str(three), "--out", str(out)).exit_code == 0
    before = snapshot(out.parent / FINAL_DIR) | {"k.xlsx": out.read_bytes()}
    time.sleep(1.1)  # the clock has moved on by a second at least (xlsxwriter writes seconds when not told)
    assert run(str(three), "--out", str(out)).exit_code == 0
    assert snapshot(out.parent / FINAL_DIR) | {"k.xlsx": out.read_bytes()} == before
    assert not [p for p in (out.parent / FINAL_DIR).rglob("*") if p.is_dir()]  # no folder of its own in it
    first = snapshot(out.parent)
    (out.parent / FINAL_DIR / "parakstitie" / "2019").mkdir(parents=True)
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "mape, ko komanda ibm collect nav izveidojusi: parakstitie/; pārvietojiet šo mapi citur" in result.output
    assert "nekas netika uzrakstīts" in result.output
    assert (out.parent / FINAL_DIR / "parakstitie" / "2019").is_dir() and snapshot(out.parent) == first


def test_a_foreign_or_edited_summary_is_not_overwritten(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "darbs" / "k.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"cits fails")
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 1 and "nav izveidojis ibm collect" in result.output, result.output
    assert "to komanda nepārraksta" in result.output and "nepārrakstīšu" not in result.output
    assert out.read_bytes() == b"cits fails"
    out.unlink()
    assert run(str(three), "--out", str(out)).exit_code == 0
    csv = next((out.parent / FINAL_DIR).glob("*.csv"))
    csv.write_bytes(csv.read_bytes() + b"labots\n")
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 1 and f"fails, kas mainīts pēc tam, kad komanda ibm collect to uzrakstīja: {csv.name};" in result.output, result.output


def test_rerun_replaces_its_own_outputs(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "darbs" / "k.xlsx"
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 0, result.output
    # a first run replaces nothing, and says so
    assert "Saglabā rezultātus" in result.output and "Aizvieto iepriekšējos" not in result.output, result.output
    first = snapshot(out.parent / FINAL_DIR)
    assert MANIFEST in first
    (three / good_file(three).relative_to(three)).unlink()
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Izmantotas 2 matricas" in result.output
    # a matrix fewer: the summary gains the sheet of changes against the replaced result, which the console names (D362)
    assert f"Raksta kopsavilkumu: lapa 1/{len(SHEETS) + 1} " in result.output and "Aizvieto iepriekšējos rezultātus" in result.output
    assert "Izmaiņas salīdzinājumā ar aizstāto rezultātu" in result.output and "1 bērns izņemts" in result.output
    assert "Saglabā rezultātus" not in result.output
    assert snapshot(out.parent / FINAL_DIR) != first
    assert sorted(p.name for p in out.parent.iterdir()) == [CACHE_NAME, FINAL_DIR, "k.xlsx"]  # no temporary folder


def test_failure_while_replacing_leaves_previous_outputs_byte_identical(three: Path, tmp_path: Path,
                                                                        catalogue: Catalogue,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "darbs" / "k.xlsx"
    assert run(str(three), "--out", str(out)).exit_code == 0
    before = snapshot(out.parent)
    good_file(three).unlink()
    result = collect(three, catalogue, KEY, Options(jobs=1))
    real_rename = os.rename
    calls = {"n": 0}

    real_link = os.link

    def failing(real):  # noqa: ANN001, ANN202
        def move(src, dst, **kwargs) -> None:  # noqa: ANN001, ANN003
            calls["n"] += 1
            if Path(dst) == out and not calls.get("failed"):  # the summary is the last thing moved into place
                calls["failed"] = True
                raise OSError(errno.EIO, "simulēta kļūme", str(dst))
            real(src, dst, **kwargs)
        return move

    monkeypatch.setattr(os, "rename", failing(real_rename))
    monkeypatch.setattr(os, "link", failing(real_link))
    with pytest.raises(OSError):
        write_outputs(out, result, catalogue, pilot_municipalities(catalogue))
    assert calls["n"] >= 3
    assert snapshot(out.parent) == before


def test_read_only_output_location_is_a_latvian_message(three: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "ro"))

    monkeypatch.setattr(output, "staging_folder", denied)
    result = run(str(three), "--out", str(tmp_path / "ro" / "k.xlsx"))
    assert result.exit_code == 1
    assert "rezultātus nevar uzrakstīt: nav piekļuves tiesību" in result.output
    assert "Traceback" not in result.output
    blocker = tmp_path / "fails"
    blocker.write_text("x")
    monkeypatch.undo()
    result = run(str(three), "--out", str(blocker / "k.xlsx"))  # a file on the way: a wrong --out (audit35b F9g)
    assert result.exit_code == 2 and "Kļūda:" in result.output and "Traceback" not in result.output, result.output
    assert f"„{blocker}” ir fails, nevis mape" in result.output, result.output


def test_missing_folder_is_a_latvian_message(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nav"), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 2 and "nav atrasta" in result.output and "Traceback" not in result.output


def test_envelope_in_fractions_of_a_cent_is_refused(three: Path, tmp_path: Path) -> None:
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"), "--envelope", "2000.019")
    assert result.exit_code == 2
    assert "--envelope „2000.019” nav veselos centos" in result.output
    assert not (tmp_path / "k.xlsx").exists()
    assert run(str(three), "--out", str(tmp_path / "k.xlsx"), "--envelope", "2000,01").exit_code == 0


# --- one bad file refuses only itself ------------------------------------------------------------------------
def test_bad_shared_string_index_refuses_only_that_file(three: Path, tmp_path: Path) -> None:
    good = good_file(three)
    bad = good.with_name("sst.xlsx")

    def wrong_index(data: bytes) -> bytes:
        # the first cell holding a number becomes a shared-string cell pointing past the table
        new, count = re.subn(rb'<c r="([A-Z]+[0-9]+)"([^>]*?) t="n"><v>[^<]*</v>',
                             rb'<c r="\1"\2 t="s"><v>99999999</v>', data, count=1)
        assert count == 1
        return new

    rewrite_member(good, bad, first_sheet(good), wrong_index)
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 3, result.output
    assert "Izmantotas 3 matricas, neizmantota 1" in result.output
    assert "Neizmantots 1 fails (sk. sarakstu augstāk); izejas statuss 3." in result.output  # audit24 F7
    # audit24 F5: the rule-error warning points to the sheet that names each error
    # (the files named first, D268; the column by its header „Kļūdu skaits”)
    assert ("; katra kļūda ar vietu matricā – lapā „Noteikumu kļūdas”; skaits – lapas „Bērni” kolonnā „Kļūdu "
            "skaits”); apmēri aprēķināti, kā matricā ievadīts") in " ".join(result.output.split())
    # a file that cannot be read is named by its hash: it may be named after the child (audit35b F1)
    assert f"{bad.parent.name}/matrica-" in result.output and "sst.xlsx" not in result.output and "bojāta atsauce uz kopīgo tekstu" in result.output


def test_corrupt_deflate_stream_refuses_only_that_file(three: Path, tmp_path: Path) -> None:
    good = good_file(three)
    bad = good.with_name("bojats.xlsx")
    raw = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo(first_sheet(good))
    # the member's data start: local header (30 bytes) + name + extra
    name_len = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
    data = info.header_offset + 30 + name_len + extra_len
    for i in range(data + 10, data + min(info.compress_size, 400), 7):
        raw[i] ^= 0x5A
    bad.write_bytes(bytes(raw))
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 3, result.output
    assert "Izmantotas 3 matricas, neizmantota 1" in result.output
    assert f"{bad.parent.name}/matrica-" in result.output and "bojats.xlsx" not in result.output
    line = next(x for x in result.output.splitlines() if f"{bad.parent.name}/matrica-" in x)
    assert "bojāt" in line and "Traceback" not in result.output


def test_zip_bomb_is_refused_under_a_memory_limit(three: Path, tmp_path: Path) -> None:
    """A sheet that would decompress to 600 MB is refused from the zip directory, in a process whose
    address space is limited to 1.5 GB; the good files are still collected."""
    good = good_file(three)
    bomb = good.with_name("bumba.xlsx")
    member = first_sheet(good)
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            if info.filename != member:
                zout.writestr(info, zin.read(info.filename))
                continue
            with zout.open(member, "w", force_zip64=True) as fh:
                head = zin.read(member)
                cut = head.index(b"<sheetData>") + len(b"<sheetData>")
                fh.write(head[:cut])
                chunk = b'<row r="1"><c r="A1"><v>1</v></c></row>' * 30_000
                for _ in range(600 * (1 << 20) // len(chunk)):
                    fh.write(chunk)
                fh.write(head[cut:])
    assert bomb.stat().st_size < 5 << 20
    out = tmp_path / "k.xlsx"
    limit = 1536 << 20

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, ENV_KEY: KEY.decode(), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", "from generator.cli import main; main()", "collect", str(three),
                           "--out", str(out), "--jobs", "1"], capture_output=True, text=True, env=env, preexec_fn=limited, timeout=300,
                          cwd=REPO, check=False)
    assert done.returncode == 3, done.stderr
    assert "bumba.xlsx" not in done.stderr and ".xlsx: ZIP daļa" in done.stderr and "ZIP bumba" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert "Izmantotas 3 matricas, neizmantota 1" in done.stdout
    assert out.is_file()


# --- duplicates and misplaced files --------------------------------------------------------------------------
def test_byte_identical_copy_is_used_once_with_a_note(three: Path, tmp_path: Path) -> None:
    good = good_file(three)
    shutil.copy(good, good.with_name("kopija.xlsx"))
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 0, result.output
    assert "Izmantotas 3 matricas, neizmantotas 0" in result.output
    # „kopija.xlsx” sorts first, but its name says it is the copy: the summary names the original (D214)
    first, copy = good.relative_to(three).as_posix(), f"{good.parent.name}/kopija.xlsx"
    assert copy < first
    assert (f"Piezīme: {copy}: tas pats fails (identisks pa baitam) kā {first}; izmantots vienreiz – kopsavilkumā kā "
            f"{first}, šis fails atsevišķi nav skaitīts") in result.output  # the name the summary uses (audit24 F12)


@pytest.mark.parametrize("copy_name", ["{stem} - Copy.xlsx", "Copy of {stem}.xlsx", "{stem} (1).xlsx"])  # more: test_file_copies
def test_the_original_is_kept_whatever_sorts_first(three: Path, tmp_path: Path, copy_name: str) -> None:
    """D214: Windows, macOS and browsers name a copy so that it often sorts before its original; the summary then
    named the copy as the file used. A name that looks like a copy yields to one that does not."""
    good = good_file(three)
    copy = good.with_name(copy_name.format(stem=good.stem))
    shutil.copy(good, copy)
    assert sorted([copy, good])[0] == copy
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 0, result.output
    first, copied = good.relative_to(three).as_posix(), copy.relative_to(three).as_posix()
    assert (f"Piezīme: {copied}: tas pats fails (identisks pa baitam) kā {first}; izmantots vienreiz – kopsavilkumā "
            f"kā {first}, šis fails atsevišķi nav skaitīts") in result.output, result.output


def test_identical_files_neither_named_a_copy_keep_the_first_by_name(three: Path, tmp_path: Path) -> None:
    """audit24 F12 stays where the names do not tell: the first by name is used and named."""
    good = good_file(three)
    other = good.with_name("0-" + good.name)
    shutil.copy(good, other)
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 0, result.output
    first, copied = other.relative_to(three).as_posix(), good.relative_to(three).as_posix()
    assert f"Piezīme: {copied}: tas pats fails (identisks pa baitam) kā {first}; izmantots vienreiz" in result.output


def test_the_summary_accounts_for_every_file_by_its_name(three: Path, tmp_path: Path) -> None:
    """audit21 F5, F6, F8: the summary workbook is the record. A refused file is named in the README's form
    (matrica-<hash>.xlsx: an unread file's name cannot be checked for a child's name) under the period it belongs to
    (not „šis”), and a byte-identical copy is counted and noted there too, so that the files reconcile on paper."""
    import hashlib

    from openpyxl import load_workbook

    good = good_file(three)
    shutil.copy(good, good.with_name("kopija.xlsx"))
    (good.parent / "bojata.xlsx").write_bytes(b"nav xlsx")
    (good.parent / "veca.xls").write_bytes(b"\xd0\xcf\x11\xe0 veca Excel formata")
    out = tmp_path / "k.xlsx"
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 3, result.output
    wb = load_workbook(out)
    refused = [[c.value for c in row] for row in wb["Neizmantotās matricas"].iter_rows(min_row=4) if row[0].value]
    period = wb["Kopsavilkums"]["A1"].value.rsplit("pārskata periods ", 1)[1]
    digest = hashlib.sha256((good.parent / "bojata.xlsx").read_bytes()).hexdigest()
    # each by its own suffix: the .xls is not shown as an .xlsx (audit27b F3)
    old = hashlib.sha256((good.parent / "veca.xls").read_bytes()).hexdigest()
    assert sorted(r[:3] for r in refused) == sorted([[period, good.parent.name, f"matrica-{digest[:12]}.xlsx"],
                                                     [period, good.parent.name, f"matrica-{old[:12]}.xls"]]), refused
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}", period), period
    first, copy = good.relative_to(three).as_posix(), f"{good.parent.name}/kopija.xlsx"  # the copy by name (D214)
    assert len(refused) == 2, refused  # the notes on used files are not under "unused" (audit24 F26)
    notes = [row[1].value for row in wb["Piezīmes par failiem"].iter_rows(min_row=4)]
    assert f"{copy}: tas pats fails (identisks pa baitam) kā {first}; izmantots vienreiz – kopsavilkumā kā {first}, " \
           "šis fails atsevišķi nav skaitīts" in notes, notes
    summary = {row[0].value: row[1].value for row in wb["Kopsavilkums"].iter_rows(min_row=4) if row[0].value}
    assert summary["Neizmantoto matricu skaits"] == 2 and summary["Identisku kopiju skaits (izmantotas vienreiz)"] == 1
    assert summary["Matricu skaits vecākā veidnē (ieteicams „ibm migrate”)"] == 0
    assert wb["Kopsavilkums"]["A1"].value.startswith("IBM galīgo apmēru aprēķins (3. posms, provizoriski) – ")  # F20


def test_a_matrix_in_another_municipalitys_folder_is_noted_in_the_summary_too(three: Path, tmp_path: Path) -> None:
    """audit27b F4: the console's warning about a matrix in another municipality's folder is on „Piezīmes par
    failiem” too, which says it holds the command's notes."""
    from openpyxl import load_workbook

    good = good_file(three)
    other = next(d for d in sorted(three.iterdir()) if d != good.parent)
    moved = other / good.name
    shutil.move(good, moved)
    out = tmp_path / "k.xlsx"
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 0, result.output
    warning = next((line for line in result.output.splitlines()
                    if line.startswith(f"Brīdinājums: {other.name}/{good.name}: matricā norādītā pašvaldība ir ")),
                   None)
    assert warning is not None and f"bet fails ir mapē „{other.name}”" in warning, result.output
    notes = [row[1].value for row in load_workbook(out)["Piezīmes par failiem"].iter_rows(min_row=4)]
    assert notes == [warning], notes


def test_no_unused_file_is_one_line_not_an_empty_table(three: Path, tmp_path: Path) -> None:
    """audit24 F13: the header of „Neizmantotās matricas” was followed by an empty row."""
    from openpyxl import load_workbook

    out = tmp_path / "k.xlsx"
    assert run(str(three), "--out", str(out)).exit_code == 0
    wb = load_workbook(out)
    assert wb["Neizmantotās matricas"]["A4"].value == "Neizmantotu matricu nav."
    assert wb["Piezīmes par failiem"]["A4"].value == "Piezīmju nav."
    assert wb.sheetnames.index("Piezīmes par failiem") == wb.sheetnames.index("Neizmantotās matricas") + 1


def test_cash_sheets_show_only_the_municipalities_that_sent_matrices(three: Path, tmp_path: Path,
                                                                     catalogue: Catalogue) -> None:
    """audit21 F15, D138: three columns per pilot municipality filled most printed pages with zeros; the cash
    sheets show the municipalities whose matrices were collected, „Pašvaldības” still lists every one of the round."""
    from openpyxl import load_workbook

    out = tmp_path / "k.xlsx"
    result = run(str(three), "--out", str(out))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    names = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    sent = sorted(p.name for p in three.iterdir() if p.is_dir())
    assert 1 < len(sent) < len(catalogue.pilot_municipalities())
    for sheet in ("Naudas plūsma", "Ceturkšņi"):
        headers = [c.value for c in wb[sheet][3] if c.value]
        shown = sorted({h.split(": ")[0] for h in headers if ": " in h})
        assert shown == sorted(names[m] for m in sent), (sheet, headers)
        assert "lēmums D138" in wb[sheet]["A2"].value
        # D299: „Pašvaldības” lists the collected round's municipalities, not every programme's
        assert "lapā „Pašvaldības” ir visas tās programmas kārtas pašvaldības, kuras periodu savāc, arī tās, no " \
               "kurām matricas nav savāktas" in wb[sheet]["A2"].value
    # audit24 F21: „Pakalpojumi” too, one column per municipality that sent matrices, then the two totals
    headers = [c.value for c in wb["Pakalpojumi"][3] if c.value]
    assert headers[-2:] == ["Kopā no IB EUR", "Kopā plānā EUR (N)"], headers
    assert sorted(headers[1:-2]) == sorted(f"{names[m]}: no IB EUR" for m in sent), headers
    assert "lēmums D138" in wb["Pakalpojumi"]["A2"].value
    listed = [r[0].value for r in wb["Pašvaldības"].iter_rows(min_row=4) if r[0].value]
    assert len(listed) > len(sent) + 1, listed


def test_matrix_in_another_municipalitys_folder_is_a_warning(three: Path, tmp_path: Path,
                                                             catalogue: Catalogue) -> None:
    good = good_file(three)
    mine = good.parent.name
    other = next(m for m in pilot_municipalities(catalogue) if m != mine and not (three / m).exists())
    (three / other).mkdir()
    shutil.move(good, three / other / "parvietota.xlsx")
    result = run(str(three), "--out", str(tmp_path / "k.xlsx"))
    assert result.exit_code == 0, result.output
    names = {m.id: m.name_lv for m in catalogue.municipalities.municipalities}
    # the folder's own warning (the rule-error warning may name the file too, D268)
    line = next(x for x in result.output.splitlines() if x.startswith(f"Brīdinājums: {other}/parvietota.xlsx: "))
    assert line.startswith("Brīdinājums:") and names[mine] in line and names[other] in line, line


def test_direct_output_error_names_the_foreign_file(three: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    out = tmp_path / "k.xlsx"
    (tmp_path / FINAL_DIR).mkdir()
    (tmp_path / FINAL_DIR / MANIFEST).write_text('{"tool": "ibm collect", "files": {}}', encoding="utf-8")
    (tmp_path / FINAL_DIR / "piezimes.txt").write_text("mans", encoding="utf-8")
    result = collect(three, catalogue, KEY, Options(jobs=1))
    with pytest.raises(OutputError, match="piezimes.txt"):
        write_outputs(out, result, catalogue, pilot_municipalities(catalogue))
    assert (tmp_path / FINAL_DIR / "piezimes.txt").read_text(encoding="utf-8") == "mans"


def test_a_worker_that_dies_does_not_stop_the_collection(small_folder, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading process killed in the middle of a file (out of memory, a crash in a library): the files
    it had not finished are read again one by one, and every file is used."""
    from generator.ministry import collect as collect_module

    folder, children = small_folder
    main_pid = os.getpid()
    victim = children[3].path.name
    real = collect_module.read_matrix

    def dying(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if path.name == victim and os.getpid() != main_pid:
            os._exit(9)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(collect_module, "read_matrix", dying)
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx"), "--jobs", "2",
                                       "--no-cache"], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"Izmantotas {len(children)} matricas, neizmantotas 0" in result.output
