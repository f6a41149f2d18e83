"""What a child's papers say where B is a blank (D72, D301, D302, D327): the note under the blank P, the footnote of
the blank B (01 §4.1, 08 §3.2) and the preparer's note beside them. The two notes a person signs say the same in
neutral words – since when B is unconfirmed (again, after a withdrawal) and that the amounts are written in papers
made again once it is confirmed –, never the toolkit's terms (its catalogue, the matrix's cells): those go to the
preparer's note, which the signed copy leaves out, as parskats.txt's first line (signing.base_line) does."""

from __future__ import annotations

import datetime as dt

from generator import lvformat
from generator import withdrawn_wording as wording
from generator.documents.registry import form_reference


def _state(withdrawn_from: dt.date | None) -> str:
    """„bāzes apmērs vēl nav apstiprināts”, or after a withdrawal „bāzes apmērs no DD.MM.YYYY atkal nav apstiprināts”."""
    noun = wording.BASE_AMOUNT
    if withdrawn_from is None:
        return f"{noun.word} {wording.not_confirmed(noun)}"
    return f"{noun.word} no {lvformat.date(withdrawn_from)} {wording.not_confirmed(noun, again=True)}"


def _made_again(withdrawn_from: dt.date | None, confirmed_from: dt.date | None, named: bool = True) -> str:
    """Which papers hold the confirmed B: those made again on the day it is confirmed from, or after the ministry
    confirms it (again); ``named``: the ministry and B by name, else „ministrija to” (the sentence named them)."""
    if confirmed_from is not None:
        # the signed page's B is a blank: „bāzes apmērs”, not „tas pats …” with nothing before it to be the same as
        noun = wording.BASE_AMOUNT
        return (f"dokumentos, ko izveido vēlreiz {lvformat.date(confirmed_from)} vai vēlāk (no šīs dienas "
                f"{noun.word} ir {wording.confirmed(noun)})")
    again = " atkal" if withdrawn_from is not None else ""
    who = "Labklājības ministrija bāzes apmēru" if named else "ministrija to"
    return f"dokumentos, ko izveido vēlreiz pēc tam, kad {who}{again} apstiprina"


def base_blank_note(withdrawn_from: dt.date | None, confirmed_from: dt.date | None) -> str:
    """The note under a blank P in the signed papers."""
    return (f"{_state(withdrawn_from).capitalize()}: IB provizorisko apmēru un no tā atkarīgās summas ieraksta "
            f"{_made_again(withdrawn_from, confirmed_from)}.")


def base_footnote(withdrawn_from: dt.date | None, confirmed_from: dt.date | None) -> str:
    """The footnote of the blank B („Tukšā vieta „______ EUR”: …”), agreeing with base_blank_note: the confirmed B
    comes with papers made again, not written into this blank by hand (P, A and K would stay blanks)."""
    return (f"{_state(withdrawn_from)}; to nosaka Labklājības ministrija (IB provizoriskā apmēra aprēķins, "
            f"{form_reference(8, nested=True)}), un apstiprināto summu ieraksta "
            f"{_made_again(withdrawn_from, confirmed_from, named=False)}")


def base_preparer_note(withdrawn_from: dt.date | None, confirmed_from: dt.date | None) -> str:
    """The preparer's note beside the blank P: where the toolkit takes the confirmed B from."""
    if confirmed_from is not None:
        return (f"Katalogā {wording.BASE_AMOUNT.word} ir {wording.confirmed(wording.BASE_AMOUNT)} no {lvformat.date(confirmed_from)}: "
                "matricas 6.11. tabulā to neieraksta, bet dokumentus izveido vēlreiz šajā dienā vai vēlāk.")
    if withdrawn_from is not None:
        return (f"Katalogā {wording.same_again_open(wording.BASE_AMOUNT, withdrawn_from)}: matricas 6.11. tabulā to "
                f"neieraksta, bet dokumentus izveido vēlreiz, kad katalogā {wording.again_confirmed(wording.BASE_AMOUNT)}.")
    return ("Kad Labklājības ministrija bāzes apmēru apstiprina, sociālais darbinieks to ieraksta matricas 6.11. tabulā "
            "un dokumentus izveido vēlreiz.")
