"""A typed B that is 0 or differs from the catalogue's B is a warning (D257, audit31d F5): one ``base_differs``
finding naming B's cell on 6.11 and both figures; not an error (B is the one LM approves, D72); an
empty B (the catalogue's own), B equal to it and a sub-cent B (already an invalid input) give none. The matrix says
the same words beside B and counts it in its 6.11 row (tests/workbook/test_pasted_formula_and_text.py). A B equal to
the catalogue's while that one is unconfirmed („jāprecizē”) is the same warning in its own words (audit33b F2: the
reconstruction copied into B passed silently and the decision said LM had set it)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.workbook import BASE_CELL, check_base
from generator.workbook.version import template_version

REGISTRY = Path(__file__).resolve().parents[2] / "generator" / "ministry" / "template_registry.json"
CATALOGUE_B = Decimal("3000.00")


@pytest.mark.parametrize(("base", "said"), [
    (Decimal("385.98"), "bāzes apmērs B 385,98\u00a0EUR atšķiras no kataloga B 3\u00a0000,00\u00a0EUR – pārbaudiet, vai "
                        "ievadīts LM apstiprinātais B (pareizs B var atšķirties no kataloga)."),
    (Decimal("385980"), "bāzes apmērs B 385\u00a0980,00\u00a0EUR atšķiras no kataloga B 3\u00a0000,00\u00a0EUR"),
    (Decimal(0), "bāzes apmērs B ir 0,00\u00a0EUR, tāpēc provizoriskais apmērs P ir 0 – pārbaudiet, vai B ievadīts "
                 "pareizi (kataloga B 3\u00a0000,00\u00a0EUR)."),
])
def test_a_base_of_0_or_another_figure_is_one_warning(base: Decimal, said: str) -> None:
    (found,) = check_base(base, CATALOGUE_B)
    assert found.code == "base_differs" and found.severity is Severity.warning and found.counts
    assert found.message.startswith(f"{BASE_CELL}: {said}"), found.message


@pytest.mark.parametrize("base", [None, CATALOGUE_B, Decimal("3000"), Decimal("385.985"), Decimal(-1)])
def test_no_warning_for_the_catalogue_s_b_an_empty_or_an_invalid_one(base: Decimal | None) -> None:
    assert check_base(base, CATALOGUE_B) == []


@pytest.mark.parametrize("base", [CATALOGUE_B, Decimal("3000")])
def test_the_catalogue_s_unconfirmed_b_typed_is_one_warning(base: Decimal) -> None:
    (found,) = check_base(base, CATALOGUE_B, confirmed=False)
    assert found.code == "base_differs" and found.severity is Severity.warning and found.counts
    assert found.message == (f"{BASE_CELL}: bāzes apmērs B 3\u00a0000,00\u00a0EUR ir tāds pats kā kataloga "
                             "neapstiprinātais B (jāprecizē) – pārbaudiet, vai tas ir LM apstiprinātais B."), found.message


def test_the_catalogue_s_b_in_the_reference_warns_by_its_status(catalogue: Catalogue) -> None:
    """evaluate_workbook passes the catalogue's status of B on the prices day (Params.base_confirmed)."""
    import datetime as dt

    from generator.catalogue.models import PriceStatus
    from generator.reference.params import Params
    from generator.reference.workbook import WorkbookInputs, evaluate_workbook

    day = catalogue.children_reporting_periods()[0].start
    params = Params.from_catalogue(catalogue, day)
    unconfirmed = catalogue.programme.base_amount.at(day).status is not PriceStatus.confirmed
    assert params.base_confirmed is not unconfirmed
    inputs = WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=day, months=3, special_care=False,
                            impairment=None, lines=(), base=params.base_amount)
    for confirmed in (params.base_confirmed, True, False):
        found = [f for f in evaluate_workbook(inputs, params.replace(base_confirmed=confirmed)).findings
                 if f.code == "base_differs"]
        assert len(found) == (0 if confirmed else 1), found


def test_the_message_names_the_template_s_cell(catalogue: Catalogue) -> None:
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    sheet, where = registry["versions"][template_version(catalogue)]["names"]["Bazes_Apmers"].split("!")
    assert BASE_CELL.startswith(f"{sheet}. tabulas šūna {where} "), BASE_CELL
