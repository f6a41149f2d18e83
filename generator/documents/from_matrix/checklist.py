"""What the social worker checks before the child's decision is signed (D41): written into the child's report
file (parskats.txt), never into the act, which holds only facts, legal basis, reasoning and the decision."""

from __future__ import annotations

from generator.documents.from_matrix.context import ChildContext
from generator.documents.from_matrix.signing import NOT_SIGNABLE

GRANT = "08-lemums-par-pieskirsanu"
REFUSAL = "17-lemums-par-atteikumu"


def before_signing(child: ChildContext, *, signable: bool = True) -> list[str]:
    """The report file's checklist for the child's decision: the grant (08) or the refusal (17), whose reason is
    the one that applies, in the decision's own sentence (refusal.py), never an either/or. ``signable`` False: the
    grant is marked not signable (signing.not_signable) – the heading does not invite signing it (D355)."""
    if child.refusal is not None:
        lines = ["", f"Pirms lēmuma par atteikumu ({REFUSAL}) parakstīšanas:",
                 f"  - Atteikuma iemesls (tāpat kā lēmumā): {child.refusal.reason} Pārbaudiet bērna dzimšanas "
                 "datumu dokumentos."]
        if child.refusal.adult:
            lines.append("  - Persona lēmuma sagatavošanas dienā jau ir pilngadīga, tāpēc vecāks vairs nav tās "
                         "likumiskais pārstāvis: lēmums adresēts iesniedzējam (vecākam, kas iesniedza iesniegumu), "
                         "un tā kopiju nosūta personai uz tās deklarēto dzīvesvietas adresi.")
        return lines
    head = (f"Pirms lēmuma par individuālā budžeta piešķiršanu ({GRANT}) parakstīšanas:" if signable else
            f"Kad lēmumu par individuālā budžeta piešķiršanu ({GRANT}) varēs parakstīt (tas jāizveido vēlreiz bez "
            f"atzīmes „{NOT_SIGNABLE}”):")
    return ["", head,
            f"  - Lēmuma 1. nodaļas kritēriju tabulā no IBM matricas atzīmēts tikai vecuma kritērijs (bērna "
            f"vecums {child.round_gen} pēdējā dienā {child.round_end}).",
            "  - Pārējos kritērijus sociālais darbinieks pārbauda dokumentos un datubāzēs un atzīmē tabulā ar roku.",
            "  - Lēmumu paraksta tikai tad, ja ailē „Atbilst” atzīmēti visi kritēriji. Ja kāds kritērijs nav "
            "izpildīts, individuālo budžetu nepiešķir: sagatavo lēmumu par atteikumu (pašvaldības dokumentu "
            f"veidlapa {REFUSAL}) ar neatbilstības iemeslu.",
            ]
