"""A plan that starts mid-month (D11, D93, audit9 F3): 6.6 prints and checks only the working days of the
first month that lie inside the plan period, and LibreOffice's recalculated matrix agrees with the reference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.months import DAYS_EXCEEDED
from generator.workbook.writer import write_workbook
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

START = dt.date(2019, 6, 12)  # 12.06.–30.06.2019: 12 working days (24.06 a holiday); the whole June has 19
LABEL = "Darba dienas plāna periodā (bez brīvdienām un svētku dienām)"
PLANNED = "Dienas aprūpes centrs un specializētā darbnīca, plānotās dienas"


def _inputs(catalogue: Catalogue, day: dt.date, june: int) -> WorkbookInputs:
    offer = next(o for o in catalogue.offers(day) if o.id == "3.6")  # day-care centre, a day a unit
    line = line_from_offer(offer, june + 10, unit_price=Decimal("20"), expert_rank=1, parent_rank=1,
                           planned_units=(june, 10))
    return WorkbookInputs(birth_date=dt.date(2012, 3, 1), period_start=START, months=2, special_care=False,
                          impairment=None, lines=(line,))


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params, day: dt.date,
                 tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[WorkbookInputs, NamedValues]]:
    """The generic matrix with 14 and with 12 day-care days in June 2019, recalculated by LibreOffice."""
    require_uno()
    folder = tmp_path_factory.mktemp("partial-month")
    template = write_workbook(catalogue, folder / "matrica.xlsx")
    wb = load_workbook(template)
    prices, labels, cells = read(wb, "Pak_Cena"), recipient_labels(catalogue), InputCells(template, load_workbook(template))
    files: dict[int, tuple[WorkbookInputs, Path]] = {}
    for june in (14, 12):
        inputs = _inputs(catalogue, day, june)
        fill(wb, inputs, labels, municipality=pilot_ids(catalogue)[0], template_prices=prices)  # D88: the plan names one
        path = folder / f"junijs-{june}.xlsx"
        cells.save(wb, path, len(inputs.lines), [])
        files[june] = (inputs, path)
    values = recalculated_values([p for _, p in files.values()], profile=make_profile(folder / "profile"))
    return {june: (inputs, v) for (june, (inputs, _)), v in zip(files.items(), values, strict=True)}


def _printed_row(values: NamedValues, label: str) -> list[object]:
    """What 6.6 shows right of ``label`` (the months, then the note)."""
    cells = {rc: v for sheet, rc, v in values.all_values() if sheet == "6.6"}
    row = next(r for (r, _), v in cells.items() if v == label)
    return [v for (r, c), v in sorted(cells.items()) if r == row and c > 2 and v not in ("", None)]


@pytest.mark.parametrize(("june", "errors"), [(14, 1), (12, 0)])
def test_mid_month_start_checks_the_days_inside_the_period(recalculated, params: Params, june: int,
                                                             errors: int) -> None:
    inputs, values = recalculated[june]
    reference = evaluate_workbook(inputs, params)
    assert [f.code for f in reference.findings if f.severity.value == "kļūda"] == ["day_services"] * errors
    assert not differences(reference.named_values(), values)
    assert values["Kludas"] == errors
    assert _printed_row(values, LABEL) == [12, 23]  # June from the 12th (24.06 a holiday), the whole July
    assert _printed_row(values, PLANNED) == [june, 10] + [DAYS_EXCEEDED] * errors
