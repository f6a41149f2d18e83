"""`ibm collect` lists each D148 warning (a session, course or euro line alone above P) with the file, the line, its
amount, P and N on the sheet „Brīdinājumi”: the line's amount is in N and so in the pool split (D7; audit31 F4)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.lvformat import eur
from generator.ministry.pseudonym import pseudonym
from generator.ministry.rule_names import rule_name
from tests.documents.conftest import normalise
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, make_children, write_children

SESSIONS = ("reize", "kurss")


def session_line_above_p(child: Child) -> Child | None:
    """The child with its first session or course line at 200 units a month: alone above any P (D148)."""
    lines = list(child.inputs.lines)
    for i, line in enumerate(lines):
        if line.unit in SESSIONS and line.offer_id and line.unit_price > 0:
            months = child.inputs.months
            lines[i] = dataclasses.replace(line, units=Decimal(200 * months), planned_units=tuple(
                [Decimal(200)] * months) if line.planned_units else ())
            return dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=tuple(lines)))
    return None


def test_collect_lists_each_line_above_p(catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    children = make_children(catalogue, 8, seed=148, one_period=True)
    broken = next(c for c in map(session_line_above_p, children) if c)
    plain = next(c for c in children if c.index != broken.index and not any(
        f.code == "line_above_provisional" for f in c.result(catalogue).findings))
    written = write_children(catalogue, template, [broken, plain], tmp_path / "in")
    result = broken.result(catalogue)
    above = [f for f in result.findings if f.code == "line_above_provisional" and f.counts]
    assert above, result.findings
    out = tmp_path / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--no-cache"],
                             env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert run.exit_code == 0, run.output
    wb = load_workbook(out)
    assert wb.sheetnames.index("Brīdinājumi") == wb.sheetnames.index("Noteikumu kļūdas") + 1
    sheet = wb["Brīdinājumi"]
    assert [c.value for c in sheet[3]] == ["Bērna kods", "Pašvaldība", "Fails", "Brīdinājums", "IB provizoriskais EUR (P)",
                                           "IB nepieciešamais EUR (N)", "Apraksts"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4) if row[0].value]
    # each with its place in the matrix in brackets, as `ibm documents --from-matrix` names it (audit32a F10)
    assert len(rows) == len(above), rows
    for (*_, text), f in zip(rows, above, strict=True):
        assert text.startswith(f.message.removesuffix(".") + " (6.3. tabula, G"), (text, f.message)
        assert "6.8. tabula, I" in text and text.endswith(". rinda).") and "; 6.11. tabulas " in text, text
    for code, muni, shown, name, p, n, text in rows:
        assert code == pseudonym(KEY, broken.code) and muni == catalogue.municipality(broken.municipality).short_name_lv
        assert shown == written[0].path.relative_to(tmp_path / "in").as_posix()
        assert name == rule_name("line_above_provisional")
        assert Decimal(str(p)) == result.provisional and Decimal(str(n)).quantize(Decimal("0.01")) == result.needed
        assert f"P {eur(result.provisional)}" in text and "rindas summa" in text
    # the errors sheet keeps only errors, the children's warning count is unchanged
    assert not [r for r in wb["Noteikumu kļūdas"].iter_rows(min_row=4, values_only=True)
                if r[4] == "line_above_provisional"]
    said = normalise(run.output)
    assert len(above) == 2  # the session line set to 200 and a line of the generated plan already above P
    assert ("Brīdinājums: 1 izmantotajā matricā ir 2 plāna rindas, kurām katrai summa viena pati pārsniedz P; tās "
            "ieskaitītas N un ietekmē pārdali – katra rinda lapā „Brīdinājumi”.") in said, said
    # the summary page counts them as it counts the rule errors, and says where they are listed (leftovers item 1)
    page = {r[0].value: (r[1].value, r[2].value) for r in wb["Kopsavilkums"].iter_rows(min_row=4) if r[0].value}
    labels = list(page)
    assert labels.index("To brīdinājumu skaits, kas maina N") == labels.index("Noteikumu kļūdu skaits izmantotajās matricās") + 1
    assert page["To brīdinājumu skaits, kas maina N"] == (len(above), "1 matricā; plāna rindas summa viena pati pārsniedz P un "
                                                            "ir ieskaitīta N; katra rinda lapā „Brīdinājumi”")


def test_summary_and_console_count_the_same_lines(catalogue: Catalogue, template: Path, tmp_path: Path) -> None:
    """Two matrices with a line above P and one without: the summary's count, the console line and the sheet agree."""
    children = make_children(catalogue, 10, seed=148, one_period=True)
    # each with a counted line above P (a generated plan's P may leave the session line below it)
    broken = [c for c in map(session_line_above_p, children) if c and any(
        f.code == "line_above_provisional" and f.counts for f in c.result(catalogue).findings)][:2]
    plain = next(c for c in children if c.index not in {b.index for b in broken} and not any(
        f.code == "line_above_provisional" for f in c.result(catalogue).findings))
    assert len(broken) == 2
    write_children(catalogue, template, [*broken, plain], tmp_path / "in")
    lines = sum(1 for b in broken for f in b.result(catalogue).findings
                if f.code == "line_above_provisional" and f.counts)
    assert lines >= 2
    out = tmp_path / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--no-cache"],
                             env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert run.exit_code == 0, run.output
    wb = load_workbook(out)
    listed = [r for r in wb["Brīdinājumi"].iter_rows(min_row=4, values_only=True) if r[0]]
    page = {r[0].value: (r[1].value, r[2].value) for r in wb["Kopsavilkums"].iter_rows(min_row=4) if r[0].value}
    assert page["To brīdinājumu skaits, kas maina N"] == (lines, "2 matricās; plāna rindas summa viena pati pārsniedz P un ir "
                                                       "ieskaitīta N; katra rinda lapā „Brīdinājumi”")
    assert len(listed) == lines
    said = normalise(run.output)
    assert (f"Brīdinājums: 2 izmantotajās matricās ir {lines} plāna rindas, kurām katrai summa viena pati pārsniedz P; "
            "tās ieskaitītas N un ietekmē pārdali – katra rinda lapā „Brīdinājumi”.") in said, said
