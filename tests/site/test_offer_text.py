"""The service page's sentence about its workbook rows is generated from the rows and true for them."""

from __future__ import annotations

from decimal import Decimal

from generator.catalogue.catalogue import Offer
from generator.catalogue.models import Form
from generator.site.offer_text import rows_sentence
from generator.workbook.writer import template_date
from tests.site.conftest import BuiltSite
from tests.site.htmltables import text_of, without_glosses

FORMS = {Form.individual: "individuāli", Form.group: "grupā"}


def offer(service, form: Form, ceiling: str | None) -> Offer:
    suffix = "i" if form is Form.individual else "g"
    return Offer(f"{service.id}{suffix}", service, form, f"{service.id}{suffix} {service.short_name_lv}, {FORMS[form]}",
                 Decimal(ceiling) if ceiling else None, None, None)


def test_sentence_follows_the_rows(built_site: BuiltSite) -> None:
    s = built_site.catalogue.sorted_services()[0]
    both = rows_sentence([offer(s, Form.individual, None), offer(s, Form.group, "25.93")], FORMS)
    assert "divās rindās (individuāli un grupā)" in both
    assert f"cenas griesti ir tikai rindai „{s.id}g" in both and f"rindā „{s.id}i" in both
    one = rows_sentence([offer(s, Form.individual, None)], FORMS)
    assert "vienā rindā" in one and "nav cenas griestu" in one and "grup" not in one
    capped = rows_sentence([offer(s, Form.individual, "10")], FORMS)
    assert "vienā rindā" in capped and "tai ir cenas griesti" in capped
    none = rows_sentence([offer(s, Form.individual, None), offer(s, Form.group, None)], FORMS)
    assert "nevienai no tām nav cenas griestu" in none
    every = rows_sentence([offer(s, Form.individual, "1"), offer(s, Form.group, "2")], FORMS)
    assert "katrai rindai ir savi cenas griesti" in every
    assert rows_sentence([], FORMS) == "IBM matricas 6.8. tabulā šai vienībai rindas nav."


def test_no_service_page_claims_a_group_ceiling_it_does_not_have(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    checked = 0
    for s in cat.sorted_services():
        offers = [o for o in cat.offers(template_date(cat)) if o.service.id == s.id]  # the newest round's matrix
        page = without_glosses(text_of(built_site.html(f"katalogs/{s.id}.html")))
        group_with_ceiling = [o for o in offers if o.form is Form.group and o.ceiling is not None]
        if not group_with_ceiling:
            assert "grupu nodarbībai ir savi cenas griesti" not in page, s.id
            assert "cenas griesti ir tikai rindai" not in page, s.id
        expected = rows_sentence([o for o in offers], cat.enums.forms)
        assert expected.split(";")[0] in page, s.id
        checked += 1
    assert checked == len(cat.services)


def test_every_service_page_has_its_rows_table(built_site: BuiltSite) -> None:
    from tests.site.htmltables import tables

    cat = built_site.catalogue
    for s in cat.sorted_services():
        offers = [o for o in cat.offers(template_date(cat)) if o.service.id == s.id]
        rows_tables = [t for t in tables(built_site.html(f"katalogs/{s.id}.html"))
                       if t.header and t.header[0] == "Matricas rinda"]
        assert len(rows_tables) == (1 if offers else 0), s.id
        if offers:
            assert [r[0] for r in rows_tables[0].rows] == [o.label for o in offers], s.id
