"""Wording of the methodology text pages after audit22: grammar, terms, one copy of each sentence, and years
that come from the catalogue rather than typed in the page (catalogue/metodika/*.md, rendered)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.site.context import round_years, template_context
from generator.site.decision_sections import BACK, sectionize
from generator.site.methodology import render_methodology

DECISIONS = "rekonstrukcijas-un-lemumi.md"
METODIKA = Path(__file__).resolve().parents[2] / "catalogue" / "metodika"


@pytest.fixture(scope="module")
def catalogue():
    return load_or_raise(DEFAULT_CATALOGUE)


@pytest.fixture(scope="module")
def rendered(catalogue) -> dict[str, str]:
    return render_methodology(catalogue.root, template_context(catalogue)).pages


def decisions_page(catalogue, context: dict | None = None) -> str:
    methodology = render_methodology(catalogue.root, context or template_context(catalogue))
    return sectionize(methodology.pages[DECISIONS], methodology.decision_themes)


def decision(text: str, number: int) -> str:
    return re.search(rf"^\| D{number} \|.*$", text, re.M).group(0)


def test_no_paragraph_of_the_decisions_page_is_printed_twice(catalogue) -> None:
    page = decisions_page(catalogue)
    # the link back to the list of themes ends every theme on purpose (and is not printed)
    paragraphs = [p.strip() for p in page.split("\n\n") if p.strip() and not p.startswith("#") and p.strip() != BACK]
    doubled = sorted({p for p in paragraphs if paragraphs.count(p) > 1})
    assert doubled == []
    assert page.count("Visi apmēri ir par plāna periodu euro, nevis par mēnesi.") == 1


def test_holiday_years_on_the_decisions_page_come_from_the_catalogue(catalogue, rendered) -> None:
    source = decision((METODIKA / DECISIONS).read_text(encoding="utf-8"), 62)
    assert not re.search(r"\b(19|20)\d\d\b", source), "D62 gadi ir ierakstīti lapā, nevis ņemti no kataloga"
    years = sorted(catalogue.holiday_years)
    row = decision(rendered[DECISIONS], 62)
    assert f"Katalogā ir {years[0]}.–{years[-1]}. gada svētku dienas" in row
    covered = set(round_years(catalogue)) <= set(years)
    assert ("tie ir visi gadi, ko aptver esošās kārtas" in row) is covered


def test_more_holiday_years_or_a_later_round_change_the_d62_text(catalogue) -> None:
    context = template_context(catalogue)
    text = render_methodology(catalogue.root, {**context, "svetku_gadi": [2018, 2019, 2020, 2021, 2022, 2023]})
    row = decision(text.pages[DECISIONS], 62)
    assert "Katalogā ir 2018.–2023. gada svētku dienas – tie ir visi gadi" in row
    text = render_methodology(catalogue.root, {**context, "kartu_gadi": [2018, 2019, 2020, 2021, 2022]})
    row = decision(text.pages[DECISIONS], 62)
    assert "– ne visi gadi, ko aptver esošās kārtas" in row


def test_round_years_are_the_years_of_the_services_windows(catalogue) -> None:
    first = min(r.services_start for r in catalogue.rounds)
    last = max(r.services_end for r in catalogue.rounds)
    assert round_years(catalogue) == list(range(first.year, last.year + 1))


@pytest.mark.parametrize(("page", "wrong", "right"), [
    (DECISIONS, "tā ir Kludas,", "tā ir kļūda, ko ieskaita kļūdu skaitā (definētais nosaukums `Kludas`)"),  # F1 D87
    (DECISIONS, "to skaita Kludas,", "to ieskaita kļūdu skaitā (definētais nosaukums `Kludas`)"),  # F1 D88
    (DECISIONS, "tāpēc tiem nav lappušu", "tāpēc tām nav lappušu"),  # F8 D23
    (DECISIONS, "(null,", "(lauks tukšs vai „jāprecizē”)"),  # F31
    (DECISIONS, "caur matricas definētajiem nosaukumiem", "Tikai ar matricas definētajiem nosaukumiem"),  # F44
    (DECISIONS, "`parent` – Vecākam", "`parent` – vecākam"),  # F14
    (DECISIONS, "šos trīs samaksas ceļus", "trīs samaksas ceļus (līgums, garantijas vēstule, atmaksa vecākam"),  # F13
    (DECISIONS, "Abi lēmumi Vecākam", "Visi trīs akti vecākam ir nelabvēlīgi"),  # F20 (D114 covers 18 too)
    ("pakalpojumu-sanemsana.md", "nevalstiska organizācija", "nevalstiskā organizācija"),  # F10
    ("pakalpojumu-saraksts-un-cenas.md", "nekā citiem klientiem tirgū,", "un ne vairāk, nekā noteikts"),  # F23
    ("ib-izbeigsana.md", "bērns dzīvoja audžuģimenē", "bērns dzīvo audžuģimenē"),  # F27
    ("ib-pieskirsana.md", "nepaliks", "bērnam neapritēs"),  # F41
    ("ib-pieskirsana.md", "šifrētus iesniegumus", "ar paroli aizsargātus iesniegumus LM komandai"),  # F50
    ("ib-apmeri-un-posmi.md", "paliek", "aprit"),  # F42
    ("ib-apmeri-un-posmi.md", "pie izvēlēto sniedzēju", "pēc izvēlēto sniedzēju"),  # F43
    ("terminu-vardnica.md", "pie izvēlēto sniedzēju", "vecumu likmei"),  # F43, F45
    ("tiesibas-un-pienakumi.md", "ir ar augstu atbildības", "ir atbildīgs."),  # F46
    ("matricas-aizpildisana.md", "vispārējā veidne", "vispārīgā matrica"),  # F30
    ("matricas-aizpildisana.md", "periodam izmanto atsevišķu", "periodam izmantojiet atsevišķu"),  # F29
    ("ib-apmeri-un-posmi.md", "no viena līdz", "no 1 līdz 6 mēnešiem"),  # audit30 F10: one style for both bounds
    ("matricas-aizpildisana.md", "(no viena līdz", "(no 1 līdz\n6)"),  # audit30 F10
    (DECISIONS, "no viena līdz", "no 1 līdz 6 mēnešiem"),  # audit30 F10 (D2)
    # audit30 F11: one term for the score (prioritātes punkti) and the matrix's own for the order (kopējā prioritāte)
    (DECISIONS, "Vērtējums = ", "Prioritātes punkti = 0,7 × ekspertu vieta"),
    ("atbalsta-plans.md", "**vērtējums**", "**prioritātes punkti** = 0,7 × ekspertu vieta"),
    ("terminu-vardnica.md", "apvienotā prioritāte", "| Prioritātes punkti | Skaitlis, pēc kura nosaka kopējo prioritāti"),
])
def test_audit_wording(rendered, page: str, wrong: str, right: str) -> None:
    assert wrong not in rendered[page]
    assert right in rendered[page]


def test_euro_not_eiro_on_any_page(rendered) -> None:
    found = [f"{name}: {m.group(0)}" for name, text in rendered.items()
             for m in re.finditer(r".{0,30}\beiro\b.{0,30}", text)]
    assert found == []


def test_age_page_names_the_round_end_rule(rendered, catalogue) -> None:  # F40: the page agrees with D110
    limit = template_context(catalogue)["p"].eligibility_age_limit
    page = rendered["ib-apmeri-un-posmi.md"]
    assert f"kuram {limit} gadi apritēs līdz kārtas pēdējai dienai" in page
    assert "D110" in page


def test_day_centre_limit_is_the_monthly_working_days_rule(rendered) -> None:  # F24: the page agrees with D11
    page = rendered["vienibas-izmaksas.md"]
    assert "ne vairāk kā piecas darba dienas nedēļā." not in page
    assert "cik kalendāra mēnesī ir darba dienu" in page and "D11" in page


def test_free_public_transport_is_not_promised_unconditionally(rendered) -> None:  # F48: the page agrees with D49
    page = rendered["pakalpojumu-sanemsana.md"]
    assert "kopā brauc bez maksas" not in page
    assert "var braukt bez maksas saskaņā ar normatīvajiem" in page and "D49" in page


def test_site_templates_wording() -> None:  # F34, F44: pages of generator/site/templates
    templates = Path(__file__).resolve().parents[2] / "generator" / "site" / "templates"
    assert "skat. [" not in (templates / "cenas.md.j2").read_text(encoding="utf-8")
    assert "caur šiem nosaukumiem" not in (templates / "matrica.md.j2").read_text(encoding="utf-8")
    # two matrices' plan ranges overlap after a confirmation (D300): the pages say which to take
    matrix = (templates / "matrica.md.j2").read_text(encoding="utf-8")
    assert "Bērna plānam vajag to matricu" not in matrix and "der abas matricas –\nsummas tajās ir tās pašas –, bet " \
        "ņemiet to, kuras cenu" in matrix
    # and after a withdrawal at the same number (D302): either matrix, and the papers made from then print a blank
    assert "šo apstiprinājumu atsaucis, D302" in matrix and "tās vietā ir tukša vieta, lai kuru no abām" in matrix
    assert "ņemiet to, kuras cenu diena ir\nvēlākā" in (templates / "lejupielades_matricas.md.j2").read_text("utf-8")


def test_the_escort_rate_act_is_the_one_the_catalogue_gives(rendered, catalogue) -> None:  # F22, F25
    since = next(v.effective_from for v in catalogue.price_by_id["2.1"].values if "Nr. 316" in v.source)
    prices = rendered["pakalpojumu-saraksts-un-cenas.md"]
    assert f"no {since:%d.%m.%Y} tos aizstāj MK noteikumi Nr. 316 – *rekonstruēts, avotā nav dots*" in prices
    assert (f"(MK noteikumi Nr. 942, no {since:%d.%m.%Y} – Nr. 316; Nr. 316 un maiņas datums – *rekonstruēts, avotā"
            " nav dots*)") in rendered["vienibas-izmaksas.md"]
    for page in ("pakalpojumu-saraksts-un-cenas.md", "vienibas-izmaksas.md"):
        assert "Nr. 313 vai Nr. 942" not in rendered[page]


def test_price_history_nav_titles_have_one_colon(catalogue) -> None:  # F37
    from generator.site.sources import site_nav

    prices = next(item["Cenas"] for item in site_nav(catalogue, [], False) if "Cenas" in item)
    titles = [next(iter(entry)) for entry in prices[1:]]
    assert titles and all(t.count(":") <= 1 and not t.startswith("Vēsture:") for t in titles), titles
    assert f"1. joma: {catalogue.enums.support_areas[0].name_lv} – vēsture" in titles


def test_decisions_agree_on_age_dates_and_quote_no_version_hash() -> None:  # F15, F16
    source = (METODIKA / DECISIONS).read_text(encoding="utf-8")
    assert "(D17)" in decision(source, 39) and "vecuma grupa atlases kvotām" in decision(source, 39)
    assert not re.search(r"\b[0-9a-f]{8}\b", decision(source, 58))


def test_unconfirmed_status_wording_matches_the_prices_page() -> None:  # F47
    from generator.catalogue.models import PriceStatus
    from generator.site.labels import status_long

    assert status_long(PriceStatus.to_verify) == "jāprecizē (vēl nav pārbaudīts tiesiskajā avotā; nav oficiāla cena)"


def test_termination_hears_the_parent_before_every_decision(rendered) -> None:  # F26: the page agrees with D114
    page = rendered["ib-izbeigsana.md"]
    steps = page[page.index("## Kārtība"):]
    assert steps.index("noskaidro vecāka viedokli") < steps.index("Lēmuma projektu sagatavo sociālais darbinieks")
    assert "neatkarīgi no iemesla (lēmums D114)" in steps
    chart = page[page.index("```mermaid"):]
    assert '-->|"atteikšanās, pārcelšanās u. c."| F' not in chart
    assert 'G -->|"nē"| V[' in chart
    assert "V --> F" in chart and '|"atteikšanās, pārcelšanās u. c."| V' in chart


def test_the_check_day_reading_is_marked_as_the_projects(rendered) -> None:  # F5
    """The methodology names the P check days by project month (002 L1075–L1076) but not the day month 1 starts:
    counting from the services' start is the project's reading, said on the page and argued in D21."""
    page = rendered["ib-apmeri-un-posmi.md"]
    reading = page[page.index("Ka projekta pirmais mēnesis"):]
    assert "projekta lasījums" in reading[:400] and "*rekonstruēts, avotā nav dots*" in reading[:400], reading[:400]
    d21 = decision(rendered[DECISIONS], 21)
    assert "*rekonstruēts, avotā nav dots*" in d21 and "002 L1075" in d21 and "S004" in d21


def test_the_age_limit_decision_weighs_the_parents_leaflet(rendered) -> None:  # F2
    d110 = decision(rendered[DECISIONS], 110)
    assert "S000 L107" in d110 and "002 L980" in d110
