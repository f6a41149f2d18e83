"""`ibm serve`: preview the site with live reload.

The sources are rendered into a temporary folder and ``mkdocs serve`` runs on it (127.0.0.1 only).
A watcher re-renders the sources whenever a file of the catalogue (including catalogue/metodika/),
site/ or the page templates changes; only changed files are rewritten, so mkdocs rebuilds and the
browser reloads. A mistake in a page is printed (file, line, what was expected) and the previous
version stays on screen until it is fixed. Links are checked as warnings here, not as errors.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import yaml

from generator import lvformat
from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import CatalogueError, Severity
from generator.site import paths
from generator.site.errors import SiteError
from generator.site.pagetemplates import TEMPLATES
from generator.site.sources import SiteSources, render_sources

Echo = Callable[[str], None]


def _signature(folders: list[Path]) -> tuple[tuple[str, int, int], ...]:
    items = []
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    items.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(items))


def write_config(root: Path, sources: SiteSources, version: str) -> Path:
    """A mkdocs.yml in ``root`` that inherits the project's and points at the rendered sources."""
    config = {
        "INHERIT": str(paths.MKDOCS_YML),
        "docs_dir": str(sources.docs),
        "strict": False,
        "nav": sources.nav,
        "copyright": f"Kataloga versija {lvformat.version(version)} · priekšskatījums (ibm serve)",
        "theme": {"name": "material", "custom_dir": str(paths.SITE_SOURCES / "overrides")},
        # mkdocs.yml's hook path is relative to mkdocs.yml; this config lives elsewhere.
        "hooks": [str(paths.SEARCH_HOOK)],
    }
    path = root / "mkdocs.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


class Renderer:
    """Renders the sources now and again whenever a watched file changes."""

    def __init__(self, catalogue_dir: Path, root: Path, build_dir: Path | None, echo: Echo) -> None:
        self.catalogue_dir = catalogue_dir
        self.root = root
        self.build_dir = build_dir
        self.echo = echo
        self.watched = [catalogue_dir, paths.SITE_SOURCES, TEMPLATES]
        self._stop = threading.Event()

    def render(self) -> bool:
        catalogue, problems = load_catalogue(self.catalogue_dir)
        if catalogue is None:
            for p in problems:
                if p.severity is Severity.error:
                    self.echo(p.format(self.catalogue_dir))
            self.echo("Katalogā ir kļūdas; vietne netika atjaunota.")
            return False
        try:
            sources = render_sources(catalogue, self.root, self.build_dir)
        except CatalogueError as exc:
            for p in exc.problems:
                self.echo(p.format(self.catalogue_dir))
            self.echo("Vietne netika atjaunota; izlabojiet kļūdu, un tā atjaunosies pati.")
            return False
        except SiteError as exc:
            self.echo(f"Vietne netika atjaunota: {exc}")
            return False
        write_config(self.root, sources, catalogue.version)
        return True

    def watch(self, interval: float = 1.0) -> None:
        last = _signature(self.watched)
        while not self._stop.wait(interval):
            current = _signature(self.watched)
            if current != last:
                last = current
                if self.render():
                    self.echo("Avoti mainījās: vietne atjaunota.")

    def stop(self) -> None:
        self._stop.set()


BUILT = re.compile(r"^Documentation built in (\d+)\.(\d+) seconds$")
REBUILD_FAILED = "An error happened during the rebuild."
STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # mkdocs' live-reload logger puts the time first
ENCODING = re.compile(r"^Encoding error reading file: (.*)$")
PAGE_ERROR = re.compile(r"^Error (reading|building) page '([^']*)':\s*(.*)$", re.DOTALL)
NOT_REBUILT = "Vietni neizdevās atjaunot; pārlūkā paliek iepriekšējā versija, līdz kļūda būs izlabota."


def mkdocs_line(record: logging.LogRecord) -> str | None:
    """What the console shows of one mkdocs log record (audit27 F15): its progress in Latvian, its warnings and
    errors (a broken link on a page) with a Latvian lead, its other chatter (temporary paths, "Serving on …",
    "Shutting down …") nothing."""
    message = STAMP.sub("", record.getMessage())
    if message.startswith(REBUILD_FAILED):
        return NOT_REBUILT
    if (encoding := ENCODING.match(message)) is not None:
        return f"Kļūda vietnē: lapas fails „{encoding.group(1)}” nav UTF-8 kodējumā"
    if (page := PAGE_ERROR.match(message)) is not None:
        what = "nevar nolasīt" if page.group(1) == "reading" else "nevar izveidot"
        return f"Kļūda vietnē: lapu „{page.group(2)}” {what}: {page.group(3)}".rstrip(": ")
    if record.levelno >= logging.ERROR:
        return f"Kļūda vietnē: {message}"
    if record.levelno >= logging.WARNING:
        return f"Brīdinājums vietnē: {message}"
    if message == "Building documentation...":
        return "Veido vietni …"
    if (built := BUILT.match(message)) is not None:
        return f"Vietne gatava ({built.group(1)},{built.group(2)[:1]} s)."
    return None


class _MkdocsLines(logging.Handler):
    def __init__(self, echo: Echo) -> None:
        super().__init__(logging.INFO)
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        if (line := mkdocs_line(record)) is not None:
            self.echo(line)


def failure(exc: BaseException) -> str:
    """One Latvian line for an error of a site build, instead of a Python traceback (review6 F4): its kind and,
    when the error knows them (a Jinja template, a YAML file), its file and line."""
    import jinja2

    filename, lineno = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if isinstance(exc, jinja2.TemplateNotFound):
        filename = exc.name
    if (mark := getattr(exc, "problem_mark", None)) is not None:  # yaml's MarkedYAMLError
        filename, lineno = getattr(mark, "name", None), getattr(mark, "line", -1) + 1
    where = [f"fails {filename}"] if isinstance(filename, str) and filename else []
    if isinstance(lineno, int) and lineno > 0:
        where.append(f"{lineno}. rinda")
    kind = "fails nav UTF-8 kodējumā" if isinstance(exc, UnicodeDecodeError) else type(exc).__name__
    return f"Kļūda vietnē: {kind}" + (f" ({', '.join(where)})" if where else "")


class _NoTraceback:
    """Stands in for the ``traceback`` module in mkdocs' live-reload loop, which prints a failed rebuild's
    traceback itself: one Latvian line instead."""

    def __init__(self, echo: Echo) -> None:
        self.echo = echo

    def print_exc(self, *_args: object, **_kwargs: object) -> None:
        exc = sys.exc_info()[1]
        if exc is not None:
            self.echo(failure(exc))


def serve(catalogue_dir: Path, port: int, build_dir: Path | None, echo: Echo = print) -> None:
    """Render, then run mkdocs' server until Ctrl-C; a failed first build ends with status 1 and one Latvian line,
    a failed rebuild leaves the previous version on screen (both without a Python traceback)."""
    from mkdocs import livereload
    from mkdocs.commands.serve import serve as mkdocs_serve

    logger = logging.getLogger("mkdocs")
    handler = _MkdocsLines(echo)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # no English line from a root handler either
    module_traceback = livereload.traceback
    livereload.traceback = _NoTraceback(echo)  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="ibm-serve-") as tmp:
            renderer = Renderer(catalogue_dir, Path(tmp), build_dir, echo)
            if not renderer.render():
                raise SystemExit(1)
            thread = threading.Thread(target=renderer.watch, daemon=True)
            thread.start()
            echo(f"Vietne: http://127.0.0.1:{port}/ (Ctrl+C – beigt). Izmaiņas katalogā un site/ parādās uzreiz.")
            try:
                mkdocs_serve(config_file=str(Path(tmp) / "mkdocs.yml"), livereload=True,
                             dev_addr=f"127.0.0.1:{port}")
            except OSError:
                raise  # a busy port and the like: the command line's own Latvian reason
            except Exception as exc:  # noqa: BLE001 - the first build failed: one line, no traceback
                echo(failure(exc))
                echo("Vietni neizdevās izveidot; izlabojiet kļūdu un palaidiet „ibm serve” vēlreiz.")
                raise SystemExit(1) from None
            finally:
                renderer.stop()
    finally:
        livereload.traceback = module_traceback
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
