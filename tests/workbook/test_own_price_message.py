"""D303: 6.4's check message of a plan line under an unconfirmed ceiling says what the child's papers and `ibm collect`
say (D294, D297). A line that keeps the catalogue's own „jāprecizē" price has no provider's price to check against the
ceiling: the message says the price is the catalogue's, not the advice to check that it does not exceed them; a
provider's own price under that ceiling keeps the advice – as LibreOffice recalculates the matrix (one soffice call).
Which line is which is the reference's own rule (reference/open_prices.open_price), as the papers decide it."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.open_prices import open_price
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues
from generator.workbook.recalculated import recalculated_values
from generator.workbook.texts import CHECK_FULL_CHARS, MSG, OWN_PRICE_MSG
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.later_round import catalogue, day, params, templates  # noqa: F401 - the module's fixtures
from tests.workbook.test_print import PEOPLE, PROVISIONAL_LINE, showcase

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-own-price")]

PROVIDERS_PRICE = Decimal("4.00")  # a provider's own price of 2.1, below the catalogue's „jāprecizē" one
ADVICE = "pārbaudiet, vai cena tos nepārsniedz"


def _cases(catalogue: Catalogue) -> dict[str, WorkbookInputs]:  # noqa: F811 - the module's fixture
    kept = showcase(catalogue)  # its line 2.1 keeps the catalogue's „jāprecizē" price
    typed = dataclasses.replace(kept, lines=tuple(
        dataclasses.replace(ln, unit_price=PROVIDERS_PRICE) if ln.offer_id == PROVISIONAL_LINE else ln
        for ln in kept.lines))
    return {"kataloga-cena": kept, "sniedzeja-cena": typed}


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, templates: dict[str, Path],  # noqa: F811 - the module's fixtures
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, NamedValues]:
    require_uno()
    folder = tmp_path_factory.mktemp("own-price")
    labels = recipient_labels(catalogue)
    files = {}
    for name, inputs in _cases(catalogue).items():
        wb = load_workbook(templates["liepaja"])
        cells = InputCells(templates["liepaja"], wb)  # before filling: it saves the inputs filled after it
        fill(wb, inputs, labels, PEOPLE)
        files[name] = folder / f"{name}.xlsx"
        cells.save(wb, files[name], len(inputs.lines), [])
    values = recalculated_values(list(files.values()), profile=make_profile(folder / "profile"))
    return dict(zip(files, values, strict=True))


def _check_of(values: NamedValues, inputs: WorkbookInputs, offer_id: str) -> str:
    """6.4's full check messages (h_ZinasPilnas: what "Pārbaude" shows while they fit, CHECK_FULL_CHARS) of the plan
    line of ``offer_id``."""
    (index,) = [i for i, ln in enumerate(inputs.lines) if ln.offer_id == offer_id]
    return str(values["h_ZinasPilnas"][index] or "")


def test_the_catalogues_own_price_gets_no_advice_to_check_it(
        recalculated: dict[str, NamedValues], catalogue: Catalogue, day) -> None:  # noqa: ANN001, F811
    offer = next(o for o in catalogue.offers(day) if o.id == PROVISIONAL_LINE)
    line = next(ln for ln in showcase(catalogue).lines if ln.offer_id == PROVISIONAL_LINE)
    assert offer.ceiling_unconfirmed and open_price(line, offer)  # the papers' own-price case (D294)
    shown = _check_of(recalculated["kataloga-cena"], _cases(catalogue)["kataloga-cena"], PROVISIONAL_LINE)
    assert shown == OWN_PRICE_MSG, shown
    assert ADVICE not in shown and "nevis sniedzēja cena" in shown and len(shown) <= CHECK_FULL_CHARS


def test_a_providers_price_under_the_open_ceiling_keeps_the_advice(
        recalculated: dict[str, NamedValues], catalogue: Catalogue, day) -> None:  # noqa: ANN001, F811
    offer = next(o for o in catalogue.offers(day) if o.id == PROVISIONAL_LINE)
    line = next(ln for ln in _cases(catalogue)["sniedzeja-cena"].lines if ln.offer_id == PROVISIONAL_LINE)
    assert offer.ceiling_unconfirmed and not open_price(line, offer)
    shown = _check_of(recalculated["sniedzeja-cena"], _cases(catalogue)["sniedzeja-cena"], PROVISIONAL_LINE)
    assert shown == MSG["ceiling_unconfirmed"], shown
    assert ADVICE in shown


