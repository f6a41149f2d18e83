"""With a key the child's folder is named by the pseudonym, and a refused matrix gets no folder at all: every
console line about a matrix names its file as given on the command line too, so that the social worker knows which
file to fix, or its hashed stand-in when the file name shows the child's name (audit17 F13)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.run import run
from generator.ministry.pseudonym import pseudonym
from generator.ministry.reading import file_code
from generator.reference.rounds import plan_end
from tests.documents.from_matrix_helpers import funded_child

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]
KEY = b"testa-atslega-tikai-testiem-0123456789"


def _run(catalogue: Catalogue, source: Path, out: Path, today: dt.date) -> list[str]:
    lines: list[str] = []
    run(source, out, catalogue, KEY, draft=False, echo=lines.append, err=lines.append, pdf=False, today=today)
    return lines


def test_every_line_names_the_matrix_file(catalogue: Catalogue, tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path)
    folder = tmp_path / "matricas-mape"
    folder.mkdir()
    plain = folder / "matrica-004.xlsx"
    named = folder / f"{child.people.child_name}.xlsx"  # a file named after the child
    shutil.copy(child.path, plain)
    shutil.copy(child.path, named)
    code = pseudonym(KEY, child.people.child_code)
    after = plan_end(child.inputs.period_start, child.inputs.months) + dt.timedelta(days=1)
    lines = _run(catalogue, folder, tmp_path / "out", after)  # the plan has ended: refused, no folder
    stand_in = f"{folder.as_posix()}/matrica-{file_code(named)}.xlsx"
    heads = [line.split(": ", 1)[0] for line in lines if not line.startswith(" ")]
    found = f"; atrodams ar sha256sum mapē {folder.as_posix()}"  # a refused file shown by its hash (audit37a F12)
    assert f"1/2 {code} ({stand_in}{found}): atteikts:" in lines, lines
    # the byte-identical copy is handled once (D144): its line names it and the file it copies
    assert (f"2/2 {code} ({plain.as_posix()}): izlaists: tas pats fails (identisks pa baitam) kā {stand_in} – "
            "apstrādāts vienreiz, sk. tā rindu") in lines, lines
    assert heads and all(h.endswith((f"({stand_in}{found})", f"({plain.as_posix()})")) for h in heads), lines
    words = [w for w in child.people.child_name.split() if len(w) >= 3]
    assert not [w for w in words if any(w in line for line in lines)], lines
    # made: the lines name the file too
    made = _run(catalogue, plain, tmp_path / "out", child.inputs.period_start)
    assert made and all(line.startswith(f"1/1 {code} ({plain.as_posix()}): ") for line in made), made


def test_a_file_that_is_no_matrix_hides_a_personal_code_in_its_name(catalogue: Catalogue, tmp_path: Path) -> None:
    """Nothing is read from it, so only the digits can tell: six in a row may be a personal code (console_names)."""
    from openpyxl import Workbook

    foreign = tmp_path / "Paraugs 010101-21234.xlsx"
    Workbook().save(foreign)
    lines = _run(catalogue, foreign, tmp_path / "out", dt.date(2018, 1, 1))
    code = f"matrica-{file_code(foreign)}"
    assert lines[0] == (f"1/1 {code} ({tmp_path.as_posix()}/{code}.xlsx; atrodams ar sha256sum mapē "
                        f"{tmp_path.as_posix()}): atteikts:"), lines
    assert not [line for line in lines if "010101" in line or "Paraugs" in line], lines
