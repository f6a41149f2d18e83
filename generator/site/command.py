"""The `ibm serve` command (the site itself is built by `ibm build`, step "vietne")."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from generator.cli import CATALOGUE_OPTION


def port_taken(port: int) -> str | None:
    """Why ``port`` on 127.0.0.1 cannot be served (another program listens there), None when it is free now."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: a closed one's wait is free
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return f"ports {port} jau ir aizņemts (izvēlieties citu ar --port)"
    return None


@click.command(epilog=(
    "Izejas statuss: 0 – rādīšana apturēta ar Ctrl-C; 1 – katalogā ir kļūdas vai vietni neizdevās izveidot; 2 – "
    "nepareizi komandas parametri (arī: norādītā --downloads mape nav atrasta vai --port ports jau aizņemts – to "
    "pārbauda pirms vietnes veidošanas)."))
@CATALOGUE_OPTION
@click.option("--port", type=click.IntRange(1024, 65535), default=8000, show_default=True,
              help="Ports adresē 127.0.0.1.")
@click.option("--downloads", "build_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("build"),
              show_default=True, help="Iepriekšējā „ibm build” mape, no kuras rādīt lejupielādes.")
def serve(catalogue_dir: Path, port: int, build_dir: Path) -> None:
    """Rāda metodikas vietni pārlūkā (http://127.0.0.1:PORT/) un atjauno to, kad mainās katalogs."""
    import os

    from generator.site.serve import serve as run

    ctx = click.get_current_context()
    if ctx.get_parameter_source("build_dir") is not ParameterSource.DEFAULT and not build_dir.is_dir():
        what = "ir fails, nevis mape" if build_dir.exists() else "nav atrasta"
        raise click.BadParameter(f"mape „{build_dir}” {what} (gaidīts: iepriekšējā „ibm build” mape)",
                                 param_hint="'--downloads'")
    if (why := port_taken(port)) is not None:  # before the site is built and its address announced (audit35b F7)
        raise click.BadParameter(why, param_hint="'--port'")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        run(catalogue_dir, port, build_dir if build_dir.is_dir() else None, click.echo)
    except KeyboardInterrupt:  # while the site is still being built: a viewer has nothing to undo
        pass
    click.echo("Apturēts.")
