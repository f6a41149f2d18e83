"""catalogue/municipality-names.yaml (D43): a bad file is refused with its file, line, field and a Latvian
message (exit code 1 from `ibm check`); the real file gives each pilot municipality its pilot-time name,
confirmed for the days of its programme rounds, and no confirmed name after them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity
from generator.cli import main

NAMES = "municipality-names.yaml"


def _edit(root: Path, pattern: str, repl: str) -> None:
    path = root / NAMES
    text, count = re.subn(pattern, repl, path.read_text(encoding="utf-8"), count=1)
    assert count == 1, pattern
    path.write_text(text, encoding="utf-8")


def _line_of(root: Path, marker: str) -> int:
    return next(i for i, line in enumerate((root / NAMES).read_text(encoding="utf-8").splitlines(), 1)
                if marker in line)


@pytest.mark.parametrize(("pattern", "repl", "field", "message", "marker"), [
    (r"valid_to: 2019-10-31", "valid_to: 2017-10-31", "names.rezekne.municipality.0",
     "pirms tā sākuma", "- name: Rēzeknes pilsētas pašvaldība"),
    (r"(  valmiera:\n    municipality:\n(?:.*\n){4}        )status: apstiprināts", r"\1status: varbūt",
     "names.valmiera.municipality.0.status", "nezināma vērtība „varbūt”", "status: varbūt"),
    (r"valid_from: 2021-07-01\n        status: jāprecizē\n        source: \"Avotos nav",
     "valid_from: 2019-10-01\n        status: jāprecizē\n        source: \"Avotos nav",
     "names.jelgava.municipality.1.valid_from", "ir spēkā vienā laikā", "valid_from: 2019-10-01"),
    (r"\n  ogre:\n", "\n  ogres-novads:\n", "names.ogres-novads", "nezināma pašvaldība „ogres-novads”",
     "ogres-novads:"),
    (r"locative: Talsu novada pašvaldībā, ", "", "names.talsi.municipality.0.forms.locative",
     "lauks nav norādīts", None),
])
def test_a_bad_names_file_is_refused_with_its_place(catalogue_copy: Path, pattern: str, repl: str, field: str,
                                                    message: str, marker: str | None) -> None:
    _edit(catalogue_copy, pattern, repl)
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is None
    errors = [p for p in problems if p.severity is Severity.error and p.path is not None and p.path.name == NAMES]
    found = [p for p in errors if p.field == field and message in p.message]
    assert found, "\n".join(p.format() for p in errors)
    if marker is not None:
        assert found[0].line == _line_of(catalogue_copy, marker), found[0].format()


def test_ibm_check_names_the_file_line_and_field_and_exits_1(catalogue_copy: Path) -> None:
    _edit(catalogue_copy, r"valid_to: 2019-10-31", "valid_to: 2017-10-31")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1
    line = _line_of(catalogue_copy, "- name: Rēzeknes pilsētas pašvaldība")
    assert (f"catalogue/{NAMES}:{line}: names.rezekne.municipality 1. ieraksts: nosaukums „Rēzeknes pilsētas pašvaldība” "
            "ir spēkā līdz 31.10.2017, pirms tā sākuma 01.08.2018") in result.output, result.output
    assert "Traceback" not in result.output


def test_a_catalogue_without_the_names_file_warns_and_a_municipality_without_names_too(catalogue_copy: Path) -> None:
    text = (catalogue_copy / NAMES).read_text(encoding="utf-8")
    block = re.search(r"\n  gulbene:\n(?:    .*\n|      .*\n)*", text)
    assert block is not None
    (catalogue_copy / NAMES).write_text(text.replace(block.group(0), "\n"), encoding="utf-8")
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None
    assert any(p.severity is Severity.warning and "pašvaldībai gulbene nav nosaukumu" in p.message for p in problems)
    (catalogue_copy / NAMES).unlink()
    catalogue, problems = load_catalogue(catalogue_copy)
    assert catalogue is not None and catalogue.municipality_names is None
    assert any(p.severity is Severity.warning and p.path.name == NAMES and "tukšas vietas" in p.message
               for p in problems)


def test_pilot_names_are_confirmed_for_their_rounds_and_nothing_after(catalogue: Catalogue) -> None:
    names = catalogue.municipality_names
    assert names is not None
    assert set(names.names) == {m.id for m in catalogue.municipalities.municipalities}
    for m in catalogue.municipalities.municipalities:
        rounds = [r for r in catalogue.rounds if m.id in r.municipalities]
        for round_ in rounds:
            for day in (round_.start, round_.end):
                name = names.confirmed_on(m.id, "municipality", day)
                assert name is not None and name.name == m.name_lv, (m.id, day)
                assert name.forms == m.name_forms, m.id
        last = max(r.end for r in rounds)
        for entry in names.names[m.id].municipality + names.names[m.id].social_service:
            # confirmed only within the pilot's days; the reform's names are candidates
            if entry.confirmed:
                assert entry.valid_to is not None and entry.valid_to <= last, (m.id, entry.name)
                assert "S004" in entry.source, m.id
        assert names.in_force(m.id, "municipality", last.replace(year=last.year + 5)) is not None, m.id
