"""The `ibm` command. Command and option names are English; everything a person reads is Latvian."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import cli_lv
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue, load_or_raise
from generator.catalogue.problems import CatalogueError, Severity

cli_lv.install()

CATALOGUE_OPTION = click.option(
    "--catalogue",
    "catalogue_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CATALOGUE,
    show_default="catalogue/",
    help="Kataloga mape.",
)


def _version() -> str:
    try:
        return load_or_raise().version
    except CatalogueError:
        return "nezināma (katalogā ir kļūdas)"


def _fail(problems, root: Path) -> None:
    for p in problems:
        click.echo(p.format(root), err=True)
    errors = sum(1 for p in problems if p.severity is Severity.error)
    click.echo(f"Katalogā ir {errors} kļūdas; nekas netika uzrakstīts.", err=True)
    sys.exit(1)


def load_for_command(catalogue_dir: Path):
    """Load the catalogue for a command; on errors print them and exit 1."""
    catalogue, problems = load_catalogue(catalogue_dir)
    if catalogue is None:
        _fail(problems, catalogue_dir)
    return catalogue


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


@main.command()
@CATALOGUE_OPTION
def check(catalogue_dir: Path) -> None:
    """Pārbauda visu katalogu: shēmu, atsauces, datumus un neapstiprinātās cenas."""
    catalogue, problems = load_catalogue(catalogue_dir)
    for p in problems:
        click.echo(p.format(catalogue_dir), err=p.severity is Severity.error)
    if catalogue is None:
        errors = sum(1 for p in problems if p.severity is Severity.error)
        click.echo(f"Kļūdas: {errors}. Katalogs nav derīgs.", err=True)
        sys.exit(1)
    warnings = sum(1 for p in problems if p.severity is Severity.warning)
    click.echo(
        f"Katalogs derīgs: {len(catalogue.services)} pakalpojumi, {len(catalogue.prices)} cenas, "
        f"{len(catalogue.municipalities.municipalities)} pašvaldības, programmas kārtas: {len(catalogue.rounds)}; "
        f"brīdinājumi: {warnings}; "
        f"versija {catalogue.version}."
    )


@main.command()
@CATALOGUE_OPTION
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("build"),
              show_default=True, help="Kur rakstīt rezultātu.")
@click.option("--only", multiple=True, help="Veidot tikai šo daļu (pārējās pārņem no iepriekšējās reizes).")
@click.option("--force", is_flag=True, help="Veidot visu no jauna, neizmantojot iepriekšējo rezultātu.")
def build(catalogue_dir: Path, out_dir: Path, only: tuple[str, ...], force: bool) -> None:
    """Izveido visu (atvērtos datus, darbgrāmatas, dokumentus, vietni) pagaidu mapē un nomaina build/."""
    from generator.build import build_with_report

    catalogue = load_for_command(catalogue_dir)
    click.echo(f"Kataloga versija {catalogue.version}; rezultāts: {out_dir}/")
    try:
        report = build_with_report(catalogue, out_dir, progress=click.echo, only=set(only) or None, force=force)
    except CatalogueError as exc:
        _fail(exc.problems, catalogue_dir)
    except Exception as exc:  # noqa: BLE001 - any renderer failure: report, keep the old build
        click.echo(f"Veidošana neizdevās: {exc}. Iepriekšējais {out_dir}/ nav mainīts.", err=True)
        sys.exit(1)
    click.echo(
        f"Gatavs: {len(report.written)} faili mapē {out_dir}/; no jauna veidots: "
        f"{', '.join(report.rendered) or 'nekas'}; pārņemts: {', '.join(report.reused) or 'nekas'}."
    )


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=DEFAULT_CATALOGUE / "schema", show_default="catalogue/schema")
def schema(out_dir: Path) -> None:
    """Eksportē kataloga JSON shēmas (redaktoru automātiskajai pabeigšanai)."""
    from generator.catalogue.schema import write_schemas

    for path in write_schemas(out_dir):
        click.echo(f"Uzrakstīts {path}")


def register(command: click.Command) -> None:
    """Add a subcommand defined in another module (workbook, documents, site, ministry tools)."""
    main.add_command(command)


from generator import commands as _commands  # noqa: E402,F401  (registers the other subcommands)

if __name__ == "__main__":
    main()
