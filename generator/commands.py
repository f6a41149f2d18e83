"""Subcommands beyond check/build/schema, each defined in the module of its feature."""

from __future__ import annotations

from generator.changes.command import changes
from generator.cli import register
from generator.documents.command import documents
from generator.ministry.command import collect, fingerprint, migrate
from generator.site.command import serve
from generator.workbook.command import matrix

for command in (matrix, documents, serve, changes, migrate, collect, fingerprint):
    register(command)
