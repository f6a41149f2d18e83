"""A later prices day's documents (D187, audit39 F4): when the catalogue dates a price change after the build day
inside a children's round not ended, `ibm build` makes, beside the default set, the documents that differ on that
day (as it makes that day's matrices) and the downloads page lists them under the day."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents import build_step
from generator.documents.paths import day_folder, documents_dir
from generator.site import downloads as site_downloads
from generator.site.other_pages import render_downloads
from generator.workbook import render
from tests.documents.municipality_sample import municipality_sample
from tests.round_yaml import catalogue_with_round, children_round_entry

ROUND = "berni-tagad"
PRICE = "6.37"  # a confirmed hourly rate of 2.1 from LATER (the catalogue's own 2.1 values are `jāprecizē`)


@pytest.fixture
def today() -> dt.date:
    """The day the documents step builds on: taken when the test starts, not when the module is imported (a run
    crossing midnight built on the next day)."""
    return dt.date.today()


def _later(today: dt.date) -> dt.date:
    """LATER: the later prices day, inside the made-up round's services."""
    return today + dt.timedelta(days=100)


def _with_later_price(target: Path, today: dt.date) -> Catalogue:
    """The catalogue with a children's round running today for Liepāja and Valmiera, and a confirmed price of 2.1
    from LATER (_later)."""
    entry = children_round_entry(ROUND, "IBM ieviešana bērniem (izdomāta kārta, kas notiek)",
                                 today - dt.timedelta(days=90), today + dt.timedelta(days=300),
                                 services=(today - dt.timedelta(days=30), today + dt.timedelta(days=270)))
    catalogue_with_round(target, entry, holiday_years=tuple(range(today.year - 1, today.year + 2)))
    prices = target / "prices" / "2.1.yaml"
    prices.write_text(prices.read_text("utf-8") + (
        f"  - effective_from: {_later(today).isoformat()}\n    kind: ceiling\n    amount: {PRICE}\n"
        "    source: \"Izdomāts testa avots\"\n    status: apstiprināts\n"), "utf-8")
    from generator.catalogue.loader import load_or_raise

    return load_or_raise(target)


NEW_NAME = "Liepājas valstspilsētas pašvaldība"  # Liepāja's name the fixture confirms from LATER


def _with_a_later_name(target: Path, today: dt.date) -> Catalogue:
    """_with_later_price's catalogue, with Liepāja's municipality named NEW_NAME (confirmed) from LATER."""
    _with_later_price(target, today)
    names = target / "municipality-names.yaml"
    text = names.read_text("utf-8")
    candidate = (f"{NEW_NAME}\n        forms: {{genitive: Liepājas valstspilsētas pašvaldības, "
                 "dative: Liepājas valstspilsētas pašvaldībai, locative: Liepājas valstspilsētas pašvaldībā, gender: "
                 "sieviešu}\n        valid_from: 2021-07-01\n        status: jāprecizē")
    assert text.count(candidate) == 1
    names.write_text(text.replace(candidate, candidate.replace("2021-07-01", _later(today).isoformat()).replace(
        "status: jāprecizē", "status: apstiprināts")), "utf-8")
    from generator.catalogue.loader import load_or_raise

    return load_or_raise(target)


@pytest.fixture
def later_price(tmp_path: Path, today: dt.date) -> Catalogue:
    return _with_later_price(tmp_path / "katalogs", today)


class Counted:
    """Counts the municipal sets rendered and the PDFs written (quick_papers' stand-ins: their HTML)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sets = 0
        self.pdfs: list[Path] = []
        render_set, write_pdf = build_step.render_municipality, build_step.write_pdf

        def counted_set(*args: object, **kwargs: object):  # noqa: ANN202
            self.sets += 1
            return render_set(*args, **kwargs)  # type: ignore[arg-type]

        def counted_pdf(html: str, target: Path) -> Path:
            self.pdfs.append(target)
            return write_pdf(html, target)

        monkeypatch.setattr(build_step, "render_municipality", counted_set)
        monkeypatch.setattr(build_step, "write_pdf", counted_pdf)


@pytest.mark.usefixtures("quick_papers")
def test_without_a_later_change_nothing_more_is_rendered(catalogue: Catalogue, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         today: dt.date) -> None:
    """The real catalogue dates no change after the build day: one set per municipality, no day folder."""
    assert build_step.later_days(catalogue, today) == []
    counted = Counted(monkeypatch)
    lines: list[str] = []
    written = build_step.render_documents(catalogue, tmp_path, lines.append, municipality_id="jelgava")
    assert counted.sets == 1
    assert len(counted.pdfs) == len([p for p in written if p.suffix == ".pdf"]) > 20
    assert not [p for p in written if "cenas-no-" in p.as_posix()]
    assert not [line for line in lines if "cenām no" in line]


@pytest.mark.usefixtures("quick_papers")
def test_a_later_price_day_gives_the_papers_that_differ_with_its_prices(later_price: Catalogue, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          today: dt.date) -> None:
    assert [i.day for i in build_step.later_days(later_price, today)] == [_later(today)]
    counted = Counted(monkeypatch)
    lines: list[str] = []
    build_step.render_documents(later_price, tmp_path, lines.append, municipality_id="liepaja")
    default = documents_dir(tmp_path, "liepaja")
    later = default / day_folder(_later(today))
    assert later.name == f"cenas-no-{_later(today).isoformat()}"
    made = sorted(p.name for p in later.iterdir())
    # the provider's contract and the guarantee letter print the price list; the parent's contract does not
    assert {"02-ligums-ar-sniedzeju.pdf", "02-ligums-ar-sniedzeju.docx", "03-garantijas-vestule.pdf"} <= set(made)
    assert "01-ligums-ar-vecaku.pdf" not in made
    new_rate = lvformat.number(Decimal(PRICE))  # 6,37
    annex = (later / "02-ligums-ar-sniedzeju.pdf").read_text("utf-8")
    old_annex = (default / "02-ligums-ar-sniedzeju.pdf").read_text("utf-8")
    assert f"(cenas uz {lvformat.date(_later(today))})" in annex and new_rate in annex
    # a contract signed today runs past LATER: its annex lists today's price (a blank) and LATER's, each with its
    # days (D218); the later day's set, signed from LATER, has LATER's price alone
    assert f"(cenas uz {lvformat.date(today)} un to izmaiņas līguma termiņā)" in old_annex
    assert f"cena spēkā no {lvformat.date(_later(today))}" in old_annex and new_rate in old_annex
    assert "cena spēkā no" not in annex
    for pdf in later.glob("*.pdf"):  # each one differs from the default set's, and is that day's paper
        assert pdf.read_text("utf-8") != (default / pdf.name).read_text("utf-8"), pdf.name
    # the extra cost: one more set's HTML, and a PDF only for each paper that differs
    assert counted.sets == 2
    assert len(counted.pdfs) == len(list(default.glob("*.pdf"))) + len(list(later.glob("*.pdf")))
    said = [line for line in lines if f"cenām no {lvformat.date(_later(today))}" in line]
    assert said and f"{len(list(later.glob('*.pdf')))} dokument" in said[0] and later.name in said[0], lines


@pytest.mark.usefixtures("quick_papers")
def test_the_downloads_page_lists_them_under_their_day(later_price: Catalogue, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      today: dt.date) -> None:
    monkeypatch.setattr(render, "build_day", lambda: today)
    build_step.render_documents(later_price, tmp_path, lambda _line: None, municipality_id="liepaja")
    for issue in render.issues(later_price, today):  # stand-ins for the day's matrices (the page lists names)
        for name in issue.file_names():
            (tmp_path / render.FOLDER).mkdir(parents=True, exist_ok=True)
            (tmp_path / render.FOLDER / name).write_bytes(b"")
    page = render_downloads(later_price, site_downloads.collect(later_price, tmp_path))
    day = lvformat.date(_later(today))
    heading = f"##### Dokumenti ar cenām no {day}"
    assert page.count(heading) == 1
    day_section = page.split(f"#### Cenas uz {day}", 1)[1].split("\n## ", 1)[0]
    assert heading in day_section  # next to the day's matrices
    link = f"lejupielades/dokumenti/liepaja/{day_folder(_later(today))}/02-ligums-ar-sniedzeju.pdf"
    assert f"]({link})" in day_section.split(heading, 1)[1]
    documents = page.split("\n## Dokumenti", 1)[1].split("\n## ", 1)[0]
    assert day_folder(_later(today)) not in documents  # not among the default sets
    assert re.search(r"\]\(lejupielades/dokumenti/liepaja/02-ligums-ar-sniedzeju\.pdf\)", documents)
    # no report workbook is made for the day (none depends on it, test_later_day_reports.py): the section says which
    # ones to use
    said = " ".join(day_section.split(heading, 1)[1].split("|", 1)[0].split())
    assert (f"Atskaišu veidnes šai dienai atsevišķi neveido: tajās nav cenu, un to aprēķini nav atkarīgi no cenu "
            f"dienas, tāpēc arī no {day} lieto sadaļas [Atskaišu veidnes](#atskaisu-veidnes) veidnes.") in said
    assert "## Atskaišu veidnes" in page
    assert "veidnes.\n\n| Pašvaldība | Datne |" in day_section  # the table after a blank line, not in the text
    intro = page.split("\n## ", 1)[0]
    assert "ņem no vietnes, kas izveidota šajā dienā vai vēlāk" not in intro  # D185's sentence, changed
    assert "„Dokumenti ar cenām no …”" in " ".join(intro.split()) and "D187" in intro


@pytest.mark.slow  # a whole `ibm build` (papers as stand-ins, six matrices, the site)
@pytest.mark.usefixtures("quick_papers")
def test_ibm_build_makes_and_links_the_later_days_papers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         today: dt.date) -> None:
    """By default the build makes the papers of Liepāja (in the made-up round) and of the municipalities that show
    every kind (tests/documents/municipality_sample.py, D223); every pilot municipality's with IBM_FULL=1."""
    from click.testing import CliRunner

    from generator.cli import main

    later_price = _with_later_price(tmp_path / "katalogs", today)
    sample = municipality_sample(later_price)
    papers = [m for m in later_price.pilot_municipalities() if m in sample or m.id == "liepaja"]
    real = build_step.selected_municipalities
    monkeypatch.setattr(build_step, "selected_municipalities",
                        lambda cat, municipality_id: papers if municipality_id is None else real(cat, municipality_id))
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--catalogue", str(tmp_path / "katalogs"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    day = lvformat.date(_later(today))
    # the name in force that day (D189) – or the id with „(nosaukums jāprecizē)” while it is not confirmed
    name = later_price.stated_name_on("liepaja", _later(today))
    assert f"dokumenti ar cenām no {day}: {name} – " in result.output
    rel = f"lejupielades/dokumenti/liepaja/{day_folder(_later(today))}/02-ligums-ar-sniedzeju.pdf"
    annex = (out / rel).read_text("utf-8")
    assert f"(cenas uz {day})" in annex and lvformat.number(Decimal(PRICE)) in annex
    page = (out / "vietne" / "lejupielades.html").read_text("utf-8")
    assert f'href="{rel}"' in page and (out / "vietne" / rel).is_file()
    made = {p.name for p in (out / "lejupielades" / "dokumenti").iterdir()}
    assert made == {m.id for m in papers}, made
    assert f"Dokumenti ar cenām no {day}" in page
    again = CliRunner().invoke(main, ["build", "--catalogue", str(tmp_path / "katalogs"), "--out", str(out)])
    assert again.exit_code == 0 and "Dokumenti: nav mainīts" in again.output, again.output  # the same day's key


@pytest.mark.usefixtures("quick_papers")
def test_a_name_the_catalogue_confirms_from_the_day_makes_the_papers_naming_it_differ(tmp_path: Path,
                                                                                      today: dt.date) -> None:
    """The papers of a later day name the parties as on that day when the catalogue names them otherwise then (D43):
    a name confirmed from that day is in each paper that names the municipality, not only in the price annexes."""
    build_step.render_documents(_with_a_later_name(tmp_path / "katalogs", today), tmp_path / "out", lambda _line: None,
                                municipality_id="liepaja")
    default = documents_dir(tmp_path / "out", "liepaja")
    later = default / day_folder(_later(today))
    parent_contract = "01-ligums-ar-vecaku.pdf"  # no price in it: made for the day only because of the name
    assert "Liepājas valstspilsētas pašvaldība" in (later / parent_contract).read_text("utf-8")
    assert "Liepājas valstspilsētas pašvaldība" not in (default / parent_contract).read_text("utf-8")


@pytest.mark.usefixtures("quick_papers")
def test_the_downloads_page_names_a_later_days_papers_as_they_name_the_municipality(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date) -> None:
    """A municipality renamed between the build day and a later prices day: the page lists that day's papers under
    the name in force on that day – as the papers and the build's progress line name it –, the default set's under
    the build day's name (D187, D189)."""
    monkeypatch.setattr(render, "build_day", lambda: today)
    renamed = _with_a_later_name(tmp_path / "katalogs", today)
    old_name = renamed.name_on("liepaja", today)
    assert old_name != NEW_NAME == renamed.name_on("liepaja", _later(today))
    lines: list[str] = []
    build_step.render_documents(renamed, tmp_path / "out", lines.append, municipality_id="liepaja")
    assert [line for line in lines if f"cenām no {lvformat.date(_later(today))}: {NEW_NAME} – " in line], lines
    downloads = site_downloads.collect(renamed, tmp_path / "out")
    later = [d for d in downloads if f"/{day_folder(_later(today))}/" in d.path]
    default = [d for d in downloads if d.path.startswith("lejupielades/dokumenti/liepaja/") and d not in later]
    assert later and default
    assert {d.municipality for d in later} == {NEW_NAME}
    assert {d.municipality for d in default} == {old_name}
    paper = next(d for d in later if d.path.endswith("01-ligums-ar-vecaku.pdf"))  # the papers print the name
    assert NEW_NAME in (tmp_path / "out" / paper.path).read_text("utf-8")
    page = render_downloads(renamed, downloads)
    day_section = page.split(f"Dokumenti ar cenām no {lvformat.date(_later(today))}", 1)[1]
    rows = [row for row in day_section.splitlines() if day_folder(_later(today)) in row]
    assert rows and all(row.startswith(f"| {NEW_NAME} |") for row in rows), rows
