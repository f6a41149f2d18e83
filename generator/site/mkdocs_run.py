"""Running mkdocs on the rendered sources with the root mkdocs.yml (strict: any warning fails)."""

from __future__ import annotations

import calendar
import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.site import paths
from generator.site.errors import SiteError
from generator.site.sources import SiteSources

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
    """Collect mkdocs' warnings (instead of printing them) while a build runs."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    old_propagate, old_level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = old_propagate, old_level


@contextlib.contextmanager
def _env(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def site_config(catalogue: Catalogue, sources: SiteSources, site_dir: Path, **overrides: Any):
    """The mkdocs configuration: mkdocs.yml with the rendered sources, the navigation and the version."""
    from mkdocs.config import load_config

    return load_config(
        config_file=str(paths.MKDOCS_YML),
        docs_dir=str(sources.docs),
        site_dir=str(site_dir),
        nav=sources.nav,
        strict=True,
        copyright=f"Kataloga versija {lvformat.version(catalogue.version)} · Labklājības ministrija – IBM rīkkopa",
        **overrides,
    )


def build_date_epoch(catalogue: Catalogue) -> str:
    """The catalogue date as SOURCE_DATE_EPOCH: the sitemap's dates are then the same on every build."""
    return str(calendar.timegm(catalogue.latest_date.timetuple()))


def build_site(catalogue: Catalogue, sources: SiteSources, site_dir: Path, site_url: str | None = None) -> None:
    """Build the HTML site into ``site_dir``; a warning or error raises SiteError listing them.

    ``site_url`` overrides mkdocs.yml's (the site's public address: sitemap.xml and absolute 404 links).
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError

    with _env(SOURCE_DATE_EPOCH=build_date_epoch(catalogue), NO_MKDOCS_2_WARNING="1"), _quiet_mkdocs() as log:
        try:
            config = site_config(catalogue, sources, site_dir, **({"site_url": site_url} if site_url else {}))
            build(config)
        except (Abort, ConfigurationError) as exc:
            details = "\n".join(f"  - {m}" for m in log.messages) or f"  - {exc}"
            raise SiteError(f"mkdocs neizveidoja vietni (stingrajā režīmā katrs brīdinājums ir kļūda):\n{details}",
                            paths.MKDOCS_YML) from None
        if log.messages:
            details = "\n".join(f"  - {m}" for m in log.messages)
            raise SiteError(f"mkdocs brīdinājumi:\n{details}", paths.MKDOCS_YML)
