"""The how-to for a new round (README „Jaunas kārtas pievienošana” and the matrix page's „Kā pievienot jaunu kārtu”)
names every field of a round that the catalogue takes – the papers print `project`, `selection`,
`application_deadline` and `procedures` – and the `ibm fingerprint` step, without which the round's matrices cannot be
checked after the next catalogue change (D309)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Round
from generator.site.other_pages import render_workbook

README = Path(__file__).resolve().parents[2] / "README.md"


def _fields(model: type[BaseModel]) -> set[str]:
    """The model's field names and, for a nested block (project, selection, …), its own fields too."""
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for kind in getattr(info.annotation, "__args__", (info.annotation,)):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                names |= _fields(kind)
    return names


def _named(field: str, text: str) -> bool:
    """Is the field named as code: `field` or `field: value`?"""
    return f"`{field}`" in text or f"`{field}: " in text


def _between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin:text.index(end, begin)]


def test_the_round_model_has_the_blocks_the_papers_print() -> None:
    assert {"project", "number", "procedures", "child_reallocation", "selection", "tie_break",
            "application_deadline"} <= _fields(Round)


def test_readme_names_every_round_field_and_the_fingerprint_step() -> None:
    howto = _between(README.read_text(encoding="utf-8"), "**Jaunas kārtas pievienošana:**", "**Pašvaldības IT")
    assert sorted(f for f in _fields(Round) if not _named(f, howto)) == []
    assert "`ibm fingerprint`" in howto and "`generator/ministry/template_registry.json`" in howto


def test_the_matrix_page_names_every_round_field_and_the_fingerprint_step(catalogue: Catalogue) -> None:
    howto = _between(render_workbook(catalogue, [], []), "### Kā pievienot jaunu kārtu", "## Lapas")
    assert sorted(f for f in _fields(Round) if not _named(f, howto)) == []
    assert "`ibm fingerprint`" in howto and "`ibm build`" in howto
