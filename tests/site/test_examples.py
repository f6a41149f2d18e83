"""The worked examples are computed by the reference implementation, with the catalogue's rules."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.reference.params import Params
from generator.reference.plan import NOT_FUNDED, needed_amount
from generator.reference.provisional import provisional_amount
from generator.site import examples, text
from generator.site.examples_page import render_examples
from generator.site.line_status import LINE_STATUS
from tests.round_yaml import catalogue_with_round, children_round_entry
from tests.site.catalogue_edit import set_parameter
from tests.site.conftest import BuiltSite, amounts
from tests.site.htmltables import tables, text_of


def test_provisional_amounts_on_the_page_are_the_reference_results(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    when = examples.timing(cat)
    params = Params.from_catalogue(cat, when.start)
    table = tables(built_site.html("piemeri.html"))[0]
    assert len(table.rows) == len(examples.CHILDREN)
    for row, child in zip(table.rows, examples.CHILDREN, strict=True):
        check = when.check_date
        expected = provisional_amount(examples.birth_date(check, child.age), check, child.special_care, params)
        assert row[0] == child.name
        assert int(row[2]) == child.age == expected.age
        assert row[4] == text.percent(expected.rate)
        assert amounts(row[5]) == [expected.amount]


def test_plan_tables_add_up_to_the_needed_amount(built_site: BuiltSite) -> None:
    ex = examples.compute(built_site.catalogue)
    page_tables = tables(built_site.html("piemeri.html"))
    for table, plan in ((page_tables[1], ex.plan_a), (page_tables[2], ex.plan_c)):
        costs = [amounts(row[5])[0] for row in table.rows]
        assert sum(costs) == needed_amount(plan.lines) == plan.result.needed
        funded = [amounts(row[11])[0] for row in table.rows]
        assert sum(funded) == plan.result.plan.ib_funded
    statuses = {row[12] for row in page_tables[2].rows}
    assert LINE_STATUS[NOT_FUNDED] in statuses  # N > P: the priorities decide
    assert ex.plan_c.result.needed > ex.plan_c.result.provisional
    assert ex.plan_a.result.needed <= ex.plan_a.result.provisional


def test_final_and_total_amounts_follow_the_reference(built_site: BuiltSite) -> None:
    ex = examples.compute(built_site.catalogue)
    assert ex.pilot.distributed + ex.pilot.unallocated == ex.pilot.pool
    html = text_of(built_site.html("piemeri.html"))
    for child in ex.pilot.children:
        assert text.eur(child.final) in html
    total = ex.plan_c_final.result
    assert total.total <= total.needed
    assert text.eur(total.total) in html
    assert [v.variant for v in ex.variants] == [1, 2, 3]


def test_changing_the_base_amount_changes_the_examples(catalogue_copy: Path) -> None:
    before = render_examples(load_or_raise(catalogue_copy))
    set_parameter(catalogue_copy, "base_amount", "3333.33")
    after = render_examples(load_or_raise(catalogue_copy))
    assert after != before
    assert "3\u00a0333,33\u00a0EUR" in after and "3\u00a0333,33\u00a0EUR" not in before
    assert "2\u00a0333,33\u00a0EUR" in after  # 70 % of the new base: P of the reduced-rate children


def test_examples_take_their_dates_from_the_round_and_the_new_rules(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    when = examples.timing(cat)
    assert when.round in cat.rounds_of("bērni")
    assert when.check_date == cat.round_periods(when.round)[0].start < when.start
    ex = examples.compute(cat)
    assert ex.plan_a.result.check_date == ex.plan_c.result.check_date == when.check_date
    html = text_of(built_site.html("piemeri.html"))
    assert text.date(when.check_date) in html and text.date(when.start) in html
    assert "nākamās rindas no IB nesaņem neko" not in html  # the old funding rule
    assert "no IB apmēra A" in html and "no N ir" not in html  # transport against A (D9)


def test_a_later_rounds_examples_fill_its_first_period_without_the_pilots_first_plan_rule(tmp_path: Path) -> None:
    """audit39b F3: with a 2027 round the examples page applied the pilot's first-plan rule (L2148: 5 months) to it
    and spoke of „izmēģinājumprojekts”; the first-plan rule is the first children's round's only (D113, D127)."""
    start, end = dt.date(2026, 12, 1), dt.date(2028, 1, 31)
    entry = children_round_entry("berni-2027", "IBM kārta bērniem 2027. gadā", start, end,
                                 services=(dt.date(2027, 1, 1), dt.date(2027, 12, 31)), rules=True)
    cat = catalogue_with_round(tmp_path / "katalogs", entry)
    when = examples.timing(cat)
    assert when.round.id == "berni-2027"
    assert (when.start, when.months) == (dt.date(2027, 1, 1), 6) == (when.period.start, 6)
    page = " ".join(render_examples(cat).split())
    assert "sākas 01.01.2027 un ilgst 6 mēnešus" in page, page[:1500]
    # the texts about the example's own round (the variant „(izmēģinājumprojektā)” names where the pilot used it)
    assert "izmēģinājumprojekta plāni" not in page and "piemērā izmēģinājumprojektā" not in page
    assert "Kad visi pārskata perioda plāni ir sastādīti" in page
    pilot = examples.timing(load_or_raise(DEFAULT_CATALOGUE))  # the pilot keeps its 5-month first plan
    assert pilot.months == Params.from_catalogue(load_or_raise(DEFAULT_CATALOGUE), pilot.start).first_period_months


def test_an_expert_rank_tie_in_one_area_is_ordered_by_plan_row_as_the_page_says(built_site: BuiltSite) -> None:
    """audit30 F5: Cilda's plan has two area-3 rows with one expert rank; the page says how they are ordered and
    the table's expert places (from the reference) agree."""
    page = built_site.html("piemeri.html")
    cilda = next(t for t in tables(page) if "Ekspertu rangs jomā" in t.header and len(t.rows) == 7)
    col = {name: cilda.header.index(name) for name in ("Nr.", "Joma", "Ekspertu rangs jomā", "Ekspertu vieta")}
    by_rank: dict[tuple[str, str], list[list[str]]] = {}
    for row in cilda.rows:
        by_rank.setdefault((row[col["Joma"]], row[col["Ekspertu rangs jomā"]]), []).append(row)
    ties = [(key, rows) for key, rows in by_rank.items() if len(rows) > 1]
    assert ties
    text = text_of(page)
    for (area, rank), rows in ties:
        numbers = [r[col["Nr."]] for r in rows]
        assert (f"Šajā plānā {area}. jomas rindām {'. un '.join(numbers)}. eksperti devuši vienādu rangu {rank}, "
                f"tāpēc ekspertu vietu tām piešķir plāna rindu secībā: {numbers[0]}. rinda ir augstāk.") in text
        places = [int(r[col["Ekspertu vieta"]]) for r in rows]
        assert places == sorted(places)


def test_the_priority_score_and_order_have_the_matrixs_terms(built_site: BuiltSite) -> None:
    """audit30 F11: „prioritātes punkti” for the score, the matrix's „Kopējā prioritāte” for the order."""
    page = built_site.html("piemeri.html")
    plan = tables(page)[1]
    assert ["Ekspertu vieta", "Prioritātes punkti", "Kopējā prioritāte"] == plan.header[8:11]
    text = text_of(page)
    assert "Prioritātes punkti = 0,7 × ekspertu vieta + 0,3 × vecāku rangs" in text
    assert "apvienotā prioritāte" not in text and "Punkti =" not in text


def test_the_calculator_api_example_is_the_worked_examples_first_line(built_site: BuiltSite) -> None:
    """audit39b F10: the API example on the matrix page had the pilot's days typed in its template; it now calls the
    calculator with the worked examples' first child and plan line in the latest children's round."""
    when = examples.timing(built_site.catalogue)
    born = examples.birth_date(when.check_date, examples.CHILDREN[0].age)
    page = text_of(built_site.html("matrica.html"))
    assert f'dzimsanasDatums: "{born.isoformat()}", periodaSakums: "{when.start.isoformat()}", ' \
           f"menesi: {when.months}," in page
    assert f'kods: "{examples.PLAN_A[1].offer_id}"' in page
    template = Path(examples.__file__).parent / "templates" / "kalkulators_api.md.j2"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", template.read_text(encoding="utf-8"))
