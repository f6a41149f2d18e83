"""Where the signatures of the signed annexes (6.3, 6.5, 6.6, 6.9) fall for a plan of N lines, as LibreOffice prints
a program-filled matrix (issue 11, audit9 F12): used by tests/workbook/test_signed_page_rows.py (a few counts) and
bench/signed_pages.py (every count 1..40).

Each workbook is printed once with only the four signed sheets visible (LibreOffice starts every sheet on a page
of its own and numbers the pages per sheet in the footer, "6.3. tabula, 2. lapa"), so that 40 plans take 40 files
in one soffice call, not 160. A signature page is "bare" when it holds no used plan row (a row with its number)
and not the block that follows the rows (AFTER_ROWS): only unused "—" rows, the note and the signatures.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.workbook.texts import SIGNED_WHAT
from tests.workbook.pdf_pages import read_pages

SIGNED = ("6.3", "6.5", "6.6", "6.9")
# What follows the plan rows of a signed annex and prints with its signatures (as tests/workbook/test_print.py;
# 6.3's goals are above its rows, D96).
AFTER_ROWS = {"6.5": "IB kopējais apmērs (K)", "6.6": "Darba dienas plāna periodā", "6.9": "Pakalpojumu skaits"}
FOOTER = re.compile(r"(6\.\d+)\. tabula, (\d+)\. lapa")
# A used plan row as printed: its number (6.3 also the area) and the service's code, e.g. "3 2 2.1 Pavadonis" (an
# unused row prints "—" in place of its number).
ROW_NUMBER = re.compile(r"^(\d+) (?:\d+ )?\d+(?:\.\d+)+\w* \S", re.M)
# An unused ("struck") plan row as printed: its Nr. and the cells after it are "—".
STRUCK_ROW = re.compile(r"^— —", re.M)
# Plans (line counts, with the groups of 5 rows opened as a program or a person opens them) whose signature page holds
# no used plan row, only struck ones. Measured with LibreOffice for every count 1..40 (bench/signed_pages.py;
# tests/workbook/test_signed_page_rows.py) and checked on the row heights in the quick run
# (tests/workbook/test_signed_page_arithmetic.py). Row heights alone could not avoid them (a page that ends inside a
# group leaves that group's struck rows alone with the signatures); the spacer rows opening the groups that start a
# page do (D288), so none is left.
STRUCK_ONLY: dict[str, frozenset[int]] = {sheet: frozenset() for sheet in ("6.3", "6.5", "6.6", "6.9")}
# Before the spacer rows (layout revision 10 and older) the lengths were 6.3: 6–9, 26–29; 6.5: 11–14, 26–29; 6.6:
# 16–19, 36–39; 6.9: 21–24.

# D272: the line right above (6.5: beside) the signatures that names what they approve, as printed (whitespace
# flattened): the used rows' count, the first and last row's number, then the annex's figure ("______ EUR" where it
# rests on a "jāprecizē" value) – SIGNED_WHAT's words, the rest a pattern.
SIGNED_LINE = {sheet: re.compile(re.escape(SIGNED_WHAT[sheet]) + r" – (\d+) \((\d+)\.(?:–(\d+)\.)? rinda\)"
                                 r"(?:, (.*?))?\.(?= |$)") for sheet in SIGNED}
# The figure's label in the line (6.9 has none) and where the same figure prints elsewhere on the annexes: 6.5's totals
# (N and K: the label then the value) and 6.6's month headings.
FIGURE_LABEL = {"6.3": "IB nepieciešamais apmērs (N)", "6.5": "K", "6.6": "mēnešu skaits"}
TOTAL_LABEL = {"6.3": "IB nepieciešamais apmērs (N)", "6.5": "IB kopējais apmērs (K)"}
MONEY_OR_BLANK = r"(\d{1,3}(?: \d{3})*,\d\d|______)"
MONTH_HEADING = re.compile(r"(\d+)\. mēn\.")


def flat(text: str) -> str:
    return " ".join(text.split())


def signed_line(sheet: str, text: str) -> tuple[int, int, int, str] | None:
    """The count, first and last row number and the figure ("" on 6.9) of ``sheet``'s D272 line in ``text``."""
    m = SIGNED_LINE[sheet].search(flat(text))
    if not m:
        return None
    count, first, last, figure = m.groups()
    return int(count), int(first), int(last or first), figure or ""


def expected_figure(sheet: str, sheets: dict[str, list[TextPage]], pdf: Path) -> str:
    """The figure ``sheet``'s line must show, read from what the same print (``pdf``, its pages ``sheets``) shows
    elsewhere: N and K from 6.5's totals (the value or the blank "______" beside the label: poppler's layout text, as
    the raw text may put a value far from its label), the months from 6.6's last month heading."""
    if sheet == "6.9":
        return ""
    if sheet == "6.6":
        months = max(int(n) for p in sheets["6.6"] for n in MONTH_HEADING.findall(p.text))
        return f"{FIGURE_LABEL[sheet]} – {months}"
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout.replace("\u00a0", " ")
    value = re.search(re.escape(TOTAL_LABEL[sheet]) + " +" + MONEY_OR_BLANK, text)
    assert value, f"{pdf.name}: 6.5. tabulā nav „{TOTAL_LABEL[sheet]}” ar vērtību"
    return f"{FIGURE_LABEL[sheet]} – {value.group(1)} EUR"

@dataclass(frozen=True)
class SignedPrint:
    sheet: str
    lines: int
    pages: int
    used_rows: tuple[int, ...]  # the used plan rows' numbers on the signature page
    after_rows: bool  # the block that follows the rows is on the signature page
    first_rows: tuple[int, ...]  # the plan rows' numbers on each page (the first one of each page; 0: none)
    split: bool  # the signature lines print on more than one page
    struck_rows: int = 0  # the unused ("—") plan rows on the signature page
    # D272's line on the signature page: (count, first row, last row, figure), None when it is not there
    signed_line: tuple[int, int, int, str] | None = None

    @property
    def bare(self) -> bool:
        return not self.used_rows and not self.after_rows

    @property
    def wrong(self) -> bool:
        """The issue's rule broken: a signature page without used rows or what follows them, or the signatures
        split between pages."""
        return self.bare or self.split

    @property
    def with_rows(self) -> bool:
        return bool(self.used_rows)

    @property
    def with_plan_rows(self) -> bool:
        """The issue's proof: the signature page holds a plan row, a used one or an unused (struck) one."""
        return bool(self.used_rows) or self.struck_rows > 0


def signed_copy(xlsx: Path, out_dir: Path) -> Path:
    """A copy of ``xlsx`` with every sheet but the signed annexes hidden (their print areas kept, the others'
    dropped: LibreOffice prints a hidden sheet's print area)."""
    with zipfile.ZipFile(xlsx) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    book = parts["xl/workbook.xml"].decode("utf-8")
    names = re.findall(r'<sheet [^>]*name="([^"]+)"', book)
    keep = {i for i, name in enumerate(names) if name in SIGNED}

    def state(m: re.Match[str]) -> str:
        tag = re.sub(r' state="\w+"', "", m.group(0))
        name = re.search(r'name="([^"]+)"', tag)
        return tag if name and name.group(1) in SIGNED else tag.replace("<sheet ", '<sheet state="hidden" ', 1)

    text = re.sub(r"<sheet [^>]*/>", state, book)
    first = min(keep)
    text = re.sub(r'activeTab="\d+"', f'activeTab="{first}"', text)
    if "activeTab=" not in text:
        text = text.replace("<workbookView ", f'<workbookView activeTab="{first}" ', 1)
    text = re.sub(r'<definedName name="_xlnm\.Print_(Area|Titles)" localSheetId="(\d+)"[^>]*>[^<]*</definedName>',
                  lambda m: m.group(0) if int(m.group(2)) in keep else "", text)
    path = out_dir / f"{xlsx.stem}--signed.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, text.encode("utf-8") if name == "xl/workbook.xml" else data)
    return path


@dataclass(frozen=True)
class TextPage:
    number: int  # 1-based, across the PDF
    text: str


def page_texts(pdf: Path) -> list[TextPage]:
    """The PDF's pages' text as poppler's ``pdftotext -raw`` gives it (content stream order, as pypdf): about a
    twentieth of pypdf's CPU (docs/benchmarks.md). ``signed_print`` finds the same on either text: every case of
    tests/workbook/test_signed_page_rows.py compared, and that file compares its longest plan's on every run."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    return [TextPage(number, page) for number, page in enumerate(text.split("\f")[:-1], start=1)]


def pypdf_texts(pdf: Path) -> list[TextPage]:
    """The same pages' text as pypdf extracts it (tests/workbook/pdf_pages.py): the comparison's other side."""
    return [TextPage(page.number, page.text) for page in read_pages(pdf)]


def pages_by_sheet(pdf: Path, pages: Sequence[TextPage] | None = None) -> dict[str, list[TextPage]]:
    """The PDF's pages (by default ``page_texts``) grouped by the annex their footer names, in order."""
    result: dict[str, list[TextPage]] = {}
    for page in page_texts(pdf) if pages is None else pages:
        found = FOOTER.findall(page.text)
        assert found, f"{pdf.name}, {page.number}. lpp.: nav kājenes"
        result.setdefault(found[-1][0], []).append(page)
    return result


def signed_print(sheet: str, lines: int, pages: list[TextPage]) -> SignedPrint:
    """Where ``sheet``'s signatures fall in its printed ``pages`` for a plan of ``lines`` lines."""
    signed = [p for p in pages if "(paraksts)" in p.text]
    assert signed, f"{sheet}, {lines} rindas: nav parakstu"
    page = signed[-1]
    numbers = [[int(m.group(1)) for m in ROW_NUMBER.finditer(p.text) if 0 < int(m.group(1)) <= lines]
               for p in pages]
    used = tuple(numbers[pages.index(page)])
    return SignedPrint(sheet, lines, len(pages), used, AFTER_ROWS.get(sheet, "\0") in page.text,
                       tuple(n[0] if n else 0 for n in numbers), len(signed) > 1, len(STRUCK_ROW.findall(page.text)),
                       signed_line(sheet, page.text))
