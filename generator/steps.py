"""The steps of `ibm build`, in order: (name, Latvian title, render function).

A renderer writes only inside its own sub-folder of the build directory it is given. The methodology
site lists every earlier step's files, so it stays the last step: add new steps above it. Renderers
are imported here, not at module level, so that `ibm check` does not pay for their imports.
"""

from __future__ import annotations

from typing import Any


def build_steps() -> list[tuple[str, str, Any]]:
    from generator.documents.build_step import render_documents
    from generator.opendata.export import render_open_data
    from generator.site.step import render_site
    from generator.workbook.render import render_workbooks

    return [
        ("atvertie-dati", "Atvērtie dati", render_open_data),
        ("dokumenti", "Dokumenti", render_documents),
        ("matrica", "IBM matricas", render_workbooks),
        ("vietne", "Metodikas vietne", render_site),
    ]
