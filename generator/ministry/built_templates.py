"""The matrix templates `ibm migrate` writes onto, kept for the process: the file's bytes and its parsed form.

A template is made by the catalogue's content, the template code, the municipality and the prices day alone
(``generate_template``; byte for byte the same each time, D63's ``created`` is the prices day). The key is
therefore the template version (catalogue version – latest day and content hash – and LAYOUT_REVISION, with the
prices day when it is not the default), the municipality and the day: two catalogues of other content, two
municipalities or two days never share an entry. Each Migrator still keeps the templates of its own run (all of
them, however many municipalities); this bounded store lets a later Migrator in the same process (a second
`ibm migrate` in one process, the tests' hundreds) write the kept bytes instead of building the template again
and take the parsed book instead of reading it again.

The parsed book is shared: callers only read it (Migrator never changes its template's cells).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.xlsxread import XlsxBook, read_xlsx
from generator.workbook.version import template_version

# templates kept: each ~0,3 MB of bytes and ~15 MB parsed (the book a Migrator holds for its run anyway, so within a
# run of up to KEPT templates the store holds nothing more; after it, at most KEPT books stay)
KEPT = 12

_KEPT: OrderedDict[tuple[str, str | None, dt.date], tuple[bytes, XlsxBook]] = OrderedDict()


def template_key(catalogue: Catalogue, municipality: str | None, day: dt.date) -> tuple[str, str | None, dt.date]:
    """Everything the template depends on: the version (catalogue content and layout revision, the prices day
    unless default), the municipality and the prices day itself."""
    return template_version(catalogue, day), municipality, day


def built_template(catalogue: Catalogue, path: Path, municipality: str | None, day: dt.date,
                   generate: Callable[[Catalogue, Path, str | None, dt.date], object]) -> XlsxBook:
    """The template of ``municipality`` and ``day`` written to ``path`` (``generate``, or the kept bytes of an
    earlier call of the same key) and its parsed book (read once per key)."""
    key = template_key(catalogue, municipality, day)
    kept = _KEPT.pop(key, None)
    if kept is None:
        generate(catalogue, path, municipality, day)
        kept = (path.read_bytes(), read_xlsx(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(kept[0])
    _KEPT[key] = kept
    while len(_KEPT) > KEPT:
        _KEPT.popitem(last=False)
    return dataclasses.replace(kept[1], path=path)


def forget() -> None:
    """Drop every kept template (tests that compare with a fresh build)."""
    _KEPT.clear()
