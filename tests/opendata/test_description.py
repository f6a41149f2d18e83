"""The open data describe themselves (audit22 F2–F6, F38): a version in every CSV row, UTF-8 with BOM, and
LASIMANI.txt naming every column and every code the files use."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.opendata.description import FILE, programme_lines
from generator.opendata.tables import LIST_SEPARATOR, VERSION_COLUMN, tables


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


def test_the_readme_states_holiday_coverage_matrix_codes_and_how_to_read_sources(folder: Path,
                                                                                 catalogue: Catalogue) -> None:
    """audit40 F10, F11, F6."""
    text = (folder / FILE).read_bytes().decode("utf-8-sig")
    years = [y.year for y in catalogue.holidays.years]
    holidays = text.split("svetku-dienas.csv – ", 1)[1].split("\r\n\r\n", 1)[0]
    assert f"{years[0]}.–{years[-1]}. gadu" in holidays and "darba sestdienas" in holidays
    assert {r["avots"] for r in read(folder / "svetku-dienas.csv")} == {catalogue.holidays.source}
    codes = {r["kods"]: r["matricas_kodi"] for r in read(folder / "pakalpojumi.csv")}
    both = [s for s in catalogue.services if s.form.value == "both"]
    assert both and all(codes[s.id] == f"{s.id}i;{s.id}g" for s in both)
    assert all(codes[s.id] == s.id for s in catalogue.services if s.form.value != "both")
    key = text.split("Avotu atsauces\r\n", 1)[1]
    assert "002 L" in key and "S000–S004" in key and "D17" in key and "L18–L108: Ievads" in key


def test_the_description_says_which_programme_the_files_are(folder: Path, catalogue: Catalogue) -> None:
    """audit31e F4, F9 (D254): services, prices and parameters are the children's programme's (named from
    rounds.yaml); the adults' programme has only its round and municipalities, its reporting periods are derived."""
    text = " ".join((folder / FILE).read_bytes().decode("utf-8-sig").split())
    children = catalogue.rounds_of("bērni")[0].name_lv
    adults = catalogue.rounds_of("pieaugušie")[0]
    assert ("cenas (cenas.csv, cenas.json) un programmas noteikumu parametri (programma.json) ir bērnu programmas – "
            f"tās pirmā kārta ir „{children}”.") in text
    assert f"Pieaugušo programmas kārta „{adults.id}” („{adults.name_lv}”) un tās pašvaldības ir datnēs kartas.json" in text
    assert "pieaugušo programmas pakalpojumu, cenu un noteikumu katalogā nav, jo avotos tie nav doti" in text
    assert "kārtu pārskata periodi (kartas.json lauks „parskata_periodi”) ir rekonstruēti" in text
    assert f"„{adults.id}” – {adults.reporting_period_months} mēneš" in text
    for title in ("pakalpojumi.csv – Bērnu programmas pakalpojumu katalogs", "cenas.csv – Bērnu programmas cenas",
                  "– bērnu programmas noteikumu parametri ar vēsturi"):
        assert title in text, title


@pytest.mark.parametrize("months", [3, 21])
def test_the_adults_periods_are_said_with_each_rounds_own_months(catalogue: Catalogue, months: int) -> None:
    """review31 F10: the adults' reporting periods are said with the round's own reporting_period_months from
    rounds.yaml, not as „as many months as the children's round” – a changed value changes the text."""
    adults = catalogue.rounds_of("pieaugušie")[0]
    changed = adults.model_copy(update={"reporting_period_months": months})
    other = dataclasses.replace(catalogue, rounds=[changed if r is adults else r for r in catalogue.rounds])
    text = " ".join(" ".join(programme_lines(other)).split())
    said = "mēnesis" if months == 21 else "mēneši"
    assert f"(lēmums D21): „{adults.id}” – {months} {said};" in text
    assert "tikpat" not in text and f"– {adults.reporting_period_months} mēneši" not in text
