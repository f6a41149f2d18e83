"""The site's IB calculator (page "IB kalkulators"): its data file and its page.

The calculator (site/assets/javascripts/ibm-kalkulators.js) computes in the browser what the IBM
matrix computes for one child, with no server. Everything it needs from the catalogue is written at
build time into ``assets/javascripts/ibm-kalkulators-dati.js`` (a script, not a JSON file, so that
the site also works when opened from a file system): the offers of the matrix's sheet 6.8 with
their ceilings and statuses, the programme parameters, the programme rounds with their reporting
periods, and the Latvian message texts.

The message texts have one source, the reference (generator/reference): each template is the
reference's own message rendered with sentinel values that are then replaced by placeholders
(``{nr}``, ``{cena}`` …), so the calculator says exactly what the matrix and the reference say.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import Pilot
from generator.lvformat import date as lv_date
from generator.lvformat import eur, percent
from generator.reference.findings import Severity
from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.reference.rules import check_incompatible, check_prices, check_transport_share
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.site.nav import NavPage
from generator.site.pagetemplates import render

PAGE = "kalkulators.md"
SCRIPT = "assets/javascripts/ibm-kalkulators.js"
FORM_SCRIPT = "assets/javascripts/ibm-kalkulators-forma.js"
DATA_SCRIPT = "assets/javascripts/ibm-kalkulators-dati.js"
STYLE = "assets/stylesheets/ibm-kalkulators.css"
DATA_GLOBAL = "IBM_KALKULATORA_DATI"
AMOUNTS_CHAPTER = "ib-apmeri-un-posmi.md"  # the methodology chapter on IB amounts (catalogue/metodika/)


@dataclass(frozen=True)
class ReportingPeriod:
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Round:
    id: str
    name: str
    periods: tuple[ReportingPeriod, ...]


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, 1) if day.day == 1 else day.replace(year=day.year + year,
                                                                                     month=month + 1)


def _half_years(start: dt.date, end: dt.date) -> tuple[ReportingPeriod, ...]:
    """Reporting periods of 6 months from the services window's first day (L1073–L1075, D21)."""
    periods = []
    first = start
    while first <= end:
        nxt = _add_months(first, 6)
        periods.append(ReportingPeriod(first, min(end, nxt - dt.timedelta(days=1))))
        first = nxt
    return tuple(periods)


def children_rounds(catalogue: Catalogue) -> list[Round]:
    """The children's programme rounds with their reporting periods (D21)."""
    rounds = []
    for pilot in catalogue.municipalities.pilots:
        if pilot.id is not Pilot.children or pilot.services_start is None or pilot.services_end is None:
            continue
        rounds.append(Round(str(pilot.id), pilot.name_lv, _half_years(pilot.services_start, pilot.services_end)))
    return rounds


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def offer_data(offer: Offer) -> dict[str, Any]:
    service = offer.service
    return {
        "kods": offer.id,
        "nosaukums": offer.label,
        "pakalpojums": service.id,
        "joma": service.area,
        "forma": str(offer.form.value),
        "mervieniba": service.unit,
        "transports": bool(service.transport),
        "dienas": service.day_service,
        "nesavietojams": list(service.incompatible_with),
        "griesti": _money(offer.ceiling),
        "griestuStatuss": None if offer.ceiling_status is None else str(offer.ceiling_status.value),
        "cena": _money(offer.prefill_price),
    }


# --- message templates rendered by the reference ---------------------------------------------------

LABEL = "\u27e6NOSAUKUMS\u27e7"
LABEL_B = "\u27e6NOSAUKUMS2\u27e7"
INDEX, INDEX_B = 9875, 9876  # shown as "9876. rinda", "9877. rinda"
PRICE, CEILING = Decimal("987654.32"), Decimal("876543.21")


def _replace(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        if old not in text:
            raise ValueError(f"ziņojuma veidnē nav atrasts '{old}': {text}")
        text = text.replace(old, new)
    return text


def _line(label: str, **values: Any) -> PlanLine:
    return PlanLine(offer_id="x", label=label, units=Decimal(1), **values)


def _padded(*lines: tuple[int, PlanLine]) -> list[PlanLine]:
    """Lines placed at the given indices of a list of empty lines (so messages name those rows)."""
    result: list[PlanLine] = [PlanLine(offer_id=None) for _ in range(max(i for i, _ in lines) + 1)]
    for index, line in lines:
        result[index] = line
    return result


def _row(index: int, label: str, name: str) -> tuple[str, str]:
    return f"{index + 1}. rinda ({label})", "{" + name + "}"


def message_templates(params: Params) -> dict[str, str]:
    """Latvian message texts with placeholders, rendered by the reference's own rule checks."""
    templates: dict[str, str] = {}
    (price,) = check_prices(_padded((INDEX, _line(LABEL, unit_price=PRICE, ceiling=CEILING))))
    templates["price_above_ceiling"] = _replace(price.message, [
        _row(INDEX, LABEL, "rinda"), (eur(PRICE), "{cena}"), (eur(CEILING), "{griesti}")])
    a = _line(LABEL, service_id="s1", incompatible_with=("s2",))
    b = _line(LABEL_B, service_id="s2")
    (pair,) = check_incompatible(_padded((INDEX, a), (INDEX_B, b)))
    templates["incompatible"] = _replace(pair.message, [_row(INDEX, LABEL, "rinda"), _row(INDEX_B, LABEL_B, "rinda2")])
    # One transport line of 1 EUR and one other line of 2 EUR: the share is one third.
    share_lines = [_line(LABEL, unit_price=Decimal(1), transport=True), _line(LABEL_B, unit_price=Decimal(2))]
    strict = params.replace(transport_share_max=Decimal("0.01"))
    (transport,) = check_transport_share(share_lines, strict)
    templates["transport_share"] = _replace(transport.message, [
        (percent(Decimal(1) / Decimal(3), 1), "{dala}"), (percent(Decimal("0.01")), "{griesti}")])
    templates.update(_eligibility_templates(params))
    return templates


def _eligibility_templates(params: Params) -> dict[str, str]:
    """The not_eligible error for a child too old and for a child born after the check date."""
    start = dt.date(2001, 3, 4)
    result = {}
    for key, birth in (("not_eligible_age", dt.date(1900, 1, 2)), ("not_eligible_born", dt.date(2002, 5, 6))):
        inputs = WorkbookInputs(birth_date=birth, period_start=start, months=1, special_care=False,
                                impairment=None, lines=())
        finding = next(f for f in evaluate_workbook(inputs, params).findings if f.code == "not_eligible")
        pairs = [(lv_date(birth), "{dzimis}"), (lv_date(start), "{sakums}")]
        if key == "not_eligible_age":
            pairs.append(("101 gadi", "{vecums} gadi"))
        result[key] = _replace(finding.message, pairs)
    return result


# --- the data file and the page --------------------------------------------------------------------


def calculator_data(catalogue: Catalogue) -> dict[str, Any]:
    """Everything the calculator needs, from the catalogue on the site's date (as in the matrix)."""
    day = catalogue.latest_date
    params = Params.from_catalogue(catalogue, day)
    base_value = catalogue.programme.base_amount.at(day)
    return {
        "versija": catalogue.version,
        "datums": day.isoformat(),
        "parametri": {
            "bazesApmers": _money(params.base_amount),
            "bazesApmeraStatuss": str(getattr(base_value, "status", "") or ""),
            "likmePilna": _money(params.rate_full),
            "likmeSamazinata": _money(params.rate_reduced),
            "pilnasLikmesVecums": params.full_rate_max_age,
            "vecumaRobeza": params.eligibility_age_limit,
            "transportaDala": _money(params.transport_share_max),
            "ekspertuSvars": _money(params.expert_weight),
            "vecakuSvars": _money(params.parent_weight),
            "menesiMax": params.period_months_max,
        },
        "kartas": [
            {"id": r.id, "nosaukums": r.name,
             "periodi": [{"sakums": p.start.isoformat(), "beigas": p.end.isoformat()} for p in r.periods]}
            for r in children_rounds(catalogue)
        ],
        "pakalpojumi": [offer_data(o) for o in catalogue.offers(day)],
        "teksti": message_templates(params),
        "smagums": {"kļūda": Severity.error.value, "brīdinājums": Severity.warning.value},
    }


def data_script(catalogue: Catalogue) -> str:
    payload = json.dumps(calculator_data(catalogue), ensure_ascii=False, indent=1, sort_keys=True)
    return (f"/* IB kalkulatora dati: ģenerēti no kataloga (ibm build), nelabot ar roku. */\n"
            f"window.{DATA_GLOBAL} = {payload};\n")


def render_calculator(catalogue: Catalogue, methodology_pages: list[NavPage]) -> dict[str, str]:
    """The page and its data script, keyed by their paths in the rendered docs folder."""
    data = calculator_data(catalogue)
    chapter = next((p for p in methodology_pages if p.file == AMOUNTS_CHAPTER), None)
    page = render("kalkulators.md.j2", dati=data, skripts=SCRIPT, formas_skripts=FORM_SCRIPT,
                  datu_skripts=DATA_SCRIPT, stils=STYLE, metodikas_lapa=chapter)
    return {PAGE: page, DATA_SCRIPT: data_script(catalogue)}
