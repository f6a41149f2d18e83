"""The swap of generator/replace_file.py that `ibm build`, `ibm documents` and `ibm collect` use: a failed move puts
the previous outputs back, a failed run leaves nothing new beside them, a previous output that cannot be moved back
is kept where the error says (never removed with the staging folder), and nothing that appears at a target
meanwhile is overwritten."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import replace_file, staging_mark
from generator.interrupts import interrupt_once
from generator.replace_file import PreviousAside, replace_folder, staged_folder, swap, swap_final


def _folder(path: Path, **files: str) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_a_failed_move_puts_the_previous_folder_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    staging = _folder(tmp_path / ".ibm-jauns", **{"jaunais.txt": "jaunais"})
    real = os.rename

    def rename(src: Path, dst: Path) -> None:
        if Path(src) == staging:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    with pytest.raises(OSError) as raised:
        replace_folder(staging, out)
    assert not isinstance(raised.value, PreviousAside)
    assert (out / "vecais.txt").read_text(encoding="utf-8") == "iepriekšējais"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ibm-jauns", "b"]


def test_a_failed_setting_aside_leaves_no_hidden_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the empty `.b-vecais-XXXX` folder made for the previous build stayed in the user's folder."""
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    staging = _folder(tmp_path / ".ibm-jauns", **{"jaunais.txt": "jaunais"})
    real = os.rename

    def rename(src: Path, dst: Path) -> None:
        if Path(src) == out:
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    with pytest.raises(PermissionError):
        replace_folder(staging, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ibm-jauns", "b"]
    assert (out / "vecais.txt").read_text(encoding="utf-8") == "iepriekšējais"


def test_a_previous_folder_that_cannot_come_back_is_kept_and_named(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Something takes the target's name while the new folder is moved: the previous output cannot be moved back.
    Before: it stayed under a hidden name (collect: inside the staging folder, which was then removed) and the
    error named only the failed move."""
    out = _folder(tmp_path / "galigie-apmeri", **{"riga.csv": "iepriekšējais"})
    real = os.rename
    with staged_folder(tmp_path, ".ibm-collect-") as tmp:
        new = _folder(tmp / "galigie-apmeri", **{"riga.csv": "jaunais"})

        def rename(src: Path, dst: Path) -> None:
            if Path(src) == new:  # into the empty folder the fallback claimed the name with, or in its place
                out.mkdir(exist_ok=True)
                (out / "x").write_text("kāds cits", encoding="utf-8")
            real(src, dst)

        monkeypatch.setattr(os, "rename", rename)
        monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
        with pytest.raises(PreviousAside) as raised:
            swap([(new, out)])
        monkeypatch.undo()
    aside = raised.value.aside
    assert str(aside) in str(raised.value) and "iepriekšējos rezultātus" in str(raised.value)
    kept = [p for p in tmp_path.rglob("riga.csv") if p.read_text(encoding="utf-8") == "iepriekšējais"]
    assert kept and all(p.is_relative_to(aside) for p in kept)
    assert (out / "x").read_text(encoding="utf-8") == "kāds cits"  # what appeared there is not touched either
    assert not list(tmp_path.glob(".ibm-collect-*"))


def test_a_new_file_never_overwrites_one_that_appeared_at_its_target(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The previous file is set aside; a user's file written to that name right then stays, and so does the previous
    one (moved back is impossible, so it is kept aside and named)."""
    target = tmp_path / "k.xlsx"
    target.write_text("iepriekšējais", encoding="utf-8")
    new = tmp_path / ".ibm-jauns.xlsx"
    new.write_text("jaunais", encoding="utf-8")
    real = os.rename

    def rename(src: Path, dst: Path) -> None:
        real(src, dst)
        if Path(src) == target:
            target.write_text("lietotāja", encoding="utf-8")

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    with pytest.raises(PreviousAside) as raised:
        swap([(new, target)])
    assert target.read_text(encoding="utf-8") == "lietotāja"
    assert [p.read_text(encoding="utf-8") for p in raised.value.aside.iterdir()] == ["iepriekšējais"]
    assert new.read_text(encoding="utf-8") == "jaunais"


def test_a_successful_swap_leaves_only_the_new_outputs(tmp_path: Path) -> None:
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    target = tmp_path / "k.txt"
    target.write_text("iepriekšējais", encoding="utf-8")
    with staged_folder(tmp_path, ".ibm-x-") as tmp:
        new = _folder(tmp / "b", **{"jaunais.txt": "jaunais"})
        (tmp / "k.txt").write_text("jaunais", encoding="utf-8")
        swap([(new, out), (tmp / "k.txt", target)])
        assert target.stat().st_nlink == 1 and not (tmp / "k.txt").exists()  # the staging name is dropped at once (F9)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "k.txt"]
    assert [p.name for p in out.iterdir()] == ["jaunais.txt"] and target.read_text(encoding="utf-8") == "jaunais"


def _no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that refuses link() (a vfat/exFAT stick, some network mounts)."""
    def no_link(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)


def test_files_are_swapped_where_hard_links_are_not_possible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A vfat/exFAT stick or some network mounts refuse link(): the new file is renamed into place instead (F1)."""
    target = tmp_path / "k.txt"
    target.write_text("iepriekšējais", encoding="utf-8")
    new = tmp_path / ".ibm-jauns.txt"
    new.write_text("jaunais", encoding="utf-8")

    _no_hard_links(monkeypatch)
    swap([(new, target)])
    assert target.read_text(encoding="utf-8") == "jaunais"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.txt"]


def test_a_later_failed_placement_takes_the_earlier_new_outputs_back(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two files: the second cannot be placed, so the first new one is taken out again and both previous ones come
    back – a clean rollback, not PreviousAside (F2)."""
    targets = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for t in targets:
        t.write_text(f"iepriekšējais {t.name}", encoding="utf-8")
    with staged_folder(tmp_path, ".ibm-x-") as tmp:
        pairs = [(tmp / t.name, t) for t in targets]
        for new, t in pairs:
            new.write_text(f"jaunais {t.name}", encoding="utf-8")
        real = os.link

        def link(src: object, dst: object, **kwargs: object) -> None:
            if Path(str(dst)).name == "b.txt":
                raise OSError(errno.ENOSPC, "No space left on device")
            real(src, dst, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "link", link)
        with pytest.raises(OSError) as raised:
            swap(pairs)
    assert not isinstance(raised.value, PreviousAside)
    assert [t.read_text(encoding="utf-8") for t in targets] == ["iepriekšējais a.txt", "iepriekšējais b.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


RO_SCRIPT = """
import os, sys
from pathlib import Path
from generator.replace_file import replace_folder  # imported as root: the worktree may not be readable by 65534
d = Path(sys.argv[1])
if os.geteuid() == 0:  # root ignores permissions: drop to an unprivileged uid (it needs no passwd entry)
    os.setgid(65534)
    os.setuid(65534)
replace_folder(d / ".ibm-build-x", d / "build")
print(sorted(p.name for p in d.iterdir()), (d / "build" / "a.txt").read_text())
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_previous_folder_is_replaced() -> None:
    """A previous build made read-only (chmod -R a-w, or copied from read-only media) is replaced, as before the
    shared swap; before the fix the run failed with "Permission denied …/0-build" (F4). Root ignores permissions, so
    the swap runs in a child process that, when started as root, drops to the unprivileged uid 65534."""
    with tempfile.TemporaryDirectory() as name:  # in /tmp: pytest's own folder is not open to other users
        _read_only_swap(Path(name) / "w")


def _read_only_swap(folder: Path) -> None:
    folder.mkdir()
    _folder(folder / "build", **{"a.txt": "iepriekšējais"})
    _folder(folder / ".ibm-build-x", **{"a.txt": "jaunais"})
    os.chmod(folder.parent, 0o755)
    if os.geteuid() == 0:
        for path in [*folder.rglob("*"), folder]:
            os.chown(path, 65534, 65534)
    os.chmod(folder / "build" / "a.txt", 0o444)
    os.chmod(folder / "build", 0o555)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", RO_SCRIPT, str(folder)], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['build'] jaunais"


def test_a_ctrl_c_after_a_stopping_swap_ignores_a_second_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """swap_final(stop_after=…) takes the held Ctrl-C through the installed handler, so a second Ctrl-C is ignored
    as after any first one (D133, F6); before, a bare KeyboardInterrupt left the second one live."""
    target = tmp_path / "B"
    new = _folder(tmp_path / ".B-jauns", **{"a.txt": "jaunais"})
    real = os.rename

    def rename(src: object, dst: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    restore = interrupt_once()
    try:
        said: list[str] = []
        with pytest.raises(KeyboardInterrupt):
            swap_final([(new, target)], say=said.append, stop_after=lambda cause: f"{cause}: apstājas")
        assert said == ["Ctrl-C: apstājas"] and (target / "a.txt").read_text(encoding="utf-8") == "jaunais"
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGINT)  # ignored: no second KeyboardInterrupt
    finally:
        restore()


def _appears_at_the_last_moment(monkeypatch: pytest.MonkeyPatch, new: Path, make: Callable[[Path], object]) -> None:
    """Just before ``new`` is renamed to its target – whichever way the swap renames it – something else (``make``)
    takes the target's name."""
    real_rename, real_noreplace = os.rename, replace_file.renameat2_noreplace

    def appear(dst: object) -> None:
        if not Path(str(dst)).exists():
            make(Path(str(dst)))

    def rename(src: object, dst: object) -> None:
        if Path(str(src)) == new:
            appear(dst)
        real_rename(src, dst)  # type: ignore[arg-type]

    def noreplace(src: Path, dst: Path) -> bool:
        if Path(src) == new:
            appear(dst)
        return real_noreplace(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", noreplace, raising=False)


def test_a_folder_that_appears_at_the_last_moment_is_not_replaced(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty folder made at the target between the check and the rename: before, rename() silently replaced it
    (review3 F3); now renameat2(RENAME_NOREPLACE) refuses and the new folder stays where it was."""
    new = _folder(tmp_path / ".ibm-build-x", **{"a.txt": "jaunais"})
    target = tmp_path / "build"
    _appears_at_the_last_moment(monkeypatch, new, lambda dst: dst.mkdir())
    with pytest.raises(FileExistsError) as raised:
        replace_folder(new, target)
    assert raised.value.filename == str(target)
    assert target.is_dir() and not any(target.iterdir())  # the user's folder, still empty
    assert (new / "a.txt").read_text(encoding="utf-8") == "jaunais"


def test_a_file_that_appears_at_the_last_moment_without_hard_links_is_kept(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """No hard links (a vfat stick: link() → EPERM, review3 F1) and a user's file saved to the target's name just
    before the new file is renamed there: the user's file stays, the previous one is kept aside and named."""
    target = tmp_path / "k.xlsx"
    target.write_text("iepriekšējais", encoding="utf-8")
    new = tmp_path / ".ibm-jauns.xlsx"
    new.write_text("jaunais", encoding="utf-8")

    _no_hard_links(monkeypatch)
    _appears_at_the_last_moment(monkeypatch, new, lambda dst: dst.write_text("lietotāja", encoding="utf-8"))
    with pytest.raises(PreviousAside) as raised:
        swap([(new, target)])
    assert target.read_text(encoding="utf-8") == "lietotāja"
    assert [p.read_text(encoding="utf-8") for p in raised.value.aside.iterdir()] == ["iepriekšējais"]
    assert new.read_text(encoding="utf-8") == "jaunais"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_renameat2_is_used_here_and_never_replaces(tmp_path: Path) -> None:
    """On Linux the no-replace rename is one system call: an existing name – a file, or an empty folder, which a
    plain rename() would replace – makes it fail with nothing moved."""
    assert replace_file._renameat2() is not None
    src = _folder(tmp_path / "jauns", **{"a.txt": "jaunais"})
    (tmp_path / "tukša").mkdir()
    (tmp_path / "fails").write_text("lietotāja", encoding="utf-8")
    for dst in (tmp_path / "tukša", tmp_path / "fails"):
        with pytest.raises(FileExistsError):
            replace_file.renameat2_noreplace(src, dst)
    assert not any((tmp_path / "tukša").iterdir())
    assert (tmp_path / "fails").read_text(encoding="utf-8") == "lietotāja"
    assert replace_file.renameat2_noreplace(src, tmp_path / "cits") is True
    assert (tmp_path / "cits" / "a.txt").read_text(encoding="utf-8") == "jaunais"


def _einval(*args: object) -> int:
    ctypes.set_errno(errno.EINVAL)  # what a kernel before 3.15 or a file system without the flag answers
    return -1


@pytest.mark.parametrize("missing", [lambda: None, lambda: _einval], ids=["no-renameat2", "EINVAL"])
def test_without_renameat2_the_check_and_rename_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         missing: Callable[[], object]) -> None:
    """Another system (no renameat2 in the C library) or a file system that refuses the flag: the swap works as
    before, and a target already there is still refused."""
    monkeypatch.setattr(replace_file, "_renameat2", missing)
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    replace_folder(_folder(tmp_path / ".ibm-jauns", **{"jaunais.txt": "jaunais"}), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"] and [p.name for p in out.iterdir()] == ["jaunais.txt"]
    taken = _folder(tmp_path / "c")
    with pytest.raises(FileExistsError):
        replace_file.rename_noreplace(_folder(tmp_path / ".ibm-cits"), taken)


CRASH = """
import os, sys
from pathlib import Path
from generator.replace_file import staged_folder
with staged_folder(Path(sys.argv[1]), sys.argv[2]) as tmp:
    (tmp / "lejupielades").mkdir()
    (tmp / "lejupielades" / "01.pdf").write_bytes(b"%PDF-1.7")
    print(tmp.name, flush=True)
    os._exit(9)  # killed mid-run: nothing is cleaned up
"""


def crashed_run(parent: Path, prefix: str = ".ibm-documents-") -> Path:
    """The staging folder a run killed while writing leaves in ``parent``."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", CRASH, str(parent), prefix], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 9, done.stderr
    return parent / done.stdout.strip()


def test_a_crashed_runs_staging_folder_is_proven_ours_and_removed(tmp_path: Path) -> None:
    """Its hidden temporary name and the marker its process wrote at creation, and that process is gone: the next
    staging in that folder removes it and says so in one line (D133)."""
    left = crashed_run(tmp_path)
    assert staging_mark.crashed(left)
    said: list[str] = []
    with staged_folder(tmp_path, ".ibm-documents-", say=said.append) as tmp:
        assert sorted(p.name for p in tmp_path.iterdir()) == [tmp.name]
    assert said == [f"Izdzēsta pagaidu mape {left}, ko atstāja kāda pārtraukta palaišana (tās faili nebija "
                    "rezultāti)."]


def _look_alike(path: Path, marker: dict[str, object] | None) -> Path:
    _folder(path, **{"01.pdf": "lietotāja"})
    if marker is not None:
        (path / staging_mark.STAGING_MARK).write_text(json.dumps(marker), encoding="utf-8")
    return path


def test_a_staging_folder_not_proven_ours_is_left_alone(tmp_path: Path) -> None:
    """Without the marker, with a marker of a run still going or of another computer, under an aside's name or not
    a temporary name at all: not removed (never delete what the program cannot prove it made)."""
    ours = json.loads((crashed_run(tmp_path / "x") / staging_mark.STAGING_MARK).read_text(encoding="utf-8"))
    (tmp_path / "x").mkdir(exist_ok=True)
    found = [
        _look_alike(tmp_path / ".ibm-documents-abcd1234", None),
        _look_alike(tmp_path / ".ibm-documents-efgh5678", {**ours, "pid": os.getppid()}),  # still running
        _look_alike(tmp_path / ".ibm-documents-ijkl9012", {**ours, "host": "0" * 16}),  # another computer
        _look_alike(tmp_path / ".ibm-iepriekšējie-mnop3456", ours),  # previous outputs set aside
        _look_alike(tmp_path / ".ibm-documents-x", ours),  # not a temporary name
    ]
    with staged_folder(tmp_path, ".ibm-documents-", say=pytest.fail):
        pass
    assert sorted(p for p in tmp_path.iterdir() if p.name != "x") == sorted(found)
    assert all((p / "01.pdf").read_text(encoding="utf-8") == "lietotāja" for p in found)


HOLD = """
import sys
from pathlib import Path
from generator.replace_file import staged_folder
with staged_folder(Path(sys.argv[1]), ".ibm-documents-") as tmp:
    (tmp / "01.pdf").write_bytes(b"%PDF-1.7")
    print(tmp.name, flush=True)
    sys.stdin.readline()  # a run still going (in another PID namespace, on another computer …) until told to end
"""


@pytest.fixture()
def live_run(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    """A run still writing into its staging folder in ``tmp_path`` (another process, holding its marker's lock)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    run = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True, env=env)
    assert run.stdout is not None
    folder = tmp_path / run.stdout.readline().strip()
    yield run, folder
    run.kill()
    run.wait()


def test_a_live_runs_staging_folder_is_kept_even_if_its_pid_looks_dead(live_run: tuple[subprocess.Popen[str], Path],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """review4 F1: a run in another PID namespace (a container, WSL, unshare) is invisible to kill(pid, 0). Its lock
    on the marker is seen: the folder is kept. Once that process is gone, the same folder is proven and removed.
    Before: the pid check alone decided, and the live run's folder was removed from under it."""
    run, folder = live_run
    monkeypatch.setattr(staging_mark, "_running", lambda pid: False)
    assert not staging_mark.crashed(folder)
    replace_file.clear_crashed(folder.parent, say=pytest.fail)
    assert (folder / "01.pdf").read_bytes() == b"%PDF-1.7"
    run.kill()
    run.wait()
    assert staging_mark.crashed(folder)


def test_another_boot_id_is_no_proof_while_the_lock_is_held(live_run: tuple[subprocess.Popen[str], Path]) -> None:
    """review4 F1 (b): a shared folder, another computer with the same name (another boot id): kept while its run
    holds the lock. Before: another boot id alone was proof."""
    run, folder = live_run
    marker = folder / staging_mark.STAGING_MARK
    made = json.loads(marker.read_text(encoding="utf-8"))
    with marker.open("r+", encoding="utf-8") as same_file:  # the same file, so the run's lock stays on it
        same_file.truncate()
        same_file.write(json.dumps({**made, "boot": "0" * 36}))
    assert not staging_mark.crashed(folder)
    run.kill()
    run.wait()
    assert staging_mark.crashed(folder)  # with the lock free, another boot is a crashed run


def test_the_host_digest_covers_the_machine_id(monkeypatch: pytest.MonkeyPatch) -> None:
    """review4 F10: cloned computers with the same host name get different digests (salted, with /etc/machine-id)."""
    real = staging_mark._read
    first = staging_mark._this_run()["host"]
    monkeypatch.setattr(staging_mark, "_read", lambda path: "1" * 32 if path == "/etc/machine-id" else real(path))
    assert staging_mark._this_run()["host"] != first


def test_a_marker_that_is_a_symlink_is_no_proof(tmp_path: Path) -> None:
    """review4 F8: a staging-named folder whose marker links to a crashed run's marker elsewhere is not removed."""
    left = crashed_run(tmp_path / "citur")
    look_alike = _folder(tmp_path / ".ibm-documents-abcd1234", **{"01.pdf": "lietotāja"})
    (look_alike / staging_mark.STAGING_MARK).symlink_to(left / staging_mark.STAGING_MARK)
    assert staging_mark.crashed(left) and not staging_mark.crashed(look_alike)


def test_nothing_is_proven_crashed_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """review4 F5: on Windows os.kill(pid, 0) ends the process with that pid: no probe, nothing proven."""
    left = crashed_run(tmp_path)
    monkeypatch.setattr(os, "name", "nt")
    try:
        proven = staging_mark.crashed(left)
    finally:
        monkeypatch.undo()  # pathlib itself needs the real os.name
    assert not proven and left.is_dir()


@pytest.mark.parametrize("odd", ["symlink", "owner"])
def test_a_crashed_folder_holding_what_the_program_cannot_have_written_is_kept_and_named(tmp_path: Path,
                                                                                         odd: str) -> None:
    """review4 F3: a link, or another user's file, put into a crashed run's staging folder later: the folder is kept
    and named in one line, not removed with "its files were not results"."""
    left = crashed_run(tmp_path)
    if odd == "symlink":
        (left / "lejupielades" / "saite").symlink_to(tmp_path)
        named = "lejupielades/saite"
    else:
        if os.getuid() != 0:
            pytest.skip("giving a file to another user needs root")
        (left / "parakstits.pdf").write_bytes(b"%PDF")
        os.chown(left / "parakstits.pdf", 54321, 54321)
        named = "parakstits.pdf"
    said: list[str] = []
    replace_file.clear_crashed(tmp_path, say=said.append)
    assert said == [f"Pagaidu mape {left}, ko atstāja kāda pārtraukta palaišana, netika izdzēsta, jo tajā ir tas, ko "
                    f"rīkkopa nevar būt rakstījusi: {named} – pārbaudiet to un izdzēsiet, kad tā vairs nav vajadzīga."]
    assert (left / "lejupielades" / "01.pdf").read_bytes() == b"%PDF-1.7"
    assert replace_file.crashed_in(tmp_path) == []


def test_a_partial_removal_is_said_and_leaves_the_users_folder_mode(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """review4 F4: a file that cannot be removed – the line says what is left (not "Izdzēsta"), the marker stays so
    the next run can still prove the rest, and the folder it is in (the user's --out, 0555) keeps its mode. Before:
    "Izdzēsta …", the marker gone, and the user's folder made 0755."""
    out = tmp_path / "rezultati"
    out.mkdir()
    left = crashed_run(out)
    real = os.unlink

    def unlink(path: str, *args: object, **kwargs: object) -> None:
        if os.path.basename(path) == "01.pdf":
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), path)
        real(path, *args, **kwargs)

    out.chmod(0o555)
    try:
        said: list[str] = []
        monkeypatch.setattr(os, "unlink", unlink)
        replace_file.clear_crashed(out, say=said.append)
        monkeypatch.undo()
        assert oct(out.stat().st_mode & 0o777) == oct(0o555)
    finally:
        out.chmod(0o755)
    assert said == [f"Pagaidu mapi {left}, ko atstāja kāda pārtraukta palaišana, neizdevās izdzēst pilnībā: tajā "
                    f"palika {staging_mark.STAGING_MARK}, lejupielades/ – izdzēsiet to, kad tā vairs nav vajadzīga."]
    assert staging_mark.crashed(left)  # still provable next time


def test_without_renameat2_an_empty_folder_cannot_slip_in_before_the_rename(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """review4 F6 (NFS, FUSE: no rename flags): an empty folder made at the target after the check was replaced
    silently by rename(). Now the name is claimed with mkdir first: the user's mkdir fails, or the move does."""
    monkeypatch.setattr(replace_file, "_renameat2", lambda: None)
    new = _folder(tmp_path / ".ibm-jauns", **{"a.txt": "jaunais"})
    target = tmp_path / "b"
    real = os.rename
    users: list[bool] = []

    def rename(src: object, dst: object) -> None:
        try:
            os.mkdir(target)  # the user's folder, at the last moment
            users.append(True)
        except FileExistsError:
            users.append(False)
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    try:
        replace_file.rename_noreplace(new, target)
    except FileExistsError:
        assert users == [True] and target.is_dir() and new.is_dir()
    else:
        assert users == [False], "the user's empty folder was replaced"


def test_a_nul_byte_in_a_path_raises_before_the_c_call(tmp_path: Path) -> None:
    """review4 F7: C would cut the name at the NUL byte and rename to another name."""
    src = _folder(tmp_path / "n")
    with pytest.raises(ValueError, match="null"):
        replace_file.renameat2_noreplace(src, tmp_path / "q\0astes")
    assert src.is_dir() and not (tmp_path / "q").exists()
