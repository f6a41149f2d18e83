"""Each open-data field's description is its own and true to the files (audit28 F5): a CSV column it names is a
column of that CSV and the field's own, one text never stands for things of different shapes, codes are spelled as
the data spell them, and case forms are described as case forms."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.opendata.description import CSV_TO_JSON
from generator.opendata.schema import field_rows, schema_name
from generator.opendata.tables import tables

CSV_COLUMN = re.compile(r"([\w-]+\.csv) kolonn\w* „([^”]+)”")
CASES = {"nominativs", "genitivs", "dativs", "akuzativs", "lokativs", "dzimte"}


def _rows(folder: Path) -> list[tuple[str, str, str, str]]:
    """(JSON file, field path, type, meaning) of every field of every published schema."""
    rows = []
    for path in sorted(folder.glob("*.schema.json")):
        json_name = path.name.replace(".schema.json", ".json")
        assert schema_name(json_name) == path.name
        for field, kind, meaning, _unit in field_rows(json.loads(path.read_text("utf-8"))):
            rows.append((json_name, field, kind, meaning))
    assert len({r[0] for r in rows}) >= 5
    return rows


def _headers(folder: Path) -> dict[str, list[str]]:
    return {p.name: next(csv.reader(p.open(encoding="utf-8-sig", newline=""))) for p in folder.glob("*.csv")}


def _is_that_column(json_name: str, field: str, csv_name: str, column: str) -> bool:
    """Whether the JSON field ``field`` of ``json_name`` is the CSV column (same name in the file's own CSV, or
    the pair LASIMANI.txt lists)."""
    plain = field.replace("[]", "")
    if (csv_name, column) in CSV_TO_JSON:
        target_file, target = CSV_TO_JSON[(csv_name, column)]
        return target_file == json_name and any(plain.endswith("." + t) for t in target.split(" / "))
    return csv_name == json_name.removesuffix(".json") + ".csv" and plain.rsplit(".", 1)[-1] == column


def test_a_csv_column_a_description_names_is_in_that_csv_and_is_the_fields_own(folder: Path) -> None:
    headers = _headers(folder)
    named = 0
    problems = []
    for json_name, field, _kind, meaning in _rows(folder):
        mentions = CSV_COLUMN.findall(meaning)
        if meaning.lower().count("csv") != len(mentions):  # „CSV kolonna …” without its file, or a CSV at all
            problems.append(f"{json_name} {field}: CSV bez datnes un kolonnas: {meaning}")
        for csv_name, column in mentions:
            named += 1
            if column not in headers.get(csv_name, []):
                problems.append(f"{json_name} {field}: {csv_name} nav kolonnas „{column}”")
            elif not _is_that_column(json_name, field, csv_name, column):
                problems.append(f"{json_name} {field}: „{csv_name} {column}” ir cita lauka kolonna")
    assert not problems, problems
    assert named >= 5, named  # the rule is exercised: the ids, codes and mapped columns name their column


def test_a_csv_column_named_in_a_csv_columns_description_exists(folder: Path, catalogue: Catalogue) -> None:
    headers = _headers(folder)
    mentions = [(t.file, c.name, m) for t in tables(catalogue) for c in t.columns for m in CSV_COLUMN.findall(c.meaning)]
    assert mentions
    assert not [m for m in mentions if m[2][1] not in headers.get(m[2][0], [])], mentions


def _shape(kind: str) -> str:
    kinds = set(kind.split(" vai ")) - {"null"}
    return "objekts" if "objekts" in kinds else "saraksts" if "saraksts" in kinds else "vērtība"


def test_one_description_never_stands_for_fields_of_different_shapes_or_for_another_files_field(folder: Path) -> None:
    """A generic text („… rekvizīti vai nosaukumi”, „datums, no kura vērtība vai akts …”) shared by a date and an
    object, a list and an object, is no field's own; a text naming a file belongs to one file's fields."""
    shapes: dict[str, set[str]] = defaultdict(set)
    files: dict[str, set[str]] = defaultdict(set)
    for json_name, _field, kind, meaning in _rows(folder):
        shapes[meaning].add(_shape(kind))
        if re.search(r"[\w-]+\.(csv|json)\b", meaning):
            files[meaning].add(json_name)
    assert not {m: s for m, s in shapes.items() if len(s) > 1}
    assert not {m: f for m, f in files.items() if len(f) > 1}


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_codes_are_spelled_in_descriptions_as_the_data_spell_them(folder: Path) -> None:
    """„kartas[].programma: kods (bērni, pieaugušie); … (kods: berni, …)” gave one code two spellings."""
    checked = 0
    for json_name, field, kind, meaning in _rows(folder):
        codes = re.findall(r"kods \(([^)]*)\)", kind)
        for code in (c for group in codes for c in group.split(", ")):
            if _folded(code) != code:
                checked += 1
                assert not re.search(rf"\b{re.escape(_folded(code))}\b", meaning), (json_name, field, meaning)
    assert checked  # some code has diacritics (bērni, jāprecizē)


def test_the_rounds_programme_is_not_called_a_pilot_and_short_names_are_each_their_own(folder: Path) -> None:
    rows = {(j, f): m for j, f, _k, m in _rows(folder)}
    programme = rows[("kartas.json", "kartas[].programma")]
    assert not programme.startswith("izmēģinājumprojekt") and "vēlākas kārtas nav" in programme, programme
    service, municipality = rows[("pakalpojumi.json", "pakalpojumi[].isais_nosaukums")], \
        rows[("pasvaldibas.json", "pasvaldibas[].isais_nosaukums")]
    assert "pakalpojum" in service and "pašvaldīb" not in service, service
    assert "pašvaldīb" in municipality and "pakalpojum" not in municipality, municipality
    act_kind, price_kind = rows[("tiesibu-akti.json", "tiesibu_akti[].veids")], rows[("cenas.json", "cenas[].vertibas[].veids")]
    assert act_kind != price_kind and "cenas.csv" not in act_kind, act_kind


def _children(rows: list[tuple[str, str, str, str]], json_name: str, field: str) -> set[str]:
    return {f.rsplit(".", 1)[-1] for j, f, _k, _m in rows if j == json_name and f.rsplit(".", 1)[0] == field}


def test_case_form_objects_are_described_as_case_forms(folder: Path) -> None:
    rows = _rows(folder)
    forms = [(j, f, m) for j, f, k, m in rows if _shape(k) == "objekts" and (c := _children(rows, j, f)) and c <= CASES]
    assert len(forms) >= 4, forms  # names of municipalities and social services, acts, norms
    for json_name, field, meaning in forms:
        assert "locījum" in meaning and "kod" not in meaning, (json_name, field, meaning)


def test_the_readme_carries_the_same_texts(folder: Path) -> None:
    readme = (folder / "LASIMANI.txt").read_bytes().decode("utf-8-sig")
    assert "kods: berni" not in readme and "pakalpojuma formu kodi vai nosaukuma formas" not in readme
    line = next(x for x in readme.splitlines() if x.startswith("  cenas[].id: "))
    assert line.endswith("(cenas.csv kolonna „id”)"), line
