"""„B avots” on the summary's sheet „Bērni” says what the reference says of the B a child's P rests on
(reference.params.ministry_base, D257, D268): the catalogue's unconfirmed B copied into 6.11 is the catalogue's
„jāprecizē” B, as with an empty cell – not „matrica”, which an analyst reads as the B the ministry set."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.final_status import default_envelope, envelope_warning, on_unconfirmed_base
from generator.ministry.summary_children import (
    BASE_FROM_CATALOGUE,
    BASE_FROM_MATRIX,
    BASE_FROM_UNCONFIRMED,
    child_base,
)
from generator.reference.params import Params

DAY = dt.date(2018, 10, 1)


def _record(typed: Decimal | None, catalogue_base: Decimal, confirmed: bool) -> SimpleNamespace:
    return SimpleNamespace(params_day=DAY, inputs=SimpleNamespace(base=typed), catalogue_base=catalogue_base,
                           base_confirmed=confirmed)


@pytest.fixture(scope="module")
def pilot(catalogue: Catalogue) -> Params:
    params = Params.from_catalogue(catalogue, DAY)
    assert not params.base_confirmed  # the pilot's B is „jāprecizē” (the cases below need it)
    return params


def test_a_copied_unconfirmed_base_is_the_catalogues(pilot: Params) -> None:
    b = pilot.base_amount
    copied = _record(b, b, pilot.base_confirmed)
    assert child_base(copied) == (b, BASE_FROM_UNCONFIRMED) == (b, "katalogs (jāprecizē)")
    assert on_unconfirmed_base(copied)
    # the same as an empty cell
    assert child_base(_record(None, b, pilot.base_confirmed)) == (b, BASE_FROM_UNCONFIRMED)


def test_a_typed_other_base_is_the_matrixs(pilot: Params) -> None:
    b = pilot.base_amount
    other = _record(b + 100, b, pilot.base_confirmed)
    assert child_base(other) == (b + 100, BASE_FROM_MATRIX)
    assert not on_unconfirmed_base(other)
    # every matrix with the ministry's B: the default funding is that B × children (D268)
    assert default_envelope([other, other])[0] == 2 * (b + 100)
    # the copied one is no ministry B: the funding is the catalogue's
    assert default_envelope([_record(b, b, False), _record(b, b, False)])[2] is False


def test_the_sum_of_p_warning_names_the_b_the_default_rests_on(pilot: Params) -> None:
    """The Σ P warning says the B of default_envelope's one result: the matrices' B when it rests on it, never „kataloga
    B × bērnu skaits” beside a funding row that names the matrices' B (audit40a). P above that B is made up here."""
    b = pilot.base_amount
    records = [_record(b + 100, b, False) for _ in range(2)]
    for r in records:
        r.result = SimpleNamespace(provisional=b + 200)
    default = default_envelope(records)
    assert default.matrix_base and default.amount == 2 * (b + 100)
    warning = envelope_warning(records, default.amount, False, default.matrix_base)
    assert warning is not None and "(visu matricu 6.11. tabulā ierakstītais B × bērnu skaits)" in warning, warning
    assert "kataloga B" not in warning, warning
    assert envelope_warning(records, default.amount, True, default.matrix_base) is None  # --envelope


def test_a_confirmed_catalogue_base_typed_is_the_matrixs(pilot: Params) -> None:
    b = pilot.base_amount
    assert child_base(_record(b, b, True)) == (b, BASE_FROM_MATRIX)
    assert child_base(_record(None, b, True)) == (b, BASE_FROM_CATALOGUE)
    assert not on_unconfirmed_base(_record(None, b, True))
