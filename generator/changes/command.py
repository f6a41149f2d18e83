"""`ibm changes --from REF --to REF`: the Latvian change report between two catalogue versions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
from pathlib import Path

import click

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.catalogue.problems import Problem, Severity
from generator.changes.backdated import backdated_values
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report
from generator.changes.sources import SourceError, materialize
from generator.changes.tolerant import Tolerant, load_tolerant
from generator.cli import OUT_WRONG, refuse_unknown_parts
from generator.cli_errors import os_reason_without_path
from generator.lvformat import agree
from generator.replace_file import write_replacing

REPO = DEFAULT_CATALOGUE.parent
NEW = "jaunajā"  # the label of the new version (read without leaving files out, tolerant.load_tolerant)
REPORT_HEAD = "# Cenu un noteikumu izmaiņas"  # the first line of every report (report.py)


def _own_report(path: Path) -> bool:
    """Whether ``path`` is a change report this command wrote (it starts with the report's heading)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline().rstrip("\r\n") == REPORT_HEAD
    except (OSError, UnicodeDecodeError):
        return False


def _check_out(out_file: Path, overwrite: bool) -> None:
    """Refuse, before any work, an --out that is a file this command did not write (D119)."""
    from generator.cli import refuse_unwritable, usage_error
    from generator.ministry.writable import unwritable_reason

    if out_file.is_symlink() or (out_file.exists() and not out_file.is_file()):
        usage_error(f"--out „{out_file}” nav parasts fails (gaidīts: Markdown faila ceļš)")
    refuse_unwritable(unwritable_reason(out_file))
    if out_file.exists() and not overwrite and not _own_report(out_file):
        click.echo(f"Kļūda: fails {out_file} jau ir, un to nav rakstījusi komanda „ibm changes” (tas nesākas ar "
                   f"„{REPORT_HEAD}”); nekas netika uzrakstīts. Norādiet citu --out vai pievienojiet --overwrite.",
                   err=True)
        sys.exit(1)


def _write(out_file: Path, text: str) -> None:
    try:
        write_replacing(out_file, lambda tmp: tmp.write_text(text, encoding="utf-8"), suffix=".md")
    except OSError as exc:
        click.echo(f"Kļūda: atskaiti nevar uzrakstīt mapē {out_file.parent} ({os_reason_without_path(exc)}); "
                   "nekas netika uzrakstīts.", err=True)
        sys.exit(1)


def _folder(ref: str, workdir: Path, option: str) -> Path:
    """The catalogue folder of ``ref``; a REF that is neither is a parameter error (rc 2) naming ``option``."""
    try:
        return materialize(ref, workdir, REPO)
    except SourceError as exc:
        click.echo(f"Kļūda: {option} {exc}. Palīdzība: ibm changes --help.", err=True)
        sys.exit(2)


def _user_path(problem: Problem, folder: Path, workdir: Path) -> Problem:
    """A problem found in the adapted copy (workdir/pielagots/…) named at the user's own file."""
    if problem.path is None:
        return problem
    try:
        rel = problem.path.resolve().relative_to((workdir / "pielagots").resolve())
    except ValueError:
        return problem
    return dataclasses.replace(problem, path=folder / rel)


def _load(ref: str, folder: Path, other: Path, workdir: Path, label: str) -> Tolerant:
    """Load one version; one of an earlier schema is read tolerantly (what could not be compared is kept).

    A new version given as a folder (the working catalogue, --catalogue, --to MAPE) is the catalogue being
    published: it must pass `ibm check` as it is, so a required field deleted from it is an error, not a schema
    difference reported as "not compared" (audit27 F14)."""
    strict = label == NEW and Path(ref).is_dir()
    loaded = load_tolerant(folder, None if strict else other, workdir, label, drop_files=label != NEW,
                           documents=label == NEW)  # D310 binds the new version, not the one it is compared with
    if loaded.catalogue is None:
        revision = "" if Path(ref).is_dir() else f"{ref}:"  # a git revision's file, not the working one (F13)
        shown = [revision + _user_path(p, folder, workdir).format(folder, plain=not revision) for p in loaded.problems]
        for line in shown:  # a folder's file as `ibm check` names it (audit39 F7), a revision's from its root
            click.echo(line, err=True)
        # as `ibm check` ends: the errors again under their count when warnings stood between, then the counts
        errors = [line for p, line in zip(loaded.problems, shown, strict=True) if p.severity is Severity.error]
        warnings = sum(1 for p in loaded.problems if p.severity is Severity.warning)
        if errors and warnings:
            click.echo(f"Kļūdas ({len(errors)}):", err=True)
            for line in errors:
                click.echo(line, err=True)
        click.echo(f"Kļūdas: {len(errors)}, brīdinājumi: {warnings}.", err=True)
        schema = any(p.field != "-" for p in loaded.problems)  # not a file that is no YAML at all (audit27 F1)
        why = ", un to nevar pielāgot pašreizējai shēmai" if label != NEW and schema else ""
        click.echo(f"Kļūda: katalogs „{ref}” nav derīgs{why}; nekas netika uzrakstīts.", err=True)
        sys.exit(1)
    return loaded


@click.command(epilog="Izejas statuss: 0 – atskaite izveidota; 1 – kāds katalogs nav derīgs vai atskaiti nevar "
                       "uzrakstīt (--out fails jau ir un to nav rakstījusi šī komanda, vai mapē nevar rakstīt), "
                       "nekas netika uzrakstīts; 2 – nepareizi komandas parametri (arī: REF nav ne git revīzija, ne "
                       "kataloga mape; --out ir mape vai saite; " + OUT_WRONG + ").")
@click.option("--from", "old_ref", required=True, metavar="REF",
              help="Iepriekšējā versija: git revīzija vai kataloga mape.")
@click.option("--to", "new_ref", default=str(DEFAULT_CATALOGUE), show_default="catalogue/", metavar="REF",
              help="Jaunā versija: git revīzija vai kataloga mape.")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Kur rakstīt Markdown atskaiti (citādi – ekrānā).")
@click.option("--outputs/--no-outputs", default=False,
              help="Izveidot abas versijas un uzskaitīt mainītos ģenerētos failus.")
@click.option("--only", multiple=True, metavar="DAĻA", help="Ar --outputs: salīdzināt tikai šīs būvēšanas daļas.")
@click.option("--overwrite", is_flag=True,
              help="Ar --out: aizstāt arī esošu failu, ko nav rakstījusi komanda „ibm changes”.")
@click.option("--catalogue", "catalogue_dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="Jaunās versijas kataloga mape (tas pats, kas --to MAPE).")
@click.option("--day", type=click.DateTime(formats=["%d.%m.%Y"]), default=None, metavar="DD.MM.GGGG",
              help="Atskaites diena (noklusējums: šodiena) – diena, kurā jauno katalogu sāk lietot: atsaukšanu, kas "
                   "spēkā šajā dienā vai agrāk, atskaite nosauc, un dokumentus, kas no tās dienas izveidoti ar "
                   "iepriekšējo katalogu, liek izveidot vēlreiz.")
def changes(old_ref: str, new_ref: str, out_file: Path | None, outputs: bool, only: tuple[str, ...],
            overwrite: bool, catalogue_dir: Path | None, day: dt.datetime | None) -> None:
    """Cenu un noteikumu izmaiņu atskaite starp divām kataloga versijām.

    Ar --out esošu failu aizstāj tikai tad, ja tā ir šīs komandas atskaite (sākas ar tās virsrakstu) vai ir
    norādīts --overwrite.
    """
    if only:
        refuse_unknown_parts(only)
        if not outputs:
            raise click.BadParameter("izmanto tikai kopā ar --outputs", param_hint="'--only'")
    if catalogue_dir is not None:  # README: every command that reads the catalogue takes --catalogue (audit15 F7)
        if click.get_current_context().get_parameter_source("new_ref") is not click.core.ParameterSource.DEFAULT:
            raise click.UsageError("--catalogue un --to kopā nelieto (abi nosaka jauno versiju)")
        new_ref = str(catalogue_dir)
    if out_file:
        _check_out(out_file, overwrite)
    else:  # the report on the screen: an interrupted run has no file to keep (audit35b F9i)
        from generator import cli_lv

        cli_lv.writes_nothing()
    with tempfile.TemporaryDirectory(prefix="ibm-refs-") as tmp:
        old_folder = _folder(old_ref, Path(tmp) / "old", "--from")
        new_folder = _folder(new_ref, Path(tmp) / "new", "--catalogue" if catalogue_dir is not None else "--to")
        new_loaded = _load(new_ref, new_folder, old_folder, Path(tmp) / "new", NEW)
        old_loaded = _load(old_ref, old_folder, new_folder, Path(tmp) / "old", "iepriekšējā")
        old, new = old_loaded.catalogue, new_loaded.catalogue
        assert old is not None and new is not None
        skipped = old_loaded.skipped + new_loaded.skipped
        for line in skipped:
            click.echo(f"Piezīme: {line}", err=True)
        diff = diff_catalogues(old, new)
        revision = "" if Path(new_ref).is_dir() else f"{new_ref}:"  # as _load names a file of the new version
        for problem in backdated_values(diff, new, day.date() if day is not None else dt.date.today()):  # D352
            shown = _user_path(problem, new_folder, Path(tmp) / "new").format(new_folder, plain=not revision)
            click.echo(f"{revision}{shown}", err=True)  # as `ibm check`: „… [brīdinājums]”
        out_diff = None
        if outputs:
            from generator.changes.outputs import diff_outputs

            out_diff = diff_outputs(old, new, set(only) or None, progress=lambda m: click.echo(m, err=True))
        text = change_report(diff, new, out_diff, skipped, day=day.date() if day is not None else None)
    if out_file:
        _check_out(out_file, overwrite)  # nothing appeared there while comparing
        _write(out_file, text)
        count = len(diff.values) + len(diff.service_rules) + len(diff.rounds) + len(diff.holidays)
        click.echo(f"Atskaite uzrakstīta: {out_file} ({count} {agree(count, 'mainīta vērtība', 'mainītas vērtības')})")
    else:
        click.echo(text, nl=False)
