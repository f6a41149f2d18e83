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

import calendar
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Collection
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import Pilot
from generator.lvformat import agree, eur, percent
from generator.lvformat import date as lv_date
from generator.lvformat import number as lv_number
from generator.lvformat import version as lv_version
from generator.no_such_day import LV, no_such_day
from generator.programme_scope import PROGRAMME_WORDS
from generator.reference.findings import Severity
from generator.reference.inputs import (
    CENTS_TEXT,
    above_max_text,
    above_max_units_text,
    check_whole_units,
    units_shown,
)
from generator.reference.lines import ACTUAL_COST_UNIT, PLAN_LINES, PlanLine, fixed_unit_price
from generator.reference.params import Params
from generator.reference.plan import line_cost
from generator.reference.provisional import age_in_years
from generator.reference.rounds import add_months, last_end_before, plan_end
from generator.reference.rules import (
    CALENDAR_DAY,
    CEILING_OPEN_CASES,
    HOUR,
    HOURS_A_DAY,
    PERIOD_LIMITED_UNITS,
    UNBOUNDED_UNITS,
    WORKING_DAY,
    check_actual_cost_prices,
    check_day_care_sessions,
    check_implausible_prices,
    check_incompatible,
    check_line_above_provisional,
    check_line_count,
    check_missing_prices,
    check_prices,
    check_transport_share,
    check_unconfirmed_ceilings,
    check_unit_limits,
    period_unit_limits,
    unconfirmed_why,
    units_text,
)
from generator.reference.workbook import (
    PRICES_ADVICE,
    SOURCE_CELLS,
    WorkbookInputs,
    check_base,
    check_final,
    check_prices_in_force,
    check_sources,
    evaluate_workbook,
    plan_change,
    prices_advice,
)
from generator.site.line_status import LINE_STATUS
from generator.site.matrix_downloads import MATRICES as MATRICES_GROUP
from generator.site.nav import NavPage
from generator.site.pagetemplates import render
from generator.site.round_prices import RoundPrices, children_round_prices
from generator.workbook.issue_days import issue_days
from generator.workbook.render import issues as render_issues
from generator.workbook.sheets.items import PRICE_HEADING
from generator.workbook.sheets.personal import input_cell
from generator.workbook.sheets.plan import EXPERT_RANK_HEADING, PARENT_RANK_HEADING, UNITS_HEADING
from generator.workbook.texts import IF_OVER_WORDS, NOT_APPLIED_WORDS

PAGE = "kalkulators.md"
SCRIPT = "assets/javascripts/ibm-kalkulators.js"
FORM_SCRIPT = "assets/javascripts/ibm-kalkulators-forma.js"
DATA_SCRIPT = "assets/javascripts/ibm-kalkulators-dati.js"
STYLE = "assets/stylesheets/ibm-kalkulators.css"  # linked in the page head (site/overrides/main.html)
DATA_GLOBAL = "IBM_KALKULATORA_DATI"
# Beside a typed F in the results (audit26 F3): the papers' and 6.5's own words where F does not decide A, or may
# once B is confirmed (D53: NOT_APPLIED_WORDS, IF_OVER_WORDS), and where it does
FINAL_APPLIED_WORDS = "piemēro, jo N > P: A = F"
AMOUNTS_CHAPTER = "ib-apmeri-un-posmi.md"  # the methodology chapter on IB amounts (catalogue/metodika/)
# A plan line's units and price fields (the form's labels); its messages name them where the matrix names its tables
# 6.3 and 6.8 (audit36 F5). D363: the labels are the matrix's own headings of those inputs (6.1, 6.3, 6.8), taken
# from its sheets, so the form asks in the words the matrix collects and the papers quote
UNITS_FIELD = UNITS_HEADING
UNITS_FIELD_PLACE = f"laukā „{UNITS_FIELD}”"
PRICE_FIELD = PRICE_HEADING
EXPERT_RANK_FIELD, PARENT_RANK_FIELD = EXPERT_RANK_HEADING, PARENT_RANK_HEADING
MONTHS_FIELD = input_cell("Perioda_Menesi")[1]
SERVICE_FIELD = "Pakalpojums"  # a plan line's service (a code or a name)
# D328: at most this many offers a part of a name matches are named as choices (the API's `izvele`, the form's
# buttons); more found, the message asks for more of the name
MOST_CHOICES = 6
PRICE_FIELD_PLACE = f"laukā „{PRICE_FIELD}”"
# The units field of an item at actual cost (the euro, D70): the amount in euro; its messages say so (audit27c F4)
AMOUNT_FIELD = "Summa periodā, EUR"
AMOUNT_FIELD_PLACE = f"laukā „{AMOUNT_FIELD}”"
# The fields of F and the other funding sources (the form's labels, rendered from these): their messages start with
# the field where the matrix's messages name its 6.4 cells (D148's way, audit36 F5)
FINAL_FIELD = "IB galīgais apmērs F, EUR"
SOURCE_FIELDS = {"benefits": "Valsts un pašvaldību pabalsti, EUR", "services": "Valsts un pašvaldību pakalpojumi, EUR",
                 "other": "Citi avoti (vecāki, ziedojumi), EUR"}


# D293: how many plan lines a matrix holds, as the page and the form's add button say it
MATRIX_LINES = f"IBM matricā ir {PLAN_LINES} {agree(PLAN_LINES, 'plāna rinda', 'plāna rindas')}"


def _field(label: str) -> str:
    """A message's first words naming a calculator field: 'Lauks „IB galīgais apmērs F, EUR”'."""
    return f"Lauks „{label}”"


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def ceiling_key(ceiling_open: tuple[str, ...]) -> int:
    """The calculator's number of an offer's unconfirmed group parameters (PlanLine.ceiling_open, D358): its place in
    rules.CEILING_OPEN_CASES (0: the own price); the text ``ceiling_unconfirmed_iemesls_<number>`` is its reason."""
    return CEILING_OPEN_CASES.index(tuple(ceiling_open))


def offer_data(offer: Offer, unit_names: dict[str, str] | None = None,
               whole_units: Collection[str] = ()) -> dict[str, Any]:
    """One offer for the calculator; ``unit_names``: the catalogue's unit names by id (enums.yaml), ``whole_units``:
    the ids of its units counted whole (``whole``, D256)."""
    service = offer.service
    return {
        "kods": offer.id,
        "nosaukums": offer.label,
        "pakalpojums": service.id,
        "joma": service.area,
        "forma": str(offer.form.value),
        "mervieniba": service.unit,
        "mervienibasNosaukums": (unit_names or {}).get(str(service.unit), str(service.unit)),
        # a fraction of the unit is an error (D256): the reference's whole_units, its template whole_units_<unit>
        "vesels": str(service.unit) in whole_units,
        # the price the unit fixes (D70: the euro at actual cost, 1,00): the units are then an amount in euro
        "vienibasCena": _money(fixed_unit_price(service.unit)),
        "transports": bool(service.transport),
        "dienas": service.day_service,
        "nesavietojams": list(service.incompatible_with),
        "ietverNodarbibas": list(service.includes_sessions_of),
        "griestiNavApstiprinati": offer.ceiling_unconfirmed,
        # D358: the group parameters still open, the number of the warning's reason (ceiling_key); none: its own price
        **({"griestiGrupa": ceiling_key(offer.ceiling_open)} if offer.ceiling_unconfirmed and offer.ceiling_open
           else {}),
        "griesti": _money(offer.ceiling),
        "griestuStatuss": None if offer.ceiling_status is None else str(offer.ceiling_status.value),
        "cena": _money(offer.prefill_price),
    }


# --- message templates rendered by the reference ---------------------------------------------------

LABEL = "\u27e6NOSAUKUMS\u27e7"
LABEL_B = "\u27e6NOSAUKUMS2\u27e7"
INDEX, INDEX_B = 9875, 9876  # shown as "9876. rinda", "9877. rinda"
PRICE, CEILING = Decimal("987654.32"), Decimal("876543.21")
UNITS = Decimal("98765432.1")  # shown as "98 765 432,1"


def _replace(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        if old not in text:
            raise ValueError(f"ziņojuma veidnē nav atrasts „{old}”: {text}")
        text = text.replace(old, new)
    return text


def _line(label: str, **values: Any) -> PlanLine:
    return PlanLine(offer_id="x", label=label, units=Decimal(1), **values)


_EMPTY_LINE = PlanLine(offer_id=None)


def _padded(*lines: tuple[int, PlanLine]) -> list[PlanLine]:
    """Lines placed at the given indices of a list of empty lines (so messages name those rows). The empty line is
    one frozen object repeated: ~10 000 of them a template, built one by one they cost ~2 s a site build."""
    result: list[PlanLine] = [_EMPTY_LINE] * (max(i for i, _ in lines) + 1)
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
    (above,) = check_prices(_padded((INDEX, _line(LABEL, unit_price=PRICE, ceiling=CEILING, ceiling_unconfirmed=True))))
    templates["price_above_unconfirmed_ceiling"] = _replace(above.message, [  # D383: the line's own reason, as D358's
        _row(INDEX, LABEL, "rinda"), (eur(PRICE), "{cena}"), (eur(CEILING), "{griesti}"), (unconfirmed_why(), "{iemesls}")])
    a = _line(LABEL, service_id="s1", incompatible_with=("s2",))
    b = _line(LABEL_B, service_id="s2")
    (pair,) = check_incompatible(_padded((INDEX, a), (INDEX_B, b)))
    templates["incompatible"] = _replace(pair.message, [_row(INDEX, LABEL, "rinda"), _row(INDEX_B, LABEL_B, "rinda2")])
    day_care = _line(LABEL, service_id="s1", includes_sessions_of=("s2",))
    (sessions,) = check_day_care_sessions(_padded((INDEX, day_care), (INDEX_B, b)))
    templates["day_care_sessions"] = _replace(sessions.message, [
        _row(INDEX, LABEL, "rinda"), _row(INDEX_B, LABEL_B, "rinda2")])
    # D358: the reason in its own text per case ({iemesls}), the offer's griestiGrupa picks it
    (unconfirmed,) = check_unconfirmed_ceilings(_padded((INDEX, _line(LABEL, ceiling_unconfirmed=True))))
    templates["ceiling_unconfirmed"] = _replace(unconfirmed.message, [_row(INDEX, LABEL, "rinda"),
                                                                      (unconfirmed_why(), "{iemesls}")])
    for case in CEILING_OPEN_CASES:
        templates[f"ceiling_unconfirmed_iemesls_{ceiling_key(case)}"] = unconfirmed_why(case)
    (actual,) = check_actual_cost_prices(_padded((INDEX, _line(LABEL, unit_price=PRICE, actual_cost=True))),
                                         UNITS_FIELD_PLACE, PRICE_FIELD_PLACE)
    templates["actual_cost_price"] = _replace(actual.message, [_row(INDEX, LABEL, "rinda"), (eur(PRICE), "{cena}")])
    (no_price,) = check_missing_prices(_padded((INDEX, _line(LABEL, unit_price=Decimal(0)))), PRICE_FIELD_PLACE)
    templates["no_provider_price"] = _replace(no_price.message, [_row(INDEX, LABEL, "rinda")])
    (implausible,) = check_implausible_prices(_padded((INDEX, _line(LABEL, unit_price=PRICE, unit="reize"))),
                                              {"reize": CEILING}, None, PRICE_FIELD_PLACE)  # D370
    templates["price_implausible"] = _replace(implausible.message, [
        _row(INDEX, LABEL, "rinda"), (eur(PRICE), "{cena}"), (eur(CEILING), "{ticama}")])
    # One transport line of 1 EUR and one other line of 2 EUR, both funded: A = 3, the share is one third.
    share_lines = [_line(LABEL, unit_price=Decimal(1), transport=True), _line(LABEL_B, unit_price=Decimal(2))]
    strict = params.replace(transport_share_max=Decimal("0.01"), transport_limit_applies=True)
    (transport,) = check_transport_share(share_lines, strict, Decimal(3))
    templates["transport_share"] = _replace(in_calculator_places(transport.message), [
        (percent(Decimal(1) / Decimal(3), 1), "{dala}"), (percent(Decimal("0.01")), "{griesti}")])
    (final,) = check_final(PRICE, CEILING, Decimal(0), _field(FINAL_FIELD))
    templates["final_above_needed"] = _replace(final.message, [
        (eur(PRICE), "{galigais}"), (eur(CEILING), "{nepieciesamais}")])
    # D293: more lines than the matrix has; the count is the placeholder, the limit the reference's own
    (lines,) = check_line_count(_padded((INDEX, _EMPTY_LINE)))
    templates["too_many_lines"] = _replace(lines.message, [(f" {INDEX + 1}, ", " {skaits}, ")])
    templates.update(_unit_templates())
    templates.update(_whole_units_templates(params))
    templates.update(_no_such_day_templates())
    templates.update(_source_templates())
    templates.update(_base_templates())
    # D87, D98: a money field with more than two decimals, in the reference's and the matrix's words
    templates["money_cents"] = f"{{lauks}}: {CENTS_TEXT}, ievadīts „{{ievadits}}”."
    # D340: a money field above its plausible highest (the round's summaMax, cenaMax), in the same words
    templates["money_above_max"] = (f"{{lauks}}: {_replace(above_max_text(CEILING), [(eur(CEILING), '{robeza}')])}, "
                                    "ievadīts „{ievadits}”.")
    # D377: a line's units above the plausible highest (the round's summaMax), in the matrix's words of 6.3's units
    templates["units_above_max"] = (f"{{lauks}}: {_replace(above_max_units_text(UNITS), [(lv_number(UNITS, 0), '{robeza}')])}"
                                    ", ievadīts „{ievadits}”.")
    templates.update(_eligibility_templates(params))
    templates.update(_prices_templates(params))
    return templates


def _unit_templates() -> dict[str, str]:
    """D147: a line's units above what the plan period holds, one template per limited unit
    (``units_above_period_<unit>``); D148: a session, course or euro line alone above P (``line_above_provisional``)."""
    start, months = dt.date(1901, 2, 3), 1
    limits = period_unit_limits(start, months)
    templates = {}
    for unit in PERIOD_LIMITED_UNITS:
        line = PlanLine(offer_id="x", label=LABEL, unit=unit, units=UNITS, unit_price=Decimal(1))
        (over,) = check_unit_limits(_padded((INDEX, line)), start, months, units_place=UNITS_FIELD_PLACE)
        templates[f"units_above_period_{unit}"] = _replace(over.message, [
            _row(INDEX, LABEL, "rinda"), (units_text(UNITS), "{daudzums}"), (lv_date(start), "{sakums}"),
            (lv_date(plan_end(start, months)), "{beigas}"), (f" ir {lv_number(limits[unit], 0)};", " ir {robeza};")])
    line = PlanLine(offer_id="x", label=LABEL, unit=UNBOUNDED_UNITS[0], units=UNITS, unit_price=PRICE)
    (above,) = check_line_above_provisional(_padded((INDEX, line)), CEILING, UNITS_FIELD_PLACE, PRICE_FIELD_PLACE)
    templates["line_above_provisional"] = _replace(above.message, [
        _row(INDEX, LABEL, "rinda"), (eur(line_cost(line)), "{summa}"), (eur(CEILING), "{p}"),
        (units_text(UNITS), "{daudzums}")])
    # D338: a euro line's amount is typed in its own field, its price is fixed: the warning names that field alone
    euro = PlanLine(offer_id="x", label=LABEL, unit=ACTUAL_COST_UNIT, units=UNITS, unit_price=Decimal(1),
                    actual_cost=True)
    (above,) = check_line_above_provisional(_padded((INDEX, euro)), CEILING, UNITS_FIELD_PLACE, PRICE_FIELD_PLACE,
                                            AMOUNT_FIELD_PLACE)
    templates["line_above_provisional_euro"] = _replace(above.message, [
        _row(INDEX, LABEL, "rinda"), (eur(line_cost(euro)), "{summa}"), (eur(CEILING), "{p}")])
    return templates


def _whole_units_templates(params: Params) -> dict[str, str]:
    """D256: a fraction of a unit counted whole in a line's units, one error template per such unit of the catalogue
    (``whole_units_<unit>``, Params.whole_units), in the reference's words with the calculator's units field."""
    templates = {}
    for unit, name in params.whole_units.items():
        line = PlanLine(offer_id="x", label=LABEL, unit=unit, units=UNITS, unit_price=Decimal(1))
        (fraction,) = check_whole_units(_padded((INDEX, line)), {unit: name}, UNITS_FIELD_PLACE)
        templates[f"whole_units_{unit}"] = _replace(in_calculator_places(fraction.message), [
            _row(INDEX, LABEL, "rinda"), (units_shown(UNITS), "{ievadits}")])
    return templates


def _no_such_day_templates() -> dict[str, str]:
    """D89: a date typed in its form whose day the calendar has not, in the words of the matrix's commands
    (generator/no_such_day.py): ``no_such_day_<month>_<days>`` for each month and length (February has two),
    with ``{ievadits}`` (the text typed, in quotes) and ``{gads}``; ``no_such_month`` for a month outside 01–12."""
    templates = {}
    for year in (1901, 1904):  # a common and a leap year
        for month in range(1, 13):
            days = calendar.monthrange(year, month)[1]
            text = f"{days + 1:02d}.{month:02d}.{year}"
            why = no_such_day(text, (LV,), quoted=True)
            assert why is not None
            templates[f"no_such_day_{month}_{days}"] = why.replace(f"„{text}”", "{ievadits}").replace(
                f"{year}. gada", "{gads}. gada")
    text = "01.13.1901"
    why = no_such_day(text, (LV,), quoted=True)
    assert why is not None
    templates["no_such_month"] = why.replace(f"„{text}”", "{ievadits}")
    return templates


def _source_templates() -> dict[str, str]:
    """D154: another funding source above N, one warning template per source (``source_above_needed_<field>``, the
    fields ``benefits``, ``services``, ``other`` of the reference's SOURCE_CELLS), in the reference's words."""
    templates = {}
    for attr, _cell, _label in SOURCE_CELLS:
        amounts = {name: (PRICE if name == attr else Decimal(0)) for name, _c, _l in SOURCE_CELLS}
        (over,) = check_sources(SimpleNamespace(**amounts), CEILING,
                                {name: _field(label) for name, label in SOURCE_FIELDS.items()})
        templates[f"source_above_needed_{attr}"] = _replace(over.message, [(eur(PRICE), "{summa}"),
                                                                            (eur(CEILING), "{n}")])
    return templates


BASE_FIELD = "Bāzes apmērs B"  # the API's B (kalkulators_api), as its format message names it


def _base_templates() -> dict[str, str]:
    """D257: a typed B of 0 (``base_zero``), another than the catalogue's (``base_differs``) or the catalogue's own while
    it is unconfirmed (``base_unconfirmed``, audit33b F2; one ``base_differs`` finding each), in the reference's
    words with the calculator's field; the page itself takes the catalogue's B, its API may pass one (review32 F0)."""
    (differs,) = check_base(PRICE, CEILING, _field(BASE_FIELD))
    (zero,) = check_base(Decimal(0), CEILING, _field(BASE_FIELD))
    (same,) = check_base(CEILING, CEILING, _field(BASE_FIELD), confirmed=False)  # audit33b F2
    return {"base_differs": _replace(differs.message, [(eur(PRICE), "{b}"), (eur(CEILING), "{katalogs}")]),
            "base_zero": _replace(zero.message, [(eur(Decimal(0)), "{b}"), (eur(CEILING), "{katalogs}")]),
            "base_unconfirmed": _replace(same.message, [(eur(CEILING), "{b}")])}


def unit_limit_data(params: Params) -> dict[str, Any]:
    """What the calculator needs to limit a line's units by its plan period (D147) and to measure one line against
    P (D148): the public holidays and the years their list covers (D11, D62), the hours of a day and the units the
    period does not limit."""
    return {
        "svetki": sorted(d.isoformat() for d in params.holidays),
        "svetkuGadi": None if params.holiday_years is None else sorted(params.holiday_years),
        "stundasDiena": HOURS_A_DAY,
        "diennakts": CALENDAR_DAY, "darbaDiena": WORKING_DAY, "stunda": HOUR,  # the limited units' catalogue ids
        "bezRobezas": list(UNBOUNDED_UNITS),
    }


def _prices_templates(params: Params) -> dict[str, str]:
    """The ``prices_not_in_force`` errors (D61, D63): a plan starting before the prices day, one ending after the
    last day its prices hold (starting before the change, or on or after it: the advice differs). The reference's
    words, but where it names the command that issues a matrix the calculator names the matrix itself (D186):
    ``{matrica}`` the one for the plan's first day, ``{matrica_lidz}`` and ``{matrica_no}`` those on either side of a
    change inside the plan (each set's ``matrica``, or ``matrica_nav`` for a day the calculator has no prices of);
    ``{saisinat}`` the last month's end before the change, or – for a plan starting in the change's month before it
    (``prices_after_month``, D351) – ``{menesa_sakums}`` that month's first day."""
    day, until, start = dt.date(1901, 1, 1), dt.date(1901, 2, 10), dt.date(1901, 1, 3)
    early, in_month = dt.date(1900, 12, 3), dt.date(1901, 2, 3)
    change = until + dt.timedelta(days=1)
    shortened = last_end_before(change)
    (before,) = check_prices_in_force(early, 1, params.replace(day=day))
    # the words of one change of everything (plan_changes None): the calculator puts in what changes ({kas}, D61)
    legacy = params.replace(day=day, prices_until=until, plan_changes=None)
    (after,) = check_prices_in_force(start, 2, legacy)
    # D351: a plan starting in the change's month before it cannot be shortened: it starts on the change day
    (after_in_month,) = check_prices_in_force(in_month, 1, legacy)
    # a plan that starts on or after the change day: the advice names the matrix for its own first day (D63)
    late = dt.date(1901, 2, 14)
    (after_change,) = check_prices_in_force(late, 1, legacy)
    what = plan_change(legacy).what
    templates = {
        "prices_before": _replace(in_calculator_places(before.message), [(prices_advice(early), "{matrica}"), (lv_date(early), "{sakums}"),
                                                   (lv_date(day), "{cenu_diena}")]),
        "prices_after": _replace(in_calculator_places(after.message), [
            (f" vai sāciet to {lv_date(change)} un {prices_advice(change)}",
             " un {matrica_lidz} vai sāciet to {no} un {matrica_no}"),
            (lv_date(start), "{sakums}"), (lv_date(plan_end(start, 2)), "{beigas}"), (lv_date(until), "{lidz}"),
            (lv_date(shortened), "{saisinat}"), (lv_date(change), "{no}"), (f" mainās {what} ", " mainās {kas} ")]),
        "prices_after_month": _replace(in_calculator_places(after_in_month.message), [
            (f" sāciet to {lv_date(change)} un {prices_advice(change)}", " sāciet to {no} un {matrica_no}"),
            (lv_date(in_month), "{sakums}"), (lv_date(plan_end(in_month, 1)), "{beigas}"),
            (lv_date(change.replace(day=1)), "{menesa_sakums}"), (lv_date(until), "{lidz}"),
            (lv_date(change), "{no}"), (f" mainās {what} ", " mainās {kas} ")]),
        "prices_after_change": _replace(in_calculator_places(after_change.message), [
            (prices_advice(late), "{matrica}"), (lv_date(late), "{sakums}"), (lv_date(until), "{lidz}"),
            (lv_date(change), "{no}"), (f" mainās {what} ", " mainās {kas} ")]),
        # a day the calculator has no prices of: the reference's advice without the command
        "matrica_nav": f"{PRICES_ADVICE} (to izsniedz ministrija)",
    }
    for name in ("prices_before", "prices_after", "prices_after_month", "prices_after_change"):
        templates[name + REASON] = _prices_reason(templates[name])
    return templates


# A prices_not_in_force template's reason: the banner over the amounts says why there are none in the error's own
# words – the period starts before the prices day, or a price or parameter changes in it – not its advice.
REASON = "_iemesls"


def _prices_reason(template: str) -> str:
    """The part of a ``prices_not_in_force`` template before its advice: up to the bracket that ends its dates
    („… spēkā ({cenu_diena}); …”, „… spēkā līdz {lidz}): saīsiniet …”)."""
    found = re.search(r"\)[;:] ", template)
    if found is None:
        raise ValueError(f"ziņojuma veidnē nav atrasts padoma sākums: {template}")
    return template[:found.start() + 1]


def _finding(params: Params, code: str, birth: dt.date, start: dt.date, months: int) -> str:
    inputs = WorkbookInputs(birth_date=birth, period_start=start, months=months, special_care=False,
                            impairment=None, lines=())
    return next(f for f in evaluate_workbook(inputs, params).findings if f.code == code).message


def _round_end_template(params: Params) -> str:
    """The error of a child under the age limit on the check date who reaches it by the round's last day (D110):
    the reference's message for a round whose last day is a sentinel, that day replaced by ``{kartas_beigas}`` and the
    age limit by ``{robeza}`` (a round's parameters may differ)."""
    period = params.reporting_periods[0]
    round_end = dt.date(period.start.year + 3, 11, 27)
    birth = dt.date(period.start.year - params.eligibility_age_limit + 1, period.start.month, 1)
    held = params.replace(reporting_periods=(dataclasses.replace(period, round_end=round_end),
                                             *params.reporting_periods[1:]))
    return _replace(_finding(held, "not_eligible", birth, period.start, 1), [(lv_date(round_end), "{kartas_beigas}"),
                    (f" {params.eligibility_age_limit} gad", " {robeza} gad")])


# audit32b F10, F14: where the reference's words name a place of the matrix the calculator has its own (or none); a
# field named in brackets beside a figure is „lauks „…”” (nominative), as the script's own messages name a field
# („Lauks „Plāna pirmā diena”: …”); „laukā „…”” (locative) only where a verb governs it („pārbaudiet daudzumu laukā …”)
FIRST_DAY_FIELD = input_cell("Perioda_Sakums")[1]  # D363: 6.1's label
MATRIX_PLACES = (
    ("6.1. tabulas „Perioda pirmā diena”", f"lauks „{FIRST_DAY_FIELD}”"),
    (" Norādiet pamatojumu.", " Pamatojumu norāda IBM matricā (kalkulatorā tam nav lauka)."),
)


def message_fields() -> dict[str, Any]:
    """The calculator's fields its messages name where the matrix's name a table or a cell (the matrix page's API
    paragraph lists them): the labels the message templates themselves take (tests/site/calculator_expected.py)."""
    return {"daudzums": UNITS_FIELD, "cena": PRICE_FIELD, "galigais": FINAL_FIELD, "avoti": list(SOURCE_FIELDS.values()),
            "b": BASE_FIELD, "pirma_diena": FIRST_DAY_FIELD, "summa": AMOUNT_FIELD}


def in_calculator_places(message: str) -> str:
    """The reference's message with the matrix's places named as the calculator's (MATRIX_PLACES)."""
    for matrix, calculator in MATRIX_PLACES:
        message = message.replace(matrix, calculator)
    return message


# audit32b F1: the reference's (and the matrix's) words for a first day in no reporting period, and the calculator's:
# the reporting periods it lists are the children's programme's, and a day of an adults' round is in a programme round
ANY_ROUND = "nav nevienā programmas kārtas pārskata periodā"
CHILDREN_ROUND = f"nav nevienā {PROGRAMME_WORDS[Pilot.children]['gen']} kārtas pārskata periodā"


def children_rounds_words(message: str) -> str:
    """The reference's ``outside_reporting_period`` message as the calculator says it (audit32b F1)."""
    if ANY_ROUND not in message:
        raise ValueError(f"atsauces paziņojumā nav „{ANY_ROUND}”: {message}")
    return message.replace(ANY_ROUND, CHILDREN_ROUND)


def adults_day_text(catalogue: Catalogue, day: dt.date) -> str | None:
    """What the calculator adds for a first day inside an adults' round's services (D254, audit32b F1): the round by
    its name and services window from the catalogue (a user never sees its id, which the CLI's ``--round`` takes), and
    once that the calculator, as the matrices and papers, is for the children's programme; None for any other day."""
    found = catalogue.round_at(Pilot.adults, day)
    if found is None:
        return None
    return (f"Šī diena ir {PROGRAMME_WORDS[Pilot.adults]['gen']} kārtas „{found.name_lv}” pakalpojumu laikā "
            f"({lv_date(found.services_start)}–{lv_date(found.services_end)}), bet IB kalkulators, matricas, dokumenti "
            f"un atskaišu veidnes ir tikai {PROGRAMME_WORDS[Pilot.children]['dat']}.")


def adults_days(catalogue: Catalogue) -> list[dict[str, str]]:
    """Each adults' round's services window with the sentence for a first day inside it (adults_day_text)."""
    return [{"no": r.services_start.isoformat(), "lidz": r.services_end.isoformat(),
             "teksts": adults_day_text(catalogue, r.services_start) or ""}
            for r in catalogue.rounds_of(Pilot.adults)]


def _eligibility_templates(params: Params) -> dict[str, str]:
    """The errors of the check date (D1, D21): a child too old or born after it, or one who comes of age by the
    last day of the plan's round (D110); a plan outside every reporting period or running past the end of its
    period."""
    if not params.reporting_periods:
        raise ValueError("katalogā nav bērnu programmas kārtas ar pārskata periodiem (D21)")
    period = params.reporting_periods[0]
    old, late = dt.date(1900, 1, 2), add_months(period.start, 2)
    dates = [(lv_date(old), "{dzimis}"), (lv_date(period.start), "{parbaude}")]
    age = age_in_years(old, period.start)
    outside = dt.date(1901, 2, 3)
    inside = add_months(period.start, 1)
    months = params.period_months_max
    return {
        "not_eligible_age": _replace(_finding(params, "not_eligible", old, period.start, 1),
                                     [*dates, (f"{age} gadi", "{vecums} gadi")]),
        "not_eligible_born": _replace(_finding(params, "not_eligible", late, period.start, 1),
                                      [(lv_date(late), "{dzimis}"), (lv_date(period.start), "{parbaude}")]),
        "not_eligible_round_end": _round_end_template(params),
        "outside_reporting_period": children_rounds_words(_replace(
            _finding(params, "outside_reporting_period", old, outside, 1), [(lv_date(outside), "{sakums}")])),
        "past_reporting_period": _replace(
            _finding(params, "past_reporting_period", late, inside, months),
            [(period.label, "{periods}"), (lv_date(inside), "{sakums}"), (f" {months} mēn.", " {menesi} mēn."),
             (lv_date(plan_end(inside, months)), "{beigas}"), (lv_date(period.end), "{perioda_beigas}")]),
    }


# --- the data file and the page --------------------------------------------------------------------


def parameter_data(params: Params) -> dict[str, Any]:
    """The round's parameters for the script. Whether the catalogue's B is confirmed is the reference's flag
    (Params.base_confirmed), not the catalogue's status word for the script to compare: with the B a caller gives, the
    script decides as reference.params.unconfirmed_base whether P rests on an unconfirmed B (D257)."""
    return {
        "bazesApmers": _money(params.base_amount),
        "bazesApmersApstiprinats": params.base_confirmed,
        "likmePilna": _money(params.rate_full),
        "likmeSamazinata": _money(params.rate_reduced),
        "pilnasLikmesVecums": params.full_rate_max_age,
        "vecumaRobeza": params.eligibility_age_limit,
        "transportaDala": _money(params.transport_share_max),
        # the round confirms the limit (D287, Params.transport_limit_applies): otherwise no warning, as the reference
        "transportaDalaSpeka": params.transport_limit_applies,
        "ekspertuSvars": _money(params.expert_weight),
        "vecakuSvars": _money(params.parent_weight),
        "menesiMax": params.period_months_max,
        # D340: the plausible highest B, F or other source, and 6.8 price (Params.amount_max, price_max)
        "summaMax": _money(params.amount_max),
        "cenaMax": _money(params.price_max),
        # D370: the plausible highest price by unit id: above it, with no ceiling figure, the warning price_implausible
        "ticamaCena": {unit: _money(value) for unit, value in sorted(params.plausible_prices.items())},
    }


def matrix_advice(day: dt.date, built: dict[dt.date, str]) -> str:
    """Which matrix a plan priced on ``day`` takes, for the calculator's prices_not_in_force messages (D186): the
    matrix of that prices day by its download (``built``: the generic file of each prices day the build writes,
    generator/workbook/render.py), or – a day whose round has ended – the ministry, never a command."""
    file = built.get(day)
    if file is None:
        return (f"izmantojiet matricu ar cenām uz {lv_date(day)} (lejupielādēs tās nav, jo kārtas pakalpojumu laiks "
                f"beidzies; to izsniedz ministrija)")
    return (f"izmantojiet matricu ar cenām uz {lv_date(day)} (lejupielāžu sadaļā „{MATRICES_GROUP}”: {file} vai "
            f"jūsu pašvaldības matrica ar to pašu cenu dienu)")


def built_matrices(catalogue: Catalogue) -> dict[dt.date, str]:
    """The generic matrix file of each prices day the build writes (render.issues: the build day decides)."""
    return {issue.day: issue.file_names()[0] for issue in render_issues(catalogue)}


def _prices_set(catalogue: Catalogue, params: Params, offers: list[Offer], shared: list[dict[str, Any]],
                index: dict[str, int], built: dict[dt.date, str]) -> dict[str, Any]:
    """The prices of one prices day: the day, the last day they hold, the parameters, the offers (indices into
    ``shared``, where an offer identical on several prices days is written once) and the matrix that carries them."""
    positions = []
    unit_names = {u.id: u.name_lv for u in catalogue.enums.units}
    for offer in offers:
        row = offer_data(offer, unit_names, params.whole_units)
        key = json.dumps(row, ensure_ascii=False, sort_keys=True)
        if key not in index:
            index[key] = len(shared)
            shared.append(row)
        positions.append(index[key])
    return {"cenuDiena": params.day.isoformat(),
            "cenasLidz": None if params.prices_until is None else params.prices_until.isoformat(),
            # what a plan may use that changes after the prices day (D61): it is refused only for one it uses
            "izmainas": [{"diena": c.day.isoformat(), "kas": c.what,
                          "pozicijas": None if c.items is None else sorted(c.items), "transports": c.transport}
                         for c in params.plan_changes or ()],
            "parametri": parameter_data(params), "pakalpojumi": positions,
            "matrica": matrix_advice(params.day, built)}


def _round_data(catalogue: Catalogue, priced: RoundPrices, shared: list[dict[str, Any]],
                index: dict[str, int], built: dict[dt.date, str]) -> dict[str, Any]:
    """One children's round: its reporting periods and, when known, the prices of its first service day (the
    round's matrix, D61) and those of every later issue day inside its services (``cenuMainas``, D63, D186), each
    with its prices day, the last day those prices hold, its parameters and its offers."""
    round_ = priced.round
    data: dict[str, Any] = {
        "id": round_.id, "nosaukums": round_.name_lv,
        # each reporting period with the round's last day: the child must not come of age by then (D110)
        "periodi": [{"sakums": p.start.isoformat(), "beigas": p.end.isoformat(),
                     "kartasBeigas": None if p.round_end is None else p.round_end.isoformat()}
                    for p in catalogue.round_periods(round_)],
        "cenuDiena": None, "cenasLidz": None, "parametri": None, "pakalpojumi": None, "matrica": None,
        "cenuMainas": [],
    }
    params = priced.params
    if params is None or priced.offers is None:
        return data
    data.update(_prices_set(catalogue, params, list(priced.offers), shared, index, built))
    later = [d.day for d in issue_days(catalogue) if d.round_id == round_.id and d.day > params.day]
    data["cenuMainas"] = [_prices_set(catalogue, Params.from_catalogue(catalogue, day), catalogue.offers(day),
                                      shared, index, built) for day in later]
    return data


def calculator_data(catalogue: Catalogue) -> dict[str, Any]:
    """Everything the calculator needs, from the catalogue: per children's round the prices and parameters a
    matrix issued for it carries (D61); the newest round's are the default (the matrix of ``template_date``)."""
    from generator.workbook.writer import template_date

    day = template_date(catalogue)
    params = Params.from_catalogue(catalogue, day)
    shared: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    built = built_matrices(catalogue)
    rounds = [_round_data(catalogue, r, shared, index, built) for r in children_round_prices(catalogue)]
    default = next((r["id"] for r in rounds if r["cenuDiena"] == day.isoformat()), None)
    if default is None:
        raise ValueError(f"katalogā nav bērnu programmas kārtas ar cenām uz {lv_date(day)} (D61)")
    return {
        "versija": catalogue.version,
        "versijaTeksts": lv_version(catalogue.version),  # as a person reads it, for the printed estimate
        "datums": day.isoformat(),
        "noklusejums": default,
        "kartas": rounds,
        "pakalpojumi": shared,
        "teksti": message_templates(params),
        "vienibuRobezas": unit_limit_data(params),
        # the plan lines a matrix holds (D293): the form adds no more, and says so at its add button
        "rinduSkaits": PLAN_LINES, "rinduRobeza": f"{MATRIX_LINES} – vairāk rindu pievienot nevar.",
        "izveleMax": MOST_CHOICES,  # D328
        "galigais": {"nepiemero": NOT_APPLIED_WORDS, "piemeroJa": IF_OVER_WORDS, "piemero": FINAL_APPLIED_WORDS},
        "lauki": {"kods": SERVICE_FIELD, "daudzums": UNITS_FIELD, "summa": AMOUNT_FIELD, "cena": PRICE_FIELD,
                  "galigais": FINAL_FIELD, "pirmaDiena": FIRST_DAY_FIELD, "menesi": MONTHS_FIELD,
                  "ekspertuRangs": EXPERT_RANK_FIELD, "vecakuRangs": PARENT_RANK_FIELD,
                  **{f"avots_{name}": label for name, label in SOURCE_FIELDS.items()}},
        "smagums": {"kļūda": Severity.error.value, "brīdinājums": Severity.warning.value},
        "pieaugusoKartas": adults_days(catalogue),
        "statusi": LINE_STATUS,  # D265
    }


def default_round(data: dict[str, Any]) -> dict[str, Any]:
    """The default round of the calculator's data with its offers written out (for the page)."""
    found = next(r for r in data["kartas"] if r["id"] == data["noklusejums"])
    return {**found, "pakalpojumi": [data["pakalpojumi"][i] for i in found["pakalpojumi"]]}


def data_script(catalogue: Catalogue, data: dict[str, Any] | None = None) -> str:
    payload = json.dumps(data or calculator_data(catalogue), ensure_ascii=False, indent=1, sort_keys=True)
    return (f"/* IB kalkulatora dati: ģenerēti no kataloga (ibm build), nelabot ar roku. */\n"
            f"window.{DATA_GLOBAL} = {payload};\n")


def _months_dative(months: int) -> str:
    """'pa 6 mēnešiem', 'pa 1 mēnesim', 'pa 21 mēnesim' (Latvian: a numeral ending in 1, but not 11, is singular)."""
    return f"{months}\u00a0{agree(months, 'mēnesim', 'mēnešiem')}"


def period_length_text(catalogue: Catalogue) -> str:
    """How long a reporting period of the children's rounds is, from the catalogue: 'pa 6 mēnešiem'."""
    lengths = sorted({r.reporting_period_months for r in catalogue.rounds_of(Pilot.children)})
    return "pa " + " vai ".join(_months_dative(m) for m in lengths)


def round_texts(catalogue: Catalogue, data: dict[str, Any]) -> list[str]:
    """Per children's round, for the page: its reporting periods and the prices day of its matrix (D61)."""
    texts = []
    for round_, row in zip(catalogue.rounds_of(Pilot.children), data["kartas"], strict=True):
        periods = ", ".join(p.label for p in catalogue.round_periods(round_))
        if row["cenuDiena"] is None:
            prices = "cenas un parametri katalogā nav zināmi"
        else:  # each prices day of the round: a plan starting on it or later gets its prices (D186)
            prices = "; ".join(_prices_text(s) for s in [row, *row["cenuMainas"]])
        texts.append(f"{round_.name_lv} – pārskata periodi {periods}; {prices}")
    return texts


def _prices_text(prices: dict[str, Any]) -> str:
    """'cenas uz 01.01.2021, spēkā līdz 31.03.2021' for one prices day of the calculator's data."""
    text = f"cenas uz {lv_date(dt.date.fromisoformat(prices['cenuDiena']))}"
    if prices["cenasLidz"] is not None:
        text += f", spēkā līdz {lv_date(dt.date.fromisoformat(prices['cenasLidz']))}"
    return text


def _first_day_spans(data: dict[str, Any]) -> list[tuple[dt.date, dt.date]]:
    """The days a plan may start on: in a reporting period of a round whose prices the catalogue knows, from
    its first prices day to the last day its last prices day's prices hold (D61, D186), adjacent spans joined."""
    spans: list[tuple[dt.date, dt.date]] = []
    for row in data["kartas"]:
        if row["cenuDiena"] is None:
            continue
        first = dt.date.fromisoformat(row["cenuDiena"])
        last = ([row, *row["cenuMainas"]])[-1]["cenasLidz"]  # the round's later prices days carry on (D186)
        until = None if last is None else dt.date.fromisoformat(last)
        for period in row["periodi"]:
            start = max(dt.date.fromisoformat(period["sakums"]), first)
            end = dt.date.fromisoformat(period["beigas"])
            end = end if until is None else min(end, until)
            if start <= end:
                spans.append((start, end))
    joined: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1] + dt.timedelta(days=1):
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def first_days_text(catalogue: Catalogue, data: dict[str, Any]) -> str:
    """The note at the plan's first day: which first days the calculator can price (D108) and that the plan
    stays in one reporting period (D21)."""
    spans = [f"{lv_date(a)}–{lv_date(b)}" for a, b in _first_day_spans(data)]
    days = spans[-1] if len(spans) < 2 else ", ".join(spans[:-1]) + " vai " + spans[-1]
    periods = ", ".join(p.label for r in catalogue.rounds_of(Pilot.children) for p in catalogue.round_periods(r))
    return (f"Kalkulators rēķina plānus ar pirmo dienu {days}; citām dienām katalogā nav programmas kārtas, kuras "
            f"matricas cenas tad ir spēkā. Plānam jāiekļaujas vienā pārskata periodā ({periods}).")


def render_calculator(catalogue: Catalogue, methodology_pages: list[NavPage]) -> dict[str, str]:
    """The page and its data script, keyed by their paths in the rendered docs folder."""
    data = calculator_data(catalogue)
    chapter = next((p for p in methodology_pages if p.file == AMOUNTS_CHAPTER), None)
    page = render("kalkulators.md.j2", dati=data, oletus=default_round(data), kartas=round_texts(catalogue, data),
                  cenu_diena=dt.date.fromisoformat(data["datums"]), skripts=SCRIPT, formas_skripts=FORM_SCRIPT,
                  datu_skripts=DATA_SCRIPT, pirmas_dienas=first_days_text(catalogue, data), metodikas_lapa=chapter,
                  perioda_garums=period_length_text(catalogue), matricas_rindas=MATRIX_LINES)
    return {PAGE: page, DATA_SCRIPT: data_script(catalogue, data)}
