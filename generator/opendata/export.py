"""Open-data export: the catalogue as JSON and CSV in build/atvertie-dati/ (UTF-8), with LASIMANI.txt describing them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.csvfiles import write_csv
from generator.opendata.description import json_list_key, write_description
from generator.opendata.keys import latvian
from generator.opendata.tables import tables
from generator.opendata.xlsx import write_table_xlsx

FOLDER = "atvertie-dati"


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


def render_open_data(cat: Catalogue, out: Path, progress=print) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    meta = {"kataloga_versija": cat.version}

    # Latvian keys throughout, each file's list under the file's own name (D142)
    services = [latvian(s) for s in cat.sorted_services()]
    written.append(_dump(folder / "pakalpojumi.json", {**meta, json_list_key("pakalpojumi.json"): services}))
    prices = [latvian(p) for p in cat.prices]
    written.append(_dump(folder / "cenas.json", {**meta, json_list_key("cenas.json"): prices}))
    munis = [latvian(m, {"pilots": [p.value for p in m.pilots]})  # derived from rounds.yaml
             for m in cat.municipalities.municipalities]
    written.append(_dump(folder / "pasvaldibas.json", {**meta, json_list_key("pasvaldibas.json"): munis}))
    written.append(_dump(folder / "programma.json", {**meta, json_list_key("programma.json"): latvian(cat.programme)}))
    rounds = [
        latvian(r, {"parskata_periodi": [{"nr": p.number, "sakums": p.start, "beigas": p.end}
                                         for p in cat.round_periods(r)]})
        for r in cat.rounds
    ]
    written.append(_dump(folder / "kartas.json", {**meta, json_list_key("kartas.json"): rounds}))
    if cat.legal_acts is not None:  # the acts documents cite, with their validity and its proof (D42)
        acts = [latvian(a) for a in cat.legal_acts.acts]
        written.append(_dump(folder / "tiesibu-akti.json", {**meta, json_list_key("tiesibu-akti.json"): acts}))
    csv_tables = tables(cat)
    for table in csv_tables:  # UTF-8 with BOM, so that Excel on Windows reads the diacritics (D142)
        written.append(write_csv(folder / table.file, [c.name for c in table.columns], table.rows(), bom=True,
                                 quote_text=True))  # „;” inside a cell never splits it (audit40 F1)
        written.append(write_table_xlsx(cat, folder, table))  # typed cells for spreadsheets
    written.append(write_description(cat, folder, csv_tables, [p.name for p in written]))
    progress(f"  atvērtie dati: {len(written)} faili")
    return written
