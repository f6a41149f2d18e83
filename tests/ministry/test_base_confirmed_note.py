"""D296, D303: the collection's note on a B (or 6.8 ceiling) „jāprecizē” on the matrix's prices day and confirmed at
the same amount by the collection's day says which entry decides – the last one of that amount by that day –, not
that the confirmed value is „in force” that day (a later amount may already be, for later plans)."""

from __future__ import annotations

import datetime as dt

from generator.ministry.final_status import base_confirmed_note

COLLECTED, CONFIRMED, CEILING = dt.date(2027, 6, 1), dt.date(2026, 12, 15), dt.date(2026, 11, 15)
RULE = ("(noteicošais ir pēdējais šā apmēra ieraksts katalogā līdz savākšanas dienai 01.06.2027; vēlākiem plāniem "
        "tajā dienā spēkā var būt jau cits apmērs)")


def test_the_note_names_the_last_entry_of_the_amount_by_the_collection_day() -> None:
    assert base_confirmed_note([CONFIRMED], COLLECTED) == (
        "bāzes apmērs B, kas matricas cenu dienā bija „jāprecizē”, katalogā ar to pašu apmēru apstiprināts no "
        f"15.12.2026 {RULE}, tāpēc B dēļ galīgie apmēri nav provizoriski")


def test_b_and_ceilings_share_the_rule() -> None:
    note = base_confirmed_note([CONFIRMED], COLLECTED, [CEILING])
    assert note is not None and note.endswith(f"apstiprināti no 15.11.2026 {RULE}, tāpēc B un griestu dēļ galīgie "
                                              "apmēri nav provizoriski"), note
    ceilings = base_confirmed_note([], COLLECTED, [CEILING])
    assert ceilings is not None and ceilings.startswith("6.8. tabulas griesti") and RULE in ceilings, ceilings
    for text in (note, ceilings):
        assert "spēkā savākšanas dienā" not in text, text
    assert base_confirmed_note([], COLLECTED) is None
