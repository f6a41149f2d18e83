"""The `ibm` command. Command and option names are English; everything a person reads is Latvian."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import click

from generator import cli_lv, lvformat
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue, load_or_raise
from generator.catalogue.problems import CatalogueError, Severity
from generator.cli_errors import DEBUG_ENV, describe, find_os_error, os_reason

cli_lv.install()

# Exit statuses shared by every command (README "Izejas statuss"); `ibm collect` adds 3.
EXIT_OK = 0
EXIT_FAILED = 1  # the command failed: bad catalogue or input file, output could not be written, internal error
EXIT_USAGE = 2  # wrong command line (click's usage errors)

CATALOGUE_MARKS = ("programme.yaml", "services", "prices")  # a folder with none of them is no catalogue


def _catalogue_folder(_ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
    """A folder without any of the catalogue's main files is a wrong parameter (status 2, one line), not a
    catalogue with seven errors (audit15 F6, D121)."""
    if value is not None and not any((value / mark).exists() for mark in CATALOGUE_MARKS):
        raise click.BadParameter(f"mapē „{value}” nav kataloga (tajā nav programme.yaml, services/ un prices/; "
                                 "gaidīts: kataloga mape kā catalogue/)")
    return value


def usage_error(message: str) -> None:
    """A wrong parameter found in a command's own checks: the same one line as click's own usage errors (README,
    status 2): „Kļūda: …” with the value in Latvian quotes and the command's `--help` (audit27 F11)."""
    raise click.UsageError(message, ctx=click.get_current_context(silent=True))


def refuse_unwritable(why: str | None, done: str = "; nekas netika uzrakstīts.") -> None:
    """An --out that cannot be written, said the same way in every command before any work (audit35b F9c, F9g):
    a wrong path (a file where a folder must be, a folder that can hold no file such as /proc) is a parameter
    error, status 2; a folder the user may not write into (permissions, read-only, immutable) is status 1."""
    if why is None:
        return
    if getattr(why, "parameter", False):
        usage_error(str(why))
    click.echo(f"Kļūda: {why}{done}", err=True)
    sys.exit(EXIT_FAILED)


def absolute_out(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """An `--out` value as the messages print it: absolute, so that the user sees where the results went (audit27
    F9). A leading "~" that the shell did not expand (the path was quoted, or typed in a program without a shell)
    is a folder literally named "~" here, not the home folder: said before anything is written."""
    if value is None:
        return None
    if value.parts and value.parts[0].startswith("~"):
        from generator.ministry.console_names import (
            shown_given,  # only here: a rare warning, screened as D360 says
        )

        click.echo(f"Brīdinājums: --out „{shown_given(value)}”: zīme „~” nav aizstāta ar mājas mapi (to dara tikai "
                   f"čaula, ja ceļš nav pēdiņās), tāpēc rezultāts būs „{shown_given(value.absolute())}”.", err=True)
    return value.absolute()


CATALOGUE_OPTION = click.option(
    "--catalogue",
    "catalogue_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=DEFAULT_CATALOGUE,
    show_default="catalogue/",
    callback=_catalogue_folder,
    help="Kataloga mape.",
)

EXIT_TEXT = ("Izejas statuss: 0 – izdevās; 1 – neizdevās (kļūdas katalogā vai ievaddatos, rezultātu nevar "
             "uzrakstīt), iepriekšējie rezultāti nav mainīti; 2 – nepareizi komandas parametri.")


# every command's help ends with its exit statuses, in the same order (0, 1, 2, collect's 3), each command's own
# (audit35b F10); an --out that no file can be written under is a wrong parameter everywhere (F9g)
OUT_WRONG = "--out ceļā ir fails, nevis mape, vai mape, kurā failus izveidot nevar"
BUILD_EXIT_TEXT = ("Izejas statuss: 0 – izdevās (arī ar brīdinājumu, ka matricu veidne nav veidņu reģistrā – "
                   "tad palaidiet „ibm fingerprint”); 1 – neizdevās (kļūdas katalogā, mapē nevar rakstīt vai tā nav "
                   "iepriekšējs „ibm build” rezultāts), iepriekšējais būvējums nav mainīts; 2 – nepareizi komandas "
                   f"parametri (arī: --out kataloga mapē, {OUT_WRONG}).")


# check and schema write no results of their own kind: their statuses say only what they do (audit35b F10)
CHECK_EXIT_TEXT = ("Izejas statuss: 0 – katalogs derīgs (var būt brīdinājumi); 1 – katalogā ir kļūdas; 2 – nepareizi "
                   "komandas parametri. Komanda neko neraksta.")
SCHEMA_EXIT_TEXT = ("Izejas statuss: 0 – shēmas uzrakstītas; 1 – shēmas nevar uzrakstīt (mapē ir shēmas nosaukuma "
                    "fails, ko šī komanda nav rakstījusi, vai mapē nevar rakstīt), iepriekšējās shēmas nav mainītas; "
                    f"2 – nepareizi komandas parametri (arī: {OUT_WRONG}).")


class IbmGroup(click.Group):
    """The `ibm` group. The subcommands of other packages are added on first use (generator/commands.py),
    so that importing a feature's command module first never meets a half-imported cli. An unexpected
    failure of any subcommand becomes one Latvian line and exit 1."""

    _loaded = False

    def load_commands(self) -> None:
        if not IbmGroup._loaded:
            IbmGroup._loaded = True
            from generator import commands  # noqa: F401  (registers the other subcommands)

            cli_lv.localize(self)

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        """The `ibm` process itself (the console script): SIGTERM and SIGHUP stop a command as Ctrl-C does, and
        once a writing command has run, Ctrl-C is ignored while the process ends (interrupts.whole_command_line);
        CliRunner calls ``main`` and gets its handler back."""
        from generator.early_interrupt import hand_over
        from generator.interrupts import signals_as_ctrl_c, whole_command_line

        with whole_command_line(process=True):
            hand_over()  # the starting handler (generator/__init__.py) gives Ctrl-C to click's Latvian ending
            signals_as_ctrl_c()  # `kill PID`, `timeout …`: the same clean-up and ending as Ctrl-C
            return self.main(*args, **kwargs)

    def main(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        from generator.interrupts import whole_command_line

        with whole_command_line(process=False):
            return super().main(*args, **kwargs)

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001, ANN003, ANN201
        self.load_commands()  # the usage line of a bare `ibm` is Latvian too
        return super().make_context(info_name, args, parent, **extra)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list with each command's whole first sentence, wrapped rather than cut at '...'."""
        rows = [(name, command.get_short_help_str(limit=200)) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section(cli_lv.TEXTS["Commands"]):
                formatter.write_dl(rows)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load_commands()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self.load_commands()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        from generator.replace_file import reset_replaced

        reset_replaced()  # the Ctrl-C line says what this command replaced (audit39 F10)
        cli_lv.writes_nothing(False)
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for a user
            if os.environ.get(DEBUG_ENV) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
                raise
            click.echo(f"Kļūda: {describe(exc)}.", err=True)
            sys.exit(EXIT_FAILED)


def count(n: int, one: str, many: str) -> str:
    """'1 kļūda', '2 kļūdas', '21 kļūda', '11 kļūdas': Latvian agreement with the last digit."""
    return f"{n} {lvformat.agree(n, one, many)}"


def _version() -> str:
    try:
        return load_or_raise().version
    except CatalogueError:
        return "nezināma (katalogā ir kļūdas)"


def print_problems(problems, root: Path, warnings_err: bool = True) -> tuple[int, int]:
    """Print the catalogue's problems: warnings first, then the errors together under a heading, last the notes on
    checks that were skipped, so that on a failed run the errors stand right above the summary, not among dozens of
    warnings (audit39 F8). Returns (errors, warnings)."""
    errors = [p for p in problems if p.severity is Severity.error]
    warnings = [p for p in problems if p.severity is Severity.warning]
    notes = [p for p in problems if p.severity is Severity.note]
    for p in warnings:
        click.echo(p.format(root, plain=True), err=warnings_err)
    if errors and warnings:
        click.echo(f"Kļūdas ({len(errors)}):", err=True)
    for p in [*errors, *notes]:
        click.echo(p.format(root, plain=True), err=True)
    return len(errors), len(warnings)


def _fail(problems, root: Path) -> None:
    errors, warnings = print_problems(problems, root)
    click.echo(f"Katalogā ir {count(errors, 'kļūda', 'kļūdas')}, {count(warnings, 'brīdinājums', 'brīdinājumi')}; "
               "nekas netika uzrakstīts.", err=True)
    sys.exit(1)


def load_for_command(catalogue_dir: Path):
    """Load the catalogue for a command; on errors print them and exit 1."""
    catalogue, problems = load_catalogue(catalogue_dir)
    if catalogue is None:
        _fail(problems, catalogue_dir)
    return catalogue


@click.group(cls=IbmGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=f"Katras komandas parametri: ibm KOMANDA --help. {EXIT_TEXT} Komanda collect izmanto arī 3 "
                    "(rezultāti uzrakstīti, bet daži faili neizmantoti).")
@click.version_option(message="ibm rīkkopa, kataloga versija %(version)s", version=None, package_name=None,
                      prog_name="ibm")
def main() -> None:
    """IBM rīkkopa: individuālā budžeta modeļa katalogs, aprēķini, darbgrāmatas, dokumenti un vietne."""


# click's version_option needs a version string up front; compute it lazily instead.
for param in main.params:
    if param.name == "version":
        param.callback = lambda ctx, _p, value: (  # type: ignore[assignment]
            (click.echo(f"ibm rīkkopa, kataloga versija {_version()}"), ctx.exit()) if value and not ctx.resilient_parsing
            else None
        )


@main.command(epilog=CHECK_EXIT_TEXT)
@CATALOGUE_OPTION
def check(catalogue_dir: Path) -> None:
    """Pārbauda visu katalogu: shēmu, atsauces, datumus un neapstiprinātās cenas."""
    cli_lv.writes_nothing()  # an interrupted check has no results to keep (audit35b F9i)
    catalogue, problems = load_catalogue(catalogue_dir)
    if catalogue is None:
        errors, warnings = print_problems(problems, catalogue_dir, warnings_err=False)
        click.echo(f"Kļūdas: {errors}, brīdinājumi: {warnings}. Katalogs nav derīgs.", err=True)
        sys.exit(1)
    for p in problems:
        click.echo(p.format(catalogue_dir, plain=True))
    warnings = sum(1 for p in problems if p.severity is Severity.warning)
    click.echo(
        f"Katalogs derīgs: {count(len(catalogue.services), 'pakalpojums', 'pakalpojumi')}, "
        f"{count(len(catalogue.prices), 'cena', 'cenas')}, "
        f"{count(len(catalogue.municipalities.municipalities), 'pašvaldība', 'pašvaldības')}, "
        f"programmas kārtas: {len(catalogue.rounds)}; "
        f"brīdinājumi: {warnings}; "
        f"versija {lvformat.version(catalogue.version)}."
    )


def _step_names() -> list[str]:
    from generator.steps import build_steps

    return [name for name, _title, _render in build_steps()]


def refuse_unknown_parts(only: tuple[str, ...]) -> None:
    """``--only`` of `ibm build` and `ibm changes --outputs`: every part named must be a step of the build."""
    names = _step_names()
    unknown = [part for part in only if part not in names]
    if unknown:
        raise click.BadParameter(f"nav tādas daļas: {', '.join(unknown)} (gaidīts: {', '.join(names)})",
                                 param_hint="'--only'")


class _OnlyOption(click.Option):
    """`--only`: its help lists the build's parts (read from generator/steps.py only when help is shown)."""

    def get_help_record(self, ctx: click.Context):
        self.help = ("Veidot tikai šo daļu (var atkārtot; pārējās pārņem no iepriekšējās reizes): "
                     f"{', '.join(_step_names())}.")
        return super().get_help_record(ctx)


def _refuse_foreign_folder(out_dir: Path) -> None:
    """`ibm build` replaces its whole output folder: never one with files it did not make or that were changed
    since (D119)."""
    from generator.build import MANIFEST, FolderNotOwn, check_out
    from generator.replace_file import crashed_in

    # a staging folder a crashed run left is not the user's: the build removes it and says so (D133)
    if (out_dir.is_dir() and not (out_dir / MANIFEST).is_file()
            and set(out_dir.iterdir()) - set(crashed_in(out_dir))):
        click.echo(f"Kļūda: mape {out_dir}/ nav tukša un nav iepriekšējs „ibm build” rezultāts (tajā nav "
                   f"{MANIFEST}); ibm build aizstāj visu mapi, tāpēc to neizmanto. Norādiet jaunu vai tukšu mapi "
                   f"ar --out. Nekas netika mainīts.", err=True)
        sys.exit(EXIT_FAILED)
    from generator.ministry.writable import unwritable_folder, unwritable_reason

    # the build is staged beside the folder, and the previous one is moved aside and removed: both are checked before
    # minutes of building, as every other command checks its --out first (audit35b F6)
    refuse_unwritable(unwritable_reason(out_dir.resolve())
                      or (unwritable_folder(out_dir.resolve()) if out_dir.is_dir() else None), ". Nekas netika mainīts.")
    try:
        check_out(out_dir)
    except FolderNotOwn as exc:
        click.echo(f"Kļūda: {exc}.", err=True)
        sys.exit(EXIT_FAILED)


@main.command(epilog=BUILD_EXIT_TEXT)
@CATALOGUE_OPTION
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("build"),
              show_default=True, help="Kur rakstīt rezultātu (jauna vai iepriekšējā „ibm build” mape).")
@click.option("--only", multiple=True, metavar="DAĻA", cls=_OnlyOption)
@click.option("--force", is_flag=True, help=("Veidot no jauna arī nemainītās daļas; ar --only – tikai norādītās, "
                    "pārējās pārņem no iepriekšējās reizes."))
def build(catalogue_dir: Path, out_dir: Path, only: tuple[str, ...], force: bool) -> None:
    """Izveido visu (atvērtos datus, darbgrāmatas, dokumentus, vietni) pagaidu mapē un nomaina build/."""
    from generator.build import FolderNotOwn, build_with_report
    from generator.interrupts import interrupt_once
    from generator.replace_file import PreviousAside

    click.get_current_context().call_on_close(interrupt_once())  # a second Ctrl-C cannot cut the clean-up short
    refuse_unknown_parts(only)
    inside = catalogue_dir.resolve()
    if out_dir.resolve() == inside or inside in out_dir.resolve().parents:  # a build would change its own input
        usage_error(f"--out „{out_dir}” ir kataloga mapē „{catalogue_dir}” (gaidīts: mape ārpus kataloga – "
                    "būvējums kataloga mapē mainītu katalogu un tā versiju)")
    _refuse_foreign_folder(out_dir)
    from generator.build import MANIFEST

    kept = (f"Iepriekšējais {out_dir}/ nav mainīts." if (out_dir / MANIFEST).is_file() else "Nekas netika mainīts.")
    catalogue = load_for_command(catalogue_dir)
    click.echo(f"Kataloga versija {lvformat.version(catalogue.version)}; rezultāts: {out_dir}/")
    try:
        report = build_with_report(catalogue, out_dir, progress=click.echo, only=set(only) or None, force=force)
    except CatalogueError as exc:
        _fail(exc.problems, catalogue_dir)
    except (FolderNotOwn, PreviousAside) as exc:  # PreviousAside: a failed swap names where the old build is
        click.echo(f"Kļūda: {exc}.", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as exc:  # noqa: BLE001 - any renderer failure: report, keep the old build
        os_error = find_os_error(exc)
        reason = os_reason(os_error) if os_error is not None else str(exc)
        click.echo(f"Kļūda: veidošana neizdevās: {reason}. {kept}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(
        f"Gatavs: {count(len(report.written), 'fails', 'faili')} mapē {out_dir}/; no jauna veidots: "
        f"{', '.join(report.rendered) or 'nekas'}; pārņemts: {', '.join(report.reused) or 'nekas'}."
    )
    if "dokumenti" in report.rendered or "dokumenti" in report.reused:  # the papers' form (04) names a passed day
        import datetime as dt

        from generator.documents.round_rules import municipalities_deadline_warnings

        for line in municipalities_deadline_warnings(catalogue, None, dt.date.today()):
            click.echo(line)
    if "matrica" in report.rendered or "matrica" in report.reused:  # the matrices made are in the build (D309)
        from generator.workbook.registry_note import registry_warning

        other = catalogue_dir.resolve() != DEFAULT_CATALOGUE.resolve()
        warning = registry_warning(catalogue, "ibm fingerprint" + (f" --catalogue {catalogue_dir}" if other else ""))
        if warning:
            click.echo(warning)


@main.command(epilog=SCHEMA_EXIT_TEXT)
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=DEFAULT_CATALOGUE / "schema", show_default="catalogue/schema",
              help="Mape, kurā rakstīt JSON shēmas: šīs komandas agrāk rakstītās shēmas tajā aizstāj, citus failus "
                   "nemaina; ja tajā ir shēmas nosaukuma fails, ko šī komanda nav rakstījusi, neko neraksta "
                   "(izejas statuss 1).")
def schema(out_dir: Path) -> None:
    """Eksportē kataloga JSON shēmas (redaktoru automātiskajai pabeigšanai)."""
    from generator.catalogue.schema import NotOwnSchema, write_schemas
    from generator.ministry.writable import unwritable_folder

    refuse_unwritable(unwritable_folder(out_dir))  # the folder named, not a temporary file in it (audit35b F9c)
    try:
        paths = write_schemas(out_dir)
    except NotOwnSchema as exc:
        click.echo(f"Kļūda: {exc}.", err=True)
        sys.exit(EXIT_FAILED)
    except OSError as exc:
        click.echo(f"Kļūda: shēmas nevar uzrakstīt mapē {out_dir}/: {os_reason(exc)}.", err=True)
        sys.exit(EXIT_FAILED)
    for path in paths:
        click.echo(f"Uzrakstīts {path}")


def register(command: click.Command) -> None:
    """Add a subcommand defined in another module (workbook, documents, site, ministry tools)."""
    main.add_command(command)


if __name__ == "__main__":  # `python -m generator.cli`: the commands register on generator.cli's group
    from generator.cli import main as _main

    _main()
