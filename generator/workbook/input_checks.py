"""Formula checks of the input cells: a pasted value bypasses data validation, so every input that
feeds an amount or a rule is also checked by a formula.

Each checked cell gets a code formula (0 = valid, 1, 2, … = what is wrong). The codes are counted
in ``Kludas``, listed on 6.11 with the sheet, the cell and the field's Latvian label, and marked
beside the cell on its own sheet. The checks only read the cell; they never change what the
amounts are computed from.

Kinds of input:
- ``amount``: an optional number ≥ 0 (units);
- ``units``: a plan line's units, an ``amount`` that is also a whole number when the line's service is priced in a
  whole unit (catalogue/enums.yaml ``whole``, 6.8's h_Pak_Vesels; D256): ``extra`` is the line's row on 6.4 (the
  same row as on 6.3, 6.6 and 6.10), whose h_Rinda finds the service and whose unit column names its unit;
- ``money``: an optional number ≥ 0 in whole cents (prices, EUR; D87), not above the plausible highest of 6.11's
  ``extra`` (AMOUNT_MAX for B and the other sources, PRICE_MAX for a 6.8 price; D340);
- ``payment``: money paid in a month (6.10), said with how a correction is entered (D258);
- ``final``: the ministry's F, money that where it applies (N > P) is not above N (D7), nor above AMOUNT_MAX;
- ``rank``: an optional whole number ≥ 1, not bounded by the number of lines it orders (D154);
- ``months``: the period's months, a whole number 1..Param_PeriodaMenesi, required once the plan
  has data;
- ``date``: a real date cell between FIRST_DATE and LAST_DATE, required once ``extra`` holds (the plan has data);
- ``yesno``: exactly "Jā" or "Nē" (case and spaces count), required when ``required`` holds;
- ``list``: an optional value that is exactly one of a list's values;
- ``text``: free text in a cell of fixed height (the signed 6.3, 6.6; a provider's name typed on 6.8 that 6.5 and
  6.9 print; the working sheets' 6.4 and 6.10 texts), at most
  ``extra`` characters (what prints whole in it, measured: tests/workbook/test_print_goals.py,
  test_print_notes.py); a longer paste would print cut off (audit9 F5); its message names where (``place``). The
  tools' readers check the same texts (TEXT_FIELDS, generator/ministry/matrix.py) where the file's own template
  checked them (its check formula in the file); an older template's unchecked text is a warning there (D168).
- ``municipality``: a list value, required once a plan line has a service (D88);
- ``required``: a text required once a plan line has a service (D88);
- ``name``: a person's name, required as ``required`` and at most ``extra`` characters, what prints whole under the
  signatures of the signed annexes (D170, tests/workbook/test_print_names.py); the readers check its length too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.lvformat import NBSP, agree
from generator.reference.date_serials import DATE_IN_NUMBER_TEXT, SERIAL_ENTERED, SERIAL_HINT, SHEET_DAYS_END
from generator.reference.inputs import (
    ABOVE_MAX_AFTER,
    ABOVE_MAX_BEFORE,
    AFTER_PERIOD_HINT,
    CENTS_TEXT,
    DELIVERED_LABEL,
    LIST_TEXT,
    PLANNED_LABEL,
    REQUIRED_PARTIES,
    REQUIRED_TEXT,
    UNITS_LABEL,
    WHOLE_TEXT,
)
from generator.workbook.layout import C64
from generator.workbook.sheets.common import lv_date_formula
from generator.workbook.texts import NO, YES

FIRST_DATE = dt.date(1990, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)


# D7 (generator/reference/workbook.py check_final): F applies where N > P, and LM never sets it above N. D356: only
# while P is a figure – a blank P (an invalid B or date, D332, D347) leaves unknown whether F applies, so the one
# invalid input is the one error (N() of the blank would read N > 0 and name F, a cell the worker never touched)
FINAL_OVER = ("AND(ISNUMBER(IB_Nepieciesamais),ISNUMBER(IB_Provizoriskais),IB_Nepieciesamais>N(IB_Provizoriskais),"
              "{x}>IB_Nepieciesamais)")
# the "final" kind's code of F above N (KINDS["final"]): a rule on a valid F (the reference's final_above_needed), not an
# invalid value, so A still follows that F (D347)
FINAL_OVER_CODE = 3


def _date(day: dt.date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"


def _lv(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _subcent(x: str) -> str:
    """True for a number with more than two decimals (D87); the tolerance absorbs binary fractions of cents."""
    return f"ABS({x}-ROUND({x},2))>{SUBCENT_TOLERANCE}"


SUBCENT_TOLERANCE = "0.0000001"

# D340: the highest plausible money typed into the matrix (catalogue/programme.yaml input_amount_max, unit_price_max),
# in hidden cells of 6.11: a larger B, F, other source or 6.8 price is an invalid input (a pasted 1e12, 31000000 for
# 3100), checked before the cents (one code of one paste), and a 6.8 line with such a price is void (D332)
AMOUNT_MAX, PRICE_MAX = "h_SummaMax", "h_CenaMax"


def _above(x: str, maximum: str) -> str:
    """True for a number above the 6.11 cell ``maximum`` (D340); FALSE without one."""
    return f"{x}>{maximum}" if maximum else "FALSE"


def _grouped(whole: str) -> str:
    """A whole number ≥ 0 below a milliard in groups of three digits (no-break spaces): '100 000'."""
    three = f'RIGHT("00"&MOD({whole},1000),3)'
    return (f'IF({whole}>=1000000,INT({whole}/1000000)&"{NBSP}"&RIGHT("00"&INT(MOD({whole},1000000)/1000),3)'
            f'&"{NBSP}"&{three},IF({whole}>=1000,INT({whole}/1000)&"{NBSP}"&{three},{whole}&""))')


def eur_formula(ref: str) -> str:
    """'1 234,56 EUR' (lvformat.eur: no-break spaces, decimal comma) for a number ≥ 0 below a milliard, independent
    of the spreadsheet's locale (TEXT() is not); Excel 2010 and LibreOffice 7.4 functions only."""
    cents = f"ROUND({ref}*100,0)"
    whole, fraction = f"INT({cents}/100)", f"MOD({cents},100)"
    return f'{_grouped(whole)}&","&RIGHT("0"&{fraction},2)&"{NBSP}EUR"'


def money_validation(cell: str, title: str, message: str, maximum: str | None = None) -> dict[str, object]:
    """Data validation of a money input typed by hand: a number ≥ 0 (≤ ``maximum``) in whole cents (D87)."""
    top = f",{cell}<={maximum}" if maximum else ""
    return {"validate": "custom", "value": f"=AND(ISNUMBER({cell}),{cell}>=0,ROUND({cell},2)={cell}{top})",
            "error_title": title, "error_message": f"{message} Ne vairāk kā divi cipari aiz komata (centi)."}


def units_validation(title: str, message: str, highest: str) -> dict[str, object]:
    """Data validation of a count of units typed by hand (6.3, 6.6, 6.10): a number from 0 to AMOUNT_MAX, the bound
    of the formula check (D365, D377), from its 6.11 cell (D380); ``highest`` is that figure as the message says it."""
    return {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": f"={AMOUNT_MAX}",
            "error_title": title, "error_message": f"{message} (skaitlis ≥ 0, ne lielāks par {highest})."}


def _cents_text(x: str) -> str:
    """A number of whole cents as text with two decimals and the Latvian comma ("-90,10"), independent of the
    spreadsheet's locale (TEXT()'s format codes are not, as lv_date_formula says), in Excel 2010 and LibreOffice."""
    cents = f"ROUND(ABS({x})*100,0)"
    return f'IF({x}<0,"-","")&INT({cents}/100)&","&RIGHT("0"&MOD({cents},100),2)'


MONEY_KINDS = ("money", "payment", "final")
UNIT_KINDS = ("units", "delivered")  # a plan line's units, whose line names its unit (D256); bounded (D365, D377)


def _no_such_day(x: str) -> str:
    """True for a text in the form DD.MM.GGGG that names no calendar day (31.02.2012): the worker typed the form
    right, the day is wrong (F7). A text date of a real day ("12.06.2019" pasted as text) is not one."""
    d, m, y = f"VALUE(LEFT({x},2))", f"VALUE(MID({x},4,2))", f"VALUE(RIGHT({x},4))"
    form = (f'AND(LEN({x})=10,MID({x},3,1)=".",MID({x},6,1)=".",ISNUMBER({d}),ISNUMBER({m}),ISNUMBER({y}))')
    real = f"AND({m}>=1,{m}<=12,{d}>=1,DAY(DATE({y},{m},{d}))={d})"
    return f"IFERROR(AND({form},NOT({real})),FALSE)"


# a text in a date cell, also one in the form DD.MM.GGGG (pasted as text): not a date, whatever it looks like (D255)
DATE_TEXT = "jābūt datumam, nevis tekstam – ierakstiet datumu vēlreiz (DD.MM.GGGG)"
# an empty birth date or period start once the plan has data: no age, no amounts (audit31d F3, D255)
DATE_REQUIRED = "jābūt ievadītam (bez tā nevar aprēķināt vecumu un summas)"
DATE_TIME_TEXT = "jābūt datumam bez laika"  # a date with a time of day, as pasted from another system (audit29 F6)


def _time_of_day(x: str) -> str:
    """' 12:00' for a date cell holding a time of day, '' for a whole day; independent of the locale."""
    return (f'IF({x}<>INT({x})," "&RIGHT("0"&HOUR({x}),2)&":"&RIGHT("0"&MINUTE({x}),2),"")')


def _blank(x: str) -> str:
    """True for an empty cell and for a text of spaces only (a required field left blank)."""
    return f'LEN(TRIM({x}&""))=0'


# D140: a formula pasted into an input (=100+20, a link to another workbook) is an invalid input: its value follows the
# cells it refers to. ISFORMULA is Excel 2013's; written with its file prefix (_xlfn.) LibreOffice 7.4 computes it,
# and Excel 2010 (no such function) gives #NAME?, which IFERROR turns into FALSE: no false error there, the check is
# then only the tools' (generator/ministry/matrix.py), measured in tests/workbook/test_formula_in_input.py.
FORMULA_TEXT = "jābūt vērtībai, nevis formulai vai saitei"  # short: it is also the one line beside the cell on 6.4
FORMULA_HINT = "ielīmējiet tikai vērtību"
FORMULA_MESSAGE = f"{FORMULA_TEXT} ({FORMULA_HINT})"  # the tools' words, and the report workbooks' (D140)


def is_formula(x: str) -> str:
    """True when cell ``x`` holds a formula (FALSE where the program has no ISFORMULA)."""
    return f"IFERROR(_xlfn.ISFORMULA({x}),FALSE)"


# audit31d F4: a logical value (TRUE/FALSE; PATIESS/APLAMS in a Latvian Excel, e.g. pasted from a checkbox column) in
# an input that takes a number, a date or a list value is never valid. Measured (LibreOffice 7.4, test_pasted_formula_
# and_text.py): LibreOffice imports an xlsx bool cell as the formula =TRUE() (ISFORMULA true, ISNUMBER true, value 1),
# so without this it said „… formulai vai saitei, ievadīts 1”; Excel 2010 keeps a bool (ISNUMBER false, no ISFORMULA)
# and said „jābūt skaitlim”. Excel's ISLOGICAL is true for it; LibreOffice's only in a cell without a number format
# (an input has one), so there it is a formula of a function without arguments (FORMULATEXT ends with "()": TRUE(),
# FALSE(), a Latvian PATIESS()) whose value is 0 or 1. It is checked before the formula and said in the same words.
LOGICAL_TEXT = "nevis loģiskajai vērtībai"  # after the kind's „jābūt skaitlim” etc.; short for 6.4's one line
LOGICAL_TRUE, LOGICAL_FALSE = "TRUE (PATIESS)", "FALSE (APLAMS)"  # as the cell shows it in an English or Latvian Excel
LOGICAL_SHOWN = f'IF({{x}},"{LOGICAL_TRUE}","{LOGICAL_FALSE}")'
# the kinds that take a number, a date or a list value, and the free texts: the one a rule reads (``reason``: D9's
# transport justification, D331) and, since D346, every other (a name, a goal, the provider, a note), which the tools
# refused in these words while the matrix said „formulai vai saitei” (LibreOffice) or nothing (Excel)
TYPED_TEXT = "jābūt ierakstītam tekstam"
LOGICAL_WORDS = {"amount": "jābūt skaitlim", "units": "jābūt skaitlim", "delivered": "jābūt skaitlim",
                 "money": "jābūt skaitlim",
                 "payment": "jābūt skaitlim", "final": "jābūt skaitlim", "rank": "jābūt skaitlim",
                 "months": "jābūt skaitlim", "date": "jābūt datumam",
                 "yesno": f"jābūt „{YES}” vai „{NO}”", "list": "jābūt vienai no saraksta vērtībām",
                 "municipality": "jābūt vienai no saraksta vērtībām", "reason": TYPED_TEXT,
                 "text": TYPED_TEXT, "name": TYPED_TEXT, "required": TYPED_TEXT, "code": TYPED_TEXT}

# D346: an error value pasted as a value (#N/A, #VALUE! copied from a cell whose formula failed) is said as what it is,
# with its code (no personal data), not as a formula: LibreOffice 7.4 imports it as the formula =#N/A (ISFORMULA true,
# FORMULATEXT "=#N/A", measured), Excel keeps it a value. A formula that gives an error (=1/0, a broken link) stays a
# formula. ERROR.TYPE (Excel 2010, LibreOffice) numbers the seven codes; LibreOffice gives none for #NULL!: no code shown
ERROR_TEXT = "nevis kļūdas vērtībai"
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")
ERROR_SHOWN = 'IFERROR(", ievadīts "&CHOOSE(ERROR.TYPE({x}),' + ",".join(f'"{c}"' for c in ERROR_CODES) + '),"")'


def error_message(kind: str) -> str:
    """The words of an error value in an input of ``kind``: „jābūt skaitlim, nevis kļūdas vērtībai” (D346)."""
    return f"{LOGICAL_WORDS[kind]}, {ERROR_TEXT}"


def error_formula(x: str) -> str:
    """True when error cell ``x`` is a formula other than an error constant: LibreOffice's =#N/A of a pasted error
    value is no formula the worker wrote (D346); FALSE where the program has no FORMULATEXT (Excel 2010)."""
    return f'IFERROR(LEFT(_xlfn.FORMULATEXT({x}),2)<>"=#",FALSE)'


def imported_logical(x: str) -> str:
    """True when formula cell ``x`` is a function without arguments giving 0 or 1: the =TRUE() LibreOffice imports a
    bool cell as. FORMULATEXT is Excel 2013's: Excel 2010's #NAME? there becomes FALSE (its ISLOGICAL sees the bool),
    as ISFORMULA's does. Evaluated only for a formula (IF), so that the check of a typed value costs no more."""
    return f'IFERROR(AND(RIGHT(_xlfn.FORMULATEXT({x}),2)="()",OR(N({x})=0,N({x})=1)),FALSE)'


# D339: a number or a date pasted into a free text that prints on the signed papers or the working sheets (a name, a
# goal, „Biežums”, a note, the provider, D9's transport justification) is no typed text: the papers would print
# "1000000000000" or "2019-01-15 00:00:00". The matrix counts it (ISNUMBER, a date is a number there too) and the tools
# refuse it in the same words (generator/ministry/matrix.py)
NUMBER_IN_TEXT = "jābūt ierakstītam tekstam, nevis skaitlim vai datumam"
# the child's personal code as the tools read it (reference.inputs.PERSONAL_CODE: „010519-20019” or „01051920019”);
# before, a code of 10 digits pasted past the data validation was no error in the matrix, but the tools refused it
CHILD_CODE = "Berns_PersonasKods"
CODE_TEXT = "jābūt formā 000000-00000 (11 cipari)"


def no_reason(x: str, code: str) -> str:
    """True when the free text ``x`` a rule reads (a ``reason``) gives no reason: empty, spaces only, or a value the
    matrix refuses as no typed text – a logical value or a formula (D331), as its check code ``code`` says it
    (not_text: one place, D332). A rule counts the reason given only when this is false, as the tools read it
    (generator/ministry/matrix.py refuses both)."""
    return f'OR(TRIM({x}&"")="",{not_text(code)})'


def not_text(code: str) -> str:
    """True when a ``reason``'s check code ``code`` says it is no typed text: a number or a date (D339), a formula or a
    logical value (after its own codes) – every code but „too long”, as the tools read it (they refuse all four)."""
    first = REASON_MESSAGES.index(f'"{NUMBER_IN_TEXT}"') + 1
    return f"N({code})>={first}"


def is_logical(x: str) -> str:
    """True when cell ``x`` holds TRUE or FALSE (Excel's ISLOGICAL, or LibreOffice's imported =TRUE())."""
    return f"IF(ISLOGICAL({x}),TRUE,IF({is_formula(x)},{imported_logical(x)},FALSE))"


# D282: in a Latvian locale Excel and LibreOffice read a typed "18.5" as the date 18.05. of the year and give the cell a
# date format; its value is then a day's serial (43 238), a number every amount would use. A number input whose cell has
# a date or time format is an invalid input. CELL("format") says it: Excel (2010 too) returns "D1"…"D9" for a date or
# time format. LibreOffice 7.4 (measured, tests/workbook/test_date_in_number.py) returns "D…" only for a format that is
# one of its locale's built-in date formats ("[$-426]dd.mm.yyyy"), "G" for any other date or time format
# ("dd.mm.yyyy", "yyyy-mm-dd h:mm:ss", "d.m") and for "@", and "F0" for General, where Excel returns "G". So "G" means a
# date only where a General cell does not say "G" (DATE_FORMAT_PROBE: 1 in LibreOffice, 0 in Excel). The inputs' own
# formats say ",2", ",4", ",0", "F0", "P0" or "C2" in LibreOffice, which pass.
# A serial from 1 to 60 is a day before 01.03.1900, which Excel and LibreOffice show one day apart (Excel counts a
# 29.02.1900, xlsxread.serial_day): such a value in a date-formatted number input is said as the number, not a date
FIRST_DAY_SHOWN = 61
DATE_FORMAT_PROBE = "h_DatumaFormatsG"
NUMBER_KINDS = ("amount", "units", "delivered", "money", "payment", "final", "rank", "months")
# D286: LibreOffice 7.4 in a Latvian locale stores „18.5” typed into a cell with a number format as the day's serial
# (46 160) and keeps the number format, which date_formatted cannot see: a whole number between these two days of 6.11
# (1 January of the year before the first children's round starts, and the spreadsheet's last day 31.12.9999: no upper
# end of the programme's, reference/date_serials.py) is an invalid input
SERIAL_FIRST, SERIAL_LAST = "h_DatumaNrNo", "h_DatumaNrLidz"


def date_formatted(x: str) -> str:
    """True when number cell ``x`` has a date or time format (Excel's "D…", LibreOffice's "D…" or, there, "G")."""
    cell = f'CELL("format",{x})'
    return f'OR(LEFT({cell},1)="D",AND({cell}="G",{DATE_FORMAT_PROBE}=1))'


def date_serial(x: str) -> str:
    """True when number cell ``x`` holds a whole number in the day serials of D286 (DateSerials.day)."""
    return f"AND({x}>={SERIAL_FIRST},{x}<={SERIAL_LAST},{x}=INT({x}))"


def _serial_words() -> tuple[str, str]:
    """The reference's SERIAL_ENTERED words before and after the number (the date follows them): Kind.shown puts the
    cell's value and its date between them, as the cell holds it („šūnā ir 46160 – tas izskatās pēc datuma …”)."""
    before, rest = SERIAL_ENTERED.split("{number}")
    between, after = rest.split("{date}")
    assert not after, SERIAL_ENTERED  # the date ends the words: SERIAL_HINT follows it
    return before, between


def logical_message(kind: str) -> str:
    """The words of a logical value in an input of ``kind``: „jābūt skaitlim, nevis loģiskajai vērtībai”."""
    return f"{LOGICAL_WORDS[kind]}, {LOGICAL_TEXT}"


def _empty(x: str) -> str:
    """True for an empty cell and for an empty text (a paste of nothing)."""
    return f'OR(ISBLANK({x}),AND(ISTEXT({x}),LEN({x})=0))'


LINE_UNIT = "{unit}"  # the plan line's unit in a ``units`` message: 6.4's unit column of the line's row


def _whole_unit(row: str) -> str:
    """True when the service chosen on the plan line of 6.4 row ``row`` is priced in a whole unit (D256)."""
    item = f"'6.4'!${C64.h_row}{row}"
    return f"IF({item}>0,INDEX(h_Pak_Vesels,{item}),0)=1" if row else "FALSE"


@dataclass(frozen=True)
class Kind:
    """How one kind of input is checked: its code formula and the Latvian message of each code.

    Messages follow the field's label in the dative ("maksājumam" + "jābūt skaitlim"); a message may
    hold a formula part, so each is a formula string expression.
    """

    name: str
    messages: tuple[str, ...]

    def code(self, x: str, extra: str = "") -> str:
        """The code formula of cell ``x``; ``extra`` is the list range or the "required" condition."""
        if self.name == "amount":
            body = f"IF(ISNUMBER({x}),IF({x}<0,2,0),IF({_empty(x)},0,1))"
        elif self.name in ("units", "delivered"):  # above the plausible highest (D365, D377) before a fraction
            body = (f"IF(ISNUMBER({x}),IF({x}<0,2,IF({_above(x, AMOUNT_MAX)},4,IF(AND({_whole_unit(extra)},"
                    f"{x}<>INT({x})),3,0))),IF({_empty(x)},0,1))")
        elif self.name == "money":  # above the plausible highest (D340) before the cents: one code of one paste
            body = f"IF(ISNUMBER({x}),IF({x}<0,2,IF({_above(x, extra)},4,IF({_subcent(x)},3,0))),IF({_empty(x)},0,1))"
        elif self.name == "payment":  # above the plausible highest (D365) before the cents
            body = f"IF(ISNUMBER({x}),IF({x}<0,2,IF({_above(x, extra)},4,IF({_subcent(x)},3,0))),IF({_empty(x)},0,1))"
        elif self.name == "final":
            body = (f"IF(ISNUMBER({x}),IF({x}<0,2,IF({_above(x, extra)},5,IF({_subcent(x)},4,"
                    f"IF({FINAL_OVER.format(x=x)},3,0)))),IF({_empty(x)},0,1))")
        elif self.name == "rank":
            body = f"IF(ISNUMBER({x}),IF(OR({x}<1,{x}<>INT({x})),2,0),IF({_empty(x)},0,1))"
        elif self.name == "months":
            body = (f"IF(ISNUMBER({x}),IF(OR({x}<1,{x}>Param_PeriodaMenesi,{x}<>INT({x})),2,0),"
                    f"IF({_empty(x)},IF({extra},3,0),1))")
        elif self.name == "date":
            # a date with a time of day (pasted from another system) is its own code: its day may be in range (F6)
            # an empty date is an error once the plan has data (audit31d F3): the amounts need it (D255)
            body = (f"IF(ISNUMBER({x}),IF(OR({x}<{_date(FIRST_DATE)},{x}>{_date(LAST_DATE)}),2,IF({x}<>INT({x}),4,0)),"
                    f"IF({_empty(x)},IF({extra or 'FALSE'},5,0),IF({_no_such_day(x)},3,1)))")
        elif self.name == "yesno":
            body = f'IF(OR(EXACT({x},"{YES}"),EXACT({x},"{NO}")),0,IF({_empty(x)},IF({extra},2,0),1))'
        elif self.name == "list":
            body = f'IF({_empty(x)},0,IF(SUMPRODUCT(--EXACT({x}&"",{extra}))>0,0,1))'
        elif self.name in ("text", "reason"):  # a number or a date is no typed text (D339): code 2
            body = f"IF(ISNUMBER({x}),2,IF(LEN({x}&\"\")>{extra},1,0))"
        elif self.name == "municipality":  # code 3: listed, but not in the round of the plan's first day (D113)
            body = (f'IF({_blank(x)},IF({SERVICES_CHOSEN},2,0),'
                    f'IF(SUMPRODUCT(--EXACT({x}&"",{extra}))>0,IF(ISNUMBER({PLAN_ROUND_ROW}),'
                    f'IF(ISNUMBER(FIND(", "&{x}&",",", "&{PLAN_ROUND_MEMBERS}&",")),0,3),0),1))')
        elif self.name == "code":  # the child's personal code: 11 digits, the hyphen after the sixth optional (H2)
            t = f'TRIM({x}&"")'
            digits = 'SUMPRODUCT(--ISNUMBER(FIND(MID({s},{{1,2,3,4,5,6,7,8,9,10,11}},1),"0123456789")))=11'
            form = (f'OR(AND(LEN({t})=11,{digits.format(s=t)}),'
                    f'AND(LEN({t})=12,MID({t},7,1)="-",{digits.format(s=f"LEFT({t},6)&RIGHT({t},5)")}))')
            body = f"IF({_blank(x)},IF({SERVICES_CHOSEN},1,0),IF({form},0,2))"
        elif self.name == "required":
            body = f"IF(AND({_blank(x)},{SERVICES_CHOSEN}),1,0)"
        elif self.name == "name":
            body = f'IF(ISNUMBER({x}),3,IF({_blank(x)},IF({SERVICES_CHOSEN},1,0),IF(LEN({x}&"")>{extra},2,0)))'
        else:  # pragma: no cover - the kinds are fixed below
            raise ValueError(self.name)
        if self.dated:  # a date in a number input (D282): CELL only for a number; then a day's serial (D286)
            body = (f"IF(IF(ISNUMBER({x}),{date_formatted(x)},FALSE),{self.date_code},"
                    f"IF(IF(ISNUMBER({x}),{date_serial(x)},FALSE),{self.serial_code},{body}))")
        if not self.logical:
            return f"IFERROR(IF({is_formula(x)},{self.formula_code},{body}),1)"
        # a logical value before the formula: LibreOffice imports a bool cell as =TRUE() (audit31d F4)
        formula = f"IF({imported_logical(x)},{self.logical_code},{self.formula_code})"
        # an error value first (D346): a pasted one is no formula, one a formula gives is
        error = f"IF({error_formula(x)},{self.formula_code},{self.error_code})"
        return (f"IFERROR(IF(ISERROR({x}),{error},IF(ISLOGICAL({x}),{self.logical_code},"
                f"IF({is_formula(x)},{formula},{body}))),1)")

    @property
    def logical(self) -> bool:
        """Whether a logical value is its own code (audit31d F4): a kind that takes a number, a date or a list value."""
        return self.name in LOGICAL_WORDS

    @property
    def formula_code(self) -> int:
        """The code of a formula in the input (D140): after the kind's own codes."""
        return len(self.messages) + 1

    @property
    def logical_code(self) -> int:
        """The code of a logical value (TRUE/FALSE) in the input (audit31d F4): after the formula's."""
        return len(self.messages) + 2

    @property
    def dated(self) -> bool:
        """Whether a date-formatted value is its own code (D282): a kind that takes a number."""
        return self.name in NUMBER_KINDS

    @property
    def date_code(self) -> int:
        """The code of a date in a number input (D282): after the logical value's (every number kind has one)."""
        return len(self.messages) + 3

    @property
    def serial_code(self) -> int:
        """The code of a day's serial in a number input (D286): after the date's."""
        return len(self.messages) + 4

    @property
    def error_code(self) -> int:
        """The code of an error value (#N/A) in the input (D346): the last."""
        return len(self.all_messages)

    @property
    def all_messages(self) -> tuple[str, ...]:
        """The kind's messages, then the formula's (D140), where checked the logical value's (audit31d F4), the
        date's in a number input (D282) and a day's serial's (D286), in the same words: a date is no number; last an
        error value's (D346)."""
        logical = (f'"{logical_message(self.name)}"',) if self.logical else ()
        dated = (f'"{DATE_IN_NUMBER_TEXT}"',) * 2 if self.dated else ()
        error = (f'"{error_message(self.name)}"',) if self.logical else ()
        return (*self.messages, f'"{FORMULA_TEXT}"', *logical, *dated, *error)

    def shown(self, x: str, code: str = "", after: str = "") -> str:
        """', ievadīts …' with the entered value (text in quotes, a date as DD.MM.YYYY), or ''; for a long text its
        length (', ievadītas 734 zīmes', ', ievadīta 601 zīme'). ``after``: a condition true while the cell is a month
        after the plan's period, which must stay empty: a day's serial there is told to be cleared (D304)."""
        if self.name in ("text", "reason", "name"):
            n = f'LEN({x}&"")'
            counted = f'", ievadīt"&IF(AND(MOD({n},10)=1,MOD({n},100)<>11),"a "&{n}&" zīme","as "&{n}&" zīmes")'
            # a number or a date as the cell shows it (D339): a date where the cell's format says "D…" (Excel; in
            # LibreOffice its locale's date formats); LibreOffice's "G" is any other date format and also the text
            # inputs' "@": there a number in the day serials (D286: a day since the year before the first round) is
            # said as its date and time, as the tools read a date-formatted cell (D346)
            cell = f'CELL("format",{x})'
            dated = (f'OR(LEFT({cell},1)="D",AND({cell}="G",{DATE_FORMAT_PROBE}=1,{x}>={SERIAL_FIRST},'
                     f'{x}<={SERIAL_LAST}))')
            number = (f'", ievadīts "&IF({dated},"datums "&{lv_date_formula(x)}&{_time_of_day(x)},'
                      f'SUBSTITUTE({x}&"",".",","))')
            counted = f"IF(ISNUMBER({x}),{number},{counted})"
            if code:  # a formula: only how to paste it (the tools' words, D140), not its length
                counted = f'IF({code}={self.formula_code}," ({FORMULA_HINT})",{counted})'
            # a logical value as the cell shows it, not as „1 zīme” (D331; every free text since D346)
            counted = f'IF({is_logical(x)},", ievadīts "&{LOGICAL_SHOWN.format(x=x)},{counted})'
            shown = f'IFERROR({counted},"")' if self.name != "name" else f'IFERROR(IF({_blank(x)},"",{counted}),"")'
            return self._error_shown(x, code, shown)
        plain = f'SUBSTITUTE({x}&"",".",",")'  # a number with the Latvian decimal comma in every locale (audit20 F8)
        number = f"{lv_date_formula(x)}&{_time_of_day(x)}" if self.name == "date" else plain
        # a number that is no day of the spreadsheets (below 1, after 31.12.9999: 1e12 pasted, D332) as the number
        entered = f"IF(OR({x}<1,{x}>={SHEET_DAYS_END}),{plain},{number})" if self.name == "date" else \
            f"IF({x}<1,{plain},{number})"
        if self.name in MONEY_KINDS:  # "-90,10", not "-90,1" (audit31d F6); more decimals as entered (D87)
            entered = f"IF({_subcent(x)},{plain},{_cents_text(x)})"
        typed = f'", ievadīts "&{entered}'
        if self.dated:  # a date in a number input as the cell shows it (D282): ", ievadīts datums 18.05.2018" – a day
            # before 01.03.1900 as its number (", ievadīts 4"): the programs' dates for it differ (FIRST_DAY_SHOWN); a
            # day's serial (D286, by the cell's ``code`` where given) with the same date: ", šūnā ir 43603 – tas izskatās …"
            serial = f"{code}={self.serial_code}" if code else date_serial(x)
            hint = f'IF({after},"","{SERIAL_HINT}")' if after else f'"{SERIAL_HINT}"'  # message() adds the other
            before, between = _serial_words()
            shown_date = f"AND({date_formatted(x)},OR({x}<1,{x}>={FIRST_DAY_SHOWN}))"
            typed = (f'IF(OR({shown_date},{serial}),", "&IF({serial},"{before}"&{x}&"{between}","ievadīts datums ")'
                     f'&{lv_date_formula(x)}&IF({serial},{hint},{_time_of_day(x)}),{typed})')
        shown = (f"IF(ISTEXT({x}),IF(LEN({x})=0,\"\",\", ievadīts „\"&{x}&\"”\"),"
                 f"IF(ISNUMBER({x}),{typed},\"\"))")
        if self.logical:  # as the cell shows it, not as LibreOffice's 1 (audit31d F4)
            shown = f'IF({is_logical(x)},", ievadīts "&{LOGICAL_SHOWN.format(x=x)},{shown})'
        return self._error_shown(x, code, f'IFERROR({shown},"")')

    def _error_shown(self, x: str, code: str, shown: str) -> str:
        """``shown``, or for an error value (its ``code``, D346) ', ievadīts #N/A': its code, no personal data."""
        if not code or not self.logical:
            return shown
        return f"IF(AND(ISERROR({x}),N({code})={self.error_code}),{ERROR_SHOWN.format(x=x)},{shown})"

    def texts(self, extra: str = "", place: str = "") -> str:
        """The messages as CHOOSE's choices, the field's limit (``extra``) in place of LIMIT and where its text
        prints (``place``) in place of PLACE."""
        unit = f"'6.4'!${C64.unit}{extra}&\"\"" if self.name in UNIT_KINDS and extra else '""'
        return ",".join(m.replace(LIMIT, extra).replace(PLACE, place).replace(LINE_UNIT, unit) for m in self.all_messages)

    def message(self, code: str, x: str, extra: str = "", place: str = "", after: str = "") -> str:
        """The message part after the label: CHOOSE(code, …) and the entered value; ``after`` (as in ``shown``): in a
        month after the plan's period every message – a text, a date, a serial, a negative number, a fraction, a
        formula – ends with AFTER_PERIOD_HINT (D304, D313): no value belongs there, so none is to be typed again."""
        said = f"CHOOSE({code},{self.texts(extra, place)})&{self.shown(x, code, after)}"
        return f'{said}&IF(IFERROR({after},FALSE),"{AFTER_PERIOD_HINT}","")' if after else said


# D258 (audit31d F6): a correction (a refund or a cancelled invoice, negative in the expense register 28, D245) is
# not entered in 6.10 as a negative payment: it is subtracted from the paid sum of the month it corrects
NEGATIVE_PAYMENT_TEXT = ("jābūt skaitlim, kas nav mazāks par 0 (korekciju – atmaksu vai anulētu rēķinu – atskaita no "
                         "tā mēneša summas, kuru tā labo)")
LIMIT = "{limit}"  # a text field's character limit in its message; a money field's highest's cell (D340)
PLACE = "{place}"  # where a text field's text prints ("parakstāmajā 6.3. tabulā", "darba tabulā 6.4.")
TEXT_TOO_LONG = f"jābūt ne garākam par {LIMIT} zīmēm, citādi {PLACE} izdrukā tikai daļu"
REASON_CODE = "h_PamatojumaKods"  # the check code of D9's justification (6.4), which 6.11's rules read
REASON_MESSAGES = (f'"{TEXT_TOO_LONG}"', f'"{NUMBER_IN_TEXT}"')  # a reason's own codes; its formula's and logical value's follow (not_text)

# D104, D113: a municipality of the children's rounds' list that is not in the round of the plan's first day (the
# reporting period h_PerSatur marks, its round's municipalities h_PerPasvaldibas, "jelgava, bauska, cesis") has no
# agreement with the ministry for this plan: the reference's municipality_not_in_round
PLAN_ROUND_ROW = "MATCH(1,h_PerSatur,0)"
PLAN_ROUND_MEMBERS = f"INDEX(h_PerPasvaldibas,{PLAN_ROUND_ROW})"
START_PLACE = "6.1 B38"  # Perioda_Sakums (sheets/personal.py FIELDS; a test checks it)
ROUND_MEMBERS_PART = f'"&IFERROR({PLAN_ROUND_MEMBERS},"")&"'  # the formula part of NOT_IN_ROUND_TEXT (beside_texts)
NOT_IN_ROUND_TEXT = (f'"jābūt no programmas kārtas, kurā ir plāna pirmā diena ({START_PLACE}; tajā piedalās: '
                     f'{ROUND_MEMBERS_PART})"')

# D340: the reference's words (inputs.above_max_text) with the field's highest (its 6.11 cell, the field's ``extra``)
ABOVE_MAX = f'"{ABOVE_MAX_BEFORE}"&{eur_formula(LIMIT)}&"{ABOVE_MAX_AFTER}"'
# D365: the same of 6.10's delivered units, a count: the highest without cents and EUR (inputs.above_max_units_text)
ABOVE_MAX_UNITS = f'"{ABOVE_MAX_BEFORE}"&{_grouped(AMOUNT_MAX)}&"{ABOVE_MAX_AFTER}"'

# a plan line's units (6.3, 6.6) and 6.10's delivered units: the same checks and words (D256, D365, D377)
UNIT_MESSAGES = ('"jābūt skaitlim"', '"jābūt skaitlim, kas nav mazāks par 0"',
                 f'"{WHOLE_TEXT} (mērvienība „"&{LINE_UNIT}&"”)"', ABOVE_MAX_UNITS)

KINDS = {
    "amount": Kind("amount", ('"jābūt skaitlim"', '"jābūt skaitlim, kas nav mazāks par 0"')),
    "units": Kind("units", UNIT_MESSAGES),
    "money": Kind("money", ('"jābūt skaitlim"', '"jābūt skaitlim, kas nav mazāks par 0"', f'"{CENTS_TEXT}"', ABOVE_MAX)),
    "delivered": Kind("delivered", UNIT_MESSAGES),
    "payment": Kind("payment", ('"jābūt skaitlim"', f'"{NEGATIVE_PAYMENT_TEXT}"', f'"{CENTS_TEXT}"', ABOVE_MAX)),
    "final": Kind("final", ('"jābūt skaitlim"', '"jābūt skaitlim, kas nav mazāks par 0"',
                            '"jābūt ne lielākam par nepieciešamo apmēru N"', f'"{CENTS_TEXT}"', ABOVE_MAX)),
    "rank": Kind("rank", ('"jābūt skaitlim"', '"jābūt veselam skaitlim, sākot ar 1"')),
    "months": Kind("months", ('"jābūt skaitlim"', '"jābūt veselam skaitlim no 1 līdz "&Param_PeriodaMenesi',
                              '"jābūt ievadītam (bez tā plānu un izpildi nevar sadalīt pa mēnešiem)"')),
    "date": Kind("date", (f'"{DATE_TEXT}"',
                          f'"jābūt datumam no {_lv(FIRST_DATE)} līdz {_lv(LAST_DATE)}"',
                          '"jābūt īstam kalendāra datumam DD.MM.GGGG (mēnesis 1–12; tādas dienas nav, piem. 01.13. '
                          'vai 31.02.)"', f'"{DATE_TIME_TEXT}"', f'"{DATE_REQUIRED}"')),
    "yesno": Kind("yesno", (f'"jābūt tieši „{YES}” vai „{NO}” (no saraksta)"',
                            '"jābūt norādītam („Jā” vai „Nē”), jo no tā atkarīga provizoriskā apmēra likme"')),
    "list": Kind("list", ('"jābūt vienai no saraksta vērtībām (burts burtā)"',)),
    "text": Kind("text", (f'"{TEXT_TOO_LONG}"', f'"{NUMBER_IN_TEXT}"')),
    # a free text a rule reads (D9's transport justification): a text's check, and a logical value is no text (D331)
    "reason": Kind("reason", REASON_MESSAGES),
    "municipality": Kind("municipality", (f'"{LIST_TEXT}"', f'"{REQUIRED_TEXT}"', NOT_IN_ROUND_TEXT)),
    "required": Kind("required", (f'"{REQUIRED_TEXT}"',)),
    "code": Kind("code", (f'"{REQUIRED_TEXT}"', f'"{CODE_TEXT}"')),
    "name": Kind("name", (f'"{REQUIRED_TEXT}"', f'"{TEXT_TOO_LONG}"', f'"{NUMBER_IN_TEXT}"')),
}


@dataclass(frozen=True)
class Field:
    """One checked input: its defined name, kind, Latvian label (dative) and the kind's extra part; a text field's
    ``place`` says where its text prints (its message: "citādi <place> izdrukā tikai daļu")."""

    name: str
    kind: str
    label: str
    extra: str = ""
    place: str = ""
    after: str = ""  # a month cell: the condition, on 6.11, that it is after the plan's period (after_period, D304)


# The plan has a service or any month data:
_PLAN_DATA = "COUNTA(Plans_Pakalpojums)>0,COUNT(Men_Daudzums)>0,COUNT(Fakt_Daudzums)>0,COUNT(Fakt_Summa)>0"
# then the birth date and the period's first day are required (D255);
PLAN_HAS_DATA = f"OR({_PLAN_DATA})"
# the months are required then and once the plan has a start date.
MONTHS_REQUIRED = f"OR(ISNUMBER(Perioda_Sakums),{_PLAN_DATA})"
# The special-care opinion decides the rate for a child between the full-rate age and the age limit.
OPINION_REQUIRED = "AND(ISNUMBER(Vecums),Vecums>Param_PilnasLikmesVecums,Vecums<Param_VecumaRobeza)"

# The fields a contract needs are required once a plan line has a service (D88; the reference's REQUIRED_PARTIES).
SERVICES_CHOSEN = "COUNTA(Plans_Pakalpojums)>0"
# D170: the child's, the parent's and the social worker's names print on every signed annex: the child's in the header
# (wrapped, the personal code on a line under it), the parent's and the worker's in the header and under the
# signatures, one line of 8 pt (styles.signer) in the label columns, narrowest on 6.6 and 6.9 (A:B, 35 and 36 wide, D180); 6.1–6.10 print
# them in their headers too. Measured in one LibreOffice print of 6.1–6.9 (tests/workbook/test_print_providers.py's
# way, review13 R13-5), names of capitals with diacritics: whole everywhere up to 47 characters (6.6's signature line
# cut the last word at 49), ordinary letters up to 53; before the rows were made taller, 45 capitals lost the worker's
# last word in 6.2's one-line header and the child's personal code in 6.8's two-line row. At Excel's widths (estimated,
# D180: tests/workbook/test_name_layout.py) 6.6's and 6.9's signature lines hold 46 of the widest capitals. 45 lets
# two given names and a double surname fit ("Maksimiliāns Aleksandrs Vītoliņš-Jēkabsons", 42, fictional).
NAME_CHARS = 45
SIGNED_NAMES = "parakstāmajās tabulās"
# LEN (Excel, LibreOffice) counts a letter with a diacritic pasted decomposed (the letter and the mark apart, as some
# programs copy it) as two characters: the name's data validation says so (D170).
DECOMPOSED_HINT = (" Burts ar garumzīmi vai mīkstinājuma zīmi, kas ielīmēts kā divas zīmes (burts un zīme atsevišķi), "
                   "skaitās divas zīmes.")
NAME_LIMITS = dict.fromkeys(("Berns_VardsUzvards", "Vecaks_VardsUzvards", "Socialais_Darbinieks"), NAME_CHARS)
PARTY_FIELDS: tuple[Field, ...] = tuple(
    Field(p.name, "municipality", p.label, "Saraksts_Pasvaldibas") if p.name == "Pasvaldiba"
    else Field(p.name, "name", p.label, str(NAME_LIMITS[p.name]), SIGNED_NAMES) if p.name in NAME_LIMITS
    else Field(p.name, "code", p.label) if p.name == CHILD_CODE else Field(p.name, "required", p.label)
    for p in REQUIRED_PARTIES)

SINGLE_FIELDS: tuple[Field, ...] = (
    *PARTY_FIELDS,
    Field("Berns_DzimsanasDatums", "date", "dzimšanas datumam", PLAN_HAS_DATA),
    Field("Berns_Traucejums", "list", "traucējumu veidam", "Saraksts_Traucejumi"),
    Field("Ipasas_Kopsanas_Atzinums", "yesno", "VDEĀVK atzinumam", OPINION_REQUIRED),
    Field("Perioda_Sakums", "date", "perioda pirmajai dienai", PLAN_HAS_DATA),
    Field("Perioda_Menesi", "months", "mēnešu skaitam periodā", MONTHS_REQUIRED),
    Field("Bazes_Apmers", "money", "bāzes apmēram B", AMOUNT_MAX),
    Field("IB_Galigais", "final", "IB galīgajam apmēram F", AMOUNT_MAX),
    Field("Fin_Pabalsti", "money", "pabalstu summai", AMOUNT_MAX),
    Field("Fin_Pakalpojumi", "money", "valsts un pašvaldību pakalpojumu summai", AMOUNT_MAX),
    Field("Fin_Citi", "money", "citu finanšu avotu summai", AMOUNT_MAX),
)

# Plan-line inputs (one cell per line, or per line and month): name -> (kind, label, extra)
PLAN_FIELDS: tuple[Field, ...] = (
    Field("Plans_Pakalpojums", "list", "pakalpojumam", "Pak_Id"),
    Field("Plans_Sanemejs", "list", "saņēmējam", "Saraksts_Sanemeji"),
    Field("Plans_EkspertuRangs", "rank", "ekspertu rangam"),
    Field("Plans_Daudzums", "units", UNITS_LABEL),
    Field("Plans_VecakuRangs", "rank", "vecāku rangam"),
)
MONTH_FIELDS: tuple[Field, ...] = (
    Field("Men_Daudzums", "units", PLANNED_LABEL),
    Field("Fakt_Daudzums", "delivered", DELIVERED_LABEL),  # D365: not above AMOUNT_MAX (the kind's own)
    Field("Fakt_Summa", "payment", "maksājumam", AMOUNT_MAX),
)
# The free text of the signed 6.3 in cells of a fixed height (sheets/plan.py): the most characters that print whole.
GOAL_CHARS = 600  # six lines across D:L (a text of 600 characters of the methodology's words takes at most five)
FREQUENCY_CHARS = 28  # two lines of "Biežums, ilgums, termiņš" (H)
NOTE_CHARS_63 = 20  # two lines of "Piezīmes" (L)
SIGNED_63 = "parakstāmajā 6.3. tabulā"
GOAL_FIELDS: tuple[Field, ...] = (
    Field("Merki_Ilgtermina", "text", "ilgtermiņa mērķu tekstam", str(GOAL_CHARS), SIGNED_63),
    Field("Merki_Istermina", "text", "īstermiņa mērķu tekstam", str(GOAL_CHARS), SIGNED_63),
    Field("Merki_Vecaka", "text", "vecāka mērķa tekstam", str(GOAL_CHARS), SIGNED_63),
)
PLAN_TEXT_FIELDS: tuple[Field, ...] = (
    Field("Plans_Biezums", "text", "biežuma, ilguma un termiņa tekstam", str(FREQUENCY_CHARS), SIGNED_63),
    Field("Plans_Piezimes", "text", "piezīmju tekstam", str(NOTE_CHARS_63), SIGNED_63),
)
# The free text of the signed 6.6 (sheets/months.py): a plan line's "Piezīmes" in two lines of 9 pt of its NOTE_WIDTH
# column. Measured (LibreOffice, PDF): words of 72 characters still take two lines, 75 take three (the third cut off
# at the row's edge); the limit leaves room for wider letters (capitals, "m", "ā").
NOTE_CHARS_66 = 60
MONTH_TEXT_FIELDS: tuple[Field, ...] = (
    Field("Men_Piezimes", "text", "piezīmju tekstam", str(NOTE_CHARS_66), "parakstāmajā 6.6. tabulā"),
)
PRICE_FIELD = Field("Pak_Cena", "money", "sniedzēja cenai", PRICE_MAX)
# The free texts of the working sheets in cells of a fixed height (audit32 F5, F6), measured like NOTE_CHARS_66
# (LibreOffice, PDF, words with capitals and diacritics): D9's transport justification in six lines of 6.4's E:I (about
# 60 characters a line), a plan line's note in two lines of 6.4's M (68 fit, 72 did not) and of 6.10's Piezīmes (52 fit,
# 54 did not); the limits leave room for wider letters.
TRANSPORT_CHARS = 300
NOTE_CHARS_64 = 55
NOTE_CHARS_610 = 40
TRANSPORT_FIELD = Field("Transporta_Pamatojums", "reason", "transporta pamatojumam", str(TRANSPORT_CHARS),
                        "darba tabulā 6.4.")
NOTE_FIELD_64 = Field("Aprekins_Piezimes", "text", "piezīmju tekstam", str(NOTE_CHARS_64), "darba tabulā 6.4.")
NOTE_FIELD_610 = Field("Fakt_Piezimes", "text", "piezīmju tekstam", str(NOTE_CHARS_610), "darba tabulā 6.10.")
# A provider's name (6.8 H, Pak_Sniedzejs) prints in two lines of 8 pt of the 30 wide provider columns of 6.5, 6.8 and
# 6.9 (D166). Measured (LibreOffice, PDF): a name of ordinary words takes two lines up to about 105 characters, one
# with many capitals and diacritics ("SIA „ŠĶĒRŠĻU MĀKSLAS …” – Ūdrupes Mēmeles Ķēčiņu …") a third line from about 88
# on 6.5; the limit leaves room for wider letters. A longer legal name fits with its form abbreviated (VSIA, SIA).
PROVIDER_CHARS = 80
PROVIDER_FIELD = Field("Pak_Sniedzejs", "text", "sniedzēja nosaukumam", str(PROVIDER_CHARS),
                       "parakstāmajās 6.5. un 6.9. tabulās")
# Every text the matrix checks for length: the tools' readers check the same texts with the same limits
# (generator/ministry/matrix.py), so that their error count is the matrix's Kludas.
TEXT_FIELDS: tuple[Field, ...] = (*GOAL_FIELDS, *PLAN_TEXT_FIELDS, *MONTH_TEXT_FIELDS, TRANSPORT_FIELD, NOTE_FIELD_64,
                                  NOTE_FIELD_610, PROVIDER_FIELD, *(f for f in PARTY_FIELDS if f.kind == "name"))


def text_length(text: str) -> int:
    """The length of a text as the matrix's LEN counts it in LibreOffice 7.4: Unicode characters (measured,
    tests/workbook/test_pasted_formula_and_text.py; Excel counts a character outside the BMP, an emoji, as two)."""
    return len(text)


def too_long_message(field: Field, length: int, limit: int | None = None) -> str:
    """The matrix's own message (6.11) for a text of ``length`` characters over ``field``'s limit (or ``limit``, the
    one the matrix's own template checks), for the readers:
    "sniedzēja nosaukumam jābūt ne garākam par 80 zīmēm, citādi … izdrukā tikai daļu, ievadītas 81 zīme"."""
    said = TEXT_TOO_LONG.replace(LIMIT, field.extra if limit is None else str(limit)).replace(PLACE, field.place)
    return f"{field.label} {said}, {_entered(length)}"


def _entered(length: int) -> str:
    return agree(length, f"ievadīta {length} zīme", f"ievadītas {length} zīmes")


def unchecked_length_message(field: Field, length: int) -> str:
    """The readers' warning on a text over ``field``'s limit in a matrix whose older template did not check that
    text's length (D168): that file showed no error, so it is not one; the printed table may cut the text:
    "sniedzēja nosaukumam pašreizējā veidnē atļautas ne vairāk kā 80 zīmes, ievadīta 81 zīme; šīs matricas vecākā
    veidne teksta garumu nepārbaudīja, tāpēc tā nav kļūda, bet …"."""
    limit = int(field.extra)
    allowed = agree(limit, f"atļauta ne vairāk kā {limit} zīme", f"atļautas ne vairāk kā {limit} zīmes")
    return (f"{field.label} pašreizējā veidnē {allowed}, {_entered(length)}; šīs matricas vecākā veidne teksta "
            f"garumu nepārbaudīja, tāpēc tā nav kļūda, bet {field.place} izdrukā teksts var būt nogriezts (summas "
            "tas nemaina)")


def after_period(field: Field, sheet: str, number_cell: str) -> Field:
    """``field`` of a month cell whose month number is in ``number_cell`` ("$F$7") of ``sheet``: its 6.11 line knows
    whether the month is after the plan's period (D304)."""
    return replace(field, after=f"AND(h_Menesi>0,'{sheet}'!{number_cell}>h_Menesi)")


def on_line(field: Field, row64: int) -> Field:
    """``field`` as checked in the plan line of 6.4 row ``row64``: a ``units`` field knows its line (D256)."""
    return replace(field, extra=str(row64)) if field.kind in UNIT_KINDS else field


def code_formula(field: Field, x: str) -> str:
    return KINDS[field.kind].code(x, field.extra)


def short_message_formula(field: Field, code: str, x: str) -> str:
    """'E59: jābūt skaitlim, kas nav mazāks par 0' when ``code`` > 0, else '': one line of 8 pt beside the input on 6.4
    (G:I, D60), without the label (beside it), the entered value (in the cell; 6.11's list quotes it) and why a sum
    above the highest is no input (D340: „jābūt skaitlim līdz 100 000,00 EUR”, the list says the rest)."""
    texts = KINDS[field.kind].texts(field.extra, field.place).replace(f'&"{ABOVE_MAX_AFTER}"', "")
    return f'IF(N({code})>0,"{x}: "&CHOOSE({code},{texts}),"")'


def beside_message_formula(field: Field, code: str, where: str) -> str:
    """'6.1 B15: dzimšanas datumam jābūt …' when ``code`` > 0, else '': beside the input on 6.1, wrapped in its row
    (F7), without the entered value (it is in the cell beside; 6.11's list quotes it)."""
    return f'IF(N({code})>0,"{where}: {field.label} "&CHOOSE({code},{KINDS[field.kind].texts(field.extra, field.place)}),"")'


def beside_texts(field: Field, where: str, members: str = "") -> list[str]:
    """Every text ``beside_message_formula`` can show (the months' limit, a formula part, as three characters; the
    plan's round's municipalities as ``members``, the longest round's list), to size the row."""
    formula_part = '"&Param_PeriodaMenesi'
    return [f"{where}: {field.label} {m.replace(formula_part, 'nnn').replace(ROUND_MEMBERS_PART, members)}"
            .replace(PLACE, field.place).replace('"', "") for m in KINDS[field.kind].all_messages]


def message_formula(field: Field, code: str, x: str, where: str) -> str:
    """'6.10 R9: maksājumam jābūt skaitlim, ievadīts „180 eur”' when ``code`` > 0, else ''."""
    kind = KINDS[field.kind]
    return f'IF(N({code})>0,"{where}: {field.label} "&{kind.message(code, x, field.extra, field.place, field.after)},"")'
