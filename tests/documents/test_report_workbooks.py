"""Report workbooks (26/28/29/30 and 31): LibreOffice recalculates random registers, and every monthly,
quarterly and total amount equals the reference settlement (generator.reference.settlement) to the cent."""

from __future__ import annotations

import datetime as dt
import os
import random
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports.activity import ACTIVITIES, FIRST_MONTH_COL, write_activity_report
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.register_layout import QUARTERS_TOTAL
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from generator.recalc import convert, make_profile, soffice
from generator.reference.params import Params
from generator.reference.settlement import BIP_PAY, BIP_SBS, Settlement, month_params, settle
from tests.documents.month_settings_catalogue import (
    CHANGES,
    RATE_FROM,
    fill_register_template,
    fill_settlement_template,
    with_changes,
)
from tests.documents.pending_parameters import fill_named, mark_pending
from tests.documents.register_sample import random_register, register_sample
from tests.documents.workbook_values import money, named, recalculated_books

SEED = int(os.environ.get("IBM_TEST_SEED", random.SystemRandom().randrange(1 << 30)))


def check_against_reference(wb: openpyxl.Workbook, expected: Settlement, where: str) -> None:
    months = expected.months
    columns = {"NP_Atlidziba": lambda m: m.amounts.pay, "NP_Transports": lambda m: m.amounts.transport,
               "NP_SBS": lambda m: m.amounts.sbs, "NP_Netiesas": lambda m: m.amounts.indirect,
               "NP_Kopa": lambda m: m.amounts.total, "NP_AtlikumsSakuma": lambda m: m.opening_balance,
               "NP_AtlikumsBeigas": lambda m: m.closing_balance}
    for name, get in columns.items():
        got = [money(v) for v in named(wb, name)]
        assert got == [get(m) for m in months], f"{where}: {name}"
    assert [v.date() for v in named(wb, "NP_Termins")] == [m.due for m in months], f"{where}: NP_Termins"
    quarters = expected.quarters
    qcolumns = {"CP_Atlidziba": lambda q: q.amounts.pay, "CP_Transports": lambda q: q.amounts.transport,
                "CP_SBS": lambda q: q.amounts.sbs, "CP_Netiesas": lambda q: q.amounts.indirect,
                "CP_Kopa": lambda q: q.amounts.total, "CP_Sanemts": lambda q: q.receipts}
    assert named(wb, "CP_Gads") == [q.year for q in quarters]
    assert named(wb, "CP_Ceturksnis") == [q.quarter for q in quarters]
    for name, get in qcolumns.items():
        assert [money(v) for v in named(wb, name)] == [get(q) for q in quarters], f"{where}: {name}"
    assert [v.date() for v in named(wb, "CP_Termins")] == [q.due for q in quarters], f"{where}: CP_Termins"
    totals = {"Kopa_Atlidziba": expected.totals.pay, "Kopa_Transports": expected.totals.transport,
              "Kopa_SBS": expected.totals.sbs, "Kopa_Netiesas": expected.totals.indirect,
              "Kopa_Izdevumi": expected.totals.total, "Kopa_Sanemts": expected.receipts,
              "Kopa_AtlikumsBeigas": expected.closing_balance}
    for name, value in totals.items():
        assert money(named(wb, name)[0]) == value, f"{where}: {name}"
    # Result indicators: SBS by support area adds up to the quarter's BIP 1.3.
    area_sums = [named(wb, f"RR_SBS_Joma{a}") for a in (1, 2, 3)]
    for i, q in enumerate(quarters):
        assert sum(money(col[i]) for col in area_sums) == q.amounts.sbs, f"{where}: rādītāji {q.year}/{q.quarter}"
    # their total row adds up each column over the quarters (audit30 F4): per area, and all areas the period's BIP 1.3
    area_totals = [money(named(wb, f"RR_Kopa_SBS_Joma{a}")[0]) for a in (1, 2, 3)]
    assert area_totals == [sum(money(v) for v in col) for col in area_sums], f"{where}: rādītāju kopsumma"
    assert sum(area_totals) == expected.totals.sbs, f"{where}: rādītāju kopsumma"
    (sheet, ref), = wb.defined_names["RR_SBS_Joma1"].destinations
    rows = wb[sheet][ref.replace("$", "")]
    for a, name in enumerate(("RR_Kopa_Dokumenti_Joma1", "RR_Kopa_Dokumenti_Joma2", "RR_Kopa_Dokumenti_Joma3",
                              "RR_Kopa_Izvertesanas")):
        column = [wb[sheet].cell(row[0].row, row[0].column + 3 + a).value for row in rows]
        assert named(wb, name)[0] == sum(v or 0 for v in column), f"{where}: {name}"


def test_empty_template_caches_the_reference_values(tmp_path: Path, catalogue: Catalogue) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    data = reg.empty_register(catalogue)
    inside = reg.report_periods(catalogue, dt.date(2019, 1, 1))  # a build date while the round runs
    assert inside.dated and list(inside.months) == [m.month for m in data.months]
    path = write_register_workbook(catalogue, municipality, tmp_path / "tukss.xlsx", build_date=dt.date(2019, 1, 1))
    wb = openpyxl.load_workbook(path, data_only=True)
    expected = reg.settlement(data, Params.from_catalogue(catalogue, catalogue.latest_date))
    check_against_reference(wb, expected, "tukšā veidne")
    assert named(wb, "NP_Berni") == [m.children for m in data.months]
    assert named(wb, "Param_BerniPilnai") == [catalogue.programme.social_worker_children.at(
        catalogue.latest_date).value]


@pytest.mark.parametrize("build_day", [dt.date(2019, 1, 1), dt.date(2030, 1, 1)], ids=["kartas-laika", "beigusies"])
def test_the_result_indicators_have_a_locked_total_row(tmp_path: Path, catalogue: Catalogue,
                                                       build_day: dt.date) -> None:
    """audit30 F4: 30's „Rezultatīvie rādītāji” had no total, unlike the spending table above it; now a locked row
    under its last quarter sums each amount and count over the quarters (dated, and typed quarters after the round),
    and leaves the counts of people at a quarter's end without a sum."""
    municipality = catalogue.pilot_municipalities()[0]
    path = write_register_workbook(catalogue, municipality, tmp_path / "30.xlsx", build_date=build_day)
    wb = openpyxl.load_workbook(path)
    (sheet, ref), = wb.defined_names["RR_SBS_Joma1"].destinations
    ws = wb[sheet]
    first, last = (int("".join(ch for ch in part if ch.isdigit())) for part in ref.split(":"))
    total = last + 1
    assert ws.cell(total, 1).value == QUARTERS_TOTAL and f"A{total}:B{total}" in {str(r) for r in ws.merged_cells.ranges}
    for col in range(3, 3 + 7):  # SBS EUR and documents in areas 1–3, evaluations (C:I)
        letter = openpyxl.utils.get_column_letter(col)
        cell = ws.cell(total, col)
        assert f"SUM({letter}{first}:{letter}{last})" in str(cell.value), f"{cell.coordinate}: {cell.value}"
        assert cell.protection.locked and (cell.font.b or col >= 6), cell.coordinate  # amounts bold, as above
    for col in (10, 11):  # children at the quarter's end, parents who received SBS: no sum
        assert ws.cell(total, col).value is None and ws.cell(total, col).protection.locked
    # it prints: inside the print area, above the signatures
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    assert int(area.split("$")[-1]) > total + 1
    assert ws.cell(total + 2, 1).value == "Sagatavoja (vārds, uzvārds, amats)"


def test_register_accepts_negative_corrections_only_as_such(catalogue: Catalogue) -> None:
    month = dt.date(2018, 9, 1)
    with pytest.raises(ValueError, match="korekcija"):
        reg.RegisterRow(bip=BIP_SBS, month=month, amount=Decimal("-5"), doc_type="rēķins")
    # a correction only lowers the costs: a forgotten minus sign is refused, not added (audit30 F1, D245)
    for amount, units, field in ((Decimal("15"), None, "summa 15"), (Decimal(0), None, "summa 0"),
                                 (Decimal("-15"), Decimal(1), "daudzums 1")):
        with pytest.raises(ValueError, match=f"korekcijas {field} "):  # the message names the wrong field
            reg.RegisterRow(bip=BIP_SBS, month=month, amount=amount, units=units, doc_type=reg.CORRECTION)
    data = reg.empty_register(catalogue)
    rows = (reg.RegisterRow(bip=BIP_SBS, month=month, amount=Decimal("40.00"), doc_type="rēķins"),
            reg.RegisterRow(bip=BIP_SBS, month=month.replace(day=20), amount=Decimal("-15.50"),
                            doc_type=reg.CORRECTION))
    inputs = reg.settlement_inputs(reg.RegisterData(months=data.months, rows=rows))
    assert next(m for m in inputs if m.month == month).sbs_payments == Decimal("24.50")
    too_much = rows + (reg.RegisterRow(bip=BIP_SBS, month=month, amount=Decimal("-30"), doc_type=reg.CORRECTION),)
    with pytest.raises(ValueError, match="09.2018 BIP 1.3 korekcijas"):
        reg.settlement_inputs(reg.RegisterData(months=data.months, rows=too_much))


def test_register_rejects_an_unknown_position_and_a_month_outside_the_pilot(catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="BIP"):
        reg.RegisterRow(bip="1.4", month=dt.date(2018, 9, 1), amount=Decimal(1))
    data = reg.empty_register(catalogue)
    outside = reg.RegisterRow(bip=BIP_PAY, month=dt.date(2030, 1, 5), amount=Decimal(1))
    with pytest.raises(ValueError, match="mēnesis 01.2030"):
        reg.settlement_inputs(reg.RegisterData(months=data.months, rows=(outside,)))


@pytest.mark.libreoffice
@pytest.mark.xdist_group("documents-lo")
def test_random_registers_recalculated_in_libreoffice_equal_the_reference(
        tmp_path: Path, catalogue: Catalogue, catalogue_copy: Path) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    rng = random.Random(SEED + 1)  # the other random inputs; the registers come from the pool of SEED
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    municipalities = catalogue.pilot_municipalities()
    sources, expected, pool_index = [], [], []
    for i, data in register_sample(SEED, catalogue, params):  # every kind of the pool (all of it with IBM_FULL=1)
        municipality = municipalities[i % len(municipalities)]
        sources.append(write_register_workbook(catalogue, municipality, tmp_path / "in" / f"registrs-{i:02d}.xlsx",
                                               data, cached=False))
        expected.append(reg.settlement(data, params))
        pool_index.append(i)
    # The activity report: counts typed with openpyxl, totals by LibreOffice.
    activity = write_activity_report(catalogue, municipalities[0], tmp_path / "sd.xlsx")
    wb = openpyxl.load_workbook(activity)
    ws = wb.worksheets[0]
    (_, ref), = wb.defined_names["SD_Darbibas"].destinations
    # a template made after the round has blank month headings: counts need their month (activity.month_check)
    headings = ws[ref.replace("$", "").split(":")[0]].row - 1
    for k, cell in enumerate(ws[headings][FIRST_MONTH_COL:FIRST_MONTH_COL + len(ws[ref.replace("$", "")][0])]):
        if cell.value is None:
            cell.value = dt.datetime(2030 + k // 12, k % 12 + 1, 1)
    typed = []
    for row in ws[ref.replace("$", "")]:
        counts = [rng.randrange(0, 9) for _ in row]
        for cell, count in zip(row, counts, strict=True):
            cell.value = count
        typed.append(sum(counts))
    wb.save(tmp_path / "in" / "sd-aizpildita.xlsx")
    sources.append(tmp_path / "in" / "sd-aizpildita.xlsx")
    # A `jāprecizē` parameter: its blank left empty, then filled with the figure the catalogue will confirm.
    pending = mark_pending(catalogue_copy)
    data = random_register(rng, catalogue)
    blank = write_register_workbook(pending, municipalities[0], tmp_path / "in" / "japrecize.xlsx", data,
                                    cached=False)
    filled = fill_named(blank, tmp_path / "in" / "japrecize-aizpildits.xlsx",
                        {"Param_BerniPilnai": params.social_worker_children,
                         "Param_CeturksnaDiena": params.quarterly_report_day})
    sources += [blank, filled]
    # A setting changed inside the round (D201): the workbooks as the program writes them for the round's months,
    # and templates made after the round with the months typed (nested IFs pick each month's setting).
    changed = with_changes(tmp_path / "mainas")
    changed_data = random_register(rng, changed)
    changed_months = reg.settlement_inputs(changed_data)
    changed_params = month_params(changed, Params.from_catalogue(changed, changed.latest_date))
    changed_reference = reg.settlement(changed_data, changed_params)
    changed_settlement = settle(changed_months, changed_params, changed_data.opening_balance)
    late = dt.date(2031, 1, 1)
    sources += [
        write_register_workbook(changed, municipalities[0], tmp_path / "in" / "mainas.xlsx", changed_data,
                                cached=False),
        fill_register_template(write_register_workbook(changed, municipalities[0], tmp_path / "in" / "m-tukss.xlsx",
                                                       cached=False, build_date=late),
                               tmp_path / "in" / "mainas-veidne.xlsx", changed, changed_data),
        write_settlement_workbook(changed, municipalities[0], tmp_path / "in" / "mainas-27.xlsx", changed_months,
                                  changed_data.opening_balance, cached=False),
        fill_settlement_template(write_settlement_workbook(changed, municipalities[0], tmp_path / "in" / "n-tukss.xlsx",
                                                           cached=False, build_date=late),
                                 tmp_path / "in" / "mainas-27-veidne.xlsx", changed_months,
                                 changed_data.opening_balance),
    ]
    # the later rate `jāprecizē`: its months wait for the blank, the months before it compute; filled, all do
    later_pending = with_changes(tmp_path / "japrecize-maina", pending=("indirect_cost_rate",))
    waiting_rate = write_register_workbook(later_pending, municipalities[0], tmp_path / "in" / "maina-japrecize.xlsx",
                                           changed_data, cached=False)
    sources += [waiting_rate, fill_named(waiting_rate, tmp_path / "in" / "maina-aizpildita.xlsx",
                                         {"Param_NetiesasLikme_2": float(CHANGES["indirect_cost_rate"][1])})]

    outputs = recalculated_books(sources, make_profile(tmp_path / "profile"))

    outputs, (rate_waits, rate_filled) = outputs[:-2], outputs[-2:]
    outputs, changed_books = outputs[:-4], outputs[-4:]
    where = f"iestatījumu maiņa kārtā (IBM_TEST_SEED={SEED})"
    rates = {m.month: changed_params(m.month).indirect_cost_rate for m in changed_months}
    assert len(set(rates.values())) == 2, where  # both rates are used: the months before and from the change
    for book, case in zip(changed_books[:2], ("veidne ar mēnešiem", "veidne pēc kārtas"), strict=True):
        check_against_reference(book, changed_reference, f"{where}, {case}")
    for book, case in zip(changed_books[2:], ("27 ar mēnešiem", "27 pēc kārtas"), strict=True):
        for name, get in (("NR_Atlidziba", lambda m: m.amounts.pay), ("NR_Netiesas", lambda m: m.amounts.indirect),
                          ("NR_Kopa", lambda m: m.amounts.total), ("NR_AtlikumsBeigas", lambda m: m.closing_balance)):
            got = [money(v) for v in named(book, name)]
            assert got == [get(m) for m in changed_settlement.months], f"{where}, {case}: {name}"
        assert money(named(book, "NRK_Norekins")[0]) == abs(changed_settlement.closing_balance), f"{where}, {case}"
    check_against_reference(rate_filled, changed_reference, f"{where}, aizpildīta jāprecizē likme")
    early = [m.month < RATE_FROM for m in changed_reference.months]
    waiting_indirect = named(rate_waits, "NP_Netiesas")
    assert [money(v) for v, e in zip(waiting_indirect, early, strict=True) if e] == \
        [m.amounts.indirect for m, e in zip(changed_reference.months, early, strict=True) if e], where
    assert {v for v, e in zip(waiting_indirect, early, strict=True) if not e} == {PENDING}, where

    outputs, (waiting, computed) = outputs[:-2], outputs[-2:]
    reference = reg.settlement(data, params)
    result = waiting
    assert named(result, "Param_BerniPilnai") == [None]
    for name in ("NP_Atlidziba", "NP_Netiesas", "NP_Kopa", "NP_AtlikumsBeigas", "CP_Atlidziba", "CP_Termins",
                 "Kopa_Atlidziba", "Kopa_Netiesas", "Kopa_Izdevumi", "Kopa_AtlikumsBeigas"):
        assert set(named(result, name)) == {PENDING}, f"neaizpildīts parametrs: {name} (IBM_TEST_SEED={SEED})"
    assert [money(v) for v in named(result, "NP_Transports")] == [m.amounts.transport for m in reference.months]
    check_against_reference(computed, reference,
                            f"aizpildīts parametrs (IBM_TEST_SEED={SEED})")

    for i, result, settlement in zip(pool_index, outputs[:-1], expected, strict=True):
        check_against_reference(result, settlement, f"reģistrs {i} (IBM_TEST_SEED={SEED})")
    activity_result = outputs[-1]
    totals = named(activity_result, "SD_Kopa")
    assert len(totals) == len(ACTIVITIES)
    assert totals == typed, f"IBM_TEST_SEED={SEED}"


@pytest.mark.libreoffice
@pytest.mark.xdist_group("documents-lo")
def test_values_read_over_uno_equal_the_saved_xlsx(tmp_path: Path, catalogue: Catalogue) -> None:
    """The proofs above read LibreOffice's values over UNO (recalculated_books); a register and the activity report
    saved by `soffice --convert-to` and read with openpyxl give the same sheets, names, cells and values."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    municipality = catalogue.pilot_municipalities()[0]
    sources = [write_register_workbook(catalogue, municipality, tmp_path / "in" / "registrs.xlsx",
                                       random_register(random.Random(SEED), catalogue), cached=False),
               write_activity_report(catalogue, municipality, tmp_path / "in" / "sd.xlsx")]
    profile = make_profile(tmp_path / "profile")
    for book, saved in zip(recalculated_books(sources, profile), convert(sources, tmp_path / "out", profile=profile),
                           strict=True):
        wb = openpyxl.load_workbook(saved, data_only=True)
        assert book.sheetnames == wb.sheetnames
        assert {n: list(d.destinations) for n, d in book.defined_names.items()} == \
               {n: list(d.destinations) for n, d in wb.defined_names.items() if not n.startswith("_xlnm")}
        for sheet in wb.sheetnames:
            mine = {c.coordinate: c.value for row in book[sheet].iter_rows() for c in row if c.value is not None}
            theirs = {c.coordinate: c.value for row in wb[sheet].iter_rows() for c in row if c.value is not None}
            assert mine and mine == theirs, f"{saved.name} {sheet} (IBM_TEST_SEED={SEED})"
