"""A date in a number input (D282): in a Latvian locale Excel and LibreOffice read a typed "18.5" as the date 18.05.
and give the cell a date format; the cell then holds a day's serial (43 238) that every amount would use. The matrix
counts it as an invalid input (Kludas, 6.11's list with sheet, cell and the date), the signed annexes say NAV
PARAKSTĀMS, and the ministry's reader (generator/ministry/matrix.py) refuses the same cell in the same words, naming
the date: the input is invalid in both. A plain number in a number, percentage, currency or General format still
passes, and the matrix then equals the reference. How LibreOffice 7.4's CELL("format") answers, which the check rests
on, is measured here too."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import convert, make_profile
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook import styles
from generator.workbook.input_checks import DATE_IN_NUMBER_TEXT
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from tests.workbook.compare import differences
from tests.workbook.conftest import clean_plans, recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

PRICE_DAY = dt.date(2018, 5, 18)  # "18.5" read as a date in a Latvian locale: serial 43 238
BASE_DAY = dt.date(1908, 6, 27)  # serial 3 100, a B that looks plausible
UNITS_DAY = dt.datetime(1900, 1, 4)  # serial 4 (openpyxl writes Excel's count); its format "yyyy-mm-dd h:mm:ss"
UNITS_SERIAL = "4"  # a day before 01.03.1900 is said as its number: LibreOffice shows 03.01.1900, Excel 04.01.1900
# a number format -> what LibreOffice 7.4's CELL("format") says of a number in it (measured)
LO_CELL_FORMAT = {
    styles.MONEY: ",2", styles.PRICE: ",4", styles.UNITS: ",2", styles.UNITS_WHOLE: ",0", styles.WHOLE: "F0",
    "General": "F0", "0.00%": "P2", "#,##0.00\\ [$€-426]": "C2",
    # date and time formats: "D…" only for a built-in date format of the format's locale, "G" for any other
    "[$-426]dd.mm.yyyy": "D1", "dd.mm.yyyy": "G", "d.m": "G", "yyyy-mm-dd h:mm:ss": "G", "h:mm:ss": "G",
}


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[str, tuple[NamedValues, Path, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("datums-skaitli")
    plan = clean_plans(catalogue.offers(day), params, 4, SEED + 61_000)[0]
    wb = load_workbook(templates[None])
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    wb.save(folder / "tira.xlsx")
    labels = [str(v).strip() for v in read(wb, "Pak_Id")]
    price_row = labels.index(str(_cell(wb, "Plans_Pakalpojums")[2].value).strip())
    cells: dict[str, str] = {}

    def variant(name: str, changes: list[tuple[str, int, object, str | None]]) -> None:
        wb = load_workbook(folder / "tira.xlsx")
        for input_name, row, value, number_format in changes:
            sheet, cell, c = _cell(wb, input_name, row)
            c.value = value
            if number_format is not None:
                c.number_format = number_format
            cells[f"{name}:{input_name}"] = f"{sheet} {cell}"
        wb.save(folder / f"{name}.xlsx")

    # a price and B as a Latvian locale turns "18.5" and "3.100" into dates: one in the workbook's own date format,
    # one in LibreOffice's built-in Latvian one (CELL "D1")
    variant("cena-b", [("Pak_Cena", price_row, PRICE_DAY, "dd.mm.yyyy"),
                       ("Bazes_Apmers", 0, BASE_DAY, "[$-426]dd.mm.yyyy")])
    variant("vienibas", [("Men_Daudzums", 0, UNITS_DAY, None)])  # openpyxl's own datetime format
    # plain numbers in other number formats: valid
    variant("formati", [("Pak_Cena", price_row, _cell(wb, "Pak_Cena", price_row)[2].value, "0.00%"),
                        ("Bazes_Apmers", 0, _cell(wb, "Bazes_Apmers")[2].value, "#,##0.00\\ [$€-426]"),
                        ("Fin_Citi", 0, 0, "General")])
    probe = folder / "formati-lo.xlsx"
    book = xlsxwriter.Workbook(probe)
    sheet = book.add_worksheet("S")
    for row, number_format in enumerate(LO_CELL_FORMAT):
        sheet.write_number(row, 0, 43238.5, book.add_format({"num_format": number_format}))
        sheet.write_formula(row, 1, f'=CELL("format",A{row + 1})')
    book.close()
    names = ("tira", "cena-b", "vienibas", "formati", "formati-lo")
    out = convert([folder / f"{n}.xlsx" for n in names], folder / "lo",
                  profile=make_profile(tmp_path_factory.mktemp("lo-profile-datums")))
    return {n: (NamedValues(o, all_sheets=True), o, cells) for n, o in zip(names, out, strict=True)}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def _texts(values: NamedValues, sheet: str) -> str:
    return " ".join(str(v) for s, _, v in values.all_values() if s == sheet and isinstance(v, str))


def test_libreoffice_cell_format_codes(files) -> None:
    values = load_workbook(files["formati-lo"][1], data_only=True)["S"]
    said = {number_format: values.cell(row, 2).value for row, number_format in enumerate(LO_CELL_FORMAT, 1)}
    assert said == LO_CELL_FORMAT


def test_a_date_in_a_price_and_in_b_is_counted_and_named(files) -> None:
    values, _, cells = files["cena-b"]
    assert values["h_NederigasIevades"] == 2
    assert values["Kludas"] >= 2
    listed = _listed(values)
    price, base = cells["cena-b:Pak_Cena"], cells["cena-b:Bazes_Apmers"]
    assert any(f"{price}: sniedzēja cenai {DATE_IN_NUMBER_TEXT}, ievadīts datums {PRICE_DAY:%d.%m.%Y}" in line
               for line in listed), listed
    assert any(f"{base}: bāzes apmēram B {DATE_IN_NUMBER_TEXT}, ievadīts datums {BASE_DAY:%d.%m.%Y}" in line
               for line in listed), listed
    for sheet in ("6.3", "6.5", "6.6", "6.9"):
        assert "NAV PARAKSTĀMS" in _texts(values, sheet), sheet


def test_a_date_in_month_units_is_counted(files) -> None:
    values, _, cells = files["vienibas"]
    assert values["h_NederigasIevades"] == 1
    where = cells["vienibas:Men_Daudzums"]
    # serial 4 is 03.01.1900 in LibreOffice and 04.01.1900 in Excel (its 1900 leap day): the matrix names the number,
    # as the reader does (xlsxread.serial_day)
    said = re.compile(rf"{re.escape(where)}: plānotajām vienībām {DATE_IN_NUMBER_TEXT}, ievadīts {UNITS_SERIAL}(?![\d,])")
    assert any(said.search(line) for line in _listed(values)), _listed(values)
    assert not any("1900" in line for line in _listed(values)), _listed(values)


def test_the_reader_refuses_the_same_cells_naming_the_date(files, catalogue: Catalogue) -> None:
    for name in ("cena-b", "vienibas"):
        values, path, cells = files[name]
        child, problems = read_child(Matrix.open(path), catalogue)
        assert child is None, name  # invalid in both: the reference computes nothing from it
        said = {p.split(" ", 1)[0].replace("!", " "): p for p in problems}
        for key, where in cells.items():
            if key.startswith(f"{name}:"):
                assert where in said, (where, problems)
                entered = f"ievadīts {UNITS_SERIAL} (gaidīts:" if name == "vienibas" else "ievadīts datums"
                assert f"{DATE_IN_NUMBER_TEXT}, {entered}" in said[where], said[where]
    _, path, cells = files["cena-b"]
    problems = read_child(Matrix.open(path), catalogue)[1]
    assert any(f"ievadīts datums {PRICE_DAY:%d.%m.%Y} (gaidīts: cena EUR" in p for p in problems), problems


def test_plain_numbers_in_other_formats_pass_and_equal_the_reference(files, catalogue: Catalogue) -> None:
    for name in ("tira", "formati"):
        values, path, _ = files[name]
        assert values["h_NederigasIevades"] == 0, (name, _listed(values))
        child, problems = read_child(Matrix.open(path), catalogue, strict=False)  # the plan leaves optional fields
        assert child is not None and problems == [], problems
        result = evaluate_workbook(child.inputs, child.params(catalogue))
        assert differences(result.named_values(), values) == [], name
