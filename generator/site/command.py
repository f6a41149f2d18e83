"""The `ibm serve` command (the site itself is built by `ibm build`, step "vietne")."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from generator.cli import CATALOGUE_OPTION


@click.command()
@CATALOGUE_OPTION
@click.option("--port", type=click.IntRange(1024, 65535), default=8000, show_default=True,
              help="Ports adresē 127.0.0.1.")
@click.option("--downloads", "build_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("build"),
              show_default=True, help="Iepriekšējā `ibm build` mape, no kuras rādīt lejupielādes.")
def serve(catalogue_dir: Path, port: int, build_dir: Path) -> None:
    """Rāda metodikas vietni pārlūkā (http://127.0.0.1:PORT/) un atjauno to, kad mainās katalogs.

    Izejas statuss: 0 – rādīšana apturēta ar Ctrl-C; 1 – katalogā ir kļūdas vai vietni neizdevās izveidot;
    2 – nepareizi parametri (arī: norādītā --downloads mape nav atrasta).
    """
    import os

    from generator.site.serve import serve as run

    ctx = click.get_current_context()
    if ctx.get_parameter_source("build_dir") is not ParameterSource.DEFAULT and not build_dir.is_dir():
        what = "ir fails, nevis mape" if build_dir.exists() else "nav atrasta"
        raise click.BadParameter(f"mape „{build_dir}” {what} (gaidīts: iepriekšējā `ibm build` mape)",
                                 param_hint="'--downloads'")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        run(catalogue_dir, port, build_dir if build_dir.is_dir() else None, click.echo)
    except KeyboardInterrupt:  # while the site is still being built: a viewer has nothing to undo
        pass
    click.echo("Apturēts.")
