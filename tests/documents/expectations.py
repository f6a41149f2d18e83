"""What each document must say: headings, catalogue values and Latvian words with diacritics.

Catalogue values are formatted from the catalogue here, never typed: a change in the catalogue moves the
expectation with it.
"""

from __future__ import annotations

import datetime as dt

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents import legal, terms
from tests.documents.annex_expectations import annex_phrases

ALL_DIACRITICS = set("āčēģīķļņšūž")
# Every decision is an administrative act: facts, legal basis, reasoning, operative part, appeal.
DECISION_PARTS = ["Lietas apstākļi", "Tiesiskais pamats", "Pamatojums", "Lēmums",
                  "Spēkā stāšanās un apstrīdēšana", "viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt",
                  "Administratīvā procesa likuma 70. panta pirmā daļa",
                  # the issuing official's position (D66)
                  "Amats", "Pilnvarojuma pamats (ja paraksta pilnvarotā persona)"]


def _param(catalogue: Catalogue, name: str) -> object:
    return getattr(catalogue.programme, name).at(catalogue.latest_date).value


def base_amount_as_printed(catalogue: Catalogue) -> str:
    """The base amount as a signed document shows it: the figure when confirmed, else a blank."""
    dated = catalogue.programme.base_amount.at(catalogue.latest_date)
    return lvformat.eur(dated.value) if dated.status is PriceStatus.confirmed else "______ EUR"


def decision_term_printed(catalogue: Catalogue, build_date: dt.date | None = None) -> bool:
    """Whether a decision built on ``build_date`` (default: today) prints the decision term as a figure: only
    while the norm that sets it is known in force on the documents' day (D67), else the term is a blank."""
    build_date = build_date or dt.date.today()
    day = terms.document_day(terms.current_round(catalogue, build_date), build_date)
    return legal.citations(catalogue, day).in_force("mk-288-5")


def decision_term(catalogue: Catalogue, build_date: dt.date | None = None) -> str:
    """The decision term as today's decisions print it: the figure, or a blank while its norm is unproven."""
    if decision_term_printed(catalogue, build_date):
        return f"lēmumu pieņem {_param(catalogue, 'decision_working_days')} darba dienu laikā"
    return "lēmumu pieņem ______ laikā"


def expected_phrases(catalogue: Catalogue, build_date: dt.date | None = None) -> dict[str, list[str]]:
    """The phrases each document built on ``build_date`` (default: today) must print."""
    p = lambda name: _param(catalogue, name)  # noqa: E731
    base = base_amount_as_printed(catalogue)
    full = lvformat.percent(p("rate_full"))
    reduced = lvformat.percent(p("rate_reduced"))
    transport = lvformat.percent(p("transport_share_max"))
    return {
        "01-ligums-ar-vecaku": [
            "Līgums par dalību izmēģinājumprojektā un individuālā budžeta saņemšanu", "19. pielikums",
            "1. Līguma puses", "2. Līguma priekšmets", "3. Līguma termiņš", "4. Individuālā budžeta apmērs",
            "5. Norēķinu kārtība", "6. Vecāka tiesības", "7. Vecāka pienākumi",
            "8. Dienesta tiesības un pienākumi", "9. Personas datu apstrāde", "10. Līguma grozīšana",
            "11. Līguma izbeigšana", "12. Atbildība un strīdu risināšana", "13. Pielikumi un eksemplāri",
            f"ir spēkā {p('contract_term_months')} mēnešus no šīs dienas", "izmēģinājumprojekta kārtas beigām (",
            f"{full} no bāzes apmēra {base}", f"{reduced} no bāzes apmēra",
            f"ne vairāk kā {transport} no plānam pieejamā IB apmēra",
            "6.3. tabula", "6.5. tabula", "6.6. tabula", "6.9. tabula",
            "audžuģimene", "piešķir", "sūdzēties", "čekus", "uzņemto", "Vecāks naudu tieši nesaņem",
            "neatņemama sastāvdaļa", "bāriņtiesai un Valsts policijai", "iepazinies/iepazinusies",
            "ko Bērnam piešķir pēc šā līguma parakstīšanas",
        ],
        "02-ligums-ar-sniedzeju": [
            "Līgums par sabiedrībā balstītu sociālo pakalpojumu sniegšanu", "Samaksas noteikumi un norēķinu kārtība",
            "Sniedzēja pienākumi un tiesības", "Domstarpību risināšana", "Pielikums. Augstākās pieļaujamās cenas",
            "klientu reģistrācijas lapu", "būtiski", "izmēģinājumprojekta kārtas beigām (",
            "pēc tam, kad parakstīts līgums ar Vecāku par individuālā budžeta saņemšanu",
        ],
        "03-garantijas-vestule": [
            "Garantijas vēstule par sociālo pakalpojumu apmaksu", "Par izmēģinājumprojektu", "Garantētie pakalpojumi",
            "Samaksas noteikumi", "Norēķinu kārtība", "Adresāta pienākumi", "Izmēģinājumprojekta kārta ilgst no",
            "Augstākās pieļaujamās cenas", "psihoemocionālu", "(vecāks vai aizbildnis) vai audžuģimene (turpmāk – Vecāks)",
            "Samaksas termiņš", "pārskaita uz rēķinā norādīto Jūsu kontu",
        ],
        "04-iesniegums-par-dalibu": [
            "Iesniegums par dalību izmēģinājumprojektā", "5. pielikums", "1. daļa. Aizpilda iesniedzējs",
            "2. daļa. Aizpilda individuālā budžeta administrētājs", "Laiks (stundas:minūtes)", "mājmācībā",
            f"{p('application_forward_working_days')} darba dienu laikā",
            "kārtas pēdējā dienā", f"vēl nav {p('eligibility_age_limit')} gadu", "īpašas kopšanas nepieciešamību",
            "garīga rakstura traucējumi", "Esmu informēts/informēta",
        ],
        "05-iesniegums-par-sniedzejiem": [
            "Iesniegums par pakalpojumu sniedzēju izvēli", "6.9. tabula", "kvalifikācijas prasībām",
            "Esmu informēts/informēta",
        ],
        "06-izdevumu-atmaksas-pieprasijums": [
            "Vecāka pieprasījums izdevumu atmaksai", "45. pielikums", "1. Samaksātie pakalpojumi",
            "2. Transporta izdevumi", "3. Pievienojamie pamatojošie dokumenti", "stingrās uzskaites kvītis",
            "e-talonam", f"nedrīkst pārsniegt {transport}",
        ],
        "07-klienta-lietas-titullapa": [
            "Klienta lietas titullapa", "18. pielikums", "Pamatinformācija", "Iesaistītie speciālisti", "slēdzamā skapī",
        ],
        "08-lemums-par-pieskirsanu": [
            "Lēmums par individuālā budžeta piešķiršanu", *DECISION_PARTS,
            decision_term(catalogue, build_date), f"{full} no bāzes apmēra {base}",
            "Administratīvā procesa likuma 55. pantu", "Spēkā esošo normu nosaka pašvaldības jurists",
        ],
        "09-lemums-par-izbeigsanu": [
            "Lēmums par individuālā budžeta saņemšanas izbeigšanu",
            "bioloģiskajā ģimenē", "Izbeigšanas datums", *DECISION_PARTS, "nodaļu „Līguma izbeigšana”",
            "IB saņemšanas izbeigšanas pamatu",
            # an unfavourable act rests on a norm of law, not only on the contract and the methodology; built after
            # the catalogue's proof of the act (D42), the norm is a blank with a note naming it
            "Sociālo pakalpojumu un sociālās palīdzības likuma 11. pants", "Spēkā esošo normu nosaka pašvaldības jurists",
            "Spēkā esošo aktu nosaka pašvaldības jurists",
        ],
        "10-uzaicinajuma-vestule": [
            "Uzaicinājums uz tikšanos par līguma izpildi", "Godātā kundze / Godātais kungs!", "Konstatētais pārkāpums",
        ],
        "11-merku-novertesana": [
            "Atbalsta plānā noteikto sociālās rehabilitācijas un sociālās aprūpes mērķu novērtēšana", "12. pielikums",
            *[f"{a.number}. atbalsta joma: {a.name_lv}" for a in catalogue.enums.support_areas],
            "turpinājuma lapu",
        ],
        "12-izvertesanas-protokols": [
            "Izvērtēšanas komandas sanāksmes protokols", "1. Piedalās", "3. Mērķi",
            "4. Nepieciešamie pakalpojumi prioritārā secībā", "5. Apstiprināšana", "Ilgtermiņa mērķi",
            "Protokolu apstiprina sociālais darbinieks",
        ],
        "13-dienesta-zinojums": [
            "Dienesta ziņojums par transporta izdevumiem izmēģinājumprojektā", "39. un 40. pielikums",
            "Degvielas patēriņa norma, l/100 km", "Valsts reģistrācijas numurs",
        ],
        "14-patapinajuma-ligums": [
            "Patapinājuma līgums par privātā transportlīdzekļa lietošanu", "Līguma priekšmets",
            "bez atlīdzības", "izmēģinājumprojekta kārtas beigām (", "Izdevumu segšana",
        ],
        "15-marsruta-lapa": [
            "Maršruta lapa", "43. pielikums", "Degvielas aprēķins", "Nobraukti km", "Degvielas patēriņš, l",
            "Mēneša diena", "31.", "Kopā mēnesī (visu dienu summa)",
        ],
        "16-sabiedriska-transporta-atskaite": [
            "Atskaite par sabiedriskā transporta izmantošanu pārskata mēnesī", "41. un 42. pielikums",
            "Komisijas maksu", "stāvvietas", "Mēneša diena", "31.", "Kopā mēnesī (visu dienu summa)",
        ],
        "17-lemums-par-atteikumu": [
            "Lēmums par atteikumu piešķirt individuālo budžetu", *DECISION_PARTS,
            "Atteikt piešķirt bērnam individuālo budžetu", "Spēkā esošo normu nosaka pašvaldības jurists",
            "kārtas pēdējā dienā", f"vēl nav {p('eligibility_age_limit')} gadu",
        ],
        "18-vestule-par-neatbilstibu": [
            "Vēstule par neatbilstību izmēģinājumprojekta kritērijiem", "Godātā kundze / Godātais kungs!",
            f"jau būs {p('eligibility_age_limit')} gadi",
            # a refusal of the application, an administrative act with its appeal clause (D66)
            "Šī vēstule ir Dienesta lēmums par Jūsu iesniegumu (administratīvais akts)",
            "viena mēneša laikā no tā spēkā stāšanās dienas var apstrīdēt", "Amats",
        ],
        **annex_phrases(catalogue),
    }
