"""`ibm documents --from-matrix` end to end (a separate process, as a social worker runs it) on a filled matrix with
a line the catalogue repays to the parent: exit 0, one exact Latvian console line naming the line and the reason,
no 02/03 for that line's provider, and no child's or parent's name or personal code anywhere on the console. A
catalogue copy that changes the payees moves the papers and the line with it (D29, D38)."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import Payee
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_text, write_matrices
from tests.documents.test_from_matrix_payee import set_payee
from tests.ministry.factory import Child, two_line_inputs
from tests.ooxml.assertions import assert_opens_without_repair
from tests.pilot_day import IBM_WITH_PILOT_DAY
from tests.slow_rename import PDF_STAND_IN, PDF_STAND_INS

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
TRANSPORT = "2.4"
MARKET = "3.1.2i"
PROVIDERS = {TRANSPORT: "SIA Taksometrs Paraugs", MARKET: "SIA Ergo Paraugs"}
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers=PROVIDERS)
REASON = ("izdevumus atmaksā Vecākam pēc līguma ar Vecāku (5. nodaļa „Norēķinu kārtība”), tāpēc līgums ar "
          "sniedzēju un garantijas vēstule par šiem pakalpojumiem nav izveidoti")
# the parent's monthly forms in the folder (audit38 F3, D176): the expense request, for transport also 15 and 16
FORMS = "; Vecākam izsniedz veidlapas šajā mapē: {} (iesniedz reizi mēnesī ar čekiem)"
TRANSPORT_FORMS = FORMS.format("06-izdevumu-atmaksas-pieprasijums, 15-marsruta-lapa, 16-sabiedriska-transporta-atskaite")
REQUEST_FORM = FORMS.format("06-izdevumu-atmaksas-pieprasijums")
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended


def _child(catalogue: Catalogue) -> Child:
    """Transport for the child (20 EUR at actual cost) and ten sessions at the provider's own price: N is well
    under P (the ministry's base amount in the matrix), every line fully funded, no rule error; the one warning is
    D257's reminder that the typed B is not the catalogue's (review33 F3)."""
    inputs = two_line_inputs(catalogue, (TRANSPORT, 20, Decimal(1)), (MARKET, 10, Decimal(20)))
    child = Child(0, "ogre", PEOPLE, inputs)
    result = child.result(catalogue)
    assert (result.errors, result.warnings) == (0, 1)
    assert [f.code for f in result.findings if f.counts] == ["base_differs"]
    return child


def _run(matrix: Path, out: Path, catalogue_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    # the PDFs as stand-ins in the command's own process (a fixture's monkeypatch does not reach it): these tests
    # look at which papers are made and what the console says; --from-matrix PDFs are rendered for real by the
    # in-process tests that read them (tests/documents/test_from_matrix_amounts.py, test_from_matrix_command.py)
    args = [sys.executable, "-c", PDF_STAND_INS + IBM_WITH_PILOT_DAY, "documents", "--from-matrix", str(matrix), "--out", str(out),
            "--day", BUILD_DAY]
    if catalogue_dir is not None:
        args += ["--catalogue", str(catalogue_dir)]
    env = {**os.environ, "PYTHONPATH": str(REPO), "IBM_PSEUDONIMA_ATSLEGA": ""}
    env.pop("IBM_ATKLUDOT", None)
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, env=env, timeout=300)


def _private(console: str) -> list[str]:
    secrets = (PEOPLE.child_name, *PEOPLE.child_name.split(), PEOPLE.child_code, PEOPLE.child_code.replace("-", ""),
               PEOPLE.parent_name, "Pēteris")
    return [s for s in secrets if s in console]


def _papers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("0[23]-*.pdf"))


@pytest.fixture(scope="module")
def labels(catalogue: Catalogue) -> dict[str, str]:
    return {o.id: o.label for o in catalogue.offers(template_date(catalogue))}


def test_a_line_repaid_to_the_parent_is_named_with_the_reason(catalogue: Catalogue, labels: dict[str, str],
                                                               tmp_path: Path) -> None:
    matrix = write_matrices(catalogue, tmp_path, [_child(catalogue)])[0].path
    result = _run(matrix, tmp_path / "out")
    console = result.stdout + result.stderr
    assert result.returncode == 0, console
    assert f"1/1 {matrix.stem} ({matrix.as_posix()}): {labels[TRANSPORT]} – {REASON}{TRANSPORT_FORMS}\n" in result.stdout, console
    assert "Traceback" not in console and labels[MARKET] not in console
    assert _private(console) == [], console
    folder = tmp_path / "out" / matrix.stem
    assert _papers(folder) == ["02-ligums-ar-sniedzeju-1.pdf",
                               "03-garantijas-vestule-1.pdf"]
    assert "taksometrs" not in " ".join(p.name for p in folder.iterdir())
    assert all(p.read_bytes().startswith(PDF_STAND_IN) for p in folder.glob("*.pdf"))  # nothing rendered
    # the folder's report says the same, for whoever opens the folder later
    assert f"Piezīme: {labels[TRANSPORT]} – {REASON}{TRANSPORT_FORMS}\n" in (folder / "parskats.txt").read_text("utf-8")
    # the contract with the parent names the line in its own clause (01 §5), and Word opens it without repair
    contract = folder / "01-ligums-ar-vecaku.docx"
    assert f"Atbalsta plāna pakalpojumu „{labels[TRANSPORT]}” Dienests apmaksā, atmaksājot Vecākam" in \
        normalise(docx_text(contract))
    assert_opens_without_repair(contract, ("word/document.xml", "word/numbering.xml", "word/settings.xml"))


def test_a_catalogue_copy_moves_the_papers_with_the_payee(labels: dict[str, str], catalogue_copy: Path,
                                                          tmp_path: Path) -> None:
    """The copy pays transport to its provider and repays the sessions to the parent: the matrix made from the
    copy's own template gets 02/03 for the transport's provider only, and the console names the sessions."""
    set_payee(catalogue_copy, TRANSPORT, Payee.provider)
    set_payee(catalogue_copy, "3.1.2", Payee.parent)
    changed = load_or_raise(catalogue_copy)
    matrix = write_matrices(changed, tmp_path, [_child(changed)])[0].path
    result = _run(matrix, tmp_path / "out", catalogue_copy)
    console = result.stdout + result.stderr
    assert result.returncode == 0, console
    assert f"1/1 {matrix.stem} ({matrix.as_posix()}): {labels[MARKET]} – {REASON}{REQUEST_FORM}\n" in result.stdout, console
    assert labels[TRANSPORT] not in console and _private(console) == [], console
    folder = tmp_path / "out" / matrix.stem
    assert _papers(folder) == ["02-ligums-ar-sniedzeju-1.pdf",
                               "03-garantijas-vestule-1.pdf"]
    assert f"Piezīme: {labels[MARKET]} – {REASON}{REQUEST_FORM}\n" in (folder / "parskats.txt").read_text("utf-8")
