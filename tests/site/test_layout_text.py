"""Text of the generated pages that once was typed in a template: the calculator's reporting period
length and the examples' birthday age now come from the catalogue."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.site.calculator import period_length_text
from tests.site.conftest import BuiltSite


def _text(built_site: BuiltSite, page: str) -> str:
    body = re.sub(r"<[^>]+>", " ", built_site.html(page))
    return re.sub(r"\s+", " ", html.unescape(body).replace("\u00a0", " "))


class _Rounds:
    def __init__(self, *months: int) -> None:
        self.months = months

    def rounds_of(self, programme: Pilot) -> list[SimpleNamespace]:
        assert programme == Pilot.children
        return [SimpleNamespace(reporting_period_months=m) for m in self.months]


@pytest.mark.parametrize("months, expected", [
    ((6,), "pa 6 mēnešiem"),
    ((1,), "pa 1 mēnesim"),
    ((11,), "pa 11 mēnešiem"),
    ((12, 6, 6), "pa 6 mēnešiem vai 12 mēnešiem"),
])
def test_period_length_follows_the_rounds(months: tuple[int, ...], expected: str) -> None:
    assert period_length_text(_Rounds(*months)).replace("\u00a0", " ") == expected  # type: ignore[arg-type]


def test_calculator_names_the_catalogues_period_length(built_site: BuiltSite, catalogue: Catalogue) -> None:
    text = _text(built_site, "kalkulators.html")
    assert "seši mēneši" not in text
    lengths = {r.reporting_period_months for r in catalogue.rounds_of(Pilot.children)}
    assert lengths
    phrase = "sadalīts posmos " + period_length_text(catalogue).replace("\u00a0", " ")
    assert phrase in text
    assert all(f"{m} mēneš" in phrase or f"{m} mēnes" in phrase for m in lengths)


def test_examples_birthday_age_is_the_full_rate_limit(built_site: BuiltSite, catalogue: Catalogue) -> None:
    from generator.reference.params import Params

    limit = Params.from_catalogue(catalogue, catalogue.rounds_of(Pilot.children)[-1].services_start).full_rate_max_age
    text = _text(built_site, "piemeri.html")
    assert f"paliek {limit + 1} gadi" in text
