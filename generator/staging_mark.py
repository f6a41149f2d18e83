"""The marker every staging folder gets when it is made (replace_file.staged_folder): which process on which computer
made it, so that a staging folder a crashed run left behind can be told from anything else – a look-alike without the
marker, another computer's run, a run still going – and only then removed (D133)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
from pathlib import Path

STAGING_MARK = ".ibm-pagaidu-mape.json"  # written into every staging folder when it is made (D133)
STAGING_ABOUT = ("Šo pagaidu mapi izveidoja IBM rīkkopas komanda; ja tā palika pēc avārijas, nākamā palaišana to "
                 "izdzēš.")
_TEMP_NAME = re.compile(r"\..+-[a-z0-9_]{8}")  # tempfile.mkdtemp(prefix=".…-"): a hidden name, 8 random characters


def write_mark(folder: Path) -> None:
    """Mark ``folder``, a staging folder just made by this process."""
    (folder / STAGING_MARK).write_text(json.dumps({"about": STAGING_ABOUT, **_this_run()}, ensure_ascii=False) + "\n",
                                       encoding="utf-8")


def _this_run() -> dict[str, object]:
    """Who made a staging folder: this process, on this computer (a digest of its name, not the name), this boot."""
    return {"pid": os.getpid(), "host": hashlib.sha256(socket.gethostname().encode()).hexdigest()[:16],
            "boot": _boot_id()}


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def crashed(folder: Path) -> bool:
    """Whether ``folder`` is a staging folder of a run that ended without removing it (a crash, a power cut, a killed
    process): a hidden temporary name, its own marker, made on this computer by a process that is no longer running
    (or before the last restart). Anything else – a look-alike without the marker, a marker of another computer or
    of a run still going – is not proven to be ours and left alone."""
    if not _TEMP_NAME.fullmatch(folder.name) or folder.is_symlink() or not folder.is_dir():
        return False
    try:
        made = json.loads((folder / STAGING_MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    here = _this_run()
    if not isinstance(made, dict) or made.get("about") != STAGING_ABOUT or made.get("host") != here["host"]:
        return False
    pid = made.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool):
        return False
    if made.get("boot") and here["boot"] and made.get("boot") != here["boot"]:
        return True  # made before the computer was restarted
    return pid != os.getpid() and not _running(pid)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (PermissionError), or cannot tell: treated as running
        return True
    return True
