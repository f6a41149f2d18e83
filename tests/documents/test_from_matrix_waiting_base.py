"""D344: while A – the amount a grant decision grants – rests on the catalogue's unconfirmed base amount B, the
contract with the parent (01) and the grant decision (08) are made for reading only: every page carries the
not-signable mark with its reason (PDF head and watermark, DOCX header), parskats.txt names them beside their files
and in its VISPIRMS line, and its „Pirms parakstīšanas pārbaudiet” section does not list them as papers to sign. The
parent's request (05) and the case's title page (07) stay signable; with the ministry's B nothing is marked."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.signing import (
    CONTRACT,
    DECISION,
    HEADING,
    NOT_SIGNABLE_MARK,
    WAITING_FILE,
)
from generator.documents.from_matrix.writing import DRAFT_MARK, page_mark
from tests.documents.from_matrix_helpers import write_matrices
from tests.ministry.factory import two_line_child

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]  # the PDF's HTML is what is checked
BUILD_DAY = "27.09.2018"  # before the plan period; the pilot's B is „jāprecizē” in the catalogue
MARKED = (CONTRACT, DECISION)
SIGNABLE = ("05-iesniegums-par-sniedzejiem", "07-klienta-lietas-titullapa")


def test_the_mark_is_a_papers_own_unless_it_is_a_draft_or_an_archive_copy() -> None:
    assert page_mark(False, False, NOT_SIGNABLE_MARK) == NOT_SIGNABLE_MARK
    assert NOT_SIGNABLE_MARK.startswith("NAV PARAKSTĀMS – ") and "Labklājības ministrijas" in NOT_SIGNABLE_MARK
    assert page_mark(True, False, NOT_SIGNABLE_MARK) == DRAFT_MARK  # a draft is not signed anyway: one mark
    assert page_mark(False, False, None) is None


def _docx_header(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                       if name.startswith("word/header"))


def _run(catalogue: Catalogue, tmp_path: Path, base: Decimal | None) -> tuple[Path, str]:
    [child] = write_matrices(catalogue, tmp_path, [two_line_child(catalogue, 7, "jelgava",
                                                                  ("3.1.3i", 10, Decimal("25.00")), base=base)])
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(child.path), "--out", str(out),
                                    "--day", BUILD_DAY], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    return out / child.path.stem, run.output


def test_papers_granting_an_amount_on_an_unconfirmed_b_are_marked_not_signable(catalogue: Catalogue,
                                                                                tmp_path: Path) -> None:
    """Fails on the old code: 01 and 08 with „______ EUR” for P, A and K carried no mark, and parskats.txt listed
    them under „Pirms parakstīšanas pārbaudiet” as papers to sign (audit: a grant without its amount)."""
    folder, output = _run(catalogue, tmp_path, None)
    report = (folder / "parskats.txt").read_text("utf-8")
    assert "Statuss: izveidoti, gaida B" in report
    for doc_id in MARKED:
        html = (folder / f"{doc_id}.pdf").read_text("utf-8", errors="replace")
        assert NOT_SIGNABLE_MARK in html and '<div class="draft-mark">NAV PARAKSTĀMS</div>' in html, doc_id
        assert "<strong>NAV PARAKSTĀMS.</strong>" in html, doc_id
        assert NOT_SIGNABLE_MARK in _docx_header(folder / f"{doc_id}.docx"), doc_id
        assert f"  {doc_id}.pdf{WAITING_FILE}" in report and f"  {doc_id}.docx{WAITING_FILE}" in report
    for doc_id in SIGNABLE:
        assert "NAV PARAKSTĀMS" not in (folder / f"{doc_id}.pdf").read_text("utf-8", errors="replace"), doc_id
        assert "NAV PARAKSTĀMS" not in _docx_header(folder / f"{doc_id}.docx"), doc_id
        assert f"  {doc_id}.pdf\n" in report
    first = report.split("VISPIRMS: ", 1)[1].split("\n", 1)[0]
    assert f"({CONTRACT})" in first and f"({DECISION})" in first and "„NAV PARAKSTĀMS”" in first, first
    section = report.split(f"\n{HEADING}\n", 1)[1].split("\n\n", 1)[0]
    [signed] = [line for line in section.splitlines() if "PDF paraksta, kā izdrukāts" in line]
    assert all(doc_id in signed for doc_id in SIGNABLE), signed  # 05 and 07 are still signed as printed
    assert CONTRACT not in signed and DECISION not in signed, signed
    signing_lines = [line for line in output.splitlines() if "PDF paraksta, kā izdrukāts" in line]
    assert signing_lines and not any(DECISION in line for line in signing_lines), output


def test_with_the_ministrys_b_nothing_is_marked(catalogue: Catalogue, tmp_path: Path) -> None:
    folder, _ = _run(catalogue, tmp_path, Decimal("3100.00"))
    report = (folder / "parskats.txt").read_text("utf-8")
    assert "NAV PARAKSTĀMS" not in report
    for doc_id in MARKED:
        assert "NAV PARAKSTĀMS" not in (folder / f"{doc_id}.pdf").read_text("utf-8", errors="replace"), doc_id
        assert "NAV PARAKSTĀMS" not in _docx_header(folder / f"{doc_id}.docx"), doc_id
