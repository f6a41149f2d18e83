"""Sheet 6.11, the technical table: versions, programme parameters in force, the base B, the rule
checks with their counts (Kludas, Bridinajumi), the period months, the reporting periods, the holidays,
the confirmed names of the municipalities and social services with their days (party_names.py) and the
validation lists."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from decimal import Decimal

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from generator import withdrawn_wording as wording
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Impairment, Pilot, PriceStatus
from generator.lvformat import date as lv_date
from generator.lvformat import eur, percent
from generator.reference.date_serials import serial_day
from generator.reference.params import children_date_serials
from generator.reference.plan_changes import (
    ITEM_WHAT,
    PRINTED_PARAMETER,
    TRANSPORT_PARAMETER,
    Span,
    catalogue_changes,
    catalogue_confirmations,
    confirmed_parameters,
    parameter_what,
)
from generator.reference.rules import (
    GROUP_BASE_OPEN,
    GROUP_PART_OPEN,
    HOURS_A_DAY,
    IMPLAUSIBLE_TEXT,
    OWN_PRICE_OPEN,
)
from generator.reference.workbook import base_differs_text
from generator.workbook import withdrawn_base
from generator.workbook.input_checks import (
    AMOUNT_MAX,
    DATE_FORMAT_PROBE,
    PRICE_MAX,
    REASON_CODE,
    SERIAL_FIRST,
    SERIAL_LAST,
    SINGLE_FIELDS,
    SUBCENT_TOLERANCE,
    eur_formula,
    message_formula,
    money_validation,
    no_reason,
)
from generator.workbook.layout import C64, INTERFACE_VERSION, Layout, unit_code_cols
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import cross_checks, first_cell, party_names, plan_rows
from generator.workbook.sheets.calculation import (
    SUMMARY_CODES,
    TRANSPORT_STATUS_NAME,
    base_effective,
    base_provisional,
)
from generator.workbook.sheets.common import (
    HEADER_CHILD_HEIGHT,
    SHEET_ROW_HEIGHT,
    VOID_ANY,
    child_line,
    clear_of_rule,
    lv_date_formula,
    page_setup,
    protect,
)
from generator.workbook.sheets.personal import FIELDS as PERSONAL_FIELDS
from generator.workbook.sheets.personal import VALID_START
from generator.workbook.texts import (
    ASSESSMENT_ROUNDS,
    BASE_BLANK_NOTE,
    BLANK,
    FAMILY_TYPES,
    GENDERS,
    MONTHS_LV,
    NO,
    STRUCTURE_CHANGED,
    YES,
)
from generator.workbook.withdrawal_note import base_withdrawn_source, withdrawn_text

SHEET = "6.11"

# (programme parameter, internal name, kind of number)
PARAMETERS = (
    ("base_amount", "Param_Bazes", "money"),
    ("rate_full", "Param_LikmePilna", "rate"),
    ("rate_reduced", "Param_LikmeSamazinata", "rate"),
    ("full_rate_max_age", "Param_PilnasLikmesVecums", "whole"),
    ("eligibility_age_limit", "Param_VecumaRobeza", "whole"),
    ("transport_share_max", "Param_TransportaDala", "rate"),
    ("expert_weight", "Param_EkspertuSvars", "rate"),
    ("parent_weight", "Param_VecakuSvars", "rate"),
    ("period_months_max", "Param_PeriodaMenesi", "whole"),
)

PARAM_FIRST = 12
TRANSPORT_ROUND_NOTE = ("kārtai robeža jāprecizē Labklājības ministrijas noteikumos par kārtu (metodikas robeža – "
                        "izmēģinājumprojektam); kamēr tā nav apstiprināta, matrica pārsniegumu neskaita")
BASE_ROW = PARAM_FIRST + len(PARAMETERS)  # Bazes_Apmers
BASE_EFFECTIVE_ROW = BASE_ROW + 1
MONTHS_ROW = BASE_ROW + 2
MONTHS_OK_ROW = BASE_ROW + 3
TRANSPORT_FLAG_ROW = BASE_ROW + 4
RULES_SECTION = TRANSPORT_FLAG_ROW + 2
RULES_FIRST = RULES_SECTION + 2
KINDS = ("kļūda", "brīdinājums", "ieraksts")
NO_REASON = no_reason("Transporta_Pamatojums", REASON_CODE)  # D9's justification not given: none, or no text (D331)
# Hidden columns: the rule codes (for tools), the code of the base's check, and the table of every
# checked input cell (its message when invalid, the running count of invalid cells).
RULE_CODE, TABLE_CODE, TABLE_MESSAGE, TABLE_COUNT = "S", "T", "U", "V"
TABLE_FIRST = 5
DATE_PROBE_ROW = 9  # the date format's probe (D282) in TABLE_CODE, its General cell below it
# the columns' widths; the list of invalid inputs prints in one line of 8 pt across A:F (tests/workbook/
# test_check_messages.py measures its longest line)
WIDTHS = {"A": 50, "B": 16, "C": 12, "D": 12, "E": 14, "F": 34, "G": 3, "H": 8, "I": 16, "J": 26, "K": 10, "L": 8,
          "M": 18, "N": 30, "O": 34, "P": 10, "Q": 18, "R": 12}
SERIAL_ROW = DATE_PROBE_ROW + 2  # the first and (below it) the last day of D286's serials in TABLE_CODE
# D340: the plausible highest B, F or other source and (below it) 6.8 price, from the catalogue, in TABLE_CODE
MAX_ROW = SERIAL_ROW + 3  # T13 between them is withdrawn_base.CELL
MAXIMA = (("input_amount_max", AMOUNT_MAX), ("unit_price_max", PRICE_MAX))
LISTS_FIRST = 6  # first value row of the lists (columns H…)
# the cells the list names: the invalid inputs and the cells whose value differs from its computation (D153)
LISTED = "h_Nederigas"


# Characters of 9 pt Calibri on one line of the 34-wide source column (F), counted low.
SOURCE_CHARS_PER_LINE = 38
FORMULA_TEXT_MAX = 255  # the characters of one text constant in an Excel formula


def _quoted(text: str) -> str:
    """A text as a formula's constant: its quotation marks doubled."""
    return text.replace('"', '""')


def text_constant(text: str) -> str:
    """A text as a formula's expression: one quoted constant, or – longer than a constant holds (FORMULA_TEXT_MAX) –
    constants of at most that many characters joined with & (Excel 2010 and LibreOffice compute it alike)."""
    pieces = [text[i:i + FORMULA_TEXT_MAX] for i in range(0, len(text), FORMULA_TEXT_MAX)] or [""]
    return "&".join(f'"{_quoted(piece)}"' for piece in pieces)

# audit20 F14: the description of the check of month data in a line with no service names the (first) line once
# there is one: "6.3. tabulas N. rindā[ un vēl citās] nav …" (NAMED_RULES; ordinals kept with their word), the plain
# text otherwise; its row is as high as the longest of them (RULE_LONGEST)
IGNORED_TAIL = " nav pakalpojuma vai daudzuma, bet 6.6. vai 6.10. tabulā ir mēnešu dati."
NAMED_RULES = {
    "ignored_line_data": f'IF(SUM(f_Tuksa)=0,"Rindā{IGNORED_TAIL}","6.3.\u00a0tabulas "&MATCH(1,f_Tuksa,0)&".\u00a0rindā"&'
                         f'IF(SUM(f_Tuksa)>1," un vēl citās","")&"{IGNORED_TAIL}")',
}
# D370: a price above its unit's plausible highest names the first such line's 6.8 price cell, its plan line and the
# bound of its unit (6.8's h_Pak_CenaTicama, from the catalogue) in the reference's words (rules.IMPLAUSIBLE_TEXT); one
# line, as the room of the last checks page allows (D205)
IMPLAUSIBLE_PLAIN = "Sniedzēja cena virs tās mērvienības ticamās cenas, un cenas griestu nav – jāpārbauda (katra rinda)."
_FIRST = "MATCH(1,f_CenaNeticama,0)"
_ITEM = f"INDEX(h_Rinda,{_FIRST})"
IMPLAUSIBLE_TAIL = " – jāpārbauda."
NAMED_RULES["price_implausible"] = (
    f'IF(SUM(f_CenaNeticama)=0,"{IMPLAUSIBLE_PLAIN}","6.8.\u00a0tabulas "&{first_cell.cell_address("Pak_Cena", _ITEM)}&" ("&{_FIRST}'
    f'&".\u00a0plāna rinda"&IF(SUM(f_CenaNeticama)>1," un citas","")&"): cena {IMPLAUSIBLE_TEXT} "'
    f'&{eur_formula(f"INDEX(h_Pak_CenaTicama,{_ITEM})")}&"{IMPLAUSIBLE_TAIL}")')
RULE_LONGEST = {"ignored_line_data": f"6.3. tabulas 99. rindā un vēl citās{IGNORED_TAIL}",
                "price_implausible": f"6.8. tabulas I999 (40. plāna rinda un citas): cena {IMPLAUSIBLE_TEXT} 5 000,00 "
                                     f"EUR{IMPLAUSIBLE_TAIL}"}


# D154: each other funding source above N, a warning (as the reference's check_sources: a sub-cent amount is an
# invalid input instead)
# ISNUMBER in an IF of its own: AND evaluates every argument, and the arithmetic on a text typed into the cell (an
# invalid input, counted as an error) made the warnings' total #VALUE! (audit42 F5)
# D386: the warning waits while the source is an invalid input (its check code on 6.4 above 0: above the plausible
# highest, D340, a day's serial, D286, a negative …): that is one error, not an error and a warning
SOURCE_CODES = {name: f"'6.4'!${code}${Layout.calc_first - 2}"
                for name, code in zip(("Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi"), SUMMARY_CODES[1:], strict=True)}
SOURCES_ABOVE_NEEDED = "+".join(
    f"IF(N({code})>0,0,IF(ISNUMBER({x}),IF(AND({x}>N(IB_Nepieciesamais),ABS({x}-ROUND({x},2))<={SUBCENT_TOLERANCE}),"
    "1,0),0))"
    for x, code in SOURCE_CODES.items())


# D257: a typed B (valid, not the code of an invalid input beside it) that is 0 or differs from the catalogue's B,
# or equals it while the catalogue's B is not confirmed (audit33b F2; the reference's check_base)
BASE_DIFFERS = (f"IF(AND(ISNUMBER(Bazes_Apmers),N({TABLE_CODE}{BASE_ROW})=0),"
                "IF(OR(Bazes_Apmers=0,ROUND(Bazes_Apmers,2)<>ROUND(Param_Bazes,2),"
                f'Param_BazesStatuss<>"{PriceStatus.confirmed.value}"),1,0),0)')
# D364: an active line (h_Aktiva: its price a valid number) priced 0,00, not empty (missing_price) nor of a unit fixing
# its own price (actual_cost_price)
NO_PROVIDER_PRICE = "SUMPRODUCT((h_Aktiva=1)*(h_Cena=0)*(f_BezCenas=0)*(f_EiroCena=0))"
RULE_COUNT_NAMES = {"base_differs": "h_BazeCita", "no_provider_price": "h_CenaNulle",
                    "price_implausible": "h_CenaNeticama"}  # D370
_BASE_MARK, _CATALOGUE_MARK = Decimal("111111.11"), Decimal("222222.22")  # stand-ins for the two figures


def base_differs_formula() -> str:
    """The reference's ``base_differs`` words (base_differs_text) with the typed and the catalogue's B as formulas."""
    def said(base: Decimal) -> str:
        text = base_differs_text(base, _CATALOGUE_MARK)
        for mark, ref in ((_BASE_MARK, "Bazes_Apmers"), (_CATALOGUE_MARK, "Param_Bazes")):
            text = text.replace(eur(mark), f'"&{eur_formula(ref)}&"')
        return f'"{text}"'
    return (f"IF(Bazes_Apmers=0,{said(Decimal(0))},IF(ROUND(Bazes_Apmers,2)=ROUND(Param_Bazes,2),"
            f"{said(_CATALOGUE_MARK)},{said(_BASE_MARK)}))")


def _cell_61(name: str) -> str:
    """6.1's input cell of the defined name ``name`` (its value column B), e.g. "B38" for Perioda_Sakums."""
    return next(f"B{row}" for row, _, _, field, _, _ in PERSONAL_FIELDS if field == name)


# The period's rules name 6.1's cells, as the invalid-input list does ("6.1. tabula, B38"; audit42 F7), not the
# sheet alone
PERIOD_START = f"6.1: {_cell_61('Perioda_Sakums')}"
PERIOD_CELLS = f"6.1: {_cell_61('Perioda_Sakums')}, {_cell_61('Perioda_Menesi')}"


def rules(multipli: str) -> list[tuple[str, str, str, str, str]]:
    """(code, severity, Latvian description, where it shows, count formula) of every rule check.

    The counts are the reference's (generator/reference/rules.py): one per violation instance.
    ``missing_price`` and ``invalid_input`` exist only in the workbook (the reference receives plan
    lines that always have a catalogue item and a price, and typed values).
    """
    return [
        ("not_eligible", "kļūda", "Bērns nav tiesīgs saņemt IB: pārbaudes datumā (pārskata perioda pirmajā dienā) "
         "tas vēl nav dzimis vai tam jau ir vecums, kurā IB nepienākas, vai šo vecumu tas sasniegs līdz kārtas "
         "pēdējai dienai.", "6.1", "h_Neatbilst"),
        ("outside_reporting_period", "kļūda", "Plāna pirmā diena nav nevienā programmas kārtas pārskata periodā; "
         "IB nevar aprēķināt.", PERIOD_START, "h_PerArpus"),
        ("past_reporting_period", "kļūda", "Plāna mēneši sniedzas pāri tā pārskata perioda beigām; plānam jāiekļaujas "
         "vienā pārskata periodā.", PERIOD_CELLS, "h_PerParsniegts"),
        ("prices_not_in_force", "kļūda", "Plāns sākas pirms šīs matricas cenu dienas, vai katalogs plāna periodā "
         "maina tajā izmantotu cenu vai parametru; kas mainās, kad un kā rīkoties, rakstīts 6.1. tabulas statusā.",
         PERIOD_CELLS, "h_CenasArpus"),
        # D371: an error, as the reference, the documents and collect count it (the parent contract allows it only
        # with the reason, D71); a share that cannot be computed – an amount it rests on is invalid, counted where it
        # is – counts neither row (an error value here would make the error count one); nor does a share while a plan
        # line is void (D378: h_TranspParsniegts is 0)
        ("transport_share", "kļūda", "No IB finansētā transporta daļa no IB pieejamā apmēra ir lielāka, "
         "nekā bez rakstiska pamatojuma atļauts, un pamatojums nav norādīts.", "6.4",
         f"IF(ISNUMBER(h_TranspParsniegts),IF(h_TranspParsniegts=1,IF({NO_REASON},1,0),0),0)"),
        ("transport_share_overridden", "ieraksts", "Transporta daļas pārsniegums ar sociālā darbinieka pamatojumu "
         "(reģistrēts, neskaita).", "6.4",
         f"IF(ISNUMBER(h_TranspParsniegts),IF(h_TranspParsniegts=1,IF({NO_REASON},0,1),0),0)"),
        ("source_above_needed", "brīdinājums", "Cita finansējuma avota summa pārsniedz IB nepieciešamo apmēru N; "
         "kopējā apmērā K no tās izmanto tikai N – jāpārbauda, vai summa ievadīta pareizi (katrs avots).", "6.4",
         SOURCES_ABOVE_NEEDED),
        # one line (D205's room on the first checks page): the words beside B say the rest
        ("base_differs", "brīdinājums", "Ierakstītais bāzes apmērs B ir 0, atšķiras no kataloga B vai ir tā "
         "neapstiprinātā vērtība – jāpārbauda.", "6.11", BASE_DIFFERS),
        ("incompatible", "brīdinājums", "Pakalpojumi, ko nedrīkst saņemt vienlaikus (katrs pāris): jāpārliecinās, "
         "ka to laiki nepārklājas.", "6.3, 6.4", "SUM(f_Nesaderigs)"),
        ("day_care_sessions", "brīdinājums", "Plānā ir dienas aprūpes centrs, kas jau ietver speciālistu un grupu "
         "nodarbības, un tādas pašas nodarbības citur (katrs pāris); jāapstiprina, ka tās ir cita speciālista vai "
         "grupas nodarbības.", "6.3, 6.4", "SUM(f_Nodarbibas)"),
        ("day_services", "kļūda", "Dienas aprūpes centra un specializētās darbnīcas plānotās dienas mēnesī "
         "pārsniedz šā mēneša darba dienas plāna periodā (katrs mēnesis).", "6.6, 6.11", "SUM(h_DienasParkapums)"),
        ("price_above_ceiling", "kļūda", "Sniedzēja cena pārsniedz normatīvajos aktos, deleģēšanas līgumā vai grupu "
         "nodarbībām noteikto maksimālo cenu (katra plāna rinda).", "6.4, 6.8", "SUM(f_Cena)"),
        ("actual_cost_price", "kļūda", "Pakalpojumam ar mērvienību „euro (faktiskās izmaksas)” daudzums ir summa "
         "euro, tāpēc sniedzēja cenai jābūt 1,00 EUR (katra plāna rinda).", "6.3, 6.8", "SUM(f_EiroCena)"),
        # D358: each case's reason in the reference's words (rules.unconfirmed_why), not one for both
        # two lines, as before: a third moved the last rules to a page of their own (tests/workbook/test_ceiling_reason_611)
        ("ceiling_unconfirmed", "brīdinājums", f"Cenas griesti nav apstiprināti (katra rinda): jāprecizē {OWN_PRICE_OPEN}, "
         f"grupu nodarbībai – {GROUP_BASE_OPEN} vai {GROUP_PART_OPEN}.",
         "6.3, 6.4, 6.8", "SUM(f_GriestiNeapst)"),
        ("monthly_units", "kļūda", "Mēnešu vienību summa 6.6. tabulā nesakrīt ar daudzumu periodā 6.3. tabulā (katra rinda).",
         "6.6", "SUM(f_Menesi)"),
        ("outside_period", "kļūda", "6.6. vai 6.10. tabulā ir vērtības pēc perioda pēdējā mēneša (katra rinda).",
         "6.6, 6.10", "SUM(f_Arpus)"),
        ("delivered_above_plan", "kļūda", "Saņemts vairāk vienību, nekā plānots līdz attiecīgajam mēnesim vai "
         "periodā (katra rinda).", "6.10", "SUM(f_Sanemts)"),
        ("paid_above_delivered", "kļūda", "Samaksāts vairāk, nekā maksā saņemtās vienības vai plānotais apjoms "
         "(katra rinda).", "6.10", "SUM(f_Samaksats)"),
        ("impairment", "kļūda", "Pakalpojums paredzēts citam traucējumu veidam (katra rinda).", "6.3",
         f'IF(Berns_Traucejums="{multipli}",0,SUM(f_Traucejums))'),
        ("impairment", "brīdinājums", "Bērnam ar multipliem traucējumiem izvēlēts pakalpojums noteiktam traucējumu "
         "veidam – jāpārliecinās, ka tas atbilst (katra rinda).", "6.3",
         f'IF(Berns_Traucejums="{multipli}",SUM(f_Traucejums),0)'),
        ("recipient", "kļūda", "Rindā norādītais saņēmējs neatbilst pakalpojuma saņēmējam (katra rinda).", "6.3",
         "SUM(f_Sanemejs)"),
        ("ignored_line_data", "kļūda", f"Rindā{IGNORED_TAIL}", "6.6, 6.10", "SUM(f_Tuksa)"),
        # two lines (the month's check beside it kept 6.11's checks on two pages)
        ("units_above_period", "kļūda", "Daudzums periodā pārsniedz plāna perioda dienas: diennaktīm – kalendāra "
         f"dienas, darba dienām – darba dienas (bez svētku dienām), stundām – {HOURS_A_DAY} stundas katrā dienā "
         "(katra rinda).", "6.3, 6.4", "SUM(f_VienibuRobeza)"),
        ("units_above_month", "kļūda", "Diennakšu vai stundu mēnesī vairāk, nekā mēnesim ir dienu vai stundu plāna "
         "periodā (katra šūna).", "6.6", "SUM(f_MenVienibuRobeza)"),
        ("line_above_provisional", "brīdinājums", "Reižu, kursu vai euro rindas summa viena pati pārsniedz bērna IB "
         "provizorisko apmēru P – jāpārbauda daudzums un cena (katra rinda).", "6.3, 6.4", "SUM(f_RindaVirsP)"),
        ("missing_price", "kļūda", "Plānā izvēlētajam pakalpojumam 6.8. tabulā nav norādīta sniedzēja cena.", "6.8",
         "SUM(f_BezCenas)"),
        # D364: a price of 0,00 is no provider's price yet (D313); a unit fixing its own price has actual_cost_price.
        # One line, as the room of the last checks page allows (D205)
        ("no_provider_price", "brīdinājums", "Sniedzēja cena 6.8. tabulā ir 0,00 – nav sniedzēja cenas, tāpēc N to "
         "neietver (katra plāna rinda).", "6.4, 6.8", NO_PROVIDER_PRICE),
        # D370: a price above its unit's plausible highest with no ceiling figure; named by its first cell (NAMED_RULES)
        ("price_implausible", "brīdinājums", IMPLAUSIBLE_PLAIN, "6.4, 6.8", "SUM(f_CenaNeticama)"),
        # one line (the last checks page keeps D364's and D370's rows and D205's room): each listed cell's message says
        # what is wrong with it (a text, a date, a negative or implausibly large number, cents, a value not listed, a
        # formula)
        ("invalid_input", "kļūda", "Ievades šūnā ir nederīga vērtība, mainīta aprēķina šūna vai paslēpta plāna rinda "
         "(saraksts zemāk).",
         "visas tabulas", LISTED),
    ]


RULE_COUNT = len(rules(Impairment.multipli.value))
# On paper 6.11 takes three pages, whatever the number of errors (LibreOffice prints the list's formula rows also
# when they show nothing, D198): the parameters, then the checks table on pages of its own (a manual break before
# RULES_SECTION), each after a manual break and opened by a copy of its heading row (RULES_HEADING_COPIES): print
# titles repeat one block only (row 3, the child), so the table's headings would not print there otherwise (F6). The
# rules are shared out as evenly as the pages allow, so that no page holds a lone check; the last one also holds the
# totals and the whole list of errors (its heading, status and INVALID_SHOWN rows: INVALID_BLOCK_HEIGHT), every row of
# which prints (D191). The table takes the page's width (audit9 F10: its rows were three or four lines high in two
# thirds of it): a check's description in A:C (RULE_TEXT_TO), its kind in D, its count in E and where it shows in F,
# one line. To fit in three pages (it printed four, the last holding the list's empty rows) the descriptions and the
# list print at 8 pt in rows as low as Excel's lines of 8 pt need, and only the child's row repeats on every page
# (the page header names the table, as on the signed annexes).
# The rows per page are computed from the row heights, all set explicitly so that LibreOffice and Excel agree:
# landscape A4 (595,3 pt) less the margins (0,4 in each, the header and footer inside them).
PAGE_BODY = 595.3 - 2 * 0.4 * 72
REPEAT_FROM = 3  # the rows repeated on every page: the child's (rows 1–2, the title and the note, on the first only)
REPEATED_HEIGHT = HEADER_CHILD_HEIGHT
SECTION_HEIGHT = 24  # the section title (10 pt bold) and, in B:F, the transport note (two lines of 8 pt at most)
HEADING_HEIGHT = 15  # "Pārbaude", "Veids", "Skaits", "Kur redzams": one line of 9 pt
TOTAL_ROW_HEIGHT = 13  # "Kļūdas kopā", "Brīdinājumi kopā": one line of 9 pt (15 px, 11,25 pt in Excel)
TOTALS_HEIGHT = 2 * TOTAL_ROW_HEIGHT
GAP_HEIGHT = 8  # the empty row between the totals and the list
DEFAULT_HEIGHT = SHEET_ROW_HEIGHT  # the list's section title (10 pt bold) in a row whose height is not set
# two lines of 9 pt across A:F (the longest status: more invalid cells than listed) and 4 pt of room above them, under
# the section title's rule and the list: the status is centred in its row (it touched the rule, matrixprint F7)
STATUS_ROW_HEIGHT = 30
# Excel's line of 8 pt Calibri: 14 px (tests/workbook/cell_layout.py); LibreOffice's is lower (9,6 pt)
LINE_HEIGHT = 10.5
LIST_ROW_HEIGHT = LINE_HEIGHT  # a row of the list: one line of 8 pt
INVALID_SHOWN = 30  # invalid input cells listed by message, every row shown and printed; the rest are counted
# below the totals on the last checks page: the gap, the list's heading, its status and all its rows
INVALID_BLOCK_HEIGHT = GAP_HEIGHT + DEFAULT_HEIGHT + STATUS_ROW_HEIGHT + INVALID_SHOWN * LIST_ROW_HEIGHT
PAGE_SLACK = 20  # LibreOffice's and Excel's roundings of the heights (Excel's to whole pixels)
# More room kept free on the last checks page, the fullest (D205): with PAGE_SLACK alone its 25 checks went 22 and 3,
# and the third page, the list's last row at 515,5 pt of 537,7, kept 2 pt beyond the slack (22 pt in LibreOffice,
# which prints the heights as set) – too little if Excel 2010's page body is shorter (its printer's header and footer
# spacing). With this the rules go 23 and 2: the third page keeps 40 pt (44 before the status row got 4 pt taller),
# the second 67 pt.
LAST_PAGE_SPARE = 12
FIRST_ROOM = PAGE_BODY - REPEATED_HEIGHT - SECTION_HEIGHT - HEADING_HEIGHT - PAGE_SLACK  # for rules, first page
NEXT_ROOM = PAGE_BODY - REPEATED_HEIGHT - HEADING_HEIGHT - PAGE_SLACK  # for rules, every further page
# A rule's text wraps in A:C (78 wide) at 8 pt: RULE_CHARS_PER_LINE characters a line, counted low (at 9 pt a line
# holds 95–110 of them at Excel's width, counted as 90; 8/9 of the size holds 9/8 of the characters), LINE_HEIGHT a
# line and RULE_PADDING more.
RULE_TEXT_TO = "C"
RULE_CHARS_PER_LINE = 101
RULE_PADDING = 1


def rule_lines(text: str) -> int:
    """The lines a rule's row holds: its text wrapped at RULE_CHARS_PER_LINE characters."""
    return max(1, len(textwrap.wrap(text, RULE_CHARS_PER_LINE)))


RULE_HEIGHTS = tuple(LINE_HEIGHT * rule_lines(RULE_LONGEST.get(code, text)) + RULE_PADDING
                     for code, _, text, _, _ in rules(Impairment.multipli.value))


def page_starts(heights: tuple[float, ...]) -> tuple[int, ...]:
    """The index of the first rule on each page: the fewest pages that hold the rules (the first page after the
    section title, the last one with both totals), with their numbers of rules as even as those pages allow."""
    count = len(heights)
    for pages in range(1, count + 1):
        best: tuple[int, tuple[int, ...]] | None = None
        for cuts in itertools.combinations(range(1, count), pages - 1):
            bounds = (0, *cuts, count)
            spans = list(itertools.pairwise(bounds))
            rooms = [FIRST_ROOM if k == 0 else NEXT_ROOM for k in range(pages)]
            rooms[-1] -= TOTALS_HEIGHT + INVALID_BLOCK_HEIGHT + LAST_PAGE_SPARE
            if all(sum(heights[a:b]) <= room for (a, b), room in zip(spans, rooms, strict=True)):
                sizes = [b - a for a, b in spans]
                spread = max(sizes) - min(sizes)
                if best is None or spread < best[0]:
                    best = (spread, bounds[:-1])
        if best is not None:
            return best[1]
    raise ValueError("a rule taller than a page")


RULE_PAGE_STARTS = page_starts(RULE_HEIGHTS)


def rule_row(index: int) -> int:
    """The row of the rule ``index`` (0-based): the heading copies that open the pages before it push it down."""
    return RULES_FIRST + index + sum(1 for start in RULE_PAGE_STARTS[1:] if start <= index)


def rule_row_of(code: str) -> int:
    """The 6.11 row that counts rule ``code`` (its first row, for a code of two kinds): what the tools' messages and
    the filling guide name („6.11. tabulas N. rinda”)."""
    return rule_row(next(i for i, rule in enumerate(rules(Impairment.multipli.value)) if rule[0] == code))


# the heading row again, first row of each page after the first (the row above that page's first rule)
RULES_HEADING_COPIES = tuple(rule_row(start) - 1 for start in RULE_PAGE_STARTS[1:])
RULES_LAST = rule_row(RULE_COUNT - 1)  # the last rule
TOTALS_ROW = RULES_LAST + 1
INVALID_SECTION = TOTALS_ROW + 3
INVALID_STATUS = INVALID_SECTION + 1  # how many there are
INVALID_FIRST = INVALID_STATUS + 1
INVALID_LAST = INVALID_FIRST + INVALID_SHOWN - 1
MONTHS_SECTION = INVALID_LAST + 3
MONTHS_FIRST = MONTHS_SECTION + 2
HEADERS_SECTION = MONTHS_FIRST + 7
PERIODS_SECTION = HEADERS_SECTION + 8
PERIODS_FIRST = PERIODS_SECTION + 2


def tables(where: str) -> str:
    """The sheets a rule shows on, as a person reads them (D59): "6.3, 6.4" -> "6.3., 6.4. tabula"; a sheet with its
    cells: "6.1: B38, B39" -> "6.1. tabula, B38, B39"."""
    if not where[:1].isdigit():
        return where
    if ": " in where:
        sheet, cells = where.split(": ", 1)
        return f"{sheet}. tabula, {cells}"
    return ", ".join(f"{sheet}." for sheet in where.split(", ")) + " tabula"


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    cat, day = book.catalogue, book.day
    months = book.layout.months
    # A:F on one landscape page: with F 60 wide every page had a page across holding F alone, or nothing but the
    # repeated labels where F is empty (the checks)
    sh.widths(WIDTHS)
    # title and note in the repeated column A: whole on every page across
    sh.text("A1", "6.11. IBM matricas tehniskā tabula", st.title)
    sh.text(
        "A2",
        "Tabulu aizpilda matricas ģenerators no kataloga. Sociālais darbinieks ieraksta tikai bāzes apmēru B, kad LM "
        "to noteikusi; pārējās vērtības aprēķina formulas.",
        st.note,
    )
    sh.row_height(2, 32)  # three lines of 8 pt at Excel's narrower width of column A

    sh.text("A4", "Versija", st.section)
    sh.text("A5", "Saskarnes versija (definēto nosaukumu kopa)", st.label)
    sh.text("B5", INTERFACE_VERSION, st.out_text)
    sh.define("IBM_Saskarne", "B5")
    clear_of_rule(sh, 4)
    sh.text("A6", "Veidnes versija (kataloga versija un izkārtojuma redakcija)", st.label)
    # audit42 F8: "2023-04-01+b446bac9.10" is wider than B at 9 pt and ran over the cell's border: B:C merged
    sh.merge_text("B6:C6", book.cache.version, st.out_text)
    sh.define("IBM_Versija", "B6")
    sh.text("A7", "Cenas un parametri spēkā uz", st.label)
    sh.date("B7", day, st.out_date)
    sh.define("Parametru_Datums", "B7")
    # the last day those prices hold: the day before the catalogue's next change, blank when none is known (D61)
    sh.text("A8", "Cenas un parametri spēkā līdz (tukšs – izmaiņas nav zināmas)", st.label)
    until = cat.prices_until(day)
    if until is None:
        sh.blank("B8", st.out_date)
    else:
        sh.date("B8", until, st.out_date)
    sh.define("Parametru_Lidz", "B8")
    confirmed_note(sh, cat, day)
    _plan_until(sh)
    # 1 when the plan period (inside a reporting period) starts before B7 or reaches a change of what it uses
    # (h_PlanaLidz, D61): prices_not_in_force
    sh.formula(f"{TABLE_CODE}8", "IF(AND(ISNUMBER(Perioda_Sakums),h_PerIndekss>0),IF(OR(Perioda_Sakums<"
               "Parametru_Datums,AND(ISNUMBER(h_PlanaLidz),ISNUMBER(Perioda_Beigas),Perioda_Beigas>h_PlanaLidz)),"
               "1,0),0)", st.helper, 0)
    sh.define("h_CenasArpus", f"{TABLE_CODE}8")
    # D282: 1 where CELL("format") of a General cell (T10, no format) is not "G" (LibreOffice's "F0"): there "G" of a
    # number input's format means a date or time format (input_checks.date_formatted); 0 in Excel
    sh.number(f"{TABLE_CODE}{DATE_PROBE_ROW + 1}", 0)
    sh.formula(f"{TABLE_CODE}{DATE_PROBE_ROW}", f'IF(CELL("format",{TABLE_CODE}{DATE_PROBE_ROW + 1})="G",0,1)',
               st.helper, 1)
    sh.define(DATE_FORMAT_PROBE, f"{TABLE_CODE}{DATE_PROBE_ROW}")
    # D286: the first and the last day whose serial, as a whole number in a number input, is an invalid input: 1 January
    # of the year before the catalogue's first children's round starts (Params.date_serials) and the spreadsheet's own
    # last day (no upper end of the programme's); no children's round, no day
    serials = children_date_serials(cat)
    # (its own name for the bound: ``day`` is the matrix's day, which the parameters below are read on)
    for row, name, bound in ((SERIAL_ROW, SERIAL_FIRST, serials and serial_day(serials.first)),
                             (SERIAL_ROW + 1, SERIAL_LAST, serials and serial_day(serials.last))):
        if bound is None:
            sh.text(f"{TABLE_CODE}{row}", "", st.helper_text)
        else:
            sh.date(f"{TABLE_CODE}{row}", bound, st.helper)
        sh.define(name, f"{TABLE_CODE}{row}")
    # D340: the plausible highest money inputs (catalogue/programme.yaml), which the checks of B, F, the other sources
    # and the 6.8 prices read
    for row, (attr, name) in enumerate(MAXIMA, start=MAX_ROW):
        sh.number(f"{TABLE_CODE}{row}", Decimal(getattr(cat.programme, attr).at(day).value), st.helper)
        sh.define(name, f"{TABLE_CODE}{row}")
    sh.text("A9", "Izveidots ar", st.label)
    sh.text("B9", "IBM rīkkopa (ibm matrix)", st.out_text)

    sh.text("A10", "Programmas parametri (no kataloga)", st.section)
    for c, head in zip("ABCDEF", ("Parametrs", "Vērtība", "Mērvienība", "Spēkā no", "Statuss", "Avots"), strict=True):
        sh.text(f"{c}11", head, st.header_wrap)
    fmt = {"money": st.out_money, "rate": st.out_rate, "whole": st.out_whole}
    for i, (attr, name, kind) in enumerate(PARAMETERS):
        row = PARAM_FIRST + i
        param = getattr(cat.programme, attr)
        dated = param.at(day)
        sh.text(f"A{row}", param.name_lv, st.label)
        value = dated.value
        sh.number(f"B{row}", Decimal(value) if not isinstance(value, int) else value, fmt[kind])
        sh.define(name, f"B{row}")
        sh.text(f"C{row}", param.unit or "", st.out_text)
        sh.date(f"D{row}", dated.effective_from, st.out_date)
        status, source = dated.status.value, dated.source
        if attr == "transport_share_max":
            # D287: the limit binds only a round that confirms it; the flag below reads this cell
            if not cat.transport_limit_applies(day):
                status, source = PriceStatus.to_verify.value, f"{source}; {TRANSPORT_ROUND_NOTE}"
            sh.define(TRANSPORT_STATUS_NAME, f"E{row}")
        shown = source
        if attr == "base_amount" and withdrawn_base.withdrawable(cat, day):
            # D319: B's real status in a matrix made after its withdrawal (the mark, withdrawn_base.py), and the
            # withdrawing entry's source (a long one in pieces a text constant holds: text_constant)
            marked = f"N({withdrawn_base.NAME})=1"
            sh.formula(f"E{row}", f'IF({marked},"{PriceStatus.to_verify.value}","{status}")',
                       st.out_text, PriceStatus.to_verify.value if book.base_withdrawn is not None else status)
            gone = base_withdrawn_source(cat, day) or source
            sh.formula(f"F{row}", f"IF({marked},{text_constant(gone)},{text_constant(source)})", st.out_text_wrap,
                       gone if book.base_withdrawn is not None else source)
            shown = max(gone, source, key=len)
        else:
            sh.text(f"E{row}", status, st.out_text)
            sh.text(f"F{row}", source, st.out_text_wrap)
        lines = -(-len(shown) // SOURCE_CHARS_PER_LINE)
        if lines > 1:  # a long source wraps: the row grows with it instead of printing over the next row
            sh.row_height(row, 12 * lines + 3)

    base = cat.programme.base_amount.at(day)
    sh.define("Param_BazesStatuss", f"E{PARAM_FIRST}")
    sh.text(f"A{BASE_ROW}", "Bāzes apmērs šai matricai (B); tukšs – izmanto kataloga vērtību", st.label_bold)
    # prefilled only when the catalogue's B is confirmed: a figure here is the ministry's B for the documents
    # and the collection; an unconfirmed B stays out of the input, the calculation takes it as provisional (D22)
    # …and not one the catalogue puts back to „jāprecizē” by the day the matrix is made (D318)
    if base.status is PriceStatus.confirmed and book.base_withdrawn is None:
        sh.number(f"B{BASE_ROW}", Decimal(base.value), st.input_money)
    else:
        sh.blank(f"B{BASE_ROW}", st.input_money)
    sh.define("Bazes_Apmers", f"B{BASE_ROW}")
    highest = eur(cat.programme.input_amount_max.at(day).value)  # D340, AMOUNT_MAX's figure
    sh.ws.data_validation(f"B{BASE_ROW}", money_validation(
        f"B{BASE_ROW}", "Bāzes apmērs", f"Ievadiet summu EUR (skaitlis ≥ 0, ne lielāks par {highest}).",
        maximum=AMOUNT_MAX))
    base_field = next(f for f in SINGLE_FIELDS if f.name == "Bazes_Apmers")
    base_code = sh.check(base_field, f"B{BASE_ROW}", f"{TABLE_CODE}{BASE_ROW}")
    # an invalid B says so; a valid one that is 0 or not the catalogue's is a warning (D257) in the reference's words
    sh.formula(f"C{BASE_ROW}", f"IF(N({base_code})>0,"
               f"{message_formula(base_field, base_code, f'B{BASE_ROW}', f'{SHEET} B{BASE_ROW}')},"
               f'IF({BASE_DIFFERS}=1,"{SHEET} B{BASE_ROW}: "&{base_differs_formula()},""))', st.beside, "")
    sh.ws.conditional_format(f"B{BASE_ROW}", {"type": "formula", "criteria": f"={base_code}>0",
                                              "format": st.error_mark})
    sh.text(f"A{BASE_EFFECTIVE_ROW}", "Aprēķinā izmantotais bāzes apmērs", st.label)
    sh.formula(f"B{BASE_EFFECTIVE_ROW}", base_effective(base_code), st.out_money, Decimal(base.value))
    sh.define("B_Efektivais", f"B{BASE_EFFECTIVE_ROW}")
    provisional = int(base_provisional(sh))
    # D318: the mark of a B withdrawn by the day the matrix is made (withdrawn_base.py); empty in the template
    if book.base_withdrawn is not None:
        sh.number(withdrawn_base.CELL, withdrawn_base.MARK, st.helper)
    else:
        sh.blank(withdrawn_base.CELL, st.helper)
    sh.define(withdrawn_base.NAME, withdrawn_base.CELL)
    # B rests on the catalogue's unconfirmed B: none typed, or that very B copied into the cell (D257, as
    # reference.params.ministry_base); nested IFs, as ROUND of a text B would be an error in Excel 2010's OR
    sh.formula(f"{TABLE_CODE}{BASE_EFFECTIVE_ROW}",
               f'IF(OR(Param_BazesStatuss="{PriceStatus.to_verify.value}",N({withdrawn_base.NAME})=1),'
               'IF(ISNUMBER(Bazes_Apmers),'
               'IF(ROUND(Bazes_Apmers,2)=ROUND(Param_Bazes,2),1,0),1),0)',
               st.helper, provisional)
    sh.define("h_BazeProviz", f"{TABLE_CODE}{BASE_EFFECTIVE_ROW}")
    # in one line of C:E (the first page across): in C alone it wrapped into three lines and the row cut the last
    sh.ws.merge_range(f"C{BASE_EFFECTIVE_ROW}:E{BASE_EFFECTIVE_ROW}", "", st.alert)
    sh.formula(f"C{BASE_EFFECTIVE_ROW}", f'IF(h_BazeProviz=1,"{BASE_BLANK_NOTE}","")', st.alert,
               BASE_BLANK_NOTE if provisional else "")
    sh.text(f"A{MONTHS_ROW}", "Perioda mēneši aprēķinam (no 6.1. tabulas; ja tur kļūda – visi mēneši)", st.label)
    sh.formula(f"B{MONTHS_ROW}", "IF(AND(ISNUMBER(Perioda_Menesi),h_MenOK=1),INT(Perioda_Menesi),"
               "IF(h_MenOK=1,0,Param_PeriodaMenesi))", st.out_whole, 0)
    sh.define("h_Menesi", f"B{MONTHS_ROW}")
    sh.text(f"A{MONTHS_OK_ROW}", "Mēnešu skaits 6.1. tabulā ir derīgs (1 – jā; ja nav, mēnešu pārbaudes neveic)", st.label)
    months_code = next(f"'{sheet}'!{code}" for field, sheet, _, code in book.checks if field.name == "Perioda_Menesi")
    sh.formula(f"B{MONTHS_OK_ROW}", f"IF(N({months_code})=0,1,0)", st.out_whole, 1)
    sh.define("h_MenOK", f"B{MONTHS_OK_ROW}")
    sh.text(f"A{TRANSPORT_FLAG_ROW}", "Transporta daļa pārsniedz augšējo robežu (1 – jā)", st.label)
    # D378: 0 while a plan line is void (D366: N, A and the share leave it out): its invalid input is the one error,
    # and 6.11's two transport rows and 6.4's mark of the share, which read this flag, wait for it
    sh.formula(
        f"B{TRANSPORT_FLAG_ROW}",
        f'IF({TRANSPORT_STATUS_NAME}="{PriceStatus.to_verify.value}",0,IF({VOID_ANY},0,'
        "IF(N(IB_Pieejamais)>0,IF(ROUND(SUMIFS(Plans_NoIB,h_Transports,1),2)"
        ">ROUND(Param_TransportaDala*IB_Pieejamais,6),1,0),0)))",
        st.out_whole,
        0,
    )
    sh.define("h_TranspParsniegts", f"B{TRANSPORT_FLAG_ROW}")
    _rules(sh)
    _invalid_inputs(sh)
    _months(sh, months)
    _headers(sh)
    _periods(sh)
    _lists(sh)
    sh.ws.freeze_panes(3, 0)
    protect(sh)
    child_line(sh, "A3")
    # on paper: the parameters, checks, error counts and invalid inputs (A:F); the lookup lists, months,
    # header texts and holidays to the right and below are for the formulas
    # one page wide (A:F): no columns to repeat
    page_setup(sh, annex="6.11. tabula (tehniskie dati un pārbaudes)", area=f"A1:F{INVALID_LAST}", repeat_to=3,
               repeat_from=REPEAT_FROM)


# D291: beside the prices' last day, what the catalogue later confirms at the same number (no change: the plan stays
# valid), in C8:F8; nothing – and the template unchanged – when it confirms nothing
CONFIRMED_CHARS_PER_LINE = 80  # 9 pt bold in C:F (72 wide), counted low


def _confirmed_values(catalogue: Catalogue, day: dt.date) -> list[tuple[dt.date, str, int, str | None, dt.date | None,
                                                                        tuple[Span, ...]]]:
    """Each confirmation (D291): its day, what it names, how many values that is, what of it the papers print as a
    blank while „jāprecizē” and as a figure once confirmed (B, an item's ceiling – confirmed_by), None for the rest, and
    the day the catalogue stops confirming it (withdrawn or changed, D296), None when none is known, and the days the
    papers print it (confirmation_spans)."""
    params = confirmed_parameters(catalogue, day)
    base = parameter_what([catalogue.programme.base_amount.name_lv])
    result = []
    for c in catalogue_confirmations(catalogue, day):
        if c.items is not None:
            result.append((c.day, c.what, 1, c.what, c.ends, c.spans))
            continue
        names = [n for n, found in params.items() if found == c.day and (n == TRANSPORT_PARAMETER) == c.transport]
        result.append((c.day, c.what, len(names), base if PRINTED_PARAMETER in names else None, c.ends, c.spans))
    return result


def confirmed_text(catalogue: Catalogue, day: dt.date) -> str:
    """The note: each day's confirmed values; that the plan stays; what this matrix prints as a blank and which papers
    print the figure for this plan, and which matrix a plan that starts on the day or later has (D63) – for B and the
    ceilings only (a rate has no blank); "" when the catalogue confirms nothing."""
    values = _confirmed_values(catalogue, day)
    if not values:
        return ""
    days = sorted({d for d, *_ in values})
    listed = []
    for d in days:
        n = sum(count for on, _, count, *_ in values if on == d)
        what = ", ".join(w for on, w, *_ in values if on == d)
        noun = wording.values(n)
        listed.append(f"Katalogā no {lv_date(d)} {wording.confirmed(noun)} {wording.same(noun)}: {what}.")
    text = " ".join(listed) + " Plāna summas nemainās, un plāns paliek derīgs"
    printed = [p for _, _, _, p, *_ in values if p is not None]
    if not printed:
        return text + "."
    on = {d for d, _, _, p, *_ in values if p is not None}
    # a plan starting from the confirmation until its end (withdrawn or another number) has a matrix where it is
    # confirmed; the papers print it while the plan's value stands confirmed (confirmation_spans, D296)
    ends = {e for _, _, _, p, e, _ in values if p is not None}
    spans = {s for _, _, _, p, _, s in values if p is not None}
    one = len(printed) == 1
    period = None
    if len(on) == 1 and len(ends) == 1 and None not in ends:
        period = f"no {lv_date(min(on))} līdz {lv_date(min(ends) - dt.timedelta(days=1))}"
    if len(spans) == 1:
        when = _spans_text(next(iter(spans)))
    else:
        when = (lv_date(min(on)) if len(on) == 1 else "apstiprināšanas dienā") + " vai vēlāk"
        if any(end is not None for s in spans for _, end in s):
            when += ", kamēr katalogs " + ("to" if one else "tās") + " vēl apstiprina"
    blank = "neapstiprinātu (tukšu vietu)" if one else "neapstiprinātas (tukšas vietas)"
    if len(printed) == sum(count for _, _, count, *_ in values):
        text += f", bet šī matrica {'to' if one else 'tās'} drukā kā {blank}"
    else:
        text += (f". No tām šī matrica kā {blank} drukā " + ("šo vērtību" if one else "šīs vērtības")
                 + f": {', '.join(printed)}")
    text += (f"; šim plānam apstiprināt{'o vērtību' if one else 'ās vērtības'} drukā dokumenti, ko "
             f"ibm documents --from-matrix izveido {when}.")
    if period is not None:
        return text + (f" Plānam, kas sākas {period}, ir tā pirmās dienas matrica (ibm matrix --day ar plāna pirmo "
                       f"dienu), kurā {'vērtība jau ir apstiprināta' if one else 'vērtības jau ir apstiprinātas'}.")
    if len(on) == 1 and ends == {None}:
        day_on = lv_date(min(on))
        return text + f" Plānam, kas sākas {day_on} vai vēlāk, ir tās dienas matrica (ibm matrix --day {day_on})."
    return text + " Plānam, kas sākas apstiprināšanas dienā vai vēlāk, ir tās dienas matrica (ibm matrix --day)."


def _spans_text(spans: tuple[Span, ...]) -> str:
    """„15.12.2026 vai vēlāk”, „no 15.12.2026 līdz 28.02.2027”, „no 15.12.2026 līdz 28.02.2027 un no 01.04.2027”."""
    if len(spans) == 1 and spans[0][1] is None:
        return f"{lv_date(spans[0][0])} vai vēlāk"
    return " un ".join(f"no {lv_date(start)}" + ("" if end is None else f" līdz {lv_date(end - dt.timedelta(days=1))}")
                       for start, end in spans)


def confirmed_note(sh: Sheet, catalogue: Catalogue, day: dt.date) -> None:
    text = " ".join(t for t in (confirmed_text(catalogue, day), withdrawn_text(catalogue, day)) if t)
    if not text:
        return
    sh.merge_text("C8:F8", text, sh.st.alert)
    sh.row_height(8, 12 * -(-len(text) // CONFIRMED_CHARS_PER_LINE) + 3)


# D61: the days (hidden, in TABLE_CODE) that give the last day the matrix prices the plan: the parameters of every
# plan, the transport limit (used where the plan has transport and the round's limit binds, D287), the items the plan
# uses (6.8's h_Pak_LidzPlana); h_PlanaLidz is the earliest, h_CenasMaina names what changes the day after it
# (generator/reference/plan_changes.py, first_change: on one day parameters, transport, then 6.8's order)
EXCEL_EPOCH = dt.date(1899, 12, 30)
UNTIL_ROWS = {"h_ParamLidz": 3, "h_TranspLidz": 4, "h_TranspLidzPlana": 5, "h_PakLidzPlana": 6, "h_PlanaLidz": 7,
              "h_CenasMaina": 2}


def _plan_until(sh: Sheet) -> None:
    st, cat, day = sh.st, sh.book.catalogue, sh.book.day
    changes = catalogue_changes(cat, day)
    params = next((c for c in changes if c.items is None and not c.transport), None)
    transport = next((c for c in changes if c.transport), None)
    at = {name: f"{TABLE_CODE}{row}" for name, row in UNTIL_ROWS.items()}
    for name, change in (("h_ParamLidz", params), ("h_TranspLidz", transport)):
        if change is None:
            sh.blank(at[name], st.helper)
        else:
            sh.date(at[name], change.until, st.helper)
    sh.formula(at["h_TranspLidzPlana"], f'IF(AND(ISNUMBER({at["h_TranspLidz"]}),SUM(h_Transports)>0,'
               f'{TRANSPORT_STATUS_NAME}<>"{PriceStatus.to_verify.value}"),{at["h_TranspLidz"]},"")', st.helper, "")
    sh.formula(at["h_PakLidzPlana"], 'IF(COUNT(h_Pak_LidzPlana)>0,MIN(h_Pak_LidzPlana),"")', st.helper, "")
    used = f'{at["h_ParamLidz"]},{at["h_TranspLidzPlana"]},{at["h_PakLidzPlana"]}'
    # an empty plan uses the parameters alone: their day (a serial) and name are the cached values
    sh.formula(at["h_PlanaLidz"], f'IF(COUNT({used})>0,MIN({used}),"")', st.helper,
               (params.until - EXCEL_EPOCH).days if params else "")
    item = f'"{ITEM_WHAT[0]}"&INDEX(Pak_Id,MATCH({at["h_PakLidzPlana"]},h_Pak_LidzPlana,0))&"{ITEM_WHAT[1]}"'
    what = {name: '"' + (c.what.replace('"', '""') if c else "") + '"' for name, c in (("params", params),
                                                                                      ("transport", transport))}
    until = at["h_PlanaLidz"]
    sh.formula(at["h_CenasMaina"],
               f'IF(NOT(ISNUMBER({until})),"",IF({until}={at["h_ParamLidz"]},{what["params"]},'
               f'IF({until}={at["h_TranspLidzPlana"]},{what["transport"]},{item})))', st.helper_text,
               params.what if params else "")
    for name, ref in at.items():
        sh.define(name, ref)


def _rules(sh: Sheet) -> None:
    st, cache = sh.st, sh.book.cache
    share = sh.book.catalogue.programme.transport_share_max.at(sh.book.day).value
    sh.text(f"A{RULES_SECTION}", "Noteikumu pārbaudes (skaits šobrīd)", st.section)
    # in B:F, one line (two at most): in F alone it took three, and the row 36 pt
    limit = (f"{percent(share)} no plānam pieejamā IB apmēra A (no IB finansētais transports)."
             if sh.book.catalogue.transport_limit_applies(sh.book.day)
             else f"{PriceStatus.to_verify.value} Labklājības ministrijas noteikumos par kārtu; pārsniegumu neskaita.")
    sh.merge_text(
        f"B{RULES_SECTION}:F{RULES_SECTION}",
        f"Transporta daļas augšējā robeža bez rakstiska pamatojuma: {limit}",
        st.note,
    )
    sh.row_height(RULES_SECTION, SECTION_HEIGHT)
    for heading in (RULES_FIRST - 1, *RULES_HEADING_COPIES):
        sh.ws.merge_range(f"A{heading}:{RULE_TEXT_TO}{heading}", "", st.header_wrap)
        for c, head in zip("ADEF", ("Pārbaude", "Veids", "Skaits", "Kur redzams"), strict=True):
            sh.text(f"{c}{heading}", head, st.header_wrap)
        sh.row_height(heading, HEADING_HEIGHT)
    for i, (code, kind, text, where, formula) in enumerate(rules(Impairment.multipli.value)):
        row = rule_row(i)
        sh.ws.merge_range(f"A{row}:{RULE_TEXT_TO}{row}", "", st.label_small)
        if code in NAMED_RULES:
            sh.formula(f"A{row}", NAMED_RULES[code], st.label_small, text)
        else:
            sh.text(f"A{row}", text, st.label_small)
        sh.text(f"D{row}", kind, st.out_text)
        sh.formula(f"E{row}", formula, st.out_whole, 0)
        if code in first_cell.PLACES:  # D371: while it counts one, its first cell („pirmā: 6.8. tabula, I35”)
            sh.formula(f"F{row}", first_cell.where(f"E{row}", first_cell.PLACES[code], tables(where)),
                       st.out_text_wrap, tables(where))
        else:
            sh.text(f"F{row}", tables(where), st.out_text_wrap)  # "6.3., 6.4., 6.8. tabula" in one line
        sh.text(f"{RULE_CODE}{row}", code, st.helper_text)
        if code in RULE_COUNT_NAMES:  # a rule older templates lacked, by the name of its count (template_checks)
            sh.define(RULE_COUNT_NAMES[code], f"E{row}")
        sh.row_height(row, RULE_HEIGHTS[i])
    kinds = f"$D${RULES_FIRST}:$D${RULES_LAST}"
    counts = f"$E${RULES_FIRST}:$E${RULES_LAST}"
    sh.text(f"A{TOTALS_ROW}", "Kļūdas kopā", st.label_bold)
    sh.formula(f"E{TOTALS_ROW}", f'SUMIFS({counts},{kinds},"kļūda")', st.out_whole, cache.errors)
    sh.define("Kludas", f"E{TOTALS_ROW}")
    sh.text(f"A{TOTALS_ROW + 1}", "Brīdinājumi kopā", st.label_bold)
    sh.formula(f"E{TOTALS_ROW + 1}", f'SUMIFS({counts},{kinds},"brīdinājums")', st.out_whole, cache.warnings)
    sh.define("Bridinajumi", f"E{TOTALS_ROW + 1}")
    for row in (TOTALS_ROW, TOTALS_ROW + 1):
        sh.row_height(row, TOTAL_ROW_HEIGHT)
    sh.row_height(TOTALS_ROW + 2, GAP_HEIGHT)
    # the heading copies among the rules hold text, which Excel compares greater than any number: left out
    starts = (RULES_FIRST, *(copy + 1 for copy in RULES_HEADING_COPIES))
    ends = (*(copy - 1 for copy in RULES_HEADING_COPIES), TOTALS_ROW + 1)
    for first, last in zip(starts, ends, strict=True):
        sh.ws.conditional_format(f"E{first}:E{last}", {"type": "cell", "criteria": ">", "value": 0,
                                                       "format": st.error_mark})
    # before these rows; the list of errors (heading, status, all its rows) follows the totals on the last checks
    # page, which page_starts leaves room for (INVALID_BLOCK_HEIGHT): no page of its own (D198)
    sh.ws.set_h_pagebreaks([RULES_SECTION - 1, *(copy - 1 for copy in RULES_HEADING_COPIES)])


def _invalid_inputs(sh: Sheet) -> None:
    """Every checked input cell of the workbook (hidden table), and the first INVALID_SHOWN messages
    of the invalid ones listed in order, each naming the sheet, the cell and the field."""
    st = sh.st
    checks = sh.book.checks
    sh.text(f"{TABLE_MESSAGE}{TABLE_FIRST - 1}", "Ievades pārbaudes ziņojums", st.helper_text)
    sh.text(f"{TABLE_COUNT}{TABLE_FIRST - 1}", "Nederīgas līdz šai", st.helper_text)
    for i, (field, sheet, cell, code_cell) in enumerate(checks):
        row = TABLE_FIRST + i
        own = sheet == SHEET
        code = code_cell if own else f"'{sheet}'!{code_cell}"
        x = cell if own else f"'{sheet}'!{cell}"
        sh.formula(f"{TABLE_MESSAGE}{row}", message_formula(field, code, x, f"{sheet} {cell}"), st.helper_text, "")
        before = f"{TABLE_COUNT}{row - 1}+" if i else ""
        sh.formula(f"{TABLE_COUNT}{row}", f"{before}IF(N({code})>0,1,0)", st.helper, 0)
    last = TABLE_FIRST + len(checks) - 1
    sh.define("h_NederigasIevades", f"{TABLE_COUNT}{last}")
    last = _cross_checks(sh, last)
    messages = f"${TABLE_MESSAGE}${TABLE_FIRST}:${TABLE_MESSAGE}${last}"
    counts = f"${TABLE_COUNT}${TABLE_FIRST}:${TABLE_COUNT}${last}"
    sh.ws.set_column(f"{RULE_CODE}:{TABLE_COUNT}", 10, None, {"hidden": True})

    # the list names three kinds of error (D198): what the section and its status line say names each of them
    sh.text(f"A{INVALID_SECTION}", INVALID_HEADING, st.section)
    for k in range(1, INVALID_SHOWN + 1):
        row = INVALID_FIRST + k - 1
        sh.ws.merge_range(f"A{row}:F{row}", "", st.message_small)
        sh.formula(f"A{row}", f'IF({LISTED}>={k},"{k}. "&INDEX({messages},MATCH({k},{counts},0)),"")',
                   st.message_small, "")
        sh.row_height(row, LIST_ROW_HEIGHT)
    # a row that names an error is bordered and filled across A:F; an empty one prints nothing (matrixprint F5: a
    # clean 6.11 printed 30 empty grey boxes under its status line), though it still prints (D198)
    sh.ws.conditional_format(f"A{INVALID_FIRST}:F{INVALID_LAST}",
                             {"type": "formula", "criteria": f'=$A{INVALID_FIRST}<>""', "format": st.listed_mark})
    # Every row of the list shows and prints (D191, audit42 F6): in collapsed groups, as before, a printed 6.11 left
    # out the invalid cells after the first five, and a signed copy then named fewer than Kludas counts.
    sh.ws.set_row(INVALID_STATUS - 1, STATUS_ROW_HEIGHT)
    sh.ws.merge_range(f"A{INVALID_STATUS}:F{INVALID_STATUS}", "", st.label_centred)  # the page's width: two lines
    sh.formula(f"A{INVALID_STATUS}", status_formula(bool(sh.book.plan_rows)), st.label_centred, NO_INVALID)


END_MARK_COLUMN = "R"  # a shown column, not printed


def _cross_checks(sh: Sheet, last: int) -> int:
    """The cross-checks of the key amounts (cross_checks.py, D153) as further rows of the hidden table after its
    last row ``last``: a row's message while its cell differs, the running count; the plan lines' flags in hidden
    columns. Defines h_Aizstatas (how many checks differ) and LISTED (invalid inputs and those); returns the table's
    last row."""
    st, lay = sh.st, sh.book.layout
    first = TABLE_FIRST
    for i in range(lay.plan_rows):
        for letter, flag in zip(cross_checks.LINE_COLUMNS, cross_checks.line_flags(lay, i), strict=True):
            sh.formula(f"{letter}{first + i}", flag, st.helper, 0)
    flag_col = cross_checks.FLAG
    rows: list[tuple[str, str]] = [(c.flag(), c.message(sh.book.names[c.name]))
                                   for c in cross_checks.singles(lay, first, f"{TABLE_CODE}{BASE_ROW}")]
    for column in cross_checks.columns(lay):
        lines = f"${column.helper}${first}:${column.helper}${first + lay.plan_rows - 1}"
        rows.append((f"SUM({lines})", column.message(lines)))
    # the printed copies on the signed annexes (cross_checks.watch): single cells, then each sheet's plan rows
    watched = sh.book.watched
    rows += cross_checks.watched_singles(watched)
    last_helper = cross_checks.LINE_COLUMNS[-1]
    for group in cross_checks.watched_rows(watched, lay.spacers):
        for i in range(lay.plan_rows):
            index, position = cross_checks.line_position(group, watched, i, first + i)
            if index is not None and group.index_column:
                sh.formula(f"{group.index_column}{first + i}", index, st.helper, 0)
            sh.formula(f"{group.position_column}{first + i}", position, st.helper, 0)
            sh.formula(f"{group.flag_column}{first + i}", f"IF({group.position_column}{first + i}>0,1,0)",
                       st.helper, 0)
        last_row = first + lay.plan_rows - 1
        positions = f"${group.position_column}${first}:${group.position_column}${last_row}"
        flags = f"${group.flag_column}${first}:${group.flag_column}${last_row}"
        rows.append((f"SUM({flags})", cross_checks.rows_message(group, positions, flags)))
        last_helper = group.flag_column
    end = _table_rows(sh, last, rows)
    sh.text(f"{flag_col}{TABLE_FIRST - 2}", "Aizstātas formulas", st.helper_text)
    sh.formula(f"{flag_col}{TABLE_FIRST - 1}", f"{TABLE_COUNT}{end}-h_NederigasIevades", st.helper, 0)
    sh.define("h_Aizstatas", f"{flag_col}{TABLE_FIRST - 1}")
    end, last_helper = _hidden_rows(sh, end, last_helper)
    sh.define(LISTED, f"{TABLE_COUNT}{end}")
    # LibreOffice 7.4 saves an xlsx only to 1000 rows below the last content of a column it shows: without this text
    # in a shown column (R, right of the printed A:F) it dropped the table's rows after 1196 and their checks with them
    sh.text(f"{END_MARK_COLUMN}{end + 1}", "Pārbaužu tabulas beigas", st.helper_text)
    sh.ws.set_column(f"{flag_col}:{last_helper}", 4, None, {"hidden": True})
    return end


def _table_rows(sh: Sheet, last: int, rows: list[tuple[str, str]]) -> int:
    """The check table's rows after its row ``last``: each (flag formula, message formula) as its flag in the hidden
    column, the message while the flag is set, and the running count; returns the table's last row."""
    st, flag_col = sh.st, cross_checks.FLAG
    for k, (flag, message) in enumerate(rows, start=1):
        row = last + k
        sh.formula(f"{flag_col}{row}", flag, st.helper, 0)
        sh.formula(f"{TABLE_MESSAGE}{row}", f'IF({flag_col}{row}>0,{message},"")', st.helper_text, "")
        sh.formula(f"{TABLE_COUNT}{row}", f"{TABLE_COUNT}{row - 1}+IF({flag_col}{row}>0,1,0)", st.helper, 0)
    return last + len(rows)


def _hidden_rows(sh: Sheet, last: int, last_helper: str) -> tuple[int, str]:
    """Each sheet's filled plan rows left hidden in a collapsed group (D191, audit42 F3): a hidden column of 6.11 per
    sheet after ``last_helper`` with each plan row's number while it is filled and hidden, and one row of the hidden
    table after its row ``last`` per sheet (counted in LISTED, named in the list). Defines h_PaslRindas (how many
    sheets have one); returns the table's last row and the last hidden column."""
    st = sh.st
    first = TABLE_FIRST
    column = xl_cell_to_rowcol(f"{last_helper}1")[1] + 1
    rows: list[tuple[str, str]] = []
    for group in sh.book.plan_rows:
        letter = xl_col_to_name(column)
        column += 1
        for i in range(group.count):
            sh.formula(f"{letter}{first + i}", plan_rows.row_hidden_filled(group, group.rows[i]), st.helper, 0)
        flags = f"${letter}${first}:${letter}${first + group.count - 1}"
        rows.append((f'COUNTIF({flags},">0")', plan_rows.hidden_message(group.sheet, flags)))
        last_helper = letter
    end = _table_rows(sh, last, rows)
    if rows:
        total = xl_col_to_name(column - len(rows))
        sh.text(f"{total}{TABLE_FIRST - 2}", "Paslēptas aizpildītas rindas", st.helper_text)
        sh.formula(f"{total}{TABLE_FIRST - 1}", f"{TABLE_COUNT}{end}-{TABLE_COUNT}{last}", st.helper, 0)
        sh.define("h_PaslRindas", f"{total}{TABLE_FIRST - 1}")
    return end, last_helper


INVALID_HEADING = "Nederīgas šūnas un paslēptas rindas"
NO_INVALID = "Nav nederīgu ievades šūnu, aprēķinam neatbilstošu vērtību un paslēptu aizpildītu rindu."
# the same while a rule counts an error (Kludas > 0): not a claim that the matrix has no error – values after the
# period's last month (6.6, 6.10) are counted in their rule's row, not listed here (D346)
NO_INVALID_RULES = ("Nederīgu ievades šūnu, aprēķinam neatbilstošu vērtību un paslēptu aizpildītu rindu nav; kļūdas "
                    "ir noteikumu rindās augstāk (arī vērtības pēc perioda pēdējā mēneša).")
STATUS_TOTAL = "Kļūdas sarakstā: "
# The parts of the list's count (D198), each with the name of its count on 6.11: the invalid input cells, the cells
# whose value differs from their computation or from the cell they copy (one per check: a plan column's check is one,
# however many rows differ) and the sheets with filled plan rows left hidden (one per sheet, D191).
STATUS_PARTS = (
    ("h_NederigasIevades", "nederīgas ievades šūnas"),
    ("h_Aizstatas", "aprēķinam neatbilstošas vērtības"),
    ("h_PaslRindas", "tabulas ar paslēptām aizpildītām rindām"),
)
STATUS_MARKED = " Nederīgās ievades šūnas iezīmētas arī savās lapās."


def status_text(counts: dict[str, int], errors: int = 0) -> str:
    """What the status line says for the counts of STATUS_PARTS' names (a name missing counts 0) and Kludas
    (``errors``): the text the formula of status_formula computes (no reader of the matrix quotes it: they read the
    counts' names)."""
    total = sum(counts.values())
    if total == 0:
        return NO_INVALID_RULES if errors > 0 else NO_INVALID
    parts = "; ".join(f"{label}: {counts[name]}" for name, label in STATUS_PARTS if counts.get(name, 0) > 0)
    shown = f"; zemāk pirmās {INVALID_SHOWN}." if total > INVALID_SHOWN else "; visas zemāk."
    marked = STATUS_MARKED if counts.get("h_NederigasIevades", 0) > 0 else ""
    return f"{STATUS_TOTAL}{total} ({parts}){shown}{marked}"


def status_formula(hidden_rows: bool) -> str:
    """The status line (D198): none, or the list's count LISTED with each of its non-zero parts named, whether the
    list shows them all and that the invalid input cells are marked on their own sheets too. ``hidden_rows``: whether
    the workbook counts sheets with hidden filled rows (h_PaslRindas, defined only when it has plan rows)."""
    count = LISTED
    parts = "&".join(f'IF(N({name})>0,"; {label}: "&{name},"")' for name, label in STATUS_PARTS
                     if name != "h_PaslRindas" or hidden_rows)
    shown = f'IF({count}>{INVALID_SHOWN},"; zemāk pirmās {INVALID_SHOWN}.","; visas zemāk.")'
    marked = f'IF(N(h_NederigasIevades)>0,"{STATUS_MARKED}","")'
    said = f'"{STATUS_TOTAL}"&{count}&" ("&MID({parts},3,500)&")"&{shown}&{marked}'
    # "no invalid cells" only while both the list's count and the error count are numbers: an error value in either
    # (rows or columns inserted or deleted) says that the structure was changed and what to do (fails closed)
    none = f'IF(Kludas>0,"{NO_INVALID_RULES}","{NO_INVALID}")'
    return (f'IF(AND(ISNUMBER(Kludas),ISNUMBER({count})),IF({count}=0,{none},{said}),'
            f'"{STRUCTURE_CHANGED}")')


def _months(sh: Sheet, months: int) -> None:
    st = sh.st
    sh.text(f"A{MONTHS_SECTION}", "Perioda mēneši (darba dienas: pirmdiena–piektdiena bez svētku dienām)",
            st.section)
    heads = ("Perioda mēnesis", "Mēneša 1. datums", "Darba dienas plāna periodā (tukšs – gadam nav svētku dienu saraksta)",
             "Dienas centrs + darbnīca, plānotās dienas",
             "Pārsniegts (1 – jā)", "Mēnesis", "Pirmā plāna rinda ar šīm dienām (pārsniegtā mēnesī)")
    for c, head in zip("ABCDEFG", heads, strict=True):
        sh.text(f"{c}{MONTHS_FIRST - 1}", head, st.header_wrap)
    names = ",".join(f'"{m}"' for m in MONTHS_LV)
    month_cols = sh.book.layout.month_cols("E")  # 6.6 columns of the months
    lay = sh.book.layout
    for k in range(1, months + 1):
        row = MONTHS_FIRST + k - 1
        sh.number(f"A{row}", k, st.out_whole)
        sh.formula(
            f"B{row}",
            f'IF({VALID_START},DATE(YEAR(Perioda_Sakums),MONTH(Perioda_Sakums)+{k - 1},1),"")',
            st.out_date,
            "",
        )
        # a month whose year the catalogue's holiday list does not cover has no count (6.6 shows a blank, D62)
        listed = f'COUNTIFS(h_Svetki,">="&DATE(YEAR(B{row}),1,1),h_Svetki,"<="&DATE(YEAR(B{row}),12,31))>0'
        # only the days inside the plan period: a first month from Perioda_Sakums (which may be any day, D93),
        # a last month up to Perioda_Beigas (D11)
        month_end = f"DATE(YEAR(B{row}),MONTH(B{row})+1,0)"
        last_day = f"IF(ISNUMBER(Perioda_Beigas),MIN({month_end},Perioda_Beigas),{month_end})"
        # a month after the period's last day has none: blank, not a negative count (audit20 F9)
        after = f"AND(ISNUMBER(Perioda_Beigas),B{row}>Perioda_Beigas)"
        sh.formula(f"C{row}", f'IF(ISNUMBER(B{row}),IF({after},"",IF({listed},NETWORKDAYS(MAX(B{row},Perioda_Sakums),'
                   f'{last_day},h_Svetki),"")),"")',
                   st.out_whole, "")
        mc, code = month_cols[k - 1], unit_code_cols(lay)[k - 1]
        # per run of lines between spacer rows (D288): 6.4's h_Dienas has no spacers, so each run pairs with its rows;
        # a month's cell that is an invalid input (its 6.6 check code above 0: a date's serial) is not counted as days
        # (one paste, one error, D298)
        days = "+".join(f"SUMIFS('6.6'!${mc}${top}:${mc}${bottom},'6.4'!${C64.h_day}${lay.calc_first + line}:"
                        f"${C64.h_day}${lay.calc_first + line + bottom - top},1,'6.6'!${code}${top}:${code}${bottom},0)"
                        for line, top, bottom in lay.segments())
        sh.formula(f"D{row}", days, st.out_units, 0)
        sh.formula(f"E{row}", f"IF(AND(h_MenOK=1,A{row}<=h_Menesi,ISNUMBER(C{row})),IF(ROUND(D{row},6)>C{row},1,0),0)",
                   st.out_whole, 0)
        sh.formula(f"F{row}", f'IF(ISNUMBER(B{row}),CHOOSE(MONTH(B{row}),{names})&" "&YEAR(B{row}),"")',
                   st.out_text, "")
        # D375: in a month over its working days, the first plan line (1-based) whose days D counts – a day-service
        # line with a valid number above 0 in the month's 6.6 cell, as the reference's finding names its lines
        # first (6.11's „pirmā” cell of the day-services rule, first_cell.day_month_cell); "" in any other month
        first_line = "MIN(" + ",".join(
            f"SUMPRODUCT(MIN(ROW('6.4'!${C64.h_day}${lay.calc_first + line}:${C64.h_day}${lay.calc_first + line + bottom - top})"
            f"-{lay.calc_first - 1}+(1-('6.4'!${C64.h_day}${lay.calc_first + line}:"
            f"${C64.h_day}${lay.calc_first + line + bottom - top}=1)*('6.6'!${mc}${top}:${mc}${bottom}>0)"
            f"*('6.6'!${code}${top}:${code}${bottom}=0))*1000000000))"
            for line, top, bottom in lay.segments()) + ")"
        sh.formula(f"G{row}", f'IF(E{row}=1,{first_line},"")', st.out_whole, "")
    last_row = MONTHS_FIRST + months - 1
    sh.define("h_MenSakums", f"B{MONTHS_FIRST}", f"B{last_row}")
    sh.define("h_DarbaDienas", f"C{MONTHS_FIRST}", f"C{last_row}")
    sh.define("h_DienasDienas", f"D{MONTHS_FIRST}", f"D{last_row}")
    sh.define("h_DienasParkapums", f"E{MONTHS_FIRST}", f"E{last_row}")
    sh.define("h_MenNosaukumi", f"F{MONTHS_FIRST}", f"F{last_row}")
    sh.define("h_DienasRinda", f"G{MONTHS_FIRST}", f"G{last_row}")
    sh.ws.conditional_format(f"E{MONTHS_FIRST}:E{last_row}",
                             {"type": "cell", "criteria": ">", "value": 0, "format": st.error_mark})


def _headers(sh: Sheet) -> None:
    """The header texts the plan sheets repeat (names Galva_*), built from 6.1. An empty field prints BLANK, the
    one form of a field to fill in by hand, in every matrix (a municipality's prints its unconfirmed names so)."""
    st, cache = sh.st, sh.book.cache
    row = HEADERS_SECTION
    sh.text(f"A{row}", "Lapu galvenes (no 6.1. tabulas)", st.section)
    dash = f'"{BLANK}"'

    def shown(ref: str) -> str:
        return f'IF({ref}="",{dash},{ref})'

    period = (
        f'"Atbalsta plāna periods: "&IF({VALID_START},{lv_date_formula("Perioda_Sakums")}&" – "&'
        f'IF(ISNUMBER(Perioda_Beigas),{lv_date_formula("Perioda_Beigas")},{dash}),{dash})'
    )
    labels = {"Galva_Berns": "Bērns", "Galva_Vecaks": "Vecāks", "Galva_Periods": "Periods",
              "Galva_Pasvaldiba": "Pašvaldība", "Galva_Dienests": "Sociālais dienests",
              "Galva_Darbinieks": "Sociālais darbinieks"}
    items = (
        ("Galva_Berns", f'"Bērns: "&{shown("Berns_VardsUzvards")}&"   personas kods: "&{shown("Berns_PersonasKods")}'),
        ("Galva_Vecaks", f'"Vecāks: "&{shown("Vecaks_VardsUzvards")}'),
        ("Galva_Periods", period),
        ("Galva_Pasvaldiba", f'"Pašvaldība: "&{shown("Pasvaldibas_Nosaukums")}'),
        ("Galva_Dienests", f'"Sociālais dienests: "&{shown("Socialais_Dienests")}'),
        ("Galva_Darbinieks", f'"Sociālais darbinieks: "&{shown("Socialais_Darbinieks")}'),
    )
    for i, (name, formula) in enumerate(items, start=1):
        sh.text(f"A{row + i}", labels[name], st.label)
        sh.formula(f"B{row + i}", formula, st.out_text, cache.header(name))
        sh.define(name, f"B{row + i}")


def _periods(sh: Sheet) -> None:
    """The reporting periods of the programme's rounds from the catalogue (D21); 6.1 finds the one
    that holds the plan's first day (h_PerSatur) and takes its first day as Parbaudes_Datums."""
    st = sh.st
    periods = sh.book.catalogue.children_reporting_periods()
    sh.text(f"A{PERIODS_SECTION}", "Programmas kārtu pārskata periodi (no kataloga)", st.section)
    round_ends = {r.id: r.end for r in sh.book.catalogue.rounds_of(Pilot.children)}
    # the round's municipalities: 6.1 B5 must be one of the round of the plan's first day (D104, D113)
    members = {r.id: ", ".join(r.municipalities) for r in sh.book.catalogue.rounds_of(Pilot.children)}
    for c, head in zip("ABCDEFG", ("Kārta", "Pārskata periods", "Sākums", "Beigas", "Satur plāna sākumu (1 – jā)",
                                   "Kārtas pēdējā diena", "Kārtas pašvaldības"), strict=True):
        sh.text(f"{c}{PERIODS_FIRST - 1}", head, st.header_wrap)
    for i, period in enumerate(periods):
        row = PERIODS_FIRST + i
        sh.text(f"A{row}", period.round_id, st.out_text)
        sh.number(f"B{row}", period.number, st.out_whole)
        sh.date(f"C{row}", period.start, st.out_date)
        sh.date(f"D{row}", period.end, st.out_date)
        sh.formula(f"E{row}", f"IF({VALID_START},IF(AND(Perioda_Sakums>=C{row},Perioda_Sakums<=D{row}),1,0),0)",
                   st.out_whole, 0)
        sh.date(f"F{row}", round_ends[period.round_id], st.out_date)  # the age criterion's day (D110)
        sh.text(f"G{row}", members[period.round_id], st.out_text)
    last = PERIODS_FIRST + max(len(periods), 1) - 1
    if not periods:  # no round in the catalogue: one empty row, so the names still point at cells
        sh.blank(f"C{last}", st.out_date)
        sh.blank(f"D{last}", st.out_date)
        sh.number(f"E{last}", 0, st.out_whole)
        sh.blank(f"F{last}", st.out_date)
        sh.blank(f"G{last}", st.out_text)
    sh.define("h_PerSakums", f"C{PERIODS_FIRST}", f"C{last}")
    sh.define("h_PerBeigas", f"D{PERIODS_FIRST}", f"D{last}")
    sh.define("h_PerSatur", f"E{PERIODS_FIRST}", f"E{last}")
    sh.define("h_PerKartasBeigas", f"F{PERIODS_FIRST}", f"F{last}")
    sh.define("h_PerPasvaldibas", f"G{PERIODS_FIRST}", f"G{last}")
    after = _holidays(sh, last + 3)
    party_names.write_table(sh, after + 1)


def _holidays(sh: Sheet, section: int) -> int:
    """Public holidays from the catalogue with their legal source: NETWORKDAYS' holidays range (D11)."""
    st, cat = sh.st, sh.book.catalogue
    sh.text(f"A{section}", "Svētku dienas, kas nav darba dienas (no kataloga)", st.section)
    source = cat.holidays.source if cat.holidays is not None else ""
    sh.text(f"F{section}", source, st.note)
    for c, head in zip("AB", ("Svētku diena", "Datums"), strict=True):
        sh.text(f"{c}{section + 1}", head, st.header_wrap)
    days = [d for year in cat.holidays.years for d in year.days] if cat.holidays is not None else []
    first = section + 2
    for i, day in enumerate(days):
        sh.text(f"A{first + i}", day.name_lv, st.label)
        sh.date(f"B{first + i}", day.date, st.out_date)
    if not days:  # no holidays in the catalogue: an empty range, so NETWORKDAYS counts Monday–Friday
        sh.blank(f"B{first}", st.out_date)
    last = first + max(len(days), 1) - 1
    sh.define("h_Svetki", f"B{first}", f"B{last}")
    return last + 1


def _lists(sh: Sheet) -> None:
    """Validation lists as ranges, so long Latvian names fit (a literal list is limited to 255 characters)."""
    book, st = sh.book, sh.st
    cat = book.catalogue
    sh.text("H4", "Saraksti datu pārbaudei", st.section)
    municipalities = cat.pilot_municipalities()
    columns: list[tuple[str, str, str, list[str]]] = [
        ("H", "Jā/Nē", "Saraksts_JaNe", [YES, NO]),
        ("I", "Traucējumu veids", "Saraksts_Traucejumi", [i.id.value for i in cat.enums.impairments]),
        ("J", "Nosaukums", "Saraksts_TraucNosaukumi", [i.name_lv for i in cat.enums.impairments]),
        ("K", "Saņēmējs", "Saraksts_Sanemeji", list(cat.enums.recipients.values())),
        ("L", "Kods", "Saraksts_SanKodi", [r.value for r in cat.enums.recipients]),
        ("M", "Pašvaldība", "Saraksts_Pasvaldibas", [m.id for m in municipalities]),
        ("P", "Dzimums", "Saraksts_Dzimums", list(GENDERS)),
        ("Q", "Ģimenes veids", "Saraksts_GimenesVeids", list(FAMILY_TYPES)),
        ("R", "Izvērtēšana", "Saraksts_Karta", list(ASSESSMENT_ROUNDS)),
    ]
    for letter, head, name, values in columns:
        sh.text(f"{letter}{LISTS_FIRST - 1}", head, st.header_wrap)
        for i, value in enumerate(values):
            sh.text(f"{letter}{LISTS_FIRST + i}", value, st.out_text)
        sh.define(name, f"{letter}{LISTS_FIRST}", f"{letter}{LISTS_FIRST + len(values) - 1}")
    sh.ws.set_column("L:L", 8, None, {"hidden": True})  # recipient codes for the formulas, not for people
