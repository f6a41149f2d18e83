"""The generated workbook's structure: sheets, interface names (spelling, sheet, size, kind), input
validation, protection, print settings, allowed functions and byte-identical output."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Regime
from generator.reference.lines import ACTUAL_COST_PRICE
from generator.workbook.layout import (
    INTERFACE_KIND,
    INTERFACE_NAMES,
    PLAN_ROWS,
    SHEETS,
    SPACED_SHEETS,
    block_rows,
)
from generator.workbook.names import line_cells, read, resolve
from generator.workbook.texts import STRUCTURE_CHANGED
from generator.workbook.writer import template_date, write_workbook
from tests.file_properties import ooxml_properties
from tests.workbook.conftest import round_catalogue

# workbook-interface.md: name -> sheet
SPEC_SHEET = {
    "IBM_Saskarne": "6.11", "IBM_Versija": "6.11", "Pasvaldiba": "6.1", "Berns_VardsUzvards": "6.1",
    "Berns_PersonasKods": "6.1", "Berns_DzimsanasDatums": "6.1", "Berns_Traucejums": "6.1",
    "Ipasas_Kopsanas_Atzinums": "6.1", "Perioda_Sakums": "6.1", "Perioda_Menesi": "6.1", "Parbaudes_Datums": "6.1", "Vecums": "6.1",
    "Bazes_Apmers": "6.11", "Provizoriska_Likme": "6.4", "IB_Provizoriskais": "6.4", "IB_Galigais": "6.4",
    "Pak_Id": "6.8", "Pak_Cena": "6.8", "Pak_Sniedzejs": "6.8", "Pak_Joma": "6.8", "Pak_Transports": "6.8",
    "Pak_MaxCena": "6.8", "Plans_Pakalpojums": "6.3", "Plans_Daudzums": "6.3", "Plans_EkspertuRangs": "6.3",
    "Plans_VecakuRangs": "6.3", "Plans_Cena": "6.4", "Plans_Summa": "6.4", "Plans_Prioritate": "6.4",
    "Plans_NoIB": "6.4", "IB_Nepieciesamais": "6.4", "IB_Pieejamais": "6.4", "Fin_Pabalsti": "6.4",
    "Fin_Pakalpojumi": "6.4", "Fin_Citi": "6.4", "IB_Kopejais": "6.4", "Transporta_Dala": "6.4",
    "Men_Daudzums": "6.6", "Men_Summa": "6.7", "Fakt_Daudzums": "6.10", "Fakt_Summa": "6.10",
    "Fakt_Kopa": "6.10", "Kludas": "6.11", "Bridinajumi": "6.11",
}
PLAN_NAMES = ("Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs", "Plans_Cena",
              "Plans_Summa", "Plans_Prioritate", "Plans_NoIB")
MONTH_NAMES = ("Men_Daudzums", "Men_Summa", "Fakt_Daudzums", "Fakt_Summa")
CATALOGUE_NAMES = ("Pak_Id", "Pak_Cena", "Pak_Sniedzejs", "Pak_Joma", "Pak_Transports", "Pak_MaxCena")
# Functions newer than Excel 2010 or LibreOffice 7.4, and volatile ones.
FORBIDDEN = ("XLOOKUP", "XMATCH", "LET", "FILTER", "SORT", "SORTBY", "UNIQUE", "SEQUENCE", "LAMBDA", "IFS",
             "SWITCH", "MAXIFS", "MINIFS", "TEXTJOIN", "CONCAT", "OFFSET", "INDIRECT", "NOW", "TODAY", "RAND",
             "RANDBETWEEN", "TEXT")
ANNEXES = {"6.3": ("worker", "parent"), "6.5": ("worker", "parent"), "6.6": ("worker", "parent"), "6.9": ("parent",)}


@pytest.fixture(scope="module")
def generic(templates) -> Path:
    return templates[None]


@pytest.fixture(scope="module")
def wb(generic: Path) -> Workbook:
    return load_workbook(generic)


def test_eleven_sheets_in_order(wb: Workbook) -> None:
    assert wb.sheetnames == list(SHEETS) == [f"6.{i}" for i in range(1, 12)]


def test_every_interface_name_with_its_sheet(wb: Workbook) -> None:
    assert set(SPEC_SHEET) == set(INTERFACE_NAMES) == set(INTERFACE_KIND)
    for name, sheet in SPEC_SHEET.items():
        assert name in wb.defined_names, name
        assert wb.defined_names[name].localSheetId is None, f"{name} nav darbgrāmatas līmenī"
        assert resolve(wb.defined_names, name).sheet == sheet, name


def test_name_sizes(wb: Workbook, catalogue: Catalogue) -> None:
    ranges = {name: resolve(wb.defined_names, name) for name in INTERFACE_NAMES}
    rows = {len(line_cells(wb, n)) for n in PLAN_NAMES + MONTH_NAMES}  # the lines, without spacer rows (D288)
    assert rows == {PLAN_ROWS} and PLAN_ROWS >= 40
    # a plan name on a spaced sheet spans its spacer rows, on 6.4 it does not
    assert {n: ranges[n].rows for n in PLAN_NAMES + MONTH_NAMES} == {
        n: block_rows() if ranges[n].sheet in SPACED_SHEETS else PLAN_ROWS for n in PLAN_NAMES + MONTH_NAMES}
    assert all(ranges[n].cols == 1 for n in PLAN_NAMES)
    months = catalogue.programme.period_months_max.at(template_date(catalogue)).value
    assert months == 6 and all(ranges[n].cols == months for n in MONTH_NAMES)
    offers = catalogue.offers(template_date(catalogue))
    assert all(ranges[n].rows == len(offers) and ranges[n].cols == 1 for n in CATALOGUE_NAMES)
    single = set(INTERFACE_NAMES) - set(PLAN_NAMES) - set(MONTH_NAMES) - set(CATALOGUE_NAMES)
    assert all(ranges[n].is_cell for n in single), [n for n in single if not ranges[n].is_cell]


def test_plan_rows_line_up_across_sheets(wb: Workbook) -> None:
    """Row i of every plan-line range is plan line i (6.3, 6.4, 6.6, 6.7, 6.10 share the row count)."""
    first = {resolve(wb.defined_names, n).min_row for n in ("Plans_Pakalpojums", "Men_Daudzums", "Men_Summa",
                                                              "Fakt_Daudzums")}
    assert len(first) == 1


def test_inputs_unlocked_outputs_locked_and_sheets_protected(wb: Workbook) -> None:
    for ws in wb.worksheets:
        assert ws.protection.sheet, f"{ws.title} nav aizsargāta"
        assert not ws.protection.password, f"{ws.title}: aizsardzība ar paroli"
    for name in INTERFACE_NAMES:
        rng = resolve(wb.defined_names, name)
        ws = wb[rng.sheet]
        lines = line_cells(wb, name)
        for row in lines:
            for r, c in row:
                cell = ws.cell(r, c)
                locked = cell.protection.locked
                assert locked == (INTERFACE_KIND[name] == "out"), f"{name} {cell.coordinate}"
        # the spacer rows inside a plan name (D288): blank and locked
        in_lines = {rc for row in lines for rc in row}
        for r, c in (rc for row in rng.cells() for rc in row if rc not in in_lines):
            cell = ws.cell(r, c)
            assert cell.value is None and cell.protection.locked, f"{name} {cell.coordinate}"


def test_output_names_are_formulas_or_catalogue_constants(wb: Workbook) -> None:
    constants = {"IBM_Saskarne", "IBM_Versija", "Pak_Id", "Pak_Joma", "Pak_Transports", "Pak_MaxCena"}
    for name in INTERFACE_NAMES:
        if INTERFACE_KIND[name] != "out" or name in constants:
            continue
        rng = resolve(wb.defined_names, name)
        ws = wb[rng.sheet]
        for row in line_cells(wb, name):
            for r, c in row:
                value = ws.cell(r, c).value
                assert isinstance(value, str) and value.startswith("="), f"{name} {ws.cell(r, c).coordinate}"
    ws = wb["6.8"]
    for r, c in [rc for row in resolve(wb.defined_names, "Pak_Id").cells() for rc in row]:
        assert ws.cell(r, c).data_type == "s"


def _validations(wb: Workbook) -> dict[tuple[str, str], object]:
    found = {}
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                for row in rng.cells:
                    for r, c in [row] if isinstance(row, tuple) and isinstance(row[0], int) else row:
                        found[(ws.title, ws.cell(r, c).coordinate)] = dv
    return found


def test_every_input_cell_is_validated(wb: Workbook) -> None:
    validations = _validations(wb)
    expected_type = {
        "Pasvaldiba": ("list", "Saraksts_Pasvaldibas"), "Berns_Traucejums": ("list", "Saraksts_Traucejumi"),
        "Ipasas_Kopsanas_Atzinums": ("list", "Saraksts_JaNe"), "Plans_Pakalpojums": ("list", "Pak_Id"),
        "Berns_DzimsanasDatums": ("date", None), "Perioda_Sakums": ("date", None),
        "Perioda_Menesi": ("whole", None), "Plans_EkspertuRangs": ("whole", None),
        "Plans_VecakuRangs": ("whole", None), "Berns_PersonasKods": ("custom", None),
    }
    # money in whole cents (D87): a custom rule, ≥ 0 and ROUND(x,2)=x
    money = {"Bazes_Apmers", "IB_Galigais", "Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi", "Fakt_Summa", "Pak_Cena"}
    free_text = {"Berns_VardsUzvards", "Pak_Sniedzejs"}
    actual_cost = 0
    for name in INTERFACE_NAMES:
        if INTERFACE_KIND[name] != "in" or name in free_text:
            continue
        rng = resolve(wb.defined_names, name)
        for row in rng.cells():
            for r, c in row:
                key = (rng.sheet, wb[rng.sheet].cell(r, c).coordinate)
                assert key in validations, f"{name} {key} nav pārbaudes"
                dv = validations[key]
                kind, source = expected_type.get(name, ("custom" if name in money else "decimal", None))
                if name == "Pak_Cena" and dv.type == "decimal":  # D70: euro at actual cost takes exactly its price
                    assert dv.operator == "equal" and Decimal(dv.formula1) == ACTUAL_COST_PRICE, dv.formula1
                    actual_cost += 1
                    continue
                assert dv.type == kind, f"{name}: {dv.type}"
                if name in money:
                    assert ",2)=" in dv.formula1 and ">=0" in dv.formula1, f"{name}: {dv.formula1}"
                    assert "aiz komata" in dv.error, f"{name}: {dv.error}"
                if source:
                    assert dv.formula1 == source, f"{name}: {dv.formula1}"
                assert dv.error, f"{name}: nav kļūdas ziņojuma"
    assert actual_cost >= 3, "euro (faktiskās izmaksas) cenām nav savas pārbaudes"


def test_personal_code_is_a_text_cell(wb: Workbook) -> None:
    rng = resolve(wb.defined_names, "Berns_PersonasKods")
    assert wb[rng.sheet].cell(rng.min_row, rng.min_col).number_format == "@"


def test_regulated_prices_prefilled_and_capped(wb: Workbook, catalogue: Catalogue, tmp_path: Path) -> None:
    """6.8 prefills the regulated prices in force on the template's day (D61) and caps the typed price at the
    ceiling: the pilot round's template has none (every regulated price of 2018 is unknown), a later round's
    template has 2.1's."""
    _prices_prefilled(wb, catalogue, any_prefilled=False)
    later = round_catalogue(tmp_path)
    _prices_prefilled(load_workbook(write_workbook(later, tmp_path / "later.xlsx")), later, any_prefilled=True)


def _prices_prefilled(wb: Workbook, catalogue: Catalogue, any_prefilled: bool) -> None:
    offers = catalogue.offers(template_date(catalogue))
    validations = _validations(wb)
    prices = resolve(wb.defined_names, "Pak_Cena")
    ws = wb["6.8"]
    regulated = [o for o in offers if o.service.regime in (Regime.regulation, Regime.delegated_contract)]
    assert any(o.prefill_price is not None for o in regulated) == any_prefilled, "regulētās cenas"
    for i, offer in enumerate(offers):
        cell = ws.cell(prices.min_row + i, prices.min_col)
        assert cell.value == (float(offer.prefill_price) if offer.prefill_price is not None else None), offer.id
        dv = validations[("6.8", cell.coordinate)]
        if offer.ceiling is not None:  # capped by the ceiling in F of the same row, in whole cents (D87)
            row = cell.row
            assert f"I{row}<=F{row}" in dv.formula1 and f"ROUND(I{row},2)=I{row}" in dv.formula1, offer.id
            assert ws[f"F{row}"].value == float(offer.ceiling), offer.id


def test_only_classic_functions(wb: Workbook) -> None:
    pattern = re.compile(r"\b(" + "|".join(FORBIDDEN) + r")\s*\(", re.IGNORECASE)
    offenders = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=") and pattern.search(cell.value):
                    offenders.append(f"{ws.title}!{cell.coordinate}: {cell.value[:80]}")
    for ws in wb.worksheets:
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                for formula in rule.formula or []:
                    if pattern.search(formula):
                        offenders.append(f"{ws.title} nosacījuma formatējums: {formula}")
    assert not offenders, offenders[:10]


def test_rule_messages_have_conditional_formatting(wb: Workbook) -> None:
    for sheet in ("6.3", "6.4", "6.6", "6.8", "6.10", "6.11"):
        assert list(wb[sheet].conditional_formatting), f"{sheet} nav nosacījuma formatējuma"


def test_signed_annexes_print_on_a4(wb: Workbook) -> None:
    for sheet, parties in ANNEXES.items():
        ws = wb[sheet]
        assert ws.page_setup.paperSize == 9, sheet
        # never shrunk to fit: 8 pt cell text must print at 8 pt (test_print measures the PDF)
        fit = ws.sheet_properties.pageSetUpPr
        assert not (fit and fit.fitToPage) and ws.page_setup.scale in (None, 100), sheet
        # the child's lines (from row 3) and the table header repeat on every page down; the title rows print once
        assert ws.print_title_rows and ws.print_title_rows.startswith("$3:"), sheet
        assert ws.print_area, sheet
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert sum(t == "(paraksts)" for t in texts) == len(parties), sheet
        joined = " ".join(texts)
        assert ("Sociālais darbinieks" in joined) == ("worker" in parties), sheet
        # the parent signs as the contract's defined term „Vecāks” (a legal representative or a foster family, D199),
        # never as „likumiskais pārstāvis”, which a foster family is not
        assert "Vecāks:" in texts and "likumiskais pārstāvis" not in joined, sheet


def test_document_properties_are_fixed(wb: Workbook, catalogue: Catalogue) -> None:
    assert wb.properties.created.date() == template_date(catalogue)
    assert wb.properties.creator == "IBM rīkkopa"


def test_author_and_company_name_no_unconfirmed_service_and_not_the_ministry(templates, catalogue: Catalogue) -> None:
    """D52: author, last editor and company are the social service only with a name confirmed for the template's
    date (none is in today's catalogue: the toolkit), never the municipality file's unconfirmed name; the
    subject names the ministry as the owner of the methodology whose 6th annex the matrix is."""
    for municipality_id, path in templates.items():
        props = ooxml_properties(path)
        assert props["creator"] == props["lastModifiedBy"] == props["Company"] == "IBM rīkkopa", municipality_id
        assert props["subject"].startswith("Individuālā budžeta modeļa matrica pēc Labklājības ministrijas IBM "
                                           "metodikas 6. pielikuma"), props["subject"]
        if municipality_id is not None:
            assert catalogue.municipality(municipality_id).social_service not in props.values(), municipality_id


def test_same_catalogue_gives_identical_files(catalogue: Catalogue, tmp_path: Path, generic: Path) -> None:
    again = write_workbook(catalogue, tmp_path / "again.xlsx")
    assert again.read_bytes() == generic.read_bytes()
    other = write_workbook(catalogue, tmp_path / "liepaja.xlsx", "liepaja")
    assert other.read_bytes() != generic.read_bytes()


def test_municipality_prefilled(templates, catalogue: Catalogue) -> None:
    for municipality in catalogue.pilot_municipalities():
        book = load_workbook(templates[municipality.id])
        rng = resolve(book.defined_names, "Pasvaldiba")
        assert book[rng.sheet].cell(rng.min_row, rng.min_col).value == municipality.id
        assert book.properties.title.endswith(municipality.name_lv)
        # no plan day, no confirmed social service name (D51): none in the file's properties either
        with zipfile.ZipFile(templates[municipality.id]) as z:
            assert municipality.social_service not in z.read("docProps/app.xml").decode("utf-8")


def test_unknown_municipality_is_refused(catalogue: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="nav katalogā"):
        write_workbook(catalogue, tmp_path / "x.xlsx", "nav-tada")


# --- what a person sees -----------------------------------------------------------------------------

# decision codes as "(D9)" or ", D13)" (a bare "D9" in a formula's text is a cell address)
DEVELOPER_TEXT = re.compile(r"[(,]\s*D\d{1,2}\)|not_eligible|\bchild\b|\bparent\b|tikai matricā|Galva_|\bh_[A-Z]")
NOTES_NAMES = {"Plans_Piezimes": "6.3", "Aprekins_Piezimes": "6.4", "Men_Piezimes": "6.6", "Fakt_Piezimes": "6.10"}


def _hidden_columns(ws) -> set[int]:  # noqa: ANN001
    hidden: set[int] = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden:
            hidden.update(range(dim.min, dim.max + 1))
    return hidden


def _literals(value: str) -> list[str]:
    """The text a cell shows: a constant, or the string literals of a formula."""
    return re.findall(r'"([^"]*)"', value) if value.startswith("=") else [value]


def test_no_developer_text_in_visible_cells(wb: Workbook) -> None:
    """No decision codes, English codes or internal names where a social worker looks."""
    offenders = []
    for ws in wb.worksheets:
        hidden = _hidden_columns(ws)
        for row in ws.iter_rows():
            for cell in row:
                if cell.column in hidden or not isinstance(cell.value, str):
                    continue
                for text in _literals(cell.value):
                    if DEVELOPER_TEXT.search(text):
                        offenders.append(f"{ws.title}!{cell.coordinate}: {text[:70]}")
    assert not offenders, offenders[:10]


def test_notes_columns_are_free_text_inputs(wb: Workbook) -> None:
    for name, sheet in NOTES_NAMES.items():
        rng = resolve(wb.defined_names, name)
        assert rng.sheet == sheet and len(line_cells(wb, name)) == PLAN_ROWS and rng.cols == 1, name
        ws = wb[sheet]
        header = ws.cell(rng.min_row - 2, rng.min_col).value
        assert header == "Piezīmes", f"{name}: {header}"
        for row in line_cells(wb, name):
            for r, c in row:
                cell = ws.cell(r, c)
                assert not cell.protection.locked and cell.number_format == "@", f"{name} {cell.coordinate}"
                assert cell.value is None, f"{name} {cell.coordinate}"


def test_positive_status_is_not_red(wb: Workbook) -> None:
    """The status lines are red only through conditional formatting (errors), never by their format."""
    for name in ("Statuss_Tiesibas", "Statuss_Aprekins"):
        rng = resolve(wb.defined_names, name)
        cell = wb[rng.sheet].cell(rng.min_row, rng.min_col)
        color = cell.font.color.rgb if cell.font and cell.font.color is not None else None
        assert color in (None, "FF000000") or not str(color).endswith("9C0006"), f"{name}: {color}"
        # fails closed (audit F4 of session 36): an error value in the count says the structure changed
        assert str(cell.value).startswith('=IF(ISNUMBER(Kludas),IF(Kludas>0,"Matricā ir kļūdas ("'), name
        assert str(cell.value).endswith(f',"{STRUCTURE_CHANGED}")'), name


def test_reporting_periods_and_holidays_come_from_the_catalogue(wb: Workbook, catalogue: Catalogue) -> None:
    periods = catalogue.children_reporting_periods()
    assert periods, "katalogā nav bērnu programmas kārtas"

    def dates(name: str) -> list:
        return [d.date() if hasattr(d, "date") else d for d in read(wb, name)]

    assert dates("h_PerSakums") == [p.start for p in periods]
    assert dates("h_PerBeigas") == [p.end for p in periods]
    assert dates("h_Svetki") == list(catalogue.holiday_dates)
    networkdays = [c.value for row in wb["6.11"].iter_rows() for c in row
                   if isinstance(c.value, str) and "NETWORKDAYS(" in c.value]
    # holidays excluded, and no count at all for a month whose year the list does not cover (D62)
    assert networkdays and all(",h_Svetki)," in v and 'COUNTIFS(h_Svetki,">="&DATE(YEAR(' in v
                               for v in networkdays), networkdays[:1]


def test_price_list_intro_does_not_promise_unconfirmed_prices(wb: Workbook) -> None:
    intro = wb["6.8"]["B1"].value  # beside the title, on the first page across
    assert "ievadīta iepriekš tikai tad, ja katalogā ir tās apmērs" in intro
    assert "cenas griesti nav apstiprināti" in intro


def test_unit_columns_of_610_have_no_total(wb: Workbook) -> None:
    """6.10's "Kopā" row sums money only: a month's planned or delivered units add hours, sessions and trips
    of different services, so no unit column has a total."""
    ws = wb["6.10"]
    total = next(r for r in range(1, ws.max_row + 1) if ws[f"B{r}"].value == "Kopā")
    delivered = resolve(wb.defined_names, "Fakt_Daudzums")
    paid = resolve(wb.defined_names, "Fakt_Summa")
    months = delivered.cols
    planned = range(delivered.min_col - months, delivered.max_col + 1)  # the 6.6 copy, then the delivered units
    assert all(ws.cell(total, c).value is None for c in planned)
    # a month's paid total: its sum in cents, „nederīgs” while a payment of the month is an invalid input (D304)
    assert all(str(ws.cell(total, c).value).startswith("=IF(SUM(") and "ROUND(SUM(" in str(ws.cell(total, c).value)
               for c in range(paid.min_col, paid.max_col + 1))
    assert ws["D7"].value == "Plānots, vienības" and ws[f"D{total}"].value is None


def test_unconfirmed_base_not_prefilled(wb: Workbook, catalogue: Catalogue) -> None:
    assert catalogue.programme.base_amount.at(catalogue.latest_date).status.value == "jāprecizē"
    assert read(wb, "Bazes_Apmers") is None


def test_the_providers_request_speaks_for_the_one_parent_who_signs_it(wb: Workbook) -> None:
    """6.9 is signed by one parent (D15), so its request is in the first person singular and does not presume
    that the parents chose the providers together with the social worker (the contract lets the parent choose)."""
    text = wb["6.9"]["A7"].value
    assert text.startswith("Lūdzu ") and text.endswith("sniedzējiem:")
    assert not any(word in text.split() for word in ("Lūdzam", "mūsu", "esam", "izvēlējušies"))


def test_names_say_their_limit_and_how_a_decomposed_diacritic_counts(wb: Workbook) -> None:
    """D170 (review13 R13-5): the three names take NAME_CHARS characters (a double given name and a double surname,
    42, fit) and the message on a longer one says that LEN counts a letter pasted with its mark apart as two."""
    from generator.workbook.input_checks import NAME_CHARS

    assert len("Maksimiliāns Aleksandrs Vītoliņš-Jēkabsons") <= NAME_CHARS
    validations = _validations(wb)
    for name in ("Berns_VardsUzvards", "Vecaks_VardsUzvards", "Socialais_Darbinieks"):
        rng = resolve(wb.defined_names, name)
        (r, c), = (cell for row in rng.cells() for cell in row)
        dv = validations[(rng.sheet, wb[rng.sheet].cell(r, c).coordinate)]
        assert dv.type == "textLength" and int(dv.formula1) == NAME_CHARS, (name, dv.type, dv.formula1)
        assert "skaitās divas zīmes" in dv.error and len(dv.error) <= 255, (name, dv.error)
