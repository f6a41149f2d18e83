"""Open-data export: the catalogue as JSON and CSV in build/atvertie-dati/ (UTF-8)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.csvfiles import write_csv

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

    services = [s.model_dump(mode="python") for s in cat.sorted_services()]
    written.append(_dump(folder / "pakalpojumi.json", {**meta, "pakalpojumi": services}))
    written.append(
        write_csv(
            folder / "pakalpojumi.csv",
            ["kods", "joma", "nosaukums", "isais_nosaukums", "nosaukums_en", "sanemejs", "forma", "mervieniba",
             "traucejumi", "cenu_rezims", "transports", "maksajuma_sanemejs"],
            (
                [s.id, s.area, s.name_lv, s.short_name_lv, s.name_en, s.recipient.value, s.form.value, s.unit,
                 " ".join(i.value for i in s.impairments), s.regime.value, s.transport, s.payee.value]
                for s in cat.sorted_services()
            ),
        )
    )

    prices = [p.model_dump(mode="python") for p in cat.prices]
    written.append(_dump(folder / "cenas.json", {**meta, "cenas": prices}))
    written.append(
        write_csv(
            folder / "cenas.csv",
            ["id", "pakalpojums", "nosaukums", "mervieniba", "rezims", "speka_no", "veids", "summa", "min", "max",
             "statuss", "avots"],
            (
                [p.id, p.service or "", p.name_lv, p.unit, p.regime.value, v.effective_from.isoformat(), v.kind.value,
                 v.amount, v.min, v.max, v.status.value, v.source]
                for p in sorted(cat.prices, key=lambda p: p.id)
                for v in p.values
            ),
        )
    )

    munis = cat.municipalities.model_dump(mode="python")
    for entry, municipality in zip(munis["municipalities"], cat.municipalities.municipalities, strict=True):
        entry["pilots"] = [p.value for p in municipality.pilots]  # derived from rounds.yaml
    written.append(_dump(folder / "pasvaldibas.json", {**meta, **munis}))
    written.append(
        write_csv(
            folder / "pasvaldibas.csv",
            ["id", "nosaukums", "planosanas_regions", "izmeginajumprojekti", "socialais_dienests", "adrese"],
            (
                [m.id, m.name_lv, m.region, " ".join(p.value for p in m.pilots), m.social_service, m.address]
                for m in cat.municipalities.municipalities
            ),
        )
    )
    written.append(_dump(folder / "programma.json", {**meta, "parametri": cat.programme.model_dump(mode="python")}))
    rounds = [
        {**r.model_dump(mode="python"),
         "parskata_periodi": [{"nr": p.number, "sakums": p.start, "beigas": p.end} for p in cat.round_periods(r)]}
        for r in cat.rounds
    ]
    written.append(_dump(folder / "kartas.json", {**meta, "kartas": rounds}))
    written.append(
        write_csv(
            folder / "svetku-dienas.csv",
            ["datums", "nosaukums"],
            ([d.date.isoformat(), d.name_lv] for year in (cat.holidays.years if cat.holidays else []) for d in year.days),
        )
    )
    if cat.legal_acts is not None:  # the acts documents cite, with their validity and its proof (D42)
        acts = [a.model_dump(mode="python", by_alias=True) for a in cat.legal_acts.acts]
        written.append(_dump(folder / "tiesibu-akti.json", {**meta, "tiesibu_akti": acts}))
    progress(f"  atvērtie dati: {len(written)} faili")
    return written
