"""Worked examples computed by the reference implementation (piemeri.md)."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue


def render_examples(catalogue: Catalogue) -> str | None:
    return None
