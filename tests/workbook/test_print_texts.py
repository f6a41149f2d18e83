"""What the printed matrix says in its page headers and footers, titles and number formats (audit9 F1, F2, F9, F12),
read from the generated workbooks (no LibreOffice): the footer names the table and its own page with no total, the
header the template and its prices day, 6.4 is titled as the unsigned working calculation, a percentage has a
space before "%", and the signed 6.3's check legend addresses the signer (no question, no instruction)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.workbook.texts import BLANK, CHECKS_63
from generator.workbook.writer import template_date

PLAN_SHEETS = ("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11")


@pytest.fixture(scope="module")
def books(templates: dict[str | None, Path]) -> dict[str | None, Workbook]:
    return {key: load_workbook(templates[key]) for key in (None, "liepaja")}


def test_footer_names_the_table_and_its_page_without_a_total(books) -> None:
    for wb in books.values():
        for sheet in PLAN_SHEETS:
            footer = wb[sheet].oddFooter.center.text
            assert footer == f"{sheet}. tabula, &P. lapa", f"{sheet}: {footer!r}"


SIGNED_SHEETS = ("6.3", "6.5", "6.6", "6.9")


def test_header_names_the_prices_day(books, catalogue: Catalogue) -> None:
    """The matrix's prices day on the working sheets; a signed annex names the plan's first day, whose prices the
    plan uses and the papers print (D320): a later period's plan printed the first period's day."""
    day = lvformat.date(template_date(catalogue))
    for wb in books.values():
        for sheet in PLAN_SHEETS:
            right = wb[sheet].oddHeader.right.text
            said = "plāna pirmo dienu" if sheet in SIGNED_SHEETS else day
            assert right.endswith(f", cenas uz {said}") and "katalogs" not in right, f"{sheet}: {right!r}"


def test_the_working_calculation_is_not_titled_as_the_signed_annex(books) -> None:
    wb = books["liepaja"]
    title64, title65 = wb["6.4"]["A1"].value, wb["6.5"]["A1"].value
    assert title64.startswith("6.4. ") and "nav parakstāms" in title64, title64
    assert title64[4:] != title65[4:] and "II daļa" not in title64


def test_percentages_have_a_space_before_the_sign(books) -> None:
    formats = {cell.number_format for wb in books.values() for ws in wb.worksheets for row in ws.iter_rows()
               for cell in row if "%" in cell.number_format}
    assert formats, "nav procentu formāta"
    assert all('" "%' in f or " %" in f for f in formats), formats


def test_the_signed_plans_legend_speaks_to_the_signer() -> None:
    for key, text in CHECKS_63:
        assert "?" not in text and "pārbaudiet" not in text, f"{key}: {text}"


def test_the_ceiling_legend_holds_for_either_price() -> None:
    """D313: the unconfirmed-ceiling check of 6.3 marks a line with a provider's price and one that keeps the
    catalogue's own unconfirmed price (D303: nothing to compare): the legend says what happens to each – only a
    provider's price is compared with the ceilings, the catalogue's price is confirmed by LM."""
    text = dict(CHECKS_63)["ceiling_unconfirmed"]
    assert "kataloga cenu apstiprinās LM" in text and "sniedzēja cenu ar tiem salīdzinās" in text, text
    assert text.count("salīdzinās") == 1, text


def test_an_empty_header_field_is_a_blank_to_fill_in(templates: dict[str | None, Path]) -> None:
    """The generic matrix (no municipality) prints the same blank as a municipality's, not "—"."""
    wb = load_workbook(templates[None])
    cells = [c for row in wb["6.11"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith('="Pašvaldība: "')]
    assert cells and all(f'"{BLANK}"' in c.value and '"—"' not in c.value for c in cells), [c.value for c in cells]


def test_the_parents_application_gives_no_signing_instruction(books) -> None:
    """6.9 is the parent's signed application: its subtitle says whose annex it is, and who signs it is its
    signature block, not an instruction printed in the form ("paraksta vecāks", audit8 F25)."""
    for wb in books.values():
        texts = [c.value for row in wb["6.9"].iter_rows(max_row=12) for c in row if isinstance(c.value, str)]
        assert any("Līguma ar vecāku pielikums." in t for t in texts), texts
        assert not any("paraksta vecāks" in t.lower() or "pielikums; paraksta" in t for t in texts), texts


def test_a_providers_name_prints_in_its_columns_8_pt_whatever_it_holds(books) -> None:
    """A name typed with straight quotes ('SIA "Gaisma"') looked smaller on 6.5 and 6.9: every provider's name prints
    in the column's own 8 pt wrapped in two lines (D166), never shrunk to fit, so quotes or no quotes the size is one.
    The text itself is the worker's, as typed (the papers print the quotes as „…”, D79)."""
    for sheet in ("6.5", "6.9"):
        ws = books[None][sheet]
        # the plan rows' provider cells (the signatures' 8 pt captions under them do not wrap)
        names = [c for (c,) in ws.iter_rows(min_col=3, max_col=3) if c.font.sz == 8 and c.alignment.wrap_text]
        assert len(names) >= 20, (sheet, len(names))
        assert not [c.coordinate for (c,) in ws.iter_rows(min_col=3, max_col=3, min_row=6) if c.alignment.shrink_to_fit]
