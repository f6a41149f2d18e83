"""D319: a matrix made on or after the day the catalogue puts a 6.8 ceiling confirmed on its prices day back to
„jāprecizē” (the same amount) prints that ceiling as the papers made that day do (D301: the later of the two days):
the row's hidden mark holds the day, its status says „jāprecizē no DD.MM.YYYY” and h_Pak_GriestiNeapst is 1; one made
before that day, and the template the ministry regenerates (no day of making), print it confirmed; the template
comparison and collect's fast scan accept the mark, and the reading of the matrix takes the marked row's line as one
of an unconfirmed ceiling. The recalculated matrix: tests/workbook/test_withdrawn_confirmation.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.ministry.fastread import read_fast
from generator.ministry.integrity import content, differing_cells
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.migrate import Migrator
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxpatch import excel_serial, patch_xlsx
from generator.ministry.xlsxread import read_xlsx
from generator.reference.ceilings_on_day import CEILING_WARNING, CeilingsOnDay
from generator.reference.lines import line_from_offer
from generator.reference.plan_changes import checked_against_ceiling
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook import withdrawn_ceilings
from generator.workbook.inputs import fill
from generator.workbook.layout import Layout
from generator.workbook.version import template_version
from generator.workbook.writer import write_workbook
from tests.plan_changes_catalogue import (
    CEILING_CONFIRMED,
    CEILING_RECONFIRMED,
    CEILING_WITHDRAWN,
    MUNICIPALITIES,
    ceiling_confirmed_catalogue,
    ceiling_reconfirmed_catalogue,
    ceiling_withdrawn_catalogue,
)
from tests.workbook.conftest import recipient_labels

GROUP, INDIVIDUAL = "3.1.2g", "3.1.2i"  # a group session (its ceiling withdrawn) and one without a ceiling
DAYS = {"veidne": None, "pirms": CEILING_WITHDRAWN - dt.timedelta(days=1), "atsaukts": CEILING_WITHDRAWN,
        "velak": CEILING_WITHDRAWN + dt.timedelta(days=20)}


def _row(catalogue: Catalogue, item: str) -> int:
    offers = catalogue.offers(CEILING_CONFIRMED)
    return Layout.cat_first + [o.id for o in offers].index(item)


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return ceiling_withdrawn_catalogue(tmp_path_factory.mktemp("withdrawn-ceiling") / "catalogue")


@pytest.fixture(scope="module")
def made(changed: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("withdrawn-ceiling-made")
    return {name: write_workbook(changed, root / f"{name}.xlsx", None, CEILING_CONFIRMED, made_on=on)
            for name, on in DAYS.items()}


@pytest.mark.parametrize("name, withdrawn", [("veidne", False), ("pirms", False), ("atsaukts", True),
                                              ("velak", True)])
def test_the_status_is_the_papers_of_the_day_it_is_made(changed: Catalogue, made: dict[str, Path], name: str,
                                                         withdrawn: bool) -> None:
    values = load_workbook(made[name], data_only=True)["6.8"]
    group, individual = _row(changed, GROUP), _row(changed, INDIVIDUAL)
    mark = values[f"{withdrawn_ceilings.COLUMN}{group}"].value
    assert (mark is not None) == withdrawn, (name, mark)
    status = values[f"G{group}"].value
    if withdrawn:
        assert status == f"{PriceStatus.to_verify.value} no {lvformat.date(CEILING_WITHDRAWN)}", status
    else:
        assert status == PriceStatus.confirmed.value, status
    assert values[f"T{group}"].value == int(withdrawn)  # h_Pak_GriestiNeapst
    # a row the catalogue never withdraws is as before: its status a text, no mark
    assert values[f"{withdrawn_ceilings.COLUMN}{individual}"].value is None
    formulas = load_workbook(made[name])["6.8"]
    assert formulas[f"G{individual}"].data_type != "f" and formulas[f"G{group}"].data_type == "f"


def test_the_template_comparison_accepts_the_mark_only(made: dict[str, Path], tmp_path: Path) -> None:
    template = content(read_xlsx(made["veidne"]))
    for name in ("pirms", "atsaukts", "velak"):
        assert differing_cells(content(read_xlsx(made[name])), template) == [], name
    # a text in the mark's column is no mark: the comparison names it
    wb = load_workbook(made["veidne"])
    wb["6.8"][f"{withdrawn_ceilings.COLUMN}{withdrawn_ceilings.FIRST_ROW}"] = "apstiprināts"
    wb.save(tmp_path / "teksts.xlsx")
    assert differing_cells(content(read_xlsx(tmp_path / "teksts.xlsx")), template) != []


def test_the_collections_fast_scan_accepts_the_mark(changed: Catalogue, made: dict[str, Path]) -> None:
    expected = TemplateSource(changed).expected(template_version(changed, CEILING_CONFIRMED))
    assert expected is not None and expected.cells is not None
    for name in ("pirms", "atsaukts"):
        fast = read_fast(made[name])
        assert fast is not None and expected.fast_ok(fast), name


def test_the_same_day_makes_the_same_bytes(made: dict[str, Path], tmp_path: Path) -> None:
    again = ceiling_withdrawn_catalogue(tmp_path / "catalogue")
    path = write_workbook(again, tmp_path / "atkal.xlsx", None, CEILING_CONFIRMED, made_on=CEILING_WITHDRAWN)
    assert path.read_bytes() == made["atsaukts"].read_bytes()


def plan(changed: Catalogue) -> WorkbookInputs:
    """One individual session and one group session, both within the matrix's prices (before the group ceiling's
    change): the group session's line is the one whose ceiling is withdrawn."""
    offers = {o.id: o for o in changed.offers(CEILING_CONFIRMED)}
    lines = tuple(line_from_offer(offers[item], 1, unit_price=Decimal("10.00"), expert_rank=1, parent_rank=i + 1,
                                  planned_units=[1]) for i, item in enumerate((INDIVIDUAL, GROUP)))
    return WorkbookInputs(dt.date(2015, 5, 17), CEILING_CONFIRMED, 1, False, "kustību", lines)


def filled(changed: Catalogue, made: Path, out: Path) -> Path:
    wb = load_workbook(made)
    fill(wb, plan(changed), recipient_labels(changed), municipality=MUNICIPALITIES[0])
    wb.save(out)
    return out


@pytest.mark.parametrize("name, withdrawn", [("pirms", False), ("atsaukts", True)])
def test_the_reading_takes_a_marked_line_as_unconfirmed(changed: Catalogue, made: dict[str, Path], tmp_path: Path,
                                                        name: str, withdrawn: bool) -> None:
    child, problems = read_child(Matrix.open(filled(changed, made[name], tmp_path / f"{name}.xlsx")), changed,
                                 strict=False)
    assert child is not None, problems
    flags = {line.offer_id: line.ceiling_unconfirmed for line in child.inputs.lines if line.counted}
    assert flags == {INDIVIDUAL: False, GROUP: withdrawn}, flags


@pytest.mark.parametrize("on, withdrawn", [(CEILING_WITHDRAWN - dt.timedelta(days=1), False),
                                           (CEILING_WITHDRAWN, True)])
def test_migrate_reads_the_status_on_its_day(changed: Catalogue, made: dict[str, Path], tmp_path: Path,
                                              on: dt.date, withdrawn: bool) -> None:
    out = tmp_path / "parnesta.xlsx"
    with Migrator(changed, made_on=on) as migrator:
        migrator.migrate(made["pirms"], out)
    sheet = load_workbook(out)["6.8"]  # (a migrated matrix keeps no computed values: recalculated on opening)
    mark = sheet[f"{withdrawn_ceilings.COLUMN}{_row(changed, GROUP)}"].value
    assert (mark is not None) == withdrawn, mark


@pytest.fixture(scope="module")
def reconfirmed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, dict[str, Path]]:
    """The catalogue confirming the withdrawn ceiling again (CEILING_RECONFIRMED), a plan in a matrix made before the
    withdrawal (unmarked) and in one made on its day (marked)."""
    root = tmp_path_factory.mktemp("reconfirmed-ceiling")
    again = ceiling_reconfirmed_catalogue(root / "catalogue")
    return again, {name: filled(again, write_workbook(again, root / f"{name}-v.xlsx", None, CEILING_CONFIRMED,
                                                      made_on=DAYS[name]), root / f"{name}.xlsx")
                   for name in ("pirms", "atsaukts")}


@pytest.mark.parametrize("on, warned", [(CEILING_WITHDRAWN, True), (CEILING_RECONFIRMED, False)])
def test_a_marked_line_has_the_status_of_the_day(reconfirmed: tuple[Catalogue, dict[str, Path]], on: dt.date,
                                                 warned: bool) -> None:
    """On a later day (the papers' or the collection's, ceilings_on_day.py) a marked matrix's line is warned of as the
    unmarked matrix's: once, with the day it is withdrawn from, while the catalogue has it „jāprecizē” again; not at
    all once it is confirmed again – as the papers made that day print the confirmed figure."""
    catalogue, paths = reconfirmed
    said = {}
    for name, path in paths.items():
        child, problems = read_child(Matrix.open(path), catalogue, strict=False)
        assert child is not None, problems
        findings = evaluate_workbook(child.inputs, child.params(catalogue)).findings
        found = CeilingsOnDay.of(catalogue, child.params_day, on).warnings(findings, child.inputs.lines)
        said[name] = [f.message for f in (*found.kept, *found.added) if f.code == CEILING_WARNING]
        assert not found.confirmed_days, name  # the ceiling was confirmed on the prices day: no „jāprecizē” confirmed
    assert said["atsaukts"] == said["pirms"], said
    assert len(said["pirms"]) == int(warned), said
    if warned:
        assert f"no {lvformat.date(CEILING_WITHDRAWN)}" in said["pirms"][0], said


def test_a_day_on_a_row_the_catalogue_never_withdraws_is_a_changed_cell(tmp_path: Path) -> None:
    """Only a withdrawable item's row reads the mark: a day typed in the column on another row (here an item whose
    confirmed ceiling is checked and never withdrawn) is named by the template comparison and the fast scan refuses
    the file; the reading does not take it for a mark."""
    confirmed = ceiling_confirmed_catalogue(tmp_path / "catalogue")
    offers = confirmed.offers(CEILING_CONFIRMED)
    assert not withdrawn_ceilings.withdrawable(confirmed, CEILING_CONFIRMED)
    other = next(o for o in offers if checked_against_ceiling(o) and o.ceiling_status is PriceStatus.confirmed)
    row = Layout.cat_first + [o.id for o in offers].index(other.id)
    template = write_workbook(confirmed, tmp_path / "veidne.xlsx", None, CEILING_CONFIRMED)
    wb = load_workbook(template)
    line = line_from_offer(other, 1, unit_price=min(other.ceiling, Decimal("10.00")), expert_rank=1, parent_rank=1,
                           planned_units=[1])
    fill(wb, WorkbookInputs(dt.date(2015, 5, 17), CEILING_CONFIRMED, 1, False, "kustību", (line,)),
         recipient_labels(confirmed), municipality=MUNICIPALITIES[0])
    wb["6.8"][f"{withdrawn_ceilings.COLUMN}{row}"] = excel_serial(CEILING_WITHDRAWN)  # as a mark is written
    path = tmp_path / "diena.xlsx"
    wb.save(path)
    differing = differing_cells(content(read_xlsx(path)), content(read_xlsx(template)))
    assert [(sheet, coord) for sheet, coord, _ in differing] == [("6.8", (row, withdrawn_ceilings.COLUMN_NUMBER))]
    # the fast scan (of a file written as the program writes one): the template itself passes, with the day not
    patched = patch_xlsx(template, tmp_path / "veidne-diena.xlsx",
                         {"6.8": {(row, withdrawn_ceilings.COLUMN_NUMBER): excel_serial(CEILING_WITHDRAWN)}},
                         strip_cached=False)
    expected = TemplateSource(confirmed).expected(template_version(confirmed, CEILING_CONFIRMED))
    assert expected is not None
    for file, passes in ((template, True), (patched, False)):
        fast = read_fast(file)
        assert fast is not None and expected.fast_ok(fast) is passes, file.name
    child, problems = read_child(Matrix.open(path), confirmed, strict=False)
    assert child is not None, problems
    assert {ln.offer_id: ln.ceiling_unconfirmed for ln in child.inputs.lines if ln.counted} == {other.id: False}
