"""How numbers and dates look to a Latvian reader: 1 234,56 EUR and DD.MM.YYYY."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from generator.money import to_decimal, xround

NBSP = "\u00a0"
# the months in the locative ("2019. gada februārī"): the reference's rule messages and the no-such-day message
MONTHS_IN = ("janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā", "augustā", "septembrī",
             "oktobrī", "novembrī", "decembrī")
# the months in the genitive, as a Cabinet regulation or a ministry's document is dated: "2015. gada 16. jūnija"
MONTHS_OF = ("janvāra", "februāra", "marta", "aprīļa", "maija", "jūnija", "jūlija", "augusta", "septembra",
             "oktobra", "novembra", "decembra")


def number(value: object, places: int = 2) -> str:
    """1234.5 -> '1 234,50' (thin grouping with a no-break space, decimal comma)."""
    amount = to_decimal(value)
    amount = xround(amount, places)
    sign = "-" if amount < 0 else ""
    whole, _, frac = f"{abs(amount):.{places}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups) or "0"
    return f"{sign}{text},{frac}" if places else f"{sign}{text}"


def eur(value: object) -> str:
    """1234.5 -> '1 234,50 EUR'."""
    return f"{number(value)}{NBSP}EUR"


def percent(share: object, places: int = 0) -> str:
    """0.1 -> '10 %'."""
    return f"{number(to_decimal(share) * 100, places)}{NBSP}%"


def date(day: dt.date) -> str:
    """DD.MM.YYYY."""
    return f"{day:%d.%m.%Y}"


# GGGG-MM-DD+hash, optionally .revision (templates issued before the revision existed have none)
VERSION_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\+([0-9a-f]+(?:\.\d+)?)(?:@(\d{4})-(\d{2})-(\d{2}))?$")


def _version_match(template_version: str) -> re.Match[str]:
    match = VERSION_PATTERN.match(template_version)
    if match is None:
        raise ValueError(f"versija „{template_version}” nav saprotama "
                         "(gaidīts: GGGG-MM-DD+jaucējkods[.redakcija][@GGGG-MM-DD])")
    return match


def version(template_version: str) -> str:
    """A template or catalogue version as a person reads it, without an ISO date but still exact:
    '2023-04-01+7ca2ab6d.2' -> '7ca2ab6d.2 (katalogs 01.04.2023)'; '2023-04-01+7ca2ab6d' ->
    '7ca2ab6d (katalogs 01.04.2023)'; a matrix issued for another prices day (D63): '2023-04-01+7ca2ab6d.10@2018-10-01'
    -> '7ca2ab6d.10 (katalogs 01.04.2023, cenas uz 01.10.2018)'. Machine-readable ids (IBM_Versija, the registry,
    file properties) keep the original form."""
    match = _version_match(template_version)
    year, month, day, ident, p_year, p_month, p_day = match.groups()
    prices = f", cenas uz {p_day}.{p_month}.{p_year}" if p_year else ""
    return f"{ident} (katalogs {day}.{month}.{year}{prices})"


def version_id(template_version: str) -> str:
    """Only the id of a catalogue or template version, without its dates: '2023-04-01+214ae134' -> '214ae134'.
    A document's footer prints this after „kataloga versija”: the catalogue's date beside it read like the date of
    the document (a 2018 contract with „katalogs 01.04.2023”; audit8 F25)."""
    match = _version_match(template_version)
    return match.group(4)


def listed(items: Sequence[str]) -> str:
    """Items as a Latvian list: "a", "a un b", "a, b un c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " un " + items[-1]


def agree(n: int, one: str, many: str) -> str:
    """The word form agreeing with the whole number ``n``: Latvian 1, 21, 31… take the singular, 11 does not."""
    return one if n % 10 == 1 and n % 100 != 11 else many


def months_accusative(n: int) -> str:
    """A whole number of months as the object of a verb ("ilgst 5 mēnešus", "ilgst 1 mēnesi", "ilgst 21 mēnesi"):
    the accusative, agreeing with ``n`` as ``agree`` does."""
    return f"{n} {agree(n, 'mēnesi', 'mēnešus')}"


_GLUED_NUMBER = re.compile(r"\bNr\.(?=[0-9A-ZĀČĒĢĪĶĻŅŠŪŽ])")


def spaced_number_sign(text: str) -> str:
    """"Nr.313" and "Nr.LM2017/…" as Latvian typography writes them: "Nr. 313", "Nr. LM2017/…"."""
    return _GLUED_NUMBER.sub("Nr. ", text)


_QUOTE_OPENS_AFTER = "([{/–—-„"  # besides the text's start and white space
_QUOTE_CLOSES_BEFORE = ".,;:!?)]}–—-\"”"  # besides the text's end and white space


def latvian_quotes(text: str) -> str:
    """Straight double quotes typed around a name, 'SIA "Rūpju Paraugs"', as Latvian quotation marks:
    'SIA „Rūpju Paraugs”' (nested pairs too). Each quote must plainly open (after the start, a space or a bracket,
    before a word) or close (after a word, before the end, a space or punctuation) and the pairs must balance;
    otherwise ('SIA "Paraugs', '12" ekrāns') the text is left exactly as typed."""
    if '"' not in text:
        return text
    out: list[str] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch != '"':
            out.append(ch)
            continue
        before = out[-1] if out else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        opens = (not before or before.isspace() or before in _QUOTE_OPENS_AFTER) and bool(after) \
            and not after.isspace() and after != '"'
        closes = bool(before) and not before.isspace() and before != "„" \
            and (not after or after.isspace() or after in _QUOTE_CLOSES_BEFORE)
        if opens == closes:
            return text  # neither or both: not a plain pair
        depth += 1 if opens else -1
        if depth < 0:
            return text
        out.append("„" if opens else "”")
    return "".join(out) if depth == 0 else text


def entered(value: object) -> str:
    """A value a message quotes as entered: a text in Latvian quotes („abc”), a number as it is (3, 2.5) – as repr()
    showed a number before, without its straight quotes for a text."""
    return f"„{value}”" if isinstance(value, str) else str(value)
