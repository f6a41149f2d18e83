"""The site search shows the answer to what is in the box, however fast it is typed (audit26 F1), and its result
links carry no empty "?h=", a decision's query leading to the decision's own section (audit26 F7).

Typed fast, the theme sends a query for every prefix ("3", "3 ", "3 0", "3 00", "3 000") before the search worker
has answered the first; "3 00" finds no section with both words and is searched again word by word
(site/assets/javascripts/lunr/min/lunr.lv.min.js), and that retry's answer must not be shown for "3 000"."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.site.browsing import BROWSER_MARKS, TIMEOUT_MS, Visit

pytestmark = BROWSER_MARKS

# Counts, under the site's own wrapper, every query posted to the search worker and every answer it sends back:
# when both are equal the worker is idle and what the page shows is final (no fixed wait).
COUNT_WORKER = """
(() => {
  const Native = window.Worker;
  window.ibmSent = 0;
  window.ibmAnswered = 0;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, transfer) => {
      if (message && message.type === 2) window.ibmSent += 1;
      return transfer === undefined ? post(message) : post(message, transfer);
    };
    worker.addEventListener("message", (e) => { if (e.data && e.data.type === 3) window.ibmAnswered += 1; });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
"""

RESULTS = """() => ({
  meta: document.querySelector('.md-search-result__meta').textContent,
  links: Array.from(document.querySelectorAll('.md-search-result__item a.md-search-result__link'))
    .map(a => a.getAttribute('href')),
})"""


def settled(visit: Visit) -> dict:
    """The results once the worker has answered every query sent to it."""
    page = visit.page
    page.wait_for_function("() => window.ibmSent > 0 && window.ibmSent === window.ibmAnswered", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)  # the theme renders what it got
    page.wait_for_function("() => window.ibmSent === window.ibmAnswered", timeout=TIMEOUT_MS)
    return page.evaluate(RESULTS)


def clear(visit: Visit) -> None:
    field = visit.page.locator("input.md-search__input")
    field.click()
    field.press("Control+A")
    field.press("Backspace")
    settled(visit)


def burst(visit: Visit, query: str) -> None:
    """Every prefix of ``query`` set and announced by a key event in one task: all of them are sent before the
    worker answers any (what a fast typist or a phone's word suggestion does on a slow machine)."""
    visit.page.evaluate("""(query) => {
      const field = document.querySelector('input.md-search__input');
      for (let i = 1; i <= query.length; i++) {
        field.value = query.slice(0, i);
        field.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
      }
    }""", query)


def test_fast_typing_shows_the_results_of_the_query_in_the_box(browser, server: str) -> None:
    visit = Visit(browser, server, width=1366, init_script=COUNT_WORKER)
    try:
        visit.open("index.html")
        field = visit.page.locator("input.md-search__input")
        field.click()
        visit.page.wait_for_function(
            "() => !/inicializ/i.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=TIMEOUT_MS)
        field.press_sequentially("3 000", delay=150)
        slow = settled(visit)
        assert slow["links"], slow
        assert "kalkulators.html" in slow["links"][0]

        clear(visit)
        burst(visit, "3 000")
        assert settled(visit) == slow

        clear(visit)
        field.click()
        visit.page.keyboard.type("3 000", delay=0)
        assert settled(visit) == slow

        # a two-word query whose words are in no section together, then one word at once
        clear(visit)
        field.press_sequentially("D96", delay=150)
        decision = settled(visit)
        clear(visit)
        burst(visit, "lēmums par atteikumu")
        visit.page.evaluate("""() => {
          const field = document.querySelector('input.md-search__input');
          field.value = 'D96';
          field.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
        }""")
        assert settled(visit) == decision

        # F7: the decision's page link goes to the decision's section; no link has an empty ?h=
        assert "#lemums-d96" in decision["links"][0], decision
        for query in ["D96", "lēmums par atteikumu", "atelpas brīdis"]:
            clear(visit)
            field.press_sequentially(query, delay=60)
            links = settled(visit)["links"]
            assert links, query
            for link in links:
                h = parse_qs(urlsplit(link).query, keep_blank_values=True).get("h")
                assert h is None or h[0].strip(), (query, link)
        assert visit.errors == []
    finally:
        visit.close()
