"""Writes the ministry's summary workbook (`ibm collect --out KOPSAVILKUMS.xlsx`) sheet by sheet, telling progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import version_id
from generator.ministry.aggregate import Aggregates
from generator.ministry.changes import SHEET_CHANGES, Changes, against_day, changes_sheet
from generator.ministry.collection import Collection
from generator.ministry.summary_book import (
    SHEET_CASH,
    SHEET_CEILINGS,
    SHEET_CHILDREN,
    SHEET_FINDINGS,
    SHEET_GROUPS,
    SHEET_LINES,
    SHEET_MONTHS,
    SHEET_MUNI,
    SHEET_NOTES,
    SHEET_QUARTERS,
    SHEET_REFUSED,
    SHEET_SERVICES,
    SHEET_STALE,
    SHEET_SUMMARY,
    SHEET_WARNINGS,
    SHEETS,
    SummaryBook,
    municipality_names,
)
from generator.ministry.summary_children import children_sheet, groups_sheet, lines_sheet, months_sheet
from generator.ministry.summary_findings import (
    ceilings_sheet,
    findings_sheet,
    notes_sheet,
    refused_sheet,
    stale_sheet,
    warnings_sheet,
)
from generator.ministry.summary_front import summary_sheet
from generator.ministry.summary_meta import write_meta
from generator.ministry.summary_money import cash_sheet, municipality_sheet, services_sheet
from generator.xlsxformula import quick_formulas


def write_summary(path: Path, collection: Collection, agg: Aggregates, catalogue: Catalogue,
                  today: dt.date, progress: Callable[[str], None] | None = None,
                  changes: Changes | None = None) -> SummaryBook:
    """Write the summary workbook to ``path``; returns the book with its expected formula values.
    ``progress`` is told (in Latvian) which sheet is being written. ``changes``: the comparison with the result this
    one replaces; the sheet „Izmaiņas pret iepriekšējo” is added whenever a result is replaced (D362, D368: with only a
    note when nothing is listed) – a same-day re-run on the same files writes the same bytes from the second one on.
    The facts the next collection reads back are custom document properties (summary_meta, D368)."""
    say = progress or (lambda _: None)
    book = SummaryBook(path)
    provisional = " – provizoriski" if collection.final_provisional else ""
    book.page_title = f"IBM galīgo apmēru kopsavilkums – pārskata periods {collection.period}{provisional}"
    book.version = f"kataloga versija {version_id(collection.catalogue_version)}"
    wb = book.wb
    # created = modified = the run day at 00:00 (the day "Sagatavots" names), as the matrix writer fixes it: a
    # same-day re-run on the same input writes the same bytes, so the manifest's checksums stay (audit24 F1)
    wb.set_properties({"created": dt.datetime.combine(today, dt.time())})
    shown_changes = changes is not None
    sheets = {name: wb.add_worksheet(name) for name in SHEETS + ((SHEET_CHANGES,) if shown_changes else ())}
    for ws in sheets.values():
        quick_formulas(ws)
    names = municipality_names(catalogue, [r.municipality for r in collection.records + collection.previous_records])
    write_meta(wb, collection.period, today, {code: names[code] for code in {r.municipality for r in collection.records}},
               against_day(changes) if changes is not None else None)
    step = {"n": 0}

    def sheet(name: str) -> Worksheet:
        step["n"] += 1
        say(f"Raksta kopsavilkumu: lapa {step['n']}/{len(sheets)} „{name}”")
        return sheets[name]

    children_cols = children_sheet(book, sheet(SHEET_CHILDREN), collection, names)
    line_cols = lines_sheet(book, sheet(SHEET_LINES), agg, names)
    month_cols = months_sheet(book, sheet(SHEET_MONTHS), agg, names)
    muni_total_row = municipality_sheet(book, sheet(SHEET_MUNI), agg, names, children_cols)
    groups_sheet(book, sheet(SHEET_GROUPS), collection, agg, catalogue, children_cols, names)
    first_day = min((r.period_start for r in collection.records), default=today)
    # the municipalities whose matrices were collected in this period (D138), the same on all three sheets: the
    # aggregates hold this period's plans only, so a municipality with --previous matrices alone is all zeros
    sent = {r.municipality for r in collection.records}
    services_sheet(book, sheet(SHEET_SERVICES), agg, catalogue, line_cols, catalogue.offers(first_day), names,
                    sent=sent)
    period = (collection.period_start, collection.period_end) if collection.period_start and collection.period_end \
        else None
    for name, quarterly in ((SHEET_CASH, False), (SHEET_QUARTERS, True)):
        cash_sheet(book, sheet(name), agg, names, month_cols, line_cols, quarterly=quarterly, sent=sent,
                    period=period)
    findings_sheet(book, sheet(SHEET_FINDINGS), collection, names)
    warnings_sheet(book, sheet(SHEET_WARNINGS), collection, names)
    ceilings_sheet(book, sheet(SHEET_CEILINGS), collection, names, catalogue)
    refused_sheet(book, sheet(SHEET_REFUSED), collection)
    notes_sheet(book, sheet(SHEET_NOTES), collection)
    stale_sheet(book, sheet(SHEET_STALE), collection)
    if shown_changes:
        changes_sheet(book, sheet(SHEET_CHANGES), changes)  # type: ignore[arg-type]
    summary_sheet(book, sheet(SHEET_SUMMARY), collection, agg, muni_total_row, children_cols, line_cols, today)
    say("Raksta kopsavilkumu: saglabā failu")
    book.finish()
    book.close()
    return book
