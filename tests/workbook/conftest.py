"""Workbooks for the workbook tests: generated templates, and the LibreOffice batch that recalculates
the templates, the random plans (of a pool of 120, the fewest that show every case of the pool:
tests/workbook/plan_sample.py; all 120 with IBM_FULL=1), the reference's case files, the 10.pielikums
examples and 11 random plans with eleven pasted invalid values each (50 with four each with IBM_FULL=1) in two
parallel soffice calls (filled with openpyxl through the interface names)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import random
import re
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.ministry.xlsx_outline import open_groups
from generator.ministry.xlsxpatch import patch_xlsx
from generator.ministry.xlsxread import parse_cell, read_xlsx
from generator.recalc import make_profile, print_sheets, soffice, uno_available
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.input_checks import GOAL_FIELDS, MONTH_TEXT_FIELDS, PLAN_TEXT_FIELDS
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read, write
from generator.workbook.outline import opened_by_program
from generator.workbook.recalculated import named_values, recalculated_values
from generator.workbook.render import file_name, pilot_ids
from generator.workbook.sheets.plan_rows import VISIBLE, shown_level
from generator.workbook.writer import template_date, write_workbook
from tests.documents.municipality_sample import municipality_sample
from tests.lm_document import LM_DOCUMENT
from tests.plan_changes_catalogue import MATRIX_DAY, changes_catalogue, plan_change_cases
from tests.plan_changes_catalogue import MUNICIPALITIES as CHANGED_ROUND_MUNICIPALITIES
from tests.reference.round_age import edge_births, last_period
from tests.round_yaml import children_round_entry
from tests.shared_session import shared
from tests.workbook.cases import Example, WorkbookCase, financing_examples, workbook_cases
from tests.workbook.invalid import AGE_NEEDED, BadCell, fewest_workbooks, place, spread
from tests.workbook.plan_sample import FULL, plan_sample
from tests.workbook.plans import SEED, RandomPlan, random_plan, random_plans

RANDOM_PLANS = 120
# Pasted invalid values: each (input name, class of bad value) combination (120) is pasted into at least one
# workbook (tests/workbook/invalid.py spread). By default eleven names to a workbook: the fewest workbooks that
# paste every combination (11, fewest_workbooks; the list on 6.11 names up to 30 cells, and each pasted cell is
# counted and named on its own, so a cell that hid another would fail the proof). IBM_FULL=1 pastes four names to
# a workbook into 50 workbooks, every combination about twice, each time into another random plan and beside other
# values (docs/benchmarks.md, "Matricas LibreOffice pierādījumi: blīvākas nederīgās ielīmes"; D226).
INVALID_WORKBOOKS_FULL = 50
BAD_CELLS_PER_WORKBOOK = 4 if FULL else 11
INVALID_WORKBOOKS = INVALID_WORKBOOKS_FULL if FULL else fewest_workbooks(BAD_CELLS_PER_WORKBOOK, SEED)
# Free text in the Piezīmes columns, some of it looking like numbers: stays text, changes nothing.
NOTES = ("0012", "1,5", "=kopā ar vecāku", "Jā", "2019-03-01")
# Storing a file as xlsx after reading it from the same load costs LibreOffice about 0,45 of a file read over UNO
# (load 1,2 s, reading 0,3 s, the xlsx 0,66 s CPU a matrix; docs/benchmarks.md, testtime14).
STORE_COST = 0.45
THROWAWAY_ZIP_LEVEL = 1  # the filled test matrices: zlib's fastest level (~19 ms CPU less per file, testspeed5)
EXAMPLE_OFFER = "3.1.2i"


def require_soffice() -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: `make test` to uzstāda (libreoffice-calc-nogui)")


def require_uno() -> None:
    require_soffice()
    if not uno_available():
        pytest.fail("Debian Python nevar importēt uno: `make test` uzstāda python3-uno un "
                    "libreoffice-script-provider-python")


@pytest.fixture(scope="session")
def day(catalogue: Catalogue) -> dt.date:
    return template_date(catalogue)


@pytest.fixture(scope="session")
def params(catalogue: Catalogue, day: dt.date) -> Params:
    return Params.from_catalogue(catalogue, day)


@pytest.fixture(scope="session")
def templates(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> dict[str | None, Path]:
    """The generic workbook (key None) and one per pilot municipality, as `ibm build` writes them; made once per
    session (tests/shared_session.py): the workbook, ministry and documents units on both xdist workers use them,
    and the tests only read them. Written through the session's kept templates (tests/template_cache.py, the bytes
    ``write_workbook`` gives for the same catalogue, municipality and day): a template the ministry's runs or the
    other worker wrote already is not written again, and theirs then come from these."""
    from tests.template_cache import kept_template

    def make(folder: Path) -> dict[str | None, Path]:
        result: dict[str | None, Path] = {None: kept_template(catalogue, folder / file_name(None))}
        for municipality_id in pilot_ids(catalogue):
            result[municipality_id] = kept_template(catalogue, folder / file_name(municipality_id), municipality_id)
        return result

    return shared(tmp_path_factory, worker_id, "templates", make)


@pytest.fixture(scope="session")
def named_once() -> Callable[[Path], NamedValues]:
    """Every sheet of a workbook, read once per session: the recalculated templates (and the generated ones)
    are looked at by many tests, which all take the same values from this one read."""
    seen: dict[Path, NamedValues] = {}

    def values(path: Path) -> NamedValues:
        key = Path(path).resolve()
        if key not in seen:
            seen[key] = NamedValues(key, all_sheets=True)
        return seen[key]

    return values


def recipient_labels(catalogue: Catalogue) -> dict[str, str]:
    return {code.value: label for code, label in catalogue.enums.recipients.items()}


@dataclass
class Batch:
    """Every recalculated workbook of the session: inputs and the LibreOffice output paths."""

    templates: dict[str | None, Path]
    plans: list[tuple[RandomPlan, Path]] = field(default_factory=list)
    pool: list[RandomPlan] = field(default_factory=list)  # every random plan drawn; ``plans``: the sample of it
    cases: list[tuple[WorkbookCase, Path]] = field(default_factory=list)
    skipped_cases: list[str] = field(default_factory=list)
    examples: list[tuple[Example, Path]] = field(default_factory=list)
    invalid: list[tuple[RandomPlan, list[BadCell], Path]] = field(default_factory=list)
    months_cascade: list[tuple[RandomPlan, object, Path]] = field(default_factory=list)
    # a plan on a fresh matrix (6.11 B left as generated) with free text alone in hidden plan rows
    fresh: tuple[RandomPlan, Path] | None = None
    confirmed_base: Path | None = None  # a new matrix of a catalogue whose base amount B is confirmed
    # D61: pilot plans in a matrix with 2023 prices (as issued before), each with the one error prices_not_in_force
    old_prices: list[tuple[RandomPlan, Path]] = field(default_factory=list)
    # D61: plans on a later round's matrix whose catalogue changes an item's price, the group ceiling, the transport
    # limit and B after its prices day (tests/plan_changes_catalogue.py), by case name; the Params of that matrix
    plan_changes: list[tuple[str, WorkbookInputs, Path]] = field(default_factory=list)
    plan_changes_params: Params | None = None
    # D62: the same plan starting in a year with a holiday list (2019) and in one without (2026)
    holiday_years: list[tuple[RandomPlan, Path]] = field(default_factory=list)
    # D110: a child who turns 18 on the round's last day, the day after it, and one already 18 on the check date
    round_age: list[tuple[str, RandomPlan, Path]] = field(default_factory=list)
    # D375: day-service lines whose first is empty in the month over its working days (6.11's first day-services cell)
    day_lines: list[tuple[RandomPlan, Path]] = field(default_factory=list)
    # The paths above are the files given to LibreOffice; their recalculated values (all sheets), by those paths
    values: dict[Path, NamedValues] = field(default_factory=dict)
    # a sample of them also saved as xlsx by LibreOffice (from the load it is read from), by the same paths
    saved: dict[Path, Path] = field(default_factory=dict)
    oddities: Path | None = None  # write_oddities: error values, dates, times, booleans (in the sample alone)

    def read(self, path: Path) -> NamedValues:
        """Every sheet of the file recalculated by LibreOffice (as NamedValues(all_sheets=True) of its saved copy)."""
        return self.values[path]


def confirmed_base_catalogue(folder: Path) -> Catalogue:
    """A copy of the catalogue in ``folder`` whose base amount B (now "jāprecizē") is confirmed."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    programme = target / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    start = text.index("base_amount:")
    end = text.index("\n", text.index("status: jāprecizē", start))
    block = re.sub(r'source: ".*"', f'source: "{LM_DOCUMENT}"', text[start:end], count=1)  # LM's document (D310)
    programme.write_text(text[:start] + block.replace("jāprecizē", "apstiprināts") + text[end:], encoding="utf-8")
    return load_or_raise(target)


# A children's round added to a test copy of the catalogue (round_catalogue): its services begin on the day
# the catalogue's 2.1 price is 4,50 EUR, "jāprecizē" (MK Nr. 316), a year whose holidays the catalogue lists.
LATER_ROUND = ("berni-2021", dt.date(2021, 7, 1), dt.date(2021, 12, 31))


def round_catalogue(folder: Path) -> Catalogue:
    """A copy of the catalogue in ``folder`` with one more children's round (LATER_ROUND): its matrix carries the
    prices in force on that round's first service day (D61), among them a prefilled "jāprecizē" price (2.1)."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    round_id, start, end = LATER_ROUND
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8")
                      + children_round_entry(round_id, "Testa kārta bērniem (izdomāta)", start, end), encoding="utf-8")
    return load_or_raise(target)


# Free text typed alone into a hidden plan row (row 20 of 40) of a fresh matrix: the notes of 6.4, 6.6 and
# 6.10, and 6.3's column H (frequency) beside its notes.
HIDDEN_NOTES = (("Plans_Piezimes", "H"), ("Aprekins_Piezimes", None), ("Men_Piezimes", None), ("Fakt_Piezimes", None))
HIDDEN_NOTE_ROW = 20


@pytest.fixture(scope="session")
def lo_batch(
    catalogue: Catalogue, params: Params, day: dt.date, templates: dict[str | None, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Batch:
    require_uno()
    folder = tmp_path_factory.mktemp("filled")
    offers = catalogue.offers(day)
    wb = load_workbook(templates[None])
    prices = read(wb, "Pak_Cena")
    labels = recipient_labels(catalogue)
    into_template = InputCells(templates[None], wb)

    # the generic matrix requires a municipality once the plan has a service (D88): the plans name one
    municipality = pilot_ids(catalogue)[0]

    def save(name: str, inputs: WorkbookInputs, change=None) -> Path:  # noqa: ANN001 - a small local hook
        fill(wb, inputs, labels, municipality=municipality, template_prices=prices)
        write_notes(wb)
        result = change() if change else None
        path = folder / f"{name}.xlsx"
        into_template.save(wb, path, len(inputs.lines), result if isinstance(result, list) else [])
        if change:
            fill(wb, inputs, labels, municipality=municipality, template_prices=prices)  # undo the pasted values
            for text in (*GOAL_FIELDS, *PLAN_TEXT_FIELDS, *MONTH_TEXT_FIELDS):  # the free texts fill() does not write (Piezīmes: write_notes)
                write(wb, text.name, None if text in GOAL_FIELDS else [])
            return path, result
        return path

    plan_pool = random_plans(RANDOM_PLANS, offers, params.full_rate_max_age, params.eligibility_age_limit,
                             params.period_months_max, periods=params.reporting_periods, municipality=municipality,
                             fractions=True)  # now and then half a session: the matrix and the reference count it
    plans = plan_sample(plan_pool, params)
    cases, skipped = workbook_cases(offers, params.base_amount)
    first_period = params.reporting_periods[0].start if params.reporting_periods else day
    examples = financing_examples({o.id: o for o in offers}[EXAMPLE_OFFER], first_period)
    inputs: list[tuple[str, object, Path]] = []
    inputs += [("plan", p, save(f"plan-{p.seed}", p.inputs)) for p in plans]
    inputs += [("case", c, save(f"case-{i:03d}", c.inputs)) for i, c in enumerate(cases)]
    inputs += [("example", e, save(f"example-{i:02d}", e.inputs)) for i, e in enumerate(examples)]
    for i, (plan, bad) in enumerate(invalid_plans(offers, params)):
        path, cells = save(f"invalid-{i:02d}", plan.inputs, lambda p=plan, b=bad: paste(wb, p, b, params))
        inputs.append(("invalid", (plan, cells), path))
    for i, (plan, value) in enumerate(cascade_plans(offers, params)):
        path, _ = save(f"months-{i}", plan.inputs, lambda v=value: write(wb, "Perioda_Menesi", v))
        inputs.append(("months", (plan, value), path))
    fresh = clean_plans(offers, params, 1, SEED + 30_000)[0]
    fresh = dataclasses.replace(fresh, inputs=dataclasses.replace(fresh.inputs, base=None,
                                                                  lines=fresh.inputs.lines[:VISIBLE]))
    fresh_path, _ = save("fresh", fresh.inputs, lambda: write_hidden_notes(wb))
    confirmed_base = write_workbook(confirmed_base_catalogue(tmp_path_factory.mktemp("confirmed-base")),
                                    folder / "apstiprinats-b.xlsx")
    for i, plan in enumerate(holiday_plans(offers, params)):
        inputs.append(("holidays", plan, save(f"svetki-{i}", plan.inputs)))
    for edge, plan in round_age_plans(offers, params):
        inputs.append(("round_age", (edge, plan), save(f"vecums-{edge}", plan.inputs)))
    for i, plan in enumerate(day_line_plans(offers, params)):
        inputs.append(("day_lines", plan, save(f"dienas-{i}", plan.inputs)))
    old_template = write_workbook(catalogue, folder / "cenas-2023.xlsx", day=OLD_PRICES_DAY)
    old_wb = load_workbook(old_template)
    old_prices, old_cells = read(old_wb, "Pak_Cena"), InputCells(old_template, old_wb)
    for i, plan in enumerate(old_price_plans(catalogue)):
        fill(old_wb, plan.inputs, labels, municipality=municipality, template_prices=old_prices)
        old_cells.save(old_wb, folder / f"cenas-2023-{i}.xlsx", len(plan.inputs.lines), [])
        inputs.append(("old_prices", plan, folder / f"cenas-2023-{i}.xlsx"))
    changed = changes_catalogue(tmp_path_factory.mktemp("plan-changes") / "catalogue")
    changed_template = write_workbook(changed, folder / "cenu-maina.xlsx", day=MATRIX_DAY)
    changed_wb = load_workbook(changed_template)
    changed_prices, changed_cells = read(changed_wb, "Pak_Cena"), InputCells(changed_template, changed_wb)
    for name, plan_inputs in plan_change_cases(changed):
        fill(changed_wb, plan_inputs, labels, municipality=CHANGED_ROUND_MUNICIPALITIES[0],
             template_prices=changed_prices)
        changed_cells.save(changed_wb, folder / f"cenu-maina-{name}.xlsx", len(plan_inputs.lines), [])
        inputs.append(("plan_changes", (name, plan_inputs), folder / f"cenu-maina-{name}.xlsx"))
    oddities = write_oddities(folder / "savadibas.xlsx")
    recalculated_templates = batch_templates(catalogue, templates)
    template_files = [*recalculated_templates.values(), confirmed_base]
    every = [*template_files, *[p for _, _, p in inputs], fresh_path]
    # Files of the same bytes are recalculated once (their values are LibreOffice's of those bytes): the annex-10
    # examples give the same four one-line plans for each of the three variants (test_twelve_examples_of_annex_10
    # checks each example on them), and two rule cases fill the same cells (docs/benchmarks.md, testspeed7).
    same_as: dict[Path, Path] = {}
    first_of: dict[bytes, Path] = {}
    for path in every:
        same_as[path] = first_of.setdefault(hashlib.sha256(path.read_bytes()).digest(), path)
    every = list(first_of.values())
    # One soffice for each half, read over UNO without saving (generator/workbook/recalculated.py); the sample is
    # also stored as xlsx by the LibreOffice that reads it, from the same load (generator/recalc.py print_sheets; it
    # was saved by `soffice --convert-to` in a load of its own before, testtime14), and the two readings must be
    # equal (test_recalculated_reading.py). The sample has each kind of file, and a few more pasted values.
    sample = [templates[None], next(p for k, p in templates.items() if k is not None), confirmed_base, fresh_path,
              *_firsts(inputs, {"plan": 3, "invalid": 3, "months": 3, "case": 1, "example": 1, "old_prices": 1,
                                "holidays": 2, "round_age": 1}), oddities]
    stored = list(dict.fromkeys(same_as.get(p, p) for p in sample))  # the files LibreOffice reads, each once
    assert set(stored) <= {*every, oddities}, "a sampled file is not in the batch"
    rest = [p for p in every if p not in stored]
    half = round((len(rest) + len(stored) * (1 + STORE_COST)) / 2)
    saved_as = {p: folder / "recalculated" / p.name for p in stored}
    assert len(set(saved_as.values())) == len(stored), "two sampled files of one name"

    def read_half(files: list[Path], index: int, store: list[Path]) -> list[NamedValues]:
        profile = make_profile(tmp_path_factory.mktemp(f"lo-profile-{index}"))
        if not store:
            return recalculated_values(files, profile=profile)
        records = print_sheets({p: [(None, saved_as[p])] for p in store}, read=[*store, *files], profile=profile)
        return [named_values(record) for record in records]

    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(read_half, rest[:half], 0, [])
        second = pool.submit(read_half, rest[half:], 1, stored)
        first_values, second_values = first.result(), second.result()
    values = dict(zip([*rest[:half], *stored, *rest[half:]], first_values + second_values, strict=True))
    values.update({path: values[first] for path, first in same_as.items()})
    saved = {p: saved_as[same_as.get(p, p)] for p in sample}
    batch = Batch(templates=recalculated_templates, pool=plan_pool, skipped_cases=skipped, fresh=(fresh, fresh_path),
                  confirmed_base=confirmed_base, values=values, saved=saved,
                  oddities=oddities, plan_changes_params=Params.from_catalogue(changed, MATRIX_DAY))
    for kind, item, out in inputs:
        if kind == "plan":
            batch.plans.append((item, out))  # type: ignore[arg-type]
        elif kind == "case":
            batch.cases.append((item, out))  # type: ignore[arg-type]
        elif kind == "invalid":
            batch.invalid.append((*item, out))  # type: ignore[arg-type]
        elif kind == "months":
            batch.months_cascade.append((*item, out))  # type: ignore[arg-type]
        elif kind == "old_prices":
            batch.old_prices.append((item, out))  # type: ignore[arg-type]
        elif kind == "plan_changes":
            batch.plan_changes.append((*item, out))  # type: ignore[arg-type]
        elif kind == "holidays":
            batch.holiday_years.append((item, out))  # type: ignore[arg-type]
        elif kind == "round_age":
            batch.round_age.append((*item, out))  # type: ignore[arg-type]
        elif kind == "day_lines":
            batch.day_lines.append((item, out))  # type: ignore[arg-type]
        else:
            batch.examples.append((item, out))  # type: ignore[arg-type]
    return batch


def batch_templates(catalogue: Catalogue, templates: dict[str | None, Path]) -> dict[str | None, Path]:
    """The templates the batch recalculates: the generic one and, by default, the pilot municipalities' of the
    documents proofs' sample (tests/documents/municipality_sample.py, D223); every one with IBM_FULL=1. A pilot
    municipality's template differs from another's only in the prefilled municipality (tests/workbook/
    test_pilot_templates.py), so the sample recalculates the same formulas on the kinds of municipality data (D226)."""
    sampled = {m.id for m in municipality_sample(catalogue)}
    return {key: path for key, path in templates.items() if key is None or key in sampled}


def _firsts(inputs: list[tuple[str, object, Path]], counts: dict[str, int]) -> list[Path]:
    """The first ``counts[kind]`` files of each kind."""
    return [p for kind, wanted in counts.items() for p in [p for k, _, p in inputs if k == kind][:wanted]]


def write_oddities(path: Path) -> Path:
    """A small workbook of what the matrices rarely show: every error value LibreOffice writes, dates, a time, a
    date-time, a date cell's number that is no day, booleans, a formula's empty text, text that looks like a number;
    for the reading equality."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Dīvaini"
    formulas = ["=1/0", "=NA()", '=VALUE("x")', "=SQRT(-1)", "=A1:A2 B1:B2", "=NO_SUCH_NAME()", "=INDIRECT(\"nav!A1\")",
                "=DATE(2019,2,1)", "=1=1", "=1=2", '=""', '="0012"', "=0.1+0.2", "=ROUND(19.175,2)", "=2^53+1",
                "=-0.000001", '=IF(1,"",1)', "=C1+0.5", "=10^16", "=2^60", "=1/3*10^15", "=2^-20", "=-2^53", "=10^400", "=LN(0)"]
    for row, formula in enumerate(formulas, start=1):
        ws.cell(row, 2, formula)
    ws["C1"] = dt.date(2019, 2, 1)
    ws["C2"] = dt.datetime(2019, 2, 1, 13, 30)
    ws["C3"] = dt.time(8, 15)
    ws["C4"] = True
    ws["C5"] = "1,5"
    ws["B8"].number_format = "DD.MM.YYYY"
    ws["B18"].number_format = "DD.MM.YYYY HH:MM"
    ws["D1"] = 3
    ws["D1"].number_format = "0%"
    ws["D2"] = 1e12  # a date cell's number that is no day (1e12 pasted into a date input)
    ws["D2"].number_format = "DD.MM.YYYY"
    wb.create_sheet("Tukša")
    wb.save(path)
    return path


class InputCells:
    """Saves what openpyxl filled in: the generated template's bytes with only the changed input cells written
    (generator/ministry/xlsxpatch.py, as `ibm migrate` writes a matrix) and the plan-row groups opened as
    show_plan_rows opens them in openpyxl, instead of openpyxl re-serialising every part. The file is then the
    downloaded matrix as a person fills it, and LibreOffice recalculates it in about two thirds of the time
    (bench/names_speed.py and docs/benchmarks.md). Only unlocked (input) cells can change: write() refuses
    locked ones, and every cell a test writes directly (a pasted value, a note) is checked here."""

    def __init__(self, template: Path, wb) -> None:  # noqa: ANN001 - the template opened with openpyxl
        self.template = template
        self.cells = {sheet: sorted(coords) for sheet, coords in read_xlsx(template).unlocked.items() if coords}
        self.blank = {sheet: {rc: self._typed(wb[sheet].cell(*rc).value) for rc in coords}
                      for sheet, coords in self.cells.items()}
        self.grouped = [sheet for sheet in wb.sheetnames if opened_by_program(sheet)]
        self._folder = tempfile.TemporaryDirectory(prefix="ibm-input-cells-")
        self._stripped: Path | None = None

    def stripped(self) -> Path:
        """The template without its formulas' cached values, made once: each save then patches only the rows it
        writes (and opens the plan-row groups), not every cell of every sheet again; the files are byte for byte
        those patched from the template itself (tests/workbook/test_input_cells.py), in about half the CPU time
        (bench/input_cells_speed.py)."""
        if self._stripped is None:
            self._stripped = patch_xlsx(self.template, Path(self._folder.name) / self.template.name, {})
        return self._stripped

    @staticmethod
    def _typed(value: object) -> tuple[type, object]:
        return type(value), value

    def changed(self, wb, written: list) -> dict:  # noqa: ANN001
        """The input cells whose value differs from the template's, by sheet; ``written``: the cells a test wrote
        directly ((sheet, "A1") pairs or BadCells), each of which must be an input."""
        for cell in written:
            sheet, ref = (cell.sheet, cell.cell) if isinstance(cell, BadCell) else cell
            assert parse_cell(ref) in self.blank.get(sheet, {}), f"{sheet}!{ref} nav ievades šūna: to nevar aizpildīt"
        values = {}
        for sheet, coords in self.cells.items():
            ws, blank = wb[sheet], self.blank[sheet]
            changed = {rc: value for rc in coords
                       if self._typed(value := ws.cell(*rc).value) != blank[rc]}
            if changed:
                values[sheet] = changed
        return values

    def save(self, wb, path: Path, lines: int, written: list,  # noqa: ANN001
             over_formulas: dict[str, dict[str, object]] | None = None) -> None:
        """``written``: the cells a test wrote directly ((sheet, "A1") pairs or BadCells); each must be an input.
        ``over_formulas`` ({sheet: {"A1": value}}): values typed over formula cells (each must not be an input), as a
        person typing over a protected copy would (test_copy_checks.py, test_cross_checks.py)."""
        values = self.changed(wb, written)
        for sheet, cells in (over_formulas or {}).items():
            for ref, value in cells.items():
                rc = parse_cell(ref)
                assert rc not in self.blank.get(sheet, {}), f"{sheet}!{ref} ir ievades šūna, ne formula"
                values.setdefault(sheet, {})[rc] = value
        shown = shown_level(lines)
        patch_xlsx(self.stripped(), path, {sheet: {} for sheet in self.grouped} | values, strip_cached=False,
                   compresslevel=THROWAWAY_ZIP_LEVEL,
                   # as fill and ibm migrate: 6.11's groups stay for a person to open
                   finish_sheet=lambda sheet, xml: open_groups(xml, shown) if opened_by_program(sheet) else xml)

    def save_from_template(self, wb, path: Path, lines: int, written: list) -> None:  # noqa: ANN001
        """``save`` patching the template itself, every sheet stripped of its cached values on the way (the
        route ``save`` shortens; test_input_cells.py proves the two files equal)."""
        values = self.changed(wb, written)
        shown = shown_level(lines)
        patch_xlsx(self.template, path, values, compresslevel=THROWAWAY_ZIP_LEVEL,
                   finish_sheet=lambda sheet, xml: open_groups(xml, shown) if opened_by_program(sheet) else xml)


def write_hidden_notes(wb) -> list[tuple[str, str]]:  # noqa: ANN001
    """A note in a collapsed plan row of each sheet with free-text plan inputs, nothing else in that row;
    returns the (sheet, cell) written."""
    written = []
    for name, column in HIDDEN_NOTES:
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        first = ref.split(":")[0].replace("$", "")
        letters = first.rstrip("0123456789")
        cell = f"{column or letters}{int(first[len(letters):]) + HIDDEN_NOTE_ROW - 1}"
        wb[sheet][cell] = "piezīme paslēptā rindā"
        written.append((sheet, cell))
    return written


def write_notes(wb) -> None:  # noqa: ANN001
    """Free text in every Piezīmes column (the first rows), as a social worker would type it."""
    for k, name in enumerate(("Plans_Piezimes", "Aprekins_Piezimes", "Men_Piezimes", "Fakt_Piezimes")):
        write(wb, name, [NOTES[(k + i) % len(NOTES)].lstrip("=") for i in range(3)])


def clean_plans(offers, params: Params, count: int, first_seed: int) -> list[RandomPlan]:  # noqa: ANN001
    """``count`` random plans inside a reporting period for which the reference finds no error."""
    found: list[RandomPlan] = []
    seed = first_seed
    while len(found) < count:
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods)
        seed += 1
        if evaluate_workbook(plan.inputs, params).errors == 0 and any(ln.counted for ln in plan.inputs.lines):
            found.append(plan)
    return found


def round_age_plans(offers, params: Params) -> list[tuple[str, RandomPlan]]:  # noqa: ANN001
    """One error-free random plan in the round's last reporting period, its child born on each edge of the age
    criterion (tests/reference/round_age.py, D110)."""
    period, seed = last_period(params), SEED + 40_000
    while True:
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, (period,))
        seed += 1
        if evaluate_workbook(plan.inputs, params).errors == 0 and any(ln.counted for ln in plan.inputs.lines):
            break
    return [(edge, dataclasses.replace(plan, inputs=dataclasses.replace(plan.inputs, birth_date=birth)))
            for edge, birth in edge_births(params).items()]


def invalid_plans(offers, params: Params) -> list[tuple[RandomPlan, list]]:  # noqa: ANN001
    """Error-free random plans, each to get a few bad values pasted into different input names. They have no F: a
    pasted value that changes N or P (a price, units, B, a date) may put a typed F above N, which the matrix then
    rightly counts too (D7), and the proof counts exactly the pasted cells. The opinion left empty (AGE_NEEDED) goes
    to a plan whose child is of the age at which the opinion decides the rate (else it is no error)."""
    plans = [dataclasses.replace(p, inputs=dataclasses.replace(p.inputs, final=None))
             for p in clean_plans(offers, params, INVALID_WORKBOOKS, SEED + 10_000)]
    spreads = spread(INVALID_WORKBOOKS, BAD_CELLS_PER_WORKBOOK, SEED)
    wants = [any((name, kind_class) == AGE_NEEDED for name, kind_class, _ in bad) for bad in spreads]
    for k, wanted in enumerate(wants):
        if wanted and not opinion_needed(plans[k], params):
            other = next(i for i, p in enumerate(plans) if not wants[i] and opinion_needed(p, params))
            plans[k], plans[other] = plans[other], plans[k]
    return list(zip(plans, spreads, strict=True))


def opinion_needed(plan: RandomPlan, params: Params) -> bool:
    """Whether the special-care opinion decides the plan's rate (the child between the full-rate age and the limit)."""
    return params.full_rate_max_age < evaluate_workbook(plan.inputs, params).age < params.eligibility_age_limit


def paste(wb, plan: RandomPlan, bad: list, params: Params) -> list[BadCell]:  # noqa: ANN001
    rng = random.Random(plan.seed)
    dates_bad = any(name in ("Berns_DzimsanasDatums", "Perioda_Sakums") for name, _, _ in bad)
    needed = not dates_bad and opinion_needed(plan, params)
    lines = len(plan.inputs.lines)
    return [place(wb, name, kind_class, value, rng, lines, plan.inputs.months, needed)
            for name, kind_class, value in bad]


OLD_PRICES_DAY = dt.date(2023, 4, 1)  # the prices of the matrices issued before D61 (2.1: 5,11 EUR)
OLD_PRICE_PLANS = 2


def old_price_plans(catalogue: Catalogue) -> list[RandomPlan]:
    """Random plans on the offers of OLD_PRICES_DAY inside a pilot reporting period whose only error is
    prices_not_in_force: the pilot period starts before those prices took effect (D61)."""
    params = Params.from_catalogue(catalogue, OLD_PRICES_DAY)
    offers = catalogue.offers(OLD_PRICES_DAY)
    found: list[RandomPlan] = []
    seed = SEED + 40_000
    while len(found) < OLD_PRICE_PLANS:
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods)
        seed += 1
        result = evaluate_workbook(plan.inputs, params)
        if ([f.code for f in result.findings if f.severity.value == "kļūda"] == ["prices_not_in_force"]
                and any(ln.counted for ln in plan.inputs.lines)):
            found.append(plan)
    return found


def holiday_plans(offers, params: Params) -> list[RandomPlan]:  # noqa: ANN001
    """An error-free plan made six months long from 01.04.2019 (holidays listed) and the same from 01.04.2026
    (no list)."""
    plan = clean_plans(offers, params, 1, SEED + 50_000)[0]
    return [dataclasses.replace(plan, inputs=dataclasses.replace(plan.inputs, period_start=start, months=6))
            for start in (dt.date(2019, 4, 1), dt.date(2026, 4, 1))]


def day_line_plans(offers, params: Params) -> list[RandomPlan]:  # noqa: ANN001
    """D375: an error-free plan's child from 01.04.2019 (20 working days in April: Good Friday and Easter Monday) with
    two day-service lines, the first with no days in April and the second with 25 there (day_services in month 1,
    named by the second line), then the same with a third: a second day-service line before them with 5 days in May
    and 25 in June, the months over their working days (20 and 19) – the first finding still names April."""
    plan = clean_plans(offers, params, 1, SEED + 60_000)[0]
    day = [o for o in offers if o.service.day_service]
    first, second = day[0], day[-1]  # the catalogue's first and last day service

    def line(offer, months: list[int]) -> PlanLine:  # noqa: ANN001
        price = offer.prefill_price if offer.prefill_price is not None else (offer.ceiling or Decimal("10"))
        return line_from_offer(offer, sum(months), unit_price=price, planned_units=[Decimal(m) for m in months])

    two = (line(first, [0, 10, 0, 0, 0, 0]), line(second, [25, 0, 0, 0, 0, 0]))
    three = (line(first, [0, 5, 25, 0, 0, 0]), *two)
    return [dataclasses.replace(plan, inputs=dataclasses.replace(plan.inputs, period_start=dt.date(2019, 4, 1),
                                                                 months=6, lines=lines))
            for lines in (two, three)]


# Perioda_Menesi empty, non-numeric or outside 1–6 in a filled, error-free plan.
MONTHS_CASCADE_VALUES = (None, "pirmais", 13)


def cascade_plans(offers, params: Params) -> list[tuple[RandomPlan, object]]:  # noqa: ANN001
    plans = [p for p in clean_plans(offers, params, 12, SEED + 20_000)
             if any(any(ln.paid) and any(ln.planned_units) for ln in p.inputs.lines if ln.counted)]
    assert len(plans) >= len(MONTHS_CASCADE_VALUES), "no error-free plan with payments"
    return list(zip(plans, MONTHS_CASCADE_VALUES, strict=False))
