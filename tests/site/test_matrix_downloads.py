"""The matrices on the downloads and matrix pages (D85): grouped by children's round and prices day, with the days
a plan may start on, the command for any other day, and whether signable papers can still be made (F27)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.site import downloads
from generator.site.other_pages import render_downloads, render_workbook
from generator.workbook import render
from tests.htmltext import text_of
from tests.site.conftest import BuiltSite, write_xlsx
from tests.workbook.open_rounds import BUILD_DAY, NEWEST, PRICE_CHANGE, RUNNING, open_rounds_catalogue

ENDED = "Visu katalogā ierakstīto bērnu programmas kārtu pakalpojumu laiks jau ir beidzies"


@pytest.fixture(scope="module")
def open_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return open_rounds_catalogue(tmp_path_factory.mktemp("kartas"))


@pytest.fixture
def built(open_rounds: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[downloads.Download]:
    """The matrix folder as the build leaves it on BUILD_DAY (small stand-in workbooks with the same names)."""
    monkeypatch.setattr(render, "build_day", lambda: BUILD_DAY)
    for issue in render.issues(open_rounds):
        for name in issue.file_names():
            write_xlsx(tmp_path / render.FOLDER / name, "IBM matrica")
    return downloads.collect(open_rounds, tmp_path)


def _section(page: str, heading: str) -> str:
    """The markdown from ``heading`` to the next heading of any level."""
    start = page.index(heading)
    following = re.search(r"^#", page[start + len(heading):], re.MULTILINE)
    return page[start:start + len(heading) + following.start()] if following else page[start:]


def _rows(section: str) -> list[str]:
    return [line for line in section.splitlines() if line.startswith("| ") and "](lejupielades/" in line]


def _version(row: str) -> str:
    return row.rstrip(" |").rsplit(" | ", 1)[1]


def test_downloads_list_each_round_and_prices_day_with_the_plans_it_takes(open_rounds: Catalogue,
                                                                         built: list[downloads.Download]) -> None:
    page = render_downloads(open_rounds, built)
    running, newest = RUNNING[1], NEWEST[1]
    headings = re.findall(r"^#{3,4} .*$", page, re.MULTILINE)
    # each with an id of the round's id or the prices day only: a bookmark survives a changed end date (audit40 F13)
    assert headings[:5] == [f"### {running} {{ #karta-{RUNNING[0]} }}",
                            "#### Cenas uz 01.01.2020, spēkā līdz 31.03.2021 { #cenas-uz-2020-01-01 }",
                            f"### {newest} {{ #karta-{NEWEST[0]} }}",
                            "#### Cenas uz 01.01.2021, spēkā līdz 31.03.2021 { #cenas-uz-2021-01-01 }",
                            "#### Cenas uz 01.04.2021, spēkā līdz 30.06.2021 { #cenas-uz-2021-04-01 }"]
    first = _section(page, "#### Cenas uz 01.01.2020")
    assert "Plāniem, kuru pirmā diena ir 01.01.2020–31.12.2020." in first  # the round ends before its prices do
    assert "(lejupielades/matrica/ibm-matrica-liepaja-2020-01-01.xlsx)" in first
    assert "(lejupielades/matrica/ibm-matrica-liepaja.xlsx)" not in first
    after_change = _section(page, "#### Cenas uz 01.04.2021")
    assert "Plāniem, kuru pirmā diena ir 01.04.2021–30.06.2021." in after_change
    assert {m for m in re.findall(r"\(lejupielades/matrica/([^)]+)\)", after_change)} == {
        "ibm-matrica-2021-04-01.xlsx", "ibm-matrica-liepaja-2021-04-01.xlsx", "ibm-matrica-valmiera-2021-04-01.xlsx"}
    default = _section(page, "#### Cenas uz 01.01.2021")
    assert "(lejupielades/matrica/ibm-matrica-valmiera.xlsx)" in default
    assert all(", cenas uz" not in _version(row) for row in _rows(default))  # the default version names no day
    assert all("cenas uz 01.04.2021" in _version(row) for row in _rows(after_change))
    assert "`ibm matrix --day DD.MM.GGGG`" in page
    assert ENDED not in page  # two rounds still run on the build day


def test_matrix_page_tells_which_matrix_a_plan_needs_and_how_to_get_the_rest(
    open_rounds: Catalogue, built: list[downloads.Download]
) -> None:
    page = render_workbook(open_rounds, [], built)
    names = {r.name_lv for r in open_rounds.rounds_of("bērni")}
    rows = [line for line in page.splitlines() if line.startswith("| ") and line[2:].split(" | ")[0] in names]
    assert "`berni-" not in page.split("### Kā pievienot jaunu kārtu")[0]  # the round's name, not its id (audit30 F18)
    assert [row.split(" | ")[1:4] for row in rows] == [
        ["01.10.2018", "31.03.2021", "01.10.2018–30.09.2019"],
        ["01.01.2020", "31.03.2021", "01.01.2020–31.12.2020"],
        ["01.01.2021", "31.03.2021", "01.01.2021–31.03.2021"],
        ["01.04.2021", "30.06.2021", "01.04.2021–30.06.2021"],
    ]
    assert rows[0].endswith("| `ibm matrix --day 01.10.2018` |")  # the pilot round has ended: not built
    assert all(row.endswith("| [Lejupielādes](lejupielades.md#ibm-matricas) |") for row in rows[1:])
    assert PRICE_CHANGE.strftime("%d.%m.%Y") in rows[3]
    assert "--arhivam" in page and "catalogue/rounds.yaml" in page and "### Kā pievienot jaunu kārtu" in page


def test_once_every_round_has_ended_the_pages_say_only_archive_copies(
    open_rounds: Catalogue, built: list[downloads.Download], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "build_day", lambda: NEWEST[3] + dt.timedelta(days=1))
    assert ENDED in render_downloads(open_rounds, built)
    assert "visu katalogā ierakstīto bērnu programmas kārtu pakalpojumu laiks jau ir beidzies" in \
        render_workbook(open_rounds, [], built)


def test_real_site_lists_the_default_matrices_and_says_papers_are_archive_copies(built_site: BuiltSite) -> None:
    """The real catalogue's only children's round has ended: one prices day, and the F27 note on both pages."""
    pilot = built_site.catalogue.rounds_of("bērni")[-1]
    text = text_of(built_site.html("lejupielades.html"))
    assert f"Cenas uz {pilot.services_start:%d.%m.%Y}, spēkā līdz" in text
    assert set(re.findall(r"Cenas uz (\d\d\.\d\d\.\d{4})", text)) == {f"{pilot.services_start:%d.%m.%Y}"}
    assert f"{ENDED} (pēdējai – {pilot.services_end:%d.%m.%Y})" in text
    assert "kamēr katalogā nav jaunas kārtas" in text and "rounds.yaml" not in text  # no file path (audit30 F18)
    assert f"Kārta {pilot.id}" not in text
    matrix = text_of(built_site.html("matrica.html"))
    assert "tikai arhīva kopijas" in matrix and "catalogue/rounds.yaml" in matrix
