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
    plan_chapter = " ".join((DECISIONS.parent / "atbalsta-plans.md").read_text(encoding="utf-8").split())
    assert all(f"„{LINE_STATUS[status]}”" in plan_chapter for status in (PARTIAL, NOT_FUNDED))
    d265 = _decision(265)
    assert all(f"„{words}”" in d265 for words in LINE_STATUS.values()), d265


def test_the_calculators_script_has_no_status_words_of_its_own() -> None:
    script = (Path(__file__).resolve().parents[2] / "site" / "assets" / "javascripts" / "ibm-kalkulators.js").read_text(
        encoding="utf-8")
    for words in ("nav finansēt", "nav akceptēt", "daļēji finansēt"):  # either gender
        assert words not in script, words


def test_every_status_agrees_with_one_subject_the_line() -> None:
    """The subject of every status is the line („rinda”, feminine): no masculine participle („finansēts”) beside a
    feminine one („netiek ņemta vērā”)."""
    for status, words in LINE_STATUS.items():
        assert re.search(r"\b\w+ta\b", words), (status, words)  # finansēta, akceptēta, ņemta
        assert not re.search(r"\b\w+ts\b", words), (status, words)  # not finansēts, akceptēts


def test_the_forms_script_takes_the_ignored_lines_words_from_the_data() -> None:
    script = (Path(__file__).resolve().parents[2] / "site" / "assets" / "javascripts" / "ibm-kalkulators-forma.js"
              ).read_text(encoding="utf-8")
    assert LINE_STATUS[IGNORED] not in script
    assert "data.statusi.ignored" in script
