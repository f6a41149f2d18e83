"""A round entry with a missing field is one error among the others (D311): `ibm check` still checks the file's
other entries, the other fields of the same entry (its dates, its municipalities, its services window against the
other rounds) and skips only the checks that need the missing field – every error of rounds.yaml in one run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

WHERE = "{root}/rounds.yaml:{line}: rounds {n}. ieraksts „{id}”, "

# a new round whose author forgot `source` (a required field), with an unknown municipality, a confirmed deadline
# after its services start and services that overlap the first round's
NEW_ROUND = """  - id: berni-2019
    programme: bērni
    name_lv: Otrā bērnu kārta (izdomāta testam)
    start: 2019-08-01
    end: 2020-09-30
    services_start: 2019-09-01
    services_end: 2020-08-31
    reporting_period_months: 6
    municipalities: [jelgava, nekurienes-novads]
    envelope: {amount: null, status: jāprecizē, source: Izdomāts testam}
    application_deadline: {date: 2019-09-15, status: apstiprināts, source: Izdomāts testam}
"""


def _line(path: Path, text: str, after: int = 0) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if n >= after and text in line)


def _check(root: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, ["check", "--catalogue", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith(f"{root}/rounds.yaml:")]
    return result.exit_code, errors, result.output


def test_a_missing_field_and_another_entrys_dates_in_one_run(catalogue_copy: Path) -> None:
    """The brief's case: the first round lacks `services_start`, the second ends before it starts – both said, each
    at its line with the entry's number and id and what was expected, exit status 1 (katalogā ir kļūdas)."""
    path = catalogue_copy / "rounds.yaml"
    text = path.read_text("utf-8")
    assert text.count("    services_start: 2018-10-01\n") == 1 and text.count("    end: 2021-02-28\n") == 1
    path.write_text(text.replace("    services_start: 2018-10-01\n", "")
                    .replace("    end: 2021-02-28\n", "    end: 2019-07-31\n"), "utf-8")
    status, errors, output = _check(catalogue_copy)
    first = WHERE.format(root=catalogue_copy, line=_line(path, "- id: berni-2018"), n=1, id="berni-2018")
    second = WHERE.format(root=catalogue_copy, line=_line(path, "end: 2019-07-31"), n=2, id="pieaugusie-2019")
    assert status == 1, output
    assert errors == [
        first + "services_start: lauks nav norādīts (gaidīts: obligāts lauks)",
        second + "end: kārta beidzas (31.07.2019) pirms sākuma (01.08.2019) (gaidīts: end ne agrāk par start "
        "01.08.2019)",
        WHERE.format(root=catalogue_copy, line=_line(path, "services_end: 2021-01-31"), n=2, id="pieaugusie-2019")
        + "services_end: pakalpojumu saņemšanas beigas 31.01.2021 ir pēc kārtas beigām 31.07.2019 (gaidīts: "
        "services_end kārtas laikā 01.08.2019–31.07.2019 (start–end))",
    ], output
    assert "netika veiktas pārbaudes" not in output, output  # no check across files was skipped for rounds.yaml
    assert output.rstrip().endswith("Katalogs nav derīgs."), output


def test_the_other_fields_of_an_entry_with_a_missing_field_are_checked(catalogue_copy: Path) -> None:
    """A new round without `source`: its deadline after its services start, its unknown municipality and its services
    overlapping the first round are said in the same run; the first round, which lacks `start`, is still checked
    against it, and the checks that need its `start` (its services before the round's start) are skipped without
    an error of their own."""
    path = catalogue_copy / "rounds.yaml"
    text = path.read_text("utf-8")
    assert text.count("    start: 2018-08-01\n") == 1
    path.write_text(text.replace("    start: 2018-08-01\n", "") + NEW_ROUND, "utf-8")
    status, errors, output = _check(catalogue_copy)
    new = _line(path, "- id: berni-2019")

    def at(text: str, n: int = 3, after: int = new) -> str:
        ident = "berni-2019" if n == 3 else "berni-2018"
        return WHERE.format(root=catalogue_copy, line=_line(path, text, after), n=n, id=ident)

    assert status == 1, output
    assert sorted(errors) == sorted([
        at("- id: berni-2018", 1, 0) + "start: lauks nav norādīts (gaidīts: obligāts lauks)",
        at("- id: berni-2019") + "source: lauks nav norādīts (gaidīts: obligāts lauks)",
        at("application_deadline:") + "application_deadline.date: iesniegšanas termiņš (15.09.2019) ir pēc "
        "pakalpojumu saņemšanas sākuma (01.09.2019) (gaidīts: termiņš pirms pakalpojumu saņemšanas sākuma, D131)",
        at("municipalities:") + "municipalities: nezināma pašvaldība „nekurienes-novads” (gaidīts: pašvaldības id no "
        "municipalities.yaml)",
        at("services_start:") + "services_start: kārtas berni-2019 pakalpojumu laiks (01.09.2019–31.08.2020) "
        "pārklājas ar kārtu berni-2018 (01.10.2018–30.09.2019) (gaidīts: vienas programmas kārtu pakalpojumu laiki "
        "nepārklājas)",
    ]), output
