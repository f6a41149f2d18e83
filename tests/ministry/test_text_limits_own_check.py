"""R11-3: the text limit the readers apply to a matrix of another template than today's is the number in that file's
own check formula (IF(LEN(cell&"")>limit,1,0)) – larger or smaller than today's – and today's only where the template
is today's. A fabricated template (today's, with the 6.4 notes' check raised from 55 to 80 or lowered to 30 and
another version) stands for a future or past template that changed the limit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.workbook.input_checks import NOTE_CHARS_64
from tests.ministry.factory import generic_template, make_children, write_children

OTHER_VERSION = "2023-04-01+0badc0de.10"  # not the current template's version (fictional)
NOTES = "Aprekins_Piezimes"  # the 6.4 notes (today: NOTE_CHARS_64 characters)


def _fabricated(source: Path, target: Path, limit: int, note: str, version: str | None = OTHER_VERSION) -> Path:
    """``source`` with every 6.4 note check's limit set to ``limit``, the first note ``note`` and (unless None) the
    version ``version``: a template that checks the notes against another number."""
    wb = load_workbook(source)
    checks = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=") and "LEN(" in cell.value:
                    new = re.sub(rf'(LEN\([^)]*\)\s*>\s*){NOTE_CHARS_64}\b', rf"\g<1>{limit}", cell.value)
                    checks += new != cell.value
                    cell.value = new
    assert checks, "no 6.4 note check found"
    sheet, ref = next(iter(wb.defined_names[NOTES].destinations))
    wb[sheet][ref.replace("$", "").split(":")[0]] = note
    if version is not None:
        sheet, ref = next(iter(wb.defined_names["IBM_Versija"].destinations))
        wb[sheet][ref.replace("$", "")] = version
    wb.save(target)
    return target


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    folder = tmp_path_factory.mktemp("sava-parbaude-r11-3")
    [child] = write_children(catalogue, generic_template(catalogue, folder), make_children(catalogue, 1, seed=113),
                             folder / "matricas", by_municipality=False)
    assert child.path is not None
    return child.path


def test_a_raised_limit_in_the_files_own_check_is_the_limit(filled: Path, tmp_path: Path,
                                                           catalogue: Catalogue) -> None:
    """70 characters where the file's own check allows 80: a valid text, neither refused nor warned of."""
    path = _fabricated(filled, tmp_path / "80.xlsx", 80, "p" * 70)
    m = Matrix.open(path)
    assert m.length_limit(NOTES, 0) == 80
    data, problems = read_child(m, catalogue)
    assert problems == [] and data is not None, problems
    assert not any(m.where(NOTES) in w for w in data.warnings), data.warnings


def test_a_text_over_the_raised_limit_is_refused_with_that_limit(filled: Path, tmp_path: Path,
                                                                 catalogue: Catalogue) -> None:
    path = _fabricated(filled, tmp_path / "80-parsniegts.xlsx", 80, "p" * 81)
    m = Matrix.open(path)
    data, problems = read_child(m, catalogue)
    assert data is None
    assert problems == [f"{m.where(NOTES)}: piezīmju tekstam jābūt ne garākam par 80 zīmēm, citādi darba tabulā "
                        "6.4. izdrukā tikai daļu, ievadīta 81 zīme"], problems


def test_a_lowered_limit_in_the_files_own_check_counts_too(filled: Path, tmp_path: Path,
                                                           catalogue: Catalogue) -> None:
    """40 characters, under today's 55 but over the file's own 30: the file counted it as an error, so does the
    reader."""
    path = _fabricated(filled, tmp_path / "30.xlsx", 30, "p" * 40)
    m = Matrix.open(path)
    data, problems = read_child(m, catalogue)
    assert data is None and len(problems) == 1 and "ne garākam par 30 zīmēm" in problems[0], problems
    assert "ievadītas 40 zīmes" in problems[0], problems


def test_todays_limit_where_the_template_is_todays(filled: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    """The current version: today's limit is the template's (a raised number in a current file is not believed)."""
    path = _fabricated(filled, tmp_path / "pasreizeja.xlsx", 80, "p" * 70, version=None)
    m = Matrix.open(path)
    data, problems = read_child(m, catalogue)
    assert data is None and len(problems) == 1, problems
    assert f"ne garākam par {NOTE_CHARS_64} zīmēm" in problems[0] and "ievadītas 70 zīmes" in problems[0], problems
