"""What is wrong with a `--municipality` value of `ibm matrix` and `ibm documents`, said the same way by both.

Matrices and documents are made only for the municipalities of the children's programme's rounds (rounds.yaml,
D104, D113). A value that is not one is a wrong parameter (README „Izejas statuss”, status 2): the commands print
it as the one line „Kļūda: --municipality: „…” … Palīdzība: ibm … --help.” (generator.cli.usage_error, audit28 F9).
"""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.programme_scope import adults_municipality_note


def municipality_problem(catalogue: Catalogue, municipality_id: str) -> str | None:
    """Why ``municipality_id`` cannot be chosen, in Latvian (for usage_error), or None: unknown
    (municipalities.yaml), or known but in no round of the children's programme – a municipality of the adults'
    programme only is told so, with its round (audit31e F1, D254)."""
    children = [m.id for m in catalogue.pilot_municipalities()]
    if municipality_id in children:
        return None
    expected = f"gaidīts viens no: {', '.join(children)}"
    if (adults := adults_municipality_note(catalogue, municipality_id)) is not None:
        return f"--municipality: „{municipality_id}” {adults} (rounds.yaml, D104; {expected})"
    if municipality_id in {m.id for m in catalogue.municipalities.municipalities}:
        return (f"--municipality: „{municipality_id}” nav bērnu programmas kārtu pašvaldība (rounds.yaml; "
                f"{expected})")
    return f"--municipality: „{municipality_id}” nav pašvaldību sarakstā (municipalities.yaml; {expected})"
