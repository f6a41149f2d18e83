"""The `ibm serve` command (the site itself is built by `ibm build`, step "vietne")."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli import CATALOGUE_OPTION


@click.command()
@CATALOGUE_OPTION
@click.option("--port", type=click.IntRange(1024, 65535), default=8000, show_default=True,
              help="Ports adresē 127.0.0.1.")
@click.option("--downloads", "build_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("build"),
              show_default=True, help="Iepriekšējā `ibm build` mape, no kuras rādīt lejupielādes.")
def serve(catalogue_dir: Path, port: int, build_dir: Path) -> None:
    """Rāda metodikas vietni pārlūkā (http://127.0.0.1:PORT/) un atjauno to, kad mainās katalogs."""
    import os

    from generator.site.serve import serve as run

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    run(catalogue_dir, port, build_dir if build_dir.is_dir() else None, click.echo)
