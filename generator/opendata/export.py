"""Open-data export: the catalogue as JSON and CSV in build/atvertie-dati/ (UTF-8), with LASIMANI.txt describing them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.legal_acts import LegalAct
from generator.catalogue.models import Municipality, Pilot, Price, PriceStatus, Programme, Round, Service
from generator.catalogue.municipality_names import InstitutionNames
from generator.csvfiles import write_csv
from generator.opendata.description import JSON_FILES, json_list_key, write_description
from generator.opendata.keys import key, latvian
from generator.opendata.schema import DATE, describe, file_schema, model_schema, schema_name
from generator.opendata.tables import matrix_codes, name_status, tables
from generator.opendata.xlsx import write_table_xlsx

FOLDER = "atvertie-dati"
NAME_FIELDS = ("nosaukums_statuss", "nosaukums_speka_no", "nosaukums_speka_lidz", "socialais_dienests_statuss")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _dump(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(_plain(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _price(price: Price) -> dict[str, Any]:
    """A price with the unconfirmed placeholder zero as null beside its status, as the CSV's blank (audit40 F8)."""
    data = latvian(price)
    for value, written in zip(price.values, data[key("values")], strict=True):
        if value.placeholder_zero:
            written[key("amount")] = None
    return data


def _json_files(cat: Catalogue) -> list[tuple[str, Any, dict[str, Any], bool]]:
    """Each JSON file: its name, its data (a list, or one object) and its schema's item, and whether a list."""
    services = [latvian(s, {"matricas_kodi": matrix_codes(s)}) for s in cat.sorted_services()]  # audit40 F11
    prices = [_price(p) for p in cat.prices]
    pilots = {"type": "array", "items": {"enum": [p.value for p in Pilot]}}
    munis = [latvian(m, {"pilots": [p.value for p in cat.pilot_programmes(m.id)],  # the pilot rounds only (D189)
                         **dict(zip(NAME_FIELDS, [*name_status(cat, m.id, "municipality", m.name_lv),
                                                  name_status(cat, m.id, "social_service", m.social_service)[0]],
                                    strict=True))})  # the names' status and days (audit40 F4)
             for m in cat.municipalities.municipalities]
    status = {"anyOf": [{"enum": [s.value for s in PriceStatus]}, {"type": "null"}]}
    day = {"anyOf": [dict(DATE), {"type": "null"}]}
    name_fields = dict(zip(NAME_FIELDS, (status, day, day, status), strict=True))
    periods = {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": ["nr", "sakums", "beigas"],
        "properties": {"nr": describe("nr", {"type": "integer"}), "sakums": describe("sakums", dict(DATE)),
                       "beigas": describe("beigas", dict(DATE))}}}
    rounds = [
        latvian(r, {"parskata_periodi": [{"nr": p.number, "sakums": p.start, "beigas": p.end}
                                         for p in cat.round_periods(r)]})
        for r in cat.rounds
    ]
    files = [
        ("pakalpojumi.json", services,
         model_schema(Service, {"matricas_kodi": {"type": "array", "items": {"type": "string"}}}), True),
        ("cenas.json", prices, model_schema(Price), True),
        ("pasvaldibas.json", munis, model_schema(Municipality, {key("pilots"): pilots, **name_fields}), True),
        ("programma.json", latvian(cat.programme), model_schema(Programme), False),
        ("kartas.json", rounds, model_schema(Round, {"parskata_periodi": periods}), True),
    ]
    if cat.municipality_names is not None:  # every name with its days and status (audit40 F4)
        names = [latvian(entry, {"id": municipality_id})
                 for municipality_id, entry in cat.municipality_names.names.items()]
        files.append(("pasvaldibu-nosaukumi.json", names,
                      model_schema(InstitutionNames, {"id": {"type": "string"}}), True))
    if cat.legal_acts is not None:  # the acts documents cite, with their validity and its proof (D42)
        files.append(("tiesibu-akti.json", [latvian(a) for a in cat.legal_acts.acts], model_schema(LegalAct), True))
    return files


def render_open_data(cat: Catalogue, out: Path, progress=print) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    schemas: dict[str, dict[str, Any]] = {}
    # Latvian keys throughout, each file's list under the file's own name (D142); beside each file its JSON
    # Schema, made from the same models (audit40 F3)
    for name, data, item, many in _json_files(cat):
        list_key = json_list_key(name)
        meta = {"$schema": schema_name(name), "kataloga_versija": cat.version}
        written.append(_dump(folder / name, {**meta, list_key: data}))
        schemas[name] = file_schema(name, JSON_FILES[name], list_key, item, many=many)
        written.append(_dump(folder / schema_name(name), schemas[name]))
    csv_tables = tables(cat)
    for table in csv_tables:  # UTF-8 with BOM, so that Excel on Windows reads the diacritics (D142)
        rows = list(table.rows())  # the same rows for the CSV and its spreadsheet copy
        written.append(write_csv(folder / table.file, [c.name for c in table.columns], rows, bom=True,
                                 quote_text=True))  # „;” inside a cell never splits it (audit40 F1)
        written.append(write_table_xlsx(cat, folder, table, rows))  # typed cells for spreadsheets
    written.append(write_description(cat, folder, csv_tables, schemas))
    progress(f"  atvērtie dati: {len(written)} faili")
    return written
