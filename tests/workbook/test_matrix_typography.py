"""Small print rules of the IBM matrix (issue 11, F15), read from the generated files, not from the code:

- Latvian quotation marks „…” everywhere: no English opening “ in any text of the workbook (cells, formulas'
  texts, validation messages, headers, footers) and no word in straight double quotes in a cell's text;
- a wrapped text keeps an ordinal with its word ("(2. variants)", "6.3. tabula"): a no-break space after it, so
  the line never breaks between the two (LibreOffice 7.4 and Excel both honour U+00A0);
- every sheet that names the child puts the personal code under the name (common.child_cell): 6.2 and 6.10 too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from generator.workbook.ordinals import keep_ordinals
from tests.ordinal_spacing import office_texts

ENGLISH_OPENING = re.compile(r"(?:^|[\s(\[])“")
GERMAN_CLOSING = re.compile(r"„[^”“]*“")  # a Latvian opening closed with the English opening mark
STRAIGHT_QUOTED = re.compile(r'(?:^|\s)"[^"\s]')
# an ordinal and its word parted by an ordinary space, as keep_ordinals finds them
ORDINAL_SPACE = re.compile(r"(?<![\w.])\d+(?:\.\d+)*\. [a-zāčēģīķļņšūž]")
CHILD_SHEETS = ("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11")


@pytest.fixture(scope="module")
def matrices(templates: dict[str | None, Path]) -> list[Path]:
    return list(templates.values())[:2]  # the generic matrix and one municipality's


@pytest.fixture(scope="module")
def books(matrices: list[Path]) -> dict[Path, Workbook]:
    return {path: load_workbook(path) for path in matrices}


def test_no_english_quotation_marks(matrices: list[Path]) -> None:
    found = [f"{place}: {text[:120]!r}" for path in matrices for place, text in office_texts(path)
             if ENGLISH_OPENING.search(text) or GERMAN_CLOSING.search(text)
             or (place.endswith("sharedStrings.xml") and STRAIGHT_QUOTED.search(text))]
    assert not found, "\n".join(found)


def test_wrapped_texts_keep_ordinals_with_their_word(books: dict[Path, Workbook]) -> None:
    found = []
    for path, wb in books.items():
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if (isinstance(cell.value, str) and not cell.value.startswith("=") and cell.alignment.wrap_text
                            and ORDINAL_SPACE.search(cell.value)):
                        found.append(f"{path.name} {ws.title}!{cell.coordinate}: {cell.value[:100]!r}")
    assert not found, "\n".join(found)
    # the 6.4 subtitle the audit saw broken between "(2." and "variants)"
    wb = next(iter(books.values()))
    subtitles = [c.value for row in wb["6.4"].iter_rows(max_row=2) for c in row if isinstance(c.value, str)]
    assert any("(2.\u00a0variants)" in text for text in subtitles), subtitles


def test_keep_ordinals_leaves_dates_numbers_and_sentence_ends() -> None:
    assert keep_ordinals("6.3. tabula, 2. variants un 19. pielikums") == \
        "6.3.\u00a0tabula, 2.\u00a0variants un 19.\u00a0pielikums"
    assert keep_ordinals("no 01.04.2023 līdz 5,11 EUR") == "no 01.04.2023 līdz 5,11 EUR"
    assert keep_ordinals("Kopā 5. Nākamā rinda") == "Kopā 5. Nākamā rinda"  # a number ending a sentence
    assert keep_ordinals("versija v1.2. beidzas") == "versija v1.2. beidzas"  # part of a word, not an ordinal


def test_every_sheet_puts_the_code_under_the_child_name(books: dict[Path, Workbook]) -> None:
    wb = next(iter(books.values()))
    lines = {}
    for title in CHILD_SHEETS:
        ws = wb[title]
        lines[title] = [c.value for row in ws.iter_rows(max_row=8) for c in row
                        if isinstance(c.value, str) and "Galva_Berns" in c.value]
    one_line = [t for t, found in lines.items() if not found or not all("CHAR(10)" in f for f in found)]
    assert not one_line, {t: lines[t] for t in one_line}
