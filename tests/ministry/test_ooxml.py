"""What the ministry handles opens in Excel without repair: a filled matrix, the same rewritten by `ibm migrate`
(the template patched with a child's inputs) and the collection summary of `ibm collect`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.migrate import migrate
from generator.ministry.pseudonym import ENV_KEY
from tests.ministry.conftest import KEY
from tests.ooxml.assertions import assert_opens_without_repair

XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
              "xl/worksheets/sheet1.xml")


def test_migrated_filled_matrix_opens_without_repair(small_folder, tmp_path: Path, catalogue: Catalogue) -> None:
    _, children = small_folder
    out = tmp_path / "parnesta.xlsx"
    migrate(children[0].path, out, catalogue)
    assert_opens_without_repair(out, XLSX_PARTS)


def test_collection_summary_opens_without_repair(small_folder, tmp_path: Path) -> None:
    folder, _ = small_folder
    out = tmp_path / "kopsavilkums.xlsx"
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--jobs", "1"],
                                env={ENV_KEY: KEY.decode()}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert_opens_without_repair(out, XLSX_PARTS)


def test_filled_matrix_opens_without_repair(small_folder) -> None:
    """The template after a fill through the interface names (the tests' stand-in for a social worker's
    Excel): nothing in the template breaks when another writer (openpyxl) saves it again."""
    _, children = small_folder
    assert_opens_without_repair(children[0].path, ("xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"))
