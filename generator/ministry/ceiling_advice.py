"""What the collection tells the analyst about a plan line whose ceiling is not confirmed (D269, D297).

A provider's own price under a „jāprecizē" ceiling cannot be checked against it: if it exceeds the confirmed ceiling,
the child's N is too high, so the advice is to check it. A line that keeps the catalogue's own „jāprecizē" price (the
6.8 item's prefilled price, told apart as the child's papers do: reference/open_prices.open_price) has no provider's
price to check: N rests on a price the ministry has not confirmed and may go up or down once it does (D294).
"""

from __future__ import annotations

from dataclasses import replace

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import PriceStatus
from generator.ministry.matrix import offers_on
from generator.ministry.records import ChildRecord
from generator.reference.findings import Finding
from generator.reference.open_prices import open_price
from generator.reference.rules import CEILING_CHECK, CHECK_PRICE, own_price_words, withdrawn_by_matrix_day
from generator.withdrawn_wording import PRICE, not_confirmed

# what follows OWN_OPEN_PRICE (own_price_words) on the summary's sheet „Neapstiprināti griesti"
OPEN_PRICE_N = (": bērna N balstās uz cenu, ko Labklājības ministrija vēl nav apstiprinājusi, un pēc tās "
                "apstiprināšanas var gan palielināties, gan samazināties")
# the same of a price confirmed on the matrix's prices day and „jāprecizē” again (D325): not „vēl nav”, but „atkal”
WITHDRAWN_PRICE_N = (f": bērna N balstās uz cenu, kas {not_confirmed(PRICE, again=True)}, un pēc tam, kad Labklājības "
                     "ministrija to atkal apstiprina, var gan palielināties, gan samazināties")


def own_open_price(record: ChildRecord, finding: Finding, catalogue: Catalogue) -> bool:
    """The warning's line keeps the catalogue's own „jāprecizē" price of its 6.8 item on the matrix's day – a price,
    not none: a line without one (open_price's other case, the rule error „nav sniedzēja cenas”) keeps the advice, as
    the matrix's 6.4 says it (D303). A withdrawn price's warning (``withdrawn_from``: „apstiprināts” on the matrix's
    day, „jāprecizē” again since, D302) counts its line's kept catalogue price too: the worker did not change it, so
    there is no provider's price to check (D325, D334)."""
    lines = record.inputs.lines
    offers = offers_on(catalogue, record.params_day)
    return any(bool(lines[i].unit_price) and open_price(lines[i], _as_open(offers.get(lines[i].offer_id or ""),
                                                                           finding))
               for i in finding.lines if i < len(lines))


def _as_open(offer: Offer | None, finding: Finding) -> Offer | None:
    """``offer`` as the warning reads it: „jāprecizē” again when the warning is of its withdrawal (withdrawn_from)."""
    if offer is None or finding.withdrawn_from is None:
        return offer
    return replace(offer, ceiling_status=PriceStatus.to_verify)


def ceiling_advice(record: ChildRecord, finding: Finding, catalogue: Catalogue) -> str:
    """The warning's sentence as the summary lists it: the reference's advice to check the provider's price, or for
    the catalogue's own price what it means for N."""
    if not own_open_price(record, finding, catalogue) or CEILING_CHECK not in finding.message:
        return finding.message
    head, rest = finding.message.split(CEILING_CHECK, 1)
    # the line's place in the matrix, where the reading added it after the advice: " (6.8. tabula, …)."
    place = rest.split(CHECK_PRICE, 1)[1] if CHECK_PRICE in rest else "."
    since = finding.withdrawn_from
    return (head + own_price_words(since, withdrawn_on_or_before_day(record, finding))
            + (OPEN_PRICE_N if since is None else WITHDRAWN_PRICE_N) + place)


def withdrawn_on_or_before_day(record: ChildRecord, finding: Finding) -> bool:
    """The warning is of a ceiling withdrawn on or before the record's matrix's prices day (D342; the papers' rule,
    rules.withdrawn_by_matrix_day)."""
    return withdrawn_by_matrix_day(finding, record.params_day)
