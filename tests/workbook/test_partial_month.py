"""A plan that starts mid-month (D11, D93, audit9 F3): 6.6 prints and checks only the working days of the
first month that lie inside the plan period, and LibreOffice's recalculated matrix agrees with the reference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.reference.month_labels import month_labels
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.months import DAYS_EXCEEDED, OUT_OF_PERIOD
from generator.workbook.writer import write_workbook
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.kept_book import kept_book

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

START = dt.date(2019, 6, 12)  # 12.06.–30.06.2019: 12 working days (24.06 a holiday); the whole June has 19
LABEL = "Darba dienas plāna periodā (bez brīvdienām un svētku dienām)"
PLANNED = "Dienas aprūpes centrs un specializētā darbnīca, plānotās dienas"


# the generic matrix's plans: 14 and 12 day-care days in June from the 12th, a plan from the 1st and one from the
# month's last day (the first month's heading: audit13 F13, D93)
CASES = {"14": (START, 14), "12": (START, 12), "from-1st": (dt.date(2019, 6, 1), 12),
         "last-day": (dt.date(2019, 6, 30), 0)}


def _inputs(catalogue: Catalogue, day: dt.date, june: int, start: dt.date = START) -> WorkbookInputs:
    offer = next(o for o in catalogue.offers(day) if o.id == "3.6")  # day-care centre, a day a unit
    line = line_from_offer(offer, june + 10, unit_price=Decimal("20"), expert_rank=1, parent_rank=1,
                           planned_units=(june, 10))
    return WorkbookInputs(birth_date=dt.date(2012, 3, 1), period_start=start, months=2, special_care=False,
                          impairment=None, lines=(line,))


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params, day: dt.date,
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[WorkbookInputs, NamedValues]]:
    """The generic matrix with the CASES' plans, recalculated by LibreOffice."""
    require_uno()
    folder = tmp_path_factory.mktemp("partial-month")
    template = write_workbook(catalogue, folder / "matrica.xlsx")
    wb = kept_book(template)
    prices, labels, cells = read(wb, "Pak_Cena"), recipient_labels(catalogue), InputCells(template, wb)
    files: dict[str, tuple[WorkbookInputs, Path]] = {}
    for case, (start, june) in CASES.items():
        inputs = _inputs(catalogue, day, june, start)
        fill(wb, inputs, labels, municipality=pilot_ids(catalogue)[0], template_prices=prices)  # D88: the plan names one
        path = folder / f"junijs-{case}.xlsx"
        cells.save(wb, path, len(inputs.lines), [])
        files[case] = (inputs, path)
    values = recalculated_values([p for _, p in files.values()], profile=make_profile(folder / "profile"))
    return {case: (inputs, v) for (case, (inputs, _)), v in zip(files.items(), values, strict=True)}


def _printed_row(values: NamedValues, label: str) -> list[object]:
    """What 6.6 shows right of ``label`` (the months, then the note)."""
    cells = {rc: v for sheet, rc, v in values.all_values() if sheet == "6.6"}
    row = next(r for (r, _), v in cells.items() if v == label)
    return [v for (r, c), v in sorted(cells.items()) if r == row and c > 2 and v not in ("", None)]


@pytest.mark.parametrize(("june", "errors"), [(14, 1), (12, 0)])
def test_mid_month_start_checks_the_days_inside_the_period(recalculated, params: Params, june: int,
                                                             errors: int) -> None:
    inputs, values = recalculated[str(june)]
    reference = evaluate_workbook(inputs, params)
    assert [f.code for f in reference.findings if f.severity.value == "kļūda"] == ["day_services"] * errors
    assert not differences(reference.named_values(), values)
    assert values["Kludas"] == errors
    assert _printed_row(values, LABEL) == [12, 23]  # June from the 12th (24.06 a holiday), the whole July
    assert _printed_row(values, PLANNED) == [june, 10] + [DAYS_EXCEEDED] * errors


def _heading(value: object) -> str:
    """A month heading as a person reads it: a month's first day (a date cell shown as MM.YYYY) or the text."""
    return f"{value:%m.%Y}" if isinstance(value, dt.date) else str(value)


@pytest.mark.parametrize(("case", "first"), [("12", "12.–30.\n06.2019"), ("from-1st", "06.2019"),
                                             ("last-day", "30.\n06.2019")])
def test_month_headings_are_the_references(recalculated, case: str, first: str) -> None:
    """6.6's month headings (h_MenVirsraksti66) head a part first month with the days the plan holds, as the
    reference's month_labels and so the parent's contract 01 made from the matrix do (audit13 F13, D93): the days
    on a line of their own in the narrow month columns; the months after it, and a plan from the 1st, "MM.YYYY".
    6.7 and 6.10 (its three blocks) show the same headings."""
    inputs, values = recalculated[case]
    shown = [_heading(v) for v in values["h_MenVirsraksti66"]]
    months = inputs.months
    assert shown[0] == first
    assert [h.replace("\n", "") for h in shown[:months]] == month_labels(inputs.period_start, months)
    assert shown[months:] == [OUT_OF_PERIOD] * (len(shown) - months)
    for sheet, blocks in (("6.7", 1), ("6.10", 3)):
        cells = [v for name, _, v in values.all_values() if name == sheet]
        assert sum(1 for v in cells if isinstance(v, str) and v == first) == (blocks if "\n" in first else 0), sheet
