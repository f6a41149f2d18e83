"""Selecting the children of a pilot (D17, L978–L1023, ib-calculation.md §6).

1. Eligibility (L978–L980): a VDEĀVK disability, assessed in the DI project, born by the pilot's
   first day and younger than ``eligibility_age_limit`` on its last day; the municipality takes part.
2. Targets: ``quota_per_municipality`` per municipality, ``quota_per_age_group`` per age group (age in
   completed years on the pilot's first day), impairment shares × the total (largest remainder).
   A group with fewer eligible applicants than its target keeps what it has; the places it cannot
   fill go to the other groups of the same dimension in proportion to their targets (largest
   remainder, ties by group order), never above what they have; repeated until stable (L1012–L1013).
   Municipalities are grouped by planning region (20 children from each region, L2159): a
   municipality's missing places go first to the other municipalities of the same region, and only
   what the region cannot fill goes to municipalities elsewhere; the explanations say so.
3. Order of priority (L1017–L1021): home-schooled first, then the earlier application time (to the
   minute), then the application number.
4. In that order each applicant is taken while their municipality, age group and impairment type
   are all below target (pass 1). If the total is still short, the impairment target is relaxed
   (pass 2), then the age-group target (pass 3); the municipality target always holds.
The result is deterministic, independent of the input order, and explains every applicant's place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.lvformat import date as lv_date
from generator.reference.errors import ReferenceInputError
from generator.reference.params import Params
from generator.reference.provisional import age_in_years

DIMENSIONS = ("municipality", "age_group", "impairment")
DIMENSION_LV = {"municipality": "pašvaldības", "age_group": "vecuma grupas", "impairment": "traucējumu veida"}
SAME_REGION, ELSEWHERE = "region", "elsewhere"


@dataclass(frozen=True)
class Application:
    """One application (5.pielikums, part 1 and 2) as the selection sees it."""

    number: str
    municipality: str
    birth_date: dt.date
    impairment: str
    home_schooling: bool
    submitted_at: dt.datetime
    disability: bool = True
    di_assessed: bool = True


@dataclass(frozen=True)
class Placement:
    """One applicant's result: ``selected``, the pass that took them (1–3), their position in the
    order of priority among the eligible (None when not eligible) and the Latvian explanation."""

    number: str
    eligible: bool
    selected: bool
    selection_pass: int | None
    priority: int | None
    age: int
    age_group: str | None
    explanation: str


@dataclass(frozen=True)
class Selection:
    """The selected applicants (in priority order), the reserve per municipality (in priority
    order), the targets after the shortfall rule and the counts reached per dimension."""

    reference_date: dt.date
    total_target: int
    targets: dict[str, dict[str, int]]
    # planning region → (target, selected): the sum over its municipalities (L2159)
    regions: dict[str, tuple[int, int]]
    counts: dict[str, dict[str, int]]
    selected: tuple[str, ...]
    reserve: dict[str, tuple[str, ...]]
    placements: tuple[Placement, ...]

    def by_number(self) -> dict[str, Placement]:
        return {p.number: p for p in self.placements}


def apportion(total: int, weights: dict[str, Decimal]) -> dict[str, int]:
    """Split ``total`` whole places in proportion to ``weights`` by the largest remainder (ties by
    the order of ``weights``)."""
    weight_sum = sum(weights.values(), Decimal(0))
    if total <= 0 or weight_sum <= 0:
        return {g: 0 for g in weights}
    exact = {g: Decimal(total) * w / weight_sum for g, w in weights.items()}
    result = {g: int(v) for g, v in exact.items()}
    order = list(weights)
    rest = total - sum(result.values())
    for g in sorted(order, key=lambda g: (-(exact[g] - result[g]), order.index(g)))[:rest]:
        result[g] += 1
    return result


def adjust_targets(targets: dict[str, int], available: dict[str, int]) -> dict[str, int]:
    """The shortfall rule (L1012–L1013): short groups keep what they have; their missing places go
    to the groups that still have applicants, in proportion to their original targets."""
    result = dict(targets)
    fixed: set[str] = set()
    while True:
        short = [g for g in result if g not in fixed and available.get(g, 0) < result[g]]
        if not short:
            return result
        deficit = 0
        for g in short:
            deficit += result[g] - available.get(g, 0)
            result[g] = available.get(g, 0)
            fixed.add(g)
        open_groups = [g for g in result if g not in fixed and available.get(g, 0) > result[g]]
        if not open_groups:
            return result
        extra = apportion(deficit, {g: Decimal(targets[g]) for g in open_groups})
        for g, n in extra.items():
            result[g] += n


def _spread(result: dict[str, int], deficit: int, available: dict[str, int], weights: dict[str, int],
            groups: Sequence[str]) -> int:
    """Give up to ``deficit`` places to ``groups`` that still have applicants beyond their target,
    in proportion to ``weights`` (largest remainder), never above what they have; returns what
    could not be placed."""
    while deficit > 0:
        open_groups = [g for g in groups if available.get(g, 0) > result[g]]
        if not open_groups:
            break
        extra = apportion(deficit, {g: Decimal(weights[g]) for g in open_groups})
        given = 0
        for g, n in extra.items():
            n = min(n, available.get(g, 0) - result[g])
            result[g] += n
            given += n
        if given == 0:
            break
        deficit -= given
    return deficit


def adjust_municipality_targets(
    targets: dict[str, int], available: dict[str, int], regions: dict[str, str]
) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """The shortfall rule for municipalities grouped by planning region (L1012–L1013, L2159): a
    municipality short of applicants keeps what it has; its missing places go first to the other
    municipalities of the same region, then to the municipalities of other regions, each time in
    proportion to their original targets and never above what they have.

    Returns the targets and, per municipality, the places gained from its own region
    (``SAME_REGION``) and from elsewhere (``ELSEWHERE``), negative for places given away."""
    result = {m: min(t, available.get(m, 0)) for m, t in targets.items()}
    moved = {m: {SAME_REGION: 0, ELSEWHERE: 0} for m in targets}
    leftover = 0
    for region in dict.fromkeys(regions[m] for m in targets):
        members = [m for m in targets if regions[m] == region]
        deficit = sum(targets[m] - result[m] for m in members)
        before = {m: result[m] for m in members}
        rest = _spread(result, deficit, available, targets, members)
        for m in members:
            moved[m][SAME_REGION] = result[m] - before[m] if result[m] > before[m] else result[m] - targets[m]
        leftover += rest
    before = dict(result)
    _spread(result, leftover, available, targets, list(targets))
    for m in targets:
        moved[m][ELSEWHERE] = result[m] - before[m]
    return result, moved


def _target_note(municipality: str, regions: dict[str, str], targets: dict[str, int],
                 final: dict[str, int], moved: dict[str, dict[str, int]]) -> str:
    """A Latvian sentence on how the municipality's target changed, '' when it did not."""
    gained_region, gained_elsewhere = moved[municipality][SAME_REGION], moved[municipality][ELSEWHERE]
    region = regions[municipality]
    if final[municipality] < targets[municipality]:
        return (
            f" Pašvaldībā „{municipality}” tiesīgo bērnu skaits ({final[municipality]}) ir mazāks par mērķi "
            f"({targets[municipality]}); trūkstošās vietas vispirms nodotas citām pašvaldībām tajā pašā "
            f"plānošanas reģionā ({region}), tikai pēc tam – citiem reģioniem."
        )
    parts = []
    if gained_region > 0:
        parts.append(f"no tā paša plānošanas reģiona ({region}) pašvaldības, kurā pietrūka tiesīgu bērnu, "
                     f"nodoto vietu skaits – {gained_region}")
    if gained_elsewhere > 0:
        parts.append(f"no cita reģiona, kurā vietas nevarēja aizpildīt, nodoto vietu skaits – {gained_elsewhere}")
    if not parts:
        return ""
    return (
        f" Pašvaldības „{municipality}” mērķis palielināts no {targets[municipality]} līdz "
        f"{final[municipality]}: " + "; ".join(parts) + "."
    )


def _age_group(age: int, params: Params) -> str | None:
    for group in params.age_groups:
        if group.min_age <= age <= group.max_age:
            return group.id
    return None


def number_key(number: str) -> tuple[int, int, str]:
    """Application numbers in natural order: numeric ones by value, before any other text."""
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def priority_key(app: Application) -> tuple[bool, dt.datetime, tuple[int, int, str]]:
    """Order of priority (L1017–L1021): home-schooled first, then the application time to the
    minute (seconds are not recorded, L991), then the application number."""
    return (not app.home_schooling, app.submitted_at.replace(second=0, microsecond=0), number_key(app.number))


def _priority_text(app: Application) -> str:
    home = "mājmācībā" if app.home_schooling else "nav mājmācībā"
    return f"{home}, iesniegts {lv_date(app.submitted_at.date())} {app.submitted_at:%H:%M}, Nr. {app.number}"


def select_children(
    applications: Iterable[Application],
    municipalities: Sequence[str],
    pilot_start: dt.date,
    pilot_end: dt.date,
    params: Params,
    regions: dict[str, str] | None = None,
) -> Selection:
    """Deterministic selection with the quotas and tie-breaks of D17 (see the module docstring);
    every applicant gets a Latvian explanation of why they are in, in the reserve or not eligible.

    ``regions`` maps each municipality to its planning region (catalogue municipalities.yaml);
    without it all municipalities form one region."""
    region_of = {m: (regions or {}).get(m, "") for m in municipalities}
    if regions is not None:
        missing = [m for m in municipalities if m not in regions]
        if missing:
            raise ReferenceInputError(
                f"pašvaldībai „{missing[0]}” nav norādīts plānošanas reģions (gaidīts: reģions katrai pašvaldībai)"
            )
    apps = sorted(applications, key=lambda a: number_key(a.number))
    numbers = [a.number for a in apps]
    if len(set(numbers)) != len(numbers):
        raise ReferenceInputError("pieteikumu numuri atkārtojas (gaidīts: katram pieteikumam savs numurs)")
    known = set(params.quota_impairment_share)
    for a in apps:
        if a.impairment not in known:
            raise ReferenceInputError(
                f"pieteikums {a.number}: traucējumu veids „{a.impairment}” (gaidīts: {', '.join(known)})"
            )

    placements: dict[str, Placement] = {}
    eligible: list[tuple[Application, int, str]] = []
    for a in apps:
        age = age_in_years(a.birth_date, pilot_start)
        group = _age_group(age, params) if age >= 0 else None
        reasons = []
        if a.municipality not in municipalities:
            reasons.append(f"pašvaldība „{a.municipality}” izmēģinājumprojektā nepiedalās")
        if not a.disability:
            reasons.append("bērnam nav VDEĀVK noteiktas invaliditātes")
        if not a.di_assessed:
            reasons.append("bērns nav izvērtēts DI projektā")
        if age < 0:
            reasons.append(f"bērns dzimis pēc izmēģinājumprojekta sākuma ({lv_date(pilot_start)})")
        elif age_in_years(a.birth_date, pilot_end) >= params.eligibility_age_limit or group is None:
            reasons.append(
                f"bērnam līdz {lv_date(pilot_end)} aprit {params.eligibility_age_limit} gadi"
            )
        if reasons:
            placements[a.number] = Placement(
                a.number, False, False, None, None, age, group, "Nav tiesīgs: " + "; ".join(reasons) + "."
            )
        else:
            eligible.append((a, age, group or ""))

    eligible.sort(key=lambda e: priority_key(e[0]))
    total = params.quota_per_municipality * len(municipalities)

    def keys(e: tuple[Application, int, str]) -> dict[str, str]:
        return {"municipality": e[0].municipality, "age_group": e[2], "impairment": e[0].impairment}

    base_targets = {
        "municipality": {m: params.quota_per_municipality for m in municipalities},
        "age_group": {g.id: params.quota_per_age_group.get(g.id, 0) for g in params.age_groups},
        "impairment": apportion(total, dict(params.quota_impairment_share)),
    }
    targets = {}
    moved: dict[str, dict[str, int]] = {}
    for dim in DIMENSIONS:
        available = {g: 0 for g in base_targets[dim]}
        for e in eligible:
            available[keys(e)[dim]] += 1
        if dim == "municipality":
            targets[dim], moved = adjust_municipality_targets(base_targets[dim], available, region_of)
        else:
            targets[dim] = adjust_targets(base_targets[dim], available)
    notes = {
        m: _target_note(m, region_of, base_targets["municipality"], targets["municipality"], moved)
        for m in municipalities
    }
    counts = {dim: {g: 0 for g in targets[dim]} for dim in DIMENSIONS}

    taken: dict[str, int] = {}
    for pass_no, strict in enumerate((DIMENSIONS, DIMENSIONS[:2], DIMENSIONS[:1]), start=1):
        for e in eligible:
            if len(taken) >= total:
                break
            if e[0].number in taken:
                continue
            k = keys(e)
            if all(counts[d][k[d]] < targets[d][k[d]] for d in strict):
                taken[e[0].number] = pass_no
                for d in DIMENSIONS:
                    counts[d][k[d]] += 1

    selected: list[str] = []
    reserve: dict[str, list[str]] = {m: [] for m in municipalities}
    for position, e in enumerate(eligible, start=1):
        a, age, group = e
        k = keys(e)
        prio = _priority_text(a)
        if a.number in taken:
            pass_no = taken[a.number]
            selected.append(a.number)
            if pass_no == 1:
                text = f"Iekļauts: {position}. vieta prioritārajā secībā ({prio}); kvotās bija brīvas vietas."
            else:
                relaxed = [DIMENSION_LV[d] for d in DIMENSIONS[3 - pass_no + 1 :] if counts[d][k[d]] > targets[d][k[d]]]
                over = " un ".join(relaxed) or "kvotu"
                text = (
                    f"Iekļauts: {position}. vieta prioritārajā secībā ({prio}); uzņemts virs {over} mērķa, "
                    "lai sasniegtu kopējo bērnu skaitu."
                )
            text += notes[a.municipality]
            placements[a.number] = Placement(a.number, True, True, pass_no, position, age, group, text)
        else:
            reserve[a.municipality].append(a.number)
            full = [
                f"{DIMENSION_LV[d]} „{k[d]}” kvota ({targets[d][k[d]]}) aizpildīta"
                for d in DIMENSIONS
                if counts[d][k[d]] >= targets[d][k[d]]
            ]
            why = "; ".join(full) if full else f"kopējais bērnu skaits ({total}) sasniegts"
            text = (
                f"Rezervē: {position}. vieta prioritārajā secībā ({prio}); {why} ar bērniem, "
                "kuriem ir augstāka prioritāte."
            ) + notes[a.municipality]
            placements[a.number] = Placement(a.number, True, False, None, position, age, group, text)

    region_totals: dict[str, tuple[int, int]] = {}
    for m in municipalities:
        target, chosen = region_totals.get(region_of[m], (0, 0))
        region_totals[region_of[m]] = (target + base_targets["municipality"][m], chosen + counts["municipality"][m])
    return Selection(
        reference_date=pilot_start,
        total_target=total,
        targets=targets,
        regions=region_totals,
        counts=counts,
        selected=tuple(selected),
        reserve={m: tuple(v) for m, v in reserve.items()},
        placements=tuple(placements[n] for n in numbers),
    )
