"""Fixed Latvian words of the workbook that the catalogue does not hold (no numbers here)."""

from __future__ import annotations

from generator.reference.rules import NO_PRICE_WORDS
from generator.withdrawn_wording import PRICE, not_confirmed

YES, NO = "Jā", "Nē"

MONTHS_LV = (
    "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
    "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris",
)

GENDERS = ("meitene", "zēns")
FAMILY_TYPES = ("bioloģiskā ģimene", "aizbildnis", "audžuģimene")
ASSESSMENT_ROUNDS = ("sākotnējā", "atkārtotā", "noslēguma")

STATUS_FUNDED = "no IB"
STATUS_PARTIAL = "daļēji no IB"
STATUS_NOT_FUNDED = "nav IB finansējuma"

EMPTY_MARK = "—"

# Short messages shown next to a plan line; the 6.11 table explains each check in full. A sheet is named as D59 says
# ("6.8. tabula", in the case the sentence needs).
MSG = {
    "unknown_item": "Pakalpojums nav 6.8. tabulas sarakstā.",
    "missing_price": "6.8. tabulā nav norādīta sniedzēja cena.",
    "no_provider_price": "Cena 0,00 – nav sniedzēja cenas; ierakstiet to 6.8. tabulā.",  # D364
    "price_implausible": "Cena virs ticamās šai mērvienībai (6.11. tabula) – pārbaudiet to 6.8. tabulā.",  # D370
    "price_above_ceiling": "Cena pārsniedz pieļaujamo (6.8. tabula).",
    "actual_cost_price": "Mērvienība „euro”: cenai 6.8. tabulā jābūt 1,00 EUR.",
    "incompatible": "Nedrīkst saņemt vienlaikus ar citu šī plāna pakalpojumu – pārliecinieties, ka laiki nepārklājas.",
    "impairment": "Pakalpojums paredzēts citam traucējumu veidam.",
    "recipient": "Saņēmējs neatbilst pakalpojumam.",
    "monthly_units": "Mēnešu vienību summa 6.6. tabulā nesakrīt ar daudzumu periodā 6.3. tabulā.",
    "outside_period": "Ir vērtības pēc perioda pēdējā mēneša.",
    "delivered_above_plan": "Saņemts vairāk vienību, nekā plānots.",
    "paid_above_delivered": "Samaksāts vairāk, nekā maksā saņemtās vienības.",
    "ignored_line_data": "Rindā bez pakalpojuma vai daudzuma ir mēnešu dati.",
    # D372: 6.10 beside a void line's payments (its „Samaksāts, EUR” and Fakt_Kopa „nederīgs”, D367), in 6.4's words
    # of the void lines (VOID_LINES_NOTE)
    "void_paid": "Samaksāts rindā ar nederīgu daudzumu vai cenu.",
    "invalid_input": "Nederīga ievade:",
    "ceiling_unconfirmed": "Cenas griesti nav apstiprināti – pārbaudiet, vai cena tos nepārsniedz.",
    "day_care_sessions": "Dienas aprūpes centrs jau ietver speciālistu un grupu nodarbības; sk. rindu",
    "invalid_input_63": "6.3. tabulas rindā ir nederīga ievade.",
    # D386: a void line's invalid 6.8 price, its cell named between the two parts (INVALID_PRICE_68)
    "invalid_price_68": "Cena 6.8. tabulas šūnā {cell} ir nederīga ievade.",
    "units_above_period": "Daudzums periodā pārsniedz plāna perioda dienas vai stundas.",
    "line_above_provisional": "Rindas summa viena pati pārsniedz P – pārbaudiet daudzumu un cenu.",
}

# MSG's "ceiling_unconfirmed" on a line that keeps the catalogue's own „jāprecizē" price (6.4 h_CenaNeapst, as
# reference/open_prices.open_price decides it): there is no provider's price to check against the ceiling, so the
# advice to check it is not given – the price is the catalogue's, LM confirms it (D294, D297, D303), as the child's
# papers (documents/from_matrix/signing.PRICE_IS_CEILING) and `ibm collect` (ministry/ceiling_advice) say it
OWN_PRICE_MSG = "Cena ir kataloga neapstiprinātā (jāprecizē) cena, nevis sniedzēja cena (apstiprina LM)."

# 6.4's "Pārbaude" cell holds two lines of 9 pt (D60): the row's messages (MSG) in full while they are at most
# CHECK_FULL_CHARS long, otherwise the short keywords below (cut with "…" at CHECK_SHORT_CHARS)
# and CHECK_SHORT_POINTER, which says where each check is explained in full. Lengths measured with Calibri's metrics
# (tests/workbook/test_check_messages.py).
CHECK_FULL_CHARS = 88
CHECK_SHORT_POINTER = " (sk. 6.11. tabulu)"
CHECK_SHORT_CHARS = 78
MSG_SHORT = {
    "unknown_item": "nav 6.8. tabulā",
    "missing_price": "nav cenas",
    "no_provider_price": "cena 0,00",
    "price_implausible": "neticama cena",
    "price_above_ceiling": "cena virs griestiem",
    "actual_cost_price": "euro cena nav 1,00",
    "incompatible": "nesaderīgs",
    "ceiling_unconfirmed": "griesti neapstiprināti",
    "impairment": "cits traucējumu veids",
    "recipient": "cits saņēmējs",
    "monthly_units": "mēnešu summa",
    "outside_period": "pēc perioda",
    "delivered_above_plan": "saņemts virs plāna",
    "paid_above_delivered": "samaksāts virs saņemtā",
    "ignored_line_data": "dati tukšā rindā",
    "day_care_sessions": "dienas centrs ietver",  # + " 3. rinda"
    "invalid_input_63": "nederīga ievade",
    "invalid_price_68": "nederīga cena",
    "units_above_period": "daudzums virs perioda",
    "line_above_provisional": "rinda virs P",
}

# The base amount B is the catalogue's unconfirmed ("jāprecizē") value and none is entered in 6.11: the working
# calculation 6.4 says its figures are provisional (BASE_PROVISIONAL_SHORT); the signed 6.5 blanks them (D22).
# With the ministry's F applied (N > P) A = F is a figure: only P rests on B (BASE_PROVISIONAL_FINAL, D206).
# The signed annexes (6.5, 6.9) print a figure resting on an unconfirmed value as "______" (D22); the warning beside
# 6.5's title says which and where the confirmed figure comes from (two lines of 8 pt in C2:I2).
BLANK = "______"
ANNEX_BASE_BLANK = (f"UZMANĪBU: bāzes apmērs (B) nav apstiprināts – P, A un no IB finansētās summas ir „{BLANK}”; "
                    "tās ieraksta, kad LM nosaka B.")
ANNEX_BASE_BLANK_FINAL = (f"UZMANĪBU: bāzes apmērs (B) nav apstiprināts – P ir „{BLANK}”, to ieraksta, kad LM "
                          "nosaka B; A un no IB finansētās summas izriet no LM noteiktā galīgā apmēra F.")


# D354, D359, D384: which price the worker waits for while a plan line's is open – the one in force in the plan's own
# period: the site's „Cenas” page may already show a confirmed price from a later day, which is not this plan's
IN_PLAN_PERIOD = "kas ir spēkā plāna periodā"


def later_day(count: int) -> str:
    """That a later day's price (``count`` 1) or prices do not apply to the plan."""
    return f"{'vēlākas dienas cena' if count == 1 else 'vēlāku dienu cenas'} uz šo plānu neattiecas"


def plan_days_price(period: str, count: int) -> str:
    """The price (``count`` 1) or prices of the plan's period, in the accusative. One wording for the child's papers
    (documents/from_matrix: VISPIRMS, the checklist, the price notes, the not-signable note, D359), which name the
    period's days (``period``, „DD.MM.YYYY–DD.MM.YYYY”), and for 6.5's warning beside the title, which does not
    (``period`` "": the period stands in the same sheet's header, D384)."""
    days = f" {period}" if period else ""
    return (f"{'cenu' if count == 1 else 'cenas'}, {IN_PLAN_PERIOD}{days} (metodikas vietnes sadaļa „Cenas”; "
            f"{later_day(count)})")


# D384: 6.5's warnings name the price of the plan's period in the papers' words (plan_days_price), not just „the one LM
# confirms” – a later day's confirmed price on the site is not this plan's; each within two lines of 8 pt in C2:I2 at
# Excel's worst widths (tests/workbook/test_label_widths.py)
ANNEX_PRICE_BLANK = (f"UZMANĪBU: cena vēl jāprecizē – no tās atkarīgās summas ir „{BLANK}”; tās ieraksta, kad LM "
                     f"publicē {plan_days_price('', 1)}.")
# the same of a price the matrix shows withdrawn (6.8's mark, D319): it was confirmed, so not „vēl” but „atkal” (D334),
# in withdrawn_wording's words as collect and the checklist say it; and of open prices some withdrawn, some not
ANNEX_PRICE_AGAIN = (f"UZMANĪBU: cena {not_confirmed(PRICE, again=True)} – no tās atkarīgās summas ir „{BLANK}”; "
                     f"tās ieraksta, kad LM atkārtoti apstiprina {plan_days_price('', 1)}.")
ANNEX_PRICES_BLANK = (f"UZMANĪBU: cenas nav apstiprinātas – no tām atkarīgās summas ir „{BLANK}”; tās ieraksta, kad "
                      f"LM publicē {plan_days_price('', 2)}.")
# (B named in full for the parent, F15; the amounts unqualified, as in ANNEX_NO_PRICE_MORE, to keep two lines)
ANNEX_BOTH_BLANK = (f"UZMANĪBU: bāzes apmērs (B) un cena nav apstiprināti – summas ir „{BLANK}”; tās ieraksta, kad "
                    f"LM nosaka B un publicē {plan_days_price('', 1)}.")
# D364: a plan line priced 0,00 has no provider's price (D313), which the worker types in 6.8 – no figure LM confirms:
# in the child's papers' words (documents/from_matrix/price_notes: NO_PRICE_WORDS, PRICE_TYPED), alone or beside an
# unconfirmed B or catalogue price
PRICE_TYPED = "matricas 6.8. tabulā"
ANNEX_NO_PRICE = (f"UZMANĪBU: {NO_PRICE_WORDS} – no tās atkarīgās summas ir „{BLANK}”; tās ieraksta, kad sniedzēja "
                  f"cenu ieraksta {PRICE_TYPED}.")
# D384: B or the catalogue's price, each of the plan's period (with no room for the site's section in two lines)
ANNEX_NO_PRICE_MORE = (f"UZMANĪBU: {NO_PRICE_WORDS}, un B vai cena nav apstiprināti – summas ir „{BLANK}”; tās "
                       f"ieraksta, kad cenu ieraksta {PRICE_TYPED} un LM apstiprina B vai cenu, {IN_PLAN_PERIOD} "
                       f"({later_day(1)}).")
# 6.5's label of F (A:B, one line of 9 pt): F applies only where N > P (L1077, L1385; reference
# available_amount). Typed while N <= P it is not applied (A = N); while A is a blank (B or a price unconfirmed)
# whether it applies is not yet known.
FINAL_LABEL = "IB galīgais apmērs (F), ja noteikts"
NOT_APPLIED_WORDS = "nepiemēro, jo N ≤ P"  # also beside F in the papers and the calculator
# beside F while B is unconfirmed and N <= P on the estimated P (D53): in the papers and the calculator
IF_OVER_WORDS = "piemēro, ja N > P"
FINAL_NOT_APPLIED = f"IB galīgais apmērs (F) – {NOT_APPLIED_WORDS}"
FINAL_IF_OVER = "IB galīgais apmērs (F), ja N > P"
# Under the tables of the working sheets 6.4, 6.7 and 6.10 while a line's price is marked "*" (F7: the catalogue's
# "jāprecizē" price, or none): two lines of 8 pt in the note's cells.
PRICE_MARK_NOTE = ("* – cena vēl jāprecizē: tā ir kataloga cena, ko apstiprina LM; no tās aprēķinātās summas ir "
                   "provizoriskas (parakstāmajās 6.5. un 6.9. tabulās tās ir „______”).")
# 6.7's legend (D298): the amounts marked too. It stands in the repeated header rows 1–2 (40,5 pt, D304), three lines of
# 8 pt bold in Excel 2010 (a line 11,25 pt); the marks themselves show which amounts, so it does not list them: at
# Excel's glyph widths rounded up to whole pixels and 15 % wider still it keeps to three lines, a third of the last
# line to spare (D313, tests/workbook/test_label_widths.py)
AMOUNT_MARK_NOTE = ("* – cena vēl jāprecizē (kataloga cena, ko apstiprina LM); ar * atzīmētas arī summas, ko tā var "
                    "mainīt: tās ir provizoriskas (parakstāmajās 6.5. un 6.9. tabulās tās ir „______”).")
# D367: the same notes while some "*" line is priced 0,00 – no provider's price (D364), which the worker types in 6.8,
# not a price LM confirms – in 6.5's and 6.9's words (NO_PRICE_WORDS); CELL stands for the first such line's 6.8 price
# cell („I28”, „I28 u. c.” while more 6.8 rows have none). Alone (…_NO_PRICE) or beside an LM price (…_BOTH); no longer
# than the notes above at Excel's and LibreOffice's widths (tests/workbook/test_label_widths.py)
CELL = "{cell}"
MORE_CELLS = " u. c."
PRICE_MARK_NO_PRICE = (f"* – cena 0,00: {NO_PRICE_WORDS} – ierakstiet to 6.8. tabulā ({CELL}); no tās aprēķinātās "
                       f"summas ir provizoriskas (parakstāmajās 6.5. un 6.9. tabulās tās ir „{BLANK}”).")
PRICE_MARK_BOTH = (f"* – cena 0,00: {NO_PRICE_WORDS} – ierakstiet to 6.8. tabulā ({CELL}); citas – kataloga cenas, "
                   f"ko apstiprina LM. No tām aprēķinātās summas ir provizoriskas (6.5. un 6.9. tabulā „{BLANK}”).")
AMOUNT_MARK_NO_PRICE = (f"* – cena 0,00: {NO_PRICE_WORDS} (ierakstiet to 6.8. tabulā, {CELL}); ar * atzīmētas arī "
                        f"summas, ko tā var mainīt: tās ir provizoriskas (parakstāmajās 6.5. un 6.9. tabulās tās ir "
                        f"„{BLANK}”).")
AMOUNT_MARK_BOTH = (f"* – cena 0,00 ({NO_PRICE_WORDS} – ierakstiet to 6.8. tabulā, {CELL}) vai kataloga cena, ko "
                    f"apstiprina LM; ar * atzīmētās summas tā var mainīt – tās ir provizoriskas (6.5. un 6.9. tabulā "
                    f"„{BLANK}”).")
# 6.9 beside the number of services, on the signed page: one line of 8 pt in D:F
APPLICATION_PRICE_BLANK = f"{BLANK} – cena vēl jāprecizē (apstiprina LM)"
APPLICATION_NO_PRICE = f"{BLANK} – {NO_PRICE_WORDS} (6.8. tabula)"  # D364
APPLICATION_NO_PRICE_MORE = f"{BLANK} – {NO_PRICE_WORDS} vai cena jāprecizē"
BASE_PROVISIONAL_SHORT = ("B nav apstiprināts (6.11. tabula): P, A un no IB finansētās summas ir provizoriskas, "
                          "kamēr LM nav noteikusi B.")
BASE_PROVISIONAL_FINAL = ("B nav apstiprināts (6.11. tabula): provizorisks ir tikai P, kamēr LM nav noteikusi B; "
                          "A ir LM noteiktais galīgais apmērs F.")
# The same in a matrix whose catalogue already confirms its B at the same amount later (D291, D296): not „until the
# ministry sets B” – it has; 6.11's note (C8) says from which day and which papers print the figure.
BASE_LATER_SHORT = ("B matricas cenu dienā nav apstiprināts: P, A un no IB finansētās summas ir provizoriskas; to "
                    "pašu B katalogs apstiprina vēlāk (6.11. tabula, C8).")
BASE_LATER_FINAL = ("B matricas cenu dienā nav apstiprināts: tikai P ir provizorisks, A ir LM noteiktais F; to pašu B "
                    "katalogs apstiprina vēlāk (6.11. tabula, C8).")
# Beside the effective B of 6.11 while the input is empty and the catalogue's B unconfirmed: short enough for
# the first page across (columns C–E).
BASE_BLANK_NOTE = "Provizorisks: apstiprināto B nosaka LM"

# The signed annexes 6.3 and 6.6 print a check's number in a plan row's "Pārbaude" cell (two lines of a narrow
# column hold every combination) and its whole text once under the table, beside the hidden-rows warning, for each
# check that fails in some row (D35). Keyed as MSG; the order gives the numbers. The parent signs 6.3: a warning
# (it does not stop the signing) is worded for the signer, as a statement, not as an instruction or a question to
# the social worker (audit9 F12, F9); the worker's instruction is in MSG (6.4, 6.11).
CHECKS_LEGEND_LABEL = "Pārbaude:"
# Under 6.3's plan rows (A:C of the legend's second row, one line of 8 pt) while a used row leaves "Saņēmējs" empty:
# such a line is for whom its service is (the catalogue's recipient, 6.8 column "Saņēmējs"), as the child's papers
# print it (D48) and the reference counts it (annexhead F4, D227).
RECIPIENT_DEFAULT_NOTE = "Tukšs „Saņēmējs” – saņēmējs kā 6.8. tabulā."
CHECKS_63 = (
    # D313: right for a provider's price and for the catalogue's own unconfirmed price alike (D303: not compared)
    ("ceiling_unconfirmed", "cenas griesti vēl nav apstiprināti: kataloga cenu apstiprinās LM, sniedzēja cenu ar "
                            "tiem salīdzinās"),
    ("recipient", "saņēmējs neatbilst pakalpojumam"),
    ("impairment", "pakalpojums paredzēts citam traucējumu veidam"),
    ("incompatible", "nesaderīgs ar citu plāna pakalpojumu – laiki nedrīkst pārklāties"),
    ("day_care_sessions", "dienas aprūpes centrs un iekavās minētās rindas pakalpojums – dažādu speciālistu vai "
                          "grupu nodarbības"),
    ("invalid_input", "nederīga ievade iezīmētajā šūnā (sk. 6.11. tabulu)"),
    ("units_above_period", "daudzums periodā pārsniedz plāna perioda dienas vai stundas"),
    ("line_above_provisional", "rindas summa viena pati pārsniedz P"),
)
CHECKS_66 = (
    ("monthly_units", "mēnešu summa (Kopā) nesakrīt ar daudzumu periodā 6.3. tabulā"),
    ("outside_period", "vērtības pēc perioda pēdējā mēneša"),
    ("ignored_line_data", "mēnešu dati rindā bez pakalpojuma vai daudzuma"),
    ("invalid_input", "nederīga ievade iezīmētajā šūnā (sk. 6.11. tabulu)"),
    ("units_above_month", "iezīmētajā mēnesī vairāk diennakšu vai stundu, nekā tajā ir plāna periodā"),
)
# After a day-care number in a row's "Pārbaude" cell: the row it pairs with, e.g. "5 (3. rinda)".
ROW_WORD = "rinda"
# 6.9: the request of the one parent who signs it, above the providers (the child is named in the header rows;
# the parent chooses the providers, with the social worker's help or alone, L1957 and contract 01).
APPLICATION_REQUEST = ("Lūdzu bērna atbalsta plānā iekļautos sabiedrībā balstītos sociālos pakalpojumus nodrošināt "
                       "pie šādiem sniedzējiem:")

# The signed annexes, D54. Above the signatures of the plan annexes (6.3, 6.5, 6.6): what the parent's signature
# means, worded as the documents word it (templates/dokumenti: "… ir iepazinies/iepazinusies"). 6.9 needs none: it
# is the parent's own request ("Lūdzu …").
PARENT_STATEMENT = {
    "6.3": ("Vecāks, parakstot šo pielikumu, apliecina, ka ar atbalsta plāna I daļu – "
            "pakalpojumiem, to apjomu un mērķiem – ir iepazinies/iepazinusies un tai piekrīt."),
    "6.5": ("Vecāks, parakstot šo pielikumu, apliecina, ka ar IB apmēra aprēķinu un "
            "pakalpojumu finansēšanas secību ir iepazinies/iepazinusies un tiem piekrīt."),
    "6.6": ("Vecāks, parakstot šo pielikumu, apliecina, ka ar pakalpojumu saņemšanas "
            "grafiku pa mēnešiem ir iepazinies/iepazinusies un tam piekrīt."),
}
# D272: the line right above the signatures of a signed annex (common.signed_rows_line): what the signatures approve,
# with the count of the used plan rows, their numbers and the annex's own figure; without a used row, the second.
SIGNED_WHAT = {
    "6.3": "Paraksti attiecas uz šo atbalsta plāna I daļu: aizpildīto rindu skaits",
    "6.5": "Paraksti attiecas uz šo aprēķinu: rindu skaits",  # beside the signatures: short (annex.py)
    "6.6": "Grafikā: rindu skaits",  # after the parent's statement, in its line (months.py)
    "6.9": "Paraksts attiecas uz šo iesniegumu: pieprasīto pakalpojumu skaits",
}
SIGNED_NO_ROWS = "Šajā tabulā nav aizpildītu plāna rindu."
# D295: the page count of a signed annex, in its header rows on every printed page (page_count.py): "Pielikums 3 lapās"
# ("1 lapā"); the footer keeps the page's own number ("6.3. tabula, 2. lapa").
ANNEX_PAGES = ("Pielikums ", " lapā", " lapās")  # before the count, after 1, after any other count
# D295: at the top of a signed annex's spacer row that fills a page (D288; shown only while the next group of plan
# rows is open, so only on a page that has a next one): the blank space under the rows is the annex's continuation.
CONTINUED = "Turpinājums nākamajā lapā."
# While the workbook counts errors (Kludas > 0), in red: in place of the subtitle beside the title (short) and of
# the statement above the signatures (long); the count goes between the two parts.
NOT_SIGNABLE_SHORT = ("NAV PARAKSTĀMS: matricā ir kļūdas (", ", sk. 6.11. tabulu).")
NOT_SIGNABLE = ("NAV PARAKSTĀMS: matricā ir kļūdas (", ") – 6.11. tabulā katrai norādīta tabula un šūna. Izlabojiet "
                "kļūdas un izdrukājiet pielikumu no jauna.")
# While the error count itself is an error value (Err:502, #REF!: a worker unprotected a sheet and inserted or deleted
# rows or columns, so the count's formulas no longer find their cells), in red like NOT_SIGNABLE: the annex is not
# signable, why, and what to do (the short one beside the title, the long one above the signatures). An error in the
# count fails closed: it never reads as "no errors".
NOT_SIGNABLE_BROKEN_SHORT = "NAV PARAKSTĀMS: mainīta struktūra (sk. 6.11. tabulu)."
NOT_SIGNABLE_BROKEN = ("NAV PARAKSTĀMS: mainīta matricas struktūra (ievietotas vai dzēstas rindas). Atsauciet "
                       "izmaiņu vai ievadiet datus jaunā matricā.")
# 6.11's status line and 6.1's and 6.4's status while the count is an error value: what happened and what to do
STRUCTURE_CHANGED = ("Kļūdu skaitu nevar aprēķināt: kādā tabulā ievietotas vai dzēstas rindas vai kolonnas. "
                     "Atsauciet šīs izmaiņas vai ņemiet jaunu matricu un ievadiet datus tajā; līdz tam matrica nav "
                     "parakstāma.")
# Under the plan table of a signed annex, while an unused plan row prints: its Nr. (and names) print EMPTY_MARK.
STRUCK_ROWS = f"Rindas ar „{EMPTY_MARK}” nav izmantotas (svītrotas)."
# D386: 6.5 lists a void line (its units or 6.8 price an invalid input, D332) after the funded order, without a
# priority and with its amounts as blanks; said in the struck rows' note (before it, while a row is struck)
VOID_LINES_65 = "Rindas bez prioritātes: daudzums vai cena nederīga (sk. 6.11.), summas „______”."
# audit32 F7: more unused rows open than a program opens (at most STEP − 1): printed in the struck rows' note, red
OPEN_UNUSED_ROWS = "UZMANĪBU: atvērtas neizmantotas rindas – aizveriet tās ar „−”"
# 6.9's addressee above the request. The social service's name in the dative is not confirmed in the catalogue
# (municipality-names.yaml, "jāprecizē"): a blank and where the name comes from (D43).
APPLICATION_ADDRESSEE_LABEL = "Iesniegums adresēts:"
# Where a person takes the municipality's or the social service's name from while the matrix prints it as BLANK (not
# confirmed by the catalogue for the plan's first day, or no municipality chosen; D43, D51): in brackets after the
# blank of 6.9's addressee and of the header lines "Pašvaldība: …" and "Sociālais dienests: …" of every signed annex
# (6.3, 6.5, 6.6, 6.9), only while they print the blank (D227).
NAME_SOURCE_NOTES = {"municipality": "nosaukums – pašvaldības nolikumā",
                     "social_service": "nosaukums – dienesta nolikumā"}
APPLICATION_ADDRESSEE_BLANK = f"{BLANK} (sociālajam dienestam; {NAME_SOURCE_NOTES['social_service']})"
# D366: beside N on 6.4 (one line of F:I) while plan lines are void – their units or 6.8 price an invalid input, left out
# of N (D332): „N neietver 1 rindu …”, „… 2 rindas …” (the noun agrees with the count as lvformat.agree has it); the
# signed 6.5 then prints N, A, K and what rests on them as blanks
VOID_LINES_NOTE = ("N neietver ", " ar nederīgu daudzumu vai cenu (sk. 6.11.)")
VOID_LINES_NOUN = ("rindu", "rindas")
