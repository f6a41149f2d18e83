"""The matrix template that `ibm collect`, `ibm documents --from-matrix` and `ibm migrate` compare every file with,
made once per test process instead of once per run.

Each run makes a TemplateSource, which writes the current template (``generate_template``: ~0.4 s) and reads it
into the cell-by-cell expectation (``describe``: ~0.2 s), and each Migrator writes the template of every
municipality it migrates to; a test session runs those commands a few hundred times with the same catalogue.
Both functions give the same result for the same input (the template is byte for byte reproducible, whatever
its path: tests/workbook/test_structure.py::test_same_catalogue_gives_identical_files), so the test process
keeps:

- each written template's bytes, by the template version the catalogue and code make (the catalogue's content
  hash and the layout revision: ``template_version``), the municipality and the prices day; a later call writes
  those bytes to its path (it still goes through ``generate_template``, so a test that counts the calls sees
  them all);
- with a session folder (``share``, set by tests/conftest.py for the session), each written template's bytes also
  as a file there, named by the digest of the key: both xdist workers share it, so a template one worker built (the
  changed catalogue's municipality templates of the migration proofs and the LibreOffice batch, ~0,75 s CPU each)
  is not built again by the other; a file is written under a temporary name and renamed into place, so a reader
  sees a whole file or none, and two workers building the same template at once write the same bytes;
- each expectation, pickled, by the SHA-256 of the template file and the version; a later call gets a fresh copy
  with a fresh token, as a new ``describe`` would: what one run's expectation learns (formula digests, proven
  skeletons) is never seen by another run.
- the parsed book of a kept template's bytes, which each Migrator reads after writing its template (``read_xlsx`` as
  migrate imported it; ~0,2 s each): by the SHA-256 of the file, for the last PARSED_KEPT templates; a file whose
  bytes are no kept template's (a migrated matrix) is read as before. The book is shared, as a Migrator shares its
  template's book among the files it migrates: Migrator only reads it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import uuid
from collections import OrderedDict
from pathlib import Path

from generator.ministry import migrate, templates
from tests.shared_session import write_whole

_WRITTEN: dict[tuple, bytes] = {}
_DESCRIBED: dict[tuple[bytes, str], bytes] = {}
_WRAPPED: dict[str, object] = {}  # the wrappers and the real functions (tests/test_template_cache.py)
_TEMPLATE_DIGESTS: set[bytes] = set()  # SHA-256 of every template's bytes this process wrote
_PARSED: OrderedDict[bytes, object] = OrderedDict()  # the parsed books of kept templates (``PARSED_KEPT`` at most)
PARSED_KEPT = 12  # ~15 MB each
_SHARED: dict[str, Path | None] = {"folder": None}  # the session's folder of kept templates (``share``)


def share(folder: Path | None) -> None:
    """Keep the written templates also in ``folder`` (None: in this process only)."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    _SHARED["folder"] = folder


def _shared_file(key: tuple) -> Path | None:
    folder = _SHARED["folder"]
    return None if folder is None else folder / f"{hashlib.sha256(repr(key).encode('utf-8')).hexdigest()}.xlsx"


def _keep_shared(key: tuple, data: bytes) -> None:
    target = _shared_file(key)
    if target is None or target.exists():
        return
    write_whole(target, data)


def install() -> None:
    """Wrap templates.generate_template (also as migrate imported it) and templates.describe (once per process)."""
    if getattr(templates.generate_template, "_kept", False):
        return
    generate, describe = templates.generate_template, templates.describe

    def generate_kept(catalogue, path: Path, municipality=None, day=None, status_on=None) -> Path:  # noqa: ANN001
        from generator.workbook.version import template_version
        from generator.workbook.withdrawn_base import withdrawn_on
        from generator.workbook.withdrawn_ceilings import withdrawn_on as ceilings_withdrawn_on
        from generator.workbook.writer import template_date

        # the template's bytes, and the marks of B (D318) and of the 6.8 ceilings (D319) withdrawn by `ibm migrate`'s
        # day
        prices_day = day or template_date(catalogue)
        marked = withdrawn_on(catalogue, prices_day, status_on) is not None
        ceilings = tuple(sorted(ceilings_withdrawn_on(catalogue, prices_day, status_on).items()))
        key = ((template_version(catalogue, day), municipality, day) + (("atsaukts",) if marked else ())
               + ((("griesti", ceilings),) if ceilings else ()))
        if key not in _WRITTEN:
            kept = _shared_file(key)
            made = (None if kept is not None and kept.is_file()
                    else generate(catalogue, path, municipality, day, status_on=status_on))
            # made now, or built by the other worker (or an earlier test of this one)
            _WRITTEN[key] = Path(made).read_bytes() if made is not None else kept.read_bytes()
            _TEMPLATE_DIGESTS.add(hashlib.sha256(_WRITTEN[key]).digest())
            if made is not None:
                _keep_shared(key, _WRITTEN[key])
                return made
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_WRITTEN[key])
        return path

    def describe_kept(path: Path, version: str):  # noqa: ANN202 - templates.describe's (Expected, entry)
        key = (hashlib.sha256(Path(path).read_bytes()).digest(), version)
        if key not in _DESCRIBED:
            found = describe(path, version)
            _DESCRIBED[key] = pickle.dumps(found)
            return found
        expected, entry = pickle.loads(_DESCRIBED[key])
        expected.token = uuid.uuid4().hex
        return expected, entry

    def read_kept(path: Path, sheets=None):  # noqa: ANN001, ANN202 - read_xlsx's signature
        path = Path(path)
        if sheets is not None:
            return read(path, sheets)
        digest = hashlib.sha256(path.read_bytes()).digest()
        if digest not in _TEMPLATE_DIGESTS:
            return read(path)
        book = _PARSED.pop(digest, None) or read(path)
        _PARSED[digest] = book
        while len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
        return dataclasses.replace(book, path=path)

    read = migrate.read_xlsx
    generate_kept._kept = True  # type: ignore[attr-defined]
    _WRAPPED.update(generate=generate_kept, describe=describe_kept, generate_real=generate, describe_real=describe,
                    read=read_kept, read_real=read)
    templates.generate_template = migrate.generate_template = generate_kept
    templates.describe = describe_kept
    migrate.read_xlsx = read_kept


def kept_template(catalogue, path: Path, municipality: str | None = None, day=None) -> Path:  # noqa: ANN001
    """``write_workbook(catalogue, path, municipality, day)`` from the kept bytes: the tests' own filled matrices
    start from the same template (tests/ministry/factory.py), not counted as a run's generate_template call."""
    install()
    return _WRAPPED["generate"](catalogue, path, municipality, day)  # type: ignore[operator]
