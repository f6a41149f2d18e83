"""`ibm documents --round ID` / `--day DD.MM.GGGG` (D125): a municipality's report templates for a chosen children's
round carry its months (27, 29, 30, 31) and name even once it has ended; an ended round gets no papers; the set goes
to <municipality>-<round> folders beside the default set, which stays byte for byte as it was; bad values exit 2
with a Latvian line and nothing written."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.reports.activity import FIRST_MONTH_COL
from generator.documents.reports.activity import FIRST_ROW as ACTIVITY_FIRST
from generator.documents.reports.activity import SHEET as ACTIVITY_SHEET
from generator.documents.reports.register_layout import CASH_FIRST, S_CASH
from generator.documents.reports.settlement_workbook import FIRST as SETTLEMENT_FIRST
from generator.documents.reports.settlement_workbook import SHEET as SETTLEMENT_SHEET
from generator.documents.reports.workbooks import write_report_workbooks
from generator.documents.staged_output import DOCUMENTS_MANIFEST
from generator.documents.terms import Choice, for_round
from tests.documents.workbook_values import named
from tests.round_yaml import catalogue_with_round, children_round_entry

PILOT = "berni-2018"
REPORTS = Path("lejupielades") / "atskaites"
PAPERS = Path("lejupielades") / "dokumenti"



def _run(out: Path, *args: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", "--out", str(out), *args])


def _months(catalogue: Catalogue, round_id: str) -> list[dt.date]:
    found = catalogue.round_by_id[round_id]
    months, day = [], found.start.replace(day=1)
    while day <= found.end:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def _days(values: list) -> list[dt.date]:
    return [v.date() if isinstance(v, dt.datetime) else v for v in values if v is not None]


def _texts(wb: openpyxl.Workbook) -> str:
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                     if isinstance(c.value, str))


def test_an_ended_rounds_report_templates_carry_its_months_and_name(catalogue: Catalogue, tmp_path: Path) -> None:
    assert catalogue.round_by_id[PILOT].end < dt.date.today()  # the test is about an ended round
    result = _run(tmp_path, "--municipality", "liepaja", "--round", PILOT)
    assert result.exit_code == 0, result.output
    folder = tmp_path / REPORTS / f"liepaja-{PILOT}"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in write_report_workbooks(catalogue, catalogue.municipality("liepaja"), tmp_path / "ref"))
    assert not (tmp_path / PAPERS).exists()  # an ended round: no contract or decision that looks signable
    assert not (tmp_path / REPORTS / "liepaja").exists()  # the default set is not made or replaced
    assert "tikai atskaišu veidnes" in result.output and "D125" in result.output
    months = _months(catalogue, PILOT)
    assert months[0] == dt.date(2018, 8, 1) and months[-1] == dt.date(2019, 10, 1)
    register = openpyxl.load_workbook(folder / "izdevumu-registrs-un-parskati.xlsx")
    assert _days(named(register, "NP_Menesis")) == months  # 29: a dated row per month of the round
    quarters = list(zip(named(register, "CP_Gads"), named(register, "CP_Ceturksnis"), strict=True))
    assert (2018, 3) in quarters and (2019, 4) in quarters  # 30: the round's quarters
    settlement = openpyxl.load_workbook(folder / "norekini-ar-pasvaldibu.xlsx")
    assert _days(named(settlement, "NR_Menesis")) == months  # 27
    ws = openpyxl.load_workbook(folder / "sd-menesa-atskaite.xlsx")[ACTIVITY_SHEET]
    heads = [ws.cell(ACTIVITY_FIRST, FIRST_MONTH_COL + 1 + k).value for k in range(len(months))]
    assert _days(heads) == months  # 31: a dated column per month
    name = catalogue.round_by_id[PILOT].name_lv
    for book in (register, settlement, openpyxl.load_workbook(folder / "sd-menesa-atskaite.xlsx")):
        text = _texts(book)
        assert f"kārtai „{name}” (01.08.2018–31.10.2019)" in text
        assert "Kārta jau beigusies" in text
        assert "nav iepriekš aizpildītas" not in text  # no blank-months note: the months are there
    # audit21 F9, D37: the ended round's late or corrected reports carry the counts that were, never the plan:
    # the children count and the employment contract are blank inputs in every month (29 and 27)
    cash = register[S_CASH]
    rows = range(CASH_FIRST + 1, CASH_FIRST + 1 + len(months))
    assert [cash.cell(r, 2).value for r in rows] == [None] * len(months)
    assert [cash.cell(r, 3).value in (None, "") for r in rows] == [True] * len(months)
    norek = settlement[SETTLEMENT_SHEET]
    rows = range(SETTLEMENT_FIRST + 1, SETTLEMENT_FIRST + 1 + len(months))
    assert [norek.cell(r, 2).value for r in rows] == [None] * len(months)
    assert [norek.cell(r, 4).value in (None, "") for r in rows] == [True] * len(months)


def test_a_day_in_the_rounds_services_gives_the_same_set(catalogue: Catalogue, tmp_path: Path) -> None:
    """`--day` in the round's services makes that round's set, as `--round` does, for that day: its names are
    those confirmed on it, as in the documents made with it (papers_day; D192)."""
    by_round, by_day = tmp_path / "kārta", tmp_path / "diena"
    assert _run(by_round, "--municipality", "talsi", "--round", PILOT).exit_code == 0
    result = _run(by_day, "--municipality", "talsi", "--day", "01.05.2019")
    assert result.exit_code == 0, result.output
    first, second = by_round / REPORTS / f"talsi-{PILOT}", by_day / REPORTS / f"talsi-{PILOT}"
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in second.iterdir())
    for folder, choice in ((first, Choice(PILOT)), (second, Choice(PILOT, prices_day=dt.date(2019, 5, 1)))):
        with for_round(choice):
            reference = write_report_workbooks(catalogue, catalogue.municipality("talsi"), tmp_path,
                                               folder=tmp_path / "ref" / folder.parent.parent.parent.name)
        for path in reference:
            assert path.read_bytes() == (folder / path.name).read_bytes(), (folder, path.name)


def test_without_a_municipality_every_municipality_of_the_round(catalogue: Catalogue, tmp_path: Path) -> None:
    result = _run(tmp_path, "--round", PILOT)
    assert result.exit_code == 0, result.output
    listed = catalogue.round_by_id[PILOT].municipalities
    assert sorted(p.name for p in (tmp_path / REPORTS).iterdir()) == sorted(f"{m}-{PILOT}" for m in listed)


@pytest.mark.usefixtures("quick_papers")
def test_the_default_set_stays_byte_for_byte(catalogue: Catalogue, tmp_path: Path) -> None:
    """Without the flags the set is what it was (the report workbooks as write_report_workbooks makes them with no
    round asked for), and a run with --round neither changes it nor leaves its round behind for the next run."""
    out = tmp_path / "out"
    assert _run(out, "--municipality", "liepaja").exit_code == 0
    default = {p.relative_to(out): p.read_bytes() for p in (out / "lejupielades").rglob("*") if p.is_file()}
    reference = write_report_workbooks(catalogue, catalogue.municipality("liepaja"), tmp_path / "ref")
    for path in reference:
        assert default[REPORTS / "liepaja" / path.name] == path.read_bytes(), path.name
    del default[Path(DOCUMENTS_MANIFEST)]  # it lists the files of every run, the --round set's too
    assert _run(out, "--municipality", "liepaja", "--round", PILOT).exit_code == 0
    for name, data in default.items():
        assert (out / name).read_bytes() == data, name
    assert _run(out, "--municipality", "liepaja").exit_code == 0  # again: the same bytes as the first run
    for name, data in default.items():
        assert (out / name).read_bytes() == data, name


@pytest.mark.parametrize(("args", "says"), [
    (["--round", "berni-2030"], "Kļūda: --round: „berni-2030” nav kārta katalogā (catalogue/rounds.yaml) "
                                "(gaidīts viens no: berni-2018)."),
    (["--round", "pieaugusie-2019"], "Kļūda: --round: „pieaugusie-2019” ir pieaugušo programmas kārta („IBM "
                                     "izmēģinājumprojekts pilngadīgām personām ar garīga rakstura traucējumiem”), bet "
                                     "matricas, dokumentus un atskaišu veidnes rīkkopa veido tikai bērnu programmai"),
    (["--municipality", "cesis", "--round", PILOT], "Kļūda: --municipality: „cesis” ir tikai pieaugušo programmas "
                                                    "kārtas „pieaugusie-2019” („IBM izmēģinājumprojekts pilngadīgām "
                                                    "personām ar garīga rakstura traucējumiem”) pašvaldība, bet "
                                                    "matricas, dokumentus un atskaišu veidnes rīkkopa veido tikai "
                                                    "bērnu programmai"),
    (["--day", "15.03.2021"], "Kļūda: --day: „15.03.2021” nav nevienas bērnu programmas kārtas pakalpojumu laikā "
                              "(gaidīts: diena kādā no kārtām – berni-2018: 01.10.2018–30.09.2019)."),
    # a day of the adults' round: the line says that nothing is made for it (audit31e F2, D254)
    (["--day", "15.03.2020", "--municipality", "jelgava"], "Kļūda: --day: „15.03.2020” nav nevienas bērnu programmas "
                              "kārtas pakalpojumu laikā – tā ir pieaugušo programmas kārtas „pieaugusie-2019” („IBM "
                              "izmēģinājumprojekts pilngadīgām personām ar garīga rakstura traucējumiem”) pakalpojumu "
                              "laikā (01.11.2019–31.01.2021), bet matricas, dokumentus un atskaišu veidnes rīkkopa "
                              "veido tikai bērnu programmai (gaidīts: diena kādā no kārtām – berni-2018: "
                              "01.10.2018–30.09.2019)."),
    (["--day", "2019-05-01"], "Kļūda: nederīga parametra „--day” vērtība: „2019-05-01” nav datums (gaidīts: DD.MM.GGGG)."),
    (["--day", "31.02.2019"], "„31.02.2019” – tāda datuma nav (2019. gada februārī ir 28 dienas)."),  # audit27 F8
    (["--round", PILOT, "--day", "01.05.2019"], "Kļūda: --round un --day kopā nelieto"),
    (["--round", PILOT, "--from-matrix", "matrica.xlsx"], f"Kļūda: --round „{PILOT}” izmanto tikai bez --from-matrix"),
], ids=["unknown-round", "adults-round", "municipality-outside", "day-outside", "day-adults", "day-iso", "day-invalid",
        "round-and-day", "round-from-matrix"])
def test_a_bad_round_or_day_exits_2_with_nothing_written(tmp_path: Path, args: list[str], says: str) -> None:
    out = tmp_path / "out"
    result = _run(out, *args)
    assert result.exit_code == 2, result.output
    assert says in result.output, result.output
    # every wrong parameter points to the command's help (README „Izejas statuss”; the --round ones did not)
    assert "Palīdzība: " in result.output and " documents --help." in result.output, result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_help_names_the_options() -> None:
    result = CliRunner().invoke(main, ["documents", "--help"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "--round KĀRTA" in text and "D125" in text
    assert "Bez --from-matrix: diena (DD.MM.GGGG) kādas bērnu kārtas pakalpojumu laikā" in text
    # a draft only for a plan still running; an ended one: an archive copy (audit28 N1)
    assert "Melnrakstu veido tikai plānam, kura periods vēl nav beidzies" in text
    assert "atsaka arī ar --draft – tai var izveidot tikai arhīva kopiju (--arhivam;" in text


@pytest.fixture
def today() -> dt.date:
    """The day the command builds on: taken when the test starts, not when the module is imported (a run crossing
    midnight built on the next day)."""
    return dt.date.today()

RUNNING = "berni-tagad"


@pytest.fixture
def running_round(tmp_path: Path, today: dt.date) -> Path:
    """A made-up children's round running today for Liepāja and Valmiera, its services begun 30 days ago."""
    entry = children_round_entry(RUNNING, "IBM ieviešana bērniem (izdomāta kārta, kas notiek)",
                                 today - dt.timedelta(days=90), today + dt.timedelta(days=300),
                                 services=(today - dt.timedelta(days=30), today + dt.timedelta(days=270)))
    catalogue_with_round(tmp_path / "katalogs", entry, holiday_years=tuple(range(today.year - 1, today.year + 2)))
    return tmp_path / "katalogs"


def _prices_days(out: Path) -> set[str]:
    """The days the written papers' price annexes name ("cenas uz DD.MM.GGGG", or "cenu avoti uz …" when every price
    is a blank, audit45 F4; where no source is confirmed on that day, the preparer's line on the source's blank names
    it, audit35a F5, D337)."""
    folder = out / PAPERS / f"liepaja-{RUNNING}"
    texts = [p.read_text("utf-8") for p in folder.iterdir() if p.suffix == ".pdf"]  # quick_papers: the HTML
    return {day for text in texts for pair in re.findall(r"\((?:cenas?|cenu avoti|cenas avots) uz (\d\d\.\d\d\.\d{4})\)"
                                                         r"|nosaka cenu (\d\d\.\d\d\.\d{4});", text)
            for day in pair if day}


@pytest.mark.usefixtures("quick_papers")
def test_a_day_ahead_in_a_running_round_gives_the_papers_its_prices(running_round: Path, tmp_path: Path,
                                                                   today: dt.date) -> None:
    """`--day` → choose_round → RoundSet.prices_day → for_round → the price annexes (review1 F7)."""
    ahead = today + dt.timedelta(days=100)
    result = _run(tmp_path / "out", "--catalogue", str(running_round), "--municipality", "liepaja",
                  "--day", lvformat.date(ahead))
    assert result.exit_code == 0, result.output
    assert _prices_days(tmp_path / "out") == {lvformat.date(ahead)}
    assert "D132" not in result.output
    by_round = _run(tmp_path / "kārta", "--catalogue", str(running_round), "--municipality", "liepaja",
                    "--round", RUNNING)
    assert by_round.exit_code == 0, by_round.output
    assert _prices_days(tmp_path / "kārta") == {lvformat.date(today)}  # the same round without --day: today's


@pytest.mark.usefixtures("quick_papers")
def test_a_past_day_in_a_running_round_gives_todays_prices_and_says_so(running_round: Path, tmp_path: Path,
                                                                       today: dt.date) -> None:
    """D132: papers signed now never carry the ceilings of a day that has passed."""
    past = today - dt.timedelta(days=10)
    result = _run(tmp_path / "out", "--catalogue", str(running_round), "--municipality", "liepaja",
                  "--day", lvformat.date(past))
    assert result.exit_code == 0, result.output
    assert _prices_days(tmp_path / "out") == {lvformat.date(today)}
    assert (f"Piezīme: --day {lvformat.date(past)} jau pagājusi – dokumentu cenu pielikumos ir cenas uz "
            f"{lvformat.date(today)}, kas spēkā parakstīšanas laikā, nevis pagājušās dienas cenas (D132).") in result.output


@pytest.mark.usefixtures("quick_papers")
def test_one_build_day_for_the_files_and_the_console(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A run crossing midnight on the round's last day: the papers are made (not ended at render), so the console
    must not then say that only report templates were made (review1 F4)."""
    from generator.documents import command, round_set

    entry = children_round_entry("berni-beidzas", "IBM ieviešana bērniem (izdomāta kārta, kas beidzas)",
                                 dt.date(2026, 9, 1), dt.date(2027, 12, 31),
                                 services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)))
    catalogue_with_round(tmp_path / "katalogs", entry)
    days = iter([dt.date(2027, 12, 31)])  # the first look at the clock: the round's last day; later: the next day

    class Clock(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return next(days, dt.date(2028, 1, 1))

    clock = SimpleNamespace(date=Clock, datetime=dt.datetime, timedelta=dt.timedelta)
    monkeypatch.setattr(command, "dt", clock)
    monkeypatch.setattr(round_set, "dt", clock)
    result = _run(tmp_path / "out", "--catalogue", str(tmp_path / "katalogs"), "--municipality", "liepaja",
                  "--round", "berni-beidzas")
    assert result.exit_code == 0, result.output
    assert any((tmp_path / "out" / PAPERS / "liepaja-berni-beidzas").iterdir())  # papers were made
    assert "tikai atskaišu veidnes" not in result.output and "D125" not in result.output, result.output
