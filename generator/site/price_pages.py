"""The price list (cenas.md) and the page of price and rule changes (izmainas.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.models import Dated, Parameter, Price, PriceKind, PriceStatus, PriceValue, Quotas
from generator.site import labels, paths, text
from generator.site.catalogue_pages import ServiceRow, service_rows
from generator.site.context import announced_prices, site_date
from generator.site.labels import effective_from_cell, unknown_start_note
from generator.site.markdown import anchor_id, md
from generator.site.pagetemplates import render
from generator.site.round_prices import RoundPrices, children_round_prices
from generator.site.source_refs import SourceRefs


def price_anchor(price: Price) -> str:
    return anchor_id("cena", price.id)


def parameter_anchor(name: str) -> str:
    return anchor_id("parametrs", name)


def value_amount_text(value: PriceValue) -> str:
    """The figure of one price value, as on the price page (every catalogue decimal kept); an unconfirmed zero is
    „nav zināma” (D106)."""
    if value.amount is not None and labels.unknown_amount(value):
        return labels.UNKNOWN
    if value.amount is not None:
        return text.eur(value.amount)
    if value.min is not None and value.max is not None and value.min != value.max:
        return f"{text.eur(value.min)} – {text.eur(value.max)}"
    if value.min is not None or value.max is not None:  # one bound, or a range whose ends are equal
        return text.eur(value.min if value.min is not None else value.max)
    return "nav noteikta"


def current_price_cell(row: ServiceRow) -> str:
    """The „Cena vai griesti” cell of the prices in force (Markdown): the figure with its unit and kind, and
    „jāprecizē” beside it, so that the figure is never read without it (audit11 F9; a phone shows the row as a card
    with its status line too, D326). A market reference figure (one municipality's price list) is no price: the cell
    says the provider's actual price is paid and the comparison figure is on the history page (D107)."""
    value = row.price
    if value is None:
        return md(row.price_text)
    unconfirmed = unconfirmed_mark(value.status)
    if value.kind is PriceKind.reference:  # no figure in this cell: its status belongs to the comparison figure
        if value.amount is None and value.min is None and value.max is None:
            return md(labels.ACTUAL_PRICE)
        status = " (**jāprecizē**)" if unconfirmed else ""
        return f"{md(labels.ACTUAL_PRICE)}; salīdzinājuma skaitlis{status} – cenu vēsturē"
    if value.amount is not None:
        figure = f"{text.eur(value.amount)} / {row.unit.split(' (')[0]} ({labels.PRICE_KINDS[value.kind]})"
    else:
        figure = labels.price_text(value)
    return md(figure) + unconfirmed


def value_meaning(price: Price, value: PriceValue) -> str:
    """What a history row's figure is: a ceiling, a market reference, or (the group ceiling's transport part) an
    amount deducted from a ceiling."""
    if price.id == GROUP_TRANSPORT_REDUCTION_ID:
        return "atskaita no grupu nodarbības maksimālās cenas"
    return labels.PRICE_KINDS[value.kind]


def parameter_value_text(catalogue: Catalogue, parameter: Parameter[Any], value: object) -> str:
    """A programme parameter's value in words a reader understands (shares as %, money in EUR)."""
    if isinstance(value, Quotas):
        names = {i.id: i.name_lv for i in catalogue.enums.impairments}
        groups = ", ".join(f"{k} g.: {text.integer(v)}" for k, v in value.per_age_group.items())
        shares = ", ".join(f"{names.get(k, k)} {text.percent(v)}" for k, v in value.impairment_share.items())
        return (f"{text.integer(value.per_municipality)} bērni pašvaldībā; vecuma grupās {groups}; "
                f"traucējumu veidi: {shares}")
    if parameter.unit == "daļa" and isinstance(value, Decimal):
        return text.percent(value)
    if parameter.unit == "EUR":
        return text.eur(value)
    if isinstance(value, int) and not isinstance(value, bool) and (parameter.unit or "").endswith(" datums"):
        return parameter.unit.replace(" datums", f" {value}. datums")  # "mēneša 10. datums", an ordinal (D27)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        unit = f" {parameter.unit}" if parameter.unit else ""
        return f"{text.number(value)}{unit}"
    if isinstance(value, str) and value in labels.CODE_VALUES:
        return labels.CODE_VALUES[value]
    return str(value)


UNCONFIRMED = " · **jāprecizē**"
# A market reference figure in the change list is no price that was set or cancelled (D107).
COMPARISON = "salīdzinājuma skaitlis, nevis cena"


def unconfirmed_mark(status: PriceStatus | None) -> str:
    """„· jāprecizē” in the value cell itself: the figure is never read without it (D107, audit30 F3)."""
    return UNCONFIRMED if status is PriceStatus.to_verify else ""


def change_value_cell(value: PriceValue) -> str:
    """A price's value in the change list (Markdown): the figure, what a comparison figure is, and „jāprecizē”."""
    figure = value_amount_text(value)
    if value.kind is PriceKind.ceiling and value.amount is None and value.min is None and value.max is None:
        figure = f"{labels.PRICE_KINDS[value.kind]}: {labels.UNKNOWN}"  # a ceiling in force whose figure is not given
    elif value.kind is PriceKind.reference and figure != "nav noteikta":
        figure = f"{figure} ({COMPARISON})"
    return md(figure) + unconfirmed_mark(value.status)


@dataclass(frozen=True)
class Change:
    day: dt.date
    what: str
    link: str
    before: str  # Markdown: the value cell with its „jāprecizē” mark
    after: str  # Markdown, as before
    source: str
    status: str


def _price_changes(catalogue: Catalogue) -> list[Change]:
    changes = []
    for price in catalogue.prices:
        for old, new in zip(price.values, price.values[1:], strict=False):
            changes.append(Change(new.effective_from, f"{price.id} {price.name_lv}",
                                  history_link(catalogue, price, paths.CHANGES), change_value_cell(old),
                                  change_value_cell(new), new.source, labels.status_text(new.status)))
    return changes


def _parameter_changes(catalogue: Catalogue) -> list[Change]:
    changes = []
    for name in type(catalogue.programme).model_fields:
        parameter: Parameter[Any] = getattr(catalogue.programme, name)
        values: list[Dated[Any]] = parameter.values
        for old, new in zip(values, values[1:], strict=False):
            changes.append(Change(new.effective_from, parameter.name_lv, f"#{parameter_anchor(name)}",
                                  md(parameter_value_text(catalogue, parameter, old.value)) + unconfirmed_mark(old.status),
                                  md(parameter_value_text(catalogue, parameter, new.value)) + unconfirmed_mark(new.status),
                                  new.source,
                                  labels.status_text(new.status)))
    return changes


def history_page(catalogue: Catalogue, price: Price) -> str:
    """The docs path of the page that holds ``price``'s history (one page per support area)."""
    service = catalogue.service_by_id.get(price.service or "")
    return paths.area_history_page(service.area) if service else paths.PARAMETER_HISTORY


def history_link(catalogue: Catalogue, price: Price, from_page: str) -> str:
    """A relative Markdown link from the docs page ``from_page`` to ``price``'s history."""
    depth = from_page.count("/")
    return "../" * depth + f"{history_page(catalogue, price)}#{price_anchor(price)}"


def history_pages(catalogue: Catalogue) -> list[tuple[str, str, list[Price]]]:
    """(docs path, title, prices) of every price history page, in navigation order."""
    ordered = sorted(catalogue.prices, key=lambda p: (p.service is None, _sort_key(p.service or p.id)))
    pages = []
    for area in catalogue.enums.support_areas:
        prices = [p for p in ordered if history_page(catalogue, p) == paths.area_history_page(area.number)]
        if prices:
            pages.append((paths.area_history_page(area.number), f"{area.number}. joma: {area.name_lv}", prices))
    others = [p for p in ordered if history_page(catalogue, p) == paths.PARAMETER_HISTORY]
    if others:
        pages.append((paths.PARAMETER_HISTORY, "Cenu parametri", others))
    return pages


def render_prices(catalogue: Catalogue, refs: SourceRefs | None = None) -> dict[str, str]:
    """The price page (prices in force, group ceiling, parameters) and one history page per area."""
    refs = refs or SourceRefs([], decisions_page=False)
    day = site_date(catalogue)
    base = catalogue.price_by_id.get(GROUP_CEILING_ID)
    reduction = catalogue.price_by_id.get(GROUP_TRANSPORT_REDUCTION_ID)
    ceiling, ceiling_status = catalogue.group_ceiling(day)
    service_ids = set(catalogue.service_by_id)
    parameters = [p for p in sorted(catalogue.prices, key=lambda p: p.id) if p.service not in service_ids]
    histories = history_pages(catalogue)
    rows = service_rows(catalogue)
    common = {
        "summa": value_amount_text,
        "nozime": value_meaning,
        "statuss": labels.status_text,
        "veids": labels.PRICE_KINDS,
        "enkurs": price_anchor,
        "mervieniba": lambda unit: labels.unit_name(catalogue, unit),
        "rezims": lambda regime: catalogue.enums.regimes[regime],
        "speka_no": effective_from_cell,
    }
    pages = {}
    for path, title, prices in histories:
        pages[path] = render("cenu_vesture.md.j2", **common, virsraksts=title, cenas=prices, datums=day,
                             sakuma_piezime=unknown_start_note,
                             diena=dt.timedelta(days=1), parskats="../" + paths.PRICES,
                             izmainu_lapa="../" + paths.CHANGES, **refs.for_page(path))
    pages[paths.PRICES] = render(
        "cenas.md.j2",
        **common,
        **refs.for_page(paths.PRICES),
        datums=day,
        rindas=rows,
        sakums_nezinams=unknown_start_note([v for v in (*(r.price for r in rows), base.at(day) if base else None,
                                                        reduction.at(day) if reduction else None,
                                                        *(p.at(day) for p in parameters)) if v is not None]),
        griesti=ceiling,
        griesti_teksts=labels.group_ceiling_text(catalogue, day),
        dala_nezinama=reduction is not None and labels.unknown_amount(reduction.at(day)),
        griestu_statuss=labels.status_text(ceiling_status),
        cenas_suna=current_price_cell,
        pamata=base.at(day) if base else None,
        samazinajums=reduction.at(day) if reduction else None,
        cenu_parametri=[(p, p.at(day)) for p in parameters],
        vestures=[(path, title) for path, title, _ in histories],
        vestures_saite=lambda price: history_link(catalogue, price, paths.PRICES),
        cena_pec_pakalpojuma=catalogue.price_by_service,
        matricas=matrix_prices(catalogue),
        matricas_suna=matrix_cell,
        izzinotas=announced_changes(catalogue, day, rows),
        transporta_robeza=labels.transport_limit,
        griesti_izmainas=labels.ceiling_changes(catalogue, day, in_brackets=False),
    )
    return pages


def announced_changes(catalogue: Catalogue, day: dt.date, rows: list[ServiceRow]) -> list[tuple[str, Any, Any]]:
    """What takes effect after ``day`` (D185), by date and code: ("cena", Announced, its value) for a price and
    ("robeza", ServiceRow, its value) for a later transport limit of an item paid at actual cost – the service
    rows' ``later_rules``, the values its catalogue page announces."""
    prices = [("cena", a, a.value) for a in announced_prices(catalogue, day)]
    limits = [("robeza", r, v) for r in rows for v in r.later_rules]
    return sorted([*prices, *limits],
                  key=lambda e: (e[2].effective_from, e[1].code if e[0] == "cena" else e[1].service.id))


@dataclass(frozen=True)
class MatrixPrices:
    """The prices of one children's round's matrix (D61): per item, the value in force on its first service day."""

    round: RoundPrices
    values: dict[str, PriceValue | None]
    group_ceiling: str  # the group sessions' ceiling in words ("25,93 EUR (jāprecizē)")


def matrix_cell(value: PriceValue | None, fallback: str) -> str:
    """A price in a round's matrix column: its figure and, when not confirmed, „jāprecizē"; ``fallback`` (the item's
    regime in words) when the item has no price value that day."""
    if value is None:
        return fallback
    figure = value_amount_text(value)
    if value.kind is PriceKind.reference or (value.amount is None and value.min is None and value.max is None):
        figure = labels.price_text(value)  # a reference figure is said to be one („salīdzinājumam …”)
    return figure + (" (jāprecizē)" if value.status is PriceStatus.to_verify else "")


def matrix_prices(catalogue: Catalogue) -> list[MatrixPrices]:
    """Per children's round whose prices the catalogue knows, every item's price in its matrix."""
    result = []
    for priced in children_round_prices(catalogue):
        if priced.offers is None:
            continue
        values = {}
        for service in catalogue.sorted_services():
            price = catalogue.price_by_service.get(service.id)
            values[service.id] = price.at(priced.day) if price else None
        result.append(MatrixPrices(priced, values, labels.group_ceiling_text(catalogue, priced.day)))
    return result


def _sort_key(ident: str) -> tuple[Any, ...]:
    parts = ident.split(".")
    return tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in parts)


@dataclass(frozen=True)
class MunicipalityRow:
    """A dated change a municipality looks for on the changes page (audit39 F2): a round that begins with its
    municipalities and funding, or a municipality's or social service's new name from its day."""

    day: dt.date
    what: str
    before: str
    after: str
    source: str
    status: PriceStatus


def municipality_rows(catalogue: Catalogue) -> list[MunicipalityRow]:
    """Rounds and dated names, newest first."""
    from generator.catalogue.municipality_names import KINDS
    from generator.lvformat import eur

    shown = {m.id: m.name_lv for m in catalogue.municipalities.municipalities}
    rows = []
    for round_ in catalogue.rounds:
        # each by its name in force when the round starts (D189), not the pilot-time name; an unknown id as it is
        joined = ", ".join(catalogue.name_on(m, round_.start) if m in shown else m for m in round_.municipalities)
        rows.append(MunicipalityRow(round_.start, f"Kārta „{round_.name_lv}” ({round_.start:%d.%m.%Y}–"
                                    f"{round_.end:%d.%m.%Y})", "–",
                                    f"pašvaldības: {joined}; finansējums: "
                                    f"{eur(round_.envelope.amount) if round_.envelope.amount is not None else 'nav zināms'}",
                                    round_.envelope.source or round_.source, round_.envelope.status))
    names = catalogue.municipality_names.names if catalogue.municipality_names else {}
    for municipality_id, entry in names.items():
        for kind, noun in KINDS.items():
            dated = getattr(entry, kind)
            for previous, name in zip(dated, dated[1:], strict=False):
                if name.valid_from is None or name.name == previous.name:
                    continue
                rows.append(MunicipalityRow(name.valid_from, f"{noun.capitalize()} nosaukums "
                                            f"({shown.get(municipality_id, municipality_id)})",
                                            previous.name, name.name, name.source, name.status))
    return sorted(rows, key=lambda r: (r.day, r.what), reverse=True)


def render_changes(catalogue: Catalogue, refs: SourceRefs | None = None) -> str:
    refs = refs or SourceRefs([], decisions_page=False)
    day = site_date(catalogue)
    changes = sorted(_price_changes(catalogue) + _parameter_changes(catalogue), key=lambda c: (c.day, c.what),
                     reverse=True)
    parameters = []
    for name in type(catalogue.programme).model_fields:
        parameter: Parameter[Any] = getattr(catalogue.programme, name)
        current = parameter.at(day)
        parameters.append((name, parameter, current, md(parameter_value_text(catalogue, parameter, current.value))
                           + unconfirmed_mark(current.status)))
    first = min(v.effective_from for p in catalogue.prices for v in p.values)
    return render(
        "izmainas.md.j2",
        **refs.for_page(paths.CHANGES),
        datums=day,
        izmainas=changes,
        parametri=parameters,
        enkurs=parameter_anchor,
        statuss=labels.status_text,
        sakums=first,
        cenas_lapa=paths.PRICES,
        pasvaldibas=municipality_rows(catalogue),
        japrecize=unconfirmed_mark,
    )
