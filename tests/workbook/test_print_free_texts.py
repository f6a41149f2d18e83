"""The working sheets' free texts print whole at their limits (audit32 F5, F6): D9's transport justification
(Transporta_Pamatojums, TRANSPORT_CHARS) in its six lines of 6.4, a plan line's note in the two lines of 6.4's M
(NOTE_CHARS_64) and of 6.10's Piezīmes (NOTE_CHARS_610); a longer text is an invalid input (tests/workbook/invalid.py
proves the message). Texts of capitals with diacritics and ordinary words, each ending with a word that marks its end;
the sheets go to PDF in ONE LibreOffice call, and the test looks for lines hidden under their row (pdf_clip). The child
and the parent have long double surnames (fictional, input_checks.NAME_CHARS characters, D170): 6.4's header wraps them
whole, over nothing (F4)."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from generator.workbook.input_checks import NAME_CHARS, NOTE_FIELD_64, NOTE_FIELD_610, TRANSPORT_FIELD
from generator.workbook.inputs import fill
from generator.workbook.names import read, write
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_clip import cut_runs, text_runs
from tests.workbook.pdf_pages import print_sheets_apart
from tests.workbook.test_print import PEOPLE, showcase
from tests.workbook.test_print_goals import text_of

catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice]

NOTE_WORDS = "ŠĶĒRŠĻU IELA 12, ŪDRUPĒ; MĀSA Otrdienās pēc skolas; jūlijā pārtraukums. "
JUSTIFICATION_WORDS = ("Bērns dzīvo lauku teritorijā 38 km no tuvākā ŠĶĒRŠĻU sniedzēja; sabiedriskais transports "
                       "kursē divreiz dienā. ")
# (field, sheet, end word): every field at its limit
# given names and two double surnames (fictional) as long as a name may be (NAME_CHARS, D170): a 28-character
# parent's name was cut in 6.4's header
LONG_NAMES = dataclasses.replace(PEOPLE, child_name="Ģirts Ēriks Ints Žņaudziņš-Ķēniņš Ābele-Ozols",
                                 parent_name="Līvija Ņina Ilze Žņaudziņa-Ķēniņa Ābele-Ozola")
TEXTS = ((NOTE_FIELD_64, "6.4", "Četrbeidzas"), (NOTE_FIELD_610, "6.10", "Desmitbeidzas"),
         (TRANSPORT_FIELD, "6.4", "Pamatbeidzas"))


@pytest.fixture(scope="module")
def printed(catalogue, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("brivie-teksti")
    wb = load_workbook(templates["liepaja"])
    fill(wb, showcase(catalogue), recipient_labels(catalogue), LONG_NAMES)
    for field, _, last in TEXTS:
        text = text_of(int(field.extra), last, JUSTIFICATION_WORDS if field is TRANSPORT_FIELD else NOTE_WORDS)
        assert len(text) == int(field.extra)
        rows = len(read(wb, field.name)) if field is not TRANSPORT_FIELD else 0
        write(wb, field.name, [text] * 3 + [None] * (rows - 3) if rows else text)
    path = folder / "limiti.xlsx"
    wb.save(path)
    pdfs = print_sheets_apart({path: ("6.4", "6.10")}, folder / "pdf", folder / "profile")
    return {sheet: pdfs[(path.stem, sheet)] for sheet in ("6.4", "6.10")}


@pytest.mark.parametrize(("field", "sheet", "last"), TEXTS, ids=[f.name for f, _, _ in TEXTS])
def test_texts_of_the_limits_length_print_whole(printed, field, sheet: str, last: str) -> None:  # noqa: ANN001
    pdf = printed[sheet]
    words = " ".join(r.text for r in text_runs(pdf)).split()
    assert last in words, f"{sheet}: nav izdrukāts {field.label} pēdējais vārds „{last}”"
    hidden = [str(c) for c in cut_runs(pdf, below=True) if last in c.text or set(c.text.split()) & set(
        (NOTE_WORDS + JUSTIFICATION_WORDS).split())]
    assert not hidden, f"{sheet}: {field.label} rinda paslēpta vai nogriezta: {hidden[:4]}"


def test_64_header_wraps_long_names_whole(printed) -> None:  # noqa: ANN001
    assert len(LONG_NAMES.child_name) == len(LONG_NAMES.parent_name) == NAME_CHARS
    runs = [r for r in text_runs(printed["6.4"]) if r.page == 1]
    joined = "".join(r.text for r in runs).replace(" ", "")  # a name wraps after a hyphen of its surname
    for name in (LONG_NAMES.child_name, LONG_NAMES.parent_name):
        assert name.replace(" ", "") in joined, f"6.4: vārds „{name}” nav izdrukāts viss"
    cut = [r.text for r in runs if not r.whole]
    assert not cut, f"6.4: galvā nogriezts teksts: {cut[:4]}"
    over = [f"„{a.text}” pār „{b.text}”" for i, a in enumerate(runs) for b in runs[i + 1:] if a.overlaps(b)]
    assert not over, f"6.4: teksts izdrukāts pāri citam tekstam: {over[:4]}"
