"""Pasted formulas, huge amounts, 0 children beside a pay and the questionnaire register's inputs in the report
workbooks (D266, D267), recalculated by LibreOffice in one call: a formula or a link in a number or date input is
refused in the matrix's words, a register amount above the catalogue's B is refused, 0 children beside a pay is a
counted warning naming its cell (the amounts shown), and register 24's inputs are checked with the counts waiting
for right ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports.annex_registers import (
    FILLED_BY,
    FIRST,
    QR_ERRORS,
    ROUNDS,
    questionnaire_names,
    write_questionnaire_register,
)
from generator.documents.reports.input_checks import DATE_LOGICAL, FORMULA_EXPECTED
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.register_checks import NO_CHILDREN_WITH_PAY, amount_bound
from generator.documents.reports.register_layout import S_BIP, S_CASH, S_REG
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.settlement_workbook import SHEET as S_SETTLE
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from generator.reference.params import Params
from generator.reference.settlement import settle
from generator.workbook.input_checks import FORMULA_MESSAGE
from tests.documents.test_report_input_checks import (
    GOOD_REGISTER,
    GOOD_SETTLEMENT,
    REGISTER_AMOUNTS,
    SETTLEMENT_AMOUNTS,
    SUMMARY,
    R,
    WithFormat,
    _check_refused,
    register_data,
)
from tests.documents.workbook_values import money, named

# case → (pasted values, the cell its message names, words of what is expected)
REGISTER_CASES = {
    "formula-summa": ({f"{S_REG}!L{R + 1}": "=20+20"}, (S_REG, f"L{R + 1}"), FORMULA_EXPECTED),
    # a link to another sheet (as to another workbook): its value follows the cell it names
    "saite-summa": ({f"{S_REG}!L{R + 1}": f"='{S_CASH}'!D7/125"}, (S_REG, f"L{R + 1}"), FORMULA_EXPECTED),
    "formula-daudzums": ({f"{S_REG}!K{R + 2}": "=2*2"}, (S_REG, f"K{R + 2}"), FORMULA_EXPECTED),
    "formula-dokumenta-datums": ({f"{S_REG}!D{R}": "=DATE(2018,10,28)"}, (S_REG, f"D{R}"), FORMULA_EXPECTED),
    "formula-menesis": ({f"{S_REG}!J{R}": "=DATE(2018,10,28)"}, (S_REG, f"J{R}"), FORMULA_EXPECTED),
    # a logical value in a date input is said as a date's, not as a number's
    "patiess-menesis": ({f"{S_REG}!J{R}": WithFormat(True)}, (S_REG, f"J{R}"), DATE_LOGICAL),
    "formula-berni": ({f"{S_CASH}!B8": "=10+10"}, (S_CASH, "B8"), FORMULA_EXPECTED),
    "formula-sanemts": ({f"{S_CASH}!D7": "=2500*2"}, (S_CASH, "D7"), FORMULA_EXPECTED),
    "formula-parametrs": ({"Param_BerniPilnai": "=10+10"}, (S_BIP, "Param_BerniPilnai"), FORMULA_EXPECTED),
    # no document's payment: 1E+15 pasted, a lost comma, a correction as huge (D267)
    "milzu-summa": ({f"{S_REG}!L{R + 1}": 1e15}, (S_REG, f"L{R + 1}"), "bērnu bāzes apmērs B periodā kopā"),
    "pazudis-komats": ({f"{S_REG}!L{R}": 150101.0}, (S_REG, f"L{R}"), "bērnu bāzes apmērs B periodā kopā"),
    "milzu-korekcija": ({f"{S_REG}!L{R + 3}": -1e15}, (S_REG, f"L{R + 3}"), "bērnu bāzes apmērs B periodā kopā"),
    # half a session of the row's physiotherapist (a unit counted whole, D256): nobody delivers it
    "daudzums-dala": ({f"{S_REG}!K{R + 2}": 4.5}, (S_REG, f"K{R + 2}"), "jābūt veselam skaitlim, jo šī pakalpojuma"),
}
SETTLEMENT_CASES = {
    "n-formula-alga": ({f"{S_SETTLE}!C9": "=1000+250"}, (S_SETTLE, "C9"), FORMULA_EXPECTED),
    "n-formula-berni": ({f"{S_SETTLE}!B9": "=13"}, (S_SETTLE, "B9"), FORMULA_EXPECTED),
    "n-formula-parametrs": ({"NR_NetiesasLikme": "=0.15"}, (S_SETTLE, "NR_NetiesasLikme"), FORMULA_EXPECTED),
}
QUESTIONNAIRES = "24 Aptauju reģistrs"
Q = FIRST + 1  # 1-based row of the register's first entry


def _questionnaire_row(catalogue: Catalogue) -> dict[str, object]:
    """One right entry of register 24 (an obviously fictional child's code)."""
    return {f"{QUESTIONNAIRES}!B{Q}": "B-01", f"{QUESTIONNAIRES}!C{Q}": questionnaire_names(catalogue)[0],
            f"{QUESTIONNAIRES}!D{Q}": ROUNDS[0], f"{QUESTIONNAIRES}!E{Q}": FILLED_BY[1],
            f"{QUESTIONNAIRES}!F{Q}": dt.datetime(2018, 10, 5), f"{QUESTIONNAIRES}!G{Q}": dt.datetime(2018, 10, 8),
            f"{QUESTIONNAIRES}!H{Q}": "Nē", f"{QUESTIONNAIRES}!I{Q}": "Jā"}


QUESTIONNAIRE_CASES = {
    "ar-karta-cita": ({f"D{Q}": "sakotneja"}, f"D{Q}", "jābūt kārtai no saraksta"),
    "ar-anketa-cita": ({f"C{Q}": "20. pielikums"}, f"C{Q}", "jābūt anketai no saraksta"),
    "ar-bez-koda": ({f"B{Q}": "  "}, f"B{Q}", "bērna identifikācijas kodam"),
    "ar-datums-teksts": ({f"F{Q}": "05.10.2018"}, f"F{Q}", "jābūt aizpildīšanas datumam"),
    "ar-datums-formula": ({f"F{Q}": "=DATE(2018,10,5)"}, f"F{Q}", FORMULA_EXPECTED),
    "ar-registrets-agrak": ({f"G{Q}": dt.datetime(2018, 10, 1)}, f"G{Q}", "nevar būt agrāks"),
    "ar-atzime-cita": ({f"H{Q}": "varbūt"}, f"H{Q}", "„Jā” vai „Nē”"),
    "ar-aizpilditajs-cits": ({f"E{Q}": "kaimiņš"}, f"E{Q}", "aizpildītājam no saraksta"),
}


def pasted_formula_cases(src: Path, catalogue: Catalogue, pending: Catalogue) -> dict[str, tuple[Path, dict]]:
    """The cases of test_pasted_formulas_…: each its source workbook (written in ``src``) and the values pasted
    into it; ``pending``: the catalogue with PENDING_KEYS `jāprecizē`. The session fixture ``pasted_reports``
    recalculates them with test_report_input_checks' in one LibreOffice run."""
    municipality = pending.pilot_municipalities()[0]
    data = register_data(catalogue)
    register = write_register_workbook(pending, municipality, src / "r.xlsx", data, cached=False)
    months = reg.settlement_inputs(data)
    settlement = write_settlement_workbook(pending, municipality, src / "n.xlsx", months,
                                           data.opening_balance, cached=False)
    questionnaires = write_questionnaire_register(catalogue, municipality, src / "a.xlsx")
    good_row = _questionnaire_row(catalogue)
    cases = {k: (register, {**GOOD_REGISTER, **v[0]}) for k, v in REGISTER_CASES.items()}
    cases |= {k: (settlement, {**GOOD_SETTLEMENT, **v[0]}) for k, v in SETTLEMENT_CASES.items()}
    # the first month's pay (1 501,01 in the register, 27's C9) beside 0 children: a warning, not an error (D266)
    cases["berni-0-ar-algu"] = (register, {**GOOD_REGISTER, f"{S_CASH}!B7": 0})
    cases["n-berni-0-ar-algu"] = (settlement, {**GOOD_SETTLEMENT, f"{S_SETTLE}!B9": 0})
    # 0 children in a month without pay: nothing to warn of
    cases["n-berni-0-bez-algas"] = (settlement, {**GOOD_SETTLEMENT, f"{S_SETTLE}!B9": 0, f"{S_SETTLE}!C9": 0})
    # an hour's service (a family assistant, the correction's too: the same support area) may be half an hour
    hours = next(o.label for o in catalogue.offers(catalogue.latest_date)
                 if o.service.unit not in catalogue.enums.whole_units and o.service.unit != "euro")
    cases["stundas-dala"] = (register, {**GOOD_REGISTER, f"{S_REG}!I{R + 2}": hours, f"{S_REG}!I{R + 3}": hours,
                                        f"{S_REG}!K{R + 2}": 4.5})
    cases["ar-labs"] = (questionnaires, good_row)
    cases |= {k: (questionnaires, {**good_row, **{f"{QUESTIONNAIRES}!{c}": v for c, v in values.items()}})
              for k, (values, _, _) in QUESTIONNAIRE_CASES.items()}
    return cases


@pytest.mark.libreoffice
@pytest.mark.xdist_group("documents-lo")
def test_pasted_formulas_huge_amounts_zero_children_and_register_24(catalogue: Catalogue, pasted_reports) -> None:
    sources, outputs = pasted_reports.cases("pasted_formulas")
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    data = register_data(catalogue)
    months = reg.settlement_inputs(data)

    assert FORMULA_EXPECTED == FORMULA_MESSAGE  # the matrix's words (D140)
    for case, (_, cell, words) in REGISTER_CASES.items():
        _check_refused(outputs[case], sources[case], cell, words, REGISTER_AMOUNTS, "Kludu_Skaits",
                       (S_REG, S_CASH), case)
    for case, (_, cell, words) in SETTLEMENT_CASES.items():
        _check_refused(outputs[case], sources[case], cell, words, SETTLEMENT_AMOUNTS, "NR_Kludas", (S_SETTLE,), case)
    # the bound is the catalogue's B, named with its figure
    bound = amount_bound(catalogue)
    assert bound is not None
    line = outputs["milzu-summa"][S_REG][SUMMARY[S_REG]].value
    assert bound.expected in line, line

    half_hour = outputs["stundas-dala"]
    assert named(half_hour, "Kludu_Skaits") == [0], half_hour[S_REG][SUMMARY[S_REG]].value
    # 0 children beside a pay: counted and named, no error, the amounts shown – the pay's share 0 (D266)
    expected = reg.settlement(data, params)
    wb = outputs["berni-0-ar-algu"]
    assert named(wb, "Kludu_Skaits") == [0] and named(wb, "NP_Bridinajumi") == [1]
    line = wb[S_CASH][SUMMARY[S_CASH]].value
    assert line == f"Brīdinājums: '{S_CASH}'!B7 – {NO_CHILDREN_WITH_PAY}", line
    pay = named(wb, "NP_Atlidziba")
    assert money(pay[0]) == 0 and money(pay[1]) == expected.months[1].amounts.pay, pay
    n_zero = outputs["n-berni-0-ar-algu"]
    assert named(n_zero, "NR_Kludas") == [0] and named(n_zero, "NR_Bridinajumi") == [1]
    assert n_zero[S_SETTLE][SUMMARY[S_SETTLE]].value == f"Brīdinājums: '{S_SETTLE}'!B9 – {NO_CHILDREN_WITH_PAY}"
    zero_months = [dataclasses.replace(months[0], children=0), *months[1:]]
    result = settle(zero_months, params, data.opening_balance)
    assert [money(v) for v in named(n_zero, "NR_Kopa")] == [m.amounts.total for m in result.months]
    assert money(named(n_zero, "NR_Atlidziba")[0]) == 0
    quiet = outputs["n-berni-0-bez-algas"]
    assert named(quiet, "NR_Kludas") == [0] and named(quiet, "NR_Bridinajumi") == [0]
    assert quiet[S_SETTLE][SUMMARY[S_SETTLE]].value in (None, "")

    # register 24: a right entry counted, no message; each wrong input named, the counts waiting
    good = outputs["ar-labs"]
    assert named(good, QR_ERRORS) == [0]
    counts = named(good, "AR_Skaits")
    assert counts[0] == 1 and set(counts[1:]) == {0}, counts
    for case, (_, cell, words) in QUESTIONNAIRE_CASES.items():
        wb = outputs[case]
        where = f"Kļūda: '{QUESTIONNAIRES}'!{cell} – "
        assert named(wb, QR_ERRORS) == [1], case
        line = wb["Kopsavilkums"][f"A{5 + len(questionnaire_names(catalogue))}"].value
        assert line.startswith("Ievades kļūdas 1 rindā vai šūnā ") and where in line, f"{case}: {line!r}"
        assert words in line.split(where, 1)[1], f"{case}: {line!r}"
        assert set(named(wb, "AR_Skaits")) == {PENDING}, case
