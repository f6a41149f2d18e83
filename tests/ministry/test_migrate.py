"""`ibm migrate`: random filled matrices moved across a price change lose no entered value; the changed
prices are listed with their effect on N, A and K; bad files are refused with nothing written. The random
matrices: of a pool of 100, the fewest that show every case of the pool before and after the change
(tests/workbook/plan_sample.py; 25); all 100 with IBM_FULL=1."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main
from generator.ministry.matrix import Matrix, offer_code, read_child
from generator.ministry.migrate import Migrator
from generator.ministry.xlsxread import XlsxBook, read_xlsx
from generator.money import to_decimal
from generator.reference.inputs import REQUIRED_PARTIES, Parties
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.layout import INTERFACE_KIND
from generator.workbook.version import LAYOUT_REVISION, template_version
from generator.workbook.writer import template_date
from tests.ministry.factory import (
    COMPANION,
    NEW_COMPANION_PRICE,
    NEW_GROUP_CEILING,
    Child,
    by_item,
    changed_catalogue,
    expected_after,
    free_input_cells,
    lost_free_cells,
    make_children,
    same_value,
    saved_form,
    write_children,
)
from tests.workbook.plan_sample import FULL, covering, input_cases

# A pool of 100 matrices (as many as the collection proof's) in four chunks of 25; 200 took ~120 s of the suite's
# ~1 500 s. With IBM_FULL=1 each chunk is a test (two CI workers share them) and every matrix is migrated; else one
# test migrates the fewest matrices of the pool that show every case the pool shows (migrate_cases: each plan's
# cases in the old and the new catalogue, its municipality, a companion price or not; 25 of 100): complete
# plans, new price errors and an entered companion price are still asserted below (docs/benchmarks.md).
POOL_CHUNKS, PER_CHUNK = 4, 25
CHUNKS = POOL_CHUNKS if FULL else 1
BY_ITEM = ("Pak_Cena", "Pak_Sniedzejs")
INTERNAL_INPUTS = ("Plans_Sanemejs", "Transporta_Pamatojums")


@pytest.fixture(scope="session")
def new_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return changed_catalogue(DEFAULT_CATALOGUE, tmp_path_factory.mktemp("jauns") / "catalogue")


@pytest.fixture(scope="session")
def migrator(new_catalogue: Catalogue):
    with Migrator(new_catalogue) as m:
        yield m


def lost_values(old: XlsxBook, new: XlsxBook, free: dict[str, list[tuple[int, int]]]) -> list[str]:
    """Every input of the old file compared with the new one: by name, by item code in 6.8, by address
    for the cells outside the names."""
    lost = []
    for name, kind in INTERFACE_KIND.items():
        if kind != "in" or name in BY_ITEM:
            continue
        o, n = old.values(old.name_ref(name)), new.values(new.name_ref(name))  # type: ignore[arg-type]
        if name == "Plans_Pakalpojums":
            o = [[offer_code(v) if v else v for v in row] for row in o]
            n = [[offer_code(v) if v else v for v in row] for row in n]
        for i, row in enumerate(o):
            for j, value in enumerate(row):
                if not same_value(value, n[i][j]):
                    lost.append(f"{name}[{i}][{j}]: {value!r} → {n[i][j]!r}")
    for name in INTERNAL_INPUTS:
        if old.values(old.name_ref(name)) != new.values(new.name_ref(name)):  # type: ignore[arg-type]
            lost.append(name)
    old_prices, new_prices = by_item(old, "Pak_Cena"), by_item(new, "Pak_Cena")
    old_max = by_item(old, "Pak_MaxCena")
    for code, value in old_prices.items():
        want = float(NEW_COMPANION_PRICE) if code == COMPANION and value == old_max[code] else value
        if not same_value(want, new_prices.get(code)):
            lost.append(f"Pak_Cena {code}: {value!r} → {new_prices.get(code)!r}")
    if by_item(old, "Pak_Sniedzejs") != {k: v for k, v in by_item(new, "Pak_Sniedzejs").items() if k in old_prices}:
        lost.append("Pak_Sniedzejs")
    return lost + lost_free_cells(old, new, free)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def migrate_cases(child: Child, new_catalogue: Catalogue, old_params: Params, new_params: Params) -> set[tuple]:
    """The cases one random matrix shows for the migration: its plan's cases in the old catalogue and, as the new
    template holds it, in the new one (new price errors, changed ceilings), its municipality, and whether it has
    the companion (2.1) whose price the change sets."""
    after = expected_after(child.inputs, new_catalogue, None)
    return ({("before", *case) for case in input_cases(child.inputs, old_params)}
            | {("after", *case) for case in input_cases(after, new_params)}
            | {("municipality", child.municipality),
               ("companion", any(line.offer_id == COMPANION for line in child.inputs.lines))})


def chunk_children(chunk: int, catalogue: Catalogue, new_catalogue: Catalogue, old_params: Params,
                   new_params: Params) -> list[tuple[int, Child]]:
    """(pool chunk, child) of the matrices this test migrates: with IBM_FULL=1 the chunk's 25, else the fewest of
    the whole pool that show every case of it (checked here)."""
    pool = [(c, child) for c in range(POOL_CHUNKS)
            for child in make_children(catalogue, PER_CHUNK, seed=900 + c, usable=False)]
    if FULL:
        return [(c, child) for c, child in pool if c == chunk]
    cases = [migrate_cases(child, new_catalogue, old_params, new_params) for _, child in pool]
    chosen = covering(pool, cases)
    shown = set().union(*(cases[pool.index(item)] for item in chosen))
    assert shown == set().union(*cases) and len(shown) > 300, "the sample must show every case of the pool"
    return chosen


# Each chunk is its own xdist work unit (tests/conftest.py), so that both workers share the full pool; each is
# marked slow by hand as well as by its estimate (`make test-quick` leaves them out, as it did before).
@pytest.mark.parametrize("chunk", [pytest.param(i, marks=[pytest.mark.xdist_group(f"migrate-{i}"), pytest.mark.slow])
                                   for i in range(CHUNKS)])
def test_random_matrices_migrate_across_a_price_change_without_loss(
        chunk: int, catalogue: Catalogue, new_catalogue: Catalogue, template: Path, migrator: Migrator,
        read_once, tmp_path: Path) -> None:  # noqa: ANN001 - the conftest's read_xlsx that parses a content once
    old_params = Params.from_catalogue(catalogue, template_date(catalogue))
    new_params = Params.from_catalogue(new_catalogue, template_date(new_catalogue))
    chosen = chunk_children(chunk, catalogue, new_catalogue, old_params, new_params)
    # the old matrices of even pool chunks re-saved by openpyxl, of odd ones patched from the template's bytes (as
    # a matrix migrated once, or filled by the tests' own patching, is migrated again): each form through the
    # same proof (factory.write_children)
    written = [child for source in sorted({c for c, _ in chosen})
               for child in write_children(catalogue, template, [ch for c, ch in chosen if c == source],
                                           tmp_path / "old" / f"{source}", free_cells=True,
                                           saved_by="xlsxpatch" if source % 2 else "openpyxl")]
    assert FULL or {saved_form(c.path) for c in written} == {"openpyxl", "xlsxpatch"}
    free = free_input_cells(template)
    compared = new_errors = 0
    # the companion's price: left as prefilled (its ceiling), another entered, or none. The matrix of today's
    # catalogue prefills no 2.1 price (its round's day, 01.10.2018, has none: D61), so "prefilled" does not arise
    # here; an old prefilled price is proven in tests/ministry/test_migrate_old_template.py
    companion_prices: set[str] = set()
    for child in written:
        assert child.path is not None
        out = tmp_path / "new" / child.path.relative_to(tmp_path / "old")
        report = migrator.migrate(child.path, out)
        old_book, new_book = read_once(child.path), read_once(out)  # parsed by the migrator, not again
        assert lost_values(old_book, new_book, free) == [], child.index
        assert report.carried > 0 and report.path is not None and report.path.exists()
        assert (report.old_version, report.new_version) == (template_version(catalogue), template_version(new_catalogue))
        old_companion = by_item(old_book, "Pak_Cena")[COMPANION]
        uses_companion = any(line.offer_id == COMPANION for line in child.inputs.lines)
        changes = [(p.item, p.old, p.new, p.in_plan) for p in report.price_changes]
        # the catalogue's price kept as prefilled (an empty cell where the old template had no price is no change)
        prefilled = old_companion is not None and old_companion == by_item(old_book, "Pak_MaxCena")[COMPANION]
        companion_prices.add("prefilled" if prefilled else "entered" if old_companion is not None else "none")
        if prefilled:
            assert changes == [(COMPANION, to_decimal(old_companion), NEW_COMPANION_PRICE, uses_companion)]
        else:
            assert changes == []
        if read_child(Matrix.from_book(old_book), catalogue, strict=False)[0] is None:
            assert report.before is None and "nav pilnībā aizpildīta" in report.text()
            continue
        # the free cells hold random text or nothing, also where 6.1 wants a name (D88): the plan as filled
        parties = Parties(**{p.attr: _text(Matrix.from_book(old_book).scalar(p.name)) for p in REQUIRED_PARTIES})
        before = evaluate_workbook(dataclasses.replace(child.inputs, parties=parties), old_params)
        after = evaluate_workbook(dataclasses.replace(
            expected_after(child.inputs, new_catalogue, to_decimal(old_companion) if prefilled else None),
            parties=parties), new_params)
        assert report.before is not None and report.after is not None
        assert (report.before.provisional, report.before.needed, report.before.available, report.before.total,
                report.before.errors) == (before.provisional, before.needed, before.available, before.total,
                                          before.errors)
        assert (report.after.provisional, report.after.needed, report.after.available, report.after.total,
                report.after.errors, report.after.warnings) == (after.provisional, after.needed, after.available,
                                                                after.total, after.errors, after.warnings)
        new_errors += sum(1 for f in report.new_findings if "pārsniedz" in f or "cena" in f.lower())
        compared += 1
        changed = {ln.offer_id for ln in child.inputs.lines
                   if ln.offer_id == COMPANION or (ln.offer_id and ln.ceiling == Decimal("25.93"))}
        assert {c.item for c in report.ceiling_changes if c.in_plan} == changed
        assert {(c.item == COMPANION, c.new) for c in report.ceiling_changes} <= {
            (True, NEW_COMPANION_PRICE), (False, NEW_GROUP_CEILING)}
    assert compared >= len(written) // 3, "too few complete plans to compare the amounts"
    assert new_errors > 0, "the lower group ceiling must flag new price errors in some plans"
    assert "entered" in companion_prices, "an entered companion price must be migrated"


# --- refusals and the command --------------------------------------------------------------------------------
def migrate_cli(old: Path, out: Path, catalogue_dir: Path | None = None):
    args = ["migrate", str(old), "--out", str(out)]
    if catalogue_dir is not None:
        args += ["--catalogue", str(catalogue_dir)]
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture(scope="session")
def one_old(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> Child:
    children = make_children(catalogue, 1, seed=4242)
    return write_children(catalogue, template, children, tmp_path_factory.mktemp("viena"))[0]


def test_command_writes_the_new_matrix_and_the_report(one_old: Child, new_catalogue: Catalogue,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "jauna.xlsx"
    result = migrate_cli(one_old.path, out, new_catalogue.root)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    old_version = str(Matrix.open(one_old.path).scalar("IBM_Versija"))
    assert (f"veidne {lvformat.version(old_version)} → {lvformat.version(template_version(new_catalogue))}"
            in result.output)
    assert "Ietekme uz apmēriem (atsauces aprēķins):" in result.output
    assert "IB nepieciešamais (N):" in result.output
    report = (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8")
    assert report.strip() in result.output
    assert one_old.name not in report and one_old.code not in report
    assert Matrix.open(out).scalar("IBM_Versija") == template_version(new_catalogue)


def test_same_version_is_rewritten_with_a_note(one_old: Child, tmp_path: Path) -> None:
    result = migrate_cli(one_old.path, tmp_path / "tā-pati.xlsx")  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert "matrica jau ir pašreizējās veidnes versijas" in result.output
    assert "Iepriekš ievietotās kataloga cenas nav mainījušās." in result.output


def refused(old: Path, tmp_path: Path, catalogue_dir: Path | None = None) -> str:
    out = tmp_path / "rezultats" / "jauna.xlsx"
    result = migrate_cli(old, out, catalogue_dir)
    assert result.exit_code == 1, result.output
    assert not out.exists() and not (out.parent / "jauna-parnesana.txt").exists()
    assert not out.parent.exists() or not any(out.parent.iterdir()), "no half-written output"
    assert "nekas netika uzrakstīts" in result.output
    return result.output


def test_refuses_a_foreign_workbook(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "Cits"
    wb.save(tmp_path / "cits.xlsx")
    assert "nav IBM matrica (darbgrāmatā nav definēto nosaukumu IBM_Saskarne un IBM_Versija)" in refused(
        tmp_path / "cits.xlsx", tmp_path)


def test_refuses_a_file_that_is_not_xlsx(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"nav zip")
    assert "nav xlsx darbgrāmata: fails bojāts vai nepilnīgi nokopēts" in refused(tmp_path / "x.xlsx", tmp_path)
    (tmp_path / "x.ods").write_bytes(b"PK")
    assert "nav xlsx fails (paplašinājums „.ods”; gaidīts: .xlsx)" in refused(tmp_path / "x.ods", tmp_path)


def _edited(src: Path, dst: Path, change) -> Path:  # noqa: ANN001
    wb = load_workbook(src)
    change(wb)
    wb.save(dst)
    return dst


def _cell(wb, name: str):  # noqa: ANN001, ANN202
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    return wb[sheet][ref.replace("$", "").split(":")[0]]


def test_refuses_a_newer_version(one_old: Child, tmp_path: Path) -> None:
    newer = _edited(one_old.path, tmp_path / "jaunaka.xlsx",  # type: ignore[arg-type]
                    lambda wb: setattr(_cell(wb, "IBM_Versija"), "value", "2099-12-31+ffffffff"))
    assert "matrica ir jaunākas veidnes versijas ffffffff (katalogs 31.12.2099)" in refused(newer, tmp_path)


def test_refuses_a_newer_layout_revision_of_the_same_catalogue(one_old: Child, catalogue: Catalogue,
                                                               tmp_path: Path) -> None:
    """A matrix made by a newer toolkit (same catalogue, higher LAYOUT_REVISION) is not migrated back."""
    version = f"{catalogue.version}.{LAYOUT_REVISION + 1}"
    newer = _edited(one_old.path, tmp_path / "jaunaka.xlsx",  # type: ignore[arg-type]
                    lambda wb: setattr(_cell(wb, "IBM_Versija"), "value", version))
    assert f"matrica ir jaunākas veidnes versijas {lvformat.version(version)}" in refused(newer, tmp_path)


def test_refuses_a_damaged_structure(one_old: Child, tmp_path: Path) -> None:
    damaged = _edited(one_old.path, tmp_path / "bojata.xlsx",  # type: ignore[arg-type]
                      lambda wb: wb.defined_names.pop("Men_Daudzums"))
    assert "trūkst definētā nosaukuma Men_Daudzums: matricas struktūra ir bojāta" in refused(damaged, tmp_path)


def test_refuses_an_item_removed_from_the_catalogue(tmp_path: Path, catalogue: Catalogue, template: Path) -> None:
    from generator.reference.lines import line_from_offer

    base = make_children(catalogue, 1, seed=78)[0]
    offer = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "3.9")
    child = dataclasses.replace(base, inputs=dataclasses.replace(
        base.inputs, lines=(line_from_offer(offer, 4, unit_price=Decimal("20"), expert_rank=1),)))
    old = write_children(catalogue, template, [child], tmp_path / "old")[0].path
    shutil.copytree(DEFAULT_CATALOGUE, tmp_path / "katalogs")
    for part in ("services", "prices"):
        (tmp_path / "katalogs" / part / "3.9.yaml").unlink(missing_ok=True)
    output = refused(old, tmp_path, tmp_path / "katalogs")  # type: ignore[arg-type]
    assert "pakalpojums 3.9 jaunajā katalogā vairs nav" in output


def test_a_municipality_folder_is_migrated_file_by_file(tmp_path: Path, catalogue: Catalogue, template: Path,
                                                        new_catalogue: Catalogue) -> None:
    children = write_children(catalogue, template, make_children(catalogue, 3, seed=314), tmp_path / "old",
                              by_municipality=False)
    wb = Workbook()
    wb.save(tmp_path / "old" / "cits.xlsx")
    result = CliRunner().invoke(main, ["migrate", str(tmp_path / "old"), "--out", str(tmp_path / "new"),
                                       "--catalogue", str(new_catalogue.root)])
    assert result.exit_code == 1
    assert "Pārnestas 3 matricas, atteikta 1" in result.output
    assert "cits.xlsx: nav IBM matrica" in result.output
    for child in children:
        assert child.path is not None
        new = tmp_path / "new" / child.path.name
        assert Matrix.open(new).scalar("IBM_Versija") == template_version(new_catalogue)
        assert (tmp_path / "new" / f"{new.stem}-parnesana.txt").exists()
    assert not (tmp_path / "new" / "cits.xlsx").exists()


def test_literal_escape_sequence_in_text_survives_migration(small_folder, template: Path, migrator: Migrator,
                                                            tmp_path: Path) -> None:
    """Text holding a literal ``_x0041_`` (the spreadsheet escape syntax) is written escaped as
    ``_x005F_x0041_``: after migration it still reads as ``_x0041_``, not as "A"."""
    from generator.ministry.xlsxpatch import patch_xlsx

    _, children = small_folder
    free = free_input_cells(template)
    sheet, coords = next((s, c) for s, c in free.items() if c)
    texts = {coords[0]: "Kods _x0041_ paliek", coords[1]: "_x005F_ un _X00e9_ arī"}
    old = patch_xlsx(children[0].path, tmp_path / "old.xlsx", {sheet: texts}, strip_cached=False)
    raw = read_xlsx(old)
    assert [raw.cell(sheet, c).value for c in texts] == list(texts.values())  # type: ignore[union-attr]
    out = tmp_path / "new.xlsx"
    migrator.migrate(old, out)
    new = read_xlsx(out)
    assert [new.cell(sheet, c).value for c in texts] == list(texts.values())  # type: ignore[union-attr]
    wb = load_workbook(out)
    assert wb[sheet].cell(*coords[0]).value in (texts[coords[0]], "Kods _x005F_x0041_ paliek")


# 6.1's fields the papers print from their names (D317): typed in the old matrix, they are in the new one
CASE_FIELDS = {"Vecaks_PersonasKods": "010180-10006", "Darbinieks_Kontakti": "tālr. 60000000, darbinieks@piemers.lv",
               "Lietas_Sakums": dt.datetime(2018, 9, 3)}


def test_the_named_case_fields_are_carried_to_the_new_template(one_old: Child, new_catalogue: Catalogue,
                                                               tmp_path: Path) -> None:
    def typed(wb: Workbook) -> None:
        for name, value in CASE_FIELDS.items():
            _cell(wb, name).value = value

    old = _edited(one_old.path, tmp_path / "veca.xlsx", typed)  # type: ignore[arg-type]
    out = tmp_path / "jauna.xlsx"
    result = migrate_cli(old, out, new_catalogue.root)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert Matrix.open(out).scalar("IBM_Versija") == template_version(new_catalogue)  # a new template, not a copy
    new = load_workbook(out)
    assert {name: _cell(new, name).value for name in CASE_FIELDS} == CASE_FIELDS
