"""A number input that holds a day's serial (D286): the rule, shared by the reference, the matrix and the reader.

In a Latvian locale LibreOffice 7.4 reads „18.5” typed into a number input of the matrix as the date 18.05. of the
computer's year and, where the cell has a number format, keeps that format and stores the day's serial (46 160 for
18.05.2026): the cell then shows a plain number, which the date-format check (D282) cannot see. A whole number from the
serial of 1 January of the year before the first children's round starts (catalogue/rounds.yaml; Params.date_serials)
upwards is therefore an invalid input. The span has no upper end: a matrix of an earlier round is corrected on a
computer whose clock says a later year, and no legitimate value of a number input that feeds an amount is that large
(D286 says why). It stops only at the spreadsheet's own last day, 31.12.9999: a larger number is no day in Excel or
LibreOffice and cannot come from a typed date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from generator.lvformat import date as lv_date
from generator.reference.findings import Finding, Severity
from generator.reference.inputs import AFTER_PERIOD_HINT, DELIVERED_LABEL, PLANNED_LABEL, UNITS_LABEL
from generator.reference.lines import PlanLine

# day 0 of Excel's and LibreOffice's serials for the days after 28.02.1900 (both count 01.03.1900 as 61)
EPOCH = dt.date(1899, 12, 30)
# the last day Excel and LibreOffice have a serial for (2 958 465): a property of the spreadsheet, not of the programme
SHEET_LAST_DAY = dt.date(9999, 12, 31)

# D282's words (a date in a number input), said of a day's serial too: the problem is the same
DATE_IN_NUMBER_TEXT = "jābūt skaitlim, nevis datumam"  # 6.4's one line holds it; the readers add how to type it
# the matrix's list ends its line with it (one line of 8 pt, D286); the readers say it in SERIAL_ADVICE
SERIAL_HINT = "; ierakstiet skaitli ar komatu, piem. 18,5"
SERIAL_ADVICE = ("Latvijas reģionālajos iestatījumos ar punktu ierakstītu „18.5” LibreOffice pārvērš par datumu un "
                 "šūnā ar skaitļa formātu saglabā šā datuma kārtas numuru. Ierakstiet skaitli no jauna, daļu atdalot ar "
                 "komatu (18,5).")


def day_serial(day: dt.date) -> int:
    """The spreadsheet's serial of ``day`` (after 28.02.1900): 18.05.2026 -> 46160."""
    return (day - EPOCH).days


# the serial after the spreadsheets' last day: a larger number in a date cell is no day (D332)
SHEET_DAYS_END = day_serial(SHEET_LAST_DAY) + 1


def serial_day(serial: int) -> dt.date:
    return EPOCH + dt.timedelta(days=serial)


@dataclass(frozen=True)
class DateSerials:
    """The serials of the days from 1 January ``first_year`` on (to the spreadsheet's last day, SHEET_LAST_DAY)."""

    first_year: int

    @property
    def first(self) -> int:
        return day_serial(dt.date(self.first_year, 1, 1))

    @property
    def last(self) -> int:
        """The spreadsheet's last day's serial: no upper end of the programme's own (D286)."""
        return day_serial(SHEET_LAST_DAY)

    def day(self, value: Decimal | float | int | None) -> dt.date | None:
        """The day whose serial ``value`` is, when it is a whole number from ``first`` up; else None."""
        if value is None or isinstance(value, bool):
            return None
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or number != number.to_integral_value():
            return None
        if not self.first <= number <= self.last:
            return None
        return serial_day(int(number))


def typing_span(starts: Iterable[dt.date]) -> DateSerials | None:
    """The span from the year before the earliest round ``starts``; None without rounds (nothing checked)."""
    years = [start.year for start in starts]
    if not years:
        return None
    return DateSerials(min(years) - 1)


# what the cell holds and the day it is the serial of; the matrix's Kind.shown fills in the same words by formula
SERIAL_ENTERED = "šūnā ir {number} – tas izskatās pēc datuma {date}"


def serial_entered(value: Decimal | float | int, day: dt.date) -> str:
    """„šūnā ir 46160 – tas izskatās pēc datuma 18.05.2026”: the value as the cell holds it, as the matrix's messages
    quote an entered number (no thousands space), and the date it is the serial of."""
    return SERIAL_ENTERED.format(number=int(value), date=lv_date(day))


def serial_message(label: str, value: Decimal | float | int, day: dt.date, *, after: bool = False) -> str:
    """The matrix's words of a serial in the input labelled ``label`` (dative), as its 6.11 list says them:
    „sniedzēja cenai jābūt skaitlim, nevis datumam, šūnā ir 46160 – tas izskatās pēc datuma 18.05.2026; ierakstiet
    skaitli ar komatu, piem. 18,5”; ``after``: in a month cell after the plan's period, which must stay empty, they
    end with AFTER_PERIOD_HINT instead (D304, D313)."""
    return f"{label} {DATE_IN_NUMBER_TEXT}, {serial_entered(value, day)}{AFTER_PERIOD_HINT if after else SERIAL_HINT}"



def serial_refusal(label: str, value: Decimal | float | int, day: dt.date, what: str) -> str:
    """The readers' words (`ibm documents --from-matrix`, `ibm collect`, `ibm migrate`): the matrix's up to the date,
    what they expect and, as a sentence, why and how to type it: „sniedzēja cenai jābūt skaitlim, nevis datumam, šūnā
    ir 43603 – tas izskatās pēc datuma 18.05.2019 (gaidīts: cena EUR par vienību). Latvijas …”."""
    return f"{label} {DATE_IN_NUMBER_TEXT}, {serial_entered(value, day)} (gaidīts: {what}). {SERIAL_ADVICE}"


def check_date_serials(lines: Iterable[PlanLine], amounts: dict[str, Decimal | None],
                       serials: DateSerials | None, months: int | None = None) -> list[Finding]:
    """One ``date_serial`` error per number input holding a day's serial of ``serials`` (D286), as the matrix counts
    it (one per cell): each 6.8 price (one per item, whichever lines share it), each line's period units and ranks,
    each month's planned and delivered units and payment, and ``amounts`` (B, F and the other sources, by their
    label in the dative with the table). ``serials`` None: not checked. A month after the plan's ``months``: the
    matrix's words there (serial_message ``after``)."""
    if serials is None:
        return []
    found: list[Finding] = []
    prices: set[str] = set()

    def check(value: Decimal | int | None, label: str, line: int | None = None, month: int | None = None) -> None:
        day = serials.day(value)
        if day is not None:
            assert value is not None
            after = month is not None and months is not None and month > months
            found.append(Finding("date_serial", Severity.error, f"{serial_message(label, value, day, after=after)}.",
                                 () if line is None else (line,), month=month))

    for i, line in enumerate(lines):
        row = f"{i + 1}. rindas"
        if line.offer_id and line.offer_id not in prices:
            prices.add(line.offer_id)
            check(line.unit_price, f"{line.offer_id}: sniedzēja cenai (6.8. tabulā)", i)
        check(line.units, f"{row} {UNITS_LABEL} (6.3. tabulā)", i)
        check(line.expert_rank, f"{row} ekspertu rangam (6.3. tabulā)", i)
        check(line.parent_rank, f"{row} vecāku rangam (6.3. tabulā)", i)
        for values, label in ((line.planned_units, f"{PLANNED_LABEL} (6.6. tabulā)"),
                              (line.delivered_units, f"{DELIVERED_LABEL} (6.10. tabulā)"),
                              (line.paid, "maksājumam (6.10. tabulā)")):
            for m, value in enumerate(values, start=1):
                check(value, f"{row} {m}. mēneša {label}", i, m)
    for label, amount in amounts.items():
        check(amount, label)
    return found
