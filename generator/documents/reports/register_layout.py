"""Where things are in the expense register workbook (28 with 29, 30 and 26): its file, sheets, first rows and
columns, the defined names of the BIP positions, the labels the tests and the other reports read, and the names of
the cells that count its wrong inputs."""

from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell

from generator.documents.reports import input_checks as checks
from generator.documents.reports.parameters import DAY, INTEGER, SHARE
from generator.reference.settlement import BIP_INDIRECT, BIP_PAY, BIP_SBS, BIP_TRANSPORT

REGISTER_ID = "izdevumu-registrs-un-parskati"
REGISTER_FILE = f"{REGISTER_ID}.xlsx"
REGISTER_ROWS = 400
S_REG, S_CASH, S_QUARTER, S_BIP, S_LISTS = (
    "28 Reģistrs", "29 Naudas plūsma", "30 Ceturkšņa pārskats", "26 BIP", "Saraksti")
BIP_NAMES = {BIP_PAY: "BIP_Atlidziba", BIP_TRANSPORT: "BIP_Transports", BIP_SBS: "BIP_SBS",
             BIP_INDIRECT: "BIP_Netiesas"}

REG_TITLE = "28. pielikums. Izdevumu reģistrs"  # the page header's title (print_setup)
REG_FIRST = 5  # first data row (0-based) of the register
REG_SIGNED_ROW, REG_TOTAL_ROW = 2, 3  # the register's signatures and, under them, its total (I:Q; D242)
REGISTER_ROW = 13.5  # pt: a register row, one line of 10 pt text (Excel's own row for it is 12.75)
# The register's columns that repeat B and C (the document's type and number) and F (Saņēmējs) on the page across
# (P, Q; D192): the signed page with the amounts says which row is a correction („korekcija”), not only by a red
# minus (audit30 F5).
REPEATED_HEADERS = ("Dokuments (veids, Nr.)", "Saņēmējs (atkārtots)")
# Characters of 10 pt text a line of a register column holds, per unit of its width (Carlito: 1.2–1.4; the
# words wrap whole, as textwrap wraps them).
REGISTER_CHARS_PER_UNIT = 1.3
CASH_FIRST = 6  # first month row (0-based) of sheet 29
# Sheet 29's opening balance (an input): on the title row above the months' column „Atlikums sākumā”, not among the
# rows from the intro to the headings, which every page down repeats (print_setup): a long round's second page showed
# it again above its months.
OPENING_ROW, OPENING_COL = 0, 11
OPENING_CELL = xl_rowcol_to_cell(OPENING_ROW, OPENING_COL)  # "L1": stated once, so a move cannot split them
QUARTER_FIRST = 5  # first quarter row (0-based) of sheet 30
# Sheet 29's printed columns A:N (month to "Iesniegt līdz"): one A4 landscape width (about 780 pt of 799 as
# LibreOffice prints them with Carlito, less in Excel), so the due dates print with their months and signatures.
CASH_WIDTHS = (7, 7, 7, 9.5, 10, 10, *[10] * 7, 10)
# Sheet 26's text columns B:D, and the characters of 10 pt text a line of them surely holds (Calibri, about 4.1 pt
# a character of Latvian text, in a column of 40 units, 210–225 pt; a long word wraps early).
BIP_WIDTH, BIP_LINE = 40, 34
QUARTERS_TOTAL = "Kopā par visiem ceturkšņiem"  # 30's total rows: spending and result indicators (audit30 F4)
# 30's result indicators: the documents counted are those of services received (D56).
INDICATORS_LABEL = "Rezultatīvie rādītāji (SBS dokumentu skaitā korekcijas neieskaita)"
REGISTER_TOTAL = (f"Kopā visās reģistra rindās, EUR (korekcijas ar mīnusa zīmi ieskaitītas; BIP {BIP_PAY} – pilnā "
                  f"atlīdzība; 29. un 30. pielikumā ieskaita tikai tās daļu un pieskaita BIP {BIP_INDIRECT})")
ON_SHEET_26 = "26. lapas dzeltenajā parametra šūnā"
# The catalogue parameters sheet 26 shows and the formulas of 29 and 30 use.
PARAMETERS = {"social_worker_children": INTEGER, "indirect_cost_rate": SHARE, "monthly_report_day": DAY,
              "quarterly_report_day": DAY}
ERRORS, FIRST_ERROR = "Kludu_Skaits", "Pirma_Kluda"  # on the hidden list sheet: wrong inputs, the first message
CASH_WARNINGS = "NP_Bridinajumi"  # 29's months with 0 children beside the register's pay (D266)


# Where the register workbook's messages are: the check column of each sheet and, for a parameter, sheet 26.
REGISTER_OTHERS = (f"Pārējās – katras lapas ailē „{checks.HEADER}” pa labi no tabulas un 26. lapā pie parametriem "
                   "(ekrānā).")
EARLIER_CORRECTION = "Korekcija_Agraka"  # the cell of register.CORRECTION_EARLIER on the list sheet
