"""`ibm collect`'s summary names the collected round („name” (id)) on the console and in the front sheet's intro, and
when rounds.yaml confirms the round's envelope it says that amount beside the default funding, which stays
B × children unless --envelope is given (the amount rule is unchanged). A catalogue copy with a later children's round
whose envelope is confirmed (made-up figures) and two hand-made plans in its first period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.cli import main
from generator.ministry.collected_round import round_envelope_note
from generator.ministry.final_status import default_envelope
from generator.ministry.pseudonym import ENV_KEY
from generator.workbook.writer import write_workbook
from tests.ministry.conftest import KEY
from tests.ministry.factory import write_children
from tests.ministry.test_collect_previous_round import children
from tests.round_yaml import catalogue_with_round, children_round_entry

D = dt.date
ROUND = "berni-2026"
ROUND_NAME = "Izdomāta testa kārta ar apstiprinātu finansējumu"
UNKNOWN = 'envelope:\n      amount: null\n      status: jāprecizē\n      source: "Testa dati"'
CONFIRMED = 'envelope:\n      amount: 123456.78\n      status: apstiprināts\n      source: "Izdomāts testa rīkojums"'


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("finansejums")
    entry = children_round_entry(ROUND, ROUND_NAME, D(2026, 9, 1), D(2027, 12, 31),
                                 services=(D(2026, 10, 1), D(2027, 9, 30)), municipalities=("liepaja", "valmiera"))
    assert UNKNOWN in entry
    catalogue = catalogue_with_round(root / "katalogs", entry.replace(UNKNOWN, CONFIRMED))
    first = catalogue.round_periods(catalogue.round_by_id[ROUND])[0]
    template = write_workbook(catalogue, root / "veidne.xlsx", None, first.start)
    made = write_children(catalogue, template, children(catalogue, first.start, first.start, 0, 2, True,
                                                        ("liepaja", "valmiera")), root / "matricas")
    return {"catalogue": catalogue, "root": root, "children": made}


def _run(catalogue: Catalogue, folder: Path, out: Path, *extra: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["collect", str(folder), "--catalogue", str(catalogue.root), "--out", str(out),
                                     "--jobs", "1", "--no-cache", *extra], env={ENV_KEY: KEY.decode()},
                              catch_exceptions=False)


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_the_summary_names_the_round_and_its_confirmed_envelope(collected: dict, tmp_path: Path) -> None:
    catalogue = collected["catalogue"]
    out = tmp_path / "darbs" / "k.xlsx"
    result = _run(catalogue, collected["root"] / "matricas", out)
    assert result.exit_code == 0, result.output
    console = " ".join(result.output.split())
    named = f"programmas kārta „{ROUND_NAME}” ({ROUND})"
    amount = lvformat.eur(catalogue.round_by_id[ROUND].envelope.amount)
    assert f"{named}, pārskata periods" in console, console
    sentence = (f"kārtas finansējums katalogā (rounds.yaml) ir apstiprināts – {amount}; perioda finansējuma "
                "noklusējums tomēr ir bāzes apmērs B × bērnu skaits, ja komandā nav norādīts --envelope")
    assert " ".join(f"Piezīme: {sentence}.".split()) in console, console
    front = load_workbook(out)["Kopsavilkums"]
    assert f"; {named}; kataloga versija" in front["A2"].value, front["A2"].value
    row = next(r for r in front.iter_rows(values_only=True) if r[0] == "Programmas kārtas finansējums periodam, EUR")
    assert f". K{sentence[1:]}" in row[2], row
    # the amount rule is unchanged: the default funding is still B × children, not the round's envelope
    from generator.ministry.collect import Options, collect

    records = collect(collected["root"] / "matricas", catalogue, KEY, Options(jobs=1)).records
    assert row[1] == default_envelope(records)[0] != catalogue.round_by_id[ROUND].envelope.amount


def test_with_envelope_given_the_amount_is_the_commands(collected: dict, tmp_path: Path) -> None:
    catalogue = collected["catalogue"]
    out = tmp_path / "darbs" / "k.xlsx"
    result = _run(catalogue, collected["root"] / "matricas", out, "--envelope", "9000")
    assert result.exit_code == 0, result.output
    row = next(r for r in load_workbook(out)["Kopsavilkums"].iter_rows(values_only=True)
               if r[0] == "Programmas kārtas finansējums periodam, EUR")
    assert row[1] == 9000 and "ja komandā nav norādīts --envelope" in row[2], row


def test_no_sentence_for_a_round_without_a_confirmed_envelope(collected: dict) -> None:
    pilot = collected["catalogue"].pilot_round(Pilot.children)
    assert pilot.envelope.amount is None
    assert round_envelope_note(pilot) is None and round_envelope_note(None) is None
    assert round_envelope_note(collected["catalogue"].round_by_id[ROUND]) is not None
