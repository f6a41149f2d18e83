"""`ibm build`: run every renderer into a temporary folder and swap it into place only on success.

A renderer is a function ``(catalogue, out_dir, progress) -> list[Path]`` registered in
generator/steps.py. Each writes into its own sub-folder of ``out_dir``; a failure leaves the
previous build untouched. A step whose inputs (catalogue, its own code, templates) did not change
since the previous build is not rendered again: its files are taken over from that build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.code_deps import imported_files
from generator.lvformat import agree
from generator.own_files import digest, refusal, strangers
from generator.replace_file import (
    aside_prefix,
    clear_crashed,
    crashed_in,
    leftovers,
    say_leftovers,
    staged_folder,
    swap_final,
)
from generator.staging_mark import STAGING_MARK

Progress = Callable[[str], None]
Renderer = Callable[[Catalogue, Path, Progress], list[Path]]

REPO = Path(__file__).resolve().parents[1]
MANIFEST = ".ibm-build.json"
# Code every step depends on, besides its own package and every generator/ module its renderer imports
# (followed transitively by generator/code_deps.py, so a helper borrowed from another package is not missed).
SHARED_CODE = ("generator/catalogue", "generator/reference", "generator/money.py", "generator/lvformat.py",
               "generator/csvfiles.py", "generator/build.py", "generator/steps.py", "generator/code_deps.py")
LAST_STEP = "vietne"  # the site lists every other step's files, so it depends on all of them


@dataclass(frozen=True)
class Step:
    name: str
    title_lv: str
    render: Renderer
    depends: tuple[str, ...] = field(default=())


class MisdescribingSite(RuntimeError):
    """`--only` would leave the site describing files of other inputs (their versions, prices days, plans they
    take) as the current ones (D306): a new site over parts of the previous build made from other inputs
    (``remade`` False), or the previous build's site, taken over, beside parts this run remakes from new inputs."""

    def __init__(self, parts: list[Step], remade: bool) -> None:
        names = ", ".join(f"„{p.title_lv}”" for p in parts)
        options = " ".join(f"--only {p.name}" for p in parts)
        one = len(parts) == 1
        if remade:
            told = (f"šī palaišana no jauna veido {'daļu' if one else 'daļas'} {names} ar citu katalogu, kodu vai "
                    "veidnēm nekā iepriekšējā būvējumā, bet iepriekšējā būvējuma vietne, ko tā pārņemtu, apraksta "
                    "vecos failus. Veidojiet vietni kopā ar tām")
        else:
            which = (f"iepriekšējā būvējuma daļa {names} ir veidota" if one
                     else f"iepriekšējā būvējuma daļas {names} ir veidotas")
            told = (f"vietne apraksta visas lejupielādes, bet {which} ar citu katalogu, kodu vai veidnēm nekā tagad, "
                    "tāpēc vietne tās nosauktu nepareizi (piemēram, ar pašreizējo veidnes versiju). Veidojiet tās "
                    "kopā ar vietni")
        super().__init__(f"{told} („ibm build” bez --only vai ar {options} --only {LAST_STEP})")
        self.parts = parts


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


def _renderers() -> list[Step]:
    from generator.steps import build_steps

    return [Step(*s) for s in build_steps()]


def _own_code(step: Step) -> tuple[str, ...]:
    """The step's own package (with its data files) and every generator/ module its renderer imports."""
    module = getattr(step.render, "__module__", "") or ""
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "generator":
        candidate = REPO / "generator" / parts[1]
        own = f"generator/{parts[1]}" if candidate.is_dir() else f"generator/{parts[1]}.py"
        imported = tuple(p.relative_to(REPO).as_posix() for p in imported_files(module, REPO))
        return (own,) + tuple(p for p in imported if not p.startswith(own + "/") and p != own)
    return ()


def step_code_files(step: Step) -> list[str]:
    """Repository-relative paths of every code file in the step's fingerprint."""
    files: set[str] = set()
    for rel in SHARED_CODE + _own_code(step) + step.depends:
        base = REPO / rel
        found = [base] if base.is_file() else base.rglob("*.py")
        files.update(p.relative_to(REPO).as_posix() for p in found if "__pycache__" not in p.parts)
    return sorted(files)


def _digest_paths(digest: hashlib._Hash, root: Path, rels: tuple[str, ...], skip: tuple[str, ...] = ()) -> None:
    for rel in rels:
        base = root / rel
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            relpath = path.relative_to(root).as_posix()
            if "__pycache__" in relpath or any(relpath.startswith(s) for s in skip):
                continue
            digest.update(relpath.encode() + b"\0" + path.read_bytes() + b"\0")


def step_key(step: Step, catalogue: Catalogue, earlier: list[str]) -> str:
    """A fingerprint of everything the step reads: catalogue files, code, templates, earlier steps."""
    digest = hashlib.sha256()
    digest.update(step.name.encode())
    skip = () if step.name == LAST_STEP else ("metodika",)
    _digest_paths(digest, catalogue.root, tuple(p.name for p in sorted(catalogue.root.iterdir())), skip)
    _digest_paths(digest, REPO, SHARED_CODE + _own_code(step) + step.depends + ("templates", "pyproject.toml"))
    if step.name == "dokumenti":  # a term date becomes a blank once its round has ended (documents/terms.py)
        from generator.documents.terms import state_key

        digest.update(state_key(catalogue).encode())
        # a later prices day's documents are made while the day is ahead (D187): dropped once the build day reaches it
        from generator.documents.build_step import later_days

        digest.update(",".join(i.day.isoformat() for i in later_days(catalogue, dt.date.today())).encode())
    if step.name == "matrica":  # an issue day's matrices are built while its round runs (workbook/render.py)
        from generator.workbook.render import state_key as issued_days

        digest.update(issued_days(catalogue).encode())
    if step.name == LAST_STEP:
        from generator.site.context import site_date

        # the prices the site shows as in force follow the build day (D185): rebuilt when it reaches a new date
        digest.update(site_date(catalogue).isoformat().encode())
        _digest_paths(digest, REPO, ("site", "mkdocs.yml"))
        for key in earlier:
            digest.update(key.encode())
    return digest.hexdigest()


class FolderNotOwn(Exception):
    """The output folder holds a file this command did not write, one changed since it wrote it, or a user's empty
    folder (D119)."""


def check_out(out: Path) -> None:
    """Raises FolderNotOwn unless every file in ``out`` is one the previous build listed in its manifest, unchanged
    (the manifest's SHA-256; a manifest of an earlier version without them vouches for its listed files) and it
    holds no empty folder the build did not make (own_files.strangers). A staging folder a crashed run left in it
    (staging_mark.crashed) is not refused: the build removes it first and says so (D133)."""
    if not (out / MANIFEST).is_file():
        return  # no previous build: the command refuses a non-empty folder before it starts (cli.py)
    from generator.documents.staged_output import DOCUMENTS_MANIFEST, known_files

    previous = _read_manifest(out)
    listed = {f for entry in previous.get("steps", {}).values() for f in entry.get("files", [])}
    hashes = previous.get("sha256", {})
    known = {name: hashes.get(name) or (digest(out / name) if (out / name).is_file() else "") for name in listed}
    for name, sha in known_files(out, DOCUMENTS_MANIFEST).items():  # `ibm documents` rewrote them since
        if (out / name).is_file() and digest(out / name) == sha:
            known[name] = sha
    left = tuple(p.name + "/" for p in crashed_in(out))
    foreign, changed = strangers(out, known, ignore=(MANIFEST, DOCUMENTS_MANIFEST, *left))
    if foreign or changed:
        raise FolderNotOwn(refusal(out, foreign, changed))


def _read_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _reuse(previous: dict, out: Path, staging: Path, name: str, key: str | None) -> list[Path] | None:
    """Copy the previous build's files of step ``name`` if its key matches (any key when None)."""
    entry = previous.get("steps", {}).get(name)
    if not entry or (key is not None and entry.get("key") != key):
        return None
    files = [out / f for f in entry.get("files", [])]
    if not files or not all(p.is_file() for p in files):
        return None
    copied = []
    for src in files:
        dst = staging / src.relative_to(out)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        copied.append(dst)
    return copied


def _refuse_a_misdescribing_site(steps: list[Step], keys: list[str], previous: dict, only: set[str]) -> None:
    """D306: the site describes every other part's files, so `--only` may not leave it describing files of other
    inputs – neither a new site over parts taken over from other inputs, nor an old site taken over beside parts
    this run makes from new inputs."""
    entries = previous.get("steps", {})
    changed = [step for step, key in zip(steps, keys, strict=True) if step.name != LAST_STEP
               and (step.name not in entries or entries[step.name].get("key") != key)]
    if LAST_STEP in only:
        stale = [step for step in changed if step.name not in only and step.name in entries]
        if stale:
            raise MisdescribingSite(stale, remade=False)
    elif LAST_STEP in entries:
        remaking = [step for step in changed if step.name in only]
        if remaking:
            raise MisdescribingSite(remaking, remade=True)


def build(catalogue: Catalogue, out: Path, progress: Progress = print, only: set[str] | None = None,
          force: bool = False) -> list[Path]:
    """Build everything into ``out``. Raises on failure; ``out`` is then exactly as it was."""
    return build_with_report(catalogue, out, progress, only, force).written


def build_with_report(catalogue: Catalogue, out: Path, progress: Progress = print, only: set[str] | None = None,
                      force: bool = False) -> BuildReport:
    out = out.resolve()
    say_leftovers(leftovers(out.parent, aside_prefix(out)) + leftovers(out), say=progress)  # review3 F7
    clear_crashed(out, say=progress)  # e.g. `ibm documents --out build` killed while it wrote (D133)
    check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # --force renders the parts asked for anew; with --only, the other parts are still taken over (review7 R7-10)
    previous = _read_manifest(out)
    report = BuildReport()
    manifest: dict = {"catalogue_version": catalogue.version, "steps": {}}
    steps = _renderers()
    keys: list[str] = []
    for step in steps:
        keys.append(step_key(step, catalogue, keys))
    if only is not None:
        _refuse_a_misdescribing_site(steps, keys, previous, only)
    with staged_folder(out.parent, ".ibm-build-", say=progress) as staging:
        # the progress counts the parts this run shows: built, or taken over from the previous build (audit15 F16)
        shown = [s.name for s in steps if only is None or s.name in only or s.name in previous.get("steps", {})]
        for step, key in zip(steps, keys, strict=True):
            i = shown.index(step.name) + 1 if step.name in shown else 0
            selected = only is None or step.name in only
            reused = None if force and selected else _reuse(previous, out, staging, step.name,
                                                            key if selected else None)
            if reused is not None:
                note = "nav mainīts" if selected else "netika veidots šoreiz"
                n = len(reused)
                progress(f"[{i}/{len(shown)}] {step.title_lv}: {note}, {agree(n, 'pārņemts', 'pārņemti')} {n} "
                         f"{agree(n, 'fails', 'faili')}")
                files = reused
                report.reused.append(step.name)
                key = previous["steps"][step.name]["key"]
            elif not selected:
                continue
            else:
                progress(f"[{i}/{len(shown)}] {step.title_lv} …")
                before = _files(staging)
                step.render(catalogue, staging, progress)
                files = sorted(_files(staging) - before)
                report.rendered.append(step.name)
            report.written.extend(files)
            manifest["steps"][step.name] = {
                "key": key,
                "files": sorted(p.relative_to(staging).as_posix() for p in files),
            }
        _prune_empty(staging)  # a folder a step made but left empty would stop the next build as foreign (D119)
        manifest["sha256"] = {p.relative_to(staging).as_posix(): digest(p) for p in sorted(_files(staging))}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        check_out(out)  # nothing foreign appeared while building
        # the new build takes the old one's place; a Ctrl-C now does not fail the finished run (D133)
        swap_final([(staging, out)], prefix=aside_prefix(out))
    report.written = [out / p.relative_to(staging) for p in report.written]
    return report


def _files(folder: Path) -> set[Path]:
    """The files under ``folder``, a build's staging folder: not its own marker (dropped before the swap)."""
    return {p for p in folder.rglob("*") if p.is_file() and p != folder / STAGING_MARK}


def _prune_empty(folder: Path) -> None:
    """Remove the folders under ``folder`` (the build's own staging folder) that hold no file at any depth."""
    for path in sorted((p for p in folder.rglob("*") if p.is_dir() and not p.is_symlink()), reverse=True):
        if not any(path.iterdir()):
            path.rmdir()


if __name__ == "__main__":  # pragma: no cover
    sys.exit("Lietojiet: ibm build")
