"""A matrix whose filled plan rows sit in closed outline groups (D191, audit42 F3): the amounts use them, the signed
annexes do not print them. `ibm documents --from-matrix` (read_child with ``printed``) refuses it naming each sheet and
its rows, as the matrix's own 6.11 counts them; the collection and `ibm migrate` read it as before, and migrate opens
the groups in the new matrix."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.matrix import PLAN_ROW_SHEETS, Matrix, read_child
from generator.ministry.migrate import Migrator
from generator.ministry.xlsx_outline import open_groups
from generator.ministry.xlsxread import sheet_parts
from generator.workbook.layout import plan_row
from generator.workbook.sheets.plan_rows import VISIBLE
from tests.documents.conftest import normalise
from tests.ministry.factory import Child, make_children, write_children

FIRST = 9  # the plan sheets' first plan row
LINES = 13


def _closed(source: Path, target: Path) -> Path:
    """``source`` with every plan-row group closed (rows of level ≥ 1 hidden), its XML patched as a person's "−"."""
    with zipfile.ZipFile(source) as zin:
        parts = {part: name for name, part in sheet_parts(zin).items()}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if parts.get(item.filename) in PLAN_ROW_SHEETS:
                    data = open_groups(data.decode("utf-8"), 0).encode("utf-8")
                zout.writestr(item, data)
    return target


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Child, Path, Path]:
    folder = tmp_path_factory.mktemp("paslepts")
    child = make_children(catalogue, 1, seed=17)[0]
    filled = [line for line in child.inputs.lines if line.offer_id]
    child = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=tuple((filled * LINES)[:LINES])))
    written = write_children(catalogue, template, [child], folder / "atverts")[0]
    return written, written.path, _closed(written.path, folder / "aizverts.xlsx")


def test_part_names_map_every_plan_sheet(files) -> None:  # noqa: ANN001
    _, _, closed = files
    with zipfile.ZipFile(closed) as z:
        assert set(PLAN_ROW_SHEETS) <= set(sheet_parts(z))


def test_open_rows_are_no_problem(files, catalogue: Catalogue) -> None:  # noqa: ANN001
    _, opened, _ = files
    data, problems = read_child(Matrix.open(opened), catalogue, strict=False, printed=True)
    assert data is not None and problems == []


def test_hidden_filled_rows_refuse_the_papers_naming_sheet_and_rows(files, catalogue: Catalogue) -> None:  # noqa: ANN001
    """Fails on the old code: the reader knew nothing of row visibility and read the matrix."""
    child, _, closed = files
    data, problems = read_child(Matrix.open(closed), catalogue, strict=False, printed=True)
    counted = sum(1 for line in child.inputs.lines if line.counted)
    assert data is None and len(problems) == len(PLAN_ROW_SHEETS), problems
    for sheet, problem in zip(PLAN_ROW_SHEETS, problems, strict=True):
        # each line's row: the spacer rows above it on every plan sheet but 6.4 (D288)
        row = (lambda i: FIRST + i) if sheet == "6.4" else (lambda i: plan_row(i, FIRST))  # noqa: E731
        last = row((counted if sheet in ("6.5", "6.9") else LINES) - 1)
        assert problem.startswith(f"{sheet}. tabula: aizpildītas rindas {row(VISIBLE)}–{last} ir paslēptas un "
                                  "netiks izdrukātas – atveriet grupas ar „+”"), problem
    # the collection and migrate read the inputs only (the matrix counts the error itself)
    data, problems = read_child(Matrix.open(closed), catalogue, strict=False)
    assert data is not None and problems == []


def test_migrate_opens_the_hidden_filled_rows(files, catalogue: Catalogue, tmp_path: Path) -> None:  # noqa: ANN001
    _, _, closed = files
    out = tmp_path / "jauna.xlsx"
    with Migrator(catalogue) as migrator:
        migrator.migrate(closed, out)  # type: ignore[arg-type]
    wb = load_workbook(out)
    for sheet in ("6.3", "6.6", "6.10"):
        hidden = [r for r in range(FIRST, plan_row(LINES - 1) + 1) if wb[sheet].row_dimensions[r].hidden]
        assert hidden == [], (sheet, hidden)


@pytest.mark.slow
def test_from_matrix_refuses_hidden_filled_rows(files, tmp_path: Path) -> None:  # noqa: ANN001
    _, _, closed = files
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(closed), "--out", str(out), "--day",
                                       "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 1, result.output
    text = normalise(result.output)
    assert f"6.3. tabula: aizpildītas rindas {plan_row(VISIBLE)}–{plan_row(LINES - 1)} ir paslēptas" in text, text
    assert not out.exists() or not any(out.rglob("*.pdf"))
    assert "atteikumu iemesli: aizpildītas plāna rindas paslēptas – 1." in text, text


def test_the_summary_counts_hidden_rows_as_hidden_not_as_a_broken_structure(files, catalogue: Catalogue) -> None:  # noqa: ANN001
    """Fails on the old code: the reason counter took „struktūras pogu” in the way to open the rows for a broken
    structure („bojāta matricas struktūra”)."""
    from generator.documents.from_matrix.reading import read_for_documents
    from generator.documents.from_matrix.run import _reasons
    from generator.ministry.templates import TemplateSource

    _, _, closed = files
    reading = read_for_documents(closed, catalogue, TemplateSource(catalogue), None)
    assert reading.refused and "struktūras pogu" in reading.refused[0], reading.refused
    assert _reasons(reading) == ["aizpildītas plāna rindas paslēptas"]


def test_month_data_pasted_into_rows_without_a_service_names_the_cause_and_66_only(
        catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    """A whole column pasted into 6.6's first month (the audit's case): the refusal names the cause first – month data
    in plan rows with no service, as the matrix counts it in its own 6.11 row – and then only 6.6, the one sheet whose
    own inputs fill the hidden rows (6.3, 6.4, 6.7 and 6.10 hold nothing there: the matrix names 6.6 alone)."""
    from generator.workbook.names import line_cells, resolve

    child = make_children(catalogue, 1, seed=17)[0]
    filled = [line for line in child.inputs.lines if line.offer_id][:2]  # shown rows: nothing of them is hidden
    child = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=tuple(filled)))
    written = write_children(catalogue, template, [child], tmp_path / "atverts")[0]
    wb = load_workbook(written.path)
    sheet = resolve(wb.defined_names, "Men_Daudzums").sheet
    cells = line_cells(wb, "Men_Daudzums")
    for line in range(len(filled), len(cells)):  # every other row of the plan: month 1
        row, col = cells[line][0]
        wb[sheet].cell(row, col).value = 1
    pasted = tmp_path / "ielimets.xlsx"
    wb.save(pasted)
    data, problems = read_child(Matrix.open(_closed(pasted, tmp_path / "aizverts.xlsx")), catalogue, strict=False,
                                printed=True)
    assert data is None, problems
    others = len(cells) - len(filled) - 1
    assert problems[0].startswith(f"plāna {len(filled) + 1}. rindā un vēl {others} citās nav pakalpojuma vai daudzuma, "
                                  "bet 6.6. vai 6.10. tabulā ir mēnešu dati"), problems
    assert [p.split(":")[0] for p in problems[1:]] == ["6.6. tabula"], problems
    assert problems[1].startswith(f"6.6. tabula: aizpildītas rindas {plan_row(VISIBLE)}–{plan_row(len(cells) - 1)} "
                                  "ir paslēptas"), problems
