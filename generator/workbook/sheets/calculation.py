"""Sheet 6.4, support plan part II: the working calculation of the IB amounts.

Each formula mirrors generator/reference (plan.py, rules.py, workbook.py) exactly; the helper
columns N… hold plain numbers so that comparisons never meet text. The plan lines in 6.3's order under the
table header (rows 7–8, repeated on every printed page with the header block), their total, then the summary
(P, N, F, A, the other funding sources, K, transport share).
"""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus, Recipient
from generator.lvformat import agree, eur
from generator.reference.lines import (
    ACTUAL_COST_UNIT,  # the unit's id; 6.8 shows "euro (faktiskās izmaksas)" as "euro"
)
from generator.reference.plan_changes import PRINTED_PARAMETER, confirmed_parameters
from generator.reference.rules import CALENDAR_DAY, HOUR, HOURS_A_DAY, UNBOUNDED_UNITS, WORKING_DAY
from generator.workbook.input_checks import (
    AMOUNT_MAX,
    FINAL_OVER_CODE,
    NOTE_FIELD_64,
    REASON_CODE,
    SINGLE_FIELDS,
    TRANSPORT_FIELD,
    money_validation,
    no_reason,
    not_text,
    short_message_formula,
)
from generator.workbook.layout import C64, Layout, col, execution_codes, planned_codes
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import first_cell, plan_rows, price_marks
from generator.workbook.sheets.common import (
    HAS_ERRORS,
    TITLE_HEIGHT,
    VOID_ANY,
    VOID_COUNT_NAME,
    counted_or_broken,
    header_block,
    print_setup,
    protect,
    unit_column,
)
from generator.workbook.sheets.items import PLAUSIBLE_NAME, PRICE_CODES, short_unit
from generator.workbook.sheets.personal import ERRORS_FIRST
from generator.workbook.sheets.plan import PLAN_CODES, PLAN_INPUTS, sessions_message, text_validation
from generator.workbook.texts import (
    BASE_LATER_FINAL,
    BASE_LATER_SHORT,
    BASE_PROVISIONAL_FINAL,
    BASE_PROVISIONAL_SHORT,
    CHECK_FULL_CHARS,
    CHECK_SHORT_CHARS,
    CHECK_SHORT_POINTER,
    MSG,
    MSG_SHORT,
    OWN_PRICE_MSG,
    STATUS_FUNDED,
    STATUS_NOT_FUNDED,
    STATUS_PARTIAL,
    STRUCTURE_CHANGED,
    VOID_LINES_NOTE,
    VOID_LINES_NOUN,
    YES,
)

SHEET = "6.4"
UNRANKED = 1000000  # an empty expert rank sorts after every entered rank (reference: math.inf)
# D22: A rests on an unconfirmed B. A is N when N <= P, else F (or P while there is no F), so with B unconfirmed
# only the ministry's F with N > P makes A a figure: F typed while N <= P (on the provisional P) leaves A unknown,
# because the confirmed B may yet make N > P. documents/from_matrix/context.py decides it alike (a_on_base).
A_ON_BASE = "AND(h_BazeProviz=1,NOT(AND(ISNUMBER(IB_Galigais),N(IB_Nepieciesamais)>N(IB_Provizoriskais))))"
# D294 (reference/open_prices.py): a figure is a blank only where an unconfirmed price can change it. A price is
# never below 0, so the confirmed lines' costs alone (N_c) are the least N: N_c > P (or N_c = P with no F) leaves A
# as F or P whatever the prices are. From the first line with an open price on in priority order, what is left of A
# is at most what was left before it (FIRST_OPEN_REST): a line that it buys nothing is known to get 0.
PRICES_OPEN = "SUM(h_CenaNeapst)>0"  # a plan line keeps a "jāprecizē" catalogue price (or has none)
F_APPLIES = "AND(ISNUMBER(IB_Galigais),N(IB_Nepieciesamais)>N(IB_Provizoriskais))"
CONFIRMED_NEEDED = "ROUND(SUMPRODUCT((h_CenaNeapst=0)*h_Izmaksas),2)"
A_BY_BOUND = (f"OR({CONFIRMED_NEEDED}>N(IB_Provizoriskais),AND({CONFIRMED_NEEDED}=N(IB_Provizoriskais),"
              "NOT(ISNUMBER(IB_Galigais))))")
# A is a blank: B unconfirmed (and no F applied), or a price open that may change it (6.5 h_ANeapst holds it)
A_OPEN = f"NOT(OR(AND(h_BazeProviz=0,OR(NOT({PRICES_OPEN}),{A_BY_BOUND})),{F_APPLIES}))"
OPEN_FAR = 100000
# the priority position of the first line with an open price (OPEN_FAR when there is none)
FIRST_OPEN = f"({OPEN_FAR}-SUMPRODUCT(MAX((h_CenaNeapst=1)*(h_Prio>0)*({OPEN_FAR}-h_Prio))))"
FIRST_OPEN_REST = f"IFERROR(INDEX(h_Atlikums,{FIRST_OPEN}),0)"
# F is typed but not applied: N <= P makes A = N (L1077); the ministry sets F only where N > P (L1385).
F_NOT_APPLIED = "AND(ISNUMBER(IB_Galigais),ISNUMBER(IB_Provizoriskais),N(IB_Nepieciesamais)<=N(IB_Provizoriskais))"


# D347: an amount is a blank ("") where an input it rests on is an invalid input by the very code that counts that
# cell's error (D140, D332, D340): B (6.11; B_Efektivais is then blank, and so P), F where it applies (N > P: A), an
# other source (its share of K, the later sources' and K). F above N (FINAL_OVER_CODE) is a rule on a valid F.
def summary_code(lay: Layout, k: int) -> str:
    """6.4's hidden check code of the summary's input ``k`` (0: F, 1–3: the other sources; SUMMARY_CODES)."""
    return f"'{SHEET}'!${SUMMARY_CODES[k]}${lay.calc_first - 2}"


def final_invalid(lay: Layout) -> str:
    """True while F (IB_Galigais) is an invalid input (its code, not F above N)."""
    code = summary_code(lay, 0)
    return f"AND(N({code})>0,N({code})<>{FINAL_OVER_CODE})"


def sources_valid(lay: Layout, k: int) -> str:
    """True while the other sources 1..``k`` (SOURCE_ROWS' order) are no invalid input: the share of K of source k
    is used after those before it."""
    codes = f"'{SHEET}'!${SUMMARY_CODES[1]}${lay.calc_first - 2}:${SUMMARY_CODES[k]}${lay.calc_first - 2}"
    return f"SUM({codes})=0"


def available_formula(lay: Layout) -> str:
    """A: N when N <= P, else F (P while there is none); a blank while P is, or F applies and is invalid (D347)."""
    return ('IF(ISNUMBER(IB_Provizoriskais),IF(IB_Nepieciesamais<=IB_Provizoriskais,IB_Nepieciesamais,'
            f'IF({final_invalid(lay)},"",IF(ISNUMBER(IB_Galigais),IB_Galigais,IB_Provizoriskais))),"")')


def base_effective(code: str) -> str:
    """The B the amounts use: the matrix's, else the catalogue's; a blank while the matrix's is an invalid input (its
    check ``code`` on 6.11, D347)."""
    return f'IF(N({code})>0,"",IF(ISNUMBER(Bazes_Apmers),Bazes_Apmers,Param_Bazes))'


# P from the rate and B; a blank while either is (an invalid B blanks B_Efektivais, D347)
PROVISIONAL_FORMULA = ('IF(AND(ISNUMBER(Provizoriska_Likme),ISNUMBER(B_Efektivais)),'
                       'ROUND(Provizoriska_Likme*B_Efektivais,2),"")')


def month_blocks(lay: Layout) -> dict[str, list[str]]:
    """Month columns: 6.6 planned units, 6.10 planned (copy), delivered units and paid EUR."""
    m = lay.months
    return {
        "planned": lay.month_cols("E"),
        "exe_plan": lay.month_cols("F"),
        "delivered": lay.month_cols(col("F", m)),
        "paid": lay.month_cols(col("F", 2 * m)),
    }


def _cum_terms(lay: Layout, p: int, r: int) -> tuple[str, str]:
    """The per-month terms of the D13 checks: cumulative delivered > cumulative planned, and
    cumulative paid > ROUND(cumulative delivered × price, 2), for months 1..M."""
    b = month_blocks(lay)
    d0, p0, s0 = b["delivered"][0], b["planned"][0], b["paid"][0]
    units, paid = [], []
    for k in range(1, lay.months + 1):
        dk, pk, sk = b["delivered"][k - 1], b["planned"][k - 1], b["paid"][k - 1]
        delivered = f"SUM('6.10'!${d0}{p}:{dk}{p})"
        units.append(f"AND({k}<=h_Menesi,ROUND({delivered}-SUM('6.6'!${p0}{p}:{pk}{p}),6)>0)")
        paid.append(f"AND({k}<=h_Menesi,ROUND(SUM('6.10'!${s0}{p}:{sk}{p}),2)>ROUND({delivered}*$Q{r},2))")
    return ",".join(units), ",".join(paid)


def whole_units(r: int, rest: str | None = None, price: str | None = None) -> str:
    """Whole units of the line in priority position k (row ``r``) that fit in what is left of A:
    INT(rest ÷ price), computed as INT(ROUND(…, 6)) and lowered by one when that many units cost
    more than the rest (so that binary fractions never add or lose a unit). ``rest`` and ``price``: another rest
    and the price of another line (open_price_zero)."""
    rest = rest or f"$AA{r}"
    price = price or f"INDEX(h_Cena,$Z{r})"
    units = f"INT(ROUND({rest}/{price},6))"
    return f"({units}-IF(ROUND({units}*{price},4)>ROUND({rest},2),1,0))"


def known_zero(r: int) -> str:
    """D294: the line of 6.4 row ``r`` (input order) is known to get 0 from what is left of A before the first open
    price (FIRST_OPEN_REST): a line with an open price when nothing is left, another when that rest buys it nothing
    (the reference's plan.line_funding of it is 0)."""
    rest = FIRST_OPEN_REST
    funded = (f"IF(ROUND($R{r},2)<=ROUND({rest},2),$R{r},IF(AND($Q{r}>0,{rest}>0),"
              f"ROUND(MIN($O{r},{whole_units(r, rest, f'$Q{r}')})*$Q{r},2),0))")
    return f"IF($BE{r}=1,ROUND({rest},2)=0,ROUND({funded},2)=0)"


def helper_columns(lay: Layout, r: int, p: int, units: dict[str, str] | None = None) -> list[tuple[str, str, str, object]]:
    """(column, name, formula, cached value of an empty row) of the helper columns of row ``r``
    (6.3/6.6/6.10 row ``p``); ``units``: the names 6.8 shows for the catalogue's unit ids (unit_names)."""
    units = units or {}
    b = month_blocks(lay)
    planned = f"'6.6'!${b['planned'][0]}{p}:${b['planned'][-1]}{p}"
    delivered = f"'6.10'!${b['delivered'][0]}{p}:${b['delivered'][-1]}{p}"
    paid = f"'6.10'!${b['paid'][0]}{p}:${b['paid'][-1]}{p}"
    units_terms, paid_terms = _cum_terms(lay, p, r)
    item = f"'6.3'!$C{p}"
    family = Recipient.family.value
    # One paste, one error (audit20 F7): a rule that only follows from an invalid input cell (its own error, counted
    # on 6.11) is not counted too – the row's item or units cell invalid (their check codes on 6.3), the price cell
    # holding a text or an error value instead of a number (an empty one is the missing price).
    codes = {c: code for (c, _), code in zip(PLAN_INPUTS, PLAN_CODES, strict=True)}
    item_code, units_code = f"'6.3'!${codes['C']}{p}", f"'6.3'!${codes['G']}{p}"
    price_invalid = invalid_price(f"$N{r}")
    # D298: a planned month on 6.6 that is an invalid input (a date, a text, a negative: its own code > 0) is one
    # error; the rules it feeds (the months' sum, delivered above the plan so far) skip the line, and the rules that
    # count a month's value (outside the period, an ignored line's data) count only the valid ones
    codes = planned_codes(lay, p)
    months_valid = f"SUM({codes})=0"
    valid_planned = f'{planned},">0",{codes},0'
    # D304: so is a delivered month or a payment on 6.10 (its own code > 0): a line with one is not checked for its
    # delivered units (a delivered one) or its payments (either: they are measured against the delivered units), and
    # the values after the period and an ignored line's data count only the valid ones
    got_codes, paid_codes = execution_codes(lay, p, 0), execution_codes(lay, p, 1)
    got_valid, paid_valid = f"SUM({got_codes})=0", f"SUM({paid_codes})=0"
    valid_got, valid_paid = f'{delivered},">0",{got_codes},0', f'{paid},">0",{paid_codes},0'

    def incompat(relation: str) -> str:
        return (
            f"IF($P{r}=1,SUMPRODUCT((h_Aktiva=1)*(h_Nr{relation}$A{r})*((ISNUMBER(SEARCH(\";\"&h_Kods&\";\",$AF{r}))"
            f"+ISNUMBER(SEARCH(\";\"&$AE{r}&\";\",h_NesadSar)))>0)),0)"
        )

    def sessions(relation: str) -> str:
        """Pairs with lines whose sessions this line's service includes, or that include this one's (L1713)."""
        return f"SUMPRODUCT((h_Aktiva=1)*(h_Nr{relation}$A{r})*{sessions_pair()})"

    def sessions_pair() -> str:
        return (f"((ISNUMBER(SEARCH(\";\"&h_Kods&\";\",$AZ{r}))"
                f"+ISNUMBER(SEARCH(\";\"&$AE{r}&\";\",h_Ietver)))>0)")

    c = C64
    return [
        (c.h_row, "h_Rinda", f'IF({item}="",0,IFERROR(MATCH({item},Pak_Id,0),0))', 0),
        # D332: units or a price that are an invalid input (TRUE, a date, a formula, a negative number) are used by
        # no amount and no rule: the line is not active, as with a text (its own error is the one counted)
        (c.h_units, "h_Daudzums", f"IF(N({units_code})>0,0,N('6.3'!$G{p}))", 0),
        (c.h_active, "h_Aktiva", f"IF(AND($N{r}>0,$O{r}>0,NOT({price_invalid})),1,0)", 0),
        (c.h_price, "h_Cena", f"IF($N{r}>0,IF({price_invalid},0,N(INDEX(Pak_Cena,$N{r}))),0)", 0),
        (c.h_cost, "h_Izmaksas", f"IF($P{r}=1,ROUND($O{r}*$Q{r},2),0)", 0),
        (c.h_area, "h_Joma", f"IF($N{r}>0,INDEX(Pak_Joma,$N{r}),0)", 0),
        (c.h_expert_rank, "h_EkspRangs", f"IF(N('6.3'!$F{p})>0,N('6.3'!$F{p}),{UNRANKED})", UNRANKED),
        (c.h_key, "h_Atslega", f"$T{r}*10000+$S{r}*1000+$A{r}", None),
        (c.h_expert_pos, "h_EkspPoz", f"IF($P{r}=1,SUMPRODUCT((h_Aktiva=1)*(h_Atslega<$U{r}))+1,0)", 0),
        (c.h_parent, "h_VecRangs", f"IF(N('6.3'!$I{p})>0,N('6.3'!$I{p}),$V{r})", 0),
        (c.h_score, "h_Vertejums",
         f"IF($P{r}=1,ROUND(Param_EkspertuSvars*$V{r}+Param_VecakuSvars*$W{r},6),0)", 0),
        (c.h_prio, "h_Prio", f"IF($P{r}=1,$H{r},0)", 0),
        # Funding down the priority list (D4): row k of Z/AA/AB/AZ is the line in priority position k.
        (c.s_line, "h_PrioRinda", f"IFERROR(MATCH($A{r},h_Prio,0),0)", 0),
        (c.s_rest, "h_Atlikums",
         "IF(ISNUMBER(IB_Pieejamais),IB_Pieejamais,0)" if r == lay.calc_first else
         f"ROUND($AA{r - 1}-$AB{r - 1},2)", 0),
        (c.s_funded, "h_Finansets",
         f"IF($Z{r}>0,IF(ROUND(INDEX(h_Izmaksas,$Z{r}),2)<=ROUND($AA{r},2),INDEX(h_Izmaksas,$Z{r}),"
         f"IF(AND(INDEX(h_Cena,$Z{r})>0,$AA{r}>0),ROUND(MIN(INDEX(h_Daudzums,$Z{r}),{whole_units(r)})"
         f"*INDEX(h_Cena,$Z{r}),2),0)),0)",
         0),
        (c.h_transport, "h_Transports", f'IF($P{r}=1,IF(INDEX(Pak_Transports,$N{r})="{YES}",1,0),0)', 0),
        (c.h_day, "h_Dienas", f"IF($P{r}=1,INDEX(h_Pak_Dienas,$N{r}),0)", 0),
        (c.h_service, "h_Kods", f'IF($N{r}>0,INDEX(h_Pak_Kods,$N{r}),"")', ""),
        (c.h_incompat_list, "h_NesadSar", f'IF($N{r}>0,INDEX(h_Pak_Nesaderigs,$N{r})&"","")', ""),
        (c.f_incompat, "f_Nesaderigs", incompat(">"), 0),
        (c.f_price, "f_Cena",
         f"IF($P{r}=1,IF(ISNUMBER(INDEX(Pak_MaxCena,$N{r})),IF($Q{r}>INDEX(Pak_MaxCena,$N{r}),1,0),0),0)", 0),
        (c.f_months, "f_Menesi",
         f"IF(AND($P{r}=1,h_MenOK=1,{months_valid}),IF(ROUND($AT{r},6)<>ROUND($O{r},6),1,0),0)", 0),
        (c.f_outside, "f_Arpus",
         f'IF(AND($P{r}=1,h_MenOK=1),IF(COUNTIFS(h_MenNr66,">"&h_Menesi,{valid_planned})+COUNTIFS(h_MenNrD,">"&h_Menesi,'
         f'{valid_got})+COUNTIFS(h_MenNrS,">"&h_Menesi,{valid_paid})>0,1,0),0)', 0),
        (c.f_delivered, "f_Sanemts",
         f"IF(AND($P{r}=1,h_MenOK=1,{months_valid},{got_valid}),IF(OR({units_terms},ROUND($AU{r}-$O{r},6)>0),1,0),0)",
         0),
        (c.f_paid, "f_Samaksats",
         f"IF(AND($P{r}=1,h_MenOK=1,NOT({price_invalid}),{got_valid},{paid_valid}),"
         f"IF(OR({paid_terms},ROUND($AV{r},2)>$R{r}),1,0),0)", 0),
        (c.f_impairment, "f_Traucejums",
         f'IF(AND($P{r}=1,Berns_Traucejums<>""),IF($AW{r}="",0,'
         f'IF(ISNUMBER(SEARCH(";"&Berns_Traucejums&";",$AW{r})),0,1)),0)', 0),
        (c.f_recipient, "f_Sanemejs",
         f'IF($P{r}=1,IF(AND($AR{r}<>"",$AS{r}<>"{family}",$AR{r}<>$AS{r}),1,0),0)', 0),
        (c.f_ignored, "f_Tuksa",
         f'IF(AND($P{r}=0,{item_code}=0,{units_code}=0,NOT({price_invalid})),IF(COUNTIFS({valid_planned})+COUNTIFS({valid_got})+COUNTIFS({valid_paid})>0,1,0),0)', 0),
        (c.f_unknown, "f_Nezinams", f'IF(AND({item}<>"",$N{r}=0),1,0)', 0),
        (c.f_missing_price, "f_BezCenas", f"IF($P{r}=1,IF(ISNUMBER(INDEX(Pak_Cena,$N{r})),0,IF({price_invalid},0,1)),0)",
         0),
        (c.h_recipient, "h_SanKods",
         f"IF('6.3'!$D{p}=\"\",\"\",IFERROR(INDEX(Saraksts_SanKodi,MATCH('6.3'!$D{p},Saraksts_Sanemeji,0)),\"?\"))",
         ""),
        (c.h_item_recipient, "h_PakSan", f'IF($N{r}>0,INDEX(h_Pak_Sanemejs,$N{r}),"")', ""),
        (c.h_planned, "h_Planots", f'SUMIFS({planned},h_MenNr66,"<="&h_Menesi)', 0),
        (c.h_delivered, "h_Sanemts", f'SUMIFS({delivered},h_MenNrD,"<="&h_Menesi)', 0),
        (c.h_paid, "h_Samaksats", f'ROUND(SUMIFS({paid},h_MenNrS,"<="&h_Menesi),2)', 0),
        (c.h_limits, "h_Ierob", f'IF($N{r}>0,INDEX(h_Pak_Traucejumi,$N{r})&"","")', ""),
        (c.h_active_nr, "h_AktNr", f"IF($P{r}=1,COUNTIF($P${lay.calc_first}:$P{r},1),0)", 0),
        (c.h_incompat_all, "h_NesadVisi", incompat("<>"), 0),
        (c.h_includes, "h_Ietver", f'IF($N{r}>0,INDEX(h_Pak_Ietver,$N{r})&"","")', ""),
        (c.f_sessions, "f_Nodarbibas", f"IF($P{r}=1,{sessions('>')},0)", 0),
        (c.h_sessions_all, "h_NodarbVisas", f"IF($P{r}=1,{sessions('<>')},0)", 0),
        (c.h_sessions_other, "h_NodarbRinda",
         f"IF($BB{r}>0,SUMPRODUCT(MAX((h_Aktiva=1)*(h_Nr<>$A{r})*{sessions_pair()}*h_Nr)),0)", 0),
        (c.f_unconfirmed, "f_GriestiNeapst", f"IF($P{r}=1,N(INDEX(h_Pak_GriestiNeapst,$N{r})),0)", 0),
        (c.f_actual_cost, "f_EiroCena",
         f'IF($P{r}=1,IF(AND(INDEX(h_Pak_Mervieniba,$N{r})="{ACTUAL_COST_UNIT}",$Q{r}<>1),1,0),0)', 0),
        (c.f_unit_limit, "f_VienibuRobeza", unit_limit(r, units), 0),
        (c.f_above_p, "f_RindaVirsP",
         f"IF(AND($P{r}=1,N(IB_Provizoriskais)>0),IF(AND(OR({unbounded(r, units)}),$R{r}>IB_Provizoriskais),1,0),0)",
         0),
        # D22, as the child's documents decide it (documents/from_matrix/context.py): the price is blank where the
        # line keeps the catalogue's "jāprecizē" price or has none; its IB share where A rests on an unconfirmed B
        # (A_ON_BASE) or where A is a blank and may be the ministry's F, or from the first line with an open price on
        # in priority order, unless A is known and what is left of it there buys the line nothing (D294,
        # reference/open_prices.py)
        (c.h_price_provisional, "h_CenaNeapst",
         f"IF($P{r}=1,IF(OR($Q{r}=0,AND(ISNUMBER(INDEX(h_Pak_CenaProviz,$N{r})),"
         f"$Q{r}=INDEX(h_Pak_CenaProviz,$N{r}))),1,0),0)", 0),
        (c.h_ib_provisional, "h_IBNeapst",
         f"IF($P{r}=1,IF(OR({A_ON_BASE},AND(h_ANeapst=1,ISNUMBER(IB_Galigais)),"
         f"AND($Y{r}>0,$Y{r}>={FIRST_OPEN},OR(h_ANeapst=1,NOT({known_zero(r)})))),1,0),0)",
         0),
        (c.f_implausible, "f_CenaNeticama", implausible(r), 0),  # D370
        # D366, D372: the line is void (its service listed, its units or 6.8 price an invalid input): the one flag the
        # void lines' count (void_count_formula) and 6.10's paid sums (void_paid) read, so that they cannot disagree
        (c.h_void, VOID_FLAG_NAME, f"IF(AND($N{r}>0,OR(N({units_code})>0,{price_invalid})),1,0)", 0),
        (c.h_msg_full, "h_ZinasPilnas", full_messages(r, p), ""),
        (c.h_msg_short, "h_ZinasIsas", short_messages(r, p), ""),
    ]


def unit_names(catalogue: Catalogue) -> dict[str, str]:
    """The name 6.8 shows (h_Pak_Mervieniba, items.short_unit) for each of the catalogue's unit ids."""
    return {u.id: short_unit(u.name_lv) for u in catalogue.enums.units}


def _is_unit(r: int, unit: str, units: dict[str, str]) -> str:
    return f'INDEX(h_Pak_Mervieniba,$N{r})="{units.get(unit, unit)}"'


def unit_limit(r: int, units: dict[str, str]) -> str:
    """D147 (reference check_unit_limits): the line's period units (O) above the plan period's calendar days
    (``diennakts``), their hours (``stunda``) or its working days (``darba-diena``: 6.11's month counts, D11, only when
    every period month has one, D62)."""
    days = "(Perioda_Beigas-Perioda_Sakums+1)"
    working = f"AND({_is_unit(r, WORKING_DAY, units)},COUNT(h_DarbaDienas)=h_Menesi,$O{r}>SUM(h_DarbaDienas))"
    over = (f"OR(AND({_is_unit(r, CALENDAR_DAY, units)},$O{r}>{days}),"
            f"AND({_is_unit(r, HOUR, units)},$O{r}>{HOURS_A_DAY}*{days}),{working})")
    return f"IF(AND($P{r}=1,ISNUMBER(Perioda_Sakums),ISNUMBER(Perioda_Beigas)),IF({over},1,0),0)"


def unbounded(r: int, units: dict[str, str]) -> str:
    """The line's unit is one the period does not limit (D148)."""
    return ",".join(_is_unit(r, u, units) for u in UNBOUNDED_UNITS)


def _invalid_63(p: int) -> str:
    """True when an input of the line's 6.3 row is invalid."""
    return f"SUM('6.3'!${PLAN_CODES[0]}{p}:${PLAN_CODES[-1]}{p})>0"


def full_messages(r: int, p: int) -> str:
    """Every failing check of line ``r`` (6.3 row ``p``) in full (MSG), in MESSAGES_64's order; the unconfirmed
    ceiling's of a line that keeps the catalogue's own „jāprecizē" price is OWN_PRICE_MSG (D303)."""
    parts = [f'IF(${c}{r}>0,{_message(code, r)},"")' for c, code in MESSAGES_64]
    parts.insert(NO_PRICE_AT, f'IF({no_price(r)},"{MSG["no_provider_price"]} ","")')
    parts.append(sessions_message(r))
    parts.append(f'IF({_invalid_63(p)},"{MSG["invalid_input_63"]} ","")')
    parts.append(_invalid_price_message(r))
    return "TRIM(" + "&".join(parts) + ")"


def _invalid_price_message(r: int) -> str:
    """D386: line ``r``'s 6.8 price is an invalid input (the line void, D332; its price „nederīgs”): the full message
    names that 6.8 cell, as 6.3's invalid input is said beside it."""
    before, after = MSG["invalid_price_68"].split("{cell}")
    cell = first_cell.cell_address("Pak_Cena", f"$N{r}")
    return f'IF({invalid_price(f"$N{r}")},"{before}"&{cell}&"{after} ","")'


def _invalid_price_short(r: int) -> str:
    """D386: the same as a keyword (MSG_SHORT)."""
    return f'IF({invalid_price(f"$N{r}")},"{MSG_SHORT["invalid_price_68"]}; ","")'


def implausible(r: int) -> str:
    """D370 (reference check_implausible_prices): active line ``r`` priced above its unit's plausible highest (6.8's
    h_Pak_CenaTicama, blank for a unit without one) while its item has no ceiling figure (Pak_MaxCena: f_Cena's)."""
    bound = f"INDEX({PLAUSIBLE_NAME},$N{r})"
    return (f"IF($P{r}=1,IF(AND(NOT(ISNUMBER(INDEX(Pak_MaxCena,$N{r}))),ISNUMBER({bound})),"
            f"IF($Q{r}>{bound},1,0),0),0)")


def no_price(r: int) -> str:
    """D364: line ``r`` is active with a provider's price of 0,00 – typed, not empty (missing_price), of a unit that
    does not fix its own price (actual_cost_price): 6.11's NO_PROVIDER_PRICE counts it, without a flag column."""
    return f"AND($P{r}=1,$Q{r}=0,${C64.f_missing_price}{r}=0,${C64.f_actual_cost}{r}=0)"


def _message(code: str, r: int) -> str:
    """The formula of check ``code``'s full message on line ``r``, with the space that separates it from the next."""
    if code == "ceiling_unconfirmed":
        # a kept catalogue price, not an empty one (h_CenaNeapst also marks a line without a price: missing_price)
        return f'IF(AND(${C64.h_price_provisional}{r}=1,$Q{r}<>0),"{OWN_PRICE_MSG} ","{MSG[code]} ")'
    return f'"{MSG[code]} "'


def short_messages(r: int, p: int) -> str:
    """The same checks as short keywords (MSG_SHORT) joined by "; "."""
    parts = [f'IF(${c}{r}>0,"{MSG_SHORT[code]}; ","")' for c, code in MESSAGES_64]
    parts.insert(NO_PRICE_AT, f'IF({no_price(r)},"{MSG_SHORT["no_provider_price"]}; ","")')
    parts.append(f'IF(${C64.h_sessions_all}{r}>0,"{MSG_SHORT["day_care_sessions"]} "&${C64.h_sessions_other}{r}'
                 f'&". rinda; ","")')
    parts.append(f'IF({_invalid_63(p)},"{MSG_SHORT["invalid_input_63"]}; ","")')
    parts.append(_invalid_price_short(r))
    joined = "&".join(parts)
    return f'IF(LEN({joined})>2,LEFT({joined},LEN({joined})-2),"")'


def check_cell(r: int) -> str:
    """6.4's "Pārbaude" (D60): the full messages while they fit the cell's two lines, otherwise the keywords
    (cut with "…" when even they are too long) and where each check is explained in full."""
    full, short = f"${C64.h_msg_full}{r}", f"${C64.h_msg_short}{r}"
    keywords = f'IF(LEN({short})<={CHECK_SHORT_CHARS},{short},LEFT({short},{CHECK_SHORT_CHARS - 1})&"…")'
    return f'IF(LEN({full})<={CHECK_FULL_CHARS},{full},{keywords}&"{CHECK_SHORT_POINTER}")'


MESSAGES_64 = (
    (C64.f_unknown, "unknown_item"),
    (C64.f_missing_price, "missing_price"),
    (C64.f_price, "price_above_ceiling"),
    (C64.f_actual_cost, "actual_cost_price"),
    (C64.f_implausible, "price_implausible"),  # D370
    (C64.h_incompat_all, "incompatible"),
    (C64.f_unconfirmed, "ceiling_unconfirmed"),
    (C64.f_impairment, "impairment"),
    (C64.f_recipient, "recipient"),
    (C64.f_months, "monthly_units"),
    (C64.f_outside, "outside_period"),
    (C64.f_delivered, "delivered_above_plan"),
    (C64.f_paid, "paid_above_delivered"),
    (C64.f_ignored, "ignored_line_data"),
    (C64.f_unit_limit, "units_above_period"),
    (C64.f_above_p, "line_above_provisional"),
)
NO_PRICE_AT = 2  # the place of D364's message (no_price) in MESSAGES_64's order: after missing_price

# Two landscape pages across (a manual page break after FIRST_PAGE_TO), each with the repeated label columns A:B:
# the plan rows hold two lines of 9 pt text, so the service and provider names wrap in their cells, and the check
# message (Pārbaude) has the width for two of the plan checks' messages whole in its two lines.
COLUMNS = (
    ("A", "Nr.", 4),
    ("B", "SBS pakalpojums", 36),  # the longest service name (3.17i) in two lines; A:B hold the child's line
    ("C", "Sniedzējs", 30),  # a provider's name of up to PROVIDER_CHARS characters in two lines of 8 pt (D166)
    ("D", "Mērvienība", 12),
    ("E", "Daudzums periodā", 9),
    ("F", "Cena, EUR", 10),
    ("G", "Summa, EUR", 11),
    ("H", "Prioritāte", 9),
    ("I", "No IB, EUR", 11),
    ("J", "Citi avoti vai nefinansēts, EUR", 12),
    ("K", "Finansējums no IB", 17),  # "nav IB finansējuma" in one line
    ("L", "Pārbaude", 40),
    ("M", "Piezīmes", 24),
)
UNIT_COLUMN = unit_column(COLUMNS)  # the plan rows' unit (writer.EURO_UNIT_COLUMNS)


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    lay = book.layout
    cache = book.cache
    header_block(
        sh,
        "6.4. IB apmēra darba aprēķins (nav parakstāms)",
        "Darba aprēķins: IB nepieciešamais apmērs no 6.3. tabulas daudzumiem un 6.8. tabulas cenām, IB finansējums "
        "prioritārā secībā un IB kopējais apmērs ar citiem finansējuma avotiem (2. variants). Parakstāmā forma ir "
        "6.5. tabula.",
        "M",
        "B",  # the child's, parent's and period lines in the repeated label columns: whole on every page across
        title_to=FIRST_PAGE_TO,  # the first landscape page ends with FIRST_PAGE_TO (a manual page break after it)
        title_height=TITLE_HEIGHT,
        # the child's and parent's names wrap in two lines of A:B, the personal code under them, as on the other
        # sheets (audit32 F4: one-line rows cut a parent's name of 28 characters)
        two_lines=True,
        code_line=True,
    )
    sh.widths({c: w for c, _, w in COLUMNS})
    head = lay.calc_first - 2
    for c, text, _ in COLUMNS:
        sh.merge_text(f"{c}{head}:{c}{head + 1}", text, st.header)
    sh.row_height(head, SUMMARY_ROW_HEIGHT)
    sh.row_height(head + 1, SUMMARY_ROW_HEIGHT)
    for i in range(lay.plan_rows):
        r = lay.calc_first + i
        p = lay.plan_row(i)
        _line(sh, r, p, i + 1)
    first, last = lay.calc_first, lay.calc_last
    total = last + 1
    sh.formula(f"G{total}", "IB_Nepieciesamais", st.out_money_bold, cache.needed)
    sh.formula(f"I{total}", f"SUM(I{first}:I{last})", st.out_money_bold, 0)
    sh.formula(f"J{total}", f"SUM(J{first}:J{last})", st.out_money_bold, 0)
    sh.define("h_Nr", f"A{first}", f"A{last}")
    sh.define("h_Mervieniba", f"D{first}", f"D{last}")  # the line's unit, for 6.10's euro quantities (writer)
    sh.define("Aprekins_Piezimes", f"M{first}", f"M{last}")
    sh.text(f"{C64.f_note}{head + 1}", "f_PiezimjuGarums", st.helper_text)
    sh.ws.conditional_format(f"M{first}:M{last}", {"type": "formula", "criteria": f"=${C64.f_note}{first}>0",
                                                   "format": st.error_mark})
    text_validation(sh, f"M{first}:M{last}", NOTE_FIELD_64, "šūnas divās rindās")
    for name, letter in (("Plans_Cena", "F"), ("Plans_Summa", "G"), ("Plans_Prioritate", "H"), ("Plans_NoIB", "I")):
        sh.define(name, f"{letter}{first}", f"{letter}{last}")
    for letter, name, _, _ in helper_columns(lay, first, lay.plan_first):
        sh.define(name, f"{letter}{first}", f"{letter}{last}")  # the names only: no unit names needed
    sh.text(f"{C64.h_row}{head}", "Palīgkolonnas (aprēķinam, nemainīt)", st.helper_text)
    for letter, name, _, _ in helper_columns(lay, first, lay.plan_first):
        sh.text(f"{letter}{head + 1}", name, st.helper_text)
    sh.ws.set_column(f"{C64.h_row}:{C64.last}", 9, None, {"hidden": True, "level": 1})
    cf = sh.ws.conditional_format
    cf(f"L{first}:L{last}", {"type": "formula", "criteria": f'=$L{first}<>""', "format": st.error_mark})
    cf(f"K{first}:K{last}", {"type": "formula", "criteria": f'=$K{first}="{STATUS_NOT_FUNDED}"',
                             "format": st.warning_mark})
    # F7: a "jāprecizē" catalogue price prints "5,11*", explained under the summary (D190)
    price_marks.mark_prices(sh, f"F{first}:F{last}", f"${C64.h_price_provisional}{first}=1")
    # audit42 F11: the total's label "Kopā" shares its row with the hidden-rows warning (which replaces it while a
    # filled row is hidden), and the price note is under the summary, so that the total is one row of
    # SUMMARY_ROW_HEIGHT that fits under 15 or 30 rows on their page (CALC_ROW_HEIGHT); the two rows it held stay
    # (the summary keeps its addresses), empty and one pixel high: not hidden, which `ibm migrate`'s outline
    # (generator/ministry/xlsx_outline.py) would undo
    note_row = summary_top(lay) + SUMMARY_LAST + 1
    price_marks.price_note(sh, f"C{note_row}:{FIRST_PAGE_TO}{note_row}")
    plan_rows.plan_rows(sh, first, lay.plan_rows, CALC_ROW_HEIGHT, used="=E", warning_cell=f"A{total}",
                        inputs=("M",), warning_height=SUMMARY_ROW_HEIGHT,  # one line in the label columns A:B
                        hint_cell=None, otherwise="Kopā")
    for row in (total + 1, total + 2):
        sh.row_height(row, 0.75)
    top = summary_top(lay)
    sh.row_height(top - 1, SUMMARY_GAP_HEIGHT)  # a gap above the summary: on paper between it and rows 1–8
    _summary(sh, top)
    sh.ws.freeze_panes(head + 1, 2)
    # the print area runs on over the hidden helper columns: LibreOffice prints hidden columns that follow
    # a print area's last column as "###"; inside the area they print as nothing (and in Excel). The header
    # block and the table header (rows 1–8) repeat on every page, so every page of plan rows and the page
    # with the total name their columns (F6).
    print_setup(sh, C64.last, top + SUMMARY_LAST + 1, annex="6.4. tabula (darba aprēķins)")
    sh.ws.set_v_pagebreaks([sh._rc(f"{col(FIRST_PAGE_TO, 1)}1")[1]])
    # The summary starts a page of its own, whole: after the last plan rows its 19 rows would not fit for every
    # number of open rows, and a summary cut in two printed its end under the table's header. Its page across
    # (J:M) holds nothing and does not print (SUMMARY_CODES: its checks' codes lie in the repeated rows).
    sh.ws.set_h_pagebreaks([top - 2])  # before the gap row: it parts the summary's heading from the repeated rows
    protect(sh)


INVALID_UNITS = "nederīgs"  # 6.4 "Daudzums periodā" of a row whose units cell holds an invalid input


def invalid_price(item: str) -> str:
    """True when the 6.8 price of the service in 6.8 row ``item`` (1-based, 0 for none) is an invalid input (its check
    code > 0: a text, TRUE, a date, a formula, a negative number; D140, D332)."""
    return f"IF({item}>0,N(INDEX({PRICE_CODES},{item}))>0,FALSE)"


def void_paid(r: int, paid_bad: str, paid_sum: str) -> str:
    """D367: true when plan line ``r`` is void (6.4's flag h_Nederiga: its service chosen, its units or 6.8 price an
    invalid input, D332, so not active) and has payments: ``paid_bad`` (an invalid payment of its row) or its
    ``paid_sum`` (the period months' payments) not 0. Paid money is a fact: the line's paid sum on 6.10, and so the
    period's paid total Fakt_Kopa, print INVALID_UNITS instead of leaving it out (reference evaluate_workbook)."""
    return f"AND('6.4'!${C64.h_void}{r}=1,OR({paid_bad},{paid_sum}<>0))"


def inactive_paid(r: int, paid_bad: str, paid_sum: str, blank: bool = True) -> str:
    """The paid sum of plan line ``r`` while it is not active (6.10's "Samaksāts, EUR", 6.11's recomputation of it):
    INVALID_UNITS for an invalid payment of its row (``paid_bad``) or a void line's payments (void_paid, D367); else
    its period months' ``paid_sum`` – a line with no service or no units that has payments (the rule
    ignored_line_data) is counted, so that the period's paid total Fakt_Kopa counts every payment the months' totals
    count (D372) – blank (``blank``) while it is 0."""
    void = void_paid(r, "FALSE", paid_sum)
    rest = f'IF({paid_sum}<>0,{paid_sum},"")' if blank else paid_sum
    return f'IF(OR({paid_bad},{void}),"{INVALID_UNITS}",{rest})'


def plan_price(item: str) -> str:
    """6.4's "Cena" of the service in 6.8 row ``item``: INVALID_UNITS for an invalid price (D332), blank for none."""
    return (f'IF({item}>0,IF({invalid_price(item)},"{INVALID_UNITS}",IF(ISNUMBER(INDEX(Pak_Cena,{item})),'
            f'INDEX(Pak_Cena,{item}),"")),"")')


def _line(sh: Sheet, r: int, p: int, nr: int) -> None:
    st = sh.st
    lay = sh.book.layout
    sh.number(f"A{r}", nr, st.out_whole)
    sh.formula(f"B{r}", f"IF('6.3'!$C{p}=\"\",\"\",'6.3'!$C{p})", st.out_text_wrap, "")
    sh.formula(f"C{r}", f'IF($N{r}>0,IF(INDEX(Pak_Sniedzejs,$N{r})="","",INDEX(Pak_Sniedzejs,$N{r})),"")',
               st.out_text_small, "")  # two lines of 8 pt, as on 6.5 (D166)
    sh.formula(f"D{r}", f'IF($N{r}>0,INDEX(h_Pak_Mervieniba,$N{r}),"")', st.out_text, "")
    # units that are not a valid number print as such, not as 0 (audit20 F6; 6.11 lists the cell)
    units_code = f"'6.3'!${dict(zip('CDFGI', PLAN_CODES, strict=True))['G']}{p}"
    sh.formula(f"E{r}", f'IF($N{r}>0,IF(N({units_code})>0,"{INVALID_UNITS}",$O{r}),"")', st.out_units, "")
    sh.formula(f"F{r}", plan_price(f"$N{r}"), st.out_price, "")
    sh.formula(f"G{r}", f'IF($P{r}=1,$R{r},"")', st.out_money, "")
    sh.formula(
        f"H{r}",
        f'IF($P{r}=1,SUMPRODUCT((h_Aktiva=1)*((h_Vertejums<$X{r})+(h_Vertejums=$X{r})*(h_EkspPoz<$V{r})))+1,"")',
        st.out_whole,
        "",
    )
    sh.formula(f"I{r}", f'IF($P{r}=1,IF(ISNUMBER(IB_Pieejamais),INDEX(h_Finansets,$H{r}),""),"")', st.out_money, "")
    sh.formula(f"J{r}", f'IF(ISNUMBER($I{r}),ROUND($G{r}-$I{r},2),"")', st.out_money, "")
    sh.formula(
        f"K{r}",
        f'IF(ISNUMBER($I{r}),IF($I{r}=$G{r},"{STATUS_FUNDED}",IF($I{r}>0,"{STATUS_PARTIAL}","{STATUS_NOT_FUNDED}")),"")',
        st.out_text,
        "",
    )
    # a note too long to print whole (audit32 F6): the cell named first, 6.11 says the rest
    sh.formula(f"L{r}", f'IF(${C64.f_note}{r}>0,"M{r}: {TOO_LONG}; ","")&{check_cell(r)}', st.message, "")
    sh.blank(f"M{r}", st.input_wrap)
    sh.check(NOTE_FIELD_64, f"M{r}", f"{C64.f_note}{r}")
    for letter, _, formula, cached in helper_columns(lay, r, p, unit_names(sh.book.catalogue)):
        if cached is None:  # the sort key of an empty row: rank placeholder × 10000 + row number
            cached = UNRANKED * 10000 + nr
        fmt = st.helper_text if isinstance(cached, str) else st.helper
        sh.formula(f"{letter}{r}", formula, fmt, cached)


# the status while P or A is a blank for an invalid B or F (D347): what is missing and why, not „fill in 6.1”
BASE_INVALID_STATUS = "Bāzes apmērs B 6.11. tabulā nav derīgs, tāpēc P, A un K nav aprēķināti."
FINAL_INVALID_STATUS = "N > P: ievadītais IB galīgais apmērs F nav derīgs, tāpēc A un K nav aprēķināti."


def transport_share_formula(lay: Layout) -> str:
    """The IB-funded transport's share of A; a blank where A is for an invalid B or F (D347), else 0 without A."""
    invalid = f"AND(NOT(ISNUMBER(IB_Pieejamais)),OR(NOT(ISNUMBER(B_Efektivais)),{final_invalid(lay)}))"
    return f'IF({invalid},"",IF(N(IB_Pieejamais)<>0,SUMIFS(Plans_NoIB,h_Transports,1)/IB_Pieejamais,0))'


# the rate of P by the child's age and the special-care opinion (also recomputed by cross_checks.py, D153)
RATE_FORMULA = ('IF(ISNUMBER(Vecums),IF(OR(NOT(ISNUMBER(Parbaudes_Datums)),h_Neatbilst=1),0,'
                f'IF(OR(Vecums<=Param_PilnasLikmesVecums,Ipasas_Kopsanas_Atzinums="{YES}"),Param_LikmePilna,'
                'Param_LikmeSamazinata)),"")')
SUMMARY_ROW_HEIGHT = 12
SUMMARY_GAP_HEIGHT = 14  # the row above the summary's heading, first on its page
FIRST_PAGE_TO = "I"  # the last column of the first page across (landscape): the second holds J–M
# The plan rows: two lines of 9 pt text (names wrap in B and C; two check messages whole in L), as the signed annexes'.
# audit42 F11 (D190): 24,75 pt, so that a page holds 15 of them and the total (A4 landscape, rows 1–8 repeated; 16 do
# not fit, 15 and the total do, with 4 and 6 pt to spare as LibreOffice prints): a page ends after rows 15 and 30,
# the end of an outline group (plan_rows, groups of 5), so no page holds only unused rows, and the total is never
# on a page of its own. With the signed annexes' 21,75 pt a page held 17: a plan of 16 or 17 lines (20 rows open)
# printed rows 18–20 unused on a page of their own with the total, one of 31–34 lines (35 open) row 35.
CALC_ROW_HEIGHT = 24.75
# The summary ("IB apmēri periodā") lies under the table's total, on the first page across only, outside the
# repeated label columns A:B: every page across repeats A:B, so a label there would print on the pages across
# without its value. Labels in C:D, values in E (a second value in F), notes and messages in G:I. Its rows are
# counted from its title row (summary_top): 1 is the child's age, SUMMARY_LAST the status.
SUMMARY_LABEL = ("C", "D")
VALUE, SECOND, NOTE_FROM = "E", "F", "G"
SUMMARY_GAP = 4  # the warning about hidden filled rows, the price note and a gap, then the summary's title
SUMMARY_LAST = 18


def summary_top(lay: Layout) -> int:
    """The row of the summary's title "IB apmēri periodā" (its labelled rows follow: SUMMARY_ROWS)."""
    return lay.calc_last + 1 + SUMMARY_GAP


# 6.11's status cell of transport_share_max: „jāprecizē” where the matrix's round does not confirm the limit (D287)
TRANSPORT_STATUS_NAME = "Param_TransportaStatuss"
# The 17 labelled rows of the summary (row below its title, label); row 9 heads the other funding sources.
SUMMARY_ROWS: tuple[tuple[int, str], ...] = (
    (1, "Bērna vecums pārbaudes datumā (pilni gadi, 6.1. tabula)"),
    (2, "IB provizoriskā apmēra likme"),
    (3, "Bāzes apmērs B (6.11. tabula)"),
    (4, "IB provizoriskais apmērs P = likme × B"),
    (5, "IB nepieciešamais apmērs N (plāna summa)"),
    (6, "IB galīgais apmērs F (nosaka LM; tukšs, kamēr nav noteikts)"),
    (7, "IB pieejamais apmērs plānam A (N, ja N ≤ P; citādi F vai P)"),
    (8, "Finansēts no IB (prioritārā secībā)"),
    (10, "Valsts un pašvaldību pabalsti"),
    (11, "Valsts un pašvaldību nodrošināti vai finansēti pakalpojumi"),  # one line in Excel too (test_cell_room)
    (12, "Citi finanšu avoti (vecāki, ziedojumi)"),
    (13, "IB kopējais apmērs K"),
    (14, "Nesegtā daļa (N − K)"),
    (15, "No IB finansētā transporta daļa no A / augšējā robeža"),  # E the share, F the limit
    (16, "Pamatojums, ja transporta daļa pārsniedz robežu"),
    (17, "Pārbaudes: kļūdas / brīdinājumi (6.11. tabula)"),
    (18, "Stāvoklis"),
)
# The summary's heading row (its title row): what its columns hold, the repeated column headings above it being the
# plan table's (D84). "Vērtība" spans both value columns (E: the figure; F: K's share of another source, the
# transport limit, the warnings).
SUMMARY_TITLE = "IB apmēri periodā"
SUMMARY_HEADINGS = ((f"{SUMMARY_LABEL[0]}{{top}}:{SUMMARY_LABEL[1]}{{top}}", SUMMARY_TITLE),
                    (f"{VALUE}{{top}}:{SECOND}{{top}}", "Vērtība"),
                    (f"{NOTE_FROM}{{top}}:{FIRST_PAGE_TO}{{top}}", "Piezīmes"))
SUMMARY_HEADING_HEIGHT = 16
# The inputs of the summary (rows below its title): F and the other funding sources.
F_ROW, SOURCE_ROWS = 6, (10, 11, 12)
# Their checks' codes: hidden helper columns of the table header's first row (repeated on every page), not of
# the summary's rows, so that the summary's page across (J onwards) holds no cell and does not print.
SUMMARY_CODES = (C64.h_units, C64.h_active, C64.h_price, C64.h_cost)
TOO_LONG = "teksts par garu, sk. 6.11. tabulu"  # beside a free text longer than its limit (audit32 F5, F6)
NOT_TEXT = "nav teksts, sk. 6.11. tabulu"  # beside the justification holding a number, date, formula or logical (D339)
TRANSPORT_CODE = C64.h_area  # the justification's length check, beside SUMMARY_CODES
TRANSPORT_LINES = 6
LINE_HEIGHT_9 = 11  # one line of 9 pt text


def _summary(sh: Sheet, top: int) -> None:
    """The summary, its title in row ``top``."""
    st, cache = sh.st, sh.book.cache
    label_from, label_to = SUMMARY_LABEL

    def at(row: int) -> int:
        return top + row

    v, v2 = VALUE, SECOND
    # its own heading row, as the plan table's: on paper it opens a page under the repeated rows 1–8, whose column
    # headings name the plan rows' columns only (D84)
    for cells, text in SUMMARY_HEADINGS:
        sh.merge_text(cells.format(top=top), text, st.header_wrap)
    sh.row_height(top, SUMMARY_HEADING_HEIGHT)
    for row in range(1, SUMMARY_LAST):  # one line of 9 pt text (the status: SUMMARY_LAST, three lines)
        sh.row_height(at(row), SUMMARY_ROW_HEIGHT)
    for row, label in SUMMARY_ROWS:
        sh.ws.merge_range(f"{label_from}{at(row)}:{label_to}{at(row)}", "", st.label)
        sh.text(f"{label_from}{at(row)}", label, st.label_bold if row in (4, 5, 7, 13) else st.label)
    sh.text(f"{v}{at(9)}", "Pieejams", st.header_wrap)
    sh.text(f"{v2}{at(9)}", "Izmantots K", st.header_wrap)
    sh.ws.merge_range(f"{label_from}{at(9)}:{label_to}{at(9)}", "", st.label_bold)
    sh.text(f"{label_from}{at(9)}", "Citi finansējuma avoti (2. variants: pēc IB)", st.label_bold)
    f = sh.formula
    f(f"{v}{at(1)}", "Vecums", st.out_whole, "")
    f(f"{v}{at(2)}", RATE_FORMULA, st.out_rate, "")
    sh.define("Provizoriska_Likme", f"{v}{at(2)}")
    f(f"{v}{at(3)}", "B_Efektivais", st.out_money, cache_base(sh))
    # beside the rate, B and P on the first page across: P, A and the IB-funded amounts rest on an unconfirmed B (D22);
    # with the ministry's F applied (N > P) only P does (D206). Its three rows end above N's, which holds the note on
    # the void lines (D366)
    base_warning(sh, f"{NOTE_FROM}{at(2)}:{FIRST_PAGE_TO}{at(4)}", "Bridinajums_Baze_64")
    f(f"{v}{at(4)}", PROVISIONAL_FORMULA, st.out_money_bold, "")
    sh.define("IB_Provizoriskais", f"{v}{at(4)}")
    f(f"{v}{at(5)}", "ROUND(SUM(h_Izmaksas),2)", st.out_money_bold, cache.needed)
    sh.define("IB_Nepieciesamais", f"{v}{at(5)}")
    void_lines_note(sh, f"{v2}{at(5)}:{FIRST_PAGE_TO}{at(5)}")
    sh.blank(f"{v}{at(6)}", st.input_money)
    sh.define("IB_Galigais", f"{v}{at(6)}")
    f(f"{v}{at(7)}", available_formula(sh.book.layout), st.out_money_bold, "")
    sh.define("IB_Pieejamais", f"{v}{at(7)}")
    f(f"{v}{at(8)}", 'IF(ISNUMBER(IB_Pieejamais),MIN(IB_Nepieciesamais,ROUND(SUM(Plans_NoIB),2)),"")', st.out_money, "")
    sh.define("Fin_NoIB", f"{v}{at(8)}")
    used = f"{v}{at(8)}"
    lay = sh.book.layout
    for k, (row, name) in enumerate(zip(map(at, SOURCE_ROWS), ("Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi"),
                                        strict=True), start=1):
        sh.blank(f"{v}{row}", st.input_money)
        sh.define(name, f"{v}{row}")
        # a blank while this source or one used before it is an invalid input (D347)
        f(f"{v2}{row}", f'IF(AND(ISNUMBER(IB_Pieejamais),{sources_valid(lay, k)}),'
          f'MAX(0,MIN(ROUND(IB_Nepieciesamais-{used},2),N({name}))),"")', st.out_money, "")
        sh.define(f"{name}_Izmantots", f"{v2}{row}")
        used = f"{used}-{v2}{row}"
    f(f"{v}{at(13)}", f'IF(AND(ISNUMBER(IB_Pieejamais),{sources_valid(lay, len(SOURCE_ROWS))}),'
      f'ROUND({v}{at(8)}+{v2}{at(10)}+{v2}{at(11)}+{v2}{at(12)},2),"")',
      st.out_money_bold, "")
    sh.define("IB_Kopejais", f"{v}{at(13)}")
    f(f"{v}{at(14)}", 'IF(ISNUMBER(IB_Kopejais),ROUND(IB_Nepieciesamais-IB_Kopejais,2),"")', st.out_money, "")
    f(f"{v}{at(15)}", transport_share_formula(lay), st.out_share, cache.transport_share)
    sh.define("Transporta_Dala", f"{v}{at(15)}")
    # the limit, or „jāprecizē” where the matrix's round does not confirm it (D287)
    unconfirmed = PriceStatus.to_verify.value
    f(f"{v2}{at(15)}", f'IF({TRANSPORT_STATUS_NAME}="{unconfirmed}","{unconfirmed}",Param_TransportaDala)',
      st.out_share, sh.book.catalogue.programme.transport_share_max.at(sh.book.day).value
      if sh.book.catalogue.transport_limit_applies(sh.book.day) else unconfirmed)
    # the justification and the status end with the first page across: no page edge falls inside them
    sh.ws.merge_range(f"{v}{at(16)}:{FIRST_PAGE_TO}{at(16)}", "", st.input_wrap)
    sh.define("Transporta_Pamatojums", f"{v}{at(16)}")
    label = dict(SUMMARY_ROWS)[16]
    code_cell = f"{TRANSPORT_CODE}{sh.book.layout.calc_first - 2}"
    sh.formula(f"{label_from}{at(16)}", f'IF({code_cell}=1,"{label} ({v}{at(16)}: {TOO_LONG})",'
               f'IF({not_text(code_cell)},"{label} ({v}{at(16)}: {NOT_TEXT})","{label}"))', st.label, label)
    # D9's justification whole on paper: TRANSPORT_LINES lines of E:I and a length check (audit32 F5)
    sh.row_height(at(16), TRANSPORT_LINES * LINE_HEIGHT_9)
    code = sh.check(TRANSPORT_FIELD, f"{v}{at(16)}", code_cell)
    sh.define(REASON_CODE, code_cell)  # 6.11's rules read it (no_reason, D332)
    sh.ws.conditional_format(f"{v}{at(16)}", {"type": "formula", "criteria": f"={code}>0", "format": st.error_mark})
    text_validation(sh, f"{v}{at(16)}", TRANSPORT_FIELD, f"{TRANSPORT_LINES} rindās")
    f(f"{v}{at(17)}", "Kludas", st.out_whole, cache.errors)
    f(f"{v2}{at(17)}", "Bridinajumi", st.out_whole, cache.warnings)
    sh.ws.merge_range(f"{v}{at(18)}:{FIRST_PAGE_TO}{at(18)}", "", st.out_text_wrap)
    sh.row_height(at(SUMMARY_LAST), 36)  # three lines of 9 pt: the longest status at Excel's narrower column widths
    status = (f"{ERRORS_FIRST}&" 'IF(NOT(ISNUMBER(IB_Provizoriskais)),'
              f'IF(NOT(ISNUMBER(B_Efektivais)),"{BASE_INVALID_STATUS}",'
              '"Aizpildiet 6.1. tabulā dzimšanas datumu, perioda pirmo dienu un mēnešus."),'
              'IF(IB_Nepieciesamais<=IB_Provizoriskais,'
              # D366, D364: N leaves out void lines and lines of price 0,00 – no „final” claim for it (audit47c)
              f'IF(OR(h_NederigasRindas>0,h_CenaNulle>0),"{LOWER_BOUND_STATUS}",'
              '"N ≤ P: nepieciešamais apmērs ir arī IB galīgais apmērs"&'
              'IF(ISNUMBER(IB_Galigais),"; ievadīto F nepiemēro.",".")),'
              f'IF({final_invalid(sh.book.layout)},"{FINAL_INVALID_STATUS}",'
              'IF(ISNUMBER(IB_Galigais),"N > P: no IB finansē prioritārā secībā līdz LM noteiktajam galīgajam apmēram F.",'
              '"N > P: no IB finansē prioritārā secībā līdz P; pārējo sedz citi avoti, līdz LM nosaka galīgo apmēru F."))))')
    f(f"{v}{at(18)}", counted_or_broken(status, STRUCTURE_CHANGED),  # an error value in the count fails closed
      st.out_text_wrap, "Aizpildiet 6.1. tabulā dzimšanas datumu, perioda pirmo dienu un mēnešus.")
    dv = sh.ws.data_validation
    highest = eur(sh.book.catalogue.programme.input_amount_max.at(sh.book.day).value)  # D340, 6.11's AMOUNT_MAX
    for row in (F_ROW, *SOURCE_ROWS):
        dv(f"{v}{at(row)}", money_validation(f"{v}{at(row)}", "Summa",
                                              f"Ievadiet summu EUR (skaitlis ≥ 0, ne lielāks par {highest}).",
                                              maximum=AMOUNT_MAX))
    cf = sh.ws.conditional_format
    # D371: above the limit without the justification is an error (coloured as one), with it a warning
    cf(f"{v}{at(15)}", {"type": "formula", "criteria": f'=AND(h_TranspParsniegts=1,{no_reason("Transporta_Pamatojums", REASON_CODE)})',
                         "format": st.error_mark, "stop_if_true": True})
    cf(f"{v}{at(15)}", {"type": "formula", "criteria": "=h_TranspParsniegts=1", "format": st.warning_mark})
    cf(f"{v}{at(17)}", {"type": "cell", "criteria": ">", "value": 0, "format": st.error_mark})
    cf(f"{v}{at(18)}", {"type": "formula", "criteria": f"={HAS_ERRORS}", "format": st.error_mark})
    sh.define("Statuss_Aprekins", f"{v}{at(18)}")
    _summary_checks(sh, top)
    cf(f"{v2}{at(17)}", {"type": "cell", "criteria": ">", "value": 0, "format": st.warning_mark})


# 6.4's status while N leaves plan lines out (void ones, D366; price 0,00, D364): N is a lower bound, not yet final
LOWER_BOUND_STATUS = "N ≤ P, bet N neietver rindas bez cenas vai ar nederīgu ievadi: galīgais apmērs – kad tās aizpildītas."


# D366: the void lines – a plan row with a listed service whose units (6.3) or 6.8 price is an invalid input (D332):
# 6.4 prints INVALID_UNITS in its "Daudzums periodā" or "Cena" (the tests of h_Daudzums and h_Aktiva), and N leaves it
# out; its hidden flag h_Nederiga marks it (D372). Their count, hidden in the table header's row (beside SUMMARY_CODES),
# is the reference's WorkbookResult.void_count; the signed 6.5 blanks N, A, K and what rests on them while it is above 0
# (VOID_ANY), and 6.3 its N.
VOID_COUNT_CODE = C64.h_expert_rank
VOID_NOTE_NAME = "Piezime_NederigasRindas"  # the note beside N
VOID_FLAG_NAME = "h_Nederiga"  # 6.4's per-line flag of a void line (C64.h_void), which the count sums


def void_count_formula(first: int, last: int) -> str:
    """The number of void lines among 6.4 rows ``first``–``last`` (their flag h_Nederiga; a line whose units and price
    are both invalid is one): each prints INVALID_UNITS in its units or price."""
    return f"SUM(${C64.h_void}${first}:${C64.h_void}${last})"


def void_lines_text(n: int) -> str:
    """The note beside N for ``n`` > 0 void lines, as its formula says it (the tests' expected text)."""
    return f"{VOID_LINES_NOTE[0]}{n} {agree(n, *VOID_LINES_NOUN)}{VOID_LINES_NOTE[1]}"


def void_lines_note(sh: Sheet, cells: str) -> None:
    """The void lines' count (hidden) and, in the merged ``cells`` beside N, the note that N leaves them out (D366)."""
    lay = sh.book.layout
    sh.formula(f"{VOID_COUNT_CODE}{lay.calc_first - 2}", void_count_formula(lay.calc_first, lay.calc_last),
               sh.st.helper, 0)
    sh.define(VOID_COUNT_NAME, f"{VOID_COUNT_CODE}{lay.calc_first - 2}")
    n = VOID_COUNT_NAME
    singular = f"AND(MOD({n},10)=1,MOD({n},100)<>11)"  # lvformat.agree
    first = cells.split(":", 1)[0]
    sh.ws.merge_range(cells, "", sh.st.alert_wrap)
    sh.formula(first, f'IF({VOID_ANY},"{VOID_LINES_NOTE[0]}"&{n}&IF({singular},'
                      f'" {VOID_LINES_NOUN[0]}"," {VOID_LINES_NOUN[1]}")&"{VOID_LINES_NOTE[1]}","")',
               sh.st.alert_wrap, "")
    sh.define(VOID_NOTE_NAME, first)


def _summary_checks(sh: Sheet, top: int) -> None:
    """The summary's inputs (F and the other sources) checked by formula: code in the hidden column N,
    a short message beside the cell (one line of G:I, D60; 6.11 lists the full one), the cell marked."""
    st = sh.st
    fields = {f.name: f for f in SINGLE_FIELDS}
    names = ("IB_Galigais", "Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi")
    for row, name, code_col in zip((F_ROW, *SOURCE_ROWS), names, SUMMARY_CODES, strict=True):
        row += top
        cell, field = f"{VALUE}{row}", fields[name]
        code = sh.check(field, cell, f"{code_col}{sh.book.layout.calc_first - 2}")
        note = f"{NOTE_FROM}{row}"
        sh.ws.merge_range(f"{note}:{FIRST_PAGE_TO}{row}", "", st.beside)
        sh.formula(note, short_message_formula(field, code, cell), st.beside, "")
        sh.ws.conditional_format(cell, {"type": "formula", "criteria": f"={code}>0", "format": st.error_mark})
        sh.ws.conditional_format(note, {"type": "formula", "criteria": f"={code}>0", "format": st.error_mark})


def cache_base(sh: Sheet) -> object:
    return sh.book.catalogue.programme.base_amount.at(sh.book.day).value


def base_provisional(sh: Sheet) -> bool:
    """A new workbook computes with the catalogue's B, and that one is not confirmed (6.11 h_BazeProviz): not on the
    prices day, or withdrawn by the day the matrix is made (D318)."""
    return (sh.book.catalogue.programme.base_amount.at(sh.book.day).status is not PriceStatus.confirmed
            or sh.book.base_withdrawn is not None)


def base_warning(sh: Sheet, cells: str, name: str) -> None:
    """In the merged ``cells`` (named ``name``), while B is unconfirmed (h_BazeProviz, D22): that P, A and the
    IB-funded amounts are provisional (A_ON_BASE), or, with the ministry's F applied (N > P), that only P is and A
    follows F (D206, D53); empty otherwise."""
    first = cells.split(":", 1)[0]
    sh.ws.merge_range(cells, "", sh.st.alert_wrap)
    # the catalogue already confirms this B at the same amount later: not „until the ministry sets B” (D296)
    later = PRINTED_PARAMETER in confirmed_parameters(sh.book.catalogue, sh.book.day)
    short, final = (BASE_LATER_SHORT, BASE_LATER_FINAL) if later else (BASE_PROVISIONAL_SHORT, BASE_PROVISIONAL_FINAL)
    formula = f'IF(h_BazeProviz=1,IF({A_ON_BASE},"{short}","{final}"),"")'
    sh.formula(first, formula, sh.st.alert_wrap, short if base_provisional(sh) else "")
    sh.define(name, first)
