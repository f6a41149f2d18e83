"""D27: the IBM matrix writes ordinals with a space ("6. pielikums", "6.11. tabula") in every text a user
reads: cells, formulas' messages, validation prompts, headers, footers and properties; the sheet names
"6.1" … "6.11" are its interface and stay as they are. The generic matrix and one municipality's (the others
differ from it only in the municipality's data)."""

from __future__ import annotations

from pathlib import Path

from tests.ordinal_spacing import office_texts, report


def test_matrices_write_ordinals_with_a_space(templates: dict[str | None, Path]) -> None:
    paths = list(templates.values())[:2]
    assert templates[None] in paths and len(paths) == 2
    found = report(place for path in paths for place in office_texts(path))
    assert not found, "\n".join(found)
