"""A child's or parent's name in a file or folder name is mostly declined („Oskara Parauga plāns”, „Paraugam
Oskaram”): `ibm collect` and `ibm migrate` hide it as they hide the name as the matrix holds it (D221). A folder
named after the child given to migrate by itself, and a matrix whose name and code cells are blank, are hidden too."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ministry.console_names import name_stem, reveals_person, shown_file
from generator.ministry.xlsxpatch import fill_by_names
from tests.ministry.conftest import KEY

CHILD, PARENT = "Oskars Paraugs", "Pēteris Paraugs"  # obviously fictional people
NAMES = {"Berns_VardsUzvards": CHILD, "Vecaks_VardsUzvards": PARENT}
BLANK = {"Berns_VardsUzvards": "", "Vecaks_VardsUzvards": "", "Berns_PersonasKods": ""}
# the words of the names, declined or not, that must never reach the console
SHOWN_NEVER = ("Oskar", "Paraug", "Pēter")


def test_a_declined_name_reveals_the_person() -> None:
    names = f"{CHILD} {PARENT}"
    for stem in ("Oskara Parauga plāns", "Paraugam Oskaram", "Pētera dēls", "O.Parauga plans", "paraugs_o"):
        assert reveals_person(stem, names, ""), stem
    for stem in ("plans-2", "parskats", "ogre 2019", "matrica-007"):
        assert not reveals_person(stem, names, "010101-21234"), stem
    assert reveals_person("Jāņa Bērziņa plāns", "Jānis Bērziņš", "") and reveals_person("Kalniņai Annai", "Anna Kalniņa", "")
    assert [name_stem(w) for w in ("oskars", "janis", "anna", "ana", "lacis")] == ["oskar", "jan", "ann", "ana", "lac"]


def test_a_folder_of_a_file_given_by_itself_is_screened(tmp_path: Path) -> None:
    folder = tmp_path / "Oskars Paraugs"
    folder.mkdir()
    (folder / "plans.xlsx").write_bytes(b"x")
    shown = shown_file(folder / "plans.xlsx", None, CHILD, "")
    assert "Oskars" not in shown and "/…/matrica-" in shown, shown
    assert shown_file(tmp_path / "Oskars Paraugs" / "plans.xlsx", tmp_path / "Oskars Paraugs", CHILD, "") == "plans.xlsx"


def _named(children, tmp_path: Path) -> tuple[Path, str]:  # noqa: ANN001
    """Three of the children renamed Oskars Paraugs (parent Pēteris Paraugs) in files and folders with declined names,
    and a fourth with blank name and code cells in a file named after him."""
    municipality = children[8].municipality
    root = tmp_path / "matricas"
    folder = root / municipality
    (folder / "Oskara Parauga").mkdir(parents=True)
    fill_by_names(children[8].path, folder / "Oskara Parauga" / "Parauga Oskara plāns.xlsx", NAMES)
    fill_by_names(children[9].path, folder / "Paraugam Oskaram.xlsx", NAMES)
    fill_by_names(children[10].path, folder / "Pētera Parauga dēls.xlsx", NAMES)
    fill_by_names(children[11].path, folder / "Oskars Paraugs.xlsx", BLANK)
    return root, municipality


def test_collect_hides_declined_names_and_a_nameless_matrix(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    root, municipality = _named(children, tmp_path)
    result = CliRunner().invoke(main, ["collect", str(root), "--out", str(tmp_path / "r" / "k.xlsx"), "--jobs", "1",
                                       "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert "Traceback" not in result.output
    assert f"{municipality}/matrica-" in result.output, result.output
    assert not [w for w in SHOWN_NEVER if w in result.output], result.output


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_migrate_hides_declined_names_and_a_nameless_matrix(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    root, municipality = _named(children, tmp_path)
    result = CliRunner().invoke(main, ["migrate", str(root), "--out", str(tmp_path / "jaunas")])
    assert "Traceback" not in result.output
    assert f"{municipality}/matrica-" in result.output, result.output
    assert not [w for w in SHOWN_NEVER if w in result.output], result.output
    # one file in a folder named after the child: the closing line hides the folder too
    own = tmp_path / "Oskars Paraugs"
    own.mkdir()
    fill_by_names(children[8].path, own / "plans.xlsx", NAMES)
    result = CliRunner().invoke(main, ["migrate", str(own / "plans.xlsx"), "--out", str(own / "jauns.xlsx")])
    assert "Jaunā matrica: " in result.output, result.output
    assert "/…/matrica-" in result.output and "Oskars" not in result.output, result.output
