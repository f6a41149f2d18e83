"""The group-session ceiling 6.8 applies is the base ceiling minus the transport reduction; both parameters must
cap the same items, or `ibm changes` would name items 6.8 does not cap (review5 F8)."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity

REDUCTION = "prices/grupu-nodarbibu-transporta-samazinajums.yaml"


def test_a_reduction_with_another_scope_is_refused_at_its_line(catalogue_copy: Path) -> None:
    path = catalogue_copy / REDUCTION
    text = path.read_text("utf-8")
    assert text.count("  forms: [group]") == 1
    path.write_text(text.replace("  forms: [group]", "  forms: [individual, group]"), "utf-8")
    cat, problems = load_catalogue(catalogue_copy)
    assert cat is None
    [problem] = [p for p in problems if p.severity is Severity.error]
    assert problem.path.name == "grupu-nodarbibu-transporta-samazinajums.yaml" and problem.field == "applies_to"
    assert problem.line == text[:text.index("applies_to:")].count("\n") + 1, problem.format()
    assert "attiecas uz citām pozīcijām nekā grupu-nodarbibu-griesti.yaml" in problem.message
    assert "forms: [group], regimes: [market]" in (problem.expected or ""), problem.format()


def test_the_shipped_scopes_agree(catalogue_copy: Path) -> None:
    cat, problems = load_catalogue(catalogue_copy)
    assert cat is not None and not [p for p in problems if p.field == "applies_to"]
