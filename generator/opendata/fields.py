"""What each JSON field of the open data means (audit40 F3): one entry per Latvian key of keys.py, with its unit.

The JSON Schemas (schema.py) carry these texts as each property's description, and LASIMANI.txt lists them per
file with the type the schema gives. A key written to a JSON file without an entry here stops the export, and a
test checks that every key the files hold is described.

A key that means different things in different objects (a service's and a municipality's short name, a price's and
an act's kind, the case forms of a name and the forms a price parameter covers) has its own text for each object in
OWN_FIELDS, looked up by the model that holds it (its schema title); FIELDS is only for keys that mean the same
everywhere. A text names a CSV column only for a field of that CSV file (audit28 F5; tests/opendata/test_field_meanings.py).
"""

from __future__ import annotations

# key -> (meaning, unit; "" – no unit)
FIELDS: dict[str, tuple[str, str]] = {
    # file level
    "$schema": ("JSON shēmas datne, kas apraksta šo datni (tajā pašā mapē)", ""),
    "kataloga_versija": ("kataloga versija, no kuras datne izveidota", ""),
    # identifiers and names
    "nosaukums": ("nosaukums latviski", ""),
    "nosaukums_en": ("nosaukums angliski", ""),
    "numurs": ("projekta numurs; null – nav zināms", ""),
    "piezime": ("piezīme: kā vērtību lasīt vai kas par to jāpārbauda", ""),
    "avots": ("avots: tiesību akts, dokuments vai iekšēja atsauce uz avotu rindām (LASIMANI.txt sadaļa „Avotu atsauces”)", ""),
    "statuss": ("vērtības statuss: „apstiprināts” – pārbaudīta avotā; „jāprecizē” – nav pārbaudīta, nav oficiāla", ""),
    # dated values
    "vertibas": ("vērtību vēsture: saraksts, katra vērtība ar datumu, no kura tā ir spēkā", ""),
    "vertiba": ("parametra vērtība (tips – skatīt shēmu: skaitlis, likme kā teksts ar decimālpunktu vai kods)", ""),
    "speka_no": ("datums, no kura vērtība ir spēkā", ""),
    "summa": ("summa euro; null – nav zināma (arī neapstiprināta nulle, D106)", "EUR"),
    "min": ("tirgus cenas orientiera apakšējā robeža", "EUR"),
    "max": ("tirgus cenas orientiera augšējā robeža", "EUR"),
    "mervieniba": ("mērvienība, kurā izteikta parametra vērtība", ""),
    "datums": ("datums; null – nav zināms", ""),
    "no": ("pirmā diena, kurā akts zināmi ir spēkā", ""),
    "lidz": ("pēdējā diena, kurā akts zināmi ir spēkā", ""),
    "speka_no_statuss": ("vai datums „speka_no” ņemts no avota: „apstiprināts” – jā; „jāprecizē” – avota datums nav "
                         "noskaidrots, ierakstīts programmas sākums, tāpēc tas nenozīmē, ka cena spēkā no šīs dienas", ""),
    # services and prices
    "joma": ("atbalsta jomas numurs (1–3)", ""),
    "pakalpojuma_numurs": ("pakalpojuma numurs metodikas sarakstā (1.–21.)", ""),
    "pakalpojums": ("pakalpojuma kods; null – cenu parametrs, kas neattiecas uz vienu pakalpojumu", ""),
    "sanemejs": ("kam pakalpojums paredzēts (kods kā pakalpojumi.csv kolonnā „sanemejs”)", ""),
    "forma": ("individuāls vai grupu pakalpojums (kods kā pakalpojumi.csv kolonnā „forma”)", ""),
    "traucejumi": ("traucējumu veidi, kam pakalpojums paredzēts; tukšs saraksts – visiem", ""),
    "transports": ("vai pakalpojums ir transports", ""),
    "maksajuma_sanemejs": ("kam sociālais dienests maksā: provider – sniedzējam, parent – vecākam", ""),
    "matricas_kodi": ("pozīciju kodi IBM matricā un kalkulatorā: formai „both” – kods ar „i” (individuāli) un „g” "
                      "(grupā), citiem – pakalpojuma kods", ""),
    "dienas_pakalpojums": ("dienas pakalpojuma veids: day_care – dienas aprūpe, workshop – darbnīca; null – nav", ""),
    "ietver_nodarbibas_no": ("pakalpojumu kodi, kuru nodarbības jau ietilpst šajā pakalpojumā", ""),
    "meklesanas_vardi": ("vārdi, ar kuriem vietnes meklēšana atrod pakalpojuma lapu, lai gan lapā to nav (nozares vai "
                         "terapijas nosaukums, piem. „ergoterapija”); tukšs saraksts, ja tādu nav", ""),
    "nesavietojams_ar": ("pakalpojumu kodi, ko nevar piešķirt kopā ar šo", ""),
    "apraksts": ("pakalpojuma apraksts pa metodikas sadaļām", ""),
    "attiecas_uz": ("cenu parametram: uz kurām pakalpojumu formām un cenu režīmiem tas attiecas; null – uz vienu "
                    "pakalpojumu", ""),
    "cenu_rezimi": ("cenu režīmu kodi, uz kuriem cenu parametrs attiecas (cenas.csv kolonna „attiecas_uz_rezimi”)",
                    ""),
    # service descriptions
    "apjoms": ("apraksta sadaļa: pakalpojuma apjoms", ""),
    "definicija_merkis": ("apraksta sadaļa: definīcija un mērķis", ""),
    "kriteriji": ("apraksta sadaļa: piešķiršanas kritēriji", ""),
    "merka_grupa": ("apraksta sadaļa: mērķa grupa", ""),
    "normativie_akti": ("apraksta sadaļa: normatīvie akti", ""),
    "prasibas_sniedzejiem": ("apraksta sadaļa: prasības sniedzējiem", ""),
    "rezultati": ("apraksta sadaļa: sagaidāmie rezultāti", ""),
    "saturs": ("apraksta sadaļa: pakalpojuma saturs", ""),
    "sniegsanas_laiks": ("apraksta sadaļa: sniegšanas laiks", ""),
    "specialisti": ("apraksta sadaļa: speciālisti", ""),
    "tiesibas_pienakumi": ("apraksta sadaļa: tiesības un pienākumi", ""),
    "teksts": ("sadaļas teksts", ""),
    "atsauces": ("metodikas rindas, no kurām teksts ņemts (piemēram, L1563)", ""),
    # municipalities
    "pasvaldibas": ("pašvaldību identifikatori", ""),
    "planosanas_regions": ("plānošanas reģions", ""),
    "sociala_dienesta_nosaukuma_formas": ("sociālā dienesta nosaukums locījumos", ""),
    "nosaukuma_formas": ("pašvaldības nosaukums locījumos", ""),
    "adrese": ("adrese (apdzīvotā vieta)", ""),
    "rekviziti": ("pašvaldības un sociālā dienesta rekvizīti", ""),
    "registracijas_numurs": ("reģistrācijas numurs", ""),
    "talrunis": ("tālrunis", ""),
    "e_pasts": ("e-pasta adrese", ""),
    "datu_aizsardziba": ("datu aizsardzības kontaktinformācija", ""),
    "specialista_e_pasts": ("datu aizsardzības speciālista e-pasts; null – jāprecizē", ""),
    "privatuma_pazinojums": ("privātuma paziņojuma tīmekļa adrese; null – jāprecizē", ""),
    "apstridesanas_iestade": ("iestāde, kurā apstrīd sociālā dienesta lēmumus; null – nav zināma (lēmumos tukša vieta)", ""),
    "izmeginajumprojekti": ("izmēģinājumprojekti (katras programmas pirmā kārta), kuros pašvaldība piedalījās: bērni, pieaugušie; vēlākas kārtas šeit nav", ""),
    "nominativs": ("nominatīvs", ""),
    "genitivs": ("ģenitīvs", ""),
    "dativs": ("datīvs", ""),
    "akuzativs": ("akuzatīvs", ""),
    "lokativs": ("lokatīvs", ""),
    "dzimte": ("gramatiskā dzimte", ""),
    "nosaukums_statuss": ("izmēģinājumprojekta laika pašvaldības nosaukuma statuss; null – katalogā nav", ""),
    "nosaukums_speka_no": ("pirmā diena, kurā šis pašvaldības nosaukums ir spēkā; null – nav zināms", ""),
    "nosaukums_speka_lidz": ("pēdējā diena, kurā šis pašvaldības nosaukums ir spēkā; null – nav zināms", ""),
    "socialais_dienests_statuss": ("izmēģinājumprojekta laika sociālā dienesta nosaukuma statuss", ""),
    "nosaukumi": ("pašvaldības un sociālā dienesta nosaukumi ar spēkā esamības laiku un statusu", ""),
    # programme parameters
    "bazes_apmers": ("individuālā budžeta bāzes apmērs", "EUR"),
    "pilna_likme": ("pilnā likme (daļa no bāzes apmēra, 1 = 100 %)", ""),
    "samazinata_likme": ("samazinātā likme (daļa no bāzes apmēra)", ""),
    "pilnas_likmes_vecums_lidz": ("vecums, līdz kuram piemēro pilno likmi", "gadi"),
    "vecuma_robeza": ("programmas dalībnieka vecuma robeža", "gadi"),
    "netieso_izmaksu_likme": ("netiešo izmaksu likme (daļa)", ""),
    "transporta_dala_max": ("transporta daļas augšējā robeža (daļa no plānam pieejamā IB apmēra A)", ""),
    "vecaka_svars": ("vecāka vērtējuma svars (daļa)", ""),
    "eksperta_svars": ("eksperta vērtējuma svars (daļa)", ""),
    "parsadales_atslega": ("finansējuma pārdales atslēga (kods)", ""),
    "atlases_kvotas": ("atlases kvotas", ""),
    "traucejumu_dalas": ("traucējumu veidu daļas atlasē (traucējuma kods -> daļa)", ""),
    "pa_vecuma_grupam": ("vietu skaits pa vecuma grupām (vecuma grupa -> skaits)", "bērni"),
    "pa_pasvaldibam": ("vietu skaits pašvaldībā", "bērni"),
    "berni_socialajam_darbiniekam": ("bērnu skaits uz vienu sociālo darbinieku", "bērni"),
    "liguma_termins_menesos": ("līguma termiņš", "mēneši"),
    "pirma_perioda_menesi": ("pirmā perioda ilgums", "mēneši"),
    "perioda_menesi_max": ("perioda lielākais ilgums", "mēneši"),
    "menesa_parskata_diena": ("mēneša diena, līdz kurai iesniedz mēneša pārskatu", "diena"),
    "ceturksna_parskata_diena": ("diena, līdz kurai iesniedz ceturkšņa pārskatu", "diena"),
    "lemuma_darba_dienas": ("termiņš lēmuma pieņemšanai", "darba dienas"),
    "iesniegumu_parsutisanas_darba_dienas": ("termiņš iesniegumu pārsūtīšanai", "darba dienas"),
    "ievadita_summa_max": ("lielākā ticamā matricā ierakstītā summa (B, F, citi finanšu avoti; D340)", "EUR"),
    "sniedzeja_cena_max": ("lielākā ticamā sniedzēja cena par vienību matricas 6.8. tabulā (D340)", "EUR"),
    "ticama_cena_reize": ("ticamā sniedzēja cena par reizi: virs tās pakalpojumam bez cenas griestu skaitļa matrica brīdina (D370)", "EUR"),
    "ticama_cena_stunda": ("ticamā sniedzēja cena par stundu: virs tās pakalpojumam bez cenas griestu skaitļa matrica brīdina (D370)", "EUR"),
    "ticama_cena_darba_diena": ("ticamā sniedzēja cena par darba dienu: virs tās pakalpojumam bez cenas griestu skaitļa matrica brīdina (D370)", "EUR"),
    "ticama_cena_diennakts": ("ticamā sniedzēja cena par diennakti: virs tās pakalpojumam bez cenas griestu skaitļa matrica brīdina (D370)", "EUR"),
    "ticama_cena_kurss": ("ticamā sniedzēja cena par kursu: virs tās pakalpojumam bez cenas griestu skaitļa matrica brīdina (D370)", "EUR"),
    # rounds
    "sakums": ("sākuma datums", ""),
    "beigas": ("beigu datums (ieskaitot)", ""),
    "pakalpojumu_sakums": ("diena, no kuras sniedz pakalpojumus", ""),
    "pakalpojumu_beigas": ("pēdējā pakalpojumu sniegšanas diena", ""),
    "parskata_perioda_menesi": ("pārskata perioda ilgums", "mēneši"),
    "parskata_periodi": ("kārtas pārskata periodi", ""),
    "nr": ("pārskata perioda numurs", ""),
    "finansejums": ("kārtas finansējums", ""),
    "dalibnieki": ("dalībnieku skaits; null – nav zināms", "personas"),
    "projekts": ("projekts, kurā kārta īstenota", ""),
    "iesniegsanas_termins": ("iesniegumu iesniegšanas termiņš", ""),
    "atlase": ("atlases noteikumi", ""),
    "kriterijs_izpildits": ("atlases kritērija rinda: bērns tam atbilst", ""),
    "kriterijs_neizpildits": ("atlases kritērija rinda: bērns tam neatbilst", ""),
    "vienadu_iesniegumu_seciba": ("kā izšķir vienādus iesniegumus", ""),
    "ministrijas_atlase": ("ko ministrija ievēro atlasē", ""),
    "grupu_cenas_pamats": ("grupu nodarbību cenas avots", ""),
    "proceduras": ("kārtas procedūras: jā/nē katrai; null – nav zināms", ""),
    "ministrijas_projekta_komanda": ("ministrijas projekta komanda atlasa dalībniekus un saņem iesniegumus", ""),
    "registracija_lidz_minutei": ("iesniegumu laiku reģistrē līdz minūtei", ""),
    "metodikas_noteikumi": ("kārtas noteikumi ir izmēģinājumprojekta metodika", ""),
    "esf_anketa": ("aizpilda ESF projekta dalībnieka anketu", ""),
    "ftp_serveris": ("skenētās kopijas glabā projekta serverī", ""),
    "parsutisanas_darba_dienas": ("iesniegumus pārsūta programmas noteiktajā darba dienu termiņā", ""),
    "transporta_dala": ("piemēro transporta daļas ierobežojumu", ""),
    "rezerves_saraksts": ("neatlasītie bērni paliek rezerves sarakstā", ""),
    "avanss": ("pašvaldībai kārtas pirmajā mēnesī ieskaita avansu", ""),
    "bernu_pardale": ("ministrija pārdala bērnu skaitu starp pašvaldībām", ""),
    # legal acts
    "tiesibu_akti": ("tiesību akti", ""),
    "pienemts": ("pieņemšanas datums; null – nav zināms", ""),
    "zinams_speka": ("laiks, kurā akts zināmi ir spēkā (no avotiem)", ""),
    "ko_nosaka": ("ko akts vai norma nosaka (teksts citātam)", ""),
    "normas": ("akta normas, ko dokumenti citē", ""),
    "pants": ("panta numurs", ""),
    "panta_indekss": ("panta augšindekss (piemēram, 1 pantam 17.¹)", ""),
    "dala": ("panta daļa", ""),
    "punkts": ("punkts", ""),
    "apakspunkts": ("apakšpunkts", ""),
}

# (schema title of the model that holds the key, key) -> (meaning, unit): keys whose meaning depends on their object
OWN_FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    # identifiers: the CSV column only where the file has a CSV (audit28 F5)
    ("Service", "id"): ("pakalpojuma kods katalogā, piemēram, 1.1.1 (pakalpojumi.csv kolonna „kods”)", ""),
    ("Price", "id"): ("cenas identifikators katalogā (cenas.csv kolonna „id”)", ""),
    ("Municipality", "id"): ("pašvaldības identifikators katalogā (pasvaldibas.csv kolonna „id”)", ""),
    ("InstitutionNames", "id"): ("pašvaldības identifikators – tas pats, kas pasvaldibas.json laukā „id” "
                                 "(pasvaldibu-nosaukumi.csv kolonna „pasvaldiba”)", ""),
    ("Round", "id"): ("kārtas identifikators katalogā", ""),
    ("LegalAct", "id"): ("tiesību akta identifikators katalogā", ""),
    ("Norm", "id"): ("normas identifikators katalogā", ""),
    # rounds: the first round of a programme is its pilot, later rounds are not (D189)
    ("Round", "programma"): ("programma, kurai kārta pieder; katras programmas pirmā kārta ir izmēģinājumprojekts, "
                             "vēlākas kārtas nav izmēģinājumprojekti (D189)", ""),
    # short names
    ("Service", "isais_nosaukums"): ("pakalpojuma īsais nosaukums, ko lieto sarakstos un matricā", ""),
    ("Municipality", "isais_nosaukums"): ("pašvaldības īsais nosaukums šaurām kolonnām (ministrijas kopsavilkumā) – "
                                          "administratīvās teritorijas nosaukums (D179); parakstāmos dokumentos lieto "
                                          "pilno nosaukumu (lauks „nosaukums”)", ""),
    # price regimes and units
    ("Service", "cenu_rezims"): ("kā nosaka pakalpojuma cenu (kods; nozīme – pakalpojumi.csv kolonnas „cenu_rezims” "
                                 "aprakstā)", ""),
    ("Price", "cenu_rezims"): ("kā nosaka cenu (kods; cenas.csv kolonna „rezims”)", ""),
    ("Service", "mervieniba"): ("vienība, par kuru noteikta pakalpojuma cena", ""),
    ("Price", "mervieniba"): ("vienība, par kuru noteikta cena", ""),
    # kinds
    ("PriceValue", "veids"): ("ko cenas vērtība nozīmē (kods; nozīme – cenas.csv kolonnas „veids” aprakstā)", ""),
    ("LegalAct", "veids"): ("tiesību akta veids", ""),
    # forms: the service forms a price parameter covers, or a name's case forms
    ("PriceScope", "formas"): ("pakalpojumu formu kodi, uz kurām cenu parametrs attiecas "
                               "(cenas.csv kolonna „attiecas_uz_formas”)", ""),
    ("DatedName", "formas"): ("nosaukuma formas locījumos un nosaukuma gramatiskā dzimte", ""),
    ("LegalAct", "formas"): ("pilns akta nosaukums locījumos", ""),
    ("Norm", "formas"): ("normas apzīmējums citātā (bez akta nosaukuma) locījumos, piemēram, „55. pantu”", ""),
    # a municipality's and its social service's requisites, names and dated names
    ("Municipality", "socialais_dienests"): ("sociālā dienesta nosaukums izmēģinājumprojekta laikā (visi nosaukumi – "
                                             "pasvaldibu-nosaukumi.json)", ""),
    ("InstitutionRequisites", "pasvaldiba"): ("pašvaldības rekvizīti", ""),
    ("InstitutionRequisites", "socialais_dienests"): ("sociālā dienesta rekvizīti", ""),
    ("InstitutionNames", "pasvaldiba"): ("pašvaldības nosaukumi ar spēkā esamības laiku un statusu", ""),
    ("InstitutionNames", "socialais_dienests"): ("sociālā dienesta nosaukumi ar spēkā esamības laiku un statusu", ""),
    ("DatedName", "speka_no"): ("pirmā diena, kurā nosaukums ir spēkā; null – bez sākuma robežas", ""),
    ("DatedName", "speka_lidz"): ("pēdējā diena, kurā nosaukums ir spēkā; null – bez beigu robežas", ""),
    # an act's validity: each an object with its date, status and source
    ("LegalAct", "speka_no"): ("akta spēkā stāšanās: datums, tā statuss un avots", ""),
    ("LegalAct", "speka_lidz"): ("akta spēka zaudēšana: datums (null – nav zināms vai akts vēl ir spēkā), statuss un "
                                 "avots", ""),
    # the selection quotas' value is an object, the other parameters' a number or a code
    ("Dated[Quotas]", "vertiba"): ("atlases kvotas: vietu skaits pašvaldībā, pa vecuma grupām un traucējumu veidu "
                                   "daļas", ""),
}
