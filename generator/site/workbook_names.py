"""What the site says about the IBM matrix workbook: its eleven sheets and its defined names.

The names, their order and their kind (input or formula) come from the workbook package
(generator.workbook.layout.INTERFACE_NAMES / INTERFACE_KIND), so the site lists exactly what the
workbooks contain; this module adds the sheet and the Latvian meaning of each name
(shared/spec/workbook-interface.md). A name without a meaning here stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.site.errors import SiteError
from generator.withdrawn_wording import again_open

# Sheet -> (title, what it is for).
SHEETS: dict[str, tuple[str, str]] = {
    "6.1": ("Bērna un vecāka dati", "bērna un vecāka ziņas, traucējuma veids, VDEĀVK atzinums, atbalsta plāna "
            "perioda sākums un garums; pārskata periodu, pārbaudes datumu un bērna vecumu tajā aprēķina pati "
            "tabula"),
    "6.2": ("Izvērtēšanas komanda", "speciālisti, kas izvērtēja bērna un ģimenes vajadzības"),
    "6.3": ("Atbalsta plāns, I daļa", "mērķi un plāna rindas pa atbalsta jomām: pakalpojums, saņēmējs, apjoms "
            "periodā, biežums, ekspertu rangs jomā un vecāku rangs; parakstāms pielikums"),
    "6.4": ("Atbalsta plāns, II daļa – aprēķins", "cena no 6.8. tabulas, rindas izmaksas, kopējā prioritāte, "
            "finansējums no IB pa rindām, apmēri N, P, A, F, citi finanšu avoti, K un transporta daļa"),
    "6.5": ("Atbalsta plāns, II daļa – drukas forma", "6.4. tabulas rezultāti parakstīšanai (tikai lasāma); "
            "parakstāms pielikums"),
    "6.6": ("Atbalsta plāns, III daļa – vienības pa mēnešiem", "cik vienību katrā perioda mēnesī; "
            "parakstāms pielikums"),
    "6.7": ("Atbalsta plāns, III daļa – finansējums pa mēnešiem", "plānotie euro katrā mēnesī (vienības × "
            "cena); rekonstruēta tabula, kas vajadzīga 6.10. tabulai"),
    "6.8": ("Pakalpojumu katalogs un sniedzēji", "katalogs ar izvēlēto sniedzēju un tā faktisko cenu; "
            "regulētās un līgumcenas ierakstītas, ja katalogā ir to apmērs (citādi plāna rinda saņem "
            "brīdinājumu, ka cenas griesti nav apstiprināti), cenas griesti pārbaudīti"),
    "6.9": ("Vecāka iesniegums par sniedzējiem", "vecāka izvēlētie pakalpojumu sniedzēji; parakstāms "
            "pielikums"),
    "6.10": ("Izpilde", "plānotais, saņemtais un apmaksātais katrā mēnesī, atlikums un apguves procents"),
    "6.11": ("Tehniskā tabula", "saraksti izvēlnēm, spēkā esošie programmas parametri un kārtu pārskata "
             "periodi, pašvaldību un sociālo dienestu apstiprinātie nosaukumi ar spēkā esamības laiku, veidnes un "
             "kataloga versija, saskarnes versija, kļūdu un brīdinājumu skaits un kļūdu saraksts (nederīgas "
             "ievades šūnas, aprēķinam neatbilstošas vērtības, paslēptas aizpildītas rindas)"),
}

# Name -> (sheet, meaning). Rows are ranges with one row per plan line (6.8: per catalogue row).
MEANINGS: dict[str, tuple[str, str]] = {
    "IBM_Saskarne": ("6.11", "saskarnes versija (šai tabulai „{saskarne}”; sk. „Saskarnes versijas”)"),
    "IBM_Versija": ("6.11", "veidnes versija GGGG-MM-DD+jaucējkods.redakcija: kataloga versija (jaunākais "
                     "spēkā stāšanās datums un īss satura jaucējkods) un aiz punkta veidnes izkārtojuma redakcija, "
                     "kas mainās, ja mainīts matricas izkārtojums, bet ne katalogs (agrāk izsniegtajām veidnēm "
                     "redakcijas nav)"),
    "Pasvaldiba": ("6.1", "pašvaldības kods no kataloga"),
    "Berns_VardsUzvards": ("6.1", "bērna vārds un uzvārds"),
    "Berns_PersonasKods": ("6.1", "bērna personas kods (no tā veido pseidonīmu ministrijas kopsavilkumiem)"),
    "Berns_DzimsanasDatums": ("6.1", "bērna dzimšanas datums"),
    "Berns_Traucejums": ("6.1", "traucējuma veids no kataloga saraksta"),
    "Ipasas_Kopsanas_Atzinums": ("6.1", "VDEĀVK atzinums par īpašas kopšanas nepieciešamību, Jā/Nē"),
    "Perioda_Sakums": ("6.1", "atbalsta plāna perioda pirmā diena"),
    "Perioda_Menesi": ("6.1", "perioda mēnešu skaits"),
    "Parbaudes_Datums": ("6.1", "pārbaudes datums: tās programmas kārtas pārskata perioda pirmā diena, kurā ir "
                         "plāna pirmā diena (pārskata periodi no kataloga); ja plāns sākas ārpus visiem "
                         "pārskata periodiem vai beidzas pēc sava perioda beigām, matrica rāda kļūdu ar perioda "
                         "datumiem"),
    "Vecums": ("6.1", "bērna vecums pilnos gados pārbaudes datumā (Parbaudes_Datums); tajā vērtē arī VDEĀVK "
               "atzinumu"),
    "Bazes_Apmers": ("6.11", "bāzes apmērs B vienam bērnam periodā: no kataloga iepriekš ierakstīts tikai apstiprināts B; "
                                "tukšs – aprēķinā izmanto kataloga vērtību (ja tā „jāprecizē”, P un A ir provizoriski)"),
    "Provizoriska_Likme": ("6.4", "provizoriskā apmēra likme (pilnā vai samazinātā)"),
    "IB_Provizoriskais": ("6.4", "IB provizoriskais apmērs P"),
    "IB_Galigais": ("6.4", "IB galīgais apmērs F, ko nosaka ministrija; tukšs, līdz tas noteikts"),
    "Pak_Id": ("6.8", "rindas, katalogā: vienības kods un nosaukums, ko sociālais darbinieks izvēlas 6.3. tabulā"),
    "Pak_Cena": ("6.8", "rindas: sniedzēja faktiskā cena par vienību (regulētās cenas ar apmēru katalogā "
                 "ierakstītas)"),
    "Pak_Sniedzejs": ("6.8", "rindas: pakalpojuma sniedzējs"),
    "Pak_Joma": ("6.8", "rindas: atbalsta joma (1–3)"),
    "Pak_Transports": ("6.8", "rindas: „Jā” transporta un specializētā transporta vienībām"),
    "Pak_MaxCena": ("6.8", "rindas: cenas griesti (regulētā, līguma vai grupu nodarbības cena); tukšs, ja nav"),
    "Plans_Pakalpojums": ("6.3", "rindas: plāna rindas pakalpojums (viena no Pak_Id vērtībām)"),
    "Plans_Daudzums": ("6.3", "rindas: vienību skaits periodā"),
    "Plans_EkspertuRangs": ("6.3", "rindas: ekspertu rangs atbalsta jomas ietvaros"),
    "Plans_VecakuRangs": ("6.3", "rindas: vecāka rangs pār visām rindām"),
    "Plans_Cena": ("6.4", "rindas: vienības cena no 6.8. tabulas"),
    "Plans_Summa": ("6.4", "rindas: vienības × cena, noapaļots līdz centiem"),
    "Plans_Prioritate": ("6.4", "rindas: kopējā prioritāte (vieta secībā)"),
    "Plans_NoIB": ("6.4", "rindas: euro, ko rindai piešķir no IB, ejot pa visu prioritāšu sarakstu: rinda saņem "
                   "visas izmaksas, ja tās ietilpst vēl neizlietotajā IB pieejamajā apmērā A, citādi tik veselu "
                   "vienību, cik ietilpst (0, ja cena ir 0), un sarakstu turpina līdz galam"),
    "IB_Nepieciesamais": ("6.4", "IB nepieciešamais apmērs N"),
    "IB_Pieejamais": ("6.4", "plānam pieejamais IB apmērs A"),
    "Fin_Pabalsti": ("6.4", "valsts un pašvaldību pabalsti periodā"),
    "Fin_Pakalpojumi": ("6.4", "valsts un pašvaldību jau finansētie pakalpojumi"),
    "Fin_Citi": ("6.4", "citi finanšu avoti (vecāki, ziedojumi)"),
    "IB_Kopejais": ("6.4", "kopējais apmērs K"),
    "Transporta_Dala": ("6.4", "no IB finansētā transporta (transporta un specializētā transporta rindu "
                        "Plans_NoIB summa) daļa no IB pieejamā apmēra A (0–1; 0, ja A = 0)"),
    "Men_Daudzums": ("6.6", "rindas × mēneši: plānotās vienības katrā perioda mēnesī"),
    "Men_Summa": ("6.7", "rindas × mēneši: plānotie euro katrā mēnesī („nederīgs”, ja šā mēneša vienības 6.6. "
                         "tabulā ir nederīga ievade)"),
    "Fakt_Daudzums": ("6.10", "rindas × mēneši: saņemtās vienības katrā mēnesī"),
    "Fakt_Summa": ("6.10", "rindas × mēneši: samaksātie euro katrā mēnesī"),
    "Fakt_Kopa": ("6.10", "periodā kopā samaksāts"),
    "Kludas": ("6.11", "kļūdu skaits pašlaik: noteikumu kļūdas, katra ievades šūna ar nederīgu vērtību (teksts "
               "skaitļa vai datuma vietā, negatīvs skaitlis, vērtība ārpus saraksta vai intervāla), katra aprēķinam "
               "neatbilstoša vērtība un katra tabula ar paslēptām aizpildītām rindām"),
    "Bridinajumi": ("6.11", "brīdinājumu skaits pašlaik"),
}

KINDS = {"in": "ievade", "out": "formula"}

# Input names outside the interface (IBM_Saskarne does not cover them) that `ibm documents --from-matrix` reads, by
# name, when a matrix has them (D88, D317): a matrix of an earlier template without one leaves its blank in the papers
# for the worker to fill in. Name -> (sheet, meaning).
DOCUMENT_NAMES: dict[str, tuple[str, str]] = {
    "Socialais_Darbinieks": ("6.1", "sociālā darbinieka vārds un uzvārds (līgums ar vecāku, lēmumi, lietas "
                             "titullapa)"),
    "Darbinieks_Kontakti": ("6.1", "sociālā darbinieka tālrunis un e-pasts (līgums ar vecāku)"),
    "Lietas_Sakums": ("6.1", "lietas atvēršanas datums (lietas titullapā – „Lieta uzsākta”)"),
    "Vecaks_VardsUzvards": ("6.1", "vecāka (likumiskā pārstāvja) vārds un uzvārds (līgums ar vecāku, lēmumi, "
                            "iesniegumi, lietas titullapa)"),
    "Vecaks_PersonasKods": ("6.1", "vecāka personas kods (līgums ar vecāku, lietas titullapas pamatinformācija)"),
}

# Hidden marks outside the interface that the tools read when a matrix has them: a fact of the day it was made, left
# out of the template comparison (D318, D319). Name -> (sheet, meaning).
MARK_NAMES: dict[str, tuple[str, str]] = {
    "h_BazeAtsaukts": ("6.11", "1, ja cenu dienā apstiprināto B katalogs līdz matricas izveides dienai ar to pašu "
                       "apmēru atkal padarījis par „jāprecizē”: B statuss ir „jāprecizē”, P, A un K – tukšas vietas; "
                       "ibm collect un ibm documents --from-matrix B skaita par neapstiprinātu"),
    "h_Pak_Atsaukts": ("6.8", "katrai kataloga rindai: diena, no kuras cenu dienā apstiprinātie griesti "
                       f"{again_open()} (līdz matricas izveides dienai), citādi tukša: statuss „jāprecizē "
                       "no DD.MM.GGGG”, plāna rindai – brīdinājums par neapstiprinātiem griestiem; ibm migrate to "
                       "uzskata par vecās matricas statusu"),
}

# The input names of workbook-interface.md (every other name is a formula).
SPEC_KINDS = {
    name: "in"
    for name in (
        "Pasvaldiba", "Berns_VardsUzvards", "Berns_PersonasKods", "Berns_DzimsanasDatums", "Berns_Traucejums",
        "Ipasas_Kopsanas_Atzinums", "Perioda_Sakums", "Perioda_Menesi", "Bazes_Apmers", "IB_Galigais", "Pak_Cena",
        "Pak_Sniedzejs", "Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs",
        "Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi", "Men_Daudzums", "Fakt_Daudzums", "Fakt_Summa",
    )
}


@dataclass(frozen=True)
class NameRow:
    name: str
    sheet: str
    kind: str  # "ievade" or "formula"
    meaning: str


def spec_interface() -> tuple[tuple[str, ...], dict[str, str], tuple[str, ...]]:
    """The names, kinds and sheets as workbook-interface.md gives them (used when the workbook package
    is not installed; tests check that both agree)."""
    return tuple(MEANINGS), {n: SPEC_KINDS.get(n, "out") for n in MEANINGS}, tuple(SHEETS)


def _interface() -> tuple[tuple[str, ...], dict[str, str], tuple[str, ...]]:
    try:
        from generator.workbook.layout import INTERFACE_KIND, INTERFACE_NAMES
        from generator.workbook.layout import SHEETS as WB_SHEETS
    except ImportError:
        return spec_interface()
    return tuple(INTERFACE_NAMES), dict(INTERFACE_KIND), tuple(WB_SHEETS)


def name_rows() -> list[NameRow]:
    names, kinds, _ = _interface()
    missing = [n for n in names if n not in MEANINGS or n not in kinds]
    if missing:
        raise SiteError(f"IBM matricas nosaukumiem nav skaidrojuma: {', '.join(missing)} "
                        "(gaidīts: ieraksts generator/site/workbook_names.py MEANINGS)")
    from generator.workbook.layout import INTERFACE_VERSION  # the version new templates write (D290)

    return [NameRow(n, MEANINGS[n][0], KINDS[kinds[n]], MEANINGS[n][1].replace("{saskarne}", INTERFACE_VERSION))
            for n in names]


def document_rows() -> list[NameRow]:
    """The input names outside the interface that the papers print (DOCUMENT_NAMES), in the order of their sheet."""
    return [NameRow(n, sheet, KINDS["in"], meaning) for n, (sheet, meaning) in DOCUMENT_NAMES.items()]


def mark_rows() -> list[NameRow]:
    """The hidden marks outside the interface that the tools read (MARK_NAMES), in the order of their sheet."""
    return [NameRow(n, sheet, KINDS["out"], meaning) for n, (sheet, meaning) in MARK_NAMES.items()]


def sheet_rows() -> list[tuple[str, str, str]]:
    _, _, sheets = _interface()
    missing = [s for s in sheets if s not in SHEETS]
    if missing:
        raise SiteError(f"IBM matricas lapām nav apraksta: {', '.join(missing)} "
                        "(gaidīts: ieraksts generator/site/workbook_names.py SHEETS)")
    return [(s, *SHEETS[s]) for s in sheets]
