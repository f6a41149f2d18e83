"""`ibm migrate` and the template check (D285): a matrix whose template version is not in the registry is migrated
with a note that its formulas could not be checked; a formula typed over in a registered older version known by its
rows' fingerprints is named by its cell and the old file's value, not only by its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.lvformat import number
from generator.ministry.migrate import Migrator
from generator.workbook.writer import write_workbook
from tests.ministry.factory import changed_catalogue, make_children, write_children

UNREGISTERED = "nav reģistrā (matrica izveidota no kataloga, kura veidnes nav reģistrētas)"


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """A catalogue whose template version is in no registry (a made-up price change)."""
    return changed_catalogue(DEFAULT_CATALOGUE, tmp_path_factory.mktemp("cits") / "catalogue")


def test_an_unregistered_version_is_migrated_with_a_note(other: Catalogue, catalogue: Catalogue,
                                                          tmp_path: Path) -> None:
    template = tmp_path / "veidne.xlsx"
    write_workbook(other, template, None)
    [child] = write_children(other, template, make_children(other, 1, seed=2851), tmp_path / "vecas")
    with Migrator(catalogue) as migrator:
        report = migrator.migrate(child.path, tmp_path / "jauna.xlsx")
    assert report.old_version != report.new_version
    assert any(UNREGISTERED in note and "nevarēja pārbaudīt" in note for note in report.notes), report.text()


def test_a_registered_version_has_no_such_note(small_folder, other: Catalogue, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    with Migrator(other) as migrator:
        report = migrator.migrate(children[0].path, tmp_path / "jauna.xlsx")
    assert not any(UNREGISTERED in note for note in report.notes), report.text()


def test_a_formula_typed_over_is_named_by_its_cell_and_old_value(small_folder, other: Catalogue,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    _, children = small_folder
    wb = load_workbook(children[0].path)
    ws = wb["6.4"]
    ref = next(c.coordinate for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("=") and c.protection.locked)
    ws[ref] = 4321
    old = tmp_path / "veca.xlsx"
    wb.save(old)
    with Migrator(other) as migrator:  # the old file's version is a registered older one: known by its rows
        report = migrator.migrate(old, tmp_path / "jauna.xlsx")
    named = [n for n in report.overwritten if f"6.4. tabula, {ref}" in n]
    assert named, report.overwritten
    assert f"formula bija aizstāta ar vērtību {number(4321, 0)}; jaunajā matricā atjaunota formula" in named[0], named


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_migrate_takes_another_registry(other: Catalogue, tmp_path: Path) -> None:
    """--registry as in collect: a version registered only there is formula-checked (no note); a missing file is a
    parameter error (status 2), a broken one status 1 – both before any matrix is read, nothing written."""
    from click.testing import CliRunner

    from generator.cli import main

    registry = tmp_path / "cits-registrs.json"
    made = CliRunner().invoke(main, ["fingerprint", "--catalogue", str(other.root), "--registry", str(registry),
                                     "--new-registry"])
    assert made.exit_code == 0, made.output
    template = tmp_path / "veidne.xlsx"
    write_workbook(other, template, None)
    [child] = write_children(other, template, make_children(other, 1, seed=2851), tmp_path / "vecas")

    def run(out: Path, *extra: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, ["migrate", str(child.path), "--out", str(out), *extra])
        report = out.with_name(f"{out.stem}-parnesana.txt")
        return result.exit_code, (report.read_text("utf-8") if report.exists() else "") + result.output

    code, text = run(tmp_path / "bez.xlsx")
    assert code == 0 and UNREGISTERED in text, text
    code, text = run(tmp_path / "ar.xlsx", "--registry", str(registry))
    assert code == 0 and UNREGISTERED not in text, text
    missing = tmp_path / "nav.json"
    code, text = run(tmp_path / "nav.xlsx", "--registry", str(missing))
    assert code == 2 and f"--registry „{missing}”: fails nav atrasts" in text, text
    broken = tmp_path / "bojats.json"
    broken.write_text("{\n  bad", encoding="utf-8")
    code, text = run(tmp_path / "bojats.xlsx", "--registry", str(broken))
    assert code == 1 and "nav derīgs JSON" in text and not (tmp_path / "bojats.xlsx").exists(), text


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_migrate_takes_the_old_builds_blank_matrices(other: Catalogue, tmp_path: Path) -> None:
    """--templates as in collect (D311): the folder of the old build's blank matrices lets migrate check the formulas
    of a version the registry lacks – a formula typed over is named by its cell, no D285 note; without it the note
    says what to give; a missing folder is a parameter error (status 2) said as collect says it, nothing written."""
    from click.testing import CliRunner

    from generator.cli import main

    kept = tmp_path / "vecais-build" / "lejupielades" / "matrica"
    kept.mkdir(parents=True)
    write_workbook(other, kept / "veidne.xlsx", None)
    [child] = write_children(other, kept / "veidne.xlsx", make_children(other, 1, seed=3111), tmp_path / "vecas")
    wb = load_workbook(child.path)
    ws = wb["6.4"]
    ref = next(c.coordinate for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("=") and c.protection.locked)
    ws[ref] = 4321
    wb.save(child.path)

    def run(out: Path, *extra: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, ["migrate", str(child.path), "--out", str(out), *extra])
        assert "Traceback" not in result.output, result.output
        report = out.with_name(f"{out.stem}-parnesana.txt")
        return result.exit_code, (report.read_text("utf-8") if report.exists() else "") + result.output

    code, text = run(tmp_path / "bez.xlsx")
    assert code == 0 and UNREGISTERED in text and f"6.4. tabula, {ref}" not in text, text
    # D342: first what the worker can do (the amounts compared, the matrix made again), then the ministry's --templates
    said = " ".join(text.split())
    assert ("salīdziniet apmērus ar veco matricu un, ja tie atšķiras, aizpildiet matricu no jauna pašreizējā veidnē; "
            "tikai ministrija, kurai šīs versijas tukšās matricas vēl ir (iepriekšējā „ibm build” mapē "
            "lejupielades/matrica/), var norādīt šo mapi ar --templates (vai citu reģistru ar --registry) un pievienot "
            "--overwrite – tad matricu pārnes ar formulu pārbaudi") in said, text
    code, text = run(tmp_path / "ar.xlsx", "--templates", str(tmp_path / "vecais-build"))
    assert code == 0 and UNREGISTERED not in text, text
    assert f"6.4. tabula, {ref}" in text and "formula bija aizstāta ar vērtību" in text, text
    missing = tmp_path / "nav-mapes"
    code, text = run(tmp_path / "nav.xlsx", "--templates", str(missing))
    assert code == 2 and f"--templates „{missing}”: mape nav atrasta" in text, text
    assert not (tmp_path / "nav.xlsx").exists()
