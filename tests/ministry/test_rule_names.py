"""Every rule code the reference can emit has a short Latvian name for the summary (audit24 F18)."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.ministry.rule_names import RULE_NAMES, rule_name

REFERENCE = Path(__file__).resolve().parents[2] / "generator" / "reference"


def emitted_codes() -> set[str]:
    """The code of each ``Finding(...)`` the reference's sources construct; a code that is not a literal fails."""
    codes = set()
    for path in sorted(REFERENCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding":
                arg = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "code")
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (path, ast.unparse(node))
                codes.add(arg.value)
    return codes


def test_every_emitted_rule_code_has_a_latvian_name() -> None:
    codes = emitted_codes()
    assert len(codes) >= 20 and {"money_cents", "past_reporting_period", "impairment"} <= codes
    assert sorted(codes - set(RULE_NAMES)) == []
    assert sorted(set(RULE_NAMES) - codes) == []  # no name left for a code the reference no longer emits


def test_names_are_short_latvian_and_distinct() -> None:
    names = list(RULE_NAMES.values())
    assert len(set(names)) == len(names)
    for code, name in RULE_NAMES.items():
        assert name != code and "_" not in name and len(name) <= 40 and name[0].isupper(), (code, name)
    assert rule_name("money_cents") == "Summa nav veselos centos"
    assert rule_name("a_newer_code") == "a_newer_code"  # shown as it is, never dropped


def test_a_money_figure_in_a_name_is_the_references_own_in_the_eur_form() -> None:
    """review5 F9: not "1 EUR" typed in the names, but the reference's unit price as its message writes it."""
    import re

    from generator.lvformat import eur
    from generator.reference.rules import ONE_EURO

    assert eur(ONE_EURO) in rule_name("actual_cost_price")
    for name in RULE_NAMES.values():
        assert not re.search(r"\d EUR", name), name  # "1,00 EUR" with a non-breaking space, cents shown


def test_the_line_above_p_name_uses_the_references_words() -> None:
    """review7 R7-6: the summary book's name is not clipped ("viena pārsniedz"): it says what the reference's sentence
    says, "viena pati pārsniedz"."""
    from decimal import Decimal

    from generator.reference.lines import PlanLine
    from generator.reference.rules import check_line_above_provisional

    line = PlanLine(offer_id="x", label="Paraugs", unit="reize", units=Decimal(10), unit_price=Decimal(30))
    [finding] = check_line_above_provisional([line], Decimal(100))
    name = rule_name(finding.code)
    assert name == "Rindas summa viena pati pārsniedz P"
    assert " viena pati pārsniedz bērna IB provizorisko apmēru P " in finding.message
