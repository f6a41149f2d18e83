"""`ibm collect` counts every payment typed in 6.10 (D385): a void line's (its price not in whole cents, D332 – the
matrix prints „nederīgs” for its period total, D367) and one typed after the plan's last month (an error, D304) are
money paid. The summary's paid figures („Bērni”, „Pašvaldības”, „Mēnešu dati”, „Naudas plūsma”) and, under
--previous, the pool's paid side count them, and a warning names the file and the amount its own total leaves out.
A --previous matrix in that folder's root is named with the folder's prefix once, and the note says it lies in the
previous period's folder root, not in the collected folder's."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import eur
from generator.ministry.aggregate import aggregate
from generator.ministry.collect import (
    PREVIOUS_FILE,
    UNCOUNTED_AFTER,
    UNCOUNTED_PAID,
    UNCOUNTED_VOID,
    Options,
    collect,
    uncounted_where,
)
from generator.ministry.matrix import Matrix
from generator.ministry.summary_money import outside_note
from generator.money import cents
from generator.workbook.layout import line_offset
from generator.workbook.names import read, write
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, copy_children

ZERO = Decimal(0)


def _cell(wb, name: str, line: int, col: int):  # noqa: ANN001, ANN202
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    first = wb[sheet][ref.replace("$", "").split(":")[0]]
    return wb[sheet].cell(first.row + line_offset(line), first.column + col)


def _typed(path: Path) -> Decimal:
    """Σ every number in the file's 6.10 payment cells, to cents: what the worker reported as paid."""
    grid = read(load_workbook(path), "Fakt_Summa")
    return cents(sum((Decimal(str(v)) for row in grid for v in row if isinstance(v, int | float)), ZERO))


def _void_with_payment(path: Path, child: Child) -> Decimal:
    """The child's first counted line made void – its service's 6.8 price 25,005 EUR, not in whole cents – with 300 EUR
    paid in its first month; returns what the void lines' period months hold in 6.10 (the matrix's total leaves it
    out)."""
    wb = load_workbook(path)
    line = next(i for i, ln in enumerate(child.inputs.lines) if ln.counted)
    offer = child.inputs.lines[line].offer_id
    ids = [str(v).split(" ")[0] if v else None for v in read(wb, "Pak_Id")]
    prices = list(read(wb, "Pak_Cena"))
    prices[ids.index(offer)] = 25.005
    write(wb, "Pak_Cena", prices)
    _cell(wb, "Fakt_Summa", line, 0).value = 300
    wb.save(path)
    void = [i for i, ln in enumerate(child.inputs.lines) if ln.offer_id == offer]
    grid = read(load_workbook(path), "Fakt_Summa")
    return cents(sum((Decimal(str(v)) for i in void for v in grid[i][:child.inputs.months]
                      if isinstance(v, int | float)), ZERO))


def _after_period(path: Path, child: Child) -> bool:
    """50 EUR typed in the month after the plan's last, on a counted line; False when the plan fills every column."""
    m = Matrix.open(path)
    if int(m.scalar("Perioda_Menesi")) >= m.refs["Fakt_Summa"].cols:
        return False
    wb = load_workbook(path)
    line = next(i for i, ln in enumerate(child.inputs.lines) if ln.counted)
    _cell(wb, "Fakt_Summa", line, child.inputs.months).value = 50
    wb.save(path)
    return True


@pytest.fixture()
def changed(small_folder, tmp_path: Path) -> tuple[Path, Path, Path]:  # noqa: ANN001
    """``small_folder`` copied with one child's void line paid, another's payment after its period and a third
    child's matrix moved to the folder's root; returns the folder and the two changed files."""
    source, children = small_folder
    folder = copy_children(source, children, tmp_path / "matricas")
    void_child = children[0]
    void_path = folder / void_child.path.relative_to(source)
    assert _void_with_payment(void_path, void_child) >= 300
    after_child = next(c for c in children[1:-1] if _after_period(folder / c.path.relative_to(source), c))
    root_child = children[-1]
    shutil.move(folder / root_child.path.relative_to(source), folder / "saknes-matrica.xlsx")
    return folder, void_path, folder / after_child.path.relative_to(source)


@pytest.mark.slow  # two collect runs of their own (docs/benchmarks.md)
def test_every_payment_typed_is_paid_money(changed, later_folder, catalogue: Catalogue) -> None:  # noqa: ANN001
    folder, void_path, after_path = changed
    result = collect(folder, catalogue, KEY, Options(jobs=1))
    by_source = {rel: code for code, rel in result.shown.items()}
    records = {r.code: r for r in result.records}
    void_rel, after_rel = (p.relative_to(folder).as_posix() for p in (void_path, after_path))
    void_rec, after_rec = records[by_source[void_rel]], records[by_source[after_rel]]
    # the matrix's own total: „nederīgs” with the void line's payments, without the one after the period
    assert void_rec.result.paid_total is None
    assert after_rec.result.paid_total == _typed(after_path) - 50
    for rel, rec in by_source.items():  # every child: what its 6.10 holds
        assert records[rec].paid.total == _typed(folder / rel), rel
    agg = aggregate(result.records, result.finals)
    typed = sum((_typed(folder / rel) for rel in by_source), ZERO)
    assert agg.pilot.paid == typed  # „Bērni”, „Pašvaldības”
    assert sum((m.paid for m in agg.month_rows), ZERO) == typed  # „Mēnešu dati”, „Naudas plūsma”
    assert agg.planned_paid(None)[1] == typed
    assert any(m.code == after_rec.code and m.paid == 50 and m.planned == 0 for m in agg.month_rows)
    extra = {w.split(":", 1)[0]: w for w in result.warnings if UNCOUNTED_PAID in w}
    # the changed two, and any random plan whose 6.10 holds such payments already: each file once
    assert set(extra) == {rel for rel, code in by_source.items() if records[code].paid.uncounted}, extra
    assert {void_rel, after_rel} <= set(extra), extra
    assert f"{UNCOUNTED_PAID} {eur(void_rec.paid.uncounted)}" in extra[void_rel]
    assert void_rec.paid.uncounted >= 300
    assert f"{UNCOUNTED_PAID} {eur(Decimal(50))}" in extra[after_rel]
    # each names the cause that applies only: the void line's, the month after the period (the reference tells them)
    assert (void_rec.paid.void, void_rec.paid.after) == (void_rec.paid.uncounted, ZERO)
    assert (after_rec.paid.void, after_rec.paid.after) == (ZERO, Decimal(50))
    assert UNCOUNTED_VOID in extra[void_rel] and UNCOUNTED_AFTER not in extra[void_rel], extra[void_rel]
    assert UNCOUNTED_AFTER in extra[after_rel] and UNCOUNTED_VOID not in extra[after_rel], extra[after_rel]
    assert "kopsavilkuma samaksātajā summā tie ir ieskaitīti" in extra[void_rel]
    assert extra[void_rel] in result.file_warnings  # on „Piezīmes par failiem” too

    # the same folder as the previous period: the pool's paid side holds every payment typed
    later, _ = later_folder
    previous = collect(later, catalogue, KEY, Options(previous=folder, jobs=1))
    assert previous.finals.previous_actual == typed
    said = [w for w in previous.warnings if UNCOUNTED_PAID in w]
    assert len(said) == len(extra) and all(w.startswith(PREVIOUS_FILE) for w in said), said
    assert all("pārdales fondā tie nav ieskaitīti kā neapgūti" in w for w in said), said
    root = [n for n in previous.notes if "saknes-matrica.xlsx" in n]
    assert root == [n for n in root if n.startswith(f"{PREVIOUS_FILE}saknes-matrica.xlsx: matrica nav nevienā "
                                                    "pašvaldības mapē (tā ir iepriekšējā perioda mapes saknē)")], root
    assert len(root) == 1 and root[0].count("iepriekšējā perioda") == 2, root  # the prefix and the folder's root
    # the collected folder's own root file says the collected folder
    own = [n for n in result.notes if "saknes-matrica.xlsx" in n]
    assert len(own) == 1 and "(tā ir savācamās mapes saknē)" in own[0], own


def test_both_causes_are_named_with_their_amounts() -> None:
    both = uncounted_where(Decimal(300), Decimal(50))
    assert both == (f"{eur(Decimal(300))} rindā ar nederīgu daudzumu vai cenu – tad kopsumma ir „nederīgs” – un "
                    f"{eur(Decimal(50))} pēc plāna perioda pēdējā mēneša"), both
    assert uncounted_where(Decimal(300), ZERO) == UNCOUNTED_VOID
    assert uncounted_where(ZERO, Decimal(50)) == UNCOUNTED_AFTER


def test_the_summary_notes_name_a_payment_after_the_plan() -> None:
    """The cash sheet's out-of-period row and the months sheet hold a payment typed after the plan's last month too."""
    for quarterly in (False, True):
        note = outside_note(quarterly)
        assert "plāna periods ir par garu" in note and "maksājums ierakstīts pēc plāna pēdējā mēneša" in note, note
