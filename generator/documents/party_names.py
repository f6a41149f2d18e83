"""How a document names the municipality and its social service on the document's date (D43).

A name is printed only when catalogue/municipality-names.yaml has a name in force on the document's date and
confirmed for it. Otherwise:

- the party positions (letterhead, the parties' clause, an addressee, the place a term is defined) are a blank
  to fill, ``party.*`` in the templates, labelled with the institution and the case the sentence needs
  ("______ (sociālā dienesta nosaukums datīvā)", audit10 F2, D103), with a note under the letterhead saying
  where the name comes from; where the term's definition follows, label and definition share one bracket, and
  the contracts' parties' clause gives the names fields of their own (``labels``, audit12 F7);
- every other sentence uses the defined term "Pašvaldība" / "Dienests" (``nom``, ``gen``, ``dat``, ``loc`` and
  the gender ``feminine``), which that note defines, so the grammar stays right whatever the name will be.

The document's date: a municipality's documents made for a programme round that has not ended carry the
round's first day they can be used (the build day, or the round's start when it lies ahead); otherwise, and for
a child's documents (``--day``), the build day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Gender, Municipality, NameForms
from generator.documents import terms
from generator.documents.figures import BLANK

# A party's name to write by hand: room for "Valmieras novada Sociālais dienests" in running text.
PARTY_BLANK = "_" * 30

# The defined terms a document uses instead of a name it may not print, in the case forms templates use.
TERMS: dict[str, dict[str, Any]] = {
    "municipality": {"nom": "Pašvaldība", "gen": "Pašvaldības", "dat": "Pašvaldībai", "loc": "Pašvaldībā",
                     "feminine": True},
    "social_service": {"nom": "Dienests", "gen": "Dienesta", "dat": "Dienestam", "loc": "Dienestā",
                       "feminine": False},
}
_SOURCES = {"municipality": "pašvaldības nolikums", "social_service": "sociālā dienesta nolikums"}
_NOUNS = {"municipality": ("pašvaldības", "pašvaldība"), "social_service": ("sociālā dienesta", "sociālais dienests")}
# The case a party position needs, named after its blank (the nominative is the name as the statutes write it).
_CASES = {"nom": "", "gen": " ģenitīvā", "dat": " datīvā", "loc": " lokatīvā"}


def party_labels(kind: str) -> dict[str, str]:
    """What an unconfirmed name's blank is for, one label per case: whose name and in which case it is written,
    so that "Vecāks ______ (…) ir iesniedzis" gets the service in the dative."""
    return {case: f"{_NOUNS[kind][0]} nosaukums{suffix}" for case, suffix in _CASES.items()}


def party_blanks(kind: str) -> dict[str, str]:
    """The blanks of an unconfirmed name in the party positions, one per case, with its label in brackets. Where
    the sentence brackets something after the name (the defined term), the label joins that bracket instead of
    standing in one of its own (``labels``; the template macro ``f.nosaukums``, audit12 F7, D103)."""
    return {case: f"{PARTY_BLANK} ({label})" for case, label in party_labels(kind).items()}


def municipal_documents_day(catalogue: Catalogue, build_date: dt.date) -> dt.date:
    """The date of a municipality's documents: the build day, or the start of the round they are made for
    when that round has not ended and starts later."""
    return terms.document_day(terms.current_round(catalogue, build_date), build_date)


SENTENCE_FORMS = ("nom", "gen", "dat", "loc", "feminine")


def forms_of(name: str, forms: NameForms) -> dict[str, Any]:
    """An institution's name in the cases templates use, and its gender."""
    return {"nom": name, "gen": forms.genitive, "dat": forms.dative, "loc": forms.locative,
            "feminine": forms.gender is Gender.feminine}


def institution(catalogue: Catalogue, municipality: Municipality, kind: str, day: dt.date) -> dict[str, Any]:
    """``nom/gen/dat/loc/feminine`` for sentences, ``party`` (the same cases) for party positions and
    ``confirmed``: the confirmed name in force on ``day``, or the defined term and blanks."""
    names = catalogue.municipality_names
    name = names.confirmed_on(municipality.id, kind, day) if names is not None else None
    if name is not None:
        forms = forms_of(name.name, name.forms)
        return {**forms, "party": {k: forms[k] for k in ("nom", "gen", "dat", "loc")}, "confirmed": True}
    return {**TERMS[kind], "party": party_blanks(kind), "labels": party_labels(kind), "blank": PARTY_BLANK,
            "confirmed": False}


def names_terms(municipality: dict[str, Any], social_service: dict[str, Any]) -> dict[str, str]:
    """For each institution whose name is a blank, how the note under the letterhead defines its term ("sociālais
    dienests (turpmāk – Dienests)"). The letterhead prints it only for the terms the document does not define
    itself (a template sets ``terms_defined``), so a term is defined once, before its first use (audit8 F25)."""
    return {kind: f"{_NOUNS[kind][1]} (turpmāk – {TERMS[kind]['nom']})"
            for kind, forms in (("municipality", municipality), ("social_service", social_service))
            if not forms["confirmed"]}


def names_note(municipality: dict[str, Any], social_service: dict[str, Any], day: dt.date) -> dict[str, str] | None:
    """The notes under the letterhead when a name is a blank (D161, audit41 F2, F16): ``explained`` stays in the
    signed paper – which name goes there, in which case, and where it comes from, as in force on the signing day;
    ``instruction`` is the preparer's – why the template leaves it blank (not confirmed on the documents' day).
    None when both names are printed. The terms that stand for the institutions in the text: ``names_terms``."""
    missing = [kind for kind, forms in (("municipality", municipality), ("social_service", social_service))
               if not forms["confirmed"]]
    if not missing:
        return None
    whose = " un ".join(_NOUNS[kind][0] for kind in missing)
    plural = len(missing) > 1
    source = " un ".join(_SOURCES[kind] for kind in missing)
    explained = (f"Tukšajās vietās ieraksta {whose} {'nosaukumus' if plural else 'nosaukumu'}, kā {source} "
                 f"{'tos' if plural else 'to'} nosaka dokumenta parakstīšanas dienā, – iekavās aiz tukšās vietas "
                 f"norādītajā locījumā; ja locījums nav norādīts – nominatīvā (kā nolikumā).")
    instruction = (f"Veidnē {whose} {'nosaukumi nav iespiesti' if plural else 'nosaukums nav iespiests'}, jo "
                   f"{'tie' if plural else 'tas'} dokumentu izveides dienā ({lvformat.date(day)}) "
                   f"{'nav apstiprināti' if plural else 'nav apstiprināts'}.")
    # the note is numbered at the nearest name blank above it, the letterhead's (D369)
    return {"explained": explained, "instruction": instruction, "at": PARTY_BLANK}


# Where a requisite the catalogue does not give yet is taken from (municipalities.yaml: only from an official
# source, never made up): the one wording of the letterhead's and the appeal clause's notes (audit29 F3).
REQUISITES_SOURCE = "pēc {whose} oficiāli publicētajiem rekvizītiem (piemēram, tīmekļvietnē), kādi tie ir dokumenta " \
    "parakstīšanas dienā"
# each requisite in the accusative: one institution's, and both institutions' (two addresses, not one: audit29b)
_REQUISITE_WORDS = (("registration_number", "reģistrācijas numuru", "reģistrācijas numurus"),
                    ("address", "adresi", "adreses"), ("phone", "tālruni", "tālruņus"),
                    ("email", "e-pastu", "e-pasta adreses"))


def requisites_notes(municipality: dict[str, str | None], social_service: dict[str, str | None]) -> dict[str, str | None]:
    """The notes on the requisites left blank (municipalities.yaml ``requisites``: null), each only while a blank is
    printed (audit29 F3): ``letterhead`` – under the letterhead, naming whose and which requisites are blank;
    ``address`` – under the appeal clause, whose "(adrese: ______)" is the social service's address."""
    blank = [(kind, [key for key, _one, _both in _REQUISITE_WORDS if not values[key]])
             for kind, values in (("municipality", municipality), ("social_service", social_service))]
    blank = [(kind, words) for kind, words in blank if words]
    letterhead = None
    if blank:
        same = len({tuple(words) for _, words in blank}) == 1
        one = {key: word for key, word, _both in _REQUISITE_WORDS}
        if same:
            whose = " un ".join(_NOUNS[kind][0] for kind, _ in blank)
            words = {key: both for key, _one, both in _REQUISITE_WORDS} if len(blank) > 1 else one
            what = f"{whose} {_listed([words[key] for key in blank[0][1]])}"
        else:  # one verb's objects: joined by „kā arī”, not a semicolon (audit29b)
            what = ", kā arī ".join(f"{_NOUNS[kind][0]} {_listed([one[key] for key in keys])}" for kind, keys in blank)
        plural = len(blank) > 1
        count = sum(len(words) for _, words in blank)
        source_of = "to" if plural else "tās" if blank[0][0] == "municipality" else "tā"
        letterhead = (f"{'Tukšās vietas' if count > 1 else 'Tukšā vieta'} galvenē: {what} ieraksta "
                      + REQUISITES_SOURCE.format(whose=source_of))
    address = None
    if not social_service["address"]:
        address = ("Tukšā vieta „(adrese: ______)”: sociālā dienesta adresi ieraksta "
                   + REQUISITES_SOURCE.format(whose="tā"))
    return {"letterhead": letterhead, "address": address}


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " un " + words[-1]


# How the report workbooks (generator/documents/reports/) label an institution whose name they may not print.
REPORT_BLANKS = {"municipality": f"Pašvaldība {BLANK}", "social_service": f"sociālais dienests {BLANK}"}


def as_reported(catalogue: Catalogue, municipality: Municipality, day: dt.date) -> Municipality:
    """The municipality as a report workbook dated ``day`` shows it: ``name_lv`` and ``social_service`` are the
    confirmed names in force that day, or a labelled blank to fill ("Pašvaldība ______")."""
    shown = {}
    for kind, field in (("municipality", "name_lv"), ("social_service", "social_service")):
        forms = institution(catalogue, municipality, kind, day)
        shown[field] = forms["nom"] if forms["confirmed"] else REPORT_BLANKS[kind]
    return municipality.model_copy(update=shown)
