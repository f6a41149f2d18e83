"""Latvian labels the site's generated pages use for catalogue fields (words, never numbers)."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.models import Impairment, PriceKind, PriceStatus, PriceValue, Service, TextSource
from generator.site import text

# The fields of the service description form (13.pielikums), in the form's order.
DESCRIPTION_FIELDS = {
    "definicija_merkis": "Definīcija un mērķis",
    "merka_grupa": "Mērķa grupa",
    "saturs": "Pakalpojuma saturs",
    "specialisti": "Speciālisti",
    "sniegsanas_laiks": "Sniegšanas laiks",
    "apjoms": "Apjoms",
    "rezultati": "Sasniedzamie rezultāti",
    "kriteriji": "Saņemšanas kritēriji",
    "tiesibas_pienakumi": "Tiesības un pienākumi",
    "prasibas_sniedzejiem": "Prasības pakalpojuma sniedzējiem",
    "normativie_akti": "Normatīvie akti",
}

RECONSTRUCTED = "rekonstruēts, avotā nav dots"  # after „Avots:”, so no second colon (audit30 F13)
TEXT_SOURCES = {TextSource.methodology: "metodika", TextSource.reconstructed: RECONSTRUCTED}
PRICE_KINDS = {PriceKind.ceiling: "augstākā pieļaujamā cena", PriceKind.reference: "tirgus cenas orientieris"}
ACTUAL_PRICE = "sniedzēja faktiskā cena"
ALL_IMPAIRMENTS = "visi traucējumu veidi"
# Programme parameters whose value is a code (catalogue/programme.yaml) shown in Latvian words.
CODE_VALUES = {
    "needed": "proporcionāli nepieciešamajam apmēram",
    "gap": "proporcionāli iztrūkumam",
}


def unit_name(catalogue: Catalogue, unit_id: str) -> str:
    for unit in catalogue.enums.units:
        if unit.id == unit_id:
            return unit.name_lv
    return unit_id


def impairment_names(catalogue: Catalogue, impairments: list[Impairment]) -> str:
    if not impairments:
        return ALL_IMPAIRMENTS
    names = {i.id: i.name_lv for i in catalogue.enums.impairments}
    return ", ".join(names.get(i, str(i)) for i in impairments)


def area_name(catalogue: Catalogue, number: int) -> str:
    for area in catalogue.enums.support_areas:
        if area.number == number:
            return area.name_lv
    return str(number)


def status_text(status: PriceStatus | None) -> str:
    """A status said plainly: an unconfirmed figure is never presented as official."""
    if status is None:
        return "–"
    return "jāprecizē" if status is PriceStatus.to_verify else "apstiprināts"


def status_long(status: PriceStatus | None) -> str:
    if status is PriceStatus.to_verify:
        return "jāprecizē (vēl nav pārbaudīts tiesiskajā avotā; nav oficiāla cena)"
    return status_text(status)


def price_text(value: PriceValue | None) -> str:
    """What a price value says: a ceiling amount, a market reference range, or that it is not set."""
    if value is None:
        return "cena nav noteikta"
    if value.kind is PriceKind.ceiling:
        return f"ne vairāk kā {text.eur(value.amount)}" if value.amount is not None else "griesti nav noteikti"
    if value.amount is not None:
        return f"orientējoši {text.eur(value.amount)}"
    if value.min is not None and value.max is not None and value.min != value.max:
        return f"salīdzinājumam {text.eur(value.min)} – {text.eur(value.max)}"
    if value.min is not None or value.max is not None:
        return f"salīdzinājumam {text.eur(value.min if value.min is not None else value.max)}"
    return ACTUAL_PRICE


def price_per_unit(value: PriceValue | None) -> str:
    """A service page's price cell: „… par vienību” after an amount only – „griesti nav noteikti” is no figure to be
    paid per unit (audit32b F13)."""
    said = price_text(value)
    has_figure = value is not None and any(v is not None for v in (value.amount, value.min, value.max))
    return f"{said} par vienību" if has_figure else said


def service_title(service: Service) -> str:
    return f"{service.id} {service.name_lv}"


def regime_without_price(catalogue: Catalogue, service: Service, day: dt.date) -> str:
    """The price line of an item without a price file (paid at actual cost), with the transport limit in force on
    ``day`` (the site's date, D185: a later limit is announced with its day, not shown as in force)."""
    label = catalogue.enums.regimes[service.regime]
    if service.transport:
        share = catalogue.programme.transport_share_max.at(day).value
        return f"{label}; {transport_limit(share)}"
    return label


def transport_limit(share: object) -> str:
    """The transport rule in words (D9): its base is A, the amount available to the plan, not N."""
    return (f"visi transporta izdevumi kopā ne vairāk kā {text.percent(share)} no plānam pieejamā IB apmēra A; "
            "vairāk – tikai ar sociālā darbinieka rakstisku pamatojumu")


UNKNOWN = "nav zināma"
# The group sessions' ceiling while the client transport part to deduct is not known (D106).
CEILING_WHILE_UNKNOWN = "kamēr atskaitāmā transporta daļa nav zināma"


def unknown_amount(value: PriceValue | None) -> bool:
    """A figure nobody knows: no value, no amount, or an unconfirmed zero (a placeholder „avotā nav dots”, which
    the catalogue keeps as 0,00 so that calculations run; a reader must not take it for a confirmed zero – D106)."""
    if value is None or (value.amount is None and value.min is None and value.max is None):
        return True
    return value.placeholder_zero


def ceiling_changes(catalogue: Catalogue, day: dt.date, in_brackets: bool = True) -> str:
    """The group ceiling's changes the catalogue dates after ``day``, to follow its text in force:
    " (no 01.07.2027 – 27,50 EUR)" or, inside a bracket already, "; no 01.07.2027 – 27,50 EUR"; "" when none is
    announced (D185)."""
    parts = [catalogue.price_by_id.get(i) for i in (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)]
    days = sorted({v.effective_from for p in parts if p is not None for v in p.values if v.effective_from > day})
    said = "; ".join(f"no {text.date(d)} – {group_ceiling_text(catalogue, d, short=True)}" for d in days)
    if not said:
        return ""
    return f" ({said})" if in_brackets else f"; {said}"


def group_ceiling_text(catalogue: Catalogue, day: dt.date, short: bool = False, per: str = "") -> str:
    """The group sessions' ceiling in words: an amount, „nav noteikti”, or while the deducted transport part is
    unknown „ne vairāk kā 25,93 EUR (kamēr … nav zināma)” (D106). ``short``: without a bracket, to follow one (an
    announced change, D185): „ne vairāk kā 27,50 EUR” (the text in force says why), „…, jāprecizē”. ``per``: what
    the amount is for („par nodarbību”), kept next to the amount, before the bracket."""
    ceiling, status = catalogue.group_ceiling(day)
    reduction = catalogue.price_by_id.get(GROUP_TRANSPORT_REDUCTION_ID)
    if ceiling is None:
        return "nav noteikti"
    amount = text.eur(ceiling) + (f" {per}" if per else "")
    if reduction is not None and unknown_amount(reduction.at(day)):
        return f"ne vairāk kā {amount}" + ("" if short else f" ({CEILING_WHILE_UNKNOWN}; jāprecizē)")
    unconfirmed = ", jāprecizē" if short else " (jāprecizē)"
    return amount + (unconfirmed if status is PriceStatus.to_verify else "")


UNKNOWN_START = "datums jāprecizē"  # audit40 F9: the value's start date is the programme's start, not its source's


def effective_from_cell(value: PriceValue, shown: str | None = None) -> str:
    """The day a value is in force from (Markdown; ``shown``: the caller's words for it, e.g. a period), and „datums
    jāprecizē” when its source gives no date and the catalogue wrote the programme's start instead
    (``effective_from_status``, audit40 F9), as the open data say."""
    day = shown or f"{value.effective_from:%d.%m.%Y}"
    return f"{day} · **{UNKNOWN_START}**" if value.effective_from_status is PriceStatus.to_verify else day


def unknown_start_note(values: list[PriceValue]) -> str:
    """The sentence under a table with a value of unknown start date (Markdown), else ""."""
    days = sorted({v.effective_from for v in values if v.effective_from_status is PriceStatus.to_verify})
    if not days:
        return ""
    shown = ", ".join(f"{d:%d.%m.%Y}" for d in days)
    return (f"„{UNKNOWN_START}” – avotā (piemēram, pašvaldības cenrādī) nav dots datums, no kura vērtība ir spēkā; "
            f"katalogā ierakstīts programmas sākums ({shown}), tāpēc tas nenozīmē, ka vērtība bija spēkā jau no šīs "
            "dienas.")
