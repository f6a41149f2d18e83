"""Pasted ratings in the quality questionnaires' workbook (35–38, audit30 F13): data validation stops a wrong rating
typed, not pasted. A rating that is text, out of the catalogue's scale or a fraction is named by its sheet and cell
in the summary's errors line, and no mean or count shows a figure computed from it; right ratings give the
reference's means (generator.reference.questionnaires)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.questionnaire_workbooks import (
    FIRST,
    STAGE_COL,
    SUMMARY,
    count_name,
    mean_name,
    party_sheet,
    total_name,
    write_questionnaire_workbook,
)
from generator.recalc import convert, make_profile, soffice
from generator.reference.questionnaires import stage_means
from tests.documents.workbook_values import named


def _paste(source: Path, target: Path, sheet: str, values: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(source)
    for ref, value in values.items():
        wb[sheet][ref].value = value
    wb.save(target)
    return target


@pytest.mark.libreoffice
def test_a_pasted_wrong_rating_is_named_and_no_mean_is_shown(tmp_path: Path, catalogue: Catalogue) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    quality = catalogue.annexes.quality
    top = quality.max_score
    party = quality.parties[0]
    responses = {p.id: [{s: top for s in p.stages}, {s: 1 for s in p.stages}] for p in quality.parties}
    source = write_questionnaire_workbook(catalogue, catalogue.pilot_municipalities()[0], tmp_path / "k.xlsx",
                                          responses, cached=False)
    sheet = party_sheet(party)
    first, second = (f"{chr(ord('A') + STAGE_COL + k)}{FIRST + 2}" for k in range(2))
    # a rating in a row without its questionnaire's code (audit32a F13): row FIRST + 3, the first empty one
    lone = f"{chr(ord('A') + STAGE_COL)}{FIRST + 3}"
    cases = {"labs": {}, "teksts": {first: str(top)}, "arpus-skalas": {second: top + 2}, "dala": {first: 3.5},
             "patiess": {second: True},  # a bool cell counted as 1 (audit32a F1)
             "bez-koda": {lone: top}}
    wrong = {"teksts": first, "arpus-skalas": second, "dala": first, "patiess": second, "bez-koda": f"B{FIRST + 3}"}
    expected = {"bez-koda": "jābūt anketas kodam", "patiess": "jābūt skaitlim, nevis loģiskajai vērtībai"}
    sources = [_paste(source, tmp_path / f"{case}.xlsx", sheet, values) for case, values in cases.items()]
    outputs = dict(zip(cases, convert(sources, tmp_path / "out", profile=make_profile(tmp_path / "profile")),
                       strict=True))

    good = openpyxl.load_workbook(outputs["labs"], data_only=True)
    means = stage_means(responses[party.id], party.stages, top)
    for stage in party.stages:
        assert named(good, mean_name(party, stage))[0] == float(means[stage]), stage
        assert named(good, count_name(party, stage)) == [2], stage
    assert named(good, "KV_Kludas") == [0]
    for case, cell in wrong.items():
        wb = openpyxl.load_workbook(outputs[case], data_only=True)
        assert named(wb, "KV_Kludas") == [1], case
        line = next(c.value for row in wb[SUMMARY].iter_rows() for c in row
                    if isinstance(c.value, str) and c.value.startswith("Ievades kļūdas"))
        words = expected.get(case, f"jābūt vērtējumam (veselam skaitlim no 1 līdz {top})")
        assert f"Kļūda: '{sheet}'!{cell} – {words}" in line, (case, line)
        assert "(vidējos vērtējumus un atbilžu skaitu nerāda," in line, line  # what waits: no sums in this summary
        for p in quality.parties:  # every mean and count of the summary waits: never a figure from a wrong rating
            shown = {named(wb, total_name(p))[0]} | {v for s in p.stages for name in (mean_name(p, s), count_name(p, s))
                                                     for v in named(wb, name)}
            assert shown == {PENDING}, (case, p.id, shown)
