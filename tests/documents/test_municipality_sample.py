"""The municipalities a repeated documents proof takes by default (tests/documents/municipality_sample.py, D223)."""

from __future__ import annotations

import pytest

from generator.catalogue.catalogue import Catalogue
from tests.documents import municipality_sample as sampling


def test_the_sample_shows_every_case_of_every_pilot_municipality(catalogue: Catalogue,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sampling, "FULL", False)
    every = catalogue.pilot_municipalities()
    sample = sampling.municipality_sample(catalogue)
    wanted = set().union(*(sampling.municipality_cases(m) for m in every))
    shown = set().union(*(sampling.municipality_cases(m) for m in sample))
    assert shown == wanted
    assert len(sample) < len(every)  # else the sample saves nothing
    assert {("name kind", "pilsētas"), ("name kind", "novada")} <= shown
    assert len({case for case in wanted if case[0] == "pilots"}) > 1  # some municipality is in one pilot only
    assert sample == [m for m in every if m in sample]  # catalogue order
    assert sampling.municipality_sample(catalogue) == sample  # the same on every run


def test_ibm_full_takes_every_pilot_municipality(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sampling, "FULL", True)
    assert sampling.municipality_sample(catalogue) == catalogue.pilot_municipalities()
