"""Sheet 31 of a round longer than the pilot's 15 months prints one page wide (audit19 F35): the total's column, the
whole title and the signatures on the page of the activities, never the total alone on a second page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.documents.reports.activity import ACTIVITIES, SHEET, write_activity_report
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.recalc import make_profile, print_sheets
from tests.documents.test_report_later_round import BUILD_DAY, _with_round
from tests.workbook.pdf_pages import read_pages

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def test_sixteen_months_print_on_one_page(calibri_metrics: None, tmp_path: Path) -> None:
    catalogue = _with_round(tmp_path, rules=False)  # 09.2026–12.2027: 16 months
    path = write_activity_report(catalogue, catalogue.municipality("liepaja"), tmp_path / "31.xlsx",
                                 build_date=BUILD_DAY)
    pdf = tmp_path / "31.pdf"
    print_sheets({path: [(SHEET, pdf)]}, profile=make_profile(tmp_path / "profile"))
    pages = read_pages(pdf)
    assert len(pages) == 1, [p.text[:200] for p in pages]
    text = " ".join(pages[0].text.split())
    assert "31. pielikums. Sociālā darbinieka mēneša atskaite par paveikto darbu programmā" in text
    assert "Kopā par visiem mēnešiem" in text and "12.2027" in text and "09.2026" in text
    assert all(label in text for label in SIGNATURE_LABELS)
    assert ACTIVITIES[-1][:30] in text
    assert pages[0].min_font >= 8.0 - 0.05
