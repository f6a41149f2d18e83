"""The closing line counts a set waiting for B apart from a finished one, and an ended plan's refusal names the day
it was compared with: the computer's date that `--day` does not change, or `--day` (audit38 F1, F6; D176)."""

from __future__ import annotations

import datetime as dt

from generator.documents.from_matrix.command import folders_line
from generator.documents.from_matrix.run import Summary, compared_day


def test_the_summary_and_the_compared_day_say_what_they_count() -> None:
    assert Summary(made=2, waiting=1).line() == "Gatavs: izveidoti 2, izveidoti, gaida B: 1, melnraksti 0, atteikti 0."
    assert Summary(made=1).line() == "Gatavs: izveidoti 1, melnraksti 0, atteikti 0."
    day, machine = dt.date(2018, 10, 1), dt.date(2026, 12, 2)
    assert compared_day(day, machine) == ("šodienas 02.12.2026 (datora datums; --day 01.10.2018 to nemaina – tas ir "
                                          "tikai dokumentos rakstītais datums)")
    assert compared_day(machine, day) == "dokumentu izveides dienas 02.12.2026 (--day)"
    assert compared_day(machine, None, dated=False) == "šodienas 02.12.2026 (datora datums)"


def test_the_closing_line_names_the_folders_as_they_are_named(tmp_path) -> None:  # noqa: ANN001
    assert folders_line(tmp_path, keyed=True) == f"Bērnu dokumenti: {tmp_path}/‹pseidonīms›/ (katrā mapē arī parskats.txt)."
    assert "‹matricas faila nosaukums vai jaucējkods›" in folders_line(tmp_path, keyed=False)
