"""The signed 6.6 prints a plan line's "Piezīmes" whole (audit9 F5, D90): notes of the limit's length
(input_checks.NOTE_CHARS_66) print to their last word in the two lines of their row, with no line hidden under it;
a longer note is cut on paper (the measurement the limit rests on), and one character more than the limit is an
invalid input: the annex says "NAV PARAKSTĀMS" and the checks' legend under the table names it. The workbooks go to
PDF in ONE LibreOffice call (6.6 printed alone)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from generator.recalc import convert, make_profile
from generator.workbook.input_checks import MONTH_TEXT_FIELDS, NOTE_CHARS_66
from generator.workbook.inputs import fill
from generator.workbook.names import write
from generator.workbook.sheets import check_codes
from generator.workbook.texts import CHECKS_66, NOT_SIGNABLE_SHORT
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import one_sheet_copies, read_pages
from tests.workbook.test_print import PEOPLE, showcase
from tests.workbook.test_print_goals import text_of

catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice]

# Notes as a social worker writes them (ordinary words, a sentence, capitals with diacritics), each ending in a long
# word that marks its end: one per plan line.
NOTES = (("ar māsu ", "Pirmāpiezīmebeidzas"),
         ("Otrdienās pēc skolas; jūlijā pārtraukums. ", "Otrāpiezīmebeidzas"),
         ("ŠĶĒRŠĻU IELA 12, ŪDRUPĒ; MĀSA ", "TREŠĀBEIDZAS"))
# A note this long of the first words takes three lines: the third is cut at its row's edge (measured: 75).
CUT_LENGTH = 78
FIELD = MONTH_TEXT_FIELDS[0]


@pytest.fixture(scope="module")
def printed(catalogue, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("piezimes")
    lengths = {"limits": (NOTE_CHARS_66,) * 3, "par-garu": (NOTE_CHARS_66 + 1, None, None),
               "nogriezts": (CUT_LENGTH, None, None)}
    copies = {}
    for name, sizes in lengths.items():
        wb = load_workbook(templates["liepaja"])
        fill(wb, showcase(catalogue), recipient_labels(catalogue), PEOPLE)
        write(wb, FIELD.name, [text_of(n, last, words) if n else None
                               for n, (words, last) in zip(sizes, NOTES, strict=True)])
        path = folder / f"{name}.xlsx"
        wb.save(path)
        copies[name] = one_sheet_copies(path, folder)["6.6"]
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return dict(zip(copies, pdfs, strict=True))


def _flat(pdf) -> str:  # noqa: ANN001
    return " ".join("\n".join(p.text for p in read_pages(pdf)).split())


def _hidden_note_lines(pdf) -> list[str]:  # noqa: ANN001
    words = {w for words, last in NOTES for w in (*words.split(), last)}
    return [cut.text for cut in cut_runs(pdf, below=True) if set(cut.text.split()) & words]


def test_notes_of_the_limits_length_print_whole(printed) -> None:  # noqa: ANN001
    pdf = printed["limits"]
    text = _flat(pdf)
    for _, last in NOTES:
        assert last in text, f"6.6: nav izdrukāts piezīmes pēdējais vārds „{last}”"
    assert not _hidden_note_lines(pdf), f"6.6: piezīmes rinda paslēpta zem rindas: {_hidden_note_lines(pdf)}"
    assert NOT_SIGNABLE_SHORT[0] not in text, "piezīme limita garumā nav kļūda"


def test_a_longer_note_is_cut_on_paper(printed) -> None:  # noqa: ANN001
    """What the limit guards against, measured: a note of CUT_LENGTH characters prints a third line under its row."""
    assert _hidden_note_lines(printed["nogriezts"]), "garāka piezīme nav nogriezta – limitu var pārmērīt"


def test_a_note_one_character_too_long_is_an_invalid_input(printed) -> None:  # noqa: ANN001
    text = _flat(printed["par-garu"])
    assert NOT_SIGNABLE_SHORT[0] + "1" in text, "par garu piezīmi neuzrāda kā kļūdu"
    invalid = dict(CHECKS_66)["invalid_input"]
    assert f"{check_codes.number(CHECKS_66, 'invalid_input')} – {invalid}" in text, "pārbaužu skaidrojumā nav kļūdas"
