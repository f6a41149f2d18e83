"""Filled plan rows left hidden in a collapsed outline group (D191, audit42 F3): the amounts use every row, the signed
annexes print the shown ones only, so each sheet with a filled hidden row is an invalid input counted in Kludas and
named on 6.11 with the sheet and the rows. A text in a month's units on 6.6 is one invalid input, not also a formula
"overwritten" on 6.7 (audit42 F7a). One LibreOffice load for every case; the rows are hidden with openpyxl's row
attributes (as the template's own collapsed groups) and the files recalculated there."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.layout import plan_row
from generator.workbook.names import NamedValues, line_cells, read, resolve
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.cross_checks import REPLACED_TEXT
from generator.workbook.sheets.plan_rows import VISIBLE
from generator.workbook.sheets.technical import INVALID_STATUS, NO_INVALID, SHEET, status_text
from tests.workbook.conftest import InputCells, clean_plans, recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.kept_book import kept_book
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

# every sheet whose plan rows sit in collapsed groups, each counted once when one of its filled rows is hidden
PLAN_SHEETS = ("6.3", "6.4", "6.5", "6.6", "6.7", "6.9", "6.10")
COMPACT = ("6.5", "6.9")  # the used lines in their first rows


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    folder = tmp_path_factory.mktemp("paslepts")
    # a clean plan moved down by VISIBLE empty rows: its lines sit in the collapsed groups
    plan = clean_plans(catalogue.offers(params.day), params, 1, SEED + 191_000)[0]
    inputs = dataclasses.replace(plan.inputs, lines=(PlanLine(None),) * VISIBLE + plan.inputs.lines)
    assert evaluate_workbook(inputs, params).errors == 0
    plan = dataclasses.replace(plan, inputs=inputs)
    wb = load_workbook(templates[None])
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    lines = len(plan.inputs.lines)
    into = InputCells(templates[None], kept_book(templates[None]))
    open_path = folder / "atverts.xlsx"
    into.save(wb, open_path, lines, [])
    # fill opened the groups down to the plan's last line; one filled row of the first collapsed group hidden again
    # on every plan sheet with openpyxl's row attribute (as a person's "Hide" or a closed group), saved by openpyxl
    index = next(i for i, ln in enumerate(plan.inputs.lines) if i >= VISIBLE and ln.counted)
    hidden_rows = {}
    for sheet in PLAN_SHEETS:
        ws = wb[sheet]
        first_row = sorted(r for r, d in ws.row_dimensions.items() if d.outlineLevel)[0] - VISIBLE
        # the sheet's row of plan line ``index``; 6.5 and 6.9 list the used lines from their first row on (by
        # priority, by number), so there their first row, shown in every template, is hidden ("Hide")
        # (the spacer rows above it on every plan sheet but 6.4, D288)
        row = first_row + index if sheet == "6.4" else plan_row(index, first_row)
        hidden_rows[sheet] = first_row if sheet in COMPACT else row
        ws.row_dimensions[hidden_rows[sheet]].hidden = True
    hidden_path = folder / "paslepts.xlsx"
    wb.save(hidden_path)
    # all three kinds of the list's errors at once (D198): the hidden rows, a text in a month's units of the first
    # line and a figure typed over 6.4's P (a cross-check)
    mixed = load_workbook(hidden_path)
    rng = resolve(mixed.defined_names, "Men_Daudzums")
    row, col = line_cells(mixed, "Men_Daudzums")[next(i for i, ln in enumerate(plan.inputs.lines) if ln.counted)][0]
    mixed[rng.sheet].cell(row, col).value = "2,5"
    mixed[rng.sheet].cell(row, col).data_type = "s"
    _cell(mixed, "IB_Provizoriskais")[2].value = 99999
    mixed_path = folder / "jaukts.xlsx"
    mixed.save(mixed_path)
    # the plan's first line's first month as a text with a decimal comma (as pasted from a Latvian-locale source)
    text = kept_book(templates[None])
    fill(text, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(text, "Pak_Cena"))
    first = next(i for i, ln in enumerate(plan.inputs.lines) if ln.counted)
    rng = resolve(text.defined_names, "Men_Daudzums")
    row, col = line_cells(text, "Men_Daudzums")[first][0]
    cell = text[rng.sheet].cell(row, col)
    cell.value = "2,5"
    cell.data_type = "s"
    text_path = folder / "teksts.xlsx"
    into.save(text, text_path, lines, [(rng.sheet, cell.coordinate)])
    files = [open_path, hidden_path, text_path, mixed_path]
    values = recalculated_values(files, profile=make_profile(tmp_path_factory.mktemp("lo-profile-paslepts")))
    return (plan, dict(zip(("open", "hidden", "text", "mixed"), values, strict=True)), hidden_rows,
            f"6.6 {cell.coordinate}")


def test_opened_rows_are_no_error(recalculated, params: Params) -> None:  # noqa: ANN001
    plan, values, _, _ = recalculated
    shown = values["open"]
    assert shown["Kludas"] == evaluate_workbook(plan.inputs, params).errors == 0, _listed(shown)
    assert shown["h_PaslRindas"] == 0 and _listed(shown) == []


def test_a_hidden_filled_row_is_an_error_naming_sheet_and_rows(recalculated) -> None:  # noqa: ANN001
    """Fails on the old code: it printed a warning on the sheet only, Kludas stayed 0 (audit42 F3)."""
    _, values, rows, _ = recalculated
    hidden = values["hidden"]
    listed = _listed(hidden)
    assert hidden["h_PaslRindas"] == len(PLAN_SHEETS), listed
    assert hidden["Kludas"] == len(PLAN_SHEETS) and hidden["h_Aizstatas"] == 0, listed
    for sheet in PLAN_SHEETS:
        said = [t for t in listed if t.split(". ", 1)[1].startswith(f"{sheet}. tabula: aizpildīt")]
        assert len(said) == 1, (sheet, listed)
        assert "netiks izdrukāt" in said[0] and "„+”" in said[0], said
    for sheet, row in rows.items():  # each sheet names its own hidden row
        on_sheet = next(t for t in listed if t.split(". ", 1)[1].startswith(f"{sheet}. tabula: "))
        assert f"{sheet}. tabula: aizpildīta rinda {row} ir paslēpta" in on_sheet, on_sheet


def test_a_text_in_the_months_blames_its_cell_not_67(recalculated) -> None:  # noqa: ANN001
    """Fails on the old code: 6.7's months check also said "formula aizstāta ar vērtību?" (audit42 F7a)."""
    _, values, _, cell = recalculated
    text = values["text"]
    listed = _listed(text)
    assert [t for t in listed if f"{cell}:" in t and "„2,5”" in t], listed
    assert not [t for t in listed if REPLACED_TEXT in t], listed
    assert text["h_Aizstatas"] == 0 and text["h_NederigasIevades"] == 1, listed
    assert Decimal(str(text["Kludas"])) >= 1


def _status(values: NamedValues) -> str:
    """6.11's status line above the list, as LibreOffice computed it."""
    return next(str(v) for s, rc, v in values.all_values() if s == SHEET and rc == (INVALID_STATUS, 1))


def test_the_status_line_names_what_it_counts(recalculated) -> None:  # noqa: ANN001
    """Fails on the old code: it said „Nederīgas ievades šūnas: 7” of seven sheets with hidden rows and counted an
    overwritten formula as an invalid input cell too (D198)."""
    _, values, _, _ = recalculated
    assert _status(values["open"]) == NO_INVALID
    hidden = values["hidden"]
    assert _status(hidden) == status_text({"h_PaslRindas": len(PLAN_SHEETS)})
    assert _status(hidden) == (f"Kļūdas sarakstā: {len(PLAN_SHEETS)} (tabulas ar paslēptām aizpildītām rindām: "
                               f"{len(PLAN_SHEETS)}); visas zemāk.")
    assert _status(values["text"]) == status_text({"h_NederigasIevades": 1})
    mixed = values["mixed"]
    parts = {name: mixed[name] for name in ("h_NederigasIevades", "h_Aizstatas", "h_PaslRindas")}
    assert parts == {"h_NederigasIevades": 1, "h_Aizstatas": 1, "h_PaslRindas": len(PLAN_SHEETS)}, _listed(mixed)
    assert _status(mixed) == (f"Kļūdas sarakstā: {len(PLAN_SHEETS) + 2} (nederīgas ievades šūnas: 1; aprēķinam "
                              f"neatbilstošas vērtības: 1; tabulas ar paslēptām aizpildītām rindām: {len(PLAN_SHEETS)});"
                              " visas zemāk. Nederīgās ievades šūnas iezīmētas arī savās lapās.")
    assert len(_listed(mixed)) == len(PLAN_SHEETS) + 2
