"""The note of an unconfirmed zero (D106: a figure the sources do not give, kept as 0,00 so that calculations run)
says the figure is not known and states no amount: the site writes such a figure „nav zināma” and the ceiling
depending on it „ne vairāk kā” – a note saying „atskaita 0,00 EUR, tāpēc griesti ir … EUR” on the price
parameters page contradicted the prices page."""

from __future__ import annotations

import re

from generator.catalogue.catalogue import Catalogue

AMOUNT = re.compile(r"\d+(?:,\d+)?\s?EUR")


def wrong_notes(catalogue: Catalogue) -> list[tuple[str, str]]:
    return [(p.id, v.note or "") for p in catalogue.prices for v in p.values if v.placeholder_zero
            and (not v.note or AMOUNT.search(v.note) or not re.search(r"nav zinām[sa]", v.note) or "D106" not in v.note)]


def test_unconfirmed_zeros_are_noted_as_unknown_without_an_amount(catalogue: Catalogue) -> None:
    assert any(v.placeholder_zero for p in catalogue.prices for v in p.values)
    assert wrong_notes(catalogue) == []
