"""The municipality's and the social service's name on the matrix, by the plan's day (D43, D51).

A name shows (6.1 B6/B7, and through them the header line of every plan sheet and signed annex) only when
catalogue/municipality-names.yaml confirms it for the plan period's first day (Perioda_Sakums): the
confirmed names with their days stand in a table on 6.11 (municipality id, name, from, to; an empty end
is open), a flag column marks the row in force for the plan's municipality on that day, and MATCH/INDEX
pick it (plain functions that Excel 2010 and LibreOffice 7.4 both compute). Unconfirmed names are not in
the table. Without a confirmed name, or while the day is empty, the cell holds the blank to fill
(texts.BLANK) and the hint beside it says where the name comes from. ``shown_name`` is the same rule in
Python: the cached values and the tests use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.municipality_names import DatedName
from generator.workbook.sheetio import Sheet
from generator.workbook.texts import BLANK, NAME_SOURCE_NOTES


@dataclass(frozen=True)
class Kind:
    """One institution whose name the matrix shows: its 6.1 output name and the 6.11 names it uses."""

    kind: str  # "municipality" or "social_service", as in municipality-names.yaml
    output: str  # the 6.1 cell's name
    title: str  # the 6.11 table's heading
    names: str  # 6.11: the confirmed names (column A)
    in_force: str  # 6.11: 1 where the row is in force for the plan (column E)
    row: str  # 6.1 (hidden D): the row of the name in force, 0 if none
    dative: str  # 6.11: the confirmed names in the dative (column F), e.g. for 6.9's addressee
    source: str  # where a person takes the name from when the matrix cannot show it (genitive)


KINDS = (
    Kind("municipality", "Pasvaldibas_Nosaukums", "Pašvaldību nosaukumi", "h_PasvNosaukumi", "h_PasvNosSpeka",
         "h_PasvNosRinda", "h_PasvNosDativs", "pašvaldības nolikuma"),
    Kind("social_service", "Socialais_Dienests", "Sociālo dienestu nosaukumi", "h_DienNosaukumi",
         "h_DienNosSpeka", "h_DienNosRinda", "h_DienNosDativs", "sociālā dienesta nolikuma"),
)
BY_OUTPUT = {k.output: k for k in KINDS}

# Beside 6.1 B6/B7 (two lines of 8 pt in column C): why the cell shows what it shows.
HINT_NO_MUNICIPALITY = "no kataloga, kad izvēlēta pašvaldība un ievadīta perioda pirmā diena"
HINT_CONFIRMED = "no kataloga: apstiprināts perioda pirmajai dienai (6.11. tabula)"
HINT_NO_DAY = "ievadiet perioda pirmo dienu: nosaukumu rāda, ja katalogs to šai dienai apstiprina"
HINT_UNCONFIRMED = "katalogā perioda pirmajai dienai nav apstiprināts: ierakstiet ar roku pēc {source}"
NOT_IN_CATALOGUE = "nav kārtas sarakstā"  # not one of the children's rounds' municipalities (Saraksts_Pasvaldibas)
NONE_CONFIRMED = "katalogā nav neviena apstiprināta"  # 6.11: the one row of an empty table


def confirmed_names(catalogue: Catalogue, municipality_ids: list[str], kind: str) -> list[tuple[str, DatedName]]:
    """(municipality id, name) of every confirmed name of ``kind`` of the given municipalities, in their order."""
    names = catalogue.municipality_names
    if names is None:
        return []
    rows = []
    for municipality_id in municipality_ids:
        entry = names.names.get(municipality_id)
        for name in getattr(entry, kind) if entry is not None else []:
            if name.confirmed:
                rows.append((municipality_id, name))
    return rows


def shown_name(catalogue: Catalogue, municipality_id: str | None, kind: str, day: dt.date | None) -> str:
    """What 6.1 shows for ``kind`` of ``municipality_id`` on a plan starting ``day`` (None: no day yet)."""
    if not municipality_id:
        return ""
    if municipality_id not in {m.id for m in catalogue.pilot_municipalities()}:
        return NOT_IN_CATALOGUE
    names = catalogue.municipality_names
    name = names.confirmed_on(municipality_id, kind, day) if names is not None and day is not None else None
    return name.name if name is not None else BLANK


def shown_hint(catalogue: Catalogue, municipality_id: str | None, kind: str, day: dt.date | None) -> str:
    """The hint beside the name on 6.1 (as the formula of ``hint_formula`` computes it)."""
    source = next(k.source for k in KINDS if k.kind == kind)
    shown = shown_name(catalogue, municipality_id, kind, day)
    if not municipality_id:
        return HINT_NO_MUNICIPALITY
    if shown not in (BLANK, NOT_IN_CATALOGUE):
        return HINT_CONFIRMED
    return HINT_UNCONFIRMED.format(source=source) if day is not None else HINT_NO_DAY


# --- 6.1 ------------------------------------------------------------------------------------------------------

def row_formula(kind: Kind) -> str:
    """6.1 hidden helper: the 6.11 row (1-based in the table) of the name in force, 0 if none."""
    return f"IF(AND(Pasvaldiba<>\"\",ISNUMBER(Perioda_Sakums)),IFERROR(MATCH(1,{kind.in_force},0),0),0)"


def name_formula(kind: Kind) -> str:
    """6.1 B6/B7: empty without a municipality, the name in force on the plan's first day, else the blank."""
    return (f'IF(Pasvaldiba="","",IF(ISNA(MATCH(Pasvaldiba,Saraksts_Pasvaldibas,0)),"{NOT_IN_CATALOGUE}",'
            f'IF({kind.row}>0,INDEX({kind.names},{kind.row}),"{BLANK}")))')


def dative_formula(kind: Kind, blank: str) -> str:
    """The name in force in the dative (6.9's addressee), else ``blank``: the same rule as ``name_formula``."""
    return f'IF({kind.row}>0,INDEX({kind.dative},{kind.row}),"{blank}")'


def shown_dative(catalogue: Catalogue, municipality_id: str | None, kind: str, day: dt.date | None,
                 blank: str) -> str:
    """What ``dative_formula`` computes, in Python (the tests compare LibreOffice's result with it)."""
    names = catalogue.municipality_names
    if not municipality_id or names is None or day is None:
        return blank
    name = names.confirmed_on(municipality_id, kind, day)
    return name.forms.dative if name is not None else blank


def hint_formula(kind: Kind) -> str:
    """6.1 C6/C7: where the name comes from (D43 in short)."""
    unconfirmed = HINT_UNCONFIRMED.format(source=kind.source)
    return (f'IF(Pasvaldiba="","{HINT_NO_MUNICIPALITY}",IF({kind.row}>0,"{HINT_CONFIRMED}",'
            f'IF(ISNUMBER(Perioda_Sakums),"{unconfirmed}","{HINT_NO_DAY}")))')


# --- the header lines of the signed annexes --------------------------------------------------------------------

# The header texts on 6.11 (technical._headers) that print a party's name, by the kind whose name they print.
HEADER_KINDS = {"Galva_Pasvaldiba": BY_OUTPUT["Pasvaldibas_Nosaukums"], "Galva_Dienests": BY_OUTPUT["Socialais_Dienests"]}


def blank_note(kind: Kind) -> str:
    """What follows a printed blank of ``kind``'s name: where the name comes from, in brackets (D227)."""
    return f" ({NAME_SOURCE_NOTES[kind.kind]})"


def signed_header_formula(name: str) -> str:
    """Formula of a signed annex's header cell showing the 6.11 header text ``name`` (Galva_*): the text, and for a
    party's name that prints as the blank (empty or not confirmed on 6.1) the note where the name comes from."""
    kind = HEADER_KINDS.get(name)
    if kind is None:
        return name
    return f'{name}&IF(OR({kind.output}="",{kind.output}="{BLANK}"),"{blank_note(kind)}","")'


def signed_header_text(name: str, header: str, shown: str) -> str:
    """What ``signed_header_formula`` computes, in Python: ``header`` is the header text (Galva_*), ``shown`` what 6.1
    shows for the party of ``name`` (its name, the blank or "")."""
    kind = HEADER_KINDS.get(name)
    return header + blank_note(kind) if kind is not None and shown in ("", BLANK) else header


# --- 6.11 -----------------------------------------------------------------------------------------------------

SECTION_NOTE = ("Tikai katalogā apstiprinātie nosaukumi (municipality-names.yaml); 6.1. tabula rāda to, kas spēkā perioda "
                f"pirmajā dienā, citādi „{BLANK}”. Tukšs datums – bez robežas.")


def write_table(sh: Sheet, section: int) -> int:
    """The confirmed names of the list's municipalities on 6.11 from row ``section``; returns the next free row."""
    st, cat = sh.st, sh.book.catalogue
    ids = [m.id for m in cat.pilot_municipalities()]
    row = section
    sh.text(f"A{row}", "Pašvaldību un sociālo dienestu apstiprinātie nosaukumi (no kataloga)", st.section)
    sh.text(f"F{row}", SECTION_NOTE, st.note)
    row += 1
    for kind in KINDS:
        for c, head in zip("ABCDEF", (kind.title, "Pašvaldība", "Spēkā no", "Spēkā līdz",
                                      "Spēkā perioda sākumā (1 – jā)", "Datīvā (kam?)"), strict=True):
            sh.text(f"{c}{row}", head, st.header_wrap)
        first = row + 1
        rows = confirmed_names(cat, ids, kind.kind)
        for i, (municipality_id, name) in enumerate(rows):
            r = first + i
            sh.text(f"A{r}", name.name, st.label)
            sh.text(f"B{r}", municipality_id, st.out_text)
            sh.text(f"F{r}", name.forms.dative, st.label)
            for c, day in (("C", name.valid_from), ("D", name.valid_to)):
                if day is None:
                    sh.blank(f"{c}{r}", st.out_date)
                else:
                    sh.date(f"{c}{r}", day, st.out_date)
            sh.formula(f"E{r}", f'IF(AND(Pasvaldiba=B{r},ISNUMBER(Perioda_Sakums),OR(C{r}="",Perioda_Sakums>=C{r}),'
                                f'OR(D{r}="",Perioda_Sakums<=D{r})),1,0)', st.out_whole, 0)
        last = first + max(len(rows), 1) - 1
        if not rows:  # none confirmed: one row that never matches, so the names still point at cells
            sh.text(f"A{first}", NONE_CONFIRMED, st.note)
            sh.number(f"E{first}", 0, st.out_whole)
        sh.define(kind.names, f"A{first}", f"A{last}")
        sh.define(kind.in_force, f"E{first}", f"E{last}")
        sh.define(kind.dative, f"F{first}", f"F{last}")
        row = last + 2
    return row
