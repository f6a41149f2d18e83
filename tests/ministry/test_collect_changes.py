"""A second `ibm collect` into the same --out says what the new result changes against the one it replaces (D362):
children added, removed and changed by pseudonym with their P, N, A, F and status, each municipality's Σ F, the
funding and Σ F of all – on the console and on the summary's sheet „Izmaiņas pret iepriekšējo”. Before, the earlier
result was replaced silently („Aizvieto iepriekšējos rezultātus”): a child left out of the input vanished from the
municipality's CSV and nothing said so. A first collection says nothing of it; an earlier result that cannot be read
is said in one line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ministry.changes import (
    ADDED,
    CHANGED,
    REMOVED,
    SHEET_CHANGES,
    ChildRow,
    Earlier,
    compare,
    console_lines,
    signed,
)
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY, pseudonym
from tests.ministry.conftest import KEY
from tests.ministry.factory import copy_into_folders

NBSP = "\u00a0"


def run(*args: str):
    return CliRunner().invoke(main, ["collect", *args, "--jobs", "1", "--no-cache"], env={ENV_KEY: KEY.decode()})


def changes_rows(summary: Path) -> list[tuple]:
    wb = openpyxl.load_workbook(summary)
    assert SHEET_CHANGES in wb.sheetnames, wb.sheetnames
    return [r for r in wb[SHEET_CHANGES].iter_rows(min_row=4, values_only=True)]


def lines_of(output: str) -> list[str]:
    return [line.replace(NBSP, " ") for line in output.splitlines()]


@pytest.fixture
def two_runs(tmp_path: Path, small_folder):
    """The first collection (children 0–3) and the second (children 1–4: child 0 removed, child 4 added), each with
    its own --envelope, so that F moves for the children in the redistribution."""
    _, children = small_folder
    first = copy_into_folders(children[:4], tmp_path / "in1")
    second = copy_into_folders(children[1:5], tmp_path / "in2")
    out = tmp_path / "darbs" / "k.xlsx"
    one = run(str(first), "--out", str(out), "--envelope", "20000")
    assert one.exit_code == 0, one.output
    two = run(str(second), "--out", str(out), "--envelope", "9000")
    assert two.exit_code == 0, two.output
    return children, one, two, out


def test_a_first_collection_says_nothing_of_changes_and_a_same_day_rerun_keeps_its_bytes(tmp_path: Path,
                                                                                        small_folder) -> None:
    _, children = small_folder
    folder = copy_into_folders(children[:3], tmp_path / "in")
    out = tmp_path / "darbs" / "k.xlsx"
    first = run(str(folder), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "Izmaiņas" not in first.output and "aizstāto" not in first.output, first.output
    assert SHEET_CHANGES not in openpyxl.load_workbook(out).sheetnames
    before = out.read_bytes()
    again = run(str(folder), "--out", str(out))
    assert again.exit_code == 0, again.output
    said = [line for line in lines_of(again.output) if "aizstāto rezultātu" in line]
    assert said == [f"Salīdzinājumā ar aizstāto rezultātu (kopsavilkums sagatavots {dt.date.today():%d.%m.%Y}) nekas "
                    "nav mainījies: tie paši bērni, apmēri, statusi un finansējums."], again.output
    assert out.read_bytes() == before  # nothing changed: no sheet of changes, the same bytes (README)


def test_a_removed_an_added_and_a_changed_child_are_said_per_municipality(two_runs) -> None:
    children, _, two, out = two_runs
    lines = lines_of(two.output)
    head = [line for line in lines if line.startswith("Izmaiņas salīdzinājumā ar aizstāto rezultātu")]
    assert len(head) == 1, two.output
    assert "finansējums 20 000,00 EUR → 9 000,00 EUR (−11 000,00 EUR)" in head[0], head[0]
    assert f"lapā „{SHEET_CHANGES}”" in head[0]
    rows = changes_rows(out)
    by_code = {r[1]: r for r in rows}  # columns: municipality, code, change, F before, F now, F change, statuses, …
    removed, added = pseudonym(KEY, children[0].code), pseudonym(KEY, children[4].code)
    assert by_code[removed][2] == REMOVED and by_code[removed][4] is None and by_code[removed][3] is not None
    assert by_code[added][2] == ADDED and by_code[added][3] is None and by_code[added][4] is not None
    changed = [r for r in rows if str(r[2]).startswith(CHANGED)]
    assert changed, rows  # the smaller funding moves F of the children in the redistribution
    for r in changed:
        assert "F" in r[2] and r[3] != r[4] and r[5] == pytest.approx(r[4] - r[3])
    # each municipality with a change has its line on the console and its total row on the sheet
    munis = {r[0] for r in rows if r[1] not in ("kopā", "finansējums")}
    for muni in munis:
        line = [x for x in lines if x.startswith(f"  {muni}: ")]
        assert len(line) == 1 and "Σ F " in line[0], (muni, two.output)
        total = [r for r in rows if r[0] == muni and r[1] == "kopā"]
        assert len(total) == 1, rows
    # Σ F before and after as the two summaries' own totals say it
    all_row = [r for r in rows if r[0] == "Visas pašvaldības" and r[1] == "kopā"][0]
    sigma = [line for line in lines if line.startswith("Izmantotas")][0]
    after = Decimal(sigma.split("Σ F = ")[1].split(" EUR")[0].replace(" ", "").replace(",", "."))
    assert Decimal(str(all_row[4])) == after
    funding = [r for r in rows if r[1] == "finansējums"][0]
    assert (funding[3], funding[4], funding[5]) == (20000, 9000, -11000)
    # children by pseudonym only, never by name or personal code
    texts = " ".join(str(v) for r in rows for v in r if v is not None)
    for child in children[:5]:
        assert child.name not in texts and child.code not in texts


def test_the_removed_child_is_gone_from_the_csv_and_said(two_runs) -> None:
    children, _, two, out = two_runs
    removed = pseudonym(KEY, children[0].code)
    csvs = " ".join(p.read_text(encoding="utf-8-sig") for p in (out.parent / FINAL_DIR).glob("*.csv"))
    assert removed not in csvs
    muni = [r[0] for r in changes_rows(out) if r[1] == removed][0]
    assert any(line.startswith(f"  {muni}: ") and "izņemt" in line for line in lines_of(two.output)), two.output


def test_an_earlier_result_that_cannot_be_read_is_said_in_one_line(tmp_path: Path, small_folder) -> None:
    _, children = small_folder
    folder = copy_into_folders(children[:3], tmp_path / "in")
    out = tmp_path / "darbs" / "k.xlsx"
    assert run(str(folder), "--out", str(out)).exit_code == 0
    out.unlink()  # the earlier summary is gone; its CSVs are replaced by a summary of another name
    other = out.with_name("k2.xlsx")
    result = run(str(folder), "--out", str(other))
    assert result.exit_code == 0, result.output
    said = [line for line in lines_of(result.output) if "aizstāto" in line]
    assert said == ["Piezīme: jauno rezultātu nevar salīdzināt ar aizstāto – iepriekšējā kopsavilkuma k.xlsx vairs "
                    "nav; izmaiņas nav parādītas."], result.output
    assert SHEET_CHANGES not in openpyxl.load_workbook(other).sheetnames


def _row(code: str, muni: str, f: str, status: str = "galīgs") -> ChildRow:
    return ChildRow(code, muni, (Decimal("100.00"), Decimal(f), Decimal(f), Decimal(f)), status)


def test_a_status_and_a_municipality_change_are_named_and_both_municipalities_listed() -> None:
    earlier = Earlier({"B-1": _row("B-1", "Ogre", "50"), "B-2": _row("B-2", "Ogre", "60")}, "01.04.2019–30.09.2019",
                      Decimal(1000), dt.date(2026, 12, 5))
    now = {"B-1": _row("B-1", "Ogre", "50", "provizorisks"), "B-2": _row("B-2", "Tukums", "60")}
    changes = compare(earlier, now, "01.04.2019–30.09.2019", Decimal(1000))
    assert [m.name for m in changes.municipalities] == ["Ogre", "Tukums"]
    ogre = changes.municipalities[0]
    # B-2 left Ogre: listed under Ogre too, counted once in all
    assert [(c.code, c.label) for c in ogre.children] == [("B-1", "mainīts: statuss"), ("B-2", "mainīts: pašvaldība")]
    assert ogre.before[3] == Decimal(110) and ogre.after[3] == Decimal(50)
    assert [(c.code, c.label) for c in changes.municipalities[1].children] == [("B-2", "mainīts: pašvaldība")]
    assert changes.count[CHANGED] == 2
    lines = [line.replace(NBSP, " ") for line in console_lines(changes)]
    assert lines[0].startswith("Izmaiņas salīdzinājumā ar aizstāto rezultātu (kopsavilkums sagatavots 05.12.2026): "
                               "finansējums 1 000,00 EUR (nemainīgs); Σ F 110,00 EUR (nemainīgs); 2 bērni mainīti")
    assert lines[1:] == ["  Ogre: 2 bērni mainīti; Σ F 110,00 EUR → 50,00 EUR (−60,00 EUR).",
                         "  Tukums: 1 bērns mainīts; Σ F 0,00 EUR → 60,00 EUR (+60,00 EUR)."]


def test_another_period_is_not_compared_child_by_child() -> None:
    earlier = Earlier({"B-1": _row("B-1", "Ogre", "50")}, "01.10.2018–31.03.2019", Decimal(1000), None)
    changes = compare(earlier, {"B-1": _row("B-1", "Ogre", "70")}, "01.04.2019–30.09.2019", Decimal(1000))
    assert not changes.any
    assert console_lines(changes) == ["Piezīme: aizstātais rezultāts bija par citu pārskata periodu "
                                      "(01.10.2018–31.03.2019); bērnu apmēri ar to nav salīdzināti."]


def test_signed_differences_use_the_true_minus() -> None:
    assert signed(Decimal("-419")).replace(NBSP, " ") == "\u2212419,00 EUR"
    assert signed(Decimal("171.5")).replace(NBSP, " ") == "+171,50 EUR"


def test_another_key_is_said_and_not_compared_child_by_child() -> None:
    """No pseudonym of the replaced result among the new ones: the key most likely changed; listing the removed and
    added children side by side would link the old pseudonyms to the new ones (D362)."""
    earlier = Earlier({"B-1": _row("B-1", "Ogre", "50"), "B-2": _row("B-2", "Ogre", "60")}, "01.04.2019–30.09.2019",
                      Decimal(1000), dt.date(2026, 12, 5))
    now = {"B-7": _row("B-7", "Ogre", "50"), "B-8": _row("B-8", "Ogre", "60")}
    changes = compare(earlier, now, "01.04.2019–30.09.2019", Decimal(1000))
    assert not changes.any and not changes.municipalities and changes.other_key
    assert [line.replace(NBSP, " ") for line in console_lines(changes)] == [
        "Piezīme: neviens bērna pseidonīms aizstātajā rezultātā (kopsavilkums sagatavots 05.12.2026) nesakrīt ar "
        "jaunajiem – visticamāk, mainīta pseidonimizācijas atslēga; bērnu apmēri ar to nav salīdzināti; Σ F iepriekš "
        "un tagad: 110,00 EUR (nemainīgs)."]
    # one pseudonym in common: the same key, compared child by child as before
    now["B-1"] = _row("B-1", "Ogre", "50")
    assert not compare(earlier, now, "01.04.2019–30.09.2019", Decimal(1000)).other_key


def test_a_second_collection_with_another_key_lists_no_child(tmp_path: Path, small_folder) -> None:
    _, children = small_folder
    folder = copy_into_folders(children[:3], tmp_path / "in")
    out = tmp_path / "darbs" / "k.xlsx"
    one = run(str(folder), "--out", str(out))
    assert one.exit_code == 0, one.output
    other = tmp_path / "cita-atslega.txt"
    other.write_bytes(b"cita-testa-atslega-tikai-testiem-9876543210")
    two = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--key-file", str(other), "--jobs", "1",
                                    "--no-cache"])
    assert two.exit_code == 0, two.output
    lines = lines_of(two.output)
    said = [line for line in lines if "pseidonimizācijas atslēga" in line]
    assert len(said) == 1 and said[0].startswith("Piezīme: neviens bērna pseidonīms aizstātajā rezultātā"), two.output
    assert not [line for line in lines if line.startswith("Izmaiņas salīdzinājumā")], two.output
    assert "pievienot" not in two.output and "izņemt" not in two.output, two.output
    assert SHEET_CHANGES not in openpyxl.load_workbook(out).sheetnames
