"""The JSON files of the open data have a published JSON Schema, every field they hold is described in LASIMANI.txt,
and the CSV columns map onto JSON fields as LASIMANI.txt says (audit40 F3, F8)."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.opendata.description import CSV_TO_JSON, FILE
from generator.opendata.export import render_open_data
from generator.opendata.schema import field_rows, schema_name


def _pairs(folder: Path) -> list[tuple[Path, dict[str, Any], dict[str, Any]]]:
    pairs = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        schema_path = folder / schema_name(path.name)
        assert schema_path.is_file(), f"{path.name}: nav publicētas shēmas"
        pairs.append((path, json.loads(path.read_text("utf-8")), json.loads(schema_path.read_text("utf-8"))))
    return pairs


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_every_json_file_names_its_published_schema_and_is_valid_against_it(folder: Path) -> None:
    pairs = _pairs(folder)
    assert {p.name for p, _d, _s in pairs} >= {"cenas.json", "pakalpojumi.json", "pasvaldibas.json",
                                                 "programma.json", "kartas.json"}
    for path, data, schema in pairs:
        assert data["$schema"] == schema_name(path.name)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(schema).iter_errors(data)]
        assert not errors, (path.name, errors[:5])


def test_the_schemas_reject_a_field_they_do_not_describe_and_a_wrong_type(folder: Path) -> None:
    """Not a schema that accepts anything: an extra key, a number for a text amount and a bad date are errors."""
    _path, data, schema = next(p for p in _pairs(folder) if p[0].name == "cenas.json")
    validator = _validator(schema)
    for change in (lambda d: d["cenas"][0].__setitem__("nezinams_lauks", 1),
                   lambda d: d["cenas"][0]["vertibas"][0].__setitem__("summa", 4.5),
                   lambda d: d["cenas"][0]["vertibas"][0].__setitem__("speka_no", "01.08.2018"),
                   lambda d: d["cenas"][0]["vertibas"][0].__setitem__("statuss", "varbūt")):
        broken = copy.deepcopy(data)
        change(broken)
        assert list(validator.iter_errors(broken)), change


def _data_paths(value: Any, path: str, rows: set[str]) -> set[str]:
    """The path of every key in ``value`` (lists as [], a dictionary of data keys as <atslēga>)."""
    found: set[str] = set()
    if isinstance(value, list):
        for item in value:
            found |= _data_paths(item, path + "[]", rows)
    elif isinstance(value, dict):
        data_keys = f"{path}.<atslēga>" in rows
        for k, v in value.items():
            child = f"{path}.<atslēga>" if data_keys else (f"{path}.{k}" if path else k)
            found.add(child)
            found |= _data_paths(v, child, rows)
    return found


def test_every_field_written_is_described_in_the_readme_with_type_and_meaning(folder: Path) -> None:
    readme = (folder / FILE).read_bytes().decode("utf-8-sig")
    for path, data, schema in _pairs(folder):
        rows = {row[0]: row for row in field_rows(schema)}
        written = _data_paths(data, "", set(rows))
        assert written, path.name
        undocumented = sorted(p for p in written if p not in rows or not rows[p][2])
        assert not undocumented, (path.name, undocumented[:10])
        section = readme.split(f"\r\n{path.name} (lauks", 1)[1].split("\r\n\r\n", 2)[1]
        for p in written:
            _p, kind, meaning, unit = rows[p]
            line = f"  {p}: {kind}; {meaning}" + (f" [{unit}]" if unit else "")
            assert line in section.splitlines(), (path.name, line)
    amount = "  cenas[].vertibas[].summa: decimālskaitlis tekstā (\"4.50\") vai null; "
    assert amount in readme and "[EUR]" in readme.split(amount, 1)[1].split("\r\n", 1)[0]


def test_a_field_without_a_description_stops_the_export(tmp_path: Path, catalogue: Catalogue, monkeypatch) -> None:  # noqa: ANN001
    from generator.opendata import fields, schema

    monkeypatch.delitem(fields.FIELDS, "min")
    with pytest.raises(schema.UndocumentedField, match="„min”"):
        render_open_data(catalogue, tmp_path, progress=lambda _m: None)


def test_csv_columns_are_json_fields_of_the_same_name_or_of_the_documented_one(folder: Path) -> None:
    """LASIMANI.txt's claim: a CSV column is the JSON field of the same name, except the listed pairs."""
    readme = (folder / FILE).read_bytes().decode("utf-8-sig")
    schemas = {p.name: {".".join(row[0].replace("[]", "").split(".")[-n:]) for row in field_rows(s) for n in (1, 2)}
               for p, _d, s in _pairs(folder)}
    for csv_path in sorted(folder.glob("*.csv")):
        json_name = csv_path.stem + ".json"
        if json_name not in schemas:
            continue
        header = next(csv.reader(csv_path.open(encoding="utf-8-sig", newline="")))
        for column in header:
            target_file, field = CSV_TO_JSON.get((csv_path.name, column), (json_name, column))
            assert set(field.split(" / ")) <= schemas[target_file], (csv_path.name, column)
            if (csv_path.name, column) in CSV_TO_JSON:
                assert f"  {csv_path.name} kolonna „{column}” = {target_file} lauks „{field}”" in readme
    assert "tie paši, kas CSV kolonnām" not in readme  # the old, untrue claim


def test_an_unconfirmed_zero_is_null_in_json_with_its_status(folder: Path, catalogue: Catalogue) -> None:  # F8
    prices = {p["id"]: p for p in json.loads((folder / "cenas.json").read_text("utf-8"))["cenas"]}
    placeholders = [(p.id, i) for p in catalogue.prices for i, v in enumerate(p.values) if v.placeholder_zero]
    assert placeholders, "katalogā vairs nav neapstiprinātas nulles – testam vajag citu piemēru"
    for price_id, index in placeholders:
        value = prices[price_id]["vertibas"][index]
        assert value["summa"] is None and value["statuss"] == "jāprecizē", value
    confirmed = [v for p in prices.values() for v in p["vertibas"] if v["statuss"] == "apstiprināts"]
    assert confirmed and all(v["summa"] not in (None, "0.00") for v in confirmed if v["veids"] == "ceiling")


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_price_date_nobody_knows_is_flagged_not_shown_as_confirmed(folder: Path, catalogue: Catalogue) -> None:  # F9
    unknown = [(p.id, v.effective_from.isoformat()) for p in catalogue.prices for v in p.values
               if "datums nav noskaidrots" in v.source]
    assert unknown, "katalogā vairs nav cenas ar nezināmu avota datumu – testam vajag citu piemēru"
    rows = {(r["id"], r["speka_no"]): r["speka_no_statuss"] for r in _csv_rows(folder / "cenas.csv")}
    assert {rows[k] for k in unknown} == {"jāprecizē"}
    assert "apstiprināts" in rows.values()
    prices = {p["id"]: p for p in json.loads((folder / "cenas.json").read_text("utf-8"))["cenas"]}
    for price_id, day in unknown:
        value = next(v for v in prices[price_id]["vertibas"] if v["speka_no"] == day)
        assert value["speka_no_statuss"] == "jāprecizē"


def test_the_price_csv_keeps_the_notes_and_what_a_price_parameter_applies_to(folder: Path, catalogue: Catalogue) -> None:
    rows = {(r["id"], r["speka_no"]): r for r in _csv_rows(folder / "cenas.csv")}  # F7
    for price in catalogue.prices:
        for value in price.values:
            row = rows[(price.id, value.effective_from.isoformat())]
            assert row["piezime"] == (value.note or "")
            scope = price.applies_to
            assert row["attiecas_uz_formas"] == (";".join(f.value for f in scope.forms) if scope else "")
            assert row["attiecas_uz_rezimi"] == (";".join(r.value for r in scope.regimes) if scope else "")
    assert any(r["attiecas_uz_formas"] == "group" for r in rows.values())
    assert any(r["piezime"] for r in rows.values())


def test_municipality_names_carry_their_status_and_days(folder: Path, catalogue: Catalogue) -> None:  # F4
    names = catalogue.municipality_names
    assert names is not None
    rows = _csv_rows(folder / "pasvaldibas.csv")
    assert rows
    for row in rows:
        entry = names.names[row["id"]]
        pilot = next(n for n in entry.municipality if n.name == row["nosaukums"])
        service = next(n for n in entry.social_service if n.name == row["socialais_dienests"])
        assert (row["nosaukums_statuss"], row["nosaukums_speka_no"], row["nosaukums_speka_lidz"]) == (
            pilot.status.value, pilot.valid_from.isoformat(), pilot.valid_to.isoformat() if pilot.valid_to else "")
        assert row["socialais_dienests_statuss"] == service.status.value
    assert {r["socialais_dienests_statuss"] for r in rows} == {"jāprecizē"}  # the sources never name them
    history = _csv_rows(folder / "pasvaldibu-nosaukumi.csv")
    assert len(history) == sum(len(e.municipality) + len(e.social_service) for e in names.names.values())
    later = [r for r in history if r["iestade"] == "municipality" and not r["speka_lidz"]]
    assert later and {r["statuss"] for r in later} == {"jāprecizē"}, later[:2]
    data = json.loads((folder / "pasvaldibu-nosaukumi.json").read_text("utf-8"))["pasvaldibu_nosaukumi"]
    valmiera = next(d for d in data if d["id"] == "valmiera")
    assert valmiera["pasvaldiba"][0]["speka_lidz"] == next(
        r["speka_lidz"] for r in history if r["pasvaldiba"] == "valmiera" and r["iestade"] == "municipality")
