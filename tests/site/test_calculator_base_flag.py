"""D257: the calculator's script decides whether P rests on an unconfirmed B from the flag the Python data exports
(Params.base_confirmed) and the B given, never by comparing the catalogue's status word itself."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = ("ibm-kalkulators.js", "ibm-kalkulators-forma.js")


def test_no_script_compares_the_base_status_word() -> None:
    for name in SCRIPTS:
        text = (REPO / "site" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        assert "bazesApmeraStatuss" not in text, name
        # the flag and the result's word for it are what the scripts read
        assert "bazesApmersApstiprinats" in text, name
        assert not re.search(r"bazesApmer\w*\s*===?\s*\"(jāprecizē|apstiprināts)\"", text), name
