"""How the site's text cites the Ministru kabinets' regulations (audit27c F2, D241): a regulation the catalogue knows
(catalogue/tiesibu-akti.yaml) is cited with the catalogue's title and date only, its first mention on a methodology
page is the catalogue's full form, a date is DD.MM.GGGG, and no citation reads "MK Nr. N" without "noteikumi"."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.legal_acts import LegalAct
from generator.lvformat import date as lv_date
from tests.site.conftest import BuiltSite

MONTHS = ("janvāra", "februāra", "marta", "aprīļa", "maija", "jūnija", "jūlija", "augusta", "septembra", "oktobra",
          "novembra", "decembra")
# "MK Nr. 942", also with the first use's meaning in brackets (generator/site/abbr_first.py)
WITHOUT_NOTEIKUMI = re.compile(r"\bMK(?:\s*[\[(]Ministru kabinets[\])])?\s+Nr\.\s*\d+")
# a date right before "noteikumi": only DD.MM.GGGG, without a dot after the year
DATE_BEFORE = re.compile(r"(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{4}\.?)\s+noteikum")


def _text(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def mk_acts(catalogue: Catalogue) -> dict[str, LegalAct]:
    """The catalogue's regulations of the Ministru kabinets by their number."""
    acts = {}
    for act in catalogue.legal_acts.acts:
        number = re.search(r"^Ministru kabineta .* noteikumi Nr\. (\d+) „", act.forms.nominative)
        if number:
            acts[number.group(1)] = act
    return acts


def title(act: LegalAct) -> str:
    found = re.search(r"Nr\. \d+ („.*”)$", act.forms.nominative)
    assert found, act.id
    return found.group(1)


def citation_problems(text: str, acts: dict[str, LegalAct]) -> list[str]:
    """What is wrong with the citations in one page's text (empty: nothing)."""
    text = _text(text)
    problems = [f"bez „noteikumi”: {m.group(0)}" for m in WITHOUT_NOTEIKUMI.finditer(text)]
    problems += [f"datums nav DD.MM.GGGG: {m.group(0)}" for m in DATE_BEFORE.finditer(text)
                 if not re.fullmatch(r"\d\d\.\d\d\.\d{4}", m.group(1))]
    # any regulation: its subject in other words reads as a title the sources do not give ("Nr. 942 par …")
    problems += [f"nosaukums citiem vārdiem: {m.group(0)}"
                 for m in re.finditer(r"noteikum\w*\s+Nr\.\s*\d+ par \w+", text)]
    for number, act in acts.items():
        for m in re.finditer(rf"noteikum\w*\s+Nr\.\s*{number}(?![\d.,]\d)", text):
            after, before = text[m.end():], text[max(0, m.start() - 40):m.start()]
            cited = text[max(0, m.start() - 40):m.end() + 40]
            if after.startswith(" „") and not after.startswith(" " + title(act)):
                problems.append(f"cits nosaukums: {cited}")
            day = re.search(r"(\d\d)\.(\d\d)\.(\d{4})\s*$", before)
            if day and dt.date(int(day[3]), int(day[2]), int(day[1])) != act.adopted:
                problems.append(f"cits datums (katalogā {lv_date(act.adopted)}): {cited}")
            words = re.search(r"(\d{4})\. gada (\d{1,2})\. (\w+)\s*$", before)
            if words and (int(words[1]), int(words[2]), words[3]) != (
                    act.adopted.year, act.adopted.day, MONTHS[act.adopted.month - 1]):
                problems.append(f"cits datums (katalogā {lv_date(act.adopted)}): {cited}")
    return problems


def first_mention_problems(text: str, acts: dict[str, LegalAct]) -> list[str]:
    """A methodology page's first mention of each catalogue regulation that is not the catalogue's full form."""
    text = _text(text)
    problems = []
    for number, act in acts.items():
        first = re.search(rf"(?:noteikum\w*|MK)\s+Nr\.\s*{number}(?![\d.,]\d)", text)
        if first is None:
            continue
        at = first.end()
        forms = [f for f in act.forms.model_dump().values() if isinstance(f, str)]
        if not any(text.find(f, max(0, at - len(f))) == at - f.index(f"Nr. {number}") - len(f"Nr. {number}")
                   for f in forms if f"Nr. {number}" in f):
            problems.append(f"Nr. {number} pirmoreiz: {text[max(0, first.start() - 60):at + 40]}")
    return problems


def test_citations_on_every_page(built_site: BuiltSite) -> None:
    acts = mk_acts(built_site.catalogue)
    assert set(acts) >= {"288", "313"}
    found = {page: p for page, text in built_site.page_texts() if (p := citation_problems(text, acts))}
    assert found == {}


def test_first_mention_on_a_methodology_page_is_the_catalogues_form(built_site: BuiltSite) -> None:
    acts = mk_acts(built_site.catalogue)
    pages = [(page, text) for page, text in built_site.page_texts() if page.startswith("metodika/")]
    assert sum(1 for _page, text in pages if "Nr. 313" in _text(text)) >= 3
    found = {page: p for page, text in pages if (p := first_mention_problems(text, acts))}
    assert found == {}


MK313 = ("Ministru kabineta 2015. gada 16. jūnija noteikumi Nr. 313 „Darbības programmas „Izaugsme un nodarbinātība” "
         "9.2.2. specifiskā atbalsta mērķa „Palielināt kvalitatīvu institucionālai aprūpei alternatīvu sociālo "
         "pakalpojumu dzīvesvietā un ģimeniskai videi pietuvinātu pakalpojumu pieejamību personām ar invaliditāti un "
         "bērniem” 9.2.2.1. pasākuma „Deinstitucionalizācija” īstenošanas noteikumi”")


@pytest.mark.parametrize(("text", "problem"), [
    ("Tie ir MK Nr. 942 un MK (Ministru kabinets) Nr. 316.", "bez „noteikumi”"),
    ("Ministru kabineta 21.04.2008. noteikumi Nr. 288 nosaka", "datums nav DD.MM.GGGG"),
    ("MK 16.06.2015. noteikumi Nr. 313", "datums nav DD.MM.GGGG"),
    ("pēc noteikumiem Nr. 288 par sociālo pakalpojumu saņemšanu", "nosaukums citiem vārdiem"),
    ("MK 18.12.2012 noteikumi Nr. 942 par asistenta pakalpojumu", "nosaukums citiem vārdiem"),
    ("Ministru kabineta 2008. gada 21. aprīļa noteikumi Nr. 288 „Sociālo pakalpojumu kārtība”", "cits nosaukums"),
    ("MK 16.07.2015 noteikumi Nr. 313", "cits datums"),
    ("Ministru kabineta 2015. gada 6. jūnija noteikumi Nr. 313", "cits datums"),
])
def test_each_wrong_form_is_found(catalogue: Catalogue, text: str, problem: str) -> None:
    problems = citation_problems(text, mk_acts(catalogue))
    assert any(p.startswith(problem) for p in problems), problems


def test_right_forms_pass(catalogue: Catalogue) -> None:
    acts = mk_acts(catalogue)
    mk288 = catalogue.legal_acts.act("mk-288").forms
    assert title(acts["313"]) in MK313
    text = (f"Ņem no {mk288.genitive} 5. punkta. Vēlāk MK noteikumi Nr. 288 un MK 16.06.2015 noteikumi Nr. 313, "
            f"25.3. apakšpunkts; MK noteikumi Nr. 942 un Nr. 316 (MK 18.05.2021 noteikumi Nr. 316). {MK313}.")
    assert citation_problems(text, acts) == []
    assert first_mention_problems(f"{mk288.nominative}; MK noteikumi Nr. 288. {MK313}", acts) == []
    assert first_mention_problems("MK noteikumi Nr. 288; " + mk288.nominative, acts) != []
