"""`ibm documents --from-matrix`: parskats.txt's head names the folder (and, with the key, the pseudonym), never a
file name under "Bērna kods" (audit28 F2); a draft's check lines are for the papers made again, not for signing
(audit28 F7); a plan that may be a next one (after the first service day; in the first-plan round after the first
reporting period, audit27 F4) reminds that a contract with the parent may already exist (audit28 F10, D151)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents import terms
from generator.documents.from_matrix import signing
from generator.documents.from_matrix.context import build
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import write_matrices
from tests.documents.test_from_matrix_ib_share import _markets, _reading
from tests.ministry.factory import Child, params

MARKET, TRANSPORT = "3.1.2i", "2.4"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={MARKET: "SIA Ergo Paraugs", TRANSPORT: "SIA Taksometrs Paraugs"})
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended
KEY = "testa-atslega-tikai-testiem-0123456789"
NEXT_PLAN = "tāpēc tas var būt bērna nākamais atbalsta plāns"


def _child(catalogue: Catalogue, *, later: bool = False, transport: bool = False) -> Child:
    """One market line, 2 months from the round's first service day (``later``: from its second reporting period);
    ``transport``: 120 EUR transport at actual cost above its share, without a justification (a draft only)."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    periods = params(catalogue).reporting_periods
    start = periods[1 if later else 0].start
    lines = (line_from_offer(offers[MARKET], 10, unit_price=Decimal(20), planned_units=(5, 5)),)
    if transport:
        lines += (line_from_offer(offers[TRANSPORT], 120, unit_price=Decimal(1), planned_units=(60, 60)),)
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                            special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))
    return Child(0, "ogre", PEOPLE, inputs)


def _run(matrix: Path, out: Path, *more: str, key: str = ""):  # noqa: ANN202 - click's Result
    return CliRunner().invoke(main, ["documents", "--from-matrix", str(matrix), "--out", str(out), "--day", BUILD_DAY,
                                     *more], env={"IBM_PSEUDONIMA_ATSLEGA": key})


@pytest.mark.slow
@pytest.mark.usefixtures("pdf_stand_ins")
@pytest.mark.parametrize("key", ["", KEY])
def test_the_report_names_the_folder_and_the_pseudonym_never_a_child_code(catalogue: Catalogue, tmp_path: Path,
                                                                         key: str) -> None:
    [child] = write_matrices(catalogue, tmp_path, [_child(catalogue)])
    run = _run(child.path, tmp_path / "out", key=key)
    assert run.exit_code == 0, run.output
    [folder] = (tmp_path / "out").iterdir()
    head = (folder / "parskats.txt").read_text("utf-8").splitlines()
    assert "Bērna kods" not in "\n".join(head)
    assert head[0] == f"Mape: {folder.name}"
    if key:
        assert folder.name != child.path.stem and head[1] == f"Pseidonīms: {folder.name}"
        assert head[2].startswith("Statuss: ")
    else:
        assert folder.name == child.path.stem and head[1].startswith("Statuss: ")


@pytest.mark.slow
@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_drafts_check_lines_are_for_the_papers_made_again(catalogue: Catalogue, tmp_path: Path) -> None:
    [child] = write_matrices(catalogue, tmp_path, [_child(catalogue, later=True, transport=True)])
    assert _run(child.path, tmp_path / "refused").exit_code == 1  # transport above its share: an error
    run = _run(child.path, tmp_path / "out", "--draft")
    assert run.exit_code == 0, run.output
    assert "MELNRAKSTS" in run.output
    checks = [line for line in run.output.splitlines() if "pārbaudiet" in line]
    assert checks and all(f": {signing.DRAFT_CONSOLE} " in line for line in checks), run.output
    assert "pirms parakstīšanas" not in run.output
    report = (tmp_path / "out" / child.path.stem / "parskats.txt").read_text("utf-8")
    assert f"\n{signing.DRAFT_HEADING}\n" in report and signing.HEADING not in report
    assert NEXT_PLAN in report.split(signing.DRAFT_HEADING, 1)[1]


@pytest.mark.slow
@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_later_plan_reminds_of_the_existing_parent_contract_once(catalogue: Catalogue, tmp_path: Path) -> None:
    [child] = write_matrices(catalogue, tmp_path, [_child(catalogue, later=True)])
    run = _run(child.path, tmp_path / "out")
    assert run.exit_code == 0, run.output
    on_screen = [line for line in run.output.splitlines() if NEXT_PLAN in line]
    assert len(on_screen) == 1 and f": {signing.CONSOLE} plāns sākas " in on_screen[0], run.output
    report = (tmp_path / "out" / child.path.stem / "parskats.txt").read_text("utf-8")
    section = report.split(f"\n{signing.HEADING}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    text = on_screen[0].split(f"{signing.CONSOLE} ", 1)[1]
    assert [line for line in section if NEXT_PLAN in line] == [f"  - {text[0].upper()}{text[1:]}"]


def test_the_next_plan_line_is_shown_only_after_the_first_reporting_period(catalogue: Catalogue) -> None:
    """D151: a plan from the round's first service day is the child's first in the round. In the round with the
    first-plan rule (D127: the first plan ends with the first reporting period) no plan that starts within that period
    can be a next one – the round's own first plan of five months starts a month after the first service day, as the
    site's example shows it (audit27 F4) –, so the reminder starts the day after the period."""
    from generator.site.examples import timing

    child = build(_reading(catalogue, [(_markets(catalogue)[0], Decimal("20"), "SIA Viens", None)]), catalogue,
                  pseudonymous=False)
    first_day = terms.plan_round(catalogue, child.round_id).paid_from
    first_period = catalogue.children_reporting_periods()[0]
    assert child.start_day == first_day == first_period.start
    assert terms.plan_round(catalogue, child.round_id).first
    example_start = timing(catalogue).start
    assert first_day < example_start < first_period.end  # the site's first plan does not start on the first day
    for start in (first_day, example_start, first_day + dt.timedelta(days=1), first_period.end):
        assert signing.next_plan_line(catalogue, dataclasses.replace(child, start_day=start)) is None, start
    later = dataclasses.replace(child, start_day=first_period.end + dt.timedelta(days=1))
    line = signing.next_plan_line(catalogue, later)
    assert line is not None
    assert line.startswith(f"plāns sākas {later.start_day:%d.%m.%Y}, pēc kārtas pirmā pārskata perioda "
                           f"({first_period.start:%d.%m.%Y}–{first_period.end:%d.%m.%Y}), {NEXT_PLAN}")
    assert "otru līgumu (01-ligums-ar-vecaku) neslēdz" in line and "(08-lemums-par-pieskirsanu)" in line
    assert "pielikumus esošajam līgumam (01-pielikumi-esosajam-ligumam)" in line, line
    assert signing.next_plan_line(catalogue, dataclasses.replace(later, round_id=None)) is None


def test_in_a_round_without_the_first_plan_rule_the_next_plan_line_follows_the_first_service_day(
        later_catalogue: Catalogue) -> None:
    """D151 in a later round (no first-plan rule, D113): any plan that does not start on the round's first service
    day may be the child's next one."""
    from tests.workbook.conftest import LATER_ROUND

    round_ = terms.plan_round(later_catalogue, LATER_ROUND[0])
    assert round_ is not None and not round_.first
    child = build(_reading(later_catalogue, [(_markets(later_catalogue)[0], Decimal("20"), "SIA Viens", None)]),
                  later_catalogue, pseudonymous=False)
    assert (child.round_id, child.start_day) == (round_.round_id, round_.paid_from)  # template_date: its first day
    assert signing.next_plan_line(later_catalogue, child) is None
    later = dataclasses.replace(child, start_day=round_.paid_from + dt.timedelta(days=1))
    line = signing.next_plan_line(later_catalogue, later)
    assert line is not None and line.startswith(
        f"plāns sākas {later.start_day:%d.%m.%Y}, nevis kārtas pirmajā pakalpojumu dienā "
        f"{round_.paid_from:%d.%m.%Y}, {NEXT_PLAN}")
