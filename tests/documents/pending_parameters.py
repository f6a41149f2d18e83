"""A catalogue copy whose report parameters are `jāprecizē`, and filling their blanks as a user would."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise

# Parameters the tests mark `jāprecizē`: one that every pay amount uses, one that only the quarterly due dates use.
PENDING_KEYS = ("social_worker_children", "quarterly_report_day")


def mark_pending(catalogue_dir: Path, keys: tuple[str, ...] = PENDING_KEYS) -> Catalogue:
    """Give the dated values of ``keys`` in programme.yaml the status `jāprecizē`; load the changed copy."""
    path = catalogue_dir / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    for key in keys:
        block = re.search(rf"^{key}:\n(?:[ \t].*\n)+", text, flags=re.MULTILINE)
        assert block, f"parametrs {key} nav programme.yaml"
        changed, n = re.subn(r"(- \{effective_from: [^}]*?)\}", r"\1, status: jāprecizē}", block.group(0))
        if not n:  # a value written as a block: "- effective_from: …" with its keys below
            changed, n = re.subn(r"^( *)- (effective_from: .*)$", r"\1- \2\n\1  status: jāprecizē", block.group(0),
                                 flags=re.MULTILINE)
        assert n, f"parametram {key} nav vērtības"
        text = text.replace(block.group(0), changed)
    path.write_text(text, encoding="utf-8")
    return load_or_raise(catalogue_dir)


def fill_named(source: Path, target: Path, values: dict[str, object]) -> Path:
    """Type ``values`` into the single cells of the given defined names (openpyxl) and save as ``target``."""
    wb = openpyxl.load_workbook(source)
    for name, value in values.items():
        (sheet, ref), = wb.defined_names[name].destinations
        wb[sheet][ref.replace("$", "")].value = value
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target
