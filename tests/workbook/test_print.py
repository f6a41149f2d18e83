"""The printed annexes 6.1–6.11 on A4, printed one sheet at a time as a person prints them.

A showcase workbook (every sheet), a filled random plan (three with IBM_FULL=1; the sheets with plan rows), a plan whose
filled rows were left collapsed and plans with 10, 20, 30 and 40 lines (the signed annexes, one per number
of open plan rows) go to PDF in ONE LibreOffice call: one copy of the workbook per sheet with
the other sheets hidden and without print areas (LibreOffice prints a hidden sheet's print area). Each PDF
is read with pypdf: text, page size and the smallest font size from the text matrix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.lvformat import NBSP
from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.reference.open_prices import known_figures
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import People, fill
from generator.workbook.layout import Layout, plan_row
from generator.workbook.names import write
from generator.workbook.outline import show_plan_rows
from generator.workbook.sheets.calculation import (
    COLUMNS,
    F_ROW,
    FIRST_PAGE_TO,
    SUMMARY_HEADINGS,
    SUMMARY_ROWS,
    SUMMARY_TITLE,
    VALUE,
    summary_top,
)
from generator.workbook.sheets.party_names import shown_name
from generator.workbook.sheets.plan_rows import VISIBLE, WARNING
from generator.workbook.sheets.technical import KINDS, RULE_COUNT, RULES_HEADING_COPIES
from generator.workbook.texts import (
    ANNEX_BOTH_BLANK,
    ANNEX_PRICE_BLANK,
    APPLICATION_ADDRESSEE_BLANK,
    APPLICATION_PRICE_BLANK,
    BASE_PROVISIONAL_SHORT,
    BLANK,
    CHECK_SHORT_POINTER,
    MSG,
    MSG_SHORT,
    OWN_PRICE_MSG,
)
from generator.workbook.version import template_version
from generator.workbook.writer import template_date, write_workbook
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import LATER_ROUND, recipient_labels, round_catalogue
from tests.workbook.kept_book import kept_book
from tests.workbook.party_catalogues import confirm, edited_names
from tests.workbook.pdf_clip import Run, cut_runs, text_runs
from tests.workbook.pdf_pages import Page, print_sheets_apart, read_pages
from tests.workbook.plan_sample import FULL
from tests.workbook.plans import random_plans
from tests.workbook.signed_pages import ROW_NUMBER as USED_ROW
from tests.workbook.signed_pages import STRUCK_ONLY, signed_line

# Its own work unit (the file), not the "workbook-lo" group: it shares no LibreOffice call with that group, only
# the templates (a few seconds), so the other xdist worker can print while the first recalculates.
# the module's catalogue, day, params and templates: a test round with a prefilled "jāprecizē" price (D61)
catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

PEOPLE = People(
    child_name="Anna Paraugs",
    child_code="000000-00000",
    parent_name="Pēteris Paraugs",
    social_worker="Līga Piemēra",
    providers={"3.13i": "SIA “Paraugs un partneri rehabilitācijai un sportam”", "3.1.2i": "SIA “Paraugs un partneri”", "3.1.3i": "Logopēdijas centrs “Piemērs”",
               "2.1": "Liepājas sociālais dienests", "2.4": "Vecāki (kompensācija)",
               "3.4.1g": "Biedrība “Latvijas mūzikas terapeitu paraugapvienība”",
               "1.1.1i": "Ģimenes psihologs A. Paraudziņa-Piemēriņa",
               "3.17i": "Nodibinājums “Radošās pašizteiksmes centrs Piemērs”"},
)
# The longest realistic child's name (two given names, a double surname; fictional): on every signed annex it prints
# whole with the personal code under it (row 3 holds three lines). "garais-vards-NN" prints it with NN plan lines.
LONG_CHILD = dataclasses.replace(PEOPLE, child_name="Anna-Marija Lilita Paraudziņa-Piemēriņa")  # within NAME_CHARS (D170)
# A provider's name as long as the catalogue's longest service names (55 characters; fictional), for every line of
# "sniedzejs-55": whole on 6.8 and 6.4, wrapped in two lines of the provider column.
LONG_PROVIDER = "Biedrība “Paraugu bērnu rehabilitācijas centrs Piemērs”"
LONG_PROVIDERS = dataclasses.replace(PEOPLE, providers={k: LONG_PROVIDER for k in PEOPLE.providers})
# "griesti": the showcase's line 2.1 (ceiling "jāprecizē", unconfirmed) at a price above its ceiling: 6.4 prints both
# messages of the line whole ("paraugs" keeps the price at the ceiling: the unconfirmed ceiling's message alone).
OVER_CEILING = ("2.1", "6.00")
LONG_NAME_LINES = (6, 40)
# A note as a person writes it in 6.6's Piezīmes (60 characters): whole in two lines of its column.
NOTE_66 = "Otrdienās un ceturtdienās pēc skolas; jūlijā ir pārtraukums."
# Checks made to fail in "garais-vards-6" (sheet, cell, value, the legend's text printed under the table): 6.3 an
# expert rank of 0 in row 4 (an invalid input), 6.6 a month of row 2 that breaks its sum.
FAILING = (("6.3", f"F{Layout.plan_first + 3}", 0, "6 – nederīga ievade iezīmētajā šūnā (sk. 6.11. tabulu)"),
           ("6.6", f"E{Layout.plan_first + 1}", 99, "1 – mēnešu summa (Kopā) nesakrīt ar daudzumu periodā 6.3. tabulā"))
# The plan lines with the catalogue's longest service names (3.17i: the longest), printed first by "garakais-…"
# with their long providers above: on the signed annexes they print whole, wrapped in two lines of their cells.
LONG_NAMES = (("3.17i", 8, "30.00", 1, 7, [2, 2, 1, 1, 1, 1]), ("3.13i", 6, "35.00", 2, 8, [1, 1, 1, 1, 1, 1]))
SHEETS = ("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11")
# The sheets with plan rows: printed for every random plan too.
PLAN_SHEETS = ("6.3", "6.4", "6.5", "6.6", "6.7", "6.9", "6.10")
# Random plans printed beside the fixed files: 1 by default, 3 with IBM_FULL=1 (D226). Every sheet and each kind of
# layout (the showcase, 10/20/30/40 open rows, collapsed rows, the longest names) is printed by the fixed files.
RANDOM_PRINTS = 3 if FULL else 1
PROVISIONAL_LINE = "2.1"  # the showcase's line that keeps the catalogue's price, "jāprecizē" (D22)
FULL_REPEAT = 4  # the showcase's six lines four times: more lines than both groups' first rows
# Pages of each sheet of the showcase (6 plan lines), measured with LibreOffice 7.4 and Carlito, Calibri's metric
# twin (tests/print_fonts.py), so that columns print as wide as in Excel: the wide sheets continue to
# the right with their label columns. The signed annexes (6.3, 6.5, 6.6, 6.9) print one page wide (6.9 in
# portrait, the others in landscape) and continue downwards: signed_pages.
# 6.4 prints two pages across of two-line plan rows (its ten open rows: two pages), then its summary on a page of its
# own (on the first page across only: the second one holds nothing and does not print), all with the column headings.
# 6.8 prints two pages across (A:E, then A with F:K), five pages down: each row holds two lines (a provider's name, D166;
# audit32 F1, F2: rows of one line printed a wrapped label or name over the next row); with a wider "Pārbaude" column
# it printed a third page across
# with only the service names and that empty column (F15).
# 6.10 prints three pages across (the plan with its months; the delivered and the paid months; the totals and notes).
# 6.11 prints its parameters, then its checks table on pages of its own (each with the table's headings; 25 checks at
# 8 pt: pages of 23 and 2 (D205: 22 and 3 left the third page 2 pt beyond the slack), the second with the totals and the whole list of errors, every row of which prints, D191,
# audit42 F6; it printed 13 and 12 checks at 9 pt and the list's last rows on a fourth page, D198).
SHOWCASE_PAGES = {"6.1": 2, "6.2": 1, "6.3": 2, "6.4": 3, "6.5": 1, "6.6": 1, "6.7": 1, "6.8": 10, "6.9": 1,
                  "6.10": 3, "6.11": 3}
# audit9 F10: pages of the working sheets 6.10 and 6.11 for a short plan (2 lines of 2 months, "isais") and a long one
# (40 lines of 6 months, "rindas-40"). They printed 5 and 10 pages of 6.10 (a page across for each month block, for
# the totals and for the notes) and 4 of 6.11 (its checks three or four lines high in two thirds of the page, the list
# of invalid inputs alone on the last one); 6.11 then printed the list's rows after its first five on a fourth (D191),
# now the whole list with the checks' last page (D198).
WORKING_PAGES = {"isais": {"6.10": 3, "6.11": 3}, "rindas-40": {"6.10": 9, "6.11": 3}}
SHORT_PLAN = (2, 2)  # "isais": the showcase's first lines and months
# Pages of a signed annex with 10, 20, 30 or 40 open plan rows, all filled (two-line rows; rows 3–8 repeated). 6.5's
# rows are higher (D197: 14 on the first page, 15 on the next), so 30 rows take three pages (two before).
# The signed annexes' pages with 10, 20, 30 and 40 open rows are what the page model gives for the template's own row
# heights and spacer rows (tests/workbook/test_signed_page_arithmetic.py pages, D197, D288): signed_pages(templates).
# Before the spacer rows (D288) LibreOffice printed 6.3: 2, 2, 3, 3; 6.5: 1, 2, 3, 3; 6.6: 1, 2, 2, 3; 6.9: 1, 1, 2, 2.
SIGNED_MAX_PAGES = 4  # 6.3 and 6.5 with 36–40 lines (D288)


def signed_pages(templates: dict[str | None, Path]) -> dict[str, dict[int, int]]:
    from tests.workbook.test_signed_page_arithmetic import pages as model_pages

    wb = kept_book(templates["liepaja"])
    return {sheet: {n: len(model_pages(wb[sheet], n)) for n in (10, 20, 30, 40)} for sheet in ("6.3", "6.5", "6.6", "6.9")}


# Sheets and open-row counts whose signatures print on a last page without plan rows (the rule broken): none
# of these counts. 6.5 with 40 rows printed 19 + 21 plan rows and then its totals alone, until its first page was made
# one row shorter (a manual page break cannot do it, as LibreOffice honours one in a hidden row too; D197 now).
# 6.3 with 10 or 30 rows printed its last goal alone with the signatures, until the goals moved above the plan rows
# (D96; audit42 F1). 15 and 35 rows: tests/workbook/test_signed_page_rows.py.
TOTALS_ALONE: set[tuple[str, int]] = set()
# The most pages a sheet may take with all 40 plan rows open (6.7: 17 two-line plan rows a page, D224).
MAX_PAGES = SHOWCASE_PAGES | {"6.4": 7, "6.7": 3, "6.10": 9} | dict.fromkeys(("6.3", "6.5", "6.6", "6.9"), SIGNED_MAX_PAGES)
# The last column's header of each signed annex: on every page, because the sheet prints one page wide.
LAST_COLUMN = {"6.3": "Piezīmes", "6.5": "Finansējums no IB", "6.6": "Piezīmes", "6.9": "Cena, EUR"}
SIGNED = {"6.3": ("Sociālais darbinieks", "Vecāks"), "6.5": ("Sociālais darbinieks", "Vecāks"),
          "6.6": ("Sociālais darbinieks", "Vecāks"), "6.9": ("Vecāks",)}
# What follows the plan rows of a signed annex and is printed with its signatures: 6.5 the totals, 6.6 the day-care
# check, 6.9 the number of services applied for (6.3's goals are on its first page, above the rows: D96).
AFTER_ROWS = {"6.5": "IB kopējais apmērs (K)", "6.6": "Darba dienas plāna periodā",
              "6.9": "Pakalpojumu skaits"}
# Plans with as many lines as each number of open plan rows (10, 20, 30, 40): printed as "rindas-NN".
OPEN_ROWS = (10, 20, 30, 40)
# A printed plan row: its number (6.3 also the area) and the service's code, e.g. "3 2 2.1 Pavadonis".
PLAN_ROW = re.compile(r"^\d+ (?:\d+ )?\d+(?:\.\d+)+\w* \S", re.M)
STRUCK_ROW = re.compile(r"^— —", re.M)  # an unused plan row of a signed annex: its Nr. and cells "—"
# The number of any printed plan row of the "rindas-NN" plans: a line that starts with it and holds a word (the unit
# at least: LibreOffice draws a name wrapped in two lines apart from its row's other cells).
ROW_NUMBER = re.compile(r"^(\d+) (?=[^\n]*[^\W\d_])", re.M)
MIN_FONT = 8.0
HEADER = re.compile(r"IBM matrica – (6\.\d+)[. ]")
FOOTER = re.compile(r"(6\.\d+)\. tabula, (\d+)\. lapa")


def longest_names(catalogue: Catalogue) -> tuple[str, ...]:
    """The municipalities with the longest name and the longest social service name in the catalogue."""
    municipalities = catalogue.municipalities.municipalities
    return tuple(dict.fromkeys((max(municipalities, key=lambda m: len(m.name_lv)).id,
                                max(municipalities, key=lambda m: len(m.social_service)).id)))


def showcase(catalogue: Catalogue, repeat: int = 1, longest: bool = False) -> WorkbookInputs:
    """A six-month plan of a fictional child, long enough to show every column in use; ``repeat`` times
    the same six lines (``longest``: eight, LONG_NAMES first, for a child with multiple impairments)."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    plan = [
        ("3.1.2i", 24, "32.00", 1, 2, [4, 4, 4, 4, 4, 4]),
        ("3.1.3i", 18, "28.50", 2, 1, [3, 3, 3, 3, 3, 3]),
        ("2.1", 120, None, 1, 3, [20, 20, 20, 20, 20, 20]),
        ("2.4", 180, "1", 2, 5, [30, 30, 30, 30, 30, 30]),
        ("3.4.1g", 12, "18.00", 3, 4, [2, 2, 2, 2, 2, 2]),
        ("1.1.1i", 6, "40.00", 1, 6, [1, 1, 1, 1, 1, 1]),
    ]
    if longest:
        plan = [*LONG_NAMES, *plan]
    lines = [
        line_from_offer(offers[oid], units, unit_price=price, expert_rank=rank, parent_rank=parent,
                        planned_units=months, delivered_units=months[:2], paid=[])
        for _ in range(repeat)
        for oid, units, price, rank, parent, months in plan
        if oid in offers
    ]
    return WorkbookInputs(
        birth_date=dt.date(2014, 5, 17), period_start=LATER_ROUND[1], months=6, special_care=False,
        impairment="multipli" if longest else "kustību", lines=tuple(lines), benefits=Decimal("150.00"), services=Decimal("300.00"),
    )


def _showcase_file(catalogue: Catalogue, template: Path, path: Path, repeat: int = 1, collapse: bool = False,
                   lines: int | None = None, longest: bool = False, people: People = PEOPLE,
                   note: str | None = None, failing: bool = False, price: tuple[str, str] | None = None,
                   change: Callable[[Workbook], object] | None = None) -> Path:
    """The showcase ``repeat`` times, or its lines repeated up to ``lines`` lines; ``note`` in 6.6's Piezīmes of the
    first and the last line; ``failing``: checks that fail (FAILING); ``price``: (offer, unit price) of a line;
    ``change``: what a test does to the filled workbook last, before the one save (not a second load and save)."""
    inputs = showcase(catalogue, repeat, longest)
    if lines is not None:
        inputs = dataclasses.replace(inputs, lines=showcase(catalogue, -(-lines // 6), longest).lines[:lines])
    if price is not None:
        inputs = dataclasses.replace(inputs, lines=tuple(
            dataclasses.replace(ln, unit_price=Decimal(price[1])) if ln.offer_id == price[0] else ln
            for ln in inputs.lines))
    wb = load_workbook(template)
    fill(wb, inputs, recipient_labels(catalogue), people)
    if note:
        write(wb, "Men_Piezimes", [note] + [None] * (len(inputs.lines) - 2) + [note])
    if failing:
        for sheet, cell, value, _ in FAILING:
            wb[sheet][cell] = value
    write(wb, "Merki_Ilgtermina", "Anna pati ģērbjas un ēd; runā teikumos, ko saprot arī sveši cilvēki.")
    write(wb, "Merki_Istermina", "Sešos mēnešos apgūt pogāšanu un 50 jaunus vārdus; divreiz nedēļā pastaigas ar "
                                 "pavadoni.")
    write(wb, "Merki_Vecaka", "Mācīties vingrinājumus, ko turpināt mājās.")
    if collapse:
        show_plan_rows(wb, 0)  # filled, then the groups closed again: rows 6–12 do not print
    if change:
        change(wb)
    wb.save(path)
    return path


def _short_file(catalogue: Catalogue, template: Path, path: Path) -> Path:
    """The showcase cut to its first SHORT_PLAN lines and months: a short plan's period ends with its reporting
    period (audit9's "m2-short")."""
    lines, months = SHORT_PLAN
    inputs = showcase(catalogue)
    cut = tuple(dataclasses.replace(ln, units=sum(ln.planned_units[:months]), planned_units=ln.planned_units[:months],
                                    delivered_units=ln.delivered_units[:months]) for ln in inputs.lines[:lines])
    wb = load_workbook(template)
    fill(wb, dataclasses.replace(inputs, lines=cut, months=months), recipient_labels(catalogue), PEOPLE)
    wb.save(path)
    return path


TYPED_BASE = Decimal("500.00")  # a B as the ministry would type it into 6.11 (any confirmed figure)


def _confirmed_file(catalogue: Catalogue, template: Path, path: Path, keep_provisional_price: bool) -> Path:
    """The showcase with B typed in 6.11; without its line 2.1 (which keeps the catalogue's "jāprecizē" price)
    every figure rests on confirmed values."""
    wb = load_workbook(template)
    fill(wb, _confirmed_inputs(catalogue, keep_provisional_price), recipient_labels(catalogue), PEOPLE)
    wb.save(path)
    return path


# "parbaudes" (D60): the showcase's line 2.1 (its third) above its unconfirmed ceiling (two findings), a month that
# breaks its sum and an invalid expert rank on 6.3 (four in all), and a negative F typed into 6.4.
MANY_CHECKS_LINE = 3
INVALID_F = -5


def _many_checks(wb: Workbook) -> None:
    row = plan_row(MANY_CHECKS_LINE - 1)
    wb["6.6"][f"E{row}"] = 99
    wb["6.3"][f"F{row}"] = 0
    write(wb, "IB_Galigais", INVALID_F)


def _note_in_hidden_row(wb: Workbook) -> None:
    """The showcase with a note typed alone into 6.3's frequency column of collapsed plan row 20."""
    wb["6.3"][f"H{plan_row(19)}"] = "ik ceturtdienu"


@pytest.fixture(scope="module")
def printed_pdfs(catalogue: Catalogue, templates, params, tmp_path_factory: pytest.TempPathFactory,
                 ) -> dict[str, dict[str, Path]]:
    """workbook name -> sheet -> the PDF of that sheet printed on its own. Names: "paraugs" (showcase),
    "plans-SEED" (random plans), "garakais-ID" (40 lines, the municipalities with the longest names), "pilns" (24 lines: the rows to 25 opened), "paslepts" (12 lines, rows 6–12
    collapsed), "piezime" (a note alone in collapsed row 20 of 6.3), "rindas-NN" (NN lines, the signed
    annexes), "garais-vards-NN" (NN lines, LONG_CHILD, NOTE_66 in 6.6; with 6 lines every sheet), "sniedzejs-55"
    (LONG_PROVIDER for every line: 6.4, 6.8), "griesti" (OVER_CEILING: 6.4), "parbaudes" (four failing checks in one
    row and an invalid F: 6.4)."""
    require_calibri_metrics()  # skips without LibreOffice, fails without Calibri's metrics
    folder = tmp_path_factory.mktemp("print")
    pdfs = print_sheets_apart(print_inputs(catalogue, templates, params, folder), folder / "pdf",
                              make_profile(folder / "profile"))
    result: dict[str, dict[str, Path]] = {}
    for (name, sheet), pdf in pdfs.items():
        result.setdefault(name, {})[sheet] = pdf
    return result


def print_inputs(catalogue: Catalogue, templates, params, folder: Path) -> dict[Path, tuple[str, ...]]:  # noqa: ANN001
    """The workbooks printed_pdfs prints, each with the sheets printed from it."""
    files: dict[Path, tuple[str, ...]] = {}

    def add(path: Path, sheets: tuple[str, ...]) -> None:
        files[path] = sheets

    add(_showcase_file(catalogue, templates["liepaja"], folder / "paraugs.xlsx"), SHEETS)
    add(_showcase_file(catalogue, templates["liepaja"], folder / "paslepts.xlsx", repeat=2, collapse=True),
        ("6.3", "6.5"))
    add(_showcase_file(catalogue, templates["liepaja"], folder / "pilns.xlsx", repeat=FULL_REPEAT), PLAN_SHEETS)
    add(_showcase_file(catalogue, templates["liepaja"], folder / "piezime.xlsx", change=_note_in_hidden_row), ("6.3",))
    add(_showcase_file(catalogue, templates["liepaja"], folder / "sniedzejs-55.xlsx", people=LONG_PROVIDERS),
        ("6.4", "6.8"))
    add(_showcase_file(catalogue, templates["liepaja"], folder / "griesti.xlsx", price=OVER_CEILING), ("6.4",))
    add(_showcase_file(catalogue, templates["liepaja"], folder / "parbaudes.xlsx", price=OVER_CEILING,
                       change=_many_checks), ("6.4",))
    for name, keep_provisional_price in (("apstiprinats", False), ("cena-japrecize", True)):
        add(_confirmed_file(catalogue, templates["liepaja"], folder / f"{name}.xlsx", keep_provisional_price),
            ("6.4", "6.5", "6.9"))
    for lines in OPEN_ROWS:
        add(_showcase_file(catalogue, templates["liepaja"], folder / f"rindas-{lines}.xlsx", lines=lines),
            (*SIGNED, "6.4", *(WORKING_PAGES["rindas-40"] if lines == 40 else ())))
    add(_short_file(catalogue, templates["liepaja"], folder / "isais.xlsx"), tuple(WORKING_PAGES["isais"]))
    for lines in LONG_NAME_LINES:
        add(_showcase_file(catalogue, templates["liepaja"], folder / f"garais-vards-{lines}.xlsx", lines=lines,
                           people=LONG_CHILD, note=NOTE_66, failing=lines == LONG_NAME_LINES[0]),
            SHEETS if lines == LONG_NAME_LINES[0] else tuple(SIGNED))  # the child's name and code on every sheet
    confirming = names_confirmed(folder)  # the longest names print only when confirmed (D51)
    for municipality_id in longest_names(catalogue):
        template = write_workbook(confirming, folder / f"veidne-{municipality_id}.xlsx", municipality_id)
        add(_showcase_file(catalogue, template, folder / f"garakais-{municipality_id}.xlsx", lines=40,
                           longest=True),
            tuple(SIGNED))
    plans = random_plans(RANDOM_PRINTS, catalogue.offers(template_date(catalogue)), params.full_rate_max_age,
                         params.eligibility_age_limit, params.period_months_max, periods=params.reporting_periods)
    labels = recipient_labels(catalogue)
    for plan in plans:
        wb = load_workbook(templates["liepaja"])
        fill(wb, plan.inputs, labels, PEOPLE)
        path = folder / f"plans-{plan.seed}.xlsx"
        wb.save(path)
        add(path, PLAN_SHEETS)
    return files


@pytest.fixture(scope="module")
def printed(printed_pdfs: dict[str, dict[str, Path]]) -> dict[str, dict[str, list[Page]]]:
    """workbook name -> sheet -> pages of that sheet printed on its own (see printed_pdfs)."""
    return {name: {sheet: read_pages(pdf) for sheet, pdf in sheets.items()} for name, sheets in printed_pdfs.items()}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _unhyphened(text: str) -> str:
    """_flat, with a line broken after a hyphen ("Paraudziņa-" / "Piemēriņa", as a double surname wraps) joined."""
    return re.sub(r"-\s+", "-", _flat(text))


def test_every_page_readable_numbered_and_named(printed: dict[str, dict[str, list[Page]]]) -> None:
    """A4, ≥ 8 pt, the annex in the page header, the child's personal code in the repeated rows,
    "6.3. tabula, X. lapa" counted per sheet (no total, D23), no "###", and no more pages than the sheet needs."""
    for name, sheets in printed.items():
        for sheet, pages in sheets.items():
            where = f"{name} {sheet}"
            assert 1 <= len(pages) <= MAX_PAGES[sheet], f"{where}: {len(pages)} lapas"
            for k, page in enumerate(pages, start=1):
                at = f"{where}, {k}. lapa"
                assert sorted(round(x) for x in page.size) == [595, 842], f"{at}: {page.size}"
                assert page.min_font >= MIN_FONT - 0.05, f"{at}: mazākais burts {page.min_font:.1f} pt"
                found = HEADER.search(page.text)
                assert found and found.group(1) == sheet, f"{at}: galvenē nav {sheet}: {page.text[:100]!r}"
                assert FOOTER.findall(page.text) == [(sheet, str(k))], (
                    f"{at}: kājenē jābūt „{sheet}. tabula, {k}. lapa”: {FOOTER.findall(page.text)}")
                assert "Lapa " not in page.text, f"{at}: kājenē kopējais lappušu skaits"
                assert PEOPLE.child_code in page.text, f"{at}: nav bērna personas koda"
                if name.startswith("garais-vards"):
                    assert LONG_CHILD.child_name in _unhyphened(page.text), f"{at}: nav visa bērna vārda"
                assert "###" not in page.text, f"{at}: šūnā „###”"


def test_showcase_page_counts(printed: dict[str, dict[str, list[Page]]]) -> None:
    counts = {sheet: len(pages) for sheet, pages in printed["paraugs"].items()}
    assert counts == SHOWCASE_PAGES


def test_working_sheets_print_compactly(printed: dict[str, dict[str, list[Page]]]) -> None:
    """audit9 F10: 6.10 and 6.11 of a short and a long plan on as few pages as WORKING_PAGES (each page readable,
    numbered and named: test_every_page_readable_numbered_and_named). 6.10's pages across each hold a whole block of
    columns with the repeated labels, its month headings and the plan rows: the first the planned months, the
    second the delivered and the paid months, the third the totals with "Pārbaude" and "Piezīmes"."""
    counts = {name: {sheet: len(printed[name][sheet]) for sheet in sheets} for name, sheets in WORKING_PAGES.items()}
    assert counts == WORKING_PAGES
    blocks = (("Plānots, vienības (6.6. tabula)",), ("Saņemts, vienības", "Samaksāts, EUR"), ("Apguve", "Piezīmes"))
    for name in WORKING_PAGES:
        pages = printed[name]["6.10"]
        for k, page in enumerate(pages[:3]):
            flat = _flat(page.text)
            assert all(head in flat for head in blocks[k]) and "SBS pakalpojums" in flat, f"{name} 6.10, {k + 1}. lapa"
            assert "1 3.1.2i Ergoterapeits" in flat, f"{name} 6.10, {k + 1}. lapa: nav 1. plāna rindas"
    months = _flat(printed["isais"]["6.10"][1].text)
    assert months.count("07.2021 08.2021") == 2, months  # the delivered and the paid months, side by side


def test_no_page_of_the_service_list_holds_only_names(printed: dict[str, dict[str, list[Page]]]) -> None:
    """Every page across of 6.8 holds the catalogue's columns (Mērvienība) or the provider's (Sniedzējs, with the
    Pārbaude column): never a page of the repeated service names beside an empty "Pārbaude" column alone."""
    for name in ("paraugs", "sniedzejs-55"):
        for k, page in enumerate(printed[name]["6.8"], start=1):
            text = _flat(page.text)
            assert "Mērvienība" in text or ("Sniedzējs" in text and "Pārbaude" in text), f"{name} 6.8, {k}. lapa"


# matrixprint F3: the showcase's line in euro at actual cost (D70) and its quantity, a sum of money, as each signed annex
# prints it (6.6 also its six months): as money, with two decimals; it printed "180" and "30" as the units of a service.
EURO_LINE = ("2.4 Transports bērnam", "180,00", "30,00")


# 6.10 (no unit column; its first page across holds the planned quantity and months) printed them "180" and "30"
# (annextrial F3, D232).
@pytest.mark.parametrize("sheet", [*sorted(SIGNED), "6.10"])
def test_euro_line_quantity_prints_as_money(printed: dict[str, dict[str, list[Page]]], sheet: str) -> None:
    name, total, month = EURO_LINE
    lines = [line for page in printed["paraugs"][sheet] for line in page.text.splitlines() if name in line]
    assert lines, f"{sheet}: nav rindas „{name}”"
    figures = lines[0].split()
    assert total in figures, f"{sheet}: {lines[0]!r}"
    if sheet == "6.10":  # the planned quantity and the planned EUR
        assert figures.count(total) == 2, f"{sheet}: {lines[0]!r}"
    if sheet in ("6.6", "6.10"):
        assert figures.count(month) == 6, f"{sheet}: {lines[0]!r}"


@pytest.mark.parametrize("sheet", sorted(SIGNED))
def test_signatures_with_plan_rows(printed: dict[str, dict[str, list[Page]]], sheet: str) -> None:
    """The page with the signature lines also holds filled plan rows or what follows them on the annex
    (AFTER_ROWS), never only empty rows; 6.5's totals are always with its signatures."""
    for name, sheets in printed.items():
        if sheet in sheets:
            _signed_with_rows(name, sheet, sheets[sheet])


@pytest.mark.parametrize("lines", OPEN_ROWS)
@pytest.mark.parametrize("sheet", sorted(SIGNED))
def test_every_open_row_count_signs_with_its_rows(printed: dict[str, dict[str, list[Page]]], sheet: str,
                                                  lines: int, templates) -> None:  # noqa: ANN001
    """10, 20, 30 or 40 open plan rows, all filled. The rule: the sheet prints one page wide (every page holds the
    first and the last column's header, and no page repeats a plan row of another page: there is no page across),
    its pages follow the plan rows downwards (1, 2, … without a gap or a repeat), and only the last page holds the
    signature lines, every party's, together with plan rows or what follows them (AFTER_ROWS). So every page that holds plan rows holds, or
    is followed on the sheet's last page by, the signatures, and no page has columns without their signatures.
    The page count is the page model's for the template (signed_pages)."""
    name = f"rindas-{lines}"
    pages = printed[name][sheet]
    where = f"{name} {sheet}"
    assert len(pages) == signed_pages(templates)[sheet][lines], f"{where}: {len(pages)} lapas"
    numbers: list[int] = []
    for k, page in enumerate(pages, start=1):
        flat = _flat(page.text)
        assert "Nr." in flat or "Prio- ritāte" in flat, f"{where}, {k}. lapa: nav pirmās kolonnas"
        assert LAST_COLUMN[sheet] in flat, f"{where}, {k}. lapa: nav kolonnas „{LAST_COLUMN[sheet]}” (lapa pa labi?)"
        signed = "(paraksts)" in page.text
        assert signed == (k == len(pages)), f"{where}, {k}. lapa: paraksti {'ir' if signed else 'nav'}"
        on_page = [int(m.group(1)) for m in ROW_NUMBER.finditer(page.text)]
        if k == len(pages):  # the issue: the page with the signature lines also holds plan rows (but TOTALS_ALONE)
            assert bool(on_page) != ((sheet, lines) in TOTALS_ALONE), (
                f"{where}: parakstu lapā {'ir' if on_page else 'nav'} plāna rindas (TOTALS_ALONE)")
        numbers += on_page
    assert numbers == list(range(1, lines + 1)), f"{where}: izdrukātās rindas {numbers}"
    _signed_with_rows(name, sheet, pages)
    assert pages[-1].text.count("(paraksts)") == len(SIGNED[sheet]), f"{where}: paraksti sadalīti pa lapām"


def _signed_with_rows(name: str, sheet: str, pages: list[Page]) -> None:
    signed = [p for p in pages if "(paraksts)" in p.text]
    assert signed, f"{name} {sheet}: nav paraksta rindas"
    page = signed[-1]
    assert "(datums)" in page.text
    for party in SIGNED[sheet]:
        assert party in page.text, f"{name} {sheet}: nav paraksta rindas {party}"
    # D272: the signature page names what the signatures approve, up to the last plan row printed (or further: rows
    # a closed group hides); 6.6 in its statement's line, which says only "NAV PARAKSTĀMS …" while there are errors
    if sheet != "6.6" or "NAV PARAKSTĀMS" not in page.text:
        line = signed_line(sheet, page.text)
        assert line, f"{name} {sheet}: parakstu lapā nav rindas, ko paraksti apliecina: {page.text[-600:]!r}"
        printed = [int(m.group(1)) for p in pages for m in USED_ROW.finditer(p.text)]
        assert line[2] >= max(printed, default=0), f"{name} {sheet}: {line}, izdrukātas rindas līdz {printed[-1:]}"
    # a used plan row, or what follows the rows (6.5, 6.6, 6.9). A struck row ("—", the last rows of an open group)
    # is not a plan row (audit33b F1): a signature page with struck rows only is one of the plans the layout cannot
    # keep so (signed_pages.STRUCK_ONLY, by the plan's line count: its last printed row number)
    if not PLAN_ROW.search(page.text):
        lines = max((int(m.group(1)) for p in pages for m in USED_ROW.finditer(p.text)), default=0)
        assert STRUCK_ROW.search(page.text) and lines in STRUCK_ONLY[sheet], (
            f"{name} {sheet}: paraksts lapā bez plāna rindām ({lines} rindas): {page.text[-600:]!r}")
        assert sheet == "6.3" or AFTER_ROWS[sheet] in page.text, f"{name} {sheet}: {page.text[-600:]!r}"
    if sheet == "6.5":
        assert "IB kopējais apmērs (K)" in page.text
    if sheet == "6.9":
        assert page.text.count("(paraksts)") == 1, f"{name} 6.9: paraksta vietu jābūt tikai vecākam"


def test_every_filled_line_prints(printed: dict[str, dict[str, list[Page]]], catalogue: Catalogue,
                                  params) -> None:  # noqa: ANN001
    """Filled lines are never left out: each plan line's service is on the printed 6.3 (opened groups)."""
    plans = random_plans(RANDOM_PRINTS, catalogue.offers(template_date(catalogue)), params.full_rate_max_age,
                         params.eligibility_age_limit, params.period_months_max, periods=params.reporting_periods)
    labels = {o.id: o.label for o in catalogue.offers(template_date(catalogue))}
    named = [(f"plans-{p.seed}", p.inputs.lines) for p in plans]
    named += [("paraugs", showcase(catalogue).lines), ("pilns", showcase(catalogue, FULL_REPEAT).lines)]
    for name, lines in named:
        text = _flat("\n".join(p.text for p in printed[name]["6.3"]))
        for offer_id in {ln.offer_id for ln in lines if ln.offer_id}:
            wanted = sum(ln.offer_id == offer_id for ln in lines)
            # the code starts the label; a long name may wrap or end at the cell's edge
            assert text.count(f" {labels[offer_id].split()[0]} ") >= wanted, f"{name} 6.3: {offer_id} nav izdrukāts"
        assert _flat(WARNING) not in text, f"{name}: brīdinājums par paslēptām rindām, lai gan rindas atvērtas"


def test_hidden_filled_rows_warn_on_paper(printed: dict[str, dict[str, list[Page]]]) -> None:
    """12 lines, groups closed: rows 6–12 do not print, and the printout says that filled rows are hidden."""
    for sheet in ("6.3", "6.5"):
        pages = printed["paslepts"][sheet]
        text = _flat("\n".join(p.text for p in pages))
        assert _flat(WARNING) in text, f"{sheet}: nav brīdinājuma par paslēptām aizpildītām rindām"
        numbers = {int(m.group(1)) for p in pages for m in re.finditer(r"^(\d+) \d", p.text, re.M)}
        assert VISIBLE in numbers and VISIBLE + 1 not in numbers, f"{sheet}: izdrukātās rindas {sorted(numbers)}"


def names_confirmed(folder: Path) -> Catalogue:
    """The module's catalogue (with the test round, later_round) with every name of municipality-names.yaml
    confirmed (a copy in ``folder``)."""
    with_round = folder / "ar-karta"
    round_catalogue(with_round)
    return edited_names(folder / "nosaukumi-apstiprinati", confirm, source=with_round / "catalogue")


def test_header_names_printed_whole(printed: dict[str, dict[str, list[Page]]], catalogue: Catalogue,
                                    tmp_path: Path) -> None:
    """Page 1 of every signed annex holds the whole municipality and social service name as 6.1 shows it for the
    plan's first day: for the showcase (Liepāja, in the test round of 2021) both blanks, each with the note where the
    name comes from (D227), for the municipalities with the longest names (every name confirmed in a copy of the
    catalogue) both names without it: the header block wraps, it does not cut."""
    confirming = names_confirmed(tmp_path)
    day = showcase(catalogue).period_start
    named = {"paraugs": ("liepaja", catalogue)} | {f"garakais-{m}": (m, confirming) for m in longest_names(catalogue)}
    for name, (municipality_id, cat) in named.items():
        shown = {kind: shown_name(cat, municipality_id, kind, day) for kind in ("municipality", "social_service")}
        if name == "paraugs":  # the test round's period (2021): the catalogue confirms no name for it
            assert shown == {"municipality": BLANK, "social_service": BLANK}
        else:  # a social service may have no recorded name for the round's day (its pilot-time one ended)
            assert shown["municipality"] != BLANK
        for sheet in SIGNED:
            first = _flat(printed[name][sheet][0].text)
            for label, kind in (("Pašvaldība", "municipality"), ("Sociālais dienests", "social_service")):
                value = shown[kind]
                # after a blank: where the name comes from (D227), whole too
                where = {"municipality": "pašvaldības", "social_service": "dienesta"}[kind]
                note = f" (nosaukums – {where} nolikumā)"
                line = f"{label}: {value}" + (note if value == BLANK else "")
                assert line in first, f"{name} {sheet}: 1. lapā nav vesela „{line}”"
                if value != BLANK:
                    assert note not in first, f"{name} {sheet}: piezīme pie apstiprināta nosaukuma"


def test_numbers_print_with_latvian_separators(printed: dict[str, dict[str, list[Page]]]) -> None:
    """Shares and amounts print with a decimal comma although LibreOffice runs in the C locale here: the
    number formats carry the Latvian language tag (an English locale printed "15.00%" before)."""
    shares = []
    for name, sheets in printed.items():
        for sheet, pages in sheets.items():
            for k, page in enumerate(pages, start=1):
                shares += re.findall(r"\d+[.,]\d+ ?%", page.text)
                english = re.search(r"\d,\d{3}\.\d{2}\b", page.text)  # "1,234.50"
                assert not english, f"{name} {sheet}, {k}. lapa: „{english.group(0)}”"
    assert shares and all("," in s for s in shares), sorted(set(shares))[:20]


def test_version_prints_without_an_iso_date(printed: dict[str, dict[str, list[Page]]], catalogue: Catalogue) -> None:
    """The page header shows the version as header_version does: "7ca2ab6d.3", not "2023-04-01+…" (which only the technical
    table 6.11 shows, as the machine-readable IBM_Versija). The page header names the prices day, as the documents
    do (D45): "Veidne 7ca2ab6d.3, cenas uz 01.10.2018", not the catalogue's day (audit9 F9)."""
    shown = lvformat.version(template_version(catalogue))
    header = f"Veidne {shown.split(' (')[0]}, cenas uz {lvformat.date(template_date(catalogue))}"
    for sheet, pages in printed["paraugs"].items():
        # a signed annex names the plan's first day, whose prices the plan uses (D320)
        said = f"Veidne {shown.split(' (')[0]}, cenas uz plāna pirmo dienu" if sheet in SIGNED else header
        for k, page in enumerate(pages, start=1):
            assert said in _flat(page.text), f"{sheet}, {k}. lapa: {page.text[:120]!r}"
            # 6.11 lists the machine-readable IBM_Versija as it is
            assert sheet == "6.11" or catalogue.version not in page.text, f"{sheet}, {k}. lapa"
    # 6.8's first page says it once, in the page header: no copy under the title (matrixpolish F7), no catalogue's
    # day (audit13 F12)
    note = _flat(printed["paraugs"]["6.8"][0].text)
    assert note.count(header) == 1 and not re.search(r"katalogs \d", note), note[:400]


@pytest.mark.parametrize("sheet", SHEETS)
def test_no_text_cut_at_a_page_edge(printed_pdfs: dict[str, dict[str, Path]], catalogue: Catalogue,
                                    sheet: str) -> None:
    """No text runs on past the edge of its printed block of columns: the page's right edge, or the edge of the
    repeated label columns on a page across (there LibreOffice, like Excel, prints a merged cell that goes on
    beyond them as a piece cut at their edge). Every merged title, label, goal text, total and signature name
    prints whole on each page where it appears.

    On the signed annexes the plan rows' service and provider names wrap in two lines of their cells: nothing of
    them may be cut, neither at the cell's side nor below its two lines (cut_runs(..., below=True)), nor any other
    text below its row's height: the check numbers, the checks' legend under the table, 6.6's note of 60 characters
    (NOTE_66), the child's long name with the personal code under it (LONG_CHILD). Allowed on the
    other plan sheets (6.4, 6.7, 6.10, not signed): a run of a plan row's name past its cell's edge (their names wrap
    in two lines, and the longest print whole: test_print_working_names.py, D224; LibreOffice shortens a text itself
    where the next cell is filled, which cut_runs cannot see). On every sheet no wrapped text may hide a
    line under its row (a hint, a note, a label wrapped in a one-line row printed over the row below it), except a
    plan row's check message on 6.7 and 6.10 (MSG: whole on the screen). 6.4 prints its check messages whole in the
    two lines of its plan rows: the unconfirmed ceiling's message ("paraugs") and the price above that ceiling with
    it ("griesti")."""
    plan_texts = [o.label for o in catalogue.offers(template_date(catalogue))] + list(PEOPLE.providers.values())
    found = []
    for name, sheets in printed_pdfs.items():
        if sheet not in sheets:
            continue
        for cut in cut_runs(sheets[sheet], below=True):
            if cut.below:  # a hidden line: never on a signed annex (D35) or 6.4, elsewhere only of a check message
                allowed = sheet not in (*SIGNED, "6.4") and any(cut.text in text for text in MSG.values())
            else:
                allowed = sheet not in SIGNED and any(text.startswith(cut.text) for text in plan_texts)
            if not allowed:
                found.append(f"{name} {sheet}, {cut}")
    assert not found, "nogriezts teksts:\n" + "\n".join(dict.fromkeys(found))


def test_note_alone_in_a_hidden_row_warns_on_paper(printed: dict[str, dict[str, list[Page]]]) -> None:
    text = _flat("\n".join(p.text for p in printed["piezime"]["6.3"]))
    assert _flat(WARNING) in text and "ik ceturtdienu" not in text


def test_unconfirmed_base_warning_printed(printed: dict[str, dict[str, list[Page]]]) -> None:
    """The showcase leaves B blank and the catalogue's B is "jāprecizē": 6.4 says so beside P, and the signed
    6.5 beside its title on the page with the plan rows and the signatures."""
    for name, sheets in printed.items():
        if name.startswith(("plans-", "apstiprinats", "cena-")):
            continue  # a random plan may type its own B; these two type it
        if "6.4" in sheets:  # beside P in the summary, on its page
            summary = [p for p in sheets["6.4"] if "IB apmēri periodā" in p.text]
            assert summary and _flat(BASE_PROVISIONAL_SHORT) in _flat(summary[0].text), name
        if "6.5" in sheets:
            # beside the title on the first page, with the first plan rows (the pages down repeat rows 3–8 only)
            first = sheets["6.5"][0]
            assert _flat(ANNEX_BOTH_BLANK) in _flat(first.text) and PLAN_ROW.search(first.text), name
            assert all(_flat(ANNEX_BOTH_BLANK) not in _flat(p.text) for p in sheets["6.5"][1:]), name


def test_month_columns_name_their_month_whole(printed: dict[str, dict[str, list[Page]]]) -> None:
    """The showcase's months (07.2021–12.2021) head the month columns of 6.6, 6.7 and 6.10 as MM.YYYY on the page
    that holds them: a month's name ("septembris") broke in the middle of the word in the narrow columns."""
    start = LATER_ROUND[1]
    for sheet in ("6.6", "6.7", "6.10"):
        text = "\n".join(p.text for p in printed["paraugs"][sheet])
        for month in range(start.month, start.month + 6):
            assert f"{month:02d}.{start.year}" in text, f"{sheet}: nav mēneša {month:02d}.{start.year}"


def test_failing_checks_print_numbers_and_texts(printed: dict[str, dict[str, list[Page]]]) -> None:
    """D35: a failing check prints its number in the row's "Pārbaude" cell and its whole text once under the table
    (test_no_text_cut_at_a_page_edge: nothing of either is hidden); a plan whose checks pass prints no legend."""
    for sheet, cell, _, legend in FAILING:
        text = _flat("\n".join(p.text for p in printed["garais-vards-6"][sheet]))
        assert f"Pārbaude: {legend}" in text or ("Pārbaude: 1 – " in text and f"; {legend}" in text), (
            f"{sheet}: zem tabulas nav „{legend}”: {text[-900:]!r}")
        number = legend.split(" – ")[0]
        row = 1 + [plan_row(i) for i in range(Layout.plan_rows)].index(int(cell.lstrip("EF")))
        line = next((ln for p in printed["garais-vards-6"][sheet] for ln in p.text.splitlines()
                     if ln.startswith(f"{row} ")), "")
        # the row's last printed cell (its note is empty): "Pārbaude"
        assert line.rstrip().endswith(f" {number}"), f"{sheet}: rindā {row} nav {number}: {line!r}"
    assert "Pārbaude:" not in _flat("\n".join(p.text for p in printed["garais-vards-40"]["6.6"]))


TOTALS_65 = ("IB_Provizoriskais", "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais")  # P, N, A, K


def _confirmed_inputs(catalogue: Catalogue, keep_provisional_price: bool) -> WorkbookInputs:
    inputs = showcase(catalogue)
    lines = tuple(ln for ln in inputs.lines if keep_provisional_price or ln.offer_id != PROVISIONAL_LINE)
    return dataclasses.replace(inputs, lines=lines, base=TYPED_BASE)


def _figures(inputs: WorkbookInputs, params) -> dict[str, str]:  # noqa: ANN001 - Params
    """P, N, A and K as 6.5 prints them, computed by the reference."""
    values = evaluate_workbook(inputs, params).named_values()
    return {name: _spaced(lvformat.number(values[name])) for name in TOTALS_65}


def _spaced(text: str) -> str:
    """Thousands grouped with a plain space, whichever space the cell or lvformat used."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _without_addressee(text: str) -> str:
    """6.9's text (_flat, _spaced) without its addressee, a blank while the social service's name is "jāprecizē"
    (D43, D54): the blanks left are the figures'."""
    return _spaced(_flat(text).replace(_flat(APPLICATION_ADDRESSEE_BLANK), ""))


def _provisional_price(catalogue: Catalogue) -> tuple[str, str]:
    """The showcase's "jāprecizē" price and its line's sum (120 units), as the cells print them."""
    offer = {o.id: o for o in catalogue.offers(template_date(catalogue))}[PROVISIONAL_LINE]
    assert offer.prefill_price and offer.ceiling_status is PriceStatus.to_verify, (
        "kataloga 2.1 cena vairs nav „jāprecizē”: tests jāpārskata")
    return _spaced(lvformat.number(offer.prefill_price)), _spaced(lvformat.number(offer.prefill_price * 120))


def test_signed_annexes_print_blanks_for_unconfirmed_figures(printed: dict[str, dict[str, list[Page]]],
                                                            catalogue: Catalogue, params) -> None:  # noqa: ANN001
    """D22 on paper: a "jāprecizē" price (the showcase's 2.1) and every figure that rests on it or on an unconfirmed
    B print "______" on the signed 6.5 and 6.9 with the note where the confirmed figure comes from; the working 6.4
    keeps the provisional figures. The absent figures are the reference's."""
    price, cost = _provisional_price(catalogue)
    cases = {"paraugs": showcase(catalogue), "cena-japrecize": _confirmed_inputs(catalogue, True)}
    for name, inputs in cases.items():
        sheets = printed[name]
        p65 = _spaced(sheets["6.5"][0].text)
        figures = _figures(inputs, params)
        assert "2.1 Pavadonis" in p65 and price not in p65 and cost not in p65, name
        for total in ("IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais"):  # N, A and K rest on the price
            if name != "paraugs" and figures[total] == figures["IB_Provizoriskais"]:
                continue  # A is P here (N > P): the figure printed is P's, on the typed B
            assert figures[total] not in p65, f"{name} 6.5: {total} {figures[total]} izdrukāts"
        if name != "paraugs":  # D294: the confirmed lines alone make N > P, so A = P whatever 2.1 costs: printed
            outcome = evaluate_workbook(inputs, params)
            opened = [i for i, ln in enumerate(inputs.lines) if ln.offer_id == PROVISIONAL_LINE]
            assert known_figures(inputs.lines, outcome.plan, opened, outcome.provisional, None).available, name
            a_line = next(ln for ln in p65.splitlines() if "IB pieejamais apmērs plānam (A)" in ln)
            assert figures["IB_Pieejamais"] in a_line and BLANK not in a_line.split("(A)", 1)[1].split("IB ")[0], a_line
        if name == "paraugs":  # B unconfirmed too: P, and on each line the price, the sum, the IB sum, its status
            assert figures["IB_Provizoriskais"] not in p65 and _flat(ANNEX_BOTH_BLANK) in _flat(p65)
            assert p65.count(BLANK) >= 2 + 2 * len(inputs.lines) + 9, p65.count(BLANK)
        else:  # P rests on the typed B only
            assert figures["IB_Provizoriskais"] in p65 and _flat(ANNEX_PRICE_BLANK) in _flat(p65)
        p69 = _without_addressee(sheets["6.9"][0].text)
        assert "2.1 Pavadonis" in p69 and price not in p69 and BLANK in p69, name
        assert _flat(APPLICATION_PRICE_BLANK) in _flat(sheets["6.9"][-1].text), name
        assert price in _spaced(sheets["6.4"][0].text), f"{name} 6.4: nav provizoriskās cenas"


def test_printed_price_warning_names_the_plans_period(printed: dict[str, dict[str, list[Page]]]) -> None:
    """D384: LibreOffice's recalculated and printed 6.5 of a plan with the catalogue's open price (with B typed, and with
    B open too) says which price the worker waits for in the child's papers' words (price_notes.plan_days_price, D359)
    less the days, which 6.5 prints in its header – not the old „pēc LM apstiprinātās cenas” / „apstiprinājuma”, which
    a later day's confirmed price on the site also is. On main before this both printed the old words."""
    from generator.documents.from_matrix.price_notes import plan_days_price

    period = "01.09.2019–31.08.2020"  # any: the papers name the days, 6.5 does not
    papers = _flat(plan_days_price(period, 1).replace(f" {period}", ""))
    for name in ("cena-japrecize", "paraugs"):
        p65 = _flat(printed[name]["6.5"][0].text)
        assert papers in p65, (name, p65[:600])
        assert "Atbalsta plāna periods:" in p65, name  # where the days stand
        assert "apstiprinātās cenas" not in p65 and "pēc LM apstiprinājuma" not in p65, name


def test_signed_annexes_print_confirmed_figures(printed: dict[str, dict[str, list[Page]]], catalogue: Catalogue,
                                                params) -> None:  # noqa: ANN001
    """With B typed and every price confirmed, 6.5 and 6.9 print every figure (the reference's) and no blank or
    note."""
    sheets = printed["apstiprinats"]
    p65, p69 = _spaced(sheets["6.5"][0].text), _without_addressee(sheets["6.9"][0].text)
    # the blanks left: the parties' names in the header, not confirmed in the catalogue for the round (D51)
    service_blank = re.compile(rf"(Pašvaldība|dienests):\s*{re.escape(BLANK)}")
    assert service_blank.search(p65) and service_blank.search(p69)
    p65, p69 = service_blank.sub("", p65), service_blank.sub("", p69)
    assert BLANK not in p65 and BLANK not in p69
    assert "UZMANĪBU: bāzes" not in p65 and "UZMANĪBU: cena" not in p65
    for total, figure in _figures(_confirmed_inputs(catalogue, False), params).items():
        assert figure in p65, f"6.5: {total} {figure} nav izdrukāts"
    for figure in ("32,00", "768,00", "28,50", "513,00"):  # 3.1.2i and 3.1.3i: price and sum
        assert figure in p65, figure
    assert "32,00" in p69 and "28,50" in p69


def test_summary_64_labels_print_with_their_values(printed_pdfs: dict[str, dict[str, Path]]) -> None:
    """6.4's summary ("IB apmēri periodā"): on every printed page, every label of it that prints has a value beside
    it (a figure, "______" or a text on the label's line, whole on the page), or the page holds none of its labels.
    Its labels once sat in the repeated label columns A:B and printed on each page across without their values. Of
    F and the transport justification (inputs, empty in these plans) the label prints where the other labels print
    with their values."""
    maybe_blank = {6, 16}
    for name, sheets in printed_pdfs.items():
        if "6.4" not in sheets:
            continue
        runs = text_runs(sheets["6.4"])
        complete = 0
        for number in sorted({r.page for r in runs}):
            on_page = [r for r in runs if r.page == number and r.whole]
            bare, shown = [], []
            for row, label in SUMMARY_ROWS:
                # one run: text_runs joins a label's pieces at the no-break space after an ordinal
                found = [r for r in on_page if r.text.replace(NBSP, " ") == label]
                if found:
                    (shown if _beside(found[0], on_page) else bare).append(row)
            missing = [row for row in bare if row not in maybe_blank or not shown]
            assert not missing, (f"{name} 6.4, {number}. lapa: uzraksti bez vērtībām: "
                                 f"{[label for row, label in SUMMARY_ROWS if row in missing]}")
            complete += len(shown) + len(bare) == len(SUMMARY_ROWS)
        assert complete == 1, f"{name} 6.4: IB apmēri drukāti {complete} lapās"


def summary_64_headings(pdf: Path) -> list[str]:
    """The problems of a printed 6.4's summary page with its headings (none: []): the summary prints once, its title
    row holds its own column headings (SUMMARY_HEADINGS) and its first labelled row follows that row directly, its
    value under "Vērtība" and left of "Piezīmes"; the repeated rows 1–8 above it (the plan table's column headings,
    print titles being per sheet) are parted from it by a gap (D84)."""
    runs = text_runs(pdf)
    titles = [r for r in runs if r.text == SUMMARY_TITLE]
    if len(titles) != 1:
        return [f"virsraksts „{SUMMARY_TITLE}” izdrukāts {len(titles)} reizes"]
    title = titles[0]
    on_page = [r for r in runs if r.page == title.page]
    row = {r.text: r for r in on_page if abs(r.y - title.y) < 2}
    wanted = [text for _, text in SUMMARY_HEADINGS]
    if not all(text in row for text in wanted):
        return [f"virsraksta rindā nav savu aiļu nosaukumu {wanted}: {sorted(row)}"]
    label = next((r for r in on_page if r.text.replace(NBSP, " ") == SUMMARY_ROWS[0][1]), None)
    if label is None:
        return ["nav pirmā uzraksta"]
    problems = []
    between = [r.text for r in on_page if label.y + 2 < r.y < title.y - 2]
    if between:
        problems.append(f"starp virsrakstu un pirmo rindu: {between}")
    value = [r for r in on_page if abs(r.y - label.y) < 2 and r.x0 > label.x1]
    if not value or not row["Vērtība"].x0 - 2 <= value[0].x0 < row["Piezīmes"].x0:
        problems.append(f"pirmās rindas vērtība nav zem „Vērtība”: {[r.text for r in value]}")
    repeated = [r for r in on_page if r.text == "Sniedzējs"]  # the plan table's heading, rows 7–8 repeated
    if repeated and repeated[0].y - title.y < HEADINGS_APART:
        problems.append(f"atkārtotās aiļu virsrakstu rindas tieši virs kopsavilkuma ({repeated[0].y - title.y:.0f} pt)")
    return problems


# pt between the baselines of the repeated "Sniedzējs" and the summary's title: 34 with the gap row of 14 pt above
# the summary's heading row, 18 with the screen's gap of 6 pt that printed there before
HEADINGS_APART = 26


def test_summary_64_prints_under_its_own_headings(printed_pdfs: dict[str, dict[str, Path]]) -> None:
    """D84: 6.4's summary ("IB apmēri periodā") opens a page of its own under the repeated rows 1–8, whose column
    headings ("Nr.", "Sniedzējs", "Cena, EUR" …) name the plan rows' columns, not the summary's: print titles are
    per sheet in Excel and LibreOffice alike, and the pages of plan rows need them (F6). So the summary has a heading
    row of its own, "IB apmēri periodā | Vērtība | Piezīmes", directly above its first row, a gap apart from the
    repeated rows: a reader takes its figures from its own headings. Every printed 6.4 (3–10 open rows and 10–40)."""
    found = {name: summary_64_headings(sheets["6.4"]) for name, sheets in printed_pdfs.items() if "6.4" in sheets}
    assert {f"rindas-{n}" for n in OPEN_ROWS} <= found.keys()
    assert not any(found.values()), {k: v for k, v in found.items() if v}


# A printed number cell of 6.4: a plan row's number, a quantity, a price ("4,50*"), an amount, a share.
NUMBER_CELL = re.compile(r"^-?\d+(?:,\d+)?\*?%?$")
FIRST_ACROSS = [text for c, text, _ in COLUMNS if c <= FIRST_PAGE_TO]
SECOND_ACROSS = [text for c, text, _ in COLUMNS if c in "AB" or c > FIRST_PAGE_TO]


def headless_pages_64(pdf: Path) -> list[int]:
    """The pages of a printed 6.4 that hold a number cell but not the column headings of their page across (those of
    A–I, or those of A:B and J–M): the headings' texts as the page draws them, a wrapped one line after line."""
    runs = text_runs(pdf)
    missing = []
    for number in sorted({r.page for r in runs}):
        on_page = [r for r in runs if r.page == number]
        if not any(NUMBER_CELL.match(r.text.replace(NBSP, "")) for r in on_page):
            continue
        drawn = " " + " ".join(r.text for r in on_page) + " "
        if not any(all(f" {heading} " in drawn for heading in headings) for headings in (FIRST_ACROSS, SECOND_ACROSS)):
            missing.append(number)
    return missing


def test_every_page_of_64_with_figures_has_column_headings(printed_pdfs: dict[str, dict[str, Path]]) -> None:
    """F6: 6.4 prints two pages across and several down; every page that holds plan rows, the total ("Kopā") or the
    summary's figures also holds the column headings of its page across (rows 1–8 repeat on every page), so a reader
    can tell which figure is which column. With 10–40 open rows ("rindas-NN") and every other printed 6.4."""
    found = {name: headless_pages_64(sheets["6.4"]) for name, sheets in printed_pdfs.items() if "6.4" in sheets}
    assert {f"rindas-{n}" for n in OPEN_ROWS} <= found.keys()
    assert not any(found.values()), f"lapas bez kolonnu virsrakstiem: { {k: v for k, v in found.items() if v} }"


RULE_HEADINGS = ("Pārbaude", "Veids", "Skaits", "Kur redzams")


def headless_pages_611(pdf: Path) -> list[int]:
    """The pages of a printed 6.11 that hold rows of its checks table (a kind, "kļūda", "brīdinājums" or "ieraksts",
    printed alone in its cell) without all four column headings printed above the first of them."""
    runs = text_runs(pdf)
    missing = []
    for number in sorted({r.page for r in runs}):
        on_page = [r for r in runs if r.page == number]
        kinds = [r for r in on_page if r.text in KINDS]
        if not kinds:
            continue
        top = max(r.y for r in kinds)  # PDF coordinates: y grows upwards
        above = {r.text for r in on_page if r.y > top}
        if not all(heading in above for heading in RULE_HEADINGS):
            missing.append(number)
    return missing


def test_every_page_of_611_with_checks_has_column_headings(printed_pdfs: dict[str, dict[str, Path]]) -> None:
    """F6: 6.11's checks table goes on over more pages; every page holding its rows prints the headings "Pārbaude",
    "Veids", "Skaits", "Kur redzams" above them (a manual page break and a copy of the heading row: print titles
    repeat row 3 only), so a reader of the second page can tell the count from the kind."""
    found = {name: headless_pages_611(sheets["6.11"]) for name, sheets in printed_pdfs.items() if "6.11" in sheets}
    assert {"paraugs", f"garais-vards-{LONG_NAME_LINES[0]}"} <= found.keys()
    pages = {name: sorted({r.page for r in text_runs(sheets["6.11"]) if r.text in KINDS})
             for name, sheets in printed_pdfs.items() if "6.11" in sheets}
    # the table goes on over a page after each heading copy
    assert all(len(p) == 1 + len(RULES_HEADING_COPIES) >= 2 for p in pages.values()), pages
    assert not any(found.values()), f"lapas bez kolonnu virsrakstiem: { {k: v for k, v in found.items() if v} }"


def test_611_checks_share_their_pages_evenly(printed_pdfs: dict[str, dict[str, Path]]) -> None:
    """6.11's checks (RULE_COUNT) print on two pages, all but two or three on the first (D205: 22 and 3 left the last one little room; D364's 28th check: 25 and 3; D370's 29th: 25 and 4; each check's rows as high as its 8 pt text, technical.rule_lines),
    the totals and the whole list of errors under the last check (D198): no page holds a lone check with the totals
    (it printed 10, 11 and 1 on three pages).
    Counted from the PDF: a check is its kind printed alone in its cell."""
    for name, sheets in printed_pdfs.items():
        if "6.11" not in sheets:
            continue
        runs = text_runs(sheets["6.11"])
        kinds = [r.page for r in runs if r.text in KINDS]
        per_page = [kinds.count(page) for page in sorted(set(kinds))]
        # D364's check (28 in all): technical.rule_lines now ends the second page after 25 – three checks, never one, go
        # with the totals and the list (D205's spare kept: the page count is proven by the other 6.11 tests)
        assert sum(per_page) == RULE_COUNT and len(per_page) == 2 and per_page[1] >= 2, \
            f"{name} 6.11: pārbaudes pa lapām {per_page}"
        totals = [r for r in runs if r.text in ("Kļūdas kopā", "Brīdinājumi kopā")]
        assert {r.page for r in totals} == {max(kinds)}, f"{name} 6.11: kopsummas ne pēdējā pārbaužu lapā"


def _beside(label: Run, runs: list[Run]) -> bool:
    """Some text printed right of ``label`` on its line."""
    return any(abs(r.y - label.y) < 2 and r.x0 > label.x1 + 1 for r in runs)


def test_child_code_whole_on_every_page(printed_pdfs: dict[str, dict[str, Path]]) -> None:
    """The issue's "header naming the annex and the child's code": the page header names the annex; the child's
    personal code prints in the repeated rows, whole (not cut at the edge of the repeated label columns) and over no
    other text on every page of every sheet, the pages across included, also under the longest name (LONG_CHILD in
    "garais-vards-6", every sheet: on 6.1, 6.8 and 6.11 the code, wrapped under a long name, printed over the row
    below)."""
    for name, sheets in printed_pdfs.items():
        for sheet, pdf in sheets.items():
            runs = text_runs(pdf)
            for number in range(1, len(PdfReader(str(pdf)).pages) + 1):
                on_page = [r for r in runs if r.page == number]
                codes = [r for r in on_page if PEOPLE.child_code in r.text and r.whole]
                assert codes, f"{name} {sheet}, {number}. lapa: bērna personas kods nav redzams viss"
                over = [r.text for r in on_page if r is not codes[0] and r.overlaps(codes[0])]
                assert not over, f"{name} {sheet}, {number}. lapa: personas kods pārklājas ar {over}"


def test_long_provider_names_print_whole(printed: dict[str, dict[str, list[Page]]], catalogue: Catalogue) -> None:
    """A provider's name of 55 characters wraps in two lines of its column on 6.8 (where it is typed) and 6.4, as
    the plan names do on the signed annexes: whole on paper (test_no_text_cut_at_a_page_edge: no line hidden)."""
    assert len(LONG_PROVIDER) == 55
    lines = showcase(catalogue).lines  # six offers: one row of each on 6.8, one plan row each on 6.4
    for sheet, wanted in (("6.8", len({ln.offer_id for ln in lines})), ("6.4", len(lines))):
        text = _flat("\n".join(p.text for p in printed["sniedzejs-55"][sheet]))
        assert text.count(LONG_PROVIDER) >= wanted, f"{sheet}: sniedzēja nosaukums nav izdrukāts viss"


def test_ceiling_messages_print_on_64(printed: dict[str, dict[str, list[Page]]]) -> None:
    """The two states of 6.4's ceiling check whose print test_no_text_cut_at_a_page_edge proves whole: the catalogue's
    own „jāprecizē" price kept ("paraugs": its message alone, which says the price is the catalogue's and gives no
    advice to check it against the ceiling, D303) and a provider's price above it ("griesti": both messages in one
    cell)."""
    under = _flat("\n".join(p.text for p in printed["paraugs"]["6.4"]))
    over = _flat("\n".join(p.text for p in printed["griesti"]["6.4"]))
    # (its group session at a provider's price under the unconfirmed group ceiling keeps the advice to check it)
    assert _flat(OWN_PRICE_MSG) in under and MSG["price_above_ceiling"] not in under
    # both messages are longer than the cell's two lines: their keywords and the pointer to 6.11 (D60)
    assert (f'{MSG_SHORT["price_above_ceiling"]}; {MSG_SHORT["ceiling_unconfirmed"]}'
            f'{CHECK_SHORT_POINTER}') in over


def test_many_checks_and_an_invalid_input_print_on_64(printed: dict[str, dict[str, list[Page]]]) -> None:
    """D60: a plan row with four failing checks prints their keywords and the pointer to 6.11 in its "Pārbaude" cell,
    and a negative F its one-line message beside it (test_no_text_cut_at_a_page_edge: nothing of either is cut)."""
    text = _flat("\n".join(p.text for p in printed["parbaudes"]["6.4"]))
    keywords = "; ".join(MSG_SHORT[code] for code in ("price_above_ceiling", "ceiling_unconfirmed", "monthly_units",
                                                       "invalid_input_63"))
    assert f"{keywords}{CHECK_SHORT_POINTER}" in text, text[-1500:]
    f_cell = f"{VALUE}{summary_top(Layout(offers=0, months=6)) + F_ROW}"
    assert f"{f_cell}: jābūt skaitlim, kas nav mazāks par 0" in text
