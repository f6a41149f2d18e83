"""The report workbooks of the annexes added by issue 16 (27, 35–38, 24, 17), written per municipality."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.reports.annex_registers import (
    PROVIDER_LIST_ID,
    QUESTIONNAIRE_REGISTER_ID,
    write_provider_list,
    write_questionnaire_register,
)
from generator.documents.reports.questionnaire_workbooks import WORKBOOK_ID as QUALITY_ID
from generator.documents.reports.questionnaire_workbooks import write_questionnaire_workbook
from generator.documents.reports.settlement_workbook import WORKBOOK_ID as SETTLEMENT_ID
from generator.documents.reports.settlement_workbook import write_settlement_workbook


def write_annex_workbooks(catalogue: Catalogue, municipality: Municipality, folder: Path,
                          build_date: dt.date | None = None) -> list[Path]:
    return [
        write_settlement_workbook(catalogue, municipality, folder / f"{SETTLEMENT_ID}.xlsx", build_date=build_date),
        write_questionnaire_workbook(catalogue, municipality, folder / f"{QUALITY_ID}.xlsx", build_date=build_date),
        write_questionnaire_register(catalogue, municipality, folder / f"{QUESTIONNAIRE_REGISTER_ID}.xlsx",
                                     build_date=build_date),
        write_provider_list(catalogue, municipality, folder / f"{PROVIDER_LIST_ID}.xlsx", build_date=build_date),
    ]
