"""User-facing text quotes a value in Latvian quotes „…”, never in straight single quotes ('cesis'): every refusal,
check message and matrix formula of generator/ that puts a value between quotes, after a word or after anything else
(„Palīdzība: '{command} {option}'.” was missed while the pattern wanted a word and a space before the quote). A sheet
name before „!” in a formula ('{sheet}'!A1) is the one straight-quoted value allowed."""

from __future__ import annotations

import re
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "generator"
# a word, a space and an f-string value in straight quotes ("pašvaldība '{x}' nav …"; a sheet name before "!" in a
# formula, "'{sheet}'!A1", follows no space), or a formula's text around a cell ("ievadīts '\"&{x}&\"'")
STRAIGHT = re.compile(r"""\w '\{[^{}'"]+\}'(?!!)|\w '\\?"&""")
# a string literal with Latvian words that shows a value by repr ("skaits {x!r}" prints 'abc' in straight quotes); an
# English literal (click's own message ids in cli_lv.py) may keep it
LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
LATVIAN = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ„”]|\b(?:nav|ir|nevis|vai)\b")


# in a Latvian literal's own text (each value „{…}” as „{}”: quotes inside an f-string's expression are Python's), a
# value between straight quotes in any context, unless a sheet name before "!"
QUOTED_VALUE = re.compile(r"'[^'\n]*\{\}[^'\n]*'(?!!)")


def repr_in_latvian(line: str) -> bool:
    return any("!r}" in m.group() and LATVIAN.search(m.group()) for m in LITERAL.finditer(line))


def literal_text(literal: str) -> str:
    """``literal`` with each value (a top-level „{…}”, with what it holds) as „{}”; „{{” and „}}” stay literal."""
    out, depth, i = [], 0, 0
    while i < len(literal):
        pair = literal[i:i + 2]
        if depth == 0 and pair in ("{{", "}}"):
            out.append(pair)
            i += 2
            continue
        char = literal[i]
        if char == "{":
            if depth == 0:
                out.append("{}")
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif depth == 0:
            out.append(char)
        i += 1
    return "".join(out)


def quoted_in_latvian(line: str) -> bool:
    return any(LATVIAN.search(m.group()) and QUOTED_VALUE.search(literal_text(m.group())) for m in LITERAL.finditer(line))


def test_no_value_in_straight_quotes() -> None:
    found = [f"{path.relative_to(GENERATOR.parent)}:{number}: {line.strip()}"
             for path in sorted(GENERATOR.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if (STRAIGHT.search(line) or repr_in_latvian(line) or quoted_in_latvian(line))
             and not line.lstrip().startswith("#")]
    assert not found, "\n".join(found)


def test_the_pattern_sees_both_forms() -> None:
    assert STRAIGHT.search("""f"pašvaldība '{municipality_text}' nav katalogā\"""")
    assert STRAIGHT.search("""\\", ievadīts '\\"&{x}&\\"'\\"),""")
    assert not STRAIGHT.search("""f"'{sheet}'!{cell}\"""")
    assert not STRAIGHT.search("""f"pašvaldība „{municipality_text}” nav katalogā\"""")
    assert repr_in_latvian('''f"rinda „{name}”: payee {self.payee!r} (gaidīts: provider vai parent)"''')
    assert repr_in_latvian('''"{name} {filename!r} is a file.": "{name} {filename!r} ir fails, nevis mape.",''')
    assert not repr_in_latvian('''"{name} {filename!r} is a file.": "{name} „{filename}” ir fails, nevis mape.",''')
    # any context before the quote, and the English message id (click's key) left alone
    assert quoted_in_latvian('''"Try '{command} {option}' for help.": "Palīdzība: '{command} {option}'.",''')
    assert not quoted_in_latvian('''"Try '{command} {option}' for help.": "Palīdzība: „{command} {option}”.",''')
    assert quoted_in_latvian('''f"({shown}): '{x}' nav katalogā"''')
    assert quoted_in_latvian('''f"\\", ievadīts '\\"&{x}&\\"'\\""''')  # a formula's text around a cell
    # a sheet name before "!", and quotes of Python inside a value's expression, are no quoted value
    assert not quoted_in_latvian('''f"Kļūda: '{sheet}'!{cell} – nav skaitlis"''')
    assert not quoted_in_latvian('''f"{agree(n, 'izmantota', 'izmantotas')} {f'{n} rindās'} nav"''')
