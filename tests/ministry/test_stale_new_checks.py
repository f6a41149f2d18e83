"""A matrix of a template that predates a check (D147) stored 0 errors; the reference finds 1. `ibm collect`
(sheet „Atšķirības”, console) and `ibm documents --draft` (console, parskats.txt) name the value in Latvian and say
why it differs: the template did not have that check yet (audit31 F2, F9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.run import run
from generator.ministry.rule_names import rule_name
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import with_cached
from tests.ministry.factory import make_children, write_children
from tests.ministry.test_migrate_new_checks import too_many_hours
from tests.ministry.test_migrate_old_template import old_template

# more hours in the period than it holds is more hours than some month holds too: both D147 checks are new
REASON = (f"šīs matricas veidnes laikā pārbaužu „{rule_name('units_above_period')}”, "
          f"„{rule_name('units_above_month')}” vēl nebija")


@pytest.fixture(scope="module")
def shown_zero(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    """A municipality folder with one old-template matrix that stored 0 errors and 0 warnings, as its template
    computed them, but whose plan breaks D147."""
    folder = tmp_path_factory.mktemp("veca-veidne-saglabats")
    template = old_template(folder)
    broken = [c for c in map(too_many_hours, make_children(catalogue, 12, seed=147, one_period=True)) if c]
    child = write_children(catalogue, template, broken[:1], folder / "tmp", by_municipality=False)[0]
    assert child.path is not None
    target = folder / "matricas" / child.municipality / "matrica-001.xlsx"
    target.parent.mkdir(parents=True)
    with_cached(child.path, folder / "kludas.xlsx", "Kludas", "0")
    with_cached(folder / "kludas.xlsx", target, "Bridinajumi", "0")
    return target


def test_collect_labels_the_stored_count_and_gives_the_reason(shown_zero: Path, tmp_path: Path) -> None:
    from tests.ministry.conftest import KEY

    out = tmp_path / "kopsavilkums.xlsx"
    result = CliRunner().invoke(main, ["collect", str(shown_zero.parent.parent), "--out", str(out), "--jobs", "1",
                                       "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Atšķirības"]
    assert [c.value for c in sheet[3]][2:7] == ["Rādītājs", "Vieta matricā", "Failā", "Pārrēķināts", "Iemesls"]
    rows = {row[2]: row for row in ([c.value for c in r] for r in sheet.iter_rows(min_row=4)) if row[0]}
    errors = rows["Kļūdu skaits"]
    assert errors[3].startswith("6.11. tabula, šūna ") and errors[4] == 0 and errors[5] >= 1, errors
    assert REASON in errors[6] and "„Noteikumu kļūdas”" in errors[6], errors
    if "Brīdinājumu skaits" in rows:  # D147 is an error: the warnings' count is not explained by it
        assert REASON not in rows["Brīdinājumu skaits"][6], rows
    assert not any(str(name).startswith(("Kludas", "Bridinajumi")) for name in rows), rows
    said = normalise(result.output)
    assert ("1 failā saglabātās vērtības atšķiras no pārrēķinātajām (1 failā – matricas veidnē vēl nebija kādas no "
            "jaunajām pārbaudēm, sk. kolonnu „Iemesls”)") in said, said


def test_documents_draft_labels_the_stored_count_and_gives_the_reason(shown_zero: Path, catalogue: Catalogue,
                                                                      tmp_path: Path) -> None:
    lines: list[str] = []
    summary = run(shown_zero, tmp_path / "out", catalogue, None, draft=True, echo=lines.append, err=lines.append,
                  pdf=False, today=dt.date(2018, 1, 1))
    said = [normalise(line) for line in lines if "saglabātā vērtība" in line]
    errors = [line for line in said if "„Kļūdu skaits” (6.11. tabula, šūna " in line]
    assert len(errors) == 1 and "(Kludas)" not in errors[0], said
    assert " 0 atšķiras no pārrēķinātās " in errors[0] and REASON in errors[0], errors
    assert summary.folders, lines
    report = (summary.folders[0] / "parskats.txt").read_text(encoding="utf-8")
    assert REASON in normalise(report)


def test_documents_refusal_says_the_template_lacked_the_check(shown_zero: Path, catalogue: Catalogue,
                                                              tmp_path: Path) -> None:
    """audit31 F8: the matrix shows 0 errors, the papers are refused for D147; the refusal says why the matrix does
    not show it and what makes it show it."""
    lines: list[str] = []
    summary = run(shown_zero, tmp_path / "out", catalogue, None, draft=False, echo=lines.append, err=lines.append, pdf=False,
                  today=dt.date(2018, 1, 1))
    assert summary.refused == 1, lines
    said = [normalise(line) for line in lines]
    hours = [line for line in said if "noteikumu kļūda:" in line and "pārsniedz to, kas plāna periodā" in line]
    assert len(hours) == 1, said
    # the line's cell is named; the old template has no 6.11 row for the check, so none is named
    assert "pārbaudiet daudzumu 6.3. tabulā (6.3. tabula, " in hours[0] and "6.11. tabulas" not in hours[0], hours
    assert hours[0].endswith(". rinda). Šo pārbaudi jūsu matricas veidne vēl neveica – "
                             "pārnesiet matricu ar „ibm migrate”, tad kļūda būs redzama arī matricā (6.3. un 6.11. "
                             "tabulā)."), hours
    # D147 per month: each month over its hours, its 6.6 cell named, the tables where a migrated matrix shows it
    months = [line for line in said if "noteikumu kļūda:" in line and "pārsniedz to, kas šajā mēnesī" in line]
    assert months and all("pārbaudiet daudzumu 6.6. tabulā (6.6. tabula, " in line and line.endswith(
        "tad kļūda būs redzama arī matricā (6.6. un 6.11. tabulā).") for line in months), months
    others = [line for line in said if "noteikumu kļūda:" in line and line not in hours + months]
    assert not any("vēl neveica" in line for line in others), others
