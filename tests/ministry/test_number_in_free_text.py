"""The reader of a matrix (`ibm documents --from-matrix`, `ibm collect`) against a number or a date pasted into a free
text that prints (D339): before, the papers printed it raw („1000000000000”, „2019-01-15 00:00:00”); now it is the
matrix's invalid input, one problem for the cell, in the matrix's words with the value as the cell shows it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.case_fields import WORKER_CONTACTS, read_case_fields
from generator.ministry.matrix import Matrix, read_child
from tests.ministry.test_pasted_inputs import clean, pasted  # noqa: F401 - the module's fixture

WORDS = "jābūt ierakstītam tekstam, nevis skaitlim vai datumam, ievadīts"
HIDDEN = "skaitlis (tā saturu nerāda, jo tajā var būt personas dati – skatiet šūnu matricā)"


@pytest.mark.parametrize(("name", "label", "value", "shown"), [
    ("Berns_VardsUzvards", "bērna vārdam un uzvārdam", dt.datetime(2019, 1, 15), "datums 15.01.2019"),
    ("Berns_VardsUzvards", "bērna vārdam un uzvārdam", 1e12, HIDDEN),  # may be a personal code (D221)
    ("Vecaks_VardsUzvards", "vecāka (likumiskā pārstāvja) vārdam un uzvārdam", 12, "12"),
    ("Socialais_Darbinieks", "sociālā darbinieka vārdam un uzvārdam", 2.5, "2,5"),
    ("Pak_Sniedzejs", "sniedzēja nosaukumam", -5, "-5"),
    ("Merki_Ilgtermina", "ilgtermiņa mērķu tekstam", 3, "3"),
    ("Plans_Biezums", "biežuma, ilguma un termiņa tekstam", dt.datetime(2019, 1, 15), "datums 15.01.2019"),
    ("Plans_Piezimes", "piezīmju tekstam", 7, "7"),
    ("Transporta_Pamatojums", "transporta pamatojumam", 0, "0"),
])
def test_a_number_or_a_date_is_no_free_text(clean: Path, tmp_path: Path, catalogue: Catalogue,  # noqa: F811
                                            name: str, label: str, value: object, shown: str) -> None:
    where = pasted(clean, tmp_path / "m.xlsx", name, value)
    data, problems = read_child(Matrix.open(tmp_path / "m.xlsx"), catalogue)
    assert data is None and problems == [f"{where}: {label} {WORDS} {shown}"], problems


def test_a_phone_pasted_as_a_number_is_a_contact(clean: Path, tmp_path: Path) -> None:  # noqa: F811
    """The worker's contacts (printed in 01, not checked by the matrix): a phone pasted as a number is its digits, as
    the cell shows it; a date is refused in the matrix's words."""
    pasted(clean, tmp_path / "m.xlsx", WORKER_CONTACTS, 26123456)
    found = read_case_fields(Matrix.open(tmp_path / "m.xlsx"))
    assert found.problems == [] and found.worker_contacts == "26123456"
    where = pasted(clean, tmp_path / "d.xlsx", WORKER_CONTACTS, dt.datetime(2019, 1, 15))
    found = read_case_fields(Matrix.open(tmp_path / "d.xlsx"))
    assert found.problems == [f"{where}: ievadei {WORDS} datums 15.01.2019"] and found.worker_contacts == ""
