"""D302, recalculated by LibreOffice: the matrix of B's confirmation day (B „apstiprināts” on its prices day), whose
catalogue later puts B back to „jāprecizē” at the same amount, takes a plan across that day – its D61 cells (6.11's
hidden days) end at B's other amount, not at the withdrawal – and refuses one across the other amount, as the
reference does (tests/plan_changes_catalogue.py, withdrawn_catalogue); and a matrix made after B's or a 6.8 ceiling's
withdrawal prints it unconfirmed (D318, D319)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import make_profile
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.layout import Layout
from generator.workbook.recalculated import recalculated_values
from generator.workbook.sheets.technical import PARAM_FIRST
from generator.workbook.texts import ANNEX_BASE_BLANK, BASE_PROVISIONAL_SHORT
from generator.workbook.writer import write_workbook
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_WITHDRAWN,
    CEILING_CONFIRMED,
    CEILING_WITHDRAWN,
    MUNICIPALITIES,
    ceiling_withdrawn_catalogue,
    plan_change_cases,
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


def test_a_matrix_made_after_a_ceilings_withdrawal_warns_of_it(tmp_path: Path) -> None:
    """D319: the matrix of a group ceiling's confirmation day made on the day the catalogue puts it back to
    „jāprecizē” (the same amount) shows the group session's ceiling „jāprecizē no …” and warns of its plan line as of
    an unconfirmed ceiling (h_Pak_GriestiNeapst, one more warning than the matrix made the day before) – the same
    counts as the reference computes from each matrix as `ibm collect` and `ibm documents --from-matrix` read it –,
    and the same money."""
    require_uno()
    require_soffice()
    changed = ceiling_withdrawn_catalogue(tmp_path / "catalogue")
    paths = [filled(changed, write_workbook(changed, tmp_path / f"veidne-{name}.xlsx", None, CEILING_CONFIRMED,
                                            made_on=on), tmp_path / f"{name}.xlsx")
             for name, on in (("pirms", CEILING_WITHDRAWN - dt.timedelta(days=1)), ("atsaukts", CEILING_WITHDRAWN))]
    before, after = recalculated_values(paths, profile=make_profile(tmp_path / "profile"))
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
