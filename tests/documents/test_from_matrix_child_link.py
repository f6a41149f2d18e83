"""Which child a provider paper is for (audit10 F9): 02 and 03 never name the child (D47), so next to the child's
code they have a line for the parent contract's number and date and a note on both blanks, and parskats.txt
tells the social worker to write them in before signing (child_link.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.child_link import child_link_lines
from generator.documents.html import PREPARER_LABEL
from tests.documents.child_render import child_html, text
from tests.documents.from_matrix_helpers import funded_child

LINK = "Līgums ar Vecāku par individuālā budžeta saņemšanu: datums un Nr."
CODE_NOTE = "bērna identifikācijas kodu – kad Dienests to bērnam piešķīris pēc līguma ar Vecāku parakstīšanas"
HEADING = "Pirms parakstīšanas pārbaudiet:"


def _provider_papers(html: dict[str, str]) -> dict[str, str]:
    papers = {doc_id: text(body) for doc_id, body in html.items() if doc_id.startswith(("02-", "03-"))}
    assert {doc_id[:3] for doc_id in papers} == {"02-", "03-"}
    return papers


def test_without_a_key_both_blanks_have_a_note(catalogue: Catalogue) -> None:
    _, html = child_html(catalogue, 40)
    for doc_id, paper in _provider_papers(html).items():
        assert "Bērna identifikācijas kods" in paper and LINK in paper, doc_id
        word = "vēstulē" if doc_id.startswith("03-") else "līgumā"
        # the rule is the paper's text, not a note; how the fields are filled is the preparer's (D369)
        rule = f"Bērnu {word} vārdā nenosauc: to identificē identifikācijas kods un līgums ar Vecāku."
        fill = f"{PREPARER_LABEL} Līguma ar Vecāku numuru un datumu ieraksta tādus pašus kā tajā; {CODE_NOTE}."
        assert rule in paper and fill in paper and "Piezīme. Bērnu" not in paper, doc_id
        # both follow the fields they are about, before the services
        assert paper.index(LINK) < paper.index(rule) < paper.index(fill) < paper.index("Pakalpojum", paper.index(LINK))


def test_with_a_key_the_code_is_printed_and_only_the_contract_is_left(catalogue: Catalogue) -> None:
    child, html = child_html(catalogue, 40, pseudonymous=True)
    assert child.identification == "B-0C92186DF5F4"
    for doc_id, paper in _provider_papers(html).items():
        assert "Bērna identifikācijas kods: B-0C92186DF5F4" in paper, doc_id
        assert LINK in paper and CODE_NOTE not in paper, doc_id
        assert "Līguma ar Vecāku numuru un datumu ieraksta tādus pašus kā tajā." in paper, doc_id


def test_the_reminder_is_made_only_when_there_are_provider_papers() -> None:
    papers = ["01-ligums-ar-vecaku.pdf", "02-ligums-ar-sniedzeju-1.pdf", "03-garantijas-vestule-1.pdf"]
    [blank] = child_link_lines("", papers)
    assert "ierakstiet līguma ar Vecāku (01-ligums-ar-vecaku) numuru un datumu" in blank
    assert blank.endswith("bērna identifikācijas kodu ieraksta, kad Dienests to bērnam piešķīris")
    [coded] = child_link_lines("B-0C92186DF5F4", papers)
    assert coded.endswith("bērna identifikācijas kods tajos jau ierakstīts")
    assert child_link_lines("", ["01-ligums-ar-vecaku.pdf", "08-lemums-par-pieskirsanu.pdf"]) == []


@pytest.mark.slow
@pytest.mark.usefixtures("pdf_stand_ins")
def test_parskats_tells_to_write_in_the_parent_contract(catalogue: Catalogue, tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path)
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(child.path), "--out", str(tmp_path / "out"),
                                    "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    folder = tmp_path / "out" / child.path.stem
    assert list(folder.glob("02-*.pdf")) and list(folder.glob("03-*.pdf"))
    report = (folder / "parskats.txt").read_text("utf-8")
    section = report.split(HEADING, 1)[1].split("\n\n", 1)[0].splitlines()
    lines = [line for line in section if "identificē tikai identifikācijas kods un līgums ar Vecāku" in line]
    assert lines == ["  - Līgumos ar sniedzējiem (02-…) un garantijas vēstulēs (03-…) bērnu identificē tikai "
                     "identifikācijas kods un līgums ar Vecāku: pirms parakstīšanas ierakstiet līguma ar Vecāku "
                     "(01-ligums-ar-vecaku) numuru un datumu; bērna identifikācijas kodu ieraksta, kad Dienests to "
                     "bērnam piešķīris"], report
