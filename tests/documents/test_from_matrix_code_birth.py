"""A child's personal code that starts with another date than the matrix's date of birth is a reminder before
signing, in the console and in parskats.txt (lawyertrial2 F5): the decision to grant (08) or to refuse (17) states
both, and the age that decides eligibility, the rate and a refusal's reason follows the date of birth. A code of the
new form (from 2017, no date in it) or one that agrees says nothing; the reminder names the cells, never the code or
the date."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.documents.from_matrix.signing import code_birth, code_birth_line

PLACE = "6.1. tabula, B14 „Personas kods”, B15 „Dzimšanas datums”"


@pytest.mark.parametrize(("code", "birth"), [
    ("140311-29999", dt.date(2011, 3, 14)),  # century digit 2: the 2000s
    ("010599-10000", dt.date(1999, 5, 1)),  # 1: the 1900s
    ("01059910000", dt.date(1999, 5, 1)),  # without the dash
])
def test_an_old_form_code_starts_with_the_date_of_birth(code: str, birth: dt.date) -> None:
    assert code_birth(code) == birth
    assert code_birth_line(code, birth, PLACE) is None


@pytest.mark.parametrize("code", ["321234-56789", "ABC", "", "140311-59999"])
def test_a_code_without_a_date_says_nothing(code: str) -> None:
    assert code_birth(code) is None
    assert code_birth_line(code, dt.date(2011, 3, 14), PLACE) is None


def test_a_code_of_another_date_is_a_reminder_naming_the_cells_only() -> None:
    line = code_birth_line("140311-29999", dt.date(2001, 5, 1), PLACE)
    assert line is not None
    assert line.startswith(f"bērna personas koda pirmie seši cipari neatbilst dzimšanas datumam ({PLACE}): ")
    assert "pēc dzimšanas datuma" in line and "izlabojiet matricā" in line
    assert "140311" not in line and "01.05.2001" not in line  # no personal data on the console
    # the same day of another century, or no date at all in the first six digits
    assert code_birth_line("140311-19999", dt.date(2011, 3, 14), PLACE) is not None
    assert code_birth("310211-29999") == dt.date.min
    assert code_birth_line("310211-29999", dt.date(2011, 2, 28), PLACE) is not None


@pytest.mark.parametrize(("code", "birth"), [
    ("140516-00000", dt.date(2016, 5, 14)),  # 0: the 1800s, for a child of the 2000s
    ("140511-29999", dt.date(1911, 5, 14)),
])
def test_six_agreeing_digits_with_another_century_name_the_century_digit(code: str, birth: dt.date) -> None:
    """A worker comparing the first six digits finds them right: the reminder names the seventh, the century."""
    line = code_birth_line(code, birth, PLACE)
    assert line is not None
    assert line.startswith(f"bērna personas koda 7. cipars (gadsimts: 0 – 1800., 1 – 1900., 2 – 2000. gadi) neatbilst "
                           f"dzimšanas gadam ({PLACE}): ")
    assert "pirmie seši" not in line and code[:6] not in line
