"""Outputs replaced whole. A file is written under a temporary name beside its target and renamed over it, so a
failed write leaves the previous file as it was (the rename is atomic on one file system). Outputs made in full in
a staging folder (``staged_folder``) take their targets' places in one swap (``swap``): the previous ones are set
aside in a fresh hidden folder beside them and are moved back if anything fails, and a Ctrl-C that comes during
the final swap neither cuts it short nor turns the finished run into a failed one (``swap_final``, D133)."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.interrupts import interrupts_held, received
from generator.staging_mark import STAGING_MARK, crashed, not_ours, write_mark

LATE_FORM = ("{cause} saņemts, kad iepriekšējie rezultāti jau tika aizstāti: jaunie rezultāti ir pilnīgi, un "
             "komanda tiek pabeigta kā parasti.")
LATE_INTERRUPT = LATE_FORM.format(cause="Ctrl-C")


# Whether this run has put any output in place of an earlier one (write_replacing, swap): a Ctrl-C before that can say
# plainly that the earlier results are unchanged (audit39 F10).
_replaced = False


def mark_replaced() -> None:
    global _replaced  # noqa: PLW0603 - one flag per process, read by the Ctrl-C message
    _replaced = True


def reset_replaced() -> None:
    """A new command starts with nothing replaced (the commands run in one process by tests, CliRunner)."""
    global _replaced  # noqa: PLW0603
    _replaced = False


def replaced_any() -> bool:
    return _replaced


def late_interrupt() -> str:
    """The line for a Ctrl-C (or a signal taken as one) that came when the outputs were already being replaced."""
    return LATE_FORM.format(cause=received(first_word=True))

NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}  # no hard links here: rename
NO_RENAMEAT2 = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}  # kernel or file system without the flag
AT_FDCWD = -100
RENAME_NOREPLACE = 1


def _in_folders(folders: list[Path]) -> str:
    """ "mapē X" or "mapēs X, Y" – where kept outputs are, in a Latvian sentence."""
    return f"mapē {folders[0]}" if len(folders) == 1 else "mapēs " + ", ".join(str(p) for p in folders)


def _to_stderr(text: str) -> None:
    import click

    click.echo(text, err=True)


class PreviousAside(OSError):
    """A failed swap could not move every previous output back: they are kept in a hidden folder, which the
    Latvian message names (never removed with the staging folder)."""

    def __init__(self, kept: list[Path], code: int | None) -> None:
        super().__init__(code, f"iepriekšējos rezultātus neizdevās atlikt atpakaļ; tie ir saglabāti {_in_folders(kept)}",
                         str(kept[0]))
        self.aside = kept[0]
        self.kept = kept

    def __str__(self) -> str:
        return str(self.strerror)


def write_replacing(out: Path, write: Callable[[Path], object], *, prefix: str = ".ibm-",
                    suffix: str = ".tmp") -> None:
    """``write(temporary path)`` next to ``out``, then rename it over ``out`` (readable like any new file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=out.parent)
    os.close(fd)
    staged = Path(name)
    try:
        write(staged)
        os.chmod(staged, 0o644)
        os.replace(staged, out)
        mark_replaced()
    finally:
        with interrupts_held(), contextlib.suppress(OSError):  # the temporary file is never left behind
            staged.unlink()


@contextlib.contextmanager
def staged_folder(parent: Path, prefix: str, say: Callable[[str], object] | None = None) -> Iterator[Path]:
    """A fresh hidden folder in ``parent`` to write the new outputs into, with a marker naming this process and locked
    by it until the folder is swapped in or removed (staging_mark: a live run's folder is never taken for a crashed
    one); removed on leaving (whatever of it the swap did not move into place), and a Ctrl-C cannot leave it half
    removed. Staging folders a crashed run left in ``parent`` are removed first (``clear_crashed``; ``say``, default
    stderr)."""
    parent.mkdir(parents=True, exist_ok=True)
    clear_crashed(parent, say)
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    lock: int | None = None
    try:
        lock = write_mark(tmp)
        yield tmp
    finally:
        _remove(tmp)
        if lock is not None:
            os.close(lock)  # the lock goes only once the folder is in place or gone


def _crashed(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not is_aside(p.name) and crashed(p))
    except OSError:
        return []


def crashed_in(folder: Path) -> list[Path]:
    """The staging folders in ``folder`` (not below it) that crashed runs left (``crashed``) and that hold nothing
    the program cannot have written (``not_ours``): the ones ``clear_crashed`` removes."""
    return [p for p in _crashed(folder) if not not_ours(p)]


def clear_crashed(folder: Path, say: Callable[[str], object] | None = None) -> None:
    """Remove the staging folders a crashed run left in ``folder``, each named in one Latvian line (``say``, default
    stderr): the program made them and nothing in them is a result (D133). One that holds something the program
    cannot have written (a link, another user's file) is kept and named; a removal that stops part way says what is
    left (its marker goes last, so the next run can still prove the rest)."""
    for found in _crashed(folder):
        odd = not_ours(found)
        if odd:
            line = (f"Pagaidu mape {found}, ko atstāja kāda pārtraukta palaišana, netika izdzēsta, jo tajā ir tas, ko "
                    f"rīkkopa nevar būt rakstījusi: {_listed(odd)} – pārbaudiet to un izdzēsiet, kad tā vairs nav "
                    "vajadzīga.")
        elif _remove(found):
            line = f"Izdzēsta pagaidu mape {found}, ko atstāja kāda pārtraukta palaišana (tās faili nebija rezultāti)."
        else:
            line = (f"Pagaidu mapi {found}, ko atstāja kāda pārtraukta palaišana, neizdevās izdzēst pilnībā: tajā palika "
                    f"{_listed(_left_in(found))} – izdzēsiet to, kad tā vairs nav vajadzīga.")
        (say or _to_stderr)(line)


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:5])
    return shown + (f" un vēl {len(names) - 5}" if len(names) > 5 else "")


def _left_in(folder: Path) -> list[str]:
    """What is still in a folder whose removal stopped part way (its own name if it cannot be listed)."""
    try:
        return sorted(p.name + ("/" if p.is_dir() and not p.is_symlink() else "") for p in folder.iterdir()) or ["./"]
    except OSError:
        return ["./"]


ASIDE = ".ibm-iepriekšējie-"  # the hidden folder of previous outputs set aside (collect's and documents' files)


def aside_prefix(target: Path) -> str:
    """The hidden name a previous folder ``target`` gets while the new one moves in (build/, a child's folder)."""
    return f".{target.name}-vecais-"


def is_aside(name: str) -> bool:
    """Whether a name (a relative path's first part) is one of the hidden folders a swap sets previous outputs aside
    in – left behind only when a run was cut off mid-swap (a crash, a power cut; D133)."""
    first = name.split("/", 1)[0]
    return first.startswith(ASIDE) or (first.startswith(".") and "-vecais-" in first)


def leftovers(folder: Path, prefix: str = ASIDE) -> list[Path]:
    """The hidden folders of previous outputs named ``prefix``* in ``folder`` that a cut-off run left."""
    try:
        return sorted(p for p in folder.iterdir() if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def say_leftovers(found: list[Path], say: Callable[[str], object] | None = None) -> None:
    """Name (``say``, default stderr) the previous outputs a cut-off earlier run left under a hidden name."""
    if not found:
        return
    (say or _to_stderr)(f"Piezīme: kāda iepriekšēja palaišana tika pārtraukta rezultātu nomaiņas vidū; tās atliktie iepriekšējie "
        f"rezultāti ir {_in_folders(found)} – pārbaudiet tos un izdzēsiet, kad tie vairs nav vajadzīgi.")


def swap(pairs: list[tuple[Path, Path]], *, aside_in: Path | None = None, prefix: str = ASIDE) -> None:
    """Move each (new, target) pair into place. A previous folder is first renamed to a fresh hidden name in its own
    folder (a rename within one folder works for a folder without write permission too, F4); previous files go
    into a fresh hidden folder in ``aside_in`` (default: the first target's folder; never inside a staging folder
    that is removed afterwards). A new output never replaces something that appeared at its target meanwhile. On
    any failure whatever was moved is moved back and the error raised; if a previous output cannot be moved back,
    it stays under its hidden name and PreviousAside names it. The hidden names are removed otherwise."""
    if not pairs:
        return
    holders: list[Path] = []  # the hidden folders made here, in the order made
    backup: Path | None = None  # the one for files
    moved_old: list[tuple[Path, Path, Path]] = []  # (target, where it went, the hidden folder holding it)
    placed: list[tuple[Path, Path]] = []  # (target, new source)
    try:
        for i, (_, target) in enumerate(pairs):
            if target.is_dir() and not target.is_symlink():
                holder = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
                holders.append(holder)
                os.rename(target, holder)  # over the empty folder just made: same parent, no ".." to change
                moved_old.append((target, holder, holder))
            elif target.exists() or target.is_symlink():
                if backup is None:
                    backup = Path(tempfile.mkdtemp(prefix=prefix, dir=aside_in or pairs[0][1].parent))
                    holders.append(backup)
                aside = backup / f"{i}-{target.name}"
                os.rename(target, aside)
                moved_old.append((target, aside, backup))
        for new, target in pairs:
            _move_new(new, target)
            placed.append((target, new))
        mark_replaced()
    except BaseException as exc:
        with interrupts_held():  # the moving back is never cut in the middle
            for target, new in reversed(placed):
                _move_back(target, new)
            stranded = [holder for target, aside, holder in reversed(moved_old) if not _move_back(aside, target)]
            kept = list(dict.fromkeys(stranded))
            for holder in holders:
                if holder not in kept:
                    _remove(holder)
        if kept:
            raise PreviousAside(kept, getattr(exc, "errno", None)) from exc
        raise
    for holder in holders:
        _remove(holder)


def swap_final(pairs: list[tuple[Path, Path]], *, say: Callable[[str], object] | None = None,
               stop_after: Callable[[str], str] | None = None, **options: Path | str | None) -> None:
    """``swap`` as a command's last step: a Ctrl-C that comes meanwhile does not cut it short and, once the new
    outputs are in place, does not fail the run either – it is named in a Latvian line (``say``, default stderr)
    and the command ends as usual (D133). With ``stop_after`` (a command with more to do, e.g. the next child's
    documents) that line is ``stop_after(what was received)`` and the Ctrl-C is then taken: the command stops there."""
    with interrupts_held(take=False) as held:
        swap(pairs, **options)  # type: ignore[arg-type]
    if held.came:
        (say or _to_stderr)(late_interrupt() if stop_after is None else stop_after(received(first_word=True)))
        if stop_after is not None:  # taken as any Ctrl-C is: by the handler in place, which ignores a second one
            handler = signal.getsignal(signal.SIGINT)
            if callable(handler):
                handler(signal.SIGINT, None)
            raise KeyboardInterrupt


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` in place of ``target``; the previous ``target`` is set aside under a fresh hidden name
    beside it (never over a folder the command did not make) and moved back if ``new`` cannot be moved in."""
    swap([(new, target)], prefix=aside_prefix(target))


def _move_new(new: Path, target: Path) -> None:
    """Move ``new`` to ``target`` unless something is there (a user's file or folder that appeared meanwhile). A file
    is hard-linked (link() never replaces a name); a folder, or a file where the file system has no hard links (vfat,
    exFAT, some network mounts), is renamed with ``rename_noreplace``. A staging folder's own marker is dropped just
    before the folder becomes the output."""
    if new.is_dir() and not new.is_symlink():
        with contextlib.suppress(FileNotFoundError):
            (new / STAGING_MARK).unlink()
        rename_noreplace(new, target)
        return
    try:
        os.link(new, target, follow_symlinks=False)  # fails, never overwrites, when the name is taken
    except OSError as exc:
        if exc.errno not in NO_LINKS:
            raise
        rename_noreplace(new, target)
        return
    os.unlink(new)


def rename_noreplace(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``; FileExistsError, and nothing replaced, if ``dst`` exists. One atomic step where the
    system has renameat2(RENAME_NOREPLACE) (Linux 3.15+, on ext4, xfs, btrfs, tmpfs, vfat, exFAT …), so nothing that
    appears at ``dst`` at the last moment is replaced (review3 F3). Elsewhere (another system, or a file system that
    refuses the flag: NFS, many FUSE mounts) a folder first claims ``dst`` with an empty folder of its own (mkdir
    fails if anything is there) and is renamed over that one, which fails if anything was put in it meanwhile
    (review4 F6); a file is checked and renamed, which leaves a window of microseconds. Windows' rename never
    replaces."""
    if renameat2_noreplace(src, dst):
        return
    if os.name == "nt":
        os.rename(src, dst)
        return
    if src.is_dir() and not src.is_symlink():
        os.mkdir(dst, 0o700)  # FileExistsError if anything is there
        try:
            os.rename(src, dst)  # replaces only the empty folder made just now
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.rmdir(dst)  # only if still empty: what someone put there stays
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst)) from exc
            raise
        return
    if dst.exists() or dst.is_symlink():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst))
    os.rename(src, dst)


def renameat2_noreplace(src: Path, dst: Path) -> bool:
    """renameat2(AT_FDCWD, src, AT_FDCWD, dst, RENAME_NOREPLACE): True when done; False where the system or the
    file system does not have it (nothing was done); OSError (FileExistsError when ``dst`` exists) otherwise; a path
    with a NUL byte raises ValueError, as os.rename does (C would cut it there, review4 F7)."""
    source, target = os.fsencode(src), os.fsencode(dst)
    if b"\0" in source or b"\0" in target:
        raise ValueError("embedded null byte")
    call = _renameat2()
    if call is None:
        return False
    if call(AT_FDCWD, source, AT_FDCWD, target, RENAME_NOREPLACE) == 0:
        return True
    code = ctypes.get_errno()
    if code in NO_RENAMEAT2:
        return False
    first, second = (dst, src) if code == errno.EEXIST else (src, dst)  # the name a message shows first
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """The C library's renameat2 (glibc 2.28+, musl 1.1.24+), or None (another system, an older C library)."""
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return None
    call.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    call.restype = ctypes.c_int
    return call


def _move_back(src: Path, dst: Path) -> bool:
    """Move ``src`` back to ``dst``; False (and ``src`` left where it is) if that fails or ``dst`` is taken."""
    if dst.exists() or dst.is_symlink():
        return False
    try:
        os.rename(src, dst)
    except OSError:
        return False
    return True


def _remove(folder: Path) -> bool:
    """Remove a folder this command made (staging, or previous outputs set aside), also where a previous output was
    made read-only (a protected build, a copy from read-only media): only the folder itself and what is in it are
    made writable again, never the folder it is in (the user's --out or above, review4 F4). A staging folder's
    marker goes last and only when nothing else is left, so a removal that stops part way still leaves the rest
    provably the program's. True when the folder is gone."""
    root = os.path.abspath(folder)

    def inside(path: str) -> bool:
        path = os.path.abspath(path)
        return path == root or path.startswith(root.rstrip(os.sep) + os.sep)

    def retry(func: Callable[..., object], path: str, exc_info: object) -> None:
        if func not in (os.unlink, os.rmdir, os.remove):
            return  # a folder that cannot be listed stays (rmtree goes on with the rest)
        parent = os.path.dirname(path)
        if not inside(parent):
            return
        with contextlib.suppress(OSError):  # its folder made writable again, then once more
            os.chmod(parent, os.stat(parent).st_mode | 0o700)
            func(path)

    def one(path: str, func: Callable[[str], object]) -> None:
        try:
            func(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            retry(func, path, exc)

    with interrupts_held():  # never left half removed by a Ctrl-C
        if os.path.islink(folder) or not os.path.isdir(folder):
            return not os.path.lexists(folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name == STAGING_MARK)  # the marker last
        except OSError:
            with contextlib.suppress(OSError):  # the folder itself made listable, then once more
                os.chmod(folder, os.stat(folder).st_mode | 0o700)
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name == STAGING_MARK)
            except OSError:
                return False
        for entry in entries:
            if entry.name == STAGING_MARK:
                with contextlib.suppress(OSError):
                    if any(p.name != STAGING_MARK for p in os.scandir(folder)):
                        break  # something stayed: the marker too, so the next run can still prove the rest
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, onerror=retry)
            else:
                one(entry.path, os.unlink)
        one(str(folder), os.rmdir)
        return not os.path.lexists(folder)
