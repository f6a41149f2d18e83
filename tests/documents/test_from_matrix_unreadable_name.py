"""A file `ibm documents --from-matrix` cannot open as a matrix (a damaged or truncated copy, a file of another kind
named .xlsx): its name cannot be checked against the child it may show, so the console names it by its hash, as
`ibm collect` does (D221) – never by the child's name in the file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

CHILD = "Anna Paraugs"  # an obviously fictional child


@pytest.mark.parametrize("content", [b"", b"not a spreadsheet", b"PK\x03\x04truncated"])
def test_an_unreadable_file_is_named_by_its_hash(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / f"{CHILD}.xlsx"
    bad.write_bytes(content)
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(bad), "--out", str(tmp_path / "out"),
                                    "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code != 0, run.output
    assert "Traceback" not in run.output
    assert CHILD not in run.output, run.output
    assert "matrica-" in run.output, run.output
