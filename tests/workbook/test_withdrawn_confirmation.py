"""D302, recalculated by LibreOffice: the matrix of B's confirmation day (B „apstiprināts” on its prices day), whose
catalogue later puts B back to „jāprecizē” at the same amount, takes a plan across that day – its D61 cells (6.11's
hidden days) end at B's other amount, not at the withdrawal – and refuses one across the other amount, as the
reference does (tests/plan_changes_catalogue.py, withdrawn_catalogue); and a matrix made after B's or a 6.8 ceiling's
withdrawal prints it unconfirmed (D318, D319)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.cli import main
from generator.documents.from_matrix.context import BLANK
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import make_profile, print_sheets
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import People, fill
from generator.workbook.layout import Layout
from generator.workbook.recalculated import named_values, recalculated_values
from generator.workbook.sheets.technical import PARAM_FIRST
from generator.workbook.texts import (
    ANNEX_BASE_BLANK,
    ANNEX_NO_PRICE_MORE,
    ANNEX_PRICE_AGAIN,
    BASE_PROVISIONAL_SHORT,
)
from generator.workbook.writer import write_workbook
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_tables, docx_text
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    COMPANION_CHANGE,
    MUNICIPALITIES,
    PRICE_WITHDRAWN,
    REGULATED,
    ceiling_withdrawn_catalogue,
    plan_change_cases,
    price_withdrawn_catalogue,
    withdrawn_catalogue,
)
from tests.workbook.conftest import recipient_labels, require_soffice, require_uno
from tests.workbook.test_withdrawn_ceiling_mark import GROUP, filled

pytestmark = pytest.mark.libreoffice


def test_the_confirmed_matrix_takes_a_plan_across_the_withdrawal(tmp_path: Path) -> None:
    require_uno()
    require_soffice()
    changed = withdrawn_catalogue(tmp_path / "catalogue")
    template = write_workbook(changed, tmp_path / "veidne.xlsx", None, BASE_CONFIRMED)
    cases = dict(plan_change_cases(changed))
    base = cases["bez"]  # one individual session, no item that changes
    plans = {"pari-atsauksanai": dataclasses.replace(base, period_start=dt.date(2027, 2, 1), months=2),
             "pari-citam-b": dataclasses.replace(base, period_start=dt.date(2027, 4, 1), months=2)}
    paths = []
    for name, inputs in plans.items():
        wb = load_workbook(template)
        fill(wb, inputs, recipient_labels(changed), municipality=MUNICIPALITIES[0])
        wb.save(tmp_path / f"{name}.xlsx")
        paths.append(tmp_path / f"{name}.xlsx")
    values = dict(zip(plans, recalculated_values(paths, profile=make_profile(tmp_path / "profile")), strict=True))
    params = Params.from_catalogue(changed, BASE_CONFIRMED)
    for name, inputs in plans.items():
        expected = evaluate_workbook(inputs, params)
        refused = [f for f in expected.findings if f.code == "prices_not_in_force"]
        assert bool(refused) == (name == "pari-citam-b"), (name, [f.message for f in refused])
        assert values[name]["Kludas"] == expected.errors, (name, values[name]["Kludas"], expected.errors)
        status = str(values[name]["Statuss_Tiesibas"])
        if name == "pari-atsauksanai":  # across BASE_WITHDRAWN: no „mainās”, no other matrix advised
            assert " mainās " not in status and "ibm matrix" not in status, status
        else:  # across B's other amount: the change's day, not the withdrawal's
            assert f"no {BASE_CHANGE:%d.%m.%Y} mainās" in status and f"{BASE_WITHDRAWN:%d.%m.%Y}" not in status, status


@pytest.fixture(scope="module")
def base_withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, dict[str, tuple[Path, object]]]:
    """The matrices of B's confirmation day made the day before B's withdrawal („pirms”) and on its day
    („atsaukts”), each filled with one plan without B typed („bez-b”) and with the catalogue's B typed into 6.11
    („ar-b”): four files recalculated in one LibreOffice run, by name – (path, recalculated values)."""
    require_uno()
    require_soffice()
    folder = tmp_path_factory.mktemp("b-atsaukts")
    changed = withdrawn_catalogue(folder / "catalogue")
    plain = dataclasses.replace(dict(plan_change_cases(changed))["bez"], period_start=dt.date(2027, 1, 1), months=2)
    typed = dataclasses.replace(plain, base=Decimal(changed.programme.base_amount.at(BASE_CONFIRMED).value))
    paths = []
    for name, on in (("pirms", BASE_WITHDRAWN - dt.timedelta(days=1)), ("atsaukts", BASE_WITHDRAWN)):
        made = write_workbook(changed, folder / f"veidne-{name}.xlsx", None, BASE_CONFIRMED, made_on=on)
        for kind, inputs in (("bez-b", plain), ("ar-b", typed)):
            wb = load_workbook(made)
            fill(wb, inputs, recipient_labels(changed), municipality=MUNICIPALITIES[0])
            paths.append(folder / f"{kind}-{name}.xlsx")
            wb.save(paths[-1])
    values = recalculated_values(paths, profile=make_profile(folder / "profile"))
    return changed, {path.stem: (path, found) for path, found in zip(paths, values, strict=True)}


def test_a_matrix_made_after_the_withdrawal_prints_b_as_unconfirmed(base_withdrawn) -> None:  # noqa: ANN001
    """D318: the matrix of B's confirmation day made on the withdrawal's day or later computes h_BazeProviz 1 – P, A
    and K blanks with the 6.4 and 6.5 notes, as the papers made that day (D301) – and the same money as the matrix
    made the day before, which prints B confirmed."""
    _, made = base_withdrawn
    (_, before), (_, after) = made["bez-b-pirms"], made["bez-b-atsaukts"]
    assert (before["h_BazeProviz"], after["h_BazeProviz"]) == (0, 1)
    assert before["Bridinajums_Baze_65"] in ("", None) and after["Bridinajums_Baze_65"] == ANNEX_BASE_BLANK
    assert before["Bridinajums_Baze_64"] in ("", None) and after["Bridinajums_Baze_64"] == BASE_PROVISIONAL_SHORT
    for name in ("IB_Provizoriskais", "IB_Pieejamais", "IB_Kopejais", "Kludas"):  # the money is the same
        assert before[name] == after[name], (name, before[name], after[name])


def test_b_typed_after_the_withdrawal_is_the_catalogues_unconfirmed_b(base_withdrawn) -> None:  # noqa: ANN001
    """D319: 6.11's parameter table shows a B withdrawn by the day the matrix is made „jāprecizē”, so the catalogue's
    B typed into 6.11 is its unconfirmed B (D257: a warning, P/A/K blanks) – the counts the reference computes from
    the matrix as `ibm collect` reads it –; the matrix made the day before shows B „apstiprināts”, and the same B
    typed there is the ministry's, without a warning."""
    changed, made = base_withdrawn
    (before_path, before), (after_path, after) = made["ar-b-pirms"], made["ar-b-atsaukts"]
    paths = [before_path, after_path]
    assert (before["Param_BazesStatuss"], after["Param_BazesStatuss"]) == (PriceStatus.confirmed.value,
                                                                          PriceStatus.to_verify.value)
    assert (before["h_BazeProviz"], after["h_BazeProviz"]) == (0, 1)
    assert after["Bridinajumi"] == before["Bridinajumi"] + 1  # D257's warning of the unconfirmed B typed
    sources = [next(v for sheet, rc, v in values.all_values() if sheet == "6.11" and rc == (PARAM_FIRST, 6))
               for values in (before, after)]
    gone = changed.programme.base_amount.at(BASE_WITHDRAWN).source  # the withdrawing entry's
    assert gone not in sources[0] and f"no {BASE_WITHDRAWN:%d.%m.%Y} atkal „jāprecizē”: {gone}" == sources[1], sources
    for path, values in zip(paths, (before, after), strict=True):
        child, problems = read_child(Matrix.open(path), changed, strict=False)
        assert child is not None, problems
        expected = evaluate_workbook(child.inputs, child.params(changed))
        assert (values["Kludas"], values["Bridinajumi"]) == (expected.errors, expected.warnings), path.stem


REGULATED_PLAN = (("3.1.2i", 3, Decimal("10.00")), (REGULATED, 12, None))  # None: the price the matrix prefills
WITHDRAWN_ON = {"pirms": -1, "atsaukts": 0}  # days from the withdrawal the matrices are made on


# REGULATED_PLAN and a line without a price (0,00: h_CenaNeapst 1 too, a rule error) of a row the matrix does not mark
MIXED_PLAN = (*REGULATED_PLAN, ("3.1.3i", 3, Decimal("0.00")))


def _regulated_child(changed: Catalogue, template: Path, folder: Path,
                     plan: tuple[tuple[str, int, Decimal | None], ...] = REGULATED_PLAN) -> Path:
    """One individual session and 2.1 at the price the matrix prefills (``plan``), in the three months from
    COMPANION_CHANGE (the round's first reporting period, before B's other amount), with fictional people, filled into
    ``template``."""
    offers = {o.id: o for o in changed.offers(COMPANION_CHANGE)}
    lines = tuple(line_from_offer(offers[item], units, unit_price=offers[item].prefill_price if price is None
                                  else price, expert_rank=1, parent_rank=i + 1, planned_units=[units // 3] * 3)
                  for i, (item, units, price) in enumerate(plan))
    inputs = WorkbookInputs(dt.date(2015, 5, 17), COMPANION_CHANGE, 3, False, "kustību", lines)
    people = People(child_name="Ilze Paraugs", child_code="170515-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra",
                    providers={"3.1.2i": "SIA Izdomātā Terapija", REGULATED: "Izdomātais Pavadonis",
                               "3.1.3i": "SIA Izdomātā Terapija"})
    [child] = write_children(changed, template, [Child(0, MUNICIPALITIES[0], people, inputs)], folder,
                             by_municipality=False)
    assert child.path is not None
    return child.path


@pytest.fixture(scope="module")
def withdrawals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Catalogue, dict[str, Path], list]]:
    """One LibreOffice run for the withdrawn 6.8 rows (D319): by kind – „griesti” (the group ceiling's transport part,
    ceiling_withdrawn_catalogue) and „cena” (2.1's regulated price, price_withdrawn_catalogue) – the catalogue, the
    filled matrices of the confirmation day made the day before the withdrawal („pirms”) and on its day („atsaukts”),
    and their recalculated values; for „cena” also the printed 6.5 of each (by „6.5-pirms”, „6.5-atsaukts”)."""
    require_uno()
    require_soffice()
    root = tmp_path_factory.mktemp("atsauktas-rindas")
    ceiling = ceiling_withdrawn_catalogue(root / "griesti" / "catalogue")
    price = price_withdrawn_catalogue(root / "cena" / "catalogue")
    made: dict[str, dict[str, Path]] = {"griesti": {}, "cena": {}}
    for name, shift in WITHDRAWN_ON.items():
        on = CEILING_WITHDRAWN + dt.timedelta(days=shift)
        template = write_workbook(ceiling, root / "griesti" / f"veidne-{name}.xlsx", None, CEILING_CONFIRMED,
                                  made_on=on)
        made["griesti"][name] = filled(ceiling, template, root / "griesti" / f"{name}.xlsx")
        on = PRICE_WITHDRAWN + dt.timedelta(days=shift)
        template = write_workbook(price, root / "cena" / f"veidne-{name}.xlsx", None, COMPANION_CHANGE, made_on=on)
        made["cena"][name] = _regulated_child(price, template, root / "cena" / name)
    # D334: on the withdrawal's day also a plan whose open prices are the withdrawn one and a line without a price
    made["cena"]["jaukts"] = _regulated_child(price, template, root / "cena" / "jaukts", MIXED_PLAN)
    # 6.5 printed from a copy of each „cena” matrix (a file read in the run is not printed a sheet apart)
    prints = {}
    for name, path in [(n, p) for n, p in made["cena"].items() if n in WITHDRAWN_ON]:
        copy = root / "cena" / f"druka-{name}.xlsx"
        shutil.copyfile(path, copy)
        prints[copy] = [("6.5", root / "cena" / f"6.5-{name}.pdf")]
        made["cena"][f"6.5-{name}"] = root / "cena" / f"6.5-{name}.pdf"
    read = [made[kind][name] for kind in ("griesti", "cena") for name in WITHDRAWN_ON] + [made["cena"]["jaukts"]]
    records = print_sheets(prints, profile=make_profile(root / "profile"), read=read)
    values = [named_values(record) for record in records]
    return {"griesti": (ceiling, made["griesti"], values[:2]), "cena": (price, made["cena"], values[2:4]),
            "jaukts": (price, made["cena"], values[4:])}


def test_a_matrix_made_after_a_ceilings_withdrawal_warns_of_it(withdrawals) -> None:  # noqa: ANN001
    """D319: the matrix of a group ceiling's confirmation day made on the day the catalogue puts it back to
    „jāprecizē” (the same amount) shows the group session's ceiling „jāprecizē no …” and warns of its plan line as of
    an unconfirmed ceiling (h_Pak_GriestiNeapst, one more warning than the matrix made the day before) – the same
    counts as the reference computes from each matrix as `ibm collect` and `ibm documents --from-matrix` read it –,
    and the same money."""
    changed, made, (before, after) = withdrawals["griesti"]
    paths = [made[name] for name in WITHDRAWN_ON]
    row = Layout.cat_first + [o.id for o in changed.offers(CEILING_CONFIRMED)].index(GROUP)
    status = {values.path.stem: next(v for sheet, rc, v in values.all_values() if sheet == "6.8" and rc == (row, 7))
              for values in (before, after)}
    assert status == {"pirms": PriceStatus.confirmed.value,
                      "atsaukts": f"{PriceStatus.to_verify.value} no {CEILING_WITHDRAWN:%d.%m.%Y}"}, status
    assert (sum(before["f_GriestiNeapst"]), sum(after["f_GriestiNeapst"])) == (0, 1)
    assert after["Bridinajumi"] == before["Bridinajumi"] + 1
    for path, values in zip(paths, (before, after), strict=True):
        child, problems = read_child(Matrix.open(path), changed, strict=False)
        assert child is not None, problems
        expected = evaluate_workbook(child.inputs, child.params(changed))
        assert (values["Kludas"], values["Bridinajumi"]) == (expected.errors, expected.warnings), path.stem
    for name in ("IB_Provizoriskais", "IB_Pieejamais", "IB_Kopejais", "Kludas"):  # the money is the same
        assert before[name] == after[name], (name, before[name], after[name])


AMOUNTS = ("IB_Provizoriskais", "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais", "Plans_Cena", "Plans_Summa",
           "Plans_NoIB")


def _decimal(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_decimal(v) for v in value]
    return None if value in (None, "") else Decimal(str(value)).quantize(Decimal("0.01"))


def _printed_line(pdf: Path, label: str) -> str:
    page = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return next(line for line in page.splitlines() if label in line)


def test_a_regulated_price_withdrawn_prints_as_a_blank(withdrawals) -> None:  # noqa: ANN001
    """D302, D318, D319 for a regulated price – the figure the matrix prefills (2.1), „apstiprināts” on the matrix's
    prices day and „jāprecizē” again at the same amount from a later day: the matrix made on that day shows 6.8's
    status „jāprecizē no …”, keeps the price's line as one of an unconfirmed price (h_CenaNeapst 1) and prints the
    line's price in the signed 6.5 as a blank, with 6.5's note; one more warning than the matrix made the day
    before, and the counts and the amounts the reference computes from each matrix as `ibm collect` and `ibm
    documents --from-matrix` read it (the money is the same); 6.11's note names the withdrawal and its day."""
    changed, made, (before, after) = withdrawals["cena"]
    offers = {o.id: o for o in changed.offers(COMPANION_CHANGE)}
    figure = lvformat.eur(offers[REGULATED].prefill_price).replace(lvformat.NBSP, " ").removesuffix(" EUR")
    assert offers[REGULATED].ceiling_status is PriceStatus.confirmed and figure == "5,50"
    row = Layout.cat_first + list(offers).index(REGULATED)
    status = {name: next(v for sheet, rc, v in values.all_values() if sheet == "6.8" and rc == (row, 7))
              for name, values in (("pirms", before), ("atsaukts", after))}
    assert status == {"pirms": PriceStatus.confirmed.value,
                      "atsaukts": f"{PriceStatus.to_verify.value} no {PRICE_WITHDRAWN:%d.%m.%Y}"}, status
    assert (list(before["h_CenaNeapst"])[:2], list(after["h_CenaNeapst"])[:2]) == ([0, 0], [0, 1])
    # D334: the withdrawn price's note says „atkal”, not „vēl”: it was confirmed
    assert before["Bridinajums_Baze_65"] in ("", None) and after["Bridinajums_Baze_65"] == ANNEX_PRICE_AGAIN
    assert after["Bridinajumi"] == before["Bridinajumi"] + 1
    # the signed 6.5 as printed: the withdrawn price a blank, the day before the figure; the other line's price stays
    label = offers[REGULATED].label
    printed = {name: _printed_line(made[f"6.5-{name}"], label) for name in WITHDRAWN_ON}
    assert figure in printed["pirms"] and "______" not in printed["pirms"], printed
    assert figure not in printed["atsaukts"] and "______" in printed["atsaukts"], printed
    for name, values in (("pirms", before), ("atsaukts", after)):
        child, problems = read_child(Matrix.open(made[name]), changed, strict=False)
        assert child is not None, problems
        expected = evaluate_workbook(child.inputs, child.params(changed))
        assert (values["Kludas"], values["Bridinajumi"]) == (expected.errors, expected.warnings), name
        assert expected.errors == 0, [f.message for f in expected.findings]
        wanted = expected.named_values()
        for amount in AMOUNTS:
            got = values[amount]
            got = _decimal(list(got)[:len(REGULATED_PLAN)] if isinstance(got, (list, tuple)) else got)
            want = wanted[amount]
            want = _decimal(list(want)[:len(REGULATED_PLAN)] if isinstance(want, (list, tuple)) else want)
            assert got == want, (name, amount, got, want)
        # 6.11's note names the withdrawn price and the day it is „jāprecizē” again from
        note = next(v for sheet, rc, v in values.all_values() if sheet == "6.11" and rc == (8, 3))
        assert f"Katalogā no {PRICE_WITHDRAWN:%d.%m.%Y} " in note and f"„{label}” cena" in note, note
    for amount in AMOUNTS:  # the money is the same
        assert before[amount] == after[amount], amount


def test_the_65_note_of_withdrawn_and_other_open_prices(withdrawals) -> None:  # noqa: ANN001
    """D334: a plan whose open prices are the withdrawn one (a marked 6.8 row) and a line of an unmarked row without
    a price: 6.5's note says neither „vēl” nor „atkal” – the prices are not confirmed. The line's price is 0,00, no
    provider's price (D364): the note names that too, beside the withdrawn price LM has to confirm."""
    (mixed,) = withdrawals["jaukts"][2]
    assert list(mixed["h_CenaNeapst"])[:3] == [0, 1, 1], list(mixed["h_CenaNeapst"])[:3]
    note = mixed["Bridinajums_Baze_65"]
    assert note == ANNEX_NO_PRICE_MORE, note
    assert " vēl " not in note and "atkal" not in note, note


def test_the_papers_print_a_withdrawn_regulated_price_as_a_blank(withdrawals, tmp_path: Path) -> None:  # noqa: ANN001
    """`ibm documents --from-matrix` on the withdrawal's day, from the matrix made that day: the signed papers print
    the withdrawn regulated price – and the amounts it sets – as blanks, never the figure; the other line's price is
    a figure; the checklist names the withdrawal and its day."""
    changed, made, _ = withdrawals["cena"]
    offers = {o.id: o for o in changed.offers(COMPANION_CHANGE)}
    figure = lvformat.eur(offers[REGULATED].prefill_price)
    done = CliRunner().invoke(main, ["documents", "--catalogue", str(changed.root), "--from-matrix",
                                     str(made["atsaukts"]), "--out", str(tmp_path / "out"),
                                     "--day", PRICE_WITHDRAWN.strftime("%d.%m.%Y")],
                              env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert done.exit_code == 0, done.output
    [folder] = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
    label = offers[REGULATED].label
    # the price columns' headers name the unit, their cells hold the figure alone („Cena par vienību, EUR”)
    bare = normalise(lvformat.number(offers[REGULATED].prefill_price))
    for name in ("01-ligums-ar-vecaku", "05-iesniegums-par-sniedzejiem"):
        text = docx_text(folder / f"{name}.docx")
        assert normalise(figure) not in text and not re.search(rf"(?<![\d,]){re.escape(bare)}(?!\d)", text), name
        rows = [row for table in docx_tables(folder / f"{name}.docx") for row in table if label in " ".join(row)]
        priced = [row for row in rows if normalise(BLANK) in " ".join(row)]  # 01's 1. pielikums has no price column
        assert priced, (name, rows)
        assert re.search(r"(?<![\d,])10,00(?!\d)", text), name  # the confirmed line's price is a figure
    # the checklist says the price was confirmed and from which day it is „jāprecizē” again (D325), not „vēl”
    [said] = [line for line in (folder / "parskats.txt").read_text("utf-8").splitlines() if f"({label})" in line
              and "cena ir kataloga" in line]
    assert f"no {PRICE_WITHDRAWN:%d.%m.%Y} atkal ir „jāprecizē”" in said and "vēl neapstiprinātā" not in said, said


def test_a_long_withdrawing_source_is_computed_whole(tmp_path: Path) -> None:
    """6.11's source of a B withdrawn by the day the matrix is made, longer than one text constant holds, is put
    together from pieces (technical.text_constant): LibreOffice computes the whole text, never the confirming
    source."""
    require_uno()
    require_soffice()
    from generator.catalogue.loader import load_or_raise
    from generator.workbook.sheets.technical import FORMULA_TEXT_MAX

    root = tmp_path / "catalogue"
    withdrawn_catalogue(root)
    long = "Testa dati: B atkal jāprecizē – " + "; ".join(["garš „avota” apraksts"] * 20)
    assert len(long) > FORMULA_TEXT_MAX
    programme = root / "programme.yaml"
    programme.write_text(programme.read_text("utf-8").replace('"Testa dati: B atkal jāprecizē"', f"'{long}'"), "utf-8")
    changed = load_or_raise(root)
    path = write_workbook(changed, tmp_path / "atsaukts.xlsx", None, BASE_CONFIRMED, made_on=BASE_WITHDRAWN)
    (values,) = recalculated_values([path], profile=make_profile(tmp_path / "profile"))
    source = next(v for sheet, rc, v in values.all_values() if sheet == "6.11" and rc == (PARAM_FIRST, 6))
    assert source == f"no {BASE_WITHDRAWN:%d.%m.%Y} atkal „jāprecizē”: {long}", source
