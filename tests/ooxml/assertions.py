"""One assertion for the package tests: a file passes the schemas, the package rules and Excel's (xlsx) or
Word's (docx) own rules."""

from __future__ import annotations

from pathlib import Path

from tests.ooxml.excel_rules import check_xlsx
from tests.ooxml.schemas import check_package
from tests.ooxml.word_rules import check_docx

# docProps/core.xml imports the Dublin Core schemas, which are not vendored: it is checked by hand.
UNCHECKED = ["docProps/core.xml"]


def assert_opens_without_repair(path: Path, required_parts: tuple[str, ...] = ()) -> list[str]:
    """Fail with every problem found in ``path``; return the parts that a schema validated."""
    report = check_package(path)
    problems = list(report.problems)
    if path.suffix == ".xlsx":
        problems += check_xlsx(path)
    if path.suffix == ".docx":
        problems += check_docx(path)
    assert not problems, f"{path.name}:\n" + "\n".join(problems[:40])
    assert report.unchecked == UNCHECKED, f"{path.name}: daļas bez shēmas: {report.unchecked}"
    missing = [p for p in required_parts if p not in report.validated]
    assert not missing, f"{path.name}: nav pārbaudītas daļas {missing}"
    return report.validated
