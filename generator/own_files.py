"""Which files in a folder a command wrote itself and left unchanged: a list of relative names with their SHA-256
(kept in the command's marker or manifest), compared with what the folder holds now. A command replaces only its
own unchanged files; a file it did not write, or one changed since it wrote it, stops it with a message naming
that file, before anything is written (D119)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

LISTED = 5  # files named in a message at most; the rest are counted


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def listing(folder: Path, names: Iterable[str]) -> list[str]:
    """'<sha256>  <name>' lines (the sha256sum format) of the named files under ``folder``."""
    return [f"{digest(folder / name)}  {name}" for name in sorted(names)]


def parse_listing(lines: Iterable[str]) -> dict[str, str]:
    """name -> sha256 of every '<sha256>  <name>' line; other lines (a heading) are skipped."""
    known: dict[str, str] = {}
    for line in lines:
        sha, sep, name = line.partition("  ")
        if sep and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha) and name:
            known[name] = sha
    return known


def strangers(folder: Path, known: dict[str, str], ignore: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(files under ``folder`` not in ``known``, files in ``known`` changed since), as relative names; a file of
    ``known`` that is gone is neither (it is simply made again). Links count as foreign."""
    skip = set(ignore)
    foreign: list[str] = []
    changed: list[str] = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if name in skip or (path.is_dir() and not path.is_symlink()):
            continue
        if name not in known or path.is_symlink() or not path.is_file():
            foreign.append(name)
        elif digest(path) != known[name]:
            changed.append(name)
    return foreign, changed


def refusal(folder: Path, foreign: list[str], changed: list[str]) -> str:
    """The Latvian reason a command does not write into ``folder``: which files are not its own or were changed."""
    parts = []
    if foreign:
        parts.append(("fails, ko" if len(foreign) == 1 else "faili, ko") + f" šī komanda nav rakstījusi: {_names(foreign)}")
    if changed:
        parts.append(("fails, kas mainīts pēc tam, kad šī komanda to" if len(changed) == 1
                      else "faili, kas mainīti pēc tam, kad šī komanda tos") + f" uzrakstīja: {_names(changed)}")
    return (f"mapē {folder} ir {'; '.join(parts)}; nekas netika uzrakstīts – pārvietojiet šos failus uz citu mapi "
            "vai izvēlieties citu --out")


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" un vēl {len(names) - LISTED}" if len(names) > LISTED else "")
