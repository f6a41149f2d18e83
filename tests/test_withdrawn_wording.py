"""One builder of the withdrawal wording (D302, D320): a value confirmed once and „jāprecizē” again at the same
amount. Every form agrees with the noun it is given; no other module of generator/ spells the agreeing words."""

import datetime as dt
import re
from pathlib import Path

import pytest

from generator import withdrawn_wording as wording
from generator.withdrawn_wording import BASE, CEILINGS, STATUS, VALUE, VALUES

GENERATOR = Path(__file__).resolve().parents[1] / "generator"


@pytest.mark.parametrize(("noun", "same", "was", "blank"), [
    (BASE, "tas pats B", "tas bija apstiprināts", "tā vietā ir tukša vieta"),
    (VALUE, "tā pati vērtība", "tā bija apstiprināta", "tās vietā ir tukša vieta"),
    (VALUES, "tās pašas vērtības", "tās bija apstiprinātas", "to vietā ir tukšas vietas"),
    (CEILINGS, "tie paši griesti", "tie bija apstiprināti", "to vietā ir tukšas vietas"),
])
def test_every_form_agrees_with_its_noun(noun: wording.Noun, same: str, was: str, blank: str) -> None:
    assert wording.same(noun) == same
    assert wording.was_confirmed(noun) == was
    assert wording.blank(noun) == blank
    assert wording.blank(noun, again=True) == blank.replace(" vietā ir ", " vietā atkal ir ")


def test_the_count_picks_the_number_and_the_place_stands_before_again() -> None:
    assert wording.values(1) is VALUE and wording.values(2) is VALUES
    assert [wording.its(n) for n in (BASE, VALUE, VALUES, CEILINGS)] == ["tā", "tās", "to", "to"]
    assert wording.same(wording.BASE_AMOUNT) == "tas pats bāzes apmērs"
    assert wording.again_open() == "ar to pašu apmēru atkal ir „jāprecizē”"
    assert wording.again_open("katalogā") == "ar to pašu apmēru katalogā atkal ir „jāprecizē”"


def test_the_day_and_the_pronoun_stand_before_again() -> None:
    """collect's withdrawn part (ministry/ceiling_parts.py) and the reference's dated ceiling warning (rules.py) say
    from which day; the part's sentence is about its status („statuss” → „tas”)."""
    day = dt.date(2026, 11, 25)
    assert [wording.subject(n) for n in (BASE, VALUE, CEILINGS, STATUS)] == ["tas", "tā", "tie", "tas"]
    assert wording.again_open(since=day) == "ar to pašu apmēru no 25.11.2026 atkal ir „jāprecizē”"
    assert wording.again_open(since=day, noun=STATUS) == "ar to pašu apmēru no 25.11.2026 tas atkal ir „jāprecizē”"
    assert wording.again_open("katalogā", day, CEILINGS) == ("ar to pašu apmēru katalogā no 25.11.2026 tie atkal ir "
                                                             "„jāprecizē”")


# the agreeing phrases the builder makes: spelled elsewhere in generator/, they are a second builder (review40 9); a
# phrase may be split between two string literals on two lines (joined before the search: JOINED)
SPELLED = re.compile(r"ar to pašu apmēru (?:[^\"\n]*? )?atkal ir|(?:tā|tās|to) vietā (?:atkal )?ir tukš|"
                     r"(?:tas|tā|tie|tās) bija apstiprināt|(?:tas|tā|tie|tās) (?:no \S+ )?atkal ir „jāprecizē|"
                     r"(?:tas pats|tā pati|tie paši|tās pašas) (?:B\b|vērtīb|bāzes apmēr|griest)|"
                     r"(?:tā|tās|to) pozīciju griest|"
                     # a noun or the builder's „tas pats …” with the day and „atkal ir” typed after it (D325)
                     r"(?:\bB|bāzes apmērs) no \{[^}]*\} (?:\{[^}]*\} )?(?:atkal ir|\{wording\.again_open)|"
                     r"same\([^{}\n]*\)\} (?:no \{[^}]*\} )?atkal ir|"
                     r"(?:tas|tā|tie|tās) atkal ir apstiprināt")
JOINED = re.compile(r"\"\s*\n\s*(?:rf|fr|f|r)?\"")  # the end of one literal, the start of the next on a new line
OWN = {"withdrawn_wording.py"}
# the 6.11 note (workbook/sheets/technical.py) has its own sentence in the accusative („to drukā kā neapstiprinātu”)


def spelled(source: str) -> list[str]:
    return [m.group(0) for m in SPELLED.finditer(JOINED.sub("", source))]


def test_the_guard_finds_a_phrase_split_between_literals() -> None:
    """The hand-spelled copy collect had (ministry/ceiling_parts.py before it used the builder): split between two
    literals, the day and the pronoun inside it."""
    source = ('    f"; „{name}” statuss matricas cenu dienā bija „apstiprināts”, bet katalogā ar to "\n'
              '                        f"pašu apmēru no {lv_date(since)} tas atkal ir „jāprecizē”; {CHECK_PRICE}"\n')
    assert spelled(source) == ["ar to pašu apmēru no {lv_date(since)} tas atkal ir"]
    assert spelled('f"(katalogā tas no {lvformat.date(withdrawn_from)} atkal ir „jāprecizē”)"') != []
    assert spelled('"B katalogs ar to pašu apmēru atkal padarījis par „jāprecizē”"') == []  # no agreeing word


@pytest.mark.parametrize("source", [
    # the copies signing.py, base_notes.py and workbook/withdrawal_note.py had before they used the builder (D325)
    'f"taču katalogā {wording.same(wording.BASE)} no "\n    f"{lvformat.date(child.base_withdrawn_from)} atkal ir „jāprecizē”"',
    'f": katalogā {wording.same(wording.BASE)} atkal ir {wording.confirmed(wording.BASE)} no "',
    'f"Katalogā bāzes apmērs no {lvformat.date(withdrawn_from)} {wording.again_open()}: matricas"',
    '"neieraksta, bet dokumentus izveido vēlreiz, kad katalogā tas atkal ir apstiprināts."',
    'f"Katalogā no {lv_date(d)} {wording.same(wording.values(len(on)))} atkal ir „jāprecizē”{cited}: "',
    'f"B no {lvformat.date(day)} atkal ir „jāprecizē”"',
])
def test_the_guard_finds_a_noun_or_same_before_again(source: str) -> None:
    assert spelled(source) != [], source


def test_no_module_spells_the_withdrawal_wording_beside_the_builder() -> None:
    found = [f"{path.relative_to(GENERATOR)}: {m}" for path in sorted(GENERATOR.rglob("*.py"))
             if path.name not in OWN for m in spelled(path.read_text(encoding="utf-8"))]
    assert not found, found


def test_not_confirmed_agrees_and_says_again_after_a_withdrawal() -> None:
    """D327: the papers' blank B says „vēl nav apstiprināts”, after a withdrawal „atkal nav apstiprināts”."""
    assert wording.not_confirmed(wording.BASE_AMOUNT) == "vēl nav apstiprināts"
    assert wording.not_confirmed(wording.BASE_AMOUNT, again=True) == "atkal nav apstiprināts"
    assert [wording.not_confirmed(n, again=True) for n in (VALUE, VALUES, CEILINGS)] == [
        "atkal nav apstiprināta", "atkal nav apstiprinātas", "atkal nav apstiprināti"]


def test_the_value_itself_as_the_subject_before_again() -> None:
    """The papers' checklist, the preparer's note and the 6.11 note name the value itself before „atkal” (D325)."""
    day = dt.date(2027, 2, 15)
    assert wording.same_again_open(BASE, day) == "no 15.02.2027 tas pats B atkal ir „jāprecizē”"
    assert wording.same_again_open(VALUES) == "tās pašas vērtības atkal ir „jāprecizē”"
    assert wording.again_confirmed(wording.BASE_AMOUNT) == "tas atkal ir apstiprināts"
    assert wording.again_confirmed(BASE, day, named=True) == "tas pats B atkal ir apstiprināts no 15.02.2027"
    assert wording.again_confirmed(CEILINGS) == "tie atkal ir apstiprināti"
