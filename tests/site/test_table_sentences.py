"""Row sentences of the search index (generator/site/table_sentences.py): review2 F4, F11, F14."""

from __future__ import annotations

from generator.site.table_sentences import EXCLUDE, row_sentence, search_html


def test_a_nested_table_is_text_of_its_cell_and_the_outer_rows_after_it_are_kept() -> None:  # F4
    html = ("<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1<table><tr><td>in</td></tr></table>"
            "</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>")
    out = search_html(html)
    assert out.count(EXCLUDE) == 1 and out.startswith(f"<table {EXCLUDE}=\"1\">")
    assert out.endswith("</table><p>A: 1 in; B: 2.</p><p>A: 3; B: 4.</p>")


def test_a_table_after_a_nested_one_is_still_summarised() -> None:  # F4: the record closes at the outer end
    html = ("<table><tbody><tr><td>x<table><tr><td>in</td></tr></table></td></tr></tbody></table>"
            "<p>tekstā</p><table><thead><tr><th>K</th></tr></thead><tbody><tr><td>9</td></tr></tbody></table>")
    out = search_html(html)
    assert out.count(EXCLUDE) == 2 and out.endswith("</table><p>K: 9.</p>")


def test_the_caption_is_the_first_sentence() -> None:  # F11
    html = ("<table><caption>A variants: IB sedz visu</caption><thead><tr><th>Piemērs</th><th>N</th></tr></thead>"
            "<tbody><tr><th scope=\"row\">P1</th><td>–</td></tr></tbody></table>")
    assert search_html(html).endswith("</table><p>A variants: IB sedz visu.</p><p>Piemērs: P1.</p>")


def test_words_around_a_line_break_or_a_block_in_a_cell_stay_apart() -> None:  # F14
    html = ("<table><thead><tr><th>Kods</th><th>Piezīme</th></tr></thead><tbody><tr><td>1.1</td>"
            "<td>no 01.04.2023<br>līdz 31.12.2023</td></tr><tr><td>2.1</td><td><p>Pirmā.</p><p>Otrā</p></td></tr>"
            "<tr><td>3.1</td><td><ul><li>viens</li><li>divi</li></ul></td></tr></tbody></table>")
    assert search_html(html).endswith(
        "<p>Kods: 1.1; Piezīme: no 01.04.2023 līdz 31.12.2023.</p><p>Kods: 2.1; Piezīme: Pirmā. Otrā.</p>"
        "<p>Kods: 3.1; Piezīme: viens divi.</p>")


def test_a_cell_of_a_no_break_space_is_empty() -> None:
    assert row_sentence(["A", "B"], ["1", "\xa0"]) == "A: 1."
    assert search_html("<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>&nbsp;</td>"
                       "</tr></tbody></table>").endswith("<p>A: 1.</p>")


def test_an_amount_keeps_its_no_break_space() -> None:
    assert row_sentence(["Summa"], ["1\xa0234,56 EUR"]) == "Summa: 1\xa0234,56 EUR."
