"""What a child's papers say about the amounts the ministry sets (audit10 F8, F10; D101). The grant decision (08)
names the ministry's document behind the base amount B written in the matrix and behind a final amount F that
decides A – in its facts (a blank for the document's date and number) and in its legal basis; with N > P and no
F yet it says that a new decision follows once F is set. The parent contract (01) pays what annex 2 funds from
the IB, and with N > P and no F says, as 02/03 do, that the rest is not financed until F or a changed plan.
Proven on the rendered HTML of a fictional child."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import ChildContext
from generator.documents.registry import by_id
from tests.documents.child_render import child_html, text

GRANT, PARENT = "08-lemums-par-pieskirsanu", "01-ligums-ar-vecaku"
NEW_DECISION = "Kad Labklājības ministrija noteiks IB galīgo apmēru, Dienests pieņems jaunu lēmumu par IB pieejamo apmēru."
IF_OVER = "Ja IB nepieciešamais apmērs pārsniedz provizorisko"  # N > P as a condition (D297)
NOT_FINANCED = "to nefinansē, līdz Labklājības ministrija nosaka IB galīgo apmēru vai atbalsta plānu groza."


def _docs(catalogue: Catalogue, units: int, **inputs: object) -> tuple[ChildContext, dict[str, str]]:
    child, html = child_html(catalogue, units, **inputs)
    return child, {doc_id: text(body) for doc_id, body in html.items()}


@pytest.fixture(scope="module")
def pending(catalogue: Catalogue) -> tuple[ChildContext, dict[str, str]]:
    """N = 160 × 25,00 = 4 000,00 > P = 70 % × 3 100,00 = 2 170,00, no F: A = P."""
    return _docs(catalogue, 160)


def test_the_grant_names_the_ministrys_documents_behind_b_and_f(catalogue: Catalogue) -> None:
    child, docs = _docs(catalogue, 160, final=Decimal("3000.00"))
    assert child.final_applies
    grant = docs[GRANT]
    base = "1.3. Labklājības ministrija ar šādu dokumentu ir noteikusi bāzes apmēru (B) 3 100,00 EUR: Dokumenta datums un Nr."
    final = ("1.4. Labklājības ministrija pēc neizlietotā finansējuma pārdales ar šādu dokumentu ir noteikusi bērna "
             "individuālā budžeta galīgo apmēru (F) 3 000,00 EUR: Dokumenta datums un Nr.")
    assert base in grant and final in grant
    assert "Tukšās vietas 1.3. un 1.4. punktā: datumu un numuru ieraksta no Labklājības ministrijas" in grant
    basis = grant.split("Lēmums pieņemts, pamatojoties uz:", 1)[1].split("3. Pamatojums", 1)[0]
    assert ("Labklājības ministrijas dokumentus, kas minēti 1.3. un 1.4. punktā (bāzes apmērs un individuālā "
            "budžeta galīgais apmērs);") in basis
    # F is set: no promise of a later decision on it
    assert NEW_DECISION not in grant


def test_without_f_the_grant_says_a_new_decision_follows(pending) -> None:  # noqa: ANN001
    child, docs = pending
    assert child.needed_over_provisional and not child.final and not child.final_applies
    grant = docs[GRANT]
    assert NEW_DECISION in grant
    assert "līdz tam IB pieejamais apmērs ir provizoriskais" in grant
    # only B (written in the matrix) is the ministry's document here
    assert "Labklājības ministrija ar šādu dokumentu ir noteikusi bāzes apmēru (B) 3 100,00 EUR" in grant
    assert "galīgo apmēru (F)" not in grant
    assert "Tukšā vieta 1.3. punktā" in grant
    assert "Labklājības ministrijas dokumentu, kas minēts 1.3. punktā (bāzes apmērs);" in grant


def test_without_ministry_amounts_the_grant_cites_no_ministry_document(catalogue: Catalogue) -> None:
    """N <= P on the catalogue's base (none written in the matrix): no facts line, no basis line; the new decision
    on F is only a condition, as the confirmed B may still make N > P (D297)."""
    child, docs = _docs(catalogue, 40, base=None)
    grant = docs[GRANT]
    assert child.base_amount is None and not child.needed_over_provisional
    assert "Labklājības ministrija ar šādu dokumentu" not in grant
    assert "Labklājības ministrijas dokument" not in grant
    assert f"{IF_OVER} un Labklājības ministrija IB galīgo apmēru vēl nav noteikusi, līdz tam" in grant
    assert "IB nepieciešamais apmērs pārsniedz provizorisko, un" not in grant


def test_an_f_that_does_not_decide_a_is_not_cited(catalogue: Catalogue) -> None:
    """N <= P: A = N whatever F the matrix holds, so F is no basis of the act."""
    child, docs = _docs(catalogue, 40, final=Decimal("900.00"))
    assert child.final and not child.final_applies
    assert "galīgo apmēru (F)" not in docs[GRANT]


def test_the_parent_contract_pays_the_ib_column_and_says_the_rest_waits(pending) -> None:  # noqa: ANN001
    _, docs = pending
    contract = docs[PARENT]
    assert ("perioda kopējais apjoms nevar pārsniegt atbalsta plānā noteikto, un no IB katram pakalpojumam apmaksā "
            "ne vairāk kā atbalsta plāna II daļas (2. pielikums) ailē „No IB, EUR” norādīto summu.") in contract
    assert ("IB nepieciešamais apmērs pārsniedz provizorisko, tāpēc no IB apmaksā tikai to plāna daļu, kas pēc "
            "pakalpojumu prioritātes iekļaujas IB pieejamajā apmērā") in contract
    assert ("Pārējo atbalsta plānā paredzēto pakalpojumu apjomu no IB nemaksā, un atbalsta plānā tam nav paredzēts "
            f"cits finansējuma avots: {NOT_FINANCED}") in contract
    # the provider's contract says the same about the rest
    provider = next(v for k, v in docs.items() if k.startswith("02-"))
    assert NOT_FINANCED in provider


def test_the_rest_clause_names_the_plans_other_sources(catalogue: Catalogue) -> None:
    _, docs = _docs(catalogue, 160, other=Decimal("100.00"))
    contract = docs[PARENT]
    assert "Atbalsta plānā pārējā finansēšanai var izmantot šādus avotus: citi finanšu avoti." in contract
    assert f"no IB nemaksā; ciktāl šie avoti to nesedz, {NOT_FINANCED}" in contract


def test_with_f_or_n_within_p_the_parent_contract_has_no_waiting_clause(catalogue: Catalogue) -> None:
    for child, docs in (_docs(catalogue, 160, final=Decimal("3000.00")), _docs(catalogue, 40)):
        assert not child.final_pending
        assert "līdz Labklājības ministrija nosaka IB galīgo apmēru" not in docs[PARENT]
        assert "ailē „No IB, EUR” norādīto summu" in docs[PARENT]  # the general rule stays


SHORT = "IB galīgais apmērs (F), ko noteikusi Labklājības ministrija, nesedz visu atbalsta plānu, tāpēc no IB apmaksā"
MONTHS_NOTE = "Tabulā ir viss atbalsta plānā paredzētais apjoms, nevis no IB apmaksātais"


def test_an_f_below_n_leaves_the_rest_of_the_plan_unfinanced_in_01_and_08(catalogue: Catalogue) -> None:
    """N = 4 000,00 > F = 3 000,00 = A: the ministry's F pays part of the plan for good (audit12 F2)."""
    child, docs = _docs(catalogue, 160, final=Decimal("3000.00"))
    assert child.final_short and not child.final_pending
    contract, grant = docs[PARENT], docs[GRANT]
    assert SHORT in contract
    assert ("Pārējo atbalsta plānā paredzēto pakalpojumu apjomu no IB nemaksā, un atbalsta plānā tam nav paredzēts "
            "cits finansējuma avots: to nefinansē, līdz atbalsta plānu groza.") in contract
    assert MONTHS_NOTE in contract
    assert ("IB galīgais apmērs (F) nesedz visu atbalsta plānu: no IB apmaksā tikai to plāna daļu, kas pēc "
            "pakalpojumu prioritātes iekļaujas IB pieejamajā apmērā; pārējo atbalsta plānā paredzēto pakalpojumu "
            "apjomu no IB nemaksā, līdz atbalsta plānu groza.") in grant


def test_without_f_the_grant_too_says_the_rest_waits(pending) -> None:  # noqa: ANN001
    _, docs = pending
    assert ("IB pieejamais apmērs nesedz visu atbalsta plānu: no IB apmaksā tikai to plāna daļu, kas pēc "
            "pakalpojumu prioritātes iekļaujas IB pieejamajā apmērā; pārējo atbalsta plānā paredzēto pakalpojumu "
            "apjomu no IB nemaksā, līdz Labklājības ministrija nosaka IB galīgo apmēru vai atbalsta plānu groza.") \
        in docs[GRANT]
    assert MONTHS_NOTE in docs[PARENT]


def test_an_f_that_covers_n_leaves_nothing_unfinanced(catalogue: Catalogue) -> None:
    for child, docs in (_docs(catalogue, 160, final=Decimal("4000.00")), _docs(catalogue, 40)):
        assert not child.ib_short
        assert "nesedz visu atbalsta plānu" not in docs[PARENT] + docs[GRANT]
        assert MONTHS_NOTE not in docs[PARENT]


def test_the_blank_grant_has_room_for_the_ministrys_f_document(catalogue: Catalogue) -> None:
    """The municipality's blank 08 has the F column, so it has D101's parts too: the facts' line for the ministry's
    document, the basis bullet citing it, and the new decision while F is awaited (audit12 F3)."""
    doc = render_municipality(catalogue, catalogue.municipality("madona"), [by_id(GRANT)])[0]
    grant = text(doc.html)
    found = re.search(r"(\d+\.\d+\.) Labklājības ministrija pēc neizlietotā finansējuma pārdales ar šādu dokumentu ir "
                      r"noteikusi bērna individuālā budžeta galīgo apmēru \(F\) \(aizpilda, ja tas noteikts\): Dokumenta datums un Nr\.",
                      grant)
    assert found, grant
    clause = found.group(1)
    basis = grant.split("Lēmums pieņemts, pamatojoties uz:", 1)[1].split("3. Pamatojums", 1)[0]
    assert f"Labklājības ministrijas dokumentu, kas minēts {clause} punktā (individuālā budžeta galīgais apmērs; ja noteikts);" in basis
    assert NEW_DECISION in grant
    assert ("Ja IB nepieciešamais apmērs pārsniedz provizorisko un Labklājības ministrija IB galīgo apmēru vēl nav "
            "noteikusi, līdz tam IB pieejamais apmērs ir provizoriskais.") in grant
