"""What the methodology pages say about the law and the facts of the pilot (audit30b): a decision on IB (grant,
refusal, termination) is an administrative act that enters into force on notification and can be contested in the
term the catalogue's norm gives (D163, D193, D200); a child's data are not shared on consent alone (D73); the IB
contract is the parent's; the reporting duty to the orphans' court and the police is not only about violence; in the
pilot the LM team, not the social service, computed the amounts. Each check asserts the fact, not one wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site.context import template_context
from generator.site.methodology import render_methodology

DECISION_PAGES = ("ib-izbeigsana.md", "ib-pieskirsana.md")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def pages_of(catalogue: Catalogue) -> dict[str, str]:
    return render_methodology(catalogue.root, template_context(catalogue)).pages


@pytest.fixture(scope="module")
def pages(catalogue: Catalogue) -> dict[str, str]:
    return pages_of(catalogue)


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ*])", text)


def paragraph(text: str, *words: str) -> str:
    """The one paragraph (or list item, or table row) of a rendered page that holds all the words."""
    prose = re.sub(r"```.*?```", "", text, flags=re.S)  # not the flowcharts
    found = [p for p in re.split(r"\n\s*\n|\n(?=\s*(?:[-|]|\d+\.)\s)", prose) if all(w in flat(p) for w in words)]
    assert len(found) == 1, (words, found)
    return flat(found[0])


def appeal_term(catalogue: Catalogue) -> tuple[str, str, str]:
    """The catalogue's norm on the term for contesting an act: its act (genitive), the norm and what it sets."""
    act, norm = catalogue.legal_acts.norm("apl-79-1")
    return act.forms.genitive, norm.forms.nominative, norm.cited_for


@pytest.mark.parametrize("page", DECISION_PAGES)
def test_a_decision_page_says_it_can_be_contested_in_the_catalogues_term(pages, catalogue, page) -> None:
    text = pages[page]
    act, norm, term = appeal_term(catalogue)
    where = paragraph(text, "apstrīdēt", "paziņots vecākam")
    # the norm cited in full, or as „tā paša likuma …” after the act named earlier in the same paragraph
    assert f"{act} {norm} nosaka {term}" in where or (f"tā paša likuma {norm} nosaka {term}" in where
                                                      and where.index(act) < where.index("tā paša likuma")), \
        "the term of contesting is the catalogue's norm"
    assert re.search(r"stāj\w* spēkā|spēkā \w+ stāj", where.lower()), where  # in force on notification (D193)
    # the appeal body is the municipality's and may still be unknown in the catalogue: as the documents (D200)
    assert "D200" in where and "jāprecizē" in where and "pašvaldības jurists" in where


def test_the_appeal_term_comes_from_the_catalogue(catalogue_copy: Path) -> None:
    """Change the norm's term in tiesibu-akti.yaml: both pages follow; neither page types a term of its own."""
    acts = catalogue_copy / "tiesibu-akti.yaml"
    text = acts.read_text(encoding="utf-8")
    old = "viena mēneša termiņu administratīvā akta apstrīdēšanai"
    assert text.count(old) == 1
    acts.write_text(text.replace(old, "divu nedēļu termiņu administratīvā akta apstrīdēšanai"), encoding="utf-8")
    changed = pages_of(load_or_raise(catalogue_copy))
    for page in DECISION_PAGES:
        assert "divu nedēļu termiņu administratīvā akta apstrīdēšanai" in flat(changed[page])
        source = flat((DEFAULT_CATALOGUE / "metodika" / page).read_text(encoding="utf-8"))
        assert not re.search(r"(?:viena|viens|1) mēne\w* (?:laikā|termiņ)", source), page


def test_the_contract_ends_by_the_services_decision_not_the_methodology(pages) -> None:
    text = pages["ib-izbeigsana.md"]
    assert "metodikā paredzētajos gadījumos" not in flat(text)  # the parent is bound by the contract, not the methodology
    where = paragraph(text, "līgumu ar vecāku", "atceļ")
    assert "lēmum" in where and "D163" in where  # one decision revokes the grant and ends IB and the contract


def test_a_childs_data_are_not_shared_on_consent_alone(pages) -> None:
    text = pages["atbildiba-un-sadarbiba.md"]
    assert not re.search(r"tikai ar (?:vecāka|vecāku) piekrišanu", flat(text))
    where = paragraph(text, "datu aizsardzības prasības")
    assert "normatīv" in where and "D73" in where
    police = [s for s in sentences(where) if "policij" in s]
    assert police and any(re.search(r"\bjā\w+", s) for s in police), \
        "reporting to the orphans' court and the police is a duty where a child's rights are breached"


def test_the_ib_contract_is_the_parents(pages) -> None:
    text = pages["pakalpojumu-sanemsana.md"]
    where = paragraph(text, "VDEĀVK", "ierakstīts plānā")
    contract = [s for s in re.split(r",\s*", where) if "līgum" in s]
    assert contract and all("ar vecāku" in s for s in contract), contract
    assert "vecāks" in where  # the parent's own services (joma „Ģimenes atbalsta spēju stiprināšana”)


def test_the_reporting_duty_is_not_only_about_violence(pages) -> None:
    duty = paragraph(pages["tiesibas-un-pienakumi.md"], "bāriņtiesai", "Valsts policijai")
    for case in ("vardarbīb", "ļaunprātīg", "aprūpes", "uzraudzības", "tiesības"):
        assert case in duty, case


def test_in_the_pilot_the_lm_team_computed_the_amounts(pages) -> None:
    page = pages["tiesibas-un-pienakumi.md"]
    administrator = flat(page[page.index("## IB administrētājs"):page.index("### Prasības")])
    row = paragraph(pages["terminu-vardnica.md"], "| IB administrētājs |")
    for text in (administrator, row):
        assert "LM" in text and "provizorisko un galīgo" in text


def test_direct_costs_are_not_only_staff_pay(pages) -> None:
    row = paragraph(pages["terminu-vardnica.md"], "| Tiešās attiecināmās izmaksas |")
    definition = row.split("|")[2]
    assert "mērķ" in definition and "personāla" in definition


def test_the_reporting_period_is_a_part_of_the_catalogues_length(pages, catalogue) -> None:
    months = catalogue.rounds_of("bērni")[0].reporting_period_months
    row = paragraph(pages["terminu-vardnica.md"], "| Pārskata periods |")
    assert f"pa {months} mēnešiem" in row


def test_redistribution_keeps_the_regions_share(pages) -> None:
    where = paragraph(pages["administresana.md"], "citai pašvaldībai")
    assert "plānošanas reģion" in where and "MK noteikumi Nr. 91" in where


def test_units_are_caught_up_only_for_a_good_reason(pages) -> None:
    row = paragraph(pages["pakalpojumu-sanemsana.md"], "vēlāk tajā pašā periodā")
    assert "attaisnojoš" in row


def test_the_matrix_page_gives_the_matrix_name_limit(pages) -> None:
    """The names' length the page asks for is the one the matrix checks (D170): the page said 40 after the limit
    became 45."""
    from generator.workbook.input_checks import NAME_CHARS

    where = paragraph(pages["matricas-aizpildisana.md"], "vārdu un uzvārdu rakstiet", "D170")
    assert re.findall(r"līdz (\d+) zīmēm", where) == [str(NAME_CHARS)], where


def test_the_matrix_page_calls_an_adult_by_the_rounds_end_an_error(pages) -> None:
    """A child who comes of age before the round's last day is an error in the matrix (D110), not a silent pass."""
    where = paragraph(pages["matricas-aizpildisana.md"], "kārtas pēdējā dienā vēl nedrīkst", "D110")
    assert "kļūdu\nnerāda" not in where and "kļūdu nerāda" not in where, where
    assert "arī tā ir kļūda" in where and "NAV PARAKSTĀMS" in where, where
