"""`ibm collect` and two money rules of the plan's round and the previous period:

- a municipality of the children's rounds that is not in the round of the plan's first day (D104, D113) is the
  reference's rule error naming 6.1 B5 and B38, as `ibm documents --from-matrix` refuses it: its CSV row has no F;
- a previous period's matrix whose 6.10 has no payment in any month is no reported execution: its plan is not counted
  as unspent in the pool until the payments are entered (D7), and a warning names it by file and pseudonym with its
  planned IB; a 0 typed in 6.10 is a report, and counts."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.collect import Options, collect
from generator.ministry.collection import UNREPORTED
from generator.ministry.final_status import STATUS_ERRORS
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY, pseudonym
from generator.ministry.summary_front import UNREPORTED_LABEL
from generator.reference.paid_totals import paid_recorded
from generator.reference.planned_ib import plan_ib_part
from generator.workbook.inputs import People
from generator.workbook.names import line_cells
from generator.workbook.writer import write_workbook
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, two_line_inputs, write_children
from tests.workbook.conftest import LATER_ROUND, round_catalogue

ENV = {ENV_KEY: KEY.decode()}


def _cells(wb, name: str) -> list:  # noqa: ANN001
    """The cells of ``name``'s plan lines (a spacer row of D288 left out: a value in it is a changed structure)."""
    sheet, _ = next(iter(wb.defined_names[name].destinations))
    return [wb[sheet].cell(r, c) for line in line_cells(wb, name) for r, c in line]


def test_a_municipality_outside_the_plans_round_gets_no_final_amount(tmp_path: Path) -> None:
    two = round_catalogue(tmp_path / "katalogs")
    later = two.round_by_id[LATER_ROUND[0]]
    pilot = next(r for r in two.rounds if r.id != later.id and r.programme == later.programme)
    outsider = next(m for m in pilot.municipalities if m not in later.municipalities)
    member = later.municipalities[0]
    template = write_workbook(two, tmp_path / "veidne.xlsx")  # the later round's matrix
    base = two_line_inputs(two, ("3.1.3i", 10, Decimal(20)), ("3.1.2i", 10, Decimal(20)))
    start = LATER_ROUND[1]
    inputs = base.__class__(**{**base.__dict__, "period_start": start, "birth_date": dt.date(start.year - 6, 5, 1)})
    children = [Child(i, muni, People(child_name=f"Anna Paraugs {i + 1}", child_code=f"010515-2000{i}",
                                      parent_name="Pēteris Paraugs", social_worker="Līga Piemēra"), inputs)
                for i, muni in enumerate((member, outsider))]
    write_children(two, template, children, tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "in"), "--catalogue", str(two.root), "--out",
                                       str(out), "--jobs", "1", "--no-cache"], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = {}
    for path in (out.parent / FINAL_DIR).glob("*.csv"):
        with path.open(encoding="utf-8-sig") as f:
            rows[path.name.split("_")[0]] = list(csv.DictReader(f, delimiter=";"))
    [outside_row] = rows[outsider]
    assert (outside_row["F"], outside_row["statuss"]) == ("", STATUS_ERRORS), outside_row
    assert rows[member][0]["F"] != "", rows[member]
    findings = [r for r in load_workbook(out)["Noteikumu kļūdas"].iter_rows(min_row=4, values_only=True) if r[0]]
    [(code, _, _, _, rule, text)] = findings
    assert code == pseudonym(KEY, children[1].code) and rule == "municipality_not_in_round", findings
    assert f"Pašvaldība „{outsider}” nepiedalās programmas kārtā „{later.name_lv}”" in text, text
    assert "B5 „Pašvaldība (kods no kataloga)”, B38 „Perioda pirmā diena”" in text, text


def entered(child: Child) -> bool:
    """Whether the factory wrote any payment into the child's 6.10 (a 0 too): ``fill`` leaves a month without one
    empty."""
    return any(line.paid for line in child.inputs.lines)


@pytest.fixture()
def previous_copies(small_folder, tmp_path: Path) -> tuple[Path, Child, Child]:  # noqa: ANN001
    """``small_folder`` (the previous period) copied, one child's 6.10 emptied and another's all 0."""
    folder, children = small_folder
    copy = tmp_path / "ieprieksejais"
    shutil.copytree(folder, copy)
    blank, zero = children[0], children[1]
    for child, value in ((blank, None), (zero, 0)):
        path = copy / child.path.relative_to(folder)
        wb = load_workbook(path)
        for cell in _cells(wb, "Fakt_Summa"):
            cell.value = value
        wb.save(path)
    return copy, blank, zero


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_previous_matrix_without_payments_is_not_counted_as_unspent(previous_copies, later_folder,  # noqa: ANN001
                                                                      small_folder, catalogue: Catalogue,
                                                                      tmp_path: Path) -> None:
    copy, blank, zero = previous_copies
    _, children = small_folder
    result = collect(later_folder[0], catalogue, KEY, Options(previous=copy, jobs=1))
    planned = {c.index: min(plan_ib_part(r.line_ib), r.execution.planned_total)
               for c in children for r in [c.result(catalogue)]}
    assert planned[blank.index] > 0  # or the test proves nothing
    # every payment typed, a void line's too (D385): the random plans hold such lines
    paid = {c.index: paid_recorded(c.inputs, c.result(catalogue).execution).total for c in children}
    # the random plans' own empty 6.10s (no payment written in any month) are left out too
    empty = {blank.index} | {c.index for c in children if c.index != zero.index and not entered(c)}
    counted = [c for c in children if c.index not in empty]
    assert zero in counted and len(counted) >= 2
    fa = result.finals
    assert fa.previous_planned == sum((planned[c.index] for c in counted), Decimal(0))
    assert fa.previous_actual == sum((paid[c.index] for c in counted if c.index != zero.index), Decimal(0))
    assert result.unreported_planned == sum((planned[i] for i in empty), Decimal(0))
    code = pseudonym(KEY, blank.code)
    warnings = [w for w in result.warnings if UNREPORTED in w]
    assert len(warnings) == len(empty), warnings
    [warning] = [w for w in warnings if code in w]
    assert f"(bērns {code}): {UNREPORTED} nevienā mēnesī" in warning, warning
    assert f"plānotais no IB {lvformat.eur(planned[blank.index])} pārdales fondā nav ieskaitīts" in warning, warning
    assert blank.name not in warning and blank.code not in warning
    assert warning in result.file_warnings  # on „Piezīmes par failiem” too
    # the summary: its own row, apart from the pool
    out = tmp_path / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(later_folder[0]), "--out", str(out), "--previous", str(copy),
                                    "--jobs", "1", "--no-cache"], env=ENV, catch_exceptions=False)
    assert run.exit_code == 0, run.output
    said = " ".join(run.output.split())
    assert f"(bērns {code}): {UNREPORTED}" in said, said
    front = load_workbook(out)["Kopsavilkums"]
    shown = {front.cell(r, 1).value: front.cell(r, 2).value for r in range(4, front.max_row + 1)}
    assert Decimal(str(shown[UNREPORTED_LABEL])) == result.unreported_planned
    # neutral words for a round that is not the pilot: the funding row and the total of the municipalities
    assert "Programmas kārtas finansējums periodam, EUR" in shown
    book = load_workbook(out)
    labels = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows(max_col=1) for c in row)
    # the collected round is named from its data (fix39h) – the pilot's own name says „izmēģinājumprojekts”
    for programme_round in catalogue.rounds:
        labels = labels.replace(programme_round.name_lv, "")
    assert "zmēģinājumprojekt" not in labels, labels


def test_the_envelope_help_names_the_rounds_funding() -> None:
    said = " ".join(CliRunner().invoke(main, ["collect", "--help"]).output.split())
    assert "--envelope EUR Programmas kārtas finansējums periodam" in said and "zmēģinājumprojekt" not in said, said
