"""One form for what a message expects, in the reference, the readers and the calculator alike: „(gaidīts: what)”,
with an example „(gaidīts: what, piem. 12,50)”, or „(piem. 12,50)” where the sentence already says what is expected –
never „(gaidīts what …)”, „(gaidīts, piem., …)” or „piem.,” inside such a parenthesis (three forms had grown apart)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = tuple((REPO / "site" / "assets" / "javascripts").glob("ibm-kalkulator*.js"))
# "(gaidīts" (or "(gaidīta", "(gaidītas") not followed by its colon ("gaidīts viens no: a, b" names the choices
# after its own colon)
OTHER_EXPECTED = re.compile(r"\(gaidīt[a-zāēīū]*\b(?!: | viens no: )")
# „piem.,” in a parenthesis of what is expected; in the calculator's messages, in an example's own parenthesis too
# (running prose, such as a column's heading „Specialitāte (piem., …)”, is no such message)
EXAMPLE_COMMA = re.compile(r"\(gaidīts:[^()]*piem\.,")
EXAMPLE_ONLY_COMMA = re.compile(r"\(piem\.,")
# „piem.,” anywhere inside a parenthesis of a message („tādas dienas nav, piem., 01.13.”); running prose is listed
ANY_PAREN_COMMA = re.compile(r"\([^()]*piem\.,")
PROSE = {"generator/workbook/sheets/team.py", "generator/catalogue/legal_acts.py"}  # a heading, a legend: no message


def _places(paths, *patterns: re.Pattern[str]) -> list[str]:  # noqa: ANN001 - an iterable of paths
    return [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
            for path in paths for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if any(p.search(line) for p in patterns) and not line.lstrip().startswith(("#", "//"))]


def test_the_calculator_says_what_it_expects_in_the_one_form() -> None:
    assert len(SCRIPTS) == 2
    assert _places(SCRIPTS, OTHER_EXPECTED, EXAMPLE_COMMA, EXAMPLE_ONLY_COMMA) == []


def test_the_reference_and_the_readers_say_it_in_the_same_form() -> None:
    assert _places(sorted((REPO / "generator").rglob("*.py")), OTHER_EXPECTED, EXAMPLE_COMMA) == []
    messages = [p for p in sorted((REPO / "generator").rglob("*.py")) if p.relative_to(REPO).as_posix() not in PROSE]
    assert _places(messages, ANY_PAREN_COMMA) == []


def test_the_patterns_see_each_form() -> None:
    for wrong in ("(gaidīts DD.MM.GGGG, piem. 01.10.2018)", "(gaidīts, piem., 12)", "(gaidīts skaitlis ≥ 0, piem., 1)",
                  "(gaidīts: skaitlis, piem., 12,50)", "(gaidīta viena rinda – tikai atslēga)"):
        assert OTHER_EXPECTED.search(wrong) or EXAMPLE_COMMA.search(wrong), wrong
    assert EXAMPLE_ONLY_COMMA.search("bez „EUR” (piem., 350)")
    assert ANY_PAREN_COMMA.search("(mēnesis 1–12; tādas dienas nav, piem., 01.13. vai 31.02.)")
    assert not ANY_PAREN_COMMA.search("(mēnesis 1–12; tādas dienas nav, piem. 01.13. vai 31.02.)")
    for right in ("(gaidīts: datums DD.MM.GGGG, piem. 01.10.2018)", "nav skaitlis ≥ 0 (piem. 12,50 vai 12.50)",
                  "(gaidīts viens no: berni-2018, berni-2021)", "Specialitāte (piem., rehabilitologs)"):
        assert not OTHER_EXPECTED.search(right) and not EXAMPLE_COMMA.search(right), right
