"""What the evaluation, survey, ethics, results and data pages of the methodology say against the seed, the
decisions and the law (met31b): the legal basis of processing is D73's, cited from the catalogue; the expense
register gives only the received services; KIDSCREEN-52's dimensions are as many as the catalogue says and its age
is the catalogue's; a regulation outside the catalogue carries no worded date (D241) and MK noteikumi Nr. 313 are
the act that requires LM's methodology, not its title; NGOs are not institutions; the seed's discrimination grounds;
disciplinary sanctions and notice are what the employer may do, not automatic. Each check asserts the fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site.context import template_context
from generator.site.methodology import render_methodology

PAGES = ("di-izvertejums.md", "dzives-kvalitates-aptauja.md", "etika.md", "rezultati-un-dzives-kvalitate.md",
         "riski.md", "dati-riski-kvalitate.md")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\\.", "."))


def pages_of(catalogue: Catalogue) -> dict[str, str]:
    return render_methodology(catalogue.root, template_context(catalogue)).pages


@pytest.fixture(scope="module")
def pages(catalogue: Catalogue) -> dict[str, str]:
    return pages_of(catalogue)


def section(text: str, heading: str) -> str:
    """The text under one heading up to the next heading of any level."""
    found = re.search(rf"^#+ {re.escape(heading)}\s*$(.*?)(?=^#|\Z)", text, flags=re.M | re.S)
    assert found, heading
    return flat(found.group(1))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;])\s+|\s*\|\s*", flat(text)) if s.strip()]


def row(text: str, first_cell: str) -> str:
    """One table row of a rendered page, by its first cell."""
    found = [line for line in text.splitlines() if line.startswith(f"| {first_cell}")]
    assert len(found) == 1, (first_cell, found)
    return flat(found[0])


def skaitlis(catalogue: Catalogue, name: str) -> int:
    data = yaml.safe_load((catalogue.root / "metodika" / "skaitli.yaml").read_text(encoding="utf-8"))
    return data["skaitli"][name]["vertiba"]


# --- dati-riski-kvalitate: the legal basis (D73) ------------------------------------------------------------------

def test_the_data_page_gives_d73s_legal_basis_with_the_catalogues_norms(pages, catalogue) -> None:
    basis = section(pages["dati-riski-kvalitate.md"], "Tiesiskais pamats")
    act, public_task = catalogue.legal_acts.norm("vdar-6-1-c-e")
    _, health = catalogue.legal_acts.norm("vdar-9-2-h")
    assert f"{act.forms.genitive} {public_task.forms.nominative}" in basis, "GDPR 6(1)(c),(e), as the catalogue has it"
    assert health.forms.nominative in basis, "health data: GDPR 9(2)(h), as the catalogue has it"
    assert "D73" in basis
    # the contract is the seed's reasoning, never the basis the page itself states
    for sentence in sentences(basis):
        if "līgum" in sentence:
            assert sentence.startswith("Metodika") or re.search(r"\bnav\b", sentence), sentence
    source = (DEFAULT_CATALOGUE / "metodika" / "dati-riski-kvalitate.md").read_text(encoding="utf-8")
    assert not re.search(r"\d+\. panta \d+\. punkta", source), "the norms come from tiesibu-akti.yaml"


# --- rezultati: where the indicators come from --------------------------------------------------------------------

def test_the_expense_register_is_credited_only_with_the_received_services(pages) -> None:
    text = pages["rezultati-un-dzives-kvalitate.md"]
    said = [s for s in sentences(text) if re.search(r"(?i)matric|datubāz|reģistr", s)]
    assert said, "the page says where the indicators come from"
    for sentence in said:
        # D56, L2239: the register (28) and the quarterly report (30) give the received SBS per support area only
        assert re.search(r"(?i)saņemt\w* pakalpojum", sentence), sentence


# --- dzīves kvalitātes aptauja: KIDSCREEN-52 and Bīča centra anketa ----------------------------------------------

@pytest.mark.parametrize(("instrument", "marker", "count"), [
    ("KIDSCREEN-52", "dimensijām:", "kidscreen_dimensijas"),
    ("Bīča centra", "dimensijās:", "beach_dimensijas"),
])
def test_an_instruments_listed_dimensions_are_as_many_as_the_catalogue_says(pages, catalogue, instrument, marker,
                                                                            count) -> None:
    cells = row(pages["dzives-kvalitates-aptauja.md"], instrument).split("|")
    listed = next(c for c in cells if marker in c).split(marker, 1)[1]
    dimensions = [d.strip() for d in listed.split(",")]
    assert len(dimensions) == skaitlis(catalogue, count), dimensions


def test_the_kidscreen_age_on_the_pages_follows_the_catalogue(catalogue_copy: Path) -> None:
    """Change the age from which KIDSCREEN is used (L2090, L2096): the survey and results pages follow it, and
    neither types the age of its own (as a word or a figure)."""
    numbers = catalogue_copy / "metodika" / "skaitli.yaml"
    text = numbers.read_text(encoding="utf-8")
    old = "kidscreen_no_vecuma: {vertiba: 8,"
    assert text.count(old) == 1
    numbers.write_text(text.replace(old, "kidscreen_no_vecuma: {vertiba: 10,"), encoding="utf-8")
    changed = pages_of(load_or_raise(catalogue_copy))
    for page in ("dzives-kvalitates-aptauja.md", "rezultati-un-dzives-kvalitate.md"):
        body = flat(changed[page])
        assert re.search(r"\b10 gad", body), page
        assert not re.search(r"(?i)astoņ|\b8\b", body), (page, re.findall(r"(?i)\S*astoņ\S*|\S* 8 \S*", body))
    # the parent fills the questionnaire below that age: the row before it ends one year earlier
    assert "Līdz 9 pilniem gadiem" in flat(changed["dzives-kvalitates-aptauja.md"])


# --- di-izvertejums: citing regulations (D241) --------------------------------------------------------------------

def test_a_regulation_outside_the_catalogue_has_no_worded_date(pages, catalogue) -> None:
    """D241: the catalogue's regulations are cited in its words; any other one as „MK noteikumi Nr. N”, a date
    only as DD.MM.GGGG – a date in words would be a title and date the catalogue does not vouch for."""
    known = {re.search(r"Nr\. (\d+)", a.forms.nominative).group(1) for a in catalogue.legal_acts.acts
             if a.forms.nominative.startswith("Ministru kabineta")}
    for name, text in pages.items():
        for m in re.finditer(r"\d{4}\. gada \d{1,2}\. \w+ noteikum\w* Nr\. (\d+)", flat(text)):
            assert m.group(1) in known, (name, m.group(0))


def test_mk_313_is_the_act_that_requires_the_methodology_not_its_title(pages, catalogue) -> None:
    """L771: LM's methodology is used as MK noteikumi Nr. 313 (32.2. punkts) require; the regulation is not the
    methodology, so its full form is not a bracketed name of it."""
    text = flat(pages["di-izvertejums.md"])
    act = catalogue.legal_acts.act("mk-313")
    forms = (act.forms.nominative, act.forms.genitive, act.forms.accusative, act.forms.locative)
    assert any(form in text for form in forms), "first mention: the catalogue's full form (D241)"
    assert not any(f"({form})" in text for form in forms)


# --- etika: law and the seed's lists --------------------------------------------------------------------------------

def test_non_governmental_organisations_are_not_called_institutions(pages) -> None:
    for name in PAGES:
        assert not re.search(r"(?i)nevalstisk\w* iestād", flat(pages[name])), name


def test_the_discrimination_grounds_are_the_seeds(pages) -> None:
    """L1891: disability, origin, sex, sexual orientation, race, ethnic and national origin, age, religion,
    language and socio-economic status."""
    clause = next(s for s in sentences(row(pages["etika.md"], "Cieņa")) if "diskriminē" in s)
    for ground in ("invaliditāt", "izcelsm", "dzimum", "seksuāl", "rases", "etnisk", "tautīb", "vecum", "reliģij",
                   "valod", "sociāl", "mantisk"):
        assert ground in clause, (ground, clause)


def test_data_go_to_institutions_named_in_normative_acts(pages) -> None:
    """L1870: to providers under contract and to institutions the normative acts (not only laws) name."""
    clause = next(s for s in sentences(row(pages["etika.md"], "Konfidencialitāte")) if "izpauž" in s)
    assert "normatīv" in clause and not re.search(r"likumā noteikt\w* iestād", clause), clause


def test_no_unjustified_privileges_rather_than_none(pages) -> None:
    clause = row(pages["etika.md"], "Godīgums")
    said = [s for s in sentences(clause) if "priekšrocīb" in s]
    assert said and all("nepamatot" in s for s in said), clause


def test_disciplinary_sanctions_and_notice_are_what_the_employer_may_do(pages) -> None:
    """Darba likuma 90. pants: the employer *may* give a reprimand or a rebuke; a notice of termination needs a ground
    of Darba likums and is never automatic (seed L1929: „var izteikt”)."""
    breach = section(pages["etika.md"], "Ja prasības pārkāptas")
    said = [s for s in sentences(breach) if re.search(r"rājien|uztei[ck]", s)]
    assert len(said) >= 2, said
    for sentence in said:
        assert re.search(r"\bvar\b", sentence), sentence
