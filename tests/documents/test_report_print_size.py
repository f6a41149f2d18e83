"""Report workbooks on A4 as LibreOffice prints them, one sheet at a time: every page at 8 pt or larger (the
sheets print at 100 %, a wide sheet continues to the right with its label columns), and the signed reports
29, 30 and 31 (and 27) have their signature lines on a page that also holds the report's rows and every column,
label and note of the report (one page across). No wrapped note hides its last line under its row.

One running LibreOffice prints every visible sheet of every report workbook twice: made during the round
(dated months and quarters) and made after it (blank month inputs with their note, as `ibm build` makes
them today), for the municipality with the longest social service name (the longest notes). The cells are
Calibri (D34), printed with Carlito's metrics like the column widths.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import papers_day
from generator.documents.party_names import as_reported
from generator.documents.reports.activity import ACTIVITIES
from generator.documents.reports.institution_names import header_name
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.documents.reports.workbooks import write_report_workbooks
from generator.recalc import make_profile, print_sheets
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import Page, one_sheet_copies, read_pages

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

MIN_FONT = 8.0
DURING_ROUND = dt.date(2018, 9, 1)  # the children's round runs: months and quarters are dated
BUILDS = {"karta": DURING_ROUND, "pec-kartas": None}  # None: today, after every round of the catalogue
SIGNED = ("27", "29", "30", "31")
# A report row as printed: an amount ("0.00", "1 234,56"), a share or a count, in a line that starts with a
# month (mm.yyyy), a year and quarter, an activity's number, or (blank month inputs) with the amounts only.
AMOUNT = re.compile(r"\d[.,]\d\d\b")


def _longest_service(catalogue: Catalogue) -> str:
    return max(catalogue.municipalities.municipalities, key=lambda m: len(m.social_service)).id


@pytest.fixture(scope="module")
def printed_sheets(calibri_metrics: None, catalogue: Catalogue,
                   tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], tuple[Path, Path]]:
    """(build, workbook, sheet) -> (the one-sheet workbook, that sheet printed on its own; needs LibreOffice
    with Carlito)."""
    folder = tmp_path_factory.mktemp("atskaisu-druka")
    municipality = catalogue.municipality(_longest_service(catalogue))
    copies: dict[tuple[str, str, str], Path] = {}
    pdfs: dict[tuple[str, str, str], Path] = {}
    asked: dict[Path, list[tuple[str, Path]]] = {}
    for build, day in BUILDS.items():
        for workbook in write_report_workbooks(catalogue, municipality, folder / build, build_date=day):
            for sheet, copy in one_sheet_copies(workbook, folder / build).items():
                if sheet == "Saraksti":  # hidden lists the formulas use
                    continue
                unique = copy.with_name(f"{build}--{copy.name}")
                copies[(build, workbook.stem, sheet)] = copy.rename(unique)
                pdfs[(build, workbook.stem, sheet)] = folder / "pdf" / unique.with_suffix(".pdf").name
                asked.setdefault(workbook, []).append((sheet, pdfs[(build, workbook.stem, sheet)]))
    # each workbook loaded once, its sheets printed apart as the one-sheet copies print (tests/workbook/pdf_pages.py)
    print_sheets(asked, profile=make_profile(folder / "profile"))
    return {key: (copy, pdfs[key]) for key, copy in copies.items()}


@pytest.fixture(scope="module")
def printed_pdfs(printed_sheets) -> dict[tuple[str, str, str], Path]:
    """(build, workbook, sheet) -> that sheet printed on its own."""
    return {key: pdf for key, (_, pdf) in printed_sheets.items()}


@pytest.fixture(scope="module")
def printed(printed_pdfs) -> dict[tuple[str, str, str], list[Page]]:
    """(build, workbook, sheet) -> pages of that sheet printed on its own."""
    return {key: read_pages(pdf) for key, pdf in printed_pdfs.items()}


def test_every_report_page_prints_at_8_pt_or_larger(printed) -> None:
    sheets = {sheet[:2] for _, _, sheet in printed}
    assert sheets >= {"17", "24", "26", "27", "28", "29", "30", "31", "35", "36", "37", "38"}, sheets
    small = [f"{build} {sheet}, {page.number}. lapa: {page.min_font:.1f} pt"
             for (build, _, sheet), pages in printed.items() for page in pages if page.min_font < MIN_FONT - 0.05]
    assert not small, "burts mazāks par 8 pt: " + "; ".join(small)
    for (build, _, sheet), pages in printed.items():
        for page in pages:
            assert sorted(round(x) for x in page.size) == [595, 842], f"{build} {sheet}: {page.size}"
            assert page.text.strip(), f"{build} {sheet}, {page.number}. lapa: tukša"


def test_every_page_header_names_the_municipality_and_the_form(printed, catalogue: Catalogue) -> None:
    """Made during the round, when the catalogue confirms the municipality's name: every printed page of every
    report sheet has it in its header besides the form's title, and its page number in the footer (D173, D192)."""
    municipality = catalogue.municipality(_longest_service(catalogue))
    name = header_name(as_reported(catalogue, municipality, papers_day(catalogue, municipality, DURING_ROUND)))
    assert name, "katalogā nosaukums kārtas laikā nav apstiprināts"
    pages = 0
    for (build, _, sheet), printed_pages in printed.items():
        if build != "karta":
            continue
        for page in printed_pages:
            pages += 1
            head = " ".join(page.text.replace("\u00a0", " ").split())
            assert name in head, f"{sheet}, {page.number}. lapa: galvenē nav „{name}”"
            assert f"pielikums, {page.number}. lapa" in head, f"{sheet}, {page.number}. lapa: nav lapas numura"
    assert pages >= 12


def _report_rows(sheet: str, text: str) -> int:
    """How many of the report's own rows (months, quarters, activities) a page's text shows."""
    if sheet.startswith("31"):
        return sum(1 for activity in ACTIVITIES if activity[:30] in " ".join(text.split()))
    return sum(1 for line in text.splitlines() if len(AMOUNT.findall(line)) >= 3)


@pytest.mark.parametrize("prefix", SIGNED)
def test_signatures_print_with_report_rows(printed, prefix: str) -> None:
    """The page with "Sagatavoja", "Paraksts" and "Datums" (the first column strip of a wide sheet) also
    holds rows of the report: never a signature block alone on a page."""
    found = 0
    for (build, _, sheet), pages in printed.items():
        if not sheet.startswith(prefix):
            continue
        found += 1
        signed = [p for p in pages if all(label in p.text for label in SIGNATURE_LABELS)]
        assert signed, f"{build} {sheet}: nevienā lapā nav visu paraksta rindu kopā"
        # the first page that carries the block: the column strip with the labels and the signature fields
        page = signed[0]
        # made after the round, the month (quarter) rows print empty until typed: their heading and totals
        headed = build == "pec-kartas" and not sheet.startswith("31") and all(
            word in page.text for word in ("Kopā", "Gads" if sheet.startswith("30") else "Mēnesis"))
        assert headed or _report_rows(sheet, page.text) >= 3, (
            f"{build} {sheet}, {page.number}. lapa: paraksti bez pārskata rindām: {page.text[:300]!r}")
    assert found == len(BUILDS), prefix


def test_no_value_prints_as_hashes(printed) -> None:
    """A number or date wider than its column prints as "###" (found: 29's "Iesniegt līdz" with Calibri's metrics)."""
    hashes = [f"{build} {sheet}, {page.number}. lapa" for (build, _, sheet), pages in printed.items()
              for page in pages if "###" in page.text]
    assert not hashes, "vērtība neietilpst kolonnā (###): " + "; ".join(hashes)


def _headings(ws) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """The texts of a sheet's repeated heading row within its print area: those over the label columns that
    repeat on the pages across (the first column when none repeat), and all of them."""
    from openpyxl.utils import column_index_from_string

    # the heading row is the last repeated row (those above it: the intro line with the names, D173)
    row = int(ws.print_title_rows.split(":")[-1].replace("$", ""))
    area = (ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area).split("!")[-1].replace("$", "")
    last = column_index_from_string(re.sub(r"\d", "", area.split(":")[1]))
    repeated = (column_index_from_string(ws.print_title_cols.split(":")[-1].replace("$", ""))
                if ws.print_title_cols else 1)
    texts = {col: ws.cell(row, col).value for col in range(1, last + 1)}
    texts = {col: value for col, value in texts.items() if isinstance(value, str) and value.strip()}
    return [v for col, v in texts.items() if col <= repeated], list(texts.values())


def test_every_page_shows_its_column_headings(printed_sheets) -> None:
    """Each printed page of every report sheet carries its column headings: the heading row repeats on every
    page, with the headings of the label columns that repeat across (17's "Kods" and "Pakalpojums", 24's "Nr."
    and child code on their second pages), and every heading of the print area stands on some page."""
    found = set()
    for (build, _, sheet), (xlsx, pdf) in printed_sheets.items():
        ws = openpyxl.load_workbook(xlsx)[sheet]
        left, every = _headings(ws)
        assert left, f"{build} {sheet}: nav virsrakstu rindas"
        pages = read_pages(pdf)
        # word by word: a wrapped heading's lines come out between its neighbours' lines, at times unspaced
        texts = [_squeezed(page.text) for page in pages]

        def shows(heading: str, text: str) -> bool:
            return all(word in text for word in heading.split())

        for page, text in zip(pages, texts, strict=True):
            missing = [h for h in left if not shows(h, text)]
            assert not missing, f"{build} {sheet}, {page.number}. lapa: nav virsrakstu {missing}"
        missing = [h for h in every if not shows(h, "".join(texts))]
        assert not missing, f"{build} {sheet}: nedrukājas virsraksti {missing}"
        found.add(sheet[:2])
    assert found >= {"17", "24", "26", "27", "28", "29", "30", "31", "35", "36", "37", "38"}, found


def test_no_page_cuts_a_text_at_its_edge(printed_pdfs) -> None:
    """Every page of a sheet shows its title, notes, labels and headers whole: no text runs on past the page's
    edge (found: 27's and 28's notes; with Calibri's metrics 28's total label, 29's "Sagatavoja" and 38's title),
    nor, on the pages that continue to the right, past the edge of the label columns they repeat (found: 17's and
    24's title, intro and notes, started in column A, cut there on their second page; they now start right of the
    repeated columns, D64)."""
    cuts = [f"{build} {sheet}: {cut}" for (build, _, sheet), pdf in printed_pdfs.items() for cut in cut_runs(pdf)]
    assert not cuts, "teksts nogriezts lapas vai atkārtoto kolonnu malā:\n" + "\n".join(cuts)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _printed_texts(xlsx: Path, sheet: str) -> list[str]:
    """Every text the sheet prints: its typed texts and dates inside the print area (formulas left out), as shown."""
    ws = openpyxl.load_workbook(xlsx)[sheet]
    area = (ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area).split("!")[-1].replace("$", "")
    texts = []
    for row in ws[area]:
        for cell in row:
            if ws.row_dimensions[cell.row].hidden or ws.column_dimensions[get_column_letter(cell.column)].hidden:
                continue
            if isinstance(cell.value, str) and not cell.value.startswith("="):
                texts.append(cell.value)
            elif isinstance(cell.value, dt.datetime):
                texts.append(cell.value.strftime("%d.%m.%Y" if "dd" in cell.number_format.lower() else "%m.%Y"))
    return texts


@pytest.mark.parametrize("prefix", SIGNED)
def test_signed_report_prints_whole_on_its_signature_page(printed_sheets, prefix: str) -> None:
    """A signed report prints one page across: every label, column header and note of its print area stands on
    the page with the signatures, none on a page of its own beside the repeated month labels (found: 29's
    "Iesniegt līdz" column and 27's "Izmaksas kopā" and "Atlikums mēneša beigās" on page 2)."""
    found = 0
    for (build, _, sheet), (xlsx, pdf) in printed_sheets.items():
        if not sheet.startswith(prefix):
            continue
        found += 1
        pages = read_pages(pdf)
        signed = [p for p in pages if all(_squeezed(label) in _squeezed(p.text) for label in SIGNATURE_LABELS)]
        assert signed, f"{build} {sheet}: nevienā lapā nav visu paraksta rindu kopā"
        texts = _printed_texts(xlsx, sheet)
        assert len(texts) >= 10, f"{build} {sheet}: {texts}"
        everything, page = _squeezed("\n".join(texts)), _squeezed(signed[0].text)
        # a text may also be part of another (the column "Iesniegt līdz" is named in a note): count them all
        missing = sorted({t for t in texts if page.count(_squeezed(t)) < everything.count(_squeezed(t))})
        assert not missing, (f"{build} {sheet}: {len(pages)} lapas; paraksta lapā ({signed[0].number}.) nav: "
                             + "; ".join(f"„{t}”" for t in missing))
    assert found == len(BUILDS), prefix


def test_no_reconstruction_note_prints(printed) -> None:
    """A report form goes to the ministry (or stays in a municipality's files) without the preparer's note that its
    layout is the project's reconstruction: no page of any report sheet, in either build, shows "Rekonstrukcija"
    (found: 17, 24 and 27 printed it; it is now an unprinted comment on the title, D36)."""
    found = [f"{build} {sheet}, {page.number}. lapa" for (build, _, sheet), pages in printed.items() for page in pages
             if "rekonstru" in _squeezed(page.text).lower()]
    assert not found, "drukājas piezīme „Rekonstrukcija”: " + "; ".join(found)


INDIRECT_RATE = re.compile(r"netiešās izmaksas (\d+)\s%")


@pytest.mark.parametrize("prefix", ["27", "29"])
def test_after_the_round_month_rows_print_no_example_values(printed, prefix: str) -> None:
    """Made after the round, 27 and 29 print their month rows blank: no children count or "Jā"/"Nē" typed in advance
    and no pay share (found: "10 / Jā / 50,00%" in every row beside the blank months; D37; a row prints its amounts
    only once its month is typed), and,
    recalculated by LibreOffice, no "Ievades kļūdas" line (blank rows are not wrong inputs). During the round the
    rows keep the round's plan."""
    found = 0
    for (build, _, sheet), pages in printed.items():
        if not sheet.startswith(prefix):
            continue
        found += 1
        text = " ".join(page.text for page in pages)
        # the pay shares of the month rows; 27 also prints the catalogue's indirect-cost rate ("15,00 %") once, in its
        # parameter cell, the rate its intro line states ("netiešās izmaksas 15 % no atlīdzības")
        shares = [share for line in text.splitlines() if "likme" not in line
                  for share in re.findall(r"(\d+),\d\d\s?%", line)]
        rate = INDIRECT_RATE.search(text)
        if prefix == "27" and rate and rate.group(1) in shares:
            shares.remove(rate.group(1))
        answers = re.findall(r"\b(?:Jā|Nē)\b", text.replace("(Jā/Nē)", ""))
        if build == "pec-kartas":
            assert not shares and not answers, f"{build} {sheet}: daļas {set(shares)}, atbildes {answers[:3]}"
            assert "Ievades kļūdas" not in text, f"{build} {sheet}"
        else:
            assert "Jā" in answers and set(shares) - {"0"}, f"{build} {sheet}: kārtas plāns"
    assert found == len(BUILDS), prefix


def test_questionnaire_summary_prints_one_page_wide(printed_sheets) -> None:
    """The quality questionnaires' summary (35.–38. pielikums, „Kopsavilkums”) prints on one A4 page at 8 pt or larger:
    every party's mean and count of answers stands on the page with the stages (found: two pages across, the last
    party's count alone on the second)."""
    found = 0
    for (build, workbook, sheet), (xlsx, pdf) in printed_sheets.items():
        if workbook != "kvalitates-anketas" or sheet != "Kopsavilkums":
            continue
        found += 1
        pages = read_pages(pdf)
        assert len(pages) == 1, f"{build} {sheet}: {len(pages)} lapas"
        assert pages[0].min_font >= MIN_FONT - 0.05, f"{build} {sheet}: {pages[0].min_font:.1f} pt"
        texts = _printed_texts(xlsx, sheet)
        page = _squeezed(pages[0].text)
        missing = [t for t in texts if _squeezed(t) not in page]
        assert not missing, f"{build} {sheet}: lapā nav " + "; ".join(missing)
    assert found == len(BUILDS)


ROW_NUMBER_GAP = 5.0  # pt between a row number's last digit and the text of the next column: about a letter


def _words(pdf: Path, page: int = 1) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of every word on ``page`` (pdftotext -bbox)."""
    import html
    import subprocess

    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def test_activity_numbers_keep_clear_of_their_text(printed_pdfs) -> None:
    """31's activity numbers do not touch the activity beside them on paper (found: "1" 2 pt from "Ģimenes", the
    cell border between them): on every activity row the number ends at least ROW_NUMBER_GAP before the text."""
    found = 0
    for (build, _, sheet), pdf in printed_pdfs.items():
        if not sheet.startswith("31"):
            continue
        found += 1
        words = _words(pdf)
        for number, activity in enumerate(ACTIVITIES, start=1):
            first = activity.split()[0]  # "Noslēgti" starts two activities: the one on the number's line
            pairs = [(digit, text) for text in words if text[4] == first for digit in words
                     if digit[4] == str(number) and abs(digit[1] - text[1]) < 1 and digit[2] <= text[0]]
            assert pairs, f"{build} {sheet}: nav numura {number} pie „{first}”"
            digit, text = pairs[0]
            gap = text[0] - digit[2]
            assert gap >= ROW_NUMBER_GAP, f"{build} {sheet}: {number}. rinda – numurs {gap:.1f} pt no teksta"
    assert found == len(BUILDS)


def test_wrapped_notes_keep_their_last_line(printed_pdfs) -> None:
    """A wrapped note (write_wide_note) gets a row height from its length (NOTE_CHARS_PER_UNIT): a line that
    does not fit is drawn under the row's bottom edge and does not show on paper. No page hides such a line."""
    hidden = [f"{build} {sheet}: {cut}" for (build, _, sheet), pdf in printed_pdfs.items()
              for cut in cut_runs(pdf, below=True) if cut.below]
    assert not hidden, "piezīmes rinda nav redzama:\n" + "\n".join(hidden)
