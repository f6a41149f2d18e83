"""Open-data export: JSON and CSV of the catalogue, UTF-8, formula-like cells escaped."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.csvfiles import safe_cell
from generator.opendata.export import render_open_data


def test_export_contains_every_service_and_price_value(tmp_path: Path, catalogue: Catalogue) -> None:
    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    folder = tmp_path / "atvertie-dati"
    data = json.loads((folder / "pakalpojumi.json").read_text("utf-8"))
    assert data["kataloga_versija"] == catalogue.version
    assert {s["id"] for s in data["pakalpojumi"]} == {s.id for s in catalogue.services}
    with (folder / "cenas.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(p.values) for p in catalogue.prices)
    ceiling = [r for r in rows if r["id"] == "grupu-nodarbibu-griesti"][0]
    assert ceiling["summa"] == str(catalogue.price_by_id["grupu-nodarbibu-griesti"].values[0].amount)


def test_formula_like_text_is_escaped(tmp_path: Path, catalogue: Catalogue) -> None:
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("-kaut kas") == "'-kaut kas"
    assert safe_cell("@x") == "'@x"
    assert safe_cell("+371") == "'+371"
    assert safe_cell(-5) == "-5"
    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    for path in (tmp_path / "atvertie-dati").glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell.startswith(("=", "+", "@")) for cell in row), (path.name, row)
    text = (tmp_path / "atvertie-dati" / "pasvaldibas.csv").read_text("utf-8")
    assert "Rēzeknes" in text  # UTF-8 with diacritics


def test_export_is_byte_identical_for_same_catalogue(tmp_path: Path, catalogue: Catalogue) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    render_open_data(catalogue, a, progress=lambda _m: None)
    render_open_data(catalogue, b, progress=lambda _m: None)
    for path in sorted((a / "atvertie-dati").iterdir()):
        assert path.read_bytes() == (b / "atvertie-dati" / path.name).read_bytes(), path.name


def test_rounds_with_reporting_periods_and_holidays_are_open_data(tmp_path) -> None:
    import json

    from generator.catalogue.loader import load_or_raise
    from generator.opendata.export import render_open_data

    cat = load_or_raise()
    render_open_data(cat, tmp_path, progress=lambda _: None)
    rounds = json.loads((tmp_path / "atvertie-dati" / "kartas.json").read_text("utf-8"))["kartas"]
    assert [r["id"] for r in rounds] == [r.id for r in cat.rounds]
    first = rounds[0]["parskata_periodi"][0]
    assert (first["sakums"], first["beigas"]) == ("2018-10-01", "2019-03-31")
    holidays = (tmp_path / "atvertie-dati" / "svetku-dienas.csv").read_text("utf-8")
    assert "2018-11-19" in holidays and len(holidays.splitlines()) == len(cat.holiday_dates) + 1
    munis = json.loads((tmp_path / "atvertie-dati" / "pasvaldibas.json").read_text("utf-8"))["pasvaldibas"]
    assert next(m for m in munis if m["id"] == "cesis")["izmeginajumprojekti"] == ["pieaugušie"]


def test_every_service_row_names_whom_the_service_pays(tmp_path: Path, catalogue: Catalogue) -> None:
    """The CSV's payee column is the catalogue's field (provider or parent), one value per service."""
    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    with (tmp_path / "atvertie-dati" / "pakalpojumi.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["kods"]: r["maksajuma_sanemejs"] for r in csv.DictReader(fh)}
    assert rows == {s.id: s.payee.value for s in catalogue.services}
    assert set(rows.values()) == {"provider", "parent"}
    data = json.loads((tmp_path / "atvertie-dati" / "pakalpojumi.json").read_text("utf-8"))
    assert {s["id"]: s["maksajuma_sanemejs"] for s in data["pakalpojumi"]} == rows


def test_legal_acts_are_open_data_with_their_validity(tmp_path: Path, catalogue: Catalogue) -> None:
    render_open_data(catalogue, tmp_path, progress=lambda _: None)
    acts = json.loads((tmp_path / "atvertie-dati" / "tiesibu-akti.json").read_text("utf-8"))["tiesibu_akti"]
    mk = next(a for a in acts if a["id"] == "mk-288")
    assert mk["speka_lidz"] == {"datums": None, "statuss": "jāprecizē", "avots": mk["speka_lidz"]["avots"]}
    assert mk["zinams_speka"]["no"] == "2018-03-29" and mk["zinams_speka"]["lidz"] == "2018-09-30"
    assert [n["id"] for n in mk["normas"]] == ["mk-288-5"]


def _field_keys(value: object, data_keys: frozenset[str]) -> set[str]:
    """Every key of the JSON ``value`` except the keys of dictionaries that hold data (ids, age groups)."""
    keys: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in data_keys:
                keys.add(k)
            keys |= _field_keys(v, data_keys)
    elif isinstance(value, list):
        for v in value:
            keys |= _field_keys(v, data_keys)
    return keys


def test_json_keys_are_latvian_and_the_list_is_named_as_the_file(tmp_path: Path, catalogue: Catalogue) -> None:
    """audit22 F5, D142: one language for every JSON key, as in the CSV columns; pasvaldibas.json holds
    „pasvaldibas”, not „municipalities”."""
    from generator.opendata.keys import KEYS

    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    quotas = catalogue.programme.selection_quotas.values[0].value
    data_keys = frozenset({*quotas.per_age_group, *(str(k) for k in quotas.impairment_share)})
    english = {"municipalities", "name_lv", "effective_from", "values", "regime", "application_deadline", "payee",
               "valid_to", "known_in_force", "norms", "pilots", "amount", "source", "status", "unit", "note"}
    allowed = set(KEYS.values()) | {"kataloga_versija", "$schema"}
    for path in sorted((tmp_path / "atvertie-dati").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        if path.name.endswith(".schema.json"):
            continue
        assert set(data) == {"$schema", "kataloga_versija", path.stem.replace("-", "_")}, (path.name, set(data))
        keys = _field_keys(data, data_keys) - {path.stem.replace("-", "_")}
        assert not keys & english, (path.name, keys & english)
        assert keys <= allowed, (path.name, keys - allowed)
    assert not set(KEYS.values()) & english  # the map itself has no English key left
    readme = (tmp_path / "atvertie-dati" / "LASIMANI.txt").read_text("utf-8-sig")
    assert "pasvaldibas.json (lauks „pasvaldibas”," in readme and "daļa – angliski" not in readme, readme


def test_a_field_without_a_latvian_key_stops_the_export(tmp_path: Path, catalogue: Catalogue, monkeypatch) -> None:  # noqa: ANN001
    import pytest

    from generator.opendata import keys

    monkeypatch.delitem(keys.KEYS, "payee")
    with pytest.raises(keys.UntranslatedField, match="„payee”"):
        render_open_data(catalogue, tmp_path, progress=lambda _m: None)


def test_municipalities_csv_has_the_short_name_as_the_json_does(tmp_path: Path, catalogue: Catalogue) -> None:
    """D179 in the open data: pasvaldibas.csv (and its .xlsx copy) carry each municipality's short name beside the
    JSON's „isais_nosaukums”, added after the existing columns, and LASIMANI.txt says what it is."""
    import openpyxl

    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    folder = tmp_path / "atvertie-dati"
    with (folder / "pasvaldibas.csv").open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = list(reader.fieldnames or []), list(reader)
    assert header[-2:] == ["isais_nosaukums", "kataloga_versija"]  # the earlier columns keep their places
    expected = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    assert {r["id"]: r["isais_nosaukums"] for r in rows} == expected
    data = json.loads((folder / "pasvaldibas.json").read_text("utf-8"))["pasvaldibas"]
    assert {m["id"]: m["isais_nosaukums"] for m in data} == expected
    sheet = openpyxl.load_workbook(folder / "pasvaldibas.xlsx").worksheets[0]
    cells = [c.value for c in next(sheet.iter_rows(max_row=1))]
    column = cells.index("isais_nosaukums")
    assert {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]} == expected
    readme = (folder / "LASIMANI.txt").read_text("utf-8-sig")
    section = readme.split("pasvaldibas.csv", 1)[1]
    line = next(x for x in section.splitlines() if x.strip().startswith("isais_nosaukums:"))
    assert "šaurām kolonnām" in line and "D179" in line and "pilno nosaukumu" in line, line
