"""A date in the right form that names no calendar day says "tāda datuma nav", in the catalogue and on the command
line (audit27 F8), not "nav datums (gaidīts: …)" – the form was right."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main
from generator.no_such_day import ISO, LV, no_such_day


@pytest.mark.parametrize(("text", "says"), [
    ("31.02.2019", "31.02.2019 – tāda datuma nav (2019. gada februārī ir 28 dienas)"),
    ("2021-02-31", "2021-02-31 – tāda datuma nav (2021. gada februārī ir 28 dienas)"),
    ("29.02.2019", "29.02.2019 – tāda datuma nav (2019. gada februārī ir 28 dienas)"),
    ("30.02.2020", "30.02.2020 – tāda datuma nav (2020. gada februārī ir 29 dienas)"),
    ("2020-12-32", "2020-12-32 – tāda datuma nav (2020. gada decembrī ir 31 diena)"),
    ("31.04.2019", "31.04.2019 – tāda datuma nav (2019. gada aprīlī ir 30 dienas)"),
    ("00.01.2020", "00.01.2020 – tāda datuma nav (2020. gada janvārī ir 31 diena)"),
    ("2018-13-01", "2018-13-01 – tāda datuma nav (mēnesis var būt no 01 līdz 12)"),
])
def test_a_day_that_does_not_exist(text: str, says: str) -> None:
    assert no_such_day(text) == says


@pytest.mark.parametrize("text", ["29.02.2020", "2019-04-01", "31.12.2019", "abc", "1.2.2019", "2019-4-1", ""])
def test_a_real_day_or_another_form_is_not_one(text: str) -> None:
    assert no_such_day(text) is None


def test_only_the_accepted_forms() -> None:
    assert no_such_day("2019-02-31", (LV,)) is None  # `ibm matrix --day` takes DD.MM.GGGG only: a form error
    assert no_such_day("31.02.2019", (ISO,)) is None
    assert no_such_day("31.02.2019", (LV,), quoted=True).startswith("„31.02.2019” – tāda datuma nav")


def test_the_catalogue_and_ibm_changes_say_the_day_does_not_exist(catalogue_copy: Path) -> None:
    price = catalogue_copy / "prices" / "2.1.yaml"
    text = price.read_text("utf-8")
    assert "effective_from: 2021-07-01" in text
    price.write_text(text.replace("effective_from: 2021-07-01", "effective_from: 2021-02-31"), "utf-8")
    line = "values 2. ieraksts, effective_from: 2021-02-31 – tāda datuma nav (2021. gada februārī ir 28 dienas)"
    for argv in (["check", "--catalogue", str(catalogue_copy)],
                 ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(catalogue_copy)]):
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 1, result.output
        assert f"catalogue/prices/2.1.yaml:17: {line}\n" in result.output, result.output
        assert "nav datums" not in result.output


@pytest.mark.parametrize(("argv", "says"), [
    (["matrix", "--day", "31.02.2019"], "„31.02.2019” – tāda datuma nav (2019. gada februārī ir 28 dienas)."),
    (["documents", "--from-matrix", "m.xlsx", "--day", "31.02.2019"],
     "„31.02.2019” – tāda datuma nav (2019. gada februārī ir 28 dienas)."),
    # one form of a day on every command, with --from-matrix too (it took GGGG-MM-DD unsaid)
    (["documents", "--from-matrix", "m.xlsx", "--day", "2019-05-01"], "„2019-05-01” nav datums (gaidīts: DD.MM.GGGG)."),
    (["matrix", "--day", "2019-02-31"], "„2019-02-31” nav datums (gaidīts: DD.MM.GGGG)."),  # the form is wrong
])
def test_the_command_line_day(argv: list[str], says: str) -> None:
    result = CliRunner().invoke(main, argv, prog_name="ibm")
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    assert line == f"Kļūda: nederīga parametra „--day” vērtība: {says} Palīdzība: ibm {argv[0]} --help.", line
