"""Writing one "IBM matrica" workbook: eleven sheets 6.1 … 6.11, the interface names, validation,
protection and print settings; byte-identical for the same catalogue and municipality."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from generator.catalogue.catalogue import Catalogue
from generator.file_author import FORM_OWNER, file_author
from generator.reference.lines import ACTUAL_COST_UNIT
from generator.workbook import page_count, spacers
from generator.workbook.build_note import ended_round
from generator.workbook.issue_days import template_date
from generator.workbook.layout import SHEETS, SPACED_SHEETS, Layout
from generator.workbook.sheetio import Book
from generator.workbook.sheets import (
    annex,
    application,
    calculation,
    execution,
    items,
    months,
    personal,
    plan,
    team,
    technical,
)
from generator.workbook.sheets.items import short_unit
from generator.workbook.styles import make_styles
from generator.workbook.values import empty_plan_values
from generator.workbook.version import template_version
from generator.workbook.withdrawn_base import withdrawn_on
from generator.workbook.withdrawn_ceilings import withdrawn_on as ceilings_withdrawn_on
from generator.xlsxformula import quick_formulas

__all__ = ["template_date", "write_workbook"]

SIGNED = ("6.3", "6.5", "6.6", "6.9")


# The unit column ("Mērvienība") of the signed annexes and of the working calculation 6.4: a plan line in euro at actual
# cost (D70) has a sum of money as its quantity, printed as money ("58,50", not "58,5"; matrixprint F3; on 6.4 it
# printed "60" beside "1,00" and "60,00": annextrial F2, D225).
# Each letter is where the sheet's own module puts that column (UNIT_COLUMN).
EURO_UNIT_COLUMNS = {plan.SHEET: plan.UNIT_COLUMN, calculation.SHEET: calculation.UNIT_COLUMN,
                     annex.SHEET: annex.UNIT_COLUMN, months.UNITS_SHEET: months.UNIT_COLUMN,
                     application.SHEET: application.UNIT_COLUMN}
# The execution sheet 6.10 has no unit column: its plan row's "Nr." (A, the line's 6.4 row) finds the unit on 6.4
# (h_Mervieniba), so that a euro line's planned, delivered and remaining quantity print as money there too ("60,00",
# not "60"; annextrial F3, D232).
EURO_UNIT_LOOKUPS = {execution.SHEET: "INDEX(h_Mervieniba,$A{row})"}


def whole_units(book: Book) -> None:
    """matrixprint F2: every cell in the units format (UNITS, "#,##0.##": 28 or 58,5 units) prints a whole number
    without a decimal separator. Excel prints such a format's whole number with the separator after it ("28,", on every
    plan row of 6.3, 6.5, 6.6, 6.9); a conditional rule gives the cell UNITS_WHOLE while it holds a whole number.
    Added after every other rule of the sheet, it has the lowest priority: a blank or a mark with its own number format
    (annex.blank_line_figures) still wins, in Excel and in LibreOffice alike. One rule per run of such cells in a
    column, the formula relative to the run's first cell. Before it, on the signed annexes' plan rows, a line in euro
    (EURO_UNIT_COLUMNS) prints its quantity as money."""
    kinds = (book.st.input_units, book.st.out_units)
    euro = short_unit({u.id: u.name_lv for u in book.catalogue.enums.units}[ACTUAL_COST_UNIT])
    for title_, ws in book.sheets.items():
        runs: dict[int, list[list[int]]] = {}
        for row in sorted(ws.table):
            for col, cell in ws.table[row].items():
                if getattr(cell, "format", None) not in kinds:
                    continue
                column = runs.setdefault(col, [])
                if column and column[-1][1] == row - 1:
                    column[-1][1] = row
                else:
                    column.append([row, row])
        unit = EURO_UNIT_COLUMNS.get(title_)
        lookup = EURO_UNIT_LOOKUPS.get(title_)
        for col, spans in sorted(runs.items()):
            for first, last in spans:
                cell = xl_rowcol_to_cell(first, col)
                top, bottom = max(first, book.layout.plan_first - 1), min(last, book.layout.plan_last - 1)
                if (unit or lookup) and top <= bottom:  # the plan rows of the run (6.6's day-care row has no unit)
                    at = xl_rowcol_to_cell(top, col)
                    unit_at = f"${unit}{top + 1}" if unit else lookup.format(row=top + 1)
                    ws.conditional_format(top, col, bottom, col, {
                        "type": "formula", "criteria": f'=AND(ISNUMBER({at}),{unit_at}="{euro}")',
                        "format": book.st.units_money})
                ws.conditional_format(first, col, last, col, {
                    "type": "formula", "criteria": f"=AND(ISNUMBER({cell}),ROUND({cell},2)=ROUND({cell},0))",
                    "format": book.st.units_whole})


MATRIX_TITLE = "IBM matrica"


def matrix_title(name: str | None) -> str:
    """A matrix file's title: „IBM matrica – <the municipality's name>”, or „IBM matrica” for the generic one."""
    return MATRIX_TITLE + (f" – {name}" if name else "")


def write_workbook(catalogue: Catalogue, path: Path, municipality_id: str | None = None,
                   day: dt.date | None = None, made_on: dt.date | None = None,
                   status_on: dt.date | None = None) -> Path:
    """Write the workbook for one municipality (its id prefilled) or the generic one (None), with the prices
    and parameters in force on ``day`` (default: template_date; `ibm matrix --round/--day` give another issue day,
    D63, and its version then names that day). ``made_on``: the day `ibm matrix` or `ibm build` makes it, for 6.1's
    note when the round of ``day`` had ended by then (build_note.py, D277); None: the template, without it.
    ``status_on`` (default ``made_on``): the day B's and the 6.8 ceilings' confirmation status is read on, as the
    papers read it (D301; withdrawn_base.py, D318; withdrawn_ceilings.py, D319: `ibm migrate` gives its day without
    6.1's note)."""
    day = day or template_date(catalogue)
    municipality = catalogue.municipality(municipality_id) if municipality_id else None
    offers = catalogue.offers(day)
    layout = Layout(offers=len(offers), months=int(catalogue.programme.period_months_max.at(day).value))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
         "default_date_format": "dd.mm.yyyy"},
    )
    created = dt.datetime.combine(day, dt.time())
    # the title names the file by the name in force on the prices day (D189; the site's downloads list it by the
    # confirmed one, matrix_title)
    title = matrix_title(catalogue.name_on(municipality.id, day) if municipality else None)
    version = template_version(catalogue, day)
    author = file_author(catalogue, municipality, day)
    wb.set_properties(
        {
            "title": title,
            "subject": f"Individuālā budžeta modeļa matrica pēc {FORM_OWNER} 6. pielikuma: atbalsta plāns un IB apmēra "
                       "aprēķins",
            "author": author,  # D52: the social service only when its name is confirmed for the template's date
            "company": author,
            "keywords": "IBM, individuālais budžets, SBS",
            "comments": f"Veidnes versija {version} (kataloga versija {catalogue.version})",
            "created": created,
        }
    )
    wb.set_custom_property("IBM_Versija", version)
    book = Book(
        wb=wb,
        st=make_styles(wb),
        catalogue=catalogue,
        day=day,
        offers=offers,
        layout=layout,
        municipality=municipality,
        cache=empty_plan_values(catalogue, day, municipality),
        ended_round=ended_round(catalogue, day, made_on),
        base_withdrawn=withdrawn_on(catalogue, day, status_on or made_on),
        ceilings_withdrawn=ceilings_withdrawn_on(catalogue, day, status_on or made_on),
    )
    for title_ in SHEETS:
        ws = quick_formulas(wb.add_worksheet(title_))
        if title_ in SIGNED:
            ws.set_tab_color("#548235")
        book.sheets[title_] = ws
    writers = {
        "6.1": personal.write,
        "6.2": team.write,
        "6.3": plan.write,
        "6.4": calculation.write,
        "6.5": annex.write,
        "6.6": months.write_units,
        "6.7": months.write_amounts,
        "6.8": items.write,
        "6.9": application.write,
        "6.10": execution.write,
        "6.11": technical.write,
    }
    for title_ in SHEETS:
        sh = book.sheet(title_)
        writers[title_](sh)
        if title_ in SPACED_SHEETS:  # D288: the spacer rows' heights from the written sheet's rows
            landscape = title_ != "6.9"
            heights = spacers.apply(sh, layout.plan_first, signed=title_ in SIGNED, landscape=landscape)
            if title_ in SIGNED:  # D295: the page count and the continuation marks, before 6.11 lists the checks
                page_count.finish(sh, layout.plan_first, heights, landscape)
    whole_units(book)
    book.sheets["6.1"].activate()
    wb.close()
    return path
