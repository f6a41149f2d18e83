"""The provider's monthly table (02/03 §2.3 of a child's papers) numbers its services 1…n; its note says what the
number is. The table of services above it has no „Nr.” column, so the note may not send the reader to a number in
that table (lawyer's trial, 03.12.2026): it says the services come in the same order, and they do."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html import unescape

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from tests.documents.from_matrix_helpers import plan_reading

DAY = dt.date(2018, 9, 20)
SIX = (1, 1, 1, 1, 1, 1)
PAPERS = ("02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1")
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)


def _text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _rows(table: str) -> list[list[tuple[str, str]]]:
    return [[(kind, _text(cell)) for kind, cell in _CELL.findall(row)] for row in _ROW.findall(table)]


def _papers(catalogue: Catalogue) -> dict[str, str]:
    reading = plan_reading(catalogue, "valmiera", (
        ("3.1.3i", 24, Decimal("25.00"), (4,) * 6, "SIA Izdomātā Terapija"),
        ("3.1.2i", 12, Decimal("27.50"), (2,) * 6, "SIA Izdomātā Terapija"),
        ("3.9", 6, Decimal("35.00"), SIX, "SIA Izdomātā Terapija"),
    ), months=6)
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, reading.data.params_day, False,
                             build_day=DAY)
    return {d.spec.id: d.body for d in documents if d.spec.id in PAPERS}


def test_the_month_tables_number_is_explained_by_what_the_table_above_holds(catalogue: Catalogue) -> None:
    papers = _papers(catalogue)
    assert set(papers) == set(PAPERS)
    for name, body in papers.items():
        tables = [(m.start(), m.end(), m.group(0)) for m in _TABLE.finditer(body)]
        monthly = next(i for i, (_s, _e, t) in enumerate(tables) if "Kopā no IB" in _text(t.split("</thead>")[0])
                       and "Nr." in _text(t.split("</thead>")[0]))
        services = tables[monthly - 1][2]
        service_rows = [[text for kind, text in row] for row in _rows(services) if row and row[0][0] == "d"]
        month_rows = [[text for kind, text in row] for row in _rows(tables[monthly][2]) if row and row[0][0] == "d"]
        above_has_numbers = any(text == "Nr." for row in _rows(services) for kind, text in row if kind == "h")
        note = _text(body[tables[monthly][1]:].split("</p>", 1)[0])
        sentence = next(s for s in note.split(". ") if "„Nr.”" in s)
        assert "numurs iepriekšējā tabulā" not in sentence or above_has_numbers, (name, sentence)
        assert "secībā kā iepriekšējā tabulā" in sentence, (name, sentence)
        # the claim holds: row k of the monthly table is the k-th service of the table above
        headers = [text for row in _rows(services) for kind, text in row if kind == "h"]
        at = headers.index("Pakalpojums")
        labels_above = [row[at] for row in service_rows if len(row) == len(headers)]
        assert [row[0] for row in month_rows] == [f"{k}." for k in range(1, len(month_rows) + 1)]
        assert [row[1] for row in month_rows] == labels_above[:len(month_rows)], name
        assert len(month_rows) == 3, name
