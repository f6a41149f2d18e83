"""A child's provider papers (02, 03) commit the service only to what the IB funds, by the reference's funding
by priority; a line without a price is a blank, never a figure of zero; the recipient is what 6.3 says."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.context import recipient_names
from generator.documents.from_matrix import signing
from generator.documents.from_matrix.context import BLANK_EUR, build
from generator.documents.from_matrix.provider_notes import no_provider_papers, provider_list
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.specs import child_documents
from generator.documents.from_matrix.writing import render_child
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date


def _reading(catalogue: Catalogue, rows: list[tuple[str, Decimal | None, str, str | None]]) -> MatrixReading:
    """rows: (offer id, unit price, provider, recipient as entered in 6.3), in the parents' order of ranks."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    lines = [line_from_offer(offers[oid], 10, unit_price=unit_price, expert_rank=rank, parent_rank=rank,
                             recipient=recipient, planned_units=(5, 5))
             for rank, (oid, unit_price, _, recipient) in enumerate(rows, 1)]
    # the period starts on the first service day of the round whose prices the matrix carries (D61)
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=day, months=2,
                            special_care=False, impairment="multipli", lines=tuple(lines), base=Decimal("3100.00"))
    params = Params.from_catalogue(catalogue, day)
    data = ChildData("ogre", "Anna Paraugs", "010512-20000", "multipli", day, inputs)
    providers = {line.label: row[2] for line, row in zip(lines, rows, strict=True)}
    return MatrixReading(Path("paraugs.xlsx"), "paraugs", data=data, params=params,
                         outcome=evaluate_workbook(inputs, params), parent_name="Pēteris Paraugs", providers=providers)


def _markets(catalogue: Catalogue) -> list[str]:
    return [o.id for o in catalogue.offers(template_date(catalogue)) if o.prefill_price is None]


def _docs(catalogue: Catalogue, reading: MatrixReading):  # noqa: ANN202
    child = build(reading, catalogue, pseudonymous=False)
    return child, {d.spec.id: d.html for d in render_child(catalogue, catalogue.municipality("ogre"), child,
                                                           reading.data.params_day, False)}


def test_provider_papers_guarantee_only_the_ib_funded_part(catalogue: Catalogue) -> None:
    first, second, third = _markets(catalogue)[:3]
    # the reference funds the first and third line in part and the second (SIA Divi) not at all
    reading = _reading(catalogue, [(first, Decimal("400"), "SIA Viens", None),
                                   (second, Decimal("500"), "SIA Divi", None),
                                   (third, Decimal("30"), "SIA Viens", None)])
    outcome = reading.outcome
    plan = outcome.plan
    assert outcome.needed > outcome.available > 0
    assert 0 < plan.lines[0].ib < plan.lines[0].cost and 0 < plan.lines[2].ib and plan.lines[1].ib == 0
    child, docs = _docs(catalogue, reading)
    letters = sorted(d for d in docs if d.startswith("03-"))
    contracts = sorted(d for d in docs if d.startswith("02-"))
    assert letters == ["03-garantijas-vestule-1"] and contracts == ["02-ligums-ar-sniedzeju-1"]
    assert [p.name for p in child.providers if not p.funded] == ["SIA Divi"]
    assert len([s for s, p in child_documents(child) if p is not None]) == 2
    letter = docs["03-garantijas-vestule-1"]
    ib, cost = plan.lines[0].ib + plan.lines[2].ib, plan.lines[0].cost + plan.lines[2].cost
    # the table's cells under „Summa no individuālā budžeta, EUR” hold the figures alone (the total row too)
    services = letter.split("Saņēmējs", 1)[1].split("</table>", 1)[0]
    assert f"<strong>{lvformat.number(ib)}</strong>" in services and lvformat.number(cost) not in letter
    assert lvformat.number(plan.lines[0].cost) not in letter and f">{lvformat.number(plan.lines[0].ib)}<" in services
    assert f"({lvformat.eur(cost - ib)}) no individuālā budžeta nemaksā" in letter
    assert "Vecāks vai cits finansējums" not in letter  # the plan names no other payer (audit8 F4)
    table = letter.split("Saņēmējs", 1)[1].split("</table>", 1)[0]
    assert child.lines[0].label in table and child.lines[1].label not in table
    units = (plan.lines[0].ib / Decimal("400")).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    assert f"<td>{lvformat.number(units, 0 if units == units.to_integral_value() else 2)}<br>" in table
    rest = lvformat.eur(cost - ib)
    contract = docs["02-ligums-ar-sniedzeju-1"]
    assert f"({rest}) no individuālā budžeta nemaksā" in contract


def test_a_line_without_a_price_is_a_blank_not_a_zero_contract(catalogue: Catalogue) -> None:
    first, second = _markets(catalogue)[:2]
    reading = _reading(catalogue, [(first, Decimal("20"), "SIA Viens", None),
                                   (second, Decimal("0"), "SIA Nulle", None)])
    child, docs = _docs(catalogue, reading)
    zero = child.lines[1]
    assert zero.price == zero.cost == zero.ib == BLANK_EUR and not child.confirmed
    assert child.needed == BLANK_EUR
    zero_eur = re.compile(r"(?<![\d\s\u00a0\u202f])0,00\u00a0EUR")
    # an other source the matrix gives nothing is used for 0,00 EUR whatever the prices are (audit28 F5): its row
    # is a true zero, not the line without a price
    sources = re.compile(r"<tr><td>(?:Valsts un pašvaldības pabalsti|Valsts un pašvaldības nodrošinātie "
                         r"pakalpojumi|Citi finanšu avoti), izmantotā daļa</td><td class=\"num\">0,00</td></tr>")
    # the provider of the line without a price gets no 02/03 until it has one: its IB share rests on it (D294)
    assert "02-ligums-ar-sniedzeju-2" not in docs and "03-garantijas-vestule-2" not in docs
    assert child.providers[1].pending and "02-ligums-ar-sniedzeju-1" in docs
    for doc_id in ("01-ligums-ar-vecaku", "05-iesniegums-par-sniedzejiem"):
        assert len(sources.findall(docs[doc_id])) == (3 if doc_id.startswith("01") else 0), doc_id
        assert not zero_eur.search(sources.sub("", docs[doc_id])), doc_id
        assert child.unconfirmed_note.split(":")[0] in docs[doc_id] or doc_id.startswith("05"), doc_id


def test_recipient_is_what_the_plan_says_and_the_header_lists_every_kind(catalogue: Catalogue) -> None:
    first, second = _markets(catalogue)[:2]
    reading = _reading(catalogue, [(first, Decimal("20"), "SIA Viens", None),
                                   (second, Decimal("30"), "SIA Viens", "family")])
    child, docs = _docs(catalogue, reading)
    # a line whose recipient 6.3 leaves blank gets its service's recipient from the catalogue (lawaudit 16)
    service = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == first).service
    default = recipient_names(catalogue)[str(service.recipient)]
    assert [line.recipient for line in child.lines] == [default, "ģimene"]
    letter = docs["03-garantijas-vestule-1"]
    kinds = list(recipient_names(catalogue).values())
    assert len(kinds) == len(catalogue.enums.recipients) and "Vecāks" in kinds  # the defined term
    header = letter.split("Saņēmējs", 1)[1].split("</th>", 1)[0]
    assert all(kind in header for kind in kinds) and "vecāks" not in header
    annex = docs["01-ligums-ar-vecaku"]
    row = annex.split(f"<td>{child.lines[0].label}</td>", 1)[1].split("</tr>", 1)[0]
    assert row.startswith(f"<td>{default}</td>")


def _monthly_rows(html: str) -> dict[str, list[str]]:
    """The cells of the 02/03 monthly table after its label: {service: [month 1, month 2, …, total]}."""
    table = html.split("apmaksātais apjoms pa mēnešiem", 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows[cells[1]] = cells[2:]
    return rows


def test_provider_papers_spread_only_the_funded_units_over_the_months(catalogue: Catalogue) -> None:
    """D29: 02 and 03 list per month only the units the IB pays (the plan's months in order until they are used),
    with a total equal to the funded units of the body; the parent's contract (01) keeps the whole plan."""
    first, second, third = _markets(catalogue)[:3]
    reading = _reading(catalogue, [(first, Decimal("400"), "SIA Viens", None),
                                   (second, Decimal("500"), "SIA Divi", None),
                                   (third, Decimal("40"), "SIA Viens", None)])
    plan = reading.outcome.plan
    want = {}
    for index, price in ((0, Decimal("400")), (2, Decimal("40"))):
        funded = plan.lines[index].ib / price  # the reference funds whole units of a line it cannot pay in full
        assert funded == funded.to_integral_value() and 5 < funded < 10, index
        want[index] = [5, funded - 5, funded]  # the first month in full, then what is left
    child, docs = _docs(catalogue, reading)
    partial = child.lines[0]
    for doc_id in ("02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"):
        rows = _monthly_rows(docs[doc_id])
        # SIA Divi's unfunded line is not there
        assert list(rows) == [child.lines[0].label, child.lines[2].label], doc_id
        for index, cells in zip((0, 2), rows.values(), strict=True):
            assert [Decimal(c.replace(",", ".")) for c in cells] == want[index], (doc_id, index)
        assert rows[partial.label][-1] == partial.ib_units == lvformat.number(want[0][-1], 0)
        assert "līdz no IB apmaksātais apjoms izlietots" in docs[doc_id]
    letter_row = docs["03-garantijas-vestule-1"].split(f"<td>{partial.label}</td>", 1)[1]
    assert f"<td>{partial.ib_units}<br>" in letter_row.split("</tr>", 1)[0]
    # the parent's contract: the whole plan, 5 units in each month of every line
    annex = docs["01-ligums-ar-vecaku"].split("<h2>3. pielikums.", 1)[1].split("</table>", 1)[0]
    for line in child.lines:
        row = annex.split(f"<td>{line.label}</td>", 1)[1].split("</tr>", 1)[0]
        assert row.count("<td class=\"num\">5<br>") == 2, line.label


def test_a_share_resting_on_an_open_price_withholds_the_providers_papers(later_catalogue: Catalogue) -> None:
    """A line whose IB share an unconfirmed price can change (funded after it, A unknown): its provider gets no
    contract or guarantee letter – one with blank volumes and sums is not signable (D294, like B's, D72) – and the
    first line of the checklist names the price and the papers."""
    catalogue = later_catalogue  # a round whose matrix prefills a "jāprecizē" price (2.1)
    market = _markets(catalogue)[0]
    reading = _reading(catalogue, [("2.1", None, "SIA Pavadoņi", None), (market, Decimal("20"), "SIA Cits", None)])
    child, docs = _docs(catalogue, reading)
    line = child.lines[1]
    assert line.confirmed and not line.ib_confirmed and child.available == BLANK_EUR
    assert not [d for d in docs if d.startswith(("02-", "03-"))]
    first = signing.price_line(child)
    assert first is not None and "2.1" in first and "03-garantijas-vestule-2" in first and "Nr. 1, 2 daļas" in first
    listed = provider_list(child, list(docs))
    assert all("kamēr nav apstiprināta cena" in line for line in listed[2:]), listed


def _audit_plan(catalogue: Catalogue, rest_line: Decimal) -> MatrixReading:
    """Confirmed lines far above P, then 2.1 at its "jāprecizē" price, then an expensive line (a provider of its
    own) and one at ``rest_line`` EUR a unit (another provider)."""
    first, second, third = _markets(catalogue)[:3]
    return _reading(catalogue, [(first, Decimal("400"), "SIA Viens", None), ("2.1", None, "SIA Pavadoņi", None),
                                (second, Decimal("500"), "SIA Divi", None), (third, rest_line, "SIA Trīs", None)])


def test_a_is_printed_when_the_confirmed_lines_alone_exceed_p(later_catalogue: Catalogue) -> None:
    """The audit's plan (D294): N is a blank, but the confirmed lines alone make N > P whatever 2.1 costs, so A = P is
    printed in the contract (4.5 and annex 2) and the decision (4.1, 4.2); a provider that what is left before 2.1
    cannot buy anything is known to get 0 and gets no papers, as any provider the IB pays nothing."""
    catalogue = later_catalogue
    reading = _audit_plan(catalogue, Decimal("500"))
    outcome = reading.outcome
    assert outcome.plan.lines[0].cost > outcome.provisional == outcome.available
    child, docs = _docs(catalogue, reading)
    p = lvformat.eur(outcome.provisional)
    assert child.needed == BLANK_EUR and child.available == p and child.total == BLANK_EUR
    decision = docs["08-lemums-par-pieskirsanu"]
    assert f"no IB izlieto ne vairāk kā {p} (IB pieejamais apmērs)" in decision
    figure = lvformat.number(outcome.provisional)  # the „IB apmērs” table's cells hold it without the unit (D359)
    assert decision.count(p) >= 2 and docs["01-ligums-ar-vecaku"].count(p) >= 1
    assert decision.count(figure) >= 4 and docs["01-ligums-ar-vecaku"].count(figure) >= 3
    divi, tris = child.providers[2], child.providers[3]
    assert not divi.funded and not divi.pending and not tris.funded  # 500 EUR a unit: what is left buys none
    assert child.lines[2].ib == child.lines[3].ib == lvformat.eur(0)
    papers = sorted(d for d in docs if d.startswith(("02-", "03-")))
    assert papers == ["02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"]  # 2.1's provider waits for its price
    assert "Nr. 3 (SIA Divi) – " in "".join(no_provider_papers(child)) and signing.price_line(child) is not None
    cheap = _audit_plan(catalogue, Decimal("20"))  # 20 EUR a unit: the rest may buy some, or the price take it all
    child, docs = _docs(catalogue, cheap)
    assert child.available == p and child.providers[3].pending and child.lines[3].ib == BLANK_EUR
    assert "02-ligums-ar-sniedzeju-4" not in docs and "Nr. 2, 4 daļas" in (signing.price_line(child) or "")


def test_an_open_price_that_decides_a_keeps_a_blank(later_catalogue: Catalogue) -> None:
    """The confirmed lines alone stay under P: a low 2.1 price makes N <= P (A = N), a high one N > P (A = P), so A
    and K stay blanks in the contract and the decision (D22, D294)."""
    catalogue = later_catalogue
    market = _markets(catalogue)[0]
    reading = _reading(catalogue, [(market, Decimal("20"), "SIA Viens", None), ("2.1", None, "SIA Pavadoņi", None)])
    assert reading.outcome.plan.lines[0].cost < reading.outcome.provisional
    child, docs = _docs(catalogue, reading)
    assert child.available == child.total == child.needed == BLANK_EUR
    assert f"no IB izlieto ne vairāk kā {BLANK_EUR}" in docs["08-lemums-par-pieskirsanu"]
    assert child.lines[0].ib_confirmed and "02-ligums-ar-sniedzeju-1" in docs  # funded before the price counts


def test_with_a_as_p_the_ib_funded_sum_rests_on_the_open_price(later_catalogue: Catalogue) -> None:
    """D359: A = P is a figure (the confirmed lines alone exceed P), but the IB-funded sum is not P: the IB pays whole
    units down the priority list, so what is left before 2.1 buys as many of its units as its price allows – the
    sum differs with the price, and the blank stays. Fails on the old code: nothing said that the blank is not A, so
    a reader filled in P (the 01 annex's note and the act's sentence under the table now say it)."""
    catalogue = later_catalogue
    reading = _audit_plan(catalogue, Decimal("500"))
    funded = set()
    for price in (Decimal("4.50"), Decimal("17.00")):  # 2.1 at another price: the same A, another IB-funded sum
        lines = tuple(dataclasses.replace(ln, unit_price=price) if ln.offer_id == "2.1" else ln
                      for ln in reading.data.inputs.lines)
        outcome = evaluate_workbook(dataclasses.replace(reading.data.inputs, lines=lines), reading.params)
        assert outcome.available == outcome.provisional == reading.outcome.available
        funded.add(outcome.plan.ib_funded)
    assert len(funded) == 2 and min(funded) < reading.outcome.available, funded
    child, docs = _docs(catalogue, reading)
    assert child.available_known and child.ib_funded == BLANK_EUR and child.ib_funded_open
    note = "No IB finansēto pakalpojumu summa var būt mazāka par IB pieejamo apmēru A"
    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        assert docs[doc_id].count(note) == 1, doc_id
    # A and the IB-funded sum both figures, or A a blank: nothing to say
    plain = _reading(catalogue, [(_markets(catalogue)[0], Decimal("20"), "SIA Viens", None),
                                 ("2.1", None, "SIA Pavadoņi", None)])
    child, docs = _docs(catalogue, plain)
    assert not child.ib_funded_open and note not in docs["08-lemums-par-pieskirsanu"]


def _funded_row(html: str) -> str:
    """The figure of the „IB apmērs” table's row „No IB finansētie pakalpojumi” as printed (D359: figure alone)."""
    return re.search(r"<td>No IB finansētie pakalpojumi</td><td class=\"num\">([^<]*)</td>", html).group(1)


def test_with_a_as_p_the_ib_funded_sum_is_printed_when_no_open_price_can_change_it(
        later_catalogue: Catalogue) -> None:
    """A = P (the confirmed lines alone exceed P, D294) and 2.1's price still „jāprecizē”, funded after them. When the
    confirmed line's whole units spend P to the cent, nothing is left for 2.1 whatever its price: the IB-funded sum
    is P, a figure the unconfirmed price cannot change, and 08 and 01 print it with no note that it may be less. One
    unit dearer (a rest before 2.1 that its price may or may not buy from) the same row is the blank with the note –
    never P taken on trust (D359)."""
    catalogue = later_catalogue
    market = _markets(catalogue)[0]
    probe = _reading(catalogue, [(market, Decimal("20"), "SIA Viens", None), ("2.1", None, "SIA Pavadoņi", None)])
    p = probe.outcome.provisional
    exact = (p / 5).quantize(Decimal("0.01"))
    assert exact * 5 == p, p  # five of the line's ten units spend P to the cent
    note = "No IB finansēto pakalpojumu summa var būt mazāka par IB pieejamo apmēru A"
    for unit_price, known in ((exact, True), (exact + Decimal("7"), False)):
        reading = _reading(catalogue, [(market, unit_price, "SIA Viens", None), ("2.1", None, "SIA Pavadoņi", None)])
        outcome = reading.outcome
        assert outcome.plan.lines[0].cost > p == outcome.available, unit_price  # A = P whatever 2.1 costs
        assert outcome.plan.lines[0].priority.position < outcome.plan.lines[1].priority.position
        child, docs = _docs(catalogue, reading)
        assert child.available == lvformat.eur(p) and child.needed == BLANK_EUR, unit_price
        assert (child.ib_funded == lvformat.eur(p)) == known and child.ib_funded_open != known, unit_price
        if known:
            assert outcome.plan.ib_funded == p and child.lines[1].ib == lvformat.eur(0)
        for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
            assert _funded_row(docs[doc_id]) == (lvformat.number(p) if known else "______"), (doc_id, unit_price)
            assert (note in docs[doc_id]) != known, (doc_id, unit_price)
