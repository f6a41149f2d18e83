"""The quick subset's bookkeeping in tests/conftest.py stays true: `make test-quick` leaves out units by their
estimates, so an estimate under a file name that no longer exists would put a renamed slow file back into it."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _conftest_values() -> dict[str, object]:
    values = {}
    for node in ast.parse((REPO / "tests" / "conftest.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("ESTIMATED_SECONDS", "SLOW_UNIT"):
                values[name] = ast.literal_eval(node.value)
            elif name == "MARKED_BY_HAND":  # frozenset({...})
                values[name] = set(ast.literal_eval(node.value.args[0]))
    return values


def _slow_marked(path: Path) -> dict[str, bool]:
    """Each test function of a file and whether it carries pytest.mark.slow."""
    tests = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            tests[node.name] = any(ast.unparse(d) == "pytest.mark.slow" for d in node.decorator_list)
    return tests


def test_every_estimated_test_file_exists() -> None:
    values = _conftest_values()
    missing = [unit for unit in values["ESTIMATED_SECONDS"] if unit.startswith("tests/") and not (REPO / unit).is_file()]
    assert missing == []


def test_a_unit_marked_by_hand_is_slow_by_its_estimate_and_keeps_quick_and_slow_tests() -> None:
    values = _conftest_values()
    assert values["MARKED_BY_HAND"], "the set was not read"
    for unit in sorted(values["MARKED_BY_HAND"]):
        assert values["ESTIMATED_SECONDS"].get(unit, 1.0) > values["SLOW_UNIT"], f"{unit}: not above SLOW_UNIT"
        marked = _slow_marked(REPO / unit)
        assert not all(marked.values()), f"{unit}: no quick test left"
        if unit != "tests/reference/test_properties.py":  # kept whole: the reference's money properties
            assert any(marked.values()), f"{unit}: no test marked slow by hand"
