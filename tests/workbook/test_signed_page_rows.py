"""Each signed annex (6.3, 6.5, 6.6, 6.9) prints its signature lines on a page that also holds plan rows (issue 11's
proof; audit42 F1, F2; D96), never split between two pages, and 6.5's totals block (P … K and the transport share)
whole on that page. Every count of open rows a program or a person opening the groups with „+” leaves: 5, 10, …, 40
(plans of 1, 2, …, 40 lines; by default the lengths at which the page model breaks a page otherwise, with their
neighbours, 1 and 40 – tests/workbook/print_lengths.py, D292; every length with IBM_FULL=1), with goals of the limit's
length (input_checks.GOAL_CHARS). The printed pages of those lengths are the model's (where each page starts, how many
there are), so the lengths left out break their pages as one of their printed neighbours. All workbooks go to PDF in
ONE LibreOffice call, each with only its four signed sheets visible (tests/workbook/signed_pages.py). And every
signature page names what the signatures approve – the used rows and the annex's figure (D272) –, also where it holds
only struck rows (signed_pages.STRUCK_ONLY); on main before D272 that test failed for every sheet and count.

On main before D96's rewrite it failed for 6.3 with 1–15 and 25–35 lines (the goals under the rows), 6.9 with 25,
6.5 and 6.6 with 15 and 35: the signature page held only the repeated table header and what follows the rows. 6.5 and
6.6 did until D197 (6.5: rows of 38 px, its totals in two columns; 6.6: what follows its rows four rows high)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.recalc import convert, make_profile
from generator.workbook.input_checks import GOAL_CHARS, GOAL_FIELDS
from generator.workbook.names import write
from generator.workbook.page_count import pages_text
from generator.workbook.texts import CHECKS_LEGEND_LABEL, CONTINUED
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.kept_book import kept_book
from tests.workbook.print_lengths import EVERY_LENGTH, first_used_rows, lengths_to_print
from tests.workbook.signed_pages import (
    SIGNED,
    STRUCK_ONLY,
    SignedPrint,
    expected_figure,
    flat,
    pages_by_sheet,
    pypdf_texts,
    signed_copy,
    signed_print,
)
from tests.workbook.test_print import _showcase_file
from tests.workbook.test_print_goals import MARKS, text_of

catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

# Counts of plan lines of 1..40 (the template's rows; print_lengths.lengths_to_print), the groups opened as a program
# opens them: 1 line – five rows open, four of them struck; 5k lines – 5k rows open, all used. All in one soffice call.
# 6.5's totals block: its first and last lines print on the signature page too.
TOTALS_65 = ("IB provizoriskais apmērs (P)", "transporta daļa no A")


def _long_goals(wb: Workbook) -> None:
    for field, mark in zip(GOAL_FIELDS, MARKS, strict=True):
        write(wb, field.name, text_of(GOAL_CHARS, mark))


@pytest.fixture(scope="module")
def found(catalogue, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[tuple[str, int], tuple[SignedPrint, str, str, tuple[int, ...]]]:
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("signed-pages")
    book = kept_book(templates["liepaja"])
    lines = lengths_to_print(book[sheet] for sheet in SIGNED)
    copies = {n: signed_copy(_showcase_file(catalogue, templates["liepaja"], folder / f"rindas-{n}.xlsx", lines=n,
                                            change=_long_goals), folder) for n in lines}
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    result = {}
    for n, pdf in zip(copies, pdfs, strict=True):
        sheets = pages_by_sheet(Path(pdf))
        for sheet in SIGNED:
            got = signed_print(sheet, n, sheets[sheet])
            signed = [p for p in sheets[sheet] if "(paraksts)" in p.text]
            result[(sheet, n)] = (got, signed[-1].text, expected_figure(sheet, sheets, Path(pdf)),
                                  first_used_rows(book[sheet], n), tuple(flat(p.text) for p in sheets[sheet]))
    # the pages are read with pdftotext (signed_pages.page_texts); pypdf's text of the longest plan finds the same
    longest = Path(pdfs[-1])
    by_pypdf = pages_by_sheet(longest, pypdf_texts(longest))
    for sheet in SIGNED:
        assert signed_print(sheet, lines[-1], by_pypdf[sheet]) == result[(sheet, lines[-1])][0], sheet
    return result


def _printed(found: dict, sheet: str) -> list[int]:  # noqa: ANN001
    lines = sorted(n for s, n in found if s == sheet)
    assert (lines[0], lines[-1]) == (EVERY_LENGTH[0], EVERY_LENGTH[-1]), lines  # the shortest and longest always
    return lines


@pytest.mark.parametrize("sheet", SIGNED)
def test_the_printed_pages_break_where_the_page_model_says(found: dict, sheet: str) -> None:  # noqa: ANN001
    """The lengths left out by default (D292) are chosen by the page model: on every printed length LibreOffice's pages
    of the annex start at the plan rows the model gives (the first used row of each page, 0 where a page has none)."""
    wrong = {n: (found[(sheet, n)][0].first_rows, found[(sheet, n)][3]) for n in _printed(found, sheet)
             if found[(sheet, n)][0].first_rows != found[(sheet, n)][3]}
    assert not wrong, f"{sheet}: LibreOffice un lappušu modelis lappuses sāk citur ({{rindas: (PDF, modelis)}}): {wrong}"


@pytest.mark.parametrize("sheet", SIGNED)
def test_signatures_print_on_a_page_with_plan_rows(found: dict[tuple[str, int], tuple[SignedPrint, str, str, tuple]],
                                                   sheet: str) -> None:
    wrong = []
    for lines in _printed(found, sheet):
        got, text, *_ = found[(sheet, lines)]
        where = f"{sheet}, {lines} rindas ({got.pages} lapas, rindas lapās no {got.first_rows})"
        if got.split:
            wrong.append(f"{where}: paraksti sadalīti pa divām lapām")
        # a used plan row on the signature page (a struck row is not a plan row: audit33b F1), but the counts the layout
        # cannot keep so (signed_pages.STRUCK_ONLY); there 6.5, 6.6 and 6.9 print what follows their rows
        if bool(got.used_rows) == (lines in STRUCK_ONLY[sheet]):
            wrong.append(f"{where}: parakstu lapā {'ir' if got.used_rows else 'nav'} izmantotu plāna rindu "
                         "(STRUCK_ONLY)")
        if sheet != "6.3" and not got.after_rows:
            wrong.append(f"{where}: parakstu lapā nav tā, kas seko rindām")
        if not got.with_plan_rows:
            wrong.append(f"{where}: parakstu lapā nav plāna rindu")
        if lines % 5 == 0 and lines not in got.used_rows:  # every open row is used: the last used one is there
            wrong.append(f"{where}: parakstu lapā nav pēdējās plāna rindas ({got.used_rows})")
        if sheet == "6.5":
            wrong += [f"{where}: parakstu lapā nav kopsummu rindas „{label}”" for label in TOTALS_65
                      if label not in " ".join(text.split())]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("sheet", SIGNED)
def test_signature_page_names_what_it_signs(found: dict[tuple[str, int], tuple[SignedPrint, str, str, tuple]],
                                            sheet: str) -> None:
    """D272 (audit33b F1): every signature page holds the line that names what the signatures approve – the plan's
    used rows (count, first and last number) and the annex's figure as the same print shows it elsewhere (N and K in
    6.5's totals, "______" while they rest on a "jāprecizē" value; the months in 6.6's headings). It matters most for
    the plans whose signature page holds no used row (signed_pages.STRUCK_ONLY): there it is the plan's identity."""
    wrong = []
    for lines in _printed(found, sheet):
        got, text, figure, *_ = found[(sheet, lines)]
        where = f"{sheet}, {lines} rindas{' (STRUCK_ONLY)' if lines in STRUCK_ONLY[sheet] else ''}"
        if got.signed_line is None:
            wrong.append(f"{where}: parakstu lapā nav rindas, ko paraksti apliecina: {text[-600:]!r}")
        elif got.signed_line != (lines, 1, lines, figure):
            wrong.append(f"{where}: {got.signed_line} (gaidīts {lines}, 1, {lines}, {figure!r})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("sheet", SIGNED)
def test_every_page_states_the_annexs_page_count(found: dict, sheet: str) -> None:  # noqa: ANN001
    """D295 (issue 11): every printed page of the annex says how many pages the annex has, and the count is the number
    of pages LibreOffice really printed of it – the sheet's lookup table, generated from the page model at build
    time, checked against the print for each printed length (all 40 with IBM_FULL=1). On main before D295 no page
    said it (the footer's "6.3. tabula, 2. lapa" only)."""
    wrong = []
    for lines in _printed(found, sheet):
        texts = found[(sheet, lines)][4]
        expected = pages_text(len(texts))
        missing = [k for k, text in enumerate(texts, start=1) if expected not in text]
        if missing:
            printed = sorted({m for t in texts for m in re.findall(r"Pielikums \d+ lap\w+", t)})
            wrong.append(f"{sheet}, {lines} rindas: {len(texts)} lapas, bet „{expected}” nav {missing}. lapā "
                         f"(izdrukāts {printed})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("sheet", SIGNED)
def test_every_page_but_the_last_says_the_annex_continues(found: dict, sheet: str) -> None:  # noqa: ANN001
    """D295: the blank space under the rows of a page the annex continues from holds the continuation mark, the last
    page none; on 6.3 and 6.6 every page repeats the legend of the rows' check numbers that the last page prints
    under the rows (the showcase has a "1" on 6.3: 2.1's ceiling is not confirmed). On main before D295 no page had
    the mark, and 6.3's legend was on its last page only."""
    wrong, legends = [], 0
    for lines in _printed(found, sheet):
        texts = found[(sheet, lines)][4]
        where = f"{sheet}, {lines} rindas"
        wrong += [f"{where}, {k}. lapa: nav „{CONTINUED}”" for k, text in enumerate(texts[:-1], start=1)
                  if CONTINUED not in text]
        if CONTINUED in texts[-1]:
            wrong.append(f"{where}: „{CONTINUED}” pēdējā lapā")
        if sheet in ("6.3", "6.6"):
            last = texts[-1]
            legend = last[last.find(CHECKS_LEGEND_LABEL):].split(".")[0] if CHECKS_LEGEND_LABEL in last else None
            legends += legend is not None
            wrong += [f"{where}, {k}. lapa: nav pārbaužu skaidrojuma „{legend}”" for k, text in
                      enumerate(texts[:-1], start=1) if legend is not None and legend not in text]
    assert sheet != "6.3" or legends, "6.3: neviena izdruka nerāda pārbaužu skaidrojumu (pārbaude bez gadījuma)"
    assert not wrong, "\n".join(wrong)
