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
import shlex
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from generator.ministry.matrix import Matrix

CODE_DIGITS = re.compile(r"\d{6}")
# a date in a file name ("dz. 03.02.2006", "3.2.2006", "2006-02-03"): most often the child's birth date
DATE_IN_NAME = re.compile(r"(?<!\d)\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4}(?!\d)|(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)")
HIDDEN = "*"  # the file name a cached result keeps when its name was hidden (the name itself is never cached)
UNREADABLE = "nenolasāms"  # the label of a file that cannot be hashed, before its inode number (file_label)
HASH_PREFIX = 12  # hex digits of the SHA-256 shown (reading.file_code)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def looks_personal(text: str) -> bool:
    """Whether a name may show a person before the file is read: six digits in a row or a date (DD.MM.YYYY)."""
    return bool(CODE_DIGITS.search(text) or DATE_IN_NAME.search(text))


LETTER_RUN = re.compile(r"[^\W\d_]+")  # letters only, Latvian ones too
EXTENSION = re.compile(r"\.[^\W_]{1,5}$")  # „.xlsx”, „.XLSX”, „.json”: not a word of the name


def _words(text: str) -> list[str]:
    """The words of ``text``: runs of letters, split also where a lower-case letter meets a capital
    („PeterisParaudzins” is two words)."""
    words = []
    for run in LETTER_RUN.findall(text):
        start = 0
        for i in range(1, len(run)):
            if run[i - 1].islower() and run[i].isupper():
                words.append(run[start:i])
                start = i
        words.append(run[start:])
    return words


def may_be_name(part: str) -> bool:
    """Whether a path part without digits may be a person's name before any matrix is read (D382): a word after its
    first one starts with a capital letter and has at least two letters, as a name and a surname are written
    („Pēteris Paraudziņš”, „Paraudzins_Peteris”, „PeterisParaudzins”, „matrica Pēteris”). A file's ending does not
    count („plans.XLSX”). A part written in lower case („build”, „iesniegumi”, „jelgavas novads”) or with one
    capitalised word at its start („Jelgava”, „IBM matricas”) stays readable; a harmless part with a second capital
    („Jelgavas Novads”) is hidden too, which only costs showing it as "…"."""
    return any(len(w) >= 2 and w[0].isupper() for w in _words(EXTENSION.sub("", part))[1:])


def given_reveals(part: str) -> bool:
    """Whether a part of a path the user gave may show a person before anything is read: a date or six digits
    (``looks_personal``) or a name (``may_be_name``). The one rule for every path a command echoes (D360, D382)."""
    return looks_personal(part) or may_be_name(part)


# Latvian noun endings, longest first: a name in a file name is mostly declined („Oskara Parauga plāns”, „Paraugam
# Oskaram”), so a name word is matched by its stem at the start of a file name's word (ņ, ļ, č are already n, l, c)
ENDINGS = ("iem", "am", "im", "um", "ai", "ei", "is", "us", "as", "es", "os", "ys", "s", "a", "e", "i", "u", "o")
STEM_LETTERS = 3


def name_stem(word: str) -> str:
    """``word`` (ASCII-folded, lower case) without its Latvian ending, keeping at least three letters."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_LETTERS:
            return word[: -len(ending)]
    return word


def reveals_person(stem: str, full_name: str, personal_code: str) -> bool:
    """Whether a file name shows a person's name or the personal code (6+ of its digits). ``full_name`` may hold the
    child's and the parent's names (matrix_person); each of its words of 3+ letters reveals when it is in the file
    name as it is, or when a word of the file name starts with its stem – any case of the name („Jāņa”, „Jānim” for
    „Jānis”). This errs on the safe side: a harmless word with the same start („janvāris”) hides the name too, which
    only costs showing the file by its hash."""
    plain = _plain(stem)
    words = [w for w in re.split(r"[^a-z]+", _plain(full_name)) if len(w) >= STEM_LETTERS]
    parts = [p for p in re.split(r"[^a-z]+", plain) if p]
    digits = re.sub(r"\D", "", personal_code)
    stem_digits = re.sub(r"\D", "", stem)
    return (any(w in plain or any(p.startswith(name_stem(w)) for p in parts) for w in words)
            or (len(digits) >= 6 and digits[:6] in stem_digits))


def _reveals(part: str, full_name: str, personal_code: str) -> bool:
    return looks_personal(part) or reveals_person(part, full_name, personal_code)


def file_label(path: Path) -> str:
    """A label of the file without personal data (D221): the start of its SHA-256, as `sha256sum` prints it, or –
    for a file that cannot be read or a link that leads nowhere, which cannot be hashed – „nenolasāms-<inode>”, the
    number `find MAPE -inum` finds it by (its name may show the child; before, every such file was „nenolasāms”)."""
    from generator.ministry.reading import file_digest

    try:
        return file_digest(path)[:HASH_PREFIX]
    except OSError:
        try:
            return f"{UNREADABLE}-{path.lstat().st_ino}"
        except OSError:
            return UNREADABLE


def _label(digest: str) -> str:
    return digest if digest.startswith(UNREADABLE) else digest[:HASH_PREFIX]


def finding_hint(shown: str, base: str) -> str:
    """How the user finds a file that ``shown`` (a path as the console shows it) names by its label, in the
    deepest folder of it that is shown (below ``base``, the folder given; a folder hidden as "…" is searched
    through): „atrodams ar sha256sum mapē X”, for a file in a hidden subfolder „atrodams ar find X -type f -exec
    sha256sum {} +” (sha256sum alone does not look into subfolders), or, for an unhashable file, „atrodams ar find X
    -inum N” (X quoted for the shell when it needs it)."""
    folder, _, name = shown.rpartition("/")
    parts = folder.split("/")
    where = "/".join(parts[: parts.index("…")] if "…" in parts else parts)
    if base:
        where = f"{base.rstrip('/')}/{where}" if where else base
    where = where or "."
    label = name.removeprefix("matrica-").partition(".")[0]
    if label.startswith(UNREADABLE + "-"):
        return f"atrodams ar find {shlex.quote(where)} -inum {label.removeprefix(UNREADABLE + '-')}"
    if "…" in parts:  # the file sits in a hidden subfolder: sha256sum does not look below the folder it is given
        return f"atrodams ar find {shlex.quote(where)} -type f -exec sha256sum {{}} +"
    return f"atrodams ar sha256sum mapē {where}"


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
        name = f"matrica-{_label(digest)}{dot}{suffix}"
    folder = "/".join(shown_parts)
    return f"{folder}/{name}" if folder else name


def shown_file(path: Path, base: Path | None = None, full_name: str = "", personal_code: str = "", *,
               hide: bool = False) -> str:
    """A file's path (relative to ``base``) for the console: by the digits rule before its content is read, and
    by the child's name and personal code too when they are known (``matrix_person``). Every folder of the path
    below ``base`` (of the whole path without ``base``: a file given by itself may sit in the child's folder) is
    screened as the file name is, and shown as "…" when it reveals. ``hide``: the file name hashed in any case (a
    matrix that gives neither name nor code: nothing tells whose name it may carry)."""
    rel = (path.relative_to(base) if base is not None else path).as_posix()
    folder, _, stem = rel.rpartition("/")
    parts = [p for p in folder.split("/") if p not in ("", "..", ".")] + [stem.rpartition(".")[0] or stem]
    if not hide and not any(_reveals(part, full_name, personal_code) for part in parts):
        return rel
    return shown_path(rel, file_label(path), full_name, personal_code, hide=True)


SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")  # the files a matrix may be saved as: shown by their hash


KEPT_ENDINGS = (*SPREADSHEETS, ".json", ".txt", ".key", ".csv")  # a hidden file name keeps these: „…/….xlsx”


def shown_given(path: Path | str, *, output: bool = False) -> str:
    """A path the user gave (an argument, an option's value) as a usage or refusal line shows it, before any file
    is read (`ibm migrate`, `ibm collect`, `ibm documents`): as given, unless a part of it may show a person
    (``given_reveals``: a date or six digits in a row – a child's birth date or personal code, D360 – or a name such
    as „Pēteris Paraudziņš”, D382). Then an existing spreadsheet is shown by its folders, each such one as "…", and
    its name „matrica-<SHA-256 sākums>” (found with `sha256sum`), and in any other path – a folder, a file that is
    not there, a key file or a registry – every such part is "…" (a file name keeps a known ending: „…/….xlsx”).
    ``output``: the file is the command's own output at the user's --out (collect's summary) – shown like a path
    that is not there, so that „kops.xlsx” stays „kops.xlsx” under a screened folder."""
    given = Path(path)
    text = given.as_posix()
    parts = text.split("/")
    if not any(given_reveals(part) for part in parts):
        return text
    # a key file or a registry is no „matrica-…”, nor the summary the command has just written at --out (``output``)
    if not output and given.is_file() and given.suffix.lower() in SPREADSHEETS:
        folders = ["…" if given_reveals(part) else part for part in parts[:-1]]
        return "/".join([*folders, f"matrica-{_label(file_label(given))}{given.suffix}"])

    def ending(part: str) -> str:  # ".xlsx" kept, not the year of „dz. 03.02.2006” nor „.Kalnina” of „Anna.Kalnina”
        suffix = Path(part).suffix
        return suffix if suffix.lower() in KEPT_ENDINGS else ""

    return "/".join(("…" + ending(part) if i == len(parts) - 1 else "…") if given_reveals(part) else part
                    for i, part in enumerate(parts))


def shown_inside(path: Path) -> str:
    """A folder or file a command names directly inside a folder the user gave (``--out``/<name>, e.g. a child's
    folder of `ibm documents`): that folder as ``shown_given`` shows it (D382), the command's own name as it is."""
    if str(path.parent) == ".":
        return path.name
    return f"{shown_given(path.parent)}/{path.name}"


def path_reveals(path: Path, full_name: str, personal_code: str) -> bool:
    """Whether the file name of ``path`` or any of its folders shows a person (the child's folder, D221)."""
    return any(_reveals(part, full_name, personal_code) for part in (*path.parent.parts, path.stem))


def unknown_person(person: tuple[str, str]) -> bool:
    """A matrix that gives neither a name nor a personal code (``matrix_person``: blank 6.1 cells, or not readable
    as a matrix): its file name is shown by its hash, as an unreadable file's (D221)."""
    return not any(person)


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


class ScreenedPath(click.Path):
    """click's path check with the given path screened in its message (shown_given: a child's birth date or personal
    code in a file or folder name never reaches the console, D360)."""

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            given = click.format_filename(value)
            exc.message = exc.message.replace(given, shown_given(value))
            raise
