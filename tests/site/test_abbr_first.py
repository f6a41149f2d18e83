"""The first abbreviation of each kind on a page is explained in the text, not only on hover (audit30 F4)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest

from generator.site.abbr_first import (
    abbreviation_list,
    explain_in_html,
    genitive_list,
    grammar_list,
    in_quotes,
    short_meaning,
)
from tests.site.conftest import BuiltSite
from tests.site.htmltables import text_of

GLOSSARY = "\n\n*[FT]: funkcionālie traucējumi\n*[SD]: sociālais dienests\n*[DI]: deinstitucionalizācija – pāreja\n"


def render(text: str) -> str:
    return markdown.markdown(text + GLOSSARY, extensions=["abbr", "generator.site.abbr_first"])


def test_first_use_gets_the_meaning_and_later_ones_do_not() -> None:
    out = render("## FT\n\nSmagu FT dēļ un citu FT dēļ.")
    assert out.count("(funkcionālie traucējumi)") == 1
    assert "<h2><abbr" in out and "FT</abbr></h2>" in out  # a heading stays short
    assert 'FT</abbr> (funkcionālie traucējumi) dēļ un citu <abbr title="funkcionālie traucējumi">FT</abbr> dēļ' in out


@pytest.mark.parametrize("text", ["Bērni ar funkcionāliem traucējumiem (FT) un FT.",
                                  "FT (funkcionālo traucējumu dēļ) un FT."])
def test_a_term_the_text_explains_gets_no_second_explanation(text: str) -> None:
    assert "funkcionālie traucējumi" not in render(text).replace('title="funkcionālie traucējumi"', "")


def test_a_bracket_that_does_not_say_the_meaning_is_no_explanation() -> None:  # review8 R8-4
    out = render("Bērns un vecāks, SD (FT jomas speciālists) un SD.")
    assert "SD</abbr> (sociālais dienests; <abbr" in out
    assert out.count("sociālais dienests;") == 1 and "[funkcionālie traucējumi]" in out


def test_an_abbreviation_only_in_headings_is_explained_under_the_heading() -> None:  # review8 R8-3
    out = render("# Atbalsts bērniem ar FT\n\nTiflospeciālists – pakalpojums.\n\n## SD\n\nTeksts.")
    assert ('FT</abbr></h1>\n<p class="ibm-saisinajumi">Saīsinājums: <abbr title="funkcionālie traucējumi">FT</abbr>'
            " – funkcionālie traucējumi.</p>\n<p>Tiflospeciālists") in out
    assert "SD</abbr></h2>\n<p class=\"ibm-saisinajumi\">Saīsinājums: " in out
    assert out.count("ibm-saisinajumi") == 2


def test_a_heading_abbreviation_the_text_uses_is_glossed_there_only() -> None:
    out = render("# Bērniem ar FT\n\nSmagu FT dēļ.")
    assert "ibm-saisinajumi" not in out and "FT</abbr> (funkcionālie traucējumi) dēļ" in out


def test_a_link_text_keeps_its_words_and_the_next_use_is_glossed() -> None:  # review8 R8-5
    out = render("Skat. nodaļu [II.3 FT atbalsts](nodala.html). Smagu FT dēļ.")
    assert 'FT</abbr> atbalsts</a>' in out
    assert "FT</abbr> (funkcionālie traucējumi) dēļ" in out
    only_link = render("Skat. nodaļu [II.3 FT atbalsts](nodala.html).")
    assert 'FT</abbr> atbalsts</a>' in only_link and "Saīsinājums: " in only_link


def test_the_list_meanings_are_nominative_glosses() -> None:  # review8 R8-6
    names = abbreviation_list(Path("catalogue/metodika/saisinajumi.md"))
    assert short_meaning(names["IP"]) == "interneta protokols"


def test_brackets_after_another_word_are_no_explanation() -> None:
    assert "FT</abbr> [funkcionālie traucējumi]) mājās" in render("Atbalsts bērniem (FT) mājās.")


def test_inside_brackets_the_meaning_takes_square_ones() -> None:
    out = render("Kas nosaka (vispārējā kārtībā – SD).")
    assert "SD</abbr> [sociālais dienests])" in out


def test_meaning_is_the_list_text_up_to_a_dash_or_bracket() -> None:
    assert short_meaning("deinstitucionalizācija – pāreja no aprūpes") == "deinstitucionalizācija"
    assert short_meaning("lietišķā uzvedības analīze (angļu: applied behaviour analysis) – metode") == (
        "lietišķā uzvedības analīze")
    assert "(deinstitucionalizācija)" in render("DI projekts.")


KEY_ABBREVIATIONS = ("FT", "SBS", "SD", "VDEĀVK", "IB", "ABA")
HEADING = re.compile(r"<h([1-6])\b.*?</h\1>", re.S)
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.S)
SERVICE_LINK = re.compile(r'<a href="[\d.]+\.html"')


def _article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


def _explains(content: str, m: re.Match, meaning: str) -> bool:
    """The text explains the abbreviation at ``m``: its meaning follows (a gloss, the note's „FT – …”, or its own
    bracket that says it in any case form), or it stands in brackets right after its term."""
    after = html.unescape(re.sub(r"<[^>]+>", "", content[m.end():m.end() + 300]))
    stem = meaning.split()[0][:5].lower()
    if after.startswith((f" ({meaning})", f" [{meaning}]", f" ({meaning}; ", f" – {meaning}")):
        return True
    if after.startswith((" (", " [")) and stem in re.split(r"[)\]]", after[2:], maxsplit=1)[0].lower():
        return True  # also a gloss in the case of its phrase („IB [individuālā budžeta] administrētājs”)
    return (content[:m.start()].endswith("(") and after.startswith(")")
            and stem in text_of(content[max(0, m.start() - 300):m.start()]).lower())


def test_on_every_page_the_first_key_abbreviation_is_explained_without_hover(built_site: BuiltSite) -> None:
    """Outside headings, link texts (review8 R8-5) and quoted names, the first use of each key abbreviation is explained; one
    used only in headings or links is explained in the text too (R8-3); a bracket counts only if it says the
    meaning (R8-4)."""
    unexplained, glossed_links = [], []
    checked = 0
    for path in sorted(built_site.site.rglob("*.html")):
        article = _article(path.read_text(encoding="utf-8"))
        name = str(path.relative_to(built_site.site))
        in_headings = {m.group(2) for h in HEADING.finditer(article) for m in ABBR.finditer(h.group(0))}
        for link in LINK.finditer(article):
            if name == "katalogs/index.html" and SERVICE_LINK.match(link.group(0)):
                continue  # the index table's service names explain themselves (audit30 F19: „ABA”)
            for m in ABBR.finditer(link.group(0)):
                if _explains(link.group(0), m, short_meaning(html.unescape(m.group(1)))):
                    glossed_links.append(f"{name}: {text_of(link.group(0))[:80]}")
        content = HEADING.sub("", article)
        links = [lk.span() for lk in LINK.finditer(content)]
        seen = set()
        for m in ABBR.finditer(content):
            title, abbr = html.unescape(m.group(1)), m.group(2)
            if abbr not in KEY_ABBREVIATIONS or abbr in seen or any(a <= m.start() < b for a, b in links):
                continue
            if in_quotes(html.unescape(re.sub(r"<[^>]+>", "", content[:m.start()]))):
                continue  # a quoted name stays as written: the next use, or the note after its block, explains it
            seen.add(abbr)
            checked += 1
            if not _explains(content, m, short_meaning(title)):
                after = html.unescape(re.sub(r"<[^>]+>", "", content[m.end():m.end() + 40]))
                unexplained.append(f"{name}: {abbr}{after}")
        unexplained += [f"{name}: {abbr} tikai virsrakstos vai saitēs"
                        for abbr in sorted(in_headings & set(KEY_ABBREVIATIONS) - seen)]
    assert checked > 100
    assert not unexplained, unexplained
    assert not glossed_links, glossed_links


def test_html_tables_explain_the_first_abbreviation_too() -> None:
    names = {"FT": "funkcionālie traucējumi", "ABA": "lietišķā uzvedības analīze (angļu: …) – metode"}
    explained: set[str] = set()
    first = explain_in_html("ABA terapija <bērniem>", names, explained)
    assert first == ('<abbr title="lietišķā uzvedības analīze (angļu: …) – metode">ABA</abbr> '
                     "(lietišķā uzvedības analīze) terapija &lt;bērniem&gt;")
    assert explain_in_html("ABA grupā", names, explained) == (
        '<abbr title="lietišķā uzvedības analīze (angļu: …) – metode">ABA</abbr> grupā')


def test_catalogue_index_explains_aba(built_site: BuiltSite) -> None:  # audit30 F19
    text = text_of(built_site.html("katalogs/index.html"))
    assert f"ABA ({grammar_list(LIST).forms['aba']['ģenitīvā']}) terapija" in text


@pytest.mark.parametrize("text", ["Cena (MK noteikumi Nr. 313) un viss.", "Saskaņā ar MK 16.06.2015 noteikumiem Nr. 313.",
                                  "- MK noteikumu Nr. 313 25.3. apakšpunkts"])
def test_an_abbreviation_that_starts_an_acts_name_is_explained_after_its_block(text: str) -> None:
    """audit27c F3: „MK (Ministru kabinets) noteikumi Nr. 313” broke the act's name a lawyer copies; the gloss goes
    into a line after the block, the citation stays as written."""
    out = markdown.markdown(text + "\n\n*[MK]: Ministru kabinets\n", extensions=["abbr", "generator.site.abbr_first"])
    plain = re.sub(r"<[^>]+>", "", out)
    assert "MK (Ministru" not in plain and "MK [Ministru" not in plain, out
    assert "Saīsinājums: MK – Ministru kabinets." in plain, out
    later = markdown.markdown(text + "\n\nMK lēmums.\n\n*[MK]: Ministru kabinets\n",
                              extensions=["abbr", "generator.site.abbr_first"])
    assert "MK (Ministru kabinets) lēmums" in re.sub(r"<[^>]+>", "", later) and "Saīsinājums" not in later, later


def test_the_html_tables_gloss_no_abbreviation_inside_an_acts_name() -> None:
    glossary = {"MK": "Ministru kabinets"}
    explained: set[str] = set()
    cell = explain_in_html("MK 16.06.2015 noteikumi Nr. 313", glossary, explained)
    assert "(Ministru kabinets)" not in cell and "MK" not in explained
    assert "(Ministru kabinets)" in explain_in_html("MK lēmums", glossary, explained)


LIST = Path("catalogue/metodika/saisinajumi.md")


def test_before_a_noun_the_gloss_is_the_lists_genitive() -> None:
    """audit37b F7: „ar IBM (individuālā budžeta modelis) matricu” put a nominative inside a genitive phrase. An
    abbreviation followed by a word takes the list's genitive meaning; at the end of its phrase the nominative stays;
    one the list gives no genitive keeps its nominative gloss."""
    genitive = genitive_list(LIST)["IBM"]
    assert genitive == "individuālā budžeta modeļa"
    glossary = f'\n\n*[IBM]: individuālā budžeta modelis\n*[FT]: funkcionālie traucējumi\n\n[IBM ģenitīvā]: # "{genitive}"\n'

    def out(text: str) -> str:
        return re.sub(r"<[^>]+>", "", markdown.markdown(text + glossary, extensions=["abbr", "generator.site.abbr_first"]))

    assert out("Nosaka ar IBM matricu.") == f"Nosaka ar IBM ({genitive}) matricu."
    assert out("Pakalpojumi ārpus IBM.") == "Pakalpojumi ārpus IBM (individuālā budžeta modelis)."
    assert out("Smagu FT dēļ.") == "Smagu FT (funkcionālie traucējumi) dēļ."
    assert "[IBM" not in out("IBM.") and genitive not in out("IBM.")  # the reference line shows nothing
    assert explain_in_html("IBM matrica", {"IBM": "individuālā budžeta modelis"}, set(), {"IBM": genitive}) == (
        f'<abbr title="individuālā budžeta modelis">IBM</abbr> ({genitive}) matrica')


def test_no_page_glosses_ibm_in_the_nominative_before_a_noun(built_site: BuiltSite) -> None:
    nominative = re.compile(r"IBM \(individuālā budžeta modelis\) [a-zāčēģīķļņšūž]")
    found = [str(p.relative_to(built_site.site)) for p in sorted(built_site.site.rglob("*.html"))
             if nominative.search(text_of(p.read_text(encoding="utf-8")))]
    assert found == [], "\n".join(map(str, found))
    assert "ar IBM (individuālā budžeta modeļa) matricu" in text_of(built_site.html("kalkulators.html"))


def test_the_gloss_takes_the_case_of_its_phrase() -> None:
    """F9: „pieejamā IB (individuālais budžets) apmēra”, „bērni ar FT (funkcionālie traucējumi)” glossed in the
    nominative inside other cases. The forms are the list's data (catalogue/metodika/saisinajumi.md)."""
    glossary = "\n\n" + LIST.read_text(encoding="utf-8")

    def out(text: str) -> str:
        html_ = markdown.markdown(text + glossary, extensions=["abbr", "generator.site.abbr_first"])
        return re.sub(r"<[^>]+>", "", html_).splitlines()[0]

    grammar = grammar_list(LIST)
    assert out("Plānam pieejamā IB apmēra.") == f"Plānam pieejamā IB ({grammar.forms['ib']['ģenitīvā']}) apmēra."
    assert out("Bērni ar FT un citi.") == f"Bērni ar FT ({grammar.forms['ft']['aiz ar']}) un citi."
    assert out("Tad VDEĀVK ir noteikusi.") == "Tad VDEĀVK (Veselības un darbspēju ekspertīzes ārstu valsts komisija) ir noteikusi."
    assert explain_in_html("Bērniem ar FT", {"FT": "funkcionālie traucējumi"}, set(), grammar=grammar) == (
        f'Bērniem ar <abbr title="funkcionālie traucējumi">FT</abbr> ({grammar.forms["ft"]["aiz ar"]})')


def test_no_page_glosses_in_the_nominative_before_a_word_the_abbreviation_qualifies(built_site: BuiltSite) -> None:
    """Every first use glossed in the nominative before a lower-case word the list does not name as a verb or a
    conjunction („nominatīvā pirms”) is wrong: the list must give that abbreviation's genitive, and the page use it."""
    grammar = grammar_list(LIST)
    meanings = {abbr: short_meaning(title) for abbr, title in abbreviation_list(LIST).items()}
    nominative = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(meanings, key=len, reverse=True))
                            + r") [(\[]([^)\]]+)[)\]] ([a-zāčēģīķļņšūž][\w-]*)")
    found = []
    for page in sorted(built_site.site.rglob("*.html")):
        for m in nominative.finditer(text_of(page.read_text(encoding="utf-8"))):
            abbr, said, word = m.groups()
            if said == meanings[abbr] and word not in grammar.nominative_before:
                found.append((str(page.relative_to(built_site.site)), m.group(0)))
    assert found == [], "\n".join(map(str, found))


def test_a_quoted_name_stays_as_written_and_the_next_use_is_glossed() -> None:
    """A round's name quoted from data („IBM kārta bērniem 2027. gadā”) printed „IBM (individuālā budžeta modeļa)
    kārta” inside the quotation marks; the name stays as written, the next use outside quotes is glossed, and one
    used only inside quotes is explained in a line after its block."""
    glossary = '\n\n*[IBM]: individuālā budžeta modelis\n\n[IBM ģenitīvā]: # "individuālā budžeta modeļa"\n'

    def out(text: str) -> str:
        return re.sub(r"<[^>]+>", "", markdown.markdown(text + glossary, extensions=["abbr", "generator.site.abbr_first"]))

    both = out("Kārta „IBM kārta bērniem 2027. gadā” sākas. Pieteikumus vērtē pēc IBM metodikas.")
    assert "„IBM kārta bērniem 2027. gadā”" in both, both
    assert "pēc IBM (individuālā budžeta modeļa) metodikas" in both and "Saīsinājums" not in both, both
    only = out("Kārta „IBM kārta bērniem 2027. gadā” sākas.")
    assert "„IBM kārta bērniem 2027. gadā”" in only and "Saīsinājums: IBM – individuālā budžeta modelis." in only, only
    names = {"IBM": "individuālā budžeta modelis"}
    explained: set[str] = set()
    cell = explain_in_html("Projekts „IBM ieviešana” LM", names, explained)
    assert "(individuālā" not in cell and "IBM" not in explained
    assert "(individuālā budžeta modelis)" in explain_in_html("IBM un citi", names, explained)


def _glossed(text: str) -> str:
    """``text`` with the real list's forms, as the page shows it (first line only)."""
    out = markdown.markdown(text + "\n\n" + LIST.read_text(encoding="utf-8"),
                            extensions=["abbr", "generator.site.abbr_first"])
    return re.sub(r"<[^>]+>", "", out).splitlines()[0]


@pytest.mark.parametrize(("text", "case"), [
    ("Noslēgts līgums par IB; pakalpojums.", "aiz par frāzes beigās"),
    ("Ja plāns ir dārgāks par IB, bērns nesaņem.", "aiz par frāzes beigās"),
    ("Lēmumu par IB var apstrīdēt.", "aiz par frāzes beigās"),
    ("Lēmumu par IB un provizorisko apmēru pieņem.", "aiz par frāzes beigās"),
    ("Bērns nav tiesīgs uz IB.", "aiz uz frāzes beigās"),
    ("Līgums par IB piešķiršanu.", "ģenitīvā"),
    ("Sāk darbu pēc lēmuma par IB saņemšanas.", "ģenitīvā"),
])
def test_after_par_and_uz_a_phrase_final_abbreviation_takes_the_lists_accusative(text: str, case: str) -> None:
    """„līgums par IB (individuālais budžets)” kept the nominative after a preposition that governs the accusative;
    the list gives the form for the phrase's end, while before a noun („par IB piešķiršanu”) the genitive stays."""
    form = grammar_list(LIST).forms["ib"][case]
    assert f"IB ({form})" in _glossed(text)


def test_a_plural_abbreviation_after_par_takes_its_form_too() -> None:
    forms = grammar_list(LIST).forms["ft"]
    assert forms["aiz par frāzes beigās"] != short_meaning("funkcionālie traucējumi")
    assert f"par FT ({forms['aiz par frāzes beigās']}), to ietekmi" in _glossed("Atzinumi par FT, to ietekmi.")
    assert f"par FT ({forms['aiz par frāzes beigās']}) un veselību" in _glossed("Ziņas par FT un veselību.")
    assert f"par FT ({forms['ģenitīvā']}) veidu" in _glossed("Veidlapa par FT veidu.")
    assert explain_in_html("Līgums par IB.", abbreviation_list(LIST), set(), grammar=grammar_list(LIST)).endswith(
        f"IB</abbr> ({grammar_list(LIST).forms['ib']['aiz par frāzes beigās']}).")


def test_a_second_joined_abbreviation_takes_the_first_ones_preposition() -> None:
    """„līgumos ar LNB (Latvijas Neredzīgo biedrību) un LNS (Latvijas Nedzirdīgo savienība)” – „ar” governs both."""
    forms = grammar_list(LIST).forms
    out = _glossed("Cena, kas noteikta līgumos ar LNB un LNS par pakalpojumiem.")
    assert f"ar LNB ({forms['lnb']['aiz ar']}) un LNS ({forms['lns']['aiz ar']}) par" in out
    assert f"ar BIP ({forms['bip']['aiz ar']}) 1.3" in _glossed("Rindas ar BIP 1.3 visos veidos.")


ACCUSATIVE_PREPOSITIONS = ("par", "uz", "caur", "pa", "pret", "ap", "gar")


def test_no_page_glosses_a_phrase_final_abbreviation_after_an_accusative_preposition_in_the_nominative(
        built_site: BuiltSite) -> None:
    """Every first use after „par”, „uz”, „caur”, „pa” … that ends its phrase (no lower-case word it qualifies after
    it) is glossed in the form that preposition needs: the list must give it, and the page use it."""
    grammar = grammar_list(LIST)
    meanings = {abbr: short_meaning(title) for abbr, title in abbreviation_list(LIST).items()}
    glossed = re.compile(r"\b(" + "|".join(ACCUSATIVE_PREPOSITIONS) + r") (" + "|".join(
        re.escape(a) for a in sorted(meanings, key=len, reverse=True)) + r") [(\[]([^)\]]+)[)\]]( [\w-]+)?", re.I)
    found, checked = [], 0
    for page in sorted(built_site.site.rglob("*.html")):
        for m in glossed.finditer(text_of(page.read_text(encoding="utf-8"))):
            _prep, abbr, said, word = m.groups()
            word = (word or "").strip()
            if word[:1].islower() and word not in grammar.nominative_before:
                continue  # it qualifies the word after it: the genitive („par IB piešķiršanu”)
            checked += 1
            if said == meanings[abbr]:
                found.append((str(page.relative_to(built_site.site)), m.group(0)))
    assert checked >= 2 and found == [], "\n".join(map(str, found))


def test_a_line_for_a_quoted_abbreviation_follows_the_block_that_holds_it() -> None:
    """An abbreviation used only inside „…” (or a link, an act's name) got its line after the page's top block – after
    a whole list or the box it stood in, far from the use; it now follows its paragraph, list item's text or table."""
    glossary = '\n\n*[IBM]: individuālā budžeta modelis\n'

    def out(text: str) -> str:
        return markdown.markdown(text + glossary, extensions=["abbr", "tables", "generator.site.abbr_first"])

    note = '<p class="ibm-saisinajumi">Saīsinājums: '
    in_list = out("- Kārta „IBM kārta bērniem” sākas.\n- Otrs punkts.\n- Trešais punkts.")
    assert in_list.index(note) < in_list.index("Otrs punkts"), in_list
    assert re.search(r"sākas\.<p class=\"ibm-saisinajumi\">.*?</p>\s*</li>\s*<li>Otrs", in_list, re.S), in_list
    nested = out("- Kārta „IBM kārta bērniem” sākas.\n    - apakšpunkts\n- Otrs punkts.")
    assert nested.index(note) < nested.index("<ul>", nested.index("sākas")), nested
    in_table = out("| A | B |\n|---|---|\n| „IBM kārta” | x |\n\nCits teksts.")
    assert re.search(r"</table>\s*" + re.escape(note), in_table) and in_table.index(note) < in_table.index("Cits"), in_table
    in_box = out("> Pirmais „IBM kārta” teikums.\n>\n> Otrais teikums.")
    assert in_box.index(note) < in_box.index("Otrais"), in_box
