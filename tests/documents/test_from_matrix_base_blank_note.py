"""The papers' notes where B is a blank (base_notes.py): the note under the blank P and the blank B's footnote say the
same – since when B is unconfirmed (again) and that the papers are made again once it is confirmed – in words fit for a
signed page; the catalogue and the matrix's 6.11 are only in the preparer's note (D327)."""

import datetime as dt

from generator.documents.from_matrix.base_notes import base_footnote, base_preparer_note
from generator.documents.from_matrix.context import base_blank_note

SIGNED_TERMS = ("katalog", "matric", "6.11", "jāprecizē", "sociālais darbinieks")


def test_each_case_says_which_papers_hold_the_confirmed_b() -> None:
    day, withdrawn = dt.date(2027, 4, 1), dt.date(2027, 2, 1)
    later = base_blank_note(None, day)
    assert later.startswith("Bāzes apmērs vēl nav apstiprināts: ")
    # the signed page's B is a blank: nothing before it for „tas pats” to refer to (D327)
    assert "vēlreiz 01.04.2027 vai vēlāk (no šīs dienas bāzes apmērs ir apstiprināts)" in later
    again = base_blank_note(withdrawn, None)
    assert again.startswith("Bāzes apmērs no 01.02.2027 atkal nav apstiprināts: "), again
    assert again.endswith("kad Labklājības ministrija bāzes apmēru atkal apstiprina."), again
    assert base_blank_note(None, None).endswith("dokumentos, ko izveido vēlreiz pēc tam, kad Labklājības ministrija "
                                                "bāzes apmēru apstiprina.")


def test_the_signed_notes_agree_and_name_no_tool() -> None:
    """Fails on the old code: the footnote said the confirmed B is written into the blank by hand (P, A and K stayed
    blanks), a withdrawn B was „vēl nav apstiprināts”, and the P note named the catalogue and 6.11 (audit M1, M2, L1)."""
    for withdrawn, later in ((None, None), (dt.date(2027, 2, 1), None), (None, dt.date(2027, 4, 1)),
                             (dt.date(2027, 2, 1), dt.date(2027, 4, 1))):
        note, foot = base_blank_note(withdrawn, later), base_footnote(withdrawn, later)
        for text in (note, foot):
            assert not [t for t in SIGNED_TERMS if t in text], (withdrawn, later, text)
            assert "dokumentos, ko izveido vēlreiz" in text and "tukšajā vietā" not in text, text
        assert ("atkal nav apstiprināts" in foot) is (withdrawn is not None), foot
        assert ("vēl nav apstiprināts" in foot) is (withdrawn is None), foot
        assert "metodikas 8. pielikums" in foot
        assert "matricas 6.11. tabulā" in base_preparer_note(withdrawn, later)


def test_the_preparers_note_of_a_withdrawn_b_names_it_with_the_builders_words() -> None:
    """D325: the builder's words (withdrawn_wording), B itself before „atkal”, not „bāzes apmērs ar to pašu apmēru”."""
    note = base_preparer_note(dt.date(2027, 2, 1), None)
    assert note == ("Katalogā no 01.02.2027 tas pats bāzes apmērs atkal ir „jāprecizē”: matricas 6.11. tabulā to "
                    "neieraksta, bet dokumentus izveido vēlreiz, kad katalogā tas atkal ir apstiprināts."), note
