"""Why a draft's amounts are blank when a plan line is void (D374).

A void line (its 6.3 units or its 6.8 price an invalid input, D332) is not in N (D366): N, A, the IB-funded sum, the
used other sources, K, and the line's own sum and IB share are blanks in the papers made from the matrix (only a draft:
the invalid input is an error). The note says which cell makes them blank, in the papers' words for the cell
(places.named_cell), so the blanks are not read as sums still to be confirmed by the ministry. The template prints it as
a blank's note („Piezīme. …” at N's blank), which blank_notes numbers at that blank (D369)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.documents.from_matrix.context import Line

PRICE_WORD = "cena"  # the 6.8 price cell voids the line
UNITS_WORD = "daudzums periodā"  # the 6.3 „Daudzums periodā” cell does
# what rests on N (the blanks of plans.apmeri, the matrix's 6.5 BLANK_WHEN with VOID_ANY)
ON_N = "A, no IB finansētie pakalpojumi, citu avotu izmantotā daļa un K"


def _input(line: Line) -> str:
    word = PRICE_WORD if "6.8. tabula" in line.void_place else UNITS_WORD
    place = f" ({line.void_place})" if line.void_place else ""
    return f"atbalsta plāna {line.number}. rindas {word}{place}"


def _listed(lines: Sequence[Line]) -> str:
    inputs = [_input(line) for line in lines]
    return inputs[0] if len(inputs) == 1 else f"{', '.join(inputs[:-1])} un {inputs[-1]}"


def void_note(lines: Sequence[Line]) -> str:
    """The note on the blanks of the IB amounts (plans.apmeri: 01's annex 2, 08) and of the void ``lines``' own sums
    and IB shares; "" without a void line."""
    if not lines:
        return ""
    listed = _listed(lines)
    if len(lines) == 1:
        return (f"Tukšās vietas: matricā nederīga ievade ir {listed}. IB nepieciešamais apmērs (N) šo rindu neietver, "
                f"tāpēc N un no tā atkarīgās summas ({ON_N}), kā arī rindas summa un daļa no IB nav zināmas, kamēr šūna "
                "matricā nav izlabota un dokumenti nav izveidoti no jauna.")
    return (f"Tukšās vietas: matricā nederīgas ievades ir {listed}. IB nepieciešamais apmērs (N) šīs rindas neietver, "
            f"tāpēc N un no tā atkarīgās summas ({ON_N}), kā arī šo rindu summas un daļas no IB nav zināmas, kamēr "
            "šūnas matricā nav izlabotas un dokumenti nav izveidoti no jauna.")


def void_months_note(lines: Sequence[Line]) -> str:
    """The note on the void ``lines``' month sums (01's annex 3, the matrix's 6.6 and 6.7); "" without a void line."""
    if not lines:
        return ""
    if len(lines) == 1:
        return (f"Tukšās vietas: matricā nederīga ievade ir {_listed(lines)}, tāpēc šīs rindas summas pa mēnešiem nav "
                "zināmas, kamēr šūna matricā nav izlabota un dokumenti nav izveidoti no jauna.")
    return (f"Tukšās vietas: matricā nederīgas ievades ir {_listed(lines)}, tāpēc šo rindu summas pa mēnešiem nav "
            "zināmas, kamēr šūnas matricā nav izlabotas un dokumenti nav izveidoti no jauna.")
