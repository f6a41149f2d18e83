"""A form made for one round prints a catalogue text's dated alternatives in force in that round only (D308):
the provider list (17) of a 2027 round names the regulation in force then, not the pilot-era history (audit39b F6)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl

from generator.catalogue.catalogue import Catalogue
from generator.documents.dated_wording import _parts, in_force_wording
from generator.documents.reports.annex_registers import FIRST, write_provider_list
from tests.round_yaml import catalogue_with_round, children_round_entry

TEXT = "Cena nepārsniedz likmi (līdz 30.06.2021 – noteikumi A, no 01.07.2021 – noteikumi B). Cits (piem., C) teikums."


def test_only_the_parts_in_force_in_the_rounds_time_are_printed() -> None:
    assert in_force_wording(TEXT, dt.date(2026, 12, 1), dt.date(2028, 1, 31)) == (
        "Cena nepārsniedz likmi (noteikumi B). Cits (piem., C) teikums.")
    assert in_force_wording(TEXT, dt.date(2018, 8, 1), dt.date(2021, 6, 30)) == (
        "Cena nepārsniedz likmi (noteikumi A). Cits (piem., C) teikums.")
    # a round spanning the change keeps both; without a round's days the neutral sentence
    assert in_force_wording(TEXT, dt.date(2021, 6, 30), dt.date(2021, 7, 1)) == TEXT
    assert in_force_wording(TEXT, None, None) == "Cena nepārsniedz likmi. Cits (piem., C) teikums."


def test_a_reconstruction_note_after_the_dated_parts_is_no_part_and_no_form_prints_it() -> None:
    """review39: the site's reconstruction note inside the bracket („…; maiņas datums: rekonstruēts, avotā nav
    dots”) had made the bracket no dated list, so a later round's form printed the whole history."""
    noted = TEXT.replace("noteikumi B)", "noteikumi B; maiņas datums: rekonstruēts, avotā nav dots)")
    assert in_force_wording(noted, dt.date(2026, 12, 1), dt.date(2028, 1, 31)) == (
        "Cena nepārsniedz likmi (noteikumi B). Cits (piem., C) teikums.")
    assert "rekonstruēts" not in in_force_wording(noted, dt.date(2021, 6, 30), dt.date(2021, 7, 1))
    assert in_force_wording(noted, None, None) == "Cena nepārsniedz likmi. Cits (piem., C) teikums."


def _requirement(catalogue: Catalogue, path: Path, municipality: str, day: dt.date, service: str) -> str:
    ws = openpyxl.load_workbook(write_provider_list(catalogue, catalogue.municipality(municipality), path,
                                                    build_date=day))["17 Sniedzēji"]
    return next(ws.cell(r, 4).value for r in range(FIRST + 1, ws.max_row + 1) if ws.cell(r, 1).value == service)


def _dated_service(catalogue: Catalogue) -> tuple[str, str, list]:
    """The service whose provider requirements name dated alternatives, its text and their parts."""
    for service in catalogue.sorted_services():
        text = service.description.prasibas_sniedzejiem.teksts
        for inner in re.findall(r"\(([^()]*)\)", text):
            if (parts := _parts(inner)) is not None:
                return service.id, text, parts
    raise AssertionError("no provider requirement names dated alternatives")


def test_a_later_rounds_provider_list_names_only_the_regulation_in_force(tmp_path: Path) -> None:
    catalogue = catalogue_with_round(tmp_path / "catalogue", children_round_entry(
        "berni-2027", "Izdomāta kārta bērniem 2027. gadā", dt.date(2026, 12, 1), dt.date(2028, 1, 31),
        services=(dt.date(2027, 1, 1), dt.date(2027, 12, 31)), municipalities=("ogre", "cesis"), rules=True),
        holiday_years=(2026, 2027, 2028))
    service, text, parts = _dated_service(catalogue)
    (_, until, before), (since, _, after) = parts
    later = _requirement(catalogue, tmp_path / "2027.xlsx", "ogre", dt.date(2026, 12, 6), service)
    assert f"({after})" in later and before not in later and f"{until:%d.%m.%Y}" not in later, later
    # the pilot's list names the regulation of its own time
    pilot = _requirement(catalogue, tmp_path / "2018.xlsx", "ogre", dt.date(2018, 11, 15), service)
    assert f"({before})" in pilot and after not in pilot, pilot
    assert later != text != pilot


def test_the_dated_requirement_agrees_with_the_price_series(catalogue: Catalogue) -> None:
    """The text's change day is the day the service's price series starts citing the later act."""
    service, _, parts = _dated_service(catalogue)
    since, _, after = parts[1]
    number = re.search(r"Nr\. \d+", after).group(0)
    prices = [v for p in catalogue.prices if p.service == service for v in p.values]
    assert min(v.effective_from for v in prices if number in v.source) == since
