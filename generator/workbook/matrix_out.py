"""Where `ibm matrix` may write: a new file, or an existing IBM matrix that nobody has filled in yet.

An existing file is replaced only when it is an empty IBM matrix (the custom property IBM_Versija that the
generator writes, and no child, plan line or social worker's input in the interface names); anything else —
another workbook, a filled matrix, an unreadable file — is refused unless the user passes --overwrite. The
new file is written next to the target under a temporary name and renamed over it, so a failed write leaves
the old file as it was.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

FILLED_NAMES = ("Berns_VardsUzvards", "Berns_PersonasKods", "Berns_DzimsanasDatums", "Plans_Pakalpojums",
                "Plans_Daudzums", "Perioda_Sakums")


def refusal(path: Path) -> str | None:
    """Why an existing ``path`` must not be replaced without --overwrite (None: it may be)."""
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_symlink() or not path.is_file():
        return "tas nav parasts fails"
    try:
        with zipfile.ZipFile(path) as zf:
            custom = zf.read("docProps/custom.xml").decode("utf-8", "replace") \
                if "docProps/custom.xml" in zf.namelist() else ""
    except (OSError, zipfile.BadZipFile):
        return "tā nav ibm matrix izveidota IBM matrica"
    if 'name="IBM_Versija"' not in custom:
        return "tā nav ibm matrix izveidota IBM matrica"
    from generator.ministry.matrix import Matrix, MatrixError

    try:
        m = Matrix.open(path)
    except MatrixError:
        return "tā nav ibm matrix izveidota IBM matrica"
    for name in FILLED_NAMES:
        if not m.has(name):
            return "tā nav ibm matrix izveidota IBM matrica"
        if any(v not in (None, "") for row in m.grid(name) for v in row):
            return "tā ir aizpildīta IBM matrica"
    return None
