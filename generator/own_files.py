"""Which files in a folder a command wrote itself and left unchanged: a list of relative names with their SHA-256
(kept in the command's marker or manifest), compared with what the folder holds now. A command replaces only its
own unchanged files; a file it did not write, one changed since it wrote it, or a user's empty folder (which its swap
would remove) stops it with a message naming that file or folder, before anything is written (D119)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from generator.replace_file import is_aside

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
    """(what under ``folder`` is not in ``known``, files in ``known`` changed since), as relative names; a file of
    ``known`` that is gone is neither (it is simply made again). Links count as foreign. A folder the listing does
    not name (no file of ``known`` or ``ignore`` lies in it) and that holds no file at any depth – a user's empty
    folder, or one of only empty folders – is foreign too, named once with a trailing "/": the command's swap
    would remove it with the old output (a folder holding a file is kept safe by that file's name). A name in
    ``ignore`` ending in "/" skips that folder with everything in it."""
    skip = {name.rstrip("/") for name in ignore}
    trees = tuple(name for name in ignore if name.endswith("/"))
    foreign: list[str] = []
    changed: list[str] = []
    paths = sorted(folder.rglob("*"))
    ours = {parent.as_posix() for name in (*known, *skip) for parent in Path(name).parents}
    filled = {parent.as_posix() for path in paths if path.is_symlink() or not path.is_dir()
              for parent in path.relative_to(folder).parents}
    empty: list[str] = []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        if name in skip or any(name.startswith(d) for d in (*empty, *trees)):
            continue
        if path.is_dir() and not path.is_symlink():
            if name not in ours and name not in filled:
                empty.append(name + "/")
                foreign.append(name + "/")
            continue
        if name not in known or path.is_symlink() or not path.is_file():
            foreign.append(name)
        elif digest(path) != known[name]:
            changed.append(name)
    return foreign, changed


def refusal(folder: Path | str, foreign: list[str], changed: list[str], who: str = "šī komanda",
            nothing_written: bool = True, advice: str = "izvēlieties citu --out") -> str:
    """The Latvian reason a command (``who``, a feminine noun phrase: "šī komanda", "komanda ibm collect") does not
    write into ``folder``: which files and folders (a name ending in "/") are not its own, which files were changed,
    and which hidden folders hold previous outputs a cut-off run set aside (named as such, not as a stranger's);
    every phrase agrees in number with what it names. ``advice`` ends it after "pārvietojiet … citur vai"."""
    aside = sorted({name.split("/", 1)[0] + "/" for name in foreign if is_aside(name)})
    foreign = [name for name in foreign if not is_aside(name)]
    files = [name for name in foreign if not name.endswith("/")]
    folders = [name for name in foreign if name.endswith("/")]
    parts = []
    if files:
        parts.append(("fails, ko" if len(files) == 1 else "faili, ko") + f" {who} nav rakstījusi: {_names(files)}")
    if folders:
        parts.append(("mape, ko" if len(folders) == 1 else "mapes, ko")
                     + f" {who} nav izveidojusi: {_names(folders)}")
    if changed:
        parts.append((f"fails, kas mainīts pēc tam, kad {who} to" if len(changed) == 1
                      else f"faili, kas mainīti pēc tam, kad {who} tos") + f" uzrakstīja: {_names(changed)}")
    if aside:
        parts.append("pārtrauktas palaišanas atliktie iepriekšējie rezultāti: " + _names(aside))
    n_files = len(files) + len(changed)
    n_folders = len(folders) + len(aside)
    objects = ([("šo failu" if n_files == 1 else "šos failus")] if n_files else []) + (
        [("šo mapi" if n_folders == 1 else "šīs mapes")] if n_folders else [])
    written = "nekas netika uzrakstīts – " if nothing_written else ""
    return f"mapē {folder} ir {'; '.join(parts)}; {written}pārvietojiet {' un '.join(objects)} citur vai {advice}"


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" un vēl {len(names) - LISTED}" if len(names) > LISTED else "")
