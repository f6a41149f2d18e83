"""The matrix names the municipality and the social service only by a name the catalogue confirms for the
plan's first day (D43, D51): 6.1 B6/B7, their hints and the header line of the signed annexes, as LibreOffice
computes them (one soffice call), for plans in the pilot period, after it and in 2026, with the catalogue as it
is and with copies that confirm or withdraw a name. The readers (collection, child's documents, migration)
identify the municipality by Pasvaldiba when the name cells are blanks."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.collect import Options, collect
from generator.ministry.migrate import Migrator
from generator.ministry.templates import TemplateSource
from generator.recalc import convert, make_profile
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, write
from generator.workbook.render import file_name
from generator.workbook.sheets import party_names
from generator.workbook.texts import APPLICATION_ADDRESSEE_BLANK, BLANK
from generator.workbook.writer import write_workbook
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, make_children, opened_template
from tests.workbook.conftest import require_soffice
from tests.workbook.party_catalogues import confirm, edited_names, withdraw

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-party-names")]

MUNICIPALITY = "valmiera"
PILOT_NAME = "Valmieras pilsētas pašvaldība"  # confirmed 01.08.2018–31.10.2019 (municipality-names.yaml)
LATER_NAME = "Valmieras novada pašvaldība"  # a candidate from 01.07.2021 (jāprecizē)
SERVICE_NAME = "Valmieras sociālais dienests"  # jāprecizē
PILOT_LAST_DAY = dt.date(2019, 10, 31)
IN_2026 = dt.date(2026, 1, 1)
SIGNED = ("6.3", "6.5", "6.6", "6.9")


def confirming_copy(folder: Path) -> Catalogue:
    """Every name of MUNICIPALITY confirmed: the later municipality name and the pilot-time social service."""
    return edited_names(folder, confirm, MUNICIPALITY)


def withdrawing_copy(folder: Path) -> Catalogue:
    """The pilot-time municipality name of MUNICIPALITY no longer confirmed: no name of it is confirmed."""
    return edited_names(folder, withdraw, MUNICIPALITY)


@dataclass(frozen=True)
class Case:
    key: str
    catalogue: str  # "current", "confirming", "withdrawing"
    municipality: str | None
    day: dt.date | None  # Perioda_Sakums (None: as generated)
    name: str  # what 6.1 B6 must show
    service: str  # and B7


@dataclass
class NamesBatch:
    catalogues: dict[str, Catalogue]
    child: Child
    cases: list[Case]
    recalculated: dict[str, Path]
    fresh: Path  # the matrix as generated that the "fresh" case gave LibreOffice (a copy of it)
    _read: dict[str, NamedValues] = field(default_factory=dict)

    def values(self, key: str) -> NamedValues:
        """Every sheet of a recalculated file, read once (the tests only look at the values)."""
        if key not in self._read:
            self._read[key] = NamedValues(self.recalculated[key], all_sheets=True)
        return self._read[key]


def cases(pilot_day: dt.date) -> list[Case]:
    return [
        Case("pilot", "current", MUNICIPALITY, pilot_day, PILOT_NAME, BLANK),
        Case("pilot-last-day", "current", MUNICIPALITY, PILOT_LAST_DAY, PILOT_NAME, BLANK),
        Case("after-pilot", "current", MUNICIPALITY, PILOT_LAST_DAY + dt.timedelta(days=1), BLANK, BLANK),
        Case("2026", "current", MUNICIPALITY, IN_2026, BLANK, BLANK),
        Case("fresh", "current", MUNICIPALITY, None, BLANK, BLANK),
        Case("generic", "current", None, pilot_day, "", ""),
        Case("confirmed-pilot", "confirming", MUNICIPALITY, pilot_day, PILOT_NAME, SERVICE_NAME),
        Case("confirmed-2026", "confirming", MUNICIPALITY, IN_2026, LATER_NAME, BLANK),
        Case("withdrawn-pilot", "withdrawing", MUNICIPALITY, pilot_day, BLANK, BLANK),
    ]


@pytest.fixture(scope="module")
def batch(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> NamesBatch:
    require_soffice()
    root = tmp_path_factory.mktemp("party-names")
    catalogues = {"current": catalogue, "confirming": confirming_copy(root / "confirming"),
                  "withdrawing": withdrawing_copy(root / "withdrawing")}
    child = make_children(catalogue, 1, seed=5050, municipalities=[MUNICIPALITY])[0]
    labels = {str(k): v for k, v in catalogue.enums.recipients.items()}
    files = []
    templates: dict[tuple[str, str | None], Path] = {}  # one per catalogue and municipality, shared by its cases
    for case in cases(child.inputs.period_start):
        key = (case.catalogue, case.municipality)
        if key not in templates:
            templates[key] = write_workbook(catalogues[case.catalogue], root / "templates" / case.catalogue
                                            / file_name(case.municipality), case.municipality)
        path = root / "filled" / f"{case.key}.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        if case.day is None:
            shutil.copy(templates[key], path)
        else:  # as a person fills the download: its bytes with the input cells written (tests/ministry/factory.py)
            opened = opened_template(templates[key])
            fill(opened.wb, child.inputs, labels, child.people)
            write(opened.wb, "Perioda_Sakums", case.day)
            opened.cells.save(opened.wb, path, len(child.inputs.lines), [])
        files.append(path)
    outputs = convert(files, root / "recalculated", profile=make_profile(root / "lo-profile"))
    return NamesBatch(catalogues, child, cases(child.inputs.period_start),
                      {c.key: out for c, out in zip(cases(child.inputs.period_start), outputs, strict=True)},
                      templates[("current", MUNICIPALITY)])


def test_names_show_only_when_confirmed_for_the_plan_day(batch: NamesBatch) -> None:
    """A pilot-period plan shows the pilot name, a plan after the pilot or in 2026 the blank; confirming a name in
    the catalogue makes it show, withdrawing it blanks it; the social services are blanks unless confirmed."""
    wrong = []
    for case in batch.cases:
        values = batch.values(case.key)
        got = (values["Pasvaldibas_Nosaukums"] or "", values["Socialais_Dienests"] or "")
        if got != (case.name, case.service):
            wrong.append(f"{case.key}: {got} (gaidīts {(case.name, case.service)})")
        cat = batch.catalogues[case.catalogue]
        mirrored = tuple(party_names.shown_name(cat, case.municipality, kind, case.day)
                         for kind in ("municipality", "social_service"))
        assert mirrored == (case.name, case.service), case.key
    assert wrong == []


def test_hints_say_where_the_name_comes_from(batch: NamesBatch) -> None:
    for case in batch.cases:
        cells = {(sheet, rc): v for sheet, rc, v in batch.values(case.key).all_values()}
        cat = batch.catalogues[case.catalogue]
        for row, kind in ((6, "municipality"), (7, "social_service")):
            assert cells.get(("6.1", (row, 3))) == party_names.shown_hint(cat, case.municipality, kind, case.day), \
                (case.key, kind)
    pilot = {rc: v for sheet, rc, v in batch.values("2026").all_values() if sheet == "6.1"}
    assert "pašvaldības nolikuma" in pilot[(6, 3)] and "sociālā dienesta nolikuma" in pilot[(7, 3)]
    assert "perioda pirmo dienu" in {rc: v for s, rc, v in batch.values("fresh").all_values() if s == "6.1"}[(6, 3)]


# D227: after a blank name the signed annexes say where the name comes from (as 6.9's addressee)
NOTES = {"Pašvaldība": " (nosaukums – pašvaldības nolikumā)", "Sociālais dienests": " (nosaukums – dienesta nolikumā)"}


def test_signed_annexes_header_line_follows(batch: NamesBatch) -> None:
    """6.3, 6.5, 6.6 and 6.9 print "Pašvaldība: …" and "Sociālais dienests: …" with what 6.1 shows, and after a
    blank (no name confirmed for the plan's first day, or no municipality) where the name comes from (D227)."""
    for case in batch.cases:
        values = batch.values(case.key)
        name, service = case.name or BLANK, case.service or BLANK  # an empty field: the blank to fill in (D91)
        assert values["Galva_Pasvaldiba"] == f"Pašvaldība: {name}", case.key
        assert values["Galva_Dienests"] == f"Sociālais dienests: {service}", case.key
        for sheet in SIGNED:
            texts = [v for s, _, v in values.all_values() if s == sheet and isinstance(v, str)]
            for label, shown in (("Pašvaldība", name), ("Sociālais dienests", service)):
                expected = f"{label}: {shown}" + (NOTES[label] if shown == BLANK else "")
                assert expected in texts, (case.key, sheet, label)
                assert not any(NOTES[label] in t for t in texts if t != expected), (case.key, sheet, label)
            if name != PILOT_NAME:
                assert not any(PILOT_NAME in t for t in texts), (case.key, sheet)
            if service != SERVICE_NAME:
                assert not any(SERVICE_NAME in t for t in texts), (case.key, sheet)


def test_application_addressed_to_the_confirmed_service_in_the_dative(batch: NamesBatch) -> None:
    """6.9's addressee (C6) is the social service's confirmed name in the dative, else the blank with its note."""
    confirmed = batch.catalogues["confirming"].municipality_names.names[MUNICIPALITY].social_service
    dative = next(n.forms.dative for n in confirmed if n.name == SERVICE_NAME)
    assert dative != SERVICE_NAME  # the case form, not the name
    for case in batch.cases:
        shown = {rc: v for s, rc, v in batch.values(case.key).all_values() if s == "6.9"}[(6, 3)]
        expected = dative if case.service == SERVICE_NAME else APPLICATION_ADDRESSEE_BLANK
        assert shown == expected, case.key
        cat = batch.catalogues[case.catalogue]
        assert shown == party_names.shown_dative(cat, case.municipality, "social_service", case.day,
                                                 APPLICATION_ADDRESSEE_BLANK), case.key


def _column(value: object) -> list:
    """A named range's values as a list (a one-cell range reads as its value)."""
    return list(value) if isinstance(value, list) else [value]


def test_6_11_lists_only_confirmed_names(batch: NamesBatch) -> None:
    values = batch.values("pilot")
    listed = _column(values["h_PasvNosaukumi"])
    assert PILOT_NAME in listed and LATER_NAME not in listed
    assert _column(values["h_DienNosaukumi"]) == [party_names.NONE_CONFIRMED]
    assert sum(_column(values["h_PasvNosSpeka"])) == 1 and _column(values["h_DienNosSpeka"]) == [0]
    confirming = batch.values("confirmed-2026")
    assert _column(confirming["h_DienNosaukumi"]) == [SERVICE_NAME]
    assert LATER_NAME in _column(confirming["h_PasvNosaukumi"])
    assert _column(confirming["h_DienNosSpeka"]) == [0]  # the pilot-time service name is not in force in 2026


def test_fresh_matrix_cached_names_equal_libreoffice(batch: NamesBatch) -> None:
    """A matrix as generated (no plan day) caches what LibreOffice computes for the names, hints and headers."""
    cached = {(s, rc): v for s, rc, v in NamedValues(batch.fresh, all_sheets=True).all_values()}
    computed = {(s, rc): v for s, rc, v in batch.values("fresh").all_values()}
    for key in [(s, (r, c)) for s in ("6.1",) for r in (6, 7) for c in (2, 3)]:
        assert cached.get(key) == computed.get(key), key
    assert cached[("6.1", (6, 2))] == BLANK


def test_readers_identify_the_municipality_by_its_id(batch: NamesBatch, tmp_path: Path) -> None:
    """With both name cells blank ("______", as LibreOffice saved them), the collection counts the child for the
    municipality of Pasvaldiba, the child's documents read it and the migration carries it over."""
    catalogue = batch.catalogues["withdrawing"]
    saved = batch.recalculated["withdrawn-pilot"]
    values = NamedValues(saved)
    assert (values["Pasvaldibas_Nosaukums"], values["Socialais_Dienests"]) == (BLANK, BLANK)
    folder = tmp_path / "matricas" / MUNICIPALITY
    folder.mkdir(parents=True)
    shutil.copy(saved, folder / "matrica-001.xlsx")
    result = collect(folder.parent, catalogue, KEY, Options(jobs=1))
    assert [r.reasons for r in result.refused] == []
    assert [r.municipality for r in result.records] == [MUNICIPALITY]
    reading = read_for_documents(saved, catalogue, TemplateSource(catalogue), KEY)
    assert reading.refused == [] and reading.data is not None and reading.data.municipality == MUNICIPALITY
    with Migrator(catalogue) as migrator:
        migrator.migrate(saved, tmp_path / "migreta.xlsx")
    assert NamedValues(tmp_path / "migreta.xlsx")["Pasvaldiba"] == MUNICIPALITY


def test_child_fixture_is_a_pilot_plan(batch: NamesBatch) -> None:
    """The filled plan starts inside the pilot-time name's days (otherwise "pilot" would prove nothing)."""
    start = batch.child.inputs.period_start
    assert dt.date(2018, 8, 1) <= start <= PILOT_LAST_DAY
