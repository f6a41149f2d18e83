"""Markdown pitfalls in the methodology text: a line that starts with a year and a dot ("2018. gadā …")
becomes a numbered list starting at 2018, and the year disappears from the page. Such a line must escape
the dot ("2018\\. gadā"). And the facts a page states about the catalogue (a worked example's working days, whether
the rounds have ended, when a cited act was in force) come from the catalogue, not typed in the page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.lvformat import number
from generator.site.context import template_context
from generator.site.methodology import render_methodology
from tests.round_yaml import catalogue_with_round, children_round_entry

YEAR_AT_LINE_START = re.compile(r"^\s*(?:[-*+]\s+)?\d{3,4}\.\s")


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    return render_methodology(catalogue.root, template_context(catalogue)).pages


def test_the_check_sees_the_pitfall() -> None:
    assert YEAR_AT_LINE_START.match("2018. gada maijā notika tikšanās")
    assert YEAR_AT_LINE_START.match("- 1995. gadā IB kļuva pastāvīgs")
    assert YEAR_AT_LINE_START.match("  2003. gadā vienkāršoja kontroli")
    assert not YEAR_AT_LINE_START.match("2018\\. gada maijā notika tikšanās")
    assert not YEAR_AT_LINE_START.match("1. solis – bērna dati")


def test_no_line_of_a_page_starts_with_a_year_and_a_dot(rendered: dict[str, str]) -> None:
    found = [f"{name}:{no}: {line.strip()}" for name, text in sorted(rendered.items())
             for no, line in enumerate(text.splitlines(), 1)
             if YEAR_AT_LINE_START.match(line) and not line.lstrip().startswith("|")]
    assert found == [], "Markdown to pārvērstu numurētā sarakstā:\n" + "\n".join(found)


# --- Facts the pages state come from the catalogue (audit22 F11, F18, F49) ---------------------------------------

def _pages(catalogue: Catalogue) -> dict[str, str]:
    return render_methodology(catalogue.root, template_context(catalogue)).pages


def _decision(pages: dict[str, str], number: str) -> str:
    (row,) = [line for line in pages["rekonstrukcijas-un-lemumi.md"].splitlines() if line.startswith(f"| {number} |")]
    return row


def test_d11s_worked_example_counts_the_catalogues_holidays(rendered: dict[str, str], catalogue_copy: Path) -> None:
    """F11: June 2019 from the 12th has 12 working days because 24.06.2019 is a holiday in holidays.yaml; without
    that holiday the page counts 13 (and 20 for the whole month) – the figures are not typed in the page."""
    assert ("plānam, kas sākas 12.06.2019, jūnijā ir 12 darba dienas (24.06.2019 – svētku diena), nevis visa "
            "mēneša 19.") in _decision(rendered, "D11")
    holidays = catalogue_copy / "holidays.yaml"
    text = holidays.read_text("utf-8")
    line = "      - {date: 2019-06-24, name_lv: Jāņu diena}\n"
    assert line in text
    recurring = '  - {day: "24.06", name_lv: Jāņu diena}\n'  # a catalogue whose law has no such holiday
    assert recurring in text
    holidays.write_text(text.replace(line, "").replace(recurring, ""), "utf-8")
    row = _decision(_pages(load_or_raise(catalogue_copy)), "D11")
    assert "jūnijā ir 13 darba dienas, nevis visa mēneša 20." in row and "24.06.2019" not in row


def test_the_rounds_state_is_not_typed_as_fact(rendered: dict[str, str], tmp_path: Path) -> None:
    """F18: D26 and D108 say the catalogue's rounds have ended only while they have: with a round after the
    reform that is still running, D26 names it among the rounds whose papers use the names in force (D43) and D108
    names the last round's end instead of "all rounds have ended"."""
    assert "(28.02.2021) tieši to redzētu ikviens" in _decision(rendered, "D108")
    assert "Visas kataloga kārtas" in _decision(rendered, "D26")
    later = catalogue_with_round(tmp_path / "catalogue", children_round_entry(
        "berni-2026", "IBM ieviešana bērniem (izdomāta otrā kārta)", dt.date(2026, 9, 1), dt.date(2027, 12, 31)))
    pages = _pages(later)
    d108, d26 = _decision(pages, "D108"), _decision(pages, "D26")
    assert "visas kataloga kārtas ir beigušās" not in d108 and "(31.12.2027) tieši to redzētu ikviens" in d108
    assert "Visas kataloga kārtas" not in d26
    assert "(28.02.2021) beidzās pirms reformas" in d26
    assert "Kārtas „IBM ieviešana bērniem (izdomāta otrā kārta)” dokumenti lieto nosaukumu, kas spēkā" in d26


def test_the_childrens_pilot_length_is_the_catalogues_and_named_as_the_childrens(rendered: dict[str, str],
                                                                                    catalogue_copy: Path) -> None:
    """audit31e F8 (D254): D55, D233, D246 and D247 give the children's pilot round's calendar months from
    rounds.yaml (15 for 01.08.2018–31.10.2019), never typed, and say it is the children's pilot's – the adults'
    pilot's services also took 15 months; a pilot of 17 months reads 17."""
    source = (DEFAULT_CATALOGUE / "metodika" / "rekonstrukcijas-un-lemumi.md").read_text("utf-8")
    assert not re.search(r"\b15 mēneš", source), "a typed length of the children's pilot"
    assert "kārtai, kas ir garāka par bērnu izmēģinājumprojekta kārtas 15 mēnešiem?" in _decision(rendered, "D247")
    assert "bērnu izmēģinājumprojekta kārtas 15 mēnešu atskaitē" in _decision(rendered, "D246")
    assert "kas blakus bērnu izmēģinājumprojekta kārtas 15 mēnešu ailēm" in _decision(rendered, "D55")
    rounds = catalogue_copy / "rounds.yaml"
    text = rounds.read_text("utf-8")
    assert text.count("    end: 2019-10-31\n") == 1
    rounds.write_text(text.replace("    end: 2019-10-31\n", "    end: 2019-12-31\n"), "utf-8")
    pages = _pages(load_or_raise(catalogue_copy))
    assert "kārtai, kas ir garāka par bērnu izmēģinājumprojekta kārtas 17 mēnešiem?" in _decision(pages, "D247")
    assert "Katra reģistra 17 mēneši (bērnu izmēģinājumprojekta kārta)" in _decision(pages, "D233")


def test_the_participants_row_names_both_pilots(rendered: dict[str, str], catalogue: Catalogue) -> None:
    """audit31e F7: the row is about both pilots' participants, not headed „Bērnu skaits”."""
    page = rendered["rekonstrukcijas-un-lemumi.md"]
    children, adults = (catalogue.rounds_of(p)[0].participants for p in ("bērni", "pieaugušie"))
    assert "| Bērnu skaits:" not in page
    assert (f"| Dalībnieku skaits: bērnu izmēģinājumprojektā – metodikā „vismaz simts”, jaunumos simts, ministrijas "
            f"prezentācijā {children}; pieaugušo izmēģinājumprojektā – jaunumos par tā pagarināšanu simts, ministrijas "
            f"prezentācijā {adults} |") in page


def test_d18_quotes_the_schemes_term_as_a_citation(rendered: dict[str, str]) -> None:
    """F12: the scheme's five days are a quotation of the source with its line, beside the catalogue's term."""
    assert ("Metodikas shēmā (L2626) ir cits termiņš – „piecu darba dienu laikā pēc termiņa beigām”"
            in _decision(rendered, "D18"))


def test_mk_288_is_cited_with_its_known_period(rendered: dict[str, str], catalogue_copy: Path) -> None:
    """F49: the pages that cite MK Nr. 288's decision term say when the catalogue knows it was in force
    (tiesibu-akti.yaml `known_in_force`), not as today's law; the period comes from the catalogue."""
    assert "šie noteikumi bija spēkā\n   29.03.2018–30.09.2018 (D42)" in rendered["ib-pieskirsana.md"]
    assert "šie noteikumi bija spēkā laikā no 29.03.2018 līdz 30.09.2018" in rendered["izstrades-metode.md"]
    acts = catalogue_copy / "tiesibu-akti.yaml"
    acts.write_text(acts.read_text("utf-8").replace("      until: 2018-09-30\n", "      until: 2018-10-31\n", 1), "utf-8")
    pages = _pages(load_or_raise(catalogue_copy))
    assert "29.03.2018–31.10.2018 (D42)" in pages["ib-pieskirsana.md"]
    assert "no 29.03.2018 līdz 31.10.2018" in pages["izstrades-metode.md"]


def test_the_steps_name_every_sheet_whose_plan_rows_open_with_plus(rendered: dict[str, str], tmp_path: Path) -> None:
    """audit27 F5: a sixth plan line stays a hidden-row error (D191) until its group is opened on every plan sheet,
    the formula-only ones too; the step page names those sheets – the ones the matrix really groups."""
    from openpyxl import load_workbook

    from generator.workbook.writer import write_workbook

    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    wb = load_workbook(write_workbook(catalogue, tmp_path / "matrica.xlsx"))
    grouped = {ws.title for ws in wb.worksheets if any(d.outlineLevel for d in ws.row_dimensions.values())}
    assert {"6.3", "6.6", "6.10"} <= grouped, grouped  # the sheets a person types plan lines into
    page = rendered["matricas-aizpildisana.md"]
    start = page.index("visās plāna")
    sentence = page[start:page.index("formulas.", start)]  # "… tabulās – 6.3., …, arī tajās, kur ir tikai formulas."
    named = set(re.findall(r"\b(6\.\d+)\.", sentence))
    assert named == grouped, f"lapā nosauktas {sorted(named)}, matricā grupas ir {sorted(grouped)}"


# --- One name for one thing across the site and the documents (audit28 F7, F8) ------------------------------------

PROJECT_NUMBER = re.compile(r"\d\.\d\.\d\.\d\.?/\d\d/[IVX]+/\d{3}")


def test_the_project_number_is_the_catalogues(rendered: dict[str, str]) -> None:
    """F7: the site wrote 9.2.2.2/16/I/001, the documents (rounds.yaml) 9.2.2.2./16/I/001: every project number on
    a page is one of the rounds' own."""
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    numbers = {r.project.number for r in catalogue.rounds if r.project is not None}
    shown = {(name, n) for name, text in rendered.items() for n in PROJECT_NUMBER.findall(text)}
    assert shown and all(n in numbers for _, n in shown), sorted(shown)


def test_the_commissions_name_is_the_one_the_documents_use() -> None:
    """F8: the site's expansion of VDEĀVK („darbspējas”) was not the official name the documents print
    („darbspēju”): the abbreviation list's expansion is the documents' text, and no page writes the other form."""
    from generator.site import paths

    abbreviations = (paths.methodology_dir(DEFAULT_CATALOGUE) / paths.ABBREVIATIONS).read_text("utf-8")
    (name,) = re.findall(r"^\*\[VDEĀVK\]: (.+)$", abbreviations, re.M)
    documents = DEFAULT_CATALOGUE.parent / "templates" / "dokumenti"
    texts = [p.read_text("utf-8") for p in documents.rglob("*.j2")]
    assert any(name in t for t in texts), name
    stems = re.compile(r"Veselības un darbspēj\w* ekspertīzes")
    site = [p for p in paths.methodology_dir(DEFAULT_CATALOGUE).rglob("*.md")
            for m in stems.findall(p.read_text("utf-8")) if m not in name]
    assert site == [], site


def test_the_adults_pilot_is_described_as_the_seeds_say(rendered: dict[str, str], catalogue: Catalogue) -> None:
    """audit31e F5, F6: S004 L355 says the adults' participants had a disability (the „smaga vai ļoti smaga” one is
    the ESF project's target group, S004 L41), and the quoted sentence is a news headline (S001), not a motto."""
    text = " ".join(rendered["izmeginajumprojekti.md"].split())
    adults = catalogue.rounds_of("pieaugušie")[0].participants
    assert (f"piedalījās {adults} pilngadīgas personas ar GRT, kurām noteikta invaliditāte (ESF projekta mērķa grupa – "
            "pilngadīgas personas ar GRT, kurām VDEĀVK noteikusi smagu vai ļoti smagu invaliditāti)") in text
    assert "vadmotīvs" not in text and "LM jaunumos par to ir ziņa ar virsrakstu „Cilvēkam ir tiesības" in text


def _typed_prices(text: str, figures: set[str]) -> list[str]:
    return [f for f in sorted(figures) if re.search(r"(?<![\d,])" + re.escape(f) + r"(?!\d)", text)]


def test_no_catalogue_price_is_typed_in_a_methodology_source(catalogue: Catalogue) -> None:
    """A figure of catalogue/prices/ typed in a methodology page stays on the page when the price changes (a
    printed-mark example once read „5,11*”, the ceiling then in force): a price is rendered from the catalogue or
    the example has no figure. Zero is no price (0,00 EUR is said of many things)."""
    figures = {number(v.amount, 2) for p in catalogue.price_by_id.values() for v in p.values
               if v.amount is not None and v.amount != 0}
    assert figures
    some = sorted(figures)[0]
    assert _typed_prices(f"drukājas („{some}*”)", figures) == [some]  # the check sees one
    assert _typed_prices(f"1{some}0 un {some[:-1]}", figures) == []
    found = {path.name: _typed_prices(path.read_text(encoding="utf-8"), figures)
             for path in sorted((catalogue.root / "metodika").glob("*.md"))}
    assert {name: typed for name, typed in found.items() if typed} == {}


def test_the_pilot_pages_planning_regions_are_marked_as_reconstructed(rendered: dict[str, str]) -> None:
    """No seed says which planning region each pilot municipality belongs to (S004 names only the five regions): each
    table that shows a region is followed, before the next heading, by the mark „rekonstruēts, avotā nav dots”."""
    text = rendered["izmeginajumprojekti.md"]
    tables = [m.start() for m in re.finditer(r"^\| Pašvaldība \| Plānošanas reģions \|", text, re.M)]
    assert len(tables) == 2
    for start in tables:
        section = re.split(r"^#", text[start:], maxsplit=1, flags=re.M)[0]
        assert "plānošanas reģion" in section.lower() and "*rekonstruēts, avotā nav dots*" in section, section[-400:]
