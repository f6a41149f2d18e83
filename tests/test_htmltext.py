"""The one HTML-to-text reader of the tests: the same visible text for ordinal scans and page contents."""

from tests.htmltext import html_text, squash, text_of

PAGE = ('<style>td{color:red}</style><script>var a = "slēpts";</script><template><p>arī slēpts</p></template>'
        '<table><tr><td>1\u00a0234,50\u00a0EUR</td><td title="padoms">Kopā</td></tr></table>'
        '<p>Sk. <a href="x.html"><b>6.</b> pielikumu</a><img alt="attēls">beigas</p>')


def test_text_of_is_one_line_without_hidden_parts_or_attributes() -> None:
    assert text_of(PAGE) == "1\u00a0234,50\u00a0EUR Kopā Sk. 6. pielikumu beigas"


def test_html_text_keeps_line_breaks_and_reads_shown_attributes() -> None:
    text = html_text(PAGE)
    assert "slēpts" not in text and "padoms" in text and "attēls" in text
    assert squash(html_text(PAGE, attributes=False)) == text_of(PAGE)
    assert "1\u00a0234,50\u00a0EUR\n" in text and "Sk. 6. pielikumu" in text
