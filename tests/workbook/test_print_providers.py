"""A provider's name prints whole where it lands (audit32 F1–F3, D166): typed on 6.8 (Pak_Sniedzejs), it prints in
two lines of 8 pt on 6.4, 6.8 and on the signed 6.5 and 6.9, up to input_checks.PROVIDER_CHARS characters of capitals and
diacritics; a longer name is an invalid input (6.11 names the cell). Each service's row of 6.8 is as high as its
catalogue label needs (items.row_height), so that no label prints over the row under it (3.17i over 3.17g). The same
workbook holds the child's, the parent's and the social worker's names at their limits (D170, input_checks.NAME_LIMITS),
in capitals with diacritics: whole on every signed annex (the child's in the header, with the personal code under it;
the parent's and the worker's in the header and under the signatures) and on 6.2. The workbook goes to PDF in ONE
LibreOffice call (each sheet printed alone), and the test looks where each line of text lands (pdf_clip.text_runs):
inside its cell's clipping rectangle, over no other text."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from generator.workbook.input_checks import NAME_LIMITS, PROVIDER_CHARS, PROVIDER_FIELD
from generator.workbook.inputs import fill
from generator.workbook.names import read, write
from generator.workbook.sheets import items
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_clip import text_runs
from tests.workbook.pdf_pages import print_sheets_apart
from tests.workbook.test_print import PEOPLE, showcase
from tests.workbook.test_print_goals import text_of

catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice]

SHEETS = ("6.4", "6.5", "6.8", "6.9")
# where the parent's and the worker's names print (and the child's; 6.1: in its input cells, wrapped, D180)
NAME_SHEETS = ("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.9")
CHILD_SHEETS = ("6.8", "6.11")  # the child's name alone, the personal code under it in a row of its own
# Capitals with diacritics first (the widest letters of a name), ordinary words after, the last word marking the end:
# PROVIDER_CHARS characters in all (fictional).
WORDS = "SIA „ŠĶĒRŠĻU MĀKSLAS UN MŪZIKAS TERAPIJAS CENTRS” – Ūdrupes Mēmeles Ķēčiņu "
LAST = "Gals"
NAME = text_of(PROVIDER_CHARS, LAST, WORDS)
# D170, D180: each person's name as long as its limit, capitals with diacritics (fictional), ending in its own word:
# the worst case of tests/workbook/test_name_layout.py (until D180 the milder "ANNA-MARIJA ELIZABETE OZOLIŅA-…")
NAME_WORDS = "ŠĶŅĢĒĀŪĪ "
PEOPLE_LAST = {"Berns_VardsUzvards": "ZETA", "Vecaks_VardsUzvards": "OMEGA", "Socialais_Darbinieks": "SIGMA"}
LONGEST = {name: text_of(NAME_LIMITS[name], last, NAME_WORDS) for name, last in PEOPLE_LAST.items()}


@pytest.fixture(scope="module")
def printed(catalogue, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("sniedzeji")
    wb = load_workbook(templates["liepaja"])
    people = dataclasses.replace(PEOPLE, providers={}, child_name=LONGEST["Berns_VardsUzvards"],
                                 parent_name=LONGEST["Vecaks_VardsUzvards"],
                                 social_worker=LONGEST["Socialais_Darbinieks"])
    fill(wb, showcase(catalogue), recipient_labels(catalogue), people)
    # every service of 6.8 with the name: a name taller than its row would print over the next row's
    write(wb, PROVIDER_FIELD.name, [NAME] * len(read(wb, PROVIDER_FIELD.name)))
    path = folder / "garakie.xlsx"
    wb.save(path)
    sheets = tuple(sorted({*SHEETS, *NAME_SHEETS, *CHILD_SHEETS}))
    pdfs = print_sheets_apart({path: sheets}, folder / "pdf", folder / "profile")
    return {sheet: pdfs[(path.stem, sheet)] for sheet in sheets}


def test_the_name_is_as_long_as_the_limit() -> None:
    assert len(NAME) == PROVIDER_CHARS and NAME.endswith(" " + LAST)


@pytest.mark.parametrize("sheet", SHEETS)
def test_names_of_the_limits_length_print_whole_in_their_rows(printed, sheet: str) -> None:  # noqa: ANN001
    runs = text_runs(printed[sheet])
    ends = [r for r in runs if r.text.split()[-1:] == [LAST]]
    assert ends, f"{sheet}: nav izdrukāts sniedzēja nosaukuma pēdējais vārds „{LAST}”"
    cut = [f"{r.page}. lapa: „{r.text}”" for r in runs if not r.whole]
    assert not cut, f"{sheet}: teksts nogriezts pie šūnas malas: {cut[:5]}"
    over = [f"{a.page}. lapa: „{a.text}” pār „{b.text}”" for i, a in enumerate(runs) for b in runs[i + 1:]
            if a.overlaps(b)]
    assert not over, f"{sheet}: teksts izdrukāts pāri citam tekstam: {over[:5]}"


def test_rows_of_68_grow_with_the_catalogue_label() -> None:
    """The height comes from the label, not a number typed for today's catalogue: a longer label gets more lines."""
    label = "9.99i " + "Ļoti garš izdomāts pakalpojuma nosaukums ar daudziem vārdiem " * 3
    assert items.row_height(label) >= 4 * items.LINE_HEIGHT
    assert items.row_height("1.1 Īss") == items.MIN_LINES * items.LINE_HEIGHT


def test_the_people_s_names_are_as_long_as_their_limits() -> None:
    for name, last in PEOPLE_LAST.items():
        assert len(LONGEST[name]) == NAME_LIMITS[name] and LONGEST[name].endswith(" " + last)
    assert len("Anna-Marija Elizabete Ozoliņa-Bērziņa") <= min(NAME_LIMITS.values())  # a double name and surname fit
    # review13 R13-5: two given names and a double surname as Latvian law allows them (fictional, 42) fit too
    assert len("Maksimiliāns Aleksandrs Vītoliņš-Jēkabsons") <= min(NAME_LIMITS.values())


@pytest.mark.parametrize("sheet", NAME_SHEETS + CHILD_SHEETS)
def test_names_of_their_limits_length_print_whole(printed, sheet: str) -> None:  # noqa: ANN001
    """D170: every line of each name prints whole, over no other text, and the child's personal code too. Measured
    (review13 R13-5): under 6.6's signature 47 capitals printed whole, 49 not; 45 capitals lost the worker's last word
    in 6.2's one-line header rows and the child's code in 6.8's two-line row, before those rows got taller. D180: the
    widest capitals, also in 6.1's input cells (which cut a name from about 34 of them before they wrapped)."""
    runs = text_runs(printed[sheet])
    for name, last in PEOPLE_LAST.items():
        if (sheet == "6.2" and name == "Berns_VardsUzvards") or (sheet in CHILD_SHEETS and name != "Berns_VardsUzvards"):
            continue
        ends = [r for r in runs if r.text.split()[-1:] == [last]]
        assert ends, f"{sheet}: nav izdrukāts {name} pēdējais vārds „{last}”"
        assert all(r.whole for r in ends), f"{sheet}: {name} nogriezts: {[r.text for r in ends if not r.whole]}"
    words = {w for text in LONGEST.values() for w in text.replace("-", " ").split()}
    if sheet in CHILD_SHEETS:  # the header's child line only
        words = {"Bērns:", PEOPLE_LAST["Berns_VardsUzvards"]}
    cut = [f"{r.page}. lapa: „{r.text}”" for r in runs if not r.whole and words & set(r.text.replace("-", " ").split())]
    assert not cut, f"{sheet}: vārds nogriezts pie šūnas malas: {cut[:5]}"
    codes = [r for r in runs if PEOPLE.child_code in r.text]
    assert codes and all(r.whole for r in codes), f"{sheet}: bērna personas kods nav redzams viss"
    over = [f"„{a.text}” pār „{b.text}”" for i, a in enumerate(runs) for b in runs[i + 1:]
            if a.overlaps(b) and (words & set(a.text.split()) or words & set(b.text.split()))]
    assert not over, f"{sheet}: vārds izdrukāts pāri citam tekstam: {over[:5]}"
