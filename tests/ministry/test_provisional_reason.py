"""Why the collected amounts are provisional names the ways to confirmed ones that are still open: with --envelope
given, the other is the ministry's B in the matrix (6.11), not --envelope again (review5 F7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.ministry.collect import Options, provisional_reason

DAY = dt.date(2018, 10, 1)
COLLECTED = dt.date(2019, 4, 2)  # the collection's day (Options.day)


def _record(base: Decimal | None, catalogue_base: Decimal = Decimal("3000.00"), confirmed: bool = False) -> SimpleNamespace:
    return SimpleNamespace(params_day=DAY, inputs=SimpleNamespace(base=base), catalogue_base=catalogue_base,
                           base_confirmed=confirmed)


def test_each_reason_names_its_own_way_to_confirmed_amounts(catalogue: Catalogue) -> None:
    assert catalogue.programme.base_amount.at(DAY).status is not PriceStatus.confirmed  # the pilot's B: jāprecizē
    default = provisional_reason([_record(None)], Options(day=COLLECTED))
    assert default is not None and default.endswith("kad LM apstiprinātais bāzes apmērs B būs ierakstīts katalogā (tas "
                                                    "pats apmērs; noteicošais ir pēdējais šā apmēra ieraksts līdz "
                                                    "savākšanas dienai) vai finansējums norādīts "
                                                    "komandā ar --envelope"), default
    given = provisional_reason([_record(None)], Options(envelope=Decimal("6000"), day=COLLECTED))
    assert given is not None and "--envelope" not in given.split("apstiprinātos apmērus dos", 1)[1], given
    assert given.endswith("būs ierakstīts katalogā (tas pats apmērs; noteicošais ir pēdējais šā apmēra "
                          "ieraksts līdz savākšanas dienai) vai matricas 6.11. tabulā"), given
    # B's status is the one last recorded for its amount by the collection's day (D296): the text names that day and
    # the matrix's, not that LM has not confirmed B, nor a B "in force" that day (another amount may be, D303)
    for text in (default, given):
        assert "spēkā savākšanas dienā" not in text, text
        assert "kamēr LM nav apstiprinājusi" not in text, text
        assert "matricas cenu dienā, tāpēc galīgie apmēri ir provizoriski" in text, text
        assert f"arī savākšanas dienā {COLLECTED:%d.%m.%Y} katalogā tas pats B nav apstiprināts" in text, text
    # said in words to an analyst: no catalogue file or field path (audit27b F10)
    for text in (default, given):
        assert not any(code in text for code in ("catalogue/", ".yaml", "base_amount")), text
    assert provisional_reason([_record(Decimal("2800.00"))], Options(envelope=Decimal("6000"))) is None
    # the catalogue's own unconfirmed B copied into 6.11 is no ministry B (D257, D268): still provisional
    copied = Decimal(str(catalogue.programme.base_amount.at(DAY).value))
    assert provisional_reason([_record(copied, copied)], Options(envelope=Decimal("6000"), day=COLLECTED)) == given


def test_the_base_rule_is_the_references(catalogue: Catalogue) -> None:
    """D257/D268: collect asks the record's Params.base_confirmed (reference.params), not the catalogue's status word:
    the same copied B is provisional under an unconfirmed catalogue B and the ministry's own under a confirmed one."""
    copied = Decimal(str(catalogue.programme.base_amount.at(DAY).value))
    given = Options(envelope=Decimal("6000"))
    assert provisional_reason([_record(copied, copied, confirmed=False)], given) is not None
    assert provisional_reason([_record(copied, copied, confirmed=True)], given) is None
    assert provisional_reason([_record(None, copied, confirmed=True)], given) is None
