"""A dated list's error names the faulty entry's line, its date and what was expected; so does a round's services
window outside the round (audit39 F7)."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity

PRICE = Path("prices") / "2.1.yaml"


def _errors(root: Path) -> list[str]:
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    return [p.format(root) for p in problems if p.severity is Severity.error]


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_same_date_twice_names_the_second_entry(catalogue_copy: Path) -> None:
    path = catalogue_copy / PRICE
    text = path.read_text("utf-8")
    assert "effective_from: 2023-04-01" in text
    path.write_text(text.replace("effective_from: 2023-04-01", "effective_from:  2023-01-01"), "utf-8")
    line = _line(path, "effective_from:  2023-01-01")
    assert _errors(catalogue_copy) == [
        f"catalogue/{PRICE}:{line}: values 4. ieraksts, effective_from: spēkā stāšanās datums 01.01.2023 jau ir "
        "3. ierakstā (gaidīts: katram ierakstam cits datums – vienu no abiem izlabojiet vai dzēsiet)"]


def test_an_earlier_date_after_a_later_one_says_which_date_was_expected(catalogue_copy: Path) -> None:
    path = catalogue_copy / PRICE
    path.write_text(path.read_text("utf-8").replace("effective_from: 2023-04-01", "effective_from: 2022-04-01"),
                    "utf-8")
    line = _line(path, "effective_from: 2022-04-01")
    assert _errors(catalogue_copy) == [
        f"catalogue/{PRICE}:{line}: values 4. ieraksts, effective_from: datums 01.04.2022 ir agrāks par iepriekšējā "
        "ieraksta datumu 01.01.2023 (gaidīts: datums pēc 01.01.2023 – ieraksti sakārtoti no agrākā uz vēlāko)"]


def test_services_before_the_round_starts(catalogue_copy: Path) -> None:
    path = catalogue_copy / "rounds.yaml"
    path.write_text(path.read_text("utf-8").replace("services_start: 2018-10-01", "services_start: 2018-07-01", 1),
                    "utf-8")
    line = _line(path, "services_start: 2018-07-01")
    errors = _errors(catalogue_copy)
    assert (f"catalogue/rounds.yaml:{line}: rounds 1. ieraksts „berni-2018”, services_start: pakalpojumu saņemšanas sākums "
            "01.07.2018 ir pirms kārtas sākuma 01.08.2018 (gaidīts: services_start kārtas laikā 01.08.2018–31.10.2019 "
            "(start–end))") in errors, errors


def test_every_date_mistake_of_a_round_in_one_run_at_its_fields_line(catalogue_copy: Path) -> None:
    """D309: the round ends before it starts, its services start before it and its confirmed deadline is after the
    services' start – three independent mistakes, all in one run, each at its own field's line with the entry's id and
    what was expected (before: only the first, at the entry's `- id:` line and without „(gaidīts: …)”)."""
    path = catalogue_copy / "rounds.yaml"
    text = path.read_text("utf-8").replace("    end: 2019-10-31\n", "    end: 2018-07-31\n", 1)
    text = text.replace("      date: null\n      status: jāprecizē\n", "      date: 2018-10-02\n      status: apstiprināts\n",
                        1)
    path.write_text(text, "utf-8")
    errors = _errors(catalogue_copy)
    where = "catalogue/rounds.yaml:{}: rounds 1. ieraksts „berni-2018”, "
    assert errors == [
        where.format(_line(path, "end: 2018-07-31")) + "end: kārta beidzas (31.07.2018) pirms sākuma (01.08.2018) "
        "(gaidīts: end ne agrāk par start 01.08.2018)",
        where.format(_line(path, "services_end: 2019-09-30")) + "services_end: pakalpojumu saņemšanas beigas "
        "30.09.2019 ir pēc kārtas beigām 31.07.2018 (gaidīts: services_end kārtas laikā 01.08.2018–31.07.2018 "
        "(start–end))",
        where.format(_line(path, "date: 2018-10-02")) + "application_deadline.date: iesniegšanas termiņš (02.10.2018) "
        "ir pēc pakalpojumu saņemšanas sākuma (01.10.2018) (gaidīts: termiņš pirms pakalpojumu saņemšanas sākuma, "
        "D131)",
    ], errors
