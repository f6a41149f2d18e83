"""The reader of a matrix (`ibm documents --from-matrix`, `ibm collect`) against values pasted where the matrix's own
check refuses them (D331): a logical value in D9's transport justification and in every other free text the reader
reads, a formula saved without a value in a 6.6 or 6.10 month cell (as openpyxl writes one), a year in a date cell; the
value entered quoted for a 6.3 service that is a 6.8 label in other letters or spaces, or its code only; and the
reference's paid total never more than cents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.case_fields import WORKER_CONTACTS, read_case_fields
from generator.ministry.matrix import Matrix, read_child
from generator.reference.workbook import evaluate_workbook
from tests.ministry.test_pasted_inputs import clean, opened, pasted  # noqa: F401 - the module's fixture

LABEL_WORDS = "pakalpojumam jābūt vienai no saraksta vērtībām (burts burtā), ievadīts"
EXPECTED_LABEL = "gaidīts: vērtība no 6.8. tabulas saraksta)"


def _problems(path: Path, catalogue: Catalogue) -> list[str]:
    data, problems = read_child(Matrix.open(path), catalogue)
    assert (data is None) == bool(problems), problems
    return problems


def test_a_logical_value_is_no_transport_justification(clean: Path, tmp_path: Path,  # noqa: F811
                                                       catalogue: Catalogue) -> None:
    """TRUE pasted into 6.4's justification: before, the reader read the text „True” as the social worker's reason
    (the papers quoted it); now it is the matrix's invalid input in D140's words (a number: test_number_in_free_text)."""
    for value, said in ((True, "TRUE (PATIESS)"), (False, "FALSE (APLAMS)")):
        where = pasted(clean, tmp_path / "m.xlsx", "Transporta_Pamatojums", value)
        assert _problems(tmp_path / "m.xlsx", catalogue) == [
            f"{where}: transporta pamatojumam jābūt ierakstītam tekstam, nevis loģiskajai vērtībai, ievadīts {said}"]


@pytest.mark.parametrize(("name", "label"), [
    ("Berns_VardsUzvards", "bērna vārdam un uzvārdam"),
    ("Vecaks_VardsUzvards", "vecāka (likumiskā pārstāvja) vārdam un uzvārdam"),
    ("Socialais_Darbinieks", "sociālā darbinieka vārdam un uzvārdam"),
    ("Pak_Sniedzejs", "sniedzēja nosaukumam"),
    ("Merki_Ilgtermina", "ilgtermiņa mērķu tekstam"),
    ("Plans_Biezums", "biežuma, ilguma un termiņa tekstam"),
])
def test_a_logical_value_is_no_free_text(clean: Path, tmp_path: Path, catalogue: Catalogue,  # noqa: F811
                                         name: str, label: str) -> None:
    """TRUE/FALSE pasted into a name, a provider, a goal or 6.3's frequency: before, the reader read the text „True”
    (the signed papers would print it); now refused in the justification's words, one problem for the cell, though
    the matrix itself does not count it (D331)."""
    for value, said in ((True, "TRUE (PATIESS)"), (False, "FALSE (APLAMS)")):
        where = pasted(clean, tmp_path / "m.xlsx", name, value)
        assert _problems(tmp_path / "m.xlsx", catalogue) == [
            f"{where}: {label} jābūt ierakstītam tekstam, nevis loģiskajai vērtībai, ievadīts {said}"], name


def test_a_logical_value_is_no_worker_contact(clean: Path, tmp_path: Path) -> None:  # noqa: F811
    """A free text the matrix does not check (the social worker's contacts, printed in 01) is refused alike."""
    where = pasted(clean, tmp_path / "m.xlsx", WORKER_CONTACTS, True)
    found = read_case_fields(Matrix.open(tmp_path / "m.xlsx"))
    assert found.problems == [f"{where}: ievadei jābūt ierakstītam tekstam, nevis loģiskajai vērtībai, ievadīts TRUE (PATIESS)"]
    assert found.worker_contacts == ""


@pytest.mark.parametrize(("name", "row"), [("Men_Daudzums", 0), ("Fakt_Daudzums", 0), ("Fakt_Summa", 0),
                                           ("Fakt_Summa", -1)])
def test_a_formula_without_a_value_in_a_month_is_a_formula(clean: Path, tmp_path: Path, catalogue: Catalogue,  # noqa: F811
                                                           name: str, row: int) -> None:
    """A formula saved with no value in a 6.6 or 6.10 month cell, also of an unused plan row (-1: the last): before,
    read as an empty cell (a paid total the matrix shows „nederīgs”); now named as in 6.3, 6.8 and 6.1."""
    row = row if row >= 0 else Matrix.open(clean).lines(name) - 1
    where = pasted(clean, tmp_path / "m.xlsx", name, "=1+1", row)
    problems = _problems(tmp_path / "m.xlsx", catalogue)
    assert len(problems) == 1 and problems[0].startswith(where.split(" ")[0] + " "), problems
    assert problems[0].endswith("jābūt vērtībai, nevis formulai vai saitei (ielīmējiet tikai vērtību)"), problems


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("Perioda_Sakums", 2019, "11.07.1905"),  # a year pasted over the date (the cell keeps its date format)
    ("Perioda_Sakums", dt.datetime(2101, 1, 1), "01.01.2101"),
    ("Berns_DzimsanasDatums", dt.datetime(1989, 12, 31), "31.12.1989"),
    ("Berns_DzimsanasDatums", 0.5, "0,5"),
])
def test_a_date_outside_the_matrixs_range_is_said_in_its_words(clean: Path, tmp_path: Path,  # noqa: F811
                                                               catalogue: Catalogue, name: str, value: object,
                                                               shown: str) -> None:
    """The matrix's date check (input_checks FIRST_DATE..LAST_DATE, code 2) in the reader: before, it read 2019 as
    11.07.1905 and said only that the plan's first day is in no reporting period."""
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    label = {"Perioda_Sakums": "perioda pirmajai dienai", "Berns_DzimsanasDatums": "dzimšanas datumam"}[name]
    problems = _problems(tmp_path / "m.xlsx", catalogue)
    assert problems[0] == f"{where}: {label} jābūt datumam no 01.01.1990 līdz 31.12.2100, ievadīts {shown}", problems


def test_a_service_label_not_letter_for_letter_is_quoted(clean: Path, tmp_path: Path,  # noqa: F811
                                                         catalogue: Catalogue) -> None:
    """A 6.8 label in lower case, with a no-break space or its code only: the message quotes what was entered, as for
    a trailing space; a text that may be a person's name is still not quoted (D221)."""
    label = str(Matrix.open(clean).column("Plans_Pakalpojums")[0])
    code = label.split(" ", 1)[0]
    for value, why in ((label.lower(), "atšķiras ar atstarpi vai burtu lielumu"),
                       (label.replace(" ", "\u00a0", 1), "atšķiras ar atstarpi vai burtu lielumu"),
                       (code, "tikai pakalpojuma kods")):
        where = pasted(clean, tmp_path / "m.xlsx", "Plans_Pakalpojums", value)
        assert _problems(tmp_path / "m.xlsx", catalogue) == [
            f"{where}: {LABEL_WORDS} „{value}” ({why}; {EXPECTED_LABEL}"], value
    where = pasted(clean, tmp_path / "m.xlsx", "Plans_Pakalpojums", "Anna Paraugs")
    assert _problems(tmp_path / "m.xlsx", catalogue) == [
        f"{where}: {LABEL_WORDS} teksts (tā saturu nerāda, jo tajā var būt personas dati – skatiet šūnu matricā) "
        f"({EXPECTED_LABEL}"]


def test_the_reference_shows_no_paid_total_of_more_than_cents(clean: Path, tmp_path: Path,  # noqa: F811
                                                              catalogue: Catalogue) -> None:
    """A payment of 10,005 (the matrix's invalid input, „nederīgs” as the period's paid total): the reference's
    paid_total is None, not 206,305; a valid plan's is the sum of the payments entered."""
    pasted(clean, tmp_path / "m.xlsx", "Fakt_Summa", 10.005)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is not None, problems
    result = evaluate_workbook(data.inputs, data.params(catalogue))
    assert result.paid_total is None and result.named_values()["Fakt_Kopa"] is None, result.paid_total
    data, _ = read_child(Matrix.open(clean), catalogue)
    assert data is not None
    paid = evaluate_workbook(data.inputs, data.params(catalogue)).paid_total
    entered = [Decimal(str(value)) for line in Matrix.open(clean).grid("Fakt_Summa") for value in line
               if value not in (None, "")]
    assert entered and paid == sum(entered), (paid, entered)
