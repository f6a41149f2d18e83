"""Money in whole cents (D87) and the fields a contract needs once the plan has a service (D88): the reference
counts each as the matrix counts its invalid input cells."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.inputs import REQUIRED_PARTIES, Parties, check_cents, check_parties, subcent
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.sheets import personal

D = Decimal
START = dt.date(2018, 10, 1)
FILLED = Parties(municipality="liepaja", social_worker="Līga Piemēra", child_name="Anna Paraugs",
                 child_code="000000-00000", parent_name="Pēteris Paraugs")


def _market(catalogue: Catalogue):  # noqa: ANN202 - an Offer
    return next(o for o in catalogue.offers(START)
                if o.service.regime.value == "market" and o.ceiling is None and not o.transport)


def _inputs(catalogue: Catalogue, price: Decimal, **changes: object) -> WorkbookInputs:
    line = line_from_offer(_market(catalogue), 10, unit_price=price, expert_rank=1, planned_units=[10])
    base = WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=1, special_care=False,
                          impairment=None, lines=(line,), base=D(1000), parties=FILLED)
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(("value", "wrong"), [(D("42.67"), False), (D("42.6700"), False), (D("42"), False),
                                              (D("42.6712"), True), (D("1.335"), True), (D("0.001"), True),
                                              (None, False)])
def test_subcent(value: Decimal | None, wrong: bool) -> None:
    assert subcent(value) is wrong


def test_a_subcent_price_is_one_error_per_item_whatever_lines_share_it(catalogue: Catalogue) -> None:
    offer = _market(catalogue)
    lines = [line_from_offer(offer, n, unit_price=D("42.6712")) for n in (3, 5)]
    found = check_cents(lines, {})
    assert [f.code for f in found] == ["money_cents"] and found[0].severity is Severity.error
    assert "ne vairāk kā diviem cipariem aiz komata" in found[0].message and "42,6712" in found[0].message


def test_payments_and_amounts_in_cents(catalogue: Catalogue) -> None:
    line = line_from_offer(_market(catalogue), 4, unit_price=D(10), paid=[D("10.00"), D("10.005")])
    found = check_cents([line], {"bāzes apmēram B (6.11. tabulā)": D("1000.001"), "pabalstu summai": D("5.5")})
    assert [(f.code, f.month) for f in found] == [("money_cents", 2), ("money_cents", None)]
    assert found[1].message.startswith("Bāzes apmēram B (6.11. tabulā) jābūt summai euro")


def test_workbook_counts_a_subcent_price_and_leaves_out_its_line(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    good = evaluate_workbook(_inputs(catalogue, D("42.67")), params)
    bad = evaluate_workbook(_inputs(catalogue, D("42.6712")), params)
    assert good.errors == 0 and bad.errors == 1
    assert [f.code for f in bad.findings if f.severity is Severity.error] == ["money_cents"]
    assert good.line_cost == (D("426.70"),) and good.needed == D("426.70")
    assert bad.line_cost == (None,) and bad.needed == 0  # D332: no amount from the invalid price, as in the matrix


def test_subcent_final_is_one_error_not_two(catalogue: Catalogue) -> None:
    """A sub-cent F above N is one invalid cell in the matrix: the reference counts it once too."""
    params = Params.from_catalogue(catalogue, START)
    inputs = _inputs(catalogue, D(300), base=D(100), final=D("99999.999"))
    result = evaluate_workbook(inputs, params)
    assert result.needed > result.provisional
    assert [f.code for f in result.findings if f.severity is Severity.error] == ["money_cents"]


@pytest.mark.parametrize("party", REQUIRED_PARTIES, ids=lambda p: p.name)
def test_each_empty_party_field_is_one_error_once_the_plan_has_a_service(catalogue: Catalogue, party) -> None:  # noqa: ANN001
    params = Params.from_catalogue(catalogue, START)
    for empty in (None, "", "   "):
        parties = dataclasses.replace(FILLED, **{party.attr: empty})
        result = evaluate_workbook(_inputs(catalogue, D(30), parties=parties), params)
        errors = [f for f in result.findings if f.severity is Severity.error]
        assert [f.code for f in errors] == ["required_field"], empty
        assert errors[0].message == f"{party.where}: {party.label} jābūt aizpildītam, jo plānā ir pakalpojumi."


def test_no_party_field_is_required_without_a_service() -> None:
    assert check_parties(Parties(), [PlanLine(offer_id=None, planned_units=(D(1),))]) == []
    assert len(check_parties(Parties(), [PlanLine(offer_id="3.1.2i")])) == len(REQUIRED_PARTIES)
    assert check_parties(FILLED, [PlanLine(offer_id="3.1.2i")]) == []


def test_party_fields_name_the_templates_cells() -> None:
    """Each field's "6.1 B13" is where 6.1 writes the field's defined name."""
    rows = {name: row for row, _, _, name, _, _ in personal.FIELDS if name}
    for party in REQUIRED_PARTIES:
        assert party.where == f"{personal.SHEET} B{rows[party.name]}", party


def test_a_municipality_outside_the_childrens_rounds_is_one_invalid_input(catalogue: Catalogue) -> None:
    """6.1 B5 takes its value from the children's rounds' municipalities letter for letter (D104): another catalogue
    municipality, a name instead of the code, or a code in capitals is one error, with or without a service."""
    params = Params.from_catalogue(catalogue, START)
    pilots = [m.id for m in catalogue.pilot_municipalities()]
    assert params.municipalities == tuple(pilots)
    outside = next(m for m in catalogue.municipalities.municipalities if m.id not in pilots)
    for typed in (outside.id, outside.name_lv, pilots[0].upper()):
        result = evaluate_workbook(_inputs(catalogue, D(30), parties=dataclasses.replace(FILLED, municipality=typed)),
                                   params)
        errors = [f for f in result.findings if f.severity is Severity.error]
        assert [f.code for f in errors] == ["municipality_not_listed"] and result.errors == 1, typed
        assert errors[0].message.startswith(f"6.1 B5: pašvaldības kodam jābūt vienai no saraksta vērtībām (burts "
                                            f"burtā), ievadīts „{typed}”"), errors[0].message
    assert evaluate_workbook(_inputs(catalogue, D(30)), params).errors == 0  # FILLED: a pilot municipality
    no_service = [PlanLine(offer_id=None)]
    assert [f.code for f in check_parties(Parties(municipality=outside.id), no_service, pilots)] == [
        "municipality_not_listed"]
    assert check_parties(Parties(municipality=outside.id), no_service) == []  # no list: not checked
