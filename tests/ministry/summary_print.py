"""What a printed page of the summary workbook must show whole: its sheet's title, the summary's title with the
reporting period, and the headers of the repeated key columns; no text is printed cut at the edge of the repeated
columns or of the page (LibreOffice writes a clipped text whole into the PDF: ``pdf_clip`` measures it)."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook

from generator.ministry.changes import SHEET_CHANGES
from generator.ministry.summary_book import SHEETS
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import read_pages

PAGE_TITLE = re.compile(r"IBM galīgo apmēru kopsavilkums – pārskata periods \d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}")
FOOTER = re.compile("(" + "|".join(re.escape(name) for name in (*SHEETS, SHEET_CHANGES)) + r"), (\d+)\. lapa")


def flat(text: str) -> str:
    return " ".join(text.split())


def cut_text_problems(pdf: Path, xlsx: Path) -> list[str]:
    """Every page of ``pdf`` (the whole workbook ``xlsx`` printed) against its sheet's A1 title, A2 note and
    key column headers; an empty list when each page shows them whole (or, for a note, not at all)."""
    wb = load_workbook(xlsx)
    problems = [str(cut) for cut in cut_runs(pdf)]
    for page in read_pages(pdf):
        text = flat(page.text)
        found = FOOTER.findall(text)
        if not found:
            problems.append(f"{page.number}. lappusē nav lapas nosaukuma kājenē")
            continue
        ws = wb[found[-1][0]]
        where = f"{page.number}. lappuse ({ws.title}, {found[-1][1]}. lapa)"
        if not PAGE_TITLE.search(text):
            problems.append(f"{where}: nav kopsavilkuma virsraksta ar pārskata periodu")
        title, note = flat(str(ws["A1"].value)), flat(str(ws["A2"].value or ""))
        if title not in text:
            problems.append(f"{where}: nav visa lapas virsraksta „{title}”")
        for whole in (title, note):
            if whole and whole[:25] in text and whole not in text:
                problems.append(f"{where}: nogriezts teksts „{whole[:40]}…”")
        key_cols = ws.print_title_cols
        if key_cols:
            last = re.match(r"\$?A:\$?([A-Z]+)", key_cols)
            assert last, key_cols
            for cell in ws[3][: ord(last.group(1)) - ord("A") + 1]:
                missing = [w for w in str(cell.value).split() if w not in text]
                if missing:
                    problems.append(f"{where}: kolonnas virsrakstā „{cell.value}” trūkst {missing}")
    return problems
