"""DOCX tables fit each column's longest word (F16: a provider contract's month headers read "10.201 / 8" in
Writer, the plan period broke after its dash)."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn

from generator.documents.docx_format import CELL_PADDING_TWIPS, TABLE_PT
from generator.documents.docx_widths import fit_longest_words, longest_word, word_width
from generator.documents.docx_writer import html_to_docx

MONTHS = ["10.2018", "11.2018", "12.2018", "01.2019", "02.2019", "03.2019"]


def _html(body: str) -> str:
    return f"<html><head></head><body><main>{body}</main></body></html>"


def _docx(body: str) -> Document:
    return Document(io.BytesIO(html_to_docx(_html(body), "Tests", "2018-09-01+abcdef12", dt.date(2018, 9, 15))))


def _month_table() -> str:
    """The provider contract's monthly table with month columns narrower than 02 renders them (6 % each: 12 months, or a smaller font in 02)."""
    heads = "".join(f'<th data-w="6">{m}</th>' for m in MONTHS)
    cells = "".join('<td class="num">2</td>' for _ in MONTHS)
    return ('<table class="grid small"><thead><tr><th data-w="5">Nr.</th><th data-w="47">Pakalpojums</th>'
            f'{heads}<th data-w="12">Kopā no IB</th></tr></thead>'
            f"<tr><td>1.</td><td>1.1.4 Theraplay elementi nodarbībā ģimenei</td>{cells}<td>12</td></tr></table>")


def test_a_month_header_fits_its_column() -> None:
    table = _docx(_month_table()).tables[0]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    room_pt = [w / 20 - 2 * CELL_PADDING_TWIPS / 20 for w in grid]
    header = word_width("10.2018", TABLE_PT, bold=True)
    assert all(room > header for room in room_pt[2:8]), (room_pt, header)
    # the width comes from the wide service column; the table keeps the text width (17 cm)
    assert grid[1] < 0.45 * sum(grid) and grid[0] >= 0.05 * sum(grid) - 20
    assert abs(sum(grid) - 17 / 2.54 * 1440) < 40


def test_a_table_whose_words_fit_keeps_its_widths() -> None:
    widths = [1000, 2000, 3000]
    assert fit_longest_words(widths, [0.0, 0.0, 0.0], CELL_PADDING_TWIPS) == widths


def test_widths_too_small_for_every_word_stay() -> None:
    """No column can give: the table stays as the template sized it (Word then breaks the words)."""
    widths = [12700 * 20] * 3
    assert fit_longest_words(widths, [40.0, 40.0, 40.0], CELL_PADDING_TWIPS) == widths


def test_the_longest_word_splits_at_spaces_dashes_and_line_breaks() -> None:
    assert longest_word("reize\n(konsultācija vai", 9, False) == word_width("(konsultācija", 9, False)
    assert longest_word("LM2017/24-1", 9, False) == word_width("LM2017/", 9, False)
    assert word_width("10.2018", 9, True) > word_width("10.2018", 9, False) > 0


def test_a_date_range_never_breaks_at_its_dash() -> None:
    document = _docx("<p>Atbalsta plāna periods: <strong>01.10.2018–31.03.2019</strong>; 2018.–2019. gads</p>")
    text = document.paragraphs[0].text
    assert "01.10.2018\u2060\u2013\u206031.03.2019" in text
    assert "2018.\u20132019." in text  # only a range of dates is bound
