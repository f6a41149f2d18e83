"""D254 in the calculator: a first day inside an adults' round's services names that round as a user knows it – its
name and services window from rounds.yaml, never its id (which only the CLI's --round takes) – and says once that the
calculator, as the matrices and papers, is for the children's programme."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.lvformat import date as lv_date
from generator.site import calculator


def test_an_adults_day_names_the_round_by_its_name_and_window(catalogue: Catalogue) -> None:
    rounds = catalogue.rounds_of(Pilot.adults)
    assert rounds
    days = calculator.adults_days(catalogue)
    assert [(d["no"], d["lidz"]) for d in days] == [(r.services_start.isoformat(), r.services_end.isoformat())
                                                     for r in rounds]
    for found, day in zip(rounds, days, strict=True):
        text = day["teksts"]
        assert text == calculator.adults_day_text(catalogue, found.services_end), text
        assert f"„{found.name_lv}”" in text, text
        assert f"({lv_date(found.services_start)}–{lv_date(found.services_end)})" in text, text
        assert found.id not in text, text
        assert text.count("bērnu programm") == 1, text
        assert "kalkulators" in text, text
    first = rounds[0]
    assert calculator.adults_day_text(catalogue, first.services_start - dt.timedelta(days=1)) is None
    assert calculator.adults_day_text(catalogue, first.services_end + dt.timedelta(days=1)) is None
