"""Which generated files differ between two catalogues: build both and compare file by file."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue.catalogue import Catalogue


@dataclass
class OutputDiff:
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def compare_trees(old: dict[str, str], new: dict[str, str]) -> OutputDiff:
    return OutputDiff(
        changed=sorted(k for k in set(old) & set(new) if old[k] != new[k]),
        added=sorted(set(new) - set(old)),
        removed=sorted(set(old) - set(new)),
    )


def diff_outputs(old: Catalogue, new: Catalogue, only: set[str] | None, progress=print) -> OutputDiff:
    """Build both catalogues (the steps in ``only``, or all) into temporary folders and compare."""
    from generator.build import build

    with tempfile.TemporaryDirectory(prefix="ibm-changes-") as tmp:
        a, b = Path(tmp) / "old", Path(tmp) / "new"
        progress("Veido iepriekšējo versiju …")
        build(old, a, progress=progress, only=only)
        progress("Veido jauno versiju …")
        build(new, b, progress=progress, only=only)
        return compare_trees(tree_digest(a), tree_digest(b))
