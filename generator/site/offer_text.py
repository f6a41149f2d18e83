"""The sentence of a service page about its rows in the workbook (sheet 6.8), generated from the rows."""

from __future__ import annotations

from collections.abc import Sequence

from generator import lvformat
from generator.catalogue.catalogue import Offer

IN_ROWS = {1: "vienā rindā", 2: "divās rindās", 3: "trijās rindās", 4: "četrās rindās"}
PROVIDER_PRICE = "ieraksta sniedzēja faktisko cenu"


def _quoted(offers: Sequence[Offer]) -> str:
    return lvformat.listed([f"„{o.label}”" for o in offers])


def rows_sentence(offers: Sequence[Offer], form_names: dict) -> str:
    """'IBM matricas 6.8. tabulā šī vienība ir divās rindās (individuāli un grupā); …' (true for these rows)."""
    count = len(offers)
    if count == 0:
        return "IBM matricas 6.8. tabulā šai vienībai rindas nav."
    where = f"IBM matricas 6.8. tabulā šī vienība ir {IN_ROWS.get(count, f'{count} rindās')}"
    if count > 1:
        where += f" ({lvformat.listed([form_names[o.form] for o in offers])})"
    # a regulated price whose amount the catalogue does not know yet is a ceiling all the same (jāprecizē)
    with_ceiling = [o for o in offers if o.ceiling is not None or o.ceiling_unconfirmed]
    without = [o for o in offers if o.ceiling is None and not o.ceiling_unconfirmed]
    if count == 1:
        ceilings = "tai ir cenas griesti" if with_ceiling else f"tai nav cenas griestu – {PROVIDER_PRICE}"
    elif not without:
        ceilings = "katrai rindai ir savi cenas griesti"
    elif not with_ceiling:
        ceilings = f"nevienai no tām nav cenas griestu – {PROVIDER_PRICE}"
    else:
        rows_with = "rindai" if len(with_ceiling) == 1 else "rindām"
        rows_without = "rindā" if len(without) == 1 else "rindās"
        ceilings = (f"cenas griesti ir tikai {rows_with} {_quoted(with_ceiling)}; "
                    f"{rows_without} {_quoted(without)} {PROVIDER_PRICE}")
    return f"{where}; {ceilings}."
