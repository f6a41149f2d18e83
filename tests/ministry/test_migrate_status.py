"""`ibm migrate`'s report names a status change alone (D291, D302): B or a 6.8 ceiling at the same number, „apstiprināts”
in the old matrix and „jāprecizē” in the new one (or the reverse). No price or rule change lists it – the money is the
same – yet the new matrix shows the value otherwise (B unconfirmed: its warning and blank P, A and K in 6.5), so the
report says so, with the old and the new status (tests/plan_changes_catalogue.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import eur
from generator.ministry.migrate import Migrator
from generator.ministry.migrate_status import OPEN, StatusChange, status_amounts_lines
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_CONFIRMED,
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    MATRIX_DAY,
    ceiling_confirmed_catalogue,
    ceiling_withdrawn_catalogue,
    changes_catalogue,
    reconfirmed_catalogue,
    unconfirmed_catalogue,
    withdrawn_catalogue,
)

HEAD = "Mainījies tikai statuss ar to pašu vērtību (vecā matrica → jaunā; plāna summas paliek tās pašas, D291, D302):"


def _migrated(root: Path, make: Callable[[Path], Catalogue], day: dt.date, start: dt.date, item: str, *,
              base: Decimal | None = None, old_make: Callable[[Path], Catalogue] | None = None,
              made_on: dt.date | None = None, migrated_on: dt.date | None = None) -> str:
    """The report of migrating a matrix of prices day ``day`` (``base`` typed in 6.11, none by default; made with
    ``old_make``'s catalogue, by default ``make``'s, on ``made_on``, by default none: the template) holding one plan of
    ``item`` from ``start`` (one month) to the matrix of the day holding ``start``."""
    changed = make(root / "catalogue")
    old_catalogue = old_make(root / "old-catalogue") if old_make is not None else changed
    template = write_workbook(old_catalogue, root / "veidne.xlsx", None, day, made_on=made_on)
    offer = {o.id: o for o in old_catalogue.offers(day)}[item]
    line = line_from_offer(offer, 5, unit_price=Decimal(18), planned_units=(5,))
    inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1), period_start=start, months=1, special_care=False,
                            impairment="multipli", lines=(line,), base=base)
    people = People(child_name="Ilze Paraugs", child_code="010619-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra", providers={item: "SIA Sniedzējs"})
    [child] = write_children(old_catalogue, template, [Child(0, "valmiera", people, inputs)], root / "in",
                             by_municipality=False)
    with Migrator(changed, made_on=migrated_on) as migrator:
        return migrator.migrate(child.path, root / "jauna.xlsx").text()


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_withdrawn_b_is_named_with_both_statuses(tmp_path: Path) -> None:
    said = _migrated(tmp_path, withdrawn_catalogue, BASE_CONFIRMED, BASE_WITHDRAWN, "3.1.3i")
    changed = withdrawn_catalogue(tmp_path / "again")
    base = changed.programme.base_amount
    assert f"{HEAD}\n  {base.name_lv} {eur(Decimal(base.at(BASE_WITHDRAWN).value))}: „apstiprināts” → „jāprecizē” " \
           "(jaunajā matricā B nav apstiprināts: 6.5. tabulā no tā atkarīgās summas ir tukšas" in said, said
    assert f"  {base.name_lv}: " not in said, said  # the same number: no rule change of B


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_b_confirmed_on_the_old_day_is_judged_by_that_day(tmp_path: Path, catalogue: Catalogue) -> None:
    """D314: the old matrix made while B stood confirmed, the new catalogue without that confirmation – the report
    says the old matrix had B confirmed (not that it was an unconfirmed prefill), and lists no warning as gone that
    the old matrix never showed (a typed B equal to an unconfirmed catalogue B)."""
    typed = Decimal(catalogue.programme.base_amount.values[-1].value)  # the B the test catalogue confirms
    said = _migrated(tmp_path, unconfirmed_catalogue, BASE_CONFIRMED, BASE_CONFIRMED, "3.1.3i",
                     old_make=changes_catalogue, base=typed)
    assert "„apstiprināts” → „jāprecizē”" in said, said
    assert "vecajā matricā apstiprināta, bet jaunās matricas cenu dienā katalogs to vairs neapstiprina" in said, said
    assert "kas nav apstiprināta" not in said, said
    assert "vairs nav:" not in said and "brīdinājumi: 0 → 0" in said, said


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_confirmed_b_is_named_the_other_way(tmp_path: Path) -> None:
    """The matrix of the round (B „jāprecizē”) moved to the matrix of a day after B's confirmation."""
    said = _migrated(tmp_path, withdrawn_catalogue, MATRIX_DAY, BASE_CONFIRMED + dt.timedelta(days=17), "3.1.3i")
    assert "„jāprecizē” → „apstiprināts” (jaunajā matricā B ir apstiprināts)" in said, said


def test_nothing_when_the_status_is_the_same(tmp_path: Path) -> None:
    """B confirmed in both matrices (a withdrawal between them and a new confirmation is no status change either)."""
    said = _migrated(tmp_path, withdrawn_catalogue, BASE_CONFIRMED, BASE_CONFIRMED + dt.timedelta(days=17), "3.1.3i")
    assert HEAD not in said, said


def test_a_withdrawn_ceiling_of_the_plan_is_named(tmp_path: Path) -> None:
    said = _migrated(tmp_path, ceiling_withdrawn_catalogue, CEILING_CONFIRMED, CEILING_WITHDRAWN, "3.1.3g")
    assert HEAD in said, said
    line = next(s for s in said.splitlines() if s.startswith("  ") and "3.1.3g" in s)
    assert "griesti" in line and "„apstiprināts” → „jāprecizē” (dokumentos šo griestu vietā ir tukša vieta" in line, line
    assert "pozīcijām, kas plānā nav izmantotas)" in said, said  # the other group sessions, counted


def test_the_old_ceilings_status_is_what_the_old_matrix_showed(tmp_path: Path) -> None:
    """D319: the old matrix, made on the withdrawal's day, marks the group sessions' ceilings withdrawn – it showed
    them „jāprecizē”, as the new matrix does: no status change (the catalogue's status on the old prices day was
    „apstiprināts”)."""
    said = _migrated(tmp_path, ceiling_withdrawn_catalogue, CEILING_CONFIRMED, CEILING_WITHDRAWN, "3.1.3g",
                     made_on=CEILING_WITHDRAWN)
    assert HEAD not in said, said


def test_the_same_prices_day_migrated_after_the_withdrawal(tmp_path: Path) -> None:
    """D330: the old matrix without marks, migrated to the same prices day on or after the withdrawal – the new matrix
    holds the marks (B in 6.11, the ceilings in 6.8), so the report names the status change from them."""
    start = CEILING_CONFIRMED + dt.timedelta(days=3)
    said = _migrated(tmp_path / "c", ceiling_withdrawn_catalogue, CEILING_CONFIRMED, start, "3.1.3g",
                     migrated_on=CEILING_WITHDRAWN)
    line = next(s for s in said.splitlines() if s.startswith("  ") and "3.1.3g" in s)
    assert "„apstiprināts” → „jāprecizē” (dokumentos šo griestu vietā ir tukša vieta" in line, said
    start = BASE_CONFIRMED + dt.timedelta(days=3)
    said = _migrated(tmp_path / "b", withdrawn_catalogue, BASE_CONFIRMED, start, "3.1.3i", migrated_on=BASE_WITHDRAWN)
    assert "„apstiprināts” → „jāprecizē” (jaunajā matricā B nav apstiprināts" in said, said


def test_an_old_matrix_s_b_mark_is_its_status_without_saved_values(tmp_path: Path) -> None:
    """D342: the old matrix was made after B's withdrawal (6.11 carries the mark, D318: it showed B „jāprecizē”), and
    saved by a program that keeps no values of its formulas, so its 6.11 status cannot be read: the mark says it, not
    the catalogue's status on its prices day („apstiprināts”). Migrated to a day after B's confirmation again, the
    report names „jāprecizē” → „apstiprināts”; migrated to its own prices day while the withdrawal holds, nothing."""
    said = _migrated(tmp_path / "again", reconfirmed_catalogue, BASE_CONFIRMED, BASE_RECONFIRMED, "3.1.3i",
                     made_on=BASE_WITHDRAWN)
    assert f"{HEAD}\n" in said and "„jāprecizē” → „apstiprināts” (jaunajā matricā B ir apstiprināts)" in said, said
    same = _migrated(tmp_path / "same", withdrawn_catalogue, BASE_CONFIRMED, BASE_CONFIRMED + dt.timedelta(days=3),
                     "3.1.3i", made_on=BASE_WITHDRAWN, migrated_on=BASE_WITHDRAWN)
    assert HEAD not in same, same


AMOUNTS_BLANK = ("  Summas ir tās pašas, bet jaunajā matricā B nav apstiprināts (sk. statusa maiņu iepriekš): tur 6.5. "
                 "tabulā no tā atkarīgās summas ir tukšas vietas ar piezīmi, bet vecajā matricā tās ir skaitļi. "
                 "Neapstiprinātu B matrica neskaita kā brīdinājumu, tāpēc brīdinājumu skaits tā dēļ nemainās.")


def test_the_amounts_section_agrees_with_b_s_status_line(tmp_path: Path) -> None:
    """D334: B withdrawn between the two matrices – on a later prices day or by the new matrix's mark (the same prices
    day, migrated after the withdrawal): the amounts section says, beside its unchanged sums and its warnings 0 → 0,
    that the new matrix prints the sums resting on B as blanks and counts no warning for it; the other way, that the
    old one did. Nothing of it for a ceiling (its warning is counted) or for the ministry's own B typed in 6.11."""
    cases = {
        "later": _migrated(tmp_path / "later", withdrawn_catalogue, BASE_CONFIRMED, BASE_WITHDRAWN, "3.1.3i"),
        "marked": _migrated(tmp_path / "marked", withdrawn_catalogue, BASE_CONFIRMED,
                            BASE_CONFIRMED + dt.timedelta(days=3), "3.1.3i", migrated_on=BASE_WITHDRAWN),
    }
    for case, said in cases.items():
        counts = next(s for s in said.splitlines() if s.startswith("  Kļūdas: "))
        assert "brīdinājumi: 0 → 0" in counts, (case, said)
        after = said.splitlines()[said.splitlines().index(counts) + 1]
        assert after == AMOUNTS_BLANK, (case, said)
    confirmed = _migrated(tmp_path / "confirmed", withdrawn_catalogue, MATRIX_DAY,
                          BASE_CONFIRMED + dt.timedelta(days=17), "3.1.3i")
    assert ("Summas ir tās pašas, bet vecajā matricā B nav apstiprināts (sk. statusa maiņu iepriekš): tur 6.5. tabulā "
            "no tā atkarīgās summas ir tukšas vietas ar piezīmi, bet jaunajā matricā tās ir skaitļi.") in confirmed
    typed = _migrated(tmp_path / "typed", withdrawn_catalogue, BASE_CONFIRMED, BASE_WITHDRAWN, "3.1.3i",
                      base=Decimal("3123.45"))
    ceiling = _migrated(tmp_path / "ceiling", ceiling_withdrawn_catalogue, CEILING_CONFIRMED, CEILING_WITHDRAWN,
                        "3.1.3g")
    assert "Summas ir tās pašas" not in typed + ceiling, (typed, ceiling)
    assert "brīdinājumi: 0 → 1" in ceiling, ceiling  # the ceiling's warning is counted: the counts show it


def test_no_line_without_the_withdrawal(tmp_path: Path) -> None:
    """The same matrix and day with the catalogue that does not withdraw the ceilings: no status line."""
    said = _migrated(tmp_path, ceiling_confirmed_catalogue, CEILING_CONFIRMED, CEILING_WITHDRAWN, "3.1.3g")
    assert HEAD not in said, said


def test_a_ministry_b_typed_in_6_11_still_applies(tmp_path: Path) -> None:
    """The old matrix has the ministry's own B in 6.11 (carried over): P, A and K rest on it, no blank is said."""
    typed = Decimal("3123.45")
    said = _migrated(tmp_path, withdrawn_catalogue, BASE_CONFIRMED, BASE_WITHDRAWN, "3.1.3i", base=typed)
    line = next(s for s in said.splitlines() if "„apstiprināts” → „jāprecizē”" in s)
    assert f"6.11. tabulā ierakstītais Labklājības ministrijas B {eur(typed)} paliek spēkā" in line, line
    assert "tukša" not in line, line


def test_the_old_status_is_what_the_old_matrix_showed(tmp_path: Path) -> None:
    """A matrix made while B stood confirmed, migrated after the catalogue withdrew it from a day before the
    matrix's prices day (backdated), to the same prices day: its 6.11 said „apstiprināts”, the new one „jāprecizē”."""
    day = BASE_WITHDRAWN + dt.timedelta(days=10)
    said = _migrated(tmp_path, withdrawn_catalogue, day, day, "3.1.3i", old_make=changes_catalogue)
    assert "„apstiprināts” → „jāprecizē” (jaunajā matricā B nav apstiprināts" in said, said


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


def test_the_amounts_line_does_not_call_changed_sums_the_same() -> None:
    """B's status changed while a price or parameter changed the sums too (the P/N/A/K lines show a difference): the
    line says only where B is a blank, not „Summas ir tās pašas”."""
    change = [StatusChange("Bāzes apmērs (B)", "apstiprināts", OPEN, True, base=True)]
    assert status_amounts_lines(change)[0].startswith("  Summas ir tās pašas, bet jaunajā matricā B nav")
    changed = status_amounts_lines(change, same_sums=False)
    assert changed[0].startswith("  Jaunajā matricā B nav apstiprināts") and "tās pašas" not in changed[0], changed
