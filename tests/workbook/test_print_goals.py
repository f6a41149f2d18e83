"""The signed 6.3 prints its free text whole (audit9 F5): goals of the limit's length (input_checks.GOAL_CHARS) and a
plan row's "Biežums, ilgums, termiņš" and "Piezīmes" of theirs print to their last word, and the annex stays
signable; one character more is an invalid input: the matrix counts an error, the annex says "NAV PARAKSTĀMS" and the
goal's label carries the check's number. Both workbooks go to PDF in ONE LibreOffice call (6.3 printed alone)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.workbook.input_checks import FREQUENCY_CHARS, GOAL_CHARS, GOAL_FIELDS, NOTE_CHARS_63
from generator.workbook.inputs import fill
from generator.workbook.layout import Layout
from generator.workbook.names import write
from generator.workbook.sheets import check_codes
from generator.workbook.texts import CHECKS_63, NOT_SIGNABLE_SHORT
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_pages import Page, one_sheet_copies, read_pages
from tests.workbook.test_print import PEOPLE, showcase

# the showcase's catalogue and templates (a test round with a prefilled "jāprecizē" price, D61), as test_print's
catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice]

# A goal as a social worker writes one: long words with diacritics, capitals, numbers and punctuation.
GOAL_WORDS = ("Līdz perioda beigām Anna patstāvīgi ģērbjas, ēd ar karoti un 3 reizes nedēļā apmeklē dienas "
              "aprūpes centru; Ergoterapeits (1 x nedēļā) māca sīkās motorikas iemaņas, Logopēds – runas "
              "saprotamību. ")
MARKS = ("Ilgtermiņāpēdējais", "Īstermiņāpēdējais", "Vecākampēdējais")


def text_of(length: int, last: str, words: str = GOAL_WORDS) -> str:
    """``length`` characters of ``words`` ending with the word ``last``."""
    body = (words * (length // len(words) + 1))[: length - len(last) - 1].rstrip()
    body = body + " " * (length - len(last) - len(body))
    return body + last


@pytest.fixture(scope="module")
def printed(catalogue: Catalogue, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
            ) -> dict[str, list[Page]]:
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("merki")
    copies = {}
    for name, extra in (("limits", 0), ("par-garu", 1)):
        wb = load_workbook(templates["liepaja"])
        fill(wb, showcase(catalogue), recipient_labels(catalogue), PEOPLE)
        for field, mark in zip(GOAL_FIELDS, MARKS, strict=True):
            write(wb, field.name, text_of(GOAL_CHARS + (extra if field is GOAL_FIELDS[0] else 0), mark))
        ws = wb["6.3"]
        ws[f"H{Layout.plan_first}"] = text_of(FREQUENCY_CHARS, "Biežumsbeidzas", "2 x nedēļā pa 45 min ")
        ws[f"L{Layout.plan_first}"] = text_of(NOTE_CHARS_63, "Piezīmebeidzas", "ar māsu ")
        path = folder / f"{name}.xlsx"
        wb.save(path)
        copies[name] = one_sheet_copies(path, folder)["6.3"]
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return {name: read_pages(pdf) for name, pdf in zip(copies, pdfs, strict=True)}


def _flat(pages: list[Page]) -> str:
    return " ".join("\n".join(p.text for p in pages).split())


def test_free_text_of_the_limits_length_prints_whole(printed) -> None:  # noqa: ANN001
    pages = printed["limits"]
    text = _flat(pages)
    for mark in (*MARKS, "Biežumsbeidzas", "Piezīmebeidzas"):
        assert mark in text, f"6.3: nav izdrukāts teksta pēdējais vārds „{mark}”"
    wanted = sum(text_of(GOAL_CHARS, mark).count("saprotamību") for mark in MARKS)
    assert text.count("saprotamību") == wanted, "mērķi nav izdrukāti visi"
    assert NOT_SIGNABLE_SHORT[0].split(":")[0] not in text, "teksts limita garumā nav kļūda"
    assert "(paraksts)" in pages[-1].text and all("(paraksts)" not in p.text for p in pages[:-1])


def test_a_longer_goal_is_an_error_named_by_the_goal(printed) -> None:  # noqa: ANN001
    text = _flat(printed["par-garu"])
    assert NOT_SIGNABLE_SHORT[0] + "1" in text, "par garu mērķi neuzrāda kā kļūdu"
    number = check_codes.number(CHECKS_63, "invalid_input")
    assert f"Ilgtermiņa mērķi ({number})" in text and f"Īstermiņa mērķi ({number})" not in text
