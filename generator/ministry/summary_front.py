"""The summary workbook's front sheet „Kopsavilkums”: the collection's totals as formulas over the data sheets, its
status and the notes on every sheet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xlsxwriter.worksheet import Worksheet

from generator.lvformat import agree, version_id
from generator.lvformat import date as lv_date
from generator.ministry.aggregate import Aggregates
from generator.ministry.collection import UNREPORTED, Collection
from generator.ministry.final_status import (
    IMPLAUSIBLE_WARNING,
    NO_PRICE_WARNING,
    STATUS_CEILING,
    STATUS_ERRORS,
    STATUS_IMPLAUSIBLE,
    STATUS_NO_PRICE,
    STATUS_PROVISIONAL,
    ceiling_warnings,
    default_base_words,
    implausible_warnings,
    no_price_warnings,
)
from generator.ministry.summary_book import (
    DATA_FIRST,
    SHEET_CASH,
    SHEET_CEILINGS,
    SHEET_CHILDREN,
    SHEET_FINDINGS,
    SHEET_LINES,
    SHEET_MUNI,
    SHEET_NOTES,
    SHEET_REFUSED,
    SHEET_SERVICES,
    SHEET_STALE,
    SHEET_WARNINGS,
    WITH_F,
    Column,
    SummaryBook,
    q,
)
from generator.ministry.summary_findings import listed_warnings
from generator.ministry.summary_money import UNSPREAD_LABEL
from generator.reference.findings import Severity

ABOVE_P_WORDS = "plāna rindas summa viena pati pārsniedz P un ir ieskaitīta N"

# D385: every payment typed in the previous matrices' 6.10, also on a void line or after the plan's period – more
# than the matrices' own „Samaksāts periodā” when they have such payments (each file is named on the notes sheet)
PREVIOUS_PAID_NOTE = ("katrs 6.10. tabulā ievadītais maksājums, arī rindā ar nederīgu daudzumu vai cenu un pēc plāna "
                      "perioda pēdējā mēneša (D385)")


def _listed_kinds(c: Collection) -> str:
    """What the lines counted on „Brīdinājumi” are: a line alone above P (D148) and a line without a provider's price
    (D364), each kind that holds with its count when both do."""
    found = [f for r in c.records for f in listed_warnings(r) if f.code != IMPLAUSIBLE_WARNING]
    implausible = sum(1 for r in c.records for f in listed_warnings(r) if f.code == IMPLAUSIBLE_WARNING)
    kinds = _above_or_no_price(found)
    if not implausible:
        return kinds
    said = (f"{implausible} {agree(implausible, 'rindā', 'rindās')} cena pārsniedz ticamo, un griestu nav – "
            f"jāpārbauda, vai tā ierakstīta pareizi – bērna F nav galīgs (statuss „{STATUS_IMPLAUSIBLE}”, lēmums D370)")
    return f"{kinds}; {said}" if found else said


def _above_or_no_price(found: list) -> str:  # noqa: ANN001 - the findings listed_warnings gives
    """_listed_kinds of a line alone above P and a line without a provider's price."""
    no_price = sum(1 for f in found if f.code == NO_PRICE_WARNING)
    if not no_price:
        return ABOVE_P_WORDS
    status = f"bērna F nav galīgs (statuss „{STATUS_NO_PRICE}”, lēmums D364)"
    if (above := len(found) - no_price) == 0:
        return f"plāna rindai nav sniedzēja cenas (cena 0,00), un N to neietver – {status}"
    return (f"{above} {agree(above, 'rindā', 'rindās')} summa viena pati pārsniedz P un ir ieskaitīta N; {no_price} "
            f"{agree(no_price, 'rindā', 'rindās')} nav sniedzēja cenas (cena 0,00), un N "
            f"{agree(no_price, 'to', 'tās')} neietver – {status}")


def _own_reasons(c: Collection) -> str:
    """Why some children's own F is provisional (Collection.sum_provisional), each with the sheet that lists the lines:
    an unconfirmed ceiling (D330), no provider's price (D364), a price above its unit's plausible highest (D370)."""
    parts = [f"neapstiprināti griesti, sk. lapu „{SHEET_CEILINGS}”"] if any(ceiling_warnings(r) for r in c.records) else []
    if any(no_price_warnings(r) for r in c.records):
        parts.append(f"nav sniedzēja cenas, sk. lapu „{SHEET_WARNINGS}”")
    if any(implausible_warnings(r) for r in c.records):
        parts.append(f"cena virs ticamās, sk. lapu „{SHEET_WARNINGS}”")
    return "; ".join(parts)


# the funding row's label: the round's, in the words that hold after the pilot (neutral, as the papers' „programmas kārta”)
ENVELOPE_LABEL = "Programmas kārtas finansējums periodam, EUR"
UNREPORTED_LABEL = "Iepriekšējā perioda plānotais no IB matricās bez 6.10. datiem (fondā neieskaitīts), EUR"


# --- Kopsavilkums ---------------------------------------------------------------------------------
def summary_sheet(book: SummaryBook, ws: Worksheet, c: Collection, agg: Aggregates, total_row: int,
                   ch: dict[str, Column], lines: dict[str, Column], today: dt.date) -> None:
    fa = c.finals
    ws.set_column(0, 0, 52)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 60)
    book.print_setup(ws)
    provisional = ", provizoriski" if c.final_provisional else ""  # one pair of brackets (audit24 F20)
    ws.write_string(0, 0, f"IBM galīgo apmēru aprēķins (3. posms{provisional}) – pārskata periods {c.period}",
                    book.f_title)
    key_lv = {"needed": "proporcionāli IB nepieciešamajam apmēram (N)",
              "gap": "proporcionāli iztrūkumam (N − P)"}.get(fa.key, fa.key)
    collected = f"programmas kārta {c.round_name}; " if c.round_name else ""
    intro = (f"Sagatavots {lv_date(today)}; {collected}kataloga versija {version_id(c.catalogue_version)}; "
             f"pārdales atslēga: {key_lv}.")
    # with the round's name the note is longer than the page: it wraps within the three columns, never cut in print
    ws.merge_range(1, 0, 1, 2, intro, book.f_note_wrap)
    book.fit_row(ws, 2, [(intro, 52 + 16 + 60, False)])
    muni = f"{q(SHEET_MUNI)}!"
    rows: list[tuple[str, str | None, object, Any, str]] = []
    # (label, formula or None, value, format, explanation); the column „Vērtība” holds counts and sums: a sum's label
    # ends in „, EUR” as the other sheets' headers, a count's label says what it counts („… skaits”)
    rows.append(("Izmantoto matricu (bērnu) skaits", f"{muni}C{total_row}", agg.pilot.children, book.f_whole, ""))
    rows.append(("Neizmantoto matricu skaits", None, len(c.refused), book.f_whole, f"sk. lapu „{SHEET_REFUSED}”"))
    # every file of the folder is on paper: a byte-identical copy is used once, not lost (audit21 F8)
    rows.append(("Identisku kopiju skaits (izmantotas vienreiz)", None, c.duplicates, book.f_whole,
                 f"piezīmes lapā „{SHEET_NOTES}”"))
    rows.append(("Matricu skaits vecākā veidnē (ieteicams „ibm migrate”)", None, c.old_template, book.f_whole,
                 f"piezīmes lapā „{SHEET_NOTES}”"))
    # what the sheets behind the page hold and an LM reader must know of (audit24 F4)
    errors = {r.code: sum(1 for f in r.result.findings if f.counts and f.severity is Severity.error)
              for r in c.records}
    with_errors = sum(1 for n in errors.values() if n)
    rows.append(("Noteikumu kļūdu skaits izmantotajās matricās", None, sum(errors.values()), book.f_whole,
                 f"{with_errors} {agree(with_errors, 'matricā', 'matricās')}; "
                 + (f"{agree(with_errors, 'šī bērna', 'šo bērnu')} F statuss „{STATUS_ERRORS}” (CSV bez summas), "
                    "pārējo F – provizoriski (lēmums D268); " if with_errors else "")
                 + f"katra kļūda lapā „{SHEET_FINDINGS}”"))
    # the D148 lines listed on „Brīdinājumi” change N and so the pool split: counted here like the errors (D148); so
    # are the lines without a provider's price, which N leaves out (D364)
    warnings = {r.code: len(listed_warnings(r)) for r in c.records}
    with_warnings = sum(1 for n in warnings.values() if n)
    rows.append(("To brīdinājumu skaits, kas maina N", None, sum(warnings.values()), book.f_whole,
                 f"{with_warnings} {agree(with_warnings, 'matricā', 'matricās')}; {_listed_kinds(c)}; katra rinda "
                 f"lapā „{SHEET_WARNINGS}”"))
    # the F resting on a price checked against an unconfirmed ceiling: not final, each line listed (D269)
    ceilings = {r.code: len(ceiling_warnings(r)) for r in c.records}
    with_ceilings = sum(1 for n in ceilings.values() if n)
    rows.append(("Plāna rindu skaits, kuru cenas griesti nav apstiprināti", None, sum(ceilings.values()), book.f_whole,
                 f"{with_ceilings} {agree(with_ceilings, 'matricā', 'matricās')}; bērna F, kas balstās uz tādu cenu, nav "
                 f"galīgs (statuss „{STATUS_CEILING}”, lēmums D269); katra rinda ar F statusu lapā „{SHEET_CEILINGS}”"
                 if with_ceilings else "tādu rindu nav"))
    # the F typed in a matrix that differs from the one set now, and other stale values: on the front page, not only
    # on the last sheet (audit35 F6)
    differ = len({d.code for d in c.final_differences})
    rows.append(("Bērnu skaits, kuru matricā ierakstītais F atšķiras", None, differ, book.f_whole,
                 (f"{differ} {agree(differ, 'bērnam', 'bērniem')}: matricā ierakstītais galīgais apmērs F atšķiras no "
                  f"šajā savākšanā aprēķinātā, LM lēmums par F jāatjauno; sk. lapu „{SHEET_STALE}”") if differ else
                 "nevienā matricā ierakstītais F neatšķiras no aprēķinātā"))
    # a B the ministry typed in a matrix's 6.11 that is not the catalogue's: the child's P rests on it (audit27b F5)
    other_base = sum(1 for r in c.records if r.inputs.base is not None and r.inputs.base != r.catalogue_base)
    rows.append(("Bērnu skaits, kuru matricā ierakstītais B atšķiras no kataloga B", None, other_base, book.f_whole,
                 (f"{other_base} {agree(other_base, 'bērnam', 'bērniem')} P aprēķināts no matricas 6.11. tabulā "
                  "ierakstītā bāzes apmēra B, ne no kataloga B; "
                  # the default funding's B as default_envelope chose it (the funding row's note says the same); one
                  # given on the command line rests on no B (review28 F5)
                  + ("" if c.envelope_given else
                     f"finansējuma noklusējums rēķināts ar {default_base_words(c.envelope_matrix_base)}; ")
                  + f"sk. lapas „{SHEET_CHILDREN}” kolonnas „Bāzes apmērs B EUR” un „B avots”") if other_base else
                 "nevienā matricā nav ierakstīts B, kas atšķiras no kataloga B"))
    stale_files = len({s.source for s in c.stale})
    rows.append(("To citu failā saglabāto vērtību skaits, kas atšķiras", None, len(c.stale), book.f_whole,
                 f"{stale_files} {agree(stale_files, 'failā', 'failos')} (novecojis vai labots fails); aprēķinā "
                 f"izmantota pārrēķinātā vērtība; sk. lapu „{SHEET_STALE}”" if c.stale else "tādu nav"))
    unspread_children = len({u.code for u in agg.unspread})
    rows.append((f"Plāna IB daļa „{UNSPREAD_LABEL}”, EUR", None, agg.unspread_total(None), book.f_money,
                 f"{unspread_children} {agree(unspread_children, 'bērna plānā', 'bērnu plānos')} 6.6. tabulas "
                 f"sadalījums pa mēnešiem nepilnīgs; sk. lapu „{SHEET_CASH}”" if unspread_children else
                 "visu plānu IB daļa iekļauta mēnešos"))
    rows.append(("Σ IB provizoriskais (P), EUR", f"{muni}E{total_row}", agg.pilot.provisional, book.f_money, ""))
    rows.append(("Σ IB nepieciešamais (N), EUR", f"{muni}F{total_row}", agg.pilot.needed, book.f_money, ""))
    rows.append(("Σ IB pieejamais (A), EUR", f"{muni}G{total_row}", agg.pilot.available, book.f_money, WITH_F))
    rows.append(("Σ IB kopējais (K), EUR", f"{muni}H{total_row}", agg.pilot.total, book.f_money, WITH_F))
    first = len(rows) + DATA_FIRST
    unreported = 1 if c.unreported_planned else 0  # a row of its own only when some --previous 6.10 is empty
    r_env, r_stage2, r_rest, r_plan, r_paid, r_under = range(first, first + 6)
    r_pool, r_dist = r_under + 1 + unreported, r_under + 2 + unreported
    envelope_note = (c.envelope_note + (f". {c.round_envelope[:1].upper()}{c.round_envelope[1:]}" if c.round_envelope else "") + (f"; PROVIZORISKS: {c.provisional}" if c.provisional else "")
                     + (f"; BRĪDINĀJUMS: {c.envelope_warning}" if c.envelope_warning else ""))
    rows.append((ENVELOPE_LABEL, None, fa.envelope, book.f_money, envelope_note))
    rows.append(("Σ 2. posma apmērs min(N; P), EUR", f"SUM({ch['stage2'].range(SHEET_CHILDREN)})", fa.stage2_total,
                 book.f_money, "katram bērnam mazākais no N un P"))
    rows.append(("Atlikums pēc 2. posma, EUR", f"B{r_env}-B{r_stage2}", fa.envelope_rest, book.f_money,
                 "finansējums − Σ min(N; P)"))
    rows.append(("Iepriekšējā perioda plānotais no IB, EUR", None, fa.previous_planned, book.f_money,
                 (c.previous_folder and f"no mapes „{c.previous_folder}”; " or "iepriekšējais periods nav norādīts; ")
                 + "plāna IB daļa (6.4. tabulas „No IB”, ne vairāk par 6.7. tabulas plānoto), bez daļas, ko IB nesedz"))
    rows.append(("Iepriekšējā perioda samaksātais (6.10. tabula), EUR", None, fa.previous_actual, book.f_money,
                 PREVIOUS_PAID_NOTE
                 # a previous period not ended on the collection's day: its payments may still grow (a warning)
                 + (f"; periods savākšanas dienā vēl nav beidzies: līdz {lv_date(c.previous_running)} samaksātais "
                    f"var pieaugt un neapgūtais – samazināties (sk. lapu „{SHEET_NOTES}”)" if c.previous_running
                    else "")))
    rows.append(("Iepriekšējā perioda neapgūtais, EUR", f"B{r_plan}-B{r_paid}", fa.underspend, book.f_money,
                 "plānotais no IB − samaksātais" + ("; bez matricām, kuru 6.10. tabulā nav neviena maksājuma (rinda "
                                                   "zemāk)" if unreported else "")))
    if unreported:
        n = sum(1 for w in c.warnings if f": {UNREPORTED}" in w)
        rows.append((UNREPORTED_LABEL, None, c.unreported_planned, book.f_money,
                     f"{n} {agree(n, 'matricas', 'matricu')} plānotais no IB; "
                     + ("periods vēl nav beidzies, un " if c.previous_running else "periods beidzies, bet ")
                     + "6.10. tabulā nav ievadīts neviens maksājums, tāpēc pārdales fondā kā neapgūtais nav ieskaitīts, "
                     "kamēr izpilde nav "
                     f"ievadīta un savākšana atkārtota (katra matrica – lapā „{SHEET_NOTES}”)"))
    rows.append(("Pārdales fonds R, EUR", f"MAX(0,B{r_rest}+B{r_under})", fa.pool, book.f_money,
                 "atlikums + neapgūtais, ne mazāk par 0"))
    rows.append(("Sadalīts bērniem ar N > P, EUR", f"SUM({ch['top_up'].range(SHEET_CHILDREN)})", fa.distributed,
                 book.f_money, "katram ne vairāk par N − P"))
    rows.append(("Nesadalītais atlikums, EUR", f"B{r_pool}-B{r_dist}", fa.unallocated, book.f_money,
                 "ko neviens nevar saņemt, jo visi sasnieguši N"))
    rows.append(("Bērnu skaits pārdalē (N > P)", f"{muni}D{total_row}", agg.pilot.eligible, book.f_whole, ""))
    rows.append(("Σ IB galīgais (F), EUR", f"{muni}K{total_row}", agg.pilot.final, book.f_money,
                 # the same words as each CSV row's „iemesls” beside its status (D320)
                (f"PROVIZORISKI ({final_why}); tas ir galīgo apmēru CSV statusa „{STATUS_PROVISIONAL}” iemesls; "
                 if (final_why := c.why_provisional)
                 # only some children's F, over an unconfirmed ceiling or without a provider's price: Σ F
                 # provisional as on the console (D330, D364)
                 else f"daļa F provizoriski – {_own_reasons(c)}; "
                 if c.sum_provisional else "")
                 + (f"{c.base_confirmed[:1].upper()}{c.base_confirmed[1:]} (D296); " if c.base_confirmed else "")
                 + "galīgie apmēri pa pašvaldībām: mape galigie-apmeri/"))
    # Σ F reconciled with the IB the plan lines take (D174): A = F funds whole units only
    r_final = DATA_FIRST + len(rows) - 1
    lines_ib = agg.funding(None)
    rows.append(("Σ no IB plāna rindās, EUR", f"SUM({lines['ib'].range(SHEET_LINES)})", lines_ib, book.f_money,
                 f"lapā „{SHEET_SERVICES}” – „Kopā no IB EUR”, lapā „{SHEET_CASH}” – „Kopā plānots no IB EUR”; aprēķināts "
                 "ar šo F"))
    rows.append(("F daļa, ko plāna rindas neizmanto, EUR", f"B{r_final}-B{r_final + 1}", agg.final_unused(),
                 book.f_money, "Σ F − Σ no IB plāna rindās: pakalpojumu, kura vienība vairs neietilpst atlikumā, "
                 "no IB finansē tikai veselās vienībās (lēmums D4)"))
    for text, col in (("Rādītājs", 0), ("Vērtība", 1), ("Paskaidrojums", 2)):
        ws.write_string(DATA_FIRST - 2, col, text, book.f_head)
    for i, (label, formula, value, fmt, note) in enumerate(rows):
        row = DATA_FIRST + i
        book.value(ws, row, 0, label, book.f_wrap)  # a long label wraps, never cut
        if formula is None:
            book.value(ws, row, 1, value, fmt)
        else:
            book.formula(ws, row, 1, formula, value, fmt)
        book.value(ws, row, 2, note or "", book.f_wrap)
        book.fit_row(ws, row, [(label, 52, False), (note or "", 60, False)])
    _sheet_notes(book, ws, DATA_FIRST + len(rows) + 1)
    ws.activate()


def _sheet_notes(book: SummaryBook, ws: Worksheet, row: int) -> None:
    """What each sheet shows, on a page of its own: the title and note rows of the wide sheets are not printed
    with them (``print_setup``), and the narrow ones („Atšķirības”, „Neizmantotās matricas”, „Piezīmes par failiem”)
    are named too, so that the front pages say where everything is (audit35 F6). Only the summary's title and note
    repeat above it, not the figures' headers."""
    ws.repeat_rows(0, DATA_FIRST - 3)
    ws.set_h_pagebreaks([row - 1])
    ws.write_string(row - 1, 0, "Lapa", book.f_head)
    ws.merge_range(row - 1, 1, row - 1, 2, "Ko lapa rāda", book.f_head)
    for name, (title, note) in book.notes.items():
        row += 1
        text = f"{title}. {note}"
        book.value(ws, row, 0, f"„{name}”", book.f_wrap)  # quoted: not read as the figure of the same name above
        ws.merge_range(row - 1, 1, row - 1, 2, text, book.f_wrap)
        book.fit_row(ws, row, [(text, 76, False)])
