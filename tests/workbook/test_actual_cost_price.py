"""D70 in the matrix: 6.8 prefills the price that the unit "euro (faktiskās izmaksas)" fixes (1,00 EUR, from
the reference's unit data), so a plan with transport needs no price typed; a pasted other price (18,50) is still
the formula rule's error in 6.4's count and 6.8's check column – as LibreOffice recalculates it (one soffice call)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue, Offer
from generator.lvformat import eur
from generator.recalc import make_profile
from generator.reference.findings import Severity
from generator.reference.lines import ACTUAL_COST_PRICE, fixed_unit_price, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read, resolve
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.writer import template_date, write_workbook
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-actual-cost")]

TRANSPORT = "2.4"  # the child's transport, "euro (faktiskās izmaksas)"
MARKET = "3.1.2i"  # an item with a typed provider's price
TYPED_OTHER = Decimal("18.50")


def _offers(catalogue: Catalogue) -> dict[str, Offer]:
    return {o.id: o for o in catalogue.offers(template_date(catalogue))}


def _plan(catalogue: Catalogue, params: Params, transport_price: Decimal | None) -> WorkbookInputs:
    offers = _offers(catalogue)
    start = params.reporting_periods[0].start
    return WorkbookInputs(
        birth_date=start.replace(year=start.year - 6), period_start=start, months=2, special_care=False,
        impairment=None, base=Decimal(3000),
        lines=(
            line_from_offer(offers[MARKET], 8, unit_price=Decimal("25.00"), expert_rank=1, parent_rank=1,
                            planned_units=[4, 4]),
            # no price given: the reference takes the offer's prefilled one, as the matrix does
            # within the transport share of A (above it without a reason is an error since D371)
            line_from_offer(offers[TRANSPORT], Decimal("20.40"), unit_price=transport_price, expert_rank=2,
                            parent_rank=2, planned_units=[Decimal("10.20"), Decimal("10.20")]),
        ),
    )


def test_prefilled_prices_of_the_euro_come_from_the_unit(catalogue: Catalogue) -> None:
    """Every 6.8 row whose unit is the euro at actual cost holds the unit's price, typed by nobody, and Excel
    accepts no other price there (a pasted one is left to the formula rule)."""
    offers = catalogue.offers(template_date(catalogue))
    euro = [o for o in offers if fixed_unit_price(o.service.unit) is not None]
    assert {o.service.id for o in euro} >= {"1.6", "2.4", "2.5"}
    assert all(o.prefill_price == ACTUAL_COST_PRICE and o.ceiling is None for o in euro)


def test_sheet_68_prefills_one_euro_and_allows_only_it(catalogue: Catalogue, tmp_path: Path) -> None:
    wb = load_workbook(write_workbook(catalogue, tmp_path / "m.xlsx"))
    offers = catalogue.offers(template_date(catalogue))
    prices = resolve(wb.defined_names, "Pak_Cena")
    ws = wb["6.8"]
    validations = {str(ref): dv for dv in ws.data_validations.dataValidation for ref in dv.sqref.ranges}
    for i, offer in enumerate(offers):
        cell = ws.cell(prices.min_row + i, prices.min_col)
        if fixed_unit_price(offer.service.unit) is None:
            continue
        assert cell.value == float(ACTUAL_COST_PRICE), offer.id
        assert not cell.protection.locked, offer.id
        dv = validations[cell.coordinate]
        assert (dv.type, dv.operator, float(dv.formula1)) == ("decimal", "equal", 1.0), offer.id
        assert eur(ACTUAL_COST_PRICE) in dv.error, offer.id


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
                 ) -> dict[str, tuple[WorkbookInputs, NamedValues]]:
    """The same plan twice in a fresh matrix: the transport price as generated, and 18,50 pasted over it."""
    require_uno()
    folder = tmp_path_factory.mktemp("actual-cost")
    template = write_workbook(catalogue, folder / "ibm-matrica.xlsx")
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    wb = load_workbook(template)
    prices = read(wb, "Pak_Cena")
    cells = InputCells(template, wb)
    files, plans = {}, {}
    for key, price in (("prefilled", None), ("typed", TYPED_OTHER)):
        plan = _plan(catalogue, params, price)
        fill(wb, plan, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0], template_prices=prices)  # D88
        files[key] = folder / f"{key}.xlsx"
        cells.save(wb, files[key], len(plan.lines), [])
        plans[key] = plan
    values = recalculated_values(list(files.values()), profile=make_profile(folder / "profile"))
    return {key: (plans[key], v) for key, v in zip(files, values, strict=True)}


def test_transport_needs_no_typed_price(recalculated, catalogue: Catalogue) -> None:
    plan, values = recalculated["prefilled"]
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    expected = evaluate_workbook(plan, params)
    assert [f.code for f in expected.findings if f.severity is Severity.error] == []
    assert values["Kludas"] == 0
    assert values["Plans_Cena"][1] == 1 and values["Plans_Summa"][1] == 20.4
    assert not differences(expected.named_values(), values)


def test_another_price_is_still_an_error(recalculated, catalogue: Catalogue) -> None:
    plan, values = recalculated["typed"]
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    expected = evaluate_workbook(plan, params)
    codes = [f.code for f in expected.findings if f.severity is Severity.error]
    # 18,50 per euro makes the transport part above its share too: an error of its own since D371
    assert codes == ["transport_share", "actual_cost_price"], codes
    assert values["Kludas"] == 2 and values["Plans_Cena"][1] == 18.5
    assert not differences(expected.named_values(), values)
    index = [o.id for o in catalogue.offers(template_date(catalogue))].index(TRANSPORT)
    assert values["Pak_Cena"][index] == 18.5
    sheet_68 = {(r, c): v for sheet, (r, c), v in values.all_values() if sheet == "6.8"}
    row = next(r for (r, c), v in sheet_68.items() if c == 1 and isinstance(v, str) and v.startswith(f"{TRANSPORT} "))
    assert sheet_68[(row, 11)] == f"Cenai jābūt {eur(ACTUAL_COST_PRICE)}."
