"""D323: the B `ibm matrix` prefills into 6.11 is the catalogue's confirmed B – the grant decision (08) names the
catalogue's document for it, as for an empty cell (D303), never a blank „Dokumenta datums un Nr.” to copy from a letter;
another B typed there keeps that blank (D257). And the papers' note under a blank P gives the same instruction as
the console's VISPIRMS: a withdrawn B is not typed into 6.11 (D302)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.signing import base_line
from generator.documents.from_matrix.writing import render_child
from tests.documents.from_matrix_helpers import plan_reading
from tests.plan_changes_catalogue import (
    BASE_CONFIRMED,
    BASE_WITHDRAWN,
    changes_catalogue,
    withdrawn_catalogue,
)

LINES = (("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"),)
DECISION = "08-lemums-par-pieskirsanu"


def _papers(catalogue, reading, day: dt.date) -> dict[str, str]:  # noqa: ANN001
    child = build(reading, catalogue, pseudonymous=False, day=day)
    documents = render_child(catalogue, catalogue.municipality(reading.data.municipality), child,
                             reading.data.params_day, False, build_day=day)
    return {d.spec.id: " ".join(re.sub(r"<[^>]+>", " ", d.html).split()) for d in documents}


def test_the_prefilled_confirmed_b_cites_the_catalogues_document(tmp_path: Path) -> None:
    changed = changes_catalogue(tmp_path / "catalogue")
    day = BASE_CONFIRMED + dt.timedelta(days=1)
    entry = changed.programme.base_amount.at(day)
    confirmed_b = Decimal(entry.value)
    prefilled = plan_reading(changed, "valmiera", LINES, start=day, params_day=day, base=confirmed_b)
    empty = plan_reading(changed, "valmiera", LINES, start=day, params_day=day, base=None)
    children = [build(r, changed, pseudonymous=False, day=day) for r in (prefilled, empty)]
    assert children[0] == children[1]
    assert children[0].base_document is not None and children[0].base_amount is None
    decisions = [_papers(changed, r, day)[DECISION] for r in (prefilled, empty)]
    assert decisions[0] == decisions[1]
    assert str(entry.source) in decisions[0] and "Dokumenta datums un Nr." not in decisions[0], decisions[0]
    # a B of another figure typed in 6.11 is the ministry's own for this plan: its document is a blank to fill
    other = _papers(changed, plan_reading(changed, "valmiera", LINES, start=day, params_day=day,
                                          base=confirmed_b + 100), day)[DECISION]
    assert str(entry.source) not in other and "Dokumenta datums un Nr." in other, other


def test_the_blank_ps_note_never_asks_to_type_a_withdrawn_b(tmp_path: Path) -> None:
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    reading = plan_reading(changed, "valmiera", LINES, start=dt.date(2027, 2, 1), params_day=BASE_CONFIRMED,
                           base=Decimal(changed.programme.base_amount.at(BASE_CONFIRMED).value))
    child = build(reading, changed, pseudonymous=False, day=BASE_WITHDRAWN)
    assert not child.base_confirmed and base_line(child) is not None and "neierakstiet" in base_line(child)
    papers = _papers(changed, reading, BASE_WITHDRAWN)
    with_note = [name for name, text in papers.items() if child.base_note in text]
    assert {"01-ligums-ar-vecaku", DECISION} <= set(with_note), with_note
    for name, text in papers.items():
        assert "vai ieraksta to matricas 6.11" not in text, name
        assert "6.11. tabulā" not in text or "6.11. tabulā to neieraksta" in text, name
    # D327: the signed note says when B became unconfirmed again and that papers are made again; the matrix's 6.11 and
    # the catalogue are the preparer's note only
    assert "6.11" not in child.base_note and "atkal apstiprina" in child.base_note and "atkal nav" in child.base_note
    assert "matricas 6.11. tabulā to neieraksta" in child.base_preparer
