"""The register workbook's check formulas (generator.documents.reports.register_checks) as text; LibreOffice proves
them on filled workbooks in tests/documents/test_report_input_checks.py and test_report_month_rules.py."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import PriceStatus
from generator.documents.reports import register as reg
from generator.documents.reports.input_checks import typed_value
from generator.documents.reports.register_checks import (
    AmountBound,
    amount_bound,
    cash_check_formula,
    quarter_check,
    register_check,
    whole_unit_names,
)
from generator.documents.reports.register_layout import CASH_FIRST, OPENING_CELL, QUARTER_FIRST, S_LISTS
from generator.documents.reports.register_workbook import write_register_workbook
from tests.round_yaml import add_holiday_years, add_quota, children_round_entry, confirm_base_amount


def test_a_register_row_checks_every_input_that_feeds_an_amount() -> None:
    formula = register_check(9)
    assert formula.startswith('=IF(OR(G9<>"",I9<>"",J9<>"",K9<>"",L9<>""),TRIM(')
    typed = 'OR(IF(B9="",FALSE,COUNTIF(Dokumentu_Veidi,B9)>0),B9=Korekcija_Agraka)'
    for part in ('IF(G9="",FALSE,COUNTIF(BIP_Saraksts,G9)>0)',
                 # the document type, which alone allows a negative amount (audit32a F6)
                 f'IF({typed},"","Kļūda: \'28 Reģistrs\'!B9 – ',
                 # the service is required for BIP 1.3 (audit35 F4), the month one listed on 29 (F2)
                 'IF(G9=BIP_SBS,IF(I9="",FALSE,COUNTIF(Pakalpojumi,I9)>0),IF(I9="",TRUE,COUNTIF(Pakalpojumi,I9)>0))',
                 'IF(ISNUMBER(J9),AND(J9>=Parskata_Sakums,J9<Parskata_Beigas,OR(COUNT(NP_Menesis)=0,'
                 'COUNTIFS(NP_Menesis,">="&DATE(YEAR(J9),MONTH(J9),1),NP_Menesis,"<"&DATE(YEAR(J9),MONTH(J9)+1,1))>0)),'
                 'FALSE)',
                 # the sign is judged only once B is a type of the list (its own message first)
                 f'IF(AND(ISNUMBER(K9),{typed}),OR(K9>=0,OR(B9=Korekcija,B9=Korekcija_Agraka)),'
                 'OR(K9="",ISNUMBER(K9)))',
                 f"IF(ISNUMBER(L9),AND(ROUND(L9,2)=L9,OR(L9>=0,NOT({typed}),OR(B9=Korekcija,B9=Korekcija_Agraka))),"
                 "FALSE)",
                 # a logical value is not a number, though LibreOffice adds it as 1 (audit32a F1), and a formula
                 # is no value (D267)
                 f'IF({typed_value("K9", "TRUE")},"",', f'IF({typed_value("L9", "TRUE")},"",',
                 f'IF({typed_value("J9", "IF(ISNUMBER(J9),AND(")}'[:-2],
                 # a correction only lowers the costs (audit30 F1, D245)
                 "IF(AND(ISNUMBER(L9),OR(B9=Korekcija,B9=Korekcija_Agraka)),L9<0,TRUE)",
                 "IF(AND(ISNUMBER(K9),OR(B9=Korekcija,B9=Korekcija_Agraka)),K9<=0,TRUE)",
                 # the month's corrections are compared with its costs only while its amounts are right (F12),
                 # signs included: a negative amount counts as right only on a correction (audit32a F6b)
                 "IF(L9<0,IF(AND(ROUND(L9,2)=L9,", ',Reg_Summa,">=0")+COUNTIFS(',
                 ',Reg_Summa,"<0",Reg_Dokuments,Korekcija)+COUNTIFS(',
                 ',Reg_Summa,"<0",Reg_Dokuments,Korekcija_Agraka)',
                 # and BIP 1.3's per support area, as 30 reports its SBS (audit32a F4, D261)
                 'IF(G9=BIP_SBS,ROUND(SUMIFS(Reg_Summa,Reg_BIP,G9,Reg_Menesis,">="&DATE(YEAR(J9),MONTH(J9),1),'
                 'Reg_Menesis,"<"&DATE(YEAR(J9),MONTH(J9)+1,1),Reg_Joma,O9),2),'
                 'ROUND(SUMIFS(Reg_Summa,Reg_BIP,G9,Reg_Menesis,">="&DATE(YEAR(J9),MONTH(J9),1),'
                 'Reg_Menesis,"<"&DATE(YEAR(J9),MONTH(J9)+1,1)),2))>=0'):
        assert part in formula, part
    for cell in ("B9", "G9", "I9", "J9", "K9", "L9"):
        assert f"Kļūda: '28 Reģistrs'!{cell} – " in formula, cell


def test_a_month_row_checks_its_month_only_where_it_is_an_input() -> None:
    x = CASH_FIRST + 2  # the second month row (1-based)
    dated = cash_check_formula(x, dated=True, first=False)
    typed = cash_check_formula(x, dated=False, first=False, since=dt.date(2018, 10, 1))
    assert f"'29 Naudas plūsma'!A{x} – " not in dated and f"'29 Naudas plūsma'!A{x} – " in typed
    # each month once and in ascending order, from the first month row down to the row above (audit35 F3, D172)
    assert f"COUNTIFS(A${CASH_FIRST + 1}:A{x - 1}," in typed
    # the opening balance is checked on the first month row only
    assert OPENING_CELL not in typed and f"'29 Naudas plūsma'!{OPENING_CELL} – " in cash_check_formula(x - 1, True,
                                                                                                   first=True)
    # the contract may stay blank while the month (typed) or the children (dated) are blank (D37, D212)
    assert f'OR(AND(A{x}="",C{x}=""),' in typed and f'OR(AND(B{x}="",C{x}=""),' in dated


def test_a_quarter_is_typed_once() -> None:
    first, second = quarter_check(QUARTER_FIRST + 1), quarter_check(QUARTER_FIRST + 2)
    assert "jau ierakstīts augstākā rindā" not in first
    assert f"COUNTIFS(A${QUARTER_FIRST + 1}:A{QUARTER_FIRST + 1},A{QUARTER_FIRST + 2}," in second


def test_a_register_amount_is_bounded_by_the_catalogues_base_amount(catalogue: Catalogue) -> None:
    """A pasted 1E+15 (or a lost comma) is no document's payment: the bound is the catalogue's largest B (D267), said
    with its status, and a correction's minus sign does not escape it."""
    values = catalogue.programme.base_amount.values
    bound = amount_bound(catalogue)
    top = max(Decimal(str(v.value)) for v in values)
    children = max(v.value.per_municipality for v in catalogue.programme.selection_quotas.values)
    assert bound is not None and (bound.amount, bound.children) == (top * children, children)
    assert bound.confirmed == all(v.status is PriceStatus.confirmed for v in values if Decimal(str(v.value)) == top)
    formula = register_check(9, bound=AmountBound(Decimal("30000.00"), confirmed=False, children=10))
    assert 'IF(IF(ISNUMBER(L9),ABS(L9)<=30000.00,TRUE),"",' in formula
    assert "ne lielākai par 30\u00a0000,00\u00a0EUR – tik liels ir 10 bērnu bāzes apmērs B periodā kopā (B katalogā vēl jāprecizē)" in formula
    assert "ne lielākai par 30\u00a0000,00\u00a0EUR – tik liels ir 10 bērnu bāzes apmērs B periodā kopā;" in register_check(9, bound=AmountBound(Decimal("30000.00"), confirmed=True,
                                                                              children=10))
    assert "ABS(L9)" not in register_check(9)


def test_a_quantity_of_a_service_counted_whole_is_whole(catalogue: Catalogue) -> None:
    """28 knows the row's service (I, the catalogue's list), so its quantity is checked against the service's unit
    (enums.yaml `whole`, D256): the names in the message are the catalogue's."""
    names = whole_unit_names(catalogue)
    assert names == ", ".join(u.name_lv for u in catalogue.enums.units if u.whole) and names
    formula = register_check(9, whole_units=names)
    assert 'IF(AND(ISNUMBER(K9),I9<>""),IF(SUMIFS(Pakalpojumi_Veseli,Pakalpojumi,I9)>0,K9=INT(K9),TRUE),TRUE)' in formula
    assert f"mērvienību skaita tikai veselās vienībās: {names}" in formula
    assert "Pakalpojumi_Veseli" not in register_check(9)


NEW_ROUND_DAY = dt.date(2026, 12, 6)  # the build day: a new round runs


def _new_round(folder: Path, own_quota: bool) -> Catalogue:
    """A 2027 children's round with confirmed selection rules (audit39b), B confirmed from its first services day,
    and with ``own_quota`` a quota of its own from its first day (D308)."""
    target = folder / "catalogue"
    entry = children_round_entry("berni-2027", "Izdomāta kārta bērniem 2027. gadā", dt.date(2026, 12, 1),
                                 dt.date(2028, 1, 31), services=(dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
                                 municipalities=("ogre", "cesis", "valmiera"), rules=True, participants=40)
    shutil.copytree(DEFAULT_CATALOGUE, target)
    rounds = target / "rounds.yaml"
    rounds.write_text(rounds.read_text("utf-8") + entry, "utf-8")
    add_holiday_years(target, 2026, 2027, 2028)
    confirm_base_amount(target, dt.date(2027, 1, 1))
    if own_quota:
        add_quota(target, dt.date(2026, 12, 1), 14)
    return load_or_raise(target)


def _bound_message(catalogue: Catalogue, folder: Path) -> str:
    """The amount check's message as the written register workbook's list sheet holds it."""
    path = write_register_workbook(catalogue, catalogue.municipality("ogre"), folder / "28.xlsx",
                                   build_date=NEW_ROUND_DAY)
    ws = openpyxl.load_workbook(path)[S_LISTS]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "ne lielākai par" in c.value]
    assert len(texts) == 1, texts
    return texts[0]


@pytest.mark.parametrize("own_quota", [False, True], ids=["pilot-quota", "own-quota"])
def test_a_later_rounds_amount_bound_names_no_pilot_figure(tmp_path: Path, own_quota: bool) -> None:
    """audit39b F4: in a later round the bound counts the round's own quota (D308) – without one, the round's
    participants, never the pilot's quota – and B's status on the round's services days, where the catalogue
    confirms it."""
    catalogue = _new_round(tmp_path, own_quota)
    periods = reg.report_periods(catalogue, NEW_ROUND_DAY, "ogre")
    own = reg.periods_round(catalogue, periods)
    assert own is not None and own.id == "berni-2027"
    b = catalogue.programme.base_amount.at(own.services_start)
    assert b.status is PriceStatus.confirmed
    message = _bound_message(catalogue, tmp_path)
    pilot = catalogue.programme.selection_quotas.values[0].value.per_municipality
    assert f"{pilot} bērnu" not in message and "jāprecizē" not in message
    bound = amount_bound(catalogue, periods)
    quota = catalogue.programme.selection_quotas.values[-1].value.per_municipality
    if own_quota:
        assert bound == AmountBound(Decimal(str(b.value)) * quota, confirmed=True, children=quota)
    else:
        assert bound == AmountBound(Decimal(str(b.value)) * own.participants, confirmed=True, children=None,
                                    participants=own.participants)
    assert bound.expected in message


def test_a_bound_without_a_count_of_the_rounds_children_says_so() -> None:
    message = AmountBound(Decimal("30000.00"), confirmed=True, children=None).expected
    assert "30\u00a0000,00\u00a0EUR – tā ir saprātīguma robeža, jo kārtas bērnu skaits katalogā nav noteikts" in message
    assert "bērnu bāzes apmērs" not in message
