"""The catalogue's own texts follow Latvian typography, so every output that copies them (open data CSV, site,
documents) prints them right without a fix-up of its own (audit22 F7)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.loader import DEFAULT_CATALOGUE

# "Nr.316", "Nr.LM2017/…": Latvian writes a space after the abbreviation "Nr."
_UNSPACED_NUMBER = re.compile(r"Nr\.(?=[0-9A-ZĀČĒĢĪĶĻŅŠŪŽ])")


def _texts(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".md", ".json") and p.is_file())


def test_no_number_sign_without_space_in_catalogue() -> None:
    found = [f"{path.relative_to(DEFAULT_CATALOGUE)}:{number}: {line.strip()}"
             for path in _texts(DEFAULT_CATALOGUE)
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if _UNSPACED_NUMBER.search(line)]
    assert not found, "\n".join(found)


def test_pattern_finds_the_old_form() -> None:
    assert _UNSPACED_NUMBER.search("MK 18.05.2021 noteikumi Nr.316")
    assert _UNSPACED_NUMBER.search("deleģēšanas līgums Nr.LM2017/-24-1-04/02")
    assert not _UNSPACED_NUMBER.search("MK 18.05.2021 noteikumi Nr. 316")
