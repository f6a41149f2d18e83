"""Recalculated by LibreOffice: 6.1 B5 must be a municipality of the round of the plan's first day (D104, D113), not
only of some children's round (6.1's list is every children's round's). The matrix counts one of an earlier round as
one invalid input of 6.1 B5 – formula-checked, not only data validation – naming the plan's first day's cell and the
round's municipalities, exactly as the reference counts it; the signed sheets then say NAV PARAKSTĀMS."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.inputs import Parties
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.recalculated import recalculated_values
from generator.workbook.writer import write_workbook
from tests.workbook.conftest import (
    LATER_ROUND,
    recipient_labels,
    require_soffice,
    require_uno,
    round_catalogue,
)

pytestmark = pytest.mark.libreoffice
START = LATER_ROUND[1]


def _texts(values, sheet: str) -> str:  # noqa: ANN001
    return " ".join(str(v) for s, _, v in values.all_values() if s == sheet and isinstance(v, str))


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, dict[str, WorkbookInputs], dict]:
    require_uno()
    require_soffice()
    folder = tmp_path_factory.mktemp("karta-pasvaldiba")
    two = round_catalogue(folder)
    later = two.round_by_id[LATER_ROUND[0]]
    pilot = two.round_by_id["berni-2018"]
    outsider = next(m for m in pilot.municipalities if m not in later.municipalities)
    offer = next(o for o in two.offers(START)
                 if o.service.regime.value == "market" and o.ceiling is None and not o.transport)
    line = line_from_offer(offer, 10, unit_price=Decimal(30), expert_rank=1, planned_units=[10])
    parties = Parties(social_worker="Līga Piemēra", child_name="Anna Paraugs", child_code="000000-00000",
                      parent_name="Pēteris Paraugs")
    base = WorkbookInputs(birth_date=dt.date(2014, 5, 5), period_start=START, months=1, special_care=False,
                          impairment="kustību", lines=(line,), base=Decimal(1000), parties=parties)
    variants = {name: dataclasses.replace(base, parties=dataclasses.replace(parties, municipality=muni))
                for name, muni in (("dalibniece", later.municipalities[0]), ("cita-karta", outsider),
                                   ("lielie-burti", later.municipalities[0].capitalize()))}
    template = write_workbook(two, folder / "veidne.xlsx")
    paths = []
    for name, inputs in variants.items():
        wb = load_workbook(template)
        fill(wb, inputs, recipient_labels(two))
        wb.save(folder / f"{name}.xlsx")
        paths.append(folder / f"{name}.xlsx")
    values = recalculated_values(paths, profile=make_profile(folder / "profile"))
    return two, variants, dict(zip(variants, values, strict=True))


def test_the_matrix_counts_a_municipality_of_another_round_as_the_reference(checked) -> None:  # noqa: ANN001
    two, variants, values = checked
    params = Params.from_catalogue(two, START)
    expected = {"dalibniece": 0, "cita-karta": 1, "lielie-burti": 1}
    for name, inputs in variants.items():
        result = evaluate_workbook(inputs, params)
        assert result.errors == expected[name], (name, [f.message for f in result.findings])
        assert values[name]["Kludas"] == result.errors, (name, values[name]["Kludas"])
        assert values[name]["h_NederigasIevades"] == expected[name], name
    later = two.round_by_id[LATER_ROUND[0]]
    outsider = variants["cita-karta"].parties.municipality
    said = (f"6.1 B5: pašvaldības kodam jābūt no programmas kārtas, kurā ir plāna pirmā diena (6.1 B38; tajā "
            f"piedalās: {', '.join(later.municipalities)}), ievadīts „{outsider}”")
    assert said in _texts(values["cita-karta"], "6.11"), _texts(values["cita-karta"], "6.11")
    assert said.split(", ievadīts")[0] in _texts(values["cita-karta"], "6.1")  # beside the cell
    for sheet in ("6.3", "6.5", "6.6", "6.9"):
        assert "NAV PARAKSTĀMS" in _texts(values["cita-karta"], sheet), sheet
        assert "NAV PARAKSTĀMS" not in _texts(values["dalibniece"], sheet), sheet
