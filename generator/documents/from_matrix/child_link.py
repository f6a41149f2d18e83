"""The pre-signing reminder that a provider paper identifies its child only by the child's code and the parent
contract (audit10 F9): 02 and 03 never name the child (D47), and the code exists only once the parent contract
is signed, so the social worker writes the parent contract's number and date (and the code, when there is one)
into every 02 and 03 before it is signed."""

from __future__ import annotations

from collections.abc import Sequence

PARENT_CONTRACT = "01-ligums-ar-vecaku"
PROVIDER_PAPERS = ("02-ligums-ar-sniedzeju", "03-garantijas-vestule")


def child_link_lines(identification: str, names: Sequence[str]) -> list[str]:
    """The line for parskats.txt's "Pirms parakstīšanas pārbaudiet:" when the child's papers hold a 02 or 03;
    ``identification``: the child's code printed in them ("" when no key was given: a blank to fill)."""
    if not any(name.startswith(PROVIDER_PAPERS) for name in names):
        return []
    code = ("bērna identifikācijas kods tajos jau ierakstīts" if identification else
            "bērna identifikācijas kodu ieraksta, kad Dienests to bērnam piešķīris")
    return [f"līgumos ar sniedzējiem (02-…) un garantijas vēstulēs (03-…) bērnu identificē tikai identifikācijas "
            f"kods un līgums ar Vecāku: pirms parakstīšanas ierakstiet līguma ar Vecāku ({PARENT_CONTRACT}) numuru "
            f"un datumu; {code}"]
