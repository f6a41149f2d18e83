"""The documents' price list caps with the group-session ceiling the items the catalogue's `applies_to` names, as
sheet 6.8 and `ibm changes` do, and describes them from that scope (review5 F10)."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.catalogue import GROUP_CEILING_ID, Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents.figures import regulated_prices
from generator.workbook.writer import template_date

CEILING = "prices/grupu-nodarbibu-griesti.yaml"


def _group_row(catalogue: Catalogue):  # noqa: ANN202
    [row] = [r for r in regulated_prices(catalogue, template_date(catalogue)) if r.group]
    return row


def test_the_shipped_scope_caps_the_group_items_of_market_services(catalogue: Catalogue) -> None:
    row = _group_row(catalogue)
    assert row.offers == frozenset(catalogue.price_items(catalogue.price_by_id[GROUP_CEILING_ID]))
    assert "1.1.1g" in row.offers and "1.1.1i" not in row.offers and "3.6" not in row.offers
    assert row.label.startswith("Grupu nodarbība (tirgus cenas pakalpojumi, ko sniedz grupā) – augstākā cena"), row


def test_a_wider_scope_in_the_catalogue_is_what_the_documents_cap(catalogue_copy: Path) -> None:
    for name in (CEILING, "prices/grupu-nodarbibu-transporta-samazinajums.yaml"):  # both scopes agree (crossrefs)
        path = catalogue_copy / name
        text = path.read_text("utf-8")
        assert text.count("  forms: [group]") == 1
        path.write_text(text.replace("  forms: [group]", "  forms: [individual, group]"), "utf-8")
    wider = load_or_raise(catalogue_copy)
    row = _group_row(wider)
    assert "1.1.1i" in row.offers and "1.1.1g" in row.offers
    assert row.offers == frozenset(wider.price_items(wider.price_by_id[GROUP_CEILING_ID]))
    assert row.label.startswith("Grupu nodarbība (tirgus cenas pakalpojumi, ko sniedz individuāli vai grupā)"), row
