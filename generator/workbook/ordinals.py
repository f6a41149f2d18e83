"""A no-break space after the ordinals of wrapped matrix texts ("(2. variants)", "6.3. tabula"), so that a line
never ends with the ordinal and starts the next one with its noun (D27 spaces them; this keeps them together).

Excel and LibreOffice both keep U+00A0 together when they wrap a cell. Dates (01.04.2023) and decimals have no dot
followed by a space and are left as they are.
"""

from __future__ import annotations

import re

from generator.lvformat import NBSP

# an ordinal: digits, maybe dotted ("6.3."), ending with a dot, then one ordinary space and a lower-case word
# (a number that ends a sentence is followed by a capital and keeps its space)
_ORDINAL_SPACE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)*\.) (?=[a-zāčēģīķļņšūž])")


def keep_ordinals(text: str) -> str:
    """'IB apmērs (2. variants)' -> 'IB apmērs (2.\\u00a0variants)'."""
    return _ORDINAL_SPACE.sub(lambda m: m.group(1) + NBSP, text)


def wraps(fmt: object) -> bool:
    """Whether an xlsxwriter format wraps its text (only wrapped text can break after an ordinal)."""
    return bool(getattr(fmt, "text_wrap", 0))
