"""What a child's folder was made from, kept in its marker file after the file list: the matrix's SHA-256 and the
catalogue version. A refused later run of the same matrix reads it to say why the papers left there differ from
what this run would make – the matrix unchanged, the catalogue another (earlier_runs.kept_line)."""

from __future__ import annotations

from dataclasses import dataclass

MATRIX = "Matrica (SHA-256): "
CATALOGUE = "Kataloga versija: "


@dataclass(frozen=True)
class Origin:
    matrix: str | None  # the matrix file's SHA-256, None when unknown
    catalogue: str | None  # Catalogue.version, None when unknown


def origin_lines(origin: Origin | None) -> str:
    """The marker's closing lines for ``origin`` ("" without one); no line is a file-list line (parse_listing)."""
    if origin is None:
        return ""
    return "".join(f"{head}{value}\n" for head, value in ((MATRIX, origin.matrix), (CATALOGUE, origin.catalogue))
                   if value)


def read_origin(marker: str) -> Origin:
    """The origin a marker's text records (fields None where a marker of an earlier version has none)."""
    found = {head: line[len(head):].strip() for line in marker.splitlines() for head in (MATRIX, CATALOGUE)
             if line.startswith(head)}
    return Origin(found.get(MATRIX) or None, found.get(CATALOGUE) or None)
