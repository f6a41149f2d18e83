"""Selection with the catalogue's municipalities and planning regions: 20 children from each planning
region (L2159), a municipality's shortfall filled within its region first."""

from __future__ import annotations

import datetime as dt
import itertools

from generator.catalogue.catalogue import Catalogue
from generator.reference.params import Params
from generator.reference.selection import Application, select_children

START, END = dt.date(2018, 10, 1), dt.date(2019, 9, 30)
IMPAIRMENTS = ("redzes", "dzirdes", "kustību", "garīga rakstura", "multipli")


def _applications(counts: dict[str, int]) -> list[Application]:
    apps, number = [], itertools.count(1)
    minute = itertools.count()
    for municipality, n in counts.items():
        for _ in range(n):
            k = next(number)
            apps.append(Application(
                number=str(k), municipality=municipality,
                birth_date=dt.date(2001 + (k * 7) % 17, 1 + k % 12, 1 + k % 28),
                impairment=IMPAIRMENTS[k % len(IMPAIRMENTS)], home_schooling=False,
                submitted_at=dt.datetime(2018, 9, 1, 8, 0) + dt.timedelta(minutes=next(minute)),
            ))
    return apps


def test_shortfall_stays_in_the_planning_region(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    municipalities = [m.id for m in catalogue.pilot_municipalities()]
    regions = {m.id: m.region for m in catalogue.pilot_municipalities()}
    short = municipalities[0]
    partner = next(m for m in municipalities[1:] if regions[m] == regions[short])
    counts = {m: 3 * params.quota_per_municipality for m in municipalities}
    counts[short] = params.quota_per_municipality - 4
    apps = _applications(counts)
    home = {a.number: a.municipality for a in apps}
    result = select_children(apps, municipalities, START, END, params, regions=regions)
    targets = result.targets["municipality"]
    assert targets[short] == params.quota_per_municipality - 4
    assert targets[partner] == params.quota_per_municipality + 4  # the same region takes all four places
    assert all(targets[m] == params.quota_per_municipality for m in municipalities if m not in (short, partner))
    per_region = {r: target for r, (target, _) in result.regions.items()}
    assert set(per_region.values()) == {2 * params.quota_per_municipality}  # 20 from each region (L2159)
    assert all(chosen == target for target, chosen in result.regions.values())
    by_number = result.by_number()
    short_texts = [by_number[n].explanation for n in result.selected if home[n] == short]
    partner_texts = [by_number[n].explanation for n in result.selected if home[n] == partner]
    assert short_texts and all(f"tajā pašā plānošanas reģionā ({regions[short]})" in t for t in short_texts)
    assert partner_texts and all("no tā paša plānošanas reģiona" in t for t in partner_texts)
