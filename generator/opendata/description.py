"""LASIMANI.txt of the open data: the format of every file and what each CSV column and code means.

Written from the same table definitions as the CSV files (tables.py), so it always describes the files beside it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.lvformat import agree
from generator.opendata.licence import licence_lines
from generator.opendata.schema import field_rows, schema_name
from generator.opendata.tables import LIST_SEPARATOR, VERSION_COLUMN, Table

FILE = "LASIMANI.txt"
SEED_TOC = "seed-toc.yaml"  # the methodology's chapters with their source lines (catalogue/metodika/)
JSON_FILES = {
    "pakalpojumi.json": "bērnu programmas pakalpojumu katalogs ar pakalpojumu aprakstiem",
    "cenas.json": "bērnu programmas cenas ar vēsturi",
    "pasvaldibas.json": "pašvaldības, to sociālie dienesti un izmēģinājumprojekti",
    "programma.json": "bērnu programmas noteikumu parametri ar vēsturi",
    "kartas.json": "programmas kārtas un to pārskata periodi",
    "pasvaldibu-nosaukumi.json": "pašvaldību un sociālo dienestu nosaukumi ar spēkā esamības laiku un statusu",
    "tiesibu-akti.json": "tiesību akti, ko citē dokumenti, un to spēkā esamība",
}


def json_list_key(file_name: str) -> str:
    """The key of a JSON file's list: the file's own name (pasvaldibas.json -> „pasvaldibas”, D142)."""
    return file_name.removesuffix(".json").replace("-", "_")


# CSV columns whose JSON field has another name (audit40 F3): (CSV file, column) -> (JSON file, field)
CSV_TO_JSON = {("pakalpojumi.csv", "kods"): ("pakalpojumi.json", "id"),
               ("cenas.csv", "rezims"): ("cenas.json", "cenu_rezims"),
               ("cenas.csv", "attiecas_uz_formas"): ("cenas.json", "attiecas_uz.formas"),
               ("cenas.csv", "attiecas_uz_rezimi"): ("cenas.json", "attiecas_uz.cenu_rezimi"),
               ("pasvaldibu-nosaukumi.csv", "pasvaldiba"): ("pasvaldibu-nosaukumi.json", "id"),
               # the CSV's code says which of the two lists of the JSON item holds the name
               ("pasvaldibu-nosaukumi.csv", "iestade"): ("pasvaldibu-nosaukumi.json", "pasvaldiba / socialais_dienests")}


def programme_lines(cat: Catalogue) -> list[str]:
    """Which programme the files belong to (audit31e F4, F9, D254): the services, prices and parameters are the
    children's programme's; the adults' programme has only its rounds and municipalities, and its reporting periods
    are derived as the children's are (D21), each of its own length in rounds.yaml – the sources give none."""
    children = cat.pilot_round(Pilot.children)
    adults = cat.rounds_of(Pilot.adults)
    if children is None:
        return []
    text = ("Pakalpojumi (pakalpojumi.csv, pakalpojumi.json), cenas (cenas.csv, cenas.json) un programmas noteikumu "
            f"parametri (programma.json) ir bērnu programmas – tās pirmā kārta ir „{children.name_lv}”.")
    if adults:
        names = ", ".join(f"„{r.id}” („{r.name_lv}”)" for r in adults)
        which = f"kārta {names} un tās" if len(adults) == 1 else f"kārtas {names} un to"
        # each round's own months from rounds.yaml, not a comparison with the children's round (review31 F10)
        months = "; ".join(f"„{r.id}” – {r.reporting_period_months} "
                           f"{agree(r.reporting_period_months, 'mēnesis', 'mēneši')}" for r in adults)
        text += (f" Pieaugušo programmas {which} pašvaldības ir datnēs kartas.json un pasvaldibas.*; pieaugušo programmas "
                 "pakalpojumu, cenu un noteikumu katalogā nav, jo avotos tie nav doti. Pieaugušo programmas kārtu "
                 "pārskata periodi (kartas.json lauks „parskata_periodi”) ir rekonstruēti no pakalpojumu sākuma, katrs "
                 f"kārtas noteiktajā garumā (lēmums D21): {months}; avotos tie nav doti.")
    return ["Programmas", *textwrap.wrap(text, 110), ""]


def description(cat: Catalogue, csv_tables: list[Table], json_schemas: dict[str, dict[str, Any]]) -> str:
    lines = [
        "IBM rīkkopa – atvērtie dati",
        "",
        f"Kataloga versija: {cat.version}. Visas šīs mapes datnes izveidotas no šīs versijas; CSV datnēs tā ir",
        f"kolonnā „{VERSION_COLUMN}”, JSON datnēs – laukā „kataloga_versija”.",
        "",
        *programme_lines(cat),
        "Atkalizmantošana un licence",
        *(wrapped for sentence in licence_lines(cat) for wrapped in textwrap.wrap(sentence, 110)),
        "",
        "CSV datņu formāts",
        "- Kodējums UTF-8 ar BOM (Excel to atpazīst pats; citās programmās izvēlieties UTF-8).",
        "- Atdalītājs – komats. Katrs teksts (arī kodi, datumi un vairākas vērtības vienā šūnā) likts pēdiņās (\"),",
        "  skaitļi (summas, atbalsta jomas numurs) – bez pēdiņām.",
        "- Pirmajā rindā – kolonnu nosaukumi (bez garumzīmēm), tālāk pa vienam ierakstam rindā.",
        "- Skaitļi: decimālzīme ir punkts, bez tūkstošu atdalītāja (piemēram, 4.50 = 4,50 EUR).",
        "- Datumi: GGGG-MM-DD (ISO 8601), piemēram, 2023-04-01 = 01.04.2023.",
        "- Jā/nē vērtības: true (jā) un false (nē).",
        "- Tukša šūna – vērtības nav vai tā nav zināma.",
        f"- Vairākas vērtības vienā šūnā atdalītas ar „{LIST_SEPARATOR}”.",
        "- Teksts, kas sākas ar =, +, - vai @, sākas ar apostrofu ('), lai izklājlapa to neuzskatītu par formulu.",
        "",
        "Izklājlapām: katrai CSV datnei blakus ir tāda paša nosaukuma .xlsx datne ar tiem pašiem datiem (lapa",
        "„Dati”; lapa „Kolonnas” – kolonnu apraksts). Tajā kodi (1.1.1, 3.10) ir teksts, summas – skaitļi ar divām",
        "decimālzīmēm, datumi – datumi DD.MM.GGGG; to nevar nolasīt nepareizi.",
        "",
        "CSV importēšana izklājlapā (LibreOffice Calc, Excel „Dati > No teksta/CSV”). Ar latviešu noklusējuma",
        "iestatījumiem summas „4.50” kļūst par tekstu (decimālzīme ir komats), bet kodi, piemēram, 1.1.1 un 5.11, –",
        "par datumiem, 3.10 – par skaitli 3,1. Tāpēc importējot izvēlieties:",
        "  1. Rakstzīmju kopa: Unicode (UTF-8).",
        "  2. Atdalītājs: tikai komats (semikolu un tabulāciju neatzīmējiet).",
        "  3. Teksta norobežotājs: \".",
        "  4. Valoda (lokalizācija): angļu (ASV) – tad decimālpunkts summās ir pareizs.",
        "  5. LibreOffice: atzīmējiet „Pēdiņās esošos laukus formatēt kā tekstu” (angliski „Format quoted field",
        "     as text”) un neatzīmējiet „Noteikt īpašus skaitļus” („Detect special numbers”); Excel: kolonnām ar",
        "     kodiem (kods, id, pakalpojums) norādiet datu tipu „Teksts”.",
        "",
    ]
    for table in csv_tables:
        lines += [f"{table.file} – {table.title}", *table.note, ""]
        for column in table.columns:
            lines.append(f"  {column.name}: {column.meaning}")
            lines += [f"      {code} = {meaning}" for code, meaning in column.codes.items()]
        lines.append("")
    if json_schemas:
        lines += [
            "JSON datnes",
            "",
            "Tie paši kataloga dati pilnāk. Lauku nosaukumi ir latviski bez garumzīmēm. CSV kolonnai JSON datnē ir",
            "tāda paša nosaukuma lauks, izņemot šīs:",
            *(f"  {csv_file} kolonna „{column}” = {json_file} lauks „{field}”"
              for (csv_file, column), (json_file, field) in CSV_TO_JSON.items()),
            f"Vairākas vērtības, kas CSV šūnā atdalītas ar „{LIST_SEPARATOR}”, JSON datnē ir saraksts; cenas.csv rinda",
            "ir viena cenas „vertibas” vērtība ar cenas laukiem. Kodi",
            "(piemēram, „market”, „parent”) ir tie paši, kas CSV datnēs, un to nozīme aprakstīta augstāk. Kodējums",
            "UTF-8, summas – teksts ar decimālpunktu (\"4.50\"), datumi GGGG-MM-DD, null – vērtības nav vai tā nav",
            "zināma. Neapstiprinātas nulles vietā (lēmums D106) summa ir null ar statusu „jāprecizē”, tāpat kā",
            "tukšā CSV šūnā.",
            "",
            "Katrai JSON datnei blakus ir tās JSON shēma (JSON Schema 2020-12, datne *.schema.json), izveidota no tiem",
            "pašiem kataloga modeļiem, kas raksta datni; datnes lauks „$schema” to nosauc. Shēmā katram laukam ir",
            "tips un nozīme, mērvienībai – „x-mervieniba”. Tālāk – katras datnes visi lauki: ceļš ([] – saraksta",
            "elements, <atslēga> – datu atslēga, piemēram, vecuma grupa), tips, nozīme un mērvienība.",
            "",
        ]
        for name, schema in json_schemas.items():
            lines += [f"{name} (lauks „{json_list_key(name)}”, shēma {schema_name(name)}) – {JSON_FILES[name]}", ""]
            for path, kind, meaning, unit in field_rows(schema):
                lines.append(f"  {path}: {kind}; {meaning}" + (f" [{unit}]" if unit else ""))
            lines.append("")
    lines += source_key(cat)
    return "\r\n".join(lines)


def _chapters(cat: Catalogue) -> list[dict[str, Any]]:
    path = cat.root / "metodika" / SEED_TOC
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []  # the methodology's own checks report a broken file
    chapters = data.get("nodalas", []) if isinstance(data, dict) else []
    return [c for c in chapters if isinstance(c, dict) and {"virsraksts", "sakums", "beigas"} <= set(c)]


def source_key(cat: Catalogue) -> list[str]:
    """How to read the sources' internal references (audit40 F6): "002 L953", "S004 L149", "D17"."""
    lines = [
        "Avotu atsauces",
        "",
        "Laukos „avots” un „atsauces” avoti norādīti ar īsiem kodiem:",
        "  L953, L996–L1013 – rindas numurs avota tekstā;",
        "  metodika L… vai 002 L… – metodikas „Individuālā budžeta modelis” rinda (nodaļas – tabulā zemāk);",
        "  S000–S004 L… (arī 000–004 L…) – projekta avotu dokumenti par izmēģinājumprojektu (ministrijas un ESF",
        "    projekta materiāli un ziņas) un to rindas; 002 no tiem ir metodika;",
        "  D17 – projekta lēmums Nr. 17: vietnes lapa „Rekonstrukcijas un lēmumi” (to pašu numuru meklējiet tur).",
        "Vietne tās pašas atsauces rāda ar nodaļu nosaukumiem.",
    ]
    chapters = _chapters(cat)
    if chapters:
        lines += ["", "Metodikas rindas un nodaļas:"]
        for c in chapters:
            number = "" if str(c.get("nr", "—")) in ("—", "-", "") else f"{c['nr']} "
            lines.append(f"  L{c['sakums']}–L{c['beigas']}: {number}{c['virsraksts']}")
    return [*lines, ""]


def write_description(cat: Catalogue, folder: Path, csv_tables: list[Table],
                      json_schemas: dict[str, dict[str, Any]]) -> Path:
    path = folder / FILE
    path.write_text(description(cat, csv_tables, json_schemas), encoding="utf-8-sig", newline="")
    return path
