"""D327: the papers' notes on whether a contract already signed in the round still holds a plan follow the one rule
(contract_term.covering_from, terms.contract_last_day). A possible next plan's 01 and 08 preparer notes carry the
same date condition as 01-pielikumi and parskats.txt, and 08 §1.4 has a box for a child already in the round whose
contract does not hold the plan; a certainly first plan's 01 and parskats.txt say which later periods' plans its
contract can take as annexes; the annexes' list carries no bullet beside its own numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

from docx import Document

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents.docx_writer import html_to_docx
from generator.documents.from_matrix.contract_term import covering_from, later_plans_words
from generator.documents.from_matrix.signing import later_plans_line
from generator.documents.from_matrix.writing import render_child
from generator.workbook.writer import template_date
from tests.documents.child_render import child_html, text
from tests.round_yaml import add_holiday_years, children_round_entry

CONTRACT, DECISION, NEXT = "01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "01-pielikumi-esosajam-ligumam"


def _render(catalogue: Catalogue, child) -> dict[str, str]:  # noqa: ANN001
    return {d.spec.id: text(d.html) for d in render_child(catalogue, catalogue.municipality("madona"), child,
                                                        template_date(catalogue), False)}


def test_a_next_plans_01_and_08_notes_carry_the_covering_day_and_08_a_third_box(catalogue: Catalogue) -> None:
    """Fails on the old code: 08's and 01's preparer notes said unconditionally „sign the annexes, not 01” and 08 §1.4
    had only „first time” and „already takes part … annexes to this contract” (audit H1)."""
    child, _ = child_html(catalogue, 4, start=dt.date(2019, 4, 1))
    covered = dt.date(2019, 5, 2)
    for cover in (None, covered):
        papers = _render(catalogue, dataclasses.replace(child, contract_cover_from=cover))
        holds = (f"spēkā līdz šī atbalsta plāna perioda beigām ({child.end}"
                 + (f"; līgums, kas noslēgts pirms {covered:%d.%m.%Y}, beidzas agrāk)" if cover else ")"))
        decision, contract = papers[DECISION], papers[CONTRACT]
        # the condition names the child already in the round: one admitted for the first time gets the first box
        assert (f"Ja bērns kārtā jau piedalās un esošais līgums ir {holds}, atzīmē otro iespēju: Vecākam "
                "līgumu 01-ligums-ar-vecaku neslēdz, bet paraksta jaunā plāna pielikumus (01-pielikumi-esosajam-ligumam); "
                "ja tas beidzas agrāk, atzīmē trešo iespēju un ar Vecāku slēdz jaunu līgumu 01-ligums-ar-vecaku"
                ) in decision, decision
        assert "citādi atzīmē trešo" not in decision
        assert f"līgums jau ir noslēgts un tas ir {holds}, šo līgumu neslēdz" in contract, contract
        assert "Ja esošais līgums beidzas agrāk, slēdz šo līgumu" in contract
        assert ("līgums, kas noslēgts pirms" in decision) is (cover is not None)
        # the third box: already in the round, the earlier contract does not hold the plan – a new contract 01
        assert decision.count("☐ bērns") == 2 and (
            "kas noslēgts __.__.______, nav spēkā līdz šī atbalsta plāna perioda beigām "
            f"({child.end}); ar šo lēmumu individuālo budžetu piešķir nākamajam atbalsta plāna periodam, un ar Vecāku "
            "slēdz jaunu līgumu par bērna dalību") in decision, decision


def test_a_first_plan_names_the_later_periods_its_contract_can_take(catalogue_copy: Path) -> None:
    """Fails on the old code: a first plan's papers did not say that its contract (12 months from signing) cannot
    take every later period's plan as annexes (audit L4). Three six-month periods from 01.01.2027: a contract signed
    before 01.01.2027 ends before 31.12.2027; none signed by 30.06.2027 holds 30.06.2028."""
    rounds = catalogue_copy / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + children_round_entry(
        "berni-2027", "Testa kārta ar trim periodiem (izdomāta)", dt.date(2026, 11, 1), dt.date(2028, 7, 31),
        services=(dt.date(2027, 1, 1), dt.date(2028, 6, 30))), "utf-8")
    add_holiday_years(catalogue_copy, 2026, 2027, 2028)
    changed = load_or_raise(catalogue_copy)
    day = dt.date(2027, 1, 1)
    assert covering_from(changed, "berni-2027", dt.date(2027, 12, 31), day) == day
    words = later_plans_words(changed, "berni-2027", dt.date(2027, 6, 30), day, "kārtas")
    term = int(changed.programme.contract_term_months.at(day).value)
    assert words.startswith(f"līgums ar Vecāku ir spēkā {term} mēnešus no tā parakstīšanas dienas, bet ne ilgāk kā "
                            "līdz kārtas beigām"), words
    assert "2. pārskata perioda (01.07.2027–31.12.2027) plānam – ja līgums noslēgts 01.01.2027 vai vēlāk" in words
    assert ("3. pārskata perioda (01.01.2028–30.06.2028) plānam – nevar: līgums, kas noslēgts līdz šī plāna beigām "
            "(30.06.2027), beidzas agrāk") in words, words
    # the second period's plan is a possible next plan, not a first one: only its own covering day (H1)
    assert later_plans_words(changed, "berni-2027", dt.date(2027, 12, 31), day, "kārtas").count("pārskata perioda") == 1


def test_the_first_plans_note_is_in_01_and_parskats(catalogue: Catalogue) -> None:
    """The pilot round starts before its first service day: a contract signed then ends before the second period."""
    child, html = child_html(catalogue, 4)
    item = "2. pārskata perioda (01.04.2019–30.09.2019) plānam – ja līgums noslēgts 01.10.2018 vai vēlāk"
    assert child.first_in_round and item in child.later_cover and later_plans_line(child) == child.later_cover
    contract = text(html[CONTRACT])
    assert child.later_cover[1:] in contract and "Līgums ar Vecāku ir spēkā 12 mēnešus" in contract
    # a possible next plan gets the covering day of its own end instead (H1), not this note
    later, _ = child_html(catalogue, 4, start=dt.date(2019, 4, 1))
    assert later.maybe_next and later.later_cover == "" and later_plans_line(later) is None


def test_the_annexes_list_has_no_bullet_beside_its_numbers(catalogue: Catalogue) -> None:
    """Fails on the old code: „• 1. pielikums …” in 01-pielikumi (and 01), PDF and DOCX (audit L3)."""
    _, html = child_html(catalogue, 4, start=dt.date(2019, 4, 1))
    for name in (NEXT, CONTRACT):
        assert '<ul class="bare">' in html[name] and "ul.bare { list-style: none; }" in html[name], name
        docx = Document(io.BytesIO(html_to_docx(html[name], "01", "2023-04-01+12ef49f0", dt.date(2020, 1, 1))))
        items = [p for p in docx.paragraphs if p.text.startswith(("1. pielikums „", "2. pielikums „"))]
        assert len(items) == 2 and all(p.style.name == "List Paragraph" for p in items), \
            [(p.text[:20], p.style.name) for p in items]
