"""`ibm migrate` of a matrix whose template predates a check (D147, D148; audit31 F1): the report compares against
what the old file showed and names the check the old template did not have, instead of "no new errors"."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import Migrator
from generator.ministry.rule_names import rule_name
from generator.ministry.template_checks import CHECK_FLAGS, unchecked_codes
from generator.ministry.xlsxpatch import patch_xlsx
from generator.ministry.xlsxread import read_xlsx
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, make_children, write_children
from tests.ministry.test_migrate_old_template import old_template

TIMED = ("stunda", "diennakts")


def too_many_hours(child: Child) -> Child | None:
    """The child with its first hour or day line at 1 000 units a month: more than any period holds (D147)."""
    lines = list(child.inputs.lines)
    for i, line in enumerate(lines):
        if line.unit in TIMED and line.offer_id:
            months = child.inputs.months
            lines[i] = dataclasses.replace(line, units=Decimal(1000 * months), planned_units=tuple(
                [Decimal(1000)] * months) if line.planned_units else ())
            return dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=tuple(lines)))
    return None


@pytest.fixture(scope="module")
def old_with_hours(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Child:
    folder = tmp_path_factory.mktemp("veca-veidne-d147")
    template = old_template(folder)
    broken = [c for c in map(too_many_hours, make_children(catalogue, 12, seed=147, one_period=True)) if c]
    assert broken, "no generated plan has an hour or day line"
    return write_children(catalogue, template, broken[:1], folder / "matricas", by_municipality=False)[0]


def test_the_current_template_has_every_flag_and_the_old_one_none(old_with_hours, catalogue: Catalogue,  # noqa: ANN001
                                                                   tmp_path: Path) -> None:
    write_workbook(catalogue, tmp_path / "veidne.xlsx", None)
    assert unchecked_codes(Matrix.open(tmp_path / "veidne.xlsx")) == frozenset()
    assert unchecked_codes(Matrix.open(old_with_hours.path)) == frozenset(CHECK_FLAGS)


def test_a_check_the_old_template_lacked_is_named_as_new(old_with_hours, catalogue: Catalogue,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    with Migrator(catalogue) as migrator:
        report = migrator.migrate(old_with_hours.path, tmp_path / "jauna.xlsx")
    text = report.text()
    assert "Jaunu kļūdu vai brīdinājumu nav" not in text
    new = [line for line in text.splitlines() if "jauna pārbaude" in line and "Kļūda" in line]
    # more hours than the period holds is more than some month holds as well (D147 per month): those are new too
    month = f"  Kļūda (jauna pārbaude: {rule_name('units_above_month')}; vecajā veidnē tās nebija): "
    by_month = [line for line in new if line.startswith(month)]
    assert by_month and all("mēnesī (" in line and "pārbaudiet daudzumu 6.6. tabulā" in line for line in by_month)
    new = [line for line in new if line not in by_month]
    assert len(new) == 1, text
    assert new[0].startswith(f"  Kļūda (jauna pārbaude: {rule_name('units_above_period')}; vecajā veidnē tās nebija): ")
    assert "daudzums periodā" in new[0] and "pārsniedz to, kas plāna periodā" in new[0]
    # its B is not the catalogue's: D257's warning is new too (the old file's stored warnings lack it)
    warned = [line for line in text.splitlines() if line.startswith(
        f"  Brīdinājums (jauna pārbaude: {rule_name('base_differs')}; vecajā veidnē tās nebija): ")]
    assert len(warned) == 1 and "atšķiras no kataloga B" in warned[0], text


def test_the_before_counts_are_those_the_old_file_stored(old_with_hours, catalogue: Catalogue,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    """The old file showed 0 errors and 0 warnings (as LibreOffice computed it, without the new check): the report
    says 0 → n, not the reference's count on the old inputs, which already holds the new error."""
    book = read_xlsx(old_with_hours.path)
    shown = tmp_path / "veca-ar-skaitiem.xlsx"
    cells = {}
    for name in ("Kludas", "Bridinajumi"):
        ref = book.name_ref(name)
        assert ref is not None
        cells.setdefault(ref.sheet, {})[ref.first] = 0
    patch_xlsx(old_with_hours.path, shown, cells)
    with Migrator(catalogue) as migrator:
        report = migrator.migrate(shown, tmp_path / "jauna.xlsx")
    assert report.before is not None and report.after is not None
    assert (report.before.errors, report.before.warnings) == (0, 0)
    assert report.after.errors >= 1
    assert f"  Kļūdas: 0 → {report.after.errors}; brīdinājumi: 0 → {report.after.warnings}" in report.text()
