"""`ibm documents` (without --from-matrix): everything is rendered into a temporary folder inside DIR first and
moved into place only when all of it was written (generator/replace_file.py's swap: previous files of the
same names go aside and come back if a move fails). Only the files this run made are replaced; nothing else in
DIR is removed. A target that is a folder or a link is refused before anything is moved.

With a ``manifest`` (a JSON file under DIR listing every file written with its SHA-256), an existing file of the
same name is replaced only when an earlier run (or `ibm build`, whose .ibm-build.json lists the same) wrote it
and it is unchanged since; a user's own file of that name stops the run, named, before anything is moved (D119).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from generator.own_files import digest, refusal
from generator.replace_file import leftovers, say_leftovers, staged_folder, swap_final

DOCUMENTS_MANIFEST = "lejupielades/.ibm-dokumenti.json"
BUILD_MANIFEST = ".ibm-build.json"  # generator/build.py's MANIFEST (not imported: build imports every step)


class OutputTaken(Exception):
    """A document's place is taken by something this command does not replace (a folder or a link)."""


class NotOwnFile(Exception):
    """A file of a document's name is there that no run of this toolkit wrote, or it was changed since."""


def known_files(out: Path, manifest: str) -> dict[str, str]:
    """name (relative to ``out``) -> SHA-256 of the files ``manifest`` and the build manifest in ``out`` list."""
    known: dict[str, str] = {}
    for name in (BUILD_MANIFEST, manifest):
        try:
            data = json.loads((out / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        hashes = data.get("sha256") if isinstance(data, dict) else None
        if isinstance(hashes, dict):
            known.update({str(k): str(v) for k, v in hashes.items()})
    return known


def changed_since(out: Path, manifest: str, may_write: Callable[[str], bool]) -> list[str]:
    """The files the manifests in ``out`` list, that this run ``may_write`` (a name relative to ``out``) and that
    were changed since they were written: known before anything is rendered (audit37a F13)."""
    changed = []
    for name, sha in sorted(known_files(out, manifest).items()):
        path = out / name
        if may_write(name) and path.is_file() and not path.is_symlink() and digest(path) != sha:
            changed.append(name)
    return changed


def render_staged(out: Path, render: Callable[[Path], object], prefix: str = ".ibm-documents-",
                  manifest: str | None = None, may_write: Callable[[str], bool] | None = None) -> list[Path]:
    """``render(staging folder)``, then its files moved to the same places under ``out``; returns them. With
    ``may_write`` (which names this run can write), an own file changed since is refused before ``render`` – the
    same refusal the check after it gives, without first rendering everything (`ibm build` checks first too)."""
    if manifest is not None and may_write is not None and (changed := changed_since(out, manifest, may_write)):
        raise NotOwnFile(refusal(out, [], changed))
    out.mkdir(parents=True, exist_ok=True)
    say_leftovers(leftovers(out))  # a cut-off earlier run's previous files (review3 F7)
    with staged_folder(out, prefix) as tmp:
        new = tmp / "jauns"
        new.mkdir()
        render(new)
        pairs = [(p, out / p.relative_to(new)) for p in sorted(new.rglob("*")) if p.is_file()]
        taken = [t for _, t in pairs if t.is_symlink() or (t.exists() and not t.is_file())]
        if taken:
            raise OutputTaken(", ".join(str(t) for t in taken[:5]))
        if manifest is not None:
            pairs = _with_manifest(out, new, pairs, manifest)
        for _, target in pairs:
            target.parent.mkdir(parents=True, exist_ok=True)
        swap_final(pairs, aside_in=out)  # a Ctrl-C now does not fail the run once every file is in place (D133)
        return [t for _, t in pairs if t != out / manifest] if manifest is not None else [t for _, t in pairs]


def _with_manifest(out: Path, new: Path, pairs: list[tuple[Path, Path]], manifest: str) -> list[tuple[Path, Path]]:
    """Refuse a target that is not a known unchanged file; add the updated manifest to the files moved."""
    known = known_files(out, manifest)
    foreign: list[str] = []
    changed: list[str] = []
    for _, target in pairs:
        name = target.relative_to(out).as_posix()
        if target.is_file():
            if name not in known:
                foreign.append(name)
            elif digest(target) != known[name]:
                changed.append(name)
    if foreign or changed:
        raise NotOwnFile(refusal(out, foreign, changed))
    try:
        previous = json.loads((out / manifest).read_text(encoding="utf-8")).get("sha256", {})
    except (OSError, ValueError, AttributeError):
        previous = {}
    hashes = {name: sha for name, sha in previous.items()
              if (out / name).is_file() and digest(out / name) == sha}  # earlier runs' files still as written
    hashes.update({t.relative_to(out).as_posix(): digest(p) for p, t in pairs})
    staged = new / manifest
    staged.parent.mkdir(parents=True, exist_ok=True)
    staged.write_text(json.dumps({"sha256": dict(sorted(hashes.items()))}, indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    return [*pairs, (staged, out / manifest)]
