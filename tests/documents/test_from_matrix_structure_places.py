"""The refusals of `ibm documents --from-matrix` about the matrix's structure name their place as every other reason
does – the sheet, the cell or area and the label the template shows there, never "6.3!G9:G48" – and a note after a
sentence that already ends in a bracket follows a dash, never a second bracket beside it („(…) (…)”).

Each reason is made in a real filled matrix (a defined name deleted or moved, a formula or a label overwritten, a plan
start outside every reporting period); the expected address is read from the file's defined names (xlsxread), the
labels are the template's texts written out here – never produced by places.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.reading import MatrixReading, read_for_documents
from generator.documents.from_matrix.run import _reasons as refusal_reasons
from generator.documents.from_matrix.signing import with_note
from generator.ministry.check_stages import AFTER_STRUCTURE
from generator.ministry.matrix import ChildData
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxpatch import fill_by_names
from generator.ministry.xlsxread import a1, read_xlsx
from generator.reference.params import Params
from generator.workbook.sheets.technical import rule_row, rules
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import funded_child
from tests.ministry.factory import Child

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clean_matrix(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    child: Child = funded_child(catalogue, tmp_path_factory.mktemp("struktura"))
    assert child.path is not None
    return child.path


def _ref(matrix: Path, name: str):  # noqa: ANN202 - xlsxread's NameRef
    ref = read_xlsx(matrix, sheets=()).name_ref(name)
    assert ref is not None, name
    return ref


def _read(catalogue: Catalogue, path: Path) -> MatrixReading:
    return read_for_documents(path, catalogue, TemplateSource(catalogue), None)


def _reasons(reading: MatrixReading) -> list[str]:
    return [normalise(r) for r in [*reading.refused, *reading.errors]]


def _check_row(code: str, kind: str = "kļūda") -> int:
    return rule_row(next(i for i, rule in enumerate(rules("multipli")) if rule[0] == code and rule[1] == kind))


def _no_raw_places(reasons: list[str]) -> None:
    for reason in reasons:
        assert "!" not in reason and ") (" not in reason, reason


def test_a_missing_defined_name_names_its_template_area_with_its_label(catalogue: Catalogue, clean_matrix: Path,
                                                                       tmp_path: Path) -> None:
    ref = _ref(clean_matrix, "Plans_Daudzums")
    damaged = tmp_path / "bez-nosaukuma.xlsx"
    wb = load_workbook(clean_matrix)
    del wb.defined_names["Plans_Daudzums"]
    wb.save(damaged)
    reading = _read(catalogue, damaged)
    assert refusal_reasons(reading) == ["bojāta matricas struktūra"]  # by the finding's kind (the summary's reason counter)
    reasons = _reasons(reading)
    # the structure stops the checks, and the last line says the rest follows once it is restored (D298)
    assert reasons == [f"trūkst definētā nosaukuma Plans_Daudzums (veidnē: {ref.sheet}. tabula, {a1(ref.first)}:"
                       f"{a1(ref.last)} „Daudzums periodā”): matricas struktūra ir bojāta", AFTER_STRUCTURE], reasons
    _no_raw_places(reasons)


def test_a_moved_defined_name_names_both_areas_with_their_labels(catalogue: Catalogue, clean_matrix: Path,
                                                                 tmp_path: Path) -> None:
    ref = _ref(clean_matrix, "Plans_Daudzums")
    moved = tmp_path / "parvietots.xlsx"
    wb = load_workbook(clean_matrix)
    down = (ref.first[0] + 1, ref.first[1]), (ref.last[0] + 1, ref.last[1])
    wb.defined_names["Plans_Daudzums"].attr_text = f"'{ref.sheet}'!${a1(down[0])[0]}${down[0][0]}:" \
                                                   f"${a1(down[1])[0]}${down[1][0]}"
    wb.save(moved)
    reasons = _reasons(_read(catalogue, moved))
    # the table and column by their label, never the defined name, and once what to do (undo, or ibm migrate)
    expected = (f"{ref.sheet}. tabula, {a1(down[0])}:{a1(down[1])} „Daudzums periodā” – veidnē {ref.sheet}. tabula, "
                f"{a1(ref.first)}:{a1(ref.last)} „Daudzums periodā”: matricas struktūra mainīta (pievienotas vai "
                "dzēstas rindas vai kolonnas); atsauciet rindu vai kolonnu ievietošanu vai dzēšanu vai pārnesiet "
                "ievadīto jaunā matricā ar komandu „ibm migrate VECA.xlsx --out JAUNA.xlsx”")
    assert reasons == [expected, AFTER_STRUCTURE], reasons
    _no_raw_places(reasons)
    # collect names it alike
    collected = read_matrix(moved, tmp_path, catalogue, TemplateSource(catalogue), b"k" * 32)
    assert collected.refusal is not None and list(collected.refusal.reasons) == [expected, AFTER_STRUCTURE], \
        collected.refusal


def test_a_changed_template_cell_is_named_with_its_label(catalogue: Catalogue, clean_matrix: Path,
                                                         tmp_path: Path) -> None:
    """A formula overwritten with a number, a label overwritten with other words (named by the template's text, not
    the file's), a 6.8 ceiling of one item: each line names its cell and label, none "6.4!E58"."""
    needed, start, ceiling = (_ref(clean_matrix, n) for n in ("IB_Nepieciesamais", "Perioda_Sakums", "Pak_MaxCena"))
    book = read_xlsx(clean_matrix)
    item = book.values(book.name_ref("Pak_Id"))[2][0]
    tampered = tmp_path / "labota.xlsx"
    wb = load_workbook(clean_matrix)
    wb[needed.sheet].cell(*needed.first).value = 1
    wb[start.sheet].cell(start.first[0], 1).value = "Kaut kas cits"
    wb[ceiling.sheet].cell(ceiling.first[0] + 2, ceiling.first[1]).value = 7
    wb.save(tampered)
    reasons = _reasons(_read(catalogue, tampered))
    version = next(r.split(": ", 1)[0] for r in reasons if r.startswith("matrica neatbilst veidnei"))
    assert f"{version}: {needed.sheet}. tabula, {a1(needed.first)} „IB nepieciešamais apmērs N (plāna summa)”: " \
           "formula aizstāta ar vērtību" in reasons, reasons
    # what the file holds, said (audit27b F11); a pasted text with words not quoted (D221)
    assert f"{version}: {start.sheet}. tabula, {a1((start.first[0], 1))} „Perioda pirmā diena”: veidnes vērtība " \
           "mainīta: veidnē teksts „Perioda pirmā diena”, failā teksts (tā saturu nerāda, jo tajā var būt personas " \
           "dati – skatiet šūnu matricā)" in reasons, reasons
    assert f"{version}: {ceiling.sheet}. tabula, {a1((ceiling.first[0] + 2, ceiling.first[1]))} „Maksimālā cena, " \
           f"EUR”, pakalpojums „{item}”: šūnā, kas veidnē ir tukša, ierakstīta vērtība: skaitlis 7" in reasons, reasons
    assert "Kaut kas cits" not in " ".join(reasons)
    _no_raw_places(reasons)


def test_a_calculation_the_reference_refuses_names_the_period_cells(catalogue: Catalogue, clean_matrix: Path,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """„aprēķins nav iespējams”: the reference refuses to compute the plan. Reading a matrix checks the same inputs
    first, so with the shipped catalogue it is reached only when the recomputation's parameters disagree with the
    reading's – made here by a longest plan period one month shorter than the matrix's own (a real matrix file,
    the reference's own error and words)."""
    months = 3
    path = fill_by_names(clean_matrix, tmp_path / "garums.xlsx", {"Perioda_Menesi": months})
    real = Params.from_catalogue

    class Shorter:
        @staticmethod
        def from_catalogue(catalogue: Catalogue, day: dt.date) -> Params:
            return real(catalogue, day).replace(period_months_max=months - 1)

    # the recomputation's parameters (ChildData.params, D256's whole units), not the reading's
    monkeypatch.setattr(ChildData, "params", lambda self, catalogue: Shorter.from_catalogue(catalogue, self.params_day))
    start, length, day = (_ref(clean_matrix, n) for n in ("Perioda_Sakums", "Perioda_Menesi", "Parametru_Datums"))
    reading = _read(catalogue, path)
    assert start.sheet == length.sheet
    assert [normalise(r) for r in reading.refused] == [
        f"aprēķins nav iespējams: perioda mēnešu skaits {months} (gaidīts: vesels skaitlis 1–{months - 1}) – "
        f"{start.sheet}. tabula, {a1(start.first)} „Perioda pirmā diena”, {a1(length.first)} „Mēnešu skaits periodā”; "
        f"{day.sheet}. tabula, {a1(day.first)} „Cenas un parametri spēkā uz”"], reading.refused


def test_a_rule_sentence_ending_in_a_bracket_gets_its_place_after_a_dash(catalogue: Catalogue, clean_matrix: Path,
                                                                        tmp_path: Path) -> None:
    """A plan starting outside every reporting period: the reference's sentence ends in its list of periods, the place
    follows after a dash before the full stop."""
    path = fill_by_names(clean_matrix, tmp_path / "arpus.xlsx", {"Perioda_Sakums": dt.date(2035, 1, 1)})
    reasons = _reasons(_read(catalogue, path))
    start = _ref(clean_matrix, "Perioda_Sakums")
    line = next(r for r in reasons if "nav nevienā programmas kārtas pārskata periodā" in r)
    assert line.startswith("noteikumu kļūda: IB nevar aprēķināt: plāna sākums 01.01.2035 nav nevienā programmas kārtas "
                           "pārskata periodā (pārskata periodi: "), line
    assert line.endswith(f") – {start.sheet}. tabula, {a1(start.first)} „Perioda pirmā diena”; 6.11. tabulas "
                         f"{_check_row('outside_reporting_period')}. rinda."), line
    _no_raw_places(reasons)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Summa pārsniedz N.", "Summa pārsniedz N (vieta)."),
    ("Summa pārsniedz N", "Summa pārsniedz N (vieta)"),
    ("Periods (01.10.2018–31.03.2019).", "Periods (01.10.2018–31.03.2019) – vieta."),
    ("aprēķins nav iespējams: skaits 3 (gaidīts: 1–2)", "aprēķins nav iespējams: skaits 3 (gaidīts: 1–2) – vieta"),
])
def test_with_note_never_puts_two_brackets_side_by_side(sentence: str, expected: str) -> None:
    assert with_note(sentence, "vieta") == expected
