"""The committed JSON Schemas equal what the models export, and the real catalogue satisfies them."""

from __future__ import annotations

import json
import re

import jsonschema
import yaml

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.catalogue.schema import schema_texts


def test_committed_schemas_are_current() -> None:
    folder = DEFAULT_CATALOGUE / "schema"
    for name, text in schema_texts().items():
        committed = (folder / name).read_text(encoding="utf-8")
        assert committed == text, f"catalogue/schema/{name} is stale: run `ibm schema` and commit"


def _plain_yaml(path):
    # Editors validate the YAML as written (dates and numbers as YAML types); compare as JSON would see it.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def test_every_catalogue_yaml_names_its_schema_and_validates_against_it() -> None:
    """Every YAML file of catalogue/ names a committed schema (the editor's `$schema` line) and satisfies it."""
    schemas = {name: json.loads(text) for name, text in schema_texts().items()}
    files = sorted(p for p in DEFAULT_CATALOGUE.rglob("*.yaml") if "schema" not in p.relative_to(DEFAULT_CATALOGUE).parts)
    assert len(files) > 40
    used = set()
    for path in files:
        rel = path.relative_to(DEFAULT_CATALOGUE).as_posix()
        found = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
        assert found, f"{rel}: nav `# yaml-language-server: $schema=…` rindas"
        target = (path.parent / found.group(1)).resolve()
        assert target.parent == (DEFAULT_CATALOGUE / "schema").resolve() and target.name in schemas, \
            f"{rel}: shēma {found.group(1)} nav catalogue/schema/"
        used.add(target.name)
        validator = jsonschema.Draft202012Validator(schemas[target.name])
        errors = [e for e in validator.iter_errors(_plain_yaml(path)) if not _is_number_as_string(e)]
        assert not errors, f"{rel}: {errors[0].message}"
    assert used == set(schemas)  # every exported schema is some file's schema


def _is_number_as_string(error) -> bool:
    # pydantic's Decimal schema accepts numbers and numeric strings; YAML floats load as float here.
    return error.validator in ("anyOf", "type", "pattern") and isinstance(error.instance, (int, float, str))


def test_schema_does_not_overwrite_a_file_it_did_not_write(tmp_path) -> None:  # noqa: ANN001
    """A user's file of a schema's name stops `ibm schema --out` before anything is written (D119, audit35b F5); its
    own earlier schemas are replaced, and other files stay."""
    from click.testing import CliRunner

    from generator.cli import main

    out = tmp_path / "shemas"
    out.mkdir()
    (out / "mans.txt").write_text("mans fails\n", encoding="utf-8")
    first = CliRunner().invoke(main, ["schema", "--out", str(out)])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, ["schema", "--out", str(out)])
    assert again.exit_code == 0, again.output
    mine = out / "programme.schema.json"
    mine.write_text("mans svarīgais fails\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    refused = CliRunner().invoke(main, ["schema", "--out", str(out)])
    assert refused.exit_code == 1, refused.output
    assert refused.output.startswith(f"Kļūda: mapē {out} ir fails, ko šī komanda nav rakstījusi: "
                                     "programme.schema.json; nekas netika uzrakstīts – pārvietojiet šo failu citur vai "
                                     "izvēlieties citu --out."), refused.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
