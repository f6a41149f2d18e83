"""The service catalogue pages: an index by support area with filters, and one page per item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import Dated, PriceValue, Service
from generator.site import labels, paths
from generator.site.abbr_first import abbreviation_list, explain_in_html, grammar_list
from generator.site.context import site_date
from generator.site.markdown import anchor_id
from generator.site.offer_text import rows_sentence
from generator.site.pagetemplates import render
from generator.site.round_prices import RoundPrices, children_round_prices
from generator.site.source_refs import SourceRefs


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    recipient: str
    form: str
    unit: str
    impairments: str
    regime: str
    payee: str  # whom the social service pays (the enums' label of the service's payee)
    payee_refs: list[str]  # the methodology lines that say so
    price: PriceValue | None
    price_text: str
    status: str
    offers: list[Offer]  # its rows in the newest children's round's matrix (D61)
    incompatible: list[Service]
    # per children's round whose prices the catalogue knows: its rows in that round's matrix (D61)
    matrices: tuple[tuple[RoundPrices, list[Offer]], ...] = ()
    # an item paid at actual cost within the transport limit (D9): the dated limit, for its date and source
    rule: Dated[Any] | None = None
    # the price's and the transport limit's values dated after the site's date, announced with their day (D185)
    later: tuple[PriceValue, ...] = ()
    later_rules: tuple[Dated[Any], ...] = ()

    @property
    def page(self) -> str:  # relative to katalogs/
        return f"{self.service.id}.md"

    @property
    def html_page(self) -> str:
        return f"{self.service.id}.html"

    @property
    def price_anchor(self) -> str:
        return anchor_id("cena", self.service.id)


def service_rows(catalogue: Catalogue) -> list[ServiceRow]:
    """Every item with the price the site shows as current (the catalogue's latest, ``site_date``), the values
    dated later (announced, D185) and its rows in each children's round's matrix, which carries the prices of the
    round's first service day (D61)."""
    day = site_date(catalogue)
    rounds = [r for r in children_round_prices(catalogue) if r.offers is not None]
    newest = rounds[-1].offers if rounds else tuple(catalogue.offers(day))
    rows = []
    for s in catalogue.sorted_services():
        price = catalogue.price_by_service.get(s.id)
        value = price.at(day) if price else None
        limit = catalogue.programme.transport_share_max if s.transport and not price else None
        rows.append(
            ServiceRow(
                service=s,
                recipient=catalogue.enums.recipients[s.recipient],
                form=catalogue.enums.forms[s.form],
                unit=labels.unit_name(catalogue, s.unit),
                impairments=labels.impairment_names(catalogue, s.impairments),
                regime=catalogue.enums.regimes[s.regime],
                payee=catalogue.enums.payees[s.payee].name_lv,
                payee_refs=list(catalogue.enums.payees[s.payee].atsauces),
                price=value,
                price_text=labels.price_text(value) if price else labels.regime_without_price(catalogue, s, day),
                status=labels.status_long(value.status) if value else "–",
                offers=[o for o in newest or () if o.service.id == s.id],
                incompatible=[catalogue.service_by_id[i] for i in s.incompatible_with if i in catalogue.service_by_id],
                matrices=tuple((r, r.offers_of(s.id)) for r in rounds),
                rule=limit.at(day) if limit else None,
                later=tuple(v for v in price.values if v.effective_from > day) if price else (),
                later_rules=tuple(v for v in limit.values if v.effective_from > day) if limit else (),
            )
        )
    return rows


def _common(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "katalogs": catalogue,
        "datums": site_date(catalogue),
        "lauki": labels.DESCRIPTION_FIELDS,
        "avoti": labels.TEXT_SOURCES,
        "statuss": labels.status_text,
        "cenas_lapa": "../" + paths.PRICES,
        "speka_no": labels.effective_from_cell,
        "sakuma_piezime": labels.unknown_start_note,
        "cena_par_vienibu": labels.price_per_unit,
        "transporta_robeza": labels.transport_limit,
    }


def render_catalogue_pages(catalogue: Catalogue, refs: SourceRefs | None = None) -> dict[str, str]:
    """Markdown of katalogs/index.md and katalogs/<id>.md for every item, by path in the docs folder."""
    refs = refs or SourceRefs([], decisions_page=False)
    rows = service_rows(catalogue)
    areas = [
        (area, [r for r in rows if r.service.area == area.number]) for area in catalogue.enums.support_areas
    ]
    common = _common(catalogue)
    # the index table is HTML: its service names explain their abbreviations themselves (audit30 F19: „ABA”)
    abbreviations = abbreviation_list(paths.methodology_dir(catalogue.root) / paths.ABBREVIATIONS)
    explained: set[str] = set()
    grammar = grammar_list(paths.methodology_dir(catalogue.root) / paths.ABBREVIATIONS)
    names = {r.service.id: explain_in_html(r.service.short_name_lv, abbreviations, explained, grammar=grammar)
             for r in rows}
    pages = {
        paths.CATALOGUE_INDEX: render(
            "katalogs_index.md.j2",
            **common,
            jomas=areas,
            rindas=rows,
            nosaukumi=names,
            sanemeji=catalogue.enums.recipients,
            traucejumi=catalogue.enums.impairments,
            joma_id=lambda n: anchor_id("joma", str(n)),
        )
    }
    for row in rows:
        pages[paths.service_page(row.service.id)] = render(
            "katalogs_pakalpojums.md.j2",
            **common,
            r=row,
            s=row.service,
            joma=labels.area_name(catalogue, row.service.area),
            joma_id=anchor_id("joma", str(row.service.area)),
            rindu_teikums=rows_sentence(row.offers, catalogue.enums.forms),
            vestures_lapa="../" + paths.area_history_page(row.service.area),
            **refs.for_page(paths.service_page(row.service.id)),
        )
    return pages
