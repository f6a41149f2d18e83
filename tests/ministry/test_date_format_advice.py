"""A date in a number input (D282): the reader names the date, says what it expected and, as a sentence of its own,
how the worker removes the date format on the protected sheet (retyping keeps it)."""

from __future__ import annotations

import datetime as dt

from generator.ministry.matrix import DATE_FORMAT_ADVICE, date_in_number
from generator.workbook.input_checks import DATE_IN_NUMBER_TEXT


def test_the_expectation_and_the_advice_are_separate_sentences() -> None:
    said = date_in_number("Pak_Cena", dt.date(2018, 5, 18), "cena EUR par vienību")
    assert said == (f"sniedzēja cenai {DATE_IN_NUMBER_TEXT}, ievadīts datums 18.05.2018 (gaidīts: cena EUR par "
                    f"vienību). {DATE_FORMAT_ADVICE}")
    assert "ielīmējiet" in DATE_FORMAT_ADVICE and "(18,5)" in DATE_FORMAT_ADVICE
    assert "Ctrl+Z" not in said
