"""Which of several byte-identical files is the one kept: a name that looks like a copy yields (D214).

File managers and office programs name a copy after its original: Windows „X - Copy”, „X - kopija (2)”,
„Copy of X”; macOS „X copy 2”, „X kopija”; GNOME „X (copy)”, „X (vēl viena kopija)”; a browser's download or KDE
„X (1)”. Of identical files the summary and the documents then name the original, not the copy, whatever sorts
first; when every name (or none) looks like a copy, the first by name is kept as before (audit24 F12).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import TypeVar

T = TypeVar("T")

COPY_WORDS = frozenset({"copy", "kopija"})
_NUMBERED = re.compile(r"\(\s*\d+\s*\)\s*$")  # „X (1)”, „X - Copy (2)”
_WORDS = re.compile(r"[\W_]+")


def looks_like_copy(name: str) -> bool:
    """Whether a file name (its extension aside) reads as a copy of another file's, in any letter case."""
    stem = PurePath(name).stem.casefold()
    return bool(_NUMBERED.search(stem)) or not COPY_WORDS.isdisjoint(_WORDS.split(stem))


def kept_first(items: Sequence[T], name: Callable[[T], str]) -> list[T]:
    """``items`` (in their order by name) with those whose ``name`` does not look like a copy first; otherwise in
    the same order, so that the first one is the file kept."""
    return sorted(items, key=lambda item: looks_like_copy(name(item)))
