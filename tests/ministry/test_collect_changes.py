"""A second `ibm collect` into the same --out says what the new result changes against the one it replaces (D362):
children added, removed and changed by pseudonym with their P, N, A, F and status, each municipality's Σ F, the
funding and Σ F of all – on the console and on the summary's sheet „Izmaiņas pret iepriekšējo”. Before, the earlier
result was replaced silently („Aizvieto iepriekšējos rezultātus”): a child left out of the input vanished from the
municipality's CSV and nothing said so. A first collection says nothing of it; an earlier result that cannot be read
is said in one line."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ministry.changes import (
    ADDED,
    AFTER,
    BEFORE,
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
from tests.ministry.factory import LONG_NAME, copy_into_folders, renamed_catalogue

NBSP = "\u00a0"


def run(*args: str):
    return CliRunner().invoke(main, ["collect", *args, "--jobs", "1", "--no-cache"], env={ENV_KEY: KEY.decode()})


def changes_rows(summary: Path) -> list[tuple]:
    wb = openpyxl.load_workbook(summary)
    assert SHEET_CHANGES in wb.sheetnames, wb.sheetnames
    return [r for r in wb[SHEET_CHANGES].iter_rows(min_row=4, values_only=True)]


def paired(rows: list[tuple]) -> dict[tuple[str, str], tuple[tuple, tuple]]:
    """The sheet's rows by (municipality, code): each child's (and total's) row „iepriekš” and row „tagad” (D368)."""
    pairs: dict[tuple[str, str], tuple[tuple, tuple]] = {}
    for before, after in zip(rows[::2], rows[1::2], strict=True):
        assert (before[3], after[3]) == (BEFORE, AFTER) and before[:3] == after[:3], (before, after)
        pairs[(before[0], before[1])] = (before, after)
    return pairs


def sheet_note(summary: Path) -> str:
    ws = openpyxl.load_workbook(summary)[SHEET_CHANGES]
    return " ".join(str(ws["A2"].value).replace(NBSP, " ").split())


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


def test_a_first_collection_says_nothing_and_a_rerun_with_nothing_changed_says_so_on_its_sheet(tmp_path: Path,
                                                                                               small_folder) -> None:
    """D368: the summary of a re-run that changed nothing says so on its sheet „Izmaiņas pret iepriekšējo” (before, only
    the console said it and the summary had no trace of the comparison); a third run writes the second's bytes."""
    _, children = small_folder
    folder = copy_into_folders(children[:3], tmp_path / "in")
    out = tmp_path / "darbs" / "k.xlsx"
    first = run(str(folder), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "Izmaiņas" not in first.output and "aizstāto" not in first.output, first.output
    assert SHEET_CHANGES not in openpyxl.load_workbook(out).sheetnames
    again = run(str(folder), "--out", str(out))
    assert again.exit_code == 0, again.output
    said = [line for line in lines_of(again.output) if "aizstāto rezultātu" in line]
    line = (f"Salīdzinājumā ar aizstāto rezultātu (kopsavilkums sagatavots {dt.date.today():%d.%m.%Y}) nekas nav "
            "mainījies: tie paši bērni, apmēri, statusi un finansējums.")
    assert said == [line], again.output
    assert changes_rows(out) == [] and sheet_note(out) == f"{line} (lēmumi D362, D368)"
    before = out.read_bytes()
    third = run(str(folder), "--out", str(out))
    assert third.exit_code == 0, third.output
    assert out.read_bytes() == before  # from the second run on: the same bytes (README)


def test_a_removed_an_added_and_a_changed_child_are_said_per_municipality(two_runs) -> None:
    children, _, two, out = two_runs
    lines = lines_of(two.output)
    head = [line for line in lines if line.startswith("Izmaiņas salīdzinājumā ar aizstāto rezultātu")]
    assert len(head) == 1, two.output
    assert "finansējums 20 000,00 EUR → 9 000,00 EUR (−11 000,00 EUR)" in head[0], head[0]
    assert f"lapā „{SHEET_CHANGES}”" in head[0]
    rows = changes_rows(out)
    # columns: municipality, code, change, „iepriekš”/„tagad”, F, F change (on the row „tagad”), F status, P, N, A
    pairs = paired(rows)
    by_code = {code: pair for (_, code), pair in pairs.items()}
    removed, added = pseudonym(KEY, children[0].code), pseudonym(KEY, children[4].code)
    old, new = by_code[removed]
    assert old[2] == REMOVED and old[4] is not None and new[4] is None and new[5] == -old[4]
    old, new = by_code[added]
    assert old[2] == ADDED and old[4] is None and new[4] is not None and new[5] == new[4]
    changed = [pair for pair in pairs.values() if str(pair[0][2]).startswith(CHANGED)]
    assert changed, rows  # the smaller funding moves F of the children in the redistribution
    for old, new in changed:
        assert "F" in old[2] and old[4] != new[4] and new[5] == pytest.approx(new[4] - old[4]) and old[5] is None
    # each municipality with a change has its line on the console and its total rows on the sheet
    munis = {muni for muni, code in pairs if code not in ("kopā", "finansējums")}
    for muni in munis:
        line = [x for x in lines if x.startswith(f"  {muni}: ")]
        assert len(line) == 1 and "Σ F " in line[0], (muni, two.output)
        assert (muni, "kopā") in pairs, rows
    # Σ F before and after as the two summaries' own totals say it
    all_row = pairs[("Visas pašvaldības", "kopā")][1]
    sigma = [line for line in lines if line.startswith("Izmantotas")][0]
    after = Decimal(sigma.split("Σ F = ")[1].split(" EUR")[0].replace(" ", "").replace(",", "."))
    assert Decimal(str(all_row[4])) == after
    funding = pairs[("Visas pašvaldības", "finansējums")]
    assert (funding[0][4], funding[1][4], funding[1][5]) == (20000, 9000, -11000)
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
    # the summary says it too, in one note (D368)
    assert changes_rows(other) == [] and sheet_note(other).startswith("Jauno rezultātu nevar salīdzināt ar aizstāto")


def _row(code: str, muni: str, f: str, status: str = "galīgs", code_of_muni: str = "") -> ChildRow:
    return ChildRow(code, muni, (Decimal("100.00"), Decimal(f), Decimal(f), Decimal(f)), status, code_of_muni)


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
    # every child would be „removed” and „added”: the sheet has one note instead, no row and no pseudonym (D368)
    assert changes_rows(out) == []
    note = sheet_note(out)
    assert note.startswith("Neviens bērna pseidonīms aizstātajā rezultātā") and "B-" not in note, note


def test_a_rerun_with_nothing_changed_keeps_the_replaced_results_rows_of_changes(two_runs, tmp_path: Path) -> None:
    """D368: collecting the second folder again changes nothing against the second result, so the changes that result
    listed against the first hold for the new one too: the sheet keeps them (with the day they are against) instead
    of losing the list the analyst may not have read yet; a fourth run writes the third's bytes."""
    children, _, _, out = two_runs
    listed = changes_rows(out)
    assert len(listed) > 4
    second = tmp_path / "in2"
    three = run(str(second), "--out", str(out), "--envelope", "9000")
    assert three.exit_code == 0, three.output
    today = f"{dt.date.today():%d.%m.%Y}"
    said = [line for line in lines_of(three.output) if "aizstāto rezultātu" in line]
    assert said == [f"Salīdzinājumā ar aizstāto rezultātu (kopsavilkums sagatavots {today}) nekas nav mainījies: tie "
                    "paši bērni, apmēri, statusi un finansējums; lapā „Izmaiņas pret iepriekšējo” paliek aizstātā "
                    f"rezultāta izmaiņas pret rezultātu, kas sagatavots {today} – tās attiecas arī uz šo rezultātu."], \
        three.output
    assert changes_rows(out) == listed
    assert sheet_note(out).startswith(said[0])
    third = out.read_bytes()
    four = run(str(second), "--out", str(out), "--envelope", "9000")
    assert four.exit_code == 0, four.output
    assert out.read_bytes() == third
    # a real change again: compared with the result it replaces (the fourth), not the carried rows
    five = run(str(second), "--out", str(out), "--envelope", "9500")
    assert five.exit_code == 0, five.output
    pairs = paired(changes_rows(out))
    assert pairs[("Visas pašvaldības", "finansējums")][1][5] == 500
    assert not [key for key, pair in pairs.items() if pair[0][2] in (ADDED, REMOVED)]


def test_the_period_and_day_are_read_from_the_summarys_properties_and_from_an_older_ones_title(
        tmp_path: Path, small_folder, monkeypatch: pytest.MonkeyPatch) -> None:
    """D368: the replaced summary's period, day and municipality codes are custom document properties written by
    collect (summary_meta) – not parsed from its title; a summary written before them still has its title read."""
    from generator.ministry import changes as changes_module
    from generator.ministry.summary_meta import PERIOD, PREPARED, read_meta

    _, children = small_folder
    folder = copy_into_folders(children[:3], tmp_path / "in")
    out = tmp_path / "darbs" / "k.xlsx"
    assert run(str(folder), "--out", str(out)).exit_code == 0
    meta = read_meta(out)
    title = openpyxl.load_workbook(out)["Kopsavilkums"]["A1"].value
    assert meta.found and meta.period and title.endswith(f"pārskata periods {meta.period}")
    assert meta.prepared == dt.date.today() and meta.changes_against is None
    assert set(meta.municipalities.values()) == {c.municipality for c in children[:3]}
    # the title's words are not what is read: a regex that finds nothing changes nothing
    monkeypatch.setattr(changes_module, "_PERIOD", changes_module.re.compile("(?!x)x"))
    monkeypatch.setattr(changes_module, "_DAY", changes_module.re.compile("(?!x)x"))
    earlier = changes_module.read_earlier(out, None)
    assert isinstance(earlier, Earlier) and (earlier.period, earlier.day) == (meta.period, meta.prepared)
    assert {row.muni_code for row in earlier.children.values()} == {c.municipality for c in children[:3]}
    monkeypatch.undo()
    # a summary without the properties (written before D368): its title and „Sagatavots” line, municipalities by name
    old = tmp_path / "vecs.xlsx"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(old, "w") as dst:
        for item in src.infolist():
            if item.filename != "docProps/custom.xml":
                dst.writestr(item, src.read(item.filename))
    assert not read_meta(old).found
    earlier = changes_module.read_earlier(old, None)
    assert isinstance(earlier, Earlier) and (earlier.period, earlier.day) == (meta.period, meta.prepared)
    assert {row.muni_code for row in earlier.children.values()} == {""}
    assert PERIOD in zipfile.ZipFile(out).read("docProps/custom.xml").decode()
    assert PREPARED in zipfile.ZipFile(out).read("docProps/custom.xml").decode()


def test_a_municipality_renamed_in_the_catalogue_is_one_note_not_a_change_of_each_child() -> None:
    """D368: matched by the municipality's catalogue code, a renamed municipality's children are not „mainīts:
    pašvaldība”; one note names the old and the new name. A child that really moved is still one."""
    earlier = Earlier({"B-1": _row("B-1", "Ogre", "50", code_of_muni="ogre"),
                       "B-2": _row("B-2", "Ogre", "60", code_of_muni="ogre"),
                       "B-3": _row("B-3", "Tukums", "70", code_of_muni="tukums")},
                      "01.04.2019–30.09.2019", Decimal(1000), dt.date(2026, 12, 5))
    now = {"B-1": _row("B-1", "Ogres novads", "50", code_of_muni="ogre"),
           "B-2": _row("B-2", "Ogres novads", "60", code_of_muni="ogre"),
           "B-3": _row("B-3", "Ogres novads", "70", code_of_muni="ogre")}
    changes = compare(earlier, now, "01.04.2019–30.09.2019", Decimal(1000))
    assert changes.renamed == [("ogre", "Ogre", "Ogres novads")]
    assert [(m.name, [(c.code, c.label) for c in m.children]) for m in changes.municipalities] == [
        ("Ogres novads", [("B-3", "mainīts: pašvaldība")]), ("Tukums", [("B-3", "mainīts: pašvaldība")])]
    lines = [line.replace(NBSP, " ") for line in console_lines(changes)]
    assert lines[-1] == ("Piezīme: pašvaldības „Ogre” nosaukums katalogā tagad ir „Ogres novads” (kods ogre); tās bērni "
                         "salīdzināti pēc koda.")
    assert sum("nosaukums katalogā" in line for line in lines) == 1
    # a replaced summary without codes (before D368): its names matched to the codes by today's names
    old = Earlier({k: ChildRow(v.code, v.municipality, v.amounts, v.status) for k, v in earlier.children.items()},
                  earlier.period, earlier.envelope, earlier.day)
    same = compare(old, {k: ChildRow(v.code, v.municipality, v.amounts, v.status, v.muni_code)
                         for k, v in earlier.children.items()}, earlier.period, Decimal(1000))
    assert not same.any and not same.renamed


def test_a_recollection_after_a_rename_in_the_catalogue_matches_the_municipality_by_code(tmp_path: Path,
                                                                                         small_folder) -> None:
    """D368, D373 end to end: collected, then the municipality renamed in a copy of the catalogue (to „Dienvidkurzemes
    novads”, longer than any short name the catalogue has) and collected again with one child more of it: the console has one note with both names and no „mainīts: pašvaldība”; the new summary shows the
    municipality by its code under the new name (sheets, properties); the changes sheet lists the added child under
    the new name and has the note."""
    from generator.ministry.summary_meta import read_meta

    _, children = small_folder
    kept = children[:4]
    added = next(c for c in children[4:] if c.municipality in {k.municipality for k in kept})
    muni, name = added.municipality, LONG_NAME[1]
    out = tmp_path / "darbs" / "k.xlsx"
    one = run(str(copy_into_folders(kept, tmp_path / "in1")), "--out", str(out))
    assert one.exit_code == 0, one.output
    old_name = read_meta(out).municipalities
    old_name = next(shown for shown, code in old_name.items() if code == muni)
    assert old_name != name
    catalogue = renamed_catalogue(tmp_path / "katalogs", muni).root
    two = run(str(copy_into_folders([*kept, added], tmp_path / "in2")), "--out", str(out),
              "--catalogue", str(catalogue))
    assert two.exit_code == 0, two.output
    lines = lines_of(two.output)
    assert [line for line in lines if "nosaukums katalogā" in line] == [
        f"Piezīme: pašvaldības „{old_name}” nosaukums katalogā tagad ir „{name}” (kods {muni}); tās bērni salīdzināti "
        "pēc koda."], two.output
    assert "mainīts: pašvaldība" not in two.output, two.output
    assert [line for line in lines if line.startswith(f"  {name}: 1 bērns pievienots")], two.output
    meta = read_meta(out)
    assert meta.municipalities.get(name) == muni and old_name not in meta.municipalities
    wb = openpyxl.load_workbook(out)
    munis = {row[1]: row[0] for row in wb["Pašvaldības"].iter_rows(min_row=4, values_only=True) if row[1]}
    assert munis[muni] == name
    code = pseudonym(KEY, added.code)
    assert {row[1] for row in wb["Bērni"].iter_rows(min_row=4, values_only=True) if row[0] == code} == {name}
    pairs = paired(changes_rows(out))
    assert pairs[(name, code)][0][2] == ADDED
    assert [key for key, (before, _) in pairs.items() if "pašvaldība" in before[2] or key[0] == old_name] == []
    assert f"„{old_name}” nosaukums katalogā tagad ir „{name}” (kods {muni})" in sheet_note(out)
