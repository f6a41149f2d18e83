"""The Latvian search normalisation (generator/site/lvsearch.py): folding, the light stemmer on the
catalogue's vocabulary, and the JavaScript twin in the browser giving the same result on every word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.site import paths
from generator.site.lvsearch import fold, normalize, stem, title_terms
from tests.site.browsing import Visit, browser_test

LUNR_LV = paths.SITE_SOURCES / "assets" / "javascripts" / "lunr" / "min" / "lunr.lv.min.js"
WORD = re.compile(r"[^\W\d_]{2,}")


def catalogue_vocabulary(root: Path = DEFAULT_CATALOGUE) -> list[str]:
    """Every distinct word (letters only, lower case) of the catalogue's YAML and Markdown files."""
    words: set[str] = set()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yaml", ".md") and path.is_file():
            words.update(w.lower() for w in WORD.findall(path.read_text(encoding="utf-8")))
    return sorted(words)


@pytest.fixture(scope="module")
def latvian(browser, server: str) -> Iterator[Visit]:  # noqa: ANN001 - tests/site/browsing.py's browser
    """index.html opened once for the module's browser tests: they only call window.ibmLatvian (normalize, rerank,
    titleTerms …), pure functions of their arguments that no call changes; a page of its own for each test cost
    ~2 s of Chromium CPU more (docs/benchmarks.md, testtime41)."""
    v = Visit(browser, server)
    v.open("index.html")
    yield v
    v.close()


def test_fold_removes_latvian_diacritics() -> None:
    assert fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž") == "acegiklnsuz acegiklnsuz"
    assert fold("Logopēds") == "logopeds"


# Forms that must meet: nominative, genitive, dative, locative, plural, typed with or without diacritics.
SAME_STEM = [
    ("ģimene", "ģimenes", "ģimenei", "ģimenē", "ģimenēm", "gimenes", "gimenem"),
    ("asistents", "asistenta", "asistentam", "asistenti", "asistentu", "asistentiem"),
    ("transports", "transporta", "transportam", "transportā", "transporti"),
    ("logopēds", "logopeds", "logopēda", "logopēdam", "logopēdi", "logopedu"),
    ("bērns", "bērna", "bērnam", "bērni", "bērniem", "berniem", "bērnu"),
    ("pakalpojums", "pakalpojuma", "pakalpojumi", "pakalpojumu", "pakalpojumiem", "pakalpojumā"),
    ("centrs", "centra", "centrā", "centri", "centriem"),
    ("aprūpe", "aprūpes", "aprupes", "aprūpei", "aprūpē"),
    ("matrica", "matricas", "matricā", "matricai", "matricām"),
    ("terapija", "terapijas", "terapijai", "terapijā"),
    ("specializētā", "specializētais", "specializetais", "specializētās"),
    # the d – ž alternation of the second declension (audit32b F4: „atelpas brīža” missed the price pages)
    ("brīdis", "brīža", "brīžu", "brīdim", "brīdī", "brīžiem", "bridis", "briza"),
    ("bāze", "bāzes", "bāzei", "bāzē", "bazes"),  # a z stem meets itself (spelt with d)
]


@pytest.mark.parametrize("forms", SAME_STEM, ids=lambda forms: forms[0])
def test_inflected_forms_share_one_search_term(forms: tuple[str, ...]) -> None:
    assert len({normalize(f) for f in forms}) == 1, {f: normalize(f) for f in forms}


# A profession, its field or service and the help, as a social worker searches them: one search term for all, typed
# with or without diacritics (the catalogue writes both forms: 3.1.2 „ergoterapeits” with the search word
# „ergoterapija”, 1.2 „fizioterapeits”, 3.11 „fizioterapija”).
SAME_ROOT = [
    ("logopēds", "logopēda", "logopēdi", "logopēdija", "logopēdijas", "logopēdijā", "logopedija", "logopedu"),
    ("ergoterapija", "ergoterapijas", "ergoterapijā", "ergoterapeits", "ergoterapeita", "ergoterapeiti",
     "ergoterapeitam", "ergoterapeite", "ergoterapeites", "ergoterapeitiem", "ergoterapeitu", "ergoterapijai"),
    ("fizioterapija", "fizioterapijas", "fizioterapijai", "fizioterapeits", "fizioterapeita", "fizioterapeitiem",
     "fizioterapeite", "fizioterapeits"),
    ("psihoterapija", "psihoterapeits", "psihoterapeitu", "psihoterapijas"),
    ("terapija", "terapijas", "terapeits", "terapeita", "terapeiti", "terapeite"),
    ("asistents", "asistenta", "asistenti", "asistence", "asistences", "asistencei", "asistencē", "asistenci"),
    ("aprūpe", "aprūpes", "aprupes", "aprūpē", "aprūpētājs", "aprūpētāji", "aprūpētājam", "aprūpētājas", "aprupetajs"),
    ("psihologs", "psihologa", "psiholoģija", "psiholoģijas", "psihologija"),
    ("pedagogs", "pedagoga", "pedagoģija", "pedagoģijas", "pedagogija"),
    ("surdopedagogs", "surdopedagoģija", "surdopedagoģijas"),
    ("kompetence", "kompetences", "kompetents", "kompetenta"),
]
# Words of one spelling after folding and stemming that are no family, and one family that is still two words: each
# pair stays two search terms.
APART = [
    ("kopija", "kopa"), ("kopijas", "kopas"),  # a root of three letters keeps its suffix
    ("sesija", "seši"), ("somija", "soma"),
    ("parādīja", "parāds"), ("izrādīja", "izrāde"),  # a verb's past -īja is no noun in -ija
    ("speciālists", "speciālais"), ("atpazīst", "atpazīt"),  # no -ist suffix
    ("veidotājs", "veids"), ("lietotājs", "lieta"),  # no -otāj suffix
    ("aprēķinātajam", "aprēķins"), ("apstiprinātajai", "apstiprina"),  # a definite adjective is no doer
    ("logopēds", "ergoterapeits"), ("fizioterapija", "ergoterapija"), ("terapija", "ergoterapija"),
    ("asistents", "asistēt"), ("aprūpe", "apraksts"), ("pedagogs", "psihologs"),
]


@pytest.mark.parametrize("forms", SAME_ROOT, ids=lambda forms: forms[0])
def test_derived_forms_of_one_root_share_one_search_term(forms: tuple[str, ...]) -> None:
    """fix41: „ergoterapija” found 2 pages, „ergoterapeits” 20 – the stemmer joined no profession with its field."""
    assert len({normalize(f) for f in forms}) == 1, {f: normalize(f) for f in forms}


@pytest.mark.parametrize("pair", APART, ids=lambda pair: "-".join(pair))
def test_unrelated_words_keep_their_own_search_terms(pair: tuple[str, str]) -> None:
    assert normalize(pair[0]) != normalize(pair[1]), pair


def test_stemmer_keeps_short_words_and_enough_of_a_stem() -> None:
    assert stem("un") == "un"  # too short for any ending
    assert stem("ar") == "ar"
    assert stem("kas") == "kas"  # three letters: "as" would leave one
    assert stem("logs") == "log"  # "s" needs no vowel count
    assert normalize("Labklājības") == "labklajib"
    assert stem("zivju") == "ziv"  # labial + j before a palatalising ending ("u"): the j goes too
    assert stem("zivis") == "ziv"
    assert stem("kopijas") == "kopij"  # "as" does not palatalise: the j stays
    assert stem("pieredzes") == "pieredz"  # dz is no z of the d – ž alternation
    assert stem("baz") == "baz" and stem("uz") == "uz"  # no ending taken off: the letters stay (a word typed in part)


def test_codes_are_only_folded() -> None:
    assert normalize("3.1.3") == "3.1.3"
    assert normalize("2025") == "2025"
    assert normalize("4,79") == "4,79"
    # an amount the index keeps whole (mkdocs.yml separator) loses its thousands space, as the query does
    assert normalize("3\u00a0000,00") == "3000,00"
    assert title_terms("3.1.3 Logopēds") == ["logoped"]
    assert title_terms("1.3 Ģimenes asistents") == ["gimen", "asistent"]


def test_vocabulary_is_the_catalogues() -> None:
    words = catalogue_vocabulary()
    assert len(words) > 2000
    assert {"ģimenes", "logopēds", "transporta", "asistents"} <= set(words)


@browser_test
def test_javascript_normalises_every_catalogue_word_like_python(latvian: Visit) -> None:
    words = catalogue_vocabulary() + ["3.1.3", "Ģimenēm", "ĀČĒĢĪĶĻŅŠŪŽ", "zivju", "kopijas", "brīža", "brīdim", "pieredzes", "bāz"]
    words += [w for group in SAME_ROOT for w in group] + [w for pair in APART for w in pair] + ["PARĀDĪJA", "parādi\u0304ja"]
    in_js = latvian.page.evaluate("words => words.map(w => window.ibmLatvian.normalize(w))", words)
    different = {w: (normalize(w), js) for w, js in zip(words, in_js, strict=True) if normalize(w) != js}
    assert different == {}
    assert latvian.page.evaluate("q => window.ibmLatvian.normalizeQuery(q)", "Ģimenes asistents 3.1.3*") \
        == "gimen asistent 3.1.3*"
    queries = {"3 000": "3000", "1 234,56": "1234,56", "2018 2019": "2018 2019", "5.11": "5.11 5,11",
               "4,79": "4,79", "3.1.3": "3.1.3", "3.15.2": "3.15.2", "18.05.2021": "18.05.2021",
               "pavadonis 5.11 EUR": "pavadon 5.11 5,11 eur"}
    in_js = latvian.page.evaluate("qs => qs.map(q => window.ibmLatvian.normalizeQuery(q))", list(queries))
    assert dict(zip(queries, in_js, strict=True)) == queries
    assert latvian.page.evaluate("w => window.ibmLatvian.normalize(w)", "3\u00a0000,00") == normalize("3\u00a0000,00")
    assert LUNR_LV.is_file()


@browser_test
def test_rerank_counts_a_title_without_its_question_words(latvian: Visit) -> None:
    """review28 F10: a page keyword written as a question ("cik ilgs ir plāns") is as whole a title for the query
    as one without question words; „kādēļ” is a question word like „kāpēc”."""

    def page(location: str, *titles: list[str]) -> list[dict]:
        return [{"location": location, "title": location, "text": "", "nosaukums": list(titles)}]

    groups = [page("b.html", ["plan", "ilg", "atbalst"]), page("a.html", ["cik", "ilg", "ir", "plan"])]
    for query in ("cik ilgs plāns", "kādēļ ilgs plāns", "kamdēļ ilgs plāns", "ko ilgs plāns", "plāns ilgs"):
        ranked = latvian.page.evaluate("([g, q]) => window.ibmLatvian.rerank(g, q, []).map(r => r[0].location)",
                                     [groups, query])
        assert ranked == ["a.html", "b.html"], (query, ranked)
    assert "kadel" not in latvian.page.evaluate("q => window.ibmLatvian.typoQuery(q, true)", "kādēļ vajadzīgs plāns")


@browser_test
def test_javascript_reads_every_title_of_the_index_like_python(latvian: Visit, built_site) -> None:  # noqa: ANN001
    """audit34a F6: the index build reads a page title's words and code in Python (title_terms, title_label), the
    search script a section heading's in JavaScript (titleTerms, titleCodes, titleLabel): the same on every title of
    the built index and the navigation."""
    import json

    from generator.site.lvsearch import title_codes, title_label

    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = sorted({re.sub(r"<[^>]+>", "", d["title"]) for d in index["docs"]}) + [
        "D257 – 6.11. tabula", "4. solis – sniedzēji un cenas (6.8.)", "3.1.3 Logopēds", "Cenu vēsture: 2. joma", ""]
    assert len(titles) > 500
    in_js = latvian.page.evaluate("ts => ts.map(t => { const l = window.ibmLatvian; "
                                "return [l.titleTerms(t), l.titleCodes(t), l.titleLabel(t)]; })", titles)
    different = {t: js for t, js in zip(titles, in_js, strict=True)
                 if js != [title_terms(t), title_codes(t), title_label(t)]}
    assert different == {}
    assert title_codes("D257 – 6.11. tabula (6.8.)") == ["d257", "6.11", "6.8"]
    assert (title_label("D257 – 6.11. tabula"), title_label("3.1.3 Logopēds"), title_label("Cenu vēsture: 2. joma")) \
        == ("d257", "3.1.3", None)
    codes = latvian.page.evaluate("qs => qs.map(q => Object.keys(window.ibmLatvian.queryCodes(q)).sort())",
                                ["6.11", "6.11.", "D257", "5,11", "3 000", "+3.1.3*", "griesti"])
    assert codes == [["6,11", "6.11"], ["6.11"], ["d257"], ["5,11"], ["3000"], ["3.1.3"], []]


def _group(location: str, *, titles: list[list[str]] = (), codes: list[str] = (), weight: int = 1,
           sections: list[str] = ()) -> list[dict]:
    page = {"location": location, "title": location, "text": "", "nosaukums": list(titles), "svars": weight}
    if codes:
        page["kodi"] = list(codes)
    return [page] + [{"location": f"{location}#s{i}", "title": t, "text": ""} for i, t in enumerate(sections)]


@browser_test
def test_rerank_puts_the_page_a_code_or_heading_names_first(latvian: Visit) -> None:
    """audit34a F6: the page whose codes hold the query's code, then a section heading starting with the code, then
    a title or an exact heading, then pages not in the background, then a heading holding the words or the code; a
    heading that stands on more than two of the pages found counts for none."""

    def ranked(groups: list[list[dict]], query: str) -> list[str]:
        return latvian.page.evaluate("([g, q]) => window.ibmLatvian.rerank(g, q, []).map(r => r[0].location)",
                                   [groups, query])

    decisions = _group("lemumi.html", weight=0, sections=["D257 – ko saka 6.11. tabula", "D44 – 6.8. tabula"])
    guide = _group("aizpildisana.html", weight=2, sections=["4. solis – cenas (6.8.)"])
    matrix = _group("matrica.html", titles=[["ibm", "matric"]], codes=["6", "6.8", "6.11"])
    downloads = _group("lejupielades.html")
    assert ranked([decisions, guide, downloads, matrix], "6.11") == \
        ["matrica.html", "aizpildisana.html", "lejupielades.html", "lemumi.html"]
    assert ranked([decisions, downloads, guide], "6.8") == ["aizpildisana.html", "lejupielades.html", "lemumi.html"]
    assert ranked([guide, matrix, decisions], "D257") == ["lemumi.html", "aizpildisana.html", "matrica.html"]
    assert ranked([decisions, downloads], "5,11") == ["lejupielades.html", "lemumi.html"]  # decisions: background

    service = _group("katalogs/2.1.html", titles=[["pavadon", "asistent", "pasvaldib"]])
    pilot = _group("izmeginajumprojekti.html", weight=2, sections=["Abi projekti", "Pašvaldības"])
    prices = _group("cenas.html", sections=["Grupu nodarbību griesti"])
    guide_words = _group("aizpildisana.html", weight=2, sections=["4. solis – cenas"])
    rows = _group("lemumi.html", weight=0, sections=["D53 – griesti un pašvaldības"])
    assert ranked([service, rows, pilot], "pašvaldības") == ["izmeginajumprojekti.html", "katalogs/2.1.html",
                                                             "lemumi.html"]
    assert ranked([rows, guide_words, prices], "griesti") == ["cenas.html", "aizpildisana.html", "lemumi.html"]

    everywhere = [_group(f"katalogs/{n}.html", sections=["Mērķa grupa"]) for n in ("1.1", "1.2", "1.3")]
    principles = _group("merkis.html", weight=2, sections=["Mērķa grupa un kritēriji"])
    assert ranked([*everywhere, principles], "mērķa grupa")[0] == "merkis.html"
    assert ranked([everywhere[0], principles], "mērķa grupa")[0] == "katalogs/1.1.html"  # one page: it names it
    # of a page title and a section heading alike, the page's own title first
    history = _group("cenas/joma-3.html", sections=["3.4.1 Mūzikas terapija"])
    service_page = _group("katalogs/3.4.1.html", titles=[["muzik", "terapeit"]])
    assert ranked([history, service_page], "mūzikas terapija") == ["katalogs/3.4.1.html", "cenas/joma-3.html"]


@browser_test
def test_rerank_puts_the_page_of_a_named_annex_first(latvian: Visit) -> None:
    """A query with the word „pielikums” (any form) and a number puts first the page whose annexes hold the number,
    before a page whose own code is the number („2. joma”) and the register page whose title has the word; without the
    word the annex numbers count for nothing."""

    def ranked(groups: list[list[dict]], query: str) -> list[str]:
        return latvian.page.evaluate("([g, q]) => window.ibmLatvian.rerank(g, q, []).map(r => r[0].location)",
                                   [groups, query])

    def annexes(group: list[dict], numbers: list[str]) -> list[dict]:
        return [{**group[0], "pielikumi": numbers}, *group[1:]]

    register = annexes(_group("pielikumi.html", titles=[["metodik", "pielikum"]], weight=2), ["1", "2", "19"])
    area = _group("cenas/joma-2.html", codes=["2"])
    guide = annexes(_group("aizpildisana.html", weight=2), ["7"])
    prices = annexes(_group("cenas.html"), ["16", "16.1"])
    groups = [area, register, prices, guide]
    assert ranked(groups, "7. pielikums")[0] == "aizpildisana.html"
    assert ranked(groups, "7. pielikumā")[0] == "aizpildisana.html"
    assert ranked(groups, "pielikums 16.1")[0] == "cenas.html"
    assert ranked(groups, "2. pielikums")[0] == "pielikumi.html"
    assert ranked(groups, "2")[0] == "cenas/joma-2.html"  # no annex without the word
    assert ranked(groups, "2. joma")[0] == "cenas/joma-2.html"


def test_search_script_size() -> None:
    """Every page loads the search script (before the theme's bundle) and the search worker loads it again: it stays
    small. 29 290 bytes until fix41 (the derivational suffixes, derive: +1,3 KB), ~31 KB until fix45d (the worker's
    quicker index build: +1,6 KB)."""
    assert LUNR_LV.stat().st_size < 33_000, LUNR_LV.stat().st_size
