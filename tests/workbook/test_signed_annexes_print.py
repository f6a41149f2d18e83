"""The signed annexes (6.3, 6.5, 6.6, 6.9) as LibreOffice recalculates and prints them, one sheet at a time
(issue 11, audit F1, F2, F4, F13, F15): a matrix with errors (a period outside every programme round; a price above
its ceiling) prints "NAV PARAKSTĀMS" beside the title and by the signatures of each; a matrix without errors
prints the parent's statement instead; a 6-line plan prints its four unused rows struck, a 10-line plan none.
All workbooks go to PDF in ONE LibreOffice call."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.workbook import evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.texts import (
    APPLICATION_ADDRESSEE_LABEL,
    EMPTY_MARK,
    NOT_SIGNABLE,
    NOT_SIGNABLE_SHORT,
    PARENT_STATEMENT,
    STRUCK_ROWS,
)
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_pages import Page, print_sheets_apart, read_pages
from tests.workbook.test_print import PEOPLE, showcase

# the module's catalogue, day, params and templates: a test round with a prefilled "jāprecizē" price (D61)
catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

SIGNED = ("6.3", "6.5", "6.6", "6.9")
# Cells that print EMPTY_MARK in an unused plan row (generator/workbook/sheets: plan, annex, months, application).
STRUCK_CELLS = {"6.3": 4, "6.5": 3, "6.6": 2, "6.9": 3}
# (name, first day of the period (None: the last reporting period's, whose six months the showcase fills), plan
# lines, (offer, unit price) or None); "derigs-*" have no errors.
OUTSIDE_ROUNDS = dt.date(2026, 1, 1)  # after every programme round of the catalogue
ABOVE_CEILING = ("3.4.1g", "999.00")  # a group price with a confirmed ceiling far below this price
WORKBOOKS = (("derigs-6", None, 6, None), ("derigs-10", None, 10, None), ("kluda-periods", OUTSIDE_ROUNDS, 6, None),
             ("kluda-cena", None, 6, ABOVE_CEILING), ("derigs-sanemejs", None, 6, None))
TYPED_RECIPIENTS = "derigs-sanemejs"  # the showcase with each line's recipient typed (the showcase leaves it empty)
REFERENCE_ERRORS: dict[str, int] = {}  # workbook name -> the reference's error count (filled by ``printed``)
NOT_SIGNABLE_COUNT = re.compile(re.escape(NOT_SIGNABLE[0].split(":")[0]) + r": matricā ir kļūdas \((\d+)")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(catalogue: Catalogue, templates, params, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
            ) -> dict[str, dict[str, list[Page]]]:
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("signed")
    files: dict[Path, tuple[str, ...]] = {}
    REFERENCE_ERRORS.clear()
    for name, start, lines, price in WORKBOOKS:
        inputs = showcase(catalogue)
        inputs = dataclasses.replace(inputs, lines=showcase(catalogue, -(-lines // 6)).lines[:lines])
        inputs = dataclasses.replace(inputs, period_start=start or params.reporting_periods[-1].start)
        if price:
            inputs = dataclasses.replace(inputs, lines=tuple(
                dataclasses.replace(ln, unit_price=Decimal(price[1])) if ln.offer_id == price[0] else ln
                for ln in inputs.lines))
        if name == TYPED_RECIPIENTS:
            inputs = dataclasses.replace(inputs, lines=tuple(dataclasses.replace(ln, recipient=ln.service_recipient)
                                                             for ln in inputs.lines))
        REFERENCE_ERRORS[name] = evaluate_workbook(inputs, params).errors
        wb = load_workbook(templates["liepaja"])
        fill(wb, inputs, recipient_labels(catalogue), PEOPLE)
        path = folder / f"{name}.xlsx"
        wb.save(path)
        files[path] = tuple(SIGNED)
    pdfs = print_sheets_apart(files, folder / "pdf", make_profile(folder / "profile"))
    result: dict[str, dict[str, list[Page]]] = {}
    for (name, sheet), pdf in pdfs.items():
        result.setdefault(name, {})[sheet] = read_pages(pdf)
    return result


@pytest.mark.parametrize("name", ("kluda-periods", "kluda-cena"))
@pytest.mark.parametrize("sheet", SIGNED)
def test_annex_of_a_matrix_with_errors_says_not_to_sign_it(printed, name: str, sheet: str) -> None:  # noqa: ANN001
    """F4: beside the title (first page) and by the signatures (last page), with the error count of 6.11."""
    pages = printed[name][sheet]
    first, last = _flat(pages[0].text), _flat(pages[-1].text)
    short = NOT_SIGNABLE_SHORT[0]
    assert short in first, f"{name} {sheet}: nav „{short}” pie virsraksta"
    assert _flat(NOT_SIGNABLE[1]) in last and "(paraksts)" in pages[-1].text, f"{name} {sheet}: nav pie parakstiem"
    counts = {int(n) for page in pages for n in NOT_SIGNABLE_COUNT.findall(_flat(page.text))}
    assert counts == {REFERENCE_ERRORS[name]} and REFERENCE_ERRORS[name] > 0, f"{name} {sheet}: kļūdu skaits {counts}"
    if sheet in PARENT_STATEMENT:  # the statement gives way: nothing on the page invites a signature
        assert "iepazinies/iepazinusies" not in last, f"{name} {sheet}"


@pytest.mark.parametrize("name", ("derigs-6", "derigs-10"))
@pytest.mark.parametrize("sheet", SIGNED)
def test_annex_of_a_clean_matrix_prints_the_statement(printed, name: str, sheet: str) -> None:  # noqa: ANN001
    """F1, F4: no "NAV PARAKSTĀMS" anywhere; the plan annexes print the parent's statement on the signed page; 6.9
    names its addressee above the request."""
    pages = printed[name][sheet]
    text = _flat("\n".join(page.text for page in pages))
    assert REFERENCE_ERRORS[name] == 0, f"{name}: {REFERENCE_ERRORS[name]} kļūdas"
    assert NOT_SIGNABLE_SHORT[0].split(":")[0] not in text, f"{name} {sheet}"
    last = _flat(pages[-1].text)
    if sheet in PARENT_STATEMENT:
        assert _flat(PARENT_STATEMENT[sheet]) in last, f"{name} {sheet}: nav vecāka apliecinājuma"
    else:
        assert APPLICATION_ADDRESSEE_LABEL in text and "sociālajam dienestam" in text
        assert text.index(APPLICATION_ADDRESSEE_LABEL) < text.index("Lūdzu ")
    if sheet == "6.5":
        assert "bāzes apmērs (B)" in text


@pytest.mark.parametrize("sheet", SIGNED)
def test_unused_rows_print_struck(printed, sheet: str) -> None:  # noqa: ANN001
    """F2: the 6-line plan prints its four unused rows (7–10) with EMPTY_MARK in their Nr. and name cells and the
    note under the table; the 10-line plan, every shown row used, prints neither."""
    six = _flat("\n".join(page.text for page in printed["derigs-6"][sheet]))
    ten = _flat("\n".join(page.text for page in printed["derigs-10"][sheet]))
    note = _flat(STRUCK_ROWS)
    assert note in six and six.count(EMPTY_MARK) == 4 * STRUCK_CELLS[sheet] + note.count(EMPTY_MARK), (
        f"6 rindas {sheet}: {six.count(EMPTY_MARK)} × „{EMPTY_MARK}”")
    assert note not in ten and EMPTY_MARK not in ten.replace("–", ""), f"10 rindas {sheet}"


def test_an_empty_recipient_is_the_services_own(printed, catalogue: Catalogue) -> None:  # noqa: ANN001
    """annexhead F4 (D48, D227): the showcase's lines leave 6.3's "Saņēmējs" empty, which means the service's own
    recipient (the catalogue's, 6.8's column): the signed 6.3 says so under the table, on the signed page; with every
    recipient typed it prints no such note."""
    assert all(ln.recipient is None for ln in showcase(catalogue).lines)
    note = "Tukšs „Saņēmējs” – saņēmējs kā 6.8. tabulā."
    pages = printed["derigs-6"]["6.3"]
    assert note in _flat(pages[-1].text) and "(paraksts)" in pages[-1].text, "6.3: nav piezīmes par tukšu saņēmēju"
    typed = _flat("\n".join(page.text for page in printed[TYPED_RECIPIENTS]["6.3"]))
    assert REFERENCE_ERRORS[TYPED_RECIPIENTS] == 0 and "Tukšs „Saņēmējs”" not in typed
