"""What `ibm documents --from-matrix` tells the social worker to do next (audit38, D176): a rule error names the
matrix cells and the 6.11 row that show it and, for a plan that is too long, how long it may be; an earlier draft
left in --out is said to be still there and not for signing; the lines repaid to the parent get the parent's monthly
forms (06, and for transport 15 and 16) in the child's folder; the decisions are signed from the DOCX; a set waiting
for B is counted apart; the closing line names the folders as they are named."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.lvformat import eur, number
from generator.reference.lines import line_from_offer
from generator.reference.rounds import add_months, end_of_month, period_holding
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.sheets.technical import rule_row, rules
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import base_unconfirmed, docx_text, write_matrices
from tests.ministry.factory import Child, params

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]
TRANSPORT, MARKET = "2.4", "3.1.2i"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={TRANSPORT: "SIA Taksometrs Paraugs", MARKET: "SIA Ergo Paraugs"})
BUILD_DAY = "01.01.2018"  # before every plan period: nothing has ended


def _offers(catalogue: Catalogue) -> dict:
    return {o.id: o for o in catalogue.offers(template_date(catalogue))}


def _transport_child(catalogue: Catalogue, base: Decimal | None = Decimal("3100.00")) -> Child:
    """Transport for the child (20 EUR at actual cost, repaid to the parent) and ten sessions: no error."""
    offers = _offers(catalogue)
    start = params(catalogue).reporting_periods[0].start
    lines = (line_from_offer(offers[TRANSPORT], 20, unit_price=Decimal(1), planned_units=(10, 10)),
             line_from_offer(offers[MARKET], 10, unit_price=Decimal(20), planned_units=(5, 5)))
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                            special_care=False, impairment="multipli", lines=lines, base=base)
    return Child(0, "ogre", PEOPLE, inputs)


def _too_long_child(catalogue: Catalogue) -> tuple[Child, int, dt.date]:
    """A plan starting two months before its reporting period ends and lasting four: the rule error "Plāna periods
    ir par garu"; with the longest plan that fits (months and last day, counted here by calendar months)."""
    p = params(catalogue)
    period = p.reporting_periods[0]
    start = add_months(period.end.replace(day=1), -1).replace(day=15)
    fits = [m for m in range(1, p.period_months_max + 1) if end_of_month(start, m - 1) <= period.end]
    assert period_holding(p.reporting_periods, start) == period and fits and max(fits) < 4
    child = _transport_child(catalogue)
    offers = _offers(catalogue)
    lines = (line_from_offer(offers[MARKET], 8, unit_price=Decimal(20), planned_units=(2, 2, 2, 2)),)
    inputs = dataclasses.replace(child.inputs, period_start=start, months=4, lines=lines)
    return dataclasses.replace(child, inputs=inputs), max(fits), end_of_month(start, max(fits) - 1)


def _run(*args: str, day: str = BUILD_DAY):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", "--from-matrix", *args, "--day", day],
                              env={"IBM_PSEUDONIMA_ATSLEGA": ""})


def test_a_too_long_plan_names_its_cells_its_6_11_row_and_how_long_it_may_be(catalogue: Catalogue,
                                                                             tmp_path: Path) -> None:
    child, months, last = _too_long_child(catalogue)
    matrix = write_matrices(catalogue, tmp_path, [child])[0].path
    out = tmp_path / "out"
    refused = _run(str(matrix), "--out", str(out))
    assert refused.exit_code == 1, refused.output
    text = normalise(refused.output)
    assert "noteikumu kļūda: Plāna periods ir par garu" in text, text
    index = next(i for i, rule in enumerate(rules("multipli")) if rule[0] == "past_reporting_period")
    assert ("(6.1. tabula, B38 „Perioda pirmā diena”, B39 „Mēnešu skaits periodā”; "
            f"6.11. tabulas {rule_row(index)}. rinda).") in text, text
    word = "mēnesi" if months == 1 else "mēnešus"
    assert (f"Plāns no {child.inputs.period_start:%d.%m.%Y} var ilgt ne vairāk kā {months} {word} "
            f"(līdz {last:%d.%m.%Y}).") in text, text


def test_a_refusal_says_the_earlier_draft_is_still_there_and_not_for_signing(catalogue: Catalogue,
                                                                            tmp_path: Path) -> None:
    """A draft of a matrix with a rule error, then the same matrix refused: the draft folder stays (F7)."""
    matrix = write_matrices(catalogue, tmp_path, [_too_long_child(catalogue)[0]])[0].path
    out = tmp_path / "out"
    drafted = _run(str(matrix), "--out", str(out), "--draft")
    assert drafted.exit_code == 0, drafted.output
    again = _run(str(matrix), "--out", str(out))
    assert again.exit_code == 1, again.output
    assert (f"mapē {out / matrix.stem} palika iepriekšējās palaišanas melnraksts (katrā lapā „MELNRAKSTS”) – to "
            "neparaksta") in normalise(again.output), again.output


def test_the_parent_gets_the_monthly_forms_for_repaid_transport(catalogue: Catalogue, tmp_path: Path) -> None:
    child = _transport_child(catalogue)
    matrix = write_matrices(catalogue, tmp_path, [child])[0].path
    out = tmp_path / "out"
    made = _run(str(matrix), "--out", str(out))
    assert made.exit_code == 0, made.output
    folder = out / matrix.stem
    names = {p.name for p in folder.iterdir()}
    forms = ["06-izdevumu-atmaksas-pieprasijums", "15-marsruta-lapa", "16-sabiedriska-transporta-atskaite"]
    assert {f"{form}.{ext}" for form in forms for ext in ("pdf", "docx")} <= names, names
    label = _offers(catalogue)[TRANSPORT].label
    # 06 names the repaid line with the recomputed IB sum of the plan (all 20 EUR funded: N well under P)
    request = normalise(docx_text(folder / f"{forms[0]}.docx"))
    assert "Atbalsta plāna pakalpojumi, kuru izdevumus atmaksā Vecākam" in request
    # under the header „No IB plāna periodā paredzēts, EUR”: the figure alone
    assert f"1. {label} {normalise(number(Decimal(20)))}" in request and f"{label} {normalise(eur(Decimal(20)))}" not in request
    assert MARKET not in request
    report = (folder / "parskats.txt").read_text("utf-8")
    assert f"Vecākam izsniedz veidlapas šajā mapē: {', '.join(forms)} (iesniedz reizi mēnesī ar čekiem)" in report


def test_the_next_steps_say_to_sign_from_the_docx_and_where_the_folders_are(catalogue: Catalogue,
                                                                           tmp_path: Path) -> None:
    matrix = write_matrices(catalogue, tmp_path, [_transport_child(catalogue)])[0].path
    out = tmp_path / "out"
    made = _run(str(matrix), "--out", str(out))
    assert made.exit_code == 0, made.output
    report = (out / matrix.stem / "parskats.txt").read_text("utf-8")
    # the PDF is signed as printed, without the preparer's sheet; in the DOCX the instructions are deleted first
    # (D161 after audit41 F1; F4)
    sign = "PDF paraksta, kā izdrukāts – tikai lapas „Lapa 1 no …”"
    assert sign in report and sign in made.output, report
    assert "08-lemums-par-pieskirsanu" in report.split(sign)[0].splitlines()[-1], report
    # its notes of marked blanks are Word footnotes (D171) that explain the blanks: they stay
    assert "zemsvītras piezīmes paliek" in report, report
    # the folders are named after the matrix file without a key (F5)
    assert f"Bērnu dokumenti: {out}/‹matricas faila nosaukums vai jaucējkods›/" in made.output


def test_a_set_waiting_for_b_is_counted_apart(catalogue: Catalogue, tmp_path: Path) -> None:
    child = _transport_child(catalogue, base=None)
    if not base_unconfirmed(catalogue, child):
        pytest.skip("the catalogue's base amount B is confirmed: every set is finished")
    matrix = write_matrices(catalogue, tmp_path, [child])[0].path
    made = _run(str(matrix), "--out", str(tmp_path / "out"))
    assert made.exit_code == 0, made.output
    assert "Gatavs: izveidoti 0, gaida B 1, melnraksti 0, atteikti 0." in made.output, made.output
    # parskats.txt says the same as the console (review12 R12-4)
    [report] = (tmp_path / "out").glob("*/parskats.txt")
    assert "Statuss: izveidoti, gaida B\n" in report.read_text("utf-8")
