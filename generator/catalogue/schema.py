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
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"IBM katalogs: {name}"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``: first into a temporary folder inside it, then moved into place
    together (a failure leaves the previous schemas as they were; other files are not touched)."""
    from generator.documents.staged_output import render_staged

    texts = schema_texts()

    def write(staging: Path) -> None:
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")

    placed = {p.name: p for p in render_staged(folder, write, prefix=".ibm-schema-")}
    return [placed[name] for name in texts]
