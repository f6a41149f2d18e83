"""Is a matrix still open in a spreadsheet program? LibreOffice leaves a lock file ``.~lock.<name>#`` beside a file it
has open, Excel ``~$<name>`` (for a longer name the first two characters of the name replaced by ``~$``). Both are
skipped as workbooks (hidden or ``~$``), but the file they name may hold unsaved changes: `ibm collect`,
`ibm migrate` and `ibm documents --from-matrix` use the last saved version and say so (ministrycheck F1). The lock file's own name and content (the
name of the person who opened it) are never shown: the first repeats the matrix's file name, the second is personal."""

from __future__ import annotations

from pathlib import Path

from generator.ministry.console_names import shown_given


def open_in(path: Path) -> str | None:
    """The program whose lock file says ``path`` is open ("LibreOffice" or "Excel"), None when there is none."""
    folder, name = path.parent, path.name
    try:
        if (folder / f".~lock.{name}#").exists():
            return "LibreOffice"
        if (folder / f"~${name}").exists() or len(name) > 2 and (folder / f"~${name[2:]}").exists():
            return "Excel"
    except OSError:  # an unreadable folder: its files' reading names that
        return None
    return None


def open_note(program: str, command: str) -> str:
    """The Latvian note for a matrix that ``program`` has open, for ``command`` ("ibm collect", "ibm migrate" or
    "ibm documents --from-matrix", whose papers would otherwise show the last saved numbers unsaid, audit35b F4)."""
    used = "pārnesta" if command == "ibm migrate" else "izmantota"
    return (f"fails, šķiet, vēl ir atvērts ({program} bloķēšanas fails blakus tam) – {used} pēdējā saglabātā versija; "
            f"ja tajā ir nesaglabātas izmaiņas, saglabājiet un aizveriet failu un palaidiet „{command}” vēlreiz (ja "
            "failu neviens nav atvēris, bloķēšanas fails palicis no agrākas reizes, un to var izdzēst)")


def open_note_unused(program: str, command: str) -> str:
    """The note for an open matrix that ``command`` refused or skipped: nothing was taken from it, so it does not say
    its last saved version was used (audit35b F9f) – only what to do about unsaved changes."""
    return (f"fails, šķiet, vēl ir atvērts ({program} bloķēšanas fails blakus tam); ja tajā ir nesaglabātas "
            f"izmaiņas, saglabājiet un aizveriet failu, pirms palaižat „{command}” vēlreiz")


def open_outputs(summary: Path) -> list[tuple[str, str]]:
    """(path as shown, program) when a spreadsheet program has the previous summary of `ibm collect` open: a new
    collection replaces it, and saving the open window afterwards would write the old content over the new
    (ministrycheck F4). The summary's path is the user's --out: shown as shown_given shows it (D382). (A CSV
    of galigie-apmeri/ open refuses the run: its lock file lies in the folder the collection replaces, output.py.)"""
    if summary.is_file() and (program := open_in(summary)) is not None:
        return [(shown_given(summary, output=True), program)]  # --out as given, screened (D382)
    return []
