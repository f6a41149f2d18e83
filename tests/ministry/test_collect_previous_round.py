"""A collection keeps to its own programme round (D299, D138): `--previous` is the previous reporting period of the
same round – a new round's first period has none, and the pilot's last period is no previous period of it – and the
summary's „Pašvaldības” sheet lists the collected round's municipalities, not every children's round's. A catalogue
copy with a second children's round (tests/round_yaml.py) and a few hand-made plans in each round's periods."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.cli import main
from generator.ministry.collect import Options, collect
from generator.ministry.output import FINAL_DIR
from generator.ministry.previous_period import previous_period_problem
from generator.ministry.pseudonym import ENV_KEY, pseudonym
from generator.reference.final_amounts import ChildAmounts, final_amounts
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.planned_ib import plan_ib_part
from generator.reference.rounds import reporting_periods
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, write_children
from tests.round_yaml import catalogue_with_round, children_round_entry

D = dt.date
ROUND = "berni-2026"
ROUND_NAME = "Izdomāta otrā testa kārta"
MUNICIPALITIES = ("liepaja", "valmiera", "talsi")  # a round of three, fewer than the pilot's ten
ENVELOPE = "9000"


def run(catalogue: Catalogue, folder: Path, out: Path, *extra: str):  # noqa: ANN201
    return CliRunner().invoke(main, ["collect", str(folder), "--catalogue", str(catalogue.root), "--out", str(out),
                                     "--envelope", ENVELOPE, "--jobs", "1", "--no-cache", *extra],
                              env={ENV_KEY: KEY.decode()}, catch_exceptions=False)


def plan(catalogue: Catalogue, day: dt.date, start: dt.date, birth: dt.date, paid: bool) -> WorkbookInputs:
    """A two-month plan from ``start`` with two lines on the offers of ``day`` (its matrix's prices day): a capped
    item and a market one, half the units in each month; ``paid``: 6.10 holds payments below the plan (the period
    left money unused)."""
    offers = {o.id: o for o in catalogue.offers(day)}
    lines = tuple(line_from_offer(offers[item], 10, unit_price=Decimal(price), planned_units=(5, 5),
                                  paid=(Decimal("50.00"), Decimal("30.00")) if paid else ())
                  for item, price in (("3.1.3i", 20), ("3.1.2i", 25)))
    return WorkbookInputs(birth_date=birth, period_start=start, months=2, special_care=False, impairment="multipli",
                          lines=lines, base=Decimal("3100.00"))


def children(catalogue: Catalogue, day: dt.date, start: dt.date, first: int, count: int, paid: bool,
             municipalities: tuple[str, ...]) -> list[Child]:
    birth = D(start.year - 7, 5, 1)
    return [Child(i, municipalities[i % len(municipalities)],
                  People(child_name=f"Anna Paraugs {i + 1}", child_code=f"{birth:%d%m%y}-2{i:04d}",
                         parent_name=f"Pēteris Paraugs {i + 1}", social_worker="Līga Piemēra",
                         providers={"3.1.3i": "SIA Sniedzējs 1", "3.1.2i": "SIA Sniedzējs 2"}),
                  plan(catalogue, day, start, birth, paid))
            for i in range(first, first + count)]


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The pilot (berni-2018) and a later round (berni-2026: services 01.10.2026–30.09.2027, two six-month periods);
    matrices of the pilot's last period, of the later round's first and of its second period, each in its own folder
    filled into the matrix issued for its period's first day."""
    root = tmp_path_factory.mktemp("divas-kartas")
    entry = children_round_entry(ROUND, ROUND_NAME, D(2026, 9, 1), D(2027, 12, 31),
                                 services=(D(2026, 10, 1), D(2027, 9, 30)), municipalities=MUNICIPALITIES)
    two = catalogue_with_round(root / "katalogs", entry)
    pilot_periods = [p for p in two.children_reporting_periods() if p.round_id != ROUND]
    first, second = two.round_periods(two.round_by_id[ROUND])
    made = {}
    for name, period, index, paid, where in (("pilots", pilot_periods[-1], 0, True, ("liepaja",)),
                                             ("pirmais", first, 10, True, MUNICIPALITIES),
                                             ("otrais", second, 20, False, MUNICIPALITIES)):
        template = write_workbook(two, root / f"veidne-{name}.xlsx", None, period.start)
        made[name] = write_children(two, template, children(two, period.start, period.start, index, 2, paid, where),
                                    root / name)
    return {"two": two, "root": root, "children": made, "pilot": pilot_periods[-1], "first": first,
            "second": second}


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_new_rounds_first_period_has_no_previous_period(rounds: dict, tmp_path: Path) -> None:
    """The pilot's last period comes just before the new round's first in the children's periods, but its underspend
    is no money of the new round (D299): refused with status 1, the round named, nothing written."""
    two, root = rounds["two"], rounds["root"]
    out = tmp_path / "darbs" / "k.xlsx"
    result = run(two, root / "pirmais", out, "--previous", str(root / "pilots"))
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert (f"savāktais pārskata periods {rounds['first'].label} ir kārtas „{ROUND_NAME}” ({ROUND}) pirmais: šajā "
            "kārtā tam iepriekšējā pārskata perioda nav") in message, message
    assert "--previous nenorādiet" in message and "nekas netika uzrakstīts" in message, message
    # the file and both rounds are named, and nothing invites the pilot's period as the expected one
    pilot = two.pilot_round(Pilot.children)
    assert (f"{rounds['pilot'].label} – citas kārtas „{pilot.name_lv}” ({pilot.id}) periods: 2 matricas "
            "(liepaja/matrica-001.xlsx, liepaja/matrica-002.xlsx)") in message, message
    assert "jābūt tikai" not in message and "Traceback" not in result.output
    assert not out.parent.exists()


def test_a_first_periods_copy_as_previous_does_not_invite_the_pilots_period(rounds: dict, tmp_path: Path) -> None:
    """The first period's own folder again (a copy: the same folder is a parameter error) is refused saying the
    period has no previous one in its round – not that the previous folder should hold the pilot's last period."""
    import shutil

    two, root = rounds["two"], rounds["root"]
    shutil.copytree(root / "pirmais", tmp_path / "kopija")
    result = run(two, root / "pirmais", tmp_path / "darbs" / "k.xlsx", "--previous", str(tmp_path / "kopija"))
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert f"ir kārtas „{ROUND_NAME}” ({ROUND}) pirmais" in message, message
    assert f"{rounds['first'].label} – tas pats, ko savāc: 2 matricas" in message, message
    assert rounds["pilot"].label not in message, message


def test_the_second_periods_previous_is_the_rounds_first_not_the_pilots(rounds: dict, tmp_path: Path) -> None:
    two, root = rounds["two"], rounds["root"]
    out = tmp_path / "darbs" / "k.xlsx"
    result = run(two, root / "otrais", out, "--previous", str(root / "pilots"))
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    pilot = two.pilot_round(Pilot.children)
    assert (f"jābūt tikai kārtas „{ROUND_NAME}” ({ROUND}) iepriekšējā pārskata perioda {rounds['first'].label} "
            f"matricām, bet tajā ir: {rounds['pilot'].label} – citas kārtas „{pilot.name_lv}” ({pilot.id}) periods: "
            "2 matricas") in message, message
    assert "citas programmas kārtas perioda – neapgūtais šī perioda pārdales fondā nepieder" in message, message
    assert not out.parent.exists()


def test_another_rounds_file_named_after_the_child_is_named_by_its_hash(rounds: dict, tmp_path: Path) -> None:
    """The refusal names another round's file as the console names files elsewhere (D221): one named after the
    child by its hash, never by the name."""
    import shutil

    two, root = rounds["two"], rounds["root"]
    pilot_child = rounds["children"]["pilots"][0]
    target = tmp_path / "ieprieks" / "liepaja" / f"{pilot_child.name}.xlsx"
    target.parent.mkdir(parents=True)
    shutil.copyfile(pilot_child.path, target)
    result = run(two, root / "otrais", tmp_path / "darbs" / "k.xlsx", "--previous", str(tmp_path / "ieprieks"))
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert pilot_child.name not in message and "Paraugs" not in message, message
    assert re.search(r"citas kārtas „[^”]+” \(berni-2018\) periods: 1 matrica \(liepaja/matrica-[0-9a-f]+\.xlsx\)",
                     message), message


def test_the_rounds_first_period_gives_the_second_its_underspend_as_the_reference(rounds: dict,
                                                                                   tmp_path: Path) -> None:
    """Accepted with the round's own first period: the pool and every F are the reference's stage 3 with the first
    period's planned IB part and paid EUR (D7)."""
    two, root = rounds["two"], rounds["root"]
    result = collect(root / "otrais", two, KEY, Options(envelope=Decimal(ENVELOPE), previous=root / "pirmais", jobs=1))
    assert not result.refused and len(result.records) == 2
    params = Params.from_catalogue(two, rounds["second"].start)
    amounts = []
    for child in rounds["children"]["otrais"]:
        r = evaluate_workbook(child.inputs, params)
        amounts.append(ChildAmounts(pseudonym(KEY, child.code), r.provisional, r.needed))
    earlier = Params.from_catalogue(two, rounds["first"].start)
    for child in rounds["children"]["pirmais"]:
        r = evaluate_workbook(child.inputs, earlier)
        amounts.append(ChildAmounts(pseudonym(KEY, child.code), Decimal(0), Decimal(0),
                                    min(plan_ib_part(r.line_ib), r.execution.planned_total), r.execution.paid_total))
    expected = final_amounts(amounts, Decimal(ENVELOPE), params)
    assert expected.underspend > 0, "the first period must leave money unused, or the test proves nothing"
    assert (result.finals.underspend, result.finals.pool) == (expected.underspend, expected.pool)
    assert result.finals.by_id() == expected.by_id()


def test_the_municipalities_sheet_lists_the_collected_rounds_municipalities(rounds: dict, tmp_path: Path) -> None:
    """D138: „Pašvaldības” lists every municipality of the collected round, one with no matrix too (0 children), and
    none of another round's (the pilot's ten)."""
    two, root = rounds["two"], rounds["root"]
    out = tmp_path / "darbs" / "k.xlsx"
    result = run(two, root / "otrais", out, "--previous", str(root / "pirmais"))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Pašvaldības"]
    codes = [row[1] for row in sheet.iter_rows(min_row=4, values_only=True) if row[1]]
    members = two.round_by_id[ROUND].municipalities
    assert sorted(codes) == sorted(members) and len(codes) < len(two.pilot_municipalities()), codes
    sent = {c.municipality for c in rounds["children"]["otrais"]}
    assert set(members) - sent, "a round municipality without matrices must be on the sheet too"
    assert (out.parent / FINAL_DIR).is_dir()


def test_a_period_of_another_round_is_never_the_expected_previous_one() -> None:
    """The rule on its own (D299): periods of two rounds back to back; only the same round's previous period passes,
    and a round's first period has none, whichever period comes before it in the programme."""
    pilot = reporting_periods("a", D(2018, 10, 1), D(2019, 9, 30), 6)
    later = reporting_periods("b", D(2019, 10, 1), D(2020, 9, 30), 6)
    periods = (*pilot, *later)
    names = {"a": "„A” (a)", "b": "„B” (b)"}
    one_of = {p: [("m.xlsx", p.start)] for p in periods}
    assert previous_period_problem(one_of[later[0]], periods, later[1], Path("x"), names) is None
    assert previous_period_problem(one_of[pilot[0]], periods, pilot[1], Path("x"), names) is None
    first = previous_period_problem(one_of[pilot[1]], periods, later[0], Path("x"), names)
    assert first is not None and "kārtas „B” (b) pirmais" in first and "citas kārtas „A” (a) periods" in first
    wrong = previous_period_problem(one_of[pilot[1]], periods, later[1], Path("x"), names)
    assert wrong is not None and f"perioda {later[0].label} matricām" in wrong, wrong
