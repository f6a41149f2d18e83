"""Checks that span files: references, duplicates, a price for every priced item, unconfirmed figures."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.catalogue.models import PriceStatus, Regime
from generator.catalogue.problems import Problem, Severity

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue


def cross_reference_problems(cat: Catalogue) -> list[Problem]:
    problems: list[Problem] = []

    def at(key: str, loc: tuple, field: str, message: str, expected: str | None = None, warn: bool = False) -> None:
        yf = cat.files[key]
        problems.append(
            Problem(
                yf.path,
                yf.line_of(loc),
                field,
                message,
                expected,
                Severity.warning if warn else Severity.error,
            )
        )

    # file names equal ids, so a newcomer finds an item by its code
    for service in cat.services:
        key = f"service:{service.id}"
        if key in cat.files and cat.files[key].path.stem != service.id:
            at(key, ("id",), "id", f"faila nosaukums neatbilst kodam {service.id}", f"{service.id}.yaml")
    for price in cat.prices:
        key = f"price:{price.id}"
        if key in cat.files and cat.files[key].path.stem != price.id:
            at(key, ("id",), "id", f"faila nosaukums neatbilst id {price.id}", f"{price.id}.yaml")

    # duplicates (two files with one id overwrite each other in cat.files, so count on the lists)
    for kind, ids in (("pakalpojuma", [s.id for s in cat.services]), ("cenas", [p.id for p in cat.prices])):
        for dup, count in Counter(ids).items():
            if count > 1:
                prefix = "service" if kind == "pakalpojuma" else "price"
                at(f"{prefix}:{dup}", ("id",), "id", f"{kind} kods {dup} atkārtojas {count} failos", "unikāls kods")
    for dup, count in Counter(m.id for m in cat.municipalities.municipalities).items():
        if count > 1:
            index = [m.id for m in cat.municipalities.municipalities].index(dup)
            at("municipalities", ("municipalities", index, "id"), "id", f"pašvaldības id {dup} atkārtojas", "unikāls id")

    units = {u.id for u in cat.enums.units}
    areas = {a.number for a in cat.enums.support_areas}
    for service in cat.services:
        key = f"service:{service.id}"
        if service.unit not in units:
            at(key, ("unit",), "unit", f"nezināma mērvienība {service.unit!r}", ", ".join(sorted(units)))
        if service.area not in areas:
            at(key, ("area",), "area", f"nezināma atbalsta joma {service.area}", ", ".join(map(str, sorted(areas))))
        for i, other in enumerate(service.incompatible_with):
            if other not in cat.service_by_id:
                at(key, ("incompatible_with", i), "incompatible_with", f"nezināms pakalpojums {other}", "esošs kods")
        if service.regime is not Regime.actual_cost and service.id not in cat.price_by_service:
            at(key, ("regime",), "regime", "pakalpojumam nav cenas faila", f"prices/ fails ar service: {service.id}")

    for price in cat.prices:
        key = f"price:{price.id}"
        if price.service is not None:
            service = cat.service_by_id.get(price.service)
            if service is None:
                at(key, ("service",), "service", f"nezināms pakalpojums {price.service}", "esošs pakalpojuma kods")
            elif service.regime is not price.regime:
                at(key, ("regime",), "regime", f"režīms {price.regime} neatbilst pakalpojuma režīmam", service.regime)
        if price.unit not in units:
            at(key, ("unit",), "unit", f"nezināma mērvienība {price.unit!r}", ", ".join(sorted(units)))
        for i, value in enumerate(price.values):
            if value.status is PriceStatus.to_verify:
                shown = value.amount if value.amount is not None else "nav zināma"
                at(
                    key,
                    ("values", i, "status"),
                    "status",
                    f"cena '{price.name_lv}' no {value.effective_from:%d.%m.%Y} ({shown}) ir jāprecizē",
                    warn=True,
                )
    counts = Counter(p.service for p in cat.prices if p.service)
    for service_id, count in counts.items():
        if count > 1:
            at(f"service:{service_id}", ("id",), "id", f"pakalpojumam ir {count} cenu faili", "viens cenu fails")

    from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID

    for needed in (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID):
        if needed not in cat.price_by_id:
            problems.append(
                Problem(cat.root / "prices", 1, "id", f"trūkst cenu parametra {needed}", f"prices/{needed}.yaml")
            )

    quotas = cat.programme.selection_quotas
    groups = {g.id for g in cat.enums.age_groups}
    for i, value in enumerate(quotas.values):
        if set(value.value.per_age_group) != groups:
            at(
                "programme",
                ("selection_quotas", "values", i, "value", "per_age_group"),
                "selection_quotas.per_age_group",
                "vecuma grupas neatbilst enums.yaml sarakstam",
                ", ".join(sorted(groups)),
            )
    return problems
