"""Proof of `ibm documents --from-matrix`: for random filled matrices across municipalities, every line,
unit, price, line cost and P, N, A, K that the contract's annex, the decision and the guarantee letters show
equal the reference's values (read back from the DOCX; for three of them also from the PDF text), and there
is one guarantee letter and one provider contract per distinct provider. A figure resting on an unconfirmed
price, or on the catalogue's unconfirmed base amount (no Bazes_Apmers in the matrix), must be a blank.

The DOCX of every child is checked (fast); PDFs are printed for three children only (WeasyPrint needs about a
second per document).

By default the first 10 of the 30 random children are checked, all 30 with IBM_FULL=1 (D230): the first 10 are ten
municipalities and already show every case the proof needs – N ≤ P, N > P with the ministry's F, the matrix's and
the catalogue's (unconfirmed) base amount, A resting on it, a line at actual cost, a line repaid to the parent and a
provider whose part is not all paid from the IB; the tests below assert each of them on the sample."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Payee
from generator.documents.docx_writer import html_to_docx
from generator.documents.from_matrix.context import FINAL_NOT_SET, build
from generator.documents.from_matrix.reading import read_for_documents
from generator.documents.from_matrix.writing import render_child, write_child
from generator.ministry.templates import TemplateSource
from generator.reference.lines import fixed_unit_price
from generator.reference.open_prices import Known, known_figures
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import (
    base_unconfirmed,
    children_with_final,
    docx_tables,
    docx_text,
    money,
    table_with,
    unconfirmed,
    write_matrices,
)
from tests.ministry.factory import Child
from tests.workbook.plan_sample import FULL

pytestmark = pytest.mark.slow
POOL = 30  # the random children made (seed 12); the order of the pool decides who gets a final amount F
COUNT = POOL if FULL else 10
PROVIDER = re.compile(r"uzvārds\): (SIA Sniedzējs \d+)")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue):
    folder = tmp_path_factory.mktemp("from-matrix")
    # patched from the template's bytes (the template's own digests); the openpyxl-saved form goes through the same
    # reading in the other --from-matrix tests (tests/ministry/factory.py write_children)
    pool = children_with_final(catalogue, POOL, seed=12)
    children = write_matrices(catalogue, folder, pool[:COUNT], saved_by="xlsxpatch")
    templates = TemplateSource(catalogue)
    result = []
    for child in children:
        assert child.path is not None
        reading = read_for_documents(child.path, catalogue, templates, None)
        assert not reading.refused, reading.refused
        context = build(reading, catalogue, pseudonymous=False)
        docs = render_child(catalogue, catalogue.municipality(child.municipality), context,
                            reading.data.params_day, bool(reading.errors))
        wanted = ("01", "02", "03", "08") if child.index < 8 else ("01", "03", "08")  # 02 of a few: speed
        docx = {d.spec.id: html_to_docx(d.html, d.spec.title, d.version, d.created) for d in docs
                if d.spec.id.startswith(wanted)}
        result.append((child, reading, docs, docx))
    return result


def _expected_lines(child: Child, catalogue: Catalogue):
    outcome = child.result(catalogue)
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    rows = []
    known = _known(child, outcome, catalogue)
    for i, line in enumerate(child.inputs.lines):
        if not line.counted:
            continue
        blank = unconfirmed(catalogue, line.offer_id, line.unit_price)
        # what an open price cannot change is a figure (D294, the reference's bound)
        ib_blank = not known.lines[i] or _a_on_base(child, outcome, catalogue)
        rows.append({
            "label": offers[line.offer_id].label, "units": line.units,
            "price": None if blank else line.unit_price,
            "cost": None if blank else outcome.line_cost[i],
            "ib": None if ib_blank else outcome.line_ib[i],
            "priority": outcome.line_priority[i],
            "provider": child.people.providers[line.offer_id],
            "line": line,
            # the catalogue's payee is the parent (D29, D38): in no provider's contract or letter
            "to_parent": offers[line.offer_id].service.payee is Payee.parent,
            # the euro at actual cost at its unit's price (D70): printed as a ceiling, no units × price (D82)
            "actual_cost": fixed_unit_price(offers[line.offer_id].service.unit) == line.unit_price,
        })
    return outcome, rows


def _known(child: Child, outcome, catalogue: Catalogue) -> Known:  # noqa: ANN001
    """The figures the plan's unconfirmed prices cannot change (D294)."""
    opened = [i for i, ln in enumerate(child.inputs.lines)
              if ln.counted and unconfirmed(catalogue, ln.offer_id, ln.unit_price)]
    return known_figures(child.inputs.lines, outcome.plan, opened, outcome.provisional, child.inputs.final)


def _a_on_base(child: Child, outcome, catalogue: Catalogue) -> bool:  # noqa: ANN001
    """P rests on the unconfirmed base amount and no F applies (none, or N <= P on the provisional P): A (P, N or
    F, unknown which) is a blank."""
    return base_unconfirmed(catalogue, child) and not (
        child.inputs.final is not None and outcome.needed > outcome.provisional)


def _expected_p(child: Child, outcome, catalogue: Catalogue) -> Decimal | None:  # noqa: ANN001
    return None if base_unconfirmed(catalogue, child) else outcome.provisional


def _final(cell: str, child: Child) -> Decimal | None:
    """F's cell: the ministry's figure, or „nav noteikts” (read as None) while it has set none – never empty."""
    if child.inputs.final is None:
        assert cell == FINAL_NOT_SET, cell
        return None
    return money(cell)


def _check_amounts(table: list[list[str]], outcome, child: Child, confirmed: bool, where: str,  # noqa: ANN001
                   catalogue: Catalogue) -> None:
    # F is words while the ministry has set none (lawyertrial2 F1), every other row an amount or a blank
    values = {row[0].split(" ")[0]: row[1] if row[0].startswith("F ") else money(row[1]) for row in table[1:]}
    assert values["P"] == _expected_p(child, outcome, catalogue), where
    # D366: a void line (its units or price an invalid input, D332) is not in N: N, A and K are those of a smaller
    # plan, blanks as on the matrix's 6.5
    whole = outcome.void_count == 0
    expect_n = outcome.needed if confirmed and whole else None
    assert values["N"] == expect_n, where
    on_base = _a_on_base(child, outcome, catalogue)
    # A is N or P, which one depends on the prices no lower than 0 (D294) and on B; the ministry's F (N > P) fixes it
    figures = _known(child, outcome, catalogue)
    known = (figures.available and not base_unconfirmed(catalogue, child)) or (
        child.inputs.final is not None and outcome.needed > outcome.provisional)
    expect_a = outcome.available if known and whole else None
    assert values["A"] == expect_a, where
    sources = (child.inputs.benefits, child.inputs.services, child.inputs.other)
    assert values["K"] == (outcome.total if figures.total(*sources) and not on_base and whole else None), where
    assert _final(values["F"], child) == child.inputs.final, where


def test_the_matrices_show_every_case_across_municipalities(rendered, catalogue: Catalogue) -> None:
    assert len(rendered) >= min(COUNT, POOL - 5)  # less those who come of age before the round ends (D110)
    assert len({child.municipality for child, _, _, _ in rendered}) >= 10
    outcomes = [child.result(catalogue) for child, _, _, _ in rendered]
    assert any(o.needed <= o.provisional for o in outcomes), "vajag bērnu ar N ≤ P"
    assert any(o.needed > o.provisional and c.inputs.final is not None
               for o, (c, _, _, _) in zip(outcomes, rendered, strict=True)), "vajag bērnu ar N > P un F"
    bases = [base_unconfirmed(catalogue, c) for c, _, _, _ in rendered]
    assert any(bases) and not all(bases), "vajag bērnus ar matricas un ar kataloga (jāprecizē) bāzes apmēru"
    assert any(_a_on_base(c, o, catalogue) for o, (c, _, _, _) in zip(outcomes, rendered, strict=True)), \
        "vajag bērnu, kura A ir P ar neapstiprinātu bāzes apmēru"
    assert any(o.void_count for o in outcomes), "vajag bērnu ar nederīgu rindas daudzumu vai cenu (D366)"


def test_contract_annex_lines_and_amounts_equal_the_reference(rendered, catalogue: Catalogue) -> None:
    checked_lines = actual_cost_lines = 0
    for child, _, _docs, docx in rendered:
        outcome, expected = _expected_lines(child, catalogue)
        tables = docx_tables(docx["01-ligums-ar-vecaku"])
        lines = table_with(tables, "No IB, EUR")[1:]
        assert len(lines) == len(expected), child.index
        # annex 2 lists the lines as signed matrix sheet 6.5 does: by priority (lines without one last)
        by_priority = sorted(expected, key=lambda w: (w["priority"] is None, w["priority"] or 0))
        for row, want in zip(lines, by_priority, strict=True):
            where = f"bērns {child.index}, rinda {row[0]}"
            assert row[1] == normalise(want["label"]), where
            if want["actual_cost"]:
                assert row[2] == "pēc faktiskajām izmaksām" and len(row) == 6, where
                assert row[3].startswith("līdz ") and row[5].startswith("līdz "), where
                assert money(row[3].removeprefix("līdz ")) == want["cost"] == want["units"], where
                assert (int(row[4]) if row[4] else None) == want["priority"], where
                assert money(row[5].removeprefix("līdz ")) == want["ib"], where
                checked_lines += 1
                actual_cost_lines += 1
                continue
            assert Decimal(row[2].replace(" ", "").replace(",", ".")) == want["units"], where
            assert money(row[3]) == want["price"], where
            assert money(row[4]) == want["cost"], where
            assert (int(row[5]) if row[5] else None) == want["priority"], where
            assert money(row[6]) == want["ib"], where
            checked_lines += 1
        confirmed = all(w["price"] is not None for w in expected)
        _check_amounts(table_with(tables, "IB apmērs"), outcome, child, confirmed, f"bērns {child.index}", catalogue)
        plan_table = table_with(tables, "Rangs (eksperti / Vecāks)")[1:]
        assert [r[2] for r in plan_table] == [normalise(w["label"]) for w in expected]
    assert checked_lines > 3 * COUNT
    assert actual_cost_lines, "vajag rindu pēc faktiskajām izmaksām (D70)"


def test_decision_shows_the_childs_amounts_and_period(rendered, catalogue: Catalogue) -> None:
    for child, _, _docs, docx in rendered:
        outcome, expected = _expected_lines(child, catalogue)
        tables = docx_tables(docx["08-lemums-par-pieskirsanu"])
        grant = table_with(tables, "IB provizoriskais apmērs (P)")
        assert money(grant[1][2]) == _expected_p(child, outcome, catalogue)
        assert _final(grant[1][4], child) == child.inputs.final
        start = lvformat.date(child.inputs.period_start)
        assert grant[1][0].startswith(start)
        assert ("☒ 100 %" in grant[1][1]) == (outcome.rate == 1)
        confirmed = all(w["price"] is not None for w in expected)
        amounts = table_with(tables, "IB apmērs")
        _check_amounts(amounts, outcome, child, confirmed, f"lēmums {child.index}", catalogue)
        # A next to P (a blank exactly when the amounts table, checked against the reference, has one)
        assert grant[0][3] == "IB pieejamais apmērs plānam (A)"  # the cells say EUR (D344)
        assert money(grant[1][3]) == next(money(r[1]) for r in amounts[1:] if r[0].startswith("A "))


def _funded(want: dict) -> bool:
    """The line gets IB money from a provider's contract, or may once its blank is confirmed."""
    return not want["to_parent"] and (want["ib"] is None or want["ib"] > 0)


def _paper_providers(child: Child, expected: list[dict], catalogue: Catalogue) -> set[str]:
    """The providers that get a letter and a contract: a provider with a share an open price can change waits for it
    (D294), so does one with a line whose units or price is an invalid input (D332: its share has no figure)."""
    providers = ({w["provider"] for w in expected if _funded(w)}
                 - {w["provider"] for w in expected if w["ib"] is None and not w["to_parent"]})
    outcome = child.result(catalogue)
    if base_unconfirmed(catalogue, child) and not (child.inputs.final is not None
                                                   and outcome.needed > outcome.provisional):
        return set()  # A and every IB share rest on the unconfirmed B: no provider papers yet (D72)
    return providers


def test_one_letter_and_one_contract_per_ib_funded_provider_with_only_its_funded_part(rendered,
                                                                                     catalogue: Catalogue) -> None:
    partial = 0
    for child, _, docs, docx in rendered:
        _, expected = _expected_lines(child, catalogue)
        providers = _paper_providers(child, expected, catalogue)
        letters = [d for d in docs if d.spec.id.startswith("03-garantijas-vestule-")]
        contracts = [d for d in docs if d.spec.id.startswith("02-ligums-ar-sniedzeju-")]
        assert len(letters) == len(providers) == len(contracts), child.index
        seen = set()
        for letter in letters:
            data = docx[letter.spec.id]
            text = docx_text(data)
            name = PROVIDER.search(text).group(1)
            seen.add(name)
            mine = [w for w in expected if w["provider"] == name and _funded(w)]
            tables = docx_tables(data)
            table = table_with(tables, "Saņēmējs")
            assert "bērns, Vecāks vai ģimene" in table[0][1]  # the parent is the defined term
            rows, total = table[1:-1], table[-1]
            assert [r[0] for r in rows] == [normalise(w["label"]) for w in mine]
            for row, want in zip(rows, mine, strict=True):
                assert money(row[4]) == want["price"] and money(row[5]) == want["ib"]
            _check_funded_months(table_with(tables, "Kopā no IB"), rows, mine, f"{child.index} {name}")
            ibs = [w["ib"] for w in mine]
            assert "no individuālā budžeta" in total[0]
            assert money(total[-1]) == (None if None in ibs else sum(ibs, Decimal(0)))
            rest = [w for w in expected if w["provider"] == name and not w["to_parent"]
                    and (w["ib"] is None or w["ib"] != w["cost"])]
            assert bool(rest) == ("no individuālā budžeta nemaksā" in text), (child.index, name)
            partial += bool(rest)
            others = [w["label"] for w in expected if w["provider"] != name and w["label"] not in
                      {m["label"] for m in mine}]
            for label in others:
                assert normalise(label) not in [r[0] for r in rows]
        assert seen == providers
        for contract in contracts:
            if contract.spec.id not in docx:
                continue
            text = docx_text(docx[contract.spec.id])
            assert re.search(r"vārds, uzvārds: (SIA Sniedzējs \d+)", text).group(1) in providers, contract.spec.id
    assert partial, "vajag sniedzēju, kura daļu no individuālā budžeta nemaksā"


REPAID = re.compile(r"Atbalsta plāna pakalpojumu?s? (.*?) Dienests apmaksā, atmaksājot Vecākam")


def test_the_parent_contract_names_the_lines_the_catalogue_repays_to_the_parent(rendered,
                                                                                 catalogue: Catalogue) -> None:
    """01 §5 names, in plan order, exactly the lines whose service the catalogue pays to the parent (D38)."""
    repaid_children = 0
    for child, _, _docs, docx in rendered:
        _, expected = _expected_lines(child, catalogue)
        want = [normalise(w["label"]) for w in expected if w["to_parent"]]
        found = REPAID.search(docx_text(docx["01-ligums-ar-vecaku"]))
        named = re.findall(r"„(.*?)”", found.group(1)) if found else []
        assert named == want, child.index
        repaid_children += bool(want)
    assert repaid_children, "vajag bērnu ar pakalpojumu, ko katalogs atmaksā Vecākam"


def _units(text: str) -> Decimal | None:
    return None if "_" in text else Decimal(text.replace(" ", "").replace(",", "."))


def _check_funded_months(monthly: list[list[str]], rows: list[list[str]], mine: list[dict], where: str) -> None:
    """03's monthly table: per line the IB-funded units, the plan's months in order up to their planned units,
    summing to the units of the body's table, which the IB-funded EUR pays for (D29)."""
    assert [r[1] for r in monthly[1:]] == [normalise(w["label"]) for w in mine], where
    for month_row, body_row, want in zip(monthly[1:], rows, mine, strict=True):
        line, cells = want["line"], [_units(c) for c in month_row[2:]]
        months, total = cells[:-1], cells[-1]
        assert total == _units(body_row[2].split(" (")[0]), where
        if want["ib"] is None:
            assert all(c is None for c in cells), where
            continue
        assert sum(months) == total and total * line.unit_price <= want["ib"] + Decimal("0.005"), where
        planned = [line.month_value("planned_units", k + 1) for k in range(len(months))]
        assert all(m <= p for m, p in zip(months, planned, strict=True)), where
        short = [k for k, (m, p) in enumerate(zip(months, planned, strict=True)) if m < p]
        assert all(m == 0 for m in months[short[0] + 1:]) if short else total == line.units, where
        if want["ib"] == want["cost"]:
            assert total == line.units, where


def test_pdf_text_of_three_children_shows_the_same_figures(rendered, catalogue: Catalogue, tmp_path: Path,
                                                          pdf_text) -> None:
    for number, (child, reading, docs, _) in enumerate(rendered[:3]):
        outcome, expected = _expected_lines(child, catalogue)
        folder = tmp_path / f"b{child.index}"
        wanted = ("01", "03") if number == 0 else ("01",)  # letters of one child only: PDFs are slow
        write_child([d for d in docs if d.spec.id.startswith(wanted)], folder, draft=bool(reading.errors))
        text = normalise(pdf_text(folder / "01-ligums-ar-vecaku.pdf"))
        for want in expected:
            for key in ("cost", "ib") if want["actual_cost"] else ("price", "cost", "ib"):  # D82: no 1,00 EUR
                if want[key] is not None:
                    places = max(2, -want[key].normalize().as_tuple().exponent) if key == "price" else 2
                    # annex 2's cells under „…, EUR” headers hold the figure alone (its unit is the header's)
                    figure = re.escape(normalise(lvformat.number(want[key], places)))
                    assert re.search(rf"(?<![\d,]){figure}(?![\d,])", text), (child.index, key, want)
        if not base_unconfirmed(catalogue, child):
            assert normalise(lvformat.eur(outcome.provisional)) in text
        letters = sorted(folder.glob("03-*.pdf"))
        if number > 0:
            continue
        assert len(letters) == len(_paper_providers(child, expected, catalogue))
        for letter in letters:
            letter_text = normalise(pdf_text(letter))
            name = PROVIDER.search(letter_text).group(1)
            for want in (w for w in expected if w["provider"] == name and _funded(w)):
                assert normalise(want["label"]) in letter_text


def _cases(child: Child, catalogue: Catalogue) -> set[str]:
    """The cases of one child that the tests above ask the sample to show (their „vajag …” assertions)."""
    outcome, expected = _expected_lines(child, catalogue)
    on_catalogue_base = base_unconfirmed(catalogue, child)
    cases = {"bāze no kataloga" if on_catalogue_base else "bāze no matricas"}
    if outcome.needed <= outcome.provisional:
        cases.add("N ≤ P")
    if outcome.needed > outcome.provisional and child.inputs.final is not None:
        cases.add("N > P un F")
    if _a_on_base(child, outcome, catalogue):
        cases.add("A uz neapstiprinātā bāzes apmēra")
    if any(w["actual_cost"] for w in expected):
        cases.add("faktiskās izmaksas")
    if any(w["to_parent"] for w in expected):
        cases.add("atmaksā Vecākam")
    if not _a_on_base(child, outcome, catalogue):
        for name in {w["provider"] for w in expected if _funded(w)}:
            if any(w["provider"] == name and not w["to_parent"] and (w["ib"] is None or w["ib"] != w["cost"])
                   for w in expected):
                cases.add("sniedzēja daļu nemaksā no IB")
    return cases


def test_the_default_sample_shows_every_case_of_the_thirty(catalogue: Catalogue) -> None:
    """D230: the first COUNT children show every case that the whole pool of 30 shows, in as many municipalities
    (the reference alone, nothing rendered); with IBM_FULL=1 the sample is the pool."""
    pool = children_with_final(catalogue, POOL, seed=12)
    sample = pool[:COUNT]
    every = set().union(*(_cases(c, catalogue) for c in pool))
    shown = set().union(*(_cases(c, catalogue) for c in sample))
    assert shown == every, every - shown
    assert {c.municipality for c in sample} == {c.municipality for c in pool}
    assert len(sample) < len(pool) or FULL
