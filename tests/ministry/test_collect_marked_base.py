"""D318/D319 with D296: a matrix made after the catalogue put its prices day's confirmed B back to „jāprecizē” holds
6.11's mark and recomputes with B unconfirmed, but the collection describes its B by its status on the prices day
(confirmed) and on the collection's day, as it does an unmarked matrix of the same prices day: „bija apstiprināts …
atkal ir „jāprecizē” no …” while withdrawn, and no „B, kas matricas cenu dienā bija „jāprecizē”” once confirmed
again."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import date as lv_date
from generator.ministry.collect import Options, collect
from generator.ministry.final_status import STATUS_FINAL, ceiling_warnings
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_CONFIRMED,
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    MUNICIPALITIES,
    reconfirmed_catalogue,
)

KEY = b"d318-marked-collect-key-0123456789abcdef"


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, dict[str, Path]]:
    """The same plan in a matrix of prices day BASE_CONFIRMED made on the day B is withdrawn (marked) and in one made
    on its prices day (unmarked)."""
    root = tmp_path_factory.mktemp("marked-base-collect")
    catalogue = reconfirmed_catalogue(root / "catalogue")
    offers = {o.id: o for o in catalogue.offers(BASE_CONFIRMED)}
    lines = (line_from_offer(offers["3.1.3i"], 10, unit_price=Decimal(20), planned_units=(5, 5)),)
    inputs = WorkbookInputs(birth_date=dt.date(2019, 5, 1), period_start=dt.date(2027, 1, 1), months=2,
                            special_care=False, impairment="multipli", lines=lines, base=None)
    people = People(child_name="Anna Paraugs", child_code="010519-20000", parent_name="Pēteris Paraugs",
                    social_worker="Līga Piemēra", providers={"3.1.3i": "SIA Sniedzējs 1"})
    folders = {}
    for name, made in (("marked", BASE_WITHDRAWN), ("plain", BASE_CONFIRMED)):
        template = write_workbook(catalogue, root / f"veidne-{name}.xlsx", None, BASE_CONFIRMED, made_on=made)
        write_children(catalogue, template, [Child(0, MUNICIPALITIES[0], people, inputs)], root / name)
        folders[name] = root / name
    return catalogue, folders


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_marked_matrix_s_b_is_described_as_an_unmarked_one_s(folders: tuple[Catalogue, dict[str, Path]]) -> None:
    catalogue, paths = folders
    gone = {name: collect(path, catalogue, KEY, Options(jobs=1, day=BASE_WITHDRAWN)) for name, path in paths.items()}
    assert gone["marked"].provisional == gone["plain"].provisional, gone["marked"].provisional
    assert f"atkal ir „jāprecizē” no {lv_date(BASE_WITHDRAWN)}" in gone["marked"].provisional
    again = {name: collect(path, catalogue, KEY, Options(jobs=1, day=BASE_RECONFIRMED)) for name, path in paths.items()}
    for name, result in again.items():
        assert result.provisional is None and result.base_confirmed is None, (name, result.base_confirmed)
        assert [result.status(r) for r in result.records] == [STATUS_FINAL], name


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_marked_ceiling_has_the_collection_day_s_status(tmp_path: Path) -> None:
    """D319 with D302: a matrix marking a group session's ceiling withdrawn is collected as one made before the
    withdrawal: the dated warning with its cell while the catalogue has it „jāprecizē”, none once it confirms it
    again (ceilings_on_day.py, the papers' rule)."""
    from tests.plan_changes_catalogue import (
        CEILING_CONFIRMED,
        CEILING_RECONFIRMED,
        CEILING_WITHDRAWN,
        ceiling_reconfirmed_catalogue,
    )

    catalogue = ceiling_reconfirmed_catalogue(tmp_path / "catalogue")
    offer = {o.id: o for o in catalogue.offers(CEILING_CONFIRMED)}["3.1.2g"]
    inputs = WorkbookInputs(birth_date=dt.date(2019, 5, 1), period_start=dt.date(2026, 12, 1), months=2,
                            special_care=False, impairment="multipli", base=None,
                            lines=(line_from_offer(offer, 2, unit_price=Decimal(10), planned_units=(1, 1)),))
    people = People(child_name="Anna Paraugs", child_code="010519-20000", parent_name="Pēteris Paraugs",
                    social_worker="Līga Piemēra", providers={"3.1.2g": "SIA Sniedzējs 1"})
    said: dict[tuple[str, dt.date], list[str]] = {}
    for name, made in (("marked", CEILING_WITHDRAWN), ("plain", CEILING_CONFIRMED)):
        template = write_workbook(catalogue, tmp_path / f"veidne-{name}.xlsx", None, CEILING_CONFIRMED, made_on=made)
        write_children(catalogue, template, [Child(0, MUNICIPALITIES[0], people, inputs)], tmp_path / name)
        for day in (CEILING_WITHDRAWN, CEILING_RECONFIRMED):
            result = collect(tmp_path / name, catalogue, KEY, Options(jobs=1, day=day))
            said[name, day] = [f.message for r in result.records for f in ceiling_warnings(r)]
    for day, count in ((CEILING_WITHDRAWN, 1), (CEILING_RECONFIRMED, 0)):
        assert said["marked", day] == said["plain", day] and len(said["plain", day]) == count, said
    assert f"no {lv_date(CEILING_WITHDRAWN)} atkal" in said["marked", CEILING_WITHDRAWN][0] \
        and "(6.8. tabula, I" in said["marked", CEILING_WITHDRAWN][0], said
