"""Printed amounts that rest on unconfirmed values (issue 11, audit7 F8 and F7), read from the PDF that LibreOffice
prints one sheet at a time.

F8: the signed 6.5 with F typed while N <= P on the provisional P (B unconfirmed) printed K, "Finansēts no IB"
and each line's IB share as figures next to a blank A. Everything funded from A is a blank wherever A is (D22,
D53), and F's label says whether F applies. F7: the working sheets 6.4, 6.7 and 6.10 printed the catalogue's
"jāprecizē" price unmarked; it prints "5,11*" with a note under the table.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import offer_code
from generator.recalc import make_profile
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import read
from generator.workbook.texts import (
    AMOUNT_MARK_BOTH,
    AMOUNT_MARK_NO_PRICE,
    AMOUNT_MARK_NOTE,
    BLANK,
    CELL,
    FINAL_IF_OVER,
    FINAL_LABEL,
    FINAL_NOT_APPLIED,
    PRICE_MARK_BOTH,
    PRICE_MARK_NO_PRICE,
    PRICE_MARK_NOTE,
)
from generator.workbook.writer import template_date
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_clip import cut_runs, text_runs
from tests.workbook.pdf_pages import Page, print_sheets_apart, read_pages
from tests.workbook.plans import random_plan
from tests.workbook.test_print import PEOPLE, PROVISIONAL_LINE, showcase

# the module's catalogue, day, params and templates: a test round with a prefilled "jāprecizē" price (D61)
catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

FINAL = Decimal("583.15")  # the ministry's F as audit7 found it typed (below N)
TYPED_BASE = Decimal("3100.00")  # a B the ministry typed into 6.11 (not the catalogue's own, D257)
AUDIT_SEED = 20181001  # audit7's random plan: B unconfirmed, F typed, N <= P on the provisional P
MIN_FONT = 8.0
FIGURE_PART = re.compile(r"^[\d\s,.%]+$")


def _confirmed_prices(catalogue: Catalogue, **changes: object) -> WorkbookInputs:
    """The showcase without its "jāprecizē" line 2.1: every price confirmed, N <= P."""
    inputs = showcase(catalogue)
    lines = tuple(ln for ln in inputs.lines if ln.offer_id != PROVISIONAL_LINE)
    return dataclasses.replace(inputs, lines=lines, **changes)


NO_PRICE_LINE = "3.1.2i"  # D367: the showcase's line priced 0,00 – no provider's price (D364)


def _no_price(inputs: WorkbookInputs) -> WorkbookInputs:
    """``inputs`` with NO_PRICE_LINE priced 0,00."""
    lines = tuple(dataclasses.replace(ln, unit_price=Decimal(0)) if ln.offer_id == NO_PRICE_LINE else ln
                  for ln in inputs.lines)
    assert lines != inputs.lines
    return dataclasses.replace(inputs, lines=lines)


def _cases(catalogue: Catalogue, params) -> dict[str, tuple[WorkbookInputs, tuple[str, ...]]]:  # noqa: ANN001
    audit = random_plan(AUDIT_SEED, catalogue.offers(template_date(catalogue)), params.full_rate_max_age,
                        params.eligibility_age_limit, params.period_months_max, periods=params.reporting_periods)
    return {
        # B unconfirmed (the catalogue's), F typed, N <= P on the provisional P: F may or may not apply
        "f-b-neapst": (_confirmed_prices(catalogue, final=FINAL), ("6.5",)),
        f"audit-{AUDIT_SEED}": (audit.inputs, ("6.5",)),
        # the same with the catalogue's unconfirmed B copied into 6.11: no B of LM's (D257), the same marks
        "f-b-kopets": (_confirmed_prices(catalogue, base=params.base_amount, final=FINAL), ("6.5",)),
        # B typed, F typed, N <= P: F does not apply, A = N
        "f-nepiemero": (_confirmed_prices(catalogue, base=TYPED_BASE, final=FINAL), ("6.4", "6.5", "6.7")),
        # the showcase: line 2.1 keeps the catalogue's "jāprecizē" price
        "cena-japrecize": (showcase(catalogue), ("6.4", "6.7", "6.10")),
        # D367: a line priced 0,00 alone, and beside the "jāprecizē" line 2.1
        "cena-0": (_no_price(_confirmed_prices(catalogue)), ("6.4", "6.7", "6.10")),
        "cena-0-un-japrecize": (_no_price(showcase(catalogue)), ("6.4", "6.7", "6.10")),
    }


@pytest.fixture(scope="module")
def printed(catalogue: Catalogue, templates, params, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
            ) -> dict[str, tuple[WorkbookInputs, dict[str, Path]]]:
    """case -> (its inputs, sheet -> the PDF of that sheet printed on its own), in one running LibreOffice."""
    require_calibri_metrics()  # skips without LibreOffice, fails without Calibri's metrics
    folder = tmp_path_factory.mktemp("amount-marks")
    labels = recipient_labels(catalogue)
    files: dict[Path, tuple[str, ...]] = {}
    cases = _cases(catalogue, params)
    for name, (inputs, sheets) in cases.items():
        wb = load_workbook(templates["liepaja"])
        fill(wb, inputs, labels, PEOPLE)
        path = folder / f"{name}.xlsx"
        wb.save(path)
        files[path] = tuple(sheets)
    pdfs = print_sheets_apart(files, folder / "pdf", make_profile(folder / "profile"))
    result: dict[str, tuple[WorkbookInputs, dict[str, Path]]] = {name: (inputs, {}) for name, (inputs, _) in
                                                                  cases.items()}
    for (name, sheet), pdf in pdfs.items():
        result[name][1][sheet] = pdf
    return result


def _text(pages: list[Page]) -> str:
    """The pages' text in one line per page, thousands grouped with a plain space."""
    return "\n".join(" ".join(p.text.replace("\u00a0", " ").replace("\u202f", " ").split()) for p in pages)


def _beside(pdf: Path, label: str) -> str:
    """What prints right of ``label`` on its line (its value cell), spaces normalised; "" when nothing does."""
    runs = text_runs(pdf)
    found = [r for r in runs if " ".join(r.text.split()) == label]
    assert found, f"nav „{label}”"
    right = sorted((r for r in runs if r.page == found[0].page and abs(r.y - found[0].y) < 2
                    and r.x0 > found[0].x1 + 1), key=lambda r: r.x0)
    # the value cell's runs: a figure that LibreOffice may draw in pieces ("1", "917,00"), or the blank; the note
    # beside the totals starts with a word
    cell = right[:1]
    for run in right[1:]:
        if run.x0 - cell[-1].x1 > 5 or not FIGURE_PART.match(run.text.strip()):
            break
        cell.append(run)
    return " ".join(" ".join(r.text for r in cell).replace("\u00a0", " ").replace("\u202f", " ").split())


def _figure(value: object) -> str:
    return lvformat.number(Decimal(str(value))).replace("\u00a0", " ").replace("\u202f", " ")


def test_unconfirmed_base_with_f_within_p_blanks_all_funded_from_a(printed, params) -> None:  # noqa: ANN001
    """F typed while N <= P on an unconfirmed B: A is a blank, and so are "Finansēts no IB", K, the other sources
    used, the transport share and each line's IB share and its funding state (the old 6.5 printed them as figures
    resting on A = N); F's figure prints with the label that it applies only if N > P. The catalogue's unconfirmed
    B copied into 6.11 is no B of LM's (D257, review33 F2): the same blanks as an empty B."""
    assert not params.base_confirmed
    for name in ("f-b-neapst", f"audit-{AUDIT_SEED}", "f-b-kopets"):
        inputs, pdfs = printed[name]
        result = evaluate_workbook(inputs, params)
        values = result.named_values()
        assert inputs.final is not None and inputs.base in (None, params.base_amount), name
        assert values["IB_Nepieciesamais"] <= values["IB_Provizoriskais"], name  # A = N on the provisional P
        text = _text(read_pages(pdfs["6.5"]))
        assert FINAL_IF_OVER in text and FINAL_NOT_APPLIED not in text, name
        assert _beside(pdfs["6.5"], FINAL_IF_OVER) == _figure(inputs.final), name
        counted = sum(1 for ln in inputs.lines if ln.counted)
        # P, A, the IB-funded sum, three sources, K and the transport share; two per plan line (IB, its state)
        assert text.count(BLANK) >= 8 + 2 * counted, (name, text.count(BLANK))
        for label in ("IB pieejamais apmērs plānam (A)", "Finansēts no IB", "IB kopējais apmērs (K)",
                      "No IB finansētā transporta daļa no A"):
            assert _beside(pdfs["6.5"], label) == BLANK, (name, label)


def test_f_not_applied_when_n_within_p_says_so(printed, params) -> None:  # noqa: ANN001
    """B typed, F typed while N <= P: A = N (the reference's), every figure prints, and F's label says F is not
    applied; the working 6.4's status says the same."""
    inputs, pdfs = printed["f-nepiemero"]
    values = evaluate_workbook(inputs, params).named_values()
    assert values["IB_Pieejamais"] == values["IB_Nepieciesamais"] != inputs.final
    text = _text(read_pages(pdfs["6.5"]))
    # the parties' names in the header are blanks while the catalogue does not confirm them (D43, D51): not amounts
    amounts = re.sub(rf"(Pašvaldība|Sociālais dienests): {re.escape(BLANK)}", "", text)
    assert "Sociālais dienests: " + BLANK in text
    assert BLANK not in amounts
    assert _beside(pdfs["6.5"], FINAL_NOT_APPLIED) == _figure(inputs.final)
    result = evaluate_workbook(inputs, params)
    for label, value in (("IB pieejamais apmērs plānam (A)", values["IB_Pieejamais"]),
                         ("Finansēts no IB", result.plan.ib_funded), ("IB kopējais apmērs (K)", values["IB_Kopejais"])):
        assert _beside(pdfs["6.5"], label) == _figure(value), label
    assert "ievadīto F nepiemēro" in _text(read_pages(pdfs["6.4"]))


def test_unconfirmed_price_marked_on_working_sheets(printed, catalogue: Catalogue, params) -> None:  # noqa: ANN001
    """The showcase's 2.1 keeps the catalogue's "jāprecizē" price: 6.4, 6.7 and 6.10 print it with "*" and the note
    under the table; with every price confirmed neither prints. On 6.7 the amounts the price can still change carry
    the mark too (D298): the line's months, its total and sum, „Kopā mēnesī” and the totals; its legend says which."""
    offer = {o.id: o for o in catalogue.offers(template_date(catalogue))}[PROVISIONAL_LINE]
    price = _figure(offer.prefill_price)
    inputs, marked = printed["cena-japrecize"]
    _, clean = printed["f-nepiemero"]
    result = evaluate_workbook(inputs, params)
    i = next(k for k, ln in enumerate(inputs.lines) if ln.offer_id == PROVISIONAL_LINE)
    months = [a for a in result.monthly_amounts[i] or () if a]
    assert months, result.monthly_amounts[i]
    per_month = [sum((m[k] or Decimal(0) for m in result.monthly_amounts if m is not None), Decimal(0))
                 for k in range(inputs.months)]
    for sheet in ("6.4", "6.7", "6.10"):
        note = " ".join((AMOUNT_MARK_NOTE if sheet == "6.7" else PRICE_MARK_NOTE).split())
        text = _text(read_pages(marked[sheet]))
        assert f"{price}*" in text, sheet
        if sheet == "6.7":
            for amount in (*months, result.line_cost[i], sum(months, Decimal(0)), result.needed,
                           *(m for m in per_month if m)):
                assert f"{_figure(amount)}*" in text, (amount, text)
        # the note whole (6.10 wraps it in two lines of the repeated label columns: its words in order)
        assert note in text or all(w in text for w in note.split()[:8]), sheet
        if sheet in clean:
            other = _text(read_pages(clean[sheet]))
            assert "*" not in other and "vēl jāprecizē" not in other, sheet


def test_marks_print_whole_and_readable(printed) -> None:  # noqa: ANN001
    """The new label of F and the price note: never cut or hidden under their row, at 8 pt or larger; F's usual
    label where no F is typed."""
    for name, (_, pdfs) in printed.items():
        for sheet, pdf in pdfs.items():
            cuts = [str(c) for c in cut_runs(pdf, below=True) if "jāprecizē" in c.text or "(F)" in c.text
                    or "provizoriskas" in c.text or c.text.startswith("*")]
            assert not cuts, f"{name} {sheet}: {cuts}"
            for page in read_pages(pdf):
                assert page.min_font >= MIN_FONT - 0.05, f"{name} {sheet}: {page.min_font:.1f} pt"
    assert FINAL_LABEL not in _text(read_pages(printed["f-nepiemero"][1]["6.5"]))


def _price_cell(template: Path, offer_id: str) -> str:
    """The 6.8 price cell („I28”) of ``offer_id``."""
    wb = load_workbook(template)
    ids = [offer_code(str(v)) if v else "" for v in read(wb, "Pak_Id")]
    [(_, ref)] = wb.defined_names["Pak_Cena"].destinations
    first = ref.split(":")[0].replace("$", "")
    column = first.rstrip("0123456789")
    return f"{column}{int(first[len(column):]) + ids.index(offer_id)}"


@pytest.mark.parametrize("name", ["cena-0", "cena-0-un-japrecize"])
def test_a_price_of_0_is_no_price_on_the_working_sheets(printed, templates, name: str) -> None:  # noqa: ANN001
    """D367: the notes under the marked prices of 6.4, 6.7 and 6.10 say what is true of a line priced 0,00 – no
    provider's price, type it in 6.8 at its cell – in the words of 6.5 and 6.9 (D364), not that LM confirms it; beside
    a line that keeps the catalogue's "jāprecizē" price, both; the LM note alone stays for such a line alone (above)."""
    cell = _price_cell(templates["liepaja"], NO_PRICE_LINE)
    _, pdfs = printed[name]
    alone = name == "cena-0"
    for sheet in ("6.4", "6.7", "6.10"):
        if sheet == "6.7":
            note = AMOUNT_MARK_NO_PRICE if alone else AMOUNT_MARK_BOTH
        else:
            note = PRICE_MARK_NO_PRICE if alone else PRICE_MARK_BOTH
        words = " ".join(note.replace(CELL, cell).split())
        text = _text(read_pages(pdfs[sheet]))
        assert "0,00*" in text, sheet
        # the note whole, or its words in order where it wraps in narrow columns (6.10)
        assert words in text or _in_order(words.split(), text), (sheet, words, text[-600:])
        assert cell in text and "nav sniedzēja cenas" in text, sheet
        assert ("apstiprina LM" in text) is not alone, sheet  # the LM words only beside the LM price
        for other in (PRICE_MARK_NOTE, AMOUNT_MARK_NOTE):
            assert " ".join(other.split())[:40] not in text, sheet


def _in_order(words: list[str], text: str) -> bool:
    """Each of ``words`` in ``text``, one after another."""
    at = 0
    for word in words:
        at = text.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True
