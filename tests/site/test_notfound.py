"""404.html works when the site is served from a sub-folder; sitemap.xml exists exactly when site_url is set."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from generator.site.mkdocs_run import build_site
from generator.site.sources import render_sources
from tests.site.browsing import browser_test, goto, http_server, served_one_page_index, small_search_index
from tests.site.conftest import BuiltSite


class _Handler(SimpleHTTPRequestHandler):
    """A static server that answers a missing file with the site's 404.html, as web servers are set up."""

    not_found: Path

    def send_error(self, code, message=None, explain=None):  # noqa: ANN001
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def subfolder_server(built_site: BuiltSite) -> Iterator[str]:
    """The build folder served at the root, so the site lives in the sub-folder /vietne/."""
    handler = type("Handler", (_Handler,), {"not_found": built_site.site / "404.html"})
    with http_server(handler, built_site.build_dir) as port:
        yield f"http://127.0.0.1:{port}/{built_site.site.name}/"


@browser_test
@pytest.mark.parametrize("missing", ["nav-tadas-lapas.html", "katalogs/9.99.html", "metodika/a/b.html"])
def test_404_page_from_a_subfolder_has_its_styles_and_working_links(browser, server: str, subfolder_server: str,
                                                                     missing: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # the page never searches: the one-page search index (browsing.small_search_index) answers the site's own index
    # URL alone, so an index looked for outside the sub-folder is still a failed fetch and a page error
    small_search_index(page, served_one_page_index(server), subfolder_server + "search/search_index.json")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        response = goto(page, subfolder_server + missing)
        assert response is not None and response.status == 404
        assert page.locator("h1").count() == 1
        # the theme's stylesheet applied: the header is a fixed bar, not an unstyled list
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        home = page.locator("a.md-header__button.md-logo").get_attribute("href")
        assert page.evaluate("h => new URL(h, document.baseURI).href", home) == subfolder_server + "index.html"
        links = page.evaluate("[...document.querySelectorAll('nav a[href]')].map(a => a.href)")
        assert links and all(u.startswith(subfolder_server) for u in links if u.startswith("http://127.0.0.1"))
        # every stylesheet and script resolves (through <base>) to a file of the site
        resources = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet], script[src]')]"
                                  ".map(e => e.href || e.src)")
        assert resources
        for url in resources:
            assert url.startswith(subfolder_server), url
            assert page.request.get(url).status == 200, url
        assert page.locator("h1").inner_text() == "Lapa nav atrasta"
        assert errors == []
        page.locator("a.md-header__button.md-logo").click()
        page.wait_for_load_state()
        assert page.url == subfolder_server + "index.html"
    finally:
        context.close()


def test_no_sitemap_without_site_url(built_site: BuiltSite) -> None:
    assert not (built_site.site / "sitemap.xml").exists()
    assert not (built_site.site / "sitemap.xml.gz").exists()


def test_sitemap_lists_every_page_when_site_url_is_set(built_site: BuiltSite, tmp_path: Path) -> None:
    url = "https://ibm.example.lv/metodika/"
    sources = render_sources(built_site.catalogue, tmp_path / "src", None)
    site = tmp_path / "vietne"
    build_site(built_site.catalogue, sources, site, site_url=url)
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)}
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert listed == {url + p for p in pages}
    dates = {d.text for d in tree.getroot().findall("s:url/s:lastmod", ns)}
    assert dates <= {built_site.catalogue.latest_date.isoformat()}  # the same on every build
    assert 'href="/metodika/assets/' in (site / "404.html").read_text(encoding="utf-8")  # absolute under site_url
