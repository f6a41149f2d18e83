"""The ministry's reader of a filled matrix: a date typed as text in the right form whose day does not exist
("31.02.2015" as the birth date) says that the day does not exist, as the catalogue and `--day` do (audit27 F8)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.xlsxpatch import fill_by_names


def test_a_birth_date_that_does_not_exist(small_folder, catalogue: Catalogue, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    path = tmp_path / "matrica.xlsx"
    shutil.copyfile(children[0].path, path)
    fill_by_names(path, path, {"Berns_DzimsanasDatums": "31.02.2015"}, strip_cached=False)
    _, problems = read_child(Matrix.open(path), catalogue, strict=False)
    said = [p for p in problems if "(Berns_DzimsanasDatums)" in p]
    assert said and said[0].endswith(": 31.02.2015 – tāda datuma nav (2015. gada februārī ir 28 dienas)"), problems
    assert not [p for p in problems if "nav datums" in p], problems
