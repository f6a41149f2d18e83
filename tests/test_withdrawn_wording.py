"""One builder of the withdrawal wording (D302, D320): a value confirmed once and „jāprecizē” again at the same
amount. Every form agrees with the noun it is given; no other module of generator/ spells the agreeing words."""

import re
from pathlib import Path

import pytest

from generator import withdrawn_wording as wording
from generator.withdrawn_wording import BASE, CEILINGS, VALUE, VALUES

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


# the agreeing phrases the builder makes: spelled elsewhere in generator/, they are a second builder (review40 9)
SPELLED = re.compile(r"ar to pašu apmēru (?:\S+ )?atkal|(?:tā|tās|to) vietā (?:atkal )?ir tukš|"
                     r"(?:tas|tā|tie|tās) bija apstiprināt|"
                     r"(?:tas pats|tā pati|tie paši|tās pašas) (?:B\b|vērtīb|bāzes apmēr|griest)|"
                     r"(?:tā|tās|to) pozīciju griest")
OWN = {"withdrawn_wording.py"}
# the 6.11 note (workbook/sheets/technical.py) has its own sentence in the accusative („to drukā kā neapstiprinātu”)


def test_no_module_spells_the_withdrawal_wording_beside_the_builder() -> None:
    found = [f"{path.relative_to(GENERATOR)}: {m.group(0)}" for path in sorted(GENERATOR.rglob("*.py"))
             if path.name not in OWN for m in SPELLED.finditer(path.read_text(encoding="utf-8"))]
    assert not found, found


def test_not_confirmed_agrees_and_says_again_after_a_withdrawal() -> None:
    """D327: the papers' blank B says „vēl nav apstiprināts”, after a withdrawal „atkal nav apstiprināts”."""
    assert wording.not_confirmed(wording.BASE_AMOUNT) == "vēl nav apstiprināts"
    assert wording.not_confirmed(wording.BASE_AMOUNT, again=True) == "atkal nav apstiprināts"
    assert [wording.not_confirmed(n, again=True) for n in (VALUE, VALUES, CEILINGS)] == [
        "atkal nav apstiprināta", "atkal nav apstiprinātas", "atkal nav apstiprināti"]
