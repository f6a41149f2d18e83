"""A file `ibm documents --from-matrix` refuses and names by its label (D221) says on its line how it is found: by
`sha256sum` in its folder, or – a link that leads nowhere, which cannot be hashed – by its folder and a neutral name
with its inode number (`find -inum`), never by the child's name in the file name (before, such a link kept it)."""

from __future__ import annotations

import hashlib
import os
import shlex
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

CHILD = "Anna Paraugs"  # an obviously fictional child
PARENT = "Pēteris Paraugs"


def test_a_refused_file_shown_by_its_label_says_how_it_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "matricas"
    folder.mkdir()
    (folder / f"{CHILD}.xlsx").write_bytes(b"not a spreadsheet")
    link = folder / f"{PARENT} plāns.xlsx"
    link.symlink_to(tmp_path / "nav.xlsx")
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(folder), "--out", str(tmp_path / "out"),
                                    "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code != 0 and "Traceback" not in run.output, run.output
    assert "Paraug" not in run.output, run.output
    sha = hashlib.sha256(b"not a spreadsheet").hexdigest()[:12]
    assert f"({folder}/matrica-{sha}.xlsx; atrodams ar sha256sum mapē {folder}): atteikts:" in run.output, run.output
    inode = os.lstat(link).st_ino
    assert (f"({folder}/matrica-nenolasāms-{inode}.xlsx; atrodams ar find {shlex.quote(str(folder))} -inum {inode}): atteikts:"
            in run.output), run.output
    assert "saite uz neesošu failu" in run.output
