"""The accessibility audit's page sample (tests/site/page_sample.py): a page that repeats other pages' elements
with other words adds nothing; a page with one element of a new kind is kept."""

from __future__ import annotations

from tests.site.page_sample import covering_pages, page_cases

PAGE = ("<html lang='lv'><body><nav class='menu'><a href='/'>Sākums</a></nav><main><h1>{title}</h1>"
        "<table><tr><th>Vienība</th><th>Cena</th></tr><tr><td>stunda</td><td>{price}</td></tr></table>{extra}"
        "</main></body></html>")


def test_same_elements_with_other_words_are_one_case() -> None:
    assert page_cases(PAGE.format(title="Logopēds", price="25,93 EUR", extra="")) == page_cases(
        PAGE.format(title="Asistents", price="7,77 EUR", extra=""))


def test_a_page_with_a_new_kind_of_element_is_kept() -> None:
    pages = {
        "a.html": PAGE.format(title="Logopēds", price="25,93 EUR", extra=""),
        "b.html": PAGE.format(title="Asistents", price="7,77 EUR", extra=""),
        "c.html": PAGE.format(title="Ergoterapeits", price="1,00 EUR", extra="<a href='x' class='ikona'></a>"),
        "d.html": PAGE.format(title="Psihologs", price="", extra=""),  # an empty data cell
        "e.html": PAGE.format(title="Fizioterapeits", price="3 EUR", extra="<p id='x'>1</p><p id='x'>2</p>"),
        "f.html": PAGE.format(title="Masāža", price="3 EUR", extra="<table><tr><td>1</td><td>2</td><td>3</td></tr></table>"),
        "g.html": PAGE.format(title="Transports", price="3 EUR", extra="<div role='region' aria-labelledby='nav'>x</div>"),
    }
    names = sorted(pages)
    kept = covering_pages(names, [page_cases(pages[n]) for n in names])
    # a and b show nothing that c (the same page with one more, empty link) does not
    assert kept == ["c.html", "d.html", "e.html", "f.html", "g.html"]
