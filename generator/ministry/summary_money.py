"""The summary workbook's money sheets: „Pašvaldības” (P, N, F and the pool per municipality), „Pakalpojumi” (plan
lines and amounts per service) and „Naudas plūsma” / „Ceturkšņi” (planned and paid per month or quarter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue, Offer
from generator.ministry.aggregate import Aggregates, period_months, quarter_label
from generator.ministry.summary_book import (
    DATA_FIRST,
    NOT_SENT,
    SHEET_CHILDREN,
    SHEET_FINDINGS,
    SHEET_LINES,
    SHEET_MONTHS,
    SHEET_MUNI,
    WITH_F,
    YES,
    Column,
    SummaryBook,
    column_letter,
    group_page_breaks,
    money_width,
    name_width,
    text_criterion,
)

# --- Pašvaldības ----------------------------------------------------------------------------------
MUNI_MEASURES = [("P", "provisional", "IB provizoriskais EUR (P)"), ("N", "needed", "IB nepieciešamais EUR (N)"),
                 ("A", "available", "IB pieejamais EUR (A)"), ("K", "total", "IB kopējais EUR (K)"),
                 ("stage2", "stage2", "2. posma apmērs EUR"), ("top_up", "top_up", "Papildinājums no pārdales EUR"),
                 ("F", "final", "IB galīgais EUR (F)"), ("planned", "planned", "Plānots EUR (6.7. tabula)"),
                 ("paid", "paid", "Samaksāts EUR (6.10. tabula)")]


MUNI_TOTAL = "Kopā programmas kārtā"


def municipality_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str],
                        ch: dict[str, Column]) -> int:
    # the name, as the other sheets show and match it (audit35 F9); the id names the municipality's CSV file
    # the column is as wide as the short names (D179) and the bold total's label under them
    columns = [("Pašvaldība", name_width([names.get(m, m) for m in agg.municipalities] + [MUNI_TOTAL], bold=True)),
               ("Kods (CSV faila nosaukumā)", 12), ("Bērnu skaits", 7), ("Bērnu skaits pārdalē (N > P)", 9)]
    # as wide as the national total (D373: seven digits printed „###” in a narrower column)
    columns += [(title, money_width([getattr(agg.pilot, attr)], 13, bold=True)) for _, attr, title in MUNI_MEASURES]
    book.header(ws, "Pašvaldības", "Summas pa pašvaldībām no lapas „Bērni” (formulas).", columns, key_cols=2)
    row = DATA_FIRST
    muni_range = ch["muni"].range(SHEET_CHILDREN)
    for m in agg.municipalities:
        t = agg.by_municipality[m]
        book.value(ws, row, 0, names.get(m, m))
        book.value(ws, row, 1, m)
        book.formula(ws, row, 2, f"COUNTIF({muni_range},$A{row})", t.children, book.f_whole)
        book.formula(ws, row, 3, f'COUNTIFS({muni_range},$A{row},{ch["eligible"].range(SHEET_CHILDREN)},"{YES}")',
                     t.eligible, book.f_whole)
        for i, (key, attr, _) in enumerate(MUNI_MEASURES, start=4):
            book.formula(ws, row, i, f"SUMIF({muni_range},$A{row},{ch[key].range(SHEET_CHILDREN)})",
                         getattr(t, attr))
        row += 1
    total_row = row
    book.value(ws, total_row, 0, MUNI_TOTAL, book.f_sum_text)
    book.value(ws, total_row, 1, None, book.f_sum_text)
    last = max(total_row - 1, DATA_FIRST)
    for i, attr in [(2, "children"), (3, "eligible")] + [(i, a) for i, (_, a, _) in enumerate(MUNI_MEASURES, start=4)]:
        letter = column_letter(i)
        fmt = book.f_sum_whole if attr in ("children", "eligible") else book.f_sum_money
        book.formula(ws, total_row, i, f"SUM({letter}{DATA_FIRST}:{letter}{last})" if agg.municipalities else "0",
                     getattr(agg.pilot, attr), fmt)
    return total_row


# --- Pakalpojumi ----------------------------------------------------------------------------------
def services_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, catalogue: Catalogue,
                    lines: dict[str, Column], offers: list[Offer], names: dict[str, str], *, sent: set[str]) -> None:
    # only the municipalities whose matrices were collected: a column of zeros for each of the others spread the
    # real figures over twice the pages (audit24 F21, D138); the totals sum every plan line all the same
    munis = [m for m in agg.municipalities if m in sent]
    widths = book.header(ws, "IB finansējums pa atbalsta jomām un pakalpojumiem",
                f"EUR no IB (6.4. tabulas „No IB”, {WITH_F}) pa pašvaldībām; pēdējā kolonna – plāna rindu summa "
                "(N daļa). "
                f"{NOT_SENT}",
                [("Atbalsta joma / pakalpojums", 40)]
                + [(f"{names.get(m, m)}: no IB EUR", money_width([agg.funding(m)], 11, bold=True)) for m in munis]
                + [("Kopā no IB EUR", money_width([agg.funding(None)], 12, bold=True)),
                   ("Kopā plānā EUR (N)", money_width([agg.funding(None, what="cost")], 12, bold=True))])
    group_page_breaks(ws, widths, [*range(1, len(munis) + 2)])  # the two totals print side by side
    muni_r, area_r, item_r = (lines[k].range(SHEET_LINES) for k in ("muni", "area", "item"))
    ib_r, cost_r = lines["ib"].range(SHEET_LINES), lines["cost"].range(SHEET_LINES)
    labels = {p.item: p.label for p in agg.plan_rows}
    items_by_area: dict[int, list[str]] = {}
    for o in offers:
        items_by_area.setdefault(o.area, []).append(o.id)
        labels.setdefault(o.id, o.label)
    seen = {o.id for o in offers}
    for p in agg.plan_rows:
        if p.item not in seen:
            items_by_area.setdefault(p.area, []).append(p.item)
            seen.add(p.item)
    area_names = {a.number: a.name_lv for a in catalogue.enums.support_areas}
    row = DATA_FIRST
    n = len(munis)
    for area in sorted(set(area_names) | set(items_by_area)):
        area_label = f"{area}. joma: {area_names.get(area, '')}"
        book.value(ws, row, 0, area_label, book.f_sum_wrap)
        book.fit_row(ws, row, [(area_label, 40, True)])
        for j, m in enumerate(munis, start=1):
            book.formula(ws, row, j, f'SUMIFS({ib_r},{muni_r},{text_criterion(names[m])},{area_r},{area})',
                         agg.funding(m, area=area), book.f_sum_money)
        book.formula(ws, row, n + 1, f"SUMIFS({ib_r},{area_r},{area})", agg.funding(None, area=area),
                     book.f_sum_money)
        book.formula(ws, row, n + 2, f"SUMIFS({cost_r},{area_r},{area})", agg.funding(None, area=area, what="cost"),
                     book.f_sum_money)
        row += 1
        for item in items_by_area.get(area, []):
            book.value(ws, row, 0, labels.get(item, item), book.f_wrap)
            book.fit_row(ws, row, [(labels.get(item, item), 40, False)])
            for j, m in enumerate(munis, start=1):
                book.formula(ws, row, j, f'SUMIFS({ib_r},{muni_r},{text_criterion(names[m])},{item_r},"{item}")',
                             agg.funding(m, item=item))
            book.formula(ws, row, n + 1, f'SUMIFS({ib_r},{item_r},"{item}")', agg.funding(None, item=item))
            book.formula(ws, row, n + 2, f'SUMIFS({cost_r},{item_r},"{item}")',
                         agg.funding(None, item=item, what="cost"))
            row += 1
    book.value(ws, row, 0, "Kopā", book.f_sum_text)
    for j, m in enumerate(munis, start=1):
        book.formula(ws, row, j, f'SUMIFS({ib_r},{muni_r},{text_criterion(names[m])})', agg.funding(m), book.f_sum_money)
    book.formula(ws, row, n + 1, f"SUM({ib_r})", agg.funding(None), book.f_sum_money)
    book.formula(ws, row, n + 2, f"SUM({cost_r})", agg.funding(None, what="cost"), book.f_sum_money)


# --- Naudas plūsma, Ceturkšņi ---------------------------------------------------------------------
CASH_NOTE = ("Plānots – viss plāna apjoms pēc 6.7. tabulas, arī daļa, ko IB nesedz. Plānots no IB – plāna IB daļa "
             "(6.4. tabulas „No IB”, ar šajā savākšanā noteikto F), sadalīta pa mēnešiem proporcionāli katra mēneša plānotajam; tas ir novērtējums, "
             "jo metodika nenosaka, kuru mēnešu pakalpojumus IB apmaksā vispirms (lēmums D123). Samaksāts – pēc 6.10. tabulas. "
             f"Formulas SUMIFS no lapas „Mēnešu dati”. {NOT_SENT}")
# not "nesadalīts": that word is the redistribution fund's remainder nobody can receive (audit24 F3)
UNSPREAD_LABEL = "IB daļa bez mēneša"
UNSPREAD_NOTE = (f" Rindā „{UNSPREAD_LABEL}” – plāna IB daļa, ko mēnešos nevar iekļaut, jo bērna plānā mēnešos kopā "
                 "plānots mazāk (6.6. tabulas sadalījums pa mēnešiem nepilnīgs); tā ir iekļauta rindā „Kopā”, tāpēc "
                 "„Kopā plānots no IB EUR” sakrīt ar IB finansējumu lapā „Pakalpojumi”, un komanda „ibm collect” šos "
                 "bērnus nosauc ekrānā.")


OUTSIDE_LABEL = "Ārpus pārskata perioda"


def outside_note(quarterly: bool) -> str:
    """The note on the period's rows and the out-of-period row: months, or quarters counting their months in the
    period only (D143); the planned and the paid sum are „tie”."""
    rows = ("ceturkšņi (arī tie, kuros nekas nav plānots); ceturkšņa rindā ir tikai tie tā mēneši, kas ir "
            "pārskata periodā" if quarterly else "mēneši (arī tie, kuros nekas nav plānots)")
    return (f" Rindas ir tieši pārskata perioda {rows}; rindā „{OUTSIDE_LABEL}” – plānotais un samaksātais mēnešos "
            "ārpus pārskata perioda (plāna periods ir par garu vai 6.10. tabulā maksājums ierakstīts pēc plāna pēdējā "
            f"mēneša – abas ir noteikumu kļūdas, sk. lapu „{SHEET_FINDINGS}”); tie ir iekļauti rindā „Kopā”, tāpēc kopsummas sakrīt ar lapām „{SHEET_MUNI}” un "
            "„Bērni” (lēmums D143).")


def cash_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str],
                months: dict[str, Column], lines: dict[str, Column], *, quarterly: bool, sent: set[str],
                period: tuple[dt.date, dt.date] | None = None) -> None:
    """The cash flow by month or quarter of ``period`` (its first and last day): a row for each of its months or
    quarters, zeros shown, and one row for the plan months outside it (D143); without a period, the months the
    plans name."""
    # only the municipalities whose matrices were collected (``sent``): three columns of zeros for each of the
    # others filled most printed pages (audit21 F15, D138); the sheet „Pašvaldības” still lists every one
    munis = [m for m in agg.municipalities if m in sent]
    # "Plānots" is the whole plan (N); "plānots no IB" its IB-funded part by month, an estimate (audit13 F15, D123)
    title = ("Plānotais (viss plāns un IB daļa) un samaksātais pa ceturkšņiem un pašvaldībām" if quarterly
             else "Plānotais (viss plāns un IB daļa) un samaksātais pa mēnešiem un pašvaldībām")
    measures = (("planned", "plānots EUR (viss plāns)"), ("planned_ib", "plānots no IB EUR"), ("paid", "samaksāts EUR"))
    ib_k = 1  # the "plānots no IB" column of each group
    unspread = agg.unspread_total(None) > 0
    shown = period_months(*period) if period else agg.months()
    groups: dict[Any, list[dt.date]] = {}
    for month in shown:
        groups.setdefault(quarter_label(month) if quarterly else month, []).append(month)
    keys = list(groups)
    key_width = 20 if quarterly else 10
    cols: list[tuple[str, float]] = [("Ceturksnis" if quarterly else "Mēnesis", key_width)]
    def total(muni: str | None) -> list[Decimal]:
        planned, paid = agg.planned_paid(muni)
        return [planned, agg.planned_ib(muni), paid]

    def summed(muni: str | None) -> list[Decimal]:  # the row „Kopā”: "plānots no IB" with what no month takes
        planned, planned_ib, paid = total(muni)
        return [planned, planned_ib + agg.unspread_total(muni), paid]

    for m in munis:  # each column as wide as its sum (D373)
        cols += [(f"{names.get(m, m)}: {label}", money_width([value], 12, bold=True))
                 for (_, label), value in zip(measures, summed(m), strict=True)]
    cols += [(f"Kopā {label}", money_width([value], 13, bold=True))
             for (_, label), value in zip(measures, summed(None), strict=True)]
    cols += [("Neapgūts EUR (plānots − samaksāts)", money_width([total(None)[0] - total(None)[2]], 13, bold=True))]
    note = CASH_NOTE + (outside_note(quarterly) if period else "") + (UNSPREAD_NOTE if unspread else "")
    widths = book.header(ws, title, note, cols)
    width = len(measures)
    group_page_breaks(ws, widths, [1 + width * j for j in range(len(munis) + 1)])  # the totals: one group
    muni_r, month_r = months["muni"].range(SHEET_MONTHS), months["month"].range(SHEET_MONTHS)
    key_r = months["quarter" if quarterly else "month"].range(SHEET_MONTHS)
    ranges = [months[key].range(SHEET_MONTHS) for key, _ in measures]
    first, last_month = (shown[0], shown[-1]) if shown else (None, None)
    # a quarter's row takes only its months inside the period (a period may start or end within a quarter)
    within = (f',{month_r},">="&{_date(first)},{month_r},"<="&{_date(last_month)}'
              if quarterly and period and shown else "")

    def values(muni: str | None, key: Any) -> list[Decimal]:
        return agg.cash_in(muni, groups[key])

    def outside(muni: str | None) -> list[Decimal]:
        return [t - i for t, i in zip(total(muni), agg.cash_in(muni, shown), strict=True)]

    def cash_row(row: int, value_of: Callable[[str | None], list[Decimal]],
                 sumifs: Callable[[str, str], str]) -> None:
        """One row: each municipality's three sums, the totals and the underspend; ``sumifs(range, muni)``
        writes a sum's formula (``muni`` "" for the totals)."""
        for j, m in enumerate(munis):
            for k, value in enumerate(value_of(m)):
                book.formula(ws, row, 1 + width * j + k, sumifs(ranges[k], f'{muni_r},{text_criterion(names[m])},'), value)
        totals = value_of(None)
        cells = [book.formula(ws, row, 1 + width * n + k, sumifs(ranges[k], ""), value, book.f_sum_money)
                 for k, value in enumerate(totals)]
        book.formula(ws, row, 1 + width * n + width, f"{cells[0]}-{cells[2]}", totals[0] - totals[2],
                     book.f_sum_money)

    row = DATA_FIRST
    n = len(munis)
    for key in keys:
        if quarterly:
            book.value(ws, row, 0, key)
        else:
            book.value(ws, row, 0, key, book.f_month)
        crit = f"$A{row}"
        cash_row(row, lambda m, key=key: values(m, key),
                 lambda rng, muni, crit=crit: f"SUMIFS({rng},{muni}{key_r},{crit}{within})")
        row += 1
    if period and shown:  # the plan months outside the period: one row, never dropped (D143)
        book.value(ws, row, 0, OUTSIDE_LABEL, book.f_wrap)  # wraps in the narrow month column, never cut
        book.fit_row(ws, row, [(OUTSIDE_LABEL, key_width, False)])
        before, after = _date(first), _date(last_month)
        cash_row(row, outside, lambda rng, muni: f'SUMIFS({rng},{muni}{month_r},"<"&{before})'
                                                 f'+SUMIFS({rng},{muni}{month_r},">"&{after})')
        row += 1
    if unspread:  # the IB part no month takes (D123): shown apart, so that "Kopā" keeps every IB euro
        book.value(ws, row, 0, UNSPREAD_LABEL, book.f_wrap)  # wraps in the narrow month column, never cut
        book.fit_row(ws, row, [(UNSPREAD_LABEL, key_width, False)])
        for j in range(1, len(cols)):  # framed like the month rows; only the "plānots no IB" cells hold a sum
            book.value(ws, row, j, None, book.f_money)
        line_muni_r, line_ib_r = lines["muni"].range(SHEET_LINES), lines["ib"].range(SHEET_LINES)
        for j, m in enumerate(munis):
            book.formula(ws, row, 1 + width * j + ib_k, f'SUMIFS({line_ib_r},{line_muni_r},{text_criterion(names[m])})'
                         f'-SUMIFS({ranges[ib_k]},{muni_r},{text_criterion(names[m])})', agg.unspread_total(m))
        book.formula(ws, row, 1 + width * n + ib_k, f"SUM({line_ib_r})-SUM({ranges[ib_k]})", agg.unspread_total(None),
                     book.f_sum_money)
        row += 1
    book.value(ws, row, 0, "Kopā", book.f_sum_text)
    last = max(row - 1, DATA_FIRST)
    sums = [v for m in munis for v in summed(m)] + summed(None)
    sums.append(sums[-3] - sums[-1])
    for j, value in enumerate(sums):
        letter = column_letter(1 + j)
        book.formula(ws, row, 1 + j, f"SUM({letter}{DATA_FIRST}:{letter}{last})" if row > DATA_FIRST else "0",
                     value, book.f_sum_money)


def _date(day: dt.date | None) -> str:
    """A date in a formula's criterion, "DATE(2018,10,1)" (Excel 2010 and LibreOffice alike)."""
    assert day is not None
    return f"DATE({day.year},{day.month},{day.day})"
