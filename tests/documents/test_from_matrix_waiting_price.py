"""D348: the contract with the parent (01) and the grant decision (08) grant A, the IB available amount. While A is a
blank because a plan line keeps the catalogue's unconfirmed price (D294) – B confirmed – they are not signable either,
as while A rests on an unconfirmed B (D344): every page carries the not-signable mark naming what it waits for – the
price of which service, from which provider (names from the plan) –, the paper starts with a note, parskats.txt names
them beside their files and in its VISPIRMS line and does not list them among the papers signed as printed. One rule
(signing.not_signable) decides both causes; when A is a figure nothing is marked."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import BLANK_EUR, build
from generator.documents.from_matrix.signing import (
    CONTRACT,
    DECISION,
    HEADING,
    NOT_SIGNABLE_MARK,
    SIGNABLE,
    WAITING_PRICE_FILE,
    not_signable,
    price_line,
)
from generator.documents.from_matrix.writing import render_child
from tests.documents.open_price_papers import open_price_papers
from tests.documents.test_from_matrix_ib_share import _audit_plan, _markets, _reading

SIGNED = ("05-iesniegums-par-sniedzejiem", "07-klienta-lietas-titullapa")
NOTE = "<strong>NAV PARAKSTĀMS.</strong> Šis dokuments ir izveidots tikai iepazīšanai: pakalpojuma cena ("


def test_a_blank_a_on_an_open_price_marks_the_papers_granting_it(later_catalogue: Catalogue) -> None:
    """Fails on the old code: A a blank (the confirmed line alone stays under P, 2.1's price decides N <= P or not),
    yet 01 and 08 carried no mark and read as signable."""
    catalogue = later_catalogue
    reading = _reading(catalogue, [(_markets(catalogue)[0], Decimal("20"), "SIA Viens", None),
                                   ("2.1", None, "SIA Pavadoņi", None)])
    child = build(reading, catalogue, pseudonymous=False)
    assert child.available == BLANK_EUR and child.base_confirmed and not child.ib_on_base
    waiting = not_signable(child)
    assert CONTRACT in waiting and DECISION in waiting and not [d for d in SIGNED if d in waiting]
    label = child.lines[1].label
    assert label.startswith("2.1 ")
    assert waiting.mark == (f"NAV PARAKSTĀMS – gaida Labklājības ministrijas apstiprināto cenu ({label}, sniedzējs SIA "
                            "Pavadoņi)"), waiting.mark
    assert waiting.mark != NOT_SIGNABLE_MARK and "bāzes apmēr" not in waiting.note
    docs = {d.spec.id: d.html for d in render_child(catalogue, catalogue.municipality("ogre"), child,
                                                    reading.data.params_day, False, waiting=waiting)}
    for doc_id in (CONTRACT, DECISION):
        html = docs[doc_id]
        assert waiting.mark in html and '<div class="draft-mark">NAV PARAKSTĀMS</div>' in html, doc_id
        assert f"{NOTE}{label}, sniedzējs SIA Pavadoņi) nav apstiprināta, tāpēc individuālā budžeta pieejamais " \
               "apmērs un citas no tās atkarīgās summas tajā ir tukšas vietas. Parakstāms ir dokuments, ko izveido " \
               "vēlreiz pēc tam, kad Labklājības ministrija ir apstiprinājusi cenu, kas ir spēkā plāna periodā " \
               f"{child.period} (metodikas vietnes sadaļa „Cenas”; vēlākas dienas cena uz šo plānu neattiecas)." \
               in html, doc_id
    for doc_id in SIGNED:
        assert "NAV PARAKSTĀMS" not in docs[doc_id], doc_id
    first = price_line(child) or ""
    assert first.startswith(f"Cena nav apstiprināta ({label}): no tās atkarīga sniedzēja Nr. 2 daļa no IB"), first
    assert first.endswith(f"; līdz tam līgums ar Vecāku ({CONTRACT}) un lēmums par IB piešķiršanu ({DECISION}) ir "
                          "izveidoti tikai iepazīšanai, ar atzīmi „NAV PARAKSTĀMS” katrā lapā, jo no tās atkarīgs arī "
                          "IB pieejamais apmērs A"), first
    assert "NAV PARAKSTĀMS" not in (price_line(child, draft=True) or "")  # a draft's every page is marked anyway


def test_a_figure_a_leaves_every_paper_signable(later_catalogue: Catalogue) -> None:
    """The confirmed lines alone exceed P: A = P whatever 2.1 costs (D294), so 01 and 08 grant a figure."""
    child = build(_audit_plan(later_catalogue, Decimal("500")), later_catalogue, pseudonymous=False)
    assert child.available != BLANK_EUR and child.available_known
    assert not_signable(child) is SIGNABLE and "NAV PARAKSTĀMS" not in (price_line(child) or "")


def test_a_only_a_waiting_for_a_price_is_said_first() -> None:
    """No provider's share waits for the price (the line is the case's own institution's, D50), A does: the VISPIRMS
    line still names the price and the papers made for reading only."""
    from types import SimpleNamespace

    line = SimpleNamespace(label="2.1 Pavadonis", provider="Sociālais dienests", confirmed=False, priced=True)
    child = SimpleNamespace(not_eligible=False, ib_on_base=False, available_known=False, maybe_next=False,
                            providers=[SimpleNamespace(pending=True, funded=True, own="dienests")], by_priority=[line],
                            period="01.10.2026–31.12.2026")
    assert price_line(child) == (  # type: ignore[arg-type]
        f"Cena nav apstiprināta (2.1 Pavadonis): no tās atkarīgs IB pieejamais apmērs A, tāpēc līgums ar Vecāku "
        f"({CONTRACT}) un lēmums par IB piešķiršanu ({DECISION}) ir izveidoti tikai iepazīšanai, ar atzīmi „NAV "
        "PARAKSTĀMS” katrā lapā; kad Labklājības ministrija apstiprina cenu, kas ir spēkā plāna periodā "
        "01.10.2026–31.12.2026 (metodikas vietnes sadaļa „Cenas”; vēlākas dienas cena uz šo plānu neattiecas), "
        "izveidojiet dokumentus vēlreiz no matricas ar apstiprināto cenu")
    assert not_signable(child).mark == ("NAV PARAKSTĀMS – gaida Labklājības ministrijas apstiprināto cenu (2.1 "  # type: ignore[arg-type]
                                        "Pavadonis, sniedzējs Sociālais dienests)")


def _docx_header(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                       if name.startswith("word/header"))


@pytest.mark.usefixtures("pdf_stand_ins")  # the PDF's HTML is what is checked
def test_the_files_of_a_blank_a_on_an_open_price_are_marked(tmp_path: Path) -> None:
    """`ibm documents --from-matrix` on a matrix of the changes catalogue's round: 2.1 keeps its „jāprecizē” price, B
    is confirmed by the papers' day (D301), the confirmed line stays under P – A is a blank for the price alone."""
    folder, console = open_price_papers(tmp_path, 3)
    report = (folder / "parskats.txt").read_text("utf-8")
    assert "Statuss: izveidoti, gaida cenu" in report and "gaida bāzes apmēru B" not in report, report
    mark = "NAV PARAKSTĀMS – gaida Labklājības ministrijas apstiprināto cenu (2.1 "
    for doc_id in (CONTRACT, DECISION):
        html = (folder / f"{doc_id}.pdf").read_text("utf-8", errors="replace")
        assert mark in html and '<div class="draft-mark">NAV PARAKSTĀMS</div>' in html and NOTE in html, doc_id
        assert mark in _docx_header(folder / f"{doc_id}.docx") and "SIA Pavadoņi" in _docx_header(
            folder / f"{doc_id}.docx"), doc_id
        assert f"  {doc_id}.pdf{WAITING_PRICE_FILE}" in report and f"  {doc_id}.docx{WAITING_PRICE_FILE}" in report
    for doc_id in SIGNED:
        assert "NAV PARAKSTĀMS" not in (folder / f"{doc_id}.pdf").read_text("utf-8", errors="replace"), doc_id
        assert "NAV PARAKSTĀMS" not in _docx_header(folder / f"{doc_id}.docx"), doc_id
    first = report.split("VISPIRMS: ", 1)[1].split("\n", 1)[0]
    assert f"({CONTRACT})" in first and f"({DECISION})" in first and "„NAV PARAKSTĀMS”" in first, first
    section = report.split(f"\n{HEADING}\n", 1)[1].split("\n\n", 1)[0]
    [signed] = [line for line in section.splitlines() if "PDF paraksta, kā izdrukāts" in line]
    assert CONTRACT not in signed and DECISION not in signed and all(d in signed for d in SIGNED), signed
    assert f"VISPIRMS: {first}" in console or "„NAV PARAKSTĀMS”" in console, console
    # D359: the checklist's line on 2.1's catalogue price waits for the price of the plan's days, as VISPIRMS says it
    days = first.split("kad Labklājības ministrija apstiprina ", 1)[1].split(" (metodikas", 1)[0]
    assert days.startswith("cenu, kas ir spēkā plāna periodā "), first
    [own] = [line for line in section.splitlines() if "(2.1 " in line and "kataloga" in line]
    assert f"līdz Labklājības ministrija apstiprina {days} (metodikas vietnes sadaļa „Cenas”; vēlākas dienas cena uz " \
           "šo plānu neattiecas)" in own, own


def test_several_awaited_lines_are_counted_in_the_mark_and_named_in_the_note() -> None:
    """The mark is a page header (01, 08, the DOCX header): one awaited line is named there, several are counted
    („3 plāna rindām”) and the note under the heading names each – five names would fill the header over the text."""
    from types import SimpleNamespace

    def line(label: str, *, priced: bool = True) -> SimpleNamespace:
        return SimpleNamespace(label=label, provider="SIA Izdomāts", confirmed=False, priced=priced)

    lines = [line("2.1 Pavadonis"), line("3.1.2 Logopēds"), line("3.1.3 Fizioterapeits"), line("4.1 Asistents", priced=False)]
    child = SimpleNamespace(not_eligible=False, ib_on_base=False, available_known=False, maybe_next=False,
                            providers=[], by_priority=lines, period="01.10.2026–31.12.2026")
    waiting = not_signable(child)  # type: ignore[arg-type]
    assert waiting.mark == ("NAV PARAKSTĀMS – gaida Labklājības ministrijas apstiprinātās cenas 3 plāna rindām un "
                            "sniedzēja cenu vienai plāna rindai (sk. piezīmi dokumenta sākumā, 1. lapā)")
    for item in lines:
        assert item.label in waiting.note, waiting.note
