"""The closing line counts a set waiting for B apart from a finished one, and an ended plan's refusal names the day
it was compared with: the computer's date that `--day` does not change, or `--day` (audit38 F1, F6; D176)."""

from __future__ import annotations

import datetime as dt

from generator.documents.from_matrix.command import folders_line
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.run import Summary, _reasons, compared_day
from generator.documents.from_matrix.signing import TRANSPORT_ERROR


def test_the_summary_and_the_compared_day_say_what_they_count() -> None:
    assert Summary(made=2, waiting=1).line() == "Gatavs: izveidoti 2, gaida B 1, melnraksti 0, atteikti 0."
    assert Summary(made=1).line() == "Gatavs: izveidoti 1, melnraksti 0, atteikti 0."
    day, machine = dt.date(2018, 10, 1), dt.date(2026, 12, 2)
    assert compared_day(day, machine) == ("šodienas 02.12.2026 (datora datums; --day 01.10.2018 to nemaina – tas ir "
                                          "tikai dokumentos rakstītais datums)")
    assert compared_day(machine, day) == "dokumentu izveides dienas 02.12.2026 (--day)"
    assert compared_day(machine, None, dated=False) == "šodienas 02.12.2026 (datora datums)"


def test_the_closing_line_names_the_folders_as_they_are_named(tmp_path) -> None:  # noqa: ANN001
    assert folders_line(tmp_path, keyed=True) == f"Bērnu dokumenti: {tmp_path}/‹pseidonīms›/ (katrā mapē arī parskats.txt)."
    assert "‹matricas faila nosaukums vai jaucējkods›" in folders_line(tmp_path, keyed=False)


def test_the_closing_line_counts_every_reason_of_a_refused_file(tmp_path) -> None:  # noqa: ANN001
    """D331: a file refused for a rule error and for a transport part without its reason counts under both reasons
    (before: only „transporta daļa bez pamatojuma – 1”), each once however many errors of a kind it lists."""
    reading = MatrixReading(tmp_path / "m.xlsx", "M", errors=[
        "noteikumu kļūda: 1.5: sniedzēja cenai jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata",
        f"{TRANSPORT_ERROR}: Transporta pakalpojumiem no IB paredzēti 25,8 %",
        "noteikumu kļūda: 3. rinda: samaksāts vairāk, nekā maksā faktiski saņemtās vienības"])
    summary = Summary(refused=1)
    summary.reasons.update(_reasons(reading))
    assert summary.line() == ("Gatavs: izveidoti 0, melnraksti 0, atteikti 1; atteikumu iemesli: matricā ir noteikumu "
                              "kļūdas – 1, transporta daļa bez pamatojuma – 1.")
    assert _reasons(MatrixReading(tmp_path / "m.xlsx", "M", refused=["x"])) == ["nepilnīgi vai nederīgi ievaddati"]
