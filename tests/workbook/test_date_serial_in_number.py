"""A day's serial in a number input (D286): LibreOffice 7.4 in a Latvian locale turns „18.5” typed into a cell with a
number format into the day's serial (43 603 for 18.05.2019) and keeps the number format, so D282's format check cannot
see it. A whole number from the serial of 1 January of the year before the first children's round starts upwards is
an invalid input: the matrix counts it once (Kludas and 6.11's invalid inputs one more than the clean plan), lists it
with its sheet, cell and the date it looks like, and equals the reference, which counts it too; the ministry's reader
refuses the same cell in the same words. The edges: the first day counts, the day before does not; there is no upper
end but the spreadsheet's last day (31.12.9999 counts, one more does not); a fraction does not count."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import convert, make_profile
from generator.reference.date_serials import (
    DATE_IN_NUMBER_TEXT,
    day_serial,
    serial_day,
    serial_entered,
    serial_message,
)
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.technical import rule_row_of
from tests.workbook.compare import differences
from tests.workbook.conftest import clean_plans, recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]
RULE_COUNT_COLUMN = 5  # 6.11's rule rows: the count in E



def typed_day(params: Params) -> dt.date:
    """„18.5” typed in the span's second year (the year the first children's round starts)."""
    assert params.date_serials is not None
    return dt.date(params.date_serials.first_year + 1, 5, 18)


def _line(inputs: WorkbookInputs, **changes: object) -> WorkbookInputs:
    """``inputs`` with its first plan line changed."""
    lines = list(inputs.lines)
    lines[0] = dataclasses.replace(lines[0], **changes)
    return dataclasses.replace(inputs, lines=tuple(lines))


def _month(values: tuple[Decimal, ...], value: Decimal) -> tuple[Decimal, ...]:
    return (value, *values[1:]) if values else (value,)


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[str, tuple[WorkbookInputs, NamedValues, Path, dict[str, str]]]:
    assert params.date_serials is not None
    first, last = params.date_serials.first, params.date_serials.last
    serial = Decimal(day_serial(typed_day(params)))
    folder = tmp_path_factory.mktemp("datuma-skaitlis")
    plan = clean_plans(catalogue.offers(day), params, 1, SEED + 62_000)[0].inputs
    line = plan.lines[0]
    variants: dict[str, tuple[WorkbookInputs, dict[str, tuple[int, int]]]] = {
        "tira": (plan, {}),
        "6.3": (_line(plan, units=serial), {"Plans_Daudzums": (0, 0)}),
        "6.6": (_line(plan, planned_units=_month(line.planned_units, serial)), {"Men_Daudzums": (0, 0)}),
        "6.10": (_line(plan, paid=_month(line.paid, serial)), {"Fakt_Summa": (0, 0)}),
        # the span's first day and the spreadsheet's last day count (no upper end of the programme's); the day before
        # the first does not (a number no spreadsheet day has is above D340's ceiling: tests/reference/test_plausible_max.py)
        "robezas": (dataclasses.replace(plan, benefits=Decimal(first), services=Decimal(last),
                                        other=Decimal(0), base=Decimal(first - 1),
                                        final=None), {"Fin_Pabalsti": (0, 0), "Fin_Pakalpojumi": (0, 0)}),
        "dala": (dataclasses.replace(plan, other=serial + Decimal("0.5")), {}),
    }
    labels = recipient_labels(catalogue)
    cells: dict[str, dict[str, str]] = {}
    paths = []
    for name, (inputs, named) in variants.items():
        wb = load_workbook(templates[None])
        fill(wb, inputs, labels, municipality=pilot_ids(catalogue)[0], template_prices=read(wb, "Pak_Cena"))
        cells[name] = {n: " ".join(_cell(wb, n, row, col)[:2]) for n, (row, col) in named.items()}
        path = folder / f"{name}.xlsx"
        wb.save(path)
        paths.append(path)
    out = convert(paths, folder / "lo", profile=make_profile(tmp_path_factory.mktemp("lo-profile-datuma-skaitlis")))
    return {name: (variants[name][0], NamedValues(o, all_sheets=True), o, cells[name])
            for name, o in zip(variants, out, strict=True)}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


LABELS = {"Plans_Daudzums": "daudzumam periodā", "Men_Daudzums": "plānotajām vienībām", "Fakt_Summa": "maksājumam",
          "Fin_Pabalsti": "pabalstu summai", "Fin_Pakalpojumi": "valsts un pašvaldību pakalpojumu summai"}


@pytest.mark.parametrize("sheet", ["6.3", "6.6", "6.10"])
def test_a_serial_is_one_more_invalid_input_named_with_its_date(files, params: Params, sheet: str) -> None:
    clean = files["tira"][1]
    inputs, values, _, cells = files[sheet]
    assert values["h_NederigasIevades"] == clean["h_NederigasIevades"] + 1 == 1
    assert values["Kludas"] >= clean["Kludas"] + 1
    ((name, where),) = cells.items()
    typed = typed_day(params)
    said = f"{where}: {serial_message(LABELS[name], day_serial(typed), typed)}"
    assert any(line.endswith(said) for line in _listed(values)), (said, _listed(values))
    # the reference counts it too: every amount and both counts are the matrix's
    assert differences(evaluate_workbook(inputs, params).named_values(), values) == [], sheet


def test_the_span_edges(files, params: Params) -> None:
    inputs, values, _, cells = files["robezas"]
    assert params.date_serials is not None
    assert values["h_NederigasIevades"] == 2, _listed(values)
    listed = " ".join(_listed(values))
    for name, serial in (("Fin_Pabalsti", params.date_serials.first), ("Fin_Pakalpojumi", params.date_serials.last)):
        assert f"{cells[name]}: {LABELS[name]} {DATE_IN_NUMBER_TEXT}, šūnā ir" in listed, listed
        assert serial_entered(serial, serial_day(serial)) in listed, listed
    reference = evaluate_workbook(inputs, params)
    assert differences(reference.named_values(), values) == []
    # D386: both serials are far above N, but each is its error only: the warning that a source is above N waits (the
    # matrix's rule row and the reference alike; before, both counted two warnings besides the two errors)
    assert not [f for f in reference.findings if f.code == "source_above_needed"]
    assert values._cells["6.11"].get((rule_row_of("source_above_needed"), RULE_COUNT_COLUMN)) == 0
    inputs, values, _, _ = files["dala"]
    assert values["h_NederigasIevades"] == 0, _listed(values)
    assert differences(evaluate_workbook(inputs, params).named_values(), values) == []


def test_the_reader_refuses_the_same_cells_in_the_same_words(files, catalogue: Catalogue) -> None:
    for name in ("6.3", "6.6", "6.10", "robezas"):
        _, values, path, cells = files[name]
        child, problems = read_child(Matrix.open(path), catalogue, strict=False)
        assert child is None, name
        said = {p.split(" ", 1)[0].replace("!", " "): p for p in problems}
        assert len(problems) == len(cells), problems
        listed = _listed(values)
        for where in cells.values():
            assert where in said, (where, problems)
            words = said[where].split(": ", 1)[1].split(" (gaidīts:")[0]
            assert any(f"{where}: {words}" in line for line in listed), (words, listed)
            assert "ar komatu (18,5)" in said[where]
    child, problems = read_child(Matrix.open(files["dala"][2]), catalogue, strict=False)
    assert child is not None and problems == [], problems
