"""Which name of byte-identical files reads as a copy (D214)."""

from __future__ import annotations

import pytest

from generator.ministry.file_copies import kept_first, looks_like_copy


@pytest.mark.parametrize("name", [
    "plans - Copy.xlsx", "plans - Copy (2).xlsx", "Copy of plans.xlsx", "Copy (2) of plans.xlsx",  # Windows
    "plans - kopija.xlsx", "plans - kopija (3).xlsx",  # Windows in Latvian
    "plans copy.xlsx", "plans copy 2.xlsx", "plans kopija 2.xlsx",  # macOS
    "plans (copy).xlsx", "plans (another copy).xlsx", "plans (3rd copy).xlsx", "plans (vēl viena kopija).xlsx",  # GNOME
    "plans (1).xlsx", "plans(2).XLSX",  # a browser's download, KDE
    "PLANS_COPY.xlsx", "Kopija_plans.xlsx",
])
def test_copy_names_are_recognised(name: str) -> None:
    assert looks_like_copy(name)


@pytest.mark.parametrize("name", ["plans.xlsx", "plans 2.xlsx", "plans-2024.xlsx", "kopijas.xlsx", "copyright.xlsx",
                                  "(1) plans.xlsx", "Riga_B001.xlsx"])
def test_other_names_are_not_copies(name: str) -> None:
    assert not looks_like_copy(name)


def test_the_original_comes_first_else_the_order_by_name_stays() -> None:
    assert kept_first(["a - Copy.xlsx", "a.xlsx"], str) == ["a.xlsx", "a - Copy.xlsx"]
    assert kept_first(["a (1).xlsx", "a (2).xlsx"], str) == ["a (1).xlsx", "a (2).xlsx"]
    assert kept_first(["a.xlsx", "b.xlsx"], str) == ["a.xlsx", "b.xlsx"]
