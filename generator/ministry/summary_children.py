"""The summary workbook's sheets per child and plan: „Bērni” (each child's amounts), „Plāna rindas”, „Mēnešu dati”
(the recomputed data the totals sum) and „Grupas” (children and amounts by age group and impairment)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.ministry.aggregate import Aggregates
from generator.ministry.collection import Collection
from generator.ministry.final_status import (
    STATUS_CEILING,
    STATUS_ERRORS,
    STATUS_FINAL,
    STATUS_IMPLAUSIBLE,
    STATUS_NO_PRICE,
    STATUS_PROVISIONAL,
    ministry_base,
)
from generator.ministry.records import ChildRecord
from generator.ministry.sheet_rows import BulkRows
from generator.ministry.summary_book import (
    DATA_FIRST,
    LINE_HEIGHT,
    PAGE_SLACK,
    PAGE_WIDTH,
    SHEET_CHILDREN,
    SHEET_SERVICES,
    SHEET_STALE,
    WITH_F,
    Column,
    SummaryBook,
    age_group_label,
    column_letter,
    fit_width,
    header_width,
    name_width,
    text_criterion,
    wrapped_lines,
)

# --- Bērni ----------------------------------------------------------------------------------------
CHILD_COLUMNS = [
    ("kods", "Bērna kods (pseidonīms)", 17), ("muni", "Pašvaldība", 12),
    ("start", "Perioda sākums", 11), ("months", "Mēnešu skaits", 7), ("age", "Vecums (gadi)", 7), ("group", "Vecuma grupa", 8),
    ("impairment", "Traucējumu veids", 14), ("opinion", "Īpašās kopšanas atzinums", 10), ("rate", "Likme", 7),
    ("base", "Bāzes apmērs B EUR", 11), ("base_from", "B avots", 21),
    ("P", "IB provizoriskais EUR (P)", 12), ("N", "IB nepieciešamais EUR (N)", 12), ("A", "IB pieejamais EUR (A)", 12),
    ("K", "IB kopējais EUR (K)", 12), ("stage2", "2. posma apmērs EUR (min(N; P))", 12),
    ("eligible", "Pārdalē (N > P)", 9), ("top_up", "Papildinājums no pārdales EUR", 12),
    ("F", "IB galīgais EUR (F)", 12), ("status", "F statuss", 16), ("capped", "Sasniegts N", 8),
    ("planned", "Plānots EUR (6.7. tabula)", 12), ("paid", "Samaksāts EUR (6.10. tabula)", 12), ("errors", "Kļūdu skaits", 7),
    ("warnings", "Brīdinājumu skaits", 9),
]


# „B avots” is 21 wide: „matrica (6.11. tabula)” and „katalogs (jāprecizē)” print whole (13 cut them)
BASE_FROM_MATRIX = "matrica (6.11. tabula)"
BASE_FROM_CATALOGUE = "katalogs"
BASE_FROM_UNCONFIRMED = "katalogs (jāprecizē)"


def child_base(rec: ChildRecord) -> tuple[Decimal, str]:
    """The base amount B the child's P rests on and where it comes from (audit27b F5): the ministry's B typed in the
    matrix's 6.11, else the catalogue's on the matrix's parameters day – said to be unconfirmed when it is (D117). The
    catalogue's unconfirmed B copied into 6.11 is no B of the ministry's (reference.params.ministry_base, D257, D268):
    P rests on the catalogue's B as with an empty cell, and the source says so, not „matrica”."""
    if ministry_base(rec) is not None:
        return rec.inputs.base, BASE_FROM_MATRIX
    return rec.catalogue_base, BASE_FROM_CATALOGUE if rec.base_confirmed else BASE_FROM_UNCONFIRMED


def children_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str]) -> dict[str, Column]:
    used_names = [names.get(m, m) for m in {r.municipality for r in c.records}]
    columns = [(t, name_width(used_names) if key == "muni" else w) for key, t, w in CHILD_COLUMNS]
    book.header(ws, "Bērni (pēc pseidonīma)",
                "Katrs skaitlis pārrēķināts ar atsauces aprēķinu no matricas ievaddatiem; vārdi un personas kodi "
                f"kopsavilkumā netiek iekļauti. A un K {WITH_F.replace('aprēķināts', 'aprēķināti', 1)}; matricā "
                f"ierakstītais F – lapā „{SHEET_STALE}”. „F statuss” – kā galīgo apmēru CSV rindā: „{STATUS_ERRORS}” (CSV bez "
                f"summas), „{STATUS_CEILING}”, „{STATUS_NO_PRICE}”, „{STATUS_IMPLAUSIBLE}”, „{STATUS_PROVISIONAL}” vai "
                f"„{STATUS_FINAL}” (lēmumi D268, D269, D364, D370).",
                columns, key_cols=2)
    idx = {key: i for i, (key, _, _) in enumerate(CHILD_COLUMNS)}
    finals = c.finals.by_id()
    records = sorted(c.records, key=lambda r: (r.municipality, r.code))
    p_col, n_col, stage2_col, top_up_col = (column_letter(idx[k]) for k in ("P", "N", "stage2", "top_up"))
    kinds = {"kods": ("s", book.f_text), "muni": ("s", book.f_text),
             "start": ("d", book.f_date), "months": ("n", book.f_whole), "age": ("n", book.f_whole),
             "group": ("s", book.f_text), "impairment": ("s", book.f_text), "opinion": ("b", book.f_text),
             "rate": ("n", book.f_rate), "base": ("n", book.f_money), "base_from": ("s", book.f_text),
             "P": ("n", book.f_money), "N": ("n", book.f_money),
             "A": ("n", book.f_money), "K": ("n", book.f_money),
             "stage2": ("f", book.f_money, f"MIN({n_col}{{0}},{p_col}{{0}})"), "eligible": ("b", book.f_text),
             "top_up": ("n", book.f_money), "F": ("f", book.f_money, f"{stage2_col}{{0}}+{top_up_col}{{0}}"),
             "status": ("s", book.f_wrap),
             "capped": ("b", book.f_text), "planned": ("n", book.f_money), "paid": ("n", book.f_money),
             "errors": ("n", book.f_whole), "warnings": ("n", book.f_whole)}
    write = BulkRows(ws).writer([kinds[key] for key, _, _ in CHILD_COLUMNS])
    sheet_name = ws.get_name()
    stage2_letter, final_letter = column_letter(idx["stage2"]), column_letter(idx["F"])
    row = DATA_FIRST
    status_width = columns[idx["status"]][1]
    for rec in records:
        r, f = rec.result, finals[rec.code]
        stage2 = f.final - f.top_up
        # the F a CSV row sends as final or not (D268, D269); the figure stays here, where the pool adds up
        status = c.status(rec)
        lines = wrapped_lines(status, status_width)
        write(row, (rec.code, names[rec.municipality], rec.period_start,
                    rec.months, rec.age, age_group_label(rec.age_group), rec.impairment, rec.special_care, r.rate,
                    *child_base(rec), r.provisional, r.needed, r.available, r.total, stage2, f.eligible,
                    f.top_up, f.final, status, f.capped,
                    r.execution.planned_total, rec.paid.total, r.errors, r.warnings),
              lines * LINE_HEIGHT if lines > 1 else None)
        book.expected[(sheet_name, f"{stage2_letter}{row}")] = stage2
        book.expected[(sheet_name, f"{final_letter}{row}")] = f.final
        row += 1
    ws.autofilter(DATA_FIRST - 2, 0, max(row - 2, DATA_FIRST - 2), len(CHILD_COLUMNS) - 1)
    return {key: Column(column_letter(i), DATA_FIRST, row - 1) for key, i in idx.items()}


# --- Plāna rindas, Mēnešu dati --------------------------------------------------------------------
def lines_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str]) -> dict[str, Column]:
    """A plan line prints on one page width, the service's name beside its amounts (audit35 F8): the service's name
    (its code first, as the matrix writes it) wraps in the room the other columns leave, and the code the sheet
    „Pakalpojumi” sums by is a hidden last column, not printed twice."""
    muni_width = name_width([names[m] for m in {p.municipality for p in agg.plan_rows}])
    cols: list[tuple[str, str, float]] = [
        ("kods", "Bērna kods", 17), ("muni", "Pašvaldība", muni_width), ("area", "Atbalsta joma", 8),
        ("label", "Pakalpojums", 30), ("units", "Vienības periodā", 10), ("price", "Cena EUR", 10),
        ("cost", "Summa EUR (N daļa)", 12), ("ib", "No IB EUR", 12), ("item", "Pakalpojuma kods", 10)]
    label = 3
    others = sum(header_width(t, w) for i, (_, t, w) in enumerate(cols[:-1]) if i != label)
    # each printed column adds ~0,7 units of padding to its width (the file's widths): the row fits one page
    room = PAGE_WIDTH - PAGE_SLACK - others - 0.7 * (len(cols) - 1)
    label_width = max(26.0, min(fit_width([p.label for p in agg.plan_rows], 26, most=70), room))
    cols[label] = ("label", "Pakalpojums", label_width)
    widths = book.header(ws, "Plāna rindas", f"Katra plāna rinda ar daudzumu un cenu (atsauces aprēķins); „No IB” "
                         f"{WITH_F}. Pakalpojuma kods ir pakalpojuma nosaukuma sākumā (lapas „{SHEET_SERVICES}” "
                         "formulām tas ir arī slēptajā pēdējā kolonnā).", [(t, w) for _, t, w in cols], key_cols=2)
    item = len(cols) - 1
    ws.set_column(item, item, widths[item], None, {"hidden": True})
    text, money = book.f_text, book.f_money
    write = BulkRows(ws).writer([("s", text), ("s", text), ("n", book.f_whole), ("s", book.f_wrap),
                                 ("n", book.f_units), ("n", money), ("n", money), ("n", money), ("s", text)])
    row = DATA_FIRST
    heights: dict[str, float | None] = {}
    for p in sorted(agg.plan_rows, key=lambda p: (p.municipality, p.code)):
        if p.label not in heights:
            lines = wrapped_lines(p.label, widths[label])
            heights[p.label] = lines * LINE_HEIGHT if lines > 1 else None
        write(row, (p.code, names[p.municipality], p.area, p.label, p.units, p.price, p.cost, p.ib, p.item),
              heights[p.label])
        row += 1
    return {key: Column(column_letter(i), DATA_FIRST, row - 1) for i, (key, _, _) in enumerate(cols)}


def months_sheet(book: SummaryBook, ws: Worksheet, agg: Aggregates, names: dict[str, str]) -> dict[str, Column]:
    muni_width = name_width([names[m] for m in {m.municipality for m in agg.month_rows}])
    cols = [("kods", "Bērna kods", 17), ("muni", "Pašvaldība", muni_width), ("month", "Mēnesis", 10),
            ("quarter", "Ceturksnis", 20), ("planned", "Plānots EUR (6.7. tabula)", 12),
            ("planned_ib", "Plānots no IB EUR (novērtējums)", 12), ("paid", "Samaksāts EUR (6.10. tabula)", 12)]
    book.header(ws, "Mēnešu dati", "Plānotais un samaksātais katra bērna katrā plāna perioda mēnesī un katrā mēnesī pēc "
                "tā, kurā 6.10. tabulā ierakstīts maksājums (plānots tajā 0); plānots no IB – "
                "plāna IB daļa (6.4. tabulas „No IB”), sadalīta pa mēnešiem proporcionāli plānotajam (novērtējums).",
                [(t, w) for _, t, w in cols], key_cols=2)
    text, money = book.f_text, book.f_money
    write = BulkRows(ws).writer([("s", text), ("s", text), ("d", book.f_month), ("s", text), ("n", money),
                                 ("n", money), ("n", money)])
    row = DATA_FIRST
    for m in sorted(agg.month_rows, key=lambda m: (m.municipality, m.code, m.month)):
        write(row, (m.code, names[m.municipality], m.month, m.quarter, m.planned, m.planned_ib, m.paid))
        row += 1
    return {key: Column(column_letter(i), DATA_FIRST, row - 1) for i, (key, _, _) in enumerate(cols)}


# --- Grupas -------------------------------------------------------------------------------------
def groups_sheet(book: SummaryBook, ws: Worksheet, c: Collection, agg: Aggregates, catalogue: Catalogue,
                  ch: dict[str, Column], names: dict[str, str]) -> None:
    munis = agg.municipalities
    book.header(ws, "Bērni pa vecuma grupām, traucējumu veidiem un likmēm",
                "Bērnu skaits (formulas COUNTIFS no lapas „Bērni”).",
                [("Grupa", 28)] + [(names.get(m, m), 10) for m in munis] + [("Kopā", 9)])
    muni_range = ch["muni"].range(SHEET_CHILDREN)
    row = DATA_FIRST
    groups: list[tuple[str, str, list[tuple[str, object]]]] = [
        ("Vecuma grupa (gadi)", "group", [(age_group_label(g.id),) * 2 for g in catalogue.enums.age_groups]),
        ("Traucējumu veids", "impairment", [(i.name_lv, str(i.id)) for i in catalogue.enums.impairments]),
        ("Likme", "rate", [(f"{int(r * 100)} %", r) for r in sorted({rec.result.rate for rec in c.records},
                                                                      reverse=True)]),
    ]
    counts: Counter[tuple[str | None, str, object]] = Counter()  # (municipality or None: all, key, value)
    for r in c.records:
        for key, value in (("group", age_group_label(r.age_group)), ("impairment", r.impairment),
                           ("rate", r.result.rate)):
            counts[(r.municipality, key, value)] += 1
            counts[(None, key, value)] += 1
    for title, key, items in groups:
        book.value(ws, row, 0, title, book.f_sum_text)
        row += 1
        for label, match in items:
            book.value(ws, row, 0, label)
            crit = f'"{match}"' if isinstance(match, str) else str(float(match))
            for j, m in enumerate(munis, start=1):
                book.formula(ws, row, j, f'COUNTIFS({muni_range},{text_criterion(names[m])},{ch[key].range(SHEET_CHILDREN)},{crit})',
                             counts[(m, key, match)], book.f_whole)
            total = counts[(None, key, match)]
            first, last = column_letter(1), column_letter(len(munis))
            book.formula(ws, row, len(munis) + 1, f"SUM({first}{row}:{last}{row})" if munis else "0", total,
                         book.f_sum_whole)
            row += 1
        row += 1
