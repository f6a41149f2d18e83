"""The open data describe themselves (audit22 F2–F6, F38): a version in every CSV row, UTF-8 with BOM, and
LASIMANI.txt naming every column and every code the files use."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.opendata.description import FILE
from generator.opendata.export import render_open_data
from generator.opendata.tables import LIST_SEPARATOR, VERSION_COLUMN, tables


@pytest.fixture()
def folder(tmp_path: Path, catalogue: Catalogue) -> Path:
    render_open_data(catalogue, tmp_path, progress=lambda _m: None)
    return tmp_path / "atvertie-dati"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_csv_starts_with_a_bom_and_carries_the_catalogue_version(folder: Path, catalogue: Catalogue) -> None:
    csv_files = sorted(folder.glob("*.csv"))
    assert {p.name for p in csv_files} == {t.file for t in tables(catalogue)}
    for path in csv_files:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
        rows = read(path)
        assert rows and {r[VERSION_COLUMN] for r in rows} == {catalogue.version}, path.name


def test_the_description_names_every_column_and_every_code_the_files_hold(folder: Path, catalogue: Catalogue) -> None:
    text = (folder / FILE).read_bytes().decode("utf-8-sig")
    assert catalogue.version in text and "UTF-8" in text and "GGGG-MM-DD" in text and "decimālzīme ir punkts" in text
    for table in tables(catalogue):
        path = folder / table.file
        header = next(csv.reader(path.open(encoding="utf-8-sig", newline="")))
        section = text.split(f"{table.file} – ", 1)[1].split("\r\n\r\n", 2)[1]
        assert [line.split(":")[0].strip() for line in section.splitlines() if not line.startswith("      ")] == header
        for column in table.columns:
            if not column.codes:
                continue
            used = {v for r in read(path) for v in r[column.name].split(LIST_SEPARATOR) if v}
            assert used <= set(column.codes), (table.file, column.name, used - set(column.codes))
            for code in used:
                assert f"      {code} = {column.codes[code]}" in section


def test_an_unconfirmed_placeholder_zero_is_an_empty_amount(folder: Path, catalogue: Catalogue) -> None:  # D106
    rows = {(r["id"], r["speka_no"]): r for r in read(folder / "cenas.csv")}
    placeholders = [(p.id, v.effective_from.isoformat()) for p in catalogue.prices for v in p.values
                    if v.amount == 0 and v.status.value == "jāprecizē"]
    assert placeholders, "katalogā vairs nav neapstiprinātas nulles – testam vajag citu piemēru"
    for key in placeholders:
        assert rows[key]["summa"] == "" and rows[key]["statuss"] == "jāprecizē"


def test_several_values_in_a_cell_are_split_by_the_documented_separator(folder: Path, catalogue: Catalogue) -> None:
    rows = {r["kods"]: r["traucejumi"] for r in read(folder / "pakalpojumi.csv")}
    for service in catalogue.services:
        assert rows[service.id].split(LIST_SEPARATOR) == ([i.value for i in service.impairments] or [""])
