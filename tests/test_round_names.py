"""A later round names its municipalities by the names in force then, and only the pilots make a pilot (D189).

The test catalogue (fictional test data on a copy of the real one) adds:

* a children's round ``berni-2022`` (LATER), not a pilot, with Jelgava and a municipality in no pilot, ``sigulda``;
* Jelgava's post-reform name, confirmed from 01.07.2021 (RENAMED), so a day of the later round has it in force;
* ``sigulda`` in municipalities.yaml and municipality-names.yaml.

Each test fails on the code before D189: the listings, progress lines and matrix titles named the pilot-time name
(municipalities.yaml), and `izmeginajumprojekti` counted every round of a programme as its pilot.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import Pilot
from tests.round_yaml import add_holiday_years, children_round_entry

D = dt.date
PILOT_NAME = "Jelgavas pilsētas pašvaldība"  # municipalities.yaml: the pilot-time name
RENAMED = "Jelgavas valstspilsētas pašvaldība"  # municipality-names.yaml from 01.07.2021, confirmed here
LATER = ("berni-2022", "Testa kārta bērniem pēc reformas (izdomāta)", D(2022, 1, 1), D(2022, 12, 31))
IN_LATER = D(2022, 3, 1)  # a build day inside the later round
NEW = "sigulda"
NEW_NAME = "Siguldas novada pašvaldība"

_NEW_MUNICIPALITY = f"""  - id: {NEW}
    name_lv: {NEW_NAME}
    short_name_lv: Siguldas novads
    region: Vidzemes plānošanas reģions
    social_service: Siguldas novada sociālais dienests
    address: Sigulda
    name_forms: {{genitive: Siguldas novada pašvaldības, dative: Siguldas novada pašvaldībai, locative: Siguldas novada pašvaldībā, gender: sieviešu}}
    social_service_forms: {{genitive: Siguldas novada sociālā dienesta, dative: Siguldas novada sociālajam dienestam, locative: Siguldas novada sociālajā dienestā, gender: vīriešu}}
"""
_NEW_NAMES = f"""  {NEW}:
    municipality:
      - name: {NEW_NAME}
        forms: {{genitive: Siguldas novada pašvaldības, dative: Siguldas novada pašvaldībai, locative: Siguldas novada pašvaldībā, gender: sieviešu}}
        valid_from: 2021-07-01
        status: apstiprināts
        source: "Testa dati"
    social_service:
      - name: Siguldas novada sociālais dienests
        forms: {{genitive: Siguldas novada sociālā dienesta, dative: Siguldas novada sociālajam dienestam, locative: Siguldas novada sociālajā dienestā, gender: vīriešu}}
        valid_from: 2021-07-01
        status: jāprecizē
        source: "Testa dati"
"""


def renamed_catalogue(folder: Path) -> Catalogue:
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    start, end = LATER[2], LATER[3]
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + children_round_entry(
        LATER[0], LATER[1], start, end, municipalities=("jelgava", NEW, "liepaja")), "utf-8")
    add_holiday_years(target, 2022)
    municipalities = target / "municipalities.yaml"
    municipalities.write_text(municipalities.read_text("utf-8").rstrip("\n") + "\n" + _NEW_MUNICIPALITY, "utf-8")
    names = target / "municipality-names.yaml"
    text = names.read_text("utf-8")
    candidate = f"      - name: {RENAMED}\n"
    assert text.count(candidate) == 1
    head, tail = text.split(candidate)
    assert "        status: jāprecizē\n" in tail
    tail = tail.replace("        status: jāprecizē\n", "        status: apstiprināts\n", 1)
    names.write_text(head + candidate + tail.rstrip("\n") + "\n" + _NEW_NAMES, "utf-8")
    return load_or_raise(target)


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return renamed_catalogue(tmp_path_factory.mktemp("parsaukta"))


# --- pilot membership -------------------------------------------------------------------------------------------

def test_only_the_pilot_rounds_make_a_pilot(renamed: Catalogue) -> None:
    assert NEW in renamed.round_by_id[LATER[0]].municipalities
    assert renamed.pilot_programmes(NEW) == []
    assert renamed.pilot_programmes("jelgava") == [Pilot.children, Pilot.adults]
    assert renamed.pilot_programmes("cesis") == [Pilot.adults]
    assert NEW not in [m.id for m in renamed.pilot_round_municipalities(Pilot.children)]
    # the matrix list still holds every children's round's municipality (D104)
    assert NEW in [m.id for m in renamed.pilot_municipalities(Pilot.children)]


def test_open_data_pilots_leave_out_a_later_round(renamed: Catalogue) -> None:
    from generator.opendata.export import _json_files
    from generator.opendata.tables import tables

    table = next(t for t in tables(renamed) if t.file == "pasvaldibas.csv")
    header = [c.name for c in table.columns]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in table.rows()}
    assert rows[NEW]["izmeginajumprojekti"] == ""  # was "bērni": the later round counted as a pilot
    assert rows["jelgava"]["izmeginajumprojekti"] == "bērni;pieaugušie"
    assert rows["cesis"]["izmeginajumprojekti"] == "pieaugušie"
    munis = next(data for name, data, _schema, _many in _json_files(renamed) if name == "pasvaldibas.json")
    pilots = {m["id"]: m["izmeginajumprojekti"] for m in munis}
    assert pilots[NEW] == [] and pilots["liepaja"] == ["bērni", "pieaugušie"]


def test_open_data_csv_file_says_so(renamed: Catalogue, tmp_path: Path) -> None:
    from generator.opendata.export import FOLDER, render_open_data

    render_open_data(renamed, tmp_path, progress=lambda *_: None)
    text = (tmp_path / FOLDER / "pasvaldibas.csv").read_text("utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows[NEW]["izmeginajumprojekti"] == ""
    assert rows["valmiera"]["izmeginajumprojekti"] == "bērni"


def test_site_pilot_lists_leave_out_a_later_round(renamed: Catalogue) -> None:
    from generator.site.context import template_context

    context = template_context(renamed)
    assert NEW not in [m.id for m in context["pasvaldibas"]]
    assert len(context["pasvaldibas"]) == len(renamed.rounds_of(Pilot.children)[0].municipalities)


# --- names by day -------------------------------------------------------------------------------------------------

def test_name_on_a_day(renamed: Catalogue) -> None:
    assert renamed.name_on("jelgava", D(2019, 1, 1)) == PILOT_NAME
    assert renamed.name_on("jelgava", IN_LATER) == RENAMED
    assert renamed.name_on("jelgava", D(2021, 4, 1)) == PILOT_NAME  # no dated name covers it: the pilot-time one
    assert renamed.name_on(NEW, IN_LATER) == NEW_NAME


def test_build_progress_names_the_later_rounds_name(renamed: Catalogue, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.documents import build_step
    from generator.documents.reports import workbooks

    monkeypatch.setattr(build_step, "render_municipality", lambda *a, **k: [])  # the line, not the papers
    monkeypatch.setattr(workbooks, "write_report_workbooks", lambda *a, **k: [])
    lines: list[str] = []
    build_step.render_documents(renamed, tmp_path, lines.append, municipality_id="jelgava", build_date=IN_LATER)
    assert lines == [f"  bērnu programmas dokumenti 1/1: {RENAMED} – tikai atskaišu veidnes"]
    lines.clear()
    build_step.render_documents(renamed, tmp_path, lines.append, municipality_id="jelgava", build_date=D(2019, 3, 1))
    assert lines[0] == f"  bērnu programmas dokumenti 1/1: {PILOT_NAME} – tikai atskaišu veidnes"
    # the later round's prices day after the build day gets its own line (D187), with the name in force on it
    assert lines[1:] and all(re.match(rf"  dokumenti ar cenām no [\d.]+: {RENAMED} – ", line) for line in lines[1:])


def test_round_set_progress_names_the_rounds_name(renamed: Catalogue, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.documents import build_step, round_set
    from generator.documents.reports import workbooks

    monkeypatch.setattr(build_step, "render_municipality", lambda *a, **k: [])
    monkeypatch.setattr(workbooks, "write_report_workbooks", lambda *a, **k: [])
    lines: list[str] = []
    chosen = round_set.choose_round(renamed, LATER[0], None, None)
    round_set.render_round_set(renamed, chosen, tmp_path, lines.append, build_date=IN_LATER)
    # the real catalogue's name in force in 2022, whatever it is – or its id „(nosaukums jāprecizē)” while that name is
    # not confirmed (audit35a F6)
    liepaja = renamed.stated_name_on("liepaja", IN_LATER)
    assert [line.split(": ", 1)[1].split(" – ")[0] for line in lines] == [RENAMED, liepaja, NEW_NAME]
    assert all(PILOT_NAME not in line for line in lines)


def _downloads(catalogue: Catalogue, build: Path, monkeypatch: pytest.MonkeyPatch, day: dt.date):  # noqa: ANN202
    from generator.site import downloads
    from generator.workbook import render

    monkeypatch.setattr(render, "build_day", lambda: day)
    for rel in ("lejupielades/matrica/ibm-matrica.xlsx", "lejupielades/matrica/ibm-matrica-jelgava.xlsx",
                "lejupielades/matrica/ibm-matrica-jelgava-2018-10-01.xlsx",
                "lejupielades/dokumenti/jelgava/01-ligums.pdf", f"lejupielades/dokumenti/{NEW}/01-ligums.pdf"):
        (build / rel).parent.mkdir(parents=True, exist_ok=True)
        (build / rel).write_bytes(b"test")
    return downloads.collect(catalogue, build)


def test_downloads_name_each_file_by_its_days_name(renamed: Catalogue, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    found = {d.path: d.municipality for d in _downloads(renamed, tmp_path, monkeypatch, IN_LATER)}
    assert found["lejupielades/matrica/ibm-matrica-jelgava.xlsx"] == RENAMED  # the newest round's prices day
    assert found["lejupielades/matrica/ibm-matrica-jelgava-2018-10-01.xlsx"] == PILOT_NAME  # the pilot's day
    assert found["lejupielades/dokumenti/jelgava/01-ligums.pdf"] == RENAMED  # made for berni-2022 on IN_LATER
    assert found[f"lejupielades/dokumenti/{NEW}/01-ligums.pdf"] == NEW_NAME


def test_downloads_page_later_round_section(renamed: Catalogue, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site.other_pages import render_downloads

    page = render_downloads(renamed, _downloads(renamed, tmp_path, monkeypatch, IN_LATER))
    later = page.split(f"### {LATER[1]}")[1].split("\n## ")[0]
    assert f"| {RENAMED} |" in later and PILOT_NAME not in later
    pilot = page.split("### IBM izmēģinājumprojekts bērniem")[1].split("\n### ")[0]
    assert f"| {PILOT_NAME} |" in pilot
    documents = page.split("\n## Dokumenti")[1].split("\n## ")[0]
    assert f"| {RENAMED} |" in documents and f"| {NEW_NAME} |" in documents and PILOT_NAME not in documents


def test_changes_page_lists_a_rounds_municipalities_by_its_names(renamed: Catalogue) -> None:
    from generator.site.price_pages import municipality_rows

    row = next(r for r in municipality_rows(renamed) if LATER[1] in r.what)
    assert f"pašvaldības: {RENAMED}, {NEW_NAME}, {renamed.name_on('liepaja', LATER[2])};" in row.after
    assert PILOT_NAME not in row.after
    pilot = next(r for r in municipality_rows(renamed) if "IBM izmēģinājumprojekts bērniem" in r.what)
    assert PILOT_NAME in pilot.after


def test_matrix_title_names_the_prices_days_name(renamed: Catalogue, tmp_path: Path) -> None:
    from generator.workbook.writer import write_workbook

    def title(path: Path) -> str:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
        return core.split("<dc:title>")[1].split("</dc:title>")[0]

    write_workbook(renamed, tmp_path / "later.xlsx", "jelgava")  # the default day: berni-2022's first service day
    assert title(tmp_path / "later.xlsx") == f"IBM matrica – {RENAMED}"
    write_workbook(renamed, tmp_path / "pilot.xlsx", "jelgava", D(2018, 10, 1))
    assert title(tmp_path / "pilot.xlsx") == f"IBM matrica – {PILOT_NAME}"


def test_collect_folder_warning_names_the_plans_days_names(renamed: Catalogue) -> None:
    from generator.ministry.reading import folder_warning

    warning = folder_warning("liepaja", "jelgava", renamed, IN_LATER)
    assert warning is not None and f"„{RENAMED}” (jelgava)" in warning and PILOT_NAME not in warning


def test_collect_folder_warning_has_no_brackets_within_brackets(catalogue: Catalogue) -> None:
    """D330: a folder named by the id of a municipality whose name in force is still „jāprecizē” – the words follow
    the folder once („mapē „valmiera” (nosaukums jāprecizē)”), not „(valmiera (nosaukums jāprecizē))"; a folder
    named otherwise keeps the id beside them."""
    from generator.ministry.reading import folder_warning

    day = D(2026, 10, 1)
    assert catalogue.name_unconfirmed_on("valmiera", day)
    warning = folder_warning("valmiera", "liepaja", catalogue, day)
    assert warning is not None and "mapē „valmiera” (nosaukums jāprecizē);" in warning and "((" not in warning \
        and "))" not in warning, warning
    name = catalogue.municipality("valmiera").name_lv
    warning = folder_warning(name, "liepaja", catalogue, day)
    assert warning is not None and f"mapē „{name}” (valmiera, nosaukums jāprecizē);" in warning, warning
