"""`ibm migrate` and `ibm collect` with a matrix of an older registered template: the template of commit
cc9a3cb (registry version 2023-04-01+98852cae), which had no Parbaudes_Datums yet, is rebuilt from git
history, filled and migrated onto the current template with every entered value carried over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import Migrator
from generator.ministry.templates import DEFAULT_REGISTRY, load_registry
from generator.ministry.xlsxread import read_xlsx
from generator.reference.lines import fixed_unit_price
from generator.workbook.layout import INTERFACE_KIND
from generator.workbook.names import read, write
from generator.workbook.version import template_version
from generator.workbook.writer import template_date
from tests.ministry.factory import (
    Child,
    by_item,
    free_input_cells,
    lost_free_cells,
    make_children,
    same_value,
    write_children,
)

OLD_COMMIT = "cc9a3cb"
OLD_VERSION = "2023-04-01+98852cae"
ROOT = Path(__file__).resolve().parents[2]


def old_template(folder: Path, commit: str = OLD_COMMIT) -> Path:
    """The generic matrix template as the code and catalogue of ``commit`` wrote it."""
    probe = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"git history with commit {commit} is not available")
    source = folder / "src"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "generator", "catalogue"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    target = folder / "veidne-veca.xlsx"
    script = ("from pathlib import Path; from generator.catalogue.loader import load_or_raise; "
              "from generator.workbook.writer import write_workbook; "
              f"write_workbook(load_or_raise(Path('catalogue')), Path({str(target)!r}), None)")
    env = {**os.environ, "PYTHONPATH": str(source)}
    subprocess.run([sys.executable, "-c", script], cwd=source, env=env, check=True, capture_output=True)
    return target


@pytest.fixture(scope="module")
def old_matrices(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> tuple[Path, list[Child]]:
    folder = tmp_path_factory.mktemp("veca-veidne")
    template = old_template(folder)
    children = make_children(catalogue, 3, seed=515, one_period=True)  # one collection: one period (D116)
    return template, write_children(catalogue, template, children, folder / "matricas", by_municipality=False,
                                    free_cells=True)


def lost_values(old, new, free: dict, new_prices: dict) -> list[str]:  # noqa: ANN001
    """Every input of the old file found in the new one: by name, by item code in 6.8 (a prefilled catalogue
    price may become the new catalogue price listed in the report), by address outside the names."""
    lost = []
    for name, kind in INTERFACE_KIND.items():
        if kind != "in" or name in ("Pak_Cena", "Pak_Sniedzejs", "Plans_Pakalpojums"):
            continue
        # by line: the new template's plan names span its spacer rows (D288), the old one's did not
        o, n = Matrix.from_book(old).grid(name), Matrix.from_book(new).grid(name)
        lost += [f"{name}[{i}][{j}]" for i, row in enumerate(o) for j, v in enumerate(row) if not same_value(v, n[i][j])]
    for name in ("Pak_Cena", "Pak_Sniedzejs"):
        got = by_item(new, name)
        for code, value in by_item(old, name).items():
            want = new_prices.get(code, value) if name == "Pak_Cena" else value
            if not same_value(want, got.get(code)):
                lost.append(f"{name} {code}: {value!r} → {got.get(code)!r}")
    return lost + lost_free_cells(old, new, free)


def unit_prices(catalogue: Catalogue) -> dict[str, object]:
    """Every 6.8 item whose unit fixes its price (the euro at actual cost, D70), with that price."""
    return {o.id: fixed for o in catalogue.offers(template_date(catalogue))
            if (fixed := fixed_unit_price(o.service.unit)) is not None}


def test_the_old_template_is_the_registered_version_without_the_check_date(old_matrices) -> None:  # noqa: ANN001
    template, _ = old_matrices
    m = Matrix.open(template)
    assert m.scalar("IBM_Versija") == OLD_VERSION
    assert not m.has("Parbaudes_Datums")
    assert "Parbaudes_Datums" not in load_registry(DEFAULT_REGISTRY)[OLD_VERSION]["names"]


def test_migrate_carries_every_value_of_the_older_template(old_matrices, catalogue: Catalogue,  # noqa: ANN001
                                                           tmp_path: Path) -> None:
    template, children = old_matrices
    free = free_input_cells(template)
    with Migrator(catalogue) as migrator:
        for child in children:
            assert child.path is not None
            out = tmp_path / child.path.name
            report = migrator.migrate(child.path, out)
            assert (report.old_version, report.new_version) == (OLD_VERSION, template_version(catalogue))
            assert report.carried > 0
            new = read_xlsx(out)
            # an old prefilled 2023 price (2.1) that is not in force on the new template's prices day is emptied (D61)
            prices = {p.item: float(p.new) for p in report.price_changes} | dict.fromkeys(report.cleared_prices)
            # the old template left the price of an item in euro at actual cost empty; the new one has its unit's (D81)
            old_prices = by_item(read_xlsx(child.path), "Pak_Cena")
            prices |= {code: float(price) for code, price in unit_prices(catalogue).items() if old_prices.get(code) is None}
            # each newly filled price is listed as a change (audit37 F2)
            newly = {code for code in unit_prices(catalogue) if old_prices.get(code) is None}
            assert newly and newly <= {p.item for p in report.filled}, report.text()
            assert "Jaunievietotās kataloga cenas (vecajā matricā cena bija tukša):" in report.text()
            assert lost_values(read_xlsx(child.path), new, free, prices) == [], child.index
            old_book = read_xlsx(child.path)
            if by_item(old_book, "Pak_Cena")["2.1"] == by_item(old_book, "Pak_MaxCena")["2.1"] == 5.11:
                assert report.cleared_prices == ["2.1"], report.cleared_prices
                assert "5,11\xa0EUR → tukša" in report.text() and "kataloga cenas nav mainījušās" not in report.text()
            assert Matrix.from_book(new).scalar("IBM_Versija") == template_version(catalogue)
            assert Matrix.from_book(new).formula_at("Parbaudes_Datums")
    result = CliRunner().invoke(main, ["migrate", str(children[0].path), "--out", str(tmp_path / "cli.xlsx")])
    assert result.exit_code == 0, result.output
    assert (f"veidne {lvformat.version(OLD_VERSION)} → {lvformat.version(template_version(catalogue))}"
            in result.output) and OLD_VERSION not in result.output
    assert ("veidnē 98852cae (katalogs 01.04.2023) nebija lauka Parbaudes_Datums (6.1!B42); jaunajā matricā tas tiek "
            "aprēķināts ar formulu") in result.output


def test_a_missing_name_the_old_template_had_is_still_damage(old_matrices, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    _, children = old_matrices
    wb = load_workbook(children[0].path)
    wb.defined_names.pop("Men_Daudzums")
    wb.save(tmp_path / "bojata.xlsx")
    result = CliRunner().invoke(main, ["migrate", str(tmp_path / "bojata.xlsx"), "--out", str(tmp_path / "j.xlsx")])
    assert result.exit_code == 1
    assert "trūkst definētā nosaukuma Men_Daudzums: matricas struktūra ir bojāta" in result.output
    assert "Parbaudes_Datums" not in result.output
    assert not (tmp_path / "j.xlsx").exists()


def test_collect_reads_the_older_template_by_its_registered_version(old_matrices, tmp_path: Path) -> None:  # noqa: ANN001
    """Decision: collect checks an older registered template against its registry entry and reads it (with a
    note to migrate) rather than refusing it; a name that template did not have is not damage."""
    from tests.ministry.conftest import KEY

    template, children = old_matrices
    for child in children:
        assert child.path is not None
        folder = tmp_path / "matricas" / child.municipality
        folder.mkdir(parents=True, exist_ok=True)
        (folder / child.path.name).write_bytes(child.path.read_bytes())
    out = tmp_path / "rezultats" / "kopsavilkums.xlsx"
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(out), "--jobs", "1", "--no-cache"],
                                env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert "Parbaudes_Datums" not in result.output
    assert "Izmantotas 3 matricas, neizmantotas 0;" in result.output
    assert result.exit_code == 0, result.output
    assert out.exists()
    # the note in the summary's cell as on the console: one form for both versions, no nested brackets, no
    # Markdown backticks (audit24 F11)
    notes = [str(c.value) for row in load_workbook(out)["Piezīmes par failiem"].iter_rows(min_row=4, min_col=2)
             for c in row if c.value]
    version_notes = [n for n in notes if "nav pašreizējā" in n]
    assert version_notes, notes
    for note in version_notes:
        assert f"veidnes versija {lvformat.version(OLD_VERSION)} nav pašreizējā " in note, note
        assert "`" not in note and "((" not in note and "))" not in note and "apsveriet komandu „ibm migrate”" in note
        assert note in result.output, (note, result.output)


def test_the_old_prefilled_unconfirmed_base_becomes_blank(old_matrices, catalogue: Catalogue,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    """The older template prefilled the catalogue's B, which is "jāprecizē": the new matrix leaves it blank
    (D22) and says so; a B the worker typed is carried as it is."""
    _, children = old_matrices
    assert catalogue.programme.base_amount.at(catalogue.latest_date).status.value == "jāprecizē"
    wb = load_workbook(children[0].path)
    results = {}
    with Migrator(catalogue) as migrator:
        for label, value in (("ievietots", read(wb, "Param_Bazes")), ("ierakstits", 2512.5), ("tukss", None)):
            write(wb, "Bazes_Apmers", value)
            old, new = tmp_path / f"{label}.xlsx", tmp_path / f"{label}-jauna.xlsx"
            wb.save(old)
            report = migrator.migrate(old, new)
            results[label] = (Matrix.open(new).scalar("Bazes_Apmers"), "bija iepriekš ievietotā kataloga vērtība"
                              in report.text())
    assert results == {"ievietots": (None, True), "ierakstits": (2512.5, False), "tukss": (None, False)}


@pytest.mark.parametrize(("word", "special"), [("jā", True), ("ne", False)])
def test_an_old_templates_opinion_is_read_as_when_it_was_issued(old_matrices: tuple[Path, list[Child]], tmp_path: Path,
                                                               catalogue: Catalogue, word: str, special: bool) -> None:
    """review31 F2: a template issued before the exact yes/no check (98852cae compares the opinion with "=", any
    letter case) is read as the tools read it then – „jā” and „ne” are no problem there – while the current
    template's exact check makes them invalid inputs (tests/ministry/test_pasted_inputs.py)."""
    from generator.ministry.matrix import read_child

    _, children = old_matrices
    source = children[0].path
    assert source is not None
    wb = load_workbook(source)
    write(wb, "Ipasas_Kopsanas_Atzinums", word)
    wb.save(tmp_path / "veca.xlsx")
    data, problems = read_child(Matrix.open(tmp_path / "veca.xlsx"), catalogue)
    assert not [p for p in problems if "Ipasas_Kopsanas_Atzinums" in p or "atzinum" in p], problems
    assert data is not None and data.inputs.special_care is special
