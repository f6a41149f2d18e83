"""Checks that span files: references, duplicates, a price for every priced item, unconfirmed figures, the ministry's
document of a confirmed value (D310)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from generator.catalogue.confirmation import value_withdraws
from generator.catalogue.confirming_documents import EXPECTED as DOCUMENT_EXPECTED
from generator.catalogue.confirming_documents import problems_of as undocumented
from generator.catalogue.models import Parameter, Pilot, PriceKind, PriceStatus, Regime
from generator.catalogue.problems import Problem, Severity, lv_number
from generator.catalogue.yamlfile import Loc, YamlFile
from generator.lvformat import eur

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue
    from generator.catalogue.models import Municipality, Round


# A required field that is absent (the loader's word too); `ibm changes` fills such a field of an older version.
MISSING = "lauks nav norādīts"
# What a money amount of the catalogue must look like (D87): the loader says the same for a price or an envelope.
CENTS_EXPECTED = "summa euro ar ne vairāk kā diviem cipariem aiz komata"


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.unloaded: frozenset[str] = frozenset()  # services/, prices/ files that did not load (their stems)

    def add(self, yf: YamlFile, loc: Loc, field: str, message: str, expected: str | None = None,
            warn: bool = False) -> None:
        severity = Severity.warning if warn else Severity.error
        self.problems.append(Problem(yf.path, yf.line_of(loc), field, message, expected, severity))


# The checks across files, each with the single files it reads and what it checks in words. The loader runs a check
# when its files loaded, and names the skipped ones when a file could not be read (one bad file never hides the
# errors of the others, audit39 F3). services/ and prices/ files that failed are named in ``unloaded``.
CHECKS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("_services", ("enums",), "pakalpojumu atsauces"),
    ("_prices", ("enums",), "cenu atsauces un apstiprinājumu dokumenti"),
    ("_programme", ("programme", "enums"), "programmas svari, kvotas un apstiprinājumu dokumenti"),
    ("_municipalities", ("municipalities",), "pašvaldību id"),
    ("_rounds", ("rounds", "municipalities"), "kārtu pašvaldības un pakalpojumu laiki"),
    ("_report_settings", ("programme", "rounds"), "atskaišu parametri kārtu mēnešos"),
)


def cross_reference_problems(cat: Catalogue, loaded: frozenset[str] | None = None,
                             unloaded: frozenset[str] = frozenset()) -> list[Problem]:
    """The problems across files. ``loaded``: the single files (programme, enums, …) that loaded, None for all;
    ``unloaded``: the ids (file stems) of services/ and prices/ files that did not load – no reference to one of
    them is reported as unknown or missing."""
    run = {"_services": _services, "_prices": _prices, "_programme": _programme, "_municipalities": _municipalities,
           "_rounds": _rounds, "_report_settings": _report_settings}
    out = _Collector()
    out.unloaded = unloaded
    for name, needs, _what in CHECKS:
        if loaded is None or set(needs) <= loaded:
            run[name](cat, out)
    return out.problems


def _file_id(out: _Collector, yf: YamlFile, ident: str, seen: set[str], noun: str, what: str) -> None:
    """One file per id, named after it, so a newcomer finds an item by its code."""
    if yf.path.stem != ident:
        out.add(yf, ("id",), "id", f"faila nosaukums neatbilst {noun} {ident}", f"{ident}.yaml")
    if ident in seen:
        out.add(yf, ("id",), "id", f"{what} {ident} atkārtojas", "unikāls")
    seen.add(ident)


def _services(cat: Catalogue, out: _Collector) -> None:
    units = {u.id for u in cat.enums.units}
    areas = {a.number for a in cat.enums.support_areas}
    priced = {p.service for p in cat.prices if p.service}
    seen: set[str] = set()
    for service, yf in zip(cat.services, cat.service_files, strict=True):
        _file_id(out, yf, service.id, seen, "kodam", "pakalpojuma kods")
        area, number = (int(x) for x in service.id.split(".")[:2])
        if area != service.area:
            out.add(yf, ("area",), "area", f"kods {service.id} neatbilst jomai {service.area}", str(area))
        if number != service.service_number:
            out.add(yf, ("service_number",), "service_number",
                    f"kods {service.id} neatbilst numuram {service.service_number}", str(number))
        if service.unit not in units:
            out.add(yf, ("unit",), "unit", f"nezināma mērvienība „{service.unit}”", ", ".join(sorted(units)))
        if service.area not in areas:
            out.add(yf, ("area",), "area", f"nezināma atbalsta joma {service.area}", ", ".join(map(str, sorted(areas))))
        for attr in ("incompatible_with", "includes_sessions_of"):
            for i, other in enumerate(getattr(service, attr)):
                if (other not in cat.service_by_id and other not in out.unloaded) or other == service.id:
                    out.add(yf, (attr, i), attr, f"nezināms pakalpojums {other}", "cita pakalpojuma kods")
        if service.regime is not Regime.actual_cost and service.id not in priced and service.id not in out.unloaded:
            out.add(yf, ("regime",), "regime", "pakalpojumam nav cenas faila", f"prices/{service.id}.yaml")


def _prices(cat: Catalogue, out: _Collector) -> None:
    from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID

    units = {u.id for u in cat.enums.units}
    seen: set[str] = set()
    per_service = Counter(p.service for p in cat.prices if p.service)
    for price, yf in zip(cat.prices, cat.price_files, strict=True):
        _file_id(out, yf, price.id, seen, "id", "cenas id")
        if price.service is not None:
            service = cat.service_by_id.get(price.service)
            if service is None and price.service not in out.unloaded:
                out.add(yf, ("service",), "service", f"nezināms pakalpojums {price.service}", "esošs pakalpojuma kods")
            elif service is not None and service.regime is not price.regime:
                out.add(yf, ("regime",), "regime", f"režīms {price.regime} neatbilst pakalpojuma režīmam",
                        service.regime.value)
            if per_service[price.service] > 1:
                out.add(yf, ("service",), "service", f"pakalpojumam {price.service} ir vairāki cenu faili",
                        "viens cenu fails katram pakalpojumam")
        # which items a price parameter caps is catalogue data (F10 of audit24: `ibm changes` names them)
        if price.service is None and price.applies_to is None:
            out.add(yf, ("applies_to",), "applies_to", MISSING, "cenu parametram – pozīcijas, uz kurām tas attiecas "
                    "(forms, regimes, source)")
        elif price.service is not None and price.applies_to is not None:
            out.add(yf, ("applies_to",), "applies_to", "pakalpojuma cenai lauks nav vajadzīgs",
                    "applies_to tikai cenu parametram bez service")
        if price.unit not in units:
            out.add(yf, ("unit",), "unit", f"nezināma mērvienība „{price.unit}”", ", ".join(sorted(units)))
        for i, value in enumerate(price.values):
            if value.status is PriceStatus.to_verify:
                shown = eur(value.amount) if value.amount is not None else "summa nav zināma"
                before = _before(price.values, value)
                what = "griesti" if value.kind is PriceKind.ceiling else "cena"
                # D323: a withdrawal is named as B's is (D302), not as a price never confirmed
                said = (f"{what} „{price.name_lv}” no {value.effective_from:%d.%m.%Y} ({shown}) atkal ir jāprecizē: "
                        f"ieraksts no {before.effective_from:%d.%m.%Y} to pašu apmēru apstiprināja (atsaukums: "
                        f"{value.source}); plānus tas neatsaka, bet dokumentos, ko izveido no šīs dienas, šī apmēra "
                        "vietā ir tukša vieta (D302)" if value_withdraws(before, value) else
                        f"cena „{price.name_lv}” no {value.effective_from:%d.%m.%Y} ({shown}) ir jāprecizē")
                out.add(yf, ("values", i, "status"), "status", said, warn=True)
        # a confirmation names LM's document (D310), and so does a confirmed price citing LM (D352)
        for i, message in undocumented(price.name_lv, price.values, price=True):
            out.add(yf, ("values", i, "source"), f"values.{i}.source", message, DOCUMENT_EXPECTED)
    for needed in (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID):
        if needed not in cat.price_by_id and needed not in out.unloaded:
            out.problems.append(
                Problem(cat.root / "prices", 1, "id", f"trūkst cenu parametra {needed}", f"prices/{needed}.yaml")
            )
    _same_group_scope(cat, out)


def _same_group_scope(cat: Catalogue, out: _Collector) -> None:
    """The ceiling 6.8 applies is the base minus the transport reduction, but the base's scope alone decides its
    rows; a reduction with another scope would make `ibm changes` name items 6.8 does not cap (review5 F8)."""
    from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID

    files = {price.id: (price, yf) for price, yf in zip(cat.prices, cat.price_files, strict=True)}
    if GROUP_CEILING_ID not in files or GROUP_TRANSPORT_REDUCTION_ID not in files:
        return
    base, reduction = files[GROUP_CEILING_ID][0].applies_to, files[GROUP_TRANSPORT_REDUCTION_ID][0].applies_to
    if base is None or reduction is None:
        return
    if set(base.forms) != set(reduction.forms) or set(base.regimes) != set(reduction.regimes):
        wanted = (f"forms: [{', '.join(f.value for f in base.forms)}], "
                  f"regimes: [{', '.join(r.value for r in base.regimes)}]")
        out.add(files[GROUP_TRANSPORT_REDUCTION_ID][1], ("applies_to",), "applies_to",
                f"attiecas uz citām pozīcijām nekā {GROUP_CEILING_ID}.yaml, no kura to atskaita",
                f"tās pašas pozīcijas kā {GROUP_CEILING_ID}.yaml ({wanted})")


def _before(values: list, value: Any) -> Any:  # noqa: ANN401 - dated catalogue values
    """The entry of ``values`` in force the day before ``value``'s (None: the first one): the one it may withdraw."""
    earlier = [v for v in values if v.effective_from < value.effective_from]
    return max(earlier, key=lambda v: v.effective_from) if earlier else None


def _withdrawn_base(cat: Catalogue, yf: YamlFile, out: _Collector) -> None:
    """A warning for each B entry that withdraws the confirmation before it at the same amount (D302): the papers
    print B as a blank again from its day, which the entry's own „jāprecizē” does not tell the ministry (as a price's
    „jāprecizē” entry is warned of)."""
    base = cat.programme.base_amount
    ordered = sorted(enumerate(base.values), key=lambda pair: pair[1].effective_from)
    for (_, before), (i, value) in zip(ordered, ordered[1:], strict=False):
        if value_withdraws(before, value):
            out.add(yf, ("base_amount", "values", i, "status"), f"base_amount.values.{i}.status",
                    f"„{base.name_lv}” no {value.effective_from:%d.%m.%Y} ({eur(value.value)}) atkal ir jāprecizē: "
                    f"ieraksts no {before.effective_from:%d.%m.%Y} to pašu apmēru apstiprināja (atsaukums: "
                    f"{value.source}); plānus tas neatsaka, "
                    "bet dokumentos, ko izveido no šīs dienas, B vietā ir tukša vieta (D302)", warn=True)


def _programme(cat: Catalogue, out: _Collector) -> None:
    yf = cat.files["programme"]
    expert = {v.effective_from: v.value for v in cat.programme.expert_weight.values}
    for i, value in enumerate(cat.programme.parent_weight.values):
        partner = expert.get(value.effective_from)
        if partner is None:
            out.add(yf, ("parent_weight", "values", i, "effective_from"), "parent_weight.values.effective_from",
                    "ekspertu svaram nav vērtības no šī paša datuma", "abi svari mainās kopā")
        elif partner + value.value != Decimal(1):
            out.add(yf, ("parent_weight", "values", i, "value"), f"parent_weight.values.{i}.value",
                    f"ekspertu un vecāku svaru summai jābūt 1 (ir {lv_number(partner)} + {lv_number(value.value)})",
                    lv_number(1 - partner))
    for i, dated in enumerate(cat.programme.base_amount.values):  # money is whole cents (D87, models.Cents)
        if dated.value != dated.value.quantize(Decimal("0.01")):
            out.add(yf, ("base_amount", "values", i, "value"), f"base_amount.values.{i}.value",
                    f"summa {lv_number(dated.value)} nav veselos centos", CENTS_EXPECTED)
    for field in type(cat.programme).model_fields:  # a confirmation names LM's document; B's always (D310)
        param = getattr(cat.programme, field)
        if isinstance(param, Parameter):
            for i, message in undocumented(param.name_lv, param.values, printed=field == "base_amount"):
                out.add(yf, (field, "values", i, "source"), f"{field}.values.{i}.source", message, DOCUMENT_EXPECTED)
    _withdrawn_base(cat, yf, out)
    groups = {g.id for g in cat.enums.age_groups}
    for i, value in enumerate(cat.programme.selection_quotas.values):
        if set(value.value.per_age_group) != groups:
            out.add(yf, ("selection_quotas", "values", i, "value", "per_age_group"), "selection_quotas.per_age_group",
                    "vecuma grupas neatbilst enums.yaml sarakstam", ", ".join(sorted(groups)))


def _report_settings(cat: Catalogue, out: _Collector) -> None:
    """Every report month of a children's round settles with the report settings in force on its first day (D201):
    each of them needs a value from the first day of the round's first month, or its reports and the reference
    settlement have no figure for that month (a warning: the round's other papers and prices still work; its report
    workbooks stop with reference.errors.CatalogueGap, which names the same value)."""
    from generator.reference.settlement import SETTLEMENT_KEYS

    yf = cat.files["programme"]
    rounds = [r for r in cat.rounds if r.programme is Pilot.children and r.start is not None]  # None: D311
    if not rounds:
        return
    earliest = min(rounds, key=lambda r: r.start)
    month = earliest.start.replace(day=1)
    for key in SETTLEMENT_KEYS:
        parameter = getattr(cat.programme, key)
        first = parameter.values[0].effective_from
        if first > month:
            out.add(yf, (key, "values", 0, "effective_from"), f"{key}.values.0.effective_from",
                    f"„{parameter.name_lv}” pirmā vērtība ir spēkā no {first:%d.%m.%Y}, bet kārtas {earliest.id} "
                    f"pirmais pārskata mēnesis ({month:%m.%Y}) sākas agrāk: tā mēneša atskaitēm vērtības nav",
                    f"vērtība, kas spēkā ne vēlāk kā no {month:%d.%m.%Y}", warn=True)


def _municipalities(cat: Catalogue, out: _Collector) -> None:
    yf = cat.files["municipalities"]
    seen: set[str] = set()
    short_names: dict[str, str] = {}  # a short name -> the id of the municipality that has it first
    for i, municipality in enumerate(cat.municipalities.municipalities):
        if municipality.id in seen:
            out.add(yf, ("municipalities", i, "id"), "id", f"pašvaldības id {municipality.id} atkārtojas", "unikāls id")
        seen.add(municipality.id)
        _short_name(yf, i, municipality, short_names, out)
        for field in ("name_forms", "social_service_forms"):
            if getattr(municipality, field) is None:
                out.add(yf, ("municipalities", i, "id"), field,
                        f"pašvaldībai {municipality.id} nav nosaukuma locījumu: dokumentos nosaukums netiks locīts",
                        "{genitive: …, dative: …, locative: …, gender: vīriešu|sieviešu}", warn=True)


NOVADA = " novada pašvaldība"


def _short_name(yf: YamlFile, i: int, municipality: Municipality, short_names: dict[str, str],
                out: _Collector) -> None:
    """A municipality's short name (D179) is its own – the summary's formulas find a municipality's rows by it – and
    names the territory, not the institution: "Bauskas novads" for "Bauskas novada pašvaldība", never longer than
    the full name nor ending in "pašvaldība"."""
    short, name = municipality.short_name_lv, municipality.name_lv
    where = ("municipalities", i, "short_name_lv")
    other = short_names.setdefault(short.casefold(), municipality.id)
    if other != municipality.id:
        out.add(yf, where, f"municipalities.{i}.short_name_lv",
                f"pašvaldības {municipality.id} īsais nosaukums „{short}” jau ir pašvaldībai {other}",
                "katrai pašvaldībai cits īsais nosaukums")
    if name.endswith(NOVADA) and short != name[:-len(NOVADA)] + " novads":
        out.add(yf, where, f"municipalities.{i}.short_name_lv",
                f"pašvaldības {municipality.id} īsais nosaukums „{short}” neatbilst nosaukumam „{name}”",
                f"„{name[:-len(NOVADA)]} novads”")
    elif short.casefold().endswith("pašvaldība") or len(short) >= len(name):
        out.add(yf, where, f"municipalities.{i}.short_name_lv",
                f"pašvaldības {municipality.id} īsais nosaukums „{short}” nav īsāks teritorijas nosaukums",
                "novada vai pilsētas nosaukums nominatīvā, piem. „Bauskas novads”, „Jelgava”")


def _rounds(cat: Catalogue, out: _Collector) -> None:
    """Round ids are unique, every municipality is in municipalities.yaml (once per round), and
    the services windows of one programme's rounds do not overlap, so a plan's first day belongs
    to at most one reporting period (D21). An entry of a rounds.yaml with errors has None in a wrong field
    (partial_rounds.py, D311): the checks that need that field skip the entry, its other fields are checked."""
    yf = cat.files["rounds"]
    known = {m.id for m in cat.municipalities.municipalities}
    seen: set[str] = set()
    for i, round_ in enumerate(cat.rounds):
        if round_.id in seen:
            out.add(yf, ("rounds", i, "id"), "id", f"kārtas id {round_.id} atkārtojas", "unikāls id")
        if round_.id is not None:
            seen.add(round_.id)
        listed: set[str] = set()
        for j, municipality in enumerate(round_.municipalities or ()):
            loc = ("rounds", i, "municipalities", j)
            if municipality not in known:
                out.add(yf, loc, f"rounds.{i}.municipalities", f"nezināma pašvaldība „{municipality}”",
                        "pašvaldības id no municipalities.yaml")
            elif municipality in listed:
                out.add(yf, loc, f"rounds.{i}.municipalities", f"pašvaldība {municipality} kārtā norādīta divreiz",
                        "katra pašvaldība vienreiz")
            listed.add(municipality)
        if not _services_window(round_):
            continue
        missing = [y for y in range(round_.services_start.year, round_.services_end.year + 1)
                   if y not in cat.holiday_years]
        if missing and cat.holidays is not None:  # None only for a version from before holidays.yaml
            out.add(yf, ("rounds", i, "services_end"), f"rounds.{i}.services_end",
                    f"svētku dienu sarakstā (holidays.yaml) nav {', '.join(map(str, missing))}. gada; bez tā "
                    "darba dienas dienas aprūpei un darbnīcām nevar saskaitīt",
                    "holidays.yaml gads katram kārtas pakalpojumu laika gadam")
    windows = [(i, r) for i, r in enumerate(cat.rounds) if r.programme is not None and _services_window(r)]
    for n, (i, a) in enumerate(windows):
        for _, b in windows[:n]:
            if a.programme is b.programme and a.services_start <= b.services_end and b.services_start <= a.services_end:
                out.add(yf, ("rounds", i, "services_start"), f"rounds.{i}.services_start",
                        f"kārtas {a.id} pakalpojumu laiks ({a.services_start:%d.%m.%Y}–{a.services_end:%d.%m.%Y}) "
                        f"pārklājas ar kārtu {b.id} ({b.services_start:%d.%m.%Y}–{b.services_end:%d.%m.%Y})",
                        "vienas programmas kārtu pakalpojumu laiki nepārklājas")


def _services_window(round_: Round) -> bool:
    """Has the round a services window to check (both days valid, in order; an entry with errors may lack one)?"""
    return (round_.services_start is not None and round_.services_end is not None
            and round_.services_start <= round_.services_end)
