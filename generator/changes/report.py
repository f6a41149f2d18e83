"""The change report in Latvian Markdown: changed prices, rules, rounds and holidays, affected services and
files."""

from __future__ import annotations

import datetime as dt

from generator import withdrawn_wording as wording
from generator.catalogue.catalogue import FORM_LABELS_SHORT, Catalogue, item_forms, service_order
from generator.catalogue.problems import Problem
from generator.changes.backdated import backdated_values
from generator.changes.calendar import HolidayChange, RoundChange
from generator.changes.diff import CatalogueDiff, ValueChange
from generator.changes.municipalities import MunicipalityChange
from generator.changes.outputs import OutputDiff
from generator.changes.service_rules import ServiceRuleChange
from generator.lvformat import date, version
from generator.ministry.final_status import STATUS_CEILING, STATUS_PROVISIONAL
from generator.ministry.rule_names import RULE_NAMES
from generator.reference.plan_changes import (
    PLAN_PARAMETERS,
    PRINTED_PARAMETER,
    TRANSPORT_PARAMETER,
    catalogue_withdrawals,
    next_figure,
)
from generator.reference.rounds import last_end_before
from generator.workbook.withdrawal_note import open_days


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _value_table(changes: list[ValueChange], with_services: bool) -> list[str]:
    head = "| Nosaukums | Spēkā no | Bija | Tagad | Statuss | Avots |"
    rule = "|---|---|---|---|---|---|"
    if with_services:
        head += " Skartās pozīcijas |"
        rule += "---|"
    lines = [head, rule]
    for c in changes:
        row = (f"| {_cell(c.name_lv)} (`{c.id}`) | {date(c.effective_from)} | {_cell(c.old)} | "
               f"{_cell(c.new or 'izņemts')} | {c.status} | {_cell(c.source)} |")
        if with_services:
            row += f" {_cell(', '.join(c.items))} |"
        lines.append(row)
    return lines


def _text_table(changes: list[ValueChange]) -> list[str]:
    lines = ["| Nosaukums | Spēkā no | Vērtība | Bija | Tagad |", "|---|---|---|---|---|"]
    for c in changes:
        was, now = c.corrected or (None, None)
        lines.append(f"| {_cell(c.name_lv)} (`{c.id}`) | {date(c.effective_from)} | {_cell(c.new)} | {_cell(was)} | "
                     f"{_cell(now)} |")
    return lines


def item_labels(cat: Catalogue) -> list[tuple[str, str]]:
    """(item code, "1.1.1g Psihologs, grupā") of every catalogue item in catalogue order, as sheet 6.8 names them."""
    return [(item, f"{item} {service.short_name_lv}" + (f", {FORM_LABELS_SHORT[form]}" if item != service.id else ""))
            for service in cat.sorted_services() for form, item in item_forms(service)]


def first_plan_day(changes: list[ValueChange], cat: Catalogue) -> dt.date | None:
    """The first plan day the dated changes reach, when plans that start earlier keep their values (a change dated
    within the children's rounds, D63: a plan takes the values of its first day); None when every plan is reached."""
    periods = cat.children_reporting_periods()
    if not changes or not periods:
        return None
    day = min(c.effective_from for c in changes)
    return day if day > periods[0].start else None


def kept_span(cat: Catalogue, limit: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The plans that start before ``limit`` and whose matrices `ibm migrate` gives a new „spēkā līdz” day: from the
    first day whose prices and parameters hold until the same day as the day before ``limit``'s (``start``, None when
    no catalogue day is earlier), and that day (``until``: Catalogue.prices_until, what 6.11 B8 holds; None when
    the catalogue knows no real change after it, D291, D300). A plan that starts before ``start`` already had an
    earlier day in its matrix, before this change: `ibm migrate` writes that one again."""
    last = limit - dt.timedelta(days=1)
    until = cat.prices_until(last)
    days = [d for d in sorted(set(cat.effective_dates())) if d <= last and cat.prices_until(d) == until]
    return (days[0] if days else None), until


def plan_day_from(cat: Catalogue, day: dt.date) -> dt.date | None:
    """The first day on or after ``day`` on which a children's plan can start – within a reporting period of a round
    (a day between the rounds starts no plan); None when no period reaches it."""
    for period in sorted(cat.children_reporting_periods(), key=lambda p: p.start):
        if period.end >= day:
            return max(day, period.start)
    return None


def _since_clause(start: dt.date | None, cat: Catalogue) -> str:
    """Which of the earlier plans the „spēkā līdz” day is new for (kept_span): those from ``start`` – as the first day
    a plan can start on (plan_day_from) – when an earlier real change already ended the values of the plans before
    it; nothing when every earlier plan is one of them."""
    periods = cat.children_reporting_periods()
    if start is None or not periods or start <= periods[0].start:
        return ""
    start = plan_day_from(cat, start) or start
    return (f", ja plāns sākas {date(start)} vai vēlāk (agrāk sākušos plānu matricās 6.11. tabulā jau ir agrāka diena, "
            "un tā paliek)")


# the programme parameter whose rule touches only plans with some services: those services (Service flag)
SERVICE_RULE_PARAMS = {"transport_share_max": "transport"}


def _uses(prices: list[ValueChange], params: list[ValueChange]) -> str:
    """Which plans a change refuses (D61, plan_changes): every plan for a parameter each plan uses (its value or its
    status changes – a parameter's ``old`` names its status where that differs), else those with an affected item
    (a price) or with transport (its limit) – as the clause „un …” after the plan's last day. A confirmation at the
    same number refuses none (D291): the caller leaves those out."""
    if any(c.id in PLAN_PARAMETERS and c.old != c.new for c in params):
        return ""
    used = (["tajā ir kāda no skartajām pozīcijām"] if prices else []) + (
        ["tajā ir transports un kārtā transporta daļas robeža ir apstiprināta"]
        if any(c.id == TRANSPORT_PARAMETER and c.old != c.new for c in params) else [])
    return " un " + " vai ".join(used or ["izmanto kādu no mainītajām vērtībām"])


def _shorten(limit: dt.date, first: dt.date | None) -> str:
    """What a plan that starts on ``first`` or later, before ``limit``, and runs on past it does (D93, D351): „jāsaīsina
    līdz …” the last month's end before ``limit`` (shortening can reach no other day), and – when ``limit`` is not a
    month's first day – that a plan starting in its month before it always runs on past it, so it starts on
    ``limit`` or later. The clause follows „plāns”; the caller adds the ending."""
    end = last_end_before(limit, first)
    month = limit.replace(day=1)
    cannot = (f"plāns, kas sākas no {date(max(month, first or month))} līdz {date(limit - dt.timedelta(days=1))}, "
              f"vienmēr ietver arī {date(limit)} (periods beidzas mēneša pēdējā dienā), tāpēc tāds plāns jāsāk "
              f"{date(limit)} vai vēlāk ar tās dienas matricu" if limit.day != 1 else "")
    if end is None:
        return cannot
    return f"plāns jāsaīsina līdz {date(end)}" + (f"; {cannot}" if cannot else "")


def _confirmed_line(confirmed: list[ValueChange]) -> str:
    """What a confirmation at the same number does (D291): no plan is refused; for B and a price that sets an item's
    ceiling (the values the papers print as a blank while „jāprecizē”, confirmed_by), the papers made on or after its
    day print the confirmed figure, a matrix issued before it prints it as unconfirmed, and a matrix of that day or
    later prints it confirmed whenever its papers are made (D301: the later of the two days). Of another value nothing is
    said about blanks: it has none."""
    names = ", ".join(f"„{c.name_lv}” no {date(c.effective_from)}" for c in confirmed)
    line = (f"Apstiprinātas vērtības ar to pašu apmēru ({names}; statuss „jāprecizē” → „apstiprināts”) plāna summas "
            "nemaina un nevienu plānu neatsaka, arī plānu, kas turpinās pēc apstiprināšanas dienas.")
    printed = [c for c in confirmed if c.id == PRINTED_PARAMETER or (c.kind == "cena" and c.items)]
    if not printed:
        return line[:-1] + " (D291)."
    one = len(printed) == 1
    tail = ("dokumentos, ko `ibm documents --from-matrix` izveido apstiprināšanas dienā vai vēlāk, kamēr katalogs "
            + ("to" if one else "tās") + " vēl apstiprina (D296), ir "
            + ("apstiprinātā vērtība; matrica, kas izdota pirms tās, pati to drukā kā neapstiprinātu (tukšu vietu)" if one
               else "apstiprinātās vērtības; matrica, kas izdota pirms tās, pati tās drukā kā neapstiprinātas (tukšas "
                    "vietas)")
            + ", tāpēc plānam, kas sākas apstiprināšanas dienā vai vēlāk, izmantojiet tās dienas matricu – tās "
            + "dokumentos vērtība ir apstiprināta, arī ja tos izveido pirms apstiprināšanas dienas (D291, D301).")
    if len(printed) == len(confirmed):
        return f"{line} {tail[0].upper()}{tail[1:]}"
    which = ", ".join(f"„{c.name_lv}”" for c in printed)
    noun = wording.values(len(printed))
    head = f"Kamēr {noun.word} {which} ir „jāprecizē”, parakstāmajos papīros {wording.blank(noun)}"
    return f"{line} {head}: {tail}"


def _backdated(printed: list[ValueChange], day: dt.date, cat: Catalogue | None = None) -> str:
    """A withdrawal dated on or before ``day`` (the report's day, the day it is entered): papers made from its day with the
    previous catalogue – where the value stood confirmed – print it as a confirmed figure and are made again (D302)."""
    back = [c for c in printed if c.effective_from <= day]  # from the report's day too: papers made earlier that day
    if not back:
        return ""
    one = len(back) == 1
    names = ", ".join(f"„{c.name_lv}” {_span(c, cat)}" for c in back)
    head = ("ir ar atpakaļejošu datumu" if all(c.effective_from < day for c in back)
            else "ir spēkā jau atskaites dienā")
    one_day = len({c.effective_from for c in back}) == 1
    # confirmed again later in the catalogue: only the papers of the days named (D330)
    since = (("šajās dienās" if len({_span(c, cat) for c in back}) == 1 else "attiecīgajās dienās")
             if all(_gap(c, cat)[1] for c in back) else f"no {'šīs dienas' if one_day else 'attiecīgās dienas'}")
    return (f" Atsaukšana {head} ({names}; atskaite izveidota {date(day)}): dokumentos, ko "
            f"{since} izveidoja vēl ar "
            f"iepriekšējo katalogu, {'tā' if one else 'tās'} ir kā apstiprināts skaitlis, tāpēc šos dokumentus "
            "neparakstiet, bet izveidojiet vēlreiz ar šo katalogu.")


def _backdated_line(problem: Problem, cat: Catalogue) -> str:
    """The report's bullet of a new figure dated on or before the report's day in a begun round (D352): the console's
    warning, with the file named from the catalogue folder."""
    try:
        where = problem.path.resolve().relative_to(cat.root.resolve()).as_posix() if problem.path else "?"
    except ValueError:
        where = problem.path.name if problem.path else "?"
    return (f"- Atpakaļejošs datums ({where}, {problem.line}. rinda): {problem.message}. Ja datums ir kļūdains "
            f"(piemēram, gads), izlabojiet to; ja tas ir apzināts labojums, šo kārtu aizpildītās matricas pārnesiet ar "
            f"`ibm migrate` (D336, D352).")


def _gap(change: ValueChange, cat: Catalogue | None) -> tuple[dt.date, dt.date | None]:
    """The withdrawal's blank days in the new catalogue's own series (confirmation_spans through
    catalogue_withdrawals, as the console and 6.11's note, D330): from its day to the first day the same value stands
    confirmed again – None while the catalogue does not confirm it again (or without a catalogue)."""
    if cat is not None:
        for w in catalogue_withdrawals(cat, change.effective_from - dt.timedelta(days=1)):
            if (w.items is None) != (change.id == PRINTED_PARAMETER) or (w.items and not w.items & set(change.items)):
                continue
            ends = [i for i, (_, end) in enumerate(w.spans) if end == change.effective_from]
            if ends:
                return change.effective_from, (w.spans[ends[0] + 1][0] if ends[0] + 1 < len(w.spans) else None)
    return change.effective_from, None


def _span(change: ValueChange, cat: Catalogue | None) -> str:
    """„no DD.MM.GGGG” of a withdrawal, „no … līdz …” when the catalogue confirms the same value again (D330): the
    blanks hold only until the day before – open_days, the console's words."""
    start, again = _gap(change, cat)
    return open_days(((start, start), (again, None)) if again else ((start, start),))


def _withdrawn_lines(withdrawn: list[ValueChange], day: dt.date,
                     cat: Catalogue | None = None) -> tuple[str, str]:
    """What a withdrawn confirmation at the same number does (D296, D302): a status alone, so no change for any
    matrix – neither one that has the value as „jāprecizē” (issued before the confirmation) nor one that has it
    confirmed (issued on the confirmation day or later): no plan is refused for it (a sentence after the matrices'
    line); for B and a ceiling, the papers made on or after the day from any of these matrices print the blank again,
    and a plan starting then may have either matrix (a line of its own, "" for another value). ``cat``: the new
    catalogue, whose own series says when each blank ends (_gap)."""
    if not withdrawn:
        return "", ""
    noun = wording.values(len(withdrawn))
    names = ", ".join(f"„{c.name_lv}” {_span(c, cat)}" for c in withdrawn)
    clause = (f" {noun.word.capitalize()} {wording.again_open()} ({names}; statuss "
              "„apstiprināts” → „jāprecizē”): plāna summas nemainās, tāpēc tā dēļ plānus neatsaka neviena matrica "
              f"– ne tā, kurā {noun.word} jau ir „jāprecizē”, ne tā, kurā {wording.was_confirmed(noun)} (D302).")
    printed = [c for c in withdrawn if c.id == PRINTED_PARAMETER or (c.kind == "cena" and c.items)]
    if not printed:
        return clause, ""
    noun = wording.values(len(printed))
    dated = ", ".join(f"„{c.name_lv}” {_span(c, cat)}" for c in printed)
    # one day for all: „šajā dienā”; each value its own day: „attiecīgajā dienā”
    when = "šajā dienā" if len({c.effective_from for c in printed}) == 1 else "attiecīgajā dienā"
    # confirmed again later: the blanks only on the days named (D330); days wholly before the report's: past tense
    gaps = [_gap(c, cat) for c in printed]
    spans = {_span(c, cat) for c in printed}
    made = (("šajās dienās" if len(spans) == 1 else "attiecīgajās dienās")
            if all(end for _, end in gaps) else f"{when} vai vēlāk")
    verb = "izveidoja" if all(end is not None and end <= day for _, end in gaps) else "izveido"
    # another figure confirmed (or dated) later ends the withdrawn figure's matrices: dated advice (D334)
    nexts = {c.id: found for c in printed if (found := _next_figure(c, cat)) is not None}
    ends = {on for on, _ in nexts.values()}
    one_end = len(ends) == 1 and len(nexts) == len(printed)
    which = ("jebkuras matricas" if not nexts else f"jebkuras matricas, kuras cenu diena ir pirms {date(min(ends))}"
             if one_end else "jebkuras matricas ar to pašu skaitli")
    before = ("" if not nexts else f", bet pirms {date(min(ends))}" if one_end
              else ", bet pirms cita skaitļa dienas (tālāk)")
    return clause, (f"- Parakstāmie dokumenti: {noun.word} {wording.again_open()} ({dated}; statuss „apstiprināts” → "
                    f"„jāprecizē”), tāpēc dokumentos, ko `ibm documents --from-matrix` {verb} {made} no "
                    f"{which} – arī no tās, kurā {wording.was_confirmed(noun)} –, "
                    + wording.blank(noun, again=True)
                    + f" (D296, D302). Plānam, kas sākas {when} vai vēlāk{before}, der gan iepriekšējā matrica, gan "
                    f"{'šīs dienas' if when == 'šajā dienā' else 'attiecīgās dienas'} matrica (`ibm matrix --day`): "
                    "summas abās ir tās pašas."
                    + "".join(_next_figure_sentence(c, *nexts[c.id]) for c in printed if c.id in nexts)
                    + _backdated(printed, day, cat))


def _next_figure(change: ValueChange, cat: Catalogue | None) -> tuple[dt.date, bool] | None:
    """The first day after a withdrawal on which the NEW catalogue has another figure for the withdrawn value (B, or
    the items of the price) and whether that figure stands confirmed then (plan_changes.next_figure): the withdrawn
    figure's matrices end the day before (D61); None when there is none, or without a catalogue."""
    if cat is None:
        return None
    items = None if change.id == PRINTED_PARAMETER else tuple(change.items)
    return next_figure(cat, change.effective_from, items)


def _next_figure_sentence(change: ValueChange, on: dt.date, confirmed: bool) -> str:
    """What a matrix of the other figure's day or later has (D334): that figure, confirmed or not, in its papers too
    – and that a plan starting then has only such a matrix (D61: the earlier ones hold the withdrawn figure)."""
    shown = ("tas ir apstiprināts, un dokumentos no tās ir šis skaitlis" if confirmed
             else "tas ir „jāprecizē”, un dokumentos no tās ir tukša vieta, līdz to apstiprina")
    return (f" No {date(on)} katalogā „{change.name_lv}” ir cits skaitlis: matricā, kuras cenu diena ir {date(on)} vai "
            f"vēlāka, {shown}; plānam, kas sākas {date(on)} vai vēlāk, der tikai šāda matrica (D61).")


def _collect_days(changes: list[ValueChange], cat: Catalogue | None) -> str:
    """„DD.MM.GGGG vai vēlāk” for one open gap; else each gap of the catalogue's own series (_gap, overlapping ones
    merged), „no … līdz …” joined by „un”, as the console names them (open_days, D330)."""
    merged: list[tuple[dt.date, dt.date | None]] = []
    for start, end in sorted(_gap(c, cat) for c in changes):
        if merged and (merged[-1][1] is None or start <= merged[-1][1]):
            last = merged[-1]
            merged[-1] = (last[0], None if last[1] is None or end is None else max(last[1], end))
        else:
            merged.append((start, end))
    if len(merged) == 1 and merged[0][1] is None:
        return f"{date(merged[0][0])} vai vēlāk"
    spans = [(start, start) for start, _ in merged[:1]]
    for i, (start, end) in enumerate(merged):
        if i:
            spans.append((merged[i - 1][1], start))  # confirmed from the previous gap's end to this gap's start
        if end is not None:
            spans.append((end, None))
    return open_days(tuple(spans))


def _withdrawn_collect_line(withdrawn: list[ValueChange], cat: Catalogue | None = None) -> str:
    """What `ibm collect` makes of a withdrawn B or ceiling (D296, D302): from its day the final amounts it rests on
    are provisional again – for B every child's F that rests on the catalogue's B, for a ceiling the F of a child with
    a line under it – also of matrices where the value stood confirmed."""
    base = [c for c in withdrawn if c.id == PRINTED_PARAMETER]
    ceilings = [c for c in withdrawn if c.kind == "cena" and c.items]
    said = []
    if base:
        said.append(f"savākšanā {_collect_days(base, cat)} bērnu galīgie apmēri (F), kas balstās uz "
                    f"kataloga B, ir „{STATUS_PROVISIONAL}”, līdz B atkal apstiprina")
    if ceilings:
        said.append(f"savākšanā {_collect_days(ceilings, cat)} bērna F, kura plānā ir "
                    f"rinda ar šiem griestiem, ir „{STATUS_CEILING}” (rinda ir kopsavilkuma lapā „Neapstiprināti "
                    "griesti”)")
    nexts = {c.id: found[0] for c in base + ceilings if (found := _next_figure(c, cat)) is not None}
    if not nexts:
        return "- `ibm collect`: " + "; ".join(said) + " – arī no matricām, kurās vērtība bija apstiprināta (D296, D302)."
    # another figure later (D334): only the matrices that hold the withdrawn one
    one_end = len(set(nexts.values())) == 1 and len(nexts) == len(base + ceilings)
    which = (f"kuru cenu diena ir pirms {date(min(nexts.values()))}" if one_end else "kurās ir tas pats skaitlis")
    return ("- `ibm collect`: " + "; ".join(said) + f" – no matricām, {which}, arī no tām, kurās vērtība bija "
            "apstiprināta; vēlākās matricās ir cits skaitlis, un F statusu nosaka tā statuss (D296, D302, D334).")


def _param_review_lines(cat: Catalogue, params: list[ValueChange]) -> list[str]:
    """Which support plans to review for a changed rule of the matrix (its 6.11 parameters): those with the services
    the rule touches (transport_share_max: the transport services), else every plan – from the change's first plan
    day (D63). A parameter the matrix does not hold (report days, quotas) changes no plan."""
    # the matrix's 6.11 parameters (imported here: the sheet module is a heavy import)
    from generator.workbook.sheets.technical import PARAMETERS

    in_matrix = {attr for attr, _, _ in PARAMETERS}
    lines = []
    for change in params:
        # a status alone at the same number – a confirmation (D291) or its withdrawal (D302) – changes no plan
        if change.id not in in_matrix or change.old == change.new or change.confirms or change.withdraws:
            continue
        since = first_plan_day([change], cat)
        which = f", kas sākas {date(since)} vai vēlāk," if since else ""
        values = f"„{change.name_lv}” ({change.old or 'nav'} → {change.new or 'nav'})"
        flag = SERVICE_RULE_PARAMS.get(change.id)
        if flag is not None:
            touched = [f"{s.id} {s.short_name_lv}" for s in cat.sorted_services() if getattr(s, flag)]
            starting = f"kas sākas {date(since)} vai vēlāk un " if since else ""
            lines.append(f"- Atbalsta plāni, {starting}kuros ir kāds no pakalpojumiem {', '.join(touched)}, jāpārskata: "
                         f"mainīts noteikums {values}, tāpēc tajos var mainīties kļūdas un brīdinājumi; plāni bez šiem "
                         "pakalpojumiem šī noteikuma dēļ nav jāpārskata.")
        else:
            lines.append(f"- Visi atbalsta plāni{which} jāpārskata: mainīts noteikums {values}, ko matrica izmanto "
                         "katra plāna aprēķinā vai pārbaudēs.")
    return lines


def _running(cat: Catalogue, day: dt.date) -> bool:
    """Whether a children's plan can be running on ``day``: some reporting period holds it."""
    return any(p.start <= day <= p.end for p in cat.children_reporting_periods())


def _figures(cat: Catalogue, on: dt.date, items: set[str], params: set[str]) -> tuple[dict, dict]:
    """The figures (not the statuses, D291, D302) of ``items``' 6.8 rows and of ``params`` in force on ``on``."""
    offers = {o.id: (o.ceiling, o.prefill_price) for o in cat.offers(on) if o.id in items}
    values = {}
    for name in params:
        try:
            values[name] = getattr(cat.programme, name).at(on).value
        except LookupError:
            values[name] = None
    return offers, values


def _span_lines(real: list[ValueChange], cat: Catalogue) -> list[str]:
    """Dated advice per span between the days of the real changes, when they fall on more than one day (an item
    raised and lowered back, D336): each span's plans – from the first day a plan can start in it – are reviewed and
    shortened to the span's last day when they run past it, unless the span's figures are those before the first
    change (then there is nothing to review; a matrix of an earlier prices day is still migrated, D61)."""
    days = sorted({c.effective_from for c in real})
    if len(days) < 2:
        return []
    items = {item for c in real if c.kind == "cena" for item in c.items}
    params = {c.id for c in real if c.kind == "parametrs"}
    before = _figures(cat, days[0] - dt.timedelta(days=1), items, params)
    said = []
    for i, day in enumerate(days):
        following = days[i + 1] if i + 1 < len(days) else None
        first = plan_day_from(cat, day)
        if first is None or (following is not None and first >= following):
            continue  # no plan starts in this span
        last = following - dt.timedelta(days=1) if following else None
        span = f"{date(first)}–{date(last)}" if last else f"{date(first)} vai vēlāk"
        if _figures(cat, day, items, params) == before:
            said.append(f"  - plāni, kas sākas {span}: vērtības ir tādas pašas kā līdz {date(days[0] - dt.timedelta(days=1))}, "
                        "tāpēc plāni nav jāpārskata (matrica ar agrāku cenu dienu gan jāpārveido ar `ibm migrate`);")
            continue
        shorten = (f"; plānu, kas turpinās {date(following)} vai vēlāk{_uses(*_kinds(real))}, atsaka "
                   f"`ibm migrate` un `ibm collect` rāda kļūdu „{RULE_NAMES['prices_not_in_force']}”: "
                   f"{_shorten(following, first)}" if last and _running(cat, last) else "")
        said.append(f"  - plāni, kas sākas {span}: jāpārskata un ar `ibm migrate` jāpārveido{shorten};")
    if not said:
        return []
    said[-1] = said[-1][:-1] + "."
    return ["- Pa izmaiņu posmiem (plāns visu periodu izmanto savas pirmās dienas vērtības, D63):", *said]


def _kinds(real: list[ValueChange]) -> tuple[list[ValueChange], list[ValueChange]]:
    return [c for c in real if c.kind == "cena"], [c for c in real if c.kind == "parametrs"]


def _status_only_line(names: list[str]) -> str:
    """The positions a price's status alone touches (a confirmation or its withdrawal at the same amount, D291, D302):
    no plan's sum changes, so no plan is reviewed for them; what changes is what the papers print for their ceiling."""
    return ("- Pozīcijas, kurām mainās tikai cenas vai griestu statuss ar to pašu apmēru (6.8. tabulas rindas): "
            + "; ".join(names) + ". Plāna summas tām nemainās, tāpēc plāni šo pozīciju dēļ nav jāpārskata; mainās "
            "parakstāmie dokumenti (`ibm documents --from-matrix`): apstiprinātas vērtības vietā ir skaitlis, "
            "neapstiprinātas – tukša vieta.")


def _calendar_matrices_line(diff: CatalogueDiff) -> str:
    """What a changed round or holiday does to the filled matrices besides the dated price advice: the matrix holds
    the rounds' reporting periods and the holidays (6.11), so every filled matrix is migrated, whatever its first day;
    its prices and parameters stay those of its plan's first day (D63)."""
    what = " un ".join(w for w, on in (("programmas kārtas", diff.rounds),
                                        ("svētku dienas", diff.holidays or diff.holiday_notes)) if on)
    return (f"- IBM matricas (6.11. tabulas kārtu pārskata periodi un svētku dienas) – mainītas {what}, tāpēc ar "
            "`ibm migrate` jāpārveido visas aizpildītās matricas, arī tās, kuru plāns sākas agrāk par cenu maiņu; "
            "cenas un parametrus `ibm migrate` ņem no plāna pirmās dienas (D63), kā teikts iepriekš.")


def _review_line(cat: Catalogue, affected: set[str], labels: dict[str, str], since: dt.date | None = None,
                 by_span: bool = False) -> str:
    """Which support plans to review: those with an affected item – not every plan with the service when only
    some of its items are affected (a group ceiling: group sessions only, audit24 F10) – and, for a change dated within
    the rounds, only those that start on its day or later (D63, audit33a F10); ``by_span``: only those that start in
    a span the dated lines above say differs (_span_lines, D336)."""
    which = (f"kas sākas {date(since)} vai vēlāk posmā, kurā vērtības atšķiras (sk. iepriekš), un " if by_span
             else f"kas sākas {date(since)} vai vēlāk un " if since else "")
    line = (f"- Atbalsta plāni, {which}kuros ir kāda no skartajām pozīcijām, jāpārskata (cenas maiņa ir plāna "
            "pārskatīšanas iemesls)")
    spared = [item for service in cat.sorted_services()
              for items in [[i for _, i in item_forms(service)]] if set(items) & affected
              for item in items if item not in affected]
    if spared:
        line += (f"; plāni, kuros no šiem pakalpojumiem ir tikai citas pozīcijas (piemēram, {labels[spared[0]]}), "
                 "nav jāpārskata")
    return line + "."


def _rule_table(changes: list[ServiceRuleChange], new: Catalogue) -> list[str]:
    lines = ["| Pakalpojums | Noteikums | Bija | Tagad |", "|---|---|---|---|"]
    for c in changes:
        name = new.service_by_id[c.service].short_name_lv if c.service in new.service_by_id else ""
        lines.append(f"| {_cell(f'{c.service} {name}'.strip())} | {_cell(c.name_lv)} | {_cell(c.old)} | {_cell(c.new)} |")
    return lines


def _round_table(changes: list[RoundChange]) -> list[str]:
    lines = ["| Kārta | Kas mainīts | Bija | Tagad | Avots |", "|---|---|---|---|---|"]
    for c in changes:
        old = c.old if c.old is not None else "nebija"
        new = c.new if c.new is not None else "izņemta"
        lines.append(f"| {_cell(c.name_lv)} (`{c.round_id}`) | {_cell(c.what)} | {_cell(old)} | {_cell(new)} | "
                     f"{_cell(c.source)} |")
    return lines


def _municipality_table(changes: list[MunicipalityChange]) -> list[str]:
    lines = ["| Pašvaldība | Kas mainīts | Bija | Tagad | Spēkā no | Avots |", "|---|---|---|---|---|---|"]
    for c in changes:
        old = c.old if c.old is not None else "nebija"
        new = c.new if c.new is not None else "izņemts"
        since = date(c.effective_from) if c.effective_from else "—"
        lines.append(f"| {_cell(c.name)} (`{c.municipality_id}`) | {_cell(c.what)} | {_cell(old)} | {_cell(new)} | "
                     f"{since} | {_cell(c.source)} |")
    return lines


def _holiday_table(changes: list[HolidayChange]) -> list[str]:
    lines = ["| Datums | Bija | Tagad | Darba dienas mēnesī | Avots |", "|---|---|---|---|---|"]
    for c in changes:
        old = f"svētku diena: {c.old}" if c.old else ("gada katalogā nebija" if c.year_added else "nav svētku diena")
        new = f"svētku diena: {c.new}" if c.new else ("gads izņemts" if c.year_removed else "nav svētku diena")
        lines.append(f"| {date(c.day)} | {_cell(old)} | {_cell(new)} | {_cell(c.effect)} | {_cell(c.source)} |")
    return lines


def change_report(diff: CatalogueDiff, new: Catalogue, outputs: OutputDiff | None,
                  skipped: list[str] | None = None, *, day: dt.date | None = None) -> str:
    """Markdown report of ``diff``; ``outputs`` lists the generated files that differ (if built); ``skipped``:
    what could not be compared because the two versions' catalogue schemas differ. ``day`` (default: the system
    date) is the day the report is made, as the day the new catalogue is entered: a withdrawal dated before it is
    backdated (_backdated)."""
    day = day or dt.date.today()
    lines = ["# Cenu un noteikumu izmaiņas", "",
             f"Salīdzinātas kataloga versijas **{version(diff.old_version)}** → **{version(diff.new_version)}**.", ""]
    if diff.empty:
        lines += ["Cenās, noteikumos, pakalpojumos, pašvaldībās, programmas kārtās, svētku dienās un tiesību aktos izmaiņu nav.", ""]
    prices = [c for c in diff.values if c.kind == "cena" and not c.text_only]
    params = [c for c in diff.values if c.kind == "parametrs" and not c.text_only]
    corrected = [c for c in diff.values if c.text_only]
    if prices:
        lines += ["## Cenas", ""] + _value_table(prices, with_services=True) + [""]
    if params:
        lines += ["## Programmas noteikumi", ""] + _value_table(params, with_services=False) + [""]
    if diff.service_rules:  # audit27 F2: each rule the matrix checks, with its old and new value
        lines += ["## Pakalpojumu noteikumi", "",
                  "Šos pakalpojumu datus IBM matrica pārbauda katrā plānā (kam un kādā veidā pakalpojumu sniedz, kuriem "
                  "traucējumu veidiem tas paredzēts, ar kuriem pakalpojumiem to nevar apvienot, kam maksā).", ""]
        lines += _rule_table(diff.service_rules, new) + [""]
    if corrected:
        lines += ["## Labots tikai avots vai datuma statuss", "",
                  "Šīm vērtībām labots tikai avota vai piezīmes teksts vai tas, vai spēkā stāšanās datums ir apstiprināts; "
                  "pati vērtība, tās datums un vērtības statuss nav mainīti, tāpēc plāni un matricas nav jāpārskata.", ""]
        lines += _text_table(corrected) + [""]
    if diff.services_added or diff.services_removed or diff.services_edited:
        lines += ["## Pakalpojumu katalogs", ""]
        for title, ids in (("Pievienoti", diff.services_added), ("Izņemti", diff.services_removed),
                           ("Labots apraksts vai dati", diff.services_edited)):
            if ids:
                names = [f"{i} {new.service_by_id[i].short_name_lv}" if i in new.service_by_id else i for i in ids]
                lines.append(f"- {title}: " + "; ".join(names))
        lines.append("")
    if diff.rounds:
        lines += ["## Programmas kārtas", "",
                  "Kārtas datumi nosaka pārskata periodus un termiņus, finansējums – galīgos apmērus.", ""]
        lines += _round_table(diff.rounds) + [""]
    if diff.holidays or diff.holiday_notes:
        lines += ["## Svētku dienas", "",
                  "Svētku dienas maina mēneša darba dienu skaitu un līdz ar to dienas aprūpes centra un "
                  "specializētās darbnīcas dienu robežu.", ""]
        lines += [f"- {_cell(n)}" for n in diff.holiday_notes]
        if diff.holiday_notes:
            lines.append("")
        if diff.holidays:
            lines += _holiday_table(diff.holidays) + [""]
    if diff.municipalities:
        lines += ["## Pašvaldības", "",
                  "Pašvaldības un sociālā dienesta nosaukums ir dokumentos (līgumos, lēmumos, iesniegumos) un IBM "
                  "matricas 6.1. tabulā; dokuments lieto nosaukumu, kas spēkā tā datumā un ir apstiprināts (D43).", ""]
        lines += _municipality_table(diff.municipalities) + [""]
    elif diff.municipalities_changed:  # a difference no row above explains
        lines += ["## Pašvaldības", "", "- Mainīti dati: " + ", ".join(diff.municipalities_changed), ""]
    if diff.legal_acts:
        lines += ["## Tiesību akti", "",
                  "Tiesību akti un to spēkā esamības laiks nosaka, kuras normas lēmumos un līgumos citē pilnā tekstā un "
                  "kuru vietā ir tukša vieta ar piezīmi (D42). Dokumenti jāveido no jauna (`ibm build`).", ""]
        lines += [f"- {what.capitalize()}: {_cell(name)} (`{act_id}`)" for what, act_id, name in diff.legal_acts]
        lines.append("")
    affected = {item for c in prices for item in c.items}
    ruled = sorted({s for c in diff.service_rules for s in c.touched}, key=service_order)  # audit27 F2
    calendar = bool(diff.rounds or diff.holidays or diff.holiday_notes)
    if prices or params or calendar or diff.service_rules or diff.municipalities:
        lines += ["## Ko tas ietekmē", ""]
        labels = {item: label for item, label in item_labels(new)}
        # a status alone at the same figures – a confirmation (D291) or its withdrawal (D302) – is no change
        changed_prices = [c for c in prices if not c.confirms and not c.withdraws]
        changed_params = [c for c in params if not c.confirms and not c.withdraws]
        amounts = {item for c in changed_prices for item in c.items}
        if amounts:  # the positions whose price or ceiling changes: the plans to review name these
            lines.append("- Pozīcijas (6.8. tabulas rindas): " + "; ".join(
                labels[item] for item, _ in item_labels(new) if item in amounts))
        if affected - amounts:
            lines.append(_status_only_line([labels[item] for item, _ in item_labels(new) if item in affected - amounts]))
        if ruled:
            lines.append("- Pakalpojumi: " + ", ".join(
                f"{s} {new.service_by_id[s].short_name_lv}" for s in ruled if s in new.service_by_id))
        # the plans a change reaches from its day: those of the real changes, else of the statuses alone (D63, D291);
        # a new or changed round or holiday reaches every filled matrix besides (a line of its own below)
        real = changed_prices + changed_params
        since = first_plan_day(real or prices + params, new)
        confirmed = [c for c in prices + params if c.confirms]
        withdrawn_clause, withdrawn_papers = _withdrawn_lines([c for c in prices + params if c.withdraws], day, new)
        if (prices or params or calendar) and since is None:
            lines.append("- IBM matricas (6.8. tabulas cenas un griesti, 6.11. tabulas parametri) – jāpārveido aizpildītās matricas ar "
                         "`ibm migrate`.")
            if prices or params:  # the dated advice of the statuses is still true for every matrix (D291, D302)
                lines[-1] += (f" {_confirmed_line(confirmed)}" if confirmed else "") + withdrawn_clause
        elif prices or params:
            # the day the matrix's values stop holding: the first real change (a confirmation is none, D291), as
            # `ibm migrate` writes it into 6.11 – the catalogue's own prices_until, one source (D300, D303)
            limit = since
            start, until = kept_span(new, limit)
            if until is not None:
                limit = until + dt.timedelta(days=1)
            dated = until is not None and bool(real)
            # the plans the new „spēkā līdz” day is for start on a plan day before it (plan_day_from): none, when no
            # round's period lies between (M4)
            first = plan_day_from(new, start) if start is not None else None
            dated = dated and (start is None or (first is not None and first <= until))
            kept = (f"tāpēc `ibm migrate` to cenas un parametrus nemaina, tikai 6.11. tabulā ieraksta, ka tie ir spēkā "
                    f"līdz {date(until)}{_since_clause(start, new)}." if dated
                    else "tāpēc `ibm migrate` to cenas un parametrus nemaina.")
            until = until or limit - dt.timedelta(days=1)
            refused = (f" Ja šāds plāns turpinās {date(limit)} vai vēlāk{_uses(changed_prices, changed_params)}, tam "
                       f"rāda kļūdu „{RULE_NAMES['prices_not_in_force']}” `ibm collect` un `ibm documents "
                       f"--from-matrix` (arī nepārnestai matricai), ar `ibm migrate` pārnestā matrica un pārnešanas "
                       f"pārskats: {_shorten(limit, first)}. Plānam, kas neizmanto nevienu no mainītajām "
                       f"vērtībām, kļūdas nav (D61)." if changed_prices or changed_params else "")
            crosses = _running(new, limit - dt.timedelta(days=1))
            if refused and not crosses:  # no plan of any round runs the day before: none to shorten (D336)
                refused = (f" Neviens agrāk sācies plāns šo izmaiņu nešķērso: {date(limit - dt.timedelta(days=1))} "
                           f"nav nevienā bērnu programmas kārtas pārskata periodā, un plāns nav ilgāks par savu periodu, "
                           f"tāpēc neviens plāns nav jāsaīsina.")
            if (changed_prices or changed_params) and not crosses:  # collect refuses a matrix not migrated (D336)
                refused += (f" Nepārnestai matricai, kuras plāns sākas {date(since)} vai vēlāk"
                            f"{_uses(changed_prices, changed_params)}, `ibm collect` rāda kļūdu "
                            f"„{RULE_NAMES['prices_not_in_force']}”, arī ja izmaiņa datēta ar matricas cenu dienu vai "
                            f"agrāk (D61, D336).")
            # a status alone (D291, D302): the matrices hold the same money, so migrating is not needed
            must = ("jāpārveido" if changed_prices or changed_params
                    else "var pārveidot (nav obligāti: mainās tikai statuss ar to pašu skaitli)")
            if real and plan_day_from(new, since) is None:  # after every round's periods (D336)
                lines.append(f"- IBM matricas (6.8. tabulas cenas un griesti, 6.11. tabulas parametri) – neviena "
                             f"aizpildīta matrica šīs izmaiņas neizmanto: no {date(since)} nesākas un pāri šai dienai "
                             f"neturpinās neviens bērnu programmas kārtu pārskata periods; tās attiecas tikai uz "
                             f"kārtām, ko katalogā pievienos vēlāk."
                             + (f" {_confirmed_line(confirmed)}" if confirmed else "") + withdrawn_clause)
            else:
                lines.append(f"- IBM matricas (6.8. tabulas cenas un griesti, 6.11. tabulas parametri) – ar `ibm migrate` "
                             f"{must} aizpildītās matricas, kuru plāna pirmā diena ir {date(since)} vai vēlāk. "
                             f"Plāniem, kas sākas agrāk, paliek līdzšinējās vērtības: plāns visu savu periodu izmanto "
                             f"tās dienas cenas un parametrus, kas ietver tā pirmo dienu (D63), {kept}{refused}"
                             + (f" {_confirmed_line(confirmed)}" if confirmed else "") + withdrawn_clause)
            spans = _span_lines(real, new) if real else []
            lines += spans
        if calendar and since is not None:  # the dated advice above is the prices'; the rounds' reaches every matrix
            lines.append(_calendar_matrices_line(diff))
        if withdrawn_papers:
            lines.append(withdrawn_papers)
            lines.append(_withdrawn_collect_line([c for c in prices + params if c.withdraws], new))
        reached = since is None or plan_day_from(new, since) is not None
        if changed_prices and reached:  # a confirmation at the same number is no reason to review a plan (D291)
            lines.append(_review_line(new, amounts, labels, first_plan_day(changed_prices, new) if since else None,
                                      by_span=bool(since and spans)))
        lines += _param_review_lines(new, params)
        lines += [_backdated_line(problem, new) for problem in backdated_values(diff, new, day)]  # D352
        if diff.service_rules:
            lines.append("- IBM matricu noteikumu pārbaudes – jāpārveido aizpildītās matricas ar `ibm migrate`; tajās, "
                         "kurās ir skartie pakalpojumi, var mainīties noteikumu kļūdas un brīdinājumi, tāpēc šie atbalsta "
                         "plāni jāpārbauda.")
        if diff.rounds:
            lines.append("- Dokumentu termiņi un pārskata periodi ir jāveido no jauna (`ibm build`); jauno matricu veidnes "
                         "nospiedums pirms to izsniegšanas jāpieraksta ar `ibm fingerprint`, citādi `ibm collect` un "
                         "`ibm migrate` to formulas nevar pārbaudīt (D309).")
        if diff.municipalities:
            added = [c.name for c in diff.municipalities if c.what == "jauna pašvaldība"]
            lines.append("- Skarto pašvaldību dokumenti un IBM matricas (6.1. tabulas pašvaldības nosaukums) – jāveido no "
                         "jauna (`ibm build`); jau parakstītie dokumenti nemainās"
                         + (f"; jaunajām pašvaldībām ({', '.join(added)}) tiek veidotas savas matricas un dokumenti"
                            if added else "") + ".")
        if diff.holidays or diff.holiday_notes:
            lines.append("- Mēnešu plānos jāpārbauda dienas aprūpes centra un specializētās darbnīcas dienas "
                         "mēnešos, kuros mainījies darba dienu skaits.")
        lines.append("")
    if skipped:
        lines += ["## Nav salīdzināts", "",
                  "Abu versiju katalogiem ir atšķirīga shēma; salīdzināti tikai abām kopīgie lauki. Nav salīdzināts:", ""]
        lines += [f"- {_cell(s)}" for s in skipped]
        lines.append("")
    if outputs is not None:
        lines += ["## Mainītie ģenerētie faili", ""]
        if not (outputs.changed or outputs.added or outputs.removed):
            lines.append("Neviens ģenerētais fails nemainās.")
        for title, files in (("Mainīti", outputs.changed), ("Jauni", outputs.added), ("Izņemti", outputs.removed)):
            if files:
                lines.append(f"**{title} ({len(files)}):**")
                lines.append("")
                lines += [f"- `{f}`" for f in files]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"
