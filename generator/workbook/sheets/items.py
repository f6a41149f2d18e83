"""Sheet 6.8, the services of the IBM: every catalogue item with its ceiling, the chosen provider
and the provider's actual price (regulated and contract prices prefilled and capped; the euro at actual cost
prefilled with the price its unit fixes, 1,00 EUR, D70)."""

from __future__ import annotations

import datetime as dt
import textwrap

from generator import lvformat
from generator.catalogue.catalogue import Offer
from generator.catalogue.models import PLAUSIBLE_PRICE_FIELDS, PriceStatus, short_unit
from generator.reference.lines import ACTUAL_COST_PRICE, ACTUAL_COST_UNIT, fixed_unit_price
from generator.reference.plan_changes import catalogue_changes, checked_against_ceiling, item_until
from generator.workbook import withdrawn_ceilings
from generator.workbook.input_checks import (
    PRICE_FIELD,
    PRICE_MAX,
    PROVIDER_FIELD,
    message_formula,
    money_validation,
)
from generator.workbook.layout import col
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets.common import (
    child_line,
    lv_date_formula,
    page_setup,
)
from generator.workbook.sheets.plan import text_validation
from generator.workbook.texts import NO, YES

SHEET = "6.8"
FIRST_PAGE_TO = "E"  # the last column of the first page across (landscape)
TITLE_ROW_HEIGHT = 28  # two lines of 11 pt bold: the title at Excel's narrower width of column A
NOTE_HEIGHT = 84  # rows 1–2: eight lines of the 8 pt note in B:E at Excel's column widths
HEADER_ROW = 5
GAP_ROW_HEIGHT = 4

PRICE_HEADING = "Sniedzēja cena, EUR par vienību"  # the input the calculator's price field is labelled by (one source)
HEADS = (
    ("A", "Pakalpojums (kods un nosaukums)", 40),
    ("B", "Joma", 6),
    ("C", "Saņēmējs", 10),
    ("D", "Mērvienība", 31),
    ("E", "Cenas noteikšana", 22),
    ("F", "Maksimālā cena, EUR", 11),
    ("G", "Cenas statuss", 11),
    ("H", "Sniedzējs", 30),  # a provider's name of up to PROVIDER_CHARS characters in two lines of 8 pt (D166)
    ("I", PRICE_HEADING, 12),
    ("J", "Trans-ports", 7),
    ("K", "Pārbaude", 25),  # wraps; at 30 LibreOffice printed it alone on a third page across
)
PRICE_CODE = "R"  # hidden: the formula check of the price cell
PRICE_CODES = "h_Pak_CenaKods"  # its codes: a plan line whose price is an invalid input uses no price (D140, D332)
# hidden: services whose sessions this one already includes (L1713), an unconfirmed ceiling (D22), the catalogue's
# price still "jāprecizē" (D22: a plan line keeping it prints "______" on the signed annexes)
INCLUDES, UNCONFIRMED, PROVISIONAL_PRICE = "S", "T", "U"
PROVIDER_CODE = "V"  # hidden: the length check of the provider's name (D166)
WHOLE = "W"  # hidden: 1 when the service's unit is counted in whole units only (catalogue units ``whole``, D256)
# hidden (D61): the last day the row's ceiling, status and prefilled price hold (the day before the catalogue changes
# them; blank: no change known), and that day again where a plan line uses the item (h_Aktiva), for 6.11's
# h_PlanaLidz – another item's change does not touch the plan
UNTIL, UNTIL_USED = "X", "Y"
# hidden (D319): the day a confirmed ceiling is „jāprecizē” again from, in a matrix made on or after it (empty in the
# template, withdrawn_ceilings.py)
WITHDRAWN = withdrawn_ceilings.COLUMN
# hidden (D370): the plausible highest price of the row's unit (programme.yaml plausible_price_<unit>; blank for a unit
# without one, the euro at actual cost): 6.4's f_CenaNeticama warns of a price above it on a line with no ceiling figure
PLAUSIBLE, PLAUSIBLE_NAME = "AA", "h_Pak_CenaTicama"
# A row holds its service's label (A, 9 pt) and a provider's name (H, two lines of 8 pt): neither LibreOffice nor Excel
# grows a row to its wrapped text when it opens the file, so the height is set from the catalogue's label (audit32 F1,
# F2). LABEL_CHARS_PER_LINE counts low: a line of A (40 wide) holds about 48 characters of 9 pt words.
LABEL_CHARS_PER_LINE = 40
LINE_HEIGHT = 11  # one line of 9 pt text (LibreOffice: 10,85 pt)
MIN_LINES = 2  # the provider's name
HELPERS = (
    ("L", "h_Pak_Kods"),
    ("M", "h_Pak_Dienas"),
    ("N", "h_Pak_Traucejumi"),
    ("O", "h_Pak_Nesaderigs"),
    ("P", "h_Pak_Sanemejs"),
    ("Q", "h_Pak_Mervieniba"),
)


def row_height(label: str) -> float:
    """The height of a service's row of 6.8: its label's lines in A (at least the provider's two lines), whole."""
    lines = len(textwrap.wrap(label, LABEL_CHARS_PER_LINE))
    return max(MIN_LINES, lines) * LINE_HEIGHT


def _joined(values: list[str]) -> str:
    """';a;b;' so that SEARCH(";"&x&";", …) finds whole codes only; '' when empty."""
    return f";{';'.join(values)};" if values else ""


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    cat = book.catalogue
    offers: list[Offer] = book.offers
    lay = book.layout
    units = {u.id: u.name_lv for u in cat.enums.units}
    whole_units = cat.enums.whole_units
    plausible = {unit: getattr(cat.programme, name).at(book.day).value
                 for unit, name in PLAUSIBLE_PRICE_FIELDS.items()}  # D370
    until = item_until(catalogue_changes(cat, book.day))
    withdrawable = withdrawn_ceilings.withdrawable(cat, book.day)
    sh.widths({c: w for c, _, w in HEADS})
    # The title in the repeated column A and the note beside it on the first page across (B:E, a manual page break
    # before F): no page edge falls inside them. Rows 1–2 print once, above the first rows of the list.
    sh.text("A1", "6.8. IBM iekļauto SBS pakalpojumu saraksts", st.title_wrap)
    sh.row_height(1, TITLE_ROW_HEIGHT)
    sh.merge_text(
        f"B1:{FIRST_PAGE_TO}2",
        "Katalogs ar izvēlēto sniedzēju un tā faktisko cenu. Normatīvajos aktos un deleģēšanas līgumos noteiktā cena "
        "ir ievadīta iepriekš tikai tad, ja katalogā ir tās apmērs; augstāku cenu ievadīt nevar. Ja apmēra nav "
        "(tukša maksimālā cena), sniedzēja cenu ievada sociālais darbinieks. Statuss „jāprecizē” nozīmē, ka kataloga "
        "cena vēl nav apstiprināta no tiesību avota; plāna rinda ar šādu pakalpojumu vai pakalpojumu bez apmēra "
        "saņem brīdinājumu, ka cenas griesti nav apstiprināti. Tirgus cenas pakalpojumiem ievada sniedzēja cenu. "
        f"Mērvienībai „{short_unit(units[ACTUAL_COST_UNIT])}” cena ir {lvformat.eur(ACTUAL_COST_PRICE)} "
        "(ievadīta iepriekš): summu pēc faktiskajām izmaksām ieraksta 6.3. tabulā kā daudzumu.",
        st.note,
    )
    sh.row_height(2, NOTE_HEIGHT - TITLE_ROW_HEIGHT)
    # A2 stays empty: the template and its prices day ("Veidne …, cenas uz …", D80, D91) are in the page header, which
    # prints them on every page of 6.8 as on every other sheet; a copy in A2 printed them twice on the first page
    # (matrixprint F7). The header, not A2, is kept: it is where every sheet names them.
    # row 3 (repeated on every page, like the page header that names the version) is only a gap now
    sh.row_height(3, GAP_ROW_HEIGHT)
    for c, head, _ in HEADS:
        sh.text(f"{c}{HEADER_ROW}", head, st.header)
    sh.row_height(HEADER_ROW, 36)
    price_max = lvformat.eur(cat.programme.unit_price_max.at(book.day).value)  # D340, as 6.11's PRICE_MAX
    for i, offer in enumerate(offers):
        row = lay.cat_first + i
        service = offer.service
        sh.text(f"A{row}", offer.label, st.out_text_wrap)  # long names wrap, never cut
        sh.number(f"B{row}", offer.area, st.out_whole)
        sh.text(f"C{row}", cat.enums.recipients[service.recipient], st.out_text)
        sh.text(f"D{row}", units.get(service.unit, service.unit), st.out_text)
        sh.text(f"E{row}", cat.enums.regimes[service.regime], st.out_text_wrap)
        if offer.ceiling is not None:
            sh.number(f"F{row}", offer.ceiling, st.out_price)
        else:
            sh.blank(f"F{row}", st.out_price)
        if offer.id in withdrawable:
            _withdrawable_status(sh, row, book.ceilings_withdrawn.get(offer.id))
        else:
            sh.text(f"G{row}", offer.ceiling_status.value if offer.ceiling_status else "", st.out_text)
        sh.row_height(row, row_height(offer.label))
        sh.blank(f"H{row}", st.input_small)  # wrapped in two lines of 8 pt, as 6.5 and 6.9 print it (D166)
        provider_code = sh.check(PROVIDER_FIELD, f"H{row}", f"{PROVIDER_CODE}{row}")
        sh.value(f"I{row}", offer.prefill_price, st.input_price)
        fixed = fixed_unit_price(service.unit)
        if fixed is not None:  # D70: one unit is one euro; a pasted other price is the formula rule's error
            sh.ws.data_validation(
                f"I{row}",
                {"validate": "decimal", "criteria": "==", "value": float(fixed), "error_title": "Cena",
                 "error_message": f"Mērvienībai „{short_unit(units[service.unit])}” cena ir {lvformat.eur(fixed)}: "
                                  "summu ierakstiet 6.3. tabulā kā daudzumu."},
            )
        elif offer.ceiling is not None:
            sh.ws.data_validation(f"I{row}", money_validation(
                f"I{row}", "Cena virs pieļaujamās", "Sniedzēja cena nedrīkst pārsniegt maksimālo cenu (kolonna F).",
                maximum=f"F{row}"))
        else:  # D340: not above the plausible highest price (6.11's PRICE_MAX, from the catalogue)
            sh.ws.data_validation(f"I{row}", money_validation(
                f"I{row}", "Cena", f"Ievadiet cenu EUR par vienību (skaitlis ≥ 0, ne lielāks par {price_max}).",
                maximum=PRICE_MAX))
        sh.text(f"J{row}", YES if offer.transport else NO, st.out_text)
        code = sh.check(PRICE_FIELD, f"I{row}", f"{PRICE_CODE}{row}")
        sh.formula(
            f"K{row}",
            f'IF({provider_code}>0,"H{row}: sniedzēja nosaukums par garu (sk. 6.11. tabulu). ","")&'
            f'IF({code}>0,{message_formula(PRICE_FIELD, code, f"I{row}", f"{SHEET} I{row}")},'
            f'IF(AND(ISNUMBER(I{row}),ISNUMBER(F{row})),IF(I{row}>F{row},"Cena pārsniedz pieļaujamo.",""),"")'
            + (f'&IF(AND(ISNUMBER(I{row}),I{row}<>{fixed}),"Cenai jābūt {lvformat.eur(fixed)}.","")'
               if fixed is not None else "")
            + f'&IF(AND(NOT(ISNUMBER(I{row})),COUNTIF(Plans_Pakalpojums,A{row})>0),"Plānā izvēlētam pakalpojumam '
            f'nav cenas.",""))',
            st.message,
            "",
        )
        sh.text(f"L{row}", service.id, st.helper_text)
        sh.number(f"M{row}", 1 if service.day_service else 0, st.helper)
        sh.text(f"N{row}", _joined([i.value for i in service.impairments]), st.helper_text)
        sh.text(f"O{row}", _joined(list(service.incompatible_with)), st.helper_text)
        sh.text(f"P{row}", service.recipient.value, st.helper_text)
        sh.text(f"Q{row}", short_unit(units.get(service.unit, service.unit)), st.helper_text)
        sh.text(f"{INCLUDES}{row}", _joined(list(service.includes_sessions_of)), st.helper_text)
        sh.number(f"{WHOLE}{row}", 1 if service.unit in whole_units else 0, st.helper)
        if service.unit in plausible:
            sh.number(f"{PLAUSIBLE}{row}", plausible[service.unit], st.helper)
        else:
            sh.blank(f"{PLAUSIBLE}{row}", st.helper)
        marked = f"N({WITHDRAWN}{row})>0"
        withdrawn = offer.id in book.ceilings_withdrawn
        if offer.id in withdrawable and checked_against_ceiling(offer):  # D319: unconfirmed while it holds the mark
            sh.formula(f"{UNCONFIRMED}{row}", f"IF({marked},1,0)", st.helper, int(withdrawn))
        else:
            sh.number(f"{UNCONFIRMED}{row}", 1 if offer.ceiling_unconfirmed else 0, st.helper)
        if offer.ceiling_status is PriceStatus.to_verify and offer.prefill_price is not None:
            sh.number(f"{PROVISIONAL_PRICE}{row}", offer.prefill_price, st.helper)
        elif offer.id in withdrawable and offer.prefill_price is not None:
            sh.formula(f"{PROVISIONAL_PRICE}{row}", f'IF({marked},{offer.prefill_price},"")', st.helper,
                       offer.prefill_price if withdrawn else "")
        else:
            sh.blank(f"{PROVISIONAL_PRICE}{row}", st.helper)
        if withdrawn:
            sh.date(f"{WITHDRAWN}{row}", book.ceilings_withdrawn[offer.id], st.helper)
        else:
            sh.blank(f"{WITHDRAWN}{row}", st.helper)
        if offer.id in until:
            sh.date(f"{UNTIL}{row}", until[offer.id], st.helper)
        else:
            sh.blank(f"{UNTIL}{row}", st.helper)
        sh.formula(f"{UNTIL_USED}{row}",
                   f'IF(AND(ISNUMBER({UNTIL}{row}),COUNTIFS(h_Rinda,{row - lay.cat_first + 1},h_Aktiva,1)>0),'
                   f'{UNTIL}{row},"")', st.helper, "")
    first, last = lay.cat_first, lay.cat_last
    for letter, name in (("A", "Pak_Id"), ("B", "Pak_Joma"), ("F", "Pak_MaxCena"), ("H", "Pak_Sniedzejs"),
                         ("I", "Pak_Cena"), ("J", "Pak_Transports")):
        sh.define(name, f"{letter}{first}", f"{letter}{last}")
    for letter, name in (*HELPERS, (INCLUDES, "h_Pak_Ietver"), (UNCONFIRMED, "h_Pak_GriestiNeapst"),
                         (PROVISIONAL_PRICE, "h_Pak_CenaProviz"), (WHOLE, "h_Pak_Vesels"),
                         (UNTIL, "h_Pak_Lidz"), (UNTIL_USED, "h_Pak_LidzPlana"),
                         (WITHDRAWN, withdrawn_ceilings.NAME), (PRICE_CODE, PRICE_CODES),
                         (PLAUSIBLE, PLAUSIBLE_NAME)):
        sh.define(name, f"{letter}{first}", f"{letter}{last}")
    sh.ws.set_column(f"L:{PLAUSIBLE}", 10, None, {"hidden": True, "level": 1})
    sh.ws.conditional_format(f"H{first}:H{last}", {"type": "formula", "criteria": f"=${PROVIDER_CODE}{first}>0",
                                                   "format": st.error_mark})
    text_validation(sh, f"H{first}:H{last}", PROVIDER_FIELD, "divās rindās parakstāmajās 6.5. un 6.9.\u00a0tabulās")
    sh.ws.conditional_format(
        f"I{first}:I{last}",
        {"type": "formula", "criteria": f"=OR(${PRICE_CODE}{first}>0,AND(ISNUMBER($I{first}),ISNUMBER($F{first}),"
         f'$I{first}>$F{first}),AND($Q{first}="{short_unit(units[ACTUAL_COST_UNIT])}",ISNUMBER($I{first}),'
         f"$I{first}<>{ACTUAL_COST_PRICE}))", "format": st.error_mark},
    )
    sh.ws.conditional_format(
        f"K{first}:K{last}", {"type": "formula", "criteria": f'=$K{first}<>""', "format": st.error_mark}
    )
    sh.ws.freeze_panes(HEADER_ROW, 1)
    sh.ws.autofilter(f"A{HEADER_ROW}:K{last}")
    sh.ws.protect(
        "",
        {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True, "format_rows": True,
         "autofilter": True},
    )
    child_line(sh, "A4")
    page_setup(sh, annex="6.8. tabula (pakalpojumu saraksts)", area=f"A1:K{last}", repeat_from=3, repeat_to=HEADER_ROW,
               repeat_cols="A:A")
    sh.ws.set_v_pagebreaks([sh._rc(f"{col(FIRST_PAGE_TO, 1)}1")[1]])


def _withdrawable_status(sh: Sheet, row: int, withdrawn: dt.date | None) -> None:
    """D319: the status of a ceiling „apstiprināts” on the prices day that the catalogue later puts back to
    „jāprecizē” at the same amount – „jāprecizē no DD.MM.YYYY” while the row holds the mark (WITHDRAWN, the day), else
    „apstiprināts”; in two lines of the row."""
    mark = f"{WITHDRAWN}{row}"
    confirmed, open_ = PriceStatus.confirmed.value, PriceStatus.to_verify.value
    shown = confirmed if withdrawn is None else f"{open_} no {lvformat.date(withdrawn)}"
    sh.formula(f"G{row}", f'IF(N({mark})>0,"{open_} no "&{lv_date_formula(mark)},"{confirmed}")',
               sh.st.out_text_wrap, shown)
