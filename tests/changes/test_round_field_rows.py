"""Rows of the changes page for an edited round (generator/changes/calendar.py): every row shows a visible
change (review2 F9)."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus, RoundProject
from generator.changes.calendar import _field_rows, _text


def test_an_unconfirmed_project_number_is_shown_so_its_change_is_visible() -> None:
    a = RoundProject(number="9.2.2.2./16/I/001", status=PriceStatus("jāprecizē"), source="x")
    b = a.model_copy(update={"number": "9.2.2.2./16/I/002"})
    assert _text(a) == "Nr. 9.2.2.2./16/I/001 (jāprecizē)" and _text(a) != _text(b)
    named = a.model_copy(update={"number": None, "name_lv": "Projekts"})
    assert _text(named) == "„Projekts” (jāprecizē)"
    assert _text(a.model_copy(update={"number": None})) == "nav zināms (jāprecizē)"


def test_a_field_whose_only_change_is_its_source_is_reported_as_the_source(catalogue: Catalogue) -> None:
    before = catalogue.rounds[0]
    for field in ("project", "selection", "application_deadline", "envelope"):
        value = getattr(before, field)
        after = before.model_copy(update={field: value.model_copy(update={"source": "jauns avots"})})
        rows = _field_rows(before, after)
        assert len(rows) == 1, (field, rows)
        label, old, new, source = rows[0]
        assert (old, new, source) == (value.source, "jauns avots", "jauns avots"), field
        assert old != new and label.endswith("avots")


def test_no_row_has_the_same_old_and_new_text(catalogue: Catalogue) -> None:
    before = catalogue.rounds[0]
    project = before.project.model_copy(update={"number": "X-1", "name_lv": None, "status": PriceStatus("jāprecizē")})
    edited = before.model_copy(update={"project": project})
    renumbered = edited.model_copy(update={"project": project.model_copy(update={"number": "X-2"})})
    rows = _field_rows(edited, renumbered)
    assert rows and all(old != new for _label, old, new, _source in rows)
