"""The collect warning about an envelope smaller than the children's amounts is worded from the reference's own
figures: "no pool" only when there is none; with --previous a pool of the previous period's unspent money is named
as such (review6 F12, D7)."""

from __future__ import annotations

from decimal import Decimal as D

from generator.catalogue.catalogue import Catalogue
from generator.ministry.command import envelope_warning
from generator.reference.final_amounts import ChildAmounts, final_amounts
from generator.reference.params import Params
from generator.workbook.writer import template_date


def _finals(catalogue: Catalogue, children: list[ChildAmounts], envelope: str):  # noqa: ANN202
    fa = final_amounts(children, D(envelope), Params.from_catalogue(catalogue, template_date(catalogue)))
    return fa, sum((c.final for c in fa.children), D(0))


def test_a_pool_from_the_previous_period_is_not_called_no_pool(catalogue: Catalogue) -> None:
    # a: P 50, N 80, previous period planned 40 / spent 10; b: P = N = 40; envelope 100 < Σ min(N, P) 90 + …
    children = [ChildAmounts("a", D("50"), D("80"), D("40"), D("10")), ChildAmounts("b", D("40"), D("40"))]
    fa, total = _finals(catalogue, children, "85")
    assert fa.pool > 0 and total > fa.envelope  # the case of the finding: Σ F above the envelope, a pool shared
    warning = envelope_warning(fa, total, "")
    assert warning is not None
    text = warning.replace("\u00a0", " ")
    assert "pārdales fonda nav" not in text and "mazākais no viņa N un P" not in text, text
    assert "iepriekšējā perioda neizlietotajiem līdzekļiem" in text and "(30,00 EUR)" in text, text
    assert f"pārdales fonds {fa.pool:.2f}".replace(".", ",") in text, text


def test_no_pool_is_said_only_when_there_is_none(catalogue: Catalogue) -> None:
    children = [ChildAmounts("a", D("50"), D("80")), ChildAmounts("b", D("40"), D("40"))]
    fa, total = _finals(catalogue, children, "85")
    assert fa.pool == 0
    warning = envelope_warning(fa, total, " (norādīts ar --envelope)")
    assert warning is not None and "pārdales fonda nav" in warning
    assert "pārsniedz finansējumu 85,00" in warning.replace("\u00a0", " ")
    # Σ F above the envelope only because the previous period's money is shared: nothing to warn about
    covered, total = _finals(catalogue, [ChildAmounts("a", D("50"), D("80"), D("40"), D("10"))], "60")
    assert total > covered.envelope and envelope_warning(covered, total, "") is None
