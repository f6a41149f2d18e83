"""A matrix of a session-32 template (commit 162bebaa, version 6da40d56.10): its 6.11 B rule (h_BazeCita) already
warned of a B of 0 or other than the catalogue's, but not of the catalogue's unconfirmed B typed in (D257's newer
case). With that B typed the file stored 1 warning fewer than the reference counts; `ibm collect` („Atšķirības”),
`ibm documents --draft` explain it as a check the template lacked, not as a stale or edited file, and `ibm migrate`
(which empties that B, D257) does not list the warning as one the old matrix showed (review33 F4). A B other than the
catalogue's was warned of by that template: nothing is said to be new or gone there."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.cli import main
from generator.documents.from_matrix.run import run
from generator.ministry.matrix import Matrix
from generator.ministry.template_checks import unchecked_codes, unchecked_reason
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import with_cached
from tests.ministry.conftest import KEY
from tests.ministry.factory import two_line_child, write_children
from tests.ministry.test_migrate_old_template import old_template

SESSION_32 = "162bebaa"  # the template before D257's case of the catalogue's unconfirmed B (6da40d56.10)
OTHER = ("3.1.3i", 10, Decimal(20))  # no rule error, no unconfirmed ceiling
REASON = unchecked_reason({"base_differs"})


def _catalogue_base(catalogue: Catalogue) -> Decimal:
    base = catalogue.programme.base_amount.at(catalogue.latest_date)
    assert base.status is not PriceStatus.confirmed  # the case: the catalogue's B is „jāprecizē”
    return base.value


@pytest.fixture(scope="module")
def old_files(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> tuple[Path, Path, Path]:
    """The old template; a matrix with the catalogue's B typed, stored as its template counted (0 warnings); one with
    another B."""
    folder = tmp_path_factory.mktemp("veidne-32")
    template = old_template(folder, SESSION_32)
    same = two_line_child(catalogue, 0, "ogre", OTHER, _catalogue_base(catalogue))
    other = two_line_child(catalogue, 1, "ogre", OTHER, _catalogue_base(catalogue) + 500)
    [same, other] = write_children(catalogue, template, [same, other], folder / "tmp", by_municipality=False)
    assert same.path is not None and other.path is not None
    target = folder / "matricas" / "ogre" / "matrica-001.xlsx"
    target.parent.mkdir(parents=True)
    with_cached(same.path, folder / "kludas.xlsx", "Kludas", "0")
    with_cached(folder / "kludas.xlsx", target, "Bridinajumi", "0")
    assert [f.code for f in same.result(catalogue).findings if f.counts] == ["base_differs"]
    return template, target, other.path


def test_only_the_catalogues_b_is_a_case_the_old_template_lacked(old_files, template: Path,  # noqa: ANN001
                                                                  catalogue: Catalogue, tmp_path: Path) -> None:
    _, same, other = old_files
    assert Matrix.open(same).has("h_BazeCita")  # the check is there, without the newer case
    # checks added after that template (e.g. the per-month limits, D147) are unchecked in both files alike
    newer = unchecked_codes(Matrix.open(other))  # that template warned of another B itself
    assert "base_differs" not in newer
    assert unchecked_codes(Matrix.open(same)) == newer | {"base_differs"}
    # the current template's count has the case
    [now] = write_children(catalogue, template, [two_line_child(catalogue, 2, "ogre", OTHER, _catalogue_base(catalogue))],
                           tmp_path)
    assert now.path is not None and unchecked_codes(Matrix.open(now.path)) == frozenset()


def test_collect_explains_the_stored_warning_count_by_the_new_check(old_files, tmp_path: Path) -> None:  # noqa: ANN001
    _, same, _ = old_files
    out = tmp_path / "kopsavilkums.xlsx"
    result = CliRunner().invoke(main, ["collect", str(same.parent.parent), "--out", str(out), "--jobs", "1",
                                       "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 0, result.output
    rows = [r for r in load_workbook(out)["Atšķirības"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert [r[2:6] for r in rows] == [("Brīdinājumu skaits", rows[0][3], 0, 1)], rows
    assert REASON in rows[0][6] and "novecojis" not in rows[0][6], rows
    said = normalise(result.output)
    assert "(1 failā – matricas veidnē vēl nebija kādas no jaunajām pārbaudēm, sk. kolonnu „Iemesls”)" in said, said


def test_documents_draft_gives_the_same_reason(old_files, catalogue: Catalogue, tmp_path: Path) -> None:  # noqa: ANN001
    _, same, _ = old_files
    lines: list[str] = []
    run(same, tmp_path / "out", catalogue, None, draft=True, echo=lines.append, err=lines.append, pdf=False,
        today=dt.date(2018, 1, 1))
    said = [normalise(line) for line in lines if "„Brīdinājumu skaits”" in line]
    assert len(said) == 1 and REASON in said[0], lines


def test_migrate_does_not_list_the_warning_as_the_old_matrixs(old_files, catalogue: Catalogue,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    from generator.ministry.migrate import Migrator

    _, same, other = old_files
    with Migrator(catalogue) as migrator:
        text = migrator.migrate(same, tmp_path / "jauna.xlsx").text()
        kept = migrator.migrate(other, tmp_path / "cita.xlsx").text()
    # the migrated matrix has B empty (the catalogue's unconfirmed B was no typed figure): no warning before or after
    assert "  Kļūdas: 0 → 0; brīdinājumi: 0 → 0\n" in text, text
    assert "vairs nav" not in text and "jauna pārbaude" not in text, text
    assert "vairs nav" not in kept and "jauna pārbaude" not in kept, kept  # the old template warned of another B too
