"""The search index's sections for a page's collapsible blocks of files (the downloads page's "Balvu novada
pašvaldība – 64 datnes", one per municipality and group).

mkdocs-material's search makes a section only of a heading: a block's title (its ``<summary>``) was indexed as
bare words run into the text of the group's section, so "Balvu dokumenti" found one long "Dokumenti" section whose
snippet never reached the municipality's files. ``block_ids`` gives each such block (a ``<details>`` holding a
table) an id on the page a person sees; ``block_sections`` gives the search plugin a copy in which each block is a
heading with that id, "Group: block title", so a search for a municipality's documents ("Jelgavas dokumenti") finds
the block and its link opens it (generator/site/search_index.py). The files' names are not in the blocks' sections
but once in their group's section ("Dokumenti"), each name once however many blocks hold it: a search for a
document ("lēmums par atteikumu") leads to the group, not into the block of whichever municipality comes first
(audit27c F6). Other ``<details>`` (notes without a table) are left alone.
"""

from __future__ import annotations

import re
from html import escape, unescape

from generator.site.lvsearch import fold

_BLOCK = re.compile(r'<details class="(?P<cls>[^"]*)"(?P<id>[^>]*)>\s*<summary>(?P<title>.*?)</summary>'
                    r'(?P<body>(?:(?!<details).)*?)</details>', re.S)
_H2 = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_ID = re.compile(r'\sid="([^"]+)"')
PREFIX = "bloks-"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", _HEADERLINK.sub("", html)))).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _group(html: str, at: int) -> str:
    """The text of the last h2 before offset ``at`` ("" when none)."""
    heads = [m for m in _H2.finditer(html, 0, at)]
    return _text(heads[-1].group(1)) if heads else ""


def block_ids(html: str) -> str:
    """The page with an id on each block of files that has none: "bloks-" and its group's and title's words,
    numbered on when two are alike."""
    seen: set[str] = set(_ID.findall(html))
    out, last = [], 0
    for m in _BLOCK.finditer(html):
        if "<table" not in m.group("body") or _ID.search(m.group("id")):
            continue
        base = PREFIX + _slug(f"{_group(html, m.start())} {_text(m.group('title'))}")
        ident, n = base, 1
        while ident in seen:
            n += 1
            ident = f"{base}-{n}"
        seen.add(ident)
        out.append(html[last:m.start("id")] + f' id="{ident}"')
        last = m.start("id")
    return "".join(out) + html[last:] if out else html


_ROW = re.compile(r"<tr>\s*<td[^>]*>(.*?)</td>", re.S)
FILES_LABEL = "Pašvaldību blokos"


def _block(m: re.Match[str]) -> bool:
    ident = _ID.search(m.group("id"))
    return ident is not None and ident.group(1).startswith(PREFIX)


def block_sections(html: str) -> str:
    """The search's copy of a page (after block_ids): each block of files as an h3 with its id, titled
    "Group: block title"; before a group's first block, one paragraph with the names of its blocks' files (the
    first cell of each row), each once."""
    names: dict[str, dict[str, None]] = {}
    for m in _BLOCK.finditer(html):
        if _block(m):
            group = names.setdefault(_group(html, m.start()), {})
            group.update(dict.fromkeys(t for t in (_text(c) for c in _ROW.findall(m.group("body"))) if t))
    listed: set[str] = set()

    def section(m: re.Match[str]) -> str:
        if not _block(m):
            return m.group(0)
        ident = _ID.search(m.group("id"))
        assert ident is not None
        group = _group(html, m.start())
        title = m.group("title").strip()
        heading = f"{group}: {title}" if group else title
        files = ""
        if group not in listed and names.get(group):
            listed.add(group)
            files = f"<p>{FILES_LABEL}: {escape('; '.join(names[group]), quote=False)}.</p>\n"
        return f'{files}<h3 id="{ident.group(1)}">{heading}</h3>\n'
    return _BLOCK.sub(section, html)
