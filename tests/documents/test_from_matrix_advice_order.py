"""What VISPIRMS says while a plan line keeps the catalogue's unconfirmed price (D294): the price in force on the
plan's own days – the Cenas page may already show a confirmed price from a later day, which is not the plan's –, and,
in a draft whose plan crosses that later price (prices_not_in_force: shorten the plan or start it later), that
blocker first, before the wait for the price."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lvformat import date as lv_date
from tests.documents.open_price_papers import open_price_papers
from tests.plan_changes_catalogue import COMPANION_CHANGE


def _advice(tmp_path: Path, months: int, *extra: str) -> tuple[str, str]:
    """parskats.txt's VISPIRMS line and the console of `ibm documents --from-matrix` for a plan from MATRIX_DAY of
    ``months`` months whose 2.1 keeps the catalogue's „jāprecizē” price (5,50 EUR confirmed from COMPANION_CHANGE)."""
    folder, console = open_price_papers(tmp_path, months, *extra)
    report = (folder / "parskats.txt").read_text("utf-8")
    return report.split("VISPIRMS: ", 1)[1].split("\n", 1)[0].removesuffix("."), console


@pytest.mark.usefixtures("pdf_stand_ins")
def test_the_price_awaited_is_the_one_of_the_plans_days(tmp_path: Path) -> None:
    """Fails on the old code: „kad … cenu apstiprina (… „Cenas”)” – the Cenas page shows 2.1's confirmed 5,50 EUR
    from 01.01.2027, which does not hold for a plan of October to December 2026."""
    first, console = _advice(tmp_path, 3)
    assert first.startswith("Cena nav apstiprināta (2.1 "), first
    assert ("kad Labklājības ministrija apstiprina cenu, kas ir spēkā plāna periodā 01.10.2026–31.12.2026 "
            "(metodikas vietnes sadaļa „Cenas”; vēlākas dienas cena uz šo plānu neattiecas)") in first, first
    assert f"VISPIRMS: {first}" in console, console


@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_draft_across_the_price_change_says_the_blocker_first(tmp_path: Path) -> None:
    """Fails on the old code: the draft's VISPIRMS said only to wait for the price; the plan crossing 2.1's change on
    01.01.2027 (to be shortened or started then, the reference's finding) came last, under „Matricas kļūdas”."""
    first, console = _advice(tmp_path, 6, "--draft")
    assert first.startswith("Izlabojiet matricā kļūdu (parskats.txt sadaļa „Matricas kļūdas”): ar to parakstāmus "
                            "dokumentus neizveido – noteikumu kļūda: Plāna periodā (01.10.2026–31.03.2027"), first
    blocker = first.index(f"saīsiniet periodu līdz 31.12.2026 vai sāciet to {lv_date(COMPANION_CHANGE)}")
    assert blocker < first.index("; pēc tam: cena nav apstiprināta (2.1 "), first
    assert f"VISPIRMS: {first}" in console, console
