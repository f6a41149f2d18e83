"""Whom a generated file names as author and company (D52): the social service only with a name confirmed for the
file's date (D43), else the toolkit; never an unconfirmed name, never the ministry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.file_author import TOOLKIT, file_author
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy


def test_the_generic_file_and_an_unconfirmed_name_give_the_toolkit(catalogue: Catalogue) -> None:
    assert TOOLKIT == "IBM rīkkopa"
    assert file_author(catalogue, None, PILOT_DAY) == TOOLKIT
    for m in catalogue.pilot_municipalities():  # the catalogue's social service names are all "jāprecizē"
        assert file_author(catalogue, m, PILOT_DAY) == TOOLKIT, m.id
        assert file_author(catalogue, m, catalogue.latest_date) == TOOLKIT, m.id


def test_a_confirmed_name_is_the_author_only_on_the_days_it_is_in_force(catalogue: Catalogue, tmp_path: Path) -> None:
    copy = confirmed_pilot_copy(tmp_path, catalogue)
    assert copy.municipality_names is not None
    named = 0
    for m in copy.pilot_municipalities():
        entry = next(n for n in copy.municipality_names.names[m.id].social_service if n.confirmed)
        assert file_author(copy, m, PILOT_DAY) == entry.name, m.id
        assert "ministrij" not in entry.name.lower()
        if entry.valid_to is not None:  # after it the name is no longer in force: the toolkit again
            assert file_author(copy, m, entry.valid_to + dt.timedelta(days=1)) == TOOLKIT, m.id
            named += 1
        # the name is the catalogue's dated name, not the municipality file's (possibly unconfirmed) one
        other = m.model_copy(update={"social_service": "Cits dienests"})
        assert file_author(copy, other, PILOT_DAY) == entry.name, m.id
    assert named, "vajag nosaukumu ar beigu datumu"
