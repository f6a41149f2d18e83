"""audit35a F6: a console line never states a municipality's name that the catalogue has not confirmed as fact – the
confirmed name in force, or the id with „(nosaukums jāprecizē)” (Catalogue.stated_name_on); the papers leave such a
name blank as before (D43)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue

LATER = dt.date(2026, 12, 5)  # Jelgava's post-reform name in municipality-names.yaml is still „jāprecizē”
UNCONFIRMED = "Jelgavas valstspilsētas pašvaldība"


def test_an_unconfirmed_name_is_the_id_with_a_note(catalogue: Catalogue) -> None:
    assert catalogue.name_on("jelgava", LATER) == UNCONFIRMED  # in force, not confirmed
    assert catalogue.stated_name_on("jelgava", LATER) == "jelgava (nosaukums jāprecizē)"
    assert catalogue.stated_name_on("jelgava", dt.date(2018, 10, 1)) == "Jelgavas pilsētas pašvaldība"  # confirmed


def test_the_documents_progress_line_names_no_unconfirmed_name(catalogue: Catalogue, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.documents import build_step
    from generator.documents.reports import workbooks

    monkeypatch.setattr(build_step, "render_municipality", lambda *a, **k: [])
    monkeypatch.setattr(workbooks, "write_report_workbooks", lambda *a, **k: [])
    lines: list[str] = []
    build_step.render_documents(catalogue, tmp_path, lines.append, municipality_id="jelgava", build_date=LATER)
    assert any("jelgava (nosaukums jāprecizē)" in line for line in lines), lines
    assert not any(UNCONFIRMED in line for line in lines), lines
