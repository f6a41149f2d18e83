"""One name for the IBM matrix's sheets (D59): the matrix is the methodology's "6. pielikums", each of its
sheets is "6.1. tabula" … "6.11. tabula" in every text a person reads, in the case the sentence needs
("6.3. tabulā", "6.3. tabulas").

The scanner reports the old forms: a matrix sheet called an annex ("6.3. pielikums") or a sheet ("6.4. lapā"),
and a sheet number without its ordinal point ("6.4 (darba aprēķins)", "sk. 6.11"). A sheet's name as a
spreadsheet writes it in a cell address or a formula ("6.3!C12", "6.3 E9", "'6.4'!$B9") and the tab names
themselves are the workbook's interface and stay; so do dates, versions and clause numbers ("01.06.2019", "6.3. Vecāks apņemas"),
and a number quoted as a person types it into the search („6.11”).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SHEET = r"(?<![\w.,])6\.(?:1[01]|[1-9])"
# a matrix sheet called an annex or a sheet, with or without its ordinal point
WRONG_WORD = re.compile(SHEET + r"\.?\s?(?:pielikum|lap[aāuoei]s?\b|lapām)", re.IGNORECASE)
# a bare sheet number: not an ordinal (no point after it), not part of a longer number, not a cell address (also one
# whose row a formula adds: "6.4 F"&(8+MATCH(…)) reads "6.4 F9", or whose column and row it adds: "6.5 "&CHOOSE(…))
BARE = re.compile(SHEET + r"(?![\d.,'”]|!| [A-Z]{1,3}(?:\d|\"&)| \"&|\s?[–-]\s?\d)")
BARE_RANGE = re.compile(SHEET + r"\s?[–-]\s?6\.(?:1[01]|[1-9])(?![\d.])")


def old_sheet_names(text: str) -> list[str]:
    """Each old form of a matrix sheet's name in ``text``, with some context around it."""
    found = []
    for pattern in (WRONG_WORD, BARE, BARE_RANGE):
        for match in pattern.finditer(text):
            found.append(text[max(0, match.start() - 30):match.end() + 30].replace("\n", " "))
    return found


def report(places: Iterable[tuple[str, str]]) -> list[str]:
    """'place: …context…' for every old sheet name of the (place, text) pairs."""
    return [f"{place}: …{hit}…" for place, text in places for hit in old_sheet_names(text)]
