"""What each template version looks like: its defined names, input cells and fixed content.

The current version (the loaded catalogue's) is generated on the spot with the workbook generator
and compared cell by cell, and so are older versions whose template files the ministry kept
(``ibm collect --templates DIR``). Older versions are also known from the registry
(generator/ministry/template_registry.json: per version the names' places and a hash per sheet
row); ``ibm fingerprint`` adds the current version to it before a catalogue change is released, together with
the versions of the matrices the same catalogue issues for other prices days (``ibm matrix --round/--day``,
D63: ``<version>@GGGG-MM-DD``), which the current catalogue also regenerates on the spot.
A registry version has no cells to compare with the fast scan: the first file of a run is compared row by
row with the full reader, and the sheets' locked content it proved (fastread.FastBook.locked_key) lets the
next files of the same bytes pass without the full reader.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import version as shown_version
from generator.ministry.console_names import shown_given
from generator.ministry.fastread import SCAN_ERRORS, FastBook, FastSheet, formula_digest
from generator.ministry.integrity import Content, content, row_hashes
from generator.ministry.xlsxread import Coord, NameRef, a1, parse_area, read_xlsx, sheet_parts
from generator.replace_file import write_replacing
from generator.workbook.build_note import is_note
from generator.workbook.issue_days import issue_days, template_date
from generator.workbook.layout import INTERFACE_NAMES, INTERFACE_VERSION
from generator.workbook.version import base_version, prices_day, template_version
from generator.workbook.withdrawn_base import is_mark
from generator.workbook.withdrawn_ceilings import is_mark as is_ceiling_mark
from generator.workbook.withdrawn_ceilings import read_rows

DEFAULT_REGISTRY = Path(__file__).with_name("template_registry.json")


@dataclass
class Expected:
    """The template of one version: exact cells (current version) or row hashes (registry)."""

    version: str
    names: dict[str, NameRef]
    cells: Content | None = None
    inputs: dict[str, set[Coord]] | None = None
    rows: dict[str, dict[str, str]] | None = None
    digests: dict[str, set[str]] = field(default_factory=dict)  # accepted formula digests per sheet (fastread)
    fixed: dict[str, dict[Coord, str]] = field(default_factory=dict)  # the fixed (non-input) values per sheet

    fixed_keys: dict[str, set[str]] = field(default_factory=dict)  # raw digests proven to give ``fixed``
    _input_refs: dict[str, frozenset[bytes]] | None = field(default=None, repr=False)

    def _inputs_by_ref(self) -> dict[str, frozenset[bytes]]:
        if self._input_refs is None:
            self._input_refs = {s: frozenset(a1(c).encode("ascii") for c in coords)
                                for s, coords in (self.inputs or {}).items()}
        return self._input_refs

    row_keys: dict[str, set[str]] = field(default_factory=dict)  # registry versions: learned locked-content keys
    # the text length checks of a file fully read and found to be this template (matrix.length_checks): the same
    # in every file whose locked content this expectation proved, so a fast-scanned one is not read in full for them
    length_checks: dict[tuple[str, Coord], int] | None = None
    # Which skeletons (fastread.Skeleton) this expectation proved: kept by the skeleton, under this token (a
    # copy of the expectation in a worker process or the cache is the same expectation, so the same token).
    token: str = field(default_factory=lambda: uuid.uuid4().hex, compare=False)

    def fast_ok(self, fast: FastBook) -> bool:
        """Does the fast scan prove the file is this template (formulas by digest, fixed values equal)?
        When it does, the sheets' skeletons are remembered as proven for the next files."""
        ok = self._rows_fast_ok(fast) if self.cells is None else self._cells_fast_ok(fast)
        if ok:
            self._remember(fast)
        return ok

    def _cells_fast_ok(self, fast: FastBook) -> bool:
        assert self.cells is not None
        if set(fast.sheets) != set(self.cells):
            return False
        for sheet, scanned in fast.sheets.items():
            if scanned.proven_for(self.token):
                if not self._cut_ok(sheet, scanned):
                    return False
                continue
            if not scanned.rescan():
                return False
            if scanned.digest not in self.digests.get(sheet, ()):
                return False
            if not self._fixed_ok(fast, sheet, scanned):
                return False
        return True

    def _cut_ok(self, sheet: str, scanned: FastSheet) -> bool:
        """A sheet equal to one this expectation proved except for its cut cells: (for a template compared
        cell by cell) is every cut cell one of the template's inputs? (A registry version's row hashes cover
        only locked cells, so any unlocked cell is an input there, as in the full comparison.)"""
        return self.cells is None or scanned.cut <= self._inputs_by_ref().get(sheet, frozenset())

    def _remember(self, fast: FastBook) -> None:
        for scanned in fast.sheets.values():
            scanned.remember(self.token)

    def _fixed_ok(self, fast: FastBook, sheet: str, scanned: FastSheet) -> bool:
        """The sheet's fixed (non-input) values are the template's: by a raw digest an earlier file proved
        equal, else decoded and compared (and the digest learned)."""
        skip = self._inputs_by_ref().get(sheet, frozenset())
        cells = [t for t in scanned.cells if not t[2] and t[0] not in skip]  # value cells outside the inputs
        try:
            key = fast.fixed_key(cells)
            known = self.fixed_keys.setdefault(sheet, set())
            if key in known:
                return True
            # the formulas are the template's (by digest): its rows that read a ceiling's mark are the file's
            marked_rows = read_rows(sheet, ((c, t[2:]) for c, t in (self.cells or {}).get(sheet, {}).items()
                                            if t.startswith("f:")))
            decoded = {c: t for c, t in fast.decode(cells).items()
                       if not (is_note(sheet, c, t) or is_mark(sheet, c, t)
                               or is_ceiling_mark(sheet, c, t, marked_rows))}  # D277, D318, D319
            if decoded != self.fixed.get(sheet, {}):
                return False
        except SCAN_ERRORS:
            return False  # the full reader names the cell
        if len(known) < 64:
            known.add(key)
        return True

    def _rows_fast_ok(self, fast: FastBook) -> bool:
        """A registry version (row hashes only): every sheet's locked content (FastBook.locked_key) is that of
        a file of this run that passed the full row comparison, so its row hashes are too."""
        if self.rows is None or set(fast.sheets) != set(self.rows):
            return False
        for sheet, scanned in fast.sheets.items():
            if scanned.proven_for(self.token):
                continue
            if not scanned.rescan():
                return False
            try:
                key = fast.locked_key(scanned)
            except SCAN_ERRORS:
                return False  # the full reader names the cell
            if key is None or key not in self.row_keys.get(sheet, ()):
                return False
        return True

    def learn(self, fast: FastBook) -> None:
        """A file that passed the full comparison: its formula digests (a registry version: its locked-content
        keys, its sheets' skeletons) are this template's too."""
        self._remember(fast)
        if self.cells is None:
            if self.rows is None or set(fast.sheets) != set(self.rows):
                return
            try:
                keys = {sheet: fast.locked_key(scanned) for sheet, scanned in fast.sheets.items()
                        if scanned.rescan()}
            except SCAN_ERRORS:
                return
            for sheet, key in keys.items():
                known = self.row_keys.setdefault(sheet, set())
                if key is not None and len(known) < 64:
                    known.add(key)
            return
        for sheet, scanned in fast.sheets.items():
            if scanned.rescan() and sheet in self.digests and len(self.digests[sheet]) < 64:
                self.digests[sheet].add(scanned.digest)


def generate_template(catalogue: Catalogue, path: Path, municipality: str | None = None,
                      day: dt.date | None = None, status_on: dt.date | None = None) -> Path:
    """The template of ``day`` (``status_on``: `ibm migrate`'s day, B's confirmation status read on it, D318; None –
    the template a matrix is compared with)."""
    from generator.workbook.writer import write_workbook

    return write_workbook(catalogue, path, municipality, day, status_on=status_on)


def issued_day(catalogue: Catalogue, version: str) -> dt.date | None:
    """The prices day of a version the current catalogue and code make for another day than the default
    (``<current>@GGGG-MM-DD``, D63: ``ibm matrix`` makes it for an issue day; any day whose parameters the
    catalogue knows gives a template it can regenerate); None for any other version."""
    from generator.reference.params import Params

    try:
        day = prices_day(version)
    except ValueError:
        return None
    if day is None or base_version(version) != template_version(catalogue) or template_version(catalogue, day) != version:
        return None
    try:
        Params.from_catalogue(catalogue, day)
    except (LookupError, AttributeError):
        return None
    return day


def describe(path: Path, version: str) -> tuple[Expected, dict]:
    """The exact expectation of a template file and its registry entry."""
    book = read_xlsx(path)
    names = {n: ref for n in book.defined_names if (ref := book.name_ref(n)) is not None}
    cells = content(book)
    digests = {}
    with zipfile.ZipFile(path) as zf:
        for sheet, part in sheet_parts(zf).items():
            scanned = formula_digest(zf.read(part))
            digests[sheet] = {scanned} if scanned else set()
    fixed = {s: {c: t for c, t in cc.items() if t.startswith("v:")} for s, cc in cells.items()}
    entry = {
        "interface": INTERFACE_VERSION,
        "names": {n: names[n].text() for n in INTERFACE_NAMES if n in names},
        "rows": {s: {str(r): h for r, h in rows.items()} for s, rows in row_hashes(cells).items()},
    }
    return Expected(version, names, cells, {s: set(u) for s, u in book.unlocked.items()}, digests=digests,
                    fixed=fixed), entry


class RegistryError(Exception):
    """The template registry file cannot be read or is not a registry (a Latvian reason naming the file)."""


def load_registry(path: Path) -> dict[str, dict]:
    """The registry's versions; a missing file is an empty registry (`ibm fingerprint` creates it), a broken one
    raises RegistryError naming the file, line and column."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RegistryError(f"veidņu reģistrs {shown_given(path)} nav derīgs JSON ({exc.lineno}. rinda, {exc.colno}. kolonna; "
                            "gaidīts: komandas „ibm fingerprint” rakstīts reģistrs)") from None
    except UnicodeDecodeError:
        raise RegistryError(f"veidņu reģistrs {shown_given(path)} nav UTF-8 teksts (gaidīts: komandas „ibm fingerprint” "
                            "rakstīts JSON reģistrs)") from None
    except OSError as exc:
        from generator.cli_errors import os_reason_without_path

        raise RegistryError(f"veidņu reģistru {shown_given(path)} nevar nolasīt ({os_reason_without_path(exc)})") from None
    versions = data.get("versions") if isinstance(data, dict) else None
    if not isinstance(versions, dict) or not all(isinstance(v, dict) for v in versions.values()):
        raise RegistryError(f"fails {shown_given(path)} nav veidņu reģistrs (gaidīts: JSON objekts ar „versions”, ko raksta "
                            "komanda „ibm fingerprint”)")
    return dict(versions)


def save_registry(path: Path, versions: dict[str, dict]) -> None:
    payload = {
        "about": "IBM matricas veidņu nospiedumi: definēto nosaukumu vietas un katras lapas rindas jaucējkods "
                 "(ibm fingerprint). Izmanto ibm collect vecāku versiju matricu pārbaudei.",
        "versions": dict(sorted(versions.items())),
    }
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    write_replacing(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), prefix=".registry-")


class TemplateSource:
    """Expected templates by version, generated or looked up once per run."""

    def __init__(self, catalogue: Catalogue, registry: Path | None = None, folders: tuple[Path, ...] = ()) -> None:
        self.catalogue = catalogue
        self.registry_path = registry or DEFAULT_REGISTRY
        self._registry: dict[str, dict] | None = None
        self._current: Expected | None = None
        self._load_current: Callable[[], Expected | None] | None = None
        self._files: dict[str, Expected] = {}
        self._registered: dict[str, Expected] = {}  # one per version, so what it learns is kept for the run
        self._days: dict[str, Expected] = {}  # the current catalogue's matrices for other prices days (D63)
        for folder in folders:
            self.add_folder(folder)

    def add_folder(self, folder: Path) -> list[str]:
        """Templates of earlier versions kept by the ministry (e.g. an earlier build/matricas/): each
        IBM template found is compared cell by cell like the current one. Returns the versions found."""
        from generator.ministry.matrix import Matrix, MatrixError, interface_version

        found = []
        for path in sorted(folder.rglob("*.xlsx")):
            try:
                version = interface_version(Matrix.open(path))
            except MatrixError:
                continue
            if version not in self._files and version != self.current_version:
                self._files[version], _ = describe(path, version)
                found.append(version)
        return found

    @property
    def current_version(self) -> str:
        return template_version(self.catalogue)

    def use_current(self, expected: Expected) -> None:
        """An expectation of the current template kept from an earlier run (see cache.py)."""
        if expected.version == self.current_version:
            self._current = expected

    def use_current_later(self, loader: Callable[[], Expected | None]) -> None:
        """A kept expectation of the current template, loaded only when a file of that version comes
        (None from ``loader``: generated as usual)."""
        if self._current is None:
            self._load_current = loader

    def is_current(self, version: str) -> bool:
        """A version the current catalogue and code make: the default one or one for another prices day (D63)."""
        return version == self.current_version or issued_day(self.catalogue, version) is not None

    @property
    def has_current(self) -> bool:
        return self._current is not None

    def current(self) -> Expected:
        if self._current is None and self._load_current is not None:
            loader, self._load_current = self._load_current, None
            if (kept := loader()) is not None:
                self.use_current(kept)
        if self._current is None:
            with tempfile.TemporaryDirectory(prefix="ibm-template-") as tmp:
                path = generate_template(self.catalogue, Path(tmp) / "veidne.xlsx")
                self._current, _ = describe(path, self.current_version)
        return self._current

    def fingerprint(self) -> str:
        """What the expectations depend on besides the code: the versions known and the registry's content."""
        registry = self.registry_path.read_bytes() if self.registry_path.is_file() else b""
        digest = hashlib.sha256(registry)
        digest.update("\0".join([self.current_version, *sorted(self._files)]).encode())
        for version in sorted(self._files):
            cells = self._files[version].cells or {}
            digest.update(repr(sorted((s, sorted(c.items())) for s, c in cells.items())).encode())
        return digest.hexdigest()

    def registry(self) -> dict[str, dict]:
        if self._registry is None:
            self._registry = load_registry(self.registry_path)
        return self._registry

    def expected(self, version: str) -> Expected | None:
        if version == self.current_version:
            return self.current()
        if version in self._files:
            return self._files[version]
        if version in self._days:
            return self._days[version]
        day = issued_day(self.catalogue, version)
        if day is not None:
            with tempfile.TemporaryDirectory(prefix="ibm-template-") as tmp:
                path = generate_template(self.catalogue, Path(tmp) / "veidne.xlsx", None, day)
                self._days[version], _ = describe(path, version)
            return self._days[version]
        if version in self._registered:
            return self._registered[version]
        entry = self.registry().get(version)
        if entry is None:
            return None
        names = {n: ref for n, text in entry["names"].items() if (ref := parse_area(text)) is not None}
        found = self._registered[version] = Expected(version, names, rows=entry["rows"])
        return found


class TemplateChanged(Exception):
    """The registry already holds this version with a different template (template code changed alone)."""


def register_current(catalogue: Catalogue, registry: Path | None = None, *, replace: bool = False) -> tuple[str, str]:
    """Add the current template version to the registry, with the versions the same catalogue issues for other
    prices days (``ibm matrix --round/--day``, D63); returns (version, what happened to the default one): "added",
    "replaced" or "unchanged" (the registry file is then not written at all when nothing else changed either).

    The version is the catalogue's plus the layout revision (generator/workbook/version.py): a change to the
    template code alone keeps it unless LAYOUT_REVISION is bumped. An entry of the same version whose rows or
    names differ is therefore not overwritten silently (matrices already handed out with that version would
    no longer match it): TemplateChanged unless ``replace``.
    """
    path = registry or DEFAULT_REGISTRY
    versions = load_registry(path)
    default = template_date(catalogue)
    outcome: dict[str, str] = {}
    for day in [default, *(d.day for d in issue_days(catalogue) if d.day != default)]:
        version = template_version(catalogue, day)
        with tempfile.TemporaryDirectory(prefix="ibm-template-") as tmp:
            _, entry = describe(generate_template(catalogue, Path(tmp) / "veidne.xlsx", None, day), version)
        outcome[version] = _registered(versions, version, entry, replace)
    if any(what != "unchanged" for what in outcome.values()):
        save_registry(path, versions)
    version = template_version(catalogue)
    return version, outcome[version]


def _registered(versions: dict[str, dict], version: str, entry: dict, replace: bool) -> str:
    new = version not in versions
    if not new and versions[version] != entry and not replace:
        old = versions[version]
        sheets = sorted(s for s in set(old.get("rows", {})) | set(entry["rows"])
                        if old.get("rows", {}).get(s) != entry["rows"].get(s))
        names = sorted(n for n in set(old.get("names", {})) | set(entry["names"])
                       if old.get("names", {}).get(n) != entry["names"].get(n))
        what = "; ".join(x for x in (f"lapas {', '.join(sheets)}" if sheets else "",
                                     f"nosaukumi {', '.join(names)}" if names else "") if x)
        raise TemplateChanged(
            f"veidnes versija {shown_version(version)} reģistrā jau ir, bet veidne ir mainīta ({what}), lai gan versija "
            "nav mainīta (ne katalogs, ne izkārtojuma redakcija). Ar šo versiju jau izsniegtās matricas jaunajai veidnei neatbilstu. Lai izlaistu "
            "mainītu veidni, palieliniet LAYOUT_REVISION (generator/workbook/version.py) un atkārtojiet ibm "
            "fingerprint; ja šī versija vēl nav izsniegta, atkārtojiet ar --replace")
    if not new and versions[version] == entry:
        return "unchanged"
    versions[version] = entry
    return "added" if new else "replaced"
