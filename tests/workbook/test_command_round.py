"""`ibm matrix --round ID` and `--day DD.MM.GGGG` (D63): a matrix issued for an earlier children's round or for the
part of a round after a price change carries that day's prices and parameters, its days on 6.11 and a version that
names the day; bad values are refused in Latvian with nothing written."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.catalogue.problems import shown_path
from generator.cli import main
from generator.ministry.matrix import Matrix, offer_code
from generator.money import to_decimal
from generator.reference.params import Params
from generator.workbook.issue_days import IssueDayError, day_covering, issue_days, template_date
from generator.workbook.version import prices_day, template_version
from tests.workbook.conftest import LATER_ROUND, round_catalogue

D = dt.date
PILOT_START = D(2018, 10, 1)  # berni-2018's first service day
LATER_START = LATER_ROUND[1]  # berni-2021's (the test round's) first service day


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The catalogue with a later children's round: its newest round is berni-2021, the pilot is the older one."""
    return round_catalogue(tmp_path_factory.mktemp("kartas"))


def _in(folder: Path, catalogue: Catalogue, *args: str):  # noqa: ANN202
    import os

    folder.mkdir(parents=True, exist_ok=True)
    here = Path.cwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, ["matrix", "--catalogue", str(catalogue.root), *args])
    finally:
        os.chdir(here)


def _day(value: object) -> dt.date:
    assert isinstance(value, dt.date | dt.datetime), value
    return value.date() if isinstance(value, dt.datetime) else value


def _price(value: object) -> Decimal | None:
    return None if value in (None, "") else to_decimal(value)  # type: ignore[arg-type]


def test_the_older_round_carries_its_own_prices_and_days(two_rounds: Catalogue, tmp_path: Path) -> None:
    assert template_date(two_rounds) == LATER_START  # the default is the newest round
    result = _in(tmp_path, two_rounds, "--round", "berni-2018", "--municipality", "liepaja")
    assert result.exit_code == 0, result.output
    out = tmp_path / "ibm-matrica-liepaja-2018-10-01.xlsx"
    assert out.is_file(), sorted(p.name for p in tmp_path.iterdir())
    m = Matrix.open(out)
    version = m.scalar("IBM_Versija")
    assert version == template_version(two_rounds, PILOT_START) == f"{template_version(two_rounds)}@2018-10-01"
    assert prices_day(str(version)) == PILOT_START
    assert f"veidnes versija {lvformat.version(str(version))}" in result.output
    # the console: the days the prices hold as 6.11 says them (audit27 F7) and the round's services end (audit21 F3)
    until, services_end = _day(m.scalar("Parametru_Lidz")), two_rounds.round_by_id["berni-2018"].services_end
    assert "cenas uz 01.10.2018" in result.output and (
        f"spēkā 01.10.2018–{lvformat.date(until)}; matrica der plāniem, kuru pirmā diena ir no 01.10.2018 līdz kārtas "
        f"pakalpojumu beigām {lvformat.date(services_end)})") in result.output, result.output
    # 6.11: the prices day and the last day they hold (the day before MK Nr. 316 changed 2.1)
    assert _day(m.scalar("Parametru_Datums")) == PILOT_START
    assert _day(m.scalar("Parametru_Lidz")) == two_rounds.prices_until(PILOT_START) == D(2021, 6, 30)
    # 6.8: every ceiling and prefilled price is the reference's for 01.10.2018, not for the newest round's day
    params = Params.from_catalogue(two_rounds, PILOT_START)
    offers = {o.id: o for o in two_rounds.offers(PILOT_START)}
    later = {o.id: o for o in two_rounds.offers(LATER_START)}
    ids = [offer_code(str(v)) for v in m.column("Pak_Id") if isinstance(v, str) and v.strip()]
    assert set(ids) == set(offers)
    differs = []
    for j, code in enumerate(ids):
        assert _price(m.column("Pak_MaxCena")[j]) == offers[code].ceiling, code
        assert _price(m.column("Pak_Cena")[j]) == offers[code].prefill_price, code
        if (later[code].ceiling, later[code].prefill_price) != (offers[code].ceiling, offers[code].prefill_price):
            differs.append(code)
    assert "2.1" in differs, differs  # the test is sharp: 2.1 is 4,50 EUR on the newer round's day only
    assert m.scalar("Param_Bazes") == float(params.base_amount)


def test_the_default_matrix_keeps_its_version_and_name(two_rounds: Catalogue, tmp_path: Path) -> None:
    result = _in(tmp_path, two_rounds, "--day", "15.08.2021")  # inside the newest round, no change since its start
    assert result.exit_code == 0, result.output
    m = Matrix.open(tmp_path / "ibm-matrica.xlsx")
    assert m.scalar("IBM_Versija") == template_version(two_rounds) and "@" not in str(m.scalar("IBM_Versija"))
    assert _day(m.scalar("Parametru_Datums")) == LATER_START


def test_a_plan_day_gives_its_rounds_matrix(two_rounds: Catalogue, tmp_path: Path) -> None:
    result = _in(tmp_path, two_rounds, "--day", "01.05.2019", "--out", "plans.xlsx")
    assert result.exit_code == 0, result.output
    assert _day(Matrix.open(tmp_path / "plans.xlsx").scalar("Parametru_Datums")) == PILOT_START


def test_a_price_change_inside_a_round_is_an_issue_day(tmp_path: Path) -> None:
    """A (test) change of 2.1 on 01.10.2021, inside the newest round's services window: the plan's first day gives
    the matrix of the last change before it, which holds until the day before the next change (01.01.2023)."""
    folder = tmp_path / "ar-maina"
    shutil.copytree(round_catalogue(tmp_path).root, folder)
    price = folder / "prices" / "2.1.yaml"
    text = price.read_text(encoding="utf-8")
    entry = ("  - effective_from: 2021-10-01\n    kind: ceiling\n    amount: 4.60\n"
             "    source: \"Testa cenu maiņa (izdomāta)\"\n    status: jāprecizē\n")
    price.write_text(text.replace("  - effective_from: 2023-01-01\n", entry + "  - effective_from: 2023-01-01\n"),
                     encoding="utf-8")
    catalogue = load_or_raise(folder)
    assert [d.day for d in issue_days(catalogue)] == [PILOT_START, LATER_START, D(2021, 10, 1)]
    assert day_covering(catalogue, D(2021, 11, 15)) == D(2021, 10, 1)
    assert day_covering(catalogue, D(2021, 9, 30)) == LATER_START
    assert day_covering(catalogue, D(2019, 9, 30)) == PILOT_START
    result = _in(tmp_path / "out", catalogue, "--day", "15.11.2021")
    assert result.exit_code == 0, result.output
    m = Matrix.open(tmp_path / "out" / "ibm-matrica-2021-10-01.xlsx")
    assert _day(m.scalar("Parametru_Datums")) == D(2021, 10, 1)
    assert _day(m.scalar("Parametru_Lidz")) == D(2022, 12, 31)
    ids = [offer_code(str(v)) for v in m.column("Pak_Id")]
    assert _price(m.column("Pak_MaxCena")[ids.index("2.1")]) == Decimal("4.60")


@pytest.mark.parametrize(("args", "code", "says"), [
    # the catalogue's own rounds file, the one --catalogue names (not the default catalogue/)
    (["--round", "berni-2030"], 2, "--round: „berni-2030” nav kārta katalogā ({rounds}) "
                                   "(gaidīts viens no: berni-2018, berni-2021)."),
    (["--round", "pieaugusie-2019"], 2, "ir pieaugušo programmas kārta („IBM izmēģinājumprojekts pilngadīgām "
                                        "personām ar garīga rakstura traucējumiem”), bet matricas, dokumentus un "
                                        "atskaišu veidnes rīkkopa veido tikai bērnu programmai (gaidīts viens no: "
                                        "berni-2018, berni-2021)"),
    (["--day", "15.03.2021"], 2, "--day: „15.03.2021” nav nevienas bērnu programmas kārtas pakalpojumu laikā, tāpēc "
                                 "matricu tai dienai izdot nevar (gaidīts: diena kādā no kārtām – berni-2018: "
                                 "01.10.2018–30.09.2019; berni-2021: 01.07.2021–31.12.2021)."),
    # a day of the adults' round: the line says that nothing is made for it (audit31e F2, D254)
    (["--day", "15.03.2020"], 2, "--day: „15.03.2020” nav nevienas bērnu programmas kārtas pakalpojumu laikā – tā ir "
                                 "pieaugušo programmas kārtas „pieaugusie-2019” („IBM izmēģinājumprojekts "
                                 "pilngadīgām personām ar garīga rakstura traucējumiem”) pakalpojumu laikā "
                                 "(01.11.2019–31.01.2021), bet matricas, dokumentus un atskaišu veidnes rīkkopa veido "
                                 "tikai bērnu programmai, tāpēc matricu tai dienai izdot nevar (gaidīts: diena kādā no "
                                 "kārtām – berni-2018: 01.10.2018–30.09.2019; berni-2021: 01.07.2021–31.12.2021)."),
    (["--day", "2019-05-01"], 2, "„2019-05-01” nav datums (gaidīts: DD.MM.GGGG)."),
    (["--day", "31.02.2019"], 2, "„31.02.2019” – tāda datuma nav (2019. gada februārī ir 28 dienas)."),  # audit27 F8
    (["--round", "berni-2018", "--day", "01.05.2019"], 2, "--round un --day kopā nelieto"),
])
def test_bad_round_or_day_is_refused_with_nothing_written(two_rounds: Catalogue, tmp_path: Path, args: list[str],
                                                          code: int, says: str) -> None:
    result = _in(tmp_path, two_rounds, *args)
    assert result.exit_code == code, result.output
    says = says.replace("{rounds}", shown_path(two_rounds.root / "rounds.yaml"))
    assert "(catalogue/rounds.yaml)" not in says
    assert says in result.output, result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
    # an invalid value is one line with the --help pointer (D121), as `ibm documents --round` says it
    assert result.output.strip().count("\n") == 0, result.output
    assert result.output.strip().endswith(" matrix --help."), result.output


def test_the_issue_day_errors_are_latvian_messages(two_rounds: Catalogue) -> None:
    with pytest.raises(IssueDayError, match="nav nevienas bērnu programmas kārtas"):
        day_covering(two_rounds, D(2017, 1, 1))


def test_a_municipality_outside_the_matrixs_round_is_refused_naming_its_own_round(two_rounds: Catalogue,
                                                                                   tmp_path: Path) -> None:
    """A municipality of the pilot only gets no matrix for the newest round (D104, D113): every plan in it would be
    refused by the matrix, the papers and the collection. The refusal names the round it is in, with --round and
    --day; that round's matrix is made."""
    later = two_rounds.round_by_id[LATER_ROUND[0]]
    pilot = two_rounds.round_by_id["berni-2018"]
    outsider = next(m for m in pilot.municipalities if m not in later.municipalities)
    for args in ((), ("--day", "15.08.2021")):
        result = _in(tmp_path / "nav", two_rounds, "--municipality", outsider, *args)
        assert result.exit_code == 2, result.output
        said = " ".join(result.output.split())
        assert f"--municipality: „{outsider}” nepiedalās bērnu programmas kārtā „{later.name_lv}” ({later.id})" in said
        assert f"(tajā piedalās: {', '.join(later.municipalities)})" in said, said
        assert (f"--round berni-2018 vai --day DD.MM.GGGG no {lvformat.date(pilot.services_start)} līdz "
                f"{lvformat.date(pilot.services_end)}") in said, said
        assert not any((tmp_path / "nav").iterdir())
    result = _in(tmp_path / "ir", two_rounds, "--municipality", outsider, "--round", "berni-2018")
    assert result.exit_code == 0, result.output
    member = _in(tmp_path / "ir", two_rounds, "--municipality", later.municipalities[0])
    assert member.exit_code == 0, member.output


def test_the_advice_marks_an_ended_round_and_says_when_there_is_none(two_rounds: Catalogue) -> None:
    """D309: the round a municipality takes part in is named with its end when it has ended (its matrix serves only
    that round's reports and corrections), and a municipality in no children's round is told so – before, the advice
    after „Matricai kārtā, kurā … piedalās:” was empty."""
    from generator.workbook.command import outside_round

    later = two_rounds.round_by_id[LATER_ROUND[0]]
    pilot = two_rounds.round_by_id["berni-2018"]
    outsider = next(m for m in pilot.municipalities if m not in later.municipalities)
    ended = outside_round(two_rounds, outsider, later.services_start, today=pilot.end + dt.timedelta(days=1))
    assert ended is not None and ended.endswith(
        f"--round berni-2018 vai --day DD.MM.GGGG no {lvformat.date(pilot.services_start)} līdz "
        f"{lvformat.date(pilot.services_end)} (kārta beigusies {lvformat.date(pilot.end)}: matrica der tikai tās plānu "
        "atskaitēm un labojumiem)"), ended
    running = outside_round(two_rounds, outsider, later.services_start, today=pilot.end)
    assert running is not None and "beigusies" not in running, running
    nowhere = outside_round(two_rounds, "testpils", later.services_start)
    assert nowhere is not None and "„testpils” nepiedalās nevienā bērnu programmas kārtā" in nowhere, nowhere
    assert "piedalās: " not in nowhere.rsplit("nesavāc.", 1)[1], nowhere
