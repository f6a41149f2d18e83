"""Template data of the annex documents (issue 16) from the catalogue's annex register: the quality
questionnaires' scale and stages per party (35–38), and the service description form's fields (13)."""

from __future__ import annotations

from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.site.labels import DESCRIPTION_FIELDS

# Who fills each questionnaire, in the dative-free form the instruction sentence needs ("Anketu aizpilda …").
_WHO = {"sd": "sociālais darbinieks", "vecaks": "vecāks", "specialists": "izvērtēšanas komandas speciālists",
        "sniedzejs": "pakalpojumu sniedzējs (atbildīgais speciālists)"}


def annex_context(catalogue: Catalogue) -> dict[str, Any]:
    register = catalogue.annexes
    if register is None:
        raise LookupError("katalogā nav pielikumu reģistra (catalogue/annexes.yaml)")
    quality = register.quality
    parties = {
        party.output: {
            "id": party.id,
            "kas": _WHO.get(party.id, party.label_lv.lower()),
            "posmi": [quality.stage(s).label_lv for s in party.stages],
        }
        for party in quality.parties
    }
    return {
        "kvalitate": {"skala": list(quality.scale), "pusem": parties},
        "apraksta_lauki": list(DESCRIPTION_FIELDS.items()),
    }
