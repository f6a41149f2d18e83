"""The open data's CSV tables: each column's name, what it means and, for a code column, what each code says.

One definition serves both the CSV files (export.py) and their description (description.py), so the description
cannot name a column the file does not have or miss one it has. Code meanings come from the catalogue's own
Latvian labels (enums.yaml), never typed here twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.catalogue.catalogue import Catalogue, item_forms
from generator.catalogue.models import Pilot, PriceKind, PriceStatus, Service

LIST_SEPARATOR = ";"  # several values in one cell (a value itself may hold a space: „garīga rakstura”)
VERSION_COLUMN = "kataloga_versija"
PRICE_KIND_MEANINGS = {
    PriceKind.ceiling: "augstākā pieļaujamā cena (regulēta vai līgumā noteikta): sniedzējs nedrīkst prasīt vairāk",
    PriceKind.reference: "tirgus cenas orientieris (min–max): tikai informācijai",
}
PRICE_STATUS_MEANINGS = {
    PriceStatus.confirmed: "vērtība pārbaudīta tiesiskajā avotā",
    PriceStatus.to_verify: "vērtība vēl nav pārbaudīta tiesiskajā avotā; tā nav oficiāla cena",
}
PRICE_DATE_STATUS_MEANINGS = {
    PriceStatus.confirmed: "datums ņemts no avota",
    PriceStatus.to_verify: "avota datums nav noskaidrots: ierakstīts programmas sākums, nevis diena, no kuras cena "
                           "ir spēkā",
}
NAME_STATUS_MEANINGS = {
    PriceStatus.confirmed: "apstiprināts: nosaukums un tā laiks pārbaudīts avotā",
    PriceStatus.to_verify: "jāprecizē: nav pārbaudīts avotā (sociālo dienestu nosaukumus avoti nemin; nosaukumi pēc "
                           "reformas ir tikai kandidāti)",
}
INSTITUTION_MEANINGS = {"municipality": "pašvaldība", "social_service": "sociālais dienests"}
NAMES_FILE = "pasvaldibu-nosaukumi.csv"
PILOT_MEANINGS = {Pilot.children: "bērnu izmēģinājumprojekts", Pilot.adults: "pieaugušo izmēģinājumprojekts"}
BOOLEAN_MEANINGS = {"true": "jā", "false": "nē"}


TEXT, MONEY, DATE, INTEGER = "teksts", "summa", "datums", "vesels skaitlis"  # a column's kind (the xlsx cell type)


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    codes: dict[str, str] = field(default_factory=dict)  # code as written in the file -> its meaning
    kind: str = TEXT  # TEXT (also codes such as 1.1.1 and 3.10: never a number or a date), MONEY, DATE, INTEGER


@dataclass(frozen=True)
class Table:
    file: str
    title: str
    columns: list[Column]
    rows: Callable[[], Iterable[Sequence[Any]]]
    note: tuple[str, ...] = ()  # lines LASIMANI.txt prints under the title: what the file covers


def name_status(cat: Catalogue, municipality_id: str, kind: str, name: str) -> list[Any]:
    """Status, first and last day of ``name`` in catalogue/municipality-names.yaml (audit40 F4); the file's first
    entry of that name; blanks when the catalogue has none."""
    entry = cat.municipality_names.names.get(municipality_id) if cat.municipality_names else None
    dated = next((n for n in getattr(entry, kind) if n.name == name), None) if entry else None
    return [dated.status.value, dated.valid_from, dated.valid_to] if dated else [None, None, None]


def matrix_codes(service: Service) -> list[str]:
    """The service's item codes in the matrix and calculator (1.1.1i and 1.1.1g for a service offered both ways)."""
    return [code for _form, code in item_forms(service)]


def joined(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def tables(cat: Catalogue) -> list[Table]:
    """The CSV tables of the open data, in the order the description lists them."""
    enums = cat.enums
    units = {u.id: u.name_lv for u in enums.units}
    impairments = {str(i.id): i.name_lv for i in enums.impairments}
    regimes = {str(k): v for k, v in enums.regimes.items()}
    services = Table("pakalpojumi.csv", "Bērnu programmas pakalpojumu katalogs", [
        Column("kods", "pakalpojuma kods katalogā (piemēram, 1.1)"),
        Column("joma", "atbalsta jomas numurs", {str(a.number): a.name_lv for a in enums.support_areas}, INTEGER),
        Column("nosaukums", "pakalpojuma nosaukums"),
        Column("isais_nosaukums", "īsais nosaukums, ko lieto sarakstos un matricā"),
        Column("nosaukums_en", "nosaukums angliski"),
        Column("sanemejs", "kam pakalpojums paredzēts", {str(k): v for k, v in enums.recipients.items()}),
        Column("forma", "individuāls vai grupu pakalpojums", {str(k): v for k, v in enums.forms.items()}),
        Column("mervieniba", "vienība, par kuru noteikta cena", units),
        Column("traucejumi", f"traucējumu veidi, kam pakalpojums paredzēts, atdalīti ar „{LIST_SEPARATOR}”; "
                             "tukšs – visiem traucējumu veidiem", impairments),
        Column("cenu_rezims", "kā nosaka cenu", regimes),
        Column("transports", "vai pakalpojums ir transports", BOOLEAN_MEANINGS),
        Column("maksajuma_sanemejs", "kam sociālais dienests maksā par pakalpojumu",
               {str(k): v.name_lv for k, v in enums.payees.items()}),
        Column("matricas_kodi", f"pozīcijas kods IBM matricā un kalkulatorā, atdalīti ar „{LIST_SEPARATOR}”: pakalpojumam "
                                "ar formu „both” divi – ar „i” (individuāli) un „g” (grupā), citiem – tas pats kods"),
    ], lambda: (
        [s.id, s.area, s.name_lv, s.short_name_lv, s.name_en, s.recipient.value, s.form.value, s.unit,
         joined(i.value for i in s.impairments), s.regime.value, s.transport, s.payee.value, joined(matrix_codes(s))]
        for s in cat.sorted_services()), (  # audit40 F11
        "Matricā un kalkulatorā pakalpojums ar formu „both” ir divas rindas, piemēram, 1.1.1i un 1.1.1g; abas",
        "atbilst šīs datnes kodam 1.1.1 (kolonna „matricas_kodi”), jo grupu nodarbībai ir savi cenu griesti.",
    ))
    prices = Table("cenas.csv", "Bērnu programmas cenas ar vēsturi (katra cenas vērtība ar datumu, no kura tā ir spēkā)", [
        Column("id", "cenas identifikators katalogā"),
        Column("pakalpojums", "pakalpojuma kods (tukšs – cena neattiecas uz vienu pakalpojumu)"),
        Column("nosaukums", "cenas nosaukums"),
        Column("mervieniba", "vienība, par kuru noteikta cena", units),
        Column("rezims", "kā nosaka cenu", regimes),
        Column("speka_no", "datums, no kura vērtība ir spēkā", kind=DATE),
        Column("speka_no_statuss", "vai datums „speka_no” ņemts no avota", PRICE_DATE_STATUS_MEANINGS),
        Column("veids", "ko vērtība nozīmē", {str(k): v for k, v in PRICE_KIND_MEANINGS.items()}),
        Column("summa", "cena euro par vienību; tukšs – summa nav noteikta vai nav zināma (arī tad, ja katalogā "
                        "aprēķiniem ierakstīta neapstiprināta nulle, lēmums D106)", kind=MONEY),
        Column("min", "tirgus cenas orientiera apakšējā robeža euro", kind=MONEY),
        Column("max", "tirgus cenas orientiera augšējā robeža euro", kind=MONEY),
        Column("statuss", "vai vērtība pārbaudīta", {str(k): v for k, v in PRICE_STATUS_MEANINGS.items()}),
        Column("avots", "tiesību akts vai dokuments, no kura vērtība ņemta"),
        Column("piezime", "piezīme: kā vērtību lasīt (piemēram, ka tā ir salīdzinājumam, nevis IBM cena)"),
        Column("attiecas_uz_formas", f"cenu parametram (bez pakalpojuma): pakalpojumu formas, uz kurām tas attiecas, "
                                     f"atdalītas ar „{LIST_SEPARATOR}”", {str(k): v for k, v in enums.forms.items()}),
        Column("attiecas_uz_rezimi", f"cenu parametram: pakalpojumu cenu režīmi, uz kuriem tas attiecas, atdalīti ar "
                                     f"„{LIST_SEPARATOR}”", regimes),
    ], lambda: (
        [p.id, p.service or "", p.name_lv, p.unit, p.regime.value, v.effective_from, v.effective_from_status.value,
         v.kind.value, None if v.placeholder_zero else v.amount, v.min, v.max, v.status.value, v.source, v.note,
         joined(f.value for f in p.applies_to.forms) if p.applies_to else None,
         joined(r.value for r in p.applies_to.regimes) if p.applies_to else None]
        for p in sorted(cat.prices, key=lambda p: p.id) for v in p.values))
    statuses = {str(k): v for k, v in NAME_STATUS_MEANINGS.items()}
    examples = [f"„{m.short_name_lv}”" for m in cat.municipalities.municipalities[:2]]
    short_example = f", piemēram, {' vai '.join(examples)}" if examples else ""
    municipalities = Table("pasvaldibas.csv", "Pašvaldības un izmēģinājumprojekti", [
        Column("id", "pašvaldības identifikators katalogā"),
        Column("nosaukums", f"pašvaldības nosaukums izmēģinājumprojekta laikā (visi nosaukumi – {NAMES_FILE})"),
        Column("nosaukums_statuss", "vai nosaukums pārbaudīts avotā", statuses),
        Column("nosaukums_speka_no", "pirmā diena, kurā nosaukums ir spēkā; tukšs – nav zināms", kind=DATE),
        Column("nosaukums_speka_lidz", "pēdējā diena, kurā nosaukums ir spēkā; tukšs – nav zināms vai spēkā joprojām",
               kind=DATE),
        Column("planosanas_regions", "plānošanas reģions"),
        Column("izmeginajumprojekti", "izmēģinājumprojekti (katras programmas pirmā kārta), kuros pašvaldība "
                                      f"piedalījās, atdalīti ar „{LIST_SEPARATOR}”; vēlākas kārtas (kartas.json) "
                                      "nav izmēģinājumprojekti",
               {str(k): v for k, v in PILOT_MEANINGS.items()}),
        Column("socialais_dienests", "sociālā dienesta nosaukums izmēģinājumprojekta laikā"),
        Column("socialais_dienests_statuss", "vai sociālā dienesta nosaukums pārbaudīts avotā", statuses),
        Column("adrese", "sociālā dienesta atrašanās vieta (apdzīvotā vieta, ne pilna adrese)"),
        # last, so that a reader of the earlier columns by position is not misled (D179: the summary's name)
        Column("isais_nosaukums", f"pašvaldības īsais nosaukums šaurām kolonnām (ministrijas kopsavilkumā) – "
                                  f"administratīvās teritorijas nosaukums{short_example} (izmēģinājumprojekta laika "
                                  "nosaukums, lēmums D179); parakstāmos dokumentos un matricā lieto pilno nosaukumu "
                                  "(kolonna „nosaukums”)"),
    ], lambda: (
        [m.id, m.name_lv, *name_status(cat, m.id, "municipality", m.name_lv), m.region,
         joined(p.value for p in cat.pilot_programmes(m.id)), m.social_service,
         name_status(cat, m.id, "social_service", m.social_service)[0], m.address, m.short_name_lv]
        for m in cat.municipalities.municipalities))
    names = Table(NAMES_FILE, "Pašvaldību un sociālo dienestu nosaukumi ar spēkā esamības laiku", [
        Column("pasvaldiba", "pašvaldības identifikators (kā pasvaldibas.csv kolonnā „id”)"),
        Column("iestade", "kura iestāde", INSTITUTION_MEANINGS),
        Column("nosaukums", "iestādes nosaukums"),
        Column("speka_no", "pirmā diena, kurā nosaukums ir spēkā; tukšs – bez sākuma robežas", kind=DATE),
        Column("speka_lidz", "pēdējā diena, kurā nosaukums ir spēkā; tukšs – bez beigu robežas", kind=DATE),
        Column("statuss", "vai nosaukums un tā laiks pārbaudīts avotā", statuses),
        Column("avots", "avots, kas nosaukumu apliecina"),
        Column("piezime", "piezīme: kas jāpārbauda"),
    ], lambda: (
        [municipality_id, kind, n.name, n.valid_from, n.valid_to, n.status.value, n.source, n.note]
        for municipality_id, entry in (cat.municipality_names.names.items() if cat.municipality_names else [])
        for kind in INSTITUTION_MEANINGS for n in getattr(entry, kind)))
    years = [y.year for y in cat.holidays.years] if cat.holidays else []
    holidays = Table("svetku-dienas.csv", "Svētku dienas (darba dienu skaitam)", [
        Column("datums", "svētku diena (ja tā ir darbdienā, to neskaita darba dienās)", kind=DATE),
        Column("nosaukums", "svētku dienas nosaukums"),
        Column("avots", "tiesību akts, kas svētku dienu nosaka"),
    ], lambda: ([d.date, d.name_lv, cat.holidays.source] for year in (cat.holidays.years if cat.holidays else [])
                for d in year.days), (  # audit40 F10: what the list covers and what it leaves out
        f"Aptver tikai {years[0]}.–{years[-1]}. gadu – gadus, ko aptver katalogā ierakstītās programmas kārtas; "
        "citu gadu svētku dienu šeit nav." if years else "Katalogā nav svētku dienu.",
        "Brīvdienas, ko likums pārceļ uz nākamo darbdienu, ir atsevišķas rindas. Ministru kabineta rīkojumos "
        "pārceltās darba dienas (darba sestdienas) nav iekļautas, jo projektam nav to avota.",
    ))
    version = Column(VERSION_COLUMN, "kataloga versija, no kuras datne izveidota (tā pati visās šīs kopas datnēs)")
    return [Table(t.file, t.title, [*t.columns, version], _with_version(t.rows, cat.version), t.note)
            for t in (services, prices, municipalities, names, holidays)]


def _with_version(rows: Callable[[], Iterable[Sequence[Any]]], version: str) -> Callable[[], Iterable[list[Any]]]:
    return lambda: ([*row, version] for row in rows())
