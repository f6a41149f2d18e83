"""The about page's sentence on search typos („vārdos ar vismaz pieciem burtiem pieļauj vienu drukas kļūdu”) says the
number the search script itself uses (TYPO_LETTERS in lunr.lv.min.js): the page is generated from that constant, so
a changed script cannot leave the page saying another number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.site import other_pages
from generator.site.context import template_context

SCRIPT = Path(__file__).resolve().parents[2] / "site" / "assets" / "javascripts" / "lunr" / "min" / "lunr.lv.min.js"


def _about(catalogue: Catalogue) -> str:
    return other_pages.render_about(catalogue, template_context(catalogue), [])


def _script_letters(text: str) -> int:
    """The shortest word the script's typoQuery gives "~1", read from the script here (not by other_pages)."""
    (value,) = re.findall(r"var TYPO_LETTERS = (\d+);", text)
    assert "fold(w).length >= TYPO_LETTERS" in text  # the constant is what typoQuery compares a word with
    return int(value)


def test_the_about_page_says_the_search_script_s_number(catalogue: Catalogue) -> None:
    letters = _script_letters(SCRIPT.read_text(encoding="utf-8"))
    assert letters == 5  # the page's words below are checked for this value; a new value is checked by the next test
    text = " ".join(_about(catalogue).split())
    assert "vārdos ar vismaz pieciem burtiem pieļauj vienu drukas kļūdu" in text, text


@pytest.mark.parametrize(("letters", "words"), [(6, "sešiem burtiem"), (4, "četriem burtiem"), (21, "21 burtam")])
def test_another_number_in_the_script_changes_the_page(catalogue: Catalogue, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, letters: int,
                                                       words: str) -> None:
    script = tmp_path / "lunr.lv.min.js"
    script.write_text(SCRIPT.read_text(encoding="utf-8").replace("var TYPO_LETTERS = 5;",
                                                                  f"var TYPO_LETTERS = {letters};"), encoding="utf-8")
    assert _script_letters(script.read_text(encoding="utf-8")) == letters
    monkeypatch.setattr(other_pages, "SEARCH_SCRIPT", script)
    text = " ".join(_about(catalogue).split())
    assert f"vārdos ar vismaz {words} pieļauj vienu drukas kļūdu" in text, text
    assert "pieciem" not in text


def test_a_script_without_the_constant_stops_the_build(tmp_path: Path) -> None:
    script = tmp_path / "lunr.lv.min.js"
    script.write_text("var OTHER = 5;", encoding="utf-8")
    with pytest.raises(ValueError, match="TYPO_LETTERS"):
        other_pages.typo_letters(script)


def test_the_about_page_names_every_background_page(catalogue: Catalogue) -> None:
    """review28 F8: the page named the pages the search puts last by hand and left two out; it names every
    methodology page whose front matter lowers its search weight (boost below 1), read here from the files."""
    import yaml

    folder = Path(__file__).resolve().parents[2] / "catalogue" / "metodika"
    lowered = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n") and (head := yaml.safe_load(text.split("\n---\n", 1)[0][4:])):
            if float((head.get("search") or {}).get("boost", 1)) < 1:
                lowered.append(re.search(r"^# (.+)$", text.split("\n---\n", 1)[1], re.M).group(1))
    assert {"Esošā situācija", "DI projekta izvērtējums"} <= set(lowered), lowered
    text = " ".join(_about(catalogue).split())
    missing = [t for t in lowered if f"„{t}”" not in text]
    assert missing == [], missing
