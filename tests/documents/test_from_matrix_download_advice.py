"""`ibm documents --from-matrix` refusing a plan whose prices are not in force names the site's download of that
day's matrix, as the calculator does (D186), not `ibm matrix --day` – unless the site has none for that day (D309)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.download_advice import with_download
from generator.reference.workbook import OLDER, prices_advice
from generator.workbook import render
from tests.workbook.open_rounds import BUILD_DAY, PRICE_CHANGE, open_rounds_catalogue


@pytest.fixture(scope="module")
def open_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return open_rounds_catalogue(tmp_path_factory.mktemp("kartas"))


def test_a_day_on_the_sites_downloads_is_named_by_its_file(open_rounds: Catalogue,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BUILD_DAY)
    file = render.file_name(None, PRICE_CHANGE)
    for advice in (prices_advice(PRICE_CHANGE), prices_advice(PRICE_CHANGE, OLDER)):
        said = with_download(f"Cenas plāna periodā nav spēkā: {advice}.", open_rounds)
        assert "ibm matrix --day" not in said and "izsniedz ministrija" not in said, said
        assert (f"izmantojiet matricu ar cenām uz {lvformat.date(PRICE_CHANGE)} (lejupielāžu sadaļā „IBM matricas”: "
                f"{file} vai jūsu pašvaldības matrica ar to pašu cenu dienu)") in said, said


def test_a_day_without_a_download_keeps_the_command(open_rounds: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BUILD_DAY)  # the pilot has ended: no matrix of its day is built
    pilot_day = open_rounds.round_by_id["berni-2018"].services_start
    message = f"Cenas plāna periodā nav spēkā: {prices_advice(pilot_day)}."
    assert f"ibm matrix --day {lvformat.date(pilot_day)}" in message
    assert with_download(message, open_rounds) == message


def test_a_day_inside_a_downloads_prices_names_that_download(open_rounds: Catalogue,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # a plan starting a few days after the price change: no prices day of its own, but the change day's download
    # has the prices in force on it – named as such, not `ibm matrix --day` for the plan's first day
    monkeypatch.setattr(render, "build_day", lambda: BUILD_DAY)
    start = PRICE_CHANGE + dt.timedelta(days=4)
    said = with_download(f"Cenas plāna periodā nav spēkā: {prices_advice(start)}.", open_rounds)
    assert "ibm matrix --day" not in said and "izsniedz ministrija" not in said, said
    assert (f"izmantojiet matricu ar cenām uz {lvformat.date(PRICE_CHANGE)} (lejupielāžu sadaļā „IBM matricas”: "
            f"{render.file_name(None, PRICE_CHANGE)} vai jūsu pašvaldības matrica ar to pašu cenu dienu)") in said, said


def test_a_day_after_the_round_keeps_the_command(open_rounds: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "build_day", lambda: BUILD_DAY)
    after = open_rounds.round_by_id["berni-2021"].services_end + dt.timedelta(days=3)  # outside every open round
    message = f"Cenas plāna periodā nav spēkā: {prices_advice(after)}."
    assert with_download(message, open_rounds) == message
