"""Subcommands beyond check/build/schema. Each feature module adds its command here."""

from __future__ import annotations

from generator.changes.command import changes  # noqa: E402
from generator.cli import register  # noqa: F401  (used by the imports below)

register(changes)

from generator.documents.command import documents  # noqa: E402

register(documents)

from generator.workbook.command import matrix  # noqa: E402

register(matrix)

from generator.site.command import serve  # noqa: E402

register(serve)

from generator.ministry.command import collect, fingerprint, migrate  # noqa: E402

register(collect)
register(migrate)
register(fingerprint)
