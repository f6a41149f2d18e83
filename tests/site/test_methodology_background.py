"""The background pages of the methodology (introduction, development method, current situation, foreign
experience, financing variants) state what seed 002 and the project's decisions say: who developed the model and
who was trained in the pilot (L20, L39), what the VDEĀVK data were used for (L118, L1003–L1011), which statistic the
2013 poverty figure is (L157), which studied countries had an individual budget (L631), when the Latvian IB is
granted (L955, L1025–L1026), in which order variant 2 uses the other sources (D6) and which sources the assessment
restricts (L1155). Each check asserts the fact, not one wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.catalogue.catalogue import Catalogue
from generator.site.context import template_context
from generator.site.methodology import render_methodology

BACKGROUND = ("ievads.md", "izstrades-metode.md", "esosa-situacija.md", "arvalstu-pieredze.md",
              "finansesanas-varianti.md")

# Latvian number words by their stem (all cases: „seši”, „sešās”, „sešu” …)
NUMBER_WORDS = {"vien": 1, "div": 2, "trij": 3, "trīs": 3, "četr": 4, "piec": 5, "seš": 6, "septiņ": 7,
                "astoņ": 8, "deviņ": 9, "desmit": 10}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;:])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ*(-])", flat(text))


def section(text: str, heading: str) -> str:
    """The text under a ``## heading`` up to the next heading of the same or a higher level."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^#{{1,2}} |\Z)", text, flags=re.M | re.S)
    assert found, heading
    return found.group(1)


def number_before(text: str, noun_stem: str) -> list[int]:
    """The numbers written as words right before a noun („sešās valstīs” → 6)."""
    counts = []
    for word in re.findall(rf"(\w+)\s+{noun_stem}\w*", text):
        stems = [n for stem, n in NUMBER_WORDS.items() if word.lower().startswith(stem)]
        counts += stems[:1]
    return counts


@pytest.fixture(scope="module")
def pages(catalogue: Catalogue) -> dict[str, str]:
    return render_methodology(catalogue.root, template_context(catalogue)).pages


@pytest.fixture(scope="module")
def countries(catalogue: Catalogue) -> list[dict]:
    return yaml.safe_load((Path(catalogue.root) / "metodika" / "valstis.yaml").read_text(encoding="utf-8"))["valstis"]


def test_the_developer_is_a_group_of_persons_with_a_committee_of_the_red_cross(pages: dict[str, str]) -> None:
    """L20: a „personu apvienība” of the association LVEA and the Kurzeme committee *of* the association LSK."""
    text = flat(pages["ievads.md"])
    assert "personu apvienība" in text
    assert "biedrības „Latvijas Sarkanais krusts” Kurzemes komiteja" in text
    assert not re.search(r"\b(?:divu|abu) biedrību\b", text)


def test_the_ministry_team_is_trained_in_the_pilot_not_the_trainer(pages: dict[str, str]) -> None:
    """L39: the LM project team and the partners are trained; the LM team is never the one who trains."""
    trained = [s for s in sentences(pages["ievads.md"]) if re.search(r"apmācī|apmācīb", s)]
    assert trained
    assert not any(re.search(r"\bLM\b[^.;]*\bkomanda\b[^.;]*\bapmācīja\b", s) for s in trained), trained
    assert any(re.search(r"\bLM\b[^.;]*\bkomand(?:u|ai)\b", s) and "sadarbības partner" in s for s in trained), trained


def test_the_vdeavk_data_informed_the_criteria_but_did_not_give_the_quotas(pages: dict[str, str]) -> None:
    """L118: the data were used to set the selection criteria; the quotas (5/5/30/30/30 %, L1003–L1008) are not the
    VDEĀVK shares (12/12/13/63 %, L1009)."""
    about = [s for s in sentences(pages["izstrades-metode.md"]) if "VDEĀVK" in s]
    assert about
    assert not any(re.search(r"kvot\w*[^.;]*(?:aprēķin|noteic|izriet)\w*[^.;]*VDEĀVK", s) for s in about), about
    assert any("kritērij" in s for s in about), about


def test_the_2013_figure_is_the_share_at_risk_of_poverty_or_social_exclusion(pages: dict[str, str],
                                                                            catalogue: Catalogue) -> None:
    figures = yaml.safe_load((Path(catalogue.root) / "metodika" / "skaitli.yaml").read_text(encoding="utf-8"))
    share = f"{figures['skaitli']['nabadzibas_risks_2013']['vertiba'] * 100:.1f}".replace(".", ",")
    holding = [s for s in sentences(pages["esosa-situacija.md"]) if share in s]
    assert len(holding) == 1, (share, holding)
    assert "nabadzības vai sociālās atstumtības" in holding[0]  # the CSP indicator (L157), not „un”


def test_a_number_ending_in_one_takes_a_singular_noun(pages: dict[str, str]) -> None:
    """Latvian: 21, 101, 2 041 … (not 11, 111 …) agree with a singular noun („2 041 bērnam”, never „bērniem”).
    The numbers come from the catalogue, so a sentence must not make a noun agree with a figure that may change."""
    plural_after = re.compile(r"(?<![\d,])((?:\d{1,3}(?: \d{3})+|\d+))\s+(bērniem|bērni|diskusijas|domnīcas|"
                              r"tikšanās|gadiem|valstīs|pašvaldībām|pašvaldības)\b")
    wrong = []
    for name in BACKGROUND:
        for number, noun in plural_after.findall(flat(pages[name])):
            digits = number.replace(" ", "")
            if digits.endswith("1") and not digits.endswith("11") and noun != "tikšanās":
                wrong.append((name, number, noun))
    assert wrong == []


def test_the_intro_to_foreign_experience_counts_the_countries_of_the_table(pages: dict[str, str],
                                                                          countries: list[dict]) -> None:
    """L631: Finland had no IB in 2018. A country count in the introduction is the table's count, the
    countries without an IB are named, and no count of comparison questions differs from the tables' columns."""
    text = pages["arvalstu-pieredze.md"]
    intro = flat(text.split("## Salīdzinājums")[0])
    assert all(n == len(countries) for n in number_before(intro, "valst")), intro
    without = [c["nosaukums"] for c in countries if c["ieviests"].startswith("Nav")]
    assert without, "valstis.yaml lists a studied country without an IB (Finland)"
    stem = {name: name[:-1] for name in without}  # „Somija” → „Somij” (Somijā, Somijas …)
    assert all(stem[name] in intro for name in without), (without, intro)
    columns = sum(line.count("|") - 2 for line in text.splitlines() if line.startswith("| Valsts |"))
    assert columns > 0
    assert all(n == columns for n in number_before(intro, "jautājum")), intro


def test_the_latvian_model_grants_the_budget_before_the_assessment(pages: dict[str, str],
                                                                   countries: list[dict]) -> None:
    """L955, L1025–L1026: decision, provisional amount and contract first, then the assessment and the plan; and a
    country without an IB is no example of a practice, only of a plan."""
    lessons = flat(section(pages["arvalstu-pieredze.md"], "Ko no tā ņēma Latvijas modelī"))
    assert not re.search(r"\bpiešķir\w*\s+pēc\s+(?:bērna\s+)?izvērtē", lessons), lessons
    assert re.search(r"pirms\s+(?:bērna\s+)?izvērtē", lessons), lessons
    for country in (c["nosaukums"] for c in countries if c["ieviests"].startswith("Nav")):
        for item in (s for s in lessons.split("; ") if country[:-1] in s):
            assert "plān" in item, item


def test_variant_2_uses_the_other_sources_in_the_order_of_decision_6(pages: dict[str, str],
                                                                     catalogue: Catalogue) -> None:
    """D6 (the 2. tabula's order): IB, then benefits, then state and municipal services, then other sources."""
    decisions = (Path(catalogue.root) / "metodika" / "rekonstrukcijas-un-lemumi.md").read_text(encoding="utf-8")
    d6 = next(line for line in decisions.splitlines() if line.startswith("| D6 |"))
    kinds = ("pabalst", "pakalpojum", "citi avoti")
    answer = d6.split("|")[3]
    d6_order = sorted(kinds, key=lambda k: answer.index(k))
    variant = flat(section(pages["finansesanas-varianti.md"], "2. variants").split("\n|")[0])
    rest = variant[variant.index("nepietiek"):]
    assert sorted(kinds, key=lambda k: rest.index(k)) == d6_order, (d6_order, rest)


def test_the_assessment_restricts_the_state_and_municipal_sources(pages: dict[str, str]) -> None:
    """L1155: only the state and municipal services and benefits found necessary in the assessment may be used;
    the restriction is not about other sources (parents and the like)."""
    intro = pages["finansesanas-varianti.md"].split("## Trīs varianti")[0]
    rule = [s for s in sentences(intro) if "izvērtēšanā" in s and "vajadzīg" in s]
    assert len(rule) == 1, rule
    assert "valsts" in rule[0] and "pašvaldību" in rule[0], rule
    assert "citiem avotiem" not in rule[0] and "citi avoti" not in rule[0], rule


def test_the_note_on_annex_10_does_not_call_euro_amounts_unitless(pages: dict[str, str]) -> None:
    """L1195–L1198, L1236–L1239: the other variants' amounts are in euro; only the period („mēnesī”) is missing."""
    note = flat(section(pages["finansesanas-varianti.md"], "Piezīmes par avotu"))
    assert "euro mēnesī" in note
    assert "bez mērvienības" not in note
