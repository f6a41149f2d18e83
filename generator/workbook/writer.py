"""Writing one "IBM matrica" workbook: eleven sheets 6.1 … 6.11, the interface names, validation,
protection and print settings; byte-identical for the same catalogue and municipality."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xlsxwriter.workbook import Workbook

from generator.catalogue.catalogue import Catalogue
from generator.file_author import FORM_OWNER, file_author
from generator.workbook.issue_days import template_date
from generator.workbook.layout import SHEETS, Layout
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
from generator.workbook.styles import make_styles
from generator.workbook.values import empty_plan_values
from generator.workbook.version import template_version
from generator.xlsxformula import quick_formulas

__all__ = ["template_date", "write_workbook"]

SIGNED = ("6.3", "6.5", "6.6", "6.9")


def write_workbook(catalogue: Catalogue, path: Path, municipality_id: str | None = None,
                   day: dt.date | None = None) -> Path:
    """Write the workbook for one municipality (its id prefilled) or the generic one (None), with the prices
    and parameters in force on ``day`` (default: template_date; `ibm matrix --round/--day` give another issue day,
    D63, and its version then names that day)."""
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
    # the title names the file as the site's downloads list it: the name in force on the prices day (D189)
    title = "IBM matrica" + (f" – {catalogue.name_on(municipality.id, day)}" if municipality else "")
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
        writers[title_](book.sheet(title_))
    book.sheets["6.1"].activate()
    wb.close()
    return path
