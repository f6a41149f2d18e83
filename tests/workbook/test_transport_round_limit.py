"""D287 in the matrix, recalculated by LibreOffice: the transport share above programme.yaml's limit is a warning
(6.11's h_TranspParsniegts, Bridinajumi) only in a matrix whose round confirms the limit; in a round that does not,
6.11 shows the limit's status „jāprecizē”, 6.4 shows „jāprecizē” for the limit and nothing is counted – the same
outputs as the reference in both (tests/documents/test_transport_round_limit.py: the papers)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.sheets.calculation import TRANSPORT_STATUS_NAME
from generator.workbook.writer import template_date, write_workbook
from tests.documents.test_transport_round_limit import SERVICES, _catalogue
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.kept_book import kept_book

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]


def _inputs(catalogue: Catalogue) -> WorkbookInputs:
    """20 sessions at 25,00 EUR and parent-paid transport up to 100 EUR: 16,7 % of A = N, no reason typed."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    lines = (line_from_offer(offers["3.1.3i"], 20, unit_price=Decimal("25.00"), planned_units=(10, 10)),
             line_from_offer(offers["2.4"], 100, planned_units=(50, 50)))
    return WorkbookInputs(birth_date=SERVICES[0].replace(year=2016), period_start=SERVICES[0], months=2,
                          special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, tuple[Catalogue, Path, object]]:
    require_uno()
    folder = tmp_path_factory.mktemp("transport-limit")
    made = {}
    for confirmed in (False, True):
        catalogue = _catalogue(folder / f"katalogs-{confirmed}", confirmed=confirmed)
        template = write_workbook(catalogue, folder / f"matrica-{confirmed}.xlsx", "valmiera")
        wb = kept_book(template)
        cells = InputCells(template, wb)  # before filling: it keeps the template's inputs to compare with
        fill(wb, _inputs(catalogue), recipient_labels(catalogue), municipality="valmiera",
             template_prices=read(wb, "Pak_Cena"))
        path = folder / f"aizpildita-{confirmed}.xlsx"
        cells.save(wb, path, 2, [])
        made[confirmed] = (catalogue, template, path)
    values = recalculated_values([made[c][2] for c in (False, True)], profile=make_profile(folder / "profile"))
    return {c: (made[c][0], made[c][1], v) for c, v in zip((False, True), values, strict=True)}


def test_the_matrix_counts_the_share_only_where_the_round_confirms_the_limit(recalculated) -> None:  # noqa: ANN001
    for confirmed, (catalogue, _, values) in recalculated.items():
        params = Params.from_catalogue(catalogue, template_date(catalogue))
        expected = evaluate_workbook(_inputs(catalogue), params)
        assert not differences(expected.named_values(), values), confirmed
        assert values["h_TranspParsniegts"] == int(confirmed)
        assert values["Bridinajumi"] == expected.warnings
        assert sum(f.code == "transport_share" for f in expected.findings) == int(confirmed)
        assert values[TRANSPORT_STATUS_NAME] == (PriceStatus.confirmed.value if confirmed
                                                 else PriceStatus.to_verify.value)


def test_611_and_64_say_the_limit_is_to_be_checked(recalculated) -> None:  # noqa: ANN001
    _, template, values = recalculated[False]
    texts = [str(v) for name, _, v in values.all_values() if name in ("6.4", "6.11") and isinstance(v, str)]
    assert PriceStatus.to_verify.value in texts  # 6.4's limit beside the share
    assert any("robeža bez rakstiska pamatojuma: jāprecizē Labklājības ministrijas noteikumos par kārtu" in t
               for t in texts)
    # the template caches the same (a file never recalculated shows it too)
    ws = load_workbook(template, data_only=True)["6.11"]
    assert any(c.value == PriceStatus.to_verify.value for row in ws.iter_rows() for c in row)
