"""The first abbreviation of each kind on a page is explained in the text, not only on hover (audit30 F4)."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.site.abbr_first import explain_in_html, short_meaning
from tests.site.conftest import BuiltSite
from tests.site.htmltables import text_of

GLOSSARY = "\n\n*[FT]: funkcionālie traucējumi\n*[SD]: sociālais dienests\n*[DI]: deinstitucionalizācija – pāreja\n"


def render(text: str) -> str:
    return markdown.markdown(text + GLOSSARY, extensions=["abbr", "generator.site.abbr_first"])


def test_first_use_gets_the_meaning_and_later_ones_do_not() -> None:
    out = render("## FT\n\nSmagu FT dēļ un citu FT dēļ.")
    assert out.count("(funkcionālie traucējumi)") == 1
    assert "<h2><abbr" in out and "FT</abbr></h2>" in out  # a heading stays short
    assert 'FT</abbr> (funkcionālie traucējumi) dēļ un citu <abbr title="funkcionālie traucējumi">FT</abbr> dēļ' in out


@pytest.mark.parametrize("text", ["Bērni ar funkcionāliem traucējumiem (FT) un FT.", "FT (skat. vārdnīcu) un FT."])
def test_a_term_the_text_explains_gets_no_second_explanation(text: str) -> None:
    assert "(funkcionālie traucējumi)" not in render(text)


def test_brackets_after_another_word_are_no_explanation() -> None:
    assert "FT</abbr> [funkcionālie traucējumi]) mājās" in render("Atbalsts bērniem (FT) mājās.")


def test_inside_brackets_the_meaning_takes_square_ones() -> None:
    out = render("Kas nosaka (vispārējā kārtībā – SD).")
    assert "SD</abbr> [sociālais dienests])" in out


def test_meaning_is_the_list_text_up_to_a_dash_or_bracket() -> None:
    assert short_meaning("deinstitucionalizācija – pāreja no aprūpes") == "deinstitucionalizācija"
    assert short_meaning("lietišķā uzvedības analīze (angļu: applied behaviour analysis) – metode") == (
        "lietišķā uzvedības analīze")
    assert "(deinstitucionalizācija)" in render("DI projekts.")


KEY_ABBREVIATIONS = ("FT", "SBS", "SD", "VDEĀVK", "IB", "ABA")
HEADING = re.compile(r"<h([1-6])\b.*?</h\1>", re.S)
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def _content(page: str) -> str:
    """The page's article without its headings (a heading stays short; the text below it explains)."""
    article = page[page.index("<article"):page.index("</article>")]
    return HEADING.sub("", article)


def test_on_every_page_the_first_key_abbreviation_is_explained_without_hover(built_site: BuiltSite) -> None:
    unexplained = []
    checked = 0
    for path in sorted(built_site.site.rglob("*.html")):
        content = _content(path.read_text(encoding="utf-8"))
        seen = set()
        for m in ABBR.finditer(content):
            title, abbr = html.unescape(m.group(1)), m.group(2)
            if abbr not in KEY_ABBREVIATIONS or abbr in seen:
                continue
            seen.add(abbr)
            checked += 1
            after = html.unescape(re.sub(r"<[^>]+>", "", content[m.end():m.end() + 300]))
            meaning = short_meaning(title)
            written_before = (content[:m.start()].endswith("(") and after.startswith(")")
                              and meaning.split()[0][:5].lower() in text_of(content[max(0, m.start() - 300):m.start()]).lower())
            if not (written_before or after.startswith((f" ({meaning})", f" [{meaning}]", " ("))):
                unexplained.append(f"{path.relative_to(built_site.site)}: {abbr}{after[:40]}")
    assert checked > 100
    assert not unexplained, unexplained


def test_html_tables_explain_the_first_abbreviation_too() -> None:
    names = {"FT": "funkcionālie traucējumi", "ABA": "lietišķā uzvedības analīze (angļu: …) – metode"}
    explained: set[str] = set()
    first = explain_in_html("ABA terapija <bērniem>", names, explained)
    assert first == ('<abbr title="lietišķā uzvedības analīze (angļu: …) – metode">ABA</abbr> '
                     "(lietišķā uzvedības analīze) terapija &lt;bērniem&gt;")
    assert explain_in_html("ABA grupā", names, explained) == (
        '<abbr title="lietišķā uzvedības analīze (angļu: …) – metode">ABA</abbr> grupā')


def test_catalogue_index_explains_aba(built_site: BuiltSite) -> None:  # audit30 F19
    text = text_of(built_site.html("katalogs/index.html"))
    assert "ABA (lietišķā uzvedības analīze) terapija" in text
