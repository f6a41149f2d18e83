"""A page with a wide table prints every column (audit40b F2): Chromium's print to PDF (A4) of the pages whose tables
are wider than a printed page holds each table's last column header. On screen such a table scrolls in its own box;
paper cannot scroll, so ibm.css's print rules make it a table as wide as the page whose cells wrap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.site.browsing import BROWSER_MARKS, Visit, served_one_page_index
from tests.site.conftest import BuiltSite

pytestmark = BROWSER_MARKS

# the audit's pages; the price list's areas (cenas/joma-*.html) are added from the built site
PAGES = ["cenas.html", "cenas/parametri.html", "katalogs/index.html", "piemeri.html", "metodika/arvalstu-pieredze.html"]

# Each table's last column header gets a marker word of its own before printing: a header's words may stand elsewhere
# on the page too („Piezīme”, „Statuss”), the marker only there. It is short, so the layout hardly changes.
MARK = """() => [...document.querySelectorAll('article table')].map((t, k) => {
  const heads = t.querySelectorAll('thead th');
  const last = heads[heads.length - 1];
  if (!last) return null;
  const text = last.textContent.trim();
  last.textContent = 'Qz' + k + 'qz ' + text;
  return text;
})"""


@pytest.fixture(scope="module")
def printer(browser, server: str) -> Iterator[Visit]:  # noqa: ANN001 - the browsing fixture's browser
    visit = Visit(browser, server, search_index=served_one_page_index(server))
    yield visit
    visit.close()


def _pages(built_site: BuiltSite) -> list[str]:
    areas = sorted(p.relative_to(built_site.site).as_posix() for p in (built_site.site / "cenas").glob("joma-*.html"))
    assert areas, "cenas/joma-*.html"
    return PAGES + areas


def test_every_wide_table_prints_its_last_column(printer: Visit, built_site: BuiltSite, tmp_path: Path) -> None:
    missing = []
    for path in _pages(built_site):
        printer.open(path)
        heads = printer.page.evaluate(MARK)
        assert [h for h in heads if h], path
        pdf = tmp_path / (path.replace("/", "_") + ".pdf")
        printer.page.pdf(path=str(pdf), format="A4")
        text = "".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
        missing += [f"{path}: {k}. tabulas „{head}”" for k, head in enumerate(heads)
                    if head and f"Qz{k}qz" not in text]
    assert missing == [], "izdrukā nav pēdējās kolonnas:\n" + "\n".join(missing)
    assert printer.errors == []


def test_the_decisions_page_prints_every_decision(printer: Visit, built_site: BuiltSite, tmp_path: Path) -> None:
    """The decisions page prints whole: the list of its themes, every decision's heading once, not the links back to
    the list nor each theme's list of its decisions (on paper they lead nowhere, the headings are the list). Its ~135
    sheets each carry the site's and the page's title at the top and „N. lpp. no M” at the foot (D329, L4: @page
    margin boxes in site/overrides/main.html, as the calculator's print)."""
    page = "metodika/rekonstrukcijas-un-lemumi.html"
    printer.open(page)
    title = printer.page.evaluate("document.querySelector('article h1').firstChild.textContent.trim()")
    pdf = tmp_path / "lemumi.pdf"
    printer.page.pdf(path=str(pdf), format="A4")
    sheets = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages]
    text = " ".join(sheets)
    numbers = sorted({int(n) for n in re.findall(r'id="lemums-d(\d+)"', built_site.html(page))})
    assert len(numbers) > 250
    missing = [n for n in numbers if not re.search(rf"\bD{n} –", text)]
    assert missing == [] and "Lēmumi pēc tēmām:" in text, missing
    assert "Uz tēmu sarakstu" not in text
    # no theme's list of decisions on paper: each "D… – " as often as in the page's text without those lists
    screen = " ".join(printer.page.evaluate("""() => { const a = document.querySelector('article').cloneNode(true);
        a.querySelectorAll('.ibm-temas-lemumi').forEach(e => e.remove()); return a.textContent; }""").split())
    twice = [n for n in numbers if len(re.findall(rf"\bD{n} – ", text)) != len(re.findall(rf"\bD{n} – ", screen))]
    assert twice == [], twice[:10]
    assert title == "Rekonstrukcijas un lēmumi" and len(sheets) > 50
    unmarked = [k for k, sheet in enumerate(sheets, start=1)
                if f"IBM metodika – {title}" not in sheet or f"{k}. lpp. no {len(sheets)}" not in sheet]
    assert unmarked == [], unmarked[:10]
    assert printer.errors == []


# Each heading of the article gets a marker word after its text: a printed page whose text ends with a marker ends with
# that heading – its table or text is on the next page.
HEAD_MARK = """() => [...document.querySelectorAll('article h2, article h3, article h4')].map((h, k) => {
  h.append(' Hz' + k + 'hz');
  return h.textContent;
})"""


def test_no_printed_page_ends_with_a_heading(printer: Visit, built_site: BuiltSite, tmp_path: Path) -> None:
    """audit41c M5: a heading is printed on the page of what follows it (the price list and its areas, the decisions
    page): ibm.css's print rules keep it with the next block and a short table whole – also a table that a phone shows
    as cards (.ibm-kartites: cenas.html, cenas/joma-*.html) or with its header row in view (sticky, on screen only)."""
    stranded = []
    paths = ["metodika/rekonstrukcijas-un-lemumi.html", "cenas.html", "metodika/pakalpojumu-sanemsana.html"] + [
        p for p in _pages(built_site) if p.startswith("cenas/joma-")]
    for path in paths:
        printer.open(path)
        heads = printer.page.evaluate(HEAD_MARK)
        assert heads, path
        pdf = tmp_path / (path.replace("/", "_") + ".pdf")
        printer.page.pdf(path=str(pdf), format="A4")
        for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
            text = page.extract_text() or ""
            marks = list(re.finditer(r"Hz(\d+)hz", text))
            if marks and not text[marks[-1].end():].strip():
                stranded.append(f"{path}, {number}. lpp.: „{heads[int(marks[-1].group(1))].rsplit(' Hz', 1)[0].rstrip('¶')}”")
    assert stranded == [], "virsraksts lapas apakšā, tā saturs nākamajā lapā:\n" + "\n".join(stranded)
    assert printer.errors == []


# The catalogue's filter form: each of its elements' display, and the boxes of those shown.
FILTERS = """() => [...document.querySelectorAll('form[data-katalogs-filtri] > *')].map((e) => {
  const r = e.getBoundingClientRect();
  return {tag: e.tagName, display: getComputedStyle(e).display, shown: r.width > 0 && r.height > 0,
          text: e.textContent.trim().slice(0, 40)};
})"""


def test_the_printed_catalogue_has_no_filter_fields(printer: Visit, tmp_path: Path) -> None:
    """D343: on paper the catalogue's filter fields (labels and lists to choose from) are left out; the line that says
    how many services are listed stays – with a filter chosen, it says that the list is a selection. The intro's
    sentence that offers the filters is not printed either."""
    printer.open("katalogs/index.html")
    page = printer.page
    assert {e["tag"] for e in page.evaluate(FILTERS) if e["shown"]} == {"LABEL", "SELECT", "P"}  # on the screen
    page.select_option('[data-filtrs="sanemejs"]', "family")
    page.emulate_media(media="print")
    try:
        printed = [e for e in page.evaluate(FILTERS) if e["shown"]]
        assert [e["tag"] for e in printed] == ["P"], printed
        assert printed[0]["text"].startswith("Rādīti pakalpojumi: ") and " no " in printed[0]["text"], printed
        pdf = tmp_path / "katalogs.pdf"
        page.pdf(path=str(pdf), format="A4")
        text = PdfReader(str(pdf)).pages[0].extract_text() or ""
        assert "Sarakstu var atlasīt" not in text, text[:600]  # paper offers no filters
        above = text.split("Rādīti pakalpojumi: ")[0].split("ir pieejams visiem bērniem.")[1]  # the intro's end, the form
        assert "Saņēmējs" not in above and "Traucējuma veids" not in above, above
        assert "visi traucējumu veidi" not in text, text[:600]
    finally:
        page.emulate_media(media="screen")
    assert printer.errors == []
