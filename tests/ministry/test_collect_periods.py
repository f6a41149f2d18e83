"""`ibm collect` computes one reporting period (D116) and says when its amounts rest on an unconfirmed base
amount B (D117): a folder mixing periods is refused naming the files and periods; the period and the
provisional status are where the numbers are (console, summary, CSV names)."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY
from generator.ministry.summary_front import ENVELOPE_LABEL
from generator.reference.rounds import period_holding
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, make_children, two_line_child, write_children

ENV = {ENV_KEY: KEY.decode()}


def run(*args: str):
    return CliRunner().invoke(main, ["collect", *args], env=ENV, catch_exceptions=False)


def period_of(catalogue: Catalogue, child: Child):
    return period_holding(catalogue.children_reporting_periods(), child.inputs.period_start)


@pytest.fixture(scope="module")
def pool(catalogue: Catalogue) -> list[Child]:
    return make_children(catalogue, 24, seed=1316)


def two_periods(catalogue: Catalogue, pool: list[Child]) -> tuple[list[Child], list[Child]]:
    first = [c for c in pool if period_of(catalogue, c) == period_of(catalogue, pool[0])]
    other = [c for c in pool if c not in first]
    assert first and other, "the pool must hold plans of both reporting periods"
    return first, other


def test_a_folder_mixing_reporting_periods_is_refused_naming_files_and_periods(
        tmp_path: Path, catalogue: Catalogue, template: Path, pool: list[Child]) -> None:
    first, other = two_periods(catalogue, pool)
    written = write_children(catalogue, template, first[:2] + other[:1], tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(tmp_path / "in"), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert "ir matricas no 2 pārskata periodiem" in message
    for group in (first[:2], other[:1]):
        label = period_of(catalogue, group[0]).label
        files = sorted(w.path.relative_to(tmp_path / "in").as_posix() for w in written
                       if w.index in {c.index for c in group})
        count = "1 matrica" if len(files) == 1 else f"{len(files)} matricas"
        assert f"periods {label} – {count} ({', '.join(files)})" in message, message
    assert "katram pārskata periodam atsevišķi" in message and "nekas netika uzrakstīts" in message
    assert not out.exists() and not (out.parent / FINAL_DIR).exists()


def test_one_child_is_counted_in_the_singular_and_the_default_funding_is_provisional(
        tmp_path: Path, catalogue: Catalogue, template: Path, pool: list[Child]) -> None:
    child = dataclasses.replace(pool[0], inputs=dataclasses.replace(pool[0].inputs, base=None))
    write_children(catalogue, template, [child], tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(tmp_path / "in"), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    label = period_of(catalogue, child).label
    assert f"pārskata periods {label}." in result.output
    # Σ F's line ends „(provizorisks).” – or, with the child's rule errors, says what the CSVs carry after it
    assert "EUR (provizorisks), pārdales fonds" in result.output
    assert re.search(r"\(provizorisks\)( \(CSV failos – [^)]*\))?\.\n", result.output), result.output
    assert ("Uzmanību: finansējums ir bāzes apmērs × bērnu skaits, bet bāzes apmērs B katalogā ir „jāprecizē” kādas "
            "matricas cenu dienā") in result.output
    summary = load_workbook(out)["Kopsavilkums"]
    assert summary["A1"].value == f"IBM galīgo apmēru aprēķins (3. posms, provizoriski) – pārskata periods {label}"
    notes = {summary.cell(r, 1).value: summary.cell(r, 3).value for r in range(4, summary.max_row + 1)}
    envelope_note = notes[ENVELOPE_LABEL]
    assert "× 1 bērns (kataloga bāzes apmērs)" in envelope_note and "PROVIZORISKS" in envelope_note
    # the summary is never signed: its figures stay provisional, and it says where the confirmed ones come from
    # (audit24 F19), in words, with no catalogue file or field path (audit27b F10)
    assert ("apstiprinātos apmērus dos atkārtota „ibm collect” palaišana, kad LM apstiprinātais bāzes apmērs B būs "
            "ierakstīts katalogā (tas pats apmērs; noteicošais ir pēdējais šā apmēra ieraksts līdz savākšanas dienai) "
            "vai finansējums norādīts komandā ar --envelope") in envelope_note
    assert notes["Σ IB galīgais (F), EUR"].startswith("PROVIZORISKI")
    assert [p.name for p in (out.parent / FINAL_DIR).glob("*.csv")] == [
        f"{child.municipality}_{label.replace('–', '-')}_provizoriski.csv"]


def test_a_given_envelope_and_the_ministrys_own_base_make_the_amounts_final(
        tmp_path: Path, catalogue: Catalogue, template: Path, pool: list[Child]) -> None:
    # plans with no rule error and no unconfirmed ceiling: either keeps an F from being final (D268, D269)
    children = [two_line_child(catalogue, i, "ogre", ("3.1.3i", 10, Decimal(20)), Decimal("2800.00")) for i in (0, 1)]
    write_children(catalogue, template, children, tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--envelope", "6000")
    assert result.exit_code == 0, result.output
    assert "provizorisk" not in result.output and "Uzmanību" not in result.output
    assert "provizoriski" not in load_workbook(out)["Kopsavilkums"]["A1"].value
    assert all("provizoriski" not in p.name for p in (out.parent / FINAL_DIR).glob("*.csv"))
    # the same children with the catalogue's unconfirmed B in their P: provisional even with --envelope
    without = [dataclasses.replace(c, inputs=dataclasses.replace(c.inputs, base=None)) for c in children]
    write_children(catalogue, template, without, tmp_path / "in2")
    result = run(str(tmp_path / "in2"), "--out", str(tmp_path / "out2" / "k.xlsx"), "--jobs", "1", "--envelope", "6000")
    assert result.exit_code == 0, result.output
    assert "Uzmanību: provizoriskais apmērs P aprēķināts no bāzes apmēra B" in result.output


def test_a_final_amount_typed_in_the_matrix_that_differs_from_the_computed_one_is_listed(
        tmp_path: Path, catalogue: Catalogue, template: Path, pool: list[Child]) -> None:
    """audit13 F14: the matrix carries LM's F (6.4) and the collection computes another one: LM must see which
    child's decision to update (console and the sheet „Atšķirības”)."""
    first, _ = two_periods(catalogue, pool)
    typed = dataclasses.replace(first[0], inputs=dataclasses.replace(first[0].inputs, final=Decimal("1.00")))
    plain = dataclasses.replace(first[1], inputs=dataclasses.replace(first[1].inputs, final=None))
    written = write_children(catalogue, template, [typed, plain], tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(tmp_path / "in"), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Atšķirības"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4) if row[0].value]
    # audit21 F6, F7: the file as the console names it, a Latvian label and a column named for what it holds
    assert len(rows) == 1 and rows[0][2] == "IB galīgais apmērs (F), EUR" and rows[0][4] == 1.0, rows
    assert rows[0][1] == written[0].path.relative_to(tmp_path / "in").as_posix(), rows
    assert [c.value for c in sheet[3]][2:4] == ["Rādītājs", "Vieta matricā"]
    assert rows[0][3] == "6.4. tabula, šūna E59"  # the cell, as „Noteikumu kļūdas” names it (audit24 F14)
    assert sheet.column_dimensions["D"].width >= 17
    code = rows[0][0]
    final = load_workbook(out, data_only=True)["Bērni"]
    f_column = [c.value for c in final[3]].index("IB galīgais EUR (F)")
    f_cached = next(row[f_column].value for row in final.iter_rows(min_row=4) if row[0].value == code)
    assert rows[0][5] == f_cached != 1.0
    rel = written[0].path.relative_to(tmp_path / "in").as_posix()
    assert (f"Brīdinājums: {rel}: matricā ierakstītais galīgais apmērs F 1,00\u00a0EUR atšķiras no aprēķinātā "
            f"{lvformat.eur(Decimal(str(f_cached)))} – LM lēmums par šī bērna F jāatjauno") in result.output


def test_the_summary_names_each_used_childs_rule_errors(tmp_path: Path, catalogue: Catalogue, template: Path,
                                                        pool: list[Child]) -> None:
    """audit21 F12: a matrix with rule errors is used as entered; the summary names which rules failed and where
    in the matrix (the 6.11 text), not only how many, so that the analyst can judge the child's amounts."""
    first, _ = two_periods(catalogue, pool)
    child = first[0]
    k = next(i for i, line in enumerate(child.inputs.lines) if line.offer_id and line.paid)
    line = child.inputs.lines[k]
    broken = dataclasses.replace(line, paid=(Decimal("10.005"), *line.paid[1:]))
    lines = (*child.inputs.lines[:k], broken, *child.inputs.lines[k + 1:])
    bad = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=lines))
    write_children(catalogue, template, [bad, first[1]], tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(tmp_path / "in"), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    rows = [[c.value for c in row] for row in wb["Noteikumu kļūdas"].iter_rows(min_row=4) if row[0].value]
    cents = [r for r in rows if r[4] == "money_cents" and "mēneša maksājumam" in r[5]]  # the payment made sub-cent
    assert len(cents) == 1, rows
    assert f"{k + 1}. rinda: 1. mēneša maksājumam (6.10. tabulā)" in cents[0][5] and "10,005" in cents[0][5], cents
    # the promised place in the matrix: the cell and 6.11's row, as `ibm documents --from-matrix` names it (audit32a F10)
    assert f"(6.10. tabula, R{9 + k} " in cents[0][5] and "; 6.11. tabulas " in cents[0][5], cents
    # audit24 F18: the rule by its Latvian name, the code beside it in a column of its own
    assert [c.value for c in wb["Noteikumu kļūdas"][3]][3:5] == ["Noteikums", "Kods"]
    assert cents[0][3] == "Summa nav veselos centos" and all(r[3] != r[4] for r in rows), rows
    # audit24 F22: the file and the municipality's name, as „Atšķirības” and the other sheets give them
    rel = (tmp_path / "in" / bad.municipality).relative_to(tmp_path / "in").as_posix()
    assert cents[0][1] == catalogue.municipality(bad.municipality).short_name_lv and cents[0][2].startswith(f"{rel}/"), cents
    assert "kur tā zināma" in wb["Noteikumu kļūdas"]["A2"].value and "lai varētu izvērtēt" in wb["Noteikumu kļūdas"]["A2"].value
    # audit24 F16: the summary counts the payment as the matrix's 6.10 "Kopā" does, ROUND(SUM;2): whole cents
    for sheet, column in (("Bērni", "Samaksāts EUR (6.10. tabula)"), ("Mēnešu dati", "Samaksāts EUR (6.10. tabula)")):
        col = [c.value for c in wb[sheet][3]].index(column)
        paid = [r[col].value for r in wb[sheet].iter_rows(min_row=4) if r[0].value]
        assert paid and all(Decimal(str(v)) == Decimal(str(v)).quantize(Decimal("0.01")) for v in paid), (sheet, paid)
    children = {r[0].value: r for r in wb["Bērni"].iter_rows(min_row=4) if r[0].value}
    errors_col = [c.value for c in wb["Bērni"][3]].index("Kļūdu skaits")
    for code, row in children.items():  # every counted error of every child is listed, each once
        assert sum(1 for r in rows if r[0] == code) == row[errors_col].value, code
