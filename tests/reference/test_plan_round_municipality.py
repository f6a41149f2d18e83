"""One rule for 6.1 B5 (D104, D113): the municipality must be in the round of the plan's first day, not only in some
children's round. The reference counts a municipality of an earlier round only as one invalid input of 6.1 B5 that
names the plan's round and its municipalities (the matrix, `ibm documents --from-matrix` and `ibm collect` use it);
a code that differs by letter case says which to type, in the other list fields' words; a personal code typed without
its hyphen is read in its written form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.inputs import Parties, municipality_findings, written_personal_code
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook, plan_round
from tests.workbook.conftest import LATER_ROUND, round_catalogue

ROUND_ID, ROUND_START, _ = LATER_ROUND


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return round_catalogue(tmp_path_factory.mktemp("divas-kartas"))


def _inputs(catalogue: Catalogue, start: dt.date, municipality: str) -> WorkbookInputs:
    offer = next(o for o in catalogue.offers(start)
                 if o.service.regime.value == "market" and o.ceiling is None and not o.transport)
    line = line_from_offer(offer, 10, unit_price=Decimal(30), expert_rank=1, planned_units=[10])
    parties = Parties(municipality=municipality, social_worker="Līga Piemēra", child_name="Anna Paraugs",
                      child_code="000000-00000", parent_name="Pēteris Paraugs")
    return WorkbookInputs(birth_date=dt.date(2014, 5, 5), period_start=start, months=1, special_care=False,
                          impairment=None, lines=(line,), base=Decimal(1000), parties=parties)


def _errors(catalogue: Catalogue, start: dt.date, municipality: str) -> list:  # noqa: ANN401
    result = evaluate_workbook(_inputs(catalogue, start, municipality), Params.from_catalogue(catalogue, start))
    return [f for f in result.findings if f.severity is Severity.error]


def test_a_municipality_of_an_earlier_round_is_an_error_of_the_later_rounds_plan(two_rounds: Catalogue) -> None:
    later = two_rounds.round_by_id[ROUND_ID]
    first = next(r for r in two_rounds.rounds if r.id != ROUND_ID and r.programme == later.programme)
    earlier_only = next(m for m in first.municipalities if m not in later.municipalities)
    member = later.municipalities[0]
    assert _errors(two_rounds, ROUND_START, member) == []
    assert _errors(two_rounds, first.services_start, earlier_only) == []  # its own round's plan
    [error] = _errors(two_rounds, ROUND_START, earlier_only)
    assert error.code == "municipality_not_in_round", error
    assert error.message.startswith(f"6.1 B5: pašvaldība „{earlier_only}” nepiedalās programmas kārtā "
                                    f"„{later.name_lv}”, kurā ir plāna pirmā diena {ROUND_START:%d.%m.%Y} (šajā kārtā "
                                    f"piedalās: {', '.join(later.municipalities)})"), error.message
    assert "izmēģinājumprojekt" not in error.message


def test_a_capitalised_code_says_which_to_type_and_names_the_plans_round(two_rounds: Catalogue) -> None:
    later = two_rounds.round_by_id[ROUND_ID]
    member = later.municipalities[0]
    [error] = _errors(two_rounds, ROUND_START, member.capitalize())
    assert error.code == "municipality_not_listed"
    assert (f"ievadīts „{member.capitalize()}” (atšķiras ar atstarpi vai burtu lielumu – ierakstiet „{member}”; "
            f"programmas kārtā „{later.name_lv}”, kurā ir plāna pirmā diena {ROUND_START:%d.%m.%Y}, piedalās: "
            f"{', '.join(later.municipalities)})") in error.message, error.message
    assert "izmēģinājumprojekt" not in error.message
    # a code of no round at all names no fix, only who takes part
    [error] = _errors(two_rounds, ROUND_START, "nav-tadas")
    assert "ierakstiet" not in error.message and f"piedalās: {', '.join(later.municipalities)})" in error.message


def test_without_a_round_of_the_first_day_the_childrens_rounds_are_named(two_rounds: Catalogue) -> None:
    [error] = municipality_findings("Liepaja", ("liepaja", "talsi"), None)
    assert error.message.endswith("(atšķiras ar atstarpi vai burtu lielumu – ierakstiet „liepaja”; bērnu programmas "
                                  "kārtās piedalās: liepaja, talsi).")
    params = Params.from_catalogue(two_rounds, ROUND_START)
    assert plan_round(params, ROUND_START - dt.timedelta(days=1)) is None  # between the rounds: none
    assert plan_round(params, ROUND_START).municipalities == tuple(two_rounds.round_by_id[ROUND_ID].municipalities)


@pytest.mark.parametrize(("typed", "written"), [("010519-20019", "010519-20019"), ("01051920019", "010519-20019"),
                                                (" 01051920019 ", "010519-20019"), ("010519 20019", None),
                                                ("0105192001", None), ("010519-2001a", None),
                                                ("٠١٠٥١٩-٢٠٠١٩", None), ("０１０５１９-２００１９", None)])
def test_a_personal_code_is_read_in_its_written_form(typed: str, written: str | None) -> None:
    assert written_personal_code(typed) == written


def test_the_matrix_names_the_first_days_cell_where_the_template_has_it() -> None:
    from generator.workbook.input_checks import START_PLACE
    from generator.workbook.sheets.personal import FIELDS

    row = next(f[0] for f in FIELDS if f[3] == "Perioda_Sakums")
    assert START_PLACE == f"6.1 B{row}"
