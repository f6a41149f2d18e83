"""A catalogue text's dated alternatives, kept to what is in force in a round's time (D308).

A text may name what changed on a day in brackets: „(līdz 30.06.2021 – MK noteikumi Nr. 942, no 01.07.2021 – MK
noteikumi Nr. 316)”. A form made for one round prints only the parts in force on some day of that round – „(MK
noteikumi Nr. 316)” in a round of 2027 –, all of them if the round spans the change, and, without a round's days
(the catalogue cannot decide), none: the sentence reads without the brackets."""

from __future__ import annotations

import datetime as dt
import re

_BRACKETS = re.compile(r" ?\(([^()]*)\)")
_PART = re.compile(r"^(līdz|no) (\d{2})\.(\d{2})\.(\d{4}) – (.+)$", re.DOTALL)


# a note after the dated parts for the site's reader („…; maiņas datums un Nr. 316: rekonstruēts, avotā nav dots”):
# a form states only what is in force and leaves it out, as it leaves out every reconstruction note
_NOTE = re.compile(r"; [^;]*rekonstruēts[^;]*$")


def _parts(inner: str) -> list[tuple[dt.date | None, dt.date | None, str]] | None:
    """The bracket's parts as (first day, last day, what is in force), or None when it is no dated list; a trailing
    reconstruction note (_NOTE) is no part."""
    parts = []
    for piece in _NOTE.sub("", inner).split(", "):
        match = _PART.match(piece.strip())
        if match is None:
            return None
        word, day, month, year, what = match.groups()
        date = dt.date(int(year), int(month), int(day))
        parts.append((None, date, what) if word == "līdz" else (date, None, what))
    return parts if len(parts) > 1 else None


def in_force_wording(text: str, first: dt.date | None, last: dt.date | None) -> str:
    """``text`` with each dated bracket kept to its parts in force between ``first`` and ``last`` (a round's days);
    without them, or when no part is in force then, the bracket is left out."""

    def keep(match: re.Match[str]) -> str:
        parts = _parts(match.group(1))
        if parts is None:
            return match.group(0)
        if first is None or last is None:
            return ""
        held = [what for since, until, what in parts
                if (since is None or since <= last) and (until is None or until >= first)]
        if len(held) == len(parts):  # the round spans the change: every dated part, without the note
            return f" ({_NOTE.sub('', match.group(1))})"
        return f" ({', '.join(held)})" if held else ""

    return _BRACKETS.sub(keep, text)
