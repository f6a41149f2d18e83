"""D287 in the matrix, recalculated by LibreOffice: the transport share above programme.yaml's limit is a warning
(6.11's h_TranspParsniegts, Bridinajumi) only in a matrix whose round confirms the limit; in a round that does not,
6.11 shows the limit's status „jāprecizē”, 6.4 shows „jāprecizē” for the limit and nothing is counted – the same
outputs as the reference in both (tests/documents/test_transport_round_limit.py: the papers).

D378: in the confirming round, a plan whose third line is void (a sub-cent 6.8 price or half a session) has a share
above the limit only because N leaves that line out: the matrix counts the one invalid input, as the reference does,
and 6.6 shows the void line's period units as 6.4 does („nederīgs”, not 0); with the price in whole cents, no error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.reading import read_for_documents
from generator.documents.from_matrix.signing import TRANSPORT_ERROR
from generator.ministry.templates import TemplateSource
from generator.recalc import make_profile
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.sheets.calculation import INVALID_UNITS, TRANSPORT_STATUS_NAME
from generator.workbook.sheets.technical import rule_row_of
from generator.workbook.writer import template_date, write_workbook
from tests.documents.test_transport_round_limit import SERVICES, _catalogue
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.kept_book import kept_book

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]


# D378: the third line of 3.1.7i – (units, price) – with which the plan keeps within the limit (6,3 %), and its void
# variants: left out of N, they leave the share of the rest 16,7 %
THIRD = {"labota": ("30", "32.75"), "nederiga-cena": ("30", "32.745"), "nederigs-daudzums": ("30.5", "32.75")}


def _inputs(catalogue: Catalogue, third: str | None = None) -> WorkbookInputs:
    """20 sessions at 25,00 EUR and parent-paid transport up to 100 EUR: 16,7 % of A = N, no reason typed; ``third``:
    a THIRD line between them (its month plans whole sessions: half a session is one invalid input, on 6.3 only)."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    lines = (line_from_offer(offers["3.1.3i"], 20, unit_price=Decimal("25.00"), planned_units=(10, 10)),
             line_from_offer(offers["2.4"], 100, planned_units=(50, 50)))
    if third is not None:
        units, price = THIRD[third]
        lines = (lines[0], line_from_offer(offers["3.1.7i"], Decimal(units), unit_price=Decimal(price),
                                           planned_units=(15, 15)), lines[1])
    return WorkbookInputs(birth_date=SERVICES[0].replace(year=2016), period_start=SERVICES[0], months=2,
                          special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[bool | str, tuple[Catalogue, Path, object, Path]]:
    """By whether the round confirms the limit, and (D378) by THIRD's names in the confirming round: the catalogue,
    the template, the values LibreOffice recalculates and the filled file."""
    require_uno()
    folder = tmp_path_factory.mktemp("transport-limit")
    made = {}
    for confirmed in (False, True):
        catalogue = _catalogue(folder / f"katalogs-{confirmed}", confirmed=confirmed)
        template = write_workbook(catalogue, folder / f"matrica-{confirmed}.xlsx", "valmiera")
        for key in (confirmed, *(THIRD if confirmed else ())):
            wb = kept_book(template)
            cells = InputCells(template, wb)  # before filling: it keeps the template's inputs to compare with
            inputs = _inputs(catalogue, None if isinstance(key, bool) else key)
            fill(wb, inputs, recipient_labels(catalogue), municipality="valmiera",
                 template_prices=read(wb, "Pak_Cena"))
            path = folder / f"aizpildita-{key}.xlsx"
            cells.save(wb, path, len(inputs.lines), [])
            made[key] = (catalogue, template, path)
    values = recalculated_values([m[2] for m in made.values()], profile=make_profile(folder / "profile"))
    return {key: (*m[:2], v, m[2]) for (key, m), v in zip(made.items(), values, strict=True)}


def test_the_matrix_counts_the_share_only_where_the_round_confirms_the_limit(recalculated) -> None:  # noqa: ANN001
    for confirmed in (False, True):
        catalogue, _, values, _ = recalculated[confirmed]
        params = Params.from_catalogue(catalogue, template_date(catalogue))
        expected = evaluate_workbook(_inputs(catalogue), params)
        assert not differences(expected.named_values(), values), confirmed
        assert values["h_TranspParsniegts"] == int(confirmed)
        assert values["Bridinajumi"] == expected.warnings
        assert sum(f.code == "transport_share" for f in expected.findings) == int(confirmed)
        assert values[TRANSPORT_STATUS_NAME] == (PriceStatus.confirmed.value if confirmed
                                                 else PriceStatus.to_verify.value)


def test_611_and_64_say_the_limit_is_to_be_checked(recalculated) -> None:  # noqa: ANN001
    _, template, values, _ = recalculated[False]
    texts = [str(v) for name, _, v in values.all_values() if name in ("6.4", "6.11") and isinstance(v, str)]
    assert PriceStatus.to_verify.value in texts  # 6.4's limit beside the share
    assert any("robeža bez rakstiska pamatojuma: jāprecizē Labklājības ministrijas noteikumos par kārtu" in t
               for t in texts)
    # the template caches the same (a file never recalculated shows it too)
    ws = load_workbook(template, data_only=True)["6.11"]
    assert any(c.value == PriceStatus.to_verify.value for row in ws.iter_rows() for c in row)


def _rule_count(values, code: str) -> object:  # noqa: ANN001
    """6.11's count of rule ``code`` (its column E)."""
    return values._cells["6.11"].get((rule_row_of(code), 5))


def _line_66(values, line: int) -> tuple[object, object]:  # noqa: ANN001
    """6.6's „Daudzums periodā” and „Kopā” of plan line ``line`` (0-based)."""
    months = values.ranges["Men_Daudzums"]
    row = months.min_row + line
    return values._cells["6.6"].get((row, months.min_col - 1)), values._cells["6.6"].get((row, months.max_col + 1))


@pytest.mark.parametrize("third", list(THIRD))
def test_a_void_line_is_the_one_error_while_the_share_waits(recalculated, third: str) -> None:  # noqa: ANN001
    catalogue, _, values, _ = recalculated[third]
    inputs = _inputs(catalogue, third)
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    expected = evaluate_workbook(inputs, params)
    assert not differences(expected.named_values(), values), third
    void = third != "labota"
    assert values["h_NederigasRindas"] == int(void) and values["h_TranspParsniegts"] == 0
    assert values["Kludas"] == expected.errors == int(void), (third, values["Kludas"])
    assert values["Transporta_Dala"] > params.transport_share_max if void else values["Transporta_Dala"] < 0.1
    assert _rule_count(values, "transport_share") == _rule_count(values, "transport_share_overridden") == 0
    # 6.6 says of the line's units what 6.4 says: „nederīgs” for half a session, not the 0 N reads (D378)
    shown = INVALID_UNITS if third == "nederigs-daudzums" else 30
    assert _line_66(values, 1) == (shown, 30), _line_66(values, 1)


def test_the_papers_name_the_void_line_alone(recalculated) -> None:  # noqa: ANN001
    """`ibm documents --from-matrix` (and `ibm collect`, from the same reference) refuses the void plan for its invalid
    input only: no transport error, so no justification asked for; the plan without the void line still has one."""
    for key, void in ((True, False), ("nederiga-cena", True)):
        catalogue, _, _, path = recalculated[key]
        reading = read_for_documents(path, catalogue, TemplateSource(catalogue), None)
        assert reading.outcome is not None, reading.refused
        errors = [f.code for f in reading.outcome.findings if f.counts and f.severity is Severity.error]
        transport = [e for e in reading.errors if e.startswith(TRANSPORT_ERROR)]
        assert (errors, len(transport)) == ((["money_cents"], 0) if void else (["transport_share"], 1)), (key, errors)
