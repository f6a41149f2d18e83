"""Word sequences of the seed documents, to prove the site paraphrases them instead of copying them.

The seeds (``seeds/000…004``: the Latvian methodology and the ministry's and a municipality's news pages)
are not in the repository: they name real people. What is kept is a fingerprint – the sorted 6-byte
BLAKE2b digests of every run of ``RUN`` words of all seeds – in ``data/seed-12grams.bin``. Words are
lower-cased ``\\w+`` tokens; numbers are left out (they are data), and so is a short quotation marked
with Latvian quotation marks („…”), which is a citation (a title or a slogan), not our prose. When the
seeds themselves are available (folder ``IBM_SEEDS``, or the project's shared seeds folder) the tests
read them directly and also check that the stored fingerprint still matches them.

Regenerate the fingerprint with ``python -m tests.site.seed_text SEEDS_FOLDER``.
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
QUOTE_MAX_WORDS = 30
FINGERPRINT = Path(__file__).resolve().parent / "data" / "seed-12grams.bin"
DEFAULT_SEEDS = Path("/work/shared/seeds")
SEED_FILES = ("000_ba9aae7c61d7f543.txt", "001_488601a97448bc08.txt", "002_330f4165308e3aa3.txt",
              "003_2864db02c3948a9d.txt", "004_8be3d9e3d1588d3f.txt")
METHODOLOGY = SEED_FILES[2]
_MARKERS = re.compile(r"\[bookmark: [^\]]*\]|\[footnoteRef:\d+\]")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_QUOTE = re.compile(r"„([^„”]*)”")


def _unquote(text: str) -> str:
    return _QUOTE.sub(lambda m: " " if len(m.group(1).split()) <= QUOTE_MAX_WORDS else m.group(0), text)


def words(text: str, quotes: bool = False) -> list[str]:
    """Lower-cased words of ``text`` without numbers, Jinja2 expressions or the seed's bookmark markers;
    short „…” quotations are dropped unless ``quotes`` (the seeds keep theirs)."""
    text = _TEMPLATE.sub(" ", _MARKERS.sub("", text))
    if not quotes:
        text = _unquote(text)
    return [w for w in re.findall(r"\w+", text.lower()) if not w.isdigit()]


def runs(tokens: list[str], size: int = RUN) -> Iterable[str]:
    return (" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def digest(run: str) -> bytes:
    return hashlib.blake2b(run.encode("utf-8"), digest_size=DIGEST).digest()


def digests_of(texts: Iterable[str]) -> set[bytes]:
    return {digest(r) for text in texts for r in runs(words(text, quotes=True))}


def fingerprint_of(texts: Iterable[str]) -> bytes:
    return b"".join(sorted(digests_of(texts)))


def seeds_folder() -> Path | None:
    """The folder holding all seed files, when this machine has it."""
    folder = Path(os.environ.get("IBM_SEEDS", DEFAULT_SEEDS))
    return folder if all((folder / name).is_file() for name in SEED_FILES) else None


def seed_texts(folder: Path) -> list[str]:
    return [(folder / name).read_text(encoding="utf-8") for name in SEED_FILES]


def stored_digests() -> set[bytes]:
    data = FINGERPRINT.read_bytes()
    return {data[i:i + DIGEST] for i in range(0, len(data), DIGEST)}


def copied_runs(text: str, seed_digests: set[bytes]) -> list[str]:
    """Every run of ``RUN`` words of ``text`` (outside short quotations) that also occurs in a seed."""
    return [r for r in runs(words(text)) if digest(r) in seed_digests]


if __name__ == "__main__":  # pragma: no cover - maintenance helper
    FINGERPRINT.write_bytes(fingerprint_of(seed_texts(Path(sys.argv[1]))))
    print(f"{FINGERPRINT}: {FINGERPRINT.stat().st_size // DIGEST} sequences")
