"""Annex workbooks (issue 16): the settlement with the municipality (27) and the quality questionnaire
summary (35–38) recalculated by LibreOffice equal generator.reference to the cent / hundredth; the
registers (24, 17) carry the catalogue's names and protected formulas."""

from __future__ import annotations

import os
import random
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.annex_registers import (
    FIRST,
    ROUNDS,
    questionnaire_names,
    write_provider_list,
    write_questionnaire_register,
)
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.questionnaire_workbooks import (
    count_name,
    mean_name,
    total_name,
    write_questionnaire_workbook,
)
from generator.documents.reports.settlement_workbook import default_months, write_settlement_workbook
from generator.recalc import convert, make_profile, soffice
from generator.reference.params import Params
from generator.reference.questionnaires import party_mean, stage_means
from generator.reference.settlement import Settlement, SettlementMonth, settle
from tests.documents.pending_parameters import fill_named, mark_pending
from tests.documents.workbook_values import money, named

SEED = int(os.environ.get("IBM_TEST_SEED", random.SystemRandom().randrange(1 << 30)))
SETTLEMENTS = 25
QUESTIONNAIRES = 15


def random_months(rng: random.Random, catalogue: Catalogue) -> tuple[list[SettlementMonth], Decimal]:
    months = []
    for i, base in enumerate(default_months(catalogue)):
        pay = Decimal(rng.randrange(50_000, 200_000) * 2 + rng.choice([0, 1])) / 100  # odd cents: half-cent shares
        months.append(SettlementMonth(
            month=base.month,
            children=rng.choice([0, 1, 7, 9, 10, 11, 19, 20, 21, 25]),
            sw_gross_pay=pay if rng.random() < 0.9 else Decimal(0),
            sw_transport=Decimal(rng.randrange(0, 30_000)) / 100,
            sbs_payments=Decimal(rng.randrange(0, 900_000)) / 100,
            receipts=Decimal(rng.randrange(2_000_000, 6_000_000)) / 100 if i == 0 else
            Decimal(rng.choice([0, 0, rng.randrange(0, 1_500_000)])) / 100,
            employment_contract=rng.random() < 0.8,
        ))
    return months, Decimal(rng.choice([0, rng.randrange(0, 500_000)])) / 100


def check_settlement(wb: openpyxl.Workbook, expected: Settlement, where: str) -> None:
    columns = {"NR_Atlidziba": lambda m: m.amounts.pay, "NR_Netiesas": lambda m: m.amounts.indirect,
               "NR_Kopa": lambda m: m.amounts.total, "NR_AtlikumsBeigas": lambda m: m.closing_balance}
    for name, get in columns.items():
        assert [money(v) for v in named(wb, name)] == [get(m) for m in expected.months], f"{where}: {name}"
    assert [Decimal(str(round(v, 10))) for v in named(wb, "NR_Dala")] == \
        [m.pay_share.quantize(Decimal("1e-10")) for m in expected.months], f"{where}: NR_Dala"
    totals = {"NRK_Atlidziba": expected.totals.pay, "NRK_Netiesas": expected.totals.indirect,
              "NRK_Transports": expected.totals.transport, "NRK_SBS": expected.totals.sbs,
              "NRK_Kopa": expected.totals.total, "NRK_Sanemts": expected.receipts,
              "NRK_AtlikumsBeigas": expected.closing_balance, "NRK_Norekins": abs(expected.closing_balance)}
    for name, value in totals.items():
        assert money(named(wb, name)[0]) == value, f"{where}: {name}"


def random_responses(rng: random.Random, catalogue: Catalogue) -> dict[str, list[dict[str, int | None]]]:
    quality = catalogue.annexes.quality
    result = {}
    for party in quality.parties:
        count = rng.choice([0, 1, 2, 3, 7, 8, 12, 40])
        result[party.id] = [{s: (rng.randrange(1, quality.max_score + 1) if rng.random() < 0.85 else None)
                             for s in party.stages} for _ in range(count)]
    return result


def check_quality(wb: openpyxl.Workbook, catalogue: Catalogue, responses: dict, where: str) -> None:
    quality = catalogue.annexes.quality
    for party in quality.parties:
        given = responses[party.id]
        means = stage_means(given, party.stages, quality.max_score)
        for stage in party.stages:
            got = named(wb, mean_name(party, stage))[0]
            expected = means[stage]
            if expected is None:
                assert got in (None, ""), f"{where}: {party.id}/{stage} bez atbildēm"
            else:
                assert Decimal(str(round(float(got), 2))) == expected, f"{where}: {party.id}/{stage}"
            answered = sum(1 for r in given if r.get(stage) is not None)
            assert named(wb, count_name(party, stage))[0] == answered, f"{where}: {party.id}/{stage} skaits"
        total = party_mean(given, party.stages, quality.max_score)
        got = named(wb, total_name(party))[0]
        assert (got in (None, "")) if total is None else Decimal(str(round(float(got), 2))) == total, \
            f"{where}: {party.id} kopā"


def test_empty_templates_cache_the_reference(tmp_path: Path, catalogue: Catalogue) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    months, opening = random_months(random.Random(SEED), catalogue)
    path = write_settlement_workbook(catalogue, municipality, tmp_path / "n.xlsx", months, opening)
    check_settlement(openpyxl.load_workbook(path, data_only=True), settle(months, params, opening),
                     f"kešs (IBM_TEST_SEED={SEED})")
    responses = random_responses(random.Random(SEED), catalogue)
    path = write_questionnaire_workbook(catalogue, municipality, tmp_path / "k.xlsx", responses)
    check_quality(openpyxl.load_workbook(path, data_only=True), catalogue, responses, f"kešs (IBM_TEST_SEED={SEED})")


def test_settlement_full_pay_for_the_catalogue_number_and_indirect_costs_only_with_a_contract(
        tmp_path: Path, catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    n = params.social_worker_children
    first = default_months(catalogue)[0].month
    months = [SettlementMonth(first, n, Decimal("1000.00"), receipts=Decimal("5000"), employment_contract=True),
              SettlementMonth(first.replace(month=first.month % 12 + 1) if first.month < 12 else
                              first.replace(year=first.year + 1, month=1), n // 2, Decimal("1000.01"),
                              employment_contract=False)]
    result = settle(months, params)
    assert result.months[0].amounts.pay == Decimal("1000.00")
    assert result.months[0].amounts.indirect == (Decimal("1000.00") * params.indirect_cost_rate).quantize(
        Decimal("0.01"))
    assert result.months[1].amounts.indirect == 0
    path = write_settlement_workbook(catalogue, catalogue.pilot_municipalities()[0], tmp_path / "n.xlsx", months)
    wb = openpyxl.load_workbook(path, data_only=True)
    check_settlement(wb, result, "divi mēneši")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.protection.sheet
    formulas = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas and all(c.protection.locked for c in formulas)
    assert not ws["B9"].protection.locked  # the first month's children count is an input


def test_registers_carry_catalogue_names_and_lock_their_formulas(tmp_path: Path, catalogue: Catalogue) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    register = openpyxl.load_workbook(write_questionnaire_register(catalogue, municipality, tmp_path / "a.xlsx"))
    ws = register["24 Aptauju reģistrs"]
    names = questionnaire_names(catalogue)
    first = FIRST + 1  # the first table row (1-based)
    assert ws.protection.sheet and ws[f"B{first}"].protection.locked is False and ws[f"A{first}"].protection.locked
    counts = register["Kopsavilkums"]
    assert [counts.cell(row=5 + i, column=1).value for i in range(len(names))] == names
    assert any("KIDSCREEN" in n for n in names)
    # the counts wait for right inputs (D267)
    assert counts.protection.sheet and counts["B5"].value.startswith("=IF(AR_Kludas=0,COUNTIFS(")
    providers = openpyxl.load_workbook(write_provider_list(catalogue, municipality, tmp_path / "s.xlsx"))
    ws = providers.worksheets[0]
    services = catalogue.sorted_services()
    # each support area's heading row, then its services (in the heading's outline group)
    rows = range(first, ws.max_row + 1)
    grouped = [r for r in rows if ws.row_dimensions[r].outlineLevel == 1]
    assert [ws.cell(row=r, column=1).value for r in grouped] == [s.id for s in services]
    headings = [ws.cell(row=r - 1, column=1).value for r in grouped if r - 1 not in grouped]
    assert headings == [f"{a.number}. {a.name_lv}" for a in catalogue.enums.support_areas]
    assert ws.cell(row=first + 1, column=4).value == services[0].description.prasibas_sniedzejiem.teksts
    assert ws.protection.sheet and ws[f"E{first + 1}"].protection.locked is False and ws[f"D{first + 1}"].protection.locked


@pytest.mark.libreoffice
def test_settlements_and_questionnaire_summaries_recalculated_in_libreoffice_equal_the_reference(
        tmp_path: Path, catalogue: Catalogue, catalogue_copy: Path) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    rng = random.Random(SEED)
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    municipalities = catalogue.pilot_municipalities()
    sources, settlements, answers = [], [], []
    for i in range(SETTLEMENTS):
        months, opening = random_months(rng, catalogue)
        sources.append(write_settlement_workbook(catalogue, municipalities[i % len(municipalities)],
                                                 tmp_path / "in" / f"norekini-{i:02d}.xlsx", months, opening,
                                                 cached=False))
        settlements.append(settle(months, params, opening))
    for i in range(QUESTIONNAIRES):
        responses = random_responses(rng, catalogue)
        sources.append(write_questionnaire_workbook(catalogue, municipalities[i % len(municipalities)],
                                                    tmp_path / "in" / f"anketas-{i:02d}.xlsx", responses,
                                                    cached=False))
        answers.append(responses)
    # The questionnaire register: rows typed with openpyxl, counts by LibreOffice.
    names = questionnaire_names(catalogue)
    wb = openpyxl.load_workbook(write_questionnaire_register(catalogue, municipalities[0], tmp_path / "r.xlsx"))
    ws = wb["24 Aptauju reģistrs"]
    typed = {(n, r): 0 for n in names for r in ROUNDS}
    for row in range(FIRST + 1, FIRST + 1 + rng.randrange(5, 60)):
        name, round_name = rng.choice(names), rng.choice(ROUNDS)
        ws.cell(row=row, column=2, value=f"B{row:02d}")
        ws.cell(row=row, column=3, value=name)
        ws.cell(row=row, column=4, value=round_name)
        typed[(name, round_name)] += 1
    wb.save(tmp_path / "in" / "registrs-aizpildits.xlsx")
    sources.append(tmp_path / "in" / "registrs-aizpildits.xlsx")
    # A `jāprecizē` parameter: its blank left empty, then filled with the figure the catalogue will confirm.
    months, opening = random_months(rng, catalogue)
    blank = write_settlement_workbook(mark_pending(catalogue_copy), municipalities[0], tmp_path / "in" / "japrecize.xlsx",
                                      months, opening, cached=False)
    sources += [blank, fill_named(blank, tmp_path / "in" / "japrecize-aizpildits.xlsx",
                                  {"NR_BerniPilnai": params.social_worker_children})]
    outputs = convert(sources, tmp_path / "out", profile=make_profile(tmp_path / "profile"))
    outputs, (waiting, computed) = outputs[:-2], outputs[-2:]
    reference = settle(months, params, opening)
    result = openpyxl.load_workbook(waiting, data_only=True)
    assert named(result, "NR_BerniPilnai") == [None]
    for name in ("NR_Dala", "NR_Atlidziba", "NR_Netiesas", "NR_Kopa", "NR_AtlikumsBeigas", "NRK_Atlidziba",
                 "NRK_Kopa", "NRK_AtlikumsBeigas", "NRK_Norekins"):
        assert set(named(result, name)) == {PENDING}, f"neaizpildīts parametrs: {name} (IBM_TEST_SEED={SEED})"
    assert money(named(result, "NRK_Transports")[0]) == reference.totals.transport
    check_settlement(openpyxl.load_workbook(computed, data_only=True), reference,
                     f"aizpildīts parametrs (IBM_TEST_SEED={SEED})")
    counts = openpyxl.load_workbook(outputs[-1], data_only=True)
    (sheet, ref), = counts.defined_names["AR_Skaits"].destinations
    got = [[c.value for c in row] for row in counts[sheet][ref.replace("$", "")]]
    assert got == [[typed[(n, r)] for r in ROUNDS] for n in names], f"IBM_TEST_SEED={SEED}"
    for i, expected in enumerate(settlements):
        check_settlement(openpyxl.load_workbook(outputs[i], data_only=True), expected,
                         f"norēķini {i} (IBM_TEST_SEED={SEED})")
    for i, responses in enumerate(answers):
        check_quality(openpyxl.load_workbook(outputs[SETTLEMENTS + i], data_only=True), catalogue, responses,
                      f"anketas {i} (IBM_TEST_SEED={SEED})")
