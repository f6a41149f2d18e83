"""One wording for a value that was confirmed and is „jāprecizē” again at the same amount (D302, D320): the
console of `ibm matrix`, the papers' first line (parskats.txt), collect's reason of a provisional amount and the
report of `ibm changes` each say it in a sentence of their own, but the noun (B, vērtība, griesti…) comes with its
gender and number (``Noun``), and every form agreeing with it – „tas pats B”, „tā bija apstiprināta”, „to vietā ir
tukšas vietas” – is made here, never spelled beside the noun by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.lvformat import date as lv_date


@dataclass(frozen=True)
class Noun:
    """What a withdrawal sentence is about, as the sentence names it, with the gender and number the words agreeing
    with it take: B (bāzes apmērs) is masculine singular, „vērtība” feminine, „griesti” masculine plural."""

    word: str
    feminine: bool = False
    plural: bool = False

    def form(self, masculine: str, feminine: str, masculine_plural: str, feminine_plural: str) -> str:
        """The one of four forms that agrees with this noun."""
        if self.plural:
            return feminine_plural if self.feminine else masculine_plural
        return feminine if self.feminine else masculine


BASE = Noun("B")
VALUE = Noun("vērtība", feminine=True)
VALUES = Noun("vērtības", feminine=True, plural=True)
CEILINGS = Noun("griesti", plural=True)
BASE_AMOUNT = Noun("bāzes apmērs")  # B by its name, where the sentence does not abbreviate it
PRICE = Noun("cena", feminine=True)  # a line's price that is the catalogue's own (a regulated price)
STATUS = Noun("statuss")  # a catalogue price's status, where the sentence is about it (collect's withdrawn part)


def values(n: int) -> Noun:
    """„vērtība” for one value, „vērtības” for more (the catalogue's values listed by name after it)."""
    return VALUE if n == 1 else VALUES


def again_open(where: str = "", since: dt.date | None = None, noun: Noun | None = None) -> str:
    """„ar to pašu apmēru atkal ir „jāprecizē””, with the words before „atkal” in this order: ``where`` („katalogā”),
    ``since`` – the day it is „jāprecizē” again from („no DD.MM.YYYY”) – and the pronoun standing for ``noun`` („tas”
    for „statuss”): „ar to pašu apmēru no 25.11.2026 tas atkal ir „jāprecizē””."""
    words = ["ar to pašu apmēru", where, f"no {lv_date(since)}" if since is not None else "",
             subject(noun) if noun is not None else "", "atkal ir „jāprecizē”"]
    return " ".join(word for word in words if word)


def same_again_open(noun: Noun, since: dt.date | None = None) -> str:
    """The value itself as the subject, where the sentence names it again: „no DD.MM.YYYY tas pats B atkal ir
    „jāprecizē””, „tās pašas vērtības atkal ir „jāprecizē”” (without ``since``)."""
    words = [f"no {lv_date(since)}" if since is not None else "", same(noun), "atkal ir „jāprecizē”"]
    return " ".join(word for word in words if word)


def again_confirmed(noun: Noun, since: dt.date | None = None, named: bool = False) -> str:
    """„tas atkal ir apstiprināts”; ``named``: „tas pats B atkal ir apstiprināts”; ``since``: „… no DD.MM.YYYY”."""
    words = [same(noun) if named else subject(noun), "atkal ir", confirmed(noun),
             f"no {lv_date(since)}" if since is not None else ""]
    return " ".join(word for word in words if word)


def same(noun: Noun) -> str:
    """„tas pats B”, „tā pati vērtība”, „tie paši griesti”, „tās pašas vērtības”."""
    return f"{noun.form('tas pats', 'tā pati', 'tie paši', 'tās pašas')} {noun.word}"


def confirmed(noun: Noun) -> str:
    """The participle agreeing with the noun: „apstiprināts”, „apstiprināta”, „apstiprināti”, „apstiprinātas”."""
    return "apstiprināt" + noun.form("s", "a", "i", "as")


def subject(noun: Noun) -> str:
    """The pronoun in the nominative standing for the noun: „tas” (B, „statuss”), „tā”, „tie” („griesti”), „tās”."""
    return noun.form("tas", "tā", "tie", "tās")


def was_confirmed(noun: Noun) -> str:
    """„tas bija apstiprināts”, „tā bija apstiprināta”, „tie bija apstiprināti”, „tās bija apstiprinātas”."""
    return f"{subject(noun)} bija {confirmed(noun)}"


def its(noun: Noun) -> str:
    """The pronoun in the genitive standing for the noun: „tā” (B), „tās” (a value), „to” (more, or „griesti”)."""
    return noun.form("tā", "tās", "to", "to")


def blank(noun: Noun, again: bool = False) -> str:
    """Where the papers print the value: „tā vietā ir tukša vieta” (B), „tās vietā ir tukša vieta” (a value), „to
    vietā ir tukšas vietas” (more than one, or the plural „griesti”); ``again``: „… vietā atkal ir …”."""
    spaces = "tukšas vietas" if noun.plural else "tukša vieta"
    return f"{its(noun)} vietā {'atkal ' if again else ''}ir {spaces}"


def not_confirmed(noun: Noun, again: bool = False) -> str:
    """„vēl nav apstiprināts” (never confirmed yet), or with ``again`` „atkal nav apstiprināts” (withdrawn, D302):
    the participle agrees with the noun – „vēl nav apstiprināta” for a value, „… apstiprināti” for „griesti”."""
    return f"{'atkal' if again else 'vēl'} nav {confirmed(noun)}"
