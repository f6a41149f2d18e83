"""catalogue/annexes.yaml: validated by its model; an older catalogue version without it (ibm changes --from)
loads with the toolkit's register and a warning; broken rows name the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity


def test_a_catalogue_version_without_the_register_uses_the_toolkits_with_a_warning(catalogue_copy: Path) -> None:
    (catalogue_copy / "annexes.yaml").unlink()
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None and catalogue.annexes is not None
    warnings = [p.format(catalogue_copy) for p in problems if p.severity is Severity.warning]
    assert any("annexes.yaml" in w and "izmanto rīkkopas failu" in w for w in warnings), warnings


def test_a_row_that_points_nowhere_and_an_unknown_stage_are_errors(catalogue_copy: Path) -> None:
    path = catalogue_copy / "annexes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    row = next(a for a in data["annexes"] if a["number"] == "2")
    row.pop("reason_lv")
    data["quality"]["parties"][0]["stages"].append("nav-tada-posma")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is None
    messages = [p.format(catalogue_copy) for p in problems]
    assert any("pielikumam 2 nav norādīts, kur tas atrodams" in m and "annexes.yaml:" in m for m in messages), messages
    assert any("nezināmi posmi „nav-tada-posma”" in m for m in messages), messages


def test_a_questionnaire_sheet_name_longer_than_excel_allows_is_an_error(catalogue_copy: Path) -> None:
    """Excel cuts a sheet's name at 31 characters ("37 Izvērtēšanas komandas speciā"); the catalogue gives a
    shorter sheet_lv instead, and a name that would still be cut is refused with the line to change."""
    catalogue, _ = load_catalogue(catalogue_copy)
    assert catalogue is not None
    names = [p.sheet_name for p in catalogue.annexes.quality.parties]
    assert all(len(n) <= 31 for n in names) and "37 Komandas speciālists" in names, names
    path = catalogue_copy / "annexes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    party = next(p for p in data["quality"]["parties"] if p["annex"] == "37")
    party.pop("sheet_lv")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is None
    messages = [p.format(catalogue_copy) for p in problems]
    assert any("„37 Izvērtēšanas komandas speciālists” ir 36 zīmes" in m and "sheet_lv" in m
               and "annexes.yaml:" in m for m in messages), messages
