"""`ibm documents --from-matrix` keeps a person out of the console and out of the children's folder names (D221): a
date hidden before the matrix is read stays hidden once it is read; a declined name („Oskara Parauga plāns”) and a
folder named after the child are hidden like the name itself; a matrix with blank name and code cells is named by
its hash, as a file that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.run import run
from generator.ministry.xlsxpatch import fill_by_names
from tests.documents.from_matrix_helpers import funded_child

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]
KEY = b"testa-atslega-tikai-testiem-0123456789"
NAMES = {"Berns_VardsUzvards": "Oskars Paraugs", "Vecaks_VardsUzvards": "Pēteris Paraugs"}  # fictional people
BLANK = {"Berns_VardsUzvards": "", "Vecaks_VardsUzvards": "", "Berns_PersonasKods": ""}
CASES = {  # the file as given, what it holds, what must never be shown
    "IBM plāns dz. 03.02.2006.xlsx": ({}, ("03.02.2006", "2006")),
    "Oskara Parauga plāns.xlsx": (NAMES, ("Oskar", "Paraug")),
    "Paraugam Oskaram.xlsx": (NAMES, ("Oskar", "Paraug")),
    "Oskars Paraugs/plans.xlsx": (NAMES, ("Oskar", "Paraug")),
    "Oskars Paraugs.xlsx": (BLANK, ("Oskar", "Paraug")),
}


@pytest.mark.parametrize("key", [None, KEY], ids=["no-key", "key"])
@pytest.mark.parametrize("given", list(CASES))
def test_no_person_on_the_console_nor_in_a_folder_name(catalogue: Catalogue, tmp_path: Path, given: str,
                                                       key: bytes | None) -> None:
    child = funded_child(catalogue, tmp_path / "made")
    values, never = CASES[given]
    path = tmp_path / "matricas" / given
    path.parent.mkdir(parents=True)
    fill_by_names(child.path, path, values) if values else path.write_bytes(child.path.read_bytes())
    lines: list[str] = []
    out = tmp_path / "out"
    run(path, out, catalogue, key, draft=True, echo=lines.append, err=lines.append, pdf=False,
        today=child.inputs.period_start)
    assert lines and lines[0].startswith("1/1 "), lines
    assert not [line for line in lines if any(word in line for word in never)], lines
    made = [p.relative_to(out).as_posix() for p in out.rglob("*")] if out.exists() else []
    assert not [p for p in made if any(word in p for word in never)], made
