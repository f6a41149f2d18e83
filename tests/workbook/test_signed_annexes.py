"""The signed annexes (6.3, 6.5, 6.6, 6.9) as written, fit to sign (issue 11, audit F1, F2, F4, F13, F15): what the
parent's signature means, a "NAV PARAKSTĀMS" line while the workbook has errors, unused plan rows struck, 6.9's
addressee, 6.5's words for a parent. The printed proof (LibreOffice) is test_signed_annexes_print.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.workbook.layout import Layout
from generator.workbook.sheets import annex, application, plan_rows
from generator.workbook.sheets.common import HAS_ERRORS
from generator.workbook.texts import (
    ANNEX_BASE_BLANK,
    ANNEX_BOTH_BLANK,
    ANNEX_PAGES,
    APPLICATION_ADDRESSEE_BLANK,
    APPLICATION_ADDRESSEE_LABEL,
    BLANK,
    EMPTY_MARK,
    NOT_SIGNABLE,
    NOT_SIGNABLE_BROKEN,
    NOT_SIGNABLE_BROKEN_SHORT,
    NOT_SIGNABLE_SHORT,
    PARENT_STATEMENT,
    SIGNED_WHAT,
    STRUCK_ROWS,
)

LAY = Layout(offers=0, months=6)  # the plan rows only: they do not depend on the catalogue
SIGNED = ("6.3", "6.5", "6.6", "6.9")
# The first plan row of each signed annex and the columns whose unused rows print EMPTY_MARK.
STRUCK_COLUMNS = {"6.3": "ABEJ", "6.5": "ABC", "6.6": "AB", "6.9": "ABC"}


@pytest.fixture(scope="module")
def wb(templates):  # noqa: ANN001, ANN201 - the session's templates, an openpyxl workbook
    return load_workbook(templates["liepaja"])


def _cells(ws: Worksheet, needle: str) -> list[tuple[int, str]]:
    """(row, column letter) of the cells whose value (text or formula) contains ``needle``."""
    return [(c.row, c.column_letter) for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and needle in c.value]


def _signature_rows(ws: Worksheet) -> list[int]:
    return sorted(r for r, _ in _cells(ws, "(paraksts)"))


@pytest.mark.parametrize("sheet", ("6.3", "6.5", "6.6"))
def test_parent_statement_with_the_signatures(wb, sheet: str) -> None:  # noqa: ANN001
    """F1: the plan annexes say what the parent's signature means, gender-neutral as the documents word it, on the
    signed page: between the plan rows and the parent's signature line."""
    ws = wb[sheet]
    text = PARENT_STATEMENT[sheet]
    assert "iepazinies/iepazinusies" in text and text.startswith("Vecāks, parakstot")
    found = _cells(ws, f'"{text}')  # 6.6: the line goes on with D272's sentence (SIGNED_WHAT)
    assert len(found) == 1, f"{sheet}: vecāka apliecinājums {found}"
    row, _ = found[0]
    assert LAY.plan_last < row <= _signature_rows(ws)[-1], f"{sheet}: apliecinājums {row}. rindā"


@pytest.mark.parametrize("sheet", SIGNED)
def test_signed_line_right_above_or_beside_the_signatures(wb, sheet: str) -> None:  # noqa: ANN001
    """D272: one formula names what the signatures approve (the used rows of the Nr. column, counted), in the line
    right above the first signature line (6.6: the statement's line), on 6.5 beside it (the worker's signature row);
    locked as every formula. tests/workbook/test_signed_page_rows.py reads it on paper."""
    ws = wb[sheet]
    found = _cells(ws, f'"{SIGNED_WHAT[sheet]} – "')
    assert len(found) == 1, f"{sheet}: {found}"
    row, column = found[0]
    sign_row = _signature_rows(ws)[0] - 1  # the first party's title, over its "(paraksts)" line
    assert (row, column) == ((sign_row, "E") if sheet == "6.5" else (sign_row - 1, "A")), f"{sheet}: {found}"
    formula = ws[f"{column}{row}"].value
    first = application.FIRST if sheet == "6.9" else LAY.plan_first
    assert f"COUNT(A{first}:A{LAY.plan_row(LAY.plan_rows - 1, first)})" in formula, formula
    assert ws[f"{column}{row}"].protection.locked


def test_application_is_the_parents_own_request_to_the_social_service(wb) -> None:  # noqa: ANN001
    """F1, F13: 6.9 needs no statement (it is the parent's request, "Lūdzu …"), but names its addressee: the social
    service, a blank while its name is not confirmed (D43), above the request."""
    ws = wb["6.9"]
    assert not any(_cells(ws, text) for text in PARENT_STATEMENT.values())
    request = ws[f"A{application.TEXT_ROW}"].value
    assert request.startswith("Lūdzu ")
    label = _cells(ws, APPLICATION_ADDRESSEE_LABEL)
    assert label == [(application.ADDRESSEE_ROW, "A")]
    value = ws[f"C{application.ADDRESSEE_ROW}"].value
    # the confirmed name in the dative, else the blank (computed: tests/workbook/test_party_names.py)
    assert value.startswith("=IF(h_DienNosRinda>0,INDEX(h_DienNosDativs,") and f'"{APPLICATION_ADDRESSEE_BLANK}"' in value
    assert APPLICATION_ADDRESSEE_BLANK.startswith(BLANK) and "sociālajam dienestam" in APPLICATION_ADDRESSEE_BLANK
    assert application.ADDRESSEE_ROW < application.TEXT_ROW
    assert ws.row_dimensions[application.ADDRESSEE_ROW].height >= 12  # one line of 9 pt, not the thin gap


@pytest.mark.parametrize("sheet", SIGNED)
def test_not_signable_while_the_workbook_has_errors(wb, sheet: str) -> None:  # noqa: ANN001
    """F4: beside the title and by the signatures, a formula over the error count (Kludas) that says the annex is
    not to be signed; marked red by a conditional format on the same condition."""
    ws = wb[sheet]
    for text, where in ((NOT_SIGNABLE_SHORT, "virsraksts"), (NOT_SIGNABLE, "paraksti")):
        found = _cells(ws, f'IF(Kludas>0,"{text[0]}"&Kludas&"{text[1]}"')
        assert len(found) == 1, f"{sheet} {where}: {found}"
        row, column = found[0]
        if text is NOT_SIGNABLE_SHORT:
            assert row == 1, f"{sheet}: brīdinājums nav pie virsraksta ({row}. rinda)"
        else:
            assert LAY.plan_last < row <= _signature_rows(ws)[-1], f"{sheet}: brīdinājums {row}. rindā"
        rules = [rule for rng in ws.conditional_formatting for rule in rng.rules
                 if f"{column}{row}" in str(rng.sqref) and rule.formula == [HAS_ERRORS]]
        assert rules and rules[0].dxf.font.b and rules[0].dxf.font.color.rgb.endswith("9C0006"), f"{sheet} {where}"
        # fails closed: an error value in the count (rows inserted or deleted) is not signable either
        broken = NOT_SIGNABLE_BROKEN_SHORT if text is NOT_SIGNABLE_SHORT else NOT_SIGNABLE_BROKEN
        formula = ws[f"{column}{row}"].value
        assert formula.startswith("=IF(ISNUMBER(Kludas),") and formula.endswith(f',"{broken}")'), formula


@pytest.mark.parametrize("sheet", SIGNED)
def test_unused_plan_rows_are_struck(wb, sheet: str) -> None:  # noqa: ANN001
    """F2: each plan row's Nr. (and its name cells) is a formula that prints EMPTY_MARK while the row is unused; a
    new workbook shows it in every row; a note under the table says so while such a row prints."""
    ws = wb[sheet]
    first = application.FIRST if sheet == "6.9" else LAY.plan_first
    for k in range(LAY.plan_rows):
        for column in STRUCK_COLUMNS[sheet]:
            cell = ws[f"{column}{LAY.plan_row(k, first)}"]
            assert isinstance(cell.value, str) and cell.value.startswith("=IF("), f"{sheet} {cell.coordinate}"
            assert f'"{EMPTY_MARK}"' in cell.value, f"{sheet} {cell.coordinate}: {cell.value}"
        number = ws[f"A{LAY.plan_row(k, first)}"].value
        assert f",{k + 1}," in number or f",{k + 1})" in number
    notes = _cells(ws, STRUCK_ROWS)
    assert len(notes) == 1, f"{sheet}: {notes}"
    row, _ = notes[0]
    last = LAY.plan_row(LAY.plan_rows - 1, first)
    assert last < row <= last + 3, f"{sheet}: piezīme {row}. rindā"
    assert plan_rows.struck_count("A", first, LAY.plan_block) in ws[f"{notes[0][1]}{row}"].value


def test_unused_rows_print_the_mark_in_a_new_workbook(templates) -> None:  # noqa: ANN001
    """The cached values (what a viewer without recalculation shows): EMPTY_MARK in the Nr. of every row."""
    import zipfile

    with zipfile.ZipFile(Path(templates["liepaja"])) as z:
        sheet3 = z.read("xl/worksheets/sheet3.xml").decode()
    cell = f'<c r="A{LAY.plan_first}"'
    at = sheet3.index(cell)
    assert f"<v>{EMPTY_MARK}</v>" in sheet3[at:sheet3.index("</c>", at)]


def test_65_names_the_base_amount_and_keeps_a_row_above_the_signatures(wb) -> None:  # noqa: ANN001
    """F15: the parent reads "bāzes apmērs (B)", not a bare letter; a gap row (not a hairline) separates the
    totals from the signatures."""
    for text in (ANNEX_BASE_BLANK, ANNEX_BOTH_BLANK):
        assert "bāzes apmērs (B)" in text and not text.startswith("UZMANĪBU: B ")
    ws = wb["6.5"]
    last_total = _cells(ws, annex.TOTALS[-1][0])[0][0]
    first_signature = min(r for r, _ in _cells(ws, "Sociālais darbinieks:"))
    between = range(last_total + 1, first_signature)
    assert list(between) and all((ws.row_dimensions[r].height or 0) >= 6 for r in between), (
        [(r, ws.row_dimensions[r].height) for r in between])



def test_65_price_warnings_name_the_plans_period_in_the_papers_words(wb) -> None:  # noqa: ANN001
    """D384: every text 6.5's warning shows while a catalogue price is open says the price in force in the plan's
    period, in the words the child's papers use (price_notes.plan_days_price, D359) less the days – the period stands
    in 6.5's header –, and none says only „pēc LM apstiprinātās cenas” or „apstiprinājuma”: a later day's confirmed
    price on the site „Cenas” is not this plan's. The text beside a 0,00 price says it of B or the price too."""
    import re

    from generator.documents.from_matrix.price_notes import plan_days_price

    ws = wb["6.5"]
    (_, a1), = wb.defined_names["Bridinajums_Baze_65"].destinations
    texts = [t for t in re.findall(r'"([^"]*)"', ws[a1.replace("$", "")].value) if t.startswith("UZMANĪBU")]
    period = "01.09.2019–31.08.2020"
    one, more = (plan_days_price(period, n).replace(f" {period}", "") for n in (1, 2))
    no_price = [t for t in texts if t.startswith("UZMANĪBU: nav sniedzēja cenas")]  # D364: typed in 6.8, not LM's
    priced = [t for t in texts if re.search(r"\bcen(a|as) (vēl|atkal|nav)", t) and t not in no_price]
    assert len(priced) == 4, priced  # one price, withdrawn, some withdrawn, B and a price (ANNEX_BOTH_BLANK)
    for text in priced:
        assert one in text or more in text, text
    for text in texts:
        assert "apstiprinātās cenas" not in text and "apstiprinātajām cenām" not in text, text
        assert "pēc LM" not in text, text
    [no_price_more] = [t for t in no_price if t.startswith("UZMANĪBU: nav sniedzēja cenas,")]
    assert "B vai cenu, kas ir spēkā plāna periodā (vēlākas dienas cena uz šo plānu neattiecas)" in no_price_more

# D227: where a person takes a party's name from, after its blank (the note 6.9's addressee has, annexhead F5)
NAME_NOTES = {"Pašvaldība": "(nosaukums – pašvaldības nolikumā)", "Sociālais dienests": "(nosaukums – dienesta nolikumā)"}


def _header_texts(ws: Worksheet) -> dict[str, str]:
    """The cached texts of the header rows 3–5 that name a party, by their label ("Pašvaldība", …)."""
    return {label: c.value for row in ws.iter_rows(min_row=3, max_row=5) for c in row for label in NAME_NOTES
            if isinstance(c.value, str) and c.value.startswith(f"{label}: ")}


@pytest.mark.parametrize("municipality", ("liepaja", None))
def test_a_blank_party_name_says_where_the_name_comes_from(templates, municipality: str | None) -> None:  # noqa: ANN001
    """A fresh matrix (no plan day: the catalogue confirms no name yet; the generic one has no municipality) prints
    "Pašvaldība: ______" and "Sociālais dienests: ______" on each signed annex with the note where the name comes
    from, as 6.9's addressee does; the working sheets keep the bare header text. That the note goes with a confirmed
    name (as LibreOffice computes it): tests/workbook/test_party_names.py, on paper: test_print.py."""
    wb = load_workbook(templates[municipality], data_only=True)
    for sheet in (*SIGNED, "6.4", "6.7"):
        shown = _header_texts(wb[sheet])
        assert set(shown) == set(NAME_NOTES), (sheet, shown)
        for label, note in NAME_NOTES.items():
            expected = f"{label}: {BLANK} {note}" if sheet in SIGNED else f"{label}: {BLANK}"
            assert shown[label] == expected, (sheet, label)


RIGHT_HAND = ("Pašvaldība: ", "Sociālais dienests: ", "Sociālais darbinieks: ")


@pytest.mark.parametrize("sheet", (*SIGNED, "6.4", "6.10"))
def test_the_right_hand_header_lines_start_at_one_edge(templates, sheet: str) -> None:  # noqa: ANN001
    """Rows 3–5: the municipality's, the social service's and the worker's lines start in one column, each in a merged
    range that ends where the others end. 6.3, 6.5 and 6.6 give the child's line more room in row 3 (child_to, D170),
    and printed "Pašvaldība:" further right than the two lines under it (annexhead, seen on 6.3). On 6.3, 6.5 and 6.6
    the worker's line ends where the annex's page count starts (D295), the count's range ending with the others."""
    ws = load_workbook(templates["liepaja"], data_only=True)[sheet]
    starts = {c.value.split(":")[0]: c.coordinate for row in ws.iter_rows(min_row=3, max_row=5) for c in row
              if isinstance(c.value, str) and c.value.startswith(RIGHT_HAND)}
    assert len(starts) == 3, (sheet, starts)
    spans = {}
    for label, cell in starts.items():
        ranges = [str(r) for r in ws.merged_cells.ranges if cell in r]
        spans[label] = ranges[0].split(":") if ranges else [cell, cell]
    columns = {label: ("".join(ch for ch in a if ch.isalpha()), "".join(ch for ch in b if ch.isalpha()))
               for label, (a, b) in spans.items()}
    count = next((c for row in ws.iter_rows(min_row=5, max_row=5) for c in row
                  if isinstance(c.value, str) and c.value.startswith(ANNEX_PAGES[0])), None)
    assert (count is not None) == (sheet in SIGNED), (sheet, count)
    worker = "Sociālais darbinieks"
    if count is not None and column_index_from_string(count.column_letter) <= column_index_from_string(
            columns["Pašvaldība"][1]):  # inside the block (6.3, 6.5, 6.6); 6.9's lies right of its block
        start, end = columns.pop(worker)
        assert (start, get_column_letter(column_index_from_string(end) + 1)) == (columns["Pašvaldība"][0],
                                                                                count.column_letter), (sheet, spans)
    assert len(set(columns.values())) == 1, (sheet, columns)
