"""A catalogue correction dated on or before an old matrix's prices day (D336): the matrix holds a figure the
catalogue no longer has for the plan's days – a new entry from the prices day, or the amount of the entry in force
then fixed in place, of an item's ceiling or of a parameter of every plan. `ibm collect` refuses such a plan with the
rule of a plan crossing a later change (prices_not_in_force, naming the item, both figures, the day and `ibm migrate`),
whether the old template is known from the registry or from --templates, and gives no final amount from it."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.changes.diff import describe_param
from generator.cli import main
from generator.lvformat import date as lv_date
from generator.lvformat import eur
from generator.ministry.collect import Options, collect
from generator.ministry.templates import TemplateSource, register_current
from generator.reference.lines import line_from_offer
from generator.reference.workbook import MIGRATE_COMMAND, WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    COMPANION_CHANGE,
    MATRIX_DAY,
    MUNICIPALITIES,
    REGULATED,
    changes_catalogue,
)

KEY = b"d336-corrected-values-test-key-0123456789"
CUT = Decimal("0.30")  # how much lower the corrected figure is


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The round's matrices (MATRIX_DAY), plans of two months from it with 2.1 (its regulated price prefilled) and an
    individual session; the old catalogue's template kept in a registry and in a folder of blank matrices."""
    root = tmp_path_factory.mktemp("d336")
    catalogue = changes_catalogue(root / "a")
    registry = root / "registrs.json"
    register_current(catalogue, registry)
    template = write_workbook(catalogue, root / "veidnes" / "veidne.xlsx", None, MATRIX_DAY)
    offers = {o.id: o for o in catalogue.offers(MATRIX_DAY)}
    children = []
    for i, municipality in enumerate(MUNICIPALITIES):
        lines = (line_from_offer(offers[REGULATED], 10, unit_price=offers[REGULATED].prefill_price,
                                 planned_units=(5, 5), expert_rank=1, parent_rank=1),
                 line_from_offer(offers["3.1.2i"], 4, unit_price=Decimal(20), planned_units=(2, 2), expert_rank=2,
                                 parent_rank=2))
        inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1 + i), period_start=MATRIX_DAY, months=2,
                                special_care=False, impairment="multipli", lines=lines, base=None)
        people = People(child_name=f"Ilze Paraugs {i + 1}", child_code=f"010619-2{i:04d}",
                        parent_name=f"Jānis Paraugs {i + 1}", social_worker="Līga Piemēra",
                        providers={REGULATED: "SIA Sniedzējs 1", "3.1.2i": "SIA Sniedzējs 2"})
        children.append(Child(i, municipality, people, inputs))
    write_children(catalogue, template, children, root / "in")
    return {"root": root, "catalogue": catalogue, "registry": registry, "templates": template.parent,
            "in": root / "in", "held": offers[REGULATED].ceiling}


def _copy(old: dict, name: str, edit: Callable[[Path], None]) -> Catalogue:
    target = old["root"] / name
    if not target.exists():
        shutil.copytree(old["catalogue"].root, target)
        edit(target)
    return load_or_raise(target)


def dated_back(old: dict) -> Catalogue:
    """2.1's ceiling lower from the matrix's own prices day (a new entry, not after it)."""
    def edit(target: Path) -> None:
        path = target / "prices" / f"{REGULATED}.yaml"
        text, later = path.read_text("utf-8"), f"  - effective_from: {COMPANION_CHANGE.isoformat()}\n"
        assert text.count(later) == 1, text  # the entries in date order: the correction before the later change
        path.write_text(text.replace(later, f"  - effective_from: {MATRIX_DAY.isoformat()}\n    kind: ceiling\n"
                                            f"    amount: {old['held'] - CUT}\n    source: \"Testa dati: labojums\"\n"
                                            "    status: apstiprināts\n" + later), "utf-8")
    return _copy(old, "atpakal", edit)


def in_place(old: dict) -> Catalogue:
    """The amount of 2.1's entry in force on the prices day fixed in place (its day, before the prices day, kept)."""
    def edit(target: Path) -> None:
        path = target / "prices" / f"{REGULATED}.yaml"
        text, held = path.read_text("utf-8"), f"amount: {old['held']}\n"
        assert text.count(held) == 1, text
        path.write_text(text.replace(held, f"amount: {old['held'] - CUT}\n"), "utf-8")
    return _copy(old, "uz-vietas", edit)


def rate_in_place(old: dict) -> Catalogue:
    """The full rate, a parameter of every plan, fixed in place (1.00 → 0.90 from its first day)."""
    def edit(target: Path) -> None:
        path = target / "programme.yaml"
        text, held = path.read_text("utf-8"), "value: 1.00, source: \"Metodika L1071\""
        assert text.count(held) == 1
        path.write_text(text.replace(held, "value: 0.90, source: \"Metodika L1071\""), "utf-8")
    return _copy(old, "likme", edit)


def _refusals(result: object) -> list[str]:
    return [f.message for r in result.records for f in r.result.findings if f.code == "prices_not_in_force"]


def _collect(old: dict, catalogue: Catalogue, with_templates: bool) -> object:
    folders = (old["templates"],) if with_templates else ()
    registry = old["root"] / "tukss.json" if with_templates else old["registry"]
    if with_templates:
        registry.write_text('{"versions": {}}', encoding="utf-8")
    templates = TemplateSource(catalogue, registry, folders)
    return collect(old["in"], catalogue, KEY, Options(jobs=1), templates=templates)


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_the_old_catalogue_collects_its_own_matrices_final(old: dict) -> None:
    result = _collect(old, old["catalogue"], with_templates=False)
    assert len(result.records) == 2 and not result.refused, result.refused
    assert _refusals(result) == []


@pytest.mark.parametrize("with_templates", [False, True])
@pytest.mark.parametrize("make", [dated_back, in_place])
def test_a_ceiling_corrected_back_refuses_the_plan(old: dict, make: Callable, with_templates: bool) -> None:
    changed = make(old)
    result = _collect(old, changed, with_templates)
    assert len(result.records) == 2 and not result.refused, result.refused
    said = _refusals(result)
    label = {o.id: o.label for o in changed.offers(MATRIX_DAY)}[REGULATED]
    since = MATRIX_DAY if make is dated_back else changed.price_by_service[REGULATED].at(MATRIX_DAY).effective_from
    assert len(said) == 2 and all(
        f"šajā matricā ir pakalpojuma „{label}” cena {eur(old['held'])}, bet katalogā no {lv_date(since)} – "
        f"{eur(old['held'] - CUT)}" in m and f"ar komandu {MIGRATE_COMMAND}" in m for m in said), said
    assert all(r.result.errors >= 1 for r in result.records)


def test_a_parameter_corrected_in_place_refuses_the_plan(old: dict) -> None:
    changed = rate_in_place(old)
    result = _collect(old, changed, with_templates=False)
    said = _refusals(result)
    name = changed.programme.rate_full.name_lv
    was, now = (describe_param(Decimal(v), "daļa") for v in ("1.00", "0.90"))
    assert len(said) == 2 and all(f"šajā matricā ir programmas parametrs „{name}” {was}, bet katalogā no "
                                  f"01.08.2018 – {now}" in m for m in said), said


def test_no_final_amount_from_a_corrected_figure(old: dict, tmp_path: Path) -> None:
    """End to end, as the analyst runs it: no child „galīgs” in the CSV, the refusal in the summary's rule sheet."""
    changed = dated_back(old)
    out = tmp_path / "kops.xlsx"
    shown = CliRunner().invoke(main, ["collect", str(old["in"]), "--catalogue", str(changed.root), "--out", str(out),
                                      "--registry", str(old["registry"]), "--jobs", "1", "--no-cache"],
                               env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert shown.exit_code == 0, shown.output
    rows = [row for path in sorted((tmp_path / "galigie-apmeri").glob("*.csv"))
            for row in csv.DictReader(path.open(encoding="utf-8-sig"), delimiter=";")]
    assert rows and all(row["statuss"] != "galīgs" and not row["F"] for row in rows), rows
