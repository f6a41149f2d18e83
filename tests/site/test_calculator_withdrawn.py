"""D302: the calculator's data take the changes a plan may use from the same rule as the matrix (plan_changes): on
the prices day of B's confirmation, B's later withdrawal at the same amount is no change – the plan is refused only
across B's other amount – and the prices hold until the day before that, as 6.11 says."""

from __future__ import annotations

from pathlib import Path

from generator.site.calculator import calculator_data
from tests.plan_changes_catalogue import BASE_CHANGE, BASE_CONFIRMED, BASE_WITHDRAWN, withdrawn_catalogue


def test_the_calculator_refuses_no_plan_for_a_withdrawal(tmp_path: Path) -> None:
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    data = calculator_data(changed)
    (later,) = [r for r in data["kartas"] if r["id"] == "berni-2026"]
    days = {d["cenuDiena"]: d for d in [later, *later.get("cenuMainas", [])] if "cenuDiena" in d}
    confirmed = days[BASE_CONFIRMED.isoformat()]
    changes = [c["diena"] for c in confirmed["izmainas"] if c["pozicijas"] is None and not c["transports"]]
    assert changes == [BASE_CHANGE.isoformat()], confirmed["izmainas"]
    assert BASE_WITHDRAWN.isoformat() not in {c["diena"] for c in confirmed["izmainas"]}, confirmed["izmainas"]
    assert confirmed["cenasLidz"] == changed.prices_until(BASE_CONFIRMED).isoformat()
