"""Problems found in the catalogue, printed as ``FILE:LINE: field: what is wrong (expected …)``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    error = "kļūda"
    warning = "brīdinājums"


@dataclass(frozen=True)
class Problem:
    path: Path | None
    line: int
    field: str
    message: str
    expected: str | None = None
    severity: Severity = Severity.error

    def with_path(self, path: Path) -> Problem:
        return replace(self, path=path)

    def format(self, root: Path | None = None) -> str:
        where = "?"
        if self.path is not None:
            where = str(self.path)
            if root is not None:
                try:
                    where = str(self.path.resolve().relative_to(root.resolve().parent))
                except ValueError:
                    where = str(self.path)
        # a whole file or folder has no field ("-") and a folder no line (0): neither is shown (audit15 F11)
        text = f"{where}{f':{self.line}' if self.line > 0 else ''}: " \
               f"{'' if self.field in ('-', '') else f'{self.field}: '}{self.message}"
        if self.expected:
            text += f" (gaidīts: {self.expected})"
        if self.severity is Severity.warning:
            text = f"{text} [brīdinājums]"
        return text


class CatalogueError(Exception):
    """Raised when the catalogue cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))
