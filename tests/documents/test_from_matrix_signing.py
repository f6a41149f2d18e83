"""`ibm documents --from-matrix`: what the worker checks before signing (D71, D72). Every warning of the matrix is on
the console and in parskats.txt with the reference's text and whether the matrix confirms it; transport above its
share without a justification is refused like an error (a draft with --draft); per provider, only one of 02 and 03
is signed; an unconfirmed base amount B is said first, and no provider papers are made until it is confirmed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.signing import NOTE_AFTER_BRACKET, UNAPPROVABLE
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.rules import APPROVED
from generator.reference.workbook import BASE_CELL, WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import write_matrices
from tests.ministry.factory import Child, params

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]  # PDFs: which are made, not their text
TRANSPORT, MARKET, ASSISTANT, COMPANION = "2.4", "3.1.2i", "2.2", "2.1"
PROVIDERS = {TRANSPORT: "SIA Taksometrs Paraugs", MARKET: "SIA Ergo Paraugs", ASSISTANT: "Biedrība Palīgs Paraugs",
             COMPANION: "Biedrība Palīgs Paraugs"}
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers=PROVIDERS)
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended
REASON = "Tuvākais fizioterapeits ir 60 km attālumā no dzīvesvietas."
HEADING = "Pirms parakstīšanas pārbaudiet:"


def _child(catalogue: Catalogue, *, reason: str | None = None, base: Decimal | None = Decimal("3100.00")) -> Child:
    """Transport 120 EUR at actual cost next to 200 EUR of sessions and an assistant with a companion (services
    not received at the same time, D10): transport is 37 % of A, above its share (D9)."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    start = params(catalogue).reporting_periods[0].start
    lines = (line_from_offer(offers[TRANSPORT], 120, unit_price=Decimal(1), planned_units=(60, 60)),
             line_from_offer(offers[MARKET], 10, unit_price=Decimal(20), planned_units=(5, 5)),
             line_from_offer(offers[ASSISTANT], 2, unit_price=Decimal(5), planned_units=(1, 1)),
             line_from_offer(offers[COMPANION], 2, unit_price=Decimal(5), planned_units=(1, 1)))
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                            special_care=False, impairment="multipli", lines=lines, base=base,
                            transport_override=reason)
    return Child(0, "ogre", PEOPLE, inputs)


def _run(matrix: Path, out: Path, *more: str):  # noqa: ANN202 - click's Result
    return CliRunner().invoke(main, ["documents", "--from-matrix", str(matrix), "--out", str(out), "--day", BUILD_DAY,
                                     *more], env={"IBM_PSEUDONIMA_ATSLEGA": ""})


def _warnings(catalogue: Catalogue, child: Child) -> list:
    return [f for f in child.result(catalogue).findings if f.severity is Severity.warning]


def test_transport_above_its_share_without_a_reason_is_refused_or_drafted(catalogue: Catalogue,
                                                                          tmp_path: Path) -> None:
    child = write_matrices(catalogue, tmp_path, [_child(catalogue)])[0]
    result = child.result(catalogue)
    # one error, the matrix's and the reference's alike (D371)
    assert result.errors == 1 and any(f.code == "transport_share" and f.counts and f.severity is Severity.error
                                      for f in result.findings)
    refused = _run(child.path, tmp_path / "out")
    assert refused.exit_code == 1, refused.output
    assert "atteikts (ar --draft var izveidot melnrakstu)" in refused.output
    assert "transporta daļa bez pamatojuma: Transporta pakalpojumiem no IB paredzēti" in refused.output
    assert "„Pamatojums, ja transporta daļa pārsniedz robežu”" in refused.output
    assert "atteikumu iemesli: transporta daļa bez pamatojuma – 1" in refused.output
    assert not (tmp_path / "out" / child.path.stem).exists()
    drafted = _run(child.path, tmp_path / "draft", "--draft")
    assert drafted.exit_code == 0, drafted.output
    assert "MELNRAKSTS" in drafted.output
    report = (tmp_path / "draft" / child.path.stem / "parskats.txt").read_text("utf-8")
    assert "Matricas kļūdas:\n  transporta daļa bez pamatojuma: Transporta pakalpojumiem" in report


def test_every_warning_and_the_reason_reach_the_console_and_the_report(catalogue: Catalogue, tmp_path: Path) -> None:
    child = write_matrices(catalogue, tmp_path, [_child(catalogue, reason=REASON)])[0]
    warnings = _warnings(catalogue, child)
    codes = {f.code for f in warnings}
    assert {"transport_share", "incompatible"} <= codes and child.result(catalogue).errors == 0
    run = _run(child.path, tmp_path / "out")
    assert run.exit_code == 0, run.output
    folder = tmp_path / "out" / child.path.stem
    report = (folder / "parskats.txt").read_text("utf-8")
    section = report.split(f"\n{HEADING}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    for finding in warnings:
        if finding.code == "base_differs":  # the ministry's B, not the catalogue's (D257): listed without its
            # typed place (the place follows in the note) and with a capital, as the papers list each warning
            said = finding.message.removeprefix(f"{BASE_CELL}: ")
            finding = dataclasses.replace(finding, message=said[:1].upper() + said[1:])
        # the note in brackets stands inside the sentence, before its full stop (audit12)
        shown = [line for line in section if finding.message.rstrip(".") in line]
        assert len(shown) == 1, (finding.message, section)
        unapprovable = finding.code in UNAPPROVABLE  # nothing in the matrix approves it: no note (audit19 F27)
        if unapprovable:  # … only where it is seen in the matrix (places.py)
            # a sentence ending in a bracket gets its note after a dash (with_note)
            bracket = finding.message.rstrip(".").endswith(")")
            assert finding.message.rstrip(".") + (NOTE_AFTER_BRACKET if bracket else " (") in shown[0], shown[0]
            assert "(matricā" not in shown[0], shown[0]
            assert " tabula, " in shown[0] and shown[0].endswith(". rinda." if bracket else ". rinda)."), shown[0]
        else:
            assert shown[0].endswith(").") == finding.message.endswith("."), shown[0]
        on_screen = finding.message.split(APPROVED, 1)[0].rstrip(".")
        console = [line for line in run.output.splitlines() if on_screen in line]
        assert len(console) == 1 and "pārbaudiet pirms parakstīšanas" in console[0], run.output
        confirmed = "(apstiprināts matricā" in shown[0]
        assert confirmed == finding.overridden
        assert ("(matricā nav apstiprināts; " in shown[0]) == (not confirmed and not unapprovable)
        assert "6.11. tabulas " in shown[0], shown[0]  # every warning names 6.11's row of its check
    (transport,) = [line for line in section if "Transporta pakalpojumiem" in line]
    assert REASON.rstrip(".") in transport and "apstiprināts matricā" in transport
    # the console never shows free text typed in the matrix, nor the child's name
    assert REASON not in run.output and "Žanete" not in run.output and "Paraugs" not in run.output, run.output


def test_only_one_of_contract_and_guarantee_letter_per_provider(catalogue: Catalogue, tmp_path: Path) -> None:
    child = write_matrices(catalogue, tmp_path, [_child(catalogue, reason=REASON)])[0]
    run = _run(child.path, tmp_path / "out")
    assert run.exit_code == 0, run.output
    folder = tmp_path / "out" / child.path.stem
    report = (folder / "parskats.txt").read_text("utf-8")
    parts = sorted({p.stem.split("-", 4)[-1] for p in folder.glob("02-*.pdf")})
    assert parts and parts == sorted({p.stem.split("-", 3)[-1] for p in folder.glob("03-*.pdf")})
    for part in parts:
        line = (f"vai nu līgumu (02-ligums-ar-sniedzeju-{part}), vai garantijas vēstuli "
                f"(03-garantijas-vestule-{part}), ne abus")
        assert sum(line in x for x in report.splitlines()) == 1, report
    assert "Sniedzējam Nr. 1 (SIA Ergo Paraugs) paraksta vai nu līgumu (02-ligums-ar-sniedzeju-1)" in report
    # on the console once, without the providers' names
    reminder = [x for x in run.output.splitlines() if x.endswith("ne abus (sniedzēji – parskats.txt)")]
    assert len(reminder) == 1 and "Paraugs" not in run.output, run.output


@pytest.mark.parametrize("copied", [False, True])
def test_an_unconfirmed_base_is_said_first_and_no_provider_papers_are_made(catalogue: Catalogue, tmp_path: Path,
                                                                           copied: bool) -> None:
    """An empty B, or the catalogue's „jāprecizē” B copied into 6.11 (D257: no B of LM's, review33 F2)."""
    base = catalogue.programme.base_amount.at(template_date(catalogue))
    assert base.status.value == "jāprecizē"
    unconfirmed = _child(catalogue, reason=REASON, base=Decimal(base.value) if copied else None)
    child = write_matrices(catalogue, tmp_path, [unconfirmed])[0]
    run = _run(child.path, tmp_path / "out")
    assert run.exit_code == 0, run.output
    folder = tmp_path / "out" / child.path.stem
    report = (folder / "parskats.txt").read_text("utf-8").splitlines()
    first = ("VISPIRMS: Bāzes apmērs B nav apstiprināts: ierakstiet Labklājības ministrijas apstiprināto B matricas "
             "6.11. tabulā un izveidojiet dokumentus vēlreiz")
    assert report[3].startswith(first) and "(02-ligums-ar-sniedzeju)" in report[3], report
    console = [line for line in run.output.splitlines() if not line.endswith(": veido dokumentus …")]
    assert console[0].startswith(f"1/1 {child.path.stem} ({child.path.as_posix()}): {first}"), run.output
    assert not list(folder.glob("0[23]-*")), sorted(p.name for p in folder.iterdir())
    assert (folder / "01-ligums-ar-vecaku.pdf").exists() and (folder / "08-lemums-par-pieskirsanu.pdf").exists()
    assert "ne abus" not in "\n".join(report)
    # with the ministry's B in 6.11 the same plan gets its provider papers and no such line
    confirmed = dataclasses.replace(unconfirmed, index=1)
    child = write_matrices(catalogue, tmp_path / "b", [dataclasses.replace(
        confirmed, inputs=dataclasses.replace(confirmed.inputs, base=Decimal("3100.00")))])[0]
    run = _run(child.path, tmp_path / "out-b")
    assert run.exit_code == 0 and "VISPIRMS" not in run.output, run.output
    assert list((tmp_path / "out-b" / child.path.stem).glob("02-*.pdf"))


def test_a_final_amount_above_the_needed_one_is_refused_naming_its_cell(catalogue: Catalogue, tmp_path: Path) -> None:
    """D7: LM sets F no higher than N; a typed F above N (N > P) would grant more than the plan costs."""
    small = _child(catalogue, reason=REASON, base=Decimal("100.00"))
    over = dataclasses.replace(small, inputs=dataclasses.replace(small.inputs, final=Decimal("340.01")))
    result = over.result(catalogue)
    assert result.needed == Decimal("340.00") > result.provisional
    child = write_matrices(catalogue, tmp_path, [over])[0]
    run = _run(child.path, tmp_path / "out")
    assert run.exit_code == 1, run.output
    # the cell named from the file's IB_Galigais with the label beside it, and 6.11's row (places.py)
    assert ("noteikumu kļūda: F 340,01\u00a0EUR pārsniedz nepieciešamo apmēru N 340,00\u00a0EUR") in run.output
    assert "(6.4. tabula, E59 „IB galīgais apmērs F (nosaka LM; tukšs, kamēr nav noteikts)”; 6.11. tabulas " \
        in run.output, run.output
    assert not (tmp_path / "out" / child.path.stem).exists()


@pytest.mark.parametrize("base", [None, Decimal("3100.00")])
def test_p_on_an_unconfirmed_base_is_no_figure_in_the_report_or_on_the_console(catalogue: Catalogue, tmp_path: Path,
                                                                                base: Decimal | None) -> None:
    """review7 R7-1: one line above P (D148) while B is unconfirmed: parskats.txt and the console say P is a blank
    worked out from the unconfirmed B, as annex 2 prints it – no P figure; with the ministry's B the figure is back."""
    child = _child(catalogue, base=base)
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    big = line_from_offer(offers[MARKET], 1000, unit_price=Decimal(20), planned_units=(500, 500))
    child = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=(big,)))
    [above] = [f for f in _warnings(catalogue, child) if f.code == "line_above_provisional"]
    figure = above.message.split("apmēru P ", 1)[1].split(";", 1)[0]
    written = write_matrices(catalogue, tmp_path, [child])[0]
    run = _run(written.path, tmp_path / "out", "--draft")
    assert run.exit_code in (0, 1), run.output
    report = (tmp_path / "out" / written.path.stem / "parskats.txt").read_text("utf-8")
    blank = "apmēru P ______ EUR (P aprēķināts ar vēl neapstiprināto bāzes apmēru B); pārbaudiet"
    for text in (report, run.output):
        text = text.replace("\xa0", " ")
        assert "viena pati pārsniedz bērna IB provizorisko apmēru P" in text, text
        if base is None:
            assert blank in text and figure.replace("\xa0", " ") not in text, text
        else:
            assert blank not in text and f"apmēru P {figure}".replace("\xa0", " ") in text, text
