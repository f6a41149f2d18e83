"""The catalogue version's hash is taken from the files' bytes (files_hash): a comment line or a UTF-8 BOM changes
it though no price or rule changes. README and the site's page about itself say so, so that an editor is not
surprised by a new version after saving a file in another editor."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.catalogue.catalogue import files_hash

ROOT = Path(__file__).resolve().parents[2]


def test_a_bom_or_a_comment_line_changes_the_catalogue_version(tmp_path: Path) -> None:
    copy = tmp_path / "katalogs"
    shutil.copytree(ROOT / "catalogue", copy, ignore=shutil.ignore_patterns("metodika"))
    first = files_hash(copy)
    rounds = copy / "rounds.yaml"
    rounds.write_bytes(b"\xef\xbb\xbf" + rounds.read_bytes())
    with_bom = files_hash(copy)
    price = sorted((copy / "prices").glob("*.yaml"))[0]
    price.write_text(price.read_text("utf-8") + "# komentārs\n", "utf-8")
    assert len({first, with_bom, files_hash(copy)}) == 3


def test_readme_and_the_site_say_that_bytes_change_the_version() -> None:
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    row = next(line for line in readme.split("| `ibm --version` |")[1:2])
    assert "komentāra rinda" in row and "UTF-8 BOM" in row and "ibm fingerprint" in row.split("|")[0]
    page = " ".join((ROOT / "generator" / "site" / "templates" / "par-vietni.md.j2").read_text("utf-8").split())
    assert ("versiju maina arī izmaiņa, kas cenas un noteikumus nemaina: komentāra rinda, UTF-8 BOM zīme faila "
            "sākumā") in page
