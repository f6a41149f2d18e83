"""Text typed into the signed reports' free fields prints whole (audit30 F6, F7): 31's „Problēmas un riski …” and
„Priekšlikumi …” hold a paragraph of three lines (a merged cell's row never grows to its text, so the row is made
that tall, and the label says where a longer text goes), and the field „Sagatavoja (vārds, uzvārds, amats)” of 28
and 31 holds a long name with the position. Typed with openpyxl (its rows keep the template's heights, as a merged
field's row does in both programs), printed with LibreOffice; every word must be on the page with the signatures."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.activity import CONTINUED, FIRST_MONTH_COL, SHEET, write_activity_report
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.documents.reports.register_layout import REG_SIGNED_ROW, S_REG
from generator.documents.reports.register_workbook import write_register_workbook
from generator.recalc import make_profile, print_sheets
from tests.workbook.pdf_pages import read_pages

pytestmark = [pytest.mark.libreoffice, pytest.mark.usefixtures("calibri_metrics")]

# a fictional social worker: a double name and surname, and her position
PREPARER = "Anna-Marija Paraudziņa-Bērziņa, vecākā sociālā darbiniece"
# what a month with problems is written as: three lines of the field (about 330 characters)
PROBLEMS = ("Divās ģimenēs bērna vajadzību izvērtēšana aizkavējās, jo vecāki vairākas reizes atcēla norunātās "
            "tikšanās; ergoterapeita pakalpojums novadā pieejams tikai reizi nedēļā, tāpēc rindā gaida trīs bērni. "
            "Transporta izdevumi pārsniedza plānoto, jo divi bērni dzīvo tālu no sniedzēja.")
PROPOSALS = ("Paplašināt sniedzēju sarakstu ar attālinātām konsultācijām; ļaut transporta izdevumus plānot pēc "
             "faktiskā attāluma; precizēt, kā vecāki iesniedz atmaksas dokumentus, ja rēķinu izraksta uz bērna "
             "vārda. Līdz tam vienojāmies ar sniedzēju par rēķinu formu.")


def _words(text: str) -> list[str]:
    return text.replace(";", " ").replace(",", " ").replace(".", " ").split()


def _boxes(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, word) of page 1 (pdftotext -bbox): a line cut at a row's bottom may still be in the
    PDF's text, so a field's words are those inside its row."""
    import html
    import re
    import subprocess

    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def _inside(boxes: list, left: float, top: float, bottom: float) -> list[str]:
    """The words right of ``left`` whose whole height lies between ``top`` and ``bottom`` (a row's text)."""
    return _words(" ".join(w for x0, y0, _, y1, w in boxes if x0 >= left - 1 and y0 >= top - 1 and y1 <= bottom))


def test_long_text_and_preparer_print_whole(tmp_path: Path, catalogue: Catalogue) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    activity = write_activity_report(catalogue, municipality, tmp_path / "31.xlsx")
    register = write_register_workbook(catalogue, municipality, tmp_path / "28.xlsx")
    wb = openpyxl.load_workbook(activity)
    ws = wb[SHEET]
    rows = {c.value.split(" (")[0]: c.row for row in ws.iter_rows(min_col=2, max_col=2) for c in row
            if isinstance(c.value, str)}
    field = openpyxl.utils.get_column_letter(FIRST_MONTH_COL + 1)
    ws[f"{field}{rows['Problēmas un riski, kas radušies pārskata mēnesī']}"] = PROBLEMS
    ws[f"{field}{next(r for k, r in rows.items() if k.startswith('Priekšlikumi'))}"] = PROPOSALS
    ws[f"{field}{rows[SIGNATURE_LABELS[0].split(' (')[0]]}"] = PREPARER
    wb.save(tmp_path / "31-aizpildits.xlsx")
    wb = openpyxl.load_workbook(register)
    wb[S_REG][f"J{REG_SIGNED_ROW + 1}"] = PREPARER
    wb.save(tmp_path / "28-aizpildits.xlsx")
    pdf31, pdf28 = tmp_path / "31.pdf", tmp_path / "28.pdf"
    print_sheets({tmp_path / "31-aizpildits.xlsx": [(SHEET, pdf31)], tmp_path / "28-aizpildits.xlsx": [(S_REG, pdf28)]},
                 profile=make_profile(tmp_path / "profile"))

    pages = read_pages(pdf31)
    assert len(pages) == 1, [p.text[:200] for p in pages]
    printed = _words(pages[0].text)
    for text in (PROBLEMS, PROPOSALS, PREPARER):
        missing = [w for w in _words(text) if w not in printed]
        assert not missing, f"31: nav nodrukāts {missing}"
    # each field's words inside its row: the next row's label is where the field ends
    boxes = _boxes(pdf31)

    def top_of(word: str) -> tuple[float, float]:
        return next((x0, y0) for x0, y0, _, _, w in boxes if w == word)

    (left, problems), (_, proposals), (_, agreed) = top_of("Divās"), top_of("Priekšlikumi"), top_of("Saskaņots")
    for text, top, bottom in ((PROBLEMS, problems, proposals), (PROPOSALS, proposals, agreed)):
        inside = _inside(boxes, left, top, bottom)
        missing = [w for w in _words(text) if w not in inside]
        assert not missing, f"31: rindā nav nodrukāts {missing}"
    assert CONTINUED in " ".join(pages[0].text.split())
    assert all(label in pages[0].text for label in SIGNATURE_LABELS)
    # 28: the field beside the total on every page across (D242); the page with the preparer's field shows it whole
    signed = [p for p in read_pages(pdf28) if "Sagatavoja" in p.text and "Paraudziņa" in p.text]
    assert signed
    for page in signed:
        missing = [w for w in _words(PREPARER) if w not in _words(page.text)]
        assert not missing, f"28: nav nodrukāts {missing}"
