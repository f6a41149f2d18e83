"""A one-price change changes exactly the generated outputs that contain that price.

Two catalogues differ in one ceiling (the companion's hourly price, set to distinctive figures). Both are
built (open data, documents, workbooks); the files whose content differs — the version stamp taken out —
must be exactly the files that show the price.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from generator.build import build
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes import outputs
from generator.changes.outputs import compare_trees, tree_digest

STEPS = {"atvertie-dati", "dokumenti", "matrica"}
PRICE = "prices/2.1.yaml"


def _catalogue_with(folder: Path, amount: str) -> Path:
    shutil.copytree(DEFAULT_CATALOGUE, folder)
    path = folder / PRICE
    text, n = re.subn(r"amount: 5\.11\b", f"amount: {amount}", path.read_text("utf-8"))
    assert n == 1
    path.write_text(text, "utf-8")
    return folder


def _shows(data: bytes, amount: str) -> bool:
    return amount.encode() in data or amount.replace(".", ",").encode() in data


@pytest.mark.libreoffice
def test_one_price_change_changes_only_outputs_showing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) nav instalēts")
    # The comparable content of each file is extracted once (pdftotext for every PDF) for both the digest
    # and the search for the price below.
    extracted: dict[tuple[Path, str | None], bytes] = {}
    original = outputs.content

    def content(path: Path, version: str | None = None) -> bytes:
        if (path, version) not in extracted:
            extracted[path, version] = original(path, version)
        return extracted[path, version]

    monkeypatch.setattr(outputs, "content", content)
    with tempfile.TemporaryDirectory(prefix="ibm-one-price-") as tmp:
        root = Path(tmp)
        old = load_or_raise(_catalogue_with(root / "a", "7.77"))
        new = load_or_raise(_catalogue_with(root / "b", "8.88"))
        build(old, root / "out-a", progress=lambda _m: None, only=STEPS)
        build(new, root / "out-b", progress=lambda _m: None, only=STEPS)
        diff = compare_trees(tree_digest(root / "out-a", old.version), tree_digest(root / "out-b", new.version))
        assert not diff.added and not diff.removed
        showing = sorted(
            p.relative_to(root / "out-a").as_posix()
            for p in (root / "out-a").rglob("*")
            if p.is_file() and p.name != ".ibm-build.json" and _shows(content(p, old.version), "7.77")
        )
        assert showing, "the price should appear in at least the open data and the workbooks"
        assert any(name.startswith("lejupielades/matrica/") for name in showing)
        assert diff.changed == showing
