"""A matrix issued for an earlier children's round (`ibm matrix --round`, D63) is collected and migrated as what it
is: its version names its prices day, collect regenerates (or finds in the registry) that day's template and
recomputes the plan with that day's prices, and migrate keeps the plan on the prices of its first day. A prefilled
catalogue price still in force on the new template's prices day is kept as it was (D61)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.cli import main
from generator.ministry.integrity import compare_cells, content
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import Migrator
from generator.ministry.templates import TemplateSource, describe, load_registry, register_current
from generator.ministry.xlsxread import read_xlsx
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.version import template_version
from generator.workbook.writer import write_workbook
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, by_item, make_children, write_children
from tests.workbook.conftest import LATER_ROUND, round_catalogue

PILOT_START = dt.date(2018, 10, 1)
LATER_START = LATER_ROUND[1]


def _newer(source: Catalogue, target: Path) -> Catalogue:
    """The same catalogue one edit later (a round's participant count): a new catalogue version, the same prices."""
    shutil.copytree(source.root, target)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8").replace("participants: 10\n", "participants: 11\n"),
                      encoding="utf-8")
    return load_or_raise(target)


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict:
    """Two catalogues with an older (berni-2018) and a newer (berni-2021) children's round, the second one edit
    later; pilot-round children filled into the first catalogue's matrix for the older round."""
    folder = tmp_path_factory.mktemp("karta-2018")
    two = round_catalogue(folder / "a")
    newer = _newer(two, folder / "b" / "catalogue")
    assert two.version != newer.version
    old_round = write_workbook(two, folder / "ibm-matrica-2018-10-01.xlsx", None, PILOT_START)
    # the pilot catalogue's children: their plans start in berni-2018's reporting periods, on its offers
    pool = make_children(catalogue, 12, seed=63)
    params = Params.from_catalogue(two, PILOT_START)
    children = [c for c in pool if not any(f.code == "prices_not_in_force"
                                           for f in evaluate_workbook(c.inputs, params).findings)][:3]
    assert len(children) == 3
    children = write_children(two, old_round, children, folder / "matricas")
    return {"two": two, "newer": newer, "template": old_round, "children": children, "folder": folder}


def _collect(catalogue: Catalogue, folder: Path, out: Path, *extra: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["collect", str(folder), "--catalogue", str(catalogue.root), "--out", str(out),
                                     "--jobs", "1", "--no-cache", *extra],
                              env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})


def test_the_fingerprint_covers_the_prefilled_prices(setting: dict, tmp_path: Path) -> None:
    """Why the version must name the prices day: the older round's matrix does not pass as the default template
    (6.8's ceilings and prefilled prices and 6.11's days are locked template content)."""
    two = setting["two"]
    default = write_workbook(two, tmp_path / "veidne.xlsx")
    expected, _ = describe(default, template_version(two))
    problems = compare_cells(content(read_xlsx(setting["template"]), expected.inputs), expected.cells)
    assert any(p.startswith("6.8") for p in problems) and any(p.startswith("6.11") for p in problems), problems


def test_collect_uses_the_older_rounds_matrices_with_their_prices(setting: dict, tmp_path: Path) -> None:
    two, children = setting["two"], setting["children"]
    templates = TemplateSource(two, registry=tmp_path / "tukss.json")
    version = template_version(two, PILOT_START)
    assert templates.is_current(version) and templates.expected(version) is not None
    assert templates.expected(template_version(two, dt.date(2018, 10, 2))) is not None  # any day it can remake
    assert not templates.is_current(template_version(setting["newer"], PILOT_START))
    (tmp_path / "tukss.json").write_text('{"versions": {}}', encoding="utf-8")  # an empty registry
    result = _collect(two, setting["folder"] / "matricas", tmp_path / "k.xlsx", "--registry",
                      str(tmp_path / "tukss.json"))
    assert result.exit_code == 0, result.output
    assert f"Izmantotas {len(children)} matricas, neizmantotas 0;" in result.output
    assert "ibm migrate" not in result.output  # the current catalogue's matrix, not an older one


def test_collect_refuses_a_changed_price_in_the_older_rounds_matrix(setting: dict, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from generator.workbook.names import read, write

    child: Child = setting["children"][0]
    wb = load_workbook(child.path)
    ceilings = read(wb, "Pak_MaxCena")
    j = next(i for i, v in enumerate(ceilings) if isinstance(v, int | float))
    ceilings[j] = ceilings[j] + 1
    wb["6.8"].protection.sheet = False
    write(wb, "Pak_MaxCena", ceilings)
    folder = tmp_path / "matricas" / child.municipality
    folder.mkdir(parents=True)
    wb.save(folder / "matrica.xlsx")
    result = _collect(setting["two"], tmp_path / "matricas", tmp_path / "k.xlsx")
    assert result.exit_code == 1, result.output
    shown = lvformat.version(template_version(setting["two"], PILOT_START))
    assert f"matrica neatbilst veidnei {shown}" in result.output and "cenas uz 01.10.2018" in shown


def test_a_newer_catalogue_collects_the_registered_older_round_matrix(setting: dict, tmp_path: Path) -> None:
    """ibm fingerprint registers the matrices of every issue day, so a later catalogue still checks them."""
    registry = tmp_path / "registrs.json"
    version, outcome = register_current(setting["two"], registry)
    assert (version, outcome) == (template_version(setting["two"]), "added")
    assert set(load_registry(registry)) == {template_version(setting["two"]),
                                            template_version(setting["two"], PILOT_START)}
    assert register_current(setting["two"], registry)[1] == "unchanged"
    result = _collect(setting["newer"], setting["folder"] / "matricas", tmp_path / "k.xlsx", "--registry", str(registry))
    assert result.exit_code == 0, result.output
    assert "ibm migrate" in result.output  # an older version: read, with the advice to migrate it
    (tmp_path / "tukss.json").write_text('{"versions": {}}', encoding="utf-8")  # an empty registry
    unregistered = _collect(setting["newer"], setting["folder"] / "matricas", tmp_path / "k2.xlsx", "--registry",
                            str(tmp_path / "tukss.json"))
    assert unregistered.exit_code == 1 and "nav veidņu reģistrā" in unregistered.output


def test_migrate_keeps_the_older_rounds_prices_day(setting: dict, tmp_path: Path) -> None:
    newer, children = setting["newer"], setting["children"]
    with Migrator(newer) as migrator:
        for child in children:
            out = tmp_path / f"{child.index}.xlsx"
            report = migrator.migrate(child.path, out)
            assert report.new_version == template_version(newer, PILOT_START), report.new_version
            new = Matrix.open(out)
            assert new.scalar("IBM_Versija") == report.new_version
            assert report.price_changes == [] and report.cleared_prices == [], report.text()
            assert report.before is not None and report.after is not None, report.text()
            assert (report.after.provisional, report.after.errors) == (report.before.provisional, report.before.errors)
            assert not any("prices_not_in_force" in f or "izdota tam periodam" in f for f in report.new_findings)
    result = CliRunner().invoke(main, ["migrate", str(children[0].path), "--catalogue", str(newer.root),
                                       "--out", str(tmp_path / "cli.xlsx")])
    assert result.exit_code == 0, result.output
    heading = result.output.splitlines()[0]
    assert "cenas uz 01.10.2018) → " in heading and heading.count("cenas uz 01.10.2018") == 2
    # the old catalogue's versions are in no registry here: the report says its formulas were not checked (D285)
    assert "nav reģistrā (matrica izveidota no kataloga, kura veidnes nav reģistrētas)" in result.output


def test_migrate_moves_a_newer_round_matrix_with_a_pilot_plan_to_the_pilot_prices(setting: dict,
                                                                                   tmp_path: Path) -> None:
    """A pilot plan typed into the newest round's matrix (the wrong one, prices_not_in_force) migrates onto the
    matrix of its first day: the prices of 01.10.2018, listed as changed, and the error is gone."""
    two, newer = setting["two"], setting["newer"]
    child = dataclasses.replace(setting["children"][0], path=None)
    [wrong] = write_children(two, write_workbook(two, tmp_path / "veidne.xlsx"), [child], tmp_path / "nepareiza",
                             by_municipality=False)
    with Migrator(newer) as migrator:
        report = migrator.migrate(wrong.path, tmp_path / "jauna.xlsx")
    assert report.old_version == template_version(two) and report.new_version == template_version(newer, PILOT_START)
    assert report.before is not None and report.after is not None
    assert report.before.errors > report.after.errors, report.text()
    assert "2.1" in report.cleared_prices  # 4,50 EUR (2021) is not in force on 01.10.2018


def test_migrate_keeps_a_prefilled_price_still_in_force(setting: dict, tmp_path: Path) -> None:
    """The newest round's matrix prefills 2.1 (4,50 EUR, MK Nr. 316, "jāprecizē"): after a catalogue edit that does
    not change it, the migrated matrix holds the same prefilled 4,50 EUR, neither emptied nor listed as changed."""
    two, newer = setting["two"], setting["newer"]
    pool = make_children(two, 60, seed=64)
    params = Params.from_catalogue(two, LATER_START)
    child = next(c for c in pool if c.inputs.period_start >= LATER_START
                 and not any(f.code == "prices_not_in_force" for f in evaluate_workbook(c.inputs, params).findings))
    [filled] = write_children(two, write_workbook(two, tmp_path / "veidne.xlsx"), [child], tmp_path / "matricas",
                              by_municipality=False)
    old = read_xlsx(filled.path)
    assert by_item(old, "Pak_Cena")["2.1"] == by_item(old, "Pak_MaxCena")["2.1"] == 4.5  # prefilled
    with Migrator(newer) as migrator:
        report = migrator.migrate(filled.path, tmp_path / "jauna.xlsx")
    assert report.new_version == template_version(newer) and report.old_version == template_version(two)
    new = read_xlsx(tmp_path / "jauna.xlsx")
    assert by_item(new, "Pak_Cena")["2.1"] == by_item(new, "Pak_MaxCena")["2.1"] == 4.5
    assert "2.1" not in report.cleared_prices and all(p.item != "2.1" for p in report.price_changes)
    assert "Iepriekš ievietotās kataloga cenas nav mainījušās." in report.text()
    assert report.before is not None and report.after is not None
    assert (report.after.provisional, report.after.needed) == (report.before.provisional, report.before.needed)
