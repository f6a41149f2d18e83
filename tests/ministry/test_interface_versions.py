"""Interface versions (IBM_Saskarne, D290): a new matrix says 2, the readers (collect, documents --from-matrix,
migrate, the template folder of collect) read the issued version-1 matrices – layout revision 10 without spacer rows
and revision 11 with them, both rebuilt from git history – and version 2, and refuse a newer interface naming the
cell. `ibm migrate` carries a revision-11 matrix (interface 1) onto the current template (interface 2) line by line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.matrix import Matrix, MatrixError, interface_version, read_child
from generator.ministry.migrate import MigrationError, Migrator
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxpatch import fill_by_names
from generator.ministry.xlsxread import read_xlsx
from generator.reference.lines import PlanLine
from generator.workbook.layout import (
    INTERFACE_FROM_REVISION,
    INTERFACE_VERSION,
    SPACER_LINES,
    SUPPORTED_INTERFACES,
    spacers_of_revision,
)
from generator.workbook.version import LAYOUT_REVISION, base_version, template_version
from tests.documents.conftest import normalise
from tests.ministry.factory import Child, free_input_cells, lost_free_cells, make_children, write_children
from tests.ministry.test_migrate_old_template import old_template

# main's commits whose templates were issued: with interface version 1 the last one before the spacer rows (layout
# revision 10) and the first with them (revision 11, D288); with interface version 2 revision 12 (D290); the current
# template is a later revision of interface 2 (13: D295's page counts, issued too; 14: the changes after it)
pytestmark = pytest.mark.slow  # three templates rebuilt from git history (about a minute and a half)
ISSUED_COMMITS = {10: "a439136e", 11: "2d127da1", 12: "d8024294", 13: "1276eeae", 14: "9a2908a5", 15: "bd5d927e", 16: "80e11c6f",
                  17: "6f6e11b1", 18: "3c090997", 19: "8cbe9eef",
                  20: "f45b4959",
                  21: "c5275e92"}
# the cell as every other message names it: its table, address and label, not „6.11!B5 (IBM_Saskarne)” (review37 F7)
INTERFACE_CELL = "6.11. tabula, B5 „Saskarnes versija (definēto nosaukumu kopa)”"
NEWER = f"{INTERFACE_CELL}: matrica ir jaunākas saskarnes versijas 3, nekā šī rīkkopa pazīst (1 vai 2); " \
        "atjauniniet rīkkopu"
PLAN_INPUTS = ("Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs", "Plans_Sanemejs",
               "Plans_Biezums", "Plans_Piezimes", "Men_Daudzums", "Men_Piezimes", "Fakt_Daudzums", "Fakt_Summa",
               "Fakt_Piezimes")


def _plan(lines: tuple[PlanLine, ...], months: int) -> list[tuple]:
    """What a person entered on each plan line (the reference's line without the catalogue's derived fields), the
    month grids padded to the period's months and the blank lines after the last filled one left out."""
    def padded(values: tuple) -> tuple:
        return tuple(values) + (Decimal(0),) * (months - len(values))

    found = [(line.offer_id, line.units, line.expert_rank, line.parent_rank, line.recipient,
              padded(line.planned_units), padded(line.delivered_units), padded(line.paid)) for line in lines]
    while found and found[-1][0] is None:
        found.pop()
    return found


def _revision(path: Path) -> int:
    return int(base_version(interface_version(Matrix.open(path))).partition(".")[2] or 0)


@pytest.fixture(scope="module")
def child(catalogue: Catalogue) -> Child:
    children = [c for c in make_children(catalogue, 12, seed=290, one_period=True)
                if len(c.inputs.lines) > SPACER_LINES[1] + 1]  # lines after two spacer rows
    assert children
    return children[0]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path,
          child: Child) -> dict[int, tuple[Path, Path, Path]]:
    """Layout revision -> (its template, the child's filled matrix of it, the same with the cells outside the names
    filled too – team, goals, notes, also in rows of closed groups): the issued revisions and the current one."""
    found = {}
    for revision, commit in {**ISSUED_COMMITS, LAYOUT_REVISION: None}.items():
        folder = tmp_path_factory.mktemp(f"redakcija-{revision}")
        made = template if commit is None else old_template(folder, commit)
        # the template's bytes with the inputs written and the plan-row groups opened, as a person's download is filled
        plain, free = (write_children(catalogue, made, [child], folder / kind, free_cells=kind == "brivas",
                                      saved_by="xlsxpatch")[0].path for kind in ("matricas", "brivas"))
        assert plain is not None and free is not None
        found[revision] = (made, plain, free)
    return found


def test_a_new_matrix_says_the_current_interface(template: Path) -> None:
    assert INTERFACE_VERSION == "2" and SUPPORTED_INTERFACES == ("1", "2")
    assert Matrix.open(template).scalar("IBM_Saskarne") == "2"
    assert INTERFACE_FROM_REVISION[INTERFACE_VERSION] == 12 < LAYOUT_REVISION
    assert spacers_of_revision(LAYOUT_REVISION) == spacers_of_revision(11) == SPACER_LINES


def test_the_issued_files_are_of_interface_1_and_their_revision(files: dict[int, tuple[Path, Path, Path]]) -> None:
    for revision, (_, path, _) in files.items():
        m = Matrix.open(path)
        assert _revision(path) == revision
        assert m.scalar("IBM_Saskarne") == ("2" if revision >= INTERFACE_FROM_REVISION["2"] else "1"), revision
        # the plan names span the spacer rows from revision 11 on, whatever the interface version says
        assert (m.offsets("Plans_Pakalpojums") is None) == (revision < 11), revision


def test_collect_and_documents_read_the_same_plan_from_every_version(
        files: dict[int, tuple[Path, Path, Path]], catalogue: Catalogue, child: Child) -> None:
    templates = TemplateSource(catalogue)
    read = []
    for revision, (_, path, _) in files.items():
        data, problems = read_child(Matrix.open(path), catalogue, strict=False)
        assert data is not None, (revision, problems)
        months = child.inputs.months
        assert _plan(data.inputs.lines, months) == _plan(child.inputs.lines, months), revision
        read.append(data.inputs)
        collected = read_matrix(path, path.parent.parent, catalogue, templates, b"k" * 32)
        assert collected.refusal is None and collected.record is not None, (revision, collected.refusal)
        reading = read_for_documents(path, catalogue, templates, None)
        assert not reading.refused, (revision, reading.refused)
        assert reading.data is not None and reading.data.inputs == data.inputs, revision
    assert len(read) == len(ISSUED_COMMITS) + 1 and all(r == read[0] for r in read)  # the same inputs from each


@pytest.mark.parametrize("revision", [10, 11, 12, LAYOUT_REVISION])
def test_every_reader_refuses_a_newer_interface_naming_the_cell(
        revision: int, files: dict[int, tuple[Path, Path, Path]], catalogue: Catalogue, tmp_path: Path) -> None:
    _, good, _ = files[revision]
    bad = tmp_path / "matricas" / "ogre" / "saskarne.xlsx"
    bad.parent.mkdir(parents=True)
    fill_by_names(good, bad, {"IBM_Saskarne": "3"})
    with pytest.raises(MatrixError) as raised:
        interface_version(Matrix.open(bad))
    assert str(raised.value).endswith(NEWER.removeprefix(INTERFACE_CELL))  # named by the reader that says it
    collected = read_matrix(bad, bad.parent.parent, catalogue, TemplateSource(catalogue), b"k" * 32)
    assert collected.refusal is not None and list(collected.refusal.reasons) == [NEWER]
    refused = [normalise(r) for r in read_for_documents(bad, catalogue, TemplateSource(catalogue), None).refused]
    assert refused == [NEWER], refused
    with Migrator(catalogue) as migrator, pytest.raises(MigrationError) as failed:
        migrator.migrate(bad, tmp_path / "jauna.xlsx")
    assert str(failed.value) == NEWER
    templates = TemplateSource(catalogue)
    assert templates.add_folder(bad.parent) == []  # not taken for a template of an earlier version


def test_an_older_or_unreadable_interface_keeps_its_refusal(files: dict[int, tuple[Path, Path, Path]],
                                                            catalogue: Catalogue, tmp_path: Path) -> None:
    _, good, _ = files[LAYOUT_REVISION]
    for value, said in (("0", "saskarnes versija 0 vairs netiek atbalstīta (gaidīts: 1 vai 2)"),
                        ("x", "saskarnes versija „x” nav saprotama (gaidīts: 1 vai 2)")):
        bad = tmp_path / "matricas" / "ogre" / f"saskarne-{value}.xlsx"
        bad.parent.mkdir(parents=True, exist_ok=True)
        fill_by_names(good, bad, {"IBM_Saskarne": value})
        collected = read_matrix(bad, bad.parent.parent, catalogue, TemplateSource(catalogue), b"k" * 32)
        assert collected.refusal is not None, value
        assert list(collected.refusal.reasons) == [f"{INTERFACE_CELL}: {said}"], collected.refusal.reasons
        with Migrator(catalogue) as migrator, pytest.raises(MigrationError) as failed:
            migrator.migrate(bad, tmp_path / "jauna.xlsx")
        assert str(failed.value) == f"{INTERFACE_CELL}: {said}"


def test_the_template_folder_of_collect_takes_templates_of_both_interfaces(
        files: dict[int, tuple[Path, Path, Path]], catalogue: Catalogue, tmp_path: Path) -> None:
    templates = TemplateSource(catalogue)
    found = []
    for revision in ISSUED_COMMITS:
        made, _, _ = files[revision]
        folder = tmp_path / f"veidnes-{revision}"
        folder.mkdir()
        (folder / made.name).write_bytes(made.read_bytes())
        found += templates.add_folder(folder)
    assert [int(base_version(v).partition(".")[2]) for v in found] == list(ISSUED_COMMITS)


def test_migrate_carries_a_revision_11_matrix_to_interface_2_line_by_line(
        files: dict[int, tuple[Path, Path, Path]], catalogue: Catalogue, tmp_path: Path) -> None:
    old_template_path, _, path = files[11]
    out = tmp_path / "jauna.xlsx"
    with Migrator(catalogue) as migrator:
        migrator.migrate(path, out)
    old, new = Matrix.open(path), Matrix.open(out)
    assert (old.scalar("IBM_Saskarne"), new.scalar("IBM_Saskarne")) == ("1", "2")
    assert interface_version(new) == template_version(catalogue)
    for name in PLAN_INPUTS:
        assert new.grid(name) == old.grid(name), name
    for name in ("Pasvaldiba", "Berns_VardsUzvards", "Berns_PersonasKods", "Berns_DzimsanasDatums",
                 "Berns_Traucejums", "Ipasas_Kopsanas_Atzinums", "Perioda_Sakums", "Perioda_Menesi"):
        assert new.scalar(name) == old.scalar(name), name
    assert lost_free_cells(read_xlsx(path), read_xlsx(out), free_input_cells(old_template_path)) == []
    old_child, _ = read_child(old, catalogue, strict=False)
    new_child, _ = read_child(new, catalogue, strict=False)
    assert old_child is not None and new_child is not None and new_child.inputs == old_child.inputs


def test_migrate_carries_an_issued_interface_2_matrix_to_the_current_revision(
        files: dict[int, tuple[Path, Path, Path]], catalogue: Catalogue, tmp_path: Path) -> None:
    """A revision-12 matrix (issued with interface 2) migrates to the current template without loss: D295's new cells
    are the template's, not the person's."""
    old_template_path, _, path = files[12]
    out = tmp_path / "jauna.xlsx"
    with Migrator(catalogue) as migrator:
        migrator.migrate(path, out)
    old, new = Matrix.open(path), Matrix.open(out)
    assert (_revision(path), _revision(out)) == (12, LAYOUT_REVISION)
    assert (old.scalar("IBM_Saskarne"), new.scalar("IBM_Saskarne")) == ("2", "2")
    for name in PLAN_INPUTS:
        assert new.grid(name) == old.grid(name), name
    assert lost_free_cells(read_xlsx(path), read_xlsx(out), free_input_cells(old_template_path)) == []
    old_child, _ = read_child(old, catalogue, strict=False)
    new_child, _ = read_child(new, catalogue, strict=False)
    assert old_child is not None and new_child is not None and new_child.inputs == old_child.inputs
