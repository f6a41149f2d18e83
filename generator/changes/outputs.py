"""Which generated files differ between two catalogues: build both and compare file by file.

Every output carries the catalogue version, which changes with any edit; files are therefore compared
by their content with the version stamp taken out (inside ZIP containers such as xlsx and docx member by
member, PDFs by their text), so that only files whose content really changed are listed.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import VERSION_PATTERN


@dataclass
class OutputDiff:
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


STAMP = b"<kataloga-versija>"
MANIFEST_NAME = ".ibm-build.json"


def content(path: Path, version: str | None = None) -> bytes:
    """The comparable content of one generated file, with ``version`` replaced by a fixed stamp."""
    data = path.read_bytes()
    if path.suffix in (".xlsx", ".docx") and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data = b"".join(name.encode() + b"\0" + archive.read(name) + b"\0"
                            for name in sorted(archive.namelist()))
    elif path.suffix == ".pdf" and shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=False)
        if done.returncode == 0:
            # -layout pads with spaces by glyph widths and a footer may wrap at another place when the
            # version hash has other letters: any run of white space counts as one blank.
            data = re.sub(rb"\s+", b" ", done.stdout)
    return unstamped(data, version)


def unstamped(data: bytes, version: str | None) -> bytes:
    """``data`` with the catalogue ``version`` replaced by a fixed stamp, in every form an output shows it: as
    it is (file properties, IBM_Versija), and readable without the ISO date ("d382f2bc (katalogs 01.04.2023)",
    footers and page headers; a matrix adds its layout revision after the hash)."""
    if not version:
        return data
    data = data.replace(version.encode(), STAMP)
    parts = VERSION_PATTERN.match(version)
    if parts:
        data = data.replace(parts.group(4).encode(), STAMP)  # the hash, which the readable form starts with
    return data


def tree_digest(folder: Path, version: str | None = None) -> dict[str, str]:
    """Relative path → SHA-256 of the content of every file under ``folder`` (version stamp removed)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(content(p, version)).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
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
        return compare_trees(tree_digest(a, old.version), tree_digest(b, new.version))
