"""generator/documents/from_matrix/earlier_runs.py: which folders in --out are a child's from earlier runs."""

from __future__ import annotations

from pathlib import Path

from generator.documents.from_matrix.earlier_runs import earlier_folders, earlier_line
from generator.documents.from_matrix.writing import MARKER


def _folder(out: Path, name: str, *, marked: bool = True) -> Path:
    (out / name).mkdir(parents=True)
    if marked:
        (out / name / MARKER).write_text("", encoding="utf-8")
    return out / name


def test_a_childs_folders_and_not_another_childs_longer_code(tmp_path: Path) -> None:
    own = [_folder(tmp_path, n) for n in ("talsi", "talsi-2", "talsi-arhivs-2018-10-01",
                                          "talsi-iepriekseja-versija-01.12.2017-2")]
    _folder(tmp_path, "talsi-3")  # the file talsi-3.xlsx of another child in the run
    _folder(tmp_path, "talsi-4", marked=False)  # not the command's
    _folder(tmp_path, "talsi-piezimes")  # no name a run makes
    (tmp_path / "talsi-5").symlink_to(own[0])
    assert earlier_folders(tmp_path, {"talsi"}, {"talsi-3", "cits"}) == sorted(own)
    assert earlier_folders(tmp_path / "nav", {"talsi"}) == [] and earlier_line([]) == ""
