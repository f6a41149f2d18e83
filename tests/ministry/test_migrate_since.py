"""`ibm migrate`'s price lines name the day the new value took effect and its status change (migrate_since)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.migrate_since import since, status_change, when_text
from tests.workbook.open_rounds import PRICE_CHANGE, open_rounds_catalogue


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return open_rounds_catalogue(tmp_path_factory.mktemp("kartas"))  # B changes on PRICE_CHANGE


def test_the_day_is_the_change_between_the_two_prices_days(changed: Catalogue) -> None:
    before, later = PRICE_CHANGE - dt.timedelta(days=60), PRICE_CHANGE + dt.timedelta(days=20)
    assert since(changed, "B", later) == PRICE_CHANGE
    assert since(changed, "B", PRICE_CHANGE) == PRICE_CHANGE
    # the added value has an LM source: confirmed, where the real catalogue's B was still to be verified
    assert status_change(changed, "B", before, later) == ("jāprecizē", "apstiprināts")
    assert status_change(changed, "B", PRICE_CHANGE, later) is None


def test_the_words() -> None:
    assert when_text(dt.date(2027, 1, 1), ("jāprecizē", "apstiprināts")) == \
        "no 01.01.2027; statuss „jāprecizē” → „apstiprināts”"
    assert when_text(None, None) == ""
