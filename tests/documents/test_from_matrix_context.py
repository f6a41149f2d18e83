"""The child's template data: formatting helpers, providers grouped by name, and the rule that a price or a
base amount the catalogue still marks "jāprecizē" (and every sum that rests on it) is a blank with a note,
never a figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Payee
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import (
    BLANK,
    BLANK_EUR,
    FINAL_IF_OVER,
    FINAL_NOT_APPLIED,
    build,
    price,
    quantity,
)
from generator.documents.from_matrix.price_notes import NO_PRICE_NOTE
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.run import repaid_to_parent
from generator.documents.from_matrix.signing import (
    NO_PRICE_UNDER_CEILING,
    PRICE_IS_CEILING,
    base_line,
    open_lines,
    warning_lines,
)
from generator.documents.from_matrix.writing import render_child
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.rounds import plan_end as period_end
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date


def test_formatting_helpers() -> None:
    assert price(Decimal("6.637")) == "6,637\u00a0EUR"
    assert price(Decimal("12")) == "12,00\u00a0EUR"
    assert price(Decimal("1.5"), confirmed=False) == BLANK_EUR
    assert quantity(Decimal("12.000")) == "12" and quantity(Decimal("2.5")) == "2,5"
    assert period_end(dt.date(2023, 9, 28), 3) == dt.date(2023, 11, 30)
    assert period_end(dt.date(2023, 11, 1), 2) == dt.date(2023, 12, 31)


MINISTRY_BASE = Decimal("3100.00")  # Bazes_Apmers entered in the matrix: P rests on no catalogue value


def _reading(catalogue: Catalogue, prices: dict[str, Decimal | None], providers: dict[str, str],
             base: Decimal | None = MINISTRY_BASE, final: Decimal | None = None) -> MatrixReading:
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    lines = []
    for offer_id, unit_price in prices.items():
        offer = offers[offer_id]
        lines.append(line_from_offer(offer, 10, unit_price=unit_price, planned_units=(5, 5)))
    # the period starts inside the children's round's first reporting period (catalogue/rounds.yaml)
    # the period starts on the first service day of the round whose prices the matrix carries (D61)
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=day, months=2,
                            special_care=False, impairment="multipli", lines=tuple(lines), base=base, final=final)
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    data = ChildData("ogre", "Anna Paraugs", "010512-20000", "multipli", day, inputs)
    labels = {line.label: providers[line.offer_id] for line in lines if line.offer_id in providers}
    return MatrixReading(Path("paraugs.xlsx"), "paraugs", data=data, params=params, outcome=outcome,
                         parent_name="Pēteris Paraugs", providers=labels)


def _market(catalogue: Catalogue) -> str:
    return next(o.id for o in catalogue.offers(template_date(catalogue)) if o.prefill_price is None)


def test_unconfirmed_catalogue_price_is_a_blank_with_a_note(later_catalogue: Catalogue) -> None:
    catalogue = later_catalogue  # a round whose matrix prefills a "jāprecizē" price (2.1)
    companion = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "2.1")
    assert companion.ceiling_status is not None and companion.ceiling_status.value == "jāprecizē"
    market = _market(catalogue)
    reading = _reading(catalogue, {"2.1": None, market: Decimal("20")}, {"2.1": "SIA Pavadoņi", market: "SIA Cits"})
    child = build(reading, catalogue, pseudonymous=False)
    by_id = {line.label.split(" ")[0]: line for line in child.lines}
    assert by_id["2.1"].price == by_id["2.1"].cost == by_id["2.1"].ib == BLANK_EUR
    assert by_id[market].price == lvformat.eur(Decimal("20")) and by_id[market].cost == lvformat.eur(200)
    # funded after the unconfirmed line in priority order: what it gets depends on that price too
    assert (by_id[market].ib == BLANK_EUR) == (by_id[market].priority > by_id["2.1"].priority)
    assert child.needed == child.total == BLANK_EUR and not child.confirmed
    assert child.provisional == lvformat.eur(reading.outcome.provisional)
    assert "vēl nav apstiprināta" in child.unconfirmed_note
    providers = {p.name: p for p in child.providers}
    assert providers["SIA Pavadoņi"].cost == BLANK_EUR and providers["SIA Cits"].cost == lvformat.eur(200)
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    contract = next(d for d in docs if d.spec.id == "01-ligums-ar-vecaku")
    companion_cost = lvformat.eur(reading.outcome.line_cost[0])
    assert companion_cost not in contract.html and lvformat.eur(reading.outcome.needed) not in contract.html
    assert BLANK_EUR in contract.html and child.unconfirmed_note.split(":")[0] in contract.html


def test_a_line_without_a_price_is_no_catalogue_price(later_catalogue: Catalogue) -> None:
    """D313: a line under unconfirmed ceilings whose price is empty or 0,00 has no provider's price – the matrix's
    „nav sniedzēja cenas” –, not the catalogue's unconfirmed price: the papers' note and checklist say that, and a
    line that keeps the catalogue's price keeps D294's and D303's words."""
    catalogue = later_catalogue  # a round whose matrix prefills a "jāprecizē" price (2.1)
    market = _market(catalogue)
    for kept in (True, False):
        prices = {"2.1": None if kept else Decimal(0), market: Decimal("20")}
        reading = _reading(catalogue, prices, {"2.1": "SIA Pavadoņi", market: "SIA Cits"})
        child = build(reading, catalogue, pseudonymous=False)
        [line] = [ln for ln in child.lines if ln.label.startswith("2.1")]
        assert line.price == BLANK_EUR and line.priced == kept and not child.confirmed
        assert ("vēl nav apstiprināta" in child.unconfirmed_note) == kept, child.unconfirmed_note
        assert child.unconfirmed_note.startswith(NO_PRICE_NOTE) != kept, child.unconfirmed_note
        ceiling = [f for f in reading.outcome.findings if f.code == "ceiling_unconfirmed" and f.lines == (0,)]
        assert ceiling, reading.outcome.findings
        own, none = open_lines(child)
        assert (own, none) == ((frozenset({0}), frozenset()) if kept else (frozenset(), frozenset({0})))
        [said] = [w for w in warning_lines(ceiling, open_prices=own, no_prices=none)]
        assert (PRICE_IS_CEILING in said) == kept and (NO_PRICE_UNDER_CEILING.rstrip(".") in said) != kept, said
        assert ("kataloga vēl neapstiprinātā" in said) == kept, said


def test_unconfirmed_catalogue_base_amount_blanks_p_and_what_rests_on_it(catalogue: Catalogue) -> None:
    assert catalogue.programme.base_amount.at(template_date(catalogue)).status.value == "jāprecizē"
    market = _market(catalogue)
    # N = 10 × 400 EUR > P: A is P, so A, K and the lines' IB shares rest on the base amount too
    reading = _reading(catalogue, {market: Decimal("400")}, {market: "SIA Viens"}, base=None)
    assert reading.outcome.needed > reading.outcome.provisional > 0
    child = build(reading, catalogue, pseudonymous=False)
    assert child.confirmed and not child.base_confirmed and "Bāzes apmērs" in child.base_note
    assert child.provisional == child.available == child.total == child.ib_funded == BLANK_EUR
    assert child.needed == lvformat.eur(reading.outcome.needed)
    assert child.lines[0].cost == lvformat.eur(Decimal("4000")) and child.lines[0].ib == BLANK_EUR
    assert child.providers[0].ib == BLANK_EUR
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        html = next(d for d in docs if d.spec.id == doc_id).html
        assert lvformat.eur(reading.outcome.provisional) not in html, doc_id
        assert child.base_note.split(":")[0] in html, doc_id
    # N ≤ P computed on the unconfirmed B: whether N ≤ P really holds is unknown, so A and the IB share are
    # blanks too (only N, a sum of confirmed prices, is a figure)
    cheap = build(_reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}, base=None), catalogue,
                  pseudonymous=False)
    assert cheap.provisional == cheap.available == cheap.ib_funded == BLANK_EUR
    assert cheap.needed == lvformat.eur(Decimal("200"))
    assert cheap.lines[0].ib == cheap.providers[0].ib == BLANK_EUR
    cheap_docs = render_child(catalogue, catalogue.municipality("ogre"), cheap, day(catalogue), False)
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        html = next(d for d in cheap_docs if d.spec.id == doc_id).html
        assert lvformat.eur(Decimal("200")) not in html.split("No IB finansētie", 1)[-1][:80], doc_id
        assert cheap.base_note.split(":")[0] in html, doc_id
    # the ministry's own base amount in the matrix is a figure
    own = build(_reading(catalogue, {market: Decimal("400")}, {market: "SIA Viens"}), catalogue, pseudonymous=False)
    assert own.base_confirmed and own.provisional != BLANK_EUR and own.available == own.provisional


def test_the_catalogues_unconfirmed_base_copied_into_6_11_gives_the_papers_of_an_empty_base(
        catalogue: Catalogue) -> None:
    """D257, review33 F2: the catalogue's „jāprecizē” B typed into 6.11 is a reconstruction copied into the cell, not
    the B LM set: the papers are exactly those of an empty B – P, A and what rests on them blanks with the note, no
    B figure, provider papers held back (signing.base_line) – whether N > P or N <= P."""
    catalogue_base = catalogue.programme.base_amount.at(day(catalogue))
    assert catalogue_base.status.value == "jāprecizē"
    copied_base = Decimal(catalogue_base.value)
    market = _market(catalogue)
    for unit_price in (Decimal("400"), Decimal("20")):
        empty, copied = (_reading(catalogue, {market: unit_price}, {market: "SIA Viens"}, base=base)
                         for base in (None, copied_base))
        # the reference's figures are the same: the warning aside, the copy changes nothing but the papers' trust
        assert copied.outcome.provisional == empty.outcome.provisional
        assert [f.code for f in copied.outcome.findings if f.code == "base_differs"] == ["base_differs"]
        children = [build(r, catalogue, pseudonymous=False, day=day(catalogue)) for r in (empty, copied)]
        assert children[1] == children[0], unit_price
        assert not children[1].base_confirmed and children[1].base_amount is None
        assert children[1].provisional == BLANK_EUR and "Bāzes apmērs" in children[1].base_note
        assert base_line(children[1]) == base_line(children[0]) is not None
        htmls = [{d.spec.id: d.html for d in render_child(catalogue, catalogue.municipality("ogre"), child,
                                                          day(catalogue), False, build_day=day(catalogue))}
                 for child in children]
        assert htmls[1] == htmls[0], unit_price
        assert lvformat.eur(copied_base) not in htmls[1]["08-lemums-par-pieskirsanu"]
    # a B the ministry set (another figure) is a figure in the papers
    own = build(_reading(catalogue, {market: Decimal("400")}, {market: "SIA Viens"}, base=copied_base + 100),
                catalogue, pseudonymous=False)
    assert own.base_confirmed and own.base_amount == copied_base + 100 and base_line(own) is None


def day(catalogue: Catalogue) -> dt.date:
    return template_date(catalogue)


def test_a_confirmed_plan_shows_every_figure_and_groups_providers(catalogue: Catalogue) -> None:
    market = _market(catalogue)
    other = next(o.id for o in catalogue.offers(template_date(catalogue)) if o.prefill_price is None and o.id != market)
    reading = _reading(catalogue, {market: Decimal("20"), other: Decimal("7.5")},
                       {market: "SIA Viens", other: "SIA Viens"})
    child = build(reading, catalogue, pseudonymous=False)
    assert child.confirmed and child.needed == lvformat.eur(Decimal("275"))
    assert [(p.name, p.file_part, len(p.lines)) for p in child.providers] == [("SIA Viens", "1", 2)]
    assert child.providers[0].cost == lvformat.eur(Decimal("275"))
    assert child.identification == ""
    assert build(reading, catalogue, pseudonymous=True).identification == "paraugs"


def test_a_file_name_that_reveals_the_child_is_recognised() -> None:
    from generator.documents.from_matrix.reading import reveals_person

    assert reveals_person("Ilze_Berzina", "Ilze Bērziņa", "010116-20000")
    assert reveals_person("matrica-010116", "Ilze Bērziņa", "010116-20000")
    assert not reveals_person("matrica-001", "Ilze Bērziņa", "010116-20000")
    assert not reveals_person("talsi-3", "Ilze Bērziņa", "")


def test_the_ministrys_base_amount_in_the_matrix_is_the_base_the_documents_state(catalogue: Catalogue) -> None:
    """P is computed from the matrix's base amount: the clause that defines P names that figure, not the
    catalogue's blank and its note that the base is not confirmed yet."""
    market = _market(catalogue)
    own_base = Decimal("2504.86")
    reading = _reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}, base=own_base)
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        html = next(d for d in docs if d.spec.id == doc_id).html
        assert f"no bāzes apmēra {lvformat.eur(own_base)}" in html, doc_id
        assert "bāzes apmērs vēl nav apstiprināts" not in html, doc_id
    # without it, the catalogue's unconfirmed base stays a blank with its note
    blank = build(_reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}, base=None), catalogue,
                  pseudonymous=False)
    html = next(d for d in render_child(catalogue, catalogue.municipality("ogre"), blank,
                                        reading.data.params_day, False)
                if d.spec.id == "08-lemums-par-pieskirsanu").html
    assert "no bāzes apmēra ______ EUR" in html and "bāzes apmērs vēl nav apstiprināts" in html


def test_a_filled_addressee_reads_as_one_label_and_a_name(catalogue: Catalogue) -> None:
    market = _market(catalogue)
    reading = _reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"})
    child = build(reading, catalogue, pseudonymous=False)
    html = next(d for d in render_child(catalogue, catalogue.municipality("ogre"), child,
                                        reading.data.params_day, False)
                if d.spec.id == "08-lemums-par-pieskirsanu").html
    assert "Adresāts – vecāks, aizbildnis vai audžuģimene:</span> <strong>Pēteris Paraugs</strong>" in html
    assert "): vārds, uzvārds:" not in html


def test_the_guarantee_letter_gives_the_unit_as_a_label_not_as_a_counted_noun(catalogue: Catalogue) -> None:
    """„8 stunda” is bad Latvian (a number wants the plural); the unit is a label in brackets under the count."""
    market = _market(catalogue)
    reading = _reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"})
    child = build(reading, catalogue, pseudonymous=False)
    html = next(d for d in render_child(catalogue, catalogue.municipality("ogre"), child,
                                        reading.data.params_day, False)
                if d.spec.id.startswith("03-garantijas-vestule")).html
    line = child.lines[0]
    label = line.unit.replace(" (", ": ").replace(")", "")  # a unit's own brackets give way to a colon
    assert f"<td>{line.units}<br>({label})</td>" in html
    assert f"{line.units}<br>{line.unit}<" not in html and "))" not in html


def _row(html: str, label: str) -> str:
    """The figure cell of one row of the IB amounts table (6.4)."""
    return html.split(f"<td>{label}", 1)[1].split("</tr>", 1)[0].rsplit('<td class="num">', 1)[1].split("</td>")[0]


def test_an_unconfirmed_price_with_n_over_p_leaves_a_a_blank(later_catalogue: Catalogue) -> None:
    """A is P only while N > P, and N rests on the unconfirmed price when the confirmed lines alone stay under P (a
    confirmed price may bring N under P): the signed papers give A as a blank with the note, like N and K; the
    ministry's F (N > P) is a figure. (The confirmed lines alone above P make A = P a figure, D294:
    test_from_matrix_ib_share.)"""
    catalogue = later_catalogue  # a round whose matrix prefills a "jāprecizē" price (2.1)
    market = _market(catalogue)
    reading = _reading(catalogue, {"2.1": None, market: Decimal("213")}, {"2.1": "SIA Pavadoņi", market: "SIA Viens"})
    outcome = reading.outcome
    assert outcome.needed > outcome.provisional == outcome.available > 0
    assert outcome.plan.lines[1].cost < outcome.provisional  # the confirmed line alone: under P
    child = build(reading, catalogue, pseudonymous=False)
    assert not child.confirmed and child.base_confirmed
    assert child.provisional == lvformat.eur(outcome.provisional)
    assert child.needed == child.available == child.total == child.ib_funded == BLANK_EUR
    assert not child.needed_over_provisional  # the note "N exceeds P" would state what is not known
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        html = next(d for d in docs if d.spec.id == doc_id).html
        # the IB amounts table's header „Summa, EUR” names the unit: the figure alone (D359)
        assert _row(html, "A – IB pieejamais apmērs") == BLANK, doc_id
        assert _row(html, "P – IB provizoriskais apmērs") == lvformat.number(outcome.provisional), doc_id
        assert "Nepieciešamais apmērs pārsniedz provizorisko" not in html, doc_id
        assert child.unconfirmed_note.split(":")[0] in html, doc_id
    # with the ministry's final amount F (N > P), A is F whatever the price: a figure
    final = outcome.provisional + Decimal("100.00")
    inputs = dataclasses.replace(reading.data.inputs, final=final)
    with_f = dataclasses.replace(reading, data=dataclasses.replace(reading.data, inputs=inputs),
                                 outcome=evaluate_workbook(inputs, reading.params))
    assert with_f.outcome.available == final
    assert build(with_f, catalogue, pseudonymous=False).available == lvformat.eur(final)


def test_a_line_repaid_to_the_parent_gets_no_provider_contract_or_letter(catalogue: Catalogue) -> None:
    """Transport, which the catalogue pays to the parent (its payee, D38), is repaid under the contract with the
    parent (01 §5, D29): no 02 or 03 for it, whatever name the matrix gives its provider; a provider's other
    lines keep theirs."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    transport = next(o.id for o in offers.values() if o.service.id == "2.4")
    market = _market(catalogue)
    assert offers[transport].service.payee is Payee.parent and offers[market].service.payee is Payee.provider
    reading = _reading(catalogue, {transport: Decimal("15"), market: Decimal("20")},
                       {transport: "Vecāki (kompensācija)", market: "SIA Viens"})
    child = build(reading, catalogue, pseudonymous=False)
    by_label = {line.label: line for line in child.lines}
    assert by_label[offers[transport].label].to_parent and not by_label[offers[market].label].to_parent
    assert [p.name for p in child.providers] == ["SIA Viens"]
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    ids = [d.spec.id for d in docs]
    assert [i for i in ids if i.startswith(("02-", "03-"))] == ["02-ligums-ar-sniedzeju-1",
                                                                 "03-garantijas-vestule-1"]
    contract = next(d for d in docs if d.spec.id == "01-ligums-ar-vecaku")
    assert offers[transport].label in contract.html  # the whole plan stays in the contract with the parent
    why = repaid_to_parent(child)  # the console line that says why
    assert why.startswith(offers[transport].label + " – ") and "atmaksā Vecākam" in why
    assert offers[market].label not in why and "nav izveidoti" in why
    # the same provider name on a provider-paid line still gets its documents: the rule is the service's
    mixed = build(_reading(catalogue, {transport: Decimal("15"), market: Decimal("20")},
                           {transport: "SIA Viens", market: "SIA Viens"}), catalogue, pseudonymous=False)
    assert [(p.name, [line.label for line in p.lines]) for p in mixed.providers] == \
        [("SIA Viens", [offers[market].label])]
    assert repaid_to_parent(build(_reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}), catalogue,
                                  pseudonymous=False)) == ""


def _criteria(html: str) -> list[tuple[str, str, str]]:
    # the running pilot's heading cites its methodology, an ended round's its selection rules (D128)
    table = re.split(r"Kritērijs \((?:izmēģinājumprojekta metodika|Labklājības ministrijas noteikumi par kārtu)\)", html, maxsplit=1)[1]
    table = table.split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", table)
    assert len(rows) == 6  # residence and the application date are two rows (audit34 F6)
    return rows


def test_the_grant_decision_ticks_what_the_matrix_proves_and_claims_no_more(catalogue: Catalogue) -> None:
    """08 from a matrix: the age criterion (no 18 years on the round's last day, D110) is ticked "Atbilst"; the criteria the
    matrix does not know stay blank to tick by hand. What to check before signing is not part of the act (D41):
    it is in the child's parskats.txt (test_decisions.py)."""
    reading = _reading(catalogue, {_market(catalogue): Decimal("20")}, {})
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    html = next(d for d in docs if d.spec.id == "08-lemums-par-pieskirsanu").html
    rows = _criteria(html)
    ticked = [(text, yes, no) for text, yes, no in rows if "☒" in yes + no]
    assert len(ticked) == 1 and f"kārtas pēdējā dienā ({child.round_end})" in ticked[0][0]
    assert ticked[0][1:] == ("☒", "☐")
    assert all((yes, no) == ("☐", "☐") for text, yes, no in rows if "kārtas pēdējā dienā" not in text)
    assert "atzīmē ar roku" not in html and "Lēmumu paraksta tikai" not in html
    # the municipality's blank decision ticks nothing
    blank = next(d for d in render_municipality(catalogue, catalogue.municipality("ogre"))
                 if d.spec.id == "08-lemums-par-pieskirsanu").html
    assert all((yes, no) == ("☐", "☐") for _, yes, no in _criteria(blank))
    assert "atzīmē ar roku" not in blank


FINAL = Decimal("150.00")  # the ministry's F, typed into 6.4 (below N, as when the plan's N was above P)


def test_final_typed_while_n_within_p_on_an_unconfirmed_base_leaves_a_and_the_funded_sums_blank(
        catalogue: Catalogue) -> None:
    """F8 (audit7): F typed, but N <= P on the provisional P. Whether F applies (N > P) rests on the unconfirmed B,
    so A and everything funded from it (K, the IB-funded sum, each line's IB share) are blanks, and F says that it
    applies only if N > P. The old rule (blank only without F) printed K and the IB shares as figures."""
    market = _market(catalogue)
    reading = _reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}, base=None, final=FINAL)
    assert reading.outcome.needed <= reading.outcome.provisional
    child = build(reading, catalogue, pseudonymous=False)
    assert child.available == child.total == child.ib_funded == BLANK_EUR
    assert child.lines[0].ib == child.providers[0].ib == BLANK_EUR
    # the matrix gives the other sources nothing: they are used for 0,00 EUR whatever B is (audit28 F5)
    assert child.benefits_used == child.services_used == child.other_used == lvformat.eur(0)
    assert child.final == lvformat.eur(FINAL) and child.final_note == FINAL_IF_OVER
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        html = next(d for d in docs if d.spec.id == doc_id).html
        for label in ("No IB finansētie", "K – IB kopējais apmērs"):  # N's figure, but blanks here
            assert "______" in html.split(label, 1)[1][:80], (doc_id, label)
        assert FINAL_IF_OVER.replace(">", "&gt;") in html, doc_id  # 08: beside F's label; 01: under F's figure


def test_final_typed_while_n_within_p_is_not_applied(catalogue: Catalogue) -> None:
    """With B and the prices confirmed, F typed while N <= P does not apply (A = N, L1077): A, K and the shares are
    figures, and F's row says it is not applied; F with N > P applies (A = F), without the note, also on an
    unconfirmed B."""
    market = _market(catalogue)
    reading = _reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}, final=FINAL)
    child = build(reading, catalogue, pseudonymous=False)
    assert reading.outcome.available == reading.outcome.needed == Decimal("200")
    assert child.available == child.total == lvformat.eur(Decimal("200"))
    assert child.final_note == FINAL_NOT_APPLIED
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    html = next(d for d in docs if d.spec.id == "08-lemums-par-pieskirsanu").html
    assert f"ministrija; {FINAL_NOT_APPLIED})" in html
    over = _reading(catalogue, {market: Decimal("400")}, {market: "SIA Viens"}, base=None, final=Decimal("800.00"))
    assert over.outcome.needed > over.outcome.provisional
    applied = build(over, catalogue, pseudonymous=False)
    assert applied.available == applied.ib_funded == lvformat.eur(Decimal("800")) and applied.final_note == ""


def test_the_childs_decision_names_the_social_worker_who_prepared_it(catalogue: Catalogue) -> None:
    """08's "Sagatavoja (sociālais darbinieks)" is the matrix's social worker (6.1), as in 01 cl. 1.4; the generic
    decision leaves the name blank."""
    market = _market(catalogue)
    reading = dataclasses.replace(_reading(catalogue, {market: Decimal("20")}, {market: "SIA Viens"}),
                                  social_worker="Līga Piemēra")
    child = build(reading, catalogue, pseudonymous=False)
    docs = {d.spec.id: d for d in render_child(catalogue, catalogue.municipality("ogre"), child,
                                                 reading.data.params_day, False)}
    decision = re.sub(r"\s+", " ", docs["08-lemums-par-pieskirsanu"].html)
    assert re.search(r"<strong>Sagatavoja \(sociālais darbinieks\)</strong></p> <p class=\"filled\"><span "
                     r'class="label">Vārds, uzvārds:</span> <strong>Līga Piemēra</strong>', decision)
    # the official's block beside it stays blank
    assert decision.count("Līga Piemēra") == 1
    generic = [s for s in render_municipality(catalogue, catalogue.municipality("ogre"))
               if s.spec.id == "08-lemums-par-pieskirsanu"][0]
    html = re.sub(r"\s+", " ", generic.html)
    assert re.search(r"<strong>Sagatavoja \(sociālais darbinieks\)</strong></p> <p class=\"field\"><span "
                     r'class="label">Vārds, uzvārds</span>', html)
