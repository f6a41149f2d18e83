"""JSON Schemas exported from the catalogue models, committed under catalogue/schema/ for editors."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from generator.catalogue.annexes import AnnexRegister
from generator.catalogue.data_files import DATA_FILES
from generator.catalogue.legal_acts import LegalActs
from generator.catalogue.models import (
    Enumerations,
    Holidays,
    Municipalities,
    Price,
    Programme,
    Rounds,
    Service,
)
from generator.catalogue.municipality_names import MunicipalityNames
from generator.catalogue.open_data_licence import OpenDataLicence

SCHEMAS: dict[str, type[BaseModel]] = {
    "service": Service,
    "price": Price,
    "programme": Programme,
    "municipalities": Municipalities,
    "municipality-names": MunicipalityNames,
    "enums": Enumerations,
    "rounds": Rounds,
    "holidays": Holidays,
    "annexes": AnnexRegister,
    "tiesibu-akti": LegalActs,
    "open-data-licence": OpenDataLicence,
    # metodika/valstis.yaml -> metodika-valstis, piemeri/10-pielikums.yaml -> piemeri-10-pielikums, …
    **{rel.removesuffix(".yaml").replace("/", "-"): model for rel, model in DATA_FILES.items()},
}


def schema_texts() -> dict[str, str]:
    """File name → JSON text of every schema, in a stable form."""
    out: dict[str, str] = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = DRAFT
        schema["title"] = f"IBM katalogs: {name}"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


DRAFT = "https://json-schema.org/draft/2020-12/schema"


class NotOwnSchema(Exception):
    """A file of a schema's name that `ibm schema` did not write: the Latvian reason (own_files.refusal)."""


def carries_mark(path: Path, name: str) -> bool:
    """Whether ``path`` is a schema this command wrote for ``name`` (its mark: the JSON Schema draft and the title
    "IBM katalogs: <name>"), so that replacing it loses nothing of a user's; a user's file of that name is not."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("$schema") == DRAFT and \
        data.get("title") == f"IBM katalogs: {name.removesuffix('.schema.json')}"


def _taken(path: Path, name: str) -> bool:
    """Whether ``path`` holds something this command may not replace: a link, a folder, a user's file."""
    if path.is_symlink():
        return True
    return path.exists() and not (path.is_file() and carries_mark(path, name))


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``: first into a temporary folder inside it, then moved into place
    together (a failure leaves the previous schemas as they were; other files are not touched). A file of a
    schema's name that is not a schema this command wrote (``carries_mark``) stops it before anything is written,
    as every other writing command refuses a file it did not write (D119, audit35b F5)."""
    from generator.documents.staged_output import render_staged
    from generator.own_files import refusal

    texts = schema_texts()
    foreign = [name for name in texts if _taken(folder / name, name)]
    if foreign:
        raise NotOwnSchema(refusal(folder, foreign, []))

    def write(staging: Path) -> None:
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")

    placed = {p.name: p for p in render_staged(folder, write, prefix=".ibm-schema-")}
    return [placed[name] for name in texts]
