"""Programme rounds (catalogue/rounds.yaml, D21): the pilots' facts, derived reporting periods, and a
new round added as data only is validated by `ibm check` and used by the reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.catalogue.models import Pilot
from generator.changes.calendar import round_changes
from generator.cli import main
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

D = dt.date

THIRD_ROUND = """  - id: berni-2020
    programme: bērni
    name_lv: IBM valsts mēroga ieviešana bērniem (izdomāta kārta testam)
    start: 2019-12-01
    end: 2021-01-31
    services_start: 2020-01-01
    services_end: 2020-12-31
    reporting_period_months: 6
    municipalities: [jelgava, cesis]
    envelope: {amount: 150000.00, status: apstiprināts, source: "Izdomāts testam"}
    source: "Izdomāts testam"
"""


def test_pilots_keep_their_facts(catalogue: Catalogue) -> None:
    children = catalogue.round_by_id["berni-2018"]
    assert (children.start, children.end) == (D(2018, 8, 1), D(2019, 10, 31))
    assert (children.services_start, children.services_end) == (D(2018, 10, 1), D(2019, 9, 30))
    assert children.participants == 102
    adults = catalogue.round_by_id["pieaugusie-2019"]
    assert (adults.services_start, adults.services_end) == (D(2019, 11, 1), D(2021, 1, 31))
    assert [m.id for m in catalogue.pilot_municipalities()] == children.municipalities
    assert [m.id for m in catalogue.pilot_municipalities(Pilot.adults)] == adults.municipalities
    assert [p.id for p in catalogue.municipalities.pilots] == [Pilot.children, Pilot.adults]
    assert catalogue.municipalities.pilots[0].services_start == children.services_start
    assert catalogue.municipality("cesis").pilots == [Pilot.adults]
    assert catalogue.municipality("jelgava").pilots == [Pilot.children, Pilot.adults]


def test_reporting_periods_are_derived_from_the_services_window(catalogue: Catalogue) -> None:
    periods = catalogue.round_periods(catalogue.round_by_id["berni-2018"])
    assert [(p.start, p.end) for p in periods] == [(D(2018, 10, 1), D(2019, 3, 31)), (D(2019, 4, 1), D(2019, 9, 30))]
    adults = catalogue.round_periods(catalogue.round_by_id["pieaugusie-2019"])
    assert [(p.start, p.end) for p in adults] == [
        (D(2019, 11, 1), D(2020, 4, 30)), (D(2020, 5, 1), D(2020, 10, 31)), (D(2020, 11, 1), D(2021, 1, 31)),
    ]
    assert Params.from_catalogue(catalogue, D(2018, 10, 1)).reporting_periods == periods


def test_holidays_are_exposed_in_date_order(catalogue: Catalogue) -> None:
    days = catalogue.holiday_dates
    assert list(days) == sorted(days) and D(2018, 12, 24) in days and D(2018, 11, 19) in days
    for round_ in catalogue.rounds:
        assert set(range(round_.services_start.year, round_.services_end.year + 1)) <= catalogue.holiday_years


def test_a_third_round_is_a_data_only_change(catalogue_copy: Path) -> None:
    path = catalogue_copy / "rounds.yaml"
    path.write_text(path.read_text("utf-8") + THIRD_ROUND, "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 0, result.output
    assert "programmas kārtas: 3" in result.output
    catalogue, _ = load_catalogue(catalogue_copy)
    assert catalogue is not None
    assert "cesis" in [m.id for m in catalogue.pilot_municipalities()]
    assert catalogue.round_at(Pilot.children, D(2020, 3, 1)).id == "berni-2020"
    params = Params.from_catalogue(catalogue, D(2020, 8, 1))
    assert [p.start for p in params.reporting_periods] == [D(2018, 10, 1), D(2019, 4, 1), D(2020, 1, 1), D(2020, 7, 1)]
    # a child who turns 9 on 15.07.2020: the check date is the period's first day, 01.07.2020
    inputs = WorkbookInputs(D(2011, 7, 15), D(2020, 8, 1), 5, False, "kustību", ())
    outcome = evaluate_workbook(inputs, params)
    assert outcome.check_date == D(2020, 7, 1) and outcome.age == 8 and outcome.errors == 0
    assert outcome.provisional == params.base_amount
    too_long = evaluate_workbook(WorkbookInputs(D(2011, 7, 15), D(2020, 8, 1), 6, False, "kustību", ()), params)
    (error,) = too_long.findings
    assert error.code == "past_reporting_period" and "01.07.2020–31.12.2020" in error.message


LEGACY_PILOTS = """pilots:
  - id: bērni
    name_lv: Vecā formāta bērnu izmēģinājumprojekts
    start: 2018-08-01
    end: 2019-10-31
    services_start: 2018-10-01
    services_end: 2019-09-30
    participants: 102
municipalities:
"""


def test_a_version_from_before_rounds_still_loads(catalogue_copy: Path) -> None:
    """`ibm changes --from <old revision>`: pilots in municipalities.yaml, no rounds.yaml or holidays.yaml."""
    (catalogue_copy / "rounds.yaml").unlink()
    (catalogue_copy / "holidays.yaml").unlink()
    path = catalogue_copy / "municipalities.yaml"
    text = path.read_text("utf-8").replace("municipalities:\n", LEGACY_PILOTS, 1)
    text = text.replace("  - id: jelgava\n", "  - id: jelgava\n    pilots: [bērni]\n").replace(
        "  - id: ogre\n", "  - id: ogre\n    pilots: [bērni]\n")
    path.write_text(text, "utf-8")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None, [str(p) for p in problems]
    (round_,) = catalogue.rounds
    assert round_.programme is Pilot.children and round_.municipalities == ["jelgava", "ogre"]
    assert [m.id for m in catalogue.pilot_municipalities()] == ["jelgava", "ogre"]
    assert catalogue.municipalities.pilots[0].name_lv == "Vecā formāta bērnu izmēģinājumprojekts"
    assert [p.start for p in catalogue.children_reporting_periods()] == [D(2018, 10, 1), D(2019, 4, 1)]
    assert catalogue.holiday_dates == ()
    # a current catalogue without holidays.yaml is refused
    (catalogue_copy / "municipalities.yaml").write_text(text.replace(LEGACY_PILOTS, "municipalities:\n"), "utf-8")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is None and any("rounds.yaml" in str(p.path) for p in problems)


def test_a_round_year_without_holidays_is_reported(catalogue_copy: Path) -> None:
    """D62: `ibm check` names the round whose services window has a year the holiday list does not cover."""
    later = THIRD_ROUND.replace("2019-12-01", "2021-12-01").replace("2021-01-31", "2023-01-31")
    later = later.replace("2020-01-01", "2022-01-01").replace("2020-12-31", "2022-12-31")
    path = catalogue_copy / "rounds.yaml"
    path.write_text(path.read_text("utf-8") + later, "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1, result.output
    assert "rounds.yaml:" in result.output and "holidays.yaml) nav 2022. gada" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_malformed_round_rule_is_refused_in_latvian(catalogue_copy: Path) -> None:
    """D124: confirmed selection rules need every text, a confirmed deadline a real date; `ibm check` names the
    file, line and field, exits 1 and prints no traceback."""
    path = catalogue_copy / "rounds.yaml"
    text = path.read_text("utf-8")
    text = text.replace("      date: null\n      status: jāprecizē\n", "      date: 2018-13-01\n      status: apstiprināts\n", 1)
    text = text.replace("      tie_break: ", "      tie_brake: ", 1)
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "rounds.yaml:" in result.output
    assert "rounds 1. ieraksts „berni-2018”, application_deadline.date: 2018-13-01 – tāda datuma nav (mēnesis var būt no 01 līdz 12)" \
        in result.output
    assert "rounds 1. ieraksts „berni-2018”, selection.tie_brake: nezināms lauks" in result.output, result.output


def test_a_confirmed_deadline_needs_a_date_before_the_services(catalogue_copy: Path) -> None:
    """D131: the deadline must fall before the services' first day (01.10.2018): form 04 forwards the applications
    some working days after it, so a deadline on that day or later is refused (review1 F8)."""
    path = catalogue_copy / "rounds.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("      date: null\n      status: jāprecizē\n",
                                 "      date: 2018-09-30\n      status: apstiprināts\n", 1), "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert "iesniegšanas termiņš" not in result.output, result.output  # the day before the services: accepted
    for date, expected in (("null", "apstiprinātam iesniegšanas termiņam vajag datumu (date)"),
                           ("2018-10-01", "iesniegšanas termiņš (01.10.2018) ir pakalpojumu saņemšanas sākuma dienā "
                                          "(01.10.2018) (gaidīts: termiņš pirms pakalpojumu saņemšanas sākuma, D131)"),
                           ("2018-10-02", "iesniegšanas termiņš (02.10.2018) ir pēc pakalpojumu saņemšanas sākuma "
                                          "(01.10.2018) (gaidīts: termiņš pirms pakalpojumu saņemšanas sākuma, "
                                          "D131)")):
        path.write_text(text.replace("      date: null\n      status: jāprecizē\n",
                                     f"      date: {date}\n      status: apstiprināts\n", 1), "utf-8")
        result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
        assert result.exit_code == 1 and "rounds.yaml:" in result.output, result.output
        assert "rounds 1. ieraksts" in result.output, result.output
        assert expected in result.output, result.output


def test_a_changed_deadline_is_a_round_change(catalogue: Catalogue, catalogue_copy: Path) -> None:
    """`ibm changes` lists the application deadline (D124) with its own source."""
    path = catalogue_copy / "rounds.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "      date: null\n      status: jāprecizē\n      source: \"Avotos nav dots",
        "      date: 2018-09-14\n      status: apstiprināts\n      source: \"Izdomāts testam", 1), "utf-8")
    changed, _ = load_catalogue(catalogue_copy)
    assert changed is not None
    (change,) = round_changes(catalogue, changed)
    assert (change.round_id, change.what) == ("berni-2018", "iesniegumu iesniegšanas termiņš")
    assert (change.old, change.new) == ("nav zināms (jāprecizē)", "14.09.2018 (apstiprināts)")
    assert change.source.startswith("Izdomāts testam")


def test_both_pilots_run_under_the_esf_project(catalogue: Catalogue) -> None:
    """The project is round data (audit18 F11): both pilots confirmed from the seeds, not a municipalities.yaml fact."""
    for round_id in ("berni-2018", "pieaugusie-2019"):
        project = catalogue.round_by_id[round_id].project
        assert project is not None and project.status.value == "apstiprināts"
        assert (project.number, project.name_lv) == ("9.2.2.2./16/I/001", "Sociālo pakalpojumu atbalsta sistēmas pilnveide")
    assert not hasattr(catalogue.municipalities, "project")


def test_a_confirmed_project_needs_its_number_and_name(catalogue_copy: Path) -> None:
    path = catalogue_copy / "rounds.yaml"
    path.write_text(path.read_text("utf-8").replace("      number: 9.2.2.2./16/I/001\n", "", 1), "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "rounds.yaml:" in result.output and "rounds 1. ieraksts „berni-2018”, project:" in result.output, result.output
    assert "apstiprinātam kārtas projektam vajag gan numuru (number), gan nosaukumu (name_lv)" in result.output
