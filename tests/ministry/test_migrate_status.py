"""`ibm migrate`'s report names a status change alone (D291, D302): B or a 6.8 ceiling at the same number, „apstiprināts”
in the old matrix and „jāprecizē” in the new one (or the reverse). No price or rule change lists it – the money is the
same – yet the new matrix shows the value otherwise (B unconfirmed: its warning and blank P, A and K in 6.5), so the
report says so, with the old and the new status (tests/plan_changes_catalogue.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import eur
from generator.ministry.migrate import Migrator
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    MATRIX_DAY,
    ceiling_confirmed_catalogue,
    ceiling_withdrawn_catalogue,
    withdrawn_catalogue,
)

HEAD = "Mainījies tikai statuss ar to pašu vērtību (vecā matrica → jaunā; plāna summas paliek tās pašas, D291, D302):"


def _migrated(root: Path, make: Callable[[Path], Catalogue], day: dt.date, start: dt.date, item: str) -> str:
    """The report of migrating a matrix of prices day ``day`` (no B typed in 6.11) holding one plan of ``item`` from
    ``start`` (one month) to the matrix of the day holding ``start``."""
    changed = make(root / "catalogue")
    template = write_workbook(changed, root / "veidne.xlsx", None, day)
    offer = {o.id: o for o in changed.offers(day)}[item]
    line = line_from_offer(offer, 5, unit_price=Decimal(18), planned_units=(5,))
    inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1), period_start=start, months=1, special_care=False,
                            impairment="multipli", lines=(line,), base=None)
    people = People(child_name="Ilze Paraugs", child_code="010619-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra", providers={item: "SIA Sniedzējs"})
    [child] = write_children(changed, template, [Child(0, "valmiera", people, inputs)], root / "in",
                             by_municipality=False)
    with Migrator(changed) as migrator:
        return migrator.migrate(child.path, root / "jauna.xlsx").text()


def test_a_withdrawn_b_is_named_with_both_statuses(tmp_path: Path) -> None:
    said = _migrated(tmp_path, withdrawn_catalogue, BASE_CONFIRMED, BASE_WITHDRAWN, "3.1.3i")
    changed = withdrawn_catalogue(tmp_path / "again")
    base = changed.programme.base_amount
    assert f"{HEAD}\n  {base.name_lv} {eur(Decimal(base.at(BASE_WITHDRAWN).value))}: „apstiprināts” → „jāprecizē” " \
           "(jaunajā matricā B nav apstiprināts: 6.5. tabulā no tā atkarīgās summas ir tukšas" in said, said
    assert f"  {base.name_lv}: " not in said, said  # the same number: no rule change of B


def test_a_confirmed_b_is_named_the_other_way(tmp_path: Path) -> None:
    """The matrix of the round (B „jāprecizē”) moved to the matrix of a day after B's confirmation."""
    said = _migrated(tmp_path, withdrawn_catalogue, MATRIX_DAY, BASE_CONFIRMED + dt.timedelta(days=17), "3.1.3i")
    assert "„jāprecizē” → „apstiprināts” (jaunajā matricā B ir apstiprināts)" in said, said


def test_nothing_when_the_status_is_the_same(tmp_path: Path) -> None:
    """B confirmed in both matrices (a withdrawal between them and a new confirmation is no status change either)."""
    said = _migrated(tmp_path, withdrawn_catalogue, BASE_CONFIRMED, BASE_CONFIRMED + dt.timedelta(days=17), "3.1.3i")
    assert HEAD not in said, said
    assert BASE_CHANGE > BASE_WITHDRAWN


def test_a_withdrawn_ceiling_of_the_plan_is_named(tmp_path: Path) -> None:
    said = _migrated(tmp_path, ceiling_withdrawn_catalogue, CEILING_CONFIRMED, CEILING_WITHDRAWN, "3.1.3g")
    assert HEAD in said, said
    line = next(s for s in said.splitlines() if s.startswith("  ") and "3.1.3g" in s)
    assert "griesti" in line and "„apstiprināts” → „jāprecizē” (dokumentos šo griestu vietā ir tukša vieta" in line, line
    assert "pozīcijām, kas plānā nav izmantotas)" in said, said  # the other group sessions, counted
    assert ceiling_confirmed_catalogue  # the same catalogue without the withdrawal (the fixture's base)


def test_a_prices_day_before_b_is_known_stops_no_other_matrix(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """A matrix whose 6.11 prices day is before the catalogue's first B entry has no status to compare (review40 §1):
    it is no unexpected error, and the good matrix beside it is migrated."""
    from click.testing import CliRunner

    from generator.cli import main
    from generator.ministry.matrix import PARAMS_DAY_NAME, Matrix
    from generator.ministry.xlsxpatch import patch_xlsx

    source, children = small_folder
    folder = tmp_path / "vecas"
    folder.mkdir()
    good, early = children[0].path, children[1].path
    (folder / "laba.xlsx").write_bytes(good.read_bytes())
    ref = Matrix.open(early).refs[PARAMS_DAY_NAME]
    patch_xlsx(early, folder / "agra.xlsx", {ref.sheet: {ref.first: dt.date(2000, 1, 1)}}, strip_cached=False)
    result = CliRunner().invoke(main, ["migrate", str(folder), "--out", str(tmp_path / "jaunas")])
    assert "neparedzēta kļūda" not in result.output and "Traceback" not in result.output, result.output
    assert (tmp_path / "jaunas" / "laba.xlsx").exists(), result.output
    assert (tmp_path / "jaunas" / "laba-parnesana.txt").exists(), result.output
