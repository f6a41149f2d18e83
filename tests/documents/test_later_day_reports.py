"""A later prices day's report workbooks (D187): none is made for the day, because none depends on it. The report
workbooks (27–31 and the other registers, lejupielades/atskaites/<id>/) print no price, and the programme parameters
their amounts use (the indirect-cost share, the children per social worker, the report days) do not follow the prices
day: each report month takes those in force on its first day (D201), so a change dated inside the round is in both;
each is byte for byte the same whether it is made with the build day's prices or with a later day's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents import build_step
from generator.documents.outputs import REPORT_WORKBOOKS
from generator.documents.paths import DAY_FOLDER, day_folder, reports_dir
from generator.documents.reports.register_layout import REGISTER_FILE
from generator.documents.reports.workbooks import write_report_workbooks
from generator.documents.terms import Choice, for_round
from tests.documents.test_later_day_documents import ROUND, _later, _with_later_price

RATE = "0.2"  # a confirmed indirect-cost share from LATER (the catalogue's own is 0.15 from 2018)
CHILDREN = "25"  # children per social worker for full pay from LATER (the catalogue's own: 20)


@pytest.fixture
def today() -> dt.date:
    """The build day: taken when the test starts, not when the module is imported (a run crossing midnight)."""
    return dt.date.today()


def _with_later_price_and_limits(target: Path, today: dt.date) -> Catalogue:
    """_with_later_price's catalogue (a running round, a confirmed price of 2.1 from LATER) where two parameters the
    report workbooks compute with change on LATER too."""
    _with_later_price(target, today)
    programme = target / "programme.yaml"
    text = programme.read_text("utf-8")
    for line in ('    - {effective_from: 2018-08-01, value: 0.15, source: "Metodika L2155, L2174"}\n',
                 '    - {effective_from: 2018-08-01, value: 20, source: "Metodika L2152"}\n'):
        assert text.count(line) == 1
    text = text.replace(
        '    - {effective_from: 2018-08-01, value: 0.15, source: "Metodika L2155, L2174"}\n',
        '    - {effective_from: 2018-08-01, value: 0.15, source: "Metodika L2155, L2174"}\n'
        f'    - {{effective_from: {_later(today).isoformat()}, value: {RATE}, source: "Izdomāts testa avots"}}\n')
    text = text.replace(
        '    - {effective_from: 2018-08-01, value: 20, source: "Metodika L2152"}\n',
        '    - {effective_from: 2018-08-01, value: 20, source: "Metodika L2152"}\n'
        f'    - {{effective_from: {_later(today).isoformat()}, value: {CHILDREN}, source: "Izdomāts testa avots"}}\n')
    programme.write_text(text, "utf-8")
    return load_or_raise(target)


@pytest.mark.usefixtures("quick_papers")
def test_no_report_workbook_depends_on_the_prices_day(tmp_path: Path, today: dt.date) -> None:
    catalogue = _with_later_price_and_limits(tmp_path / "katalogs", today)
    # the fixture does change prices and limits on LATER: the day's papers differ from the default set
    assert [i.day for i in build_step.later_days(catalogue, today)] == [_later(today)]
    programme = catalogue.programme
    assert programme.indirect_cost_rate.at(today).value != programme.indirect_cost_rate.at(_later(today)).value
    assert programme.social_worker_children.at(today).value != programme.social_worker_children.at(_later(today)).value
    liepaja = catalogue.municipality("liepaja")
    issue = build_step.later_days(catalogue, today)[0]
    default = build_step.render_municipality(catalogue, liepaja, build_date=today)
    assert build_step.day_documents(catalogue, liepaja, issue, default, today)
    # each report workbook of the round, made as `ibm documents --round` makes it (the build day's prices) and as
    # `--day` makes it for LATER (that day's prices and parameters), is the same file
    with for_round(Choice(ROUND)):
        build_days = write_report_workbooks(catalogue, liepaja, tmp_path, today, folder=tmp_path / "izveides-diena")
    with for_round(Choice(ROUND, _later(today))):
        later_days = write_report_workbooks(catalogue, liepaja, tmp_path, today, folder=tmp_path / "cenu-diena")
    assert sorted(p.stem for p in build_days) == sorted(REPORT_WORKBOOKS)
    assert [p.name for p in build_days] == [p.name for p in later_days]
    for made_now, made_later in zip(build_days, later_days, strict=True):
        assert made_now.read_bytes() == made_later.read_bytes(), made_now.name
    # the change on LATER is in both: the months from it take its rate (D201)
    register = openpyxl.load_workbook(next(p for p in build_days if p.name == REGISTER_FILE), data_only=True)
    (sheet, ref), = register.defined_names["Param_NetiesasLikme_2"].destinations
    assert register[sheet][ref.replace("$", "")].value == float(RATE)


@pytest.mark.usefixtures("quick_papers")
def test_the_build_makes_no_report_workbook_for_a_later_day(tmp_path: Path, today: dt.date) -> None:
    """The later day's folder holds its papers only; the report workbooks stay in their one folder."""
    catalogue = _with_later_price_and_limits(tmp_path / "katalogs", today)
    written = build_step.render_documents(catalogue, tmp_path / "out", lambda _line: None, municipality_id="liepaja",
                                          build_date=today)
    in_day = [p for p in written if day_folder(_later(today)) in p.parts]
    assert in_day and all(p.suffix in (".pdf", ".docx") for p in in_day)
    reports = reports_dir(tmp_path / "out", "liepaja")
    assert sorted(p.stem for p in reports.iterdir()) == sorted(REPORT_WORKBOOKS)
    assert not [p for p in (tmp_path / "out").rglob("*.xlsx") if DAY_FOLDER in p.as_posix()]

