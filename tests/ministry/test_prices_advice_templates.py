"""The advice of a ``prices_not_in_force`` error follows the template the matrix was filled into
(reference.workbook.prices_advice): a matrix of the current template is told to use the matrix issued for its
period (`ibm matrix --day`); one of an older registered template or of an unknown one is told to carry it onto the
current template with „ibm migrate VECA.xlsx --out JAUNA.xlsx” (which takes the prices of the plan's first day,
D63) – in collect's reader and summary and in the papers-from-matrix reader alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.cli import main
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource, register_current
from generator.reference.params import Params
from generator.reference.workbook import (
    CURRENT,
    MIGRATE_COMMAND,
    OLDER,
    UNKNOWN,
    check_prices_in_force,
    evaluate_workbook,
    prices_advice,
)
from generator.workbook.writer import write_workbook
from tests.ministry.conftest import KEY
from tests.ministry.factory import make_children, write_children
from tests.workbook.conftest import round_catalogue

PILOT_START = dt.date(2018, 10, 1)
ROOT = Path(__file__).resolve().parents[2]


def test_the_advice_per_template() -> None:
    day = dt.date(2019, 4, 1)
    current = prices_advice(day)
    assert current == prices_advice(day, CURRENT)
    assert current == "izmantojiet matricu, kas izdota tam periodam (ibm matrix --day 01.04.2019 vai to izsniedz ministrija)"
    assert "ibm migrate" not in current
    older, unknown = prices_advice(day, OLDER), prices_advice(day, UNKNOWN)
    for advice in (older, unknown):
        assert f"ar komandu {MIGRATE_COMMAND}" in advice, advice
        assert "01.04.2019 spēkā esošajām cenām" in advice and advice.endswith(current), advice
    assert "aizpildīta vecākā veidnē" in older and "aizpildīta nezināmā veidnē" in unknown


def test_the_span_advice_of_an_older_template_names_the_migration(catalogue: Catalogue) -> None:
    """A plan that runs past the matrix's prices: shorten it, or start on the change and migrate (the sentence
    stays one: "sāciet … un pārnesiet …")."""
    params = Params.from_catalogue(catalogue, dt.date(2023, 4, 1))
    params = dataclasses.replace(params, prices_until=dt.date(2023, 6, 30), plan_changes=None)
    [current] = check_prices_in_force(dt.date(2023, 5, 1), 3, params)
    [older] = check_prices_in_force(dt.date(2023, 5, 1), 3, params, OLDER)
    assert "sāciet to 01.07.2023 un izmantojiet matricu" in current.message, current.message
    assert f"sāciet to 01.07.2023 un pārnesiet matricu (tā aizpildīta vecākā veidnē) ar komandu {MIGRATE_COMMAND}" \
        in older.message, older.message
    [before] = check_prices_in_force(dt.date(2023, 3, 1), 3, params, OLDER)
    assert "); pārnesiet matricu (tā aizpildīta vecākā veidnē)" in before.message, before.message


def test_the_command_form_is_the_documented_one() -> None:
    """The advice's command is the one README's table and `ibm migrate --help` give: VECA, then --out."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `ibm migrate VECA.xlsx\\|MAPE --out JAUNA.xlsx\\|MAPE [--overwrite] [--templates MAPE] [--registry F]` |" in readme
    shown = CliRunner().invoke(main, ["migrate", "--help"])
    assert "migrate [PARAMETRI] VECA" in shown.output and "--out CEĻŠ" in shown.output, shown.output
    assert MIGRATE_COMMAND == "„ibm migrate VECA.xlsx --out JAUNA.xlsx”"


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict:
    """A catalogue with a later children's round (``two``) and the same catalogue one edit later (``newer``, whose
    registry knows ``two``'s templates): a pilot plan typed into ``two``'s default matrix (the later round's prices)
    has prices not in force – for ``two`` on its current template, for ``newer`` on an older registered one."""
    folder = tmp_path_factory.mktemp("cenu-padoms")
    two = round_catalogue(folder / "a")
    target = folder / "b" / "catalogue"
    shutil.copytree(two.root, target)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8").replace("participants: 10\n", "participants: 11\n"),
                      encoding="utf-8")
    newer = load_or_raise(target)
    registry = folder / "registrs.json"
    register_current(two, registry)
    pool = make_children(catalogue, 12, seed=63)
    pilot = Params.from_catalogue(two, PILOT_START)
    child = next(c for c in pool if not any(f.code == "prices_not_in_force"
                                            for f in evaluate_workbook(c.inputs, pilot).findings))
    child = dataclasses.replace(child, municipality="ogre")
    [filled] = write_children(two, write_workbook(two, folder / "veidne.xlsx"), [child], folder / "matricas")
    return {"two": two, "newer": newer, "registry": registry, "child": filled, "folder": folder / "matricas"}


def _advice(findings: tuple) -> str:
    [found] = [f.message for f in findings if f.code == "prices_not_in_force"]
    return found


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_collects_reader_advises_by_template(setting: dict) -> None:
    child, root = setting["child"], setting["folder"]
    start = child.inputs.period_start.strftime("%d.%m.%Y")
    current = read_matrix(child.path, root, setting["two"], TemplateSource(setting["two"], setting["registry"]), KEY)
    older = read_matrix(child.path, root, setting["newer"], TemplateSource(setting["newer"], setting["registry"]), KEY)
    empty = root.parent / "tukss.json"
    empty.write_text('{"versions": {}}', encoding="utf-8")
    unknown = read_matrix(child.path, root, setting["newer"], TemplateSource(setting["newer"], empty), KEY,
                          strict_version=False)  # a previous period's matrix (collect --previous)
    for result in (current, older, unknown):
        assert result.refusal is None and result.record is not None, result.refusal
    assert "ibm migrate" not in _advice(current.record.result.findings)
    assert f"(ibm matrix --day {start} vai to izsniedz ministrija)" in _advice(current.record.result.findings)
    assert f"(tā aizpildīta vecākā veidnē) ar komandu {MIGRATE_COMMAND}" in _advice(older.record.result.findings)
    assert f"(tā aizpildīta nezināmā veidnē) ar komandu {MIGRATE_COMMAND}" in _advice(unknown.record.result.findings)


def test_papers_reader_advises_migrate_for_an_older_template(setting: dict) -> None:
    child = setting["child"]
    older = read_for_documents(child.path, setting["newer"], TemplateSource(setting["newer"], setting["registry"]),
                               None)
    current = read_for_documents(child.path, setting["two"], TemplateSource(setting["two"], setting["registry"]),
                                 None)
    [said] = [e for e in older.errors if "matricas cenas un parametri" in e]
    assert f"(tā aizpildīta vecākā veidnē) ar komandu {MIGRATE_COMMAND}" in said, older.errors
    [plain] = [e for e in current.errors if "matricas cenas un parametri" in e]
    assert "ibm migrate" not in plain and "izmantojiet matricu, kas izdota tam periodam" in plain, plain


def test_collect_summary_lists_the_migrate_advice(setting: dict, tmp_path: Path) -> None:
    """End to end: the summary's sheet of rule errors gives the older template's matrix the migrate advice."""
    out = tmp_path / "kopsavilkums.xlsx"
    result = CliRunner().invoke(main, ["collect", str(setting["folder"]), "--catalogue", str(setting["newer"].root),
                                       "--out", str(out), "--registry", str(setting["registry"]), "--jobs", "1",
                                       "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 0, result.output
    ws = load_workbook(out, read_only=True)["Noteikumu kļūdas"]
    texts = [str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    [said] = [t for t in texts if "matricas cenas un parametri" in t]
    assert f"(tā aizpildīta vecākā veidnē) ar komandu {MIGRATE_COMMAND}" in said, said
