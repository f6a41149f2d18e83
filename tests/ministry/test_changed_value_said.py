"""A template cell whose fixed value the file changed says what the file holds instead (audit27b F11): not
"(failā: vērtība)", but the value itself when D221 lets it be quoted, and a date that a re-save turned into its
serial number as that same date."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.ministry.integrity import HIDDEN_VALUE, differing_cells, normalise_value

DAY = "v:" + normalise_value(dt.datetime(2018, 10, 1))


@pytest.mark.parametrize(("template", "found", "said"), [
    (DAY, "v:" + normalise_value(43374),
     "veidnes vērtība mainīta: veidnē datums 01.10.2018, failā skaitlis 43\u00a0374 "
     "(veidnes datums, saglabāts kā skaitlis bez datuma formāta)"),
    (DAY, "v:" + normalise_value(43375), "veidnes vērtība mainīta: veidnē datums 01.10.2018, failā skaitlis 43\u00a0375"),
    ("v:" + normalise_value(2.5), "v:" + normalise_value(3.75),
     "veidnes vērtība mainīta: veidnē skaitlis 2,5, failā skaitlis 3,75"),
    ("v:" + normalise_value("EUR"), "v:" + normalise_value("12,5"),
     "veidnes vērtība mainīta: veidnē teksts „EUR”, failā teksts „12,5”"),
    # what may be a name or a personal code is not quoted (D221)
    ("v:" + normalise_value("EUR"), "v:" + normalise_value("Testa Bērns"),
     f"veidnes vērtība mainīta: veidnē teksts „EUR”, failā teksts {HIDDEN_VALUE}"),
    ("v:" + normalise_value(1), "v:" + normalise_value(14051220001),
     f"veidnes vērtība mainīta: veidnē skaitlis 1, failā skaitlis {HIDDEN_VALUE}"),
    (DAY, None, "veidnes vērtība (datums 01.10.2018) izdzēsta – šūna failā tukša"),
    (DAY, "f:TODAY()", "veidnes vērtības (datums 01.10.2018) vietā failā formula"),
    (None, "v:" + normalise_value(7), "šūnā, kas veidnē ir tukša, ierakstīta vērtība: skaitlis 7"),
    ("f:A1+1", "v:" + normalise_value(7), "formula aizstāta ar vērtību"),
])
def test_a_changed_value_says_what_the_file_holds(template: str | None, found: str | None, said: str) -> None:
    cells = {"6.11": {(7, 2): template}} if template is not None else {"6.11": {}}
    file = {"6.11": {(7, 2): found}} if found is not None else {"6.11": {}}
    assert differing_cells(file, cells) == [("6.11", (7, 2), said)]
