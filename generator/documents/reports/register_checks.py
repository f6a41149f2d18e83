"""The check formulas of the expense register workbook's inputs (input_checks): a register row (28), a month row of
sheet 29 (its month, children, employment contract and money received), a quarter row of 30, and the month rules
27 shares with 29 (the children a month with pay needs, the employment contract)."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.reports import input_checks as checks
from generator.documents.reports import register as reg
from generator.documents.reports.month_formulas import month_start
from generator.documents.reports.month_rows import typed_month_rules
from generator.documents.reports.month_settings import month_rule, quarter_rule
from generator.documents.reports.register_layout import (
    BIP_NAMES,
    CASH_FIRST,
    EARLIER_CORRECTION,
    OPENING_CELL,
    QUARTER_FIRST,
    S_CASH,
    S_QUARTER,
    S_REG,
)
from generator.documents.round_quota import round_children
from generator.lvformat import eur
from generator.reference.settlement import BIP_INDIRECT, BIP_PAY, BIP_SBS
from generator.workbook.input_checks import WHOLE_TEXT


def corrects(cell: str) -> str:
    """Condition: register cell ``cell`` (a document type) is a correction, in its label or the earlier one."""
    return f"OR({cell}=Korekcija,{cell}={EARLIER_CORRECTION})"


CORRECTION_AMOUNT = (f"dokumenta veidam „{reg.CORRECTION}” jābūt negatīvai summai (ar mīnusa zīmi), jo "
                     f"{reg.CORRECTION_COVERS} izdevumus samazina")
CORRECTION_UNITS = (f"dokumenta veidam „{reg.CORRECTION}” daudzumam jābūt 0 vai negatīvam (ar mīnusa zīmi) vai "
                    "tukšai šūnai")
DOCUMENT_TYPE = "jābūt dokumenta veidam no saraksta (arī korekcijai – tieši „korekcija”, bez atstarpēm)"
DOCUMENT_NUMBER = ("jābūt dokumenta numuram – katru maksājumu ieraksta pēc dokumenta, kas to pamato (rēķina, "
                   "čeka, konta izraksta, algas saraksta u. c.)")
DOCUMENT_DATE = "jābūt dokumenta datumam"
OVER_COSTS = (f"korekcijas pārsniedz šī mēneša izdevumus šajā pozīcijā (pozīcijai BIP {BIP_SBS} – šajā atbalsta "
              "jomā); korekciju ieraksta tā mēneša pārskatā, kurā bija labojamais izdevums, ar tā paša pakalpojuma "
              "jomu")


@dataclass(frozen=True)
class AmountBound:
    """The largest amount a register row may hold (D267): the individual budgets of all a municipality's children for
    a period – the largest base amount B times the children selected per municipality –, which no single document
    of one payment (a month's payroll, an invoice, a receipt) reaches; ``confirmed`` unless that B is `jāprecizē`
    (the message then says so). ``children`` None: the round has no quota of its own (D308), the bound counts the
    round's ``participants`` (all its municipalities' children); both None: the bound has no count of the round's
    children behind it, and the message says only that it is a sanity bound."""

    amount: Decimal
    confirmed: bool
    children: int | None = 1
    participants: int | None = None

    @property
    def expected(self) -> str:
        note = "" if self.confirmed else " (B katalogā vēl jāprecizē)"
        if self.children is not None:
            basis = f"tik liels ir {self.children} bērnu bāzes apmērs B periodā kopā{note}"
        elif self.participants is not None:
            basis = f"tik liels ir visu {self.participants} kārtas dalībnieku bāzes apmērs B periodā kopā{note}"
        else:
            basis = "tā ir saprātīguma robeža, jo kārtas bērnu skaits katalogā nav noteikts"
        return (f"summai (arī korekcijai) jābūt ne lielākai par {eur(self.amount)} – {basis}; viena dokumenta "
                "maksājums tik liels nav, pārbaudiet komatu un ciparus")


def amount_bound(catalogue: Catalogue, periods: reg.ReportPeriods | None = None) -> AmountBound | None:
    """The register's amount bound, or None when the catalogue gives B no value.

    For the round of ``periods`` (D308): the largest B in force on the round's services days, the days its plans
    take B from (a bound, not a price; confirmed if that B is confirmed on them) times the round's own confirmed quota (round_quota) – or, without one, the round's
    participants; with neither, the largest quota of the catalogue gives the bound, but the message names no count.
    Without a round: the catalogue's largest B (any day) times its largest quota."""
    own = reg.periods_round(catalogue, periods) if periods is not None else None
    base = catalogue.programme.base_amount
    series = base.values
    if own is not None:  # the entry in force on the first services day and every later one up to the last
        first, last = own.services_start, own.services_end
        series = [v for v in series if first < v.effective_from <= last]
        with contextlib.suppress(LookupError):
            series.insert(0, base.at(first))
    values = [(Decimal(str(v.value)), v.status is PriceStatus.confirmed) for v in series if v.value not in (None, "")]
    if not values:
        return None
    top = max(amount for amount, _ in values)
    confirmed = all(confirmed for amount, confirmed in values if amount == top)
    largest = max(v.value.per_municipality for v in catalogue.programme.selection_quotas.values)
    if own is None:
        return AmountBound(top * largest, confirmed, largest)
    children = round_children(catalogue, own)
    if children is not None:
        return AmountBound(top * children, confirmed, children)
    if own.participants:
        return AmountBound(top * own.participants, confirmed, None, own.participants)
    return AmountBound(top * largest, confirmed, None)


def document_type_ok(cell: str) -> str:
    """Condition: register cell ``cell`` holds a document type of the list, or the correction's earlier label."""
    return f"OR({checks.in_list(cell, 'Dokumentu_Veidi')},{cell}={EARLIER_CORRECTION})"


# The defined name of the services' flags on the list sheet: 1 where the service's unit is counted whole (D256).
WHOLE_SERVICES = "Pakalpojumi_Veseli"


def whole_unit_names(catalogue: Catalogue) -> str:
    """The units counted whole only, as a message names them: „reize (konsultācija vai nodarbība), diennakts, …”."""
    return ", ".join(u.name_lv for u in catalogue.enums.units if u.whole)


def whole_units_rule(x: int, names: str) -> checks.Rule:
    """Register row ``x``'s quantity (K) is whole when its service (I, from the catalogue's list) is priced in a unit
    counted whole (D256, D267): half a session is neither delivered nor paid; a blank or unknown service, a text or a
    logical value are other rules' messages."""
    return checks.Rule(f"K{x}", f'IF(AND(ISNUMBER(K{x}),I{x}<>""),IF(SUMIFS({WHOLE_SERVICES},Pakalpojumi,I{x})>0,'
                                f'K{x}=INT(K{x}),TRUE),TRUE)',
                       f"{WHOLE_TEXT}, jo šī pakalpojuma mērvienību skaita tikai veselās vienībās: {names}")


def register_check(x: int, texts: checks.TextCells | None = None, bound: AmountBound | None = None,
                   whole_units: str = "") -> str:
    """The check of register row ``x`` (1-based) while any input that feeds an amount is filled: the document
    type (the one thing that allows a negative amount, audit32a F6), number and date (D262), the position, service (required for BIP 1.3,
    whose spending 30 reports by the service's support area), reporting month (one of the months listed on 29,
    not only a day between the first and the last: a month missing from 29 would drop out of 29's and 30's
    totals), quantity and amount (never a logical value, which LibreOffice adds as 1), that a month's corrections
    do not exceed its costs – per position, and for BIP 1.3 per support area too, since 30 reports the SBS per
    area (audit32a F4, D261) – and the payment route and the document's marks every entered payment needs (D172).
    A number, a date or the reporting month is never a formula (D267), with ``bound`` the amount is not above it, and
    with ``whole_units`` (the names of the units counted whole) a quantity of such a service is whole (D267)."""
    month, next_month = month_start(f"J{x}"), month_start(f"J{x}", 1)
    plain = f'Reg_BIP,G{x},Reg_Menesis,">="&{month},Reg_Menesis,"<"&{next_month}'
    # BIP 1.3: within the correction's support area too (its service's, column O), as 30 sums the SBS per area.
    by_area = f"{plain},Reg_Joma,O{x}"
    listed = (f'AND(J{x}>=Parskata_Sakums,J{x}<Parskata_Beigas,OR(COUNT(NP_Menesis)=0,'
              f'COUNTIFS(NP_Menesis,">="&{month},NP_Menesis,"<"&{next_month})>0))')
    typed = document_type_ok(f"B{x}")

    def per_window(formula: str) -> str:
        return f"IF(G{x}=BIP_SBS,{formula.format(w=by_area)},{formula.format(w=plain)})"

    month_sum = per_window("ROUND(SUMIFS(Reg_Summa,{w}),2)")
    # Whether a month's corrections exceed its costs is asked only of right amounts: while this row's amount or
    # month, or any amount of its position and month, is wrong – not a number, or negative on a row that is not a
    # correction – that cell's own message is the one (audit35 F12; audit32a F6b, D172).
    all_right = per_window(f'COUNTIFS({{w}})=COUNTIFS({{w}},Reg_Summa,">=0")'
                           f'+COUNTIFS({{w}},Reg_Summa,"<0",Reg_Dokuments,Korekcija)'
                           f'+COUNTIFS({{w}},Reg_Summa,"<0",Reg_Dokuments,{EARLIER_CORRECTION})')
    rules = [
        checks.Rule(f"B{x}", typed, DOCUMENT_TYPE),
        # Every payment is entered from the document it rests on (L2236, „pamatojošo dokumentu”): its number and
        # date say which (audit32a F7, D262).
        checks.Rule(f"C{x}", f'TRIM(C{x})<>""', DOCUMENT_NUMBER),
        checks.date_rule(f"D{x}", DOCUMENT_DATE, blank_ok=False),
        checks.Rule(f"G{x}", checks.in_list(f"G{x}", "BIP_Saraksts"),
                    "jābūt budžeta izmaksu pozīcijai no saraksta (26. lapa)"),
        checks.Rule(f"I{x}", f"IF(G{x}=BIP_SBS,{checks.in_list(f'I{x}', 'Pakalpojumi')},"
                             f"{checks.in_list(f'I{x}', 'Pakalpojumi', blank_ok=True)})",
                    f"jābūt pakalpojumam no saraksta (pozīcijai BIP {BIP_SBS} – obligāti, citām var būt tukša šūna)"),
        checks.Rule(f"J{x}", checks.typed_value(f"J{x}", f"IF(ISNUMBER(J{x}),{listed},FALSE)"),
                    "jābūt datumam kāda pārskata mēneša laikā – mēneša, kas ierakstīts 29. lapas ailē „Mēnesis”",
                    checks.DATE_LOGICAL),
        # a logical value or a formula: its own message, once (row_check)
        checks.Rule(f"K{x}", checks.typed_value(f"K{x}", "TRUE"), checks.LOGICAL_EXPECTED),
        # While B is not a type of the list, its own message is the one (the sign depends on it; audit32a F6).
        checks.Rule(f"K{x}", f'IF(AND(ISNUMBER(K{x}),{typed}),OR(K{x}>=0,{corrects(f"B{x}")}),'
                             f'OR(K{x}="",ISNUMBER(K{x})))',
                    f"jābūt skaitlim, 0 vai vairāk, vai tukšai šūnai; negatīvs daudzums (atceltās vienības) atļauts "
                    f"tikai, ja B{x} ir „{reg.CORRECTION}”"),
        # A correction (a refund or a cancelled invoice) only lowers the costs: a forgotten minus sign would add
        # the refund instead of taking it off (audit30 F1, D245).
        checks.Rule(f"K{x}", f'IF(AND(ISNUMBER(K{x}),{corrects(f"B{x}")}),K{x}<=0,TRUE)', CORRECTION_UNITS),
        *([whole_units_rule(x, whole_units)] if whole_units else []),
        checks.Rule(f"L{x}", f'IF(AND(ISNUMBER(L{x}),{corrects(f"B{x}")}),L{x}<0,TRUE)', CORRECTION_AMOUNT),
        checks.Rule(f"L{x}", checks.typed_value(f"L{x}", "TRUE"), checks.LOGICAL_EXPECTED),
        checks.Rule(f"L{x}", f'IF(ISNUMBER(L{x}),AND(ROUND(L{x},2)=L{x},OR(L{x}>=0,NOT({typed}),'
                             f'{corrects(f"B{x}")})),FALSE)',
                    "jābūt skaitlim – summai euro ar ne vairāk kā diviem cipariem aiz komata; negatīva summa "
                    f"atļauta tikai, ja B{x} ir „{reg.CORRECTION}”"),
        # a pasted 1E+15 or a lost comma: before the month's corrections are compared with its costs (D267)
        *([] if bound is None else [checks.Rule(f"L{x}", f"IF(ISNUMBER(L{x}),ABS(L{x})<={bound.amount},TRUE)",
                                                bound.expected)]),
        checks.Rule(f"L{x}", f'IF(AND(ISNUMBER(L{x}),ISNUMBER(J{x}),{corrects(f"B{x}")}),IF(L{x}<0,'
                             f'IF(AND(ROUND(L{x},2)=L{x},{listed},{all_right}),{month_sum}>=0,TRUE),TRUE),TRUE)',
                    OVER_COSTS),
        # The methodology asks every payment's route and whether the document carries the project's marks
        # (L2247–L2249): a row with an amount is not complete without them (audit9 F8).
        checks.Rule(f"M{x}", checks.in_list(f"M{x}", "Samaksas_Veidi"), "jābūt samaksas veidam no saraksta"),
        checks.Rule(f"N{x}", checks.one_of(f"N{x}", "Jā", "Nē"),
                    "jābūt „Jā” vai „Nē” – vai uz dokumenta ir projekta atzīmes"),
    ]
    return checks.row_check(S_REG, rules, active=f'OR(G{x}<>"",I{x}<>"",J{x}<>"",K{x}<>"",L{x}<>"")', texts=texts)


def cash_check_formula(x: int, dated: bool, first: bool, since: dt.date | None = None) -> str:
    """The check of sheet 29's month row ``x`` (1-based): its month (an input once the round has ended; with
    ``since``, not before the first month the catalogue has its settings for, D201; needed by a row with data, once,
    in ascending order, D172; its quarter typed on 30, D260), the children, the employment contract and the money
    received; the first row also checks the opening balance."""
    rules = [] if dated else [checks.date_rule(f"A{x}", checks.MONTH_EXPECTED)]
    if not dated and since is not None:
        rules.append(month_rule(f"A{x}", since))
    if not dated:  # needed by a row with data, each month once, in ascending order (D172, audit32a F2)
        rules += typed_month_rules(f"A{x}", [f"B{x}", f"C{x}", f"D{x}"],
                                   None if first else f"A${CASH_FIRST + 1}:A{x - 1}")
        # 30 sums 29's months by the quarters typed there: a month in none of them is left out of it (D260) – once
        # 30 is begun (a year or a quarter typed): a worker who fills 29 month by month is not stopped by an empty 30,
        # whose own note says its years and quarters are not typed yet
        rules.append(checks.Rule(f"A{x}", f"IF(AND(ISNUMBER(A{x}),COUNT(CP_Gads,CP_Ceturksnis)>0),"
                                          f"COUNTIFS(CP_Gads,YEAR(A{x}),CP_Ceturksnis,INT((MONTH(A{x})+2)/3))>0,TRUE)",
                                 QUARTER_MISSING))
    rules += [
        checks.Rule(f"B{x}", checks.whole_at_least(f"B{x}", 0, blank_ok=True),
                    "jābūt veselam skaitlim, 0 vai vairāk"),
        checks.Rule(f"B{x}", children_for_pay(f"A{x}", f"B{x}"), CHILDREN_FOR_PAY),
        contract_rule(f"C{x}", f"B{x}" if dated else f"A{x}"),
        checks.Rule(f"D{x}", checks.whole_cents(f"D{x}"), checks.EUR_AT_LEAST_ZERO),
    ]
    if first:
        rules.append(checks.Rule(OPENING_CELL, checks.whole_cents(OPENING_CELL, at_least_zero=False),
                                 checks.EUR_EXPECTED))
    return checks.row_check(S_CASH, rules)


QUARTER_MISSING = ("šī mēneša ceturksnis nav ierakstīts 30. lapā (ailēs „Gads” un „Ceturksnis”) – kamēr tā nav, "
                   "mēneša summas ceturkšņa pārskatā neieskaita")
CHILDREN_FOR_PAY = ("jābūt bērnu skaitam (0 vai vairāk) – šim mēnesim ir sociālā darbinieka atlīdzība, "
                    "no kuras bērnu skaits nosaka apmaksājamo daļu")


# D266: 0 children typed beside a pay is a right input – a month without children has no pay share (the methodology
# covers the pay in proportion to the children) – but a silent 0 % share drops the pay and its indirect costs from the
# totals, so the sheet warns, naming the cell (its amounts are shown: they are what the typed figures give).
NO_CHILDREN_WITH_PAY = (f"bērnu skaits 0, tāpēc šī mēneša atlīdzību (BIP {BIP_PAY}) un netiešās izmaksas (BIP "
                        f"{BIP_INDIRECT}) nesedz; ja bērni bija, ierakstiet to skaitu.")  # two lines of the errors line


def no_children_with_pay(children: str, pay: str) -> str:
    """Condition: month cell ``children`` holds the number 0 while its pay (``pay``, the full monthly pay) is above 0."""
    return f"AND(ISNUMBER({children}),{children}=0,N({pay})>0)"


def children_for_pay(month: str, children: str) -> str:
    """A month whose register holds the social worker's pay (BIP 1.1) has its children typed: a blank count
    prints a 0 % share, the pay and its indirect costs left out of the report without a word (D212)."""
    pay = (f'SUMIFS(Reg_Summa,Reg_BIP,{BIP_NAMES[BIP_PAY]},Reg_Menesis,">="&{month_start(month)},'
           f'Reg_Menesis,"<"&{month_start(month, 1)})')
    return f'IF(AND({children}="",ISNUMBER({month})),{pay}=0,TRUE)'


def contract_text(contract: bool | None) -> str:
    """A month's employment-contract cell: "Jā", "Nē", or "" while not typed (after the round, D37)."""
    return "" if contract is None else "Jā" if contract else "Nē"


def contract_rule(cell: str, unused_while: str) -> checks.Rule:
    """The employment contract is "Jā" or "Nē", or blank while ``unused_while`` is blank: the month input (after
    the round, D37) or, where the template dates the months, the children's count – a month with no children
    has no pay share, so nothing depends on the contract yet (a template for an ended round is not all errors
    before its first month is filled, D212)."""
    ok = f'OR(AND({unused_while}="",{cell}=""),{checks.one_of(cell, "Jā", "Nē")})'
    return checks.Rule(cell, ok, "jābūt „Jā” vai „Nē”")


def quarter_check(x: int, since: dt.date | None = None) -> str:
    """The check of sheet 30's quarter row ``x`` (1-based) when the year and quarter are inputs: both or neither
    typed (D260), each quarter once (a quarter typed twice would count its spending twice in the totals; audit35 F3, D172) and, with
    ``since``, not ending before the first month the catalogue has the report settings for (D201)."""
    rules = [
        checks.Rule(f"A{x}", checks.whole_between(f"A{x}", *checks.YEARS, blank_ok=True),
                    "jābūt gadam ar četriem cipariem"),
        checks.Rule(f"B{x}", checks.whole_between(f"B{x}", *checks.QUARTERS, blank_ok=True),
                    "jābūt ceturksnim – skaitlim no 1 līdz 4"),
        # a half-filled row shows no amounts: its months would be left out of 30 without a word (D260)
        checks.Rule(f"A{x}", f'IF(A{x}="",B{x}="",TRUE)', "jābūt gadam, jo šīs rindas ceturksnis ir ierakstīts"),
        checks.Rule(f"B{x}", f'IF(B{x}="",A{x}="",TRUE)', "jābūt ceturksnim, jo šīs rindas gads ir ierakstīts"),
    ]
    if since is not None:
        rules.append(quarter_rule(f"A{x}", f"B{x}", since))
    if x > QUARTER_FIRST + 1:
        first = QUARTER_FIRST + 1
        rules.append(checks.Rule(f"B{x}", f"IF(AND(ISNUMBER(A{x}),ISNUMBER(B{x})),"
                                          f"COUNTIFS(A${first}:A{x - 1},A{x},B${first}:B{x - 1},B{x})=0,TRUE)",
                                 "šis gads un ceturksnis jau ierakstīts augstākā rindā; katru ceturksni ieraksta "
                                 "vienu reizi"))
    return checks.row_check(S_QUARTER, rules)
