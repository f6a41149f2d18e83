"""One rule for a pasted input everywhere (D140, audit20 F1–F3): a formula pasted into an input (=100+20, a link to
another workbook) and a number pasted as text ("12,5", " 3 ") are invalid inputs that the matrix counts in Kludas and
lists on 6.11, and the ministry's reader (generator/ministry/matrix.py, used by `ibm documents`, `ibm collect` and
`ibm migrate`) names exactly the same cells in the same words. The formula check uses ISFORMULA, which Excel 2010
lacks: with the function unknown (its name replaced in the file, as Excel 2010 sees it) the matrix gives no false
error and no #NAME?, only the formula is not flagged there."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.reading import MORE_ERRORS_STORED, read_for_documents
from generator.ministry.matrix import CHECKED_FIELDS as CHECKED
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.templates import TemplateSource
from generator.recalc import convert, make_profile
from generator.reference.params import Params
from generator.workbook.input_checks import (
    DATE_REQUIRED,
    DATE_TEXT,
    FORMULA_TEXT,
    NEGATIVE_PAYMENT_TEXT,
    PLAN_TEXT_FIELDS,
    TEXT_FIELDS,
    logical_message,
)
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import clean_plans, recipient_labels
from tests.workbook.invalid import _cell, too_long
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

# name -> (pasted value, the matrix's words after "6.4 E63: " that both must say)
PASTED = {
    "Fin_Pabalsti": ("=100+20", f"pabalstu summai {FORMULA_TEXT}"),
    "Plans_Daudzums": ("12,5", "daudzumam periodā jābūt skaitlim, ievadīts"),
    "Fin_Citi": (" 3 ", "citu finanšu avotu summai jābūt skaitlim, ievadīts"),
    "Perioda_Sakums": ("=DATE({start.year},{start.month},{start.day})", f"perioda pirmajai dienai {FORMULA_TEXT}"),
}
# a bool cell, as a paste from a checkbox column gives it: name -> value (audit31d F4)
LOGICAL = {"Plans_Daudzums": True, "Fin_Pabalsti": False, "Men_Daudzums": True, "Ipasas_Kopsanas_Atzinums": True}
# negative sums of one decimal: name -> (value, the words of both after the cell) (audit31d F6, D258)
NEGATIVE = {"Fakt_Summa": (-90.1, f"maksājumam {NEGATIVE_PAYMENT_TEXT}, ievadīts -90,10"),
            "Fin_Citi": (-12.3, "citu finanšu avotu summai jābūt skaitlim, kas nav mazāks par 0, ievadīts -12,30")}
ALSO_IN_TEKSTI = len(LOGICAL) + len(NEGATIVE)  # the file of text dates holds them too, in cells of their own
UNKNOWN = b"_xlfn.NOSUCHFUNCTION("  # what Excel 2010 makes of ISFORMULA: a name it does not know (#NAME?)


def _as_excel_2010(source: Path, target: Path) -> int:
    """``source`` with every ISFORMULA call replaced by an unknown function; the number of calls replaced."""
    replaced = 0
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                replaced += data.count(b"_xlfn.ISFORMULA(")
                data = data.replace(b"_xlfn.ISFORMULA(", UNKNOWN)
            zout.writestr(item, data)
    return replaced


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[str, tuple[Path, NamedValues, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("ielimets")
    # a plan shorter than the longest period: its later months are outside it (audit20 F9)
    plan = next(p for p in clean_plans(catalogue.offers(day), params, 8, SEED + 40_000)
                if p.inputs.months < params.period_months_max)
    wb = load_workbook(templates[None])
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    wb.save(folder / "derigs.xlsx")
    cells = {}
    for name, (value, _) in PASTED.items():
        sheet, cell, c = _cell(wb, name)
        c.value = value.format(start=plan.inputs.period_start)  # the formula gives the plan's own first day
        cells[name] = f"{sheet}!{cell}"
    wb.save(folder / "ielimets.xlsx")
    # a text price of the first line's item, in the clean file
    wb = load_workbook(folder / "derigs.xlsx")
    labels = [str(v).strip() for v in read(wb, "Pak_Id")]
    first_item = str(_cell(wb, "Plans_Pakalpojums")[2].value).strip()
    sheet, cell, c = _cell(wb, "Pak_Cena", labels.index(first_item))
    c.value = "12.5 EUR"
    cells["Pak_Cena"] = f"{sheet}!{cell}"
    wb.save(folder / "cena.xlsx")
    # a sum with three decimals and a date with month and day swapped (audit20 F8, F4)
    wb = load_workbook(folder / "derigs.xlsx")
    _cell(wb, "Fin_Citi")[2].value = 12.345
    _cell(wb, "Berns_DzimsanasDatums")[2].value = "01.13.2018"
    wb.save(folder / "komats.xlsx")
    # text in the other funding sources (audit42 F5: the warnings' total became #VALUE!)
    wb = load_workbook(folder / "derigs.xlsx")
    _cell(wb, "Fin_Pabalsti")[2].value = "abc"
    _cell(wb, "Fin_Pakalpojumi")[2].value = "12,50"
    wb.save(folder / "avoti.xlsx")
    # every text the matrix checks for length one character too long (D90, D166, D167), and a plan line's note of
    # as many characters as its limit, one of them outside the BMP: LibreOffice's LEN counts it once, so it fits
    wb = load_workbook(folder / "derigs.xlsx")
    for checked in TEXT_FIELDS:
        sheet, cell, c = _cell(wb, checked.name)
        c.value = too_long(int(checked.extra))
        cells[checked.name] = f"{sheet}!{cell}"
    note = PLAN_TEXT_FIELDS[1]
    sheet, cell, c = _cell(wb, note.name, 1)
    c.value = "Piezīme " + "x" * (int(note.extra) - 9) + "\U0001F600"
    cells[f"{note.name}+1"] = f"{sheet}!{cell}"
    wb.save(folder / "garie.xlsx")
    # a date pasted as text in the form the matrix asks for, a 6.8 label with a trailing space, a formula in a
    # provider's name, the period's first day emptied: the matrix counts each, the reader agrees (audit31d F1–F3, F6)
    wb = load_workbook(folder / "derigs.xlsx")
    for name, value in (("Berns_DzimsanasDatums", f"{plan.inputs.birth_date:%d.%m.%Y}"),
                        ("Plans_Pakalpojums", f"{_cell(wb, 'Plans_Pakalpojums')[2].value} "), ("Pak_Sniedzejs", "=A1"),
                        ("Perioda_Sakums", None)):
        sheet, cell, c = _cell(wb, name)
        c.value = value
        cells[name] = f"{sheet}!{cell}"
    # and, in the same file (no file more to recalculate), TRUE/FALSE pasted from a checkbox column into a number, a
    # list and a yes/no input (audit31d F4), a refund typed as a negative payment and a negative sum of one decimal
    # (audit31d F6, D258)
    for name, value in (*LOGICAL.items(), *((n, v) for n, (v, _) in NEGATIVE.items())):
        sheet, cell, c = _cell(wb, name)
        c.value = value
        cells[name] = f"{sheet}!{cell}"
    wb.save(folder / "teksti.xlsx")
    # half a session (a unit counted whole, D256) in the first line's period units (6.3), its first month's planned
    # (6.6, so that 6.6 still adds up to 6.3) and delivered units (6.10): three invalid inputs, no rule broken
    wb = load_workbook(folder / "derigs.xlsx")
    line = plan.inputs.lines[0]
    assert line.unit in catalogue.enums.whole_units and len(plan.inputs.lines[0].planned_units) == 1, line
    for name, value in (("Plans_Daudzums", float(line.units) + 0.5), ("Men_Daudzums", float(line.units) + 0.5),
                        ("Fakt_Daudzums", 0.5)):
        sheet, cell, c = _cell(wb, name)
        c.value = value
        cells[f"vieni:{name}"] = f"{sheet}!{cell}"
        cells[f"vieni:{name}:value"] = str(value).replace(".", ",")
    wb.save(folder / "vieni.xlsx")
    # B typed with a digit lost and as 0 (audit31d F5, D257), and as the catalogue's own unconfirmed B (audit33b F2):
    # a warning each, no error
    for name, base in (("baze", 385.98), ("baze0", 0), ("bazeK", None)):
        wb = load_workbook(folder / "derigs.xlsx")
        _cell(wb, "Bazes_Apmers")[2].value = _cell(wb, "Param_Bazes")[2].value if base is None else base
        wb.save(folder / f"{name}.xlsx")
    old_excel = _as_excel_2010(folder / "ielimets.xlsx", folder / "excel2010.xlsx")
    assert old_excel > 100  # every checked input
    _as_excel_2010(folder / "derigs.xlsx", folder / "derigs2010.xlsx")
    names = ("derigs", "ielimets", "excel2010", "derigs2010", "cena", "komats", "garie", "avoti", "teksti", "vieni",
             "baze", "baze0", "bazeK")
    out = convert([folder / f"{n}.xlsx" for n in names], folder / "lo",
                  profile=make_profile(tmp_path_factory.mktemp("lo-profile-ielimets")))
    return {n: (folder / f"{n}.xlsx", NamedValues(o, all_sheets=True), cells) for n, o in zip(names, out, strict=True)}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def test_the_check_is_written_for_excel_2010() -> None:
    """ISFORMULA is written with its file prefix and inside IFERROR (the function Excel 2010 lacks gives FALSE)."""
    from generator.workbook.input_checks import KINDS

    for kind in KINDS.values():
        code = kind.code("A1", "B1:B2")
        assert code.count("ISFORMULA(") == 1 and "IFERROR(_xlfn.ISFORMULA(A1),FALSE)" in code, kind.name


def test_the_matrix_and_the_reader_name_the_same_cells(files, catalogue: Catalogue) -> None:
    path, values, cells = files["ielimets"]
    listed = _listed(values)
    # one paste, one error (audit20 F7): the units pasted as text do not also make "Rindā bez pakalpojuma vai daudzuma"
    assert values["h_NederigasIevades"] == len(PASTED) and values["Kludas"] == len(PASTED), listed
    sums = values.ranges["Plans_Summa"]  # 6.4's plan rows: "Daudzums periodā" (E) of the line pasted "12,5" (F6)
    assert sums.sheet == "6.4" and values._cells["6.4"].get((sums.min_row, 5)) == "nederīgs"
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == len(PASTED), problems
    for name, (_, said) in PASTED.items():
        sheet, cell = cells[name].split("!")
        in_matrix = [t for t in listed if f"{sheet} {cell}: {said}" in t]
        in_reader = [p for p in problems if p.startswith(f"{cells[name]} ({name}): {said}")]
        assert in_matrix and in_reader, (name, listed, problems)


def test_a_valid_file_has_no_error(files, catalogue: Catalogue) -> None:
    for name in ("derigs", "derigs2010"):
        path, values, _ = files[name]
        assert values["Kludas"] == 0 and values["h_NederigasIevades"] == 0, (name, _listed(values))
        texts = [str(v) for _, _, v in values.all_values() if isinstance(v, str)]
        assert not [t for t in texts if t.startswith("#NAME")], name
    assert read_child(Matrix.open(files["derigs"][0]), catalogue, strict=False)[1] == []


def test_without_isformula_no_false_error(files) -> None:
    """As Excel 2010 computes the matrix: the texts are still errors, the formulas are not flagged (only the tools
    see them), and no cell shows #NAME?."""
    _, values, cells = files["excel2010"]
    listed = _listed(values)
    texts = [str(v) for _, _, v in values.all_values() if isinstance(v, str)]
    assert not [t for t in texts if t.startswith("#NAME")]
    assert values["h_NederigasIevades"] == sum(1 for v, _ in PASTED.values() if not v.startswith("=")), listed
    assert not [t for t in listed if FORMULA_TEXT.split(" (")[0] in t], listed
    for name in ("Plans_Daudzums", "Fin_Citi"):
        sheet, cell = cells[name].split("!")
        assert [t for t in listed if f"{sheet} {cell}: {PASTED[name][1]}" in t], (name, listed)


def test_a_text_price_is_one_error(files, catalogue: Catalogue) -> None:
    """Not also "nav norādīta sniedzēja cena" and "Samaksāts vairāk" (audit20 F7, c02)."""
    path, values, cells = files["cena"]
    listed = _listed(values)
    sheet, cell = cells["Pak_Cena"].split("!")
    assert values["Kludas"] == 1 and values["h_NederigasIevades"] == 1, listed
    assert [t for t in listed if f"{sheet} {cell}: sniedzēja cenai jābūt skaitlim, ievadīts „12.5 EUR”" in t], listed
    _, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert len(problems) == 1 and problems[0].startswith(f"{cells['Pak_Cena']} (Pak_Cena): sniedzēja cenai"), problems


def test_text_in_a_funding_source_is_an_error_and_the_counts_stay_numbers(files) -> None:
    """audit42 F5: text typed into 6.4's benefits and services sums: two invalid inputs (errors), and the warnings'
    total (Bridinajumi, read by ibm collect) a number, not #VALUE!."""
    values = files["avoti"][1]
    clean = files["derigs"][1]
    assert isinstance(values["Bridinajumi"], (int, float)), values["Bridinajumi"]
    assert values["Bridinajumi"] == clean["Bridinajumi"]
    assert values["h_NederigasIevades"] == 2 and values["Kludas"] == clean["Kludas"] + 2, _listed(values)


def test_the_echo_has_a_decimal_comma_and_a_swapped_date_is_explained(files) -> None:
    listed = " ".join(_listed(files["komats"][1]))
    assert "citu finanšu avotu summai" in listed and "ievadīts 12,345" in listed and "12.345" not in listed, listed
    assert "dzimšanas datumam jābūt īstam kalendāra datumam DD.MM.GGGG (mēnesis 1–12;" in listed, listed
    assert "ievadīts „01.13.2018”" in listed


def test_months_after_the_period_are_blank(files) -> None:
    """6.11's working days and 6.7's monthly totals of a month after the period: blank, not −2 or 0,00 (F9)."""
    values = files["derigs"][1]
    months = values["h_Menesi"]
    days = values["h_DarbaDienas"]
    assert 0 < months < len(days) and all(isinstance(d, int | float) and d > 0 for d in days[:months]), days
    assert all(d in (None, "") for d in days[months:]), days
    amounts = values.ranges["Men_Summa"]
    totals = [values._cells["6.7"].get((amounts.max_row + 1, c)) for c in range(amounts.min_col, amounts.max_col + 1)]
    assert all(isinstance(t, int | float) for t in totals[:months]), totals
    assert all(t in (None, "") for t in totals[months:]), totals


def test_a_text_over_its_limit_is_an_error_the_reader_names(files, catalogue: Catalogue) -> None:
    """Each text the matrix checks for length (goals, plan and month notes, the transport justification, the 6.4 and
    6.10 notes, a provider's name) over its limit: the matrix counts it in Kludas and lists it on 6.11, and the
    reader names the same cells in the same words, counted as LEN counts (lenfix): one error each, as many as Kludas,
    so `ibm documents` refuses the file naming the cells, not with "matrica rāda kļūdu, ko pārrēķins neatrod"."""
    path, values, cells = files["garie"]
    listed = _listed(values)
    assert values["Kludas"] == values["h_NederigasIevades"] == len(TEXT_FIELDS), listed
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == values["Kludas"], problems
    assert not [p for p in problems if p.startswith(cells[f"{PLAN_TEXT_FIELDS[1].name}+1"])], problems
    for checked in TEXT_FIELDS:
        where = cells[checked.name]
        n = int(checked.extra) + 1
        counted = f"ievadīta {n} zīme" if n % 10 == 1 and n % 100 != 11 else f"ievadītas {n} zīmes"
        said = (f"{checked.label} jābūt ne garākam par {checked.extra} zīmēm, citādi {checked.place} izdrukā tikai "
                f"daļu, {counted}")
        sheet, cell = where.split("!")
        assert [t for t in listed if f"{sheet} {cell}: {said}" in t], (said, listed)
        assert [p for p in problems if p == f"{where} ({checked.name}): {said}"], (said, problems)
    saved = path.parent / "lo" / path.name  # as LibreOffice saved it: its Kludas cached
    assert saved.exists()
    reading = read_for_documents(saved, catalogue, TemplateSource(catalogue), None)
    # the papers' reader names each place by its table, cell and label (papersplaces): the same problems, same words
    assert len(reading.refused) == len(problems), reading.refused
    for checked in TEXT_FIELDS:
        sheet, cell = cells[checked.name].split("!")
        said = next(p for p in problems if p.startswith(f"{cells[checked.name]} ")).split("): ", 1)[1]
        assert [r for r in reading.refused if r.startswith(f"{sheet}. tabula, {cell} ") and r.endswith(f": {said}")], (
            said, reading.refused)
    assert not [e for e in reading.errors if MORE_ERRORS_STORED in e], reading.errors


def test_a_text_date_a_spaced_label_and_a_formula_text_agree(files, catalogue: Catalogue) -> None:
    """audit31d F1–F3, F6: a birth date pasted as text in the form DD.MM.GGGG, a 6.8 label with a trailing space in
    6.3, a formula in a provider's name and the period's first day emptied in a filled plan (before: no error, the
    amounts gone): the matrix counts four invalid inputs and lists them on 6.11, and the
    reader (and so `ibm documents`, also --draft) names the same cells in the same words, reads no date and no line
    the matrix does not price, and says no "kļūda, ko pārrēķins neatrod" (D140, D255)."""
    path, values, cells = files["teksti"]
    listed = _listed(values)
    assert values["Kludas"] == values["h_NederigasIevades"] == 4 + ALSO_IN_TEKSTI, listed
    assert values["IB_Provizoriskais"] in (None, ""), values["IB_Provizoriskais"]  # no date, no amounts
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == 4 + ALSO_IN_TEKSTI, problems
    for name, said in (("Berns_DzimsanasDatums", f"dzimšanas datumam {DATE_TEXT}, ievadīts"),
                       ("Perioda_Sakums", f"perioda pirmajai dienai {DATE_REQUIRED[:-1]}"),
                       ("Plans_Pakalpojums", "pakalpojumam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts"),
                       ("Pak_Sniedzejs", f"sniedzēja nosaukumam {FORMULA_TEXT}")):
        sheet, cell = cells[name].split("!")
        assert [t for t in listed if f"{sheet} {cell}: {said}" in t], (name, listed)
        assert [p for p in problems if p.startswith(f"{cells[name]} ({name}): {said}")], (name, problems)
    reading = read_for_documents(path.parent / "lo" / path.name, catalogue, TemplateSource(catalogue), None)
    assert len(reading.refused) == 4 + ALSO_IN_TEKSTI, reading.refused
    assert [r for r in reading.refused if r.startswith(f"6.1. tabula, {cells['Berns_DzimsanasDatums'].split('!')[1]} "
                                                       "„Dzimšanas datums”")], reading.refused
    assert not [e for e in reading.errors if MORE_ERRORS_STORED in e], reading.errors


def test_a_logical_value_is_said_as_one(files, catalogue: Catalogue) -> None:
    """audit31d F4: TRUE/FALSE (PATIESS/APLAMS) pasted into a number, a yes/no or a list input. LibreOffice imports the
    bool cell as the formula =TRUE() (measured: the saved cell holds it): before, the matrix said „… jābūt vērtībai,
    nevis formulai vai saitei, ievadīts 1”. Now it says a logical value is not a number (ISLOGICAL, checked before
    ISFORMULA, is true for it in LibreOffice and Excel alike), shows it as the cell does, counts one invalid input per
    cell, and the reader names the same cells in the same words (D140, D255)."""
    path, values, cells = files["teksti"]  # with the pastes of test_a_text_date_a_spaced_label_and_a_formula_text_agree
    saved = Matrix.open(path.parent / "lo" / path.name)
    assert saved.formula_at("Plans_Daudzums") == "TRUE()"  # what LibreOffice makes of the bool cell
    listed = _listed(values)
    assert not [t for t in listed if FORMULA_TEXT in t and "sniedzēja nosaukumam" not in t], listed  # its own paste
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None
    for name, value in LOGICAL.items():
        field = CHECKED[name]
        said = (f"{field.label} {logical_message(field.kind)}, ievadīts "
                f"{'TRUE (PATIESS)' if value else 'FALSE (APLAMS)'}")
        sheet, cell = cells[name].split("!")
        assert [t for t in listed if f"{sheet} {cell}: {said}" in t], (name, said, listed)
        assert [p for p in problems if p == f"{cells[name]} ({name}): {said}"], (name, said, problems)
    # the file as LibreOffice saved it (the cell a formula =TRUE()): the reader says the same, not „formula”
    _, saved_problems = read_child(saved, catalogue, strict=False)
    assert len(saved_problems) == len(problems), saved_problems
    for name in LOGICAL:
        said = next(p for p in problems if p.startswith(f"{cells[name]} "))
        assert said in saved_problems, (said, saved_problems)


def test_a_negative_sum_is_quoted_with_cents_and_a_correction_explained(files, catalogue: Catalogue) -> None:
    """audit31d F6 (D258): a refund typed as a negative payment in 6.10 is an invalid input whose words say how a
    correction is entered (subtracted from the month it corrects); a sum is quoted with two decimals („-90,10”, not
    „-90,1”: arithmetic, not TEXT(), whose format codes depend on the locale); the reader says the same of each."""
    path, values, cells = files["teksti"]  # with other pastes in other cells
    listed = _listed(values)
    _, problems = read_child(Matrix.open(path), catalogue, strict=False)
    for name, (_, said) in NEGATIVE.items():
        sheet, cell = cells[name].split("!")
        assert [t for t in listed if t.endswith(f"{sheet} {cell}: {said}")], (name, said, listed)
        # a negative sum outside 6.10 too: the matrix's words, not the reader's own „ir negatīvs skaitlis”
        assert [p for p in problems if p == f"{cells[name]} ({name}): {said}"], (name, problems)


def test_a_fraction_of_a_session_is_an_invalid_input_both_name(files, catalogue: Catalogue) -> None:
    """audit31d F3, D256: half a session in 6.3, 6.6 and 6.10 (the unit „reize” is counted whole, catalogue/enums.yaml
    ``whole``) was paid silently; the matrix counts each cell in Kludas and lists it on 6.11 with the line's unit and
    the value, and the reader names the same cells in the same words."""
    path, values, cells = files["vieni"]
    listed = _listed(values)
    assert values["Kludas"] == values["h_NederigasIevades"] == 3, listed
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == 3, problems
    for name, label in (("Plans_Daudzums", "daudzumam periodā"), ("Men_Daudzums", "plānotajām vienībām"),
                        ("Fakt_Daudzums", "saņemtajām vienībām")):
        said = f"{label} jābūt veselam skaitlim (mērvienība „reize”), ievadīts {cells[f'vieni:{name}:value']}"
        where = cells[f"vieni:{name}"]
        sheet, cell = where.split("!")
        assert [t for t in listed if t.endswith(f"{sheet} {cell}: {said}")], (said, listed)
        assert problems.count(f"{where} ({name}): {said}") == 1, (said, problems)


def test_a_base_of_0_or_not_the_catalogue_s_is_a_warning_both_say(files, catalogue: Catalogue) -> None:
    """audit31d F5, D257: B typed as 385,98 (the catalogue's B is another figure) or 0 passed silently. The matrix
    counts one warning (not an error) in its 6.11 row and says beside B the cell and both figures in the reference's
    words; the reference (which `ibm documents --from-matrix` reports) finds the same warning, as many warnings in
    all as the matrix counts."""
    from generator.lvformat import eur
    from generator.reference.workbook import BASE_CELL, base_differs_text, evaluate_workbook

    clean = files["derigs"][1]
    unconfirmed = clean["Param_BazesStatuss"] != PriceStatus.confirmed.value
    assert unconfirmed  # today's catalogue: B is a reconstruction („jāprecizē”), the case audit33b F2 is about
    for name, base in (("baze", Decimal("385.98")), ("baze0", Decimal(0)), ("bazeK", None)):
        path, values, _ = files[name]
        catalogue_base = Decimal(str(values["Param_Bazes"]))
        # bazeK: the catalogue's unconfirmed B typed into B (audit33b F2) – the same warning in its own words
        base = catalogue_base if base is None else base
        assert (base != catalogue_base) is (name != "bazeK")
        assert values["Kludas"] == clean["Kludas"] == 0, _listed(values)
        data, problems = read_child(Matrix.open(path), catalogue, strict=False)
        assert data is not None and problems == [], problems
        result = evaluate_workbook(data.inputs, Params.from_catalogue(catalogue, data.params_day))
        said = base_differs_text(base, catalogue_base)
        assert [f.message for f in result.findings if f.code == "base_differs"] == [f"{BASE_CELL}: {said}."]
        assert values["Bridinajumi"] == result.warnings >= 1, (name, values["Bridinajumi"], result.findings)
        beside = values._cells["6.11"].get((values.ranges["Bazes_Apmers"].min_row, 3))
        assert beside == f"6.11 B21: {said}", (beside, said)
        assert eur(catalogue_base) in beside and eur(base) in beside
        assert ("kataloga neapstiprinātais B (jāprecizē)" in beside) is (name == "bazeK"), beside
