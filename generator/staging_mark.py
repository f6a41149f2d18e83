"""The marker every staging folder gets when it is made (replace_file.staged_folder): which process on which computer
made it, and a lock its run holds on it for the run's whole life, so that a staging folder a crashed run left behind
can be told from anything else – a look-alike without the marker, another computer's run, a run still going (also
one in another PID namespace or on another computer with the same name, review4 F1) – and only then removed (D133)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import socket
import stat
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; nothing is ever proven crashed there (review4 F5)
    fcntl = None  # type: ignore[assignment]

STAGING_MARK = ".ibm-pagaidu-mape.json"  # written into every staging folder when it is made (D133)
STAGING_ABOUT = ("Šo pagaidu mapi izveidoja IBM rīkkopas komanda; ja tā palika pēc avārijas, nākamā palaišana to "
                 "izdzēš.")
STAGING_KIND = "ibm-staging"  # the marker's stable type tag (the sentence above may be reworded, review4 F9)
_TEMP_NAME = re.compile(r"\..+-[a-z0-9_]{8}")  # tempfile.mkdtemp(prefix=".…-"): a hidden name, 8 random characters
_HOST_SALT = b"ibm-rikkopa/staging-host/1\0"  # the host digest is not a bare hash of a (often personal) name


def write_mark(folder: Path) -> int:
    """Mark ``folder``, a staging folder just made by this process, and lock the marker for as long as the returned
    file descriptor stays open (the caller closes it once the folder is swapped in or removed; the kernel releases
    the lock when the process dies, whatever the way)."""
    fd = os.open(folder / STAGING_MARK, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if fcntl is not None:
            with contextlib.suppress(OSError):  # no locks on this file system (ENOLCK): then nothing proves it crashed
                fcntl.flock(fd, fcntl.LOCK_EX)
        text = json.dumps({"kind": STAGING_KIND, "about": STAGING_ABOUT, **_this_run()}, ensure_ascii=False) + "\n"
        os.write(fd, text.encode("utf-8"))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _this_run() -> dict[str, object]:
    """Who made a staging folder: this process, on this computer (a salted digest of its name and machine id, not the
    name: cloned computers with the same name differ by machine id, review4 F10), this boot."""
    host = _HOST_SALT + socket.gethostname().encode("utf-8", "replace") + b"\0" + _read("/etc/machine-id").encode()
    return {"pid": os.getpid(), "host": hashlib.sha256(host).hexdigest()[:16], "boot": _boot_id()}


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _boot_id() -> str:
    return _read("/proc/sys/kernel/random/boot_id")


def crashed(folder: Path) -> bool:
    """Whether ``folder`` is a staging folder of a run that ended without removing it (a crash, a power cut, a killed
    process): a hidden temporary name, a real folder and its own marker (a regular file, not a link), both ours (this
    user's), made on this computer by a process that is not running here (or before the last restart) – and, the
    proof, nobody holds the lock on its marker that every run keeps for its whole life. Anything else – a look-alike
    without the marker, a marker of another computer or of a run still going (anywhere the lock is seen) – is not
    proven to be ours and left alone. On Windows nothing is proven (no flock, and os.kill would end a process)."""
    if os.name == "nt" or fcntl is None or not _TEMP_NAME.fullmatch(folder.name):
        return False
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    try:
        fd = os.open(folder / STAGING_MARK, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:  # none, or a symlink (ELOOP): not proof (review4 F8)
        return False
    try:
        return _proven(fd)
    finally:
        os.close(fd)  # releases the lock taken to look


def _proven(fd: int) -> bool:
    """The marker open as ``fd``: ours, of a run no longer going (the lock free)."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_size > 4096:
        return False
    try:
        made = json.loads(os.read(fd, 4096).decode("utf-8"))
    except (OSError, ValueError):
        return False
    here = _this_run()
    if not isinstance(made, dict) or made.get("host") != here["host"]:
        return False
    if made.get("kind") != STAGING_KIND and made.get("about") != STAGING_ABOUT:
        return False
    pid = made.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid == os.getpid():
        return False
    restarted = bool(made.get("boot") and here["boot"] and made.get("boot") != here["boot"])
    if not restarted and _running(pid):  # another boot: only a candidate, the lock decides
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by a live run, wherever it is seen: not crashed
    except OSError:  # EWOULDBLOCK, or no locks here (ENOLCK …): not proven
        return False
    return True


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (PermissionError), or cannot tell: treated as running
        return True
    return True


def not_ours(folder: Path) -> list[str]:
    """What in a proven staging folder the program cannot have written (review4 F3): a symlink, something that is
    neither a file nor a folder, an entry owned by another user, a folder that cannot be listed – its path relative
    to ``folder``, a folder with "/"."""
    found: list[str] = []
    uid = os.getuid()

    def walk(path: Path, rel: str) -> None:
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            found.append(rel or "./")
            return
        for entry in entries:
            name = f"{rel}{entry.name}"
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                found.append(name)
                continue
            if info.st_uid != uid or not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                found.append(name)
            elif stat.S_ISDIR(info.st_mode):
                walk(Path(entry.path), name + "/")

    walk(folder, "")
    return found
