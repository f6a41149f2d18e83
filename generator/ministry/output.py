"""Writing the collection's outputs all at once: the summary workbook and, in ``galigie-apmeri/``
beside it, one ``kods;P;N;F`` CSV per municipality. Everything is written into a temporary folder
next to the target and moved into place only when complete, so a failure leaves no half-written file.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.aggregate import Aggregates, aggregate
from generator.ministry.collection import Collection
from generator.ministry.final_csv import write_final_amounts
from generator.ministry.summary_book import SummaryBook, write_summary

FINAL_DIR = "galigie-apmeri"


def csv_rows(collection: Collection, municipality: str) -> list[tuple[str, object, object, object]]:
    finals = collection.finals.by_id()
    records = sorted((r for r in collection.records if r.municipality == municipality), key=lambda r: r.code)
    return [(r.code, r.result.provisional, r.result.needed, finals[r.code].final) for r in records]


def write_outputs(out: Path, collection: Collection, catalogue: Catalogue, municipalities: list[str],
                  today: dt.date | None = None) -> tuple[SummaryBook, Aggregates, list[Path]]:
    """Write ``out`` and ``out.parent/galigie-apmeri/<municipality>.csv``; returns the book (with the
    expected values of its formulas), the aggregates and the CSV paths."""
    today = today or dt.date.today()
    agg = aggregate(collection.records, collection.finals, municipalities)
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".ibm-collect-", dir=parent))
    old: Path | None = None
    try:
        book = write_summary(tmp / out.name, collection, agg, catalogue, today)
        csv_dir = tmp / FINAL_DIR
        csv_dir.mkdir()
        written = []
        for m in agg.municipalities:
            rows = csv_rows(collection, m)
            if rows:
                written.append(write_final_amounts(csv_dir / f"{m}.csv", rows).name)
        final_dir = parent / FINAL_DIR
        if final_dir.exists():
            old = parent / f".{FINAL_DIR}.old-{os.getpid()}"
            final_dir.rename(old)
        csv_dir.rename(final_dir)
        os.replace(tmp / out.name, out)
        book.path = out
        return book, agg, [final_dir / name for name in written]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
