"""mkdocs hook (mkdocs.yml `hooks:`): after every build the search index is made Latvian, and 404.html
and the sitemap are finished (generator/site/notfound.py).

mkdocs accepts only the lunr languages it ships and falls back to English for "lv", so after the
build this hook rewrites search/search_index.json:

- language "lv": the theme's search worker then loads assets/javascripts/lunr/min/lunr.lv.min.js,
  our Latvian pipeline (diacritics folded, light stemmer; see generator/site/lvsearch.py), as the
  only pipeline step for the index and the query;
- every page's own entry gets ``nosaukums``: the normalised words of its navigation title (for a
  service its short name, without the code) and of its heading, as two lists. The same script on the
  page puts first the pages one of whose titles holds the most query words, and of those the ones
  with the fewest other words (a service's name finds its page);
- every page's own entry gets ``svars``, its weight (page_weight): for a query with words, pages whose titles do
  not decide come methodology first and background pages last: the decisions page and every page whose front matter
  lowers its search boost (``search: {boost: 0.5}``, mkdocs-material's own setting: the pages about other countries
  and how the methodology was made, audit27c F6);
- every page's own entry gets ``kodi`` when it has any: the code its navigation title or heading starts with ("3.1.3")
  and those of its front matter's ``kodi`` (the matrix page: its annex number and tables "6.1"–"6.11", from the
  annex register and the workbook's sheets). The script on the page puts the page a code of the query names first
  ("6.11" finds the matrix page, not the decisions that mention the table, audit34a F6);
- every page's own entry gets ``pielikumi`` when annexes live on it: their numbers (front matter ``pielikumi``, written
  from the annex register by generator/site/annex_search.py), and its text one more paragraph naming them ("7. pielikums"),
  so that a query with the word and the number finds the page. The script on the page puts it first for such a query
  ("7. pielikums" finds the filling guide, not the register page whose title has the word); the register page's
  entry also gets ``enkuri``, the id of each of its annexes' rows by number, so that the result for an annex that
  has no page of its own opens the annex's row, not the top of the register ("22. pielikums" -> pielikumi.html#p-22);
- a page's search keywords (front matter ``atslegvardi``: the questions a reader types that the page answers in
  other words, "plāna ilgums" for "Atbalsta plāns", audit27c F5) are one more paragraph of its own entry and one
  more title list in ``nosaukums``, so the page is found and put first for them;
- a table is indexed as one sentence a row (generator/site/table_sentences.py), not as run-together cells:
  on_page_content gives the search plugin (which indexes in its on_page_context) the page with those
  sentences, and this hook's on_page_context, which runs after the plugin's, puts the page's own HTML back;
- a block of files (the downloads page's municipality blocks) is its own section, titled by its group and title,
  whose link opens the block (generator/site/search_blocks.py).

Runs for `ibm build` and `ibm serve` alike.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

from generator.catalogue.annexes import annex_anchor
from generator.site import notfound, paths
from generator.site.lvsearch import normalize, title_label, title_terms
from generator.site.search_blocks import block_ids, block_sections
from generator.site.table_sentences import search_html

INDEX = Path("search") / "search_index.json"
LANGUAGE = "lv"
TITLE_TERMS = "nosaukums"
WEIGHT = "svars"
# A page's weight for a query with words, after its title and the words standing together (audit16 F2–F4): a
# social worker looks for the methodology and its annexes first, then the catalogue and prices; a decision row
# is rarely what they want. The decisions page is still first for its numbers ("D110": no words).
# A background page (weight 0) comes after the others even when it holds the query's words next to each other (the
# script on the page, lunr.lv.min.js).
DECISIONS_PAGE = "metodika/rekonstrukcijas-un-lemumi.html"
METHODOLOGY_WEIGHT, DEFAULT_WEIGHT, BACKGROUND_WEIGHT = 2, 1, 0
CODES = "kodi"
ANNEXES = "pielikumi"
ANNEXES_LABEL = "Metodikas pielikumi šajā lapā"
ANCHORS = "enkuri"
REGISTER_PAGE = str(PurePosixPath(paths.ANNEX_REGISTER).with_suffix(".html"))
KEYWORDS = "atslegvardi"
KEYWORDS_LABEL = "Meklēšanas atslēgvārdi"


def page_weight(page: str, boost: float = 1) -> int:
    """The weight of a page (its location in the index and its front matter's search boost) for the search's
    reranking."""
    if page == DECISIONS_PAGE or boost < 1:
        return BACKGROUND_WEIGHT
    if page.startswith("metodika/") or page == "pielikumi.html":
        return METHODOLOGY_WEIGHT
    return DEFAULT_WEIGHT


def page_keywords(meta: dict[str, Any], where: str) -> list[str]:
    """The search keywords of a page's front matter (``atslegvardi``: a list of phrases); anything else is an error
    that names the page."""
    value = meta.get(KEYWORDS)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{where}: laukam „{KEYWORDS}” jābūt frāžu sarakstam, piem. [plāna ilgums, cik ilgs ir plāns]")
    return [v.strip() for v in value]


def page_codes(meta: dict[str, Any], where: str) -> list[str]:
    """The search codes of a page's front matter (``kodi``: a list of codes written as text, "6.11"); anything else
    is an error that names the page (a code written as a number would lose its zeros: 6.10 is 6.1)."""
    value = meta.get(CODES)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and any(ch.isdigit() for ch in v) for v in value):
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{where}: laukam „{CODES}” jābūt kodu sarakstam pēdiņās, piem. [\"6.1\", \"6.10\"]")
    return [normalize(v.strip()) for v in value]


def page_annexes(meta: dict[str, Any], where: str) -> list[str]:
    """The annex numbers of a page's front matter (``pielikumi``, written by annex_search.py: a list of numbers as
    text, "16.1"); anything else is an error that names the page."""
    value = meta.get(ANNEXES)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and re.fullmatch(r"\d+(?:\.\d+)?", v) for v in value):
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{where}: laukam „{ANNEXES}” jābūt pielikumu numuru sarakstam pēdiņās, piem. [\"7\", \"16.1\"]")
    return value


_HEADING = re.compile(r"<h[2-6][\s>]")


def with_keywords(html: str, keywords: list[str]) -> str:
    """The search's copy of a page with its keywords as one paragraph of the page's own entry (before its first
    section's heading)."""
    if not keywords:
        return html
    return _before_first_heading(html, f"{KEYWORDS_LABEL}: {'; '.join(keywords)}.")


def with_annexes(html: str, numbers: list[str]) -> str:
    """The search's copy of a page with the annexes that live on it as one paragraph of the page's own entry ("7.
    pielikums"), before its first section's heading."""
    if not numbers:
        return html
    return _before_first_heading(html, f"{ANNEXES_LABEL}: {'; '.join(f'{n}. pielikums' for n in numbers)}.")


def _before_first_heading(html: str, text: str) -> str:
    """``html`` with ``text`` as a paragraph of the page's own entry: before its first section's heading."""
    first = _HEADING.search(html)
    at = first.start() if first else len(html)
    return f"{html[:at]}<p>{escape(text, quote=False)}</p>\n{html[at:]}"


def nav_titles(nav: list[Any]) -> dict[str, str]:
    """Page location (as in the index, 'katalogs/3.1.3.html') -> navigation title."""
    titles: dict[str, str] = {}
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, str):
                    titles[str(PurePosixPath(target).with_suffix(".html"))] = str(title)
                else:
                    titles.update(nav_titles(target))
    return titles


def latvian_index(data: dict[str, Any], titles: dict[str, str], keywords: dict[str, list[str]] | None = None,
                  codes: dict[str, list[str]] | None = None, annexes: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The index with the Latvian language and pipeline, the pages' title words (navigation title, heading and
    each search keyword), codes (those of the titles and the front matter's), annex numbers and weights."""
    config = {**data.get("config", {}), "lang": [LANGUAGE], "pipeline": ["stemmer"]}
    docs = []
    for doc in data.get("docs", []):
        location = doc.get("location", "")
        page = location or "index.html"
        if "#" not in location:
            names = [titles[page]] if page in titles else []
            names.append(re.sub(r"<[^>]+>", "", str(doc.get("title", ""))))
            own = [c for c in (title_label(n) for n in names) if c] + (codes or {}).get(page, [])
            names += (keywords or {}).get(page, [])
            terms = [t for t in (title_terms(n) for n in names) if t]
            if terms:
                doc = {**doc, TITLE_TERMS: terms}
            if own:
                doc = {**doc, CODES: list(dict.fromkeys(own))}
            if (annexes or {}).get(page):
                doc = {**doc, ANNEXES: [normalize(n) for n in annexes[page]]}  # type: ignore[index]
                if page == REGISTER_PAGE:
                    doc = {**doc, ANCHORS: {normalize(n): annex_anchor(n) for n in annexes[page]}}  # type: ignore[index]
            doc = {**doc, WEIGHT: page_weight(page, doc.get("boost", 1))}
        docs.append(doc)
    return {**data, "config": config, "docs": docs}


# The search plugin's own clean-up of page.content after it has indexed a page (material/plugins/search).
_SEARCH_ATTRIBUTES = re.compile(r'\s?data-search-\w+="[^"]+"')
_page_html: dict[str, str] = {}
_keywords: dict[str, list[str]] = {}
_codes: dict[str, list[str]] = {}
_annexes: dict[str, list[str]] = {}


def on_pre_build(**_kwargs: Any) -> None:
    _keywords.clear()
    _codes.clear()
    _annexes.clear()


def on_page_content(html: str, page: Any, **_kwargs: Any) -> str:
    own = block_ids(html)
    keywords = page_keywords(page.meta or {}, page.file.src_uri)
    if keywords:
        _keywords[page.url or "index.html"] = keywords
    codes = page_codes(page.meta or {}, page.file.src_uri)
    if codes:
        _codes[page.url or "index.html"] = codes
    annexes = page_annexes(page.meta or {}, page.file.src_uri)
    if annexes:
        _annexes[page.url or "index.html"] = annexes
    indexed = with_annexes(with_keywords(search_html(block_sections(own)), keywords), annexes)
    if indexed != html:
        _page_html[page.file.src_uri] = own
    return indexed


def on_page_context(context: Any, page: Any, **_kwargs: Any) -> Any:
    html = _page_html.pop(page.file.src_uri, None)
    if html is not None:
        page.content = _SEARCH_ATTRIBUTES.sub("", html)
    return context


def on_post_build(config: Any, **_kwargs: Any) -> None:
    notfound.finish(Path(config["site_dir"]), config.get("site_url"))
    path = Path(config["site_dir"]) / INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    titles = nav_titles(config["nav"])
    path.write_text(json.dumps(latvian_index(data, titles, _keywords, _codes, _annexes), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
