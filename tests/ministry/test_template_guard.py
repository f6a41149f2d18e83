"""The template registry guards issued matrices: the current template must be exactly the registry entry of
its version (a layout change without a LAYOUT_REVISION bump fails here), and the entries of versions already
handed out never change."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, MatrixError, interface_version
from generator.ministry.templates import DEFAULT_REGISTRY, describe, load_registry
from generator.workbook.sheets.common import header_version
from generator.workbook.version import LAYOUT_REVISION, VERSION_PATTERN, is_newer, template_version
from generator.workbook.writer import template_date

# Versions issued in releases, with a digest of their registry entry: matrices of these versions are in use
# and are checked against these entries, so the entries must stay as they are.
ISSUED = {
    "2023-04-01+4740271b": "daac3c866314dedd",
    "2023-04-01+98852cae": "15e3c725b418604d",
    "2023-04-01+d2043a76": "f8931381ca67f21d",
}

BUMP = ("Veidne ir mainīta, bet tās versija ne: palieliniet LAYOUT_REVISION (generator/workbook/version.py) un "
        "palaidiet `ibm fingerprint` (the template changed under an already registered version: bump "
        "LAYOUT_REVISION and run `ibm fingerprint`, then commit the registry)")


def _digest(entry: dict) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def test_the_current_template_is_its_registered_version(template: Path, catalogue: Catalogue) -> None:
    version = template_version(catalogue)
    registry = load_registry(DEFAULT_REGISTRY)
    assert version in registry, (f"veidnes versija {version} nav reģistrā: palaidiet `ibm fingerprint` un "
                                 "iesniedziet reģistru (run `ibm fingerprint` and commit the registry)")
    _, entry = describe(template, version)
    old = registry[version]
    sheets = sorted(s for s in set(old["rows"]) | set(entry["rows"]) if old["rows"].get(s) != entry["rows"].get(s))
    names = sorted(n for n in set(old["names"]) | set(entry["names"]) if old["names"].get(n) != entry["names"].get(n))
    assert (sheets, names, old["interface"]) == ([], [], entry["interface"]), f"{BUMP}; lapas {sheets}, nosaukumi {names}"


def test_the_issued_versions_keep_their_registry_entries() -> None:
    registry = load_registry(DEFAULT_REGISTRY)
    assert {v: _digest(registry[v]) for v in ISSUED if v in registry} == ISSUED


def test_the_template_carries_its_version_in_the_name_the_property_and_the_headers(
        template: Path, catalogue: Catalogue) -> None:
    version = template_version(catalogue)
    assert version == f"{catalogue.version}.{LAYOUT_REVISION}"
    m = Matrix.open(template)
    assert interface_version(m) == version
    with zipfile.ZipFile(template) as zf:
        custom = zf.read("docProps/custom.xml").decode()
        sheets = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
    assert f"<vt:lpwstr>{version}</vt:lpwstr>" in custom
    headers = [s for s in sheets if "<oddHeader>" in s]
    # the template's code and its prices day (D91), e.g. "Veidne 214ae134.10, cenas uz 01.10.2018"
    shown = header_version(version, template_date(catalogue))
    assert shown.startswith(lvformat.version(version).split(" (")[0])
    # a signed annex names the plan's first day instead of the prices day (D320): the same template code
    signed = header_version(version, None)
    assert signed.endswith(", cenas uz plāna pirmo dienu") and signed.split(",")[0] == shown.split(",")[0]
    assert headers and all(f"Veidne {shown}" in s or f"Veidne {signed}" in s for s in headers)
    assert 4 == sum(f"Veidne {signed}" in s for s in headers), "6.3, 6.5, 6.6 and 6.9"


def test_versions_with_and_without_a_layout_revision_are_understood() -> None:
    for good in ("2023-04-01+d2043a76", "2023-04-01+7ca2ab6d.2", "2024-01-01+abc.12"):
        assert VERSION_PATTERN.match(good), good
    for bad in ("2023-04-01", "2023-04-01+d2043a76.", "2023-04-01+D2043A76", "2023-04-01+d2043a76.2a", "v1"):
        assert not VERSION_PATTERN.match(bad), bad


def test_an_unreadable_version_names_both_forms(template: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(template)
    sheet, ref = next(iter(wb.defined_names["IBM_Versija"].destinations))
    wb[sheet][ref.replace("$", "")] = "versija 2"
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(MatrixError) as raised:
        interface_version(Matrix.open(tmp_path / "x.xlsx"))
    assert "veidnes versija „versija 2” nav saprotama" in str(raised.value)
    assert "GGGG-MM-DD+jaucējkods.redakcija" in str(raised.value)


def test_a_newer_catalogue_or_layout_revision_is_newer() -> None:
    current = "2023-04-01+7ca2ab6d.2"
    assert is_newer("2024-01-01+00000000", current) and is_newer("2023-04-01+7ca2ab6d.3", current)
    for older in ("2023-04-01+d2043a76", "2023-04-01+7ca2ab6d", "2023-04-01+7ca2ab6d.1", current,
                  "2023-04-01+0000000a.9", "2022-12-31+7ca2ab6d.5"):
        assert not is_newer(older, current), older
