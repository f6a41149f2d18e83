"""Figures a person signs: a confirmed value is printed as the figure, an unconfirmed one (status
`jāprecizē`, or no amount) as a blank to fill in, with a note saying where the confirmed value comes from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from generator import lvformat
from generator.catalogue.catalogue import (
    GROUP_CEILING_ID,
    GROUP_TRANSPORT_REDUCTION_ID,
    Catalogue,
    group_ceiling_of,
)
from generator.catalogue.legal_acts import ActKind, LegalActs
from generator.catalogue.models import Price, PriceScope, PriceStatus, PriceValue, Regime
from generator.reference.plan_changes import confirming_value, withdrawing_value

BLANK_EUR = "______ EUR"
BLANK = "______"
TITLE_BLANK = f"„{BLANK}”"  # a regulation's title the catalogue does not give (citation)
REGULATED = (Regime.regulation, Regime.delegated_contract)


@dataclass(frozen=True)
class Figure:
    """A value as printed: ``text`` is the formatted figure or a blank; ``note`` is set for a blank."""

    text: str
    note: str | None = None

    @property
    def confirmed(self) -> bool:
        return self.note is None

    def __str__(self) -> str:
        return self.text


def money(amount: Decimal | None, status: PriceStatus | None, where_confirmed: str) -> Figure:
    if amount is None or status is not PriceStatus.confirmed:
        return Figure(BLANK_EUR, where_confirmed)
    return Figure(lvformat.eur(amount))


_SEED_LINE = re.compile(r"^metodika L\d+(?:[–-]L?\d+)?$")
_INTERNAL_NOTE = re.compile(r"\s*\((?:[^()]*avotā nav dots[^()]*|anotācija [^()]*)\)")
_BARE_ANNEX = re.compile(r"^(\d+(?:\.\d+)*)\.\s?pielikums\b")


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at the semicolons that are not inside parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


# a Cabinet regulation as the price files name it: "MK 16.06.2015 noteikumi Nr. 313" (date, number)
_SHORT_REGULATION = re.compile(r"\bMK (\d{2})\.(\d{2})\.(\d{4}) noteikumi Nr\. (\d+)\b")


def _full_names(acts: LegalActs) -> dict[tuple[dt.date, str], str]:
    """The Cabinet regulations of tiesibu-akti.yaml by (adoption day, number) -> the full name (nominative)."""
    names: dict[tuple[dt.date, str], str] = {}
    for act in acts.acts:
        number = re.search(r"\bNr\. (\d+)\b", act.forms.nominative)
        if act.kind is ActKind.cabinet_regulation and act.adopted is not None and number is not None:
            names[(act.adopted, number.group(1))] = act.forms.nominative
    return names




def regulation_name(adopted: dt.date, number: str) -> str:
    """A Cabinet regulation by its day and number, as its full name begins: "Ministru kabineta 2012. gada 18.
    decembra noteikumi Nr. 942"."""
    return (f"Ministru kabineta {adopted.year}. gada {adopted.day}. {lvformat.MONTHS_OF[adopted.month - 1]} noteikumi "
            f"Nr. {number}")


def citation(source: str, acts: LegalActs | None = None) -> str:
    """A catalogue source as a signer reads it: the act, contract or methodology annex that sets the price,
    without the catalogue's own provenance notes (line numbers in the seed text, "avotā nav dots", the id of a
    draft's annotation); a bare annex number names the methodology it belongs to; "Nr." is followed by a space.
    With ``acts`` (tiesibu-akti.yaml), a Cabinet regulation named short ("MK 16.06.2015 noteikumi Nr. 313") is cited
    by its full name from there, the one source of an act's name; one the catalogue does not list, in the same form
    with its title a blank (audit28 F9)."""
    names = _full_names(acts) if acts is not None else None

    def full(match: re.Match[str]) -> str:
        day, month, year, number = match.groups()
        adopted = dt.date(int(year), int(month), int(day))
        # not in the catalogue: the same form, its title a blank the lawyer fills in from likumi.lv
        return names.get((adopted, number), f"{regulation_name(adopted, number)} {TITLE_BLANK}")

    parts: list[str] = []
    for part in _top_level_parts(source):
        part = _INTERNAL_NOTE.sub("", part).strip()
        if not part or _SEED_LINE.match(part):
            continue
        part = lvformat.spaced_number_sign(_BARE_ANNEX.sub(r"IBM metodikas \1. pielikums", part))
        if names is not None:
            part = _SHORT_REGULATION.sub(full, part)
        if part not in parts:
            parts.append(part)
    return "; ".join(parts)


def unproven_acts(acts: LegalActs | None, source: str, day: dt.date) -> tuple[str, ...]:
    """The acts of tiesibu-akti.yaml whose full name a price's ``source`` (``citation``) holds and which the catalogue
    does not know to be in force on ``day`` (LegalAct.known_in_force_on, D42), each by its short name: a Cabinet
    regulation by its day and number, another act by its full name."""
    if acts is None:
        return ()
    found: list[str] = []
    for act in acts.acts:
        if act.forms.nominative not in source or act.known_in_force_on(day):
            continue
        number = re.search(r"\bNr\. (\d+)\b", act.forms.nominative)
        short = (regulation_name(act.adopted, number.group(1))
                 if act.kind is ActKind.cabinet_regulation and act.adopted is not None and number is not None
                 else act.forms.nominative)
        if short not in found:
            found.append(short)
    return tuple(found)


@dataclass(frozen=True)
class PriceRow:
    label: str
    unit: str
    regime: str
    source: str
    price: Figure
    offers: frozenset[str] = frozenset()  # the 6.8 items (offer ids) whose price this row caps
    group: bool = False  # the group-session ceiling (not a regulated service's own price)
    # the acts of tiesibu-akti.yaml the source cites that the catalogue does not know in force on the prices day,
    # by their short name ("Ministru kabineta 2015. gada 16. jūnija noteikumi Nr. 313"; audit43 F9)
    unproven_acts: tuple[str, ...] = ()
    # when the service's ceiling changes within the term (D218): the days this row's price is in force, "spēkā no
    # 01.01.2023 līdz 31.03.2023" or, the last one, "spēkā no 01.04.2023"; "" when one price holds the whole term
    in_force: str = ""

    @property
    def blank(self) -> bool:
        """The whole price is a blank "______ EUR" (not a confirmed figure with an open part, group_figure)."""
        return self.price.text == BLANK_EUR

    @property
    def source_unconfirmed(self) -> bool:
        """The annex may not present this row's source as the one in force on the prices day (audit35a F5): its price
        is a blank (the catalogue confirms neither the figure nor that the cited document gives it that day) or it
        cites an act the catalogue does not know in force then (``unproven_acts``). The column says „avots
        jāprecizē”, and a heading over such rows only does not date them – in papers whose round's rules are not the
        methodology that cites these sources (cenu_pielikums.html.j2)."""
        return self.blank or bool(self.unproven_acts)

    @property
    def deduction_blank(self) -> str:
        """The words of the blank when the group ceiling's confirmed base is printed and only the client's transport
        part is open ("atskaitot klienta transporta daļu ______ EUR"), else ""."""
        return DEDUCTION_BLANK if DEDUCTION_BLANK in self.price.text else ""

    @property
    def deduction_base(self) -> str:
        """The confirmed figure the client's transport part is still to be taken from ("25,93 EUR") while that part is
        open (deduction_blank), else "": the child's 02 and 03 bind the group price to it (D275)."""
        return self.price.text.split(f", {DEDUCTION_BLANK}")[0] if self.deduction_blank else ""

    @property
    def title_blank(self) -> bool:
        """The source cites a Cabinet regulation the catalogue does not name (``citation``): its title is a blank
        "„______”" the lawyer writes in from likumi.lv, and the annex says so (review7 R7-2)."""
        return TITLE_BLANK in self.source

    @property
    def redaction_dated(self) -> bool:
        """The source names an act's redaction by the day it took effect ("(redakcija, kas ir spēkā no 01.04.2023)"):
        the redaction of the prices day, which the annex's note says (audit45 F4)."""
        return _REDACTION.search(self.source) is not None

    @property
    def untitled_acts(self) -> tuple[str, ...]:
        """The Cabinet regulations whose title is the blank, each by its day and number in the genitive ("Ministru
        kabineta 2021. gada 18. maija noteikumu Nr. 316"): the preparer's line names which act's title the catalogue
        lacks (audit45 F10)."""
        return tuple(m.group(1).replace(" noteikumi Nr. ", " noteikumu Nr. ")
                     for m in _UNTITLED.finditer(self.source))


# a redaction named by its first day (prices/*.yaml sources)
_REDACTION = re.compile(r"redakcija, kas ir spēkā no \d{2}\.\d{2}\.\d{4}")
# a regulation cited by day and number with its title a blank (citation)
_UNTITLED = re.compile(r"(Ministru kabineta \d{4}\. gada \d{1,2}\. \w+ noteikumi Nr\. \d+) " + re.escape(TITLE_BLANK))


class PriceList(list[PriceRow]):
    """The rows of the price annex of 02 and 03. A municipality's blank contract lists them all; a child's
    provider gets only the rows of the services it delivers in the plan (audit10 F5, D102): ``for_lines``."""

    def for_lines(self, lines: Iterable[object]) -> list[PriceRow]:
        """The rows that cap the price of one of ``lines`` (objects with an ``offer_id``), in annex order."""
        chosen = {getattr(line, "offer_id", "") for line in lines} - {""}
        return [row for row in self if row.offers & chosen]


def values_in_term(price: Price | None, day: dt.date, until: dt.date | None) -> list[tuple[PriceValue | None, dt.date]]:
    """The values of ``price`` in force from ``day`` to ``until`` (the contract's term), each with the day it takes
    effect: the one in force on ``day`` (None when there is none yet), then every later one that takes effect by
    ``until``. Without ``until``, only the first."""
    first = price.at(day) if price else None
    found: list[tuple[PriceValue | None, dt.date]] = [(first, first.effective_from if first else day)]
    if price is not None and until is not None:
        found += [(v, v.effective_from) for v in price.values if day < v.effective_from <= until]
    return found


def papers_values(price: Price | None, found: list[tuple[PriceValue | None, dt.date]],
                  on: dt.date | None) -> list[tuple[PriceValue | None, dt.date]]:
    """``found`` (values_in_term) as papers made on ``on`` print them (D291, D296, D301): a „jāprecizē” value that the
    entry in force on ``on`` confirms at the same number is that confirmed entry, and a value followed by the same one
    is one row from the first's day – a same-number confirmation by the papers' day is no change in the term."""
    if price is None or on is None:
        return found
    merged: list[tuple[PriceValue | None, dt.date]] = []
    for value, start in found:
        value = (papers_value(price, start, on) or value) if value is not None else None
        if merged and value is not None and _same_or_none(merged[-1][0], value):
            continue
        merged.append((value, start))
    return merged


def papers_value(price: Price, day: dt.date, on: dt.date | None) -> PriceValue | None:
    """The entry papers made on ``on`` print for ``price``'s entry of ``day`` when the one in force on ``on`` confirms
    it at the same number (plan_changes.confirming_value, D301) or withdraws its confirmation at the same number – a
    blank citing the withdrawing entry's source, not the withdrawn confirmation's document (withdrawing_value, D318) –,
    else None."""
    if on is None:
        return None
    return confirming_value(price, day, on) or withdrawing_value(price, day, on)


def _same_or_none(one: PriceValue | None, other: PriceValue | None) -> bool:
    """Whether two entries print the same row: kind, amounts, status and source (two missing entries too)."""
    if one is None or other is None:
        return one is other
    return ((one.kind, one.amount, one.min, one.max, one.status, one.source)
            == (other.kind, other.amount, other.min, other.max, other.status, other.source))


def in_force_text(start: dt.date, following: dt.date | None) -> str:
    """"spēkā no 01.01.2023 līdz 31.03.2023" (the day before the next value), or "spēkā no 01.04.2023" for the last."""
    text = f"spēkā no {lvformat.date(start)}"
    return f"{text} līdz {lvformat.date(following - dt.timedelta(days=1))}" if following else text


def regulated_prices(catalogue: Catalogue, day: dt.date, until: dt.date | None = None, *,
                     papers_day: dt.date | None = None) -> PriceList:
    """Every service whose price a normative act or a delegation contract sets, and the group-session ceiling
    (L1691–L1697): the figure when confirmed, otherwise a blank and the act that gives the figure. Each row
    knows the offers it caps: every form of a regulated service; for the group ceiling, the group sessions of
    market-priced services (catalogue.offers). ``until``: the last day of the contract's term that starts on
    ``day``: a service whose price changes by then has a row for every price in force in the term, each with its
    days (``in_force``, D218); one price for the whole term is one row, as without ``until``. ``papers_day``: the day
    the papers are made – a value the catalogue's entry in force then confirms at the same number is printed as
    that confirmed figure, and one row with it (papers_values, D301)."""
    units = {u.id: u.name_lv for u in catalogue.enums.units}
    offers = catalogue.offers(day)
    rows = PriceList()
    for service in catalogue.sorted_services():
        if service.regime not in REGULATED:
            continue
        price = catalogue.price_by_service.get(service.id)
        found = papers_values(price, values_in_term(price, day, until), papers_day)
        for index, (value, start) in enumerate(found):
            source = citation(value.source, catalogue.legal_acts) if value else "avots katalogā nav norādīts"
            figure = money(value.amount if value else None, value.status if value else None,
                           f"cenu ieraksta pēc šī avota: {source}")
            following = found[index + 1][1] if index + 1 < len(found) else None
            rows.append(PriceRow(f"{service.id} {service.short_name_lv}", units.get(service.unit, service.unit),
                                 catalogue.enums.regimes[service.regime], source, figure,
                                 frozenset(o.id for o in offers if o.service.id == service.id),
                                 unproven_acts=unproven_acts(catalogue.legal_acts, source, max(day, start)),
                                 in_force=in_force_text(start, following) if len(found) > 1 else ""))
    base = catalogue.price_by_id[GROUP_CEILING_ID]
    reduction = catalogue.price_by_id[GROUP_TRANSPORT_REDUCTION_ID]
    # the ceiling is the base less the reduction: it changes on the day either part does (D218)
    changes = sorted({v.effective_from for price in (base, reduction) for v in price.values
                      if until is not None and day < v.effective_from <= until})
    # each part as papers made on papers_day print it: confirmed at the same number by then is that entry (D301), and
    # a term whose parts so stay the same is one row
    periods: list[tuple[dt.date, PriceValue | None, PriceValue | None]] = []
    for start in [day, *changes]:
        parts_on = tuple((papers_value(price, start, papers_day) or price.at(start)) for price in (base, reduction))
        if periods and all(_same_or_none(was, now) for was, now in zip(periods[-1][1:], parts_on, strict=True)):
            continue
        periods.append((start, *parts_on))
    # the items the ceiling caps and their description are the catalogue's scope (`applies_to`), as on sheet 6.8
    # and in `ibm changes` (review5 F10)
    scope = base.applies_to
    capped = frozenset(o.id for o in offers if scope is not None and scope.covers(o.service, o.form))
    for index, (start, base_value, reduction_value) in enumerate(periods):
        ceiling, status = group_ceiling_of(base_value, reduction_value)
        parts = [v for v in (base_value, reduction_value) if v is not None]
        source = citation("; ".join(v.source for v in parts)) or "avots katalogā nav norādīts"
        first = max((v.effective_from for v in parts), default=start) if index == 0 else start
        following = periods[index + 1][0] if index + 1 < len(periods) else None
        rows.append(PriceRow(
            f"Grupu nodarbība ({scope_text(catalogue, scope)}) – augstākā cena, no kuras atskaitīta klienta "
            "transporta daļa", units.get(base.unit, base.unit), "grupu nodarbību augstākā cena", source,
            group_figure(ceiling, status, base_value, source), capped, group=True,
            in_force=in_force_text(first, following) if len(periods) > 1 else ""))
    return rows


DEDUCTION_BLANK = f"atskaitot klienta transporta daļu {BLANK_EUR}"


def group_figure(ceiling: Decimal | None, status: PriceStatus, base: PriceValue | None, source: str) -> Figure:
    """The group-session ceiling as the annex prints it: the figure when both parts are confirmed; while only the
    client's transport part is open, the confirmed base and the part as a blank ("25,93 EUR, atskaitot klienta
    transporta daļu ______ EUR", audit29 F4), never the whole figure hidden behind a blank; else a blank."""
    figure = money(ceiling, status, f"cenu ieraksta pēc šī avota: {source}")
    if figure.confirmed or base is None or base.amount is None or base.status is not PriceStatus.confirmed:
        return figure
    return Figure(f"{lvformat.eur(base.amount)}, {DEDUCTION_BLANK}",
                  f"klienta transporta daļu ieraksta pēc šī avota: {source}")


# a price regime's label in the genitive, as in "tirgus cenas pakalpojumi" (enums.yaml regimes: "tirgus cena")
REGIME_GENITIVE = {Regime.market: "tirgus cenas", Regime.regulation: "normatīvajos aktos noteiktas cenas",
                   Regime.delegated_contract: "deleģēšanas līgumā noteiktas cenas",
                   Regime.actual_cost: "faktisko izmaksu"}


def scope_text(catalogue: Catalogue, scope: PriceScope | None) -> str:
    """The services a price parameter caps, in words: "tirgus cenas pakalpojumi, ko sniedz grupā"."""
    if scope is None:
        return "pakalpojumi, uz kuriem tā attiecas, katalogā nav norādīti"
    regimes = " vai ".join(REGIME_GENITIVE[r] for r in scope.regimes)
    forms = " vai ".join(catalogue.enums.forms[f] for f in scope.forms)
    return f"{regimes} pakalpojumi, ko sniedz {forms}"
