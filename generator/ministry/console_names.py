"""File names as the console, logs and the summary show them: never the child's personal code or name.

A file named after the child ("jelgava/Jānis Paraugs 010101-21234.xlsx") is shown by its folder and the
start of its SHA-256 ("jelgava/matrica-3f2a…​.xlsx", found again with `sha256sum`). Before the file is read
only the digits can tell (six in a row: the birth date of a personal code; a date such as „dz. 03.02.2006”); once
the matrix is open, the same rule as `ibm documents --from-matrix` applies (a word of the child's or the parent's
name, six digits of the code). A file that cannot be read as a matrix is always shown by its hash: nothing tells
whose name it may carry.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.ministry.matrix import Matrix

CODE_DIGITS = re.compile(r"\d{6}")
# a date in a file name ("dz. 03.02.2006", "3.2.2006", "2006-02-03"): most often the child's birth date
DATE_IN_NAME = re.compile(r"(?<!\d)\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4}(?!\d)|(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)")
HIDDEN = "*"  # the file name a cached result keeps when its name was hidden (the name itself is never cached)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def looks_personal(text: str) -> bool:
    """Whether a name may show a person before the file is read: six digits in a row or a date (DD.MM.YYYY)."""
    return bool(CODE_DIGITS.search(text) or DATE_IN_NAME.search(text))


def reveals_person(stem: str, full_name: str, personal_code: str) -> bool:
    """Whether a file name shows a person's name (a word of 3+ letters of ``full_name``, which may hold the child's
    and the parent's names, matrix_person) or the personal code (6+ of its digits)."""
    plain = _plain(stem)
    words = [w for w in re.split(r"[^a-z]+", _plain(full_name)) if len(w) >= 3]
    digits = re.sub(r"\D", "", personal_code)
    stem_digits = re.sub(r"\D", "", stem)
    return any(w in plain for w in words) or (len(digits) >= 6 and digits[:6] in stem_digits)


def _reveals(part: str, full_name: str, personal_code: str) -> bool:
    return looks_personal(part) or reveals_person(part, full_name, personal_code)


def shown_path(rel: str, digest: str, full_name: str = "", personal_code: str = "", *, hide: bool = False,
               hide_subfolders: bool = False) -> str:
    """``rel`` (a relative path with '/') with a revealing file name replaced by ``matrica-<digest[:12]>``
    (``hide``: replaced in any case, e.g. a cached result whose name was found revealing when it was read).
    A folder named after the child ("jelgava/Jānis Paraugs/plāns.xlsx", one folder per child) is shown as "…" and
    the file then by its digest too, since the folder no longer tells where it is (D221). ``hide_subfolders``: every
    folder below the first shown as "…" (a cached result whose name was hidden: which folder revealed is not kept)."""
    folder, _, name = rel.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    parts = folder.split("/") if folder else []
    shown_parts = ["…" if (hide_subfolders and i > 0) or _reveals(part, full_name, personal_code) else part
                   for i, part in enumerate(parts)]
    if hide or shown_parts != parts or _reveals(stem, full_name, personal_code):
        name = f"matrica-{digest[:12]}{dot}{suffix}"
    folder = "/".join(shown_parts)
    return f"{folder}/{name}" if folder else name


def shown_file(path: Path, base: Path | None = None, full_name: str = "", personal_code: str = "") -> str:
    """A file's path (relative to ``base``) for the console: by the digits rule before its content is read, and
    by the child's name and personal code too when they are known (``matrix_person``)."""
    from generator.ministry.reading import file_digest

    rel = (path.relative_to(base) if base is not None else path).as_posix()
    folder, _, stem = rel.rpartition("/")
    parts = ([p for p in folder.split("/") if p not in ("", "..", ".")] if base is not None else []) + \
        [stem.rpartition(".")[0] or stem]
    if not any(_reveals(part, full_name, personal_code) for part in parts):
        return rel
    try:
        digest = file_digest(path)
    except OSError:
        digest = "nenolasāms"
    return shown_path(rel, digest, full_name, personal_code, hide=True)


def open_matrix(path: Path) -> Matrix | Exception:
    """The matrix at ``path`` opened once, for a command that needs both the child (``matrix_person``, to hide a
    file name) and the content (`ibm migrate`, Migrator.migrate), or what went wrong – for that reading to report
    (review6 F5: before, the file was opened twice)."""
    from generator.ministry.matrix import Matrix

    try:
        return Matrix.open(path)
    except Exception as exc:  # noqa: BLE001 - reported by the reading that needs the matrix
        return exc


PERSON_NAMES = ("Berns_VardsUzvards", "Vecaks_VardsUzvards")  # the child's and the parent's names (6.1)


def matrix_person(matrix: Matrix | Exception) -> tuple[str, str]:
    """The names (the child's and the parent's, joined: a word of either hides a file name) and the child's personal
    code as the matrix holds them, ("", "") when the file could not be read as a matrix (``open_matrix``): what a
    command needs to hide a file name such as "Paraugs_Janis.xlsx" or "Pēteris Paraugs - vecāks.xlsx" before, or
    without, reading the child (`ibm migrate`, a matrix `ibm collect` refuses)."""
    if isinstance(matrix, Exception):
        return "", ""
    texts = []
    for name in (*PERSON_NAMES, "Berns_PersonasKods"):
        try:
            v = matrix.scalar(name) if matrix.has(name) else None
        except Exception:  # noqa: BLE001 - an unreadable cell tells nothing; the file's reading says why
            v = None
        texts.append(str(int(v)) if isinstance(v, int | float) and not isinstance(v, bool) else
                     v.strip() if isinstance(v, str) else "")
    return " ".join(t for t in texts[:-1] if t), texts[-1]
