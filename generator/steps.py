"""The build's renderers after the open-data export, in order.

Each entry is (name, Latvian title, render function). A renderer writes only inside its own
sub-folder of the build directory it is given and returns the paths it wrote.
"""

from __future__ import annotations

from typing import Any


def EXTRA_STEPS() -> list[tuple[str, str, Any]]:  # noqa: N802 - a constant-like registry
    steps: list[tuple[str, str, Any]] = []
    from generator.documents.build_step import render_documents

    steps.append(("dokumenti", "Dokumenti", render_documents))
    from generator.workbook.render import render_workbooks

    steps.append(("matrica", "IBM matricas", render_workbooks))
    # The methodology site lists every earlier step's files: it must stay the LAST step (add new steps above).
    from generator.site.step import render_site

    steps.append(("vietne", "Metodikas vietne", render_site))
    return steps
