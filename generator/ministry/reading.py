"""Reading one filled matrix for the collection: checks, recomputation, pseudonym, stale values.

``read_matrix`` never raises for a bad file: it returns a Refusal with every reason (Latvian, naming
the cell). A used file gives a ChildRecord whose amounts are all recomputed by the reference
implementation; values cached in the file are only compared and reported when they differ.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.integrity import compare_cells, compare_rows, content
from generator.ministry.matrix import (
    ChildData,
    Matrix,
    MatrixError,
    interface_version,
    read_child,
    structure_problems,
    version_date,
)
from generator.ministry.pseudonym import pseudonym
from generator.ministry.records import ChildRecord, Refusal, StaleValue
from generator.ministry.templates import TemplateSource
from generator.reference.errors import ReferenceInputError
from generator.reference.params import Params
from generator.reference.workbook import WorkbookResult, evaluate_workbook

STALE_LIMIT = 8
MONEY_NAMES = {"IB_Provizoriskais", "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais", "Plans_Cena", "Plans_Summa",
               "Plans_NoIB", "Men_Summa", "Fakt_Kopa"}


@dataclass
class ReadResult:
    path: Path
    rel: str = ""
    record: ChildRecord | None = None
    refusal: Refusal | None = None
    stale: list[StaleValue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def file_code(path: Path) -> str:
    """A label of the file without personal data: the start of its SHA-256 (as `sha256sum` prints)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()[:12]


def municipality_folder(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "."


def version_problem(version: str, current: str) -> str:
    """Why a template version without a known template cannot be collected."""
    if version_date(version) > version_date(current):
        return (f"matrica ir jaunākas veidnes versijas {version} nekā pašreizējais katalogs ({current}); "
                "atjauniniet katalogu un rīkkopu")
    return (f"veidnes versija {version} nav pašreizējā ({current}) un nav veidņu reģistrā; pārnesiet matricu uz "
            "pašreizējo veidni ar `ibm migrate`")


def read_matrix(path: Path, root: Path, catalogue: Catalogue, templates: TemplateSource, key: bytes, *,
                strict_version: bool = True) -> ReadResult:
    """Check and recompute one file. ``strict_version=False`` (previous period) accepts a template version
    that is not known, checking only the names' shapes."""
    rel = path.relative_to(root).as_posix()
    result = ReadResult(path, rel)
    folder = municipality_folder(path, root)
    source = file_code(path)

    def refuse(reasons: list[str]) -> ReadResult:
        result.refusal = Refusal(rel, source, folder, tuple(reasons))
        return result

    try:
        m = Matrix.open(path)
        version = interface_version(m)
    except MatrixError as exc:
        return refuse([str(exc)])
    expected = templates.expected(version)
    if expected is None:
        if strict_version or version_date(version) > version_date(templates.current_version):
            return refuse([version_problem(version, templates.current_version)])
        result.notes.append(f"veidnes versija {version} nav zināma: pārbaudīta tikai nosaukumu struktūra")
    elif version != templates.current_version:
        result.notes.append(f"veidnes versija {version} nav pašreizējā ({templates.current_version}); pārbaudīta pēc "
                            "saglabātās veidnes – cenas var būt novecojušas, apsveriet `ibm migrate`")
    problems = structure_problems(m, expected.names if expected else None)
    if problems:
        return refuse(problems)
    if expected is not None:
        if expected.cells is not None:
            problems = compare_cells(content(m.book, expected.inputs), expected.cells)
        elif expected.rows is not None:
            problems = compare_rows(content(m.book), expected.rows)
        if problems:
            return refuse([f"matrica neatbilst veidnei {version}: {p}" for p in problems])
    data, problems = read_child(m, catalogue)
    if data is None:
        return refuse(problems)
    try:
        params = Params.from_catalogue(catalogue, data.params_day)
        outcome = evaluate_workbook(data.inputs, params)
    except (ReferenceInputError, LookupError) as exc:
        return refuse([f"aprēķins nav iespējams: {exc}"])
    not_eligible = [f for f in outcome.findings if f.code == "not_eligible"]
    if not_eligible:
        return refuse([f"{m.where('Berns_DzimsanasDatums')}: {not_eligible[0].message}"])
    code = pseudonym(key, data.personal_code)
    result.record = _record(code, data, folder, source, params, outcome)
    result.stale = stale_values(m, outcome, code, source, data.inputs.months)
    return result


def _record(code: str, data: ChildData, folder: str, source: str, params: Params,
            outcome: WorkbookResult) -> ChildRecord:
    group = next((g.id for g in params.age_groups if g.min_age <= outcome.age <= g.max_age), None)
    return ChildRecord(
        code=code, municipality=data.municipality, source=f"{folder}/{source}", period_start=data.inputs.period_start,
        months=data.inputs.months, age=outcome.age, age_group=group, impairment=data.impairment,
        special_care=data.inputs.special_care, catalogue_base=params.base_amount, params_day=data.params_day,
        inputs=data.inputs, result=outcome,
    )


def _same(name: str, cached: object, expected: object) -> bool:
    empty_cached = cached is None or cached == ""
    if expected is None:
        return empty_cached or cached == 0
    if isinstance(expected, dt.date):  # Parbaudes_Datums: a date cell, or its serial number
        if isinstance(cached, dt.datetime | dt.date):
            return (cached.date() if isinstance(cached, dt.datetime) else cached) == expected
        serial = (expected - dt.date(1899, 12, 30)).days
        return isinstance(cached, int | float) and not isinstance(cached, bool) and abs(cached - serial) < 1e-6
    if empty_cached or isinstance(cached, str | bool | dt.datetime):
        return False
    tolerance = Decimal("0.005") if name in MONEY_NAMES else Decimal("0.000001")
    return abs(Decimal(repr(float(cached))) - Decimal(str(expected))) < tolerance


def stale_values(m: Matrix, outcome: WorkbookResult, code: str, source: str, months: int) -> list[StaleValue]:
    """Cached values of the output names that differ from the recomputed ones (only where cached)."""
    found: list[StaleValue] = []
    for name, expected in outcome.named_values().items():
        if name not in m.refs:
            continue
        grid = m.grid(name)
        ref = m.refs[name]
        for i, row in enumerate(grid):
            for j, cached in enumerate(row):
                cell = m.book.cell(ref.sheet, (ref.first[0] + i, ref.first[1] + j))
                if cell is None or cell.formula is None or cell.value is None:
                    continue  # nothing cached here (e.g. a file saved by openpyxl)
                if ref.is_cell:
                    want = expected
                elif isinstance(expected, tuple) and ref.cols == 1:
                    want = expected[i] if i < len(expected) else None
                else:
                    line = expected[i] if isinstance(expected, tuple) and i < len(expected) else None
                    want = line[j] if isinstance(line, tuple) and j < len(line) and j < months else None
                if not _same(name, cached, want):
                    found.append(StaleValue(code, source, name, m.where(name, i, j).split(" ")[0], cached, want))
    if len(found) > STALE_LIMIT:
        rest = len(found) - STALE_LIMIT
        found = found[:STALE_LIMIT] + [StaleValue(code, source, "…", f"vēl {rest} šūnas", None, None)]
    return found
