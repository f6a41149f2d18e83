"""Copies of the catalogue whose municipality-names.yaml confirms or withdraws names, for the tests of the
matrix's party names (D43, D51)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise

CONFIRMED, TO_VERIFY = "status: apstiprināts", "status: jāprecizē"


def confirm(block: str) -> str:
    return block.replace(TO_VERIFY, CONFIRMED)


def withdraw(block: str) -> str:
    return block.replace(CONFIRMED, TO_VERIFY)


def edited_names(folder: Path, edit: Callable[[str], str], municipality: str | None = None,
                 source: Path = DEFAULT_CATALOGUE) -> Catalogue:
    """A copy of the catalogue ``source`` in ``folder`` whose municipality-names.yaml is changed by ``edit``: the
    block of ``municipality`` only, or (None) every name."""
    target = folder / "catalogue"
    shutil.copytree(source, target)
    path = target / "municipality-names.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nnames:\n"), len(text)
    if municipality is not None:
        start = text.index(f"\n  {municipality}:\n")
        following = [i for i in (text.find("\n  ", start + 1),) if i != -1]
        while following and text[following[0] + 3] == " ":  # a deeper line: the block goes on
            following = [i for i in (text.find("\n  ", following[0] + 1),) if i != -1]
        end = following[0] if following else len(text)
    edited = text[:start] + edit(text[start:end]) + text[end:]
    assert edited != text, "the catalogue copy changes nothing"
    path.write_text(edited, encoding="utf-8")
    return load_or_raise(target)
