"""What the collection says of a plan line under an unconfirmed ceiling (D297): a provider's own price keeps the advice
to check it against the ceiling (N can only be too high); a line that keeps the catalogue's own „jāprecizē" price
says that N rests on a price the ministry has not confirmed and may go either way once it does."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.signing import PRICE_IS_CEILING, own_ceiling
from generator.ministry.ceiling_advice import ceiling_advice, own_open_price
from generator.ministry.command import _own_open_prices
from generator.reference.lines import line_from_offer
from generator.reference.rules import check_unconfirmed_ceilings, check_withdrawn_ceilings
from generator.workbook.writer import template_date

PLACE = "6.8. tabula, I19 „Sniedzēja cena, EUR par vienību”; 6.11. tabulas 52. rinda"
CHECK = "pārbaudiet, vai sniedzēja cena tos nepārsniedz"


def _record(catalogue: Catalogue, price: Decimal) -> tuple[SimpleNamespace, str]:
    """A record (what ceiling_advice reads of it) with one 2.1 line at ``price`` and the line's sentence."""
    day = template_date(catalogue)
    offer = next(o for o in catalogue.offers(day) if o.id == "2.1")
    line = line_from_offer(offer, 10, unit_price=price, planned_units=(5, 5))
    (finding,) = check_unconfirmed_ceilings([line])
    record = SimpleNamespace(inputs=SimpleNamespace(lines=(line,)), params_day=day)
    return record, ceiling_advice(record, finding, catalogue)  # type: ignore[arg-type]


def test_the_catalogues_own_open_price_is_no_providers_price(later_catalogue: Catalogue) -> None:
    catalogue = later_catalogue  # a round whose 6.8 prefills 2.1 at its „jāprecizē" price
    prefilled = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "2.1").prefill_price
    assert prefilled is not None
    _, said = _record(catalogue, prefilled)
    assert CHECK not in said and "par lielu" not in said, said
    assert said.startswith("1. rinda (2.1 ") and ": cena ir kataloga vēl neapstiprinātā (jāprecizē)" in said, said
    assert said.endswith("bērna N balstās uz cenu, ko Labklājības ministrija vēl nav apstiprinājusi, un pēc tās "
                         "apstiprināšanas var gan palielināties, gan samazināties."), said
    # the place the collection's reading adds after the advice stays, before the full stop
    record, _ = _record(catalogue, prefilled)
    (finding,) = check_unconfirmed_ceilings(record.inputs.lines)
    placed = dataclasses.replace(finding, message=finding.message.removesuffix(".") + f" ({PLACE}).")
    assert ceiling_advice(record, placed, catalogue).endswith(f"gan samazināties ({PLACE})."), placed  # type: ignore[arg-type]


def test_a_providers_price_under_the_open_ceiling_keeps_the_check(later_catalogue: Catalogue) -> None:
    catalogue = later_catalogue
    prefilled = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "2.1").prefill_price
    record, said = _record(catalogue, prefilled - Decimal("1.00"))
    assert said.endswith(f"{CHECK}."), said
    (finding,) = check_unconfirmed_ceilings(record.inputs.lines)
    assert not own_open_price(record, finding, catalogue)  # type: ignore[arg-type]


def test_a_line_without_a_price_is_not_the_catalogues_price(later_catalogue: Catalogue) -> None:
    """D303: a line with no price (0,00: the rule error of a missing price) keeps no catalogue price either – the
    matrix's 6.4 gives it the advice, and so does the collection, not the catalogue's price sentence."""
    record, said = _record(later_catalogue, Decimal("0.00"))
    assert said.endswith(f"{CHECK}."), said
    (finding,) = check_unconfirmed_ceilings(record.inputs.lines)
    assert not own_open_price(record, finding, later_catalogue)  # type: ignore[arg-type]


def test_the_console_says_how_many_keep_the_catalogues_price() -> None:
    assert _own_open_prices(0, 3) == ""
    assert _own_open_prices(1, 1).startswith(" (tajā ir pati kataloga vēl neapstiprinātā cena, nevis sniedzēja cena, "
                                             "tāpēc bērna N")
    assert _own_open_prices(2, 2).startswith(" (visās ir pati")
    assert _own_open_prices(2, 6).startswith(" (no tām 2 rindās ir pati")
    assert _own_open_prices(1, 6).startswith(" (no tām 1 rindā ir pati")
    assert ":" not in _own_open_prices(2, 6)  # no colon of its own before the sentence's
    assert _own_open_prices(2, 6).endswith("var gan palielināties, gan samazināties)")


def test_the_advice_and_the_reading_share_one_public_lookup() -> None:
    """The advice reads the 6.8 items through the reading's own public lookup (matrix.offers_on), not a private name of
    another module: both see the same items of a day."""
    import ast
    import inspect

    from generator.ministry import ceiling_advice as advice
    from generator.ministry import matrix

    imported = [(node.module, alias.name) for node in ast.walk(ast.parse(inspect.getsource(advice)))
                if isinstance(node, ast.ImportFrom) for alias in node.names]
    assert not [name for module, name in imported if (module or "").startswith("generator.") and
                name.startswith("_")], imported
    assert advice.offers_on is matrix.offers_on


def test_a_withdrawn_catalogue_price_says_it_was_confirmed_and_from_which_day(later_catalogue: Catalogue) -> None:
    """D325: a line keeping the catalogue's own price that was „apstiprināts” on the matrix's prices day and is
    „jāprecizē” again at the same amount (check_withdrawn_ceilings' dated warning, D302): the collection's sentence and
    the papers' checklist (signing.own_ceiling) say so and name the day, never „vēl neapstiprinātā”; the plain
    warning keeps its words."""
    catalogue = later_catalogue
    day = template_date(catalogue)
    offer = next(o for o in catalogue.offers(day) if o.id == "2.1")
    assert offer.prefill_price is not None
    line = line_from_offer(offer, 10, unit_price=offer.prefill_price, planned_units=(5, 5))
    withdrawn = dt.date(2027, 2, 15)
    (dated,) = check_withdrawn_ceilings([line], {"2.1": withdrawn})
    (plain,) = check_unconfirmed_ceilings([line])
    record = SimpleNamespace(inputs=SimpleNamespace(lines=(line,)), params_day=day)
    said = {"collect": ceiling_advice(record, dated, catalogue),  # type: ignore[arg-type]
            "papers": own_ceiling(dated, frozenset({0})).message}
    for where, text in said.items():
        # the whole sentence, its tail too: never „vēl nav apstiprin…” after „tā bija apstiprināta” (D325)
        assert "vēl neapstiprinātā" not in text and "vēl nav apstiprin" not in text and CHECK not in text, (where, text)
        assert "atkal apstiprina" in text, (where, text)
        assert ("1. rinda (2.1 Pavadonis): cena ir kataloga normatīvajā aktā vai līgumā noteiktā cena (matricas cenu "
                "dienā tā bija apstiprināta, bet katalogā ar to pašu apmēru no 15.02.2027 atkal ir „jāprecizē”), "
                "nevis sniedzēja cena") in text, (where, text)
    assert said["collect"].endswith(": bērna N balstās uz cenu, kas atkal nav apstiprināta, un pēc tam, kad "
                                    "Labklājības ministrija to atkal apstiprina, var gan palielināties, gan "
                                    "samazināties."), said
    assert said["papers"].endswith("līdz Labklājības ministrija cenu atkal apstiprina (metodikas vietnes sadaļa "
                                   "„Cenas”)."), said
    assert own_ceiling(plain, frozenset({0})).message.endswith(PRICE_IS_CEILING)
    # the day is the warning's data, not its words read back: a message without the day still names it (L9)
    reworded = dataclasses.replace(dated, message=dated.message.replace("15.02.2027", "tajā dienā"))
    assert "no 15.02.2027 atkal" in ceiling_advice(record, reworded, catalogue)  # type: ignore[arg-type]
    assert ": cena ir kataloga vēl neapstiprinātā (jāprecizē)" in ceiling_advice(record, plain, catalogue)  # type: ignore[arg-type]


def test_a_kept_price_confirmed_on_the_matrix_day_is_no_providers_price(tmp_path) -> None:  # noqa: ANN001
    """D334: the matrix's prices day has the regulated price „apstiprināts” (6.8 prefills it), the collection's day
    has it „jāprecizē” again at the same amount (D302). The line keeps that price – the catalogue's, which the worker
    did not change – so the sentence names it with its status on the matrix's day, not a provider's price to check;
    the console's count says „atkal”, never „vēl neapstiprinātā”."""
    from tests.plan_changes_catalogue import (
        COMPANION_CHANGE,
        PRICE_WITHDRAWN,
        REGULATED,
        price_withdrawn_catalogue,
    )

    catalogue = price_withdrawn_catalogue(tmp_path / "catalogue")
    offer = next(o for o in catalogue.offers(COMPANION_CHANGE) if o.id == REGULATED)
    assert offer.ceiling_status.value == "apstiprināts" and offer.prefill_price is not None, offer
    line = line_from_offer(offer, 10, unit_price=offer.prefill_price, planned_units=(5, 5))
    (finding,) = check_withdrawn_ceilings([line], {REGULATED: PRICE_WITHDRAWN})
    record = SimpleNamespace(inputs=SimpleNamespace(lines=(line,)), params_day=COMPANION_CHANGE)
    assert own_open_price(record, finding, catalogue)  # type: ignore[arg-type]
    said = ceiling_advice(record, finding, catalogue)  # type: ignore[arg-type]
    assert CHECK not in said and "vēl" not in said, said
    assert ("cena ir kataloga normatīvajā aktā vai līgumā noteiktā cena (matricas cenu dienā tā bija apstiprināta, "
            "bet katalogā ar to pašu apmēru no 15.02.2027 atkal ir „jāprecizē”), nevis sniedzēja cena") in said, said
    # a provider's own price under the same withdrawn ceiling keeps the advice to check it
    provider = line_from_offer(offer, 10, unit_price=offer.prefill_price - Decimal("1.00"), planned_units=(5, 5))
    (theirs,) = check_withdrawn_ceilings([provider], {REGULATED: PRICE_WITHDRAWN})
    other = SimpleNamespace(inputs=SimpleNamespace(lines=(provider,)), params_day=COMPANION_CHANGE)
    assert ceiling_advice(other, theirs, catalogue).endswith(f"{CHECK}."), theirs  # type: ignore[arg-type]
    assert _own_open_prices(1, 1, withdrawn=1).startswith(
        " (tajā ir pati kataloga cena, kas matricas cenu dienā bija apstiprināta, bet atkal nav apstiprināta, nevis "
        "sniedzēja cena, tāpēc bērna N pēc tās atkārtotas apstiprināšanas"), _own_open_prices(1, 1, withdrawn=1)
    assert "vēl" not in _own_open_prices(2, 3, withdrawn=1) and "vēl" not in _own_open_prices(2, 2, withdrawn=2)
