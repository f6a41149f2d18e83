"""The re-collection cache: the result of reading one matrix, kept next to the outputs
(``.ibm-collect-cache.sqlite``) and reused only for the same bytes read the same way.

Key: the SHA-256 of the file's bytes, the municipality folder it lies in, whether its template version
must be the current one, the catalogue version, the known template versions, and a digest of the code
that reads and recomputes (generator/ministry, generator/reference, generator/workbook,
generator/catalogue). A file's name or time is never part of the key. Each entry is signed with an
HMAC of the pseudonym key, so results made with another key (or written by anyone without it) are
never unpickled. New entries are written only after the outputs were written (``commit``), and
entries not used by that run are dropped then; the run's context (catalogue, templates, code) is noted
in ``meta``, so a run of another context knows without hashing any file that nothing can match.

Speed (docs/benchmarks.md, 7. kārta): the entries are read with one query when the cache is opened and
each is checked and unpickled only when its key is asked for; the workers pickle the results they read
(``put_pickled``), the main process only keeps the bytes.

A file of that name that is not this cache is left alone (the run goes on without a cache).

No personal data: an entry is the kept record (reading._record), which holds the child's pseudonym but not 6.1's
names and personal code, and no file name or path (collect._placed). The HMAC only guards against tampering;
it does not hide anything, so nothing readable about a person may be pickled here (D120).
"""

from __future__ import annotations

import hashlib
import hmac
import pickle
import sqlite3
from pathlib import Path

from generator.ministry.reading import ReadResult
from generator.ministry.templates import Expected

CACHE_NAME = ".ibm-collect-cache.sqlite"
FORMAT = "ibm-collect-cache-1"
_CODE_DIRS = ("generator/ministry", "generator/reference", "generator/workbook", "generator/catalogue")
_REPO = Path(__file__).resolve().parents[2]
_code_digest: str | None = None


def code_version() -> str:
    """A digest of the code whose behaviour a cached result depends on."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.sha256()
        for folder in _CODE_DIRS:
            for path in sorted((_REPO / folder).rglob("*")):
                if path.is_file() and path.suffix in (".py", ".json", ".yaml"):
                    digest.update(path.relative_to(_REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _code_digest = digest.hexdigest()
    return _code_digest


class ResultCache:
    """Cached ReadResults by key; ``hits`` counts the files taken from it, ``misses`` those read again."""

    def __init__(self, path: Path, secret: bytes, context: str) -> None:
        self.path = path
        self._mac_key = hashlib.sha256(b"ibm-collect-cache\0" + secret).digest()
        self._context = hashlib.sha256(f"{FORMAT}\0{code_version()}\0{context}".encode()).hexdigest()
        self._db: sqlite3.Connection | None = None
        self._stored: dict[str, tuple[bytes, bytes]] | None = None  # key -> (mac, data), read once, lazily
        self._may_hit: bool | None = None
        self._new: dict[str, bytes] = {}
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.problem: str | None = None
        self._open()

    def _open(self) -> None:
        """Open an existing cache (a new one is created only by ``commit``, after the outputs are written)."""
        foreign = f"{self.path} nav šīs rīkkopas kešatmiņa; tā netiek lietota un netiek mainīta"
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_file()):
            self.problem = foreign
            return
        if not self.path.exists():
            return
        try:
            db = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True)
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        except sqlite3.Error:
            self.problem = foreign
            return
        if row is None or row[0] != FORMAT:
            db.close()
            self.problem = foreign
            return
        self._db = db

    @property
    def may_hit(self) -> bool:
        """Can any entry match this run? False when the cache is new or was last written by a run of
        another context (catalogue, templates, code, key): then no file needs hashing to look it up.
        A cache written before the context was noted may hit."""
        if self._db is None:
            return bool(self._new)
        if self._may_hit is None:
            try:
                row = self._db.execute("SELECT value FROM meta WHERE name = 'context'").fetchone()
            except sqlite3.Error:
                row = ("",)
            self._may_hit = row is None or row[0] == self._context_mark()
        return self._may_hit

    def _context_mark(self) -> str:
        """The run's context as noted in the cache (with the key: results of another key never match)."""
        return hmac.new(self._mac_key, self._context.encode(), "sha256").hexdigest()

    def _entries(self) -> dict[str, tuple[bytes, bytes]]:
        """Every stored entry, read with one query (one lookup per file took ~0.4 ms)."""
        if self._stored is None:
            self._stored = {}
            if self._db is not None and self.may_hit:
                try:
                    rows = self._db.execute("SELECT key, mac, data FROM results").fetchall()
                except sqlite3.Error:
                    rows = []
                self._stored = {k: (m, d) for k, m, d in rows
                                if isinstance(k, str) and isinstance(m, bytes) and isinstance(d, bytes)}
        return self._stored

    @property
    def usable(self) -> bool:
        return self.problem is None

    def key(self, digest: str, folder: str, strict: bool) -> str:
        return hashlib.sha256(f"{self._context}\0{digest}\0{folder}\0{int(strict)}".encode()).hexdigest()

    def get(self, key: str, kind: type = ReadResult) -> ReadResult | None:
        result = self._load(key, kind)
        if result is not None:
            self.hits += 1
        return result

    def _data(self, key: str) -> bytes | None:
        """The pickled entry under ``key`` if its MAC is right (not unpickled, not counted)."""
        if key in self._new:
            return self._new[key]
        row = self._entries().get(key)
        if row is None or not hmac.compare_digest(row[0], hmac.new(self._mac_key, row[1], "sha256").digest()):
            return None
        return row[1]

    def _load(self, key: str, kind: type) -> object | None:
        """The entry under ``key`` if it is intact and of ``kind`` (not counted)."""
        data = self._data(key)
        if data is None:
            return None
        try:
            result = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a damaged entry is only a miss
            return None
        if not isinstance(result, kind):
            return None
        self._used.add(key)
        return result

    def get_template(self, version: str) -> Expected | None:
        """The current template's expectation kept by an earlier run (same catalogue and code)."""
        return self._load(self.key("template", version, True), Expected)  # type: ignore[return-value]

    def template_loader(self, version: str) -> TemplateLoader | None:
        """The kept expectation of the current template, unpickled only when a file needs it (~0.5 s)."""
        key = self.key("template", version, True)
        data = self._data(key)
        if data is None:
            return None
        self._used.add(key)
        return TemplateLoader(data, version)

    def has_template(self, version: str) -> bool:
        """Is the current template's expectation kept (found by this run or to be written)?"""
        key = self.key("template", version, True)
        return key in self._new or key in self._used

    def put_template(self, version: str, expected: Expected) -> None:
        self._store(self.key("template", version, True), expected)

    def put_template_pickled(self, version: str, data: bytes) -> None:
        """Keep a template expectation pickled by a worker (see ``TemplateLoader``)."""
        if self.problem is None:
            key = self.key("template", version, True)
            self._new[key] = data
            self._used.add(key)

    def put_pickled(self, key: str, data: bytes) -> None:
        """Keep a result a worker already pickled (``pickle.dumps`` of a ReadResult; not counted)."""
        if self.problem is None:
            self._new[key] = data
            self._used.add(key)

    def _store(self, key: str, obj: object) -> None:
        """Keep ``obj`` under ``key`` for the end of the run (not counted)."""
        if self.problem is not None:
            return
        self._new[key] = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self._used.add(key)

    def commit(self) -> None:
        """Write the new entries and drop those this run did not use (call after the outputs are written)."""
        if self.problem is not None:
            return
        try:
            if self._db is None:
                if self.path.exists():
                    return  # appeared during the run: not ours
                db = sqlite3.connect(f"file:{self.path}?mode=rwc", uri=True)
                with db:
                    db.executescript("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
                                     "CREATE TABLE results (key TEXT PRIMARY KEY, mac BLOB, data BLOB);")
                    db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                self._db = db
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", [
                    (k, hmac.new(self._mac_key, v, "sha256").digest(), v) for k, v in self._new.items()])
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM used")
                self._db.executemany("INSERT INTO used VALUES (?)", [(k,) for k in self._used])
                self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM used)")
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('context', ?)", (self._context_mark(),))
        except sqlite3.Error:
            return  # the cache only saves time; the outputs are already written
        self._new.clear()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class TemplateLoader:
    """A kept template expectation, unpickled on the first call (picklable: it goes to the workers as
    bytes, and a worker that reads no file of the current version never unpickles it)."""

    def __init__(self, data: bytes, version: str) -> None:
        self.data = data
        self.version = version

    def __call__(self) -> Expected | None:
        try:
            expected = pickle.loads(self.data)
        except Exception:  # noqa: BLE001 - a damaged entry only means generating the template again
            return None
        return expected if isinstance(expected, Expected) and expected.version == self.version else None
