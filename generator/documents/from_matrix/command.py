"""The --from-matrix branch of `ibm documents`: options, key, exit codes (see run.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from generator.cli import load_for_command, usage_error
from generator.documents.from_matrix.run import EXIT_REFUSED, SourceError, run
from generator.ministry.console_names import shown_given

DEFAULT_OUT = Path("berna-dokumenti")


def system_day() -> dt.date:
    """The day the command really runs (the machine's date), whatever `--day` says: a plan period that ended
    before it gets no signable papers, only a refusal or (--arhivam) an archive copy (audit19 F34, D136)."""
    return dt.date.today()


def folders_line(out: Path, *, keyed: bool) -> str:
    """Where the children's folders are: named after the child's pseudonym with the collection's key, else after the
    matrix file's name (its hash when the name shows the child) – never promising a code the folder lacks (audit38
    F5)."""
    name = "‹pseidonīms›" if keyed else "‹matricas faila nosaukums vai jaucējkods›"
    return f"Bērnu dokumenti: {shown_given(out)}/{name}/ (katrā mapē arī parskats.txt)."  # --out screened (D382)


def from_matrix_command(catalogue_dir: Path, source: Path, out: Path | None, draft: bool, key_file: Path | None,
                        municipality_id: str | None, day: dt.date | None = None, *, archive: bool = False) -> int:
    from generator.ministry.pseudonym import ENV_KEY, KeyError_, load_key

    def err(text: str) -> None:
        click.echo(text, err=True)

    if municipality_id is not None:
        usage_error("--municipality nevar lietot kopā ar --from-matrix: pašvaldību nosaka matricas 6.1. tabula "
                    "(Pasvaldiba)")
    out = out or DEFAULT_OUT
    if source.exists() and source.is_dir() and (out.resolve() == source.resolve()):
        usage_error(f"--out „{shown_given(out)}” ir tā pati mape, kurā ir matricas (gaidīts: cita mape)")
    key = None
    if key_file is not None or os.environ.get(ENV_KEY, "").strip():
        try:
            key = load_key(key_file, note=lambda text: err(f"Piezīme: {text}."))
        except KeyError_ as exc:
            usage_error(str(exc))
    from generator.ministry.writable import unwritable_folder

    if source.exists() and (why := unwritable_folder(out)) is not None:  # before any matrix is rendered
        if why.parameter:  # a file on the way, or /proc: a wrong --out (status 2, audit35b F9g)
            usage_error(str(why))
        err(f"Kļūda: {why}; nekas netika uzrakstīts.")
        return EXIT_REFUSED
    catalogue = load_for_command(catalogue_dir)
    try:
        summary = run(source, out, catalogue, key, draft=draft, echo=click.echo, err=err, today=day,
                      archive=archive, ended_by=system_day() if day is not None else None)
    except SourceError as exc:
        usage_error(str(exc))
    click.echo(summary.line())
    if summary.folders:
        click.echo(folders_line(out, keyed=key is not None))
    return summary.exit_code
