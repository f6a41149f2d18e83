"""The papers' note under a blank P (context.base_blank_note): who fills B in and from which papers, in each case."""

import datetime as dt

from generator.documents.from_matrix.context import base_blank_note


def test_each_case_says_who_fills_b_in() -> None:
    day = dt.date(2027, 4, 1)
    later = base_blank_note(None, day)
    assert "vēlreiz 01.04.2027 vai vēlāk (no šīs dienas katalogā tas pats bāzes apmērs ir apstiprināts)" in later
    assert "atkal ir „jāprecizē”" in base_blank_note(day, None)
    # the ministry confirms B, the social worker types it into 6.11 (as signing.base_line says)
    assert base_blank_note(None, None).endswith("kad Labklājības ministrija apstiprina bāzes apmēru un sociālais "
                                                "darbinieks to ieraksta matricas 6.11. tabulā.")
