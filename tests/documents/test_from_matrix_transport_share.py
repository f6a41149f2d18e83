"""Transport above the parent contract's share of A (D9) is allowed only with the social worker's written
justification: the signed 2. pielikums states the share and that justification as the matrix has it (audit28 F3,
D9), escaped as text; a plan within the share gets no such words."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.reference.params import Params
from generator.workbook.writer import template_date
from tests.documents.child_render import text
from tests.documents.from_matrix_helpers import plan_reading

DAY = dt.date(2018, 9, 20)
REASON = 'Dzīvesvieta 38 km no pakalpojumu vietām <b>bez</b> autobusa & "Pasakas" ceļa'
SHARE_HEAD = "Transporta daļa:"


def _annex_2(html: str) -> str:
    """The text of the parent contract's 2. pielikums (up to the 3. pielikums)."""
    whole = unescape(text(html))
    start = whole.index("2. pielikums. Atbalsta plāna II daļa")
    return whole[start:whole.index("3. pielikums. Atbalsta plāna III daļa", start)]


def _contract(catalogue: Catalogue, transport_units: int, **values: object) -> tuple[object, str]:
    """A fictional child in Valmiera: 20 speech-therapy sessions at 25,00 EUR and the parent-paid transport (2.4)
    at actual cost up to ``transport_units`` EUR over two months; the context and the parent contract's HTML."""
    reading = plan_reading(catalogue, "valmiera", (
        ("3.1.3i", 20, Decimal("25.00"), (10, 10), "SIA Izdomātā Terapija"),
        ("2.4", transport_units, None, (transport_units // 2, transport_units - transport_units // 2), ""),
    ), **values)
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, template_date(catalogue), False,
                             build_day=DAY)
    return child, next(d.html for d in documents if d.spec.id == "01-ligums-ar-vecaku")


def _limit(catalogue: Catalogue) -> Decimal:
    return Params.from_catalogue(catalogue, template_date(catalogue)).transport_share_max


def test_a_justified_share_above_the_limit_is_stated_with_the_justification(catalogue: Catalogue) -> None:
    _, html = _contract(catalogue, 100, transport_override=REASON)
    needed = Decimal(20 * 25 + 100)
    share = Decimal(100) / needed  # N <= P: A = N, the transport line is funded whole
    assert share > _limit(catalogue)
    annex = _annex_2(html)
    assert SHARE_HEAD in annex
    shown = re.search(r"paredzēti (\d+,\d) % no IB pieejamā apmēra", annex)
    assert shown is not None
    assert Decimal(shown.group(1).replace(",", ".")) == (share * 100).quantize(Decimal("0.1"))
    limit = f"{int(_limit(catalogue) * 100)} %"
    assert f"vairāk nekā līgumā noteiktie {limit}" in annex
    assert "rakstiski pamatojis" in annex
    # the typed text, as text: no markup of its own, its ampersand and quotes kept
    assert "Dzīvesvieta 38 km no pakalpojumu vietām <b>bez</b> autobusa & " in annex
    assert "&lt;b&gt;bez&lt;/b&gt; autobusa &amp;" in html
    assert "<b>bez</b>" not in html
    # the statement stands before the annex's signatures, on their page
    assert annex.index(SHARE_HEAD) < annex.index("Sociālais darbinieks Vārds, uzvārds")


def test_a_share_within_the_limit_adds_nothing(catalogue: Catalogue) -> None:
    child, html = _contract(catalogue, 20, transport_override=REASON)
    assert Decimal(20) / Decimal(520) <= _limit(catalogue)
    assert not child.transport_over
    assert SHARE_HEAD not in text(html)
    assert "Dzīvesvieta 38 km" not in text(html)


def test_a_share_above_the_limit_without_justification_says_there_is_none(catalogue: Catalogue) -> None:
    _, html = _contract(catalogue, 100)
    annex = _annex_2(html)
    assert SHARE_HEAD in annex
    assert "rakstiska pamatojuma matricā nav" in annex


def test_the_share_is_a_blank_while_the_base_amount_is_unconfirmed(catalogue: Catalogue) -> None:
    if catalogue.programme.base_amount.at(template_date(catalogue)).status is PriceStatus.confirmed:
        pytest.skip("kataloga bāzes apmērs ir apstiprināts")
    child, html = _contract(catalogue, 100, transport_override=REASON, base=None)
    annex = _annex_2(html)
    assert child.transport_over and "_" in child.transport_share
    assert re.search(r"paredzēti _+[¹²³⁴⁵⁶⁷⁸⁹]* % no IB pieejamā apmēra", annex)  # its note's mark (D369)
    assert "Tukšā vieta „______ %”" in annex
    # whether the confirmed amounts keep it above the limit is not known yet: said as the matrix's estimate
    assert "pēc matricas aprēķina ar vēl neapstiprinātajām summām tā ir lielāka" in annex
    assert "vairāk nekā līgumā noteiktie" not in annex
    assert "Dzīvesvieta 38 km" in annex
