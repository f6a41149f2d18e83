"""audit35a F4 on paper: while the sums rest on an unconfirmed B, the printed 6.5 blanks only another funding source that
6.4 gives an amount; a source given nothing prints 0,00 EUR – the rule of the parent contract's 2. pielikums
(„IBM matricas 6.5. tabula”, documents/from_matrix/context.py: benefits_used …), so the parent signs one 6.5."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.recalc import make_profile, print_sheets
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import fill
from generator.workbook.names import read
from generator.workbook.writer import template_date, write_workbook
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.kept_book import kept_book

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

SOURCES = ("Valsts un pašvaldību pabalsti", "Valsts un pašvaldību pakalpojumi", "Citi finanšu avoti")


def test_65_blanks_only_the_used_source_while_b_is_unconfirmed(catalogue: Catalogue, tmp_path) -> None:  # noqa: ANN001
    require_uno()
    day = template_date(catalogue)
    assert catalogue.programme.base_amount.at(day).status is not PriceStatus.confirmed, "B is confirmed: no case"
    offers = {o.id: o for o in catalogue.offers(day)}
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=dt.date(2018, 10, 1), months=2,
                            special_care=False, impairment="multipli",
                            lines=(line_from_offer(offers["3.1.3i"], 20, unit_price=Decimal("25.00"),
                                                   planned_units=(10, 10)),),
                            benefits=Decimal("200.00"))  # no B typed: the catalogue's unconfirmed B
    template = write_workbook(catalogue, tmp_path / "matrica.xlsx", "valmiera")
    wb = kept_book(template)
    cells = InputCells(template, wb)
    fill(wb, inputs, recipient_labels(catalogue), municipality="valmiera", template_prices=read(wb, "Pak_Cena"))
    path, pdf = tmp_path / "aizpildita.xlsx", tmp_path / "6.5.pdf"
    cells.save(wb, path, 1, [])
    print_sheets({path: [("6.5", pdf)]}, profile=make_profile(tmp_path / "profile"))
    page = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    shown = {}
    for label in SOURCES:
        line = next(t for t in page.splitlines() if label in t)
        shown[label] = re.split(r"\s{2,}", line.split(label, 1)[1].strip())[0]
    assert shown == {SOURCES[0]: "______", SOURCES[1]: "0,00", SOURCES[2]: "0,00"}, shown
