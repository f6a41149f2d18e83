"""A pasted text or formula in an input cell, as the ministry's tools read it (D140): the same rule as the matrix's
own check (generator/workbook/input_checks.py). A text in a number input ("12,5", " 3 ", "12.5 EUR") is an invalid
input named by sheet and cell in the matrix's words, never converted into a number; a formula in any input is an
invalid input too. The file is refused by `ibm documents` (with and without --draft), `ibm collect` and read by
`ibm migrate` without amounts (audit20 F1–F3)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.cli import main
from generator.lvformat import eur
from generator.ministry.matrix import CHECKED_FIELDS, Matrix, read_child
from generator.reference.params import Params
from generator.workbook.input_checks import (
    DATE_REQUIRED,
    DATE_TEXT,
    DATE_TIME_TEXT,
    FORMULA_TEXT,
    NAME_CHARS,
    NEGATIVE_PAYMENT_TEXT,
    NOTE_FIELD_610,
    PROVIDER_FIELD,
)
from generator.workbook.sheets.technical import rule_row_of
from tests.ministry.factory import make_children, opened_template, write_children
from tests.workbook.invalid import _cell, too_long


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> Path:
    """One usable filled matrix with at least one plan line and no problems for the reader."""
    folder = tmp_path_factory.mktemp("ievade")
    children = write_children(catalogue, template, make_children(catalogue, 1, seed=140), folder,
                              by_municipality=False)
    path = children[0].path
    assert path is not None
    data, problems = read_child(Matrix.open(path), catalogue)
    assert data is not None and problems == [] and data.inputs.lines[0].offer_id is not None
    return path


def opened(source: Path) -> Workbook:
    """``source`` opened with openpyxl once per content, from the factory's cache of opened matrices
    (tests/ministry/factory.py ``opened_template``: load_workbook costs ~0,5 s CPU, as much as a save); only
    ``pasted`` changes it, and it puts every cell back."""
    return opened_template(source).wb


def pasted(source: Path, target: Path, name: str, value: object, row: int = 0) -> str:
    """``source`` with one cell of ``name`` set to ``value`` (as a paste writes it), saved as ``target``; the cell.
    The source's opened workbook is kept (``opened``) and the cell put back as it was after the save, value, type
    and number format (a date sets its format): each file is the source with that one cell changed, as a fresh
    ``load_workbook`` of the source gave (test_a_kept_workbook_pastes_as_a_fresh_one)."""
    wb = opened(source)
    sheet, cell, c = _cell(wb, name, row)
    kept = (c._value, c.data_type, c.number_format)
    c.value = value
    try:
        wb.save(target)
    finally:
        c._value, c.data_type, c.number_format = kept
    return f"{sheet}!{cell} ({name})"


def test_a_kept_workbook_pastes_as_a_fresh_one(clean: Path, tmp_path: Path) -> None:
    """After pastes of each kind the tests make (a text, a formula, a date with a time, a text over a number) the
    kept workbook saves as the clean source itself: every part the same bytes but the save's time, openpyxl's
    <sheetFormatPr outlineLevelCol> (its first save of an opened workbook leaves it out, factory.opened_template)
    and the order of the merged ranges (a set in openpyxl). So each paste starts from the source as a fresh
    ``load_workbook`` gives it, and its file differs from the source by the pasted cell alone."""
    import zipfile

    def same(data: bytes) -> bytes:
        data = re.sub(rb' outlineLevelCol="\d+"', b"", data)
        return re.sub(rb"(<mergeCell [^>]*/>)+", lambda m: b"".join(sorted(re.findall(rb"<mergeCell [^>]*/>",
                                                                                     m.group(0)))), data)

    start = _cell(opened(clean), "Perioda_Sakums")[2].value
    for name, value in (("Fin_Citi", "12,5"), ("Fin_Pabalsti", "=100+20"), ("Perioda_Sakums", start.replace(hour=12)),
                        ("Plans_Daudzums", "Pēteris Paraugs 1")):
        pasted(clean, tmp_path / f"{name}.xlsx", name, value)
    opened(clean).save(tmp_path / "after.xlsx")
    with zipfile.ZipFile(clean) as a, zipfile.ZipFile(tmp_path / "after.xlsx") as b:
        assert a.namelist() == b.namelist()
        differ = [part for part in a.namelist() if same(a.read(part)) != same(b.read(part))]
    assert set(differ) <= {"docProps/core.xml"}, differ  # the save's time
    assert sum(part.startswith("xl/worksheets/sheet") for part in a.namelist()) >= 10


def collected(path: Path, name: str, row: int = 0) -> str:
    """The cell as `ibm collect` names it, as documents do: table, cell, label and 6.11's row (ministrycheck F3)."""
    from generator.documents.from_matrix.places import input_place

    return input_place(Matrix.open(path), name, row)


def in_documents(where: str) -> str:
    """The cell as `ibm documents --from-matrix` names it, with the label the matrix shows ("6.4!E65 (Fin_Citi)" ->
    "6.4. tabula, E65 „"; the label and 6.11's row follow, documents.from_matrix.places)."""
    sheet, rest = where.split("!", 1)
    return f"{sheet}. tabula, {rest.split()[0]} „"


@pytest.mark.parametrize(("name", "value", "said"), [
    ("Plans_Daudzums", "12,5", "daudzumam periodā jābūt skaitlim, ievadīts teksts „12,5”"),
    ("Plans_Daudzums", " 3 ", "daudzumam periodā jābūt skaitlim, ievadīts teksts „ 3 ”"),
    ("Fin_Citi", "12,5", "citu finanšu avotu summai jābūt skaitlim, ievadīts teksts „12,5”"),
    ("Fin_Pabalsti", "544.60", "pabalstu summai jābūt skaitlim, ievadīts teksts „544.60”"),
    ("Bazes_Apmers", "3 859,80", "bāzes apmēram B jābūt skaitlim, ievadīts teksts „3 859,80”"),
    ("Men_Daudzums", "2", "plānotajām vienībām jābūt skaitlim, ievadīts teksts „2”"),
    ("Perioda_Menesi", "4", "mēnešu skaitam periodā jābūt skaitlim, ievadīts teksts „4”"),
    ("Fin_Citi", " ", "citu finanšu avotu summai jābūt skaitlim, ievadīts teksts „ ”"),
])
def test_text_in_a_number_input_is_an_invalid_input(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                   value: str, said: str) -> None:
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: {said} (gaidīts: {problems[0].split('(gaidīts: ')[1]}"], problems
    assert "ierakstīts kā skaitlis, nevis teksts" in problems[0]


@pytest.mark.parametrize(("name", "value", "said"), [
    ("Plans_Daudzums", True, "daudzumam periodā jābūt skaitlim, nevis loģiskajai vērtībai, ievadīts TRUE (PATIESS)"),
    ("Fin_Citi", False, "citu finanšu avotu summai jābūt skaitlim, nevis loģiskajai vērtībai, ievadīts FALSE (APLAMS)"),
    ("Perioda_Menesi", True, "mēnešu skaitam periodā jābūt skaitlim, nevis loģiskajai vērtībai, ievadīts TRUE (PATIESS)"),
    ("Berns_DzimsanasDatums", True, "dzimšanas datumam jābūt datumam, nevis loģiskajai vērtībai, ievadīts TRUE (PATIESS)"),
    ("Plans_Pakalpojums", True, "pakalpojumam jābūt vienai no saraksta vērtībām, nevis loģiskajai vērtībai, ievadīts "
                                "TRUE (PATIESS)"),
])
def test_a_logical_value_is_said_as_one(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str, value: bool,
                                        said: str) -> None:
    """audit31d F4: TRUE/FALSE (a bool cell, as a paste from a checkbox column gives it) in a number, a date or a list
    input: one invalid input, in the matrix's words (input_checks logical_message) – not „nav skaitlis” or, as
    LibreOffice saves it (=TRUE()), „formulai vai saitei” (the LibreOffice side: test_pasted_formula_and_text.py)."""
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems[0] == f"{where}: {said}", problems
    assert len(problems) == 1 or name == "Berns_DzimsanasDatums", problems


@pytest.mark.parametrize(("name", "value", "said"), [
    ("Fakt_Summa", "#VALUE!", "maksājumam jābūt skaitlim, nevis kļūdas vērtībai, ievadīts #VALUE!"),
    ("Fakt_Daudzums", "#N/A", "saņemtajām vienībām jābūt skaitlim, nevis kļūdas vērtībai, ievadīts #N/A"),
    ("Berns_DzimsanasDatums", "#REF!", "dzimšanas datumam jābūt datumam, nevis kļūdas vērtībai, ievadīts #REF!"),
    ("Pak_Sniedzejs", "#REF!", "sniedzēja nosaukumam jābūt ierakstītam tekstam, nevis kļūdas vērtībai, ievadīts #REF!"),
    ("Pak_Sniedzejs", True, "sniedzēja nosaukumam jābūt ierakstītam tekstam, nevis loģiskajai vērtībai, ievadīts "
                            "TRUE (PATIESS)"),
])
def test_an_error_value_is_said_with_its_code(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                             value: object, said: str) -> None:
    """D346: an error value pasted as a value (a cell of type "e", as Excel keeps it) is said as what it is, with its
    code – no personal data – not as a hidden text („ievadīts teksts (tā saturu nerāda …)”) or a provider's name; the
    matrix's words (the LibreOffice side, with its =#N/A: tests/workbook/test_number_in_free_text.py)."""
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue, strict=False)
    assert data is None and problems[0] == f"{where}: {said}", problems
    assert len(problems) == 1 or name == "Berns_DzimsanasDatums", problems


def test_a_formula_giving_an_error_stays_a_formula(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """D346: only an error constant is an error value; a formula whose result is an error is a formula (D140)."""
    where = pasted(clean, tmp_path / "m.xlsx", "Fakt_Summa", "=1/0")
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue, strict=False)
    assert data is None and problems == [f"{where}: maksājumam {FORMULA_TEXT} (ielīmējiet tikai vērtību)"], problems


def test_a_negative_payment_says_how_a_correction_is_entered(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """audit31d F6 (D258): a refund typed as a negative payment in 6.10 is refused in the matrix's words, which say how
    a correction is entered (subtracted from the month it corrects), and the sum is quoted with two decimals."""
    where = pasted(clean, tmp_path / "m.xlsx", "Fakt_Summa", -90.1)
    _, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert problems == [f"{where}: maksājumam {NEGATIVE_PAYMENT_TEXT}, ievadīts -90,10"], problems
    assert "atskaita no tā mēneša summas, kuru tā labo" in NEGATIVE_PAYMENT_TEXT


@pytest.mark.parametrize(("name", "value", "said"), [
    ("Plans_Daudzums", -3, "daudzumam periodā jābūt skaitlim, kas nav mazāks par 0, ievadīts -3"),
    ("Men_Daudzums", -2.5, "plānotajām vienībām jābūt skaitlim, kas nav mazāks par 0, ievadīts -2,5"),
    ("Fin_Citi", -12.5, "citu finanšu avotu summai jābūt skaitlim, kas nav mazāks par 0, ievadīts -12,50"),
    ("Bazes_Apmers", -1, "bāzes apmēram B jābūt skaitlim, kas nav mazāks par 0, ievadīts -1,00"),
    ("Plans_EkspertuRangs", -1, "ekspertu rangam jābūt veselam skaitlim, sākot ar 1, ievadīts -1"),
    ("Plans_VecakuRangs", 2.5, "vecāku rangam jābūt veselam skaitlim, sākot ar 1, ievadīts 2,5"),
])
def test_a_number_out_of_range_is_said_in_the_matrix_s_words(clean: Path, tmp_path: Path, catalogue: Catalogue,
                                                           name: str, value: float, said: str) -> None:
    """A negative number outside 6.10 (and a rank below 1 or not whole) is refused in the words of the matrix's own
    check of that cell (input_checks KINDS, code 2) with the value as the matrix quotes it – a sum with two decimals –,
    not the reader's own „ir negatīvs skaitlis” or „nav derīgs”."""
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    _, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert problems[0] == f"{where}: {said}", problems
    assert len(problems) == 1 or name == "Bazes_Apmers", problems


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("Bazes_Apmers", 1e12, "1000000000000,00"), ("IB_Galigais", 31000000, "31000000,00"),
    ("Fin_Pabalsti", 100000.01, "100000,01"), ("Fin_Pakalpojumi", 1e12, "1000000000000,00"),
    ("Fin_Citi", 31000000.5, "31000000,50"),
])
def test_an_amount_above_the_plausible_highest_is_refused(clean: Path, tmp_path: Path, catalogue: Catalogue,
                                                         name: str, value: float, shown: str) -> None:
    """D340: B, F or another source above the catalogue's highest (a pasted 1e12, 31000000 for 3100) is refused in the
    words of the matrix's own check, its highest said as the matrix says it (from the catalogue)."""
    m = Matrix.open(clean)
    highest = Params.from_catalogue(catalogue, m.scalar("Parametru_Datums").date()).amount_max
    assert highest is not None and highest < Decimal(str(value))
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    label = CHECKED_FIELDS[name].label
    assert data is None and problems == [f"{where}: {label} jābūt skaitlim līdz {eur(highest)} "
                                         f"(lielāks nav ticams), ievadīts {shown}"], problems
    pasted(clean, tmp_path / "ok.xlsx", name, float(highest))  # the highest itself is valid
    _, problems = read_child(Matrix.open(tmp_path / "ok.xlsx"), catalogue)
    assert not [p for p in problems if "lielāks nav ticams" in p], problems


@pytest.mark.parametrize("used", [True, False])
def test_a_price_above_the_plausible_highest_is_refused(clean: Path, tmp_path: Path, catalogue: Catalogue,
                                                       used: bool) -> None:
    """D340: a 6.8 price above the catalogue's highest, of a service a line uses or of none (the matrix checks every
    price, D332), is one problem in the matrix's words."""
    m = Matrix.open(clean)
    highest = Params.from_catalogue(catalogue, m.scalar("Parametru_Datums").date()).price_max
    chosen = {str(v).strip() for v in m.column("Plans_Pakalpojums") if v}
    labels = [str(v).strip() for v in m.column("Pak_Id")]
    row = next(j for j, v in enumerate(labels) if (v in chosen) == used)
    where = pasted(clean, tmp_path / "m.xlsx", "Pak_Cena", 31000000, row)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: sniedzēja cenai jābūt skaitlim līdz "
                                         f"{eur(highest)} (lielāks nav ticams), ievadīts 31000000,00"], problems


def test_months_above_the_limit_are_said_in_the_matrix_s_words(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """The period's months above the programme's limit (the matrix's Param_PeriodaMenesi): its words, its limit."""
    limit = Params.from_catalogue(catalogue, catalogue.rounds_of(Pilot.children)[0].services_start).period_months_max
    where = pasted(clean, tmp_path / "m.xlsx", "Perioda_Menesi", limit + 1)
    _, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert f"{where}: mēnešu skaitam periodā jābūt veselam skaitlim no 1 līdz {limit}, ievadīts {limit + 1}" in problems, \
        problems


def test_an_empty_text_is_an_empty_input(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """The matrix counts a pasted empty text as empty (input_checks._empty): so do the tools."""
    pasted(clean, tmp_path / "m.xlsx", "Fin_Citi", "")
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert problems == [] and data is not None


def test_a_text_price_is_one_problem(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """A text price of a chosen item: its own message, not also „nav sniedzēja cenas” (audit20 F7)."""
    m = Matrix.open(clean)
    chosen = str(m.column("Plans_Pakalpojums")[0]).strip()
    row = [str(v).strip() for v in m.column("Pak_Id")].index(chosen)
    where = pasted(clean, tmp_path / "m.xlsx", "Pak_Cena", "12.5 EUR", row)
    _, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert len(problems) == 1 and problems[0].startswith(f"{where}: sniedzēja cenai jābūt skaitlim, ievadīts teksts "
                                                         "„12.5 EUR”"), problems


def test_an_invalid_price_no_line_uses_is_named(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """D332: the matrix counts an invalid price of a service no plan line uses (its check reads every 6.8 price): the
    tools name it too, in the matrix's words, instead of passing the file the matrix counts an error in."""
    m = Matrix.open(clean)
    chosen = {str(v).strip() for v in m.column("Plans_Pakalpojums") if v}
    row = next(j for j, v in enumerate(m.column("Pak_Id")) if str(v).strip() not in chosen)
    where = pasted(clean, tmp_path / "m.xlsx", "Pak_Cena", True, row)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: sniedzēja cenai jābūt skaitlim, nevis loģiskajai vērtībai, "
                                         "ievadīts TRUE (PATIESS)"], problems


@pytest.mark.parametrize(("value", "shown"), [(1e12, "1000000000000"), (-5, "-5")])
def test_a_number_that_is_no_day_in_a_date_cell_is_said_as_the_matrix_says_it(
        clean: Path, tmp_path: Path, catalogue: Catalogue, value: float, shown: str) -> None:
    """D332: 1e12 in a date cell is past the spreadsheets' last day: the reader refused the file as damaged („vērtība
    nav nolasāma”), and named -5 the day 25.12.1899; the matrix says both as the number outside its dates' range."""
    where = pasted(clean, tmp_path / "m.xlsx", "Berns_DzimsanasDatums", value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: dzimšanas datumam jābūt datumam no 01.01.1990 līdz 31.12.2100, "
                                         f"ievadīts {shown}"], problems


@pytest.mark.parametrize(("name", "formula", "label"), [
    ("Fin_Pabalsti", "=100+20", "pabalstu summai"),
    ("Plans_Daudzums", "=2*6", "daudzumam periodā"),
    ("Perioda_Sakums", "=DATE(2019,6,1)", "perioda pirmajai dienai"),
    ("Berns_VardsUzvards", '="Anna "&"Paraugs"', "bērna vārdam un uzvārdam"),
    ("Fin_Citi", "='[citi.xlsx]Lapa1'!$A$1", "citu finanšu avotu summai"),
    ("Transporta_Pamatojums", '="ārsta "&"atzinums"', "transporta pamatojumam"),  # the matrix's label
    ("Pak_Sniedzejs", "=A1", "sniedzēja nosaukumam"),  # a checked text, not read for the amounts (audit31d F6)
    ("Plans_Biezums", '="2x "&"nedēļā"', "biežuma, ilguma un termiņa tekstam"),
])
def test_a_formula_in_an_input_is_an_invalid_input(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                   formula: str, label: str) -> None:
    where = pasted(clean, tmp_path / "m.xlsx", name, formula)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue, strict=False)
    assert data is None and problems == [f"{where}: {label} {FORMULA_TEXT} (ielīmējiet tikai vērtību)"]
    assert FORMULA_TEXT == "jābūt vērtībai, nevis formulai vai saitei"


def test_documents_name_the_cell_with_and_without_draft(clean: Path, tmp_path: Path) -> None:
    where = pasted(clean, tmp_path / "m.xlsx", "Fin_Citi", "12,5")
    for draft in ([], ["--draft"]):
        out = tmp_path / f"docs{len(draft)}"
        result = CliRunner().invoke(main, ["documents", "--from-matrix", str(tmp_path / "m.xlsx"), "--out", str(out),
                                           *draft])
        assert in_documents(where) in result.output, result.output
        assert f"(6.11. tabulas {rule_row_of('invalid_input')}. rinda): citu finanšu avotu summai jābūt skaitlim" in result.output, result.output
        assert "atteikti 1" in result.output and "kļūdu, ko pārrēķins neatrod" not in result.output, result.output
        assert "MELNRAKSTS" not in result.output


def test_collect_refuses_a_text_or_a_formula(clean: Path, tmp_path: Path, key_env: bytes, catalogue: Catalogue) -> None:
    folder = tmp_path / "matricas"
    municipality = Matrix.open(clean).scalar("Pasvaldiba")
    (folder / str(municipality)).mkdir(parents=True)
    shutil.copy(clean, folder / str(municipality) / "derigs.xlsx")
    text_cell = pasted(clean, folder / str(municipality) / "teksts.xlsx", "Plans_Daudzums", "12,5")
    formula_cell = pasted(clean, folder / str(municipality) / "formula.xlsx", "Fin_Pabalsti", "=100+20")
    formula_said = f"pabalstu summai {FORMULA_TEXT}"
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx")])
    # each cell named as documents name it: table, cell, label, 6.11's row (ministrycheck F3)
    text_place = collected(folder / str(municipality) / "teksts.xlsx", "Plans_Daudzums")
    formula_place = collected(folder / str(municipality) / "formula.xlsx", "Fin_Pabalsti")
    assert text_place.startswith(in_documents(text_cell)) and formula_place.startswith(in_documents(formula_cell))
    assert f"{text_place}: daudzumam periodā jābūt skaitlim, ievadīts teksts „12,5”" in result.output, result.output
    assert f"{formula_place}: {formula_said}" in result.output, result.output


def test_migrate_does_not_turn_a_text_into_an_amount(clean: Path, tmp_path: Path) -> None:
    where = pasted(clean, tmp_path / "m.xlsx", "Plans_Daudzums", "12,5")
    result = CliRunner().invoke(main, ["migrate", str(tmp_path / "m.xlsx"), "--out", str(tmp_path / "jauna.xlsx")])
    report = (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8") if (
        tmp_path / "jauna-parnesana.txt").exists() else result.output
    assert f"{where}: daudzumam periodā jābūt skaitlim" in report + result.output, report + result.output


def test_a_date_with_a_time_of_day_is_an_invalid_input(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """As the matrix's own check says it (audit29 F6): the day may be in range, the time of day is the reason."""
    start = _cell(opened(clean), "Perioda_Sakums")[2].value
    where = pasted(clean, tmp_path / "m.xlsx", "Perioda_Sakums", start.replace(hour=12))
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: perioda pirmajai dienai {DATE_TIME_TEXT}, ievadīts "
                                         f"{start:%d.%m.%Y} 12:00 (gaidīts: datums DD.MM.GGGG)"], problems


def test_documents_and_collect_name_a_text_over_its_limit(clean: Path, tmp_path: Path, key_env: bytes) -> None:
    """A provider's name or a 6.10 note longer than the matrix allows (D166, D167) is an invalid input as the matrix
    counts it: `ibm documents` refuses the file naming the cell and the limit, `ibm collect` refuses it likewise
    (lenfix); before, neither named it."""
    folder = tmp_path / "matricas"
    municipality = Matrix.open(clean).scalar("Pasvaldiba")
    (folder / str(municipality)).mkdir(parents=True)
    said = {}
    for file, checked in (("sniedzejs", PROVIDER_FIELD), ("piezime", NOTE_FIELD_610)):
        where = pasted(clean, folder / str(municipality) / f"{file}.xlsx", checked.name, too_long(int(checked.extra)))
        said[file] = (f"{where}: {checked.label} jābūt ne garākam par {checked.extra} zīmēm, citādi {checked.place} "
                      "izdrukā tikai daļu, ievadīta")
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(folder / str(municipality) / "sniedzejs.xlsx"),
                                       "--out", str(tmp_path / "docs"), "--arhivam"],
                           env={"IBM_PSEUDONIMA_ATSLEGA": ""})  # an archive copy: the plan's end refuses nothing
    place, text = said["sniedzejs"].split(": ", 1)
    assert in_documents(place) in result.output and f"): {text} 81 zīme" in result.output, result.output
    assert "atteikti 1" in result.output and "kļūdu, ko pārrēķins neatrod" not in result.output, result.output
    shutil.copy(clean, folder / str(municipality) / "derigs.xlsx")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx")])
    for file, checked in (("sniedzejs", PROVIDER_FIELD), ("piezime", NOTE_FIELD_610)):  # as documents name it (F3)
        place = collected(folder / str(municipality) / f"{file}.xlsx", checked.name)
        assert said[file].replace(said[file].split(": ", 1)[0], place, 1) in result.output, result.output


@pytest.mark.parametrize(("name", "limit"), [("Berns_VardsUzvards", NAME_CHARS),
                                             ("Vecaks_VardsUzvards", NAME_CHARS),
                                             ("Socialais_Darbinieks", NAME_CHARS)])
def test_a_name_longer_than_prints_whole_is_refused(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                    limit: int) -> None:
    """D170: a name one character longer than prints whole in the signed annexes is an invalid input the reader names
    in the matrix's words (a double given name and a double surname fit); before, any length was read."""
    said = {"Berns_VardsUzvards": "bērna vārdam un uzvārdam",
            "Vecaks_VardsUzvards": "vecāka (likumiskā pārstāvja) vārdam un uzvārdam",
            "Socialais_Darbinieks": "sociālā darbinieka vārdam un uzvārdam"}[name]
    fits = ("Anna-Marija Elizabete Ozoliņa-Bērziņa " * 3)[:limit].strip()
    pasted(clean, tmp_path / "der.xlsx", name, fits + "a" * (limit - len(fits)))
    data, problems = read_child(Matrix.open(tmp_path / "der.xlsx"), catalogue)
    assert data is not None and problems == [], problems
    longer = fits + "a" * (limit + 1 - len(fits))
    where = pasted(clean, tmp_path / "m.xlsx", name, longer)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    n = limit + 1
    counted = f"ievadīta {n} zīme" if n % 10 == 1 and n % 100 != 11 else f"ievadītas {n} zīmes"
    assert data is None and problems == [f"{where}: {said} jābūt ne garākam par {limit} zīmēm, citādi parakstāmajās "
                                         f"tabulās izdrukā tikai daļu, {counted}"], problems


@pytest.mark.parametrize(("name", "value"), [
    ("Fin_Citi", "Pēteris Paraugs 1"),  # a parent's name pasted into the wrong column
    ("Plans_Daudzums", "310702-22158"),  # a personal code
    ("Fin_Pabalsti", "Anna"),
])
def test_a_text_that_may_name_a_person_is_not_quoted(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                     value: str) -> None:
    """The message goes to the console and the ministry's summary, which hold no personal data: a text with a word
    or six digits in a row is named by its cell only (D221); a mistyped number is still quoted."""
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and len(problems) == 1 and problems[0].startswith(f"{where}: "), problems
    assert value not in problems[0] and "Paraugs" not in problems[0] and "310702" not in problems[0], problems
    assert "ievadīts teksts (tā saturu nerāda, jo tajā var būt personas dati" in problems[0], problems
    assert "ierakstīts kā skaitlis, nevis teksts" in problems[0]
    pasted(clean, tmp_path / "n.xlsx", name, "12,5o")
    _, typo = read_child(Matrix.open(tmp_path / "n.xlsx"), catalogue)
    assert "ievadīts teksts „12,5o”" in typo[0], typo


def test_collect_keeps_a_pasted_name_out_of_the_summary(clean: Path, tmp_path: Path, key_env: bytes) -> None:
    import zipfile

    folder = tmp_path / "matricas"
    municipality = str(Matrix.open(clean).scalar("Pasvaldiba"))
    (folder / municipality).mkdir(parents=True)
    shutil.copy(clean, folder / municipality / "derigs.xlsx")
    pasted(clean, folder / municipality / "ielimets.xlsx", "Fin_Citi", "Pēteris Paraugs 1")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx"), "--jobs", "1"])
    assert result.exit_code == 3, result.output
    assert "ielimets.xlsx" in result.output and "personas dati" in result.output, result.output
    assert "Paraugs" not in result.output, result.output
    with zipfile.ZipFile(tmp_path / "k.xlsx") as z:
        text = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml")).decode("utf-8")
    assert "personas dati – skatiet šūnu matricā" in text and "Paraugs" not in text


@pytest.mark.parametrize(("name", "value", "said"), [
    ("Berns_DzimsanasDatums", "01.04.2010", f"dzimšanas datumam {DATE_TEXT}, ievadīts teksts „01.04.2010”"),
    ("Perioda_Sakums", "{start:%d.%m.%Y}", f"perioda pirmajai dienai {DATE_TEXT}, ievadīts teksts „{{start:%d.%m.%Y}}”"),
    ("Perioda_Sakums", " ", f"perioda pirmajai dienai {DATE_TEXT}, ievadīts teksts „ ”"),
    ("Berns_DzimsanasDatums", "2010-04-01", f"dzimšanas datumam {DATE_TEXT}, ievadīts teksts „2010-04-01”"),
    ("Berns_DzimsanasDatums", None, f"dzimšanas datumam {DATE_REQUIRED[:-1]}; gaidīts: datums DD.MM.GGGG)"),  # F3
])
def test_a_text_date_is_an_invalid_input(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str, value: object,
                                         said: str) -> None:
    """audit31d F1: a date pasted as text, also in the form DD.MM.GGGG, is no date to the matrix (its amounts stay
    blank, Kludas counts it): the reader names the cell in the matrix's words and reads no date, as for a text in a
    number cell (D140, D255); an empty one in a filled plan is counted by both too (audit31d F3)."""
    start = _cell(opened(clean), "Perioda_Sakums")[2].value
    where = pasted(clean, tmp_path / "m.xlsx", name, value.format(start=start) if isinstance(value, str) else value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems[0].startswith(f"{where}: {said.format(start=start)}"), problems
    assert len(problems) == 1 or name == "Perioda_Sakums", problems


def test_an_empty_date_of_an_empty_plan_is_not_said_in_the_matrixs_words(template: Path, catalogue: Catalogue) -> None:
    """review31 F7: the matrix counts an empty birth date or period start only once the plan has data (PLAN_HAS_DATA,
    code 5); in a matrix with an empty plan it counts nothing, so the reader (which still needs the dates) says only
    that the cell is empty, not the matrix's „jābūt ievadītam (bez tā …)”."""
    m = Matrix.open(template)
    assert all(v is None for v in m.column("Plans_Pakalpojums"))
    _, problems = read_child(m, catalogue, strict=False)
    for name in ("Berns_DzimsanasDatums", "Perioda_Sakums"):
        assert f"{m.where(name)}: nav aizpildīts (gaidīts: datums DD.MM.GGGG)" in problems, problems
    assert not [p for p in problems if DATE_REQUIRED[:20] in p], problems


def test_a_service_with_a_space_is_not_in_the_list(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """audit31d F2: the matrix's list check is exact (EXACT), so a 6.8 label pasted with a trailing space is an
    invalid input there and its line has no price: the reader does not strip it into a valid line."""
    label = str(Matrix.open(clean).column("Plans_Pakalpojums")[0])
    where = pasted(clean, tmp_path / "m.xlsx", "Plans_Pakalpojums", label + " ")
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: pakalpojumam jābūt vienai no saraksta vērtībām (burts burtā), "
                                         f"ievadīts „{label} ” (lieka atstarpe sākumā vai beigās; gaidīts: vērtība no "
                                         "6.8. tabulas saraksta)"], problems
    pasted(clean, tmp_path / "n.xlsx", "Plans_Pakalpojums", label.upper())
    _, problems = read_child(Matrix.open(tmp_path / "n.xlsx"), catalogue)
    assert problems == [f"{where}: pakalpojumam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts "
                        f"„{label.upper()}” (atšķiras ar atstarpi vai burtu lielumu; gaidīts: vērtība no 6.8. tabulas "
                        "saraksta)"], problems


def test_documents_refuse_a_text_date_naming_its_cell(clean: Path, tmp_path: Path) -> None:
    """audit31d F1: `ibm documents --from-matrix --draft` refuses the file naming 6.1's cell and label in the matrix's
    words (before: a draft with amounts the matrix does not show; without --draft the same reader refuses, as
    test_documents_name_the_cell_with_and_without_draft shows for a text in a number cell)."""
    where = pasted(clean, tmp_path / "m.xlsx", "Berns_DzimsanasDatums", "01.04.2010")
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(tmp_path / "m.xlsx"), "--out",
                                       str(tmp_path / "docs"), "--draft"])
    assert in_documents(where) + "Dzimšanas datums”" in result.output, result.output
    assert f"): dzimšanas datumam {DATE_TEXT}, ievadīts teksts „01.04.2010”" in result.output, result.output
    assert "atteikti 1" in result.output and "kļūdu, ko pārrēķins neatrod" not in result.output, result.output
    assert "MELNRAKSTS" not in result.output


@pytest.mark.parametrize(("name", "value", "said"), [
    ("Ipasas_Kopsanas_Atzinums", "Jā ", "VDEĀVK atzinumam jābūt tieši „Jā” vai „Nē” (no saraksta), ievadīts teksts „Jā ” "
                                      "(atšķiras ar atstarpi vai burtu lielumu)"),
    ("Ipasas_Kopsanas_Atzinums", "jā", "VDEĀVK atzinumam jābūt tieši „Jā” vai „Nē” (no saraksta), ievadīts teksts „jā” "
                                     "(atšķiras ar atstarpi vai burtu lielumu)"),
    ("Ipasas_Kopsanas_Atzinums", "ne", "VDEĀVK atzinumam jābūt tieši „Jā” vai „Nē” (no saraksta), ievadīts teksts „ne”"),
    ("Ipasas_Kopsanas_Atzinums", 1, "VDEĀVK atzinumam jābūt tieši „Jā” vai „Nē” (no saraksta), ievadīts 1"),
    ("Berns_Traucejums", "{value} ", "traucējumu veidam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts "
                                     "teksts „{value} ” (atšķiras ar atstarpi vai burtu lielumu) (gaidīts: "),
    ("Plans_Sanemejs", "{recipient}", "saņēmējam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts teksts "
                                      "„{recipient}” (atšķiras ar atstarpi vai burtu lielumu) (gaidīts: "),
    ("Berns_Traucejums", "Anna Paraugs", "traucējumu veidam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts "
                                         "teksts (tā saturu nerāda"),
])
def test_a_list_value_is_read_letter_for_letter(clean: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                value: object, said: str) -> None:
    """audit31d F1: the matrix compares the special-care opinion and the list inputs letter for letter (EXACT): „Jā ”
    with a space, „jā”, „ja”/„ne” or a recipient in another letter case are invalid inputs it counts, and its rate or
    line may differ from the value the word seems to say. The reader names the same cell in the same words and reads
    no value from it (before: it stripped and lower-cased them, and `ibm collect` computed P from them)."""
    old = _cell(opened(clean), "Berns_Traucejums")[2].value
    label = next(str(label) for label in catalogue.enums.recipients.values())
    recipient = label[0].swapcase() + label[1:]
    fill = {"value": old, "recipient": recipient}
    where = pasted(clean, tmp_path / "m.xlsx", name, value.format(**fill) if isinstance(value, str) else value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems[0].startswith(f"{where}: {said.format(**fill)}"), problems
    assert len(problems) == 1, problems


def test_collect_refuses_an_opinion_with_a_space(clean: Path, tmp_path: Path, key_env: bytes) -> None:
    """audit31d F1 (o6): the opinion „Jā ” is an error in the matrix (rate 0,7 there); `ibm collect` named nothing
    and used rate 1 for P. Now it names the cell and leaves the file out of the final amounts."""
    folder = tmp_path / "matricas"
    municipality = Matrix.open(clean).scalar("Pasvaldiba")
    (folder / str(municipality)).mkdir(parents=True)
    pasted(clean, folder / str(municipality) / "atzinums.xlsx", "Ipasas_Kopsanas_Atzinums", "Jā ")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx")])
    place = collected(folder / str(municipality) / "atzinums.xlsx", "Ipasas_Kopsanas_Atzinums")
    assert f"{place}: VDEĀVK atzinumam jābūt tieši „Jā” vai „Nē” (no saraksta), ievadīts teksts „Jā ”" in result.output, \
        result.output
    assert result.exit_code != 0, result.output


@pytest.mark.parametrize("value", [" ", "\u00a0"])
def test_a_service_of_spaces_only_is_not_an_empty_row(clean: Path, tmp_path: Path, catalogue: Catalogue,
                                                      value: str) -> None:
    """review31 F1: a 6.3 service cell holding only a space (or a no-break space) is not empty to the matrix's exact
    list check: it counts an invalid input, so the reader names it too instead of reading an empty row."""
    where = pasted(clean, tmp_path / "m.xlsx", "Plans_Pakalpojums", value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: pakalpojumam jābūt vienai no saraksta vērtībām (burts burtā), "
                                         f"ievadīts „{value}” (tikai atstarpes; gaidīts: vērtība no 6.8. tabulas "
                                         "saraksta)"], problems


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> Path:
    """A usable filled matrix whose first plan line is priced in a whole unit (reize) and second in one that is not
    (euro, its units a sum with cents)."""
    children = write_children(catalogue, template, make_children(catalogue, 1, seed=141),
                              tmp_path_factory.mktemp("reizes"), by_municipality=False)
    path = children[0].path
    assert path is not None
    data, problems = read_child(Matrix.open(path), catalogue)
    assert data is not None and problems == [], problems
    assert [line.unit for line in data.inputs.lines[:2]] == ["reize", "euro"], data.inputs.lines[:2]
    return path


@pytest.mark.parametrize(("name", "said"), [
    ("Plans_Daudzums", "daudzumam periodā"),
    ("Men_Daudzums", "plānotajām vienībām"),
    ("Fakt_Daudzums", "saņemtajām vienībām"),
])
def test_a_fraction_of_a_session_is_an_invalid_input(sessions: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                    said: str) -> None:
    """audit31d F3, D256: half a session (a unit counted whole, catalogue/enums.yaml ``whole``) in the line's period
    units, a month's planned or delivered units is one invalid input named by its cell in the matrix's words
    (input_checks "units"); before, the reader took it and the reference paid half a session more."""
    where = pasted(sessions, tmp_path / "m.xlsx", name, 29.5)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: {said} jābūt veselam skaitlim (mērvienība „reize”), ievadīts 29,5"
                                         ], problems


def test_a_fraction_of_a_session_without_a_price_is_said_with_the_price(sessions: Path, tmp_path: Path,
                                                                          catalogue: Catalogue) -> None:
    """review32 F2: the matrix counts both half a session (an invalid input) and the chosen item's missing provider
    price (its own 6.11 rule): the reader said only the price; it says both, each by its cell."""
    from openpyxl import load_workbook

    m = Matrix.open(sessions)
    label = m.column("Plans_Pakalpojums")[0]
    j = next(j for j, v in enumerate(m.column("Pak_Id")) if v == label)
    wb = load_workbook(sessions)
    _, _, units = _cell(wb, "Plans_Daudzums", 0)
    _, _, price = _cell(wb, "Pak_Cena", j)
    units.value, price.value = 29.5, None
    wb.save(tmp_path / "m.xlsx")
    m = Matrix.open(tmp_path / "m.xlsx")
    data, problems = read_child(m, catalogue)
    assert data is None and len(problems) == 2, problems
    assert problems[0] == (f"{m.where('Plans_Daudzums', 0)}: daudzumam periodā jābūt veselam skaitlim (mērvienība "
                           "„reize”), ievadīts 29,5"), problems
    assert problems[1].startswith(f"{m.where('Pak_Cena', j)}: plānā izvēlētajam pakalpojumam "), problems
    assert "nav sniedzēja cenas" in problems[1]


def test_a_fraction_of_a_unit_not_counted_whole_is_valid(sessions: Path, clean: Path, tmp_path: Path,
                                                         catalogue: Catalogue) -> None:
    """Half an hour and euro with cents are quantities (D256): no problem."""
    assert [line.unit for line in read_child(Matrix.open(clean), catalogue)[0].inputs.lines[:2]] == ["euro", "stunda"]
    for source, row in ((sessions, 1), (clean, 1)):
        for name in ("Plans_Daudzums", "Men_Daudzums"):
            pasted(source, tmp_path / "m.xlsx", name, 8.5, row)
            data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
            assert problems == [] and data is not None, (source, name, problems)


@pytest.mark.parametrize(("name", "said", "does"), [
    ("Plans_Daudzums", "daudzumam periodā", "rindas summa periodā (6.4. tabula) ietver vienības daļu"),
    ("Men_Daudzums", "plānotajām vienībām", "mēneša plānotā summa (6.7. tabula) ietver vienības daļu"),
    ("Fakt_Daudzums", "saņemtajām vienībām", "vienības daļu nesniedz – pārbaudiet saņemto vienību skaitu un mēneša "
     "samaksāto summu"),
])
def test_an_older_template_without_the_check_warns(sessions: Path, tmp_path: Path, catalogue: Catalogue, name: str,
                                                   said: str, does: str) -> None:
    """A matrix of a template issued before D256 (no h_Pak_Vesels) showed no error for half a session: the reader
    reads it and warns, naming the cell and what the fraction does there – a sum only where the matrix prices that
    cell (6.3's units in 6.4, 6.6's in 6.7), not for the units received (6.10, whose payment is typed)."""
    where = pasted(sessions, tmp_path / "m.xlsx", name, 6.5)
    m = Matrix.open(tmp_path / "m.xlsx")
    del m.refs["h_Pak_Vesels"]
    data, problems = read_child(m, catalogue)
    assert problems == [] and data is not None
    assert [w for w in data.warnings if w == f"{where}: {said} jābūt veselam skaitlim (mērvienība „reize”), ievadīts "
            f"6,5; šīs matricas vecākā veidne to nepārbaudīja, tāpēc tā nav kļūda, bet {does}"], data.warnings


def test_documents_warn_of_a_base_not_the_catalogue_s(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """D257: `ibm documents --from-matrix` lists the matrix's warning on a B of another figure among the matrix's
    warnings, in the matrix's words, at B's cell; the file is not refused for it (its own rule errors are the generated
    plan's)."""
    from generator.documents.from_matrix.reading import read_for_documents
    from generator.ministry.templates import TemplateSource

    pasted(clean, tmp_path / "m.xlsx", "Bazes_Apmers", 385.98)
    reading = read_for_documents(tmp_path / "m.xlsx", catalogue, TemplateSource(catalogue), None)
    assert reading.refused == [], reading.refused
    warned = [f for f in reading.warnings if f.code == "base_differs"]
    assert len(warned) == 1, reading.warnings
    # without its typed place (the place follows) and with a capital, as the papers list each warning
    assert warned[0].message.startswith("Bāzes apmērs B 385,98\u00a0EUR atšķiras no kataloga B "), warned[0].message
    assert "6.11. tabula, B21 " in reading.warning_places[warned[0]], reading.warning_places[warned[0]]


def test_documents_warn_of_the_catalogue_s_unconfirmed_base(clean: Path, tmp_path: Path,
                                                            catalogue: Catalogue) -> None:
    """audit33b F2: the catalogue's own B typed into B while it is not confirmed („jāprecizē”) passed silently, and the
    decision (08) said LM had set it. `ibm documents --from-matrix` lists the matrix's warning in its own words at
    B's cell, among the warnings the papers' checklist (parskats.txt) prints before signing."""
    from generator.documents.from_matrix.reading import read_for_documents
    from generator.lvformat import eur
    from generator.ministry.templates import TemplateSource

    base = _cell(opened(clean), "Param_Bazes")[2].value
    status = _cell(opened(clean), "Param_BazesStatuss")[2].value
    assert status == "jāprecizē", status  # today's catalogue: B is a reconstruction
    pasted(clean, tmp_path / "m.xlsx", "Bazes_Apmers", base)
    reading = read_for_documents(tmp_path / "m.xlsx", catalogue, TemplateSource(catalogue), None)
    assert reading.refused == [], reading.refused
    warned = [f for f in reading.warnings if f.code == "base_differs"]
    assert len(warned) == 1, reading.warnings
    assert warned[0].message.startswith(
        f"Bāzes apmērs B {eur(Decimal(str(base)))} ir tāds pats kā kataloga neapstiprinātais B (jāprecizē) – "
        "pārbaudiet, vai tas ir LM apstiprinātais B."), warned[0].message
    assert "6.11. tabula, B21 " in reading.warning_places[warned[0]], reading.warning_places[warned[0]]


def test_an_invalid_price_two_lines_use_is_said_once(clean: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """D332: one pasted price is one problem, also when two plan lines choose its service (the matrix counts the 6.8
    cell once); before, the reader said it again for every line."""
    label = str(Matrix.open(clean).column("Plans_Pakalpojums")[0])
    pasted(clean, tmp_path / "two.xlsx", "Plans_Pakalpojums", label, 1)
    row = Matrix.open(tmp_path / "two.xlsx").column("Pak_Id").index(label)
    where = pasted(tmp_path / "two.xlsx", tmp_path / "bad.xlsx", "Pak_Cena", "abc", row)
    _, problems = read_child(Matrix.open(tmp_path / "bad.xlsx"), catalogue)
    cell = where.split(" ")[0]
    assert [p for p in problems if p.startswith(cell)] and len([p for p in problems if cell in p]) == 1, problems
