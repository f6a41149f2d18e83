"""D355: the papers' words on blank prices from `ibm documents --from-matrix` – a note under 05's table naming its
blank unit prices, the IB table's note in the singular or the plural and without hand-filling on a paper marked
NAV PARAKSTĀMS, parskats.txt's reason per provider (an unconfirmed price or no provider's price in 6.8), B and the
prices both named in VISPIRMS, the mark's pointer to its note, the decision's checklist heading and the summary."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from click.testing import CliRunner

from generator.catalogue.loader import load_or_raise
from generator.cli import main
from generator.documents.from_matrix.checklist import before_signing
from generator.documents.from_matrix.price_notes import price_note
from generator.documents.from_matrix.run import Summary
from generator.documents.from_matrix.signing import SEE_NOTE, base_line, not_signable
from generator.lvformat import date as lv_date
from generator.reference.lines import line_from_offer
from generator.reference.rounds import plan_end
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import BASE_CONFIRMED, MATRIX_DAY, changes_catalogue

CONTRACT, DECISION, CHOICE = "01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu", "05-iesniegums-par-sniedzejiem"
HAND = "ieraksta, kad Labklājības ministrija"  # the signable papers' hand-fill words


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The audit's plan: a confirmed line, three at the catalogue's „jāprecizē” price (2.1, 3.6, 1.4.2) and one
    without a provider's price in 6.8 (1.4.1), each with its own provider; B confirmed by the papers' day (D301)."""
    from generator.documents.from_matrix import writing
    from tests.documents.conftest import PDF_STAND_IN

    root = tmp_path_factory.mktemp("many")
    changes_catalogue(root / "catalogue")
    for sid, amount in (("3.6", "12.00"), ("1.4.1", "8.00"), ("1.4.2", "9.00")):
        with open(root / "catalogue" / "prices" / f"{sid}.yaml", "a", encoding="utf-8") as fh:
            fh.write(f"  - effective_from: 2021-07-01\n    kind: ceiling\n    amount: {amount}\n"
                     '    source: "Testa dati"\n    status: jāprecizē\n')
    catalogue = load_or_raise(root / "catalogue")
    template = write_workbook(catalogue, root / "veidne.xlsx", None, MATRIX_DAY)
    offers = {o.id: o for o in catalogue.offers(MATRIX_DAY)}

    def line(oid: str, price: Decimal | None, rank: int):  # noqa: ANN202
        return line_from_offer(offers[oid], 3, unit_price=price, expert_rank=rank, parent_rank=rank,
                               planned_units=(1, 1, 1))

    lines = (line("3.1.2i", Decimal(20), 1), *(line(oid, offers[oid].prefill_price, rank) for rank, oid in
                                               enumerate(("2.1", "3.6", "1.4.1", "1.4.2"), 2)))
    inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1), period_start=MATRIX_DAY, months=3, special_care=False,
                            impairment="multipli", lines=lines, base=None)
    people = People(child_name="Ilze Paraugs", child_code="010619-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra",
                    providers={"3.1.2i": "SIA Viens", "2.1": "SIA Pavadoņi", "3.6": "Biedrība „Saule”",
                               "1.4.1": "SIA Rehab", "1.4.2": "IK Ūdens"})
    [child] = write_children(catalogue, template, [Child(0, "liepaja", people, inputs)], root / "in",
                             by_municipality=False)
    book = openpyxl.load_workbook(child.path)  # 1.4.1's provider price in 6.8: 0,00 – „nav sniedzēja cenas” (D313)
    sheet = book["6.8"]
    [row] = [c.row for r in sheet.iter_rows() for c in r
             if isinstance(c.value, str) and c.value.startswith("1.4.1") and c.column < 9]
    sheet.cell(row=row, column=9).value = 0
    book.save(child.path)
    out = root / "out"
    with pytest.MonkeyPatch.context() as patch:  # the PDF's HTML is what is checked (conftest pdf_stand_ins)
        patch.setattr(writing, "write_pdf", lambda html, target: target.write_bytes(
            PDF_STAND_IN + html.encode("utf-8")) and target)
        run = CliRunner().invoke(main, ["documents", "--catalogue", str(root / "catalogue"), "--from-matrix",
                                        str(child.path), "--out", str(out), "--day",
                                        lv_date(BASE_CONFIRMED + dt.timedelta(days=2))],
                                 env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    return out / child.path.stem, run.output


def _period() -> str:
    """The ``many`` plan's period: three months from MATRIX_DAY."""
    return f"{lv_date(MATRIX_DAY)}–{lv_date(plan_end(MATRIX_DAY, 3))}"


def _pdf(folder: Path, doc_id: str) -> str:
    return (folder / f"{doc_id}.pdf").read_text("utf-8", errors="replace")


def _docx(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(name).decode("utf-8") for name in package.namelist() if name.startswith("word/"))


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_the_choice_of_providers_says_where_its_blank_prices_come_from(many: tuple[Path, str]) -> None:
    """Fails on the old code: 05 (signed as printed) had „______” price cells and no note."""
    folder, _ = many
    note = ("Cenas (2.1 Pavadonis, 3.6 Dienas aprūpes centrs, 1.4.2 Atelpas brīdis mājās) vēl nav apstiprinātas: "
            f"tās ieraksta, kad Labklājības ministrija publicē cenas, kas ir spēkā plāna periodā {_period()} "
            "(metodikas vietnes sadaļa „Cenas”; vēlāku dienu cenas uz šo plānu neattiecas). Nav sniedzēja cenas (1.4.1 Atelpas brīdis institūcijā): to ieraksta tādu pašu, kāda tā būs "
            "ierakstīta matricas 6.8. tabulā.")
    assert f'<p class="note">{note}</p>' in _pdf(folder, CHOICE)
    assert "Cenas (2.1 Pavadonis, 3.6 Dienas aprūpes centrs, 1.4.2 Atelpas brīdis mājās)" in _docx(
        folder / f"{CHOICE}.docx")


def test_a_paper_not_signable_gets_its_prices_when_made_again(many: tuple[Path, str]) -> None:
    """Fails on the old code: „Cena (three services) vēl nav apstiprināta … to publicē” on 01 and 08, both marked
    NAV PARAKSTĀMS, telling the reader to write the figures in by hand."""
    folder, _ = many
    for doc_id in (CONTRACT, DECISION):
        html = _pdf(folder, doc_id)
        assert "Cenas (1.4.2 Atelpas brīdis mājās, 2.1 Pavadonis, 3.6 Dienas aprūpes centrs) vēl nav apstiprinātas: " \
               "apstiprinātās cenas un no tām atkarīgās summas būs dokumentā, ko izveido vēlreiz no matricas pēc tam, " \
               f"kad Labklājības ministrija publicē cenas, kas ir spēkā plāna periodā {_period()} (metodikas " \
               "vietnes sadaļa „Cenas”; vēlāku dienu cenas uz šo plānu neattiecas)." in html, doc_id
        assert "Nav sniedzēja cenas (1.4.1 Atelpas brīdis institūcijā): tā un no tās atkarīgās summas būs " \
               "dokumentā, ko izveido vēlreiz no matricas pēc tam, kad sniedzēja cenu ieraksta matricas 6.8. " \
               "tabulā." in html, doc_id
        assert HAND not in html and "vēl nav apstiprināta:" not in html, doc_id
        assert f"({SEE_NOTE})" in html and f"({SEE_NOTE})" in _docx(folder / f"{doc_id}.docx"), doc_id


def test_the_report_says_what_each_provider_waits_for(many: tuple[Path, str]) -> None:
    """Fails on the old code: SIA Rehab (no price in 6.8) was said to wait for an approved price; the decision's
    checklist invited signing a paper marked NAV PARAKSTĀMS; the summary read „izveidoti, gaida cenu: 1”."""
    folder, output = many
    report = (folder / "parskats.txt").read_text("utf-8")
    assert ("Nr. 4 (SIA Rehab) – pakalpojumi: 1.4.1 Atelpas brīdis institūcijā; līgums un garantijas vēstule nav "
            "izveidoti, kamēr matricas 6.8. tabulā nav ierakstīta sniedzēja cena, no kuras atkarīga tā daļa no IB") \
        in report, report
    assert ("Nr. 2 (SIA Pavadoņi) – pakalpojumi: 2.1 Pavadonis; līgums un garantijas vēstule nav izveidoti, kamēr nav "
            "apstiprināta cena, no kuras atkarīga tā daļa no IB") in report, report
    assert f"Pirms lēmuma par individuālā budžeta piešķiršanu ({DECISION}) parakstīšanas:" not in report
    assert f"\nKad lēmumu par individuālā budžeta piešķiršanu ({DECISION}) varēs parakstīt (tas jāizveido vēlreiz " \
           "bez atzīmes „NAV PARAKSTĀMS”):\n" in report, report
    assert "Gatavs: izveidoti 0, gaida cenu 1, melnraksti 0, atteikti 0." in output, output


def test_a_provider_waiting_for_both_kinds_of_price_names_both() -> None:
    from generator.documents.from_matrix.provider_notes import awaited_price

    lines = [SimpleNamespace(confirmed=False, priced=True, ib_confirmed=False),
             SimpleNamespace(confirmed=False, priced=False, ib_confirmed=False)]
    child = SimpleNamespace(lines=lines)
    assert awaited_price(child, SimpleNamespace(lines=lines)) == (  # type: ignore[arg-type]
        "nav apstiprināta cena un matricas 6.8. tabulā nav ierakstīta sniedzēja cena, no kurām atkarīga tā daļa no IB")


PERIOD = "01.10.2026–31.12.2026"
PLAN_DAYS = (f"cenu, kas ir spēkā plāna periodā {PERIOD} (metodikas vietnes sadaļa „Cenas”; vēlākas dienas cena uz "
             "šo plānu neattiecas)")


def test_several_lines_are_plural_and_one_singular() -> None:
    """D359: a blank price's note names the price of the plan's own days, as VISPIRMS does (plan_days_price) – not
    „kad Labklājības ministrija to publicē” as if any day's price would do."""
    assert price_note(["2.1 Pavadonis"], [], period=PERIOD) == (
        "Cena (2.1 Pavadonis) vēl nav apstiprināta: to un no tās atkarīgās summas ieraksta, kad Labklājības "
        f"ministrija publicē {PLAN_DAYS}.")
    assert price_note(["2.1 Pavadonis", "3.6 Centrs"], [], period=PERIOD) == (
        "Cenas (2.1 Pavadonis, 3.6 Centrs) vēl nav apstiprinātas: tās un no tām atkarīgās summas ieraksta, kad "
        f"Labklājības ministrija publicē cenas, kas ir spēkā plāna periodā {PERIOD} (metodikas vietnes sadaļa "
        "„Cenas”; vēlāku dienu cenas uz šo plānu neattiecas).")
    assert price_note([], ["1.4.1 Atelpas brīdis", "1.6 Asistents"], period=PERIOD) == (
        "Nav sniedzēju cenu (1.4.1 Atelpas brīdis, 1.6 Asistents): tās un no tām atkarīgās summas ieraksta, kad "
        "sniedzēju cenas ieraksta matricas 6.8. tabulā.")
    assert price_note(["2.1 Pavadonis"], [], period=PERIOD, waiting=True) == (
        "Cena (2.1 Pavadonis) vēl nav apstiprināta: apstiprinātā cena un no tās atkarīgās summas būs dokumentā, ko "
        f"izveido vēlreiz no matricas pēc tam, kad Labklājības ministrija publicē {PLAN_DAYS}.")
    assert price_note(["2.1 Pavadonis"], [], period=PERIOD, sums=False) == (  # 05: the unit price alone
        f"Cena (2.1 Pavadonis) vēl nav apstiprināta: to ieraksta, kad Labklājības ministrija publicē {PLAN_DAYS}.")
    assert price_note([], [], period=PERIOD) == ""


def test_the_not_signable_note_names_the_plans_days() -> None:
    """D359: the note at the start of a paper waiting for a price names the price of the plan's days, as VISPIRMS."""
    lines = [SimpleNamespace(label="2.1 Pavadonis", provider="SIA Izdomāts", confirmed=False, priced=True)]
    child = SimpleNamespace(not_eligible=False, ib_on_base=False, available_known=False, by_priority=lines,
                            period=PERIOD)
    assert not_signable(child).note.endswith(  # type: ignore[arg-type]
        f"Parakstāms ir dokuments, ko izveido vēlreiz pēc tam, kad Labklājības ministrija ir apstiprinājusi {PLAN_DAYS}.")


def test_b_and_open_prices_both_named_first() -> None:
    """Fails on the old code: with B and prices open, VISPIRMS promised the papers signable once made again with the
    confirmed B alone. The prices are those of the plan's own days (D359), not any later confirmed one."""
    lines = [SimpleNamespace(label="2.1 Pavadonis", confirmed=False, priced=True),
             SimpleNamespace(label="1.4.1 Atelpas brīdis", confirmed=False, priced=False)]
    child = SimpleNamespace(not_eligible=False, base_confirmed=False, base_withdrawn_from=None, base_withdrawn_by=None,
                            base_confirmed_from=None, ib_on_base=True, maybe_next=False, by_priority=lines,
                            period=PERIOD)
    assert (base_line(child) or "").endswith(  # type: ignore[arg-type]
        f"tos paraksta tikai tad, kad tie izveidoti vēlreiz ar apstiprināto B, plāna periodā {PERIOD} spēkā esošo "
        "apstiprināto cenu (2.1 Pavadonis) un matricas 6.8. tabulā ierakstītu sniedzēja cenu (1.4.1 Atelpas brīdis)")
    child.by_priority = lines[:1] * 1 + [SimpleNamespace(label="3.6 Centrs", confirmed=False, priced=True)]
    assert (base_line(child) or "").endswith(  # type: ignore[arg-type]
        f"ar apstiprināto B un plāna periodā {PERIOD} spēkā esošajām apstiprinātajām cenām (2.1 Pavadonis, 3.6 Centrs)")
    child.by_priority = []
    assert (base_line(child) or "").endswith("ar apstiprināto B")  # type: ignore[arg-type]


def test_the_mark_points_at_the_note_on_the_first_page() -> None:
    lines = [SimpleNamespace(label=f"{n} X", provider="SIA Izdomāts", confirmed=False, priced=True) for n in (1, 2)]
    child = SimpleNamespace(not_eligible=False, ib_on_base=False, available_known=False, by_priority=lines,
                            period=PERIOD)
    assert not_signable(child).mark.endswith(  # type: ignore[arg-type]
        "(sk. piezīmi dokumenta sākumā, 1. lapā)")


def test_the_summary_counts_read_each_as_a_word_and_a_number() -> None:
    summary = Summary()
    summary.waiting, summary.waiting_price = 2, 1
    assert summary.line().startswith("Gatavs: izveidoti 0, gaida B 2, gaida cenu 1, melnraksti 0, atteikti 0")


def test_a_signable_grant_keeps_its_heading() -> None:
    child = SimpleNamespace(refusal=None, round_gen="kārtas", round_end="31.12.2027")
    assert before_signing(child)[1].startswith("Pirms lēmuma par")  # type: ignore[arg-type]
    assert before_signing(child, signable=False)[1].startswith("Kad lēmumu par")  # type: ignore[arg-type]


def test_a_provider_waits_only_for_the_open_prices_ahead_of_it() -> None:
    """D294: a provider whose own lines are confirmed waits for the open prices of the lines AHEAD of it in priority
    order – a line after it does not decide its share; several open prices are said in the plural."""
    from generator.documents.from_matrix.provider_notes import awaited_price

    ahead = SimpleNamespace(confirmed=False, priced=True)
    own = SimpleNamespace(confirmed=True, priced=True, ib_confirmed=False)  # its share waits for ``ahead``'s price
    after = SimpleNamespace(confirmed=False, priced=False)
    child = SimpleNamespace(lines=[after, own, ahead], by_priority=[ahead, own, after])
    assert awaited_price(child, SimpleNamespace(lines=[own])) == (  # type: ignore[arg-type]
        "nav apstiprināta cena, no kuras atkarīga tā daļa no IB")
    second = SimpleNamespace(confirmed=False, priced=True)
    child = SimpleNamespace(lines=[ahead, second, own], by_priority=[ahead, second, own])
    assert awaited_price(child, SimpleNamespace(lines=[own])) == (  # type: ignore[arg-type]
        "nav apstiprinātas cenas, no kurām atkarīga tā daļa no IB")


def test_lines_whose_names_hold_a_comma_are_parted_by_semicolons() -> None:
    assert price_note(["1.1.1i Psihologs vecākiem, individuāli", "3.1.1i Fizioterapeits, individuāli"], [],
                      period=PERIOD).startswith(
        "Cenas (1.1.1i Psihologs vecākiem, individuāli; 3.1.1i Fizioterapeits, individuāli) vēl nav apstiprinātas")
