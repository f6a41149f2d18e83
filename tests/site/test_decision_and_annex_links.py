"""Decisions are addressable rows of the decisions page, and every cited decision and every annex number of
a list ("41. un 42.pielikuma") links to its own row, checked on the built site's HTML."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

from generator.site.annex_register import link_mentions
from generator.site.decision_links import (
    DECISIONS_FILE,
    DECISIONS_PAGE,
    anchor_rows,
    decision_numbers,
    link_decisions,
)
from tests.site.conftest import BuiltSite

DECISIONS_HTML = DECISIONS_PAGE.replace(".md", ".html")
HREF = re.compile(r'<a\b[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.S)


def _links(html: str, page: str) -> list[tuple[str, str, str]]:
    """(target page, fragment, text) of every relative link of ``page``."""
    result = []
    for href, text in HREF.findall(html):
        if urlparse(href).scheme:
            continue
        target = urlparse(urljoin(page, href))
        result.append((target.path.lstrip("/"), target.fragment, re.sub(r"<[^>]+>", "", text).strip()))
    return result


def test_every_decision_row_has_a_stable_anchor(built_site: BuiltSite) -> None:
    html = built_site.html(DECISIONS_HTML)
    ids = set(re.findall(r'id="lemums-d(\d+)"', html))
    assert {str(n) for n in range(1, 23)} <= ids  # D1 … D22, the session decisions D21, D22 included
    source = (built_site.catalogue.root / "metodika" / DECISIONS_FILE).read_text(encoding="utf-8")
    assert decision_numbers(source) == ids  # every row of the page, no more


def test_cited_decisions_link_to_their_own_row(built_site: BuiltSite) -> None:
    decisions = built_site.html(DECISIONS_HTML)
    targets: dict[str, set[str]] = {}
    pages = [p for p in built_site.site.rglob("*.html")
             if p.relative_to(built_site.site).parts[0] in ("metodika", "katalogs", "cenas")
             or p.name in ("kalkulators.html", "cenas.html", "izmainas.html")]
    for path in pages:
        page = path.relative_to(built_site.site).as_posix()
        for target, fragment, text in _links(path.read_text(encoding="utf-8"), "/" + page):
            if target != DECISIONS_HTML or not re.search(r"\bD\d+\b", text):
                continue
            number = re.search(r"D(\d+)", text).group(1)
            assert fragment == f"lemums-d{number}", f"{page}: {text} → #{fragment}"
            assert f'id="{fragment}"' in decisions
            targets.setdefault(page, set()).add(number)
    assert {"1", "21"} <= targets["metodika/ib-izbeigsana.html"]  # "lēmums D1,\nD21" over a line break
    assert {"4", "15"} <= targets["metodika/atbalsta-plans.html"]
    assert "12" in targets["metodika/vienibas-izmaksas.html"]  # "(sk. [Rekonstrukcijas un lēmumi](…), D12)"
    assert {"1", "4", "6", "21"} <= targets["kalkulators.html"]
    assert {"14", "6"} <= targets[DECISIONS_HTML]  # the page's own "(D14)" and "(D6)" link in-page
    assert {"4", "7"} <= targets["izmainas.html"]  # the rules' and prices' sources (SourceRefs)
    assert {"61", "106", "107"} <= targets["cenas.html"]  # the price page's own text cites them too
    for page in ("metodika/ib-apmeri-un-posmi.html", "cenas.html", "par-vietni.html"):
        plain = re.sub(r"<a\b[^>]*>.*?</a>", "", built_site.html(page), flags=re.S)
        assert not re.search(r"lēmum[sua]\s+D\d", plain), page  # no citation left without a link


def test_every_number_of_an_annex_list_links_to_its_row(built_site: BuiltSite) -> None:
    page = DECISIONS_HTML
    links = _links(built_site.html(page), "/" + page)
    annexes = {(f, t) for target, f, t in links if target == "pielikumi.html"}
    assert ("p-41", "41.") in annexes and ("p-42", "42. pielikuma") in annexes
    ranges = _links(built_site.html("metodika/kvalitate.html"), "/metodika/kvalitate.html")
    assert {("p-35", "35."), ("p-38", "38. pielikums")} <= {(f, t) for target, f, t in ranges
                                                            if target == "pielikumi.html"}


def test_link_functions_leave_law_annexes_cell_addresses_and_headings_alone(built_site: BuiltSite) -> None:
    numbers = built_site.catalogue.annexes.by_number()
    text = "Likuma 1. un 2. pielikums; 41., 42. vai 43.pielikums."
    assert link_mentions(text, "metodika/x.md", numbers) == (
        "Likuma 1. un 2. pielikums; [41.](../pielikumi.md#p-41), [42.](../pielikumi.md#p-42) vai "
        "[43.pielikums](../pielikumi.md#p-43).")
    source = "# Virsraksts (D4)\nŠūna D12, lēmumi D1 un D99; `(D2)`\n| D3 | jautājums (D3) |\n(sk. [lapa](x.md), D12)\n"
    out = link_decisions(source, DECISIONS_PAGE, {"1", "2", "3", "4", "12"})
    assert out == ("# Virsraksts (D4)\nŠūna D12, lēmumi [D1](#lemums-d1) un D99; `(D2)`\n"
                   "| D3 | jautājums ([D3](#lemums-d3)) |\n(sk. [lapa](x.md), [D12](#lemums-d12))\n")
    assert anchor_rows("| D3 | x |\n| D30 x |") == '| <span id="lemums-d3"></span>D3 | x |\n| D30 x |'


def test_three_digit_decisions_are_rows_and_citations() -> None:
    page = "| D95 | a | b |\n| D106 | Kā rāda nezināmu skaitli? | c |\n"
    assert decision_numbers(page) == {"95", "106"}
    assert '<span id="lemums-d106"></span>D106' in anchor_rows(page)
    linked = link_decisions("Skat. lēmums D106 un (D10).", "cenas.md", {"10", "106"})
    assert f"[D106]({DECISIONS_PAGE}#lemums-d106)" in linked and f"[D10]({DECISIONS_PAGE}#lemums-d10)" in linked
    assert "lemums-d106" not in link_decisions("lēmums D1060", "cenas.md", {"106"})  # not a prefix of a longer code
