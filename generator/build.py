"""`ibm build`: run every renderer into a temporary folder and swap it into place only on success.

A renderer is a function ``(catalogue, out_dir, progress) -> list[Path]`` registered in RENDERERS.
Each writes into its own sub-folder of ``out_dir``; a failure leaves the previous build untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue.catalogue import Catalogue

Progress = Callable[[str], None]
Renderer = Callable[[Catalogue, Path, Progress], list[Path]]


@dataclass(frozen=True)
class Step:
    name: str
    title_lv: str
    render: Renderer


def _renderers() -> list[Step]:
    # Imported here so that a renderer's heavy imports cost nothing for `ibm check`.
    from generator.opendata.export import render_open_data

    steps = [Step("atvertie-dati", "Atvērtie dati", render_open_data)]
    for extra in _optional_steps():
        steps.append(extra)
    return steps


def _optional_steps() -> list[Step]:
    """Renderers added by later parts of the toolkit; each registers itself in generator/steps.py."""
    from generator.steps import EXTRA_STEPS

    return [Step(*s) for s in EXTRA_STEPS()]


def build(catalogue: Catalogue, out: Path, progress: Progress = print, only: set[str] | None = None) -> list[Path]:
    """Build everything into ``out``. Raises on failure; ``out`` is then exactly as it was."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ibm-build-", dir=out.parent))
    written: list[Path] = []
    try:
        steps = [s for s in _renderers() if only is None or s.name in only]
        for i, step in enumerate(steps, 1):
            progress(f"[{i}/{len(steps)}] {step.title_lv} …")
            written.extend(step.render(catalogue, staging, progress))
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out / p.relative_to(staging) for p in written]


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old")
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
