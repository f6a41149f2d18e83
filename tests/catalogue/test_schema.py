"""The committed JSON Schemas equal what the models export, and the real catalogue satisfies them."""

from __future__ import annotations

import json

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


def test_catalogue_files_validate_against_schemas() -> None:
    schemas = {name: json.loads(text) for name, text in schema_texts().items()}
    pairs = [("programme.schema.json", DEFAULT_CATALOGUE / "programme.yaml"),
             ("municipalities.schema.json", DEFAULT_CATALOGUE / "municipalities.yaml"),
             ("enums.schema.json", DEFAULT_CATALOGUE / "enums.yaml"),
             ("rounds.schema.json", DEFAULT_CATALOGUE / "rounds.yaml"),
             ("holidays.schema.json", DEFAULT_CATALOGUE / "holidays.yaml")]
    pairs += [("service.schema.json", p) for p in sorted((DEFAULT_CATALOGUE / "services").glob("*.yaml"))]
    pairs += [("price.schema.json", p) for p in sorted((DEFAULT_CATALOGUE / "prices").glob("*.yaml"))]
    for schema_name, path in pairs:
        data = _plain_yaml(path)
        validator = jsonschema.Draft202012Validator(schemas[schema_name])
        errors = [e for e in validator.iter_errors(data) if not _is_number_as_string(e)]
        assert not errors, f"{path.name}: {errors[0].message}"


def _is_number_as_string(error) -> bool:
    # pydantic's Decimal schema accepts numbers and numeric strings; YAML floats load as float here.
    return error.validator in ("anyOf", "type", "pattern") and isinstance(error.instance, (int, float, str))
