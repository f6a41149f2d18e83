"""Where the collected files lie and how the summary names them (audit33a F2, F5, F6, F7):

- one child's plans of two reporting periods in one folder are two periods' matrices: the folder is refused whole
  (D116, exit 1, nothing written), not both files left out as two versions of one plan;
- a refused file shows its own reporting period in „Neizmantotās matricas”;
- with --previous, the previous folder's unused files are counted apart on the first and last line, every line of
  their list says „iepriekšējā perioda mapē” once, and a used previous matrix with rule errors is named;
- a municipality folder with files but no spreadsheet, a matrix in a municipality folder's subfolder (used, D270) and
  a matrix outside every municipality folder (its municipality „Name (id)”) are noted on the console and on
  „Piezīmes par failiem”; an empty municipality folder is not (D270);
- the unused sheet names the files of a duplicate child as its column „Fails” does; a link to a missing file says so.
"""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.collect import PREVIOUS_FILE
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import ENV_KEY
from generator.reference.rounds import period_holding
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, copy_children, in_next_period, write_children
from tests.workbook.invalid import _cell

ENV = {ENV_KEY: KEY.decode()}


def run(*args: str):
    return CliRunner().invoke(main, ["collect", *args, "--jobs", "1", "--no-cache"], env=ENV, catch_exceptions=False)


def rows(path: Path, sheet: str) -> list[tuple]:
    return [r for r in load_workbook(path)[sheet].iter_rows(min_row=4, values_only=True) if any(r)]


def same_child_later(catalogue: Catalogue, child: Child, index: int) -> Child:
    """The same child's plan one reporting period later: the same personal code and birth date (the same pseudonym)."""
    later = in_next_period(catalogue, [child])[0]
    return dataclasses.replace(later, index=index, people=child.people,
                               inputs=dataclasses.replace(later.inputs, birth_date=child.inputs.birth_date))


def test_one_childs_two_periods_refuse_the_folder_whole(tmp_path: Path, catalogue: Catalogue, template: Path,
                                                        small_folder: tuple[Path, list[Child]]) -> None:
    source, children = small_folder
    folder = copy_children(source, children[:2], tmp_path / "in")
    write_children(catalogue, template, [same_child_later(catalogue, children[0], 900)], folder)
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert "ir matricas no 2 pārskata periodiem" in message and "nekas netika uzrakstīts" in message, message
    assert "vairākos failos" not in message  # not two versions of one plan (D116 first)
    assert not out.exists() and not (out.parent / FINAL_DIR).exists()


def test_a_refused_file_shows_its_own_period(tmp_path: Path, catalogue: Catalogue, template: Path,
                                             small_folder: tuple[Path, list[Child]]) -> None:
    source, children = small_folder
    folder = copy_children(source, children[:2], tmp_path / "in")
    later = write_children(catalogue, template, [same_child_later(catalogue, children[5], 901)], folder)[0]
    wb = load_workbook(later.path)  # a price emptied: the file is refused, its plan's first day is still read
    for i in range(40):
        cell = _cell(wb, "Pak_Cena", i)[2]
        if cell.value not in (None, ""):
            cell.value = None
    wb.save(later.path)
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 3, result.output
    periods = catalogue.children_reporting_periods()
    own = period_holding(periods, later.inputs.period_start).label
    folders = period_holding(periods, children[0].inputs.period_start).label
    assert own != folders
    refused = rows(out, "Neizmantotās matricas")
    assert refused and {r[0] for r in refused} == {own}, refused


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_previous_folder_counted_apart_prefixed_once_and_its_errors_named(
        tmp_path: Path, catalogue: Catalogue, template: Path, small_folder: tuple[Path, list[Child]],
        later_folder: tuple[Path, list[Child]]) -> None:
    source, children = small_folder
    previous = copy_children(source, children, tmp_path / "ieprieks")
    twin = previous / children[1].path.relative_to(source)
    copy = twin.with_name("labots.xlsx")
    load_workbook(twin).save(copy)  # the same child's matrix with other bytes: both refused
    (previous / children[2].municipality / "bojats.xlsx").write_bytes(b"not a zip")
    (previous / children[2].municipality / "saite.xlsx").symlink_to(tmp_path / "nav-tada.xlsx")
    wrong = dataclasses.replace(children[3], inputs=dataclasses.replace(children[3].inputs, final=Decimal("99999.99")))
    wrong_path = previous / children[3].path.relative_to(source)
    wrong_path.unlink()
    written = write_children(catalogue, template, [wrong], tmp_path / "f")[0]
    shutil.copyfile(written.path, wrong_path)  # F above N: a rule error in a used previous matrix
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(later_folder[0]), "--out", str(out), "--previous", str(previous))
    assert result.exit_code == 3, result.output
    lines = result.output.splitlines()
    used = len(children) - 1  # the twin of children[1] and its copy are refused
    first = next(line for line in lines if line.startswith("Izmantot"))
    assert f"neizmantotas 0 (iepriekšējā perioda mapē izmantotas {used}, neizmantotas 4);" in first, first
    assert "Neizmantoti 4 faili: savācamajā mapē 0, iepriekšējā perioda mapē 4 (sk. sarakstu augstāk)" in result.output
    start = lines.index("Neizmantotās iepriekšējā perioda matricas (4):")
    listed = lines[start + 1:start + 5]
    assert all(line.startswith(f"  {PREVIOUS_FILE}") and line.count("iepriekšējā perioda") == 1 for line in listed), \
        listed
    assert any("saite uz neesošu failu" in line for line in listed), listed
    errors = [line for line in lines if "matricā ir noteikumu kļūdas" in line]
    assert errors and all(line.startswith(f"Brīdinājums: {PREVIOUS_FILE}") for line in errors), errors
    named = f"Brīdinājums: {PREVIOUS_FILE}{wrong_path.relative_to(previous).as_posix()}: matricā ir noteikumu kļūdas"
    mine = [line for line in errors if line.startswith(named)]
    assert len(mine) == 1 and "„Galīgais apmērs F lielāks par N”" in mine[0], errors
    assert "pārdales fondā ieskaitīta, kā matricā ievadīts" in mine[0], mine
    notes = [r[1] for r in rows(out, "Piezīmes par failiem")]
    assert any("matricā ir noteikumu kļūdas" in n for n in notes), notes
    own = period_holding(catalogue.children_reporting_periods(), children[1].inputs.period_start).label
    sheet = rows(out, "Neizmantotās matricas")
    assert {r[0] for r in sheet if "vairākos failos" in r[3]} == {f"{own} (iepriekšējā perioda mapē)"}, sheet
    assert any(r[0] == "iepriekšējais pārskata periods" for r in sheet), sheet  # the damaged file: no period read


def test_files_in_odd_places_are_noted_and_the_unused_sheet_names_files_alike(
        tmp_path: Path, catalogue: Catalogue, small_folder: tuple[Path, list[Child]]) -> None:
    source, children = small_folder
    folder = copy_children(source, children[:4], tmp_path / "in")
    empty, placeholder = [m for m in ("jelgava", "ludza", "valka", "cesis") if not (folder / m).exists()][:2]
    (folder / empty).mkdir()
    (folder / placeholder).mkdir()  # an empty municipality folder, made before its matrices came: no note (D270)
    (folder / empty / "ligums.docx").write_bytes(b"PK")
    (folder / empty / "lasimani.txt").write_text("nav matrica", encoding="utf-8")
    archive = folder / children[1].municipality / "arhivs"
    archive.mkdir()
    (folder / children[1].path.relative_to(source)).rename(archive / "vecais.xlsx")
    (folder / children[2].path.relative_to(source)).rename(folder / "sakne.xlsx")
    twin = folder / children[3].path.relative_to(source)
    load_workbook(twin).save(twin.with_name("labots.xlsx"))
    (folder / children[0].municipality / "saite.xlsx").symlink_to(tmp_path / "nav-tada.xlsx")
    out = tmp_path / "out" / "k.xlsx"
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 3, result.output
    text = " ".join(result.output.split())
    muni = children[1].municipality
    assert f"Piezīme: {empty}/: pašvaldības mapē nav nevienas izklājlapas; mapē ir tikai 2 citi faili (.docx, .txt)" \
        in text, text
    # the rule in words, not a decision number the analyst cannot look up (audit36a F8)
    assert f"Piezīme: {muni}/: 1 matrica ir pašvaldības mapes apakšmapē ({muni}/arhivs/vecais.xlsx) – izmantota " \
        "(kā pašvaldības mapes matricas)" in text and "(D270)" not in text, text
    root = children[2]
    named = f"„{catalogue.name_on(root.municipality, root.inputs.period_start)}” ({root.municipality})"
    assert "Piezīme: sakne.xlsx: matrica nav nevienā pašvaldības mapē (tā ir savācamās mapes saknē) – izmantota, " \
        f"apmēri pieskaitīti matricā norādītajai pašvaldībai {named};" in text, text  # as the folder warning names it
    assert f"{placeholder}/" not in text, text
    notes = " ".join(str(r[1]) for r in rows(out, "Piezīmes par failiem"))
    for said in (f"{empty}/: pašvaldības mapē nav nevienas izklājlapas", f"{muni}/arhivs/vecais.xlsx",
                 "sakne.xlsx: matrica nav nevienā pašvaldības mapē"):
        assert said in notes, notes
    refused = rows(out, "Neizmantotās matricas")
    twins = [r for r in refused if "vairākos failos" in r[3]]
    assert len(twins) == 2, refused
    for r in twins:  # the reason names both files as the column „Fails” names them, and no raw name
        for other in twins:
            assert f"{other[1]}/{other[2]}" in r[3], (r, twins)
        assert "labots.xlsx" not in r[3] and twin.name not in r[3], r
    link = [r for r in refused if r[3].startswith("saite uz neesošu failu")]
    assert len(link) == 1, refused
