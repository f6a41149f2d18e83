"""404.html that works wherever the site is served from, and the sitemap only when it can be right.

mkdocs writes 404.html with absolute links ("/assets/…", "/index.html") because a missing page can
be asked for at any depth; they are right only when the site is the server's root. Without
``site_url`` in mkdocs.yml the links are made relative and a small script in the head finds the site's
root from the requested address (the first path part that is one of the site's own top-level names;
otherwise the requested folder) and sets <base> to it, before any style or script loads; the theme's
configuration gets the same root. With ``site_url`` mkdocs already writes the right absolute paths.

sitemap.xml lists absolute addresses, so mkdocs leaves it empty without ``site_url``: then it and
sitemap.xml.gz are removed (they are written by this build, never by a person).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PAGE = "404.html"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
_ABSOLUTE = re.compile(r'(\s(?:href|src))="/(?!/)')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.DOTALL)

_BASE_SCRIPT = """<script>/* ibm: the site's root for this 404 page (generator/site/notfound.py) */
(function () {
  var top = %s;
  var parts = location.pathname.split("/");
  var root = null;
  for (var i = 1; i < parts.length; i++) {
    if (top.indexOf(decodeURIComponent(parts[i])) >= 0) { root = parts.slice(0, i).join("/") + "/"; break; }
  }
  if (root === null) root = parts.slice(0, parts.length - 1).join("/") + "/";
  document.write('<base href="' + root.replace(/"/g, "%%22") + '">');
})();
</script>"""

_CONFIG_SCRIPT = """<script>/* ibm: the theme's base and search worker from <base> */
(function () {
  var el = document.getElementById("__config");
  var config = JSON.parse(el.textContent);
  config.base = document.baseURI.replace(/[^/]*$/, "");
  config.search = new URL(config.search, document.baseURI).href;
  el.textContent = JSON.stringify(config);
})();
</script>"""


def relocatable_404(page: str, top_level: list[str]) -> str:
    """The 404 page with relative links and the root-finding scripts."""
    page = _ABSOLUTE.sub(r'\1="', page)
    page = page.replace('"base": "/"', '"base": "."')
    page = re.sub(r'("search": ")/', r"\1", page)
    head = re.search(r"<head[^>]*>", page)
    if head is None:
        return page
    charset = re.search(r'<meta charset="[^"]*">', page)
    at = charset.end() if charset else head.end()
    page = page[:at] + "\n" + _BASE_SCRIPT % json.dumps(sorted(top_level)) + page[at:]
    return _CONFIG.sub(lambda m: m.group(1) + "\n" + _CONFIG_SCRIPT, page, count=1)


def finish(site_dir: Path, site_url: str | None) -> None:
    """Make 404.html relocatable and drop the empty sitemap when ``site_url`` is not set."""
    if site_url:
        return
    page = site_dir / PAGE
    if page.is_file():
        top = [p.name for p in site_dir.iterdir() if p.name not in (PAGE, *SITEMAPS)]
        page.write_text(relocatable_404(page.read_text(encoding="utf-8"), top), encoding="utf-8")
    for name in SITEMAPS:
        (site_dir / name).unlink(missing_ok=True)
