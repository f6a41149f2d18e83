"""Word sequences of the seed methodology, to prove the site paraphrases it instead of copying it.

The seed (seeds/002, the Latvian methodology) is not in the repository: it names real people. What is
kept is a fingerprint – the sorted 6-byte BLAKE2b digests of every run of ``RUN`` words – in
``data/seed-12grams.bin``. Words are lower-cased ``\\w+`` tokens; numbers are left out (they are data).
When the seed itself is available (``IBM_SEED_METHODOLOGY``, or the project's shared seeds folder) the
tests read it directly and also check that the stored fingerprint still matches it.

Regenerate the fingerprint with ``python -m tests.site.seed_text SEED.txt``.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

RUN = 12
DIGEST = 6
FINGERPRINT = Path(__file__).resolve().parent / "data" / "seed-12grams.bin"
DEFAULT_SEED = Path("/work/shared/seeds/002_330f4165308e3aa3.txt")
_MARKERS = re.compile(r"\[bookmark: [^\]]*\]|\[footnoteRef:\d+\]")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without numbers, Jinja2 expressions or the seed's bookmark markers."""
    text = _TEMPLATE.sub(" ", _MARKERS.sub("", text))
    return [w for w in re.findall(r"\w+", text.lower()) if not w.isdigit()]


def runs(tokens: list[str], size: int = RUN) -> Iterable[str]:
    return (" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def digest(run: str) -> bytes:
    return hashlib.blake2b(run.encode("utf-8"), digest_size=DIGEST).digest()


def fingerprint_of(text: str) -> bytes:
    return b"".join(sorted({digest(r) for r in runs(words(text))}))


def seed_path() -> Path | None:
    path = Path(os.environ.get("IBM_SEED_METHODOLOGY", DEFAULT_SEED))
    return path if path.is_file() else None


def stored_digests() -> set[bytes]:
    data = FINGERPRINT.read_bytes()
    return {data[i:i + DIGEST] for i in range(0, len(data), DIGEST)}


def copied_runs(text: str, seed_digests: set[bytes]) -> list[str]:
    """Every run of ``RUN`` words of ``text`` that also occurs in the seed."""
    return [r for r in runs(words(text)) if digest(r) in seed_digests]


if __name__ == "__main__":  # pragma: no cover - maintenance helper
    FINGERPRINT.write_bytes(fingerprint_of(Path(sys.argv[1]).read_text(encoding="utf-8")))
    print(f"{FINGERPRINT}: {FINGERPRINT.stat().st_size // DIGEST} sequences")
