"""Problems found in the catalogue, printed as ``FILE:LINE: field: what is wrong (expected …)``.

A field's list positions are shown as a person counts them ("values 2. ieraksts, amount", not the zero-based
"values.1.amount"); a value or a name inside a message stands in Latvian quotes („…”) and a number has a decimal
comma (audit24 F25).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def quoted(value: object) -> str:
    """``value`` in Latvian quotes, as a Latvian sentence cites a name, a path or a value: „…”."""
    return f"„{value}”"


def lv_number(value: object) -> str:
    """A number as a Latvian sentence writes it (27.405 -> "27,405"); anything else quoted („…”)."""
    if isinstance(value, str) and _NUMBER.match(value):  # YAML read as text, e.g. "27.405"
        return value.replace(".", ",")
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return quoted(value)
    return str(value).replace(".", ",")


def human_field(field: str, ids: tuple[str | None, ...] = ()) -> str:
    """A dotted field path with its list positions counted from one: "values.1.amount" -> "values 2. ieraksts,
    amount", "a.values.0.value" -> "a.values 1. ieraksts, value", "0.fails" -> "1. ieraksts, fails". ``ids``: the
    `id` of the entry at each list position, where it has one, named after its position ("rounds 3. ieraksts
    „berni-2027”, end", D309)."""
    groups: list[str] = []
    names: list[str] = []
    positions = 0
    for segment in field.split("."):
        if segment.isdigit():
            entry_id = ids[positions] if positions < len(ids) else None
            positions += 1
            named = f" {quoted(entry_id)}" if entry_id else ""
            groups.append(" ".join([".".join(names), f"{int(segment) + 1}. ieraksts{named}"]).strip())
            names = []
        else:
            names.append(segment)
    if names:
        groups.append(".".join(names))
    return ", ".join(groups)


def shown_path(path: Path) -> str:
    """A file as the person running the command finds it: relative to the working folder when inside it, else the
    absolute path (never a path cut at the catalogue's parent, „comma/prices/2.1.yaml”, audit39 F7)."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve())) or "."
    except (ValueError, OSError):
        return str(resolved)


class Severity(StrEnum):
    error = "kļūda"
    warning = "brīdinājums"
    note = "piezīme"  # about the check itself (which checks a bad file kept from running), not about the data


@dataclass(frozen=True)
class Problem:
    path: Path | None
    line: int
    field: str
    message: str
    expected: str | None = None
    severity: Severity = Severity.error
    ids: tuple[str | None, ...] = ()  # the `id` of the entry at each list position of ``field`` (human_field)

    def with_path(self, path: Path) -> Problem:
        return replace(self, path=path)

    def format(self, root: Path | None = None, plain: bool = False) -> str:
        """The problem as one line. ``root``: the path is shown from the catalogue folder's name (catalogue/…);
        ``plain``: as the person running a command finds it (shown_path), what the commands print."""
        where = "?"
        if self.path is not None:
            where = str(self.path)
            if root is not None:
                try:
                    where = str(self.path.resolve().relative_to(root.resolve().parent))
                except ValueError:
                    where = str(self.path)
        if self.path is not None and plain:
            where = shown_path(self.path)
        # a whole file or folder has no field ("-") and a folder no line (0): neither is shown (audit15 F11)
        text = f"{where}{f':{self.line}' if self.line > 0 else ''}: " \
               f"{'' if self.field in ('-', '') else f'{human_field(self.field, self.ids)}: '}{self.message}"
        if self.expected:
            text += f" (gaidīts: {self.expected})"
        if self.severity is not Severity.error:
            text = f"{text} [{self.severity.value}]"
        return text


class CatalogueError(Exception):
    """Raised when the catalogue cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))
