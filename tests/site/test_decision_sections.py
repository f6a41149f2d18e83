"""The decisions page shown as one section per decision, grouped by theme (generator/site/decision_sections.py)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.data_files import DecisionThemes
from generator.site.decision_sections import BACK, OTHER, paragraphs, sectionize, short, unthemed
from generator.site.methodology_data import load_decision_themes

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "catalogue" / "metodika" / "rekonstrukcijas-un-lemumi.md"

SOURCE = """# Lēmumi

Ievads.

## Apmēri

Visi apmēri ir par periodu.

| Nr. | Jautājums | Projekta lēmums |
|---|---|---|
| D1 | Kā aprēķina P? | P = likme × B |
| D2 | Vai pārrēķina? | Nē ([D1](#lemums-d1)) |

## Teksts

| Nr. | Jautājums | Projekta lēmums |
|---|---|---|
| D7 | Kā raksta? | Latviski |
| D100 | Jauns? | Jā |

## Atklātas vietas

| Vieta | Kā rīkojamies |
|---|---|
| Metodikā nav | Rekonstruēts |
"""


def themes(**groups: list[int]) -> DecisionThemes:
    return DecisionThemes.model_validate({"temas": [{"id": k, "virsraksts": k.capitalize(), "lemumi": v}
                                                    for k, v in groups.items()]})


def test_each_decision_is_a_heading_with_its_anchor_under_its_theme() -> None:
    out = sectionize(SOURCE, themes(nauda=[2, 1], teksts=[7]))
    assert "| D1 |" not in out and "| Nr. |" not in out  # no decision table left
    headings = re.findall(r"^(#{2,3}) (.*)$", out, re.M)
    assert headings == [
        ("##", "Nauda"), ("###", "D2 – Vai pārrēķina? { #lemums-d2 }"), ("###", "D1 – Kā aprēķina P? { #lemums-d1 }"),
        ("##", "Teksts"), ("###", "D7 – Kā raksta? { #lemums-d7 }"),
        ("##", OTHER), ("###", "D100 – Jauns? { #lemums-d100 }"),  # named by no theme: at the end, not lost
        ("##", "Atklātas vietas"),  # a section without decision rows stays as it was, after the themes
    ]
    assert out.index("Visi apmēri ir par periodu.") < out.index("### D2")  # the section's text goes with its theme
    assert "| Metodikā nav | Rekonstruēts |" in out
    assert "Nē ([D1](#lemums-d1))" in out and out.startswith("# Lēmumi\n\nLēmumi pēc tēmām:")
    assert out.index("Ievads.") < out.index("## Nauda")
    assert unthemed(SOURCE, themes(nauda=[1, 2], teksts=[7])) == [100]


def test_a_list_of_the_themes_under_the_title_links_to_each_and_back() -> None:
    """On a phone the page is ~300 000 px tall: under the title a list of the themes with their numbers of decisions
    links to each theme's heading (by the id the table of contents gives it), and each theme ends with a link back."""
    out = sectionize(SOURCE, themes(nauda=[2, 1], teksts=[7]))
    head = out[: out.index("Ievads.")]
    assert head == ("# Lēmumi\n\nLēmumi pēc tēmām:\n{: #lemumu-temas }\n\n"
                    "- [Nauda](#nauda) – 2 lēmumi\n- [Teksts](#teksts) – 1 lēmums\n"
                    f"- [{OTHER}](#citi-lemumi) – 1 lēmums\n- [Atklātas vietas](#atklatas-vietas)\n\n")
    # every section ends with the link back, the last one (without decisions) too (D329)
    sections = re.split(r"^## ", out, flags=re.M)[1:]
    assert [s.split("\n", 1)[0] for s in sections] == ["Nauda", "Teksts", OTHER, "Atklātas vietas"]
    assert all(s.rstrip("\n").endswith(BACK) and s.count(BACK) == 1 for s in sections), sections
    assert out.index("[↑ Uz tēmu sarakstu]") > out.index("### D1 ")


def test_each_theme_lists_its_decisions_under_its_heading() -> None:
    """M4 (D329): in a theme of 67 decisions a phone reader needs the questions at hand – right under each theme's
    heading a list of its decisions (number and question) links to each one's heading, in the theme's order."""
    source = SOURCE.replace("Kā raksta?", "Kā raksta vārdus, kas citēti no [D1](#lemums-d1), un ko raksta, ja „pēdiņās "
                            "ir ļoti gari vārdi, kas turpinās pāri robežai” un vēl?")
    out = sectionize(source, themes(nauda=[2, 1], teksts=[7]))
    for theme, numbers in (("Nauda", [2, 1]), ("Teksts", [7]), (OTHER, [100])):
        section = out[out.index(f"## {theme}\n"):]
        block = section[: section.index("</div>") + len("</div>")]
        assert block.startswith(f"## {theme}\n\n<div class=\"ibm-temas-lemumi\" data-search-exclude markdown>\n")
        links = re.findall(r'^- \[D(\d+) – (.*)\]\(#lemums-d(\d+)\)(?:\{ aria-label="[^"]*" \})?$', block, re.M)
        assert [(int(a), int(b)) for a, _, b in links] == [(n, n) for n in numbers], block
        assert section.index("</div>") < section.index("### D")  # the list before the first decision
    assert "- [D2 – Vai pārrēķina?](#lemums-d2)\n" in out  # a whole question: its text is its name
    # a long question is cut at a word outside quotes, its link as plain text (a link holds no link)
    # a Markdown link, not inline HTML: the first abbreviation in it is a link's, glossed in the text (abbr_first)
    item, label = re.search(r'^- \[D7 – (.*)\]\(#lemums-d7\)\{ aria-label="([^"]*)" \}$', out, re.M).groups()
    assert item == "Kā raksta vārdus, kas citēti no D1, un ko raksta, ja\u00a0…", item  # not inside „…”
    # a screen reader hears the whole question, as plain text (the link's text without its link)
    assert label == ("D7 – Kā raksta vārdus, kas citēti no D1, un ko raksta, ja „pēdiņās ir ļoti gari vārdi, kas "
                     "turpinās pāri robežai” un vēl?"), label
    assert short("Īss jautājums?") == "Īss jautājums?"
    assert out.count("</div>") == 3  # no list for the section without decisions


def test_long_decisions_break_into_paragraphs_only_at_sentence_ends() -> None:
    first = "Pirmais teikums ir gana garš, " * 20 + "beidzas šeit."
    text = (first + " Otrais teikums sākas ar lielo burtu. " + "Tā (piem. Valmieras dienests) turpinās. "
            + "x" * 10)
    parts = paragraphs(text, size=100)
    assert parts[0] == first and parts[1].startswith("Otrais teikums")
    abbrev = "a" * 120 + " piem. Valmiera ir pilsēta. Cits."
    assert paragraphs(abbrev, size=100) == [abbrev[: abbrev.index(" Cits")], "Cits."]  # not after "piem."
    numbered = "b" * 120 + " sk. 6.3. Tabula un (iekavās. Lielais) vēl. Beigas."
    assert paragraphs(numbered, size=100)[-1] == "Beigas."
    assert len(paragraphs(numbered, size=100)) == 2  # not after "6.3.", not inside brackets


def test_the_catalogue_themes_name_every_decision_once() -> None:
    loaded = load_decision_themes(PAGE.parent)
    assert loaded is not None
    source = PAGE.read_text(encoding="utf-8")
    assert unthemed(source, loaded) == []  # a new decision must be given a theme in lemumu-temas.yaml
    rows = {int(n) for n in re.findall(r"^\| D(\d+) \|", source, re.M)}
    named = [n for t in loaded.temas for n in t.lemumi]
    assert set(named) <= rows, sorted(set(named) - rows)  # no theme names a decision that does not exist


def test_a_decision_in_two_themes_is_a_catalogue_error(tmp_path: Path) -> None:
    (tmp_path / "lemumu-temas.yaml").write_text(
        "temas:\n  - id: a\n    virsraksts: A\n    lemumi: [1, 2]\n  - id: b\n    virsraksts: B\n    lemumi: [2]\n",
        encoding="utf-8")
    from generator.catalogue.problems import CatalogueError

    try:
        load_decision_themes(tmp_path)
    except CatalogueError as exc:
        text = str(exc)
        assert "lemumu-temas.yaml" in text and "D2" in text
    else:
        raise AssertionError("no error")


def test_the_page_names_exactly_the_unused_decision_numbers() -> None:
    """audit16 F11: the intro says which numbers between D1 and the last decision have no decision, and they are
    exactly the gaps (a new decision in a gap, or a new gap, makes the sentence wrong)."""
    text = PAGE.read_text(encoding="utf-8")
    used = {int(n) for n in re.findall(r"^\| D(\d+) \|", text, re.M)}
    gaps = sorted(set(range(1, max(used) + 1)) - used)
    sentence = re.search(r"Numuri ((?:D\d+, )*D\d+ un D\d+) nav izmantoti", text)
    assert sentence is not None
    assert len(re.findall(r"Numuri (?:D\d+, )*D\d+ un D\d+ nav izmantoti", text)) == 1  # once (a merge left two)
    assert [int(n) for n in re.findall(r"D(\d+)", sentence.group(1))] == gaps


def test_examples_quote_no_template_id_or_round_day() -> None:
    """audit16 F12: the decisions quote the matrix header and the refusal sentence by their form, not with one
    template's id or one round's last day that go stale."""
    text = PAGE.read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| D(\d+) \|.*$", text, re.M)}
    assert not re.search(r"Veidne [0-9a-f]{8}\.\d+", text)
    assert "„Veidne xxxxxxxx.NN, cenas uz DD.MM.GGGG”" in rows["91"]
    assert not re.search(r"\d\d\.\d\d\.\d{4}", rows["40"]) and not re.search(r"\d\d\.\d\d\.\d{4}", rows["91"])


def test_every_decision_answer_ends_with_sentence_punctuation() -> None:
    """The decisions page's answers are sentences: each ends with a full stop (or ? !), not some with and some
    without (about half had none). The answer is the row's last cell, its text up to the closing „ |”."""
    source = PAGE.read_text(encoding="utf-8")
    answers = re.findall(r"^\| (D\d+) \|.*\| (.*?) \|[ \t]*$", source, re.M)
    assert len(answers) == len(re.findall(r"^\| D\d+ \|", source, re.M)) > 200
    unfinished = [number for number, answer in answers if not answer.rstrip().endswith((".", "?", "!"))]
    assert unfinished == [], unfinished
