"""The summary workbook's sheets about the files: rule errors and warnings per child, unused files, notes on used
files and the differences against the files' own cached values (children by pseudonym, file names hidden when
they may name a child)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import date as lv_date
from generator.ministry.ceiling_advice import ceiling_advice
from generator.ministry.collect import FINAL_NAME, hashed_name
from generator.ministry.collection import Collection
from generator.ministry.final_status import STATUS_NO_PRICE, ceiling_warnings
from generator.ministry.reading import LISTED_WARNINGS, MONEY_NAMES
from generator.ministry.records import ChildRecord, Refusal
from generator.ministry.rule_names import rule_name
from generator.ministry.summary_book import (
    DATA_FIRST,
    FONT,
    PAGE_SLACK,
    PAGE_WIDTH,
    SHEET_CHILDREN,
    SHEET_FINDINGS,
    SHEET_NOTES,
    SHEET_WARNINGS,
    SummaryBook,
)
from generator.ministry.template_checks import VALUE_LABELS as NAME_LABELS
from generator.ministry.template_checks import shown_place
from generator.reference.findings import Finding, Severity
from generator.workbook.texts import PRICE_TYPED


# --- Noteikumu kļūdas -----------------------------------------------------------------------------
def findings_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str]) -> None:
    """Which rules each used child's plan breaks, as the matrix's 6.11 list names them (audit21 F12): the
    counts on „Bērni” alone did not let the analyst judge a child whose amounts take part in the redistribution.
    The file and the municipality's name as on „Atšķirības” and the other sheets (audit24 F22). The rule by its
    Latvian name, its code in a narrow column of its own in 8,5 pt, for a search (audit24 F18)."""
    rows = []
    for rec in sorted(c.records, key=lambda r: (r.municipality, r.code)):
        muni = names.get(rec.municipality, rec.municipality)
        shown = c.shown.get(rec.code, rec.source)
        rows += [(rec.code, muni, shown, rule_name(f.code), f.code, f.message) for f in rec.result.findings
                 if f.counts and f.severity is Severity.error]
    # the columns fill one page width (PAGE_WIDTH): the code's column as wide as its longest code at 8,5 pt (above the
    # smallest printed size 8 pt, audit13 F2)
    code_width = max([6.0] + [len(r[4]) * 0.9 + 1 for r in rows])
    widths = [17, 14, 20, 19, code_width]
    widths.append(max(40, PAGE_WIDTH - PAGE_SLACK - sum(widths)))
    book.header(ws, "Noteikumu kļūdas izmantotajās matricās",
                "Matricas ar noteikumu kļūdām aprēķinā izmantotas ar to, kas matricā ievadīts; šeit katra kļūda ar "
                "vietu matricā, kur tā zināma (tāpat kā matricas 6.11. tabulā), lai varētu izvērtēt, vai bērna "
                "apmēri ir derīgi. Noteikums – kļūdas veids; kods – tā apzīmējums atsauces aprēķinā (meklēšanai). "
                f"Brīdinājumi – skaits lapā „Bērni”, tie, kas maina N, – lapā „{SHEET_WARNINGS}”. {SHOWN_NAMES}",
                list(zip(("Bērna kods", "Pašvaldība", "Fails", "Noteikums", "Kods", "Apraksts"), widths, strict=True)),
                key_cols=1)
    f_code = book.wb.add_format({"font_name": FONT, "font_size": 8.5, "valign": "top", "border": 1,
                                 "font_color": "#595959"})
    for row, values in enumerate(rows, start=DATA_FIRST):
        for i, value in enumerate(values):
            book.value(ws, row, i, value, f_code if i == 4 else book.f_wrap)
        book.fit_row(ws, row, [(text, widths[i], False) for i, text in enumerate(values) if i in (1, 2, 3, 5)])


def listed_warnings(rec: ChildRecord) -> list[Finding]:
    """The warnings of one used matrix the sheet „Brīdinājumi” lists (LISTED_WARNINGS; the record keeps the unconfirmed
    ceilings too, listed on their own sheet): one list for the sheet, its count on „Kopsavilkums” and the console
    line, so the three agree."""
    return [f for f in rec.result.findings if f.counts and f.severity is Severity.warning and f.code in LISTED_WARNINGS]


def warnings_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str]) -> None:
    """The warnings of a plan line whose amount is in N although it is most likely mistyped (D148, audit31 F4), and of
    a line with a price of 0,00 that N leaves out (D364): N decides whether the child takes part in the
    redistribution and its share (D7), so the analyst sees the file, the line and its place, P, and the child's N
    beside them."""
    rows = []
    for rec in sorted(c.records, key=lambda r: (r.municipality, r.code)):
        muni = names.get(rec.municipality, rec.municipality)
        shown = c.shown.get(rec.code, rec.source)
        rows += [(rec.code, muni, shown, rule_name(f.code), rec.result.provisional, rec.result.needed, f.message)
                 for f in listed_warnings(rec)]
    widths = [17, 14, 20, 17, 17, 17]  # P and N as wide as their headers' longest word
    widths.append(PAGE_WIDTH - PAGE_SLACK - sum(widths))
    book.header(ws, "Brīdinājumi, kas maina N",
                "Brīdinājums par plāna rindu, kuras summa viena pati pārsniedz bērna IB provizorisko apmēru P: "
                "tā ir iespējama, bet biežāk tas ir kļūdaini ievadīts daudzums. Rindas summa ir bērna N, un N nosaka, "
                "vai bērns piedalās pārdalē un cik saņem, tāpēc pirms pārdales pārbaudiet šīs rindas matricā. "
                "Brīdinājums par plāna rindu ar sniedzēja cenu 0,00: sniedzēja cenas vēl nav, tāpēc N šo rindu "
                "neietver un ir tikai mazākais iespējamais; bērna F nav galīgs (statuss "
                f"„{STATUS_NO_PRICE}” CSV failā un lapā „{SHEET_CHILDREN}”), līdz cena ierakstīta {PRICE_TYPED} "
                "un savākšana atkārtota (lēmums D364). Citi "
                f"brīdinājumi – tikai skaits lapā „{SHEET_CHILDREN}”. {SHOWN_NAMES}",
                list(zip(("Bērna kods", "Pašvaldība", "Fails", "Brīdinājums", "IB provizoriskais EUR (P)",
                          "IB nepieciešamais EUR (N)", "Apraksts"), widths, strict=True)), key_cols=1)
    for row, values in enumerate(rows, start=DATA_FIRST):
        for i, value in enumerate(values):
            book.value(ws, row, i, value, book.f_money if isinstance(value, Decimal) else book.f_wrap)
        book.fit_row(ws, row, [(str(text), widths[i], False) for i, text in enumerate(values) if i in (1, 2, 3, 6)])
    if not rows:
        ws.write_string(DATA_FIRST - 1, 0, "Šādu brīdinājumu nav.")


# why a ceiling on „Neapstiprināti griesti" is not confirmed on the collection's day: both cases (D269, D302) – a
# withdrawal after the matrix's prices day or by it (a matrix inside the withdrawal's gap, D342)
CEILING_STATES = ("vēl „jāprecizē” vai to apstiprinājums atsaukts – pēc matricas cenu dienas vai jau līdz tai (aile "
                  "„Apraksts” saka, no kuras dienas)")


def ceilings_sheet(book: SummaryBook, ws: Worksheet, c: Collection, names: dict[str, str],
                   catalogue: Catalogue) -> None:
    """Each plan line whose price was checked against a ceiling that is not confirmed (D22): the child's F rests on
    it and is not final (D269), so the analyst sees the file and the line's place, not only a count (audit33a F3).
    A line that keeps the catalogue's own „jāprecizē" price says what it means for N, not to check the provider's
    price (ceiling_advice, D297)."""
    rows = []
    for rec in sorted(c.records, key=lambda r: (r.municipality, r.code)):
        muni = names.get(rec.municipality, rec.municipality)
        shown = c.shown.get(rec.code, rec.source)
        rows += [(rec.code, muni, shown, c.status(rec), ceiling_advice(rec, f, catalogue))
                 for f in ceiling_warnings(rec)]
    widths = [17, 14, 20, 20]
    widths.append(PAGE_WIDTH - PAGE_SLACK - sum(widths))
    # a ceiling is listed while „jāprecizē" on the collection's day: never confirmed yet, or confirmed on the matrix's
    # prices day and withdrawn at the same amount since (D302) – the header holds for both
    book.header(ws, "Plāna rindas, kuru cenas griesti nav apstiprināti savākšanas dienā",
                "Sniedzēja cenu šajās rindās nevar pārbaudīt pret griestiem, jo savākšanas dienā tie katalogā nav "
                f"apstiprināti – {CEILING_STATES}: ja cena tos pārsniedz, bērna N ir par lielu. Rindā, kurā palikusi "
                "pati kataloga neapstiprinātā cena (aile „Apraksts” to saka), bērna N balstās uz šo cenu un pēc tās apstiprināšanas var gan "
                "palielināties, gan samazināties. Abos gadījumos bērna F nav galīgs (statuss „provizorisks – griesti nav "
                "apstiprināti” CSV failā un lapā „Bērni”), līdz griesti ir apstiprināti un cena pret tiem "
                f"pārbaudīta atkārtotā savākšanā (lēmums D269). {SHOWN_NAMES}",
                list(zip(("Bērna kods", "Pašvaldība", "Fails", "F statuss", "Apraksts"), widths, strict=True)),
                key_cols=1)
    for row, values in enumerate(rows, start=DATA_FIRST):
        for i, value in enumerate(values):
            book.value(ws, row, i, value, book.f_wrap)
        book.fit_row(ws, row, [(str(text), widths[i], False) for i, text in enumerate(values) if i in (1, 2, 3, 4)])
    if not rows:
        ws.write_string(DATA_FIRST - 1, 0, "Tādu rindu nav.")


# --- Neizmantotās matricas, Atšķirības ------------------------------------------------------------
SHOWN_NAMES = ("Faila nosaukumu, kurā redzams bērna vai vecāka vārds, personas kods vai datums, rāda kā matrica-<SHA-256 sākums>.xlsx "
               "(atrodams ar komandu sha256sum), tāpat kā komandas izvadā.")
# Latvian labels of the interface names a stale value or a typed F is found in (audit21 F7).
VALUE_LABELS = {FINAL_NAME: "IB galīgais apmērs (F)", **NAME_LABELS}


# A refused file may not have been read, so its name cannot be checked for the child's name: the summary, which
# leaves the ministry's desk, names it by its content hash in the README's form; the console names it in full only
# when the file could be opened as a matrix and its name shows nobody it holds (audit35b F1).
REFUSED_NAMES = ("Neizmantotu failu rāda kā matrica-<SHA-256 sākums> ar faila paplašinājumu, piem. .xlsx vai .xls "
                 "(atrodams ar komandu sha256sum; failu, ko nevar nolasīt, un saiti uz neesošu failu – kā "
                 "matrica-nenolasāms-<numurs>, atrodams ar find MAPE -inum <numurs>): "
                 "nenolasītam failam nevar pārbaudīt, vai tā nosaukumā nav bērna vārda; komandas izvadā tas nosaukts "
                 "pilnā nosaukumā tikai tad, ja matricu varēja atvērt un nosaukumā nav bērna vai vecāka vārda, "
                 "personas koda vai datuma.")


def _hashed_name(refusal: Refusal) -> str:
    """A refused file's name in the summary (collect.hashed_name)."""
    return hashed_name(refusal.path, refusal.source)


def refused_sheet(book: SummaryBook, ws: Worksheet, c: Collection) -> None:
    book.header(ws, "Neizmantotās matricas",
                "Šīs matricas aprēķinā nav izmantotas; piezīmes par izmantotajiem failiem (identiska kopija, vecāka "
                f"veidne) – lapā „{SHEET_NOTES}”, lai failu skaits mapē saskan ar kopsavilkumu. {REFUSED_NAMES}",
                [("Periods", 20), ("Pašvaldības mape", 16), ("Fails", 24), ("Iemesls", 72)], key_cols=0)
    row = DATA_FIRST
    # the period as a person reads it on paper, not a bare "šis" (audit21 F5)
    for folder_period, refused, where in ((c.period or "šis pārskata periods", c.refused, ""),
                                          ("iepriekšējais pārskata periods", c.previous_refused,
                                           " (iepriekšējā perioda mapē)")):
        for r in refused:
            name = _hashed_name(r)
            # the file's own period where its plan's first day was read, else its folder's (audit33a F2); a --previous
            # folder's file says so
            period = f"{r.period}{where}" if r.period else folder_period
            for reason in r.summary_reasons or r.reasons:
                for i, value in enumerate([period, r.municipality_folder, name, reason]):
                    book.value(ws, row, i, value, book.f_wrap)
                # a long name wraps at its hyphens („matrica-nenolasāms-<inode>.xlsx”): the row is as high
                book.fit_row(ws, row, [(period, 20, False), (name.replace("-", "- "), 24, False), (reason, 72, False)])
                row += 1
    if row == DATA_FIRST:  # one line, not an empty table row (audit24 F13)
        ws.write_string(DATA_FIRST - 1, 0, "Neizmantotu matricu nav.")


def notes_sheet(book: SummaryBook, ws: Worksheet, c: Collection) -> None:
    book.header(ws, "Piezīmes par izmantotajiem failiem",
                "Šie faili aprēķinā izmantoti; piezīme saka, kas par tiem jāzina (identiska kopija izmantota vienreiz, "
                "matrica vecākā veidnē, fails vēl atvērts citā programmā, fails citas pašvaldības mapē, pašvaldības "
                "mapes apakšmapē vai ārpus pašvaldību mapēm, iepriekšējā perioda matrica ar noteikumu kļūdām), kā arī "
                "pašvaldības mape bez matricām un iepriekšējais periods, kas savākšanas dienā vēl nav beidzies. Komandas "
                "izvadā tās pašas piezīmes un brīdinājumi.", [("Nr.", 5), ("Piezīme", 123)],
                key_cols=0)  # two columns: the note above wraps within them
    # a matrix in another municipality's folder: the console's warning, here too (audit27b F4)
    notes = c.notes + [f"Brīdinājums: {w}" for w in c.file_warnings]
    for i, note in enumerate(notes):
        book.value(ws, DATA_FIRST + i, 0, i + 1, book.f_whole)
        book.value(ws, DATA_FIRST + i, 1, note, book.f_wrap)
        book.fit_row(ws, DATA_FIRST + i, [(note, 123, False)])
    if not notes:
        ws.write_string(DATA_FIRST - 1, 0, "Piezīmju nav.")


def stale_sheet(book: SummaryBook, ws: Worksheet, c: Collection) -> None:
    final = VALUE_LABELS[FINAL_NAME]
    book.header(ws, "Atšķirības starp failā saglabātajām un pārrēķinātajām vērtībām",
                "Novecojis vai labots fails vai veidne, kurā kādas pārbaudes vēl nebija (sk. kolonnu „Iemesls”): aprēķinā "
                "izmantota pārrēķinātā vērtība, ne failā saglabātā. "
                f"{final}: matricā ierakstītais galīgais apmērs F atšķiras no šajā savākšanā aprēķinātā – "
                f"LM lēmums par šī bērna F jāatjauno. {SHOWN_NAMES}",
                [("Bērna kods", 16), ("Fails", 26), ("Rādītājs", 18), ("Vieta matricā", 20), ("Failā", 11),
                 ("Pārrēķināts", 11), ("Iemesls", 28)], key_cols=0)
    row = DATA_FIRST
    for s in c.final_differences + c.stale:
        shown = c.shown.get(s.code, s.source)
        label = VALUE_LABELS.get(s.name, s.name)
        reason = f"{s.reason}; sk. lapu „{SHEET_FINDINGS}”" if s.reason else ("LM lēmums par F jāatjauno" if s.name == FINAL_NAME else "novecojis vai labots fails")
        money = s.name in MONEY_NAMES or s.name == FINAL_NAME
        if money:  # the columns „Failā” and „Pārrēķināts” hold counts and ages too: a sum's row says its unit
            label = f"{label}, EUR"
        place = shown_place(s.cell)
        for i, value in enumerate([s.code, shown, label, place, _shown(s.cached), _shown(s.recomputed), reason]):
            is_amount = isinstance(value, Decimal) or (money and isinstance(value, int | float))
            book.value(ws, row, i, value, book.f_money if is_amount else book.f_wrap)
        book.fit_row(ws, row, [(shown, 26, False), (label, 18, False), (place, 20, False), (reason, 28, False)])
        row += 1



def _shown(value: object) -> object:
    if value is None:
        return "(tukšs)"
    if isinstance(value, dt.datetime):
        return lv_date(value.date())
    return value
