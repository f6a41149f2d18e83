"""Decisions as addressable rows: each "| D4 | …" row of the decisions page gets a stable anchor
(``#lemums-d4``), and every decision cited in the methodology text or the calculator page ("lēmums D4",
"(D1, D21)", "lēmumi D1, D4 un D21", "(…, D12)") links to its own row rather than to the top of the page.
"""

from __future__ import annotations

import posixpath
import re

from generator.site import paths

DECISIONS_FILE = "rekonstrukcijas-un-lemumi.md"
DECISIONS_PAGE = f"{paths.METHODOLOGY}/{DECISIONS_FILE}"
ROW = re.compile(r"^\|\s*D(\d{1,3})\s*\|", re.MULTILINE)
CODE = r"D\d{1,3}\b"
# A citation: after "lēmums/lēmumu/lēmumi …" or an opening bracket, one code or a list of them.
CITATION = re.compile(rf"(?:(?<=\b[lL]ēmum[suai]\s)|(?<=\b[lL]ēmumiem\s)|(?<=\())(?:{CODE})"
                      rf"(?:(?:\s*,\s*|\s+un\s+|\s+vai\s+){CODE})*")
# The last item of a bracketed list of other things: "(…, D21)", "(sk. [lapa](…), D12)".
TRAILING = re.compile(rf"(?<=,\s){CODE}(?=\))")
ONE = re.compile(CODE)
# Parts that must stay as they are: fenced code, headings, abbreviation definitions, the decision rows' own
# first cells, links, inline code, HTML tags. A citation may run over a line break ("lēmums D1,\nD21").
PROTECTED = re.compile(r"(^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[^\n]*$|^[ \t]*#[^\n]*$|^[ \t]*\*\[[^\n]*$"
                       r"|^\|\s*D\d{1,3}\s*\||\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>)", re.MULTILINE | re.DOTALL)


def anchor(number: str | int) -> str:
    """The id of decision D``number``'s row on the decisions page."""
    return f"lemums-d{int(number)}"


def decision_numbers(markdown: str) -> set[str]:
    """The decision numbers that have a row on the decisions page."""
    return {str(int(m.group(1))) for m in ROW.finditer(markdown)}


def anchor_rows(markdown: str) -> str:
    """Give each decision row an anchor in its first cell."""
    return ROW.sub(lambda m: f'| <span id="{anchor(m.group(1))}"></span>D{m.group(1)} |', markdown)


def _link_codes(text: str, target: str, numbers: set[str]) -> str:
    def one(m: re.Match[str]) -> str:
        number = str(int(m.group(0)[1:]))
        return f"[{m.group(0)}]({target}#{anchor(number)})" if number in numbers else m.group(0)

    linked = CITATION.sub(lambda m: ONE.sub(one, m.group(0)), text)
    return TRAILING.sub(one, linked)


def link_decisions(markdown: str, page_path: str, numbers: set[str]) -> str:
    """Link every cited decision of ``markdown`` (a page at ``page_path`` in docs/) to its row; headings,
    code blocks, the decision rows' own first cells and existing links are left alone."""
    target = posixpath.relpath(DECISIONS_PAGE, posixpath.dirname(page_path) or ".")
    if target == posixpath.basename(page_path):
        target = ""  # the decisions page itself: an in-page link
    pieces = PROTECTED.split(markdown)
    for i in range(0, len(pieces), 2):
        pieces[i] = _link_codes(pieces[i], target, numbers)
    return "".join(pieces)


def extend_pages(rendered: dict[str, str], also: tuple[str, ...] = ()) -> None:
    """Anchor the decisions page's rows and link the decisions cited on the methodology pages and on the
    pages in ``also`` (e.g. the calculator). Without a decisions page nothing changes."""
    page = rendered.get(DECISIONS_PAGE)
    if page is None:
        return
    numbers = decision_numbers(page)
    for path in list(rendered):
        if path.startswith(paths.METHODOLOGY + "/") or path in also:
            rendered[path] = link_decisions(rendered[path], path, numbers)
    rendered[DECISIONS_PAGE] = anchor_rows(rendered[DECISIONS_PAGE])
