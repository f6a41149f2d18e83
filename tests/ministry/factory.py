"""Random filled IBM matrices for the ministry's tests: fictional children ("Anna Paraugs 17"),
random personal codes, the workbook tests' random plans, filled through the interface names with
the workbook generator's own ``fill`` (openpyxl) and saved one by one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import random
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import offer_code
from generator.ministry.xlsxread import XlsxBook
from generator.money import to_decimal
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.provisional import age_in_years, of_age_by_round_end
from generator.reference.rounds import period_holding
from generator.reference.workbook import WorkbookInputs, WorkbookResult, evaluate_workbook
from generator.workbook.inputs import People, fill
from generator.workbook.names import read
from generator.workbook.writer import template_date
from tests.workbook.plans import random_plan

FIRST_NAMES = ("Anna", "Jānis", "Līga", "Ēriks", "Žanete", "Oskars", "Ilze", "Māris", "Ģirts", "Ieva")
IMPAIRMENTS = ("redzes", "dzirdes", "kustību", "garīga rakstura", "multipli")


@dataclass(frozen=True)
class Child:
    """One generated child: the plan, the fictional person and where the file went."""

    index: int
    municipality: str
    people: People
    inputs: WorkbookInputs
    path: Path | None = None

    @property
    def name(self) -> str:
        return self.people.child_name

    @property
    def code(self) -> str:
        return self.people.child_code

    def result(self, catalogue: Catalogue) -> WorkbookResult:
        return evaluate_workbook(self.inputs, params(catalogue))


def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, template_date(catalogue))


def two_line_inputs(catalogue: Catalogue, first: tuple[str, int, Decimal], second: tuple[str, int, Decimal]
                    ) -> WorkbookInputs:
    """A two-month plan of a six-year-old from the round's first reporting day with B 3 100,00 EUR (the ministry's,
    not the catalogue's: that one copied into 6.11 is a warning, D257) and two lines (item id, units, unit price)
    planned half in each month: the small plan the command tests build their matrices on."""
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    start = params(catalogue).reporting_periods[0].start
    lines = tuple(line_from_offer(offers[item], units, unit_price=price, planned_units=(units // 2, units // 2))
                  for item, units, price in (first, second))
    return WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                          special_care=False, impairment="multipli", lines=lines, base=Decimal("3100.00"))


def two_line_child(catalogue: Catalogue, index: int, municipality: str, first: tuple[str, int, Decimal],
                   base: Decimal | None = Decimal("3100.00")) -> Child:
    """A fictional child with ``two_line_inputs``: ``first`` and 10 units of 3.1.2i at 20,00 EUR (a market item, no
    ceiling), ``base`` typed in 6.11 (None: the catalogue's). With 3.1.3i as ``first`` the plan has no rule error and
    no unconfirmed ceiling, so its F can be final (D268, D269) – random plans nearly always have one or the other."""
    inputs = dataclasses.replace(two_line_inputs(catalogue, first, ("3.1.2i", 10, Decimal(20))), base=base)
    people = People(child_name=f"Anna Paraugs {index + 1}", child_code=f"010512-2{index:04d}",
                    parent_name=f"Pēteris Paraugs {index + 1}", social_worker="Līga Piemēra",
                    providers={first[0]: "SIA Sniedzējs 1", "3.1.2i": "SIA Sniedzējs 2"})
    return Child(index, municipality, people, inputs)


def personal_code(rng: random.Random, birth: dt.date, used: set[str]) -> str:
    while True:
        code = f"{birth:%d%m%y}-2{rng.randint(0, 9999):04d}"
        if code not in used:
            used.add(code)
            return code


def make_children(catalogue: Catalogue, count: int, seed: int, *, usable: bool = True,
                  municipalities: list[str] | None = None, one_period: bool = False) -> list[Child]:
    """``count`` random children; ``usable``: each one eligible and with an impairment type, so that the
    collection uses every file (the random plans also make ineligible and incomplete children); ``one_period``:
    every plan in the reporting period of the first one (a collection refuses a folder of several, D116)."""
    p = params(catalogue)
    offers = catalogue.offers(template_date(catalogue))
    munis = municipalities or [m.id for m in catalogue.pilot_municipalities()]
    rng = random.Random(seed)
    used: set[str] = set()
    children: list[Child] = []
    attempt = 0
    first_period = None
    while len(children) < count:
        plan = random_plan(seed * 1000 + attempt, offers, p.full_rate_max_age, p.eligibility_age_limit,
                           p.period_months_max)
        attempt += 1
        inputs = plan.inputs
        period = period_holding(p.reporting_periods, inputs.period_start)
        if one_period and period is None or first_period is not None and period != first_period:
            continue
        if usable:
            if period is None:
                continue  # outside every reporting period: the collection refuses it (D21)
            age = age_in_years(inputs.birth_date, period.start)  # on the check date (D1)
            if not 0 <= age < p.eligibility_age_limit:
                continue
            if of_age_by_round_end(inputs.birth_date, period.round_end, p.eligibility_age_limit):
                continue  # 18 by the round's last day: not eligible either (D110)
            if inputs.impairment is None:
                inputs = dataclasses.replace(inputs, impairment=rng.choice(IMPAIRMENTS))
        if one_period:
            first_period = period
        i = len(children)
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        people = People(
            child_name=f"{first} Paraugs {i + 1}",
            child_code=personal_code(rng, inputs.birth_date, used),
            parent_name=f"Pēteris Paraugs {i + 1}",
            social_worker=f"Līga Piemēra {i % 7 + 1}",
            providers={line.offer_id: f"SIA Sniedzējs {rng.randint(1, 30)}" for line in inputs.lines if line.offer_id},
        )
        children.append(Child(i, munis[i % len(munis)], people, inputs))
    return children


def write_children(catalogue: Catalogue, template: Path, children: list[Child], folder: Path, *,
                   by_municipality: bool = True, free_cells: bool = False, saved_by: str = "openpyxl") -> list[Child]:
    """Fill the template for each child and save it (one opened template, refilled each time);
    ``free_cells``: also the team, notes, goals and contacts (cells outside the interface names).

    ``saved_by`` is the file form: "openpyxl" – every part re-serialised by openpyxl (its XML, shared formulas
    written out, styles renumbered, no cached values), the form of a file another program re-saved, which the
    collection and migration must read as well as an Excel-saved one; "xlsxpatch" – the template's own bytes
    with only the changed input cells written and the plan-row groups opened (tests/workbook/conftest.py
    InputCells, as ``ibm migrate`` writes a matrix and as a person's download is filled), in about a quarter of
    the CPU time (docs/benchmarks.md, testspeed6). Both hold the same input values."""
    if saved_by not in ("openpyxl", "xlsxpatch"):
        raise ValueError(f"saved_by: {saved_by!r}")
    opened = opened_template(template)
    wb, prices = opened.wb, opened.prices
    labels = {str(k): v for k, v in catalogue.enums.recipients.items()}
    if free_cells and opened.free is None:
        opened.free = free_input_cells(template)
    free = opened.free if free_cells else {}
    written = []
    for child in children:
        fill(wb, child.inputs, labels, child.people, child.municipality, template_prices=prices)
        if free:
            fill_free_cells(wb, free, random.Random(child.index))
        target = folder / (child.municipality if by_municipality else "") / f"matrica-{child.index + 1:03d}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        if saved_by == "openpyxl":
            wb.save(target)
        else:
            opened.cells.save(wb, target, len(child.inputs.lines), [])
        written.append(dataclasses.replace(child, path=target))
    return written


@dataclass
class _Opened:
    wb: object  # openpyxl Workbook
    prices: list
    cells: object  # tests.workbook.conftest.InputCells
    free: dict | None = None


_OPENED: dict[bytes, _Opened] = {}  # by the template's SHA-256
_OPENED_KEPT = 2  # ~40 MB each


def opened_template(template: Path) -> _Opened:
    """``template`` opened with openpyxl, its Pak_Cena and its input cells (tests.workbook.conftest.InputCells),
    opened once per test process for each template's bytes (load_workbook costs ~0,5 s CPU, more than a call's
    few saves) and handed out again with every input (unlocked) cell back at the template's value: ``fill`` and
    ``fill_free_cells`` write only input cells, so the workbook is then the template as loaded (its row groups are
    set by each ``fill``). The last few templates are kept. An openpyxl-saved file is then byte for byte the one
    a freshly opened template gave, except the ``outlineLevelCol`` attribute of <sheetFormatPr> (the sheet's column
    group depth), which openpyxl's first save of an opened workbook leaves out and every later save writes: every
    file but a call's first had it before too (checked on 12 files, docs/benchmarks.md testspeed6)."""
    from tests.workbook.conftest import InputCells

    digest = hashlib.sha256(template.read_bytes()).digest()
    kept = _OPENED.pop(digest, None)
    if kept is None:
        wb = load_workbook(template)
        kept = _Opened(wb, read(wb, "Pak_Cena"), InputCells(template, wb))
        while len(_OPENED) >= _OPENED_KEPT:
            _OPENED.pop(next(iter(_OPENED)))
    else:
        for sheet, blank in kept.cells.blank.items():
            ws = kept.wb[sheet]
            for (r, c), (_, value) in blank.items():
                cell = ws.cell(r, c)
                if cell.value != value or type(cell.value) is not type(value):
                    cell.value = value
    kept.cells.template = template  # the same bytes; the first file may have been a test's temporary one
    _OPENED[digest] = kept
    return kept


def saved_form(path: Path) -> str:
    """Which form ``write_children`` saved ``path`` in: openpyxl names itself in docProps/app.xml; a patched file
    keeps the template's parts (xlsxwriter's app.xml, no inline text) with the patched inputs as inline text."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        if b"openpyxl" in z.read("docProps/app.xml").lower():
            return "openpyxl"
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        return "xlsxpatch" if any(b't="inlineStr"' in z.read(n) for n in sheets) else "unknown"


def generic_template(catalogue: Catalogue, folder: Path) -> Path:
    """The generic template as ``ibm matrix`` writes it (its bytes written once per test process)."""
    from tests.template_cache import kept_template

    return kept_template(catalogue, folder / "veidne.xlsx")


# --- a price change, as an analyst makes it ----------------------------------------------------------------
COMPANION = "2.1"  # regulated price, prefilled in 6.8
NEW_COMPANION_PRICE = Decimal("5.60")
NEW_GROUP_CEILING = Decimal("21.00")


def changed_catalogue(source: Path, target: Path) -> Catalogue:
    """A copy of the catalogue with two new dated prices on the first service day of the round its matrix is
    made for (D61: the template carries that day's prices), as the ministry sets the round's prices: the regulated
    companion rate (prefilled) and the group-session ceiling (caps every market group item)."""
    import re
    import shutil

    from generator.catalogue.loader import load_or_raise

    shutil.copytree(source, target)
    day = template_date(load_or_raise(target))
    for file, amount in ((f"{COMPANION}.yaml", NEW_COMPANION_PRICE), ("grupu-nodarbibu-griesti.yaml", NEW_GROUP_CEILING)):
        path = target / "prices" / file
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
        status = "jāprecizē" if file.startswith(COMPANION) else "apstiprināts"
        entry = (f"  - effective_from: {day.isoformat()}\n    kind: ceiling\n    amount: {amount}\n"
                 f"    source: \"Testa cenu maiņa (izdomāta)\"\n    status: {status}\n")
        later = [m for m in re.finditer(r"^  - effective_from: (\d{4}-\d{2}-\d{2})$", text, re.MULTILINE)
                 if m.group(1) > day.isoformat()]  # the dated values stay in order of their day
        at = later[0].start() if later else len(text)
        path.write_text(text[:at] + entry + text[at:], encoding="utf-8")
    return load_or_raise(target)


LONG_NAME = ("Dienvidkurzemes novada pašvaldība", "Dienvidkurzemes novads")  # the longest novads name since 2021


def renamed_catalogue(target: Path, code: str, name: tuple[str, str] = LONG_NAME) -> Catalogue:
    """A copy of the catalogue with municipality ``code`` renamed: ``name`` its full name and its short name – the
    one the summary's sheets show (default: 22 characters, longer than any short name the catalogue has), as the
    ministry renames a municipality (D368, D373)."""
    import re
    import shutil

    from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise

    shutil.copytree(DEFAULT_CATALOGUE, target)
    path = target / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    for key, value in zip(("name_lv", "short_name_lv"), name, strict=True):
        block = re.compile(rf"(  - id: {re.escape(code)}\n(?:    .*\n)*?    {key}: ).*\n")
        text, n = block.subn(lambda m, value=value: m.group(1) + value + "\n", text, count=1)
        assert n == 1, (code, key)
    path.write_text(text, encoding="utf-8")
    return load_or_raise(target)


def free_input_cells(template: Path) -> dict[str, list[tuple[int, int]]]:
    """Input cells of the template outside the interface names and the two internal inputs the amounts
    depend on (the recipient of a line and the transport reason): team, notes, goals, contacts…"""
    from generator.ministry.xlsxread import read_xlsx
    from generator.workbook.layout import INTERFACE_NAMES

    book = read_xlsx(template)
    covered = set()
    for name in (*INTERFACE_NAMES, "Plans_Sanemejs", "Transporta_Pamatojums"):
        ref = book.name_ref(name)
        if ref is not None:
            covered |= {(ref.sheet, c) for row in ref.coords() for c in row}
    return {s: sorted(c for c in book.unlocked[s] if (s, c) not in covered) for s in book.sheet_names}


def fill_free_cells(wb, free: dict[str, list[tuple[int, int]]], rng: random.Random, share: float = 0.5) -> None:  # noqa: ANN001
    """Write fictional text into about ``share`` of the free input cells (merged cells' hidden parts skipped): at most
    18 characters, within every text limit the matrix and the readers check (input_checks.TEXT_FIELDS, the shortest
    20: a longer one is an invalid input, lenfix)."""
    from openpyxl.cell.cell import MergedCell

    for sheet, coords in free.items():
        ws = wb[sheet]
        for r, c in coords:
            cell = ws.cell(r, c)
            if isinstance(cell, MergedCell):
                continue
            cell.value = f"Piezīme {rng.randint(1, 999)}, Ābele" if rng.random() < share else None


def by_item(book: XlsxBook, name: str) -> dict[str, object]:
    ids = book.values(book.name_ref("Pak_Id"))  # type: ignore[arg-type]
    values = book.values(book.name_ref(name))  # type: ignore[arg-type]
    return {offer_code(str(i[0])): v[0] for i, v in zip(ids, values, strict=True) if i[0]}


def expected_after(inputs: WorkbookInputs, new_catalogue: Catalogue, old_companion: Decimal | None) -> WorkbookInputs:
    """The plan as the new template holds it: the new companion price where the old was prefilled, the
    new ceilings (6.8 of the new template)."""
    offers = {o.id: o for o in new_catalogue.offers(template_date(new_catalogue))}
    lines = []
    for line in inputs.lines:
        if line.offer_id is None:
            lines.append(line)
            continue
        price = line.unit_price
        if line.offer_id == COMPANION and old_companion is not None and price == old_companion:
            price = NEW_COMPANION_PRICE
        lines.append(dataclasses.replace(line, unit_price=price, ceiling=offers[line.offer_id].ceiling))
    return dataclasses.replace(inputs, lines=tuple(lines))


def same_value(a: object, b: object) -> bool:
    """Two cell values are the same input: empty equals empty, numbers compare as decimals."""
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, dt.datetime) or isinstance(b, dt.datetime):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return to_decimal(a) == to_decimal(b)
    return a == b


def lost_free_cells(old: XlsxBook, new: XlsxBook, free: dict) -> list[str]:
    """The input cells outside the interface names whose value the new file does not carry: at the same internal
    defined name and offset (6.3's goals moved above the plan rows, D96), else at the same address."""
    from generator.ministry.matrix import Matrix
    from generator.ministry.migrate import _name_index
    from generator.workbook.layout import SPACED_SHEETS, line_offsets

    index = _name_index(old)
    old_m, new_m = Matrix.from_book(old), Matrix.from_book(new)
    # a plan line's row in each file: the spacer rows of its template above it (D288)
    old_lines, new_lines = line_offsets(old_m.spacers()), line_offsets(new_m.spacers())
    lost = []
    for sheet, coords in free.items():
        for coord in coords:
            target = (sheet, coord)
            hit = index.get((sheet, coord))
            ref = new.name_ref(hit[0]) if hit else None
            k = coord[0] - 9  # Layout.plan_first
            if hit and ref is not None:
                offsets = old_m.offsets(hit[0])
                line = offsets.index(hit[1]) if offsets else hit[1]
                target = (ref.sheet, (ref.first[0] + new_m.row_of(hit[0], line), ref.first[1] + hit[2]))
            elif sheet in SPACED_SHEETS and k in old_lines:
                target = (sheet, (9 + new_lines[old_lines.index(k)], coord[1]))
            elif sheet in SPACED_SHEETS and k > old_lines[-1]:
                target = (sheet, (coord[0] + new_lines[-1] - old_lines[-1], coord[1]))
            a, b = old.cell(sheet, coord), new.cell(*target)
            if (a is None or a.value in (None, "")) and target[1] not in new.unlocked.get(target[0], set()):
                continue  # an empty old input where the new layout has a label (6.3's old goals, D96)
            if not same_value(a.value if a else None, b.value if b else None):
                lost.append(f"{sheet}!{coord}")
    return lost


def copy_into_folders(children: list, folder: Path) -> Path:
    """The children's matrices copied into ``folder``/<municipality>/, as a ministry receives them."""
    for child in children:
        target = folder / child.municipality / child.path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(child.path, target)
    return folder


def copy_children(source: Path, children: list[Child], folder: Path) -> Path:
    """The given written children's matrices copied into `folder`, each in its municipality's subfolder as under
    `source` (a test changes its own copies, never the session's folder)."""
    for child in children:
        target = folder / child.path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(child.path, target)
    return folder


def in_next_period(catalogue: Catalogue, children: list[Child]) -> list[Child]:
    """The same plans one reporting period later (period start and birth date moved by the period's length, the
    personal code following the birth date), for a collection whose --previous folder holds ``children`` (D222)."""
    from generator.reference.rounds import add_months

    periods = params(catalogue).reporting_periods
    moved = []
    for child in children:
        held = period_holding(periods, child.inputs.period_start)
        assert held is not None and held in periods[:-1], "a plan of a period that has a next one"
        later = periods[periods.index(held) + 1]
        shift = (later.start.year - held.start.year) * 12 + later.start.month - held.start.month
        birth = add_months(child.inputs.birth_date, shift)
        inputs = dataclasses.replace(child.inputs, birth_date=birth,
                                     period_start=add_months(child.inputs.period_start, shift))
        people = dataclasses.replace(child.people, child_code=f"{birth:%d%m%y}{child.code[6:]}")
        moved.append(dataclasses.replace(child, people=people, inputs=inputs, path=None))
    return moved
