"""D265 (audit32b F16): a plan line's funding status has one set of names – the calculator's data, the worked-examples
page and D4's text say the same words."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.reference.plan import FUNDED, IGNORED, NOT_FUNDED, PARTIAL
from generator.site import calculator, examples_page
from generator.site.line_status import LINE_STATUS

DECISIONS = Path(__file__).resolve().parents[2] / "catalogue" / "metodika" / "rekonstrukcijas-un-lemumi.md"


def _decision(number: int) -> str:
    found = re.search(rf"^\| D{number} \|.*$", DECISIONS.read_text(encoding="utf-8"), re.M)
    assert found, number
    return found.group(0)


def test_calculator_examples_page_and_d4_name_a_lines_status_alike(catalogue: Catalogue) -> None:
    data = calculator.calculator_data(catalogue)
    assert data["statusi"] == LINE_STATUS == examples_page.STATUS
    assert set(LINE_STATUS) == {FUNDED, PARTIAL, NOT_FUNDED, IGNORED}
    d4 = _decision(4)
    for status in (PARTIAL, NOT_FUNDED):
        assert f"„{LINE_STATUS[status]}”" in d4, status
    d265 = _decision(265)
    assert all(f"„{words}”" in d265 for words in LINE_STATUS.values()), d265


def test_the_calculators_script_has_no_status_words_of_its_own() -> None:
    script = (Path(__file__).resolve().parents[2] / "site" / "assets" / "javascripts" / "ibm-kalkulators.js").read_text(
        encoding="utf-8")
    for words in ("nav finansēts", "nav akceptēts", "daļēji finansēts"):
        assert words not in script, words
