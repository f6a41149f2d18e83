"""The site's errors: each names the file (and line where known) and says what was expected."""

from __future__ import annotations

from pathlib import Path


class SiteError(RuntimeError):
    """A problem in the site's sources or build; the message is Latvian and names the file."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line
