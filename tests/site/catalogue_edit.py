"""Changing one programme parameter or price in a copy of the catalogue, for tests."""

from __future__ import annotations

import re
from pathlib import Path


def set_parameter(catalogue_dir: Path, name: str, new_value: str) -> None:
    """Give every dated value of programme parameter ``name`` the value ``new_value`` (YAML text)."""
    path = catalogue_dir / "programme.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
    changed = 0
    for i in range(start + 1, len(lines)):
        if re.match(r"^\S", lines[i]):
            break
        new, n = re.subn(r"(\bvalue:\s*)([^,}\n]+)", lambda m: m.group(1) + new_value, lines[i], count=1)
        lines[i] = new
        changed += n
    assert changed, f"parametram {name} nav vērtības programme.yaml"
    path.write_text("".join(lines), encoding="utf-8")


def set_price_amount(catalogue_dir: Path, price_id: str, new_amount: str) -> None:
    """Set the ``amount`` of every value of prices/<price_id>.yaml."""
    path = catalogue_dir / "prices" / f"{price_id}.yaml"
    text, n = re.subn(r"(\bamount:\s*)([^,}\n]+)", lambda m: m.group(1) + new_amount, path.read_text("utf-8"))
    assert n, f"cenai {price_id} nav amount"
    path.write_text(text, encoding="utf-8")
