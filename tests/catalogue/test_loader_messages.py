"""Catalogue check messages: a folder where a YAML file belongs does not stop the check, YAML syntax errors
in Latvian with line and column, unconfirmed amounts as money; `ibm schema` writes through a temporary folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.catalogue import schema as schema_module
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from generator.catalogue.problems import Severity


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, root)
    return root


def test_a_folder_named_like_a_yaml_file_is_reported_and_the_rest_checked(copy: Path) -> None:
    (copy / "prices" / "x.yaml").mkdir()
    broken = sorted((copy / "services").glob("*.yaml"))[0]
    broken.write_text("id: [1, 2\n", encoding="utf-8")
    catalogue, problems = load_catalogue(copy)
    assert catalogue is None
    texts = [p.format(copy) for p in problems]
    assert any("prices/x.yaml" in t and "tā ir mape" in t for t in texts), texts
    assert any(broken.name in t and "YAML sintakses kļūda (2. rinda, 1. kolonna): sarakstā [...] gaidīts ',' vai ']'"
               in t for t in texts), texts


def test_yaml_syntax_errors_are_latvian(copy: Path) -> None:
    (copy / "programme.yaml").write_text("a: b: c\n", encoding="utf-8")
    _, problems = load_catalogue(copy)
    [problem] = [p for p in problems if p.path is not None and p.path.name == "programme.yaml"]
    assert problem.message == ("YAML sintakses kļūda (1. rinda, 5. kolonna): kols (atslēga: vērtība) šeit nav "
                               "atļauts – vai vērtībā ar kolu trūkst pēdiņu, vai nepareiza atkāpe")
    assert problem.line == 1
    assert "mapping values" not in problem.message


def test_unconfirmed_amounts_are_written_as_money() -> None:
    _, problems = load_catalogue(DEFAULT_CATALOGUE)
    warnings = [p.message.replace("\u00a0", " ") for p in problems
                if p.severity is Severity.warning and "ir jāprecizē" in p.message]
    assert not [w for w in warnings if re.search(r"\(\d+\.\d+\)", w)]
    assert any("Pavadoņa pakalpojums (stunda)” no 01.07.2021 (4,50 EUR) ir jāprecizē" in w for w in warnings), warnings


def test_schema_files_are_swapped_in_and_a_failure_changes_nothing(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "mans.txt").write_text("lietotāja", encoding="utf-8")
    written = schema_module.write_schemas(folder)
    assert {p.name for p in written} == set(schema_module.schema_texts())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert before["mans.txt"] == "lietotāja".encode()
    texts = {**schema_module.schema_texts(), "nav-mapes/x.schema.json": "{}"}
    monkeypatch.setattr(schema_module, "schema_texts", lambda: texts)
    with pytest.raises(OSError):
        schema_module.write_schemas(folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_tab_indent_and_a_missing_folder_are_said_plainly(copy: Path) -> None:
    """audit15 F11: a tab is named as such (libyaml does not name the character), no '-:' field slot and no
    ':1' line for a folder."""
    (copy / "holidays.yaml").write_text("foo:\n\t- x\n", encoding="utf-8")
    shutil.rmtree(copy / "prices")
    catalogue, problems = load_catalogue(copy)
    assert catalogue is None
    texts = [p.format(copy) for p in problems]
    assert "catalogue/holidays.yaml:2: YAML sintakses kļūda (2. rinda, 1. kolonna): tabulācijas zīme nav atļauta " \
           "– atkāpei lietojiet atstarpes (gaidīts: derīgs YAML)" in texts, texts
    assert "catalogue/prices: mape nav atrasta (gaidīts: mape ar YAML failiem)" in texts, texts
    assert not any(": -:" in t or "pēdiņās" in t for t in texts), texts
