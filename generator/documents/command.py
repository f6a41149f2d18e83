"""`ibm documents`: the document set (PDF, DOCX) and report workbooks for one or every pilot municipality."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli import CATALOGUE_OPTION, load_for_command


@click.command("documents")
@CATALOGUE_OPTION
@click.option("--municipality", "municipality_id", default=None,
              help="Pašvaldības identifikators no kataloga (piem. jelgava); bez tā – visas izmēģinājumprojekta "
                   "pašvaldības.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("build"),
              show_default=True, help="Mape, kurā veidot lejupielades/dokumenti/ un lejupielades/atskaites/.")
def documents(catalogue_dir: Path, municipality_id: str | None, out_dir: Path) -> None:
    """Izveido līgumus, veidlapas un vēstules (PDF un DOCX) un atskaišu veidnes (XLSX)."""
    from jinja2 import UndefinedError

    from generator.documents.build_step import render_documents

    catalogue = load_for_command(catalogue_dir)
    if municipality_id is not None:
        known = [m.id for m in catalogue.pilot_municipalities()]
        if municipality_id not in known:
            click.echo(f"Pašvaldība '{municipality_id}' nav bērnu izmēģinājumprojekta pašvaldību sarakstā "
                       f"(municipalities.yaml; gaidīts viens no: {', '.join(known)}).", err=True)
            sys.exit(2)
    try:
        written = render_documents(catalogue, out_dir, progress=click.echo, municipality_id=municipality_id)
    except UndefinedError as exc:
        click.echo(f"Veidnē trūkst mainīgā: {exc.message} (templates/dokumenti/).", err=True)
        sys.exit(1)
    click.echo(f"Gatavs: {len(written)} faili mapē {out_dir}/lejupielades/.")
