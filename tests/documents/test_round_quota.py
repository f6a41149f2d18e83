"""round_quota (D308): a children's round's plan is only a quota that took effect for it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import Pilot
from generator.documents.round_quota import round_quota
from tests.round_yaml import add_holiday_years, add_quota, children_round_entry


def _rounds(folder: Path, *quota_days: dt.date) -> Catalogue:
    """Two later children's rounds (2026, 2028) and a quota entry from each of ``quota_days``."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    entries = (children_round_entry("berni-2026", "Izdomāta otrā kārta", dt.date(2026, 9, 1), dt.date(2027, 12, 31),
                                    rules=True)
               + children_round_entry("berni-2028", "Izdomāta trešā kārta", dt.date(2028, 2, 1),
                                      dt.date(2028, 12, 31), rules=True))
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + entries, "utf-8")
    add_holiday_years(target, 2026, 2027, 2028)
    for day in quota_days:
        add_quota(target, day, 14)
    return load_or_raise(target)


def test_the_pilot_has_its_quota_and_a_carried_over_one_is_no_later_rounds(tmp_path: Path) -> None:
    catalogue = _rounds(tmp_path, dt.date(2026, 9, 1))
    pilot, second, third = catalogue.rounds_of(Pilot.children)
    quotas = catalogue.programme.selection_quotas.values
    assert round_quota(catalogue, pilot) == quotas[0]
    assert round_quota(catalogue, second) == quotas[-1]
    # the second round's quota, still in force in 2028, was already in force on the second round's first day
    assert round_quota(catalogue, third) is None


def test_a_quota_dated_between_two_rounds_is_the_later_rounds(tmp_path: Path) -> None:
    catalogue = _rounds(tmp_path, dt.date(2027, 6, 1))
    _, second, third = catalogue.rounds_of(Pilot.children)
    assert round_quota(catalogue, second) is None  # the pilot's, carried over
    assert round_quota(catalogue, third) == catalogue.programme.selection_quotas.values[-1]
