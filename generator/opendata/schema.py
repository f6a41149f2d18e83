"""A JSON Schema for each open-data JSON file (audit40 F3), made from the same catalogue models that write the file.

The models' schema (pydantic, serialization form) has English property names; here every property gets the Latvian
key the file uses (keys.py) and the Latvian description of fields.py, with its unit. A decimal (an amount, a rate)
is a string with a decimal point, as the files write it. The schema is published beside its file
(``cenas.json`` -> ``cenas.schema.json``), and the file names it in its ``$schema`` field.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from generator.opendata.fields import FIELDS, OWN_FIELDS
from generator.opendata.keys import key

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
DATE = {"type": "string", "format": "date"}
FILE_KEYS = ("$schema", "kataloga_versija")


class UndocumentedField(ValueError):
    """A JSON key of the open data without a description in generator/opendata/fields.py."""


class _Generator(GenerateJsonSchema):
    def decimal_schema(self, schema: Any) -> dict[str, Any]:  # noqa: ARG002 – written as "4.50"
        return dict(DECIMAL)


def schema_name(json_name: str) -> str:
    return json_name.removesuffix(".json") + ".schema.json"


def describe(name: str, node: dict[str, Any], owner: str | None = None) -> dict[str, Any]:
    """``node`` with the Latvian description (and unit) of the key ``name`` in the model titled ``owner``: its own
    text for this model (OWN_FIELDS), else the key's one text (FIELDS)."""
    found = OWN_FIELDS.get((owner or "", name)) or FIELDS.get(name)
    if found is None:
        where = f" objektā {owner}" if owner else ""
        raise UndocumentedField(f"atvērto datu laukam „{name}”{where} nav apraksta (generator/opendata/fields.py)")
    meaning, unit = found
    described = {**node, "description": meaning}
    if unit:
        described["x-mervieniba"] = unit
    return described


def _latvian(node: Any) -> Any:
    """The models' schema with Latvian property names and descriptions, without the English titles."""
    if isinstance(node, list):
        return [_latvian(n) for n in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    owner = node.get("title")  # the model that holds the properties: some keys mean different things per model
    for name, value in node.items():
        if name in ("title", "description", "default"):
            continue  # English titles and docstrings; the Latvian description is set per property below
        if name == "properties":
            result[name] = {key(k): describe(key(k), _latvian(v), owner) for k, v in value.items()}
        elif name == "required":
            result[name] = [key(k) for k in value]
        else:
            result[name] = _latvian(value)
    return result


def model_schema(model: type[BaseModel], extra: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One item's schema; ``extra``: derived fields the export adds (by Latvian key), required in every item."""
    schema = _latvian(model.model_json_schema(mode="serialization", by_alias=True, schema_generator=_Generator))
    for name, node in (extra or {}).items():
        schema["properties"][name] = describe(name, node, model.__name__)
        schema.setdefault("required", []).append(name)
    return schema


def file_schema(json_name: str, title: str, list_key: str, item: dict[str, Any], *, many: bool = True) -> dict[str, Any]:
    """The schema of a whole file: its ``$schema`` and ``kataloga_versija`` and, under ``list_key``, the items
    (``many``) or one object."""
    defs = item.pop("$defs", {})
    body = {"type": "array", "items": item} if many else item
    return {
        "$schema": DIALECT,
        "$id": schema_name(json_name),
        "title": f"{json_name} – {title}",
        "type": "object",
        "additionalProperties": False,
        "required": [*FILE_KEYS, list_key],
        "properties": {
            "$schema": describe("$schema", {"const": schema_name(json_name)}),
            "kataloga_versija": describe("kataloga_versija", {"type": "string"}),
            list_key: {**body, "description": title},
        },
        "$defs": defs,
    }


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **extra}
    return node


def type_text(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """A schema node's type in words (LASIMANI.txt)."""
    node = _resolve(node, defs)
    if "anyOf" in node:
        return " vai ".join(dict.fromkeys(type_text(n, defs) for n in node["anyOf"]))
    if "const" in node:
        return "teksts"
    if "enum" in node:
        return "kods (" + ", ".join(str(v) for v in node["enum"]) + ")"
    kind = node.get("type")
    if kind == "string":
        if node.get("format") == "date":
            return "datums GGGG-MM-DD"
        return "decimālskaitlis tekstā (\"4.50\")" if node.get("pattern") == DECIMAL["pattern"] else "teksts"
    return {"integer": "vesels skaitlis", "number": "skaitlis", "boolean": "true/false", "null": "null",
            "array": "saraksts", "object": "objekts"}.get(kind, "jebkas (skatīt shēmu)")


def field_rows(schema: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Every field of a file's schema: (path such as „cenas[].vertibas[].summa”, type, meaning, unit)."""
    defs = schema.get("$defs", {})
    rows: list[tuple[str, str, str, str]] = []

    def walk(path: str, node: dict[str, Any], seen: frozenset[str]) -> None:
        ref = node.get("$ref", "")
        if ref in seen:
            return
        node = _resolve(node, defs)
        seen = seen | {ref} if ref else seen
        for option in node.get("anyOf", []):
            walk(path, option, seen)
        if "items" in node:
            walk(path + "[]", node["items"], seen)
        if isinstance(node.get("additionalProperties"), dict):
            child = node["additionalProperties"]
            rows.append((path + ".<atslēga>", type_text(child, defs),
                         "vērtība katrai datu atslēgai (atslēgas nozīmi saka augstāk esošais lauks)", ""))
            walk(path + ".<atslēga>", child, seen)
        for name, child in node.get("properties", {}).items():
            child_path = f"{path}.{name}" if path else name
            rows.append((child_path, type_text(child, defs), child.get("description", ""), child.get("x-mervieniba", "")))
            walk(child_path, child, seen)

    walk("", schema, frozenset())
    return list(dict.fromkeys(rows))
