"""The properties of the report workbooks (D52), read from the xlsx: the title of the output register, the
author, last editor and company are the social service when its name is confirmed for the workbook's day (D43),
else "IBM rīkkopa"; the ministry is only named in the subject, as the owner of the methodology whose annexes
the workbook carries. No file of the documents build names the ministry as author or company."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.catalogue.catalogue import Catalogue
from generator.documents.outputs import REPORT_WORKBOOKS
from generator.documents.paths import REPORTS
from generator.documents.reports.workbooks import write_report_workbooks
from tests.documents.party_helpers import PILOT_DAY, confirmed_pilot_copy, issuer, printed
from tests.file_properties import ooxml_properties

MINISTRY = re.compile(r"ministrij", re.IGNORECASE)


def _annexes(catalogue: Catalogue, output_id: str) -> list[str]:
    assert catalogue.annexes is not None
    return [a.number for a in catalogue.annexes.annexes if output_id in a.outputs]


def _check(path: Path, catalogue: Catalogue, author: str) -> None:
    props = ooxml_properties(path)
    output_id = path.stem
    assert props["title"] == REPORT_WORKBOOKS[output_id], path.name
    assert props["creator"] == props["lastModifiedBy"] == props["Company"] == author, (path.name, props)
    subject = props["subject"]
    assert subject.startswith("Veidlapa pēc Labklājības ministrijas IBM metodikas "), subject
    numbers = _annexes(catalogue, output_id)
    assert numbers and re.findall(r"(\d+)\.(?=[ ,])", subject) == sorted(numbers, key=int), subject
    assert "pielikuma" in subject, subject


@pytest.mark.parametrize("index", [0, -1])
def test_report_workbooks_name_the_toolkit_while_the_service_name_is_unconfirmed(catalogue: Catalogue,
                                                                               tmp_path: Path, index: int) -> None:
    m = catalogue.pilot_municipalities()[index]
    paths = write_report_workbooks(catalogue, m, tmp_path)
    assert sorted(p.stem for p in paths) == sorted(REPORT_WORKBOOKS)
    assert not printed(catalogue, m, "social_service")["confirmed"]  # today's catalogue: "jāprecizē"
    for path in paths:
        _check(path, catalogue, "IBM rīkkopa")
        assert m.social_service not in ooxml_properties(path).values(), path.name  # no unconfirmed name


def test_report_workbooks_name_the_confirmed_social_service(catalogue: Catalogue, tmp_path: Path) -> None:
    copy = confirmed_pilot_copy(tmp_path, catalogue)
    m = copy.pilot_municipalities()[0]
    name = printed(copy, m, "social_service", PILOT_DAY)
    assert name["confirmed"]
    for path in write_report_workbooks(copy, m, tmp_path / "out", build_date=PILOT_DAY):
        _check(path, copy, name["nom"])


@pytest.mark.xdist_group("documents-build")
def test_no_file_of_the_documents_build_names_the_ministry_as_author(built: Path, catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.municipalities.municipalities}
    kinds: dict[str, int] = {}
    for path in sorted(built.rglob("*")):
        if path.suffix not in (".xlsx", ".docx", ".pdf"):
            continue
        m = by_id[path.parent.name]
        if path.suffix == ".pdf":
            author = PdfReader(path).metadata.author
            fields = [author]
        else:
            props = ooxml_properties(path)
            fields = [props["creator"], props["lastModifiedBy"], props["Company"]]
        assert all(f == issuer(catalogue, m) for f in fields), (path, fields)
        assert not any(MINISTRY.search(f or "") for f in fields), path
        kinds[path.suffix] = kinds.get(path.suffix, 0) + 1
        if path.suffix == ".xlsx":
            assert path.parent.parent.name == REPORTS, path
    assert set(kinds) == {".xlsx", ".docx", ".pdf"}, kinds
