"""Sheet 6.1, the child's and parent's personal data, the case and the plan period (with the age
on the period's first day computed)."""

from __future__ import annotations

import datetime as dt
import textwrap

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.workbook import build_note, input_checks
from generator.workbook.input_checks import (
    DECOMPOSED_HINT,
    SINGLE_FIELDS,
    beside_message_formula,
    beside_texts,
)
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import party_names
from generator.workbook.sheets.common import (
    RULE_GAP,
    SHEET_ROW_HEIGHT,
    child_line,
    clear_of_rule,
    counted_or_broken,
    lv_date_formula,
    page_setup,
    protect,
)
from generator.workbook.sheets.plan import text_validation
from generator.workbook.styles import FONT, WARNING_FILL
from generator.workbook.texts import STRUCTURE_CHANGED

SHEET = "6.1"
# Said first wherever a status is shown, while the workbook has errors.
ERRORS_FIRST = ('IF(Kludas>0,"Matricā ir kļūdas ("&Kludas&", sk. 6.11. tabulu): summas nav derīgas, kamēr kļūdas '
                'nav izlabotas. ","")')
FIRST_DATE = dt.datetime.combine(input_checks.FIRST_DATE, dt.time())
LAST_DATE = dt.datetime.combine(input_checks.LAST_DATE, dt.time())

# (row, label, kind, defined name or None, list name for validation, hint)
# kinds: text, date, choice, whole, out
FIELDS: tuple[tuple[int, str, str, str | None, str | None, str], ...] = (
    (4, "Lieta", "section", None, None, ""),
    (5, "Pašvaldība (kods no kataloga)", "choice", "Pasvaldiba", "Saraksts_Pasvaldibas", "izvēlieties no saraksta"),
    (6, "Pašvaldības nosaukums", "out", "Pasvaldibas_Nosaukums", None, ""),
    (7, "Sociālais dienests", "out", "Socialais_Dienests", None, ""),
    (8, "Sociālais darbinieks (vārds, uzvārds)", "text", "Socialais_Darbinieks", None, ""),
    (9, "Sociālā darbinieka tālrunis un e-pasts", "text", "Darbinieks_Kontakti", None, ""),
    (10, "Lietas atvēršanas datums", "date", "Lietas_Sakums", None, "DD.MM.GGGG"),
    (12, "Bērns", "section", None, None, ""),
    (13, "Vārds, uzvārds", "text", "Berns_VardsUzvards", None, ""),
    (14, "Personas kods", "code", "Berns_PersonasKods", None, "teksts formā 000000-00000"),
    (15, "Dzimšanas datums", "date", "Berns_DzimsanasDatums", None, "DD.MM.GGGG"),
    (16, "Dzimums", "choice", None, "Saraksts_Dzimums", ""),
    (17, "Deklarētā dzīvesvietas adrese, kontakti", "text", None, None, ""),
    (18, "Saziņas valoda", "text", None, None, ""),
    (19, "Funkcionālo traucējumu veids", "choice", "Berns_Traucejums", "Saraksts_Traucejumi",
     "izvēlieties no saraksta"),
    (20, "VDEĀVK atzinums par īpašas kopšanas nepieciešamību", "choice", "Ipasas_Kopsanas_Atzinums",
     "Saraksts_JaNe", "Jā vai Nē"),
    (21, "Invaliditāte noteikta līdz", "date", None, None, "DD.MM.GGGG"),
    (22, "Mājmācība", "choice", None, "Saraksts_JaNe", "Jā vai Nē"),
    (23, "Vajadzīgie tehniskie palīglīdzekļi (kādi, kur saņemti)", "text", None, None, ""),
    (24, "Bērna identifikācijas kods (anketām)", "text", None, None, ""),
    (26, "Vecāks, aizbildnis vai audžuģimene", "section", None, None, ""),
    (27, "Vārds, uzvārds", "text", "Vecaks_VardsUzvards", None, ""),
    (28, "Personas kods", "code", "Vecaks_PersonasKods", None, "teksts formā 000000-00000"),
    (29, "Ģimenes veids", "choice", None, "Saraksts_GimenesVeids", ""),
    (30, "Tālrunis", "text", None, None, ""),
    (31, "E-pasts", "text", None, None, ""),
    (32, "Nodarbošanās, algots darbs", "text", None, None, ""),
    (33, "Vecākam ir invaliditāte", "choice", None, "Saraksts_JaNe", "Jā vai Nē"),
    (34, "Bērnu skaits ģimenē", "whole", None, None, "vesels skaitlis"),
    (35, "No tiem bērni ar invaliditāti", "whole", None, None, "vesels skaitlis"),
    (37, "Atbalsta plāna periods", "section", None, None, ""),
    (38, "Perioda pirmā diena", "date", "Perioda_Sakums", None, "DD.MM.GGGG"),
    (39, "Mēnešu skaits periodā", "months", "Perioda_Menesi", None, "vesels skaitlis"),
)
END_ROW, PERIOD_ROW, CHECK_DATE_ROW, AGE_ROW, CHECK_ROW = 40, 41, 42, 43, 44


def input_cell(name: str) -> tuple[str, str]:
    """The cell of input ``name`` on 6.1 and its label: ("B38", "Perioda pirmā diena")."""
    return next((f"B{row}", label) for row, label, _, field, _, _ in FIELDS if field == name)
CHECKED = {f.name: f for f in SINGLE_FIELDS if f.name in {n for *_, n, _, _ in FIELDS if n}}


def _code_cell(name: str) -> str:
    """6.1's check code cell (column D) of the input ``name``."""
    return next(f"'{SHEET}'!$D${row}" for row, _, _, field, _, _ in FIELDS if field == name)


# D332: a date input is a day only while its check code is 0 – TRUE (LibreOffice's 1), a negative number, a formula or a
# number outside the dates' range is an invalid input, counted once: no age, period or rule rests on it
VALID_START = f"AND(ISNUMBER(Perioda_Sakums),N({_code_cell('Perioda_Sakums')})=0)"
VALID_BIRTH = f"AND(ISNUMBER(Berns_DzimsanasDatums),N({_code_cell('Berns_DzimsanasDatums')})=0)"


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    # C: the longest hint ("no kataloga (6.11); …") in one line of 8 pt: wrapped in 28 it ran over the next row
    sh.widths({"A": 42, "B": 28, "C": 44})
    sh.merge_text("A1:C1", "6.1. Bērna un vecāka personas dati", st.title)
    sh.merge_text(
        "A2:C2",
        "Aizpilda sociālais darbinieks no iesnieguma un datubāzēm. Dzeltenās šūnas ir ievadei; pelēkās aprēķina "
        "matrica. Dati ir sensitīvi: glabājiet un sūtiet matricu tikai šifrētu.",
        st.note,
    )
    sh.row_height(2, 26)
    municipality = book.municipality
    max_months = book.layout.months
    for row, label, kind, name, list_name, hint in FIELDS:
        cell = f"B{row}"
        title = label if len(label) <= 32 else "Ievades pārbaude"
        if kind == "section":
            sh.text(f"A{row}", label, st.section)
            continue
        sh.text(f"A{row}", label, st.label)
        checked = CHECKED.get(name or "")
        if checked is not None:
            # beside the cell: what is wrong with a pasted value, else the hint
            code = sh.check(checked, cell, f"D{row}")
            # wrapped inside column C, the row as tall as its longest message: on paper never cut at the page edge
            where = f"{SHEET} {cell}"
            sh.formula(f"C{row}", f'IF({code}>0,{beside_message_formula(checked, code, where)},"{hint}")', st.note,
                       hint)
            sh.row_height(row, beside_height(checked, where, longest_members(book.catalogue)))
            sh.ws.conditional_format(cell, {"type": "formula", "criteria": f"={code}>0", "format": st.error_mark})
            sh.ws.conditional_format(f"C{row}", {"type": "formula", "criteria": f"={code}>0",
                                                 "format": st.error_mark})
        elif hint:
            sh.text(f"C{row}", hint, st.note)
        if kind == "out":
            _party_name(sh, row, party_names.BY_OUTPUT[name or ""])
        elif kind == "choice":
            initial = municipality.id if name == "Pasvaldiba" and municipality else None
            sh.value(cell, initial, st.input_choice)
            sh.ws.data_validation(
                cell,
                {"validate": "list", "source": f"={list_name}", "error_title": title,
                 "error_message": "Izvēlieties vērtību no saraksta."},
            )
        elif kind in ("text", "code"):
            named = checked is not None and checked.kind == "name"
            # D180: a name wraps in its cell (one line of B held about 37 capitals, the limit is more)
            sh.blank(cell, st.input_wrap if named else st.input_text)
            if named:
                sh.row_height(row, max(beside_height(checked, f"{SHEET} {cell}"), NAME_INPUT_HEIGHT))
            if checked is not None and checked.kind == "name":  # D170: what prints whole in the signed annexes
                where = ("parakstāmo tabulu galvā" if name == "Berns_VardsUzvards"
                         else "vienā rindā zem paraksta parakstāmajās tabulās")
                text_validation(sh, cell, checked, where, DECOMPOSED_HINT)
            if kind == "code":
                sh.ws.data_validation(
                    cell,
                    {"validate": "custom", "value": f'=AND(ISTEXT({cell}),LEN({cell})=12,MID({cell},7,1)="-")',
                     "error_title": title, "error_message": "Personas kods ir teksts formā 000000-00000."},
                )
        elif kind == "date":
            sh.blank(cell, st.input_date)
            sh.ws.data_validation(
                cell,
                {"validate": "date", "criteria": "between", "minimum": FIRST_DATE, "maximum": LAST_DATE,
                 "error_title": title, "error_message": "Ievadiet datumu formā DD.MM.GGGG."},
            )
        elif kind in ("whole", "months"):
            sh.blank(cell, st.input_whole)
            low, high = (1, max_months) if kind == "months" else (0, 99)
            sh.ws.data_validation(
                cell,
                {"validate": "integer", "criteria": "between", "minimum": low, "maximum": high,
                 "error_title": title, "error_message": f"Ievadiet veselu skaitli no {low} līdz {high}."},
            )
        if name:
            sh.define(name, cell)

    sh.text(f"A{END_ROW}", "Perioda pēdējā diena", st.label)
    sh.formula(
        f"B{END_ROW}",
        f'IF(AND({VALID_START},ISNUMBER(Perioda_Menesi),h_MenOK=1),'
        "DATE(YEAR(Perioda_Sakums),MONTH(Perioda_Sakums)+Perioda_Menesi,0),\"\")",
        st.out_date,
        "",
    )
    sh.define("Perioda_Beigas", f"B{END_ROW}")
    sh.text(f"C{END_ROW}", "pēdējā perioda mēneša pēdējā diena", st.note)
    _reporting_period(sh)
    sh.text(f"A{AGE_ROW}", "Bērna vecums pārbaudes datumā (pilni gadi)", st.label_bold)
    born, on = "Berns_DzimsanasDatums", "IF(ISNUMBER(Parbaudes_Datums),Parbaudes_Datums,Perioda_Sakums)"
    sh.formula(
        f"B{AGE_ROW}",
        f'IF(AND({VALID_BIRTH},{VALID_START}),YEAR({on})-YEAR({born})'
        f"-IF(OR(MONTH({on})<MONTH({born}),AND(MONTH({on})=MONTH({born}),DAY({on})<DAY({born}))),1,0),\"\")",
        st.out_whole,
        "",
    )
    sh.define("Vecums", f"B{AGE_ROW}")
    sh.text(f"C{AGE_ROW}", "vecumu un VDEĀVK atzinumu vērtē pārbaudes datumā", st.note)
    sh.text(f"A{CHECK_ROW}", "Pārbaude", st.label)
    periods = len(book.catalogue.children_reporting_periods())
    known = '&", "&'.join(
        f'{lv_date_formula(f"INDEX(h_PerSakums,{k})")}&"–"&{lv_date_formula(f"INDEX(h_PerBeigas,{k})")}'
        for k in range(1, periods + 1)
    ) or '"katalogā nav neviena"'
    held_end = lv_date_formula("INDEX(h_PerBeigas,h_PerIndekss)")
    round_end = lv_date_formula("INDEX(h_PerKartasBeigas,h_PerIndekss)")
    eligible = (
        'IF(Vecums<0,"Dzimšanas datums ir pēc pārbaudes datuma.",'
        'IF(Vecums>=Param_VecumaRobeza,"Bērns pārbaudes datumā ir sasniedzis vecumu, kurā IB vairs nepienākas.",'
        # D110: the reference's reason (generator/reference/provisional.of_age_by_round_end), word for word
        f'IF(h_KartaPilngadigs=1,"Bērnam līdz kārtas pēdējai dienai "&{round_end}&" aprit "'
        '&Param_VecumaRobeza&" gadi; IB pienākas tikai bērnam, kuram kārtas pēdējā dienā vēl nav "'
        '&Param_VecumaRobeza&" gadu.",'
        '"Bērns ir tiesīgs saņemt IB.")))'
    )
    status = (
        f"{ERRORS_FIRST}&"
        f'IF(OR(NOT({VALID_BIRTH}),NOT({VALID_START})),'
        '"Ievadiet dzimšanas datumu un perioda pirmo dienu.",'
        f'IF(h_PerArpus=1,"Plāna sākums nav nevienā programmas kārtas pārskata periodā (pārskata periodi: "&{known}&'
        '"); IB nevar aprēķināt.",'
        f'IF(h_PerParsniegts=1,"Plāns beidzas "&{lv_date_formula("Perioda_Beigas")}&", bet tā pārskata periods '
        f'beidzas "&{held_end}&": plānam jāiekļaujas vienā pārskata periodā. ","")&{PRICES_OUTSIDE}&{eligible}))'
    )
    sh.formula(
        f"B{CHECK_ROW}",
        counted_or_broken(status, STRUCTURE_CHANGED),  # an error value in the count is no "tiesīgs" (fails closed)
        st.out_text_wrap,
        "Ievadiet dzimšanas datumu un perioda pirmo dienu.",
    )
    # room for the longest combined message (past the reporting period, prices not in force with the command that
    # makes the matrix for the plan, D63, or a plan that cannot start before a mid-month change, D351, and the
    # eligibility line, the longest being the round end's, D110): no cut text on paper
    sh.row_height(CHECK_ROW, 164)
    sh.define("Statuss_Tiesibas", f"B{CHECK_ROW}")
    sh.ws.conditional_format(
        f"B{CHECK_ROW}",
        {"type": "formula", "criteria": "=IF(ISNUMBER(Kludas),OR(h_Neatbilst=1,Kludas>0),TRUE)", "format": st.error_mark},
    )
    # D110: 18 years on or before the last day of the round that holds the plan's first day (6.11) is not eligible
    # either; the age there in completed years, as Vecums is taken on the check date
    end, born = "INDEX(h_PerKartasBeigas,h_PerIndekss)", "Berns_DzimsanasDatums"
    sh.formula(f"D{CHECK_ROW}", f"IF(AND(ISNUMBER(Vecums),h_PerIndekss>0),IF(ISNUMBER({end}),IF(YEAR({end})-YEAR({born})"
               f"-IF(OR(MONTH({end})<MONTH({born}),AND(MONTH({end})=MONTH({born}),DAY({end})<DAY({born}))),1,0)"
               ">=Param_VecumaRobeza,1,0),0),0)", st.helper, 0)
    sh.define("h_KartaPilngadigs", f"D{CHECK_ROW}")
    sh.formula(f"D{AGE_ROW}", "IF(AND(ISNUMBER(Vecums),h_PerIndekss>0),"
               "IF(OR(Vecums<0,Vecums>=Param_VecumaRobeza,h_KartaPilngadigs=1),1,0),0)", st.helper, 0)
    sh.define("h_Neatbilst", f"D{AGE_ROW}")
    sh.ws.set_column("D:D", 3, None, {"hidden": True})
    sh.ws.freeze_panes(3, 0)
    protect(sh)
    # E prints too: a long message beside a cell runs on into it instead of stopping at the page edge
    child_line(sh, "A3")
    _ended_round_note(sh)
    page_setup(sh, annex="6.1. tabula (bērna un vecāka personas dati)", area=f"A1:E{sh.ws.dim_rowmax + 1}", repeat_to=3)
    # audit42 F10: the parent's section starts page 2 with its fields; page 1 ended with the heading alone. The rows
    # are all visible and their heights fixed, so a manual break holds in Excel and LibreOffice alike. Page 2 then
    # holds the heading too: its one-line rows are a little lower (ONE_LINE_HEIGHT), so that the check row's room
    # (CHECK_ROW) still ends on it.
    for row in range(PARENT_SECTION_ROW, CHECK_ROW):
        height = (sh.ws.row_sizes.get(row - 1) or [None])[0]
        if height in (None, DEFAULT_ROW_HEIGHT):
            sh.row_height(row, ONE_LINE_HEIGHT)
    sh.ws.set_h_pagebreaks([PARENT_SECTION_ROW - 1])
    # the first row of each section clear of its title's rule (RULE_GAP taller, centred); page 2's two gaps are
    # given back by the blank row between its sections, so that the check row still ends on it
    sections = [row for row, _, kind, *_ in FIELDS if kind == "section"]
    for row in sections:
        clear_of_rule(sh, row)
    gaps = sum(row >= PARENT_SECTION_ROW for row in sections)
    sh.row_height(sections[-1] - 1, ONE_LINE_HEIGHT - gaps * RULE_GAP)


def _ended_round_note(sh: Sheet) -> None:
    """D277: beside the child's line (row 3, frozen on screen and repeated on every printed page of 6.1), the note
    that the matrix's round had ended before it was made (build_note.py); nothing in the template."""
    ended = sh.book.ended_round
    if ended is None:
        return
    # made here, not in make_styles: a matrix without the note (the template) keeps its bytes
    fmt = sh.book.wb.add_format({"font_name": FONT, "font_size": 8, "bold": True, "font_color": "#9C0006",
                                 "bg_color": WARNING_FILL, "text_wrap": True, "valign": "top"})
    sh.merge_text(build_note.MERGED, build_note.note(ended), fmt)


PARENT_SECTION_ROW = next(row for row, label, kind, *_ in FIELDS if kind == "section" and label.startswith("Vecāks"))


# Rows 6–7 (the names): two lines of the 8 pt hint beside them.
NAME_ROW_HEIGHT = 22
# D180: a name's input cell (B, 28 wide) wraps a name of input_checks.NAME_CHARS capitals in two lines of 9 pt, 30 px
# in Excel
NAME_INPUT_HEIGHT = 23
# A checked input's row: its longest message beside it in lines of 8 pt in column C (44 wide), counted low.
BESIDE_CHARS_PER_LINE = 55
BESIDE_LINE_HEIGHT = 11
DEFAULT_ROW_HEIGHT = SHEET_ROW_HEIGHT
ONE_LINE_HEIGHT = 13  # a row of one line of 9 pt text (10,85 pt in LibreOffice, 15 px = 11,25 pt in Excel)


def beside_height(field: input_checks.Field, where: str, members: str = "") -> float:
    """The height of a checked input's row: room for the longest message beside it, wrapped (F7); ``members``: the
    longest round's municipalities, which 6.1 B5's message names."""
    lines = max(len(textwrap.wrap(text, BESIDE_CHARS_PER_LINE)) for text in beside_texts(field, where, members))
    return max(DEFAULT_ROW_HEIGHT, lines * BESIDE_LINE_HEIGHT)


def longest_members(catalogue: Catalogue) -> str:
    """The longest children's round's municipalities as 6.1 B5's message lists them ("jelgava, bauska, cesis")."""
    return max((", ".join(r.municipalities) for r in catalogue.rounds_of(Pilot.children)), key=len, default="")


def _party_name(sh: Sheet, row: int, kind: party_names.Kind) -> None:
    """The municipality's or social service's name in force on the plan's first day, or the blank to fill,
    with the hint beside it (D43, D51); the 6.11 row it takes is in the hidden column D."""
    st, cache = sh.st, sh.book.cache
    sh.formula(f"D{row}", party_names.row_formula(kind), st.helper, 0)
    sh.define(kind.row, f"D{row}")
    sh.formula(f"B{row}", party_names.name_formula(kind), st.out_text, cache.text(kind.output))
    sh.formula(f"C{row}", party_names.hint_formula(kind), st.note, cache.hint(kind.output))
    sh.row_height(row, NAME_ROW_HEIGHT)


# D61: the matrix's prices and parameters (6.11) hold from Parametru_Datums; a plan is refused when it starts before that
# day or uses something the catalogue changes by its last day (6.11's h_PlanaLidz, what: h_CenasMaina). The advice is
# the reference's (check_prices_in_force): the matrix for the plan's first day when it starts before that day or after
# the change, else ending before the change or starting on it with that day's matrix (D63) – never this matrix again
_CHANGE = lv_date_formula("h_PlanaLidz+1")
_CHANGED = ('" mainās "&h_CenasMaina&" (šīs matricas vērtība ir spēkā līdz "&' + lv_date_formula("h_PlanaLidz") + '&")"')
# D351: a period ends on a month's last day (D93), so the plan is shortened to the last month's end before the change
# (shorten_advice), or – when it starts in the change's month – cannot start before the change in that month
_MONTH_END = "DATE(YEAR(h_PlanaLidz+1),MONTH(h_PlanaLidz+1),0)"
_SHORTEN = ('IF(' + _MONTH_END + '>=Perioda_Sakums,"saīsiniet periodu līdz "&' + lv_date_formula(_MONTH_END)
            + '&" vai","periods beidzas mēneša pēdējā dienā, tāpēc plāns, ko šī izmaiņa skar, nevar sākties no "&'
            + lv_date_formula("DATE(YEAR(h_PlanaLidz+1),MONTH(h_PlanaLidz+1),1)") + '&" līdz "&'
            + lv_date_formula("h_PlanaLidz") + '&" –")')
_FOR_START = '": izmantojiet matricu, kas izdota tam periodam (ibm matrix --day "&' + lv_date_formula("Perioda_Sakums") + '&"). "'
PRICES_OUTSIDE = (
    'IF(h_CenasArpus=1,IF(Perioda_Sakums<Parametru_Datums,"Šīs matricas cenas un parametri ir spēkā no "&'
    + lv_date_formula("Parametru_Datums") + '&", bet plāna periods sākas agrāk"&' + _FOR_START + ','
    + 'IF(Perioda_Sakums>h_PlanaLidz,"Katalogā no "&' + _CHANGE + '&' + _CHANGED + '&", bet plāns sākas "&'
    + lv_date_formula("Perioda_Sakums") + '&' + _FOR_START + ','
    + '"Plāna periodā katalogā no "&' + _CHANGE + '&' + _CHANGED + '&": "&' + _SHORTEN + '&" sāciet to "&' + _CHANGE
    + '&" un izmantojiet tās dienas matricu (ibm matrix --day "&' + _CHANGE + '&"). ")),"")'
)


def _reporting_period(sh: Sheet) -> None:
    """The programme round's reporting period that holds the plan's first day (periods from the
    catalogue, on 6.11) and the eligibility date Parbaudes_Datums, its first day (D1, D21)."""
    st = sh.st
    sh.formula(f"D{PERIOD_ROW}", f"IF({VALID_START},IFERROR(MATCH(1,h_PerSatur,0),0),0)", st.helper, 0)
    sh.define("h_PerIndekss", f"D{PERIOD_ROW}")
    sh.text(f"A{PERIOD_ROW}", "Programmas kārtas pārskata periods", st.label)
    start, end = lv_date_formula("INDEX(h_PerSakums,h_PerIndekss)"), lv_date_formula("INDEX(h_PerBeigas,h_PerIndekss)")
    sh.formula(
        f"B{PERIOD_ROW}",
        f'IF(h_PerIndekss>0,{start}&" – "&{end},IF({VALID_START},"nav (sākums ārpus pārskata periodiem)",""))',
        st.out_text,
        "",
    )
    sh.text(f"C{PERIOD_ROW}", "no kataloga (6.11. tabula); plānam jāiekļaujas vienā periodā", st.note)
    sh.text(f"A{CHECK_DATE_ROW}", "Pārbaudes datums (pārskata perioda pirmā diena)", st.label_bold)
    sh.formula(f"B{CHECK_DATE_ROW}", 'IF(h_PerIndekss>0,INDEX(h_PerSakums,h_PerIndekss),"")', st.out_date, "")
    sh.define("Parbaudes_Datums", f"B{CHECK_DATE_ROW}")
    sh.text(f"C{CHECK_DATE_ROW}", "šajā dienā nosaka vecumu un likmi", st.note)
    sh.formula(f"D{CHECK_DATE_ROW}", f"IF(AND({VALID_START},h_PerIndekss=0),1,0)", st.helper, 0)
    sh.define("h_PerArpus", f"D{CHECK_DATE_ROW}")
    sh.formula(f"D{END_ROW}", "IF(AND(h_PerIndekss>0,ISNUMBER(Perioda_Beigas)),"
               "IF(Perioda_Beigas>INDEX(h_PerBeigas,h_PerIndekss),1,0),0)", st.helper, 0)
    sh.define("h_PerParsniegts", f"D{END_ROW}")
    sh.ws.conditional_format(f"B{PERIOD_ROW}", {"type": "formula", "criteria": "=OR(h_PerArpus=1,h_PerParsniegts=1)",
                                                "format": st.error_mark})
