"""Invalid values pasted straight into input cells (as a paste does, bypassing data validation), for
the proof that every such cell is counted in Kludas, listed on 6.11 and marked on its own sheet.

Every input name that feeds an amount or a rule gets every class of bad value that applies to its
kind: text, text that looks like a number, a negative number, a value outside its list or range,
a date typed as text, an empty required cell. The combinations are spread over the workbooks so
that each workbook holds a few bad cells in different names, and every combination is used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from openpyxl.utils.cell import get_column_letter
from openpyxl.workbook.workbook import Workbook

from generator.workbook.input_checks import (
    GOAL_FIELDS,
    MONTH_FIELDS,
    MONTH_TEXT_FIELDS,
    NOTE_FIELD_64,
    NOTE_FIELD_610,
    PLAN_FIELDS,
    PLAN_TEXT_FIELDS,
    PRICE_FIELD,
    PROVIDER_FIELD,
    SINGLE_FIELDS,
    TRANSPORT_FIELD,
    Field,
)
from generator.workbook.names import resolve

# kind -> [(class of bad value, value)]
BAD_VALUES: dict[str, list[tuple[str, Any]]] = {
    "amount": [("teksts", "180 eur"), ("skaitlis kā teksts", "150"), ("negatīvs", -30), ("teksts", "150 EUR")],
    "rank": [("teksts", "pirmais"), ("skaitlis kā teksts", "1"), ("negatīvs", -1), ("ārpus intervāla", 0),
             ("ārpus intervāla", 1.5)],
    "months": [("teksts", "seši"), ("skaitlis kā teksts", "3"), ("negatīvs", -2), ("ārpus intervāla", 13),
               ("ārpus intervāla", 0), ("ārpus intervāla", 2.5), ("tukšs", None)],
    "date": [("datums kā teksts", "01.03.2019"), ("teksts", "vakar"), ("negatīvs", -5), ("ārpus intervāla", 5)],
    "yesno": [("ārpus saraksta", "Ja"), ("ārpus saraksta", "jā"), ("ārpus saraksta", "Jā "), ("skaitlis", 1),
              ("tukšs", None)],
    "list": [("ārpus saraksta", "nav-saraksta"), ("skaitlis", 5)],
    # one character more than prints whole in the signed 6.3 or 6.6 (the field's limit): written by place()
    "text": [("par garu teksts", None)],
}
# A plan line's units are an amount (a fraction of a unit counted whole, D256, needs a line of such a unit: proved in
# tests/workbook/test_pasted_formula_and_text.py and tests/ministry/test_pasted_inputs.py)
BAD_VALUES["units"] = BAD_VALUES["amount"]
# Money is an amount in whole cents (D87): a price or payment with more than two decimals is wrong too.
BAD_VALUES["money"] = [*BAD_VALUES["amount"], ("centu daļas", 42.6712)]
# D340: B, the other sources and a 6.8 price above the catalogue's plausible highest (a pasted 1e12), F too (31000000
# typed for 3100); F above N (where N > P) is an error too (D7), proved by the case files (tests/cases/workbook.yaml)
ABOVE_MAX = "virs ticamā"
# a month's payment is money said with how a correction is entered (D258); D365: it and 6.10's delivered units have
# the plausible highest of B (a pasted 1e12)
BAD_VALUES["payment"] = [*BAD_VALUES["money"], (ABOVE_MAX, 1e12)]
BAD_VALUES["delivered"] = [*BAD_VALUES["units"], (ABOVE_MAX, 1e12)]
# D377: a plan line's period units (6.3) and a month's planned units (6.6) too: 99 999 999 999 pasted (units_above_max,
# planned_above_max; the 6.3 line is void, D332); typed by hand the data validation refuses it (D380)
BAD_VALUES["units"] = [*BAD_VALUES["units"], (ABOVE_MAX, 99999999999)]
BAD_VALUES["final"] = [*BAD_VALUES["money"], (ABOVE_MAX, 31000000)]
BAD_VALUES["money"] = [*BAD_VALUES["money"], (ABOVE_MAX, 1e12)]
# A text in the date's form naming no calendar day (F7)
BAD_VALUES["date"] = [*BAD_VALUES["date"], ("nav tādas dienas", "31.02.2012")]
# Once the plan has a service, the fields a contract needs (D88): empty or spaces only
BAD_VALUES["required"] = [("tukšs", None), ("tukšs", "   ")]
# the child's personal code is a required field whose form is checked too (its 10 digits: test_number_in_free_text)
BAD_VALUES["code"] = BAD_VALUES["required"]
BAD_VALUES["municipality"] = [*BAD_VALUES["list"], ("tukšs", None)]
# a person's name (D170): empty (its blank of spaces is the same formula as the personal code's, proved there), and one
# character longer than prints whole in the signed annexes; as many combinations as before, so the batch's size holds
BAD_VALUES["name"] = [BAD_VALUES["required"][0], *BAD_VALUES["text"]]
# the free text a rule reads (D9's transport justification) is a text over its limit as any other (its logical value:
# tests/workbook/test_execution_paste_one_error.py, D331)
BAD_VALUES["reason"] = BAD_VALUES["text"]
# Text of a Pak_Id / recipient / impairment value in other letter case: exact list values only.
CASE_VARIANT = "ārpus saraksta (cits burtu reģistrs)"

FIELDS: dict[str, Field] = {f.name: f for f in (*SINGLE_FIELDS, *PLAN_FIELDS, *MONTH_FIELDS, PRICE_FIELD, PROVIDER_FIELD,
                                                  TRANSPORT_FIELD, NOTE_FIELD_64, NOTE_FIELD_610,
                                                  *GOAL_FIELDS,
                                                  *PLAN_TEXT_FIELDS, *MONTH_TEXT_FIELDS)}


def too_long(limit: int) -> str:
    """Words of a goal, one character longer than ``limit``."""
    return ("Bērns patstāvīgi ģērbjas un ēd; " * (limit // 20 + 2))[: limit + 1]


@dataclass(frozen=True)
class BadCell:
    """One bad value in one cell: the input name, where it is, the class of the value."""

    name: str
    sheet: str
    cell: str
    kind_class: str
    value: Any

    @property
    def label(self) -> str:
        return FIELDS[self.name].label

    def describe(self) -> str:
        return f"{self.name} {self.sheet}!{self.cell} = {self.value!r} ({self.kind_class})"


def combinations() -> list[tuple[str, str, Any]]:
    """Every (input name, class, value) the proof covers."""
    found = []
    for name, field in FIELDS.items():
        for kind_class, value in BAD_VALUES[field.kind]:
            found.append((name, kind_class, value))
        if field.kind in ("list", "municipality"):
            found.append((name, CASE_VARIANT, None))
    return found


def _cell(wb: Workbook, name: str, row: int = 0, col: int = 0) -> tuple[str, str, Any]:
    rng = resolve(wb.defined_names, name)
    r, c = rng.min_row + row, rng.min_col + col
    ws = wb[rng.sheet]
    return rng.sheet, f"{get_column_letter(c)}{r}", ws.cell(r, c)


def place(wb: Workbook, name: str, kind_class: str, value: Any, rng: random.Random, lines: int, months: int,
          opinion_needed: bool) -> BadCell:
    """Write one bad value into a cell of ``name`` (a used plan line and month where it has rows)."""
    field = FIELDS[name]
    target = _cell(wb, name)
    if name.startswith(("Plans_", "Men_", "Fakt_")):
        row = rng.randrange(max(lines, 1))
        col = rng.randrange(months) if name.startswith(("Men_", "Fakt_")) and field.kind not in ("text", "reason") else 0
        target = _cell(wb, name, row, col)
    elif name == "Pak_Cena":
        rng_ = resolve(wb.defined_names, name)
        target = _cell(wb, name, rng.randrange(rng_.rows))
    sheet, coordinate, cell = target
    if kind_class == CASE_VARIANT:
        current = cell.value
        if not isinstance(current, str) or current.swapcase() == current:
            listed = {"Plans_Pakalpojums": "Pak_Id", "Plans_Sanemejs": "Saraksts_Sanemeji",
                      "Berns_Traucejums": "Saraksts_Traucejumi", "Pasvaldiba": "Saraksts_Pasvaldibas"}[name]
            values = _values(wb, listed)
            current = values[0]
        value = current.upper() if current != current.upper() else current.lower()
    if field.kind in ("text", "reason") or (field.kind == "name" and kind_class == BAD_VALUES["text"][0][0]):
        value = too_long(int(field.extra))
    if field.kind == "yesno" and value is None and not opinion_needed:
        value = "Ja"  # empty is an error only when the opinion decides the rate
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return BadCell(name, sheet, coordinate, kind_class, value)


def _values(wb: Workbook, name: str) -> list[str]:
    rng = resolve(wb.defined_names, name)
    ws = wb[rng.sheet]
    return [ws.cell(r, c).value for row in rng.cells() for r, c in row if ws.cell(r, c).value]


# A bad value that another bad value of the same workbook would hide: the opinion left empty is an error only when
# the child's age (from the birth date and the period's start) puts it between the full-rate age and the age limit,
# so it never shares a workbook with a bad date (place() would then paste "Ja" instead, and the proof would miss it).
AGE_NEEDED = ("Ipasas_Kopsanas_Atzinums", "tukšs")  # the one combination that needs a plan of such an age
APART: dict[tuple[str, str], frozenset[str]] = {AGE_NEEDED: frozenset({"Berns_DzimsanasDatums", "Perioda_Sakums"})}


def _apart(item: tuple[str, str, Any], workbook: list[tuple[str, str, Any]]) -> bool:
    """Whether ``item`` and every value of ``workbook`` can be seen together (neither hides the other)."""
    return all(w[0] not in APART.get(item[:2], ()) and item[0] not in APART.get(w[:2], ()) for w in workbook)


def spread(count: int, per_workbook: int, seed: int) -> list[list[tuple[str, str, Any]]]:
    """``count`` lists of bad values, each with different input names and none that APART keeps from another;
    every combination is used at least once (the list is repeated in a shuffled order until the workbooks are
    full)."""
    rng = random.Random(seed)
    pool = combinations()
    assert count * per_workbook >= len(pool), "too few workbooks for every combination"
    order: list[tuple[str, str, Any]] = []
    while len(order) < count * per_workbook:
        batch = pool[:]
        rng.shuffle(batch)
        order += batch
    result: list[list[tuple[str, str, Any]]] = [[] for _ in range(count)]
    for item in order:
        # the workbook with the fewest bad values that does not have this name yet (nor one kept apart from it)
        free = [w for w in result
                if len(w) < per_workbook and all(n != item[0] for n, _, _ in w) and _apart(item, w)]
        if not free:
            continue
        min(free, key=len).append(item)
    return result


def fewest_workbooks(per_workbook: int, seed: int) -> int:
    """The fewest workbooks of ``per_workbook`` bad values into which ``spread`` puts every combination."""
    wanted = set(combinations())
    count = -(-len(wanted) // per_workbook)
    while {item for workbook in spread(count, per_workbook, seed) for item in workbook} != wanted:
        count += 1
    return count
