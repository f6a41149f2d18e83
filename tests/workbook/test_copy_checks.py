"""A value typed over a printed copy on a signed annex is an error too (D153, copycheck): the sheets are protected
without a password, and a figure, a unit, a date, a count or the child's or the parent's data typed over a formula of
6.3, 6.5, 6.6 or 6.9 would change what the parent and the provider sign while Kludas said 0. Each overwritten cell,
recalculated by LibreOffice, raises Kludas and is named on 6.11 with its sheet and cell; random clean plans stay
without error, also once LibreOffice has saved the matrix and opens it again (it writes a range of another sheet as
'6.6'!E9:J9, the form the checks are written in)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile, print_sheets
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.layout import Layout, plan_row
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import named_values
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import InputCells, clean_plans, recipient_labels
from tests.workbook.kept_book import kept_book
from tests.workbook.plan_sample import FULL
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

REPLACED = "formula aizstāta ar vērtību?"
COPIED = "neatbilst 6.4. tabulai – " + REPLACED
PERSONAL = "neatbilst 6.1. tabulai – " + REPLACED
COMPUTED = "neatbilst aprēķinam – " + REPLACED
# Clean plans recalculated, saved by LibreOffice and recalculated again: by default 2 (the first also carries the
# overwritten copies), 8 with IBM_FULL=1 (D226). What a save changes is the checks' ranges, the same in every matrix;
# that a clean plan of every case of the random pool raises no copy check is the batch's proof (its sampled plans
# equal the reference's Kludas, test_recalculated.py).
CLEAN_PLANS = 8 if FULL else 2

# (sheet, cell, "line" for a plan row of the first counted line (6.3, 6.6) or the top priority (6.5, 6.9), else the
# cell itself) -> (the value typed over the formula, what the message names)
_FIRST = Layout(offers=1, months=1).plan_first
# the rows below the plan rows of a spaced sheet move down by the spacer rows (D288); the addresses below are the
# template's before them (the last plan row 48)
BELOW = plan_row(Layout.plan_rows - 1) - 48
OVERWRITTEN: dict[tuple[str, str], tuple[object, str]] = {
    # 6.3: a plan row's number, area, unit and priority; the parent's name under the signature
    ("6.3", "A"): (7, "rindas numurs " + COMPUTED),
    ("6.3", "B"): (9, "joma " + COPIED),  # no area of the catalogue: never the line's own (a 3 was, for a plan)
    ("6.3", "E"): ("stunda", "mērvienība " + COPIED),
    ("6.3", "J"): (39, "kopējā prioritāte " + COPIED),
    ("6.3", f"G{54 + BELOW}"): ("Vecāks Izdomāts", "vecāka vārds un uzvārds pie paraksta " + PERSONAL),
    # 6.5: a plan row's service, units, price, sum, IB amount; the totals P and K; the header's child; the hidden index
    ("6.5", "B"): ("Cits pakalpojums", "SBS pakalpojums " + COPIED),
    ("6.5", "E"): (12345, "daudzums " + COPIED),
    ("6.5", "F"): (0.01, "cena " + COPIED),
    ("6.5", "G"): (987654.32, "summa " + COPIED),
    ("6.5", "H"): (1, "summa no IB " + COPIED),
    ("6.5", f"C{50 + BELOW}"): (99999, "IB provizoriskais apmērs (P) " + COPIED),
    ("6.5", f"C{52 + BELOW}"): (1, "IB galīgais apmērs (F), ja noteikts, " + COPIED),  # the clause closed by a comma
    ("6.5", f"H{53 + BELOW}"): (1, "IB kopējais apmērs (K) " + COPIED),  # the totals in two columns (D197)
    ("6.5", "A3"): ("Bērns: Cits Bērns", "bērna vārds, uzvārds un personas kods " + PERSONAL),
    ("6.5", "J"): (0, "prioritāte " + COPIED),  # the hidden index: the row prints as unused
    # 6.6: a plan row's units in the period and their total; a month's heading and working days; the period
    ("6.6", "D"): (12345, "daudzums periodā " + COPIED),
    ("6.6", "K"): (12345, "vienību kopsumma " + COMPUTED),
    ("6.6", "E8"): ("01.2000", "mēneša virsraksts " + COMPUTED),
    ("6.6", f"E{50 + BELOW}"): (31, "mēneša darba dienas " + COMPUTED),
    ("6.6", "A5"): ("Periods: 01.01.2000–31.12.2000", "plāna periods " + PERSONAL),
    # 6.9: a plan row's price and provider; the number of services; the addressee
    ("6.9", "F"): (0.01, "cena " + COPIED),
    ("6.9", "C"): ("Cits sniedzējs", "sniedzējs " + COPIED),
    ("6.9", f"C{50 + BELOW}"): (99, "pieprasīto pakalpojumu skaits " + COMPUTED),
    ("6.9", "C6"): ("Citam dienestam", "adresāts (sociālais dienests) " + PERSONAL),
}
# D169: the notes of the signed annexes and the working sheets' totals, differences and shares, all typed over in one
# file (each is a check of its own, so each is named): (sheet, cell or a plan row's column) -> (value, message)
TOGETHER: dict[tuple[str, str], tuple[object, str]] = {
    ("6.5", "C2"): ("Visas summas apstiprinātas.", "brīdinājums par neapstiprinātām summām " + COMPUTED),
    ("6.5", f"A{52 + BELOW}"): ("IB galīgais apmērs", "IB galīgā apmēra (F) rindas nosaukums " + COMPUTED),
    ("6.6", f"M{49 + BELOW}"): ("Dienu skaits pārbaudīts.", "piezīme par dienu pārsniegumu " + COMPUTED),
    ("6.6", f"M{50 + BELOW}"): ("Svētku dienas pārbaudītas.", "piezīme par svētku dienu sarakstu " + COMPUTED),
    ("6.9", f"D{50 + BELOW}"): ("Cenas apstiprinātas.", "piezīme par neapstiprinātu cenu " + COMPUTED),
    # D295: an annex's page count in its repeated header rows
    ("6.3", "K5"): ("Pielikums 9 lapās", "pielikuma lappušu skaits " + COMPUTED),
    ("6.9", "E5"): ("Pielikums 9 lapās", "pielikuma lappušu skaits " + COMPUTED),
    ("6.4", "C72"): ("Cenas apstiprinātas.", "piezīme par neapstiprinātām cenām " + COMPUTED),  # under the summary (D190)
    ("6.7", f"D{49 + BELOW}"): (1234.56, "mēneša kopsumma " + COMPUTED),
    ("6.7", f"J{49 + BELOW}"): (1, "mēnešu summu kopsumma " + COMPUTED),
    ("6.7", f"K{49 + BELOW}"): (1, "summu periodā kopsumma " + COMPUTED),
    ("6.7", "L"): (5, "starpība " + COMPUTED),
    ("6.7", "H1"): ("Cenas apstiprinātas.", "piezīme par neapstiprinātām cenām " + COMPUTED),  # the legend in the header rows (D304)
    ("6.10", f"E{49 + BELOW}"): (1, "plānoto summu kopsumma " + COMPUTED),
    ("6.10", f"R{49 + BELOW}"): (4321.09, "mēnesī samaksāto summu kopsumma " + COMPUTED),
    ("6.10", f"AA{49 + BELOW}"): (4321.09, "atlikumu kopsumma " + COMPUTED),
    ("6.10", "AB"): (0.123, "apguve " + COMPUTED),
    ("6.10", f"C{51 + BELOW}"): (1, "plānotā summa pa mēnešiem " + COMPUTED),
    ("6.10", f"C{53 + BELOW}"): (0.123, "apguve periodā " + COMPUTED),
    ("6.10", f"C{54 + BELOW}"): (4321.09, "neizlietotais apmērs " + COMPUTED),
    ("6.10", f"A{55 + BELOW}"): ("Cenas apstiprinātas.", "piezīme par neapstiprinātām cenām " + COMPUTED),
}
# the 6.9 rows list the lines with a service applied for, 6.5's in priority order: their first row is a used one
# one file with several rows of a sheet's plan rows overwritten: (sheet, column, value, rows) -> what 6.11 says after
# the first row's message – the number of the other rows and "rinda" agreeing with it (1 and 21: "rindā", 11: "rindās")
MORE_ROWS = (("6.5", "E", 12345, 2, " (un vēl 1 rindā)"), ("6.6", "D", 12345, 12, " (un vēl 11 rindās)"),
             ("6.3", "E", "cita vienība", 22, " (un vēl 21 rindā)"))


def overwritten_groups() -> list[list[tuple[str, str]]]:
    """OVERWRITTEN in as few files as keep its cells apart: the k-th cell of each sheet in file k, so a file holds at
    most one cell of a sheet (no two in one plan row, where one could hide another: 6.5's index prints the row as
    unused). The signed sheets copy 6.1 and 6.4 and are checked against them, never against each other, so the cells
    of one file are independent and each is one check of its own: the file's count is the number of its cells, and
    each cell is named with its own message (docs/benchmarks.md, fix48f: 24 LibreOffice files became 9)."""
    groups: list[list[tuple[str, str]]] = []
    seen: Counter[str] = Counter()
    for sheet, cell in OVERWRITTEN:
        if seen[sheet] == len(groups):
            groups.append([])
        groups[seen[sheet]].append((sheet, cell))
        seen[sheet] += 1
    return groups


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def _check_formulas(path: Path) -> int:
    """How many formulas of 6.11 hold a cross-check's message."""
    wb = load_workbook(path, read_only=True)
    return sum(1 for row in wb["6.11"].iter_rows(values_only=True) for v in row
               if isinstance(v, str) and v.startswith("=") and REPLACED in v)


def _target(sheet: str, cell: str, counted: int) -> str:
    """The overwritten cell: a bare column is a plan row's (6.3, 6.6, 6.7, 6.10: the first counted line; 6.5, 6.9:
    the first row, a used one)."""
    if cell.isalpha():
        return f"{cell}{plan_row(counted if sheet in ('6.3', '6.6', '6.7', '6.10') else 0)}"
    return cell


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """The clean plans saved by LibreOffice (their recalculated values), then the same LibreOffice run reads the
    overwritten copies and opens the clean plans as LibreOffice saved them (values over UNO, unsaved: the same
    values as a saved copy, test_recalculated_reading.py). The files are the template with the inputs (and the
    values typed over its formulas) patched in, as a person fills the downloaded matrix (tests/workbook/conftest.py
    InputCells)."""
    folder = tmp_path_factory.mktemp("kopijas")
    plans = clean_plans(catalogue.offers(params.day), params, CLEAN_PLANS, SEED + 31_000)
    into = InputCells(templates[None], kept_book(templates[None]))
    files = []
    # the template opened once (tests/workbook/kept_book.py): each plan filled into it as loaded; the first
    # plan last, for the overwritten copies below
    for k, plan in [*list(enumerate(plans))[1:], (0, plans[0])]:
        first = kept_book(templates[None])
        fill(first, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
             template_prices=read(first, "Pak_Cena"))
        into.save(first, folder / f"tirs{k}.xlsx", len(plan.inputs.lines), [])
    files = [folder / f"tirs{k}.xlsx" for k in range(len(plans))]
    plan = plans[0]
    lines = len(plan.inputs.lines)
    counted = next(i for i, cost in enumerate(evaluate_workbook(plan.inputs, params).line_cost) if cost)
    cells, overwritten, groups = {}, [], overwritten_groups()
    for k, group in enumerate(groups):
        typed: dict[str, dict[str, object]] = {}
        for sheet, cell in group:
            target = _target(sheet, cell, counted)
            # the hidden index is not printed: the row's first cell that prints differently is named
            cells[(sheet, cell)] = f"{sheet} {_target(sheet, 'A', counted) if cell == 'J' and sheet == '6.5' else target}"
            typed[sheet] = {target: OVERWRITTEN[(sheet, cell)][0]}
        into.save(first, folder / f"aizstats{k}.xlsx", lines, [], over_formulas=typed)
        overwritten.append(folder / f"aizstats{k}.xlsx")
    rows: dict[str, dict[str, object]] = {}
    for sheet, column, value, count, _ in MORE_ROWS:
        rows.setdefault(sheet, {}).update({f"{column}{plan_row(i)}": value for i in range(count)})
    into.save(first, folder / "rindas.xlsx", lines, [], over_formulas=rows)
    together: dict[str, dict[str, object]] = {}
    for (sheet, cell), (value, _) in TOGETHER.items():
        together.setdefault(sheet, {})[_target(sheet, cell, counted)] = value
        cells[(sheet, cell)] = f"{sheet} {_target(sheet, cell, counted)}"
    into.save(first, folder / "kopa.xlsx", lines, [], over_formulas=together)
    profile = make_profile(tmp_path_factory.mktemp("lo-profile-kopijas"))
    # one LibreOffice: the clean plans saved as xlsx (as `soffice --convert-to` saves them), then the copies and the
    # saved plans read (the saved ones after their save: the helper takes the requests in order)
    out = [folder / "lo" / f.name for f in files]
    records = print_sheets({f: [(None, o)] for f, o in zip(files, out, strict=True)},
                           read=[*overwritten, folder / "rindas.xlsx", folder / "kopa.xlsx", *out], profile=profile)
    read_back = [named_values(record) for record in records]
    values = [NamedValues(o, all_sheets=True) for o in out]
    n = len(overwritten)
    copies, more, both, again = read_back[:n], read_back[n], read_back[n + 1], read_back[n + 2:]
    saved = (_check_formulas(templates[None]), _check_formulas(out[0]))
    by_cell = {key: (read, group) for read, group in zip(copies, groups, strict=True) for key in group}
    return values, by_cell, (again, saved), cells, more, both


def test_clean_plans_have_no_error(recalculated) -> None:
    clean, _, _, _, _, _ = recalculated
    wrong = [(k, v["Kludas"], v["h_Aizstatas"], _listed(v)) for k, v in enumerate(clean)
             if v["Kludas"] != 0 or v["h_Aizstatas"] != 0]
    assert not wrong, wrong


def test_clean_plans_saved_by_libreoffice_have_no_error(recalculated) -> None:
    """LibreOffice writes the checks' ranges back in its own form: opened again, the matrix still has no error. And
    it keeps every check (LibreOffice 7.4 saved only 1000 rows below the last content of a shown column: the rows of
    the checks after 1196 were lost until a text in a shown column marked the table's end)."""
    _, _, (again, (in_template, in_saved)), _, _, _ = recalculated
    assert in_saved == in_template > 100
    wrong = [(k, v["Kludas"], v["h_Aizstatas"], _listed(v)) for k, v in enumerate(again)
             if v["Kludas"] != 0 or v["h_Aizstatas"] != 0]
    assert len(again) == CLEAN_PLANS and not wrong, wrong


def test_every_overwritten_copy_is_an_error_naming_its_cell(recalculated) -> None:
    """Each overwritten cell is named once on 6.11 with its own message, and its file's count of overwritten copies
    is the number of cells typed over in it: one check each (overwritten_groups)."""
    _, overwritten, _, cells, _, _ = recalculated
    assert set(overwritten) == set(OVERWRITTEN)
    missed = []
    for key, (values, group) in overwritten.items():
        said = f"{cells[key]}: {OVERWRITTEN[key][1]}"
        listed = _listed(values)
        if not (values["Kludas"] >= len(group) and values["h_Aizstatas"] == len(group)
                and len([t for t in listed if said in t]) == 1):
            missed.append((said, values["Kludas"], values["h_Aizstatas"], listed))
    assert not missed, missed


def test_the_overwritten_copies_are_apart_in_their_files() -> None:
    """Every overwritten copy is in one file, and no file holds two cells of one sheet (so no two in one plan row)."""
    groups = overwritten_groups()
    assert sorted(key for group in groups for key in group) == sorted(OVERWRITTEN)
    assert all(len({sheet for sheet, _ in group}) == len(group) for group in groups), groups
    assert len(groups) == max(Counter(sheet for sheet, _ in OVERWRITTEN).values()) < len(OVERWRITTEN)


def test_the_number_of_further_rows_agrees_with_rinda(recalculated) -> None:
    """6.11 names a sheet's first overwritten plan row and how many more rows differ, the noun agreeing with the
    number as Latvian has it: "(un vēl 1 rindā)", "(un vēl 21 rindā)", but "(un vēl 11 rindās)" (review9)."""
    _, _, _, _, values, _ = recalculated
    listed = _listed(values)
    for sheet, column, _, _, tail in MORE_ROWS:
        said = [t for t in listed if f" {sheet} {column}{_FIRST}: " in f" {t}"]
        assert len(said) == 1 and said[0].endswith(REPLACED + tail), (sheet, tail, listed)


def test_overwritten_notes_and_totals_are_errors_naming_their_cells(recalculated) -> None:
    """D169: a note or a "jāprecizē" remark of a signed annex (6.5's warning and F's label, 6.6's notes of the days,
    6.9's price note) and the totals, differences and shares of 6.7 and 6.10, typed over, are each an error that 6.11
    names with its sheet and cell (before, none of them was checked: Kludas stayed 0)."""
    _, _, _, cells, _, values = recalculated
    listed = _listed(values)
    said = [f"{cells[key]}: {text}" for key, (_, text) in TOGETHER.items()]
    missed = [one for one in said if not any(one in t for t in listed)]
    assert not missed, (missed, listed)
    assert values["h_Aizstatas"] == len(TOGETHER) and values["Kludas"] >= len(TOGETHER), (values["h_Aizstatas"], listed)
