"""The papers' notes on a plan line's blank price (D294, D313, D355): a catalogue price not yet confirmed (the ministry
confirms it) or no provider's price at all (typed in the matrix's 6.8 table), each naming its lines, in the singular or
the plural as many lines as it names.

Three uses: under the IB table of 01's annex 2 and of 08 while those papers are signable (``waiting`` False) – a blank
to fill in by hand and where its figure comes from; on the same papers marked NAV PARAKSTĀMS (``waiting``, signing.
not_signable) – no hand-filling, the figures come in the paper made again from the matrix; under 05's table (``sums``
False: it prints the unit price alone, no sum rests on it there)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.reference.rules import NO_PRICE_WORDS
from generator.workbook.texts import PRICE_TYPED, plan_days_price

# D313: the matrix's „nav sniedzēja cenas”, not a price the ministry confirms; its 6.5 and 6.9 say it too (D364)
NO_PRICE_NOTE = NO_PRICE_WORDS[0].upper() + NO_PRICE_WORDS[1:]
NO_PRICES_NOTE = "Nav sniedzēju cenu"
TYPED = PRICE_TYPED
AGAIN = "būs dokumentā, ko izveido vēlreiz no matricas pēc tam, kad"
# plan_days_price (D354, D359): the price the worker waits for, the one in force in the plan's period; its words are
# the matrix's too (workbook.texts, 6.5's warning, D384). One wording for VISPIRMS (signing.price_line), the checklist
# (signing.own_ceiling), the papers' price notes (price_note) and the not-signable note (signing.not_signable).


def listed(items: Sequence[str]) -> str:
    """Lines in brackets' words: by commas, or by semicolons where a line's words hold a comma (a service „…,
    individuāli” or its provider), so that where one line ends stays clear."""
    return ("; " if any("," in item for item in items) else ", ").join(items)


def price_note(unconfirmed: Sequence[str], unpriced: Sequence[str], *, period: str, waiting: bool = False,
               sums: bool = True) -> str:
    """The note on the blank prices of the lines ``unconfirmed`` (the catalogue's unconfirmed price) and ``unpriced``
    (no provider's price), or "" when there are none; ``period``: the plan's, whose price the ministry publishes
    (plan_days_price, D359)."""
    notes = []
    if unconfirmed:
        one = len(unconfirmed) == 1
        head = (f"Cena ({listed(unconfirmed)}) vēl nav apstiprināta" if one
                else f"Cenas ({listed(unconfirmed)}) vēl nav apstiprinātas")
        of_it, them = ("tās", "to") if one else ("tām", "tās")
        published = f"Labklājības ministrija publicē {plan_days_price(period, len(unconfirmed))}"
        if waiting:
            what = f"{'apstiprinātā cena' if one else 'apstiprinātās cenas'}" + (
                f" un no {of_it} atkarīgās summas" if sums else "")
            notes.append(f"{head}: {what} {AGAIN} {published}.")
        else:
            what = them + (f" un no {of_it} atkarīgās summas" if sums else "")
            notes.append(f"{head}: {what} ieraksta, kad {published}.")
    if unpriced:
        one = len(unpriced) == 1
        head = f"{NO_PRICE_NOTE if one else NO_PRICES_NOTE} ({listed(unpriced)})"
        price, of_it = ("sniedzēja cenu", "tās") if one else ("sniedzēju cenas", "tām")
        if waiting:
            what = ("tā" if one else "tās") + (f" un no {of_it} atkarīgās summas" if sums else "")
            notes.append(f"{head}: {what} {AGAIN} {price} ieraksta {TYPED}.")
        elif sums:
            notes.append(f"{head}: {'to' if one else 'tās'} un no {of_it} atkarīgās summas ieraksta, kad {price} "
                         f"ieraksta {TYPED}.")
        else:
            notes.append(f"{head}: {'to ieraksta tādu pašu, kāda tā būs ierakstīta' if one else 'tās ieraksta tādas pašas, kādas tās būs ierakstītas'} "
                         f"{TYPED}.")
    return " ".join(notes)
